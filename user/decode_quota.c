// SPDX-License-Identifier: GPL-2.0
/*
 * quotactl(2) and quotactl_fd(2): the command as QCMD(Q_GETQUOTA, USRQUOTA), and what the id
 * and addr arguments are for it (linux/quota.h, linux/dqblk_xfs.h). A command that takes no id
 * or no addr leaves it out, as strace does; commands it does not know (the old Q_V1_, Q_V2_
 * ones included) show both raw.
 */
#include "decode.h"
#include "xlat/if_dqblk_valid.h"
#include "xlat/if_dqinfo_flags.h"
#include "xlat/if_dqinfo_valid.h"
#include "xlat/quota_formats.h"
#include "xlat/quotacmds.h"
#include "xlat/quotatypes.h"
#include "xlat/xfs_dqblk_flags.h"
#include "xlat/xfs_quota_flags.h"

#define QCMD_SHIFT	8	/* SUBCMDSHIFT: QCMD(cmd, type) = cmd << 8 | type */
#define QCMD_TYPE_MASK	0xffu	/* SUBCMDMASK */

/* what a command makes of the id */
enum { QI_NONE, QI_ID, QI_FMT };

/* what a command makes of addr */
enum {
	QA_NONE,	/* nothing: left out */
	QA_PTR,		/* a command strace does not decode: the address */
	QA_PATH,	/* Q_QUOTAON: the quota file */
	QA_DQBLK,	/* struct if_dqblk */
	QA_NEXTDQBLK,	/* struct if_nextdqblk */
	QA_DQINFO,	/* struct if_dqinfo */
	QA_FMT,		/* Q_GETFMT: [QFMT_VFS_V0] */
	QA_XFLAGS,	/* [FS_QUOTA_UDQ_ACCT|...] */
	QA_XTYPES,	/* Q_XQUOTARM: [FS_USER_QUOTA|...] */
	QA_XDQ,		/* struct fs_disk_quota */
	QA_XSTAT,	/* struct fs_quota_stat */
	QA_XSTATV,	/* struct fs_quota_statv */
};

struct quota_use {
	uint8_t id;	/* QI_* */
	uint8_t addr;	/* QA_* */
	bool out;	/* addr is what the call wrote: shown only when it succeeded */
};

/*
 * Bytes strace reads for each struct: if_dqblk without its tail padding (68), fs_quota_stat
 * whole (80, 68 in an i386 task, whose 64-bit fields are 4-aligned: its qs_gquota is at 28).
 */
enum {
	DQBLK_SIZE = 68,
	NEXTDQBLK_SIZE = 72,
	DQINFO_SIZE = 24,
	XDQ_SIZE = 112,
	XSTAT_SIZE = 80,
	XSTAT_SIZE_I386 = 68,
	XSTATV_SIZE = 160,
};

static struct quota_use quota_use(uint32_t cmd)
{
	switch (cmd >> QCMD_SHIFT) {
	case Q_SYNC:
	case Q_QUOTAOFF:
	case Q_XQUOTASYNC:
		return (struct quota_use){ QI_NONE, QA_NONE, false };
	case Q_QUOTAON:
		return (struct quota_use){ QI_FMT, QA_PATH, false };
	case Q_GETFMT:
		return (struct quota_use){ QI_NONE, QA_FMT, true };
	case Q_GETINFO:
		return (struct quota_use){ QI_NONE, QA_DQINFO, true };
	case Q_SETINFO:
		return (struct quota_use){ QI_NONE, QA_DQINFO, false };
	case Q_GETQUOTA:
		return (struct quota_use){ QI_ID, QA_DQBLK, true };
	case Q_SETQUOTA:
		return (struct quota_use){ QI_ID, QA_DQBLK, false };
	case Q_GETNEXTQUOTA:
		return (struct quota_use){ QI_ID, QA_NEXTDQBLK, true };
	case Q_XQUOTAON:
	case Q_XQUOTAOFF:
		return (struct quota_use){ QI_NONE, QA_XFLAGS, false };
	case Q_XGETQUOTA:
	case Q_XGETNEXTQUOTA:
		return (struct quota_use){ QI_ID, QA_XDQ, true };
	case Q_XSETQLIM:
		return (struct quota_use){ QI_ID, QA_XDQ, false };
	case Q_XGETQSTAT:
		return (struct quota_use){ QI_NONE, QA_XSTAT, true };
	case Q_XGETQSTATV:
		return (struct quota_use){ QI_NONE, QA_XSTATV, true };
	case Q_XQUOTARM:
		return (struct quota_use){ QI_NONE, QA_XTYPES, false };
	}
	return (struct quota_use){ QI_ID, QA_PTR, false };
}

/* the command: quotactl's first argument, quotactl_fd's second (an unsigned int) */
static uint32_t quota_cmd(const struct dctx *d)
{
	return (uint32_t)d->args[d->def->arg[0] == K_QUOTACTL_CMD ? 0 : 1];
}

