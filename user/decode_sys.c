// SPDX-License-Identifier: GPL-2.0
/*
 * Processes, scheduling, resources and time: the small enumerations, flag sets and structures
 * of these calls, as strace 6.1 prints them. Register values arrive narrowed to their kind's C
 * type (KTYPE in kinds.def).
 */
#include "decode.h"
#include "xlat/close_range_flags.h"
#include "xlat/mlockall_flags.h"
#include "xlat/pidfd_flags.h"
#include "xlat/pkey_access.h"
#include "xlat/prio_which.h"
#include "xlat/splice_flags.h"
#include "xlat/sync_file_range_flags.h"
#include "xlat/usage_who.h"

/* the most elements strace prints of an array without -v: as many as -s characters */
static size_t array_limit(const struct dctx *d)
{
	return d->s->strsize;
}

void print_UINT_HEX(struct dctx *d, int arg)
{
	xlat_print_const(d->o, d->args[arg], XF_HEX, NULL, NULL);
}

/* an int constant: the name by its signed value, an unknown one in hex as an unsigned int
 * (strace's printxval() takes an unsigned int: RUSAGE_CHILDREN is 0xffffffff there) */
static void print_int_val(struct outbuf *o, const struct xlat *x, uint64_t v, const char *unknown)
{
	const char *n = xlat_name(x, v);

	if (!n && unknown) {
		xlat_print_const(o, (uint32_t)v, XF_HEX, NULL, unknown);
		return;
	}
	xlat_print_const(o, (uint32_t)v, XF_HEX, n, NULL);
}

void print_RUSAGE_WHO(struct dctx *d, int arg)
{
	print_int_val(d->o, &xlat_usage_who, d->args[arg], "RUSAGE_???");
}

void print_PRIO_WHICH(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_prio_which, d->args[arg], "PRIO_???");
}

void print_MLOCKALL_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_mlockall_flags, d->args[arg], "MCL_???");
}

void print_PIDFD_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_pidfd_flags, d->args[arg], "PIDFD_???");
}

void print_CLOSE_RANGE_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_close_range_flags, d->args[arg], "CLOSE_RANGE_???");
}

void print_SPLICE_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_splice_flags, d->args[arg], "SPLICE_F_???");
}

void print_SYNC_FILE_RANGE_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_sync_file_range_flags, d->args[arg],
			 "SYNC_FILE_RANGE_???");
}

void print_PKEY_ACCESS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_pkey_access, d->args[arg], "PKEY_???");
}

/* splice's loff_t *off_in, *off_out: [N], as they were at the call */
void print_LOFF_PTR_IN(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, false, 8);

	if (p)
		ob_printf(d->o, "[%lld]", (long long)rd_s64(p));
}

static void print_timezone(struct dctx *d, int arg, bool exit)
{
	const uint8_t *p = d_struct(d, arg, exit, 8);

	if (p)
		ob_printf(d->o, "{tz_minuteswest=%d, tz_dsttime=%d}", rd_s32(p), rd_s32(p + 4));
}

void print_TIMEZONE_IN(struct dctx *d, int arg)
{
	print_timezone(d, arg, false);
}

void print_TIMEZONE_OUT(struct dctx *d, int arg)
{
	print_timezone(d, arg, true);
}

/* a gid: -1 for (gid_t)-1, as strace's print_gid */
static void print_gid(struct outbuf *o, uint32_t g)
{
	if (g == (uint32_t)-1)
		ob_puts(o, "-1");
	else
		ob_udec(o, g);
}

/* count gids at `arg`: [0, 1, ...] (at most -s of them unless -v); the address when the count
 * is past NGROUPS_MAX or the memory was not read */
static void print_gids(struct dctx *d, int arg, uint64_t count, bool exit)
{
	const struct sc_blob *b;
	size_t i, n, lim = array_limit(d);
	const uint8_t *p;

	if (!d->args[arg] || count > 65536) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	if (!count) {
		ob_puts(d->o, "[]");
		return;
	}
	b = d_mem(d, arg, exit);
	if (!b)
		return;
	n = b->len / 4;
	if (n < count && !(b->flags & BLOBF_TRUNC) && n < lim) {
		/* not all of it was readable (strace prints the readable part and the address
		 * of the rest; a copy here is all or nothing) */
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	p = blob_data(b);
	if (n > count)
		n = count;
	ob_putc(d->o, '[');
	for (i = 0; i < n && (i < lim || d->s->verbose); i++) {
		if (i)
			ob_puts(d->o, ", ");
		print_gid(d->o, rd_u32(p + 4 * i));
	}
	/* past -s, or past what was copied */
	if (i < count)
		ob_puts(d->o, i ? ", ..." : "...");
	ob_putc(d->o, ']');
}

/* setgroups(size, list): size gids, printed at the call */
void print_GID_ARRAY_IN(struct dctx *d, int arg)
{
	print_gids(d, arg, (uint32_t)d->args[0], false);
}

/* getgroups(size, list): the ret gids the call wrote (the address when it failed) */
void print_GID_ARRAY_OUT(struct dctx *d, int arg)
{
	if (!d->exited || d->failed) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	print_gids(d, arg, d->ret, true);
}
