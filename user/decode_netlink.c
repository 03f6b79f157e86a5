// SPDX-License-Identifier: GPL-2.0
/*
 * Netlink messages in sendto/recvfrom buffers: the message headers, their types and flags by
 * protocol, NLMSG_ERROR and NLMSG_DONE payloads, and the attributes (struct nlattr) that the
 * families' decoders (decode_nl_*.c) print their payloads with. The output is strace 6.1's:
 *   [{nlmsg_len=36, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=0,
 *   nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ...}, [{nla_len=8, nla_type=IFLA_MTU}, 1500]]
 * The bytes are the one copy BPF made (CAP_NLBUF, at most NL_COPY_MAX bytes); what lies outside
 * it could not be read and prints as its address, as strace prints memory it cannot read.
 */
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/selinux_netlink.h>
#include <linux/xfrm.h>
#include "netlink.h"
#include "xlat/netlink_ack_flags.h"
#include "xlat/netlink_delete_flags.h"
#include "xlat/netlink_flags.h"
#include "xlat/netlink_get_flags.h"
#include "xlat/netlink_new_flags.h"
#include "xlat/netlink_types.h"
#include "xlat/nl_audit_types.h"
#include "xlat/nl_netfilter_msg_types.h"
#include "xlat/nl_route_types.h"
#include "xlat/nl_selinux_types.h"
#include "xlat/nl_xfrm_types.h"
#include "xlat/nl_sock_diag_types.h"
#include "xlat/nlmsgerr_attrs.h"

const uint8_t *nl_mem(const struct nlctx *c, uint64_t addr, uint64_t n)
{
	uint64_t off = addr - c->base;

	if (addr < c->base || off > c->avail || n > c->avail - off)
		return NULL;
	return c->buf + off;
}

bool nl_fetch(struct nlctx *c, uint64_t addr, void *dst, size_t n)
{
	const uint8_t *p = nl_mem(c, addr, n);

	if (!p) {
		ob_ptr(c->o, addr);
		return false;
	}
	memcpy(dst, p, n);
	return true;
}

void nl_hex(struct nlctx *c, uint64_t addr, uint64_t len)
{
	uint64_t n = len < c->d->s->strsize ? len : c->d->s->strsize;
	const uint8_t *p = nl_mem(c, addr, n);
	bool was = c->d->force_hex;

	if (!addr || !p) {
		ob_ptr(c->o, addr);
		return;
	}
	c->d->force_hex = true;
	print_quoted(c->d, p, n, false, len > n);
	c->d->force_hex = was;
}

void nl_str(struct nlctx *c, uint64_t addr, uint64_t len)
{
	uint64_t n = len < c->d->s->strsize ? len : c->d->s->strsize;
	const uint8_t *p = nl_mem(c, addr, n), *nul;

	if (!addr || !p) {
		ob_ptr(c->o, addr);
		return;
	}
	nul = memchr(p, 0, n);
	/* no NUL in what is shown: strace adds "..." */
	print_quoted(c->d, p, nul ? (size_t)(nul - p) : n, true, !nul && len);
}

/* ---- attributes ---- */

void nl_array(struct nlctx *c, uint64_t addr, uint32_t count, uint32_t esize,
	      nl_elem_fn elem, const void *opaque)
{
	const uint8_t *p;
	uint32_t i;

	/* nothing readable: the address alone, as strace's print_array */
	if (count && !nl_mem(c, addr, esize)) {
		ob_ptr(c->o, addr);
		return;
	}
	ob_putc(c->o, '[');
	for (i = 0; i < count; i++) {
		if (i)
			ob_puts(c->o, ", ");
		if (i == c->d->s->strsize && !c->d->s->verbose) {
			ob_puts(c->o, "...");
			break;
		}
		p = nl_mem(c, addr + (uint64_t)i * esize, esize);
		if (!p) {
			ob_puts(c->o, "... /* ");
			ob_ptr(c->o, addr + (uint64_t)i * esize);
			ob_puts(c->o, " */");
			break;
		}
		elem(c, p, i, opaque);
	}
	ob_putc(c->o, ']');
}

