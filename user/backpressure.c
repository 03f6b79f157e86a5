// SPDX-License-Identifier: GPL-2.0
/*
 * Backpressure for a launched command. The command runs in a cgroup v2 child of bstrace's own
 * cgroup. A guard thread sleeps on the ring buffer; the kernel side forces a wakeup once the
 * backlog passes the high-water mark, and the guard freezes the cgroup (cgroup.freeze). The
 * consumer thaws it once it has drained below the low-water mark.
 *
 * What the tracee can see: its cgroup (/proc/self/cgroup), and time passing. The freezer sends
 * no signal and changes no wait status. A blocking call that the kernel restarts after the
 * pause (read, wait4, nanosleep...) is restarted invisibly; calls that Linux never restarts
 * after a stop (epoll_wait, sigtimedwait, semop... see signal(7)) may return EINTR when a
 * pause hits them while they block.
 *
 * If bstrace is killed while the cgroup is frozen, a janitor process (forked here, outside the
 * cgroup) sees its pipe close, thaws the cgroup, moves its processes back and removes it.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <stdbool.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "backpressure.h"

struct bp {
	int parent_fd;			/* bstrace's cgroup directory */
	int dir_fd;			/* ours */
	int freeze_fd;			/* ours: cgroup.freeze */
	char name[32];
	const volatile uint64_t *cons;	/* ring positions (read-only mapping) */
	const volatile uint64_t *prod;
	void *map;
	size_t map_len;
	uint64_t high, low;
	volatile uint64_t *thaw_ns;	/* BPF globals */
	volatile uint64_t *cross_ns;
	pthread_t guard;
	bool started;
	volatile bool stop;
	int ep_fd, ring_fd, wake_fd;
	bool frozen;
	uint64_t frozen_at;
	struct bp_stats st;
	pid_t janitor;
	int janitor_fd;
};

static uint64_t mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

/* mountinfo escapes blanks and backslashes as \ooo */
static void unescape(char *s)
{
	char *d = s;

	for (; *s; s++) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' && s[2] <= '7' &&
		    s[3] >= '0' && s[3] <= '7') {
			*d++ = (s[1] - '0') << 6 | (s[2] - '0') << 3 | (s[3] - '0');
			s += 3;
		} else {
			*d++ = *s;
		}
	}
	*d = 0;
}

/* where the cgroup2 hierarchy is mounted, and the root of that mount */
static int cgroup2_mount(char *mnt, size_t mlen, char *root, size_t rlen)
{
	FILE *f = fopen("/proc/self/mountinfo", "re");
	char line[4096];
	int found = -1;

	if (!f)
		return -1;
	while (found && fgets(line, sizeof(line), f)) {
		char r[PATH_MAX], m[PATH_MAX], *sep = strstr(line, " - ");

		if (!sep || strncmp(sep, " - cgroup2 ", 11))
			continue;
		if (sscanf(line, "%*s %*s %*s %4095s %4095s", r, m) != 2)
			continue;
		unescape(r);
		unescape(m);
		snprintf(mnt, mlen, "%s", m);
		snprintf(root, rlen, "%s", r);
		found = 0;
	}
	fclose(f);
	return found;
}

/* our own cgroup v2 path ("0::PATH" in /proc/self/cgroup) */
static int own_cgroup(char *path, size_t len)
{
	FILE *f = fopen("/proc/self/cgroup", "re");
	char line[4096];
	int found = -1;

	if (!f)
		return -1;
	while (found && fgets(line, sizeof(line), f)) {
		if (strncmp(line, "0::", 3))
			continue;
		line[strcspn(line, "\n")] = 0;
		snprintf(path, len, "%s", line + 3);
		found = 0;
	}
	fclose(f);
	return found;
}

static int write_str(int fd, const char *s)
{
	ssize_t n = pwrite(fd, s, strlen(s), 0);

	return n == (ssize_t)strlen(s) ? 0 : -1;
}

