/* SPDX-License-Identifier: GPL-2.0 */
/* A tiny assertion helper for the unit tests: counts, reports, sets the exit status. */
#ifndef BSTRACE_CHECK_H
#define BSTRACE_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failed, check_passed;

#define CHECK(cond, ...)                                                     \
	do {                                                                 \
		if (cond) {                                                  \
			check_passed++;                                      \
		} else {                                                     \
			check_failed++;                                      \
			fprintf(stderr, "%s:%d: FAIL: ", __FILE__, __LINE__); \
			fprintf(stderr, __VA_ARGS__);                        \
			fputc('\n', stderr);                                 \
		}                                                            \
	} while (0)

#define CHECK_STR(got, want)                                                        \
	CHECK(!strcmp((got), (want)), "got <%s>, want <%s>", (got), (want))

static inline int check_done(void)
{
	printf("%d passed, %d failed\n", check_passed, check_failed);
	return check_failed ? 1 : 0;
}

#endif
