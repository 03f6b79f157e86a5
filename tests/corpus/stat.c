/* bstrace-test: --skip-startup -e trace=?stat,?lstat,fstat,newfstatat,statx */
/*
 * stat family: strace prints only st_mode and st_size (st_rdev for
 * devices) followed by "...".  The loader's newfstatat calls come first.
 * Arches without stat and lstat (arm64, riscv64) make
 * newfstatat(AT_FDCWD, path, buf, 0 or AT_SYMLINK_NOFOLLOW) instead.
 */
#include "corpus.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

static const struct xlat statx_masks[] = {
	XLAT(STATX_ALL),
	XLAT(STATX_BASIC_STATS),
	XLAT(STATX_TYPE),
	XLAT(STATX_MODE),
	XLAT(STATX_NLINK),
	XLAT(STATX_UID),
	XLAT(STATX_GID),
	XLAT(STATX_ATIME),
	XLAT(STATX_MTIME),
	XLAT(STATX_CTIME),
	XLAT(STATX_INO),
	XLAT(STATX_SIZE),
	XLAT(STATX_BLOCKS),
	XLAT(STATX_BTIME),
	{ 0x1000, "STATX_MNT_ID" },
	{ 0x2000, "STATX_DIOALIGN" },
	XLAT_END
};

static const struct xlat statx_attrs[] = {
	XLAT(STATX_ATTR_COMPRESSED),
	XLAT(STATX_ATTR_IMMUTABLE),
	XLAT(STATX_ATTR_APPEND),
	XLAT(STATX_ATTR_NODUMP),
	XLAT(STATX_ATTR_ENCRYPTED),
	XLAT(STATX_ATTR_AUTOMOUNT),
	{ 0x2000, "STATX_ATTR_MOUNT_ROOT" },
	{ 0x100000, "STATX_ATTR_VERITY" },
	{ 0x200000, "STATX_ATTR_DAX" },
	XLAT_END
};

/* "{st_mode=S_IFREG|0640, st_size=5, ...}" or the address on failure */
static const char *sstat(long rc, const struct stat *st)
{
	unsigned int type;

	if (rc)
		return sptr(st);
	type = st->st_mode & S_IFMT;
	if (type == S_IFCHR || type == S_IFBLK)
		return sfmt("{st_mode=%s, st_rdev=makedev(%#x, %#x), ...}",
			    smode(st->st_mode), major(st->st_rdev),
			    minor(st->st_rdev));
	return sfmt("{st_mode=%s, st_size=%lld, ...}", smode(st->st_mode),
		    (long long)st->st_size);
}

/* stat(path, st), or lstat: the call and its line */
static void do_stat(int l, const char *path, struct stat *st)
{
	long rc;

#ifdef __NR_stat
	rc = syscall(l ? __NR_lstat : __NR_stat, path, st);
	emit(sprintrc(rc), "%s(%s, %s)", l ? "lstat" : "stat", qstr(path),
	     sstat(rc, st));
#else
	rc = syscall(__NR_newfstatat, AT_FDCWD, path, st,
		     l ? AT_SYMLINK_NOFOLLOW : 0);
	emit(sprintrc(rc), "newfstatat(AT_FDCWD, %s, %s, %s)", qstr(path),
	     sstat(rc, st), l ? "AT_SYMLINK_NOFOLLOW" : "0");
#endif
}

static const char *sstatx(long rc, const struct statx *sx)
{
	if (rc)
		return sptr(sx);
	return sfmt("{stx_mask=%s, stx_attributes=%s, stx_mode=%s, stx_size=%llu, ...}",
		    sflags(statx_masks, sx->stx_mask),
		    sflags(statx_attrs, sx->stx_attributes),
		    smode(sx->stx_mode), (unsigned long long)sx->stx_size);
}

