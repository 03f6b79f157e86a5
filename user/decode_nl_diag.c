// SPDX-License-Identifier: GPL-2.0
/*
 * NETLINK_SOCK_DIAG payloads: the requests and answers of each address family's sock_diag
 * (linux/sock_diag.h, unix_diag.h, inet_diag.h, netlink_diag.h, packet_diag.h, smc_diag.h).
 * Every payload starts with the family's byte; a family without a decoder, or a payload that
 * is only that byte, prints as {family=AF_..., data="..."}. A payload shorter than its struct
 * prints {udiag_family=AF_UNIX, ...}, one that could not all be read the address after the
 * family byte. The answers (and the inet requests) are followed by their attributes.
 * The structs are read by offset from the kernel's uapi layouts (no padding is implied).
 */
#include <string.h>
#include <sys/socket.h>
#include <linux/filter.h>
#include <linux/sock_diag.h>
#include <linux/inet_diag.h>
#include "decode_flags.h"
#include "netlink.h"
#include "xlat/inet_diag_attrs.h"
#include "xlat/inet_diag_bc_codes.h"
#include "xlat/inet_diag_req_attrs.h"
#include "xlat/inet_ulp_info_attrs.h"
#include "xlat/mptcp_subflow_attrs.h"
#include "xlat/mptcp_subflow_flags.h"
#include "xlat/net_af.h"
#include "xlat/net_eth_p.h"
#include "xlat/net_ipproto.h"
#include "xlat/net_netlink_proto.h"
#include "xlat/net_sock_types.h"
#include "xlat/netlink_diag_attrs.h"
#include "xlat/netlink_diag_flags.h"
#include "xlat/netlink_diag_show.h"
#include "xlat/netlink_states.h"
#include "xlat/packet_diag_attrs.h"
#include "xlat/packet_diag_info_flags.h"
#include "xlat/packet_diag_show.h"
#include "xlat/packet_versions.h"
#include "xlat/sk_diag_bpf_storages_attrs.h"
#include "xlat/smc_decl_codes.h"
#include "xlat/smc_diag_attrs.h"
#include "xlat/smc_diag_ext.h"
#include "xlat/smc_diag_modes.h"
#include "xlat/smc_link_group_roles.h"
#include "xlat/smc_states.h"
#include "xlat/sock_shutdown_flags.h"
#include "xlat/tcp_states.h"
#include "xlat/tls_ciphers.h"
#include "xlat/tls_conf.h"
#include "xlat/tls_info_attrs.h"
#include "xlat/tls_versions.h"
#include "xlat/unix_diag_attrs.h"
#include "xlat/unix_diag_show.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---- small printers ---- */

static void field_u(struct outbuf *o, const char *name, uint64_t v)
{
	ob_printf(o, ", %s=", name);
	ob_udec(o, v);
}

static void field_x(struct outbuf *o, const char *name, uint64_t v)
{
	ob_printf(o, ", %s=", name);
	ob_hex(o, v);
}

/* the two u32 of a sock_diag cookie: [1, 2] */
static void field_cookie(struct outbuf *o, const char *name, const uint8_t *p)
{
	ob_printf(o, ", %s=[%u, %u]", name, rd_u32(p), rd_u32(p + 4));
}

/* bits named by their shift: 1<<TCP_LISTEN|1<<TCP_CLOSE, or with bias 1
 * 1<<(INET_DIAG_TOS-1) (bit n is attribute n + 1) */
static void print_shift_flags(struct outbuf *o, const struct xlat *x, uint64_t v,
			      unsigned int bias, const char *unknown)
{
	uint64_t rest = v;
	bool any = false;
	unsigned int i;

	for (i = 0; i < 64; i++)
		if ((v >> i & 1) && xlat_name(x, i + bias))
			any = true;
	if (!any) {
		xlat_print_const(o, v, XF_HEX, NULL, v ? unknown : NULL);
		return;
	}
	if (!xlat_names_begin(o, v, XF_HEX))
		return;
	any = false;
	for (i = 0; i < 64; i++) {
		const char *n = (v >> i & 1) ? xlat_name(x, i + bias) : NULL;

		if (!n)
			continue;
		ob_printf(o, bias ? "%s1<<(%s-%u)" : "%s1<<%s", any ? "|" : "", n, bias);
		rest &= ~(1ULL << i);
		any = true;
	}
	if (rest) {
		ob_putc(o, '|');
		ob_hex(o, rest);
	}
	xlat_names_end(o);
}

/* a number strace always follows with its name: 0x1 / * RCV_SHUTDOWN * / */
static void print_flags_commented(struct outbuf *o, const struct xlat *x, uint64_t v,
				  const char *unknown)
{
	if (!v) {
		ob_putc(o, '0');
		return;
	}
	ob_hex(o, v);
	if (!xlat_comment_begin(o))
		return;
	if (xlat_has_flag(x, v))
		xlat_print_flags(o, x, v, unknown);
	else
		ob_puts(o, unknown);
	xlat_names_end(o);
}

static void print_val_commented(struct outbuf *o, const struct xlat *x, uint64_t v,
				const char *unknown)
{
	const char *n = xlat_name(x, v);

	ob_hex(o, v);
	if (!xlat_comment_begin(o))
		return;
	ob_puts(o, n ? n : unknown);
	xlat_names_end(o);
}

/* bytes in hex whatever -s says: "\x01\x02" */
static void print_hex_bytes(struct outbuf *o, const uint8_t *p, size_t n)
{
	size_t i;

	ob_putc(o, '"');
	for (i = 0; i < n; i++)
		ob_printf(o, "\\x%02x", p[i]);
	ob_putc(o, '"');
}

/* a char array holding a C string: up to its NUL, "..." after a full one */
static void print_char_array(struct nlctx *c, const uint8_t *p, size_t size)
{
	const uint8_t *nul = memchr(p, 0, size);

	print_quoted(c->d, p, nul ? (size_t)(nul - p) : size, true, !nul);
}

/* an attribute's struct of `size` bytes (more are ignored): the bytes in hex when shorter,
 * the address when unreadable */
typedef void (*diag_struct_fn)(struct nlctx *c, const uint8_t *p);

static bool nla_struct(struct nlctx *c, uint64_t addr, uint32_t len, uint32_t size,
		       diag_struct_fn fn)
{
	const uint8_t *p;

	if (len < size)
		return false;
	p = nl_mem(c, addr, size);
	if (!p)
		ob_ptr(c->o, addr);
	else
		fn(c, p);
	return true;
}

