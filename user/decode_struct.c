// SPDX-License-Identifier: GPL-2.0
/*
 * Structures, printed field by field as strace prints them: stat, statx, statfs, times and
 * limits, signals (sigset, sigaction, siginfo, wait status), fd pairs and sets, poll and epoll
 * arrays, directory entries, clone3 and openat2 arguments.
 */
#include <signal.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/statfs.h>
#include <sys/sysinfo.h>
#include <sys/sysmacros.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include "decode.h"
#include "decode_flags.h"
#include "xlat/clone3_flags.h"
#include "xlat/st_audit_arch.h"
#include "xlat/st_dirent_types.h"
#include "xlat/st_epoll_events.h"
#include "xlat/st_file_types.h"
#include "xlat/st_fs_magic.h"
#include "xlat/st_poll_events.h"
#include "xlat/st_resolve_flags.h"
#include "xlat/st_sa_flags.h"
#include "xlat/st_si_codes.h"
#include "xlat/st_sigbus_codes.h"
#include "xlat/st_sigchld_codes.h"
#include "xlat/st_sigfpe_codes.h"
#include "xlat/st_sigill_codes.h"
#include "xlat/st_sigpoll_codes.h"
#include "xlat/st_sigsegv_codes.h"
#include "xlat/st_sigsys_codes.h"
#include "xlat/st_sigtrap_codes.h"
#include "xlat/st_statfs_flags.h"
#include "xlat/st_statx_attrs.h"
#include "xlat/st_statx_mask.h"

#define KERNEL_SIGSET_BYTES	8	/* the kernel's sigset_t on the supported 64-bit arches */

/* ---- small value printers shared by the structures ---- */

/* S_IFREG|S_ISUID|0755; a mode whose type has no name prints as one number (0177777) */
void print_mode(struct outbuf *o, uint32_t mode)
{
	const char *type = xlat_name(&xlat_st_file_types, mode & S_IFMT);

	if ((mode & S_IFMT) && !type) {
		ob_printf(o, "%#03o", mode);
		return;
	}
	if (!xlat_names_begin(o, mode, XF_OCT))
		return;
	if (type) {
		ob_puts(o, type);
		ob_putc(o, '|');
	}
	if (mode & S_ISUID)
		ob_puts(o, "S_ISUID|");
	if (mode & S_ISGID)
		ob_puts(o, "S_ISGID|");
	if (mode & S_ISVTX)
		ob_puts(o, "S_ISVTX|");
	/* as "%#03o": 000, 007, 055, 0644 */
	mode &= 0777;
	if (mode < 8) {
		ob_puts(o, "00");
		ob_putc(o, '0' + mode);
	} else {
		ob_oct(o, mode);
	}
	xlat_names_end(o);
}

void print_makedev(struct outbuf *o, uint64_t dev)
{
	if (!xlat_names_begin(o, dev, XF_HEX))
		return;
	ob_puts(o, "makedev(");
	ob_hex(o, major(dev));
	ob_puts(o, ", ");
	ob_hex(o, minor(dev));
	ob_putc(o, ')');
	xlat_names_end(o);
}

/* " / * 2026-05-20T16:27:29.123456789+0000 * /" after a timestamp: the fraction `part` has
 * `width` digits (9: nanoseconds, 6: microseconds); nothing for the epoch or a fraction out of
 * range (tv_nsec=2000000000) */
static void print_time_comment_w(struct outbuf *o, int64_t sec, uint64_t part, int width)
{
	uint64_t max = width == 6 ? 999999 : 999999999;
	time_t t = sec;
	struct tm tm;
	char buf[64];

	if ((!sec && !part) || part > max || (int64_t)t != sec || !localtime_r(&t, &tm))
		return;
	if (!strftime(buf, sizeof(buf), "%FT%T", &tm))
		return;
	ob_printf(o, " /* %s", buf);
	if (part)
		ob_printf(o, ".%0*llu", width, (unsigned long long)part);
	if (strftime(buf, sizeof(buf), "%z", &tm))
		ob_puts(o, buf);
	ob_puts(o, " */");
}

void print_time_comment(struct outbuf *o, int64_t sec, uint64_t nsec)
{
	print_time_comment_w(o, sec, nsec, 9);
}

/* time_t is signed; strace prints tv_nsec and tv_usec unsigned (its zero_extend) */
static void print_timespec_at(struct outbuf *o, const uint8_t *p)
{
	ob_printf(o, "{tv_sec=%lld, tv_nsec=%llu}", (long long)rd_s64(p),
		  (unsigned long long)rd_u64(p + 8));
}

static void print_timeval_at(struct outbuf *o, const uint8_t *p)
{
	ob_printf(o, "{tv_sec=%lld, tv_usec=%llu}", (long long)rd_s64(p),
		  (unsigned long long)rd_u64(p + 8));
}

/* an fd number list from a bit set: [0 1 5] */
static void print_bitlist(struct outbuf *o, const uint8_t *bits, size_t nbits)
{
	bool first = true;
	size_t i;

	ob_putc(o, '[');
	for (i = 0; i < nbits; i++) {
		if (!(bits[i / 8] & (1u << (i % 8))))
			continue;
		if (!first)
			ob_putc(o, ' ');
		ob_udec(o, i);
		first = false;
	}
	ob_putc(o, ']');
}

/* ---- stat family ---- */

static void print_stat_time(struct outbuf *o, const char *name, int64_t sec, uint64_t nsec)
{
	ob_printf(o, ", %s=%lld", name, (long long)sec);
	print_time_comment(o, sec, nsec);
	ob_printf(o, ", %s_nsec=%llu", name, (unsigned long long)nsec);
}

void print_STAT(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, true, sizeof(struct stat));
	struct outbuf *o = d->o;
	bool dev;
	struct stat st;

	if (!p)
		return;
	memcpy(&st, p, sizeof(st));
	dev = S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode);
	ob_putc(o, '{');
	if (d->s->verbose) {
		ob_puts(o, "st_dev=");
		print_makedev(o, st.st_dev);
		ob_printf(o, ", st_ino=%llu, st_mode=", (unsigned long long)st.st_ino);
	} else {
		ob_puts(o, "st_mode=");
	}
	print_mode(o, st.st_mode);
	if (d->s->verbose)
		ob_printf(o, ", st_nlink=%llu, st_uid=%u, st_gid=%u, st_blksize=%lld, st_blocks=%lld",
			  (unsigned long long)st.st_nlink, st.st_uid, st.st_gid,
			  (long long)st.st_blksize, (long long)st.st_blocks);
	if (dev) {
		ob_puts(o, ", st_rdev=");
		print_makedev(o, st.st_rdev);
	} else {
		ob_puts(o, ", st_size=");
		ob_dec(o, st.st_size);
	}
	if (!d->s->verbose) {
		ob_puts(o, ", ...}");
		return;
	}
	print_stat_time(o, "st_atime", st.st_atim.tv_sec, st.st_atim.tv_nsec);
	print_stat_time(o, "st_mtime", st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
	print_stat_time(o, "st_ctime", st.st_ctim.tv_sec, st.st_ctim.tv_nsec);
	ob_putc(o, '}');
}

void print_STATX_MASK(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_st_statx_mask, (uint32_t)d->args[arg], "STATX_???");
}

/* struct statx offsets (linux/stat.h) */
enum {
	STX_MASK = 0, STX_BLKSIZE = 4, STX_ATTRIBUTES = 8, STX_NLINK = 16, STX_UID = 20,
	STX_GID = 24, STX_MODE = 28, STX_INO = 32, STX_SIZE = 40, STX_BLOCKS = 48,
	STX_ATTR_MASK = 56, STX_ATIME = 64, STX_BTIME = 80, STX_CTIME = 96, STX_MTIME = 112,
	STX_RDEV_MAJOR = 128, STX_RDEV_MINOR = 132, STX_DEV_MAJOR = 136, STX_DEV_MINOR = 140,
	STX_MNT_ID = 144, STX_DIO_MEM = 152, STX_DIO_OFFSET = 156,
};

static void print_statx_time(struct outbuf *o, const char *name, const uint8_t *ts)
{
	int64_t sec = rd_u64(ts);
	uint32_t nsec = rd_u32(ts + 8);

	ob_printf(o, ", %s={tv_sec=%lld, tv_nsec=%u}", name, (long long)sec, nsec);
	print_time_comment(o, sec, nsec);
}

