/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Option tables: one table per program (user/main.c, user/daemon/bstraced.c) from which
 * getopt_long's arguments and --help are built, so that the two cannot drift; tools/options.sh
 * reads the same rows for the bash completion and the man page test.
 */
#ifndef BSTRACE_CLI_H
#define BSTRACE_CLI_H

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>

/*
 * A row is a letter, a long name or both (the letter returns itself, the name `val` or else the
 * letter); a row without help is an alias, shown in the entry of the row before it; `spell`
 * replaces the generated "-L META, --name=META" of an entry. A row with neither letter nor name
 * only documents (bstrace's -e errno=).
 */
struct cli_opt {
	char letter;
	const char *name;
	int arg;		/* no_argument, required_argument, optional_argument */
	int val;
	int group;		/* the --help section */
	const char *meta;	/* the value's name in --help */
	const char *help;	/* its text, wrapped by --help ('\n': a space); NULL: an alias */
	const char *spell;
};

/* getopt_long's option string ("+:" first: stop at the first operand, report missing values)
 * into `shorts` (2 + 3 * n + 1 bytes) and its long options into `longs` (n + 1 entries) */
void cli_getopt(const struct cli_opt *opts, size_t n, char *shorts, struct option *longs);

/* the entries of `opts`, section by section ("Name:" headings from `groups`), wrapped at 80 */
void cli_help(FILE *f, const struct cli_opt *opts, size_t n, const char *const *groups,
	      int ngroups);

#endif
