// SPDX-License-Identifier: GPL-2.0
/*
 * Summary tables of the counting modes (see summary.h for the formats). The strace table
 * repeats strace 6.1's arithmetic: times as doubles of seconds, averages rounded to the ns,
 * usecs/call truncated from the double, widths grown to the widest total.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "common.h"
#include "summary.h"
#include "syscalls.h"

#define NS_PER_SEC	((uint64_t)1000000000)
#define NAME_LEN	32		/* room for any syscall name, or syscall_0xffffffff */
#define KEY_WIDTH	22		/* syscount's key column */
#define BAR_WIDTH	52		/* bpftrace's hist() bars */

static const struct summary_opts default_opts;

static const struct summary_opts *opts_or_default(const struct summary_opts *so)
{
	return so ? so : &default_opts;
}

/* ---- numbers and strings ---- */

/* strace's ts_float(): whole seconds plus the ns as a fraction */
static double ns_float(uint64_t ns)
{
	return (double)(ns / NS_PER_SEC) + (double)(ns % NS_PER_SEC) / 1e9;
}

/* strace's ts_div(): the average rounded to the nearest ns */
static uint64_t avg_ns(uint64_t total, uint64_t count)
{
	return count ? (total + count / 2) / count : 0;
}

static int num_width(uint64_t v)
{
	return snprintf(NULL, 0, "%" PRIu64, v);
}

static int imax(int a, int b)
{
	return a > b ? a : b;
}

static void ob_line(struct outbuf *o, const char *s)
{
	ob_puts(o, s);
	ob_line_end(o);
}

/* exact seconds: 1.000000123 */
static void put_seconds(struct outbuf *o, uint64_t ns)
{
	ob_printf(o, "%" PRIu64 ".%09" PRIu64, ns / NS_PER_SEC, ns % NS_PER_SEC);
}

static void put_repeat(struct outbuf *o, char c, int n)
{
	while (n-- > 0)
		ob_putc(o, c);
}

