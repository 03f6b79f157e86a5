// SPDX-License-Identifier: GPL-2.0
/* Option tables: getopt_long's arguments and --help from one list (cli.h). */
#include <string.h>

#include "cli.h"

#define HELP_COL 28	/* where the help text of an entry starts */
#define HELP_WIDTH 80

void cli_getopt(const struct cli_opt *opts, size_t n, char *shorts, struct option *longs)
{
	size_t i, ns = 0, nl = 0;

	shorts[ns++] = '+';
	shorts[ns++] = ':';
	for (i = 0; i < n; i++) {
		const struct cli_opt *o = &opts[i];

		if (o->letter) {
			shorts[ns++] = o->letter;
			if (o->arg != no_argument)
				shorts[ns++] = ':';
			if (o->arg == optional_argument)
				shorts[ns++] = ':';
		}
		if (o->name)
			longs[nl++] = (struct option){ o->name, o->arg, NULL,
						       o->val ? o->val : o->letter };
	}
	shorts[ns] = '\0';
	longs[nl] = (struct option){ NULL, 0, NULL, 0 };
}

/* an entry's options as --help shows them: "-o FILE, --output=FILE" */
static void help_spell(const struct cli_opt *o, size_t n, char *buf, size_t size)
{
	size_t i, len = 0;

	if (o->spell) {
		snprintf(buf, size, "%s", o->spell);
		return;
	}
	buf[0] = '\0';
	for (i = 0; i < n && len < size; i++) {
		const char *m = o[i].meta ? o[i].meta : "ARG";

		if (o[i].letter)
			len += snprintf(buf + len, size - len, "%s-%c%s%s%s", len ? ", " : "",
					o[i].letter, o[i].arg == no_argument ? "" :
					o[i].arg == optional_argument ? "[" : " ",
					o[i].arg == no_argument ? "" : m,
					o[i].arg == optional_argument ? "]" : "");
		if (o[i].name && len < size)
			len += snprintf(buf + len, size - len, "%s--%s%s%s%s", len ? ", " : "",
					o[i].name, o[i].arg == no_argument ? "" :
					o[i].arg == optional_argument ? "[=" : "=",
					o[i].arg == no_argument ? "" : m,
					o[i].arg == optional_argument ? "]" : "");
	}
}

/* an entry's help, its words wrapped at HELP_WIDTH; the first line is already indented */
static void help_text(FILE *f, const char *h)
{
	int col = HELP_COL;
	size_t n;

	for (;;) {
		h += strspn(h, " \n");
		if (!*h)
			break;
		n = strcspn(h, " \n");
		if (col > HELP_COL && col + 1 + (int)n > HELP_WIDTH) {
			fprintf(f, "\n%*s", HELP_COL, "");
			col = HELP_COL;
		} else if (col > HELP_COL) {
			fputc(' ', f);
			col++;
		}
		fprintf(f, "%.*s", (int)n, h);
		col += n;
		h += n;
	}
	fputc('\n', f);
}

void cli_help(FILE *f, const struct cli_opt *opts, size_t nopts, const char *const *groups,
	      int ngroups)
{
	char spell[256];
	size_t i, n;
	int g;

	for (g = 0; g < ngroups; g++) {
		fprintf(f, "\n%s:\n", groups[g]);
		for (i = 0; i < nopts; i += n) {
			const struct cli_opt *o = &opts[i];

			for (n = 1; i + n < nopts && !opts[i + n].help; n++)
				;
			if (o->group != g)
				continue;
			help_spell(o, n, spell, sizeof(spell));
			if (strlen(spell) + 2 < HELP_COL - 1)
				fprintf(f, "  %-*s", HELP_COL - 2, spell);
			else
				fprintf(f, "  %s\n%*s", spell, HELP_COL, "");
			help_text(f, o->help);
		}
	}
}
