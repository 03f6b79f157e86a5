# Shared by the bstraced tests (sourced after lib.sh and require_bpf; they talk HTTP with curl):
# every process a test starts is ended (TERM, then KILL) and reaped on any exit, start_daemon
# runs bstraced until it listens, stop_daemon ends it and checks its exit status.
BSTRACED=${BSTRACED:?BSTRACED must name the bstraced binary}
# the machine's /etc/bstraced.conf (read by default when it exists) is not the tests'
BSTRACED_CONFIG=${BSTRACED_CONFIG:-/nonexistent/bstraced.conf}
export BSTRACED_CONFIG
if ! command -v curl >/dev/null; then
	[ "${CI:-}" = true ] && fail "curl is not installed (tools/test.sh installs it)"
	echo "SKIP: curl is not installed"
	exit 77
fi

# --- processes started here: ended (TERM, then KILL) and reaped on any exit -----------------
PIDS=
# (by parent pid, so that a pid reused after the process ended is never signalled)
stat() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null; }
mine() { [ "$(stat "$1" | cut -d' ' -f2)" = "$$" ]; }
running() { mine "$1" && [ "$(stat "$1" | cut -c1)" != Z ]; }
cleanup() {
	for p in $PIDS; do mine "$p" && kill -TERM "$p" 2>/dev/null; done
	for p in $PIDS; do
		i=0
		while running "$p" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
		mine "$p" && kill -KILL "$p" 2>/dev/null
	done
	wait 2>/dev/null
	cleanup_extra
	rm -rf "$WORK"
}
# a test may redefine this (after sourcing) to undo more on exit
cleanup_extra() { :; }
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# start_daemon NAME ARGS...: bstraced in the background, stderr in $WORK/NAME.err; waits for its
# "listening on" line and sets dpid and port
start_daemon() {
	name=$1; shift
	"$BSTRACED" "$@" 2>"$WORK/$name.err" &
	dpid=$!
	PIDS="$PIDS $dpid"
	i=0
	until grep -qs '^bstraced: listening on http://' "$WORK/$name.err"; do
		running "$dpid" || { cat "$WORK/$name.err"; fail "bstraced $* exited before listening"; }
		[ $i -lt 600 ] || { cat "$WORK/$name.err"; fail "bstraced $* did not listen in 60 s"; }
		sleep 0.1; i=$((i + 1))
	done
	port=$(sed -n 's|^bstraced: listening on http://127\.0\.0\.1:\([0-9][0-9]*\)$|\1|p' \
		"$WORK/$name.err")
	[ -n "$port" ] && [ "$port" -gt 0 ] || { cat "$WORK/$name.err"; fail "no port in the line"; }
}
# ---------------------------------------------------------------------------------------------

# stop_daemon: SIGTERM to the bstraced start_daemon last started; it must exit 0
stop_daemon() {
	kill -TERM "$dpid" 2>/dev/null || fail "bstraced $dpid was gone before SIGTERM"
	wait "$dpid"
	rc=$?
	[ "$rc" -eq 0 ] || { cat "$WORK/$name.err"; fail "bstraced exited with $rc on SIGTERM"; }
}
