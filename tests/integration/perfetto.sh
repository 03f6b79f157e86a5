#!/bin/sh
# --perfetto FILE: a timeline in Chrome's JSON trace-event format (Perfetto UI, chrome://tracing),
# checked by tests/perfetto_check.py as a viewer reads it: schema, one named track per thread,
# no overlapping slices on a track, exits as instants, fork and exec as flows, arguments with
# control bytes and quotes escaped; while tracing, and from a recording with --replay. (Neither
# Debian 12 nor npm packages Perfetto's trace processor: the check is the schema.)
. "$(dirname "$0")/../lib.sh"
require_bpf
CHECK="python3 $SRCDIR/tests/perfetto_check.py"

# the issue's command, alone (no text trace without -o)
"$BSTRACE" -f --perfetto "$WORK/t.json" -- sh -c 'ls / >/dev/null; sleep 0.1' 2>"$WORK/err" ||
	{ cat "$WORK/err"; fail "bstrace -f --perfetto: status $?"; }
[ ! -s "$WORK/err" ] || { cat "$WORK/err"; fail "--perfetto without -o printed to stderr"; }
$CHECK "$WORK/t.json" --fork --exec --timed --exit 'exited with 0' --min-slices 50 \
	--arg 'execve=["sh", "-c", "ls / >/dev/null; sleep 0.1"]' \
	--arg 'clock_nanosleep={tv_sec=0, tv_nsec=100000000}' ||
	fail "sh -c 'ls; sleep 0.1': the timeline does not check"
# the sleep's slice lasts its 100 ms (enter -> exit times)
python3 - "$WORK/t.json" <<'PY' || fail "the sleep's slice is not 100 ms long"
import json, sys
ev = json.load(open(sys.argv[1]))["traceEvents"]
s = [e for e in ev if e["ph"] == "X" and e["name"] == "clock_nanosleep"]
assert s and 100000 <= s[0]["dur"] < 1000000, s
names = {e["args"]["name"] for e in ev if e["ph"] == "M"}
assert {"sh", "ls", "sleep"} <= names, names
PY
echo "ok   -f --perfetto -- sh -c 'ls; sleep 0.1': tracks sh, ls, sleep; 100 ms sleep slice"

# with the text trace (-o): as many slices as calls; bytes the tracee chooses are escaped
name=$(printf 'q"uo\\te\001\033[1m\177\303\251')
"$BSTRACE" -f -o "$WORK/t.txt" --perfetto "$WORK/e.json" -- sh -c "cat '$name'; exit 3" \
	2>/dev/null
[ $? -eq 3 ] || fail "exit status is not the command's"
grep -q '^[0-9]* *openat(AT_FDCWD, "q\\"uo\\\\te\\1\\33\[1m\\177\\303\\251", O_RDONLY) = -1 ENOENT' \
	"$WORK/t.txt" || { grep openat "$WORK/t.txt"; fail "text trace: no openat of the odd name"; }
$CHECK "$WORK/e.json" --text "$WORK/t.txt" --exit 'exited with 3' \
	--arg 'openat="q\"uo\\te\1\33[1m\177\303\251"' || fail "escaping: the timeline does not check"
echo "ok   -o and --perfetto together; control bytes, quotes and backslashes escaped"

# threads that block: a track each, their calls interleave in time, none overlaps on a track
cc -O2 -pthread -o "$WORK/threads" -x c - <<'EOF' || fail "cannot build the thread helper"
#include <pthread.h>
#include <unistd.h>
static void *run(void *a)
{
	for (int i = 0; i < 5; i++)
		usleep(2000 + 1000 * (long)a);
	return 0;
}
int main(void)
{
	pthread_t t[3];
	for (long i = 0; i < 3; i++)
		pthread_create(&t[i], 0, run, (void *)i);
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], 0);
	return 0;
}
EOF
"$BSTRACE" -f --perfetto "$WORK/th.json" -- "$WORK/threads" || fail "threads: status"
$CHECK "$WORK/th.json" --fork --timed --exit 'exited with 0' || fail "threads: does not check"
python3 - "$WORK/th.json" <<'PY' || fail "threads: not four tracks with their sleeps"
import json, sys
ev = json.load(open(sys.argv[1]))["traceEvents"]
sl = [e for e in ev if e["ph"] == "X" and e["name"] == "clock_nanosleep"]
tids = {e["tid"] for e in sl}
assert len(tids) == 3 and len(sl) == 15, (tids, len(sl))
assert all(e["dur"] >= 2000 for e in sl), [e["dur"] for e in sl]
PY
echo "ok   3 threads blocking at once: a track each, 15 sleeps of at least 2 ms"

# --record, then --replay --perfetto: the same timeline from the file (-T: the durations)
"$BSTRACE" -f -T --record "$WORK/r.bst" -- sh -c 'ls / >/dev/null; sleep 0.1' ||
	fail "--record: status"
"$BSTRACE" --replay "$WORK/r.bst" --perfetto "$WORK/r.json" -o "$WORK/r.txt" ||
	fail "--replay --perfetto: status"
$CHECK "$WORK/r.json" --fork --exec --timed --exit 'exited with 0' --text "$WORK/r.txt" \
	--arg 'execve=["sh", "-c", "ls / >/dev/null; sleep 0.1"]' ||
	fail "replay: the timeline does not check"
# a recording without -T has no enter times: zero-length slices, still valid
"$BSTRACE" --record "$WORK/u.bst" -- /bin/true || fail "--record untimed"
"$BSTRACE" --replay "$WORK/u.bst" --perfetto "$WORK/u.json" || fail "--replay untimed"
$CHECK "$WORK/u.json" --exit 'exited with 0' || fail "untimed replay does not check"
echo "ok   --record then --replay --perfetto (timed and untimed recordings)"

# lost records: a global instant where they were lost
"$BSTRACE" --lossy -b 4096 --perfetto "$WORK/l.json" -- \
	dd if=/dev/zero of=/dev/null bs=512 count=100000 2>"$WORK/err"
if grep -q 'calls lost' "$WORK/err"; then
	$CHECK "$WORK/l.json" --lost || fail "lost records: no marker in the timeline"
	echo "ok   lost records marked: $(grep lost "$WORK/err")"
else
	echo "ok   (nothing was lost with a 4K ring: the marker is not checked)"
fi

expect_error "--perfetto draws the trace" "$BSTRACE" -c --perfetto "$WORK/x.json" -- /bin/true
expect_error "replay the recording with --perfetto" \
	"$BSTRACE" --record "$WORK/x.bst" --perfetto "$WORK/x.json" -- /bin/true
expect_error "cannot open --perfetto file" "$BSTRACE" --perfetto /nonexistent/x.json -- /bin/true
