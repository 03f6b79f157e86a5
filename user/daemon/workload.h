/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Who a task is: comm, uid, gid, cgroup and container id, read from /proc/PID when the daemon
 * handles its record (the ring-buffer record carries only the pid and tid), and the JSON
 * fields that carry them in the event stream and the flight recorder's header line.
 */
#ifndef BSTRACED_WORKLOAD_H
#define BSTRACED_WORKLOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct workload {
	char comm[16];		/* "" unknown */
	int64_t uid, gid;	/* real ids; -1: unknown (the task was gone) */
	int64_t euid, egid;	/* effective ids */
	char cgroup[512];	/* cgroup v2 path ("/system.slice/x.service"); "" unknown */
	char container[65];	/* container id found in the cgroup path; "" none */
};

/* reads /proc/TGID/task/TID (tid 0: the process); false when nothing could be read */
bool workload_read(uint32_t tgid, uint32_t tid, struct workload *w);
/* the container id in a cgroup path (docker-ID.scope, cri-containerd-ID.scope, crio-ID.scope,
 * libpod-ID.scope, /docker/ID, /kubepods.../ID), innermost first; "" when none */
void workload_container(const char *cgroup, char *out, size_t len);
/* `,"comm":"..","uid":N,"gid":N,"euid":N,"egid":N,"cgroup":"..","container_id":".."` (JSON;
 * unknown numbers are null, no container: no container_id) into out; returns its length */
size_t workload_json(const struct workload *w, char *out, size_t len);

/* The stream's per-thread cache: a thread's identity is read at most once a second (or again
 * after an exec or a call that changes its ids). */
struct workload_cache;
struct workload_cache *workload_cache_new(void);
void workload_cache_free(struct workload_cache *c);
/* the identity of a record's thread, as of now (refresh: the record may have changed it) */
const struct workload *workload_get(struct workload_cache *c, uint32_t tgid, uint32_t tid,
				    bool refresh);
/* a JSON line of the tracer with the identity of its "tid" added after "tid":N; lines without
 * one are copied. Returns the bytes written to out (at most len). */
size_t workload_rewrite(struct workload_cache *c, const char *line, size_t n, char *out,
			size_t len);

#endif /* BSTRACED_WORKLOAD_H */
