// SPDX-License-Identifier: GPL-2.0
/* Strings and buffers, escaped the way strace does; nothing raw reaches the terminal. */
#include <string.h>
#include "decode.h"

static bool needs_hex(const uint8_t *p, size_t n, int xflag, bool nul_terminated)
{
	size_t i;

	if (xflag == 2)
		return true;
	if (!xflag || xflag == XS_CHARS)
		return false;
	for (i = 0; i < n; i++) {
		uint8_t c = p[i];

		if (nul_terminated && !c)
			break;
		if (c > 0x7e || (c < ' ' && (unsigned int)(c - 9) >= 5))
			return true;
	}
	return false;
}

/*
 * strace's escapes for p[from..to) of a buffer of n bytes (the octal form looks one byte ahead),
 * unchecked: `out` has room for 4 bytes per byte in. Returns the end. `angle`: '<' and '>' in
 * octal too (an fd's path between <>).
 */
static char *quote_plain(char *out, const uint8_t *p, size_t from, size_t to, size_t n,
			 bool angle, bool hexc)
{
	static const char hexd[] = "0123456789abcdef";
	static const char esc[256] = {
		['"'] = '"', ['\\'] = '\\', ['\f'] = 'f', ['\n'] = 'n', ['\r'] = 'r',
		['\t'] = 't', ['\v'] = 'v',
	};
	size_t i;

	for (i = from; i < to; i++) {
		uint8_t c = p[i];

		if (esc[c]) {
			*out++ = '\\';
			*out++ = esc[c];
		} else if (c >= ' ' && c <= 0x7e && !(angle && (c == '<' || c == '>'))) {
			*out++ = c;
		} else if (hexc) {
			*out++ = '\\';
			*out++ = 'x';
			*out++ = hexd[c >> 4];
			*out++ = hexd[c & 15];
		} else {
			/* octal, as short as possible unless an octal digit follows */
			*out++ = '\\';
			if (i + 1 < n && p[i + 1] >= '0' && p[i + 1] <= '7') {
				*out++ = '0' + (c >> 6);
				*out++ = '0' + ((c >> 3) & 7);
			} else if (c >> 3) {
				if (c >> 6)
					*out++ = '0' + (c >> 6);
				*out++ = '0' + ((c >> 3) & 7);
			}
			*out++ = '0' + (c & 7);
		}
	}
	return out;
}

void quote_string(char *out, const char *s)
{
	size_t n = strlen(s);

	*out++ = '"';
	out = quote_plain(out, (const uint8_t *)s, 0, n, n, false, false);
	*out++ = '"';
	*out = 0;
}

void print_fd_path(struct outbuf *o, const char *p, size_t n)
{
	char tmp[4 * 64];
	size_t i, k;

	for (i = 0; i < n; i += k) {
		k = n - i < 64 ? n - i : 64;
		ob_write(o, tmp, quote_plain(tmp, (const uint8_t *)p, i, i + k, n, true, false) - tmp);
	}
}

bool quoted_in_hex(const struct dctx *d, const uint8_t *p, size_t n, bool nul_terminated)
{
	return d->force_hex || needs_hex(p, n, d->s->xstrings, nul_terminated);
}

void print_quoted(struct dctx *d, const uint8_t *p, size_t n, bool nul_terminated, bool more)
{
	static const char hexd[] = "0123456789abcdef";
	struct outbuf *o = d->o;
	bool hex = quoted_in_hex(d, p, n, nul_terminated);
	bool hexc = d->s->xstrings == XS_CHARS;
	char tmp[4 * 64];
	size_t i, k;

	ob_putc(o, '"');
	if (hex) {
		for (i = 0; i < n; i++) {
			char e[4] = { '\\', 'x', hexd[p[i] >> 4], hexd[p[i] & 15] };

			ob_write(o, e, 4);
		}
	} else if (ob_col(o) + 4 * n + 8 < OB_LINE_MAX) {
		/* the common case: room for the worst case, no check per byte */
		o->len = quote_plain(o->buf + o->len, p, 0, n, n, false, hexc) - o->buf;
	} else {
		/* near the line limit: in pieces, ob_write cuts the line */
		for (i = 0; i < n; i += k) {
			k = n - i < 64 ? n - i : 64;
			ob_write(o, tmp, quote_plain(tmp, p, i, i + k, n, false, hexc) - tmp);
		}
	}
	ob_putc(o, '"');
	if (more)
		ob_write(o, "...", 3);
}

