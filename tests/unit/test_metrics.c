// SPDX-License-Identifier: GPL-2.0
/*
 * bstraced's /metrics page and its HTTP server: exact series lines, label escaping, top-K
 * folding, the histogram's shape, and a real server on a loopback port. Every rendered page also
 * goes through a small text-format checker here and, when it is installed, through
 * `promtool check metrics`, which must accept it without a word.
 */
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "check.h"
#include "common.h"
#include "http.h"
#include "metrics.h"

#define FFFD	"\xef\xbf\xbd"

void die(const char *fmt, ...)
{
	fprintf(stderr, "die: %s\n", fmt);
	exit(2);
}

void warnx_(const char *fmt, ...)
{
}

/* ---- looking at the text ---- */

/* a whole line of the page, not a prefix of one */
static bool has_line(const char *text, const char *line)
{
	size_t n = strlen(line);
	const char *p = text;

	while ((p = strstr(p, line))) {
		if ((p == text || p[-1] == '\n') && p[n] == '\n')
			return true;
		p++;
	}
	return false;
}

/* the lines starting with prefix: how many, and the sum of their values */
static size_t count_lines(const char *text, const char *prefix, uint64_t *sum)
{
	size_t n = 0, plen = strlen(prefix);
	const char *p = text, *sp;

	if (sum)
		*sum = 0;
	for (; *p; p = strchr(p, '\n') + 1) {
		if (strncmp(p, prefix, plen))
			continue;
		n++;
		sp = strchr(p, ' ');
		if (sum && sp)
			*sum += strtoull(sp + 1, NULL, 10);
	}
	return n;
}

/* ---- a text-format checker, so that a machine without promtool still tests the syntax ---- */

static bool utf8_ok(const unsigned char *s)
{
	size_t n, i;

	while (*s) {
		if (*s < 0x80)
			n = 1;
		else if (*s >= 0xc2 && *s <= 0xdf)
			n = 2;
		else if (*s >= 0xe0 && *s <= 0xef)
			n = 3;
		else if (*s >= 0xf0 && *s <= 0xf4)
			n = 4;
		else
			return false;
		for (i = 1; i < n; i++)
			if ((s[i] & 0xc0) != 0x80)
				return false;
		if ((s[0] == 0xe0 && s[1] < 0xa0) || (s[0] == 0xed && s[1] > 0x9f) ||
		    (s[0] == 0xf0 && s[1] < 0x90) || (s[0] == 0xf4 && s[1] > 0x8f))
			return false;
		s += n;
	}
	return true;
}

