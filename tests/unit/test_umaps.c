// SPDX-License-Identifier: GPL-2.0
/* -k's mapping sets (user/umaps.c): the newest mapping of an address wins, /proc/PID/maps
 * fills a running process's set, and (as root) the perf side-band sees an mmap of a file. */
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/mman.h>
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
		free(real);
		if (m != MAP_FAILED)
			munmap(m, pg);
		if (fd >= 0)
			close(fd);
	} else {
		printf("(no perf side-band here: not root?)\n");
	}
	umaps_close();
	return check_done();
}
