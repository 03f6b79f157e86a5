// SPDX-License-Identifier: GPL-2.0
/*
 * Video4Linux2 ioctls (linux/videodev2.h, type 'V'): the request names and the structures of
 * the requests strace 6.1 decodes.
 *
 * strace prints what the call reads at its entry and, for a call that succeeded, what it wrote
 * at its exit ("{type=..., count=4 => 2}"). Here both parts come from the one copy taken after
 * the call: what the call read is what memory holds then (the program's values when the call
 * failed, the kernel's when it succeeded and wrote over them). What the structures point to (a
 * window's clips, the extended controls and their payloads) BPF copies with the argument, as
 * its blobs 1 and 2 + index (v4l2_ioctl_refs()).
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <linux/videodev2.h>
#include "decode.h"
#include "xlat/v4l2_buf_flags.h"
#include "xlat/v4l2_buf_ts_srcs.h"
#include "xlat/v4l2_buf_ts_types.h"
#include "xlat/v4l2_buf_types.h"
#include "xlat/v4l2_caps.h"
#include "xlat/v4l2_capture_modes.h"
#include "xlat/v4l2_cids.h"
#include "xlat/v4l2_colorspaces.h"
#include "xlat/v4l2_ctrl_classes.h"
#include "xlat/v4l2_ctrl_flags.h"
#include "xlat/v4l2_ctrl_id_flags.h"
#include "xlat/v4l2_ctrl_types.h"
#include "xlat/v4l2_fields.h"
#include "xlat/v4l2_fmtdesc_flags.h"
#include "xlat/v4l2_frameinterval_types.h"
#include "xlat/v4l2_framesize_types.h"
#include "xlat/v4l2_input_types.h"
#include "xlat/v4l2_memories.h"
#include "xlat/v4l2_meta_fmts.h"
#include "xlat/v4l2_pix_fmts.h"
#include "xlat/v4l2_sdr_fmts.h"
#include "xlat/v4l2_sliced_flags.h"
#include "xlat/v4l2_streaming_caps.h"
#include "xlat/v4l2_tuner_audmodes.h"
#include "xlat/v4l2_tuner_caps.h"
#include "xlat/v4l2_tuner_rxsubchans.h"
#include "xlat/v4l2_tuner_types.h"
#include "xlat/v4l2_vbi_flags.h"

/* the printers, by request */
enum {
	V_NAME,		/* named only: the argument in hex */
	V_QUERYCAP,
	V_ENUM_FMT,
	V_G_FMT,
	V_S_FMT,	/* S_FMT, TRY_FMT */
	V_REQBUFS,
	V_BUF,		/* QUERYBUF, QBUF */
	V_DQBUF,
	V_FBUF,
	V_G_FBUF,
	V_STREAM,	/* STREAMON, STREAMOFF */
	V_G_PARM,
	V_S_PARM,
	V_G_STD,
	V_S_STD,
	V_ENUMSTD,
	V_ENUMINPUT,
	V_G_CTRL,
	V_S_CTRL,
	V_G_TUNER,
	V_S_TUNER,
	V_QUERYCTRL,
	V_G_INPUT,
	V_S_INPUT,
	V_CROPCAP,
	V_G_CROP,
	V_S_CROP,
	V_G_EXT_CTRLS,
	V_S_EXT_CTRLS,	/* S_EXT_CTRLS, TRY_EXT_CTRLS */
	V_FRAMESIZES,
	V_FRAMEINTERVALS,
	V_CREATE_BUFS,
	V_QUERY_EXT_CTRL,
};

