// SPDX-License-Identifier: GPL-2.0
/*
 * Processes, scheduling, resources and time: the small enumerations, flag sets and structures
 * of these calls, as strace 6.1 prints them. Register values arrive narrowed to their kind's C
 * type (KTYPE in kinds.def).
 */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <time.h>
#include <sys/stat.h>
#include "decode.h"
#include "decode_flags.h"
#include "xlat/adjtimex_modes.h"
#include "xlat/aio_cmds.h"
#include "xlat/adjtimex_state.h"
#include "xlat/adjtimex_status.h"
#include "xlat/close_range_flags.h"
#include "xlat/console_levels.h"
#include "xlat/delete_module_flags.h"
#include "xlat/falloc_flags.h"
#include "xlat/fan_classes.h"
#include "xlat/fan_init_flags.h"
#include "xlat/fan_mark_flags.h"
#include "xlat/fan_event_flags.h"
#include "xlat/flock_ops.h"
#include "xlat/fsopen_flags.h"
#include "xlat/get_mempolicy_flags.h"
#include "xlat/futex_waiter_flags.h"
#include "xlat/inotify_flags.h"
#include "xlat/kexec_arch_values.h"
#include "xlat/kexec_file_load_flags.h"
#include "xlat/kexec_load_flags.h"
#include "xlat/ipc_private.h"
#include "xlat/ipc_resource_flags.h"
#include "xlat/ioprio_class.h"
#include "xlat/ioprio_who.h"
#include "xlat/kcmp_types.h"
#include "xlat/landlock_access_fs.h"
#include "xlat/landlock_create_flags.h"
#include "xlat/landlock_rule_types.h"
#include "xlat/mbind_flags.h"
#include "xlat/memfd_secret_flags.h"
#include "xlat/memfd_flags.h"
#include "xlat/mlock_flags.h"
#include "xlat/mlockall_flags.h"
#include "xlat/mpol_mode_flags.h"
#include "xlat/module_init_flags.h"
#include "xlat/mpol_modes.h"
#include "xlat/mq_attr_flags.h"
#include "xlat/msgctl_cmds.h"
#include "xlat/personality_flags.h"
#include "xlat/personality_types.h"
#include "xlat/pidfd_flags.h"
#include "xlat/pkey_access.h"
#include "xlat/prio_which.h"
#include "xlat/reboot_cmds.h"
#include "xlat/reboot_magic1.h"
#include "xlat/reboot_magic2.h"
#include "xlat/rwf_flags.h"
#include "xlat/schedulers.h"
#include "xlat/sched_attr_flags.h"
#include "xlat/semctl_cmds.h"
#include "xlat/semop_flags.h"
#include "xlat/ipc_msg_flags.h"
#include "xlat/move_pages_flags.h"
#include "xlat/shm_resource_flags.h"
#include "xlat/shmat_flags.h"
#include "xlat/shmctl_cmds.h"
#include "xlat/sigev_notify.h"
#include "xlat/splice_flags.h"
#include "xlat/swap_flags.h"
#include "xlat/sync_file_range_flags.h"
#include "xlat/syslog_actions.h"
#include "xlat/uffd_flags.h"
#include "xlat/xattr_flags.h"
#include "xlat/usage_who.h"

void print_UINT_HEX(struct dctx *d, int arg)
{
	xlat_print_const(d->o, d->args[arg], XF_HEX, NULL, NULL);
}

/* an int constant: the name by its signed value, an unknown one in hex as an unsigned int
 * (strace's printxval() takes an unsigned int: RUSAGE_CHILDREN is 0xffffffff there) */
static void print_int_val(struct outbuf *o, const struct xlat *x, uint64_t v, const char *unknown)
{
	const char *n = xlat_name(x, v);

	if (!n && unknown) {
		xlat_print_const(o, (uint32_t)v, XF_HEX, NULL, unknown);
		return;
	}
	xlat_print_const(o, (uint32_t)v, XF_HEX, n, NULL);
}

void print_RUSAGE_WHO(struct dctx *d, int arg)
{
	print_int_val(d->o, &xlat_usage_who, d->args[arg], "RUSAGE_???");
}

void print_PRIO_WHICH(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_prio_which, d->args[arg], "PRIO_???");
}

void print_MLOCKALL_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_mlockall_flags, d->args[arg], "MCL_???");
}

void print_PIDFD_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_pidfd_flags, d->args[arg], "PIDFD_???");
}

void print_CLOSE_RANGE_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_close_range_flags, d->args[arg], "CLOSE_RANGE_???");
}

void print_SPLICE_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_splice_flags, d->args[arg], "SPLICE_F_???");
}

void print_RWF_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_rwf_flags, (uint32_t)d->args[arg], "RWF_???");
}

/* linux/keyctl.h: the special key ids, -1 to -8 */
void print_key_serial(struct outbuf *o, int32_t id)
{
	static const char *const spec[] = {
		"KEY_SPEC_THREAD_KEYRING", "KEY_SPEC_PROCESS_KEYRING", "KEY_SPEC_SESSION_KEYRING",
		"KEY_SPEC_USER_KEYRING", "KEY_SPEC_USER_SESSION_KEYRING", "KEY_SPEC_GROUP_KEYRING",
		"KEY_SPEC_REQKEY_AUTH_KEY", "KEY_SPEC_REQUESTOR_KEYRING",
	};

	xlat_print_const(o, (uint64_t)(int64_t)id, XF_DEC,
			 id < 0 && id >= -8 ? spec[-id - 1] : NULL, NULL);
}

void print_KEY_SERIAL(struct dctx *d, int arg)
{
	print_key_serial(d->o, (int32_t)d->args[arg]);
}

void print_SYNC_FILE_RANGE_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_sync_file_range_flags, d->args[arg],
			 "SYNC_FILE_RANGE_???");
}

void print_PKEY_ACCESS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_pkey_access, d->args[arg], "PKEY_???");
}

/* splice's loff_t *off_in, *off_out: [N], as they were at the call */
void print_LOFF_PTR_IN(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, false, 8);

	if (p)
		ob_printf(d->o, "[%lld]", (long long)rd_s64(p));
}

static void print_timezone(struct dctx *d, int arg, bool exit)
{
	const uint8_t *p = d_struct(d, arg, exit, 8);

	if (p)
		ob_printf(d->o, "{tz_minuteswest=%d, tz_dsttime=%d}", rd_s32(p), rd_s32(p + 4));
}

void print_TIMEZONE_IN(struct dctx *d, int arg)
{
	print_timezone(d, arg, false);
}

void print_TIMEZONE_OUT(struct dctx *d, int arg)
{
	print_timezone(d, arg, true);
}

/* a gid: -1 for (gid_t)-1, as strace's print_gid */
static void print_gid(struct outbuf *o, uint32_t g)
{
	if (g == (uint32_t)-1)
		ob_puts(o, "-1");
	else
		ob_udec(o, g);
}

static void print_gid_elem(struct dctx *d, const uint8_t *p)
{
	print_gid(d->o, rd_u32(p));
}

/* count gids at `arg`: [0, 1, ...] (at most -s of them unless -v); the address when the count
 * is past NGROUPS_MAX (65536) or nothing was readable */
static void print_gids(struct dctx *d, int arg, uint64_t count, bool exit)
{
	if (count > 65536) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	print_array(d, arg, exit, count, 4, print_gid_elem);
}

/* setgroups(size, list): size gids, printed at the call */
void print_GID_ARRAY_IN(struct dctx *d, int arg)
{
	print_gids(d, arg, (uint32_t)d->args[0], false);
}

/* getgroups(size, list): the ret gids the call wrote (the address when it failed) */
void print_GID_ARRAY_OUT(struct dctx *d, int arg)
{
	if (!d->exited || d->failed) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	print_gids(d, arg, d->ret, true);
}

