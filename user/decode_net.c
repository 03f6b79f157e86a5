// SPDX-License-Identifier: GPL-2.0
/*
 * Sockets: families, types and protocols, message and socket flags, option levels, names and
 * values, socket addresses and struct msghdr, printed as strace prints them.
 */
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include "decode.h"
#include "xlat/net_af.h"
#include "xlat/net_alg_flags.h"
#include "xlat/net_arphrd.h"
#include "xlat/net_ax25_proto.h"
#include "xlat/net_bt_bdaddr_types.h"
#include "xlat/net_bt_hci_channels.h"
#include "xlat/net_bt_l2_cids.h"
#include "xlat/net_bt_l2_psms.h"
#include "xlat/net_bt_proto.h"
#include "xlat/net_caif_proto.h"
#include "xlat/net_cmsg_ip.h"
#include "xlat/net_can_proto.h"
#include "xlat/net_eth_p.h"
#include "xlat/net_icmp_types.h"
#include "xlat/net_ieee802154_addr_types.h"
#include "xlat/net_ieee802154_panids.h"
#include "xlat/net_ieee802154_short_addrs.h"
#include "xlat/net_ipproto.h"
#include "xlat/net_isdn_proto.h"
#include "xlat/net_kcm_proto.h"
#include "xlat/net_mctp_addrs.h"
#include "xlat/net_mctp_nets.h"
#include "xlat/net_msg_flags.h"
#include "xlat/net_netlink_proto.h"
#include "xlat/net_nfc_llcp_saps.h"
#include "xlat/net_nfc_proto.h"
#include "xlat/net_nfc_protocols.h"
#include "xlat/net_opt_alg.h"
#include "xlat/net_opt_ax25.h"
#include "xlat/net_opt_bt.h"
#include "xlat/net_opt_caif.h"
#include "xlat/net_opt_can_raw.h"
#include "xlat/net_opt_dccp.h"
#include "xlat/net_opt_ip.h"
#include "xlat/net_opt_ip_get.h"
#include "xlat/net_opt_ipv6.h"
#include "xlat/net_opt_ipv6_get.h"
#include "xlat/net_opt_ipx.h"
#include "xlat/net_opt_irlmp.h"
#include "xlat/net_opt_iucv.h"
#include "xlat/net_opt_kcm.h"
#include "xlat/net_opt_llc.h"
#include "xlat/net_opt_netlink.h"
#include "xlat/net_opt_nfc.h"
#include "xlat/net_opt_packet.h"
#include "xlat/net_opt_pnpipe.h"
#include "xlat/net_opt_pppol2tp.h"
#include "xlat/net_opt_raw.h"
#include "xlat/net_opt_rds.h"
#include "xlat/net_opt_rxrpc.h"
#include "xlat/net_opt_sctp.h"
#include "xlat/net_opt_so.h"
#include "xlat/net_opt_so_get.h"
#include "xlat/net_opt_tcp.h"
#include "xlat/net_opt_tipc.h"
#include "xlat/net_opt_tls.h"
#include "xlat/net_opt_udp.h"
#include "xlat/net_opt_vsock.h"
#include "xlat/net_opt_xdp.h"
#include "xlat/net_packet_mr.h"
#include "xlat/net_phonet_proto.h"
#include "xlat/net_pkttype.h"
#include "xlat/net_qrtr_nodes.h"
#include "xlat/net_qrtr_ports.h"
#include "xlat/net_rxrpc_services.h"
#include "xlat/net_scm.h"
#include "xlat/net_shut.h"
#include "xlat/net_smc_proto.h"
#include "xlat/net_sock_flags.h"
#include "xlat/net_sock_types.h"
#include "xlat/net_sol.h"
#include "xlat/net_txrehash.h"
#include "xlat/net_vsock_cids.h"
#include "xlat/net_vsock_flags.h"
#include "xlat/net_vsock_ports.h"
#include "xlat/net_xdp_flags.h"

#define SOCK_TYPE_MASK	0xf
/* sizeof(struct sockaddr_storage): longer addresses are cut */
#define SA_MAX		128
#define SUN_PATH_MAX	108
#define SIN6_MIN_LEN	24	/* a sockaddr_in6 without sin6_scope_id */
#define SOCK_FPROG_SIZE	16
#define TPACKET_REQ_SIZE 16
#define PACKET_MREQ_SIZE 16
/* struct group_req: u32 interface, padding, sockaddr_storage */
#define GROUP_REQ_SIZE	136
#define CMSG_HDR_SIZE	16	/* struct cmsghdr: size_t len, int level, int type */

/* struct msghdr (64-bit) */
#define MH_NAME		0
#define MH_NAMELEN	8
#define MH_IOV		16
#define MH_IOVLEN	24
#define MH_CONTROL	32
#define MH_CONTROLLEN	40
#define MH_FLAGS	48

static bool blob_ok(const struct sc_blob *b, size_t min)
{
	return b && !(b->flags & BLOBF_FAULT) && b->len >= min;
}

/* ---- values and flags ---- */

/* a value printed in hex with its name as a comment: 0xcc / * AX25_P_IP * / */
static void print_val_commented(struct outbuf *o, const struct xlat *x, uint64_t val,
				const char *unknown)
{
	const char *n = xlat_name(x, val);

	xlat_print_const(o, val, XF_HEX, NULL, n ? n : unknown);
}

/* a C string as strace quotes it (-x, -xx apply) */
static void print_cstr(struct dctx *d, const char *str)
{
	print_quoted(d, (const uint8_t *)str, strlen(str), true, false);
}

/* if_nametoindex("lo") when the index names an interface here, else the number */
static void print_ifindex(struct dctx *d, uint32_t idx)
{
	char name[IF_NAMESIZE];

	if (idx && if_indextoname(idx, name)) {
		ob_puts(d->o, "if_nametoindex(");
		print_cstr(d, name);
		ob_putc(d->o, ')');
	} else {
		ob_udec(d->o, idx);
	}
}

/* bytes as "\x44\x43", whatever -x says */
static void print_hex_string(struct outbuf *o, const uint8_t *p, size_t n)
{
	size_t i;

	ob_putc(o, '"');
	for (i = 0; i < n; i++)
		ob_printf(o, "\\x%02x", p[i]);
	ob_putc(o, '"');
}

/*
 * A field strace shows as the expression that made it (htons(80)): in raw and verbose its bytes
 * in hex, verbose adding the expression as a comment. True when the caller prints the
 * expression, then xlat_names_end().
 */
static bool net_field_begin(struct outbuf *o, const uint8_t *p, size_t n)
{
	if (xlat_style == XLAT_ABBREV)
		return xlat_names_begin(o, 0, XF_HEX);	/* prints nothing in abbrev */
	print_hex_string(o, p, n);
	return xlat_comment_begin(o);
}

void print_SOCK_FAMILY(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_net_af, (uint32_t)d->args[arg], "AF_???");
}

void print_SOCK_TYPE(struct dctx *d, int arg)
{
	uint32_t t = d->args[arg];
	const char *n = xlat_name(&xlat_net_sock_types, t & SOCK_TYPE_MASK);

	if (!n) {
		xlat_print_flags(d->o, &xlat_net_sock_flags, t, "SOCK_???");
		return;
	}
	xlat_print_const(d->o, t & SOCK_TYPE_MASK, XF_HEX, n, NULL);
	t &= ~SOCK_TYPE_MASK;
	if (t) {
		ob_putc(d->o, '|');
		xlat_print_flags(d->o, &xlat_net_sock_flags, t, "SOCK_???");
	}
}

struct proto_table {
	uint32_t family;
	const struct xlat *x;
	const char *unknown;
};

/* families whose protocol strace names (AF_INET6 and AF_PACKET are handled apart) */
static const struct proto_table proto_tables[] = {
	{ AF_INET, &xlat_net_ipproto, "IPPROTO_???" },
	{ AF_NETLINK, &xlat_net_netlink_proto, "NETLINK_???" },
	{ AF_IRDA, &xlat_net_can_proto, "IRDAPROTO_???" },	/* sic: strace's table */
	{ AF_CAN, &xlat_net_can_proto, "CAN_???" },
	{ AF_BLUETOOTH, &xlat_net_bt_proto, "BTPROTO_???" },
	{ AF_RXRPC, &xlat_net_af, "AF_???" },
	{ AF_ISDN, &xlat_net_isdn_proto, "ISDN_P_???" },
	{ AF_PHONET, &xlat_net_phonet_proto, "PN_PROTO_???" },
	{ AF_CAIF, &xlat_net_caif_proto, "CAIFPROTO_???" },
	{ AF_NFC, &xlat_net_nfc_proto, "NFC_SOCKPROTO_???" },
	{ AF_KCM, &xlat_net_kcm_proto, "KCMPROTO_???" },
	{ AF_SMC, &xlat_net_smc_proto, "SMCPROTO_???" },
};

