// SPDX-License-Identifier: GPL-2.0
/* String escaping and number formatting, as strace 6.1 prints them. */
#include <stdlib.h>
#include "check.h"
#include "decode.h"

static struct outbuf ob;
static struct settings st;

void die(const char *fmt, ...)
{
	fprintf(stderr, "die: %s\n", fmt);
	exit(2);
}

void warnx_(const char *fmt, ...)
{
}

static const char *quoted(const char *s, size_t n, bool nul, bool more)
{
	struct dctx d = { .s = &st, .o = &ob };

	ob_init(&ob, -1);
	print_quoted(&d, (const uint8_t *)s, n, nul, more);
	ob.buf[ob.len] = 0;
	return ob.buf;
}

static const char *flags(const struct xlat *x, uint64_t v)
{
	ob_init(&ob, -1);
	xlat_print_flags(&ob, x, v, NULL);
	ob.buf[ob.len] = 0;
	return ob.buf;
}

int main(void)
{
	static const struct xlat_entry e[] = { { 1, "A" }, { 2, "B" }, { 8, "D" } };
	static const struct xlat x = { e, 3 };
	uint8_t mask[8] = { 0 };

	st.strsize = 32;
	CHECK_STR(quoted("hi\n", 3, false, false), "\"hi\\n\"");
	CHECK_STR(quoted("a\"b\\c", 5, false, false), "\"a\\\"b\\\\c\"");
	CHECK_STR(quoted("\t\v\f\r", 4, false, false), "\"\\t\\v\\f\\r\"");
	/* shortest octal unless an octal digit follows */
	CHECK_STR(quoted("\001x", 2, false, false), "\"\\1x\"");
	CHECK_STR(quoted("\0011", 2, false, false), "\"\\0011\"");
	CHECK_STR(quoted("\0018", 2, false, false), "\"\\18\"");
	CHECK_STR(quoted("\377\177", 2, false, false), "\"\\377\\177\"");
	/* terminal escapes never reach the output raw */
	CHECK_STR(quoted("\033[2J", 4, false, false), "\"\\33[2J\"");
	CHECK_STR(quoted("abc", 3, false, true), "\"abc\"...");
	st.xstrings = 1;
	CHECK_STR(quoted("abc", 3, false, false), "\"abc\"");
	CHECK_STR(quoted("ab\001", 3, false, false), "\"\\x61\\x62\\x01\"");
	st.xstrings = 2;
	CHECK_STR(quoted("ab", 2, false, false), "\"\\x61\\x62\"");
	st.xstrings = 0;

	CHECK_STR(flags(&x, 0), "0");
	CHECK_STR(flags(&x, 3), "A|B");
	CHECK_STR(flags(&x, 0x13), "A|B|0x10");
	CHECK_STR(flags(&x, 0x10), "0x10");

	ob_init(&ob, -1);
	ob_hex(&ob, 0);
	ob_putc(&ob, ' ');
	ob_hex(&ob, 0x7fff1234);
	ob_putc(&ob, ' ');
	ob_dec(&ob, -4095);
	ob_putc(&ob, ' ');
	ob_ptr(&ob, 0);
	ob.buf[ob.len] = 0;
	CHECK_STR(ob.buf, "0 0x7fff1234 -4095 NULL");

	mask[0] = 0x06;	/* INT QUIT */
	ob_init(&ob, -1);
	print_sigset(&ob, mask, 8);
	ob.buf[ob.len] = 0;
	CHECK_STR(ob.buf, "[INT QUIT]");
	memset(mask, 0xff, 8);
	mask[3] = 0x7f;	/* all but RTMIN (32) and RT_1 (33) */
	mask[4] = 0xfe;
	ob_init(&ob, -1);
	print_sigset(&ob, mask, 8);
	ob.buf[ob.len] = 0;
	CHECK_STR(ob.buf, "~[RTMIN RT_1]");

	/* -X raw and -X verbose */
	xlat_style = XLAT_RAW;
	CHECK_STR(flags(&x, 0), "0");
	CHECK_STR(flags(&x, 0x13), "0x13");
	ob_init(&ob, -1);
	print_sigset(&ob, mask, 8);
	ob.buf[ob.len] = 0;
	CHECK_STR(ob.buf, "~[32 33]");
	xlat_style = XLAT_VERBOSE;
	CHECK_STR(flags(&x, 3), "0x3 /* A|B */");
	CHECK_STR(flags(&x, 0x13), "0x13 /* A|B|0x10 */");
	CHECK_STR(flags(&x, 0x10), "0x10");
	ob_init(&ob, -1);
	print_signal(&ob, 15);
	ob_putc(&ob, ' ');
	xlat_print_val(&ob, &x, 5, "X_???");
	ob.buf[ob.len] = 0;
	CHECK_STR(ob.buf, "15 /* SIGTERM */ 0x5 /* X_??? */");
	xlat_style = XLAT_ABBREV;
	return check_done();
}
