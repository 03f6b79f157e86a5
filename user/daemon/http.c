// SPDX-License-Identifier: GPL-2.0
/*
 * The HTTP endpoint. We bind the socket ourselves so that a failure names its cause in one line
 * ("cannot listen on ADDR:PORT: Address already in use") instead of MHD's generic NULL, then
 * hand it to libmicrohttpd, which serves every connection from one internal, event-driven
 * (epoll) thread: a slow client costs a descriptor and a little memory, never a thread.
 *
 * The daemon runs next to untrusted local users, so every connection is bounded:
 * - per client: at most HTTP_PER_CLIENT connections per local user (the peer socket's owner,
 *   asked from the kernel with sock_diag: on loopback every user has the same address) or per
 *   remote address (/64 for IPv6); past it, and past HTTP_MAX_CONNS in all, a new connection
 *   is closed at once, so one user holding slots never takes another user's;
 * - in time: a request's headers must be complete HTTP_REQUEST_SEC after the connection opened
 *   (or after the last response on it), whatever pace they trickle in at; no byte moving for
 *   HTTP_IDLE_SEC ends a connection (MHD); a response not taken whole in HTTP_SEND_SEC ends it;
 * - in size: MHD's per-connection memory pool bounds the headers.
 * /metrics is never rendered on the connections' thread: the request's connection is suspended,
 * a render thread reads the counters once for every request waiting (each is answered with
 * counters read after it arrived; at most one reading every HTTP_RENDER_GAP_MS), gzips the
 * page if asked, and resumes them; the connections send from that one page.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <microhttpd.h>
#include <zlib.h>
#include "common.h"
#include "http.h"

#define HTTP_MAX_CONNS		256	/* connections held at once */
#define HTTP_PER_CLIENT		16	/* of them per local user or remote address */
#define HTTP_MHD_CONNS		512	/* MHD's hard limit (ours closed linger a moment) */
#define HTTP_MHD_PER_IP		128	/* MHD's per-address backstop to HTTP_PER_CLIENT */
#define HTTP_REQUEST_SEC	5	/* headers complete within this */
#define HTTP_IDLE_SEC		5	/* no byte moved for this long: dropped (MHD) */
#define HTTP_SEND_SEC		10	/* a response taken whole within this (Prometheus's
					   default scrape timeout) */
#define HTTP_MEMORY		(32 * 1024)	/* MHD's pool per connection, headers and all */
#define HTTP_SWEEP_MS		250	/* how often the deadlines are checked */
/* between two readings of the maps: a flood of scrapes costs at most 5 renders a second */
#define HTTP_RENDER_GAP_MS	200
#define HTTP_BACKLOG		256
#define LISTEN_MAX		128	/* longer than any ADDR:PORT */

#define CT_TEXT_METRICS	"text/plain; version=0.0.4; charset=utf-8"
#define CT_OPENMETRICS	"application/openmetrics-text; version=1.0.0; charset=utf-8"
#define CT_TEXT		"text/plain; charset=utf-8"

/* a page variant: format * 2 + gzipped */
#define VAR_GZIP	1u
#define NVARIANTS	(HTTP_NFORMATS * 2)

/* one rendering, shared by the requests it answers (refs under srv->lock) */
struct rpage {
	struct http_server *srv;
	int refs;
	int err;
	char *body[NVARIANTS];
	size_t len[NVARIANTS];
};

/* who a connection belongs to, for HTTP_PER_CLIENT */
struct client {
	uint32_t kind;		/* CLIENT_UID, CLIENT_ADDR, or 0: unknown (no quota) */
	uint32_t uid;
	uint8_t addr[16];
};
enum { CLIENT_UID = 1, CLIENT_ADDR };

enum phase {
	PH_HEADERS,	/* waiting for a request's headers: HTTP_REQUEST_SEC */
	PH_BUSY,	/* in our handler */
	PH_WAITING,	/* suspended until the next rendering */
	PH_SENDING,	/* response queued: HTTP_SEND_SEC */
	PH_DROPPED,	/* shut down by us: MHD closes it */
};

struct hconn {
	struct hconn *prev, *next;	/* srv->conns */
	struct hconn *wnext;		/* srv->waiting */
	struct MHD_Connection *mc;
	int fd;
	struct client client;
	enum phase phase;
	uint64_t since;			/* CLOCK_MONOTONIC ms when the phase began */
	unsigned int variant;		/* the page it asked for */
	struct rpage *page;		/* the rendering that answers it */
};