static void print_statx_verbose(struct outbuf *o, const uint8_t *p, uint32_t mask)
{
	ob_printf(o, ", stx_nlink=%u, stx_uid=%u, stx_gid=%u, stx_mode=", rd_u32(p + STX_NLINK),
		  rd_u32(p + STX_UID), rd_u32(p + STX_GID));
	print_mode(o, rd_u16(p + STX_MODE));
	ob_printf(o, ", stx_ino=%llu, stx_size=%llu, stx_blocks=%llu, stx_attributes_mask=",
		  (unsigned long long)rd_u64(p + STX_INO), (unsigned long long)rd_u64(p + STX_SIZE),
		  (unsigned long long)rd_u64(p + STX_BLOCKS));
	xlat_print_flags(o, &xlat_st_statx_attrs, rd_u64(p + STX_ATTR_MASK), "STATX_ATTR_???");
	if (mask & STATX_ATIME)
		print_statx_time(o, "stx_atime", p + STX_ATIME);
	if (mask & STATX_BTIME)
		print_statx_time(o, "stx_btime", p + STX_BTIME);
	if (mask & STATX_CTIME)
		print_statx_time(o, "stx_ctime", p + STX_CTIME);
	if (mask & STATX_MTIME)
		print_statx_time(o, "stx_mtime", p + STX_MTIME);
	ob_printf(o, ", stx_rdev_major=%u, stx_rdev_minor=%u, stx_dev_major=%u, stx_dev_minor=%u",
		  rd_u32(p + STX_RDEV_MAJOR), rd_u32(p + STX_RDEV_MINOR), rd_u32(p + STX_DEV_MAJOR),
		  rd_u32(p + STX_DEV_MINOR));
	if (mask & STATX_MNT_ID) {
		ob_puts(o, ", stx_mnt_id=");
		ob_hex(o, rd_u64(p + STX_MNT_ID));
	}
	if (mask & STATX_DIOALIGN)
		ob_printf(o, ", stx_dio_mem_align=%u, stx_dio_offset_align=%u",
			  rd_u32(p + STX_DIO_MEM), rd_u32(p + STX_DIO_OFFSET));
}

void print_STATX(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, true, 160);
	struct outbuf *o = d->o;
	uint32_t mask;

	if (!p)
		return;
	mask = rd_u32(p + STX_MASK);
	ob_puts(o, "{stx_mask=");
	xlat_print_flags(o, &xlat_st_statx_mask, mask, "STATX_???");
	if (d->s->verbose)
		ob_printf(o, ", stx_blksize=%u", rd_u32(p + STX_BLKSIZE));
	ob_puts(o, ", stx_attributes=");
	xlat_print_flags(o, &xlat_st_statx_attrs, rd_u64(p + STX_ATTRIBUTES), "STATX_ATTR_???");
	if (d->s->verbose) {
		print_statx_verbose(o, p, mask);
		ob_putc(o, '}');
		return;
	}
	ob_puts(o, ", stx_mode=");
	print_mode(o, rd_u16(p + STX_MODE));
	ob_printf(o, ", stx_size=%llu, ...}", (unsigned long long)rd_u64(p + STX_SIZE));
}

void print_STATFS(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, true, sizeof(struct statfs));
	struct outbuf *o = d->o;
	struct statfs sf;
	int fsid[2];

	if (!p)
		return;
	memcpy(&sf, p, sizeof(sf));
	memcpy(fsid, &sf.f_fsid, sizeof(fsid));
	ob_puts(o, "{f_type=");
	xlat_print_val(o, &xlat_st_fs_magic, (uint64_t)sf.f_type, NULL);
	ob_printf(o, ", f_bsize=%lld, f_blocks=%llu, f_bfree=%llu, f_bavail=%llu, f_files=%llu, "
		  "f_ffree=%llu, f_fsid={val=[", (long long)sf.f_bsize,
		  (unsigned long long)sf.f_blocks, (unsigned long long)sf.f_bfree,
		  (unsigned long long)sf.f_bavail, (unsigned long long)sf.f_files,
		  (unsigned long long)sf.f_ffree);
	ob_hex(o, (uint32_t)fsid[0]);
	ob_puts(o, ", ");
	ob_hex(o, (uint32_t)fsid[1]);
	ob_printf(o, "]}, f_namelen=%lld, f_frsize=%lld, f_flags=", (long long)sf.f_namelen,
		  (long long)sf.f_frsize);
	xlat_print_flags(o, &xlat_st_statfs_flags, (uint64_t)sf.f_flags, "ST_???");
	ob_putc(o, '}');
}

/* ---- times ---- */

void print_TIMESPEC_IN(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, false, 16);

	if (p)
		print_timespec_at(d->o, p);
}

void print_TIMESPEC_OUT(struct dctx *d, int arg)
{
	const struct sc_blob *b;
	const uint8_t *p;

	/* the remaining time of a sleep: written only when it was interrupted */
	if (sc_is(d, "nanosleep") || sc_is(d, "clock_nanosleep")) {
		if (!d->exited || !d->failed) {
			ob_ptr(d->o, d->args[arg]);
			return;
		}
		b = d_mem(d, arg, true);
		if (b && b->len < 16)
			ob_ptr(d->o, d->args[arg]);
		else if (b)
			print_timespec_at(d->o, blob_data(b));
		return;
	}
	p = d_struct(d, arg, true, 16);
	if (p)
		print_timespec_at(d->o, p);
}

/* time(&t): [1796312111 / * 2026-12-03T15:35:11+0000 * /] */
void print_TIME_OUT(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, true, 8);

	if (!p)
		return;
	ob_printf(d->o, "[%lld", (long long)rd_s64(p));
	print_time_comment(d->o, rd_s64(p), 0);
	ob_putc(d->o, ']');
}

void print_TIMEVAL_IN(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, false, 16);

	if (p)
		print_timeval_at(d->o, p);
}

void print_TIMEVAL_OUT(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, true, 16);

	if (p)
		print_timeval_at(d->o, p);
}

/* utimensat's times[2]: UTIME_NOW and UTIME_OMIT by name (the struct too but in abbrev), a
 * time with its date */
#define UTIME_NOW_NS ((1l << 30) - 1l)
#define UTIME_OMIT_NS ((1l << 30) - 2l)
void print_TIMESPEC_UTIME_PAIR(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, false, 32);
	int i;

	if (!p)
		return;
	ob_putc(d->o, '[');
	for (i = 0; i < 2; i++, p += 16) {
		uint64_t ns = rd_u64(p + 8);
		bool named = ns == UTIME_NOW_NS || ns == UTIME_OMIT_NS;

		if (i)
			ob_puts(d->o, ", ");
		if (named) {
			const char *n = ns == UTIME_NOW_NS ? "UTIME_NOW" : "UTIME_OMIT";

			/* the struct in place of the number of a named constant */
			if (xlat_style != XLAT_ABBREV)
				print_timespec_at(d->o, p);
			if (xlat_style == XLAT_VERBOSE)
				ob_printf(d->o, " /* %s */", n);
			else if (xlat_style == XLAT_ABBREV)
				ob_puts(d->o, n);
			continue;
		}
		print_timespec_at(d->o, p);
		print_time_comment(d->o, rd_s64(p), ns);
	}
	ob_putc(d->o, ']');
}

/* utimes, futimesat: struct timeval times[2], each with its date */
void print_TIMEVAL_PAIR(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, false, 32);
	int i;

	if (!p)
		return;
	ob_putc(d->o, '[');
	for (i = 0; i < 2; i++, p += 16) {
		if (i)
			ob_puts(d->o, ", ");
		print_timeval_at(d->o, p);
		print_time_comment_w(d->o, rd_s64(p), rd_u64(p + 8), 6);
	}
	ob_putc(d->o, ']');
}

/* utime: struct utimbuf {actime=N / * date * /, modtime=N / * date * /} */
void print_UTIMBUF(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, false, 16);

	if (!p)
		return;
	ob_printf(d->o, "{actime=%lld", (long long)rd_s64(p));
	print_time_comment(d->o, rd_s64(p), 0);
	ob_printf(d->o, ", modtime=%lld", (long long)rd_s64(p + 8));
	print_time_comment(d->o, rd_s64(p + 8), 0);
	ob_putc(d->o, '}');
}

/* itimerspec; getitimer/setitimer's struct itimerval has the same size with microseconds */
static void print_itimer(struct dctx *d, const uint8_t *p)
{
	void (*one)(struct outbuf *o, const uint8_t *p) =
		sc_is(d, "getitimer") || sc_is(d, "setitimer") ? print_timeval_at : print_timespec_at;

	ob_puts(d->o, "{it_interval=");
	one(d->o, p);
	ob_puts(d->o, ", it_value=");
	one(d->o, p + 16);
	ob_putc(d->o, '}');
}

void print_ITIMERSPEC_IN(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, false, 32);

	if (p)
		print_itimer(d, p);
}

void print_ITIMERSPEC_OUT(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, true, 32);

	if (p)
		print_itimer(d, p);
}

/* ---- limits and accounting ---- */

