// SPDX-License-Identifier: GPL-2.0
/*
 * Arguments whose meaning depends on another argument: fcntl's by the command, futex's by the
 * operation, ioctl's by the request, arch_prctl's and prctl's by the option, clone's by the
 * flags. A printer that prints nothing marks an argument strace leaves out for that command.
 */
#include <stddef.h>
#include <string.h>
#include <asm/ioctls.h>
#include <asm/termbits.h>
#include <linux/blkpg.h>
#include <linux/blktrace_api.h>
#include <linux/counter.h>
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <linux/futex.h>
#include <linux/inotify.h>
#include <linux/kd.h>
#include <linux/lirc.h>
#include <linux/nsfs.h>
#include <linux/prctl.h>
#include <linux/ptp_clock.h>
#include <linux/random.h>
#include <linux/rtc.h>
#include <linux/sched.h>
#include <linux/seccomp.h>
#include <linux/watchdog.h>
#include "decode.h"
#include "decode_flags.h"
#include "xlat/arch_prctl_codes.h"
#include "xlat/blkpg_ops.h"
#include "xlat/capabilities.h"
#include "xlat/counter_component_types.h"
#include "xlat/counter_events.h"
#include "xlat/counter_scopes.h"
#include "xlat/fcntl_fd_flags.h"
#include "xlat/fcntl_lock_types.h"
#include "xlat/fcntl_notify_flags.h"
#include "xlat/fcntl_owner_types.h"
#include "xlat/fcntl_seals.h"
#include "xlat/fiemap_extent_flags.h"
#include "xlat/fiemap_flags.h"
#include "xlat/fs_inode_flags.h"
#include "xlat/fsx_xflags.h"
#include "xlat/futex_wake_cmps.h"
#include "xlat/futex_wake_ops.h"
#include "xlat/kd_kbd_modes.h"
#include "xlat/kd_kbd_types.h"
#include "xlat/kd_kbleds.h"
#include "xlat/kd_leds.h"
#include "xlat/kd_meta_modes.h"
#include "xlat/kd_modes.h"
#include "xlat/lirc_features.h"
#include "xlat/lirc_modes.h"
#include "xlat/pidtypes.h"
#include "xlat/pr_cap_ambient.h"
#include "xlat/pr_dumpable.h"
#include "xlat/pr_fp_mode.h"
#include "xlat/pr_mce_kill.h"
#include "xlat/pr_mce_kill_policy.h"
#include "xlat/pr_mte_tcf.h"
#include "xlat/pr_pac_enabled_keys.h"
#include "xlat/pr_pac_keys.h"
#include "xlat/pr_sched_core.h"
#include "xlat/pr_set_mm.h"
#include "xlat/pr_set_vma.h"
#include "xlat/pr_sme_vl_flags.h"
#include "xlat/pr_spec_get.h"
#include "xlat/pr_spec_set.h"
#include "xlat/pr_spec_variants.h"
#include "xlat/pr_sve_vl_flags.h"
#include "xlat/pr_sys_dispatch.h"
#include "xlat/pr_tsc.h"
#include "xlat/pr_unalign_flags.h"
#include "xlat/ptp_extts_flags.h"
#include "xlat/ptp_perout_flags.h"
#include "xlat/ptp_pin_funcs.h"
#include "xlat/rtc_bsm.h"
#include "xlat/rtc_features.h"
#include "xlat/rtc_params.h"
#include "xlat/rtc_vl_flags.h"
#include "xlat/secbits.h"
#include "xlat/seccomp_filter_flags.h"
#include "xlat/seccomp_modes.h"
#include "xlat/seccomp_ops.h"
#include "xlat/seccomp_ret_actions.h"
#include "xlat/seek_whence.h"
#include "xlat/tcflsh_args.h"
#include "xlat/tcxonc_args.h"
#include "xlat/termios_bauds.h"
#include "xlat/termios_cc.h"
#include "xlat/termios_cflags.h"
#include "xlat/termios_csizes.h"
#include "xlat/termios_iflags.h"
#include "xlat/termios_lflags.h"
#include "xlat/termios_oflags.h"
#include "xlat/tiocm_flags.h"
#include "xlat/tty_ldiscs.h"
#include "xlat/xfeature_masks.h"
#include "xlat/xfeatures.h"

/* a printer that printed nothing: strace leaves the argument out for this command */
static void omit_if_empty(struct dctx *d, size_t mark)
{
	if (d->o->len == mark && d->phase != DP_SUFFIX)
		d->omit = true;
}

/* {tv_sec=1, tv_nsec=0} */
static void print_timespec_at(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, false, 16);

	if (p)
		ob_printf(d->o, "{tv_sec=%lld, tv_nsec=%llu}", (long long)rd_s64(p),
			  (unsigned long long)rd_s64(p + 8));
}

/* --- fcntl --- */

static uint32_t fcntl_cmd(const struct dctx *d)
{
	return d->args[1];
}

/* struct flock: l_pid only where the kernel fills it in (F_GETLK) */
static void print_flock(struct dctx *d, int arg, bool exit)
{
	struct outbuf *o = d->o;
	const uint8_t *p = d_struct(d, arg, exit, 32);

	if (!p)
		return;
	ob_puts(o, "{l_type=");
	xlat_print_val(o, &xlat_fcntl_lock_types, (uint16_t)rd_s16(p), "F_???");
	ob_puts(o, ", l_whence=");
	xlat_print_val(o, &xlat_seek_whence, (uint16_t)rd_s16(p + 2), "SEEK_???");
	ob_printf(o, ", l_start=%lld, l_len=%lld", (long long)rd_s64(p + 8),
		  (long long)rd_s64(p + 16));
	if (exit)
		ob_printf(o, ", l_pid=%d", rd_s32(p + 24));
	ob_putc(o, '}');
}

static void print_owner_ex(struct dctx *d, int arg, bool exit)
{
	const uint8_t *p = d_struct(d, arg, exit, 8);

	if (!p)
		return;
	ob_puts(d->o, "{type=");
	xlat_print_val(d->o, &xlat_fcntl_owner_types, (uint32_t)rd_s32(p), "F_OWNER_???");
	ob_printf(d->o, ", pid=%d}", rd_s32(p + 4));
}

/* the third argument by command; the F_GET* commands take none and print nothing */
static void fcntl_arg(struct dctx *d, int arg)
{
	struct outbuf *o = d->o;
	uint64_t v = d->args[arg];

	if (d->phase == DP_SUFFIX)
		return;
	switch (fcntl_cmd(d)) {
	case F_GETFD:
	case F_GETFL:
	case F_GETOWN:
	case F_GETSIG:
	case F_GETLEASE:
	case F_GETPIPE_SZ:
	case F_GET_SEALS:
		return;
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
	case F_SETPIPE_SZ:
		ob_dec(o, (int64_t)v);
		return;
	case F_SETOWN:
		ob_dec(o, (int32_t)v);
		return;
	case F_SETFD:
		xlat_print_flags(o, &xlat_fcntl_fd_flags, (uint32_t)v, "FD_???");
		return;
	case F_SETFL:
		print_open_flags(o, (uint32_t)v);
		return;
	case F_SETSIG:
		print_signal(o, (int32_t)v);
		return;
	case F_SETLEASE:
		xlat_print_val(o, &xlat_fcntl_lock_types, v, "F_???");
		return;
	case F_NOTIFY:
		xlat_print_flags(o, &xlat_fcntl_notify_flags, v, "DN_???");
		return;
	case F_ADD_SEALS:
		xlat_print_flags(o, &xlat_fcntl_seals, v, "F_SEAL_???");
		return;
	case F_SETLK:
	case F_SETLKW:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
		print_flock(d, arg, false);
		return;
	case F_GETLK:
	case F_OFD_GETLK:
		print_flock(d, arg, true);
		return;
	case F_SETOWN_EX:
		print_owner_ex(d, arg, false);
		return;
	case F_GETOWN_EX:
		print_owner_ex(d, arg, true);
		return;
	}
	ob_hex(o, v);
}

void print_FCNTL_ARG(struct dctx *d, int arg)
{
	size_t mark = d->o->len;

	fcntl_arg(d, arg);
	omit_if_empty(d, mark);
}

static void fcntl_ret(struct dctx *d)
{
	struct outbuf *o = d->o;
	int64_t r = d->ret;

	switch (fcntl_cmd(d)) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		print_fd(d, r);
		return;
	case F_GETFD:
		ob_hex(o, r);
		if (r) {
			ob_puts(o, " (flags ");
			xlat_print_flags(o, &xlat_fcntl_fd_flags, r, NULL);
			ob_putc(o, ')');
		}
		return;
	case F_GETFL:
		ob_hex(o, r);
		ob_puts(o, " (flags ");
		print_open_flags(o, (uint32_t)r);
		ob_putc(o, ')');
		return;
	case F_GETSIG:
		ob_dec(o, r);
		if (r) {
			ob_puts(o, " (");
			print_signal(o, r);
			ob_putc(o, ')');
		}
		return;
	case F_GETLEASE:
		ob_hex(o, r);
		ob_puts(o, " (");
		xlat_print_val(o, &xlat_fcntl_lock_types, r, NULL);
		ob_putc(o, ')');
		return;
	case F_GET_SEALS:
		ob_hex(o, r);
		if (r) {
			ob_puts(o, " (seals ");
			xlat_print_flags(o, &xlat_fcntl_seals, r, NULL);
			ob_putc(o, ')');
		}
		return;
	}
	ob_dec(o, r);
}

/* = 0x1 (flags FD_CLOEXEC), = 0x8002 (flags O_RDWR|O_LARGEFILE), = 10 (SIGUSR1): the names
 * in parentheses print abbreviated in every -X style, as strace prints them */
void print_fcntl_ret(struct dctx *d)
{
	enum xlat_style style = xlat_style;

	xlat_style = XLAT_ABBREV;
	fcntl_ret(d);
	xlat_style = style;
}

/* --- futex: which of val, timeout/val2, uaddr2 and val3 an operation uses --- */

enum {
	FU_VAL = 1 << 0,
	FU_TIMEOUT = 1 << 1,	/* struct timespec * */
	FU_VAL2 = 1 << 2,	/* the timeout slot holds a count */
	FU_UADDR2 = 1 << 3,
	FU_VAL3 = 1 << 4,	/* a count */
	FU_WAKE_OP = 1 << 5,	/* val3 encodes an operation */
	FU_BITSET = 1 << 6,	/* val3 is a bitset */
	FU_RAW = 1 << 7,	/* unknown operation: everything, raw */
};

static unsigned int futex_uses(const struct dctx *d)
{
	switch ((uint32_t)d->args[1] & 0x7f) {
	case FUTEX_WAIT:
		return FU_VAL | FU_TIMEOUT;
	case FUTEX_WAKE:
	case FUTEX_FD:
		return FU_VAL;
	case FUTEX_REQUEUE:
		return FU_VAL | FU_VAL2 | FU_UADDR2;
	case FUTEX_CMP_REQUEUE:
	case FUTEX_CMP_REQUEUE_PI:
		return FU_VAL | FU_VAL2 | FU_UADDR2 | FU_VAL3;
	case FUTEX_WAKE_OP:
		return FU_VAL | FU_VAL2 | FU_UADDR2 | FU_WAKE_OP;
	case FUTEX_LOCK_PI:
	case 13:	/* FUTEX_LOCK_PI2 */
		return FU_TIMEOUT;
	case FUTEX_UNLOCK_PI:
	case FUTEX_TRYLOCK_PI:
		return 0;
	case FUTEX_WAIT_BITSET:
		return FU_VAL | FU_TIMEOUT | FU_BITSET;
	case FUTEX_WAKE_BITSET:
		return FU_VAL | FU_BITSET;
	case FUTEX_WAIT_REQUEUE_PI:
		return FU_VAL | FU_TIMEOUT | FU_UADDR2;
	}
	return FU_RAW;
}

static void futex_val(struct dctx *d, int arg)
{
	if (futex_uses(d) & (FU_VAL | FU_RAW))
		ob_udec(d->o, (uint32_t)d->args[arg]);
}

void print_FUTEX_VAL(struct dctx *d, int arg)
{
	size_t mark = d->o->len;

	futex_val(d, arg);
	omit_if_empty(d, mark);
}

static void futex_timeout(struct dctx *d, int arg)
{
	unsigned int u = futex_uses(d);

	if (u & FU_TIMEOUT)
		print_timespec_at(d, arg);
	else if (u & FU_VAL2)
		ob_udec(d->o, (uint32_t)d->args[arg]);
	else if (u & FU_RAW)
		ob_ptr(d->o, d->args[arg]);
}

void print_FUTEX_TIMEOUT(struct dctx *d, int arg)
{
	size_t mark = d->o->len;

	futex_timeout(d, arg);
	omit_if_empty(d, mark);
}

static void futex_uaddr2(struct dctx *d, int arg)
{
	if (futex_uses(d) & (FU_UADDR2 | FU_RAW))
		ob_ptr(d->o, d->args[arg]);
}

void print_FUTEX_UADDR2(struct dctx *d, int arg)
{
	size_t mark = d->o->len;

	futex_uaddr2(d, arg);
	omit_if_empty(d, mark);
}

/* FUTEX_OP_SET<<28|0<<12|FUTEX_OP_CMP_GT<<24|0x1 */
static void print_wake_op(struct outbuf *o, uint32_t v)
{
	uint32_t op = v >> 28, cmp = (v >> 24) & 0xf;
	const char *n;

	if (op & FUTEX_OP_OPARG_SHIFT) {
		xlat_print_const(o, FUTEX_OP_OPARG_SHIFT, XF_HEX, "FUTEX_OP_OPARG_SHIFT", NULL);
		ob_puts(o, "<<28|");
		op &= ~FUTEX_OP_OPARG_SHIFT;
	}
	/* strace puts the unknown comment after the shift: 0x7<<28 / * FUTEX_OP_??? * / */
	n = xlat_name(&xlat_futex_wake_ops, op);
	xlat_print_const(o, op, XF_HEX, n, NULL);
	ob_puts(o, "<<28");
	if (!n && xlat_style != XLAT_RAW)
		ob_puts(o, " /* FUTEX_OP_??? */");
	ob_putc(o, '|');
	ob_hex(o, (v >> 12) & 0xfff);
	ob_puts(o, "<<12|");
	n = xlat_name(&xlat_futex_wake_cmps, cmp);
	xlat_print_const(o, cmp, XF_HEX, n, NULL);
	ob_puts(o, "<<24");
	if (!n && xlat_style != XLAT_RAW)
		ob_puts(o, " /* FUTEX_OP_CMP_??? */");
	ob_putc(o, '|');
	ob_hex(o, v & 0xfff);
}

static void futex_val3(struct dctx *d, int arg)
{
	unsigned int u = futex_uses(d);
	uint32_t v = d->args[arg];

	if (u & FU_VAL3)
		ob_udec(d->o, v);
	else if (u & FU_WAKE_OP)
		print_wake_op(d->o, v);
	else if ((u & FU_BITSET) && v == FUTEX_BITSET_MATCH_ANY)
		xlat_print_const(d->o, v, XF_HEX, "FUTEX_BITSET_MATCH_ANY", NULL);
	else if (u & (FU_BITSET | FU_RAW))
		ob_hex(d->o, v);
}

