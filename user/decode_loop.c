// SPDX-License-Identifier: GPL-2.0
/*
 * Loop device requests (linux/loop.h, type 'L'). Their numbers encode no size: the ioctl_refs
 * rows of loop_ioctl_refs() have BPF copy struct loop_info, loop_info64 and loop_config whole.
 * Without -v a status struct prints its settable fields and "...".
 */
#include <stddef.h>
#include <string.h>
#include <linux/loop.h>
#include "decode.h"
#include "decode_flags.h"
#include "xlat/loop_crypt_types.h"
#include "xlat/loop_flags.h"

static const struct {
	uint32_t req;
	const char *name;
} loop_reqs[] = {
	{ LOOP_SET_FD, "LOOP_SET_FD" },
	{ LOOP_CLR_FD, "LOOP_CLR_FD" },
	{ LOOP_SET_STATUS, "LOOP_SET_STATUS" },
	{ LOOP_GET_STATUS, "LOOP_GET_STATUS" },
	{ LOOP_SET_STATUS64, "LOOP_SET_STATUS64" },
	{ LOOP_GET_STATUS64, "LOOP_GET_STATUS64" },
	{ LOOP_CHANGE_FD, "LOOP_CHANGE_FD" },
	{ LOOP_SET_CAPACITY, "LOOP_SET_CAPACITY" },
	{ LOOP_SET_DIRECT_IO, "LOOP_SET_DIRECT_IO" },
	{ LOOP_SET_BLOCK_SIZE, "LOOP_SET_BLOCK_SIZE" },
	{ LOOP_CONFIGURE, "LOOP_CONFIGURE" },
	{ LOOP_CTL_ADD, "LOOP_CTL_ADD" },
	{ LOOP_CTL_REMOVE, "LOOP_CTL_REMOVE" },
	{ LOOP_CTL_GET_FREE, "LOOP_CTL_GET_FREE" },
};

const char *loop_ioctl_name(uint32_t req)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(loop_reqs); i++)
		if (loop_reqs[i].req == req)
			return loop_reqs[i].name;
	return NULL;
}

/* , field="..." of a char array: up to its NUL; with none, all but its last byte and "..." */
static void print_lo_name(struct dctx *d, const char *field, const uint8_t *p, size_t size)
{
	size_t n = strnlen((const char *)p, size);

	ob_printf(d->o, ", %s=", field);
	print_quoted(d, p, n < size ? n : n - 1, true, n == size);
}

/* the encryption type and key size: when the type is not LO_CRYPT_NONE, or with -v */
static bool print_lo_crypt(struct dctx *d, uint32_t type, uint32_t key_size)
{
	if (!type && !d->s->verbose)
		return false;
	ob_puts(d->o, ", lo_encrypt_type=");
	xlat_print_val(d->o, &xlat_loop_crypt_types, type, "LO_CRYPT_???");
	ob_printf(d->o, ", lo_encrypt_key_size=%u", key_size);
	return true;
}

/* the key's lo_encrypt_key_size bytes (the array's at most) */
static void print_lo_key(struct dctx *d, const uint8_t *key, uint32_t key_size)
{
	ob_puts(d->o, ", lo_encrypt_key=");
	print_quoted(d, key, key_size < LO_KEY_SIZE ? key_size : LO_KEY_SIZE, false, false);
}

static void print_lo_flags(struct dctx *d, uint32_t flags)
{
	ob_puts(d->o, ", lo_flags=");
	xlat_print_flags(d->o, &xlat_loop_flags, flags, "LO_FLAGS_???");
}

static void print_loop_info(struct dctx *d, const uint8_t *p)
{
	struct outbuf *o = d->o;
	struct loop_info li;
	bool crypt;

	memcpy(&li, p, sizeof(li));
	ob_printf(o, "{lo_number=%d", li.lo_number);
	if (d->s->verbose) {
		ob_puts(o, ", lo_device=");
		print_makedev(o, li.lo_device);
		ob_printf(o, ", lo_inode=%lu, lo_rdevice=", li.lo_inode);
		print_makedev(o, li.lo_rdevice);
	}
	ob_puts(o, ", lo_offset=");
	ob_hex(o, (uint32_t)li.lo_offset);
	crypt = print_lo_crypt(d, li.lo_encrypt_type, li.lo_encrypt_key_size);
	print_lo_flags(d, li.lo_flags);
	print_lo_name(d, "lo_name", (const uint8_t *)li.lo_name, sizeof(li.lo_name));
	if (crypt)
		print_lo_key(d, li.lo_encrypt_key, li.lo_encrypt_key_size);
	if (!d->s->verbose) {
		ob_puts(o, ", ...}");
		return;
	}
	ob_printf(o, ", lo_init=[%#lx, %#lx], reserved=[%#hhx, %#hhx, %#hhx, %#hhx]}",
		  li.lo_init[0], li.lo_init[1], li.reserved[0], li.reserved[1], li.reserved[2],
		  li.reserved[3]);
}

