// SPDX-License-Identifier: GPL-2.0
/* io_uring: io_uring_setup's struct io_uring_params (read at the call, then what the call
 * filled in) and io_uring_enter's flags. Layouts from linux/io_uring.h. */
#include "decode.h"
#include "xlat/uring_enter_flags.h"
#include "xlat/uring_setup_features.h"
#include "xlat/uring_setup_flags.h"

/* struct io_uring_params: 10 u32, then two 40-byte offset structs */
#define UP_SQ_ENTRIES	0
#define UP_CQ_ENTRIES	4
#define UP_FLAGS	8
#define UP_SQ_CPU	12
#define UP_SQ_IDLE	16
#define UP_FEATURES	20
#define UP_WQ_FD	24
#define UP_RESV		28
#define UP_SQ_OFF	40
#define UP_CQ_OFF	80
#define UP_SIZE		120
#define IORING_SETUP_ATTACH_WQ_BIT 0x20u

/* io_sqring_offsets and io_cqring_offsets: seven u32 named fields, resv1 (u32), resv2 (u64);
 * the reserved ones only when set */
static void print_ring_offsets(struct outbuf *o, const uint8_t *p, const char *const names[7])
{
	int i;

	ob_putc(o, '{');
	for (i = 0; i < 7; i++)
		ob_printf(o, "%s%s=%u", i ? ", " : "", names[i], rd_u32(p + 4 * i));
	if (rd_u32(p + 28))
		ob_printf(o, ", resv1=%#x", rd_u32(p + 28));
	if (rd_u64(p + 32))
		ob_printf(o, ", resv2=%#llx", (unsigned long long)rd_u64(p + 32));
	ob_putc(o, '}');
}

/* what io_uring_setup wrote back: the ring sizes, the features and the mmap offsets */
static void print_uring_params_out(struct dctx *d, const uint8_t *p)
{
	static const char *const sq_names[7] = {
		"head", "tail", "ring_mask", "ring_entries", "flags", "dropped", "array",
	};
	static const char *const cq_names[7] = {
		"head", "tail", "ring_mask", "ring_entries", "overflow", "cqes", "flags",
	};
	struct outbuf *o = d->o;

	ob_printf(o, ", sq_entries=%u, cq_entries=%u, features=", rd_u32(p + UP_SQ_ENTRIES),
		  rd_u32(p + UP_CQ_ENTRIES));
	xlat_print_flags(o, &xlat_uring_setup_features, rd_u32(p + UP_FEATURES),
			 "IORING_FEAT_???");
	ob_puts(o, ", sq_off=");
	print_ring_offsets(o, p + UP_SQ_OFF, sq_names);
	ob_puts(o, ", cq_off=");
	print_ring_offsets(o, p + UP_CQ_OFF, cq_names);
}

void print_IO_URING_PARAMS(struct dctx *d, int arg)
{
	struct outbuf *o = d->o;
	const uint8_t *p, *out;
	uint32_t flags;
	int i;

	if (d->phase == DP_SUFFIX)
		return;
	p = d_struct(d, arg, false, UP_SIZE);
	if (!p)
		return;
	flags = rd_u32(p + UP_FLAGS);
	ob_puts(o, "{flags=");
	xlat_print_flags(o, &xlat_uring_setup_flags, flags, "IORING_SETUP_???");
	ob_printf(o, ", sq_thread_cpu=%#x, sq_thread_idle=%u", rd_u32(p + UP_SQ_CPU),
		  rd_u32(p + UP_SQ_IDLE));
	/* wq_fd means something only when attaching to another ring's work queue */
	if (flags & IORING_SETUP_ATTACH_WQ_BIT) {
		ob_puts(o, ", wq_fd=");
		print_fd(d, rd_s32(p + UP_WQ_FD));
	}
	if (rd_u32(p + UP_RESV) | rd_u32(p + UP_RESV + 4) | rd_u32(p + UP_RESV + 8)) {
		ob_puts(o, ", resv=[");
		for (i = 0; i < 3; i++)
			ob_printf(o, "%s%#x", i ? ", " : "", rd_u32(p + UP_RESV + 4 * i));
		ob_putc(o, ']');
	}
	if (d->exited && !d->failed) {
		const struct sc_blob *b = d_blob(d, arg, 0, true);

		out = b && !(b->flags & BLOBF_FAULT) && b->len >= UP_SIZE ? blob_data(b) : NULL;
		if (out)
			print_uring_params_out(d, out);
	}
	ob_putc(o, '}');
}

void print_URING_ENTER_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_uring_enter_flags, (uint32_t)d->args[arg],
			 "IORING_ENTER_???");
}
