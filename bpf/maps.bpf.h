/* SPDX-License-Identifier: GPL-2.0 */
/* BPF-only helpers: per-architecture access to the syscall registers. */
#ifndef BSTRACE_MAPS_BPF_H
#define BSTRACE_MAPS_BPF_H

/*
 * Syscall number and arguments from the pt_regs the raw_syscalls tracepoints pass. At sys_exit
 * the first argument register holds the return value on arm64 and riscv; the kernel keeps the
 * original in orig_x0/orig_a0.
 */
/*
 * SC_NR_EXIT: the number at sys_exit; BSTRACE_NR_MAX or more when the registers were replaced by
 * rt_sigreturn (the caller then takes the number of the pending enter). x86 and arm64 set the
 * number register to -1 there; riscv restores a7 from the signal frame, so the interrupted call's
 * number would show, but sets `cause` to -1 (no syscall restart), which no syscall exit has.
 */
#if defined(__TARGET_ARCH_x86)
#define SC_NR(r)	((r)->orig_ax)
#define SC_NR_EXIT(r)	SC_NR(r)
#define SC_SP(r)	((r)->sp)
#define SC_ARG0(r)	((r)->di)
#define SC_ARG1(r)	((r)->si)
#define SC_ARG2(r)	((r)->dx)
#define SC_ARG3(r)	((r)->r10)
#define SC_ARG4(r)	((r)->r8)
#define SC_ARG5(r)	((r)->r9)
#elif defined(__TARGET_ARCH_arm64)
#define SC_NR(r)	((r)->syscallno)
#define SC_NR_EXIT(r)	SC_NR(r)
#define SC_SP(r)	((r)->sp)
#define SC_ARG0(r)	((r)->orig_x0)
#define SC_ARG1(r)	((r)->regs[1])
#define SC_ARG2(r)	((r)->regs[2])
#define SC_ARG3(r)	((r)->regs[3])
#define SC_ARG4(r)	((r)->regs[4])
#define SC_ARG5(r)	((r)->regs[5])
#elif defined(__TARGET_ARCH_riscv)
#define SC_NR(r)	((r)->a7)
#define SC_NR_EXIT(r)	((r)->cause == ~0ul ? ~0u : (__u32)(r)->a7)
#define SC_SP(r)	((r)->sp)
#define SC_ARG0(r)	((r)->orig_a0)
#define SC_ARG1(r)	((r)->a1)
#define SC_ARG2(r)	((r)->a2)
#define SC_ARG3(r)	((r)->a3)
#define SC_ARG4(r)	((r)->a4)
#define SC_ARG5(r)	((r)->a5)
#else
#error "bstrace: unsupported __TARGET_ARCH"
#endif

static __always_inline void sc_read_args(struct pt_regs *r, __u64 *a)
{
	a[0] = SC_ARG0(r);
	a[1] = SC_ARG1(r);
	a[2] = SC_ARG2(r);
	a[3] = SC_ARG3(r);
	a[4] = SC_ARG4(r);
	a[5] = SC_ARG5(r);
}

#endif /* BSTRACE_MAPS_BPF_H */
