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
#include <dirent.h>
#include <sys/wait.h>
#include <unistd.h>
#include "common.h"
#include "filter.h"
#include "launch.h"
#include "loader.h"
#include "trace.h"
#include "count.h"
#include "summary.h"
#include "record.h"
#include "backpressure.h"
#include <time.h>

#define BSTRACE_VERSION "0.1.0"

void die(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("bstrace: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

void warnx_(const char *fmt, ...)
{
	va_list ap;

	fputs("bstrace: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void __attribute__((noreturn)) usage(int status)
{
	FILE *f = status ? stderr : stdout;

	fprintf(f,
"usage: bstrace [-fqrtTvxyzZ] [-a COLUMN] [-b BYTES] [-e EXPR]... [-o FILE] [-P PATH]...\n"
"               [-s STRSIZE] -- COMMAND [ARGS]\n"
"       bstrace [options] -p PID[,PID...]\n"
"\n"
"Trace the system calls of a command or of running processes, printed as strace prints\n"
"them. The tracee is never stopped: eBPF programs copy what is printed.\n"
"\n"
"  -f               follow forks and threads      -ff  with -o: one file per pid (FILE.PID)\n"
"  -o FILE          write the trace to FILE       -p PID  trace running processes\n"
"  -e trace=SET     syscalls to trace: names, %%file %%process %%network %%signal %%ipc\n"
"                   %%desc %%memory %%creds %%clock %%stat %%lstat %%fstat %%%%stat %%statfs\n"
"                   %%fstatfs %%%%statfs %%pure, /REGEX, all, none; !SET negates\n"
"  -e signal=SET    signals to show              -e read=FDS / write=FDS  dump data\n"
"  -s STRSIZE       string size to print (32)     -a COLUMN  align return values (40)\n"
"  -t, -tt, -ttt    time of day, microseconds, epoch   -r  relative timestamps\n"
"  -T               time spent in each syscall    -v, --no-abbrev  unabbreviated output\n"
"  -x, -xx          non-ASCII / all strings in hex    -y  print paths of fds\n"
"  -z, -Z           only successful / only failed calls    -P PATH  calls touching PATH\n"
"  -q, -qq          suppress attach / exit messages\n"
"  -b, --buffer-size BYTES   ring buffer size (power of two, default 8M; K/M suffixes;\n"
"                   at least 4M for a launched command, unless --lossy)\n"
"  --lossy          never pause the command: when the ring buffer is full, records are\n"
"                   lost (counted and marked) instead (the default for -p)\n"
"  --debug          libbpf diagnostics             -V, --version, -h, --help\n"
"\n"
"EXAMPLES\n"
"  bstrace -f -- sh -c 'ls /; cat /etc/hostname'\n"
"  bstrace -e trace=%%file -o trace.txt -- make\n"
"  bstrace -p 1234 -T -e trace=read,write\n");
	exit(status);
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
	OPT_DEBUG = 256, OPT_NO_ABBREV, OPT_TOP, OPT_BY, OPT_CGROUP, OPT_HIST, OPT_SUBSYS,
	OPT_JSON, OPT_CSV, OPT_ALL, OPT_COLUMNS, OPT_TRACE, OPT_RECORD, OPT_REPLAY, OPT_RSTATS,
	OPT_LOSSY,
};

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

static void parse_args(struct settings *s, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "attach", required_argument, NULL, 'p' },
		{ "follow-forks", no_argument, NULL, 'f' },
		{ "string-limit", required_argument, NULL, 's' },
		{ "columns", required_argument, NULL, OPT_COLUMNS },
		{ "expr", required_argument, NULL, 'e' },
		{ "trace", required_argument, NULL, 'e' + 1000 },
		{ "trace-path", required_argument, NULL, 'P' },
		{ "buffer-size", required_argument, NULL, 'b' },
		{ "relative-timestamps", no_argument, NULL, 'r' },
		{ "syscall-times", no_argument, NULL, 'T' },
		{ "successful-only", no_argument, NULL, 'z' },
		{ "failed-only", no_argument, NULL, 'Z' },
		{ "no-abbrev", no_argument, NULL, OPT_NO_ABBREV },
		{ "decode-fds", no_argument, NULL, 'y' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "debug", no_argument, NULL, OPT_DEBUG },
		{ "summary-only", no_argument, NULL, 'c' },
		{ "summary", no_argument, NULL, 'C' },
		{ "summary-wall-clock", no_argument, NULL, 'w' },
		{ "summary-sort-by", required_argument, NULL, 'S' },
		{ "summary-columns", required_argument, NULL, 'U' },
		{ "all", no_argument, NULL, OPT_ALL },
		{ "duration", required_argument, NULL, 'd' },
		{ "interval", required_argument, NULL, 'i' },
		{ "top", required_argument, NULL, OPT_TOP },
		{ "by", required_argument, NULL, OPT_BY },
		{ "failed", no_argument, NULL, 'x' + 1000 },
		{ "latency", no_argument, NULL, 'L' },
		{ "cgroup", required_argument, NULL, OPT_CGROUP },
		{ "histogram", no_argument, NULL, OPT_HIST },
		{ "subsystems", no_argument, NULL, OPT_SUBSYS },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "csv", no_argument, NULL, OPT_CSV },
		{ "record", required_argument, NULL, OPT_RECORD },
		{ "replay", required_argument, NULL, OPT_REPLAY },
		{ "replay-stats", no_argument, NULL, OPT_RSTATS },
		{ "lossy", no_argument, NULL, OPT_LOSSY },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ 0 }
	};
	int c, nf = 0, nx = 0;
	bool failed = false;

	s->strsize = 32;
	s->align = 40;
	s->ring_bytes = 8ul << 20;
	while ((c = getopt_long(argc, argv, "+a::b:cCd:e:fhi:Lo:p:qrs:S:tU:vwxyzP:TVZ", longopts,
				NULL)) != -1) {
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
		case 'd':
			s->duration = parse_seconds(optarg, "duration");
			break;
		case 'i':
			s->interval = parse_seconds(optarg, "interval");
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
		case 'x' + 1000:
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
		case 'e' + 1000: {
			char buf[4096];

			snprintf(buf, sizeof(buf), "trace=%s", optarg);
			filter_parse(s, buf);
			break;
		}
		case 'f':
			nf++;
			break;
		case 'o':
			s->outfile = optarg;
			break;
		case 'p':
			parse_pids(s, optarg);
			break;
		case 'q':
			s->quiet++;
			break;
		case 'r':
			s->relative = true;
			break;
		case 's':
			s->strsize = parse_num(optarg, "string size", 0, BSTRACE_CHUNK - 2);
			break;
		case 't':
			s->tstamp = s->tstamp < 3 ? s->tstamp + 1 : 3;
			break;
		case 'T':
			s->show_time = true;
			break;
		case 'v':
		case OPT_NO_ABBREV:
			s->verbose = true;
			break;
		case 'x':
			nx++;	/* -x: hex strings when tracing, failed calls only when counting */
			break;
		case 'y':
			s->fd_paths = true;
			break;
		case 'z':
			s->only_ok = true;
			break;
		case 'Z':
			s->only_failed = true;
			break;
		case 'P':
			if (s->npaths == BSTRACE_MAX_PATHS)
				die("too many -P paths (at most %d)", BSTRACE_MAX_PATHS);
			s->paths[s->npaths++] = optarg;
			break;
		case OPT_DEBUG:
			s->libbpf_debug = true;
			break;
		case 'h':
			usage(0);
		case 'V':
			printf("bstrace version %s\n", BSTRACE_VERSION);
			exit(0);
		default:
			usage(1);
		}
	}
	s->follow = nf > 0;
	s->follow_files = nf > 1 && s->outfile;
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
	if (s->count) {
		s->failed_only = failed || nx > 0;
		if (s->count_after)
			die("-c and -C cannot be combined");
		if (s->all && (s->cmd || s->npids))
			die("-a counts every process: give no command and no -p");
		if (s->group == GROUP_ERRNO && !s->all && !s->cmd && !s->npids)
			s->all = true;
	} else {
		s->xstrings = nx > 2 ? 2 : nx;
	}
	if (s->cgroup_path)
		s->cgroup_id = count_cgroup_id(s->cgroup_path);
	if (s->replay) {
		filter_defaults(s);
		if (s->cmd || s->npids || s->all || s->record)
			die("--replay decodes a file: give no command, -p, -a or --record");
		if (s->count && (s->all || s->group != GROUP_NONE || s->histogram || s->subsystems))
			die("--replay supports -c/-C summaries, not the system-wide views");
		return;
	}
	if (s->record && (s->count || s->count_after))
		die("--record records the trace: it cannot be combined with -c or -C");
	if (!s->cmd && !s->npids && !s->all)
		die("must have PROG [ARGS] or -p PID (see --help)");
	if (s->cmd && s->npids)
		die("-p and a command cannot be combined");
	if (s->only_ok && s->only_failed)
		die("-z and -Z cannot be combined");
	filter_defaults(s);
}


