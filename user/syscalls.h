/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The syscall table: every syscall described once, by name (syscalls.def), joined at startup
 * with the generated per-architecture numbers (sysnums/<arch>.h).
 */
#ifndef BSTRACE_SYSCALLS_H
#define BSTRACE_SYSCALLS_H

#include <stdint.h>
#include "common.h"

/* strace's syscall classes (-e trace=%class), plus two of ours */
enum {
	TF = 1 << 0,		/* %file: takes a file name */
	TI = 1 << 1,		/* %ipc */
	TN = 1 << 2,		/* %network */
	TP = 1 << 3,		/* %process */
	TS = 1 << 4,		/* %signal */
	TD = 1 << 5,		/* %desc: takes or returns a file descriptor */
	TM = 1 << 6,		/* %memory */
	TC = 1 << 7,		/* %creds */
	TCL = 1 << 8,		/* %clock */
	TST = 1 << 9,		/* %stat */
	TLST = 1 << 10,		/* %lstat */
	TFST = 1 << 11,		/* %fstat */
	TSTA = 1 << 12,		/* %%stat: any stat variant */
	TSF = 1 << 13,		/* %statfs */
	TFSF = 1 << 14,		/* %fstatfs */
	TSFA = 1 << 15,		/* %%statfs */
	TPU = 1 << 16,		/* %pure: no arguments, always succeeds */
	TB = 1 << 24,		/* may block: an enter record lets the trace show <unfinished ...> */
	TE = 1 << 25,		/* inputs must be read at enter (execve, exit: gone or never returns) */
	TFE = 1 << 26,		/* with -y: fd arguments are described at enter, the call changes
				   what they refer to (close, dup2, bind, connect ...) */
};

/* Linux subsystem a syscall belongs to (the --subsystems view) */
#define SUBSYSTEMS(X)                                   \
	X(SUB_FS, "Filesystem")                         \
	X(SUB_PROC, "Process Mgmt")                     \
	X(SUB_MM, "Memory Mgmt")                        \
	X(SUB_NET, "Network")                           \
	X(SUB_SIGNAL, "Signal")                         \
	X(SUB_TIME, "Time")                             \
	X(SUB_FUTEX, "Futex")                           \
	X(SUB_SCHED, "Scheduler")                       \
	X(SUB_IPC, "IPC")                               \
	X(SUB_CAP, "Capability")                        \
	X(SUB_SEC, "Security")                          \
	X(SUB_AIO, "Async I/O")                         \
	X(SUB_NS, "Namespaces")                         \
	X(SUB_TRACE, "Tracing")                         \
	X(SUB_SYS, "System")
#define X_ENUM(id, name) id,
enum { SUBSYSTEMS(X_ENUM) SUB__COUNT };
#undef X_ENUM
extern const char *const subsystem_names[SUB__COUNT];

/* how the return value prints */
enum {
	R_INT = 0,	/* decimal */
	R_FD,		/* decimal; with -y the fd's path */
	R_HEX,		/* address: 0x7f... (mmap, brk) */
	R_OCT,		/* umask: 022 */
	R_NONE,		/* never returns: = ? */
	R_FCNTL,	/* by the command: 0x1 (flags FD_CLOEXEC) */
	R_PRCTL,	/* by the option: 1 (SUID_DUMP_USER) */
	R_IOCTL,	/* by the request: NS_GET_NSTYPE's 268435456 (CLONE_NEWUSER) */
	/* decoded by the call (ret_printers[], decode_sys.c): the value, then strace's " (...)" */
	R_TIME,		/* time(): 1796312111 (2026-12-03T17:42:38+0000) */
	R_SCHED_POLICY,	/* sched_getscheduler: 0 (SCHED_OTHER) */
	R_IOPRIO,	/* ioprio_get: 16388 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)) */
	R_SIGNUM,	/* rt_sigtimedwait: 10 (SIGUSR1) */
	R_ADJTIMEX,	/* adjtimex, clock_adjtime: 5 (TIME_ERROR) */
	R_PERSONALITY,	/* personality: 0x400000 (PER_LINUX|READ_IMPLIES_EXEC) */
	R_ARCH_PRCTL,	/* ARCH_REQ_XCOMP_PERM: 0x1 (XFEATURE_MASK_FP) */
	R_BPF,		/* bpf: an fd for the commands that make one (-y: its path) */
	R_MODIFY_LDT,	/* an int the kernel returns as unsigned: 4294967258 ENOSYS (...) */
	R_LANDLOCK,	/* landlock_create_ruleset: an fd, the ABI version with ..._VERSION */
	R__COUNT
};

/* where rt_sigreturn finds the mask it restores: the ucontext's uc_sigmask, from the user stack
 * pointer at entry (x86_64: the frame's return address was popped, ucontext at sp; arm64 and
 * riscv: siginfo (128 bytes) first, uc_sigmask 40 bytes into the ucontext) */
#if defined(__x86_64__)
#define SIGFRAME_MASK_SP_OFFSET 296
#else
#define SIGFRAME_MASK_SP_OFFSET 168
#endif

