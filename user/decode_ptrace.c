// SPDX-License-Identifier: GPL-2.0
/*
 * ptrace(2), as strace 6.1 prints it. What addr and data mean depends on the request: the
 * BPF side copies 16 bytes at addr (PTRACE_PEEKSIGINFO's arguments) at entry, and 512 bytes
 * at data at entry and after a successful call, with the buffer an iovec at data describes
 * (PTRACE_GETREGSET/SETREGSET) as the data argument's second blob. The printers pick what
 * the request reads or writes: a siginfo, a signal mask, registers, struct
 * ptrace_syscall_info, ...
 */
#include <stdio.h>
#include <linux/audit.h>
#include "decode.h"
#include "xlat/nt_descriptor_types.h"
#include "xlat/ptrace_cmds.h"
#include "xlat/ptrace_peeksiginfo_flags.h"
#include "xlat/ptrace_setoptions_flags.h"
#include "xlat/ptrace_syscall_info_ops.h"
#include "xlat/seccomp_filter_flags.h"
#include "xlat/st_audit_arch.h"

/* the architecture's own requests (asm/ptrace-abi.h) */
static const struct xlat_entry ptrace_arch_cmds_e[] = {
#if defined(__x86_64__)
	{ 12, "PTRACE_GETREGS" },
	{ 13, "PTRACE_SETREGS" },
	{ 14, "PTRACE_GETFPREGS" },
	{ 15, "PTRACE_SETFPREGS" },
	{ 18, "PTRACE_GETFPXREGS" },
	{ 19, "PTRACE_SETFPXREGS" },
	{ 21, "PTRACE_OLDSETOPTIONS" },
	{ 25, "PTRACE_GET_THREAD_AREA" },
	{ 26, "PTRACE_SET_THREAD_AREA" },
	{ 30, "PTRACE_ARCH_PRCTL" },
	{ 31, "PTRACE_SYSEMU" },
	{ 32, "PTRACE_SYSEMU_SINGLESTEP" },
	{ 33, "PTRACE_SINGLEBLOCK" },
#elif defined(__aarch64__)
	{ 33, "PTRACE_PEEKMTETAGS" },
	{ 34, "PTRACE_POKEMTETAGS" },
#endif
	{ ~0ull, NULL },
};
static const struct xlat ptrace_arch_cmds = {
	ptrace_arch_cmds_e, sizeof(ptrace_arch_cmds_e) / sizeof(ptrace_arch_cmds_e[0]) - 1
};

enum {
	PT_TRACEME = 0, PT_PEEKTEXT = 1, PT_PEEKDATA = 2, PT_PEEKUSER = 3, PT_POKETEXT = 4,
	PT_POKEDATA = 5, PT_POKEUSER = 6, PT_CONT = 7, PT_KILL = 8, PT_SINGLESTEP = 9,
	PT_ATTACH = 16, PT_DETACH = 17, PT_SYSCALL = 24,
	PT_SETOPTIONS = 0x4200, PT_GETEVENTMSG, PT_GETSIGINFO, PT_SETSIGINFO, PT_GETREGSET,
	PT_SETREGSET, PT_SEIZE, PT_INTERRUPT, PT_LISTEN, PT_PEEKSIGINFO, PT_GETSIGMASK,
	PT_SETSIGMASK, PT_SECCOMP_GET_FILTER, PT_SECCOMP_GET_METADATA, PT_GET_SYSCALL_INFO,
};
#if defined(__x86_64__)
enum {
	PT_GETREGS = 12, PT_SETREGS = 13, PT_GETFPREGS = 14, PT_SETFPREGS = 15,
	PT_OLDSETOPTIONS = 21, PT_SYSEMU = 31, PT_SYSEMU_SINGLESTEP = 32, PT_SINGLEBLOCK = 33,
};
#define USER_REGS_SIZE		216	/* struct user_regs_struct */
#define USER_FPREGS_SIZE	512	/* struct user_fpregs_struct */
#endif

