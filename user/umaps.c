// SPDX-License-Identifier: GPL-2.0
/*
 * -k: the executable mappings of the traced processes, so that a stack can be unwound after its
 * process has exited (its /proc/PID/maps is gone by then).
 *
 * The side-band is a dummy software perf event per CPU, system-wide, with mmap2 (executable
 * mappings: start, length, file offset, device, inode, path), comm_exec (an exec empties the
 * process's set; the new program's mappings come after it) and task (a fork copies the
 * parent's set) records, each stamped with CLOCK_MONOTONIC so the rings of all CPUs can be
 * merged in order. Only tracked processes are kept: the launched command, -p pids and the
 * children tracked ones fork. A lost record makes the sets unreliable: they are read again
 * from /proc while their process lives. Without the side-band, /proc/PID/maps is all there is.
 *
 * Bounded: MAX_PROCS processes (the least recently used one goes), MAX_MAPS mappings each (past
 * it the set is marked unreliable and stops growing), paths of PATH_MAX bytes.
 */
#include <errno.h>
#include <limits.h>
#include <linux/perf_event.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "umaps.h"

#define MAX_PROCS	4096
#define MAX_MAPS	8192
#define RING_PAGES	64	/* data pages per CPU: 256 KiB */
#define MAX_CPUS	1024

struct proc {
	pid_t tgid;		/* 0: free */
	bool unreliable;	/* a record may be missing: read /proc again */
	uint64_t last_use;
	struct umap *maps;
	struct umap_set set;
	size_t cap;
};

struct ring {
	int fd;
	struct perf_event_mmap_page *meta;
	uint8_t *data;
	size_t size;	/* data part, a power of two */
};

/* one side-band record, copied out of its ring for the merge */
struct rec {
	uint64_t time;
	uint64_t seq;	/* read order: one ring's records keep theirs on equal times */
	uint32_t type;
	uint16_t misc;
	uint16_t size;
	uint8_t *p;	/* the whole record, header included */
};

static struct proc procs[MAX_PROCS];
static size_t nprocs_used;	/* procs[] below this index may be in use */
static uint64_t use_clock, gen_clock;
static struct ring rings[MAX_CPUS];
static int nrings;
static bool sideband;
static struct rec *pend;	/* newer than the last drain's start: for the next drain */
static size_t npend, pend_cap;
static uint64_t rec_seq;

static struct proc *proc_find(pid_t tgid)
{
	size_t i;

	for (i = 0; i < nprocs_used; i++)
		if (procs[i].tgid == tgid)
			return &procs[i];
	return NULL;
}

static void proc_clear(struct proc *p)
{
	size_t i;

	for (i = 0; i < p->set.n; i++)
		free(p->maps[i].path);
	p->set.n = 0;
	p->set.gen = ++gen_clock;
}

static void proc_free(struct proc *p)
{
	proc_clear(p);
	free(p->maps);
	memset(p, 0, sizeof(*p));
}

/* a slot for a new process: a free one, else the least recently used */
static struct proc *proc_new(pid_t tgid)
{
	struct proc *p = NULL, *old = NULL;
	size_t i;

	for (i = 0; i < nprocs_used && !p; i++)
		if (!procs[i].tgid)
			p = &procs[i];
	if (!p && nprocs_used < MAX_PROCS)
		p = &procs[nprocs_used++];
	if (!p) {
		for (i = 0; i < MAX_PROCS; i++)
			if (!old || procs[i].last_use < old->last_use)
				old = &procs[i];
		proc_free(old);
		p = old;
	}
	p->tgid = tgid;
	p->last_use = ++use_clock;
	p->set.gen = ++gen_clock;
	return p;
}

static bool put_map(struct proc *p, size_t at, const struct umap *m, const char *path)
{
	if (p->set.n == p->cap) {
		size_t nc = p->cap ? p->cap * 2 : 16;
		struct umap *nm = realloc(p->maps, nc * sizeof(*nm));

		if (!nm)
			return false;
		p->maps = nm;
		p->cap = nc;
	}
	memmove(&p->maps[at + 1], &p->maps[at], (p->set.n - at) * sizeof(*m));
	p->maps[at] = *m;
	p->maps[at].path = strdup(path ? path : "");
	if (!p->maps[at].path) {
		memmove(&p->maps[at], &p->maps[at + 1], (p->set.n - at) * sizeof(*m));
		return false;
	}
	p->set.n++;
	return true;
}