/* QCMD(Q_GETQUOTA, USRQUOTA); raw and verbose: the number (decimal), then that as a comment */
void print_QUOTACTL_CMD(struct dctx *d, int arg)
{
	uint32_t cmd = (uint32_t)d->args[arg];
	struct outbuf *o = d->o;

	if (!xlat_names_begin(o, cmd, XF_UDEC))
		return;
	ob_puts(o, "QCMD(");
	xlat_print_val(o, &xlat_quotacmds, cmd >> QCMD_SHIFT, "Q_???");
	ob_puts(o, ", ");
	xlat_print_val(o, &xlat_quotatypes, cmd & QCMD_TYPE_MASK, "???QUOTA");
	ob_putc(o, ')');
	xlat_names_end(o);
}

/* a user, group or project id (-1: none), or Q_QUOTAON's quota format */
void print_QUOTACTL_ID(struct dctx *d, int arg)
{
	uint32_t id = (uint32_t)d->args[arg];

	switch (quota_use(quota_cmd(d)).id) {
	case QI_NONE:
		d->omit = true;
		return;
	case QI_FMT:
		xlat_print_val(d->o, &xlat_quota_formats, id, "QFMT_VFS_???");
		return;
	}
	if (id == UINT32_MAX)
		ob_puts(d->o, "-1");
	else
		ob_udec(d->o, id);
}

/* Q_QUOTAON's file name: strace reads up to PATH_MAX bytes of it, as the capture holds */
static void print_quota_file(struct dctx *d, int arg)
{
	const struct sc_blob *b = d_mem_prefix(d, arg, false, 1);
	const uint8_t *p, *nul;

	if (!b)
		return;
	p = blob_data(b);
	nul = memchr(p, 0, b->len);
	if (nul) {
		print_quoted(d, p, nul - p, true, false);
		return;
	}
	/* no NUL before an unreadable page: strace could not read the string */
	if ((b->flags & BLOBF_FAULT) || b->len < BSTRACE_PATH_MAX) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	print_quoted(d, p, BSTRACE_PATH_MAX - 1, true, true);
}

static void print_u64_fields(struct outbuf *o, const uint8_t *p, const char *const *names,
			     int n)
{
	int i;

	for (i = 0; i < n; i++)
		ob_printf(o, "%s%s=%llu", i ? ", " : "", names[i],
			  (unsigned long long)rd_u64(p + 8 * i));
}

/* struct if_dqblk, if_nextdqblk (with dqb_id after it): the limits and usage, -v the rest */
static void print_dqblk(struct dctx *d, const uint8_t *p, bool next)
{
	static const char *const names[] = {
		"dqb_bhardlimit", "dqb_bsoftlimit", "dqb_curspace", "dqb_ihardlimit",
		"dqb_isoftlimit", "dqb_curinodes", "dqb_btime", "dqb_itime",
	};
	struct outbuf *o = d->o;
	bool v = d->s->verbose;

	ob_putc(o, '{');
	print_u64_fields(o, p, names, v ? 8 : 6);
	if (v) {
		ob_puts(o, ", dqb_valid=");
		xlat_print_flags(o, &xlat_if_dqblk_valid, rd_u32(p + 64), "QIF_???");
	}
	if (next)
		ob_printf(o, ", dqb_id=%u", rd_u32(p + 68));
	ob_puts(o, v ? "}" : ", ...}");
}

static void print_dqinfo(struct outbuf *o, const uint8_t *p)
{
	ob_printf(o, "{dqi_bgrace=%llu, dqi_igrace=%llu, dqi_flags=",
		  (unsigned long long)rd_u64(p), (unsigned long long)rd_u64(p + 8));
	xlat_print_flags(o, &xlat_if_dqinfo_flags, rd_u32(p + 16), "DQF_???");
	ob_puts(o, ", dqi_valid=");
	xlat_print_flags(o, &xlat_if_dqinfo_valid, rd_u32(p + 20), "IIF_???");
	ob_putc(o, '}');
}

/* struct fs_disk_quota: the limits and counts, -v the timers, warnings and real-time ones */
static void print_xdq(struct dctx *d, const uint8_t *p)
{
	static const char *const names[] = {
		"d_blk_hardlimit", "d_blk_softlimit", "d_ino_hardlimit", "d_ino_softlimit",
		"d_bcount", "d_icount",
	};
	static const char *const rt_names[] = {
		"d_rtb_hardlimit", "d_rtb_softlimit", "d_rtbcount",
	};
	struct outbuf *o = d->o;

	ob_printf(o, "{d_version=%d, d_flags=", (int8_t)p[0]);
	xlat_print_flags(o, &xlat_xfs_dqblk_flags, p[1], "FS_???_QUOTA");
	ob_puts(o, ", d_fieldmask=");
	ob_hex(o, rd_u16(p + 2));
	ob_printf(o, ", d_id=%u, ", rd_u32(p + 4));
	print_u64_fields(o, p + 8, names, 6);
	if (!d->s->verbose) {
		ob_puts(o, ", ...}");
		return;
	}
	ob_printf(o, ", d_itimer=%d, d_btimer=%d, d_iwarns=%u, d_bwarns=%u, ", rd_s32(p + 56),
		  rd_s32(p + 60), rd_u16(p + 64), rd_u16(p + 66));
	print_u64_fields(o, p + 72, rt_names, 3);
	ob_printf(o, ", d_rtbtimer=%d, d_rtbwarns=%u}", rd_s32(p + 96), rd_u16(p + 100));
}