/* the protocol depends on the family in args[0]; socketpair's is only a number */
void print_SOCK_PROTO(struct dctx *d, int arg)
{
	uint32_t family = d->args[0];
	uint64_t v = d->args[arg];
	unsigned int i;

	if (arg + 1 < d->def->nargs && d->def->arg[arg + 1] == K_FDPAIR) {
		ob_udec(d->o, v);
		return;
	}
	if (family == AF_INET6)
		family = AF_INET;
	for (i = 0; i < ARRAY_SIZE(proto_tables); i++) {
		const struct proto_table *t = &proto_tables[i];

		if (t->family == family) {
			xlat_print_val(d->o, t->x, (uint32_t)v, t->unknown);
			return;
		}
	}
	switch (family) {
	case AF_PACKET:
		ob_puts(d->o, "htons(");
		xlat_print_val(d->o, &xlat_net_eth_p, ntohs((uint16_t)v), "ETH_P_???");
		ob_putc(d->o, ')');
		break;
	case AF_AX25:
		print_val_commented(d->o, &xlat_net_ax25_proto, v, "AX25_P_???");
		break;
	default:
		ob_udec(d->o, v);
	}
}

void print_SOCK_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_net_sock_flags, (uint32_t)d->args[arg], "SOCK_???");
}

void print_MSG_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_net_msg_flags, (uint32_t)d->args[arg], "MSG_???");
}

void print_SHUT_HOW(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_net_shut, (uint32_t)d->args[arg], "SHUT_???");
}

void print_SOCKOPT_LEVEL(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_net_sol, (uint32_t)d->args[arg], "SOL_??");
}

struct opt_table {
	uint32_t level;
	const struct xlat *set, *get;
	const char *unknown;
};

static const struct opt_table opt_tables[] = {
	{ SOL_IP, &xlat_net_opt_ip, &xlat_net_opt_ip_get, "IP_???" },
	{ SOL_SOCKET, &xlat_net_opt_so, &xlat_net_opt_so_get, "SO_???" },
	{ SOL_TCP, &xlat_net_opt_tcp, &xlat_net_opt_tcp, "TCP_???" },
	{ SOL_UDP, &xlat_net_opt_udp, &xlat_net_opt_udp, "UDP_???" },
	{ AF_VSOCK, &xlat_net_opt_vsock, &xlat_net_opt_vsock, "SO_VM_???" },
	{ SOL_IPV6, &xlat_net_opt_ipv6, &xlat_net_opt_ipv6_get, "IPV6_???" },
	{ SOL_CAN_RAW, &xlat_net_opt_can_raw, &xlat_net_opt_can_raw, "CAN_RAW_???" },
	{ SOL_SCTP, &xlat_net_opt_sctp, &xlat_net_opt_sctp, "SCTP_???" },
	{ SOL_RAW, &xlat_net_opt_raw, &xlat_net_opt_raw, "RAW_???" },
	{ SOL_IPX, &xlat_net_opt_ipx, &xlat_net_opt_ipx, "IPX_???" },
	{ SOL_AX25, &xlat_net_opt_ax25, &xlat_net_opt_ax25, "AX25_???" },
	{ SOL_PACKET, &xlat_net_opt_packet, &xlat_net_opt_packet, "PACKET_???" },
	{ SOL_IRDA, &xlat_net_opt_irlmp, &xlat_net_opt_irlmp, "IRLMP_???" },
	{ SOL_LLC, &xlat_net_opt_llc, &xlat_net_opt_llc, "LLC_OPT_???" },
	{ SOL_DCCP, &xlat_net_opt_dccp, &xlat_net_opt_dccp, "DCCP_SOCKOPT_???" },
	{ SOL_NETLINK, &xlat_net_opt_netlink, &xlat_net_opt_netlink, "NETLINK_???" },
	{ SOL_TIPC, &xlat_net_opt_tipc, &xlat_net_opt_tipc, "TIPC_???" },
	{ SOL_RXRPC, &xlat_net_opt_rxrpc, &xlat_net_opt_rxrpc, "RXRPC_???" },
	{ SOL_PPPOL2TP, &xlat_net_opt_pppol2tp, &xlat_net_opt_pppol2tp, "PPPOL2TP_SO_???" },
	{ SOL_BLUETOOTH, &xlat_net_opt_bt, &xlat_net_opt_bt, "BT_???" },
	{ SOL_PNPIPE, &xlat_net_opt_pnpipe, &xlat_net_opt_pnpipe, "PNPIPE_???" },
	{ SOL_RDS, &xlat_net_opt_rds, &xlat_net_opt_rds, "RDS_???" },
	{ SOL_IUCV, &xlat_net_opt_iucv, &xlat_net_opt_iucv, "SO_???" },
	{ SOL_CAIF, &xlat_net_opt_caif, &xlat_net_opt_caif, "CAIFSO_???" },
	{ SOL_ALG, &xlat_net_opt_alg, &xlat_net_opt_alg, "ALG_???" },
	{ SOL_NFC, &xlat_net_opt_nfc, &xlat_net_opt_nfc, "NFC_LLCP_???" },
	{ SOL_KCM, &xlat_net_opt_kcm, &xlat_net_opt_kcm, "KCM_???" },
	{ SOL_TLS, &xlat_net_opt_tls, &xlat_net_opt_tls, "TLS_???" },
	{ SOL_XDP, &xlat_net_opt_xdp, &xlat_net_opt_xdp, "XDP_???" },
};

static bool is_getsockopt(const struct dctx *d, int optval_arg)
{
	return d->def->arg[optval_arg] == K_SOCKOPT_VAL_OUT;
}

/* the option name depends on the level before it; getsockopt has a few names of its own */
void print_SOCKOPT_NAME(struct dctx *d, int arg)
{
	uint32_t level = d->args[arg - 1], name = d->args[arg];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(opt_tables); i++) {
		const struct opt_table *t = &opt_tables[i];

		if (t->level == level) {
			xlat_print_val(d->o, is_getsockopt(d, arg + 1) ? t->get : t->set, name,
				       t->unknown);
			return;
		}
	}
	ob_udec(d->o, name);
}

/* ---- socket addresses ---- */

/* an interface index in an address: if_nametoindex("lo"); raw 1;
 * verbose 1 / * if_nametoindex("lo") * / */
static void print_sa_ifindex(struct dctx *d, uint32_t idx)
{
	char name[IF_NAMESIZE];

	if (xlat_style == XLAT_ABBREV || !idx || !if_indextoname(idx, name)) {
		print_ifindex(d, idx);
		return;
	}
	ob_udec(d->o, idx);
	if (xlat_comment_begin(d->o)) {
		print_ifindex(d, idx);
		xlat_names_end(d->o);
	}
}

static void print_sockaddr_un(struct dctx *d, const uint8_t *sa, uint32_t len)
{
	const uint8_t *path = sa + 2;
	size_t n = len - 2 > SUN_PATH_MAX ? SUN_PATH_MAX : len - 2;

	ob_puts(d->o, ", sun_path=");
	if (path[0]) {
		print_quoted(d, path, strnlen((const char *)path, n), true, false);
		return;
	}
	/* an abstract name: every byte counts, NULs included */
	ob_putc(d->o, '@');
	print_quoted(d, path + 1, n - 1, false, false);
}

void print_inet_addr(struct dctx *d, const uint8_t *addr)
{
	char buf[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, addr, buf, sizeof(buf));
	if (!net_field_begin(d->o, addr, 4))
		return;
	ob_puts(d->o, "inet_addr(");
	print_cstr(d, buf);
	ob_putc(d->o, ')');
	xlat_names_end(d->o);
}

void print_inet6_addr(struct dctx *d, const uint8_t *addr, const char *field)
{
	char buf[INET6_ADDRSTRLEN];

	inet_ntop(AF_INET6, addr, buf, sizeof(buf));
	if (xlat_style != XLAT_ABBREV) {
		/* sin6_addr="\x00..." / * inet_pton(AF_INET6, "::1") * / */
		ob_printf(d->o, "%s=", field);
		if (net_field_begin(d->o, addr, 16)) {
			ob_puts(d->o, "inet_pton(AF_INET6, ");
			print_cstr(d, buf);
			ob_putc(d->o, ')');
			xlat_names_end(d->o);
		}
		return;
	}
	ob_puts(d->o, "inet_pton(AF_INET6, ");
	print_cstr(d, buf);
	ob_printf(d->o, ", &%s)", field);
}

/* htons(80) */
void print_htons(struct outbuf *o, const uint8_t *p)
{
	if (net_field_begin(o, p, 2)) {
		ob_printf(o, "htons(%u)", ntohs(rd_u16(p)));
		xlat_names_end(o);
	}
}

static void print_sockaddr_in(struct dctx *d, const uint8_t *sa)
{
	ob_puts(d->o, ", sin_port=");
	print_htons(d->o, sa + 2);
	ob_puts(d->o, ", sin_addr=");
	print_inet_addr(d, sa + 4);
}

