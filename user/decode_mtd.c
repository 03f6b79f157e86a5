// SPDX-License-Identifier: GPL-2.0
/*
 * MTD (memory technology device) requests, mtd/mtd-abi.h, type 'M'. The structures the call
 * reads print whatever the call did; those it only writes (MEMGETINFO, ECCGETLAYOUT, ...)
 * print after a success, else as their address. The sound mixer's requests share the type:
 * print_IOCTL_REQ names a read or write one MIXER_READ(nr) / MIXER_WRITE(nr) first.
 */
#include <string.h>
#include <linux/ioctl.h>
#include <mtd/mtd-abi.h>
#include "decode.h"
#include "xlat/mtd_file_modes.h"
#include "xlat/mtd_flags.h"
#include "xlat/mtd_mode_options.h"
#include "xlat/mtd_nandecc_options.h"
#include "xlat/mtd_otp_options.h"
#include "xlat/mtd_types.h"

enum {
	M_HEX,		/* the argument as a number (requests strace names only) */
	M_FILE_MODE,	/* MTDFILEMODE: the mode itself */
	M_OTP_SELECT,	/* int read: MTD_OTP_* */
	M_LOFF,		/* __kernel_loff_t read: a block's offset */
	M_OUT_INT,	/* int written */
	M_OUT_UINT,
	M_ERASE,	/* struct erase_info_user */
	M_ERASE64,
	M_OOB,		/* struct mtd_oob_buf */
	M_OOB64,
	M_OTP_IN,	/* struct otp_info read */
	M_OTP_OUT,	/* struct otp_info written */
	M_REGION,	/* struct region_info_user: regionindex read, the rest written */
	M_WRITE,	/* struct mtd_write_req */
	M_INFO,		/* struct mtd_info_user written */
	M_OOBSEL,	/* struct nand_oobinfo written */
	M_LAYOUT,	/* struct nand_ecclayout_user written */
	M_STATS,	/* struct mtd_ecc_stats written */
};

static const struct {
	uint32_t req;
	const char *name;
	int arg;
} mtd_reqs[] = {
	{ MEMGETINFO, "MEMGETINFO", M_INFO },
	{ MEMERASE, "MEMERASE", M_ERASE },
	{ MEMWRITEOOB, "MEMWRITEOOB", M_OOB },
	{ MEMREADOOB, "MEMREADOOB", M_OOB },
	{ MEMLOCK, "MEMLOCK", M_ERASE },
	{ MEMUNLOCK, "MEMUNLOCK", M_ERASE },
	{ MEMGETREGIONCOUNT, "MEMGETREGIONCOUNT", M_OUT_INT },
	{ MEMGETREGIONINFO, "MEMGETREGIONINFO", M_REGION },
	{ MEMGETOOBSEL, "MEMGETOOBSEL", M_OOBSEL },
	{ MEMGETBADBLOCK, "MEMGETBADBLOCK", M_LOFF },
	{ MEMSETBADBLOCK, "MEMSETBADBLOCK", M_LOFF },
	{ OTPSELECT, "OTPSELECT", M_OTP_SELECT },
	{ OTPGETREGIONCOUNT, "OTPGETREGIONCOUNT", M_OUT_UINT },
	{ OTPGETREGIONINFO, "OTPGETREGIONINFO", M_OTP_OUT },
	{ OTPLOCK, "OTPLOCK", M_OTP_IN },
	{ ECCGETLAYOUT, "ECCGETLAYOUT", M_LAYOUT },
	{ ECCGETSTATS, "ECCGETSTATS", M_STATS },
	{ MTDFILEMODE, "MTDFILEMODE", M_FILE_MODE },
	{ MEMERASE64, "MEMERASE64", M_ERASE64 },
	{ MEMWRITEOOB64, "MEMWRITEOOB64", M_OOB64 },
	{ MEMREADOOB64, "MEMREADOOB64", M_OOB64 },
	{ MEMISLOCKED, "MEMISLOCKED", M_ERASE },
	{ MEMWRITE, "MEMWRITE", M_WRITE },
	/* strace 6.1 names these two but does not decode their structures */
	{ OTPERASE, "OTPERASE", M_HEX },
	{ MEMREAD, "MEMREAD", M_HEX },
};

static int mtd_find(uint32_t req)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(mtd_reqs); i++)
		if (mtd_reqs[i].req == req)
			return i;
	return -1;
}

const char *mtd_ioctl_name(uint32_t req)
{
	int i = mtd_find(req);

	return i < 0 ? NULL : mtd_reqs[i].name;
}

