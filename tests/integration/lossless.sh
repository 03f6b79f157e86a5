#!/bin/sh
# Lossless tracing: when the ring fills, the command bstrace started (in a cgroup of its own) is
# frozen until the ring is drained, so every call is in the trace and nothing says "lost"; the
# traced programs cannot tell (no SIGSTOP/SIGCONT, no stop reports to a waiting parent).
# --lossy drops records instead and says so. Also: execve from a non-leader thread under -f, and
# Ctrl-C detaching promptly from -p while a busy process keeps the ring full.
. "$(dirname "$0")/../lib.sh"
require_bpf

# the same byte-wise matching and sorting whatever the caller's locale (also for the tracees)
LC_ALL=C
export LC_ALL

bw=	# busy_writer pid, killed on any exit
tracer=
cleanup() {
	[ -n "$tracer" ] && kill -KILL "$tracer" 2>/dev/null
	[ -n "$bw" ] && kill -KILL "$bw" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

for h in wait_stop thread_exec busy_writer; do
	cc -O2 -pthread -o "$WORK/$h" "$SRCDIR/tests/helpers/$h.c" || fail "cannot build $h"
done

# unsplit FILE: the trace with "PID  " / "[pid N] " prefixes dropped and each
# "<unfinished ...>" line joined with its "<... NAME resumed>" line of the same pid, in the place
# of the latter: one line per completed call, as without -f. (String ops, not regexes: gawk
# is slow on millions of lines otherwise.)
unsplit() {
	awk '{
		l = $0
		pid = ""
		c = substr(l, 1, 1)
		if (c >= "0" && c <= "9" || c == "[") {
			n = index(l, c == "[" ? "] " : " ")
			pid = substr(l, 1, n)
			l = substr(l, n + 1)
			while (substr(l, 1, 1) == " ")
				l = substr(l, 2)
		}
		n = length(l) - 16
		if (n > 0 && substr(l, n) == " <unfinished ...>") {
			pend[pid] = substr(l, 1, n - 1)
			next
		}
		if (substr(l, 1, 5) == "<... " && (pid in pend)) {
			l = pend[pid] substr(l, index(l, " resumed>") + 9)
			delete pend[pid]
		}
		print l
	}' "$1"
}

# strip FILE: the trace without pid prefixes, lines as they are
strip() {
	sed 's/^\[pid  *[0-9]*\] //; s/^[0-9][0-9]*  *//' "$1"
}

# dd bs=1: every block is read(0, "\0", 1) = 1 and write(1, "\0", 1) = 1 (dd reports on fd 2;
# sh -c reads no script from fd 0)
count_dd() {
	reads=$(grep -c '^read(0, "\\0", 1) *= 1$' "$1")
	writes=$(grep -c '^write(1, "\\0", 1) *= 1$' "$1")
}

now_ms() {
	t=$(date +%s%N)
	case $t in
	*[!0-9]*) echo $(($(date +%s) * 1000)) ;;	# no %N: whole seconds will do
	*) echo $((t / 1000000)) ;;
	esac
}

# running PID: PID has not ended (a zombie not yet waited for has ended)
running() {
	[ -r "/proc/$1/stat" ] && [ "$(sed 's/.*) //; s/ .*//' "/proc/$1/stat" 2>/dev/null)" != Z ]
}

# Freezing needs a cgroup v2 hierarchy to make bstrace's cgroup in.
lossless=yes
if ! grep -q ' - cgroup2 ' /proc/self/mountinfo; then
	[ "${CI:-}" = true ] && fail "no cgroup v2 hierarchy mounted in CI: lossless tracing needs one"
	echo "SKIP: no cgroup v2 hierarchy mounted: lossless tracing (a-c) not tested"
	lossless=no
fi

