// SPDX-License-Identifier: GPL-2.0
/* bstrace: strace-format syscall tracing at eBPF cost. CLI -> settings -> run. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <dirent.h>
#include <sys/wait.h>
#include <unistd.h>
#include "common.h"
#include "decode.h"
#include "filter.h"
#include "inject.h"
#include "launch.h"
#include "perm.h"
#include "loader.h"
#include "trace.h"
#include "count.h"
#include "summary.h"
#include "record.h"
#include "backpressure.h"
#include "version.h"
#include "cli.h"
#include "profile.h"
#include "unwind.h"
#include <time.h>

#define BSTRACE_VERSION "0.1.0"

void die(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	/* as strace: the name it was run by, "/usr/bin/bstrace: " for a full path */
	fprintf(stderr, "%s: ", program_invocation_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

void warnx_(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", program_invocation_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static unsigned long parse_num(const char *s, const char *what, unsigned long min,
			       unsigned long max)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || end == s || *end || *s == '-' || v < min || v > max)
		die("invalid %s '%s' (expected a number from %lu to %lu)", what, s, min, max);
	return v;
}

static unsigned long parse_size(const char *s)
{
	char *end;
	unsigned long v, mult = 1;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (*end == 'k' || *end == 'K')
		mult = 1024, end++;
	else if (*end == 'm' || *end == 'M')
		mult = 1024 * 1024, end++;
	else if (*end == 'g' || *end == 'G')
		mult = 1024ul * 1024 * 1024, end++;
	if (errno || end == s || *end || *s == '-')
		die("invalid buffer size '%s'", s);
	v *= mult;
	if (v < 4096 || v > (1ul << 30) || (v & (v - 1)))
		die("invalid buffer size '%s' (a power of two from 4K to 1G)", s);
	return v;
}