struct http_server {
	struct MHD_Daemon *mhd;
	int port;
	struct http_handlers h;
	atomic_bool starting;	/* MHD's messages are kept only while it starts */
	char why[160];		/* MHD's reason when MHD_start_daemon() fails */
	int diag_fd;		/* NETLINK_SOCK_DIAG, used on MHD's thread only; -1: not open */
	uint32_t diag_seq;

	pthread_mutex_t lock;	/* everything below */
	pthread_cond_t wake;	/* the render thread: requests waiting, or stop */
	pthread_t worker;
	bool worker_started;
	bool stopping;
	struct hconn *conns;	/* every open connection */
	struct hconn *waiting;	/* suspended until the next rendering */
	unsigned int want;	/* bit v: variant v asked for by one of them */
};

static uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

/* ---- ADDR:PORT ---- */

static bool parse_port(const char *s, in_port_t *port)
{
	unsigned long v = 0;
	const char *p;

	if (!*s || strlen(s) > 5)
		return false;
	for (p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return false;
		v = v * 10 + (unsigned long)(*p - '0');
	}
	if (v > 65535)
		return false;
	*port = htons((in_port_t)v);
	return true;
}

/*
 * "1.2.3.4:P" or "[v6]:P", numeric only: a name could resolve to several addresses, and an
 * unbracketed v6 address is ambiguous ("::1:19464" is itself an address).
 */
static bool parse_listen(const char *spec, struct sockaddr_storage *ss, socklen_t *sslen)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;
	char buf[LISTEN_MAX], *host, *colon;

	if (strlen(spec) >= sizeof(buf))
		return false;
	strcpy(buf, spec);
	memset(ss, 0, sizeof(*ss));
	if (buf[0] == '[') {
		host = buf + 1;
		colon = strchr(host, ']');
		if (!colon || colon[1] != ':')
			return false;
		*colon++ = '\0';
		sin6->sin6_family = AF_INET6;
		*sslen = sizeof(*sin6);
		return parse_port(colon + 1, &sin6->sin6_port) &&
		       inet_pton(AF_INET6, host, &sin6->sin6_addr) == 1;
	}
	host = buf;
	colon = strrchr(buf, ':');
	if (!colon)
		return false;
	*colon = '\0';
	sin->sin_family = AF_INET;
	*sslen = sizeof(*sin);
	return parse_port(colon + 1, &sin->sin_port) &&
	       inet_pton(AF_INET, host, &sin->sin_addr) == 1;
}

/* a listening socket, or -1 with errno set */
static int listen_on(const struct sockaddr_storage *ss, socklen_t sslen)
{
	int fd, one = 1, saved;

	fd = socket(ss->ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	/* restart right away although the last run's connections linger in TIME_WAIT */
	if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) == 0 &&
	    bind(fd, (const struct sockaddr *)ss, sslen) == 0 && listen(fd, HTTP_BACKLOG) == 0)
		return fd;
	saved = errno;
	close(fd);
	errno = saved;
	return -1;
}

static int bound_port(int fd)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);

	if (getsockname(fd, (struct sockaddr *)&ss, &len) < 0)
		return -1;
	if (ss.ss_family == AF_INET6)
		return ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
	return ntohs(((struct sockaddr_in *)&ss)->sin_port);
}

/* ---- who is connecting ---- */

/*
 * The uid owning the peer's socket when the peer is on this host (in this network namespace):
 * one sock_diag lookup of the exact 4-tuple, answered in the sendmsg() call itself.
 */