void print_FUTEX_VAL3(struct dctx *d, int arg)
{
	size_t mark = d->o->len;

	futex_val3(d, arg);
	omit_if_empty(d, mark);
}

/* --- arch_prctl --- */

/* ARCH_SET_FS, 0x7f...: an address; ARCH_GET_FS, [0x7f...]: where it was stored */
static void arch_prctl_addr(struct dctx *d, int arg)
{
	const uint8_t *p;

	if (d->phase == DP_SUFFIX)
		return;
	switch ((uint32_t)d->args[0]) {
	case ARCH_GET_FS:
	case ARCH_GET_GS:
		p = d_struct(d, arg, true, 8);
		if (p) {
			ob_putc(d->o, '[');
			ob_ptr(d->o, rd_s64(p));
			ob_putc(d->o, ']');
		}
		return;
	case ARCH_GET_CPUID:	/* no argument */
		return;
	case ARCH_GET_XCOMP_SUPP:
	case ARCH_GET_XCOMP_PERM:
	case ARCH_GET_XCOMP_GUEST_PERM:
		/* [0x600e7 / * XFEATURE_MASK_FPSSE|... * /] */
		p = d_struct(d, arg, true, 8);
		if (p) {
			ob_putc(d->o, '[');
			ob_hex(d->o, rd_s64(p));
			if (rd_s64(p) && xlat_comment_begin(d->o)) {
				if (xlat_has_flag(&xlat_xfeature_masks, rd_s64(p)))
					xlat_print_flags(d->o, &xlat_xfeature_masks, rd_s64(p),
							 NULL);
				else
					ob_puts(d->o, "XFEATURE_MASK_???");
				xlat_names_end(d->o);
			}
			ob_putc(d->o, ']');
		}
		return;
	case ARCH_REQ_XCOMP_PERM:
	case ARCH_REQ_XCOMP_GUEST_PERM:
		/* a feature number, with its name in a comment */
		xlat_print_const(d->o, d->args[arg], XF_HEX, NULL,
				 xlat_name(&xlat_xfeatures, d->args[arg]) ?: "XFEATURE_???");
		return;
	}
	ob_hex(d->o, d->args[arg]);
}

void print_ARCH_PRCTL_ADDR(struct dctx *d, int arg)
{
	size_t mark = d->o->len;

	arch_prctl_addr(d, arg);
	omit_if_empty(d, mark);
}

/* ARCH_REQ_XCOMP_PERM, ARCH_REQ_XCOMP_GUEST_PERM: a positive return is the mask of permitted
 * features, in hex with the names of its known bits (abbreviated, none under -X raw); other
 * commands and 0 in decimal */
void print_arch_prctl_ret(struct dctx *d)
{
	enum xlat_style style = xlat_style;
	uint32_t cmd = d->args[0];

	if ((cmd != ARCH_REQ_XCOMP_PERM && cmd != ARCH_REQ_XCOMP_GUEST_PERM) || d->ret <= 0) {
		ob_dec(d->o, d->ret);
		return;
	}
	ob_hex(d->o, d->ret);
	if (style == XLAT_RAW || !xlat_has_flag(&xlat_xfeature_masks, d->ret))
		return;
	xlat_style = XLAT_ABBREV;
	ob_puts(d->o, " (");
	xlat_print_flags(d->o, &xlat_xfeature_masks, d->ret, NULL);
	ob_putc(d->o, ')');
	xlat_style = style;
}

/* --- clone: what follows the flags, printed once the call returned --- */

/* parent_tid=[123], tls=0x..., child_tidptr=0x7f... as the flags ask for them */
static void clone_tail(struct dctx *d, int arg)
{
	uint64_t fl = d->args[0];
	const char *sep = "";
#if defined(__x86_64__)
	uint64_t ctid = d->args[3], tls = d->args[4];
#else
	uint64_t tls = d->args[3], ctid = d->args[4];
#endif

	if (fl & (CLONE_PARENT_SETTID | CLONE_PIDFD)) {
		const uint8_t *p;

		ob_puts(d->o, "parent_tid=");
		p = d_struct(d, arg, true, 4);
		if (p)
			ob_printf(d->o, "[%d]", rd_s32(p));
		sep = ", ";
	}
	if (fl & CLONE_SETTLS) {
		ob_printf(d->o, "%stls=", sep);
		ob_ptr(d->o, tls);
		sep = ", ";
	}
	if (fl & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) {
		ob_printf(d->o, "%schild_tidptr=", sep);
		ob_ptr(d->o, ctid);
	}
}

void print_CLONE_TAIL(struct dctx *d, int arg)
{
	size_t mark = d->o->len;

	clone_tail(d, arg);
	omit_if_empty(d, mark);
}

/* an argument strace folds into another one: clone's stack */
void print_OMIT(struct dctx *d, int arg)
{
	d->omit = true;
}

/* --- ioctl --- */

/* how a request's argument prints */
enum {
	IA_HEX = 0,	/* not decoded: the raw value */
	IA_NONE,	/* no argument */
	IA_INT,		/* an int passed by value */
	IA_IN_INT,	/* [N]: an int read by the call */
	IA_OUT_INT,	/* [N]: an int written by the call */
	IA_OUT_UINT,
	IA_IN_TIOCM,	/* [TIOCM_DTR|TIOCM_RTS] */
	IA_OUT_TIOCM,
	IA_IN_FSFL,	/* [FS_EXTENT_FL] */
	IA_OUT_FSFL,
	IA_OUT_U16,
	IA_OUT_U64,
	IA_OUT_S64,
	IA_ULONG,	/* an unsigned long passed by value */
	IA_IN_RANGE,	/* [start, length]: two u64 read by the call */
	IA_IN_CHAR,	/* TIOCSTI: "c" */
	IA_TCXONC,
	IA_TCFLSH,
	IA_IN_WINSZ,
	IA_OUT_WINSZ,
	IA_IN_TERMIO,
	IA_OUT_TERMIO,
	IA_IN_TERMIOS,
	IA_OUT_TERMIOS,
	IA_IN_TERMIOS2,
	IA_OUT_TERMIOS2,
	IA_IN_RANDPOOL,	/* RNDADDENTROPY: struct rand_pool_info and its bytes */
	IA_IN_UINT,
	IA_IN_XINT,	/* [0x1f] */
	IA_IN_LIRC_MODE,	/* [LIRC_MODE_PULSE] */
	IA_OUT_LIRC_MODE,
	IA_OUT_LIRC_FEATURES,	/* [LIRC_CAN_SEND_PULSE|...] */
	IA_IN_RTC_TIME,		/* struct rtc_time */
	IA_OUT_RTC_TIME,
	IA_IN_RTC_WKALRM,	/* struct rtc_wkalrm */
	IA_OUT_RTC_WKALRM,
	IA_IN_RTC_PLL,		/* struct rtc_pll_info */
	IA_OUT_RTC_PLL,
	IA_OUT_RTC_VL,		/* [RTC_VL_BACKUP_LOW] */
	IA_RTC_PARAM_GET,	/* {param=..., index=N} => {uvalue=...} */
	IA_RTC_PARAM_SET,
	IA_IN_COUNTER_WATCH,	/* struct counter_watch */
	IA_IN_FSTRIM,	/* struct fstrim_range */
	IA_IN_FSXATTR,	/* struct fsxattr */
	IA_OUT_FSXATTR,
	IA_FIEMAP,	/* struct fiemap: read, then written */
	IA_BLKPG,	/* struct blkpg_ioctl_arg */
	IA_BLKTRACESETUP,	/* struct blk_user_trace_setup: read, then its name written */
	IA_KD_SOUND,		/* KIOCSOUND: the timer count, with the frequency */
	IA_KD_TONE,		/* KDMKTONE: ms<<16|count */
	IA_KD_LED,		/* LED_* in the low byte of the value */
	IA_KD_OUT_LED,		/* [LED_*]: a char written by the call */
	IA_KD_KBLED,		/* LEDs and LED_*<<4 lock defaults */
	IA_KD_OUT_KBLED,
	IA_KD_OUT_KBTYPE,	/* [KB_*]: a char */
	IA_KD_IO,		/* an I/O port: GPFIRST + N for the ones KDADDIO takes */
	IA_KD_MODE,		/* KD_* */
	IA_KD_OUT_MODE,
	IA_KD_KBMODE,		/* K_RAW: an int */
	IA_KD_OUT_KBMODE,
	IA_KD_META,		/* K_METABIT */
	IA_KD_OUT_META,
	IA_KD_SIG,		/* KDSIGACCEPT: a signal number in an unsigned long */
	IA_KD_SCRNMAP,		/* PIO_SCRNMAP: E_TABSZ bytes read by the call, in hex */
	IA_KD_OUT_SCRNMAP,
	IA_KD_CMAP,		/* PIO_CMAP: 16 RGB triplets */
	IA_KD_OUT_CMAP,
	IA_KD_GETKEYCODE,	/* struct kbkeycode: {scancode, keycode => keycode} */
	IA_KD_SETKEYCODE,
	IA_KD_KBDREP,		/* struct kbd_repeat read, then written back */
	IA_KD_UNIMAPINIT,	/* PIO_UNIMAPCLR: struct unimapinit */
	IA_PTP_CAPS,		/* struct ptp_clock_caps written by the call */
	IA_PTP_EXTTS,		/* struct ptp_extts_request read by the call */
	IA_PTP_EXTTS2,		/* the same with its rsv[] */
	IA_PTP_PEROUT,
	IA_PTP_PEROUT2,
	IA_PTP_SYSOFF,		/* struct ptp_sys_offset: n_samples read, ts[] written */
	IA_PTP_SYSOFF2,
	IA_PTP_PIN_GET,		/* struct ptp_pin_desc: index read, the rest written */
	IA_PTP_PIN_GET2,
	IA_PTP_PIN_SET,
	IA_PTP_PIN_SET2,
	IA_PTP_PRECISE,		/* struct ptp_sys_offset_precise written by the call */
	IA_PTP_EXTENDED,	/* struct ptp_sys_offset_extended */
	IA_PTP_EXTENDED2,
};

struct ioctl_def {
	uint32_t req;
	const char *name;	/* what strace prints: every name the number has */
	uint8_t arg;		/* IA_* */
};

