/* bstrace-test: --skip-startup -e trace=sched_getscheduler,sched_setscheduler,sched_getparam,sched_setparam,sched_get_priority_min,ioprio_get,ioprio_set,personality,?time,utimensat,?utimes,?futimesat,?utime,mknodat,kcmp,landlock_create_ruleset,landlock_restrict_self,mbind,syslog,sethostname,swapon,?ustat,flock,fallocate,inotify_add_watch,mlock2,epoll_ctl,adjtimex,rt_sigtimedwait,?getdents,fsetxattr,listxattr */
/*
 * Return values strace decodes (time's date, sched_getscheduler's policy, ioprio_get's
 * priority, personality's domain and flags, rt_sigtimedwait's signal, adjtimex's clock
 * state), and arguments whose printing depends on another one or on a structure: the
 * utime family with UTIME_NOW/UTIME_OMIT, mknodat's device, kcmp by type, landlock's
 * ruleset attribute, mbind's mode and flags, syslog by action, sethostname past 64 bytes,
 * swapon's priority. No call here changes the system: each one fails, queries or sets what
 * is already set.
 */
#include "corpus.h"
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <time.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <sys/timex.h>

/* " / * 2017-04-16T16:05:06.123456789+0000 * /" as strace comments a time; width 9 or 6 */
static const char *sdate(long long sec, unsigned long part, int width)
{
	char *s = corpus_tmpbuf(), d[64], z[16];
	time_t t = sec;
	struct tm tm;

	if (!localtime_r(&t, &tm))
		return "";
	strftime(d, sizeof(d), "%FT%T", &tm);
	strftime(z, sizeof(z), "%z", &tm);
	if (part)
		snprintf(s, 1024, " /* %s.%0*lu%s */", d, width, part, z);
	else
		snprintf(s, 1024, " /* %s%s */", d, z);
	return s;
}

static const char *stimex(const struct timex *t)
{
	static const struct xlat sta[] = {
		XLAT(STA_PLL), XLAT(STA_PPSFREQ), XLAT(STA_PPSTIME), XLAT(STA_FLL), XLAT(STA_INS),
		XLAT(STA_DEL), XLAT(STA_UNSYNC), XLAT(STA_FREQHOLD), XLAT(STA_PPSSIGNAL),
		XLAT(STA_PPSJITTER), XLAT(STA_PPSWANDER), XLAT(STA_PPSERROR), XLAT(STA_CLOCKERR),
		XLAT(STA_NANO), XLAT(STA_MODE), XLAT(STA_CLK), XLAT_END,
	};

	return sfmt("{modes=0, offset=%ld, freq=%ld, maxerror=%ld, esterror=%ld, status=%s, "
		    "constant=%ld, precision=%ld, tolerance=%ld, time={tv_sec=%lld, tv_usec=%llu}, "
		    "tick=%ld, ppsfreq=%ld, jitter=%ld, shift=%d, stabil=%ld, jitcnt=%ld, "
		    "calcnt=%ld, errcnt=%ld, stbcnt=%ld, tai=%d}",
		    t->offset, t->freq, t->maxerror, t->esterror,
		    sflags(sta, t->status),
		    t->constant, t->precision, t->tolerance, (long long)t->time.tv_sec,
		    (unsigned long long)t->time.tv_usec, t->tick, t->ppsfreq, t->jitter, t->shift,
		    t->stabil, t->jitcnt, t->calcnt, t->errcnt, t->stbcnt, t->tai);
}

