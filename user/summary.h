/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Summary tables of the counting modes: strace -c's table, syscount-style counts, --by groups,
 * latency histograms and the subsystem rollup; as text, JSON or CSV.
 *
 * Text
 *   summary_print_strace      strace 6.1 -c, byte for byte (-S, -U; -w changes nothing printed).
 *                             Ties (and -S nothing) go by syscall number, as strace's stable
 *                             sort over its table does. No row at all prints nothing, as strace.
 *   summary_print_counts      libbpf-tools syscount: "SYSCALL  COUNT" (+ "TIME (us)" with -L),
 *   summary_print_groups      "PID    COMM  COUNT" / "COMM" / "CGROUP" / "ERRNO", then an empty
 *                             line. The key column is 22 wide (wider when a key is longer).
 *   summary_print_histograms  per syscall "NAME: N calls, latency (ns)", bpftrace hist() lines
 *                             from the first to the last used bucket, "p50=.. p90=.. p99=..",
 *                             an empty line.
 *   summary_print_subsystems  "SYSCALL  CALLS  SUBSYSTEM", an empty line, then
 *                             "SUBSYSTEM  CALLS  ERRORS  TIME(s)  %TIME".
 *
 * Order (-S): time = total time, calls, errors, avg-time, name, nothing = syscall number (group
 * id, subsystem table order). Descending, ties by number/id. In the syscount-style views without
 * -L and in the subsystem view, SORT_TIME (the default) orders by calls, as syscount does.
 * --top N keeps the first N rows; totals always cover every row.
 *
 * JSON: one object per call. Every time is in seconds with 9 decimals (exact ns), suffixed
 * "_seconds" unless it is the total ("seconds"); "percent" is the share of the total time.
 * Syscall rows:  {"name","nr","calls","errors","seconds", ...view fields}
 *   strace:      + "percent","avg_seconds","min_seconds","max_seconds"
 *   histograms:  + "min_seconds","max_seconds","p50_seconds","p90_seconds","p99_seconds",
 *                  "buckets":[{"low_ns","high_ns","count"}] (used buckets only)
 *   subsystems:  + "subsystem"
 * Group rows:    {"id","name","calls","errors","seconds"} (id: tgid, cgroup id or errno)
 * Subsystems:    {"subsystem","calls","errors","seconds","percent"}
 * Documents:
 *   {"syscalls":[...],"total":{...},"clock":"cpu"|"wall","failed_only":bool}
 *   groups: {"groups":[...],"total":{...},"by":"process"|"comm"|"cgroup"|"errno"|"syscall",...}
 *   subsystems: {"syscalls":[...],"subsystems":[...],"total":{...},...}
 *   "total": {"calls","errors","seconds"} (+ "avg_seconds","min_seconds","max_seconds" for
 *   strace).
 * CSV: a header of the same names, then one line per row (no total). strace: name,nr,calls,
 * errors,seconds,percent,avg_seconds,min_seconds,max_seconds (-U applies to text only);
 * counts: name,nr,calls,errors,seconds; groups: id,name,calls,errors,seconds; subsystems: the
 * rollup, subsystem,calls,errors,seconds,percent; histograms: name,nr,low_ns,high_ns,count.
 *
 * The caller flushes the outbuf.
 */
#ifndef BSTRACE_SUMMARY_H
#define BSTRACE_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "outbuf.h"

#define SUMMARY_HIST_BUCKETS 32	/* bucket b: latencies in [2^b, 2^(b+1)) ns; bucket 0 also holds 0 */
struct sc_total {		/* one syscall, summed over CPUs */
	uint32_t nr;
	uint64_t count, errors;
	uint64_t total_ns;	/* time in the call (CPU time, or wall time with -w) */
	uint64_t min_ns, max_ns;
	uint64_t hist[SUMMARY_HIST_BUCKETS];
};
enum group_by { BY_SYSCALL = 0, BY_PROCESS, BY_COMM, BY_CGROUP, BY_ERRNO };
struct group_total {		/* one row of --by process/comm/cgroup/errno */
	uint64_t id;		/* tgid, cgroup id, or errno */
	char name[256];		/* comm, cgroup path, or errno name: filled by the caller */
	uint64_t count, errors, total_ns;
};
enum sort_key { SORT_TIME = 0, SORT_CALLS, SORT_ERRORS, SORT_NAME, SORT_AVG, SORT_NOTHING };
enum out_format { FMT_TEXT = 0, FMT_JSON, FMT_CSV };
struct summary_opts {
	enum sort_key sort;	/* -S */
	bool wall;		/* -w: the time column is wall-clock latency */
	const char *columns;	/* -U: comma list of strace -c column names, NULL = default set */
	enum out_format format;
	bool latency;		/* -L: total and average latency columns (syscount style) */
	unsigned int top;	/* --top N, 0 = all */
	bool failed_only;	/* -x: the counts are of failed calls */
};
/* strace -c's table (`% time     seconds  usecs/call     calls    errors syscall` ...) */
void summary_print_strace(struct outbuf *o, const struct summary_opts *so, struct sc_total *rows, size_t n);
/* system-wide counts, syscount style: per syscall (BY_SYSCALL) */
void summary_print_counts(struct outbuf *o, const struct summary_opts *so, struct sc_total *rows, size_t n);
/* --by process|comm|cgroup|errno rows, syscount style */
void summary_print_groups(struct outbuf *o, const struct summary_opts *so, enum group_by by, struct group_total *rows, size_t n);
/* --histogram: per syscall log2 latency histogram (bpftrace-style bars) with p50/p90/p99 estimated from the buckets */
void summary_print_histograms(struct outbuf *o, const struct summary_opts *so, struct sc_total *rows, size_t n);
/* --subsystems: each syscall with its calls and Linux subsystem, then a rollup per subsystem (calls, errors, time, sorted) */
void summary_print_subsystems(struct outbuf *o, const struct summary_opts *so, struct sc_total *rows, size_t n);
/* percentile (0..100) estimated from log2 buckets, in ns */
uint64_t summary_percentile(const uint64_t *hist, double pct);

/* helpers for the CLI */

/*
 * Checks a -U list as strace 6.1 does: names and aliases (time-percent/time, total-time/
 * time-total, min-time/shortest/time-min, max-time/longest/time-max, avg-time/time-avg,
 * calls/count, errors/error, name/syscall/syscall-name, '_' for '-'), no repeats. 0 when
 * valid, else -1 with the reason in err. The printers skip what this would reject.
 */
int summary_check_columns(const char *columns, char *err, size_t errlen);

/* -S as strace names it: 0 and *key set, or -1 (min-time and max-time have no sort_key) */
int summary_parse_sort(const char *name, enum sort_key *key);

/* a latency for people: 850ns, 1.54us, 15.4us, 154us, 1.54ms, 2.00s */
const char *summary_fmt_ns(uint64_t ns, char *buf, size_t len);

#endif /* BSTRACE_SUMMARY_H */
