// SPDX-License-Identifier: GPL-2.0
/* Arguments that are plain register values. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "decode.h"

void print_INT(struct dctx *d, int arg)
{
	ob_dec(d->o, (int64_t)d->args[arg]);	/* T_INT: sign-extended */
}

void print_UINT(struct dctx *d, int arg)
{
	ob_udec(d->o, d->args[arg]);	/* T_UINT */
}

void print_LONG(struct dctx *d, int arg)
{
	ob_dec(d->o, (int64_t)d->args[arg]);
}

void print_ULONG(struct dctx *d, int arg)
{
	ob_udec(d->o, d->args[arg]);
}

void print_HEX(struct dctx *d, int arg)
{
	ob_hex(d->o, d->args[arg]);
}

void print_HEX32(struct dctx *d, int arg)
{
	ob_hex(d->o, (uint32_t)d->args[arg]);
}

void print_PTR(struct dctx *d, int arg)
{
	ob_ptr(d->o, d->args[arg]);
}

void print_OCT(struct dctx *d, int arg)
{
	unsigned int m = d->args[arg];	/* T_UMODE */

	ob_printf(d->o, "%#03o", m);
}

/* open/openat/mq_open: the flags are the argument before the mode */
void print_OPEN_MODE(struct dctx *d, int arg)
{
	uint64_t flags = arg > 0 ? d->args[arg - 1] : 0;

	/* the kernel's __O_TMPFILE bit (glibc's macro also has O_DIRECTORY in it) */
	if (!(flags & (O_CREAT | 020000000))) {
		d->omit = true;
		return;
	}
	print_OCT(d, arg);
}

void print_UMASK(struct dctx *d, int arg)
{
	print_OCT(d, arg);
}

void print_DIRFD(struct dctx *d, int arg)
{
	if ((int32_t)d->args[arg] == -100) {
		xlat_print_const(d->o, (uint64_t)-100, XF_DEC, "AT_FDCWD", NULL);
		print_cwd_suffix(d);
	} else {
		print_FD(d, arg);
	}
}

void print_UID(struct dctx *d, int arg)
{
	uint32_t id = d->args[arg];

	if (id == (uint32_t)-1)
		ob_puts(d->o, "-1");
	else
		ob_udec(d->o, id);
}

void print_SIGNUM(struct dctx *d, int arg)
{
	print_signal(d->o, (int32_t)d->args[arg]);
}
