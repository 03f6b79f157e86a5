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

# the trace's reader goes away (| head -1): bstrace dies of SIGPIPE and, as under strace, the
# command it launched with it (lossless: every process in its cgroup; --lossy: the command)
for mode in "" --lossy; do
	rm -f "$WORK/done"
	# a call per iteration: the trace goes on being written while the command runs
	"$BSTRACE" $mode -f -- sh -c 'i=0; while [ $i -lt 20000 ]; do i=$((i+1)); : </dev/null; done
		echo >"$1"' sh "$WORK/done" 2>&1 | head -n 1 >/dev/null
	sleep 1
	[ ! -e "$WORK/done" ] || fail "closed pipe $mode: the command ran on untraced"
	echo "ok   closed pipe $mode: the command is killed with bstrace"
done
# the exit status (a pipeline's last command is head: ask for bstrace's own)
sh -c "timeout 60 \"$BSTRACE\" -- sh -c 'while :; do : </dev/null; done' 2>&1; echo \$? >\"$WORK/rc\"" |
	head -n 1 >/dev/null
[ "$(cat "$WORK/rc")" = 141 ] || fail "closed pipe: exit status $(cat "$WORK/rc"), want 141 (SIGPIPE)"
echo "ok   closed pipe: bstrace exits 141 (SIGPIPE), as strace"
# -p: bstrace goes, the process it attached to stays
sh -c 'while :; do sleep 0.1; done' &
sp=$!
sh -c "timeout 60 \"$BSTRACE\" -p $sp 2>&1" | head -c 0
sleep 0.3
kill -0 $sp 2>/dev/null || fail "closed pipe -p: the attached process was killed"
kill $sp
echo "ok   closed pipe -p: the attached process lives on"

# a child the command made with CLONE_PARENT is bstrace's: reaped, so the command can see it go
cc -O2 -o "$WORK/clone_parent" "$SRCDIR/tests/helpers/clone_parent.c" || fail "cannot build"
for mode in "" -f; do
	timeout 60 "$BSTRACE" $mode -o "$WORK/t" -- "$WORK/clone_parent" 2>"$WORK/err"
	rc=$?
	[ $rc -eq 0 ] || { cat "$WORK/err"; fail "CLONE_PARENT child $mode: exit status $rc (124: hung)"; }
	echo "ok   CLONE_PARENT child $mode: reaped by bstrace, the command ends"
done