const struct sc_blob *blob_next(const struct sc_event_hdr *h, const struct sc_blob *prev)
{
	const uint8_t *p, *end;
	const struct sc_blob *b;

	if (!h)
		return NULL;
	end = (const uint8_t *)h + h->len;
	if (prev)
		p = (const uint8_t *)(prev + 1) + ((prev->len + 7) & ~7u);
	else
		p = (const uint8_t *)(h + 1);
	/* a blob count past the record's end stops at the end */
	if (p + sizeof(*b) > end)
		return NULL;
	b = (const void *)p;
	return blob_data(b) + b->len <= end ? b : NULL;
}

static const struct sc_blob *find_blob(const struct sc_event_hdr *h, int arg, int sub)
{
	const struct sc_blob *b = NULL;

	while ((b = blob_next(h, b)))
		if (b->arg == arg && b->sub == sub)
			return b;
	return NULL;
}

const struct sc_blob *d_blob(const struct dctx *d, int arg, int sub, bool exit)
{
	const struct sc_blob *b, *late;

	if (exit)
		return find_blob(d->ev_exit, arg, sub);
	b = find_blob(d->ev_enter, arg, sub);
	/* no enter copy, or it faulted (page not in yet) and BPF copied it again at exit */
	if (!b || (b->flags & BLOBF_FAULT)) {
		late = find_blob(d->ev_exit, arg, sub);
		if (late && !(late->flags & BLOBF_FAULT))
			return late;
		/* execve's strings, read from the new program's stack */
		late = find_blob(d->ev_exec, arg, sub);
		if (late && !(late->flags & BLOBF_FAULT))
			return late;
		/* copied at exit only, and it faulted: that is what the printer must know */
		if (!b)
			b = find_blob(d->ev_exit, arg, sub);
	}
	return b;
}

const struct sc_blob *d_mem(struct dctx *d, int arg, bool exit)
{
	const struct sc_blob *b = d_blob(d, arg, 0, exit);

	if (b && !(b->flags & BLOBF_FAULT) && d->args[arg])
		return b;
	ob_ptr(d->o, d->args[arg]);
	return NULL;
}

const struct sc_blob *d_mem_prefix(struct dctx *d, int arg, bool exit, size_t need)
{
	const struct sc_blob *b = d_blob(d, arg, 0, exit);

	if (b && d->args[arg] && (!(b->flags & BLOBF_FAULT) ||
				   ((b->flags & BLOBF_PART) && b->len >= need)))
		return b;
	ob_ptr(d->o, d->args[arg]);
	return NULL;
}

void print_array(struct dctx *d, int arg, bool exit, uint64_t count, size_t esize,
		 elem_printer elem)
{
	print_array_max(d, arg, exit, count, esize, elem, UINT64_MAX);
}

void print_array_max(struct dctx *d, int arg, bool exit, uint64_t count, size_t esize,
		     elem_printer elem, uint64_t max)
{
	const struct sc_blob *b = d->args[arg] ? d_blob(d, arg, 0, exit) : NULL;

	print_array_blob(d, b, d->args[arg], count, esize, elem, max);
}

