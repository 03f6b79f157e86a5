// SPDX-License-Identifier: GPL-2.0
/*
 * A task's identity from /proc. The records of the ring buffer carry the pid and tid only (and
 * the flight recorder's notice the comm), and the BPF side is not changed for this: the ids and
 * the cgroup are read when the daemon handles the record, a few milliseconds after the call.
 * The race is documented (docs/bstraced.md): a thread that changed its ids or cgroup in between
 * shows the new ones, and one that is gone (reaped) shows what the cache last saw, or nothing.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "workload.h"

static ssize_t read_small(const char *path, char *buf, size_t len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, len - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = 0;
	return n;
}

static bool hex_id(const char *p, size_t n)
{
	size_t i;

	if (n != 64)
		return false;
	for (i = 0; i < n; i++)
		if (!isxdigit((unsigned char)p[i]) || isupper((unsigned char)p[i]))
			return false;
	return true;
}

void workload_container(const char *cgroup, char *out, size_t len)
{
	static const char *const prefixes[] = { "docker-", "cri-containerd-", "crio-", "libpod-" };
	const char *end = cgroup + strlen(cgroup), *start, *parent;
	size_t i, n, pl;

	out[0] = 0;
	/* components from the last: the innermost container wins */
	while (end > cgroup) {
		start = end;
		while (start > cgroup && start[-1] != '/')
			start--;
		n = end - start;
		/* PREFIX-ID.scope (systemd cgroup driver) */
		for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
			pl = strlen(prefixes[i]);
			if (n == pl + 64 + 6 && !strncmp(start, prefixes[i], pl) &&
			    !strncmp(end - 6, ".scope", 6) && hex_id(start + pl, 64)) {
				snprintf(out, len, "%.64s", start + pl);
				return;
			}
		}
		/* /docker/ID, /kubepods/.../ID (cgroupfs driver) */
		if (hex_id(start, n) && start > cgroup) {
			parent = start - 1;
			while (parent > cgroup && parent[-1] != '/')
				parent--;
			if (!strncmp(parent, "docker/", 7) || !strncmp(parent, "kubepods", 8) ||
			    !strncmp(parent, "pod", 3) || !strncmp(parent, "libpod_parent/", 14)) {
				snprintf(out, len, "%.64s", start);
				return;
			}
		}
		end = start > cgroup ? start - 1 : cgroup;
	}
}

bool workload_read(uint32_t tgid, uint32_t tid, struct workload *w)
{
	char path[64], buf[4096], *p;
	unsigned int r, e;
	bool any = false;
	ssize_t n;

	w->comm[0] = w->cgroup[0] = w->container[0] = 0;
	w->uid = w->gid = w->euid = w->egid = -1;
	if (tid && tid != tgid)
		snprintf(path, sizeof(path), "/proc/%u/task/%u/", tgid, tid);
	else
		snprintf(path, sizeof(path), "/proc/%u/", tgid);
	p = path + strlen(path);

	strcpy(p, "comm");
	n = read_small(path, buf, sizeof(buf));
	if (n > 0) {
		buf[strcspn(buf, "\n")] = 0;
		buf[sizeof(w->comm) - 1] = 0;
		memcpy(w->comm, buf, sizeof(w->comm));
		any = true;
	}
	strcpy(p, "status");
	if (read_small(path, buf, sizeof(buf)) > 0) {
		char *u = strstr(buf, "\nUid:"), *g = strstr(buf, "\nGid:");

		if (u && sscanf(u + 5, "%u %u", &r, &e) == 2)
			w->uid = r, w->euid = e;
		if (g && sscanf(g + 5, "%u %u", &r, &e) == 2)
			w->gid = r, w->egid = e;
		any = true;
	}
	/* the v2 line "0::/path" (a hybrid system has v1 lines before it) */
	strcpy(p, "cgroup");
	if (read_small(path, buf, sizeof(buf)) > 0) {
		char *l = !strncmp(buf, "0::", 3) ? buf : strstr(buf, "\n0::");

		if (l) {
			l += l == buf ? 3 : 4;
			l[strcspn(l, "\n")] = 0;
			n = strlen(l) < sizeof(w->cgroup) ? strlen(l) : sizeof(w->cgroup) - 1;
			memcpy(w->cgroup, l, n);
			w->cgroup[n] = 0;
			workload_container(w->cgroup, w->container, sizeof(w->container));
		}
		any = true;
	}
	return any;
}

/* JSON string content: printable ASCII as is, '"' and '\\' escaped, every other byte \u00XX
 * (as bstrace --json escapes decoded text) */
static size_t json_str(char *out, size_t len, const char *s)
{
	static const char hexd[] = "0123456789abcdef";
	size_t o = 0;

	for (; *s && o + 7 < len; s++) {
		unsigned char c = *s;

		if (c == '"' || c == '\\') {
			out[o++] = '\\';
			out[o++] = c;
		} else if (c < 0x20 || c >= 0x7f) {
			memcpy(out + o, "\\u00", 4);
			out[o + 4] = hexd[c >> 4];
			out[o + 5] = hexd[c & 15];
			o += 6;
		} else {
			out[o++] = c;
		}
	}
	out[o] = 0;
	return o;
}