#define SIGINFO_BYTES	128	/* a siginfo_t in PTRACE_PEEKSIGINFO's array */
#define SIGINFO_PRINTED	48	/* the part of it the siginfo printer reads */
#define PTRACE_SIGSET	8	/* the kernel's sigset_t */

static uint64_t req(const struct dctx *d)
{
	return d->args[0];
}

/* requests that take a signal to deliver as data */
static bool req_resumes(uint64_t r)
{
	switch (r) {
	case PT_CONT: case PT_DETACH: case PT_SYSCALL: case PT_SINGLESTEP:
#if defined(__x86_64__)
	case PT_SYSEMU: case PT_SYSEMU_SINGLESTEP: case PT_SINGLEBLOCK:
#endif
		return true;
	}
	return false;
}

/* requests that use neither addr nor data (strace prints the pid only) */
static bool req_pid_only(uint64_t r)
{
	return r == PT_ATTACH || r == PT_KILL || r == PT_INTERRUPT || r == PT_LISTEN;
}

/* requests with a register block at data and no addr */
static size_t req_regs_size(uint64_t r)
{
#if defined(__x86_64__)
	switch (r) {
	case PT_GETREGS: case PT_SETREGS: return USER_REGS_SIZE;
	case PT_GETFPREGS: case PT_SETFPREGS: return USER_FPREGS_SIZE;
	}
#endif
	(void)r;
	return 0;
}

void print_PTRACE_REQ(struct dctx *d, int arg)
{
	uint64_t r = d->args[arg];
	const char *n = xlat_name(&xlat_ptrace_cmds, r);

	if (!n)
		n = xlat_name(&ptrace_arch_cmds, r);
	xlat_print_const(d->o, r, XF_HEX, n, "PTRACE_???");
}

void print_PTRACE_PID(struct dctx *d, int arg)
{
	if (req(d) == PT_TRACEME) {
		d->omit = true;
		return;
	}
	ob_dec(d->o, (int32_t)d->args[arg]);
}

/* ---- addr ---- */

#if defined(__x86_64__)
/* struct user (sys/user.h): the registers by their index, then its other members */
static const char *const user_regs_names[] = {
	"R15", "R14", "R13", "R12", "RBP", "RBX", "R11", "R10", "R9", "R8", "RAX", "RCX", "RDX",
	"RSI", "RDI", "ORIG_RAX", "RIP", "CS", "EFL", "RSP", "SS",
};
static const struct {
	uint16_t off;
	const char *name;
} user_members[] = {
	{ 216, "u_fpvalid" }, { 224, "i387" }, { 736, "u_tsize" }, { 744, "u_dsize" },
	{ 752, "u_ssize" }, { 760, "start_code" }, { 768, "start_stack" }, { 776, "signal" },
	{ 784, "reserved" }, { 792, "u_ar0" }, { 800, "u_fpstate" }, { 808, "magic" },
	{ 816, "u_comm" }, { 848, "u_debugreg" },
};
#define USER_SIZE	912

/* PTRACE_PEEKUSER/POKEUSER's offset into struct user: 8*RAX, offsetof(struct user, i387)+4 */
static void print_user_offset(struct outbuf *o, uint64_t off)
{
	size_t i, nregs = ARRAY_SIZE(user_regs_names);
	uint64_t base;

	if (xlat_style == XLAT_RAW || off > USER_SIZE) {
		ob_hex(o, off);
		return;
	}
	if (xlat_style == XLAT_VERBOSE) {
		ob_hex(o, off);
		ob_puts(o, " /* ");
	}
	if (off == USER_SIZE) {
		ob_puts(o, "sizeof(struct user)");
	} else if (off < user_members[0].off) {
		i = off / 8 < nregs ? off / 8 : nregs - 1;
		base = i * 8;
		ob_printf(o, "8*%s", user_regs_names[i]);
		if (off != base)
			ob_printf(o, "+%llu", (unsigned long long)(off - base));
	} else {
		for (i = ARRAY_SIZE(user_members) - 1; user_members[i].off > off; i--)
			;
		ob_printf(o, "offsetof(struct user, %s)", user_members[i].name);
		if (off != user_members[i].off)
			ob_printf(o, "+%llu", (unsigned long long)(off - user_members[i].off));
	}
	if (xlat_style == XLAT_VERBOSE)
		ob_puts(o, " */");
}
#endif

