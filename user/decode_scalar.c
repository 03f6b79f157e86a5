// SPDX-License-Identifier: GPL-2.0
/* Arguments that are plain register values. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "decode.h"

void print_INT(struct dctx *d, int arg)
{
	ob_dec(d->o, (int32_t)d->args[arg]);
}

void print_UINT(struct dctx *d, int arg)
{
	ob_udec(d->o, (uint32_t)d->args[arg]);
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

void print_PTR(struct dctx *d, int arg)
{
	ob_ptr(d->o, d->args[arg]);
}

void print_OCT(struct dctx *d, int arg)
{
	uint32_t m = d->args[arg];

	ob_printf(d->o, "%#03o", m);
}

void print_UMASK(struct dctx *d, int arg)
{
	ob_printf(d->o, "%#03o", (uint32_t)d->args[arg]);
}

void print_fd(struct dctx *d, int64_t fd)
{
	char link[64], path[BSTRACE_PATH_MAX];
	ssize_t n;

	ob_dec(d->o, fd);
	if (!d->s->fd_paths || fd < 0)
		return;
	snprintf(link, sizeof(link), "/proc/%u/fd/%d", d->tgid, (int)fd);
	n = readlink(link, path, sizeof(path) - 1);
	if (n <= 0)
		return;
	ob_putc(d->o, '<');
	/* escape like a string, without the quotes */
	size_t mark = d->o->len;

	print_quoted(d, (const uint8_t *)path, n, false, false);
	memmove(d->o->buf + mark, d->o->buf + mark + 1, d->o->len - mark - 2);
	d->o->len -= 2;
	ob_putc(d->o, '>');
}

void print_FD(struct dctx *d, int arg)
{
	print_fd(d, (int32_t)d->args[arg]);
}

void print_DIRFD(struct dctx *d, int arg)
{
	if ((int32_t)d->args[arg] == -100)
		ob_puts(d->o, "AT_FDCWD");
	else
		print_FD(d, arg);
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
	char buf[16];
	int sig = (int32_t)d->args[arg];

	if (sig > 0 && sig <= 64)
		ob_puts(d->o, signal_name(sig, buf, sizeof(buf)));
	else
		ob_dec(d->o, sig);
}
