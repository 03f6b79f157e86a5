/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace-wide settings, limits and error helpers. */
#ifndef BSTRACE_COMMON_H
#define BSTRACE_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <linux/types.h>
#include "bstrace.h"

#define BSTRACE_MAX_PIDS	64
#define BSTRACE_MAX_PATHS	16
#define BSTRACE_FDSET_MAX	1024	/* fds selectable with -e read=/write= */
#define BSTRACE_MAX_INJECT	32	/* -e inject= / -e fault= expressions */

/* one -e inject= or -e fault= expression (strace 6.1's syntax) */
/* poke_enter= / poke_exit=: @argN=HEX, at most one DATA per argument */
#define INJECT_POKE_ARGS	7	/* strace's @arg1..@arg7 */
#define INJECT_POKE_MAX		1024	/* strace 6.1's bound on one DATA, in bytes */

struct inject_poke {
	unsigned int n;			/* entries, 0: none */
	uint8_t arg[INJECT_POKE_ARGS];	/* 0-based argument index */
	uint16_t len[INJECT_POKE_ARGS];
	uint8_t *data[INJECT_POKE_ARGS];
};

struct inject_rule {
	uint16_t first, last, step;	/* when=: last 0xffff is no end, step 0: only `first` */
	bool answer;			/* error= or retval=: the call does not run */
	int64_t ret;			/* the value answered: retval, or -errno */
	int sig;			/* signal=, 0: none */
	uint64_t delay_enter_us;	/* delay_enter=, 0: none */
	uint64_t delay_exit_us;		/* delay_exit= (only with an answer) */
	struct inject_poke poke_enter;	/* written by the notifier before the call runs */
	struct inject_poke poke_exit;	/* written by BPF at sys_exit (bpf_probe_write_user) */
};

/* -e quiet= messages (strace 6.1's names) */
enum {
	QUIET_ATTACH = 1 << 0,		/* "Process N attached" / "detached" */
	QUIET_EXIT = 1 << 1,		/* "+++ exited with N +++", "+++ killed by SIG +++" */
	QUIET_PATH_RESOLUTION = 1 << 2,	/* -P: "Requested path ... resolved into ..." */
	QUIET_PERSONALITY = 1 << 3,	/* "runs in N bit mode" (bstrace prints none) */
	QUIET_THREAD_EXECVE = 1 << 4,	/* "+++ superseded by execve in pid N +++" */
	QUIET_ALL = (1 << 5) - 1,
};

/* -e status= (strace 6.1's names) */
enum {
	STATUS_SUCCESSFUL = 1 << 0,
	STATUS_FAILED = 1 << 1,
	STATUS_UNFINISHED = 1 << 2,	/* never returned: exit_group, killed inside the call */
	STATUS_UNAVAILABLE = 1 << 3,	/* returned, status unknown (never, with eBPF) */
	STATUS_DETACHED = 1 << 4,	/* in flight when bstrace detached */
	STATUS_ALL = (1 << 5) - 1,
};

/* -e decode-pids= */
enum {
	DP_COMM = 1 << 0,		/* -Y: 123<comm> */
	DP_PIDNS = 1 << 1,		/* --pidns-translation (not supported) */
};

/* What the user asked for: filled once by the CLI, read-only afterwards. */
/* --strings-in-hex=non-ascii-chars: each byte -x would hex, as \xNN, the rest as without -x */
#define XS_CHARS 3