#define NLA_STRUCT(name, size)							\
	static bool nla_##name(struct nlctx *c, uint64_t addr, uint32_t len,	\
			       const void *opaque)				\
	{									\
		(void)opaque;							\
		return nla_struct(c, addr, len, size, print_##name);		\
	}

/* an attribute that is an array of `esize` elements: hex when shorter than one */
#define NLA_ARRAY(name, esize, elem)						\
	static bool nla_##name(struct nlctx *c, uint64_t addr, uint32_t len,	\
			       const void *opaque)				\
	{									\
		(void)opaque;							\
		if (len < (esize))						\
			return false;						\
		nl_array(c, addr, len / (esize), esize, elem, NULL);		\
		return true;							\
	}

/* an attribute that nests attributes of its own table */
#define NLA_NESTED(name, types, dflt, fns)					\
	static bool nla_##name(struct nlctx *c, uint64_t addr, uint32_t len,	\
			       const void *opaque)				\
	{									\
		(void)opaque;							\
		nl_attrs(c, addr, len, types, dflt, fns, NELEM(fns), NULL);	\
		return true;							\
	}

/* a u8 value of an xlat (attributes whose value is one byte) */
#define NLA_U8_FN(name, stmt)							\
	static bool nla_##name(struct nlctx *c, uint64_t addr, uint32_t len,	\
			       const void *opaque)				\
	{									\
		uint8_t v;							\
										\
		(void)opaque;							\
		if (len < 1)							\
			return false;						\
		if (nl_fetch(c, addr, &v, 1))					\
			stmt;							\
		return true;							\
	}

NLA_U8_FN(shutdown_commented,
	  print_flags_commented(c->o, &xlat_sock_shutdown_flags, v, "???_SHUTDOWN"))
NLA_U8_FN(smc_shutdown, xlat_print_flags(c->o, &xlat_sock_shutdown_flags, v, "???_SHUTDOWN"))
NLA_U8_FN(inet_protocol, xlat_print_val(c->o, &xlat_net_ipproto, v, "IPPROTO_???"))

static void elem_u32(struct nlctx *c, const uint8_t *p, uint32_t i, const void *opaque)
{
	(void)i;
	(void)opaque;
	ob_udec(c->o, rd_u32(p));
}

/* unsigned long in hex: the tracee is 64-bit */
static void elem_xlong(struct nlctx *c, const uint8_t *p, uint32_t i, const void *opaque)
{
	(void)i;
	(void)opaque;
	ob_hex(c->o, rd_u64(p));
}

NLA_ARRAY(u32_array, 4, elem_u32)
NLA_ARRAY(xlong_array, 8, elem_xlong)

/* ---- the struct at the start of a payload ---- */

/* "{field=AF_X" and the struct's bytes, or NULL when it printed ", ...}" (the payload is
 * shorter than the struct) or the address after the family byte (it was not readable) */
static const uint8_t *diag_begin(struct nlctx *c, uint64_t addr, uint32_t len, uint32_t size,
				 const char *field)
{
	const uint8_t *p = nl_mem(c, addr, 1);

	ob_printf(c->o, "{%s=", field);
	xlat_print_val(c->o, &xlat_net_af, p ? *p : 0, "AF_???");
	if (len < size) {
		ob_puts(c->o, ", ...}");
		return NULL;
	}
	p = nl_mem(c, addr, size);
	if (!p) {
		ob_puts(c->o, ", ");
		ob_ptr(c->o, addr + 1);
		ob_putc(c->o, '}');
	}
	return p;
}

/* the struct's end and the attributes after it (none: types NULL) */
static void diag_end(struct nlctx *c, uint64_t addr, uint32_t len, uint32_t size,
		     const struct xlat *types, const char *dflt, const nla_fn *fns,
		     unsigned int nfns)
{
	uint32_t off = NLMSG_ALIGN(size);

	ob_putc(c->o, '}');
	if (types && len > off) {
		ob_puts(c->o, ", ");
		nl_attrs(c, addr + off, len - off, types, dflt, fns, nfns, NULL);
	}
}

/* ---- AF_UNIX ---- */

static void print_unix_vfs(struct nlctx *c, const uint8_t *p)
{
	ob_puts(c->o, "{udiag_vfs_dev=");
	print_makedev(c->o, rd_u32(p + 4));
	field_u(c->o, "udiag_vfs_ino", rd_u32(p));
	ob_putc(c->o, '}');
}

static void print_unix_rqlen(struct nlctx *c, const uint8_t *p)
{
	ob_printf(c->o, "{udiag_rqueue=%u", rd_u32(p));
	field_u(c->o, "udiag_wqueue", rd_u32(p + 4));
	ob_putc(c->o, '}');
}

/* UNIX_DIAG_NAME: the name's bytes (an abstract one starts with a NUL), without the NUL
 * that ends a path */
static bool nla_unix_name(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	uint64_t n = len < c->d->s->strsize ? len : c->d->s->strsize;
	const uint8_t *p = nl_mem(c, addr, n);

	(void)opaque;
	if (!p) {
		ob_ptr(c->o, addr);
		return true;
	}
	if (n == len && n && !p[n - 1])
		n--;
	print_quoted(c->d, p, n, false, len > c->d->s->strsize);
	return true;
}

NLA_STRUCT(unix_vfs, 8)
NLA_STRUCT(unix_rqlen, 8)

static const nla_fn unix_fns[] = {
	[0] = nla_unix_name,		/* UNIX_DIAG_NAME */
	[1] = nla_unix_vfs,		/* UNIX_DIAG_VFS */
	[2] = nla_u32,			/* UNIX_DIAG_PEER */
	[3] = nla_u32_array,	/* UNIX_DIAG_ICONS */
	[4] = nla_unix_rqlen,		/* UNIX_DIAG_RQLEN */
	[5] = nla_meminfo,		/* UNIX_DIAG_MEMINFO */
	[6] = nla_u8,			/* UNIX_DIAG_SHUTDOWN */
	[7] = nla_u32,			/* UNIX_DIAG_UID */
};

/* struct unix_diag_req */
static bool unix_req(struct nlctx *c, const struct nlmsghdr *h, uint64_t addr, uint32_t len)
{
	const uint8_t *p = diag_begin(c, addr, len, 24, "sdiag_family");

	(void)h;
	if (!p)
		return true;
	field_u(c->o, "sdiag_protocol", p[1]);
	ob_puts(c->o, ", udiag_states=");
	print_shift_flags(c->o, &xlat_tcp_states, rd_u32(p + 4), 0, "1<<TCP_???");
	field_u(c->o, "udiag_ino", rd_u32(p + 8));
	ob_puts(c->o, ", udiag_show=");
	xlat_print_flags(c->o, &xlat_unix_diag_show, rd_u32(p + 12), "UDIAG_SHOW_???");
	field_cookie(c->o, "udiag_cookie", p + 16);
	diag_end(c, addr, len, 24, NULL, NULL, NULL, 0);
	return true;
}

