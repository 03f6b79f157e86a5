// SPDX-License-Identifier: GPL-2.0
/*
 * The summary tables: strace 6.1's -c layout (checked against real strace output), the
 * syscount, bpftrace-histogram and subsystem views, JSON and CSV, sorting, percentiles.
 */
#include <ctype.h>
#include <stdlib.h>
#include "check.h"
#include "summary.h"
#include "syscalls.h"

void die(const char *fmt, ...)
{
	fprintf(stderr, "die: %s\n", fmt);
	exit(2);
}

void warnx_(const char *fmt, ...)
{
}

/*
 * Syscall numbers are this architecture's (sysnums/<arch>.h), looked up at run time: only
 * syscalls every arch has. Where a view prints numbers or breaks ties by them, the expected
 * text says so (%{name}, [ties]; see want()) and is completed from the table.
 */
static uint32_t NR_read, NR_write, NR_close, NR_mmap, NR_getpid, NR_kill, NR_futex, NR_openat;
#define NR_unknown 999		/* no arch has it (checked in main) */
#define UNKNOWN "syscall_0x3e7"

static uint32_t nr_of(const char *name)
{
	int nr = strcmp(name, UNKNOWN) ? sc_nr_by_name(name) : NR_unknown;

	if (nr < 0) {
		fprintf(stderr, "test bug: no syscall %s on %s\n", name, SC_ARCH_NAME);
		exit(2);
	}
	return nr;
}

/* result buffers, used in turn: several can be alive at once */
static char *scratch(void)
{
	static char bufs[8][8192];
	static unsigned int next;

	return bufs[next++ % 8];
}

/*
 * Names in the order a view prints them: "a b [c d e] f" is a, b, then c, d and e by
 * syscall number (a tie, which every view breaks by number), then f.
 */
static const char *order(const char *spec)
{
	char *out = scratch(), names[16][32];
	size_t n = 0, len = 0, i, j;
	bool group = false;
	const char *p = spec;

	out[0] = 0;
	while (*p) {
		size_t k = strcspn(p, " []");

		if (*p == '[' || *p == ']' || *p == ' ') {
			if (*p == '[')
				group = true;
			if (*p == ']')
				group = false;
			p++;
		} else {
			if (n == 16) {
				fprintf(stderr, "test bug: a group too large in <%s>\n", spec);
				exit(2);
			}
			snprintf(names[n], sizeof(names[n]), "%.*s", (int)k, p);
			n++;
			p += k;
		}
		if (n && (!group || !*p)) {
			/* a finished name or group: sorted by number, appended */
			for (i = 1; i < n; i++)
				for (j = i; j > 0 && nr_of(names[j - 1]) > nr_of(names[j]); j--) {
					char t[32];

					memcpy(t, names[j], sizeof(t));
					memcpy(names[j], names[j - 1], sizeof(t));
					memcpy(names[j - 1], t, sizeof(t));
				}
			for (i = 0; i < n; i++)
				len += snprintf(out + len, 8192 - len, "%s%s", len ? " " : "",
						names[i]);
			n = 0;
		}
	}
	return out;
}

/* `text` with every %{name} replaced by that syscall's number */
static const char *numbered(const char *text)
{
	char *out = scratch();
	size_t len = 0;

	while (*text) {
		const char *end;

		if (text[0] == '%' && text[1] == '{' && (end = strchr(text, '}'))) {
			char name[32];

			snprintf(name, sizeof(name), "%.*s", (int)(end - text - 2), text + 2);
			len += snprintf(out + len, 8192 - len, "%u", nr_of(name));
			text = end + 1;
		} else {
			out[len++] = *text++;
		}
	}
	out[len] = 0;
	return out;
}

/* the line after `l` (each line of a rows block ends in a newline) */
static const char *next_line(const char *l)
{
	l += strcspn(l, "\n");
	return *l ? l + 1 : l;
}

/* whether `line` (up to its newline) has syscall `name` as a word */
static bool line_names(const char *line, const char *name)
{
	size_t n = strlen(name), end = strcspn(line, "\n");
	const char *p;

	for (p = line; (p = strstr(p, name)) && p < line + end; p++) {
		bool word_start = p == line || !(isalnum((unsigned char)p[-1]) || p[-1] == '_');
		bool word_end = !(isalnum((unsigned char)p[n]) || p[n] == '_');

		if (word_start && word_end)
			return true;
	}
	return false;
}

/*
 * The expected text of a view: `head`, then the lines of `rows` in the order `spec` gives
 * (see order(); each line goes with the one syscall it names, a syscall may have several
 * lines), then `tail`; %{name} anywhere is the syscall's number.
 */
