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

/* ---- io_uring_register ---- */

#include "xlat/uring_iowq_acct.h"
#include "xlat/uring_op_flags.h"
#include "xlat/uring_ops.h"
#include "xlat/uring_register_opcodes.h"
#include "xlat/uring_restriction_opcodes.h"
#include "xlat/uring_rsrc_flags.h"
#include "xlat/uring_sqe_flags.h"

enum {
	UR_BUFFERS = 0,
	UR_FILES = 2,
	UR_EVENTFD = 4,
	UR_FILES_UPDATE = 6,
	UR_EVENTFD_ASYNC = 7,
	UR_PROBE = 8,
	UR_RESTRICTIONS = 11,
	UR_FILES2 = 13,
	UR_FILES_UPDATE2 = 14,
	UR_BUFFERS2 = 15,
	UR_BUFFERS_UPDATE = 16,
	UR_IOWQ_AFF = 17,
	UR_IOWQ_MAX_WORKERS = 19,
	UR_RING_FDS = 20,
	UR_UNREGISTER_RING_FDS = 21,
	UR_PBUF_RING = 22,
	UR_UNREGISTER_PBUF_RING = 23,
};

void print_URING_REG_OP(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_uring_register_opcodes, (uint32_t)d->args[arg],
		       "IORING_REGISTER_???");
}

/* struct iovec */
static void print_iovec_elem(struct dctx *d, const uint8_t *p)
{
	ob_puts(d->o, "{iov_base=");
	ob_ptr(d->o, rd_u64(p));
	ob_printf(d->o, ", iov_len=%llu}", (unsigned long long)rd_u64(p + 8));
}

static void print_fd_elem(struct dctx *d, const uint8_t *p)
{
	print_fd(d, rd_s32(p));
}

/* struct io_uring_restriction: the union member by the opcode; reserved fields when set */
static void print_restriction(struct dctx *d, const uint8_t *p)
{
	struct outbuf *o = d->o;
	uint16_t opcode = rd_u16(p);
	uint8_t v = p[2], resv = p[3];

	ob_puts(o, "{opcode=");
	xlat_print_val(o, &xlat_uring_restriction_opcodes, opcode, "IORING_RESTRICTION_???");
	switch (opcode) {
	case 0:
		ob_puts(o, ", register_op=");
		xlat_print_val(o, &xlat_uring_register_opcodes, v, "IORING_REGISTER_???");
		break;
	case 1:
		ob_puts(o, ", sqe_op=");
		xlat_print_val(o, &xlat_uring_ops, v, "IORING_OP_???");
		break;
	case 2:
	case 3:
		ob_puts(o, ", sqe_flags=");
		xlat_print_flags(o, &xlat_uring_sqe_flags, v, "IOSQE_???");
		break;
	default:
		ob_printf(o, v ? " /* op: %#x */" : " /* op: %u */", v);
	}
	if (resv)
		ob_printf(o, ", resv=%#x", resv);
	if (rd_u32(p + 4) | rd_u32(p + 8) | rd_u32(p + 12))
		ob_printf(o, ", resv2=[%#x, %#x, %#x]", rd_u32(p + 4), rd_u32(p + 8),
			  rd_u32(p + 12));
	ob_putc(o, '}');
}

/* struct io_uring_rsrc_update of IORING_(UN)REGISTER_RING_FDS: registering takes an fd and
 * offset -1 for any slot; unregistering a registered index */
static void print_ring_fd_elem(struct dctx *d, const uint8_t *p)
{
	struct outbuf *o = d->o;
	bool reg = (uint32_t)d->args[1] == UR_RING_FDS;
	uint32_t off = rd_u32(p), resv = rd_u32(p + 4);
	uint64_t data = rd_u64(p + 8);

	if (reg && off == UINT32_MAX)
		ob_puts(o, "{offset=-1");
	else
		ob_printf(o, "{offset=%u", off);
	if (resv)
		ob_printf(o, ", resv=%#x", resv);
	if (reg) {
		ob_puts(o, ", data=");
		print_fd(d, (int32_t)data);
	} else if (data) {
		ob_printf(o, ", data=%#llx", (unsigned long long)data);
	}
	ob_putc(o, '}');
}