/* struct unix_diag_msg */
static bool unix_msg(struct nlctx *c, const struct nlmsghdr *h, uint64_t addr, uint32_t len)
{
	const uint8_t *p = diag_begin(c, addr, len, 16, "udiag_family");

	(void)h;
	if (!p)
		return true;
	ob_puts(c->o, ", udiag_type=");
	xlat_print_val(c->o, &xlat_net_sock_types, p[1], "SOCK_???");
	ob_puts(c->o, ", udiag_state=");
	xlat_print_val(c->o, &xlat_tcp_states, p[2], "TCP_???");
	field_u(c->o, "udiag_ino", rd_u32(p + 4));
	field_cookie(c->o, "udiag_cookie", p + 8);
	diag_end(c, addr, len, 16, &xlat_unix_diag_attrs, "UNIX_DIAG_???", unix_fns,
		 NELEM(unix_fns));
	return true;
}

/* ---- AF_NETLINK ---- */

static void print_netlink_ring(struct nlctx *c, const uint8_t *p)
{
	ob_printf(c->o, "{ndr_block_size=%u", rd_u32(p));
	field_u(c->o, "ndr_block_nr", rd_u32(p + 4));
	field_u(c->o, "ndr_frame_size", rd_u32(p + 8));
	field_u(c->o, "ndr_frame_nr", rd_u32(p + 12));
	ob_putc(c->o, '}');
}

NLA_STRUCT(netlink_ring, 16)

static const struct nla_xval ndiag_flags_x = { &xlat_netlink_diag_flags, "NDIAG_FLAG_???", true };

static bool nla_ndiag_flags(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	if (len < 4)
		return false;
	return nla_xval(c, addr, 4, &ndiag_flags_x);
}

static const nla_fn netlink_fns[] = {
	[0] = nla_meminfo,		/* NETLINK_DIAG_MEMINFO */
	[1] = nla_xlong_array,		/* NETLINK_DIAG_GROUPS */
	[2] = nla_netlink_ring,		/* NETLINK_DIAG_RX_RING */
	[3] = nla_netlink_ring,		/* NETLINK_DIAG_TX_RING */
	[4] = nla_ndiag_flags,		/* NETLINK_DIAG_FLAGS */
};

/* struct netlink_diag_req */
static bool netlink_req(struct nlctx *c, const struct nlmsghdr *h, uint64_t addr, uint32_t len)
{
	const uint8_t *p = diag_begin(c, addr, len, 20, "sdiag_family");

	(void)h;
	if (!p)
		return true;
	ob_puts(c->o, ", sdiag_protocol=");
	if (p[1] == 0xff)	/* NDIAG_PROTO_ALL */
		xlat_print_const(c->o, p[1], XF_HEX, "NDIAG_PROTO_ALL", NULL);
	else
		xlat_print_val(c->o, &xlat_net_netlink_proto, p[1], "NETLINK_???");
	field_u(c->o, "ndiag_ino", rd_u32(p + 4));
	ob_puts(c->o, ", ndiag_show=");
	xlat_print_flags(c->o, &xlat_netlink_diag_show, rd_u32(p + 8), "NDIAG_SHOW_???");
	field_cookie(c->o, "ndiag_cookie", p + 12);
	diag_end(c, addr, len, 20, NULL, NULL, NULL, 0);
	return true;
}

/* struct netlink_diag_msg */
static bool netlink_msg(struct nlctx *c, const struct nlmsghdr *h, uint64_t addr, uint32_t len)
{
	const uint8_t *p = diag_begin(c, addr, len, 28, "ndiag_family");

	(void)h;
	if (!p)
		return true;
	ob_puts(c->o, ", ndiag_type=");
	xlat_print_val(c->o, &xlat_net_sock_types, p[1], "SOCK_???");
	ob_puts(c->o, ", ndiag_protocol=");
	xlat_print_val(c->o, &xlat_net_netlink_proto, p[2], "NETLINK_???");
	ob_puts(c->o, ", ndiag_state=");
	xlat_print_val(c->o, &xlat_netlink_states, p[3], "NETLINK_???");
	field_u(c->o, "ndiag_portid", rd_u32(p + 4));
	field_u(c->o, "ndiag_dst_portid", rd_u32(p + 8));
	field_u(c->o, "ndiag_dst_group", rd_u32(p + 12));
	field_u(c->o, "ndiag_ino", rd_u32(p + 16));
	field_cookie(c->o, "ndiag_cookie", p + 20);
	diag_end(c, addr, len, 28, &xlat_netlink_diag_attrs, "NETLINK_DIAG_???", netlink_fns,
		 NELEM(netlink_fns));
	return true;
}

/* ---- AF_PACKET ---- */

static void print_packet_info(struct nlctx *c, const uint8_t *p)
{
	ob_puts(c->o, "{pdi_index=");
	nl_print_ifindex(c->o, rd_u32(p));
	ob_puts(c->o, ", pdi_version=");
	xlat_print_val(c->o, &xlat_packet_versions, rd_u32(p + 4), "TPACKET_???");
	field_u(c->o, "pdi_reserve", rd_u32(p + 8));
	field_u(c->o, "pdi_copy_thresh", rd_u32(p + 12));
	field_u(c->o, "pdi_tstamp", rd_u32(p + 16));
	ob_puts(c->o, ", pdi_flags=");
	xlat_print_flags(c->o, &xlat_packet_diag_info_flags, rd_u32(p + 20), "PDI_???");
	ob_putc(c->o, '}');
}

/* struct packet_diag_mclist: pdmc_addr shows pdmc_alen of its 32 bytes */
static void elem_mclist(struct nlctx *c, const uint8_t *p, uint32_t i, const void *opaque)
{
	uint16_t alen = rd_u16(p + 10);

	(void)i;
	(void)opaque;
	ob_puts(c->o, "{pdmc_index=");
	nl_print_ifindex(c->o, rd_u32(p));
	field_u(c->o, "pdmc_count", rd_u32(p + 4));
	field_u(c->o, "pdmc_type", rd_u16(p + 8));
	field_u(c->o, "pdmc_alen", alen);
	ob_puts(c->o, ", pdmc_addr=");
	print_hex_bytes(c->o, p + 12, alen < 32 ? alen : 32);
	ob_putc(c->o, '}');
}

