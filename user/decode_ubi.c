// SPDX-License-Identifier: GPL-2.0
/*
 * UBI requests (mtd/ubi-user.h: the control device's 'o', a UBI device's 'o', a volume's 'O').
 * struct ubi_rnvol_req (4372 bytes) is larger than CAP_IOCTL's cap: its ioctl_refs row copies
 * it whole. A volume's name prints as far as its name_len says, with no -s limit.
 */
#include <stddef.h>
#include <string.h>
#include <linux/ioctl.h>
#include <linux/dvb/net.h>
#include <mtd/ubi-user.h>
#include "decode.h"
#include "xlat/ubi_data_types.h"
#include "xlat/ubi_volume_flags.h"
#include "xlat/ubi_volume_props.h"
#include "xlat/ubi_volume_types.h"

enum { U_NONE, U_INT, U_INT64, U_ATTACH, U_LEB, U_MAP, U_MKVOL, U_RNVOL, U_RSVOL, U_PROP, U_HEX };

static const struct {
	uint32_t req;
	const char *name;
	int arg;
} ubi_reqs[] = {
	{ UBI_IOCMKVOL, "UBI_IOCMKVOL", U_MKVOL },
	{ UBI_IOCRMVOL, "UBI_IOCRMVOL", U_INT },
	{ UBI_IOCRSVOL, "UBI_IOCRSVOL", U_RSVOL },
	{ UBI_IOCRNVOL, "UBI_IOCRNVOL", U_RNVOL },
	{ UBI_IOCRPEB, "UBI_IOCRPEB", U_INT },
	{ UBI_IOCSPEB, "UBI_IOCSPEB", U_INT },
	{ UBI_IOCATT, "UBI_IOCATT", U_ATTACH },
	{ UBI_IOCDET, "UBI_IOCDET", U_INT },
	{ UBI_IOCVOLUP, "UBI_IOCVOLUP", U_INT64 },
	{ UBI_IOCEBER, "UBI_IOCEBER", U_INT },
	{ UBI_IOCEBCH, "UBI_IOCEBCH", U_LEB },
	{ UBI_IOCEBMAP, "UBI_IOCEBMAP", U_MAP },
	{ UBI_IOCEBUNMAP, "UBI_IOCEBUNMAP", U_INT },
	{ UBI_IOCEBISMAP, "UBI_IOCEBISMAP", U_INT },
	{ UBI_IOCSETVOLPROP, "UBI_IOCSETVOLPROP", U_PROP },
	{ UBI_IOCVOLCRBLK, "UBI_IOCVOLCRBLK", U_NONE },
	{ UBI_IOCVOLRMBLK, "UBI_IOCVOLRMBLK", U_NONE },
	/* the DVB net request of the same type letter, which strace names too */
	{ NET_REMOVE_IF, "NET_REMOVE_IF", U_HEX },
};

static int ubi_find(uint32_t req)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(ubi_reqs); i++)
		if (ubi_reqs[i].req == req)
			return i;
	return -1;
}

const char *ubi_ioctl_name(uint32_t req)
{
	int i = ubi_find(req);

	return i < 0 ? NULL : ubi_reqs[i].name;
}

static bool call_wrote(const struct dctx *d)
{
	return d->exited && !d->failed;
}

/* name="..." of name_len characters (0..UBI_MAX_VOLUME_NAME) up to a NUL; with no NUL in
 * them and the byte after, "..." */
static void print_vol_name(struct dctx *d, const uint8_t *name, int16_t name_len)
{
	size_t len = name_len < 0 ? 0 : name_len > UBI_MAX_VOLUME_NAME ? UBI_MAX_VOLUME_NAME :
		     (size_t)name_len;
	size_t n = strnlen((const char *)name, len + 1);

	ob_puts(d->o, ", name=");
	print_quoted(d, name, n > len ? len : n, true, n > len);
}

static void print_mkvol(struct dctx *d, const uint8_t *p)
{
	struct ubi_mkvol_req r;

	memcpy(&r, p, sizeof(r));
	ob_printf(d->o, "{vol_id=%d, alignment=%d, bytes=%lld, vol_type=", r.vol_id, r.alignment,
		  (long long)r.bytes);
	xlat_print_val(d->o, &xlat_ubi_volume_types, (uint8_t)r.vol_type, "UBI_???");
	ob_puts(d->o, ", flags=");
	xlat_print_flags(d->o, &xlat_ubi_volume_flags, r.flags, "UBI_???");
	ob_printf(d->o, ", name_len=%d", r.name_len);
	print_vol_name(d, (const uint8_t *)r.name, r.name_len);
	ob_putc(d->o, '}');
	if (call_wrote(d))
		ob_printf(d->o, " => [%d]", r.vol_id);
}