void nl_print_ifindex(struct outbuf *o, uint32_t idx)
{
	char name[IF_NAMESIZE + 1];

	if (idx && if_indextoname(idx, name)) {
		char q[4 * IF_NAMESIZE + 3];

		/* the name is the host's, not the tracee's: still quoted as any string */
		quote_string(q, name);
		/* -X raw: the number; verbose: the number and the name in a comment */
		if (xlat_names_begin(o, idx, XF_UDEC)) {
			ob_printf(o, "if_nametoindex(%s)", q);
			xlat_names_end(o);
		}
		return;
	}
	ob_udec(o, idx);
}

#define NLA_INT(name, type, fmt_stmt)						\
	bool nla_##name(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque) \
	{									\
		type v;								\
										\
		(void)opaque;							\
		if (len < sizeof(v))						\
			return false;						\
		if (nl_fetch(c, addr, &v, sizeof(v)))				\
			fmt_stmt;						\
		return true;							\
	}

NLA_INT(u8, uint8_t, ob_udec(c->o, v))
NLA_INT(u16, uint16_t, ob_udec(c->o, v))
NLA_INT(u32, uint32_t, ob_udec(c->o, v))
NLA_INT(u64, uint64_t, ob_udec(c->o, v))
NLA_INT(s8, int8_t, ob_dec(c->o, v))
NLA_INT(s16, int16_t, ob_dec(c->o, v))
NLA_INT(s32, int32_t, ob_dec(c->o, v))
NLA_INT(s64, int64_t, ob_dec(c->o, v))
NLA_INT(x8, uint8_t, ob_hex(c->o, v))
NLA_INT(x16, uint16_t, ob_hex(c->o, v))
NLA_INT(x32, uint32_t, ob_hex(c->o, v))
NLA_INT(x64, uint64_t, ob_hex(c->o, v))
NLA_INT(fd, int32_t, print_fd(c->d, v))
NLA_INT(ifindex, uint32_t, nl_print_ifindex(c->o, v))

/* network byte order: htons(443) */
bool nla_be16(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	uint16_t v;

	(void)opaque;
	if (len < sizeof(v))
		return false;
	if (nl_fetch(c, addr, &v, sizeof(v)))
		ob_printf(c->o, "htons(%u)", (unsigned int)__builtin_bswap16(v));
	return true;
}

bool nla_be64(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	uint64_t v;

	(void)opaque;
	if (len < sizeof(v))
		return false;
	if (nl_fetch(c, addr, &v, sizeof(v)))
		ob_printf(c->o, "htobe64(%llu)", (unsigned long long)__builtin_bswap64(v));
	return true;
}

bool nla_str(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	nl_str(c, addr, len);
	return true;
}

/* a string the kernel reads only up to the attribute's length (no NUL needed) */
bool nla_strn(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	uint64_t n = len < c->d->s->strsize ? len : c->d->s->strsize;
	const uint8_t *p = nl_mem(c, addr, n), *nul;

	(void)opaque;
	if (!p) {
		ob_ptr(c->o, addr);
		return true;
	}
	nul = memchr(p, 0, n);
	print_quoted(c->d, p, nul ? (size_t)(nul - p) : n, true, !nul && len > n);
	return true;
}

/* a flag attribute carries no value; bytes there print in hex */
bool nla_flag(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)c;
	(void)addr;
	(void)opaque;
	return !len;
}