static void print_packet_ring(struct nlctx *c, const uint8_t *p)
{
	ob_printf(c->o, "{pdr_block_size=%u", rd_u32(p));
	field_u(c->o, "pdr_block_nr", rd_u32(p + 4));
	field_u(c->o, "pdr_frame_size", rd_u32(p + 8));
	field_u(c->o, "pdr_frame_nr", rd_u32(p + 12));
	field_u(c->o, "pdr_retire_tmo", rd_u32(p + 16));
	field_u(c->o, "pdr_sizeof_priv", rd_u32(p + 20));
	field_u(c->o, "pdr_features", rd_u32(p + 24));
	ob_putc(c->o, '}');
}

/* a classic BPF instruction as the macro that makes it: BPF_STMT(BPF_RET|BPF_K, 0x2a) */
static void elem_sock_filter(struct nlctx *c, const uint8_t *p, uint32_t i, const void *opaque)
{
	(void)i;
	(void)opaque;
	print_cbpf_insn(c->o, p, false);
}

NLA_STRUCT(packet_info, 24)
NLA_ARRAY(packet_mclist, 44, elem_mclist)
NLA_STRUCT(packet_ring, 28)

/* PACKET_DIAG_FILTER: the program with -v, else its address as strace abbreviates it */
static bool nla_sock_filter(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	if (len < 8)
		return false;
	if (!c->d->s->verbose)
		ob_ptr(c->o, addr);
	else
		nl_array(c, addr, len / 8, 8, elem_sock_filter, NULL);
	return true;
}

static const nla_fn packet_fns[] = {
	[0] = nla_packet_info,		/* PACKET_DIAG_INFO */
	[1] = nla_packet_mclist,	/* PACKET_DIAG_MCLIST */
	[2] = nla_packet_ring,		/* PACKET_DIAG_RX_RING */
	[3] = nla_packet_ring,		/* PACKET_DIAG_TX_RING */
	[4] = nla_u32,			/* PACKET_DIAG_FANOUT */
	[5] = nla_u32,			/* PACKET_DIAG_UID */
	[6] = nla_meminfo,		/* PACKET_DIAG_MEMINFO */
	[7] = nla_sock_filter,		/* PACKET_DIAG_FILTER */
};

/* struct packet_diag_req */
static bool packet_req(struct nlctx *c, const struct nlmsghdr *h, uint64_t addr, uint32_t len)
{
	const uint8_t *p = diag_begin(c, addr, len, 20, "sdiag_family");

	(void)h;
	if (!p)
		return true;
	field_x(c->o, "sdiag_protocol", p[1]);
	field_u(c->o, "pdiag_ino", rd_u32(p + 4));
	ob_puts(c->o, ", pdiag_show=");
	xlat_print_flags(c->o, &xlat_packet_diag_show, rd_u32(p + 8), "PACKET_SHOW_???");
	field_cookie(c->o, "pdiag_cookie", p + 12);
	diag_end(c, addr, len, 20, NULL, NULL, NULL, 0);
	return true;
}

/* struct packet_diag_msg */
static bool packet_msg(struct nlctx *c, const struct nlmsghdr *h, uint64_t addr, uint32_t len)
{
	const uint8_t *p = diag_begin(c, addr, len, 16, "pdiag_family");

	(void)h;
	if (!p)
		return true;
	ob_puts(c->o, ", pdiag_type=");
	xlat_print_val(c->o, &xlat_net_sock_types, p[1], "SOCK_???");
	ob_puts(c->o, ", pdiag_num=");
	xlat_print_val(c->o, &xlat_net_eth_p, rd_u16(p + 2), "ETH_P_???");
	field_u(c->o, "pdiag_ino", rd_u32(p + 4));
	field_cookie(c->o, "pdiag_cookie", p + 8);
	diag_end(c, addr, len, 16, &xlat_packet_diag_attrs, "PACKET_DIAG_???", packet_fns,
		 NELEM(packet_fns));
	return true;
}

/* ---- AF_INET, AF_INET6 ---- */

/* an address field of `size` bytes (16, or 4 of a hostcond's IPv4 one): ", field=...";
 * raw and verbose show all its bytes */
static void print_diag_addr(struct nlctx *c, const uint8_t *p, uint8_t family, const char *field,
			    unsigned int size)
{
	ob_puts(c->o, ", ");
	if (family == AF_INET6) {
		print_inet6_addr(c->d, p, field);
		return;
	}
	ob_printf(c->o, "%s=", field);
	if (family != AF_INET) {
		print_hex_bytes(c->o, p, size);
	} else if (xlat_style == XLAT_ABBREV || size == 4) {
		print_inet_addr(c->d, p);
	} else {
		print_hex_bytes(c->o, p, size);
		if (xlat_comment_begin(c->o)) {
			print_inet_addr(c->d, p);
			xlat_names_end(c->o);
		}
	}
}

/* struct inet_diag_sockid (48 bytes): ", id={...}" */
static void print_sockid(struct nlctx *c, const uint8_t *p, uint8_t family)
{
	ob_puts(c->o, ", id={idiag_sport=");
	print_htons(c->o, p);
	ob_puts(c->o, ", idiag_dport=");
	print_htons(c->o, p + 2);
	print_diag_addr(c, p + 4, family, "idiag_src", 16);
	print_diag_addr(c, p + 20, family, "idiag_dst", 16);
	ob_puts(c->o, ", idiag_if=");
	nl_print_ifindex(c->o, rd_u32(p + 36));
	field_cookie(c->o, "idiag_cookie", p + 40);
	ob_putc(c->o, '}');
}

static void print_bc_op(struct nlctx *c, const uint8_t *p)
{
	ob_puts(c->o, "{code=");
	xlat_print_val(c->o, &xlat_inet_diag_bc_codes, p[0], "INET_DIAG_BC_???");
	field_u(c->o, "yes", p[1]);
	field_u(c->o, "no", rd_u16(p + 2));
	ob_putc(c->o, '}');
}

/* struct inet_diag_hostcond and the address after it */
static void print_hostcond(struct nlctx *c, uint64_t addr, uint32_t len)
{
	const uint8_t *a;
	uint32_t alen;
	uint8_t hc[8];

	if (len < sizeof(hc)) {
		nl_hex(c, addr, len);
		return;
	}
	if (!nl_fetch(c, addr, hc, sizeof(hc)))
		return;
	ob_puts(c->o, "{family=");
	xlat_print_val(c->o, &xlat_net_af, hc[0], "AF_???");
	field_u(c->o, "prefix_len", hc[1]);
	field_u(c->o, "port", rd_u32(hc + 4));
	addr += sizeof(hc);
	len -= sizeof(hc);
	alen = hc[0] == AF_INET ? 4 : hc[0] == AF_INET6 ? 16 : 0;
	if (len && (!alen || len < alen)) {
		ob_puts(c->o, ", addr=");
		nl_hex(c, addr, len);
	} else if (len) {
		a = nl_mem(c, addr, alen);
		if (!a) {
			ob_puts(c->o, ", addr=");
			ob_ptr(c->o, addr);
		} else {
			print_diag_addr(c, a, hc[0], "addr", alen);
		}
	}
	ob_putc(c->o, '}');
}

