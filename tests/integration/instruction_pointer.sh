#!/bin/sh
# -i: the instruction pointer of each call, signal and exit as strace 6.1 prints it. Address
# randomisation is off for both tracers (setarch -R: inherited by the command), so the same
# program runs at the same addresses and the lines compare whole.
. "$(dirname "$0")/../lib.sh"
require_bpf
command -v strace >/dev/null 2>&1 || { echo "SKIP: no strace to compare with"; exit 77; }
command -v setarch >/dev/null 2>&1 || { echo "SKIP: no setarch"; exit 77; }
setarch -R true 2>/dev/null || { echo "SKIP: setarch -R is refused here"; exit 77; }

# the first execve is made by each tracer's own code: its address is the tracer's, not the
# command's (an address strace and bstrace cannot share)
norm() {
	sed -E '1{/execve\(/d}; s/^[0-9]+ +//; s/0x[0-9a-f]{6,}/ADDR/g; s/(kill\(|si_pid=|= )[0-9]{2,}/\1PID/g;
		s/si_utime=[0-9]+, si_stime=[0-9]+[^}]*/TIMES/; s/^[0-9]{2}:[0-9]{2}:[0-9.]+ //;
		s/ <[0-9.]+>$//' "$1"
}

run() {
	name=$1; shift
	setarch -R "$BSTRACE" -o "$WORK/b" "$@" >/dev/null 2>"$WORK/b.err"
	brc=$?
	setarch -R strace -o "$WORK/s" "$@" >/dev/null 2>"$WORK/s.err"
	src=$?
	[ "$brc" -eq "$src" ] || { cat "$WORK/b.err"; fail "$name: exit status $brc, strace's $src"; }
	norm "$WORK/b" >"$WORK/b.n"
	norm "$WORK/s" >"$WORK/s.n"
	grep -Eq '^\[[0-9a-f]{16}\] ' "$WORK/b.n" || { cat "$WORK/b"; fail "$name: no [address] prefix"; }
	diff -u "$WORK/s.n" "$WORK/b.n" || fail "$name: the lines are not strace's"
	echo "ok   $name: $(wc -l <"$WORK/b.n") lines as strace's"
}

H=/etc/hostname
run "calls" -i -e trace=openat,read,close,getppid -- cat $H
run "a signal, a kill" -i -e trace=getpid,kill -- sh -c 'kill -USR1 $$'
run "-tt -T with -i" -tt -T -i -e trace=openat -- cat $H $H
# with -f the prefix follows the pid
setarch -R "$BSTRACE" -o "$WORK/f" -f -i -e trace=openat -- sh -c "cat $H" >/dev/null ||
	fail "-f -i: bstrace failed"
grep -Eq '^[0-9]+ +\[[0-9a-f]{16}\] openat\(AT_FDCWD, "/etc/hostname"' "$WORK/f" ||
	{ cat "$WORK/f"; fail "-f -i: no 'PID [address] openat' line"; }
tail -n 1 "$WORK/f" | grep -Eq '^[0-9]+ +\[\?{16}\] \+\+\+ exited with 0 \+\+\+$' ||
	{ cat "$WORK/f"; fail "-f -i: the exit line is not '[????????????????] +++ exited'"; }
echo "ok   -f -i: pid, then address; an exit has none"

# -c: -i is accepted and changes nothing (as strace)
"$BSTRACE" -c -i -o "$WORK/c" -- true || fail "-c -i: bstrace failed"
grep -q ' total$' "$WORK/c" || fail "-c -i: no summary"
echo "ok   -c -i: the summary"
echo "PASS"
