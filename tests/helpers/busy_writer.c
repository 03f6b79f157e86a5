// SPDX-License-Identifier: GPL-2.0
/*
 * N threads (argv[1], default 8) writing 1 byte to /dev/null as fast as they can, forever: a
 * load that keeps a tracer's ring full. Prints its pid first (stdout, flushed).
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static int fd;

static void *writer(void *arg)
{
	(void)arg;
	for (;;)
		if (write(fd, "x", 1) < 0)
			_exit(1);
	return NULL;
}

int main(int argc, char **argv)
{
	int i, n = argc > 1 ? atoi(argv[1]) : 8;
	pthread_t *t;

	if (n < 1)
		n = 1;
	fd = open("/dev/null", O_WRONLY);
	t = calloc(n, sizeof(*t));
	if (fd < 0 || !t) {
		perror("busy_writer");
		return 1;
	}
	for (i = 0; i < n; i++)
		if (pthread_create(&t[i], NULL, writer, NULL)) {
			fprintf(stderr, "busy_writer: pthread_create failed\n");
			return 1;
		}
	printf("%d\n", getpid());
	fflush(stdout);
	for (i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	return 0;
}
