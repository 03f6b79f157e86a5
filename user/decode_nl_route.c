// SPDX-License-Identifier: GPL-2.0
/*
 * NETLINK_ROUTE (rtnetlink) payloads: by message type a fixed header (struct ifinfomsg,
 * ifaddrmsg, rtmsg, ndmsg, ...) that starts with an address family byte, then attributes.
 * A header shorter than its struct prints its family and "...", a header that could not be
 * read its address; a message type without a decoder prints {family=AF_..., data="..."}.
 */
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
#include "netlink.h"
#include "xlat/net_af.h"
#include "xlat/net_arphrd.h"
#include "xlat/rt_iff_flags.h"
#include "xlat/rt_ifa_flags.h"
#include "xlat/rt_scopes.h"
#include "xlat/rt_tables.h"
#include "xlat/rt_protocols.h"
#include "xlat/rt_types.h"
#include "xlat/rt_rtm_flags.h"
#include "xlat/rt_iptos.h"
#include "xlat/rt_nud_states.h"
#include "xlat/rt_ntf_flags.h"
#include "xlat/rt_fib_rule_actions.h"
#include "xlat/rt_fib_rule_flags.h"
#include "xlat/rt_dcb_cmds.h"
#include "xlat/rt_nh_flags.h"
#include "decode_nl_route.h"

/* ---- message headers ---- */

static void print_family(struct nlctx *c, uint8_t family)
{
	xlat_print_val(c->o, &xlat_net_af, family, "AF_???");
}

/*
 * "{name=FAMILY" and the rest of a header of `size` bytes into buf: false (the struct
 * closed) when the payload is shorter (", ...") or could not be read (its address).
 */
static bool rt_head(struct nlctx *c, const char *name, uint8_t family, uint64_t addr,
		    uint32_t len, void *buf, size_t size)
{
	ob_printf(c->o, "{%s=", name);
	print_family(c, family);
	if (len < size) {
		ob_puts(c->o, ", ...}");
		return false;
	}
	memset(buf, 0, size);
	if (!nl_mem(c, addr + 1, size - 1)) {
		ob_puts(c->o, ", ");
		ob_ptr(c->o, addr + 1);
		ob_putc(c->o, '}');
		return false;
	}
	memcpy(buf, nl_mem(c, addr, size), size);
	return true;
}

static void field_u(struct nlctx *c, const char *name, uint64_t v)
{
	ob_printf(c->o, ", %s=", name);
	ob_udec(c->o, v);
}

static void field_x(struct nlctx *c, const char *name, uint64_t v)
{
	ob_printf(c->o, ", %s=", name);
	ob_hex(c->o, v);
}

static void field_val(struct nlctx *c, const char *name, const struct xlat *x, uint64_t v,
		      const char *dflt)
{
	ob_printf(c->o, ", %s=", name);
	xlat_print_val(c->o, x, v, dflt);
}

static void field_flags(struct nlctx *c, const char *name, const struct xlat *x, uint64_t v,
			const char *dflt)
{
	ob_printf(c->o, ", %s=", name);
	xlat_print_flags(c->o, x, v, dflt);
}

static void field_ifindex(struct nlctx *c, const char *name, uint32_t v)
{
	ob_printf(c->o, ", %s=", name);
	nl_print_ifindex(c->o, v);
}

/* the attributes after a header of `hsize` bytes, when there are any */
static void rt_tail(struct nlctx *c, uint64_t addr, uint32_t len, size_t hsize,
		    const struct rt_attrs *a, const struct rt_ctx *rc)
{
	uint32_t off = NLMSG_ALIGN(hsize);

	if (len <= off)
		return;
	ob_puts(c->o, ", ");
	rt_attrs_print(c, addr + off, len - off, a, rc);
}

/* a header that is only the family and padding (rtgenmsg, tcamsg, ndtmsg, netconfmsg) */
static bool dec_family_only(struct nlctx *c, const char *name, size_t size,
			    const struct rt_attrs *a, uint8_t family, uint64_t addr, uint32_t len)
{
	struct rt_ctx rc = { .family = family };

	ob_printf(c->o, "{%s=", name);
	print_family(c, family);
	ob_putc(c->o, '}');
	if (a)
		rt_tail(c, addr, len, size, a, &rc);
	return true;
}

