// SPDX-License-Identifier: GPL-2.0
/*
 * bstraced: always-on syscall metrics for Prometheus, a JSON-lines event stream and a flight
 * recorder. The kernel side is bstrace's, in its system-wide counting mode: per-CPU totals and
 * an LRU map of (syscall, comm|cgroup) and (syscall, errno) rows; userspace only reads them
 * when scraped. The HTTP server runs in libmicrohttpd's thread and renders /metrics on a thread
 * of its own (render_metrics()); everything else runs in this one.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"
#include "common.h"
#include "config.h"
#include "count.h"
#include "decode.h"
#include "filter.h"
#include "flight.h"
#include "http.h"
#include "loader.h"
#include "metrics.h"
#include "perm.h"
#include "service.h"
#include "syscalls.h"
#include "trace.h"
#include "version.h"
#include "workload.h"

#define BSTRACED_VERSION "0.1.0"
/* the default config file, used when it exists, and its drop-ins (BSTRACED_CONFIG.d, *.conf);
 * the environment variable BSTRACED_CONFIG names another (tests) */
#define BSTRACED_CONFIG "/etc/bstraced.conf"

static volatile sig_atomic_t reopen_requested;

/*
 * Reading options (a config line, a SIGHUP's reading of them all): die() on the main thread
 * returns to the innermost of these with the reason in die_msg instead of exiting.
 */
static jmp_buf *die_jmp;
static pthread_t main_thread;
static char die_msg[512];

void die(const char *fmt, ...)
{
	va_list ap;

	if (die_jmp && pthread_equal(pthread_self(), main_thread)) {
		va_start(ap, fmt);
		vsnprintf(die_msg, sizeof(die_msg), fmt, ap);
		va_end(ap);
		longjmp(*die_jmp, 1);
	}
	fflush(stdout);
	va_start(ap, fmt);
	svc_vlog(SVC_ERR, fmt, ap);
	va_end(ap);
	exit(1);
}

void warnx_(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	svc_vlog(SVC_WARNING, fmt, ap);
	va_end(ap);
}

/* what the daemon was asked for beyond the shared settings */
struct options {
	const char *config;
	bool config_given;		/* -c: the file must exist */
	const char *listen;
	const char *events;
	const char *flight_dir;
	struct flight_limits flight;	/* --flight-max-files, -max-bytes, -rate, -rate-global */
	const char *labels;
	unsigned int top;
	bool no_histogram;
	bool capture_buffers;
	bool trace_given;
};

struct daemon {
	struct settings s;
	struct options o;
	struct loader *l;
	struct tracer *stream;		/* --events */
	int events_fd;
	struct http_server *http;
	pthread_mutex_t bpf_lock;	/* the loader's per-CPU scratch is shared */
	uint64_t events_written;	/* atomics: read by the HTTP thread */
	uint64_t events_write_lost;	/* stream lines the --events file refused (disk full...) */
	struct flight *flight;		/* --flight-recorder */
	/* the stream: the tracer writes into a memfd, stream_pump() adds who the task is */
	int stream_fd;
	struct workload_cache *who;
	char *pump_in, *pump_out;
	size_t pump_in_cap, pump_out_cap;
	uint64_t pump_lost;		/* lines the --events file refused */
	int pump_err;			/* errno of the last failed write, 0: went through */
	bool id_change[BSTRACE_NR_MAX];	/* execve, setuid...: read the identity again */
	int argc;			/* for SIGHUP: the config is read again, then argv */
	char **argv;
	int write_err_warned;		/* errno last warned about (stream), 0: none */
	uint64_t write_err_time;	/* and when (CLOCK_MONOTONIC seconds) */
	uint64_t heartbeat;		/* CLOCK_MONOTONIC seconds of the last loop turn */
	uint64_t rate_reported;		/* rate-limit drops already written to the stream */
	uint64_t lost_reported;
	double start_time;
	char kernel[65];
	/* cgroup id -> path, looked up once (the search walks the hierarchy) */
	struct cg_name { uint64_t id; char path[240]; } cg_cache[256];
	unsigned int cg_next;
};

/* ---- options: one table for the command line, --help and the config file (cli.h) ---- */

enum {
	OPT_LABELS = 256, OPT_TOP, OPT_MAX_GROUPS, OPT_NO_HIST, OPT_EVENTS, OPT_TRACE,
	OPT_CAPTURE, OPT_RATE, OPT_CGROUP, OPT_COMM, OPT_FLIGHT, OPT_FLIGHT_DIR,
	OPT_FLIGHT_PROCS, OPT_DEBUG, OPT_FLIGHT_FILES, OPT_FLIGHT_BYTES, OPT_FLIGHT_RATE,
	OPT_FLIGHT_RATE_ALL,
};

enum { DG_GENERAL, DG_METRICS, DG_EVENTS, DG_FILTERING, DG_FLIGHT, DG_MISC, DG_NGROUPS };

static const char *const dopt_groups[DG_NGROUPS] = {
	[DG_GENERAL] = "General",
	[DG_METRICS] = "Metrics (Prometheus)",
	[DG_EVENTS] = "Event stream",
	[DG_FILTERING] = "Filtering (metrics, stream, flight recorder)",
	[DG_FLIGHT] = "Flight recorder",
	[DG_MISC] = "Miscellaneous",
};

