// SPDX-License-Identifier: GPL-2.0
/*
 * Counting modes. The kernel aggregates per syscall (and per --by key) in per-CPU maps; this
 * reads them at the end or at every -i interval (printing the difference to the previous
 * reading) and hands the rows to the summary printers.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "profile.h"
#include "count.h"
#include "decode.h"
#include "loader.h"
#include "summary.h"
#include "syscalls.h"

/* Ctrl-C and friends, counted by main.c's handler */
volatile sig_atomic_t bstrace_interrupted;

static struct sc_total noted[BSTRACE_NR_MAX];

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void summary_opts_from(const struct settings *s, struct summary_opts *so)
{
	memset(so, 0, sizeof(*so));
	so->sort = s->sort;
	so->wall = s->wall;
	so->columns = s->columns;
	so->format = s->format;
	so->latency = s->latency;
	so->top = s->top;
	so->failed_only = s->failed_only;
}

/* ---- cgroup v2 ids <-> paths ---- */

static char cgroup_root[PATH_MAX];

static const char *cgroup2_mount(void)
{
	char line[4096], mnt[PATH_MAX], type[64];
	FILE *f;

	if (cgroup_root[0])
		return cgroup_root;
	f = fopen("/proc/self/mountinfo", "re");
	if (!f)
		return NULL;
	while (fgets(line, sizeof(line), f)) {
		/* ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTS... - TYPE SOURCE SUPEROPTS */
		char *dash = strstr(line, " - ");

		if (!dash || sscanf(dash + 3, "%63s", type) != 1 || strcmp(type, "cgroup2"))
			continue;
		if (sscanf(line, "%*s %*s %*s %*s %4095s", mnt) == 1) {
			snprintf(cgroup_root, sizeof(cgroup_root), "%s", mnt);
			break;
		}
	}
	fclose(f);
	return cgroup_root[0] ? cgroup_root : NULL;
}

uint64_t count_cgroup_id(const char *path)
{
	const char *root = cgroup2_mount();
	struct stat st;

	if (!root)
		die("--cgroup: no cgroup v2 hierarchy is mounted");
	if (stat(path, &st))
		die("--cgroup: cannot use '%s': %s", path, strerror(errno));
	if (!S_ISDIR(st.st_mode) || strncmp(path, root, strlen(root)))
		die("--cgroup: '%s' is not a cgroup v2 directory (under %s)", path, root);
	return st.st_ino;
}

static bool cgroup_find(const char *dir, uint64_t id, int depth, char *out, size_t len);

bool count_cgroup_path(uint64_t id, char *out, size_t len)
{
	return cgroup2_mount() && cgroup_find(cgroup_root, id, 0, out, len);
}

/* the path of cgroup `id` below the v2 root, searched depth-first (bounded depth) */
static bool cgroup_find(const char *dir, uint64_t id, int depth, char *out, size_t len)
{
	struct dirent *de;
	struct stat st;
	char sub[PATH_MAX];
	bool found = false;
	DIR *d;
	int n;

	if (!stat(dir, &st) && st.st_ino == id) {
		snprintf(out, len, "%s", dir + strlen(cgroup_root));
		if (!out[0])
			snprintf(out, len, "/");
		return true;
	}
	if (depth > 8 || !(d = opendir(dir)))
		return false;
	while (!found && (de = readdir(d))) {
		if (de->d_type != DT_DIR || de->d_name[0] == '.')
			continue;
		n = snprintf(sub, sizeof(sub), "%s/%s", dir, de->d_name);
		if (n < 0 || (size_t)n >= sizeof(sub))
			continue;	/* longer than a path can be: not a cgroup we can name */
		found = cgroup_find(sub, id, depth + 1, out, len);
	}
	closedir(d);
	return found;
}

/* ---- reading the maps ---- */

struct reading {
	struct sc_total sc[BSTRACE_NR_MAX];
	struct group_total *grp;
	size_t ngrp, cap;
};

