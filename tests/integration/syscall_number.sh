#!/bin/sh
# -n: each line starts with the call's number, a signal's and an exit's line with the number of
# the task's last call, as strace 6.1 prints them; the lines compare whole with strace's.
. "$(dirname "$0")/../lib.sh"
require_bpf
command -v strace >/dev/null 2>&1 || { echo "SKIP: no strace to compare with"; exit 77; }

norm() {
	sed -E '/execve\(/d; s/^[0-9]+ +//; s/0x[0-9a-f]{6,}/ADDR/g; s/(kill\(|si_pid=|= )[0-9]{2,}/\1PID/g' "$1"
}

run() {
	name=$1; shift
	"$BSTRACE" -o "$WORK/b" "$@" >/dev/null 2>"$WORK/b.err"
	brc=$?
	strace -o "$WORK/s" "$@" >/dev/null 2>"$WORK/s.err"
	src=$?
	[ "$brc" -eq "$src" ] || { cat "$WORK/b.err"; fail "$name: exit status $brc, strace's $src"; }
	norm "$WORK/b" >"$WORK/b.n"
	norm "$WORK/s" >"$WORK/s.n"
	grep -Eq '^\[ *[0-9]+\] [a-z]' "$WORK/b.n" || { cat "$WORK/b"; fail "$name: no [number] prefix"; }
	diff -u "$WORK/s.n" "$WORK/b.n" || fail "$name: the lines are not strace's"
	echo "ok   $name: $(wc -l <"$WORK/b.n") lines as strace's"
}

run "calls and the exit" -n -e trace=openat,read,close,getppid -- cat /etc/hostname
run "a signal, a kill" -n -e trace=getpid,kill -- sh -c 'kill -USR1 $$'
run "-n and -a 20" -n -a 20 -e trace=close -- cat /etc/hostname
