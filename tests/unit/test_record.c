// SPDX-License-Identifier: GPL-2.0
/*
 * The recording reader against truncated, corrupted and foreign input: every prefix of a
 * valid recording and thousands of randomly mutated copies are replayed through the real
 * decoders (output to /dev/null). Nothing may crash (CI runs this under ASan/UBSan); damaged
 * files must be refused with a reason.
 */
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>
#include "check.h"
#include "record.h"
#include "syscalls.h"
#include "trace.h"

void die(const char *fmt, ...)
{
	fprintf(stderr, "die: %s\n", fmt);
	exit(2);
}

void warnx_(const char *fmt, ...)
{
}

static uint8_t file[1 << 16];
static size_t flen;

static void put(const void *p, size_t n)
{
	memcpy(file + flen, p, n);
	flen += (n + 7) & ~(size_t)7;
}

/* one EV_SYSCALL record with blobs given as (arg, sub, bytes, len) quadruples; the number is
 * this architecture's (sysnums/<arch>.h), so the syscall must exist on every arch */
static void add_record(const char *name, int64_t ret, const uint64_t *args, int nblobs, ...)
{
	uint8_t rec[4096] = { 0 };
	struct sc_event_hdr *h = (void *)rec;
	size_t off = sizeof(*h);
	int nr = sc_nr_by_name(name);
	va_list ap;
	int i;

	CHECK(nr >= 0 && sc_by_nr(nr), "%s has no number or no row on %s", name, SC_ARCH_NAME);
	h->type = EV_SYSCALL;
	h->nr = nr;
	h->ret = ret;
	h->tgid = h->tid = 4242;
	memcpy(h->args, args, sizeof(h->args));
	va_start(ap, nblobs);
	for (i = 0; i < nblobs; i++) {
		struct sc_blob *b = (void *)(rec + off);
		int arg = va_arg(ap, int), sub = va_arg(ap, int);
		const void *data = va_arg(ap, const void *);
		size_t n = va_arg(ap, size_t);

		b->arg = arg;
		b->sub = sub;
		b->len = n;
		b->full = n;
		memcpy(b + 1, data, n);
		off += sizeof(*b) + ((n + 7) & ~(size_t)7);
	}
	va_end(ap);
	h->nblobs = nblobs;
	h->len = off;
	put(rec, off);
}

static int count_cb(void *ctx, void *data, size_t len)
{
	return tracer_event(ctx, data, len);
}

int main(void)
{
	struct settings s = { .strsize = 32, .align = 40, .signals = ~0ull };
	struct record_header hdr = { .version = RECORD_VERSION, .header_size = sizeof(hdr),
				     .event_abi = sizeof(struct sc_event_hdr) };
	static uint8_t mut[sizeof(file)];
	const char *why;
	struct tracer *t;
	uint64_t a1[6] = { (uint64_t)-100, 0x1000, 0x80000, 0, 0, 0 };
	uint64_t a2[6] = { 3, 0x2000, 832, 0, 0, 0 };
	uint64_t a3[6] = { 0x3000, 0x4000, 0x5000, 0, 0, 0 };
	uint64_t a4[6] = { 0x3000, 0x6000, 0, 0, 0, 0 };
	uint64_t a5[6] = { 0x7000, 2, 0, 0, 8, 0 };
	uint8_t st[256] = { 0 }, bytes[64];
	uint32_t seed = 12345;
	int devnull = open("/dev/null", O_WRONLY), i, refused = 0, nrec = 5;
	int64_t n;
	size_t cut;

	syscalls_init();
	memset(s.trace, 1, sizeof(s.trace));
	for (i = 0; i < 64; i++)
		bytes[i] = i * 37;
	memcpy(hdr.magic, RECORD_MAGIC, 8);
	snprintf(hdr.arch, sizeof(hdr.arch), "%s", SC_ARCH_NAME);
	hdr.table_hash = record_table_hash();
	put(&hdr, sizeof(hdr));
	add_record("openat", 3, a1, 1, 1, 0, "/etc/hostname", (size_t)13);
	add_record("read", 832, a2, 1, 1, 0, bytes, sizeof(bytes));
	add_record("execve", 0, a3, 3, 1, 1, "ls", (size_t)2, 1, 0, "", (size_t)0, 2, 0, "",
		   (size_t)0);
	add_record("newfstatat", 0, a4, 1, 2, 0, st, sizeof(st));
	/* ppoll everywhere (aarch64 and riscv64 have no poll), poll too where there is one */
	add_record("ppoll", 1, a5, 1, 0, 0, bytes, (size_t)16);
	if (sc_nr_by_name("poll") >= 0) {
		add_record("poll", 1, a2, 1, 0, 0, bytes, (size_t)16);
		nrec++;
	}

	t = tracer_new(&s, devnull);
	n = replay_buffer(file, flen, count_cb, t, &hdr, &why);
	CHECK(n == nrec, "valid recording replays %d records, got %lld", nrec, (long long)n);

	/* every truncation: refused with a reason or replayed in part, never a crash */
	for (cut = 0; cut < flen; cut++) {
		why = NULL;
		n = replay_buffer(file, cut, count_cb, t, &hdr, &why);
		if (cut < flen && (cut - sizeof(hdr)) % 8 && cut > sizeof(hdr))
			CHECK(n < 0 && why, "cut at %zu accepted", cut);
		refused += n < 0;
	}
	CHECK(refused > 0, "truncated files refused");

	/* random mutations of the records (the header stays valid so records are reached) */
	for (i = 0; i < 20000; i++) {
		int k, flips = 1 + i % 8;

		memcpy(mut, file, flen);
		for (k = 0; k < flips; k++) {
			seed = seed * 1103515245 + 12345;
			size_t pos = sizeof(hdr) + (seed >> 8) % (flen - sizeof(hdr));

			seed = seed * 1103515245 + 12345;
			mut[pos] = seed >> 16;
		}
		replay_buffer(mut, flen, count_cb, t, &hdr, &why);
	}
	CHECK(true, "20000 mutated recordings decoded without a crash");

	/* foreign files */
	memcpy(mut, file, flen);
	memcpy(((struct record_header *)mut)->arch, "sparc64", 8);
	CHECK(replay_buffer(mut, flen, count_cb, t, &hdr, &why) < 0 && strstr(why, "architecture"),
	      "another arch refused");
	memcpy(mut, file, flen);
	((struct record_header *)mut)->table_hash ^= 1;
	CHECK(replay_buffer(mut, flen, count_cb, t, &hdr, &why) < 0 && strstr(why, "table"),
	      "another table refused");
	CHECK(replay_buffer((const uint8_t *)"hello", 5, count_cb, t, &hdr, &why) < 0,
	      "not a recording refused");
	tracer_free(t);
	return check_done();
}