static void drop_map(struct proc *p, size_t at)
{
	free(p->maps[at].path);
	memmove(&p->maps[at], &p->maps[at + 1], (p->set.n - at - 1) * sizeof(p->maps[0]));
	p->set.n--;
}

/* the newest mapping of an address wins: the parts of older ones it covers go */
static void add_map(struct proc *p, const struct umap *m)
{
	size_t i = 0;

	if (m->end <= m->start)
		return;
	p->set.gen = ++gen_clock;
	while (i < p->set.n) {
		struct umap *o = &p->maps[i];

		if (o->end <= m->start || o->start >= m->end) {
			i++;
			continue;
		}
		if (o->start < m->start && o->end > m->end) {
			/* m punches a hole: the right part is a mapping of its own */
			struct umap right = *o;

			right.pgoff += m->end - o->start;
			right.start = m->end;
			o->end = m->start;
			if (p->set.n >= MAX_MAPS || !put_map(p, i + 1, &right, o->path))
				p->unreliable = true;
			i++;
		} else if (o->start < m->start) {
			o->end = m->start;
			i++;
		} else if (o->end > m->end) {
			o->pgoff += m->end - o->start;
			o->start = m->end;
			i++;
		} else {
			drop_map(p, i);
		}
	}
	if (p->set.n >= MAX_MAPS) {
		p->unreliable = true;
		return;
	}
	for (i = 0; i < p->set.n && p->maps[i].start < m->start; i++)
		;
	if (!put_map(p, i, m, m->path))
		p->unreliable = true;
}

void umaps_add(pid_t tgid, const struct umap *m)
{
	struct proc *p = proc_find(tgid);

	if (p)
		add_map(p, m);
}

/* the same mappings, paths included */
static bool same_maps(const struct proc *a, const struct proc *b)
{
	size_t i;

	if (a->set.n != b->set.n)
		return false;
	for (i = 0; i < a->set.n; i++) {
		const struct umap *x = &a->maps[i], *y = &b->maps[i];

		if (x->start != y->start || x->end != y->end || x->pgoff != y->pgoff ||
		    x->ino != y->ino || x->maj != y->maj || x->min != y->min ||
		    strcmp(x->path, y->path))
			return false;
	}
	return true;
}

/*
 * /proc/TGID/maps, executable mappings only; false when the process is gone: no file, or no
 * executable mapping (the maps of a zombie, and of a process whose leader thread exited, are
 * empty), and what was known stays. A re-read that finds what was known keeps the generation:
 * the unwinder keeps its address space instead of building it again for each stack.
 */
static bool read_proc_maps(struct proc *p)
{
	struct proc tmp = { .tgid = p->tgid };
	char path[64], line[512 + PATH_MAX];
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/maps", (int)p->tgid);
	f = fopen(path, "re");
	if (!f)
		return false;
	while (fgets(line, sizeof(line), f)) {
		unsigned long long start, end, off, ino;
		unsigned int maj, min;
		char perms[8];
		int name_at = 0;
		struct umap m;
		char *nl;

		if (sscanf(line, "%llx-%llx %7s %llx %x:%x %llu %n", &start, &end, perms, &off,
			   &maj, &min, &ino, &name_at) < 7 || !strchr(perms, 'x'))
			continue;
		nl = strchr(line, '\n');
		if (nl)
			*nl = 0;
		m = (struct umap){ .start = start, .end = end, .pgoff = off, .ino = ino,
				   .maj = maj, .min = min, .path = line + name_at };
		add_map(&tmp, &m);
	}
	fclose(f);
	if (!tmp.set.n) {
		proc_free(&tmp);
		return false;
	}
	p->unreliable = tmp.unreliable;
	if (same_maps(p, &tmp)) {
		proc_free(&tmp);
		return true;
	}
	proc_clear(p);
	free(p->maps);
	p->maps = tmp.maps;
	p->cap = tmp.cap;
	p->set.n = tmp.set.n;
	return true;
}

