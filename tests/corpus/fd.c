/* bstrace-test: -e trace=?pipe,pipe2,dup,?dup2,dup3,fcntl,ioctl,eventfd2,readv,writev,getdents64 */
/*
 * File descriptor plumbing.  None of these calls is made by the loader
 * or by stdio, so no start-up lines need to be skipped.
 * pipe and dup2 exist only on some arches (x86_64, not arm64/riscv64):
 * "?" in the trace set, and pipe2(p, 0) instead of pipe(p) without them.
 */
#include "corpus.h"
#include <dirent.h>
#include <fcntl.h>
#include <linux/input.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/uio.h>
#include <termios.h>

struct dirent64_hdr {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static const struct xlat fd_flags[] = {
	XLAT(FD_CLOEXEC),
	XLAT_END
};

static const struct xlat fl_flags[] = {
	XLAT(O_APPEND),
	XLAT(O_NONBLOCK),
	XLAT(O_LARGEFILE),
	XLAT_END
};

/* F_GETFL result: "0x802 (flags O_RDWR|O_NONBLOCK)" */
static const char *sgetfl(long rc)
{
	static const char *const acc[] = { "O_RDONLY", "O_WRONLY", "O_RDWR" };
	const char *rest;

	if (rc == -1)
		return sprinterr();
	rest = (rc & ~3L) ? sflags(fl_flags, rc & ~3L) : NULL;
	return sfmt("%#lx (flags %s%s%s)", rc, acc[rc & 3], rest ? "|" : "",
		    rest ? rest : "");
}

int main(void)
{
	char buf[64] = "";
	char dbuf[4096];
	struct iovec iov[2];
	int p[2], q[2], n;
	long fd, fd2, rc;

	/* pipes */
#ifdef __NR_pipe
	rc = syscall(__NR_pipe, p);
	emit(sprintrc(rc), "pipe([%d, %d])", p[0], p[1]);
#else
	rc = syscall(__NR_pipe2, p, 0);
	emit(sprintrc(rc), "pipe2([%d, %d], 0)", p[0], p[1]);
#endif
	rc = syscall(__NR_pipe2, q, O_CLOEXEC | O_NONBLOCK);
	emit(sprintrc(rc), "pipe2([%d, %d], O_NONBLOCK|O_CLOEXEC)", q[0], q[1]);
	rc = syscall(__NR_pipe2, q, O_RDWR);
	emit(sprintrc(rc), "pipe2(%s, 0x2 /* O_??? */)", sptr(q));
	rc = syscall(__NR_pipe2, NULL, 0);
	emit(sprintrc(rc), "pipe2(NULL, 0)");

	/* dup family */
	fd = syscall(__NR_dup, p[0]);
	emit(sprintrc(fd), "dup(%d)", p[0]);
	rc = syscall(__NR_dup, -1);
	emit(sprintrc(rc), "dup(-1)");
#ifdef __NR_dup2
	rc = syscall(__NR_dup2, p[0], 100);
	emit(sprintrc(rc), "dup2(%d, 100)", p[0]);
	rc = syscall(__NR_dup2, p[0], p[0]);
	emit(sprintrc(rc), "dup2(%d, %d)", p[0], p[0]);
#endif
	rc = syscall(__NR_dup3, p[1], 101, O_CLOEXEC);
	emit(sprintrc(rc), "dup3(%d, 101, O_CLOEXEC)", p[1]);
	rc = syscall(__NR_dup3, p[1], p[1], 0);
	emit(sprintrc(rc), "dup3(%d, %d, 0)", p[1], p[1]);
	rc = syscall(__NR_dup3, p[1], 102, O_CLOEXEC | O_NONBLOCK);
	emit(sprintrc(rc), "dup3(%d, 102, O_NONBLOCK|O_CLOEXEC)", p[1]);

	/* fcntl */
	rc = syscall(__NR_fcntl, p[0], F_GETFD);
	emit(rc > 0 ? sfmt("%#lx (flags %s)", rc, sflags(fd_flags, rc)) :
	     sprintrc(rc), "fcntl(%d, F_GETFD)", p[0]);
	rc = syscall(__NR_fcntl, p[0], F_SETFD, FD_CLOEXEC);
	emit(sprintrc(rc), "fcntl(%d, F_SETFD, FD_CLOEXEC)", p[0]);
	rc = syscall(__NR_fcntl, p[0], F_GETFD);
	emit(rc > 0 ? sfmt("%#lx (flags %s)", rc, sflags(fd_flags, rc)) :
	     sprintrc(rc), "fcntl(%d, F_GETFD)", p[0]);
	rc = syscall(__NR_fcntl, p[0], F_GETFL);
	emit(sgetfl(rc), "fcntl(%d, F_GETFL)", p[0]);
	rc = syscall(__NR_fcntl, p[1], F_SETFL, O_NONBLOCK);
	emit(sprintrc(rc), "fcntl(%d, F_SETFL, O_RDONLY|O_NONBLOCK)", p[1]);
	rc = syscall(__NR_fcntl, p[1], F_GETFL);
	emit(sgetfl(rc), "fcntl(%d, F_GETFL)", p[1]);
	fd2 = syscall(__NR_fcntl, p[0], F_DUPFD_CLOEXEC, 200);
	emit(sprintrc(fd2), "fcntl(%d, F_DUPFD_CLOEXEC, 200)", p[0]);
	rc = syscall(__NR_fcntl, -1, F_GETFD);
	emit(sprintrc(rc), "fcntl(-1, F_GETFD)");
	rc = syscall(__NR_fcntl, p[0], 12345, 0);
	emit(sprintrc(rc), "fcntl(%d, 0x3039 /* F_??? */, 0)", p[0]);

	/* readv/writev, ioctl FIONREAD */
	iov[0].iov_base = "ab";
	iov[0].iov_len = 2;
	iov[1].iov_base = "c\001\n";
	iov[1].iov_len = 3;
	rc = syscall(__NR_writev, p[1], iov, 2);
	emit(sprintrc(rc),
	     "writev(%d, [{iov_base=\"ab\", iov_len=2}, {iov_base=\"c\\1\\n\", iov_len=3}], 2)",
	     p[1]);
	n = -1;
	rc = syscall(__NR_ioctl, p[0], FIONREAD, &n);
	emit(sprintrc(rc), "ioctl(%d, FIONREAD, [%d])", p[0], n);
	iov[0].iov_base = buf;
	iov[0].iov_len = 1;
	iov[1].iov_base = buf + 1;
	iov[1].iov_len = 10;
	rc = syscall(__NR_readv, p[0], iov, 2);
	emit(sprintrc(rc),
	     "readv(%d, [{iov_base=%s, iov_len=1}, {iov_base=%s, iov_len=10}], 2)",
	     p[0], qbuf(buf, 1), qbuf(buf + 1, rc - 1));
	/* on failure the iovec is still shown, with bare addresses */
	rc = syscall(__NR_readv, q[0], iov, 2);
	emit(sprintrc(rc),
	     "readv(%d, [{iov_base=%s, iov_len=1}, {iov_base=%s, iov_len=10}], 2)",
	     q[0], sptr(buf), sptr(buf + 1));
	rc = syscall(__NR_writev, p[1], iov, 0);
	emit(sprintrc(rc), "writev(%d, [], 0)", p[1]);
	rc = syscall(__NR_writev, p[1], NULL, 1);
	emit(sprintrc(rc), "writev(%d, NULL, 1)", p[1]);

	/* ioctl: not a tty, unknown request */
	rc = syscall(__NR_ioctl, p[0], TCGETS, buf);
	emit(sprintrc(rc), "ioctl(%d, TCGETS, %s)", p[0], sptr(buf));
	rc = syscall(__NR_ioctl, p[0], _IOR(0xee, 1, int), buf);
	emit(sprintrc(rc), "ioctl(%d, _IOC(_IOC_READ, 0xee, 0x1, 0x4), %s)",
	     p[0], sptr(buf));
	/* the int argument is printed even when the call fails */
	n = 1;
	rc = syscall(__NR_ioctl, -1, FIONBIO, &n);
	emit(sprintrc(rc), "ioctl(-1, FIONBIO, [1])");
	/* input event devices: the number carries an event type, an axis or a length */
	rc = syscall(__NR_ioctl, -1, EVIOCGBIT(EV_KEY, 96), NULL);
	emit(sprintrc(rc), "ioctl(-1, EVIOCGBIT(EV_KEY, 96), NULL)");
	rc = syscall(__NR_ioctl, -1, EVIOCSABS(ABS_MT_SLOT), NULL);
	emit(sprintrc(rc), "ioctl(-1, EVIOCSABS(ABS_MT_SLOT), NULL)");
	rc = syscall(__NR_ioctl, -1, EVIOCGNAME(256), NULL);
	emit(sprintrc(rc), "ioctl(-1, EVIOCGNAME(256), NULL)");
	rc = syscall(__NR_ioctl, -1, EVIOCSCLOCKID, &n);
	emit(sprintrc(rc), "ioctl(-1, EVIOCSCLOCKID, [1])");

	/* eventfd2 */
	fd = syscall(__NR_eventfd2, 5, EFD_CLOEXEC | EFD_NONBLOCK);
	emit(sprintrc(fd), "eventfd2(5, EFD_CLOEXEC|EFD_NONBLOCK)");
	rc = syscall(__NR_eventfd2, 0, EFD_SEMAPHORE);
	emit(sprintrc(rc), "eventfd2(0, EFD_SEMAPHORE)");
	rc = syscall(__NR_eventfd2, 0, 0x2);
	emit(sprintrc(rc), "eventfd2(0, 0x2 /* EFD_??? */)");

	/* getdents64: strace prints only the number of entries */
	fd = open("/", O_RDONLY | O_DIRECTORY);	/* untraced */
	rc = syscall(__NR_getdents64, fd, dbuf, sizeof(dbuf));
	n = 0;
	for (long off = 0; off < rc; n++)
		off += ((struct dirent64_hdr *)(dbuf + off))->d_reclen;
	emit(sprintrc(rc), "getdents64(%ld, %s /* %d entries */, %zu)", fd,
	     sptr(dbuf), n, sizeof(dbuf));
	rc = syscall(__NR_getdents64, fd, dbuf, sizeof(dbuf));
	emit(sprintrc(rc), "getdents64(%ld, %s /* 0 entries */, %zu)", fd,
	     sptr(dbuf), sizeof(dbuf));
	rc = syscall(__NR_getdents64, p[0], dbuf, sizeof(dbuf));
	emit(sprintrc(rc), "getdents64(%d, %s, %zu)", p[0], sptr(dbuf),
	     sizeof(dbuf));
	return 0;
}