/* sorted by number */
static const struct ioctl_def ioctl_defs[] = {
	{ FIBMAP, "FIBMAP", IA_HEX },
	{ FIGETBSZ, "FIGETBSZ", IA_HEX },
	{ BLKROSET, "BLKROSET", IA_IN_INT },
	{ BLKROGET, "BLKROGET", IA_OUT_INT },
	{ BLKRRPART, "BLKRRPART", IA_NONE },
	{ BLKGETSIZE, "BLKGETSIZE", IA_OUT_U64 },
	{ BLKFLSBUF, "BLKFLSBUF", IA_NONE },
	{ BLKRASET, "BLKRASET", IA_ULONG },
	{ BLKRAGET, "BLKRAGET", IA_OUT_S64 },
	{ BLKFRASET, "BLKFRASET", IA_ULONG },
	{ BLKFRAGET, "BLKFRAGET", IA_OUT_S64 },
	{ BLKSECTSET, "BLKSECTSET", IA_HEX },
	{ BLKSECTGET, "BLKSECTGET", IA_OUT_U16 },
	{ BLKSSZGET, "BLKSSZGET", IA_OUT_INT },
	{ BLKTRACESTART, "BLKTRACESTART", IA_NONE },
	{ BLKTRACESTOP, "BLKTRACESTOP", IA_NONE },
	{ BLKTRACETEARDOWN, "BLKTRACETEARDOWN", IA_NONE },
	{ BLKDISCARD, "BLKDISCARD", IA_IN_RANGE },
	{ BLKIOMIN, "BLKIOMIN", IA_OUT_UINT },
	{ BLKIOOPT, "BLKIOOPT", IA_OUT_UINT },
	{ BLKALIGNOFF, "BLKALIGNOFF", IA_OUT_INT },
	{ BLKPBSZGET, "BLKPBSZGET", IA_OUT_UINT },
	{ BLKDISCARDZEROES, "BLKDISCARDZEROES", IA_OUT_UINT },
	{ BLKSECDISCARD, "BLKSECDISCARD", IA_IN_RANGE },
	{ BLKROTATIONAL, "BLKROTATIONAL", IA_OUT_U16 },
	{ BLKZEROOUT, "BLKZEROOUT", IA_IN_RANGE },
	{ RNDZAPENTCNT, "FASTRPC_IOCTL_INIT_ATTACH or RNDZAPENTCNT", IA_NONE },
	{ RNDCLEARPOOL, "RNDCLEARPOOL", IA_NONE },
	{ RNDRESEEDCRNG, "RNDRESEEDCRNG", IA_NONE },
	{ COUNTER_ENABLE_EVENTS_IOCTL, "COUNTER_ENABLE_EVENTS_IOCTL", IA_NONE },
	{ COUNTER_DISABLE_EVENTS_IOCTL, "COUNTER_DISABLE_EVENTS_IOCTL", IA_NONE },
	{ BLKPG, "BLKPG", IA_BLKPG },
	{ KIOCSOUND, "KIOCSOUND", IA_KD_SOUND },
	{ KDMKTONE, "KDMKTONE", IA_KD_TONE },
	{ KDGETLED, "KDGETLED", IA_KD_OUT_LED },
	{ KDSETLED, "KDSETLED", IA_KD_LED },
	{ KDGKBTYPE, "KDGKBTYPE", IA_KD_OUT_KBTYPE },
	{ KDADDIO, "KDADDIO", IA_KD_IO },
	{ KDDELIO, "KDDELIO", IA_KD_IO },
	{ KDENABIO, "KDENABIO", IA_NONE },
	{ KDDISABIO, "KDDISABIO", IA_NONE },
	{ KDSETMODE, "KDSETMODE", IA_KD_MODE },
	{ KDGETMODE, "KDGETMODE", IA_KD_OUT_MODE },
	{ KDMAPDISP, "KDMAPDISP", IA_NONE },
	{ KDUNMAPDISP, "KDUNMAPDISP", IA_NONE },
	{ GIO_SCRNMAP, "GIO_SCRNMAP", IA_KD_OUT_SCRNMAP },
	{ PIO_SCRNMAP, "PIO_SCRNMAP", IA_KD_SCRNMAP },
	{ KDGKBMODE, "KDGKBMODE", IA_KD_OUT_KBMODE },
	{ KDSKBMODE, "KDSKBMODE", IA_KD_KBMODE },
	{ KDGETKEYCODE, "KDGETKEYCODE", IA_KD_GETKEYCODE },
	{ KDSETKEYCODE, "KDSETKEYCODE", IA_KD_SETKEYCODE },
	{ KDSIGACCEPT, "KDSIGACCEPT", IA_KD_SIG },
	{ KDKBDREP, "KDKBDREP", IA_KD_KBDREP },
	{ KDGKBMETA, "KDGKBMETA", IA_KD_OUT_META },
	{ KDSKBMETA, "KDSKBMETA", IA_KD_META },
	{ KDGKBLED, "KDGKBLED", IA_KD_OUT_KBLED },
	{ KDSKBLED, "KDSKBLED", IA_KD_KBLED },
	{ PIO_UNIMAPCLR, "PIO_UNIMAPCLR", IA_KD_UNIMAPINIT },
	{ PIO_FONTRESET, "PIO_FONTRESET", IA_NONE },
	{ GIO_CMAP, "GIO_CMAP", IA_KD_OUT_CMAP },
	{ PIO_CMAP, "PIO_CMAP", IA_KD_CMAP },
	{ TCGETS, "TCGETS", IA_OUT_TERMIOS },
	{ TCSETS, "SNDCTL_TMR_START or TCSETS", IA_IN_TERMIOS },
	{ TCSETSW, "SNDCTL_TMR_STOP or TCSETSW", IA_IN_TERMIOS },
	{ TCSETSF, "SNDCTL_TMR_CONTINUE or TCSETSF", IA_IN_TERMIOS },
	{ TCGETA, "TCGETA", IA_OUT_TERMIO },
	{ TCSETA, "TCSETA", IA_IN_TERMIO },
	{ TCSETAW, "TCSETAW", IA_IN_TERMIO },
	{ TCSETAF, "TCSETAF", IA_IN_TERMIO },
	{ TCSBRK, "TCSBRK", IA_INT },
	{ TCXONC, "TCXONC", IA_TCXONC },
	{ TCFLSH, "TCFLSH", IA_TCFLSH },
	{ TIOCEXCL, "TIOCEXCL", IA_NONE },
	{ TIOCNXCL, "TIOCNXCL", IA_NONE },
	{ TIOCSCTTY, "TIOCSCTTY", IA_INT },
	{ TIOCGPGRP, "TIOCGPGRP", IA_OUT_INT },
	{ TIOCSPGRP, "TIOCSPGRP", IA_IN_INT },
	{ TIOCOUTQ, "TIOCOUTQ", IA_OUT_INT },
	{ TIOCSTI, "TIOCSTI", IA_IN_CHAR },
	{ TIOCGWINSZ, "TIOCGWINSZ", IA_OUT_WINSZ },
	{ TIOCSWINSZ, "TIOCSWINSZ", IA_IN_WINSZ },
	{ TIOCMGET, "TIOCMGET", IA_OUT_TIOCM },
	{ TIOCMBIS, "TIOCMBIS", IA_IN_TIOCM },
	{ TIOCMBIC, "TIOCMBIC", IA_IN_TIOCM },
	{ TIOCMSET, "TIOCMSET", IA_IN_TIOCM },
	{ TIOCGSOFTCAR, "TIOCGSOFTCAR", IA_OUT_INT },
	{ TIOCSSOFTCAR, "TIOCSSOFTCAR", IA_IN_INT },
	{ FIONREAD, "FIONREAD", IA_OUT_INT },
	{ TIOCLINUX, "TIOCLINUX", IA_HEX },
	{ TIOCCONS, "TIOCCONS", IA_NONE },
	{ TIOCGSERIAL, "TIOCGSERIAL", IA_HEX },
	{ TIOCSSERIAL, "TIOCSSERIAL", IA_NONE },	/* sic: strace shows no argument */
	{ TIOCPKT, "TIOCPKT", IA_IN_INT },
	{ FIONBIO, "FIONBIO", IA_IN_INT },
	{ TIOCNOTTY, "TIOCNOTTY", IA_NONE },
	{ TIOCSETD, "TIOCSETD", IA_IN_INT },
	{ TIOCGETD, "TIOCGETD", IA_OUT_INT },
	{ TCSBRKP, "TCSBRKP", IA_INT },
	{ TIOCSBRK, "TIOCSBRK", IA_NONE },
	{ TIOCCBRK, "TIOCCBRK", IA_NONE },
	{ TIOCGSID, "TIOCGSID", IA_OUT_INT },
	{ TIOCGRS485, "TIOCGRS485", IA_HEX },
	{ TIOCSRS485, "TIOCSRS485", IA_HEX },
	{ 0x5432, "TCGETX", IA_HEX },
	{ 0x5433, "TCSETX", IA_HEX },
	{ 0x5434, "TCSETXF", IA_HEX },
	{ 0x5435, "TCSETXW", IA_HEX },
	{ TIOCVHANGUP, "TIOCVHANGUP", IA_NONE },
	{ TIOCGPTPEER, "TIOCGPTPEER", IA_HEX },
	{ FIONCLEX, "FIONCLEX", IA_NONE },
	{ FIOCLEX, "FIOCLEX", IA_NONE },
	{ FIOASYNC, "FIOASYNC", IA_IN_INT },
	{ TIOCSERCONFIG, "TIOCSERCONFIG", IA_HEX },
	{ TIOCSERGWILD, "TIOCSERGWILD", IA_HEX },
	{ TIOCSERSWILD, "TIOCSERSWILD", IA_HEX },
	{ TIOCGLCKTRMIOS, "TIOCGLCKTRMIOS", IA_OUT_TERMIOS },
	{ TIOCSLCKTRMIOS, "TIOCSLCKTRMIOS", IA_IN_TERMIOS },
	{ TIOCSERGSTRUCT, "TIOCSERGSTRUCT", IA_HEX },
	{ TIOCSERGETLSR, "TIOCSERGETLSR", IA_HEX },
	{ TIOCSERGETMULTI, "TIOCSERGETMULTI", IA_HEX },
	{ TIOCSERSETMULTI, "TIOCSERSETMULTI", IA_HEX },
	{ TIOCMIWAIT, "TIOCMIWAIT", IA_HEX },
	{ TIOCGICOUNT, "TIOCGICOUNT", IA_HEX },
	{ FIOQSIZE, "FIOQSIZE", IA_HEX },
	{ 0x54a0, "SNDRV_TIMER_IOCTL_START", IA_HEX },
	{ 0x54a1, "SNDRV_TIMER_IOCTL_STOP", IA_HEX },
	{ 0x54a2, "SNDRV_TIMER_IOCTL_CONTINUE", IA_HEX },
	{ 0x54a3, "SNDRV_TIMER_IOCTL_PAUSE", IA_HEX },
	{ 0x54e3, "TUNGETDEVNETNS", IA_HEX },
	{ RTC_AIE_ON, "RTC_AIE_ON", IA_NONE },
	{ RTC_AIE_OFF, "RTC_AIE_OFF", IA_NONE },
	{ RTC_UIE_ON, "RTC_UIE_ON", IA_NONE },
	{ RTC_UIE_OFF, "PHN_NOT_OH or RTC_UIE_OFF", IA_NONE },
	{ RTC_PIE_ON, "RTC_PIE_ON", IA_NONE },
	{ RTC_PIE_OFF, "RTC_PIE_OFF", IA_NONE },
	{ RTC_WIE_ON, "RTC_WIE_ON", IA_NONE },
	{ RTC_WIE_OFF, "RTC_WIE_OFF", IA_NONE },
	{ RTC_VL_CLR, "RTC_VL_CLR", IA_NONE },
	{ 0x7040, "NVRAM_INIT", IA_HEX },	/* _IO('p', 0x40) */
	{ NS_GET_USERNS, "NS_GET_USERNS", IA_NONE },
	{ NS_GET_PARENT, "NS_GET_PARENT", IA_NONE },
	{ NS_GET_NSTYPE, "NS_GET_NSTYPE", IA_NONE },
	{ NS_GET_OWNER_UID, "NS_GET_OWNER_UID", IA_OUT_UINT },
	{ RNDADDTOENTCNT, "RNDADDTOENTCNT", IA_IN_INT },
	{ INOTIFY_IOC_SETNEXTWD, "INOTIFY_IOC_SETNEXTWD", IA_INT },
	{ COUNTER_ADD_WATCH_IOCTL, "COUNTER_ADD_WATCH_IOCTL", IA_IN_COUNTER_WATCH },
	{ PTP_ENABLE_PPS, "PTP_ENABLE_PPS", IA_HEX },
	{ PTP_ENABLE_PPS2, "PTP_ENABLE_PPS2", IA_HEX },
	{ 0x40045402, "SNDRV_TIMER_IOCTL_TREAD_OLD", IA_HEX },
	{ 0x40045407, "SNDCTL_TMR_METRONOME", IA_HEX },
	{ 0x40045408, "SNDCTL_TMR_SELECT", IA_HEX },
	{ TIOCSPTLCK, "TIOCSPTLCK", IA_IN_INT },
	{ TIOCSIG, "TIOCSIG", IA_HEX },
	{ 0x400454a4, "SNDRV_TIMER_IOCTL_TREAD64", IA_HEX },
	{ 0x400454c8, "TUNSETNOCSUM", IA_HEX },
	{ 0x400454c9, "TUNSETDEBUG", IA_HEX },
	{ 0x400454ca, "TUNSETIFF", IA_HEX },
	{ 0x400454cb, "TUNSETPERSIST", IA_HEX },
	{ 0x400454cc, "TUNSETOWNER", IA_HEX },
	{ 0x400454cd, "TUNSETLINK", IA_HEX },
	{ 0x400454ce, "TUNSETGROUP", IA_HEX },
	{ 0x400454d0, "TUNSETOFFLOAD", IA_HEX },
	{ 0x400454d1, "TUNSETTXFILTER", IA_HEX },
	{ 0x400454d4, "TUNSETSNDBUF", IA_HEX },
	{ 0x400454d8, "TUNSETVNETHDRSZ", IA_HEX },
	{ 0x400454d9, "TUNSETQUEUE", IA_HEX },
	{ 0x400454da, "TUNSETIFINDEX", IA_HEX },
	{ 0x400454dc, "TUNSETVNETLE", IA_HEX },
	{ 0x400454de, "TUNSETVNETBE", IA_HEX },
	{ 0x400454e2, "TUNSETCARRIER", IA_HEX },
	{ LIRC_SET_SEND_MODE, "LIRC_SET_SEND_MODE", IA_IN_LIRC_MODE },
	{ LIRC_SET_REC_MODE, "LIRC_SET_REC_MODE", IA_IN_LIRC_MODE },
	{ LIRC_SET_SEND_CARRIER, "LIRC_SET_SEND_CARRIER", IA_IN_UINT },
	{ LIRC_SET_REC_CARRIER, "LIRC_SET_REC_CARRIER", IA_IN_UINT },
	{ LIRC_SET_SEND_DUTY_CYCLE, "LIRC_SET_SEND_DUTY_CYCLE", IA_IN_UINT },
	{ LIRC_SET_TRANSMITTER_MASK, "LIRC_SET_TRANSMITTER_MASK", IA_IN_XINT },
	{ LIRC_SET_REC_TIMEOUT, "LIRC_SET_REC_TIMEOUT", IA_IN_UINT },
	{ LIRC_SET_REC_TIMEOUT_REPORTS, "LIRC_SET_REC_TIMEOUT_REPORTS", IA_IN_UINT },
	{ LIRC_SET_MEASURE_CARRIER_MODE, "LIRC_SET_MEASURE_CARRIER_MODE", IA_IN_UINT },
	{ LIRC_SET_REC_CARRIER_RANGE, "IPMICTL_SET_MAINTENANCE_MODE_CMD or LIRC_SET_REC_CARRIER_RANGE", IA_IN_UINT },
	{ LIRC_SET_WIDEBAND_RECEIVER, "LIRC_SET_WIDEBAND_RECEIVER", IA_IN_UINT },
	{ RTC_ALM_SET, "RTC_ALM_SET", IA_IN_RTC_TIME },
	{ RTC_SET_TIME, "RTC_SET_TIME", IA_IN_RTC_TIME },
	{ RTC_IRQP_SET, "RTC_IRQP_SET", IA_ULONG },
	{ RTC_EPOCH_SET, "RTC_EPOCH_SET", IA_ULONG },
	{ RTC_WKALM_SET, "RTC_WKALM_SET", IA_IN_RTC_WKALRM },
	{ RTC_PLL_SET, "RTC_PLL_SET", IA_IN_RTC_PLL },
	{ RTC_PARAM_GET, "RTC_PARAM_GET", IA_RTC_PARAM_GET },	/* _IOW, but it writes */
	{ RTC_PARAM_SET, "RTC_PARAM_SET", IA_RTC_PARAM_SET },
	{ FS_IOC32_SETVERSION, "FS_IOC32_SETVERSION", IA_HEX },
	{ FS_IOC_SETVERSION, "FS_IOC_SETVERSION", IA_HEX },
	{ BLKBSZSET, "BLKBSZSET", IA_IN_INT },
	{ FS_IOC32_SETFLAGS, "FS_IOC32_SETFLAGS", IA_IN_FSFL },
	{ FS_IOC_SETFLAGS, "FS_IOC_SETFLAGS", IA_IN_FSFL },
	{ FICLONE, "BTRFS_IOC_CLONE or FICLONE", IA_INT },
	{ RNDADDENTROPY, "RNDADDENTROPY", IA_IN_RANDPOOL },
	{ 0x40085400, "TFD_IOC_SET_TICKS", IA_HEX },
	{ PTP_EXTTS_REQUEST, "PTP_EXTTS_REQUEST", IA_PTP_EXTTS },
	{ PTP_EXTTS_REQUEST2, "PTP_EXTTS_REQUEST2", IA_PTP_EXTTS2 },
	{ 0x401054d5, "TUNATTACHFILTER", IA_HEX },
	{ 0x401054d6, "TUNDETACHFILTER", IA_HEX },
	{ FS_IOC_FSSETXATTR, "FS_IOC_FSSETXATTR", IA_IN_FSXATTR },
	{ TCSETS2, "TCSETS2", IA_IN_TERMIOS2 },
	{ TCSETSW2, "TCSETSW2", IA_IN_TERMIOS2 },
	{ TCSETSF2, "TCSETSF2", IA_IN_TERMIOS2 },
	{ 0x40345410, "SNDRV_TIMER_IOCTL_SELECT", IA_HEX },
	{ PTP_PEROUT_REQUEST, "PTP_PEROUT_REQUEST", IA_PTP_PEROUT },
	{ PTP_PEROUT_REQUEST2, "PTP_PEROUT_REQUEST2", IA_PTP_PEROUT2 },
	{ 0x40485404, "SNDRV_TIMER_IOCTL_GPARAMS", IA_HEX },
	{ 0x40505412, "SNDRV_TIMER_IOCTL_PARAMS", IA_HEX },
	{ RNDGETENTCNT, "RNDGETENTCNT", IA_OUT_INT },
	{ PTP_PIN_SETFUNC, "PTP_PIN_SETFUNC", IA_PTP_PIN_SET },
	{ PTP_PIN_SETFUNC2, "PTP_PIN_SETFUNC2", IA_PTP_PIN_SET2 },
	{ PTP_SYS_OFFSET, "PTP_SYS_OFFSET", IA_PTP_SYSOFF },
	{ PTP_SYS_OFFSET2, "PTP_SYS_OFFSET2", IA_PTP_SYSOFF2 },
	{ 0x80045400, "SNDRV_TIMER_IOCTL_PVERSION", IA_HEX },
	{ TIOCGPTN, "TIOCGPTN", IA_OUT_UINT },
	{ TIOCGDEV, "TIOCGDEV", IA_OUT_UINT },
	{ TIOCGPKT, "TIOCGPKT", IA_HEX },
	{ TIOCGPTLCK, "TIOCGPTLCK", IA_HEX },
	{ TIOCGEXCL, "TIOCGEXCL", IA_OUT_INT },
	{ 0x800454cf, "TUNGETFEATURES", IA_HEX },
	{ 0x800454d2, "TUNGETIFF", IA_HEX },
	{ 0x800454d3, "TUNGETSNDBUF", IA_HEX },
	{ 0x800454d7, "TUNGETVNETHDRSZ", IA_HEX },
	{ 0x800454dd, "TUNGETVNETLE", IA_HEX },
	{ 0x800454df, "TUNGETVNETBE", IA_HEX },
	{ 0x800454e0, "TUNSETSTEERINGEBPF", IA_HEX },
	{ 0x800454e1, "TUNSETFILTEREBPF", IA_HEX },
	{ WDIOC_GETSTATUS, "WDIOC_GETSTATUS", IA_OUT_INT },
	{ WDIOC_GETBOOTSTATUS, "WDIOC_GETBOOTSTATUS", IA_OUT_INT },
	{ WDIOC_GETTEMP, "WDIOC_GETTEMP", IA_OUT_INT },
	{ WDIOC_KEEPALIVE, "WDIOC_KEEPALIVE", IA_NONE },	/* _IOR, but it reads nothing */
	{ WDIOC_GETTIMEOUT, "WDIOC_GETTIMEOUT", IA_OUT_INT },
	{ WDIOC_GETPRETIMEOUT, "WDIOC_GETPRETIMEOUT", IA_OUT_INT },
	{ WDIOC_GETTIMELEFT, "WDIOC_GETTIMELEFT", IA_OUT_INT },
	{ LIRC_GET_FEATURES, "LIRC_GET_FEATURES", IA_OUT_LIRC_FEATURES },
	{ LIRC_GET_SEND_MODE, "LIRC_GET_SEND_MODE", IA_OUT_LIRC_MODE },
	{ LIRC_GET_REC_MODE, "LIRC_GET_REC_MODE", IA_OUT_LIRC_MODE },
	{ LIRC_GET_REC_RESOLUTION, "LIRC_GET_REC_RESOLUTION", IA_OUT_UINT },
	{ LIRC_GET_MIN_TIMEOUT, "I2OVALIDATE or LIRC_GET_MIN_TIMEOUT", IA_OUT_UINT },
	{ LIRC_GET_MAX_TIMEOUT, "LIRC_GET_MAX_TIMEOUT", IA_OUT_UINT },
	{ LIRC_GET_LENGTH, "LIRC_GET_LENGTH", IA_OUT_UINT },
	{ LIRC_GET_REC_TIMEOUT, "LIRC_GET_REC_TIMEOUT", IA_OUT_UINT },
	{ RTC_ALM_READ, "RTC_ALM_READ", IA_OUT_RTC_TIME },
	{ RTC_RD_TIME, "RTC_RD_TIME", IA_OUT_RTC_TIME },
	{ RTC_IRQP_READ, "RTC_IRQP_READ", IA_OUT_U64 },
	{ RTC_EPOCH_READ, "RTC_EPOCH_READ", IA_OUT_U64 },
	{ RTC_WKALM_RD, "RTC_WKALM_RD", IA_OUT_RTC_WKALRM },
	{ RTC_PLL_GET, "RTC_PLL_GET", IA_OUT_RTC_PLL },
	{ RTC_VL_READ, "RTC_VL_READ", IA_OUT_RTC_VL },
	{ FS_IOC32_GETVERSION, "FS_IOC32_GETVERSION", IA_HEX },
	{ FS_IOC_GETVERSION, "FS_IOC_GETVERSION", IA_HEX },
	{ BLKBSZGET, "BLKBSZGET", IA_OUT_INT },
	{ BLKGETSIZE64, "BLKGETSIZE64", IA_OUT_U64 },
	{ BLKGETDISKSEQ, "BLKGETDISKSEQ", IA_OUT_U64 },
	{ FS_IOC32_GETFLAGS, "FS_IOC32_GETFLAGS", IA_OUT_FSFL },
	{ FS_IOC_GETFLAGS, "FS_IOC_GETFLAGS", IA_OUT_FSFL },
	{ 0x801054db, "TUNGETFILTER", IA_HEX },
	{ FS_IOC_FSGETXATTR, "FS_IOC_FSGETXATTR", IA_OUT_FSXATTR },
	{ 0x80285442, "TIOCGISO7816", IA_HEX },
	{ TCGETS2, "TCGETS2", IA_OUT_TERMIOS2 },
	{ PTP_CLOCK_GETCAPS, "PTP_CLOCK_GETCAPS", IA_PTP_CAPS },
	{ PTP_CLOCK_GETCAPS2, "PTP_CLOCK_GETCAPS2", IA_PTP_CAPS },
	{ 0x80605414, "SNDRV_TIMER_IOCTL_STATUS", IA_HEX },
	{ 0x80e85411, "SNDRV_TIMER_IOCTL_INFO", IA_HEX },
	{ 0xc0045401, "SNDCTL_TMR_TIMEBASE", IA_HEX },
	{ 0xc0045405, "SNDCTL_TMR_TEMPO", IA_HEX },
	{ 0xc0045406, "SNDCTL_TMR_SOURCE", IA_HEX },
	{ WDIOC_SETTIMEOUT, "WDIOC_SETTIMEOUT", IA_IN_INT },
	{ WDIOC_SETPRETIMEOUT, "WDIOC_SETPRETIMEOUT", IA_IN_INT },
	{ FIFREEZE, "FIFREEZE", IA_NONE },
	{ FITHAW, "FITHAW", IA_NONE },
	{ 0xc0145401, "SNDRV_TIMER_IOCTL_NEXT_DEVICE", IA_HEX },
	{ BLKTRACESETUP, "BLKTRACESETUP", IA_BLKTRACESETUP },
	{ FITRIM, "FITRIM", IA_IN_FSTRIM },
	{ FS_IOC_FIEMAP, "FS_IOC_FIEMAP", IA_FIEMAP },
	{ 0xc0285443, "TIOCSISO7816", IA_HEX },
	{ PTP_SYS_OFFSET_PRECISE, "PTP_SYS_OFFSET_PRECISE", IA_PTP_PRECISE },
	{ PTP_SYS_OFFSET_PRECISE2, "PTP_SYS_OFFSET_PRECISE2", IA_PTP_PRECISE },
	{ 0xc0505405, "SNDRV_TIMER_IOCTL_GSTATUS", IA_HEX },
	{ PTP_PIN_GETFUNC, "PTP_PIN_GETFUNC", IA_PTP_PIN_GET },
	{ PTP_PIN_GETFUNC2, "PTP_PIN_GETFUNC2", IA_PTP_PIN_GET2 },
	{ 0xc0f85403, "SNDRV_TIMER_IOCTL_GINFO", IA_HEX },
	{ PTP_SYS_OFFSET_EXTENDED, "PTP_SYS_OFFSET_EXTENDED", IA_PTP_EXTENDED },
	{ PTP_SYS_OFFSET_EXTENDED2, "PTP_SYS_OFFSET_EXTENDED2", IA_PTP_EXTENDED2 },
};