static bool peer_uid(struct http_server *srv, const struct sockaddr_storage *peer,
		     const struct sockaddr_storage *self, uint32_t *uid)
{
	struct {
		struct nlmsghdr nh;
		struct inet_diag_req_v2 r;
	} req;
	union {
		struct nlmsghdr nh;
		char buf[1024];
	} resp;
	const struct inet_diag_msg *m;
	ssize_t n;
	int tries;

	if (srv->diag_fd < 0)
		srv->diag_fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (srv->diag_fd < 0)
		return false;
	memset(&req, 0, sizeof(req));
	req.nh.nlmsg_len = sizeof(req);
	req.nh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
	req.nh.nlmsg_flags = NLM_F_REQUEST;
	req.nh.nlmsg_seq = ++srv->diag_seq;
	req.r.sdiag_family = (uint8_t)peer->ss_family;
	req.r.sdiag_protocol = IPPROTO_TCP;
	req.r.idiag_states = ~0u;
	req.r.id.idiag_cookie[0] = INET_DIAG_NOCOOKIE;
	req.r.id.idiag_cookie[1] = INET_DIAG_NOCOOKIE;
	/* the peer's socket: its source is the peer, its destination us */
	if (peer->ss_family == AF_INET) {
		const struct sockaddr_in *p = (const void *)peer, *s = (const void *)self;

		req.r.id.idiag_sport = p->sin_port;
		req.r.id.idiag_dport = s->sin_port;
		memcpy(req.r.id.idiag_src, &p->sin_addr, 4);
		memcpy(req.r.id.idiag_dst, &s->sin_addr, 4);
	} else {
		const struct sockaddr_in6 *p = (const void *)peer, *s = (const void *)self;

		req.r.id.idiag_sport = p->sin6_port;
		req.r.id.idiag_dport = s->sin6_port;
		memcpy(req.r.id.idiag_src, &p->sin6_addr, 16);
		memcpy(req.r.id.idiag_dst, &s->sin6_addr, 16);
	}
	if (send(srv->diag_fd, &req, sizeof(req), 0) != (ssize_t)sizeof(req))
		return false;
	for (tries = 0; tries < 4; tries++) {
		n = recv(srv->diag_fd, &resp, sizeof(resp), MSG_DONTWAIT);
		if (n < (ssize_t)sizeof(resp.nh) || !NLMSG_OK(&resp.nh, (size_t)n))
			return false;
		if (resp.nh.nlmsg_seq != srv->diag_seq)
			continue;	/* a late answer to an earlier lookup */
		if (resp.nh.nlmsg_type != SOCK_DIAG_BY_FAMILY ||
		    resp.nh.nlmsg_len < NLMSG_LENGTH(sizeof(*m)))
			return false;	/* NLMSG_ERROR: not a socket of this host */
		m = NLMSG_DATA(&resp.nh);
		*uid = m->idiag_uid;
		return true;
	}
	return false;
}

/* an IPv4-mapped IPv6 address (a dual-stack [::] socket) as the IPv4 one it is */
static void unmap_v4(struct sockaddr_storage *ss)
{
	struct sockaddr_in6 s6 = *(struct sockaddr_in6 *)ss;
	struct sockaddr_in *s4 = (struct sockaddr_in *)ss;

	if (ss->ss_family != AF_INET6 || !IN6_IS_ADDR_V4MAPPED(&s6.sin6_addr))
		return;
	memset(ss, 0, sizeof(*ss));
	s4->sin_family = AF_INET;
	s4->sin_port = s6.sin6_port;
	memcpy(&s4->sin_addr, &s6.sin6_addr.s6_addr[12], 4);
}

static void client_of(struct http_server *srv, int fd, struct client *c)
{
	struct sockaddr_storage peer, self;
	socklen_t plen = sizeof(peer), slen = sizeof(self);

	memset(c, 0, sizeof(*c));
	if (getpeername(fd, (struct sockaddr *)&peer, &plen) ||
	    getsockname(fd, (struct sockaddr *)&self, &slen))
		return;
	unmap_v4(&peer);
	unmap_v4(&self);
	if (peer.ss_family != AF_INET && peer.ss_family != AF_INET6)
		return;
	if (peer.ss_family == self.ss_family && peer_uid(srv, &peer, &self, &c->uid)) {
		c->kind = CLIENT_UID;
		return;
	}
	c->kind = CLIENT_ADDR;
	if (peer.ss_family == AF_INET)
		memcpy(c->addr, &((struct sockaddr_in *)&peer)->sin_addr, 4);
	else	/* a remote IPv6 host has a /64 to itself */
		memcpy(c->addr + 4, &((struct sockaddr_in6 *)&peer)->sin6_addr, 8);
}

/* ---- connections: quotas and deadlines ---- */

static void conn_drop(struct hconn *hc)
{
	struct linger abort_on_close = { .l_onoff = 1, .l_linger = 0 };

	if (hc->phase == PH_DROPPED)
		return;
	/*
	 * MHD sees the end of the stream and closes it (the descriptor stays MHD's); its close
	 * then resets the connection, discarding what the kernel still holds for a slow reader
	 * instead of sending it on
	 */
	setsockopt(hc->fd, SOL_SOCKET, SO_LINGER, &abort_on_close, sizeof(abort_on_close));
	shutdown(hc->fd, SHUT_RDWR);
	hc->phase = PH_DROPPED;
}

