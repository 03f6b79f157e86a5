/* bstrace-test: --skip-startup -e trace=umask,?mkdir,mkdirat,chdir,fchdir,getcwd,openat,?open,?creat,close,read,write,pread64,pwrite64,lseek,?rename,?renameat,renameat2,?readlink,readlinkat,?access,faccessat,faccessat2,?unlink,unlinkat,?rmdir */
/*
 * File system calls on a scratch directory /tmp/bstrace-file.PID.
 * The loader's openat/read/close... come first: --skip-startup.
 * "write" is traced, so the final flush of stdout is a traced call too.
 * Arches without the old calls (arm64, riscv64: no mkdir, open, creat,
 * rename, readlink, access, unlink, rmdir; riscv64 has no renameat
 * either) make the *at equivalent instead and print its line.
 */
#include "corpus.h"
#include <fcntl.h>
#include <linux/fs.h>

static long do_mkdir(const char *path, int mode)
{
	long rc;

#ifdef __NR_mkdir
	rc = syscall(__NR_mkdir, path, mode);
	emit(sprintrc(rc), "mkdir(%s, %#03o)", qstr(path), mode);
#else
	rc = syscall(__NR_mkdirat, AT_FDCWD, path, mode);
	emit(sprintrc(rc), "mkdirat(AT_FDCWD, %s, %#03o)", qstr(path), mode);
#endif
	return rc;
}

/* rename(a, b); renameat(AT_FDCWD, a, dfd, b) when dfd is given */
static long do_rename(const char *a, long dfd, const char *b)
{
	const char *d = dfd == AT_FDCWD ? "AT_FDCWD" : sfmt("%ld", dfd);
	long rc;

#ifdef __NR_rename
	if (dfd == AT_FDCWD) {
		rc = syscall(__NR_rename, a, b);
		emit(sprintrc(rc), "rename(%s, %s)", qstr(a), qstr(b));
		return rc;
	}
#endif
#ifdef __NR_renameat
	rc = syscall(__NR_renameat, AT_FDCWD, a, dfd, b);
	emit(sprintrc(rc), "renameat(AT_FDCWD, %s, %s, %s)", qstr(a), d, qstr(b));
#else
	rc = syscall(__NR_renameat2, AT_FDCWD, a, dfd, b, 0);
	emit(sprintrc(rc), "renameat2(AT_FDCWD, %s, %s, %s, 0)", qstr(a), d,
	     qstr(b));
#endif
	return rc;
}

/* access(path, mode); mstr is how strace prints mode */
static long do_access(const char *path, int mode, const char *mstr)
{
	long rc;

#ifdef __NR_access
	rc = syscall(__NR_access, path, mode);
	emit(sprintrc(rc), "access(%s, %s)", qstr(path), mstr);
#else
	rc = syscall(__NR_faccessat, AT_FDCWD, path, mode);
	emit(sprintrc(rc), "faccessat(AT_FDCWD, %s, %s)", qstr(path), mstr);
#endif
	return rc;
}

static long do_unlink(const char *path)
{
	long rc;

#ifdef __NR_unlink
	rc = syscall(__NR_unlink, path);
	emit(sprintrc(rc), "unlink(%s)", qstr(path));
#else
	rc = syscall(__NR_unlinkat, AT_FDCWD, path, 0);
	emit(sprintrc(rc), "unlinkat(AT_FDCWD, %s, 0)", qstr(path));
#endif
	return rc;
}

static long do_rmdir(const char *path)
{
	long rc;

#ifdef __NR_rmdir
	rc = syscall(__NR_rmdir, path);
	emit(sprintrc(rc), "rmdir(%s)", qstr(path));
#else
	rc = syscall(__NR_unlinkat, AT_FDCWD, path, AT_REMOVEDIR);
	emit(sprintrc(rc), "unlinkat(AT_FDCWD, %s, AT_REMOVEDIR)", qstr(path));
#endif
	return rc;
}