int main(void)
{
	static const char *const states[] = {
		"TIME_OK", "TIME_INS", "TIME_DEL", "TIME_OOP", "TIME_WAIT", "TIME_ERROR",
	};
	const char *missing = "/nonexistent/bstrace";
	struct timespec ts[2] = { { 1492358706, 123456789 }, { 0, UTIME_OMIT } };
	struct timeval tv[2] = { { 1492358607, 345678 }, { 1492356078, 1000000 } };
	unsigned long long attr = 1;	/* LANDLOCK_ACCESS_FS_EXECUTE */
	struct timespec zero = { 0, 0 };
	struct epoll_event ev = { 0 };
	struct timex tx = { 0 };
	sigset_t set;
	char name[80];
	long rc, pid;
	int param = 0;
	void *page;

	pid = getpid();

	/* scheduling: the policy after "= ret", the parameter through its pointer */
	rc = syscall(__NR_sched_getscheduler, 0);
	emit(rc == 0 ? "0 (SCHED_OTHER)" : sprintrc(rc), "sched_getscheduler(0)");
	rc = syscall(__NR_sched_getparam, 0, &param);
	emit(sprintrc(rc), "sched_getparam(0, [%d])", param);
	param = -1;
	rc = syscall(__NR_sched_setscheduler, 0, SCHED_FIFO, &param);
	emit(sprintrc(rc), "sched_setscheduler(0, SCHED_FIFO, [-1])");
	rc = syscall(__NR_sched_setscheduler, 0, 0x7f, NULL);
	emit(sprintrc(rc), "sched_setscheduler(0, 0x7f /* SCHED_??? */, NULL)");
	rc = syscall(__NR_sched_setparam, -1, &param);
	emit(sprintrc(rc), "sched_setparam(-1, [-1])");
	rc = syscall(__NR_sched_get_priority_min, SCHED_RR);
	emit(sprintrc(rc), "sched_get_priority_min(SCHED_RR)");

	/* I/O priorities: IOPRIO_PRIO_VALUE(class, data), class in the top bits */
	rc = syscall(__NR_ioprio_get, 1, 0);
	emit(rc < 0 ? sprintrc(rc) : sfmt("%ld (IOPRIO_PRIO_VALUE(%s, %ld))", rc,
		     (rc >> 13) == 0 ? "IOPRIO_CLASS_NONE" : (rc >> 13) == 2 ? "IOPRIO_CLASS_BE" :
		     sfmt("%#lx /* IOPRIO_CLASS_??? */", rc >> 13), rc & 0x1fff),
	     "ioprio_get(IOPRIO_WHO_PROCESS, 0)");
	rc = syscall(__NR_ioprio_set, 0x55, 0, 2 << 13 | 4);
	emit(sprintrc(rc), "ioprio_set(0x55 /* IOPRIO_WHO_??? */, 0, "
	     "IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4))");

	/* personality: the query returns the domain and flags in hex, then decoded */
	rc = syscall(__NR_personality, 0xffffffff);
	emit(sfmt("%#lx (%s%s)", rc, (rc & 0xff) ? sfmt("%#lx /* PER_??? */", rc & 0xff) :
		  "PER_LINUX", rc & 0x40000 ? "|ADDR_NO_RANDOMIZE" : ""),
	     "personality(0xffffffff)");

#ifdef __NR_time
	{
		time_t t;

		char d[64];
		struct tm tm;

		rc = syscall(__NR_time, &t);
		if (!localtime_r(&t, &tm) || !strftime(d, sizeof(d), "%FT%T%z", &tm))
			return 1;
		emit(sfmt("%ld (%s)", rc, d), "time([%lld%s])", (long long)t, sdate(t, 0, 0));
	}
#endif

	/* the utime family: dates, UTIME_OMIT by name, an out-of-range microsecond */
	rc = syscall(__NR_utimensat, AT_FDCWD, missing, ts, AT_SYMLINK_NOFOLLOW);
	emit(sprintrc(rc), "utimensat(AT_FDCWD, \"%s\", [{tv_sec=1492358706, tv_nsec=123456789}%s, "
	     "UTIME_OMIT], AT_SYMLINK_NOFOLLOW)", missing, sdate(1492358706, 123456789, 9));
	rc = syscall(__NR_utimensat, AT_FDCWD, missing, NULL, 0);
	emit(sprintrc(rc), "utimensat(AT_FDCWD, \"%s\", NULL, 0)", missing);
#ifdef __NR_utimes
	rc = syscall(__NR_utimes, missing, tv);
	emit(sprintrc(rc), "utimes(\"%s\", [{tv_sec=1492358607, tv_usec=345678}%s, "
	     "{tv_sec=1492356078, tv_usec=1000000}])", missing, sdate(1492358607, 345678, 6));
#endif
#ifdef __NR_futimesat
	rc = syscall(__NR_futimesat, -1, "x", NULL);
	emit(sprintrc(rc), "futimesat(-1, \"x\", NULL)");
#endif
#ifdef __NR_utime
	{
		struct { long actime, modtime; } ub = { 1492350678, 0 };

		rc = syscall(__NR_utime, missing, &ub);
		emit(sprintrc(rc), "utime(\"%s\", {actime=1492350678%s, modtime=0})", missing,
		     sdate(1492350678, 0, 0));
	}
#endif

	/* mknodat: the device only for character and block special files */
	rc = syscall(__NR_mknodat, -1, "x", S_IFCHR | 0600, makedev(1, 7));
	emit(sprintrc(rc), "mknodat(-1, \"x\", S_IFCHR|0600, makedev(0x1, 0x7))");
	rc = syscall(__NR_mknodat, -1, "x", S_IFIFO | S_ISVTX | 0644, makedev(1, 7));
	emit(sprintrc(rc), "mknodat(-1, \"x\", S_IFIFO|S_ISVTX|0644)");
	rc = syscall(__NR_mknodat, -1, "x", 0177777, 0);
	emit(sprintrc(rc), "mknodat(-1, \"x\", 0177777)");

	/* kcmp: fds for KCMP_FILE, nothing for KCMP_VM, hex for an unknown type */
	rc = syscall(__NR_kcmp, pid, pid, 0, 1, 2);
	emit(sprintrc(rc), "kcmp(%ld, %ld, KCMP_FILE, 1, 2)", pid, pid);
	rc = syscall(__NR_kcmp, -1, -1, 1, 5, 6);
	emit(sprintrc(rc), "kcmp(-1, -1, KCMP_VM)");
	rc = syscall(__NR_kcmp, -1, -1, 42, 5, 6);
	emit(sprintrc(rc), "kcmp(-1, -1, 0x2a /* KCMP_??? */, 0x5, 0x6)");

	/* landlock: the ruleset's attribute by its size */
	rc = syscall(__NR_landlock_create_ruleset, NULL, 0, 1);
	emit(sprintrc(rc), "landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION)");
	rc = syscall(__NR_landlock_create_ruleset, &attr, 16, 0x10);
	emit(sprintrc(rc), "landlock_create_ruleset({handled_access_fs=LANDLOCK_ACCESS_FS_EXECUTE, "
	     "...}, 16, 0x10 /* LANDLOCK_CREATE_RULESET_??? */)");
	rc = syscall(__NR_landlock_create_ruleset, &attr, 4, 0);
	emit(sprintrc(rc), "landlock_create_ruleset(%s, 4, 0)", sptr(&attr));
	rc = syscall(__NR_landlock_restrict_self, -1, 0);
	emit(sprintrc(rc), "landlock_restrict_self(-1, 0)");

	/* mbind: a mode with its flags, mbind's own flags */
	page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (page == MAP_FAILED)
		return 1;
	rc = syscall(__NR_mbind, page, 4096, 0x8003, NULL, 0, 9);
	emit(sprintrc(rc), "mbind(%s, 4096, MPOL_INTERLEAVE|MPOL_F_STATIC_NODES, NULL, 0, "
	     "MPOL_MF_STRICT|0x8)", sptr(page));

	/* syslog: which of bufp and len show depends on the action */
	rc = syscall(__NR_syslog, 10, NULL, 0);
	emit(sprintrc(rc), "syslog(10 /* SYSLOG_ACTION_SIZE_BUFFER */)");
	rc = syscall(__NR_syslog, 8, NULL, 9);
	emit(sprintrc(rc), "syslog(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, NULL, "
	     "9 /* LOGLEVEL_??? */)");
	rc = syscall(__NR_syslog, -1, NULL, -1);
	emit(sprintrc(rc), "syslog(-1 /* SYSLOG_ACTION_??? */, NULL, -1)");

	/* sethostname: longer than a utsname field, the address */
	memset(name, 'x', sizeof(name));
	rc = syscall(__NR_sethostname, name, 65);
	emit(sprintrc(rc), "sethostname(%s, 65)", sptr(name));
	rc = syscall(__NR_sethostname, NULL, 4);
	emit(sprintrc(rc), "sethostname(NULL, 4)");

	/* swapon: the flags, then the priority in decimal */
	rc = syscall(__NR_swapon, missing, 0x18000 | 7);
	emit(sprintrc(rc), "swapon(\"%s\", SWAP_FLAG_PREFER|SWAP_FLAG_DISCARD|7)", missing);
#ifdef __NR_ustat
	rc = syscall(__NR_ustat, 0xffffffffu, NULL);	/* the kernel's old 32-bit encoding */
	emit(sprintrc(rc), "ustat(makedev(0xfff, 0xfffff), NULL)");
#endif

	/* flag sets */
	rc = syscall(__NR_flock, -1, LOCK_EX | LOCK_NB);
	emit(sprintrc(rc), "flock(-1, LOCK_EX|LOCK_NB)");
	rc = syscall(__NR_fallocate, -1, 0x101, 0, 4096);
	emit(sprintrc(rc), "fallocate(-1, FALLOC_FL_KEEP_SIZE|0x100, 0, 4096)");
	rc = syscall(__NR_inotify_add_watch, -1, missing, 0x01000002);
	emit(sprintrc(rc), "inotify_add_watch(-1, \"%s\", IN_MODIFY|IN_ONLYDIR)", missing);
	rc = syscall(__NR_mlock2, page, 4096, 3);
	emit(sprintrc(rc), "mlock2(%s, 4096, MLOCK_ONFAULT|0x2)", sptr(page));
	rc = syscall(__NR_epoll_ctl, -1, EPOLL_CTL_DEL, -1, &ev);
	emit(sprintrc(rc), "epoll_ctl(-1, EPOLL_CTL_DEL, -1, %s)", sptr(&ev));

#ifdef __NR_getdents
	/* getdents (struct linux_dirent): the number of entries without -v */
	{
		static char dbuf[4096];
		int dfd = open("/", O_RDONLY | O_DIRECTORY);
		long off, n = 0;

		if (dfd < 0)
			return 1;
		rc = syscall(__NR_getdents, dfd, dbuf, sizeof(dbuf));
		for (off = 0; rc > 0 && off < rc; n++)
			off += *(unsigned short *)(dbuf + off + 16);
		emit(sprintrc(rc), "getdents(%d, %s /* %ld entries */, %zu)", dfd, sptr(dbuf), n,
		     sizeof(dbuf));
		close(dfd);
	}
#endif

	/* extended attributes: a value without its trailing NUL, a size query's address */
	rc = syscall(__NR_fsetxattr, -1, "user.bstrace", "foo\0bar", 8, 3);
	emit(sprintrc(rc), "fsetxattr(-1, \"user.bstrace\", \"foo\\0bar\", 8, "
	     "XATTR_CREATE|XATTR_REPLACE)");
	rc = syscall(__NR_listxattr, missing, name, 0);
	emit(sprintrc(rc), "listxattr(\"%s\", %s, 0)", missing, sptr(name));

	/* adjtimex with no modes only reads the clock's state */
	rc = syscall(__NR_adjtimex, &tx);
	emit(rc >= 0 && rc <= 5 ? sfmt("%ld (%s)", rc, states[rc]) : sprintrc(rc), "adjtimex(%s)",
	     rc >= 0 ? stimex(&tx) : sptr(&tx));

	/* rt_sigtimedwait: the signal it returns, by name */
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	if (sigprocmask(SIG_BLOCK, &set, NULL) || kill(pid, SIGUSR1))
		return 1;
	{
		siginfo_t si;

		rc = syscall(__NR_rt_sigtimedwait, &set, &si, &zero, 8);
		emit(rc == SIGUSR1 ? "10 (SIGUSR1)" : sprintrc(rc),
		     "rt_sigtimedwait([USR1], {si_signo=SIGUSR1, si_code=SI_USER, si_pid=%ld, "
		     "si_uid=%u}, {tv_sec=0, tv_nsec=0}, 8)", pid, (unsigned int)getuid());
	}
	return 0;
}