static void meminfo_elem(struct nlctx *c, const uint8_t *p, uint32_t i, const void *opaque)
{
	static const char *const names[] = {
		"SK_MEMINFO_RMEM_ALLOC", "SK_MEMINFO_RCVBUF", "SK_MEMINFO_WMEM_ALLOC",
		"SK_MEMINFO_SNDBUF", "SK_MEMINFO_FWD_ALLOC", "SK_MEMINFO_WMEM_QUEUED",
		"SK_MEMINFO_OPTMEM", "SK_MEMINFO_BACKLOG", "SK_MEMINFO_DROPS",
	};

	(void)opaque;
	ob_putc(c->o, '[');
	xlat_print_const(c->o, i, XF_UDEC,
			 i < sizeof(names) / sizeof(names[0]) ? names[i] : NULL, "SK_MEMINFO_???");
	ob_puts(c->o, "]=");
	ob_udec(c->o, rd_u32(p));
}

/* SK_MEMINFO_*: an array of u32 with the indices named */
bool nla_meminfo(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	if (len < 4)
		return false;
	nl_array(c, addr, len / 4, 4, meminfo_elem, NULL);
	return true;
}

bool nla_xval(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	const struct nla_xval *x = opaque;
	uint64_t v = 0;
	const uint8_t *p;

	if (len != 1 && len != 2 && len != 4 && len != 8)
		return false;
	p = nl_mem(c, addr, len);
	if (!p) {
		ob_ptr(c->o, addr);
		return true;
	}
	memcpy(&v, p, len);	/* little-endian: the low bytes */
	if (x->flags)
		xlat_print_flags(c->o, x->x, v, x->dflt);
	else
		xlat_print_val(c->o, x->x, v, x->dflt);
	return true;
}

static void print_nla_type(struct nlctx *c, uint16_t type, const struct xlat *types,
			   const char *dflt)
{
	ob_puts(c->o, "nla_type=");
	if (type & NLA_F_NESTED) {
		xlat_print_const(c->o, NLA_F_NESTED, XF_HEX, "NLA_F_NESTED", NULL);
		ob_putc(c->o, '|');
	}
	if (type & NLA_F_NET_BYTEORDER) {
		xlat_print_const(c->o, NLA_F_NET_BYTEORDER, XF_HEX, "NLA_F_NET_BYTEORDER", NULL);
		ob_putc(c->o, '|');
	}
	type &= NLA_TYPE_MASK;
	if (types)
		xlat_print_val(c->o, types, type, dflt);
	else
		xlat_print_const(c->o, type, XF_HEX, NULL, dflt);
}

/*
 * The header (nlattr, nlmsghdr: `n` bytes) of the next element of a list, or (false) what is
 * there instead: the short remainder in hex, or the address of an unreadable one.
 */
static bool fetch_head(struct nlctx *c, void *dst, size_t n, uint64_t addr, uint32_t len,
		       bool in_array)
{
	const uint8_t *p;

	if (len < n) {
		nl_hex(c, addr, len);
		return false;
	}
	p = nl_mem(c, addr, n);
	if (p) {
		memcpy(dst, p, n);
		return true;
	}
	if (in_array) {
		ob_puts(c->o, "... /* ");
		ob_ptr(c->o, addr);
		ob_puts(c->o, " */");
	} else {
		ob_ptr(c->o, addr);
	}
	return false;
}

