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

static bool traced(const struct settings *s, const char *name)
{
	int nr = sc_nr_by_name(name);

	return nr >= 0 && s->trace[nr];
}

int main(void)
{
	struct settings *s;

	syscalls_init();
	s = fresh(NULL);
	CHECK(traced(s, "read") && traced(s, "openat"), "default traces everything");
	CHECK(s->signals == ~0ull, "default shows every signal");

	s = fresh("trace=%file");
	CHECK(traced(s, "openat") && traced(s, "execve") && traced(s, "stat"), "%%file members");
	CHECK(!traced(s, "read") && !traced(s, "close"), "%%file excludes read/close");

	s = fresh("trace=!read,write");
	CHECK(!traced(s, "read") && !traced(s, "write") && traced(s, "openat"), "negation");

	s = fresh("openat,close");
	CHECK(traced(s, "openat") && traced(s, "close") && !traced(s, "read"), "bare list");

	s = fresh("trace=/^open");
	CHECK(traced(s, "open") && traced(s, "openat") && traced(s, "openat2") &&
	      !traced(s, "close"), "regex");

	s = fresh("trace=%%stat");
	CHECK(traced(s, "newfstatat") && traced(s, "fstat") && traced(s, "statx") &&
	      !traced(s, "statfs"), "%%%%stat");

	s = fresh("trace=%network");
	CHECK(traced(s, "socket") && traced(s, "connect") && !traced(s, "read"), "%%network");

	s = fresh("trace=process");
	CHECK(traced(s, "execve") && traced(s, "wait4") && traced(s, "clone"), "legacy class");

	s = fresh("trace=none");
	CHECK(!traced(s, "read") && !traced(s, "execve"), "none");

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
