// SPDX-License-Identifier: GPL-2.0
/*
 * Flag sets and enumerations, named as strace names them. Unknown bits follow the names in hex
 * (O_RDONLY|0x80000000); a value with no known bit at all is hex with strace's comment naming
 * the family (0x10 / * ?_OK * /). Kernel uapi headers give the values: glibc's differ (O_LARGEFILE
 * is 0 for 64-bit programs, F_GETLK64 is F_GETLK).
 */
#include <string.h>
#include "decode.h"
#include "decode_flags.h"
#include "xlat/access_modes.h"
#include "xlat/arch_prctl_codes.h"
#include "xlat/at_faccess_flags.h"
#include "xlat/at_flags.h"
#include "xlat/at_handle_flags.h"
#include "xlat/at_mount_setattr_flags.h"
#include "xlat/at_statx_sync.h"
#include "xlat/clockids.h"
#include "xlat/clone_flags.h"
#include "xlat/epoll_create_flags.h"
#include "xlat/epoll_ctl_ops.h"
#include "xlat/eventfd_flags.h"
#include "xlat/fcntl_cmds.h"
#include "xlat/futex_cmds.h"
#include "xlat/getrandom_flags.h"
#include "xlat/idtypes.h"
#include "xlat/inotify_init_flags.h"
#include "xlat/itimer_which.h"
#include "xlat/madvise_advice.h"
#include "xlat/mmap_flags.h"
#include "xlat/mmap_prot.h"
#include "xlat/mmap_type.h"
#include "xlat/mremap_flags.h"
#include "xlat/msync_flags.h"
#include "xlat/open_access.h"
#include "xlat/open_flags.h"
#include "xlat/prctl_options.h"
#include "xlat/rename_flags.h"
#include "xlat/rlimits.h"
#include "xlat/seek_whence.h"
#include "xlat/fadvise_advice.h"
#include "xlat/setns_types.h"
#include "xlat/signalfd_flags.h"
#include "xlat/sigprocmask_how.h"
#include "xlat/timer_flags.h"
#include "xlat/timerfd_flags.h"
#include "xlat/unshare_flags.h"
#include "xlat/wait_options.h"

bool sc_is(const struct dctx *d, const char *name)
{
	return d->def && !strcmp(d->def->name, name);
}

/* O_RDWR|O_CREAT: the access mode always, then the other flags */
void print_open_flags(struct outbuf *o, uint64_t fl)
{
	uint64_t rest = fl & ~(uint64_t)O_ACCMODE;

	if (!xlat_names_begin(o, fl, XF_HEX))
		return;
	ob_puts(o, xlat_name(&xlat_open_access, fl & O_ACCMODE));
	if (rest) {
		ob_putc(o, '|');
		xlat_print_flags(o, &xlat_open_flags, rest, NULL);
	}
	xlat_names_end(o);
}

void print_OPEN_FLAGS(struct dctx *d, int arg)
{
	print_open_flags(d->o, d->args[arg]);
}

void print_AT_FLAGS(struct dctx *d, int arg)
{
	const struct xlat *x = &xlat_at_flags;

	if (sc_is(d, "statx")) {
		/* the sync type first, AT_STATX_SYNC_AS_STAT when 0 */
		uint32_t fl = d->args[arg], rest = fl & ~(uint32_t)AT_STATX_SYNC_TYPE;

		xlat_print_flags(d->o, &xlat_at_statx_sync, fl & AT_STATX_SYNC_TYPE, NULL);
		if (rest) {
			ob_putc(d->o, '|');
			xlat_print_flags(d->o, &xlat_at_flags, rest, NULL);
		}
		return;
	}
	if (sc_is(d, "faccessat2"))
		x = &xlat_at_faccess_flags;
	else if (sc_is(d, "name_to_handle_at"))
		x = &xlat_at_handle_flags;
	else if (sc_is(d, "mount_setattr"))
		x = &xlat_at_mount_setattr_flags;
	xlat_print_flags(d->o, x, d->args[arg], "AT_???");
}

void print_ACCESS_MODE(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_access_modes, d->args[arg], "?_OK");
}

void print_PROT(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_mmap_prot, d->args[arg], "PROT_???");
}

/* the mapping type, the flags, then the huge page size as N<<MAP_HUGE_SHIFT */
void print_MAP_FLAGS(struct dctx *d, int arg)
{
	struct outbuf *o = d->o;
	uint64_t fl = d->args[arg];
	uint32_t huge = (fl >> MAP_HUGE_SHIFT) & MAP_HUGE_MASK;
	uint64_t rest = fl & ~(uint64_t)MAP_TYPE & ~((uint64_t)MAP_HUGE_MASK << MAP_HUGE_SHIFT);

	if (!xlat_names_begin(o, fl, XF_HEX))
		return;
	xlat_print_val(o, &xlat_mmap_type, fl & MAP_TYPE, "MAP_???");
	if (rest) {
		ob_putc(o, '|');
		xlat_print_flags(o, &xlat_mmap_flags, rest, NULL);
	}
	if (huge)
		ob_printf(o, "|%u<<MAP_HUGE_SHIFT", huge);
	xlat_names_end(o);
}

void print_MREMAP_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_mremap_flags, d->args[arg], "MREMAP_???");
}

/* mremap's new_address: only when MREMAP_MAYMOVE|MREMAP_FIXED put the mapping there */
void print_MREMAP_ADDR(struct dctx *d, int arg)
{
	uint64_t both = MREMAP_MAYMOVE | MREMAP_FIXED;

	if ((d->args[arg - 1] & both) == both)
		ob_ptr(d->o, d->args[arg]);
	else
		d->omit = true;
}

void print_MADVISE(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_madvise_advice, d->args[arg], "MADV_???");
}