static const struct ioctl_def *ioctl_find(uint32_t req)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ioctl_defs); i++)
		if (ioctl_defs[i].req == req)
			return &ioctl_defs[i];
	return NULL;
}

/* TCGETS, or _IOC(_IOC_READ, 0x58, 0x1, 0x4) for a number strace has no name for */
void print_IOCTL_REQ(struct dctx *d, int arg)
{
	struct outbuf *o = d->o;
	uint32_t req = d->args[arg];
	const struct ioctl_def *def = ioctl_find(req);
	uint32_t dir = _IOC_DIR(req);
	bool in_comment = xlat_style != XLAT_ABBREV;
	const char *name;

	if (!xlat_names_begin(o, req, XF_HEX))
		return;
	/* the sound mixer's requests (linux/soundcard.h) share 'M' with MTD's: strace names a
	 * read or write one as a mixer's first, then by the name it has, if any */
	if (_IOC_TYPE(req) == 'M' && (dir == _IOC_READ || dir == _IOC_WRITE)) {
		ob_printf(o, "MIXER_%s(%u)", dir == _IOC_READ ? "READ" : "WRITE", _IOC_NR(req));
		name = def ? def->name : mtd_ioctl_name(req);
		if (name)
			ob_printf(o, " or %s", name);
		xlat_names_end(o);
		return;
	}
	if (def) {
		ob_puts(o, def->name);
		xlat_names_end(o);
		return;
	}
	if (evdev_ioctl_name(o, req, in_comment) || gpio_ioctl_name(o, req) ||
	    v4l2_ioctl_name(o, req) || scsi_ioctl_name(o, req) ||
	    seccomp_ioctl_name(o, req)) {
		xlat_names_end(o);
		return;
	}
	name = hdio_ioctl_name(req);
	if (!name)
		name = kd_ioctl_name(req);
	if (!name)
		name = loop_ioctl_name(req);
	if (!name)
		name = ubi_ioctl_name(req);
	if (!name)
		name = mtd_ioctl_name(req);
	if (name) {
		ob_puts(o, name);
		xlat_names_end(o);
		return;
	}
	if (perf_ioctl_name(req)) {
		ob_puts(o, perf_ioctl_name(req));
		xlat_names_end(o);
		return;
	}
	ob_puts(o, "_IOC(");
	if (dir == _IOC_NONE)
		ob_puts(o, "_IOC_NONE");
	else
		ob_printf(o, "%s%s%s", dir & _IOC_READ ? "_IOC_READ" : "",
			  dir == (_IOC_READ | _IOC_WRITE) ? "|" : "",
			  dir & _IOC_WRITE ? "_IOC_WRITE" : "");
	ob_puts(o, ", ");
	ob_hex(o, _IOC_TYPE(req));
	ob_puts(o, ", ");
	ob_hex(o, _IOC_NR(req));
	ob_puts(o, ", ");
	ob_hex(o, _IOC_SIZE(req));
	ob_putc(o, ')');
	xlat_names_end(o);
}

/* flags printed with nothing at all for 0, as strace does inside termios */
static void print_tflags(struct outbuf *o, const struct xlat *x, uint32_t v)
{
	if (v)
		xlat_print_flags(o, x, v, NULL);
}

/* NL0|CR0|TAB0|BS0|VT0|FF0|: each delay field's value, every one followed by '|' */
static void print_oflag_delays(struct outbuf *o, uint32_t v)
{
	static const struct {
		const char *name;
		uint32_t mask;
	} f[] = {
		{ "NL", NLDLY }, { "CR", CRDLY }, { "TAB", TABDLY },
		{ "BS", BSDLY }, { "VT", VTDLY }, { "FF", FFDLY },
	};
	unsigned int i;
	char name[8];

	for (i = 0; i < ARRAY_SIZE(f); i++) {
		uint32_t n = (v & f[i].mask) / (f[i].mask & -f[i].mask);

		if (f[i].mask == TABDLY && n == 3)
			snprintf(name, sizeof(name), "XTABS");
		else
			snprintf(name, sizeof(name), "%s%u", f[i].name, n);
		xlat_print_const(o, v & f[i].mask, XF_HEX, name, NULL);
		ob_putc(o, '|');
	}
}

enum { TERMIO, TERMIOS, TERMIOS2 };

/* struct termio (16-bit fields), termios and termios2 share the printing */
static void print_termios(struct dctx *d, int arg, bool exit, int type)
{
	static const size_t size[] = { 17, 36, 44 };
	struct outbuf *o = d->o;
	const uint8_t *p = d_struct_prefix(d, arg, exit, size[type]);
	uint32_t fl[4], cflag, ncc = type == TERMIO ? 8 : 19;
	const uint8_t *line = p + (type == TERMIO ? 8 : 16);
	unsigned int i;
	const char *n;

	if (!p)
		return;
	for (i = 0; i < 4; i++) {
		if (type == TERMIO)
			fl[i] = (uint16_t)rd_s16(p + 2 * i);
		else
			fl[i] = rd_s32(p + 4 * i);
	}
	cflag = fl[2];
	ob_puts(o, "{c_iflag=");
	print_tflags(o, &xlat_termios_iflags, fl[0]);
	ob_puts(o, ", c_oflag=");
	print_oflag_delays(o, fl[1]);
	print_tflags(o, &xlat_termios_oflags,
		     fl[1] & ~(uint32_t)(NLDLY | CRDLY | TABDLY | BSDLY | VTDLY | FFDLY));
	ob_puts(o, ", c_cflag=");
	xlat_print_val(o, &xlat_termios_bauds, cflag & CBAUD, NULL);
	ob_putc(o, '|');
	if (cflag & CIBAUD) {
		xlat_print_val(o, &xlat_termios_bauds, (cflag & CIBAUD) >> IBSHIFT, NULL);
		ob_puts(o, "<<IBSHIFT|");
	}
	xlat_print_val(o, &xlat_termios_csizes, cflag & CSIZE, NULL);
	ob_putc(o, '|');
	print_tflags(o, &xlat_termios_cflags,
		     cflag & ~(uint32_t)(CBAUD | CIBAUD | CSIZE));
	ob_puts(o, ", c_lflag=");
	print_tflags(o, &xlat_termios_lflags, fl[3]);
	if (!d->s->verbose) {
		ob_puts(o, ", ...}");
		return;
	}
	ob_puts(o, ", c_line=");
	xlat_print_val(o, &xlat_tty_ldiscs, *line, "N_???");
	ob_puts(o, ", c_cc=[");
	for (i = 0; i < ncc; i++) {
		n = xlat_name(&xlat_termios_cc, i);
		if (i)
			ob_puts(o, ", ");
		if (n)
			ob_printf(o, "[%s]=", n);
		else
			ob_printf(o, "[%u]=", i);
		ob_hex(o, line[1 + i]);
	}
	ob_putc(o, ']');
	if (type == TERMIOS2)
		ob_printf(o, ", c_ispeed=%u, c_ospeed=%u", (uint32_t)rd_s32(p + 36),
			  (uint32_t)rd_s32(p + 40));
	ob_putc(o, '}');
}

static void print_winsize(struct dctx *d, int arg, bool exit)
{
	const uint8_t *p = d_struct_prefix(d, arg, exit, 8);

	if (p)
		ob_printf(d->o, "{ws_row=%u, ws_col=%u, ws_xpixel=%u, ws_ypixel=%u}",
			  (uint16_t)rd_s16(p), (uint16_t)rd_s16(p + 2), (uint16_t)rd_s16(p + 4),
			  (uint16_t)rd_s16(p + 6));
}

/* [N], [FLAGS]: an integer behind the pointer */
static void print_int_at(struct dctx *d, int arg, bool exit, int how)
{
	struct outbuf *o = d->o;
	size_t size = how == IA_OUT_U16 ? 2 : how == IA_IN_RANGE ? 16 :
		      how == IA_OUT_U64 || how == IA_OUT_S64 ? 8 : 4;
	const uint8_t *p = d_struct_prefix(d, arg, exit, size);
	int32_t v;

	if (!p)
		return;
	v = rd_s32(p);
	ob_putc(o, '[');
	switch (how) {
	case IA_OUT_U16:
		ob_udec(o, (uint16_t)rd_s16(p));
		break;
	case IA_OUT_U64:
		ob_udec(o, rd_s64(p));
		break;
	case IA_OUT_S64:
		ob_dec(o, rd_s64(p));
		break;
	case IA_IN_RANGE:
		ob_printf(o, "%llu, %llu", (unsigned long long)rd_s64(p),
			  (unsigned long long)rd_s64(p + 8));
		break;
	case IA_OUT_UINT:
		ob_udec(o, (uint32_t)v);
		break;
	case IA_IN_XINT:
		ob_hex(o, (uint32_t)v);
		break;
	case IA_IN_LIRC_MODE:
		xlat_print_val(o, &xlat_lirc_modes, (uint32_t)v, "LIRC_MODE_???");
		break;
	case IA_OUT_LIRC_FEATURES:
		xlat_print_flags(o, &xlat_lirc_features, (uint32_t)v, "LIRC_CAN_???");
		break;
	case IA_OUT_RTC_VL:
		xlat_print_flags(o, &xlat_rtc_vl_flags, (uint32_t)v, "RTC_VL_???");
		break;
	case IA_IN_TIOCM:
		xlat_print_flags(o, &xlat_tiocm_flags, (uint32_t)v, "TIOCM_???");
		break;
	case IA_IN_FSFL:
		xlat_print_flags(o, &xlat_fs_inode_flags, (uint32_t)v, "FS_???_FL");
		break;
	default:
		ob_dec(o, v);
	}
	ob_putc(o, ']');
}