static void parse_pids(struct settings *s, char *arg)
{
	char *tok, *save = NULL;

	for (tok = strtok_r(arg, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
		if (s->npids == BSTRACE_MAX_PIDS)
			die("too many pids (at most %d)", BSTRACE_MAX_PIDS);
		s->pids[s->npids++] = parse_num(tok, "process id", 1, INT_MAX);
	}
}

enum {
	OPT_INTERVAL = 256, OPT_NO_ABBREV, OPT_TOP, OPT_BY, OPT_CGROUP, OPT_HIST, OPT_SUBSYS,
	OPT_JSON, OPT_CSV, OPT_ALL, OPT_COLUMNS, OPT_TRACE, OPT_RECORD, OPT_REPLAY, OPT_RSTATS,
	OPT_LOSSY, OPT_FOLLOW, OPT_OUTSEP, OPT_TS, OPT_HEXSTR, OPT_QUAL, OPT_PIDNS, OPT_UNSUPP, OPT_SECCOMP_BPF,
	OPT_PERFETTO, OPT_SECCOMP_PROFILE, OPT_STOP_AFTER, OPT_DURATION, OPT_STACK_SIZE,
	OPT_EXPR_TRACE = 'e' + 1000, OPT_FAILED = 'x' + 1000,
};

/* the sections of --help: strace 6.1's, with bstrace's own before Miscellaneous */
enum opt_group {
	OG_GENERAL, OG_STARTUP, OG_TRACING, OG_FILTERING, OG_OUTPUT, OG_STATS, OG_SYSWIDE,
	OG_RECORD, OG_TAMPERING, OG_MISC, OG_NGROUPS,
};

static const char *const opt_group_names[OG_NGROUPS] = {
	[OG_GENERAL] = "General",
	[OG_STARTUP] = "Startup",
	[OG_TRACING] = "Tracing",
	[OG_FILTERING] = "Filtering",
	[OG_OUTPUT] = "Output format",
	[OG_STATS] = "Statistics",
	[OG_SYSWIDE] = "Counting system-wide (bstrace)",
	[OG_RECORD] = "Recording and timelines (bstrace)",
	[OG_TAMPERING] = "Tampering",
	[OG_MISC] = "Miscellaneous",
};

/* THE option table (struct cli_opt, cli.h): getopt_long's arguments and --help come from it */

#define NA no_argument
#define RA required_argument
#define OA optional_argument
static const struct cli_opt cli_opts[] = {
	{ 'e', "expr", RA, .group = OG_GENERAL, .meta = "EXPR",
	  .help = "a qualifying expression: KEY=[!]all or KEY=[!]VAL1[,VAL2]...; a bare SET\n"
		  "is trace=SET; keys: trace, signal, status, quiet, decode-fds, decode-pids,\n"
		  "raw, read, write, abbrev, verbose, errno (below)" },

	{ 'p', "attach", RA, .group = OG_STARTUP, .meta = "PID",
	  .help = "trace the running processes PID,PID... (may be repeated) instead of a command" },

	{ 'f', NULL, NA, .group = OG_TRACING, .help = "follow forks and threads" },
	{ 0, "follow-forks", NA, OPT_FOLLOW, .group = OG_TRACING },
	{ 0, "output-separately", NA, OPT_OUTSEP, .group = OG_TRACING,
	  .spell = "-ff, --output-separately",
	  .help = "with -o: one output file per pid, FILE.PID" },
	{ 'b', "buffer-size", RA, .group = OG_TRACING, .meta = "BYTES",
	  .help = "ring buffer size: a power of two, K/M/G suffixes (default 8M; at least\n"
		  "4M for a launched command, unless --lossy)" },
	{ 0, "lossy", NA, OPT_LOSSY, .group = OG_TRACING,
	  .help = "never pause the command: when the ring buffer is full, calls are lost\n"
		  "(counted and marked) instead (always so with -p)" },

	{ 0, "trace", RA, OPT_EXPR_TRACE, .group = OG_FILTERING,
	  .spell = "-e trace=SET, --trace=SET",
	  .help = "trace only these calls: names, /REGEX, all, none, and the classes %file\n"
		  "%process %network %signal %ipc %desc %memory %creds %clock %stat %lstat\n"
		  "%fstat %%stat %statfs %fstatfs %%statfs %pure; !SET negates" },
	{ 0, "signals", RA, OPT_QUAL, .group = OG_FILTERING,
	  .spell = "-e signal=SET, --signal=SET, --signals=SET",
	  .help = "show only these signals" },
	{ 0, "status", RA, OPT_QUAL, .group = OG_FILTERING, .spell = "-e status=SET, --status=SET",
	  .help = "show only the calls with these results: successful, failed, unfinished,\n"
		  "unavailable, detached" },
	{ 'P', "trace-path", RA, .group = OG_FILTERING, .meta = "PATH",
	  .help = "only the calls that touch PATH (may be repeated)" },
	{ 0, "duration", RA, OPT_DURATION, .group = OG_FILTERING, .meta = "MS",
	  .help = "only show the calls that took at least MS milliseconds (decimals allowed:\n"
		  "0.5), as perf trace --duration; not with -c (see --stop-after)" },
	{ 'z', "successful-only", NA, .group = OG_FILTERING,
	  .help = "only the calls that succeed (-e status=successful)" },
	{ 'Z', "failed-only", NA, .group = OG_FILTERING,
	  .help = "only the calls that fail (-e status=failed)" },
	{ 0, "failing-only", NA, 'Z', .group = OG_FILTERING },

	{ 'a', NULL, OA, .group = OG_OUTPUT, .spell = "-a COLUMN, --columns=COLUMN",
	  .help = "align return values at COLUMN (default 40); a bare -a: --all" },
	{ 0, "columns", RA, OPT_COLUMNS, .group = OG_OUTPUT },
	{ 0, "abbrev", RA, OPT_QUAL, .group = OG_OUTPUT,
	  .spell = "-e abbrev=all|none, --abbrev=all|none",
	  .help = "abbreviate structures, arrays and flag sets (all, the default) or not" },
	{ 0, "verbose", RA, OPT_QUAL, .group = OG_OUTPUT, .spell = "-e verbose=all, --verbose=all",
	  .help = "print structures and arrays whole (as -v)" },
	{ 0, "raw", RA, OPT_QUAL, .group = OG_OUTPUT, .spell = "-e raw=SET, --raw=SET",
	  .help = "print the arguments and return values of these calls in hex, undecoded" },
	{ 0, "read", RA, OPT_QUAL, .group = OG_OUTPUT, .spell = "-e read=FDS, --read=FDS",
	  .help = "dump the data read from these fds" },
	{ 0, "write", RA, OPT_QUAL, .group = OG_OUTPUT, .spell = "-e write=FDS, --write=FDS",
	  .help = "dump the data written to these fds" },
	{ 0, "quiet", OA, OPT_QUAL, .group = OG_OUTPUT,
	  .spell = "-e quiet=SET, --quiet[=SET], --silent[=SET], --silence[=SET]",
	  .help = "suppress these messages: attach, exit, path-resolution, personality,\n"
		  "thread-execve (superseded); no SET: attach,personality" },
	{ 0, "silent", OA, OPT_QUAL, .group = OG_OUTPUT },
	{ 0, "silence", OA, OPT_QUAL, .group = OG_OUTPUT },
	{ 0, "decode-fds", OA, OPT_QUAL, .group = OG_OUTPUT,
	  .spell = "-e decode-fds=SET, --decode-fds[=SET]",
	  .help = "what to print about fds: path, socket, dev, pidfd (no SET: path)" },
	{ 0, "decode-pids", RA, OPT_QUAL, .group = OG_OUTPUT,
	  .spell = "-e decode-pids=comm, --decode-pids=comm",
	  .help = "command names after pids (as -Y)" },
	{ 'o', "output", RA, .group = OG_OUTPUT, .meta = "FILE",
	  .help = "write the trace to FILE instead of stderr; '|CMD' or '!CMD': pipe it to CMD" },
	{ 'q', NULL, NA, .group = OG_OUTPUT, .spell = "-q, -qq, -qqq",
	  .help = "suppress the attach messages; and the exit messages; all messages" },
	{ 'r', NULL, NA, .group = OG_OUTPUT,
	  .help = "print the time since the previous line (PRECISION: s, ms, us, ns)" },
	{ 0, "relative-timestamps", OA, 'r', .group = OG_OUTPUT, .meta = "PRECISION" },
	{ 's', "string-limit", RA, .group = OG_OUTPUT, .meta = "STRSIZE",
	  .help = "print at most STRSIZE bytes of each string (default 32)" },
	{ 't', NULL, NA, .group = OG_OUTPUT, .spell = "-t, -tt, -ttt",
	  .help = "prefix lines with the time of day; with microseconds; as seconds since\n"
		  "the epoch" },
	{ 0, "timestamps", OA, OPT_TS, .group = OG_OUTPUT,
	  .spell = "--timestamps[=FORMAT,PRECISION], --absolute-timestamps[=FORMAT,PRECISION]",
	  .help = "the long form of -t: [format:]none, time (the default) or unix, and\n"
		  "[precision:]s (the default), ms, us or ns" },
	{ 0, "absolute-timestamps", OA, OPT_TS, .group = OG_OUTPUT },
	{ 'T', NULL, NA, .group = OG_OUTPUT,
	  .help = "print the time spent in each call (PRECISION: s, ms, us, ns)" },
	{ 0, "syscall-times", OA, 'T', .group = OG_OUTPUT, .meta = "PRECISION" },
	{ 'v', NULL, NA, .group = OG_OUTPUT, .help = "unabbreviated output" },
	{ 0, "no-abbrev", NA, OPT_NO_ABBREV, .group = OG_OUTPUT },
	{ 'x', NULL, NA, .group = OG_OUTPUT, .spell = "-x, -xx",
	  .help = "print non-ASCII strings in hex; all strings (no effect on -c's table)" },
	{ 0, "strings-in-hex", OA, OPT_HEXSTR, .group = OG_OUTPUT, .meta = "none|non-ascii-chars|non-ascii|all",
	  .help = "the long form of -x (non-ascii) and -xx (all, the default); non-ascii-chars: only those bytes in hex" },
	{ 'X', "const-print-style", RA, .group = OG_OUTPUT, .meta = "FORMAT",
	  .help = "named constants and flags as numbers (raw), names (abbrev, the default),\n"
		  "or numbers with the names in a comment (verbose)" },
	{ 'y', NULL, NA, .group = OG_OUTPUT, .spell = "-y, -yy",
	  .help = "print the paths of fds; and their socket, device and pidfd details" },
	{ 'Y', NULL, NA, .group = OG_OUTPUT,
	  .help = "print command names after pids: 123<sh> (-e decode-pids=comm)" },
	{ 0, "json", NA, OPT_JSON, .group = OG_OUTPUT,
	  .help = "the trace as JSON lines, one object per call, signal and exit (with a\n"
		  "counting option: the summary as JSON)" },
	{ 'k', "stack-traces", NA, .group = OG_OUTPUT,
	  .help = "after each call, the user-space stack that made it (unwound with\n"
		  "libdw from a copy of the stack taken in the kernel)" },
	{ 0, "stack-trace-size", RA, OPT_STACK_SIZE, .group = OG_OUTPUT, .meta = "BYTES",
	  .help = "with -k: the bytes of stack copied per call (default 8192, 256 to 65536);\n"
		  "a deeper stack ends its trace early" },
	{ 'n', "syscall-number", NA, .group = OG_OUTPUT,
	  .help = "print the syscall's number before each line: [  39] getpid()" },
	{ 'i', "instruction-pointer", NA, .group = OG_OUTPUT,
	  .help = "print the instruction pointer at the time of the syscall (no effect\n"
		  "with -c)" },
	{ 0, "pidns-translation", NA, OPT_PIDNS, .group = OG_OUTPUT,
	  .help = "-e decode-pids=pidns (not supported: an error)" },
	{ 0, "kvm", RA, OPT_QUAL, .group = OG_OUTPUT, .spell = "-e kvm=vcpu, --kvm=vcpu",
	  .help = "KVM exit reasons (not supported: an error)" },

	{ 'c', "summary-only", NA, .group = OG_STATS,
	  .help = "count the calls, errors and time of each syscall and print a table at the\n"
		  "end instead of the trace (time: on the CPU, inside the call)" },
	{ 'C', "summary", NA, .group = OG_STATS, .help = "like -c, and the trace too" },
	{ 'S', "summary-sort-by", RA, .group = OG_STATS, .meta = "SORTBY",
	  .help = "sort the table by time (the default), calls, errors, name, avg-time or\n"
		  "nothing" },
	{ 'U', "summary-columns", RA, .group = OG_STATS, .meta = "COLUMNS",
	  .help = "the table's columns: time-percent, total-time, min-time, max-time,\n"
		  "avg-time, calls, errors, name" },
	{ 'w', "summary-wall-clock", NA, .group = OG_STATS,
	  .help = "wall-clock times (blocking included) instead of time on the CPU" },
	{ 0, "failed", NA, OPT_FAILED, .group = OG_STATS,
	  .help = "count only the calls that fail" },
	{ 0, NULL, NA, .group = OG_STATS, .spell = "-e errno=SET",
	  .help = "count only the calls that fail with these errors (ENOENT,EACCES...)" },

	{ 0, "all", NA, OPT_ALL, .group = OG_SYSWIDE, .spell = "-a, --all",
	  .help = "count every process of the system (no command, no -p; root only)" },
	{ 0, "stop-after", RA, OPT_STOP_AFTER, .group = OG_SYSWIDE, .meta = "SECS",
	  .help = "stop counting after SECS seconds" },
	{ 0, "interval", RA, OPT_INTERVAL, .group = OG_SYSWIDE, .meta = "SECS",
	  .help = "print the counts of every SECS seconds" },
	{ 0, "top", RA, OPT_TOP, .group = OG_SYSWIDE, .meta = "N",
	  .help = "only the first N rows" },
	{ 0, "by", RA, OPT_BY, .group = OG_SYSWIDE, .meta = "KEY",
	  .help = "count by syscall (the default), process, comm, cgroup or errno" },
	{ 'L', "latency", NA, .group = OG_SYSWIDE,
	  .help = "add the time spent in the calls to the -a and --by tables" },
	{ 0, "cgroup", RA, OPT_CGROUP, .group = OG_SYSWIDE, .meta = "PATH",
	  .help = "count only the tasks of this cgroup v2 directory (root only)" },
	{ 0, "histogram", NA, OPT_HIST, .group = OG_SYSWIDE,
	  .help = "log2 latency histograms per call, with p50, p90, p99" },
	{ 0, "subsystems", NA, OPT_SUBSYS, .group = OG_SYSWIDE,
	  .help = "the calls rolled up by kernel subsystem" },
	{ 0, "csv", NA, OPT_CSV, .group = OG_SYSWIDE,
	  .help = "the counts as CSV (--json: as JSON)" },

	{ 0, "record", RA, OPT_RECORD, .group = OG_RECORD, .meta = "FILE",
	  .help = "write the raw event stream to FILE, to decode later (not with -c, -C)" },
	{ 0, "replay", RA, OPT_REPLAY, .group = OG_RECORD, .meta = "FILE",
	  .help = "decode a recording, with any output option (-o, --json, -c, -e trace=...)" },
	{ 0, "replay-stats", NA, OPT_RSTATS, .group = OG_RECORD,
	  .help = "with --replay: print how many records were decoded, and how fast" },
	{ 0, "perfetto", RA, OPT_PERFETTO, .group = OG_RECORD, .meta = "FILE",
	  .help = "write a timeline to FILE (Chrome JSON trace events: ui.perfetto.dev,\n"
		  "chrome://tracing): a track per thread, a slice per call; while tracing\n"
		  "or with --replay; without -o, no text trace" },
	{ 0, "seccomp-profile", RA, OPT_SECCOMP_PROFILE, .group = OG_RECORD, .meta = "FILE",
	  .help = "after the run, write the calls it made to FILE as an OCI seccomp profile\n"
		  "that allows them alone (merged into FILE if it exists: the list grows),\n"
		  "and print systemd's SystemCallFilter= line; use -f for the children's" },

	{ 0, "inject", RA, OPT_QUAL, .group = OG_TAMPERING, .spell = "-e inject=SET, --inject=SET",
	  .help = "SET[:error=ERRNO|:retval=N][:signal=SIG][:when=N[+[STEP]]|N..M]\n"
		  "[:delay_enter=D][:delay_exit=D][:poke_enter=@argN=HEX,...][:poke_exit=...]:\n"
		  "tamper with these calls of the launched command (a seccomp filter answered by\n"
		  "bstrace; not with -p)" },
	{ 0, "fault", RA, OPT_QUAL, .group = OG_TAMPERING, .spell = "-e fault=SET, --fault=SET",
	  .help = "SET[:error=ERRNO][:when=EXPR]: make these calls fail (ENOSYS by default)" },

	{ 'd', "debug", NA, .group = OG_MISC,
	  .help = "debug output: libbpf's diagnostics, the whole verifier log on a load\n"
		  "failure" },
	{ 0, "seccomp-bpf", NA, OPT_SECCOMP_BPF, .group = OG_MISC,
	  .help = "accepted for strace's sake, no effect: strace's seccomp filter spares the\n"
		  "tracee stops at the calls not traced; bstrace never stops it at calls" },
	{ 'h', "help", NA, .group = OG_MISC, .help = "print this help and exit" },
	{ 'V', "version", NA, .group = OG_MISC, .help = "print the version and its git commit" },
};
#undef NA
#undef RA
#undef OA

static void __attribute__((noreturn)) usage(void)
{
	FILE *f = stdout;

	fputs("usage: bstrace [-dfiqrtTvxyYzZ] [-X FORMAT] [-a COLUMN] [-b BYTES] [-e EXPR]...\n"
	      "               [-o FILE] [-P PATH]... [-s STRSIZE] [--perfetto FILE]\n"
	      "               [--] COMMAND [ARGS]\n"
	      "       bstrace [OPTIONS] -p PID[,PID...]\n"
	      "       bstrace -c [-w] [-S SORTBY] [-U COLUMNS] [--] COMMAND [ARGS]\n"
	      "       bstrace -c -a [--stop-after SECS] [--interval SECS] [--by KEY] [--top N]\n"
	      "                     [--json|--csv]\n"
	      "       bstrace --record FILE [OPTIONS] [--] COMMAND [ARGS]\n"
	      "       bstrace --replay FILE [OPTIONS]\n"
	      "\n"
	      "Trace the system calls of a command or of running processes, printed as strace\n"
	      "6.1 prints them. The tracee is never stopped: eBPF programs copy what is printed.\n",
	      f);
	cli_help(f, cli_opts, ARRAY_SIZE(cli_opts), opt_group_names, OG_NGROUPS);
	fputs("\nEXAMPLES\n"
	      "  bstrace -f -- sh -c 'ls /; cat /etc/hostname'\n"
	      "  bstrace -e trace=%file -o trace.txt -- make\n"
	      "  bstrace -p 1234 -T -e trace=read,write\n"
	      "  bstrace -f -Y --status=failed -o '|grep ENOENT' -- make\n"
	      "  bstrace -f --perfetto make.json -- make    # open it in ui.perfetto.dev\n"
	      "  bstrace -f --duration=10 -- make          # only the calls of 10 ms or more\n"
	      "  bstrace -c -a --stop-after=10 --by comm\n", f);
	exit(0);
}

/* getopt_long's option string ("+:" first: stop at the command, report missing values) and
 * long options, from the table */
static char cli_short[2 + 3 * ARRAY_SIZE(cli_opts) + 1];
static struct option cli_long[ARRAY_SIZE(cli_opts) + 1];

static void cli_build(void)
{
	cli_getopt(cli_opts, ARRAY_SIZE(cli_opts), cli_short, cli_long);
}

/* the table's row for a letter or for a long name (its unambiguous prefix, as getopt_long) */
static const struct cli_opt *cli_find(char letter, const char *name, size_t len)
{
	const struct cli_opt *m = NULL;
	size_t i, n = 0;

	for (i = 0; i < ARRAY_SIZE(cli_opts); i++) {
		const struct cli_opt *o = &cli_opts[i];

		if (letter && o->letter == letter)
			return o;
		if (letter || !o->name || strncmp(o->name, name, len))
			continue;
		if (strlen(o->name) == len)
			return o;
		m = o;
		n++;
	}
	return n == 1 ? m : NULL;
}

/* digits with at most one point (3, 0.5, .5): an old -d SECS or -i SECS, --duration's MS */
static bool is_decimal(const char *w)
{
	size_t digits = strspn(w, "0123456789"), len = digits;

	if (w[len] == '.')
		len += 1 + strspn(w + len + 1, "0123456789");
	return len && !w[len] && len != (w[digits] == '.');
}

/*
 * bstrace's -d SECS and -i SECS are now strace's -d (debug) and -i (instruction pointer) and
 * take no argument: `-d 3`, `-d3`, `-cd 3`, `-ad3` would be parsed as something else, so say
 * what to use instead. The words are read as getopt_long reads them, up to "--" or the
 * command: the table says which letters take a value (the next word when nothing follows).
 */
static void old_spellings(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *w = argv[i], *next = i + 1 < argc ? argv[i + 1] : NULL, *secs = NULL;
		const struct cli_opt *o;
		size_t j;
		char c = 0;

		if (w[0] != '-' || !w[1] || !strcmp(w, "--"))
			return;
		if (w[1] == '-') {
			/* --name VALUE: skip the value; an unknown name is getopt_long's to report */
			o = cli_find(0, w + 2, strcspn(w + 2, "="));
			if (!o)
				return;
			if (o->arg == required_argument && !strchr(w, '='))
				i++;
			continue;
		}
		for (j = 1; w[j] && !secs; j++) {
			c = w[j];
			o = cli_find(c, NULL, 0);
			if (!o)
				return;
			if (c == 'd' || c == 'i') {
				if (w[j + 1] ? is_decimal(w + j + 1) : next && is_decimal(next))
					secs = w[j + 1] ? w + j + 1 : next;
				continue;
			}
			/* -a COLUMN: digits after it, or a next word of digits (see parse_args) */
			if (c == 'a' && w[j + 1] && strspn(w + j + 1, "0123456789") ==
			    strlen(w + j + 1))
				break;
			if (c == 'a' && !w[j + 1] && next && next[0] >= '0' && next[0] <= '9') {
				i++;
				break;
			}
			if (o->arg == no_argument || c == 'a')
				continue;
			/* the rest of the word is the value, or else the next word */
			if (!w[j + 1] && o->arg == required_argument)
				i++;
			break;
		}
		if (secs && c == 'd')
			die("-d takes no argument (debug output, as strace's -d); to stop counting "
			    "after %s second%s use --stop-after=%s", secs, strcmp(secs, "1") ? "s" : "",
			    secs);
		if (secs)
			die("-i takes no argument (the instruction pointer, as strace's -i); for counts "
			    "every %s second%s use --interval=%s", secs, strcmp(secs, "1") ? "s" : "",
			    secs);
	}
}