void nl_attrs(struct nlctx *c, uint64_t addr, uint32_t len, const struct xlat *types,
	      const char *dflt, const nla_fn *fns, unsigned int nfns, const void *opaque)
{
	struct nlattr nla;
	bool is_array = false;
	unsigned int elt;

	for (elt = 0; fetch_head(c, &nla, sizeof(nla), addr, len, is_array); elt++) {
		uint32_t alen = NLA_ALIGN(nla.nla_len), next_len = 0, dlen;
		uint64_t next_addr = 0;
		uint16_t t = nla.nla_type & NLA_TYPE_MASK;

		if (elt == c->d->s->strsize && !c->d->s->verbose) {
			ob_puts(c->o, "...");
			break;
		}
		if (nla.nla_len >= NLA_HDRLEN) {
			next_len = len >= alen ? len - alen : 0;
			if (next_len)
				next_addr = addr + alen;
		}
		if (!is_array && next_addr) {
			ob_putc(c->o, '[');
			is_array = true;
		}
		dlen = nla.nla_len < len ? nla.nla_len : len;
		if (dlen > NLA_HDRLEN)
			ob_putc(c->o, '[');
		ob_printf(c->o, "{nla_len=%u, ", nla.nla_len);
		print_nla_type(c, nla.nla_type, types, dflt);
		ob_putc(c->o, '}');
		if (dlen > NLA_HDRLEN) {
			ob_puts(c->o, ", ");
			if (!fns || t >= nfns || !fns[t] ||
			    !fns[t](c, addr + NLA_HDRLEN, dlen - NLA_HDRLEN, opaque))
				nl_hex(c, addr + NLA_HDRLEN, dlen - NLA_HDRLEN);
			ob_putc(c->o, ']');
		}
		if (!next_addr)
			break;
		ob_puts(c->o, ", ");
		addr = next_addr;
		len = next_len;
	}
	if (is_array)
		ob_putc(c->o, ']');
}

/* ---- messages ---- */

struct nl_family {
	const struct xlat *types;
	const char *dflt;
	const struct xlat *(*flags)(uint16_t type);
	nl_family_fn decode;
	void (*print_type)(struct nlctx *c, uint16_t type);	/* instead of `types` */
};

static const struct xlat *route_flags(uint16_t type)
{
	/* RTM_DELACTION takes the flags of a get (NLM_F_ROOT) */
	if (type == 49 /* RTM_DELACTION */)
		return &xlat_netlink_get_flags;
	switch (type & 3) {
	case 0:
		return &xlat_netlink_new_flags;
	case 1:
		return &xlat_netlink_delete_flags;
	case 2:
		return &xlat_netlink_get_flags;
	}
	return NULL;
}

static const struct xlat *get_flags(uint16_t type)
{
	(void)type;
	return &xlat_netlink_get_flags;
}

static const struct xlat *xfrm_flags(uint16_t type)
{
	switch (type) {
	case XFRM_MSG_NEWSA: case XFRM_MSG_NEWPOLICY: case XFRM_MSG_NEWAE:
	case XFRM_MSG_NEWSADINFO: case XFRM_MSG_NEWSPDINFO:
		return &xlat_netlink_new_flags;
	case XFRM_MSG_DELSA: case XFRM_MSG_DELPOLICY:
		return &xlat_netlink_delete_flags;
	case XFRM_MSG_GETSA: case XFRM_MSG_GETPOLICY: case XFRM_MSG_GETAE:
	case XFRM_MSG_GETSADINFO: case XFRM_MSG_GETSPDINFO:
		return &xlat_netlink_get_flags;
	}
	return NULL;
}

/* SELNL_MSG_SETENFORCE's {val=1}, SELNL_MSG_POLICYLOAD's {seqno=5} */
static bool decode_selinux(struct nlctx *c, const struct nlmsghdr *h, uint64_t addr,
			   uint32_t len)
{
	uint32_t v;

	if ((h->nlmsg_type != SELNL_MSG_SETENFORCE && h->nlmsg_type != SELNL_MSG_POLICYLOAD) ||
	    len != sizeof(v))
		return false;
	if (!nl_fetch(c, addr, &v, sizeof(v)))
		return true;
	if (h->nlmsg_type == SELNL_MSG_SETENFORCE)
		ob_printf(c->o, "{val=%d}", (int32_t)v);
	else
		ob_printf(c->o, "{seqno=%u}", v);
	return true;
}

/*
 * NETLINK_GENERIC's message types are family ids the kernel hands out: their names come from
 * the kernel's controller (CTRL_CMD_GETFAMILY dump), asked once, as strace asks it.
 */
struct genl_name {
	uint16_t id;
	char name[GENL_NAMSIZ];
};
static struct genl_name *genl_names;
static unsigned int genl_count;
static bool genl_asked;

