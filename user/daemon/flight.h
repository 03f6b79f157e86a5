/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The flight recorder's user side: when a process with a ring dies badly (EV_FLIGHT), its ring
 * is taken out of the kernel map and written to the flight directory as strace -f -tt text,
 * under a retention (files, bytes: oldest removed first) and rate limits (per comm, global).
 * Everything here runs on the daemon's main thread but flight_stats().
 */
#ifndef BSTRACED_FLIGHT_H
#define BSTRACED_FLIGHT_H

#include <stddef.h>
#include <stdint.h>
#include "bstrace.h"

struct flight_limits {
	uint32_t max_files;	/* traces kept in the directory (0: no limit) */
	uint64_t max_bytes;	/* their bytes (0: no limit) */
	uint32_t rate_comm;	/* traces a minute per comm (0: no limit) */
	uint32_t rate_global;	/* traces a minute in all (0: no limit) */
};

struct flight_stats {
	uint64_t dumps;		/* traces written */
	uint64_t errors;	/* traces that could not be created or written whole */
	uint64_t drop_rate;	/* not written: over a rate limit */
	uint64_t drop_retention;	/* removed (oldest first) to stay within the retention */
	uint64_t drop_evicted;	/* not written: the ring was evicted (--flight-processes) */
};

struct flight;
/* takes (copies and deletes) the ring of tgid from the kernel map: loader_flight_take */
typedef int (*flight_take_fn)(void *ctx, uint32_t tgid, void *ring, size_t size);

/*
 * Opens (creating it 0750 if missing) and checks the directory: not a symlink, owned by the
 * daemon's user, not writable by group or others. Lists the traces already in it (for the
 * retention). NULL with a one-line reason in err.
 */
struct flight *flight_open(const char *dir, uint32_t n, size_t ring_size,
			   const struct flight_limits *lim, flight_take_fn take, void *take_ctx,
			   char *err, size_t errlen);
/* new limits (SIGHUP): the retention is applied at once */
void flight_set_limits(struct flight *f, const struct flight_limits *lim);
/* one EV_FLIGHT notice */
void flight_notice(struct flight *f, const struct sc_event_hdr *h);
/* once per loop turn: the summary line of an interval (now: CLOCK_MONOTONIC seconds) */
void flight_tick(struct flight *f, uint64_t now);
/* counters, for /metrics (any thread) */
void flight_get_stats(const struct flight *f, struct flight_stats *st);
/* the last summary, then frees */
void flight_close(struct flight *f);

/* a comm as a file-name part: [A-Za-z0-9_+,=@-] and '.' (not leading) as is, other bytes %XX */
void flight_name_part(char *out, size_t len, const char *comm, size_t n);

#endif /* BSTRACED_FLIGHT_H */