void print_array_blob(struct dctx *d, const struct sc_blob *b, uint64_t addr, uint64_t count,
		      size_t esize, elem_printer elem, uint64_t max)
{
	uint64_t i, avail;
	size_t lim = d->s->strsize;
	bool part;

	if (!addr) {
		ob_ptr(d->o, addr);
		return;
	}
	if (!count) {
		ob_puts(d->o, "[]");
		return;
	}
	/* strace: an array whose end wraps around the address space is shown as its address */
	if (count > UINT64_MAX / esize || addr + count * esize < addr) {
		ob_ptr(d->o, addr);
		return;
	}
	part = b && (b->flags & BLOBF_FAULT) && (b->flags & BLOBF_PART);
	avail = !b || ((b->flags & BLOBF_FAULT) && !part) ? 0 : b->len / esize;
	if (!avail) {
		ob_ptr(d->o, addr);
		return;
	}
	ob_putc(d->o, '[');
	for (i = 0; i < count; i++) {
		if (i)
			ob_puts(d->o, ", ");
		if (i >= max) {
			ob_puts(d->o, "...");
			break;
		}
		/* as strace: the element is fetched before the -s limit is looked at */
		if (i >= avail) {
			ob_puts(d->o, "...");
			if (part) {
				ob_puts(d->o, " /* ");
				ob_ptr(d->o, addr + i * esize);
				ob_puts(d->o, " */");
			}
			break;
		}
		if (i >= lim && !d->s->verbose) {
			ob_puts(d->o, "...");
			break;
		}
		elem(d, blob_data(b) + i * esize);
	}
	ob_putc(d->o, ']');
}

const uint8_t *d_struct(struct dctx *d, int arg, bool exit, size_t size)
{
	const struct sc_blob *b;

	if (exit && (!d->exited || d->failed)) {
		ob_ptr(d->o, d->args[arg]);
		return NULL;
	}
	b = d_mem(d, arg, exit);
	if (!b)
		return NULL;
	if (b->len < size) {
		ob_ptr(d->o, d->args[arg]);
		return NULL;
	}
	return blob_data(b);
}

const uint8_t *d_struct_prefix(struct dctx *d, int arg, bool exit, size_t size)
{
	const struct sc_blob *b;

	if (exit && (!d->exited || d->failed)) {
		ob_ptr(d->o, d->args[arg]);
		return NULL;
	}
	b = d_mem_prefix(d, arg, exit, size);
	if (!b)
		return NULL;
	if (b->len < size) {
		ob_ptr(d->o, d->args[arg]);
		return NULL;
	}
	return blob_data(b);
}

static void print_cstring(struct dctx *d, int arg, size_t limit)
{
	const struct sc_blob *b = d_mem(d, arg, false);

	if (!b)
		return;
	/* BLOBF_TRUNC: only the head was kept (bstraced's flight recorder) */
	print_quoted(d, blob_data(b), b->len > limit ? limit : b->len, true,
		     b->len > limit || (b->flags & BLOBF_TRUNC));
}

void print_PATH(struct dctx *d, int arg)
{
	/* strace reads PATH_MAX bytes and shows at most one less: with no NUL in them, "..." */
	print_cstring(d, arg, BSTRACE_PATH_MAX - 1);
}

void print_STR(struct dctx *d, int arg)
{
	print_cstring(d, arg, d->s->strsize);
}

/*
 * A NUL-terminated string of which strace reads at most `len` bytes (printstr_ex with a length:
 * what the kernel itself reads): no more must be readable, and with no NUL in them, "...".
 * The capture size in kinds.def is `len`.
 */
void print_cstring_bounded(struct dctx *d, int arg, size_t len)
{
	const struct sc_blob *b = d_mem(d, arg, false);
	size_t limit = d->s->strsize < len ? d->s->strsize : len;

	if (!b)
		return;
	print_quoted(d, blob_data(b), b->len > limit ? limit : b->len, true,
		     b->len > limit || b->len >= len || (b->flags & BLOBF_TRUNC));
}

