#!/bin/sh
# -p attaches to a running process; Ctrl-C detaches and leaves it running; a killed bstrace
# leaves nothing attached.
. "$(dirname "$0")/../lib.sh"
require_bpf

sh -c 'while :; do cat /etc/hostname >/dev/null; sleep 0.05; done' &
victim=$!
"$BSTRACE" -f -p "$victim" -o "$WORK/t" 2>"$WORK/err" &
tracer=$!
sleep 1.5
kill -INT "$tracer"
wait "$tracer"
rc=$?
kill -0 "$victim" || fail "the traced process died"
[ $rc -eq 0 ] || fail "bstrace exit status $rc after Ctrl-C"
grep -q "Process $victim attached" "$WORK/err" || fail "no attach message"
grep -q "Process $victim detached" "$WORK/err" || fail "no detach message"
grep -q 'wait4(-1,' "$WORK/t" || fail "no wait4 of the shell in the trace"
grep -q 'openat(AT_FDCWD, "/etc/hostname", O_RDONLY' "$WORK/t" || grep -q '"/etc/hostname"' "$WORK/t" ||
	fail "children not followed"
echo "ok   -p attach, Ctrl-C detach, tracee alive"

"$BSTRACE" -p "$victim" -o /dev/null 2>/dev/null &
tracer=$!
sleep 1
# programs held by this tracer process (bpftool names the owning pids of each program)
n_before=$(bpftool prog show 2>/dev/null | grep -c "bstrace($tracer)")
kill -KILL "$tracer"
wait "$tracer" 2>/dev/null
sleep 0.5
n_after=$(bpftool prog show 2>/dev/null | grep -c "bstrace($tracer)")
kill "$victim"
[ "$n_before" -ge 1 ] || fail "bstrace's program not seen while attached"
[ "$n_after" -eq 0 ] || fail "$n_after program(s) still attached after SIGKILL"
echo "ok   SIGKILL leaves nothing attached"
