/* SPDX-License-Identifier: GPL-2.0 */
/* -e expressions: trace=, signal=, read=, write=, status=, quiet=, decode-fds=, decode-pids=,
 * raw=, abbrev=, verbose=; errors die with strace's wording. */
#ifndef BSTRACE_FILTER_H
#define BSTRACE_FILTER_H

#include "common.h"

/* applies one -e argument to the settings (trace= is the default qualifier) */
void filter_parse(struct settings *s, const char *expr);
/* frees what filter_parse allocated (the poke_enter=/poke_exit= data) */
void filter_free(struct settings *s);
/* defaults for qualifiers never given (trace=all, signal=all) */
void filter_defaults(struct settings *s);

/* qualifiers that conflict with a short option given as well (-q, -y) */
enum {
	FILTER_GIVEN_QUIET = 1 << 0,		/* -e quiet= */
	FILTER_GIVEN_DECODE_FDS = 1 << 1,	/* -e decode-fds= */
};
unsigned int filter_given(void);

#endif /* BSTRACE_FILTER_H */
