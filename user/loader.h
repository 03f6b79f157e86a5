/* SPDX-License-Identifier: GPL-2.0 */
/* BPF lifecycle: open -> configure -> load -> plan -> attach -> poll -> one cleanup path. */
#ifndef BSTRACE_LOADER_H
#define BSTRACE_LOADER_H

#include <stdint.h>
#include "common.h"

struct loader;
typedef int (*loader_event_fn)(void *ctx, void *data, size_t len);

typedef void (*loader_chunk_fn)(void *ctx);

/* Loads and attaches everything; dies with a one-line reason on failure. */
struct loader *loader_open(const struct settings *s, loader_event_fn fn, void *ctx);
/* the same, with lossless tracing: `bp_high` is the backlog that pauses the tracee (0: off) */
struct loader *loader_open_bp(const struct settings *s, loader_event_fn fn, void *ctx,
			      uint64_t bp_high);
/* adds a process to the target set; ntasks: how many of its threads are traced */
void loader_add_target(struct loader *l, uint32_t tgid, uint32_t only_tid, uint32_t flags,
		       int ntasks);
/*
 * Waits up to timeout_ms for records and hands them to the callback in chunks, calling the
 * chunk hook after each; returns 1 when it stopped at its budget with records left, 0 when
 * the ring is empty, or a negative error.
 */
int loader_poll(struct loader *l, int timeout_ms);
/* everything left in the ring (end the producers first: loader_detach) */
void loader_drain(struct loader *l);
void loader_on_chunk(struct loader *l, loader_chunk_fn fn, void *ctx);
/* no task is traced from now on (the programs stay attached) */
void loader_detach(struct loader *l);
int loader_ring_fd(struct loader *l);
/* -e inject=: the `injects` map (struct inject_mark by tid) */
int loader_inject_fd(struct loader *l);
/* the BPF globals of lossless mode (backpressure.h) */
void loader_bp_globals(struct loader *l, volatile uint64_t **thaw_ns, volatile uint64_t **cross_ns);
/* losses not yet marked in the ring (no record came after them); resets them */
void loader_lost_pending(struct loader *l, uint64_t *calls, uint64_t *recs);
/* records lost so far (all CPUs) */
uint64_t loader_drops(struct loader *l);
/* one counter of the drops map (DROP_TOTAL, DROP_RATE, a syscall number), all CPUs */
uint64_t loader_drop_count(struct loader *l, uint32_t idx);
void loader_close(struct loader *l);

/* bstraced's flight recorder: bytes of one ring, and taking (copy + delete) one process's */
size_t loader_flight_size(const struct settings *s);
int loader_flight_take(struct loader *l, uint32_t tgid, void *ring, size_t size);
/* rows the groups map can hold */
uint32_t loader_groups_max(struct loader *l);

/* counting modes: one syscall's row summed over the CPUs */
int loader_read_stats(struct loader *l, uint32_t nr, struct sc_stats *sum);
/* counting modes: every --by row, summed over the CPUs */
typedef void (*loader_group_fn)(void *ctx, const struct group_key *k, const struct group_val *v);
int loader_read_groups(struct loader *l, loader_group_fn fn, void *ctx);

#endif /* BSTRACE_LOADER_H */