static void add_group(void *ctx, const struct group_key *k, const struct group_val *v)
{
	struct reading *r = ctx;
	struct group_total *g;

	if (r->ngrp == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 256;
		r->grp = realloc(r->grp, r->cap * sizeof(*r->grp));
		if (!r->grp)
			die("out of memory");
	}
	g = &r->grp[r->ngrp++];
	memset(g, 0, sizeof(*g));
	g->id = k->id;
	g->count = v->count;
	g->errors = v->errors;
	g->total_ns = v->total_ns;
	memcpy(g->name, k->comm, sizeof(k->comm));
	g->name[sizeof(k->comm)] = 0;
}

static void read_all(const struct settings *s, struct loader *l, struct reading *r)
{
	struct sc_stats st;
	uint32_t nr;

	for (nr = 0; nr < BSTRACE_NR_MAX; nr++) {
		struct sc_total *t = &r->sc[nr];

		memset(t, 0, sizeof(*t));
		t->nr = nr;
		if (loader_read_stats(l, nr, &st) || !st.count)
			continue;
		t->count = st.count;
		t->errors = st.errors;
		t->total_ns = st.total_ns;
		t->min_ns = st.min_ns;
		t->max_ns = st.max_ns;
		memcpy(t->hist, st.hist, sizeof(t->hist));
	}
	r->ngrp = 0;
	if (s->group != GROUP_NONE)
		loader_read_groups(l, add_group, r);
}

