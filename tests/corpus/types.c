/* bstrace-test: --skip-startup -e trace=umask,pidfd_open,close_range,getrusage,gettimeofday,getpriority,setpriority,setns,tee,splice,sync_file_range,getgroups,setgroups,wait4,clone3 */
/*
 * Arguments are narrowed to their C type before they print (int, unsigned int, umode_t), as
 * the kernel and strace see them: garbage in the upper half of a register does not show.
 * Also: the names of getrusage's, getpriority's, splice's and pidfd_open's constants,
 * struct timezone, gid arrays, and wait4's rusage left unread when no child changed state.
 */
#include "corpus.h"
#include <fcntl.h>
#include <linux/sched.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>

int main(void)
{
	const unsigned long g = 0xdefaced00000000ul;
	struct timezone tz;
	struct timeval tv;
	struct rusage ru;
	uint64_t ca[11];	/* struct clone_args, CLONE_ARGS_SIZE_VER2 */
	gid_t gl[32];
	long long off_in = -5, off_out = 7;
	long rc, n, i;
	char *p;

	rc = syscall(__NR_umask, 0xffffffffffff0000ul | 022);
	emit(sfmt("%#03lo", rc), "umask(022)");
	n = rc;
	rc = syscall(__NR_umask, 0xffffffffffff0000ul | n);
	emit(sfmt("%#03lo", rc), "umask(%#03lo)", n);

	rc = syscall(__NR_pidfd_open, 0, g);
	emit(sprintrc(rc), "pidfd_open(0, 0)");
	rc = syscall(__NR_pidfd_open, 0, g | O_NONBLOCK | 0x1);
	emit(sprintrc(rc), "pidfd_open(0, PIDFD_NONBLOCK|0x1)");

	rc = syscall(__NR_close_range, 1000, 1001, g | 4);
	emit(sprintrc(rc), "close_range(1000, 1001, CLOSE_RANGE_CLOEXEC)");

	rc = syscall(__NR_getrusage, 5, &ru);
	emit(sprintrc(rc), "getrusage(0x5 /* RUSAGE_??? */, %s)", sptr(&ru));
	rc = syscall(__NR_getrusage, g | 1, NULL);
	emit(sprintrc(rc), "getrusage(RUSAGE_THREAD, NULL)");

	rc = syscall(__NR_gettimeofday, NULL, &tz);
	emit(sprintrc(rc), "gettimeofday(NULL, {tz_minuteswest=%d, tz_dsttime=%d})",
	     tz.tz_minuteswest, tz.tz_dsttime);
	(void)tv;

	rc = syscall(__NR_getpriority, g | PRIO_PGRP, 0x7fffffff);
	emit(sprintrc(rc), "getpriority(PRIO_PGRP, 2147483647)");
	rc = syscall(__NR_setpriority, 7, 0, 0);
	emit(sprintrc(rc), "setpriority(0x7 /* PRIO_??? */, 0, 0)");

	rc = syscall(__NR_setns, -1, g | 0x40000000);
	emit(sprintrc(rc), "setns(-1, CLONE_NEWNET)");

	rc = syscall(__NR_tee, -1, -2, 10, g | 15);
	emit(sprintrc(rc),
	     "tee(-1, -2, 10, SPLICE_F_MOVE|SPLICE_F_NONBLOCK|SPLICE_F_MORE|SPLICE_F_GIFT)");
	rc = syscall(__NR_splice, -1, &off_in, -2, &off_out, 10, 0x10);
	emit(sprintrc(rc), "splice(-1, [-5], -2, [7], 10, 0x10 /* SPLICE_F_??? */)");
	rc = syscall(__NR_sync_file_range, -1, -1L, 0, g | 0xa);
	emit(sprintrc(rc), "sync_file_range(-1, -1, 0, SYNC_FILE_RANGE_WRITE|0x8)");

	n = syscall(__NR_getgroups, 32, gl);
	p = corpus_tmpbuf();
	p[0] = 0;
	for (i = 0; i < n; i++)
		sprintf(p + strlen(p), "%s%u", i ? ", " : "", (unsigned int)gl[i]);
	if (n >= 0)
		emit(sfmt("%ld", n), "getgroups(32, [%s])", p);
	else
		emit(sprintrc(n), "getgroups(32, %s)", sptr(gl));
	rc = syscall(__NR_setgroups, 0, gl);
	emit(sprintrc(rc), "setgroups(0, [])");
	rc = syscall(__NR_setgroups, 0x100000001ul, NULL);
	emit(sprintrc(rc), "setgroups(1, NULL)");

	rc = syscall(__NR_wait4, -1, NULL, WNOHANG, &ru);
	emit(sprintrc(rc), "wait4(-1, NULL, WNOHANG, %s)", sptr(&ru));

	/* clone3's own flags above bit 31 (struct clone_args of 88 bytes, as u64 words): both
	 * calls are refused (EINVAL) by the argument checks every kernel makes, before any task
	 * is made: CLONE_CLEAR_SIGHAND with CLONE_SIGHAND, CLONE_INTO_CGROUP with a cgroup above
	 * INT_MAX (an fd that is merely not open is not enough: a kernel without cgroups ignores
	 * the flag and forks). A child that a kernel made anyway leaves at once. */
	memset(ca, 0, sizeof(ca));
	ca[0] = CLONE_SIGHAND | 0x100000000ull;	/* CLONE_CLEAR_SIGHAND */
	rc = syscall(__NR_clone3, ca, sizeof(ca));
	if (rc == 0)
		_exit(0);
	emit(sprintrc(rc), "clone3({flags=CLONE_SIGHAND|CLONE_CLEAR_SIGHAND, exit_signal=0, "
	     "stack=NULL, stack_size=0}, 88)");
	ca[0] = 0x200000000ull;	/* CLONE_INTO_CGROUP */
	ca[10] = 0x80000000ull;	/* cgroup */
	rc = syscall(__NR_clone3, ca, sizeof(ca));
	if (rc == 0)
		_exit(0);
	emit(sprintrc(rc), "clone3({flags=CLONE_INTO_CGROUP, exit_signal=0, stack=NULL, "
	     "stack_size=0, cgroup=2147483648}, 88)");
	return 0;
}
