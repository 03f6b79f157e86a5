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

void xlat_print_val(struct outbuf *o, const struct xlat *x, uint64_t val, const char *unknown)
{
	const char *n = xlat_name(x, val);

	if (n) {
		ob_puts(o, n);
		return;
	}
	ob_hex(o, val);
	if (unknown)
		ob_printf(o, " /* %s */", unknown);
}

void xlat_print_flags(struct outbuf *o, const struct xlat *x, uint64_t val, const char *zero)
{
	bool first = true;
	unsigned int i;

	if (!val) {
		const char *n = xlat_name(x, 0);

		ob_puts(o, n ? n : zero ? zero : "0");
		return;
	}
	for (i = 0; i < x->n && val; i++) {
		uint64_t f = x->e[i].val;

		if (!f || (val & f) != f)
			continue;
		if (!first)
			ob_putc(o, '|');
		ob_puts(o, x->e[i].name);
		val &= ~f;
		first = false;
	}
	if (val) {
		if (!first)
			ob_putc(o, '|');
		ob_hex(o, val);
	}
}

const char *errno_name(int err)
{
	return xlat_name(&xlat_errnos, err);
}

const char *signal_name(int sig, char *buf, size_t len)
{
	const char *n = xlat_name(&xlat_signals, sig);

	if (n)
		return n;
	if (sig == 32)
		return "SIGRTMIN";
	if (sig > 32 && sig <= 64)
		snprintf(buf, len, "SIGRT_%d", sig - 32);
	else
		snprintf(buf, len, "%d", sig);
	return buf;
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

		if (bit == inv)
			continue;
		if (!first)
			ob_putc(o, ' ');
		ob_puts(o, signal_name(i + 1, buf, sizeof(buf)) + 3);
		first = false;
	}
	ob_putc(o, ']');
}
