// SPDX-License-Identifier: GPL-2.0
/*
 * Prometheus text exposition, format 0.0.4, or OpenMetrics 1.0.0. Everything is printed into one
 * growing buffer, so a large scrape is never cut short; every family is bounded by --top
 * instead, with the rest folded into one `_other` series (one `_other` histogram) so that sum()
 * over a family still equals the real total.
 *
 * Numbers are printed in the C locale's format: the daemon never calls setlocale().
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "common.h"
#include "metrics.h"

#define LABEL_MAX	255	/* bytes of input per label value; the rest is dropped */
#define OTHER		"_other"
#define FLOAT_LEN	32	/* room for any double printed with %.17g */

/* ---- the output buffer ---- */

struct mbuf {
	char *p;
	size_t len;
	size_t cap;
	bool oom;	/* an allocation failed: stop appending, the render returns -ENOMEM */
	bool om;	/* OpenMetrics 1.0.0 rather than the text format 0.0.4 */
};

/* room for `more` bytes and the NUL */
static bool mb_room(struct mbuf *b, size_t more)
{
	size_t cap = b->cap ? b->cap : 4096;
	char *p;

	if (b->oom)
		return false;
	if (more < b->cap && b->len < b->cap - more)
		return true;
	while (more >= cap || b->len >= cap - more) {
		if (cap > SIZE_MAX / 2) {
			b->oom = true;
			return false;
		}
		cap *= 2;
	}
	p = realloc(b->p, cap);
	if (!p) {
		b->oom = true;
		return false;
	}
	b->p = p;
	b->cap = cap;
	return true;
}

