#!/bin/sh
# In a pid namespace (a container, unshare -p), bstrace traces, counts and reports pids as they
# are seen there: the launched command, -f children, -p, and system-wide counts, which count
# the namespace's tasks and nobody else's.
. "$(dirname "$0")/../lib.sh"
require_bpf

command -v unshare >/dev/null || { echo "SKIP: no unshare"; exit 77; }
if ! unshare -p -f --mount-proc true 2>/dev/null; then
	[ "${CI:-}" = true ] && fail "unshare -p -f --mount-proc does not work in CI"
	echo "SKIP: cannot create a pid namespace here"; exit 77
fi
ns() {
	unshare -p -f --mount-proc "$@"
}

# a launched command: its lines, its exit status; the shell's $$ is the pid bstrace reports
ns "$BSTRACE" -f -o "$WORK/t" -- sh -c 'echo $$ >'"$WORK/pid"'; /bin/true; exit 3' 2>"$WORK/err"
rc=$?
[ $rc -eq 3 ] || { cat "$WORK/err"; fail "exit status $rc, want 3"; }
grep -q '+++ exited with 3 +++$' "$WORK/t" ||
	{ tail -5 "$WORK/t"; fail "no '+++ exited with 3 +++'"; }
shpid=$(cat "$WORK/pid")
[ "$shpid" -lt 100 ] || fail "the shell's pid in the namespace is $shpid?"
# the child's execve of /bin/true is reported under a pid of the namespace, not the host's
line=$(grep 'execve("/bin/true"' "$WORK/t")
pid=$(echo "$line" | sed -n 's/^\[pid  *\([0-9]*\)\].*/\1/p; s/^\([0-9][0-9]*\) .*/\1/p')
[ -n "$pid" ] && [ "$pid" -lt 100 ] && [ "$pid" -ne "$shpid" ] ||
	{ echo "$line"; fail "execve of /bin/true not under a namespace pid ($pid; shell $shpid)"; }
grep -Eq "(clone|fork|resumed>).* = $pid\$" "$WORK/t" || { grep -E "clone|fork" "$WORK/t"; fail "no fork returning $pid"; }
echo "ok   -f in a pid namespace: sh is $shpid, its child $pid, exit 3"

# -p PID of the namespace
ns sh -c 'while :; do sleep 0.05; done & p=$!; sleep 0.2
	timeout -s INT 2 "$0" -p $p -o "$1" 2>"$2"; kill $p' "$BSTRACE" "$WORK/t2" "$WORK/err2"
grep -q 'Process [0-9]* attached' "$WORK/err2" || { cat "$WORK/err2"; fail "-p: not attached"; }
grep -q '^wait4(-1, ' "$WORK/t2" || { cat "$WORK/err2"; head "$WORK/t2"; fail "-p: no wait4 traced"; }
echo "ok   -p of a namespace pid: $(grep -c . "$WORK/t2") lines"

# system-wide counts inside: the host's busy loop (another comm) is not counted
cc -O2 -o "$WORK/hostloop" "$SRCDIR/tests/helpers/getppid_loop.c" || fail "cannot build"
"$WORK/hostloop" 100000000 >/dev/null &
hl=$!
trap 'kill $hl 2>/dev/null; rm -rf "$WORK"' EXIT
ns sh -c '"$0" -c -a --by comm --stop-after=2 >"$1" 2>&1 & b=$!
	sleep 0.5; for i in 1 2 3 4 5; do /bin/true; done; wait $b' "$BSTRACE" "$WORK/t3"
kill $hl
grep -q hostloop "$WORK/t3" && { cat "$WORK/t3"; fail "-c -a in a namespace counted a host process"; }
grep -q . "$WORK/t3" || fail "-c -a in a namespace printed nothing"
echo "ok   -c -a --by comm in a namespace: the host's loop not counted"
