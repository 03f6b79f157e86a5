#!/bin/sh
# The man pages, man/bstrace.1 and man/bstraced.8:
# - no warning from man (groff: `man --warnings -E UTF-8 -l -Tutf8 -Z`, as lintian runs it) nor,
#   when it is installed, from `mandoc -T lint -W warning`;
# - every option of the program's table is documented: each long option of the `struct option`
#   table and each letter of the getopt string (read from the source by tools/options.sh) is
#   the tag of an option entry (a .TP line), and no tag names an option the program lacks;
# - the version in .TH is the program's;
# - every option of the table is in the program's --help (the options of its entry lines, those
#   that begin "  -"), and bstrace's entries name no option it lacks (an unambiguous prefix of
#   one, as getopt_long takes it, is fine); an unknown option is a one-line error.
# No BPF needed. tools/test.sh installs man-db and mandoc. A build without bstraced
# (BSTRACE_DAEMON=OFF) checks bstrace's alone.
. "$(dirname "$0")/../lib.sh"

if ! command -v man >/dev/null; then
	[ "${CI:-}" = true ] && fail "man is not installed (Debian: man-db; tools/test.sh installs it)"
	echo "SKIP: man is not installed (Debian: man-db)"
	exit 77
fi

# the words of an option entry's tag (the line after .TP), roff escapes and fonts removed
tags() {
	awk 'tp { print; tp = 0 } /^\.TP/ { tp = 1 }' "$1" |
		sed -e 's/\\f[BIRP]//g' -e 's/\\c//g' -e 's/\\&//g' -e 's/\\-/-/g' \
			-e 's/^\.[A-Z]* //' -e 's/"//g'
}

# check_page PAGE SOURCE PROGRAM VERSION_MACRO
check_page() {
	page=$SRCDIR/$1 src=$SRCDIR/$2 prog=$3
	[ -f "$page" ] || fail "no $1"

	LC_ALL=C.UTF-8 MANROFFSEQ='' man --warnings -E UTF-8 -l -Tutf8 -Z "$page" \
		>"$WORK/out" 2>"$WORK/warn" || { cat "$WORK/warn"; fail "man cannot format $1"; }
	[ ! -s "$WORK/warn" ] || { cat "$WORK/warn"; fail "$1: groff warnings"; }
	if command -v mandoc >/dev/null; then
		mandoc -T lint -W warning "$page" >"$WORK/lint" 2>&1 ||
			{ cat "$WORK/lint"; fail "$1: mandoc -T lint warnings"; }
		echo "ok   $1: no warnings (man, mandoc -T lint)"
	else
		echo "ok   $1: no warnings (man; mandoc not installed)"
	fi

	sh "$SRCDIR/tools/options.sh" long "$src" >"$WORK/long" || fail "cannot read $2's option table"
	sh "$SRCDIR/tools/options.sh" short "$src" >"$WORK/short" || fail "cannot read $2's getopt string"
	[ "$(wc -l <"$WORK/long")" -ge 10 ] || fail "$2: only $(wc -l <"$WORK/long") long options read"
	tags "$page" >"$WORK/tags"
	# the options the tags name: --long, and -x, -xx, -xxx for the letter x
	tr ' ,|[]()=' '\n' <"$WORK/tags" | grep -E -- '^--[a-z][a-z0-9-]*$' | sed 's/^--//' |
		sort -u >"$WORK/tag_long"
	tr ' ,|[]()=' '\n' <"$WORK/tags" | grep -E -- '^-[A-Za-z]+$' |
		sed 's/^-//' | grep -E '^(.)\1*$' | cut -c1 | sort -u >"$WORK/tag_short"

	missing=
	for o in $(cut -d' ' -f1 "$WORK/long"); do
		grep -qx -- "$o" "$WORK/tag_long" || missing="$missing --$o"
	done
	for o in $(cut -d' ' -f1 "$WORK/short"); do
		grep -qx -- "$o" "$WORK/tag_short" || missing="$missing -$o"
	done
	[ -z "$missing" ] || fail "$1 does not document (as a .TP entry) these options of $2:$missing"
	extra=
	for o in $(cat "$WORK/tag_long"); do
		grep -q "^$o " "$WORK/long" || extra="$extra --$o"
	done
	for o in $(cat "$WORK/tag_short"); do
		grep -q "^$o " "$WORK/short" || extra="$extra -$o"
	done
	[ -z "$extra" ] || fail "$1 documents options $2 does not have:$extra"
	echo "ok   $1: all $(wc -l <"$WORK/long") long and $(wc -l <"$WORK/short") short options of $2, and no other"

	want=$(sed -n "s/^#define $4 \"\(.*\)\"/\1/p" "$src")
	[ -n "$want" ] || fail "no #define $4 in $2"
	grep -q "^\.TH .* \"bstrace $want\"" "$page" || fail "$1: .TH does not say \"bstrace $want\""
	echo "ok   $1: version $want"
}