/* what getopt_long refused, in one line: the option, the cause, where to look; `w`: the word
 * it was parsing */
static void __attribute__((noreturn)) bad_option(int c, const char *w)
{
	const struct option *m = NULL;
	size_t len, i, n = 0;
	char cand[256] = "";

	if (strncmp(w, "--", 2)) {
		if (c == ':')
			die("option '-%c' requires a value. Try 'bstrace --help'", optopt);
		if (optopt > ' ' && optopt < 127)
			die("unknown option '-%c'. Try 'bstrace --help'", optopt);
		die("unknown option in '%s'. Try 'bstrace --help'", w);
	}
	len = strcspn(w + 2, "=");
	for (i = 0; cli_long[i].name; i++) {
		if (strncmp(cli_long[i].name, w + 2, len))
			continue;
		if (strlen(cli_long[i].name) == len) {
			m = &cli_long[i];
			n = 1;
			break;
		}
		m = &cli_long[i];
		if (n++ < 6)
			snprintf(cand + strlen(cand), sizeof(cand) - strlen(cand), "%s--%s",
				 n > 1 ? ", " : "", cli_long[i].name);
	}
	if (c == ':')
		die("option '--%s' requires a value. Try 'bstrace --help'", m ? m->name : w + 2);
	if (n == 1 && w[2 + len] == '=')
		die("option '--%s' takes no value. Try 'bstrace --help'", m->name);
	if (n > 1)
		die("ambiguous option '--%.*s' (%s%s). Try 'bstrace --help'", (int)len, w + 2, cand,
		    n > 6 ? ", ..." : "");
	die("unknown option '--%.*s'. Try 'bstrace --help'", (int)len, w + 2);
}