static size_t json_id(char *out, size_t len, const char *name, int64_t v)
{
	int n = v < 0 ? snprintf(out, len, ",\"%s\":null", name) :
			snprintf(out, len, ",\"%s\":%lld", name, (long long)v);

	return n < 0 ? 0 : (size_t)n < len ? (size_t)n : len - 1;
}

size_t workload_json(const struct workload *w, char *out, size_t len)
{
	char esc[6 * sizeof(w->cgroup) + 8];
	size_t o = 0;
	int n;

#define PUT(...) do { n = snprintf(out + o, len - o, __VA_ARGS__); \
		      o += n < 0 ? 0 : (size_t)n < len - o ? (size_t)n : len - o - 1; } while (0)
	if (w->comm[0]) {
		json_str(esc, sizeof(esc), w->comm);
		PUT(",\"comm\":\"%s\"", esc);
	} else {
		PUT(",\"comm\":null");
	}
	o += json_id(out + o, len - o, "uid", w->uid);
	o += json_id(out + o, len - o, "gid", w->gid);
	o += json_id(out + o, len - o, "euid", w->euid);
	o += json_id(out + o, len - o, "egid", w->egid);
	if (w->cgroup[0]) {
		json_str(esc, sizeof(esc), w->cgroup);
		PUT(",\"cgroup\":\"%s\"", esc);
	} else {
		PUT(",\"cgroup\":null");
	}
	if (w->container[0])
		PUT(",\"container_id\":\"%s\"", w->container);
#undef PUT
	return o;
}

/* ---- the stream's cache: by tid, overwritten on collision ---- */

#define CACHE_SLOTS	4096

struct cache_ent {
	uint32_t tgid, tid;
	uint64_t read_ns;	/* CLOCK_MONOTONIC of the read; 0: empty */
	struct workload w;
};

struct workload_cache {
	struct cache_ent e[CACHE_SLOTS];
	struct workload none;
};

static uint64_t mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

struct workload_cache *workload_cache_new(void)
{
	struct workload_cache *c = calloc(1, sizeof(*c));

	if (c)
		c->none.uid = c->none.gid = c->none.euid = c->none.egid = -1;
	return c;
}

void workload_cache_free(struct workload_cache *c)
{
	free(c);
}

const struct workload *workload_get(struct workload_cache *c, uint32_t tgid, uint32_t tid,
				    bool refresh)
{
	struct cache_ent *e = &c->e[(tid * 2654435761u) % CACHE_SLOTS];
	uint64_t now = mono_ns();
	struct workload w;

	if (e->read_ns && e->tid == tid && e->tgid == tgid && !refresh &&
	    now - e->read_ns < 1000000000ull)
		return &e->w;
	if (!workload_read(tgid, tid, &w)) {
		/* gone: what was seen of it last, if anything */
		return e->read_ns && e->tid == tid && e->tgid == tgid ? &e->w : &c->none;
	}
	e->tgid = tgid;
	e->tid = tid;
	e->read_ns = now;
	e->w = w;
	return &e->w;
}

/* the unsigned number after `key` in the line's head, or -1 */
static long long head_num(const char *line, size_t n, const char *key, const char **after)
{
	size_t kl = strlen(key), lim = n < 96 ? n : 96;	/* json_head's fields come first */
	const char *p = memmem(line, lim, key, kl), *q;
	long long v = 0;

	if (!p)
		return -1;
	q = p + kl;
	if (q >= line + n || !isdigit((unsigned char)*q))
		return -1;
	while (q < line + n && isdigit((unsigned char)*q))
		v = v * 10 + (*q++ - '0');
	*after = q;
	return v;
}

size_t workload_rewrite(struct workload_cache *c, const char *line, size_t n, char *out,
			size_t len)
{
	const char *after_pid, *after_tid;
	long long pid, tid;
	char extra[8192];
	size_t head, x;

	pid = head_num(line, n, ",\"pid\":", &after_pid);
	tid = head_num(line, n, ",\"tid\":", &after_tid);
	if (strncmp(line, "{\"time\":", 8) || pid < 0 || tid < 0 || pid > UINT32_MAX ||
	    tid > UINT32_MAX) {
		x = n < len ? n : len;
		memcpy(out, line, x);
		return x;
	}
	x = workload_json(workload_get(c, pid, tid, false), extra, sizeof(extra));
	head = after_tid - line;
	if (head + x + (n - head) > len) {
		x = n < len ? n : len;
		memcpy(out, line, x);
		return x;
	}
	memcpy(out, line, head);
	memcpy(out + head, extra, x);
	memcpy(out + head + x, after_tid, n - head);
	return n + x;
}
