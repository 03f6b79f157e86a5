// SPDX-License-Identifier: GPL-2.0
/*
 * Classic BPF programs (linux/filter.h): struct sock_fprog and its struct sock_filter
 * instructions, as socket filters (SO_ATTACH_FILTER, SO_ATTACH_REUSEPORT_CBPF, SO_GET_FILTER)
 * and seccomp filters (seccomp(2) SECCOMP_SET_MODE_FILTER, prctl(2) PR_SET_SECCOMP) pass
 * them. With -v every instruction prints as the macro that builds it: BPF_STMT(code, k), or
 * BPF_JUMP(code, k, jt, jf) when it has a jump offset.
 */
#include <linux/filter.h>
#include "decode.h"
#include "xlat/bpf_alu_ops.h"
#include "xlat/bpf_classes.h"
#include "xlat/bpf_jmp_ops.h"
#include "xlat/bpf_misc_ops.h"
#include "xlat/bpf_modes.h"
#include "xlat/bpf_rvals.h"
#include "xlat/bpf_sizes.h"
#include "xlat/bpf_srcs.h"
#include "xlat/seccomp_ret_actions.h"
#include "xlat/skf_ad.h"

#define SOCK_FILTER_BYTES	8	/* struct sock_filter: u16 code, u8 jt, u8 jf, u32 k */
#define SECCOMP_ACTION_MASK	0xffff0000u	/* SECCOMP_RET_ACTION_FULL */
#define SECCOMP_DATA_MASK	0x0000ffffu	/* SECCOMP_RET_DATA */

/* bits the code's fields leave over: strace names them unknown whatever -X says */
static void print_code_rest(struct outbuf *o, uint32_t rest)
{
	if (rest)
		ob_printf(o, "|%#x /* BPF_??? */", rest);
}

/* BPF_LD|BPF_W|BPF_ABS: the class, then the fields that class has */
static void print_code(struct outbuf *o, uint16_t code)
{
	uint32_t cls = BPF_CLASS(code);

	xlat_print_val(o, &xlat_bpf_classes, cls, "BPF_???");
	switch (cls) {
	case BPF_LD:
	case BPF_LDX:
		ob_putc(o, '|');
		xlat_print_val(o, &xlat_bpf_sizes, BPF_SIZE(code), "BPF_???");
		ob_putc(o, '|');
		xlat_print_val(o, &xlat_bpf_modes, BPF_MODE(code), "BPF_???");
		break;
	case BPF_ST:
	case BPF_STX:
		print_code_rest(o, code & ~7u);
		break;
	case BPF_ALU:
	case BPF_JMP:
		ob_putc(o, '|');
		xlat_print_val(o, &xlat_bpf_srcs, BPF_SRC(code), "BPF_???");
		ob_putc(o, '|');
		xlat_print_val(o, cls == BPF_ALU ? &xlat_bpf_alu_ops : &xlat_bpf_jmp_ops,
			       BPF_OP(code), "BPF_???");
		break;
	case BPF_RET:
		ob_putc(o, '|');
		xlat_print_val(o, &xlat_bpf_rvals, BPF_RVAL(code), "BPF_???");
		print_code_rest(o, code & ~0x1fu);
		break;
	case BPF_MISC:
		ob_putc(o, '|');
		xlat_print_val(o, &xlat_bpf_misc_ops, BPF_MISCOP(code) & 0xff, "BPF_???");
		print_code_rest(o, code & ~0xffu);
		break;
	}
}

