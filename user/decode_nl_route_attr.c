// SPDX-License-Identifier: GPL-2.0
/*
 * NETLINK_ROUTE attributes: the tables of each message's attribute list (IFLA_*, IFA_*,
 * RTA_*, ...) and the printers of their values. A value that does not fit its printer
 * prints in hex (nl_attrs does that).
 */
#include <arpa/inet.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>
#include <linux/if_link.h>
#include <linux/if_addr.h>
#include <linux/if_addrlabel.h>
#include <linux/neighbour.h>
#include <linux/fib_rules.h>
#include <linux/dcbnl.h>
#include <linux/netconf.h>
#include <linux/if_bridge.h>
#include <linux/nexthop.h>
#include <linux/net_namespace.h>
#include <linux/pkt_cls.h>
#include <linux/pkt_sched.h>
#include <linux/gen_stats.h>
#include <linux/if_bonding.h>
#include <linux/mpls.h>
#include <linux/can/netlink.h>
#include "decode_nl_route.h"
#include "xlat/rt_ifla_attrs.h"
#include "xlat/rt_ifa_attrs.h"
#include "xlat/rt_rta_attrs.h"
#include "xlat/rt_nda_attrs.h"
#include "xlat/rt_ndta_attrs.h"
#include "xlat/rt_fra_attrs.h"
#include "xlat/rt_tca_attrs.h"
#include "xlat/rt_tca_act_attrs.h"
#include "xlat/rt_ifal_attrs.h"
#include "xlat/rt_dcb_attrs.h"
#include "xlat/rt_netconfa_attrs.h"
#include "xlat/rt_mdba_attrs.h"
#include "xlat/rt_netnsa_attrs.h"
#include "xlat/rt_ifstats_attrs.h"
#include "xlat/rt_nha_attrs.h"
#include "xlat/rt_tun_types.h"
#include "xlat/rt_bridge_querier_attrs.h"
#include "xlat/rt_ifla_tun_attrs.h"
#include "xlat/rt_ifla_br_attrs.h"
#include "xlat/rt_bridge_modes.h"
#include "xlat/rt_bridge_flags.h"
#include "xlat/rt_ifla_mctp_attrs.h"
#include "xlat/rt_ifla_bridge_vlan_tunnel_attrs.h"
#include "xlat/rt_ifla_bridge_attrs.h"
#include "xlat/rt_ifla_inet_attrs.h"
#include "xlat/rt_ipv4_devconf.h"
#include "xlat/rt_ifla_brport_attrs.h"
#include "xlat/rt_inet6_if_flags.h"
#include "xlat/net_eth_p.h"
#include "xlat/rt_ifla_vf_link_states.h"
#include "xlat/rt_ifla_vf_vlan_list_attrs.h"
#include "xlat/rt_ifla_vf_stats_attrs.h"
#include "xlat/rt_in6_addr_gen_modes.h"
#include "xlat/rt_icmp6_mib.h"
#include "xlat/rt_ipstats_mib.h"
#include "xlat/rt_devconf.h"
#include "xlat/rt_ifla_inet6_attrs.h"
#include "xlat/rt_xdp_flags.h"
#include "xlat/rt_xdp_attached.h"
#include "xlat/rt_mrt6msg_types.h"
#include "xlat/rt_igmpmsg_types.h"
#include "xlat/rt_ip6mra_creport_attrs.h"
#include "xlat/rt_ipmra_creport_attrs.h"
#include "xlat/rt_bridge_vlan_flags.h"
#include "xlat/rt_mpls_stats_attrs.h"
#include "xlat/rt_offload_xstats_attrs.h"
#include "xlat/rt_bond_3ad_stat_attrs.h"
#include "xlat/rt_bond_xstats_attrs.h"
#include "xlat/rt_bridge_xstats_attrs.h"
#include "xlat/rt_link_xstats_types.h"
#include "xlat/rt_ifla_vf_attrs.h"
#include "xlat/rt_ifla_vfinfo_list_attrs.h"
#include "xlat/rt_ifla_proto_down_reason_attrs.h"
#include "xlat/rt_ifla_xdp_attrs.h"
#include "xlat/rt_ifla_port_attrs.h"
#include "xlat/rt_ifla_vf_ports_attrs.h"
#include "xlat/rt_ifla_info_attrs.h"
#include "xlat/net_af.h"
#include "xlat/net_ipproto.h"
#include "xlat/rt_nh_flags.h"
#include "xlat/rt_ntf_flags.h"
#include "xlat/rt_nud_states.h"
#include "xlat/rt_protocols.h"
#include "xlat/rt_tables.h"
#include "xlat/rt_ifa_flags.h"
#include "xlat/rt_ifla_events.h"
#include "xlat/rt_rtext_filter.h"
#include "xlat/rt_tca_act_hw_stats.h"
#include "xlat/rt_tca_act_flags.h"
#include "xlat/rt_ntf_ext_flags.h"
#include "xlat/rt_fdb_notify_flags.h"
#include "xlat/rt_mdb_flags.h"
#include "xlat/rt_mdb_states.h"
#include "xlat/rt_mdb_rtr_types.h"
#include "xlat/rt_mdba_router_pattr_attrs.h"
#include "xlat/rt_mdba_router_attrs.h"
#include "xlat/rt_mdba_mdb_eattr_attrs.h"
#include "xlat/rt_mdba_mdb_entry_attrs.h"
#include "xlat/rt_mdba_mdb_attrs.h"
#include "xlat/rt_tca_stab_attrs.h"
#include "xlat/rt_tca_stats_attrs.h"
#include "xlat/rt_lwtunnel_encap.h"
#include "xlat/rt_rtax_attrs.h"
#include "xlat/rt_nfea_attrs.h"
#include "xlat/rt_ndtpa_attrs.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define RT_ATTRS(name, xl, dflt, fns) \
	const struct rt_attrs name = { &xl, dflt, fns, ARRAY_LEN(fns) }

void rt_attrs_print(struct nlctx *c, uint64_t addr, uint32_t len, const struct rt_attrs *a,
		    const struct rt_ctx *rc)
{
	nl_attrs(c, addr, len, a->types, a->dflt, a->fns, a->nfns, rc);
}

/* ---- value printers ---- */

/* a struct's fields, printed as far as the attribute holds them */
enum rt_kind {
	K_U, K_D, K_X, K_VAL, K_FLAGS, K_IFINDEX,
	K_XNZ,		/* hex, shown only when not zero (padding) */
	K_MCAST2,	/* u64[2] indexed by BR_MCAST_DIR_* */
	K_MAC,		/* bytes as a link-layer address */
	K_BE16ETH,	/* an ETH_P_* in network byte order */
};
struct rt_field {
	const char *name;
	uint16_t off;
	uint8_t size;
	uint8_t kind;
	const struct xlat *x;
	const char *dflt;
};
struct rt_struct {
	const struct rt_field *f;
	unsigned int n;
	uint32_t min, max;	/* the oldest and the newest size of the struct */
	bool tail;		/* bytes after the struct print in hex */
};
#define FLD(S, m, k) { #m, offsetof(S, m), sizeof(((S *)0)->m), k, NULL, NULL }
#define FLDN(S, name, m, k) { name, offsetof(S, m), sizeof(((S *)0)->m), k, NULL, NULL }
#define FLDX(S, m, k, xl, d) { #m, offsetof(S, m), sizeof(((S *)0)->m), k, &xl, d }

static uint64_t rd_le(const uint8_t *p, unsigned int size)
{
	uint64_t v = 0;

	memcpy(&v, p, size);	/* little-endian: the low bytes */
	return v;
}

static int64_t sext(uint64_t v, unsigned int size)
{
	unsigned int sh = 64 - 8 * size;

	return (int64_t)(v << sh) >> sh;
}

static void rt_value(struct nlctx *c, uint64_t v, unsigned int size, unsigned int kind,
		     const struct xlat *x, const char *dflt)
{
	switch (kind) {
	case K_D:
		ob_dec(c->o, sext(v, size));
		break;
	case K_X:
	case K_XNZ:
		ob_hex(c->o, v);
		break;
	case K_VAL:
		xlat_print_val(c->o, x, v, dflt);
		break;
	case K_FLAGS:
		xlat_print_flags(c->o, x, v, dflt);
		break;
	case K_IFINDEX:
		nl_print_ifindex(c->o, (uint32_t)v);
		break;
	default:
		ob_udec(c->o, v);
	}
}

/* [[BR_MCAST_DIR_RX]=1, [BR_MCAST_DIR_TX]=2] */
static void print_mcast2(struct nlctx *c, const uint8_t *p)
{
	static const char *const dirs[] = { "BR_MCAST_DIR_RX", "BR_MCAST_DIR_TX" };
	unsigned int i;

	ob_putc(c->o, '[');
	for (i = 0; i < 2; i++) {
		ob_puts(c->o, i ? ", [" : "[");
		xlat_print_const(c->o, i, XF_UDEC, dirs[i], NULL);
		ob_puts(c->o, "]=");
		ob_udec(c->o, rd_u64(p + 8 * i));
	}
	ob_putc(c->o, ']');
}

static void print_mac(struct nlctx *c, const uint8_t *p, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		ob_printf(c->o, "%s%02x", i ? ":" : "", p[i]);
}

/* a hardware address field: in -X raw the bytes, in verbose both */
static void print_mac_x(struct nlctx *c, uint64_t addr, const uint8_t *p, unsigned int n)
{
	if (xlat_style != XLAT_ABBREV) {
		nl_hex(c, addr, n);
		if (xlat_style == XLAT_RAW)
			return;
		ob_puts(c->o, " /* ");
	}
	print_mac(c, p, n);
	if (xlat_style != XLAT_ABBREV)
		ob_puts(c->o, " */");
}

/* htons(ETH_P_8021Q) */
static void print_be16_eth(struct nlctx *c, const uint8_t *p)
{
	ob_puts(c->o, "htons(");
	xlat_print_val(c->o, &xlat_net_eth_p, __builtin_bswap16(rd_u16(p)), "ETH_P_???");
	ob_putc(c->o, ')');
}

static bool rt_struct_print(struct nlctx *c, uint64_t addr, uint32_t len,
			    const struct rt_struct *st)
{
	uint32_t n = len < st->max ? len : st->max;
	const uint8_t *p;
	unsigned int i;
	bool first = true;

	if (len < st->min)
		return false;
	p = nl_mem(c, addr, n);
	if (!p) {
		ob_ptr(c->o, addr);
		return true;
	}
	ob_putc(c->o, '{');
	for (i = 0; i < st->n; i++) {
		const struct rt_field *f = &st->f[i];

		if (f->off + f->size > n)
			break;
		if (f->kind == K_XNZ && !rd_le(p + f->off, f->size))
			continue;
		ob_printf(c->o, "%s%s=", first ? "" : ", ", f->name);
		first = false;
		if (f->kind == K_MCAST2)
			print_mcast2(c, p + f->off);
		else if (f->kind == K_MAC)
			print_mac_x(c, addr + f->off, p + f->off, f->size);
		else if (f->kind == K_BE16ETH)
			print_be16_eth(c, p + f->off);
		else
			rt_value(c, rd_le(p + f->off, f->size), f->size, f->kind, f->x, f->dflt);
	}
	ob_putc(c->o, '}');
	if (st->tail && len > st->max) {
		ob_puts(c->o, ", ");
		nl_hex(c, addr + st->max, len - st->max);
	}
	return true;
}

#define RT_STRUCT_FN(fn, S, fields, minsize)					\
	static bool fn(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque) \
	{									\
		static const struct rt_struct st = {				\
			fields, ARRAY_LEN(fields), minsize, sizeof(S), false	\
		};								\
		(void)opaque;							\
		return rt_struct_print(c, addr, len, &st);			\
	}

/* a number of `size` bytes as a constant or flags of a table */
struct rt_xval {
	const struct xlat *x;
	const char *dflt;
	uint8_t size;
	uint8_t kind;
};

static bool rt_xval_print(struct nlctx *c, uint64_t addr, uint32_t len, const struct rt_xval *xv)
{
	const uint8_t *p;

	if (len < xv->size)
		return false;
	p = nl_mem(c, addr, xv->size);
	if (!p) {
		ob_ptr(c->o, addr);
		return true;
	}
	rt_value(c, rd_le(p, xv->size), xv->size, xv->kind, xv->x, xv->dflt);
	return true;
}

/* a struct of one size, what follows it in hex */
#define RT_STRUCT_TAIL_FN(fn, S, fields)					\
	static bool fn(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque) \
	{									\
		static const struct rt_struct st = {				\
			fields, ARRAY_LEN(fields), sizeof(S), sizeof(S), true	\
		};								\
		(void)opaque;							\
		return rt_struct_print(c, addr, len, &st);			\
	}

#define RT_XVAL_FN(fn, xl, d, sz, k)						\
	static bool fn(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque) \
	{									\
		static const struct rt_xval xv = { &xl, d, sz, k };		\
		(void)opaque;							\
		return rt_xval_print(c, addr, len, &xv);			\
	}

