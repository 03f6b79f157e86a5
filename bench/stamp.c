/* stamp FIFO CMD [ARGS...]: write "PID START_NS\n" (CLOCK_MONOTONIC) to FIFO, then exec CMD
 * in this same process.  Nothing is forked, so a tracer that follows only its direct child
 * (bstrace -c -- W, strace without -f) still traces CMD itself.  The benchmark harness reads the
 * line, opens a pidfd on PID and takes the end time when the pidfd reports the exit. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct timespec ts;
	char line[64];
	int fd, n;

	if (argc < 3) {
		fprintf(stderr, "usage: stamp FIFO CMD [ARGS...]\n");
		return 127;
	}
	fd = open(argv[1], O_WRONLY | O_CLOEXEC);
	if (fd < 0) {
		perror(argv[1]);
		return 127;
	}
	clock_gettime(CLOCK_MONOTONIC, &ts);
	n = snprintf(line, sizeof(line), "%d %lld\n", (int)getpid(),
		     (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec);
	if (write(fd, line, n) != n)
		return 127;
	close(fd);
	execvp(argv[2], argv + 2);
	perror(argv[2]);
	return 127;
}