static void conn_phase(struct http_server *srv, struct hconn *hc, enum phase ph)
{
	pthread_mutex_lock(&srv->lock);
	if (hc->phase != PH_DROPPED) {
		hc->phase = ph;
		hc->since = now_ms();
	}
	pthread_mutex_unlock(&srv->lock);
}

static void page_put(struct rpage *p)
{
	size_t i;

	if (!p || --p->refs > 0)
		return;
	for (i = 0; i < NVARIANTS; i++)
		free(p->body[i]);
	free(p);
}

/* a response is done with its page (MHD's thread) */
static void page_release(void *cls)
{
	struct rpage *p = cls;
	struct http_server *srv = p->srv;

	pthread_mutex_lock(&srv->lock);
	page_put(p);
	pthread_mutex_unlock(&srv->lock);
}

/* a new connection past its client's quota, or past the total, is closed at once */
static void conn_started(struct http_server *srv, struct MHD_Connection *mc, void **ctx)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(mc,
		MHD_CONNECTION_INFO_CONNECTION_FD);
	struct hconn *hc, *o;
	unsigned int total = 0, mine = 0;

	if (!ci)
		return;
	hc = calloc(1, sizeof(*hc));
	if (!hc) {
		shutdown(ci->connect_fd, SHUT_RDWR);
		return;
	}
	hc->mc = mc;
	hc->fd = ci->connect_fd;
	client_of(srv, hc->fd, &hc->client);
	pthread_mutex_lock(&srv->lock);
	for (o = srv->conns; o; o = o->next) {
		if (o->phase == PH_DROPPED)
			continue;
		total++;
		if (hc->client.kind && !memcmp(&o->client, &hc->client, sizeof(hc->client)))
			mine++;
	}
	hc->phase = PH_HEADERS;
	hc->since = now_ms();
	if (total >= HTTP_MAX_CONNS || mine >= HTTP_PER_CLIENT)
		conn_drop(hc);
	hc->next = srv->conns;
	if (srv->conns)
		srv->conns->prev = hc;
	srv->conns = hc;
	pthread_mutex_unlock(&srv->lock);
	*ctx = hc;
}

static void on_connection(void *cls, struct MHD_Connection *mc, void **ctx,
			  enum MHD_ConnectionNotificationCode toe)
{
	struct http_server *srv = cls;
	struct hconn *hc = *ctx;

	if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
		conn_started(srv, mc, ctx);
		return;
	}
	if (!hc)
		return;
	pthread_mutex_lock(&srv->lock);
	if (hc->prev)
		hc->prev->next = hc->next;
	else
		srv->conns = hc->next;
	if (hc->next)
		hc->next->prev = hc->prev;
	page_put(hc->page);
	pthread_mutex_unlock(&srv->lock);
	free(hc);
	*ctx = NULL;
}

/* a request is over (answered, or its connection failed): the next one's clock starts */
static void on_completed(void *cls, struct MHD_Connection *mc, void **req_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct http_server *srv = cls;
	struct hconn *hc = *req_cls;

	(void)mc;
	(void)toe;
	if (!hc)
		return;
	pthread_mutex_lock(&srv->lock);
	page_put(hc->page);
	hc->page = NULL;
	if (hc->phase != PH_DROPPED) {
		hc->phase = PH_HEADERS;
		hc->since = now_ms();
	}
	pthread_mutex_unlock(&srv->lock);
	*req_cls = NULL;
}

/* under srv->lock: connections past their deadline are shut down */
static void sweep(struct http_server *srv)
{
	uint64_t now = now_ms();
	struct hconn *hc;

	for (hc = srv->conns; hc; hc = hc->next) {
		if ((hc->phase == PH_HEADERS && now - hc->since > HTTP_REQUEST_SEC * 1000u) ||
		    (hc->phase == PH_SENDING && now - hc->since > HTTP_SEND_SEC * 1000u))
			conn_drop(hc);
	}
}

/* ---- rendering, on its own thread ---- */

