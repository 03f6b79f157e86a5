/* bstrace-test: --skip-startup -e trace=umask,mkdir,mkdirat,chdir,fchdir,getcwd,openat,open,creat,close,read,write,pread64,pwrite64,lseek,rename,renameat,renameat2,readlink,readlinkat,access,faccessat,faccessat2,unlink,unlinkat,rmdir */
/*
 * File system calls on a scratch directory /tmp/bstrace-file.PID.
 * The loader's openat/read/close... come first: --skip-startup.
 * "write" is traced, so the final flush of stdout is a traced call too.
 */
#include "corpus.h"
#include <fcntl.h>
#include <linux/fs.h>

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

	rc = syscall(__NR_mkdir, dir, 0755);
	emit(sprintrc(rc), "mkdir(%s, 0755)", qstr(dir));
	rc = syscall(__NR_mkdir, dir, 0755);
	emit(sprintrc(rc), "mkdir(%s, 0755)", qstr(dir));
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
	fd = syscall(__NR_open, "a.txt", O_RDWR);
	emit(sprintrc(fd), "open(\"a.txt\", O_RDWR)");
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
	fd = syscall(__NR_creat, "b.txt", 0600);
	emit(sprintrc(fd), "creat(\"b.txt\", 0600)");
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
	rc = syscall(__NR_rename, "b.txt", "c.txt");
	emit(sprintrc(rc), "rename(\"b.txt\", \"c.txt\")");
	rc = syscall(__NR_rename, "b.txt", "c.txt");
	emit(sprintrc(rc), "rename(\"b.txt\", \"c.txt\")");
	rc = syscall(__NR_renameat, AT_FDCWD, "c.txt", dfd, "d.txt");
	emit(sprintrc(rc), "renameat(AT_FDCWD, \"c.txt\", %ld, \"d.txt\")",
	     dfd);
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
	rc = syscall(__NR_readlink, "lnk", buf, sizeof(buf));
	emit(sprintrc(rc), "readlink(\"lnk\", %s, %zu)", qbuf(buf, rc),
	     sizeof(buf));
	rc = syscall(__NR_readlinkat, dfd, "lnk", buf, 3);
	emit(sprintrc(rc), "readlinkat(%ld, \"lnk\", %s, 3)", dfd,
	     qbuf(buf, rc));
	rc = syscall(__NR_readlinkat, AT_FDCWD, "a.txt", buf, sizeof(buf));
	emit(sprintrc(rc), "readlinkat(AT_FDCWD, \"a.txt\", %s, %zu)",
	     sptr(buf), sizeof(buf));

	/* access family; we are root: X_OK needs some x bit */
	rc = syscall(__NR_access, "a.txt", R_OK | W_OK);
	emit(sprintrc(rc), "access(\"a.txt\", R_OK|W_OK)");
	rc = syscall(__NR_access, "missing", F_OK);
	emit(sprintrc(rc), "access(\"missing\", F_OK)");
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
	rc = syscall(__NR_rmdir, dir);
	emit(sprintrc(rc), "rmdir(%s)", qstr(dir));
	rc = syscall(__NR_unlink, "lnk");
	emit(sprintrc(rc), "unlink(\"lnk\")");
	rc = syscall(__NR_unlink, "sub");
	emit(sprintrc(rc), "unlink(\"sub\")");
	rc = syscall(__NR_unlinkat, dfd, "sub", AT_REMOVEDIR);
	emit(sprintrc(rc), "unlinkat(%ld, \"sub\", AT_REMOVEDIR)", dfd);
	rc = syscall(__NR_unlinkat, AT_FDCWD, "e.txt", 0);
	emit(sprintrc(rc), "unlinkat(AT_FDCWD, \"e.txt\", 0)");
	rc = syscall(__NR_unlinkat, AT_FDCWD, "a.txt", 0x4);
	emit(sprintrc(rc), "unlinkat(AT_FDCWD, \"a.txt\", 0x4 /* AT_??? */)");
	rc = syscall(__NR_unlink, "a.txt");
	emit(sprintrc(rc), "unlink(\"a.txt\")");
	rc = syscall(__NR_close, dfd);
	emit(sprintrc(rc), "close(%ld)", dfd);
	rc = syscall(__NR_chdir, "/");
	emit(sprintrc(rc), "chdir(\"/\")");
	rc = syscall(__NR_rmdir, dir);
	emit(sprintrc(rc), "rmdir(%s)", qstr(dir));

	emit_final_stdout_write(0);
	return 0;
}
