// SPDX-License-Identifier: GPL-2.0
/* Value and flag tables, and the names several printers share: errno and signals. */
#include <stdio.h>
#include <string.h>
#include "decode.h"
#include "xlat/errnos.h"
#include "xlat/signals.h"

const char *xlat_name(const struct xlat *x, uint64_t val)
{
	unsigned int i;

	for (i = 0; i < x->n; i++)
		if (x->e[i].val == val)
			return x->e[i].name;
	return NULL;
}

enum xlat_style xlat_style = XLAT_ABBREV;

/* xlat_names_begin/xlat_comment_begin nest (open flags inside F_SETFL's...); the first one
 * that opens a comment closes it */
static int names_depth, names_open;	/* open: the depth that opened the comment, or 0 */
static enum xlat_style names_style;	/* the style to restore at its end */

void xlat_print_num(struct outbuf *o, uint64_t val, enum xlat_fmt fmt)
{
	switch (fmt) {
	case XF_DEC:
		ob_dec(o, (int64_t)val);
		break;
	case XF_UDEC:
		ob_udec(o, val);
		break;
	case XF_OCT:
		ob_oct(o, val);
		break;
	default:
		ob_hex(o, val);
	}
}

void xlat_print_const(struct outbuf *o, uint64_t val, enum xlat_fmt fmt, const char *name,
		      const char *unknown)
{
	if (name && xlat_style == XLAT_ABBREV) {
		ob_puts(o, name);
		return;
	}
	xlat_print_num(o, val, fmt);
	if (xlat_style == XLAT_RAW)
		return;
	if (!name)
		name = unknown;
	if (name)
		ob_printf(o, " /* %s */", name);
}

void xlat_print_val(struct outbuf *o, const struct xlat *x, uint64_t val, const char *unknown)
{
	xlat_print_const(o, val, XF_HEX, xlat_name(x, val), unknown);
}

bool xlat_names_begin(struct outbuf *o, uint64_t val, enum xlat_fmt fmt)
{
	if (xlat_style == XLAT_ABBREV) {
		names_depth++;
		return true;
	}
	xlat_print_num(o, val, fmt);
	return xlat_comment_begin(o);
}

bool xlat_comment_begin(struct outbuf *o)
{
	if (xlat_style == XLAT_RAW)
		return false;
	ob_puts(o, " /* ");
	names_style = xlat_style;
	xlat_style = XLAT_ABBREV;
	names_open = ++names_depth;
	return true;
}

void xlat_names_end(struct outbuf *o)
{
	if (names_open && names_open == names_depth) {
		ob_puts(o, " */");
		xlat_style = names_style;
		names_open = 0;
	}
	names_depth--;
}

/* the names of val's bits, then the rest in hex */
static void print_flag_names(struct outbuf *o, const struct xlat *x, uint64_t val)
{
	bool any = false;
	unsigned int i;

	for (i = 0; i < x->n && val; i++) {
		uint64_t f = x->e[i].val;

		if (!f || (val & f) != f)
			continue;
		if (any)
			ob_putc(o, '|');
		ob_puts(o, x->e[i].name);
		val &= ~f;
		any = true;
	}
	if (any && val) {
		ob_putc(o, '|');
		ob_hex(o, val);
	}
}

/* has any named nonzero flag of `x` all its bits in `val`? */
bool xlat_has_flag(const struct xlat *x, uint64_t val)
{
	unsigned int i;

	for (i = 0; i < x->n; i++)
		if (x->e[i].val && (val & x->e[i].val) == x->e[i].val)
			return true;
	return false;
}

void xlat_print_flags(struct outbuf *o, const struct xlat *x, uint64_t val, const char *unknown)
{
	if (!val) {
		xlat_print_const(o, 0, XF_HEX, xlat_name(x, 0), NULL);
		return;
	}
	if (!xlat_has_flag(x, val)) {
		xlat_print_const(o, val, XF_HEX, NULL, unknown);
		return;
	}
	if (xlat_names_begin(o, val, XF_HEX)) {
		print_flag_names(o, x, val);
		xlat_names_end(o);
	}
}

const char *errno_name(int err)
{
	return xlat_name(&xlat_errnos, err);
}

/* SIGUSR1, SIGRTMIN, SIGRT_3; NULL for a number with no name */
static const char *sig_name(int sig, char *buf, size_t len)
{
	const char *n = xlat_name(&xlat_signals, sig);

	if (n)
		return n;
	if (sig == 32)
		return "SIGRTMIN";
	if (sig > 32 && sig <= 64) {
		snprintf(buf, len, "SIGRT_%d", sig - 32);
		return buf;
	}
	return NULL;
}

const char *signal_name(int sig, char *buf, size_t len)
{
	const char *n = sig_name(sig, buf, len);

	if (n)
		return n;
	snprintf(buf, len, "%d", sig);
	return buf;
}

void print_signal(struct outbuf *o, int sig)
{
	char buf[16];

	xlat_print_const(o, (uint64_t)(int64_t)sig, XF_DEC, sig_name(sig, buf, sizeof(buf)), NULL);
}

/* [HUP INT], or ~[KILL STOP] when more than half the signals are set, as strace does */
void print_sigset(struct outbuf *o, const uint8_t *mask, size_t bytes)
{
	unsigned int nsig = bytes * 8 > 64 ? 64 : bytes * 8, i, set = 0;
	bool inv, first = true;
	char buf[16];

	for (i = 0; i < nsig; i++)
		set += (mask[i / 8] >> (i % 8)) & 1;
	inv = set > nsig / 2;
	if (inv)
		ob_putc(o, '~');
	ob_putc(o, '[');
	for (i = 0; i < nsig; i++) {
		bool bit = (mask[i / 8] >> (i % 8)) & 1;
		const char *n;

		if (bit == inv)
			continue;
		if (!first)
			ob_putc(o, ' ');
		n = sig_name(i + 1, buf, sizeof(buf));
		xlat_print_const(o, i + 1, XF_DEC, n ? n + 3 : NULL, NULL);
		first = false;
	}
	ob_putc(o, ']');
}