#define R(name, how) { name, #name, how }
static const struct {
	uint32_t req;
	const char *name;
	uint8_t how;
} v4l2_reqs[] = {
	R(VIDIOC_QUERYCAP, V_QUERYCAP),
	R(VIDIOC_ENUM_FMT, V_ENUM_FMT),
	R(VIDIOC_G_FMT, V_G_FMT),
	R(VIDIOC_S_FMT, V_S_FMT),
	R(VIDIOC_TRY_FMT, V_S_FMT),
	R(VIDIOC_REQBUFS, V_REQBUFS),
	R(VIDIOC_QUERYBUF, V_BUF),
	R(VIDIOC_QBUF, V_BUF),
	R(VIDIOC_DQBUF, V_DQBUF),
	R(VIDIOC_G_FBUF, V_G_FBUF),
	R(VIDIOC_S_FBUF, V_FBUF),
	R(VIDIOC_STREAMON, V_STREAM),
	R(VIDIOC_STREAMOFF, V_STREAM),
	R(VIDIOC_G_PARM, V_G_PARM),
	R(VIDIOC_S_PARM, V_S_PARM),
	R(VIDIOC_G_STD, V_G_STD),
	R(VIDIOC_S_STD, V_S_STD),
	R(VIDIOC_ENUMSTD, V_ENUMSTD),
	R(VIDIOC_ENUMINPUT, V_ENUMINPUT),
	R(VIDIOC_G_CTRL, V_G_CTRL),
	R(VIDIOC_S_CTRL, V_S_CTRL),
	R(VIDIOC_G_TUNER, V_G_TUNER),
	R(VIDIOC_S_TUNER, V_S_TUNER),
	R(VIDIOC_QUERYCTRL, V_QUERYCTRL),
	R(VIDIOC_G_INPUT, V_G_INPUT),
	R(VIDIOC_S_INPUT, V_S_INPUT),
	R(VIDIOC_CROPCAP, V_CROPCAP),
	R(VIDIOC_G_CROP, V_G_CROP),
	R(VIDIOC_S_CROP, V_S_CROP),
	R(VIDIOC_G_EXT_CTRLS, V_G_EXT_CTRLS),
	R(VIDIOC_S_EXT_CTRLS, V_S_EXT_CTRLS),
	R(VIDIOC_TRY_EXT_CTRLS, V_S_EXT_CTRLS),
	R(VIDIOC_ENUM_FRAMESIZES, V_FRAMESIZES),
	R(VIDIOC_ENUM_FRAMEINTERVALS, V_FRAMEINTERVALS),
	R(VIDIOC_CREATE_BUFS, V_CREATE_BUFS),
	R(VIDIOC_QUERY_EXT_CTRL, V_QUERY_EXT_CTRL),
	/* named, not decoded */
	R(VIDIOC_OVERLAY, V_NAME),
	R(VIDIOC_EXPBUF, V_NAME),
	R(VIDIOC_G_AUDIO, V_NAME),
	R(VIDIOC_S_AUDIO, V_NAME),
	R(VIDIOC_QUERYMENU, V_NAME),
	R(VIDIOC_G_EDID, V_NAME),
	R(VIDIOC_S_EDID, V_NAME),
	R(VIDIOC_G_OUTPUT, V_NAME),
	R(VIDIOC_S_OUTPUT, V_NAME),
	R(VIDIOC_ENUMOUTPUT, V_NAME),
	R(VIDIOC_G_AUDOUT, V_NAME),
	R(VIDIOC_S_AUDOUT, V_NAME),
	R(VIDIOC_G_MODULATOR, V_NAME),
	R(VIDIOC_S_MODULATOR, V_NAME),
	R(VIDIOC_G_FREQUENCY, V_NAME),
	R(VIDIOC_S_FREQUENCY, V_NAME),
	R(VIDIOC_G_JPEGCOMP, V_NAME),
	R(VIDIOC_S_JPEGCOMP, V_NAME),
	R(VIDIOC_QUERYSTD, V_NAME),
	R(VIDIOC_ENUMAUDIO, V_NAME),
	R(VIDIOC_ENUMAUDOUT, V_NAME),
	R(VIDIOC_G_PRIORITY, V_NAME),
	R(VIDIOC_S_PRIORITY, V_NAME),
	R(VIDIOC_G_SLICED_VBI_CAP, V_NAME),
	R(VIDIOC_LOG_STATUS, V_NAME),
	R(VIDIOC_G_ENC_INDEX, V_NAME),
	R(VIDIOC_ENCODER_CMD, V_NAME),
	R(VIDIOC_TRY_ENCODER_CMD, V_NAME),
	R(VIDIOC_DBG_S_REGISTER, V_NAME),
	R(VIDIOC_DBG_G_REGISTER, V_NAME),
	R(VIDIOC_S_HW_FREQ_SEEK, V_NAME),
	R(VIDIOC_S_DV_TIMINGS, V_NAME),
	R(VIDIOC_G_DV_TIMINGS, V_NAME),
	R(VIDIOC_DQEVENT, V_NAME),
	R(VIDIOC_SUBSCRIBE_EVENT, V_NAME),
	R(VIDIOC_UNSUBSCRIBE_EVENT, V_NAME),
	R(VIDIOC_PREPARE_BUF, V_NAME),
	R(VIDIOC_G_SELECTION, V_NAME),
	R(VIDIOC_S_SELECTION, V_NAME),
	R(VIDIOC_DECODER_CMD, V_NAME),
	R(VIDIOC_TRY_DECODER_CMD, V_NAME),
	R(VIDIOC_ENUM_DV_TIMINGS, V_NAME),
	R(VIDIOC_QUERY_DV_TIMINGS, V_NAME),
	R(VIDIOC_DV_TIMINGS_CAP, V_NAME),
	R(VIDIOC_ENUM_FREQ_BANDS, V_NAME),
	R(VIDIOC_DBG_G_CHIP_INFO, V_NAME),
};
#undef R

static int v4l2_find(uint32_t req)
{
	unsigned int i;

	if (_IOC_TYPE(req) != 'V')
		return -1;
	for (i = 0; i < ARRAY_SIZE(v4l2_reqs); i++)
		if (v4l2_reqs[i].req == req)
			return i;
	return -1;
}

/* the call returned and wrote its output */
static bool wrote(const struct dctx *d)
{
	return d->exited && !d->failed;
}

/* ---- values ---- */

/* v4l2_fourcc('Y', 'U', 'Y', 'V') / * V4L2_PIX_FMT_YUYV * /; raw: the number */
static void print_fourcc(struct outbuf *o, const struct xlat *x, uint32_t v)
{
	const char *name = x ? xlat_name(x, v) : NULL;
	unsigned int i;

	if (xlat_style == XLAT_RAW) {
		ob_hex(o, v);
		return;
	}
	ob_puts(o, "v4l2_fourcc(");
	for (i = 0; i < 4; i++) {
		uint8_t c = v >> (8 * i);

		if (i)
			ob_puts(o, ", ");
		if (c == '\'' || c == '\\')
			ob_printf(o, "'\\%c'", c);
		else if (c >= ' ' && c <= 0x7e)
			ob_printf(o, "'%c'", c);
		else
			ob_printf(o, "'\\x%02x'", c);
	}
	ob_putc(o, ')');
	if (name)
		ob_printf(o, " /* %s */", name);
}

static void print_buf_type(struct outbuf *o, uint32_t v)
{
	xlat_print_val(o, &xlat_v4l2_buf_types, v, "V4L2_BUF_TYPE_???");
}

static void print_memory(struct outbuf *o, uint32_t v)
{
	xlat_print_val(o, &xlat_v4l2_memories, v, "V4L2_MEMORY_???");
}

static void print_field(struct outbuf *o, uint32_t v)
{
	xlat_print_val(o, &xlat_v4l2_fields, v, "V4L2_FIELD_???");
}

static void print_colorspace(struct outbuf *o, uint32_t v)
{
	xlat_print_val(o, &xlat_v4l2_colorspaces, v, "V4L2_COLORSPACE_???");
}

/* KERNEL_VERSION(5, 15, 0) */
static void print_kernel_version(struct outbuf *o, uint32_t v)
{
	char name[48];

	snprintf(name, sizeof(name), "KERNEL_VERSION(%u, %u, %u)", v >> 16, (v >> 8) & 0xff,
		 v & 0xff);
	xlat_print_const(o, v, XF_HEX, name, NULL);
}

/* a control id: its name, else its class and the offset in it (V4L2_CTRL_CLASS_USER+0x12) */
static void print_cid(struct outbuf *o, uint32_t id)
{
	const char *name = xlat_name(&xlat_v4l2_cids, id);
	const char *cls;
	char buf[64];

	if (!name && (cls = xlat_name(&xlat_v4l2_ctrl_classes, id & 0xffff0000))) {
		if (id & 0xffff)
			snprintf(buf, sizeof(buf), "%s+%#x", cls, id & 0xffff);
		else
			snprintf(buf, sizeof(buf), "%s+0", cls);
		name = buf;
	}
	xlat_print_const(o, id, XF_HEX, name, "V4L2_CID_???");
}

