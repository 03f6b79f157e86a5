/* SPDX-License-Identifier: GPL-2.0 */
/* The HTTP endpoint (libmicrohttpd, its own thread): GET /metrics and GET /healthz. */
#ifndef BSTRACED_HTTP_H
#define BSTRACED_HTTP_H

#include <stdbool.h>
#include <stddef.h>

struct http_server;

struct http_handlers {
	/* GET /metrics: fill *body (malloc'ed, freed by the server) and *len; 0 or -errno (500) */
	int (*metrics)(void *ctx, char **body, size_t *len);
	/* GET /healthz: true -> 200 "ok\n", false -> 503 "unhealthy\n" */
	bool (*healthy)(void *ctx);
	void *ctx;
};

/*
 * Parses "ADDR:PORT" ("127.0.0.1:9464", "[::1]:9464", "0.0.0.0:9464"), binds and listens, and
 * starts serving. On failure returns NULL and writes a one-line reason into err (e.g.
 * "cannot listen on 127.0.0.1:9464: Address already in use", "bad --listen address 'x' (want ADDR:PORT)").
 */
struct http_server *http_start(const char *listen, const struct http_handlers *h, char *err,
			       size_t errlen);
/* the port actually bound (useful with port 0) */
int http_port(const struct http_server *srv);
void http_stop(struct http_server *srv);

#endif /* BSTRACED_HTTP_H */
