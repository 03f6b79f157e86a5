/*
 * Built with -m32 by tests/integration/compat32.sh: a 32-bit program on the 64-bit kernel makes
 * calls whose i386 numbers are other calls' numbers on x86_64 (getppid is 64 there, 110 here;
 * read is 3, close on x86_64), with 32-bit ids, the 64-bit time calls and mmap2, then exits 3.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

/* i386's <asm/unistd_32.h> (the -m32 headers may lack asm/): user/sysnums/i386.h */
#define NR_clock_gettime64 403

int main(void)
{
	struct {
		int64_t sec, nsec;
	} ts;	/* the kernel's 64-bit timespec (glibc's clock_gettime uses the vDSO) */
	char buf[16];
	void *p;
	int fd;

	fd = open("/dev/null", O_RDONLY);
	if (read(fd, buf, sizeof(buf)) != 0)
		return 1;
	if (write(1, "hi32\n", 5) != 5)
		return 1;
	close(fd);
	if (open("/nonexistent/compat32", O_RDONLY) != -1)
		return 1;
	getppid();
	getuid();
	syscall(NR_clock_gettime64, CLOCK_MONOTONIC, &ts);
	p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return 1;
	munmap(p, 8192);
	return 3;
}