static void print_rlim(struct outbuf *o, uint64_t v)
{
	if (v == ~0ull) {
		xlat_print_const(o, v, XF_UDEC, "RLIM64_INFINITY", NULL);
	} else if (v > 1024 && !(v % 1024)) {	/* strace: 1024 itself prints plain */
		if (xlat_names_begin(o, v, XF_UDEC)) {
			ob_printf(o, "%llu*1024", (unsigned long long)(v / 1024));
			xlat_names_end(o);
		}
	} else {
		ob_udec(o, v);
	}
}

static void print_rlimit(struct dctx *d, int arg, bool exit)
{
	const uint8_t *p = d_struct(d, arg, exit, 16);

	if (!p)
		return;
	ob_puts(d->o, "{rlim_cur=");
	print_rlim(d->o, rd_u64(p));
	ob_puts(d->o, ", rlim_max=");
	print_rlim(d->o, rd_u64(p + 8));
	ob_putc(d->o, '}');
}

void print_RLIMIT_IN(struct dctx *d, int arg)
{
	print_rlimit(d, arg, false);
}

void print_RLIMIT_OUT(struct dctx *d, int arg)
{
	print_rlimit(d, arg, true);
}

static void print_utsfield(struct dctx *d, const char *name, const char *s, bool sep)
{
	if (sep)
		ob_puts(d->o, ", ");
	ob_printf(d->o, "%s=", name);
	print_quoted(d, (const uint8_t *)s, strnlen(s, _UTSNAME_LENGTH), true, false);
}

void print_UTSNAME(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, true, sizeof(struct utsname));
	struct utsname u;

	if (!p)
		return;
	memcpy(&u, p, sizeof(u));
	ob_putc(d->o, '{');
	print_utsfield(d, "sysname", u.sysname, false);
	print_utsfield(d, "nodename", u.nodename, true);
	if (!d->s->verbose) {
		ob_puts(d->o, ", ...}");
		return;
	}
	print_utsfield(d, "release", u.release, true);
	print_utsfield(d, "version", u.version, true);
	print_utsfield(d, "machine", u.machine, true);
	print_utsfield(d, "domainname", u.domainname, true);
	ob_putc(d->o, '}');
}

void print_SYSINFO(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, true, sizeof(struct sysinfo));
	struct sysinfo si;

	if (!p)
		return;
	memcpy(&si, p, sizeof(si));
	ob_printf(d->o, "{uptime=%lld, loads=[%llu, %llu, %llu], totalram=%llu, freeram=%llu, "
		  "sharedram=%llu, bufferram=%llu, totalswap=%llu, freeswap=%llu, procs=%u, "
		  "totalhigh=%llu, freehigh=%llu, mem_unit=%u}", (long long)si.uptime,
		  (unsigned long long)si.loads[0], (unsigned long long)si.loads[1],
		  (unsigned long long)si.loads[2], (unsigned long long)si.totalram,
		  (unsigned long long)si.freeram, (unsigned long long)si.sharedram,
		  (unsigned long long)si.bufferram, (unsigned long long)si.totalswap,
		  (unsigned long long)si.freeswap, si.procs, (unsigned long long)si.totalhigh,
		  (unsigned long long)si.freehigh, si.mem_unit);
}

void print_RUSAGE(struct dctx *d, int arg)
{
	const uint8_t *p;
	struct outbuf *o = d->o;
	struct rusage ru;

	/* wait4: read only when a child was reaped (ret > 0), as strace; else the address */
	if (sc_is(d, "wait4") && d->exited && !d->failed && d->ret == 0) {
		ob_ptr(o, d->args[arg]);
		return;
	}
	p = d_struct(d, arg, true, sizeof(struct rusage));
	if (!p)
		return;
	memcpy(&ru, p, sizeof(ru));
	ob_puts(o, "{ru_utime=");
	print_timeval_at(o, p + offsetof(struct rusage, ru_utime));
	ob_puts(o, ", ru_stime=");
	print_timeval_at(o, p + offsetof(struct rusage, ru_stime));
	if (!d->s->verbose) {
		ob_puts(o, ", ...}");
		return;
	}
	/* strace prints the longs as unsigned (PRINT_FIELD_U) */
	ob_printf(o, ", ru_maxrss=%lu, ru_ixrss=%lu, ru_idrss=%lu, ru_isrss=%lu, ru_minflt=%lu, "
		  "ru_majflt=%lu, ru_nswap=%lu, ru_inblock=%lu, ru_oublock=%lu, ru_msgsnd=%lu, "
		  "ru_msgrcv=%lu, ru_nsignals=%lu, ru_nvcsw=%lu, ru_nivcsw=%lu}",
		  (unsigned long)ru.ru_maxrss, (unsigned long)ru.ru_ixrss,
		  (unsigned long)ru.ru_idrss, (unsigned long)ru.ru_isrss,
		  (unsigned long)ru.ru_minflt, (unsigned long)ru.ru_majflt,
		  (unsigned long)ru.ru_nswap, (unsigned long)ru.ru_inblock,
		  (unsigned long)ru.ru_oublock, (unsigned long)ru.ru_msgsnd,
		  (unsigned long)ru.ru_msgrcv, (unsigned long)ru.ru_nsignals,
		  (unsigned long)ru.ru_nvcsw, (unsigned long)ru.ru_nivcsw);
}

/* clock ticks, then unless -X raw the seconds they make, as a comment */
static void print_clock_t(struct outbuf *o, uint64_t ticks)
{
	static long hz;
	int prec = 0;
	long t;

	ob_udec(o, ticks);
	if (!hz)
		hz = sysconf(_SC_CLK_TCK);
	if (xlat_style == XLAT_RAW || hz <= 0)
		return;
	/* enough decimals to show one tick: the digits of hz - 1, at most 9 */
	for (t = hz - 1; t > 0 && prec < 9; t /= 10)
		prec++;
	ob_printf(o, " /* %.*f s */", prec, (double)ticks / hz);
}

void print_TMS(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, true, 32);

	static const char *const names[] = { "tms_utime", "tms_stime", "tms_cutime", "tms_cstime" };
	int i;

	if (!p)
		return;
	ob_putc(d->o, '{');
	for (i = 0; i < 4; i++) {
		ob_printf(d->o, "%s%s=", i ? ", " : "", names[i]);
		print_clock_t(d->o, rd_u64(p + 8 * i));
	}
	ob_putc(d->o, '}');
}

/* ---- signals ---- */

/* the sigsetsize argument: the first integer argument after the set */
static uint64_t sigset_size(const struct dctx *d, int arg)
{
	int i;

	if (!d->def)
		return KERNEL_SIGSET_BYTES;
	for (i = arg + 1; i < d->def->nargs; i++) {
		unsigned int k = d->def->arg[i];

		if (k == K_ULONG || k == K_UINT || k == K_LONG || k == K_INT)
			return d->args[i];
	}
	return KERNEL_SIGSET_BYTES;
}

static void print_sigset_arg(struct dctx *d, int arg, bool exit)
{
	uint64_t size = sigset_size(d, arg);
	/* rt_sigpending takes a short set; every other call insists on the kernel's size */
	uint64_t min = sc_is(d, "rt_sigpending") ? 1 : KERNEL_SIGSET_BYTES;
	const uint8_t *p;

	if (size < min || size > KERNEL_SIGSET_BYTES) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	p = d_struct(d, arg, exit, size);
	if (p)
		print_sigset(d->o, p, size);
}

void print_SIGSET_IN(struct dctx *d, int arg)
{
	print_sigset_arg(d, arg, false);
}

void print_EPOLL_SIGSET(struct dctx *d, int arg)
{
	if (d->exited && d->failed)
		ob_ptr(d->o, d->args[arg]);
	else
		print_sigset_arg(d, arg, false);
}

void print_EPOLL_TIMESPEC(struct dctx *d, int arg)
{
	if (d->exited && d->failed)
		ob_ptr(d->o, d->args[arg]);
	else
		print_TIMESPEC_IN(d, arg);
}

void print_SIGSET_OUT(struct dctx *d, int arg)
{
	print_sigset_arg(d, arg, true);
}

/* the kernel's struct sigaction: handler, flags, restorer (not on riscv), mask */
static void print_sigaction(struct dctx *d, int arg, bool exit)
{
	const uint8_t *p = d_struct(d, arg, exit, KSA_SIZE);
	struct outbuf *o = d->o;
	uint64_t handler, flags;
	const char *hn = NULL;

	if (!p)
		return;
	handler = rd_u64(p);
	flags = rd_u64(p + 8);
	ob_puts(o, "{sa_handler=");
	if (handler == 0)
		hn = "SIG_DFL";
	else if (handler == 1)
		hn = "SIG_IGN";
	else if (handler == ~0ull)
		hn = "SIG_ERR";
	xlat_print_const(o, handler, XF_HEX, hn, NULL);
	ob_puts(o, ", sa_mask=");
	print_sigset(o, p + KSA_MASK_OFF, KERNEL_SIGSET_BYTES);
	ob_puts(o, ", sa_flags=");
	xlat_print_flags(o, &xlat_st_sa_flags, flags, "SA_???");
	if (KSA_HAS_RESTORER && (flags & 0x04000000)) {	/* SA_RESTORER */
		ob_puts(o, ", sa_restorer=");
		ob_ptr(o, rd_u64(p + 16));
	}
	ob_putc(o, '}');
}