/* int *: [N], as it was at the call (sched_setparam's struct sched_param) */
void print_INT_PTR_IN(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, false, 4);

	if (p)
		ob_printf(d->o, "[%d]", rd_s32(p));
}

/* struct sched_attr: u32 size, u32 sched_policy, u64 sched_flags, s32 sched_nice,
 * u32 sched_priority, u64 sched_runtime, sched_deadline, sched_period (48 bytes, VER0), then
 * u32 sched_util_min, sched_util_max (56, VER1) */
enum { SCHED_ATTR_VER0 = 48, SCHED_ATTR_VER1 = 56 };
#define SCHED_FLAG_KEEP_POLICY_V 0x08
#define SCHED_FLAG_KEEP_PARAMS_V 0x10

/*
 * As strace: sched_getattr shows the `size` bytes the kernel says it wrote; sched_setattr the
 * size the caller set (0: VER0), without the policy or the parameters the flags keep. Past
 * what is shown, "...".
 */
static void print_sched_attr(struct dctx *d, int arg, bool set)
{
	const struct sc_blob *b;
	uint32_t usize, size;
	const uint8_t *p;
	uint64_t flags;

	if (set) {
		b = d_mem_prefix(d, arg, false, 4);
		if (!b)
			return;
		if (b->len < 4) {
			ob_ptr(d->o, d->args[arg]);
			return;
		}
		usize = rd_u32(blob_data(b));
		if (!usize)
			usize = SCHED_ATTR_VER0;
		size = usize < SCHED_ATTR_VER1 ? usize : SCHED_ATTR_VER1;
		if (size >= SCHED_ATTR_VER0 && ((b->flags & BLOBF_FAULT) || b->len < size)) {
			ob_ptr(d->o, d->args[arg]);
			return;
		}
	} else {
		uint32_t want = (uint32_t)d->args[arg + 1];

		want = want < SCHED_ATTR_VER1 ? want : SCHED_ATTR_VER1;
		b = d_mem_prefix(d, arg, true, want);
		if (!b)
			return;
		if (b->len < want || want < 4) {
			ob_ptr(d->o, d->args[arg]);
			return;
		}
		size = rd_u32(blob_data(b));
		usize = size;
		/* the kernel wrote no more than was asked for */
		if (size > want)
			size = want;
	}
	p = blob_data(b);
	flags = size >= SCHED_ATTR_VER0 ? rd_u64(p + 8) : 0;
	ob_printf(d->o, "{size=%u", rd_u32(p));
	if (size < SCHED_ATTR_VER0)
		goto end;
	if (!set || (int32_t)rd_u32(p + 4) < 0 ||
	    !(flags & (SCHED_FLAG_KEEP_POLICY_V | SCHED_FLAG_KEEP_PARAMS_V))) {
		ob_puts(d->o, ", sched_policy=");
		xlat_print_val(d->o, &xlat_schedulers, rd_u32(p + 4), "SCHED_???");
	}
	ob_puts(d->o, ", sched_flags=");
	xlat_print_flags(d->o, &xlat_sched_attr_flags, flags, "SCHED_FLAG_???");
	if (!set || !(flags & SCHED_FLAG_KEEP_PARAMS_V))
		ob_printf(d->o, ", sched_nice=%d, sched_priority=%u, sched_runtime=%llu, "
			  "sched_deadline=%llu, sched_period=%llu", (int32_t)rd_u32(p + 16),
			  rd_u32(p + 20), (unsigned long long)rd_u64(p + 24),
			  (unsigned long long)rd_u64(p + 32), (unsigned long long)rd_u64(p + 40));
	if (size >= SCHED_ATTR_VER1)
		ob_printf(d->o, ", sched_util_min=%u, sched_util_max=%u", rd_u32(p + 48),
			  rd_u32(p + 52));
end:
	if (usize > size)
		ob_puts(d->o, ", ...");
	ob_putc(d->o, '}');
}

void print_SCHED_ATTR_OUT(struct dctx *d, int arg)
{
	if (!d->exited || d->failed || !(uint32_t)d->args[arg + 1]) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	print_sched_attr(d, arg, false);
}

/* sched_setattr: the attributes, then after E2BIG the size the kernel wants: => {size=56} */
void print_SCHED_ATTR_IN(struct dctx *d, int arg)
{
	const struct sc_blob *b;

	if (d->phase == DP_SUFFIX)
		return;
	print_sched_attr(d, arg, true);
	if (!d->exited || !d->failed || d->ret != -E2BIG || !d->args[arg])
		return;
	/* nothing when it cannot be read again (strace's umove() fails silently there) */
	b = d_blob(d, arg, 0, true);
	if (b && (!(b->flags & BLOBF_FAULT) || (b->flags & BLOBF_PART)) && b->len >= 4)
		ob_printf(d->o, " => {size=%u}", rd_u32(blob_data(b)));
}

void print_SCHED_POLICY(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_schedulers, d->args[arg], "SCHED_???");
}

void print_IOPRIO_WHO(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_ioprio_who, d->args[arg], "IOPRIO_WHO_???");
}

/* IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4): the class (top bits) in the current -X style */
#define IOPRIO_CLASS_SHIFT 13
static void print_ioprio_value(struct outbuf *o, uint32_t v)
{
	ob_puts(o, "IOPRIO_PRIO_VALUE(");
	xlat_print_val(o, &xlat_ioprio_class, v >> IOPRIO_CLASS_SHIFT, "IOPRIO_CLASS_???");
	ob_printf(o, ", %u)", v & ((1u << IOPRIO_CLASS_SHIFT) - 1));
}

/* ioprio_set's priority: the macro in abbrev, the number in raw, both in verbose (the class
 * inside the comment keeps the verbose style, as strace prints it) */
void print_IOPRIO(struct dctx *d, int arg)
{
	int32_t v = d->args[arg];

	if (xlat_style != XLAT_ABBREV)
		ob_dec(d->o, v);
	if (xlat_style == XLAT_RAW)
		return;
	if (xlat_style == XLAT_VERBOSE)
		ob_puts(d->o, " /* ");
	print_ioprio_value(d->o, v);
	if (xlat_style == XLAT_VERBOSE)
		ob_puts(d->o, " */");
}

/* ---- Linux AIO: struct iocb (64 bytes), struct io_event (32 bytes) ---- */

enum { IOCB_FLAG_IOPRIO_ = 1 << 1 };

/* the fields every iocb shows: io_cancel's, the start of io_submit's */
static void print_iocb_header(struct dctx *d, const uint8_t *p)
{
	struct outbuf *o = d->o;
	uint32_t key = rd_u32(p + 8), rw_flags = rd_u32(p + 12);
	uint16_t cmd = rd_u16(p + 16);
	int16_t prio = rd_s16(p + 18);
	const char *name = xlat_name(&xlat_aio_cmds, cmd);

	ob_puts(o, "{aio_data=");
	ob_hex(o, rd_u64(p));
	if (key)
		ob_printf(o, ", aio_key=%u", key);
	if (rw_flags) {
		ob_puts(o, ", aio_rw_flags=");
		xlat_print_flags(o, &xlat_rwf_flags, rw_flags, "RWF_???");
	}
	ob_puts(o, ", aio_lio_opcode=");
	xlat_print_const(o, cmd, XF_UDEC, name, "IOCB_CMD_???");
	if (rd_u32(p + 56) & IOCB_FLAG_IOPRIO_) {
		ob_puts(o, ", aio_reqprio=");
		print_ioprio_value(o, (uint16_t)prio);
	} else if (prio) {
		ob_printf(o, ", aio_reqprio=%d", prio);
	}
	ob_printf(o, ", aio_fildes=%d", rd_s32(p + 20));
}