#define RT_NESTED_FN(fn, table)							\
	static bool fn(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque) \
	{									\
		rt_attrs_print(c, addr, len, &table, opaque);			\
		return true;							\
	}

/* an address of the message's family: inet_addr("1.2.3.4"), inet_pton(AF_INET6, "::1") */
static void print_ip(struct nlctx *c, int family, const uint8_t *p)
{
	char buf[INET6_ADDRSTRLEN], q[4 * INET6_ADDRSTRLEN + 3];

	inet_ntop(family, p, buf, sizeof(buf));
	quote_string(q, buf);
	/* -X raw: the bytes; -X verbose: the bytes and the call in a comment */
	if (xlat_style != XLAT_ABBREV) {
		bool was = c->d->force_hex;

		c->d->force_hex = true;
		print_quoted(c->d, p, family == AF_INET ? 4 : 16, false, false);
		c->d->force_hex = was;
		if (xlat_style == XLAT_RAW)
			return;
		ob_puts(c->o, " /* ");
	}
	if (family == AF_INET)
		ob_printf(c->o, "inet_addr(%s)", q);
	else
		ob_printf(c->o, "inet_pton(AF_INET6, %s)", q);
	if (xlat_style != XLAT_ABBREV)
		ob_puts(c->o, " */");
}

static bool rt_addr_of(struct nlctx *c, uint64_t addr, uint32_t len, int family)
{
	uint32_t n = family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
	const uint8_t *p;

	if (!n || len < n)
		return false;
	p = nl_mem(c, addr, n);
	if (!p) {
		ob_ptr(c->o, addr);
		return true;
	}
	print_ip(c, family, p);
	return true;
}

static bool nla_rt_addr(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	const struct rt_ctx *rc = opaque;

	return rt_addr_of(c, addr, len, rc->family);
}

static bool nla_inet_addr(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	return rt_addr_of(c, addr, len, AF_INET);
}

static bool nla_inet6_addr(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	return rt_addr_of(c, addr, len, AF_INET6);
}

static void print_mac_x(struct nlctx *c, uint64_t addr, const uint8_t *p, unsigned int n);

/* a link-layer address: f8:c2:49:13:57 */
static bool nla_hwaddr(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	const uint8_t *p;

	(void)opaque;
	p = nl_mem(c, addr, len);
	if (!p) {
		ob_ptr(c->o, addr);
		return true;
	}
	print_mac_x(c, addr, p, len);
	return true;
}

/* clock ticks (USER_HZ) of up to 8 bytes, with the seconds they make when not zero */
static bool nla_clock_t(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	const uint8_t *p;
	uint64_t v;

	(void)opaque;
	if (!len || len > 8)
		return false;
	p = nl_mem(c, addr, len);
	if (!p) {
		ob_ptr(c->o, addr);
		return true;
	}
	v = rd_le(p, len);
	ob_udec(c->o, v);
	if (v && xlat_style != XLAT_RAW)
		ob_printf(c->o, " /* %llu.%02llu s */", (unsigned long long)(v / 100),
			  (unsigned long long)(v % 100));
	return true;
}

/* a string whose every byte counts but a final NUL: "a\0b"; "..." with no final NUL */
static bool nla_str_omit0(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	uint64_t n = len < c->d->s->strsize ? len : c->d->s->strsize;
	const uint8_t *p = nl_mem(c, addr, n);

	(void)opaque;
	if (!p) {
		ob_ptr(c->o, addr);
		return true;
	}
	if (n == len && n && !p[n - 1])
		print_quoted(c->d, p, n - 1, false, false);
	else
		print_quoted(c->d, p, n, false, true);
	return true;
}

static void u16_elem(struct nlctx *c, const uint8_t *p, uint32_t i, const void *opaque)
{
	(void)i;
	(void)opaque;
	ob_udec(c->o, rd_u16(p));
}

static bool nla_u16_array(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	if (len < 2)
		return false;
	nl_array(c, addr, len / 2, 2, u16_elem, NULL);
	return true;
}

/* ---- NETNSA_* (rtgenmsg) ---- */

static const nla_fn netnsa_fns[] = {
	[NETNSA_NSID] = nla_s32,
	[NETNSA_PID] = nla_u32,
	[NETNSA_FD] = nla_fd,
	[NETNSA_TARGET_NSID] = nla_s32,
	[NETNSA_CURRENT_NSID] = nla_s32,
};
RT_ATTRS(rt_netnsa_attrs, xlat_rt_netnsa_attrs, "NETNSA_???", netnsa_fns);

/* ---- IFA_* (ifaddrmsg) ---- */

static const struct rt_field ifa_cacheinfo_f[] = {
	FLD(struct ifa_cacheinfo, ifa_prefered, K_U),
	FLD(struct ifa_cacheinfo, ifa_valid, K_U),
	FLD(struct ifa_cacheinfo, cstamp, K_U),
	FLD(struct ifa_cacheinfo, tstamp, K_U),
};
RT_STRUCT_FN(nla_ifa_cacheinfo, struct ifa_cacheinfo, ifa_cacheinfo_f,
	     sizeof(struct ifa_cacheinfo))
RT_XVAL_FN(nla_ifa_flags, xlat_rt_ifa_flags, "IFA_F_???", 4, K_FLAGS)

static const nla_fn ifa_fns[] = {
	[IFA_ADDRESS] = nla_rt_addr,
	[IFA_LOCAL] = nla_rt_addr,
	[IFA_LABEL] = nla_str,
	[IFA_BROADCAST] = nla_rt_addr,
	[IFA_ANYCAST] = nla_rt_addr,
	[IFA_CACHEINFO] = nla_ifa_cacheinfo,
	[IFA_MULTICAST] = nla_rt_addr,
	[IFA_FLAGS] = nla_ifa_flags,
	[IFA_RT_PRIORITY] = nla_u32,
	[IFA_TARGET_NETNSID] = nla_s32,
};
RT_ATTRS(rt_ifa_attrs, xlat_rt_ifa_attrs, "IFA_???", ifa_fns);

/* ---- RTA_* (rtmsg) ---- */

RT_XVAL_FN(nla_rt_table, xlat_rt_tables, NULL, 4, K_VAL)
RT_XVAL_FN(nla_lwt_encap, xlat_rt_lwtunnel_encap, "LWTUNNEL_ENCAP_???", 2, K_VAL)
RT_XVAL_FN(nla_rt_proto_u8, xlat_rt_protocols, "RTPROT_???", 1, K_VAL)
RT_XVAL_FN(nla_ipproto_u8, xlat_net_ipproto, "IPPROTO_???", 1, K_VAL)

static const nla_fn rtax_fns[] = {
	[RTAX_LOCK] = nla_u32,
	[RTAX_MTU] = nla_u32,
	[RTAX_WINDOW] = nla_u32,
	[RTAX_RTT] = nla_u32,
	[RTAX_RTTVAR] = nla_u32,
	[RTAX_SSTHRESH] = nla_u32,
	[RTAX_CWND] = nla_u32,
	[RTAX_ADVMSS] = nla_u32,
	[RTAX_REORDERING] = nla_u32,
	[RTAX_HOPLIMIT] = nla_u32,
	[RTAX_INITCWND] = nla_u32,
	[RTAX_FEATURES] = nla_u32,
	[RTAX_RTO_MIN] = nla_u32,
	[RTAX_INITRWND] = nla_u32,
	[RTAX_QUICKACK] = nla_u32,
	[RTAX_CC_ALGO] = nla_str,
	[RTAX_FASTOPEN_NO_COOKIE] = nla_u32,
};
static const struct rt_attrs rtax_attrs = {
	&xlat_rt_rtax_attrs, "RTAX_???", rtax_fns, ARRAY_LEN(rtax_fns)
};
RT_NESTED_FN(nla_rta_metrics, rtax_attrs)

static const struct rt_field rta_cacheinfo_f[] = {
	FLD(struct rta_cacheinfo, rta_clntref, K_U),
	FLD(struct rta_cacheinfo, rta_lastuse, K_U),
	FLD(struct rta_cacheinfo, rta_expires, K_U),
	FLD(struct rta_cacheinfo, rta_error, K_U),
	FLD(struct rta_cacheinfo, rta_used, K_U),
	FLD(struct rta_cacheinfo, rta_id, K_X),
	FLD(struct rta_cacheinfo, rta_ts, K_U),
	FLD(struct rta_cacheinfo, rta_tsage, K_U),
};
RT_STRUCT_FN(nla_rta_cacheinfo, struct rta_cacheinfo, rta_cacheinfo_f,
	     sizeof(struct rta_cacheinfo))

static const struct rt_field rta_mfc_stats_f[] = {
	FLD(struct rta_mfc_stats, mfcs_packets, K_U),
	FLD(struct rta_mfc_stats, mfcs_bytes, K_U),
	FLD(struct rta_mfc_stats, mfcs_wrong_if, K_U),
};
RT_STRUCT_FN(nla_rta_mfc_stats, struct rta_mfc_stats, rta_mfc_stats_f,
	     sizeof(struct rta_mfc_stats))

/* struct rtvia: a family, then an address of that family */
static bool nla_rtvia(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	uint32_t off = offsetof(struct rtvia, rtvia_addr);
	const uint8_t *p;
	uint16_t family;

	(void)opaque;
	if (len < off)
		return false;
	p = nl_mem(c, addr, off);
	if (!p) {
		ob_ptr(c->o, addr);
		return true;
	}
	family = rd_u16(p);
	ob_puts(c->o, "{rtvia_family=");
	xlat_print_val(c->o, &xlat_net_af, family, "AF_???");
	if (len > off) {
		uint32_t n = family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;

		ob_puts(c->o, ", ");
		p = n && len - off >= n ? nl_mem(c, addr + off, n) : NULL;
		if (p && family == AF_INET) {
			ob_puts(c->o, "rtvia_addr=");
			print_ip(c, family, p);
		} else if (p) {
			char buf[INET6_ADDRSTRLEN], q[4 * INET6_ADDRSTRLEN + 3];

			inet_ntop(AF_INET6, p, buf, sizeof(buf));
			quote_string(q, buf);
			ob_printf(c->o, "inet_pton(AF_INET6, %s, &rtvia_addr)", q);
		} else if (n && len - off >= n) {
			ob_ptr(c->o, addr + off);
		} else {
			ob_puts(c->o, "rtvia_addr=");
			nl_hex(c, addr + off, len - off);
		}
	}
	ob_putc(c->o, '}');
	return true;
}

extern const struct rt_attrs rt_rta_attrs;

/* RTA_MULTIPATH: struct rtnexthop, each followed by its RTA_* attributes */
static bool nla_rta_multipath(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	const uint32_t hsize = RTNH_ALIGN(sizeof(struct rtnexthop));
	struct rtnexthop nh;
	bool is_array = false;

	if (len < sizeof(nh))
		return false;
	for (unsigned int elt = 0; len >= sizeof(nh); elt++) {
		uint32_t nlen, step;

		if (elt && !is_array)
			break;
		if (elt)
			ob_puts(c->o, ", ");
		if (!nl_fetch(c, addr, &nh, sizeof(nh)))
			break;
		if (!elt && nh.rtnh_len < len) {
			ob_putc(c->o, '[');
			is_array = true;
		}
		nlen = nh.rtnh_len < len ? nh.rtnh_len : len;
		if (nlen > hsize)
			ob_putc(c->o, '[');
		ob_printf(c->o, "{rtnh_len=%u, rtnh_flags=", nh.rtnh_len);
		xlat_print_flags(c->o, &xlat_rt_nh_flags, nh.rtnh_flags, "RTNH_F_???");
		ob_printf(c->o, ", rtnh_hops=%u, rtnh_ifindex=", nh.rtnh_hops);
		nl_print_ifindex(c->o, (uint32_t)nh.rtnh_ifindex);
		ob_putc(c->o, '}');
		if (nlen > hsize) {
			ob_puts(c->o, ", ");
			rt_attrs_print(c, addr + hsize, nlen - hsize, &rt_rta_attrs, opaque);
			ob_putc(c->o, ']');
		}
		if (nh.rtnh_len < sizeof(nh))
			break;
		step = RTNH_ALIGN(nh.rtnh_len);
		if (step >= len)
			break;
		addr += step;
		len -= step;
	}
	if (is_array)
		ob_putc(c->o, ']');
	return true;
}

