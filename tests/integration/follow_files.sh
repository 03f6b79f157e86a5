#!/bin/sh
# -f follows children; -ff writes one file per pid; the parent's wait shows the child's end.
. "$(dirname "$0")/../lib.sh"
require_bpf

"$BSTRACE" -f -o "$WORK/t" -- sh -c '/bin/true; exit 3'
rc=$?
[ $rc -eq 3 ] || fail "exit status $rc, want 3"
n=$(cut -d' ' -f1 "$WORK/t" | sort -u | wc -l)
[ "$n" -ge 2 ] || fail "only $n pid(s) in the -f trace"
grep -q '^[0-9]* *execve("/bin/true", \["/bin/true"\]' "$WORK/t" || fail "child's execve missing"
grep -q '^[0-9]* *+++ exited with 0 +++' "$WORK/t" || fail "child's exit missing"
echo "ok   -f: $n pids"

"$BSTRACE" -ff -o "$WORK/ff" -- sh -c '/bin/true; /bin/true'
files=$(ls "$WORK"/ff.* | wc -l)
[ "$files" -eq 3 ] || fail "-ff wrote $files files, want 3"
for f in "$WORK"/ff.*; do
	grep -q '^+++ exited with 0 +++$' "$f" || fail "$f has no exit line"
	grep -q '^\[pid\|^[0-9]' "$f" && fail "$f has pid prefixes"
done
echo "ok   -ff: $files files"
