// SPDX-License-Identifier: GPL-2.0
/* -e qualifiers. Sets are resolved to syscall numbers here, once; BPF sees only the result. */
#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "decode.h"
#include "filter.h"
#include "syscalls.h"

static bool trace_given, signal_given;

static const struct {
	const char *name;
	uint32_t cls;
} classes[] = {
	{ "file", TF }, { "ipc", TI }, { "network", TN }, { "net", TN }, { "process", TP },
	{ "signal", TS }, { "desc", TD }, { "memory", TM }, { "creds", TC }, { "clock", TCL },
	{ "stat", TST }, { "lstat", TLST }, { "fstat", TFST }, { "%stat", TSTA },
	{ "statfs", TSF }, { "fstatfs", TFSF }, { "%statfs", TSFA }, { "pure", TPU },
};

/* one element of a trace= set: a name, %class or /regex; false if it matches nothing known */
static bool trace_item(uint8_t *set, const char *item)
{
	size_t i;

	if (!strcmp(item, "all")) {
		/* numbers this table does not know too: they print as syscall_0x3e8(...) */
		memset(set, 1, BSTRACE_NR_MAX);
		return true;
	}
	if (!strcmp(item, "none"))
		return true;
	if (!*item)
		return false;
	if (item[0] == '%') {
		for (i = 0; i < ARRAY_SIZE(classes); i++) {
			if (!strcmp(item + 1, classes[i].name)) {
				sc_select_class(set, classes[i].cls);
				return true;
			}
		}
		return false;
	}
	if (item[0] == '/') {
		regex_t re;
		bool any = false;

		if (regcomp(&re, item + 1, REG_EXTENDED | REG_NOSUB))
			die("invalid regular expression '%s' in -e trace", item + 1);
		for (i = 0; i < sc_nnums; i++) {
			if (sc_nums[i].nr < BSTRACE_NR_MAX && !regexec(&re, sc_nums[i].name, 0, NULL, 0)) {
				set[sc_nums[i].nr] = 1;
				any = true;
			}
		}
		regfree(&re);
		return any;
	}
	/* the name in both personalities (a 32-bit task's read is read too); a name only the
	 * 32-bit table has comes after the old class names (i386's ipc and signal syscalls) */
	bool found = false, native = false;

	for (i = 0; i < sc_nnums; i++) {
		if (sc_nums[i].nr < BSTRACE_NR_MAX && !strcmp(sc_nums[i].name, item)) {
			found = true;
			native |= !sc_is_compat(sc_nums[i].nr);
		}
	}
	/* the old class names without '%', which strace still accepts */
	static const char *const legacy[] = { "file", "process", "network", "signal", "ipc",
					      "desc", "memory" };
	for (i = 0; !native && i < ARRAY_SIZE(legacy); i++) {
		if (!strcmp(item, legacy[i])) {
			char pct[16];

			snprintf(pct, sizeof(pct), "%%%s", item);
			return trace_item(set, pct);
		}
	}
	if (found) {
		for (i = 0; i < sc_nnums; i++)
			if (sc_nums[i].nr < BSTRACE_NR_MAX && !strcmp(sc_nums[i].name, item))
				set[sc_nums[i].nr] = 1;
		return true;
	}
	/* a real syscall of another architecture is not an error, it just matches nothing */
	return sc_def_by_name(item) != NULL;
}

/*
 * A syscall set as strace 6.1 parses it: each leading '!' inverts, "all", "none", or a list
 * of names, %classes and /regexes ('?' before one: no error if it matches nothing).
 */
static void parse_syscall_set(uint8_t *set, const char *val)
{
	const char *p = val;
	bool neg = false, any = false;
	char *copy, *tok, *save = NULL;
	unsigned int i;

	memset(set, 0, BSTRACE_NR_MAX);
	for (; *p == '!'; p++)
		neg = !neg;
	copy = strdup(p);
	if (!copy)
		die("out of memory");
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		bool optional = *tok == '?';

		if (optional)
			tok++;
		if (!trace_item(set, tok) && !optional)
			die("invalid system call '%s'", tok);
		any = true;
	}
	free(copy);
	/* "", "!", ",": no element at all */
	if (!any)
		die("invalid system call '%s'", val);
	if (neg)
		for (i = 0; i < BSTRACE_NR_MAX; i++)
			set[i] = !set[i];
}

/* each -e trace= replaces the previous one, as in strace 6.1 */
static void parse_trace(struct settings *s, const char *val)
{
	parse_syscall_set(s->trace, val);
	trace_given = true;
}

