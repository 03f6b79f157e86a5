#!/bin/sh
# bstraced --flight-recorder: a process killed by SIGSEGV, or exiting non-zero, leaves an
# strace-style trace of its last syscalls in --flight-dir (and one log line); exit 0 leaves none.
. "$(dirname "$0")/../lib.sh"
require_bpf

. "$(dirname "$0")/../daemon_lib.sh"

cd "$WORK" || fail "no $WORK"
ulimit -c 0	# no core file in the working directory (the trace says "(core dumped)" only with one)
exe="$WORK/bsdfl$$"	# a comm of our own (at most 15 characters)
cc -O2 -o "$exe" "$SRCDIR/tests/helpers/crash_after.c" || fail "cannot build crash_after"
mkdir "$WORK/fl"
t0=$(date +%s)
start_daemon d --listen 127.0.0.1:0 --flight-recorder 16 --flight-dir "$WORK/fl"
[ "$(grep -c 'listening on' "$WORK/d.err")" -eq 1 ] || fail "more than one 'listening' line"

# run MODE: runs the helper in the foreground; sets pid, ppid, rc
run() {
	{ "$exe" "$1" >"$WORK/$1.pid"; } 2>/dev/null
	rc=$?
	read -r pid ppid <"$WORK/$1.pid" || fail "crash_after $1 printed no pid"
}
# wait_dump PID: until bstraced logged the dump of PID; sets log (the line) and path
wait_dump() {
	i=0
	until grep -q "^bstraced: flight recorder: pid $1 " "$WORK/d.err"; do
		running "$dpid" || { cat "$WORK/d.err"; fail "bstraced died"; }
		[ $i -lt 300 ] || { cat "$WORK/d.err"; ls "$WORK/fl"; fail "no flight dump of pid $1 in 30 s"; }
		sleep 0.1; i=$((i + 1))
	done
	log=$(grep "^bstraced: flight recorder: pid $1 " "$WORK/d.err")
	path=${log##*: }
	[ "$(echo "$log" | wc -l)" -eq 1 ] || fail "pid $1 logged more than once: $log"
}

# check_trace PATH PID PPID END: the last lines of the trace are the helper's sequence, then END
# ("segv": the SIGSEGV line and killed-by; "exit3": exit_group(3) = ?, exited with 3)
check_trace() {
	python3 - "$@" <<'EOF' || fail "trace $1 is not what crash_after did"
import re, sys
path, pid, ppid, end = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
lines = open(path).read().splitlines()
print("  trace %s (%d lines), last ones:" % (path, len(lines)))
for l in lines[-10:]:
    print("    " + l)
body = []
for l in lines:
    # "PID  [TIME ]line": an strace -f line, with or without -t/-tt/-ttt time
    m = re.match(r"^(\d+)\s+(?:(?:\d\d:\d\d:\d\d|\d+)(?:\.\d+)?\s+)?(.*)$", l)
    if not m or m.group(1) != pid:
        sys.exit("FAIL: line not prefixed by pid %s: %r" % (pid, l))
    body.append(m.group(2))
call = re.compile(r"^(\w+)\((.*)\)\s*=\s*(\?|-?\d+)(?:\s+(.*))?$")

def syscalls(ls):
    out = []
    for l in ls:
        m = call.match(l)
        if not m:
            sys.exit("FAIL: not a syscall line: %r" % l)
        out.append(m.groups())
    return out

if end == "segv":
    tail = body[-2:]
    if tail[0] != "--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL} ---":
        sys.exit("FAIL: no SIGSEGV line before the end: %r" % tail[0])
    if tail[1] not in ("+++ killed by SIGSEGV +++", "+++ killed by SIGSEGV (core dumped) +++"):
        sys.exit("FAIL: last line is not 'killed by SIGSEGV': %r" % tail[1])
    seq = body[-8:-2]
else:
    if body[-1] != "+++ exited with 3 +++":
        sys.exit("FAIL: last line is not '+++ exited with 3 +++': %r" % body[-1])
    rest = body[:-1]
    # the call that never returned ends the trace, as in strace's
    if not rest or not re.match(r"^exit_group\(3\)\s*=\s*\?$", rest[-1]):
        sys.exit("FAIL: no 'exit_group(3) = ?' before the end: %r" % (rest[-1:] or None))
    seq = rest[-7:-1]
if len(seq) < 6:
    sys.exit("FAIL: fewer than 6 syscalls before the end")
s = syscalls(seq)
names = [x[0] for x in s]
want = ["getpid", "openat", "openat", "write", "close", "getppid"]
if names != want:
    sys.exit("FAIL: syscalls %s, want %s" % (names, want))
fd = s[2][2]
checks = [
    (s[0][2] == pid, "getpid() = %s" % pid),
    (s[1][2] == "-1" and (s[1][3] or "").startswith("ENOENT"), "openat(missing) = -1 ENOENT"),
    (int(fd) >= 0, "openat(/dev/null) = FD"),
    (s[3][1].split(",")[0].strip() == fd and s[3][2] == "5", "write(%s, ..., 5) = 5" % fd),
    (s[4][1].strip() == fd and s[4][2] == "0", "close(%s) = 0" % fd),
    (s[5][2] == ppid, "getppid() = %s" % ppid),
]
bad = [w for ok, w in checks if not ok]
if bad:
    sys.exit("FAIL: want %s" % "; ".join(bad))
EOF
}

# file name: DIR/COMM.PID.EPOCHSECONDS.trace, with a time of this run
check_name() {
	case $1 in
	"$WORK/fl/bsdfl$$.$2."*.trace) ;;
	*) fail "dump path '$1' is not $WORK/fl/bsdfl$$.$2.EPOCHSECONDS.trace" ;;
	esac
	secs=${1#"$WORK/fl/bsdfl$$.$2."}; secs=${secs%.trace}
	case $secs in '' | *[!0-9]*) fail "'$secs' in $1 is not epoch seconds" ;; esac
	[ "$secs" -ge "$t0" ] && [ "$secs" -le "$(date +%s)" ] ||
		fail "epoch seconds $secs in $1 are not of this run ($t0..now)"
	[ -s "$1" ] || fail "$1 is missing or empty"
}

