// SPDX-License-Identifier: GPL-2.0
/*
 * A child made with CLONE_PARENT: its parent is the tracer. The program waits until the child
 * is gone (reaped), which only happens if the tracer reaps children it did not start.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static int child(void *arg)
{
	(void)arg;
	return 0;
}

int main(void)
{
	size_t size = 64 * 1024;
	char *stack = malloc(size);
	pid_t pid;

	if (!stack)
		return 2;
	pid = clone(child, stack + size, CLONE_PARENT | SIGCHLD, NULL);
	if (pid < 0)
		return 2;
	/* a zombie still answers kill(pid, 0) */
	while (!kill(pid, 0))
		usleep(1000);
	return errno == ESRCH ? 0 : 3;
}