static const char *skip_name(const char *p)
{
	if (!(*p == '_' || *p == ':' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		return NULL;
	while (*p == '_' || *p == ':' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	       (*p >= '0' && *p <= '9'))
		p++;
	return p;
}

/* {name="value",...}: returns the character after '}', NULL if malformed */
static const char *skip_labels(const char *p)
{
	if (*p++ != '{')
		return NULL;
	while (*p != '}') {
		p = skip_name(p);
		if (!p || *p++ != '=' || *p++ != '"')
			return NULL;
		while (*p != '"') {
			if (*p == '\n' || !*p)
				return NULL;
			if (*p == '\\' && !strchr("\\\"n", *++p))
				return NULL;
			p++;
		}
		p++;
		if (*p == ',')
			p++;
	}
	return p + 1;
}

static bool value_ok(const char *p, const char *end)
{
	char *e;

	if ((end - p == 4 && !strncmp(p, "+Inf", 4)) || (end - p == 3 && !strncmp(p, "NaN", 3)))
		return true;
	strtod(p, &e);
	return e == end && e != p;
}

/* one sample line: name{labels} value, the name of the family declared last */
static bool sample_ok(const char *line, const char *end, const char *family)
{
	const char *p = skip_name(line);
	size_t flen = strlen(family);
	bool mine;

	if (!p)
		return false;
	mine = (size_t)(p - line) >= flen && !strncmp(line, family, flen) &&
	       (line + flen == p || !strncmp(line + flen, "_bucket", 7) ||
		!strncmp(line + flen, "_sum", 4) || !strncmp(line + flen, "_count", 6));
	if (!mine)
		return false;
	if (*p == '{')
		p = skip_labels(p);
	if (!p || *p++ != ' ')
		return false;
	return value_ok(p, end);
}

static void syntax_check(const char *text)
{
	char family[256] = "", seen[8192] = " ", key[260];
	const char *line, *end;
	int bad = 0;

	CHECK(utf8_ok((const unsigned char *)text), "page is not valid UTF-8");
	CHECK(*text && text[strlen(text) - 1] == '\n', "page does not end in a newline");
	for (line = text; *line; line = end + 1) {
		end = strchr(line, '\n');
		if (!end)
			break;
		if (!strncmp(line, "# HELP ", 7))
			continue;
		if (!strncmp(line, "# TYPE ", 7)) {
			const char *sp = memchr(line + 7, ' ', end - line - 7);

			if (!sp || sp - line - 7 >= (long)sizeof(family) - 2) {
				bad++;
				continue;
			}
			snprintf(family, sizeof(family), "%.*s", (int)(sp - line - 7), line + 7);
			/* each family declared once */
			snprintf(key, sizeof(key), " %s ", family);
			if (strstr(seen, key))
				bad++;
			else if (strlen(seen) + strlen(key) < sizeof(seen))
				strcat(seen, key + 1);
			continue;
		}
		if (!sample_ok(line, end, family)) {
			fprintf(stderr, "bad sample line: %.*s\n", (int)(end - line), line);
			bad++;
		}
	}
	CHECK(!bad, "%d malformed lines", bad);
}

/* ---- promtool, when it is there ---- */

static const char *promtool_path(void)
{
	static char path[4096];
	static int found = -1;
	const char *env = getenv("PATH");
	char *dirs, *dir, *save;

	if (found >= 0)
		return found ? path : NULL;
	found = 0;
	dirs = strdup(env ? env : "/usr/bin:/bin");
	for (dir = strtok_r(dirs, ":", &save); dir; dir = strtok_r(NULL, ":", &save)) {
		snprintf(path, sizeof(path), "%s/promtool", dir);
		if (!access(path, X_OK)) {
			found = 1;
			break;
		}
	}
	free(dirs);
	printf("promtool: %s\n", found ? path : "not on PATH, skipped");
	return found ? path : NULL;
}

static void promtool_check(const char *text, size_t len)
{
	const char *tool = promtool_path();
	char tmp[] = "/tmp/test_metrics.XXXXXX", cmd[8300], out[4096];
	size_t n = 0;
	FILE *f;
	int fd, status;

	if (!tool)
		return;
	fd = mkstemp(tmp);
	if (fd < 0 || write(fd, text, len) != (ssize_t)len) {
		CHECK(0, "cannot write %s", tmp);
		return;
	}
	close(fd);
	snprintf(cmd, sizeof(cmd), "'%s' check metrics < %s 2>&1", tool, tmp);
	f = popen(cmd, "r");
	if (f) {
		n = fread(out, 1, sizeof(out) - 1, f);
		status = pclose(f);
		out[n] = '\0';
		CHECK(status == 0 && n == 0, "promtool check metrics: status %d: %s", status, out);
	}
	unlink(tmp);
}

/* renders, checks the syntax; the caller frees */
static char *render(struct metrics_snapshot *s)
{
	char *text = NULL;
	size_t len = 0;
	int err = metrics_render(s, &text, &len);

	CHECK(err == 0 && text, "metrics_render: %d", err);
	if (err || !text)
		exit(check_done());
	CHECK(strlen(text) == len, "len %zu, strlen %zu", len, strlen(text));
	syntax_check(text);
	promtool_check(text, len);
	return text;
}

/* ---- the page ---- */

static void base_snapshot(struct metrics_snapshot *s)
{
	memset(s, 0, sizeof(*s));
	s->events_lost = 7;
	s->events_rate_limited = 3;
	s->events_written = 1000;
	s->flight_dumps = 2;
	s->flight_errors = 1;
	s->flight_dropped_rate = 1995;
	s->flight_dropped_retention = 3;
	s->events_write_lost = 5;
	s->groups_used = 12;
	s->groups_max = 10240;
	s->cpu_seconds = 1.5;
	s->rss_bytes = 409600;
	s->start_time = 1700000000.25;
	s->version = "0.3.0";
	s->kernel = "6.1.0-test";
	s->arch = "x86_64";
}

static void test_plain(void)
{
	struct msnap_sys sys[] = {
		{ .name = "write", .st = { .count = 5 } },
		{ .name = "read", .st = { .count = 10, .errors = 1 } },
	};
	struct msnap_row err[] = {
		{ .syscall = "read", .label = "ENOENT", .count = 1 },
		{ .syscall = "openat", .label = "EACCES", .count = 2 },
	};
	struct metrics_snapshot s;
	char *t;

	base_snapshot(&s);
	s.sys = sys;
	s.nsys = 2;
	s.by_errno = err;
	s.nerrno = 2;
	t = render(&s);
	CHECK(has_line(t, "# TYPE bstrace_syscalls_total counter"), "calls TYPE");
	CHECK(has_line(t, "bstrace_syscalls_total{syscall=\"read\"} 10"), "read count:\n%s", t);
	CHECK(has_line(t, "bstrace_syscalls_total{syscall=\"write\"} 5"), "write count");
	CHECK(strstr(t, "syscall=\"read\"} 10") < strstr(t, "syscall=\"write\"} 5"),
	      "biggest first");
	CHECK(has_line(t, "# TYPE bstrace_syscall_errors_total counter"), "errors TYPE");
	CHECK(has_line(t, "bstrace_syscall_errors_total{syscall=\"openat\",errno=\"EACCES\"} 2"),
	      "errno row");
	CHECK(has_line(t, "bstrace_syscall_errors_total{syscall=\"read\",errno=\"ENOENT\"} 1"),
	      "errno row");
	CHECK(!strstr(t, "duration"), "no histogram unless asked");
	CHECK(has_line(t, "# TYPE bstrace_events_lost_total counter") &&
	      has_line(t, "bstrace_events_lost_total 7"), "lost");
	CHECK(has_line(t, "# TYPE bstrace_events_dropped_total counter") &&
	      has_line(t, "bstrace_events_dropped_total{reason=\"rate_limit\"} 3") &&
	      has_line(t, "bstrace_events_dropped_total{reason=\"write_error\"} 5"), "dropped");
	CHECK(has_line(t, "bstrace_events_written_total 1000"), "written");
	CHECK(has_line(t, "bstrace_flight_dumps_total 2"), "dumps");
	CHECK(has_line(t, "# TYPE bstrace_flight_dump_errors_total counter") &&
	      has_line(t, "bstrace_flight_dump_errors_total 1"), "dump errors");
	CHECK(has_line(t, "# TYPE bstrace_flight_dumps_dropped_total counter") &&
	      has_line(t, "bstrace_flight_dumps_dropped_total{reason=\"rate\"} 1995") &&
	      has_line(t, "bstrace_flight_dumps_dropped_total{reason=\"retention\"} 3") &&
	      has_line(t, "bstrace_flight_dumps_dropped_total{reason=\"evicted\"} 0"),
	      "dropped dumps");
	CHECK(has_line(t, "# TYPE bstrace_kernel_groups gauge") &&
	      has_line(t, "bstrace_kernel_groups 12"), "groups");
	CHECK(has_line(t, "# TYPE bstrace_kernel_groups_capacity gauge") &&
	      has_line(t, "bstrace_kernel_groups_capacity 10240"), "capacity");
	CHECK(has_line(t, "# TYPE bstrace_scrape_series_folded gauge") &&
	      has_line(t, "bstrace_scrape_series_folded 0"), "folded");
	CHECK(has_line(t, "# TYPE bstrace_build_info gauge") &&
	      has_line(t, "bstrace_build_info{version=\"0.3.0\",kernel=\"6.1.0-test\","
			  "arch=\"x86_64\"} 1"), "build info");
	CHECK(has_line(t, "# TYPE process_cpu_seconds_total counter") &&
	      has_line(t, "process_cpu_seconds_total 1.5"), "cpu");
	CHECK(has_line(t, "# TYPE process_resident_memory_bytes gauge") &&
	      has_line(t, "process_resident_memory_bytes 409600"), "rss");
	CHECK(has_line(t, "# TYPE process_start_time_seconds gauge") &&
	      has_line(t, "process_start_time_seconds 1700000000.25"), "start time");
	CHECK(count_lines(t, "# HELP ", NULL) == count_lines(t, "# TYPE ", NULL) &&
	      count_lines(t, "# TYPE ", NULL) == 15, "15 families, each with HELP");
	free(t);
}

static void test_labels(void)
{
	struct msnap_sys sys[] = { { .name = "read", .st = { .count = 10 } } };
	struct msnap_row rows[] = {
		{ .syscall = "write", .label = "bash", .count = 2 },
		{ .syscall = "read", .label = "bash", .count = 7 },
		{ .syscall = "read", .label = "sshd", .count = 3 },
	};
	struct metrics_snapshot s;
	uint64_t sum;
	char *t;

	base_snapshot(&s);
	s.sys = sys;
	s.nsys = 1;
	s.label_name = "comm";
	s.by_label = rows;
	s.nlabel = 3;
	t = render(&s);
	CHECK(has_line(t, "bstrace_syscalls_total{syscall=\"read\",comm=\"bash\"} 7"), "comm row");
	CHECK(has_line(t, "bstrace_syscalls_total{syscall=\"read\",comm=\"sshd\"} 3"), "comm row");
	CHECK(has_line(t, "bstrace_syscalls_total{syscall=\"write\",comm=\"bash\"} 2"), "comm row");
	CHECK(count_lines(t, "bstrace_syscalls_total{", &sum) == 3 && sum == 12,
	      "by_label rows only, not sys[]");
	free(t);
}

static void test_escaping(void)
{
	static char long_name[400], cut_name[300], want[1024];
	struct msnap_row rows[] = {
		{ .syscall = "read", .label = "say \"hi\"\\path\nnext", .count = 9 },
		{ .syscall = "read", .label = "ab\xff" "cd", .count = 8 },
		{ .syscall = "read", .label = "caf\xc3\xa9 \xf0\x9f\x90\x9d", .count = 7 },
		{ .syscall = "read", .label = "x\xe2\x82", .count = 6 },	/* cut short */
		{ .syscall = "read", .label = "o\xc0\xaf", .count = 5 },	/* overlong '/' */
		{ .syscall = "read", .label = "s\xed\xa0\x80", .count = 4 },	/* surrogate */
		{ .syscall = long_name, .label = "", .count = 3 },
		{ .syscall = cut_name, .label = "", .count = 2 },
		{ .syscall = "dup", .label = "a\xfe", .count = 10 },	/* same after U+FFFD */
		{ .syscall = "dup", .label = "a\xff", .count = 20 },
		/* ESC BEL TAB DEL, C1 CSI, U+202E (right-to-left override) */
		{ .syscall = "read", .label = "c\x1b[1m\a\t\x7f\xc2\x9b\xe2\x80\xae", .count = 11 },
	};
	struct metrics_snapshot s;
	char *t;

	memset(long_name, 'n', sizeof(long_name) - 1);
	/* 254 bytes, then a 2-byte character the 255-byte limit cuts in half */
	memset(cut_name, 'c', 254);
	strcpy(cut_name + 254, "\xc3\xa9");
	base_snapshot(&s);
	s.label_name = "comm";
	s.by_label = rows;
	s.nlabel = ARRAY_SIZE(rows);
	t = render(&s);
	CHECK(has_line(t, "bstrace_syscalls_total{syscall=\"read\","
			  "comm=\"say \\\"hi\\\"\\\\path\\nnext\"} 9"),
	      "quote, backslash, newline");
	CHECK(has_line(t, "bstrace_syscalls_total{syscall=\"read\",comm=\"ab" FFFD "cd\"} 8"),
	      "invalid byte");
	CHECK(has_line(t, "bstrace_syscalls_total{syscall=\"read\","
			  "comm=\"caf\xc3\xa9 \xf0\x9f\x90\x9d\"} 7"), "valid UTF-8 kept");
	CHECK(has_line(t, "bstrace_syscalls_total{syscall=\"read\",comm=\"x" FFFD "\"} 6"),
	      "truncated sequence: one U+FFFD");
	CHECK(has_line(t, "bstrace_syscalls_total{syscall=\"read\",comm=\"o" FFFD FFFD "\"} 5"),
	      "overlong");
	CHECK(has_line(t, "bstrace_syscalls_total{syscall=\"read\",comm=\"s" FFFD FFFD FFFD
			  "\"} 4"), "surrogate");
	snprintf(want, sizeof(want), "bstrace_syscalls_total{syscall=\"%.255s\",comm=\"\"} 3",
		 long_name);
	CHECK(has_line(t, want), "label cut at 255 bytes");
	snprintf(want, sizeof(want), "bstrace_syscalls_total{syscall=\"%.254s" FFFD
		 "\",comm=\"\"} 2", cut_name);
	CHECK(has_line(t, want), "character cut by the limit becomes U+FFFD");
	CHECK(has_line(t, "bstrace_syscalls_total{syscall=\"dup\",comm=\"a" FFFD "\"} 30"),
	      "rows printing the same labels merge into one series");
	CHECK(has_line(t, "bstrace_syscalls_total{syscall=\"read\","
			  "comm=\"c\\\\x1b[1m\\\\x07\\\\x09\\\\x7f\\\\u009b\\\\u202e\"} 11"),
	      "control characters written as text, never raw");
	CHECK(count_lines(t, "bstrace_syscalls_total{", NULL) == ARRAY_SIZE(rows) - 1,
	      "one series per distinct label set");
	free(t);
}

static void test_top(void)
{
	struct msnap_row rows[10], errs[5], ties[2];
	struct metrics_snapshot s;
	uint64_t sum;
	size_t i;
	char *t;

	for (i = 0; i < ARRAY_SIZE(rows); i++) {
		rows[i] = (struct msnap_row){ .syscall = "read", .count = i + 1 };
		snprintf(rows[i].label, sizeof(rows[i].label), "p%zu", i);
	}
	for (i = 0; i < ARRAY_SIZE(errs); i++) {
		errs[i] = (struct msnap_row){ .syscall = "openat", .count = 100 * (i + 1) };
		snprintf(errs[i].label, sizeof(errs[i].label), "E%zu", i);
	}
	base_snapshot(&s);
	s.label_name = "cgroup";
	s.by_label = rows;
	s.nlabel = ARRAY_SIZE(rows);
	s.by_errno = errs;
	s.nerrno = ARRAY_SIZE(errs);
	s.top = 3;
	t = render(&s);
	CHECK(has_line(t, "bstrace_syscalls_total{syscall=\"read\",cgroup=\"p9\"} 10") &&
	      has_line(t, "bstrace_syscalls_total{syscall=\"read\",cgroup=\"p8\"} 9") &&
	      has_line(t, "bstrace_syscalls_total{syscall=\"read\",cgroup=\"p7\"} 8"), "top 3");
	CHECK(has_line(t, "bstrace_syscalls_total{syscall=\"_other\",cgroup=\"_other\"} 28"),
	      "the other 7 summed");
	CHECK(count_lines(t, "bstrace_syscalls_total{", &sum) == 4 && sum == 55,
	      "top+1 series, total kept");
	CHECK(has_line(t, "bstrace_syscall_errors_total{syscall=\"_other\",errno=\"_other\"} 300"),
	      "errno folding");
	CHECK(count_lines(t, "bstrace_syscall_errors_total{", &sum) == 4 && sum == 1500,
	      "errno top+1 series, total kept");
	CHECK(has_line(t, "bstrace_scrape_series_folded 9"), "7 + 2 folded");
	free(t);

	/* no limit; and a limit the rows fit in needs no _other */
	s.top = 0;
	t = render(&s);
	CHECK(count_lines(t, "bstrace_syscalls_total{", &sum) == 10 && sum == 55, "top 0: all");
	CHECK(!strstr(t, "\"_other\"") && has_line(t, "bstrace_scrape_series_folded 0"),
	      "nothing folded");
	free(t);
	s.top = 10;
	t = render(&s);
	CHECK(count_lines(t, "bstrace_syscalls_total{", NULL) == 10, "top == rows");
	CHECK(has_line(t, "bstrace_syscall_errors_total{syscall=\"openat\",errno=\"E0\"} 100"),
	      "errno under the limit");
	CHECK(!strstr(t, "\"_other\""), "nothing to fold");
	free(t);

	/* equal counts: the same row wins on every scrape */
	ties[0] = (struct msnap_row){ .syscall = "read", .label = "b", .count = 5 };
	ties[1] = (struct msnap_row){ .syscall = "read", .label = "a", .count = 5 };
	s.by_label = ties;
	s.nlabel = 2;
	s.nerrno = 0;
	s.top = 1;
	t = render(&s);
	CHECK(has_line(t, "bstrace_syscalls_total{syscall=\"read\",cgroup=\"a\"} 5") &&
	      has_line(t, "bstrace_syscalls_total{syscall=\"_other\",cgroup=\"_other\"} 5"),
	      "ties broken by name");
	free(t);
}

#define BUCKET	"bstrace_syscall_duration_seconds_bucket{syscall=\"read\",le="

static void test_histogram(void)
{
	struct msnap_sys sys[] = {
		{ .name = "write", .st = { .count = 3 } },	/* no timing: no histogram */
		{ .name = "read", .st = { .count = 12, .total_ns = 5000000123ull,
					  .hist = { [0] = 1, [3] = 2, [10] = 5, [31] = 4 } } },
	};
	const char *m = BUCKET "\"";
	struct metrics_snapshot s;
	double le, last_le = 0;
	uint64_t v, last_v = 0;
	size_t buckets = 0;
	bool ordered = true;
	const char *p;
	char *t;

	base_snapshot(&s);
	s.sys = sys;
	s.nsys = 2;
	s.histogram = true;
	t = render(&s);
	CHECK(has_line(t, "# TYPE bstrace_syscall_duration_seconds histogram"), "hist TYPE");
	CHECK(!strstr(t, BUCKET "\"6.4e-08\"}"), "no bound below 128 ns: never hit");
	CHECK(has_line(t, BUCKET "\"1.28e-07\"} 3"), "first bound 128 ns holds [0, 128 ns)");
	CHECK(has_line(t, BUCKET "\"2.147483648\"} 8"), "last finite bound 2^31 ns");
	CHECK(has_line(t, BUCKET "\"+Inf\"} 12"), "+Inf holds everything, the last bucket too");
	CHECK(has_line(t, "bstrace_syscall_duration_seconds_sum{syscall=\"read\"} 5.000000123"),
	      "sum in seconds");
	CHECK(has_line(t, "bstrace_syscall_duration_seconds_count{syscall=\"read\"} 12"),
	      "count == +Inf");
	CHECK(!strstr(t, "duration_seconds_bucket{syscall=\"write\""), "empty histogram skipped");
	for (p = strstr(t, m); p; p = strstr(p + 1, m)) {
		p += strlen(m);
		le = !strncmp(p, "+Inf", 4) ? 1e300 : strtod(p, NULL);
		v = strtoull(strchr(p, ' ') + 1, NULL, 10);
		ordered = ordered && le > last_le && v >= last_v;
		last_le = le;
		last_v = v;
		buckets++;
	}
	CHECK(ordered, "bounds increase, counts never decrease");
	CHECK(buckets == BSTRACE_HIST_BUCKETS - 6, "%zu buckets with +Inf", buckets);
	free(t);
}

/* the histogram within --top: K / 28 syscalls (most time first) and an "_other" sum */
static void test_histogram_top(void)
{
	struct msnap_sys sys[40];
	struct metrics_snapshot s;
	char name[40][16], want[160];
	uint64_t sum;
	size_t i;
	char *t;

	for (i = 0; i < ARRAY_SIZE(sys); i++) {
		snprintf(name[i], sizeof(name[i]), "sc%02zu", i);
		sys[i] = (struct msnap_sys){ .name = name[i], .st = { .count = 100 - i,
			 .total_ns = 1000 * (i + 1), .hist = { [10] = 1, [20] = i } } };
	}
	base_snapshot(&s);
	s.sys = sys;
	s.nsys = ARRAY_SIZE(sys);
	s.histogram = true;
	s.top = 60;
	t = render(&s);
	CHECK(count_lines(t, "bstrace_syscall_duration_seconds_count{", &sum) == 3 &&
	      sum == 40 + 39 * 40 / 2, "2 syscalls and _other, every call counted");
	CHECK(count_lines(t, "bstrace_syscall_duration_seconds_", NULL) == 3 * 28,
	      "28 series each");
	CHECK(has_line(t, "bstrace_syscall_duration_seconds_count{syscall=\"sc39\"} 40") &&
	      has_line(t, "bstrace_syscall_duration_seconds_count{syscall=\"sc38\"} 39"),
	      "the two that spent the most time");
	snprintf(want, sizeof(want),
		 "bstrace_syscall_duration_seconds_count{syscall=\"_other\"} %d", 38 + 37 * 38 / 2);
	CHECK(has_line(t, want), "the rest summed: %s", want);
	CHECK(count_lines(t, "bstrace_syscalls_total{", NULL) == 40, "calls: 40 fit in 60");
	CHECK(has_line(t, "bstrace_scrape_series_folded 38"), "38 histograms folded");
	free(t);
}

/* OpenMetrics: counter families without _total, an info family, # EOF */
static void test_openmetrics(void)
{
	struct msnap_sys sys[] = {
		{ .name = "read", .st = { .count = 12, .total_ns = 5000, .hist = { [8] = 12 } } },
	};
	struct metrics_snapshot s;
	char *t = NULL;
	size_t len = 0;

	base_snapshot(&s);
	s.sys = sys;
	s.nsys = 1;
	s.histogram = true;
	CHECK(metrics_render_as(&s, METRICS_OPENMETRICS, &t, &len) == 0 && t, "render");
	if (!t)
		return;
	CHECK(has_line(t, "# TYPE bstrace_syscalls counter") &&
	      has_line(t, "# HELP bstrace_syscalls System calls made.") &&
	      has_line(t, "bstrace_syscalls_total{syscall=\"read\"} 12"), "counter family");
	CHECK(!strstr(t, "# TYPE bstrace_syscalls_total"), "no _total in a family name");
	CHECK(has_line(t, "# TYPE process_cpu_seconds counter"), "process cpu");
	CHECK(has_line(t, "# TYPE bstrace_build info") &&
	      has_line(t, "bstrace_build_info{version=\"0.3.0\",kernel=\"6.1.0-test\","
			  "arch=\"x86_64\"} 1"), "info family");
	CHECK(has_line(t, "# TYPE bstrace_syscall_duration_seconds histogram") &&
	      has_line(t, BUCKET "\"+Inf\"} 12"), "histogram");
	CHECK(len > 6 && !strcmp(t + len - 6, "# EOF\n") && strstr(t, "# EOF") == t + len - 6,
	      "ends with one # EOF");
	free(t);
}

static void test_empty(void)
{
	struct metrics_snapshot s;
	char *t;

	memset(&s, 0, sizeof(s));
	t = render(&s);
	CHECK(has_line(t, "# TYPE bstrace_syscalls_total counter"), "families even when empty");
	CHECK(!count_lines(t, "bstrace_syscalls_total{", NULL), "no series");
	CHECK(has_line(t, "bstrace_build_info{version=\"unknown\",kernel=\"unknown\","
			  "arch=\"unknown\"} 1"), "build info without strings");
	free(t);

	s.histogram = true;
	s.label_name = "comm";
	s.top = 5;
	t = render(&s);
	CHECK(has_line(t, "# TYPE bstrace_syscall_duration_seconds histogram"), "empty histogram");
	free(t);
}

/* no fixed buffer: thousands of long labels all arrive */
static void test_big(void)
{
	size_t n = 5000, i;
	struct msnap_row *rows = calloc(n, sizeof(*rows));
	struct metrics_snapshot s;
	uint64_t sum;
	char *t;

	for (i = 0; i < n; i++) {
		rows[i].syscall = "read";
		rows[i].count = 1;
		memset(rows[i].label, 'x', 250);
		snprintf(rows[i].label + 250, 6, "%05zu", i);
	}
	base_snapshot(&s);
	s.label_name = "cgroup";
	s.by_label = rows;
	s.nlabel = n;
	t = render(&s);
	CHECK(count_lines(t, "bstrace_syscalls_total{", &sum) == n && sum == n, "%zu series", n);
	CHECK(strstr(t, "xx04999\"} 1\n") != NULL, "the last row is there");
	free(t);
	free(rows);
}

static void test_self(void)
{
	volatile unsigned long spin = 0;
	struct timespec t0, t1;
	uint64_t rss;
	double cpu;

	/* burn a few clock ticks so that the CPU time cannot be 0 */
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
	do {
		spin++;
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
	} while ((t1.tv_sec - t0.tv_sec) * 1000000000L + (t1.tv_nsec - t0.tv_nsec) < 50000000L);
	metrics_self(&cpu, &rss);
	CHECK(cpu > 0 && cpu < 3600, "cpu %f s", cpu);
	CHECK(rss > 100 * 1024 && rss < (1ull << 40), "rss %" PRIu64, rss);
}

/* ---- the HTTP server ---- */

/* flipped here, read by the server thread */
static atomic_bool healthy = true;
static atomic_bool metrics_fail;

static int get_metrics(void *ctx, unsigned int formats, struct http_page *page)
{
	int f;

	if (metrics_fail)
		return -EIO;
	for (f = 0; f < HTTP_NFORMATS; f++) {
		if (!(formats & (1u << f)))
			continue;
		page->body[f] = strdup(ctx);
		page->len[f] = strlen(page->body[f]);
	}
	return 0;
}

static bool get_healthy(void *ctx)
{
	return healthy;
}

/* one request on its own connection; the reply, whole, or "" */
static char *request(int family, int port, const char *req)
{
	static char buf[65536];
	struct sockaddr_storage ss = { 0 };
	struct sockaddr_in *sin = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&ss;
	struct timeval tv = { .tv_sec = 5 };
	size_t len = 0;
	ssize_t n;
	int fd;

	buf[0] = '\0';
	if (family == AF_INET6) {
		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons(port);
		sin6->sin6_addr = in6addr_loopback;
	} else {
		sin->sin_family = AF_INET;
		sin->sin_port = htons(port);
		sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	}
	fd = socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	if (connect(fd, (struct sockaddr *)&ss, sizeof(ss)) < 0 ||
	    write(fd, req, strlen(req)) != (ssize_t)strlen(req)) {
		close(fd);
		return buf;
	}
	while (len < sizeof(buf) - 1 && (n = read(fd, buf + len, sizeof(buf) - 1 - len)) > 0)
		len += n;
	buf[len] = '\0';
	close(fd);
	return buf;
}

static int status_of(const char *resp)
{
	return strncmp(resp, "HTTP/1.", 7) ? -1 : atoi(resp + 9);
}

static const char *body_of(const char *resp)
{
	const char *p = strstr(resp, "\r\n\r\n");

	return p ? p + 4 : "";
}

static bool has_header(const char *resp, const char *header)
{
	const char *end = strstr(resp, "\r\n\r\n");
	const char *p = strcasestr(resp, header);

	return p && end && p < end && p[-1] == '\n' && p[strlen(header)] == '\r';
}

static int open_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	int n = 0;

	while (d && readdir(d))
		n++;
	if (d)
		closedir(d);
	return n;
}

#define GET(path)	"GET " path " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"

static void test_http_routes(struct http_server *srv, const char *page)
{
	int port = http_port(srv);
	char want[64];
	char *r;

	r = request(AF_INET, port, GET("/metrics"));
	CHECK(status_of(r) == 200, "GET /metrics: %s", r);
	CHECK(has_header(r, "Content-Type: text/plain; version=0.0.4; charset=utf-8"),
	      "metrics content type: %s", r);
	CHECK_STR(body_of(r), page);

	r = request(AF_INET, port,
		    "HEAD /metrics HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
	snprintf(want, sizeof(want), "Content-Length: %zu", strlen(page));
	CHECK(status_of(r) == 200 && has_header(r, want) && !*body_of(r), "HEAD: %s", r);

	r = request(AF_INET, port, "GET /metrics?x=1 HTTP/1.0\r\n\r\n");
	CHECK(status_of(r) == 200 && !strcmp(body_of(r), page), "HTTP/1.0, query: %s", r);

	r = request(AF_INET, port, GET("/healthz"));
	CHECK(status_of(r) == 200 && !strcmp(body_of(r), "ok\n"), "healthz: %s", r);
	healthy = false;
	r = request(AF_INET, port, GET("/healthz"));
	CHECK(status_of(r) == 503 && !strcmp(body_of(r), "unhealthy\n"), "unhealthy: %s", r);
	healthy = true;

	metrics_fail = true;
	r = request(AF_INET, port, GET("/metrics"));
	CHECK(status_of(r) == 500, "handler error: %s", r);
	metrics_fail = false;

	CHECK(status_of(request(AF_INET, port, GET("/nope"))) == 404, "unknown path");
	CHECK(status_of(request(AF_INET, port, GET("/metrics/"))) == 404, "trailing slash");
	r = request(AF_INET, port, "POST /metrics HTTP/1.1\r\nHost: t\r\nConnection: close\r\n"
				   "Content-Length: 0\r\n\r\n");
	CHECK(status_of(r) == 405 && has_header(r, "Allow: GET, HEAD"), "POST: %s", r);
	r = request(AF_INET, port, "POST /metrics HTTP/1.1\r\nHost: t\r\nConnection: close\r\n"
				   "Content-Length: 3\r\n\r\nx=1");
	CHECK(status_of(r) == 405, "POST with a body: %s", r);
	r = request(AF_INET, port, "GET /metrics HTTP/1.1\r\nHost: t\r\nConnection: close\r\n"
				   "Content-Length: 3\r\n\r\nx=1");
	CHECK(status_of(r) == 413, "GET with a body: %s", r);
}

static void test_http_bad_listen(void)
{
	static const char *const bad[] = {
		"nonsense", "127.0.0.1:99999", "127.0.0.1:", ":9464", "127.0.0.1", "[::1]",
		"[::1]9464", "::1:9464", "1.2.3:80", "127.0.0.1:80x", "127.0.0.1:-1",
		"127.0.0.1:+80", "[127.0.0.1]:80", "",
	};
	struct http_handlers h = { .metrics = get_metrics, .healthy = get_healthy };
	char err[256], want[256];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		err[0] = '\0';
		snprintf(want, sizeof(want), "bad --listen address '%s' (want ADDR:PORT)", bad[i]);
		CHECK(!http_start(bad[i], &h, err, sizeof(err)), "'%s' accepted", bad[i]);
		CHECK_STR(err, want);
	}
}

static void test_http(void)
{
	const char *page = "bstrace_events_lost_total 0\n";
	struct http_handlers h = { .metrics = get_metrics, .healthy = get_healthy,
				   .ctx = (void *)page };
	struct http_server *srv, *again;
	char err[256], addr[64], want[128];
	int port, fds = open_fds();

	err[0] = '\0';
	srv = http_start("127.0.0.1:0", &h, err, sizeof(err));
	CHECK(srv != NULL, "http_start: %s", err);
	if (!srv)
		return;
	port = http_port(srv);
	CHECK(port > 0 && port < 65536, "port %d", port);
	test_http_routes(srv, page);

	snprintf(addr, sizeof(addr), "127.0.0.1:%d", port);
	snprintf(want, sizeof(want), "cannot listen on %s: Address already in use", addr);
	again = http_start(addr, &h, err, sizeof(err));
	CHECK(!again, "second server on one port");
	CHECK_STR(err, want);
	test_http_bad_listen();

	http_stop(srv);
	CHECK(!*request(AF_INET, port, GET("/healthz")), "nothing listens after http_stop");
	CHECK(open_fds() == fds, "no descriptor leaked: %d before, %d after", fds, open_fds());

	/* IPv6 loopback, where the machine has it */
	srv = http_start("[::1]:0", &h, err, sizeof(err));
	if (!srv) {
		printf("IPv6 skipped: %s\n", err);
		return;
	}
	CHECK(status_of(request(AF_INET6, http_port(srv), GET("/healthz"))) == 200, "IPv6");
	http_stop(srv);
}

int main(void)
{
	test_plain();
	test_labels();
	test_escaping();
	test_top();
	test_histogram();
	test_histogram_top();
	test_openmetrics();
	test_empty();
	test_big();
	test_self();
	test_http();
	return check_done();
}