static void print_rnvol(struct dctx *d, const uint8_t *p)
{
	struct ubi_rnvol_req r;
	int32_t i, n;

	memcpy(&r, p, sizeof(r));
	n = r.count < 0 ? 0 : r.count > UBI_MAX_RNVOL ? UBI_MAX_RNVOL : r.count;
	ob_printf(d->o, "{count=%d, ents=[", r.count);
	for (i = 0; i < n; i++) {
		if (i)
			ob_puts(d->o, ", ");
		if ((size_t)i >= d->s->strsize && !d->s->verbose) {
			ob_puts(d->o, "...");
			break;
		}
		ob_printf(d->o, "{vol_id=%d, name_len=%d", r.ents[i].vol_id, r.ents[i].name_len);
		print_vol_name(d, (const uint8_t *)r.ents[i].name, r.ents[i].name_len);
		ob_putc(d->o, '}');
	}
	ob_puts(d->o, "]}");
}

void ubi_ioctl_arg(struct dctx *d, int arg)
{
	static const size_t sizes[] = {
		[U_INT] = 4, [U_INT64] = 8,
		[U_ATTACH] = sizeof(struct ubi_attach_req),
		[U_LEB] = sizeof(struct ubi_leb_change_req),
		[U_MAP] = sizeof(struct ubi_map_req),
		[U_MKVOL] = sizeof(struct ubi_mkvol_req),
		[U_RNVOL] = sizeof(struct ubi_rnvol_req),
		[U_RSVOL] = sizeof(struct ubi_rsvol_req),
		[U_PROP] = sizeof(struct ubi_set_vol_prop_req),
	};
	struct outbuf *o = d->o;
	int i = ubi_find(d->args[1]), how = i < 0 ? U_HEX : ubi_reqs[i].arg;
	const uint8_t *p;

	if (how == U_NONE)
		return;
	if (how == U_HEX) {
		ob_hex(o, d->args[arg]);
		return;
	}
	p = d_struct_prefix(d, arg, false, sizes[how]);
	if (!p)
		return;
	switch (how) {
	case U_INT:
		ob_printf(o, "[%d]", rd_s32(p));
		return;
	case U_INT64:
		ob_printf(o, "[%lld]", (long long)rd_s64(p));
		return;
	case U_ATTACH:
		ob_printf(o, "{ubi_num=%d, mtd_num=%d, vid_hdr_offset=%d, max_beb_per1024=%d}",
			  rd_s32(p), rd_s32(p + 4), rd_s32(p + 8), (int16_t)rd_u16(p + 12));
		if (call_wrote(d))
			ob_printf(o, " => [%d]", rd_s32(p));
		return;
	case U_LEB:
		ob_printf(o, "{lnum=%d, bytes=%d, dtype=", rd_s32(p), rd_s32(p + 4));
		xlat_print_val(o, &xlat_ubi_data_types, (uint8_t)p[8], "UBI_???");
		ob_putc(o, '}');
		return;
	case U_MAP:
		ob_printf(o, "{lnum=%d, dtype=", rd_s32(p));
		xlat_print_val(o, &xlat_ubi_data_types, (uint8_t)p[4], "UBI_???");
		ob_putc(o, '}');
		return;
	case U_MKVOL:
		print_mkvol(d, p);
		return;
	case U_RNVOL:
		print_rnvol(d, p);
		return;
	case U_RSVOL:
		ob_printf(o, "{bytes=%lld, vol_id=%d}", (long long)rd_s64(p), rd_s32(p + 8));
		return;
	case U_PROP:
		ob_puts(o, "{property=");
		xlat_print_val(o, &xlat_ubi_volume_props, p[0], "UBI_VOL_PROP_???");
		ob_printf(o, ", value=%#llx}", (unsigned long long)rd_u64(p + 8));
		return;
	}
}

unsigned int ubi_ioctl_refs(struct ioctl_ref *out, unsigned int max)
{
	if (!max)
		return 0;
	out[0] = (struct ioctl_ref){
		.req = UBI_IOCRNVOL, .arg_size = sizeof(struct ubi_rnvol_req),
		.ptr_off = IOCTL_REF_NONE, .cnt_off = IOCTL_REF_NONE,
		.sel_off = IOCTL_REF_NONE, .el_ptr_off = IOCTL_REF_NONE,
	};
	return 1;
}
