// SPDX-License-Identifier: GPL-2.0
/*
 * The flight recorder's user side (see flight.h). The directory is opened once and checked;
 * every trace is created relative to that descriptor with O_CREAT|O_EXCL|O_NOFOLLOW, under a
 * name made of the escaped comm, so that a name or a symlink planted in the directory is never
 * followed or overwritten. Log lines escape the comm too. Retention and rate limits bound the
 * files, bytes and log lines a crash loop can make.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "common.h"
#include "decode.h"
#include "flight.h"
#include "service.h"
#include "trace.h"
#include "workload.h"

#define LOG_INTERVAL	60	/* seconds of one summary */
#define LOG_BURST	10	/* traces logged one by one in an interval; the rest summed */
#define COMM_BUCKETS	256	/* comms whose rate is tracked at once */

struct trace_file {
	char name[96];
	uint64_t size;
	struct timespec mtime;
};

struct bucket {
	char comm[16];
	double tokens;
	uint64_t last_ns;	/* CLOCK_MONOTONIC of the last refill; 0: free */
	uint64_t dropped;	/* in this interval */
};

struct interval {
	uint64_t start;		/* CLOCK_MONOTONIC seconds; 0: nothing happened yet */
	uint64_t written, unlogged, rate_comm, rate_global, retention, evicted, errors;
};

struct flight {
	int dirfd;
	char dir[PATH_MAX];
	uint32_t n;
	size_t ring_size;
	struct flight_ring *ring;
	flight_take_fn take;
	void *take_ctx;
	struct flight_limits lim;
	struct trace_file *files;	/* oldest first */
	size_t nfiles, cap;
	uint64_t bytes;
	struct bucket comm_b[COMM_BUCKETS];
	struct bucket global;
	struct interval iv;
	unsigned int logged;		/* traces logged one by one in this interval */
	struct flight_stats st;		/* atomics: /metrics reads them */
};