/* IORING_REGISTER_IOWQ_AFF: a cpu mask of nr bytes, as [0 2 3] */
static void print_cpu_mask(struct dctx *d, int arg, uint32_t nr)
{
	const struct sc_blob *b;
	const uint8_t *p;
	bool first = true;
	uint64_t i;

	if (!d->args[arg]) {
		ob_ptr(d->o, 0);
		return;
	}
	if (!nr) {
		ob_puts(d->o, "[]");
		return;
	}
	b = d_mem_prefix(d, arg, false, nr);
	if (!b)
		return;
	if (b->len < nr) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	p = blob_data(b);
	ob_putc(d->o, '[');
	for (i = 0; i < (uint64_t)nr * 8; i++) {
		if (!(p[i / 8] & (1u << (i % 8))))
			continue;
		ob_printf(d->o, "%s%llu", first ? "" : " ", (unsigned long long)i);
		first = false;
	}
	ob_putc(d->o, ']');
}

/* struct io_uring_buf_reg (40 bytes) */
static void print_buf_reg(struct dctx *d, int arg)
{
	struct outbuf *o = d->o;
	const uint8_t *p = d_struct_prefix(d, arg, false, 40);

	if (!p)
		return;
	ob_puts(o, "{ring_addr=");
	ob_ptr(o, rd_u64(p));
	ob_printf(o, ", ring_entries=%u, bgid=%u", rd_u32(p + 8), rd_u16(p + 12));
	if (rd_u16(p + 14))
		ob_printf(o, ", pad=%#x", rd_u16(p + 14));
	if (rd_u64(p + 16) | rd_u64(p + 24) | rd_u64(p + 32)) {
		ob_puts(o, ", resv=[");
		for (int i = 0; i < 3; i++) {
			if (i)
				ob_puts(o, ", ");
			ob_hex(o, rd_u64(p + 16 + 8 * i));
		}
		ob_putc(o, ']');
	}
	ob_putc(o, '}');
}

/* a value strace prints in decimal when it has no name: 47 / * IORING_OP_??? * / */
static void print_xval_u(struct outbuf *o, const struct xlat *x, uint64_t v, const char *unknown)
{
	xlat_print_const(o, v, XF_UDEC, xlat_name(x, v), unknown);
}

/*
 * `count` elements of `esize` bytes at offset `off` of a copy of `len` bytes at `addr`, -s of
 * them at most (unless -v); an element past the copy ends the array with "...", and its
 * address when the copy stopped at an unreadable page. Returns whether all were printed.
 */
typedef void (*uring_elem)(struct dctx *d, const uint8_t *p, uint64_t idx);
static bool print_elems(struct dctx *d, const uint8_t *data, size_t len, bool part,
			uint64_t addr, size_t off, uint64_t count, size_t esize, uring_elem fn)
{
	uint64_t i;
	bool all = true;

	ob_putc(d->o, '[');
	for (i = 0; i < count; i++) {
		if (i)
			ob_puts(d->o, ", ");
		if (off + (i + 1) * esize > len) {
			ob_puts(d->o, "...");
			if (part)
				ob_printf(d->o, " /* %#llx */",
					  (unsigned long long)(addr + off + i * esize));
			all = false;
			break;
		}
		if (i >= d->s->strsize && !d->s->verbose) {
			ob_puts(d->o, "...");
			break;
		}
		fn(d, data + off + i * esize, i);
	}
	ob_putc(d->o, ']');
	return all;
}

/* the copy of argument `arg` (sub 0; what its struct points to: sub 1, 2) at the call or
 * after it; `part`: it stopped at a page end */