static const char *want(const char *head, const char *spec, const char *rows, const char *tail)
{
	char *out = scratch(), *names = strcpy(scratch(), order(spec)), *save = NULL, *name;
	size_t len = snprintf(out, 8192, "%s", head), used = 0, lines = 0;
	const char *l;

	for (name = strtok_r(names, " ", &save); name; name = strtok_r(NULL, " ", &save))
		for (l = rows; *l; l = next_line(l))
			if (line_names(l, name)) {
				len += snprintf(out + len, 8192 - len, "%.*s\n",
						(int)strcspn(l, "\n"), l);
				used++;
			}
	for (l = rows; *l; l = next_line(l))
		lines++;
	if (used != lines) {
		fprintf(stderr, "test bug: %zu of %zu lines named by <%s>\n", used, lines, spec);
		exit(2);
	}
	snprintf(out + len, 8192 - len, "%s", tail);
	return numbered(out);
}

#define NROWS 8

static struct outbuf ob;
static struct sc_total rows[NROWS];

static const char *taken(void)
{
	ob.buf[ob.len] = 0;
	return ob.buf;
}

/* a fixed set: unordered, with a zero row, time ties, zero-time rows, an unknown number */
static struct sc_total *fake_rows(void)
{
	memset(rows, 0, sizeof(rows));
	rows[0] = (struct sc_total){ .nr = NR_openat, .count = 34, .errors = 13,
				     .total_ns = 1363000, .min_ns = 3000, .max_ns = 120000 };
	rows[1] = (struct sc_total){ .nr = NR_read, .count = 7, .total_ns = 450500,
				     .min_ns = 4000, .max_ns = 300000 };
	rows[2] = (struct sc_total){ .nr = NR_write, .count = 0 };
	rows[3] = (struct sc_total){ .nr = NR_futex, .count = 1 };
	rows[4] = (struct sc_total){ .nr = NR_close, .count = 1 };
	rows[5] = (struct sc_total){ .nr = NR_mmap, .count = 30, .total_ns = 1230000,
				     .min_ns = 5000, .max_ns = 174000 };
	rows[6] = (struct sc_total){ .nr = NR_unknown, .count = 2, .errors = 2, .total_ns = 3000,
				     .min_ns = 1000, .max_ns = 2000 };
	rows[7] = (struct sc_total){ .nr = NR_kill, .count = 5, .errors = 5, .total_ns = 450500,
				     .min_ns = 90000, .max_ns = 90100 };
	return rows;
}

static const char *strace_out(const struct summary_opts *so)
{
	ob_init(&ob, -1);
	summary_print_strace(&ob, so, fake_rows(), NROWS);
	return taken();
}

/* the first CSV field of every row: the order a view printed */
static const char *csv_order(void)
{
	static char names[512];
	const char *p = strchr(taken(), '\n');
	size_t n = 0;

	while (p && p[1]) {
		size_t len = strcspn(p + 1, ",");

		if (n)
			names[n++] = ' ';
		memcpy(names + n, p + 1, len);
		n += len;
		p = strchr(p + 1, '\n');
	}
	names[n] = 0;
	return names;
}

static const char *strace_order(enum sort_key key)
{
	struct summary_opts so = { .sort = key, .format = FMT_CSV };

	strace_out(&so);
	return csv_order();
}

static void test_strace_text(void)
{
	struct summary_opts so = { 0 };

	/* read and kill took the same time, close and futex none */
	CHECK_STR(strace_out(&so),
		  want("% time     seconds  usecs/call     calls    errors syscall\n"
		       "------ ----------- ----------- --------- --------- ----------------\n",
		       "openat mmap [read kill] " UNKNOWN " [close futex]",
		       " 38.98    0.001363          40        34        13 openat\n"
		       " 35.17    0.001230          41        30           mmap\n"
		       " 12.88    0.000450          64         7           read\n"
		       " 12.88    0.000450          90         5         5 kill\n"
		       "  0.09    0.000003           1         2         2 syscall_0x3e7\n"
		       "  0.00    0.000000           0         1           close\n"
		       "  0.00    0.000000           0         1           futex\n",
		       "------ ----------- ----------- --------- --------- ----------------\n"
		       "100.00    0.003497          43        80        20 total\n"));
	/* -w, -x change what was measured, not the table */
	so.wall = true;
	so.failed_only = true;
	CHECK(!strncmp(strace_out(&so), "% time     seconds  usecs/call", 30), "-w header");
	so = (struct summary_opts){ .top = 2 };
	CHECK_STR(strace_out(&so),
		  "% time     seconds  usecs/call     calls    errors syscall\n"
		  "------ ----------- ----------- --------- --------- ----------------\n"
		  " 38.98    0.001363          40        34        13 openat\n"
		  " 35.17    0.001230          41        30           mmap\n"
		  "------ ----------- ----------- --------- --------- ----------------\n"
		  "100.00    0.003497          43        80        20 total\n");
}

