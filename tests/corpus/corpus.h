/* SPDX-License-Identifier: GPL-2.0 */
/*
 * corpus.h - helpers for the bstrace self-checking test corpus.
 *
 * A corpus program makes known system calls and prints on its stdout the
 * exact lines strace 6.1 prints for them (default format, -s 32, column
 * 40 alignment).  All output is kept in a big stdio buffer and written
 * once at exit, so the program's own write(1, ...) never happens in the
 * middle of the traced calls (and never at all unless "write" is traced).
 * See README.md.
 */
#ifndef CORPUS_H
#define CORPUS_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

#define CORPUS_OUTBUF_SIZE	(1 << 20)
#define CORPUS_ACOLUMN		40	/* strace's default -a */
#define CORPUS_MAX_STRLEN	32	/* strace's default -s */

static char corpus_outbuf[CORPUS_OUTBUF_SIZE];
static size_t corpus_outlen;		/* bytes printed so far */
static char corpus_pfx[32];		/* "PID   " prefix for -f tests */

/*
 * Full buffering into a static buffer: no malloc (brk/mmap), no fstat of
 * stdout, no write until exit.
 */
__attribute__((constructor)) static void corpus_init(void)
{
	setvbuf(stdout, corpus_outbuf, _IOFBF, sizeof(corpus_outbuf));
}

/*
 * With "-f -o FILE" strace prefixes every line with "%-5d " (the pid).
 * Pass 0 to drop the prefix again.
 */
static inline void set_pid_prefix(int pid)
{
	if (pid)
		snprintf(corpus_pfx, sizeof(corpus_pfx), "%-5d ", pid);
	else
		corpus_pfx[0] = '\0';
}

static const char *const corpus_errnames[] = {
	[EPERM] = "EPERM",		[ENOENT] = "ENOENT",
	[ESRCH] = "ESRCH",		[EINTR] = "EINTR",
	[EIO] = "EIO",			[ENXIO] = "ENXIO",
	[E2BIG] = "E2BIG",		[ENOEXEC] = "ENOEXEC",
	[EBADF] = "EBADF",		[ECHILD] = "ECHILD",
	[EAGAIN] = "EAGAIN",		[ENOMEM] = "ENOMEM",
	[EACCES] = "EACCES",		[EFAULT] = "EFAULT",
	[EBUSY] = "EBUSY",		[EEXIST] = "EEXIST",
	[EXDEV] = "EXDEV",		[ENODEV] = "ENODEV",
	[ENOTDIR] = "ENOTDIR",		[EISDIR] = "EISDIR",
	[EINVAL] = "EINVAL",		[EMFILE] = "EMFILE",
	[ENOTTY] = "ENOTTY",		[EFBIG] = "EFBIG",
	[ENOSPC] = "ENOSPC",		[ESPIPE] = "ESPIPE",
	[EROFS] = "EROFS",		[EPIPE] = "EPIPE",
	[ERANGE] = "ERANGE",		[ENAMETOOLONG] = "ENAMETOOLONG",
	[ENOSYS] = "ENOSYS",		[ENOTEMPTY] = "ENOTEMPTY",
	[ELOOP] = "ELOOP",		[ENOPROTOOPT] = "ENOPROTOOPT",
	[ENOTSOCK] = "ENOTSOCK",	[EDESTADDRREQ] = "EDESTADDRREQ",
	[EPROTONOSUPPORT] = "EPROTONOSUPPORT",
	[EOPNOTSUPP] = "EOPNOTSUPP",	[EAFNOSUPPORT] = "EAFNOSUPPORT",
	[EADDRINUSE] = "EADDRINUSE",	[EADDRNOTAVAIL] = "EADDRNOTAVAIL",
	[EISCONN] = "EISCONN",		[ENOTCONN] = "ENOTCONN",
	[ECONNREFUSED] = "ECONNREFUSED",
	[EINPROGRESS] = "EINPROGRESS",	[EALREADY] = "EALREADY",
	[ETIMEDOUT] = "ETIMEDOUT",	[ECONNRESET] = "ECONNRESET",
	[ECONNABORTED] = "ECONNABORTED", [EMSGSIZE] = "EMSGSIZE",
	[EPROTOTYPE] = "EPROTOTYPE",	[ENOBUFS] = "ENOBUFS",
	[ENETUNREACH] = "ENETUNREACH",	[EHOSTUNREACH] = "EHOSTUNREACH",
	[ETXTBSY] = "ETXTBSY",		[EMLINK] = "EMLINK",
	[EOVERFLOW] = "EOVERFLOW",	[EDEADLK] = "EDEADLK",
	[ENODATA] = "ENODATA",		[ECANCELED] = "ECANCELED",
};

