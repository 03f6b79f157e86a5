// SPDX-License-Identifier: GPL-2.0
/*
 * One of each kind of fd that -y and -yy describe: files (also unlinked ones and a reused fd
 * number), a directory, a device, pipes, unix, inet and netlink sockets, an eventfd and a
 * pidfd; a short-lived child that reads a file and exits at once. Argument: a scratch dir.
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

static char path[4][256];

int main(int argc, char **argv)
{
	struct sockaddr_in in = { .sin_family = AF_INET };
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK };
	struct sockaddr_un un = { .sun_family = AF_UNIX };
	socklen_t sl = sizeof(in);
	int sv[2], p[2], fd, l, c, s, u, n, e, pf;
	char buf[16];
	pid_t pid;

	if (argc < 2 || chdir(argv[1]))
		return 2;
	snprintf(path[0], sizeof(path[0]), "%s/a", argv[1]);
	snprintf(path[1], sizeof(path[1]), "%s/b", argv[1]);
	snprintf(path[2], sizeof(path[2]), "%s/gone", argv[1]);
	snprintf(path[3], sizeof(path[3]), "%s/sock", argv[1]);

	/* the same fd number for two files: each call shows its own */
	fd = open(path[0], O_CREAT | O_WRONLY | O_TRUNC, 0600);
	write(fd, "a", 1);
	close(fd);
	fd = open(path[1], O_CREAT | O_WRONLY | O_TRUNC, 0600);
	write(fd, "b", 1);
	close(fd);
	fd = open(path[2], O_CREAT | O_WRONLY | O_TRUNC, 0600);
	unlink(path[2]);
	write(fd, "", 0);
	close(fd);
	fd = openat(AT_FDCWD, ".", O_RDONLY | O_DIRECTORY);
	close(fd);
	fd = open("/dev/null", O_WRONLY);
	write(fd, "", 0);
	close(fd);

	/* a child gone long before its lines print */
	pid = fork();
	if (pid == 0) {
		fd = open(path[0], O_RDONLY);
		read(fd, buf, sizeof(buf));
		_exit(0);
	}
	waitpid(pid, NULL, 0);

	pipe(p);
	write(p[1], "x", 1);
	read(p[0], buf, 1);
	close(p[0]);
	close(p[1]);

	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	write(sv[0], "x", 1);
	close(sv[0]);
	close(sv[1]);
	u = socket(AF_UNIX, SOCK_DGRAM, 0);
	strcpy(un.sun_path, path[3]);
	unlink(un.sun_path);
	bind(u, (void *)&un, sizeof(un));
	write(u, "", 0);
	close(u);
	unlink(un.sun_path);

	in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	l = socket(AF_INET, SOCK_STREAM, 0);
	bind(l, (void *)&in, sizeof(in));
	listen(l, 1);
	getsockname(l, (void *)&in, &sl);
	c = socket(AF_INET, SOCK_STREAM, 0);
	connect(c, (void *)&in, sizeof(in));
	s = accept(l, NULL, NULL);
	write(c, "x", 1);
	read(s, buf, 1);
	close(s);
	close(c);
	close(l);

	n = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	bind(n, (void *)&nl, sizeof(nl));
	write(n, "", 0);
	close(n);

	e = eventfd(0, 0);
	close(e);
	pf = syscall(SYS_pidfd_open, getpid(), 0);
	close(pf);
	unlink(path[0]);
	unlink(path[1]);
	return 0;
}
