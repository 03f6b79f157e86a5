// SPDX-License-Identifier: GPL-2.0
/* The mount family: mount, umount2, fsconfig, fsmount, fspick, open_tree, move_mount,
 * mount_setattr. */
#include "decode.h"
#include "xlat/fsconfig_cmds.h"
#include "xlat/fsmount_attr_flags.h"
#include "xlat/fsmount_flags.h"
#include "xlat/fspick_flags.h"
#include "xlat/mount_attr_flags.h"
#include "xlat/mount_propagation.h"
#include "xlat/move_mount_flags.h"
#include "xlat/open_tree_flags.h"
#include "xlat/umount_flags.h"
/* linux/mount.h's (1<<31) is a negative int: the 64-bit flags would need all the high bits */
#undef MS_NOUSER
#define MS_NOUSER 0x80000000u
#include "xlat/mount_flags.h"

enum {
	MGC_VAL = 0xc0ed0000u,	/* MS_MGC_VAL: the old magic number in the high half */
	MGC_MSK = 0xffff0000u,
	NO_TYPE_DATA = MS_BIND | MS_MOVE | MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE,
	MOUNT_ARG_FLAGS = 3,
	MOUNT_ATTR_SIZE_VER0_ = 32,
};

/* mount(2): the file system type means nothing with MS_REMOUNT, MS_BIND, MS_MOVE or a
 * propagation change; the data nothing with the last three (unless MS_REMOUNT) */
static uint64_t mount_flags(const struct dctx *d)
{
	uint64_t fl = d->args[MOUNT_ARG_FLAGS];

	if ((fl & MGC_MSK) == MGC_VAL)
		fl &= ~(uint64_t)MGC_MSK;
	return fl;
}

void print_MOUNT_FSTYPE(struct dctx *d, int arg)
{
	uint64_t fl = mount_flags(d);

	if ((fl & MS_REMOUNT) || (fl & NO_TYPE_DATA))
		ob_ptr(d->o, d->args[arg]);
	else
		print_STR(d, arg);
}

void print_MOUNT_DATA(struct dctx *d, int arg)
{
	uint64_t fl = mount_flags(d);

	if (!(fl & MS_REMOUNT) && (fl & NO_TYPE_DATA))
		ob_ptr(d->o, d->args[arg]);
	else
		print_STR(d, arg);
}

/* MS_MGC_VAL, then the flags: MS_MGC_VAL|MS_RDONLY; raw 0xc0ed0000|0x1 */
void print_MOUNT_FLAGS(struct dctx *d, int arg)
{
	uint64_t fl = d->args[arg];

	if ((fl & MGC_MSK) == MGC_VAL) {
		xlat_print_const(d->o, MGC_VAL, XF_HEX, "MS_MGC_VAL", NULL);
		fl &= ~(uint64_t)MGC_MSK;
		if (!fl)
			return;
		ob_putc(d->o, '|');
	}
	xlat_print_flags(d->o, &xlat_mount_flags, fl, "MS_???");
}

void print_UMOUNT_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_umount_flags, d->args[arg], "MNT_???");
}

void print_FSMOUNT_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_fsmount_flags, d->args[arg], "FSMOUNT_???");
}

void print_FSMOUNT_ATTR_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_fsmount_attr_flags, d->args[arg], "MOUNT_ATTR_???");
}

void print_FSPICK_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_fspick_flags, d->args[arg], "FSPICK_???");
}

void print_OPEN_TREE_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_open_tree_flags, d->args[arg], "OPEN_TREE_???");
}

void print_MOVE_MOUNT_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_move_mount_flags, d->args[arg], "MOVE_MOUNT_???");
}

/* nonzero bytes after the fields known: , / * bytes 32..39 * / "\x80..." */
static void print_attr_tail(struct dctx *d, const struct sc_blob *b, size_t known)
{
	const uint8_t *p = blob_data(b);
	size_t i;

	for (i = known; i < b->len; i++)
		if (p[i])
			break;
	if (i >= b->len)
		return;
	ob_printf(d->o, ", /* bytes %zu..%u */ \"", known, b->len - 1);
	for (i = known; i < b->len; i++)
		ob_printf(d->o, "\\x%02x", p[i]);
	ob_putc(d->o, '"');
}

/* struct mount_attr {u64 attr_set, attr_clr, propagation, userns_fd}; its size is the next
 * argument, the pointer when smaller than the first version's 32 bytes */
