// SPDX-License-Identifier: GPL-2.0
/* Makes N getppid calls (default 100000) and prints its pid first: a known system-wide load. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long i, n = argc > 1 ? atol(argv[1]) : 100000;

	printf("%d\n", getpid());
	fflush(stdout);
	for (i = 0; i < n; i++)
		syscall(SYS_getppid);
	return 0;
}