static const struct sc_blob *reg_copy_sub(struct dctx *d, int arg, int sub, bool exit,
					  bool *part)
{
	const struct sc_blob *b = d_blob(d, arg, sub, exit);

	if (!b)
		return NULL;
	*part = (b->flags & BLOBF_FAULT) && (b->flags & BLOBF_PART);
	if ((b->flags & BLOBF_FAULT) && !*part)
		return NULL;
	return b;
}

static const struct sc_blob *reg_copy(struct dctx *d, int arg, bool exit, bool *part)
{
	return reg_copy_sub(d, arg, 0, exit, part);
}

/* IORING_REGISTER_IOWQ_MAX_WORKERS: [[IO_WQ_BOUND]=N, ...], read and written by the call */
static void print_worker_elem(struct dctx *d, const uint8_t *p, uint64_t idx)
{
	ob_putc(d->o, '[');
	print_xval_u(d->o, &xlat_uring_iowq_acct, idx, "IO_WQ_???");
	ob_printf(d->o, "]=%u", rd_u32(p));
}

static void print_max_workers(struct dctx *d, int arg, uint32_t nr)
{
	const struct sc_blob *b;
	bool part;

	if (!d->args[arg] || !nr) {
		if (d->args[arg])
			ob_puts(d->o, "[]");
		else
			ob_ptr(d->o, 0);
		return;
	}
	b = reg_copy(d, arg, false, &part);
	if (!b || b->len < 4) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	if (!print_elems(d, blob_data(b), b->len, part, d->args[arg], 0, nr, 4,
			 print_worker_elem))
		return;
	if (!d->exited)
		return;
	ob_puts(d->o, " => ");
	b = d->failed ? NULL : reg_copy(d, arg, true, &part);
	if (!b || b->len < 4)
		ob_ptr(d->o, d->args[arg]);
	else
		print_elems(d, blob_data(b), b->len, part, d->args[arg], 0, nr, 4,
			    print_worker_elem);
}

/* struct io_uring_probe: 16 bytes, then the ops */
static void print_probe_op(struct dctx *d, const uint8_t *p)
{
	struct outbuf *o = d->o;

	ob_puts(o, "{op=");
	print_xval_u(o, &xlat_uring_ops, p[0], "IORING_OP_???");
	if (p[1])
		ob_printf(o, ", resv=%#x", p[1]);
	ob_puts(o, ", flags=");
	xlat_print_flags(o, &xlat_uring_op_flags, rd_u16(p + 2), "IO_URING_OP_???");
	if (rd_u32(p + 4))
		ob_printf(o, ", resv2=%#x", rd_u32(p + 4));
	ob_putc(o, '}');
}

/* at the call all nr ops; after it the ops_len the kernel filled in, of nr */
static void print_probe_struct(struct dctx *d, const uint8_t *p, uint32_t nr, bool out)
{
	struct outbuf *o = d->o;
	uint32_t n = out && p[1] < nr ? p[1] : nr;

	ob_puts(o, "{last_op=");
	print_xval_u(o, &xlat_uring_ops, p[0], "IORING_OP_???");
	ob_printf(o, ", ops_len=%u", p[1]);
	if (rd_u16(p + 2))
		ob_printf(o, ", resv=%#x", rd_u16(p + 2));
	if (rd_u32(p + 4) | rd_u32(p + 8) | rd_u32(p + 12))
		ob_printf(o, ", resv2=[%#x, %#x, %#x]", rd_u32(p + 4), rd_u32(p + 8),
			  rd_u32(p + 12));
	ob_puts(o, ", ops=");
	if (out && p[1] > nr && n == 0) {
		ob_puts(o, "[...]}");
		return;
	}
	ob_putc(o, '[');
	for (uint32_t i = 0; i < n; i++) {
		if (i)
			ob_puts(o, ", ");
		if (i >= d->s->strsize && !d->s->verbose) {
			ob_puts(o, "...");
			n = 0;
			break;
		}
		print_probe_op(d, p + 16 + 8 * i);
	}
	if (out && n && p[1] > nr)
		ob_puts(o, ", ...");
	ob_puts(o, "]}");
}