static const nla_fn rta_fns[] = {
	[RTA_DST] = nla_rt_addr,
	[RTA_SRC] = nla_rt_addr,
	[RTA_IIF] = nla_ifindex,
	[RTA_OIF] = nla_ifindex,
	[RTA_GATEWAY] = nla_rt_addr,
	[RTA_PRIORITY] = nla_u32,
	[RTA_PREFSRC] = nla_rt_addr,
	[RTA_METRICS] = nla_rta_metrics,
	[RTA_MULTIPATH] = nla_rta_multipath,
	[RTA_FLOW] = nla_u32,
	[RTA_CACHEINFO] = nla_rta_cacheinfo,
	[RTA_TABLE] = nla_rt_table,
	[RTA_MARK] = nla_u32,
	[RTA_MFC_STATS] = nla_rta_mfc_stats,
	[RTA_VIA] = nla_rtvia,
	[RTA_NEWDST] = nla_rt_addr,
	[RTA_PREF] = nla_u8,
	[RTA_ENCAP_TYPE] = nla_lwt_encap,
	[RTA_EXPIRES] = nla_u64,
	[RTA_UID] = nla_u32,
	[RTA_TTL_PROPAGATE] = nla_u8,
	[RTA_IP_PROTO] = nla_ipproto_u8,
	[RTA_SPORT] = nla_be16,
	[RTA_DPORT] = nla_be16,
	[RTA_NH_ID] = nla_u32,
};
RT_ATTRS(rt_rta_attrs, xlat_rt_rta_attrs, "RTA_???", rta_fns);

/* ---- NDA_* (ndmsg) ---- */

static const struct rt_field nda_cacheinfo_f[] = {
	FLD(struct nda_cacheinfo, ndm_confirmed, K_U),
	FLD(struct nda_cacheinfo, ndm_used, K_U),
	FLD(struct nda_cacheinfo, ndm_updated, K_U),
	FLD(struct nda_cacheinfo, ndm_refcnt, K_U),
};
RT_STRUCT_FN(nla_nda_cacheinfo, struct nda_cacheinfo, nda_cacheinfo_f,
	     sizeof(struct nda_cacheinfo))
RT_XVAL_FN(nla_fdb_notify, xlat_rt_fdb_notify_flags, "FDB_NOTIFY_???", 1, K_FLAGS)
RT_XVAL_FN(nla_ntf_ext, xlat_rt_ntf_ext_flags, "NTF_EXT_???", 4, K_FLAGS)
RT_XVAL_FN(nla_nud_mask, xlat_rt_nud_states, "NUD_???", 2, K_FLAGS)
RT_XVAL_FN(nla_ntf_mask, xlat_rt_ntf_flags, "NTF_???", 1, K_FLAGS)

static const nla_fn nfea_fns[] = {
	[NFEA_ACTIVITY_NOTIFY] = nla_fdb_notify,
	[NFEA_DONT_REFRESH] = nla_flag,
};
static const struct rt_attrs nfea_attrs = {
	&xlat_rt_nfea_attrs, "NFEA_???", nfea_fns, ARRAY_LEN(nfea_fns)
};
RT_NESTED_FN(nla_nfea, nfea_attrs)

static const nla_fn nda_fns[] = {
	[NDA_DST] = nla_rt_addr,
	[NDA_LLADDR] = nla_hwaddr,
	[NDA_CACHEINFO] = nla_nda_cacheinfo,
	[NDA_PROBES] = nla_u32,
	[NDA_VLAN] = nla_u16,
	[NDA_PORT] = nla_be16,
	[NDA_VNI] = nla_u32,
	[NDA_IFINDEX] = nla_ifindex,
	[NDA_MASTER] = nla_ifindex,
	[NDA_LINK_NETNSID] = nla_u32,
	[NDA_SRC_VNI] = nla_u32,
	[NDA_PROTOCOL] = nla_rt_proto_u8,
	[NDA_NH_ID] = nla_u32,
	[NDA_FDB_EXT_ATTRS] = nla_nfea,
	[NDA_FLAGS_EXT] = nla_ntf_ext,
	[NDA_NDM_STATE_MASK] = nla_nud_mask,
	[NDA_NDM_FLAGS_MASK] = nla_ntf_mask,
};
RT_ATTRS(rt_nda_attrs, xlat_rt_nda_attrs, "NDA_???", nda_fns);

/* ---- NDTA_* (ndtmsg) ---- */

static const struct rt_field ndt_config_f[] = {
	FLD(struct ndt_config, ndtc_key_len, K_U),
	FLD(struct ndt_config, ndtc_entry_size, K_U),
	FLD(struct ndt_config, ndtc_entries, K_U),
	FLD(struct ndt_config, ndtc_last_flush, K_U),
	FLD(struct ndt_config, ndtc_last_rand, K_U),
	FLD(struct ndt_config, ndtc_hash_rnd, K_U),
	FLD(struct ndt_config, ndtc_hash_mask, K_X),
	FLD(struct ndt_config, ndtc_hash_chain_gc, K_U),
	FLD(struct ndt_config, ndtc_proxy_qlen, K_U),
};
RT_STRUCT_FN(nla_ndt_config, struct ndt_config, ndt_config_f, sizeof(struct ndt_config))

static const struct rt_field ndt_stats_f[] = {
	FLD(struct ndt_stats, ndts_allocs, K_U),
	FLD(struct ndt_stats, ndts_destroys, K_U),
	FLD(struct ndt_stats, ndts_hash_grows, K_U),
	FLD(struct ndt_stats, ndts_res_failed, K_U),
	FLD(struct ndt_stats, ndts_lookups, K_U),
	FLD(struct ndt_stats, ndts_hits, K_U),
	FLD(struct ndt_stats, ndts_rcv_probes_mcast, K_U),
	FLD(struct ndt_stats, ndts_rcv_probes_ucast, K_U),
	FLD(struct ndt_stats, ndts_periodic_gc_runs, K_U),
	FLD(struct ndt_stats, ndts_forced_gc_runs, K_U),
	FLD(struct ndt_stats, ndts_table_fulls, K_U),
};
RT_STRUCT_FN(nla_ndt_stats, struct ndt_stats, ndt_stats_f, sizeof(struct ndt_stats))

static const nla_fn ndtpa_fns[] = {
	[NDTPA_IFINDEX] = nla_ifindex,
	[NDTPA_REFCNT] = nla_u32,
	[NDTPA_REACHABLE_TIME] = nla_u64,
	[NDTPA_BASE_REACHABLE_TIME] = nla_u64,
	[NDTPA_RETRANS_TIME] = nla_u64,
	[NDTPA_GC_STALETIME] = nla_u64,
	[NDTPA_DELAY_PROBE_TIME] = nla_u64,
	[NDTPA_QUEUE_LEN] = nla_u32,
	[NDTPA_APP_PROBES] = nla_u32,
	[NDTPA_UCAST_PROBES] = nla_u32,
	[NDTPA_MCAST_PROBES] = nla_u32,
	[NDTPA_ANYCAST_DELAY] = nla_u64,
	[NDTPA_PROXY_DELAY] = nla_u64,
	[NDTPA_PROXY_QLEN] = nla_u32,
	[NDTPA_LOCKTIME] = nla_u64,
	[NDTPA_QUEUE_LENBYTES] = nla_u32,
	[NDTPA_MCAST_REPROBES] = nla_u32,
	[NDTPA_INTERVAL_PROBE_TIME_MS] = nla_u64,
};
static const struct rt_attrs ndtpa_attrs = {
	&xlat_rt_ndtpa_attrs, "NDTPA_???", ndtpa_fns, ARRAY_LEN(ndtpa_fns)
};
RT_NESTED_FN(nla_ndtpa, ndtpa_attrs)

static const nla_fn ndta_fns[] = {
	[NDTA_NAME] = nla_str,
	[NDTA_THRESH1] = nla_u32,
	[NDTA_THRESH2] = nla_u32,
	[NDTA_THRESH3] = nla_u32,
	[NDTA_CONFIG] = nla_ndt_config,
	[NDTA_PARMS] = nla_ndtpa,
	[NDTA_STATS] = nla_ndt_stats,
	[NDTA_GC_INTERVAL] = nla_u64,
};
RT_ATTRS(rt_ndta_attrs, xlat_rt_ndta_attrs, "NDTA_???", ndta_fns);

/* ---- FRA_* (fib_rule_hdr) ---- */

static const struct rt_field fib_uid_range_f[] = {
	FLD(struct fib_rule_uid_range, start, K_U),
	FLD(struct fib_rule_uid_range, end, K_U),
};
RT_STRUCT_FN(nla_fib_uid_range, struct fib_rule_uid_range, fib_uid_range_f,
	     sizeof(struct fib_rule_uid_range))

static const struct rt_field fib_port_range_f[] = {
	FLD(struct fib_rule_port_range, start, K_U),
	FLD(struct fib_rule_port_range, end, K_U),
};
RT_STRUCT_FN(nla_fib_port_range, struct fib_rule_port_range, fib_port_range_f,
	     sizeof(struct fib_rule_port_range))

static const nla_fn fra_fns[] = {
	[FRA_DST] = nla_rt_addr,
	[FRA_SRC] = nla_rt_addr,
	[FRA_IIFNAME] = nla_str,
	[FRA_GOTO] = nla_u32,
	[FRA_PRIORITY] = nla_u32,
	[FRA_FWMARK] = nla_x32,
	[FRA_FLOW] = nla_u32,
	[FRA_TUN_ID] = nla_be64,
	[FRA_SUPPRESS_IFGROUP] = nla_u32,
	[FRA_SUPPRESS_PREFIXLEN] = nla_u32,
	[FRA_TABLE] = nla_rt_table,
	[FRA_FWMASK] = nla_x32,
	[FRA_OIFNAME] = nla_str,
	[FRA_L3MDEV] = nla_u8,
	[FRA_UID_RANGE] = nla_fib_uid_range,
	[FRA_PROTOCOL] = nla_rt_proto_u8,
	[FRA_IP_PROTO] = nla_ipproto_u8,
	[FRA_SPORT_RANGE] = nla_fib_port_range,
	[FRA_DPORT_RANGE] = nla_fib_port_range,
};
RT_ATTRS(rt_fra_attrs, xlat_rt_fra_attrs, "FRA_???", fra_fns);

/* ---- TCA_* (tcmsg) ---- */

static const struct rt_field tc_stats_f[] = {
	FLD(struct tc_stats, bytes, K_U),
	FLD(struct tc_stats, packets, K_U),
	FLD(struct tc_stats, drops, K_U),
	FLD(struct tc_stats, overlimits, K_U),
	FLD(struct tc_stats, bps, K_U),
	FLD(struct tc_stats, pps, K_U),
	FLD(struct tc_stats, qlen, K_U),
	FLD(struct tc_stats, backlog, K_U),
};
RT_STRUCT_FN(nla_tc_stats, struct tc_stats, tc_stats_f,
	     offsetof(struct tc_stats, backlog) + sizeof(uint32_t))

static const struct rt_field tc_estimator_f[] = {
	FLD(struct tc_estimator, interval, K_D),
	FLD(struct tc_estimator, ewma_log, K_U),
};
RT_STRUCT_FN(nla_tc_estimator, struct tc_estimator, tc_estimator_f,
	     sizeof(struct tc_estimator))

static const struct rt_field gnet_basic_f[] = {
	FLD(struct gnet_stats_basic, bytes, K_U),
	FLD(struct gnet_stats_basic, packets, K_U),
};
RT_STRUCT_FN(nla_gnet_basic, struct gnet_stats_basic, gnet_basic_f,
	     offsetof(struct gnet_stats_basic, packets) + sizeof(uint32_t))

static const struct rt_field gnet_rate_est_f[] = {
	FLD(struct gnet_stats_rate_est, bps, K_U),
	FLD(struct gnet_stats_rate_est, pps, K_U),
};
RT_STRUCT_FN(nla_gnet_rate_est, struct gnet_stats_rate_est, gnet_rate_est_f,
	     sizeof(struct gnet_stats_rate_est))

static const struct rt_field gnet_queue_f[] = {
	FLD(struct gnet_stats_queue, qlen, K_U),
	FLD(struct gnet_stats_queue, backlog, K_U),
	FLD(struct gnet_stats_queue, drops, K_U),
	FLD(struct gnet_stats_queue, requeues, K_U),
	FLD(struct gnet_stats_queue, overlimits, K_U),
};
RT_STRUCT_FN(nla_gnet_queue, struct gnet_stats_queue, gnet_queue_f,
	     sizeof(struct gnet_stats_queue))

static const struct rt_field gnet_rate_est64_f[] = {
	FLD(struct gnet_stats_rate_est64, bps, K_U),
	FLD(struct gnet_stats_rate_est64, pps, K_U),
};
RT_STRUCT_FN(nla_gnet_rate_est64, struct gnet_stats_rate_est64, gnet_rate_est64_f,
	     sizeof(struct gnet_stats_rate_est64))

static const nla_fn tca_stats_fns[] = {
	[TCA_STATS_BASIC] = nla_gnet_basic,
	[TCA_STATS_RATE_EST] = nla_gnet_rate_est,
	[TCA_STATS_QUEUE] = nla_gnet_queue,
	[TCA_STATS_RATE_EST64] = nla_gnet_rate_est64,
	[TCA_STATS_BASIC_HW] = nla_gnet_basic,
	[TCA_STATS_PKT64] = nla_u64,
};
static const struct rt_attrs tca_stats_attrs = {
	&xlat_rt_tca_stats_attrs, "TCA_STATS_???", tca_stats_fns, ARRAY_LEN(tca_stats_fns)
};
RT_NESTED_FN(nla_tca_stats2, tca_stats_attrs)

