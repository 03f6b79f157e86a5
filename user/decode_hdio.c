// SPDX-License-Identifier: GPL-2.0
/* ATA/IDE disk ioctls (linux/hdreg.h, type 0x03): the request names and their arguments: getters
 * writing an unsigned long, setters passing one by value, the geometry, the identify data and
 * the drive command with its sector buffer. */
#include <stddef.h>
#include <linux/hdreg.h>
#include "decode.h"
#include "xlat/hdio_ata_cmds.h"
#include "xlat/hdio_busstates.h"

/* how a request's argument prints */
enum {
	HA_HEX,		/* not decoded: the raw value */
	HA_GET_ULONG,	/* [N]: an unsigned long written by the call */
	HA_SET_ULONG,	/* N: an unsigned long passed by value */
	HA_GET_NICE,	/* [1 << IDE_NICE_0|...] */
	HA_SET_NICE,
	HA_GET_BUSSTATE,	/* [BUSSTATE_ON] */
	HA_SET_BUSSTATE,
	HA_GETGEO,	/* struct hd_geometry written by the call */
	HA_IDENTITY,	/* the identify data written by the call, as a string */
	HA_OBSOLETE_IDENTITY,
	HA_HWIF,	/* [0x1f0, 0x3f6, 0xe]: the three ints read by the call */
	HA_DRIVE_CMD,	/* struct hd_drive_cmd_hdr read, then written, and its sectors */
};

static const struct {
	uint16_t req;
	uint8_t arg;	/* HA_* */
	const char *name;
} hdio_reqs[] = {
	{ HDIO_GETGEO, HA_GETGEO, "HDIO_GETGEO" },
	{ HDIO_GET_UNMASKINTR, HA_GET_ULONG, "HDIO_GET_UNMASKINTR" },
	{ HDIO_GET_MULTCOUNT, HA_GET_ULONG, "HDIO_GET_MULTCOUNT" },
	{ HDIO_GET_QDMA, HA_HEX, "HDIO_GET_QDMA" },
	{ HDIO_SET_XFER, HA_HEX, "HDIO_SET_XFER" },
	{ HDIO_OBSOLETE_IDENTITY, HA_OBSOLETE_IDENTITY, "HDIO_OBSOLETE_IDENTITY" },
	{ HDIO_GET_KEEPSETTINGS, HA_GET_ULONG, "HDIO_GET_KEEPSETTINGS" },
	{ HDIO_GET_32BIT, HA_GET_ULONG, "HDIO_GET_32BIT" },
	{ HDIO_GET_NOWERR, HA_GET_ULONG, "HDIO_GET_NOWERR" },
	{ HDIO_GET_DMA, HA_GET_ULONG, "HDIO_GET_DMA" },
	{ HDIO_GET_NICE, HA_GET_NICE, "HDIO_GET_NICE" },
	{ HDIO_GET_IDENTITY, HA_IDENTITY, "HDIO_GET_IDENTITY" },
	{ HDIO_GET_WCACHE, HA_GET_ULONG, "HDIO_GET_WCACHE" },
	{ HDIO_GET_ACOUSTIC, HA_GET_ULONG, "HDIO_GET_ACOUSTIC" },
	{ HDIO_GET_ADDRESS, HA_GET_ULONG, "HDIO_GET_ADDRESS" },
	{ HDIO_GET_BUSSTATE, HA_GET_BUSSTATE, "HDIO_GET_BUSSTATE" },
	{ HDIO_TRISTATE_HWIF, HA_HEX, "HDIO_TRISTATE_HWIF" },
	{ HDIO_DRIVE_RESET, HA_HWIF, "HDIO_DRIVE_RESET" },
	{ HDIO_DRIVE_TASKFILE, HA_HEX, "HDIO_DRIVE_TASKFILE" },
	{ HDIO_DRIVE_TASK, HA_HEX, "HDIO_DRIVE_TASK" },
	{ HDIO_DRIVE_CMD, HA_DRIVE_CMD, "HDIO_DRIVE_CMD" },
	{ HDIO_SET_MULTCOUNT, HA_SET_ULONG, "HDIO_SET_MULTCOUNT" },
	{ HDIO_SET_UNMASKINTR, HA_SET_ULONG, "HDIO_SET_UNMASKINTR" },
	{ HDIO_SET_KEEPSETTINGS, HA_SET_ULONG, "HDIO_SET_KEEPSETTINGS" },
	{ HDIO_SET_32BIT, HA_SET_ULONG, "HDIO_SET_32BIT" },
	{ HDIO_SET_NOWERR, HA_SET_ULONG, "HDIO_SET_NOWERR" },
	{ HDIO_SET_DMA, HA_SET_ULONG, "HDIO_SET_DMA" },
	{ HDIO_SET_PIO_MODE, HA_SET_ULONG, "HDIO_SET_PIO_MODE" },
	{ HDIO_SCAN_HWIF, HA_HWIF, "HDIO_SCAN_HWIF" },
	{ HDIO_SET_NICE, HA_SET_NICE, "HDIO_SET_NICE" },
	{ HDIO_UNREGISTER_HWIF, HA_SET_ULONG, "HDIO_UNREGISTER_HWIF" },
	{ HDIO_SET_WCACHE, HA_SET_ULONG, "HDIO_SET_WCACHE" },
	{ HDIO_SET_ACOUSTIC, HA_SET_ULONG, "HDIO_SET_ACOUSTIC" },
	{ HDIO_SET_BUSSTATE, HA_SET_BUSSTATE, "HDIO_SET_BUSSTATE" },
	{ HDIO_SET_QDMA, HA_HEX, "HDIO_SET_QDMA" },
	{ HDIO_SET_ADDRESS, HA_SET_ULONG, "HDIO_SET_ADDRESS" },
};