static double parse_seconds(const char *s, const char *opt)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || *end || !(v > 0) || v > 1e7)
		die("invalid %s '%s' (expected a positive number of seconds)", opt, s);
	return v;
}

/* --duration=MS: milliseconds, decimals allowed (0.5), in ns; 0 is every call */
static uint64_t parse_ms(const char *s, const char *opt)
{
	double v;

	if (!is_decimal(s) || (v = strtod(s, NULL)) > 1e9)
		die("invalid %s '%s' (expected a number of milliseconds from 0 to 1e9, such as 10 "
		    "or 0.5)", opt, s);
	/* a duration too short for a nanosecond is still a filter: one ns */
	return v > 0 && v * 1e6 < 1 ? 1 : (uint64_t)(v * 1e6 + 0.5);
}

static int parse_sort(const char *k)
{
	enum sort_key key;

	if (summary_parse_sort(k, &key))
		die("invalid sort key '%s' for -S (time, calls, errors, name, avg-time, nothing)", k);
	return key;
}

static int parse_by(const char *k)
{
	if (!strcmp(k, "syscall"))
		return GROUP_NONE;
	if (!strcmp(k, "process") || !strcmp(k, "pid"))
		return GROUP_PROCESS;
	if (!strcmp(k, "comm"))
		return GROUP_COMM;
	if (!strcmp(k, "cgroup"))
		return GROUP_CGROUP;
	if (!strcmp(k, "errno"))
		return GROUP_ERRNO;
	die("invalid --by key '%s' (syscall, process, comm, cgroup, errno)", k);
}

/* --status=SET and the other long forms of -e KEY=SET */
static void qualify(struct settings *s, const char *key, const char *val)
{
	size_t n = strlen(key) + strlen(val) + 2;
	char *expr = malloc(n);

	if (!expr)
		die("out of memory");
	snprintf(expr, n, "%s=%s", key, val);
	filter_parse(s, expr);
	free(expr);
}

/* s, ms, us, ns: the digits after the point plus one (0: not a precision) */
static int parse_precision(const char *p)
{
	static const char *const units[] = { "s", "ms", "us", "ns" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(units); i++)
		if (!strcmp(p, units[i]))
			return 3 * i + 1;
	return 0;
}

/* --relative-timestamps[=PRECISION], --syscall-times[=PRECISION] */
static uint8_t parse_time_digits(const char *arg, const char *opt)
{
	int d = arg ? parse_precision(arg) : 7;

	if (!d)
		die("invalid --%s argument: '%s'", opt, arg);
	return d;
}

/* --absolute-timestamps=[format:]none|time|unix,[precision:]s|ms|us|ns, as strace parses it */
static void parse_ts_arg(struct settings *s, const char *arg, const char *opt, bool *digits_set)
{
	char *copy = strdup(arg), *tok, *save = NULL;
	int format = -1, d;

	if (!copy)
		die("out of memory");
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		bool fmt = true, prec = true;

		if (!strncasecmp(tok, "format:", 7))
			tok += 7, prec = false;
		else if (!strncasecmp(tok, "precision:", 10))
			tok += 10, fmt = false;
		if (fmt && !strcasecmp(tok, "none"))
			format = 0;
		else if (fmt && !strcasecmp(tok, "time"))
			format = 1;
		else if (fmt && !strcasecmp(tok, "unix"))
			format = 3;
		else if (prec && (d = parse_precision(tok))) {
			s->ts_digits = d;
			*digits_set = true;
		} else
			die("invalid --%s argument: '%s'", opt, arg);
	}
	free(copy);
	/* no format named: time of day, unless a format was chosen before */
	s->tstamp = format >= 0 ? format : s->tstamp ? s->tstamp : 1;
}