void print_SIGACTION_IN(struct dctx *d, int arg)
{
	print_sigaction(d, arg, false);
}

void print_SIGACTION_OUT(struct dctx *d, int arg)
{
	print_sigaction(d, arg, true);
}

/* siginfo_t offsets (64-bit) */
enum {
	SIO_SIGNO = 0, SIO_ERRNO = 4, SIO_CODE = 8, SIO_PID = 16, SIO_UID = 20, SIO_VALUE = 24,
	SIO_STATUS = 24, SIO_UTIME = 32, SIO_STIME = 40, SIO_ADDR = 16, SIO_ADDR_LSB = 24,
	SIO_LOWER = 32, SIO_UPPER = 40, SIO_PKEY = 32, SIO_BAND = 16, SIO_FD = 24, SIO_TIMERID = 16,
	SIO_OVERRUN = 20, SIO_CALL_ADDR = 16, SIO_SYSCALL = 24, SIO_ARCH = 28,
	SIO_MIN_BYTES = 48,
};

static const struct xlat *si_code_table(int sig)
{
	switch (sig) {
	case SIGILL: return &xlat_st_sigill_codes;
	case SIGFPE: return &xlat_st_sigfpe_codes;
	case SIGSEGV: return &xlat_st_sigsegv_codes;
	case SIGBUS: return &xlat_st_sigbus_codes;
	case SIGTRAP: return &xlat_st_sigtrap_codes;
	case SIGCHLD: return &xlat_st_sigchld_codes;
	case SIGPOLL: return &xlat_st_sigpoll_codes;
	case SIGSYS: return &xlat_st_sigsys_codes;
	}
	return NULL;
}

static void print_si_code(struct outbuf *o, int sig, int code)
{
	const struct xlat *x = si_code_table(sig);
	const char *n = xlat_name(&xlat_st_si_codes, (uint64_t)(int64_t)code);

	if (!n && x)
		n = xlat_name(x, code);
	xlat_print_const(o, (uint32_t)code, XF_HEX, n, NULL);
}

static void print_si_sender(struct outbuf *o, const uint8_t *si)
{
	uint32_t uid = rd_u32(si + SIO_UID);

	/* (uid_t)-1 as -1, as strace prints ids */
	ob_printf(o, ", si_pid=%d, si_uid=", (int32_t)rd_u32(si + SIO_PID));
	if (uid == (uint32_t)-1)
		ob_puts(o, "-1");
	else
		ob_udec(o, uid);
}

static void print_si_value(struct outbuf *o, const uint8_t *si)
{
	ob_printf(o, ", si_int=%d, si_ptr=", (int32_t)rd_u32(si + SIO_VALUE));
	ob_ptr(o, rd_u64(si + SIO_VALUE));
}

/* with a call's context (d) the fd as -y shows it: the caller's fd the kernel described */
static void print_si_poll(struct outbuf *o, struct dctx *d, const uint8_t *si)
{
	ob_printf(o, ", si_band=%lld, si_fd=", (long long)rd_u64(si + SIO_BAND));
	if (d)
		print_fd(d, (int32_t)rd_u32(si + SIO_FD));
	else
		ob_dec(o, (int32_t)rd_u32(si + SIO_FD));
}

/* fields of a signal sent by a process (si_code < 0, SI_USER) */
static void print_si_user(struct outbuf *o, struct dctx *d, const uint8_t *si, int code)
{
	switch (code) {
	case SI_TIMER:
		ob_printf(o, ", si_timerid=%#x, si_overrun=%d", rd_u32(si + SIO_TIMERID),
			  (int32_t)rd_u32(si + SIO_OVERRUN));
		print_si_value(o, si);
		return;
	case SI_SIGIO:
		print_si_poll(o, d, si);
		return;
	case SI_USER:
	case SI_TKILL:
		print_si_sender(o, si);
		return;
	}
	/* SI_QUEUE, SI_MESGQ, ...: the value only when it is set, as strace */
	print_si_sender(o, si);
	if (rd_u64(si + SIO_VALUE))
		print_si_value(o, si);
}

/* child CPU time in clock ticks, with seconds in a comment */
static void print_si_clock(struct outbuf *o, const char *name, uint64_t ticks)
{
	static long hz;

	if (!hz)
		hz = sysconf(_SC_CLK_TCK) > 0 ? sysconf(_SC_CLK_TCK) : 100;
	ob_printf(o, ", %s=%llu", name, (unsigned long long)ticks);
	if (ticks)
		ob_printf(o, " /* %llu.%02llu s */", (unsigned long long)(ticks / hz),
			  (unsigned long long)(ticks % hz * 100 / hz));
}

static void print_si_chld(struct outbuf *o, const uint8_t *si, int code)
{
	int status = (int32_t)rd_u32(si + SIO_STATUS);

	print_si_sender(o, si);
	ob_puts(o, ", si_status=");
	if (code == CLD_EXITED)
		ob_dec(o, status);
	else
		print_signal(o, status);
	print_si_clock(o, "si_utime", rd_u64(si + SIO_UTIME));
	print_si_clock(o, "si_stime", rd_u64(si + SIO_STIME));
}

static void print_si_fault(struct outbuf *o, const uint8_t *si, int sig, int code)
{
	ob_puts(o, ", si_addr=");
	ob_ptr(o, rd_u64(si + SIO_ADDR));
	if (sig == SIGSEGV && code == SEGV_BNDERR) {
		ob_puts(o, ", si_lower=");
		ob_ptr(o, rd_u64(si + SIO_LOWER));
		ob_puts(o, ", si_upper=");
		ob_ptr(o, rd_u64(si + SIO_UPPER));
	} else if (sig == SIGSEGV && code == SEGV_PKUERR) {
		ob_printf(o, ", si_pkey=%u", rd_u32(si + SIO_PKEY));
	} else if (sig == SIGBUS && (code == BUS_MCEERR_AR || code == BUS_MCEERR_AO)) {
		ob_printf(o, ", si_addr_lsb=%#x", rd_u16(si + SIO_ADDR_LSB));
	}
}

#if defined(__x86_64__)
#define NATIVE_AUDIT_ARCH	AUDIT_ARCH_X86_64
#define X32_SYSCALL_BIT		0x40000000u
#elif defined(__aarch64__)
#define NATIVE_AUDIT_ARCH	AUDIT_ARCH_AARCH64
#elif defined(__riscv) && __riscv_xlen == 64
#define NATIVE_AUDIT_ARCH	AUDIT_ARCH_RISCV64
#endif

/* seccomp's syscall number: __NR_getpid for this architecture's calls */
static void print_si_syscall(struct outbuf *o, uint32_t nr, uint32_t arch)
{
	char buf[48];
	const char *name;

	ob_puts(o, ", si_syscall=");
	if (arch != NATIVE_AUDIT_ARCH) {
		ob_udec(o, nr);
		return;
	}
#ifdef X32_SYSCALL_BIT
	if (nr & X32_SYSCALL_BIT) {
		name = sc_name(nr & ~X32_SYSCALL_BIT, buf, sizeof(buf));
		xlat_print_const(o, nr, XF_UDEC, NULL, name != buf ? name : NULL);
		return;
	}
#endif
	name = sc_name(nr, buf, sizeof(buf));
	if (name != buf) {
		snprintf(buf, sizeof(buf), "__NR_%s", name);
		name = buf;
	} else {
		name = NULL;
	}
	xlat_print_const(o, nr, XF_UDEC, name, NULL);
}

static void print_si_sys(struct outbuf *o, const uint8_t *si)
{
	uint32_t arch = rd_u32(si + SIO_ARCH);

	ob_puts(o, ", si_call_addr=");
	ob_ptr(o, rd_u64(si + SIO_CALL_ADDR));
	print_si_syscall(o, rd_u32(si + SIO_SYSCALL), arch);
	ob_puts(o, ", si_arch=");
	xlat_print_val(o, &xlat_st_audit_arch, arch, "AUDIT_ARCH_???");
}