/* the whole structure must be readable; one filled with zeros (as the kernel wants it) prints
 * only after the call, one with data before it and again after it */
static void print_probe(struct dctx *d, int arg, uint32_t nr)
{
	const struct sc_blob *b;
	uint64_t size = 16 + 8ull * nr;
	bool part, zero = true;
	const uint8_t *p;
	uint64_t i;

	b = reg_copy(d, arg, false, &part);
	if (!d->args[arg] || !b || b->len < size) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	p = blob_data(b);
	for (i = 0; i < size && zero; i++)
		zero = !p[i];
	if (!zero)
		print_probe_struct(d, p, nr, false);
	if (!d->exited)
		return;
	b = d->failed ? NULL : reg_copy(d, arg, true, &part);
	if (!b || b->len < size) {
		if (zero)
			ob_ptr(d->o, d->args[arg]);
		return;
	}
	if (!zero)
		ob_puts(d->o, " => ");
	print_probe_struct(d, blob_data(b), nr, true);
}

/* ---- FILES_UPDATE, FILES2, BUFFERS2, FILES_UPDATE2, BUFFERS_UPDATE: structs that point to
 * arrays; BPF copies those as the opcode's bpf_refs row (uring_refs) says ---- */

#define UREF_DATA	1	/* blob sub of the data array (bpf_ref ptr[0]) */
#define UREF_TAGS	2	/* of the tags (ptr[1]) */
#define FU_SIZE		16	/* struct io_uring_files_update */
#define RSRC_SIZE	32	/* struct io_uring_rsrc_register, io_uring_rsrc_update2 */
#define FILES_SKIP	(-2)	/* IORING_REGISTER_FILES_SKIP */

static void print_fd_idx(struct dctx *d, const uint8_t *p, uint64_t idx)
{
	(void)idx;
	print_fd(d, rd_s32(p));
}

/* an update's fd: one to leave as it is has a name */
static void print_upd_fd_idx(struct dctx *d, const uint8_t *p, uint64_t idx)
{
	int32_t fd = rd_s32(p);

	(void)idx;
	if (fd == FILES_SKIP)
		xlat_print_const(d->o, (uint64_t)(int64_t)fd, XF_DEC, "IORING_REGISTER_FILES_SKIP",
				 NULL);
	else
		print_fd(d, fd);
}

static void print_iovec_idx(struct dctx *d, const uint8_t *p, uint64_t idx)
{
	(void)idx;
	print_iovec_elem(d, p);
}

static void print_tag_idx(struct dctx *d, const uint8_t *p, uint64_t idx)
{
	(void)idx;
	ob_hex(d->o, rd_u64(p));
}

/* `count` elements at `addr` a struct points to, copied as blob `sub`: NULL, [], the address
 * when none is readable */
static void print_ref_array(struct dctx *d, int arg, int sub, uint64_t addr, uint64_t count,
			    size_t esize, uring_elem fn)
{
	const struct sc_blob *b;
	bool part = false;

	if (!addr) {
		ob_ptr(d->o, 0);
		return;
	}
	if (!count) {
		ob_puts(d->o, "[]");
		return;
	}
	b = count > UINT64_MAX / esize || addr + count * esize < addr ? NULL :
	    reg_copy_sub(d, arg, sub, false, &part);
	if (!b || b->len < esize) {
		ob_ptr(d->o, addr);
		return;
	}
	print_elems(d, blob_data(b), b->len, part, addr, 0, count, esize, fn);
}

