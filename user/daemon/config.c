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
		line[strcspn(line, "\n")] = 0;
		/* '#' starts a comment, but inside a quoted value */
		eq = line + strcspn(line, "#=");
		if (*eq != '=')
			*eq = 0, eq = NULL;
		key = line;
		val = NULL;
		if (eq) {
			*eq = 0;
			key = trim(key);
			val = eq + 1;
			while (isspace((unsigned char)*val))
				val++;
			if (*val == '"' || *val == '\'') {
				/* "value" and 'value' keep their spaces and '#' */
				char *close = strchr(val + 1, *val), *rest;

				if (!close) {
					snprintf(err, errlen, "%s: '%s': no closing %c", where, key, *val);
					ret = -1;
					break;
				}
				*close = 0;
				rest = close + 1;
				while (isspace((unsigned char)*rest))
					rest++;
				if (*rest && *rest != '#') {
					snprintf(err, errlen, "%s: '%s': text after the closing quote", where,
						 key);
					ret = -1;
					break;
				}
				val++;
			} else {
				val[strcspn(val, "#")] = 0;
				val = trim(val);
				if (!*val) {
					snprintf(err, errlen, "%s: '%s' has no value", where, key);
					ret = -1;
					break;
				}
			}
		} else {
			key = trim(key);
			if (!*key)
				continue;
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