if [ $lossless = yes ]; then
	# a. one process, a ring far too small for 2000000 calls: all of them, nothing lost
	timeout -k 10 150 "$BSTRACE" -b 65536 -o "$WORK/t" -- \
		dd if=/dev/zero of=/dev/null bs=1 count=1000000 2>"$WORK/err"
	rc=$?
	[ $rc -eq 0 ] || { cat "$WORK/err"; fail "dd: exit status $rc (124: it hung)"; }
	count_dd "$WORK/t"
	if [ "$reads" -ne 1000000 ] || [ "$writes" -ne 1000000 ] ||
		grep -q lost "$WORK/err" "$WORK/t"; then
		cat "$WORK/err"; grep lost "$WORK/t" | head -5
		fail "dd -b 65536: $reads reads, $writes writes traced, want 1000000 each and nothing lost"
	fi
	echo "ok   -b 65536 dd bs=1 count=1000000: $reads reads, $writes writes, nothing lost"

	# b. four processes at once under -f
	timeout -k 10 150 "$BSTRACE" -f -b 65536 -o "$WORK/t2" -- sh -c \
		'for i in 1 2 3 4; do dd if=/dev/zero of=/dev/null bs=1 count=250000 2>/dev/null & done; wait' \
		2>"$WORK/err2"
	rc=$?
	[ $rc -eq 0 ] || { cat "$WORK/err2"; fail "-f 4 x dd: exit status $rc (124: it hung)"; }
	unsplit "$WORK/t2" >"$WORK/t2.j"
	count_dd "$WORK/t2.j"
	if [ "$reads" -ne 1000000 ] || [ "$writes" -ne 1000000 ] ||
		grep -q lost "$WORK/err2" "$WORK/t2"; then
		cat "$WORK/err2"; grep lost "$WORK/t2" | head -5
		fail "-f 4 x dd: $reads reads, $writes writes traced, want 1000000 each and nothing lost"
	fi
	echo "ok   -f -b 65536 4 x dd bs=1 count=250000: $reads reads, $writes writes, nothing lost"

	# c. the pauses are invisible: a parent waiting with WUNTRACED|WCONTINUED sees only the exit,
	# neither gets SIGCONT (wait_stop's verdict is its exit status)
	timeout -k 10 150 "$BSTRACE" -f -b 65536 -o "$WORK/t3" -- "$WORK/wait_stop" 2>"$WORK/err3"
	rc=$?
	[ $rc -eq 0 ] || { cat "$WORK/err3"; fail "wait_stop: exit status $rc (124: it hung)"; }
	unsplit "$WORK/t3" >"$WORK/t3.j"
	# its own rt_sigaction(SIGCONT, ...) names the signal; nothing else may
	if grep -v '^rt_sigaction(' "$WORK/t3.j" | grep -E 'SIGCONT|SIGSTOP|CLD_STOPPED|CLD_CONTINUED' \
		>"$WORK/sig3"; then
		head -5 "$WORK/sig3"; fail "wait_stop: job control in the trace"
	fi
	n=$(grep -c '^getppid() *= [0-9]*$' "$WORK/t3.j")
	w=$(grep -c '^write([0-9]*, "x", 1) *= 1$' "$WORK/t3.j")
	if [ "$n" -ne 300000 ] || [ "$w" -ne 300000 ] || grep -q lost "$WORK/err3" "$WORK/t3"; then
		cat "$WORK/err3"
		fail "wait_stop: $n getppid, $w writes traced, want 300000 each and nothing lost"
	fi
	echo "ok   wait_stop under -f -b 65536: no stop or continue seen, $n + $w calls traced"
fi

# d. --lossy: a ring too small drops records, and says so in the trace and on stderr; a machine
# fast enough to keep up loses nothing and traces everything
timeout -k 10 150 "$BSTRACE" --lossy -b 4096 -o "$WORK/t4" -- \
	dd if=/dev/zero of=/dev/null bs=512 count=200000 2>"$WORK/err4"
rc=$?
[ $rc -eq 0 ] || { cat "$WORK/err4"; fail "--lossy: exit status $rc (124: it hung)"; }
# "N events lost" or "N calls lost, M records": the count, and a marker where they were lost
if grep -Eq '[0-9]+ (events|calls) lost' "$WORK/err4"; then
	grep -Eq '^<bstrace: [0-9]+ (events|calls) lost(, [0-9]+ records)?>$' "$WORK/t4" ||
		{ cat "$WORK/err4"; fail "--lossy: calls lost, but no marker in the trace"; }
	echo "ok   --lossy -b 4096: $(grep lost "$WORK/err4"), marked in the trace"
