#!/bin/sh
# bstraced's configuration files and SIGHUP: -c FILE, then FILE.d/*.conf in byte order (hidden
# files and other suffixes skipped), then the command line; $BSTRACED_CONFIG names the default
# file (/etc/bstraced.conf), used when it exists. SIGHUP reads them all again: a good change of
# the flight recorder's retention applies at once, one that needs a restart is said and kept
# out; a bad file (a bad value, a bad drop-in) keeps the configuration in use and says why,
# and the daemon goes on serving.
. "$(dirname "$0")/../lib.sh"
require_bpf

. "$(dirname "$0")/../daemon_lib.sh"

cd "$WORK" || fail "no $WORK"
ulimit -c 0
comm="bsrl$$"
cc -O2 -o "$WORK/$comm" "$SRCDIR/tests/helpers/crash_after.c" || fail "cannot build crash_after"
cc -O2 -o "$WORK/getppid_loop" "$SRCDIR/tests/helpers/getppid_loop.c" || fail "cannot build"

# labels_of: the labels of a getppid series of bstrace_syscalls_total
labels_of() {
	"$WORK/getppid_loop" 1000 >/dev/null
	curl -sf "http://127.0.0.1:$port/metrics" >"$WORK/m" || fail "GET /metrics failed"
	sed -n 's/^bstrace_syscalls_total{\(syscall="getppid"[^}]*\)} .*/\1/p' "$WORK/m" | head -1
}

# 1. the drop-ins' order: 10-a sets labels syscall,cgroup, 20-b syscall; 30-c.conf.off, .x.conf
# and a directory are not read; the main file is read first
mkdir -p "$WORK/b.conf.d/dir.conf"
printf 'listen = 127.0.0.1:0\nlabels = syscall,comm\n' >"$WORK/b.conf"
printf 'labels = syscall,cgroup\n' >"$WORK/b.conf.d/10-a.conf"
printf 'labels = syscall\n' >"$WORK/b.conf.d/20-b.conf"
printf 'labels = bogus\n' >"$WORK/b.conf.d/30-c.conf.off"
printf 'labels = bogus\n' >"$WORK/b.conf.d/.x.conf"
start_daemon order -c "$WORK/b.conf"
[ "$(labels_of)" = 'syscall="getppid"' ] || fail "b.conf.d/20-b.conf did not win: $(labels_of)"
stop_daemon
mv "$WORK/b.conf.d/10-a.conf" "$WORK/b.conf.d/30-a.conf"
start_daemon order2 -c "$WORK/b.conf"
case $(labels_of) in 'syscall="getppid",cgroup="'*) ;; *) fail "30-a.conf did not win: $(labels_of)" ;; esac
stop_daemon
# the command line over all of them
start_daemon order3 -c "$WORK/b.conf" --labels syscall,comm
case $(labels_of) in 'syscall="getppid",comm="'*) ;; *) fail "--labels did not win: $(labels_of)" ;; esac
stop_daemon
rmdir "$WORK/b.conf.d/dir.conf"
echo "ok   -c FILE, then FILE.d/*.conf in order (not .x.conf, *.off, a directory), then argv"

# 2. the default file, $BSTRACED_CONFIG here (/etc/bstraced.conf), used when it exists
printf 'listen = 127.0.0.1:0\nlabels = syscall\n' >"$WORK/default.conf"
BSTRACED_CONFIG="$WORK/default.conf" start_daemon def
[ "$(labels_of)" = 'syscall="getppid"' ] || fail "the default config file was not read"
stop_daemon
BSTRACED_CONFIG="$WORK/missing.conf" start_daemon nodef --listen 127.0.0.1:0
stop_daemon
printf 'top = abc\n' >"$WORK/default.conf"
expect_error "$WORK/default.conf:1: bad value for --top: 'abc'" \
	env BSTRACED_CONFIG="$WORK/default.conf" timeout 30 "$BSTRACED" --listen 127.0.0.1:0
echo "ok   the default config file: read when it exists, none when missing, errors said"

