#!/bin/sh
# bstraced: bad input (flags, values, config files, a taken port, no BPF privileges) is one
# "bstraced: ..." line and a non-zero exit; a config file works and the command line overrides
# it; --labels syscall,cgroup names cgroups by path and --cgroup counts only one; SIGHUP reopens
# the --events file; SIGTERM exits 0 and leaves none of its BPF programs loaded.
. "$(dirname "$0")/../lib.sh"
require_bpf

. "$(dirname "$0")/../daemon_lib.sh"
CGROUP=	# a cgroup made here, removed on exit
cleanup_extra() {
	[ -z "$CGROUP" ] || rmdir "$CGROUP" 2>/dev/null || { sleep 1; rmdir "$CGROUP"; }
}

# derr "message part" ARGS...: bstraced ARGS fails with one line "bstraced: ...message part..."
# (the timeout only ends a daemon that wrongly started; it then fails on its message)
derr() {
	want=$1; shift
	expect_error "$want" timeout 30 "$BSTRACED" "$@"
	grep -q '^bstraced: ' "$WORK/err" || fail "the error does not start with 'bstraced: '"
}

# help and version
"$BSTRACED" --help >"$WORK/help" 2>&1 || fail "--help exited non-zero"
grep -q -- '--flight-recorder' "$WORK/help" || fail "--help does not list --flight-recorder"
"$BSTRACED" -V >"$WORK/version" 2>&1 || fail "-V exited non-zero"
grep -q 'bstraced' "$WORK/version" || fail "-V does not name bstraced: $(cat "$WORK/version")"
echo "ok   --help, -V"

# flags (each run also asks for port 0, so a daemon that wrongly starts collides with nothing)
L="--listen 127.0.0.1:0"
derr "bogus-flag" $L --bogus-flag
derr "abc" $L --top abc
derr "12x" $L --top 12x
derr "abc" $L --rate-limit abc
derr "-5" $L --rate-limit -5
derr "2000" $L --flight-recorder 2000
derr "abc" $L --flight-recorder abc
derr "abc" $L --max-groups abc
derr "syscall,pid" $L --labels syscall,pid
derr "bogus" $L --labels bogus
derr "nosuch" $L -e trace=nosuch
derr "nonsense" --listen nonsense
derr "70000" --listen 127.0.0.1:70000
derr "/nonexistent/dir/ev.json" $L --events /nonexistent/dir/ev.json
derr "no-such-group" $L --cgroup /sys/fs/cgroup/no-such-group

# config files
printf '# bstraced test config\nlisten = 127.0.0.1:0\nbogus-key = 1\n' >"$WORK/bad.conf"
derr "$WORK/bad.conf:3: unknown key 'bogus-key'" -c "$WORK/bad.conf"
printf 'listen = 127.0.0.1:0\n\n# the next value is bad\ntop = abc\n' >"$WORK/badval.conf"
derr "abc" -c "$WORK/badval.conf"
derr "$WORK/missing.conf" --config "$WORK/missing.conf"

# a user that is not root: bstraced sees every process, so it refuses (user/perm.c)
cp "$BSTRACED" "$WORK/bstraced"
chmod 755 "$WORK" "$WORK/bstraced"
expect_error "sees every user's processes: run as root" setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
	timeout 30 "$WORK/bstraced" --listen 127.0.0.1:0
grep -q '^bstraced: ' "$WORK/err" || fail "the error does not start with 'bstraced: '"

# a port in use: a second daemon on the first one's port
start_daemon first --listen 127.0.0.1:0
derr "Address already in use" --listen "127.0.0.1:$port"
stop_daemon

# a config file that works (listen from the file), then the command line overriding it
cc -O2 -o "$WORK/getppid_loop" "$SRCDIR/tests/helpers/getppid_loop.c" || fail "cannot build"
comm="bsderr$$"
cp "$WORK/getppid_loop" "$WORK/$comm"
cat >"$WORK/good.conf" <<EOF
# bstraced test config: every syntax the file has

listen = 127.0.0.1:0
labels=syscall
  top   =   50   # a comment after a value
