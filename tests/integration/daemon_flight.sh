#!/bin/sh
# bstraced --flight-recorder: a process killed by SIGSEGV, or exiting non-zero, leaves an
# strace-style trace of its last syscalls in --flight-dir (and one log line); exit 0 leaves none.
# The trace's first line says who the process was (comm, uid, gid, cgroup). Safe against the
# users whose processes it writes about: a --flight-dir that is a symlink, writable by group or
# others or owned by another user is refused; a symlink planted under the name of the next trace
# is not followed; a comm with a newline and ESC (set by user nobody) forges no log line and no
# odd file name. The test's processes run in a cgroup of their own named as docker names a
# container's (bstraced --cgroup: other processes of the machine are not recorded), so that the
# header's cgroup and container id are known.
. "$(dirname "$0")/../lib.sh"
require_bpf

. "$(dirname "$0")/../daemon_lib.sh"

cd "$WORK" || fail "no $WORK"
ulimit -c 0	# no core file in the working directory (the trace says "(core dumped)" only with one)
exe="$WORK/bsdfl$$"	# a comm of our own (at most 15 characters)
cc -O2 -o "$exe" "$SRCDIR/tests/helpers/crash_after.c" || fail "cannot build crash_after"
mkdir "$WORK/fl"
cgroot=$(sed -n 's/^[^ ]* [^ ]* [^ ]* [^ ]* \([^ ]*\) .* - cgroup2 .*/\1/p' /proc/self/mountinfo |
	head -1)
[ -n "$cgroot" ] || { echo "SKIP: no cgroup v2 hierarchy mounted here"; exit 77; }
hex=$(echo "bstraced-flight-$$" | sha256sum | cut -c1-64)
CG_TOP="$cgroot/bstraced-flight-$$"
CG="$CG_TOP/docker-$hex.scope"
cgrel="/bstraced-flight-$$/docker-$hex.scope"
cleanup_extra() { rmdir "$CG" "$CG_TOP" 2>/dev/null || { sleep 1; rmdir "$CG" "$CG_TOP"; }; }
mkdir -p "$CG" || fail "cannot make cgroup $CG"
# in_cg COMMAND...: COMMAND in the test's cgroup
in_cg() { sh -c 'echo $$ >"$0/cgroup.procs" && exec "$@"' "$CG" "$@"; }
t0=$(date +%s)
# (no rate limits: another test's crashes on this machine must not use up ours)
start_daemon d --listen 127.0.0.1:0 --flight-recorder 16 --flight-dir "$WORK/fl" \
	--flight-rate 0 --flight-rate-global 0 --cgroup "$CG"
[ "$(grep -c 'listening on' "$WORK/d.err")" -eq 1 ] || fail "more than one 'listening' line"

# run MODE: runs the helper in the foreground; sets pid, ppid, rc
run() {
	{ in_cg "$exe" "$1" >"$WORK/$1.pid"; } 2>/dev/null
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
	[ "$(printf "%s\n" "$log" | wc -l)" -eq 1 ] || fail "pid $1 logged more than once: $log"
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
# the header: "# bstraced flight recorder {JSON}"
import json
hp = "# bstraced flight recorder "
if not lines or not lines[0].startswith(hp):
    sys.exit("FAIL: no header line: %r" % (lines[:1],))
head = json.loads(lines[0][len(hp):])
for k in ("time", "pid", "comm", "uid", "gid", "euid", "egid", "cgroup", "status"):
    if k not in head:
        sys.exit("FAIL: header has no %r: %r" % (k, head))
if head["pid"] != int(pid) or not head["comm"].startswith("bsdfl"):
    sys.exit("FAIL: header pid/comm: %r" % head)
want_status = "killed by SIGSEGV" if end == "segv" else "exited with 3"
if head["status"] != want_status:
    sys.exit("FAIL: header status %r, want %r" % (head["status"], want_status))
lines = lines[1:]
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

# --- as user nobody, against root's bstraced -----------------------------------------------
chmod 755 "$WORK"
cc -O2 -o "$WORK/fc" "$SRCDIR/tests/helpers/flight_crasher.c" || fail "cannot build flight_crasher"
chmod 755 "$WORK/fc"
# dump_of PID: the trace of PID in $WORK/fl, once logged; sets dump
dump_of() {
	wait_dump "$1"
	dump=$path
	[ -f "$dump" ] || fail "no trace $dump of pid $1"
}

# 6. the header of a process whose parent has not reaped it yet: its uid, gid and cgroup
pid=$(in_cg setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
	"$WORK/fc" hold "bsdflh$$" 2000) || fail "flight_crasher hold failed"
dump_of "$pid"
python3 - "$dump" "$pid" "bsdflh$$" "$cgrel" "$hex" <<'PYEOF' || fail "the header of $dump is wrong"
import json, sys
path, pid, comm, cg, cid = sys.argv[1:6]
line = open(path).readline()
h = json.loads(line[len("# bstraced flight recorder "):])
want = {"pid": int(pid), "comm": comm, "uid": 65534, "gid": 65534, "euid": 65534,
        "egid": 65534, "cgroup": cg, "container_id": cid, "status": "killed by SIGSEGV"}
bad = {k: (h.get(k), v) for k, v in want.items() if h.get(k) != v}
if bad:
    sys.exit("FAIL: header %r: (got, want) %r" % (h, bad))
print("  header: " + line.strip())
PYEOF
echo "ok   the trace's header: pid, comm, uid/gid 65534, cgroup docker-ID.scope, container_id ID"

# 7. a comm with a newline, ESC and a leading dot (user nobody's) in the log and the file name
evil=$(printf 'bs\nbstraced: \033X')
{ pid=$(in_cg setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
	"$WORK/fc" one "$evil"); } 2>/dev/null
dump_of "$pid"
case $log in
"bstraced: flight recorder: pid $pid (bs\\nbstraced: \\33X) killed by SIGSEGV: $dump") ;;
*) fail "log line of the comm with a newline: '$log'" ;;
esac
case ${dump#"$WORK/fl/"} in
"bs%0Abstraced%3A%20%1BX.$pid."[0-9]*.trace) ;;
*) fail "file name of the comm with a newline: '$dump'" ;;
esac
! grep -q "$(printf '\033')" "$WORK/d.err" || fail "an ESC byte reached the log"
! grep -v '^bstraced: ' "$WORK/d.err" | grep -q . ||
	{ cat "$WORK/d.err"; fail "a log line does not start with 'bstraced: '"; }
{ pid=$(in_cg setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
	"$WORK/fc" one ".bsdot$$"); } 2>/dev/null
