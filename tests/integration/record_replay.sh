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

# a recording larger than the reader's 4 MiB chunks: records cut by chunk ends are whole in the
# replay, and a file cut inside its second chunk is an error, not a shorter trace
"$BSTRACE" --record "$WORK/dd.bst" -- dd if=/dev/zero of=/dev/null bs=512 count=40000 \
	2>/dev/null || fail "dd: record"
size=$(wc -c <"$WORK/dd.bst")
[ "$size" -gt 8388608 ] || fail "dd recording is $size bytes, want more than two 4 MiB chunks"
"$BSTRACE" --replay "$WORK/dd.bst" -o "$WORK/dd.out" || fail "dd: replay"
n=$(grep -c '^read(0, "\\0\\0\\0.*"\.\.\., 512) *= 512$' "$WORK/dd.out")
[ "$n" -eq 40000 ] || fail "dd: $n whole 512-byte reads replayed, want 40000"
n=$(grep -c '^write(1, "\\0\\0\\0.*"\.\.\., 512) *= 512$' "$WORK/dd.out")
[ "$n" -eq 40000 ] || fail "dd: $n whole 512-byte writes replayed, want 40000"
[ "$(tail -n 2 "$WORK/dd.out" | tr -s ' ')" = "exit_group(0) = ?
+++ exited with 0 +++" ] || fail "dd: replay does not end with exit_group(0) and the exit"
head -c $((4194304 + 4194304 / 2 + 3)) "$WORK/dd.bst" >"$WORK/cut.bst"
expect_error "truncated" "$BSTRACE" --replay "$WORK/cut.bst" -o /dev/null
echo "ok   replay of a $size-byte recording (several read chunks); cut inside a chunk: error"

head -c 200 "$WORK/fd.bst" >"$WORK/short.bst"
expect_error "truncated" "$BSTRACE" --replay "$WORK/short.bst"
expect_error "not a bstrace recording" "$BSTRACE" --replay /etc/hostname
expect_error "cannot open recording" "$BSTRACE" --replay "$WORK/none.bst"
expect_error "--replay decodes a file" "$BSTRACE" --replay "$WORK/fd.bst" -- /bin/true
