/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Prometheus text exposition (format 0.0.4) or OpenMetrics 1.0.0 of one snapshot of the kernel
 * aggregates. The daemon fills a snapshot from the BPF maps; the renderer sorts, bounds (top-K)
 * and prints.
 */
#ifndef BSTRACED_METRICS_H
#define BSTRACED_METRICS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/types.h>
#include "bstrace.h"

/* one syscall's totals, from the per-CPU `stats` array summed over the CPUs */
struct msnap_sys {
	const char *name;	/* syscall name ("read"); never NULL */
	struct sc_stats st;	/* count, errors, total_ns, hist[] (log2 ns buckets) */
};

/* one (syscall, label) or (syscall, errno) row */
struct msnap_row {
	const char *syscall;	/* never NULL */
	char label[256];	/* comm, cgroup path or errno name ("ENOENT"); any bytes, escaped */
	uint64_t count;		/* calls (by_label) or failed calls (by_errno) */
};

struct metrics_snapshot {
	struct msnap_sys *sys;		/* every syscall with count > 0 */
	size_t nsys;
	bool histogram;			/* st.hist/total_ns valid: print the duration histogram */

	const char *label_name;		/* "comm" or "cgroup"; NULL: syscall label only */
	struct msnap_row *by_label;	/* label_name != NULL: (syscall, label) call counts */
	size_t nlabel;
	struct msnap_row *by_errno;	/* (syscall, errno) failed-call counts */
	size_t nerrno;
	unsigned int top;		/* at most this many series per family (0: all) */

	uint64_t events_lost;		/* records the ring buffer had no room for */
	uint64_t events_rate_limited;	/* stream records dropped by --rate-limit */
	uint64_t events_written;	/* stream records written */
	uint64_t events_write_lost;	/* stream records the --events file refused */
	uint64_t flight_dumps;		/* flight-recorder traces written */
	uint64_t flight_errors;		/* flight-recorder traces that could not be written */
	uint64_t flight_dropped_rate;	/* not written: over --flight-rate(-global) */
	uint64_t flight_dropped_retention;	/* removed by --flight-max-files/-bytes */
	uint64_t flight_dropped_evicted;	/* not written: the ring was evicted */
	uint64_t groups_max;		/* kernel LRU rows (capacity) */
	uint64_t groups_used;		/* kernel LRU rows seen in this snapshot */

	double cpu_seconds;		/* the daemon's own user+system CPU */
	uint64_t rss_bytes;		/* the daemon's own resident set */
	double start_time;		/* the daemon's start, seconds since the epoch */
	const char *version;
	const char *kernel;		/* uname release */
	const char *arch;		/* "x86_64" */
};

enum metrics_format {
	METRICS_TEXT,		/* Prometheus text format 0.0.4 */
	METRICS_OPENMETRICS,	/* OpenMetrics 1.0.0: counter families without _total, # EOF */
};

/*
 * Renders the snapshot into a malloc'ed NUL-terminated buffer (*out, *len without the NUL).
 * Every family is bounded by `top` (0: no bound): at most `top` series plus one "_other"
 * (the histogram: top / 28 syscalls, 28 series each, plus an "_other" histogram). Rows may be
 * reordered. Returns 0, or -ENOMEM.
 */
int metrics_render_as(struct metrics_snapshot *s, enum metrics_format fmt, char **out,
		      size_t *len);
/* the same, as Prometheus text */
int metrics_render(struct metrics_snapshot *s, char **out, size_t *len);

/* the daemon's own CPU seconds and RSS bytes (from /proc/self) */
void metrics_self(double *cpu_seconds, uint64_t *rss_bytes);

#endif /* BSTRACED_METRICS_H */
