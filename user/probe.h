/* SPDX-License-Identifier: GPL-2.0 */
/* Kernel requirements, checked before the BPF programs are loaded. */
#ifndef BSTRACE_PROBE_H
#define BSTRACE_PROBE_H

#include <stdbool.h>

/* one requirement: what is checked, the kernel that first has it */
struct kfeature {
	const char *name;	/* short name (BSTRACE_PROBE_FAKE_MISSING uses it) */
	const char *what;	/* what a user reads in the error */
	const char *since;	/* first Linux version with it */
};

/* BSTRACE_MIN_KERNEL: the newest `since` of the table */
#define BSTRACE_MIN_KERNEL "5.17"

/*
 * Returns the first requirement this kernel lacks, or NULL. `full`: every probe (after a failed
 * load); else only the cheap ones (BTF, JIT: a file each), run before every load. A probe that
 * cannot tell (no privilege to create a map, say) counts as present: the load reports the real
 * reason. BSTRACE_PROBE_FAKE_MISSING=NAME[,NAME] makes those probes fail (the tests use it).
 */
const struct kfeature *probe_kernel(bool full);
/* the message for a missing requirement: one line, no trailing newline */
void probe_explain(const struct kfeature *f, char *buf, int len);
/* may this process load tracing programs (CAP_SYS_ADMIN, or CAP_BPF + CAP_PERFMON)? Without
 * that, every probe fails as if the feature were missing: ask this first */
bool probe_privileged(void);
bool probe_in_child_userns(void);
/* the JIT requirement alone: false when /proc/sys/net/core/bpf_jit_enable says 0 */
bool probe_jit_on(void);

#endif /* BSTRACE_PROBE_H */