static void test_strace_sort(void)
{
	/* ties (equal time, zero time) by syscall number, as strace's stable sort leaves them */
	CHECK_STR(strace_order(SORT_TIME),
		  order("openat mmap [read kill] " UNKNOWN " [close futex]"));
	CHECK_STR(strace_order(SORT_CALLS),
		  order("openat mmap read kill " UNKNOWN " [close futex]"));
	CHECK_STR(strace_order(SORT_ERRORS),
		  order("openat kill " UNKNOWN " [read close mmap futex]"));
	CHECK_STR(strace_order(SORT_NAME), "close futex kill mmap openat read " UNKNOWN);
	CHECK_STR(strace_order(SORT_AVG), order("kill read mmap openat " UNKNOWN " [close futex]"));
	CHECK_STR(strace_order(SORT_NOTHING),
		  order("[read close mmap kill futex openat " UNKNOWN "]"));
}

static void test_strace_columns(void)
{
	struct summary_opts so = { .columns = "name,calls,errors" };

	/* a name column that is not last is padded, errors still blank when 0 */
	CHECK_STR(strace_out(&so),
		  want("syscall              calls    errors\n"
		       "---------------- --------- ---------\n",
		       "openat mmap [read kill] " UNKNOWN " [close futex]",
		       "openat                  34        13\n"
		       "mmap                    30          \n"
		       "read                     7          \n"
		       "kill                     5         5\n"
		       "syscall_0x3e7            2         2\n"
		       "close                    1          \n"
		       "futex                    1          \n",
		       "---------------- --------- ---------\n"
		       "total                   80        20\n"));
	/* aliases; the name is added last; what strace would reject is skipped */
	so.columns = "count,bogus,longest,calls,shortest";
	so.sort = SORT_NOTHING;
	CHECK_STR(strace_out(&so),
		  want("    calls  longest shortest syscall\n"
		       "--------- -------- -------- ----------------\n",
		       "[read close mmap kill futex openat " UNKNOWN "]",
		       "        7 0.000300 0.000004 read\n"
		       "        1 0.000000 0.000000 close\n"
		       "       30 0.000174 0.000005 mmap\n"
		       "        5 0.000090 0.000090 kill\n"
		       "        1 0.000000 0.000000 futex\n"
		       "       34 0.000120 0.000003 openat\n"
		       "        2 0.000002 0.000001 syscall_0x3e7\n",
		       "--------- -------- -------- ----------------\n"
		       "       80 0.000300 0.000000 total\n"));
}

/* strace sizes columns to fit the totals */
static const char widths_want[] =
	"% time      seconds   shortest    longest  usecs/call      calls    errors syscall\n"
	"------ ------------ ---------- ---------- ----------- ---------- --------- "
	"----------------\n"
	" 99.01 12345.678901   0.000001   2.500000          10 1234567890           getpid\n"
	"  0.99   123.456789 123.456789 123.456789   123456789          1         1 kill\n"
	"------ ------------ ---------- ---------- ----------- ---------- --------- "
	"----------------\n"
	"100.00 12469.135690   0.000001 123.456789          10 1234567891         1 total\n";

/* columns grow to the widest total, as strace sizes them */
static void test_strace_widths(void)
{
	struct summary_opts so = {
		.columns = "time,total-time,min-time,max-time,avg-time,calls,errors,name"
	};
	struct sc_total big[2] = {
		{ .nr = NR_kill, .count = 1, .errors = 1, .total_ns = 123456789012ULL,
		  .min_ns = 123456789012ULL, .max_ns = 123456789012ULL },
		{ .nr = NR_getpid, .count = 1234567890, .total_ns = 12345678901234ULL,
		  .min_ns = 1000, .max_ns = 2500000000ULL },
	};

	ob_init(&ob, -1);
	summary_print_strace(&ob, &so, big, 2);
	CHECK_STR(taken(), widths_want);
}