static bool call_wrote(const struct dctx *d)
{
	return d->exited && !d->failed;
}

/* whether the array has room for element i: past -s elements only with -v ("..." then) */
static bool array_next(struct dctx *d, unsigned int i)
{
	if (i)
		ob_puts(d->o, ", ");
	if (i >= d->s->strsize && !d->s->verbose) {
		ob_puts(d->o, "...");
		return false;
	}
	return true;
}

static void print_u32_array(struct dctx *d, const uint32_t *v, unsigned int n)
{
	unsigned int i;

	ob_putc(d->o, '[');
	for (i = 0; i < n && array_next(d, i); i++)
		ob_hex(d->o, v[i]);
	ob_putc(d->o, ']');
}

static void print_info(struct dctx *d, const uint8_t *p)
{
	struct outbuf *o = d->o;
	struct mtd_info_user m;

	memcpy(&m, p, sizeof(m));
	ob_puts(o, "{type=");
	xlat_print_val(o, &xlat_mtd_types, m.type, "MTD_???");
	ob_puts(o, ", flags=");
	xlat_print_flags(o, &xlat_mtd_flags, m.flags, "MTD_???");
	ob_printf(o, ", size=%#x, erasesize=%#x, writesize=%#x, oobsize=%#x, padding=",
		  m.size, m.erasesize, m.writesize, m.oobsize);
	ob_hex(o, m.padding);
	ob_putc(o, '}');
}

static void print_oobsel(struct dctx *d, const uint8_t *p)
{
	struct outbuf *o = d->o;
	struct nand_oobinfo n;
	unsigned int i;

	memcpy(&n, p, sizeof(n));
	ob_puts(o, "{useecc=");
	xlat_print_val(o, &xlat_mtd_nandecc_options, n.useecc, "MTD_NANDECC_???");
	ob_puts(o, ", eccbytes=");
	ob_hex(o, n.eccbytes);
	ob_puts(o, ", oobfree=[");
	for (i = 0; i < ARRAY_SIZE(n.oobfree) && array_next(d, i); i++)
		print_u32_array(d, n.oobfree[i], ARRAY_SIZE(n.oobfree[i]));
	ob_puts(o, "], eccpos=");
	print_u32_array(d, n.eccpos, ARRAY_SIZE(n.eccpos));
	ob_putc(o, '}');
}

static void print_layout(struct dctx *d, const uint8_t *p)
{
	struct outbuf *o = d->o;
	struct nand_ecclayout_user l;
	unsigned int i;

	memcpy(&l, p, sizeof(l));
	ob_puts(o, "{eccbytes=");
	ob_hex(o, l.eccbytes);
	ob_puts(o, ", eccpos=");
	print_u32_array(d, l.eccpos, ARRAY_SIZE(l.eccpos));
	ob_puts(o, ", oobavail=");
	ob_hex(o, l.oobavail);
	ob_puts(o, ", oobfree=[");
	for (i = 0; i < ARRAY_SIZE(l.oobfree) && array_next(d, i); i++)
		ob_printf(o, "{offset=%#x, length=%#x}", l.oobfree[i].offset, l.oobfree[i].length);
	ob_puts(o, "]}");
}

static void print_write_req(struct dctx *d, const uint8_t *p)
{
	struct outbuf *o = d->o;
	struct mtd_write_req w;

	memcpy(&w, p, sizeof(w));
	ob_puts(o, "{start=");
	ob_hex(o, w.start);
	ob_puts(o, ", len=");
	ob_hex(o, w.len);
	ob_puts(o, ", ooblen=");
	ob_hex(o, w.ooblen);
	ob_puts(o, ", usr_data=");
	ob_ptr(o, w.usr_data);
	ob_puts(o, ", usr_oob=");
	ob_ptr(o, w.usr_oob);
	ob_puts(o, ", mode=");
	xlat_print_val(o, &xlat_mtd_mode_options, w.mode, "MTD_OPS_???");
	ob_putc(o, '}');
}

static bool written_only(int how)
{
	switch (how) {
	case M_OUT_INT:
	case M_OUT_UINT:
	case M_OTP_OUT:
	case M_INFO:
	case M_OOBSEL:
	case M_LAYOUT:
	case M_STATS:
		return true;
	}
	return false;
}

