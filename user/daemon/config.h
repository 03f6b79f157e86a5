/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The configuration file: one option per line, "key = value" or a bare "key" for a switch;
 * keys are the long option names without "--"; '#' starts a comment, but not inside a value
 * quoted with " or ' (quotes keep spaces and '#'). Blank lines are ignored.
 */
#ifndef BSTRACED_CONFIG_H
#define BSTRACED_CONFIG_H

#include <stddef.h>

/* one option; `where` is "FILE:LINE". Returns 0, or non-zero to stop (error already set). */
typedef int (*config_fn)(void *ctx, const char *key, const char *value, const char *where);

/*
 * Reads `path` and hands each option to fn (value NULL for a bare key). Returns 0, or -1 with
 * a one-line reason in err ("FILE:LINE: ..." for syntax errors, "cannot read FILE: ..." ).
 */
int config_read(const char *path, config_fn fn, void *ctx, char *err, size_t errlen);

#endif /* BSTRACED_CONFIG_H */