int umaps_open(void)
{
	long ncpu = sysconf(_SC_NPROCESSORS_CONF), page = sysconf(_SC_PAGESIZE);
	struct perf_event_attr a;
	int cpu, err = 0;

	if (sideband)
		return 0;
	memset(&a, 0, sizeof(a));
	a.type = PERF_TYPE_SOFTWARE;
	a.size = sizeof(a);
	a.config = PERF_COUNT_SW_DUMMY;
	a.sample_type = PERF_SAMPLE_TID | PERF_SAMPLE_TIME;
	a.sample_id_all = 1;
	a.mmap = 1;
	a.mmap2 = 1;
	a.comm = 1;
	a.comm_exec = 1;
	a.task = 1;
	a.use_clockid = 1;
	a.clockid = CLOCK_MONOTONIC;
	a.exclude_kernel = 1;
	for (cpu = 0; cpu < ncpu && cpu < MAX_CPUS; cpu++) {
		size_t len = (size_t)(1 + RING_PAGES) * page;
		struct ring *r = &rings[nrings];
		int fd = syscall(SYS_perf_event_open, &a, -1, cpu, -1, PERF_FLAG_FD_CLOEXEC);
		void *m;

		if (fd < 0) {
			if (errno != ENODEV)	/* a CPU that is not online */
				err = -errno;
			continue;
		}
		m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		if (m == MAP_FAILED) {
			err = -errno;
			close(fd);
			continue;
		}
		r->fd = fd;
		r->meta = m;
		r->data = (uint8_t *)m + page;
		r->size = (size_t)RING_PAGES * page;
		nrings++;
	}
	if (!nrings || err) {
		umaps_close();
		return err ? err : -ENODEV;
	}
	sideband = true;
	return 0;
}