/* struct ptrace_peeksiginfo_args {__u64 off; __u32 flags; __s32 nr;} */
static void print_peeksiginfo_args(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, 16);

	if (!p)
		return;
	ob_printf(d->o, "{off=%llu, flags=", (unsigned long long)rd_u64(p));
	xlat_print_flags(d->o, &xlat_ptrace_peeksiginfo_flags, rd_u32(p + 8),
			 "PTRACE_PEEKSIGINFO_???");
	ob_printf(d->o, ", nr=%u}", rd_u32(p + 12));
}

void print_PTRACE_ADDR(struct dctx *d, int arg)
{
	uint64_t r = req(d), a = d->args[arg];

	if (r == PT_TRACEME || req_pid_only(r) || req_regs_size(r)) {
		d->omit = true;
		return;
	}
	switch (r) {
#if defined(__x86_64__)
	case PT_PEEKUSER:
	case PT_POKEUSER:
		print_user_offset(d->o, a);
		return;
#endif
	case PT_GETREGSET:
	case PT_SETREGSET:
		xlat_print_val(d->o, &xlat_nt_descriptor_types, (uint32_t)a, "NT_???");
		return;
	case PT_PEEKSIGINFO:
		print_peeksiginfo_args(d, arg);
		return;
	case PT_GETSIGMASK:
	case PT_SETSIGMASK:
	case PT_SECCOMP_GET_FILTER:
	case PT_SECCOMP_GET_METADATA:
	case PT_GET_SYSCALL_INFO:
		/* a size or an index */
		ob_udec(d->o, a);
		return;
	}
	ob_ptr(d->o, a);
}

/* ---- data: register sets ---- */

struct reg_field {
	const char *name;
	uint16_t off;
	uint8_t size;	/* bytes of a field, of an element for an array */
	uint8_t count;	/* array elements, 0: a scalar */
};

#define RF(n, o) { #n, o, 8, 0 }
#if defined(__x86_64__)
/* struct user_regs_struct, struct user_fpregs_struct (sys/user.h) */
static const struct reg_field prstatus_fields[] = {
	RF(r15, 0), RF(r14, 8), RF(r13, 16), RF(r12, 24), RF(rbp, 32), RF(rbx, 40), RF(r11, 48),
	RF(r10, 56), RF(r9, 64), RF(r8, 72), RF(rax, 80), RF(rcx, 88), RF(rdx, 96), RF(rsi, 104),
	RF(rdi, 112), RF(orig_rax, 120), RF(rip, 128), RF(cs, 136), RF(eflags, 144),
	RF(rsp, 152), RF(ss, 160), RF(fs_base, 168), RF(gs_base, 176), RF(ds, 184), RF(es, 192),
	RF(fs, 200), RF(gs, 208),
};
#define PRSTATUS_SIZE	USER_REGS_SIZE
static const struct reg_field fpregset_fields[] = {
	{ "cwd", 0, 2, 0 }, { "swd", 2, 2, 0 }, { "ftw", 4, 2, 0 }, { "fop", 6, 2, 0 },
	{ "rip", 8, 8, 0 }, { "rdp", 16, 8, 0 }, { "mxcsr", 24, 4, 0 }, { "mxcr_mask", 28, 4, 0 },
	{ "st_space", 32, 4, 32 }, { "xmm_space", 160, 4, 64 }, { "padding", 416, 4, 24 },
};
#define FPREGSET_SIZE	USER_FPREGS_SIZE
#elif defined(__aarch64__)
/* struct user_pt_regs (asm/ptrace.h) */
static const struct reg_field prstatus_fields[] = {
	{ "regs", 0, 8, 31 }, RF(sp, 248), RF(pc, 256), RF(pstate, 264),
};
#define PRSTATUS_SIZE	272
#elif defined(__riscv)
/* struct user_regs_struct (asm/ptrace.h) */
static const struct reg_field prstatus_fields[] = {
	RF(pc, 0), RF(ra, 8), RF(sp, 16), RF(gp, 24), RF(tp, 32), RF(t0, 40), RF(t1, 48),
	RF(t2, 56), RF(s0, 64), RF(s1, 72), RF(a0, 80), RF(a1, 88), RF(a2, 96), RF(a3, 104),
	RF(a4, 112), RF(a5, 120), RF(a6, 128), RF(a7, 136), RF(s2, 144), RF(s3, 152),
	RF(s4, 160), RF(s5, 168), RF(s6, 176), RF(s7, 184), RF(s8, 192), RF(s9, 200),
	RF(s10, 208), RF(s11, 216), RF(t3, 224), RF(t4, 232), RF(t5, 240), RF(t6, 248),
};
#define PRSTATUS_SIZE	256
#endif
#undef RF

