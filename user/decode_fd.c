// SPDX-License-Identifier: GPL-2.0
/*
 * -y, -yy, -P: what a descriptor refers to, as the kernel described it at the call (struct sc_fd
 * in bpf/bstrace.h). Nothing is looked up in /proc: by the time a line prints, the process or
 * the fd may be gone or reused. The text is what strace 6.1 prints: <path>, <socket:[ino]>,
 * <pipe:[ino]>, <anon_inode:[eventfd]>, and with -yy <TCP:[a:p->b:q]>, <UNIX-STREAM:[i->j]>,
 * <NETLINK:[ROUTE:pid]>, </dev/null<char 1:3>>, <pid:N>.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "decode.h"
#include "xlat/net_netlink_proto.h"

struct fd_found {
	const struct sc_event_hdr *rec;
	const struct sc_blob *head;	/* sub 0: the struct sc_fd */
	struct sc_fd f;
};

/* The description of `fd` in one record, if the kernel made one. */
static bool find_in(const struct sc_event_hdr *rec, int64_t fd, struct fd_found *out)
{
	const struct sc_blob *b = NULL;

	while ((b = blob_next(rec, b))) {
		if (!(b->flags & BLOBF_FD) || b->sub || b->len < sizeof(struct sc_fd))
			continue;
		memcpy(&out->f, blob_data(b), sizeof(out->f));
		if (out->f.fd != fd)
			continue;
		out->rec = rec;
		out->head = b;
		return true;
	}
	return false;
}

/* Arguments were described at enter when an enter record exists; returned fds at exit. */
static bool fd_find(const struct dctx *d, int64_t fd, bool ret, struct fd_found *out)
{
	const struct sc_event_hdr *first = ret ? d->ev_exit : d->ev_enter;
	const struct sc_event_hdr *second = ret ? d->ev_enter : d->ev_exit;

	if (fd < INT32_MIN || fd > INT32_MAX)
		return false;
	return find_in(first, fd, out) || find_in(second, fd, out);
}

/* part `sub` of a description: its parts follow its first blob (the kernel's cache copies a
 * description as a whole, so their blob arg may be another description's) */
static const struct sc_blob *fd_part(const struct fd_found *x, unsigned int sub)
{
	const struct sc_blob *b = x->head;

	while ((b = blob_next(x->rec, b)) && (b->flags & BLOBF_FD) && b->sub)
		if (b->sub == sub)
			return b;
	return NULL;
}

/* The path from its components (last one first in the record); returns its length. */
static size_t join_path(const struct fd_found *x, char *buf, size_t len)
{
	size_t n = 0;
	unsigned int i;

	/* deeper than the walk went, or longer than PATH_MAX: readlink would fail, so no path */
	if (len < 2 || (x->f.flags & FDF_TRUNC))
		return 0;
	for (i = x->f.ncomp; i >= 1; i--) {
		const struct sc_blob *c = fd_part(x, i);

		if (!c || n + 1 + c->len >= len || n + 1 + c->len >= BSTRACE_PATH_MAX)
			return 0;
		buf[n++] = '/';
		memcpy(buf + n, blob_data(c), c->len);
		n += c->len;
	}
	if (!n)
		buf[n++] = '/';
	buf[n] = 0;
	return n;
}

/* What readlink(/proc/PID/fd/N) gives for the fd: a path, or socket:[ino], pipe:[ino] ... */
static size_t fd_link(const struct fd_found *x, char *buf, size_t len)
{
	const struct sc_blob *name;
	int n = 0;

	switch (x->f.kind) {
	case FDK_PATH:
		return join_path(x, buf, len);
	case FDK_SOCKET:
		n = snprintf(buf, len, "socket:[%llu]", (unsigned long long)x->f.ino);
		break;
	case FDK_PIPE:
		n = snprintf(buf, len, "pipe:[%llu]", (unsigned long long)x->f.ino);
		break;
	case FDK_PIDFD:
		n = snprintf(buf, len, "anon_inode:[pidfd]");
		break;
	case FDK_ANON:
	case FDK_OTHER:
		name = fd_part(x, 1);
		if (!name)
			return 0;
		n = snprintf(buf, len, "%s%.*s", x->f.kind == FDK_ANON ? "anon_inode:" : "",
			     (int)name->len, (const char *)blob_data(name));
		break;
	default:
		return 0;
	}
	return n < 0 ? 0 : (size_t)n >= len ? len - 1 : (size_t)n;
}

size_t fd_desc_path(const struct dctx *d, int64_t fd, char *buf, size_t len)
{
	struct fd_found x;

	if (!fd_find(d, fd, false, &x))
		return 0;
	return fd_link(&x, buf, len);
}

static void put_inet(struct outbuf *o, int family, const uint8_t *addr, unsigned int port)
{
	char a[INET6_ADDRSTRLEN];

	if (!inet_ntop(family, addr, a, sizeof(a)))
		a[0] = 0;
	ob_printf(o, family == AF_INET6 ? "[%s]:%u" : "%s:%u", a, port);
}

/*
 * -yy: a socket's endpoints as strace prints them from sock_diag. Like strace, the first
 * description found for an inode is kept (1024 slots by inode): a socket keeps the endpoints
 * it had when first seen with any, after its peer closed too.
 */