/* length of the valid UTF-8 sequence at s (1..4), 0 if there is none */
static int utf8_len(const unsigned char *s)
{
	int n, i;
	uint32_t cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, cp = s[0] & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

/* one character for a terminal or CSV: controls and invalid UTF-8 become '?'; returns the next */
static const unsigned char *put_safe_char(struct outbuf *o, const unsigned char *s)
{
	int n = utf8_len(s);

	if (!n || *s < 0x20 || *s == 0x7f) {
		ob_putc(o, '?');
		return s + 1;
	}
	ob_write(o, (const char *)s, n);
	return s + n;
}

/* a name for a terminal, left-aligned in `width` characters */
static void put_text(struct outbuf *o, const char *str, int width)
{
	const unsigned char *s = (const unsigned char *)str;
	int n = 0;

	for (; *s; n++)
		s = put_safe_char(o, s);
	put_repeat(o, ' ', width - n);
}

/* a JSON string: quotes, backslashes and controls escaped, invalid UTF-8 as U+FFFD */
static void put_json_str(struct outbuf *o, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;

	ob_putc(o, '"');
	while (*s) {
		int n = utf8_len(s);

		if (!n) {
			ob_puts(o, "\\ufffd");
			s++;
		} else if (*s == '"' || *s == '\\') {
			ob_putc(o, '\\');
			ob_putc(o, *s++);
		} else if (*s == '\n') {
			ob_puts(o, "\\n");
			s++;
		} else if (*s == '\t') {
			ob_puts(o, "\\t");
			s++;
		} else if (*s < 0x20 || *s == 0x7f) {
			ob_printf(o, "\\u%04x", *s++);
		} else {
			ob_write(o, (const char *)s, n);
			s += n;
		}
	}
	ob_putc(o, '"');
}

/* a CSV field: quoted when it holds a comma, a quote or edge spaces */
static void put_csv_str(struct outbuf *o, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t len = strlen(str);
	bool quote = strpbrk(str, ",\"") || (len && (str[0] == ' ' || str[len - 1] == ' '));

	if (quote)
		ob_putc(o, '"');
	while (*s) {
		if (*s == '"')
			ob_putc(o, '"');
		s = put_safe_char(o, s);
	}
	if (quote)
		ob_putc(o, '"');
}

const char *summary_fmt_ns(uint64_t ns, char *buf, size_t len)
{
	static const char *const units[] = { "us", "ms", "s" };
	double x = ns / 1e3;
	size_t u = 0;

	if (ns < 1000) {
		snprintf(buf, len, "%" PRIu64 "ns", ns);
		return buf;
	}
	while (x >= 999.5 && u + 1 < ARRAY_SIZE(units)) {
		x /= 1e3;
		u++;
	}
	if (x < 9.995)
		snprintf(buf, len, "%.2f%s", x, units[u]);
	else if (x < 99.95)
		snprintf(buf, len, "%.1f%s", x, units[u]);
	else
		snprintf(buf, len, "%.0f%s", x, units[u]);
	return buf;
}

/* ---- JSON document pieces ---- */

/* before an array element: the separator ending the previous one */
static void json_next(struct outbuf *o, bool *first)
{
	if (!*first) {
		ob_putc(o, ',');
		ob_line_end(o);
	}
	*first = false;
}

static void json_array_end(struct outbuf *o, bool first)
{
	if (!first)
		ob_line_end(o);
	ob_putc(o, ']');
}

static void json_counts(struct outbuf *o, uint64_t calls, uint64_t errors, uint64_t ns)
{
	ob_printf(o, "\"calls\":%" PRIu64 ",\"errors\":%" PRIu64 ",\"seconds\":", calls, errors);
	put_seconds(o, ns);
}

static void json_time_field(struct outbuf *o, const char *key, uint64_t ns)
{
	ob_printf(o, ",\"%s\":", key);
	put_seconds(o, ns);
}

static void json_syscall_head(struct outbuf *o, const struct sc_total *r)
{
	char buf[NAME_LEN];

	ob_puts(o, "{\"name\":");
	put_json_str(o, sc_name(r->nr, buf, sizeof(buf)));
	ob_printf(o, ",\"nr\":%" PRIu32 ",", r->nr);
	json_counts(o, r->count, r->errors, r->total_ns);
}

static void json_tail(struct outbuf *o, const struct summary_opts *so)
{
	ob_printf(o, ",\"clock\":\"%s\",\"failed_only\":%s}", so->wall ? "wall" : "cpu",
		  so->failed_only ? "true" : "false");
	ob_line_end(o);
}

/* ---- totals and order ---- */

struct totals {
	uint64_t calls, errors, ns;
	uint64_t min_ns, min_max_ns, max_ns, avg_max_ns;
	size_t name_max;
	size_t rows;
};

/* the smallest latency, with a missing minimum (never below max) not taken for one */
static uint64_t row_min(const struct sc_total *r)
{
	return r->min_ns <= r->max_ns ? r->min_ns : r->max_ns;
}

static void sum_rows(const struct sc_total *rows, size_t n, struct totals *t)
{
	char buf[NAME_LEN];
	size_t i;

	memset(t, 0, sizeof(*t));
	t->min_ns = UINT64_MAX;
	for (i = 0; i < n; i++) {
		const struct sc_total *r = &rows[i];
		uint64_t mn = row_min(r), avg = avg_ns(r->total_ns, r->count);
		size_t len;

		if (!r->count)
			continue;
		t->rows++;
		t->calls += r->count;
		t->errors += r->errors;
		t->ns += r->total_ns;
		t->min_ns = mn < t->min_ns ? mn : t->min_ns;
		t->min_max_ns = mn > t->min_max_ns ? mn : t->min_max_ns;
		t->max_ns = r->max_ns > t->max_ns ? r->max_ns : t->max_ns;
		t->avg_max_ns = avg > t->avg_max_ns ? avg : t->avg_max_ns;
		len = strlen(sc_name(r->nr, buf, sizeof(buf)));
		t->name_max = len > t->name_max ? len : t->name_max;
	}
	if (!t->rows)
		t->min_ns = 0;
}

/* descending; 0 when equal */
static int cmp_desc(uint64_t a, uint64_t b)
{
	return a < b ? 1 : a > b ? -1 : 0;
}

static int cmp_asc(uint64_t a, uint64_t b)
{
	return -cmp_desc(a, b);
}

/* the order of one key over (calls, errors, ns, name); ties are left to the caller */
static int cmp_by_key(enum sort_key key, uint64_t ca, uint64_t ea, uint64_t ta, const char *na,
		      uint64_t cb, uint64_t eb, uint64_t tb, const char *nb)
{
	switch (key) {
	case SORT_TIME:
		return cmp_desc(ta, tb);
	case SORT_CALLS:
		return cmp_desc(ca, cb);
	case SORT_ERRORS:
		return cmp_desc(ea, eb);
	case SORT_AVG:
		return cmp_desc(avg_ns(ta, ca), avg_ns(tb, cb));
	case SORT_NAME:
		return strcmp(na, nb);
	default:
		return 0;
	}
}

static int cmp_sc(const void *pa, const void *pb, void *arg)
{
	const struct sc_total *a = pa, *b = pb;
	enum sort_key key = *(const enum sort_key *)arg;
	char ba[NAME_LEN], bb[NAME_LEN];
	const char *na = "", *nb = "";
	int c;

	if (key == SORT_NAME) {
		na = sc_name(a->nr, ba, sizeof(ba));
		nb = sc_name(b->nr, bb, sizeof(bb));
	}
	c = cmp_by_key(key, a->count, a->errors, a->total_ns, na, b->count, b->errors,
		       b->total_ns, nb);
	return c ? c : cmp_asc(a->nr, b->nr);
}

static void sort_sc(struct sc_total *rows, size_t n, enum sort_key key)
{
	if (n)
		qsort_r(rows, n, sizeof(*rows), cmp_sc, &key);
}

static int cmp_group(const void *pa, const void *pb, void *arg)
{
	const struct group_total *a = pa, *b = pb;
	enum sort_key key = *(const enum sort_key *)arg;
	int c = cmp_by_key(key, a->count, a->errors, a->total_ns, a->name, b->count, b->errors,
			   b->total_ns, b->name);

	return c ? c : cmp_asc(a->id, b->id);
}

/* syscount orders by count unless latencies are shown */
static enum sort_key syscount_key(const struct summary_opts *so)
{
	return so->sort == SORT_TIME && !so->latency ? SORT_CALLS : so->sort;
}

/* --top: whether the row after `shown` printed rows may still print */
static bool under_top(const struct summary_opts *so, size_t shown)
{
	return !so->top || shown < so->top;
}

/* ---- strace -c ---- */

enum col { C_NONE, C_PCT, C_TOTAL, C_MIN, C_MAX, C_AVG, C_CALLS, C_ERRORS, C_NAME, C__COUNT };

static const struct {
	const char *name;
	uint8_t col;
} col_aliases[] = {
	{ "time", C_PCT }, { "time_percent", C_PCT }, { "time-percent", C_PCT },
	{ "time_total", C_TOTAL }, { "time-total", C_TOTAL }, { "total_time", C_TOTAL },
	{ "total-time", C_TOTAL }, { "min_time", C_MIN }, { "min-time", C_MIN },
	{ "shortest", C_MIN }, { "time_min", C_MIN }, { "time-min", C_MIN },
	{ "longest", C_MAX }, { "max_time", C_MAX }, { "max-time", C_MAX },
	{ "time_max", C_MAX }, { "time-max", C_MAX }, { "avg_time", C_AVG },
	{ "avg-time", C_AVG }, { "time_avg", C_AVG }, { "time-avg", C_AVG },
	{ "calls", C_CALLS }, { "count", C_CALLS }, { "error", C_ERRORS },
	{ "errors", C_ERRORS }, { "name", C_NAME }, { "syscall", C_NAME },
	{ "syscall_name", C_NAME }, { "syscall-name", C_NAME },
};

static const uint8_t default_cols[] = { C_PCT, C_TOTAL, C_AVG, C_CALLS, C_ERRORS, C_NAME };

static int col_lookup(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(col_aliases); i++)
		if (strlen(col_aliases[i].name) == len && !strncmp(col_aliases[i].name, s, len))
			return col_aliases[i].col;
	return C_NONE;
}

