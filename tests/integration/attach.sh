#!/bin/sh
# -p attaches to a running process; Ctrl-C detaches and leaves it running; a killed bstrace
# leaves nothing attached.
. "$(dirname "$0")/../lib.sh"
require_bpf

sh -c 'while :; do cat /etc/hostname >/dev/null; sleep 0.05; done' &
victim=$!
"$BSTRACE" -f -p "$victim" -o "$WORK/t" 2>"$WORK/err" &
tracer=$!
# "attached" is printed once the programs are attached
i=0
until grep -q attached "$WORK/err" 2>/dev/null || [ $i -ge 200 ]; do sleep 0.1; i=$((i + 1)); done
sleep 1
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

"$BSTRACE" -p "$victim" -o /dev/null 2>"$WORK/err2" &
tracer=$!
i=0
until grep -q attached "$WORK/err2" 2>/dev/null || [ $i -ge 200 ]; do sleep 0.1; i=$((i + 1)); done
# the programs this tracer holds: prog_id lines in its descriptors' fdinfo
ids=$(cat /proc/"$tracer"/fdinfo/* 2>/dev/null | sed -n 's/^prog_id:[[:space:]]*//p' | sort -u)
n_before=$(echo "$ids" | grep -c .)
kill -KILL "$tracer"
wait "$tracer" 2>/dev/null
sleep 0.5
n_after=0
for id in $ids; do
	bpftool prog show id "$id" >/dev/null 2>&1 && n_after=$((n_after + 1))
done
kill "$victim"
[ "$n_before" -ge 2 ] || fail "bstrace holds $n_before program(s) while attached, want >= 2"
[ "$n_after" -eq 0 ] || fail "$n_after program(s) still attached after SIGKILL"
echo "ok   SIGKILL leaves nothing attached"