static void print_sockaddr_in6(struct dctx *d, const uint8_t *sa, uint32_t len)
{
	const struct in6_addr *a = (const struct in6_addr *)(sa + 8);

	ob_puts(d->o, ", sin6_port=");
	print_htons(d->o, sa + 2);
	ob_puts(d->o, ", sin6_flowinfo=");
	if (net_field_begin(d->o, sa + 4, 4)) {
		ob_printf(d->o, "htonl(%u)", ntohl(rd_u32(sa + 4)));
		xlat_names_end(d->o);
	}
	ob_puts(d->o, ", ");
	print_inet6_addr(d, sa + 8, "sin6_addr");
	if (len <= SIN6_MIN_LEN)
		return;
	ob_puts(d->o, ", sin6_scope_id=");
	if (IN6_IS_ADDR_LINKLOCAL(a) || IN6_IS_ADDR_MC_LINKLOCAL(a))
		print_sa_ifindex(d, rd_u32(sa + 24));
	else
		ob_udec(d->o, rd_u32(sa + 24));
}

static void print_sockaddr_nl(struct dctx *d, const uint8_t *sa)
{
	uint16_t pad = rd_u16(sa + 2);

	if (pad)
		ob_printf(d->o, ", nl_pad=%#x", pad);
	ob_printf(d->o, ", nl_pid=%d, nl_groups=%#08x", (int32_t)rd_u32(sa + 4), rd_u32(sa + 8));
}

/* struct sockaddr_ll: sll_addr shows the bytes both sll_halen and `len` cover */
static void print_sockaddr_ll(struct dctx *d, const uint8_t *sa, uint32_t len)
{
	struct outbuf *o = d->o;
	unsigned int halen = sa[11], i;

	ob_puts(o, ", sll_protocol=");
	if (net_field_begin(o, sa + 2, 2)) {
		ob_puts(o, "htons(");
		xlat_print_val(o, &xlat_net_eth_p, ntohs(rd_u16(sa + 2)), "ETH_P_???");
		ob_putc(o, ')');
		xlat_names_end(o);
	}
	ob_puts(o, ", sll_ifindex=");
	print_sa_ifindex(d, rd_u32(sa + 4));
	ob_puts(o, ", sll_hatype=");
	xlat_print_val(o, &xlat_net_arphrd, rd_u16(sa + 8), "ARPHRD_???");
	ob_puts(o, ", sll_pkttype=");
	xlat_print_const(o, sa[10], XF_UDEC, xlat_name(&xlat_net_pkttype, sa[10]), "PACKET_???");
	ob_printf(o, ", sll_halen=%u", halen);
	if (!halen)
		return;
	ob_puts(o, ", sll_addr=[");
	for (i = 0; i < halen && 12 + i < len; i++)
		ob_printf(o, "%s%#02x", i ? ", " : "", sa[12 + i]);
	if (i < halen)
		ob_puts(o, ", ...");
	ob_putc(o, ']');
}

/* a number strace follows with its flag names in a comment, but in raw; 0 alone */
static void print_flags_commented(struct outbuf *o, const struct xlat *x, uint64_t val,
				  const char *unknown)
{
	xlat_print_num(o, val, XF_HEX);
	if (!val || !xlat_comment_begin(o))
		return;
	if (xlat_has_flag(x, val))
		xlat_print_flags(o, x, val, NULL);
	else
		ob_puts(o, unknown);
	xlat_names_end(o);
}

/* a char array of n (>= 1) bytes: up to its NUL; with none, n - 1 bytes and "..." */
static void print_sa_chars(struct dctx *d, const uint8_t *p, size_t n)
{
	const uint8_t *z = memchr(p, 0, n);

	if (z)
		print_quoted(d, p, (size_t)(z - p), true, false);
	else
		print_quoted(d, p, n - 1, true, true);
}

/* 8a:8b:8c, in raw and verbose after the bytes in hex */
static void print_sa_hwaddr(struct outbuf *o, const uint8_t *p, size_t n)
{
	size_t i;

	if (!net_field_begin(o, p, n))
		return;
	for (i = 0; i < n; i++)
		ob_printf(o, "%s%02x", i ? ":" : "", p[i]);
	xlat_names_end(o);
}

/*
 * AF_BLUETOOTH: the length tells the struct, as strace tells it: sockaddr_hci (4 bytes without
 * hci_channel, 6), sockaddr_sco (8: a bdaddr_t), sockaddr_rc (10: bdaddr_t, u8 channel),
 * sockaddr_l2 (12 without l2_bdaddr_type, 14). Their u16 fields are little-endian (htobs).
 */
#define SHCI_SIZE	6
#define SSCO_SIZE	8
#define SRC_SIZE	10
#define SL2_SIZE	14

static bool bt_len_known(uint32_t len)
{
	return len == SHCI_SIZE - 2 || len == SHCI_SIZE || len == SSCO_SIZE || len == SRC_SIZE ||
	       len == SL2_SIZE - 2 || len == SL2_SIZE;
}

/* an L2CAP PSM or CID: its name, or past the start of a range named by the start: START+N */
struct l2_range {
	uint16_t start, end;
};

static void print_l2_value(struct outbuf *o, const struct xlat *x, const struct l2_range *r,
			   size_t nr, uint16_t v, const char *unknown)
{
	const char *name = xlat_name(x, v);
	size_t i;

	ob_puts(o, "htobs(");
	for (i = 0; !name && i < nr; i++) {
		if (v < r[i].start || v > r[i].end)
			continue;
		if (xlat_style == XLAT_RAW)
			ob_printf(o, "%#x", v);
		else if (xlat_style == XLAT_ABBREV)
			ob_printf(o, "%s+%u", xlat_name(x, r[i].start), v - r[i].start);
		else
			ob_printf(o, "%#x /* %#x /* %s */+%u */", v, r[i].start,
				  xlat_name(x, r[i].start), v - r[i].start);
		ob_putc(o, ')');
		return;
	}
	xlat_print_const(o, v, XF_HEX, name, unknown);
	ob_putc(o, ')');
}

static void print_sockaddr_bt(struct dctx *d, const uint8_t *sa, uint32_t len)
{
	static const struct l2_range psm_ranges[] = {
		{ L2CAP_PSM_LE_DYN_START, L2CAP_PSM_LE_DYN_END },
		{ L2CAP_PSM_DYN_START, L2CAP_PSM_DYN_END },
	};
	static const struct l2_range cid_ranges[] = {
		{ L2CAP_CID_DYN_START, L2CAP_CID_DYN_END },
	};
	struct outbuf *o = d->o;

	switch (len) {
	case SHCI_SIZE - 2:
	case SHCI_SIZE:
		ob_printf(o, ", hci_dev=htobs(%u)", rd_u16(sa + 2));
		if (len == SHCI_SIZE) {
			ob_puts(o, ", hci_channel=");
			xlat_print_val(o, &xlat_net_bt_hci_channels, rd_u16(sa + 4),
				       "HCI_CHANNEL_???");
		}
		break;
	case SSCO_SIZE:
	case SRC_SIZE:
		ob_puts(o, len == SSCO_SIZE ? ", sco_bdaddr=" : ", rc_bdaddr=");
		print_sa_hwaddr(o, sa + 2, 6);
		if (len == SRC_SIZE)
			ob_printf(o, ", rc_channel=%u", sa[8]);
		break;
	default:
		ob_puts(o, ", l2_psm=");
		print_l2_value(o, &xlat_net_bt_l2_psms, psm_ranges, 2, rd_u16(sa + 2),
			       "L2CAP_PSM_???");
		ob_puts(o, ", l2_bdaddr=");
		print_sa_hwaddr(o, sa + 4, 6);
		ob_puts(o, ", l2_cid=");
		print_l2_value(o, &xlat_net_bt_l2_cids, cid_ranges, 1, rd_u16(sa + 10),
			       "L2CAP_CID_???");
		if (len == SL2_SIZE) {
			ob_puts(o, ", l2_bdaddr_type=");
			xlat_print_val(o, &xlat_net_bt_bdaddr_types, sa[12], "BDADDR_???");
		}
		break;
	}
}

/* struct sockaddr_rxrpc's transport: `len` bytes of a sockaddr_in / sockaddr_in6 union */
static void print_rxrpc_transport(struct dctx *d, const uint8_t *t, uint32_t len)
{
	struct outbuf *o = d->o;
	uint16_t family = rd_u16(t);

	ob_putc(o, '{');
	if (family == AF_INET || family == AF_INET6)
		ob_puts(o, family == AF_INET ? "sin={sin_family=" : "sin6={sin6_family=");
	else
		ob_puts(o, "family=");
	xlat_print_val(o, &xlat_net_af, family, "AF_???");
	if (family == AF_INET && len >= 16) {
		print_sockaddr_in(d, t);
	} else if (family == AF_INET6 && len >= SIN6_MIN_LEN) {
		print_sockaddr_in6(d, t, len);
	} else if (len > 2) {
		ob_puts(o, ", ");
		print_quoted(d, t + 2, len - 2, false, false);
	}
	if (family == AF_INET || family == AF_INET6)
		ob_putc(o, '}');
	ob_putc(o, '}');
}