static uint64_t rd_field(const uint8_t *p, unsigned int size)
{
	switch (size) {
	case 2: return rd_u16(p);
	case 4: return rd_u32(p);
	}
	return rd_u64(p);
}

/*
 * A register block of which `size` bytes were read or written: the members that fit whole
 * (an array's elements that begin inside), ", ..." for bytes past its end.
 */
static void print_reg_fields(struct dctx *d, const struct reg_field *f, size_t n,
			     size_t struct_size, const uint8_t *p, size_t size)
{
	struct outbuf *o = d->o;
	size_t i, j, lim = d->s->strsize;

	ob_putc(o, '{');
	for (i = 0; i < n; i++) {
		if (!f[i].count) {
			if (size < (size_t)f[i].off + f[i].size)
				break;
			if (i)
				ob_puts(o, ", ");
			ob_printf(o, "%s=", f[i].name);
			ob_hex(o, rd_field(p + f[i].off, f[i].size));
			continue;
		}
		if (size <= f[i].off)
			break;
		ob_printf(o, "%s%s=[", i ? ", " : "", f[i].name);
		for (j = 0; j < f[i].count && f[i].off + j * f[i].size < size; j++) {
			if (j)
				ob_puts(o, ", ");
			if (j >= lim && !d->s->verbose) {
				ob_puts(o, "...");
				break;
			}
			ob_hex(o, rd_field(p + f[i].off + j * f[i].size, f[i].size));
		}
		ob_putc(o, ']');
	}
	if (size > struct_size)
		ob_puts(o, ", ...");
	ob_putc(o, '}');
}

/*
 * The registers of regset `nt` (NT_PRSTATUS, NT_FPREGSET) in `size` bytes at `addr`, of which
 * `p` holds `have`; the address for another regset, a size that is no whole number of words,
 * or memory that could not be read.
 */
static void print_regset(struct dctx *d, uint32_t nt, uint64_t addr, const uint8_t *p,
			 size_t have, uint64_t size)
{
	const struct reg_field *f = NULL;
	size_t n = 0, ssize = 0;

#ifdef PRSTATUS_SIZE
	if (nt == 1) {
		f = prstatus_fields;
		n = ARRAY_SIZE(prstatus_fields);
		ssize = PRSTATUS_SIZE;
	}
#endif
#ifdef FPREGSET_SIZE
	if (nt == 2) {
		f = fpregset_fields;
		n = ARRAY_SIZE(fpregset_fields);
		ssize = FPREGSET_SIZE;
	}
#endif
	if (f && size && !(size % 8) && p && have >= (size < ssize ? size : ssize)) {
		print_reg_fields(d, f, n, ssize, p, size);
		return;
	}
	ob_ptr(d->o, addr);
}

