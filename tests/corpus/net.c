/* bstrace-test: -e trace=socket,socketpair,bind,getsockname,getpeername,listen,connect,accept4,sendto,recvfrom,setsockopt,getsockopt,shutdown */
/*
 * Sockets on loopback only: TCP over 127.0.0.1, AF_UNIX datagrams,
 * a socket pair, an AF_INET6 socket, and a refused connection.
 */
#include "corpus.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/un.h>

static const char *sin_str(const struct sockaddr_in *sin)
{
	return sfmt("{sa_family=AF_INET, sin_port=htons(%u), sin_addr=inet_addr(\"%s\")}",
		    ntohs(sin->sin_port), inet_ntoa(sin->sin_addr));
}

int main(void)
{
	struct sockaddr_in sin, peer;
	struct sockaddr_un sun;
	socklen_t len, sunlen;
	char path[64], buf[64];
	int ls, cs, as, ds, us, us2, s6, sv[2], val;
	long rc;

	/* TCP listener on 127.0.0.1:0 */
	ls = syscall(__NR_socket, AF_INET, SOCK_STREAM, 0);
	emit(sprintrc(ls), "socket(AF_INET, SOCK_STREAM, IPPROTO_IP)");
	val = 1;
	rc = syscall(__NR_setsockopt, ls, SOL_SOCKET, SO_REUSEADDR, &val,
		     sizeof(val));
	emit(sprintrc(rc), "setsockopt(%d, SOL_SOCKET, SO_REUSEADDR, [1], 4)",
	     ls);
	val = -1;
	len = sizeof(val);
	rc = syscall(__NR_getsockopt, ls, SOL_SOCKET, SO_REUSEADDR, &val, &len);
	emit(sprintrc(rc), "getsockopt(%d, SOL_SOCKET, SO_REUSEADDR, [%d], [%u])",
	     ls, val, len);
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	rc = syscall(__NR_bind, ls, &sin, sizeof(sin));
	emit(sprintrc(rc), "bind(%d, %s, 16)", ls, sin_str(&sin));
	len = sizeof(sin) + 4;
	rc = syscall(__NR_getsockname, ls, &sin, &len);
	emit(sprintrc(rc), "getsockname(%d, %s, [20 => %u])", ls, sin_str(&sin),
	     len);
	rc = syscall(__NR_listen, ls, 5);
	emit(sprintrc(rc), "listen(%d, 5)", ls);
	rc = syscall(__NR_bind, ls, &sin, sizeof(sin));
	emit(sprintrc(rc), "bind(%d, %s, 16)", ls, sin_str(&sin));

	/* client */
	cs = syscall(__NR_socket, AF_INET, SOCK_STREAM | SOCK_NONBLOCK,
		     IPPROTO_TCP);
	emit(sprintrc(cs), "socket(AF_INET, SOCK_STREAM|SOCK_NONBLOCK, IPPROTO_TCP)");
	val = 1;
	rc = syscall(__NR_setsockopt, cs, IPPROTO_TCP, TCP_NODELAY, &val,
		     sizeof(val));
	emit(sprintrc(rc), "setsockopt(%d, SOL_TCP, TCP_NODELAY, [1], 4)", cs);
	val = -1;
	len = sizeof(val);
	rc = syscall(__NR_getsockopt, cs, IPPROTO_TCP, TCP_NODELAY, &val, &len);
	emit(sprintrc(rc), "getsockopt(%d, SOL_TCP, TCP_NODELAY, [%d], [%u])",
	     cs, val, len);
	rc = syscall(__NR_connect, cs, &sin, sizeof(sin));
	emit(sprintrc(rc), "connect(%d, %s, 16)", cs, sin_str(&sin));

	memset(&peer, 0, sizeof(peer));
	len = sizeof(peer);
	as = syscall(__NR_accept4, ls, &peer, &len, SOCK_CLOEXEC);
	emit(sprintrc(as), "accept4(%d, %s, [%u], SOCK_CLOEXEC)", ls,
	     sin_str(&peer), len);
	len = sizeof(peer);
	rc = syscall(__NR_getpeername, cs, &peer, &len);
	emit(sprintrc(rc), "getpeername(%d, %s, [%u])", cs, sin_str(&peer),
	     len);

	rc = syscall(__NR_sendto, cs, "hello\n", 6, MSG_NOSIGNAL, NULL, 0);
	emit(sprintrc(rc), "sendto(%d, \"hello\\n\", 6, MSG_NOSIGNAL, NULL, 0)",
	     cs);
	rc = syscall(__NR_recvfrom, as, buf, sizeof(buf), MSG_PEEK, NULL, NULL);
	emit(sprintrc(rc), "recvfrom(%d, %s, %zu, MSG_PEEK, NULL, NULL)", as,
	     qbuf(buf, rc), sizeof(buf));
	rc = syscall(__NR_recvfrom, as, buf, sizeof(buf), 0, NULL, NULL);
	emit(sprintrc(rc), "recvfrom(%d, %s, %zu, 0, NULL, NULL)", as,
	     qbuf(buf, rc), sizeof(buf));
	rc = syscall(__NR_recvfrom, as, buf, sizeof(buf), MSG_DONTWAIT, NULL,
		     NULL);
	emit(sprintrc(rc), "recvfrom(%d, %s, %zu, MSG_DONTWAIT, NULL, NULL)",
	     as, sptr(buf), sizeof(buf));
	rc = syscall(__NR_shutdown, cs, SHUT_WR);
	emit(sprintrc(rc), "shutdown(%d, SHUT_WR)", cs);
	rc = syscall(__NR_recvfrom, as, buf, sizeof(buf), 0, NULL, NULL);
	emit(sprintrc(rc), "recvfrom(%d, \"\", %zu, 0, NULL, NULL)", as,
	     sizeof(buf));

	/* a refused connection: a port that was bound, then closed */
	ds = syscall(__NR_socket, AF_INET, SOCK_STREAM, 0);
	emit(sprintrc(ds), "socket(AF_INET, SOCK_STREAM, IPPROTO_IP)");
	sin.sin_port = 0;
	rc = syscall(__NR_bind, ds, &sin, sizeof(sin));
	emit(sprintrc(rc), "bind(%d, %s, 16)", ds, sin_str(&sin));
	len = sizeof(sin);
	rc = syscall(__NR_getsockname, ds, &sin, &len);
	emit(sprintrc(rc), "getsockname(%d, %s, [%u])", ds, sin_str(&sin), len);
	close(ds);	/* untraced */
	ds = syscall(__NR_socket, AF_INET, SOCK_STREAM, 0);
	emit(sprintrc(ds), "socket(AF_INET, SOCK_STREAM, IPPROTO_IP)");
	rc = syscall(__NR_connect, ds, &sin, sizeof(sin));
	emit(sprintrc(rc), "connect(%d, %s, 16)", ds, sin_str(&sin));

	/* AF_UNIX datagrams */
	snprintf(path, sizeof(path), "/tmp/bstrace-net.%d.sock", getpid());
	us = syscall(__NR_socket, AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	emit(sprintrc(us), "socket(AF_UNIX, SOCK_DGRAM|SOCK_CLOEXEC, 0)");
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	strcpy(sun.sun_path, path);
	sunlen = offsetof(struct sockaddr_un, sun_path) + strlen(path) + 1;
	rc = syscall(__NR_bind, us, &sun, sunlen);
	emit(sprintrc(rc), "bind(%d, {sa_family=AF_UNIX, sun_path=%s}, %u)",
	     us, qstr(path), sunlen);
	us2 = syscall(__NR_socket, AF_UNIX, SOCK_DGRAM, 0);
	emit(sprintrc(us2), "socket(AF_UNIX, SOCK_DGRAM, 0)");
	rc = syscall(__NR_sendto, us2, "\0\1\2", 3, 0, &sun, sunlen);
	emit(sprintrc(rc),
	     "sendto(%d, \"\\0\\1\\2\", 3, 0, {sa_family=AF_UNIX, sun_path=%s}, %u)",
	     us2, qstr(path), sunlen);
	rc = syscall(__NR_recvfrom, us, buf, sizeof(buf), 0, NULL, NULL);
	emit(sprintrc(rc), "recvfrom(%d, %s, %zu, 0, NULL, NULL)", us,
	     qbuf(buf, rc), sizeof(buf));
	unlink(path);

	/* socketpair */
	rc = syscall(__NR_socketpair, AF_UNIX, SOCK_STREAM, 0, sv);
	emit(sprintrc(rc), "socketpair(AF_UNIX, SOCK_STREAM, 0, [%d, %d])",
	     sv[0], sv[1]);
	/* unlike socket(), socketpair() shows protocol 0 as a number */
	rc = syscall(__NR_socketpair, AF_INET, SOCK_STREAM, 0, sv);
	emit(sprintrc(rc), "socketpair(AF_INET, SOCK_STREAM, 0, %s)",
	     sptr(sv));

	/* AF_INET6 and failures */
	s6 = syscall(__NR_socket, AF_INET6, SOCK_DGRAM, IPPROTO_UDP);
	emit(sprintrc(s6), "socket(AF_INET6, SOCK_DGRAM, IPPROTO_UDP)");
	val = -1;
	len = sizeof(val);
	rc = syscall(__NR_getsockopt, s6, IPPROTO_IPV6, IPV6_V6ONLY, &val, &len);
	emit(sprintrc(rc), "getsockopt(%d, SOL_IPV6, IPV6_V6ONLY, [%d], [%u])",
	     s6, val, len);
	rc = syscall(__NR_socket, 12345, SOCK_STREAM, 0);
	emit(sprintrc(rc), "socket(0x3039 /* AF_??? */, SOCK_STREAM, 0)");
	rc = syscall(__NR_listen, 0x7fff, 1);
	emit(sprintrc(rc), "listen(32767, 1)");
	return 0;
}