/* the call returned and wrote its output */
static bool call_wrote(const struct dctx *d)
{
	return d->exited && !d->failed;
}

/* {entropy_count=3, buf_size=8, buf="..."}: buf_size bytes follow the two ints */
static void print_rand_pool(struct dctx *d, int arg)
{
	const struct sc_blob *b = d_mem_prefix(d, arg, false, 8);
	struct outbuf *o = d->o;
	const uint8_t *p;
	int32_t size;
	size_t have;

	if (!b)
		return;
	if (b->len < 8) {
		ob_ptr(o, d->args[arg]);
		return;
	}
	p = blob_data(b);
	size = rd_s32(p + 4);
	ob_printf(o, "{entropy_count=%d, buf_size=%d, buf=", rd_s32(p), size);
	have = b->len - 8;
	if (size <= 0)
		ob_puts(o, "\"\"");
	else if ((size_t)size <= have || have >= d->s->strsize)
		/* the copy holds what -s prints of it */
		print_quoted(d, p + 8, (size_t)size < have ? (size_t)size : have, false,
			     (size_t)size > have);
	else
		ob_ptr(o, d->args[arg] + 8);	/* beyond the copy: its address */
	ob_putc(o, '}');
}

/* struct counter_watch { struct counter_component { u8 type, scope, parent, id; }; u8 event,
 * channel; } */
static void print_counter_watch(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, 6);
	struct outbuf *o = d->o;

	if (!p)
		return;
	ob_puts(o, "{component={type=");
	xlat_print_val(o, &xlat_counter_component_types, p[0], "COUNTER_COMPONENT_???");
	ob_puts(o, ", scope=");
	xlat_print_val(o, &xlat_counter_scopes, p[1], "COUNTER_SCOPE_???");
	ob_printf(o, ", parent=%u, id=%u}, event=", p[2], p[3]);
	xlat_print_val(o, &xlat_counter_events, p[4], "COUNTER_EVENT_???");
	ob_printf(o, ", channel=%u}", p[5]);
}

/* struct rtc_time: nine ints, the last three with -v only */
static void print_rtc_time(struct dctx *d, const uint8_t *p)
{
	static const char *const f[] = { "tm_sec", "tm_min", "tm_hour", "tm_mday", "tm_mon",
					 "tm_year", "tm_wday", "tm_yday", "tm_isdst" };
	unsigned int i, n = d->s->verbose ? 9 : 6;

	for (i = 0; i < n; i++)
		ob_printf(d->o, "%s%s=%d", i ? ", " : "{", f[i], rd_s32(p + 4 * i));
	ob_puts(d->o, n < 9 ? ", ...}" : "}");
}

/* struct rtc_param's value (8 bytes at p + 8) as its param says */
static void print_rtc_param_value(struct outbuf *o, uint64_t param, const uint8_t *p)
{
	uint64_t v = rd_u64(p + 8);

	switch (param) {
	case RTC_PARAM_FEATURES:
		ob_puts(o, "uvalue=");
		xlat_print_flags(o, &xlat_rtc_features, v, "1<<RTC_FEATURE_???");
		break;
	case RTC_PARAM_CORRECTION:
		ob_printf(o, "svalue=%lld", (long long)v);
		break;
	case RTC_PARAM_BACKUP_SWITCH_MODE:
		ob_puts(o, "uvalue=");
		xlat_print_val(o, &xlat_rtc_bsm, v, "RTC_BSM_???");
		break;
	default:
		ob_puts(o, "uvalue=");
		ob_hex(o, v);
	}
}

/* the real-time clock's structures (linux/rtc.h) */
static void print_rtc(struct dctx *d, int arg, int how)
{
	static const char *const pll[] = { "pll_ctrl", "pll_value", "pll_max", "pll_min",
					   "pll_posmult", "pll_negmult" };
	bool out = how == IA_OUT_RTC_TIME || how == IA_OUT_RTC_WKALRM || how == IA_OUT_RTC_PLL;
	struct outbuf *o = d->o;
	const uint8_t *p;
	uint64_t param;
	uint32_t pad;
	unsigned int i;

	switch (how) {
	case IA_IN_RTC_TIME:
	case IA_OUT_RTC_TIME:
		if ((p = d_struct_prefix(d, arg, out, 36)))
			print_rtc_time(d, p);
		return;
	case IA_IN_RTC_WKALRM:
	case IA_OUT_RTC_WKALRM:
		if (!(p = d_struct_prefix(d, arg, out, 40)))
			return;
		ob_printf(o, "{enabled=%u, pending=%u, time=", p[0], p[1]);
		print_rtc_time(d, p + 4);
		ob_putc(o, '}');
		return;
	case IA_IN_RTC_PLL:
	case IA_OUT_RTC_PLL:
		if (!(p = d_struct_prefix(d, arg, out, 32)))
			return;
		for (i = 0; i < ARRAY_SIZE(pll); i++)
			ob_printf(o, "%s%s=%d", i ? ", " : "{", pll[i], rd_s32(p + 4 * i));
		ob_printf(o, ", pll_clock=%lld}", (long long)rd_s64(p + 24));
		return;
	}
	/* struct rtc_param { u64 param; u64 value; u32 index; u32 __pad; } */
	if (!(p = d_struct_prefix(d, arg, false, 24)))
		return;
	param = rd_u64(p);
	pad = rd_u32(p + 20);
	ob_puts(o, "{param=");
	xlat_print_val(o, &xlat_rtc_params, param, "RTC_PARAM_???");
	if (how == IA_RTC_PARAM_SET) {
		ob_puts(o, ", ");
		print_rtc_param_value(o, param, p);
	}
	ob_printf(o, ", index=%u", rd_u32(p + 16));
	if (pad)
		ob_printf(o, ", __pad=%#x", pad);
	ob_putc(o, '}');
	if (how == IA_RTC_PARAM_SET)
		return;
	/* GET writes the value */
	ob_puts(o, " => ");
	if (!(p = d_struct_prefix(d, arg, true, 24)))
		return;
	ob_putc(o, '{');
	print_rtc_param_value(o, param, p);
	pad = rd_u32(p + 20);
	if (pad)
		ob_printf(o, ", __pad=%#x", pad);
	ob_putc(o, '}');
}

/* FITRIM: {start=0x..., len=N, minlen=N}, printed at entry only, as strace does */
static void print_fstrim_range(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, sizeof(struct fstrim_range));

	if (p)
		ob_printf(d->o, "{start=%#llx, len=%llu, minlen=%llu}",
			  (unsigned long long)rd_u64(p), (unsigned long long)rd_u64(p + 8),
			  (unsigned long long)rd_u64(p + 16));
}

/* struct fsxattr, read whole as strace does: the setter's input has no fsx_nextents (the kernel ignores it) */
static void print_fsxattr(struct dctx *d, int arg, bool exit)
{
	struct outbuf *o = d->o;
	const uint8_t *p = d_struct_prefix(d, arg, exit, sizeof(struct fsxattr));

	if (!p)
		return;
	ob_puts(o, "{fsx_xflags=");
	xlat_print_flags(o, &xlat_fsx_xflags, rd_u32(p), "FS_XFLAG_???");
	ob_printf(o, ", fsx_extsize=%u", rd_u32(p + 4));
	if (exit)
		ob_printf(o, ", fsx_nextents=%u", rd_u32(p + 8));
	ob_printf(o, ", fsx_projid=%#x, fsx_cowextsize=%u}", rd_u32(p + 12), rd_u32(p + 16));
}

static void print_fiemap_flags(struct outbuf *o, uint32_t v)
{
	xlat_print_flags(o, &xlat_fiemap_flags, v, "FIEMAP_FLAG_???");
}

/*
 * Extents of FS_IOC_FIEMAP copied (blob sub 1, its ioctl_refs row): 3584 bytes, a copy no more
 * than two pages long, so that one an unreadable page cuts keeps the extents before it.
 */
#define FIEMAP_EXTENTS_MAX	64

static void print_fiemap_extent(struct dctx *d, const uint8_t *e)
{
	struct outbuf *o = d->o;

	ob_printf(o, "{fe_logical=%llu, fe_physical=%llu, fe_length=%llu, fe_flags=",
		  (unsigned long long)rd_u64(e), (unsigned long long)rd_u64(e + 8),
		  (unsigned long long)rd_u64(e + 16));
	xlat_print_flags(o, &xlat_fiemap_extent_flags, rd_u32(e + 40), "FIEMAP_EXTENT_???");
	ob_putc(o, '}');
}

/*
 * FS_IOC_FIEMAP: the request at entry, then what the call wrote. With -v the fm_mapped_extents
 * extents that follow the 32-byte header print from their own copy (sub 1): as many as were
 * readable, then the address of the first that was not; none readable, their address.
 */
static void print_fiemap(struct dctx *d, int arg)
{
	struct outbuf *o = d->o;
	const uint8_t *p = d_struct_prefix(d, arg, false, 32);
	const struct sc_blob *b;
	uint32_t n;

	if (!p)
		return;
	ob_printf(o, "{fm_start=%llu, fm_length=%llu, fm_flags=",
		  (unsigned long long)rd_u64(p), (unsigned long long)rd_u64(p + 8));
	print_fiemap_flags(o, rd_u32(p + 16));
	ob_printf(o, ", fm_extent_count=%u}", rd_u32(p + 24));
	if (!d->exited || d->failed)
		return;
	b = d_mem_prefix(d, arg, true, 32);
	ob_puts(o, " => ");
	if (!b || b->len < 32) {
		if (b)
			ob_ptr(o, d->args[arg]);
		return;
	}
	p = blob_data(b);
	n = rd_u32(p + 20);
	ob_puts(o, "{fm_flags=");
	print_fiemap_flags(o, rd_u32(p + 16));
	ob_printf(o, ", fm_mapped_extents=%u, ", n);
	if (!d->s->verbose) {
		ob_puts(o, "...}");
		return;
	}
	ob_puts(o, "fm_extents=");
	print_array_blob(d, d_blob(d, arg, 1, true), d->args[arg] + 32, n,
			 sizeof(struct fiemap_extent), print_fiemap_extent, UINT64_MAX);
	ob_putc(o, '}');
}

/*
 * BLKPG: {op=BLKPG_ADD_PARTITION, flags=0, datalen=152, data=0x...}. The blkpg_partition that
 * data points to for ADD/DEL is a second-level pointer the BPF side does not copy: it prints
 * as its address, what strace prints when it cannot read it.
 */
/* a char array with no NUL: all but its last byte, then "..." */
static void print_char_field(struct dctx *d, const char *field, const uint8_t *p, size_t size)
{
	size_t n = strnlen((const char *)p, size);

	ob_printf(d->o, ", %s=", field);
	print_quoted(d, p, n < size ? n : n - 1, true, n == size);
}

/* BLKPG: struct blkpg_ioctl_arg; a partition's struct blkpg_partition is its blob 1 */
static void print_blkpg(struct dctx *d, int arg)
{
	struct outbuf *o = d->o;
	const uint8_t *p = d_struct_prefix(d, arg, false, sizeof(struct blkpg_ioctl_arg));
	const struct sc_blob *b;
	struct blkpg_partition bp;
	uint64_t data;
	int32_t op;

	if (!p)
		return;
	op = rd_s32(p);
	data = rd_u64(p + offsetof(struct blkpg_ioctl_arg, data));
	ob_puts(o, "{op=");
	xlat_print_val(o, &xlat_blkpg_ops, (uint32_t)op, "BLKPG_???");
	ob_printf(o, ", flags=%d, datalen=%d, data=", rd_s32(p + 4), rd_s32(p + 8));
	b = d_blob(d, arg, 1, false);
	if ((op != BLKPG_ADD_PARTITION && op != BLKPG_DEL_PARTITION &&
	     op != BLKPG_RESIZE_PARTITION) || !data || !b || (b->flags & BLOBF_FAULT) ||
	    b->len < sizeof(bp)) {
		ob_ptr(o, data);
		ob_putc(o, '}');
		return;
	}
	memcpy(&bp, blob_data(b), sizeof(bp));
	ob_printf(o, "{start=%lld, length=%lld, pno=%d", bp.start, bp.length, bp.pno);
	print_char_field(d, "devname", (const uint8_t *)bp.devname, sizeof(bp.devname));
	print_char_field(d, "volname", (const uint8_t *)bp.volname, sizeof(bp.volname));
	ob_puts(o, "}}");
}

/* BLKTRACESETUP: the input fields at entry; the name the kernel wrote when the call succeeded */
static void print_blk_trace_setup(struct dctx *d, int arg)
{
	struct outbuf *o = d->o;
	const uint8_t *p = d_struct_prefix(d, arg, false, sizeof(struct blk_user_trace_setup));
	const struct sc_blob *b;
	size_t n;

	if (!p)
		return;
	ob_printf(o, "{act_mask=%u, buf_size=%u, buf_nr=%u, start_lba=%llu, end_lba=%llu, pid=%u",
		  rd_u16(p + offsetof(struct blk_user_trace_setup, act_mask)),
		  rd_u32(p + offsetof(struct blk_user_trace_setup, buf_size)),
		  rd_u32(p + offsetof(struct blk_user_trace_setup, buf_nr)),
		  (unsigned long long)rd_u64(p + offsetof(struct blk_user_trace_setup, start_lba)),
		  (unsigned long long)rd_u64(p + offsetof(struct blk_user_trace_setup, end_lba)),
		  rd_u32(p + offsetof(struct blk_user_trace_setup, pid)));
	if (call_wrote(d)) {
		b = d_blob(d, arg, 0, true);
		if (b && b->len >= BLKTRACE_BDEV_SIZE &&
		    (!(b->flags & BLOBF_FAULT) || (b->flags & BLOBF_PART))) {
			/* a char array with no NUL: all but its last byte, then "..." */
			p = blob_data(b);
			n = strnlen((const char *)p, BLKTRACE_BDEV_SIZE);
			ob_puts(o, ", name=");
			print_quoted(d, p, n < BLKTRACE_BDEV_SIZE ? n : n - 1, true,
				     n == BLKTRACE_BDEV_SIZE);
		}
	}
	ob_putc(o, '}');
}

/* --- console (linux/kd.h) --- */

/* the PIT's input clock: KIOCSOUND's and KDMKTONE's counts divide it */
#define KD_PIT_HZ	1193182
/* the ports KDADDIO takes (the kernel's GPFIRST..GPLAST, not in the uapi) */
#define GPFIRST		0x3b4
#define GPLAST		0x3df

