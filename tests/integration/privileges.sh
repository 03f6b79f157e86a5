#!/bin/sh
# Without CAP_BPF/CAP_PERFMON bstrace says what is missing, in one line, and exits non-zero;
# the command it was to launch is not left behind.
. "$(dirname "$0")/../lib.sh"
require_bpf

command -v setpriv >/dev/null || fail "setpriv (util-linux) is missing"
cp "$BSTRACE" "$WORK/bstrace"
chmod 755 "$WORK" "$WORK/bstrace"
expect_error "run as root or grant CAP_BPF and CAP_PERFMON" \
	setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
	"$WORK/bstrace" -- /bin/sleep 30
sleep 0.2
pgrep -u 65534 -f '^/bin/sleep 30$' >/dev/null && fail "the command was left running"
echo "ok   no orphaned child"

# A copy given CAP_BPF and CAP_PERFMON (setcap), run by an unprivileged user, traces no more
# than ptrace would let that user (user/perm.c).
command -v setcap >/dev/null || fail "setcap (libcap2-bin) is missing"
cp "$BSTRACE" "$WORK/capbs"
setcap cap_bpf,cap_perfmon+ep "$WORK/capbs" || fail "setcap failed on $WORK"
chmod 1777 "$WORK"
asuser() { setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all "$@"; }

sleep 30 &
rootpid=$!
expect_error "cannot attach to process $rootpid: permission denied" asuser "$WORK/capbs" -p $rootpid
kill $rootpid
expect_error "-a sees every user's processes: run as root" asuser "$WORK/capbs" -c -a --stop-after=1
# the same capabilities handed down as ambient ones (bstraced.service's AmbientCapabilities=):
# the administrator's grant, system-wide counts allowed
cp "$BSTRACE" "$WORK/plainbs"
chmod 755 "$WORK/plainbs"
setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=+bpf,+perfmon \
	--ambient-caps=+bpf,+perfmon "$WORK/plainbs" -c -a --stop-after=1 >"$WORK/amb.out" 2>&1 ||
	{ cat "$WORK/amb.out"; fail "-c -a with ambient CAP_BPF, CAP_PERFMON refused"; }
grep -q 'COUNT' "$WORK/amb.out" || fail "-c -a with ambient capabilities: no table"
echo "ok   -c -a with ambient CAP_BPF and CAP_PERFMON (a service's grant)"

# the user's own process: allowed, unless Yama forbids attaching to non-children
scope=$(cat /proc/sys/kernel/yama/ptrace_scope 2>/dev/null || echo 0)
if [ "$scope" = 0 ]; then
	asuser sh -c 'sleep 30 & p=$!; "$1" -p $p -e trace=none -o "$2" & b=$!; sleep 1
		kill $p; wait $b' sh "$WORK/capbs" "$WORK/own" >"$WORK/own.err" 2>&1
	grep -q '+++ killed by SIGTERM +++' "$WORK/own" || { cat "$WORK/own.err"; fail "-p own process"; }
	echo "ok   -p on the user's own process"
fi

# a launched set-group-ID program gains nothing (strace's tracee does not either)
asuser "$WORK/capbs" -e trace=openat -o "$WORK/sg" -- /usr/bin/chage -l nobody >/dev/null 2>&1
grep -q '"/etc/shadow"' "$WORK/sg" || { cat "$WORK/sg"; fail "no openat of /etc/shadow by chage"; }
grep -qE '"/etc/shadow".* = [0-9]' "$WORK/sg" && { cat "$WORK/sg"; fail "chage opened /etc/shadow"; }
echo "ok   launched set-group-ID chage runs without its privileges"

# -f over a process that executes it later: tracing stops at that execve
asuser sh -c 'sh -c "sleep 1; /usr/bin/chage -l nobody >/dev/null 2>&1; sleep 0.3" & p=$!
	"$1" -f -p $p -e trace=execve,openat,read -o "$2" & b=$!; wait $p; sleep 0.5; kill -INT $b
	wait $b' sh "$WORK/capbs" "$WORK/sf" >"$WORK/sf.err" 2>&1
grep -q '+++ not traced further: it executed a set-user-ID or capability program +++' "$WORK/sf" ||
	{ cat "$WORK/sf.err" "$WORK/sf"; fail "-f -p: no end of tracing at the privileged execve"; }
grep -q 'shadow' "$WORK/sf" && { cat "$WORK/sf"; fail "-f -p: the privileged program's calls"; }
grep -q 'execve("/usr/bin/sleep", \["sleep", "0.3"\]' "$WORK/sf" ||
	{ cat "$WORK/sf"; fail "-f -p: the unprivileged sibling is not traced"; }
echo "ok   -f -p: a privileged execve ends the tracing of that process, not of the others"

# installed set-user-ID: refused
cp "$BSTRACE" "$WORK/suidbs"
chmod 4755 "$WORK/suidbs"
expect_error "refusing to run set-user-ID" asuser "$WORK/suidbs" -- /bin/true