static int gzip_buf(const char *in, size_t len, char **out, size_t *outlen)
{
	z_stream z;
	size_t cap;
	int rc;

	memset(&z, 0, sizeof(z));
	if (len > UINT32_MAX / 2 ||
	    deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return -ENOMEM;
	cap = deflateBound(&z, (uLong)len);
	*out = malloc(cap);
	if (!*out) {
		deflateEnd(&z);
		return -ENOMEM;
	}
	z.next_in = (Bytef *)in;
	z.avail_in = (uInt)len;
	z.next_out = (Bytef *)*out;
	z.avail_out = (uInt)cap;
	rc = deflate(&z, Z_FINISH);
	*outlen = z.total_out;
	deflateEnd(&z);
	if (rc != Z_STREAM_END) {
		free(*out);
		*out = NULL;
		return -ENOMEM;
	}
	return 0;
}

/* the variants in `want`, from one reading of the counters; NULL if out of memory */
static struct rpage *render_page(struct http_server *srv, unsigned int want)
{
	struct rpage *p = calloc(1, sizeof(*p));
	struct http_page hp;
	unsigned int formats = 0, v, f;

	if (!p)
		return NULL;
	p->srv = srv;
	p->refs = 1;
	for (v = 0; v < NVARIANTS; v++)
		if (want & (1u << v))
			formats |= 1u << (v / 2);
	memset(&hp, 0, sizeof(hp));
	p->err = srv->h.metrics(srv->h.ctx, formats, &hp);
	for (f = 0; f < HTTP_NFORMATS; f++) {
		if (p->err || !(formats & (1u << f))) {
			free(hp.body[f]);
			continue;
		}
		p->body[f * 2] = hp.body[f];
		p->len[f * 2] = hp.len[f];
	}
	for (v = 0; v < NVARIANTS && !p->err; v++) {
		/* a page that cannot be compressed goes out as it is */
		if ((v & VAR_GZIP) && (want & (1u << v)) && p->body[v - 1] &&
		    gzip_buf(p->body[v - 1], p->len[v - 1], &p->body[v], &p->len[v]))
			p->body[v] = NULL;
	}
	return p;
}

/* under srv->lock (dropped while rendering): answers every request waiting now */
static void render_batch(struct http_server *srv)
{
	struct hconn *batch = srv->waiting, *hc, *next;
	unsigned int want = srv->want;
	bool stopping = srv->stopping;
	struct rpage *page;

	srv->waiting = NULL;
	srv->want = 0;
	pthread_mutex_unlock(&srv->lock);
	page = stopping ? NULL : render_page(srv, want);
	pthread_mutex_lock(&srv->lock);
	for (hc = batch; hc; hc = hc->wnext) {
		hc->page = page;
		if (page)
			page->refs++;
	}
	page_put(page);
	pthread_mutex_unlock(&srv->lock);
	/* a suspended connection is not closed by MHD: each one is still there to resume */
	for (hc = batch; hc; hc = next) {
		next = hc->wnext;
		MHD_resume_connection(hc->mc);
	}
	pthread_mutex_lock(&srv->lock);
}

static void *worker_main(void *arg)
{
	struct http_server *srv = arg;
	uint64_t last_sweep = 0, last_render = 0, now, wait;
	struct timespec ts;

	pthread_mutex_lock(&srv->lock);
	while (!srv->stopping) {
		now = now_ms();
		if (srv->waiting && now - last_render >= HTTP_RENDER_GAP_MS) {
			last_render = now;
			render_batch(srv);
			now = now_ms();
		}
		if (now - last_sweep >= HTTP_SWEEP_MS) {
			sweep(srv);
			last_sweep = now;
		}
		if (srv->stopping)
			break;
		wait = HTTP_SWEEP_MS;
		if (srv->waiting)
			wait = now - last_render >= HTTP_RENDER_GAP_MS ? 0 :
			       last_render + HTTP_RENDER_GAP_MS - now;
		if (!wait)
			continue;
		clock_gettime(CLOCK_MONOTONIC, &ts);
		ts.tv_nsec += (long)wait * 1000000L;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&srv->wake, &srv->lock, &ts);
	}
	/* stopping: whoever still waits is resumed without a page (503) */
	if (srv->waiting)
		render_batch(srv);
	pthread_mutex_unlock(&srv->lock);
	return NULL;
}

/* ---- requests ---- */

static enum MHD_Result reply(struct MHD_Connection *conn, unsigned int status, const char *type,
			     void *body, size_t len, enum MHD_ResponseMemoryMode mode)
{
	struct MHD_Response *resp;
	enum MHD_Result ret;

	resp = MHD_create_response_from_buffer(len, body, mode);
	if (!resp) {
		if (mode == MHD_RESPMEM_MUST_FREE)
			free(body);
		return MHD_NO;
	}
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
	ret = MHD_queue_response(conn, status, resp);
	MHD_destroy_response(resp);
	return ret;
}