/* INET_DIAG_REQ_BYTECODE: the first operation and the operand its code takes */
static bool nla_bytecode(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	uint8_t op[4], v[8];

	(void)opaque;
	if (len < sizeof(op))
		return false;
	if (!nl_fetch(c, addr, op, sizeof(op)))
		return true;
	print_bc_op(c, op);
	if (len == sizeof(op))
		return true;
	addr += sizeof(op);
	len -= sizeof(op);
	ob_puts(c->o, ", ");
	switch (op[0]) {
	case INET_DIAG_BC_S_COND:
	case INET_DIAG_BC_D_COND:
		print_hostcond(c, addr, len);
		return true;
	case INET_DIAG_BC_DEV_COND:
		if (len < 4)
			break;
		if (nl_fetch(c, addr, v, 4))
			nl_print_ifindex(c->o, rd_u32(v));
		return true;
	case INET_DIAG_BC_S_GE:
	case INET_DIAG_BC_S_LE:
	case INET_DIAG_BC_D_GE:
	case INET_DIAG_BC_D_LE:
	case INET_DIAG_BC_S_EQ:
	case INET_DIAG_BC_D_EQ:
		/* the port is the next operation's "no" */
		if (len < 4)
			break;
		if (nl_fetch(c, addr, v, 4))
			print_bc_op(c, v);
		return true;
	case INET_DIAG_BC_MARK_COND:
		if (len < 8)
			break;
		if (nl_fetch(c, addr, v, 8)) {
			ob_printf(c->o, "{mark=%u", rd_u32(v));
			field_u(c->o, "mask", rd_u32(v + 4));
			ob_putc(c->o, '}');
		}
		return true;
	}
	nl_hex(c, addr, len);
	return true;
}

static const struct nla_xval ipproto_x = { &xlat_net_ipproto, "IPPROTO_???", false };

static bool nla_ipproto32(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	if (len < 4)
		return false;
	return nla_xval(c, addr, 4, &ipproto_x);
}

static const nla_fn inet_req_fns[] = {
	[INET_DIAG_REQ_BYTECODE] = nla_bytecode,
	[3] = nla_ipproto32,		/* INET_DIAG_REQ_PROTOCOL */
};

static void print_inet_meminfo(struct nlctx *c, const uint8_t *p)
{
	ob_printf(c->o, "{idiag_rmem=%u", rd_u32(p));
	field_u(c->o, "idiag_wmem", rd_u32(p + 4));
	field_u(c->o, "idiag_fmem", rd_u32(p + 8));
	field_u(c->o, "idiag_tmem", rd_u32(p + 12));
	ob_putc(c->o, '}');
}

static void print_vegas(struct nlctx *c, const uint8_t *p)
{
	ob_printf(c->o, "{tcpv_enabled=%u", rd_u32(p));
	field_u(c->o, "tcpv_rttcnt", rd_u32(p + 4));
	field_u(c->o, "tcpv_rtt", rd_u32(p + 8));
	field_u(c->o, "tcpv_minrtt", rd_u32(p + 12));
	ob_putc(c->o, '}');
}

static void print_dctcp(struct nlctx *c, const uint8_t *p)
{
	ob_printf(c->o, "{dctcp_enabled=%u", rd_u16(p));
	field_u(c->o, "dctcp_ce_state", rd_u16(p + 2));
	field_u(c->o, "dctcp_alpha", rd_u32(p + 4));
	field_u(c->o, "dctcp_ab_ecn", rd_u32(p + 8));
	field_u(c->o, "dctcp_ab_tot", rd_u32(p + 12));
	ob_putc(c->o, '}');
}

static void print_bbr(struct nlctx *c, const uint8_t *p)
{
	ob_puts(c->o, "{bbr_bw_lo=");
	ob_hex(c->o, rd_u32(p));
	field_x(c->o, "bbr_bw_hi", rd_u32(p + 4));
	field_u(c->o, "bbr_min_rtt", rd_u32(p + 8));
	field_u(c->o, "bbr_pacing_gain", rd_u32(p + 12));
	field_u(c->o, "bbr_cwnd_gain", rd_u32(p + 16));
	ob_putc(c->o, '}');
}

NLA_STRUCT(inet_meminfo, 16)
NLA_STRUCT(vegas, 16)
NLA_STRUCT(dctcp, 16)
NLA_STRUCT(bbr, 20)

/* INET_DIAG_LOCALS, INET_DIAG_PEERS: struct sockaddr_storage each */
static void elem_sockaddr(struct nlctx *c, const uint8_t *p, uint32_t i, const void *opaque)
{
	(void)i;
	(void)opaque;
	print_sockaddr(c->d, p, 128);
}

/* struct tcp_diag_md5sig */
static void elem_md5sig(struct nlctx *c, const uint8_t *p, uint32_t i, const void *opaque)
{
	uint16_t keylen = rd_u16(p + 2);

	(void)i;
	(void)opaque;
	ob_puts(c->o, "{tcpm_family=");
	xlat_print_val(c->o, &xlat_net_af, p[0], "AF_???");
	field_u(c->o, "tcpm_prefixlen", p[1]);
	field_u(c->o, "tcpm_keylen", keylen);
	print_diag_addr(c, p + 4, p[0], "tcpm_addr", 16);
	ob_puts(c->o, ", tcpm_key=");
	print_hex_bytes(c->o, p + 20, keylen < 80 ? keylen : 80);
	ob_putc(c->o, '}');
}

NLA_ARRAY(sockaddrs, 128, elem_sockaddr)
NLA_ARRAY(md5sig, 100, elem_md5sig)

/* INET_DIAG_SOCKOPT: struct inet_diag_sockopt's bits that are set, then any nonzero bytes
 * after its two */
