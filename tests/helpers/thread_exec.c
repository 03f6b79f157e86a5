// SPDX-License-Identifier: GPL-2.0
/*
 * execve from a thread that is not the group leader: the kernel kills the other threads
 * (de_thread), and the exec'ing thread takes over the leader's pid. The shell prints
 * "thread-exec" and exits 7.
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

extern char **environ;

static void *run(void *arg)
{
	char *argv[] = { "sh", "-c", "echo thread-exec; exit 7", NULL };

	(void)arg;
	execve("/bin/sh", argv, environ);
	perror("thread_exec: execve");
	_exit(1);
}

int main(void)
{
	pthread_t t;

	if (pthread_create(&t, NULL, run, NULL)) {
		fprintf(stderr, "thread_exec: pthread_create failed\n");
		return 1;
	}
	/* the leader waits here until the exec in the thread kills it */
	for (;;)
		pause();
}