/* strace's rules for a short option and its long form given together; -q, -y, -t take effect */
static void check_short_long(struct settings *s, int nf, bool follow_long, bool outsep, int nq,
			     int ny, int nt, bool ts_long, int nx, int x_long, int nz)
{
	if (nf && follow_long)
		die("-f and --follow-forks cannot be provided simultaneously");
	if (nf > 1 && outsep)
		die("-ff and --output-separately cannot be provided simultaneously");
	if (nt && ts_long)
		die("-t and --absolute-timestamps cannot be provided simultaneously");
	if (nt)
		s->tstamp = nt > 3 ? 3 : nt;
	if (nx && x_long >= 0)
		die("-x and --strings-in-hex cannot be provided simultaneously");
	if (ny && (filter_given() & FILTER_GIVEN_DECODE_FDS))
		die("-y and --decode-fds cannot be provided simultaneously");
	if (nq && (filter_given() & FILTER_GIVEN_QUIET))
		die("-q and -e quiet/--quiet cannot be provided simultaneously");
	/* -q: attach,personality; -qq: and exit; -qqq: all */
	if (nq)
		s->quiet = nq == 1 ? QUIET_ATTACH | QUIET_PERSONALITY :
			   nq == 2 ? QUIET_ATTACH | QUIET_PERSONALITY | QUIET_EXIT : QUIET_ALL;
	if (nz > 1)
		warnx_("Only the last of -z/--successful-only/-Z/--failed-only options will take "
		       "effect. See status qualifier for more complex filters.");
}

/*
 * -P as strace takes it: each path as given and, when it exists and resolves into another name
 * (a relative path, a symlink), that name too, said on stderr unless -e quiet=path-resolution
 */
static void resolve_paths(struct settings *s)
{
	static char resolved[BSTRACE_MAX_PATHS][PATH_MAX];
	int i, n = s->npaths;

	for (i = 0; i < n; i++) {
		char *r = realpath(s->paths[i], resolved[i]);
		static char a[4 * PATH_MAX + 3], b[4 * PATH_MAX + 3];

		if (!r || !strcmp(r, s->paths[i]) || strlen(s->paths[i]) >= PATH_MAX)
			continue;
		if (!(s->quiet & QUIET_PATH_RESOLUTION)) {
			/* both are shorter than PATH_MAX (realpath's result is) */
			quote_string(a, s->paths[i]);
			quote_string(b, r);
			warnx_("Requested path %s resolved into %s", a, b);
		}
		s->paths[s->npaths++] = r;
	}
}