/* VIDIOC_QUERYCTRL's id: V4L2_CTRL_FLAG_NEXT_CTRL|V4L2_CID_BRIGHTNESS; raw: the number */
static void print_query_cid(struct outbuf *o, uint32_t id)
{
	uint32_t next = id & (V4L2_CTRL_FLAG_NEXT_CTRL | V4L2_CTRL_FLAG_NEXT_COMPOUND);

	if (xlat_style == XLAT_RAW) {
		ob_hex(o, id);
		return;
	}
	if (next) {
		xlat_print_flags(o, &xlat_v4l2_ctrl_id_flags, next, NULL);
		ob_putc(o, '|');
	}
	print_cid(o, id & ~next);
}

/* buffer flags: the flags, then the timestamp type and source fields, each named */
static void print_buf_flags(struct outbuf *o, uint32_t v)
{
	uint32_t rest = v & ~(uint32_t)(V4L2_BUF_FLAG_TIMESTAMP_MASK | V4L2_BUF_FLAG_TSTAMP_SRC_MASK);

	if (xlat_style == XLAT_RAW) {
		ob_hex(o, v);
		return;
	}
	if (rest) {
		xlat_print_flags(o, &xlat_v4l2_buf_flags, rest, "V4L2_BUF_FLAG_???");
		ob_putc(o, '|');
	}
	xlat_print_val(o, &xlat_v4l2_buf_ts_types, v & V4L2_BUF_FLAG_TIMESTAMP_MASK,
		       "V4L2_BUF_FLAG_TIMESTAMP_???");
	ob_putc(o, '|');
	xlat_print_val(o, &xlat_v4l2_buf_ts_srcs, v & V4L2_BUF_FLAG_TSTAMP_SRC_MASK,
		       "V4L2_BUF_FLAG_TSTAMP_SRC_???");
}

/* a fixed-size char array as strace prints it: up to its NUL; with none, all but the last
 * byte and "..." (-s does not cut it) */
static void print_cstr(struct dctx *d, const uint8_t *p, size_t size)
{
	size_t n = strnlen((const char *)p, size);

	if (n == size)
		print_quoted(d, p, size - 1, true, true);
	else
		print_quoted(d, p, n, true, false);
}

static void print_rect(struct outbuf *o, const struct v4l2_rect *r)
{
	ob_printf(o, "{left=%d, top=%d, width=%u, height=%u}", r->left, r->top, r->width,
		  r->height);
}

static void print_fract(struct outbuf *o, const struct v4l2_fract *f)
{
	ob_printf(o, "%u/%u", f->numerator, f->denominator);
}

/* ---- what the structures point to ---- */

/*
 * An array the argument points to, copied as blob `sub` of the argument: [e0, e1, ...] as
 * print_array() prints one. Returns whether every element printed (strace goes on to the
 * call's output only then; an empty array counts as not).
 */
static bool print_ref_array(struct dctx *d, int arg, int sub, uint64_t addr, uint64_t count,
			    size_t esize,
			    void (*elem)(struct dctx *, int, const uint8_t *, unsigned int))
{
	const struct sc_blob *b;
	uint64_t i, avail;
	bool part;

	if (!addr) {
		ob_ptr(d->o, addr);
		return false;
	}
	if (!count) {
		ob_puts(d->o, "[]");
		return false;
	}
	if (count > UINT64_MAX / esize || addr + count * esize < addr) {
		ob_ptr(d->o, addr);
		return false;
	}
	b = d_blob(d, arg, sub, false);
	part = b && (b->flags & BLOBF_FAULT) && (b->flags & BLOBF_PART);
	avail = !b || ((b->flags & BLOBF_FAULT) && !part) ? 0 : b->len / esize;
	if (!avail) {
		ob_ptr(d->o, addr);
		return false;
	}
	ob_putc(d->o, '[');
	for (i = 0; i < count; i++) {
		if (i)
			ob_puts(d->o, ", ");
		if (i >= avail) {
			ob_puts(d->o, "...");
			/* the copy stopped at an unreadable page, or BPF's limit */
			if (part || (b->flags & BLOBF_TRUNC)) {
				ob_puts(d->o, " /* ");
				ob_ptr(d->o, addr + i * esize);
				ob_puts(d->o, " */");
			}
			ob_putc(d->o, ']');
			return false;
		}
		if (i >= d->s->strsize && !d->s->verbose) {
			ob_puts(d->o, "...");
			break;
		}
		elem(d, arg, blob_data(b) + i * esize, i);
	}
	ob_putc(d->o, ']');
	return true;
}

static void print_clip(struct dctx *d, int arg, const uint8_t *p, unsigned int i)
{
	struct v4l2_clip c;

	memcpy(&c, p, sizeof(c));
	ob_puts(d->o, "{c=");
	print_rect(d->o, &c.c);
	ob_putc(d->o, '}');
}

/* control i of the array: its payload is the argument's blob 2 + i */
static void print_ext_ctrl(struct dctx *d, int arg, const uint8_t *p, unsigned int i)
{
	struct outbuf *o = d->o;
	struct v4l2_ext_control c;
	const struct sc_blob *b;
	uint64_t n;

	memcpy(&c, p, sizeof(c));
	/* by name only: no class and offset here */
	ob_puts(o, "{id=");
	xlat_print_val(o, &xlat_v4l2_cids, c.id, "V4L2_CID_???");
	ob_printf(o, ", size=%u", c.size);
	if (!c.size) {
		ob_printf(o, ", value=%d, value64=%lld}", c.value, (long long)c.value64);
		return;
	}
	ob_puts(o, ", string=");
	b = i < IOCTL_REF_MAX ? d_blob(d, arg, 2 + i, false) : NULL;
	if (!b || (b->flags & BLOBF_FAULT) || !c.string) {
		ob_ptr(o, (uintptr_t)c.string);
	} else {
		n = b->len < c.size ? b->len : c.size;
		if (n > d->s->strsize)
			print_quoted(d, blob_data(b), d->s->strsize, false, true);
		else
			print_quoted(d, blob_data(b), n, false, b->len < c.size);
	}
	ob_putc(o, '}');
}

/* ---- struct v4l2_format ---- */

/*
 * `sep` and fmt.TYPE={...} for the types with a layout; nothing for the others. Returns -1 for
 * those, 0 when strace stops there (a window whose clips did not all print), 1 when it goes on
 * to the output.
 */