#define STR_(x) #x
#define STR(x) STR_(x)
#define NA no_argument
#define RA required_argument
static const struct cli_opt dopts[] = {
	{ 'c', "config", RA, .group = DG_GENERAL, .meta = "FILE",
	  .help = "options from FILE and FILE.d/*.conf: 'key = value' lines, keys = long\n"
		  "options (default " BSTRACED_CONFIG " when it exists)" },
	{ 'b', "buffer-size", RA, .group = DG_GENERAL, .meta = "BYTES",
	  .help = "ring buffer size (default 4M)" },

	{ 'l', "listen", RA, .group = DG_METRICS, .meta = "ADDR:PORT",
	  .help = "serve /metrics and /healthz (default 127.0.0.1:19464)" },
	{ 0, "labels", RA, OPT_LABELS, .group = DG_METRICS, .meta = "LIST",
	  .help = "labels of bstrace_syscalls_total: syscall,comm (default), syscall,cgroup\n"
		  "or syscall" },
	{ 0, "top", RA, OPT_TOP, .group = DG_METRICS, .meta = "K",
	  .help = "series per labelled metric and scrape (default 500, 0: all)" },
	{ 0, "max-groups", RA, OPT_MAX_GROUPS, .group = DG_METRICS, .meta = "N",
	  .help = "rows of the in-kernel LRU aggregation (default 16384)" },
	{ 0, "no-histogram", NA, OPT_NO_HIST, .group = DG_METRICS,
	  .help = "no duration histogram (no sys_enter work)" },

	{ 0, "events", RA, OPT_EVENTS, .group = DG_EVENTS, .meta = "FILE",
	  .help = "JSON-lines event stream ('-': stdout), as bstrace --json" },
	{ 'e', NULL, RA, .group = DG_EVENTS, .spell = "-e trace=SET, --trace=SET",
	  .help = "calls in the event stream (default all)" },
	{ 0, "trace", RA, OPT_TRACE, .group = DG_EVENTS },
	{ 'Z', "failed-only", NA, .group = DG_EVENTS, .help = "stream only failed calls" },
	{ 'z', "successful-only", NA, .group = DG_EVENTS, .help = "stream only successful calls" },
	{ 0, "capture-buffers", NA, OPT_CAPTURE, .group = DG_EVENTS,
	  .help = "stream buffer contents (redacted by default)" },
	{ 0, "rate-limit", RA, OPT_RATE, .group = DG_EVENTS, .meta = "N",
	  .help = "stream records per second (default 1000, 0: unlimited)" },

	{ 0, "cgroup", RA, OPT_CGROUP, .group = DG_FILTERING, .meta = "PATH",
	  .help = "only tasks in this cgroup v2 directory" },
	{ 0, "comm", RA, OPT_COMM, .group = DG_FILTERING, .meta = "NAME",
	  .help = "only tasks with this comm" },

	{ 0, "flight-recorder", RA, OPT_FLIGHT, .group = DG_FLIGHT, .meta = "N",
	  .help = "keep the last N calls of every process (0: off, at most " STR(FLIGHT_MAX) ");\n"
		  "write them when it exits non-zero or is killed by a signal" },
	{ 0, "flight-dir", RA, OPT_FLIGHT_DIR, .group = DG_FLIGHT, .meta = "DIR",
	  .help = "where those traces go (default /var/lib/bstraced)" },
	{ 0, "flight-processes", RA, OPT_FLIGHT_PROCS, .group = DG_FLIGHT, .meta = "M",
	  .help = "processes held at once (default 4096)" },
	{ 0, "flight-max-files", RA, OPT_FLIGHT_FILES, .group = DG_FLIGHT, .meta = "N",
	  .help = "traces kept in --flight-dir, oldest removed (default 1000, 0: all)" },
	{ 0, "flight-max-bytes", RA, OPT_FLIGHT_BYTES, .group = DG_FLIGHT, .meta = "BYTES",
	  .help = "their bytes (default 100M, 0: no limit)" },
	{ 0, "flight-rate", RA, OPT_FLIGHT_RATE, .group = DG_FLIGHT, .meta = "N",
	  .help = "traces a minute per comm (default 10, 0: no limit)" },
	{ 0, "flight-rate-global", RA, OPT_FLIGHT_RATE_ALL, .group = DG_FLIGHT, .meta = "N",
	  .help = "traces a minute in all (default 60, 0: no limit)" },

	{ 0, "debug", NA, OPT_DEBUG, .group = DG_MISC, .help = "libbpf diagnostics" },
	{ 'h', "help", NA, .group = DG_MISC, .help = "print this help and exit" },
	{ 'V', "version", NA, .group = DG_MISC, .help = "print the version and its git commit" },
};
#undef NA
#undef RA

static char short_opts[2 + 3 * ARRAY_SIZE(dopts) + 1];
static struct option long_opts[ARRAY_SIZE(dopts) + 1];

static void __attribute__((noreturn)) usage(int status)
{
	FILE *f = status ? stderr : stdout;

	fputs("usage: bstraced [OPTIONS]\n"
	      "\n"
	      "Always-on syscall metrics for Prometheus, a JSON-lines event stream and a flight\n"
	      "recorder, aggregated in the kernel for every process of the host.\n", f);
	cli_help(f, dopts, ARRAY_SIZE(dopts), dopt_groups, DG_NGROUPS);
	fputs("\nSIGTERM/SIGINT stop and detach; SIGHUP reads the configuration again and reopens\n"
	      "the --events file.\n", f);
	exit(status);
}

/* "FILE:LINE: " for config lines, nothing on the command line */
static const char *where_;

/* config values outlive the reader's line buffer: copies, freed at exit */
static char **config_values;
static size_t config_nvalues;

static const char *keep_value(const char *v)
{
	char **grown = realloc(config_values, (config_nvalues + 1) * sizeof(*config_values));
	char *copy = strdup(v);

	if (!grown || !copy)
		die("out of memory");
	config_values = grown;
	config_values[config_nvalues++] = copy;
	return copy;
}

static void free_config_values(void)
{
	while (config_nvalues)
		free(config_values[--config_nvalues]);
	free(config_values);
}