static void parse_args(struct settings *s, int argc, char **argv)
{
	int c, nf = 0, nx = 0, nq = 0, ny = 0, nt = 0, nz = 0, x_long = -1, li;
	const char *word;
	bool failed = false, follow_long = false, outsep = false, ts_long = false;
	bool ts_digits_set = false;
	const char *min_duration = NULL;	/* --duration's value, as given */

	old_spellings(argc, argv);
	s->strsize = 32;
	s->align = 40;
	s->ring_bytes = 8ul << 20;
	cli_build();
	opterr = 0;
	while ((word = optind < argc ? argv[optind] : "",
		c = getopt_long(argc, argv, cli_short, cli_long, (li = -1, &li))) != -1) {
		const char *lname = li >= 0 ? cli_long[li].name : NULL;

		switch (c) {
		case 'a':
			/* strace's -a COLUMN; a bare -a (with -c) means every process */
			if (!optarg && optind < argc && argv[optind][0] >= '0' && argv[optind][0] <= '9')
				optarg = argv[optind++];
			if (optarg)
				s->align = parse_num(optarg, "column", 0, 4096);
			else
				s->all = true;
			break;
		case OPT_COLUMNS:
			s->align = parse_num(optarg, "column", 0, 4096);
			break;
		case OPT_ALL:
			s->all = true;
			break;
		case 'c':
			s->count = true;
			break;
		case 'C':
			s->count_after = true;
			break;
		case 'w':
			s->wall = true;
			break;
		case 'S':
			s->sort = parse_sort(optarg);
			break;
		case 'U': {
			char err[256];

			if (summary_check_columns(optarg, err, sizeof(err)))
				die("%s", err);
			s->columns = optarg;
			break;
		}
		case OPT_STOP_AFTER:
			s->duration = parse_seconds(optarg, "--stop-after");
			break;
		case OPT_INTERVAL:
			s->interval = parse_seconds(optarg, "--interval");
			break;
		case OPT_DURATION:
			s->min_duration_ns = parse_ms(optarg, "--duration");
			min_duration = optarg;
			break;
		case 'i':
			s->show_ip = true;	/* strace's -i; nothing to show with -c */
			break;
		case 'L':
			s->latency = true;
			break;
		case OPT_TOP:
			s->top = parse_num(optarg, "--top count", 1, 100000);
			break;
		case OPT_BY:
			s->group = parse_by(optarg);
			break;
		case OPT_FAILED:
			failed = true;
			break;
		case OPT_CGROUP:
			s->cgroup_path = optarg;
			break;
		case OPT_HIST:
			s->histogram = true;
			break;
		case OPT_SUBSYS:
			s->subsystems = true;
			break;
		case OPT_JSON:
			s->format = FMT_JSON;
			break;
		case OPT_CSV:
			s->format = FMT_CSV;
			break;
		case OPT_RECORD:
			s->record = optarg;
			break;
		case OPT_REPLAY:
			s->replay = optarg;
			break;
		case OPT_LOSSY:
			s->lossy = true;
			break;
		case OPT_RSTATS:
			s->replay_stats = true;
			break;
		case 'b':
			s->ring_bytes = parse_size(optarg);
			break;
		case 'e':
			filter_parse(s, optarg);
			break;
		case OPT_EXPR_TRACE: {
			char buf[4096];

			snprintf(buf, sizeof(buf), "trace=%s", optarg);
			filter_parse(s, buf);
			break;
		}
		case 'f':
			nf++;
			break;
		case OPT_FOLLOW:
			follow_long = true;
			break;
		case OPT_OUTSEP:
			outsep = true;
			break;
		case 'o':
			s->outfile = optarg;
			break;
		case 'p':
			parse_pids(s, optarg);
			break;
		case 'q':
			nq++;
			break;
		case 'r':
			s->relative = true;
			s->rel_digits = parse_time_digits(optarg, "relative-timestamps");
			break;
		case 's':
			s->strsize = parse_num(optarg, "string size", 0, BSTRACE_CHUNK - 2);
			break;
		case 't':
			nt++;
			break;
		case OPT_TS:
			ts_long = true;
			parse_ts_arg(s, optarg ? optarg : "format:time", lname, &ts_digits_set);
			break;
		case 'T':
			s->show_time = true;
			s->dur_digits = parse_time_digits(optarg, "syscall-times");
			break;
		case 'v':
		case OPT_NO_ABBREV:
			s->verbose = true;
			break;
		case 'x':
			nx++;	/* -x: hex strings (nothing to show with -c) */
			break;
		case 'X':
			if (!strcmp(optarg, "abbrev"))
				s->const_style = XLAT_ABBREV;
			else if (!strcmp(optarg, "raw"))
				s->const_style = XLAT_RAW;
			else if (!strcmp(optarg, "verbose"))
				s->const_style = XLAT_VERBOSE;
			else
				die("invalid constant print style '%s' for -X (raw, abbrev, verbose)",
				    optarg);
			break;
		case 'y':
			/* -y: paths; -yy: everything strace knows about an fd */
			s->decode_fds = s->decode_fds ? DF_ALL : DF_PATH;
			ny++;
			break;
		case 'Y':
			filter_parse(s, "decode-pids=comm");
			break;
		case OPT_PIDNS:
			filter_parse(s, "decode-pids=pidns");
			break;
		case 'z':
			/* strace 6.1: -z is -e status=successful, -Z -e status=failed */
			filter_parse(s, "status=successful");
			nz++;
			break;
		case 'Z':
			filter_parse(s, "status=failed");
			nz++;
			break;
		case OPT_HEXSTR:
			/* none, non-ascii (-x), all (-xx, the default) */
			x_long = !optarg || !strcmp(optarg, "all") ? 2 :
				 !strcmp(optarg, "non-ascii") ? 1 :
				 !strcmp(optarg, "non-ascii-chars") ? XS_CHARS :
				 !strcmp(optarg, "none") ? 0 : -1;
			if (x_long < 0)
				die("invalid --strings-in-hex argument: '%s'", optarg);
			break;
		case OPT_QUAL:
			/* --quiet and --decode-fds without a value: -q's and -y's sets */
			qualify(s, lname, optarg ? optarg :
				!strcmp(lname, "decode-fds") ? "path" : "attach,personality");
			break;
		case 'k':
			if (!unwind_supported())
				die("-k needs libdw: this bstrace was built without it");
			s->stack_traces = true;
			break;
		case OPT_STACK_SIZE:
			s->stack_size = parse_num(optarg, "--stack-trace-size", 256, STACK_MAX);
			break;
		case 'n':
			s->show_nr = true;
			break;
		case OPT_SECCOMP_BPF:
			/* an optimisation of ptrace stops in strace, not a change of its output */
			break;
		case OPT_UNSUPP:
			die("--%s is not supported yet", lname);
		case 'P':
			if (s->npaths == BSTRACE_MAX_PATHS)
				die("too many -P paths (at most %d)", BSTRACE_MAX_PATHS);
			s->paths[s->npaths++] = optarg;
			break;
		case 'd':
			s->libbpf_debug = true;
			break;
		case 'h':
			usage();
		case 'V':
			printf("bstrace %s (git %s)\n", BSTRACE_VERSION, bstrace_git_commit);
			exit(0);
		case OPT_PERFETTO:
			s->perfetto = optarg;
			break;
		case OPT_SECCOMP_PROFILE:
			s->seccomp_profile = optarg;
			break;
		default:	/* '?' and ':' */
			bad_option(c, word);
		}
	}
	check_short_long(s, nf, follow_long, outsep, nq, ny, nt, ts_long, nx, x_long, nz);
	resolve_paths(s);
	if (ts_long && !ts_digits_set)
		s->ts_digits = 1;	/* the long form: seconds unless a precision is given */
	if (x_long >= 0)
		nx = x_long;
	s->fd_paths = s->decode_fds != 0;
	s->follow = nf > 0 || follow_long;
	s->follow_files = (nf > 1 || outsep) && s->outfile;
	if (outsep && !s->outfile && !s->follow)
		warnx_("--output-separately has no effect without -o/--output");
	if (s->follow_files && (s->outfile[0] == '|' || s->outfile[0] == '!'))
		die("piping the output and -ff/--output-separately are mutually exclusive");
	/* the kernel drops what -z/-Z leave out; the rest of -e status= is done when printing */
	s->only_ok = (s->hide_status & STATUS_FAILED) &&
		     !(s->hide_status & (STATUS_SUCCESSFUL | STATUS_UNFINISHED));
	s->only_failed = (s->hide_status & STATUS_SUCCESSFUL) && !(s->hide_status & STATUS_FAILED);
	if (optind < argc)
		s->cmd = argv + optind;
	/* the summary views are counting modes too */
	if (s->histogram || s->subsystems || s->group != GROUP_NONE || s->latency || s->top ||
	    s->interval || s->duration || failed || s->cgroup_path || s->format == FMT_CSV)
		s->count = true;
	/* --json without a summary option: the trace itself as JSON lines */
	s->json_trace = s->format == FMT_JSON && !s->count && !s->all && !s->count_after;
	if (s->all)
		s->count = true;
	s->xstrings = nx == XS_CHARS ? XS_CHARS : nx > 2 ? 2 : nx;
	if (s->count) {
		s->failed_only = failed;
		if (s->count_after)
			die("-c and -C cannot be combined");
		if (min_duration)
			die("--duration=%s applies to the trace (the calls that took at least %s ms), "
			    "not to counting; to stop counting after SECS seconds use "
			    "--stop-after=SECS", min_duration, min_duration);
		if (s->all && (s->cmd || s->npids))
			die("-a counts every process: give no command and no -p");
		if (s->group == GROUP_ERRNO && !s->all && !s->cmd && !s->npids)
			s->all = true;
	}
	if (s->perfetto && s->count)
		die("--perfetto draws the trace: it cannot be combined with -c or the counting "
		    "views (-C can)");
	if (s->cgroup_path)
		s->cgroup_id = count_cgroup_id(s->cgroup_path);
	if (s->ninject && s->npids)
		die("-e inject= cannot be used with -p: its seccomp filter is installed by the "
		    "launched command before it starts, it cannot be added to a running process");
	if (s->ninject && !s->cmd)
		die("-e inject= needs a command to launch");
	if (s->replay) {
		filter_defaults(s);
		if (s->cmd || s->npids || s->all || s->record)
			die("--replay decodes a file: give no command, -p, -a or --record");
		if (s->stack_traces)
			die("-k unwinds stacks of live processes: not with --replay");
		if (s->count && (s->all || s->group != GROUP_NONE || s->histogram || s->subsystems))
			die("--replay supports -c/-C summaries, not the system-wide views");
		profile_check(s);
		return;
	}
	if (s->record && (s->count || s->count_after))
		die("--record records the trace: it cannot be combined with -c or -C");
	if (s->stack_traces && (s->record || s->count || s->json_trace))
		die("-k prints stacks under the trace's lines: not with %s",
		    s->record ? "--record" : s->count ? "-c or a counting view" : "--json");
	if (s->stack_size && !s->stack_traces)
		die("--stack-trace-size is for -k");
	if (s->stack_traces && !s->stack_size)
		s->stack_size = 8192;
	if (s->record && s->perfetto)
		die("--record writes the raw events: replay the recording with --perfetto");
	if (s->record && min_duration)
		die("--record writes every call: give --duration to --replay");
	if (s->seccomp_profile && (s->record || s->all || s->npids))
		die("--seccomp-profile lists what a command does from its start: not with %s",
		    s->record ? "--record (give it to --replay)" : s->all ? "-a" : "-p");
	if (!s->cmd && !s->npids && !s->all)
		die("must have PROG [ARGS] or -p PID (see --help)");
	if (s->cmd && s->npids)
		die("-p and a command cannot be combined");
	filter_defaults(s);
	profile_check(s);
}


static void on_signal(int sig)
{
	bstrace_interrupted++;
}

static pid_t output_pid = -1;	/* -o '|CMD': the shell reading the trace */