/* struct sockaddr_rxrpc (36 bytes): transport shows transport_len bytes, as far as `len` goes */
#define SRX_TRANSPORT_OFF	8

static void print_sockaddr_rxrpc(struct dctx *d, const uint8_t *sa, uint32_t len)
{
	struct outbuf *o = d->o;
	uint16_t tlen = rd_u16(sa + 6);

	ob_puts(o, ", srx_service=");
	print_val_commented(o, &xlat_net_rxrpc_services, rd_u16(sa + 2), "???_SERVICE");
	ob_puts(o, ", transport_type=");
	xlat_print_val(o, &xlat_net_sock_types, rd_u16(sa + 4), "SOCK_???");
	ob_printf(o, ", transport_len=%u, transport=", tlen);
	print_rxrpc_transport(d, sa + SRX_TRANSPORT_OFF,
			      tlen < len - SRX_TRANSPORT_OFF ? tlen : len - SRX_TRANSPORT_OFF);
}

/* struct sockaddr_ieee802154 (20 bytes): addr_type at 4, pan_id at 8, the address at 10 */
enum { IEEE802154_ADDR_T_NONE = 0, IEEE802154_ADDR_T_SHORT = 2 };

static void print_sockaddr_ieee802154(struct dctx *d, const uint8_t *sa)
{
	struct outbuf *o = d->o;
	uint32_t type = rd_u32(sa + 4);

	ob_puts(o, ", addr={addr_type=");
	print_val_commented(o, &xlat_net_ieee802154_addr_types, type, "IEEE802154_ADDR_???");
	ob_puts(o, ", pan_id=");
	print_val_commented(o, &xlat_net_ieee802154_panids, rd_u16(sa + 8), NULL);
	if (type == IEEE802154_ADDR_T_SHORT) {
		ob_puts(o, ", short_addr=");
		print_val_commented(o, &xlat_net_ieee802154_short_addrs, rd_u16(sa + 10), NULL);
	} else if (type != IEEE802154_ADDR_T_NONE) {
		ob_puts(o, ", hwaddr=");
		print_sa_hwaddr(o, sa + 10, 8);
	}
	ob_putc(o, '}');
}

/* struct sockaddr_alg; salg_name is all `len` gives after offset 24, past its 64 bytes too */
#define SALG_NAME_OFF	24

static void print_sockaddr_alg(struct dctx *d, const uint8_t *sa, uint32_t len)
{
	struct outbuf *o = d->o;

	ob_puts(o, ", salg_type=");
	print_sa_chars(d, sa + 2, 14);
	ob_puts(o, ", salg_feat=");
	print_flags_commented(o, &xlat_net_alg_flags, rd_u32(sa + 16), "CRYPTO_ALG_???");
	ob_puts(o, ", salg_mask=");
	print_flags_commented(o, &xlat_net_alg_flags, rd_u32(sa + 20), "CRYPTO_ALG_???");
	ob_puts(o, ", salg_name=");
	print_sa_chars(d, sa + SALG_NAME_OFF, len - SALG_NAME_OFF);
}

/* struct sockaddr_nfc (16 bytes), or struct sockaddr_nfc_llcp (96) when that long */
#define SNFC_SIZE	16
#define SNFC_LLCP_SIZE	96
#define NFC_LLCP_NAME_MAX 63

static void print_sockaddr_nfc(struct dctx *d, const uint8_t *sa, uint32_t len)
{
	struct outbuf *o = d->o;
	uint64_t name_len;

	ob_puts(o, ", dev_idx=");
	print_sa_ifindex(d, rd_u32(sa + 4));
	ob_printf(o, ", target_idx=%#x, nfc_protocol=", rd_u32(sa + 8));
	xlat_print_val(o, &xlat_net_nfc_protocols, rd_u32(sa + 12), "NFC_PROTO_???");
	if (len < SNFC_LLCP_SIZE) {
		if (len > SNFC_SIZE)
			ob_puts(o, ", ...");
		return;
	}
	ob_puts(o, ", dsap=");
	print_val_commented(o, &xlat_net_nfc_llcp_saps, sa[16], NULL);
	ob_puts(o, ", ssap=");
	print_val_commented(o, &xlat_net_nfc_llcp_saps, sa[17], NULL);
	name_len = rd_u64(sa + 88);
	ob_puts(o, ", service_name=");
	print_quoted(d, sa + 18, name_len < NFC_LLCP_NAME_MAX ? name_len : NFC_LLCP_NAME_MAX,
		     false, false);
	ob_printf(o, ", service_name_len=%llu", (unsigned long long)name_len);
}

/* struct sockaddr_vm (16 bytes): reserved1 at 2, port at 4, cid at 8, flags at 12, zero[3] */
static void print_sockaddr_vm(struct dctx *d, const uint8_t *sa)
{
	struct outbuf *o = d->o;
	uint32_t cid = rd_u32(sa + 8), port = rd_u32(sa + 4);

	if (rd_u16(sa + 2))
		ob_printf(o, ", svm_reserved1=%#x", rd_u16(sa + 2));
	ob_puts(o, ", svm_cid=");
	xlat_print_const(o, cid, XF_HEX, xlat_name(&xlat_net_vsock_cids, cid), NULL);
	ob_puts(o, ", svm_port=");
	xlat_print_const(o, port, XF_HEX, xlat_name(&xlat_net_vsock_ports, port), NULL);
	ob_puts(o, ", svm_flags=");
	xlat_print_flags(o, &xlat_net_vsock_flags, sa[12], "VMADDR_FLAG_???");
	if (sa[13] || sa[14] || sa[15]) {
		ob_puts(o, ", svm_zero=");
		print_hex_string(o, sa + 13, 3);
	}
}

/* struct sockaddr_qrtr (12 bytes) */
static void print_sockaddr_qrtr(struct dctx *d, const uint8_t *sa)
{
	struct outbuf *o = d->o;
	uint32_t node = rd_u32(sa + 4), port = rd_u32(sa + 8);

	ob_puts(o, ", sq_node=");
	xlat_print_const(o, node, XF_HEX, xlat_name(&xlat_net_qrtr_nodes, node), NULL);
	ob_puts(o, ", sq_port=");
	xlat_print_const(o, port, XF_HEX, xlat_name(&xlat_net_qrtr_ports, port), NULL);
}

/* struct sockaddr_xdp (16 bytes); the umem fd is an fd only with XDP_SHARED_UMEM */
static void print_sockaddr_xdp(struct dctx *d, const uint8_t *sa)
{
	struct outbuf *o = d->o;
	uint16_t flags = rd_u16(sa + 2);
	uint32_t fd = rd_u32(sa + 12);

	ob_puts(o, ", sxdp_flags=");
	xlat_print_flags(o, &xlat_net_xdp_flags, flags, "XDP_???");
	ob_puts(o, ", sxdp_ifindex=");
	print_sa_ifindex(d, rd_u32(sa + 4));
	ob_printf(o, ", sxdp_queue_id=%u", rd_u32(sa + 8));
	if (flags & XDP_SHARED_UMEM) {
		ob_puts(o, ", sxdp_shared_umem_fd=");
		print_fd(d, (int32_t)fd);
	} else if (fd) {
		ob_printf(o, ", sxdp_shared_umem_fd=%#x", fd);
	}
}

/* struct sockaddr_mctp (12 bytes) */
static void print_sockaddr_mctp(struct dctx *d, const uint8_t *sa)
{
	struct outbuf *o = d->o;
	uint32_t net = rd_u32(sa + 4);

	if (rd_u16(sa + 2))
		ob_printf(o, ", __smctp_pad0=%#x", rd_u16(sa + 2));
	ob_puts(o, ", smctp_network=");
	xlat_print_const(o, net, XF_HEX, xlat_name(&xlat_net_mctp_nets, net), NULL);
	ob_puts(o, ", smctp_addr={s_addr=");
	xlat_print_const(o, sa[8], XF_HEX, xlat_name(&xlat_net_mctp_addrs, sa[8]), NULL);
	ob_printf(o, "}, smctp_type=%#x, smctp_tag=%#x", sa[9], sa[10]);
	if (sa[11])
		ob_printf(o, ", __smctp_pad1=%#x", sa[11]);
}