/* fields of a signal the kernel generated (si_code > 0, SI_KERNEL) */
static void print_si_kernel(struct outbuf *o, struct dctx *d, const uint8_t *si, int sig,
			    int code)
{
	switch (sig) {
	case SIGCHLD:
		print_si_chld(o, si, code);
		return;
	case SIGILL:
	case SIGFPE:
	case SIGSEGV:
	case SIGBUS:
	case SIGTRAP:
		print_si_fault(o, si, sig, code);
		return;
	case SIGPOLL:
		if (xlat_name(&xlat_st_sigpoll_codes, code))
			print_si_poll(o, d, si);
		return;
	case SIGSYS:
		print_si_sys(o, si);
		return;
	}
	/* SI_KERNEL and other codes: the fields that are set ({si_signo=SIGALRM,
	 * si_code=SI_KERNEL} for a timer's signal) */
	if (rd_u32(si + SIO_PID) || rd_u32(si + SIO_UID))
		print_si_sender(o, si);
	if (rd_u64(si + SIO_VALUE))
		print_si_value(o, si);
}

/* {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=..., ...}; at least SIO_MIN_BYTES of `si` */
static void print_siginfo(struct outbuf *o, struct dctx *d, const uint8_t *si)
{
	int sig = (int32_t)rd_u32(si + SIO_SIGNO);
	int err = (int32_t)rd_u32(si + SIO_ERRNO);
	int code = (int32_t)rd_u32(si + SIO_CODE);

	if (!sig) {
		ob_puts(o, "{}");
		return;
	}
	ob_puts(o, "{si_signo=");
	print_signal(o, sig);
	ob_puts(o, ", si_code=");
	print_si_code(o, sig, code);
	if (err) {
		ob_puts(o, ", si_errno=");
		xlat_print_const(o, (uint32_t)err, XF_UDEC, errno_name(err), NULL);
	}
	if (code <= 0)
		print_si_user(o, d, si, code);
	else
		print_si_kernel(o, d, si, sig, code);
	ob_putc(o, '}');
}

void print_siginfo_bytes(struct outbuf *o, const uint8_t *si)
{
	print_siginfo(o, NULL, si);
}

void print_siginfo_d(struct dctx *d, const uint8_t *si)
{
	print_siginfo(d->o, d, si);
}

void print_SIGINFO_OUT(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, true, SIO_MIN_BYTES);

	if (p)
		print_siginfo_d(d, p);
}

/* the siginfo a process sends (rt_sigqueueinfo, pidfd_send_signal), as it was at the call */
void print_SIGINFO_IN(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, false, SIO_MIN_BYTES);

	if (p)
		print_siginfo_d(d, p);
}

/* a ptrace event stop reported in the high bits: |PTRACE_EVENT_FORK<<16 */
static void print_ptrace_event(struct outbuf *o, unsigned int event)
{
	static const char *const names[] = { NULL, "FORK", "VFORK", "CLONE", "EXEC",
					     "VFORK_DONE", "EXIT", "SECCOMP" };

	if (!event)
		return;
	if (event < ARRAY_SIZE(names))
		ob_printf(o, "|PTRACE_EVENT_%s<<16", names[event]);
	else if (event == 128)
		ob_puts(o, "|PTRACE_EVENT_STOP<<16");
	else
		ob_printf(o, "|%#x<<16", event);
}

/* [{WIFEXITED(s) && WEXITSTATUS(s) == 0}] */
void print_WAIT_STATUS(struct dctx *d, int arg)
{
	struct outbuf *o = d->o;
	const uint8_t *p;
	char buf[16];
	uint32_t s;

	/* nothing is stored when no child changed state (WNOHANG) */
	if (d->exited && !d->failed && d->ret == 0) {
		ob_ptr(o, d->args[arg]);
		return;
	}
	p = d_struct(d, arg, true, 4);
	if (!p)
		return;
	s = rd_u32(p);
	ob_puts(o, "[{");
	/* the W* macros look at the low 16 bits; ptrace events sit above them */
	if (WIFEXITED(s)) {
		ob_printf(o, "WIFEXITED(s) && WEXITSTATUS(s) == %d", WEXITSTATUS(s));
	} else if (WIFSIGNALED(s)) {
		ob_puts(o, "WIFSIGNALED(s) && WTERMSIG(s) == ");
		ob_puts(o, signal_name(WTERMSIG(s), buf, sizeof(buf)));	/* named in every -X style */
		if (WCOREDUMP(s))
			ob_puts(o, " && WCOREDUMP(s)");
	} else if (WIFSTOPPED(s)) {
		ob_puts(o, "WIFSTOPPED(s) && WSTOPSIG(s) == ");
		ob_puts(o, signal_name(WSTOPSIG(s), buf, sizeof(buf)));
	} else if (WIFCONTINUED(s)) {
		ob_puts(o, "WIFCONTINUED(s)");
	} else {
		ob_hex(o, s & 0xffff);
	}
	ob_putc(o, '}');
	print_ptrace_event(o, s >> 16);
	ob_putc(o, ']');
}

/* ---- file descriptors ---- */

void print_FDPAIR(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, true, 8);

	if (!p)
		return;
	ob_putc(d->o, '[');
	print_fd(d, (int32_t)rd_u32(p));
	ob_puts(d->o, ", ");
	print_fd(d, (int32_t)rd_u32(p + 4));
	ob_putc(d->o, ']');
}

void print_INT_PTR_OUT(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, true, 4);

	if (p)
		ob_printf(d->o, "[%d]", (int32_t)rd_u32(p));
}

void print_ULONG_PTR_IN(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, false, 8);

	if (!p)
		return;
	ob_putc(d->o, '[');
	ob_ptr(d->o, rd_u64(p));
	ob_putc(d->o, ']');
}

/* sched_getaffinity: the call returns the bytes of the mask it wrote */
void print_CPUSET_OUT(struct dctx *d, int arg)
{
	const struct sc_blob *b;
	size_t n;

	if (!d->exited || d->failed) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	b = d_mem(d, arg, true);
	if (!b)
		return;
	n = (uint64_t)d->ret < b->len ? (size_t)d->ret : b->len;
	print_bitlist(d->o, blob_data(b), n * 8);
}

/* the kernel's cpumask size in bytes, found as strace does: the first sched_getaffinity size
 * that succeeds (a multiple of a long) */
static unsigned int cpuset_size(void)
{
	static unsigned int size;
	unsigned int n;

	if (size)
		return size;
	for (n = 8; n <= 1u << 20; n *= 2) {
		void *m = calloc(1, n);
		long r;

		if (!m)
			break;
		r = syscall(SYS_sched_getaffinity, 0, n, m);
		free(m);
		if (r > 0) {
			size = (unsigned int)r;
			return size;
		}
		if (errno != EINVAL)
			break;
	}
	size = 128;
	return size;
}

/* sched_setaffinity: the cpusetsize (previous argument) bytes of the mask, at most the kernel's
 * mask size; " ..." when the call passed more */
void print_CPUSET_IN(struct dctx *d, int arg)
{
	uint32_t len = d->args[arg - 1], umove = len, size;
	const struct sc_blob *b;
	bool any = false;
	size_t i;

	if (!d->args[arg]) {
		ob_ptr(d->o, 0);
		return;
	}
	if (!len) {
		ob_puts(d->o, "[]");
		return;
	}
	if (umove > cpuset_size())
		umove = cpuset_size();
	b = d_mem(d, arg, false);
	if (!b)
		return;
	if (b->len < umove) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	size = (umove + 7) / 8 * 8;
	ob_putc(d->o, '[');
	for (i = 0; i < (size_t)umove * 8; i++) {
		if (!(blob_data(b)[i / 8] & (1u << (i % 8))))
			continue;
		if (any)
			ob_putc(d->o, ' ');
		ob_udec(d->o, i);
		any = true;
	}
	if (size < len)
		ob_puts(d->o, any ? " ..." : "...");
	ob_putc(d->o, ']');
}

/* ---- getdents64 ---- */

enum { DIRENT_INO = 0, DIRENT_OFF = 8, DIRENT_RECLEN = 16, DIRENT_TYPE = 18, DIRENT_NAME = 19 };
/* getdents' struct linux_dirent: the name at 18, the type in the record's last byte */
enum { ODIRENT_NAME = 18 };

static void print_dirent(struct dctx *d, const uint8_t *e, unsigned int reclen, bool old)
{
	unsigned int name = old ? ODIRENT_NAME : DIRENT_NAME;
	uint8_t t = old ? e[reclen - 1] : e[DIRENT_TYPE];
	const char *type = xlat_name(&xlat_st_dirent_types, t);
	size_t n = strnlen((const char *)e + name, reclen - name - (old ? 1 : 0));

	ob_printf(d->o, "{d_ino=%llu, d_off=%lld, d_reclen=%u, ",
		  (unsigned long long)rd_u64(e + DIRENT_INO), (long long)rd_u64(e + DIRENT_OFF),
		  reclen);
	if (!old) {
		ob_puts(d->o, "d_type=");
		xlat_print_const(d->o, t, XF_UDEC, type, NULL);
		ob_puts(d->o, ", ");
	}
	ob_puts(d->o, "d_name=");
	print_quoted(d, e + name, n, true, false);
	if (old) {
		ob_puts(d->o, ", d_type=");
		xlat_print_const(d->o, t, XF_UDEC, type, NULL);
	}
	ob_putc(d->o, '}');
}