/* -o '|CMD' or -o '!CMD': the trace goes to the standard input of sh -c CMD */
static int open_pipe(const char *cmd)
{
	int p[2];

	if (pipe2(p, O_CLOEXEC))
		die("cannot create a pipe for -o '|%s': %s", cmd, strerror(errno));
	output_pid = fork();
	if (output_pid < 0)
		die("cannot run '%s' for -o: %s", cmd, strerror(errno));
	if (!output_pid) {
		signal(SIGPIPE, SIG_DFL);
		/* Ctrl-C stops the trace, not the reader: it gets all of it */
		signal(SIGINT, SIG_IGN);
		if (dup2(p[0], STDIN_FILENO) < 0)
			_exit(127);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		fprintf(stderr, "bstrace: cannot execute /bin/sh: %s\n", strerror(errno));
		_exit(127);
	}
	close(p[0]);
	return p[1];
}

/* the end of the output: with -o '|CMD', wait for CMD to read it all */
static void close_output(int fd)
{
	if (output_pid <= 0)
		return;
	close(fd);
	while (waitpid(output_pid, NULL, 0) < 0 && errno == EINTR)
		;
	output_pid = -1;
}

static int open_output(const struct settings *s)
{
	int fd;

	/* --perfetto without -o: the timeline only */
	if (!s->outfile && s->perfetto && (fd = open("/dev/null", O_WRONLY | O_CLOEXEC)) >= 0)
		return fd;
	if (!s->outfile || s->follow_files)
		return STDERR_FILENO;
	if (s->outfile[0] == '|' || s->outfile[0] == '!')
		return open_pipe(s->outfile + 1);
	fd = open(s->outfile, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		die("cannot open output file '%s': %s", s->outfile, strerror(errno));
	return fd;
}

/* the thread group of `pid`, from /proc (pid may name a thread) */
static pid_t tgid_of(pid_t pid)
{
	char path[64], line[256];
	pid_t tgid = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	f = fopen(path, "re");
	if (!f)
		die("cannot attach to pid %d: %s", pid,
		    errno == ENOENT ? "No such process" : strerror(errno));
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "Tgid: %d", &tgid) == 1)
			break;
	fclose(f);
	if (tgid <= 0)
		die("cannot attach to pid %d: no such process", pid);
	return tgid;
}

static int count_threads(pid_t tgid)
{
	char path[64];
	struct dirent *de;
	int n = 0;
	DIR *d;

	snprintf(path, sizeof(path), "/proc/%d/task", tgid);
	d = opendir(path);
	if (!d)
		return 1;
	while ((de = readdir(d)))
		n += de->d_name[0] != '.';
	closedir(d);
	return n ? n : 1;
}

static bool pid_alive(pid_t pid)
{
	return kill(pid, 0) == 0 || errno == EPERM;
}

static int open_output(const struct settings *s);
static pid_t tgid_of(pid_t pid);

static int ignore_event(void *ctx, void *data, size_t len)
{
	return 0;
}

