// SPDX-License-Identifier: GPL-2.0
/*
 * execve of string literals the program never read before: on the first call, their page of
 * .rodata may not be mapped yet, so the kernel side cannot copy them at the enter. strace
 * shows them (it reads the memory through the kernel, which maps the page); so must we.
 * Exits with the shell's status, 4.
 */
#include <unistd.h>

int main(void)
{
	execl("/bin/sh", "sh", "-c", "exit 4", (char *)0);
	return 1;
}
