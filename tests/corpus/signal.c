/* bstrace-test: -e trace=rt_sigaction,rt_sigprocmask,rt_sigpending,rt_sigreturn,kill,tgkill,gettid */
/*
 * Signal handling: actions, masks, and two signals caught by a handler
 * (one sent by kill, one left pending and then unblocked).  strace shows
 * the delivery ("--- SIG... ---"), the syscalls of the handler and
 * rt_sigreturn with the mask it restores.
 */
#include "corpus.h"
#include <signal.h>

/*
 * The kernel's struct sigaction: sa_restorer only where the arch has
 * SA_RESTORER (x86_64, arm64; not riscv64).
 */
#if defined(__x86_64__) || defined(__aarch64__)
#define SA_RESTORER	0x04000000
#define HAVE_SA_RESTORER 1
#else
#define SA_RESTORER	0
#endif

struct ksigaction {
	void (*handler)(int);
	unsigned long flags;
#ifdef HAVE_SA_RESTORER
	void (*restorer)(void);
#endif
	unsigned long mask;
};
#define BIT(sig)	(1UL << ((sig) - 1))

static volatile long handler_tid;

static void handler(int sig)
{
	(void)sig;
	handler_tid = syscall(__NR_gettid);
}

/* strace's signal name: HUP, ..., SYS, RTMIN (32), RT_1 (33) ... RT_32 */
static const char *signame(int sig)
{
	static const char *const names[] = {
		"0", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE",
		"KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM",
		"STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU",
		"URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR",
		"SYS",
	};

	if (sig < 32)
		return names[sig];
	if (sig == 32)
		return "RTMIN";
	return sfmt("RT_%d", sig - 32);
}

/* "[HUP INT]", or "~[KILL STOP]" when more than half of the bits are set */
static const char *ssigset(unsigned long mask)
{
	char *s = corpus_tmpbuf();
	int sig, n = 0;

	if (__builtin_popcountl(mask) > 32) {
		mask = ~mask;
		n += sprintf(s, "~");
	}
	n += sprintf(s + n, "[");
	for (sig = 1; sig <= 64; sig++)
		if (mask & BIT(sig))
			n += sprintf(s + n, "%s%s", s[n - 1] == '[' ? "" : " ",
				     signame(sig));
	sprintf(s + n, "]");
	return s;
}

/* in strace's order, not numeric */
static const struct xlat sa_flags[] = {
	XLAT(SA_RESTORER),
	XLAT(SA_ONSTACK),
	XLAT(SA_RESTART),
	{ 0x20000000, "SA_INTERRUPT" },
	XLAT(SA_NODEFER),
	XLAT(SA_RESETHAND),
	XLAT(SA_SIGINFO),
	XLAT(SA_NOCLDSTOP),
	XLAT(SA_NOCLDWAIT),
	XLAT_END
};

static const char *shandler(void (*h)(int))
{
	if (h == SIG_DFL)
		return "SIG_DFL";
	if (h == SIG_IGN)
		return "SIG_IGN";
	return sptr((void *)h);
}

static const char *sksa(const struct ksigaction *sa)
{
	/* sa_restorer is shown only with SA_RESTORER */
#ifdef HAVE_SA_RESTORER
	if (sa->flags & SA_RESTORER)
		return sfmt("{sa_handler=%s, sa_mask=%s, sa_flags=%s, sa_restorer=%s}",
			    shandler(sa->handler), ssigset(sa->mask),
			    sflags(sa_flags, sa->flags),
			    sptr((void *)sa->restorer));
#endif
	return sfmt("{sa_handler=%s, sa_mask=%s, sa_flags=%s}",
		    shandler(sa->handler), ssigset(sa->mask),
		    sflags(sa_flags, sa->flags));
}

