/* SPDX-License-Identifier: GPL-2.0 */
/* A large output buffer with allocation-free formatting for the event path. */
#ifndef BSTRACE_OUTBUF_H
#define BSTRACE_OUTBUF_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define OB_SIZE		(1 << 18)
/* a line may not grow past this (flushed before): above the longest a record can print, two
 * 32 KiB records of captures at 4 characters per byte */
#define OB_LINE_MAX	(1 << 19)

struct outbuf {
	int fd;
	bool lossy;		/* a write error drops the lines (counted) instead of exiting */
	int err;		/* lossy: errno of the last failed write, 0 after a good one */
	uint64_t lost_lines;	/* lossy: lines dropped by write errors */
	size_t len;
	size_t line_start;	/* offset where the current line began (for column counting) */
	char buf[OB_SIZE + OB_LINE_MAX];
};

/* called when the reader of the output is gone (EPIPE), before bstrace dies of SIGPIPE */
extern void (*ob_reader_gone)(void);

void ob_init(struct outbuf *o, int fd);
void ob_flush(struct outbuf *o);
void ob_printf(struct outbuf *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ob_dec(struct outbuf *o, int64_t v);
void ob_udec(struct outbuf *o, uint64_t v);
void ob_frac(struct outbuf *o, uint64_t v, int width);	/* v in `width` digits, zeros in front */
void ob_hex(struct outbuf *o, uint64_t v);	/* 0x1f; 0 prints "0" as strace does */
void ob_oct(struct outbuf *o, uint64_t v);	/* 0644; 0 prints "0" */
void ob_ptr(struct outbuf *o, uint64_t v);	/* NULL or 0x7f... */
void ob_pad_to(struct outbuf *o, size_t col);	/* spaces up to this column of the line */
void ob_line_begin(struct outbuf *o);
void ob_line_end(struct outbuf *o);		/* newline; flushes when the buffer is full */

static inline void ob_putc(struct outbuf *o, char c)
{
	if (o->len - o->line_start < OB_LINE_MAX - 1)
		o->buf[o->len++] = c;
}

static inline void ob_write(struct outbuf *o, const char *s, size_t n)
{
	if (o->len - o->line_start + n >= OB_LINE_MAX - 1)
		n = OB_LINE_MAX - 1 - (o->len - o->line_start);
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

static inline void ob_puts(struct outbuf *o, const char *s)
{
	ob_write(o, s, strlen(s));
}

static inline size_t ob_col(const struct outbuf *o)
{
	return o->len - o->line_start;
}

#endif /* BSTRACE_OUTBUF_H */
