#!/bin/sh
# -e inject= / -e fault= (seccomp user notification, user/inject.c): the same calls are
# tampered with as under strace 6.1 with the same options, the lines end "(INJECTED)", the
# command's exit status is the same; signal=, children (-f), what the program sees; errors.
. "$(dirname "$0")/../lib.sh"
require_bpf

have_strace=false
command -v strace >/dev/null 2>&1 && have_strace=true

# addresses and pids differ between runs
norm() {
	sed -E 's/0x[0-9a-f]{6,}/ADDR/g; s/^[0-9]+ +//' "$1"
}

# compare NAME MIN-INJECTED-LINES OPTIONS... -- COMMAND...: bstrace's (INJECTED) lines and
# exit status against strace's (or, without strace, at least the expected count)
compare() {
	name=$1 want=$2
	shift 2
	"$BSTRACE" -o "$WORK/b" "$@" >"$WORK/b.out" 2>"$WORK/b.err"
	brc=$?
	n=$(grep -c '(INJECTED)' "$WORK/b")
	if [ "$n" -lt "$want" ]; then
		cat "$WORK/b" "$WORK/b.err"
		fail "$name: $n (INJECTED) lines, want $want or more"
	fi
	if $have_strace; then
		strace -o "$WORK/s" "$@" >"$WORK/s.out" 2>"$WORK/s.err"
		src=$?
		norm "$WORK/b" | grep '(INJECTED)' >"$WORK/b.inj"
		norm "$WORK/s" | grep '(INJECTED)' >"$WORK/s.inj"
		diff -u "$WORK/s.inj" "$WORK/b.inj" ||
			fail "$name: the (INJECTED) lines are not strace's"
		[ "$brc" -eq "$src" ] || fail "$name: exit status $brc, strace's $src"
		cmp -s "$WORK/b.out" "$WORK/s.out" || fail "$name: the command's output differs"
	fi
	echo "ok   $name: $n injected, exit $brc$($have_strace && echo ', as strace')"
}