int main(void)
{
	struct ksigaction act, old;
	struct sigaction lact;
	unsigned long set, oset;
	long rc, pid = getpid(), tid;
	unsigned long restorer_flag;
#ifdef HAVE_SA_RESTORER
	void (*restorer)(void);
#endif

	tid = syscall(__NR_gettid);
	emit(sprintrc(tid), "gettid()");

	/* libc's sigaction; learn its restorer by reading the action back */
	memset(&lact, 0, sizeof(lact));
	lact.sa_handler = handler;
	lact.sa_flags = SA_RESTART;
	sigaddset(&lact.sa_mask, SIGUSR2);
	sigaddset(&lact.sa_mask, SIGTERM);
	rc = sigaction(SIGUSR1, &lact, NULL);
	rc = syscall(__NR_rt_sigaction, SIGUSR1, NULL, &old, 8);
	/*
	 * libc's SA_RESTORER and restorer, if it uses one (x86_64 does;
	 * arm64's glibc leaves it to the kernel's vDSO trampoline)
	 */
	restorer_flag = old.flags & SA_RESTORER;
#ifdef HAVE_SA_RESTORER
	restorer = old.restorer;
#endif
	emit(sprintrc(rc), "rt_sigaction(SIGUSR1, %s, NULL, 8)", sksa(&old));
	emit(sprintrc(rc), "rt_sigaction(SIGUSR1, NULL, %s, 8)", sksa(&old));

	/* raw calls */
	act.handler = handler;
	act.flags = restorer_flag | SA_SIGINFO | SA_NODEFER | 0x100;
#ifdef HAVE_SA_RESTORER
	act.restorer = restorer;
#endif
	act.mask = BIT(SIGHUP) | BIT(SIGINT) | BIT(32) | BIT(33) | BIT(64);
	rc = syscall(__NR_rt_sigaction, SIGUSR2, &act, &old, 8);
	emit(sprintrc(rc), "rt_sigaction(SIGUSR2, %s, %s, 8)", sksa(&act),
	     sksa(&old));
	act.handler = SIG_IGN;
	act.flags = restorer_flag;
	act.mask = ~BIT(SIGKILL) & ~BIT(SIGSTOP);
	rc = syscall(__NR_rt_sigaction, SIGPIPE, &act, NULL, 8);
	emit(sprintrc(rc), "rt_sigaction(SIGPIPE, %s, NULL, 8)", sksa(&act));
	rc = syscall(__NR_rt_sigaction, SIGKILL, &act, NULL, 8);
	emit(sprintrc(rc), "rt_sigaction(SIGKILL, %s, NULL, 8)", sksa(&act));
	rc = syscall(__NR_rt_sigaction, 65, NULL, &old, 8);
	emit(sprintrc(rc), "rt_sigaction(65, NULL, %s, 8)", sptr(&old));
	rc = syscall(__NR_rt_sigaction, SIGTERM, NULL, &old, 4);
	emit(sprintrc(rc), "rt_sigaction(SIGTERM, NULL, %s, 4)", sptr(&old));

	/* masks */
	set = BIT(SIGHUP) | BIT(SIGINT) | BIT(SIGALRM);
	rc = syscall(__NR_rt_sigprocmask, SIG_BLOCK, &set, NULL, 8);
	emit(sprintrc(rc), "rt_sigprocmask(SIG_BLOCK, %s, NULL, 8)",
	     ssigset(set));
	set = 0xffffffffUL;	/* exactly half: not complemented */
	rc = syscall(__NR_rt_sigprocmask, SIG_BLOCK, &set, &oset, 8);
	emit(sprintrc(rc), "rt_sigprocmask(SIG_BLOCK, %s, %s, 8)",
	     ssigset(set), ssigset(oset));
	set = ~0UL;
	rc = syscall(__NR_rt_sigprocmask, SIG_UNBLOCK, &set, &oset, 8);
	emit(sprintrc(rc), "rt_sigprocmask(SIG_UNBLOCK, %s, %s, 8)",
	     ssigset(set), ssigset(oset));
	set = BIT(SIGUSR2) | BIT(SIGHUP);
	rc = syscall(__NR_rt_sigprocmask, SIG_SETMASK, &set, &oset, 8);
	emit(sprintrc(rc), "rt_sigprocmask(SIG_SETMASK, %s, %s, 8)",
	     ssigset(set), ssigset(oset));
	rc = syscall(__NR_rt_sigprocmask, SIG_BLOCK, NULL, &oset, 8);
	emit(sprintrc(rc), "rt_sigprocmask(SIG_BLOCK, NULL, %s, 8)",
	     ssigset(oset));
	rc = syscall(__NR_rt_sigprocmask, 7, &set, NULL, 8);
	emit(sprintrc(rc), "rt_sigprocmask(0x7 /* SIG_??? */, %s, NULL, 8)",
	     ssigset(set));
	rc = syscall(__NR_rt_sigprocmask, SIG_BLOCK, &set, NULL, 16);
	emit(sprintrc(rc), "rt_sigprocmask(SIG_BLOCK, %s, NULL, 16)",
	     sptr(&set));

	/* SIGUSR1 from kill(): delivered on return from kill */
	rc = syscall(__NR_kill, pid, SIGUSR1);
	emit(sprintrc(rc), "kill(%ld, SIGUSR1)", pid);
	emit_raw("--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=%ld, si_uid=%d} ---",
		 pid, getuid());
	emit(sprintrc(handler_tid), "gettid()");
	emit("0", "rt_sigreturn({mask=%s})", ssigset(BIT(SIGUSR2) | BIT(SIGHUP)));

	/* SIGUSR2 from tgkill() stays pending until unblocked */
	rc = syscall(__NR_tgkill, pid, tid, SIGUSR2);
	emit(sprintrc(rc), "tgkill(%ld, %ld, SIGUSR2)", pid, tid);
	rc = syscall(__NR_rt_sigpending, &set, 8);
	emit(sprintrc(rc), "rt_sigpending(%s, 8)", ssigset(set));
	set = BIT(SIGUSR2);
	rc = syscall(__NR_rt_sigprocmask, SIG_UNBLOCK, &set, NULL, 8);
	emit(sprintrc(rc), "rt_sigprocmask(SIG_UNBLOCK, %s, NULL, 8)",
	     ssigset(set));
	emit_raw("--- SIGUSR2 {si_signo=SIGUSR2, si_code=SI_TKILL, si_pid=%ld, si_uid=%d} ---",
		 pid, getuid());
	emit(sprintrc(handler_tid), "gettid()");
	emit("0", "rt_sigreturn({mask=%s})", ssigset(BIT(SIGHUP)));

	/* invalid signal numbers */
	rc = syscall(__NR_kill, pid, 99);
	emit(sprintrc(rc), "kill(%ld, 99)", pid);
	rc = syscall(__NR_tgkill, pid, tid, 65);
	emit(sprintrc(rc), "tgkill(%ld, %ld, 65)", pid, tid);
	return 0;
}
