/* bstrace-test: --skip-startup -e trace=getpid,getppid,gettid,getuid,geteuid,getgid,getegid,uname,getrlimit,prlimit64,getrandom,sched_getaffinity,set_tid_address,set_robust_list,?arch_prctl,clock_gettime,nanosleep,clock_nanosleep,kill,tgkill */
/*
 * Process information, limits, clocks and sleeps.  set_tid_address,
 * set_robust_list, arch_prctl and prlimit64 are also made during libc
 * start-up: --skip-startup drops those lines.  arch_prctl exists only on
 * x86: elsewhere it is neither called nor printed.
 */
#include "corpus.h"
#ifdef __x86_64__
#include <asm/prctl.h>		/* ARCH_GET_FS */
#endif
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <time.h>

/* rlim_t as strace prints it: RLIM64_INFINITY, N*1024 or N */
static const char *srlim(unsigned long long v, const char *inf)
{
	if (v == ~0ULL)
		return inf;
	if (v > 1024 && !(v % 1024))	/* strace: 1024 itself is "1024" */
		return sfmt("%llu*1024", v / 1024);
	return sfmt("%llu", v);
}

static const char *srlimit(const struct rlimit *r, const char *inf)
{
	return sfmt("{rlim_cur=%s, rlim_max=%s}", srlim(r->rlim_cur, inf),
		    srlim(r->rlim_max, inf));
}