/*
 * The nice flags: linux/hdreg.h gives bit numbers, strace names the bits by their shift. Its
 * order, not the bits' (IDE_NICE_1 before IDE_NICE_0), is the order the names print in.
 */
static const struct xlat_entry hdio_nice_e[] = {
	{ 1ULL << IDE_NICE_DSC_OVERLAP, "1 << IDE_NICE_DSC_OVERLAP" },
	{ 1ULL << IDE_NICE_ATAPI_OVERLAP, "1 << IDE_NICE_ATAPI_OVERLAP" },
	{ 1ULL << IDE_NICE_1, "1 << IDE_NICE_1" },
	{ 1ULL << IDE_NICE_0, "1 << IDE_NICE_0" },
	{ 1ULL << IDE_NICE_2, "1 << IDE_NICE_2" },
};
static const struct xlat xlat_hdio_nice = { hdio_nice_e, ARRAY_SIZE(hdio_nice_e) };

#define HDIO_SECTOR_SIZE	512	/* HDIO_DRIVE_CMD's buffer: sector_count sectors */
#define HDIO_IDENTITY_SIZE	512	/* struct hd_driveid */
#define HDIO_OBSOLETE_IDENTITY_SIZE	142

static int hdio_find(uint32_t req)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(hdio_reqs); i++)
		if (hdio_reqs[i].req == req)
			return i;
	return -1;
}

const char *hdio_ioctl_name(uint32_t req)
{
	int i = hdio_find(req);

	return i < 0 ? NULL : hdio_reqs[i].name;
}

/* [value]: the unsigned long the call wrote */
static void print_hdio_out(struct dctx *d, int arg, int how)
{
	const uint8_t *p = d_struct_prefix(d, arg, true, 8);
	struct outbuf *o = d->o;

	if (!p)
		return;
	ob_putc(o, '[');
	if (how == HA_GET_NICE)
		xlat_print_flags(o, &xlat_hdio_nice, rd_u64(p), "IDE_NICE_???");
	else if (how == HA_GET_BUSSTATE)
		xlat_print_val(o, &xlat_hdio_busstates, rd_u64(p), "BUSSTATE_???");
	else
		ob_udec(o, rd_u64(p));
	ob_putc(o, ']');
}

/*
 * `len` bytes at offset `off` of argument `arg`'s copy `b`, as strace prints a string of known
 * length (force_hex: every byte as \xNN): at most -s of them, then "..." when there are more.
 * strace reads one byte past -s, and prints the address when it cannot: so does this when the
 * copy faulted before that. A copy that ended at its capture size (not at a fault) gives the
 * bytes it holds.
 */
static void print_hdio_bytes(struct dctx *d, int arg, const struct sc_blob *b, size_t off,
			     uint64_t len, bool force_hex)
{
	uint64_t lim = d->s->strsize, need = len < lim + 1 ? len : lim + 1, n;
	size_t avail = b->len > off ? b->len - off : 0;
	bool saved = d->force_hex;

	if (avail < need && (b->flags & BLOBF_FAULT)) {
		ob_ptr(d->o, d->args[arg] + off);
		return;
	}
	n = len < lim ? len : lim;
	if (n > avail)
		n = avail;
	d->force_hex = force_hex;
	print_quoted(d, blob_data(b) + off, n, false, len > n);
	d->force_hex = saved;
}