/* the fields known, `size` bytes, or its address when smaller or unreadable */
static const uint8_t *rsrc_struct(struct dctx *d, int arg, uint32_t size,
				  const struct sc_blob **bp)
{
	bool part;
	const struct sc_blob *b = size < RSRC_SIZE ? NULL : reg_copy(d, arg, false, &part);

	if (!b || b->len < RSRC_SIZE) {
		ob_ptr(d->o, d->args[arg]);
		return NULL;
	}
	*bp = b;
	return blob_data(b);
}

/*
 * The bytes of `size` past the fields known: unreadable, ", ???"; all zero, nothing; else
 * , / * bytes 32..39 * / "\xa0..." (at most -s of them, then "..."). Only the copy's bytes are
 * looked at (the kind's 1024).
 */
static void print_rsrc_tail(struct dctx *d, const struct sc_blob *b, uint32_t size)
{
	const uint8_t *p = blob_data(b);
	size_t end = size, i, n;

	if (size <= RSRC_SIZE)
		return;
	if (b->len < end) {
		if (b->flags & BLOBF_FAULT) {
			ob_puts(d->o, ", ???");
			return;
		}
		end = b->len;
	}
	for (i = RSRC_SIZE; i < end && !p[i]; i++)
		;
	if (i >= end)
		return;
	/* strace shows these bytes in hex whatever -x says */
	ob_printf(d->o, ", /* bytes %u..%zu */ \"", RSRC_SIZE, end - 1);
	n = end - RSRC_SIZE;
	if (n > d->s->strsize)
		n = d->s->strsize;
	for (i = RSRC_SIZE; i < RSRC_SIZE + n; i++)
		ob_printf(d->o, "\\x%02x", p[i]);
	ob_putc(d->o, '"');
	if (RSRC_SIZE + n < end)
		ob_puts(d->o, "...");
}

/* data (fds or iovecs) and tags, `nr` of each */
static void print_rsrc_arrays(struct dctx *d, int arg, uint64_t data, uint64_t tags, uint32_t nr,
			      bool files, bool upd)
{
	ob_puts(d->o, ", data=");
	if (files)
		print_ref_array(d, arg, UREF_DATA, data, nr, 4,
				upd ? print_upd_fd_idx : print_fd_idx);
	else
		print_ref_array(d, arg, UREF_DATA, data, nr, 16, print_iovec_idx);
	ob_puts(d->o, ", tags=");
	print_ref_array(d, arg, UREF_TAGS, tags, nr, 8, print_tag_idx);
}

/* struct io_uring_rsrc_register {u32 nr, flags; u64 resv2, data, tags}; nr_args its size */
static void print_rsrc_register(struct dctx *d, int arg, uint32_t size, bool files)
{
	const struct sc_blob *b;
	const uint8_t *p = rsrc_struct(d, arg, size, &b);

	if (!p)
		return;
	ob_printf(d->o, "{nr=%u, flags=", rd_u32(p));
	xlat_print_flags(d->o, &xlat_uring_rsrc_flags, rd_u32(p + 4), "IORING_RSRC_REGISTER_???");
	if (rd_u64(p + 8))
		ob_printf(d->o, ", resv2=%#llx", (unsigned long long)rd_u64(p + 8));
	print_rsrc_arrays(d, arg, rd_u64(p + 16), rd_u64(p + 24), rd_u32(p), files, false);
	print_rsrc_tail(d, b, size);
	ob_putc(d->o, '}');
}

/* struct io_uring_rsrc_update2 {u32 offset, resv; u64 data, tags; u32 nr, resv2} */
static void print_rsrc_update2(struct dctx *d, int arg, uint32_t size, bool files)
{
	const struct sc_blob *b;
	const uint8_t *p = rsrc_struct(d, arg, size, &b);

	if (!p)
		return;
	ob_printf(d->o, "{offset=%u", rd_u32(p));
	if (rd_u32(p + 4))
		ob_printf(d->o, ", resv=%#x", rd_u32(p + 4));
	print_rsrc_arrays(d, arg, rd_u64(p + 8), rd_u64(p + 16), rd_u32(p + 24), files, true);
	ob_printf(d->o, ", nr=%u", rd_u32(p + 24));
	if (rd_u32(p + 28))
		ob_printf(d->o, ", resv2=%#x", rd_u32(p + 28));
	print_rsrc_tail(d, b, size);
	ob_putc(d->o, '}');
}

