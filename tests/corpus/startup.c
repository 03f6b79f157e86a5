/* bstrace-test: -e trace=?access,openat,newfstatat,read,pread64,close,?arch_prctl,set_tid_address,set_robust_list,rseq,prlimit64 */
/*
 * The calls made before main() by the dynamic loader and libc start-up,
 * recomputed from what they left behind (loaded objects, thread pointer,
 * robust list, rseq area, ...).  Everything else in this program uses
 * syscalls outside the trace set (open, stat, getrlimit, ...).
 *
 * This reproduces the exact sequence of Debian 12's glibc 2.36
 * (x86_64); another libc or LD_* variables in the environment change
 * it.  The program fails (exit 1) when it cannot predict the sequence.
 * Other arches (the same glibc on arm64, riscv64): the loader checks
 * /etc/ld.so.preload with faccessat (not traced) where there is no access
 * syscall, there is no arch_prctl, and rseq's signature is the arch's
 * RSEQ_SIG (riscv64's glibc 2.36 registers no rseq area at all).
 */
#include "corpus.h"
#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <pthread.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/rseq.h>
#include <sys/stat.h>

#define FILEBUF_SIZE	832	/* glibc's struct filebuf, 64-bit */

static const char *libc_path;
static const unsigned char *libc_base;

static int find_libc(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	(void)data;
	if (strstr(info->dlpi_name, "/libc.so.")) {
		libc_path = info->dlpi_name;
		libc_base = (const unsigned char *)info->dlpi_addr;
	}
	return 0;
}

/* stat (or statx where there is no stat): not traced */
static int untraced_stat(const char *path, unsigned int *mode, long long *size)
{
#ifdef __NR_stat
	struct stat st;

	if (syscall(__NR_stat, path, &st))
		return -1;
	*mode = st.st_mode;
	*size = st.st_size;
#else
	struct statx sx;

	if (syscall(__NR_statx, AT_FDCWD, path, 0, STATX_BASIC_STATS, &sx))
		return -1;
	*mode = sx.stx_mode;
	*size = sx.stx_size;
#endif
	return 0;
}

static const char *sstat_of(const char *path)
{
	unsigned int mode;
	long long size;

	if (untraced_stat(path, &mode, &size))
		exit(1);
	return sfmt("{st_mode=%s, st_size=%lld, ...}", smode(mode), size);
}

static const char *srlim(unsigned long v)
{
	if (v == ~0UL)
		return "RLIM64_INFINITY";
	if (v > 1024 && !(v % 1024))	/* strace: 1024 itself is "1024" */
		return sfmt("%lu*1024", v / 1024);
	return sfmt("%lu", v);
}

int main(void)
{
	const Elf64_Ehdr *eh;
	struct rlimit rl;
	size_t phsize, headlen;
	void *head;
	int *tidp;
	long fd, pid;
	unsigned int mode;
	long long size;

	/* without ld.so.cache the loader searches the library path */
	if (getenv("LD_PRELOAD") || getenv("LD_LIBRARY_PATH") ||
	    !untraced_stat("/etc/ld.so.preload", &mode, &size) ||
	    untraced_stat("/etc/ld.so.cache", &mode, &size)) {
		fprintf(stderr, "startup: unpredictable loader setup\n");
		return 1;
	}
	dl_iterate_phdr(find_libc, NULL);
	if (!libc_path)
		return 1;
	eh = (const Elf64_Ehdr *)libc_base;	/* file offset 0 is mapped */
	phsize = (size_t)eh->e_phnum * eh->e_phentsize;

	/* the lowest free fd is the one the loader got */
#ifdef __NR_open
	fd = syscall(__NR_open, "/", O_RDONLY);	/* open: not traced */
#else
	fd = syscall(__NR_dup, 1);		/* openat is traced, dup is not */
#endif
	syscall(__NR_close_range, fd, fd, 0);	/* close: traced */
	pid = syscall(__NR_getpid);

#ifdef __NR_access
	emit(sfmt("-1 ENOENT (%s)", strerror(ENOENT)),
	     "access(\"/etc/ld.so.preload\", R_OK)");
#endif
	emit(sprintrc(fd),
	     "openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC)");
	emit("0", "newfstatat(%ld, \"\", %s, AT_EMPTY_PATH)", fd,
	     sstat_of("/etc/ld.so.cache"));
	emit("0", "close(%ld)", fd);

	emit(sprintrc(fd), "openat(AT_FDCWD, %s, O_RDONLY|O_CLOEXEC)",
	     qstr(libc_path));
	emit(sprintrc(FILEBUF_SIZE), "read(%ld, %s, %d)", fd,
	     qbuf(libc_base, FILEBUF_SIZE), FILEBUF_SIZE);
	/* program headers not within the first 832 bytes are re-read */
	if (eh->e_phoff + phsize > FILEBUF_SIZE)
		emit(sprintrc(phsize), "pread64(%ld, %s, %zu, %lu)", fd,
		     qbuf(libc_base + eh->e_phoff, phsize), phsize,
		     (unsigned long)eh->e_phoff);
	emit("0", "newfstatat(%ld, \"\", %s, AT_EMPTY_PATH)", fd,
	     sstat_of(libc_path));
	if (eh->e_phoff + phsize > FILEBUF_SIZE)
		emit(sprintrc(phsize), "pread64(%ld, %s, %zu, %lu)", fd,
		     qbuf(libc_base + eh->e_phoff, phsize), phsize,
		     (unsigned long)eh->e_phoff);
	emit("0", "close(%ld)", fd);

	/* libc start-up in the main thread */
	if (prctl(PR_GET_TID_ADDRESS, &tidp) ||
	    syscall(__NR_get_robust_list, 0, &head, &headlen) ||
	    syscall(__NR_getrlimit, RLIMIT_STACK, &rl))
		return 1;
#ifdef __NR_arch_prctl
	emit("0", "arch_prctl(ARCH_SET_FS, %s)", sptr((void *)pthread_self()));
#endif
	emit(sprintrc(pid), "set_tid_address(%s)", sptr(tidp));
	emit("0", "set_robust_list(%s, %zu)", sptr(head), headlen);
#ifdef RSEQ_SIG
	if (__rseq_size)
		emit("0", "rseq(%s, %#zx, 0, %#x)",
		     sptr((char *)__builtin_thread_pointer() + __rseq_offset),
		     sizeof(struct rseq), RSEQ_SIG);
#endif
	emit("0", "prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=%s, rlim_max=%s})",
	     srlim(rl.rlim_cur), srlim(rl.rlim_max));
	return 0;
}