else
	n=$(grep -c '^read(0, ' "$WORK/t4")
	[ "$n" -eq 200000 ] || fail "--lossy: $n reads traced, want 200000, and no lost-events report"
	echo "ok   --lossy -b 4096: nothing lost, $n reads traced"
fi

# e. execve from a thread that is not the leader: the exec'd shell is traced, under the pid
# the program had, to its exit
timeout -k 10 60 "$BSTRACE" -f -o "$WORK/t5" -- "$WORK/thread_exec" >"$WORK/out5" 2>"$WORK/err5"
rc=$?
[ $rc -eq 7 ] || { cat "$WORK/err5"; fail "thread_exec: exit status $rc, want 7 (124: it hung)"; }
[ "$(cat "$WORK/out5")" = thread-exec ] ||
	{ cat "$WORK/out5" "$WORK/err5"; fail "thread_exec: stdout is not 'thread-exec'"; }
strip "$WORK/t5" >"$WORK/t5.s"
exec_line='execve("/bin/sh", ["sh", "-c", "echo thread-exec; exit 7"]'
# the execve returns 0 on its line, or on a later "<... execve resumed>" (maybe of another pid)
awk -v x="$exec_line" '
	!seen && index($0, x) == 1 { seen = 1; if ($0 ~ /\) *= 0$/) ok = 1; next }
	seen && /^<\.\.\. execve resumed>.*\) *= 0$/ { ok = 1 }
	END { exit !ok }' "$WORK/t5.s" ||
	{ tail -20 "$WORK/t5"; fail "thread_exec: no '$exec_line ...) = 0' in the trace"; }
grep -q '^write(1, "thread-exec\\n", 12) *= 12$' "$WORK/t5.s" ||
	{ tail -20 "$WORK/t5"; fail "thread_exec: no 'write(1, \"thread-exec\\n\", 12) = 12'"; }
last=$(tail -n 1 "$WORK/t5.s")
[ "$last" = "+++ exited with 7 +++" ] ||
	{ tail -20 "$WORK/t5"; fail "thread_exec: last line '$last', want '+++ exited with 7 +++'"; }

# after_exec FILE: the names of the calls made after the execve of the shell, sorted
after_exec() {
	awk -v x="$exec_line" 'seen && match($0, /^[a-z_0-9]+\(/) { print substr($0, 1, RLENGTH - 1) }
		index($0, x) == 1 { seen = 1 }' "$1" | sort -u
}
if command -v strace >/dev/null 2>&1; then
	strace -f -o "$WORK/s5" "$WORK/thread_exec" >/dev/null 2>"$WORK/serr5"
	src=$?
	strip "$WORK/s5" >"$WORK/s5.s" 2>/dev/null
	after_exec "$WORK/s5.s" >"$WORK/s5.names"
	if [ $src -ne 7 ] || [ ! -s "$WORK/s5.names" ]; then
		# strace itself could not trace here (ptrace refused): nothing to compare with
		echo "skip strace comparison: strace exited $src: $(head -n 1 "$WORK/serr5")"
		cmp=""
	else
		after_exec "$WORK/t5.s" >"$WORK/t5.names"
		missing=$(comm -23 "$WORK/s5.names" "$WORK/t5.names" | tr '\n' ' ')
		[ -z "$missing" ] || { cat "$WORK/s5"; tail -40 "$WORK/t5"
			fail "thread_exec: calls of the shell in strace's trace, not in bstrace's: $missing"; }
		cmp=", the shell's $(wc -l <"$WORK/s5.names") call names as in strace's"
	fi
else
	echo "skip strace comparison: strace is not installed"
	cmp=""
fi
echo "ok   -f execve from a non-leader thread: exit 7, execve = 0, write, exited with 7$cmp"