/* " / * 440 Hz * /", " / * off * /": what a count sounds as (nothing in raw) */
static void print_kd_tone(struct outbuf *o, uint64_t count, uint64_t ms, bool with_ms)
{
	if (xlat_style == XLAT_RAW)
		return;
	if (!count || count > KD_PIT_HZ || (with_ms && !ms))
		ob_puts(o, " /* off */");
	else if (with_ms)
		ob_printf(o, " /* %llu Hz, %llu ms */", (unsigned long long)(KD_PIT_HZ / count),
			  (unsigned long long)ms);
	else
		ob_printf(o, " /* %llu Hz */", (unsigned long long)(KD_PIT_HZ / count));
}

/* KDMKTONE: the duration in ms in the upper half of the low 32 bits, the count in the lower */
static void print_kd_mktone(struct outbuf *o, uint32_t v)
{
	uint32_t ms = v >> 16, count = v & 0xffff;

	if (ms)
		ob_printf(o, "%u<<16|%u", ms, count);
	else
		ob_udec(o, count);
	print_kd_tone(o, count, ms, true);
}

/* the few console values the kernel reads by value or writes through the pointer */
static void print_kd_val(struct outbuf *o, int how, uint64_t v)
{
	char buf[16];

	switch (how) {
	case IA_KD_LED:
		xlat_print_flags(o, &xlat_kd_leds, (uint8_t)v, "LED_???");
		break;
	case IA_KD_KBLED:
		xlat_print_flags(o, &xlat_kd_kbleds, (uint8_t)v, "LED_???");
		break;
	case IA_KD_OUT_KBTYPE:
		xlat_print_val(o, &xlat_kd_kbd_types, (uint8_t)v, "KB_???");
		break;
	case IA_KD_MODE:
		xlat_print_val(o, &xlat_kd_modes, (uint32_t)v, "KD_???");
		break;
	case IA_KD_KBMODE:
		xlat_print_const(o, (int64_t)(int32_t)v, XF_DEC,
				 xlat_name(&xlat_kd_kbd_modes, (uint32_t)v), "K_???");
		break;
	case IA_KD_META:
		xlat_print_val(o, &xlat_kd_meta_modes, (uint32_t)v, "K_???");
		break;
	case IA_KD_SIG:
		if (v >= 1 && v <= 64)
			xlat_print_const(o, v, XF_UDEC, signal_name(v, buf, sizeof(buf)), NULL);
		else
			ob_udec(o, v);
		break;
	}
}

/* [value] written by the call: a char or an int */
static void print_kd_out(struct dctx *d, int arg, int how, size_t size)
{
	const uint8_t *p = d_struct_prefix(d, arg, true, size);

	if (!p)
		return;
	ob_putc(d->o, '[');
	print_kd_val(d->o, how, size == 1 ? *p : rd_u32(p));
	ob_putc(d->o, ']');
}

/*
 * A byte table (the screen map, the colour map) in hex, as far as -s goes: strace reads no
 * more than it prints and one byte (the "..."), so only those must be readable.
 */
static void print_kd_table(struct dctx *d, int arg, bool exit, size_t size)
{
	size_t need = size < d->s->strsize + 1 ? size : d->s->strsize + 1;
	const struct sc_blob *b;
	size_t n;

	if (exit && (!d->exited || d->failed)) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	b = d_mem_prefix(d, arg, exit, need);
	if (!b)
		return;
	if (b->len < need) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	n = need < d->s->strsize ? need : d->s->strsize;
	d->force_hex = true;
	print_quoted(d, blob_data(b), n, false, n < size);
	d->force_hex = false;
}

static void print_kd_keycode(struct dctx *d, int arg, bool get)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, 8);

	if (!p)
		return;
	ob_printf(d->o, "{scancode=%#x, keycode=%#x", rd_u32(p), rd_u32(p + 4));
	if (get && call_wrote(d) && (p = d_struct_prefix(d, arg, true, 8)))
		ob_printf(d->o, " => %#x", rd_u32(p + 4));
	ob_putc(d->o, '}');
}

static void print_kd_kbdrep(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, 8);

	if (!p)
		return;
	ob_printf(d->o, "{delay=%d, period=%d}", rd_s32(p), rd_s32(p + 4));
	if (call_wrote(d) && (p = d_struct_prefix(d, arg, true, 8)))
		ob_printf(d->o, " => {delay=%d, period=%d}", rd_s32(p), rd_s32(p + 4));
}

static void print_kd_unimapinit(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, 6);

	if (p)
		ob_printf(d->o, "{advised_hashsize=%u, advised_hashstep=%u, advised_hashlevel=%u}",
			  rd_u16(p), rd_u16(p + 2), rd_u16(p + 4));
}

/* --- PTP clocks (linux/ptp_clock.h) --- */

/* ", rsv=[0xdeadc0de, 0]": a reserved array, printed only when some of it is set */
static void print_rsv(struct outbuf *o, const uint8_t *p, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n && !rd_u32(p + 4 * i); i++)
		;
	if (i == n)
		return;
	ob_puts(o, ", rsv=[");
	for (i = 0; i < n; i++) {
		if (i)
			ob_puts(o, ", ");
		ob_hex(o, rd_u32(p + 4 * i));
	}
	ob_putc(o, ']');
}

/* struct ptp_clock_time: {sec=1, nsec=2, reserved=0x3}, with the date for a point in time */
static void print_ptp_time(struct outbuf *o, const uint8_t *p, bool when)
{
	ob_printf(o, "{sec=%lld, nsec=%u", (long long)rd_s64(p), rd_u32(p + 8));
	if (rd_u32(p + 12))
		ob_printf(o, ", reserved=%#x", rd_u32(p + 12));
	ob_putc(o, '}');
	if (when && xlat_style != XLAT_RAW)
		print_time_comment(o, rd_s64(p), rd_u32(p + 8));
}

static void print_ptp_caps(struct dctx *d, int arg)
{
	static const char *const f[] = {
		"max_adj", "n_alarm", "n_ext_ts", "n_per_out", "pps", "n_pins",
		"cross_timestamping", "adjust_phase",
	};
	const uint8_t *p = d_struct_prefix(d, arg, true, 80);
	unsigned int i;

	if (!p)
		return;
	for (i = 0; i < ARRAY_SIZE(f); i++)
		ob_printf(d->o, "%s%s=%d", i ? ", " : "{", f[i], rd_s32(p + 4 * i));
	print_rsv(d->o, p + 32, 12);
	ob_putc(d->o, '}');
}

static void print_ptp_extts(struct dctx *d, int arg, bool v2)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, 16);

	if (!p)
		return;
	ob_printf(d->o, "{index=%u, flags=", rd_u32(p));
	xlat_print_flags(d->o, &xlat_ptp_extts_flags, rd_u32(p + 4), "PTP_???");
	if (v2)
		print_rsv(d->o, p + 8, 2);
	ob_putc(d->o, '}');
}

/* the first time is the start, or with PTP_PEROUT_PHASE the phase; the union at the end is the
 * on time with PTP_PEROUT_DUTY_CYCLE */
static void print_ptp_perout(struct dctx *d, int arg, bool v2)
{
	struct outbuf *o = d->o;
	const uint8_t *p = d_struct_prefix(d, arg, false, 56);
	uint32_t flags;

	if (!p)
		return;
	flags = rd_u32(p + 36);
	ob_puts(o, flags & PTP_PEROUT_PHASE ? "{phase=" : "{start=");
	print_ptp_time(o, p, !(flags & PTP_PEROUT_PHASE));
	ob_puts(o, ", period=");
	print_ptp_time(o, p + 16, false);
	ob_printf(o, ", index=%u, flags=", rd_u32(p + 32));
	xlat_print_flags(o, &xlat_ptp_perout_flags, flags, "PTP_PEROUT_???");
	if (flags & PTP_PEROUT_DUTY_CYCLE) {
		ob_puts(o, ", on=");
		print_ptp_time(o, p + 40, false);
	} else if (v2) {
		print_rsv(o, p + 40, 4);
	}
	ob_putc(o, '}');
}

/* `n` clock times from `p`: [{sec=..}, ...], at most -s of them unless -v */
static void print_ptp_times(struct dctx *d, const uint8_t *p, unsigned int n)
{
	unsigned int i;

	ob_putc(d->o, '[');
	for (i = 0; i < n; i++) {
		if (i)
			ob_puts(d->o, ", ");
		if (!d->s->verbose && i >= d->s->strsize) {
			ob_puts(d->o, "...");
			break;
		}
		print_ptp_time(d->o, p + 16 * i, true);
	}
	ob_putc(d->o, ']');
}

/* struct ptp_sys_offset: n_samples read by the call, then the 2 * n_samples + 1 times written */
static void print_ptp_sysoff(struct dctx *d, int arg)
{
	const size_t size = sizeof(struct ptp_sys_offset);
	const uint8_t *p = d_struct_prefix(d, arg, false, size);
	uint32_t n;

	if (!p)
		return;
	ob_printf(d->o, "{n_samples=%u", rd_u32(p));
	print_rsv(d->o, p + 4, 3);
	if (call_wrote(d) && (p = d_struct_prefix(d, arg, true, size))) {
		n = rd_u32(p);
		n = n < PTP_MAX_SAMPLES ? 2 * n + 1 : 2 * PTP_MAX_SAMPLES + 1;
		ob_puts(d->o, ", ts=");
		print_ptp_times(d, p + 16, n);
	}
	ob_putc(d->o, '}');
}

/*
 * struct ptp_sys_offset_extended: n_samples read by the call, then n_samples triplets of times
 * written. It is larger than CAP_IOCTL's cap (1216 bytes): its ioctl_refs row copies it whole.
 */
static void print_ptp_extended(struct dctx *d, int arg)
{
	const size_t size = sizeof(struct ptp_sys_offset_extended);
	struct outbuf *o = d->o;
	const uint8_t *p = d_struct_prefix(d, arg, false, size);
	uint32_t i, k, n;

	if (!p)
		return;
	ob_printf(o, "{n_samples=%u", rd_u32(p));
	print_rsv(o, p + 4, 3);
	if (call_wrote(d) && (p = d_struct_prefix(d, arg, true, size))) {
		n = rd_u32(p) < PTP_MAX_SAMPLES ? rd_u32(p) : PTP_MAX_SAMPLES;
		ob_puts(o, ", ts=[");
		for (i = 0; i < n; i++) {
			if (i)
				ob_puts(o, ", ");
			if (!d->s->verbose && i >= d->s->strsize) {
				ob_puts(o, "...");
				break;
			}
			for (k = 0; k < 3; k++) {
				ob_puts(o, k ? ", " : "[");
				print_ptp_time(o, p + 16 + 48 * i + 16 * k, true);
			}
			ob_putc(o, ']');
		}
		ob_putc(o, ']');
	}
	ob_putc(o, '}');
}

unsigned int custom_ioctl_refs(struct ioctl_ref *out, unsigned int max, bool verbose)
{
	/*
	 * PTP_SYS_OFFSET_EXTENDED's struct is larger than CAP_IOCTL's cap; BLKPG's partition;
	 * FS_IOC_FIEMAP's extents, which follow its header and print only with -v
	 */
	const struct ioctl_ref refs[] = {
		{ .req = PTP_SYS_OFFSET_EXTENDED, .arg_size = sizeof(struct ptp_sys_offset_extended),
		  .ptr_off = IOCTL_REF_NONE, .cnt_off = IOCTL_REF_NONE, .sel_off = IOCTL_REF_NONE,
		  .el_ptr_off = IOCTL_REF_NONE },
		{ .req = PTP_SYS_OFFSET_EXTENDED2, .arg_size = sizeof(struct ptp_sys_offset_extended),
		  .ptr_off = IOCTL_REF_NONE, .cnt_off = IOCTL_REF_NONE, .sel_off = IOCTL_REF_NONE,
		  .el_ptr_off = IOCTL_REF_NONE },
		{ .req = BLKPG, .ptr_off = offsetof(struct blkpg_ioctl_arg, data),
		  .cnt_off = IOCTL_REF_NONE, .esize = sizeof(struct blkpg_partition), .max = 1,
		  .sel_off = IOCTL_REF_NONE, .el_ptr_off = IOCTL_REF_NONE },
		{ .req = FS_IOC_FIEMAP, .ptr_off = offsetof(struct fiemap, fm_extents),
		  .cnt_off = offsetof(struct fiemap, fm_mapped_extents),
		  .esize = sizeof(struct fiemap_extent), .max = FIEMAP_EXTENTS_MAX,
		  .sel_off = IOCTL_REF_NONE, .el_ptr_off = IOCTL_REF_NONE,
		  .flags = IOCTL_REFF_INLINE },
	};
	unsigned int i, n = 0;

	for (i = 0; i < ARRAY_SIZE(refs) && n < max; i++)
		if (verbose || refs[i].req != FS_IOC_FIEMAP)
			out[n++] = refs[i];
	return n;
}

/* struct ptp_pin_desc: the index (and for a get only that) read, the rest written by a get */
static void print_ptp_pin(struct dctx *d, int arg, bool get, bool v2)
{
	const size_t size = sizeof(struct ptp_pin_desc);
	struct outbuf *o = d->o;
	const uint8_t *p = d_struct_prefix(d, arg, false, size);
	size_t n;

	if (!p)
		return;
	ob_printf(o, "{index=%u", rd_u32(p + 64));
	if (get) {
		if (v2)
			print_rsv(o, p + 76, 5);
		if (!call_wrote(d) || !(p = d_struct_prefix(d, arg, true, size))) {
			ob_putc(o, '}');
			return;
		}
		ob_puts(o, ", name=");
		for (n = 0; n < 63 && p[n]; n++)
			;
		print_quoted(d, p, n, true, n == 63);
	}
	ob_puts(o, ", func=");
	xlat_print_val(o, &xlat_ptp_pin_funcs, rd_u32(p + 68), "PTP_PF_???");
	ob_printf(o, ", chan=%u", rd_u32(p + 72));
	if (!get && v2)
		print_rsv(o, p + 76, 5);
	ob_putc(o, '}');
}

static void print_ptp_precise(struct dctx *d, int arg)
{
	static const char *const f[] = { "device", "sys_realtime", "sys_monoraw" };
	const uint8_t *p = d_struct_prefix(d, arg, true, sizeof(struct ptp_sys_offset_precise));
	unsigned int i;

	if (!p)
		return;
	for (i = 0; i < ARRAY_SIZE(f); i++) {
		ob_printf(d->o, "%s%s=", i ? ", " : "{", f[i]);
		/* the raw monotonic clock is no date */
		print_ptp_time(d->o, p + 16 * i, i < 2);
	}
	print_rsv(d->o, p + 48, 4);
	ob_putc(d->o, '}');
}