static void __attribute__((format(printf, 1, 2), noreturn)) bad(const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (where_)
		die("%s: %s", where_, msg);
	die("%s", msg);
}

static unsigned long num(const char *name, const char *v, unsigned long min, unsigned long max)
{
	unsigned long n;
	char *end;

	errno = 0;
	n = strtoul(v, &end, 10);
	if (!*v || *end || errno || v[0] == '-' || n < min || n > max)
		bad("bad value for --%s: '%s' (want a number from %lu to %lu)", name, v, min, max);
	return n;
}

static unsigned long size_arg(const char *v)
{
	unsigned long n;
	char *end;

	errno = 0;
	n = strtoul(v, &end, 10);
	if (*end == 'K' || *end == 'k')
		n <<= 10, end++;
	else if (*end == 'M' || *end == 'm')
		n <<= 20, end++;
	if (!*v || *end || errno || v[0] == '-' || n < 4096 || n > (1ul << 30) || (n & (n - 1)))
		bad("bad value for --buffer-size: '%s' (want a power of two from 4K to 1024M)", v);
	return n;
}

/* BYTES with an optional K, M or G suffix; 0 allowed */
static uint64_t bytes_arg(const char *name, const char *v)
{
	unsigned long long n;
	char *end;
	int shift = 0;

	errno = 0;
	n = strtoull(v, &end, 10);
	if (*end == 'K' || *end == 'k')
		shift = 10, end++;
	else if (*end == 'M' || *end == 'm')
		shift = 20, end++;
	else if (*end == 'G' || *end == 'g')
		shift = 30, end++;
	if (!*v || *end || errno || v[0] == '-' || n > (1ull << 44) >> shift)
		bad("bad value for --%s: '%s' (want bytes, with a K, M or G suffix)", name, v);
	return (uint64_t)n << shift;
}

static void apply(struct daemon *d, int opt, const char *name, const char *v)
{
	struct settings *s = &d->s;
	struct options *o = &d->o;

	switch (opt) {
	case 'c':
		o->config = v;
		break;
	case 'l':
		o->listen = v;
		break;
	case OPT_LABELS:
		if (strcmp(v, "syscall,comm") && strcmp(v, "syscall,cgroup") && strcmp(v, "syscall"))
			bad("bad value for --labels: '%s' (want syscall,comm, syscall,cgroup or "
			    "syscall)", v);
		o->labels = v;
		break;
	case OPT_TOP:
		o->top = num(name, v, 0, 1000000);
		break;
	case OPT_MAX_GROUPS:
		s->max_groups = num(name, v, 64, 1 << 22);
		break;
	case OPT_NO_HIST:
		o->no_histogram = true;
		break;
	case OPT_EVENTS:
		o->events = v;
		break;
	case 'e':
	case OPT_TRACE: {
		char expr[4096];

		snprintf(expr, sizeof(expr), "%s%s", opt == OPT_TRACE ? "trace=" : "", v);
		if (strncmp(expr, "trace=", 6))
			bad("bad -e expression '%s': bstraced selects calls with trace=SET only", v);
		filter_parse(s, expr);
		o->trace_given = true;
		break;
	}
	case 'Z':
		s->only_failed = true;
		s->hide_status = STATUS_ALL & ~STATUS_FAILED;
		break;
	case 'z':
		s->only_ok = true;
		s->hide_status = STATUS_ALL & ~STATUS_SUCCESSFUL;
		break;
	case OPT_CAPTURE:
		o->capture_buffers = true;
		break;
	case OPT_RATE:
		s->rate_limit = num(name, v, 0, 10000000);
		break;
	case OPT_CGROUP:
		s->cgroup_path = v;
		break;
	case OPT_COMM:
		if (!*v || strlen(v) > 15)
			bad("bad value for --comm: '%s' (a comm has 1 to 15 characters)", v);
		s->comm = v;
		break;
	case OPT_FLIGHT:
		s->flight_n = num(name, v, 0, FLIGHT_MAX);
		break;
	case OPT_FLIGHT_DIR:
		o->flight_dir = v;
		break;
	case OPT_FLIGHT_PROCS:
		s->flight_procs = num(name, v, 16, 1 << 20);
		break;
	case OPT_FLIGHT_FILES:
		o->flight.max_files = num(name, v, 0, 10000000);
		break;
	case OPT_FLIGHT_BYTES:
		o->flight.max_bytes = bytes_arg(name, v);
		break;
	case OPT_FLIGHT_RATE:
		o->flight.rate_comm = num(name, v, 0, 1000000);
		break;
	case OPT_FLIGHT_RATE_ALL:
		o->flight.rate_global = num(name, v, 0, 1000000);
		break;
	case 'b':
		s->ring_bytes = size_arg(v);
		break;
	case OPT_DEBUG:
		s->libbpf_debug = true;
		break;
	}
}

static int config_option_(void *ctx, const char *key, const char *value, const char *where)
{
	const struct option *op;

	where_ = where;
	for (op = long_opts; op->name; op++)
		if (!strcmp(op->name, key))
			break;
	if (!op->name || op->val == 'c' || op->val == 'h' || op->val == 'V')
		bad("unknown key '%s'", key);
	if (op->has_arg == required_argument && !value)
		bad("'%s' needs a value ('%s = ...')", key, key);
	if (op->has_arg == no_argument && value) {
		if (!strcmp(value, "false") || !strcmp(value, "no"))
			return 0;
		if (strcmp(value, "true") && strcmp(value, "yes"))
			bad("'%s' is a switch: give it alone or as '%s = true'", key, key);
		value = NULL;
	}
	apply(ctx, op->val, op->name, value ? keep_value(value) : NULL);
	where_ = NULL;
	return 0;
}

