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
	ob_printf(d->o, "%#03o", (uint32_t)d->args[arg]);
}

/*
 * -y: the path behind a descriptor, read from /proc when the line is printed. The process may
 * have closed it by then (close() itself always has), so the last path seen for a (tgid, fd) is
 * kept in a small cache; fd_cache_drop() forgets it once close() has been printed.
 */
#define FD_CACHE_SIZE 4096
static struct fd_cache_entry {
	uint32_t tgid;
	int32_t fd;
	char *path;
} fd_cache[FD_CACHE_SIZE];

static struct fd_cache_entry *fd_cache_slot(uint32_t tgid, int32_t fd)
{
	return &fd_cache[(tgid * 31u + (uint32_t)fd) % FD_CACHE_SIZE];
}

void fd_cache_drop(uint32_t tgid, int64_t fd)
{
	struct fd_cache_entry *e = fd_cache_slot(tgid, fd);

	if (e->tgid == tgid && e->fd == fd && e->path) {
		free(e->path);
		e->path = NULL;
	}
}

static const char *fd_path(uint32_t tgid, int32_t fd, char *buf, size_t len)
{
	struct fd_cache_entry *e = fd_cache_slot(tgid, fd);
	char link[64];
	ssize_t n;

	snprintf(link, sizeof(link), "/proc/%u/fd/%d", tgid, fd);
	n = readlink(link, buf, len - 1);
	if (n > 0) {
		buf[n] = 0;
		if (e->path && e->tgid == tgid && e->fd == fd && !strcmp(e->path, buf))
			return buf;
		free(e->path);
		e->tgid = tgid;
		e->fd = fd;
		e->path = strdup(buf);
		return buf;
	}
	return e->path && e->tgid == tgid && e->fd == fd ? e->path : NULL;
}

void print_fd(struct dctx *d, int64_t fd)
{
	char buf[BSTRACE_PATH_MAX];
	const char *path;
	size_t mark;

	ob_dec(d->o, fd);
	if (!d->s->fd_paths || fd < 0 || fd > INT32_MAX)
		return;
	path = fd_path(d->tgid, fd, buf, sizeof(buf));
	if (!path)
		return;
	ob_putc(d->o, '<');
	/* escaped like a string, without the quotes */
	mark = d->o->len;
	print_quoted(d, (const uint8_t *)path, strlen(path), false, false);
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