/* the buffer the iovec at data described (blob sub 1), at entry or after the call */
static const uint8_t *iov_buf(const struct dctx *d, int arg, bool exit, size_t *have)
{
	const struct sc_blob *b = d_blob(d, arg, 1, exit);

	if (!b || (b->flags & BLOBF_FAULT))
		return NULL;
	*have = b->len;
	return blob_data(b);
}

/* the iovec itself, as it was at entry or after the call; NULL when it was not copied */
static const uint8_t *iov_at(const struct dctx *d, int arg, bool exit)
{
	const struct sc_event_hdr *h = exit ? d->ev_exit : d->ev_enter;
	const struct sc_blob *b = NULL;

	if (!h)
		return NULL;
	while ((b = blob_next(h, b)))
		if (b->arg == arg && b->sub == 0 && !(b->flags & BLOBF_FD) && b->len >= 16)
			return blob_data(b);
	return NULL;
}

/* PTRACE_GETREGSET/SETREGSET: {iov_base={r15=...}, iov_len=224 => 216} */
static void print_regset_iov(struct dctx *d, int arg, bool get)
{
	const uint8_t *in = d_struct_prefix(d, arg, false, 16), *out = NULL, *buf = NULL;
	uint64_t base, len;
	size_t have = 0;
	bool ok = d->exited && !d->failed;

	if (!in)
		return;
	base = rd_u64(in);
	len = rd_u64(in + 8);
	if (ok)
		out = iov_at(d, arg, true);
	ob_puts(d->o, "{iov_base=");
	if (!get) {
		buf = iov_buf(d, arg, false, &have);
		print_regset(d, (uint32_t)d->args[2], base, buf, have, len);
	} else if (out) {
		buf = iov_buf(d, arg, true, &have);
		print_regset(d, (uint32_t)d->args[2], rd_u64(out), buf, have, rd_u64(out + 8));
	} else {
		ob_ptr(d->o, base);
	}
	ob_printf(d->o, ", iov_len=%llu", (unsigned long long)len);
	if (out && rd_u64(out + 8) != len)
		ob_printf(d->o, " => %llu", (unsigned long long)rd_u64(out + 8));
	ob_putc(d->o, '}');
}

#if defined(__x86_64__)
/* PTRACE_GETREGS/SETREGS, GETFPREGS/SETFPREGS: the whole block */
static void print_regs_block(struct dctx *d, int arg, bool exit)
{
	uint64_t r = req(d);
	size_t size = req_regs_size(r);
	const uint8_t *p = d_struct_prefix(d, arg, exit, size);

	/* the same layouts as regsets NT_PRSTATUS and NT_FPREGSET */
	if (p)
		print_regset(d, r == PT_GETREGS || r == PT_SETREGS ? 1 : 2, d->args[arg], p, size,
			     size);
}
#endif

/* ---- data: struct ptrace_syscall_info ---- */

#if defined(__x86_64__)
#define NATIVE_ARCH	AUDIT_ARCH_X86_64
#define COMPAT_ARCH	AUDIT_ARCH_I386
#elif defined(__aarch64__)
#define NATIVE_ARCH	AUDIT_ARCH_AARCH64
#define COMPAT_ARCH	AUDIT_ARCH_ARM
#elif defined(__riscv)
#define NATIVE_ARCH	AUDIT_ARCH_RISCV64
#endif

/* a syscall number of architecture `arch`: __NR_chdir, or the number */
static void print_sc_nr(struct outbuf *o, uint64_t nr, uint32_t arch)
{
	char buf[48], name[64];
	const char *n = NULL;
	uint64_t idx = BSTRACE_NR_MAX;

	if (arch == NATIVE_ARCH && nr < BSTRACE_COMPAT_BASE)
		idx = nr;
#ifdef COMPAT_ARCH
	else if (arch == COMPAT_ARCH && nr < BSTRACE_NR_MAX - BSTRACE_COMPAT_BASE)
		idx = BSTRACE_COMPAT_BASE + nr;
#endif
	if (idx < BSTRACE_NR_MAX) {
		n = sc_name(idx, buf, sizeof(buf));
		if (n == buf) {
			n = NULL;
		} else {
			snprintf(name, sizeof(name), "__NR_%s", n);
			n = name;
		}
	}
	xlat_print_const(o, nr, XF_UDEC, n, NULL);
}