# 3. SIGHUP: the retention of a good new config applies now
mkdir "$WORK/fl"
cat >"$WORK/r.conf" <<EOF
listen = 127.0.0.1:0
flight-recorder = 8
flight-dir = $WORK/fl
comm = $comm
flight-rate = 0
flight-rate-global = 0
flight-max-files = 10
EOF
start_daemon r -c "$WORK/r.conf"
# hup_wait TEXT: SIGHUP, then until stderr has a line with TEXT (one more than before)
hup_wait() {
	before=$(grep -c -- "$1" "$WORK/r.err")
	kill -HUP "$dpid"
	i=0
	until [ "$(grep -c -- "$1" "$WORK/r.err")" -gt "$before" ]; do
		running "$dpid" || { cat "$WORK/r.err"; fail "bstraced died on SIGHUP"; }
		[ $i -lt 300 ] || { cat "$WORK/r.err"; fail "no '$1' after SIGHUP"; }
		sleep 0.1; i=$((i + 1))
	done
}
crash() {
	{ "$WORK/$comm" segv >/dev/null; } 2>/dev/null
	n=$(($1))
	i=0
	until [ "$(grep -c "flight recorder: pid .* ($comm) killed" "$WORK/r.err")" -ge "$n" ]; do
		[ $i -lt 300 ] || { cat "$WORK/r.err"; fail "no flight trace"; }
		sleep 0.1; i=$((i + 1))
	done
}
for k in 1 2 3 4 5; do crash $k; done
[ "$(ls "$WORK/fl" | wc -l)" -eq 5 ] || fail "not 5 traces"
sed -i 's/^flight-max-files = 10$/flight-max-files = 2/' "$WORK/r.conf"
hup_wait "reload: configuration read again from $WORK/r.conf"
[ "$(ls "$WORK/fl" | wc -l)" -eq 2 ] || fail "flight-max-files = 2 not applied at SIGHUP"
curl -sf "http://127.0.0.1:$port/metrics" | grep -q '^bstrace_flight_dumps_dropped_total{reason="retention"} 3$' ||
	fail "the 3 removed traces are not counted"
echo "ok   SIGHUP, flight-max-files 10 -> 2: 3 oldest traces removed at once, counted"

# a change that needs a restart: said, not applied, the rest applied
printf 'labels = syscall\nflight-max-files = 1\n' >>"$WORK/r.conf"
hup_wait "reload: labels changed: that takes a restart"
[ "$(ls "$WORK/fl" | wc -l)" -eq 1 ] || fail "flight-max-files = 1 not applied beside labels"
case $(labels_of) in 'syscall="getppid",comm="'*) ;; *) fail "labels changed without a restart" ;; esac
echo "ok   SIGHUP, labels changed: said to need a restart, the old labels kept"

# 4. bad configs keep the one in use: a bad value, then a bad drop-in
cp "$WORK/r.conf" "$WORK/r.good"
printf 'flight-max-files = 3\ntop = abc\n' >>"$WORK/r.conf"
hup_wait "reload: $WORK/r.conf:11: bad value for --top: 'abc'"
grep -q "reload: $WORK/r.conf:11: bad value for --top: 'abc' .* (the configuration in use is kept)" \
	"$WORK/r.err" || { cat "$WORK/r.err"; fail "the reload error line"; }
cp "$WORK/r.good" "$WORK/r.conf"
mkdir "$WORK/r.conf.d"
printf 'flight-max-files = 3\nno-such-key = 1\n' >"$WORK/r.conf.d/50-bad.conf"
hup_wait "reload: $WORK/r.conf.d/50-bad.conf:2: unknown key 'no-such-key'"
[ "$(curl -sf "http://127.0.0.1:$port/healthz")" = ok ] || fail "/healthz after bad reloads"
# flight-max-files is still 1 (not the 3 of either bad config)
crash 6
[ "$(ls "$WORK/fl" | wc -l)" -eq 1 ] || fail "a bad config's flight-max-files was applied"
stop_daemon
echo "ok   SIGHUP with a bad value or a bad drop-in: said why, configuration in use kept, serving"