/*
 * A -U list into cols (room for C__COUNT), the name column added last when missing. Strict:
 * -1 at the first unknown or repeated item, with the reason in err; else such items are skipped.
 */
static int parse_columns(const char *spec, uint8_t *cols, bool strict, char *err, size_t errlen)
{
	bool seen[C__COUNT] = { false };
	int n = 0;

	for (;;) {
		const char *comma = strchr(spec, ',');
		size_t len = comma ? (size_t)(comma - spec) : strlen(spec);
		int c = col_lookup(spec, len);

		if (strict && (c == C_NONE || seen[c])) {
			snprintf(err, errlen, "%s column name: '%.*s'",
				 c == C_NONE ? "unknown" : "repeated", (int)len, spec);
			return -1;
		}
		if (c != C_NONE && !seen[c]) {
			seen[c] = true;
			cols[n++] = c;
		}
		if (!comma)
			break;
		spec = comma + 1;
	}
	if (!seen[C_NAME])
		cols[n++] = C_NAME;
	return n;
}

int summary_check_columns(const char *columns, char *err, size_t errlen)
{
	uint8_t cols[C__COUNT];

	return parse_columns(columns, cols, true, err, errlen) < 0 ? -1 : 0;
}

int summary_parse_sort(const char *name, enum sort_key *key)
{
	static const struct {
		const char *name;
		enum sort_key key;
	} extra[] = { { "nothing", SORT_NOTHING }, { "none", SORT_NOTHING } };
	static const int8_t by_col[C__COUNT] = {
		[C_NONE] = -1, [C_PCT] = SORT_TIME, [C_TOTAL] = SORT_TIME, [C_MIN] = -1,
		[C_MAX] = -1, [C_AVG] = SORT_AVG, [C_CALLS] = SORT_CALLS,
		[C_ERRORS] = SORT_ERRORS, [C_NAME] = SORT_NAME,
	};
	size_t i;
	int c;

	for (i = 0; i < ARRAY_SIZE(extra); i++) {
		if (!strcmp(name, extra[i].name)) {
			*key = extra[i].key;
			return 0;
		}
	}
	c = col_lookup(name, strlen(name));
	if (by_col[c] < 0)
		return -1;
	*key = by_col[c];
	return 0;
}

struct strace_table {
	uint8_t cols[C__COUNT];
	int ncols;
	int width[C__COUNT];
	struct totals t;
	double cum;		/* the total time, as strace's double */
};

static const char *const col_title[C__COUNT] = {
	[C_PCT] = "% time", [C_TOTAL] = "seconds", [C_MIN] = "shortest", [C_MAX] = "longest",
	[C_AVG] = "usecs/call", [C_CALLS] = "calls", [C_ERRORS] = "errors", [C_NAME] = "syscall",
};

/* strace's field sizes, grown to fit the totals */
static void strace_widths(struct strace_table *tb)
{
	int *w = tb->width;

	w[C_PCT] = 6;
	w[C_TOTAL] = imax(11, snprintf(NULL, 0, "%.6f", tb->cum));
	w[C_MIN] = imax(8, num_width(tb->t.min_max_ns / NS_PER_SEC) + 7);
	w[C_MAX] = imax(8, num_width(tb->t.max_ns / NS_PER_SEC) + 7);
	w[C_AVG] = imax(11, num_width((uint64_t)(ns_float(tb->t.avg_max_ns) * 1e6)));
	w[C_CALLS] = imax(9, num_width(tb->t.calls));
	w[C_ERRORS] = imax(9, num_width(tb->t.errors));
	w[C_NAME] = imax(16, tb->t.name_max + 1);
}

static void strace_header(struct outbuf *o, const struct strace_table *tb)
{
	int i;

	for (i = 0; i < tb->ncols; i++) {
		int c = tb->cols[i];

		if (i)
			ob_putc(o, ' ');
		if (c != C_NAME)
			ob_printf(o, "%*s", tb->width[c], col_title[c]);
		else
			ob_printf(o, "%-*s", i == tb->ncols - 1 ? 0 : tb->width[c], col_title[c]);
	}
	ob_line_end(o);
}

static void strace_rule(struct outbuf *o, const struct strace_table *tb)
{
	int i;

	for (i = 0; i < tb->ncols; i++) {
		if (i)
			ob_putc(o, ' ');
		put_repeat(o, '-', tb->width[tb->cols[i]]);
	}
	ob_line_end(o);
}

/* one cell; the row's values come in as strace computes them */
struct strace_cells {
	double pct, total, min, max;
	uint64_t usecs, calls, errors;
	const char *name;
};

static void strace_cell(struct outbuf *o, const struct strace_table *tb, int i,
			const struct strace_cells *v)
{
	int c = tb->cols[i], w = tb->width[c];

	switch (c) {
	case C_PCT:
		ob_printf(o, "%*.2f", w, v->pct);
		break;
	case C_TOTAL:
		ob_printf(o, "%*.6f", w, v->total);
		break;
	case C_MIN:
		ob_printf(o, "%*.6f", w, v->min);
		break;
	case C_MAX:
		ob_printf(o, "%*.6f", w, v->max);
		break;
	case C_AVG:
		ob_printf(o, "%*" PRIu64, w, v->usecs);
		break;
	case C_CALLS:
		ob_printf(o, "%*" PRIu64, w, v->calls);
		break;
	case C_ERRORS:
		ob_printf(o, "%*.0" PRIu64, w, v->errors);	/* blank when 0 */
		break;
	default:
		ob_printf(o, "%-*s", i == tb->ncols - 1 ? 0 : w, v->name);
	}
}