/* entry={nr=__NR_chdir, args=[...]} or seccomp's, of which `size` bytes were written */
static void print_si_call(struct outbuf *o, const uint8_t *p, size_t size, uint32_t arch,
			  bool seccomp)
{
	unsigned int i;

	ob_puts(o, seccomp ? ", seccomp={nr=" : ", entry={nr=");
	print_sc_nr(o, rd_u64(p + 24), arch);
	for (i = 0; i < 6 && size >= 32 + 8 * (i + 1); i++) {
		ob_puts(o, i ? ", " : ", args=[");
		ob_hex(o, rd_u64(p + 32 + 8 * i));
	}
	if (i)
		ob_putc(o, ']');
	if (seccomp && size >= 84)
		ob_printf(o, ", ret_data=%u", rd_u32(p + 80));
	ob_putc(o, '}');
}

static void print_si_exit(struct outbuf *o, const uint8_t *p, size_t size)
{
	int64_t rval = rd_s64(p + 24);
	const char *e = NULL;
	char name[40];

	ob_puts(o, ", exit={rval=");
	if (size >= 33 && p[32] && rval < 0 && rval >= -4095 && errno_name(-rval)) {
		snprintf(name, sizeof(name), "-%s", errno_name(-rval));
		e = name;
	}
	xlat_print_const(o, rval, XF_DEC, e, NULL);
	if (size >= 33)
		ob_printf(o, ", is_error=%u", p[32]);
	ob_putc(o, '}');
}

static void print_syscall_info(struct dctx *d, int arg)
{
	const struct sc_blob *b;
	const uint8_t *p;
	uint64_t size = d->args[2];
	uint32_t arch;

	if (!d->exited || d->failed) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	/* what the kernel wrote: the smaller of the buffer's size and the struct's */
	if ((uint64_t)d->ret < size)
		size = d->ret;
	b = d_blob(d, arg, 0, true);
	if (!size || !b || !d->args[arg] || b->len < size ||
	    ((b->flags & BLOBF_FAULT) && !(b->flags & BLOBF_PART))) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	p = blob_data(b);
	arch = size >= 8 ? rd_u32(p + 4) : 0;
	ob_puts(d->o, "{op=");
	xlat_print_val(d->o, &xlat_ptrace_syscall_info_ops, p[0], "PTRACE_SYSCALL_INFO_???");
	if (size >= 8) {
		ob_puts(d->o, ", arch=");
		xlat_print_val(d->o, &xlat_st_audit_arch, arch, "AUDIT_ARCH_???");
	}
	if (size >= 16)
		ob_printf(d->o, ", instruction_pointer=%#llx", (unsigned long long)rd_u64(p + 8));
	if (size >= 24)
		ob_printf(d->o, ", stack_pointer=%#llx", (unsigned long long)rd_u64(p + 16));
	if (size >= 32) {
		switch (p[0]) {
		case 1:
			print_si_call(d->o, p, size, arch, false);
			break;
		case 2:
			print_si_exit(d->o, p, size);
			break;
		case 3:
			print_si_call(d->o, p, size, arch, true);
			break;
		}
	}
	ob_putc(d->o, '}');
}

/* ---- data: the rest ---- */

static void print_siginfo_elem(struct dctx *d, const uint8_t *p)
{
	print_siginfo_d(d, p);
}

/* PTRACE_PEEKSIGINFO: the `ret` siginfos read (those the copy holds) */
static void print_peeked_siginfo(struct dctx *d, int arg)
{
	if (!d->exited || d->failed || d->ret < 0) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	print_array(d, arg, true, d->ret, SIGINFO_BYTES, print_siginfo_elem);
}