no-histogram
EOF
start_daemon cfg -c "$WORK/good.conf"
"$WORK/$comm" 100000 >/dev/null
[ "$(wc -l <"$WORK/cfg.err")" -eq 1 ] || { cat "$WORK/cfg.err"; fail "more than one line on stderr"; }
[ "$(curl -sf "http://127.0.0.1:$port/healthz")" = ok ] || fail "/healthz is not 'ok'"
curl -sf "http://127.0.0.1:$port/metrics" >"$WORK/m1" || fail "GET /metrics failed"
grep -q '^bstrace_syscalls_total{syscall="getppid"} ' "$WORK/m1" ||
	fail "labels = syscall: no bstrace_syscalls_total{syscall=\"getppid\"}"
! grep -q '^bstrace_syscalls_total{.*comm=' "$WORK/m1" || fail "labels = syscall, but a comm label"
! grep -q '^bstrace_syscall_duration_seconds' "$WORK/m1" || fail "no-histogram, but a histogram"
stop_daemon
echo "ok   config file: listen, labels, top, bare no-histogram"

start_daemon cfg2 -c "$WORK/good.conf" --labels syscall,comm
"$WORK/$comm" 100000 >/dev/null
curl -sf "http://127.0.0.1:$port/metrics" >"$WORK/m2" || fail "GET /metrics failed"
grep -q "^bstrace_syscalls_total{syscall=\"getppid\",comm=\"$comm\"} " "$WORK/m2" ||
	grep -q "^bstrace_syscalls_total{comm=\"$comm\",syscall=\"getppid\"} " "$WORK/m2" ||
	fail "--labels syscall,comm on the command line did not override the file's labels"
stop_daemon
echo "ok   the command line overrides the config file"

# --labels syscall,cgroup names a cgroup by its path below the v2 root; --cgroup counts only it
cgroot=$(sed -n 's/^[^ ]* [^ ]* [^ ]* [^ ]* \([^ ]*\) .* - cgroup2 .*/\1/p' /proc/self/mountinfo |
	head -1)
if [ -z "$cgroot" ]; then
	echo "skip --labels syscall,cgroup: no cgroup v2 hierarchy mounted here"
else
	CGROUP="$cgroot/bstraced-test-$$"
	mkdir "$CGROUP" || fail "cannot make cgroup $CGROUP"
	# in_cgroup N: the workload, N getppid calls, inside the cgroup
	in_cgroup() {
		sh -c 'echo $$ >"$1/cgroup.procs" && exec "$2" "$3"' sh "$CGROUP" "$WORK/$comm" "$1" \
			>/dev/null || fail "cannot run the workload in $CGROUP"
	}
	start_daemon cgl --listen 127.0.0.1:0 --labels syscall,cgroup
	in_cgroup 100000
	curl -sf "http://127.0.0.1:$port/metrics" >"$WORK/m3" || fail "GET /metrics failed"
	grep -q "^bstrace_syscalls_total{syscall=\"getppid\",cgroup=\"/bstraced-test-$$\"} 100000\$" \
		"$WORK/m3" || { grep '^bstrace_syscalls_total{syscall="getppid"' "$WORK/m3"
		fail "--labels syscall,cgroup: no getppid series of 100000 for /bstraced-test-$$"; }
	stop_daemon
	start_daemon cgf --listen 127.0.0.1:0 --cgroup "$CGROUP"
	"$WORK/$comm" 1000 >/dev/null
	in_cgroup 1000
	curl -sf "http://127.0.0.1:$port/metrics" >"$WORK/m4" || fail "GET /metrics failed"
	grep -q "^bstrace_syscalls_total{syscall=\"getppid\",comm=\"$comm\"} 1000\$" "$WORK/m4" ||
		{ grep '^bstrace_syscalls_total{syscall="getppid"' "$WORK/m4"
		fail "--cgroup: getppid of $comm is not the 1000 calls made inside the cgroup"; }
	stop_daemon
	echo "ok   --labels syscall,cgroup names /bstraced-test-$$; --cgroup counts only it"
fi

# SIGHUP reopens the --events file
# (only our helper's calls: another process's getppid storm would use up the rate limit)
start_daemon hup --listen 127.0.0.1:0 --events "$WORK/ev.json" -e trace=getppid --comm "$comm"
# wait_events FILE PID: until FILE has a getppid event of PID
wait_events() {
	i=0
	until grep -s "\"pid\":$2[,}]" "$1" | grep -q '"syscall":"getppid"'; do
		[ $i -lt 300 ] || fail "no getppid event of pid $2 in $1 within 30 s"
		sleep 0.1; i=$((i + 1))
	done
}
pid1=$("$WORK/$comm" 3)
wait_events "$WORK/ev.json" "$pid1"
mv "$WORK/ev.json" "$WORK/ev.json.1"
kill -HUP "$dpid"
i=0
until [ -e "$WORK/ev.json" ]; do
	running "$dpid" || { cat "$WORK/hup.err"; fail "bstraced died on SIGHUP"; }
	[ $i -lt 300 ] || fail "SIGHUP: $WORK/ev.json was not reopened within 30 s"
	sleep 0.1; i=$((i + 1))
done
pid2=$("$WORK/$comm" 3)
wait_events "$WORK/ev.json" "$pid2"
stop_daemon
! grep -q "\"pid\":$pid2[,}]" "$WORK/ev.json.1" || fail "events after SIGHUP went to the moved file"
python3 - "$WORK/ev.json.1" "$WORK/ev.json" "$pid1" "$pid2" <<'EOF' || fail "events are not JSON"
import json, sys
for path, pid in ((sys.argv[1], int(sys.argv[3])), (sys.argv[2], int(sys.argv[4]))):
    n = 0
    for line in open(path):
        ev = json.loads(line)
        # -e trace=getppid: syscall events are getppid (signal events have no "syscall")
        assert ev.get("syscall", "getppid") == "getppid", ev
        n += ev.get("pid") == pid and "syscall" in ev
    assert n == 3, "%s: %d getppid events of pid %d, want 3" % (path, n, pid)
EOF
echo "ok   SIGHUP reopened the events file; both files are JSON lines"

# SIGTERM: exit 0 and the daemon's BPF programs are gone
start_daemon term --listen 127.0.0.1:0
ids=$(cat /proc/"$dpid"/fdinfo/* 2>/dev/null | sed -n 's/^prog_id:[[:space:]]*//p' | sort -u)
n_before=$(echo "$ids" | grep -c .)
stop_daemon
# the kernel frees programs in deferred work: give it a moment
i=0
while :; do
	n_after=0
	for id in $ids; do
		bpftool prog show id "$id" >/dev/null 2>&1 && n_after=$((n_after + 1))
	done
	[ "$n_after" -eq 0 ] || [ $i -ge 100 ] && break
	sleep 0.1; i=$((i + 1))
done
[ "$n_before" -ge 1 ] || fail "bstraced holds $n_before BPF program(s) while running"
[ "$n_after" -eq 0 ] || fail "$n_after of $n_before program(s) still loaded after SIGTERM"
echo "ok   SIGTERM: exit 0, its $n_before BPF programs unloaded"