static inline const char *errno_name(int err)
{
	if (err > 0 && err < (int)(sizeof(corpus_errnames) /
				   sizeof(corpus_errnames[0])) &&
	    corpus_errnames[err])
		return corpus_errnames[err];
	fprintf(stderr, "corpus.h: add errno %d to corpus_errnames\n", err);
	exit(99);
}

/* A few rotating static buffers so that helpers can be nested in printf. */
static inline char *corpus_tmpbuf(void)
{
	static char bufs[16][1024];
	static unsigned int n;

	return bufs[n++ % 16];
}

/* printf into a temporary buffer. */
static inline const char *sfmt(const char *fmt, ...)
{
	char *s = corpus_tmpbuf();
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s, 1024, fmt, ap);
	va_end(ap);
	return s;
}

/* "-1 ENOENT (No such file or directory)" for the current errno. */
static inline const char *sprinterr(void)
{
	char *s = corpus_tmpbuf();
	int err = errno;

	snprintf(s, 1024, "-1 %s (%s)", errno_name(err), strerror(err));
	return s;
}

/* Return value as strace prints it: decimal, or -1 EXXX (text). */
static inline const char *sprintrc(long rc)
{
	char *s;

	if (rc == -1)
		return sprinterr();
	s = corpus_tmpbuf();
	snprintf(s, 1024, "%ld", rc);
	return s;
}

/* Same for calls whose success value strace prints in hex (mmap, brk). */
static inline const char *sprintrc_hex(long rc)
{
	char *s;

	if (rc == -1)
		return sprinterr();
	s = corpus_tmpbuf();
	snprintf(s, 1024, "%#lx", (unsigned long)rc);
	return s;
}

/* Pointer argument: NULL or 0x... */
static inline const char *sptr(const void *p)
{
	char *s = corpus_tmpbuf();

	if (!p)
		return "NULL";
	snprintf(s, 1024, "%#lx", (unsigned long)p);
	return s;
}

struct xlat {
	unsigned long val;
	const char *name;
};
#define XLAT(x)		{ x, #x }
#define XLAT_END	{ 0, NULL }

/*
 * Flags as strace prints them: names in table order (a composite entry
 * consumes all its bits), then the unknown remainder in hex; "0" if 0.
 */
static inline const char *sflags(const struct xlat *x, unsigned long v)
{
	char *s = corpus_tmpbuf();
	int n = 0;

	s[0] = '\0';
	if (!v)
		return "0";
	for (; x->name; x++) {
		if (x->val && (v & x->val) == x->val) {
			n += snprintf(s + n, 1024 - n, "%s%s", n ? "|" : "",
				      x->name);
			v &= ~x->val;
		}
	}
	if (v)
		snprintf(s + n, 1024 - n, "%s%#lx", n ? "|" : "", v);
	return s;
}

/* st_mode as strace prints it: S_IFREG|S_ISUID|0755 */
static inline const char *smode(unsigned int mode)
{
	static const char *const types[16] = {
		[1] = "S_IFIFO", [2] = "S_IFCHR", [4] = "S_IFDIR",
		[6] = "S_IFBLK", [8] = "S_IFREG", [10] = "S_IFLNK",
		[12] = "S_IFSOCK",
	};
	char *s = corpus_tmpbuf();

	snprintf(s, 1024, "%s%s%s%s|%#03o", types[(mode >> 12) & 15],
		 mode & 04000 ? "|S_ISUID" : "", mode & 02000 ? "|S_ISGID" : "",
		 mode & 01000 ? "|S_ISVTX" : "", mode & 0777);
	return s;
}

static inline void corpus_vprintf(const char *fmt, va_list ap)
{
	int n = vprintf(fmt, ap);

	if (n > 0)
		corpus_outlen += n;
}

static inline void corpus_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	corpus_vprintf(fmt, ap);
	va_end(ap);
}

/*
 * Print one syscall line: PREFIX + call + " " + padding to column 40 +
 * "= " + rc.  @call is a printf format for everything up to and
 * including the closing parenthesis, e.g. emit("0", "close(%d)", fd).
 */
static inline void emit(const char *rc, const char *call, ...)
{
	char buf[4096];
	va_list ap;
	int col;

	va_start(ap, call);
	vsnprintf(buf, sizeof(buf), call, ap);
	va_end(ap);
	col = strlen(corpus_pfx) + strlen(buf) + 1;
	corpus_printf("%s%s ", corpus_pfx, buf);
	if (col < CORPUS_ACOLUMN)
		corpus_printf("%*s", CORPUS_ACOLUMN - col, "");
	corpus_printf("= %s\n", rc);
}

/* Print a non-syscall line ("--- SIG... ---", "+++ exited ... +++"). */
static inline void emit_raw(const char *fmt, ...)
{
	va_list ap;

	corpus_printf("%s", corpus_pfx);
	va_start(ap, fmt);
	corpus_vprintf(fmt, ap);
	va_end(ap);
	corpus_printf("\n");
}