static void test_strace_json_csv(void)
{
	struct summary_opts so = { .format = FMT_JSON, .wall = true, .top = 3 };

	CHECK_STR(strace_out(&so), numbered(
		  "{\"syscalls\":[\n"
		  "{\"name\":\"openat\",\"nr\":%{openat},\"calls\":34,\"errors\":13,"
		  "\"seconds\":0.001363000,"
		  "\"percent\":38.98,\"avg_seconds\":0.000040088,\"min_seconds\":0.000003000,"
		  "\"max_seconds\":0.000120000},\n"
		  "{\"name\":\"mmap\",\"nr\":%{mmap},\"calls\":30,\"errors\":0,"
		  "\"seconds\":0.001230000,\"percent\":35.17,\"avg_seconds\":0.000041000,"
		  "\"min_seconds\":0.000005000,"
		  "\"max_seconds\":0.000174000},\n"
		  "{\"name\":\"read\",\"nr\":%{read},\"calls\":7,\"errors\":0,"
		  "\"seconds\":0.000450500,\"percent\":12.88,\"avg_seconds\":0.000064357,"
		  "\"min_seconds\":0.000004000,"
		  "\"max_seconds\":0.000300000}\n"
		  "],\"total\":{\"calls\":80,\"errors\":20,\"seconds\":0.003497000,"
		  "\"avg_seconds\":0.000043713,\"min_seconds\":0.000000000,"
		  "\"max_seconds\":0.000300000},\"clock\":\"wall\",\"failed_only\":false}\n"));
	so = (struct summary_opts){ .format = FMT_CSV, .sort = SORT_NAME, .top = 2 };
	CHECK_STR(strace_out(&so), numbered(
		  "name,nr,calls,errors,seconds,percent,avg_seconds,min_seconds,max_seconds\n"
		  "close,%{close},1,0,0.000000000,0.00,0.000000000,0.000000000,0.000000000\n"
		  "futex,%{futex},1,0,0.000000000,0.00,0.000000000,0.000000000,0.000000000\n"));
}

static void test_strace_empty(void)
{
	struct summary_opts so = { 0 };
	struct sc_total zero[2] = { { .nr = NR_read }, { .nr = NR_write } };

	/* strace prints nothing when nothing was counted */
	ob_init(&ob, -1);
	summary_print_strace(&ob, &so, zero, 2);
	CHECK_STR(taken(), "");
	so.format = FMT_JSON;
	so.failed_only = true;
	ob_init(&ob, -1);
	summary_print_strace(&ob, &so, NULL, 0);
	CHECK_STR(taken(),
		  "{\"syscalls\":[\n"
		  "],\"total\":{\"calls\":0,\"errors\":0,\"seconds\":0.000000000,"
		  "\"avg_seconds\":0.000000000,\"min_seconds\":0.000000000,"
		  "\"max_seconds\":0.000000000},\"clock\":\"cpu\",\"failed_only\":true}\n");
	so.format = FMT_CSV;
	ob_init(&ob, -1);
	summary_print_strace(&ob, &so, zero, 2);
	CHECK_STR(taken(), "name,nr,calls,errors,seconds,percent,avg_seconds,min_seconds,"
		  "max_seconds\n");
}

static const char *counts_out(const struct summary_opts *so)
{
	ob_init(&ob, -1);
	summary_print_counts(&ob, so, fake_rows(), NROWS);
	return taken();
}

static void test_counts(void)
{
	struct summary_opts so = { 0 };

	/* libbpf-tools syscount: by count without -L */
	CHECK_STR(counts_out(&so),
		  want("SYSCALL                   COUNT\n",
		       "openat mmap read kill " UNKNOWN " [close futex]",
		       "openat                       34\n"
		       "mmap                         30\n"
		       "read                          7\n"
		       "kill                          5\n"
		       "syscall_0x3e7                 2\n"
		       "close                         1\n"
		       "futex                         1\n",
		       "\n"));
	/* -L: by time, microseconds */
	so = (struct summary_opts){ .latency = true, .top = 3 };
	CHECK_STR(counts_out(&so),
		  "SYSCALL                   COUNT        TIME (us)\n"
		  "openat                       34         1363.000\n"
		  "mmap                         30         1230.000\n"
		  "read                          7          450.500\n"
		  "\n");
	so = (struct summary_opts){ .sort = SORT_ERRORS, .format = FMT_CSV };
	counts_out(&so);
	CHECK_STR(csv_order(), order("openat kill " UNKNOWN " [read close mmap futex]"));
	CHECK_STR(taken(),
		  want("name,nr,calls,errors,seconds\n",
		       "openat kill " UNKNOWN " [read close mmap futex]",
		       "openat,%{openat},34,13,0.001363000\n"
		       "kill,%{kill},5,5,0.000450500\n"
		       "syscall_0x3e7,%{syscall_0x3e7},2,2,0.000003000\n"
		       "read,%{read},7,0,0.000450500\n"
		       "close,%{close},1,0,0.000000000\n"
		       "mmap,%{mmap},30,0,0.001230000\n"
		       "futex,%{futex},1,0,0.000000000\n", ""));
	so = (struct summary_opts){ .format = FMT_JSON, .top = 2, .failed_only = true };
	CHECK_STR(counts_out(&so), numbered(
		  "{\"syscalls\":[\n"
		  "{\"name\":\"openat\",\"nr\":%{openat},\"calls\":34,\"errors\":13,"
		  "\"seconds\":0.001363000},\n"
		  "{\"name\":\"mmap\",\"nr\":%{mmap},\"calls\":30,\"errors\":0,"
		  "\"seconds\":0.001230000}\n"
		  "],\"total\":{\"calls\":80,\"errors\":20,\"seconds\":0.003497000},"
		  "\"clock\":\"cpu\",\"failed_only\":true}\n"));
}