void print_IOCB_IN(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, false, 64);

	if (!p)
		return;
	print_iocb_header(d, p);
	ob_putc(d->o, '}');
}

static void print_io_event(struct dctx *d, const uint8_t *p)
{
	ob_puts(d->o, "{data=");
	ob_hex(d->o, rd_u64(p));
	ob_puts(d->o, ", obj=");
	ob_ptr(d->o, rd_u64(p + 8));
	ob_printf(d->o, ", res=%lld, res2=%lld}", (long long)rd_s64(p + 16),
		  (long long)rd_s64(p + 24));
}

/* io_getevents: the `ret` events the call stored */
void print_IO_EVENTS(struct dctx *d, int arg)
{
	if (!d->exited || d->failed) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	print_array(d, arg, true, d->ret, 32, print_io_event);
}

/* io_cancel: the event of the cancelled request */
void print_IO_EVENT_OUT(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, true, 32);

	if (p)
		print_io_event(d, p);
}

#define TIMEX_SIZE 208	/* sizeof(struct timex) on 64-bit arches: kinds.def */

/* struct timex (adjtimex, clock_adjtime) as the call left it: x86_64, arm64 and riscv64 share
 * the layout of 64-bit longs; time.tv_usec holds nanoseconds with STA_NANO, printed as is */
void print_TIMEX(struct dctx *d, int arg)
{
	static const struct {
		const char *name;
		unsigned int off;
	} longs[] = {
		{ "offset", 8 }, { "freq", 16 }, { "maxerror", 24 }, { "esterror", 32 },
		{ "status", 40 }, { "constant", 48 }, { "precision", 56 }, { "tolerance", 64 },
		{ "time", 72 }, { "tick", 88 }, { "ppsfreq", 96 }, { "jitter", 104 },
		{ "shift", 112 }, { "stabil", 120 }, { "jitcnt", 128 }, { "calcnt", 136 },
		{ "errcnt", 144 }, { "stbcnt", 152 }, { "tai", 160 },
	};
	const uint8_t *p = d_struct(d, arg, true, TIMEX_SIZE);
	struct outbuf *o = d->o;
	size_t i;

	if (!p)
		return;
	ob_puts(o, "{modes=");
	xlat_print_flags(o, &xlat_adjtimex_modes, rd_u32(p), "ADJ_???");
	for (i = 0; i < ARRAY_SIZE(longs); i++) {
		const uint8_t *f = p + longs[i].off;

		ob_printf(o, ", %s=", longs[i].name);
		if (longs[i].off == 40)
			xlat_print_flags(o, &xlat_adjtimex_status, rd_u32(f), "STA_???");
		else if (longs[i].off == 72)
			ob_printf(o, "{tv_sec=%lld, tv_usec=%llu}", (long long)rd_s64(f),
				  (unsigned long long)rd_u64(f + 8));
		else if (longs[i].off == 112 || longs[i].off == 160)
			ob_dec(o, rd_s32(f));
		else
			ob_dec(o, rd_s64(f));
	}
	ob_putc(o, '}');
}

/* ---- mknod, mknodat ---- */

void print_MKNOD_MODE(struct dctx *d, int arg)
{
	print_mode(d->o, d->args[arg]);
}

/* the device only for a character or block special file (the mode is the argument before) */
void print_MKNOD_DEV(struct dctx *d, int arg)
{
	uint16_t mode = d->args[arg - 1];

	if (!S_ISCHR(mode) && !S_ISBLK(mode)) {
		d->omit = true;
		return;
	}
	print_makedev(d->o, (uint32_t)d->args[arg]);
}

/* ---- kcmp(pid1, pid2, type, idx1, idx2): the indices by type ---- */

enum { KCMP_FILE_T = 0, KCMP_EPOLL_TFD_T = 7 };

void print_KCMP_TYPE(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_kcmp_types, d->args[arg], "KCMP_???");
}

/* an fd of process `pid`: only the caller's own fds are described (-y) */
static void print_pid_fd(struct dctx *d, uint64_t pid, int32_t fd)
{
	if ((int32_t)pid == (int32_t)d->tgid)
		print_fd(d, fd);
	else
		ob_dec(d->o, fd);
}

/* fds (of pid1 for idx1, of pid2 for idx2) for KCMP_FILE and KCMP_EPOLL_TFD, nothing for
 * the other known types, hex otherwise */
void print_KCMP_IDX1(struct dctx *d, int arg)
{
	uint32_t type = d->args[2];

	if (type == KCMP_FILE_T || type == KCMP_EPOLL_TFD_T)
		print_pid_fd(d, d->args[arg == 3 ? 0 : 1], (int32_t)d->args[arg]);
	else if (xlat_name(&xlat_kcmp_types, type))
		d->omit = true;
	else
		ob_hex(d->o, d->args[arg]);
}

/* idx2 of KCMP_EPOLL_TFD: struct kcmp_epoll_slot {efd, tfd, toff}, fds of pid2 */
void print_KCMP_IDX2(struct dctx *d, int arg)
{
	uint32_t type = d->args[2];
	const uint8_t *p;

	if (type != KCMP_EPOLL_TFD_T) {
		print_KCMP_IDX1(d, arg);
		return;
	}
	p = d_struct(d, arg, false, 12);
	if (!p)
		return;
	ob_puts(d->o, "{efd=");
	print_pid_fd(d, d->args[1], rd_s32(p));
	ob_puts(d->o, ", tfd=");
	print_pid_fd(d, d->args[1], rd_s32(p + 4));
	ob_printf(d->o, ", toff=%u}", rd_u32(p + 8));
}

/* ---- futex_waitv: nr_futexes struct futex_waitv {val, uaddr, flags, __reserved} ---- */

#define FUTEX_WAITERS_MAX	128	/* FUTEX_WAITV_MAX: the kernel takes no more */

static void print_futex_waiter(struct dctx *d, const uint8_t *p)
{
	uint32_t reserved = rd_u32(p + 20);

	ob_puts(d->o, "{val=");
	ob_hex(d->o, rd_u64(p));
	ob_puts(d->o, ", uaddr=");
	ob_ptr(d->o, rd_u64(p + 8));
	ob_puts(d->o, ", flags=");
	xlat_print_flags(d->o, &xlat_futex_waiter_flags, rd_u32(p + 16), "FUTEX_???");
	if (reserved) {
		ob_puts(d->o, ", __reserved=");
		ob_hex(d->o, reserved);
	}
	ob_putc(d->o, '}');
}

void print_FUTEX_WAITERS(struct dctx *d, int arg)
{
	print_array_max(d, arg, false, (uint32_t)d->args[arg + 1], 24, print_futex_waiter,
			FUTEX_WAITERS_MAX);
}

/* ---- _sysctl: struct __sysctl_args (80 bytes with its unused tail) ---- */

void print_SYSCTL_ARGS(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, false, 80);

	if (!p)
		return;
	ob_puts(d->o, "{name=");
	ob_ptr(d->o, rd_u64(p));
	ob_puts(d->o, ", nlen=");
	ob_dec(d->o, rd_s32(p + 8));
	ob_puts(d->o, ", oldval=");
	ob_ptr(d->o, rd_u64(p + 16));
	ob_puts(d->o, ", oldlenp=");
	ob_ptr(d->o, rd_u64(p + 24));
	ob_puts(d->o, ", newval=");
	ob_ptr(d->o, rd_u64(p + 32));
	ob_puts(d->o, ", newlen=");
	ob_udec(d->o, rd_u64(p + 40));
	ob_putc(d->o, '}');
}

/* ---- kexec_load, kexec_file_load ---- */

#define KEXEC_ARCH_BITS		0xffff0000u	/* KEXEC_ARCH_MASK */
#define KEXEC_SEGMENTS_MAX	16		/* KEXEC_SEGMENT_MAX: more, and the kernel refuses */

