#!/bin/sh
# Turns a flag/value table user/xlat/NAME.in into a C header OUT_DIR/NAME.h.
# An .in file has one constant per line, values taken from the system headers it #includes;
# "NAME VALUE" gives the value for a constant the headers may lack. '#' lines other than
# #include are comments. Usage: tools/gen-xlat.sh IN OUT_DIR
set -eu
in=$1
outdir=$2
name=$(basename "$in" .in)
out="$outdir/$name.h"
mkdir -p "$outdir"
awk -v name="$name" -v src="user/xlat/$name.in" '
BEGIN {
	printf "/* Generated from %s by tools/gen-xlat.sh; do not edit. */\n", src
	printf "#include <stdint.h>\n"
	n = 0
}
/^#include/ { print; next }
/^[ \t]*(#|$)/ { next }
{
	c[n] = $1; v[n] = $2; n++
}
END {
	for (i = 0; i < n; i++)
		if (v[i] != "")
			printf "#ifndef %s\n#define %s %s\n#endif\n", c[i], c[i], v[i]
	printf "static const struct xlat_entry xlat_%s_e[] = {\n", name
	for (i = 0; i < n; i++)
		printf "\t{ (uint64_t)(%s), \"%s\" },\n", c[i], c[i]
	printf "};\n"
	printf "static const struct xlat xlat_%s __attribute__((unused)) = {\n", name
	printf "\txlat_%s_e, sizeof(xlat_%s_e) / sizeof(xlat_%s_e[0])\n};\n", name, name, name
}' "$in" > "$out.tmp"
mv "$out.tmp" "$out"
