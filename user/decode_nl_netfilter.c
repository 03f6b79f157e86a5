// SPDX-License-Identifier: GPL-2.0
/*
 * NETLINK_NETFILTER messages (linux/netfilter/nfnetlink.h): a type is a subsystem in its high
 * byte and the subsystem's message in the low one, NFNL_SUBSYS_CTNETLINK<<8|IPCTNL_MSG_CT_NEW
 * (but the batch markers NFNL_MSG_BATCH_BEGIN/END); the flags are those of a new, get or
 * delete request as the message is one; the payload is a struct nfgenmsg and attributes,
 * which strace 6.1 prints with their numeric types (the batch markers' rest in hex).
 */
#include <string.h>
#include <arpa/inet.h>
#include "netlink.h"
#include "xlat/net_af.h"
#include "xlat/netlink_delete_flags.h"
#include "xlat/netlink_get_flags.h"
#include "xlat/netlink_new_flags.h"
#include "xlat/nf_acct_msg_types.h"
#include "xlat/nf_ctnetlink_exp_msg_types.h"
#include "xlat/nf_ctnetlink_msg_types.h"
#include "xlat/nf_cthelper_msg_types.h"
#include "xlat/nf_cttimeout_msg_types.h"
#include "xlat/nf_hook_msg_types.h"
#include "xlat/nf_ipset_msg_types.h"
#include "xlat/nf_nft_compat_msg_types.h"
#include "xlat/nf_nftables_msg_types.h"
#include "xlat/nf_osf_msg_types.h"
#include "xlat/nf_queue_msg_types.h"
#include "xlat/nf_ulog_msg_types.h"
#include "xlat/nfnl_subsys.h"
#include "xlat/nfnl_versions.h"
#include "xlat/nl_netfilter_msg_types.h"

/* what a message asks, for its flags: N new, G get, D delete, 0 none of them */
struct nf_subsys {
	const struct xlat *msgs;
	const char *dflt;
	const char *kinds;	/* by message number */
};

static const struct nf_subsys subsystems[] = {
	[NFNL_SUBSYS_CTNETLINK] = { &xlat_nf_ctnetlink_msg_types, "IPCTNL_MSG_CT_???", "NGDGGGGG" },
	[NFNL_SUBSYS_CTNETLINK_EXP] = { &xlat_nf_ctnetlink_exp_msg_types, "IPCTNL_MSG_EXP_???",
					"NGDG" },
	[NFNL_SUBSYS_QUEUE] = { &xlat_nf_queue_msg_types, "NFQNL_MSG_???", "" },
	[NFNL_SUBSYS_ULOG] = { &xlat_nf_ulog_msg_types, "NFULNL_MSG_???", "" },
	[NFNL_SUBSYS_OSF] = { &xlat_nf_osf_msg_types, "OSF_MSG_???", "" },
	[NFNL_SUBSYS_IPSET] = { &xlat_nf_ipset_msg_types, "IPSET_CMD_???", "" },
	[NFNL_SUBSYS_ACCT] = { &xlat_nf_acct_msg_types, "NFNL_MSG_ACCT_???", "NGGD" },
	[NFNL_SUBSYS_CTNETLINK_TIMEOUT] = { &xlat_nf_cttimeout_msg_types,
					    "IPCTNL_MSG_TIMEOUT_???", "NGD" },
	[NFNL_SUBSYS_CTHELPER] = { &xlat_nf_cthelper_msg_types, "NFNL_MSG_CTHELPER_???", "NGD" },
	/* NFT_MSG_TRACE (17) is a notification */
	[NFNL_SUBSYS_NFTABLES] = { &xlat_nf_nftables_msg_types, "NFT_MSG_???",
				   "NGDNGDNGDNGDNGDNG0NGDGNGD" },
	[NFNL_SUBSYS_NFT_COMPAT] = { &xlat_nf_nft_compat_msg_types, "NFNL_MSG_COMPAT_???", "G" },
	/* sic: strace's name for an unknown hook message */
	[NFNL_SUBSYS_HOOK] = { &xlat_nf_hook_msg_types, "NFT_MSG_HOOK_???", "G" },
};

static const struct nf_subsys *subsys_of(uint16_t type)
{
	unsigned int s = type >> 8;

	if (s >= sizeof(subsystems) / sizeof(subsystems[0]) || !subsystems[s].msgs)
		return NULL;
	return &subsystems[s];
}

static bool is_batch(uint16_t type)
{
	return xlat_name(&xlat_nl_netfilter_msg_types, type) != NULL;
}

void nl_netfilter_type(struct outbuf *o, uint16_t type)
{
	const struct nf_subsys *ss = subsys_of(type);

	if (is_batch(type)) {
		xlat_print_val(o, &xlat_nl_netfilter_msg_types, type, NULL);
		return;
	}
	xlat_print_val(o, &xlat_nfnl_subsys, type >> 8, "NFNL_SUBSYS_???");
	ob_puts(o, "<<8|");
	if (ss)
		xlat_print_val(o, ss->msgs, type & 0xff, ss->dflt);
	else
		xlat_print_const(o, type & 0xff, XF_HEX, NULL, NULL);
}

const struct xlat *nl_netfilter_flags(uint16_t type)
{
	const struct nf_subsys *ss = subsys_of(type);
	unsigned int m = type & 0xff;

	if (!ss || is_batch(type) || m >= strlen(ss->kinds))
		return NULL;
	switch (ss->kinds[m]) {
	case 'N':
		return &xlat_netlink_new_flags;
	case 'G':
		return &xlat_netlink_get_flags;
	case 'D':
		return &xlat_netlink_delete_flags;
	}
	return NULL;
}

/* res_id: the resource (queue number, ...) in network order; nftables wants its subsystem
 * there, which strace names in host and in network order */
static void print_res_id(struct outbuf *o, uint16_t type, uint16_t res)
{
	if (type >> 8 == NFNL_SUBSYS_NFTABLES && res == NFNL_SUBSYS_NFTABLES)
		xlat_print_const(o, res, XF_HEX, "NFNL_SUBSYS_NFTABLES", NULL);
	else if (type >> 8 == NFNL_SUBSYS_NFTABLES && ntohs(res) == NFNL_SUBSYS_NFTABLES)
		xlat_print_const(o, res, XF_HEX, "htons(NFNL_SUBSYS_NFTABLES)", NULL);
	else
		ob_printf(o, "htons(%u)", ntohs(res));
}

bool nl_decode_netfilter(struct nlctx *c, const struct nlmsghdr *h, uint64_t addr, uint32_t len)
{
	uint8_t g[4];	/* struct nfgenmsg */

	if (len < sizeof(g))
		return false;
	if (!nl_fetch(c, addr, g, sizeof(g)))
		return true;
	ob_puts(c->o, "{nfgen_family=");
	xlat_print_val(c->o, &xlat_net_af, g[0], "AF_???");
	ob_puts(c->o, ", version=");
	xlat_print_val(c->o, &xlat_nfnl_versions, g[1], "NFNETLINK_???");
	ob_puts(c->o, ", res_id=");
	print_res_id(c->o, h->nlmsg_type, rd_u16(g + 2));
	ob_putc(c->o, '}');
	if (len > NLMSG_ALIGN(sizeof(g))) {
		addr += NLMSG_ALIGN(sizeof(g));
		len -= NLMSG_ALIGN(sizeof(g));
		ob_puts(c->o, ", ");
		if (is_batch(h->nlmsg_type))
			nl_hex(c, addr, len);
		else
			nl_attrs(c, addr, len, NULL, NULL, NULL, 0, NULL);
	}
	return true;
}