/* A socket address of `len` (>= 2) bytes, all of them at `p`. */
void print_sockaddr(struct dctx *d, const uint8_t *p, uint32_t len)
{
	uint8_t sa[SA_MAX + 8] = { 0 };
	uint16_t family;

	if (len > SA_MAX)
		len = SA_MAX;
	memcpy(sa, p, len);
	family = rd_u16(sa);
	ob_puts(d->o, "{sa_family=");
	xlat_print_val(d->o, &xlat_net_af, family, "AF_???");
	if (len == 2) {
		ob_putc(d->o, '}');
		return;
	}
	if (family == AF_UNIX)
		print_sockaddr_un(d, sa, len);
	else if (family == AF_INET && len >= 16)
		print_sockaddr_in(d, sa);
	else if (family == AF_INET6 && len >= SIN6_MIN_LEN)
		print_sockaddr_in6(d, sa, len);
	else if (family == AF_NETLINK && len >= 12)
		print_sockaddr_nl(d, sa);
	else if (family == AF_PACKET && len >= 20)
		print_sockaddr_ll(d, sa, len);
	else if (family == AF_BLUETOOTH && bt_len_known(len))
		print_sockaddr_bt(d, sa, len);
	else if (family == AF_RXRPC && len >= 36)
		print_sockaddr_rxrpc(d, sa, len);
	else if (family == AF_IEEE802154 && len >= 20)
		print_sockaddr_ieee802154(d, sa);
	else if (family == AF_ALG && len > SALG_NAME_OFF)
		print_sockaddr_alg(d, sa, len);
	else if (family == AF_NFC && len >= SNFC_SIZE)
		print_sockaddr_nfc(d, sa, len);
	else if (family == AF_VSOCK && len >= 16)
		print_sockaddr_vm(d, sa);
	else if (family == AF_QIPCRTR && len >= 12)
		print_sockaddr_qrtr(d, sa);
	else if (family == AF_XDP && len >= 16)
		print_sockaddr_xdp(d, sa);
	else if (family == AF_MCTP && len >= 12)
		print_sockaddr_mctp(d, sa);
	else {
		ob_puts(d->o, ", sa_data=");
		print_quoted(d, sa + 2, len - 2, false, false);
	}
	ob_putc(d->o, '}');
}

/* the address a blob holds, `len` bytes of it; the pointer when too short to have a family */
static void print_sockaddr_blob(struct dctx *d, int arg, const struct sc_blob *b, int32_t len)
{
	if (len < 2 || b->len < 2) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	print_sockaddr(d, blob_data(b), (uint32_t)len < b->len ? (uint32_t)len : b->len);
}

/* connect, bind, sendto: the length is the next argument */
void print_SOCKADDR_IN(struct dctx *d, int arg)
{
	int32_t len = d->args[arg + 1];
	const struct sc_blob *b;

	if (len < 2) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	b = d_mem(d, arg, false);
	if (b)
		print_sockaddr_blob(d, arg, b, len);
}

/* the socklen_t argument `arg` points to: at entry, or after the call */
static bool socklen_value(const struct dctx *d, int arg, bool exit, int32_t *v)
{
	const struct sc_blob *b = d_blob(d, arg, 0, exit);

	if (!d->args[arg] || !blob_ok(b, 4))
		return false;
	*v = rd_u32(blob_data(b));
	return true;
}

/* accept, getsockname, recvfrom: the address the call wrote, as long as both lengths allow */
void print_SOCKADDR_OUT(struct dctx *d, int arg)
{
	int32_t in, out;
	const struct sc_blob *b;

	if (!d->args[arg] || !d->exited || d->failed || !socklen_value(d, arg + 1, true, &out)) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	if (!socklen_value(d, arg + 1, false, &in))
		in = out;
	/* strace reads the shorter of the two lengths: what lies past it may be unmapped */
	b = d_mem_prefix(d, arg, true, (in < out ? in : out) < 0 ? 0 : (size_t)(in < out ? in : out));
	if (b)
		print_sockaddr_blob(d, arg, b, in < out ? in : out);
}

/* [16], or [128 => 16] when the call changed it */
void print_SOCKLEN_PTR(struct dctx *d, int arg)
{
	int32_t in, out;

	if (d->phase == DP_SUFFIX)
		return;
	/* with no address to fill the kernel leaves the length alone: strace prints the pointer */
	if (arg > 0 && d->def->arg[arg - 1] == K_SOCKADDR_OUT && !d->args[arg - 1]) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	if (!socklen_value(d, arg, false, &in)) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	ob_printf(d->o, "[%d", in);
	if (d->exited && !d->failed && socklen_value(d, arg, true, &out) && out != in)
		ob_printf(d->o, " => %d", out);
	ob_putc(d->o, ']');
}

/* ---- socket option values ---- */

/* SOL_SOCKET options that are a plain int */
static bool so_int_option(uint32_t name)
{
	switch (name) {
	case SO_DEBUG: case SO_REUSEADDR: case SO_DONTROUTE: case SO_BROADCAST:
	case SO_SNDBUF: case SO_RCVBUF: case SO_KEEPALIVE: case SO_OOBINLINE:
	case SO_NO_CHECK: case SO_PRIORITY: case SO_BSDCOMPAT: case SO_REUSEPORT:
	case SO_PASSCRED: case SO_RCVLOWAT: case SO_SNDLOWAT: case SO_DETACH_FILTER:
	case SO_TIMESTAMP_OLD: case SO_ACCEPTCONN: case SO_SNDBUFFORCE: case SO_RCVBUFFORCE:
	case SO_PASSSEC: case SO_TIMESTAMPNS_OLD: case SO_MARK: case SO_TIMESTAMPING_OLD:
	case SO_RXQ_OVFL: case SO_WIFI_STATUS: case SO_PEEK_OFF: case SO_NOFCS:
	case SO_LOCK_FILTER: case SO_SELECT_ERR_QUEUE: case SO_BUSY_POLL:
	case SO_INCOMING_CPU: case SO_CNX_ADVICE: case SO_INCOMING_NAPI_ID:
	case SO_ZEROCOPY: case SO_TIMESTAMP_NEW: case SO_TIMESTAMPNS_NEW:
	case SO_TIMESTAMPING_NEW: case SO_DETACH_REUSEPORT_BPF: case SO_PREFER_BUSY_POLL:
	case SO_BUSY_POLL_BUDGET: case SO_RESERVE_MEM: case SO_RCVMARK:
		return true;
	}
	return false;
}

static void print_int_array1(struct outbuf *o, const uint8_t *p)
{
	ob_printf(o, "[%d]", (int32_t)rd_u32(p));
}

static void print_txrehash(struct outbuf *o, const uint8_t *p)
{
	int32_t v = rd_u32(p);
	const char *n = xlat_name(&xlat_net_txrehash, (uint32_t)v);

	ob_putc(o, '[');
	xlat_print_const(o, (uint64_t)(int64_t)v, XF_DEC, n, "SOCK_TXREHASH_???");
	ob_putc(o, ']');
}

/*
 * struct linger, ucred, tpacket_stats: the 4-byte fields `len` covers, a field cut short as its
 * bytes in hex
 */
static void print_int_fields(struct outbuf *o, const uint8_t *p, uint32_t len,
			     const char *const *names, unsigned int n, bool is_signed)
{
	unsigned int i;

	ob_putc(o, '{');
	for (i = 0; i < n && i * 4 < len; i++) {
		ob_printf(o, "%s%s=", i ? ", " : "", names[i]);
		if ((i + 1) * 4 > len)
			print_hex_string(o, p + 4 * i, len - 4 * i);
		else if (is_signed)
			ob_dec(o, (int32_t)rd_u32(p + 4 * i));
		else
			ob_udec(o, rd_u32(p + 4 * i));
	}
	ob_putc(o, '}');
}

static const char *const linger_fields[] = { "l_onoff", "l_linger" };
static const char *const ucred_fields[] = { "pid", "uid", "gid" };
static const char *const tpacket_stats_fields[] = { "tp_packets", "tp_drops", "tp_freeze_q_cnt" };

/* the ICMP types a filter blocks, strace's bit-set style: [A B] or ~[C] when mostly set */
static void print_icmp_filter(struct outbuf *o, uint32_t mask)
{
	bool inv = __builtin_popcount(mask) > 16, first = true;
	unsigned int i;

	ob_puts(o, inv ? "~[" : "[");
	for (i = 0; i < 32; i++) {
		if (!(mask >> i & 1) == !inv)
			continue;
		if (!first)
			ob_putc(o, ' ');
		first = false;
		xlat_print_val(o, &xlat_net_icmp_types, i, "ICMP_???");
	}
	ob_putc(o, ']');
}

static void print_ip_mreq(struct dctx *d, const uint8_t *p)
{
	ob_puts(d->o, "{imr_multiaddr=");
	print_inet_addr(d, p);
	ob_puts(d->o, ", imr_interface=");
	print_inet_addr(d, p + 4);
	ob_putc(d->o, '}');
}

static void print_ipv6_mreq(struct dctx *d, const uint8_t *p)
{
	ob_putc(d->o, '{');
	print_inet6_addr(d, p, "ipv6mr_multiaddr");
	ob_puts(d->o, ", ipv6mr_interface=");
	print_ifindex(d, rd_u32(p + 16));
	ob_putc(d->o, '}');
}

static void print_group_req(struct dctx *d, const uint8_t *p)
{
	ob_puts(d->o, "{gr_interface=");
	print_ifindex(d, rd_u32(p));
	ob_puts(d->o, ", gr_group=");
	print_sockaddr(d, p + 8, SA_MAX);
	ob_putc(d->o, '}');
}