int main(void)
{
	static const char hello[] = "hello, world\n";
	/* 40 bytes: escapes, octal before/after digits, NUL, high bytes */
	static const char bin[40] =
		"\"q\\\t\n\v\f\r\0" "1\0" "x\1" "8\177\200\377" "7abcdefghijklmnopqrstu";
	char dir[64], cwd[4096], buf[128];
	long rc, fd, fd2, dfd;
	int old;

	snprintf(dir, sizeof(dir), "/tmp/bstrace-file.%d", getpid());

	old = syscall(__NR_umask, 022);
	emit(sfmt("%#03o", old), "umask(022)");

	do_mkdir(dir, 0755);
	do_mkdir(dir, 0755);
	rc = syscall(__NR_chdir, dir);
	emit(sprintrc(rc), "chdir(%s)", qstr(dir));
	rc = syscall(__NR_chdir, "/nonexistent/dir");
	emit(sprintrc(rc), "chdir(\"/nonexistent/dir\")");

	/* openat + write */
	fd = syscall(__NR_openat, AT_FDCWD, "a.txt",
		     O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	emit(sprintrc(fd),
	     "openat(AT_FDCWD, \"a.txt\", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0644)");
	rc = syscall(__NR_write, fd, hello, sizeof(hello) - 1);
	emit(sprintrc(rc), "write(%ld, %s, %zu)", fd,
	     qbuf(hello, sizeof(hello) - 1), sizeof(hello) - 1);
	rc = syscall(__NR_write, fd, bin, sizeof(bin));
	emit(sprintrc(rc), "write(%ld, %s, %zu)", fd, qbuf(bin, sizeof(bin)),
	     sizeof(bin));
	rc = syscall(__NR_close, fd);
	emit(sprintrc(rc), "close(%ld)", fd);
	rc = syscall(__NR_close, -1);
	emit(sprintrc(rc), "close(-1)");
	rc = syscall(__NR_write, -1, hello, 3);
	emit(sprintrc(rc), "write(-1, %s, 3)", qbuf(hello, 3));

	rc = syscall(__NR_openat, AT_FDCWD, "missing", O_RDONLY);
	emit(sprintrc(rc), "openat(AT_FDCWD, \"missing\", O_RDONLY)");
	rc = syscall(__NR_openat, AT_FDCWD, "a.txt", O_RDONLY | O_DIRECTORY);
	emit(sprintrc(rc), "openat(AT_FDCWD, \"a.txt\", O_RDONLY|O_DIRECTORY)");

	/* open + read/lseek/pread64/pwrite64 */
#ifdef __NR_open
	fd = syscall(__NR_open, "a.txt", O_RDWR);
	emit(sprintrc(fd), "open(\"a.txt\", O_RDWR)");
#else
	fd = syscall(__NR_openat, AT_FDCWD, "a.txt", O_RDWR);
	emit(sprintrc(fd), "openat(AT_FDCWD, \"a.txt\", O_RDWR)");
#endif
	rc = syscall(__NR_read, fd, buf, sizeof(buf));
	emit(sprintrc(rc), "read(%ld, %s, %zu)", fd, qbuf(buf, rc),
	     sizeof(buf));
	rc = syscall(__NR_read, fd, buf, 16);
	emit(sprintrc(rc), "read(%ld, \"\", 16)", fd);
	rc = syscall(__NR_read, -1, buf, 16);
	emit(sprintrc(rc), "read(-1, %s, 16)", sptr(buf));
	rc = syscall(__NR_lseek, fd, 0, SEEK_SET);
	emit(sprintrc(rc), "lseek(%ld, 0, SEEK_SET)", fd);
	rc = syscall(__NR_lseek, fd, -5L, SEEK_END);
	emit(sprintrc(rc), "lseek(%ld, -5, SEEK_END)", fd);
	rc = syscall(__NR_lseek, fd, 0, 42);
	emit(sprintrc(rc), "lseek(%ld, 0, 0x2a /* SEEK_??? */)", fd);
	rc = syscall(__NR_pread64, fd, buf, 5, 7);
	emit(sprintrc(rc), "pread64(%ld, %s, 5, 7)", fd, qbuf(buf, rc));
	rc = syscall(__NR_pwrite64, fd, "XY", 2, 100);
	emit(sprintrc(rc), "pwrite64(%ld, \"XY\", 2, 100)", fd);
	rc = syscall(__NR_pread64, fd, buf, 4, -1L);
	emit(sprintrc(rc), "pread64(%ld, %s, 4, -1)", fd, sptr(buf));
	rc = syscall(__NR_close, fd);
	emit(sprintrc(rc), "close(%ld)", fd);

	/* creat, O_DIRECTORY, unknown open flag bits */
#ifdef __NR_creat
	fd = syscall(__NR_creat, "b.txt", 0600);
	emit(sprintrc(fd), "creat(\"b.txt\", 0600)");
#else
	fd = syscall(__NR_openat, AT_FDCWD, "b.txt",
		     O_WRONLY | O_CREAT | O_TRUNC, 0600);
	emit(sprintrc(fd),
	     "openat(AT_FDCWD, \"b.txt\", O_WRONLY|O_CREAT|O_TRUNC, 0600)");
#endif
	dfd = syscall(__NR_openat, AT_FDCWD, ".", O_RDONLY | O_DIRECTORY);
	emit(sprintrc(dfd), "openat(AT_FDCWD, \".\", O_RDONLY|O_DIRECTORY)");
	fd2 = syscall(__NR_openat, dfd, "a.txt",
		      O_RDONLY | O_NOFOLLOW | 0x4000000);
	emit(sprintrc(fd2), "openat(%ld, \"a.txt\", O_RDONLY|O_NOFOLLOW|0x4000000)",
	     dfd);
	rc = syscall(__NR_close, fd2);
	emit(sprintrc(rc), "close(%ld)", fd2);
	rc = syscall(__NR_close, fd);
	emit(sprintrc(rc), "close(%ld)", fd);

	/* mkdirat, fchdir, getcwd */
	rc = syscall(__NR_mkdirat, AT_FDCWD, "sub", 0700);
	emit(sprintrc(rc), "mkdirat(AT_FDCWD, \"sub\", 0700)");
	rc = syscall(__NR_mkdirat, dfd, "sub", 01777);
	emit(sprintrc(rc), "mkdirat(%ld, \"sub\", 01777)", dfd);
	rc = syscall(__NR_chdir, "sub");
	emit(sprintrc(rc), "chdir(\"sub\")");
	rc = syscall(__NR_fchdir, dfd);
	emit(sprintrc(rc), "fchdir(%ld)", dfd);
	rc = syscall(__NR_fchdir, 9999);
	emit(sprintrc(rc), "fchdir(9999)");
	rc = syscall(__NR_getcwd, cwd, sizeof(cwd));
	emit(sprintrc(rc), "getcwd(%s, %zu)", qstr(cwd), sizeof(cwd));
	rc = syscall(__NR_getcwd, cwd, 1);
	emit(sprintrc(rc), "getcwd(%s, 1)", sptr(cwd));

	/* rename family */
	do_rename("b.txt", AT_FDCWD, "c.txt");
	do_rename("b.txt", AT_FDCWD, "c.txt");
	do_rename("c.txt", dfd, "d.txt");
	rc = syscall(__NR_renameat2, AT_FDCWD, "d.txt", AT_FDCWD, "a.txt",
		     RENAME_NOREPLACE);
	emit(sprintrc(rc),
	     "renameat2(AT_FDCWD, \"d.txt\", AT_FDCWD, \"a.txt\", RENAME_NOREPLACE)");
	rc = syscall(__NR_renameat2, AT_FDCWD, "d.txt", AT_FDCWD, "e.txt", 0);
	emit(sprintrc(rc),
	     "renameat2(AT_FDCWD, \"d.txt\", AT_FDCWD, \"e.txt\", 0)");

	/* readlink: "lnk" -> "a.txt", made with an untraced symlink() */
	if (symlink("a.txt", "lnk"))
		return 1;
	memset(buf, 0, sizeof(buf));
#ifdef __NR_readlink
	rc = syscall(__NR_readlink, "lnk", buf, sizeof(buf));
	emit(sprintrc(rc), "readlink(\"lnk\", %s, %zu)", qbuf(buf, rc),
	     sizeof(buf));
#else
	rc = syscall(__NR_readlinkat, AT_FDCWD, "lnk", buf, sizeof(buf));
	emit(sprintrc(rc), "readlinkat(AT_FDCWD, \"lnk\", %s, %zu)",
	     qbuf(buf, rc), sizeof(buf));
#endif
	rc = syscall(__NR_readlinkat, dfd, "lnk", buf, 3);
	emit(sprintrc(rc), "readlinkat(%ld, \"lnk\", %s, 3)", dfd,
	     qbuf(buf, rc));
	rc = syscall(__NR_readlinkat, AT_FDCWD, "a.txt", buf, sizeof(buf));
	emit(sprintrc(rc), "readlinkat(AT_FDCWD, \"a.txt\", %s, %zu)",
	     sptr(buf), sizeof(buf));

	/* access family; we are root: X_OK needs some x bit */
	do_access("a.txt", R_OK | W_OK, "R_OK|W_OK");
	do_access("missing", F_OK, "F_OK");
	rc = syscall(__NR_faccessat, AT_FDCWD, "a.txt", X_OK);
	emit(sprintrc(rc), "faccessat(AT_FDCWD, \"a.txt\", X_OK)");
	rc = syscall(__NR_faccessat2, dfd, "lnk", R_OK,
		     AT_SYMLINK_NOFOLLOW | AT_EACCESS);
	emit(sprintrc(rc),
	     "faccessat2(%ld, \"lnk\", R_OK, AT_SYMLINK_NOFOLLOW|AT_EACCESS)",
	     dfd);
	rc = syscall(__NR_faccessat2, AT_FDCWD, "a.txt", 0x10, 0x1);
	emit(sprintrc(rc), "faccessat2(AT_FDCWD, \"a.txt\", 0x10 /* ?_OK */, 0x1 /* AT_??? */)");

	/* removal */
	do_rmdir(dir);
	do_unlink("lnk");
	do_unlink("sub");
	rc = syscall(__NR_unlinkat, dfd, "sub", AT_REMOVEDIR);
	emit(sprintrc(rc), "unlinkat(%ld, \"sub\", AT_REMOVEDIR)", dfd);
	rc = syscall(__NR_unlinkat, AT_FDCWD, "e.txt", 0);
	emit(sprintrc(rc), "unlinkat(AT_FDCWD, \"e.txt\", 0)");
	rc = syscall(__NR_unlinkat, AT_FDCWD, "a.txt", 0x4);
	emit(sprintrc(rc), "unlinkat(AT_FDCWD, \"a.txt\", 0x4 /* AT_??? */)");
	do_unlink("a.txt");
	rc = syscall(__NR_close, dfd);
	emit(sprintrc(rc), "close(%ld)", dfd);
	rc = syscall(__NR_chdir, "/");
	emit(sprintrc(rc), "chdir(\"/\")");
	do_rmdir(dir);

	emit_final_stdout_write(0);
	return 0;
}