static int print_format(struct dctx *d, int arg, const struct v4l2_format *f, const char *sep)
{
	struct outbuf *o = d->o;
	unsigned int i, n;
	bool all;

	switch (f->type) {
	case V4L2_BUF_TYPE_VIDEO_CAPTURE:
	case V4L2_BUF_TYPE_VIDEO_OUTPUT:
		ob_printf(o, "%sfmt.pix={width=%u, height=%u, pixelformat=", sep,
			  f->fmt.pix.width, f->fmt.pix.height);
		print_fourcc(o, &xlat_v4l2_pix_fmts, f->fmt.pix.pixelformat);
		ob_puts(o, ", field=");
		print_field(o, f->fmt.pix.field);
		ob_printf(o, ", bytesperline=%u, sizeimage=%u, colorspace=",
			  f->fmt.pix.bytesperline, f->fmt.pix.sizeimage);
		print_colorspace(o, f->fmt.pix.colorspace);
		ob_putc(o, '}');
		return 1;
	case V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE:
	case V4L2_BUF_TYPE_VIDEO_OUTPUT_MPLANE:
		ob_printf(o, "%sfmt.pix_mp={width=%u, height=%u, pixelformat=", sep,
			  f->fmt.pix_mp.width, f->fmt.pix_mp.height);
		print_fourcc(o, &xlat_v4l2_pix_fmts, f->fmt.pix_mp.pixelformat);
		ob_puts(o, ", field=");
		print_field(o, f->fmt.pix_mp.field);
		ob_puts(o, ", colorspace=");
		print_colorspace(o, f->fmt.pix_mp.colorspace);
		ob_puts(o, ", plane_fmt=[");
		n = f->fmt.pix_mp.num_planes < VIDEO_MAX_PLANES ? f->fmt.pix_mp.num_planes :
								   VIDEO_MAX_PLANES;
		for (i = 0; i < n; i++) {
			if (i)
				ob_puts(o, ", ");
			/* an array as strace prints one: -s elements at most without -v */
			if (i >= d->s->strsize && !d->s->verbose) {
				ob_puts(o, "...");
				break;
			}
			ob_printf(o, "{sizeimage=%u, bytesperline=%u}",
				  f->fmt.pix_mp.plane_fmt[i].sizeimage,
				  f->fmt.pix_mp.plane_fmt[i].bytesperline);
		}
		ob_printf(o, "], num_planes=%u}", f->fmt.pix_mp.num_planes);
		return 1;
	case V4L2_BUF_TYPE_VIDEO_OVERLAY:
	case V4L2_BUF_TYPE_VIDEO_OUTPUT_OVERLAY:
		ob_printf(o, "%sfmt.win={w=", sep);
		print_rect(o, &f->fmt.win.w);
		ob_puts(o, ", field=");
		print_field(o, f->fmt.win.field);
		ob_printf(o, ", chromakey=%#x, clips=", f->fmt.win.chromakey);
		all = print_ref_array(d, arg, 1, (uintptr_t)f->fmt.win.clips, f->fmt.win.clipcount,
				      sizeof(struct v4l2_clip), print_clip);
		ob_printf(o, ", clipcount=%u, bitmap=", f->fmt.win.clipcount);
		ob_ptr(o, (uintptr_t)f->fmt.win.bitmap);
		/* strace 6.1 leaves out a global_alpha of 0 */
		if (f->fmt.win.global_alpha)
			ob_printf(o, ", global_alpha=%#x", f->fmt.win.global_alpha);
		ob_putc(o, '}');
		return all;
	case V4L2_BUF_TYPE_VBI_CAPTURE:
	case V4L2_BUF_TYPE_VBI_OUTPUT:
		ob_printf(o, "%sfmt.vbi={sampling_rate=%u, offset=%u, samples_per_line=%u"
			  ", sample_format=", sep, f->fmt.vbi.sampling_rate, f->fmt.vbi.offset,
			  f->fmt.vbi.samples_per_line);
		print_fourcc(o, &xlat_v4l2_pix_fmts, f->fmt.vbi.sample_format);
		ob_printf(o, ", start=[%d, %d], count=[%u, %u], flags=", f->fmt.vbi.start[0],
			  f->fmt.vbi.start[1], f->fmt.vbi.count[0], f->fmt.vbi.count[1]);
		xlat_print_flags(o, &xlat_v4l2_vbi_flags, f->fmt.vbi.flags, "V4L2_VBI_???");
		ob_putc(o, '}');
		return 1;
	case V4L2_BUF_TYPE_SLICED_VBI_CAPTURE:
	case V4L2_BUF_TYPE_SLICED_VBI_OUTPUT:
		ob_printf(o, "%sfmt.sliced={service_set=", sep);
		xlat_print_flags(o, &xlat_v4l2_sliced_flags, f->fmt.sliced.service_set,
				 "V4L2_SLICED_???");
		ob_puts(o, ", service_lines=[");
		for (i = 0; i < 2; i++) {
			ob_puts(o, i ? ", [" : "[");
			for (n = 0; n < 24; n++) {
				if (n)
					ob_puts(o, ", ");
				ob_hex(o, f->fmt.sliced.service_lines[i][n]);
			}
			ob_putc(o, ']');
		}
		ob_printf(o, "], io_size=%u}", f->fmt.sliced.io_size);
		return 1;
	case V4L2_BUF_TYPE_SDR_CAPTURE:
	case V4L2_BUF_TYPE_SDR_OUTPUT:
		ob_printf(o, "%sfmt.sdr={pixelformat=", sep);
		print_fourcc(o, &xlat_v4l2_sdr_fmts, f->fmt.sdr.pixelformat);
		/* and a buffersize of 0 here */
		if (f->fmt.sdr.buffersize)
			ob_printf(o, ", buffersize=%u", f->fmt.sdr.buffersize);
		ob_putc(o, '}');
		return 1;
	case V4L2_BUF_TYPE_META_CAPTURE:
	case V4L2_BUF_TYPE_META_OUTPUT:
		ob_printf(o, "%sfmt.meta={dataformat=", sep);
		print_fourcc(o, &xlat_v4l2_meta_fmts, f->fmt.meta.dataformat);
		ob_printf(o, ", buffersize=%u}", f->fmt.meta.buffersize);
		return 1;
	}
	return -1;
}

/* VIDIOC_G_FMT, S_FMT, TRY_FMT */
static void print_fmt_req(struct dctx *d, int arg, bool set)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, sizeof(struct v4l2_format));
	struct v4l2_format f;

	if (!p)
		return;
	memcpy(&f, p, sizeof(f));
	ob_puts(d->o, "{type=");
	print_buf_type(d->o, f.type);
	if (set ? print_format(d, arg, &f, ", ") == 1 && wrote(d) : wrote(d))
		print_format(d, arg, &f, set ? "} => {" : ", ");
	ob_putc(d->o, '}');
}