static void print_packet_mreq(struct dctx *d, const uint8_t *p)
{
	unsigned int alen = rd_u16(p + 6), i;

	ob_puts(d->o, "{mr_ifindex=");
	print_ifindex(d, rd_u32(p));
	ob_puts(d->o, ", mr_type=");
	xlat_print_val(d->o, &xlat_net_packet_mr, rd_u16(p + 4), "PACKET_MR_???");
	ob_printf(d->o, ", mr_alen=%u, mr_address=", alen);
	if (alen > 8)
		alen = 8;
	if (net_field_begin(d->o, p + 8, alen)) {
		for (i = 0; i < alen; i++)
			ob_printf(d->o, "%s%02x", i ? ":" : "", p[8 + i]);
		xlat_names_end(d->o);
	}
	ob_putc(d->o, '}');
}

static void print_tpacket_req(struct outbuf *o, const uint8_t *p)
{
	ob_printf(o, "{tp_block_size=%u, tp_block_nr=%u, tp_frame_size=%u, tp_frame_nr=%u}",
		  rd_u32(p), rd_u32(p + 4), rd_u32(p + 8), rd_u32(p + 12));
}

/* an option value strace has no structure for: an int when it is int-sized, else its bytes */
static void print_opt_bytes(struct dctx *d, const struct sc_blob *b, uint32_t len)
{
	size_t n = len;

	if (len == 4 && b->len >= 4) {
		print_int_array1(d->o, blob_data(b));
		return;
	}
	if (n > d->s->strsize)
		n = d->s->strsize;
	if (n > b->len)
		n = b->len;
	print_quoted(d, blob_data(b), n, false, len > n);
}

/*
 * setsockopt: the bytes a decoded option needs, as strace sizes them (0: shown as the address
 * whatever the length)
 */
static uint32_t setsockopt_size(uint32_t level, uint32_t name, int32_t len)
{
	switch (level) {
	case SOL_SOCKET:
		if (name == SO_LINGER)
			return len >= 8 ? 8 : 0;
		if (name == SO_ATTACH_FILTER || name == SO_ATTACH_REUSEPORT_CBPF)
			return len == SOCK_FPROG_SIZE ? SOCK_FPROG_SIZE : 0;
		return len >= 4 ? 4 : 0;
	case SOL_IP:
		if (name == IP_ADD_MEMBERSHIP || name == IP_DROP_MEMBERSHIP)
			return len >= 8 ? 8 : 0;
		return len >= GROUP_REQ_SIZE ? GROUP_REQ_SIZE : 0;
	case SOL_IPV6:
		if (name == MCAST_JOIN_GROUP || name == MCAST_LEAVE_GROUP)
			return len >= GROUP_REQ_SIZE ? GROUP_REQ_SIZE : 0;
		return len >= 20 ? 20 : 0;
	case SOL_PACKET:
		if (name == PACKET_ADD_MEMBERSHIP || name == PACKET_DROP_MEMBERSHIP)
			return len == PACKET_MREQ_SIZE ? PACKET_MREQ_SIZE : 0;
		return len == TPACKET_REQ_SIZE ? TPACKET_REQ_SIZE : 0;
	}
	/* SOL_NETLINK ints, SOL_RAW ICMP_FILTER */
	return len >= 4 ? 4 : 0;
}

/* setsockopt: an option setsockopt_decoded() names, with the bytes setsockopt_size() asked */
static void print_setsockopt_known(struct dctx *d, int arg, uint32_t level, uint32_t name,
				   const uint8_t *p)
{
	struct outbuf *o = d->o;

	switch (level) {
	case SOL_SOCKET:
		if (name == SO_LINGER) {
			print_int_fields(o, p, 8, linger_fields, 2, true);
		} else if (name == SO_ATTACH_FILTER || name == SO_ATTACH_REUSEPORT_CBPF) {
			print_sock_fprog(d, arg, false, p, false);
		} else if (name == SO_TXREHASH) {
			print_txrehash(o, p);
		} else {
			print_int_array1(o, p);
		}
		break;
	case SOL_IP:
		if (name == IP_ADD_MEMBERSHIP || name == IP_DROP_MEMBERSHIP)
			print_ip_mreq(d, p);
		else
			print_group_req(d, p);
		break;
	case SOL_IPV6:
		if (name == MCAST_JOIN_GROUP || name == MCAST_LEAVE_GROUP)
			print_group_req(d, p);
		else
			print_ipv6_mreq(d, p);
		break;
	case SOL_PACKET:
		if (name == PACKET_ADD_MEMBERSHIP || name == PACKET_DROP_MEMBERSHIP)
			print_packet_mreq(d, p);
		else
			print_tpacket_req(o, p);
		break;
	case SOL_RAW:
		print_icmp_filter(o, rd_u32(p));
		break;
	default:
		print_int_array1(o, p);
	}
}

/* the options print_setsockopt_known() decodes */
static bool setsockopt_decoded(uint32_t level, uint32_t name)
{
	switch (level) {
	case SOL_SOCKET:
		return name == SO_LINGER || name == SO_ATTACH_FILTER ||
		       name == SO_ATTACH_REUSEPORT_CBPF || name == SO_TXREHASH ||
		       so_int_option(name);
	case SOL_IP:
		return name == IP_ADD_MEMBERSHIP || name == IP_DROP_MEMBERSHIP ||
		       name == MCAST_JOIN_GROUP || name == MCAST_LEAVE_GROUP;
	case SOL_IPV6:
		return name == IPV6_ADD_MEMBERSHIP || name == IPV6_DROP_MEMBERSHIP ||
		       name == IPV6_JOIN_ANYCAST || name == IPV6_LEAVE_ANYCAST ||
		       name == MCAST_JOIN_GROUP || name == MCAST_LEAVE_GROUP;
	case SOL_NETLINK:
		return true;
	case SOL_PACKET:
		return name == PACKET_ADD_MEMBERSHIP || name == PACKET_DROP_MEMBERSHIP ||
		       name == PACKET_RX_RING || name == PACKET_TX_RING;
	case SOL_RAW:
		return name == ICMP_FILTER;
	}
	return false;
}

/* setsockopt(fd, level, name, value, len) */
void print_SOCKOPT_VAL_IN(struct dctx *d, int arg)
{
	uint32_t level = d->args[arg - 2], name = d->args[arg - 1];
	int32_t len = d->args[arg + 1];
	const struct sc_blob *b;

	if (setsockopt_decoded(level, name)) {
		uint32_t need = setsockopt_size(level, name, len);

		/* strace reads the structure only: bytes past it may be unmapped */
		b = d_mem_prefix(d, arg, false, need);
		if (!b)
			return;
		if (need && b->len >= need)
			print_setsockopt_known(d, arg, level, name, blob_data(b));
		else
			ob_ptr(d->o, d->args[arg]);
		return;
	}
	b = d_mem(d, arg, false);
	if (!b)
		return;
	print_opt_bytes(d, b, (uint32_t)len);
}

/* [1, 0]: the whole u32 words of `len` bytes, -s of them at most */
static void print_u32_array(struct dctx *d, const uint8_t *p, uint32_t len)
{
	uint32_t i;

	ob_putc(d->o, '[');
	for (i = 0; i + 4 <= len; i += 4) {
		if (i)
			ob_puts(d->o, ", ");
		if (i / 4 >= d->s->strsize) {
			ob_puts(d->o, "...");
			break;
		}
		ob_udec(d->o, rd_u32(p + i));
	}
	ob_putc(d->o, ']');
}

/* the size of the struct an option's value is (linger, ucred, tpacket_stats), or 0 */
static uint32_t fixed_struct_option(uint32_t level, uint32_t name)
{
	if (level == SOL_SOCKET && name == SO_LINGER)
		return 8;
	if ((level == SOL_SOCKET && name == SO_PEERCRED) ||
	    (level == SOL_PACKET && name == PACKET_STATISTICS))
		return 12;
	return 0;
}

/* getsockopt: the value the call wrote, `len` bytes of it */
static void print_getsockopt_value(struct dctx *d, uint32_t level, uint32_t name,
				   const struct sc_blob *b, uint32_t len)
{
	const uint8_t *p = blob_data(b);
	uint32_t have = len < b->len ? len : b->len;

	if (level == SOL_SOCKET && name == SO_LINGER) {
		print_int_fields(d->o, p, have, linger_fields, 2, true);
		return;
	}
	if (level == SOL_SOCKET && name == SO_PEERCRED) {
		print_int_fields(d->o, p, have, ucred_fields, 3, true);
		return;
	}
	if (level == SOL_PACKET && name == PACKET_STATISTICS) {
		print_int_fields(d->o, p, have, tpacket_stats_fields, 3, false);
		return;
	}
	if (level == SOL_NETLINK && name == NETLINK_LIST_MEMBERSHIPS) {
		print_u32_array(d, p, have);
		return;
	}
	/* SO_ERROR: the pending error as an errno name, [ECONNREFUSED]; fewer than 4 bytes in hex */
	if (level == SOL_SOCKET && name == SO_ERROR) {
		if (have < 4) {
			print_hex_string(d->o, p, have);
			return;
		}
		ob_putc(d->o, '[');
		xlat_print_const(d->o, rd_u32(p), XF_UDEC, errno_name((int)rd_u32(p)), NULL);
		ob_putc(d->o, ']');
		return;
	}
	if (level == SOL_SOCKET && name == SO_TXREHASH) {
		if (len >= 4)
			print_txrehash(d->o, p);
		else
			print_hex_string(d->o, p, len);
		return;
	}
	if ((level == SOL_SOCKET && so_int_option(name)) || level == SOL_NETLINK) {
		if (len >= 4)
			print_int_array1(d->o, p);
		else
			print_hex_string(d->o, p, len);
		return;
	}
	print_opt_bytes(d, b, len);
}

