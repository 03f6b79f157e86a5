// SPDX-License-Identifier: GPL-2.0
/* The config file reader: keys, values, comments, quoting and the errors' FILE:LINE. */
#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>
#include "check.h"
#include "config.h"

void die(const char *fmt, ...)
{
	fprintf(stderr, "die: %s\n", fmt);
	exit(2);
}

void warnx_(const char *fmt, ...)
{
}

struct seen {
	char text[1024];
	const char *reject;	/* a key the callback refuses */
};

static int take(void *ctx, const char *key, const char *value, const char *where)
{
	struct seen *s = ctx;
	size_t n = strlen(s->text);

	if (s->reject && !strcmp(key, s->reject))
		return 1;
	snprintf(s->text + n, sizeof(s->text) - n, "[%s=%s@%s]", key, value ? value : "(none)",
		 strrchr(where, ':') + 1);
	return 0;
}

static int run(const char *content, struct seen *s, char *err, size_t errlen)
{
	char path[] = "/tmp/test_config.XXXXXX";
	int fd = mkstemp(path), r;

	if (fd < 0 || write(fd, content, strlen(content)) != (ssize_t)strlen(content))
		return -2;
	close(fd);
	s->text[0] = 0;
	err[0] = 0;
	r = config_read(path, take, s, err, errlen);
	unlink(path);
	return r;
}

int main(void)
{
	struct seen s = {};
	char err[512];

	CHECK(run("# comment\n\nlisten = 127.0.0.1:9100\n  top=10  # trailing\n"
		  "no-histogram\ncomm = \"a b\"\n", &s, err, sizeof(err)) == 0, "%s", err);
	CHECK_STR(s.text, "[listen=127.0.0.1:9100@3][top=10@4][no-histogram=(none)@5][comm=a b@6]");

	/* '#' inside a quoted value is not a comment; after it, it is */
	CHECK(run("events = \"/var/log/a#b.json\"  # the file\ncomm = 'x # y'\nk = v#c\n"
		  "q = \"\"\n", &s, err, sizeof(err)) == 0, "%s", err);
	CHECK_STR(s.text, "[events=/var/log/a#b.json@1][comm=x # y@2][k=v@3][q=@4]");
	CHECK(run("comm = \"a#b\n", &s, err, sizeof(err)) == -1, "unterminated quote accepted");
	CHECK(strstr(err, ":1: 'comm': no closing \"") != NULL, "%s", err);
	CHECK(run("comm = \"a\" b\n", &s, err, sizeof(err)) == -1, "text after a quote accepted");
	CHECK(strstr(err, ":1: 'comm': text after the closing quote") != NULL, "%s", err);

	CHECK(run("top =\n", &s, err, sizeof(err)) == -1, "empty value accepted");
	CHECK(strstr(err, ":1: 'top' has no value") != NULL, "%s", err);

	CHECK(run("listen 127.0.0.1\n", &s, err, sizeof(err)) == -1, "bad line accepted");
	CHECK(strstr(err, ":1: expected 'key = value'") != NULL, "%s", err);

	s.reject = "bogus";
	CHECK(run("top = 1\nbogus = 2\ntop = 3\n", &s, err, sizeof(err)) == -1, "stop ignored");
	CHECK_STR(s.text, "[top=1@1]");
	s.reject = NULL;

	CHECK(config_read("/nonexistent/bstraced.conf", take, &s, err, sizeof(err)) == -1,
	      "missing file accepted");
	CHECK_STR(err, "cannot read /nonexistent/bstraced.conf: No such file or directory");
	return check_done();
}