static bool dec_ifinfomsg(struct nlctx *c, const struct nlmsghdr *h, uint8_t family,
			  uint64_t addr, uint32_t len)
{
	struct rt_ctx rc = { .family = family, .type = h->nlmsg_type };
	struct ifinfomsg m;

	if (!rt_head(c, "ifi_family", family, addr, len, &m, sizeof(m)))
		return true;
	field_val(c, "ifi_type", &xlat_net_arphrd, m.ifi_type, "ARPHRD_???");
	field_ifindex(c, "ifi_index", (uint32_t)m.ifi_index);
	field_flags(c, "ifi_flags", &xlat_rt_iff_flags, m.ifi_flags, "IFF_???");
	field_x(c, "ifi_change", m.ifi_change);
	ob_putc(c->o, '}');
	rt_tail(c, addr, len, sizeof(m), &rt_ifla_attrs, &rc);
	return true;
}

static bool dec_ifaddrmsg(struct nlctx *c, const struct nlmsghdr *h, uint8_t family,
			  uint64_t addr, uint32_t len)
{
	struct rt_ctx rc = { .family = family, .type = h->nlmsg_type };
	struct ifaddrmsg m;

	if (!rt_head(c, "ifa_family", family, addr, len, &m, sizeof(m)))
		return true;
	field_u(c, "ifa_prefixlen", m.ifa_prefixlen);
	field_flags(c, "ifa_flags", &xlat_rt_ifa_flags, m.ifa_flags, "IFA_F_???");
	field_val(c, "ifa_scope", &xlat_rt_scopes, m.ifa_scope, NULL);
	field_ifindex(c, "ifa_index", m.ifa_index);
	ob_putc(c->o, '}');
	rt_tail(c, addr, len, sizeof(m), &rt_ifa_attrs, &rc);
	return true;
}

static bool dec_rtmsg(struct nlctx *c, const struct nlmsghdr *h, uint8_t family,
		      uint64_t addr, uint32_t len)
{
	struct rt_ctx rc = { .family = family, .type = h->nlmsg_type };
	struct rtmsg m;

	if (!rt_head(c, "rtm_family", family, addr, len, &m, sizeof(m)))
		return true;
	field_u(c, "rtm_dst_len", m.rtm_dst_len);
	field_u(c, "rtm_src_len", m.rtm_src_len);
	field_flags(c, "rtm_tos", &xlat_rt_iptos, m.rtm_tos, "IPTOS_TOS_???");
	field_val(c, "rtm_table", &xlat_rt_tables, m.rtm_table, NULL);
	field_val(c, "rtm_protocol", &xlat_rt_protocols, m.rtm_protocol, "RTPROT_???");
	field_val(c, "rtm_scope", &xlat_rt_scopes, m.rtm_scope, NULL);
	field_val(c, "rtm_type", &xlat_rt_types, m.rtm_type, "RTN_???");
	field_flags(c, "rtm_flags", &xlat_rt_rtm_flags, m.rtm_flags, "RTM_F_???");
	ob_putc(c->o, '}');
	rt_tail(c, addr, len, sizeof(m), &rt_rta_attrs, &rc);
	return true;
}

static bool dec_ndmsg(struct nlctx *c, const struct nlmsghdr *h, uint8_t family,
		      uint64_t addr, uint32_t len)
{
	struct rt_ctx rc = { .family = family, .type = h->nlmsg_type };
	struct ndmsg m;

	if (!rt_head(c, "ndm_family", family, addr, len, &m, sizeof(m)))
		return true;
	field_ifindex(c, "ndm_ifindex", (uint32_t)m.ndm_ifindex);
	field_flags(c, "ndm_state", &xlat_rt_nud_states, m.ndm_state, "NUD_???");
	field_flags(c, "ndm_flags", &xlat_rt_ntf_flags, m.ndm_flags, "NTF_???");
	field_val(c, "ndm_type", &xlat_rt_types, m.ndm_type, "RTN_???");
	ob_putc(c->o, '}');
	rt_tail(c, addr, len, sizeof(m), &rt_nda_attrs, &rc);
	return true;
}