static uint64_t now_ns(clockid_t c)
{
	struct timespec ts;

	clock_gettime(c, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

static void count(uint64_t *c, uint64_t n)
{
	__atomic_add_fetch(c, n, __ATOMIC_RELAXED);
}

void flight_name_part(char *out, size_t len, const char *comm, size_t n)
{
	static const char hexd[] = "0123456789ABCDEF";
	size_t o = 0, i;

	for (i = 0; i < n && comm[i] && o + 4 < len; i++) {
		unsigned char c = comm[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '_' || c == '-' || c == '+' || c == ',' || c == '=' || c == '@' ||
		    (c == '.' && o)) {
			out[o++] = c;
		} else {
			out[o++] = '%';
			out[o++] = hexd[c >> 4];
			out[o++] = hexd[c & 15];
		}
	}
	if (!o && len > 1)
		out[o++] = '_';
	out[o] = 0;
}

/* ---- retention ---- */

static int by_mtime(const void *a, const void *b)
{
	const struct trace_file *x = a, *y = b;

	if (x->mtime.tv_sec != y->mtime.tv_sec)
		return x->mtime.tv_sec < y->mtime.tv_sec ? -1 : 1;
	if (x->mtime.tv_nsec != y->mtime.tv_nsec)
		return x->mtime.tv_nsec < y->mtime.tv_nsec ? -1 : 1;
	return strcmp(x->name, y->name);
}

static void files_add(struct flight *f, const char *name, uint64_t size,
		      const struct timespec *mtime)
{
	size_t len = strlen(name);

	/* longer than any name flight.c makes: not one of ours, never counted nor removed */
	if (len >= sizeof(f->files[0].name))
		return;
	if (f->nfiles == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 64;
		struct trace_file *g = realloc(f->files, cap * sizeof(*g));

		if (!g)
			die("out of memory");
		f->files = g;
		f->cap = cap;
	}
	memcpy(f->files[f->nfiles].name, name, len + 1);
	f->files[f->nfiles].size = size;
	f->files[f->nfiles].mtime = *mtime;
	f->nfiles++;
	f->bytes += size;
}

/* the traces already there: regular files of ours named *.trace (nothing else is touched) */
static void files_scan(struct flight *f)
{
	int fd = dup(f->dirfd);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *de;
	struct stat st;
	size_t l;

	if (!d) {
		if (fd >= 0)
			close(fd);
		return;
	}
	while ((de = readdir(d))) {
		l = strlen(de->d_name);
		if (l < 7 || l >= sizeof(f->files[0].name) || strcmp(de->d_name + l - 6, ".trace") ||
		    de->d_name[0] == '.')
			continue;
		if (fstatat(f->dirfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) || !S_ISREG(st.st_mode) ||
		    st.st_uid != geteuid())
			continue;
		files_add(f, de->d_name, st.st_size, &st.st_mtim);
	}
	closedir(d);
	if (f->nfiles > 1)
		qsort(f->files, f->nfiles, sizeof(*f->files), by_mtime);
}

static void iv_begin(struct flight *f)
{
	if (!f->iv.start)
		f->iv.start = now_ns(CLOCK_MONOTONIC) / 1000000000ull;
}

/* oldest first, until within max_files (keeping room for `room` more) and max_bytes */
static void retention(struct flight *f, size_t room)
{
	size_t drop = 0;

	while (drop < f->nfiles &&
	       ((f->lim.max_files && f->nfiles - drop + room > f->lim.max_files) ||
		(f->lim.max_bytes && f->bytes > f->lim.max_bytes))) {
		struct trace_file *t = &f->files[drop++];

		if (unlinkat(f->dirfd, t->name, 0) && errno != ENOENT) {
			char esc[4 * sizeof(t->name)];

			svc_log(SVC_WARNING, "flight recorder: cannot remove '%s/%s': %s", f->dir,
				svc_escape(esc, sizeof(esc), t->name, (size_t)-1), strerror(errno));
		}
		f->bytes -= t->size;
		count(&f->st.drop_retention, 1);
		iv_begin(f);
		f->iv.retention++;
	}
	if (drop) {
		memmove(f->files, f->files + drop, (f->nfiles - drop) * sizeof(*f->files));
		f->nfiles -= drop;
	}
}

/* ---- rate limits: token buckets of `rate` a minute, as many at once ---- */

static bool bucket_ok(struct bucket *b, uint32_t rate, uint64_t now)
{
	if (!rate)
		return true;
	if (!b->last_ns) {
		b->tokens = rate;
	} else {
		b->tokens += (double)(now - b->last_ns) / 1e9 * rate / 60.0;
		if (b->tokens > rate)
			b->tokens = rate;
	}
	b->last_ns = now;
	return b->tokens >= 1.0;
}

static struct bucket *comm_bucket(struct flight *f, const char *comm)
{
	struct bucket *b, *victim = NULL;
	unsigned int i;

	for (i = 0; i < COMM_BUCKETS; i++) {
		b = &f->comm_b[i];
		if (b->last_ns && !strncmp(b->comm, comm, sizeof(b->comm)))
			return b;
		/* a free one, else the least recently used */
		if (!victim || (victim->last_ns && b->last_ns < victim->last_ns))
			victim = b;
	}
	/* (a forgotten comm starts again with a full bucket: the global limit still holds) */
	memset(victim, 0, sizeof(*victim));
	memcpy(victim->comm, comm, sizeof(victim->comm));
	return victim;
}

/* ---- open, limits, summary ---- */

struct flight *flight_open(const char *dir, uint32_t n, size_t ring_size,
			   const struct flight_limits *lim, flight_take_fn take, void *take_ctx,
			   char *err, size_t errlen)
{
	struct flight *f;
	struct stat st;
	int fd;

	if (mkdir(dir, 0750) && errno != EEXIST) {
		snprintf(err, errlen, "cannot create --flight-dir '%s': %s", dir, strerror(errno));
		return NULL;
	}
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "cannot open --flight-dir '%s': %s", dir,
			 errno == ELOOP || errno == ENOTDIR ?
			 "not a directory (a symlink is not followed)" : strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st)) {
		snprintf(err, errlen, "cannot stat --flight-dir '%s': %s", dir, strerror(errno));
		close(fd);
		return NULL;
	}
	/* another user who may write there could plant names; who owns it may read the traces */
	if (st.st_uid != geteuid() || (st.st_mode & (S_IWGRP | S_IWOTH))) {
		snprintf(err, errlen, "refusing --flight-dir '%s': %s (mode %04o, owner uid %u; it "
			 "must belong to uid %u and not be writable by group or others)", dir,
			 st.st_uid != geteuid() ? "owned by another user" :
			 "writable by group or others", (unsigned int)(st.st_mode & 07777),
			 (unsigned int)st.st_uid, (unsigned int)geteuid());
		close(fd);
		return NULL;
	}
	if (faccessat(fd, ".", W_OK | X_OK, AT_EACCESS)) {
		snprintf(err, errlen, "cannot write to --flight-dir '%s': %s", dir, strerror(errno));
		close(fd);
		return NULL;
	}
	f = calloc(1, sizeof(*f));
	if (!f)
		die("out of memory");
	f->ring = malloc(ring_size);
	if (!f->ring)
		die("out of memory");
	f->dirfd = fd;
	snprintf(f->dir, sizeof(f->dir), "%s", dir);
	f->n = n;
	f->ring_size = ring_size;
	f->take = take;
	f->take_ctx = take_ctx;
	f->lim = *lim;
	files_scan(f);
	retention(f, 0);
	return f;
}

