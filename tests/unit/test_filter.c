// SPDX-License-Identifier: GPL-2.0
/* -e trace=/signal=/read= parsing: sets resolved to syscall numbers and masks. */
#include <stdlib.h>
#include "check.h"
#include "filter.h"
#include "syscalls.h"

void die(const char *fmt, ...)
{
	fprintf(stderr, "die: %s\n", fmt);
	exit(2);
}

void warnx_(const char *fmt, ...)
{
}

static struct settings *fresh(const char *expr)
{
	static struct settings s;

	memset(&s, 0, sizeof(s));
	if (expr)
		filter_parse(&s, expr);
	filter_defaults(&s);
	return &s;
}

/* Syscall numbers come from this architecture's table (sysnums/<arch>.h): a name the arch
 * does not have is neither traced nor untraced, so a check naming it fails either way. */
static bool traced(const struct settings *s, const char *name)
{
	int nr = sc_nr_by_name(name);

	return nr >= 0 && s->trace[nr];
}

static bool untraced(const struct settings *s, const char *name)
{
	int nr = sc_nr_by_name(name);

	return nr >= 0 && !s->trace[nr];
}

/* traced, when this arch has the syscall at all (open, stat: x86_64 only) */
static bool traced_if_any(const struct settings *s, const char *name)
{
	return sc_nr_by_name(name) < 0 || traced(s, name);
}

/* every syscall of this arch's table is traced exactly when `want` says so; the first one
 * that is not is reported. `n` counts those wanted. */
static const char *mismatch(const struct settings *s, bool (*want)(const char *name,
								   const struct sc_def *d),
			    size_t *n)
{
	size_t i;

	*n = 0;
	for (i = 0; i < sc_nnums; i++) {
		const char *name = sc_nums[i].name;
		bool w = want(name, sc_by_nr(sc_nums[i].nr));

		*n += w;
		if (w != !!s->trace[sc_nums[i].nr])
			return name;
	}
	return NULL;
}

static bool in_file_class(const char *name, const struct sc_def *d)
{
	return d && (d->cls & TF);
}

static bool starts_with_open(const char *name, const struct sc_def *d)
{
	return !strncmp(name, "open", 4);
}

int main(void)
{
	struct settings *s;
	const char *bad;
	size_t n;

	syscalls_init();
	s = fresh(NULL);
	CHECK(traced(s, "read") && traced(s, "openat"), "default traces everything");
	CHECK(s->signals == ~0ull, "default shows every signal");

	s = fresh("trace=%file");
	CHECK(traced(s, "openat") && traced(s, "execve") && traced(s, "newfstatat") &&
	      traced(s, "unlinkat") && traced_if_any(s, "stat") && traced_if_any(s, "open"),
	      "%%file members");
	CHECK(untraced(s, "read") && untraced(s, "close"), "%%file excludes read/close");
	bad = mismatch(s, in_file_class, &n);
	CHECK(!bad && n > 10, "%%file is the table's TF rows on %s: %s (%zu)", SC_ARCH_NAME,
	      bad ? bad : "-", n);

	s = fresh("trace=!read,write");
	CHECK(untraced(s, "read") && untraced(s, "write") && traced(s, "openat"), "negation");

	s = fresh("openat,close");
	CHECK(traced(s, "openat") && traced(s, "close") && untraced(s, "read"), "bare list");

	s = fresh("trace=/^open");
	CHECK(traced_if_any(s, "open") && traced(s, "openat") && traced(s, "openat2") &&
	      traced(s, "open_by_handle_at") && untraced(s, "close") && untraced(s, "fsopen"),
	      "regex");
	bad = mismatch(s, starts_with_open, &n);
	CHECK(!bad && n >= 3, "regex matches exactly the names starting with open: %s (%zu)",
	      bad ? bad : "-", n);

	s = fresh("trace=%%stat");
	CHECK(traced(s, "newfstatat") && traced(s, "fstat") && traced(s, "statx") &&
	      traced_if_any(s, "stat") && traced_if_any(s, "lstat") && untraced(s, "statfs"),
	      "%%%%stat");

	s = fresh("trace=%network");
	CHECK(traced(s, "socket") && traced(s, "connect") && untraced(s, "read"), "%%network");

	s = fresh("trace=process");
	CHECK(traced(s, "execve") && traced(s, "wait4") && traced(s, "clone"), "legacy class");

	s = fresh("trace=none");
	CHECK(untraced(s, "read") && untraced(s, "execve"), "none");

	s = fresh("signal=SIGINT,usr1,9");
	CHECK(s->signals == ((1ull << 1) | (1ull << 9) | (1ull << 8)), "signal set %llx",
	      (unsigned long long)s->signals);
	s = fresh("signal=!SIGCHLD");
	CHECK(!(s->signals & (1ull << 16)) && (s->signals & 1), "negated signal set");

	s = fresh("read=3,5");
	CHECK(bit_test(s->dump_read, 3) && bit_test(s->dump_read, 5) &&
	      !bit_test(s->dump_read, 4) && s->any_dump, "read= fds");
	return check_done();
}