/* getsockopt(fd, level, name, value, &len) */
void print_SOCKOPT_VAL_OUT(struct dctx *d, int arg)
{
	uint32_t level = d->args[arg - 2], name = d->args[arg - 1];
	int32_t in, out;
	const struct sc_blob *b;

	if (!d->args[arg] || !d->exited || d->failed || !socklen_value(d, arg + 1, true, &out) ||
	    out <= 0) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	if (socklen_value(d, arg + 1, false, &in) && in < out)
		out = in;
	/* SO_GET_FILTER's length counts instructions; BPF copied them with -v */
	if (level == SOL_SOCKET && name == SO_GET_FILTER) {
		/* a length of 0 asks only how many there are: nothing was written */
		if (out <= 0)
			ob_ptr(d->o, d->args[arg]);
		else
			print_bpf_filter(d, d_blob(d, arg, 0, true), d->args[arg], out, false);
		return;
	}
	/* an int option: strace reads only the int, so a length past readable memory still shows it */
	if (out >= 4 && level == SOL_SOCKET &&
	    (so_int_option(name) || name == SO_ERROR || name == SO_TXREHASH))
		b = d_mem_prefix(d, arg, true, 4);
	else if (fixed_struct_option(level, name))
		/* a struct: strace reads it alone, however long the length says the buffer is */
		b = d_mem_prefix(d, arg, true, (uint32_t)out < fixed_struct_option(level, name) ?
				 (uint32_t)out : fixed_struct_option(level, name));
	else if (name == SO_GET_FILTER && d->s->verbose)
		/* another level's option of that number: BPF copied 8 times its length */
		b = d_mem_prefix(d, arg, true, out);
	else
		b = d_mem(d, arg, true);
	if (b)
		print_getsockopt_value(d, level, name, b, out);
}

/* ---- struct msghdr ---- */

/* msg_iov: `data` bytes in all were transferred (-1: all of each buffer) */
static void print_msg_iov(struct dctx *d, int arg, bool exit, int sub, const uint8_t *mh,
			  uint64_t data)
{
	const struct sc_blob *iov = d_blob(d, arg, sub + MH_SUB_IOV, exit);
	uint64_t n = rd_u64(mh + MH_IOVLEN), i;
	struct outbuf *o = d->o;

	if (!rd_u64(mh + MH_IOV) || !blob_ok(iov, 0)) {
		ob_ptr(o, rd_u64(mh + MH_IOV));
		return;
	}
	ob_putc(o, '[');
	for (i = 0; i < n; i++) {
		const struct sc_blob *buf = d_blob(d, arg, sub + MH_SUB_BUF + i, exit);
		uint64_t base, len, show;

		if (i)
			ob_puts(o, ", ");
		if ((!d->s->verbose && i >= d->s->strsize) || (i + 1) * 16 > iov->len) {
			ob_puts(o, "...");
			break;
		}
		base = rd_u64(blob_data(iov) + 16 * i);
		len = rd_u64(blob_data(iov) + 16 * i + 8);
		show = len < data ? len : data;
		data -= show;
		ob_puts(o, "{iov_base=");
		if (blob_ok(buf, 0)) {
			size_t k = show > d->s->strsize ? d->s->strsize : show;

			if (k > buf->len)
				k = buf->len;
			print_quoted(d, blob_data(buf), k, false, show > k);
		} else {
			ob_ptr(o, base);
		}
		ob_printf(o, ", iov_len=%llu}", (unsigned long long)len);
	}
	ob_putc(o, ']');
}

/*
 * cmsg_data as an array of `size`-byte elements (1: bytes in hex, 4: ints or unsigned ints),
 * -s elements at most unless -v
 */
static void print_cmsg_array(struct dctx *d, const uint8_t *p, uint64_t n, unsigned int size,
			     bool is_signed)
{
	struct outbuf *o = d->o;
	uint64_t i;

	ob_puts(o, ", cmsg_data=[");
	for (i = 0; i + size <= n; i += size) {
		if (i)
			ob_puts(o, ", ");
		if (!d->s->verbose && i / size >= d->s->strsize) {
			ob_puts(o, "...");
			break;
		}
		if (size == 1)
			ob_printf(o, "%#x", p[i]);
		else if (is_signed)
			ob_printf(o, "%d", (int32_t)rd_u32(p + i));
		else
			ob_printf(o, "%u", rd_u32(p + i));
	}
	ob_putc(o, ']');
}

static void print_cmsg_timespecs(struct outbuf *o, const uint8_t *p, uint64_t n)
{
	unsigned int i;

	if (n < 48) {
		ob_puts(o, ", cmsg_data=???");
		return;
	}
	ob_puts(o, ", cmsg_data=[");
	for (i = 0; i < 3; i++)
		ob_printf(o, "%s{tv_sec=%lld, tv_nsec=%llu}", i ? ", " : "",
			  (long long)rd_s64(p + 16 * i), (unsigned long long)rd_u64(p + 16 * i + 8));
	ob_putc(o, ']');
}

/* cmsg_data: `n` (> 0) bytes at `p` (fewer than cmsg_len asked when msg_controllen cut them) */
static void print_cmsg_socket(struct dctx *d, int type, const uint8_t *p, uint64_t n)
{
	struct outbuf *o = d->o;

	switch (type) {
	case SCM_RIGHTS:
		if (n >= 4)
			print_cmsg_array(d, p, n, 4, true);
		break;
	case SCM_CREDENTIALS:
		if (n >= 12)
			ob_printf(o, ", cmsg_data={pid=%d, uid=%u, gid=%u}", (int32_t)rd_u32(p),
				  rd_u32(p + 4), rd_u32(p + 8));
		break;
	case SCM_SECURITY:
		ob_puts(o, ", cmsg_data=");
		print_quoted(d, p, n, false, false);
		break;
	case SO_TIMESTAMP_OLD:
	case SO_TIMESTAMP_NEW:
	case SO_TIMESTAMPNS_OLD:
	case SO_TIMESTAMPNS_NEW:
		if (n < 16) {
			ob_puts(o, ", cmsg_data=???");
			break;
		}
		ob_printf(o, ", cmsg_data={tv_sec=%lld, %s=%lld}", (long long)rd_u64(p),
			  type == SO_TIMESTAMPNS_OLD || type == SO_TIMESTAMPNS_NEW ?
			  "tv_nsec" : "tv_usec", (long long)rd_u64(p + 8));
		break;
	case SO_TIMESTAMPING_OLD:
	case SO_TIMESTAMPING_NEW:
		print_cmsg_timespecs(o, p, n);
		break;
	}
}

static void print_cmsg_ip(struct dctx *d, int type, const uint8_t *p, uint64_t n)
{
	struct outbuf *o = d->o;

	switch (type) {
	case IP_TOS:
	case IP_RECVOPTS:
	case IP_RETOPTS:
		print_cmsg_array(d, p, n, 1, false);
		break;
	case IP_TTL:
	case IP_CHECKSUM:
		if (n >= 4)
			print_cmsg_array(d, p, n, 4, false);
		break;
	case IP_RECVERR:
		/* struct sock_extended_err, then the offender's address */
		if (n < 16)
			break;
		ob_printf(o, ", cmsg_data={ee_errno=%u, ee_origin=%u, ee_type=%u, ee_code=%u"
			  ", ee_info=%u, ee_data=%u", rd_u32(p), p[4], p[5], p[6], rd_u32(p + 8),
			  rd_u32(p + 12));
		if (n > 16) {
			ob_puts(o, ", offender=");
			print_sockaddr(d, p + 16, n - 16);
		}
		ob_putc(o, '}');
		break;
	case SCM_SECURITY:
		ob_puts(o, ", cmsg_data=");
		print_quoted(d, p, n, false, false);
		break;
	case IP_PKTINFO:
		if (n < 12)
			break;
		ob_puts(o, ", cmsg_data={ipi_ifindex=");
		print_ifindex(d, rd_u32(p));
		ob_puts(o, ", ipi_spec_dst=");
		print_inet_addr(d, p + 4);
		ob_puts(o, ", ipi_addr=");
		print_inet_addr(d, p + 8);
		ob_putc(o, '}');
		break;
	case IP_ORIGDSTADDR:
		if (n < 16)
			break;
		ob_puts(o, ", cmsg_data=");
		print_sockaddr(d, p, n);
		break;
	}
}