static enum MHD_Result reply_text(struct MHD_Connection *conn, unsigned int status,
				  const char *text)
{
	/* MHD only reads a PERSISTENT buffer, the cast drops nothing it would write to */
	return reply(conn, status, CT_TEXT, (void *)text, strlen(text), MHD_RESPMEM_PERSISTENT);
}

/* we serve no uploads: a body announced by its headers is refused before it is read */
static bool has_body(struct MHD_Connection *conn)
{
	const char *cl, *te;

	cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
	te = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
					 MHD_HTTP_HEADER_TRANSFER_ENCODING);
	return te || (cl && strspn(cl, "0") != strlen(cl));
}

/*
 * The highest quality ("q") a header's comma-separated list gives `name` (compared without
 * case, parameters other than q ignored), or -1 when it is not in the list.
 */
static double list_q(const char *hdr, const char *name)
{
	size_t nlen = strlen(name), len;
	double best = -1, q;
	const char *p = hdr, *end, *semi, *qp;

	while (p && *p) {
		p += strspn(p, " \t,");
		end = p + strcspn(p, ",");
		semi = memchr(p, ';', (size_t)(end - p));
		len = (size_t)((semi ? semi : end) - p);
		while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		if (len == nlen && !strncasecmp(p, name, nlen)) {
			q = 1;
			for (qp = semi; qp && qp < end;
			     qp = memchr(qp + 1, ';', (size_t)(end - qp - 1))) {
				qp += strspn(qp + 1, " \t") + 1;
				if ((*qp == 'q' || *qp == 'Q') && qp[1] == '=')
					q = strtod(qp + 2, NULL);
				qp--;
			}
			if (q > best)
				best = q;
		}
		p = *end ? end + 1 : end;
	}
	return best;
}

/* the page variant a request asks for: OpenMetrics when Accept prefers it, gzip when accepted */
static unsigned int variant_of(struct MHD_Connection *conn)
{
	const char *acc = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
						      MHD_HTTP_HEADER_ACCEPT);
	const char *enc = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
						      MHD_HTTP_HEADER_ACCEPT_ENCODING);
	unsigned int v = HTTP_FMT_TEXT * 2;
	double om, text, gz;

	if (acc) {
		om = list_q(acc, "application/openmetrics-text");
		text = list_q(acc, "text/plain");
		if (text < 0)
			text = list_q(acc, "text/*");
		if (text < 0)
			text = list_q(acc, "*/*");
		/* a tie goes to the classic format */
		if (om > 0 && om > text)
			v = HTTP_FMT_OPENMETRICS * 2;
	}
	if (enc) {
		gz = list_q(enc, "gzip");
		if (gz < 0)
			gz = list_q(enc, "x-gzip");
		if (gz < 0)
			gz = list_q(enc, "*");
		if (gz > 0)
			v |= VAR_GZIP;
	}
	return v;
}

/* the connection is parked; the render thread resumes it with a page (or with none: 500/503) */
static enum MHD_Result wait_metrics(struct http_server *srv, struct MHD_Connection *conn,
				    struct hconn *hc)
{
	hc->variant = variant_of(conn);
	/* under the lock: once the render thread has gone, nothing is parked */
	pthread_mutex_lock(&srv->lock);
	if (srv->stopping) {
		pthread_mutex_unlock(&srv->lock);
		return reply_text(conn, MHD_HTTP_SERVICE_UNAVAILABLE, "shutting down\n");
	}
	MHD_suspend_connection(conn);
	hc->phase = PH_WAITING;
	hc->wnext = srv->waiting;
	srv->waiting = hc;
	srv->want |= 1u << hc->variant;
	pthread_cond_signal(&srv->wake);
	pthread_mutex_unlock(&srv->lock);
	return MHD_YES;
}

static enum MHD_Result serve_metrics(struct http_server *srv, struct MHD_Connection *conn,
				     struct hconn *hc)
{
	unsigned int v = hc->variant;
	struct MHD_Response *resp;
	enum MHD_Result ret;
	struct rpage *page;
	bool stopping;

