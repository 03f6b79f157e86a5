// SPDX-License-Identifier: GPL-2.0
/*
 * Console requests of linux/kd.h that pass keymap entries, strings, tables and fonts (the ones
 * of plain values are in decode_custom.c). None of these old requests encodes a size, and some
 * point further (a unicode map's pairs, a font's glyphs): their ioctl_refs rows
 * (kd_ioctl_refs) have BPF copy the argument as large as its struct, the pointed-to memory as
 * blob 1, both as far as -s (and -v) let strace print them.
 *
 * One copy is taken, after the call: what the call read is what memory holds then, and what
 * strace prints twice (GIO_UNIMAP's "entry_ct=1 => 1") prints the same value twice. A field
 * the call writes is printed for a call that succeeded; a failed get prints the address.
 */
#include <stddef.h>
#include <string.h>
#include <linux/kd.h>
#include <linux/keyboard.h>
#include "decode.h"
#include "xlat/kd_font_flags.h"
#include "xlat/kd_font_ops.h"
#include "xlat/kd_key_types.h"
#include "xlat/kd_keymaps.h"
#include "xlat/kd_keysyms.h"
#include "xlat/kd_kg_bits.h"

static const struct {
	uint32_t req;
	const char *name;
} kd_reqs[] = {
	{ KDGKBENT, "KDGKBENT" },
	{ KDSKBENT, "KDSKBENT" },
	{ KDGKBSENT, "KDGKBSENT" },
	{ KDSKBSENT, "KDSKBSENT" },
	{ KDGKBDIACR, "KDGKBDIACR" },
	{ KDSKBDIACR, "KDSKBDIACR" },
	{ KDGKBDIACRUC, "KDGKBDIACRUC" },
	{ KDSKBDIACRUC, "KDSKBDIACRUC" },
	{ GIO_FONT, "GIO_FONT" },
	{ PIO_FONT, "PIO_FONT" },
	{ GIO_FONTX, "GIO_FONTX" },
	{ PIO_FONTX, "PIO_FONTX" },
	{ GIO_UNIMAP, "GIO_UNIMAP" },
	{ PIO_UNIMAP, "PIO_UNIMAP" },
	{ GIO_UNISCRNMAP, "GIO_UNISCRNMAP" },
	{ PIO_UNISCRNMAP, "PIO_UNISCRNMAP" },
	{ KDFONTOP, "KDFONTOP" },
};

#define FONT_BYTES	8192	/* GIO_FONT's table: 256 glyphs of 32 rows */
#define GLYPH_BYTES	32	/* a glyph of the font requests: 32 rows of up to 8 pixels */
#define DIACR_MAX	256	/* the entries of struct kbdiacrs{,uc} */
#define UNISCRN_SLOTS	256	/* GIO_UNISCRNMAP's unsigned short[E_TABSZ] */
#define FONT_NAME_MAX	32	/* KD_FONT_OP_SET_DEFAULT's name, with its NUL */

const char *kd_ioctl_name(uint32_t req)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kd_reqs); i++)
		if (kd_reqs[i].req == req)
			return kd_reqs[i].name;
	return NULL;
}

static bool call_wrote(const struct dctx *d)
{
	return d->exited && !d->failed;
}

/*
 * The readable bytes of the argument's blob `sub` (0: the argument itself, 1: what it points
 * to): NULL when there are none; *faulted: the copy ended at memory that did not read.
 */
static const uint8_t *kd_mem(const struct dctx *d, int arg, int sub, size_t *len, bool *faulted)
{
	const struct sc_blob *b = d_blob(d, arg, sub, false);

	*len = 0;
	*faulted = true;
	if (!b || !d->args[arg] || ((b->flags & BLOBF_FAULT) && !(b->flags & BLOBF_PART)))
		return NULL;
	*len = b->len;
	*faulted = b->flags & BLOBF_FAULT;
	return blob_data(b);
}

/* the argument's copy when at least `need` bytes of it read, else its address printed */
static const uint8_t *kd_arg(struct dctx *d, int arg, size_t need, size_t *len)
{
	bool faulted;
	const uint8_t *p = kd_mem(d, arg, 0, len, &faulted);

	if (p && *len >= need)
		return p;
	ob_ptr(d->o, d->args[arg]);
	return NULL;
}