/* ---- the other structures ---- */

static void print_querycap(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct_prefix(d, arg, true, sizeof(struct v4l2_capability));
	struct outbuf *o = d->o;
	struct v4l2_capability c;

	if (!p)
		return;
	memcpy(&c, p, sizeof(c));
	ob_puts(o, "{driver=");
	print_cstr(d, c.driver, sizeof(c.driver));
	ob_puts(o, ", card=");
	print_cstr(d, c.card, sizeof(c.card));
	ob_puts(o, ", bus_info=");
	print_cstr(d, c.bus_info, sizeof(c.bus_info));
	ob_puts(o, ", version=");
	print_kernel_version(o, c.version);
	ob_puts(o, ", capabilities=");
	xlat_print_flags(o, &xlat_v4l2_caps, c.capabilities, "V4L2_CAP_???");
	/* strace 6.1 leaves out device_caps of 0 (older drivers do not set it) */
	if (c.device_caps) {
		ob_puts(o, ", device_caps=");
		xlat_print_flags(o, &xlat_v4l2_caps, c.device_caps, "V4L2_CAP_???");
	}
	ob_putc(o, '}');
}

static void print_enum_fmt(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, sizeof(struct v4l2_fmtdesc));
	struct outbuf *o = d->o;
	struct v4l2_fmtdesc f;

	if (!p)
		return;
	memcpy(&f, p, sizeof(f));
	ob_printf(o, "{index=%u, type=", f.index);
	print_buf_type(o, f.type);
	if (wrote(d)) {
		ob_puts(o, ", flags=");
		xlat_print_flags(o, &xlat_v4l2_fmtdesc_flags, f.flags, "V4L2_FMT_FLAG_???");
		ob_puts(o, ", description=");
		print_cstr(d, f.description, sizeof(f.description));
		ob_puts(o, ", pixelformat=");
		print_fourcc(o, &xlat_v4l2_pix_fmts, f.pixelformat);
	}
	ob_putc(o, '}');
}

static void print_reqbufs(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, sizeof(struct v4l2_requestbuffers));
	struct outbuf *o = d->o;
	struct v4l2_requestbuffers r;

	if (!p)
		return;
	memcpy(&r, p, sizeof(r));
	ob_puts(o, "{type=");
	print_buf_type(o, r.type);
	ob_puts(o, ", memory=");
	print_memory(o, r.memory);
	ob_printf(o, ", count=%u", r.count);
	if (wrote(d))
		ob_printf(o, " => %u", r.count);
	ob_putc(o, '}');
}

/* VIDIOC_QUERYBUF, QBUF, DQBUF: what the call read, then (DQBUF: the index and) the rest */
static void print_buffer(struct dctx *d, int arg, bool dq)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, sizeof(struct v4l2_buffer));
	struct outbuf *o = d->o;
	struct v4l2_buffer b;

	if (!p)
		return;
	memcpy(&b, p, sizeof(b));
	ob_puts(o, "{type=");
	print_buf_type(o, b.type);
	if (!dq)
		ob_printf(o, ", index=%u", b.index);
	if (wrote(d)) {
		if (dq)
			ob_printf(o, ", index=%u", b.index);
		ob_puts(o, ", memory=");
		print_memory(o, b.memory);
		if (b.memory == V4L2_MEMORY_MMAP) {
			ob_printf(o, ", m.offset=%#x", b.m.offset);
		} else if (b.memory == V4L2_MEMORY_USERPTR) {
			ob_puts(o, ", m.userptr=");
			ob_ptr(o, b.m.userptr);
		}
		ob_printf(o, ", length=%u, bytesused=%u, flags=", b.length, b.bytesused);
		print_buf_flags(o, b.flags);
		if (dq)
			ob_printf(o, ", timestamp={tv_sec=%lld, tv_usec=%llu}",
				  (long long)b.timestamp.tv_sec,
				  (unsigned long long)b.timestamp.tv_usec);
		ob_puts(o, ", ...");
	}
	ob_putc(o, '}');
}

static void print_fbuf(struct dctx *d, int arg, bool get)
{
	const uint8_t *p = d_struct_prefix(d, arg, get, sizeof(struct v4l2_framebuffer));
	struct v4l2_framebuffer f;

	if (!p)
		return;
	memcpy(&f, p, sizeof(f));
	ob_printf(d->o, "{capability=%#x, flags=%#x, base=", f.capability, f.flags);
	ob_ptr(d->o, (uintptr_t)f.base);
	ob_putc(d->o, '}');
}

static void print_streamparm_body(struct outbuf *o, const struct v4l2_streamparm *s)
{
	bool cap = s->type == V4L2_BUF_TYPE_VIDEO_CAPTURE;
	const struct v4l2_captureparm *c = &s->parm.capture;
	const struct v4l2_outputparm *w = &s->parm.output;

	ob_printf(o, "parm.%s={capability=", cap ? "capture" : "output");
	xlat_print_flags(o, &xlat_v4l2_streaming_caps, cap ? c->capability : w->capability,
			 "V4L2_CAP_???");
	ob_printf(o, ", %s=", cap ? "capturemode" : "outputmode");
	xlat_print_flags(o, &xlat_v4l2_capture_modes, cap ? c->capturemode : w->outputmode,
			 "V4L2_MODE_???");
	ob_puts(o, ", timeperframe=");
	print_fract(o, cap ? &c->timeperframe : &w->timeperframe);
	ob_printf(o, ", extendedmode=%#x, %s=%u}", cap ? c->extendedmode : w->extendedmode,
		  cap ? "readbuffers" : "writebuffers", cap ? c->readbuffers : w->writebuffers);
}

/* VIDIOC_G_PARM, S_PARM: the parameters of capture and output buffers */
static void print_streamparm(struct dctx *d, int arg, bool set)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, sizeof(struct v4l2_streamparm));
	struct outbuf *o = d->o;
	struct v4l2_streamparm s;

	if (!p)
		return;
	memcpy(&s, p, sizeof(s));
	ob_puts(o, "{type=");
	print_buf_type(o, s.type);
	if (s.type == V4L2_BUF_TYPE_VIDEO_CAPTURE || s.type == V4L2_BUF_TYPE_VIDEO_OUTPUT) {
		if (set) {
			ob_puts(o, ", ");
			print_streamparm_body(o, &s);
		}
		if (wrote(d)) {
			ob_puts(o, set ? "} => {" : ", ");
			print_streamparm_body(o, &s);
		}
	}
	ob_putc(o, '}');
}

