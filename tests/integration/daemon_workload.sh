#!/bin/sh
# bstraced's event stream says who made each call: "comm", "uid", "gid", "euid", "egid",
# "cgroup" and, when the cgroup path has one, "container_id" (docker-ID.scope,
# cri-containerd-ID.scope, crio-ID.scope, libpod-ID.scope, .../docker/ID). The same program runs
# as user nobody in cgroups named as the container managers name theirs, and as root in a
# plain one (no container id).
. "$(dirname "$0")/../lib.sh"
require_bpf

. "$(dirname "$0")/../daemon_lib.sh"

cd "$WORK" || fail "no $WORK"
chmod 755 "$WORK"
cgroot=$(sed -n 's/^[^ ]* [^ ]* [^ ]* [^ ]* \([^ ]*\) .* - cgroup2 .*/\1/p' /proc/self/mountinfo |
	head -1)
[ -n "$cgroot" ] || { echo "SKIP: no cgroup v2 hierarchy mounted here"; exit 77; }
top="bstraced-workload-$$"
hex() { echo "$1-$$" | sha256sum | cut -c1-64; }
h1=$(hex docker) h2=$(hex cri) h3=$(hex crio) h4=$(hex libpod) h5=$(hex cgroupfs)
# relative path, container id ("-": none)
set -- "/$top/docker-$h1.scope" "$h1" "/$top/cri-containerd-$h2.scope" "$h2" \
	"/$top/crio-$h3.scope" "$h3" "/$top/libpod-$h4.scope" "$h4" "/$top/docker/$h5" "$h5" \
	"/$top/app.service" "-"
cgs="$*"
cleanup_extra() {
	for d in $(find "$cgroot/$top" -depth -type d 2>/dev/null); do
		rmdir "$d" 2>/dev/null || { sleep 1; rmdir "$d"; }
	done
}
while [ $# -gt 0 ]; do mkdir -p "$cgroot$1" || fail "cannot make cgroup $cgroot$1"; shift 2; done

comm="bswl$$"
cc -O2 -o "$WORK/fc" "$SRCDIR/tests/helpers/flight_crasher.c" || fail "cannot build"
chmod 755 "$WORK/fc"
start_daemon d --listen 127.0.0.1:0 --events "$WORK/ev.json" -e trace=getppid --comm "$comm" \
	--rate-limit 0

# run CGROUP USER: 3 getppid calls of $comm in CGROUP as USER (root or nobody); prints the pid.
# The process stays 1 s after its calls: its ids and cgroup are read from /proc when the daemon
# handles the record (one that is already reaped has them null: the documented race)
run() {
	if [ "$2" = nobody ]; then
		sh -c 'echo $$ >"$0/cgroup.procs" && exec setpriv --reuid=65534 --regid=65534 \
			--clear-groups --inh-caps=-all "$@"' "$cgroot$1" "$WORK/fc" live "$comm" 3 1000
	else
		sh -c 'echo $$ >"$0/cgroup.procs" && exec "$@"' "$cgroot$1" "$WORK/fc" live "$comm" 3 \
			1000
	fi
}
: >"$WORK/want"
set -- $cgs
while [ $# -gt 0 ]; do
	user=nobody
	[ "$2" = - ] && user=root
	pid=$(run "$1" $user) || fail "the workload failed in $1"
	echo "$pid $user $1 $2" >>"$WORK/want"
	shift 2
done
i=0
until [ "$(grep -c '"syscall":"getppid"' "$WORK/ev.json" 2>/dev/null)" -ge 18 ]; do
	[ $i -lt 300 ] || { cat "$WORK/ev.json"; fail "not 18 getppid events in 30 s"; }
	sleep 0.1; i=$((i + 1))
done
stop_daemon
python3 - "$WORK/ev.json" "$WORK/want" "$comm" <<'PYEOF' || fail "the events do not say who made the calls"
import json, sys
evs = [json.loads(l) for l in open(sys.argv[1])]
comm = sys.argv[3]
for line in open(sys.argv[2]):
    pid, user, cg, cid = line.split()
    mine = [e for e in evs if e.get("pid") == int(pid) and e.get("syscall") == "getppid"]
    if len(mine) != 3:
        sys.exit("FAIL: %d getppid events of pid %s" % (len(mine), pid))
    ids = 65534 if user == "nobody" else 0
    want = {"comm": comm, "uid": ids, "gid": ids, "euid": ids, "egid": ids, "cgroup": cg}
    for e in mine:
        bad = {k: (e.get(k), v) for k, v in want.items() if e.get(k) != v}
        if cid == "-" and "container_id" in e:
            bad["container_id"] = (e["container_id"], None)
        if cid != "-" and e.get("container_id") != cid:
            bad["container_id"] = (e.get("container_id"), cid)
        if bad:
            sys.exit("FAIL: %r: (got, want) %r" % (e, bad))
    print("ok   %s in %s: comm, uid/gid %d, container_id %s" % (pid, cg, ids, cid[:12]))
PYEOF
echo "ok   events carry comm, uid, gid, cgroup, container_id (docker, cri-containerd, crio, libpod, cgroupfs)"