	pthread_mutex_lock(&srv->lock);
	page = hc->page;
	hc->page = NULL;
	stopping = srv->stopping;
	pthread_mutex_unlock(&srv->lock);
	if (page && !page->body[v])
		v &= ~VAR_GZIP;		/* could not be compressed */
	if (!page || page->err || !page->body[v]) {
		pthread_mutex_lock(&srv->lock);
		page_put(page);
		pthread_mutex_unlock(&srv->lock);
		if (stopping)
			return reply_text(conn, MHD_HTTP_SERVICE_UNAVAILABLE, "shutting down\n");
		return reply_text(conn, MHD_HTTP_INTERNAL_SERVER_ERROR, "cannot render metrics\n");
	}
	/* the response holds our reference: every connection sends from the one page */
	resp = MHD_create_response_from_buffer_with_free_callback_cls(page->len[v], page->body[v],
								      page_release, page);
	if (!resp) {
		page_release(page);
		return MHD_NO;
	}
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
				v / 2 == HTTP_FMT_OPENMETRICS ? CT_OPENMETRICS : CT_TEXT_METRICS);
	if (v & VAR_GZIP)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
	MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY, "Accept, Accept-Encoding");
	ret = MHD_queue_response(conn, MHD_HTTP_OK, resp);
	MHD_destroy_response(resp);
	return ret;
}

static enum MHD_Result serve_health(struct http_server *srv, struct MHD_Connection *conn)
{
	if (srv->h.healthy(srv->h.ctx))
		return reply_text(conn, MHD_HTTP_OK, "ok\n");
	return reply_text(conn, MHD_HTTP_SERVICE_UNAVAILABLE, "unhealthy\n");
}

static enum MHD_Result route(struct http_server *srv, struct MHD_Connection *conn,
			     struct hconn *hc, const char *url, const char *method)
{
	bool metrics = !strcmp(url, "/metrics");

	if (!metrics && strcmp(url, "/healthz"))
		return reply_text(conn, MHD_HTTP_NOT_FOUND, "not found\n");
	if (strcmp(method, MHD_HTTP_METHOD_GET) && strcmp(method, MHD_HTTP_METHOD_HEAD))
		return reply_text(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "method not allowed\n");
	if (has_body(conn))
		return reply_text(conn, MHD_HTTP_CONTENT_TOO_LARGE, "request body not accepted\n");
	return metrics ? wait_metrics(srv, conn, hc) : serve_health(srv, conn);
}

/*
 * Every request is decided on the first call, with its headers only: GET and HEAD carry no
 * body, and anything else is refused without reading one. MHD leaves the body out of HEAD
 * replies itself. /metrics comes back here a second time, resumed with its page.
 */
static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version,
				  const char *upload_data, size_t *upload_data_size,
				  void **req_cls)
{
	struct http_server *srv = cls;
	const union MHD_ConnectionInfo *ci;
	struct hconn *hc = *req_cls;
	enum MHD_Result ret;
	bool dropped;

	(void)version;
	(void)upload_data;
	(void)upload_data_size;
	if (!hc) {
		ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
		hc = ci ? ci->socket_context : NULL;
		if (!hc)
			return MHD_NO;
		*req_cls = hc;
		pthread_mutex_lock(&srv->lock);
		dropped = hc->phase == PH_DROPPED;
		pthread_mutex_unlock(&srv->lock);
		/* past its quota or its deadline: nothing more is done for it */
		if (dropped)
			return MHD_NO;
		conn_phase(srv, hc, PH_BUSY);
		ret = route(srv, conn, hc, url, method);
	} else {
		ret = serve_metrics(srv, conn, hc);
	}
	/* answered (not parked): the response's deadline starts */
	pthread_mutex_lock(&srv->lock);
	if (hc->phase != PH_WAITING && hc->phase != PH_DROPPED) {
		hc->phase = PH_SENDING;
		hc->since = now_ms();
	}
	pthread_mutex_unlock(&srv->lock);
	return ret;
}

static __attribute__((format(printf, 2, 0))) void on_mhd_log(void *cls, const char *fmt,
							      va_list ap)
{
	struct http_server *srv = cls;
	size_t n;

	/* at run time MHD only reports clients misbehaving: not worth a line on stderr */
	if (!atomic_load(&srv->starting))
		return;
	vsnprintf(srv->why, sizeof(srv->why), fmt, ap);
	n = strcspn(srv->why, "\n");
	srv->why[n] = '\0';
}

/* ---- start and stop ---- */