static const struct rt_field tc_sizespec_f[] = {
	FLD(struct tc_sizespec, cell_log, K_U),
	FLD(struct tc_sizespec, size_log, K_U),
	FLD(struct tc_sizespec, cell_align, K_D),
	FLD(struct tc_sizespec, overhead, K_D),
	FLD(struct tc_sizespec, linklayer, K_U),
	FLD(struct tc_sizespec, mpu, K_U),
	FLD(struct tc_sizespec, mtu, K_U),
	FLD(struct tc_sizespec, tsize, K_U),
};
RT_STRUCT_FN(nla_tc_sizespec, struct tc_sizespec, tc_sizespec_f, sizeof(struct tc_sizespec))

static const nla_fn tca_stab_fns[] = {
	[TCA_STAB_BASE] = nla_tc_sizespec,
	[TCA_STAB_DATA] = nla_u16_array,
};
static const struct rt_attrs tca_stab_attrs = {
	&xlat_rt_tca_stab_attrs, "TCA_STAB_???", tca_stab_fns, ARRAY_LEN(tca_stab_fns)
};
RT_NESTED_FN(nla_tca_stab, tca_stab_attrs)

static const nla_fn tca_fns[] = {
	[TCA_KIND] = nla_str,
	[TCA_STATS] = nla_tc_stats,
	[TCA_RATE] = nla_tc_estimator,
	[TCA_FCNT] = nla_u32,
	[TCA_STATS2] = nla_tca_stats2,
	[TCA_STAB] = nla_tca_stab,
	[TCA_DUMP_INVISIBLE] = nla_flag,
	[TCA_CHAIN] = nla_u32,
	[TCA_HW_OFFLOAD] = nla_u8,
	[TCA_INGRESS_BLOCK] = nla_u32,
	[TCA_EGRESS_BLOCK] = nla_u32,
};
RT_ATTRS(rt_tca_attrs, xlat_rt_tca_attrs, "TCA_???", tca_fns);

/* ---- TCA_ACT_* (tcamsg) ---- */

RT_XVAL_FN(nla_tca_act_flags, xlat_rt_tca_act_flags, "TCA_ACT_FLAGS_???", 4, K_FLAGS)
RT_XVAL_FN(nla_tca_act_hw_stats, xlat_rt_tca_act_hw_stats, "TCA_ACT_HW_STATS_???", 4, K_FLAGS)

static const nla_fn tca_act_fns[] = {
	[TCA_ACT_KIND] = nla_str,
	[TCA_ACT_INDEX] = nla_u32,
	[TCA_ACT_STATS] = nla_tca_stats2,
	[TCA_ACT_FLAGS] = nla_tca_act_flags,
	[TCA_ACT_HW_STATS] = nla_tca_act_hw_stats,
	[TCA_ACT_USED_HW_STATS] = nla_tca_act_hw_stats,
	[TCA_ACT_IN_HW_COUNT] = nla_u32,
};
RT_ATTRS(rt_tca_act_attrs, xlat_rt_tca_act_attrs, "TCA_ACT_???", tca_act_fns);

/* ---- IFAL_* (ifaddrlblmsg) ---- */

static const nla_fn ifal_fns[] = {
	[IFAL_ADDRESS] = nla_rt_addr,
	[IFAL_LABEL] = nla_u32,
};
RT_ATTRS(rt_ifal_attrs, xlat_rt_ifal_attrs, "IFAL_???", ifal_fns);

/* ---- DCB_ATTR_* (dcbmsg) ---- */

static const nla_fn dcb_fns[] = {
	[DCB_ATTR_IFNAME] = nla_str,
	[DCB_ATTR_STATE] = nla_u8,
	[DCB_ATTR_SET_ALL] = nla_u8,
	[DCB_ATTR_PERM_HWADDR] = nla_hwaddr,
	[DCB_ATTR_NUMTCS] = NULL,
	[DCB_ATTR_DCBX] = nla_u8,
};
RT_ATTRS(rt_dcb_attrs, xlat_rt_dcb_attrs, "DCB_ATTR_???", dcb_fns);

/* ---- NETCONFA_* (netconfmsg) ---- */

static const nla_fn netconfa_fns[] = {
	[NETCONFA_IFINDEX] = nla_ifindex,
	[NETCONFA_FORWARDING] = nla_s32,
	[NETCONFA_RP_FILTER] = nla_s32,
	[NETCONFA_MC_FORWARDING] = nla_s32,
	[NETCONFA_PROXY_NEIGH] = nla_s32,
	[NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN] = nla_s32,
	[NETCONFA_INPUT] = nla_s32,
	[NETCONFA_BC_FORWARDING] = nla_s32,
};
RT_ATTRS(rt_netconfa_attrs, xlat_rt_netconfa_attrs, "NETCONFA_???", netconfa_fns);

/* ---- MDBA_* (br_port_msg) ---- */

/* struct br_mdb_entry: the group address is printed as bytes with its protocol */
static bool nla_br_mdb_entry(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	struct br_mdb_entry e;
	uint16_t proto;

	(void)opaque;
	if (len < sizeof(e))
		return false;
	if (!nl_fetch(c, addr, &e, sizeof(e)))
		return true;
	ob_puts(c->o, "{ifindex=");
	nl_print_ifindex(c->o, e.ifindex);
	ob_puts(c->o, ", state=");
	xlat_print_val(c->o, &xlat_rt_mdb_states, e.state, "MDB_???");
	ob_puts(c->o, ", flags=");
	xlat_print_flags(c->o, &xlat_rt_mdb_flags, e.flags, "MDB_FLAGS_???");
	ob_printf(c->o, ", vid=%u, addr={u=", e.vid);
	nl_hex(c, addr + offsetof(struct br_mdb_entry, addr.u), sizeof(e.addr.u));
	proto = __builtin_bswap16(e.addr.proto);
	ob_puts(c->o, ", proto=htons(");
	xlat_print_val(c->o, &xlat_net_af, proto, "AF_???");
	ob_puts(c->o, ")}}");
	return true;
}

static const nla_fn mdba_eattr_fns[] = {
	[MDBA_MDB_EATTR_TIMER] = nla_clock_t,
	[MDBA_MDB_EATTR_GROUP_MODE] = nla_u8,
	[MDBA_MDB_EATTR_RTPROT] = nla_rt_proto_u8,
};
static const struct rt_attrs mdba_eattr_attrs = {
	&xlat_rt_mdba_mdb_eattr_attrs, "MDBA_MDB_EATTR_???", mdba_eattr_fns,
	ARRAY_LEN(mdba_eattr_fns)
};

/* MDBA_MDB_ENTRY_INFO: the entry, then its MDBA_MDB_EATTR_* attributes */
static bool nla_mdb_entry_info(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	uint32_t off = NLA_ALIGN(sizeof(struct br_mdb_entry));

	if (!nla_br_mdb_entry(c, addr, len, opaque))
		return false;
	if (len > off && nl_mem(c, addr, sizeof(struct br_mdb_entry))) {
		ob_puts(c->o, ", ");
		rt_attrs_print(c, addr + off, len - off, &mdba_eattr_attrs, opaque);
	}
	return true;
}

static const nla_fn mdba_entry_fns[] = {
	[MDBA_MDB_ENTRY_INFO] = nla_mdb_entry_info,
};
static const struct rt_attrs mdba_entry_attrs = {
	&xlat_rt_mdba_mdb_entry_attrs, "MDBA_MDB_ENTRY_???", mdba_entry_fns,
	ARRAY_LEN(mdba_entry_fns)
};
RT_NESTED_FN(nla_mdba_mdb_entry, mdba_entry_attrs)

static const nla_fn mdba_mdb_fns[] = {
	[MDBA_MDB_ENTRY] = nla_mdba_mdb_entry,
};
static const struct rt_attrs mdba_mdb_attrs = {
	&xlat_rt_mdba_mdb_attrs, "MDBA_MDB_???", mdba_mdb_fns, ARRAY_LEN(mdba_mdb_fns)
};
RT_NESTED_FN(nla_mdba_mdb, mdba_mdb_attrs)

RT_XVAL_FN(nla_mdb_rtr_type, xlat_rt_mdb_rtr_types, "MDB_RTR_TYPE_???", 1, K_VAL)

static const nla_fn mdba_pattr_fns[] = {
	[MDBA_ROUTER_PATTR_TIMER] = nla_clock_t,
	[MDBA_ROUTER_PATTR_TYPE] = nla_mdb_rtr_type,
	[MDBA_ROUTER_PATTR_INET_TIMER] = nla_clock_t,
	[MDBA_ROUTER_PATTR_INET6_TIMER] = nla_clock_t,
};
static const struct rt_attrs mdba_pattr_attrs = {
	&xlat_rt_mdba_router_pattr_attrs, "MDBA_ROUTER_PATTR_???", mdba_pattr_fns,
	ARRAY_LEN(mdba_pattr_fns)
};

/* MDBA_ROUTER_PORT: an interface index, then its MDBA_ROUTER_PATTR_* attributes */
static bool nla_mdba_router_port(struct nlctx *c, uint64_t addr, uint32_t len,
				 const void *opaque)
{
	if (len < 4)
		return false;
	if (!nla_ifindex(c, addr, len, opaque))
		return false;
	if (len > 4 && nl_mem(c, addr, 4)) {
		ob_puts(c->o, ", ");
		rt_attrs_print(c, addr + 4, len - 4, &mdba_pattr_attrs, opaque);
	}
	return true;
}

static const nla_fn mdba_router_fns[] = {
	[MDBA_ROUTER_PORT] = nla_mdba_router_port,
};
static const struct rt_attrs mdba_router_attrs = {
	&xlat_rt_mdba_router_attrs, "MDBA_ROUTER_???", mdba_router_fns,
	ARRAY_LEN(mdba_router_fns)
};
RT_NESTED_FN(nla_mdba_router, mdba_router_attrs)

static const nla_fn mdba_fns[] = {
	[MDBA_MDB] = nla_mdba_mdb,
	[MDBA_ROUTER] = nla_mdba_router,
};
RT_ATTRS(rt_mdba_attrs, xlat_rt_mdba_attrs, "MDBA_???", mdba_fns);

/* ---- NHA_* (nhmsg) ---- */

static const nla_fn nha_fns[] = {
	[NHA_ID] = nla_u32,
	[NHA_BLACKHOLE] = nla_flag,
	[NHA_OIF] = nla_ifindex,
	[NHA_GATEWAY] = nla_rt_addr,
	[NHA_ENCAP_TYPE] = nla_lwt_encap,
	[NHA_GROUPS] = nla_flag,
	[NHA_MASTER] = nla_ifindex,
	[NHA_FDB] = nla_flag,
};
RT_ATTRS(rt_nha_attrs, xlat_rt_nha_attrs, "NHA_???", nha_fns);

/* ---- IFLA_* (ifinfomsg) ---- */

static const struct rt_field link_stats_f[] = {
	FLD(struct rtnl_link_stats, rx_packets, K_U),
	FLD(struct rtnl_link_stats, tx_packets, K_U),
	FLD(struct rtnl_link_stats, rx_bytes, K_U),
	FLD(struct rtnl_link_stats, tx_bytes, K_U),
	FLD(struct rtnl_link_stats, rx_errors, K_U),
	FLD(struct rtnl_link_stats, tx_errors, K_U),
	FLD(struct rtnl_link_stats, rx_dropped, K_U),
	FLD(struct rtnl_link_stats, tx_dropped, K_U),
	FLD(struct rtnl_link_stats, multicast, K_U),
	FLD(struct rtnl_link_stats, collisions, K_U),
	FLD(struct rtnl_link_stats, rx_length_errors, K_U),
	FLD(struct rtnl_link_stats, rx_over_errors, K_U),
	FLD(struct rtnl_link_stats, rx_crc_errors, K_U),
	FLD(struct rtnl_link_stats, rx_frame_errors, K_U),
	FLD(struct rtnl_link_stats, rx_fifo_errors, K_U),
	FLD(struct rtnl_link_stats, rx_missed_errors, K_U),
	FLD(struct rtnl_link_stats, tx_aborted_errors, K_U),
	FLD(struct rtnl_link_stats, tx_carrier_errors, K_U),
	FLD(struct rtnl_link_stats, tx_fifo_errors, K_U),
	FLD(struct rtnl_link_stats, tx_heartbeat_errors, K_U),
	FLD(struct rtnl_link_stats, tx_window_errors, K_U),
	FLD(struct rtnl_link_stats, rx_compressed, K_U),
	FLD(struct rtnl_link_stats, tx_compressed, K_U),
	FLD(struct rtnl_link_stats, rx_nohandler, K_U),
};
/* rx_nohandler came later: the struct without it is accepted too */
RT_STRUCT_FN(nla_link_stats, struct rtnl_link_stats, link_stats_f,
	     offsetof(struct rtnl_link_stats, rx_nohandler))