static void genl_add(const uint8_t *p, uint32_t len)
{
	const struct nlattr *a;
	uint32_t off = NLMSG_ALIGN(GENL_HDRLEN), alen;
	struct genl_name g = { 0 };
	bool have_id = false;
	void *n;

	while (off + NLA_HDRLEN <= len) {
		a = (const struct nlattr *)(p + off);
		alen = a->nla_len;
		if (alen < NLA_HDRLEN || off + alen > len)
			break;
		if ((a->nla_type & NLA_TYPE_MASK) == CTRL_ATTR_FAMILY_ID && alen >= NLA_HDRLEN + 2) {
			memcpy(&g.id, p + off + NLA_HDRLEN, 2);
			have_id = true;
		} else if ((a->nla_type & NLA_TYPE_MASK) == CTRL_ATTR_FAMILY_NAME) {
			size_t n2 = alen - NLA_HDRLEN < sizeof(g.name) - 1 ? alen - NLA_HDRLEN :
									 sizeof(g.name) - 1;

			memcpy(g.name, p + off + NLA_HDRLEN, n2);
			g.name[n2] = 0;
		}
		off += NLA_ALIGN(alen);
	}
	if (!have_id || !g.name[0] || genl_count >= 1024)
		return;
	n = realloc(genl_names, (genl_count + 1) * sizeof(*genl_names));
	if (!n)
		return;
	genl_names = n;
	genl_names[genl_count++] = g;
}

static void genl_ask(void)
{
	struct {
		struct nlmsghdr h;
		struct genlmsghdr g;
	} req = {
		.h = { .nlmsg_len = sizeof(req), .nlmsg_type = GENL_ID_CTRL,
		       .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP, .nlmsg_seq = 1 },
		.g = { .cmd = CTRL_CMD_GETFAMILY, .version = 1 },
	};
	static uint8_t buf[16384] __attribute__((aligned(4)));
	struct timeval tv = { .tv_sec = 1 };
	int fd, rounds;
	ssize_t n;

	genl_asked = true;
	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
	if (fd < 0)
		return;
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	if (send(fd, &req, sizeof(req), 0) != sizeof(req)) {
		close(fd);
		return;
	}
	for (rounds = 0; rounds < 64; rounds++) {
		const struct nlmsghdr *h;
		uint32_t off = 0;

		n = recv(fd, buf, sizeof(buf), 0);
		if (n <= 0)
			break;
		while (off + NLMSG_HDRLEN <= (uint32_t)n) {
			h = (const struct nlmsghdr *)(buf + off);
			if (h->nlmsg_len < NLMSG_HDRLEN || off + h->nlmsg_len > (uint32_t)n)
				break;
			if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR)
				goto out;
			if (h->nlmsg_type == GENL_ID_CTRL && h->nlmsg_len >= NLMSG_HDRLEN + GENL_HDRLEN)
				genl_add(buf + off + NLMSG_HDRLEN, h->nlmsg_len - NLMSG_HDRLEN);
			off += NLMSG_ALIGN(h->nlmsg_len);
		}
	}
out:
	close(fd);
}

static const char *genl_name(uint16_t id)
{
	unsigned int i;

	if (!genl_asked)
		genl_ask();
	for (i = 0; i < genl_count; i++)
		if (genl_names[i].id == id)
			return genl_names[i].name;
	return id == GENL_ID_CTRL ? "nlctrl" : NULL;
}

static void genl_type(struct nlctx *c, uint16_t type)
{
	xlat_print_const(c->o, type, XF_HEX, genl_name(type), "GENL_ID_???");
}

static void netfilter_type(struct nlctx *c, uint16_t type)
{
	nl_netfilter_type(c->o, type);
}