static void on_signal(int sig)
{
	bstrace_interrupted++;
}

static int open_output(const struct settings *s)
{
	int fd;

	if (!s->outfile || s->follow_files)
		return STDERR_FILENO;
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
	struct loader *l = loader_open(s, ignore_event, NULL);
	int i, status, fd;

	install_signals();
	if (s->cmd) {
		loader_add_target(l, child->pid, s->follow ? 0 : child->pid, TGT_WAIT_EXEC, 1);
		launch_go(child);
	}
	for (i = 0; i < s->npids; i++) {
		pid_t tg = tgid_of(s->pids[i]);

		loader_add_target(l, tg, s->follow ? 0 : s->pids[i], 0, 1);
		if (!s->quiet)
			warnx_("Process %d attached", s->pids[i]);
	}
	/* strace -c writes its table to stderr; system-wide counts are the output itself */
	fd = s->outfile ? open_output(s) : s->all ? STDOUT_FILENO : STDERR_FILENO;
	status = count_loop(s, l, s->cmd ? child->pid : -1, fd);
	loader_close(l);
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
		count_print_noted(s, fd);
	dt = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
	if (s->replay_stats)
		warnx_("replayed %llu records in %.3f s: %.0f records/s", (unsigned long long)n, dt,
		       dt > 0 ? n / dt : 0);
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

int main(int argc, char **argv)
{
	struct settings *s = calloc(1, sizeof(*s));
	struct launch child = { .pid = -1, .go_fd = -1 };
	struct tracer *t;
	struct loader *l;
	uint64_t lost = 0, lost_calls = 0, d;
	int status = 0, i, exit_code = 0, out_fd, idle_polls = 0;
	struct bp *bp = NULL;
	struct bp_stats bps = { 0 };
	uint64_t bp_high = 0;
	char why[256] = "";
	bool reaped = false;

	if (!s)
		die("out of memory");
	parse_args(s, argc, argv);
	if (s->replay)
		return run_replay(s);
	for (i = 0; i < s->npids; i++)
		tgid_of(s->pids[i]);	/* fail early on a bad pid */
	/* lossless for the launched command: it is paused while the ring buffer is too full; it
	 * is created in its cgroup (what cannot be done is said once BPF has loaded) */
	if (s->cmd && !s->lossy && !s->count) {
		s->ring_bytes = bp_ring_for(s->ring_bytes);
		bp_high = bp_high_for(s->ring_bytes);
		bp = bp_open(s->ring_bytes, why, sizeof(why));
	}
	if (s->cmd)
		launch_prepare(&child, s->cmd, bp_cgroup_fd(bp));

	if (s->count)
		return run_count(s, &child);
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
	install_signals();

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
		launch_go(&child);
	}
	for (i = 0; i < s->npids; i++) {
		pid_t tg = tgid_of(s->pids[i]);

		loader_add_target(l, tg, s->follow ? 0 : s->pids[i], 0,
				  s->follow ? count_threads(tg) : 1);
		tracer_add_task(t, s->pids[i]);
		if (!s->quiet)
			warnx_("Process %d attached", s->pids[i]);
	}

	for (;;) {
		int err = loader_poll(l, 20);

		if (err < 0 && !bstrace_interrupted)
			die("ring buffer: %s", strerror(-err));
		tracer_flush(t);
		if (s->cmd && !reaped && waitpid(child.pid, &status, WNOHANG) == child.pid)
			reaped = true;
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
	/* detach first: the ring then holds a bounded amount, which is drained */
	loader_detach(l);
	loader_on_chunk(l, NULL, NULL);
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
	if (!s->cmd && !s->quiet && bstrace_interrupted)
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
		count_print_noted(s, out_fd);
	if (reaped)
		exit_code = exit_code_of(status);
	free(s);
	return exit_code;
}
