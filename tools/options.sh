#!/bin/sh
# The options of a C program, read from its option table: a `struct cli_opt NAME[] = {` table
# whose rows begin { 'L' or 0, "name" or NULL, no_argument|required_argument|optional_argument
# (or NA|RA|OA), ... (user/main.c: getopt_long's arguments and --help are built from it), or
# else its `struct option` table and the option string of its getopt_long() call
# (user/daemon/bstraced.c). Used by tools/gen-completion.sh (the bash completion) and
# tests/integration/manpages.sh (every option is in the man page and in --help).
#   options.sh long FILE    one line per long option:  NAME no|required|optional
#   options.sh short FILE   one line per short option: LETTER no|required|optional
# Fails (exit 1, a message on stderr) when the table or the option string is not found, so a
# changed source shape breaks the build instead of giving an empty list.
set -eu
what=${1:?usage: options.sh long|short FILE}
file=${2:?usage: options.sh long|short FILE}
[ -r "$file" ] || { echo "options.sh: cannot read $file" >&2; exit 1; }

# rows of a `struct cli_opt` table: "L NAME ARG" (L and NAME: - for none)
cli_rows() {
	awk '
	/struct cli_opt [A-Za-z_][A-Za-z0-9_]*\[\][ \t]*=[ \t]*\{/ { if (!done) intable = 1; next }
	intable && /^[ \t]*\};/ { intable = 0; done = 1; next }
	intable && match($0, /^[ \t]*\{[ \t]*('"'"'[^'"'"']+'"'"'|0)[ \t]*,[ \t]*("[^"]+"|NULL)[ \t]*,[ \t]*([a-z]+_argument|NA|RA|OA)/) {
		e = substr($0, RSTART, RLENGTH)
		sub(/^[ \t]*\{[ \t]*/, "", e)
		n = split(e, f, /[ \t]*,[ \t]*/)
		l = f[1]; gsub(/'"'"'/, "", l); if (l == "0") l = "-"
		name = f[2]; gsub(/"/, "", name); if (name == "NULL") name = "-"
		arg = f[3]; sub(/_argument$/, "", arg)
		if (arg == "NA") arg = "no"
		else if (arg == "RA") arg = "required"
		else if (arg == "OA") arg = "optional"
		print l, name, arg
		rows++
	}
	END { if (!rows) exit 1 }
	' "$file"
}

if rows=$(cli_rows); then
	case $what in
	long) printf '%s\n' "$rows" | awk '$2 != "-" { print $2, $3 }' ;;
	short) printf '%s\n' "$rows" | awk '$1 != "-" { print $1, $3 }' ;;
	*) echo "usage: options.sh long|short FILE" >&2; exit 2 ;;
	esac
	exit 0
fi

case $what in
long)
	# the entries of the first `struct option NAME[] = {` ... `};` table
	awk '
	/struct option [A-Za-z_][A-Za-z0-9_]*\[\][ \t]*=[ \t]*\{/ { if (!done) intable = 1; next }
	intable && /^[ \t]*\};/ { intable = 0; done = 1; next }
	intable {
		line = $0
		while (match(line, /\{[ \t]*"[^"]+"[ \t]*,[ \t]*[a-z]+_argument/)) {
			e = substr(line, RSTART, RLENGTH)
			line = substr(line, RSTART + RLENGTH)
			name = e; sub(/^\{[ \t]*"/, "", name); sub(/".*/, "", name)
			arg = e; sub(/.*,[ \t]*/, "", arg); sub(/_argument$/, "", arg)
			print name, arg
			n++
		}
	}
	END { if (!n) { print "options.sh: no struct option table in " FILENAME > "/dev/stderr"; exit 1 } }
	' "$file"
	;;
short)
	# the option string of the first getopt_long()/getopt() call: a literal, or a
	# `NAME[] = "..."` it names
	awk '
	{ src = src $0 "\n" }
	END {
		if (!match(src, /getopt(_long)?\([^,]*,[^,]*,[ \t\n]*[^,)]+/)) {
			print "options.sh: no getopt call in " FILENAME > "/dev/stderr"; exit 1
		}
		a = substr(src, RSTART, RLENGTH); sub(/.*,[ \t\n]*/, "", a)
		if (a !~ /^"/) {
			if (!match(src, a "\\[\\][ \t]*=[ \t]*\"[^\"]*\"")) {
				print "options.sh: no string " a " in " FILENAME > "/dev/stderr"; exit 1
			}
			a = substr(src, RSTART, RLENGTH); sub(/^[^"]*/, "", a)
		}
		gsub(/"/, "", a)
		sub(/^[+-]/, "", a); sub(/^:/, "", a)
		for (i = 1; i <= length(a); i++) {
			c = substr(a, i, 1)
			if (c == ":")
				continue
			arg = "no"
			if (substr(a, i + 1, 2) == "::") arg = "optional"
			else if (substr(a, i + 1, 1) == ":") arg = "required"
			print c, arg
			n++
		}
		if (!n) { print "options.sh: empty option string in " FILENAME > "/dev/stderr"; exit 1 }
	}
	' "$file"
	;;
*)
	echo "usage: options.sh long|short FILE" >&2
	exit 2
	;;
esac