/* memfd_create's name: the kernel reads 250 bytes (MFD_NAME_MAX_LEN + 1) */
void print_MEMFD_NAME(struct dctx *d, int arg)
{
	print_cstring_bounded(d, arg, 250);
}

/* a buffer of `len` bytes of which the blob holds the first ones */
static void print_buffer(struct dctx *d, const struct sc_blob *b, uint64_t len)
{
	size_t n = b->len;

	if (n > len)
		n = len;
	if (n > d->s->strsize)
		n = d->s->strsize;
	print_quoted(d, blob_data(b), n, false, len > n);
}

void print_BUF_IN(struct dctx *d, int arg)
{
	uint64_t n = d->args[arg + 1];
	const struct sc_blob *b;

	/* as for BUF_OUT: only the shown bytes and one more must be readable, though a -e write=
	 * dump copies the whole buffer, which may run into an unreadable page */
	b = d_mem_prefix(d, arg, false, n < d->s->strsize + 1 ? n : d->s->strsize + 1);
	if (b)
		print_buffer(d, b, n);
}

/* kexec_file_load's command line: a buffer of the previous argument's length */
void print_KEXEC_CMDLINE(struct dctx *d, int arg)
{
	const struct sc_blob *b = d_mem(d, arg, false);

	if (b)
		print_buffer(d, b, d->args[arg - 1]);
}

void print_BUF_OUT(struct dctx *d, int arg)
{
	const struct sc_blob *b;
	uint64_t n;

	if (d->failed || !d->exited) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	/* every BUF_OUT call has its size next: recvfrom with MSG_TRUNC returns more than it
	 * wrote. strace reads the shown bytes and one more, which is all that must be readable */
	n = (uint64_t)d->ret < d->args[arg + 1] ? (uint64_t)d->ret : d->args[arg + 1];
	b = d_mem_prefix(d, arg, true, n < d->s->strsize + 1 ? n : d->s->strsize + 1);
	if (b)
		print_buffer(d, b, n);
}

/* getrandom: strace shows random bytes in hex whatever -x says */
void print_RANDOM_OUT(struct dctx *d, int arg)
{
	d->force_hex = true;
	print_BUF_OUT(d, arg);
	d->force_hex = false;
}

/* getcwd: the kernel returns the length including the NUL; as strace, at most ret - 1 bytes
 * are the path whether or not a NUL comes first (an injected retval= says how many) */
void print_PATH_OUT(struct dctx *d, int arg)
{
	const struct sc_blob *b;

	if (d->failed || !d->exited) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	b = d_mem(d, arg, true);
	if (b) {
		bool by_ret = d->ret > 0 && (uint64_t)d->ret - 1 < b->len;
		size_t most = by_ret ? (size_t)d->ret - 1 : b->len;
		size_t n = strnlen((const char *)blob_data(b), most);

		/* no NUL in those bytes nor right after them: "..." */
		print_quoted(d, blob_data(b), n, true,
			     by_ret && n == most && blob_data(b)[most]);
	}
}

/* readlink: ret bytes, no NUL; strace applies -s here */
void print_LINK_OUT(struct dctx *d, int arg)
{
	print_BUF_OUT(d, arg);
}

