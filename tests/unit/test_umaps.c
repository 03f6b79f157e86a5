// SPDX-License-Identifier: GPL-2.0
/* -k's mapping sets (user/umaps.c): the newest mapping of an address wins, /proc/PID/maps
 * fills a running process's set, and (as root) the perf side-band sees an mmap of a file. */
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"
#include "umaps.h"

void die(const char *fmt, ...)
{
	fprintf(stderr, "die: %s\n", fmt);
	exit(2);
}

void warnx_(const char *fmt, ...)
{
}

static void add(pid_t pid, uint64_t s, uint64_t e, uint64_t off, const char *path)
{
	struct umap m = { .start = s, .end = e, .pgoff = off, .path = (char *)path };

	umaps_add(pid, &m);
}

/* the set as "start-end:off:path ..." */
static const char *show(pid_t pid)
{
	static char buf[1024];
	const struct umap_set *ms = umaps_get(pid);
	size_t i, n = 0;

	buf[0] = 0;
	for (i = 0; ms && i < ms->n && n < sizeof(buf) - 64; i++)
		n += snprintf(buf + n, sizeof(buf) - n, "%s%llx-%llx:%llx:%s", i ? " " : "",
			      (unsigned long long)ms->maps[i].start,
			      (unsigned long long)ms->maps[i].end,
			      (unsigned long long)ms->maps[i].pgoff, ms->maps[i].path);
	return buf;
}

/* a child that waits for a byte on `fd`, then exits */
static pid_t waiting_child(int fd)
{
	pid_t c = fork();
	char b;

	if (!c)
		_exit(read(fd, &b, 1) == 1 ? 0 : 1);
	return c;
}

/* until the child is a zombie (exited, not reaped) */
static void wait_zombie(pid_t c)
{
	siginfo_t si;

	si.si_pid = 0;
	while (!waitid(P_PID, c, &si, WEXITED | WNOWAIT) && !si.si_pid)
		;
}

/* the lowest mapping's path: a program's own file (no path known: "-") */
static const char *first_path(const struct umap_set *ms)
{
	return ms && ms->n && ms->maps[0].path ? ms->maps[0].path : "-";
}

static const struct umap *find(const struct umap_set *ms, uintptr_t a)
{
	size_t i;

	for (i = 0; ms && i < ms->n; i++)
		if (a >= ms->maps[i].start && a < ms->maps[i].end)
			return &ms->maps[i];
	return NULL;
}

