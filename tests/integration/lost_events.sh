#!/bin/sh
# A syscall-heavy command with default settings: every call is in the trace, none is lost.
. "$(dirname "$0")/../lib.sh"
require_bpf

"$BSTRACE" -o "$WORK/t" -- dd if=/dev/zero of=/dev/null bs=512 count=200000 2>"$WORK/err"
rc=$?
[ $rc -eq 0 ] || { cat "$WORK/err"; fail "exit status $rc"; }
grep -q 'lost' "$WORK/err" "$WORK/t" && fail "events were lost: $(grep 'lost' "$WORK/err")"
reads=$(grep -c '^read(0, "\\0\\0\\0\\0' "$WORK/t")
writes=$(grep -c '^write(1, "\\0\\0\\0\\0' "$WORK/t")
echo "reads=$reads writes=$writes lost=0"
[ "$reads" -eq 200000 ] || fail "$reads reads traced, want 200000"
[ "$writes" -eq 200000 ] || fail "$writes writes traced, want 200000"
echo "ok   dd 200000 blocks: 400000 calls traced, 0 lost"

# --lossy with a ring too small to keep up must say so: lost calls are never silent
"$BSTRACE" --lossy -b 4096 -o "$WORK/t2" -- dd if=/dev/zero of=/dev/null bs=512 count=200000 \
	2>"$WORK/err2"
if ! grep -q 'calls lost' "$WORK/err2"; then
	n=$(grep -c '^read(0' "$WORK/t2")
	[ "$n" -eq 200000 ] || fail "calls missing ($n reads) without a lost-events report"
fi
grep -q 'calls lost' "$WORK/err2" && { grep -Eq '^<bstrace: [0-9]+ calls lost(, [0-9]+ records)?>$' "$WORK/t2" ||
	fail "no marker in the trace where events were lost"; }
echo "ok   small ring: $(cat "$WORK/err2" | grep lost || echo 'nothing lost')"

# -f with a ring too small: exits get lost too, and bstrace must still end when the tasks have
timeout 120 "$BSTRACE" --lossy -f -b 4096 -o "$WORK/t3" -- sh -c \
	'for i in 1 2 3; do dd if=/dev/zero of=/dev/null bs=512 count=50000 2>/dev/null & done; wait' \
	2>"$WORK/err3"
rc=$?
[ $rc -eq 0 ] || fail "-f with lost events: exit status $rc (124: it hung)"
echo "ok   -f with lost records ends: $(grep lost "$WORK/err3" || echo 'nothing lost')"