/* HDIO_GET_IDENTITY, HDIO_OBSOLETE_IDENTITY: the identify data the call wrote */
static void print_hdio_identity(struct dctx *d, int arg, uint64_t len)
{
	const struct sc_blob *b;

	if (!d->exited || d->failed) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	b = d_mem_prefix(d, arg, true, 1);
	if (b)
		print_hdio_bytes(d, arg, b, 0, len, false);
}

/* HDIO_GETGEO: {heads=N, sectors=N, cylinders=N, start=N} */
static void print_hdio_geometry(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct_prefix(d, arg, true, sizeof(struct hd_geometry));

	if (p)
		ob_printf(d->o, "{heads=%u, sectors=%u, cylinders=%u, start=%llu}",
			  p[offsetof(struct hd_geometry, heads)],
			  p[offsetof(struct hd_geometry, sectors)],
			  rd_u16(p + offsetof(struct hd_geometry, cylinders)),
			  (unsigned long long)rd_u64(p + offsetof(struct hd_geometry, start)));
}

static void print_hex_int(struct dctx *d, const uint8_t *p)
{
	ob_hex(d->o, rd_u32(p));
}

/*
 * HDIO_DRIVE_CMD: the header the call read, and when it succeeded what it wrote over it:
 * status, error and sector count, then the data of the sector_count sectors (the count it
 * read) after the header.
 */
static void print_hdio_drive_cmd(struct dctx *d, int arg)
{
	const size_t hdr = sizeof(struct hd_drive_cmd_hdr);
	const uint8_t *p = d_struct_prefix(d, arg, false, hdr), *q;
	struct outbuf *o = d->o;
	const struct sc_blob *b;
	uint32_t count;

	if (!p)
		return;
	ob_puts(o, "{command=");
	xlat_print_val(o, &xlat_hdio_ata_cmds, p[0], "ATA_CMD_???");
	ob_printf(o, ", sector_number=%u, feature=%u, sector_count=%u", p[1], p[2], p[3]);
	count = p[3];
	b = d_blob(d, arg, 0, true);
	if (d->exited && !d->failed && b && b->len >= hdr &&
	    (!(b->flags & BLOBF_FAULT) || (b->flags & BLOBF_PART))) {
		q = blob_data(b);
		ob_puts(o, "} => {status=");
		ob_hex(o, q[0]);
		ob_printf(o, ", error=%u, nsector=%u", q[1], q[2]);
		if (count) {
			ob_puts(o, ", buf=");
			print_hdio_bytes(d, arg, b, hdr, (uint64_t)count * HDIO_SECTOR_SIZE, true);
		}
	}
	ob_putc(o, '}');
}

/* the argument of a request hdio_ioctl_name() names */
void hdio_ioctl_arg(struct dctx *d, int arg)
{
	int i = hdio_find(d->args[1]);
	uint64_t v = d->args[arg];
	struct outbuf *o = d->o;

	switch (i < 0 ? HA_HEX : hdio_reqs[i].arg) {
	case HA_GET_ULONG:
	case HA_GET_NICE:
	case HA_GET_BUSSTATE:
		print_hdio_out(d, arg, hdio_reqs[i].arg);
		return;
	case HA_SET_ULONG:
		ob_udec(o, v);
		return;
	case HA_SET_NICE:
		xlat_print_flags(o, &xlat_hdio_nice, v, "IDE_NICE_???");
		return;
	case HA_SET_BUSSTATE:
		xlat_print_val(o, &xlat_hdio_busstates, v, "BUSSTATE_???");
		return;
	case HA_GETGEO:
		print_hdio_geometry(d, arg);
		return;
	case HA_IDENTITY:
		print_hdio_identity(d, arg, HDIO_IDENTITY_SIZE);
		return;
	case HA_OBSOLETE_IDENTITY:
		print_hdio_identity(d, arg, HDIO_OBSOLETE_IDENTITY_SIZE);
		return;
	case HA_HWIF:
		print_array(d, arg, false, 3, 4, print_hex_int);
		return;
	case HA_DRIVE_CMD:
		print_hdio_drive_cmd(d, arg);
		return;
	}
	ob_hex(o, v);
}
