/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Netlink message decoding (sendto/recvfrom on a netlink socket), shared by the families'
 * decoders: decode_netlink.c walks the messages and the attributes, decode_nl_*.c print
 * a family's payloads. The memory is the one copy BPF made of the buffer (CAP_NLBUF): a read
 * outside it is a read that failed, and prints the address as strace does.
 */
#ifndef BSTRACE_NETLINK_H
#define BSTRACE_NETLINK_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/netlink.h>
#include "decode.h"

struct nlctx {
	struct dctx *d;
	struct outbuf *o;
	uint64_t base;		/* user address of buf[0] */
	const uint8_t *buf;
	uint64_t avail;		/* bytes of buf that were readable */
	int proto;		/* NETLINK_ROUTE ... */
};

/* `n` bytes at user address `addr`, or NULL when they were not all readable */
const uint8_t *nl_mem(const struct nlctx *c, uint64_t addr, uint64_t n);
/* strace's umove_or_printaddr: copies n bytes to dst, or prints the address and fails */
bool nl_fetch(struct nlctx *c, uint64_t addr, void *dst, size_t n);
/* strace's printstr_ex(..., QUOTE_FORCE_HEX): "\x31\x32", -s bounded; the address if unread */
void nl_hex(struct nlctx *c, uint64_t addr, uint64_t len);
/* a string of at most len bytes that stops at a NUL (nla_str); "..." past -s */
void nl_str(struct nlctx *c, uint64_t addr, uint64_t len);

/* strace's print_array: [e0, e1, ...], "..." after -s elements (not with -v), and
 * "... (comment: addr)" at the first element that could not be read */
typedef void (*nl_elem_fn)(struct nlctx *c, const uint8_t *p, uint32_t i, const void *opaque);
void nl_array(struct nlctx *c, uint64_t addr, uint32_t count, uint32_t esize,
	      nl_elem_fn elem, const void *opaque);

/*
 * An attribute's value printer: false when the value does not fit (the caller then prints
 * the bytes in hex). `opaque` is the caller's (a family, a table).
 */
typedef bool (*nla_fn)(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque);

/* the attributes in [addr, addr + len): [{nla_len=N, nla_type=T}, value], ... */
void nl_attrs(struct nlctx *c, uint64_t addr, uint32_t len, const struct xlat *types,
	      const char *dflt, const nla_fn *fns, unsigned int nfns, const void *opaque);

/* value printers for attributes */
bool nla_u8(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque);
bool nla_u16(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque);
bool nla_u32(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque);
bool nla_u64(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque);
bool nla_s8(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque);
bool nla_s16(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque);
bool nla_s32(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque);
bool nla_s64(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque);
bool nla_x8(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque);
bool nla_x16(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque);
bool nla_x32(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque);
bool nla_x64(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque);
bool nla_be16(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque);
bool nla_be64(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque);
bool nla_str(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque);
bool nla_strn(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque);
bool nla_fd(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque);
bool nla_ifindex(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque);
bool nla_flag(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque);
bool nla_u8_array(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque);
bool nla_meminfo(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque);
/* an xlat value of 1, 2, 4 or 8 bytes (the attribute's size), opaque: a struct nla_xval */
struct nla_xval {
	const struct xlat *x;
	const char *dflt;
	bool flags;		/* a flag set, not one value */
};
bool nla_xval(struct nlctx *c, uint64_t addr, uint32_t len, const void *opaque);

/* an interface index: 1, or with a name if_nametoindex would give, if_nametoindex("lo") */
void nl_print_ifindex(struct outbuf *o, uint32_t idx);

/* a message's header at addr of len bytes with the payload after it (decode_netlink.c);
 * len is what remains of the buffer */
void nl_message(struct nlctx *c, const struct nlmsghdr *h, uint64_t addr, uint32_t len);

/* the families: decode the payload of one message (len bytes at addr); false: print it as
 * hex. The message header tells the type and the flags (NLM_F_REQUEST). */
typedef bool (*nl_family_fn)(struct nlctx *c, const struct nlmsghdr *h, uint64_t addr,
			     uint32_t len);
bool nl_decode_sock_diag(struct nlctx *c, const struct nlmsghdr *h, uint64_t addr, uint32_t len);
bool nl_decode_route(struct nlctx *c, const struct nlmsghdr *h, uint64_t addr, uint32_t len);

/* decode_nl_netfilter.c: NETLINK_NETFILTER's types (NFNL_SUBSYS_CTNETLINK<<8|IPCTNL_MSG_CT_NEW),
 * flags by message and struct nfgenmsg payloads */
void nl_netfilter_type(struct outbuf *o, uint16_t type);
const struct xlat *nl_netfilter_flags(uint16_t type);
bool nl_decode_netfilter(struct nlctx *c, const struct nlmsghdr *h, uint64_t addr, uint32_t len);

#endif