# check_help SOURCE BINARY [exact]: the program's --help names every option of SOURCE's table;
# exact (a --help generated from the table): and no other
check_help() {
	src=$SRCDIR/$1 bin=$2 prog=$(basename "$2") exact=${3:-}
	"$bin" --help >"$WORK/help" 2>&1 || fail "$prog --help: exit status $?"
	sh "$SRCDIR/tools/options.sh" long "$src" >"$WORK/long" || fail "cannot read $1's table"
	sh "$SRCDIR/tools/options.sh" short "$src" >"$WORK/short" || fail "cannot read $1's letters"
	grep '^  -' "$WORK/help" | tr ' ,|[]()=' '\n' >"$WORK/words"
	grep -E -- '^--[a-z][a-z0-9-]*$' "$WORK/words" | sed 's/^--//' | sort -u >"$WORK/help_long"
	grep -E -- '^-[A-Za-z]+$' "$WORK/words" | sed 's/^-//' | grep -E '^(.)\1*$' | cut -c1 |
		sort -u >"$WORK/help_short"
	missing=
	for o in $(cut -d' ' -f1 "$WORK/long"); do
		grep -qx -- "$o" "$WORK/help_long" || missing="$missing --$o"
	done
	for o in $(cut -d' ' -f1 "$WORK/short"); do
		grep -qx -- "$o" "$WORK/help_short" || missing="$missing -$o"
	done
	[ -z "$missing" ] || fail "$prog --help does not list (in an entry line) these options:$missing"
	if [ -z "$exact" ]; then
		echo "ok   $prog --help: all $(wc -l <"$WORK/long") long and" \
			"$(wc -l <"$WORK/short") short options"
		return
	fi
	extra=
	for o in $(cat "$WORK/help_long"); do
		[ "$(cut -d' ' -f1 "$WORK/long" | grep -c "^$o")" -eq 1 ] ||
			grep -q "^$o " "$WORK/long" || extra="$extra --$o"
	done
	for o in $(cat "$WORK/help_short"); do
		grep -q "^$o " "$WORK/short" || extra="$extra -$o"
	done
	[ -z "$extra" ] || fail "$prog --help lists options it does not have:$extra"
	echo "ok   $prog --help: all $(wc -l <"$WORK/long") long and" \
		"$(wc -l <"$WORK/short") short options, and no other"
}

check_page man/bstrace.1 user/main.c bstrace BSTRACE_VERSION
[ "${BSTRACE_DAEMON:-ON}" = OFF ] ||
	check_page man/bstraced.8 user/daemon/bstraced.c bstraced BSTRACED_VERSION
check_help user/main.c "$BSTRACE" exact
# what the parser refuses: one line naming the option, where to look, a non-zero exit
expect_error "unknown option '--no-such-option'. Try 'bstrace --help'" \
	"$BSTRACE" --no-such-option -- /bin/true
expect_error "unknown option '-j'. Try 'bstrace --help'" "$BSTRACE" -fj -- /bin/true
expect_error "option '--output' requires a value. Try 'bstrace --help'" "$BSTRACE" --output
expect_error "option '-o' requires a value" "$BSTRACE" -fo
expect_error "option '--lossy' takes no value" "$BSTRACE" --loss=1 -- /bin/true
expect_error "ambiguous option '--st' (--status, --string-limit" "$BSTRACE" --st=1 -- /bin/true
[ "${BSTRACE_DAEMON:-ON}" = OFF ] ||
	check_help user/daemon/bstraced.c "${BSTRACED:-$(dirname "$BSTRACE")/bstraced}"
