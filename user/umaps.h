/* SPDX-License-Identifier: GPL-2.0 */
/* -k: the executable mappings of traced processes, kept past their exit (a perf side-band). */
#ifndef BSTRACE_UMAPS_H
#define BSTRACE_UMAPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct umap {
	uint64_t start, end;	/* [start, end) */
	uint64_t pgoff;		/* file offset of start */
	uint64_t ino;		/* 0: not known */
	uint32_t maj, min;
	char *path;		/* as the kernel names it ("/usr/lib/.../libc.so.6", "[vdso]") */
};

struct umap_set {
	const struct umap *maps;	/* sorted by start, not overlapping */
	size_t n;
	uint64_t gen;			/* changes whenever the set changes */
};

/* one dummy perf event per CPU with mmap2/comm_exec/task records; 0 or -errno */
int umaps_open(void);
/* applies what the side-band saw since the last call, in time order */
void umaps_drain(void);
/* keep the mappings of this process; `read_proc`: fill them from /proc/TGID/maps now */
void umaps_track(pid_t tgid, bool read_proc);
/* the process's mappings (after a drain), NULL when nothing is known */
const struct umap_set *umaps_get(pid_t tgid);
void umaps_forget(pid_t tgid);
void umaps_close(void);

/* for tests: add a mapping to a tracked process as a side-band record would */
void umaps_add(pid_t tgid, const struct umap *m);

#endif /* BSTRACE_UMAPS_H */
