/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Lossless tracing of a launched command: it runs in a cgroup v2 child that bstrace creates,
 * and that cgroup is frozen while the ring buffer is fuller than a high-water mark, until the
 * consumer has drained it below a low-water mark.
 */
#ifndef BSTRACE_BACKPRESSURE_H
#define BSTRACE_BACKPRESSURE_H

#include <stdint.h>
#include <sys/types.h>

struct bp;

/*
 * The smallest ring that lossless mode uses. The guard's reaction (kernel wakeup to frozen
 * cgroup) is typically 30-150 us but has tails of several ms on a busy or virtual machine;
 * four processes on two CPUs write ~0.9 KB/us (two records per call of ~110 bytes), and the
 * largest overshoot past the high mark measured here was ~500 KB. The 3/4 of the ring above
 * the mark are for that.
 */
#define BP_MIN_RING	(4u << 20)

/* the ring for lossless mode, and its high-water mark: the kernel side wakes the consumer past
 * it and the guard pauses the command (3/4 of the ring above it hold what comes meanwhile) */
static inline uint64_t bp_ring_for(uint64_t ring_bytes)
{
	return ring_bytes < BP_MIN_RING ? BP_MIN_RING : ring_bytes;
}

static inline uint64_t bp_high_for(uint64_t ring_bytes)
{
	return bp_ring_for(ring_bytes) / 4;
}

struct bp_stats {
	uint64_t pauses;	/* freezes */
	uint64_t paused_ns;	/* time frozen, all pauses */
	uint64_t max_react_ns;	/* longest wakeup-to-frozen reaction */
	uint64_t peak_bytes;	/* largest backlog seen by the guard */
};

/*
 * Creates the cgroup next to bstrace's own, and the janitor that thaws and removes it should
 * bstrace die. NULL with `why` filled when not possible (no cgroup2, no cgroup.freeze, no right
 * to create one).
 */
struct bp *bp_open(uint64_t ring_bytes, char *why, size_t why_len);
/* the cgroup's directory, for clone3(CLONE_INTO_CGROUP) */
int bp_cgroup_fd(const struct bp *b);
pid_t bp_janitor(const struct bp *b);	/* its process, -1 without one */
/* moves a process (the launched command, before its exec) into the cgroup */
int bp_add(struct bp *b, pid_t pid);
/* SIGKILL to every process in the cgroup (the output's reader is gone) */
int bp_kill(struct bp *b);
/*
 * Starts the guard thread that freezes past the high mark. `ring_fd`: the ring buffer map;
 * `thaw_ns` (BPF global): CLOCK_MONOTONIC time of the last thaw, for the kernel side to tell
 * a call restarted after a pause from one interrupted by a signal; `cross_ns` (BPF global):
 * when the backlog passed the high mark (reactions are timed from it). 0 or -errno.
 */
int bp_start(struct bp *b, int ring_fd, volatile uint64_t *thaw_ns, volatile uint64_t *cross_ns);
/* after consuming records: thaws once the backlog is below the low mark */
void bp_check(struct bp *b);
/* thaws, moves what is left back to bstrace's cgroup, removes the cgroup */
void bp_close(struct bp *b, struct bp_stats *st);

#endif /* BSTRACE_BACKPRESSURE_H */
