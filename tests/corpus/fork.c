/* bstrace-test: -f -e trace=clone,wait4,getppid,kill,exit_group */
/*
 * Child processes under -f.  With -o FILE every line starts with the pid
 * as "%-5d ".  Only the parent prints; the order is made deterministic:
 *  - a child waits on a pipe (untraced read) until the parent's clone
 *    line is complete, the parent then blocks in an untraced waitid(...,
 *    WNOWAIT), which returns only after strace has reaped the child and
 *    printed its "+++ exited" line;
 *  - SIGCHLD is blocked, so no "--- SIGCHLD" line appears.
 */
#include "corpus.h"
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>

static int go[2];

static void sync_child(void)
{
	char c;

	if (read(go[0], &c, 1) != 1)
		_exit(99);
}

static void wait_zombie(long pid)
{
	siginfo_t si;

	if (waitid(P_PID, pid, &si, WEXITED | WNOWAIT))
		exit(98);
}

int main(void)
{
	long parent = getpid(), child, rc;
	sigset_t mask;
	int status, *tidp;

	sigemptyset(&mask);
	sigaddset(&mask, SIGCHLD);
	if (sigprocmask(SIG_BLOCK, &mask, NULL) || pipe(go))
		return 1;
	/* libc's fork() passes its thread's tid address: known only through this prctl, which a
	 * kernel without CONFIG_CHECKPOINT_RESTORE lacks (the riscv64 qemu kernel): skip */
	if (prctl(PR_GET_TID_ADDRESS, &tidp)) {
		fprintf(stderr, "fork: no PR_GET_TID_ADDRESS (CONFIG_CHECKPOINT_RESTORE)\n");
		return 77;
	}
	set_pid_prefix(parent);

	/* 1: raw clone, child exits with status 3 */
	child = syscall(__NR_clone, SIGCHLD, 0, 0, 0, 0);
	if (child == 0) {
		sync_child();
		syscall(__NR_getppid);
		syscall(__NR_exit_group, 3);
	}
	emit(sprintrc(child), "clone(child_stack=NULL, flags=SIGCHLD)");
	if (write(go[1], "x", 1) != 1)
		return 1;
	wait_zombie(child);
	set_pid_prefix(child);
	emit(sprintrc(parent), "getppid()");
	emit("?", "exit_group(3)");
	emit_raw("+++ exited with 3 +++");
	set_pid_prefix(parent);
	rc = syscall(__NR_wait4, child, &status, 0, NULL);
	emit(sprintrc(rc), "wait4(%ld, [{WIFEXITED(s) && WEXITSTATUS(s) == %d}], 0, NULL)",
	     child, WEXITSTATUS(status));

	/* 2: libc fork(), child kills itself with SIGTERM */
	child = fork();
	if (child == 0) {
		sync_child();
		syscall(__NR_kill, syscall(__NR_getpid), SIGTERM);
		_exit(99);
	}
	emit(sprintrc(child),
	     "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=%s)",
	     sptr(tidp));
	if (write(go[1], "x", 1) != 1)
		return 1;
	wait_zombie(child);
	set_pid_prefix(child);
	emit("0", "kill(%ld, SIGTERM)", child);
	emit_raw("--- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=%ld, si_uid=%d} ---",
		 child, getuid());
	emit_raw("+++ killed by SIGTERM +++");
	set_pid_prefix(parent);
	rc = syscall(__NR_wait4, -1, &status, WNOHANG | __WALL, NULL);
	emit(sprintrc(rc), "wait4(-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGTERM}], WNOHANG|__WALL, NULL)");

	/* no more children */
	rc = syscall(__NR_wait4, -1, &status, WNOHANG, NULL);
	emit(sprintrc(rc), "wait4(-1, %s, WNOHANG, NULL)", sptr(&status));
	rc = syscall(__NR_wait4, -1, NULL, 0x10000000, NULL);
	emit(sprintrc(rc), "wait4(-1, NULL, 0x10000000 /* W??? */, NULL)");

	/* exit() flushes stdout, then calls exit_group(0) */
	emit("?", "exit_group(0)");
	return 0;
}