#define SOCK_CACHE 1024
static struct sock_seen {
	uint64_t ino;
	char *text;
} sock_cache[SOCK_CACHE];

/* the endpoints, or false when strace would find none (an unbound socket: socket:[ino]) */
static bool sock_text(struct dctx *d, const struct fd_found *x, struct outbuf *o)
{
	const struct sc_fd *f = &x->f;
	const struct sc_blob *path;
	const char *nl;

	ob_printf(o, "%s:[", f->proto);
	switch (f->family) {
	case AF_INET:
	case AF_INET6: {
		static const uint8_t zero[16];

		/* not in the kernel's tables until bound */
		if (!f->sport)
			return false;
		put_inet(o, f->family, f->saddr, f->sport);
		if (f->dport || memcmp(f->daddr, zero, f->family == AF_INET ? 4 : 16)) {
			ob_puts(o, "->");
			put_inet(o, f->family, f->daddr, f->dport);
		}
		break;
	}
	case AF_UNIX:
		path = fd_part(x, 1);
		if (!f->extra && !(path && path->len))
			return false;
		ob_printf(o, "%llu", (unsigned long long)f->ino);
		if (f->extra)
			ob_printf(o, "->%llu", (unsigned long long)f->extra);
		if (path && path->len) {
			const uint8_t *p = blob_data(path);
			size_t n = path->len < 108 ? path->len : 108;

			ob_putc(o, ',');
			if (!p[0]) {	/* the abstract namespace */
				ob_putc(o, '@');
				p++;
				n--;
			}
			print_quoted(d, p, strnlen((const char *)p, n), false, false);
		}
		break;
	case AF_NETLINK:
		nl = xlat_name(&xlat_net_netlink_proto, f->protocol);
		if (!f->portid)
			return false;
		if (nl && !strncmp(nl, "NETLINK_", 8))
			ob_printf(o, "%s:%u", nl + 8, f->portid);
		else
			ob_printf(o, "%u:%u", f->protocol, f->portid);
		break;
	default:
		return false;
	}
	ob_putc(o, ']');
	return true;
}

static bool put_socket(struct dctx *d, const struct fd_found *x)
{
	struct sock_seen *e = &sock_cache[x->f.ino % SOCK_CACHE];
	struct outbuf *o = d->o;
	size_t mark = o->len;

	if (e->text && e->ino == x->f.ino) {
		ob_puts(o, e->text);
		return true;
	}
	if (!x->f.proto[0] || !memchr(x->f.proto, 0, sizeof(x->f.proto)))
		return false;
	if (!sock_text(d, x, o)) {
		/* known by its inode only */
		o->len = mark;
		ob_printf(o, "%s:[%llu]", x->f.proto, (unsigned long long)x->f.ino);
		return true;
	}
	free(e->text);
	e->text = strndup(o->buf + mark, o->len - mark);
	e->ino = x->f.ino;
	return true;
}

/* "<...>" after an fd's number, by the -e decode-fds= classes asked for */
static void put_fd_suffix(struct dctx *d, int64_t fd, bool ret)
{
	unsigned int df = d->s->decode_fds;
	char buf[BSTRACE_PATH_MAX + 16];
	struct fd_found x;
	size_t n;

	if (!df || !fd_find(d, fd, ret, &x) || x.f.kind == FDK_NONE)
		return;
	if (x.f.kind == FDK_SOCKET && (df & DF_SOCKET)) {
		size_t mark = d->o->len;

		ob_putc(d->o, '<');
		if (put_socket(d, &x)) {
			ob_putc(d->o, '>');
			return;
		}
		d->o->len = mark;
	}
	if (x.f.kind == FDK_PIDFD && (df & DF_PIDFD)) {
		ob_printf(d->o, "<pid:%llu>", (unsigned long long)x.f.extra);
		return;
	}
	if (!(df & DF_PATH) && !(x.f.kind == FDK_PATH && (df & DF_DEV) &&
				 (S_ISCHR(x.f.mode) || S_ISBLK(x.f.mode))))
		return;
	n = fd_link(&x, buf, sizeof(buf));
	if (!n)
		return;
	ob_putc(d->o, '<');
	print_fd_path(d->o, buf, n);
	if (x.f.kind == FDK_PATH && (df & DF_DEV) && (S_ISCHR(x.f.mode) || S_ISBLK(x.f.mode)))
		ob_printf(d->o, "<%s %u:%u>", S_ISCHR(x.f.mode) ? "char" : "block",
			  x.f.rdev >> 20, x.f.rdev & 0xfffff);
	ob_putc(d->o, '>');
	/* an unlinked file: after the path, as strace prints it */
	if (x.f.flags & FDF_DELETED)
		ob_puts(d->o, "(deleted)");
}

void print_fd(struct dctx *d, int64_t fd)
{
	ob_dec(d->o, fd);
	if (fd >= 0)
		put_fd_suffix(d, fd, false);
}

void print_ret_fd(struct dctx *d, int64_t fd)
{
	ob_dec(d->o, fd);
	if (fd >= 0)
		put_fd_suffix(d, fd, true);
}

void print_cwd_suffix(struct dctx *d)
{
	put_fd_suffix(d, -100, false);
}

void print_FD(struct dctx *d, int arg)
{
	print_fd(d, (int32_t)d->args[arg]);
}