static struct group_total groups[4];

static struct group_total *fake_groups(void)
{
	memset(groups, 0, sizeof(groups));
	groups[0] = (struct group_total){ .id = 4242, .name = "bash", .count = 10, .errors = 1,
					  .total_ns = 5000 };
	groups[1] = (struct group_total){ .id = 1, .name = "sy\"s,t\\em\001\377d", .count = 20,
					  .total_ns = 1 };
	groups[2] = (struct group_total){ .id = 1234567, .name = "a-very-long-comm", .count = 3,
					  .total_ns = 999999 };
	groups[3] = (struct group_total){ .id = 5, .name = "zero", .count = 0 };
	return groups;
}

static const char *groups_out(const struct summary_opts *so, enum group_by by)
{
	ob_init(&ob, -1);
	summary_print_groups(&ob, so, by, fake_groups(), 4);
	return taken();
}

static void test_groups(void)
{
	struct summary_opts so = { 0 };

	/* syscount -P; a key wider than 22 widens the column; controls are not printed raw */
	CHECK_STR(groups_out(&so, BY_PROCESS),
		  "PID    COMM                 COUNT\n"
		  "1      sy\"s,t\\em??d            20\n"
		  "4242   bash                    10\n"
		  "1234567 a-very-long-comm        3\n"
		  "\n");
	so.latency = true;
	CHECK_STR(groups_out(&so, BY_COMM),
		  "COMM                      COUNT        TIME (us)\n"
		  "a-very-long-comm              3          999.999\n"
		  "bash                         10            5.000\n"
		  "sy\"s,t\\em??d                 20            0.001\n"
		  "\n");
	so = (struct summary_opts){ .sort = SORT_NAME };
	fake_groups();
	groups[0].name[0] = 0;	/* no path: the id */
	strcpy(groups[1].name, "/system.slice/ssh.service");
	strcpy(groups[2].name, "/user.slice");
	ob_init(&ob, -1);
	summary_print_groups(&ob, &so, BY_CGROUP, groups, 4);
	CHECK_STR(taken(),
		  "CGROUP                       COUNT\n"
		  "4242                            10\n"
		  "/system.slice/ssh.service       20\n"
		  "/user.slice                      3\n"
		  "\n");
	so = (struct summary_opts){ .sort = SORT_NOTHING, .top = 1 };
	fake_groups();
	strcpy(groups[1].name, "ENOENT");
	ob_init(&ob, -1);
	summary_print_groups(&ob, &so, BY_ERRNO, groups, 4);
	CHECK_STR(taken(), "ERRNO                     COUNT\nENOENT                       20\n\n");
}

static void test_groups_json_csv(void)
{
	struct summary_opts so = { .format = FMT_JSON, .wall = true };

	/* escaped, and valid UTF-8: the stray \377 byte becomes U+FFFD */
	CHECK_STR(groups_out(&so, BY_PROCESS),
		  "{\"groups\":[\n"
		  "{\"id\":1,\"name\":\"sy\\\"s,t\\\\em\\u0001\\ufffdd\",\"calls\":20,\"errors\":0,"
		  "\"seconds\":0.000000001},\n"
		  "{\"id\":4242,\"name\":\"bash\",\"calls\":10,\"errors\":1,"
		  "\"seconds\":0.000005000},\n"
		  "{\"id\":1234567,\"name\":\"a-very-long-comm\",\"calls\":3,\"errors\":0,"
		  "\"seconds\":0.000999999}\n"
		  "],\"total\":{\"calls\":33,\"errors\":1,\"seconds\":0.001005000},"
		  "\"by\":\"process\","
		  "\"clock\":\"wall\",\"failed_only\":false}\n");
	so = (struct summary_opts){ .format = FMT_CSV, .sort = SORT_ERRORS };
	CHECK_STR(groups_out(&so, BY_COMM),
		  "id,name,calls,errors,seconds\n"
		  "4242,bash,10,1,0.000005000\n"
		  "1,\"sy\"\"s,t\\em??d\",20,0,0.000000001\n"
		  "1234567,a-very-long-comm,3,0,0.000999999\n");
	/* valid UTF-8 passes through */
	fake_groups();
	strcpy(groups[1].name, "caf\xc3\xa9\n");
	so.format = FMT_JSON;
	so.top = 1;
	ob_init(&ob, -1);
	summary_print_groups(&ob, &so, BY_COMM, groups, 4);
	CHECK_STR(taken(),
		  "{\"groups\":[\n"
		  "{\"id\":4242,\"name\":\"bash\",\"calls\":10,\"errors\":1,"
		  "\"seconds\":0.000005000}\n"
		  "],\"total\":{\"calls\":33,\"errors\":1,\"seconds\":0.001005000},\"by\":\"comm\","
		  "\"clock\":\"cpu\",\"failed_only\":false}\n");
	so.sort = SORT_CALLS;
	ob_init(&ob, -1);
	summary_print_groups(&ob, &so, BY_COMM, groups, 4);
	CHECK(strstr(taken(), "\"name\":\"caf\xc3\xa9\\n\"") != NULL, "utf-8 kept: %s", taken());
}