static const struct nl_family families[] = {
	[NETLINK_ROUTE] = { &xlat_nl_route_types, "RTM_???", route_flags, nl_decode_route, NULL },
	[NETLINK_SOCK_DIAG] = { &xlat_nl_sock_diag_types, "SOCK_DIAG_???", get_flags,
				nl_decode_sock_diag, NULL },
	[NETLINK_AUDIT] = { &xlat_nl_audit_types, "AUDIT_???", NULL, NULL, NULL },
	[NETLINK_SELINUX] = { &xlat_nl_selinux_types, "SELNL_MSG_???", NULL, decode_selinux, NULL },
	[NETLINK_XFRM] = { &xlat_nl_xfrm_types, "XFRM_MSG_???", xfrm_flags, NULL, NULL },
	[NETLINK_GENERIC] = { NULL, NULL, NULL, NULL, genl_type },
	[NETLINK_NETFILTER] = { &xlat_nl_netfilter_msg_types, NULL, nl_netfilter_flags,
				nl_decode_netfilter, netfilter_type },
};

static const struct nl_family *family_of(int proto)
{
	if (proto < 0 || (size_t)proto >= sizeof(families) / sizeof(families[0]) ||
	    (!families[proto].types && !families[proto].print_type))
		return NULL;
	return &families[proto];
}

static void print_nlmsghdr(struct nlctx *c, const struct nlmsghdr *h)
{
	const struct nl_family *f = family_of(c->proto);
	const struct xlat *fl = &xlat_netlink_flags;
	struct outbuf *o = c->o;

	ob_printf(o, "{nlmsg_len=%u, nlmsg_type=", h->nlmsg_len);
	if (h->nlmsg_type < NLMSG_MIN_TYPE || !f)
		xlat_print_val(o, &xlat_netlink_types, h->nlmsg_type, "NLMSG_???");
	else if (f->print_type)
		f->print_type(c, h->nlmsg_type);
	else
		xlat_print_val(o, f->types, h->nlmsg_type, f->dflt);
	ob_puts(o, ", nlmsg_flags=");
	if (h->nlmsg_type < NLMSG_MIN_TYPE) {
		if (h->nlmsg_type == NLMSG_ERROR)
			fl = &xlat_netlink_ack_flags;
	} else if (f && f->flags && f->flags(h->nlmsg_type)) {
		fl = f->flags(h->nlmsg_type);
	}
	xlat_print_flags(o, fl, h->nlmsg_flags, "NLM_F_???");
	ob_printf(o, ", nlmsg_seq=%u, nlmsg_pid=%d}", h->nlmsg_seq, (int32_t)h->nlmsg_pid);
}

/* NLMSGERR_ATTR_*: the extended acknowledgement after the request */
static void u8_elem(struct nlctx *c, const uint8_t *p, uint32_t i, const void *opaque)
{
	(void)i;
	(void)opaque;
	ob_udec(c->o, *p);
}

/* bytes as an array of numbers: [171, 254] */
bool nla_u8_array(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque)
{
	(void)opaque;
	nl_array(c, addr, len, 1, u8_elem, NULL);
	return true;
}

static const nla_fn nlmsgerr_fns[] = {
	[NLMSGERR_ATTR_COOKIE] = nla_u8_array,
	[NLMSGERR_ATTR_MSG] = nla_str,
	[NLMSGERR_ATTR_OFFS] = nla_u32,
	[NLMSGERR_ATTR_MISS_TYPE] = nla_u32,
	[NLMSGERR_ATTR_MISS_NEST] = nla_u32,
};

static void nl_nlmsgerr_attrs(struct nlctx *c, uint64_t addr, uint32_t len)
{
	nl_attrs(c, addr, len, &xlat_nlmsgerr_attrs, "NLMSGERR_ATTR_???", nlmsgerr_fns,
		 sizeof(nlmsgerr_fns) / sizeof(nlmsgerr_fns[0]), NULL);
}

/* struct nlmsgerr: the error, the request it answers (its header only when capped), and
 * with NLM_F_ACK_TLVS the extended ack's attributes */