/* a socket filter's absolute load: SKF_AD_OFF+SKF_AD_PROTOCOL, SKF_NET_OFF+8, SKF_LL_OFF+4 */
static void print_skf_offset(struct outbuf *o, uint32_t k)
{
	if (k >= (uint32_t)SKF_AD_OFF) {
		xlat_print_const(o, (uint32_t)SKF_AD_OFF, XF_HEX, "SKF_AD_OFF", NULL);
		ob_putc(o, '+');
		xlat_print_val(o, &xlat_skf_ad, k - (uint32_t)SKF_AD_OFF, "SKF_AD_???");
	} else if (k >= (uint32_t)SKF_NET_OFF) {
		xlat_print_const(o, (uint32_t)SKF_NET_OFF, XF_HEX, "SKF_NET_OFF", NULL);
		ob_printf(o, "+%u", k - (uint32_t)SKF_NET_OFF);
	} else if (k >= (uint32_t)SKF_LL_OFF) {
		xlat_print_const(o, (uint32_t)SKF_LL_OFF, XF_HEX, "SKF_LL_OFF", NULL);
		ob_printf(o, "+%u", k - (uint32_t)SKF_LL_OFF);
	} else {
		ob_hex(o, k);
	}
}

/* a seccomp filter's return value: SECCOMP_RET_ERRNO|0x10 */
static void print_seccomp_ret(struct outbuf *o, uint32_t k)
{
	xlat_print_val(o, &xlat_seccomp_ret_actions, k & SECCOMP_ACTION_MASK, "SECCOMP_RET_???");
	if (k & SECCOMP_DATA_MASK)
		ob_printf(o, "|%#x", k & SECCOMP_DATA_MASK);
}

void print_cbpf_insn(struct outbuf *o, const uint8_t *p, bool seccomp)
{
	uint16_t code = rd_u16(p);
	uint8_t jt = p[2], jf = p[3];
	uint32_t k = rd_u32(p + 4);

	if (jt || jf) {
		ob_puts(o, "BPF_JUMP(");
		print_code(o, code);
		ob_printf(o, ", %#x, %#x, %#x)", k, jt, jf);
		return;
	}
	ob_puts(o, "BPF_STMT(");
	print_code(o, code);
	ob_puts(o, ", ");
	if (seccomp && BPF_CLASS(code) == BPF_RET)
		print_seccomp_ret(o, k);
	else if (!seccomp && BPF_CLASS(code) == BPF_LD && BPF_MODE(code) == BPF_ABS)
		print_skf_offset(o, k);
	else
		ob_hex(o, k);
	ob_putc(o, ')');
}

void print_bpf_filter(struct dctx *d, const struct sc_blob *b, uint64_t addr, uint64_t count,
		      bool seccomp)
{
	struct outbuf *o = d->o;
	uint64_t i, avail;
	bool part;

	if (!addr || !d->s->verbose) {
		ob_ptr(o, addr);
		return;
	}
	if (!count) {
		ob_puts(o, "[]");
		return;
	}
	part = b && (b->flags & BLOBF_FAULT) && (b->flags & BLOBF_PART);
	avail = !b || ((b->flags & BLOBF_FAULT) && !part) ? 0 : b->len / SOCK_FILTER_BYTES;
	if (!avail) {
		ob_ptr(o, addr);
		return;
	}
	ob_putc(o, '[');
	for (i = 0; i < count; i++) {
		if (i)
			ob_puts(o, ", ");
		/* strace stops at the kernel's limit; the copy may have stopped earlier */
		if (i >= BPF_MAXINSNS || i >= avail) {
			ob_puts(o, "...");
			if (i < BPF_MAXINSNS && part) {
				ob_puts(o, " /* ");
				ob_ptr(o, addr + i * SOCK_FILTER_BYTES);
				ob_puts(o, " */");
			}
			break;
		}
		print_cbpf_insn(o, blob_data(b) + i * SOCK_FILTER_BYTES, seccomp);
	}
	ob_putc(o, ']');
}

void print_sock_fprog(struct dctx *d, int arg, bool exit, const uint8_t *p, bool seccomp)
{
	uint64_t filter = rd_u64(p + 8);

	ob_printf(d->o, "{len=%u, filter=", rd_u16(p));
	/* the program: a second copy (blob sub 1) that BPF makes with -v */
	print_bpf_filter(d, d_blob(d, arg, 1, exit), filter, rd_u16(p), seccomp);
	ob_putc(d->o, '}');
}