static bool nla_sockopt(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	static const char *const bits[] = {
		"recverr", "is_icsk", "freebind", "hdrincl", "mc_loop", "transparent",
		"mc_all", "nodefrag", "bind_address_no_port", "recverr_rfc4884",
		"defer_connect",
	};
	const uint8_t *p;
	unsigned int i, v;
	bool any = false;

	(void)opaque;
	if (len < 2)
		return false;
	p = nl_mem(c, addr, 2);
	if (!p) {
		ob_ptr(c->o, addr);
		return true;
	}
	v = rd_u16(p);
	ob_putc(c->o, '{');
	/* the bits set; all of them with -v */
	for (i = 0; i < NELEM(bits); i++) {
		if (!(v >> i & 1) && !c->d->s->verbose)
			continue;
		ob_printf(c->o, "%s%s=%u", any ? ", " : "", bits[i], v >> i & 1);
		any = true;
	}
	if (v >> 11 || c->d->s->verbose) {
		ob_printf(c->o, "%sunused=", any ? ", " : "");
		ob_hex(c->o, v >> 11);
		ob_puts(c->o, " /* bits 3..8 */");
	}
	ob_putc(c->o, '}');
	if (len > 2) {
		const uint8_t *q = nl_mem(c, addr + 2, len - 2);
		uint32_t k;

		for (k = 0; q && k < len - 2 && !q[k]; k++)
			;
		if (!q || k < len - 2) {
			ob_printf(c->o, ", /* bytes 2..%u */ ", len - 1);
			nl_hex(c, addr + 2, len - 2);
		}
	}
	return true;
}

/* INET_ULP_INFO_NAME: len bytes, a trailing NUL not shown ("..." without it) */
static bool nla_ulp_name(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	uint64_t n = len < c->d->s->strsize ? len : c->d->s->strsize;
	const uint8_t *p = nl_mem(c, addr, n);
	bool nul_end;

	(void)opaque;
	if (!p) {
		ob_ptr(c->o, addr);
		return true;
	}
	nul_end = n == len && n && !p[n - 1];
	print_quoted(c->d, p, nul_end ? n - 1 : n, true, !nul_end);
	return true;
}

#define NLA_XVAL(name, size, table, dflt, isflags)				\
	static bool nla_##name(struct nlctx *c, uint64_t addr, uint32_t len,	\
			       const void *opaque)				\
	{									\
		static const struct nla_xval x = { table, dflt, isflags };	\
										\
		(void)opaque;							\
		if (len < (size))						\
			return false;						\
		return nla_xval(c, addr, size, &x);				\
	}

NLA_XVAL(tls_version, 2, &xlat_tls_versions, "TLS_???_VERSION", false)
NLA_XVAL(tls_cipher, 2, &xlat_tls_ciphers, "TLS_CIPHER_???", false)
NLA_XVAL(tls_conf, 2, &xlat_tls_conf, "TLS_CONF_???", false)
NLA_XVAL(mptcp_flags, 4, &xlat_mptcp_subflow_flags, "MPTCP_SUBFLOW_FLAG_???", true)

static const nla_fn tls_fns[] = {
	[1] = nla_tls_version,		/* TLS_INFO_VERSION */
	[2] = nla_tls_cipher,		/* TLS_INFO_CIPHER */
	[3] = nla_tls_conf,		/* TLS_INFO_TXCONF */
	[4] = nla_tls_conf,		/* TLS_INFO_RXCONF */
	[5] = nla_flag,			/* TLS_INFO_ZC_RO_TX */
	[6] = nla_flag,			/* TLS_INFO_RX_NO_PAD */
};

static const nla_fn mptcp_fns[] = {
	[1] = nla_x32,			/* MPTCP_SUBFLOW_ATTR_TOKEN_REM */
	[2] = nla_x32,			/* MPTCP_SUBFLOW_ATTR_TOKEN_LOC */
	[3] = nla_u32,			/* MPTCP_SUBFLOW_ATTR_RELWRITE_SEQ */
	[4] = nla_u64,			/* MPTCP_SUBFLOW_ATTR_MAP_SEQ */
	[5] = nla_u32,			/* MPTCP_SUBFLOW_ATTR_MAP_SFSEQ */
	[6] = nla_u32,			/* MPTCP_SUBFLOW_ATTR_SSN_OFFSET */
	[7] = nla_u16,			/* MPTCP_SUBFLOW_ATTR_MAP_DATALEN */
	[8] = nla_mptcp_flags,		/* MPTCP_SUBFLOW_ATTR_FLAGS */
	[9] = nla_u8,			/* MPTCP_SUBFLOW_ATTR_ID_REM */
	[10] = nla_u8,			/* MPTCP_SUBFLOW_ATTR_ID_LOC */
};

NLA_NESTED(tls_info, &xlat_tls_info_attrs, "TLS_INFO_???", tls_fns)
NLA_NESTED(mptcp_info, &xlat_mptcp_subflow_attrs, "MPTCP_SUBFLOW_ATTR_???", mptcp_fns)

static const nla_fn ulp_fns[] = {
	[1] = nla_ulp_name,		/* INET_ULP_INFO_NAME */
	[2] = nla_tls_info,		/* INET_ULP_INFO_TLS */
	[3] = nla_mptcp_info,		/* INET_ULP_INFO_MPTCP */
};

NLA_NESTED(ulp_info, &xlat_inet_ulp_info_attrs, "INET_ULP_INFO_???", ulp_fns)

/* SK_DIAG_BPF_STORAGE_MAP_VALUE: a number when it has a number's size */
static bool nla_map_value(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	switch (len) {
	case 1:
		return nla_x8(c, addr, len, opaque);
	case 2:
		return nla_x16(c, addr, len, opaque);
	case 4:
		return nla_x32(c, addr, len, opaque);
	case 8:
		return nla_x64(c, addr, len, opaque);
	}
	return false;
}

/* SK_DIAG_BPF_STORAGE's attributes: strace 6.1 names 1 (_PAD) as 0 */
static const struct xlat_entry bpf_storage_attrs_e[] = {
	{ 0, "SK_DIAG_BPF_STORAGE_NONE" },
	{ 1, "SK_DIAG_BPF_STORAGE_NONE" },
	{ 2, "SK_DIAG_BPF_STORAGE_MAP_ID" },
	{ 3, "SK_DIAG_BPF_STORAGE_MAP_VALUE" },
};
static const struct xlat bpf_storage_attrs = { bpf_storage_attrs_e, NELEM(bpf_storage_attrs_e) };

static const nla_fn bpf_storage_fns[] = {
	[2] = nla_u32,			/* SK_DIAG_BPF_STORAGE_MAP_ID */
	[3] = nla_map_value,		/* SK_DIAG_BPF_STORAGE_MAP_VALUE */
};

NLA_NESTED(bpf_storage, &bpf_storage_attrs, "SK_DIAG_BPF_STORAGE_???", bpf_storage_fns)