/* 'a', '\n', '\'', '\x7f': a byte as a C character constant */
static void print_kd_char(struct outbuf *o, uint8_t c)
{
	static const char named[] = "\t\n\v\f\r", letter[] = "tnvfr";
	const char *e = c ? strchr(named, c) : NULL;

	if (e)
		ob_printf(o, "'\\%c'", letter[e - named]);
	else if (c == '\'' || c == '\\')
		ob_printf(o, "'\\%c'", c);
	else if (c >= ' ' && c < 0x7f)
		ob_printf(o, "'%c'", c);
	else
		ob_printf(o, "'\\x%02x'", c);
}

/* a keymap number: K_SHIFTTAB, else its modifiers (1<<KG_SHIFT|1<<KG_CTRL) */
static void print_kb_table(struct outbuf *o, uint8_t v)
{
	const char *name = xlat_name(&xlat_kd_keymaps, v);

	if (name)
		xlat_print_const(o, v, XF_HEX, name, NULL);
	else
		xlat_print_flags(o, &xlat_kd_kg_bits, v, NULL);
}

/* a keysym: 0x100 / * K_F1 * /, 0x41 / * K(KT_LATIN, 'A') * /, 0xf00 / * K(0xf, 0) * / */
static void print_keysym(struct outbuf *o, uint16_t v)
{
	const char *name = xlat_name(&xlat_kd_keysyms, v), *type;
	unsigned int t = v >> 8, val = v & 0xff;

	ob_hex(o, v);
	if (xlat_style == XLAT_RAW)
		return;
	ob_puts(o, " /* ");
	if (name) {
		ob_puts(o, name);
	} else {
		ob_puts(o, "K(");
		type = xlat_name(&xlat_kd_key_types, t);
		if (type)
			ob_puts(o, type);
		else
			ob_hex(o, t);
		ob_puts(o, ", ");
		/* the types whose value is a character */
		if (t == KT_LATIN || t == KT_META || t == KT_LETTER || t == KT_DEAD2)
			print_kd_char(o, val);
		else
			ob_hex(o, val);
		ob_putc(o, ')');
	}
	ob_puts(o, " */");
}

/* KDGKBENT, KDSKBENT: the table and index read; the value read (set) or written (get) */
static void print_kbentry(struct dctx *d, int arg, bool set)
{
	size_t len;
	const uint8_t *p = kd_arg(d, arg, 2, &len);

	if (!p)
		return;
	ob_puts(d->o, "{kb_table=");
	print_kb_table(d->o, p[0]);
	ob_printf(d->o, ", kb_index=%u", p[1]);
	if (set || call_wrote(d)) {
		ob_puts(d->o, ", kb_value=");
		if (len >= sizeof(struct kbentry))
			print_keysym(d->o, rd_u16(p + 2));
		else
			ob_puts(d->o, "???");
	}
	ob_putc(d->o, '}');
}

/* KDGKBSENT, KDSKBSENT: the function key's number, and its string as far as -s goes */
static void print_kbsentry(struct dctx *d, int arg, bool set)
{
	const size_t size = sizeof(((struct kbsentry *)0)->kb_string);
	size_t len, lim = d->s->strsize < size ? d->s->strsize : size, n;
	const uint8_t *p = kd_arg(d, arg, 1, &len);
	char buf[32];

	if (!p)
		return;
	snprintf(buf, sizeof(buf), "KVAL(%s)", xlat_name(&xlat_kd_keysyms, K(KT_FN, p[0])));
	ob_puts(d->o, "{kb_func=");
	xlat_print_const(d->o, p[0], XF_HEX, buf, NULL);
	if (set || call_wrote(d)) {
		ob_puts(d->o, ", kb_string=");
		/* up to its NUL or -s, as far as it read */
		for (n = 0; n < len - 1 && n < lim && p[1 + n]; n++)
			;
		if (n == len - 1 && n < lim)
			ob_puts(d->o, "???");
		else
			print_quoted(d, p + 1, n, true, n == lim);
	}
	ob_putc(d->o, '}');
}