/* fs_qfilestat(v): {qfs_ino=, qfs_nblks=, qfs_nextents=} */
static void print_qfilestat(struct outbuf *o, const char *name, const uint8_t *p)
{
	ob_printf(o, ", %s={qfs_ino=%llu, qfs_nblks=%llu, qfs_nextents=%u}", name,
		  (unsigned long long)rd_u64(p), (unsigned long long)rd_u64(p + 8),
		  rd_u32(p + 16));
}

/* the time and warning limits that end both fs_quota_stat and fs_quota_statv */
static void print_xstat_limits(struct outbuf *o, const uint8_t *p)
{
	ob_printf(o, ", qs_btimelimit=%d, qs_itimelimit=%d, qs_rtbtimelimit=%d, "
		  "qs_bwarnlimit=%u, qs_iwarnlimit=%u}", rd_s32(p), rd_s32(p + 4), rd_s32(p + 8),
		  rd_u16(p + 12), rd_u16(p + 14));
}

/* struct fs_quota_stat (statv: fs_quota_statv); without -v its version only */
static void print_xstat(struct dctx *d, const uint8_t *p, bool statv, bool i386)
{
	struct outbuf *o = d->o;
	size_t fst = i386 ? 20 : 24;	/* fs_qfilestat_t: 4-aligned in an i386 task */

	ob_printf(o, "{qs_version=%d", (int8_t)p[0]);
	if (!d->s->verbose) {
		ob_puts(o, ", ...}");
		return;
	}
	ob_puts(o, ", qs_flags=");
	xlat_print_flags(o, &xlat_xfs_quota_flags, rd_u16(p + 2), "FS_QUOTA_???");
	if (statv) {
		ob_printf(o, ", qs_incoredqs=%u", rd_u32(p + 4));
		print_qfilestat(o, "qs_uquota", p + 8);
		print_qfilestat(o, "qs_gquota", p + 32);
		print_qfilestat(o, "qs_pquota", p + 56);
		print_xstat_limits(o, p + 80);
		return;
	}
	print_qfilestat(o, "qs_uquota", p + 8);
	print_qfilestat(o, "qs_gquota", p + 8 + fst);
	ob_printf(o, ", qs_incoredqs=%u", rd_u32(p + 8 + 2 * fst));
	print_xstat_limits(o, p + 12 + 2 * fst);
}

static void print_flags_ptr(struct dctx *d, int arg, const struct xlat *x, const char *unknown)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, 4);

	if (!p)
		return;
	ob_putc(d->o, '[');
	xlat_print_flags(d->o, x, rd_u32(p), unknown);
	ob_putc(d->o, ']');
}

static bool compat_i386(const struct dctx *d)
{
#if defined(__x86_64__)
	return sc_is_compat(d->nr);
#else
	return false;
#endif
}

void print_QUOTACTL_ADDR(struct dctx *d, int arg)
{
	static const size_t sizes[] = {
		[QA_DQBLK] = DQBLK_SIZE, [QA_NEXTDQBLK] = NEXTDQBLK_SIZE,
		[QA_DQINFO] = DQINFO_SIZE, [QA_FMT] = 4, [QA_XDQ] = XDQ_SIZE,
		[QA_XSTAT] = XSTAT_SIZE, [QA_XSTATV] = XSTATV_SIZE,
	};
	struct quota_use u = quota_use(quota_cmd(d));
	bool i386 = compat_i386(d);
	const uint8_t *p;
	size_t size;

	switch (u.addr) {
	case QA_NONE:
		d->omit = true;
		return;
	case QA_PTR:
		ob_ptr(d->o, d->args[arg]);
		return;
	case QA_PATH:
		print_quota_file(d, arg);
		return;
	case QA_XFLAGS:
		print_flags_ptr(d, arg, &xlat_xfs_quota_flags, "FS_QUOTA_???");
		return;
	case QA_XTYPES:
		print_flags_ptr(d, arg, &xlat_xfs_dqblk_flags, "FS_???_QUOTA");
		return;
	}
	size = u.addr == QA_XSTAT && i386 ? XSTAT_SIZE_I386 : sizes[u.addr];
	p = d_struct_prefix(d, arg, u.out, size);
	if (!p)
		return;
	switch (u.addr) {
	case QA_DQBLK:
	case QA_NEXTDQBLK:
		print_dqblk(d, p, u.addr == QA_NEXTDQBLK);
		break;
	case QA_DQINFO:
		print_dqinfo(d->o, p);
		break;
	case QA_FMT:
		ob_putc(d->o, '[');
		xlat_print_val(d->o, &xlat_quota_formats, rd_u32(p), "QFMT_VFS_???");
		ob_putc(d->o, ']');
		break;
	case QA_XDQ:
		print_xdq(d, p);
		break;
	case QA_XSTAT:
	case QA_XSTATV:
		print_xstat(d, p, u.addr == QA_XSTATV, i386);
		break;
	}
}
