// SPDX-License-Identifier: GPL-2.0
/*
 * A parent that would notice job control: it waits for its busy child with WUNTRACED and
 * WCONTINUED, and both count SIGCONT. Were a tracer to pause them with SIGSTOP/SIGCONT (instead
 * of freezing their cgroup), the parent would get a stop or continue report, or a SIGCONT.
 * Exits 0 only if the one report is "exited with 3" and no SIGCONT came; else prints what it
 * saw and exits 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t conts;

static void on_cont(int sig)
{
	(void)sig;
	conts++;
}

static void child(void)
{
	int fd = open("/dev/null", O_WRONLY);
	long i;

	if (fd < 0)
		_exit(5);
	/* cheap calls, many of them: enough to fill a small ring many times over */
	for (i = 0; i < 300000; i++) {
		getppid();
		if (write(fd, "x", 1) != 1)
			_exit(5);
	}
	_exit(conts ? 4 : 3);
}

int main(void)
{
	struct sigaction sa;
	int st, reports = 0, bad = 0;
	pid_t pid, r;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_cont;
	sigemptyset(&sa.sa_mask);
	/* no SA_RESTART: a SIGCONT must show, as EINTR, even if the handler count is missed */
	if (sigaction(SIGCONT, &sa, NULL)) {
		perror("wait_stop: sigaction");
		return 1;
	}
	pid = fork();
	if (pid < 0) {
		perror("wait_stop: fork");
		return 1;
	}
	if (!pid)
		child();	/* inherits the handler */

	for (;;) {
		r = waitpid(pid, &st, WUNTRACED | WCONTINUED);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			perror("wait_stop: waitpid");
			return 1;
		}
		reports++;
		if (WIFEXITED(st)) {
			fprintf(stderr, "wait_stop: child exited with %d\n", WEXITSTATUS(st));
			if (WEXITSTATUS(st) == 4) {
				fprintf(stderr, "wait_stop: child got SIGCONT\n");
				bad = 1;
			} else if (WEXITSTATUS(st) != 3) {
				bad = 1;
			}
			break;
		}
		if (WIFSIGNALED(st)) {
			fprintf(stderr, "wait_stop: child killed by signal %d\n", WTERMSIG(st));
			bad = 1;
			break;
		}
		if (WIFSTOPPED(st))
			fprintf(stderr, "wait_stop: child stopped by signal %d\n", WSTOPSIG(st));
		else if (WIFCONTINUED(st))
			fprintf(stderr, "wait_stop: child continued\n");
		bad = 1;
	}
	if (conts) {
		fprintf(stderr, "wait_stop: parent got SIGCONT\n");
		bad = 1;
	}
	if (reports != 1) {
		fprintf(stderr, "wait_stop: %d wait reports, want 1\n", reports);
		bad = 1;
	}
	return bad;
}