static void print_enumstd(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, sizeof(struct v4l2_standard));
	struct v4l2_standard s;

	if (!p)
		return;
	memcpy(&s, p, sizeof(s));
	ob_printf(d->o, "{index=%u", s.index);
	if (wrote(d)) {
		ob_puts(d->o, ", name=");
		print_cstr(d, s.name, sizeof(s.name));
		ob_puts(d->o, ", frameperiod=");
		print_fract(d->o, &s.frameperiod);
		ob_printf(d->o, ", framelines=%u", s.framelines);
	}
	ob_putc(d->o, '}');
}

static void print_enuminput(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, sizeof(struct v4l2_input));
	struct v4l2_input in;

	if (!p)
		return;
	memcpy(&in, p, sizeof(in));
	ob_printf(d->o, "{index=%u", in.index);
	if (wrote(d)) {
		ob_puts(d->o, ", name=");
		print_cstr(d, in.name, sizeof(in.name));
		ob_puts(d->o, ", type=");
		xlat_print_val(d->o, &xlat_v4l2_input_types, in.type, "V4L2_INPUT_TYPE_???");
	}
	ob_putc(d->o, '}');
}

static void print_control(struct dctx *d, int arg, bool set)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, sizeof(struct v4l2_control));
	struct v4l2_control c;

	if (!p)
		return;
	memcpy(&c, p, sizeof(c));
	ob_puts(d->o, "{id=");
	print_cid(d->o, c.id);
	if (set)
		ob_printf(d->o, ", value=%d", c.value);
	if (wrote(d))
		ob_printf(d->o, set ? " => %d" : ", value=%d", c.value);
	ob_putc(d->o, '}');
}

static void print_tuner_body(struct dctx *d, const struct v4l2_tuner *t)
{
	struct outbuf *o = d->o;

	ob_puts(o, "name=");
	print_cstr(d, t->name, sizeof(t->name));
	ob_puts(o, ", type=");
	xlat_print_val(o, &xlat_v4l2_tuner_types, t->type, "V4L2_TUNER_???");
	ob_puts(o, ", capability=");
	xlat_print_flags(o, &xlat_v4l2_tuner_caps, t->capability, "V4L2_TUNER_CAP_???");
	ob_printf(o, ", rangelow=%u, rangehigh=%u, rxsubchans=", t->rangelow, t->rangehigh);
	xlat_print_flags(o, &xlat_v4l2_tuner_rxsubchans, t->rxsubchans, "V4L2_TUNER_SUB_???");
	ob_puts(o, ", audmode=");
	xlat_print_val(o, &xlat_v4l2_tuner_audmodes, t->audmode, "V4L2_TUNER_MODE_???");
	ob_printf(o, ", signal=%d, afc=%d", t->signal, t->afc);
}

static void print_tuner(struct dctx *d, int arg, bool set)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, sizeof(struct v4l2_tuner));
	struct v4l2_tuner t;

	if (!p)
		return;
	memcpy(&t, p, sizeof(t));
	ob_printf(d->o, "{index=%u", t.index);
	if (set) {
		ob_puts(d->o, ", ");
		print_tuner_body(d, &t);
	}
	if (wrote(d)) {
		ob_puts(d->o, set ? "} => {" : ", ");
		print_tuner_body(d, &t);
	}
	ob_putc(d->o, '}');
}

static void print_u32_array(struct outbuf *o, const uint32_t *v, unsigned int n, bool hex)
{
	unsigned int i;

	ob_putc(o, '[');
	for (i = 0; i < n; i++) {
		if (i)
			ob_puts(o, ", ");
		if (hex)
			ob_hex(o, v[i]);
		else
			ob_udec(o, v[i]);
	}
	ob_putc(o, ']');
}

/* reserved words: shown (with -v) only when one is not zero */
static void print_reserved(struct outbuf *o, const uint32_t *v, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n && !v[i]; i++)
		;
	if (i == n)
		return;
	ob_puts(o, ", reserved=");
	print_u32_array(o, v, n, true);
}

static void print_queryctrl(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, sizeof(struct v4l2_queryctrl));
	struct outbuf *o = d->o;
	struct v4l2_queryctrl q;

	if (!p)
		return;
	memcpy(&q, p, sizeof(q));
	ob_puts(o, "{id=");
	print_query_cid(o, q.id);
	if (wrote(d)) {
		ob_puts(o, ", type=");
		xlat_print_val(o, &xlat_v4l2_ctrl_types, q.type, "V4L2_CTRL_TYPE_???");
		ob_puts(o, ", name=");
		print_cstr(d, q.name, sizeof(q.name));
		if (!d->s->verbose) {
			ob_puts(o, ", ...");
		} else {
			ob_printf(o, ", minimum=%d, maximum=%d, step=%d, default_value=%d, flags=",
				  q.minimum, q.maximum, q.step, q.default_value);
			xlat_print_flags(o, &xlat_v4l2_ctrl_flags, q.flags, "V4L2_CTRL_FLAG_???");
			print_reserved(o, q.reserved, ARRAY_SIZE(q.reserved));
		}
	}
	ob_putc(o, '}');
}

static void print_query_ext_ctrl(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, sizeof(struct v4l2_query_ext_ctrl));
	struct outbuf *o = d->o;
	struct v4l2_query_ext_ctrl q;

	if (!p)
		return;
	memcpy(&q, p, sizeof(q));
	ob_puts(o, "{id=");
	print_query_cid(o, q.id);
	if (wrote(d)) {
		ob_puts(o, ", type=");
		xlat_print_val(o, &xlat_v4l2_ctrl_types, q.type, "V4L2_CTRL_TYPE_???");
		ob_puts(o, ", name=");
		print_cstr(d, (const uint8_t *)q.name, sizeof(q.name));
		if (!d->s->verbose) {
			ob_puts(o, ", ...");
		} else {
			ob_printf(o, ", minimum=%lld, maximum=%lld, step=%llu, default_value=%lld"
				  ", flags=", (long long)q.minimum, (long long)q.maximum,
				  (unsigned long long)q.step, (long long)q.default_value);
			xlat_print_flags(o, &xlat_v4l2_ctrl_flags, q.flags, "V4L2_CTRL_FLAG_???");
			ob_printf(o, ", elem_size=%u, elems=%u, nr_of_dims=%u, dims=", q.elem_size,
				  q.elems, q.nr_of_dims);
			print_u32_array(o, q.dims, q.nr_of_dims < V4L2_CTRL_MAX_DIMS ?
					q.nr_of_dims : V4L2_CTRL_MAX_DIMS, false);
			print_reserved(o, q.reserved, ARRAY_SIZE(q.reserved));
		}
	}
	ob_putc(o, '}');
}

