#!/bin/sh
# A real Prometheus (Debian's, installed by tools/test.sh) scrapes bstraced every second; PromQL
# over its HTTP API sees exactly the getppid calls of a workload with a comm of its own, and
# `promtool check metrics` accepts what /metrics serves.
. "$(dirname "$0")/../lib.sh"
for tool in prometheus promtool curl; do
	command -v "$tool" >/dev/null && continue
	[ "${CI:-}" = true ] && fail "$tool is not installed (tools/test.sh installs it)"
	echo "SKIP: $tool is not installed (apt-get install prometheus curl)"
	exit 77
done
require_bpf

. "$(dirname "$0")/../daemon_lib.sh"

start_daemon d --listen 127.0.0.1:0
[ "$(wc -l <"$WORK/d.err")" -eq 1 ] || { cat "$WORK/d.err"; fail "more than one line on stderr"; }
echo "ok   $(cat "$WORK/d.err")"

# /healthz, and /metrics through promtool's linter
[ "$(curl -sf "http://127.0.0.1:$port/healthz")" = ok ] || fail "/healthz is not 'ok'"
curl -sf "http://127.0.0.1:$port/metrics" >"$WORK/metrics" || fail "GET /metrics failed"
promtool check metrics <"$WORK/metrics" >"$WORK/lint" 2>&1 ||
	{ cat "$WORK/lint"; fail "promtool check metrics rejects /metrics"; }
for m in bstrace_syscalls_total bstrace_syscall_errors_total bstrace_syscall_duration_seconds \
	bstrace_events_lost_total bstrace_events_dropped_total bstrace_events_written_total \
	bstrace_flight_dumps_total bstrace_kernel_groups bstrace_build_info \
	process_cpu_seconds_total process_resident_memory_bytes; do
	grep -q "^# TYPE $m " "$WORK/metrics" || fail "no '# TYPE $m' in /metrics"
done
echo "ok   promtool check metrics: $(wc -l <"$WORK/metrics") lines accepted"

# Prometheus on a free port, its data in $WORK, scraping bstraced every second
prom_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$WORK/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  scrape_timeout: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: bstraced
    static_configs:
      - targets: ['127.0.0.1:$port']
EOF
promtool check config "$WORK/prometheus.yml" >/dev/null || fail "prometheus.yml is not valid"
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/tsdb" \
	--web.listen-address="127.0.0.1:$prom_port" --log.level=warn >"$WORK/prom.log" 2>&1 &
prom=$!
PIDS="$PIDS $prom"
api="http://127.0.0.1:$prom_port"
i=0
until curl -sf "$api/-/ready" >/dev/null 2>&1; do
	running "$prom" || { cat "$WORK/prom.log"; fail "prometheus exited"; }
	[ $i -lt 600 ] || { cat "$WORK/prom.log"; fail "prometheus not ready in 60 s"; }
	sleep 0.1; i=$((i + 1))
done

# promq QUERY [TIME]: prints "VALUE EVALTIME" of an instant query ("none 0" if it is empty)
promq() {
	python3 - "$api" "$@" <<'EOF'
import json, sys, urllib.parse, urllib.request
q = {"query": sys.argv[2]}
if len(sys.argv) > 3:
    q["time"] = sys.argv[3]
doc = json.load(urllib.request.urlopen(sys.argv[1] + "/api/v1/query?" + urllib.parse.urlencode(q),
                                       timeout=10))
if doc.get("status") != "success":
    sys.exit("query %r: %s" % (sys.argv[2], doc))
res = doc["data"]["result"]
if not res:
    print("none 0")
elif len(res) > 1:
    sys.exit("query %r: %d series, want one" % (sys.argv[2], len(res)))
else:
    t, v = res[0]["value"]
    print(v, repr(t))
EOF
}
# wait_value QUERY WANT: polls (60 s at most) until QUERY gives WANT; sets at (its eval time)
wait_value() {
	i=0
	while :; do
		r=$(promq "$1") || fail "prometheus query failed: $1"
		[ "${r%% *}" = "$2" ] && break
		[ $i -lt 300 ] || fail "$1 is ${r%% *}, want $2 (waited 60 s)"
		sleep 0.2; i=$((i + 1))
	done
	at=${r#* }
	echo "ok   $1 = $2"
}
wait_value 'up{job="bstraced"}' 1

# a workload with a comm of its own and a known number of getppid calls, run twice
cc -O2 -o "$WORK/getppid_loop" "$SRCDIR/tests/helpers/getppid_loop.c" || fail "cannot build"
comm="bsdprom$$"
cp "$WORK/getppid_loop" "$WORK/$comm"
n=54321
sel="bstrace_syscalls_total{job=\"bstraced\",comm=\"$comm\",syscall=\"getppid\"}"
q="sum($sel)"
"$WORK/$comm" $n >/dev/null || fail "workload failed"
wait_value "$q" $n
t1=$at
"$WORK/$comm" $n >/dev/null || fail "workload failed"
wait_value "$q" $((2 * n))
# the increase between the two moments, as PromQL computes it
r=$(promq "$q - sum($sel @ $t1)")
[ "${r%% *}" = $n ] || fail "increase since $t1 is ${r%% *}, want $n"
echo "ok   $q - sum($sel @ $t1) = $n"
# bstraced's own series reached Prometheus too
r=$(promq 'count(bstrace_build_info{job="bstraced"})')
[ "${r%% *}" = 1 ] || fail "bstrace_build_info did not reach Prometheus ($r)"
echo "ok   bstrace_build_info in Prometheus"
