// SPDX-License-Identifier: GPL-2.0
/*
 * NETLINK_ROUTE attributes: the tables of each message's attribute list (IFLA_*, IFA_*,
 * RTA_*, ...) and the printers of their values. A value that does not fit its printer
 * prints in hex (nl_attrs does that).
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
#include <linux/net_namespace.h>
#include <linux/pkt_cls.h>
#include <linux/pkt_sched.h>
#include <linux/gen_stats.h>
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

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define RT_ATTRS(name, xl, dflt, fns) \
	const struct rt_attrs name = { &xl, dflt, fns, ARRAY_LEN(fns) }

void rt_attrs_print(struct nlctx *c, uint64_t addr, uint32_t len, const struct rt_attrs *a,
		    const struct rt_ctx *rc)
{
	nl_attrs(c, addr, len, a->types, a->dflt, a->fns, a->nfns, rc);
}

/* ---- NETNSA_* (rtgenmsg) ---- */

static const nla_fn netnsa_fns[] = {
	[NETNSA_NONE] = NULL,
};
RT_ATTRS(rt_netnsa_attrs, xlat_rt_netnsa_attrs, "NETNSA_???", netnsa_fns);

/* ---- IFLA_* (ifinfomsg) ---- */

static const nla_fn ifla_fns[] = {
	[IFLA_UNSPEC] = NULL,
};
RT_ATTRS(rt_ifla_attrs, xlat_rt_ifla_attrs, "IFLA_???", ifla_fns);

/* ---- IFA_* (ifaddrmsg) ---- */

static const nla_fn ifa_fns[] = {
	[IFA_UNSPEC] = NULL,
};
RT_ATTRS(rt_ifa_attrs, xlat_rt_ifa_attrs, "IFA_???", ifa_fns);

/* ---- RTA_* (rtmsg) ---- */

static const nla_fn rta_fns[] = {
	[RTA_UNSPEC] = NULL,
};
RT_ATTRS(rt_rta_attrs, xlat_rt_rta_attrs, "RTA_???", rta_fns);

/* ---- NDA_* (ndmsg) ---- */

static const nla_fn nda_fns[] = {
	[NDA_UNSPEC] = NULL,
};
RT_ATTRS(rt_nda_attrs, xlat_rt_nda_attrs, "NDA_???", nda_fns);

/* ---- NDTA_* (ndtmsg) ---- */

static const nla_fn ndta_fns[] = {
	[NDTA_UNSPEC] = NULL,
};
RT_ATTRS(rt_ndta_attrs, xlat_rt_ndta_attrs, "NDTA_???", ndta_fns);

/* ---- FRA_* (fib_rule_hdr) ---- */

static const nla_fn fra_fns[] = {
	[FRA_UNSPEC] = NULL,
};
RT_ATTRS(rt_fra_attrs, xlat_rt_fra_attrs, "FRA_???", fra_fns);

/* ---- TCA_* (tcmsg) ---- */

static const nla_fn tca_fns[] = {
	[TCA_UNSPEC] = NULL,
};
RT_ATTRS(rt_tca_attrs, xlat_rt_tca_attrs, "TCA_???", tca_fns);

/* ---- TCA_ACT_* (tcamsg) ---- */

static const nla_fn tca_act_fns[] = {
	[TCA_ACT_UNSPEC] = NULL,
};
RT_ATTRS(rt_tca_act_attrs, xlat_rt_tca_act_attrs, "TCA_ACT_???", tca_act_fns);

/* ---- IFAL_* (ifaddrlblmsg) ---- */

static const nla_fn ifal_fns[] = {
	[IFAL_ADDRESS] = NULL,
};
RT_ATTRS(rt_ifal_attrs, xlat_rt_ifal_attrs, "IFAL_???", ifal_fns);

/* ---- DCB_ATTR_* (dcbmsg) ---- */

static const nla_fn dcb_fns[] = {
	[DCB_ATTR_UNDEFINED] = NULL,
};
RT_ATTRS(rt_dcb_attrs, xlat_rt_dcb_attrs, "DCB_ATTR_???", dcb_fns);

/* ---- NETCONFA_* (netconfmsg) ---- */

static const nla_fn netconfa_fns[] = {
	[NETCONFA_UNSPEC] = NULL,
};
RT_ATTRS(rt_netconfa_attrs, xlat_rt_netconfa_attrs, "NETCONFA_???", netconfa_fns);

/* ---- MDBA_* (br_port_msg) ---- */

static const nla_fn mdba_fns[] = {
	[MDBA_UNSPEC] = NULL,
};
RT_ATTRS(rt_mdba_attrs, xlat_rt_mdba_attrs, "MDBA_???", mdba_fns);

/* ---- IFLA_STATS_* (if_stats_msg) ---- */

static const nla_fn ifstats_fns[] = {
	[IFLA_STATS_UNSPEC] = NULL,
};
RT_ATTRS(rt_ifstats_attrs, xlat_rt_ifstats_attrs, "IFLA_STATS_???", ifstats_fns);

/* ---- NHA_* (nhmsg) ---- */

static const nla_fn nha_fns[] = {
	[NHA_UNSPEC] = NULL,
};
RT_ATTRS(rt_nha_attrs, xlat_rt_nha_attrs, "NHA_???", nha_fns);

/* ---- RTM_NEWCACHEREPORT ---- */

static const nla_fn cachereport_fns[] = {
	[0] = NULL,
};
RT_ATTRS(rt_cachereport_attrs, xlat_rt_netnsa_attrs, "???", cachereport_fns);