# which_calls FIRST STEP LAST: in $WORK/b (one process), the numbers of the openat lines that
# are injected must be exactly FIRST, FIRST+STEP, ... up to LAST (0: no end) and the last one
# traced: the count follows how many openat calls ld.so and the locale make on this machine
which_calls() {
	got=$(awk '/^openat\(/ { n++; if (/\(INJECTED\)$/) printf "%s%d", (k++ ? " " : ""), n }' "$WORK/b")
	want=$(awk -v f="$1" -v s="$2" -v l="$3" '/^openat\(/ { n++ }
		END { for (i = f; i <= n && (l == 0 || i <= l); i += s) printf "%s%d", (k++ ? " " : ""), i }' \
		"$WORK/b")
	[ "$got" = "$want" ] || { cat "$WORK/b"; fail "when=$4: openat calls $got injected, want $want"; }
}

H=/etc/hostname
compare "when=3 (ld.so's and the locale's openat count)" 1 \
	-e inject=openat:error=ENOENT:when=3 -e trace=openat -- cat $H $H $H
grep -q '^openat(AT_FDCWD, "[^"]*", [A-Z_|]*) = -1 ENOENT (No such file or directory) (INJECTED)$' \
	"$WORK/b" || fail "the injected line is not strace's: $(grep INJECTED "$WORK/b")"
which_calls 3 1 3 3
compare "when=N+STEP" 1 -e inject=openat:error=EACCES:when=2+5 -e trace=openat -- cat $H $H $H
which_calls 2 5 0 2+5
compare "when=N+" 1 -e inject=openat:error=EACCES:when=5+ -e trace=openat -- cat $H $H $H
which_calls 5 1 0 5+
compare "when=N..M" 2 -e inject=openat:error=EPERM:when=4..6 -e trace=openat -- cat $H $H $H
which_calls 4 1 6 4..6
compare "the command sees the failure" 1 \
	-e inject=openat:error=ENOENT:when=2 -e trace=openat -- cat $H $H $H
compare "retval=" 1 -e inject=getpid:retval=42 -e trace=getpid -- sh -c 'true'
compare "retval= for an fd" 1 -e inject=openat:retval=42:when=3 -e trace=openat,newfstatat \
	-- cat $H
compare "fault= (ENOSYS)" 1 -e fault=openat:when=3 -e trace=openat -- cat $H
grep -q 'ENOSYS (Function not implemented) (INJECTED)$' "$WORK/b" || fail "fault= is not ENOSYS"
compare "two sets, counted per syscall" 1 -e inject=openat:error=ENOENT:when=3 \
	-e inject=close:error=EBADF:when=2 -e trace=openat,close -- cat $H

# signal=: delivered after the call, siginfo as the kernel's own (strace: SI_KERNEL)
compare "signal=" 0 -e inject=openat:signal=USR1:when=3 -e trace=openat -- cat $H
grep -qx -- '--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_KERNEL} ---' "$WORK/b" ||
	fail "no SIGUSR1 line: $(cat "$WORK/b")"
tail -n 1 "$WORK/b" | grep -qx '+++ killed by SIGUSR1 +++' || fail "not killed by SIGUSR1"
[ "$brc" -eq 138 ] || fail "signal=: exit status $brc, want 138"
compare "error= and signal=" 1 -e inject=openat:error=ENOENT:signal=USR1:when=3 -e trace=openat \
	-- cat $H

# children: each process counts from the start, as strace -f (the filter is inherited)
compare "-f: per process" 2 -f -e inject=openat:error=ENOENT:when=3 -e trace=openat \
	-- sh -c "cat $H; cat $H"
# bstrace's own calls in the child (its wait for us, the execve that starts the command) do not
# count, as strace does not count that execve
compare "the command's start is not counted" 2 -f -e inject=execve,read:error=ENOENT:when=2 \
	-e trace=execve,read -- sh -c "cat $H; cat $H"
compare "execve:when=1 is not the first execve" 0 -e inject=execve:error=ENOENT:when=1 \
	-e trace=execve -- true
# without -f only the command is tampered with, as strace without -f
compare "without -f: the command only" 1 -e inject=openat:error=ENOENT:when=1 -e trace=openat \
	-- sh -c "cat $H; cat $H; true"

# -T: an answered call's time is from the notification to the answer (delay_exit= included)
"$BSTRACE" -o "$WORK/t" -T -e inject=openat:error=ENOENT:when=3:delay_exit=200ms \
	-e trace=openat -- cat $H >/dev/null || fail "delay_exit: bstrace failed"
grep '(INJECTED)' "$WORK/t" | grep -Eq '<0\.(19|2[0-9])[0-9]*>$' ||
	fail "delay_exit=200ms not in -T: $(grep INJECTED "$WORK/t")"
echo "ok   delay_exit= with error=: the answer waits, -T shows it"
start=$(date +%s%N)
"$BSTRACE" -o /dev/null -e inject=openat:delay_enter=100ms:when=3..4 -- cat $H >/dev/null ||
	fail "delay_enter: bstrace failed"
took=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$took" -ge 200 ] || fail "delay_enter=100ms twice took $took ms"
echo "ok   delay_enter= holds the call ($took ms for 2 x 100 ms)"

# what the program can observe: a seccomp filter (mode 2), nothing else
out=$("$BSTRACE" -o /dev/null -e inject=openat:error=ENOENT:when=1000 -- \
	grep -E '^(Seccomp|Seccomp_filters|TracerPid):' /proc/self/status | tr '\t' ' ')
echo "$out" | grep -qx 'Seccomp: 2' || fail "Seccomp mode: $out"
echo "$out" | grep -qx 'Seccomp_filters: 1' || fail "filters: $out"
echo "$out" | grep -qx 'TracerPid: 0' || fail "traced: $out"
echo "ok   the program sees Seccomp: 2, one filter, no tracer"

# the calls not in the set are not held; the command's child outliving bstrace keeps working
"$BSTRACE" -o /dev/null -e inject=openat:error=ENOENT:when=10000 -- \
	sh -c "(sleep 0.5; cat $H > '$WORK/late') & exit 0" ||
	fail "outliving child: bstrace failed"
sleep 1.5
[ -s "$WORK/late" ] || fail "a child outliving bstrace could not open a file"
echo "ok   a child outliving bstrace still runs its calls (the listener is kept)"

# a 32-bit call (int 0x80: arch i386) of a 64-bit process passes the filter untouched, and no
# (INJECTED) is put on it, though its number (20: i386 getpid) is x86_64's writev
if [ "$(uname -m)" = x86_64 ] && command -v cc >/dev/null 2>&1; then
	cat >"$WORK/i386.c" <<'EOF'
#include <stdio.h>
#include <unistd.h>
#include <sys/syscall.h>
int main(void)
{
	long r;

	__asm__ volatile("int $0x80" : "=a"(r) : "a"(20L) : "memory");
	printf("%d %ld %ld\n", getpid(), r, (long)syscall(SYS_getpid));
	return 0;
}
EOF
	cc -O1 -o "$WORK/i386" "$WORK/i386.c" || fail "cannot build the int 0x80 program"
fi
# a kernel without IA32 emulation (CONFIG_IA32_EMULATION=n, ia32_emulation=0) kills the
# program at its int 0x80, traced or not
if [ -x "$WORK/i386" ] && ! "$WORK/i386" >/dev/null 2>&1; then
	echo "skip a 32-bit call: this kernel runs no int 0x80 (no IA32 emulation)"
elif [ -x "$WORK/i386" ]; then
	out=$("$BSTRACE" -o "$WORK/b" -e inject=writev,getpid:retval=42 -e trace=writev,getpid \
		"$WORK/i386")
	set -- $out
	# libc's getpid and the raw one are injected, the int 0x80 one gives the real pid
	[ "$1" = 42 ] && [ "$2" != 42 ] && [ "$2" -gt 0 ] && [ "$3" = 42 ] ||
		fail "int 0x80: $out (want 42, the pid, 42)"
	[ "$(grep -c '(INJECTED)' "$WORK/b")" -eq 2 ] || fail "int 0x80: $(cat "$WORK/b")"
	echo "ok   a 32-bit call passes untouched, not marked (INJECTED)"
fi

expect_error "cannot be used with -p" "$BSTRACE" -p $$ -e inject=openat:error=ENOENT
expect_error "invalid inject argument 'openat'" "$BSTRACE" -e inject=openat -- true
expect_error "invalid inject argument 'openat:when=0:error=EIO'" \
	"$BSTRACE" -e inject=openat:when=0:error=EIO -- true
expect_error "invalid inject argument 'openat:when=5..3:error=EIO'" \
	"$BSTRACE" -e inject=openat:when=5..3:error=EIO -- true
expect_error "invalid inject argument 'openat:error=ENOTANERRNO'" \
	"$BSTRACE" -e inject=openat:error=ENOTANERRNO -- true
expect_error "invalid inject argument 'openat:error=EIO:retval=1'" \
	"$BSTRACE" -e inject=openat:error=EIO:retval=1 -- true
expect_error "invalid inject argument 'openat:signal=SIGNOPE'" \
	"$BSTRACE" -e inject=openat:signal=SIGNOPE -- true
expect_error "invalid fault argument 'openat:retval=1'" "$BSTRACE" -e fault=openat:retval=1 -- true
expect_error "invalid system call 'opnat'" "$BSTRACE" -e inject=opnat:error=EIO -- true
expect_error "delay_exit= needs error= or retval=" \
	"$BSTRACE" -e inject=openat:delay_exit=10 -- true
expect_error "syscall= is not supported" "$BSTRACE" -e inject=openat:error=EIO:syscall=getpid -- true
echo "PASS"