void print_MSYNC_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_msync_flags, d->args[arg], "MS_???");
}

void print_SEEK_WHENCE(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_seek_whence, d->args[arg], "SEEK_???");
}

void print_FADVISE(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_fadvise_advice, d->args[arg], "POSIX_FADV_???");
}

/* CLONE_VM|...|SIGCHLD: the low byte is the signal sent to the parent when the child exits */
void print_clone_flags(struct outbuf *o, uint64_t fl)
{
	uint64_t rest = fl & ~(uint64_t)0xff;
	unsigned int sig = fl & 0xff;

	if (rest)
		xlat_print_flags(o, &xlat_clone_flags, rest, "CLONE_???");
	if (!sig) {
		if (!rest)
			ob_putc(o, '0');
		return;
	}
	if (rest)
		ob_putc(o, '|');
	print_signal(o, sig);
}

/*
 * clone's stack goes first, as strace reorders it: child_stack=NULL, flags=...; unshare's and
 * setns' namespace flags have no exit signal.
 */
void print_CLONE_FLAGS(struct dctx *d, int arg)
{
	if (sc_is(d, "unshare")) {
		xlat_print_flags(d->o, &xlat_unshare_flags, d->args[arg], "CLONE_???");
		return;
	}
	ob_puts(d->o, "child_stack=");
	ob_ptr(d->o, d->args[1]);
	ob_puts(d->o, ", flags=");
	print_clone_flags(d->o, d->args[arg]);
}

void print_ns_types(struct outbuf *o, uint64_t v)
{
	xlat_print_flags(o, &xlat_setns_types, v, "CLONE_NEW???");
}

/* setns's nstype: an int */
void print_NS_TYPE(struct dctx *d, int arg)
{
	print_ns_types(d->o, d->args[arg]);
}

void print_WAIT_OPTIONS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_wait_options, d->args[arg], "W???");
}

void print_IDTYPE(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_idtypes, d->args[arg], "P_???");
}

void print_SIGPROCMASK_HOW(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_sigprocmask_how, d->args[arg], "SIG_???");
}

void print_RLIMIT_RESOURCE(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_rlimits, d->args[arg], "RLIMIT_???");
}

void print_GRND_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_getrandom_flags, d->args[arg], "GRND_???");
}

void print_RENAME_FLAGS(struct dctx *d, int arg)
{
	/* sic: strace's comment has two question marks here */
	xlat_print_flags(d->o, &xlat_rename_flags, d->args[arg], "RENAME_??");
}

/* pipe2, dup3 take open flags; the *_init1/create calls have their own names */
void print_FD_FLAGS(struct dctx *d, int arg)
{
	uint32_t fl = d->args[arg];

	if (sc_is(d, "inotify_init1"))
		xlat_print_flags(d->o, &xlat_inotify_init_flags, fl, "IN_???");
	else if (sc_is(d, "signalfd4"))
		xlat_print_flags(d->o, &xlat_signalfd_flags, fl, "SFD_???");
	else if (sc_is(d, "timerfd_create"))
		xlat_print_flags(d->o, &xlat_timerfd_flags, fl, "TFD_???");
	else
		xlat_print_flags(d->o, &xlat_open_flags, fl, "O_???");
}

void print_EFD_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_eventfd_flags, d->args[arg], "EFD_???");
}

void print_EPOLL_CTL_OP(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_epoll_ctl_ops, d->args[arg], "EPOLL_CTL_???");
}

void print_EPOLL_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_epoll_create_flags, d->args[arg], "EPOLL_???");
}

void print_CLOCKID(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_clockids, d->args[arg], "CLOCK_???");
}

void print_TIMER_FLAGS(struct dctx *d, int arg)
{
	uint32_t fl = d->args[arg];

	if (sc_is(d, "timerfd_settime"))
		xlat_print_flags(d->o, &xlat_timerfd_flags, fl, "TFD_???");
	else
		xlat_print_flags(d->o, &xlat_timer_flags, fl, "TIMER_???");
}

void print_ITIMER_WHICH(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_itimer_which, d->args[arg], "ITIMER_???");
}

/*
 * FUTEX_WAIT_PRIVATE, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME: a command with its
 * private flag folded into the name; FUTEX_CLOCK_REALTIME only where the command takes it.
 */
void print_futex_op(struct outbuf *o, uint32_t op)
{
	uint32_t cmd = op & ~(uint32_t)(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
	const char *n = xlat_name(&xlat_futex_cmds, cmd);
	bool rt = op & FUTEX_CLOCK_REALTIME;
	bool priv = op & FUTEX_PRIVATE_FLAG;

	if (n && rt && cmd != FUTEX_WAIT && cmd != FUTEX_WAIT_BITSET &&
	    cmd != FUTEX_WAIT_REQUEUE_PI)
		n = NULL;
	if (!n) {
		xlat_print_const(o, op, XF_HEX, NULL, "FUTEX_???");
		return;
	}
	if (!xlat_names_begin(o, op, XF_HEX))
		return;
	ob_puts(o, n);
	if (priv)
		ob_puts(o, cmd == FUTEX_FD ? "|FUTEX_PRIVATE_FLAG" : "_PRIVATE");
	if (rt)
		ob_puts(o, "|FUTEX_CLOCK_REALTIME");
	xlat_names_end(o);
}

void print_FUTEX_OP(struct dctx *d, int arg)
{
	print_futex_op(d->o, d->args[arg]);
}

void print_ARCH_PRCTL_CODE(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_arch_prctl_codes, d->args[arg], "ARCH_???");
}

void print_PRCTL_OPTION(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_prctl_options, d->args[arg], "PR_???");
}

void print_FCNTL_CMD(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_fcntl_cmds, d->args[arg], "F_???");
}