static void print_siginfo_at(struct dctx *d, int arg, bool exit)
{
	const uint8_t *p = d_struct_prefix(d, arg, exit, SIGINFO_PRINTED);

	if (p)
		print_siginfo_d(d, p);
}

static void print_sigmask(struct dctx *d, int arg, bool exit)
{
	const uint8_t *p;

	if (d->args[2] != PTRACE_SIGSET) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	p = d_struct_prefix(d, arg, exit, PTRACE_SIGSET);
	if (p)
		print_sigset(d->o, p, PTRACE_SIGSET);
}

/* struct seccomp_metadata {__u64 filter_off; __u64 flags;}: the offset in, the flags out */
static void print_seccomp_metadata(struct dctx *d, int arg)
{
	const uint8_t *p, *out;
	uint64_t size = d->args[2];

	if (size < 8) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	p = d_struct_prefix(d, arg, false, 8);
	if (!p)
		return;
	ob_printf(d->o, "{filter_off=%llu", (unsigned long long)rd_u64(p));
	if (d->exited && !d->failed && d->ret >= 16 && size >= 16) {
		const struct sc_blob *b = d_blob(d, arg, 0, true);

		out = b && b->len >= 16 ? blob_data(b) : NULL;
		if (out) {
			ob_puts(d->o, ", flags=");
			xlat_print_flags(d->o, &xlat_seccomp_filter_flags, rd_u64(out + 8),
					 "SECCOMP_FILTER_FLAG_???");
		}
	}
	ob_putc(d->o, '}');
}

/* [value] of a word the call stored at data (PEEK*, GETEVENTMSG) */
static void print_word_out(struct dctx *d, int arg, bool ptr)
{
	const uint8_t *p = d_struct_prefix(d, arg, true, 8);

	if (!p)
		return;
	ob_putc(d->o, '[');
	if (ptr)
		ob_ptr(d->o, rd_u64(p));
	else
		ob_udec(d->o, rd_u64(p));
	ob_putc(d->o, ']');
}

void print_PTRACE_DATA(struct dctx *d, int arg)
{
	uint64_t r = req(d), v = d->args[arg];

	if (d->phase == DP_SUFFIX)
		return;
	if (r == PT_TRACEME || req_pid_only(r)) {
		d->omit = true;
		return;
	}
	if (req_resumes(r)) {
		print_signal(d->o, (int32_t)v);
		return;
	}
	if (req_regs_size(r)) {
#if defined(__x86_64__)
		print_regs_block(d, arg, r == PT_GETREGS || r == PT_GETFPREGS);
#endif
		return;
	}
	switch (r) {
	case PT_PEEKTEXT:
	case PT_PEEKDATA:
	case PT_PEEKUSER:
		print_word_out(d, arg, true);
		return;
	case PT_GETEVENTMSG:
		print_word_out(d, arg, false);
		return;
	case PT_SETOPTIONS:
	case PT_SEIZE:
#if defined(__x86_64__)
	case PT_OLDSETOPTIONS:
#endif
		xlat_print_flags(d->o, &xlat_ptrace_setoptions_flags, v, "PTRACE_O_???");
		return;
	case PT_GETSIGINFO:
		print_siginfo_at(d, arg, true);
		return;
	case PT_SETSIGINFO:
		print_siginfo_at(d, arg, false);
		return;
	case PT_PEEKSIGINFO:
		print_peeked_siginfo(d, arg);
		return;
	case PT_GETSIGMASK:
		print_sigmask(d, arg, true);
		return;
	case PT_SETSIGMASK:
		print_sigmask(d, arg, false);
		return;
	case PT_GETREGSET:
	case PT_SETREGSET:
		print_regset_iov(d, arg, r == PT_GETREGSET);
		return;
	case PT_SECCOMP_GET_METADATA:
		print_seccomp_metadata(d, arg);
		return;
	case PT_GET_SYSCALL_INFO:
		print_syscall_info(d, arg);
		return;
	}
	ob_ptr(d->o, v);
}
