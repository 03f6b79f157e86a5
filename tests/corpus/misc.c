/* bstrace-test: --skip-startup */
/*
 * No -e trace: every syscall is traced, including the unknown syscall
 * 1000 (strace has no name to select it by), the final write of stdout
 * and exit_group.  Everything after the first expected line must be
 * predicted, so only raw syscalls are used.
 */
#include "corpus.h"
#include <linux/futex.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/sysinfo.h>
#include <sys/times.h>
#include <time.h>

int main(void)
{
	static unsigned int word = 1;
	struct timespec ts = { 0, 0 };
	struct sysinfo si;
	char name[16];
	long rc;

	/* unknown syscall number: name syscall_0x..., all 6 args in hex */
	rc = syscall(1000, 1, 0x22, -1L, 0, 0x7fffffff, 10);
	emit(sprintrc(rc),
	     "syscall_0x3e8(0x1, 0x22, 0xffffffffffffffff, 0, 0x7fffffff, 0xa)");

	/* futex */
	rc = syscall(__NR_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	emit(sprintrc(rc), "futex(%s, FUTEX_WAKE_PRIVATE, 1)", sptr(&word));
	rc = syscall(__NR_futex, &word, FUTEX_WAKE, 0x7fffffff, NULL, NULL, 0);
	emit(sprintrc(rc), "futex(%s, FUTEX_WAKE, 2147483647)", sptr(&word));
	rc = syscall(__NR_futex, &word, FUTEX_WAIT_PRIVATE, 2, &ts, NULL, 0);
	emit(sprintrc(rc),
	     "futex(%s, FUTEX_WAIT_PRIVATE, 2, {tv_sec=0, tv_nsec=0})",
	     sptr(&word));
	rc = syscall(__NR_futex, &word, FUTEX_WAIT_PRIVATE, 1, &ts, NULL, 0);
	emit(sprintrc(rc),
	     "futex(%s, FUTEX_WAIT_PRIVATE, 1, {tv_sec=0, tv_nsec=0})",
	     sptr(&word));
	rc = syscall(__NR_futex, &word,
		     FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME,
		     1, &ts, NULL, FUTEX_BITSET_MATCH_ANY);
	emit(sprintrc(rc),
	     "futex(%s, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 1, {tv_sec=0, tv_nsec=0}, FUTEX_BITSET_MATCH_ANY)",
	     sptr(&word));
	/* unknown op: all six arguments are shown */
	rc = syscall(__NR_futex, &word, 99, 1, NULL, NULL, 0);
	emit(sprintrc(rc), "futex(%s, 0x63 /* FUTEX_??? */, 1, NULL, NULL, 0)", sptr(&word));

	/* getrandom */
	rc = syscall(__NR_getrandom, name, 0, GRND_NONBLOCK | GRND_RANDOM);
	/* EAGAIN where the kernel's pool is not ready yet (riscv64 in qemu): the buffer of a
	 * failed call prints as its address */
	if (rc < 0)
		emit(sprintrc(rc), "getrandom(%s, 0, GRND_NONBLOCK|GRND_RANDOM)", sptr(name));
	else
		emit(sprintrc(rc), "getrandom(\"\", 0, GRND_NONBLOCK|GRND_RANDOM)");

	/* prctl */
	rc = syscall(__NR_prctl, PR_SET_NAME, "bstrace-misc", 0, 0, 0);
	emit(sprintrc(rc), "prctl(PR_SET_NAME, \"bstrace-misc\")");
	memset(name, 0, sizeof(name));
	rc = syscall(__NR_prctl, PR_GET_NAME, name, 0, 0, 0);
	emit(sprintrc(rc), "prctl(PR_GET_NAME, %s)", qstr(name));
	rc = syscall(__NR_prctl, PR_GET_DUMPABLE, 0, 0, 0, 0);
	emit(rc == 1 ? "1 (SUID_DUMP_USER)" : sprintrc(rc),
	     "prctl(PR_GET_DUMPABLE)");
	rc = syscall(__NR_prctl, PR_SET_NO_NEW_PRIVS, 0, 0, 0, 0);
	emit(sprintrc(rc), "prctl(PR_SET_NO_NEW_PRIVS, 0, 0, 0, 0)");
	rc = syscall(__NR_prctl, 0x12345, 1, 2, 3, 4);
	emit(sprintrc(rc), "prctl(0x12345 /* PR_??? */, 0x1, 0x2, 0x3, 0x4)");

	/* sysinfo, times, sched_yield */
	rc = syscall(__NR_sysinfo, &si);
	emit(sprintrc(rc),
	     "sysinfo({uptime=%ld, loads=[%lu, %lu, %lu], totalram=%lu, freeram=%lu, sharedram=%lu, bufferram=%lu, totalswap=%lu, freeswap=%lu, procs=%u, totalhigh=%lu, freehigh=%lu, mem_unit=%u})",
	     si.uptime, si.loads[0], si.loads[1], si.loads[2], si.totalram,
	     si.freeram, si.sharedram, si.bufferram, si.totalswap, si.freeswap,
	     si.procs, si.totalhigh, si.freehigh, si.mem_unit);
	rc = syscall(__NR_sysinfo, NULL);
	emit(sprintrc(rc), "sysinfo(NULL)");
	rc = syscall(__NR_sched_yield);
	emit(sprintrc(rc), "sched_yield()");

	emit_final_stdout_write(1);
	return 0;
}
