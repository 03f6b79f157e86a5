/* mt_loop [THREADS [N]]: THREADS threads (default 2) each call getppid() N times (default
 * 2000000) through syscall(2); prints the elapsed time from before the first thread is created
 * to after the last one is joined, measured with CLOCK_MONOTONIC:
 *     mt_loop: 2 threads x 2000000 getppid: 0.123456789 s */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static long loops = 2000000;

static void *worker(void *arg)
{
	for (long i = 0; i < loops; i++)
		syscall(SYS_getppid);
	return arg;
}

int main(int argc, char **argv)
{
	int nthreads = argc > 1 ? atoi(argv[1]) : 2;
	struct timespec a, b;
	pthread_t *tids;

	if (argc > 2)
		loops = atol(argv[2]);
	if (nthreads < 1 || loops < 1) {
		fprintf(stderr, "usage: mt_loop [THREADS [N]]\n");
		return 2;
	}
	tids = calloc(nthreads, sizeof(*tids));
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (int i = 0; i < nthreads; i++)
		if (pthread_create(&tids[i], NULL, worker, NULL)) {
			perror("pthread_create");
			return 1;
		}
	for (int i = 0; i < nthreads; i++)
		pthread_join(tids[i], NULL);
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("mt_loop: %d threads x %ld getppid: %.9f s\n", nthreads, loops,
	       (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9);
	return 0;
}