/* a bad line stops config_read() (which closes its file) with the reason in die_msg */
static int config_option(void *ctx, const char *key, const char *value, const char *where)
{
	jmp_buf jb, *outer = die_jmp;
	volatile int ret = 0;

	die_jmp = &jb;
	if (!setjmp(jb))
		config_option_(ctx, key, value, where);
	else
		ret = 1;
	die_jmp = outer;
	where_ = NULL;
	return ret;
}

static int conf_d_entry(const struct dirent *e)
{
	size_t n = strlen(e->d_name);

	return e->d_name[0] != '.' && n > 5 && !strcmp(e->d_name + n - 5, ".conf");
}

static int conf_d_order(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static void read_config(struct daemon *d, const char *path)
{
	char err[512];

	die_msg[0] = 0;
	if (config_read(path, config_option, d, err, sizeof(err))) {
		/* (die() may write die_msg again: not from itself) */
		if (die_msg[0])
			snprintf(err, sizeof(err), "%s", die_msg);
		die("%s", err);
	}
}

/*
 * The config file (-c FILE, else /etc/bstraced.conf or $BSTRACED_CONFIG when it exists), then
 * the FILE.d/NAME.conf files in byte order of NAME (C locale): later files override earlier ones, the command line
 * all of them.
 */
/* the drop-ins' paths, listed before any is read (a bad one leaves by die()): freed here */
static char **confd_files;
static int confd_n;

static void confd_free(void)
{
	while (confd_n > 0)
		free(confd_files[--confd_n]);
	free(confd_files);
	confd_files = NULL;
}

static void read_configs(struct daemon *d)
{
	const char *path = d->o.config;
	char dir[PATH_MAX], file[PATH_MAX + 256];
	struct dirent **names;
	int n, i;

	if (d->o.config_given || !access(path, F_OK))
		read_config(d, path);
	snprintf(dir, sizeof(dir), "%s.d", path);
	n = scandir(dir, &names, conf_d_entry, conf_d_order);
	if (n < 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			return;
		die("cannot read %s: %s", dir, strerror(errno));
	}
	confd_free();
	confd_files = calloc(n ? n : 1, sizeof(*confd_files));
	if (!confd_files)
		die("out of memory");
	for (i = 0; i < n; i++) {
		snprintf(file, sizeof(file), "%s/%s", dir, names[i]->d_name);
		free(names[i]);
		confd_files[confd_n] = strdup(file);
		if (!confd_files[confd_n++])
			die("out of memory");
	}
	free(names);
	for (i = 0; i < confd_n; i++) {
		struct stat st;

		/* (a directory or a device named *.conf is not a drop-in) */
		if (!stat(confd_files[i], &st) && S_ISREG(st.st_mode))
			read_config(d, confd_files[i]);
	}
}

static void parse_args(struct daemon *d, int argc, char **argv)
{
	struct settings *s = &d->s;
	struct options *o = &d->o;
	int c, idx;

	s->strsize = 32;
	s->align = 40;
	s->ring_bytes = 4ul << 20;
	s->rate_limit = 1000;
	s->flight_procs = 4096;
	s->max_groups = 16384;
	o->listen = "127.0.0.1:19464";
	o->flight_dir = "/var/lib/bstraced";
	o->labels = "syscall,comm";
	o->top = 500;

	o->flight.max_files = 1000;
	o->flight.max_bytes = 100ull << 20;
	o->flight.rate_comm = 10;
	o->flight.rate_global = 60;

	cli_getopt(dopts, ARRAY_SIZE(dopts), short_opts, long_opts);
	/* the config files first: the command line overrides them */
	opterr = 0;
	optind = 0;
	o->config = getenv("BSTRACED_CONFIG") ? getenv("BSTRACED_CONFIG") : BSTRACED_CONFIG;
	while ((c = getopt_long(argc, argv, short_opts, long_opts, &idx)) != -1)
		if (c == 'c')
			o->config = optarg, o->config_given = true;
		else if (c == 'h')
			usage(0);
	read_configs(d);
	optind = 0;
	while ((c = getopt_long(argc, argv, short_opts, long_opts, &idx)) != -1) {
		switch (c) {
		case 'V':
			printf("bstraced %s (git %s)\n", BSTRACED_VERSION, bstrace_git_commit);
			exit(0);
		case ':':
			die("option '%s' needs a value (see --help)", argv[optind - 1]);
		case '?':
			if (optopt >= 256 || optopt == 'Z' || optopt == 'z')
				die("option '%s' takes no value (see --help)", argv[optind - 1]);
			if (optopt)
				die("unknown option '-%c' (see --help)", optopt);
			die("unknown option '%s' (see --help)", argv[optind - 1]);
		default:
			apply(d, c, c >= 256 ? long_opts[idx].name : "", optarg);
		}
	}
	if (optind < argc)
		die("unexpected argument '%s' (see --help)", argv[optind]);
	if (s->only_ok && s->only_failed)
		die("-z and -Z cannot be combined");
	if ((s->only_ok || s->only_failed || o->trace_given || o->capture_buffers) && !o->events)
		die("-e trace=, -z, -Z and --capture-buffers select the event stream: give --events");
	filter_defaults(s);
	if (s->cgroup_path)
		s->cgroup_id = count_cgroup_id(s->cgroup_path);

	/* the kernel side: bstrace's system-wide counting, plus records for the stream */
	s->count = true;
	s->all = true;
	s->histogram = !o->no_histogram;
	s->wall = !o->no_histogram;	/* a service's latency is wall time */
	s->group = !strcmp(o->labels, "syscall,comm") ? GROUP_COMM :
		   !strcmp(o->labels, "syscall,cgroup") ? GROUP_CGROUP : GROUP_NONE;
	s->group_nr = true;
	s->errno_rows = true;
	s->stream = o->events != NULL;
	s->json_trace = true;
	s->redact = !o->capture_buffers;
	s->quiet = QUIET_ALL;
}

/* ---- the event stream ---- */

static int open_events(const char *path)
{
	int fd;

	if (!strcmp(path, "-"))
		return STDOUT_FILENO;
	fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
	if (fd < 0)
		die("cannot open --events file '%s': %s", path, strerror(errno));
	return fd;
}

static void stream_pump(struct daemon *d);

/* SIGHUP: the same path again (logrotate moved it), or the one a new config names */
static void reopen_events(struct daemon *d, const char *path)
{
	int fd;

	if (!d->stream || !strcmp(path, "-"))
		return;
	fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
	if (fd < 0) {
		char esc[2 * PATH_MAX];

		warnx_("cannot reopen --events file '%s': %s (still writing the old one)",
		       svc_escape(esc, sizeof(esc), path, (size_t)-1), strerror(errno));
		return;
	}
	stream_pump(d);
	if (d->events_fd != STDOUT_FILENO)
		close(d->events_fd);
	d->events_fd = fd;
	d->o.events = path;
}

static uint64_t clock_ns(clockid_t c)
{
	struct timespec ts;

	clock_gettime(c, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

static void *grow_buf(char **buf, size_t *cap, size_t need)
{
	if (need > *cap) {
		size_t c = *cap ? *cap : 65536;
		char *b;

		while (c < need)
			c *= 2;
		b = realloc(*buf, c);
		if (!b)
			die("out of memory");
		*buf = b;
		*cap = c;
	}
	return *buf;
}

/* writes all of buf; a refused write drops its lines (counted), as the tracer's lossy mode */
static void stream_write(struct daemon *d, const char *buf, size_t n)
{
	ssize_t w;

	while (n) {
		w = write(d->events_fd, buf, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			const char *p;
			uint64_t lines = 0;

			for (p = buf; (p = memchr(p, '\n', buf + n - p)); p++)
				lines++;
			d->pump_lost += lines;
			d->pump_err = w < 0 ? errno : EIO;
			return;
		}
		buf += w;
		n -= w;
	}
	d->pump_err = 0;
}

/*
 * The tracer's complete lines, from its memfd to the --events file, each record with who its
 * task is (workload.c); an unfinished line stays for the next time.
 */
static void stream_pump_buffered(struct daemon *d)
{
	size_t len, o = 0, used = 0, n;
	off_t end;
	char *p, *nl;
	ssize_t r;

	end = lseek(d->stream_fd, 0, SEEK_CUR);
	if (end <= 0)
		return;
	len = end;
	grow_buf(&d->pump_in, &d->pump_in_cap, len);
	r = pread(d->stream_fd, d->pump_in, len, 0);
	if (r != (ssize_t)len)
		die("cannot read the event stream's buffer: %s", r < 0 ? strerror(errno) : "short");
	for (p = d->pump_in; (nl = memchr(p, '\n', d->pump_in + len - p)); p = nl + 1) {
		n = nl + 1 - p;
		grow_buf(&d->pump_out, &d->pump_out_cap, o + n + 8192);
		o += workload_rewrite(d->who, p, n, d->pump_out + o, d->pump_out_cap - o);
		if (o >= 65536) {
			stream_write(d, d->pump_out, o);
			o = 0;
		}
	}
	if (o)
		stream_write(d, d->pump_out, o);
	used = p - d->pump_in;
	/* the rest (a line the tracer has not ended) to the front */
	if (used < len && pwrite(d->stream_fd, p, len - used, 0) != (ssize_t)(len - used))
		die("cannot write the event stream's buffer: %s", strerror(errno));
	if (ftruncate(d->stream_fd, len - used) || lseek(d->stream_fd, len - used, SEEK_SET) < 0)
		die("cannot reset the event stream's buffer: %s", strerror(errno));
}

static void stream_pump(struct daemon *d)
{
	if (!d->stream)
		return;
	tracer_flush(d->stream);
	stream_pump_buffered(d);
}

static void stream_pump_free(struct daemon *d)
{
	close(d->stream_fd);
	if (d->events_fd != STDOUT_FILENO)
		close(d->events_fd);
	free(d->pump_in);
	free(d->pump_out);
	workload_cache_free(d->who);
}

static void on_chunk(void *ctx)
{
	stream_pump(ctx);
}

/* a full disk does not stop the daemon: dropped lines are counted, and said once a minute */
static void report_write_errors(struct daemon *d)
{
	uint64_t lost = d->pump_lost, now = clock_ns(CLOCK_MONOTONIC) / 1000000000ull;
	int err = d->pump_err;

	if (lost == __atomic_load_n(&d->events_write_lost, __ATOMIC_RELAXED) && !err)
		return;
	__atomic_store_n(&d->events_write_lost, lost, __ATOMIC_RELAXED);
	if (err && (err != d->write_err_warned || now - d->write_err_time >= 60)) {
		warnx_("cannot write the --events file: %s (%llu events dropped so far, counted "
		       "in bstrace_events_dropped_total{reason=\"write_error\"})", strerror(err),
		       (unsigned long long)lost);
		d->write_err_warned = err;
		d->write_err_time = now;
	} else if (!err && d->write_err_warned) {
		svc_log(SVC_INFO, "writing the --events file again (%llu events dropped)",
			(unsigned long long)lost);
		d->write_err_warned = 0;
	}
}

/* lost and rate-limited records, written into the stream as they happen */
static void report_drops(struct daemon *d)
{
	uint64_t lost, rate;
	char line[128];
	int n;

	pthread_mutex_lock(&d->bpf_lock);
	lost = loader_drops(d->l);
	rate = loader_drop_count(d->l, DROP_RATE);
	pthread_mutex_unlock(&d->bpf_lock);
	/* the stream has its markers in place (EV_LOST records): only the total is kept here */
	d->lost_reported = lost;
	stream_pump(d);
	report_write_errors(d);
	if (rate > d->rate_reported) {
		n = snprintf(line, sizeof(line), "{\"dropped\":%llu,\"reason\":\"rate_limit\"}\n",
			     (unsigned long long)(rate - d->rate_reported));
		if (write(d->events_fd, line, n) != n)
			warnx_("cannot write to the --events file: %s", strerror(errno));
		d->rate_reported = rate;
	}
}

/* the calls after which a thread's comm, ids or cgroup may be new */
static void stream_init_id_change(struct daemon *d)
{
	static const char *const names[] = {
		"execve", "execveat", "setuid", "setgid", "setreuid", "setregid", "setresuid",
		"setresgid", "setfsuid", "setfsgid", "setgroups", "prctl", "unshare", "setns",
	};
	unsigned int i, nr;

	for (nr = 0; nr < BSTRACE_NR_MAX; nr++) {
		const struct sc_def *def = sc_by_nr(nr);

		for (i = 0; def && i < ARRAY_SIZE(names); i++)
			if (!strcmp(def->name, names[i]))
				d->id_change[nr] = true;
	}
}

static void stream_open(struct daemon *d)
{
	d->events_fd = open_events(d->o.events);
	d->stream_fd = memfd_create("bstraced-stream", MFD_CLOEXEC);
	if (d->stream_fd < 0)
		die("cannot make the event stream's buffer (memfd_create): %s", strerror(errno));
	d->who = workload_cache_new();
	if (!d->who)
		die("out of memory");
	stream_init_id_change(d);
	d->stream = tracer_new(&d->s, d->stream_fd);
}

/* ---- flight recorder: flight.c ---- */

static int flight_take(void *ctx, uint32_t tgid, void *ring, size_t size)
{
	struct daemon *d = ctx;
	int err;

	pthread_mutex_lock(&d->bpf_lock);
	err = loader_flight_take(d->l, tgid, ring, size);
	pthread_mutex_unlock(&d->bpf_lock);
	return err;
}

static int on_event(void *ctx, void *data, size_t len)
{
	struct daemon *d = ctx;
	const struct sc_event_hdr *h = data;
	bool refresh;

	if (len < sizeof(*h))
		return 0;
	if (h->type == EV_FLIGHT) {
		if (d->flight)
			flight_notice(d->flight, h);
		return 0;
	}
	if (!d->stream)
		return 0;
	if (h->type == EV_SYSCALL)
		__atomic_add_fetch(&d->events_written, 1, __ATOMIC_RELAXED);
	/* who the task is, as of now: read before the line is made (lines already made for the
	 * thread go out first when the call may have changed it) */
	refresh = h->type == EV_EXEC ||
		  ((h->type == EV_SYSCALL || h->type == EV_ENTER) && h->nr < BSTRACE_NR_MAX &&
		   d->id_change[h->nr]);
	if (refresh)
		stream_pump(d);
	if (h->type != EV_LOST)
		workload_get(d->who, h->tgid, h->tid, refresh);
	return tracer_event(d->stream, data, len);
}

/* ---- metrics: a snapshot of the maps, rendered by metrics.c ---- */

struct collect {
	struct daemon *d;
	struct metrics_snapshot *snap;
	size_t cap_label, cap_errno;
};

static const char *cgroup_name(struct daemon *d, uint64_t id, char *buf, size_t len)
{
	unsigned int i;
	struct cg_name *c;

	for (i = 0; i < ARRAY_SIZE(d->cg_cache); i++)
		if (d->cg_cache[i].id == id && d->cg_cache[i].path[0])
			break;
	if (i == ARRAY_SIZE(d->cg_cache)) {
		c = &d->cg_cache[d->cg_next++ % ARRAY_SIZE(d->cg_cache)];
		c->id = id;
		if (!count_cgroup_path(id, c->path, sizeof(c->path)))
			snprintf(c->path, sizeof(c->path), "cgroup:%llu", (unsigned long long)id);
		i = c - d->cg_cache;
	}
	snprintf(buf, len, "%s", d->cg_cache[i].path);
	return buf;
}

static struct msnap_row *grow(struct msnap_row **rows, size_t n, size_t *cap)
{
	if (n == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		*rows = realloc(*rows, *cap * sizeof(**rows));
		if (!*rows)
			die("out of memory");
	}
	return &(*rows)[n];
}

/*
 * The syscall label of index `nr`, one per index: the call's name (syscall_0x3e8 for a number no
 * table has); a 32-bit task's call as strace qualifies a personality, "getppid@32". Made once.
 */
static const char *syscall_label(uint32_t nr)
{
	static char *labels[BSTRACE_NR_MAX];
	char buf[32];
	const char *n;

	if (nr >= BSTRACE_NR_MAX)
		return "unknown";
	if (!labels[nr]) {
		n = sc_name(nr, buf, sizeof(buf));
		if (asprintf(&labels[nr], "%s%s", n, sc_is_compat(nr) ? "@32" : "") < 0)
			return "unknown";
	}
	return labels[nr];
}

static void collect_group(void *ctx, const struct group_key *k, const struct group_val *v)
{
	struct collect *c = ctx;
	struct metrics_snapshot *m = c->snap;
	const char *sc = syscall_label(k->nr);
	struct msnap_row *row;
	const char *e;

	m->groups_used++;
	if (!v->count)
		return;
	if (k->kind == GROUP_ERRNO) {
		row = grow(&m->by_errno, m->nerrno++, &c->cap_errno);
		e = errno_name(k->id);
		if (e)
			snprintf(row->label, sizeof(row->label), "%s", e);
		else
			snprintf(row->label, sizeof(row->label), "%llu", (unsigned long long)k->id);
	} else {
		row = grow(&m->by_label, m->nlabel++, &c->cap_label);
		if (k->kind == GROUP_CGROUP)
			cgroup_name(c->d, k->id, row->label, sizeof(row->label));
		else
			snprintf(row->label, sizeof(row->label), "%.16s", k->comm);
	}
	row->syscall = sc;
	row->count = v->count;
}

/* on the HTTP server's render thread: one reading of the maps, rendered in each format asked */
static int render_metrics(void *ctx, unsigned int formats, struct http_page *page)
{
	struct daemon *d = ctx;
	struct metrics_snapshot m = { 0 };
	struct collect c = { .d = d, .snap = &m };
	struct sc_stats st;
	uint32_t nr;
	int err = 0, f;

	m.sys = calloc(BSTRACE_NR_MAX, sizeof(*m.sys));
	if (!m.sys)
		return -ENOMEM;
	pthread_mutex_lock(&d->bpf_lock);
	for (nr = 0; nr < BSTRACE_NR_MAX; nr++) {
		if (loader_read_stats(d->l, nr, &st) || !st.count)
			continue;
		m.sys[m.nsys].name = syscall_label(nr);
		m.sys[m.nsys++].st = st;
	}
	if (d->s.group != GROUP_NONE || d->s.errno_rows)
		loader_read_groups(d->l, collect_group, &c);
	m.events_lost = loader_drops(d->l);
	m.events_rate_limited = loader_drop_count(d->l, DROP_RATE);
	m.groups_max = loader_groups_max(d->l);
	pthread_mutex_unlock(&d->bpf_lock);

	m.histogram = d->s.histogram;
	m.label_name = d->s.group == GROUP_COMM ? "comm" : d->s.group == GROUP_CGROUP ? "cgroup" :
		       NULL;
	m.top = __atomic_load_n(&d->o.top, __ATOMIC_RELAXED);	/* SIGHUP may change it */
	m.events_written = __atomic_load_n(&d->events_written, __ATOMIC_RELAXED);
	if (d->flight) {
		struct flight_stats fst;

		flight_get_stats(d->flight, &fst);
		m.flight_dumps = fst.dumps;
		m.flight_errors = fst.errors;
		m.flight_dropped_rate = fst.drop_rate;
		m.flight_dropped_retention = fst.drop_retention;
		m.flight_dropped_evicted = fst.drop_evicted;
	}
	m.events_write_lost = __atomic_load_n(&d->events_write_lost, __ATOMIC_RELAXED);
	metrics_self(&m.cpu_seconds, &m.rss_bytes);
	m.start_time = d->start_time;
	m.version = BSTRACED_VERSION;
	m.kernel = d->kernel;
	m.arch = SC_ARCH_NAME;
	for (f = 0; f < HTTP_NFORMATS && !err; f++)
		if (formats & (1u << f))
			err = metrics_render_as(&m, f == HTTP_FMT_OPENMETRICS ? METRICS_OPENMETRICS :
						METRICS_TEXT, &page->body[f], &page->len[f]);
	free(m.sys);
	free(m.by_label);
	free(m.by_errno);
	return err;
}

static bool healthy(void *ctx)
{
	struct daemon *d = ctx;
	uint64_t now = clock_ns(CLOCK_MONOTONIC) / 1000000000ull;

	/* the main loop turns at least every 200 ms */
	return now - __atomic_load_n(&d->heartbeat, __ATOMIC_RELAXED) < 5;
}

/* ---- SIGHUP: the configuration again ---- */

static bool str_differs(const char *a, const char *b)
{
	return (a == NULL) != (b == NULL) || (a && strcmp(a, b));
}

/*
 * The config files and then the command line again, into new options: a bad line keeps the
 * options in use (said why). What the running BPF programs or the HTTP socket were made with
 * only takes effect at a restart (said which); --top, the --events path and the flight
 * recorder's retention and rate limits take effect now. The --events file is reopened.
 */
static void reload(struct daemon *d)
{
	struct daemon *nd = calloc(1, sizeof(*nd));
	const struct settings *a = &d->s, *b;
	const struct options *oa = &d->o, *ob;
	char restart[512] = "";
	jmp_buf jb;

	if (!nd)
		die("out of memory");
	svc_notify("RELOADING=1\nMONOTONIC_USEC=%llu",
		   (unsigned long long)(clock_ns(CLOCK_MONOTONIC) / 1000));
	die_jmp = &jb;
	if (setjmp(jb)) {
		die_jmp = NULL;
		where_ = NULL;
		warnx_("reload: %s (the configuration in use is kept)", die_msg);
		svc_notify("READY=1\nSTATUS=reload failed, the configuration in use is kept: %s",
			   die_msg);
		free(nd);
		reopen_events(d, d->o.events);
		return;
	}
	parse_args(nd, d->argc, d->argv);
	die_jmp = NULL;
	b = &nd->s;
	ob = &nd->o;
#define RESTART(cond, name) do { if (cond) { size_t l = strlen(restart); \
	snprintf(restart + l, sizeof(restart) - l, "%s%s", l ? ", " : "", name); } } while (0)
	RESTART(str_differs(oa->listen, ob->listen), "listen");
	RESTART(str_differs(oa->labels, ob->labels), "labels");
	RESTART(a->max_groups != b->max_groups, "max-groups");
	RESTART(oa->no_histogram != ob->no_histogram, "no-histogram");
	RESTART((oa->events == NULL) != (ob->events == NULL), "events (on or off)");
	RESTART(memcmp(a->trace, b->trace, sizeof(a->trace)), "trace");
	RESTART(a->only_failed != b->only_failed, "failed-only");
	RESTART(a->only_ok != b->only_ok, "successful-only");
	RESTART(oa->capture_buffers != ob->capture_buffers, "capture-buffers");
	RESTART(a->rate_limit != b->rate_limit, "rate-limit");
	RESTART(str_differs(a->cgroup_path, b->cgroup_path), "cgroup");
	RESTART(str_differs(a->comm, b->comm), "comm");
	RESTART(a->flight_n != b->flight_n, "flight-recorder");
	RESTART(str_differs(oa->flight_dir, ob->flight_dir), "flight-dir");
	RESTART(a->flight_procs != b->flight_procs, "flight-processes");
	RESTART(a->ring_bytes != b->ring_bytes, "buffer-size");
	RESTART(a->libbpf_debug != b->libbpf_debug, "debug");
#undef RESTART
	if (restart[0])
		warnx_("reload: %s changed: that takes a restart (systemctl restart bstraced); "
		       "the values in use are kept", restart);
	/* what can change now */
	__atomic_store_n(&d->o.top, ob->top, __ATOMIC_RELAXED);
	d->o.flight = ob->flight;
	if (d->flight)
		flight_set_limits(d->flight, &ob->flight);
	d->o.config = ob->config;
	if (d->stream && ob->events)
		reopen_events(d, ob->events);
	svc_log(SVC_INFO, "reload: configuration read again from %s%s", ob->config,
		restart[0] ? " (some changes wait for a restart)" : "");
	svc_notify("READY=1\nSTATUS=serving; configuration reloaded%s",
		   restart[0] ? " (some changes wait for a restart)" : "");
	free(nd);
}

static void on_signal(int sig)
{
	if (sig == SIGHUP)
		reopen_requested = 1;
	else
		bstrace_interrupted++;
}

int main(int argc, char **argv)
{
	static struct daemon d;
	struct http_handlers hh = { render_metrics, healthy, &d };
	struct sigaction sa = { .sa_handler = on_signal };
	uint64_t now, last_drops = 0, last_prune = 0, watchdog_us;
	struct utsname u;
	char err[512];
	int port, poll_ms = 200;

	main_thread = pthread_self();
	svc_log_init();
	watchdog_us = svc_notify_init();
	/* the main loop turns at least twice per watchdog period */
	if (watchdog_us && watchdog_us / 2000 < (uint64_t)poll_ms)
		poll_ms = watchdog_us / 2000 > 10 ? watchdog_us / 2000 : 10;
	d.argc = argc;
	d.argv = argv;
	parse_args(&d, argc, argv);
	/* it sees every process: root only (user/perm.c) */
	perm_check_start();
	perm_check_systemwide("bstraced");
	pthread_mutex_init(&d.bpf_lock, NULL);
	d.start_time = clock_ns(CLOCK_REALTIME) / 1e9;
	if (!uname(&u))
		snprintf(d.kernel, sizeof(d.kernel), "%s", u.release);
	if (d.s.flight_n) {
		d.flight = flight_open(d.o.flight_dir, d.s.flight_n, loader_flight_size(&d.s),
				       &d.o.flight, flight_take, &d, err, sizeof(err));
		if (!d.flight)
			die("%s", err);
	}
	if (d.o.events)
		stream_open(&d);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	/* bind first: a taken port is reported before any BPF is loaded */
	d.heartbeat = clock_ns(CLOCK_MONOTONIC) / 1000000000ull;
	d.l = NULL;
	pthread_mutex_lock(&d.bpf_lock);
	d.http = http_start(d.o.listen, &hh, err, sizeof(err));
	if (!d.http)
		die("%s", err);
	d.l = loader_open(&d.s, on_event, &d);
	if (d.stream)
		loader_on_chunk(d.l, on_chunk, &d);
	pthread_mutex_unlock(&d.bpf_lock);
	port = http_port(d.http);
	{
		char host[128];
		const char *colon = strrchr(d.o.listen, ':');

		snprintf(host, sizeof(host), "%.*s", (int)(colon - d.o.listen), d.o.listen);
		svc_log(SVC_INFO, "listening on http://%s:%d", host, port);
		svc_notify("READY=1\nSTATUS=serving http://%s:%d/metrics\nMAINPID=%d", host, port,
			   (int)getpid());
	}

	while (!bstrace_interrupted) {
		int n = loader_poll(d.l, poll_ms);

		if (n < 0 && !bstrace_interrupted)
			die("ring buffer poll failed: %s", strerror(-n));
		now = clock_ns(CLOCK_MONOTONIC) / 1000000000ull;
		__atomic_store_n(&d.heartbeat, now, __ATOMIC_RELAXED);
		svc_watchdog(clock_ns(CLOCK_MONOTONIC) / 1000);
		if (reopen_requested) {
			reopen_requested = 0;
			reload(&d);
		}
		if (d.flight)
			flight_tick(d.flight, now);
		if (d.stream && now != last_drops) {
			last_drops = now;
			report_drops(&d);
		}
		/* system-wide, exits of untraced tasks are not sent: forget the dead ones */
		if (d.stream && now - last_prune >= 10) {
			last_prune = now;
			tracer_prune_dead(d.stream);
		}
	}
	svc_notify("STOPPING=1\nSTATUS=stopping");
	http_stop(d.http);
	if (d.stream) {
		loader_poll(d.l, 0);
		report_drops(&d);
		stream_pump(&d);
		tracer_free(d.stream);	/* an unfinished line is ended: the last of it */
		stream_pump_buffered(&d);
		stream_pump_free(&d);
	}
	flight_close(d.flight);
	loader_close(d.l);
	free_config_values();
	confd_free();
	return 0;
}