/* by request: structures read by the call from the entry record, written ones after it */
static void ioctl_arg(struct dctx *d, int arg)
{
	const struct ioctl_def *def = ioctl_find(d->args[1]);
	struct outbuf *o = d->o;
	uint64_t v = d->args[arg];
	const struct sc_blob *b;

	if (d->phase == DP_SUFFIX)
		return;
	if (!def && evdev_ioctl_known(d->args[1])) {
		evdev_ioctl_arg(d, arg);
		return;
	}
	if (!def && gpio_ioctl_known(d->args[1])) {
		gpio_ioctl_arg(d, arg);
		return;
	}
	if (!def && v4l2_ioctl_known(d->args[1])) {
		v4l2_ioctl_arg(d, arg);
		return;
	}
	if (!def && hdio_ioctl_name(d->args[1])) {
		hdio_ioctl_arg(d, arg);
		return;
	}
	if (!def && perf_ioctl_name(d->args[1])) {
		perf_ioctl_arg(d, arg);
		return;
	}
	if (!def && kd_ioctl_name(d->args[1])) {
		kd_ioctl_arg(d, arg);
		return;
	}
	if (!def && loop_ioctl_name(d->args[1])) {
		loop_ioctl_arg(d, arg);
		return;
	}
	if (!def && ubi_ioctl_name(d->args[1])) {
		ubi_ioctl_arg(d, arg);
		return;
	}
	if (!def && mtd_ioctl_name(d->args[1])) {
		mtd_ioctl_arg(d, arg);
		return;
	}
	if (!def && scsi_ioctl_known(d->args[1])) {
		scsi_ioctl_arg(d, arg);
		return;
	}
	if (!def && seccomp_ioctl_known(d->args[1])) {
		seccomp_ioctl_arg(d, arg);
		return;
	}
	switch (def ? def->arg : IA_HEX) {
	case IA_NONE:
		return;
	case IA_INT:
		ob_dec(o, (int32_t)v);
		return;
	case IA_IN_INT:
		print_int_at(d, arg, false, IA_IN_INT);
		return;
	case IA_OUT_INT:
		print_int_at(d, arg, true, IA_OUT_INT);
		return;
	case IA_OUT_UINT:
	case IA_OUT_U16:
	case IA_OUT_U64:
	case IA_OUT_S64:
	case IA_OUT_LIRC_FEATURES:
	case IA_OUT_RTC_VL:
		print_int_at(d, arg, true, def->arg);
		return;
	case IA_OUT_LIRC_MODE:
		print_int_at(d, arg, true, IA_IN_LIRC_MODE);
		return;
	case IA_IN_UINT:
		print_int_at(d, arg, false, IA_OUT_UINT);
		return;
	case IA_IN_XINT:
	case IA_IN_LIRC_MODE:
		print_int_at(d, arg, false, def->arg);
		return;
	case IA_IN_RANGE:
		print_int_at(d, arg, false, IA_IN_RANGE);
		return;
	case IA_ULONG:
		ob_udec(o, v);
		return;
	case IA_IN_TIOCM:
		print_int_at(d, arg, false, IA_IN_TIOCM);
		return;
	case IA_OUT_TIOCM:
		print_int_at(d, arg, true, IA_IN_TIOCM);
		return;
	case IA_IN_FSFL:
		print_int_at(d, arg, false, IA_IN_FSFL);
		return;
	case IA_OUT_FSFL:
		print_int_at(d, arg, true, IA_IN_FSFL);
		return;
	case IA_IN_RANDPOOL:
		print_rand_pool(d, arg);
		return;
	case IA_IN_COUNTER_WATCH:
		print_counter_watch(d, arg);
		return;
	case IA_IN_RTC_TIME:
	case IA_OUT_RTC_TIME:
	case IA_IN_RTC_WKALRM:
	case IA_OUT_RTC_WKALRM:
	case IA_IN_RTC_PLL:
	case IA_OUT_RTC_PLL:
	case IA_RTC_PARAM_GET:
	case IA_RTC_PARAM_SET:
		print_rtc(d, arg, def->arg);
		return;
	case IA_IN_CHAR:
		b = d_mem(d, arg, false);
		if (b && b->len)
			print_quoted(d, blob_data(b), 1, false, false);
		else if (b)
			ob_ptr(o, v);
		return;
	case IA_TCXONC:
		xlat_print_val(o, &xlat_tcxonc_args, v, "TC???");
		return;
	case IA_TCFLSH:
		xlat_print_val(o, &xlat_tcflsh_args, v, "TC???");
		return;
	case IA_IN_WINSZ:
	case IA_OUT_WINSZ:
		print_winsize(d, arg, def->arg == IA_OUT_WINSZ);
		return;
	case IA_IN_TERMIO:
	case IA_OUT_TERMIO:
		print_termios(d, arg, def->arg == IA_OUT_TERMIO, TERMIO);
		return;
	case IA_IN_TERMIOS:
	case IA_OUT_TERMIOS:
		print_termios(d, arg, def->arg == IA_OUT_TERMIOS, TERMIOS);
		return;
	case IA_IN_TERMIOS2:
	case IA_OUT_TERMIOS2:
		print_termios(d, arg, def->arg == IA_OUT_TERMIOS2, TERMIOS2);
		return;
	case IA_IN_FSTRIM:
		print_fstrim_range(d, arg);
		return;
	case IA_IN_FSXATTR:
	case IA_OUT_FSXATTR:
		print_fsxattr(d, arg, def->arg == IA_OUT_FSXATTR);
		return;
	case IA_FIEMAP:
		print_fiemap(d, arg);
		return;
	case IA_BLKPG:
		print_blkpg(d, arg);
		return;
	case IA_BLKTRACESETUP:
		print_blk_trace_setup(d, arg);
		return;
	case IA_KD_SOUND:
		ob_udec(o, v);
		print_kd_tone(o, v, 0, false);
		return;
	case IA_KD_TONE:
		print_kd_mktone(o, v);
		return;
	case IA_KD_IO:
		ob_hex(o, v);
		if (v >= GPFIRST && v <= GPLAST && xlat_style != XLAT_RAW)
			ob_printf(o, " /* GPFIRST + %llu */", (unsigned long long)(v - GPFIRST));
		return;
	case IA_KD_LED:
	case IA_KD_KBLED:
	case IA_KD_MODE:
	case IA_KD_KBMODE:
	case IA_KD_META:
	case IA_KD_SIG:
		print_kd_val(o, def->arg, v);
		return;
	case IA_KD_OUT_LED:
		print_kd_out(d, arg, IA_KD_LED, 1);
		return;
	case IA_KD_OUT_KBLED:
		print_kd_out(d, arg, IA_KD_KBLED, 1);
		return;
	case IA_KD_OUT_KBTYPE:
		print_kd_out(d, arg, IA_KD_OUT_KBTYPE, 1);
		return;
	case IA_KD_OUT_MODE:
		print_kd_out(d, arg, IA_KD_MODE, 4);
		return;
	case IA_KD_OUT_KBMODE:
		print_kd_out(d, arg, IA_KD_KBMODE, 4);
		return;
	case IA_KD_OUT_META:
		print_kd_out(d, arg, IA_KD_META, 4);
		return;
	case IA_KD_SCRNMAP:
	case IA_KD_OUT_SCRNMAP:
		print_kd_table(d, arg, def->arg == IA_KD_OUT_SCRNMAP, E_TABSZ);
		return;
	case IA_KD_CMAP:
	case IA_KD_OUT_CMAP:
		print_kd_table(d, arg, def->arg == IA_KD_OUT_CMAP, 48);
		return;
	case IA_KD_GETKEYCODE:
	case IA_KD_SETKEYCODE:
		print_kd_keycode(d, arg, def->arg == IA_KD_GETKEYCODE);
		return;
	case IA_KD_KBDREP:
		print_kd_kbdrep(d, arg);
		return;
	case IA_KD_UNIMAPINIT:
		print_kd_unimapinit(d, arg);
		return;
	case IA_PTP_CAPS:
		print_ptp_caps(d, arg);
		return;
	case IA_PTP_EXTTS:
	case IA_PTP_EXTTS2:
		print_ptp_extts(d, arg, def->arg == IA_PTP_EXTTS2);
		return;
	case IA_PTP_PEROUT:
	case IA_PTP_PEROUT2:
		print_ptp_perout(d, arg, def->arg == IA_PTP_PEROUT2);
		return;
	case IA_PTP_SYSOFF:
	case IA_PTP_SYSOFF2:
		print_ptp_sysoff(d, arg);
		return;
	case IA_PTP_EXTENDED:
	case IA_PTP_EXTENDED2:
		print_ptp_extended(d, arg);
		return;
	case IA_PTP_PIN_GET:
	case IA_PTP_PIN_GET2:
	case IA_PTP_PIN_SET:
	case IA_PTP_PIN_SET2:
		print_ptp_pin(d, arg, def->arg == IA_PTP_PIN_GET || def->arg == IA_PTP_PIN_GET2,
			      def->arg == IA_PTP_PIN_GET2 || def->arg == IA_PTP_PIN_SET2);
		return;
	case IA_PTP_PRECISE:
		print_ptp_precise(d, arg);
		return;
	}
	ob_hex(o, v);
}

/* = 268435456 (CLONE_NEWUSER): NS_GET_NSTYPE's namespace type; other requests' numbers */
void print_ioctl_ret(struct dctx *d)
{
	ob_dec(d->o, d->ret);
	if (v4l2_ioctl_ret(d))
		return;
	if ((uint32_t)d->args[1] == NS_GET_NSTYPE && !d->failed) {
		ob_puts(d->o, " (");
		print_ns_types(d->o, d->ret);
		ob_putc(d->o, ')');
	}
}

void print_IOCTL_ARG(struct dctx *d, int arg)
{
	size_t mark = d->o->len;

	ioctl_arg(d, arg);
	omit_if_empty(d, mark);
}

/* --- prctl: the arguments an option uses, by position (arg2 .. arg5 are args[1..4]) --- */

/* a signal number or else the raw number: SIGKILL, 0, 4294967297 */
static void print_sig_or_ulong(struct outbuf *o, uint64_t v)
{
	char buf[16];

	if (v >= 1 && v <= 64)
		xlat_print_const(o, v, XF_UDEC, signal_name(v, buf, sizeof(buf)), NULL);
	else
		ob_udec(o, v);
}

/* the comm name: what PR_SET_NAME reads is cut at 15 characters, what PR_GET_NAME writes at 16 */
static void print_comm(struct dctx *d, int arg, bool exit)
{
	const uint8_t *p = d_struct(d, arg, exit, 16);
	size_t n, max = exit ? 16 : 15;

	if (!p)
		return;
	for (n = 0; n < max && p[n]; n++)
		;
	print_quoted(d, p, n, true, n == max);
}

/* [value] written by the call: an int, a signal, a TSC mode, a pointer, a u64 in hex */
enum { PO_INT, PO_SIG, PO_TSC, PO_PTR, PO_U64 };

static void print_prctl_out(struct dctx *d, int arg, int how)
{
	struct outbuf *o = d->o;
	size_t need = how == PO_PTR || how == PO_U64 ? 8 : 4;
	const struct sc_blob *b;
	const uint8_t *p;

	/* the copy is larger than the int or pointer: only those bytes must be readable */
	if (!d->exited || d->failed) {
		ob_ptr(o, d->args[arg]);
		return;
	}
	b = d_mem_prefix(d, arg, true, need);
	if (!b)
		return;
	if (b->len < need) {
		ob_ptr(o, d->args[arg]);
		return;
	}
	p = blob_data(b);
	ob_putc(o, '[');
	if (how == PO_PTR)
		ob_ptr(o, rd_s64(p));
	else if (how == PO_U64)
		ob_hex(o, rd_u64(p));
	else if (how == PO_SIG && rd_s32(p))
		print_signal(o, rd_s32(p));
	else if (how == PO_TSC)
		xlat_print_val(o, &xlat_pr_tsc, (uint32_t)rd_s32(p), "PR_TSC_???");
	else
		ob_dec(o, rd_s32(p));
	ob_putc(o, ']');
}

/*
 * PR_SET_VMA_ANON_NAME's name: the string copied at entry; a call with no enter record (an
 * injected one) has only the exit's fixed copy of -s + 1 bytes, cut at its NUL as strace
 * reads a string: one readable up to its NUL prints, one that faulted before it is an address
 */
static void print_vma_name(struct dctx *d, int arg)
{
	const struct sc_blob *b = d_blob(d, arg, 0, false);
	size_t max = d->s->strsize, n, len;
	const uint8_t *p;

	if (!b || (b->flags & BLOBF_STR) || !d->args[arg]) {
		print_STR(d, arg);
		return;
	}
	if ((b->flags & BLOBF_FAULT) && !(b->flags & BLOBF_PART)) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	p = blob_data(b);
	len = b->len < max + 1 ? b->len : max + 1;
	for (n = 0; n < len && p[n]; n++)
		;
	if (n == len && len <= max) {
		/* no NUL in what was readable */
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	print_quoted(d, p, n > max ? max : n, true, n > max);
}

/* PR_SVE_SET_VL_ONEXEC|PR_SVE_VL_INHERIT|0x10: flags, then the vector length */
static void print_vl(struct outbuf *o, const struct xlat *x, uint64_t v)
{
	/* no flags: a plain number; with flags, -X raw: the number, -X verbose: the number,
	 * then the abbrev form in a comment */
	if (!(v & ~(uint64_t)PR_SVE_VL_LEN_MASK)) {
		ob_hex(o, v);
		return;
	}
	if (xlat_style != XLAT_ABBREV) {
		bool open = xlat_names_begin(o, v, XF_HEX);

		if (open) {
			print_vl(o, x, v);
			xlat_names_end(o);
		}
		return;
	}
	xlat_print_flags(o, x, v & ~(uint64_t)PR_SVE_VL_LEN_MASK, NULL);
	ob_putc(o, '|');
	ob_hex(o, v & PR_SVE_VL_LEN_MASK);
}

/* !PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_NONE|0xd000<<PR_MTE_TAG_SHIFT|0x55654e900000 */
static void print_tagged_addr_ctrl(struct outbuf *o, uint64_t v)
{
	uint64_t tag = (v & PR_MTE_TAG_MASK) >> PR_MTE_TAG_SHIFT;
	uint64_t rest = v & ~(PR_TAGGED_ADDR_ENABLE | PR_MTE_TCF_MASK | PR_MTE_TAG_MASK);

	if (!xlat_names_begin(o, v, XF_HEX))
		return;
	ob_puts(o, v & PR_TAGGED_ADDR_ENABLE ? "PR_TAGGED_ADDR_ENABLE|" : "!PR_TAGGED_ADDR_ENABLE|");
	ob_puts(o, xlat_name(&xlat_pr_mte_tcf, v & PR_MTE_TCF_MASK));
	if (tag)
		ob_printf(o, "|%#llx<<PR_MTE_TAG_SHIFT", (unsigned long long)tag);
	if (rest)
		ob_printf(o, "|%#llx", (unsigned long long)rest);
	xlat_names_end(o);
}

/* the sock_fprog of PR_SET_SECCOMP/SECCOMP_MODE_FILTER: {len=1, filter=0x...} */
static void print_fprog(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, false, 16);

	if (p)
		print_sock_fprog(d, arg, false, p, true);
}

/* ---- seccomp(2) ---- */

enum { SECCOMP_OP_STRICT, SECCOMP_OP_FILTER, SECCOMP_OP_ACTION_AVAIL, SECCOMP_OP_NOTIF_SIZES };

void print_SECCOMP_OP(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_seccomp_ops, (uint32_t)d->args[arg], "SECCOMP_SET_MODE_???");
}