typedef void (*kd_elem)(struct outbuf *o, const uint8_t *p);

/*
 * count elements of esize bytes at addr, of which the copy p holds len bytes: as strace's
 * arrays, the first that does not read ends them ("... / * addr * /", the array's address when
 * it is the first), then -s; `more`: the count was cut to what the struct holds ("...").
 */
static void print_kd_array(struct dctx *d, const uint8_t *p, size_t len, bool faulted,
			   uint64_t addr, uint64_t count, size_t esize, kd_elem elem, bool more)
{
	struct outbuf *o = d->o;
	uint64_t avail = p ? len / esize : 0, i;

	if (!addr) {
		ob_ptr(o, addr);
		return;
	}
	if (!count) {
		ob_puts(o, "[]");
		return;
	}
	if (!avail) {
		ob_ptr(o, addr);
		return;
	}
	ob_putc(o, '[');
	for (i = 0; i < count; i++) {
		if (i)
			ob_puts(o, ", ");
		/* the element is read before the -s limit is looked at */
		if (i >= avail) {
			ob_puts(o, "...");
			if (faulted) {
				ob_puts(o, " /* ");
				ob_ptr(o, addr + i * esize);
				ob_puts(o, " */");
			}
			break;
		}
		if (i >= d->s->strsize && !d->s->verbose) {
			ob_puts(o, "...");
			break;
		}
		elem(o, p + i * esize);
	}
	if (i == count && more)
		ob_puts(o, ", ...");
	ob_putc(o, ']');
}

static void print_diacr(struct outbuf *o, const uint8_t *p)
{
	ob_puts(o, "{diacr=");
	print_kd_char(o, p[0]);
	ob_puts(o, ", base=");
	print_kd_char(o, p[1]);
	ob_puts(o, ", result=");
	print_kd_char(o, p[2]);
	ob_putc(o, '}');
}

static void print_diacruc(struct outbuf *o, const uint8_t *p)
{
	ob_printf(o, "{diacr=%#x, base=%#x, result=%#x}", rd_u32(p), rd_u32(p + 4), rd_u32(p + 8));
}

/* KDGKBDIACR{,UC}, KDSKBDIACR{,UC}: kb_cnt entries (the struct holds 256) */
static void print_diacrs(struct dctx *d, int arg, bool set, bool uc)
{
	size_t esize = uc ? sizeof(struct kbdiacruc) : sizeof(struct kbdiacr), len;
	const uint8_t *p;
	bool faulted;
	uint32_t cnt;

	if (!set && !call_wrote(d)) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	p = kd_mem(d, arg, 0, &len, &faulted);
	if (!p || len < 4) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	cnt = rd_u32(p);
	ob_printf(d->o, "{kb_cnt=%u, %s=", cnt, uc ? "kbdiacruc" : "kbdiacr");
	print_kd_array(d, p + 4, len - 4, faulted, d->args[arg] + 4,
		       cnt < DIACR_MAX ? cnt : DIACR_MAX, esize, uc ? print_diacruc : print_diacr,
		       cnt > DIACR_MAX);
	ob_putc(d->o, '}');
}

/*
 * `size` bytes at addr in hex as far as -s goes, from a copy with len readable bytes (p):
 * strace reads no more than it prints and one byte (the "..."), so only those must read.
 */
static void print_kd_bytes(struct dctx *d, const uint8_t *p, size_t len, uint64_t addr,
			   uint64_t size)
{
	uint64_t lim = d->s->strsize, need = size < lim + 1 ? size : lim + 1;
	size_t n;

	if (!addr || (need && (!p || len < need))) {
		ob_ptr(d->o, addr);
		return;
	}
	n = need < lim ? need : lim;
	d->force_hex = true;
	print_quoted(d, p, n, false, size > n);
	d->force_hex = false;
}

/* GIO_FONT, PIO_FONT: the 8192-byte glyph table */
static void print_font(struct dctx *d, int arg, bool get)
{
	size_t len;
	bool faulted;
	const uint8_t *p;

	if (get && !call_wrote(d)) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	p = kd_mem(d, arg, 0, &len, &faulted);
	print_kd_bytes(d, p, len, d->args[arg], FONT_BYTES);
}

