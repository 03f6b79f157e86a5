/* SPDX-License-Identifier: GPL-2.0 */
/* --record FILE: the raw event stream to a file; --replay FILE: decode it later. */
#ifndef BSTRACE_RECORD_H
#define BSTRACE_RECORD_H

#include <stddef.h>
#include <stdint.h>
#include "common.h"

#define RECORD_MAGIC	"BSTRACE\x01"
#define RECORD_VERSION	1
#define RECORD_MAX_LEN	(BSTRACE_SCRATCH + 64)	/* no record is longer */

/* the file starts with this; records follow as the ring buffer held them, 8-byte aligned */
struct record_header {
	char magic[8];
	uint32_t version;
	uint32_t header_size;
	char arch[16];		/* SC_ARCH_NAME: syscall numbers are per architecture */
	char kernel[64];	/* uname -r of the traced machine */
	uint64_t table_hash;	/* the syscall table the numbers and kinds belong to */
	uint64_t boot_to_real_ns;	/* for -t/-tt/-ttt at replay */
	uint32_t strsize;	/* -s at record time (captures are cut to it) */
	uint32_t event_abi;	/* sizeof(struct sc_event_hdr) */
};

struct recorder;

struct recorder *recorder_open(const char *path, const struct settings *s);
/* ring-buffer callback: appends one record */
int recorder_event(void *ctx, void *data, size_t len);
void recorder_close(struct recorder *r);

/* hash of the syscall table (names, kinds, classes) that recordings are tied to */
uint64_t record_table_hash(void);

/*
 * Checks one record of `avail` bytes at `p`: its length, type and blobs all lie within it.
 * Returns the record's length (8-aligned), or 0 with a reason in `why`.
 */
size_t record_check(const uint8_t *p, size_t avail, const char **why);

/* Reads a recording and hands each record to `fn`; dies with a one-line reason on a truncated
 * or foreign file. Returns the number of records. */
typedef int (*record_fn)(void *ctx, void *data, size_t len);
uint64_t replay_file(const char *path, record_fn fn, void *ctx, struct record_header *hdr);
/* the same on a buffer (tests, fuzzing): -1 with `why` set instead of dying */
int64_t replay_buffer(const uint8_t *buf, size_t len, record_fn fn, void *ctx,
		      struct record_header *hdr, const char **why);

#endif /* BSTRACE_RECORD_H */
