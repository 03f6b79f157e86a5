/* bstrace-test: --skip-startup -e trace=mmap,mprotect,munmap,mremap,madvise,brk */
/*
 * Memory management calls.  The loader's mmap/mprotect/munmap/brk come
 * first (--skip-startup), so the first call here must be unlike any of
 * them.  Nothing in this program calls malloc.
 */
#include "corpus.h"
#include <fcntl.h>
#include <sys/mman.h>

/* a PROT_ bit no arch knows: 0x10 and 0x20 are PROT_BTI/PROT_MTE on arm64 */
#ifdef __aarch64__
#define PROT_UNKNOWN	0x40
#else
#define PROT_UNKNOWN	0x10
#endif

int main(void)
{
	char path[64];
	long p, q, r, cur, rc;
	int fd;

	/* untraced setup: an 8 KiB file */
	snprintf(path, sizeof(path), "/tmp/bstrace-mem.%d", getpid());
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || ftruncate(fd, 8192))
		return 1;

	p = syscall(__NR_mmap, 0, 16384, PROT_NONE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	emit(sprintrc_hex(p),
	     "mmap(NULL, 16384, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE, -1, 0)");
	rc = syscall(__NR_mprotect, p, 4096, PROT_READ | PROT_WRITE);
	emit(sprintrc(rc), "mprotect(%#lx, 4096, PROT_READ|PROT_WRITE)", p);
	rc = syscall(__NR_mprotect, p + 1, 4096, PROT_READ);
	emit(sprintrc(rc), "mprotect(%#lx, 4096, PROT_READ)", p + 1);
	rc = syscall(__NR_mprotect, p, 4096, PROT_READ | PROT_EXEC | PROT_UNKNOWN);
	emit(sprintrc(rc), "mprotect(%#lx, 4096, PROT_READ|PROT_EXEC|%#x)", p,
	     PROT_UNKNOWN);
	rc = syscall(__NR_madvise, p, 4096, MADV_DONTNEED);
	emit(sprintrc(rc), "madvise(%#lx, 4096, MADV_DONTNEED)", p);
	rc = syscall(__NR_madvise, p, 4096, 12345);
	emit(sprintrc(rc), "madvise(%#lx, 4096, 0x3039 /* MADV_??? */)", p);

	q = syscall(__NR_mremap, p, 4096, 65536, MREMAP_MAYMOVE);
	emit(sprintrc_hex(q), "mremap(%#lx, 4096, 65536, MREMAP_MAYMOVE)", p);
	rc = syscall(__NR_munmap, p + 4096, 12288);
	emit(sprintrc(rc), "munmap(%#lx, 12288)", p + 4096);
	rc = syscall(__NR_mremap, q, 4096, 4096, 0x10);
	emit(sprintrc_hex(rc), "mremap(%#lx, 4096, 4096, 0x10 /* MREMAP_??? */)", q);

	r = syscall(__NR_mmap, q, 4096, PROT_READ,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	emit(sprintrc_hex(r),
	     "mmap(%#lx, 4096, PROT_READ, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, -1, 0)",
	     q);
	rc = syscall(__NR_munmap, q, 65536);
	emit(sprintrc(rc), "munmap(%#lx, 65536)", q);
	rc = syscall(__NR_munmap, q + 1, 4096);
	emit(sprintrc(rc), "munmap(%#lx, 4096)", q + 1);

	/* file mappings */
	p = syscall(__NR_mmap, 0, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	emit(sprintrc_hex(p), "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_SHARED, %d, 0)",
	     fd);
	q = syscall(__NR_mmap, 0, 4096, PROT_READ, MAP_PRIVATE | MAP_POPULATE,
		    fd, 4096);
	emit(sprintrc_hex(q), "mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_POPULATE, %d, 0x1000)",
	     fd);
	rc = syscall(__NR_munmap, p, 8192);
	emit(sprintrc(rc), "munmap(%#lx, 8192)", p);
	rc = syscall(__NR_munmap, q, 4096);
	emit(sprintrc(rc), "munmap(%#lx, 4096)", q);

	/* failing and odd mmaps */
	rc = syscall(__NR_mmap, 0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	emit(sprintrc_hex(rc), "mmap(NULL, 0, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)");
	rc = syscall(__NR_mmap, 0, 4096, PROT_READ, MAP_PRIVATE, 1000, 0);
	emit(sprintrc_hex(rc), "mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, 1000, 0)");
	rc = syscall(__NR_mmap, 0, 4096, PROT_READ, MAP_SHARED_VALIDATE | 0x800000,
		     fd, 0);
	emit(sprintrc_hex(rc), "mmap(NULL, 4096, PROT_READ, MAP_SHARED_VALIDATE|0x800000, %d, 0)",
	     fd);
	p = syscall(__NR_mmap, 0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | 0x800000,
		    -1, 0);
	emit(sprintrc_hex(p), "mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|0x800000, -1, 0)");
	rc = syscall(__NR_munmap, p, 4096);
	emit(sprintrc(rc), "munmap(%#lx, 4096)", p);

	/* brk: the kernel returns the current break on failure */
	cur = syscall(__NR_brk, 0);
	emit(sprintrc_hex(cur), "brk(NULL)");
	rc = syscall(__NR_brk, cur + 8192);
	emit(sprintrc_hex(rc), "brk(%#lx)", cur + 8192);
	rc = syscall(__NR_brk, cur);
	emit(sprintrc_hex(rc), "brk(%#lx)", cur);
	rc = syscall(__NR_brk, 0x1000);
	emit(sprintrc_hex(rc), "brk(0x1000)");

	close(fd);
	unlink(path);
	return 0;
}