int main(void)
{
	char dir[64], file[80], lnk[80];
	struct statx sx;
	struct stat st;
	long rc;
	int fd;

	/* untraced setup */
	umask(0);
	snprintf(dir, sizeof(dir), "/tmp/bstrace-stat.%d", getpid());
	snprintf(file, sizeof(file), "%s/f", dir);
	snprintf(lnk, sizeof(lnk), "%s/l", dir);
	if (mkdir(dir, 0751) || symlink("f", lnk))
		return 1;
	fd = open(file, O_RDWR | O_CREAT, 04640);
	if (fd < 0 || write(fd, "hello", 5) != 5)
		return 1;

	do_stat(0, file, &st);
	do_stat(0, dir, &st);
	do_stat(0, "/dev/null", &st);
	do_stat(0, lnk, &st);
	do_stat(1, lnk, &st);
	do_stat(0, "/nonexistent", &st);
	do_stat(1, "/dev/null/x", &st);
	do_stat(0, file, NULL);

	rc = syscall(__NR_fstat, fd, &st);
	emit(sprintrc(rc), "fstat(%d, %s)", fd, sstat(rc, &st));
	rc = syscall(__NR_fstat, -1, &st);
	emit(sprintrc(rc), "fstat(-1, %s)", sstat(rc, &st));

	rc = syscall(__NR_newfstatat, AT_FDCWD, lnk, &st, AT_SYMLINK_NOFOLLOW);
	emit(sprintrc(rc), "newfstatat(AT_FDCWD, %s, %s, AT_SYMLINK_NOFOLLOW)",
	     qstr(lnk), sstat(rc, &st));
	rc = syscall(__NR_newfstatat, fd, "", &st, AT_EMPTY_PATH);
	emit(sprintrc(rc), "newfstatat(%d, \"\", %s, AT_EMPTY_PATH)", fd,
	     sstat(rc, &st));
	rc = syscall(__NR_newfstatat, fd, "", &st, 0);
	emit(sprintrc(rc), "newfstatat(%d, \"\", %s, 0)", fd, sstat(rc, &st));
	rc = syscall(__NR_newfstatat, AT_FDCWD, dir, &st, 0x40000);
	emit(sprintrc(rc), "newfstatat(AT_FDCWD, %s, %s, 0x40000 /* AT_??? */)",
	     qstr(dir), sstat(rc, &st));

	memset(&sx, 0, sizeof(sx));
	rc = syscall(__NR_statx, AT_FDCWD, file, AT_STATX_SYNC_AS_STAT,
		     STATX_BASIC_STATS, &sx);
	emit(sprintrc(rc),
	     "statx(AT_FDCWD, %s, AT_STATX_SYNC_AS_STAT, STATX_BASIC_STATS, %s)",
	     qstr(file), sstatx(rc, &sx));
	rc = syscall(__NR_statx, fd, "", AT_EMPTY_PATH | AT_STATX_DONT_SYNC,
		     STATX_TYPE | STATX_SIZE, &sx);
	emit(sprintrc(rc),
	     "statx(%d, \"\", AT_STATX_DONT_SYNC|AT_EMPTY_PATH, STATX_TYPE|STATX_SIZE, %s)",
	     fd, sstatx(rc, &sx));
	rc = syscall(__NR_statx, AT_FDCWD, lnk, AT_SYMLINK_NOFOLLOW, 0, &sx);
	emit(sprintrc(rc), "statx(AT_FDCWD, %s, AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW, 0, %s)",
	     qstr(lnk), sstatx(rc, &sx));
	rc = syscall(__NR_statx, AT_FDCWD, "/nonexistent",
		     AT_STATX_FORCE_SYNC, STATX_ALL, &sx);
	emit(sprintrc(rc),
	     "statx(AT_FDCWD, \"/nonexistent\", AT_STATX_FORCE_SYNC, STATX_ALL, %s)",
	     sstatx(rc, &sx));
	rc = syscall(__NR_statx, AT_FDCWD, file, 0x8000000,
		     STATX_MODE | 0x40000000, &sx);
	emit(sprintrc(rc),
	     "statx(AT_FDCWD, %s, AT_STATX_SYNC_AS_STAT|0x8000000, STATX_MODE|0x40000000, %s)",
	     qstr(file), sstatx(rc, &sx));

	/* untraced cleanup */
	close(fd);
	unlink(lnk);
	unlink(file);
	rmdir(dir);
	return 0;
}