/* Walks the records in buf, printing them when `print`; returns how many there were.
 * `whole`: the last one ended exactly at the end of buf. `old`: getdents' records. */
static long walk_dirents(struct dctx *d, const uint8_t *buf, size_t len, bool print, bool *whole,
			 bool old)
{
	unsigned int name = old ? ODIRENT_NAME : DIRENT_NAME;
	size_t off = 0;
	long n = 0;

	while (off + name < len) {
		unsigned int reclen = rd_u16(buf + off + DIRENT_RECLEN);

		if (reclen <= name || off + reclen > len)
			break;
		if (print) {
			if (n)
				ob_puts(d->o, ", ");
			print_dirent(d, buf + off, reclen, old);
		}
		off += reclen;
		n++;
	}
	*whole = off == len;
	return n;
}

/* getdents64, getdents: "0x... / * 25 entries * /", or the entries with -v */
static void print_dirents(struct dctx *d, int arg, bool old)
{
	const struct sc_blob *b = NULL;
	size_t len = 0;
	bool whole;
	long n;

	if (!d->exited || d->failed) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	if (d->ret > 0) {
		b = d_mem(d, arg, true);
		if (!b)
			return;
		len = b->len < (uint64_t)d->ret ? b->len : (size_t)d->ret;
	}
	if (!d->s->verbose) {
		/* the count needs every record: it is left out when some were not copied */
		n = b ? walk_dirents(d, blob_data(b), len, false, &whole, old) : 0;
		ob_ptr(d->o, d->args[arg]);
		if (!b || (whole && len == (uint64_t)d->ret))
			ob_printf(d->o, " /* %ld entries */", n);
		return;
	}
	ob_putc(d->o, '[');
	n = b ? walk_dirents(d, blob_data(b), len, true, &whole, old) : 0;
	if (b && (!whole || len < (uint64_t)d->ret))
		ob_puts(d->o, n ? ", ..." : "...");
	ob_putc(d->o, ']');
}

void print_DIRENTS(struct dctx *d, int arg)
{
	print_dirents(d, arg, false);
}

void print_DIRENTS_OLD(struct dctx *d, int arg)
{
	print_dirents(d, arg, true);
}

/* ---- poll and select ---- */

enum { POLLFD_SIZE = 8 };

/* the timeout argument whose remaining time select-like calls print: -1 when none */
static int timeout_arg(const struct dctx *d, bool *usec)
{
	*usec = sc_is(d, "select");
	if (sc_is(d, "ppoll"))
		return 2;
	if (sc_is(d, "select") || sc_is(d, "pselect6") || sc_is(d, "recvmmsg"))
		return 4;
	return -1;
}

/*
 * The remaining time select-like calls wrote back, as text ("" when there is none). strace
 * builds these suffixes in a 1024-byte buffer; the limits below follow from it.
 */
enum { SUFFIX_BUF = 1024 };

static const char *left_str(struct dctx *d, char *buf, size_t len)
{
	bool usec;
	int arg = timeout_arg(d, &usec);
	const struct sc_blob *b;
	const uint8_t *p;

	buf[0] = 0;
	if (arg < 0 || !d->args[arg])
		return buf;
	b = d_blob(d, arg, 0, true);
	if (!b || (b->flags & BLOBF_FAULT) || b->len < 16)
		return buf;
	p = blob_data(b);
	snprintf(buf, len, usec ? "{tv_sec=%lld, tv_usec=%llu}" : "{tv_sec=%lld, tv_nsec=%llu}",
		 (long long)rd_s64(p), (unsigned long long)rd_u64(p + 8));
	return buf;
}

static void print_pollfds_enter(struct dctx *d, int arg)
{
	uint64_t nfds = (uint32_t)d->args[arg + 1], i;	/* an unsigned int */
	const struct sc_blob *b;
	const uint8_t *p;

	if (!d->args[arg] && !nfds) {
		ob_puts(d->o, "NULL");
		return;
	}
	b = d_mem(d, arg, false);
	if (!b)
		return;
	if (b->len < nfds * POLLFD_SIZE && b->len < BSTRACE_CHUNK - POLLFD_SIZE &&
	    !(b->flags & BLOBF_TRUNC)) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	p = blob_data(b);
	ob_putc(d->o, '[');
	for (i = 0; i < nfds; i++) {
		int fd = (int32_t)rd_u32(p + i * POLLFD_SIZE);

		if (i)
			ob_puts(d->o, ", ");
		if ((i >= d->s->strsize && !d->s->verbose) || (i + 1) * POLLFD_SIZE > b->len) {
			ob_puts(d->o, "...");
			break;
		}
		ob_puts(d->o, "{fd=");
		print_fd(d, fd);
		if (fd >= 0) {
			ob_puts(d->o, ", events=");
			xlat_print_flags(d->o, &xlat_st_poll_events, rd_u16(p + i * POLLFD_SIZE + 4),
				    "POLL???");
		}
		ob_putc(d->o, '}');
	}
	ob_putc(d->o, ']');
}

/* an entry that would end past this is shown as "..." */
enum { POLL_ROOM = SUFFIX_BUF - (2 + 2 * 8 + sizeof(", ], ...")) };

/* " ([{fd=3, revents=POLLIN}], left {...})" after the return value */
static void print_pollfds_suffix(struct dctx *d, int arg)
{
	struct outbuf *o = d->o;
	const struct sc_blob *b;
	const uint8_t *p;
	uint64_t i, n, shown = 0;
	char left[64];
	size_t base, mark;

	if (d->failed)
		return;
	if (d->ret == 0) {
		ob_puts(o, " (Timeout)");
		return;
	}
	b = d_blob(d, arg, 0, true);
	if (!b || (b->flags & BLOBF_FAULT))
		return;
	p = blob_data(b);
	n = b->len / POLLFD_SIZE;
	if (n > (uint32_t)d->args[arg + 1])
		n = (uint32_t)d->args[arg + 1];
	ob_puts(o, " (");
	base = o->len;
	for (i = 0; i < n; i++) {
		uint16_t rev = rd_u16(p + i * POLLFD_SIZE + 6);

		if (!rev)
			continue;
		ob_puts(o, o->len == base ? "[" : ", ");
		if (shown >= d->s->strsize && !d->s->verbose) {
			ob_puts(o, "...");
			break;
		}
		mark = o->len;
		ob_printf(o, "{fd=%d, revents=", (int32_t)rd_u32(p + i * POLLFD_SIZE));
		xlat_print_flags(o, &xlat_st_poll_events, rev, NULL);
		ob_putc(o, '}');
		if (o->len - base >= POLL_ROOM) {
			o->len = mark;
			ob_puts(o, "...");
			break;
		}
		shown++;
	}
	if (o->len != base)
		ob_putc(o, ']');
	if (*left_str(d, left, sizeof(left))) {
		if (o->len - base + sizeof(", left ") + strlen(left) < SUFFIX_BUF)
			ob_printf(o, "%sleft %s", o->len == base ? "" : ", ", left);
		else
			ob_puts(o, ", ...");
	}
	if (o->len == base)
		o->len = base - 2;
	else
		ob_putc(o, ')');
}

void print_POLLFDS(struct dctx *d, int arg)
{
	if (d->phase == DP_SUFFIX)
		print_pollfds_suffix(d, arg);
	else
		print_pollfds_enter(d, arg);
}

/* select's fd_set arguments: bits below nfds (args[0]) */
static bool fdset_bits(struct dctx *d, int arg, bool exit, const uint8_t **bits, size_t *nbits)
{
	int nfds = (int32_t)d->args[0];
	const struct sc_blob *b = d_blob(d, arg, 0, exit);

	if (nfds <= 0 || !b || (b->flags & BLOBF_FAULT))
		return false;
	*bits = blob_data(b);
	*nbits = (size_t)nfds < b->len * 8 ? (size_t)nfds : b->len * 8;
	return true;
}

/* fds are appended while the text is shorter than this */
enum { SELECT_ROOM = SUFFIX_BUF - (sizeof(", except [") + 3 * sizeof(int) + 2) };

/*
 * " (in [3], out [4], left {...})", printed once, by the first set. Like strace it stops after
 * `ret` descriptors and closes a list after every set it read, even one that added nothing.
 */