static void print_vector(struct dctx *d, int arg, bool strings)
{
	const struct sc_blob *end = d_blob(d, arg, 0, false);
	unsigned int i, n;
	bool unterminated;

	if (!d->args[arg]) {
		ob_puts(d->o, "NULL");
		return;
	}
	if (!end || (end->flags & BLOBF_FAULT)) {
		ob_hex(d->o, d->args[arg]);
		return;
	}
	n = end->full;
	/* the walk stopped before its limit without a NULL: pointer n could not be read */
	unterminated = (end->flags & BLOBF_TRUNC) && n < BSTRACE_STRV_MAX;
	if (unterminated && !n) {
		ob_hex(d->o, d->args[arg]);
		return;
	}
	if (!strings) {
		ob_hex(d->o, d->args[arg]);
		ob_printf(d->o, " /* %u var%s%s */", n, n == 1 ? "" : "s",
			  unterminated ? ", unterminated" : (end->flags & BLOBF_TRUNC) ? "+" : "");
		return;
	}
	ob_putc(d->o, '[');
	for (i = 0; i < n; i++) {
		const struct sc_blob *b = d_blob(d, arg, i + 1, false);

		if (i)
			ob_puts(d->o, ", ");
		if ((i >= d->s->strsize && !d->s->verbose) || !b) {
			ob_puts(d->o, "...");
			break;
		}
		/* an element that could not be read: its address, as strace prints it */
		if (b->flags & BLOBF_FAULT) {
			ob_hex(d->o, b->full);
			continue;
		}
		print_quoted(d, blob_data(b), b->len > d->s->strsize ? d->s->strsize : b->len, true,
			     b->len > d->s->strsize);
	}
	/* all shown: then the unreadable pointer's address, as strace prints it */
	if (unterminated && i == n) {
		ob_puts(d->o, ", ... /* ");
		ob_ptr(d->o, d->args[arg] + 8ull * n);
		ob_puts(d->o, " */");
	}
	ob_putc(d->o, ']');
}

void print_STRV(struct dctx *d, int arg)
{
	print_vector(d, arg, true);
}

void print_ENVP(struct dctx *d, int arg)
{
	print_vector(d, arg, d->s->verbose);
}

/* readv/writev: [{iov_base="..", iov_len=N}, ...]; `total` bytes of data in all */
static void print_iov(struct dctx *d, int arg, bool exit, uint64_t total, bool data)
{
	uint64_t cnt = d->args[arg + 1];
	const struct sc_blob *v0 = cnt ? d_blob(d, arg, 1, exit) : NULL;
	unsigned int i;

	if (!d->args[arg]) {
		ob_puts(d->o, "NULL");
		return;
	}
	/* not even the first element could be read: the address, as strace prints it */
	if (v0 && (v0->flags & BLOBF_FAULT) && d->s->strsize) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	ob_putc(d->o, '[');
	for (i = 0; i < cnt; i++) {
		const struct sc_blob *v = d_blob(d, arg, 2 * i + 1, exit);
		const struct sc_blob *b = d_blob(d, arg, 2 * i + 2, exit);
		uint64_t base, len, n;

		if (i)
			ob_puts(d->o, ", ");
		if (v && (v->flags & BLOBF_FAULT)) {
			/* the rest is unreadable from this element on: where it starts */
			ob_printf(d->o, "... /* %#llx */",
				  (unsigned long long)(d->args[arg] + 16ull * i));
			break;
		}
		if (i >= d->s->strsize || !v || (v->flags & BLOBF_FAULT) || v->len < 16) {
			ob_puts(d->o, "...");
			break;
		}
		memcpy(&base, blob_data(v), 8);
		memcpy(&len, blob_data(v) + 8, 8);
		ob_puts(d->o, "{iov_base=");
		if (!base) {
			ob_puts(d->o, "NULL");
		} else if (data && b && !(b->flags & BLOBF_FAULT)) {
			size_t shown;

			n = len < total ? len : total;
			shown = n < b->len ? n : b->len;
			if (shown > d->s->strsize)
				shown = d->s->strsize;
			print_quoted(d, blob_data(b), shown, false, n > d->s->strsize);
			total -= n;
		} else {
			ob_ptr(d->o, base);
		}
		ob_printf(d->o, ", iov_len=%llu}", (unsigned long long)len);
	}
	ob_putc(d->o, ']');
}

void print_IOV_IN(struct dctx *d, int arg)
{
	print_iov(d, arg, false, ~0ull, true);
}

void print_IOV_OUT(struct dctx *d, int arg)
{
	if (!d->exited) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	print_iov(d, arg, true, d->failed ? 0 : d->ret, !d->failed);
}