static void mb_put(struct mbuf *b, const void *s, size_t n)
{
	if (!mb_room(b, n))
		return;
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void mb_puts(struct mbuf *b, const char *s)
{
	mb_put(b, s, strlen(s));
}

static __attribute__((format(printf, 2, 3))) void mb_printf(struct mbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !mb_room(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/* ---- label values ---- */

/*
 * Length of the well-formed UTF-8 sequence at s (n bytes available), or 0 when there is none;
 * then *bad is how many bytes one U+FFFD replaces: the longest prefix of a valid sequence, at
 * least one byte (Unicode's "maximal subpart" rule, which Python and browsers follow too).
 */
static size_t utf8_seq(const unsigned char *s, size_t n, size_t *bad)
{
	unsigned char lo = 0x80, hi = 0xbf;	/* range of the second byte */
	size_t want, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		want = 2;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		want = 3;
		if (s[0] == 0xe0)
			lo = 0xa0;	/* overlong */
		else if (s[0] == 0xed)
			hi = 0x9f;	/* UTF-16 surrogates */
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		want = 4;
		if (s[0] == 0xf0)
			lo = 0x90;	/* overlong */
		else if (s[0] == 0xf4)
			hi = 0x8f;	/* above U+10FFFF */
	} else {
		*bad = 1;
		return 0;
	}
	for (i = 1; i < want; i++) {
		if (i >= n || s[i] < lo || s[i] > hi) {
			*bad = i;
			return 0;
		}
		lo = 0x80;
		hi = 0xbf;
	}
	return want;
}

/* a 3-byte character that reorders or hides text: bidi controls, zero widths, line separators */
static bool invisible_cp(const unsigned char *s, unsigned int *cp)
{
	*cp = ((s[0] & 0x0fu) << 12) | ((s[1] & 0x3fu) << 6) | (s[2] & 0x3fu);
	return (*cp >= 0x200b && *cp <= 0x200f) || (*cp >= 0x2028 && *cp <= 0x202e) ||
	       (*cp >= 0x2066 && *cp <= 0x2069) || *cp == 0xfeff;
}

/*
 * Appends a label value as the text format (and OpenMetrics) wants it inside the quotes: \ "
 * and newline escaped, and valid UTF-8, which Prometheus insists on (comms and cgroup names
 * are any bytes). No other control character reaches the page raw, where a terminal or a log
 * would act on it: C0 and DEL are shown as the text \xHH, C1 and the invisible or reordering
 * characters as \uHHHH (so the page carries "\\x1b" and the value reads "\x1b").
 */
static void mb_label(struct mbuf *b, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n = strnlen(str, LABEL_MAX), i = 0, len, bad;
	unsigned int cp;

	while (i < n) {
		len = utf8_seq(s + i, n - i, &bad);
		if (!len) {
			mb_puts(b, "\xef\xbf\xbd");
			i += bad;
		} else if (s[i] == '\\') {
			mb_puts(b, "\\\\");
		} else if (s[i] == '"') {
			mb_puts(b, "\\\"");
		} else if (s[i] == '\n') {
			mb_puts(b, "\\n");
		} else if (s[i] < 0x20 || s[i] == 0x7f) {
			mb_printf(b, "\\\\x%02x", s[i]);
		} else if (len == 2 && s[i] == 0xc2 && s[i + 1] < 0xa0) {
			mb_printf(b, "\\\\u%04x", s[i + 1]);
		} else if (len == 3 && invisible_cp(s + i, &cp)) {
			mb_printf(b, "\\\\u%04x", cp);
		} else {
			mb_put(b, s + i, len);
		}
		i += len;
	}
}

/* ---- numbers ---- */

/*
 * The shortest text that reads back as the same double ("2e-09", not "2.0000000000000001e-09"):
 * exact, and the same on every scrape, which matters for the histogram's `le` labels.
 */
static void fmt_float(char buf[FLOAT_LEN], double v)
{
	int prec;

	if (isnan(v)) {
		strcpy(buf, "NaN");
		return;
	}
	if (isinf(v)) {
		strcpy(buf, v > 0 ? "+Inf" : "-Inf");
		return;
	}
	for (prec = 1; prec < 17; prec++) {
		snprintf(buf, FLOAT_LEN, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			return;
	}
	snprintf(buf, FLOAT_LEN, "%.17g", v);
}

/* ---- families ---- */

/*
 * HELP and TYPE. OpenMetrics names a counter's family without the _total of its sample, and
 * has an info type (family "x", sample "x_info") that the text format calls a gauge.
 */
static void family(struct mbuf *b, const char *name, const char *type, const char *help)
{
	size_t n = strlen(name);

	if (b->om && !strcmp(type, "counter") && n > 6 && !strcmp(name + n - 6, "_total"))
		n -= 6;
	else if (b->om && !strcmp(type, "info") && n > 5 && !strcmp(name + n - 5, "_info"))
		n -= 5;
	else if (!strcmp(type, "info"))
		type = "gauge";
	mb_printf(b, "# HELP %.*s %s\n# TYPE %.*s %s\n", (int)n, name, help, (int)n, name, type);
}

static void sample_u64(struct mbuf *b, const char *name, uint64_t v)
{
	mb_printf(b, "%s %" PRIu64 "\n", name, v);
}

static void sample_float(struct mbuf *b, const char *name, double v)
{
	char num[FLOAT_LEN];

	fmt_float(num, v);
	mb_printf(b, "%s %s\n", name, num);
}

static void scalar_u64(struct mbuf *b, const char *name, const char *type, const char *help,
		       uint64_t v)
{
	family(b, name, type, help);
	sample_u64(b, name, v);
}

static void scalar_float(struct mbuf *b, const char *name, const char *type, const char *help,
			 double v)
{
	family(b, name, type, help);
	sample_float(b, name, v);
}

/* ---- labelled rows: escape, merge, sort, fold ---- */

/* one series of a labelled family, its label values already escaped */
struct mrow {
	size_t off;		/* into the key buffer: "syscall\0label\0" */
	const char *sys;
	const char *label;	/* "" when the family has the syscall label only */
	uint64_t count;
};

static int row_cmp_key(const void *pa, const void *pb)
{
	const struct mrow *a = pa, *b = pb;
	int r = strcmp(a->sys, b->sys);

	return r ? r : strcmp(a->label, b->label);
}

/* biggest first; ties by name so that the same rows make the top-K on every scrape */
static int row_cmp_count(const void *pa, const void *pb)
{
	const struct mrow *a = pa, *b = pb;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return row_cmp_key(pa, pb);
}

/*
 * Rows that print the same labels must become one series (Prometheus rejects duplicates): two
 * cgroup paths equal in their first 255 bytes, or comms that differ only in invalid bytes.
 */
static size_t rows_merge(struct mrow *r, size_t n)
{
	size_t i, out = 0;

	if (!n)
		return 0;
	qsort(r, n, sizeof(*r), row_cmp_key);
	for (i = 1; i < n; i++) {
		if (!row_cmp_key(&r[out], &r[i]))
			r[out].count += r[i].count;
		else
			r[++out] = r[i];
	}
	return out + 1;
}

/* the rows of one family, escaped into `keys` */
struct mrows {
	struct mrow *r;
	size_t n;
	struct mbuf keys;
};

static void rows_add(struct mrows *rs, const char *sys, const char *label, uint64_t count)
{
	struct mrow *r = &rs->r[rs->n++];

	r->off = rs->keys.len;
	r->count = count;
	mb_label(&rs->keys, sys);
	mb_put(&rs->keys, "", 1);
	if (label)
		mb_label(&rs->keys, label);
	mb_put(&rs->keys, "", 1);
}

/* pointers into the key buffer only once it has stopped moving */
static int rows_finish(struct mrows *rs)
{
	size_t i;

	if (rs->keys.oom)
		return -ENOMEM;
	for (i = 0; i < rs->n; i++) {
		rs->r[i].sys = rs->keys.p + rs->r[i].off;
		rs->r[i].label = rs->r[i].sys + strlen(rs->r[i].sys) + 1;
	}
	rs->n = rows_merge(rs->r, rs->n);
	if (rs->n)
		qsort(rs->r, rs->n, sizeof(*rs->r), row_cmp_count);
	return 0;
}

static void rows_free(struct mrows *rs)
{
	free(rs->r);
	free(rs->keys.p);
}

static int rows_alloc(struct mrows *rs, size_t n)
{
	memset(rs, 0, sizeof(*rs));
	rs->r = calloc(n ? n : 1, sizeof(*rs->r));
	return rs->r ? 0 : -ENOMEM;
}

static void row_print(struct mbuf *b, const char *metric, const char *label_name,
		      const char *sys, const char *label, uint64_t count)
{
	mb_printf(b, "%s{syscall=\"%s\"", metric, sys);
	if (label_name)
		mb_printf(b, ",%s=\"%s\"", label_name, label);
	mb_printf(b, "} %" PRIu64 "\n", count);
}

/*
 * Prints the biggest `top` rows (0: all) and one `_other` series holding the sum of the rest.
 * Returns how many rows went into `_other`.
 */
static size_t rows_print(struct mbuf *b, const char *metric, const char *label_name,
			 const struct mrows *rs, unsigned int top)
{
	size_t i, keep = top && rs->n > top ? top : rs->n;
	uint64_t other = 0;

	for (i = 0; i < keep; i++)
		row_print(b, metric, label_name, rs->r[i].sys, rs->r[i].label, rs->r[i].count);
	for (i = keep; i < rs->n; i++)
		other += rs->r[i].count;
	if (keep < rs->n)
		row_print(b, metric, label_name, OTHER, OTHER, other);
	return rs->n - keep;
}

static int render_calls(struct mbuf *b, const struct metrics_snapshot *s, const char *label_name,
			size_t *folded)
{
	struct mrows rs;
	size_t i, n = label_name ? s->nlabel : s->nsys;
	int err;

	if (rows_alloc(&rs, n))
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		if (label_name)
			rows_add(&rs, s->by_label[i].syscall, s->by_label[i].label,
				 s->by_label[i].count);
		else
			rows_add(&rs, s->sys[i].name, NULL, s->sys[i].st.count);
	}
	err = rows_finish(&rs);
	if (!err) {
		family(b, "bstrace_syscalls_total", "counter", "System calls made.");
		*folded += rows_print(b, "bstrace_syscalls_total", label_name, &rs, s->top);
	}
	rows_free(&rs);
	return err;
}

static int render_errors(struct mbuf *b, const struct metrics_snapshot *s, size_t *folded)
{
	struct mrows rs;
	size_t i;
	int err;

	if (rows_alloc(&rs, s->nerrno))
		return -ENOMEM;
	for (i = 0; i < s->nerrno; i++)
		rows_add(&rs, s->by_errno[i].syscall, s->by_errno[i].label, s->by_errno[i].count);
	err = rows_finish(&rs);
	if (!err) {
		family(b, "bstrace_syscall_errors_total", "counter",
		       "System calls that failed, by errno.");
		*folded += rows_print(b, "bstrace_syscall_errors_total", "errno", &rs, s->top);
	}
	rows_free(&rs);
	return err;
}

/* ---- the duration histogram ---- */

/*
 * The kernel's last bucket also holds every latency past its upper bound (log2_bucket() clamps),
 * so its bound (2^32 ns) would be a lie: those calls are counted by "+Inf" only. The first ones
 * can never be hit: entering and leaving a call through the tracepoints takes longer than 64 ns,
 * so the first bound printed is 128 ns (buckets 0 to 6 summed).
 */
#define HIST_BOUNDS	(BSTRACE_HIST_BUCKETS - 1)
#define HIST_FIRST	6
/* series of one syscall's histogram: the finite bounds, +Inf, _sum and _count */
#define HIST_SERIES	(HIST_BOUNDS - HIST_FIRST + 3)

static void render_hist_one(struct mbuf *b, const struct msnap_sys *sys,
			    char le[HIST_BOUNDS][FLOAT_LEN])
{
	const char *m = "bstrace_syscall_duration_seconds";
	uint64_t total = 0, cum = 0;
	char sum[FLOAT_LEN];
	int i;

	for (i = 0; i < BSTRACE_HIST_BUCKETS; i++)
		total += sys->st.hist[i];
	if (!total)
		return;
	for (i = 0; i < HIST_BOUNDS; i++) {
		cum += sys->st.hist[i];
		if (i < HIST_FIRST)
			continue;
		mb_printf(b, "%s_bucket{syscall=\"", m);
		mb_label(b, sys->name);
		mb_printf(b, "\",le=\"%s\"} %" PRIu64 "\n", le[i], cum);
	}
	mb_printf(b, "%s_bucket{syscall=\"", m);
	mb_label(b, sys->name);
	mb_printf(b, "\",le=\"+Inf\"} %" PRIu64 "\n", total);

	fmt_float(sum, (double)sys->st.total_ns / 1e9);
	mb_printf(b, "%s_sum{syscall=\"", m);
	mb_label(b, sys->name);
	mb_printf(b, "\"} %s\n", sum);
	mb_printf(b, "%s_count{syscall=\"", m);
	mb_label(b, sys->name);
	mb_printf(b, "\"} %" PRIu64 "\n", total);
}

static bool hist_empty(const struct sc_stats *st)
{
	int i;

	for (i = 0; i < BSTRACE_HIST_BUCKETS; i++)
		if (st->hist[i])
			return false;
	return true;
}

static void stats_add(struct sc_stats *to, const struct sc_stats *from)
{
	int i;

	to->count += from->count;
	to->errors += from->errors;
	to->total_ns += from->total_ns;
	for (i = 0; i < BSTRACE_HIST_BUCKETS; i++)
		to->hist[i] += from->hist[i];
}

static int sys_cmp_name(const void *pa, const void *pb)
{
	const struct msnap_sys *a = pa, *b = pb;

	return strcmp(a->name, b->name);
}

/* most time spent first (the calls whose latency matters); ties by name */
static int sys_cmp_time(const void *pa, const void *pb)
{
	const struct msnap_sys *a = pa, *b = pb;

	if (a->st.total_ns != b->st.total_ns)
		return a->st.total_ns > b->st.total_ns ? -1 : 1;
	return strcmp(a->name, b->name);
}

/*
 * The histogram family gets the same budget as the others, counted in series: --top K keeps
 * the K / HIST_SERIES syscalls that spent the most time, and one "_other" histogram holds
 * the sum of the rest (buckets add up). Returns how many syscalls were folded, or -ENOMEM.
 */
static long render_hist(struct mbuf *b, const struct metrics_snapshot *s)
{
	char le[HIST_BOUNDS][FLOAT_LEN];
	struct msnap_sys *h, other = { .name = OTHER };
	size_t i, n = 0, out = 0, keep;
	int k;

	/* bucket k ends at 2^(k+1) ns */
	for (k = 0; k < HIST_BOUNDS; k++)
		fmt_float(le[k], (double)(2ull << k) / 1e9);
	family(b, "bstrace_syscall_duration_seconds", "histogram",
	       "Time spent in system calls, in log2 buckets.");
	h = calloc(s->nsys ? s->nsys : 1, sizeof(*h));
	if (!h)
		return -ENOMEM;
	for (i = 0; i < s->nsys; i++)
		if (!hist_empty(&s->sys[i].st))
			h[n++] = s->sys[i];
	/* numbers the table does not name all print as "unknown": one series */
	qsort(h, n, sizeof(*h), sys_cmp_name);
	for (i = 0; i < n; i++) {
		if (out && !strcmp(h[out - 1].name, h[i].name))
			stats_add(&h[out - 1].st, &h[i].st);
		else
			h[out++] = h[i];
	}
	n = out;
	qsort(h, n, sizeof(*h), sys_cmp_time);
	keep = s->top ? s->top / HIST_SERIES : n;
	if (keep > n)
		keep = n;
	for (i = 0; i < keep; i++)
		render_hist_one(b, &h[i], le);
	for (i = keep; i < n; i++)
		stats_add(&other.st, &h[i].st);
	if (keep < n)
		render_hist_one(b, &other, le);
	free(h);
	return (long)(n - keep);
}

/* ---- the rest ---- */

/* a Prometheus label name: [a-zA-Z_][a-zA-Z0-9_]*, not reserved (__*) nor one we print */
static bool label_name_ok(const char *name)
{
	const char *p;

	if (!name[0] || (name[0] >= '0' && name[0] <= '9') || !strncmp(name, "__", 2) ||
	    !strcmp(name, "syscall"))
		return false;
	for (p = name; *p; p++) {
		if (!(*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9')))
			return false;
	}
	return true;
}

static void render_build_info(struct mbuf *b, const struct metrics_snapshot *s)
{
	family(b, "bstrace_build_info", "info", "Always 1; the labels describe this bstraced.");
	mb_puts(b, "bstrace_build_info{version=\"");
	mb_label(b, s->version ? s->version : "unknown");
	mb_puts(b, "\",kernel=\"");
	mb_label(b, s->kernel ? s->kernel : "unknown");
	mb_puts(b, "\",arch=\"");
	mb_label(b, s->arch ? s->arch : "unknown");
	mb_puts(b, "\"} 1\n");
}

static void render_counters(struct mbuf *b, const struct metrics_snapshot *s)
{
	scalar_u64(b, "bstrace_events_lost_total", "counter",
		   "Trace records lost because the ring buffer was full.", s->events_lost);
	family(b, "bstrace_events_dropped_total", "counter",
	       "Trace records dropped on purpose, by reason.");
	mb_printf(b, "bstrace_events_dropped_total{reason=\"rate_limit\"} %" PRIu64 "\n",
		  s->events_rate_limited);
	mb_printf(b, "bstrace_events_dropped_total{reason=\"write_error\"} %" PRIu64 "\n",
		  s->events_write_lost);
	scalar_u64(b, "bstrace_events_written_total", "counter", "Trace records written.",
		   s->events_written);
	scalar_u64(b, "bstrace_flight_dumps_total", "counter",
		   "Flight-recorder traces written.", s->flight_dumps);
	scalar_u64(b, "bstrace_flight_dump_errors_total", "counter",
		   "Flight-recorder traces that could not be written whole.", s->flight_errors);
	family(b, "bstrace_flight_dumps_dropped_total", "counter",
	       "Flight-recorder traces not written (rate limits, ring evicted) or removed "
	       "(retention), by reason.");
	mb_printf(b, "bstrace_flight_dumps_dropped_total{reason=\"rate\"} %" PRIu64 "\n",
		  s->flight_dropped_rate);
	mb_printf(b, "bstrace_flight_dumps_dropped_total{reason=\"retention\"} %" PRIu64 "\n",
		  s->flight_dropped_retention);
	mb_printf(b, "bstrace_flight_dumps_dropped_total{reason=\"evicted\"} %" PRIu64 "\n",
		  s->flight_dropped_evicted);
	scalar_u64(b, "bstrace_kernel_groups", "gauge",
		   "Rows of the kernel aggregation map in use.", s->groups_used);
	scalar_u64(b, "bstrace_kernel_groups_capacity", "gauge",
		   "Rows the kernel aggregation map can hold.", s->groups_max);
}

static void render_process(struct mbuf *b, const struct metrics_snapshot *s)
{
	scalar_float(b, "process_cpu_seconds_total", "counter",
		     "Total user and system CPU time spent in seconds.", s->cpu_seconds);
	scalar_u64(b, "process_resident_memory_bytes", "gauge", "Resident memory size in bytes.",
		   s->rss_bytes);
	scalar_float(b, "process_start_time_seconds", "gauge",
		     "Start time of the process since unix epoch in seconds.", s->start_time);
}

int metrics_render_as(struct metrics_snapshot *s, enum metrics_format fmt, char **out,
		      size_t *len)
{
	const char *label_name = s->label_name;
	struct mbuf b = { .om = fmt == METRICS_OPENMETRICS };
	size_t folded = 0;
	long hist_folded;
	int err;

	/* the daemon passes "comm" or "cgroup"; anything else must still be a legal name */
	if (label_name && !label_name_ok(label_name))
		label_name = "label";
	err = render_calls(&b, s, label_name, &folded);
	if (!err)
		err = render_errors(&b, s, &folded);
	if (!err && s->histogram) {
		hist_folded = render_hist(&b, s);
		if (hist_folded < 0)
			err = (int)hist_folded;
		else
			folded += (size_t)hist_folded;
	}
	if (!err) {
		render_counters(&b, s);
		scalar_u64(&b, "bstrace_scrape_series_folded", "gauge",
			   "Rows and histograms folded into _other by --top in this scrape.",
			   folded);
		render_build_info(&b, s);
		render_process(&b, s);
		if (b.om)
			mb_puts(&b, "# EOF\n");
	}
	if (!err && b.oom)
		err = -ENOMEM;
	if (err) {
		free(b.p);
		return err;
	}
	*out = b.p;
	*len = b.len;
	return 0;
}

int metrics_render(struct metrics_snapshot *s, char **out, size_t *len)
{
	return metrics_render_as(s, METRICS_TEXT, out, len);
}

/* ---- the daemon itself ---- */

/* a small /proc file, NUL-terminated; false if it cannot be read */
static bool read_proc(const char *path, char *buf, size_t size)
{
	size_t len = 0;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return false;
	while (len < size - 1) {
		n = read(fd, buf + len, size - 1 - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	buf[len] = '\0';
	return len > 0;
}

void metrics_self(double *cpu_seconds, uint64_t *rss_bytes)
{
	unsigned long long utime, stime, pages;
	long tck = sysconf(_SC_CLK_TCK), page = sysconf(_SC_PAGESIZE);
	char buf[4096], *p;

	*cpu_seconds = 0;
	*rss_bytes = 0;
	/* fields 14 and 15, counted after the comm: it may hold spaces and ')' itself */
	if (tck > 0 && read_proc("/proc/self/stat", buf, sizeof(buf)) &&
	    (p = strrchr(buf, ')')) &&
	    sscanf(p + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime,
		   &stime) == 2)
		*cpu_seconds = (double)(utime + stime) / (double)tck;
	/* statm: size resident shared ..., in pages */
	if (page > 0 && read_proc("/proc/self/statm", buf, sizeof(buf)) &&
	    sscanf(buf, "%*u %llu", &pages) == 1)
		*rss_bytes = (uint64_t)pages * (uint64_t)page;
}