static void print_fdset_suffix(struct dctx *d, int arg)
{
	static const char *const names[] = { "in", "out", "except" };
	struct outbuf *o = d->o;
	int64_t ready = d->ret;
	const char *sep = "";
	char left[64];
	size_t base;
	int i;

	if (arg != 1 || d->failed)
		return;
	if (d->ret == 0) {
		ob_puts(o, " (Timeout)");
		return;
	}
	ob_puts(o, " (");
	base = o->len;
	for (i = 0; i < 3 && ready > 0; i++) {
		const uint8_t *bits;
		bool first = true;
		size_t nbits, j;

		if (!d->args[1 + i] || !fdset_bits(d, 1 + i, true, &bits, &nbits))
			continue;
		for (j = 0; j < nbits && ready > 0; j++) {
			if (!(bits[j / 8] & (1u << (j % 8))))
				continue;
			if (o->len - base < SELECT_ROOM) {
				if (first)
					ob_printf(o, "%s%s [%zu", sep, names[i], j);
				else
					ob_printf(o, " %zu", j);
				first = false;
				sep = ", ";
			}
			ready--;
		}
		/* ready fds past the copy (nfds beyond the capture size): marked, not dropped */
		if (ready > 0 && nbits < (size_t)(int32_t)d->args[0] && !first &&
		    o->len - base < SELECT_ROOM)
			ob_puts(o, " ...");
		if (o->len != base)
			ob_putc(o, ']');
	}
	if (*left_str(d, left, sizeof(left)) &&
	    o->len - base + sizeof("left ") + strlen(left) < SUFFIX_BUF)
		ob_printf(o, "%sleft %s", sep, left);
	ob_putc(o, ')');
}

void print_FDSET(struct dctx *d, int arg)
{
	const uint8_t *bits;
	bool first = true;
	size_t nbits, i;

	if (d->phase == DP_SUFFIX) {
		print_fdset_suffix(d, arg);
		return;
	}
	if (!d->args[arg] || !fdset_bits(d, arg, false, &bits, &nbits)) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	ob_putc(d->o, '[');
	for (i = 0; i < nbits; i++) {
		if (!(bits[i / 8] & (1u << (i % 8))))
			continue;
		if (!first)
			ob_putc(d->o, ' ');
		print_fd(d, i);
		first = false;
	}
	/* nfds past the capture size: the rest of the set is not known, and says so */
	if (nbits < (size_t)(int32_t)d->args[0])
		ob_puts(d->o, first ? "..." : " ...");
	ob_putc(d->o, ']');
}

/* The timeout of select-like calls, printed at entry; its remaining time goes in the suffix
 * printed by the fd arguments (kinds TIMESPEC_INOUT, TIMEVAL_INOUT when kinds.def has them). */
void print_TIMESPEC_INOUT(struct dctx *d, int arg);
void print_TIMEVAL_INOUT(struct dctx *d, int arg);

void print_TIMESPEC_INOUT(struct dctx *d, int arg)
{
	if (d->phase != DP_SUFFIX)
		print_TIMESPEC_IN(d, arg);
}

void print_TIMEVAL_INOUT(struct dctx *d, int arg)
{
	if (d->phase != DP_SUFFIX)
		print_TIMEVAL_IN(d, arg);
}

/* recvmmsg's timeout: the time left after the return value, " (left {...})" */
void print_MMSG_TIMEOUT(struct dctx *d, int arg)
{
	char left[64];

	if (d->phase != DP_SUFFIX) {
		print_TIMESPEC_IN(d, arg);
		return;
	}
	if (!d->failed && *left_str(d, left, sizeof(left)))
		ob_printf(d->o, " (left %s)", left);
}

/* ---- epoll ---- */

/* struct epoll_event is packed on x86_64 only */
#if defined(__x86_64__)
enum { EPEV_SIZE = 12, EPEV_DATA = 4 };
#else
enum { EPEV_SIZE = 16, EPEV_DATA = 8 };
#endif

static void print_epoll_event(struct outbuf *o, const uint8_t *p)
{
	uint64_t data = rd_u64(p + EPEV_DATA);

	ob_puts(o, "{events=");
	xlat_print_flags(o, &xlat_st_epoll_events, rd_u32(p), "EPOLL???");
	ob_printf(o, ", data={u32=%u, u64=%llu}}", (uint32_t)data, (unsigned long long)data);
}

void print_EPOLL_EVENT_IN(struct dctx *d, int arg)
{
	const uint8_t *p;

	/* EPOLL_CTL_DEL ignores the event: its address */
	if ((uint32_t)d->args[1] == 2) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	p = d_struct(d, arg, false, EPEV_SIZE);

	if (p)
		print_epoll_event(d->o, p);
}

void print_EPOLL_EVENTS_OUT(struct dctx *d, int arg)
{
	const struct sc_blob *b;
	uint64_t i, n;

	if (!d->exited || d->failed) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	if (d->ret == 0) {
		ob_puts(d->o, "[]");
		return;
	}
	b = d_mem(d, arg, true);
	if (!b)
		return;
	n = d->ret;
	ob_putc(d->o, '[');
	for (i = 0; i < n; i++) {
		if (i)
			ob_puts(d->o, ", ");
		if ((i >= d->s->strsize && !d->s->verbose) || (i + 1) * EPEV_SIZE > b->len) {
			ob_puts(d->o, "...");
			break;
		}
		print_epoll_event(d->o, blob_data(b) + i * EPEV_SIZE);
	}
	ob_putc(d->o, ']');
}

/* ---- clone3, openat2: extensible structs with their size in the next argument ---- */

/*
 * The bytes past the fields known, as strace checks them (up to a page): all zero, nothing; an
 * unreadable tail (the copy faulted past the fields: BLOBF_PART), ", ???"; else
 * , / * bytes 88..95 * / "\x01..." (at most -s bytes, then "..."). `pfx` goes before what
 * prints (", "); true when something did.
 */
static bool print_struct_tail_pfx(struct dctx *d, const struct sc_blob *b, size_t known,
				  const char *pfx)
{
	const uint8_t *p = blob_data(b);
	size_t i, n;

	if (b->flags & BLOBF_FAULT) {
		ob_printf(d->o, "%s???", pfx);
		return true;
	}
	if (b->len <= known)
		return false;
	for (i = known; i < b->len; i++)
		if (p[i])
			break;
	if (i == b->len)
		return false;
	/* strace shows these bytes in hex whatever -x says */
	ob_printf(d->o, "%s/* bytes %zu..%u */ \"", pfx, known, b->len - 1);
	n = b->len - known;
	if (n > d->s->strsize)
		n = d->s->strsize;
	for (i = known; i < known + n; i++)
		ob_printf(d->o, "\\x%02x", p[i]);
	ob_putc(d->o, '"');
	if (known + n < b->len)
		ob_puts(d->o, "...");
	return true;
}

static void print_struct_tail(struct dctx *d, const struct sc_blob *b, size_t known)
{
	print_struct_tail_pfx(d, b, known, ", ");
}

/*
 * A struct the kernel reads `args[arg + 1]` bytes of, `known` of them the fields printed: the
 * pointer when the size is below `min` or the fields cannot be read; a copy that faulted after
 * them is returned (its tail prints as "???")
 */
static const struct sc_blob *ext_struct(struct dctx *d, int arg, size_t min, size_t known)
{
	uint64_t size = d->args[arg + 1];
	size_t need = size < known ? (size_t)size : known;
	const struct sc_blob *b;

	if (size < min) {
		ob_ptr(d->o, d->args[arg]);
		return NULL;
	}
	b = d_mem_prefix(d, arg, false, need);
	if (b && b->len < need) {
		ob_ptr(d->o, d->args[arg]);
		return NULL;
	}
	return b;
}

enum {
	CA_FLAGS = 0, CA_PIDFD = 8, CA_CHILD_TID = 16, CA_PARENT_TID = 24, CA_EXIT_SIGNAL = 32,
	CA_STACK = 40, CA_STACK_SIZE = 48, CA_TLS = 56, CA_SET_TID = CLONE_ARGS_SET_TID_OFF, CA_SET_TID_SIZE = 72,
	CA_CGROUP = 80, CA_SIZE_VER0 = 64, CA_SIZE_VER1 = 80, CA_SIZE_VER2 = 88,
	CLONE_PIDFD_ = 0x1000, CLONE_PARENT_SETTID_ = 0x100000, CLONE_CHILD_CLEARTID_ = 0x200000,
	CLONE_CHILD_SETTID_ = 0x1000000, CLONE_SETTLS_ = 0x80000,
};
#define CLONE_INTO_CGROUP_ 0x200000000ULL	/* linux/sched.h */

static void print_ca_ptr(struct outbuf *o, const char *name, const uint8_t *p, int off)
{
	ob_printf(o, ", %s=", name);
	ob_ptr(o, rd_u64(p + off));
}

/*
 * The first min(size, CA_SIZE_VER2) bytes of the struct, the rest zero, as strace reads it: a
 * field only partly within `size` counts with the bytes it has (cgroup with a size of 84)
 */
