// SPDX-License-Identifier: GPL-2.0
/*
 * Floor probe for the "bstrace attached to an unrelated pid" cost: the least a syscall tracer
 * built on tp_btf/sys_enter and tp_btf/sys_exit can cost a task it does not trace.  The loader
 * (floor.c) loads only the programs named on its command line.
 *
 *   enter_empty    tp_btf/sys_enter, returns at once: the price of one attached hook
 *   exit_empty     tp_btf/sys_exit, returns at once (with enter_empty: two hooks)
 *   exit_filter    tp_btf/sys_exit doing what bstrace's filtered-out path does: the current
 *                  tgid, then one byte load from a 64K-slot global array (bstrace's
 *                  maybe_target[]), not set for the task: return
 *   enter_filter   tp_btf/sys_enter doing what bstrace's enter does first: one byte load from a
 *                  per-syscall global array (bstrace's enter_wanted[]), not set: return
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "GPL";

#define SLOTS 65536
#define NR_MAX 1024

__u8 maybe_target[SLOTS] = {};
__u8 enter_wanted[NR_MAX] = {};

SEC("tp_btf/sys_enter")
int BPF_PROG(enter_empty, struct pt_regs *regs, long id)
{
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(exit_empty, struct pt_regs *regs, long ret)
{
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(exit_filter, struct pt_regs *regs, long ret)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;

	if (!maybe_target[tgid & (SLOTS - 1)])
		return 0;
	/* never reached for the benchmark's tasks: nothing is ever set */
	return 1;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(enter_filter, struct pt_regs *regs, long id)
{
	if ((__u64)id >= NR_MAX || !enter_wanted[id & (NR_MAX - 1)])
		return 0;
	return 1;
}