static const struct rt_field link_stats64_f[] = {
	FLD(struct rtnl_link_stats64, rx_packets, K_U),
	FLD(struct rtnl_link_stats64, tx_packets, K_U),
	FLD(struct rtnl_link_stats64, rx_bytes, K_U),
	FLD(struct rtnl_link_stats64, tx_bytes, K_U),
	FLD(struct rtnl_link_stats64, rx_errors, K_U),
	FLD(struct rtnl_link_stats64, tx_errors, K_U),
	FLD(struct rtnl_link_stats64, rx_dropped, K_U),
	FLD(struct rtnl_link_stats64, tx_dropped, K_U),
	FLD(struct rtnl_link_stats64, multicast, K_U),
	FLD(struct rtnl_link_stats64, collisions, K_U),
	FLD(struct rtnl_link_stats64, rx_length_errors, K_U),
	FLD(struct rtnl_link_stats64, rx_over_errors, K_U),
	FLD(struct rtnl_link_stats64, rx_crc_errors, K_U),
	FLD(struct rtnl_link_stats64, rx_frame_errors, K_U),
	FLD(struct rtnl_link_stats64, rx_fifo_errors, K_U),
	FLD(struct rtnl_link_stats64, rx_missed_errors, K_U),
	FLD(struct rtnl_link_stats64, tx_aborted_errors, K_U),
	FLD(struct rtnl_link_stats64, tx_carrier_errors, K_U),
	FLD(struct rtnl_link_stats64, tx_fifo_errors, K_U),
	FLD(struct rtnl_link_stats64, tx_heartbeat_errors, K_U),
	FLD(struct rtnl_link_stats64, tx_window_errors, K_U),
	FLD(struct rtnl_link_stats64, rx_compressed, K_U),
	FLD(struct rtnl_link_stats64, tx_compressed, K_U),
	FLD(struct rtnl_link_stats64, rx_nohandler, K_U),
	FLD(struct rtnl_link_stats64, rx_otherhost_dropped, K_U),
};
RT_STRUCT_FN(nla_link_stats64, struct rtnl_link_stats64, link_stats64_f,
	     offsetof(struct rtnl_link_stats64, rx_nohandler))

static const struct rt_field link_ifmap_f[] = {
	FLD(struct rtnl_link_ifmap, mem_start, K_X),
	FLD(struct rtnl_link_ifmap, mem_end, K_X),
	FLD(struct rtnl_link_ifmap, base_addr, K_X),
	FLD(struct rtnl_link_ifmap, irq, K_U),
	FLD(struct rtnl_link_ifmap, dma, K_U),
	FLD(struct rtnl_link_ifmap, port, K_U),
};
RT_STRUCT_FN(nla_link_ifmap, struct rtnl_link_ifmap, link_ifmap_f,
	     offsetof(struct rtnl_link_ifmap, port) + 1)

RT_XVAL_FN(nla_rtext_filter, xlat_rt_rtext_filter, "RTEXT_FILTER_???", 4, K_FLAGS)
RT_XVAL_FN(nla_ifla_event, xlat_rt_ifla_events, "IFLA_EVENT_???", 4, K_VAL)

/* ---- IFLA_LINKINFO: by IFLA_INFO_KIND / IFLA_INFO_SLAVE_KIND ---- */

/* bit i is 1 << BR_BOOLOPT_i */
static const struct xlat_entry br_boolopt_e[] = {
	{ 1 << BR_BOOLOPT_NO_LL_LEARN, "1<<BR_BOOLOPT_NO_LL_LEARN" },
	{ 1 << BR_BOOLOPT_MCAST_VLAN_SNOOPING, "1<<BR_BOOLOPT_MCAST_VLAN_SNOOPING" },
	{ 1 << BR_BOOLOPT_MST_ENABLE, "1<<BR_BOOLOPT_MST_ENABLE" },
};
static const struct xlat br_boolopt_mask = { br_boolopt_e, ARRAY_LEN(br_boolopt_e) };

static const struct rt_field br_boolopt_f[] = {
	FLDX(struct br_boolopt_multi, optval, K_FLAGS, br_boolopt_mask, "1<<BR_BOOLOPT_???"),
	FLDX(struct br_boolopt_multi, optmask, K_FLAGS, br_boolopt_mask, "1<<BR_BOOLOPT_???"),
};
RT_STRUCT_FN(nla_br_boolopt, struct br_boolopt_multi, br_boolopt_f,
	     sizeof(struct br_boolopt_multi))

static bool nla_be16_eth(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	const uint8_t *p;

	(void)opaque;
	if (len < 2)
		return false;
	p = nl_mem(c, addr, 2);
	if (!p) {
		ob_ptr(c->o, addr);
		return true;
	}
	print_be16_eth(c, p);
	return true;
}

static const nla_fn bridge_querier_fns[] = {
	[BRIDGE_QUERIER_IP_ADDRESS] = nla_inet_addr,
	[BRIDGE_QUERIER_IP_PORT] = nla_ifindex,
	[BRIDGE_QUERIER_IP_OTHER_TIMER] = nla_clock_t,
	[BRIDGE_QUERIER_IPV6_ADDRESS] = nla_inet6_addr,
	[BRIDGE_QUERIER_IPV6_PORT] = nla_ifindex,
	[BRIDGE_QUERIER_IPV6_OTHER_TIMER] = nla_clock_t,
};
static const struct rt_attrs bridge_querier_attrs = {
	&xlat_rt_bridge_querier_attrs, "BRIDGE_QUERIER_???", bridge_querier_fns,
	ARRAY_LEN(bridge_querier_fns)
};
RT_NESTED_FN(nla_bridge_querier, bridge_querier_attrs)

static bool nla_bridge_id(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque);

static const nla_fn ifla_br_fns[] = {
	[IFLA_BR_FORWARD_DELAY] = nla_clock_t,
	[IFLA_BR_HELLO_TIME] = nla_clock_t,
	[IFLA_BR_MAX_AGE] = nla_clock_t,
	[IFLA_BR_AGEING_TIME] = nla_clock_t,
	[IFLA_BR_STP_STATE] = nla_u32,
	[IFLA_BR_PRIORITY] = nla_u16,
	[IFLA_BR_VLAN_FILTERING] = nla_u8,
	[IFLA_BR_VLAN_PROTOCOL] = nla_be16_eth,
	[IFLA_BR_GROUP_FWD_MASK] = nla_x16,
	[IFLA_BR_ROOT_ID] = nla_bridge_id,
	[IFLA_BR_BRIDGE_ID] = nla_bridge_id,
	[IFLA_BR_ROOT_PORT] = nla_u16,
	[IFLA_BR_ROOT_PATH_COST] = nla_u32,
	[IFLA_BR_TOPOLOGY_CHANGE] = nla_u8,
	[IFLA_BR_TOPOLOGY_CHANGE_DETECTED] = nla_u8,
	[IFLA_BR_HELLO_TIMER] = nla_clock_t,
	[IFLA_BR_TCN_TIMER] = nla_clock_t,
	[IFLA_BR_TOPOLOGY_CHANGE_TIMER] = nla_clock_t,
	[IFLA_BR_GC_TIMER] = nla_clock_t,
	[IFLA_BR_GROUP_ADDR] = nla_hwaddr,
	[IFLA_BR_FDB_FLUSH] = nla_flag,
	[IFLA_BR_MCAST_ROUTER] = nla_u8,
	[IFLA_BR_MCAST_SNOOPING] = nla_u8,
	[IFLA_BR_MCAST_QUERY_USE_IFADDR] = nla_u8,
	[IFLA_BR_MCAST_QUERIER] = nla_u8,
	[IFLA_BR_MCAST_HASH_ELASTICITY] = nla_u32,
	[IFLA_BR_MCAST_HASH_MAX] = nla_u32,
	[IFLA_BR_MCAST_LAST_MEMBER_CNT] = nla_u32,
	[IFLA_BR_MCAST_STARTUP_QUERY_CNT] = nla_u32,
	[IFLA_BR_MCAST_LAST_MEMBER_INTVL] = nla_clock_t,
	[IFLA_BR_MCAST_MEMBERSHIP_INTVL] = nla_clock_t,
	[IFLA_BR_MCAST_QUERIER_INTVL] = nla_clock_t,
	[IFLA_BR_MCAST_QUERY_INTVL] = nla_clock_t,
	[IFLA_BR_MCAST_QUERY_RESPONSE_INTVL] = nla_clock_t,
	[IFLA_BR_MCAST_STARTUP_QUERY_INTVL] = nla_clock_t,
	[IFLA_BR_NF_CALL_IPTABLES] = nla_u8,
	[IFLA_BR_NF_CALL_IP6TABLES] = nla_u8,
	[IFLA_BR_NF_CALL_ARPTABLES] = nla_u8,
	[IFLA_BR_VLAN_DEFAULT_PVID] = nla_u16,
	[IFLA_BR_VLAN_STATS_ENABLED] = nla_u8,
	[IFLA_BR_MCAST_STATS_ENABLED] = nla_u8,
	[IFLA_BR_MCAST_IGMP_VERSION] = nla_u8,
	[IFLA_BR_MCAST_MLD_VERSION] = nla_u8,
	[IFLA_BR_VLAN_STATS_PER_PORT] = nla_u8,
	[IFLA_BR_MULTI_BOOLOPT] = nla_br_boolopt,
	[IFLA_BR_MCAST_QUERIER_STATE] = nla_bridge_querier,
};
static const struct rt_attrs ifla_br_attrs = {
	&xlat_rt_ifla_br_attrs, "IFLA_BR_???", ifla_br_fns, ARRAY_LEN(ifla_br_fns)
};

RT_XVAL_FN(nla_tun_type, xlat_rt_tun_types, "IFF_???", 1, K_VAL)

/* a user or group id: -1 for "none" */
static bool nla_uid(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	uint32_t v;

	(void)opaque;
	if (len < sizeof(v))
		return false;
	if (!nl_fetch(c, addr, &v, sizeof(v)))
		return true;
	if (v == UINT32_MAX)
		ob_puts(c->o, "-1");
	else
		ob_udec(c->o, v);
	return true;
}

static const nla_fn ifla_tun_fns[] = {
	[IFLA_TUN_OWNER] = nla_uid,
	[IFLA_TUN_GROUP] = nla_uid,
	[IFLA_TUN_TYPE] = nla_tun_type,
	[IFLA_TUN_PI] = nla_u8,
	[IFLA_TUN_VNET_HDR] = nla_u8,
	[IFLA_TUN_PERSIST] = nla_u8,
	[IFLA_TUN_MULTI_QUEUE] = nla_u8,
	[IFLA_TUN_NUM_QUEUES] = nla_u32,
	[IFLA_TUN_NUM_DISABLED_QUEUES] = nla_u32,
};
static const struct rt_attrs ifla_tun_attrs = {
	&xlat_rt_ifla_tun_attrs, "IFLA_TUN_???", ifla_tun_fns, ARRAY_LEN(ifla_tun_fns)
};

static const struct rt_field can_stats_f[] = {
	FLD(struct can_device_stats, bus_error, K_U),
	FLD(struct can_device_stats, error_warning, K_U),
	FLD(struct can_device_stats, error_passive, K_U),
	FLD(struct can_device_stats, bus_off, K_U),
	FLD(struct can_device_stats, arbitration_lost, K_U),
	FLD(struct can_device_stats, restarts, K_U),
};
RT_STRUCT_FN(nla_can_stats, struct can_device_stats, can_stats_f,
	     sizeof(struct can_device_stats))

static const struct rt_attrs ifla_brport_attrs;

/* the link's kinds, found before the attributes print: IFLA_INFO_DATA follows IFLA_INFO_KIND */
struct linkinfo_ctx {
	struct rt_ctx rc;
	char kind[16];
	char slave_kind[16];
};

static bool linkinfo_kind_is(const char *kind, const char *name)
{
	return !strcmp(kind, name);
}

static bool nla_info_data(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	const struct linkinfo_ctx *lc = opaque;

	if (linkinfo_kind_is(lc->kind, "bridge"))
		rt_attrs_print(c, addr, len, &ifla_br_attrs, &lc->rc);
	else if (linkinfo_kind_is(lc->kind, "tun"))
		rt_attrs_print(c, addr, len, &ifla_tun_attrs, &lc->rc);
	else
		return false;
	return true;
}

static bool nla_info_xstats(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	const struct linkinfo_ctx *lc = opaque;

	if (linkinfo_kind_is(lc->kind, "can"))
		return nla_can_stats(c, addr, len, &lc->rc);
	return false;
}