/* struct clone_args's set_tid pointer (set_tid_size after it) */
#define CLONE_ARGS_SET_TID_OFF 64

/* the kernel's struct sigaction (rt_sigaction): handler, flags, restorer, mask; riscv's has no
 * restorer (arch/riscv/include/uapi/asm/signal.h: asm-generic layout, mask at 16) */
#if defined(__riscv)
#define KSA_SIZE 24
#define KSA_MASK_OFF 16
#define KSA_HAS_RESTORER 0
#else
#define KSA_SIZE 32
#define KSA_MASK_OFF 24
#define KSA_HAS_RESTORER 1
#endif

/* argument direction (kinds.def) */
enum { D_NONE = 0, D_IN, D_OUT, D_INOUT, D_LATE };
/* capture size codes (kinds.def) */
#define SZ_PATH (-1)
#define SZ_STR	(-2)
#define SZ_DUMP (-3)
#define SZ_MSGBUF (-4)	/* struct msgbuf: its long mtype, then -s bytes of mtext (16 at least) */
#define SZ_STR64 (-5)	/* SZ_STR, at least 64 bytes: a string or a small struct (keyctl) */
/* length sources (kinds.def) */
enum { L_NONE = 0, L_NEXT, L_RET, L_ARG0, L_PREV, L_ARG1 };

enum arg_kind {
	K_NONE = 0,
#define KIND(name, dir, cap, size, len, elem) K_##name,
#include "kinds.def"
#undef KIND
	K__COUNT
};

/*
 * The C type of a kind's register value (KTYPE rows of kinds.def): print_arg() narrows the
 * 64-bit register to it (arg_narrow) before the kind's printer runs, so printers see the value
 * the kernel sees: an int is sign-extended, an unsigned int or umode_t loses the upper bits.
 * T_LONG, T_ULONG and T_PTR keep the whole register.
 */
enum kind_type { T_NONE = 0, T_INT, T_UINT, T_UMODE, T_LONG, T_ULONG, T_PTR };
extern const uint8_t kind_types[K__COUNT];	/* enum kind_type; T_NONE: not listed */
uint64_t arg_narrow(unsigned int type, uint64_t v);

struct dctx;
typedef void (*arg_printer)(struct dctx *d, int arg);

struct kind_def {
	const char *name;
	uint8_t dir;
	uint8_t cap;
	uint8_t len;
	uint8_t elem;
	int32_t size;
	arg_printer print;	/* NULL: not written yet, printed raw */
};
extern const struct kind_def kinds[K__COUNT];

struct sc_def {
	const char *name;
	uint32_t cls;
	uint8_t sub;
	uint8_t ret;
	uint8_t nargs;
	uint16_t arg[BSTRACE_MAX_ARGS];	/* enum arg_kind: more than 256 of them */
};

/* rows of syscalls.def, sorted by name */
extern const struct sc_def sc_defs[];
extern const size_t sc_ndefs;

/* this architecture's syscalls (sysnums/<arch>.h), then those of its 32-bit tasks, numbered from
 * BSTRACE_COMPAT_BASE (sysnums/i386.h on x86_64, arm.h on aarch64) */
struct sc_num {
	const char *name;
	uint32_t nr;
};
extern const struct sc_num sc_nums[];
extern const size_t sc_nnums;

void syscalls_init(void);
/* the definition of syscall `nr`: NULL when this arch has no such number */
const struct sc_def *sc_by_nr(uint32_t nr);
/* the name of syscall `nr` ("syscall_0x1c3" style for unknown numbers, in buf) */
const char *sc_name(uint32_t nr, char *buf, size_t len);
/* number of the named syscall on this arch, -1 if it has none */
int sc_nr_by_name(const char *name);
/* the same for this arch's 32-bit tasks: BSTRACE_COMPAT_BASE + their number, -1 if none */
int sc_compat_nr_by_name(const char *name);
/* is `nr` a 32-bit task's call? (a number of the 32-bit table: an unknown one at or past
 * BSTRACE_COMPAT_BASE is taken as the 64-bit number it also is) */
bool sc_is_compat(uint32_t nr);
/* what differs in a 32-bit call decoded as a 64-bit one */
enum {
	SCC_TIME64 = 1 << 0,	/* its timespecs are the 64-bit ones (clock_gettime64, *_time64) */
	SCC_PGOFF = 1 << 1,	/* mmap2: the offset counts 4096-byte units */
};
unsigned int sc_compat_flags(uint32_t nr);
/* can argument kind `kind` of 32-bit call `nr` be decoded as the 64-bit one is? (the same bytes:
 * a register value, a string, a byte buffer, a struct of fixed-size fields) */
bool kind_compat_safe(uint32_t nr, unsigned int kind);
/* the def of a named syscall, on any arch */
const struct sc_def *sc_def_by_name(const char *name);
/* syscalls whose class has any of `cls`: sets their bits in `set` */
void sc_select_class(uint8_t *set, uint32_t cls);

#endif /* BSTRACE_SYSCALLS_H */
