// SPDX-License-Identifier: GPL-2.0
/* rt_sigreturn: the signal mask the returning handler's frame restores. */
#include <string.h>
#include "decode.h"

void print_SIGFRAME_MASK(struct dctx *d, int arg)
{
	const struct sc_blob *b = d_blob(d, arg, 0, false);

	ob_puts(d->o, "{mask=");
	if (b && !(b->flags & BLOBF_FAULT) && b->len >= 8)
		print_sigset(d->o, blob_data(b), 8);
	else
		ob_puts(d->o, "???");
	ob_putc(d->o, '}');
}

/* pselect6: {sigmask=[USR1], sigsetsize=8} */
void print_PSELECT6_SIG(struct dctx *d, int arg)
{
	const struct sc_blob *b = d_mem(d, arg, false), *set;
	uint64_t ptr, size;

	if (!b)
		return;
	if (b->len < 16) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	memcpy(&ptr, blob_data(b), 8);
	memcpy(&size, blob_data(b) + 8, 8);
	ob_puts(d->o, "{sigmask=");
	set = d_blob(d, arg, 1, false);
	if (!ptr)
		ob_puts(d->o, "NULL");
	else if (set && !(set->flags & BLOBF_FAULT) && set->len == 8 && size == 8)
		print_sigset(d->o, blob_data(set), 8);
	else
		ob_hex(d->o, ptr);
	ob_printf(d->o, ", sigsetsize=%llu}", (unsigned long long)size);
}
