/* bstrace-test: -e trace=?poll,ppoll,?select,pselect6,epoll_create1,epoll_ctl,?epoll_wait,epoll_pwait */
/*
 * I/O multiplexing with zero timeouts on a pipe whose write end is
 * always writable and whose read end has data only at times.
 * poll, select and epoll_wait exist only on some arches (x86_64, not
 * arm64/riscv64): without them ppoll, pselect6 and epoll_pwait are made
 * in their place, with a NULL signal mask.
 */
#include "corpus.h"
#include <poll.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/select.h>

int main(void)
{
	struct pollfd pfd[2];
	struct timespec ts = { 0, 0 };
	struct timeval tv = { 0, 0 };
	struct epoll_event ev, evs[4];
	fd_set rfds, wfds;
	int p[2], ep, nfds;
	long rc;
	/* kernel sigset for ppoll/pselect6: SIGUSR1|SIGTERM */
	unsigned long kmask = (1UL << (SIGUSR1 - 1)) | (1UL << (SIGTERM - 1));
	struct { const unsigned long *ss; unsigned long len; } sm = { &kmask, 8 };

	if (pipe(p))	/* untraced: pipe2 */
		return 1;
	nfds = p[1] + 1;

	/* poll */
	pfd[0].fd = p[0];
	pfd[0].events = POLLIN;
	pfd[1].fd = p[1];
	pfd[1].events = POLLOUT | POLLPRI;
#ifdef __NR_poll
	rc = syscall(__NR_poll, pfd, 1, 0);
	emit(rc == 0 ? "0 (Timeout)" : sprintrc(rc),
	     "poll([{fd=%d, events=POLLIN}], 1, 0)", p[0]);
	rc = syscall(__NR_poll, pfd, 2, 0);
	emit(sfmt("%ld ([{fd=%d, revents=POLLOUT}])", rc, p[1]),
	     "poll([{fd=%d, events=POLLIN}, {fd=%d, events=POLLPRI|POLLOUT}], 2, 0)",
	     p[0], p[1]);
#else
	rc = syscall(__NR_ppoll, pfd, 1, &ts, NULL, 8);
	emit(rc == 0 ? "0 (Timeout)" : sprintrc(rc),
	     "ppoll([{fd=%d, events=POLLIN}], 1, {tv_sec=0, tv_nsec=0}, NULL, 8)",
	     p[0]);
	rc = syscall(__NR_ppoll, pfd, 2, &ts, NULL, 8);
	emit(sfmt("%ld ([{fd=%d, revents=POLLOUT}], left {tv_sec=0, tv_nsec=0})",
		  rc, p[1]),
	     "ppoll([{fd=%d, events=POLLIN}, {fd=%d, events=POLLPRI|POLLOUT}], 2, {tv_sec=0, tv_nsec=0}, NULL, 8)",
	     p[0], p[1]);
#endif
	if (write(p[1], "x", 1) != 1)	/* untraced */
		return 1;
#ifdef __NR_poll
	rc = syscall(__NR_poll, pfd, 2, 0);
	emit(sfmt("%ld ([{fd=%d, revents=POLLIN}, {fd=%d, revents=POLLOUT}])",
		  rc, p[0], p[1]),
	     "poll([{fd=%d, events=POLLIN}, {fd=%d, events=POLLPRI|POLLOUT}], 2, 0)",
	     p[0], p[1]);
	rc = syscall(__NR_poll, NULL, 1, 0);
	emit(sprintrc(rc), "poll(NULL, 1, 0)");
#else
	rc = syscall(__NR_ppoll, pfd, 2, &ts, NULL, 8);
	emit(sfmt("%ld ([{fd=%d, revents=POLLIN}, {fd=%d, revents=POLLOUT}], left {tv_sec=0, tv_nsec=0})",
		  rc, p[0], p[1]),
	     "ppoll([{fd=%d, events=POLLIN}, {fd=%d, events=POLLPRI|POLLOUT}], 2, {tv_sec=0, tv_nsec=0}, NULL, 8)",
	     p[0], p[1]);
	rc = syscall(__NR_ppoll, NULL, 1, &ts, NULL, 8);
	emit(sprintrc(rc), "ppoll(NULL, 1, {tv_sec=0, tv_nsec=0}, NULL, 8)");
#endif

	/* ppoll */
	rc = syscall(__NR_ppoll, pfd, 1, &ts, NULL, 8);
	emit(sfmt("%ld ([{fd=%d, revents=POLLIN}], left {tv_sec=0, tv_nsec=0})",
		  rc, p[0]),
	     "ppoll([{fd=%d, events=POLLIN}], 1, {tv_sec=0, tv_nsec=0}, NULL, 8)",
	     p[0]);
	pfd[0].fd = -1;
	rc = syscall(__NR_ppoll, pfd, 1, &ts, &kmask, 8);
	emit(rc == 0 ? "0 (Timeout)" : sprintrc(rc),
	     /* events of a negative fd are not shown */
	     "ppoll([{fd=-1}], 1, {tv_sec=0, tv_nsec=0}, [USR1 TERM], 8)");

	/* select */
	FD_ZERO(&rfds);
	FD_ZERO(&wfds);
	FD_SET(p[0], &rfds);
	FD_SET(p[1], &rfds);
	FD_SET(p[1], &wfds);
#ifdef __NR_select
	rc = syscall(__NR_select, nfds, &rfds, &wfds, NULL, &tv);
	emit(sfmt("%ld (in [%d], out [%d], left {tv_sec=0, tv_usec=0})", rc,
		  p[0], p[1]),
	     "select(%d, [%d %d], [%d], NULL, {tv_sec=0, tv_usec=0})", nfds,
	     p[0], p[1], p[1]);
#else
	rc = syscall(__NR_pselect6, nfds, &rfds, &wfds, NULL, &ts, NULL);
	emit(sfmt("%ld (in [%d], out [%d], left {tv_sec=0, tv_nsec=0})", rc,
		  p[0], p[1]),
	     "pselect6(%d, [%d %d], [%d], NULL, {tv_sec=0, tv_nsec=0}, NULL)",
	     nfds, p[0], p[1], p[1]);
#endif
	rc = syscall(__NR_read, p[0], &rc, 1) == 1 ? 0 : -1; /* untraced */
	FD_ZERO(&rfds);
	FD_SET(p[0], &rfds);
#ifdef __NR_select
	rc = syscall(__NR_select, nfds, &rfds, NULL, NULL, &tv);
	emit(rc == 0 ? "0 (Timeout)" : sprintrc(rc),
	     "select(%d, [%d], NULL, NULL, {tv_sec=0, tv_usec=0})", nfds, p[0]);
	rc = syscall(__NR_select, -1, NULL, NULL, NULL, &tv);
	emit(sprintrc(rc), "select(-1, NULL, NULL, NULL, {tv_sec=0, tv_usec=0})");
#else
	(void)tv;
	rc = syscall(__NR_pselect6, -1, NULL, NULL, NULL, &ts, NULL);
	emit(sprintrc(rc),
	     "pselect6(-1, NULL, NULL, NULL, {tv_sec=0, tv_nsec=0}, NULL)");
#endif

	/* pselect6 */
	FD_ZERO(&wfds);
	FD_SET(p[1], &wfds);
	rc = syscall(__NR_pselect6, nfds, NULL, &wfds, NULL, &ts, &sm);
	emit(sfmt("%ld (out [%d], left {tv_sec=0, tv_nsec=0})", rc, p[1]),
	     "pselect6(%d, NULL, [%d], NULL, {tv_sec=0, tv_nsec=0}, {sigmask=[USR1 TERM], sigsetsize=8})",
	     nfds, p[1]);
	FD_ZERO(&rfds);
	FD_SET(p[0], &rfds);
	rc = syscall(__NR_pselect6, nfds, &rfds, NULL, NULL, &ts, NULL);
	emit(rc == 0 ? "0 (Timeout)" : sprintrc(rc),
	     "pselect6(%d, [%d], NULL, NULL, {tv_sec=0, tv_nsec=0}, NULL)",
	     nfds, p[0]);

	/* epoll */
	ep = syscall(__NR_epoll_create1, EPOLL_CLOEXEC);
	emit(sprintrc(ep), "epoll_create1(EPOLL_CLOEXEC)");
	rc = syscall(__NR_epoll_create1, 1);
	emit(sprintrc(rc), "epoll_create1(0x1 /* EPOLL_??? */)");
	ev.events = EPOLLIN | EPOLLET;
	ev.data.u64 = 0x1122334455667788ULL;
	rc = syscall(__NR_epoll_ctl, ep, EPOLL_CTL_ADD, p[0], &ev);
	emit(sprintrc(rc),
	     "epoll_ctl(%d, EPOLL_CTL_ADD, %d, {events=EPOLLIN|EPOLLET, data={u32=1432778632, u64=1234605616436508552}})",
	     ep, p[0]);
	ev.events = EPOLLOUT;
	ev.data.fd = p[1];
	rc = syscall(__NR_epoll_ctl, ep, EPOLL_CTL_ADD, p[1], &ev);
	emit(sprintrc(rc),
	     "epoll_ctl(%d, EPOLL_CTL_ADD, %d, {events=EPOLLOUT, data={u32=%d, u64=%llu}})",
	     ep, p[1], p[1], (unsigned long long)ev.data.u64);
	rc = syscall(__NR_epoll_ctl, ep, EPOLL_CTL_ADD, p[1], &ev);
	emit(sprintrc(rc),
	     "epoll_ctl(%d, EPOLL_CTL_ADD, %d, {events=EPOLLOUT, data={u32=%d, u64=%llu}})",
	     ep, p[1], p[1], (unsigned long long)ev.data.u64);
	rc = syscall(__NR_epoll_ctl, ep, EPOLL_CTL_DEL, p[1], NULL);
	emit(sprintrc(rc), "epoll_ctl(%d, EPOLL_CTL_DEL, %d, NULL)", ep, p[1]);
#ifdef __NR_epoll_wait
	rc = syscall(__NR_epoll_wait, ep, evs, 4, 0);
	emit(rc == 0 ? "0" : sprintrc(rc), "epoll_wait(%d, [], 4, 0)", ep);
#else
	rc = syscall(__NR_epoll_pwait, ep, evs, 4, 0, NULL, 8);
	emit(rc == 0 ? "0" : sprintrc(rc), "epoll_pwait(%d, [], 4, 0, NULL, 8)",
	     ep);
#endif
	if (write(p[1], "y", 1) != 1)	/* untraced */
		return 1;
#ifdef __NR_epoll_wait
	rc = syscall(__NR_epoll_wait, ep, evs, 4, 0);
	emit(sprintrc(rc),
	     "epoll_wait(%d, [{events=EPOLLIN, data={u32=1432778632, u64=1234605616436508552}}], 4, 0)",
	     ep);
#else
	rc = syscall(__NR_epoll_pwait, ep, evs, 4, 0, NULL, 8);
	emit(sprintrc(rc),
	     "epoll_pwait(%d, [{events=EPOLLIN, data={u32=1432778632, u64=1234605616436508552}}], 4, 0, NULL, 8)",
	     ep);
#endif
	rc = syscall(__NR_epoll_pwait, ep, evs, 4, 0, &kmask, 8);
	emit(sprintrc(rc), "epoll_pwait(%d, [], 4, 0, [USR1 TERM], 8)", ep);
#ifdef __NR_epoll_wait
	rc = syscall(__NR_epoll_wait, p[0], evs, 4, 0);
	emit(sprintrc(rc), "epoll_wait(%d, %s, 4, 0)", p[0], sptr(evs));
#else
	rc = syscall(__NR_epoll_pwait, p[0], evs, 4, 0, NULL, 8);
	emit(sprintrc(rc), "epoll_pwait(%d, %s, 4, 0, NULL, 8)", p[0],
	     sptr(evs));
#endif
	return 0;
}