dump_of "$pid"
case $dump in "$WORK/fl/%2Ebsdot$$.$pid."*.trace) ;; *) fail "a leading dot kept: '$dump'" ;; esac
if ls -A "$WORK/fl" | grep -qv '^[A-Za-z0-9_+,=@%-][A-Za-z0-9_+,=@%.-]*$'; then
	ls -Ab "$WORK/fl"; fail "a file name in $WORK/fl has other bytes"
fi
echo "ok   a comm with a newline and ESC: one escaped log line, file bs%0Abstraced%3A%20%1BX.PID..."

# 8. a symlink planted under the next trace's name (as if the directory had been open to
# nobody once) is not followed: root's file stays, the trace gets another name
echo secret >"$WORK/victim"
mkfifo "$WORK/go"
in_cg setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
	"$WORK/fc" one "bsdfll$$" wait <"$WORK/go" >"$WORK/ln.pid" 2>/dev/null &
cpid=$!
PIDS="$PIDS $cpid"
exec 3>"$WORK/go"
i=0
until [ -s "$WORK/ln.pid" ]; do
	[ $i -lt 100 ] || fail "flight_crasher one printed no pid"
	sleep 0.1; i=$((i + 1))
done
pid=$(cat "$WORK/ln.pid")
now=$(date +%s)
for t in $(seq $((now - 1)) $((now + 30))); do
	ln -s "$WORK/victim" "$WORK/fl/bsdfll$$.$pid.$t.trace"
done
echo go >&3
exec 3>&-
wait "$cpid"
wait_dump "$pid"
[ "$(cat "$WORK/victim")" = secret ] ||
	fail "the planted symlink was followed: victim is '$(cat "$WORK/victim")'"
case $path in
"$WORK/fl/bsdfll$$.$pid."*-1.trace) ;;
*) fail "the trace beside the symlink is '$path', want NAME-1.trace" ;;
esac
[ -f "$path" ] && [ ! -L "$path" ] || fail "$path is not a regular file"
[ "$(find "$WORK/fl" -name "bsdfll$$.$pid.*.trace" -type l | wc -l)" -eq 32 ] ||
	fail "a planted symlink was replaced"
echo "ok   a planted symlink is not followed: the trace went to ${path#"$WORK/fl/"}"

kill -TERM "$dpid"
wait "$dpid"
rc=$?
[ $rc -eq 0 ] || fail "bstraced exit status $rc after SIGTERM"

# 9. directories refused at start (one line, exit 1): a symlink, writable by others or by the
# group, owned by another user
mkdir "$WORK/ww" "$WORK/gw" "$WORK/nb" "$WORK/st"
chmod 0777 "$WORK/ww"
chmod 0770 "$WORK/gw"
chmod 1777 "$WORK/st"
chown 65534:65534 "$WORK/nb"
chmod 0755 "$WORK/nb"
ln -s "$WORK/fl" "$WORK/link"
for dir in ww gw st nb link; do
	case $dir in
	nb) want="owned by another user" ;;
	link) want="a symlink is not followed" ;;
	*) want="writable by group or others" ;;
	esac
	expect_error "$want" timeout 30 "$BSTRACED" --listen 127.0.0.1:0 --flight-recorder 8 \
		--flight-dir "$WORK/$dir"
done
echo "ok   --flight-dir refused: world- or group-writable, sticky 1777, owned by nobody, a symlink"
