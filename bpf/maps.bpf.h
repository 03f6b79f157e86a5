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
#define SC_IP(r)	((r)->ip)
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
#define SC_IP(r)	((r)->pc)
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
#define SC_IP(r)	((r)->epc)
#define SC_ARG0(r)	((r)->orig_a0)
#define SC_ARG1(r)	((r)->a1)
#define SC_ARG2(r)	((r)->a2)
#define SC_ARG3(r)	((r)->a3)
#define SC_ARG4(r)	((r)->a4)
#define SC_ARG5(r)	((r)->a5)
#else
#error "bstrace: unsupported __TARGET_ARCH"
#endif

/*
 * Is the current call a 32-bit one? x86: TS_COMPAT in thread_info.status, which the kernel sets
 * at the entry of an ia32 call (int 0x80 from a 64-bit program too) and clears on the return to
 * user mode, and which an exec of a 32-bit program sets for its own exit. arm64: the saved PSTATE
 * is AArch32 user mode (PSR_MODE32_BIT, EL0t), as compat_user_mode() tests. riscv: no compat.
 */
#define X86_TS_COMPAT		0x0002
#define ARM64_PSR_MODE32_EL0	0x10	/* PSR_MODE32_BIT | PSR_MODE_EL0t, under mask 0x1f */

/* the current task's user registers: what a syscall tracepoint passes, as a BTF pointer (a raw
 * tracepoint gives it as a plain number) */
static __always_inline struct pt_regs *user_regs(void)
{
	return (struct pt_regs *)bpf_task_pt_regs(bpf_get_current_task_btf());
}

static __always_inline bool sc_compat(struct pt_regs *r)
{
#if defined(__TARGET_ARCH_x86)
	struct task_struct *t = bpf_get_current_task_btf();

	return t->thread_info.status & X86_TS_COMPAT;
#elif defined(__TARGET_ARCH_arm64)
	return (r->pstate & 0x1f) == ARM64_PSR_MODE32_EL0;
#else
	return false;
#endif
}

/* a 32-bit call's index (BSTRACE_COMPAT_BASE + its number), BSTRACE_NR_MAX when none fits */
static __always_inline __u32 sc_compat_nr(__u32 nr)
{
	return nr < BSTRACE_COMPAT_BASE ? nr + BSTRACE_COMPAT_BASE : BSTRACE_NR_MAX;
}

/* a 32-bit call's arguments: i386 passes them in ebx, ecx, edx, esi, edi, ebp; AArch32 in r0-r5 */
static __always_inline void sc_read_args_compat(struct pt_regs *r, __u64 *a)
{
#if defined(__TARGET_ARCH_x86)
	a[0] = (__u32)r->bx;
	a[1] = (__u32)r->cx;
	a[2] = (__u32)r->dx;
	a[3] = (__u32)r->si;
	a[4] = (__u32)r->di;
	a[5] = (__u32)r->bp;
#else
	a[0] = (__u32)SC_ARG0(r);
	a[1] = (__u32)SC_ARG1(r);
	a[2] = (__u32)SC_ARG2(r);
	a[3] = (__u32)SC_ARG3(r);
	a[4] = (__u32)SC_ARG4(r);
	a[5] = (__u32)SC_ARG5(r);
#endif
}

/*
 * The arguments of call `nr` (an index: BSTRACE_COMPAT_BASE and up for a 32-bit call; a 64-bit
 * number there is no syscall of any arch here, but a program may still make it: its registers
 * are the 64-bit ones)
 */
static __always_inline void sc_read_args(struct pt_regs *r, __u64 *a, __u32 nr)
{
	if (nr >= BSTRACE_COMPAT_BASE && sc_compat(r)) {
		sc_read_args_compat(r, a);
		return;
	}
	a[0] = SC_ARG0(r);
	a[1] = SC_ARG1(r);
	a[2] = SC_ARG2(r);
	a[3] = SC_ARG3(r);
	a[4] = SC_ARG4(r);
	a[5] = SC_ARG5(r);
}

#endif /* BSTRACE_MAPS_BPF_H */