static void ca_fetch(const struct dctx *d, int arg, const struct sc_blob *b, uint8_t *ca)
{
	uint64_t size = d->args[arg + 1];
	size_t n = size < CA_SIZE_VER2 ? (size_t)size : CA_SIZE_VER2;

	if (n > b->len)
		n = b->len;
	memset(ca, 0, CA_SIZE_VER2);
	memcpy(ca, blob_data(b), n);
}

/* [N] read after the call at a pointer of the struct (blob `sub`): NULL, or the address when
 * the int was not readable */
static void print_ca_int(struct dctx *d, int arg, int sub, uint64_t ptr)
{
	const struct sc_blob *b = d_blob(d, arg, sub, true);

	if (!ptr || !b || (b->flags & BLOBF_FAULT) || b->len < 4) {
		ob_ptr(d->o, ptr);
		return;
	}
	ob_printf(d->o, "[%d]", rd_s32(blob_data(b)));
}

/*
 * What the call left in the struct, read after it: " => {pidfd=[3], parent_tid=[1234]}", the
 * bytes past the known fields again (", ???" when unreadable); nothing when none of that is
 * there. Only for a call that succeeded, and only if the entering part had something to show
 * (`want`); a struct no longer readable prints as " => 0x...".
 */
static void print_clone3_result(struct dctx *d, int arg, bool want)
{
	uint64_t size = d->args[arg + 1];
	size_t need = size < CA_SIZE_VER2 ? (size_t)size : CA_SIZE_VER2;
	const struct sc_blob *b;
	uint8_t ca[CA_SIZE_VER2];
	struct outbuf *o = d->o;
	const char *pfx = " => {";
	uint64_t flags;

	if (!want || !d->exited || d->failed)
		return;
	b = d_blob(d, arg, 0, true);
	if (!b || ((b->flags & BLOBF_FAULT) && !(b->flags & BLOBF_PART)) || b->len < need) {
		ob_puts(o, " => ");
		ob_ptr(o, d->args[arg]);
		return;
	}
	ca_fetch(d, arg, b, ca);
	flags = rd_u64(ca + CA_FLAGS);
	if (flags & CLONE_PIDFD_) {
		ob_printf(o, "%spidfd=", pfx);
		print_ca_int(d, arg, 2, rd_u64(ca + CA_PIDFD));
		pfx = ", ";
	}
	if (flags & CLONE_PARENT_SETTID_) {
		ob_printf(o, "%sparent_tid=", pfx);
		print_ca_int(d, arg, 3, rd_u64(ca + CA_PARENT_TID));
		pfx = ", ";
	}
	if (size > CA_SIZE_VER2 && print_struct_tail_pfx(d, b, CA_SIZE_VER2, pfx))
		pfx = ", ";
	if (strcmp(pfx, " => {"))
		ob_putc(o, '}');
}

/* set_tid: `n` pid_t (the copy BPF made at the pointer, blob sub 1) when there are 1 to
 * MAX_PID_NS_LEVEL of them and all are readable, else the address */
#define SET_TID_MAX	32

static void print_set_tid(struct dctx *d, int arg, uint64_t ptr, uint64_t n)
{
	const struct sc_blob *b = d_blob(d, arg, 1, false);
	struct outbuf *o = d->o;
	uint64_t i;

	ob_puts(o, ", set_tid=");
	if (!ptr || !n || n > SET_TID_MAX || !b || b->len < n * 4 ||
	    ((b->flags & BLOBF_FAULT) && !(b->flags & BLOBF_PART))) {
		ob_ptr(o, ptr);
		return;
	}
	ob_putc(o, '[');
	for (i = 0; i < n; i++) {
		if (i)
			ob_puts(o, ", ");
		if (i >= d->s->strsize && !d->s->verbose) {
			ob_puts(o, "...");
			break;
		}
		ob_dec(o, rd_s32(blob_data(b) + i * 4));
	}
	ob_putc(o, ']');
}

void print_CLONE_ARGS(struct dctx *d, int arg)
{
	const struct sc_blob *b = ext_struct(d, arg, CA_SIZE_VER0, CA_SIZE_VER2);
	uint64_t size = d->args[arg + 1];
	struct outbuf *o = d->o;
	uint8_t ca[CA_SIZE_VER2];
	const uint8_t *p = ca;
	uint64_t flags;

	if (!b)
		return;
	ca_fetch(d, arg, b, ca);
	flags = rd_u64(p + CA_FLAGS);
	ob_puts(o, "{flags=");
	xlat_print_flags(o, &xlat_clone3_flags, flags, "CLONE_???");
	if (flags & CLONE_PIDFD_)
		print_ca_ptr(o, "pidfd", p, CA_PIDFD);
	if (flags & (CLONE_CHILD_SETTID_ | CLONE_CHILD_CLEARTID_))
		print_ca_ptr(o, "child_tid", p, CA_CHILD_TID);
	if (flags & CLONE_PARENT_SETTID_)
		print_ca_ptr(o, "parent_tid", p, CA_PARENT_TID);
	ob_puts(o, ", exit_signal=");
	if (rd_u64(p + CA_EXIT_SIGNAL) < INT_MAX)
		print_signal(o, (int)rd_u64(p + CA_EXIT_SIGNAL));
	else
		ob_printf(o, "%llu", (unsigned long long)rd_u64(p + CA_EXIT_SIGNAL));
	print_ca_ptr(o, "stack", p, CA_STACK);
	ob_puts(o, ", stack_size=");
	ob_hex(o, rd_u64(p + CA_STACK_SIZE));
	if (flags & CLONE_SETTLS_)
		print_ca_ptr(o, "tls", p, CA_TLS);
	/* the fields strace fetched any byte of */
	if (size > CA_SET_TID && (rd_u64(p + CA_SET_TID) || rd_u64(p + CA_SET_TID_SIZE))) {
		print_set_tid(d, arg, rd_u64(p + CA_SET_TID), rd_u64(p + CA_SET_TID_SIZE));
		ob_printf(o, ", set_tid_size=%llu", (unsigned long long)rd_u64(p + CA_SET_TID_SIZE));
	}
	if (size > CA_CGROUP && (rd_u64(p + CA_CGROUP) || (flags & CLONE_INTO_CGROUP_)))
		ob_printf(o, ", cgroup=%llu", (unsigned long long)rd_u64(p + CA_CGROUP));
	if (size > CA_SIZE_VER2)
		print_struct_tail(d, b, CA_SIZE_VER2);
	ob_putc(o, '}');
	print_clone3_result(d, arg, (flags & (CLONE_PIDFD_ | CLONE_PARENT_SETTID_)) ||
				    size > CA_SIZE_VER2);
}

enum { OH_FLAGS = 0, OH_MODE = 8, OH_RESOLVE = 16, OH_SIZE_VER0 = 24 };

void print_OPEN_HOW(struct dctx *d, int arg)
{
	const struct sc_blob *b = ext_struct(d, arg, OH_SIZE_VER0, OH_SIZE_VER0);
	struct outbuf *o = d->o;
	const uint8_t *p;
	uint64_t flags, mode;

	if (!b)
		return;
	p = blob_data(b);
	flags = rd_u64(p + OH_FLAGS);
	mode = rd_u64(p + OH_MODE);
	ob_puts(o, "{flags=");
	print_open_flags(o, flags);
	if (mode || (flags & (0100 | 020000000)))	/* O_CREAT, __O_TMPFILE */
		ob_printf(o, ", mode=%#03llo", (unsigned long long)mode);
	ob_puts(o, ", resolve=");
	xlat_print_flags(o, &xlat_st_resolve_flags, rd_u64(p + OH_RESOLVE), "RESOLVE_???");
	print_struct_tail(d, b, OH_SIZE_VER0);
	ob_putc(o, '}');
}

/* modify_ldt's struct user_desc (asm/ldt.h), read only when bytecount is its size */
void print_USER_DESC(struct dctx *d, int arg)
{
	const uint8_t *p;
	uint32_t entry, flags;

	if (d->args[2] != 16) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	p = d_struct(d, arg, false, 16);
	if (!p)
		return;
	entry = rd_u32(p);
	flags = rd_u32(p + 12);
	if (entry == UINT32_MAX)
		ob_puts(d->o, "{entry_number=-1");
	else
		ob_printf(d->o, "{entry_number=%u", entry);
	/* strace's %#08x: no 0x for 0 */
	ob_printf(d->o, ", base_addr=%#08x, limit=%#08x, seg_32bit=%u, contents=%u, "
		  "read_exec_only=%u, limit_in_pages=%u, seg_not_present=%u, useable=%u, lm=%u}",
		  rd_u32(p + 4), rd_u32(p + 8), flags & 1, (flags >> 1) & 3, (flags >> 3) & 1,
		  (flags >> 4) & 1, (flags >> 5) & 1, (flags >> 6) & 1, (flags >> 7) & 1);
}