/* SECCOMP_FILTER_FLAG_* with SECCOMP_SET_MODE_FILTER; in hex with the other operations */
void print_SECCOMP_FLAGS(struct dctx *d, int arg)
{
	uint32_t v = d->args[arg];

	if ((uint32_t)d->args[0] == SECCOMP_OP_FILTER)
		xlat_print_flags(d->o, &xlat_seccomp_filter_flags, v, "SECCOMP_FILTER_FLAG_???");
	else
		xlat_print_num(d->o, v, XF_HEX);
}

/*
 * The operation's argument: [SECCOMP_RET_ALLOW] (ACTION_AVAIL), {len=1, filter=0x...} (FILTER),
 * the sizes GET_NOTIF_SIZES wrote, the address with STRICT. strace reads only the object, so a
 * copy that faulted past it is enough.
 */
void print_SECCOMP_ARGS(struct dctx *d, int arg)
{
	const struct sc_blob *b;
	const uint8_t *p;

	if (d->phase == DP_SUFFIX)
		return;
	switch ((uint32_t)d->args[0]) {
	case SECCOMP_OP_ACTION_AVAIL:
		b = d_mem_prefix(d, arg, false, 4);
		if (!b)
			return;
		if (b->len < 4) {
			ob_ptr(d->o, d->args[arg]);
			return;
		}
		ob_putc(d->o, '[');
		xlat_print_val(d->o, &xlat_seccomp_ret_actions, rd_u32(blob_data(b)),
			       "SECCOMP_RET_???");
		ob_putc(d->o, ']');
		return;
	case SECCOMP_OP_NOTIF_SIZES:
		if (!d->exited || d->failed) {
			ob_ptr(d->o, d->args[arg]);
			return;
		}
		b = d_mem_prefix(d, arg, true, 6);
		if (!b)
			return;
		if (b->len < 6) {
			ob_ptr(d->o, d->args[arg]);
			return;
		}
		p = blob_data(b);
		ob_printf(d->o, "{seccomp_notif=%u, seccomp_notif_resp=%u, seccomp_data=%u}",
			  rd_u16(p), rd_u16(p + 2), rd_u16(p + 4));
		return;
	case SECCOMP_OP_FILTER:
		b = d_mem(d, arg, false);
		if (!b)
			return;
		if (b->len < 16) {
			ob_ptr(d->o, d->args[arg]);
			return;
		}
		print_sock_fprog(d, arg, false, blob_data(b), true);
		return;
	default:
		ob_ptr(d->o, d->args[arg]);
	}
}

static void print_prctl_arg(struct dctx *d, int arg)
{
	struct outbuf *o = d->o;
	uint64_t v = d->args[arg], a2 = d->args[1];

	if (d->phase == DP_SUFFIX)
		return;
	switch ((uint32_t)d->args[0]) {
	case PR_GET_DUMPABLE:
	case PR_GET_KEEPCAPS:
	case PR_GET_TIMING:
	case PR_GET_SECCOMP:
	case PR_GET_SECUREBITS:
	case PR_GET_TIMERSLACK:
	case PR_TASK_PERF_EVENTS_DISABLE:
	case PR_TASK_PERF_EVENTS_ENABLE:
	case PR_GET_FP_MODE:
	case PR_SVE_GET_VL:
	case 64:	/* PR_SME_GET_VL */
		return;
	case PR_SET_PDEATHSIG:
		if (arg == 1)
			print_sig_or_ulong(o, v);
		return;
	case PR_GET_PDEATHSIG:
		if (arg == 1)
			print_prctl_out(d, arg, PO_SIG);
		return;
	case PR_SET_DUMPABLE:
		if (arg == 1)
			xlat_print_val(o, &xlat_pr_dumpable, v, "SUID_DUMP_???");
		return;
	case PR_GET_UNALIGN:
	case PR_GET_FPEMU:
	case PR_GET_FPEXC:
	case PR_GET_ENDIAN:
		if (arg == 1)
			ob_ptr(o, v);
		return;
	case PR_SET_UNALIGN:
		if (arg == 1)
			xlat_print_flags(o, &xlat_pr_unalign_flags, (uint32_t)v, "PR_UNALIGN_???");
		return;
	case PR_SET_KEEPCAPS:
	case PR_SET_FPEMU:
	case PR_SET_FPEXC:
	case PR_SET_TIMING:
	case PR_SET_ENDIAN:
	case PR_SET_CHILD_SUBREAPER:
		if (arg == 1)
			ob_udec(o, v);
		return;
	case PR_SET_NAME:
	case PR_GET_NAME:
		if (arg == 1)
			print_comm(d, arg, (uint32_t)d->args[0] == PR_GET_NAME);
		return;
	case PR_SET_SECCOMP:
		if (arg == 1)
			xlat_print_val(o, &xlat_seccomp_modes, v, "SECCOMP_MODE_???");
		else if (a2 == SECCOMP_MODE_FILTER && arg == 2)
			print_fprog(d, arg);
		else if (a2 != SECCOMP_MODE_STRICT && a2 != SECCOMP_MODE_FILTER)
			ob_hex(o, v);
		return;
	case PR_CAPBSET_READ:
	case PR_CAPBSET_DROP:
		if (arg == 1)
			xlat_print_val(o, &xlat_capabilities, v, "CAP_???");
		return;
	case PR_GET_TSC:
		if (arg == 1)
			print_prctl_out(d, arg, PO_TSC);
		return;
	case PR_SET_TSC:
		if (arg == 1)
			xlat_print_val(o, &xlat_pr_tsc, (uint32_t)v, "PR_TSC_???");
		return;
	case PR_SET_SECUREBITS:
		if (arg == 1)
			xlat_print_flags(o, &xlat_secbits, v, "SECBIT_???");
		return;
	case PR_SET_TIMERSLACK:
		if (arg == 1)
			ob_dec(o, v);
		return;
	case PR_MCE_KILL:
		if (arg == 1)
			xlat_print_val(o, &xlat_pr_mce_kill, v, "PR_MCE_KILL_???");
		else if (arg == 2 && a2 == PR_MCE_KILL_SET)
			xlat_print_val(o, &xlat_pr_mce_kill_policy, v, "PR_MCE_KILL_???");
		else
			ob_hex(o, v);
		return;
	case PR_SET_MM:
		if (arg == 1)
			xlat_print_val(o, &xlat_pr_set_mm, (uint32_t)v, "PR_SET_MM_???");
		else
			ob_hex(o, v);
		return;
	case PR_GET_CHILD_SUBREAPER:
		if (arg == 1)
			print_prctl_out(d, arg, PO_INT);
		return;
	case PR_SET_NO_NEW_PRIVS:
	case PR_SET_THP_DISABLE:
	case PR_SET_IO_FLUSHER:
		if (arg == 1)
			ob_udec(o, v);
		else
			ob_hex(o, v);
		return;
	case PR_GET_TID_ADDRESS:
		if (arg == 1)
			print_prctl_out(d, arg, PO_PTR);
		return;
	case PR_SET_FP_MODE:
		if (arg == 1)
			xlat_print_flags(o, &xlat_pr_fp_mode, (uint32_t)v, "PR_FP_MODE_???");
		return;
	case PR_CAP_AMBIENT:
		if (arg == 1)
			xlat_print_val(o, &xlat_pr_cap_ambient, v, "PR_CAP_AMBIENT_???");
		else if (arg == 2 && a2 >= PR_CAP_AMBIENT_IS_SET && a2 <= PR_CAP_AMBIENT_LOWER)
			xlat_print_val(o, &xlat_capabilities, v, "CAP_???");
		else
			ob_hex(o, v);
		return;
	case PR_SVE_SET_VL:
		if (arg == 1)
			print_vl(o, &xlat_pr_sve_vl_flags, v);
		return;
	case 63:	/* PR_SME_SET_VL */
		if (arg == 1)
			print_vl(o, &xlat_pr_sme_vl_flags, v);
		return;
	case PR_GET_SPECULATION_CTRL:
		if (arg == 1)
			xlat_print_val(o, &xlat_pr_spec_variants, v, "PR_SPEC_???");
		return;
	case PR_SET_SPECULATION_CTRL:
		if (arg == 1)
			xlat_print_val(o, &xlat_pr_spec_variants, v, "PR_SPEC_???");
		else if (arg == 2 && xlat_name(&xlat_pr_spec_variants, a2))
			xlat_print_val(o, &xlat_pr_spec_set, v, "PR_SPEC_???");
		else if (arg == 2)
			ob_hex(o, v);
		return;
	case PR_PAC_RESET_KEYS:
		if (arg == 1)
			xlat_print_flags(o, &xlat_pr_pac_keys, v, "PR_PAC_???");
		else
			ob_hex(o, v);
		return;
	case PR_PAC_SET_ENABLED_KEYS:
		if (arg <= 2)
			xlat_print_flags(o, &xlat_pr_pac_enabled_keys, v, "PR_PAC_???");
		else
			ob_hex(o, v);
		return;
	case PR_SET_TAGGED_ADDR_CTRL:
		if (arg == 1)
			print_tagged_addr_ctrl(o, v);
		else
			ob_hex(o, v);
		return;
	case PR_SET_SYSCALL_USER_DISPATCH:
		if (arg == 1)
			xlat_print_val(o, &xlat_pr_sys_dispatch, v, "PR_SYS_DISPATCH_???");
		else if (arg == 4 && a2 <= PR_SYS_DISPATCH_ON)
			ob_ptr(o, v);
		else
			ob_hex(o, v);
		return;
	case PR_SCHED_CORE:
		if (arg == 1) {
			xlat_print_val(o, &xlat_pr_sched_core, (uint32_t)v, "PR_SCHED_CORE_???");
		} else if (arg == 2) {
			ob_dec(o, (int32_t)v);
		} else if (arg == 3) {
			xlat_print_const(o, (uint32_t)v, XF_HEX, NULL,
					 xlat_name(&xlat_pidtypes, (uint32_t)v) ?: "PIDTYPE_???");
		} else if (arg == 4 && (uint32_t)a2 == PR_SCHED_CORE_GET) {
			print_prctl_out(d, arg, PO_U64);
		} else {
			ob_ptr(o, v);
		}
		return;
	case PR_SET_PTRACER:
		if (arg == 1 && (int32_t)v == -1)
			xlat_print_const(o, (uint64_t)-1, XF_DEC, "PR_SET_PTRACER_ANY", NULL);
		else if (arg == 1)
			ob_dec(o, (int32_t)v);
		return;
	case PR_SET_VMA:
		if (arg == 1)
			xlat_print_val(o, &xlat_pr_set_vma, v, "PR_SET_VMA_???");
		else if (a2 != PR_SET_VMA_ANON_NAME)
			ob_hex(o, v);
		else if (arg == 2)
			ob_ptr(o, v);	/* the start address */
		else if (arg == 3)
			ob_udec(o, v);
		else
			print_vma_name(d, arg);
		return;
	}
	/* an option strace does not decode: everything raw */
	ob_hex(o, v);
}

void print_PRCTL_ARG2(struct dctx *d, int arg)
{
	size_t mark = d->o->len;

	print_prctl_arg(d, arg);
	omit_if_empty(d, mark);
}

void print_PRCTL_ARG3(struct dctx *d, int arg)
{
	size_t mark = d->o->len;

	print_prctl_arg(d, arg);
	omit_if_empty(d, mark);
}

void print_PRCTL_ARG(struct dctx *d, int arg)
{
	size_t mark = d->o->len;

	print_prctl_arg(d, arg);
	omit_if_empty(d, mark);
}

void print_PRCTL_ARG5(struct dctx *d, int arg)
{
	size_t mark = d->o->len;

	print_prctl_arg(d, arg);
	omit_if_empty(d, mark);
}

/* = 0x11 (SECBIT_NOROOT|SECBIT_KEEP_CAPS), = 0x20: hex, with the names only when one bit has
 * one (strace's auxstr flags), none with -X raw; 0 is 0 */
static void prctl_ret_bits(struct dctx *d, const struct xlat *x, enum xlat_style user_style)
{
	struct outbuf *o = d->o;
	int64_t r = d->ret;

	if (!r) {
		ob_dec(o, r);
		return;
	}
	ob_hex(o, r);
	if (user_style != XLAT_RAW && xlat_has_flag(x, r)) {
		ob_puts(o, " (");
		xlat_print_flags(o, x, r, NULL);
		ob_putc(o, ')');
	}
}

static void prctl_ret(struct dctx *d, enum xlat_style user_style)
{
	struct outbuf *o = d->o;
	int64_t r = d->ret;
	const char *n;

	switch ((uint32_t)d->args[0]) {
	case PR_GET_DUMPABLE:
	case PR_MCE_KILL_GET:
		n = xlat_name((uint32_t)d->args[0] == PR_GET_DUMPABLE ? &xlat_pr_dumpable :
			      &xlat_pr_mce_kill_policy, r);
		ob_dec(o, r);
		if (n)
			ob_printf(o, " (%s)", n);
		return;
	case PR_GET_SPECULATION_CTRL:
		/* the state's names only for a `which` the kernel knows */
		if (d->args[1] > PR_SPEC_L1D_FLUSH)
			break;
		ob_hex(o, r);
		if (r && !xlat_has_flag(&xlat_pr_spec_get, r))
			return;	/* = 0x20 */
		ob_puts(o, " (");
		xlat_print_flags(o, &xlat_pr_spec_get, r, NULL);
		ob_putc(o, ')');
		return;
	case PR_GET_SECUREBITS:
		prctl_ret_bits(d, &xlat_secbits, user_style);
		return;
	case PR_GET_FP_MODE:
		prctl_ret_bits(d, &xlat_pr_fp_mode, user_style);
		return;
	case PR_PAC_GET_ENABLED_KEYS:
		prctl_ret_bits(d, &xlat_pr_pac_enabled_keys, user_style);
		return;
	case PR_SVE_SET_VL:
	case PR_SVE_GET_VL:
	case 63:	/* PR_SME_SET_VL */
	case 64:	/* PR_SME_GET_VL */
		/* = 0xdead, = 0x20010 (PR_SVE_SET_VL_ONEXEC|0x10) */
		if (r <= 0) {
			ob_dec(o, r);
			return;
		}
		ob_hex(o, r);
		if (user_style != XLAT_RAW && (r & ~(int64_t)PR_SVE_VL_LEN_MASK)) {
			ob_puts(o, " (");
			print_vl(o, (uint32_t)d->args[0] == PR_SVE_SET_VL ||
				    (uint32_t)d->args[0] == PR_SVE_GET_VL ? &xlat_pr_sve_vl_flags :
				    &xlat_pr_sme_vl_flags, r);
			ob_putc(o, ')');
		}
		return;
	case PR_GET_TAGGED_ADDR_CTRL:
		/* = 0 (!PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_NONE) */
		ob_hex(o, r);
		if (user_style != XLAT_RAW) {
			ob_puts(o, " (");
			print_tagged_addr_ctrl(o, r);
			ob_putc(o, ')');
		}
		return;
	}
	ob_dec(o, r);
}

/* = 1 (SUID_DUMP_USER), = 0x3 (PR_SPEC_PRCTL|PR_SPEC_ENABLE), = 0x11 (SECBIT_NOROOT|...):
 * abbreviated in every -X style, as strace prints them */
void print_prctl_ret(struct dctx *d)
{
	enum xlat_style style = xlat_style;

	xlat_style = XLAT_ABBREV;
	prctl_ret(d, style);
	xlat_style = style;
}
