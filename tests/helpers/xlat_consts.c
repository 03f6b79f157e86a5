// SPDX-License-Identifier: GPL-2.0
/* Calls whose arguments are named constants, flags and signals, for -X raw|abbrev|verbose:
 * every result is fixed (failures, or values masked by tests/integration/xlat_style.sh). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

struct ksigaction {
	unsigned long handler, flags, restorer, mask;
};

int main(void)
{
	struct ksigaction sa = { (unsigned long)SIG_IGN, 0, 0, 1ul << (SIGTERM - 1) };
	unsigned long set = 1ul << (SIGUSR1 - 1);
	int fd;

	syscall(SYS_openat, AT_FDCWD, "/nonexistent/xlat", O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	syscall(SYS_openat, AT_FDCWD, "/nonexistent/xlat", O_RDONLY);
	syscall(SYS_mmap, 0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	syscall(SYS_lseek, -1, 0, SEEK_END);
	syscall(SYS_lseek, -1, 0, 0x10);
	fd = syscall(SYS_socket, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	syscall(SYS_close, fd);
	syscall(SYS_fcntl, -1, F_SETFD, FD_CLOEXEC);
	syscall(SYS_waitid, P_ALL, 0, 0, WNOHANG | WEXITED, 0);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, 0, 8);
	syscall(SYS_rt_sigaction, SIGTERM, &sa, 0, 8);
	syscall(SYS_kill, getpid(), SIGTERM);
	return 0;
}
