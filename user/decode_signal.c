// SPDX-License-Identifier: GPL-2.0
/* rt_sigreturn: the signal mask the returning handler's frame restores. */
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