int main(void)
{
	/* a pid no process has: nothing read from /proc, the side-band is not open */
	pid_t p = 0x3ffffff0;
	const struct umap_set *ms;
	uint64_t gen;
	int fds[2];

	umaps_track(p, false);
	CHECK(umaps_get(p) == NULL, "an empty set is NULL");
	add(p, 0x1000, 0x5000, 0, "/a");
	add(p, 0x8000, 0x9000, 0x2000, "/b");
	CHECK_STR(show(p), "1000-5000:0:/a 8000-9000:2000:/b");
	gen = umaps_get(p)->gen;
	/* a hole in the middle of /a: its right part keeps the file offset it had */
	add(p, 0x2000, 0x3000, 0x7000, "/c");
	CHECK_STR(show(p), "1000-2000:0:/a 2000-3000:7000:/c 3000-5000:2000:/a 8000-9000:2000:/b");
	CHECK(umaps_get(p)->gen != gen, "a change changes the generation");
	/* one mapping over the end of one and the start of another, one over all */
	add(p, 0x4000, 0x8800, 0, "/d");
	CHECK_STR(show(p), "1000-2000:0:/a 2000-3000:7000:/c 3000-4000:2000:/a 4000-8800:0:/d "
			   "8800-9000:2800:/b");
	add(p, 0, 0x10000, 0, "/e");
	CHECK_STR(show(p), "0-10000:0:/e");
	add(p, 0x5000, 0x5000, 0, "/empty");
	CHECK_STR(show(p), "0-10000:0:/e");
	umaps_forget(p);
	CHECK(umaps_get(p) == NULL, "a forgotten process is not known");
	add(p, 0x1000, 0x2000, 0, "/untracked");
	CHECK(umaps_get(p) == NULL, "an untracked process keeps nothing");

	/* a running process: its executable mappings, this function's among them */
	umaps_track(getpid(), true);
	ms = umaps_get(getpid());
	CHECK(ms && ms->n > 0, "/proc/self/maps read");
	CHECK(find(ms, (uintptr_t)main) != NULL, "main's mapping is known");
	CHECK(find(ms, (uintptr_t)&p) == NULL, "the stack is not executable");
	/* without the side-band each look reads /proc again: the same maps, the same generation
	 * (the unwinder keeps the address space it built) */
	gen = ms ? ms->gen : 0;
	ms = umaps_get(getpid());
	CHECK(ms && ms->gen == gen, "a re-read finding the same maps keeps the generation");

	/* a zombie's /proc/PID/maps is empty, a reaped process's is gone: what was known stays */
	if (!pipe(fds)) {
		pid_t c = waiting_child(fds[0]);
		size_t n;

		umaps_track(c, true);
		ms = umaps_get(c);
		n = ms ? ms->n : 0;
		CHECK(n > 0, "the child's maps");
		CHECK(write(fds[1], "x", 1) == 1, "release the child");
		wait_zombie(c);
		ms = umaps_get(c);
		CHECK(ms && ms->n == n, "a zombie's maps: %zu, were %zu", ms ? ms->n : 0, n);
		waitpid(c, NULL, 0);
		ms = umaps_get(c);
		CHECK(ms && ms->n == n, "a reaped process's maps: %zu, were %zu", ms ? ms->n : 0, n);
		umaps_forget(c);
		close(fds[0]);
		close(fds[1]);
	}

	/* as root: the side-band sees an executable mapping made after it opened */
	if (umaps_open() == 0) {
		int fd = open("/bin/true", O_RDONLY | O_CLOEXEC);
		long pg = sysconf(_SC_PAGESIZE);
		void *m = fd >= 0 ? mmap(NULL, pg, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, pg)
				  : MAP_FAILED;
		const struct umap *u;

		CHECK(m != MAP_FAILED, "mmap of /bin/true");
		umaps_drain();
		ms = umaps_get(getpid());
		u = find(ms, (uintptr_t)m);
		CHECK(u && u->start == (uintptr_t)m && u->pgoff == (uint64_t)pg && u->ino,
		      "the side-band's mapping of /bin/true at %p", m);
		char *real = realpath("/bin/true", NULL);

		/* the kernel names the file, symlinks resolved (busybox's /bin/true) */
		CHECK(u && real && !strcmp(u->path, real), "its path: %s, want %s",
		      u ? u->path : "-", real ? real : "-");
		if (m != MAP_FAILED)
			munmap(m, pg);
		if (fd >= 0)
			close(fd);

		/* a fork copies the parent's set and the child's own mmap follows: all known after
		 * the child is reaped */
		if (real && !pipe(fds)) {
			void *cm = NULL;
			pid_t c = fork();

			if (!c) {
				int cfd = open("/bin/true", O_RDONLY | O_CLOEXEC);
				void *x = mmap(NULL, pg, PROT_READ | PROT_EXEC, MAP_PRIVATE, cfd, 0);

				_exit(write(fds[1], &x, sizeof(x)) == sizeof(x) ? 0 : 1);
			}
			CHECK(read(fds[0], &cm, sizeof(cm)) == sizeof(cm), "the child's mapping");
			waitpid(c, NULL, 0);
			umaps_drain();
			ms = umaps_get(c);
			u = find(ms, (uintptr_t)cm);
			CHECK(u && u->start == (uintptr_t)cm && u->pgoff == 0 && u->path &&
			      !strcmp(u->path, real), "the exited child's mmap at %p", cm);
			CHECK(find(ms, (uintptr_t)main) != NULL, "the child has the parent's mappings");
			umaps_forget(c);

			/* an exec: the new program's mappings only */
			c = fork();
			if (!c) {
				execl("/bin/true", "true", (char *)NULL);
				_exit(127);
			}
			waitpid(c, NULL, 0);
			umaps_drain();
			ms = umaps_get(c);
			CHECK(!strcmp(first_path(ms), real), "exec'd: %s", first_path(ms));
			CHECK(!find(ms, (uintptr_t)main), "the old program's mappings are gone");
			umaps_forget(c);
			close(fds[0]);
			close(fds[1]);
		}
		free(real);
	} else {
		printf("(no perf side-band here: not root?)\n");
	}
	umaps_close();
	return check_done();
}
