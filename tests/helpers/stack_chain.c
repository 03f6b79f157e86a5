// SPDX-License-Identifier: GPL-2.0
/* A known user-space call chain for -k (tests/integration/stack_trace.sh): main -> outer_fn ->
 * middle_fn -> inner_fn, and inner_fn's open() makes the one recognisable call,
 * openat(AT_FDCWD, "/nonexistent/bstrace-stack", O_RDONLY) = -1 ENOENT. Built without frame
 * pointers (-O2 -fomit-frame-pointer -fasynchronous-unwind-tables) and not stripped, so the
 * unwinder needs the CFI and the names come from .symtab. No function is inlined and no call is
 * a tail call (each caller uses the result after the call), so every frame is on the stack.
 * "stack_chain thread" makes the chain in a second thread, thread_main -> outer_fn -> ...: its
 * stack is one that libc mapped, not the main thread's. */
#include <fcntl.h>
#include <pthread.h>
#include <string.h>
#include <unistd.h>

/* external, so that no compiler renames a clone of one (inner_fn.constprop.0 and the like) */
int inner_fn(int n);
int middle_fn(int n);
int outer_fn(int n);

__attribute__((noinline)) int inner_fn(int n)
{
	int fd = open("/nonexistent/bstrace-stack", O_RDONLY);

	if (fd >= 0)
		close(fd);
	__asm__ volatile("" ::: "memory");
	return (fd < 0) + n;
}

__attribute__((noinline)) int middle_fn(int n)
{
	int r = inner_fn(n + 1);

	__asm__ volatile("" ::: "memory");
	return r * 2 + 1;
}

__attribute__((noinline)) int outer_fn(int n)
{
	int r = middle_fn(n + 1);

	__asm__ volatile("" ::: "memory");
	return r * 3 + 1;
}

__attribute__((noinline)) static void *thread_main(void *arg)
{
	int r = outer_fn((int)(long)arg);

	__asm__ volatile("" ::: "memory");
	return (void *)(long)(r + 1);
}

int main(int argc, char **argv)
{
	pthread_t t;
	void *r;

	if (argc > 1 && strcmp(argv[1], "thread") == 0) {
		if (pthread_create(&t, NULL, thread_main, (void *)1L) || pthread_join(t, &r))
			return 2;
		return r == NULL;
	}
	/* the result depends on the call and is used, so main cannot jump to outer_fn */
	return outer_fn(argc) == 0 ? 1 : 0;
}