static void print_loop_info64(struct dctx *d, const uint8_t *p)
{
	struct outbuf *o = d->o;
	struct loop_info64 li;
	bool crypt;

	memcpy(&li, p, sizeof(li));
	if (d->s->verbose) {
		ob_puts(o, "{lo_device=");
		print_makedev(o, li.lo_device);
		ob_printf(o, ", lo_inode=%llu, lo_rdevice=", (unsigned long long)li.lo_inode);
		print_makedev(o, li.lo_rdevice);
		ob_printf(o, ", lo_offset=%#llx, lo_sizelimit=%llu",
			  (unsigned long long)li.lo_offset, (unsigned long long)li.lo_sizelimit);
	} else {
		ob_printf(o, "{lo_offset=%#llx", (unsigned long long)li.lo_offset);
	}
	ob_printf(o, ", lo_number=%u", li.lo_number);
	crypt = print_lo_crypt(d, li.lo_encrypt_type, li.lo_encrypt_key_size);
	print_lo_flags(d, li.lo_flags);
	print_lo_name(d, "lo_file_name", li.lo_file_name, sizeof(li.lo_file_name));
	if (crypt) {
		print_lo_name(d, "lo_crypt_name", li.lo_crypt_name, sizeof(li.lo_crypt_name));
		print_lo_key(d, li.lo_encrypt_key, li.lo_encrypt_key_size);
	}
	if (!d->s->verbose) {
		ob_puts(o, ", ...}");
		return;
	}
	ob_printf(o, ", lo_init=[%#llx, %#llx]}", (unsigned long long)li.lo_init[0],
		  (unsigned long long)li.lo_init[1]);
}

/* struct loop_config: __reserved only when some of it is set */
static void print_loop_config(struct dctx *d, const uint8_t *p)
{
	struct outbuf *o = d->o;
	struct loop_config lc;
	unsigned int i;

	memcpy(&lc, p, sizeof(lc));
	ob_printf(o, "{fd=%d, block_size=%u, info=", (int)lc.fd, lc.block_size);
	print_loop_info64(d, p + offsetof(struct loop_config, info));
	for (i = 0; i < ARRAY_SIZE(lc.__reserved) && !lc.__reserved[i]; i++)
		;
	if (i < ARRAY_SIZE(lc.__reserved)) {
		ob_puts(o, ", __reserved=[");
		for (i = 0; i < ARRAY_SIZE(lc.__reserved); i++)
			ob_printf(o, "%s%#llx", i ? ", " : "", (unsigned long long)lc.__reserved[i]);
		ob_putc(o, ']');
	}
	ob_putc(o, '}');
}

void loop_ioctl_arg(struct dctx *d, int arg)
{
	uint32_t req = d->args[1];
	uint64_t v = d->args[arg];
	bool get = req == LOOP_GET_STATUS || req == LOOP_GET_STATUS64;
	size_t size;
	const uint8_t *p;

	switch (req) {
	case LOOP_CLR_FD:
	case LOOP_SET_CAPACITY:
	case LOOP_CTL_GET_FREE:
		return;
	case LOOP_SET_FD:
	case LOOP_CHANGE_FD:
	case LOOP_CTL_ADD:
	case LOOP_CTL_REMOVE:
		ob_dec(d->o, (int32_t)v);
		return;
	case LOOP_SET_DIRECT_IO:
	case LOOP_SET_BLOCK_SIZE:
		ob_udec(d->o, v);
		return;
	case LOOP_SET_STATUS:
	case LOOP_GET_STATUS:
		size = sizeof(struct loop_info);
		break;
	case LOOP_SET_STATUS64:
	case LOOP_GET_STATUS64:
		size = sizeof(struct loop_info64);
		break;
	case LOOP_CONFIGURE:
		size = sizeof(struct loop_config);
		break;
	default:
		ob_hex(d->o, v);
		return;
	}
	/* -e verbose= without ioctl: the structs as their addresses, as strace prints them */
	if (d->nr < BSTRACE_NR_MAX && d->s->nonverbose[d->nr]) {
		ob_ptr(d->o, v);
		return;
	}
	/* a get's struct is the kernel's: printed for a call that succeeded */
	p = d_struct_prefix(d, arg, get, size);
	if (!p)
		return;
	if (req == LOOP_CONFIGURE)
		print_loop_config(d, p);
	else if (size == sizeof(struct loop_info))
		print_loop_info(d, p);
	else
		print_loop_info64(d, p);
}

unsigned int loop_ioctl_refs(struct ioctl_ref *out, unsigned int max)
{
	static const struct {
		uint32_t req;
		uint16_t size;
	} rows[] = {
		{ LOOP_SET_STATUS, sizeof(struct loop_info) },
		{ LOOP_GET_STATUS, sizeof(struct loop_info) },
		{ LOOP_SET_STATUS64, sizeof(struct loop_info64) },
		{ LOOP_GET_STATUS64, sizeof(struct loop_info64) },
		{ LOOP_CONFIGURE, sizeof(struct loop_config) },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(rows) && i < max; i++)
		out[i] = (struct ioctl_ref){
			.req = rows[i].req, .arg_size = rows[i].size,
			.ptr_off = IOCTL_REF_NONE, .cnt_off = IOCTL_REF_NONE,
			.sel_off = IOCTL_REF_NONE, .el_ptr_off = IOCTL_REF_NONE,
		};
	return i;
}
