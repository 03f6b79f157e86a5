// SPDX-License-Identifier: GPL-2.0
/* SCSI generic ioctls (scsi/sg.h, type 0x22): the SG_* requests' names and their int
 * arguments. SG_IO's structures (sg_io_hdr, sg_io_v4) are not decoded yet: their address. */
#include <stdint.h>
#include <scsi/sg.h>
#include "decode.h"
#include "xlat/sg_scsi_reset.h"

#define SG_SCSI_RESET_NO_ESCALATE_ 0x100
#ifndef SG_GET_ACCESS_COUNT
#define SG_GET_ACCESS_COUNT 0x2289	/* linux/include/scsi/sg.h; glibc's copy lacks it */
#endif

/* how the argument prints */
enum { SA_PTR, SA_NONE, SA_HEX, SA_IN_INT, SA_OUT_INT, SA_RESET };

static const struct {
	uint32_t req;
	const char *name;
	int arg;
} scsi_reqs[] = {
	{ SG_SET_TIMEOUT, "SG_SET_TIMEOUT", SA_IN_INT },
	{ SG_GET_TIMEOUT, "SG_GET_TIMEOUT", SA_NONE },	/* the return value */
	{ SG_EMULATED_HOST, "SG_EMULATED_HOST", SA_OUT_INT },
	{ SG_SET_TRANSFORM, "SG_SET_TRANSFORM", SA_HEX },	/* by value */
	{ SG_GET_TRANSFORM, "SG_GET_TRANSFORM", SA_OUT_INT },
	{ SG_GET_COMMAND_Q, "SG_GET_COMMAND_Q", SA_OUT_INT },
	{ SG_SET_COMMAND_Q, "SG_SET_COMMAND_Q", SA_IN_INT },
	{ SG_GET_RESERVED_SIZE, "SG_GET_RESERVED_SIZE", SA_OUT_INT },
	{ SG_SET_RESERVED_SIZE, "SG_SET_RESERVED_SIZE", SA_IN_INT },
	{ SG_GET_SCSI_ID, "SG_GET_SCSI_ID", SA_PTR },
	{ SG_SET_FORCE_LOW_DMA, "SG_SET_FORCE_LOW_DMA", SA_IN_INT },
	{ SG_GET_LOW_DMA, "SG_GET_LOW_DMA", SA_OUT_INT },
	{ SG_SET_FORCE_PACK_ID, "SG_SET_FORCE_PACK_ID", SA_IN_INT },
	{ SG_GET_PACK_ID, "SG_GET_PACK_ID", SA_OUT_INT },
	{ SG_GET_NUM_WAITING, "SG_GET_NUM_WAITING", SA_OUT_INT },
	{ SG_SET_DEBUG, "SG_SET_DEBUG", SA_IN_INT },
	{ SG_GET_SG_TABLESIZE, "SG_GET_SG_TABLESIZE", SA_OUT_INT },
	{ SG_GET_VERSION_NUM, "SG_GET_VERSION_NUM", SA_OUT_INT },
	{ SG_NEXT_CMD_LEN, "SG_NEXT_CMD_LEN", SA_IN_INT },
	{ SG_SCSI_RESET, "SG_SCSI_RESET", SA_RESET },
	{ SG_IO, "SG_IO", SA_PTR },
	{ SG_GET_REQUEST_TABLE, "SG_GET_REQUEST_TABLE", SA_PTR },
	{ SG_SET_KEEP_ORPHAN, "SG_SET_KEEP_ORPHAN", SA_IN_INT },
	{ SG_GET_KEEP_ORPHAN, "SG_GET_KEEP_ORPHAN", SA_OUT_INT },
	{ SG_GET_ACCESS_COUNT, "SG_GET_ACCESS_COUNT", SA_OUT_INT },
};

static int scsi_find(uint32_t req)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(scsi_reqs); i++)
		if (scsi_reqs[i].req == req)
			return i;
	return -1;
}

/* [SG_SCSI_RESET_NO_ESCALATE|SG_SCSI_RESET_DEVICE]: the flag, then the value */
static void print_reset(struct outbuf *o, uint32_t v)
{
	if (!xlat_names_begin(o, v, XF_HEX))
		return;
	if (v & SG_SCSI_RESET_NO_ESCALATE_) {
		ob_puts(o, "SG_SCSI_RESET_NO_ESCALATE|");
		v &= ~SG_SCSI_RESET_NO_ESCALATE_;
	}
	if (xlat_name(&xlat_sg_scsi_reset, v))
		ob_puts(o, xlat_name(&xlat_sg_scsi_reset, v));
	else
		ob_printf(o, "%#x /* SG_SCSI_RESET_??? */", v);
	xlat_names_end(o);
}

void scsi_ioctl_arg(struct dctx *d, int arg)
{
	int i = scsi_find(d->args[1]);
	const uint8_t *p;

	switch (i < 0 ? SA_PTR : scsi_reqs[i].arg) {
	case SA_NONE:
		return;
	case SA_HEX:
		ob_hex(d->o, (uint32_t)d->args[arg]);
		return;
	case SA_IN_INT:
	case SA_OUT_INT:
	case SA_RESET:
		/* an output int of a call that failed prints as its address */
		p = d_struct_prefix(d, arg, scsi_reqs[i].arg == SA_OUT_INT, 4);
		if (!p)
			return;
		ob_putc(d->o, '[');
		if (scsi_reqs[i].arg == SA_RESET)
			print_reset(d->o, rd_u32(p));
		else
			ob_dec(d->o, rd_s32(p));
		ob_putc(d->o, ']');
		return;
	default:
		ob_ptr(d->o, d->args[arg]);
	}
}

bool scsi_ioctl_name(struct outbuf *o, uint32_t req)
{
	int i = scsi_find(req);

	if (i < 0)
		return false;
	ob_puts(o, scsi_reqs[i].name);
	return true;
}

bool scsi_ioctl_known(uint32_t req)
{
	return scsi_find(req) >= 0;
}