/* struct io_uring_files_update {u32 offset, resv; u64 fds}: nr_args fds */
static void print_files_update(struct dctx *d, int arg, uint32_t nr)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, FU_SIZE);

	if (!p)
		return;
	ob_printf(d->o, "{offset=%u", rd_u32(p));
	if (rd_u32(p + 4))
		ob_printf(d->o, ", resv=%#x", rd_u32(p + 4));
	ob_puts(d->o, ", fds=");
	print_ref_array(d, arg, UREF_DATA, rd_u64(p + 8), nr, 4, print_upd_fd_idx);
	ob_putc(d->o, '}');
}

/* the bpf_refs rows: what BPF copies (the data, the tags) and which fds it describes */
struct uring_ref_def {
	uint32_t op;
	struct bpf_ref_ptr data, tags;
	struct bpf_ref_fdv fdv;
};

#define UR_NONE		BPF_REF_NONE
/* `len_off`'s u32 count (UR_NONE: as many as strace shows) of `esize` bytes at the pointer at
 * `off`, at the call (and after it: an answered call -e inject= has no enter record) */
#define UR_ARR(off, len_off_, esize_) \
	{ .ptr_off = off, .len_off = len_off_, .esize = esize_, \
	  .when = BPF_REF_ENTER | BPF_REF_EXIT, .sel_off = UR_NONE }
#define UR_NOARR	{ .ptr_off = UR_NONE }
#define UR_FDV(ptr, cnt, stride_, off_) \
	{ .ptr_off = ptr, .cnt_off = cnt, .stride = stride_, .off = off_, .flags = REF_FDVF_SKIP0 }
#define UR_NOFDV	{ .stride = 0 }

static const struct uring_ref_def uring_ref_defs[] = {
	{ UR_FILES, UR_NOARR, UR_NOARR, UR_FDV(UR_NONE, UR_NONE, 4, 0) },
	{ UR_EVENTFD, UR_NOARR, UR_NOARR, UR_FDV(UR_NONE, UR_NONE, 4, 0) },
	{ UR_EVENTFD_ASYNC, UR_NOARR, UR_NOARR, UR_FDV(UR_NONE, UR_NONE, 4, 0) },
	{ UR_FILES_UPDATE, UR_ARR(8, UR_NONE, 4), UR_NOARR, UR_FDV(8, UR_NONE, 4, 0) },
	{ UR_FILES2, UR_ARR(16, 0, 4), UR_ARR(24, 0, 8), UR_FDV(16, 0, 4, 0) },
	{ UR_FILES_UPDATE2, UR_ARR(8, 24, 4), UR_ARR(16, 24, 8), UR_FDV(8, 24, 4, 0) },
	{ UR_BUFFERS2, UR_ARR(16, 0, 16), UR_ARR(24, 0, 8), UR_NOFDV },
	{ UR_BUFFERS_UPDATE, UR_ARR(8, 24, 16), UR_ARR(16, 24, 8), UR_NOFDV },
	/* struct io_uring_rsrc_update's data: the ring's fd to register */
	{ UR_RING_FDS, UR_NOARR, UR_NOARR, UR_FDV(UR_NONE, UR_NONE, 16, 8) },
};

/*
 * -y: the first 2 * REF_FDV_MAX (14) distinct fds of an array other than the ring's own (of
 * its first REF_FDV_SCAN elements; REF_FDV_MAX, 7, of a call answered by -e inject=, which has
 * no enter record) are described; the others print as their bare numbers, where strace would
 * add their paths too.
 */
