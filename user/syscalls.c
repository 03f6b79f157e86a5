// SPDX-License-Identifier: GPL-2.0
/* The syscall table: rows from syscalls.def, numbers from sysnums/<arch>.h, joined by name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysinfo.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/epoll.h>
#include "syscalls.h"

#define X_NAME(id, name) [id] = name,
const char *const subsystem_names[SUB__COUNT] = { SUBSYSTEMS(X_NAME) };
#undef X_NAME

/* A kind whose printer is not linked in prints raw (print_arg); a unit test lists them. */
#define KIND(nm, d, c, sz, l, el) void print_##nm(struct dctx *d, int arg) __attribute__((weak));
#include "kinds.def"
#undef KIND

const struct kind_def kinds[K__COUNT] = {
#define KIND(nm, d, c, sz, l, el) \
	[K_##nm] = { .name = #nm, .dir = d, .cap = c, .len = l, .elem = el, .size = sz, \
		     .print = print_##nm },
#include "kinds.def"
#undef KIND
};

const uint8_t kind_types[K__COUNT] = {
#define KIND(nm, d, c, sz, l, el)
#define KTYPE(nm, t) [K_##nm] = t,
#include "kinds.def"
#undef KTYPE
#undef KIND
};

uint64_t arg_narrow(unsigned int type, uint64_t v)
{
	switch (type) {
	case T_INT: return (uint64_t)(int64_t)(int32_t)v;
	case T_UINT: return (uint32_t)v;
	case T_UMODE: return (uint16_t)v;
	default: return v;
	}
}

/* SC(name, classes, subsystem, return kind, argument kinds...) */
#define PP_NARG(...) PP_NARG_(_, ##__VA_ARGS__, 6, 5, 4, 3, 2, 1, 0)
#define PP_NARG_(_0, _1, _2, _3, _4, _5, _6, N, ...) N
#define KS0()
#define KS1(a) K_##a
#define KS2(a, b) K_##a, K_##b
#define KS3(a, b, c) K_##a, K_##b, K_##c
#define KS4(a, b, c, d) K_##a, K_##b, K_##c, K_##d
#define KS5(a, b, c, d, e) K_##a, K_##b, K_##c, K_##d, K_##e
#define KS6(a, b, c, d, e, f) K_##a, K_##b, K_##c, K_##d, K_##e, K_##f
#define KS_(n, ...) KS##n(__VA_ARGS__)
#define KS(n, ...) KS_(n, ##__VA_ARGS__)
#define SC(nm, c, s, r, ...)                                                        \
	{ .name = #nm, .cls = (c), .sub = (s), .ret = (r), .nargs = PP_NARG(__VA_ARGS__), \
	  .arg = { KS(PP_NARG(__VA_ARGS__), ##__VA_ARGS__) } },
const struct sc_def sc_defs[] = {
#include "syscalls.def"
};
#undef SC
const size_t sc_ndefs = ARRAY_SIZE(sc_defs);

#define SYSNUM(nm, n) { #nm, n },
#define SYSNUM_COUNT(nm, n) 1 +
static const size_t n_native =
#undef SYSNUM
#define SYSNUM SYSNUM_COUNT
#include SC_ARCH_HEADER
	0;
#undef SYSNUM
#define SYSNUM(nm, n) { #nm, n },
const struct sc_num sc_nums[] = {
#include SC_ARCH_HEADER
#ifdef SC_COMPAT_HEADER
#undef SYSNUM
#define SYSNUM(nm, n) { #nm, (n) + BSTRACE_COMPAT_BASE },
#include SC_COMPAT_HEADER
#endif
};
#undef SYSNUM
const size_t sc_nnums = ARRAY_SIZE(sc_nums);

static const struct sc_def *by_nr[BSTRACE_NR_MAX];
static const char *name_by_nr[BSTRACE_NR_MAX];
static const struct sc_def **sorted;

static int cmp_def(const void *a, const void *b)
{
	return strcmp((*(const struct sc_def *const *)a)->name,
		      (*(const struct sc_def *const *)b)->name);
}

static int cmp_key(const void *key, const void *elem)
{
	return strcmp(key, (*(const struct sc_def *const *)elem)->name);
}

const struct sc_def *sc_def_by_name(const char *name)
{
	const struct sc_def **p = bsearch(name, sorted, sc_ndefs, sizeof(*sorted), cmp_key);

	return p ? *p : NULL;
}

/*
 * 32-bit calls whose arguments are not the 64-bit call's: a 64-bit value split over two registers
 * (arm's EABI also aligns it to an even register), or an old ABI that passes one struct (i386's
 * mmap and select), or another order (i386's clone: tls before child_tidptr), or 16-bit ids in
 * an array (the old getgroups, setgroups). They print raw.
 */
static const char *const compat_raw[] = {
	"mmap", "select", "clone", "pread64", "pwrite64", "preadv", "pwritev", "preadv2",
	"pwritev2", "fallocate", "sync_file_range", "readahead", "fadvise64", "fanotify_mark",
	"lookup_dcookie", "getgroups", "setgroups",
};

/* 32-bit calls decoded as a 64-bit one of another name (strace prints them so) */
static const struct {
	const char *name, *native;
	uint8_t flags;
} compat_alias[] = {
	{ "ugetrlimit", "getrlimit", 0 }, { "_newselect", "select", 0 },
	{ "fcntl64", "fcntl", 0 }, { "stat64", "stat", 0 }, { "lstat64", "lstat", 0 },
	{ "fstat64", "fstat", 0 }, { "fstatat64", "newfstatat", 0 },
	{ "sendfile64", "sendfile", 0 }, { "mmap2", "mmap", SCC_PGOFF },
	{ "clock_gettime64", "clock_gettime", SCC_TIME64 },
	{ "clock_settime64", "clock_settime", SCC_TIME64 },
	{ "clock_adjtime64", "clock_adjtime", SCC_TIME64 },
	{ "timer_gettime64", "timer_gettime", SCC_TIME64 },
	{ "timer_settime64", "timer_settime", SCC_TIME64 },
	{ "timerfd_gettime64", "timerfd_gettime", SCC_TIME64 },
	{ "timerfd_settime64", "timerfd_settime", SCC_TIME64 },
};

static uint8_t compat_flags[BSTRACE_NR_MAX];
static bool compat_known[BSTRACE_NR_MAX];

bool sc_is_compat(uint32_t nr)
{
	return nr >= BSTRACE_COMPAT_BASE && nr < BSTRACE_NR_MAX && compat_known[nr];
}

unsigned int sc_compat_flags(uint32_t nr)
{
	return nr < BSTRACE_NR_MAX ? compat_flags[nr] : 0;
}

bool kind_compat_safe(uint32_t nr, unsigned int kind)
{
	if (kind >= K__COUNT)
		return false;
	if (kinds[kind].cap == CAP_NONE)
		return true;
	switch (kind) {
	/* bytes, or structs of fixed-size fields, the same in both */
	case K_PATH: case K_STR: case K_BUF_IN: case K_BUF_OUT: case K_RANDOM_OUT: case K_KEXEC_CMDLINE:
	case K_NLBUF_IN: case K_NLBUF_OUT:
	case K_PATH_OUT: case K_LINK_OUT: case K_PRCTL_ARG5: case K_SOCKADDR_IN:
	case K_SOCKADDR_OUT: case K_SOCKLEN_PTR: case K_SOCKOPT_VAL_IN: case K_SOCKOPT_VAL_OUT:
	case K_CLONE_ARGS: case K_OPEN_HOW: case K_DIRENTS: case K_STATX: case K_FDPAIR:
	case K_INT_PTR_IN: case K_INT_PTR_OUT: case K_WAIT_STATUS: case K_POLLFDS:
	case K_LOFF_PTR_IN: case K_SIGSET_IN: case K_SIGSET_OUT: case K_LANDLOCK_RULESET_ATTR:
	case K_FUTEX_WAITERS:
	/* bit sets of longs: the same bits on a little-endian machine */
	case K_FDSET: case K_CPUSET_OUT:
	/* packed on x86, 8-aligned on arm: 12 and 16 bytes in both */
	case K_EPOLL_EVENT_IN: case K_EPOLL_EVENTS_OUT:
	/* the quota structs: the same but i386's fs_quota_stat, which its printer knows */
	case K_QUOTACTL_ADDR:
		return true;
	/* the *_time64 calls take the 64-bit timespec */
	case K_TIMESPEC_IN: case K_TIMESPEC_OUT: case K_TIMESPEC_INOUT: case K_MMSG_TIMEOUT:
	case K_ITIMERSPEC_IN: case K_ITIMERSPEC_OUT: case K_TIMESPEC_UTIME_PAIR: case K_FUTEX_TIMEOUT:
		return sc_compat_flags(nr) & SCC_TIME64;
	}
	return false;
}

static bool has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);

	return n > m && !strcmp(s + n - m, suf);
}

/* the 64-bit definition a 32-bit call `name` is decoded with, NULL to print it raw */
static const struct sc_def *compat_def(const char *name, uint32_t nr)
{
	char base[64];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(compat_raw); i++)
		if (!strcmp(name, compat_raw[i]))
			return NULL;
	for (i = 0; i < ARRAY_SIZE(compat_alias); i++) {
		if (!strcmp(name, compat_alias[i].name)) {
			compat_flags[nr] = compat_alias[i].flags;
			return sc_def_by_name(compat_alias[i].native);
		}
	}
	/* getuid32 and the other 32-bit id calls; futex_time64 and the other *_time64 */
	snprintf(base, sizeof(base), "%s", name);
	if (has_suffix(base, "32")) {
		base[strlen(base) - 2] = 0;
		return sc_def_by_name(base);
	}
	if (has_suffix(base, "_time64")) {
		base[strlen(base) - 7] = 0;
		compat_flags[nr] = SCC_TIME64;
		return sc_def_by_name(base);
	}
	return sc_def_by_name(name);
}

void syscalls_init(void)
{
	size_t i;

	if (sorted)
		return;
	sorted = malloc(sc_ndefs * sizeof(*sorted));
	if (!sorted)
		die("out of memory");
	for (i = 0; i < sc_ndefs; i++)
		sorted[i] = &sc_defs[i];
	qsort(sorted, sc_ndefs, sizeof(*sorted), cmp_def);
	for (i = 0; i < sc_nnums; i++) {
		uint32_t nr = sc_nums[i].nr;

		if (nr >= BSTRACE_NR_MAX)
			continue;
		name_by_nr[nr] = sc_nums[i].name;
		if (i >= n_native)
			compat_known[nr] = true;
		by_nr[nr] = sc_is_compat(nr) ? compat_def(sc_nums[i].name, nr) :
					       sc_def_by_name(sc_nums[i].name);
	}
}

const struct sc_def *sc_by_nr(uint32_t nr)
{
	return nr < BSTRACE_NR_MAX ? by_nr[nr] : NULL;
}

const char *sc_name(uint32_t nr, char *buf, size_t len)
{
	if (nr < BSTRACE_NR_MAX && name_by_nr[nr])
		return name_by_nr[nr];
	snprintf(buf, len, "syscall_%#x", nr);
	return buf;
}

int sc_nr_by_name(const char *name)
{
	size_t i;

	for (i = 0; i < sc_nnums; i++)
		if (i < n_native && !strcmp(sc_nums[i].name, name))
			return sc_nums[i].nr;
	return -1;
}

int sc_compat_nr_by_name(const char *name)
{
	size_t i;

	for (i = 0; i < sc_nnums; i++)
		if (i >= n_native && !strcmp(sc_nums[i].name, name))
			return sc_nums[i].nr;
	return -1;
}

void sc_select_class(uint8_t *set, uint32_t cls)
{
	size_t i;

	for (i = 0; i < sc_nnums; i++) {
		const struct sc_def *d = sc_by_nr(sc_nums[i].nr);

		if (d && (d->cls & cls) && sc_nums[i].nr < BSTRACE_NR_MAX)
			set[sc_nums[i].nr] = 1;
	}
}
