// SPDX-License-Identifier: GPL-2.0
/* Output buffer: decoders append, a full buffer or the end of a batch writes it out. */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <unistd.h>
#include "common.h"
#include "outbuf.h"

void ob_init(struct outbuf *o, int fd)
{
	o->fd = fd;
	o->lossy = false;
	o->err = 0;
	o->lost_lines = 0;
	o->len = 0;
	o->line_start = 0;
}

void (*ob_reader_gone)(void);

void ob_flush(struct outbuf *o)
{
	size_t done = 0;

	while (done < o->line_start) {
		ssize_t n = write(o->fd, o->buf + done, o->line_start - done);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (!o->lossy && errno == EPIPE) {
				/* as strace: killed by SIGPIPE, and a launched command with it */
				if (ob_reader_gone)
					ob_reader_gone();
				signal(SIGPIPE, SIG_DFL);
				raise(SIGPIPE);
			}
			if (!o->lossy)
				die("cannot write trace output: %s", strerror(errno));
			/* a long-running writer (bstraced) keeps going: count what is dropped */
			o->err = errno;
			for (; done < o->line_start; done++)
				o->lost_lines += o->buf[done] == '\n';
			break;
		}
		done += n;
		o->err = 0;
	}
	memmove(o->buf, o->buf + done, o->len - done);
	o->len -= done;
	o->line_start -= done;
}

void ob_printf(struct outbuf *o, const char *fmt, ...)
{
	size_t room = OB_LINE_MAX - 1 - (o->len - o->line_start);
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(o->buf + o->len, room, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->len += (size_t)n < room ? (size_t)n : room - 1;
}

void ob_udec(struct outbuf *o, uint64_t v)
{
	char tmp[24];
	int i = sizeof(tmp);

	do {
		tmp[--i] = '0' + v % 10;
		v /= 10;
	} while (v);
	ob_write(o, tmp + i, sizeof(tmp) - i);
}

void ob_frac(struct outbuf *o, uint64_t v, int width)
{
	char tmp[24];
	int i = sizeof(tmp);

	if (width > (int)sizeof(tmp))
		width = sizeof(tmp);
	while (i > (int)sizeof(tmp) - width) {
		tmp[--i] = '0' + v % 10;
		v /= 10;
	}
	ob_write(o, tmp + i, sizeof(tmp) - i);
}

void ob_dec(struct outbuf *o, int64_t v)
{
	if (v < 0) {
		ob_putc(o, '-');
		ob_udec(o, -(uint64_t)v);
	} else {
		ob_udec(o, v);
	}
}

void ob_hex(struct outbuf *o, uint64_t v)
{
	static const char digits[] = "0123456789abcdef";
	char tmp[20];
	int i = sizeof(tmp);

	if (!v) {
		ob_putc(o, '0');
		return;
	}
	while (v) {
		tmp[--i] = digits[v & 15];
		v >>= 4;
	}
	tmp[--i] = 'x';
	tmp[--i] = '0';
	ob_write(o, tmp + i, sizeof(tmp) - i);
}

void ob_oct(struct outbuf *o, uint64_t v)
{
	char tmp[24];
	int i = sizeof(tmp);

	do {
		tmp[--i] = '0' + (v & 7);
		v >>= 3;
	} while (v);
	if (tmp[i] != '0')
		tmp[--i] = '0';
	ob_write(o, tmp + i, sizeof(tmp) - i);
}

void ob_ptr(struct outbuf *o, uint64_t v)
{
	if (v)
		ob_hex(o, v);
	else
		ob_write(o, "NULL", 4);
}

void ob_pad_to(struct outbuf *o, size_t col)
{
	size_t n;

	if (ob_col(o) >= col)
		return;
	/* as ob_putc would, byte by byte: never past one byte short of OB_LINE_MAX */
	if (col > OB_LINE_MAX - 1)
		col = OB_LINE_MAX - 1;
	n = col > ob_col(o) ? col - ob_col(o) : 0;
	memset(o->buf + o->len, ' ', n);
	o->len += n;
}

void ob_line_begin(struct outbuf *o)
{
	o->line_start = o->len;
}

void ob_line_end(struct outbuf *o)
{
	/* always room for it: ob_putc/ob_write stop one byte short of OB_LINE_MAX */
	o->buf[o->len++] = '\n';
	o->line_start = o->len;
	if (o->len >= OB_SIZE)
		ob_flush(o);
}
