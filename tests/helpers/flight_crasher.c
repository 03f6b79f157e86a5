// SPDX-License-Identifier: GPL-2.0
/*
 * Processes that die by SIGSEGV, for the flight recorder's tests (their comm is set with
 * PR_SET_NAME, any bytes):
 *   flight_crasher one COMM [wait]   print "PID\n"; with wait, read a line from stdin first;
 *                                    then crash
 *   flight_crasher hold COMM MS      a child crashes; the parent reaps it only after MS ms
 *                                    (a zombie /proc/PID meanwhile); prints "PID\n"
 *   flight_crasher loop N COMM...    N children, one after the other, round-robin over the
 *                                    COMMs; prints how many died by SIGSEGV
 *   flight_crasher live COMM N MS    (no crash) prints "PID\n", makes N getppid() calls, stays
 *                                    MS ms more, exits 0
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void __attribute__((noreturn)) crash(const char *comm)
{
	volatile int *volatile nowhere = NULL;

	prctl(PR_SET_NAME, comm, 0, 0, 0);
	syscall(SYS_getpid);
	*nowhere = 1;
	_exit(99);
}

int main(int argc, char **argv)
{
	if (argc >= 3 && !strcmp(argv[1], "one")) {
		char line[16];

		printf("%d\n", (int)getpid());
		fflush(stdout);
		if (argc > 3 && !fgets(line, sizeof(line), stdin))
			return 2;
		crash(argv[2]);
	}
	if (argc == 4 && !strcmp(argv[1], "hold")) {
		struct timespec ts = { atoi(argv[3]) / 1000, atoi(argv[3]) % 1000 * 1000000L };
		pid_t p = fork();

		if (p == 0)
			crash(argv[2]);
		printf("%d\n", (int)p);
		fflush(stdout);
		nanosleep(&ts, NULL);
		waitpid(p, NULL, 0);
		return 0;
	}
	if (argc >= 4 && !strcmp(argv[1], "loop")) {
		int i, n = atoi(argv[2]), segv = 0, st;
		pid_t p;

		for (i = 0; i < n; i++) {
			p = fork();
			if (p < 0)
				return 2;
			if (p == 0)
				crash(argv[3 + i % (argc - 3)]);
			if (waitpid(p, &st, 0) == p && WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV)
				segv++;
		}
		printf("%d\n", segv);
		return 0;
	}
	if (argc == 5 && !strcmp(argv[1], "live")) {
		struct timespec ts = { atoi(argv[4]) / 1000, atoi(argv[4]) % 1000 * 1000000L };
		int i;

		prctl(PR_SET_NAME, argv[2], 0, 0, 0);
		printf("%d\n", (int)getpid());
		fflush(stdout);
		for (i = 0; i < atoi(argv[3]); i++)
			syscall(SYS_getppid);
		nanosleep(&ts, NULL);
		return 0;
	}
	fprintf(stderr, "usage: flight_crasher one COMM [wait] | hold COMM MS | loop N COMM... | "
		"live COMM N MS\n");
	return 2;
}
