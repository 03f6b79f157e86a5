// SPDX-License-Identifier: GPL-2.0
/*
 * bstraced: always-on syscall metrics for Prometheus, a JSON-lines event stream and a flight
 * recorder. The kernel side is bstrace's, in its system-wide counting mode: per-CPU totals and
 * an LRU map of (syscall, comm|cgroup) and (syscall, errno) rows; userspace only reads them
 * when scraped. The HTTP server runs in libmicrohttpd's thread; everything else in this one.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>
#include "common.h"
#include "config.h"
#include "count.h"
#include "decode.h"
#include "filter.h"
#include "http.h"
#include "loader.h"
#include "metrics.h"
#include "perm.h"
#include "syscalls.h"
#include "trace.h"
#include "version.h"

#define BSTRACED_VERSION "0.1.0"

static volatile sig_atomic_t reopen_requested;

void die(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("bstraced: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

void warnx_(const char *fmt, ...)
{
	va_list ap;

	fputs("bstraced: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* what the daemon was asked for beyond the shared settings */
struct options {
	const char *config;
	const char *listen;
	const char *events;
	const char *flight_dir;
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
	uint64_t flight_dumps;
	uint64_t flight_errors;		/* flight traces that could not be written whole */
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

static void __attribute__((noreturn)) usage(int status)
{
	FILE *f = status ? stderr : stdout;

	fprintf(f,
"usage: bstraced [OPTIONS]\n"
"\n"
"Always-on syscall metrics for Prometheus, a JSON-lines event stream and a flight recorder,\n"
"aggregated in the kernel for every process of the host.\n"
"\n"
"  -c, --config FILE        options from FILE: 'key = value' lines, keys = long options\n"
"  -l, --listen ADDR:PORT   serve /metrics and /healthz (default 127.0.0.1:9464)\n"
"  --labels LIST            labels of bstrace_syscalls_total: syscall,comm (default),\n"
"                           syscall,cgroup or syscall\n"
"  --top K                  series per labelled metric and scrape (default 500, 0: all)\n"
"  --max-groups N           rows of the in-kernel LRU aggregation (default 16384)\n"
"  --no-histogram           no duration histogram (no sys_enter work)\n"
"  --events FILE            JSON-lines event stream ('-': stdout), as bstrace --json\n"
"  -e trace=SET, --trace SET  calls in the event stream (default all)\n"
"  -Z, --failed-only        stream only failed calls   -z, --successful-only  only successful\n"
"  --capture-buffers        stream buffer contents (redacted by default)\n"
"  --rate-limit N           stream records per second (default 1000, 0: unlimited)\n"
"  --cgroup PATH            only tasks in this cgroup v2 (metrics, stream, flight recorder)\n"
"  --comm NAME              only tasks with this comm (same)\n"
"  --flight-recorder N      keep the last N calls of every process (0: off, max %d); write\n"
"                           them when it exits non-zero or is killed by a signal\n"
"  --flight-dir DIR         where those traces go (default /var/lib/bstraced)\n"
"  --flight-processes M     processes held at once (default 4096)\n"
"  -b, --buffer-size BYTES  ring buffer size (default 4M)\n"
"  --debug                  libbpf diagnostics    -V, --version    -h, --help\n"
"\n"
"SIGTERM/SIGINT stop and detach; SIGHUP reopens the --events file.\n",
		FLIGHT_MAX);
	exit(status);
}

/* ---- options: one table for the command line and the config file ---- */

enum {
	OPT_LABELS = 256, OPT_TOP, OPT_MAX_GROUPS, OPT_NO_HIST, OPT_EVENTS, OPT_TRACE,
	OPT_CAPTURE, OPT_RATE, OPT_CGROUP, OPT_COMM, OPT_FLIGHT, OPT_FLIGHT_DIR,
	OPT_FLIGHT_PROCS, OPT_DEBUG,
};

static const struct option long_opts[] = {
	{ "config", required_argument, NULL, 'c' },
	{ "listen", required_argument, NULL, 'l' },
	{ "labels", required_argument, NULL, OPT_LABELS },
	{ "top", required_argument, NULL, OPT_TOP },
	{ "max-groups", required_argument, NULL, OPT_MAX_GROUPS },
	{ "no-histogram", no_argument, NULL, OPT_NO_HIST },
	{ "events", required_argument, NULL, OPT_EVENTS },
	{ "trace", required_argument, NULL, OPT_TRACE },
	{ "failed-only", no_argument, NULL, 'Z' },
	{ "successful-only", no_argument, NULL, 'z' },
	{ "capture-buffers", no_argument, NULL, OPT_CAPTURE },
	{ "rate-limit", required_argument, NULL, OPT_RATE },
	{ "cgroup", required_argument, NULL, OPT_CGROUP },
	{ "comm", required_argument, NULL, OPT_COMM },
	{ "flight-recorder", required_argument, NULL, OPT_FLIGHT },
	{ "flight-dir", required_argument, NULL, OPT_FLIGHT_DIR },
	{ "flight-processes", required_argument, NULL, OPT_FLIGHT_PROCS },
	{ "buffer-size", required_argument, NULL, 'b' },
	{ "debug", no_argument, NULL, OPT_DEBUG },
	{ "version", no_argument, NULL, 'V' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

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
	case 'b':
		s->ring_bytes = size_arg(v);
		break;
	case OPT_DEBUG:
		s->libbpf_debug = true;
		break;
	}
}

static int config_option(void *ctx, const char *key, const char *value, const char *where)
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

static const char short_opts[] = "+:c:l:e:zZb:hV";

static void parse_args(struct daemon *d, int argc, char **argv)
{
	struct settings *s = &d->s;
	struct options *o = &d->o;
	char err[512];
	int c, idx;

	s->strsize = 32;
	s->align = 40;
	s->ring_bytes = 4ul << 20;
	s->rate_limit = 1000;
	s->flight_procs = 4096;
	s->max_groups = 16384;
	o->listen = "127.0.0.1:9464";
	o->flight_dir = "/var/lib/bstraced";
	o->labels = "syscall,comm";
	o->top = 500;

	/* the config file first: the command line overrides it */
	opterr = 0;
	while ((c = getopt_long(argc, argv, short_opts, long_opts, &idx)) != -1)
		if (c == 'c')
			o->config = optarg;
		else if (c == 'h')
			usage(0);
	if (o->config) {
		const char *path = o->config;

		if (config_read(path, config_option, d, err, sizeof(err)))
			die("%s", err);
	}
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

static void reopen_events(struct daemon *d)
{
	int fd;

	if (!d->stream || !strcmp(d->o.events, "-"))
		return;
	fd = open(d->o.events, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
	if (fd < 0) {
		warnx_("cannot reopen --events file '%s': %s (still writing the old one)",
		       d->o.events, strerror(errno));
		return;
	}
	tracer_reopen(d->stream, fd);
	close(d->events_fd);
	d->events_fd = fd;
}

static uint64_t clock_ns(clockid_t c)
{
	struct timespec ts;

	clock_gettime(c, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

/* a full disk does not stop the daemon: dropped lines are counted, and said once a minute */
static void report_write_errors(struct daemon *d)
{
	uint64_t lost, now = clock_ns(CLOCK_MONOTONIC) / 1000000000ull;
	int err;

	lost = tracer_write_lost(d->stream, &err);
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
		warnx_("writing the --events file again (%llu events dropped)",
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
	report_write_errors(d);
	if (rate > d->rate_reported) {
		tracer_flush(d->stream);
		n = snprintf(line, sizeof(line), "{\"dropped\":%llu,\"reason\":\"rate_limit\"}\n",
			     (unsigned long long)(rate - d->rate_reported));
		if (write(d->events_fd, line, n) != n)
			warnx_("cannot write to the --events file: %s", strerror(errno));
		d->rate_reported = rate;
	}
}

/* ---- flight recorder ---- */

/* Writes one process's ring as strace -f -tt output, oldest call first, then its death. */
static void flight_dump(struct daemon *d, const struct sc_event_hdr *h)
{
	size_t size = loader_flight_size(&d->s);
	struct flight_ring *r = malloc(size);
	struct settings fs = { 0 };
	struct sc_event_hdr ev;
	struct {
		struct sc_event_hdr h;
		struct sc_blob b;
		char data[FLIGHT_STR + 8];
	} rec;
	char comm[17] = { 0 }, path[PATH_MAX], what[64], sig[16];
	uint32_t i, start, n = d->s.flight_n;
	struct tracer *t;
	uint64_t lost;
	int fd, code = h->ret, err;

	if (!r)
		die("out of memory");
	pthread_mutex_lock(&d->bpf_lock);
	err = loader_flight_take(d->l, h->tgid, r, size);
	pthread_mutex_unlock(&d->bpf_lock);
	if (err) {
		warnx_("flight recorder: pid %u: its calls were evicted (more than "
		       "--flight-processes processes)", h->tgid);
		free(r);
		return;
	}
	memcpy(comm, h->args, 16);
	for (i = 0; comm[i]; i++)
		if (comm[i] == '/' || comm[i] == ' ')
			comm[i] = '_';
	snprintf(path, sizeof(path), "%s/%s.%u.%lld.trace", d->o.flight_dir, comm, h->tgid,
		 (long long)time(NULL));
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
	if (fd < 0) {
		warnx_("flight recorder: cannot write '%s': %s", path, strerror(errno));
		__atomic_add_fetch(&d->flight_errors, 1, __ATOMIC_RELAXED);
		free(r);
		return;
	}
	/* strace -f -tt -o FILE: every line has the pid */
	fs.follow = true;
	fs.outfile = path;
	fs.tstamp = 2;
	fs.strsize = 32;
	fs.align = 40;
	memset(fs.trace, 1, sizeof(fs.trace));
	fs.signals = ~0ull;
	t = tracer_new(&fs, fd);
	tracer_set_lossy(t);
	tracer_add_task(t, h->tgid);
	start = r->used < n ? 0 : r->head % n;
	for (i = 0; i < r->used && i < n; i++) {
		const struct flight_ent *e = &r->e[(start + i) % n];

		memset(&rec, 0, sizeof(rec));
		rec.h.ts_enter = rec.h.ts_exit = e->ts;
		memcpy(rec.h.args, e->args, sizeof(rec.h.args));
		rec.h.ret = e->ret;
		rec.h.tgid = h->tgid;
		rec.h.tid = e->tid;
		rec.h.len = sizeof(rec.h);
		if (e->nr == FLIGHT_SIGNAL) {
			rec.h.type = EV_SIGNAL;
		} else if (e->no_return) {
			/* exit_group: an enter the process exit below completes with "= ?" */
			rec.h.type = EV_ENTER;
			rec.h.nr = e->nr;
		} else {
			rec.h.type = EV_SYSCALL;
			rec.h.nr = e->nr;
		}
		/* the kept head of a string argument travels as a capture blob */
		if (e->nr != FLIGHT_SIGNAL && e->str_arg < BSTRACE_MAX_ARGS &&
		    e->str_len < FLIGHT_STR) {
			rec.b.arg = e->str_arg;
			rec.b.flags = BLOBF_STR | (e->str_trunc ? BLOBF_TRUNC : 0);
			rec.b.len = e->str_len;
			memcpy(rec.data, e->str, e->str_len);
			rec.h.nblobs = 1;
			rec.h.len = sizeof(rec.h) + sizeof(rec.b) + ((e->str_len + 7) & ~7u);
		}
		tracer_event(t, &rec, rec.h.len);
	}
	memset(&ev, 0, sizeof(ev));
	ev.type = EV_EXIT;
	ev.ts_enter = ev.ts_exit = clock_ns(CLOCK_BOOTTIME);
	ev.ret = code;
	ev.tgid = ev.tid = h->tgid;
	ev.len = sizeof(ev);
	tracer_event(t, &ev, sizeof(ev));
	tracer_flush(t);
	lost = tracer_write_lost(t, &err);
	tracer_free(t);
	close(fd);
	free(r);
	if (lost || err) {
		__atomic_add_fetch(&d->flight_errors, 1, __ATOMIC_RELAXED);
		warnx_("flight recorder: cannot write '%s' whole: %s (%llu lines dropped)", path,
		       strerror(err ? err : EIO), (unsigned long long)lost);
		return;
	}
	__atomic_add_fetch(&d->flight_dumps, 1, __ATOMIC_RELAXED);
	if (code & 0x7f)
		snprintf(what, sizeof(what), "killed by %s", signal_name(code & 0x7f, sig,
									 sizeof(sig)));
	else
		snprintf(what, sizeof(what), "exited with %d", (code >> 8) & 0xff);
	warnx_("flight recorder: pid %u (%s) %s: %s", h->tgid, comm, what, path);
}

static int on_event(void *ctx, void *data, size_t len)
{
	struct daemon *d = ctx;
	const struct sc_event_hdr *h = data;

	if (len < sizeof(*h))
		return 0;
	if (h->type == EV_FLIGHT) {
		flight_dump(d, h);
		return 0;
	}
	if (!d->stream)
		return 0;
	if (h->type == EV_SYSCALL)
		__atomic_add_fetch(&d->events_written, 1, __ATOMIC_RELAXED);
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

static void collect_group(void *ctx, const struct group_key *k, const struct group_val *v)
{
	struct collect *c = ctx;
	struct metrics_snapshot *m = c->snap;
	const struct sc_def *def = sc_by_nr(k->nr);
	const char *sc = def ? def->name : "unknown";
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

static int render_metrics(void *ctx, char **body, size_t *len)
{
	struct daemon *d = ctx;
	struct metrics_snapshot m = { 0 };
	struct collect c = { .d = d, .snap = &m };
	struct sc_stats st;
	uint32_t nr;
	int err;

	m.sys = calloc(BSTRACE_NR_MAX, sizeof(*m.sys));
	if (!m.sys)
		return -ENOMEM;
	pthread_mutex_lock(&d->bpf_lock);
	for (nr = 0; nr < BSTRACE_NR_MAX; nr++) {
		const struct sc_def *def = sc_by_nr(nr);

		if (loader_read_stats(d->l, nr, &st) || !st.count)
			continue;
		m.sys[m.nsys].name = def ? def->name : "unknown";
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
	m.top = d->o.top;
	m.events_written = __atomic_load_n(&d->events_written, __ATOMIC_RELAXED);
	m.flight_dumps = __atomic_load_n(&d->flight_dumps, __ATOMIC_RELAXED);
	m.flight_errors = __atomic_load_n(&d->flight_errors, __ATOMIC_RELAXED);
	m.events_write_lost = __atomic_load_n(&d->events_write_lost, __ATOMIC_RELAXED);
	metrics_self(&m.cpu_seconds, &m.rss_bytes);
	m.start_time = d->start_time;
	m.version = BSTRACED_VERSION;
	m.kernel = d->kernel;
	m.arch = SC_ARCH_NAME;
	err = metrics_render(&m, body, len);
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
	uint64_t now, last_drops = 0, last_prune = 0;
	struct utsname u;
	char err[512];
	int port;

	parse_args(&d, argc, argv);
	/* it sees every process: root only (user/perm.c) */
	perm_check_start();
	perm_check_systemwide("bstraced");
	pthread_mutex_init(&d.bpf_lock, NULL);
	d.start_time = clock_ns(CLOCK_REALTIME) / 1e9;
	if (!uname(&u))
		snprintf(d.kernel, sizeof(d.kernel), "%s", u.release);
	if (d.s.flight_n && mkdir(d.o.flight_dir, 0750) && errno != EEXIST)
		die("cannot create --flight-dir '%s': %s", d.o.flight_dir, strerror(errno));
	if (d.s.flight_n && access(d.o.flight_dir, W_OK))
		die("cannot write to --flight-dir '%s': %s", d.o.flight_dir, strerror(errno));
	if (d.o.events) {
		d.events_fd = open_events(d.o.events);
		d.stream = tracer_new(&d.s, d.events_fd);
		tracer_set_lossy(d.stream);
	}
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
	pthread_mutex_unlock(&d.bpf_lock);
	port = http_port(d.http);
	{
		char host[128];
		const char *colon = strrchr(d.o.listen, ':');

		snprintf(host, sizeof(host), "%.*s", (int)(colon - d.o.listen), d.o.listen);
		fprintf(stderr, "bstraced: listening on http://%s:%d\n", host, port);
	}

	while (!bstrace_interrupted) {
		int n = loader_poll(d.l, 200);

		if (n < 0 && !bstrace_interrupted)
			die("ring buffer poll failed: %s", strerror(-n));
		now = clock_ns(CLOCK_MONOTONIC) / 1000000000ull;
		__atomic_store_n(&d.heartbeat, now, __ATOMIC_RELAXED);
		if (reopen_requested) {
			reopen_requested = 0;
			reopen_events(&d);
		}
		if (d.stream && now != last_drops) {
			last_drops = now;
			report_drops(&d);
			tracer_flush(d.stream);
		}
		/* system-wide, exits of untraced tasks are not sent: forget the dead ones */
		if (d.stream && now - last_prune >= 10) {
			last_prune = now;
			tracer_prune_dead(d.stream);
		}
	}
	http_stop(d.http);
	if (d.stream) {
		loader_poll(d.l, 0);
		report_drops(&d);
		tracer_free(d.stream);
		if (d.events_fd != STDOUT_FILENO)
			close(d.events_fd);
	}
	loader_close(d.l);
	free_config_values();
	return 0;
}