static void strace_line(struct outbuf *o, const struct strace_table *tb,
			const struct strace_cells *v)
{
	int i;

	for (i = 0; i < tb->ncols; i++) {
		if (i)
			ob_putc(o, ' ');
		strace_cell(o, tb, i, v);
	}
	ob_line_end(o);
}

static void strace_row(struct outbuf *o, const struct strace_table *tb, const struct sc_total *r)
{
	char buf[NAME_LEN];
	struct strace_cells v = {
		.total = ns_float(r->total_ns),
		.min = ns_float(row_min(r)),
		.max = ns_float(r->max_ns),
		.usecs = (uint64_t)(ns_float(avg_ns(r->total_ns, r->count)) * 1e6),
		.calls = r->count,
		.errors = r->errors,
		.name = sc_name(r->nr, buf, sizeof(buf)),
	};

	/* 0% when there is no time at all, rather than 0/0 */
	v.pct = 100.0 * v.total;
	if (v.pct != 0.0)
		v.pct /= tb->cum;
	strace_line(o, tb, &v);
}

static void strace_total(struct outbuf *o, const struct strace_table *tb)
{
	struct strace_cells v = {
		.pct = 100.0,
		.total = tb->cum,
		.min = ns_float(tb->t.min_ns),
		.max = ns_float(tb->t.max_ns),
		.usecs = (uint64_t)(tb->cum / tb->t.calls * 1e6),
		.calls = tb->t.calls,
		.errors = tb->t.errors,
		.name = "total",
	};

	strace_line(o, tb, &v);
}

static void strace_text(struct outbuf *o, const struct summary_opts *so, struct strace_table *tb,
			const struct sc_total *rows, size_t n)
{
	size_t i, shown = 0;

	if (!tb->t.rows)
		return;	/* strace prints no table when nothing was counted */
	if (so->columns) {
		tb->ncols = parse_columns(so->columns, tb->cols, false, NULL, 0);
	} else {
		tb->ncols = ARRAY_SIZE(default_cols);
		memcpy(tb->cols, default_cols, sizeof(default_cols));
	}
	strace_widths(tb);
	strace_header(o, tb);
	strace_rule(o, tb);
	for (i = 0; i < n && under_top(so, shown); i++) {
		if (rows[i].count) {
			strace_row(o, tb, &rows[i]);
			shown++;
		}
	}
	strace_rule(o, tb);
	strace_total(o, tb);
}

static double percent_of(uint64_t ns, uint64_t total)
{
	return total ? 100.0 * ns_float(ns) / ns_float(total) : 0.0;
}

static void strace_json(struct outbuf *o, const struct summary_opts *so,
			const struct strace_table *tb, const struct sc_total *rows, size_t n)
{
	bool first = true;
	size_t i, shown = 0;

	ob_puts(o, "{\"syscalls\":[");
	ob_line_end(o);
	for (i = 0; i < n && under_top(so, shown); i++) {
		const struct sc_total *r = &rows[i];

		if (!r->count)
			continue;
		json_next(o, &first);
		json_syscall_head(o, r);
		ob_printf(o, ",\"percent\":%.2f", percent_of(r->total_ns, tb->t.ns));
		json_time_field(o, "avg_seconds", avg_ns(r->total_ns, r->count));
		json_time_field(o, "min_seconds", row_min(r));
		json_time_field(o, "max_seconds", r->max_ns);
		ob_putc(o, '}');
		shown++;
	}
	json_array_end(o, first);
	ob_puts(o, ",\"total\":{");
	json_counts(o, tb->t.calls, tb->t.errors, tb->t.ns);
	json_time_field(o, "avg_seconds", avg_ns(tb->t.ns, tb->t.calls));
	json_time_field(o, "min_seconds", tb->t.min_ns);
	json_time_field(o, "max_seconds", tb->t.max_ns);
	ob_putc(o, '}');
	json_tail(o, so);
}

static void csv_syscall_head(struct outbuf *o, const struct sc_total *r)
{
	char buf[NAME_LEN];

	put_csv_str(o, sc_name(r->nr, buf, sizeof(buf)));
	ob_printf(o, ",%" PRIu32 ",%" PRIu64 ",%" PRIu64 ",", r->nr, r->count, r->errors);
	put_seconds(o, r->total_ns);
}

static void strace_csv(struct outbuf *o, const struct summary_opts *so,
		       const struct strace_table *tb, const struct sc_total *rows, size_t n)
{
	size_t i, shown = 0;

	ob_line(o, "name,nr,calls,errors,seconds,percent,avg_seconds,min_seconds,max_seconds");
	for (i = 0; i < n && under_top(so, shown); i++) {
		const struct sc_total *r = &rows[i];

		if (!r->count)
			continue;
		csv_syscall_head(o, r);
		ob_printf(o, ",%.2f,", percent_of(r->total_ns, tb->t.ns));
		put_seconds(o, avg_ns(r->total_ns, r->count));
		ob_putc(o, ',');
		put_seconds(o, row_min(r));
		ob_putc(o, ',');
		put_seconds(o, r->max_ns);
		ob_line_end(o);
		shown++;
	}
}

static void print_strace_one(struct outbuf *o, const struct summary_opts *so,
			     struct sc_total *rows, size_t n);

/*
 * strace -c's table; the calls of 32-bit tasks (sc_is_compat) in a table of their own after it,
 * headed "System call usage summary for 32 bit mode:" as strace prints it (text only: JSON and
 * CSV rows carry the number, the names differ anyway).
 */
