// SPDX-License-Identifier: GPL-2.0
/* Recording: ring-buffer records written as they are, behind a header; replay checks every
 * byte it hands on, so a truncated, corrupted or foreign file is an error, not a crash. */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>
#include "outbuf.h"
#include "record.h"
#include "syscalls.h"

struct recorder {
	int fd;
	size_t len;
	uint8_t buf[1 << 20];
};

uint64_t record_table_hash(void)
{
	uint64_t h = 1469598103934665603ull;	/* FNV-1a */
	size_t i;
	int k;

	for (i = 0; i < sc_nnums; i++) {
		const struct sc_def *d = sc_by_nr(sc_nums[i].nr);
		const char *n = sc_nums[i].name;

		for (; *n; n++)
			h = (h ^ (uint8_t)*n) * 1099511628211ull;
		h = (h ^ sc_nums[i].nr) * 1099511628211ull;
		for (k = 0; d && k < d->nargs; k++)
			h = (h ^ d->arg[k]) * 1099511628211ull;
	}
	return h;
}

static void write_all(int fd, const void *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			die("cannot write the recording: %s", strerror(errno));
		}
		p = (const uint8_t *)p + w;
		n -= w;
	}
}

struct recorder *recorder_open(const char *path, const struct settings *s)
{
	struct recorder *r = malloc(sizeof(*r));
	struct record_header h;
	struct timespec rt, bt;
	struct utsname u;

	if (!r)
		die("out of memory");
	r->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (r->fd < 0)
		die("cannot open recording '%s': %s", path, strerror(errno));
	r->len = 0;
	memset(&h, 0, sizeof(h));
	memcpy(h.magic, RECORD_MAGIC, sizeof(h.magic));
	h.version = RECORD_VERSION;
	h.header_size = sizeof(h);
	snprintf(h.arch, sizeof(h.arch), "%s", SC_ARCH_NAME);
	if (!uname(&u))
		memcpy(h.kernel, u.release, strnlen(u.release, sizeof(h.kernel) - 1));
	syscalls_init();
	h.table_hash = record_table_hash();
	clock_gettime(CLOCK_REALTIME, &rt);
	clock_gettime(CLOCK_BOOTTIME, &bt);
	h.boot_to_real_ns = (rt.tv_sec - bt.tv_sec) * 1000000000ull + rt.tv_nsec - bt.tv_nsec;
	h.strsize = s->strsize;
	h.event_abi = sizeof(struct sc_event_hdr);
	write_all(r->fd, &h, sizeof(h));
	return r;
}

int recorder_event(void *ctx, void *data, size_t len)
{
	struct recorder *r = ctx;
	size_t n = (len + 7) & ~(size_t)7;

	if (r->len + n > sizeof(r->buf)) {
		write_all(r->fd, r->buf, r->len);
		r->len = 0;
	}
	memcpy(r->buf + r->len, data, len);
	memset(r->buf + r->len + len, 0, n - len);
	r->len += n;
	return 0;
}

void recorder_close(struct recorder *r)
{
	write_all(r->fd, r->buf, r->len);
	if (close(r->fd))
		die("cannot write the recording: %s", strerror(errno));
	free(r);
}

size_t record_check(const uint8_t *p, size_t avail, const char **why)
{
	struct sc_event_hdr h;
	size_t off, len;
	uint32_t i;

	if (avail < sizeof(h)) {
		*why = "truncated record header";
		return 0;
	}
	memcpy(&h, p, sizeof(h));
	len = ((size_t)h.len + 7) & ~(size_t)7;
	if (h.len < sizeof(h) || h.len > RECORD_MAX_LEN) {
		*why = "impossible record length";
		return 0;
	}
	if (len > avail) {
		*why = "truncated record";
		return 0;
	}
	if (h.type < EV_SYSCALL || h.type > EV_LOST) {
		*why = "unknown record type";
		return 0;
	}
	if ((h.type == EV_SYSCALL || h.type == EV_ENTER) && h.nr >= BSTRACE_NR_MAX) {
		*why = "syscall number out of range";
		return 0;
	}
	/* every blob inside the record */
	off = sizeof(h);
	for (i = 0; i < h.nblobs; i++) {
		struct sc_blob b;

		if (off + sizeof(b) > h.len) {
			*why = "blob header past the end of its record";
			return 0;
		}
		memcpy(&b, p + off, sizeof(b));
		if (b.len > h.len - off - sizeof(b) || b.arg >= BSTRACE_MAX_ARGS) {
			*why = "blob past the end of its record";
			return 0;
		}
		off += sizeof(b) + ((b.len + 7) & ~7u);
	}
	return len;
}

