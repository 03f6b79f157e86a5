/* SPDX-License-Identifier: GPL-2.0 */
/*
 * --perfetto FILE: the trace as a timeline in Chrome's JSON trace-event format, which the
 * Perfetto UI (ui.perfetto.dev) and chrome://tracing open. trace.c hands over what it prints:
 * one complete slice ("X") per call on its thread's track, instants for signals, exits and lost
 * records, flows from a fork's call to the child's first call and from an execve to the new
 * program's first call.
 */
#ifndef BSTRACE_PERFETTO_H
#define BSTRACE_PERFETTO_H

#include <stdint.h>
#include "common.h"

struct perfetto;
struct dctx;

struct perfetto *perfetto_open(const char *path, const struct settings *s);
/* a call from `start` to `end` (0: it never returned, it ends with its task's exit) */
void perfetto_call(struct perfetto *p, const struct dctx *d, uint64_t start, uint64_t end);
void perfetto_signal(struct perfetto *p, const struct sc_event_hdr *h);
/* before the call a dying task is inside, if any, is handed over */
void perfetto_exit(struct perfetto *p, const struct sc_event_hdr *h);
void perfetto_fork(struct perfetto *p, const struct sc_event_hdr *h);
void perfetto_exec(struct perfetto *p, const struct sc_event_hdr *h);
/* a marker where records were lost, at the time of the last event */
void perfetto_lost(struct perfetto *p, uint64_t calls, uint64_t recs);
/* ends the JSON document and closes the file */
void perfetto_close(struct perfetto *p);

#endif /* BSTRACE_PERFETTO_H */