static void print_int(struct dctx *d, int arg, bool exit, bool buf_type)
{
	const uint8_t *p = d_struct_prefix(d, arg, exit, 4);

	if (!p)
		return;
	ob_putc(d->o, '[');
	if (buf_type)
		print_buf_type(d->o, rd_u32(p));
	else
		ob_udec(d->o, rd_u32(p));
	ob_putc(d->o, ']');
}

static void print_std(struct dctx *d, int arg, bool exit)
{
	const uint8_t *p = d_struct_prefix(d, arg, exit, 8);

	if (!p)
		return;
	ob_putc(d->o, '[');
	ob_hex(d->o, rd_u64(p));
	ob_putc(d->o, ']');
}

static void print_cropcap(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, sizeof(struct v4l2_cropcap));
	struct v4l2_cropcap c;

	if (!p)
		return;
	memcpy(&c, p, sizeof(c));
	ob_puts(d->o, "{type=");
	print_buf_type(d->o, c.type);
	if (wrote(d)) {
		ob_puts(d->o, ", bounds=");
		print_rect(d->o, &c.bounds);
		ob_puts(d->o, ", defrect=");
		print_rect(d->o, &c.defrect);
		ob_puts(d->o, ", pixelaspect=");
		print_fract(d->o, &c.pixelaspect);
	}
	ob_putc(d->o, '}');
}

static void print_crop(struct dctx *d, int arg, bool set)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, sizeof(struct v4l2_crop));
	struct v4l2_crop c;

	if (!p)
		return;
	memcpy(&c, p, sizeof(c));
	ob_puts(d->o, "{type=");
	print_buf_type(d->o, c.type);
	if (set || wrote(d)) {
		ob_puts(d->o, ", c=");
		print_rect(d->o, &c.c);
	}
	ob_putc(d->o, '}');
}

/*
 * VIDIOC_[GS]_EXT_CTRLS, TRY_EXT_CTRLS. The controls a set reads, then (when all of them
 * printed) the ones it wrote back; a get's after the call. A failed call says which control
 * failed in error_idx.
 */
static void print_ext_ctrls(struct dctx *d, int arg, bool get)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, sizeof(struct v4l2_ext_controls));
	struct outbuf *o = d->o;
	struct v4l2_ext_controls c;
	uint64_t addr;

	if (!p)
		return;
	memcpy(&c, p, sizeof(c));
	addr = (uintptr_t)c.controls;
	ob_puts(o, "{ctrl_class=");
	xlat_print_val(o, &xlat_v4l2_ctrl_classes, c.ctrl_class, "V4L2_CTRL_CLASS_???");
	ob_printf(o, ", count=%u", c.count);
	if (!c.count) {
		ob_putc(o, '}');
		return;
	}
	if (!get) {
		ob_puts(o, ", controls=");
		if (!print_ref_array(d, arg, 1, addr, c.count, sizeof(struct v4l2_ext_control),
				     print_ext_ctrl)) {
			ob_putc(o, '}');
			return;
		}
	}
	/* the exit part: after a failed call too */
	ob_puts(o, get ? ", controls=" : "} => {controls=");
	print_ref_array(d, arg, 1, addr, c.count, sizeof(struct v4l2_ext_control), print_ext_ctrl);
	if (d->failed)
		ob_printf(o, ", error_idx=%u", c.error_idx);
	ob_putc(o, '}');
}

static void print_framesizes(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, sizeof(struct v4l2_frmsizeenum));
	struct outbuf *o = d->o;
	struct v4l2_frmsizeenum f;

	if (!p)
		return;
	memcpy(&f, p, sizeof(f));
	ob_printf(o, "{index=%u, pixel_format=", f.index);
	print_fourcc(o, &xlat_v4l2_pix_fmts, f.pixel_format);
	if (wrote(d)) {
		ob_puts(o, ", type=");
		xlat_print_val(o, &xlat_v4l2_framesize_types, f.type, "V4L2_FRMSIZE_TYPE_???");
		if (f.type == V4L2_FRMSIZE_TYPE_DISCRETE)
			ob_printf(o, ", discrete={width=%u, height=%u}", f.discrete.width,
				  f.discrete.height);
		else if (f.type == V4L2_FRMSIZE_TYPE_STEPWISE)
			ob_printf(o, ", stepwise={min_width=%u, max_width=%u, step_width=%u"
				  ", min_height=%u, max_height=%u, step_height=%u}",
				  f.stepwise.min_width, f.stepwise.max_width,
				  f.stepwise.step_width, f.stepwise.min_height,
				  f.stepwise.max_height, f.stepwise.step_height);
	}
	ob_putc(o, '}');
}

static void print_frameintervals(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, sizeof(struct v4l2_frmivalenum));
	struct outbuf *o = d->o;
	struct v4l2_frmivalenum f;

	if (!p)
		return;
	memcpy(&f, p, sizeof(f));
	ob_printf(o, "{index=%u, pixel_format=", f.index);
	print_fourcc(o, &xlat_v4l2_pix_fmts, f.pixel_format);
	ob_printf(o, ", width=%u, height=%u", f.width, f.height);
	if (wrote(d)) {
		ob_puts(o, ", type=");
		xlat_print_val(o, &xlat_v4l2_frameinterval_types, f.type,
			       "V4L2_FRMIVAL_TYPE_???");
		if (f.type == V4L2_FRMIVAL_TYPE_DISCRETE) {
			ob_puts(o, ", discrete=");
			print_fract(o, &f.discrete);
		} else if (f.type == V4L2_FRMIVAL_TYPE_CONTINUOUS ||
			   f.type == V4L2_FRMIVAL_TYPE_STEPWISE) {
			ob_puts(o, ", stepwise={min=");
			print_fract(o, &f.stepwise.min);
			ob_puts(o, ", max=");
			print_fract(o, &f.stepwise.max);
			ob_puts(o, ", step=");
			print_fract(o, &f.stepwise.step);
			ob_putc(o, '}');
		}
	}
	ob_putc(o, '}');
}

