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
const struct sc_num sc_nums[] = {
#include SC_ARCH_HEADER
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
		by_nr[nr] = sc_def_by_name(sc_nums[i].name);
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
		if (!strcmp(sc_nums[i].name, name))
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
