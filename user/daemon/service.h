/* SPDX-License-Identifier: GPL-2.0 */
/*
 * bstraced as a service: log lines with syslog priority prefixes when stderr is the journal,
 * and the systemd notify protocol (a datagram to $NOTIFY_SOCKET, no library).
 */
#ifndef BSTRACED_SERVICE_H
#define BSTRACED_SERVICE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* syslog priorities used in the "<N>" prefixes */
enum { SVC_ERR = 3, SVC_WARNING = 4, SVC_NOTICE = 5, SVC_INFO = 6 };

/* decides once whether stderr is the journal ($JOURNAL_STREAM names stderr's dev:ino) */
void svc_log_init(void);
/* one line on stderr: ["<PRIO>"]"bstraced: " message "\n", written with one write() */
void svc_log(int prio, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void svc_vlog(int prio, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

/*
 * `in` (n bytes, or up to its NUL when n is (size_t)-1) as C-style text for a log line:
 * printable ASCII but '\\' and '"' as is, \n \t \r \\ \" and every other byte as \ooo
 * (octal, as strace prints it). Always NUL-terminates; truncates to fit. Returns out.
 */
char *svc_escape(char *out, size_t len, const char *in, size_t n);

/* reads $NOTIFY_SOCKET and $WATCHDOG_USEC/$WATCHDOG_PID; returns the watchdog period in
 * microseconds (0: none) */
uint64_t svc_notify_init(void);
/* sends one notify datagram ("READY=1\nSTATUS=..."); nothing without $NOTIFY_SOCKET */
void svc_notify(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* WATCHDOG=1 when half the watchdog period has gone by since the last one (now: monotonic us) */
void svc_watchdog(uint64_t now_us);

#endif /* BSTRACED_SERVICE_H */