static void install_signals(void)
{
	struct sigaction sa = { .sa_handler = on_signal };

	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

static int exit_code_of(int status)
{
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return 0;
}

/* -c and the other counting views: the kernel aggregates, we print at the end */
static int run_count(struct settings *s, struct launch *child)
{
	struct loader *l;
	struct inject *inj = NULL;
	int i, status, fd;

	/* before loading: a Ctrl-C or kill -INT while the programs load is kept, not lost */
	install_signals();
	l = loader_open(s, ignore_event, NULL);
	if (s->cmd) {
		loader_add_target(l, child->pid, s->follow ? 0 : child->pid, TGT_WAIT_EXEC, 1);
		launch_go(child);
		if (s->ninject) {
			inj = inject_start(s, child->pid, child->status_fd, loader_inject_fd(l));
			launch_release(child);
		}
	}
	for (i = 0; i < s->npids; i++) {
		pid_t tg = tgid_of(s->pids[i]);

		loader_add_target(l, tg, s->follow ? 0 : s->pids[i], 0, 1);
		if (!(s->quiet & QUIET_ATTACH))
			warnx_("Process %d attached", s->pids[i]);
	}
	/* strace -c writes its table to stderr; system-wide counts are the output itself */
	fd = s->outfile ? open_output(s) : s->all ? STDOUT_FILENO : STDERR_FILENO;
	status = count_loop(s, l, s->cmd ? child->pid : -1, fd);
	inject_stop(inj);
	loader_close(l);
	close_output(fd);
	if (s->seccomp_profile)
		profile_write(s->seccomp_profile);
	filter_free(s);
	free(s);
	return child->pid > 0 ? exit_code_of(status) : 0;
}

struct replay_ctx {
	const struct settings *s;
	struct tracer *t;
	bool started;
};

/* --replay: the recorded records through the same printers; -e trace= applies here */
static int replay_event(void *ctx, void *data, size_t len)
{
	struct replay_ctx *r = ctx;
	const struct sc_event_hdr *h = data;

	if (r->t && !r->started) {
		/* the first task of the recording is the one that was launched or attached */
		tracer_add_task(r->t, h->tgid);
		r->started = true;
	}

	if ((h->type == EV_SYSCALL || h->type == EV_ENTER) && !r->s->trace[h->nr])
		return 0;
	if (r->s->count) {
		if (h->type == EV_SYSCALL)
			count_note(h->nr, h->ret, h->ts_enter && h->ts_exit > h->ts_enter ?
						  h->ts_exit - h->ts_enter : 0);
		return 0;
	}
	return tracer_event(r->t, data, len);
}

static int run_replay(struct settings *s)
{
	struct replay_ctx r = { .s = s };
	struct record_header hdr;
	struct timespec a, b;
	uint64_t n;
	double dt;
	int fd = open_output(s);

	if (!s->count)
		r.t = tracer_new(s, fd);
	clock_gettime(CLOCK_MONOTONIC, &a);
	n = replay_file(s->replay, replay_event, &r, &hdr);
	if (r.t) {
		tracer_set_clock(r.t, hdr.boot_to_real_ns);
		tracer_free(r.t);
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	if (s->count || s->count_after)
		count_print_noted(s, s->perfetto && !s->outfile ? STDERR_FILENO : fd);
	if (s->seccomp_profile)
		profile_write(s->seccomp_profile);
	dt = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
	if (s->replay_stats)
		warnx_("replayed %llu records in %.3f s: %.0f records/s", (unsigned long long)n, dt,
		       dt > 0 ? n / dt : 0);
	close_output(fd);
	filter_free(s);
	free(s);
	return 0;
}

/* --record: the raw stream to a file, nothing decoded; process events still keep the count
 * of live tasks (the tracer's output goes nowhere) */
static struct recorder *recorder;

static int record_event(void *ctx, void *data, size_t len)
{
	const struct sc_event_hdr *h = data;

	recorder_event(recorder, data, len);
	if (h->type == EV_FORK || h->type == EV_EXIT)
		tracer_event(ctx, data, len);
	return 0;
}

/* between chunks of records: thaw the command once the ring has room */
static void on_chunk(void *bp)
{
	bp_check(bp);
}

/*
 * Children of the command made with CLONE_PARENT are ours: reap them (a zombie must not outlive
 * its exit), as strace does. Our own helpers (the command, the -o '|cmd' shell, the cgroup's
 * janitor) are left to whoever waits for them.
 */
static void reap_strays(const struct settings *s, pid_t cmd, struct bp *bp)
{
	siginfo_t si;

	for (;;) {
		si.si_pid = 0;
		if (waitid(P_ALL, 0, &si, WEXITED | WNOHANG | WNOWAIT) || !si.si_pid)
			return;
		if (si.si_pid == cmd || si.si_pid == output_pid || si.si_pid == bp_janitor(bp))
			return;
		if (waitpid(si.si_pid, NULL, 0) < 0)
			return;
		if (!s->follow && !(s->quiet & QUIET_EXIT))
			warnx_("Exit of unknown pid %d ignored", si.si_pid);
	}
}

/* the output's reader is gone: a launched command dies with bstrace, as under strace */
static pid_t launched_pid = -1;
static struct bp *launched_bp;

static void kill_launched(void)
{
	if (launched_bp && bp_kill(launched_bp) == 0)
		return;
	if (launched_pid > 0)
		kill(launched_pid, SIGKILL);
}

int main(int argc, char **argv)
{
	struct settings *s = calloc(1, sizeof(*s));
	struct launch child = { .pid = -1, .go_fd = -1, .status_fd = -1 };
	struct inject *inj = NULL;
	struct tracer *t;
	struct loader *l;
	uint64_t lost = 0, lost_calls = 0, d;
	int status = 0, i, exit_code = 0, out_fd, idle_polls = 0;
	struct bp *bp = NULL;
	struct bp_stats bps = { 0 };
	uint64_t bp_high = 0;
	char why[256] = "";
	bool reaped = false;

	startup_mark("main");
	if (!s)
		die("out of memory");
	parse_args(s, argc, argv);
	xlat_style = s->const_style;
	if (s->replay)
		return run_replay(s);
	/* not root: only what ptrace would allow (perm.c) */
	perm_check_start();
	if (s->all)
		perm_check_systemwide("-a");
	if (s->cgroup_path)
		perm_check_systemwide("--cgroup");
	for (i = 0; i < s->npids; i++) {
		tgid_of(s->pids[i]);	/* fail early on a bad pid */
		perm_check_attach(s->pids[i]);
	}
	/* lossless for the launched command: it is paused while the ring buffer is too full; it
	 * is created in its cgroup (what cannot be done is said once BPF has loaded) */
	if (s->cmd && !s->lossy && !s->count) {
		s->ring_bytes = bp_ring_for(s->ring_bytes);
		bp_high = bp_high_for(s->ring_bytes);
		bp = bp_open(s->ring_bytes, why, sizeof(why));
	}
	startup_mark("cgroup made");
	if (s->cmd) {
		child.inject = s->ninject ? s : NULL;
		launch_prepare(&child, s->cmd, bp_cgroup_fd(bp));
	}
	startup_mark("command forked");

	if (s->count)
		return run_count(s, &child);
	/* after the command was forked (it keeps the dispositions we were given, as under
	 * strace) and before loading: a SIGINT sent while the programs load is kept */
	install_signals();
	if (s->record) {
		recorder = recorder_open(s->record, s);
		out_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
		t = tracer_new(s, out_fd);
		l = loader_open_bp(s, record_event, t, bp_high);
	} else {
		out_fd = open_output(s);
		t = tracer_new(s, out_fd);
		l = loader_open_bp(s, tracer_event, t, bp_high);
	}

	if (bp_high) {
		volatile uint64_t *thaw, *cross;
		int err = 0;

		if (bp) {
			loader_bp_globals(l, &thaw, &cross);
			err = bp_start(bp, loader_ring_fd(l), thaw, cross);
			if (!err && !child.in_cgroup)
				err = bp_add(bp, child.pid);
			if (err)
				snprintf(why, sizeof(why), "%s", strerror(-err));
		}
		if (!bp || err) {
			warnx_("cannot pause the command while the ring buffer is full (%s): calls "
			       "may be lost (counted and marked); --lossy says that this is intended",
			       why);
			bp_close(bp, NULL);
			bp = NULL;
			bp_high = 0;
		} else {
			loader_on_chunk(l, on_chunk, bp);
		}
	}
	if (s->cmd) {
		loader_add_target(l, child.pid, s->follow ? 0 : child.pid, TGT_WAIT_EXEC, 1);
		tracer_add_task(t, child.pid);
		launched_pid = child.pid;
		launched_bp = bp;
		ob_reader_gone = kill_launched;
		startup_mark("command released");
		launch_go(&child);
		if (s->ninject) {
			inj = inject_start(s, child.pid, child.status_fd, loader_inject_fd(l));
			launch_release(&child);
		}
	}
	for (i = 0; i < s->npids; i++) {
		pid_t tg = tgid_of(s->pids[i]);

		loader_add_target(l, tg, s->follow ? 0 : s->pids[i], 0,
				  s->follow ? count_threads(tg) : 1);
		tracer_add_task(t, s->pids[i]);
		if (!(s->quiet & QUIET_ATTACH))
			warnx_("Process %d attached", s->pids[i]);
	}

	for (;;) {
		int err = loader_poll(l, 20);

		if (err < 0 && !bstrace_interrupted)
			die("ring buffer: %s", strerror(-err));
		tracer_flush(t);
		if (s->cmd && !reaped && waitpid(child.pid, &status, WNOHANG) == child.pid)
			reaped = true;
		reap_strays(s, child.pid, bp);
		if (s->cmd && reaped && (!s->follow || tracer_alive(t) <= 0))
			break;
		/* -f: the children may outlive the command; an exit lost with other records
		 * must not keep us waiting for a task that is gone */
		if (s->cmd && reaped && ++idle_polls % 10 == 0 && tracer_prune_dead(t) <= 0)
			break;
		if (!s->cmd) {
			bool any = false;

			for (i = 0; i < s->npids; i++)
				any |= pid_alive(s->pids[i]);
			if (!any)
				break;
		}
		/* Ctrl-C: a launched command got it too, so wait for it; -p detaches at once */
		if (bstrace_interrupted && (!s->cmd || bstrace_interrupted > 1))
			break;
	}
	/* the notifier goes first: what is left of the command no longer waits for us */
	inject_stop(inj);
	/* detach first: the ring then holds a bounded amount, which is drained */
	loader_detach(l);
	loader_on_chunk(l, NULL, NULL);
	launched_bp = NULL;
	bp_close(bp, &bps);
	loader_drain(l);
	loader_lost_pending(l, &lost_calls, &d);
	if (d)
		tracer_lost(t, lost_calls, d);
	lost = loader_drops(l);
	lost_calls = loader_drop_count(l, DROP_CALLS);
	loader_close(l);
	tracer_free(t);
	if (recorder)
		recorder_close(recorder);
	if (!s->cmd && !(s->quiet & QUIET_ATTACH) && bstrace_interrupted)
		for (i = 0; i < s->npids; i++)
			warnx_("Process %d detached", s->pids[i]);
	if (lost)
		warnx_("%llu calls lost, %llu records (ring buffer full: raise -b, now %lu bytes%s)",
		       (unsigned long long)lost_calls, (unsigned long long)lost, s->ring_bytes,
		       bp_high ? "" : s->lossy ? "; or drop --lossy" : "");
	if (bp_high && getenv("BSTRACE_BP_STATS"))
		warnx_("backpressure: %llu pauses, %.3f ms paused, longest reaction %.1f us, "
		       "peak backlog %llu of %lu bytes (pause at %llu)",
		       (unsigned long long)bps.pauses, bps.paused_ns / 1e6, bps.max_react_ns / 1e3,
		       (unsigned long long)bps.peak_bytes, s->ring_bytes,
		       (unsigned long long)bp_high);
	if (s->count_after)
		count_print_noted(s, s->perfetto && !s->outfile ? STDERR_FILENO : out_fd);
	close_output(out_fd);
	if (s->seccomp_profile)
		profile_write(s->seccomp_profile);
	if (reaped)
		exit_code = exit_code_of(status);
	filter_free(s);
	free(s);
	return exit_code;
}