static const nla_fn bpf_storages_fns[] = {
	[1] = nla_bpf_storage,		/* SK_DIAG_BPF_STORAGE */
};

NLA_NESTED(bpf_storages, &xlat_sk_diag_bpf_storages_attrs, "SK_DIAG_BPF_STORAGE_???",
	   bpf_storages_fns)

static const nla_fn inet_fns[] = {
	[1] = nla_inet_meminfo,		/* INET_DIAG_MEMINFO */
	[3] = nla_vegas,		/* INET_DIAG_VEGASINFO */
	[4] = nla_str,			/* INET_DIAG_CONG */
	[5] = nla_u8,			/* INET_DIAG_TOS */
	[6] = nla_u8,			/* INET_DIAG_TCLASS */
	[7] = nla_meminfo,		/* INET_DIAG_SKMEMINFO */
	[8] = nla_shutdown_commented,	/* INET_DIAG_SHUTDOWN */
	[9] = nla_dctcp,		/* INET_DIAG_DCTCPINFO */
	[10] = nla_inet_protocol,	/* INET_DIAG_PROTOCOL */
	[11] = nla_u8,			/* INET_DIAG_SKV6ONLY */
	[12] = nla_sockaddrs,		/* INET_DIAG_LOCALS */
	[13] = nla_sockaddrs,		/* INET_DIAG_PEERS */
	[15] = nla_u32,			/* INET_DIAG_MARK */
	[16] = nla_bbr,			/* INET_DIAG_BBRINFO */
	[17] = nla_u32,			/* INET_DIAG_CLASS_ID */
	[18] = nla_md5sig,		/* INET_DIAG_MD5SIG */
	[19] = nla_ulp_info,		/* INET_DIAG_ULP_INFO */
	[20] = nla_bpf_storages,	/* INET_DIAG_SK_BPF_STORAGES */
	[21] = nla_u64,			/* INET_DIAG_CGROUP_ID */
	[22] = nla_sockopt,		/* INET_DIAG_SOCKOPT */
};

/* struct inet_diag_req_v2 */
static bool inet_req_v2(struct nlctx *c, const struct nlmsghdr *h, uint64_t addr, uint32_t len)
{
	const uint8_t *p = diag_begin(c, addr, len, 56, "sdiag_family");

	(void)h;
	if (!p)
		return true;
	ob_puts(c->o, ", sdiag_protocol=");
	xlat_print_val(c->o, &xlat_net_ipproto, p[1], "IPPROTO_???");
	ob_puts(c->o, ", idiag_ext=");
	print_shift_flags(c->o, &xlat_inet_diag_attrs, p[2], 1, "1<<(INET_DIAG_\?\?\?-1)");
	ob_puts(c->o, ", idiag_states=");
	print_shift_flags(c->o, &xlat_tcp_states, rd_u32(p + 4), 0, "1<<TCP_???");
	print_sockid(c, p + 8, p[0]);
	diag_end(c, addr, len, 56, &xlat_inet_diag_req_attrs, "INET_DIAG_REQ_???",
		 inet_req_fns, NELEM(inet_req_fns));
	return true;
}

/* struct inet_diag_req: TCPDIAG_GETSOCK's and DCCPDIAG_GETSOCK's */
static bool inet_req_compat(struct nlctx *c, const struct nlmsghdr *h, uint64_t addr,
			    uint32_t len)
{
	const uint8_t *p = diag_begin(c, addr, len, 60, "idiag_family");

	(void)h;
	if (!p)
		return true;
	field_u(c->o, "idiag_src_len", p[1]);
	field_u(c->o, "idiag_dst_len", p[2]);
	ob_puts(c->o, ", idiag_ext=");
	print_shift_flags(c->o, &xlat_inet_diag_attrs, p[3], 1, "1<<(INET_DIAG_\?\?\?-1)");
	print_sockid(c, p + 4, p[0]);
	ob_puts(c->o, ", idiag_states=");
	print_shift_flags(c->o, &xlat_tcp_states, rd_u32(p + 52), 0, "1<<TCP_???");
	field_u(c->o, "idiag_dbs", rd_u32(p + 56));
	diag_end(c, addr, len, 60, &xlat_inet_diag_req_attrs, "INET_DIAG_REQ_???",
		 inet_req_fns, NELEM(inet_req_fns));
	return true;
}

/* an inet request of the old types is a struct inet_diag_req */
static bool inet_req(struct nlctx *c, const struct nlmsghdr *h, uint64_t addr, uint32_t len)
{
	if (h->nlmsg_type == TCPDIAG_GETSOCK || h->nlmsg_type == DCCPDIAG_GETSOCK)
		return inet_req_compat(c, h, addr, len);
	return inet_req_v2(c, h, addr, len);
}

/* struct inet_diag_msg */
static bool inet_msg(struct nlctx *c, const struct nlmsghdr *h, uint64_t addr, uint32_t len)
{
	const uint8_t *p = diag_begin(c, addr, len, 72, "idiag_family");

	(void)h;
	if (!p)
		return true;
	ob_puts(c->o, ", idiag_state=");
	xlat_print_val(c->o, &xlat_tcp_states, p[1], "TCP_???");
	field_u(c->o, "idiag_timer", p[2]);
	field_u(c->o, "idiag_retrans", p[3]);
	print_sockid(c, p + 4, p[0]);
	field_u(c->o, "idiag_expires", rd_u32(p + 52));
	field_u(c->o, "idiag_rqueue", rd_u32(p + 56));
	field_u(c->o, "idiag_wqueue", rd_u32(p + 60));
	field_u(c->o, "idiag_uid", rd_u32(p + 64));
	field_u(c->o, "idiag_inode", rd_u32(p + 68));
	diag_end(c, addr, len, 72, &xlat_inet_diag_attrs, "INET_DIAG_???", inet_fns,
		 NELEM(inet_fns));
	return true;
}

/* ---- AF_SMC ---- */

static void print_smc_cursor(struct nlctx *c, const char *name, const uint8_t *p)
{
	ob_printf(c->o, ", %s={reserved=%u", name, rd_u16(p));
	field_u(c->o, "wrap", rd_u16(p + 2));
	field_u(c->o, "count", rd_u32(p + 4));
	ob_putc(c->o, '}');
}

