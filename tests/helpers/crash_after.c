// SPDX-License-Identifier: GPL-2.0
/*
 * A known, distinctive sequence of system calls, then an end chosen by argv[1]:
 *   segv   write through a null pointer (killed by SIGSEGV)
 *   exit3  exit with status 3
 *   exit0  exit with status 0
 * Prints "PID PPID" first (stdout, flushed). The sequence, made with raw syscall() so that libc
 * adds or changes nothing:
 *   getpid()                                        = PID
 *   openat(AT_FDCWD, "/nonexistent/...", O_RDONLY)  = -1 ENOENT
 *   openat(AT_FDCWD, "/dev/null", O_WRONLY)         = FD
 *   write(FD, "hello", 5)                           = 5
 *   close(FD)                                       = 0
 *   getppid()                                       = PPID
 * and for the exits: exit_group(3) / exit_group(0).
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "segv";
	volatile int *volatile nowhere = NULL;	/* the compiler cannot drop the store or trap */
	long fd;

	if (strcmp(mode, "segv") && strcmp(mode, "exit3") && strcmp(mode, "exit0")) {
		fprintf(stderr, "usage: crash_after segv|exit3|exit0\n");
		return 2;
	}
	printf("%d %d\n", getpid(), getppid());
	fflush(stdout);

	syscall(SYS_getpid);
	syscall(SYS_openat, AT_FDCWD, "/nonexistent/bstraced-flight-test", O_RDONLY);
	fd = syscall(SYS_openat, AT_FDCWD, "/dev/null", O_WRONLY);
	syscall(SYS_write, fd, "hello", 5);
	syscall(SYS_close, fd);
	syscall(SYS_getppid);

	if (!strcmp(mode, "exit3"))
		syscall(SYS_exit_group, 3);
	if (!strcmp(mode, "exit0"))
		syscall(SYS_exit_group, 0);
	*nowhere = 1;	/* SIGSEGV, SEGV_MAPERR at address 0 */
	return 1;
}
