/* SPDX-License-Identifier: GPL-2.0 */
/* -e expressions: trace=, signal=, read=, write=; errors die with strace's wording. */
#ifndef BSTRACE_FILTER_H
#define BSTRACE_FILTER_H

#include "common.h"

/* applies one -e argument to the settings (trace= is the default qualifier) */
void filter_parse(struct settings *s, const char *expr);
/* defaults for qualifiers never given (trace=all, signal=all) */
void filter_defaults(struct settings *s);

#endif /* BSTRACE_FILTER_H */