struct settings {
	bool follow;			/* -f */
	bool follow_files;		/* -ff: one output file per pid */
	const char *outfile;		/* -o */
	unsigned int strsize;		/* -s */
	int tstamp;			/* -t 1, -tt 2, -ttt 3 */
	bool relative;			/* -r */
	bool show_time;			/* -T */
	bool show_ip;			/* -i, --instruction-pointer */
	bool show_nr;			/* -n: [ 39] before each line */
	bool stack_traces;		/* -k */
	unsigned int stack_size;	/* --stack-trace-size: bytes of stack per call (-k) */
	uint64_t min_duration_ns;	/* --duration=MS: only the calls at least this long, 0: all */
	unsigned int align;		/* -a */
	int xstrings;			/* -x 1, -xx 2, XS_CHARS */
	bool verbose;			/* -v / --no-abbrev */
	int const_style;		/* -X: enum xlat_style (decode.h), 0 abbrev */
	bool fd_paths;			/* any of decode_fds: fds are described in the kernel */
	unsigned int decode_fds;	/* -y: DF_PATH; -yy, -e decode-fds=: DF_* */
	unsigned int quiet;		/* QUIET_*: -q, -qq, -qqq, -e quiet= */
	unsigned int hide_status;	/* STATUS_* of the calls not printed: -z, -Z, -e status= */
	unsigned int decode_pids;	/* DP_COMM: -Y, -e decode-pids=comm */
	bool only_failed;		/* status is failed only: the kernel filters too */
	bool only_ok;			/* status is successful only: the kernel filters too */
	bool any_raw;			/* some syscall in raw */
	uint8_t ts_digits;		/* fraction digits + 1 of --timestamps=, 0: by -t */
	uint8_t rel_digits;		/* of -r (--relative-timestamps=), 0: 6 */
	uint8_t dur_digits;		/* of -T (--syscall-times=), 0: 6 */
	bool libbpf_debug;		/* -d, --debug */
	unsigned long ring_bytes;	/* -b */
	bool lossy;			/* --lossy: no backpressure, records may be lost */
	int npids;			/* -p */
	pid_t pids[BSTRACE_MAX_PIDS];
	int npaths;			/* -P, then the paths they resolve into (realpath) */
	const char *paths[2 * BSTRACE_MAX_PATHS];
	char **cmd;			/* the command to launch */
	uint8_t trace[BSTRACE_NR_MAX];	/* -e trace= selection, by syscall number */
	uint8_t raw[BSTRACE_NR_MAX];	/* -e raw=: arguments and return in hex, undecoded */
	/* -e verbose=: 1 for the calls left out, whose decoders that strace makes depend on it
	 * (perf_event_open) print structures as their address */
	uint8_t nonverbose[BSTRACE_NR_MAX];
	uint8_t inject[BSTRACE_NR_MAX];	/* -e inject=/fault=: rule index + 1, 0: none */
	int ninject;
	struct inject_rule inject_rules[BSTRACE_MAX_INJECT];
	uint64_t signals;		/* -e signal= selection: bit n-1 for signal n (1..64) */
	uint8_t dump_read[BSTRACE_FDSET_MAX / 8];	/* -e read= */
	uint8_t dump_write[BSTRACE_FDSET_MAX / 8];	/* -e write= */
	bool any_dump;

	/* counting modes (count.c) */
	bool count;			/* -c: summary only, aggregated in the kernel */
	bool count_after;		/* -C: trace, then the summary */
	bool all;			/* -a: every process on the system */
	bool wall;			/* -w */
	bool latency;			/* -L */
	bool histogram;			/* --histogram */
	bool subsystems;		/* --subsystems */
	bool failed_only;		/* --failed with -c */
	int sort;			/* -S: enum sort_key */
	const char *columns;		/* -U */
	int group;			/* --by: GROUP_* */
	int format;			/* --json / --csv: enum out_format */
	bool json_trace;		/* --json when tracing: one JSON object per line */
	unsigned int top;		/* --top */
	double duration;		/* --stop-after seconds, 0: until the end */
	double interval;		/* --interval seconds, 0: no intervals */
	uint32_t errno_filter;		/* -e errno=NAME */
	const char *cgroup_path;	/* --cgroup */
	uint64_t cgroup_id;

	/* bstraced */
	bool stream;			/* counting, plus records of the -e trace= calls */
	bool redact;			/* buffer contents are not copied (no --capture-buffers) */
	bool errno_rows;		/* (syscall, errno) rows beside the --by rows */
	bool group_nr;			/* --by rows per syscall */
	const char *comm;		/* --comm */
	uint32_t rate_limit;		/* --rate-limit: records per second, 0: unlimited */
	uint32_t flight_n;		/* --flight-recorder: calls kept per process */
	uint32_t flight_procs;		/* --flight-processes */
	uint32_t max_groups;		/* --max-groups: rows of the groups map, 0: default */

	const char *record;		/* --record FILE */
	const char *replay;		/* --replay FILE */
	bool replay_stats;		/* --replay-stats: decode throughput on stderr */
	const char *perfetto;		/* --perfetto FILE: the timeline (perfetto.c) */
	const char *seccomp_profile;	/* --seccomp-profile FILE: the calls used (profile.c) */
};

#include <signal.h>
/* termination signals received (SIGINT, SIGTERM, ...) */
extern volatile sig_atomic_t bstrace_interrupted;

void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void warnx_(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* BSTRACE_STARTUP_STATS=1: the time since bstrace's exec at each step of its start-up */
void startup_mark(const char *step);

static inline bool bit_test(const uint8_t *set, unsigned int i)
{
	return set[i / 8] & (1u << (i % 8));
}

static inline void bit_set(uint8_t *set, unsigned int i)
{
	set[i / 8] |= 1u << (i % 8);
}

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#endif /* BSTRACE_COMMON_H */
