// SPDX-License-Identifier: GPL-2.0
/* The 32-bit tables (sysnums/i386.h, arm.h): indexes, names, the 64-bit rows they decode with. */
#include <stdlib.h>
#include "check.h"
#include "filter.h"
#include "syscalls.h"

void die(const char *fmt, ...)
{
	fprintf(stderr, "die: %s\n", fmt);
	exit(2);
}

void warnx_(const char *fmt, ...)
{
}

int main(void)
{
#ifdef SC_COMPAT_HEADER
	static struct settings s;
	char buf[32];
	size_t i;
	int nr, n64, nc = 0;

	syscalls_init();
	/* one index space: the 64-bit table below BSTRACE_COMPAT_BASE, the 32-bit one above */
	for (i = 0; i < sc_nnums; i++) {
		if (sc_is_compat(sc_nums[i].nr))
			nc++;
		else
			CHECK(sc_nums[i].nr < BSTRACE_COMPAT_BASE, "64-bit %s at %u", sc_nums[i].name,
			      sc_nums[i].nr);
	}
	CHECK(nc > 300, "32-bit table: %d calls", nc);

	/* getppid is 64 in both i386 and arm EABI, and some other call in the 64-bit table */
	nr = sc_compat_nr_by_name("getppid");
	CHECK(nr == BSTRACE_COMPAT_BASE + 64, "32-bit getppid at %d", nr);
	CHECK_STR(sc_name(nr, buf, sizeof(buf)), "getppid");
	CHECK(sc_by_nr(nr) == sc_def_by_name("getppid"), "32-bit getppid's row");
	n64 = sc_nr_by_name("getppid");
	CHECK(n64 >= 0 && n64 != 64 && n64 < BSTRACE_COMPAT_BASE, "64-bit getppid at %d", n64);

	/* aliases: strace's names, the 64-bit rows */
	nr = sc_compat_nr_by_name("mmap2");
	CHECK(nr > 0 && sc_by_nr(nr) == sc_def_by_name("mmap"), "mmap2 decodes as mmap");
	CHECK(sc_compat_flags(nr) & SCC_PGOFF, "mmap2's offset is in pages");
	nr = sc_compat_nr_by_name("getuid32");
	CHECK(nr > 0 && sc_by_nr(nr) == sc_def_by_name("getuid"), "getuid32 decodes as getuid");
	nr = sc_compat_nr_by_name("ugetrlimit");
	CHECK(nr > 0 && sc_by_nr(nr) == sc_def_by_name("getrlimit"), "ugetrlimit");

	/* 64-bit timespecs only in the time64 calls */
	nr = sc_compat_nr_by_name("clock_gettime64");
	CHECK(nr > 0 && sc_by_nr(nr) == sc_def_by_name("clock_gettime"), "clock_gettime64");
	CHECK(kind_compat_safe(nr, K_TIMESPEC_OUT), "clock_gettime64's timespec decodes");
	nr = sc_compat_nr_by_name("clock_gettime");
	CHECK(nr > 0 && !kind_compat_safe(nr, K_TIMESPEC_OUT), "old clock_gettime's does not");
	nr = sc_compat_nr_by_name("futex_time64");
	CHECK(nr > 0 && sc_by_nr(nr) == sc_def_by_name("futex") &&
	      (sc_compat_flags(nr) & SCC_TIME64), "futex_time64");

	/* a 64-bit value in two registers: raw */
	nr = sc_compat_nr_by_name("pread64");
	CHECK(nr > 0 && !sc_by_nr(nr), "32-bit pread64 prints raw");
	CHECK(sc_by_nr(sc_nr_by_name("pread64")), "64-bit pread64 decodes");

	/* kinds: bytes and fixed-size structs only */
	nr = sc_compat_nr_by_name("read");
	CHECK(kind_compat_safe(nr, K_PATH) && kind_compat_safe(nr, K_BUF_OUT) &&
	      kind_compat_safe(nr, K_FD) && kind_compat_safe(nr, K_STATX), "safe kinds");
	CHECK(!kind_compat_safe(nr, K_STAT) && !kind_compat_safe(nr, K_STRV) &&
	      !kind_compat_safe(nr, K_IOV_IN) && !kind_compat_safe(nr, K_RUSAGE) &&
	      !kind_compat_safe(nr, K_SIGINFO_OUT), "layouts that differ");

	/* -e trace=NAME takes both personalities' calls */
	filter_parse(&s, "trace=getppid");
	filter_defaults(&s);
	CHECK(s.trace[sc_nr_by_name("getppid")] && s.trace[sc_compat_nr_by_name("getppid")],
	      "trace=getppid: both");
	CHECK(!s.trace[sc_compat_nr_by_name("read")], "trace=getppid: not 32-bit read");
#else
	printf("no 32-bit table on this arch\n");
#endif
	return check_done();
}