static void set_err(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (!err || !errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

static bool start_mhd(struct http_server *srv, int fd)
{
	/* one epoll thread for every connection; parked /metrics requests wait suspended */
	unsigned int flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG |
			     MHD_ALLOW_SUSPEND_RESUME;

	atomic_store(&srv->starting, true);
	/* the logger comes first so that no option's complaint reaches stderr */
	srv->mhd = MHD_start_daemon(flags, 0, NULL, NULL, on_request, srv,
				    MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, srv,
				    MHD_OPTION_LISTEN_SOCKET, (MHD_socket)fd,
				    MHD_OPTION_NOTIFY_CONNECTION, on_connection, srv,
				    MHD_OPTION_NOTIFY_COMPLETED, on_completed, srv,
				    MHD_OPTION_CONNECTION_LIMIT, (unsigned int)HTTP_MHD_CONNS,
				    MHD_OPTION_PER_IP_CONNECTION_LIMIT,
				    (unsigned int)HTTP_MHD_PER_IP,
				    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)HTTP_IDLE_SEC,
				    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HTTP_MEMORY,
				    MHD_OPTION_END);
	atomic_store(&srv->starting, false);
	return srv->mhd != NULL;
}

static void srv_free(struct http_server *srv)
{
	struct hconn *hc;

	while ((hc = srv->conns)) {
		srv->conns = hc->next;
		page_put(hc->page);
		free(hc);
	}
	if (srv->diag_fd >= 0)
		close(srv->diag_fd);
	pthread_cond_destroy(&srv->wake);
	pthread_mutex_destroy(&srv->lock);
	free(srv);
}

static bool srv_init(struct http_server *srv)
{
	pthread_condattr_t ca;
	bool ok;

	srv->diag_fd = -1;
	if (pthread_condattr_init(&ca))
		return false;
	ok = !pthread_condattr_setclock(&ca, CLOCK_MONOTONIC) &&
	     !pthread_cond_init(&srv->wake, &ca);
	pthread_condattr_destroy(&ca);
	if (!ok)
		return false;
	if (pthread_mutex_init(&srv->lock, NULL)) {
		pthread_cond_destroy(&srv->wake);
		return false;
	}
	return true;
}

struct http_server *http_start(const char *spec, const struct http_handlers *h, char *err,
			       size_t errlen)
{
	struct sockaddr_storage ss;
	struct http_server *srv;
	socklen_t sslen;
	int fd, rc;

	if (!spec)
		spec = "";
	if (!parse_listen(spec, &ss, &sslen)) {
		set_err(err, errlen, "bad --listen address '%s' (want ADDR:PORT)", spec);
		return NULL;
	}
	fd = listen_on(&ss, sslen);
	if (fd < 0) {
		set_err(err, errlen, "cannot listen on %s: %s", spec, strerror(errno));
		return NULL;
	}
	srv = calloc(1, sizeof(*srv));
	if (!srv || !srv_init(srv)) {
		set_err(err, errlen, "cannot listen on %s: %s", spec, strerror(ENOMEM));
		free(srv);
		close(fd);
		return NULL;
	}
	srv->h = *h;
	srv->port = bound_port(fd);
	/* without sock_diag every local user is one client, 127.0.0.1, and shares one quota */
	srv->diag_fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (srv->diag_fd < 0)
		warnx_("cannot ask the kernel who owns local connections (sock_diag: %s): local "
		       "users share one HTTP connection quota", strerror(errno));
	rc = pthread_create(&srv->worker, NULL, worker_main, srv);
	if (rc) {
		set_err(err, errlen, "cannot start the HTTP server on %s: %s", spec, strerror(rc));
		close(fd);
		srv_free(srv);
		return NULL;
	}
	srv->worker_started = true;
	/* from here on MHD owns the socket: MHD_stop_daemon() closes it, a failed start does not */
	if (!start_mhd(srv, fd)) {
		set_err(err, errlen, "cannot start the HTTP server on %s: %s", spec,
			srv->why[0] ? srv->why : "libmicrohttpd failed");
		close(fd);
		http_stop(srv);
		return NULL;
	}
	return srv;
}

int http_port(const struct http_server *srv)
{
	return srv->port;
}

/*
 * Stops the render thread (requests still waiting get 503), then MHD's, dropping open
 * connections, and closes the listening socket (MHD owns it).
 */
void http_stop(struct http_server *srv)
{
	if (!srv)
		return;
	pthread_mutex_lock(&srv->lock);
	srv->stopping = true;
	pthread_cond_signal(&srv->wake);
	pthread_mutex_unlock(&srv->lock);
	if (srv->worker_started)
		pthread_join(srv->worker, NULL);
	if (srv->mhd)
		MHD_stop_daemon(srv->mhd);
	srv_free(srv);
}
