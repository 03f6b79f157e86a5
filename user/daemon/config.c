// SPDX-License-Identifier: GPL-2.0
/* The configuration file reader: lines of "key = value", "key" or comments. */
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "config.h"

static char *trim(char *p)
{
	char *e;

	while (isspace((unsigned char)*p))
		p++;
	e = p + strlen(p);
	while (e > p && isspace((unsigned char)e[-1]))
		*--e = 0;
	return p;
}

static bool key_ok(const char *k)
{
	if (!*k)
		return false;
	for (; *k; k++)
		if (!isalnum((unsigned char)*k) && *k != '-' && *k != '_')
			return false;
	return true;
}

int config_read(const char *path, config_fn fn, void *ctx, char *err, size_t errlen)
{
	char *line = NULL, *key, *val, *eq, where[512];
	size_t cap = 0;
	unsigned int lineno = 0;
	int ret = 0;
	FILE *f = fopen(path, "r");

	if (!f) {
		snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
		return -1;
	}
	while (getline(&line, &cap, f) >= 0) {
		lineno++;
		snprintf(where, sizeof(where), "%s:%u", path, lineno);
		/* '#' starts a comment anywhere: values never need one */
		line[strcspn(line, "#\n")] = 0;
		key = trim(line);
		if (!*key)
			continue;
		val = NULL;
		eq = strchr(key, '=');
		if (eq) {
			*eq = 0;
			val = trim(eq + 1);
			key = trim(key);
			if (!*val) {
				snprintf(err, errlen, "%s: '%s' has no value", where, key);
				ret = -1;
				break;
			}
			/* "value" and 'value' keep their spaces */
			size_t n = strlen(val);

			if (n >= 2 && (val[0] == '"' || val[0] == '\'') && val[n - 1] == val[0]) {
				val[n - 1] = 0;
				val++;
			}
		}
		if (!key_ok(key)) {
			snprintf(err, errlen, "%s: expected 'key = value', got '%s'", where, key);
			ret = -1;
			break;
		}
		if (fn(ctx, key, val, where)) {
			ret = -1;
			break;
		}
	}
	if (!ret && ferror(f)) {
		snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
		ret = -1;
	}
	free(line);
	fclose(f);
	return ret;
}
