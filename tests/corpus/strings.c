/* bstrace-test: -e trace=write */
/*
 * How strace quotes data buffers with the default -s 32: every byte
 * value 0..255, the 32-byte cut and its "...", octal escapes next to
 * digits (inside and just outside the shown part), bad addresses.
 * Writes go to /dev/null; the final flush of stdout is traced too.
 */
#include "corpus.h"
#include <fcntl.h>

static int fd;

static void wr(const void *buf, size_t len)
{
	long rc = syscall(__NR_write, fd, buf, len);

	emit(sprintrc(rc), "write(%d, %s, %zu)", fd, qbuf(buf, len), len);
}

int main(void)
{
	unsigned char all[256], b[40];
	int i;

	fd = open("/dev/null", O_WRONLY);	/* openat: not traced */
	if (fd < 0)
		return 1;
	for (i = 0; i < 256; i++)
		all[i] = i;

	wr("", 0);
	wr("0123456789abcdefghijklmnopqrstuv", 32);	/* exactly 32: no ... */
	wr("0123456789abcdefghijklmnopqrstuvw", 33);
	for (i = 0; i < 256; i += 32)
		wr(all + i, 32);
	wr(all + 250, 6);			/* 250..255, not cut */

	/* octal: short form unless the next byte is '0'..'7' */
	wr("\0" "0\0" "7\0" "8\0" "9\0" "a\1" "1\16" "3\377" "0\177" "x\33" "[",
	   20);
	wr("\n1\t2\r3\\4\"5", 10);
	/* the byte after the cut does not count: \1 is shown short */
	memset(b, 'x', sizeof(b));
	b[31] = 1;
	b[32] = '5';
	wr(b, 33);
	b[30] = 2;
	b[31] = '6';
	wr(b, 32);

	/* bad buffers are shown as addresses */
	emit(sprintrc(syscall(__NR_write, fd, NULL, 5)), "write(%d, NULL, 5)", fd);
	emit(sprintrc(syscall(__NR_write, fd, (void *)1, 5)), "write(%d, 0x1, 5)",
	     fd);
	emit(sprintrc(syscall(__NR_write, -1, all, 3)), "write(-1, %s, 3)",
	     qbuf(all, 3));

	emit_final_stdout_write(0);
	return 0;
}