/*
 * Quote @len bytes of @p exactly as strace quotes a data buffer with the
 * default -s 32: at most 32 bytes inside double quotes, followed by "..."
 * when the buffer is longer.  Printable ASCII as is, \" \\ \t \n \v \f \r,
 * everything else in octal, using the shortest form unless the next
 * printed byte is an octal digit ('0'..'7'), in which case all 3 digits.
 */
static inline void quote_into(char *s, const void *p, size_t len,
			      int force_hex)
{
	const unsigned char *b = p;
	size_t n = len > CORPUS_MAX_STRLEN ? CORPUS_MAX_STRLEN : len;
	size_t i;

	*s++ = '"';
	for (i = 0; i < n; i++) {
		unsigned char c = b[i];

		if (force_hex) {
			s += sprintf(s, "\\x%02x", c);
			continue;
		}
		switch (c) {
		case '"': case '\\':
			*s++ = '\\';
			*s++ = c;
			continue;
		case '\f': *s++ = '\\'; *s++ = 'f'; continue;
		case '\n': *s++ = '\\'; *s++ = 'n'; continue;
		case '\r': *s++ = '\\'; *s++ = 'r'; continue;
		case '\t': *s++ = '\\'; *s++ = 't'; continue;
		case '\v': *s++ = '\\'; *s++ = 'v'; continue;
		}
		if (c >= ' ' && c < 0x7f) {
			*s++ = c;
			continue;
		}
		*s++ = '\\';
		if (i + 1 < n && b[i + 1] >= '0' && b[i + 1] <= '7') {
			*s++ = '0' + (c >> 6);
			*s++ = '0' + ((c >> 3) & 7);
		} else if (c >> 3) {
			if (c >> 6)
				*s++ = '0' + (c >> 6);
			*s++ = '0' + ((c >> 3) & 7);
		}
		*s++ = '0' + (c & 7);
	}
	*s++ = '"';
	if (len > n) {
		memcpy(s, "...", 3);
		s += 3;
	}
	*s = '\0';
}

static inline const char *qbuf(const void *p, size_t len)
{
	char *s = corpus_tmpbuf();

	quote_into(s, p, len, 0);
	return s;
}

/* strace prints some buffers (getrandom) always as \xNN. */
static inline const char *qbuf_hex(const void *p, size_t len)
{
	char *s = corpus_tmpbuf();

	quote_into(s, p, len, 1);
	return s;
}

/* A NUL-terminated string (path names are not cut at 32 bytes). */
static inline const char *qstr(const char *str)
{
	static char buf[4][8192];
	static unsigned int n;
	char *s = buf[n++ % 4];
	const unsigned char *b = (const unsigned char *)str;
	char *d = s;
	size_t i, len = strlen(str);

	*d++ = '"';
	for (i = 0; i < len; i++) {
		if (b[i] == '"' || b[i] == '\\') {
			*d++ = '\\';
			*d++ = b[i];
		} else if (b[i] >= ' ' && b[i] < 0x7f) {
			*d++ = b[i];
		} else {
			/* keep test path names printable */
			fprintf(stderr, "corpus.h: qstr: non-printable\n");
			exit(99);
		}
	}
	*d++ = '"';
	*d = '\0';
	return s;
}

/*
 * For programs that trace "write": the exit-time flush of stdout is then
 * traced too.  Append the line for that write(1, ...) call itself (its
 * length counts its own digits, so iterate to the fixed point) and, if
 * @exit_group is set, the "exit_group(0) = ?" line that follows it.
 * Must be the last output of the program, which must then return 0.
 */
static inline void emit_final_stdout_write(int exit_group)
{
	char line[256], tail[128] = "", head[CORPUS_MAX_STRLEN];
	size_t total = corpus_outlen, prev = 0;
	int col;

	if (corpus_outlen < sizeof(head)) {
		fprintf(stderr, "corpus.h: output too short\n");
		exit(99);
	}
	memcpy(head, corpus_outbuf, sizeof(head));
	if (exit_group) {
		col = strlen(corpus_pfx) + sizeof("exit_group(0)");
		snprintf(tail, sizeof(tail), "%sexit_group(0) %*s= ?\n",
			 corpus_pfx,
			 col < CORPUS_ACOLUMN ? CORPUS_ACOLUMN - col : 0, "");
	}
	while (total != prev) {
		char call[256];

		prev = total;
		snprintf(call, sizeof(call), "write(1, %s, %zu)",
			 qbuf(head, total), total);
		col = strlen(corpus_pfx) + strlen(call) + 1;
		total = corpus_outlen + strlen(tail) +
			snprintf(line, sizeof(line), "%s%s %*s= %zu\n",
				 corpus_pfx, call,
				 col < CORPUS_ACOLUMN ? CORPUS_ACOLUMN - col : 0,
				 "", total);
	}
	corpus_printf("%s%s", line, tail);
}

#endif /* CORPUS_H */