void summary_print_strace(struct outbuf *o, const struct summary_opts *so, struct sc_total *rows,
			  size_t n)
{
	struct sc_total *part;
	size_t i, nn = 0, nc = 0;
	uint64_t native_calls = 0;

	so = opts_or_default(so);
	for (i = 0; i < n; i++)
		if (rows[i].count && sc_is_compat(rows[i].nr))
			nc++;
	if (!nc || so->format == FMT_JSON || so->format == FMT_CSV) {
		print_strace_one(o, so, rows, n);
		return;
	}
	part = calloc(n, sizeof(*part));
	if (!part)
		die("out of memory");
	for (i = 0; i < n; i++) {
		if (!sc_is_compat(rows[i].nr)) {
			part[nn++] = rows[i];
			native_calls += rows[i].count;
		}
	}
	if (native_calls)
		print_strace_one(o, so, part, nn);
	for (i = nc = 0; i < n; i++)
		if (sc_is_compat(rows[i].nr))
			part[nc++] = rows[i];
	ob_line(o, "System call usage summary for 32 bit mode:");
	print_strace_one(o, so, part, nc);
	free(part);
}

static void print_strace_one(struct outbuf *o, const struct summary_opts *so,
			     struct sc_total *rows, size_t n)
{
	struct strace_table tb;

	memset(&tb, 0, sizeof(tb));
	sum_rows(rows, n, &tb.t);
	tb.cum = ns_float(tb.t.ns);
	sort_sc(rows, n, so->sort);
	if (so->format == FMT_JSON)
		strace_json(o, so, &tb, rows, n);
	else if (so->format == FMT_CSV)
		strace_csv(o, so, &tb, rows, n);
	else
		strace_text(o, so, &tb, rows, n);
}

/* ---- syscount style: counts and groups ---- */

static void syscount_header(struct outbuf *o, const struct summary_opts *so, const char *key,
			    int width)
{
	ob_printf(o, "%-*s %8s", width, key, "COUNT");
	if (so->latency)
		ob_printf(o, " %16s", "TIME (us)");
	ob_line_end(o);
}

static void syscount_line(struct outbuf *o, const struct summary_opts *so, const char *key,
			  int width, uint64_t count, uint64_t ns)
{
	put_text(o, key, width);
	ob_printf(o, " %8" PRIu64, count);
	if (so->latency)
		ob_printf(o, " %16.3f", ns / 1000.0);
	ob_line_end(o);
}

static void counts_text(struct outbuf *o, const struct summary_opts *so,
			const struct sc_total *rows, size_t n, const struct totals *t)
{
	int width = imax(KEY_WIDTH, t->name_max);
	char buf[NAME_LEN];
	size_t i, shown = 0;

	syscount_header(o, so, "SYSCALL", width);
	for (i = 0; i < n && under_top(so, shown); i++) {
		if (!rows[i].count)
			continue;
		syscount_line(o, so, sc_name(rows[i].nr, buf, sizeof(buf)), width, rows[i].count,
			      rows[i].total_ns);
		shown++;
	}
	ob_line_end(o);
}

static void counts_json(struct outbuf *o, const struct summary_opts *so,
			const struct sc_total *rows, size_t n, const struct totals *t)
{
	bool first = true;
	size_t i, shown = 0;

	ob_puts(o, "{\"syscalls\":[");
	ob_line_end(o);
	for (i = 0; i < n && under_top(so, shown); i++) {
		if (!rows[i].count)
			continue;
		json_next(o, &first);
		json_syscall_head(o, &rows[i]);
		ob_putc(o, '}');
		shown++;
	}
	json_array_end(o, first);
	ob_puts(o, ",\"total\":{");
	json_counts(o, t->calls, t->errors, t->ns);
	ob_putc(o, '}');
	json_tail(o, so);
}

static void counts_csv(struct outbuf *o, const struct summary_opts *so,
		       const struct sc_total *rows, size_t n)
{
	size_t i, shown = 0;

	ob_line(o, "name,nr,calls,errors,seconds");
	for (i = 0; i < n && under_top(so, shown); i++) {
		if (!rows[i].count)
			continue;
		csv_syscall_head(o, &rows[i]);
		ob_line_end(o);
		shown++;
	}
}

void summary_print_counts(struct outbuf *o, const struct summary_opts *so, struct sc_total *rows,
			  size_t n)
{
	struct totals t;

	so = opts_or_default(so);
	sum_rows(rows, n, &t);
	sort_sc(rows, n, syscount_key(so));
	if (so->format == FMT_JSON)
		counts_json(o, so, rows, n, &t);
	else if (so->format == FMT_CSV)
		counts_csv(o, so, rows, n);
	else
		counts_text(o, so, rows, n, &t);
}

static const char *const group_title[] = {
	[BY_SYSCALL] = "SYSCALL", [BY_PROCESS] = "PID    COMM", [BY_COMM] = "COMM",
	[BY_CGROUP] = "CGROUP", [BY_ERRNO] = "ERRNO",
};

static const char *const group_json_name[] = {
	[BY_SYSCALL] = "syscall", [BY_PROCESS] = "process", [BY_COMM] = "comm",
	[BY_CGROUP] = "cgroup", [BY_ERRNO] = "errno",
};

/* the key column of a group: "PID    COMM" as syscount, else the name (or the id) */
static const char *group_key(enum group_by by, const struct group_total *g, char *buf,
			     size_t len)
{
	if (by == BY_PROCESS)
		snprintf(buf, len, "%-6" PRIu64 " %-15s", g->id, g->name);
	else if (g->name[0])
		snprintf(buf, len, "%s", g->name);
	else if (by == BY_SYSCALL)
		sc_name(g->id, buf, len);
	else
		snprintf(buf, len, "%" PRIu64, g->id);
	return buf;
}

/* a name for the JSON and CSV rows: the name, else the syscall's */
static const char *group_name(enum group_by by, const struct group_total *g, char *buf,
			      size_t len)
{
	if (g->name[0] || by != BY_SYSCALL)
		return g->name;
	return sc_name(g->id, buf, len);
}