void flight_set_limits(struct flight *f, const struct flight_limits *lim)
{
	f->lim = *lim;
	retention(f, 0);
}

void flight_get_stats(const struct flight *f, struct flight_stats *st)
{
	st->dumps = __atomic_load_n(&f->st.dumps, __ATOMIC_RELAXED);
	st->errors = __atomic_load_n(&f->st.errors, __ATOMIC_RELAXED);
	st->drop_rate = __atomic_load_n(&f->st.drop_rate, __ATOMIC_RELAXED);
	st->drop_retention = __atomic_load_n(&f->st.drop_retention, __ATOMIC_RELAXED);
	st->drop_evicted = __atomic_load_n(&f->st.drop_evicted, __ATOMIC_RELAXED);
}

static void summary(struct flight *f, uint64_t now)
{
	struct interval *v = &f->iv;
	struct bucket *top = NULL;
	char esc[80], most[128] = "";
	unsigned int i;

	if (v->unlogged || v->rate_comm || v->rate_global || v->retention || v->evicted) {
		for (i = 0; i < COMM_BUCKETS; i++)
			if (f->comm_b[i].dropped && (!top || f->comm_b[i].dropped > top->dropped))
				top = &f->comm_b[i];
		if (top)
			snprintf(most, sizeof(most), ", most of them of comm \"%s\": %llu",
				 svc_escape(esc, sizeof(esc), top->comm, sizeof(top->comm)),
				 (unsigned long long)top->dropped);
		svc_log(SVC_WARNING, "flight recorder, last %llu s: %llu traces written (%llu not "
			"logged one by one), %llu not written (%llu over --flight-rate, %llu over "
			"--flight-rate-global%s), %llu removed by the retention, %llu evicted, %llu "
			"failed; %zu traces, %llu bytes in '%s'",
			(unsigned long long)(now - v->start + 1), (unsigned long long)v->written,
			(unsigned long long)v->unlogged,
			(unsigned long long)(v->rate_comm + v->rate_global),
			(unsigned long long)v->rate_comm, (unsigned long long)v->rate_global, most,
			(unsigned long long)v->retention, (unsigned long long)v->evicted,
			(unsigned long long)v->errors, f->nfiles, (unsigned long long)f->bytes,
			f->dir);
	}
	memset(v, 0, sizeof(*v));
	f->logged = 0;
	for (i = 0; i < COMM_BUCKETS; i++)
		f->comm_b[i].dropped = 0;
}

void flight_tick(struct flight *f, uint64_t now)
{
	if (f->iv.start && now - f->iv.start >= LOG_INTERVAL)
		summary(f, now);
}

void flight_close(struct flight *f)
{
	if (!f)
		return;
	if (f->iv.start)
		summary(f, now_ns(CLOCK_MONOTONIC) / 1000000000ull);
	close(f->dirfd);
	free(f->files);
	free(f->ring);
	free(f);
}

/* ---- one trace ---- */