/* the header a recording starts with, copied to `hdr` and checked: 0, or -1 with `why` */
static int header_check(const uint8_t *buf, size_t len, struct record_header *hdr,
			const char **why)
{
	if (len < 8 || memcmp(buf, RECORD_MAGIC, 8)) {
		*why = "not a bstrace recording";
		return -1;
	}
	if (len < sizeof(*hdr)) {
		*why = "truncated recording header";
		return -1;
	}
	memcpy(hdr, buf, sizeof(*hdr));
	hdr->arch[sizeof(hdr->arch) - 1] = 0;
	hdr->kernel[sizeof(hdr->kernel) - 1] = 0;
	if (hdr->version != RECORD_VERSION || hdr->header_size != sizeof(*hdr) ||
	    hdr->event_abi != sizeof(struct sc_event_hdr)) {
		*why = "recording format version not supported by this bstrace";
		return -1;
	}
	if (strcmp(hdr->arch, SC_ARCH_NAME)) {
		*why = "recorded on another architecture";
		return -1;
	}
	syscalls_init();
	if (hdr->table_hash != record_table_hash()) {
		*why = "recorded with a different syscall table (another bstrace version)";
		return -1;
	}
	return 0;
}

/*
 * Hands on the records in buf[0, len), checked, in place when aligned (callbacks read them as
 * structs; the header keeps records 8-aligned); `*used`: bytes taken. With `more` (the file goes
 * on), a tail that may hold a cut record is left for the next call; without, it is an error.
 * Returns the number of records, or -1 with `why`.
 */
static int64_t replay_records(const uint8_t *buf, size_t len, bool more, record_fn fn,
			      void *ctx, size_t *used, const char **why)
{
	static uint64_t rec[(RECORD_MAX_LEN + 7) / 8];
	size_t off = 0, n;
	int64_t count = 0;

	_Static_assert(sizeof(struct record_header) % 8 == 0, "records must stay 8-aligned");
	while (off < len && !(more && len - off < RECORD_MAX_LEN + 8)) {
		n = record_check(buf + off, len - off, why);
		if (!n)
			return -1;
		if ((uintptr_t)(buf + off) % 8 == 0) {
			fn(ctx, (void *)(uintptr_t)(buf + off), n);
		} else {
			memcpy(rec, buf + off, n);
			fn(ctx, rec, n);
		}
		off += n;
		count++;
	}
	*used = off;
	return count;
}

int64_t replay_buffer(const uint8_t *buf, size_t len, record_fn fn, void *ctx,
		      struct record_header *hdr, const char **why)
{
	size_t used;

	if (header_check(buf, len, hdr, why))
		return -1;
	return replay_records(buf + sizeof(*hdr), len - sizeof(*hdr), false, fn, ctx, &used, why);
}

/* the file is read in chunks into one private buffer (a file that changes under the reader
 * cannot break a checked record) and each record is handed on from there */
#define REPLAY_CHUNK	(4u << 20)

uint64_t replay_file(const char *path, record_fn fn, void *ctx, struct record_header *hdr)
{
	const char *why = NULL;
	size_t have = 0, start = sizeof(*hdr), used;
	uint64_t total = 0;
	bool eof = false;
	struct stat st;
	uint8_t *buf;
	int64_t n;
	ssize_t r;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		die("cannot open recording '%s': %s", path, strerror(errno));
	if (fstat(fd, &st) || !S_ISREG(st.st_mode))
		die("'%s' is not a regular file", path);
	if (!st.st_size)
		die("'%s': empty file, not a bstrace recording", path);
	buf = malloc(REPLAY_CHUNK);
	if (!buf)
		die("out of memory");
	posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	for (;;) {
		while (!eof && have < REPLAY_CHUNK) {
			r = read(fd, buf + have, REPLAY_CHUNK - have);
			if (r < 0 && errno == EINTR)
				continue;
			if (r < 0)
				die("cannot read recording '%s': %s", path, strerror(errno));
			eof = r == 0;
			have += r;
		}
		if (start && header_check(buf, have, hdr, &why))
			die("'%s': %s", path, why);
		n = replay_records(buf + start, have - start, !eof, fn, ctx, &used, &why);
		if (n < 0)
			die("'%s': %s", path, why);
		total += n;
		used += start;
		start = 0;
		if (eof)
			break;
		memmove(buf, buf + used, have - used);
		have -= used;
	}
	close(fd);
	free(buf);
	return total;
}