static void print_smc_conninfo(struct nlctx *c, const uint8_t *p)
{
	ob_printf(c->o, "{token=%u", rd_u32(p));
	field_u(c->o, "sndbuf_size", rd_u32(p + 4));
	field_u(c->o, "rmbe_size", rd_u32(p + 8));
	field_u(c->o, "peer_rmbe_size", rd_u32(p + 12));
	print_smc_cursor(c, "rx_prod", p + 16);
	print_smc_cursor(c, "rx_cons", p + 24);
	print_smc_cursor(c, "tx_prod", p + 32);
	print_smc_cursor(c, "tx_cons", p + 40);
	field_x(c->o, "rx_prod_flags", p[48]);
	field_x(c->o, "rx_conn_state_flags", p[49]);
	field_x(c->o, "tx_prod_flags", p[50]);
	field_x(c->o, "tx_conn_state_flags", p[51]);
	print_smc_cursor(c, "tx_prep", p + 52);
	print_smc_cursor(c, "tx_sent", p + 60);
	print_smc_cursor(c, "tx_fin", p + 68);
	ob_putc(c->o, '}');
}

/* struct smc_diag_lgrinfo: one struct smc_diag_linkinfo and the role */
static void print_smc_lgrinfo(struct nlctx *c, const uint8_t *p)
{
	ob_printf(c->o, "{lnk=[{link_id=%u, ibname=", p[0]);
	print_char_array(c, p + 1, 64);
	field_u(c->o, "ibport", p[65]);
	ob_puts(c->o, ", gid=");
	print_char_array(c, p + 66, 40);
	ob_puts(c->o, ", peer_gid=");
	print_char_array(c, p + 106, 40);
	ob_puts(c->o, "}], role=");
	xlat_print_val(c->o, &xlat_smc_link_group_roles, p[146], "SMC_???");
	ob_putc(c->o, '}');
}

static void print_smc_dmbinfo(struct nlctx *c, const uint8_t *p)
{
	ob_printf(c->o, "{linkid=%u", rd_u32(p));
	field_x(c->o, "peer_gid", rd_u64(p + 8));
	field_x(c->o, "my_gid", rd_u64(p + 16));
	field_x(c->o, "token", rd_u64(p + 24));
	field_x(c->o, "peer_token", rd_u64(p + 32));
	ob_putc(c->o, '}');
}

static void print_smc_fallback(struct nlctx *c, const uint8_t *p)
{
	ob_puts(c->o, "{reason=");
	print_val_commented(c->o, &xlat_smc_decl_codes, rd_u32(p), "SMC_CLC_DECL_???");
	ob_puts(c->o, ", peer_diagnosis=");
	print_val_commented(c->o, &xlat_smc_decl_codes, rd_u32(p + 4), "SMC_CLC_DECL_???");
	ob_putc(c->o, '}');
}

NLA_STRUCT(smc_conninfo, 76)
NLA_STRUCT(smc_lgrinfo, 147)
NLA_STRUCT(smc_dmbinfo, 40)
NLA_STRUCT(smc_fallback, 8)

static const nla_fn smc_fns[] = {
	[1] = nla_smc_conninfo,		/* SMC_DIAG_CONNINFO */
	[2] = nla_smc_lgrinfo,		/* SMC_DIAG_LGRINFO */
	[3] = nla_smc_shutdown,		/* SMC_DIAG_SHUTDOWN */
	[4] = nla_smc_dmbinfo,		/* SMC_DIAG_DMBINFO */
	[5] = nla_smc_fallback,		/* SMC_DIAG_FALLBACK */
};

/* struct smc_diag_req: the sockid is the internal TCP socket's, shown as IPv4 */
static bool smc_req(struct nlctx *c, const struct nlmsghdr *h, uint64_t addr, uint32_t len)
{
	const uint8_t *p = diag_begin(c, addr, len, 52, "diag_family");

	(void)h;
	if (!p)
		return true;
	ob_puts(c->o, ", diag_ext=");
	print_shift_flags(c->o, &xlat_smc_diag_ext, p[3], 1, "1<<(SMC_DIAG_\?\?\?-1)");
	print_sockid(c, p + 4, AF_INET);
	diag_end(c, addr, len, 52, NULL, NULL, NULL, 0);
	return true;
}

/* struct smc_diag_msg */
static bool smc_msg(struct nlctx *c, const struct nlmsghdr *h, uint64_t addr, uint32_t len)
{
	const uint8_t *p = diag_begin(c, addr, len, 64, "diag_family");

	(void)h;
	if (!p)
		return true;
	ob_puts(c->o, ", diag_state=");
	xlat_print_val(c->o, &xlat_smc_states, p[1], "SMC_???");
	ob_puts(c->o, ", diag_fallback=");
	xlat_print_val(c->o, &xlat_smc_diag_modes, p[2], "SMC_DIAG_MODE_???");
	field_u(c->o, "diag_shutdown", p[3]);
	print_sockid(c, p + 4, AF_INET);
	field_u(c->o, "diag_uid", rd_u32(p + 52));
	field_u(c->o, "diag_inode", rd_u64(p + 56));
	diag_end(c, addr, len, 64, &xlat_smc_diag_attrs, "SMC_DIAG_???", smc_fns,
		 NELEM(smc_fns));
	return true;
}

/* ---- by family ---- */

static void decode_family(struct nlctx *c, uint8_t family, uint64_t addr, uint32_t len)
{
	ob_puts(c->o, "{family=");
	xlat_print_val(c->o, &xlat_net_af, family, "AF_???");
	if (len > 1) {
		ob_puts(c->o, ", data=");
		nl_hex(c, addr + 1, len - 1);
	}
	ob_putc(c->o, '}');
}

/* by family: the request's and the answer's printer */
struct diag_decoders {
	nl_family_fn request;
	nl_family_fn response;
};

static const struct diag_decoders diag_decoders[AF_MAX] = {
	[AF_UNIX] = { unix_req, unix_msg },
	[AF_INET] = { inet_req, inet_msg },
	[AF_INET6] = { inet_req, inet_msg },
	[AF_NETLINK] = { netlink_req, netlink_msg },
	[AF_PACKET] = { packet_req, packet_msg },
	[AF_SMC] = { smc_req, smc_msg },
};

bool nl_decode_sock_diag(struct nlctx *c, const struct nlmsghdr *h, uint64_t addr, uint32_t len)
{
	const struct diag_decoders *dd = NULL;
	nl_family_fn fn;
	uint8_t family;

	if (h->nlmsg_type == NLMSG_DONE)
		return false;
	if (!nl_fetch(c, addr, &family, 1))
		return true;
	if (family < AF_MAX)
		dd = &diag_decoders[family];
	if (dd && len > 1) {
		fn = (h->nlmsg_flags & NLM_F_REQUEST) ? dd->request : dd->response;
		if (fn && fn(c, h, addr, len))
			return true;
	}
	decode_family(c, family, addr, len);
	return true;
}