static bool nla_info_slave_data(struct nlctx *c, uint64_t addr, uint32_t len,
				const void *opaque)
{
	const struct linkinfo_ctx *lc = opaque;

	if (linkinfo_kind_is(lc->slave_kind, "bridge"))
		rt_attrs_print(c, addr, len, &ifla_brport_attrs, &lc->rc);
	else
		return false;
	return true;
}

static const nla_fn ifla_info_fns[] = {
	[IFLA_INFO_KIND] = nla_str,
	[IFLA_INFO_DATA] = nla_info_data,
	[IFLA_INFO_XSTATS] = nla_info_xstats,
	[IFLA_INFO_SLAVE_KIND] = nla_str,
	[IFLA_INFO_SLAVE_DATA] = nla_info_slave_data,
};
static const struct rt_attrs ifla_info_attrs = {
	&xlat_rt_ifla_info_attrs, "IFLA_INFO_???", ifla_info_fns, ARRAY_LEN(ifla_info_fns)
};

/* copies a kind attribute's string (the last one of its type wins, as the kernel takes it) */
static void linkinfo_scan(struct nlctx *c, uint64_t addr, uint32_t len, struct linkinfo_ctx *lc)
{
	struct nlattr nla;

	while (len >= NLA_HDRLEN) {
		const uint8_t *p = nl_mem(c, addr, sizeof(nla));
		uint32_t dlen;
		char *dst = NULL;

		if (!p)
			return;
		memcpy(&nla, p, sizeof(nla));
		if (nla.nla_len < NLA_HDRLEN)
			return;
		dlen = (nla.nla_len < len ? nla.nla_len : len) - NLA_HDRLEN;
		if ((nla.nla_type & NLA_TYPE_MASK) == IFLA_INFO_KIND)
			dst = lc->kind;
		else if ((nla.nla_type & NLA_TYPE_MASK) == IFLA_INFO_SLAVE_KIND)
			dst = lc->slave_kind;
		if (dst) {
			uint32_t n = dlen < sizeof(lc->kind) - 1 ? dlen : (uint32_t)sizeof(lc->kind) - 1;
			const uint8_t *s = nl_mem(c, addr + NLA_HDRLEN, n);

			memset(dst, 0, sizeof(lc->kind));
			if (s)
				memcpy(dst, s, n);
		}
		if ((uint32_t)NLA_ALIGN(nla.nla_len) >= len)
			return;
		addr += NLA_ALIGN(nla.nla_len);
		len -= NLA_ALIGN(nla.nla_len);
	}
}

static bool nla_ifla_linkinfo(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	struct linkinfo_ctx lc;

	memset(&lc, 0, sizeof(lc));
	lc.rc = *(const struct rt_ctx *)opaque;
	linkinfo_scan(c, addr, len, &lc);
	/* the value printers get &lc.rc, the struct's first member */
	rt_attrs_print(c, addr, len, &ifla_info_attrs, &lc.rc);
	return true;
}

/* struct ifla_port_vsi: the type id in hex, the padding when it is not zero */
static bool nla_port_vsi(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	struct ifla_port_vsi v;

	(void)opaque;
	if (len < sizeof(v))
		return false;
	if (!nl_fetch(c, addr, &v, sizeof(v)))
		return true;
	ob_printf(c->o, "{vsi_mgr_id=%u, vsi_type_id=", v.vsi_mgr_id);
	nl_hex(c, addr + offsetof(struct ifla_port_vsi, vsi_type_id), sizeof(v.vsi_type_id));
	ob_printf(c->o, ", vsi_type_version=%u", v.vsi_type_version);
	if (v.pad[0] || v.pad[1] || v.pad[2]) {
		ob_puts(c->o, ", pad=");
		nl_hex(c, addr + offsetof(struct ifla_port_vsi, pad), sizeof(v.pad));
	}
	ob_putc(c->o, '}');
	return true;
}

static const nla_fn ifla_port_fns[] = {
	[IFLA_PORT_VF] = nla_u32,
	[IFLA_PORT_PROFILE] = nla_str,
	[IFLA_PORT_VSI_TYPE] = nla_port_vsi,
	[IFLA_PORT_REQUEST] = nla_u8,
	[IFLA_PORT_RESPONSE] = nla_u16,
};
static const struct rt_attrs ifla_port_attrs = {
	&xlat_rt_ifla_port_attrs, "IFLA_PORT_???", ifla_port_fns, ARRAY_LEN(ifla_port_fns)
};
RT_NESTED_FN(nla_ifla_port, ifla_port_attrs)

static const nla_fn ifla_vf_ports_fns[] = {
	[IFLA_VF_PORT] = nla_ifla_port,
};
static const struct rt_attrs ifla_vf_ports_attrs = {
	&xlat_rt_ifla_vf_ports_attrs, "IFLA_VF_PORT_???", ifla_vf_ports_fns,
	ARRAY_LEN(ifla_vf_ports_fns)
};
RT_NESTED_FN(nla_ifla_vf_ports, ifla_vf_ports_attrs)

RT_XVAL_FN(nla_xdp_attached, xlat_rt_xdp_attached, "XDP_ATTACHED_???", 1, K_VAL)
RT_XVAL_FN(nla_xdp_flags, xlat_rt_xdp_flags, "XDP_FLAGS_???", 4, K_FLAGS)

static const nla_fn ifla_xdp_fns[] = {
	[IFLA_XDP_FD] = nla_fd,
	[IFLA_XDP_ATTACHED] = nla_xdp_attached,
	[IFLA_XDP_FLAGS] = nla_xdp_flags,
	[IFLA_XDP_PROG_ID] = nla_u32,
	[IFLA_XDP_DRV_PROG_ID] = nla_u32,
	[IFLA_XDP_SKB_PROG_ID] = nla_u32,
	[IFLA_XDP_HW_PROG_ID] = nla_u32,
	[IFLA_XDP_EXPECTED_FD] = nla_fd,
};
static const struct rt_attrs ifla_xdp_attrs = {
	&xlat_rt_ifla_xdp_attrs, "IFLA_XDP_???", ifla_xdp_fns, ARRAY_LEN(ifla_xdp_fns)
};
RT_NESTED_FN(nla_ifla_xdp, ifla_xdp_attrs)

static const nla_fn ifla_pdr_fns[] = {
	[IFLA_PROTO_DOWN_REASON_MASK] = nla_x32,
	[IFLA_PROTO_DOWN_REASON_VALUE] = nla_x32,
};
static const struct rt_attrs ifla_pdr_attrs = {
	&xlat_rt_ifla_proto_down_reason_attrs, "IFLA_PROTO_DOWN_REASON_???", ifla_pdr_fns,
	ARRAY_LEN(ifla_pdr_fns)
};
RT_NESTED_FN(nla_ifla_proto_down_reason, ifla_pdr_attrs)

#define VF_STRUCT(fn, S, f) RT_STRUCT_FN(fn, struct S, f, sizeof(struct S))
static const struct rt_field vf_mac_f[] = {
	FLD(struct ifla_vf_mac, vf, K_U), FLD(struct ifla_vf_mac, mac, K_MAC),
};
VF_STRUCT(nla_vf_mac, ifla_vf_mac, vf_mac_f)
static const struct rt_field vf_vlan_f[] = {
	FLD(struct ifla_vf_vlan, vf, K_U), FLD(struct ifla_vf_vlan, vlan, K_U),
	FLD(struct ifla_vf_vlan, qos, K_U),
};
VF_STRUCT(nla_vf_vlan, ifla_vf_vlan, vf_vlan_f)
static const struct rt_field vf_tx_rate_f[] = {
	FLD(struct ifla_vf_tx_rate, vf, K_U), FLD(struct ifla_vf_tx_rate, rate, K_U),
};
VF_STRUCT(nla_vf_tx_rate, ifla_vf_tx_rate, vf_tx_rate_f)
static const struct rt_field vf_spoofchk_f[] = {
	FLD(struct ifla_vf_spoofchk, vf, K_U), FLD(struct ifla_vf_spoofchk, setting, K_U),
};
VF_STRUCT(nla_vf_spoofchk, ifla_vf_spoofchk, vf_spoofchk_f)
static const struct rt_field vf_link_state_f[] = {
	FLD(struct ifla_vf_link_state, vf, K_U),
	FLDX(struct ifla_vf_link_state, link_state, K_VAL, xlat_rt_ifla_vf_link_states,
	     "IFLA_VF_LINK_STATE_???"),
};
VF_STRUCT(nla_vf_link_state, ifla_vf_link_state, vf_link_state_f)
static const struct rt_field vf_rate_f[] = {
	FLD(struct ifla_vf_rate, vf, K_U), FLD(struct ifla_vf_rate, min_tx_rate, K_U),
	FLD(struct ifla_vf_rate, max_tx_rate, K_U),
};
VF_STRUCT(nla_vf_rate, ifla_vf_rate, vf_rate_f)
static const struct rt_field vf_rss_f[] = {
	FLD(struct ifla_vf_rss_query_en, vf, K_U),
	FLD(struct ifla_vf_rss_query_en, setting, K_U),
};
VF_STRUCT(nla_vf_rss, ifla_vf_rss_query_en, vf_rss_f)
static const struct rt_field vf_trust_f[] = {
	FLD(struct ifla_vf_trust, vf, K_U), FLD(struct ifla_vf_trust, setting, K_U),
};
VF_STRUCT(nla_vf_trust, ifla_vf_trust, vf_trust_f)
static const struct rt_field vf_guid_f[] = {
	FLD(struct ifla_vf_guid, vf, K_U), FLD(struct ifla_vf_guid, guid, K_X),
};
VF_STRUCT(nla_vf_guid, ifla_vf_guid, vf_guid_f)
static const struct rt_field vf_vlan_info_f[] = {
	FLD(struct ifla_vf_vlan_info, vf, K_U), FLD(struct ifla_vf_vlan_info, vlan, K_U),
	FLD(struct ifla_vf_vlan_info, qos, K_U),
	FLD(struct ifla_vf_vlan_info, vlan_proto, K_BE16ETH),
};
VF_STRUCT(nla_vf_vlan_info, ifla_vf_vlan_info, vf_vlan_info_f)
static const struct rt_field vf_broadcast_f[] = {
	FLD(struct ifla_vf_broadcast, broadcast, K_MAC),
};
VF_STRUCT(nla_vf_broadcast, ifla_vf_broadcast, vf_broadcast_f)

static const nla_fn vf_stats_fns[] = {
	[IFLA_VF_STATS_RX_PACKETS] = nla_u64,
	[IFLA_VF_STATS_TX_PACKETS] = nla_u64,
	[IFLA_VF_STATS_RX_BYTES] = nla_u64,
	[IFLA_VF_STATS_TX_BYTES] = nla_u64,
	[IFLA_VF_STATS_BROADCAST] = nla_u64,
	[IFLA_VF_STATS_MULTICAST] = nla_u64,
	[IFLA_VF_STATS_RX_DROPPED] = nla_u64,
	[IFLA_VF_STATS_TX_DROPPED] = nla_u64,
};
static const struct rt_attrs vf_stats_attrs = {
	&xlat_rt_ifla_vf_stats_attrs, "IFLA_VF_STATS_???", vf_stats_fns,
	ARRAY_LEN(vf_stats_fns)
};
RT_NESTED_FN(nla_vf_stats, vf_stats_attrs)

static const nla_fn vf_vlan_list_fns[] = {
	[IFLA_VF_VLAN_INFO] = nla_vf_vlan_info,
};
static const struct rt_attrs vf_vlan_list_attrs = {
	&xlat_rt_ifla_vf_vlan_list_attrs, "IFLA_VF_VLAN_INFO_???", vf_vlan_list_fns,
	ARRAY_LEN(vf_vlan_list_fns)
};
RT_NESTED_FN(nla_vf_vlan_list, vf_vlan_list_attrs)

static const nla_fn ifla_vf_fns[] = {
	[IFLA_VF_MAC] = nla_vf_mac,
	[IFLA_VF_VLAN] = nla_vf_vlan,
	[IFLA_VF_TX_RATE] = nla_vf_tx_rate,
	[IFLA_VF_SPOOFCHK] = nla_vf_spoofchk,
	[IFLA_VF_LINK_STATE] = nla_vf_link_state,
	[IFLA_VF_RATE] = nla_vf_rate,
	[IFLA_VF_RSS_QUERY_EN] = nla_vf_rss,
	[IFLA_VF_STATS] = nla_vf_stats,
	[IFLA_VF_TRUST] = nla_vf_trust,
	[IFLA_VF_IB_NODE_GUID] = nla_vf_guid,
	[IFLA_VF_IB_PORT_GUID] = nla_vf_guid,
	[IFLA_VF_VLAN_LIST] = nla_vf_vlan_list,
	[IFLA_VF_BROADCAST] = nla_vf_broadcast,
};
static const struct rt_attrs ifla_vf_attrs = {
	&xlat_rt_ifla_vf_attrs, "IFLA_VF_???", ifla_vf_fns, ARRAY_LEN(ifla_vf_fns)
};
RT_NESTED_FN(nla_ifla_vf_info, ifla_vf_attrs)