# f. -p: Ctrl-C detaches promptly even while 8 threads keep the ring full
"$WORK/busy_writer" 8 >"$WORK/bw.pid" &
bw=$!
i=0
until [ -s "$WORK/bw.pid" ]; do
	[ $i -lt 100 ] || fail "busy_writer printed no pid in 10 s"
	sleep 0.1; i=$((i + 1))
done
read -r pid <"$WORK/bw.pid"
[ "$pid" = "$bw" ] || fail "busy_writer says pid '$pid', started as $bw"
# -f: the writing is done by the threads, and -p alone follows only the one named
"$BSTRACE" -f -p "$pid" -o "$WORK/t6" 2>"$WORK/err6" &
tracer=$!
i=0
until grep -q 'write(' "$WORK/t6" 2>/dev/null; do
	running "$tracer" || { wait "$tracer"; rc=$?; cat "$WORK/err6"; fail "-p: bstrace exited $rc"; }
	[ $i -lt 200 ] || { cat "$WORK/err6"; fail "-p: no write( traced in 20 s"; }
	sleep 0.1; i=$((i + 1))
done
t0=$(now_ms)
kill -INT "$tracer"
# poll rather than wait: a bstrace that never ends must not hang the test
i=0
while running "$tracer"; do
	[ $i -lt 600 ] || { kill -KILL "$tracer"; cat "$WORK/err6"; fail "-p: Ctrl-C: no exit in 60 s"; }
	sleep 0.1; i=$((i + 1))
done
ms=$(($(now_ms) - t0))
wait "$tracer"
rc=$?
tracer=
running "$bw" || fail "-p: busy_writer died"
kill -KILL "$bw"
wait "$bw" 2>/dev/null
bw=
[ $rc -eq 0 ] || { cat "$WORK/err6"; fail "-p: exit status $rc after Ctrl-C"; }
grep -q "Process $pid detached" "$WORK/err6" || { cat "$WORK/err6"; fail "-p: no detach message"; }
[ $ms -le 10000 ] || fail "-p: Ctrl-C took $ms ms to detach, want well under 10 s (target 1 s)"
echo "ok   -p of 8 busy threads: Ctrl-C detached in $ms ms"

if [ $lossless = yes ]; then
	# d. the whole process group SIGKILLed (a job killed with kill -9 -PGID, a CI timeout):
	# the janitor, in a session of its own, still removes bstrace's cgroup
	setsid sh -c 'echo $$ > "$1"; exec "$2" -o /dev/null -- sleep 60' sh "$WORK/pg" "$BSTRACE" \
		2>"$WORK/err7" &
	i=0
	until [ -s "$WORK/pg" ] && spid=$(pgrep -P "$(cat "$WORK/pg")" -x sleep); do
		[ $i -lt 200 ] || { cat "$WORK/err7"; fail "kill -9 -PGID: the command did not start in 20 s"; }
		sleep 0.1; i=$((i + 1))
	done
	pg=$(cat "$WORK/pg")
	cg=$(sed -n 's/^0:://p' "/proc/$spid/cgroup")
	mnt=$(awk '$9 == "cgroup2" { print $5; exit }' /proc/self/mountinfo)
	case $cg in
	*/bstrace-"$pg") ;;
	*) fail "kill -9 -PGID: the command is in cgroup '$cg', not bstrace-$pg" ;;
	esac
	[ -d "$mnt$cg" ] || fail "kill -9 -PGID: no directory $mnt$cg"
	kill -KILL -- "-$pg"
	wait 2>/dev/null
	i=0
	while [ -d "$mnt$cg" ]; do
		[ $i -lt 300 ] || fail "kill -9 -PGID: $mnt$cg still there 30 s later"
		sleep 0.1; i=$((i + 1))
	done
	echo "ok   bstrace's process group killed: its cgroup removed after $((i * 100)) ms"
fi

if [ $lossless = no ]; then
	echo "SKIP: no cgroup v2 hierarchy mounted: lossless tracing (a-c) not tested"
	exit 77
fi