/* the bytes of blob 1: what a pointer of the argument points to */
static void print_kd_ref_bytes(struct dctx *d, int arg, uint64_t addr, uint64_t size)
{
	size_t len;
	bool faulted;
	const uint8_t *p = kd_mem(d, arg, 1, &len, &faulted);

	print_kd_bytes(d, p, len, addr, size);
}

/* {charcount=256, charheight=16, chardata=...}: the glyphs with `data`, else their address */
static void print_fontdesc_fields(struct dctx *d, int arg, const uint8_t *p, bool data)
{
	uint16_t count = rd_u16(p);
	uint64_t ptr = rd_u64(p + offsetof(struct consolefontdesc, chardata));

	ob_printf(d->o, "{charcount=%u, charheight=%u, chardata=", count, rd_u16(p + 2));
	if (data && ptr)
		print_kd_ref_bytes(d, arg, ptr, (uint64_t)count * GLYPH_BYTES);
	else
		ob_ptr(d->o, ptr);
	ob_putc(d->o, '}');
}

/* GIO_FONTX, PIO_FONTX: struct consolefontdesc; a get's glyphs after " => " */
static void print_fontdesc(struct dctx *d, int arg, bool get)
{
	size_t len;
	const uint8_t *p = kd_arg(d, arg, sizeof(struct consolefontdesc), &len);

	if (!p)
		return;
	print_fontdesc_fields(d, arg, p, !get);
	if (get && call_wrote(d)) {
		ob_puts(d->o, " => ");
		print_fontdesc_fields(d, arg, p, true);
	}
}

static void print_unipair(struct outbuf *o, const uint8_t *p)
{
	ob_printf(o, "{unicode=%#x, fontpos=%#x}", rd_u16(p), rd_u16(p + 2));
}

/* GIO_UNIMAP, PIO_UNIMAP: struct unimapdesc; a get's count is read and written */
static void print_unimapdesc(struct dctx *d, int arg, bool get)
{
	size_t len, plen;
	const uint8_t *p = kd_arg(d, arg, sizeof(struct unimapdesc), &len), *q;
	uint64_t ptr;
	bool faulted;
	uint16_t ct;

	if (!p)
		return;
	ct = rd_u16(p);
	ptr = rd_u64(p + offsetof(struct unimapdesc, entries));
	ob_printf(d->o, "{entry_ct=%u", ct);
	if (get)
		ob_printf(d->o, " => %u", ct);
	ob_puts(d->o, ", entries=");
	if (get && !call_wrote(d)) {
		ob_ptr(d->o, ptr);
	} else {
		q = kd_mem(d, arg, 1, &plen, &faulted);
		print_kd_array(d, q, plen, faulted, ptr, ct, sizeof(struct unipair), print_unipair,
			       false);
	}
	ob_putc(d->o, '}');
}

/* a unicode screen map slot: UNI_DIRECT_BASE+0x15 for one of the direct font region */
static void print_uniscrn(struct outbuf *o, const uint8_t *p)
{
	uint16_t v = rd_u16(p);
	char buf[32];

	if ((v & ~UNI_DIRECT_MASK) != UNI_DIRECT_BASE) {
		ob_hex(o, v);
		return;
	}
	snprintf(buf, sizeof(buf), "UNI_DIRECT_BASE+%#x", v - UNI_DIRECT_BASE);
	xlat_print_const(o, v, XF_HEX, buf, NULL);
}

/* GIO_UNISCRNMAP, PIO_UNISCRNMAP: unsigned short[256] */
static void print_uniscrnmap(struct dctx *d, int arg, bool get)
{
	size_t len;
	bool faulted;
	const uint8_t *p;

	if (get && !call_wrote(d)) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	p = kd_mem(d, arg, 0, &len, &faulted);
	print_kd_array(d, p, len, faulted, d->args[arg], UNISCRN_SLOTS, 2, print_uniscrn, false);
}

