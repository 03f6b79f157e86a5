// SPDX-License-Identifier: GPL-2.0
/*
 * execve from a thread that is not the group leader: the kernel kills the other threads
 * (de_thread), and the exec'ing thread takes over the leader's pid. The shell prints
 * "thread-exec" and exits 7.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

static const char path[] = "/bin/sh";
static char *argv[] = { "sh", "-c", "echo thread-exec; exit 7", NULL };
static volatile size_t touched;

static void *run(void *arg)
{
	(void)arg;
	execve(path, argv, environ);
	perror("thread_exec: execve");
	_exit(1);
}

int main(void)
{
	pthread_t t;
	int i;

	/*
	 * Touch the strings first. In a page the process never read, the kernel side cannot copy
	 * them at the enter of the execve; that case has its own test (execve_args.sh), where a
	 * later copy fills them in. Here another thread's lines may force the unfinished execve
	 * line out before that copy arrives.
	 */
	for (i = 0; argv[i]; i++)
		touched += strlen(argv[i]);
	touched += strlen(path);
	if (pthread_create(&t, NULL, run, NULL)) {
		fprintf(stderr, "thread_exec: pthread_create failed\n");
		return 1;
	}
	/* the leader waits here until the exec in the thread kills it */
	for (;;)
		pause();
}