static void groups_text(struct outbuf *o, const struct summary_opts *so, enum group_by by,
			const struct group_total *rows, size_t n)
{
	char buf[sizeof(rows->name) + 32];
	int width = KEY_WIDTH;
	size_t i, shown = 0;

	for (i = 0; i < n; i++)
		if (rows[i].count)
			width = imax(width, strlen(group_key(by, &rows[i], buf, sizeof(buf))));
	syscount_header(o, so, group_title[by], width);
	for (i = 0; i < n && under_top(so, shown); i++) {
		if (!rows[i].count)
			continue;
		syscount_line(o, so, group_key(by, &rows[i], buf, sizeof(buf)), width,
			      rows[i].count, rows[i].total_ns);
		shown++;
	}
	ob_line_end(o);
}

static void groups_json(struct outbuf *o, const struct summary_opts *so, enum group_by by,
			const struct group_total *rows, size_t n)
{
	uint64_t calls = 0, errors = 0, ns = 0;
	char buf[NAME_LEN];
	bool first = true;
	size_t i, shown = 0;

	ob_puts(o, "{\"groups\":[");
	ob_line_end(o);
	for (i = 0; i < n; i++) {
		const struct group_total *g = &rows[i];

		if (!g->count)
			continue;
		calls += g->count;
		errors += g->errors;
		ns += g->total_ns;
		if (!under_top(so, shown++))
			continue;
		json_next(o, &first);
		ob_printf(o, "{\"id\":%" PRIu64 ",\"name\":", g->id);
		put_json_str(o, group_name(by, g, buf, sizeof(buf)));
		ob_putc(o, ',');
		json_counts(o, g->count, g->errors, g->total_ns);
		ob_putc(o, '}');
	}
	json_array_end(o, first);
	ob_puts(o, ",\"total\":{");
	json_counts(o, calls, errors, ns);
	ob_printf(o, "},\"by\":\"%s\"", group_json_name[by]);
	json_tail(o, so);
}

static void groups_csv(struct outbuf *o, const struct summary_opts *so, enum group_by by,
		       const struct group_total *rows, size_t n)
{
	char buf[NAME_LEN];
	size_t i, shown = 0;

	ob_line(o, "id,name,calls,errors,seconds");
	for (i = 0; i < n && under_top(so, shown); i++) {
		const struct group_total *g = &rows[i];

		if (!g->count)
			continue;
		ob_printf(o, "%" PRIu64 ",", g->id);
		put_csv_str(o, group_name(by, g, buf, sizeof(buf)));
		ob_printf(o, ",%" PRIu64 ",%" PRIu64 ",", g->count, g->errors);
		put_seconds(o, g->total_ns);
		ob_line_end(o);
		shown++;
	}
}

void summary_print_groups(struct outbuf *o, const struct summary_opts *so, enum group_by by,
			  struct group_total *rows, size_t n)
{
	enum sort_key key;

	so = opts_or_default(so);
	key = syscount_key(so);
	if ((unsigned int)by > BY_ERRNO)
		by = BY_SYSCALL;
	if (n)
		qsort_r(rows, n, sizeof(*rows), cmp_group, &key);
	if (so->format == FMT_JSON)
		groups_json(o, so, by, rows, n);
	else if (so->format == FMT_CSV)
		groups_csv(o, so, by, rows, n);
	else
		groups_text(o, so, by, rows, n);
}

/* ---- histograms ---- */

static uint64_t bucket_low(int b)
{
	return b ? 1ULL << b : 0;
}

static uint64_t bucket_high(int b)
{
	return 2ULL << b;
}

uint64_t summary_percentile(const uint64_t *hist, double pct)
{
	uint64_t total = 0, before = 0;
	double rank;
	int b;

	for (b = 0; b < SUMMARY_HIST_BUCKETS; b++)
		total += hist[b];
	if (!total)
		return 0;
	if (!(pct > 0))
		pct = 0;	/* NaN too */
	if (pct > 100)
		pct = 100;
	rank = pct / 100.0 * total;
	for (b = 0; b < SUMMARY_HIST_BUCKETS; b++) {
		uint64_t lo = bucket_low(b), span = bucket_high(b) - lo;

		if (!hist[b])
			continue;
		if (before + hist[b] >= rank)
			return lo + (uint64_t)(span * ((rank - before) / hist[b]) + 0.5);
		before += hist[b];
	}
	return bucket_high(SUMMARY_HIST_BUCKETS - 1);	/* not reached */
}

/* bpftrace's power-of-two numbers: 512, 1K, 2M, 4G */
static void pow2_str(char *buf, size_t len, int shift)
{
	static const char suffix[] = "KMG";

	if (shift < 10)
		snprintf(buf, len, "%llu", 1ULL << shift);
	else
		snprintf(buf, len, "%llu%c", 1ULL << (shift % 10), suffix[shift / 10 - 1]);
}

static void bucket_label(char *buf, size_t len, int b)
{
	char lo[16], hi[16];

	if (!b) {
		snprintf(buf, len, "[0, 2)");
		return;
	}
	pow2_str(lo, sizeof(lo), b);
	pow2_str(hi, sizeof(hi), b + 1);
	snprintf(buf, len, "[%s, %s)", lo, hi);
}

static int bar_len(uint64_t count, uint64_t max)
{
	if (!max)
		return 0;
	if (max <= UINT64_MAX / BAR_WIDTH)
		return count * BAR_WIDTH / max;
	return (int)((double)count / max * BAR_WIDTH);
}

/* the used buckets: first..last, or -1 when none is */
static int hist_range(const uint64_t *hist, int *last, uint64_t *max)
{
	int b, first = -1;

	*max = 0;
	*last = -1;
	for (b = 0; b < SUMMARY_HIST_BUCKETS; b++) {
		if (!hist[b])
			continue;
		if (first < 0)
			first = b;
		*last = b;
		*max = hist[b] > *max ? hist[b] : *max;
	}
	return first;
}