/* struct kexec_segment {buf, bufsz, mem, memsz} */
static void print_kexec_segment(struct dctx *d, const uint8_t *p)
{
	ob_puts(d->o, "{buf=");
	ob_ptr(d->o, rd_u64(p));
	ob_puts(d->o, ", bufsz=");
	ob_udec(d->o, rd_u64(p + 8));
	ob_puts(d->o, ", mem=");
	ob_ptr(d->o, rd_u64(p + 16));
	ob_puts(d->o, ", memsz=");
	ob_udec(d->o, rd_u64(p + 24));
	ob_putc(d->o, '}');
}

void print_KEXEC_SEGMENTS(struct dctx *d, int arg)
{
	uint64_t n = d->args[arg - 1];

	if (n > KEXEC_SEGMENTS_MAX) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	print_array(d, arg, false, n, 32, print_kexec_segment);
}

/* the architecture (a value in the high half) and the flags: KEXEC_ARCH_SH|KEXEC_ON_CRASH */
void print_KEXEC_FLAGS(struct dctx *d, int arg)
{
	uint64_t v = d->args[arg], rest = v & ~(uint64_t)KEXEC_ARCH_BITS;

	if (!xlat_names_begin(d->o, v, XF_HEX))
		return;
	xlat_print_val(d->o, &xlat_kexec_arch_values, v & KEXEC_ARCH_BITS, "KEXEC_ARCH_???");
	if (rest) {
		ob_putc(d->o, '|');
		xlat_print_flags(d->o, &xlat_kexec_load_flags, rest, "KEXEC_???");
	}
	xlat_names_end(d->o);
}

void print_KEXEC_FILE_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_kexec_file_load_flags, d->args[arg], "KEXEC_FILE_???");
}

/* ---- landlock ---- */

static void print_access_fs(struct outbuf *o, uint64_t v)
{
	xlat_print_flags(o, &xlat_landlock_access_fs, v, "LANDLOCK_ACCESS_FS_???");
}

/* landlock_create_ruleset's attr of `size` bytes: the field strace knows, "..." for more */
void print_LANDLOCK_RULESET_ATTR(struct dctx *d, int arg)
{
	uint64_t size = d->args[arg + 1];
	const uint8_t *p;

	if (size < 8) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	p = d_struct(d, arg, false, 8);
	if (!p)
		return;
	ob_puts(d->o, "{handled_access_fs=");
	print_access_fs(d->o, rd_u64(p));
	if (size > 8)
		ob_puts(d->o, ", ...");
	ob_putc(d->o, '}');
}

void print_LANDLOCK_CREATE_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_landlock_create_flags, d->args[arg],
			 "LANDLOCK_CREATE_RULESET_???");
}

void print_LANDLOCK_RULE_TYPE(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_landlock_rule_types, d->args[arg], "LANDLOCK_RULE_???");
}

/* landlock_add_rule's attr: struct landlock_path_beneath_attr (packed, 12 bytes) for
 * LANDLOCK_RULE_PATH_BENEATH, the address for other types */
void print_LANDLOCK_RULE_ATTR(struct dctx *d, int arg)
{
	const uint8_t *p;

	if ((uint32_t)d->args[arg - 1] != 1) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	p = d_struct(d, arg, false, 12);
	if (!p)
		return;
	ob_puts(d->o, "{allowed_access=");
	print_access_fs(d->o, rd_u64(p));
	ob_puts(d->o, ", parent_fd=");
	print_fd(d, rd_s32(p + 8));
	ob_putc(d->o, '}');
}

/* ---- NUMA memory policies ---- */

/* MPOL_BIND|MPOL_F_STATIC_NODES: a known mode with flags prints as one number in raw and
 * verbose (the names in the comment), an unknown one as flags */
static void print_mpol_mode(struct outbuf *o, uint64_t v)
{
	const uint64_t fmask = 0xe000;
	const char *mode = xlat_name(&xlat_mpol_modes, v & ~fmask);

	if (!(v & fmask)) {
		xlat_print_val(o, &xlat_mpol_modes, v, "MPOL_???");
		return;
	}
	if (!mode) {
		xlat_print_flags(o, &xlat_mpol_mode_flags, v, "MPOL_???");
		return;
	}
	if (xlat_names_begin(o, v, XF_HEX)) {
		ob_puts(o, mode);
		ob_putc(o, '|');
		xlat_print_flags(o, &xlat_mpol_mode_flags, v & fmask, NULL);
		xlat_names_end(o);
	}
}

void print_MPOL_MODE(struct dctx *d, int arg)
{
	print_mpol_mode(d->o, d->args[arg]);
}

void print_MBIND_MODE(struct dctx *d, int arg)
{
	print_mpol_mode(d->o, d->args[arg]);
}

void print_MBIND_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_mbind_flags, d->args[arg], "MPOL_???");
}

/* move_pages' flags: an unsigned int of MPOL_MF_MOVE and MPOL_MF_MOVE_ALL */
void print_MOVE_PAGES_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_move_pages_flags, d->args[arg] & 0xffffffffu, "MPOL_???");
}

static void print_page_elem(struct dctx *d, const uint8_t *p)
{
	ob_ptr(d->o, rd_u64(p));
}

static void print_int_elem(struct dctx *d, const uint8_t *p)
{
	ob_dec(d->o, (int32_t)rd_u32(p));
}

/* a number that may be a negated errno: -EFAULT, named as strace's print_err does */
void print_neg_errno(struct outbuf *o, int32_t v)
{
	const char *name = v < 0 && v != INT32_MIN ? errno_name(-v) : NULL;
	char buf[48];

	if (!name) {
		ob_dec(o, v);
		return;
	}
	snprintf(buf, sizeof(buf), "-%s", name);
	xlat_print_const(o, (uint64_t)(int64_t)v, XF_DEC, buf, NULL);
}

/* a page's status: its node, or -EFAULT */
static void print_status_elem(struct dctx *d, const uint8_t *p)
{
	print_neg_errno(d->o, (int32_t)rd_u32(p));
}

void print_MOVE_PAGES_PAGES(struct dctx *d, int arg)
{
	print_array(d, arg, false, d->args[1], 8, print_page_elem);
}

void print_MOVE_PAGES_NODES(struct dctx *d, int arg)
{
	print_array(d, arg, false, d->args[1], 4, print_int_elem);
}

/* the statuses the call wrote; the address when it failed */
void print_MOVE_PAGES_STATUS(struct dctx *d, int arg)
{
	if (!d->exited || d->failed) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	print_array(d, arg, true, d->args[1], 4, print_status_elem);
}

void print_GET_MEMPOLICY_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_get_mempolicy_flags, d->args[arg], "MPOL_???");
}

/* get_mempolicy's int *mode: [MPOL_BIND] */
void print_MPOL_MODE_OUT(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, true, 4);

	if (!p)
		return;
	ob_putc(d->o, '[');
	xlat_print_val(d->o, &xlat_mpol_modes, rd_u32(p), "MPOL_???");
	ob_putc(d->o, ']');
}

static void print_nodemask_elem(struct dctx *d, const uint8_t *p)
{
	ob_printf(d->o, "%#0*llx", 16, (unsigned long long)rd_u64(p));
}

/* a node mask of maxnode (the next argument) - 1 bits in longs: [0x0000000000000003, ...], at
 * most -s of them unless -v; the longs before an unreadable page, then its address */
static void print_nodemask(struct dctx *d, int arg, bool exit)
{
	uint64_t maxnode = d->args[arg + 1], n = (maxnode + 62) / 64;

	if (exit && (!d->exited || d->failed)) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	if (n < maxnode / 64 || (maxnode && !n)) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	print_array(d, arg, exit, n, 8, print_nodemask_elem);
}