/* the structures the call reads, printed from the copy whatever the call returned */
static void print_input(struct dctx *d, int how, const uint8_t *p)
{
	struct outbuf *o = d->o;

	switch (how) {
	case M_OTP_SELECT:
		ob_putc(o, '[');
		xlat_print_val(o, &xlat_mtd_otp_options, rd_u32(p), "MTD_OTP_???");
		ob_putc(o, ']');
		return;
	case M_LOFF:
		ob_printf(o, "[%llu]", (unsigned long long)rd_u64(p));
		return;
	case M_ERASE:
		ob_printf(o, "{start=%#x, length=%#x}", rd_u32(p), rd_u32(p + 4));
		return;
	case M_ERASE64:
		ob_puts(o, "{start=");
		ob_hex(o, rd_u64(p));
		ob_puts(o, ", length=");
		ob_hex(o, rd_u64(p + 8));
		ob_putc(o, '}');
		return;
	case M_OOB:
		ob_printf(o, "{start=%#x, length=%#x, ptr=", rd_u32(p), rd_u32(p + 4));
		ob_ptr(o, rd_u64(p + 8));
		ob_putc(o, '}');
		return;
	case M_OOB64:
		ob_puts(o, "{start=");
		ob_hex(o, rd_u64(p));
		ob_printf(o, ", length=%#x, usr_ptr=", rd_u32(p + 12));
		ob_ptr(o, rd_u64(p + 16));
		ob_putc(o, '}');
		return;
	case M_OTP_IN:
		ob_printf(o, "{start=%#x, length=%#x, locked=%u}", rd_u32(p), rd_u32(p + 4),
			  rd_u32(p + 8));
		return;
	case M_WRITE:
		print_write_req(d, p);
		return;
	}
}

/* the structures the call writes: printed after a success only */
static void print_output(struct dctx *d, int how, const uint8_t *p)
{
	struct outbuf *o = d->o;

	switch (how) {
	case M_OUT_INT:
		ob_printf(o, "[%d]", rd_s32(p));
		return;
	case M_OUT_UINT:
		ob_printf(o, "[%u]", rd_u32(p));
		return;
	case M_OTP_OUT:
		print_input(d, M_OTP_IN, p);
		return;
	case M_INFO:
		print_info(d, p);
		return;
	case M_OOBSEL:
		print_oobsel(d, p);
		return;
	case M_LAYOUT:
		print_layout(d, p);
		return;
	case M_STATS:
		ob_printf(o, "{corrected=%#x, failed=%#x, badblocks=%#x, bbtblocks=%#x}",
			  rd_u32(p), rd_u32(p + 4), rd_u32(p + 8), rd_u32(p + 12));
		return;
	}
}

void mtd_ioctl_arg(struct dctx *d, int arg)
{
	static const size_t sizes[] = {
		[M_OTP_SELECT] = 4, [M_LOFF] = 8, [M_OUT_INT] = 4, [M_OUT_UINT] = 4,
		[M_ERASE] = sizeof(struct erase_info_user),
		[M_ERASE64] = sizeof(struct erase_info_user64),
		[M_OOB] = sizeof(struct mtd_oob_buf),
		[M_OOB64] = sizeof(struct mtd_oob_buf64),
		[M_OTP_IN] = sizeof(struct otp_info), [M_OTP_OUT] = sizeof(struct otp_info),
		[M_REGION] = sizeof(struct region_info_user),
		[M_WRITE] = sizeof(struct mtd_write_req),
		[M_INFO] = sizeof(struct mtd_info_user),
		[M_OOBSEL] = sizeof(struct nand_oobinfo),
		[M_LAYOUT] = sizeof(struct nand_ecclayout_user),
		[M_STATS] = sizeof(struct mtd_ecc_stats),
	};
	struct outbuf *o = d->o;
	int i = mtd_find(d->args[1]), how = i < 0 ? M_HEX : mtd_reqs[i].arg;
	const uint8_t *p;

	if (how == M_HEX) {
		ob_hex(o, d->args[arg]);
		return;
	}
	if (how == M_FILE_MODE) {
		xlat_print_val(o, &xlat_mtd_file_modes, d->args[arg], "MTD_FILE_MODE_???");
		return;
	}
	/* a structure only written: an address, unless the call succeeded */
	if (written_only(how) && !call_wrote(d)) {
		ob_ptr(o, d->args[arg]);
		return;
	}
	p = d_struct_prefix(d, arg, false, sizes[how]);
	if (!p)
		return;
	if (how == M_REGION) {
		ob_printf(o, "{regionindex=%#x", rd_u32(p + 12));
		if (call_wrote(d))
			ob_printf(o, ", offset=%#x, erasesize=%#x, numblocks=%#x", rd_u32(p),
				  rd_u32(p + 4), rd_u32(p + 8));
		ob_putc(o, '}');
		return;
	}
	print_input(d, how, p);
	print_output(d, how, p);
}
