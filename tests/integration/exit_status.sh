#!/bin/sh
# bstrace exits with the tracee's status (128+signal when killed) and prints how it ended.
. "$(dirname "$0")/../lib.sh"
require_bpf

"$BSTRACE" -o "$WORK/t" -- sh -c 'exit 7'
rc=$?
[ $rc -eq 7 ] || fail "exit status $rc, want 7"
tail -n 1 "$WORK/t" | grep -qx '+++ exited with 7 +++' || fail "no exit line: $(tail -n 1 "$WORK/t")"
echo "ok   exit 7"

"$BSTRACE" -o "$WORK/t" -- sh -c 'kill -KILL $$'
rc=$?
[ $rc -eq 137 ] || fail "exit status $rc, want 137"
tail -n 1 "$WORK/t" | grep -qx '+++ killed by SIGKILL +++' || fail "no kill line: $(tail -n 1 "$WORK/t")"
grep -q -- '--- SIGKILL' "$WORK/t" && fail "SIGKILL delivery shown (strace never shows it)"
echo "ok   killed by SIGKILL -> 137"

"$BSTRACE" -o "$WORK/t" -- sh -c 'kill -TERM $$'
rc=$?
[ $rc -eq 143 ] || fail "exit status $rc, want 143"
grep -q -- '--- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=[0-9]*, si_uid=[0-9]*} ---' \
	"$WORK/t" || fail "no SIGTERM line"
tail -n 1 "$WORK/t" | grep -qx '+++ killed by SIGTERM +++' || fail "no kill line"
echo "ok   killed by SIGTERM -> 143, signal line shown"

# the program's own output passes through untouched
out=$("$BSTRACE" -o /dev/null -- printf 'a\033[1mb\n')
[ "$out" = "$(printf 'a\033[1mb')" ] || fail "tracee stdout changed: $out"
echo "ok   tracee stdout untouched"