static void decode_nlmsgerr(struct nlctx *c, const struct nlmsghdr *h, uint64_t addr,
			    uint32_t len)
{
	bool capped = h->nlmsg_flags & NLM_F_CAPPED;
	struct nlmsgerr e;
	uint32_t off;

	/* strace reads the whole struct, the request's header with the error */
	if (!nl_fetch(c, addr, &e, sizeof(e)))
		return;
	addr += sizeof(e.error);
	len -= sizeof(e.error);
	/* the extended ack's attributes follow the request (only its header when capped) */
	off = capped || e.msg.nlmsg_len < sizeof(e.msg) ? sizeof(e.msg) : NLMSG_ALIGN(e.msg.nlmsg_len);
	if (len > off)
		ob_putc(c->o, '[');
	ob_puts(c->o, "{error=");
	print_neg_errno(c->o, e.error);
	ob_puts(c->o, ", msg=");
	nl_message(c, &e.msg, addr, capped ? sizeof(e.msg) : len);
	ob_putc(c->o, '}');
	if (len > off) {
		ob_puts(c->o, ", ");
		nl_nlmsgerr_attrs(c, addr + off, len - off);
		ob_putc(c->o, ']');
	}
}

static void decode_payload(struct nlctx *c, const struct nlmsghdr *h, uint64_t addr,
			   uint32_t len)
{
	const struct nl_family *f = family_of(c->proto);
	int32_t v;

	if (h->nlmsg_type == NLMSG_ERROR && len >= sizeof(struct nlmsgerr)) {
		decode_nlmsgerr(c, h, addr, len);
		return;
	}
	if (h->nlmsg_type == NLMSG_DONE && len == sizeof(v)) {
		if (nl_fetch(c, addr, &v, sizeof(v)))
			ob_dec(c->o, v);
		return;
	}
	if (h->nlmsg_type >= NLMSG_MIN_TYPE && f && f->decode && f->decode(c, h, addr, len))
		return;
	nl_hex(c, addr, len);
}

void nl_message(struct nlctx *c, const struct nlmsghdr *h, uint64_t addr, uint32_t len)
{
	uint32_t mlen = h->nlmsg_len < len ? h->nlmsg_len : len;

	if (mlen > NLMSG_HDRLEN)
		ob_putc(c->o, '[');
	print_nlmsghdr(c, h);
	if (mlen > NLMSG_HDRLEN) {
		ob_puts(c->o, ", ");
		decode_payload(c, h, addr + NLMSG_HDRLEN, mlen - NLMSG_HDRLEN);
		ob_putc(c->o, ']');
	}
}

/* the messages of a buffer: one, or an array of them */
static void nl_messages(struct nlctx *c, uint64_t addr, uint32_t len)
{
	struct nlmsghdr h;
	bool is_array = false;
	unsigned int elt;

	for (elt = 0; fetch_head(c, &h, sizeof(h), addr, len, is_array); elt++) {
		uint32_t mlen = NLMSG_ALIGN(h.nlmsg_len), next_len = 0;
		uint64_t next_addr = 0;

		if (elt == c->d->s->strsize && !c->d->s->verbose) {
			ob_puts(c->o, "...");
			break;
		}
		if (h.nlmsg_len >= NLMSG_HDRLEN) {
			next_len = len >= mlen ? len - mlen : 0;
			if (next_len)
				next_addr = addr + mlen;
		}
		if (!is_array && next_addr) {
			ob_putc(c->o, '[');
			is_array = true;
		}
		nl_message(c, &h, addr, len);
		if (!next_addr)
			break;
		ob_puts(c->o, ", ");
		addr = next_addr;
		len = next_len;
	}
	if (is_array)
		ob_putc(c->o, ']');
}

/* udev's monitor header (libudev's, not in a uapi header: its layout is libudev's ABI) */
struct udev_mon_hdr {
	char prefix[8];		/* "libudev" */
	uint32_t magic;		/* htonl(0xfeedcafe) */
	uint32_t header_size;
	uint32_t properties_off;
	uint32_t properties_len;
	uint32_t filter_subsystem_hash;
	uint32_t filter_devtype_hash;
	uint32_t filter_tag_bloom_hi;
	uint32_t filter_tag_bloom_lo;
};