static int cmp_group(const void *a, const void *b)
{
	const struct group_total *x = a, *y = b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* `cur` minus `prev`, into `out`: the counts of one -i interval */
static void diff_reading(const struct reading *cur, const struct reading *prev,
			 struct reading *out)
{
	size_t i;
	int b;

	for (i = 0; i < BSTRACE_NR_MAX; i++) {
		out->sc[i] = cur->sc[i];
		out->sc[i].count -= prev->sc[i].count;
		out->sc[i].errors -= prev->sc[i].errors;
		out->sc[i].total_ns -= prev->sc[i].total_ns;
		for (b = 0; b < SUMMARY_HIST_BUCKETS; b++)
			out->sc[i].hist[b] -= prev->sc[i].hist[b];
	}
	out->ngrp = 0;
	/* up to 10240 rows a reading: match them by binary search, not pairwise */
	if (prev->ngrp)
		qsort(prev->grp, prev->ngrp, sizeof(*prev->grp), cmp_group);
	for (i = 0; i < cur->ngrp; i++) {
		struct group_total g = cur->grp[i];
		const struct group_total *p = prev->ngrp ? bsearch(&g, prev->grp, prev->ngrp,
								   sizeof(g), cmp_group) : NULL;

		if (p) {
			g.count -= p->count;
			g.errors -= p->errors;
			g.total_ns -= p->total_ns;
		}
		if (!g.count)
			continue;
		add_group(out, &(struct group_key){ .id = g.id },
			  &(struct group_val){ g.count, g.errors, g.total_ns });
		memcpy(out->grp[out->ngrp - 1].name, g.name, sizeof(g.name));
	}
}

/* ids to what a user reads: cgroup paths, errno names */
static void name_groups(const struct settings *s, struct reading *r)
{
	size_t i;

	for (i = 0; i < r->ngrp; i++) {
		struct group_total *g = &r->grp[i];
		const char *n;

		if (s->group == GROUP_CGROUP) {
			if (!cgroup2_mount() ||
			    !cgroup_find(cgroup_root, g->id, 0, g->name, sizeof(g->name)))
				snprintf(g->name, sizeof(g->name), "cgroup:%llu",
					 (unsigned long long)g->id);
		} else if (s->group == GROUP_ERRNO) {
			n = errno_name(g->id);
			snprintf(g->name, sizeof(g->name), "%s", n ? n : "?");
		}
	}
}

static const enum group_by by_of[] = {
	[GROUP_PROCESS] = BY_PROCESS, [GROUP_COMM] = BY_COMM, [GROUP_CGROUP] = BY_CGROUP,
	[GROUP_ERRNO] = BY_ERRNO,
};

static void print_reading(const struct settings *s, struct reading *r, struct outbuf *o)
{
	struct summary_opts so;

	summary_opts_from(s, &so);
	name_groups(s, r);
	if (s->group != GROUP_NONE)
		summary_print_groups(o, &so, by_of[s->group], r->grp, r->ngrp);
	else if (s->histogram)
		summary_print_histograms(o, &so, r->sc, BSTRACE_NR_MAX);
	else if (s->subsystems)
		summary_print_subsystems(o, &so, r->sc, BSTRACE_NR_MAX);
	else if (s->all)
		summary_print_counts(o, &so, r->sc, BSTRACE_NR_MAX);
	else
		summary_print_strace(o, &so, r->sc, BSTRACE_NR_MAX);
	ob_flush(o);
}

static void print_interval_stamp(const struct settings *s, struct outbuf *o)
{
	char buf[32];
	time_t t = time(NULL);
	struct tm tm;

	if (s->format != FMT_TEXT)
		return;
	localtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%H:%M:%S", &tm);
	ob_line_begin(o);
	ob_printf(o, "[%s]", buf);
	ob_line_end(o);
}

static bool any_alive(const struct settings *s)
{
	int i;

	for (i = 0; i < s->npids; i++)
		if (!kill(s->pids[i], 0) || errno == EPERM)
			return true;
	return false;
}

int count_loop(const struct settings *s, struct loader *l, pid_t child, int out_fd)
{
	struct reading *cur = calloc(1, sizeof(*cur)), *prev = calloc(1, sizeof(*prev));
	struct reading *delta = calloc(1, sizeof(*delta));
	struct outbuf *o = malloc(sizeof(*o));
	double start = now_s(), next = start + s->interval;
	int status = 0;

	if (!cur || !prev || !delta || !o)
		die("out of memory");
	ob_init(o, out_fd);
	for (;;) {
		double t;

		loader_poll(l, 50);
		t = now_s();
		if (child > 0 && waitpid(child, &status, WNOHANG) == child)
			break;
		if (child <= 0 && s->npids && !any_alive(s))
			break;
		if (s->duration && t - start >= s->duration)
			break;
		if (bstrace_interrupted)
			break;
		if (s->interval && t >= next) {
			read_all(s, l, cur);
			diff_reading(cur, prev, delta);
			print_interval_stamp(s, o);
			print_reading(s, delta, o);
			struct reading *tmp = prev;

			prev = cur;
			cur = tmp;
			next += s->interval;
		}
	}
	read_all(s, l, cur);
	if (s->seccomp_profile)
		for (uint32_t nr = 0; nr < BSTRACE_NR_MAX; nr++)
			if (cur->sc[nr].count)
				profile_note(nr);
	if (s->interval) {
		/* the last, partial interval */
		diff_reading(cur, prev, delta);
		print_interval_stamp(s, o);
		print_reading(s, delta, o);
	} else {
		print_reading(s, cur, o);
	}
	free(cur->grp);
	free(prev->grp);
	free(delta->grp);
	free(cur);
	free(prev);
	free(delta);
	free(o);
	return status;
}

void count_note(uint32_t nr, int64_t ret, uint64_t lat_ns)
{
	struct sc_total *t;

	if (nr >= BSTRACE_NR_MAX)
		return;
	t = &noted[nr];
	t->nr = nr;
	t->count++;
	t->errors += is_errno_ret(ret);
	t->total_ns += lat_ns;
	if (!t->min_ns || lat_ns < t->min_ns)
		t->min_ns = lat_ns;
	if (lat_ns > t->max_ns)
		t->max_ns = lat_ns;
}

void count_print_noted(const struct settings *s, int out_fd)
{
	struct summary_opts so;
	struct outbuf *o = malloc(sizeof(*o));

	if (!o)
		die("out of memory");
	ob_init(o, out_fd);
	summary_opts_from(s, &so);
	so.wall = true;	/* from the trace's enter and exit times */
	summary_print_strace(o, &so, noted, BSTRACE_NR_MAX);
	ob_flush(o);
	free(o);
}
