#!/bin/sh
# bstraced on a full disk: the --events file refusing writes (/dev/full: ENOSPC) and a full
# --flight-dir (a one-page tmpfs) do not stop it. The dropped events and the failed flight trace
# are counted in /metrics and said on stderr (once, not per event); metrics keep being served.
. "$(dirname "$0")/../lib.sh"
require_bpf

. "$(dirname "$0")/../daemon_lib.sh"

cd "$WORK" || fail "no $WORK"
ulimit -c 0
comm="bswerr$$"
cc -O2 -o "$WORK/$comm" "$SRCDIR/tests/helpers/crash_after.c" || fail "cannot build crash_after"

# metric NAME_AND_LABELS: its value in a fresh scrape (empty when absent)
metric() {
	curl -sf "http://127.0.0.1:$port/metrics" >"$WORK/m" || fail "GET /metrics failed"
	awk -v k="$1" '$1 == k { print $2 }' "$WORK/m"
}

# --- the event stream: every failed openat, written to /dev/full --------------------------------
start_daemon ev --listen 127.0.0.1:0 --events /dev/full -e trace=openat -Z --comm "$comm" \
	--rate-limit 0
# each run makes one failed openat; a few thousand lines overflow the writer's buffer
i=0
while [ $i -lt 400 ]; do
	"$WORK/$comm" exit0 >/dev/null || fail "crash_after exit0 failed"
	i=$((i + 1))
done
n=0
until [ "$(metric 'bstrace_events_dropped_total{reason="write_error"}')" = 400 ]; do
	running "$dpid" || { cat "$WORK/ev.err"; fail "bstraced died on a full --events file"; }
	[ $n -lt 100 ] || { cat "$WORK/ev.err"; grep dropped "$WORK/m"
		fail "write_error drops are not the 400 failed openat events"; }
	sleep 0.1; n=$((n + 1))
done
[ "$(metric bstrace_events_written_total)" = 400 ] || fail "events_written is not 400"
[ "$(curl -sf "http://127.0.0.1:$port/healthz")" = ok ] || fail "/healthz is not 'ok'"
w=$(grep -c 'cannot write the --events file: No space left on device' "$WORK/ev.err")
[ "$w" -eq 1 ] || { cat "$WORK/ev.err"; fail "want one 'cannot write' line on stderr, got $w"; }
stop_daemon
echo "ok   --events on a full disk: 400 events dropped, counted, one line on stderr, still serving"

# --- the flight recorder: a --flight-dir with no room -------------------------------------------
mkdir "$WORK/full"
mount -t tmpfs -o size=4k,mode=0755 tmpfs "$WORK/full" || fail "cannot mount a tmpfs"
cleanup_extra() { umount "$WORK/full" 2>/dev/null; }
dd if=/dev/zero of="$WORK/full/fill" bs=4096 count=4 2>/dev/null	# fails once it is full
# only our helper: any other process of the machine exiting non-zero would be dumped (and fail) too
start_daemon fl --listen 127.0.0.1:0 --flight-recorder 16 --flight-dir "$WORK/full" --comm "$comm"
{ "$WORK/$comm" segv >/dev/null; } 2>/dev/null
[ $? -eq 139 ] || fail "crash_after segv did not die by SIGSEGV"
n=0
until [ "$(metric 'bstrace_flight_dump_errors_total')" = 1 ]; do
	running "$dpid" || { cat "$WORK/fl.err"; fail "bstraced died on a full --flight-dir"; }
	[ $n -lt 100 ] || { cat "$WORK/fl.err"; grep flight "$WORK/m"
		fail "the failed flight trace is not counted"; }
	sleep 0.1; n=$((n + 1))
done
[ "$(metric 'bstrace_flight_dumps_total')" = 0 ] || fail "a failed flight trace counted as written"
grep -q "^bstraced: flight recorder: cannot write '$WORK/full/$comm\.[0-9]*\.[0-9]*\.trace' whole: No space left on device" \
	"$WORK/fl.err" || { cat "$WORK/fl.err"; fail "no 'cannot write' line for the flight trace"; }
stop_daemon
echo "ok   --flight-dir on a full disk: the trace counted as failed, said on stderr, still serving"