static void print_create_bufs(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, sizeof(struct v4l2_create_buffers));
	struct outbuf *o = d->o;
	struct v4l2_create_buffers c;

	if (!p)
		return;
	memcpy(&c, p, sizeof(c));
	ob_printf(o, "{count=%u, memory=", c.count);
	print_memory(o, c.memory);
	ob_puts(o, ", format={type=");
	print_buf_type(o, c.format.type);
	print_format(d, arg, &c.format, ", ");
	ob_puts(o, "}}");
}

/* = 42 ({index=0, count=4}): the buffers VIDIOC_CREATE_BUFS made */
bool v4l2_ioctl_ret(struct dctx *d)
{
	const struct sc_blob *b;
	struct v4l2_create_buffers c;

	if ((uint32_t)d->args[1] != VIDIOC_CREATE_BUFS || !wrote(d) || !d->args[2])
		return false;
	/* strace reads the whole structure again */
	b = d_blob(d, 2, 0, true);
	if (!b || b->len < sizeof(c) || ((b->flags & BLOBF_FAULT) && !(b->flags & BLOBF_PART)))
		return false;
	memcpy(&c, blob_data(b), sizeof(c));
	ob_printf(d->o, " ({index=%u, count=%u})", c.index, c.count);
	return true;
}

void v4l2_ioctl_arg(struct dctx *d, int arg)
{
	int i = v4l2_find(d->args[1]);

	switch (i < 0 ? V_NAME : v4l2_reqs[i].how) {
	case V_QUERYCAP:
		print_querycap(d, arg);
		return;
	case V_ENUM_FMT:
		print_enum_fmt(d, arg);
		return;
	case V_G_FMT:
	case V_S_FMT:
		print_fmt_req(d, arg, v4l2_reqs[i].how == V_S_FMT);
		return;
	case V_REQBUFS:
		print_reqbufs(d, arg);
		return;
	case V_BUF:
	case V_DQBUF:
		print_buffer(d, arg, v4l2_reqs[i].how == V_DQBUF);
		return;
	case V_FBUF:
	case V_G_FBUF:
		print_fbuf(d, arg, v4l2_reqs[i].how == V_G_FBUF);
		return;
	case V_STREAM:
		print_int(d, arg, false, true);
		return;
	case V_G_PARM:
	case V_S_PARM:
		print_streamparm(d, arg, v4l2_reqs[i].how == V_S_PARM);
		return;
	case V_G_STD:
	case V_S_STD:
		print_std(d, arg, v4l2_reqs[i].how == V_G_STD);
		return;
	case V_ENUMSTD:
		print_enumstd(d, arg);
		return;
	case V_ENUMINPUT:
		print_enuminput(d, arg);
		return;
	case V_G_CTRL:
	case V_S_CTRL:
		print_control(d, arg, v4l2_reqs[i].how == V_S_CTRL);
		return;
	case V_G_TUNER:
	case V_S_TUNER:
		print_tuner(d, arg, v4l2_reqs[i].how == V_S_TUNER);
		return;
	case V_QUERYCTRL:
		print_queryctrl(d, arg);
		return;
	case V_G_INPUT:
	case V_S_INPUT:
		print_int(d, arg, v4l2_reqs[i].how == V_G_INPUT, false);
		return;
	case V_CROPCAP:
		print_cropcap(d, arg);
		return;
	case V_G_CROP:
	case V_S_CROP:
		print_crop(d, arg, v4l2_reqs[i].how == V_S_CROP);
		return;
	case V_G_EXT_CTRLS:
	case V_S_EXT_CTRLS:
		print_ext_ctrls(d, arg, v4l2_reqs[i].how == V_G_EXT_CTRLS);
		return;
	case V_FRAMESIZES:
		print_framesizes(d, arg);
		return;
	case V_FRAMEINTERVALS:
		print_frameintervals(d, arg);
		return;
	case V_CREATE_BUFS:
		print_create_bufs(d, arg);
		return;
	case V_QUERY_EXT_CTRL:
		print_query_ext_ctrl(d, arg);
		return;
	}
	ob_hex(d->o, d->args[arg]);
}

#define WIN_TYPES (1u << V4L2_BUF_TYPE_VIDEO_OVERLAY | 1u << V4L2_BUF_TYPE_VIDEO_OUTPUT_OVERLAY)
#define FMT_REF(r, base) { \
	.req = r, .sel_off = (base) + offsetof(struct v4l2_format, type), .sel_mask = WIN_TYPES, \
	.ptr_off = (base) + offsetof(struct v4l2_format, fmt.win.clips), \
	.cnt_off = (base) + offsetof(struct v4l2_format, fmt.win.clipcount), \
	.esize = sizeof(struct v4l2_clip), .max = IOCTL_REF_MAX, .el_ptr_off = IOCTL_REF_NONE }
#define CTRLS_REF(r) { \
	.req = r, .sel_off = IOCTL_REF_NONE, \
	.ptr_off = offsetof(struct v4l2_ext_controls, controls), \
	.cnt_off = offsetof(struct v4l2_ext_controls, count), \
	.esize = sizeof(struct v4l2_ext_control), .max = IOCTL_REF_MAX, \
	.el_ptr_off = offsetof(struct v4l2_ext_control, string), \
	.el_len_off = offsetof(struct v4l2_ext_control, size) }

unsigned int v4l2_ioctl_refs(struct ioctl_ref *out, unsigned int max, unsigned int strsize)
{
	/* a window's clips; the extended controls and their payloads (a string's bytes) */
	static const struct ioctl_ref refs[] = {
		FMT_REF(VIDIOC_G_FMT, 0),
		FMT_REF(VIDIOC_S_FMT, 0),
		FMT_REF(VIDIOC_TRY_FMT, 0),
		FMT_REF(VIDIOC_CREATE_BUFS, offsetof(struct v4l2_create_buffers, format)),
		CTRLS_REF(VIDIOC_G_EXT_CTRLS),
		CTRLS_REF(VIDIOC_S_EXT_CTRLS),
		CTRLS_REF(VIDIOC_TRY_EXT_CTRLS),
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(refs) && i < max; i++) {
		out[i] = refs[i];
		if (out[i].el_ptr_off != IOCTL_REF_NONE)
			out[i].el_max = strsize < 4096 ? strsize : 4096;
	}
	return i;
}

bool v4l2_ioctl_name(struct outbuf *o, uint32_t req)
{
	int i = v4l2_find(req);

	if (i < 0)
		return false;
	ob_puts(o, v4l2_reqs[i].name);
	return true;
}

bool v4l2_ioctl_known(uint32_t req)
{
	return v4l2_find(req) >= 0;
}