static bool dec_fib_rule_hdr(struct nlctx *c, const struct nlmsghdr *h, uint8_t family,
			     uint64_t addr, uint32_t len)
{
	struct rt_ctx rc = { .family = family, .type = h->nlmsg_type };
	struct fib_rule_hdr m;

	if (!rt_head(c, "family", family, addr, len, &m, sizeof(m)))
		return true;
	field_u(c, "dst_len", m.dst_len);
	field_u(c, "src_len", m.src_len);
	field_flags(c, "tos", &xlat_rt_iptos, m.tos, "IPTOS_TOS_???");
	field_val(c, "table", &xlat_rt_tables, m.table, NULL);
	field_val(c, "action", &xlat_rt_fib_rule_actions, m.action, "FR_ACT_???");
	field_flags(c, "flags", &xlat_rt_fib_rule_flags, m.flags, "FIB_RULE_???");
	ob_putc(c->o, '}');
	rt_tail(c, addr, len, sizeof(m), &rt_fra_attrs, &rc);
	return true;
}

static bool dec_tcmsg(struct nlctx *c, const struct nlmsghdr *h, uint8_t family,
		      uint64_t addr, uint32_t len)
{
	struct rt_ctx rc = { .family = family, .type = h->nlmsg_type };
	struct tcmsg m;

	if (!rt_head(c, "tcm_family", family, addr, len, &m, sizeof(m)))
		return true;
	field_ifindex(c, "tcm_ifindex", (uint32_t)m.tcm_ifindex);
	field_u(c, "tcm_handle", m.tcm_handle);
	field_u(c, "tcm_parent", m.tcm_parent);
	field_u(c, "tcm_info", m.tcm_info);
	ob_putc(c->o, '}');
	rt_tail(c, addr, len, sizeof(m), &rt_tca_attrs, &rc);
	return true;
}

static bool dec_ifaddrlblmsg(struct nlctx *c, const struct nlmsghdr *h, uint8_t family,
			     uint64_t addr, uint32_t len)
{
	struct rt_ctx rc = { .family = family, .type = h->nlmsg_type };
	struct ifaddrlblmsg m;

	if (!rt_head(c, "ifal_family", family, addr, len, &m, sizeof(m)))
		return true;
	field_u(c, "ifal_prefixlen", m.ifal_prefixlen);
	field_u(c, "ifal_flags", m.ifal_flags);
	field_ifindex(c, "ifal_index", m.ifal_index);
	field_u(c, "ifal_seq", m.ifal_seq);
	ob_putc(c->o, '}');
	rt_tail(c, addr, len, sizeof(m), &rt_ifal_attrs, &rc);
	return true;
}

static bool dec_dcbmsg(struct nlctx *c, const struct nlmsghdr *h, uint8_t family,
		       uint64_t addr, uint32_t len)
{
	struct rt_ctx rc = { .family = family, .type = h->nlmsg_type };
	struct dcbmsg m;

	if (!rt_head(c, "dcb_family", family, addr, len, &m, sizeof(m)))
		return true;
	field_val(c, "cmd", &xlat_rt_dcb_cmds, m.cmd, "DCB_CMD_???");
	ob_putc(c->o, '}');
	rt_tail(c, addr, len, sizeof(m), &rt_dcb_attrs, &rc);
	return true;
}

static bool dec_br_port_msg(struct nlctx *c, const struct nlmsghdr *h, uint8_t family,
			    uint64_t addr, uint32_t len)
{
	struct rt_ctx rc = { .family = family, .type = h->nlmsg_type };
	struct br_port_msg m;

	if (!rt_head(c, "family", family, addr, len, &m, sizeof(m)))
		return true;
	field_ifindex(c, "ifindex", m.ifindex);
	ob_putc(c->o, '}');
	rt_tail(c, addr, len, sizeof(m), &rt_mdba_attrs, &rc);
	return true;
}