/* NETLINK_KOBJECT_UEVENT carries no netlink headers: udev's messages, or the kernel's text */
static bool decode_uevent(struct nlctx *c, uint64_t len)
{
	const uint8_t *p = len >= sizeof(struct udev_mon_hdr) ?
			   nl_mem(c, c->base, sizeof(struct udev_mon_hdr)) : NULL;
	struct udev_mon_hdr u;

	if (p)
		memcpy(&u, p, sizeof(u));
	if (!p || memcmp(u.prefix, "libudev", 8) || ntohl(u.magic) != 0xfeedcafe) {
		/* bytes, as write's: strace reads those it shows and one more */
		uint64_t n = len < c->d->s->strsize ? len : c->d->s->strsize;

		p = nl_mem(c, c->base, len > n ? n + 1 : n);
		if (p)
			print_quoted(c->d, p, n, false, len > n);
		else
			ob_ptr(c->o, c->base);
		return true;
	}
	if (len > sizeof(u))
		ob_putc(c->o, '[');
	ob_printf(c->o, "{prefix=\"libudev\", magic=htonl(%#x), header_size=%u, properties_off=%u, "
		  "properties_len=%u, filter_subsystem_hash=htonl(%#x), "
		  "filter_devtype_hash=htonl(%#x), filter_tag_bloom_hi=htonl(%#x), "
		  "filter_tag_bloom_lo=htonl(%#x)}", ntohl(u.magic), u.header_size,
		  u.properties_off, u.properties_len, ntohl(u.filter_subsystem_hash),
		  ntohl(u.filter_devtype_hash), ntohl(u.filter_tag_bloom_hi),
		  ntohl(u.filter_tag_bloom_lo));
	if (len > sizeof(u)) {
		uint64_t rest = len - sizeof(u), n = rest < c->d->s->strsize ? rest : c->d->s->strsize;
		const uint8_t *q = nl_mem(c, c->base + sizeof(u), n);

		ob_puts(c->o, ", ");
		if (q)
			print_quoted(c->d, q, n, false, rest > n);
		else
			ob_ptr(c->o, c->base + sizeof(u));
		ob_putc(c->o, ']');
	}
	return true;
}

/*
 * The buffer of sendto (NLBUF_IN) or recvfrom (NLBUF_OUT): netlink messages when BPF saw a
 * netlink socket (blob sub 1 carries its protocol), else bytes as write/read print them.
 */
static bool print_netlink(struct dctx *d, int arg, bool exit, uint64_t len)
{
	const struct sc_blob *b = d_blob(d, arg, 0, exit), *pb = d_blob(d, arg, 1, exit);
	struct nlctx c = { .d = d, .o = d->o, .base = d->args[arg] };

	if (!b || !pb || !d->args[arg] || !len)
		return false;
	if ((b->flags & BLOBF_FAULT) && !(b->flags & BLOBF_PART))
		c.avail = 0;
	else
		c.avail = b->len;
	c.buf = blob_data(b);
	c.proto = (int)pb->full;
	if (c.proto == NETLINK_KOBJECT_UEVENT)
		return decode_uevent(&c, len);
	if (len > UINT32_MAX)
		len = UINT32_MAX;
	nl_messages(&c, c.base, (uint32_t)len);
	return true;
}

void print_NLBUF_IN(struct dctx *d, int arg)
{
	if (!print_netlink(d, arg, false, d->args[arg + 1]))
		print_BUF_IN(d, arg);
}

void print_NLBUF_OUT(struct dctx *d, int arg)
{
	uint64_t n;

	if (d->failed || !d->exited) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	n = (uint64_t)d->ret < d->args[arg + 1] ? (uint64_t)d->ret : d->args[arg + 1];
	if (!print_netlink(d, arg, true, n))
		print_BUF_OUT(d, arg);
}