void print_NODEMASK_IN(struct dctx *d, int arg)
{
	print_nodemask(d, arg, false);
}

void print_NODEMASK_OUT(struct dctx *d, int arg)
{
	print_nodemask(d, arg, true);
}

/* ---- syslog(type, bufp, len): what bufp and len are depends on the type ---- */

enum {
	SL_READ = 2, SL_READ_ALL = 3, SL_READ_CLEAR = 4, SL_CONSOLE_LEVEL = 8,
};

/* the type (and console levels) print as a number and its name in every -X style */
static void print_dec_named(struct outbuf *o, int32_t v, const char *name, const char *unknown)
{
	ob_printf(o, "%d /* %s */", v, name ? name : unknown);
}

void print_SYSLOG_TYPE(struct dctx *d, int arg)
{
	print_dec_named(d->o, d->args[arg], xlat_name(&xlat_syslog_actions, d->args[arg]),
			"SYSLOG_ACTION_???");
}

/* the types that use neither bufp nor len show neither */
static bool syslog_no_args(uint32_t type)
{
	return type <= 10 && type != SL_CONSOLE_LEVEL && (type < SL_READ || type > SL_READ_CLEAR);
}

/* bufp: what the read types read (ret bytes), the address for the others */
void print_SYSLOG_BUF(struct dctx *d, int arg)
{
	uint32_t type = d->args[0];

	if (syslog_no_args(type)) {
		d->omit = true;
		return;
	}
	if (type >= SL_READ && type <= SL_READ_CLEAR)
		print_BUF_OUT(d, arg);
	else
		ob_ptr(d->o, d->args[arg]);
}

void print_SYSLOG_LEN(struct dctx *d, int arg)
{
	uint32_t type = d->args[0];
	int32_t v = d->args[arg];

	if (syslog_no_args(type)) {
		d->omit = true;
		return;
	}
	if (type != SL_CONSOLE_LEVEL) {
		ob_dec(d->o, v);
		return;
	}
	print_dec_named(d->o, v, v == 8 ? "LOGLEVEL_DEBUG+1" : xlat_name(&xlat_console_levels, v),
			"LOGLEVEL_???");
}

/* ---- hosts, swap, devices ---- */

/* sethostname, setdomainname: the name when len fits a utsname field (64), else the address */
void print_HOSTNAME(struct dctx *d, int arg)
{
	if ((uint32_t)d->args[arg + 1] > 64)
		ob_ptr(d->o, d->args[arg]);
	else
		print_BUF_IN(d, arg);
}

/* swapon: SWAP_FLAG_PREFER|SWAP_FLAG_DISCARD|10, the priority (low 15 bits) in decimal */
void print_SWAP_FLAGS(struct dctx *d, int arg)
{
	uint32_t v = d->args[arg], flags = v & ~0x7fffu;

	if (flags) {
		xlat_print_flags(d->o, &xlat_swap_flags, flags, "SWAP_FLAG_???");
		ob_putc(d->o, '|');
	}
	ob_udec(d->o, v & 0x7fff);
}

/* a dev_t argument: makedev(0x1, 0x7) */
void print_DEV(struct dctx *d, int arg)
{
	print_makedev(d->o, d->args[arg]);
}

/* ---- personality ---- */

/* PER_BSD|SHORT_INODE: the domain (low byte) in the -X style, then the flags (no comment for
 * bits without a name) */
static void print_personality(struct outbuf *o, uint32_t v)
{
	xlat_print_val(o, &xlat_personality_types, v & 0xff, "PER_???");
	if (v & ~0xffu) {
		ob_putc(o, '|');
		xlat_print_flags(o, &xlat_personality_flags, v & ~0xffu, NULL);
	}
}

/* 0xffffffff queries the current personality */
void print_PERSONALITY(struct dctx *d, int arg)
{
	uint32_t v = d->args[arg];

	if (v == 0xffffffff)
		ob_hex(d->o, v);
	else
		print_personality(d->o, v);
}

/* ---- flag sets of file and memory calls ---- */

void print_FALLOC_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_falloc_flags, d->args[arg], "FALLOC_FL_???");
}

void print_FLOCK_OP(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_flock_ops, d->args[arg], "LOCK_???");
}

void print_INOTIFY_MASK(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_inotify_flags, d->args[arg], "IN_???");
}

void print_MLOCK_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_mlock_flags, d->args[arg], "MLOCK_???");
}

void print_UFFD_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_uffd_flags, d->args[arg], "UFFD_???");
}

void print_FSOPEN_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_fsopen_flags, d->args[arg], "FSOPEN_???");
}

void print_MODULE_INIT_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_module_init_flags, d->args[arg], "MODULE_INIT_???");
}

void print_DELETE_MODULE_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_delete_module_flags, d->args[arg], "O_???");
}

/* strace names no unknown bit of memfd_secret's flags */
void print_MEMFD_SECRET_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_memfd_secret_flags, d->args[arg], NULL);
}

/* memfd_create's (unsigned int): the flags, unknown bits in hex, then the huge page size as
 * N<<MFD_HUGE_SHIFT (linux/memfd.h: shift 26, mask 0x3f) */
#define MFD_HUGE_SHIFT_V 26
#define MFD_HUGE_MASK_V 0x3fu
void print_MEMFD_FLAGS(struct dctx *d, int arg)
{
	struct outbuf *o = d->o;
	uint32_t v = d->args[arg];
	uint32_t huge = (v >> MFD_HUGE_SHIFT_V) & MFD_HUGE_MASK_V;
	uint32_t rest = v & ~(MFD_HUGE_MASK_V << MFD_HUGE_SHIFT_V);

	if (!v) {
		ob_putc(o, '0');
		return;
	}
	if (!xlat_names_begin(o, v, XF_HEX))
		return;
	if (rest)
		xlat_print_flags(o, &xlat_memfd_flags, rest, NULL);
	if (huge)
		ob_printf(o, "%s%u<<MFD_HUGE_SHIFT", rest ? "|" : "", huge);
	xlat_names_end(o);
}

/* fanotify_init: the class (FAN_ALL_CLASS_BITS), then the other flags */
void print_FAN_INIT_FLAGS(struct dctx *d, int arg)
{
	uint32_t v = d->args[arg];

	xlat_print_val(d->o, &xlat_fan_classes, v & 0xc, "FAN_CLASS_???");
	if (v & ~0xcu) {
		ob_putc(d->o, '|');
		xlat_print_flags(d->o, &xlat_fan_init_flags, v & ~0xcu, "FAN_???");
	}
}

/* fanotify_mark(fd, flags, mask, dirfd, path) */
void print_FAN_MARK_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_fan_mark_flags, (uint32_t)d->args[arg], "FAN_MARK_???");
}

void print_FAN_EVENT_MASK(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_fan_event_flags, d->args[arg], "FAN_???");
}

void print_FAN_DIRFD(struct dctx *d, int arg)
{
	if ((int32_t)d->args[arg] == -1)	/* FAN_NOFD */
		xlat_print_const(d->o, (uint64_t)-1, XF_DEC, "FAN_NOFD", NULL);
	else
		print_DIRFD(d, arg);
}

/* ---- reboot(magic, magic2, cmd, arg) ---- */

void print_REBOOT_MAGIC1(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_reboot_magic1, d->args[arg], "LINUX_REBOOT_MAGIC_???");
}

void print_REBOOT_MAGIC2(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_reboot_magic2, d->args[arg], "LINUX_REBOOT_MAGIC_???");
}

void print_REBOOT_CMD(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_reboot_cmds, d->args[arg], "LINUX_REBOOT_CMD_???");
}

/* only LINUX_REBOOT_CMD_RESTART2 takes the string */
void print_REBOOT_ARG(struct dctx *d, int arg)
{
	if ((uint32_t)d->args[arg - 1] != 0xA1B2C3D4u) {
		d->omit = true;
		return;
	}
	/* the kernel copies at most 255 bytes into its 256-byte buffer */
	print_cstring_bounded(d, arg, 255);
}

