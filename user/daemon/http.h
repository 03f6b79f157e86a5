/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The HTTP endpoint (libmicrohttpd): GET /metrics and GET /healthz. One event-driven thread
 * serves the connections; /metrics pages are rendered on a thread of their own, once for all
 * the requests waiting, while the connections that asked are suspended.
 */
#ifndef BSTRACED_HTTP_H
#define BSTRACED_HTTP_H

#include <stdbool.h>
#include <stddef.h>

struct http_server;

/* the expositions /metrics can answer in (chosen by the request's Accept header) */
enum http_format {
	HTTP_FMT_TEXT,		/* Prometheus text format 0.0.4 */
	HTTP_FMT_OPENMETRICS,	/* OpenMetrics 1.0.0 */
	HTTP_NFORMATS,
};

/* one rendering: body[f] (malloc'ed, freed by the server) for each format asked for */
struct http_page {
	char *body[HTTP_NFORMATS];
	size_t len[HTTP_NFORMATS];
};

struct http_handlers {
	/*
	 * GET /metrics, on the server's render thread (never concurrently with itself): fill
	 * page->body[f] and len[f] for every f whose bit (1 << f) is in `formats`, all from one
	 * reading of the counters; 0, or -errno (500)
	 */
	int (*metrics)(void *ctx, unsigned int formats, struct http_page *page);
	/* GET /healthz, on the connections' thread: true -> 200 "ok\n", false -> 503 */
	bool (*healthy)(void *ctx);
	void *ctx;
};

/*
 * Parses "ADDR:PORT" ("127.0.0.1:19464", "[::1]:19464", "0.0.0.0:19464"), binds and listens, and
 * starts serving. On failure returns NULL and writes a one-line reason into err (e.g.
 * "cannot listen on 127.0.0.1:19464: Address already in use", "bad --listen address 'x'
 * (want ADDR:PORT)").
 */
struct http_server *http_start(const char *listen, const struct http_handlers *h, char *err,
			       size_t errlen);
/* the port actually bound (useful with port 0) */
int http_port(const struct http_server *srv);
void http_stop(struct http_server *srv);

#endif /* BSTRACED_HTTP_H */