unsigned int uring_refs(uint32_t *keys, struct bpf_ref *refs, unsigned int max,
			const struct settings *s)
{
	unsigned int i, j, n = 0;

	for (i = 0; i < ARRAY_SIZE(uring_ref_defs) && n < max; i++, n++) {
		const struct uring_ref_def *r = &uring_ref_defs[i];
		struct bpf_ref_ptr *p[2] = { &refs[n].ptr[0], &refs[n].ptr[1] };

		memset(&refs[n], 0, sizeof(refs[n]));
		keys[n] = BPF_REF_KEY(1, r->op);
		for (j = 0; j < BPF_REF_FDS; j++)
			refs[n].fd_off[j] = BPF_REF_NONE;
		for (j = 2; j < BPF_REF_PTRS; j++)
			refs[n].ptr[j].ptr_off = BPF_REF_NONE;
		*p[0] = r->data;
		*p[1] = r->tags;
		/* -s elements and one (the "..." after them), all of them with -v */
		for (j = 0; j < 2; j++)
			if (p[j]->ptr_off != BPF_REF_NONE)
				p[j]->max = p[j]->esize *
					    (s->verbose ? BPF_REF_STRV_MAX * 8 : s->strsize + 1);
		refs[n].fdv = r->fdv;
	}
	return n;
}

unsigned int uring_ref_ptrs(uint32_t op, const uint8_t *p, size_t len, uint64_t *ptrs,
			    unsigned int max)
{
	unsigned int i, j, n = 0;

	for (i = 0; i < ARRAY_SIZE(uring_ref_defs); i++) {
		const struct bpf_ref_ptr *rp[2] = { &uring_ref_defs[i].data,
						    &uring_ref_defs[i].tags };

		if (uring_ref_defs[i].op != op)
			continue;
		for (j = 0; j < 2 && n < max; j++) {
			if (rp[j]->ptr_off == BPF_REF_NONE || rp[j]->ptr_off + 8u > len)
				continue;
			ptrs[n] = rd_u64(p + rp[j]->ptr_off);
			if (ptrs[n])
				n++;
		}
	}
	return n;
}

/*
 * io_uring_register's argument by the opcode (args[1]), nr_args (args[3]) elements (the size
 * of the *2 structs).
 */
void print_URING_REG_ARG(struct dctx *d, int arg)
{
	uint32_t nr = d->args[3];

	if (d->phase == DP_SUFFIX)
		return;
	switch ((uint32_t)d->args[1]) {
	case UR_BUFFERS:
		print_array(d, arg, false, nr, 16, print_iovec_elem);
		break;
	case UR_FILES:
	case UR_EVENTFD:
	case UR_EVENTFD_ASYNC:
		print_array(d, arg, false, nr, 4, print_fd_elem);
		break;
	case UR_FILES_UPDATE:
		print_files_update(d, arg, nr);
		break;
	case UR_FILES2:
	case UR_BUFFERS2:
		print_rsrc_register(d, arg, nr, (uint32_t)d->args[1] == UR_FILES2);
		break;
	case UR_FILES_UPDATE2:
	case UR_BUFFERS_UPDATE:
		print_rsrc_update2(d, arg, nr, (uint32_t)d->args[1] == UR_FILES_UPDATE2);
		break;
	case UR_RESTRICTIONS:
		print_array(d, arg, false, nr, 16, print_restriction);
		break;
	case UR_IOWQ_AFF:
		print_cpu_mask(d, arg, nr);
		break;
	case UR_IOWQ_MAX_WORKERS:
		print_max_workers(d, arg, nr);
		break;
	case UR_PROBE:
		print_probe(d, arg, nr);
		break;
	case UR_RING_FDS:
	case UR_UNREGISTER_RING_FDS:
		print_array(d, arg, false, nr, 16, print_ring_fd_elem);
		break;
	case UR_PBUF_RING:
	case UR_UNREGISTER_PBUF_RING:
		print_buf_reg(d, arg);
		break;
	default:
		ob_ptr(d->o, d->args[arg]);
	}
}