/* moves every process of cgroup `from` (a dir fd) into cgroup `to` */
static void move_all(int from, int to)
{
	int procs = openat(to, "cgroup.procs", O_WRONLY | O_CLOEXEC);
	int pass, fd;

	if (procs < 0)
		return;
	/* new children may be forked while we move: a few passes */
	for (pass = 0; pass < 8; pass++) {
		char buf[4096], *p;
		ssize_t n;
		bool any = false;

		fd = openat(from, "cgroup.procs", O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			break;
		n = read(fd, buf, sizeof(buf) - 1);
		close(fd);
		if (n <= 0)
			break;
		buf[n] = 0;
		for (p = strtok(buf, "\n"); p; p = strtok(NULL, "\n")) {
			char pid[16];

			snprintf(pid, sizeof(pid), "%s", p);
			if (pwrite(procs, pid, strlen(pid), 0) > 0)
				any = true;
		}
		if (!any)
			break;
	}
	close(procs);
}

/* thaw, empty and remove the cgroup `name` under `parent` */
static void cleanup(int parent, const char *name)
{
	int dir = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	int fd, i;

	if (dir < 0)
		return;
	fd = openat(dir, "cgroup.freeze", O_WRONLY | O_CLOEXEC);
	if (fd >= 0) {
		write_str(fd, "0");
		close(fd);
	}
	/* an exiting task keeps the cgroup populated until it is reaped (by whoever inherited
	 * it, in its own time): keep trying for 30 s */
	for (i = 0; i < 600; i++) {
		move_all(dir, parent);
		if (!unlinkat(parent, name, AT_REMOVEDIR) || errno != EBUSY)
			break;
		usleep(50000);
	}
	close(dir);
}

/* The janitor: waits for bstrace to go away, then makes sure nothing stays frozen. */
static void janitor(int rfd, int parent, const char *name)
{
	int null = open("/dev/null", O_RDWR | O_CLOEXEC);
	char c;
	int i;

	/* keep nothing of bstrace's open: not its BPF links, not the pipe it writes to; both
	 * are moved out of the way first (one of them may be fd 3 or 4 already) */
	rfd = fcntl(rfd, F_DUPFD, 10);
	parent = fcntl(parent, F_DUPFD, 10);
	if (null < 0 || rfd < 0 || parent < 0 || dup2(rfd, 3) < 0 || dup2(parent, 4) < 0)
		_exit(1);
	dup2(null, 0);
	dup2(null, 1);
	dup2(null, 2);
#ifdef SYS_close_range
	if (syscall(SYS_close_range, 5u, ~0u, 0u))
#endif
		for (i = 5; i < 4096; i++)
			close(i);
	rfd = 3;
	parent = 4;

	/*
	 * A signal to bstrace's whole process group (a kill -9 of the job, a ctest or CI
	 * timeout) must not take the janitor with it: a session of its own. Ctrl-C and friends
	 * sent to it directly are ignored: it leaves with bstrace
	 */
	setsid();
	for (i = 1; i < NSIG; i++)
		if (i != SIGKILL && i != SIGSTOP && i != SIGCHLD)
			signal(i, SIG_IGN);
	while (read(rfd, &c, 1) < 0 && errno == EINTR)
		;
	cleanup(parent, name);
	_exit(0);
}

struct bp *bp_open(uint64_t ring_bytes, char *why, size_t why_len)
{
	char mnt[PATH_MAX], root[PATH_MAX], own[PATH_MAX], dir[3 * PATH_MAX];
	const char *rel;
	struct bp *b;
	int pfds[2];
	struct stat st;

	if (cgroup2_mount(mnt, sizeof(mnt), root, sizeof(root))) {
		snprintf(why, why_len, "no cgroup2 filesystem is mounted");
		return NULL;
	}
	if (own_cgroup(own, sizeof(own))) {
		snprintf(why, why_len, "this process is in no cgroup v2 (/proc/self/cgroup)");
		return NULL;
	}
	/* a mount of a subtree (containers): our path is below its root */
	rel = own;
	if (strcmp(root, "/")) {
		size_t n = strlen(root);

		if (strncmp(own, root, n) || (own[n] && own[n] != '/')) {
			snprintf(why, why_len, "our cgroup %s is outside the cgroup2 mount at %s",
				 own, mnt);
			return NULL;
		}
		rel = own + n;
	}
	snprintf(dir, sizeof(dir), "%s%s", mnt, rel);
	b = calloc(1, sizeof(*b));
	if (!b) {
		snprintf(why, why_len, "out of memory");
		return NULL;
	}
	b->dir_fd = b->freeze_fd = b->ep_fd = b->wake_fd = b->janitor_fd = -1;
	b->parent_fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (b->parent_fd < 0) {
		snprintf(why, why_len, "cannot open our cgroup %s: %s", dir, strerror(errno));
		goto fail;
	}
	snprintf(b->name, sizeof(b->name), "bstrace-%d", (int)getpid());
	/* a directory left by an earlier bstrace with this pid that was killed */
	unlinkat(b->parent_fd, b->name, AT_REMOVEDIR);
	if (mkdirat(b->parent_fd, b->name, 0755)) {
		snprintf(why, why_len, "cannot create a cgroup in %s: %s", dir, strerror(errno));
		goto fail;
	}
	b->dir_fd = openat(b->parent_fd, b->name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (b->dir_fd < 0 || fstat(b->dir_fd, &st) || !S_ISDIR(st.st_mode)) {
		snprintf(why, why_len, "cannot open the cgroup %s/%s", dir, b->name);
		goto fail_rm;
	}
	b->freeze_fd = openat(b->dir_fd, "cgroup.freeze", O_WRONLY | O_CLOEXEC);
	if (b->freeze_fd < 0) {
		snprintf(why, why_len, "cgroup.freeze: %s (the cgroup v2 freezer needs Linux 5.2)",
			 strerror(errno));
		goto fail_rm;
	}
	/* thawing at 1/16 keeps the consumer busy while the command starts again */
	ring_bytes = bp_ring_for(ring_bytes);
	b->high = bp_high_for(ring_bytes);
	b->low = ring_bytes / 16;

	if (pipe2(pfds, O_CLOEXEC)) {
		snprintf(why, why_len, "pipe: %s", strerror(errno));
		goto fail_rm;
	}
	b->janitor = fork();
	if (b->janitor < 0) {
		snprintf(why, why_len, "fork: %s", strerror(errno));
		close(pfds[0]);
		close(pfds[1]);
		goto fail_rm;
	}
	if (b->janitor == 0) {
		close(pfds[1]);
		janitor(pfds[0], b->parent_fd, b->name);
	}
	close(pfds[0]);
	b->janitor_fd = pfds[1];
	return b;

fail_rm:
	if (b->freeze_fd >= 0)
		close(b->freeze_fd);
	if (b->dir_fd >= 0)
		close(b->dir_fd);
	unlinkat(b->parent_fd, b->name, AT_REMOVEDIR);
fail:
	if (b->parent_fd >= 0)
		close(b->parent_fd);
	free(b);
	return NULL;
}



pid_t bp_janitor(const struct bp *b)
{
	return b ? b->janitor : -1;
}

int bp_cgroup_fd(const struct bp *b)
{
	return b ? b->dir_fd : -1;
}

int bp_kill(struct bp *b)
{
	char buf[32];
	FILE *f;
	int fd, pid;

	if (!b)
		return -EINVAL;
	/* cgroup.kill (5.14): every process in the cgroup, frozen ones too */
	fd = openat(b->dir_fd, "cgroup.kill", O_WRONLY | O_CLOEXEC);
	if (fd >= 0) {
		int ok = write(fd, "1", 1) == 1;

		close(fd);
		if (ok)
			return 0;
	}
	fd = openat(b->dir_fd, "cgroup.procs", O_RDONLY | O_CLOEXEC);
	f = fd >= 0 ? fdopen(fd, "r") : NULL;
	if (!f) {
		if (fd >= 0)
			close(fd);
		return -errno;
	}
	while (fgets(buf, sizeof(buf), f))
		if (sscanf(buf, "%d", &pid) == 1 && pid > 0)
			kill(pid, SIGKILL);
	fclose(f);
	return 0;
}

int bp_add(struct bp *b, pid_t pid)
{
	int fd = openat(b->dir_fd, "cgroup.procs", O_WRONLY | O_CLOEXEC);
	char buf[16];
	int err = 0;

	if (fd < 0)
		return -errno;
	snprintf(buf, sizeof(buf), "%d", (int)pid);
	if (write_str(fd, buf))
		err = -errno;
	close(fd);
	return err;
}

static uint64_t backlog(const struct bp *b)
{
	uint64_t c = __atomic_load_n(b->cons, __ATOMIC_ACQUIRE);
	uint64_t p = __atomic_load_n(b->prod, __ATOMIC_ACQUIRE);

	return p - c;
}

/* only the guard thread freezes and thaws */
static void set_frozen(struct bp *b, bool on)
{
	uint64_t now;

	if (write_str(b->freeze_fd, on ? "1" : "0"))
		return;
	now = mono_ns();
	__atomic_store_n(&b->frozen, on, __ATOMIC_RELEASE);
	if (on) {
		uint64_t cross = *b->cross_ns;

		b->st.pauses++;
		b->frozen_at = now;
		if (cross && now > cross && now - cross > b->st.max_react_ns)
			b->st.max_react_ns = now - cross;
	} else {
		b->st.paused_ns += now - b->frozen_at;
		*b->thaw_ns = now;
		/* the next crossing is timed afresh */
		*b->cross_ns = 0;
	}
}

static void check(struct bp *b)
{
	uint64_t n = backlog(b);

	if (n > b->st.peak_bytes)
		b->st.peak_bytes = n;
	if (!b->frozen && n >= b->high)
		set_frozen(b, true);
	else if (!b->frozen && *b->cross_ns)
		/* drained in time: the next crossing is timed afresh */
		*b->cross_ns = 0;
	else if (b->frozen && n <= b->low)
		set_frozen(b, false);
}

/*
 * The consumer, between chunks: once the backlog is below the low mark, wake the guard to thaw.
 * The guard does the writing: it runs at real-time priority, while this thread may be
 * preempted by the tasks it has just woken (with a lock held, that kept the guard from
 * freezing them again while they filled the ring).
 */
void bp_check(struct bp *b)
{
	uint64_t one = 1;

	if (!b || !__atomic_load_n(&b->frozen, __ATOMIC_ACQUIRE) || backlog(b) > b->low)
		return;
	if (write(b->wake_fd, &one, sizeof(one)) < 0)
		return;	/* the guard looks on its timer too */
}

static void *guard(void *arg)
{
	struct bp *b = arg;
	struct epoll_event ev[2];
	uint64_t v;

	while (!b->stop) {
		/* while frozen, the consumer wakes us to thaw; look now and then anyway */
		if (epoll_wait(b->ep_fd, ev, 2, b->frozen ? 5 : 100) < 0 && errno != EINTR)
			break;
		if (read(b->wake_fd, &v, sizeof(v)) < 0 && errno != EAGAIN)
			break;
		if (b->stop)
			break;
		check(b);
	}
	return NULL;
}

int bp_start(struct bp *b, int ring_fd, volatile uint64_t *thaw_ns, volatile uint64_t *cross_ns)
{
	struct epoll_event ev = { .events = EPOLLIN | EPOLLET };
	struct sched_param sp = { .sched_priority = 1 };
	long page = sysconf(_SC_PAGESIZE);
	int err;

	/* the consumer and producer positions: the ring's first two pages, read-only */
	b->map_len = 2 * page;
	b->map = mmap(NULL, b->map_len, PROT_READ, MAP_SHARED, ring_fd, 0);
	if (b->map == MAP_FAILED) {
		b->map = NULL;
		return -errno;
	}
	b->cons = b->map;
	b->prod = (const volatile uint64_t *)((char *)b->map + page);
	b->thaw_ns = thaw_ns;
	b->cross_ns = cross_ns;
	b->ring_fd = ring_fd;

	b->ep_fd = epoll_create1(EPOLL_CLOEXEC);
	b->wake_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (b->ep_fd < 0 || b->wake_fd < 0)
		return -errno;
	/* edge-triggered: woken by each of the kernel's wakeups, not by a non-empty ring */
	if (epoll_ctl(b->ep_fd, EPOLL_CTL_ADD, b->ring_fd, &ev))
		return -errno;
	ev.events = EPOLLIN;
	if (epoll_ctl(b->ep_fd, EPOLL_CTL_ADD, b->wake_fd, &ev))
		return -errno;
	err = pthread_create(&b->guard, NULL, guard, b);
	if (err)
		return -err;
	b->started = true;
	/*
	 * The reaction time decides how much of the ring a burst needs: a real-time guard
	 * preempts the tracee at once. It only sleeps and writes one byte. Without the right
	 * (no CAP_SYS_NICE, a container's RT budget of 0) it runs as an ordinary thread.
	 */
	pthread_setschedparam(b->guard, SCHED_FIFO, &sp);
	return 0;
}

void bp_close(struct bp *b, struct bp_stats *st)
{
	uint64_t one = 1;

	if (!b)
		return;
	if (b->started) {
		b->stop = true;
		/* the guard also wakes on its timeout */
		if (write(b->wake_fd, &one, sizeof(one)) < 0)
			b->stop = true;
		pthread_join(b->guard, NULL);
	}
	if (b->frozen)
		set_frozen(b, false);
	if (b->map)
		munmap(b->map, b->map_len);
	if (st)
		*st = b->st;
	close(b->freeze_fd);
	close(b->dir_fd);
	cleanup(b->parent_fd, b->name);
	/* the janitor finds nothing left to do */
	close(b->janitor_fd);
	waitpid(b->janitor, NULL, 0);
	if (b->ep_fd >= 0)
		close(b->ep_fd);
	if (b->wake_fd >= 0)
		close(b->wake_fd);
	close(b->parent_fd);
	free(b);
}