static void hist_lines(struct outbuf *o, const uint64_t *hist)
{
	char label[48];
	uint64_t max;
	int b, last, first = hist_range(hist, &last, &max);

	for (b = first; first >= 0 && b <= last; b++) {
		int bar = bar_len(hist[b], max);

		bucket_label(label, sizeof(label), b);
		ob_printf(o, "%-16s%8" PRIu64 " |", label, hist[b]);
		put_repeat(o, '@', bar);
		put_repeat(o, ' ', BAR_WIDTH - bar);
		ob_putc(o, '|');
		ob_line_end(o);
	}
}

/* an estimate from the buckets, kept within the measured minimum and maximum */
static uint64_t row_percentile(const struct sc_total *r, double pct)
{
	uint64_t p = summary_percentile(r->hist, pct);

	if (!r->max_ns)
		return p;
	if (p > r->max_ns)
		p = r->max_ns;
	if (p < row_min(r))
		p = row_min(r);
	return p;
}

static void hist_text_one(struct outbuf *o, const struct sc_total *r)
{
	static const double pcts[] = { 50, 90, 99 };
	char buf[NAME_LEN], num[32];
	size_t i;

	ob_printf(o, "%s: %" PRIu64 " calls, latency (ns)", sc_name(r->nr, buf, sizeof(buf)),
		  r->count);
	ob_line_end(o);
	hist_lines(o, r->hist);
	for (i = 0; i < ARRAY_SIZE(pcts); i++)
		ob_printf(o, "%sp%.0f=%s", i ? " " : "", pcts[i],
			  summary_fmt_ns(row_percentile(r, pcts[i]), num, sizeof(num)));
	ob_line_end(o);
	ob_line_end(o);
}

static void hist_json_buckets(struct outbuf *o, const uint64_t *hist)
{
	bool first = true;
	int b;

	ob_puts(o, ",\"buckets\":[");
	for (b = 0; b < SUMMARY_HIST_BUCKETS; b++) {
		if (!hist[b])
			continue;
		ob_printf(o, "%s{\"low_ns\":%" PRIu64 ",\"high_ns\":%" PRIu64 ",\"count\":%" PRIu64
			  "}", first ? "" : ",", bucket_low(b), bucket_high(b), hist[b]);
		first = false;
	}
	ob_putc(o, ']');
}

static void hist_json_one(struct outbuf *o, const struct sc_total *r)
{
	json_syscall_head(o, r);
	json_time_field(o, "min_seconds", row_min(r));
	json_time_field(o, "max_seconds", r->max_ns);
	json_time_field(o, "p50_seconds", row_percentile(r, 50));
	json_time_field(o, "p90_seconds", row_percentile(r, 90));
	json_time_field(o, "p99_seconds", row_percentile(r, 99));
	hist_json_buckets(o, r->hist);
	ob_putc(o, '}');
}

static void hist_csv_one(struct outbuf *o, const struct sc_total *r)
{
	char buf[NAME_LEN];
	int b;

	for (b = 0; b < SUMMARY_HIST_BUCKETS; b++) {
		if (!r->hist[b])
			continue;
		put_csv_str(o, sc_name(r->nr, buf, sizeof(buf)));
		ob_printf(o, ",%" PRIu32 ",%" PRIu64 ",%" PRIu64 ",%" PRIu64, r->nr, bucket_low(b),
			  bucket_high(b), r->hist[b]);
		ob_line_end(o);
	}
}

void summary_print_histograms(struct outbuf *o, const struct summary_opts *so,
			      struct sc_total *rows, size_t n)
{
	struct totals t;
	bool first = true;
	size_t i, shown = 0;

	so = opts_or_default(so);
	sum_rows(rows, n, &t);
	sort_sc(rows, n, so->sort);
	if (so->format == FMT_JSON) {
		ob_puts(o, "{\"syscalls\":[");
		ob_line_end(o);
	} else if (so->format == FMT_CSV) {
		ob_line(o, "name,nr,low_ns,high_ns,count");
	}
	for (i = 0; i < n && under_top(so, shown); i++) {
		if (!rows[i].count)
			continue;
		shown++;
		if (so->format == FMT_JSON) {
			json_next(o, &first);
			hist_json_one(o, &rows[i]);
		} else if (so->format == FMT_CSV) {
			hist_csv_one(o, &rows[i]);
		} else {
			hist_text_one(o, &rows[i]);
		}
	}
	/* an empty text report says so: no output at all reads as a failure */
	if (so->format == FMT_TEXT && !shown)
		ob_line(o, "no calls counted");
	if (so->format != FMT_JSON)
		return;
	json_array_end(o, first);
	ob_puts(o, ",\"total\":{");
	json_counts(o, t.calls, t.errors, t.ns);
	ob_putc(o, '}');
	json_tail(o, so);
}

/* ---- subsystems ---- */

#define SUB_UNKNOWN	SUB__COUNT	/* syscalls the table does not describe */

struct sub_total {
	int sub;
	uint64_t count, errors, total_ns;
};

static int sub_of(uint32_t nr)
{
	const struct sc_def *d = sc_by_nr(nr);

	return d && d->sub < SUB__COUNT ? d->sub : SUB_UNKNOWN;
}

static const char *sub_name(int sub)
{
	return sub < SUB__COUNT ? subsystem_names[sub] : "Unknown";
}

static int cmp_sub(const void *pa, const void *pb, void *arg)
{
	const struct sub_total *a = pa, *b = pb;
	enum sort_key key = *(const enum sort_key *)arg;
	int c = cmp_by_key(key, a->count, a->errors, a->total_ns, sub_name(a->sub), b->count,
			   b->errors, b->total_ns, sub_name(b->sub));

	return c ? c : a->sub - b->sub;
}