/*
 * KD_FONT_OP_SET_DEFAULT's font name: a string of at most 32 bytes (the kernel's limit; -s if
 * less) with its NUL; one that has none in them prints all but the last and "...".
 */
static void print_font_name(struct dctx *d, int arg, uint64_t addr)
{
	size_t len, lim = d->s->strsize < FONT_NAME_MAX ? d->s->strsize : FONT_NAME_MAX, n;
	bool faulted;
	const uint8_t *p = kd_mem(d, arg, 1, &len, &faulted);

	if (!addr || !p) {
		ob_ptr(d->o, addr);
		return;
	}
	for (n = 0; n < len && n < lim && p[n]; n++)
		;
	if (n < len && n < lim)
		print_quoted(d, p, n, true, false);
	else if (n == lim && lim)
		print_quoted(d, p, lim - 1, true, true);
	else
		/* no NUL in what read, and less than -s of it */
		ob_ptr(d->o, addr);
}

/* width, height, charcount and the glyphs (their address unless `data`) */
static void print_font_op_dims(struct dctx *d, int arg, const uint8_t *p, bool data)
{
	struct console_font_op op;

	memcpy(&op, p, sizeof(op));
	ob_printf(d->o, "width=%u, height=%u, charcount=%u, data=", op.width, op.height,
		  op.charcount);
	if (data && op.data)
		/* a glyph's rows are 32, of (width + 7) / 8 bytes */
		print_kd_ref_bytes(d, arg, (uintptr_t)op.data,
				   ((uint64_t)op.width + 7) / 8 * GLYPH_BYTES * op.charcount);
	else
		ob_ptr(d->o, (uintptr_t)op.data);
}

/* KDFONTOP: struct console_font_op, its fields by the operation */
static void print_font_op(struct dctx *d, int arg)
{
	struct outbuf *o = d->o;
	size_t len;
	const uint8_t *p = kd_arg(d, arg, sizeof(struct console_font_op), &len);
	struct console_font_op op;

	if (!p)
		return;
	memcpy(&op, p, sizeof(op));
	ob_puts(o, "{op=");
	xlat_print_val(o, &xlat_kd_font_ops, op.op, "KD_FONT_OP_???");
	switch (op.op) {
	case KD_FONT_OP_SET_DEFAULT:
		ob_printf(o, ", width=%u, height=%u, data=", op.width, op.height);
		print_font_name(d, arg, (uintptr_t)op.data);
		ob_putc(o, '}');
		if (call_wrote(d))
			ob_printf(o, " => {width=%u, height=%u}", op.width, op.height);
		return;
	case KD_FONT_OP_COPY:
		ob_printf(o, ", height=%u}", op.height);
		return;
	}
	ob_puts(o, ", flags=");
	xlat_print_flags(o, &xlat_kd_font_flags, op.flags, "KD_FONT_FLAG_???");
	ob_puts(o, ", ");
	print_font_op_dims(d, arg, p, op.op == KD_FONT_OP_SET);
	ob_putc(o, '}');
	if (op.op != KD_FONT_OP_SET && call_wrote(d)) {
		ob_puts(o, " => {");
		print_font_op_dims(d, arg, p, op.op == KD_FONT_OP_GET);
		ob_putc(o, '}');
	}
}

void kd_ioctl_arg(struct dctx *d, int arg)
{
	uint32_t req = d->args[1];

	switch (req) {
	case KDGKBENT:
	case KDSKBENT:
		print_kbentry(d, arg, req == KDSKBENT);
		return;
	case KDGKBSENT:
	case KDSKBSENT:
		print_kbsentry(d, arg, req == KDSKBSENT);
		return;
	case KDGKBDIACR:
	case KDSKBDIACR:
		print_diacrs(d, arg, req == KDSKBDIACR, false);
		return;
	case KDGKBDIACRUC:
	case KDSKBDIACRUC:
		print_diacrs(d, arg, req == KDSKBDIACRUC, true);
		return;
	case GIO_FONT:
	case PIO_FONT:
		print_font(d, arg, req == GIO_FONT);
		return;
	case GIO_FONTX:
	case PIO_FONTX:
		print_fontdesc(d, arg, req == GIO_FONTX);
		return;
	case GIO_UNIMAP:
	case PIO_UNIMAP:
		print_unimapdesc(d, arg, req == GIO_UNIMAP);
		return;
	case GIO_UNISCRNMAP:
	case PIO_UNISCRNMAP:
		print_uniscrnmap(d, arg, req == GIO_UNISCRNMAP);
		return;
	case KDFONTOP:
		print_font_op(d, arg);
		return;
	}
	ob_hex(d->o, d->args[arg]);
}

