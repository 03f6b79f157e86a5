/* bstrace-test: -f -e trace=gettid,getpid,getppid,exit,exit_group */
/*
 * Two threads, one after the other, under -f: every line carries the
 * tid of the thread that made the call ("%-5d ").  Threads end with
 * exit(0) (not exit_group) and strace prints "+++ exited with 0 +++" for
 * each of them.  To keep the order fixed the main thread, after
 * pthread_join, waits (untraced) until /proc/PID/task/TID is gone: that
 * happens only once strace has reaped the thread and printed its lines.
 */
#include "corpus.h"
#include <pthread.h>
#include <time.h>

struct result {
	long tid, pid, ppid;
};

static void *thread1(void *arg)
{
	struct result *r = arg;

	r->tid = syscall(__NR_gettid);
	r->pid = syscall(__NR_getpid);
	return NULL;
}

static void *thread2(void *arg)
{
	struct result *r = arg;

	r->ppid = syscall(__NR_getppid);
	r->tid = syscall(__NR_gettid);
	return NULL;
}

static void wait_thread_gone(long pid, long tid)
{
	struct timespec ts = { 0, 1000000 };
	char path[64];

	snprintf(path, sizeof(path), "/proc/%ld/task/%ld", pid, tid);
	while (access(path, F_OK) == 0)
		nanosleep(&ts, NULL);
}

int main(void)
{
	struct result r1 = { 0 }, r2 = { 0 };
	long pid, ppid;
	pthread_t t;

	pid = syscall(__NR_getpid);
	ppid = getppid();	/* libc: a traced getppid too */
	set_pid_prefix(pid);
	emit(sprintrc(pid), "getpid()");
	emit(sprintrc(ppid), "getppid()");

	if (pthread_create(&t, NULL, thread1, &r1) || pthread_join(t, NULL))
		return 1;
	wait_thread_gone(pid, r1.tid);
	set_pid_prefix(r1.tid);
	emit(sprintrc(r1.tid), "gettid()");
	emit(sprintrc(r1.pid), "getpid()");
	emit("?", "exit(0)");
	emit_raw("+++ exited with 0 +++");

	set_pid_prefix(pid);
	emit(sprintrc(syscall(__NR_gettid)), "gettid()");

	if (pthread_create(&t, NULL, thread2, &r2) || pthread_join(t, NULL))
		return 1;
	wait_thread_gone(pid, r2.tid);
	set_pid_prefix(r2.tid);
	emit(sprintrc(r2.ppid), "getppid()");
	emit(sprintrc(r2.tid), "gettid()");
	emit("?", "exit(0)");
	emit_raw("+++ exited with 0 +++");

	set_pid_prefix(pid);
	emit("?", "exit_group(0)");
	return 0;
}