static void test_percentile(void)
{
	uint64_t h[SUMMARY_HIST_BUCKETS] = { 0 };

	CHECK(summary_percentile(h, 50) == 0, "empty");
	h[10] = 10;	/* [1024, 2048) */
	CHECK(summary_percentile(h, 0) == 1024, "p0 %llu",
	      (unsigned long long)summary_percentile(h, 0));
	CHECK(summary_percentile(h, 50) == 1536, "p50 %llu",
	      (unsigned long long)summary_percentile(h, 50));
	CHECK(summary_percentile(h, 90) == 1946, "p90 %llu",
	      (unsigned long long)summary_percentile(h, 90));
	CHECK(summary_percentile(h, 100) == 2048, "p100");
	CHECK(summary_percentile(h, 250) == 2048, "clamped high");
	CHECK(summary_percentile(h, -5) == 1024, "clamped low");
	h[0] = 10;	/* [0, 2): half the calls */
	CHECK(summary_percentile(h, 25) == 1, "p25 %llu",
	      (unsigned long long)summary_percentile(h, 25));
	CHECK(summary_percentile(h, 50) == 2, "p50 at the edge %llu",
	      (unsigned long long)summary_percentile(h, 50));
	CHECK(summary_percentile(h, 75) == 1536, "p75");
	memset(h, 0, sizeof(h));
	h[SUMMARY_HIST_BUCKETS - 1] = 1;
	CHECK(summary_percentile(h, 99) == (1ULL << 31) + (uint64_t)((1ULL << 31) * 0.99 + 0.5),
	      "last bucket");
}

/* bpftrace 0.17 prints the same bucket lines for hist() of the same values */
static const char hist_want[] =
	"openat: 4 calls, latency (ns)\n"
	"[0, 2)                 1 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |\n"
	"[2, 4)                 0 |                                                    |\n"
	"[4, 8)                 0 |                                                    |\n"
	"[8, 16)                0 |                                                    |\n"
	"[16, 32)               0 |                                                    |\n"
	"[32, 64)               0 |                                                    |\n"
	"[64, 128)              0 |                                                    |\n"
	"[128, 256)             0 |                                                    |\n"
	"[256, 512)             0 |                                                    |\n"
	"[512, 1K)              0 |                                                    |\n"
	"[1K, 2K)               2 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|\n"
	"[2K, 4K)               1 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |\n"
	"p50=1.54us p90=3.00us p99=3.00us\n"
	"\n"
	"read: 6 calls, latency (ns)\n"
	"[4, 8)                 5 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|\n"
	"[8, 16)                0 |                                                    |\n"
	"[16, 32)               1 |@@@@@@@@@@                                          |\n"
	"p50=6ns p90=16ns p99=16ns\n"
	"\n";

static const char hist_labels_want[] =
	"futex: 3 calls, latency (ns)\n"
	"[512M, 1G)             1 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |\n"
	"[1G, 2G)               0 |                                                    |\n"
	"[2G, 4G)               2 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|\n"
	"p50=2.68s p90=3.97s p99=4.26s\n"
	"\n";

