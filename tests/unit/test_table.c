// SPDX-License-Identifier: GPL-2.0
/*
 * The syscall table against the generated per-arch numbers: every row names a real syscall,
 * every syscall of this arch has a row, rows are well-formed, every kind has a printer.
 */
#include <stdlib.h>
#include "check.h"
#include "decode.h"
#include "syscalls.h"

void die(const char *fmt, ...)
{
	fprintf(stderr, "die: %s\n", fmt);
	exit(2);
}

void warnx_(const char *fmt, ...)
{
}

#define SYSNUM(nm, n) #nm,
static const char *const all_arch_names[] = {
#include "sysnums/x86_64.h"
#include "sysnums/aarch64.h"
#include "sysnums/riscv64.h"
};
#undef SYSNUM

static bool known_anywhere(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(all_arch_names); i++)
		if (!strcmp(all_arch_names[i], name))
			return true;
	return false;
}

int main(void)
{
	size_t i, j;
	int k;

	syscalls_init();
	for (i = 0; i < sc_ndefs; i++) {
		const struct sc_def *d = &sc_defs[i];

		CHECK(known_anywhere(d->name), "row '%s' is no syscall of x86_64/aarch64/riscv64",
		      d->name);
		CHECK(d->sub < SUB__COUNT, "row '%s': bad subsystem", d->name);
		CHECK(d->nargs <= BSTRACE_MAX_ARGS, "row '%s': too many arguments", d->name);
		/* a return kind decoded by the call has its printer */
		CHECK(d->ret < R__COUNT, "row '%s': bad return kind", d->name);
		CHECK(d->ret < R_FCNTL || (d->ret < R__COUNT && ret_printers[d->ret]),
		      "row '%s': return kind %u has no printer", d->name, d->ret);
		for (k = 0; k < d->nargs; k++)
			CHECK(d->arg[k] > K_NONE && d->arg[k] < K__COUNT, "row '%s': arg %d kind",
			      d->name, k);
		for (j = i + 1; j < sc_ndefs; j++)
			CHECK(strcmp(d->name, sc_defs[j].name), "row '%s' appears twice", d->name);
		/* the length of a buffer is the argument after it */
		for (k = 0; k < d->nargs; k++) {
			const struct kind_def *kd = &kinds[d->arg[k]];

			if (kd->len == L_NEXT)
				CHECK(k + 1 < d->nargs, "row '%s': %s needs a length argument after it",
				      d->name, kd->name);
		}
	}
	for (i = 0; i < sc_nnums; i++) {
		/* the 32-bit table's calls may print raw (test_compat.c) */
		CHECK(sc_is_compat(sc_nums[i].nr) || sc_by_nr(sc_nums[i].nr) != NULL,
		      "%s syscall '%s' (%u) has no table row", SC_ARCH_NAME, sc_nums[i].name,
		      sc_nums[i].nr);
		CHECK(sc_nums[i].nr < BSTRACE_NR_MAX, "'%s' numbered past BSTRACE_NR_MAX",
		      sc_nums[i].name);
	}
	for (k = 1; k < K__COUNT; k++) {
		CHECK(kinds[k].print != NULL, "kind %s has no printer", kinds[k].name);
		/* every kind says its C type; a kind that copies memory is a pointer */
		CHECK(kind_types[k] != T_NONE, "kind %s has no KTYPE row", kinds[k].name);
		CHECK(kinds[k].cap == CAP_NONE || kind_types[k] == T_PTR ||
		      kind_types[k] == T_ULONG, "kind %s copies memory but is not a pointer",
		      kinds[k].name);
	}
	/* how a register is narrowed to each type */
	CHECK(arg_narrow(T_INT, 0xdefaced80000000ull) == 0xffffffff80000000ull, "int");
	CHECK(arg_narrow(T_UINT, 0xdefaced00000800ull) == 0x800, "unsigned int");
	CHECK(arg_narrow(T_UMODE, 0xffffffffffff0000ull) == 0, "umode_t");
	CHECK(arg_narrow(T_PTR, 0xdefaced00000800ull) == 0xdefaced00000800ull, "pointer");
	CHECK(sc_nr_by_name("openat") >= 0, "openat has a number");
	return check_done();
}