static bool set_is(const uint8_t *set, uint8_t v)
{
	unsigned int i;

	for (i = 0; i < BSTRACE_NR_MAX; i++)
		if (set[i] != v)
			return false;
	return true;
}

/* -e raw=SET: those calls print their arguments and return value as hex numbers */
static void parse_raw(struct settings *s, const char *val)
{
	parse_syscall_set(s->raw, val);
	s->any_raw = !set_is(s->raw, 0);
}

/*
 * -e abbrev=SET: all (the default) or none (-v); other sets are parsed, then refused: the
 * decoders have one setting. -e verbose=SET: all by default; for the calls out of the set, the
 * decoders strace makes depend on it (perf_event_open's attr) print the structure's address.
 * The other decoders ignore it, as most of strace's do (its loop ioctls, for one).
 */
static void parse_abbrev(struct settings *s, const char *val, bool verbose)
{
	uint8_t set[BSTRACE_NR_MAX];
	unsigned int i;

	parse_syscall_set(set, val);
	if (verbose) {
		for (i = 0; i < BSTRACE_NR_MAX; i++)
			s->nonverbose[i] = !set[i];
		return;
	}
	if (set_is(set, 1))
		s->verbose = false;
	else if (set_is(set, 0))
		s->verbose = true;
	else
		die("-e abbrev=%s is not supported yet (only abbrev=all, or abbrev=none as -v)",
		    val);
}

struct name_bit {
	const char *name;
	unsigned int bit;
};

/*
 * A set of named bits as strace 6.1's qualify_tokens() parses it: leading '!'s invert, "all",
 * "none", or a list of names. `what` names the qualifier in errors ("invalid quiet 'x'").
 */
static unsigned int parse_name_set(const char *val, const struct name_bit *names, size_t n,
				   unsigned int all, const char *what)
{
	const char *p = val;
	unsigned int set = 0;
	bool neg = false, any = false;
	char *copy, *tok, *save = NULL;
	size_t i;

	for (; *p == '!'; p++)
		neg = !neg;
	if (!strcmp(p, "none"))
		return neg ? all : 0;
	if (!strcmp(p, "all"))
		return neg ? 0 : all;
	copy = strdup(p);
	if (!copy)
		die("out of memory");
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		for (i = 0; i < n && strcmp(tok, names[i].name); i++)
			;
		if (i == n)
			die("invalid %s '%s'", what, tok);
		set |= names[i].bit;
		any = true;
	}
	free(copy);
	if (!any)
		die("invalid %s '%s'", what, val);
	return neg ? all & ~set : set;
}

static const struct name_bit quiet_names[] = {
	{ "attach", QUIET_ATTACH }, { "exit", QUIET_EXIT }, { "exits", QUIET_EXIT },
	{ "path-resolution", QUIET_PATH_RESOLUTION }, { "personality", QUIET_PERSONALITY },
	{ "superseded", QUIET_THREAD_EXECVE }, { "thread-execve", QUIET_THREAD_EXECVE },
};

static const struct name_bit status_names[] = {
	{ "successful", STATUS_SUCCESSFUL }, { "failed", STATUS_FAILED },
	{ "unfinished", STATUS_UNFINISHED }, { "unavailable", STATUS_UNAVAILABLE },
	{ "detached", STATUS_DETACHED },
};

static const struct name_bit decode_fd_names[] = {
	{ "path", DF_PATH }, { "socket", DF_SOCKET }, { "dev", DF_DEV }, { "pidfd", DF_PIDFD },
};

static const struct name_bit decode_pid_names[] = {
	{ "comm", DP_COMM }, { "pidns", DP_PIDNS },
};

static unsigned int given;	/* FILTER_GIVEN_* */

unsigned int filter_given(void)
{
	return given;
}

static int signal_by_name(const char *n)
{
	char buf[16];
	int sig;

	if (!strncasecmp(n, "SIG", 3))
		n += 3;
	for (sig = 1; sig <= 64; sig++)
		if (!strcasecmp(signal_name(sig, buf, sizeof(buf)) + 3, n))
			return sig;
	return -1;
}

/*
 * A set of small numbers (signals 1..64, descriptors 0..1023) in a bitmap: "all", "none",
 * numbers, and names through `by_name`; a leading '!' negates. `what`/`where` word errors.
 */