static void test_histograms(void)
{
	struct summary_opts so = { 0 };
	struct sc_total h[3] = {
		/* bpftrace: @w = hist() of 4, 5, 7, 7, 7, 16 */
		{ .nr = NR_read, .count = 6, .total_ns = 46, .min_ns = 4, .max_ns = 16,
		  .hist = { [2] = 5, [4] = 1 } },
		/* @x: two in [1K, 2K), one in [2K, 4K); 0 and 1 share our first bucket */
		{ .nr = NR_openat, .count = 4, .errors = 1, .total_ns = 6100, .max_ns = 3000,
		  .hist = { [0] = 1, [10] = 2, [11] = 1 } },
		{ .nr = NR_write },
	};
	static const char read_json[] =
		"{\"name\":\"read\",\"nr\":%{read},\"calls\":6,\"errors\":0,"
		"\"seconds\":0.000000046,"
		"\"min_seconds\":0.000000004,\"max_seconds\":0.000000016,"
		"\"p50_seconds\":0.000000006,\"p90_seconds\":0.000000016,"
		"\"p99_seconds\":0.000000016,\"buckets\":["
		"{\"low_ns\":4,\"high_ns\":8,\"count\":5},"
		"{\"low_ns\":16,\"high_ns\":32,\"count\":1}]}";
	/* p90 and p99 are kept to the maximum, the minimum is 0 */
	static const char openat_json[] =
		"{\"name\":\"openat\",\"nr\":%{openat},\"calls\":4,\"errors\":1,"
		"\"seconds\":0.000006100,"
		"\"min_seconds\":0.000000000,\"max_seconds\":0.000003000,"
		"\"p50_seconds\":0.000001536,\"p90_seconds\":0.000003000,"
		"\"p99_seconds\":0.000003000,\"buckets\":["
		"{\"low_ns\":0,\"high_ns\":2,\"count\":1},"
		"{\"low_ns\":1024,\"high_ns\":2048,\"count\":2},"
		"{\"low_ns\":2048,\"high_ns\":4096,\"count\":1}]}";
	char first[2048];

	ob_init(&ob, -1);
	summary_print_histograms(&ob, &so, h, 3);
	CHECK_STR(taken(), hist_want);
	/* by number, the first one only: read on x86_64, openat in the generic table */
	so = (struct summary_opts){ .format = FMT_JSON, .sort = SORT_NOTHING, .top = 1 };
	ob_init(&ob, -1);
	summary_print_histograms(&ob, &so, h, 3);
	snprintf(first, sizeof(first),
		 "{\"syscalls\":[\n%s\n"
		 "],\"total\":{\"calls\":10,\"errors\":1,\"seconds\":0.000006146},"
		 "\"clock\":\"cpu\",\"failed_only\":false}\n",
		 !strncmp(order("[read openat]"), "read", 4) ? read_json : openat_json);
	CHECK_STR(taken(), numbered(first));
	so.format = FMT_CSV;
	so.top = 0;
	ob_init(&ob, -1);
	summary_print_histograms(&ob, &so, h, 3);
	CHECK_STR(taken(),
		  want("name,nr,low_ns,high_ns,count\n", "[read openat]",
		       "read,%{read},4,8,5\n"
		       "read,%{read},16,32,1\n"
		       "openat,%{openat},0,2,1\n"
		       "openat,%{openat},1024,2048,2\n"
		       "openat,%{openat},2048,4096,1\n", ""));
}

static void test_hist_labels(void)
{
	struct summary_opts so = { 0 };
	struct sc_total h = { .nr = NR_futex, .count = 3,
			      .hist = { [29] = 1, [31] = 2 } };

	ob_init(&ob, -1);
	summary_print_histograms(&ob, &so, &h, 1);
	CHECK_STR(taken(), hist_labels_want);
}

static const char *subsys_out(const struct summary_opts *so)
{
	ob_init(&ob, -1);
	summary_print_subsystems(&ob, so, fake_rows(), NROWS);
	return taken();
}

static void test_subsystems(void)
{
	struct summary_opts so = { 0 };

	/* by calls by default; the unknown number rolls up as Unknown */
	CHECK_STR(subsys_out(&so),
		  want("SYSCALL        CALLS  SUBSYSTEM\n",
		       "openat mmap read kill " UNKNOWN " [close futex]",
		       "openat            34  Filesystem\n"
		       "mmap              30  Memory Mgmt\n"
		       "read               7  Filesystem\n"
		       "kill               5  Signal\n"
		       "syscall_0x3e7      2  Unknown\n"
		       "close              1  Filesystem\n"
		       "futex              1  Futex\n",
		  "\n"
		  "SUBSYSTEM    CALLS  ERRORS   TIME(s)   %TIME\n"
		  "Filesystem      42      13  0.001814   51.86\n"
		  "Memory Mgmt     30       0  0.001230   35.17\n"
		  "Signal           5       5  0.000450   12.88\n"
		  "Unknown          2       2  0.000003    0.09\n"
		  "Futex            1       0  0.000000    0.00\n"));
	so = (struct summary_opts){ .sort = SORT_ERRORS, .format = FMT_CSV };
	CHECK_STR(subsys_out(&so),
		  "subsystem,calls,errors,seconds,percent\n"
		  "Filesystem,42,13,0.001813500,51.86\n"
		  "Signal,5,5,0.000450500,12.88\n"
		  "Unknown,2,2,0.000003000,0.09\n"
		  "Memory Mgmt,30,0,0.001230000,35.17\n"
		  "Futex,1,0,0.000000000,0.00\n");
	so = (struct summary_opts){ .sort = SORT_NAME, .format = FMT_JSON, .top = 2 };
	CHECK_STR(subsys_out(&so), numbered(
		  "{\"syscalls\":[\n"
		  "{\"name\":\"close\",\"nr\":%{close},\"calls\":1,\"errors\":0,"
		  "\"seconds\":0.000000000,\"subsystem\":\"Filesystem\"},\n"
		  "{\"name\":\"futex\",\"nr\":%{futex},\"calls\":1,\"errors\":0,"
		  "\"seconds\":0.000000000,\"subsystem\":\"Futex\"}\n"
		  "],\"subsystems\":[\n"
		  "{\"subsystem\":\"Filesystem\",\"calls\":42,\"errors\":13,"
		  "\"seconds\":0.001813500,"
		  "\"percent\":51.86},\n"
		  "{\"subsystem\":\"Futex\",\"calls\":1,\"errors\":0,\"seconds\":0.000000000,"
		  "\"percent\":0.00},\n"
		  "{\"subsystem\":\"Memory Mgmt\",\"calls\":30,\"errors\":0,"
		  "\"seconds\":0.001230000,"
		  "\"percent\":35.17},\n"
		  "{\"subsystem\":\"Signal\",\"calls\":5,\"errors\":5,\"seconds\":0.000450500,"
		  "\"percent\":12.88},\n"
		  "{\"subsystem\":\"Unknown\",\"calls\":2,\"errors\":2,\"seconds\":0.000003000,"
		  "\"percent\":0.09}\n"
		  "],\"total\":{\"calls\":80,\"errors\":20,\"seconds\":0.003497000},"
		  "\"clock\":\"cpu\",\"failed_only\":false}\n"));
}