static const nla_fn ifla_vfinfo_list_fns[] = {
	[IFLA_VF_INFO] = nla_ifla_vf_info,
};
static const struct rt_attrs ifla_vfinfo_list_attrs = {
	&xlat_rt_ifla_vfinfo_list_attrs, "IFLA_VF_INFO_???", ifla_vfinfo_list_fns,
	ARRAY_LEN(ifla_vfinfo_list_fns)
};
RT_NESTED_FN(nla_ifla_vfinfo_list, ifla_vfinfo_list_attrs)

/* IFLA_PROTINFO, AF_INET6: IFLA_INET6_* */
struct rt_index_array {
	const struct xlat *names;
	const char *dflt;
	uint8_t esize;		/* 4: s32, 8: u64 */
};

static void index_elem(struct nlctx *c, const uint8_t *p, uint32_t i, const void *opaque)
{
	const struct rt_index_array *ia = opaque;

	ob_putc(c->o, '[');
	xlat_print_const(c->o, i, XF_UDEC, xlat_name(ia->names, i), ia->dflt);
	ob_puts(c->o, "]=");
	if (ia->esize == 4)
		ob_dec(c->o, (int32_t)rd_u32(p));
	else
		ob_udec(c->o, rd_u64(p));
}

static bool rt_index_array_print(struct nlctx *c, uint64_t addr, uint32_t len,
				 const struct rt_index_array *ia)
{
	if (len < ia->esize)
		return false;
	nl_array(c, addr, len / ia->esize, ia->esize, index_elem, ia);
	return true;
}

#define RT_INDEX_ARRAY_FN(fn, xl, d, esz)					\
	static bool fn(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque) \
	{									\
		static const struct rt_index_array ia = { &xl, d, esz };	\
		(void)opaque;							\
		return rt_index_array_print(c, addr, len, &ia);			\
	}

RT_INDEX_ARRAY_FN(nla_inet6_conf, xlat_rt_devconf, "DEVCONF_???", 4)
RT_INDEX_ARRAY_FN(nla_inet6_stats, xlat_rt_ipstats_mib, "IPSTATS_MIB_???", 8)
RT_INDEX_ARRAY_FN(nla_inet6_icmp6stats, xlat_rt_icmp6_mib, "ICMP6_MIB_???", 8)
RT_XVAL_FN(nla_inet6_flags, xlat_rt_inet6_if_flags, "IF_???", 4, K_FLAGS)
RT_XVAL_FN(nla_in6_addr_gen_mode, xlat_rt_in6_addr_gen_modes, "IN6_ADDR_GEN_MODE_???", 1,
	   K_VAL)

static const struct rt_field ifla_cacheinfo_f[] = {
	FLD(struct ifla_cacheinfo, max_reasm_len, K_U),
	FLD(struct ifla_cacheinfo, tstamp, K_U),
	FLD(struct ifla_cacheinfo, reachable_time, K_U),
	FLD(struct ifla_cacheinfo, retrans_time, K_U),
};
RT_STRUCT_FN(nla_ifla_cacheinfo, struct ifla_cacheinfo, ifla_cacheinfo_f,
	     sizeof(struct ifla_cacheinfo))

static const nla_fn ifla_inet6_fns[] = {
	[IFLA_INET6_FLAGS] = nla_inet6_flags,
	[IFLA_INET6_CONF] = nla_inet6_conf,
	[IFLA_INET6_STATS] = nla_inet6_stats,
	[IFLA_INET6_CACHEINFO] = nla_ifla_cacheinfo,
	[IFLA_INET6_ICMP6STATS] = nla_inet6_icmp6stats,
	[IFLA_INET6_TOKEN] = nla_inet6_addr,
	[IFLA_INET6_ADDR_GEN_MODE] = nla_in6_addr_gen_mode,
	[IFLA_INET6_RA_MTU] = nla_u32,
};
static const struct rt_attrs ifla_inet6_attrs = {
	&xlat_rt_ifla_inet6_attrs, "IFLA_INET6_???", ifla_inet6_fns, ARRAY_LEN(ifla_inet6_fns)
};

/* IFLA_PROTINFO, AF_BRIDGE: IFLA_BRPORT_* */
static bool nla_bridge_id(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	struct ifla_bridge_id id;

	(void)opaque;
	if (len < sizeof(id))
		return false;
	if (!nl_fetch(c, addr, &id, sizeof(id)))
		return true;
	ob_printf(c->o, "{prio=[%u, %u], addr=", id.prio[0], id.prio[1]);
	print_mac_x(c, addr + offsetof(struct ifla_bridge_id, addr), id.addr, sizeof(id.addr));
	ob_putc(c->o, '}');
	return true;
}

static const nla_fn ifla_brport_fns[] = {
	[IFLA_BRPORT_STATE] = nla_u8,
	[IFLA_BRPORT_PRIORITY] = nla_u16,
	[IFLA_BRPORT_COST] = nla_u32,
	[IFLA_BRPORT_MODE] = nla_u8,
	[IFLA_BRPORT_GUARD] = nla_u8,
	[IFLA_BRPORT_PROTECT] = nla_u8,
	[IFLA_BRPORT_FAST_LEAVE] = nla_u8,
	[IFLA_BRPORT_LEARNING] = nla_u8,
	[IFLA_BRPORT_UNICAST_FLOOD] = nla_u8,
	[IFLA_BRPORT_PROXYARP] = nla_u8,
	[IFLA_BRPORT_LEARNING_SYNC] = nla_u8,
	[IFLA_BRPORT_PROXYARP_WIFI] = nla_u8,
	[IFLA_BRPORT_ROOT_ID] = nla_bridge_id,
	[IFLA_BRPORT_BRIDGE_ID] = nla_bridge_id,
	[IFLA_BRPORT_DESIGNATED_PORT] = nla_u16,
	[IFLA_BRPORT_DESIGNATED_COST] = nla_u16,
	[IFLA_BRPORT_ID] = nla_u16,
	[IFLA_BRPORT_NO] = nla_u16,
	[IFLA_BRPORT_TOPOLOGY_CHANGE_ACK] = nla_u8,
	[IFLA_BRPORT_CONFIG_PENDING] = nla_u8,
	[IFLA_BRPORT_MESSAGE_AGE_TIMER] = nla_clock_t,
	[IFLA_BRPORT_FORWARD_DELAY_TIMER] = nla_clock_t,
	[IFLA_BRPORT_HOLD_TIMER] = nla_clock_t,
	[IFLA_BRPORT_FLUSH] = nla_flag,
	[IFLA_BRPORT_MULTICAST_ROUTER] = nla_u8,
	[IFLA_BRPORT_MCAST_FLOOD] = nla_u8,
	[IFLA_BRPORT_MCAST_TO_UCAST] = nla_u8,
	[IFLA_BRPORT_VLAN_TUNNEL] = nla_u8,
	[IFLA_BRPORT_BCAST_FLOOD] = nla_u8,
	[IFLA_BRPORT_GROUP_FWD_MASK] = nla_x16,
	[IFLA_BRPORT_NEIGH_SUPPRESS] = nla_u8,
	[IFLA_BRPORT_ISOLATED] = nla_u8,
	[IFLA_BRPORT_BACKUP_PORT] = nla_ifindex,
	[IFLA_BRPORT_MRP_RING_OPEN] = nla_u8,
	[IFLA_BRPORT_MRP_IN_OPEN] = nla_u8,
	[IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT] = nla_u32,
	[IFLA_BRPORT_MCAST_EHT_HOSTS_CNT] = nla_u32,
	[IFLA_BRPORT_LOCKED] = nla_u8,
};
static const struct rt_attrs ifla_brport_attrs = {
	&xlat_rt_ifla_brport_attrs, "IFLA_BRPORT_???", ifla_brport_fns,
	ARRAY_LEN(ifla_brport_fns)
};

/* IFLA_PROTINFO: by the link's family */
static bool nla_ifla_protinfo(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	const struct rt_ctx *rc = opaque;

	if (rc->family == AF_INET6)
		rt_attrs_print(c, addr, len, &ifla_inet6_attrs, opaque);
	else if (rc->family == AF_BRIDGE)
		rt_attrs_print(c, addr, len, &ifla_brport_attrs, opaque);
	else
		return false;
	return true;
}

/* ---- IFLA_AF_SPEC ---- */

RT_INDEX_ARRAY_FN(nla_inet_conf, xlat_rt_ipv4_devconf, "IPV4_DEVCONF_???", 4)

static const nla_fn ifla_inet_fns[] = {
	[IFLA_INET_CONF] = nla_inet_conf,
};
static const struct rt_attrs ifla_inet_attrs = {
	&xlat_rt_ifla_inet_attrs, "IFLA_INET_???", ifla_inet_fns, ARRAY_LEN(ifla_inet_fns)
};
RT_NESTED_FN(nla_af_inet, ifla_inet_attrs)
RT_NESTED_FN(nla_af_inet6, ifla_inet6_attrs)

static const nla_fn ifla_mctp_fns[] = {
	[IFLA_MCTP_NET] = nla_u32,
};
static const struct rt_attrs ifla_mctp_attrs = {
	&xlat_rt_ifla_mctp_attrs, "IFLA_MCTP_???", ifla_mctp_fns, ARRAY_LEN(ifla_mctp_fns)
};
RT_NESTED_FN(nla_af_mctp, ifla_mctp_attrs)

/* one attribute per address family */
static const nla_fn af_spec_fns[] = {
	[AF_INET] = nla_af_inet,
	[AF_INET6] = nla_af_inet6,
	[AF_MCTP] = nla_af_mctp,
};
static const struct rt_attrs af_spec_attrs = {
	&xlat_net_af, "AF_???", af_spec_fns, ARRAY_LEN(af_spec_fns)
};

/* AF_BRIDGE links: IFLA_BRIDGE_* */
RT_XVAL_FN(nla_bridge_flags, xlat_rt_bridge_flags, "BRIDGE_FLAGS_???", 2, K_FLAGS)
RT_XVAL_FN(nla_bridge_mode, xlat_rt_bridge_modes, "BRIDGE_MODE_???", 2, K_VAL)
RT_XVAL_FN(nla_bridge_vlan_flags, xlat_rt_bridge_vlan_flags, "BRIDGE_VLAN_INFO_???", 2,
	   K_FLAGS)

static const struct rt_field bridge_vlan_info_f[] = {
	FLDX(struct bridge_vlan_info, flags, K_FLAGS, xlat_rt_bridge_vlan_flags,
	     "BRIDGE_VLAN_INFO_???"),
	FLD(struct bridge_vlan_info, vid, K_U),
};
RT_STRUCT_TAIL_FN(nla_bridge_vlan_info, struct bridge_vlan_info, bridge_vlan_info_f)

static const nla_fn bridge_vlan_tunnel_fns[] = {
	[IFLA_BRIDGE_VLAN_TUNNEL_ID] = nla_u32,
	[IFLA_BRIDGE_VLAN_TUNNEL_VID] = nla_u16,
	[IFLA_BRIDGE_VLAN_TUNNEL_FLAGS] = nla_bridge_vlan_flags,
};
static const struct rt_attrs bridge_vlan_tunnel_attrs = {
	&xlat_rt_ifla_bridge_vlan_tunnel_attrs, "IFLA_BRIDGE_VLAN_TUNNEL_???",
	bridge_vlan_tunnel_fns, ARRAY_LEN(bridge_vlan_tunnel_fns)
};
RT_NESTED_FN(nla_bridge_vlan_tunnel, bridge_vlan_tunnel_attrs)

static const nla_fn ifla_bridge_fns[] = {
	[IFLA_BRIDGE_FLAGS] = nla_bridge_flags,
	[IFLA_BRIDGE_MODE] = nla_bridge_mode,
	[IFLA_BRIDGE_VLAN_INFO] = nla_bridge_vlan_info,
	[IFLA_BRIDGE_VLAN_TUNNEL_INFO] = nla_bridge_vlan_tunnel,
};
static const struct rt_attrs ifla_bridge_attrs = {
	&xlat_rt_ifla_bridge_attrs, "IFLA_BRIDGE_???", ifla_bridge_fns,
	ARRAY_LEN(ifla_bridge_fns)
};

static bool nla_ifla_af_spec(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	const struct rt_ctx *rc = opaque;

	rt_attrs_print(c, addr, len, rc->family == AF_BRIDGE ? &ifla_bridge_attrs
							      : &af_spec_attrs, opaque);
	return true;
}

extern const struct rt_attrs rt_ifla_attrs;
RT_NESTED_FN(nla_ifla_prop_list, rt_ifla_attrs)

