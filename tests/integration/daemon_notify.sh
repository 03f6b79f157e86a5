#!/bin/sh
# bstraced and systemd's conventions, without systemd: the notify protocol against a datagram
# socket of our own (a path, then an abstract '@' name): READY=1 with STATUS= and MAINPID= once
# it listens, WATCHDOG=1 at half of $WATCHDOG_USEC (none when $WATCHDOG_PID names another
# process), RELOADING=1 then READY=1 on SIGHUP, STOPPING=1 on SIGTERM; and log lines with
# syslog priority prefixes (<6> info, <4> warning, <3> error) only when stderr is the stream
# $JOURNAL_STREAM names.
. "$(dirname "$0")/../lib.sh"
require_bpf

. "$(dirname "$0")/../daemon_lib.sh"

cd "$WORK" || fail "no $WORK"
# listen ADDR OUT: a datagram socket at ADDR (a path, or @name); each message one line of OUT,
# its newlines as '|'
cat >"$WORK/listen.py" <<'PYEOF'
import socket, sys
addr, out = sys.argv[1], sys.argv[2]
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind("\0" + addr[1:] if addr.startswith("@") else addr)
open(out + ".ready", "w").close()
with open(out, "a") as f:
    while True:
        msg = s.recv(4096).decode()
        f.write(msg.replace("\n", "|") + "\n")
        f.flush()
PYEOF
listen() {
	python3 "$WORK/listen.py" "$1" "$2" &
	PIDS="$PIDS $!"
	i=0
	until [ -e "$2.ready" ]; do
		[ $i -lt 100 ] || fail "the notify listener did not start"; sleep 0.1; i=$((i + 1))
	done
}
# wait_msg OUT REGEX: until a message matches
wait_msg() {
	i=0
	until grep -Eq -- "$2" "$1"; do
		running "$dpid" || { cat "$WORK/$name.err"; fail "bstraced died"; }
		[ $i -lt 300 ] || { cat "$1"; fail "no notify message matching '$2' in 30 s"; }
		sleep 0.1; i=$((i + 1))
	done
}

# 1. a socket path; a watchdog of 1 s: WATCHDOG=1 about every 0.5 s
listen "$WORK/notify.sock" "$WORK/n1"
NOTIFY_SOCKET="$WORK/notify.sock" WATCHDOG_USEC=1000000 start_daemon d1 --listen 127.0.0.1:0
wait_msg "$WORK/n1" "^READY=1\|STATUS=serving http://127\.0\.0\.1:$port/metrics\|MAINPID=$dpid\$"
[ "$(sed -n 1p "$WORK/n1")" = "READY=1|STATUS=serving http://127.0.0.1:$port/metrics|MAINPID=$dpid" ] ||
	fail "the first message is not READY=1: $(sed -n 1p "$WORK/n1")"
sleep 2.2
n=$(grep -c '^WATCHDOG=1$' "$WORK/n1")
[ "$n" -ge 3 ] && [ "$n" -le 6 ] || { cat "$WORK/n1"; fail "$n WATCHDOG=1 in 2.2 s, want 3 to 6"; }
echo "ok   READY=1 with STATUS= and MAINPID=; $n WATCHDOG=1 in 2.2 s (WATCHDOG_USEC=1000000)"
kill -HUP "$dpid"
wait_msg "$WORK/n1" '^RELOADING=1\|MONOTONIC_USEC=[0-9]+$'
wait_msg "$WORK/n1" '^READY=1\|STATUS=serving; configuration reloaded$'
grep -n . "$WORK/n1" | grep -v WATCHDOG | sed -n '2,3p' >"$WORK/order"
grep -q '^[0-9]*:RELOADING=1' "$WORK/order" && grep -q ':READY=1|STATUS=serving; configuration reloaded$' \
	"$WORK/order" || { cat "$WORK/n1"; fail "not RELOADING=1 then READY=1"; }
echo "ok   SIGHUP: RELOADING=1 (with MONOTONIC_USEC=), then READY=1"
stop_daemon
grep -q '^STOPPING=1|STATUS=stopping$' "$WORK/n1" || { cat "$WORK/n1"; fail "no STOPPING=1"; }
echo "ok   SIGTERM: STOPPING=1"

# 2. an abstract name; $WATCHDOG_PID of another process: no watchdog pings
listen "@bstraced-test-$$" "$WORK/n2"
NOTIFY_SOCKET="@bstraced-test-$$" WATCHDOG_USEC=200000 WATCHDOG_PID=1 \
	start_daemon d2 --listen 127.0.0.1:0
wait_msg "$WORK/n2" "^READY=1\|STATUS=serving http://127\.0\.0\.1:$port/metrics\|MAINPID=$dpid\$"
sleep 1
! grep -q WATCHDOG "$WORK/n2" || fail "WATCHDOG=1 sent though WATCHDOG_PID is another process"
stop_daemon
grep -q '^STOPPING=1' "$WORK/n2" || fail "no STOPPING=1 on the abstract socket"
echo "ok   abstract socket @bstraced-test-$$: READY=1, STOPPING=1; no WATCHDOG=1 for WATCHDOG_PID=1"

# 3. no $NOTIFY_SOCKET: nothing is sent, it just runs
start_daemon d3 --listen 127.0.0.1:0
stop_daemon

# 4. stderr is the journal's stream when $JOURNAL_STREAM is its dev:ino: priority prefixes
: >"$WORK/j.err"
js=$(env stat -c '%d:%i' "$WORK/j.err")	# (daemon_lib.sh has a stat function)
printf 'top = 5\n' >"$WORK/j.conf"
JOURNAL_STREAM=$js "$BSTRACED" -c "$WORK/j.conf" --listen 127.0.0.1:0 2>>"$WORK/j.err" &
dpid=$!
PIDS="$PIDS $dpid"
name=j
i=0
until grep -q '^<6>bstraced: listening on http://' "$WORK/j.err"; do
	running "$dpid" || { cat "$WORK/j.err"; fail "bstraced exited"; }
	[ $i -lt 600 ] || { cat "$WORK/j.err"; fail "no '<6>bstraced: listening on' line"; }
	sleep 0.1; i=$((i + 1))
done
printf 'top = abc\n' >"$WORK/j.conf"
kill -HUP "$dpid"
i=0
until grep -q "^<4>bstraced: reload: $WORK/j.conf:1: bad value for --top: 'abc'" "$WORK/j.err"; do
	[ $i -lt 300 ] || { cat "$WORK/j.err"; fail "no '<4>bstraced: reload: ...' line"; }
	sleep 0.1; i=$((i + 1))
done
stop_daemon
! grep -v '^<[346]>bstraced: ' "$WORK/j.err" | grep -q . || { cat "$WORK/j.err"; fail "a line without a prefix"; }
JOURNAL_STREAM=$js "$BSTRACED" --bogus 2>>"$WORK/j.err" && fail "--bogus accepted"
grep -q "^<3>bstraced: unknown option '--bogus'" "$WORK/j.err" || { cat "$WORK/j.err"; fail "no <3> error"; }
# another file as stderr: no prefixes
JOURNAL_STREAM=$js "$BSTRACED" --bogus 2>"$WORK/other.err" && fail "--bogus accepted"
grep -q "^bstraced: unknown option '--bogus'" "$WORK/other.err" || fail "a prefix on a plain stderr"
echo "ok   JOURNAL_STREAM: <6> listening, <4> reload warning, <3> error; none on another stderr"