static void test_helpers(void)
{
	enum sort_key k = SORT_TIME;
	char err[128], buf[32];

	CHECK(!summary_check_columns("time,total-time,min-time,max-time,avg-time,calls,errors,name",
				     err, sizeof(err)), "all columns");
	CHECK(!summary_check_columns("syscall_name,time_avg,longest,shortest,count,error", err,
				     sizeof(err)), "aliases");
	CHECK(summary_check_columns("calls,bogus", err, sizeof(err)) == -1, "unknown");
	CHECK_STR(err, "unknown column name: 'bogus'");
	CHECK(summary_check_columns("calls,count", err, sizeof(err)) == -1, "repeated");
	CHECK_STR(err, "repeated column name: 'count'");
	CHECK(summary_check_columns("none", err, sizeof(err)) == -1, "none is no column");

	CHECK(!summary_parse_sort("calls", &k) && k == SORT_CALLS, "calls");
	CHECK(!summary_parse_sort("time-avg", &k) && k == SORT_AVG, "avg");
	CHECK(!summary_parse_sort("syscall", &k) && k == SORT_NAME, "name");
	CHECK(!summary_parse_sort("error", &k) && k == SORT_ERRORS, "errors");
	CHECK(!summary_parse_sort("none", &k) && k == SORT_NOTHING, "nothing");
	CHECK(!summary_parse_sort("total_time", &k) && k == SORT_TIME, "time");
	CHECK(summary_parse_sort("min-time", &k) == -1, "min-time has no key");
	CHECK(summary_parse_sort("bogus", &k) == -1, "bogus");

	CHECK_STR(summary_fmt_ns(0, buf, sizeof(buf)), "0ns");
	CHECK_STR(summary_fmt_ns(999, buf, sizeof(buf)), "999ns");
	CHECK_STR(summary_fmt_ns(1536, buf, sizeof(buf)), "1.54us");
	CHECK_STR(summary_fmt_ns(15360, buf, sizeof(buf)), "15.4us");
	CHECK_STR(summary_fmt_ns(153600, buf, sizeof(buf)), "154us");
	CHECK_STR(summary_fmt_ns(999600, buf, sizeof(buf)), "1.00ms");
	CHECK_STR(summary_fmt_ns(2000000000, buf, sizeof(buf)), "2.00s");
	CHECK_STR(summary_fmt_ns(12345000000000ULL, buf, sizeof(buf)), "12345s");
}

int main(void)
{
	char buf[32];

	syscalls_init();
	NR_read = nr_of("read");
	NR_write = nr_of("write");
	NR_close = nr_of("close");
	NR_mmap = nr_of("mmap");
	NR_getpid = nr_of("getpid");
	NR_kill = nr_of("kill");
	NR_futex = nr_of("futex");
	NR_openat = nr_of("openat");
	CHECK(!sc_by_nr(NR_unknown) && !strcmp(sc_name(NR_unknown, buf, sizeof(buf)), UNKNOWN),
	      "%d is unknown on %s", NR_unknown, SC_ARCH_NAME);
	test_strace_text();
	test_strace_sort();
	test_strace_columns();
	test_strace_widths();
	test_strace_json_csv();
	test_strace_empty();
	test_counts();
	test_groups();
	test_groups_json_csv();
	test_percentile();
	test_histograms();
	test_hist_labels();
	test_subsystems();
	test_helpers();
	return check_done();
}