/* struct sigevent (timer_create, mq_notify): the value unless its pointer is NULL, the signal
 * by name for the methods that send one, the thread or function by method */
enum { SIGEV_SIGNAL_V = 0, SIGEV_THREAD_V = 2, SIGEV_THREAD_ID_V = 4 };
void print_SIGEVENT(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, false, 32);
	struct outbuf *o = d->o;
	uint32_t notify;

	if (!p)
		return;
	notify = rd_u32(p + 12);
	ob_putc(o, '{');
	if (rd_u64(p)) {
		ob_printf(o, "sigev_value={sival_int=%d, sival_ptr=", rd_s32(p));
		ob_ptr(o, rd_u64(p));
		ob_puts(o, "}, ");
	}
	ob_puts(o, "sigev_signo=");
	if (notify == SIGEV_SIGNAL_V || notify == SIGEV_THREAD_V || notify == SIGEV_THREAD_ID_V)
		print_signal(o, rd_s32(p + 8));
	else
		ob_udec(o, rd_u32(p + 8));
	ob_puts(o, ", sigev_notify=");
	xlat_print_val(o, &xlat_sigev_notify, notify, "SIGEV_???");
	if (notify == SIGEV_THREAD_ID_V) {
		ob_printf(o, ", sigev_notify_thread_id=%d", rd_s32(p + 16));
	} else if (notify == SIGEV_THREAD_V) {
		ob_puts(o, ", sigev_notify_function=");
		ob_ptr(o, rd_u64(p + 16));
		ob_puts(o, ", sigev_notify_attributes=");
		ob_ptr(o, rd_u64(p + 24));
	}
	ob_putc(o, '}');
}

/* ---- extended attributes ---- */

void print_XATTR_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_xattr_flags, d->args[arg], "XATTR_???");
}

/* a value of len bytes: the address past XATTR_SIZE_MAX, else a string without its one
 * trailing NUL */
static void print_xattr_value(struct dctx *d, int arg, uint64_t len, bool exit)
{
	const struct sc_blob *b;
	const uint8_t *p;
	uint64_t n;
	size_t shown;

	if (len > 65536) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	b = d_mem(d, arg, exit);
	if (!b)
		return;
	p = blob_data(b);
	n = len;
	if (n && b->len >= n && !p[n - 1])
		n--;
	shown = n < b->len ? n : b->len;
	if (shown > d->s->strsize)
		shown = d->s->strsize;
	print_quoted(d, p, shown, false, n > shown);
}

/* setxattr's value: size (the next argument) bytes */
void print_XATTR_VAL_IN(struct dctx *d, int arg)
{
	print_xattr_value(d, arg, d->args[arg + 1], false);
}

/* getxattr's: what the call returned */
void print_XATTR_VAL_OUT(struct dctx *d, int arg)
{
	if (!d->exited || d->failed) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	print_xattr_value(d, arg, d->ret, true);
}

/* listxattr's names: the address for a size query (size 0) */
void print_XATTR_LIST(struct dctx *d, int arg)
{
	if (!d->args[arg + 1]) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	print_BUF_OUT(d, arg);
}

/* ---- pointers to one number ---- */

/* get_robust_list's head: [0x7f...] */
void print_PTR_PTR_OUT(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, true, 8);

	if (!p)
		return;
	ob_putc(d->o, '[');
	ob_ptr(d->o, rd_u64(p));
	ob_putc(d->o, ']');
}

/* size_t *: [24] */
void print_ULONG_PTR_OUT(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct(d, arg, true, 8);

	if (p)
		ob_printf(d->o, "[%llu]", (unsigned long long)rd_u64(p));
}

/* sendfile's offset: [0] => [4096] once the call moved it (a count copied) */
void print_LOFF_PTR_INOUT(struct dctx *d, int arg)
{
	const uint8_t *p;

	if (d->phase == DP_SUFFIX)
		return;
	p = d_struct(d, arg, false, 8);
	if (!p)
		return;
	ob_printf(d->o, "[%llu]", (unsigned long long)rd_u64(p));
	if (!d->exited || d->failed || !d->ret)
		return;
	ob_puts(d->o, " => ");
	p = d_struct(d, arg, true, 8);
	if (p)
		ob_printf(d->o, "[%llu]", (unsigned long long)rd_u64(p));
}

/* struct mq_attr (64 bytes with its reserved longs): {mq_flags=O_NONBLOCK, mq_maxmsg=10, ...};
 * mq_open ignores mq_flags (the open flags say O_NONBLOCK): there it prints in hex */
static void print_mq_attr(struct dctx *d, int arg, bool exit, bool flags)
{
	const uint8_t *p = d_struct(d, arg, exit, 64);

	if (!p)
		return;
	ob_puts(d->o, "{mq_flags=");
	if (flags)
		xlat_print_flags(d->o, &xlat_mq_attr_flags, rd_u64(p), NULL);
	else
		ob_hex(d->o, rd_u64(p));
	ob_printf(d->o, ", mq_maxmsg=%lld, mq_msgsize=%lld, mq_curmsgs=%lld}",
		  (long long)rd_s64(p + 8), (long long)rd_s64(p + 16), (long long)rd_s64(p + 24));
}

void print_MQ_ATTR_IN(struct dctx *d, int arg)
{
	print_mq_attr(d, arg, false, true);
}

void print_MQ_ATTR_OUT(struct dctx *d, int arg)
{
	print_mq_attr(d, arg, true, true);
}

/* mq_open's attr: only with O_CREAT (the flags are two arguments before) */
void print_MQ_OPEN_ATTR(struct dctx *d, int arg)
{
	if (!(d->args[arg - 2] & 0100)) {
		d->omit = true;
		return;
	}
	print_mq_attr(d, arg, false, false);
}

/* ---- System V IPC ---- */

/* IPC_PRIVATE or the key in hex */
void print_IPC_KEY(struct dctx *d, int arg)
{
	xlat_print_const(d->o, (uint32_t)d->args[arg], XF_HEX,
			 xlat_name(&xlat_ipc_private, (uint32_t)d->args[arg]), NULL);
}

/* flags above the permission bits, then the permissions: IPC_CREAT|IPC_EXCL|0600 */
void print_IPC_GET_FLAGS(struct dctx *d, int arg)
{
	uint32_t v = d->args[arg];

	if (v & ~0777u) {
		xlat_print_flags(d->o, &xlat_ipc_resource_flags, v & ~0777u, NULL);
		ob_putc(d->o, '|');
	}
	ob_printf(d->o, "%#03o", v & 0777);
}

/* shmget's: SHM_HUGETLB's page size as 21<<SHM_HUGE_SHIFT among them */
#define SHM_HUGE_SHIFT_V 26
void print_SHM_GET_FLAGS(struct dctx *d, int arg)
{
	uint32_t v = d->args[arg], mask = 0x3fu << SHM_HUGE_SHIFT_V;
	uint32_t flags = v & ~0777u & ~mask, huge = v & mask;

	if (flags) {
		xlat_print_flags(d->o, &xlat_shm_resource_flags, flags, NULL);
		ob_putc(d->o, '|');
	}
	if (huge) {
		ob_printf(d->o, "%u<<", huge >> SHM_HUGE_SHIFT_V);
		xlat_print_const(d->o, SHM_HUGE_SHIFT_V, XF_UDEC, "SHM_HUGE_SHIFT", NULL);
		ob_putc(d->o, '|');
	}
	ob_printf(d->o, "%#03o", v & 0777);
}

void print_SHMAT_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_shmat_flags, d->args[arg], "SHM_???");
}