static void parse_number_set(const char *val, uint8_t *set, unsigned int lo, unsigned int hi,
			     int (*by_name)(const char *), const char *what, const char *where)
{
	const char *p = val;
	bool neg = false, any = false;
	char *copy, *tok, *save = NULL;
	unsigned int i;

	for (; *p == '!'; p++)
		neg = !neg;
	memset(set, 0, (hi + 8) / 8);
	copy = strdup(p);
	if (!copy)
		die("out of memory");
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		any = true;
		char *end;
		long n = strtol(tok, &end, 10);

		if (!strcmp(tok, "all"))
			for (i = lo; i <= hi; i++)
				bit_set(set, i);
		else if (!strcmp(tok, "none"))
			;
		else if (*tok && !*end && n >= lo && n <= hi)
			bit_set(set, n);
		else if (by_name && (n = by_name(tok)) > 0)
			bit_set(set, n);
		else
			die("invalid %s '%s'%s", what, tok, where);
	}
	free(copy);
	/* "", "!", ",": strace's "invalid signal ''" */
	if (!any)
		die("invalid %s '%s'%s", what, val, where);
	if (neg)
		for (i = lo; i <= hi; i++)
			set[i / 8] ^= 1u << (i % 8);
}

static void parse_signals(struct settings *s, const char *val)
{
	uint8_t set[72 / 8];
	int sig;

	parse_number_set(val, set, 1, 64, signal_by_name, "signal", "");
	s->signals = 0;
	for (sig = 1; sig <= 64; sig++)
		if (bit_test(set, sig))
			s->signals |= 1ull << (sig - 1);
	signal_given = true;
}

static void parse_fds(struct settings *s, uint8_t *fds, const char *val, const char *what)
{
	char where[32];

	snprintf(where, sizeof(where), " in -e %s", what);
	parse_number_set(val, fds, 0, BSTRACE_FDSET_MAX - 1, NULL, "descriptor", where);
	s->any_dump = true;
}

/* -e errno=ENOENT (counting modes): only calls failing with it */
static void parse_errno(struct settings *s, const char *val)
{
	char *end;
	long n = strtol(val, &end, 10);
	int e;

	if (*val && !*end && n > 0 && n < 4096) {
		s->errno_filter = n;
		return;
	}
	for (e = 1; e < 4096; e++) {
		const char *name = errno_name(e);

		if (name && !strcmp(name, val)) {
			s->errno_filter = e;
			return;
		}
	}
	die("invalid errno '%s' in -e errno", val);
}

/* a number in 1..max with nothing after it but one of `stop` (strace's string_to_uint_ex) */
static long when_num(const char *p, char **end, long max, const char *stop)
{
	long n;

	if (*p < '0' || *p > '9')
		return -1;
	n = strtol(p, end, 10);
	if (n < 1 || n > max || (**end && !strchr(stop, **end)))
		return -1;
	return n;
}

/* when=F, F+, F+S, F..L, F..L+S (strace 6.1: F..L is F..L+1, F alone is F..inf+0) */
static bool parse_when(struct inject_rule *r, const char *v)
{
	char *end;
	long n = when_num(v, &end, 0xffff, "+.");

	if (n < 0)
		return false;
	r->first = n;
	r->last = 0xffff;
	if (*end == '.') {
		if (end[1] != '.')
			return false;
		n = when_num(end + 2, &end, 0xffff, "+");
		if (n < r->first || n == 0xffff)
			return false;
		r->last = n;
	}
	if (*end) {
		if (end[1]) {
			n = when_num(end + 1, &end, 0xffff, "");
			if (n < 0)
				return false;
			r->step = n;
		} else {
			r->step = 1;
		}
	} else {
		r->step = r->last == 0xffff ? 0 : 1;
	}
	return true;
}