void print_MOUNT_ATTR(struct dctx *d, int arg)
{
	struct outbuf *o = d->o;
	const struct sc_blob *b;
	const uint8_t *p;
	uint64_t set, clr, prop, userns;

	if (d->args[arg + 1] < MOUNT_ATTR_SIZE_VER0_) {
		ob_ptr(o, d->args[arg]);
		return;
	}
	/* the fields known, then the rest of `size` read apart: unreadable, it is "???" */
	b = d_mem_prefix(d, arg, false, MOUNT_ATTR_SIZE_VER0_);
	if (!b)
		return;
	if (b->len < MOUNT_ATTR_SIZE_VER0_) {
		ob_ptr(o, d->args[arg]);
		return;
	}
	p = blob_data(b);
	set = rd_u64(p);
	clr = rd_u64(p + 8);
	prop = rd_u64(p + 16);
	userns = rd_u64(p + 24);
	ob_puts(o, "{attr_set=");
	xlat_print_flags(o, &xlat_mount_attr_flags, set, "MOUNT_ATTR_???");
	ob_puts(o, ", attr_clr=");
	xlat_print_flags(o, &xlat_mount_attr_flags, clr, "MOUNT_ATTR_???");
	ob_puts(o, ", propagation=");
	xlat_print_val(o, &xlat_mount_propagation, prop, prop ? "MS_???" : NULL);
	ob_puts(o, ", userns_fd=");
	/* a user namespace's fd only with MOUNT_ATTR_IDMAP */
	if (set & MOUNT_ATTR_IDMAP)
		print_fd(d, (int32_t)userns);
	else
		ob_udec(o, userns);
	if (b->flags & BLOBF_FAULT)
		ob_puts(o, ", ???");
	else
		print_attr_tail(d, b, MOUNT_ATTR_SIZE_VER0_);
	ob_putc(o, '}');
}

/* ---- fsconfig(fs_fd, cmd, key, value, aux): key, value and aux by the command ---- */

enum {
	FSC_SET_FLAG, FSC_SET_STRING, FSC_SET_BINARY, FSC_SET_PATH, FSC_SET_PATH_EMPTY,
	FSC_SET_FD,
	FSC_ARG_CMD = 1,
	FSC_KEY_MAX = 256,		/* the kernel's strndup_user() bound of key and string */
	FSC_BINARY_MAX = 1024 * 1024,	/* a larger blob is refused: strace shows the address */
};

static uint32_t fsc_cmd(const struct dctx *d)
{
	return d->args[FSC_ARG_CMD];
}

static bool fsc_is_path(uint32_t cmd)
{
	return cmd == FSC_SET_PATH || cmd == FSC_SET_PATH_EMPTY;
}

void print_FSCONFIG_FD(struct dctx *d, int arg)
{
	print_FD(d, arg);
}

void print_FSCONFIG_CMD(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_fsconfig_cmds, (uint32_t)d->args[arg], "FSCONFIG_???");
}

/*
 * A NUL-terminated string in the value's copy (a fixed copy, its readable part when it ran
 * into an unreadable page): strace reads at most `bound` bytes and shows `limit` of them, "..."
 * when no NUL came within `bound`. Unreadable before its NUL: the address.
 */
static void fsc_string(struct dctx *d, int arg, size_t bound, size_t limit)
{
	const struct sc_blob *b = d_mem_prefix(d, arg, false, 1);
	const uint8_t *p;
	size_t avail, n;

	if (!b)
		return;
	p = blob_data(b);
	avail = b->len < bound ? b->len : bound;
	n = strnlen((const char *)p, avail);
	if (n == avail && avail < bound) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	print_quoted(d, p, n > limit ? limit : n, true, n > limit || n >= bound);
}

void print_FSCONFIG_KEY(struct dctx *d, int arg)
{
	if (fsc_cmd(d) > FSC_SET_FD)
		ob_ptr(d->o, d->args[arg]);
	else
		print_cstring_bounded(d, arg, FSC_KEY_MAX);
}

void print_FSCONFIG_VALUE(struct dctx *d, int arg)
{
	uint32_t cmd = fsc_cmd(d), aux = d->args[arg + 1];
	const struct sc_blob *b;
	size_t n;

	if (cmd == FSC_SET_STRING) {
		fsc_string(d, arg, FSC_KEY_MAX,
			   d->s->strsize < FSC_KEY_MAX ? d->s->strsize : FSC_KEY_MAX);
	} else if (fsc_is_path(cmd)) {
		/* a path: up to PATH_MAX - 1 bytes whatever -s says */
		fsc_string(d, arg, BSTRACE_PATH_MAX, BSTRACE_PATH_MAX - 1);
	} else if (cmd == FSC_SET_BINARY && aux <= FSC_BINARY_MAX) {
		/* aux bytes, all in hex, as many as -s */
		n = aux < d->s->strsize ? aux : d->s->strsize;
		b = d_mem_prefix(d, arg, false, n);
		if (!b)
			return;
		if (b->len < n) {
			ob_ptr(d->o, d->args[arg]);
			return;
		}
		d->force_hex = true;
		print_quoted(d, blob_data(b), n, false, aux > n);
		d->force_hex = false;
	} else {
		ob_ptr(d->o, d->args[arg]);
	}
}

void print_FSCONFIG_AUX(struct dctx *d, int arg)
{
	uint32_t cmd = fsc_cmd(d);

	if (fsc_is_path(cmd))
		print_DIRFD(d, arg);
	else if (cmd == FSC_SET_FD)
		print_FD(d, arg);
	else
		ob_dec(d->o, (int32_t)d->args[arg]);
}

int fsconfig_path_arg(const struct dctx *d, int arg)
{
	uint32_t cmd = fsc_cmd(d);

	if (d->def->arg[arg] == K_FSCONFIG_VALUE)
		return fsc_is_path(cmd) ? 1 : 0;
	if (d->def->arg[arg] == K_FSCONFIG_AUX)
		return fsc_is_path(cmd) || cmd == FSC_SET_FD ? 2 : 0;
	return 0;
}
