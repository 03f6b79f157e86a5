// SPDX-License-Identifier: GPL-2.0
/*
 * The HTTP endpoint. We bind the socket ourselves so that a failure names its cause in one line
 * ("cannot listen on ADDR:PORT: Address already in use") instead of MHD's generic NULL, then
 * hand it to libmicrohttpd, which serves it from one internal thread: the handlers are never
 * called concurrently.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <microhttpd.h>
#include "common.h"
#include "http.h"

#define HTTP_MAX_CONNS		32	/* Prometheus scrapes with one; room for curl */
#define HTTP_TIMEOUT_SEC	10	/* idle clients are dropped after this */
#define HTTP_BACKLOG		64
#define LISTEN_MAX		128	/* longer than any ADDR:PORT */

#define CT_METRICS	"text/plain; version=0.0.4; charset=utf-8"
#define CT_TEXT		"text/plain; charset=utf-8"

struct http_server {
	struct MHD_Daemon *mhd;
	int port;
	struct http_handlers h;
	atomic_bool starting;	/* MHD's messages are kept only while it starts */
	char why[160];		/* MHD's reason when MHD_start_daemon() fails */
};

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
 * unbracketed v6 address is ambiguous ("::1:9464" is itself an address).
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

static enum MHD_Result serve_metrics(struct http_server *srv, struct MHD_Connection *conn)
{
	char *body = NULL;
	size_t len = 0;

	if (srv->h.metrics(srv->h.ctx, &body, &len)) {
		free(body);
		return reply_text(conn, MHD_HTTP_INTERNAL_SERVER_ERROR, "cannot render metrics\n");
	}
	return reply(conn, MHD_HTTP_OK, CT_METRICS, body, len, MHD_RESPMEM_MUST_FREE);
}

static enum MHD_Result serve_health(struct http_server *srv, struct MHD_Connection *conn)
{
	if (srv->h.healthy(srv->h.ctx))
		return reply_text(conn, MHD_HTTP_OK, "ok\n");
	return reply_text(conn, MHD_HTTP_SERVICE_UNAVAILABLE, "unhealthy\n");
}

/*
 * Every request is answered on the first call, with its headers only: GET and HEAD carry no
 * body, and anything else is refused without reading one. MHD leaves the body out of HEAD
 * replies itself.
 */
static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version,
				  const char *upload_data, size_t *upload_data_size,
				  void **req_cls)
{
	struct http_server *srv = cls;
	bool metrics = !strcmp(url, "/metrics");

	if (!metrics && strcmp(url, "/healthz"))
		return reply_text(conn, MHD_HTTP_NOT_FOUND, "not found\n");
	if (strcmp(method, MHD_HTTP_METHOD_GET) && strcmp(method, MHD_HTTP_METHOD_HEAD))
		return reply_text(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "method not allowed\n");
	if (has_body(conn))
		return reply_text(conn, MHD_HTTP_CONTENT_TOO_LARGE, "request body not accepted\n");
	return metrics ? serve_metrics(srv, conn) : serve_health(srv, conn);
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
	unsigned int flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG;

	atomic_store(&srv->starting, true);
	/* the logger comes first so that no option's complaint reaches stderr */
	srv->mhd = MHD_start_daemon(flags, 0, NULL, NULL, on_request, srv,
				    MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, srv,
				    MHD_OPTION_LISTEN_SOCKET, (MHD_socket)fd,
				    MHD_OPTION_CONNECTION_LIMIT, (unsigned int)HTTP_MAX_CONNS,
				    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)HTTP_TIMEOUT_SEC,
				    MHD_OPTION_END);
	atomic_store(&srv->starting, false);
	return srv->mhd != NULL;
}

struct http_server *http_start(const char *spec, const struct http_handlers *h, char *err,
			       size_t errlen)
{
	struct sockaddr_storage ss;
	struct http_server *srv;
	socklen_t sslen;
	int fd;

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
	if (!srv) {
		set_err(err, errlen, "cannot listen on %s: %s", spec, strerror(ENOMEM));
		close(fd);
		return NULL;
	}
	srv->h = *h;
	srv->port = bound_port(fd);
	/* from here on MHD owns the socket: MHD_stop_daemon() closes it, a failed start does not */
	if (!start_mhd(srv, fd)) {
		set_err(err, errlen, "cannot start the HTTP server on %s: %s", spec,
			srv->why[0] ? srv->why : "libmicrohttpd failed");
		close(fd);
		free(srv);
		return NULL;
	}
	return srv;
}

int http_port(const struct http_server *srv)
{
	return srv->port;
}

/* stops the thread, dropping open connections, and closes the listening socket (MHD owns it) */
void http_stop(struct http_server *srv)
{
	if (!srv)
		return;
	MHD_stop_daemon(srv->mhd);
	free(srv);
}