/* delay_enter=/delay_exit=: microseconds, or a number with s, ms, us or ns */
static bool parse_delay(uint64_t *us, const char *v)
{
	char *end;
	double d = strtod(v, &end);

	if (end == v || d < 0 || *us)
		return false;
	if (!strcmp(end, "s"))
		d *= 1e6;
	else if (!strcmp(end, "ms"))
		d *= 1e3;
	else if (!strcmp(end, "ns"))
		d /= 1e3;
	else if (*end && strcmp(end, "us"))
		return false;
	if (d > 1e12)
		return false;
	*us = d < 1 && d > 0 ? 1 : (uint64_t)d;
	return *us != 0 || d == 0;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * poke_enter=/poke_exit=: "@argN=HEX[,@argM=HEX...]", N 1..7 once each, HEX an even number of
 * hex digits for 1..INJECT_POKE_MAX bytes (strace 6.1's bounds; it takes empty items between
 * commas too). Only one of each per expression.
 */
static bool parse_poke(struct inject_poke *p, const char *v)
{
	const char *item = v, *hex, *end;
	unsigned int i, k, len;

	if (p->n)
		return false;
	while (*item) {
		if (*item == ',') {
			item++;
			continue;
		}
		end = strchr(item, ',');
		if (!end)
			end = item + strlen(item);
		if (strncmp(item, "@arg", 4) || item[4] < '1' ||
		    item[4] > '0' + INJECT_POKE_ARGS || item[5] != '=')
			return false;
		hex = item + 6;
		len = (end - hex) / 2;
		if ((end - hex) % 2 || len < 1 || len > INJECT_POKE_MAX || p->n == INJECT_POKE_ARGS)
			return false;
		for (i = 0; i < p->n; i++)
			if (p->arg[i] == item[4] - '1')
				return false;
		p->data[p->n] = malloc(len);
		if (!p->data[p->n])
			die("out of memory");
		for (k = 0; k < len; k++) {
			int hi = hex_digit(hex[2 * k]), lo = hex_digit(hex[2 * k + 1]);

			if (hi < 0 || lo < 0)
				return false;
			p->data[p->n][k] = hi << 4 | lo;
		}
		p->arg[p->n] = item[4] - '1';
		p->len[p->n++] = len;
		item = end;
	}
	return p->n > 0;
}

static bool inject_token(struct inject_rule *r, const char *tok, bool fault, bool *action)
{
	const char *v;
	char *end;

	if (!strncmp(tok, "when=", 5))
		return parse_when(r, tok + 5);
	if (!strncmp(tok, "error=", 6)) {
		long e;

		if (r->answer)
			return false;
		v = tok + 6;
		e = strtol(v, &end, 10);
		if (!(*v >= '0' && *v <= '9' && !*end && e >= 1 && e <= 4095)) {
			for (e = 1; e < 4096; e++)
				if (errno_name(e) && !strcasecmp(errno_name(e), v))
					break;
			if (e == 4096)
				return false;
		}
		r->answer = true;
		r->ret = -e;
		*action = true;
		return true;
	}
	if (fault)
		return false;
	if (!strncmp(tok, "retval=", 7)) {
		unsigned long long u;

		v = tok + 7;
		if (r->answer || !*v)
			return false;
		errno = 0;
		u = strtoull(v, &end, 0);
		if (*end || errno)
			return false;
		if ((long long)u < 0 && (long long)u >= -4095)
			warnx_("Inadvertent injection of error %lld is possible for retval=%llu",
			       -(long long)u, u);
		r->answer = true;
		r->ret = (int64_t)u;
		*action = true;
		return true;
	}
	if (!strncmp(tok, "signal=", 7)) {
		int sig;

		v = tok + 7;
		sig = strtol(v, &end, 10);
		if (!(*v >= '0' && *v <= '9' && !*end))
			sig = signal_by_name(v);
		if (r->sig || sig < 1 || sig > 64)
			return false;
		r->sig = sig;
		*action = true;
		return true;
	}
	if (!strncmp(tok, "delay_enter=", 12))
		return (*action = parse_delay(&r->delay_enter_us, tok + 12));
	if (!strncmp(tok, "delay_exit=", 11))
		return (*action = parse_delay(&r->delay_exit_us, tok + 11));
	if (!strncmp(tok, "poke_enter=", 11))
		return (*action = parse_poke(&r->poke_enter, tok + 11));
	if (!strncmp(tok, "poke_exit=", 10))
		return (*action = parse_poke(&r->poke_exit, tok + 10));
	if (!strncmp(tok, "syscall=", 8))
		die("-e inject=...:syscall= is not supported (the notifier answers or lets a call "
		    "run, it does not replace it)");
	return false;
}

/*
 * -e inject=SET:TOKENS / -e fault=SET:TOKENS, as strace 6.1 parses them; each syscall of SET
 * takes the last expression naming it. Applied by the seccomp notifier (inject.c).
 */
static void parse_inject(struct settings *s, const char *val, bool fault)
{
	const char *what = fault ? "fault argument" : "inject argument";
	struct inject_rule r = { .first = 1, .last = 0xffff, .step = 1 };
	uint8_t set[BSTRACE_NR_MAX];
	char *copy, *tok, *save = NULL, *name;
	bool action = false;
	unsigned int i;

	if (!*val || *val == ':')
		die("invalid %s '%s'", what, val);
	copy = strdup(val);
	if (!copy)
		die("out of memory");
	name = strtok_r(copy, ":", &save);
	for (tok = strtok_r(NULL, ":", &save); tok; tok = strtok_r(NULL, ":", &save))
		if (!inject_token(&r, tok, fault, &action))
			die("invalid %s '%s'", what, val);
	if (!action) {
		if (!fault)
			die("invalid %s '%s'", what, val);
		r.answer = true;
		r.ret = -ENOSYS;
	}
	if (r.delay_exit_us && !r.answer)
		die("-e inject=%s: delay_exit= needs error= or retval= (a call that runs is let "
		    "through by the seccomp notifier, which does not see its end)", val);
	if (s->ninject == BSTRACE_MAX_INJECT)
		die("too many -e inject=/fault= expressions (at most %d)", BSTRACE_MAX_INJECT);
	parse_syscall_set(set, name);
	free(copy);
	s->inject_rules[s->ninject++] = r;
	/* 64-bit calls only: the seccomp filter lets a 32-bit task's calls through (inject.c) */
	for (i = 0; i < BSTRACE_NR_MAX; i++)
		if (set[i] && !sc_is_compat(i))
			s->inject[i] = s->ninject;
}

void filter_free(struct settings *s)
{
	int i, k;

	for (i = 0; i < s->ninject; i++)
		for (k = 0; k < INJECT_POKE_ARGS; k++) {
			free(s->inject_rules[i].poke_enter.data[k]);
			free(s->inject_rules[i].poke_exit.data[k]);
		}
}

static bool key_is(const char *expr, size_t klen, const char *name)
{
	return klen == strlen(name) && !strncmp(expr, name, klen);
}

void filter_parse(struct settings *s, const char *expr)
{
	const char *eq = strchr(expr, '=');
	size_t klen = eq ? (size_t)(eq - expr) : 0;
	const char *val = eq ? eq + 1 : expr;

	syscalls_init();
	if (!eq || key_is(expr, klen, "trace") || key_is(expr, klen, "t"))
		parse_trace(s, val);
	else if (key_is(expr, klen, "signal") || key_is(expr, klen, "signals") ||
		 key_is(expr, klen, "s"))
		parse_signals(s, val);
	else if (key_is(expr, klen, "read") || key_is(expr, klen, "reads") ||
		 key_is(expr, klen, "r"))
		parse_fds(s, s->dump_read, val, "read");
	else if (key_is(expr, klen, "write") || key_is(expr, klen, "writes") ||
		 key_is(expr, klen, "w"))
		parse_fds(s, s->dump_write, val, "write");
	else if (key_is(expr, klen, "errno"))
		parse_errno(s, val);
	else if (key_is(expr, klen, "quiet") || key_is(expr, klen, "silent") ||
		 key_is(expr, klen, "silence") || key_is(expr, klen, "q")) {
		s->quiet = parse_name_set(val, quiet_names, ARRAY_SIZE(quiet_names), QUIET_ALL,
					  "quiet");
		given |= FILTER_GIVEN_QUIET;
	} else if (key_is(expr, klen, "status")) {
		s->hide_status = STATUS_ALL & ~parse_name_set(val, status_names,
							      ARRAY_SIZE(status_names),
							      STATUS_ALL, "status");
	} else if (key_is(expr, klen, "decode-fds") || key_is(expr, klen, "decode-fd")) {
		s->decode_fds = parse_name_set(val, decode_fd_names, ARRAY_SIZE(decode_fd_names),
					       DF_ALL, "decode-fds");
		given |= FILTER_GIVEN_DECODE_FDS;
	} else if (key_is(expr, klen, "decode-pids") || key_is(expr, klen, "decode-pid")) {
		s->decode_pids = parse_name_set(val, decode_pid_names,
						ARRAY_SIZE(decode_pid_names), DP_COMM | DP_PIDNS,
						"decode-pids");
		if (s->decode_pids & DP_PIDNS)
			die("-e decode-pids=pidns (--pidns-translation) is not supported yet: "
			    "bstrace prints the pids of its own pid namespace");
	} else if (key_is(expr, klen, "raw") || key_is(expr, klen, "x"))
		parse_raw(s, val);
	else if (key_is(expr, klen, "abbrev") || key_is(expr, klen, "a"))
		parse_abbrev(s, val, false);
	else if (key_is(expr, klen, "verbose") || key_is(expr, klen, "v"))
		parse_abbrev(s, val, true);
	else if (key_is(expr, klen, "inject"))
		parse_inject(s, val, false);
	else if (key_is(expr, klen, "fault"))
		parse_inject(s, val, true);
	else if (key_is(expr, klen, "kvm") || key_is(expr, klen, "secontext"))
		die("-e %.*s= is not supported", (int)klen, expr);
	else
		die("invalid filter qualifier '%.*s' in -e %s", (int)klen, expr, expr);
}

void filter_defaults(struct settings *s)
{
	syscalls_init();
	if (!trace_given)
		trace_item(s->trace, "all");
	if (!signal_given)
		s->signals = ~0ull;
}