/* if_stats_msg filter_mask: bit i is 1 << IFLA_STATS_i */
static const struct xlat_entry stats_mask_e[] = {
	{ 1 << 0, "1<<IFLA_STATS_UNSPEC" },
	{ 1 << 1, "1<<IFLA_STATS_LINK_64" },
	{ 1 << 2, "1<<IFLA_STATS_LINK_XSTATS" },
	{ 1 << 3, "1<<IFLA_STATS_LINK_XSTATS_SLAVE" },
	{ 1 << 4, "1<<IFLA_STATS_LINK_OFFLOAD_XSTATS" },
	{ 1 << 5, "1<<IFLA_STATS_AF_SPEC" },
};
const struct xlat rt_stats_mask = { stats_mask_e, sizeof(stats_mask_e) / sizeof(stats_mask_e[0]) };

static bool dec_if_stats_msg(struct nlctx *c, const struct nlmsghdr *h, uint8_t family,
			     uint64_t addr, uint32_t len)
{
	struct rt_ctx rc = { .family = family, .type = h->nlmsg_type };
	struct if_stats_msg m;

	if (!rt_head(c, "family", family, addr, len, &m, sizeof(m)))
		return true;
	/* the padding shows when it is not zero */
	if (m.pad1)
		field_x(c, "pad1", m.pad1);
	if (m.pad2)
		field_x(c, "pad2", m.pad2);
	field_ifindex(c, "ifindex", m.ifindex);
	field_flags(c, "filter_mask", &rt_stats_mask, m.filter_mask, "1<<IFLA_STATS_???");
	ob_putc(c->o, '}');
	rt_tail(c, addr, len, sizeof(m), &rt_ifstats_attrs, &rc);
	return true;
}

static bool dec_nhmsg(struct nlctx *c, const struct nlmsghdr *h, uint8_t family,
		      uint64_t addr, uint32_t len)
{
	struct rt_ctx rc = { .family = family, .type = h->nlmsg_type };
	struct nhmsg m;

	if (!rt_head(c, "nh_family", family, addr, len, &m, sizeof(m)))
		return true;
	field_val(c, "nh_scope", &xlat_rt_scopes, m.nh_scope, NULL);
	field_val(c, "nh_protocol", &xlat_rt_protocols, m.nh_protocol, "RTPROT_???");
	if (m.resvd)
		field_x(c, "resvd", m.resvd);
	field_flags(c, "nh_flags", &xlat_rt_nh_flags, m.nh_flags, "RTNH_F_???");
	ob_putc(c->o, '}');
	rt_tail(c, addr, len, sizeof(m), &rt_nha_attrs, &rc);
	return true;
}

/* RTM_NEWCACHEREPORT: the multicast routing family, its report's attributes */
static bool dec_cachereport(struct nlctx *c, uint8_t family, uint64_t addr, uint32_t len)
{
	struct rt_ctx rc = { .family = family, .type = RTM_NEWCACHEREPORT };
	const struct rt_attrs *a = NULL;
	const char *name = xlat_name(&xlat_net_af, family);
	uint32_t off = NLMSG_ALIGN(sizeof(struct rtgenmsg));

	if (family == RTNL_FAMILY_IPMR) {
		name = "RTNL_FAMILY_IPMR";
		a = &rt_ipmra_creport_attrs;
	} else if (family == RTNL_FAMILY_IP6MR) {
		name = "RTNL_FAMILY_IP6MR";
		a = &rt_ip6mra_creport_attrs;
	}
	ob_puts(c->o, "{rtgen_family=");
	xlat_print_const(c->o, family, XF_HEX, name, "RTNL_FAMILY_???");
	ob_putc(c->o, '}');
	if (len <= off)
		return true;
	ob_puts(c->o, ", ");
	if (a)
		rt_attrs_print(c, addr + off, len - off, a, &rc);
	else
		nl_hex(c, addr + off, len - off);
	return true;
}

