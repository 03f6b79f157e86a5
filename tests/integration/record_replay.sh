#!/bin/sh
# --record writes the raw stream; --replay decodes it later, with any output option, into the
# same lines a live trace prints. Damaged or foreign files are one-line errors.
. "$(dirname "$0")/../lib.sh"
require_bpf

for prog in fd net; do
	src=$SRCDIR/tests/corpus/$prog.c
	cc -O0 -o "$WORK/$prog" "$src" || fail "compile $prog"
	opts=$(sed -n '1s|^/\* bstrace-test: \(.*\) \*/$|\1|p' "$src")
	# shellcheck disable=SC2086
	(cd "$WORK" && "$BSTRACE" --record "$WORK/$prog.bst" $opts -- "./$prog" >"$WORK/$prog.exp") ||
		fail "$prog: record"
	"$BSTRACE" --replay "$WORK/$prog.bst" -o "$WORK/$prog.out" || fail "$prog: replay"
	sed '$ { /+++ exited with [0-9]* +++$/d }' "$WORK/$prog.out" >"$WORK/$prog.got"
	diff -u "$WORK/$prog.exp" "$WORK/$prog.got" || fail "$prog: replayed trace differs"
	echo "ok   $prog: replay prints the expected $(wc -l <"$WORK/$prog.exp") lines"
done

"$BSTRACE" --replay "$WORK/fd.bst" -c -o "$WORK/sum" || fail "replay -c"
grep -q ' total$' "$WORK/sum" || fail "replay -c: no summary table"
"$BSTRACE" --replay "$WORK/fd.bst" -e trace=pipe2 -o "$WORK/f" || fail "replay -e"
[ "$(grep -vc '^pipe2\|^+++' "$WORK/f")" -eq 0 ] || fail "replay -e trace=pipe2 kept other calls"
echo "ok   replay with -c and -e trace="

head -c 200 "$WORK/fd.bst" >"$WORK/short.bst"
expect_error "truncated" "$BSTRACE" --replay "$WORK/short.bst"
expect_error "not a bstrace recording" "$BSTRACE" --replay /etc/hostname
expect_error "cannot open recording" "$BSTRACE" --replay "$WORK/none.bst"
expect_error "--replay decodes a file" "$BSTRACE" --replay "$WORK/fd.bst" -- /bin/true