/* creates DIR/NAME.trace, NAME-1.trace ... (never an existing name, never through a symlink) */
static int create_trace(struct flight *f, const char *base, char *name, size_t len)
{
	unsigned int i;
	int fd;

	for (i = 0; i < 100; i++) {
		if (i)
			snprintf(name, len, "%s-%u.trace", base, i);
		else
			snprintf(name, len, "%s.trace", base);
		fd = openat(f->dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
			    0640);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	return -1;
}

/* the first line: who the process was, as the event stream's records say it */
static void write_header(int fd, const struct sc_event_hdr *h, struct workload *w,
			 const char *comm, const char *what)
{
	char line[4096], fields[8192];
	uint64_t real = now_ns(CLOCK_REALTIME);
	int n;

	snprintf(w->comm, sizeof(w->comm), "%s", comm);
	workload_json(w, fields, sizeof(fields));
	n = snprintf(line, sizeof(line), "# bstraced flight recorder {\"time\":%llu.%06llu,"
		     "\"pid\":%u%s,\"status\":\"%s\"}\n",
		     (unsigned long long)(real / 1000000000ull),
		     (unsigned long long)(real % 1000000000ull / 1000), h->tgid, fields, what);
	if (n > (int)sizeof(line) - 1)
		n = sizeof(line) - 1;
	if (write(fd, line, n) != n) {
		/* the tracer's writes below fail the same way and are counted */
	}
}

static void log_line(struct flight *f, int prio, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void log_line(struct flight *f, int prio, const char *fmt, ...)
{
	va_list ap;

	iv_begin(f);
	if (f->logged >= LOG_BURST) {
		f->iv.unlogged++;
		return;
	}
	f->logged++;
	va_start(ap, fmt);
	svc_vlog(prio, fmt, ap);
	va_end(ap);
}

static bool write_ring(struct flight *f, int fd, const char *path, const struct sc_event_hdr *h)
{
	struct flight_ring *r = f->ring;
	struct settings fs = { 0 };
	struct sc_event_hdr ev;
	struct {
		struct sc_event_hdr h;
		struct sc_blob b;
		char data[FLIGHT_STR + 8];
	} rec;
	uint32_t i, start, n = f->n;
	char esc[2 * PATH_MAX + 400];
	struct tracer *t;
	uint64_t lost;
	int err;

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
	ev.ts_enter = ev.ts_exit = now_ns(CLOCK_BOOTTIME);
	ev.ret = h->ret;
	ev.tgid = ev.tid = h->tgid;
	ev.len = sizeof(ev);
	tracer_event(t, &ev, sizeof(ev));
	tracer_flush(t);
	lost = tracer_write_lost(t, &err);
	tracer_free(t);
	if (!lost && !err)
		return true;
	count(&f->st.errors, 1);
	f->iv.errors++;
	log_line(f, SVC_ERR, "flight recorder: cannot write '%s' whole: %s (%llu lines dropped)",
		 svc_escape(esc, sizeof(esc), path, (size_t)-1), strerror(err ? err : EIO),
		 (unsigned long long)lost);
	return false;
}

/* Writes one process's ring as strace -f -tt output, oldest call first, then its death. */
void flight_notice(struct flight *f, const struct sc_event_hdr *h)
{
	char comm[17] = { 0 }, part[64], base[160], name[200], path[PATH_MAX + 200];
	char what[64], sig[16], ecomm[80], epath[2 * sizeof(path)];
	uint64_t now = now_ns(CLOCK_MONOTONIC);
	struct workload w;
	struct bucket *cb;
	struct stat st;
	int fd, code = h->ret, err;
	bool ok_c, ok_g;

	/* first: the process is a zombie until its parent reaps it, then /proc has nothing */
	workload_read(h->tgid, 0, &w);
	memcpy(comm, h->args, 16);
	svc_escape(ecomm, sizeof(ecomm), comm, (size_t)-1);
	/* the ring leaves the kernel map whatever happens next: it is of no more use there */
	err = f->take(f->take_ctx, h->tgid, f->ring, f->ring_size);
	iv_begin(f);
	if (err) {
		count(&f->st.drop_evicted, 1);
		f->iv.evicted++;
		return;
	}
	cb = comm_bucket(f, comm);
	ok_c = bucket_ok(cb, f->lim.rate_comm, now);
	ok_g = bucket_ok(&f->global, f->lim.rate_global, now);
	if (!ok_c || !ok_g) {
		count(&f->st.drop_rate, 1);
		cb->dropped++;
		if (!ok_c)
			f->iv.rate_comm++;
		else
			f->iv.rate_global++;
		return;
	}
	if (f->lim.rate_comm)
		cb->tokens -= 1.0;
	if (f->lim.rate_global)
		f->global.tokens -= 1.0;

	if (code & 0x7f)
		snprintf(what, sizeof(what), "killed by %s",
			 signal_name(code & 0x7f, sig, sizeof(sig)));
	else
		snprintf(what, sizeof(what), "exited with %d", (code >> 8) & 0xff);
	/* room for the new one first, so that the directory never holds more than max_files */
	retention(f, 1);
	flight_name_part(part, sizeof(part), comm, 16);
	snprintf(base, sizeof(base), "%s.%u.%lld", part, h->tgid, (long long)time(NULL));
	fd = create_trace(f, base, name, sizeof(name));
	snprintf(path, sizeof(path), "%s/%s", f->dir, fd >= 0 ? name : base);
	svc_escape(epath, sizeof(epath), path, (size_t)-1);
	if (fd < 0) {
		count(&f->st.errors, 1);
		f->iv.errors++;
		log_line(f, SVC_ERR, "flight recorder: cannot create '%s.trace': %s", epath,
			 strerror(errno));
		return;
	}
	write_header(fd, h, &w, comm, what);
	ok_c = write_ring(f, fd, path, h);
	if (fstat(fd, &st)) {
		st.st_size = 0;
		clock_gettime(CLOCK_REALTIME, &st.st_mtim);
	}
	close(fd);
	files_add(f, name, st.st_size, &st.st_mtim);
	if (!ok_c) {
		retention(f, 0);
		return;
	}
	count(&f->st.dumps, 1);
	f->iv.written++;
	log_line(f, SVC_INFO, "flight recorder: pid %u (%s) %s: %s", h->tgid, ecomm, what, epath);
	/* and the bytes: the oldest go (the new one too if it alone is over max_bytes) */
	retention(f, 0);
}
