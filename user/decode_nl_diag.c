// SPDX-License-Identifier: GPL-2.0
/*
 * NETLINK_SOCK_DIAG payloads: the requests and answers of each address family's sock_diag
 * (linux/sock_diag.h, unix_diag.h, inet_diag.h, netlink_diag.h, packet_diag.h, smc_diag.h).
 * Every payload starts with the family's byte; a family without a decoder, or a payload that
 * is only that byte, prints as {family=AF_..., data="..."}.
 */
#include <sys/socket.h>
#include <linux/sock_diag.h>
#include "netlink.h"
#include "xlat/net_af.h"

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
	[AF_UNSPEC] = { NULL, NULL },
};

bool nl_decode_sock_diag(struct nlctx *c, const struct nlmsghdr *h, uint64_t addr, uint32_t len)
{
	const struct diag_decoders *dd;
	nl_family_fn fn;
	uint8_t family;

	if (h->nlmsg_type == NLMSG_DONE)
		return false;
	if (!nl_fetch(c, addr, &family, 1))
		return true;
	if (family < AF_MAX && len > 1) {
		dd = &diag_decoders[family];
		fn = (h->nlmsg_flags & NLM_F_REQUEST) ? dd->request : dd->response;
		if (fn && fn(c, h, addr, len))
			return true;
	}
	decode_family(c, family, addr, len);
	return true;
}