# 1. exit 0: no dump (the SIGSEGV run after it is the barrier: its dump comes later)
run exit0
[ "$rc" -eq 0 ] || fail "crash_after exit0 exited $rc"
pid0=$pid

# 2. SIGSEGV
run segv
[ "$rc" -eq 139 ] || fail "crash_after segv exited $rc, want 139 (SIGSEGV)"
wait_dump "$pid"
case $log in
"bstraced: flight recorder: pid $pid (bsdfl$$) killed by SIGSEGV: $WORK/fl/"*) ;;
*) fail "log line: '$log'" ;;
esac
check_name "$path" "$pid"
check_trace "$path" "$pid" "$ppid" segv
echo "ok   SIGSEGV: $log"

# 3. exit 3
run exit3
[ "$rc" -eq 3 ] || fail "crash_after exit3 exited $rc"
wait_dump "$pid"
[ "$log" = "bstraced: flight recorder: pid $pid (bsdfl$$) exited with 3: $path" ] ||
	fail "log line: '$log'"
check_name "$path" "$pid"
check_trace "$path" "$pid" "$ppid" exit3
echo "ok   exit 3: $log"

# 4. the exit-0 run, before both, left nothing
set -- "$WORK/fl/"*".$pid0."*
[ ! -e "$1" ] || fail "exit 0 of pid $pid0 was dumped: $*"
! grep -q "flight recorder: pid $pid0 " "$WORK/d.err" || fail "exit 0 of pid $pid0 was logged"
echo "ok   exit 0 leaves no dump"

# 5. the dumps are counted
n=$(curl -sf "http://127.0.0.1:$port/metrics" | sed -n 's/^bstrace_flight_dumps_total \([0-9.e+]*\)$/\1/p')
[ -n "$n" ] || fail "no bstrace_flight_dumps_total in /metrics"
python3 -c "import sys; sys.exit(0 if float('$n') >= 2 else 1)" ||
	fail "bstrace_flight_dumps_total is $n, want >= 2"
echo "ok   bstrace_flight_dumps_total $n"

kill -TERM "$dpid"
wait "$dpid"
rc=$?
[ $rc -eq 0 ] || fail "bstraced exit status $rc after SIGTERM"
