#!/bin/sh
# bstraced's flight recorder under a crash loop: 2,000 processes of two comms die by SIGSEGV one
# after the other (a second or a few, whatever the machine's speed) with small limits: at most 3
# traces a minute per comm, 5 in all, 4 files and 1200 bytes (about 2 traces) kept. The
# directory ends within the retention, every notice is accounted for in /metrics (written, or dropped by rate; the written
# ones not kept are dropped by retention), a handful of traces are logged one by one and one
# summary line says the rest (at SIGTERM, the end of its interval).
. "$(dirname "$0")/../lib.sh"
require_bpf

. "$(dirname "$0")/../daemon_lib.sh"

cd "$WORK" || fail "no $WORK"
ulimit -c 0
N=2000 RATE=3 GLOBAL=5 FILES=4 BYTES=1200
cgroot=$(sed -n 's/^[^ ]* [^ ]* [^ ]* [^ ]* \([^ ]*\) .* - cgroup2 .*/\1/p' /proc/self/mountinfo |
	head -1)
[ -n "$cgroot" ] || { echo "SKIP: no cgroup v2 hierarchy mounted here"; exit 77; }
# only the loop's processes are recorded (--cgroup): the machine's other crashes do not count
CG="$cgroot/bstraced-crashloop-$$"
cleanup_extra() { rmdir "$CG" 2>/dev/null || { sleep 1; rmdir "$CG"; }; }
mkdir "$CG" || fail "cannot make cgroup $CG"
cc -O2 -o "$WORK/fc" "$SRCDIR/tests/helpers/flight_crasher.c" || fail "cannot build flight_crasher"
mkdir "$WORK/fl"
start_daemon d --listen 127.0.0.1:0 --flight-recorder 16 --flight-dir "$WORK/fl" --cgroup "$CG" \
	--flight-rate $RATE --flight-rate-global $GLOBAL --flight-max-files $FILES \
	--flight-max-bytes $BYTES

# metric NAME_AND_LABELS: its value in a fresh scrape (0 when absent)
metric() {
	curl -sf "http://127.0.0.1:$port/metrics" >"$WORK/m" || fail "GET /metrics failed"
	awk -v k="$1" '$1 == k { v = $2 } END { print v + 0 }' "$WORK/m"
}

t0=$(date +%s)
segv=$(sh -c 'echo $$ >"$0/cgroup.procs" && exec "$@"' "$CG" "$WORK/fc" loop $N \
	"bscla$$" "bsclb$$") || fail "the crash loop failed"
t1=$(date +%s)
[ "$segv" -eq $N ] || fail "$segv of $N processes died by SIGSEGV"
echo "ok   $N processes died by SIGSEGV in $((t1 - t0)) s"

# every notice is handled: written, failed, dropped by rate or evicted
i=0
while :; do
	w=$(metric bstrace_flight_dumps_total)
	e=$(awk '$1 == "bstrace_flight_dump_errors_total" { print $2 + 0 }' "$WORK/m")
	r=$(awk '$1 == "bstrace_flight_dumps_dropped_total{reason=\"rate\"}" { print $2 + 0 }' "$WORK/m")
	k=$(awk '$1 == "bstrace_flight_dumps_dropped_total{reason=\"retention\"}" { print $2 + 0 }' "$WORK/m")
	v=$(awk '$1 == "bstrace_flight_dumps_dropped_total{reason=\"evicted\"}" { print $2 + 0 }' "$WORK/m")
	[ $((w + e + r + v)) -ge $N ] && break
	running "$dpid" || { cat "$WORK/d.err"; fail "bstraced died"; }
	[ $i -lt 600 ] || { grep flight "$WORK/m"; fail "not all $N notices handled in 60 s"; }
	sleep 0.1; i=$((i + 1))
done
t2=$(date +%s)
[ $((w + e + r + v)) -eq $N ] || fail "written $w + failed $e + rate $r + evicted $v != $N"
[ "$e" -eq 0 ] && [ "$v" -eq 0 ] || fail "$e traces failed, $v evicted"
# the buckets refill at GLOBAL a minute while the loop runs: the written ones are bounded by time
max=$((GLOBAL + (GLOBAL * (t2 - t0) + 59) / 60))
[ "$w" -ge 1 ] && [ "$w" -le "$max" ] || fail "$w traces written, want 1..$max"
[ "$r" -ge $((N - max)) ] || fail "only $r dropped by rate"
echo "ok   /metrics: $w written, $r dropped by rate, $k removed by retention (of $N)"

# the directory: within the retention; what was written and is gone was removed by it
files=$(find "$WORK/fl" -type f -name '*.trace' | wc -l)
bytes=$(find "$WORK/fl" -type f -name '*.trace' -exec cat {} + | wc -c)
[ "$(ls -A "$WORK/fl" | wc -l)" -eq "$files" ] || fail "other files in $WORK/fl: $(ls -A "$WORK/fl")"
[ "$files" -le $FILES ] || fail "$files traces kept, want at most $FILES"
[ "$bytes" -le $BYTES ] || fail "$bytes bytes kept, want at most $BYTES"
[ "$files" -ge 1 ] || fail "no trace kept"
[ $((w - k)) -eq "$files" ] || fail "written $w - removed $k != $files files"
# per comm: at most RATE (plus the refill) of each among those written
for c in "bscla$$" "bsclb$$"; do
	n=$(grep -c "^bstraced: flight recorder: pid [0-9]* ($c) " "$WORK/d.err")
	[ "$n" -le $((RATE + (RATE * (t2 - t0) + 59) / 60)) ] || fail "$n traces of comm $c"
done
echo "ok   $WORK/fl: $files traces, $bytes bytes (limits $FILES files, $BYTES bytes)"

stop_daemon
# the log: a line per written trace (at most 10 an interval), one summary, nothing per drop
lines=$(grep -c '^bstraced: flight recorder: pid ' "$WORK/d.err")
[ "$lines" -le 10 ] && [ "$lines" -le "$w" ] || { cat "$WORK/d.err"; fail "$lines trace lines"; }
grep "^bstraced: flight recorder, last [0-9]* s: $w traces written (0 not logged one by one), $r not written (" \
	"$WORK/d.err" >"$WORK/summary" || { cat "$WORK/d.err"; fail "no summary line"; }
[ "$(wc -l <"$WORK/summary")" -eq 1 ] || fail "more than one summary line"
grep -q ", $k removed by the retention, 0 evicted, 0 failed; $files traces, $bytes bytes in '$WORK/fl'\$" \
	"$WORK/summary" || { cat "$WORK/summary"; fail "the summary's retention part"; }
total=$(wc -l <"$WORK/d.err")
[ "$total" -le 13 ] || { cat "$WORK/d.err"; fail "$total lines on stderr"; }
echo "ok   stderr: $lines trace lines and one summary: $(cut -c1-150 "$WORK/summary")..."