#define ARG_ROW(r, size) { \
	.req = r, .arg_size = size, .ptr_off = IOCTL_REF_NONE, .cnt_off = IOCTL_REF_NONE, \
	.sel_off = IOCTL_REF_NONE, .el_ptr_off = IOCTL_REF_NONE }
#define PTR_ROW(r, ptr, cnt, fl, es, mx) { \
	.req = r, .ptr_off = ptr, .cnt_off = cnt, .flags = fl, .esize = es, .max = mx, \
	.sel_off = IOCTL_REF_NONE, .el_ptr_off = IOCTL_REF_NONE }

unsigned int kd_ioctl_refs(struct ioctl_ref *out, unsigned int max, unsigned int strsize,
			   bool verbose)
{
	/* strings and byte tables: -s bytes and one more; arrays: -s elements and one more */
	unsigned int bytes = strsize < BSTRACE_CHUNK - 1 ? strsize + 1 : BSTRACE_CHUNK - 1;
	unsigned int elems = verbose || strsize >= DIACR_MAX ? DIACR_MAX : strsize + 1;
	unsigned int pairs = verbose || strsize >= 4096 ? 4096 : strsize + 1;
	const struct ioctl_ref refs[] = {
		ARG_ROW(GIO_SCRNMAP, E_TABSZ),
		ARG_ROW(PIO_SCRNMAP, E_TABSZ),
		ARG_ROW(KDGKBSENT, sizeof(struct kbsentry)),
		ARG_ROW(KDSKBSENT, sizeof(struct kbsentry)),
		ARG_ROW(KDGKBDIACR, sizeof(struct kbdiacrs)),
		ARG_ROW(KDSKBDIACR, sizeof(struct kbdiacrs)),
		ARG_ROW(KDGKBDIACRUC, 4 + elems * sizeof(struct kbdiacruc)),
		ARG_ROW(KDSKBDIACRUC, 4 + elems * sizeof(struct kbdiacruc)),
		ARG_ROW(GIO_FONT, bytes < FONT_BYTES ? bytes : FONT_BYTES),
		ARG_ROW(PIO_FONT, bytes < FONT_BYTES ? bytes : FONT_BYTES),
		ARG_ROW(GIO_UNISCRNMAP, UNISCRN_SLOTS * 2),
		ARG_ROW(PIO_UNISCRNMAP, UNISCRN_SLOTS * 2),
		PTR_ROW(GIO_UNIMAP, offsetof(struct unimapdesc, entries), 0, IOCTL_REFF_CNT16,
			sizeof(struct unipair), pairs),
		PTR_ROW(PIO_UNIMAP, offsetof(struct unimapdesc, entries), 0, IOCTL_REFF_CNT16,
			sizeof(struct unipair), pairs),
		PTR_ROW(GIO_FONTX, offsetof(struct consolefontdesc, chardata), 0, IOCTL_REFF_CNT16,
			GLYPH_BYTES, (bytes + GLYPH_BYTES - 1) / GLYPH_BYTES),
		PTR_ROW(PIO_FONTX, offsetof(struct consolefontdesc, chardata), 0, IOCTL_REFF_CNT16,
			GLYPH_BYTES, (bytes + GLYPH_BYTES - 1) / GLYPH_BYTES),
		/* the glyphs' size (or the name's) depends on the operation: -s + 1 bytes */
		PTR_ROW(KDFONTOP, offsetof(struct console_font_op, data), IOCTL_REF_NONE, 0, 1,
			bytes),
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(refs) && i < max; i++)
		out[i] = refs[i];
	return i;
}
