// SPDX-License-Identifier: GPL-2.0
/*
 * Log lines and the systemd notify protocol (sd_notify(3) without libsystemd): READY=1 once
 * serving, RELOADING=1/READY=1 around a SIGHUP, STOPPING=1, WATCHDOG=1 at half of
 * $WATCHDOG_USEC, STATUS= lines. Errors sending are ignored: the manager may be gone.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include "service.h"

static bool journal;	/* stderr is the journal: "<N>" prefixes */

void svc_log_init(void)
{
	const char *js = getenv("JOURNAL_STREAM");
	unsigned long long dev, ino;
	struct stat st;
	char end;

	/* "DEV:INO" of the stream systemd connected; a redirected stderr is another file */
	journal = js && sscanf(js, "%llu:%llu%c", &dev, &ino, &end) == 2 && !fstat(2, &st) &&
		  (unsigned long long)st.st_dev == dev && (unsigned long long)st.st_ino == ino;
}

void svc_vlog(int prio, const char *fmt, va_list ap)
{
	char line[2048];
	int n = 0, m;

	if (journal)
		n = snprintf(line, sizeof(line), "<%d>", prio);
	n += snprintf(line + n, sizeof(line) - n, "bstraced: ");
	m = vsnprintf(line + n, sizeof(line) - n - 1, fmt, ap);
	if (m < 0)
		m = 0;
	n += m;
	if (n > (int)sizeof(line) - 2)
		n = sizeof(line) - 2;
	line[n++] = '\n';
	/* one write: lines of the two threads never mix */
	if (write(2, line, n) < 0) {
		/* nowhere left to say it */
	}
}

void svc_log(int prio, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	svc_vlog(prio, fmt, ap);
	va_end(ap);
}

char *svc_escape(char *out, size_t len, const char *in, size_t n)
{
	size_t o = 0, i;

	if (!len)
		return out;
	for (i = 0; (n == (size_t)-1 ? in[i] != 0 : i < n); i++) {
		unsigned char c = in[i];
		char e[5];
		int k;

		if (c == '\n')
			k = snprintf(e, sizeof(e), "\\n");
		else if (c == '\t')
			k = snprintf(e, sizeof(e), "\\t");
		else if (c == '\r')
			k = snprintf(e, sizeof(e), "\\r");
		else if (c == '\\' || c == '"')
			k = snprintf(e, sizeof(e), "\\%c", c);
		else if (c < 0x20 || c >= 0x7f)
			k = snprintf(e, sizeof(e), "\\%o", c);
		else
			e[0] = c, k = 1;
		if (o + k >= len)
			break;
		memcpy(out + o, e, k);
		o += k;
	}
	out[o] = 0;
	return out;
}

/* ---- the notify protocol ---- */

static struct sockaddr_un notify_addr;
static socklen_t notify_len;
static int notify_fd = -1;
static uint64_t watchdog_us, watchdog_last;

uint64_t svc_notify_init(void)
{
	const char *p = getenv("NOTIFY_SOCKET"), *w = getenv("WATCHDOG_USEC");
	const char *wp = getenv("WATCHDOG_PID");
	size_t n;

	if (p && (p[0] == '/' || p[0] == '@') && (n = strlen(p)) < sizeof(notify_addr.sun_path)) {
		notify_addr.sun_family = AF_UNIX;
		memcpy(notify_addr.sun_path, p, n);
		if (p[0] == '@')
			notify_addr.sun_path[0] = 0;	/* an abstract name: no NUL at the end */
		notify_len = offsetof(struct sockaddr_un, sun_path) + n + (p[0] == '/');
		notify_fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	}
	if (w && (!wp || strtoul(wp, NULL, 10) == (unsigned long)getpid())) {
		char *end;
		unsigned long long us = strtoull(w, &end, 10);

		if (!*end && us > 0)
			watchdog_us = us;
	}
	return notify_fd >= 0 ? watchdog_us : 0;
}

void svc_notify(const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	int n;

	if (notify_fd < 0)
		return;
	va_start(ap, fmt);
	n = vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (n >= (int)sizeof(msg))
		n = sizeof(msg) - 1;
	if (sendto(notify_fd, msg, n, MSG_NOSIGNAL, (struct sockaddr *)&notify_addr,
		   notify_len) < 0) {
		/* the manager is gone or the socket is full: nothing to do */
	}
}

void svc_watchdog(uint64_t now_us)
{
	if (!watchdog_us || notify_fd < 0 || now_us - watchdog_last < watchdog_us / 2)
		return;
	watchdog_last = now_us;
	svc_notify("WATCHDOG=1");
}
