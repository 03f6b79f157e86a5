/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NETLINK_ROUTE internals shared by decode_nl_route.c (message headers) and
 * decode_nl_route_attr.c (the attributes after them).
 */
#ifndef BSTRACE_DECODE_NL_ROUTE_H
#define BSTRACE_DECODE_NL_ROUTE_H

#include "netlink.h"

/* what the attributes' printers know of their message: the opaque of nl_attrs */
struct rt_ctx {
	uint8_t family;		/* the header's address family */
	uint16_t type;		/* RTM_* */
};

/* an attribute list: its type names and value printers */
struct rt_attrs {
	const struct xlat *types;
	const char *dflt;
	const nla_fn *fns;
	unsigned int nfns;
};

/* nl_attrs() with a table */
void rt_attrs_print(struct nlctx *c, uint64_t addr, uint32_t len, const struct rt_attrs *a,
		    const struct rt_ctx *rc);

extern const struct xlat rt_stats_mask;

extern const struct rt_attrs rt_ifla_attrs, rt_ifa_attrs, rt_rta_attrs, rt_nda_attrs,
	rt_ndta_attrs, rt_fra_attrs, rt_tca_attrs, rt_tca_act_attrs, rt_ifal_attrs,
	rt_dcb_attrs, rt_netconfa_attrs, rt_mdba_attrs, rt_netnsa_attrs, rt_ifstats_attrs,
	rt_nha_attrs, rt_ipmra_creport_attrs, rt_ip6mra_creport_attrs;

#endif