/* one control message header and, for the levels strace knows, its `n` bytes of data */
static void print_cmsg(struct dctx *d, const uint8_t *c, uint64_t n, bool data)
{
	uint32_t level = rd_u32(c + 8), type = rd_u32(c + 12);
	struct outbuf *o = d->o;

	ob_printf(o, "{cmsg_len=%llu, cmsg_level=", (unsigned long long)rd_u64(c));
	xlat_print_val(o, &xlat_net_sol, level, "SOL_???");
	ob_puts(o, ", cmsg_type=");
	if (level == SOL_SOCKET) {
		xlat_print_val(o, &xlat_net_scm, type, "SCM_???");
		if (data)
			print_cmsg_socket(d, type, c + CMSG_HDR_SIZE, n);
	} else if (level == SOL_IP) {
		xlat_print_val(o, &xlat_net_cmsg_ip, type, "IP_???");
		if (data)
			print_cmsg_ip(d, type, c + CMSG_HDR_SIZE, n);
	} else {
		ob_hex(o, type);
	}
	ob_putc(o, '}');
}

/*
 * msg_control: the control messages `len` bytes hold. A copy cut at MSG_CONTROL_MAX (bstrace.h)
 * shows the messages in it and "..." for the rest.
 */
static void print_msg_control(struct dctx *d, int arg, bool exit, int sub, uint64_t addr,
			      uint64_t len)
{
	const struct sc_blob *b = d_blob(d, arg, sub + MH_SUB_CONTROL, exit);
	const uint8_t *p;
	uint64_t off = 0;
	bool cut;

	if (!addr || len < CMSG_HDR_SIZE || !blob_ok(b, CMSG_HDR_SIZE) ||
	    (b->len < len && !(b->flags & BLOBF_TRUNC))) {
		ob_ptr(d->o, addr);
		return;
	}
	cut = b->len < len;
	if (cut)
		len = b->len;
	p = blob_data(b);
	ob_putc(d->o, '[');
	for (;;) {
		uint64_t clen = rd_u64(p + off), left = len - off;

		if (off)
			ob_puts(d->o, ", ");
		/* data cut short by msg_controllen still shows; nothing follows it */
		print_cmsg(d, p + off, (clen > left ? left : clen) - CMSG_HDR_SIZE,
			   clen > CMSG_HDR_SIZE && left > CMSG_HDR_SIZE);
		if (clen > left) {
			if (cut)
				ob_puts(d->o, ", ...");
			break;
		}
		off += clen < CMSG_HDR_SIZE ? CMSG_HDR_SIZE : (clen + 7) & ~7ull;
		if (off >= len) {
			if (cut)
				ob_puts(d->o, ", ...");
			break;
		}
		if (clen < CMSG_HDR_SIZE || len - off < CMSG_HDR_SIZE) {
			if (cut)
				ob_puts(d->o, ", ...");
			else
				ob_printf(d->o, ", ... /* %#llx */", (unsigned long long)(addr + off));
			break;
		}
	}
	ob_putc(d->o, ']');
}

/* msg_name: `len` bytes of it are the address */
static void print_msg_name(struct dctx *d, int arg, bool exit, int sub, uint64_t addr,
			   int32_t len)
{
	const struct sc_blob *b = d_blob(d, arg, sub + MH_SUB_NAME, exit);

	/* recvmsg's copy takes the length after the call: the part readable up to a page end
	 * holds the bytes of a shorter buffer */
	if (!addr || len < 2 || !b || b->len < 2 ||
	    ((b->flags & BLOBF_FAULT) && (!(b->flags & BLOBF_PART) || b->len < (uint32_t)len))) {
		ob_ptr(d->o, addr);
		return;
	}
	print_sockaddr(d, blob_data(b), (uint32_t)len < b->len ? (uint32_t)len : b->len);
}

/*
 * A msghdr: `mh` the struct the data belongs to, `mh_in` the one at entry (msg_namelen
 * before the call), `data` the bytes the buffers hold (sent: all of them; received: ret).
 */
static void print_msghdr(struct dctx *d, int arg, bool exit, int sub, const uint8_t *mh,
			 const uint8_t *mh_in, uint64_t data)
{
	int32_t namelen = rd_u32(mh + MH_NAMELEN), namelen_in = rd_u32(mh_in + MH_NAMELEN);
	uint64_t controllen = rd_u64(mh + MH_CONTROLLEN);
	struct outbuf *o = d->o;

	ob_puts(o, "{msg_name=");
	print_msg_name(d, arg, exit, sub, rd_u64(mh + MH_NAME),
		       namelen_in < namelen ? namelen_in : namelen);
	ob_printf(o, ", msg_namelen=%d", namelen_in);
	if (namelen != namelen_in)
		ob_printf(o, " => %d", namelen);
	ob_puts(o, ", msg_iov=");
	print_msg_iov(d, arg, exit, sub, mh, data);
	ob_printf(o, ", msg_iovlen=%llu", (unsigned long long)rd_u64(mh + MH_IOVLEN));
	if (controllen) {
		ob_puts(o, ", msg_control=");
		print_msg_control(d, arg, exit, sub, rd_u64(mh + MH_CONTROL), controllen);
	}
	ob_printf(o, ", msg_controllen=%llu, msg_flags=", (unsigned long long)controllen);
	xlat_print_flags(o, &xlat_net_msg_flags, rd_u32(mh + MH_FLAGS), "MSG_???");
	ob_putc(o, '}');
}

/* sendmsg */
void print_MSGHDR_IN(struct dctx *d, int arg)
{
	const struct sc_blob *b = d_mem(d, arg, false);

	if (!b)
		return;
	if (b->len < MH_SIZE) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	print_msghdr(d, arg, false, 0, blob_data(b), blob_data(b), ~0ull);
}

/* recvmsg: the struct after the call; a failed call shows msg_namelen as it was passed */
void print_MSGHDR_OUT(struct dctx *d, int arg)
{
	const struct sc_blob *in = d_blob(d, arg, 0, false), *out;

	if (d->phase == DP_SUFFIX)
		return;
	if (!d->args[arg] || !d->exited) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	if (d->failed) {
		/* only an enter record can have it: failed calls copy no outputs */
		if (blob_ok(in, MH_SIZE))
			ob_printf(d->o, "{msg_namelen=%d}",
				  (int32_t)rd_u32(blob_data(in) + MH_NAMELEN));
		else
			ob_ptr(d->o, d->args[arg]);
		return;
	}
	out = d_mem(d, arg, true);
	if (!out)
		return;
	if (out->len < MH_SIZE) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	if (!blob_ok(in, MH_SIZE))
		in = out;
	print_msghdr(d, arg, true, 0, blob_data(out), blob_data(in), d->ret);
}

/*
 * sendmmsg/recvmmsg: struct mmsghdr[], after the call. Entry j's pieces are the subs from
 * MMSG_SUB(j) (bstrace.h); recvmmsg shows the `ret` entries received, msg_len bytes each, and
 * msg_namelen as passed from the enter copy.
 */
static void print_mmsg(struct dctx *d, int arg, bool recv)
{
	const struct sc_blob *a = d_blob(d, arg, 0, true), *in = NULL;
	uint64_t addr = d->args[arg], n = (uint32_t)d->args[arg + 1], j;
	struct outbuf *o = d->o;

	if (d->phase == DP_SUFFIX)
		return;
	if (!addr || !d->exited || !a || (recv && d->failed) ||
	    ((a->flags & BLOBF_FAULT) && !(a->flags & BLOBF_PART)) || a->len < MMSG_SIZE) {
		ob_ptr(o, addr);
		return;
	}
	if (recv) {
		n = d->ret;
		in = d_blob(d, arg, 0, false);
		if (in && ((in->flags & BLOBF_FAULT) || in->len < a->len))
			in = NULL;
	}
	ob_putc(o, '[');
	for (j = 0; j < n; j++) {
		const uint8_t *p = blob_data(a) + j * MMSG_SIZE;

		if (j)
			ob_puts(o, ", ");
		if (j >= MMSG_MAX || (!d->s->verbose && j >= d->s->strsize)) {
			ob_puts(o, "...");
			break;
		}
		if ((j + 1) * MMSG_SIZE > a->len) {
			ob_printf(o, "... /* %#llx */", (unsigned long long)(addr + j * MMSG_SIZE));
			break;
		}
		ob_puts(o, "{msg_hdr=");
		print_msghdr(d, arg, true, MMSG_SUB(j), p,
			     in ? blob_data(in) + j * MMSG_SIZE : p,
			     recv ? rd_u32(p + MH_SIZE) : ~0ull);
		if (!d->failed && j < (uint64_t)d->ret)
			ob_printf(o, ", msg_len=%u", rd_u32(p + MH_SIZE));
		ob_putc(o, '}');
	}
	ob_putc(o, ']');
}

void print_MMSG_IN(struct dctx *d, int arg)
{
	print_mmsg(d, arg, false);
}

void print_MMSG_OUT(struct dctx *d, int arg)
{
	print_mmsg(d, arg, true);
}