int main(void)
{
	unsigned long cpus[16];
#if defined(__NR_arch_prctl) && defined(ARCH_GET_FS)
	unsigned long fsbase;
#endif
	unsigned char rnd[64];
	struct timespec ts, req = { 0, 1000 };
	struct utsname un;
	struct rlimit rl;
	void *head;
	size_t headlen;
	long rc, pid, tid, i;
	int *tidp;
	char *s;

	pid = syscall(__NR_getpid);
	emit(sprintrc(pid), "getpid()");
	rc = syscall(__NR_getppid);
	emit(sprintrc(rc), "getppid()");
	tid = syscall(__NR_gettid);
	emit(sprintrc(tid), "gettid()");
	rc = syscall(__NR_getuid);
	emit(sprintrc(rc), "getuid()");
	rc = syscall(__NR_geteuid);
	emit(sprintrc(rc), "geteuid()");
	rc = syscall(__NR_getgid);
	emit(sprintrc(rc), "getgid()");
	rc = syscall(__NR_getegid);
	emit(sprintrc(rc), "getegid()");

	rc = syscall(__NR_uname, &un);
	emit(sprintrc(rc), "uname({sysname=%s, nodename=%s, ...})",
	     qstr(un.sysname), qstr(un.nodename));
	rc = syscall(__NR_uname, NULL);
	emit(sprintrc(rc), "uname(NULL)");

	/* limits */
	rc = syscall(__NR_getrlimit, RLIMIT_NOFILE, &rl);
	emit(sprintrc(rc), "getrlimit(RLIMIT_NOFILE, %s)",
	     srlimit(&rl, "RLIM_INFINITY"));
	rc = syscall(__NR_prlimit64, 0, RLIMIT_STACK, NULL, &rl);
	emit(sprintrc(rc), "prlimit64(0, RLIMIT_STACK, NULL, %s)",
	     srlimit(&rl, "RLIM64_INFINITY"));
	rc = syscall(__NR_prlimit64, pid, RLIMIT_CORE, &rl, NULL);
	emit(sprintrc(rc), "prlimit64(%ld, RLIMIT_CORE, %s, NULL)", pid,
	     srlimit(&rl, "RLIM64_INFINITY"));
	rc = syscall(__NR_prlimit64, 0, 1000, NULL, &rl);
	emit(sprintrc(rc), "prlimit64(0, 0x3e8 /* RLIMIT_??? */, NULL, %s)",
	     sptr(&rl));

	/* getrandom: buffers are always printed in \x hex */
	rc = syscall(__NR_getrandom, rnd, 0, 0);
	emit(sprintrc(rc), "getrandom(\"\", 0, 0)");
	rc = syscall(__NR_getrandom, rnd, 16, GRND_NONBLOCK);
	emit(sprintrc(rc), "getrandom(%s, 16, GRND_NONBLOCK)", qbuf_hex(rnd, rc));
	rc = syscall(__NR_getrandom, rnd, sizeof(rnd), 0);
	emit(sprintrc(rc), "getrandom(%s, %zu, 0)", qbuf_hex(rnd, rc),
	     sizeof(rnd));
	rc = syscall(__NR_getrandom, rnd, 4, 0x100);
	emit(sprintrc(rc), "getrandom(%s, 4, 0x100 /* GRND_??? */)", sptr(rnd));

	/* sched_getaffinity: the CPU list, space separated */
	memset(cpus, 0, sizeof(cpus));
	rc = syscall(__NR_sched_getaffinity, 0, sizeof(cpus), cpus);
	s = corpus_tmpbuf();
	strcpy(s, "[");
	for (i = 0; i < rc * 8; i++)
		if (cpus[i / 64] >> (i % 64) & 1)
			sprintf(s + strlen(s), "%s%ld", s[1] ? " " : "", i);
	strcat(s, "]");
	emit(sprintrc(rc), "sched_getaffinity(0, %zu, %s)", sizeof(cpus), s);
	rc = syscall(__NR_sched_getaffinity, 0, 3, cpus);
	emit(sprintrc(rc), "sched_getaffinity(0, 3, %s)", sptr(cpus));

	/* thread pointers: re-set the values libc set at start-up */
	if (syscall(__NR_get_robust_list, 0, &head, &headlen))
		return 1;
	/* a kernel without CONFIG_CHECKPOINT_RESTORE (the riscv64 qemu kernel) has no
	 * PR_GET_TID_ADDRESS: then no set_tid_address call */
	if (prctl(PR_GET_TID_ADDRESS, &tidp) == 0) {
		rc = syscall(__NR_set_tid_address, tidp);
		emit(sprintrc(rc), "set_tid_address(%s)", sptr(tidp));
	}
	rc = syscall(__NR_set_robust_list, head, headlen);
	emit(sprintrc(rc), "set_robust_list(%s, %zu)", sptr(head), headlen);
	rc = syscall(__NR_set_robust_list, head, headlen - 1);
	emit(sprintrc(rc), "set_robust_list(%s, %zu)", sptr(head), headlen - 1);
#if defined(__NR_arch_prctl) && defined(ARCH_GET_FS)
	rc = syscall(__NR_arch_prctl, ARCH_GET_FS, &fsbase);
	emit(sprintrc(rc), "arch_prctl(ARCH_GET_FS, [%s])", sptr((void *)fsbase));
	rc = syscall(__NR_arch_prctl, 0x1234, 0);
	emit(sprintrc(rc), "arch_prctl(0x1234 /* ARCH_??? */, 0)");
#endif

	/* clocks and sleeps */
	rc = syscall(__NR_clock_gettime, CLOCK_MONOTONIC, &ts);
	emit(sprintrc(rc), "clock_gettime(CLOCK_MONOTONIC, {tv_sec=%lld, tv_nsec=%ld})",
	     (long long)ts.tv_sec, ts.tv_nsec);
	rc = syscall(__NR_clock_gettime, 1234, &ts);
	emit(sprintrc(rc), "clock_gettime(0x4d2 /* CLOCK_??? */, %s)", sptr(&ts));
	rc = syscall(__NR_nanosleep, &req, NULL);
	emit(sprintrc(rc), "nanosleep({tv_sec=0, tv_nsec=1000}, NULL)");
	req.tv_nsec = 1000000000;
	rc = syscall(__NR_nanosleep, &req, &ts);
	emit(sprintrc(rc), "nanosleep({tv_sec=0, tv_nsec=1000000000}, %s)",
	     sptr(&ts));
	req.tv_nsec = 1000;
	rc = syscall(__NR_clock_nanosleep, CLOCK_MONOTONIC, 0, &req, &ts);
	emit(sprintrc(rc), "clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000}, %s)",
	     sptr(&ts));
	rc = syscall(__NR_clock_nanosleep, CLOCK_REALTIME, TIMER_ABSTIME, &req,
		     NULL);
	emit(sprintrc(rc), "clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, {tv_sec=0, tv_nsec=1000}, NULL)");

	/* signal 0: existence checks */
	rc = syscall(__NR_kill, pid, 0);
	emit(sprintrc(rc), "kill(%ld, 0)", pid);
	rc = syscall(__NR_tgkill, pid, tid, 0);
	emit(sprintrc(rc), "tgkill(%ld, %ld, 0)", pid, tid);
	rc = syscall(__NR_tgkill, pid, 0x7ffffff0, 0);
	emit(sprintrc(rc), "tgkill(%ld, %d, 0)", pid, 0x7ffffff0);
	return 0;
}