/* the rollup, sorted; returns how many subsystems have calls */
static size_t rollup(const struct sc_total *rows, size_t n, enum sort_key key,
		     struct sub_total *subs)
{
	size_t i, used = 0;

	for (i = 0; i <= SUB__COUNT; i++)
		subs[i] = (struct sub_total){ .sub = i };
	for (i = 0; i < n; i++) {
		struct sub_total *s = &subs[sub_of(rows[i].nr)];

		s->count += rows[i].count;
		s->errors += rows[i].errors;
		s->total_ns += rows[i].total_ns;
	}
	for (i = 0; i <= SUB__COUNT; i++)
		if (subs[i].count)
			subs[used++] = subs[i];
	if (used)
		qsort_r(subs, used, sizeof(*subs), cmp_sub, &key);
	return used;
}

static void subsys_syscalls_text(struct outbuf *o, const struct summary_opts *so,
				 const struct sc_total *rows, size_t n, const struct totals *t)
{
	int nw = imax(7, t->name_max), cw = 5;
	char buf[NAME_LEN];
	size_t i, shown = 0;

	for (i = 0; i < n; i++)
		cw = imax(cw, num_width(rows[i].count));
	ob_printf(o, "%-*s  %*s  %s", nw, "SYSCALL", cw, "CALLS", "SUBSYSTEM");
	ob_line_end(o);
	for (i = 0; i < n && under_top(so, shown); i++) {
		if (!rows[i].count)
			continue;
		ob_printf(o, "%-*s  %*" PRIu64 "  %s", nw, sc_name(rows[i].nr, buf, sizeof(buf)),
			  cw, rows[i].count, sub_name(sub_of(rows[i].nr)));
		ob_line_end(o);
		shown++;
	}
}

static void subsys_rollup_text(struct outbuf *o, const struct sub_total *subs, size_t nsub,
			       uint64_t total_ns)
{
	int sw = 9, cw = 5, ew = 6, tw = 7;
	size_t i;

	for (i = 0; i < nsub; i++) {
		sw = imax(sw, strlen(sub_name(subs[i].sub)));
		cw = imax(cw, num_width(subs[i].count));
		ew = imax(ew, num_width(subs[i].errors));
		tw = imax(tw, snprintf(NULL, 0, "%.6f", ns_float(subs[i].total_ns)));
	}
	ob_printf(o, "%-*s  %*s  %*s  %*s  %6s", sw, "SUBSYSTEM", cw, "CALLS", ew, "ERRORS", tw,
		  "TIME(s)", "%TIME");
	ob_line_end(o);
	for (i = 0; i < nsub; i++) {
		const struct sub_total *s = &subs[i];

		ob_printf(o, "%-*s  %*" PRIu64 "  %*" PRIu64 "  %*.6f  %6.2f", sw, sub_name(s->sub),
			  cw, s->count, ew, s->errors, tw, ns_float(s->total_ns),
			  percent_of(s->total_ns, total_ns));
		ob_line_end(o);
	}
}

static void subsys_json(struct outbuf *o, const struct summary_opts *so,
			const struct sc_total *rows, size_t n, const struct totals *t,
			const struct sub_total *subs, size_t nsub)
{
	bool first = true;
	size_t i, shown = 0;

	ob_puts(o, "{\"syscalls\":[");
	ob_line_end(o);
	for (i = 0; i < n && under_top(so, shown); i++) {
		if (!rows[i].count)
			continue;
		json_next(o, &first);
		json_syscall_head(o, &rows[i]);
		ob_puts(o, ",\"subsystem\":");
		put_json_str(o, sub_name(sub_of(rows[i].nr)));
		ob_putc(o, '}');
		shown++;
	}
	json_array_end(o, first);
	ob_puts(o, ",\"subsystems\":[");
	ob_line_end(o);
	for (i = 0, first = true; i < nsub; i++) {
		json_next(o, &first);
		ob_puts(o, "{\"subsystem\":");
		put_json_str(o, sub_name(subs[i].sub));
		ob_putc(o, ',');
		json_counts(o, subs[i].count, subs[i].errors, subs[i].total_ns);
		ob_printf(o, ",\"percent\":%.2f}", percent_of(subs[i].total_ns, t->ns));
	}
	json_array_end(o, first);
	ob_puts(o, ",\"total\":{");
	json_counts(o, t->calls, t->errors, t->ns);
	ob_putc(o, '}');
	json_tail(o, so);
}

static void subsys_csv(struct outbuf *o, const struct sub_total *subs, size_t nsub,
		       uint64_t total_ns)
{
	size_t i;

	ob_line(o, "subsystem,calls,errors,seconds,percent");
	for (i = 0; i < nsub; i++) {
		put_csv_str(o, sub_name(subs[i].sub));
		ob_printf(o, ",%" PRIu64 ",%" PRIu64 ",", subs[i].count, subs[i].errors);
		put_seconds(o, subs[i].total_ns);
		ob_printf(o, ",%.2f", percent_of(subs[i].total_ns, total_ns));
		ob_line_end(o);
	}
}

void summary_print_subsystems(struct outbuf *o, const struct summary_opts *so,
			      struct sc_total *rows, size_t n)
{
	struct sub_total subs[SUB__COUNT + 1];
	enum sort_key key;
	struct totals t;
	size_t nsub;

	so = opts_or_default(so);
	key = so->sort == SORT_TIME ? SORT_CALLS : so->sort;
	sum_rows(rows, n, &t);
	sort_sc(rows, n, key);
	nsub = rollup(rows, n, key, subs);
	if (so->format == FMT_JSON) {
		subsys_json(o, so, rows, n, &t, subs, nsub);
	} else if (so->format == FMT_CSV) {
		subsys_csv(o, subs, nsub, t.ns);
	} else {
		subsys_syscalls_text(o, so, rows, n, &t);
		ob_line_end(o);
		subsys_rollup_text(o, subs, nsub, t.ns);
	}
}
