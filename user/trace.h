/* SPDX-License-Identifier: GPL-2.0 */
/* Turning the event stream into strace-format text. */
#ifndef BSTRACE_TRACE_H
#define BSTRACE_TRACE_H

#include <stddef.h>
#include <stdint.h>
#include "common.h"

struct tracer;

struct tracer *tracer_new(const struct settings *s, int out_fd);
/* libbpf ring_buffer callback: one record */
int tracer_event(void *ctx, void *data, size_t len);
/* a marker in the trace: `calls` lost calls among `recs` lost records */
void tracer_lost(struct tracer *t, uint64_t calls, uint64_t recs);
/* a task we launched or attached to: counts it as traced */
void tracer_add_task(struct tracer *t, uint32_t tgid);
/* number of traced tasks still alive, as far as the events tell */
int tracer_alive(const struct tracer *t);
/* forgets tasks that are gone (their exit may have been lost); returns those alive */
int tracer_prune_dead(struct tracer *t);
void tracer_flush(struct tracer *t);
/* flushes, then writes to `fd` from now on (the caller closes the old one): SIGHUP */
void tracer_reopen(struct tracer *t, int fd);
/* Write errors drop lines (counted) instead of exiting; returns lines dropped so far and the
 * errno of the last failed write (0: the last write went through). */
void tracer_set_lossy(struct tracer *t);
uint64_t tracer_write_lost(const struct tracer *t, int *err);
/* --replay: wall-clock time of the recording machine (CLOCK_REALTIME - CLOCK_BOOTTIME) */
void tracer_set_clock(struct tracer *t, uint64_t boot_to_real_ns);
/* end of tracing: closes any open line, flushes and frees */
void tracer_free(struct tracer *t);

#endif /* BSTRACE_TRACE_H */
