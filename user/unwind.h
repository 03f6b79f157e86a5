/* SPDX-License-Identifier: GPL-2.0 */
/* -k: the user-space stack of a traced call, unwound with libdw from an EV_STACK record. */
#ifndef BSTRACE_UNWIND_H
#define BSTRACE_UNWIND_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include "bstrace.h"

struct unwinder;

/* was this bstrace built with libdw (-k)? */
bool unwind_supported(void);
/* opens the mapping side-band (user/umaps.c): before the command execs; NULL: built without
 * libdw. `debug`: say on stderr how mappings are learnt */
struct unwinder *unwinder_new(bool debug);
/* keep the mappings of this process (the launched command; -p: `running`, read them now) */
void unwinder_track(struct unwinder *u, pid_t tgid, bool running);
/*
 * The frames of one EV_STACK record as strace -k prints them, innermost first: lines of
 * " > FILE(SYMBOL+0xOFF) [0xFILEOFF]", each ending in '\n', control bytes of paths and
 * names escaped. Written to *buf (grown as needed, the caller frees it); returns the length.
 */
size_t unwind_format(struct unwinder *u, const struct stack_rec *r, size_t len, char **buf,
		     size_t *cap);
/* the process exited and its lines are printed */
void unwinder_forget(struct unwinder *u, pid_t tgid);
void unwinder_free(struct unwinder *u);

#endif /* BSTRACE_UNWIND_H */