static int rec_cmp(const void *a, const void *b)
{
	const struct rec *x = a, *y = b;

	if (x->time != y->time)
		return x->time < y->time ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void mark_all_unreliable(void)
{
	size_t i;

	for (i = 0; i < nprocs_used; i++)
		if (procs[i].tgid)
			procs[i].unreliable = true;
}

static void apply(const struct rec *r)
{
	const uint8_t *p = r->p + sizeof(struct perf_event_header);
	uint32_t pid, ppid;
	struct proc *pr, *c;
	struct umap m;
	size_t i;

	switch (r->type) {
	case PERF_RECORD_MMAP2: {
		/* pid tid addr len pgoff maj min ino ino_gen prot flags filename[] */
		uint64_t v[3], ino;
		uint32_t mm[2];
		size_t fixed = 8 + 24 + 8 + 16 + 8, nlen;
		char path[PATH_MAX];

		if (r->size < sizeof(struct perf_event_header) + fixed + 16)
			return;
		memcpy(&pid, p, 4);
		pr = proc_find(pid);
		if (!pr)
			return;
		memcpy(v, p + 8, 24);
		memcpy(mm, p + 32, 8);
		memcpy(&ino, p + 40, 8);
		nlen = r->size - sizeof(struct perf_event_header) - fixed - 16;
		if (nlen >= sizeof(path))
			nlen = sizeof(path) - 1;
		memcpy(path, p + fixed, nlen);
		path[nlen] = 0;
		if (r->misc & PERF_RECORD_MISC_MMAP_BUILD_ID)
			ino = 0, mm[0] = mm[1] = 0;	/* the union holds a build id instead */
		if (!ino && !strcmp(path, "//anon"))
			path[0] = 0;	/* anonymous memory, nameless as in /proc (not the file /anon) */
		m = (struct umap){ .start = v[0], .end = v[0] + v[1], .pgoff = v[2], .ino = ino,
				   .maj = mm[0], .min = mm[1], .path = path };
		add_map(pr, &m);
		break;
	}
	case PERF_RECORD_COMM:
		if (!(r->misc & PERF_RECORD_MISC_COMM_EXEC) || r->size < 16)
			return;
		memcpy(&pid, p, 4);
		pr = proc_find(pid);
		if (pr) {
			proc_clear(pr);
			pr->unreliable = false;
		}
		break;
	case PERF_RECORD_FORK:
		if (r->size < sizeof(struct perf_event_header) + 24)
			return;
		memcpy(&pid, p, 4);
		memcpy(&ppid, p + 4, 4);
		if (pid == ppid || !(pr = proc_find(ppid)))
			return;	/* a thread, or an untracked parent */
		c = proc_find(pid);
		if (c)
			proc_clear(c);
		else
			c = proc_new(pid);
		pr = proc_find(ppid);	/* proc_new may have moved nothing, but recycled it */
		if (!pr)
			return;
		for (i = 0; i < pr->set.n; i++)
			if (!put_map(c, c->set.n, &pr->maps[i], pr->maps[i].path))
				c->unreliable = true;
		c->unreliable |= pr->unreliable;
		c->set.gen = ++gen_clock;
		break;
	case PERF_RECORD_LOST:
		mark_all_unreliable();
		break;
	}
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/*
 * The records of all rings in time order, each applied once. A record is timed before it is
 * written: when this drain reads one CPU's ring, another may still be writing an older record
 * (a fork the child's mmap on this CPU comes after). So only the records older than the
 * drain's start are applied, the others wait for the next drain: by then the older ones of
 * every ring are in. The caller drains after reading the stack, so that its mappings, made
 * before it, are applied.
 */
void umaps_drain(void)
{
	struct rec *recs = pend;
	size_t n = npend, cap = pend_cap, keep = 0, i;
	uint64_t t0 = now_ns();
	int c;

	for (c = 0; c < nrings; c++) {
		struct ring *r = &rings[c];
		uint64_t head = __atomic_load_n(&r->meta->data_head, __ATOMIC_ACQUIRE);
		uint64_t tail = r->meta->data_tail;

		while (tail < head) {
			struct perf_event_header h;
			size_t off = tail & (r->size - 1), k;
			uint8_t *copy;

			/* a record may wrap around the end of the ring */
			for (k = 0; k < sizeof(h); k++)
				((uint8_t *)&h)[k] = r->data[(off + k) & (r->size - 1)];
			if (h.size < sizeof(h) || h.size > head - tail) {
				/* not a record: skip the rest, or the ring stays stuck on it */
				mark_all_unreliable();
				tail = head;
				break;
			}
			copy = malloc(h.size);
			if (n == cap) {
				size_t nc = cap ? cap * 2 : 64;
				struct rec *nr = realloc(recs, nc * sizeof(*nr));

				if (nr)
					recs = nr, cap = nc;
			}
			if (!copy || n == cap) {
				free(copy);
				mark_all_unreliable();
				tail += h.size;
				continue;
			}
			for (k = 0; k < h.size; k++)
				copy[k] = r->data[(off + k) & (r->size - 1)];
			recs[n] = (struct rec){ .type = h.type, .misc = h.misc, .size = h.size,
						.p = copy, .seq = rec_seq++ };
			/* sample_id_all: {pid, tid, time} ends every record; FORK has its own */
			if (h.size >= sizeof(h) + 16)
				memcpy(&recs[n].time, copy + h.size - 8, 8);
			n++;
			tail += h.size;
		}
		__atomic_store_n(&r->meta->data_tail, tail, __ATOMIC_RELEASE);
	}
	if (n > 1)
		qsort(recs, n, sizeof(*recs), rec_cmp);
	for (i = 0; i < n; i++) {
		if (recs[i].time > t0) {
			recs[keep++] = recs[i];
			continue;
		}
		apply(&recs[i]);
		free(recs[i].p);
	}
	pend = recs;
	npend = keep;
	pend_cap = cap;
}

void umaps_track(pid_t tgid, bool read_proc)
{
	struct proc *p = proc_find(tgid);

	if (!p)
		p = proc_new(tgid);
	if (read_proc && !read_proc_maps(p))
		p->unreliable = false;	/* gone already: what the side-band says is all */
}

const struct umap_set *umaps_get(pid_t tgid)
{
	struct proc *p = proc_find(tgid);

	/* not tracked (its fork record was lost, or it was the least recently used): if it
	 * runs, /proc knows its mappings */
	if (!p && tgid > 0) {
		p = proc_new(tgid);
		if (!read_proc_maps(p)) {
			proc_free(p);
			return NULL;
		}
	}
	if (!p)
		return NULL;
	p->last_use = ++use_clock;
	if (!sideband || p->unreliable)
		read_proc_maps(p);
	p->set.maps = p->maps;
	return p->set.n ? &p->set : NULL;
}

void umaps_forget(pid_t tgid)
{
	struct proc *p = proc_find(tgid);

	if (p)
		proc_free(p);
}

void umaps_close(void)
{
	long page = sysconf(_SC_PAGESIZE);
	size_t i;
	int c;

	for (c = 0; c < nrings; c++) {
		munmap(rings[c].meta, (size_t)(1 + RING_PAGES) * page);
		close(rings[c].fd);
	}
	nrings = 0;
	sideband = false;
	for (i = 0; i < npend; i++)
		free(pend[i].p);
	free(pend);
	pend = NULL;
	npend = pend_cap = 0;
	for (i = 0; i < nprocs_used; i++)
		if (procs[i].tgid)
			proc_free(&procs[i]);
	nprocs_used = 0;
}