#define IPC_64_V 0x100
enum { IPC_RMID_V, IPC_SET_V, IPC_STAT_V, IPC_INFO_V };

/* the command of *ctl: IPC_64|IPC_STAT */
static void print_ipc_cmd(struct outbuf *o, uint32_t v, const struct xlat *x, const char *unknown)
{
	if (v & IPC_64_V) {
		xlat_print_const(o, IPC_64_V, XF_HEX, "IPC_64", NULL);
		ob_putc(o, '|');
	}
	xlat_print_val(o, x, v & ~IPC_64_V, unknown);
}

/* msgsnd/msgrcv: {mtype=N, mtext="..."} with msgsz (the next argument) bytes of mtext */
static void print_msgbuf(struct dctx *d, int arg, bool exit)
{
	const struct sc_blob *b = d_blob(d, arg, 0, exit);
	uint64_t count = d->args[arg + 1];
	size_t n = count < d->s->strsize ? (size_t)count : d->s->strsize;
	int64_t mtype;

	/* strace reads the whole struct msgbuf first (a long and a char, padded: 16 bytes) */
	if (!b || !d->args[arg] || b->len < 16 ||
	    ((b->flags & BLOBF_FAULT) && !(b->flags & BLOBF_PART))) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	memcpy(&mtype, blob_data(b), sizeof(mtype));
	ob_printf(d->o, "{mtype=%lld, mtext=", (long long)mtype);
	if (b->len < 8 + n)
		ob_ptr(d->o, d->args[arg] + 8);
	else
		print_quoted(d, blob_data(b) + 8, n, false, count > n);
	ob_putc(d->o, '}');
}

void print_MSGBUF_IN(struct dctx *d, int arg)
{
	print_msgbuf(d, arg, false);
}

void print_MSGBUF_OUT(struct dctx *d, int arg)
{
	print_msgbuf(d, arg, true);
}

void print_IPC_MSG_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_ipc_msg_flags, (uint32_t)d->args[arg], "MSG_???");
}

void print_MSGCTL_CMD(struct dctx *d, int arg)
{
	print_ipc_cmd(d->o, d->args[arg], &xlat_msgctl_cmds, "MSG_???");
}

void print_SHMCTL_CMD(struct dctx *d, int arg)
{
	print_ipc_cmd(d->o, d->args[arg], &xlat_shmctl_cmds, "SHM_???");
}

void print_SEMCTL_CMD(struct dctx *d, int arg)
{
	print_ipc_cmd(d->o, d->args[arg], &xlat_semctl_cmds, "SEM_???");
}

static void print_mincore_elem(struct dctx *d, const uint8_t *p)
{
	ob_putc(d->o, '0' + (*p & 1));
}

/* mincore's vector: a byte per page of the length, its lowest bit; strace prints it after a
 * failed call too */
void print_MINCORE_VEC(struct dctx *d, int arg)
{
	long ps = sysconf(_SC_PAGESIZE);
	uint64_t len = d->args[arg - 1], page = ps > 0 ? (uint64_t)ps : 4096;

	if (!d->exited) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	print_array(d, arg, true, len / page + !!(len % page), 1, print_mincore_elem);
}

static void print_remote_iov_elem(struct dctx *d, const uint8_t *p)
{
	ob_puts(d->o, "{iov_base=");
	ob_ptr(d->o, rd_u64(p));
	ob_printf(d->o, ", iov_len=%llu}", (unsigned long long)rd_u64(p + 8));
}

/* another process's iovecs: their addresses and lengths, not their bytes */
void print_REMOTE_IOV(struct dctx *d, int arg)
{
	print_array(d, arg, false, d->args[arg + 1], 16, print_remote_iov_elem);
}

/* struct sembuf {unsigned short sem_num; short sem_op; short sem_flg;} */
static void print_sembuf(struct dctx *d, const uint8_t *p)
{
	ob_printf(d->o, "{sem_num=%u, sem_op=%d, sem_flg=", rd_u16(p), (int16_t)rd_u16(p + 2));
	xlat_print_flags(d->o, &xlat_semop_flags, rd_u16(p + 4), "SEM_???");
	ob_putc(d->o, '}');
}

/* semop/semtimedop: the nsops (next argument, unsigned int) operations */
void print_SEMBUF_ARRAY(struct dctx *d, int arg)
{
	print_array(d, arg, false, (uint32_t)d->args[arg + 1], 6, print_sembuf);
}

static void print_ipc_id(struct outbuf *o, const char *name, uint32_t id)
{
	if (id == (uint32_t)-1)
		ob_printf(o, "%s=-1", name);
	else
		ob_printf(o, "%s=%u", name, id);
}

/* struct ipc64_perm: the owner and mode only for IPC_SET, which sets just those */
static void print_ipc_perm(struct outbuf *o, const char *name, const uint8_t *p, bool set)
{
	ob_printf(o, "{%s={", name);
	print_ipc_id(o, "uid", rd_u32(p + 4));
	ob_puts(o, ", ");
	print_ipc_id(o, "gid", rd_u32(p + 8));
	ob_printf(o, ", mode=%#03o", rd_u32(p + 20));
	if (!set) {
		ob_printf(o, ", key=%u, ", rd_u32(p));
		print_ipc_id(o, "cuid", rd_u32(p + 12));
		ob_puts(o, ", ");
		print_ipc_id(o, "cgid", rd_u32(p + 16));
	}
	ob_putc(o, '}');
}

/*
 * The buffer of msgctl, shmctl and semctl, by the command: IPC_SET's input at the call, the
 * STAT and INFO outputs after it, the address otherwise. `stat` and `info` are the command's
 * other numbers (MSG_STAT, MSG_STAT_ANY, MSG_INFO ...). Returns the bytes or NULL (printed).
 */
static const uint8_t *ipc_buf(struct dctx *d, int arg, uint32_t cmd, uint32_t stat,
			      uint32_t info, size_t size, bool *set, bool *is_info)
{
	cmd &= ~IPC_64_V;
	*set = cmd == IPC_SET_V;
	*is_info = cmd == IPC_INFO_V || cmd == info;
	if (d->phase == DP_SUFFIX)
		return NULL;
	if (!*set && !*is_info && cmd != IPC_STAT_V && cmd != stat && cmd != stat + 2) {
		ob_ptr(d->o, d->args[arg]);
		return NULL;
	}
	return d_struct(d, arg, !*set, size);
}

/* msgctl: struct msqid64_ds or struct msginfo */
void print_MSGCTL_BUF(struct dctx *d, int arg)
{
	struct outbuf *o = d->o;
	bool set, info;
	const uint8_t *p = ipc_buf(d, arg, d->args[1], 11, 12, 120, &set, &info);

	if (!p)
		return;
	if (info) {
		ob_printf(o, "{msgpool=%d, msgmap=%d, msgmax=%d, msgmnb=%d, msgmni=%d, msgssz=%d, "
			  "msgtql=%d, msgseg=%u}", rd_s32(p), rd_s32(p + 4), rd_s32(p + 8),
			  rd_s32(p + 12), rd_s32(p + 16), rd_s32(p + 20), rd_s32(p + 24),
			  rd_u16(p + 28));
		return;
	}
	print_ipc_perm(o, "msg_perm", p, set);
	if (!set)
		ob_printf(o, ", msg_stime=%llu, msg_rtime=%llu, msg_ctime=%llu, msg_qnum=%llu",
			  (unsigned long long)rd_u64(p + 48), (unsigned long long)rd_u64(p + 56),
			  (unsigned long long)rd_u64(p + 64), (unsigned long long)rd_u64(p + 80));
	ob_printf(o, ", msg_qbytes=%llu", (unsigned long long)rd_u64(p + 88));
	if (!set)
		ob_printf(o, ", msg_lspid=%d, msg_lrpid=%d", rd_s32(p + 96), rd_s32(p + 100));
	ob_putc(o, '}');
}