static const nla_fn ifla_fns[] = {
	[IFLA_ADDRESS] = nla_hwaddr,
	[IFLA_BROADCAST] = nla_hwaddr,
	[IFLA_IFNAME] = nla_str,
	[IFLA_MTU] = nla_u32,
	[IFLA_LINK] = nla_u32,
	[IFLA_QDISC] = nla_str,
	[IFLA_STATS] = nla_link_stats,
	[IFLA_PROTINFO] = nla_ifla_protinfo,
	[IFLA_MASTER] = nla_u32,
	[IFLA_TXQLEN] = nla_u32,
	[IFLA_MAP] = nla_link_ifmap,
	[IFLA_WEIGHT] = nla_u32,
	[IFLA_OPERSTATE] = nla_u8,
	[IFLA_LINKMODE] = nla_u8,
	[IFLA_LINKINFO] = nla_ifla_linkinfo,
	[IFLA_NET_NS_PID] = nla_u32,
	[IFLA_IFALIAS] = nla_str,
	[IFLA_NUM_VF] = nla_u32,
	[IFLA_VFINFO_LIST] = nla_ifla_vfinfo_list,
	[IFLA_STATS64] = nla_link_stats64,
	[IFLA_VF_PORTS] = nla_ifla_vf_ports,
	[IFLA_PORT_SELF] = nla_ifla_port,
	[IFLA_AF_SPEC] = nla_ifla_af_spec,
	[IFLA_GROUP] = nla_u32,
	[IFLA_NET_NS_FD] = nla_fd,
	[IFLA_EXT_MASK] = nla_rtext_filter,
	[IFLA_PROMISCUITY] = nla_u32,
	[IFLA_NUM_TX_QUEUES] = nla_u32,
	[IFLA_NUM_RX_QUEUES] = nla_u32,
	[IFLA_CARRIER] = nla_u8,
	[IFLA_CARRIER_CHANGES] = nla_u32,
	[IFLA_LINK_NETNSID] = nla_s32,
	[IFLA_PHYS_PORT_NAME] = nla_str,
	[IFLA_PROTO_DOWN] = nla_u8,
	[IFLA_GSO_MAX_SEGS] = nla_u32,
	[IFLA_GSO_MAX_SIZE] = nla_u32,
	[IFLA_XDP] = nla_ifla_xdp,
	[IFLA_EVENT] = nla_ifla_event,
	[IFLA_NEW_NETNSID] = nla_s32,
	[IFLA_IF_NETNSID] = nla_s32,
	[IFLA_CARRIER_UP_COUNT] = nla_u32,
	[IFLA_CARRIER_DOWN_COUNT] = nla_u32,
	[IFLA_NEW_IFINDEX] = nla_ifindex,
	[IFLA_MIN_MTU] = nla_u32,
	[IFLA_MAX_MTU] = nla_u32,
	[IFLA_PROP_LIST] = nla_ifla_prop_list,
	[IFLA_ALT_IFNAME] = nla_str_omit0,
	[IFLA_PERM_ADDRESS] = nla_hwaddr,
	[IFLA_PROTO_DOWN_REASON] = nla_ifla_proto_down_reason,
	[IFLA_PARENT_DEV_NAME] = nla_str_omit0,
	[IFLA_PARENT_DEV_BUS_NAME] = nla_str_omit0,
	[IFLA_GRO_MAX_SIZE] = nla_u32,
	[IFLA_TSO_MAX_SIZE] = nla_u32,
	[IFLA_TSO_MAX_SEGS] = nla_u32,
	[IFLA_ALLMULTI] = nla_u32,
};
RT_ATTRS(rt_ifla_attrs, xlat_rt_ifla_attrs, "IFLA_???", ifla_fns);

/* ---- IFLA_STATS_* (if_stats_msg) ---- */

static const struct rt_field br_vlan_xstats_f[] = {
	FLD(struct bridge_vlan_xstats, rx_bytes, K_U),
	FLD(struct bridge_vlan_xstats, rx_packets, K_U),
	FLD(struct bridge_vlan_xstats, tx_bytes, K_U),
	FLD(struct bridge_vlan_xstats, tx_packets, K_U),
	FLD(struct bridge_vlan_xstats, vid, K_U),
	FLDX(struct bridge_vlan_xstats, flags, K_FLAGS, xlat_rt_bridge_vlan_flags,
	     "BRIDGE_VLAN_INFO_???"),
	FLD(struct bridge_vlan_xstats, pad2, K_XNZ),
};
RT_STRUCT_TAIL_FN(nla_br_vlan_xstats, struct bridge_vlan_xstats, br_vlan_xstats_f)

#define MC2(m) FLD(struct br_mcast_stats, m, K_MCAST2)
static const struct rt_field br_mcast_stats_f[] = {
	MC2(igmp_v1queries), MC2(igmp_v2queries), MC2(igmp_v3queries), MC2(igmp_leaves),
	MC2(igmp_v1reports), MC2(igmp_v2reports), MC2(igmp_v3reports),
	FLD(struct br_mcast_stats, igmp_parse_errors, K_U),
	MC2(mld_v1queries), MC2(mld_v2queries), MC2(mld_leaves), MC2(mld_v1reports),
	MC2(mld_v2reports),
	FLD(struct br_mcast_stats, mld_parse_errors, K_U),
	MC2(mcast_bytes), MC2(mcast_packets),
};
RT_STRUCT_TAIL_FN(nla_br_mcast_stats, struct br_mcast_stats, br_mcast_stats_f)

static const struct rt_field br_stp_xstats_f[] = {
	FLD(struct bridge_stp_xstats, transition_blk, K_U),
	FLD(struct bridge_stp_xstats, transition_fwd, K_U),
	FLD(struct bridge_stp_xstats, rx_bpdu, K_U),
	FLD(struct bridge_stp_xstats, tx_bpdu, K_U),
	FLD(struct bridge_stp_xstats, rx_tcn, K_U),
	FLD(struct bridge_stp_xstats, tx_tcn, K_U),
};
RT_STRUCT_TAIL_FN(nla_br_stp_xstats, struct bridge_stp_xstats, br_stp_xstats_f)

static const nla_fn bridge_xstats_fns[] = {
	[BRIDGE_XSTATS_VLAN] = nla_br_vlan_xstats,
	[BRIDGE_XSTATS_MCAST] = nla_br_mcast_stats,
	[BRIDGE_XSTATS_STP] = nla_br_stp_xstats,
};
static const struct rt_attrs bridge_xstats_attrs = {
	&xlat_rt_bridge_xstats_attrs, "BRIDGE_XSTATS_???", bridge_xstats_fns,
	ARRAY_LEN(bridge_xstats_fns)
};
RT_NESTED_FN(nla_bridge_xstats, bridge_xstats_attrs)

static const nla_fn bond_3ad_fns[] = {
	[BOND_3AD_STAT_LACPDU_RX] = nla_u64,
	[BOND_3AD_STAT_LACPDU_TX] = nla_u64,
	[BOND_3AD_STAT_LACPDU_UNKNOWN_RX] = nla_u64,
	[BOND_3AD_STAT_LACPDU_ILLEGAL_RX] = nla_u64,
	[BOND_3AD_STAT_MARKER_RX] = nla_u64,
	[BOND_3AD_STAT_MARKER_TX] = nla_u64,
	[BOND_3AD_STAT_MARKER_RESP_RX] = nla_u64,
	[BOND_3AD_STAT_MARKER_RESP_TX] = nla_u64,
	[BOND_3AD_STAT_MARKER_UNKNOWN_RX] = nla_u64,
};
static const struct rt_attrs bond_3ad_attrs = {
	/* strace 6.1 names unknown ones as of the enclosing list */
	&xlat_rt_bond_3ad_stat_attrs, "BOND_XSTATS_???", bond_3ad_fns,
	ARRAY_LEN(bond_3ad_fns)
};
RT_NESTED_FN(nla_bond_3ad, bond_3ad_attrs)

static const nla_fn bond_xstats_fns[] = {
	[BOND_XSTATS_3AD] = nla_bond_3ad,
};
static const struct rt_attrs bond_xstats_attrs = {
	&xlat_rt_bond_xstats_attrs, "BOND_XSTATS_???", bond_xstats_fns,
	ARRAY_LEN(bond_xstats_fns)
};
RT_NESTED_FN(nla_bond_xstats, bond_xstats_attrs)

static const nla_fn link_xstats_fns[] = {
	[LINK_XSTATS_TYPE_BRIDGE] = nla_bridge_xstats,
	[LINK_XSTATS_TYPE_BOND] = nla_bond_xstats,
};
static const struct rt_attrs link_xstats_attrs = {
	&xlat_rt_link_xstats_types, "LINK_XSTATS_TYPE_???", link_xstats_fns,
	ARRAY_LEN(link_xstats_fns)
};
RT_NESTED_FN(nla_link_xstats, link_xstats_attrs)

static const nla_fn offload_xstats_fns[] = {
	[IFLA_OFFLOAD_XSTATS_CPU_HIT] = nla_link_stats64,
};
static const struct rt_attrs offload_xstats_attrs = {
	&xlat_rt_offload_xstats_attrs, "IFLA_OFFLOAD_XSTATS_???", offload_xstats_fns,
	ARRAY_LEN(offload_xstats_fns)
};
RT_NESTED_FN(nla_offload_xstats, offload_xstats_attrs)

static const struct rt_field mpls_link_stats_f[] = {
	FLD(struct mpls_link_stats, rx_packets, K_U),
	FLD(struct mpls_link_stats, tx_packets, K_U),
	FLD(struct mpls_link_stats, rx_bytes, K_U),
	FLD(struct mpls_link_stats, tx_bytes, K_U),
	FLD(struct mpls_link_stats, rx_errors, K_U),
	FLD(struct mpls_link_stats, tx_errors, K_U),
	FLD(struct mpls_link_stats, rx_dropped, K_U),
	FLD(struct mpls_link_stats, tx_dropped, K_U),
	FLD(struct mpls_link_stats, rx_noroute, K_U),
};
RT_STRUCT_TAIL_FN(nla_mpls_link_stats, struct mpls_link_stats, mpls_link_stats_f)

static const nla_fn mpls_stats_fns[] = {
	[MPLS_STATS_LINK] = nla_mpls_link_stats,
};
static const struct rt_attrs mpls_stats_attrs = {
	&xlat_rt_mpls_stats_attrs, "MPLS_STATS_???", mpls_stats_fns, ARRAY_LEN(mpls_stats_fns)
};
RT_NESTED_FN(nla_mpls_stats, mpls_stats_attrs)

/* IFLA_STATS_AF_SPEC: one attribute per address family */
static const nla_fn stats_af_fns[] = {
	[AF_MPLS] = nla_mpls_stats,
};
static const struct rt_attrs stats_af_attrs = {
	&xlat_net_af, "AF_???", stats_af_fns, ARRAY_LEN(stats_af_fns)
};
RT_NESTED_FN(nla_stats_af_spec, stats_af_attrs)

static const nla_fn ifstats_fns[] = {
	[IFLA_STATS_LINK_64] = nla_link_stats64,
	[IFLA_STATS_LINK_XSTATS] = nla_link_xstats,
	[IFLA_STATS_LINK_XSTATS_SLAVE] = nla_link_xstats,
	[IFLA_STATS_LINK_OFFLOAD_XSTATS] = nla_offload_xstats,
	[IFLA_STATS_AF_SPEC] = nla_stats_af_spec,
};
RT_ATTRS(rt_ifstats_attrs, xlat_rt_ifstats_attrs, "IFLA_STATS_???", ifstats_fns);

/* ---- RTM_NEWCACHEREPORT: IPMRA_CREPORT_* and IP6MRA_CREPORT_* ---- */

RT_XVAL_FN(nla_igmpmsg, xlat_rt_igmpmsg_types, "IGMPMSG_???", 1, K_VAL)
RT_XVAL_FN(nla_mrt6msg, xlat_rt_mrt6msg_types, "MRT6MSG_???", 1, K_VAL)

static const nla_fn ipmra_creport_fns[] = {
	[IPMRA_CREPORT_MSGTYPE] = nla_igmpmsg,
	[IPMRA_CREPORT_VIF_ID] = nla_u32,
	[IPMRA_CREPORT_SRC_ADDR] = nla_inet_addr,
	[IPMRA_CREPORT_DST_ADDR] = nla_inet_addr,
	[IPMRA_CREPORT_TABLE] = nla_u32,
};
RT_ATTRS(rt_ipmra_creport_attrs, xlat_rt_ipmra_creport_attrs, "IPMRA_CREPORT_???",
	 ipmra_creport_fns);

static const nla_fn ip6mra_creport_fns[] = {
	[IP6MRA_CREPORT_MSGTYPE] = nla_mrt6msg,
	[IP6MRA_CREPORT_MIF_ID] = nla_u32,
	[IP6MRA_CREPORT_SRC_ADDR] = nla_inet6_addr,
	[IP6MRA_CREPORT_DST_ADDR] = nla_inet6_addr,
};
RT_ATTRS(rt_ip6mra_creport_attrs, xlat_rt_ip6mra_creport_attrs, "IP6MRA_CREPORT_???",
	 ip6mra_creport_fns);