static bool dec_rtgenmsg(struct nlctx *c, const struct nlmsghdr *h, uint8_t family,
			 uint64_t addr, uint32_t len)
{
	if (h->nlmsg_type == RTM_NEWCACHEREPORT)
		return dec_cachereport(c, family, addr, len);
	return dec_family_only(c, "rtgen_family", sizeof(struct rtgenmsg), &rt_netnsa_attrs,
			       family, addr, len);
}

static bool dec_tcamsg(struct nlctx *c, const struct nlmsghdr *h, uint8_t family,
		       uint64_t addr, uint32_t len)
{
	(void)h;
	return dec_family_only(c, "tca_family", sizeof(struct tcamsg), &rt_tca_act_attrs,
			       family, addr, len);
}

static bool dec_ndtmsg(struct nlctx *c, const struct nlmsghdr *h, uint8_t family,
		       uint64_t addr, uint32_t len)
{
	(void)h;
	return dec_family_only(c, "ndtm_family", sizeof(struct ndtmsg), &rt_ndta_attrs,
			       family, addr, len);
}

static bool dec_netconfmsg(struct nlctx *c, const struct nlmsghdr *h, uint8_t family,
			   uint64_t addr, uint32_t len)
{
	(void)h;
	return dec_family_only(c, "ncm_family", sizeof(struct netconfmsg), &rt_netconfa_attrs,
			       family, addr, len);
}

typedef bool (*rt_msg_fn)(struct nlctx *c, const struct nlmsghdr *h, uint8_t family,
			  uint64_t addr, uint32_t len);

static rt_msg_fn rt_decoder(uint16_t type)
{
	switch (type) {
	case RTM_NEWLINK ... RTM_SETLINK:
		return dec_ifinfomsg;
	case RTM_NEWADDR ... RTM_GETADDR:
	case RTM_GETMULTICAST:
	case RTM_GETANYCAST:
		return dec_ifaddrmsg;
	case RTM_NEWROUTE ... RTM_GETROUTE:
		return dec_rtmsg;
	case RTM_NEWNEIGH ... RTM_GETNEIGH:
		return dec_ndmsg;
	case RTM_NEWRULE ... RTM_GETRULE:
		return dec_fib_rule_hdr;
	case RTM_NEWQDISC ... RTM_GETQDISC:
	case RTM_NEWTCLASS ... RTM_GETTCLASS:
	case RTM_NEWTFILTER ... RTM_GETTFILTER:
	case RTM_NEWCHAIN ... RTM_GETCHAIN:
		return dec_tcmsg;
	case RTM_NEWACTION ... RTM_GETACTION:
		return dec_tcamsg;
	case RTM_NEWNEIGHTBL:
	case RTM_GETNEIGHTBL:
	case RTM_SETNEIGHTBL:
		return dec_ndtmsg;
	case RTM_NEWADDRLABEL ... RTM_GETADDRLABEL:
		return dec_ifaddrlblmsg;
	case RTM_GETDCB:
	case RTM_SETDCB:
		return dec_dcbmsg;
	case RTM_NEWNETCONF ... RTM_GETNETCONF:
		return dec_netconfmsg;
	case RTM_NEWMDB ... RTM_GETMDB:
		return dec_br_port_msg;
	case RTM_NEWNSID ... RTM_GETNSID:
	case RTM_NEWCACHEREPORT:
		return dec_rtgenmsg;
	case RTM_NEWSTATS:
	case RTM_GETSTATS:
		return dec_if_stats_msg;
	case RTM_NEWNEXTHOP ... RTM_GETNEXTHOP:
		return dec_nhmsg;
	}
	return NULL;
}

bool nl_decode_route(struct nlctx *c, const struct nlmsghdr *h, uint64_t addr, uint32_t len)
{
	rt_msg_fn fn = rt_decoder(h->nlmsg_type);
	uint8_t family;

	if (!nl_fetch(c, addr, &family, 1))
		return true;
	if (fn)
		return fn(c, h, family, addr, len);
	ob_puts(c->o, "{family=");
	print_family(c, family);
	if (len > 1) {
		ob_puts(c->o, ", data=");
		nl_hex(c, addr + 1, len - 1);
	}
	ob_putc(c->o, '}');
	return true;
}