/* shmctl: struct shmid64_ds, struct shminfo64 (IPC_INFO) or struct shm_info (SHM_INFO) */
void print_SHMCTL_BUF(struct dctx *d, int arg)
{
	struct outbuf *o = d->o;
	bool set, info;
	const uint8_t *p = ipc_buf(d, arg, d->args[1], 13, 14, 112, &set, &info);

	if (!p)
		return;
	if (info && (d->args[1] & ~IPC_64_V) == IPC_INFO_V) {
		ob_printf(o, "{shmmax=%llu, shmmin=%llu, shmmni=%llu, shmseg=%llu, shmall=%llu}",
			  (unsigned long long)rd_u64(p), (unsigned long long)rd_u64(p + 8),
			  (unsigned long long)rd_u64(p + 16), (unsigned long long)rd_u64(p + 24),
			  (unsigned long long)rd_u64(p + 32));
		return;
	}
	if (info) {
		ob_printf(o, "{used_ids=%d, shm_tot=%llu, shm_rss=%llu, shm_swp=%llu, "
			  "swap_attempts=%llu, swap_successes=%llu}", rd_s32(p),
			  (unsigned long long)rd_u64(p + 8), (unsigned long long)rd_u64(p + 16),
			  (unsigned long long)rd_u64(p + 24), (unsigned long long)rd_u64(p + 32),
			  (unsigned long long)rd_u64(p + 40));
		return;
	}
	print_ipc_perm(o, "shm_perm", p, set);
	if (!set)
		ob_printf(o, ", shm_segsz=%llu, shm_cpid=%d, shm_lpid=%d, shm_nattch=%llu, "
			  "shm_atime=%llu, shm_dtime=%llu, shm_ctime=%llu",
			  (unsigned long long)rd_u64(p + 48), rd_s32(p + 80), rd_s32(p + 84),
			  (unsigned long long)rd_u64(p + 88), (unsigned long long)rd_u64(p + 56),
			  (unsigned long long)rd_u64(p + 64), (unsigned long long)rd_u64(p + 72));
	ob_putc(o, '}');
}

/* struct semid64_ds: x86_64 keeps a long of padding after each time */
#if defined(__x86_64__)
#define SEM_CTIME_OFF 64
#define SEM_NSEMS_OFF 80
#else
#define SEM_CTIME_OFF 56
#define SEM_NSEMS_OFF 64
#endif

/* semctl's fourth argument (union semun): a buffer for the IPC_SET, STAT and INFO commands,
 * otherwise printed as an address whatever it holds */
void print_SEMCTL_ARG(struct dctx *d, int arg)
{
	struct outbuf *o = d->o;
	bool set, info;
	const uint8_t *p = ipc_buf(d, arg, d->args[2], 18, 19, 104, &set, &info);
	int i;

	if (!p)
		return;
	if (info) {
		static const char *const f[] = {
			"semmap", "semmni", "semmns", "semmnu", "semmsl", "semopm", "semume",
			"semusz", "semvmx", "semaem",
		};

		for (i = 0; i < 10; i++)
			ob_printf(o, "%s%s=%d", i ? ", " : "{", f[i], rd_s32(p + 4 * i));
		ob_putc(o, '}');
		return;
	}
	print_ipc_perm(o, "sem_perm", p, set);
	if (!set)
		ob_printf(o, ", sem_otime=%llu, sem_ctime=%llu, sem_nsems=%llu",
			  (unsigned long long)rd_u64(p + 48),
			  (unsigned long long)rd_u64(p + SEM_CTIME_OFF),
			  (unsigned long long)rd_u64(p + SEM_NSEMS_OFF));
	ob_putc(o, '}');
}

/* ---- return values (R_* rows of syscalls.h past R_PRCTL): the number, then " (...)" ---- */

/* time(): = 1796312111 (2026-12-03T17:42:38+0000) */
static void ret_time(struct dctx *d)
{
	time_t t = d->ret;
	struct tm tm;
	char buf[64];
	size_t n;

	ob_dec(d->o, d->ret);
	if (!d->ret || !localtime_r(&t, &tm))
		return;
	n = strftime(buf, sizeof(buf), "%FT%T%z", &tm);
	if (n)
		ob_printf(d->o, " (%s)", buf);
}

/* sched_getscheduler: = 0 (SCHED_OTHER); a policy with SCHED_RESET_ON_FORK has no name */
static void ret_sched_policy(struct dctx *d)
{
	const char *n = xlat_name(&xlat_schedulers, d->ret);

	ob_dec(d->o, d->ret);
	if (n)
		ob_printf(d->o, " (%s)", n);
}

/* ioprio_get: = 4 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 4)); nothing in raw */
static void ret_ioprio(struct dctx *d)
{
	ob_dec(d->o, d->ret);
	if (xlat_style == XLAT_RAW)
		return;
	ob_puts(d->o, " (");
	print_ioprio_value(d->o, d->ret);
	ob_putc(d->o, ')');
}

/* rt_sigtimedwait: = 10 (SIGUSR1) */
static void ret_signum(struct dctx *d)
{
	char buf[16];
	const char *n = signal_name(d->ret, buf, sizeof(buf));

	ob_dec(d->o, d->ret);
	if (d->ret > 0 && n[0] == 'S')
		ob_printf(d->o, " (%s)", n);
}

/* adjtimex, clock_adjtime: = 5 (TIME_ERROR) */
static void ret_adjtimex(struct dctx *d)
{
	const char *n = xlat_name(&xlat_adjtimex_state, d->ret);

	ob_dec(d->o, d->ret);
	if (n)
		ob_printf(d->o, " (%s)", n);
}

/* personality: = 0x400000 (PER_LINUX|READ_IMPLIES_EXEC), the previous personality */
static void ret_personality(struct dctx *d)
{
	ob_hex(d->o, (uint32_t)d->ret);
	ob_puts(d->o, " (");
	print_personality(d->o, d->ret);
	ob_putc(d->o, ')');
}

/* modify_ldt: the kernel returns its int result zero-extended (arch/x86/kernel/ldt.c), so an
 * error is a large positive number; strace prints it with the error's name */
static void ret_modify_ldt(struct dctx *d)
{
	int32_t v = (int32_t)d->ret;
	const char *n = v < 0 ? errno_name(-v) : NULL;

	ob_dec(d->o, d->ret);
	if (n)
		ob_printf(d->o, " %s (%s)", n, strerror(-v));
}

#ifndef LANDLOCK_CREATE_RULESET_VERSION
#define LANDLOCK_CREATE_RULESET_VERSION (1U << 0)	/* linux/landlock.h */
#endif

/* LANDLOCK_CREATE_RULESET_VERSION asks for the ABI version: a number, no ruleset fd */
static void ret_landlock(struct dctx *d)
{
	if (d->args[2] & LANDLOCK_CREATE_RULESET_VERSION)
		ob_dec(d->o, d->ret);
	else
		print_ret_fd(d, d->ret);
}

const ret_printer ret_printers[R__COUNT] = {
	[R_FCNTL] = print_fcntl_ret,
	[R_PRCTL] = print_prctl_ret,
	[R_IOCTL] = print_ioctl_ret,
	[R_TIME] = ret_time,
	[R_SCHED_POLICY] = ret_sched_policy,
	[R_IOPRIO] = ret_ioprio,
	[R_SIGNUM] = ret_signum,
	[R_ADJTIMEX] = ret_adjtimex,
	[R_PERSONALITY] = ret_personality,
	[R_ARCH_PRCTL] = print_arch_prctl_ret,
	[R_MODIFY_LDT] = ret_modify_ldt,
	[R_BPF] = print_bpf_ret,
	[R_LANDLOCK] = ret_landlock,
};
