#!/bin/sh
# 32-bit programs on the 64-bit kernel (x86_64's ia32 emulation): the calls get their i386 names
# and the lines strace prints for them, "[ Process PID=N runs in 32 bit mode. ]" comes before the
# first one, and -c counts them in strace's second table. tools/test.sh installs gcc-multilib;
# without it (or on another arch) the test skips, in CI too only where the arch has no i386.
. "$(dirname "$0")/../lib.sh"
require_bpf

[ "$(uname -m)" = x86_64 ] || { echo "SKIP: i386 compat is tested on x86_64 only"; exit 77; }
if ! cc -m32 -O1 -o "$WORK/c32" "$SRCDIR/tests/helpers/compat32.c" 2>"$WORK/cc.err"; then
	[ "${CI:-}" = true ] && { cat "$WORK/cc.err"; fail "cannot build a 32-bit program (gcc-multilib)"; }
	echo "SKIP: no 32-bit toolchain (apt-get install gcc-multilib)"; exit 77
fi
"$WORK/c32" >/dev/null
if [ $? -ne 3 ]; then
	echo "SKIP: this kernel runs no 32-bit programs (CONFIG_IA32_EMULATION)"; exit 77
fi

# the same lines as strace, addresses and pids masked
calls=openat,read,write,close,getppid,getuid32,clock_gettime64,mmap2,munmap,exit_group
norm() {
	sed -E -e 's/0x[0-9a-f]{5,}/ADDR/g' -e 's/= [0-9]+$/= N/' \
		-e 's/(tv_sec|tv_nsec)=[0-9]+/\1=T/g' -e 's/PID=[0-9]+/PID=P/' "$1"
}
strace -qq -e trace=$calls -o "$WORK/s" "$WORK/c32" >/dev/null
"$BSTRACE" -qq -e trace=$calls -o "$WORK/b" -- "$WORK/c32" >/dev/null
rc=$?
[ $rc -eq 3 ] || fail "exit status $rc, want 3"
norm "$WORK/s" >"$WORK/s.n"
norm "$WORK/b" >"$WORK/b.n"
# every line of the traced calls, the dynamic loader's included
diff -u "$WORK/s.n" "$WORK/b.n" >"$WORK/d" || { cat "$WORK/d"; fail "lines differ from strace's"; }
grep -qE '^getppid\(\) += N$' "$WORK/b.n" || fail "no getppid line"
grep -qE '^getuid32\(\) += N$' "$WORK/b.n" || fail "no getuid32 line"
grep -qE '^clock_gettime64\(CLOCK_MONOTONIC, \{tv_sec=T, tv_nsec=T\}\) += N$' "$WORK/b.n" ||
	fail "clock_gettime64 not decoded: $(grep clock_gettime "$WORK/b")"
grep -q 'ENOENT' "$WORK/b" || fail "no failed open"
echo "ok   $(wc -l <"$WORK/b") lines of a 32-bit program, as strace prints them"

# no x86_64 name for an i386 number: x86_64's 110 is getppid, i386's 110 is iopl; i386's 64 is
# getppid, x86_64's 64 is semget
"$BSTRACE" -o "$WORK/all" -- "$WORK/c32" >/dev/null
grep -qE '^(iopl|semget)\(' "$WORK/all" && fail "a 64-bit name for a 32-bit call"
[ "$(grep -c '^\[ Process PID=[0-9]* runs in 32 bit mode. \]$' "$WORK/all")" -eq 1 ] ||
	fail "personality message: $(grep Process "$WORK/all")"
head -n 1 "$WORK/all" | grep -q '^execve("'"$WORK"'/c32", \["'"$WORK"'/c32"\], ' ||
	fail "execve line: $(head -n 1 "$WORK/all")"
sed -n 2p "$WORK/all" | grep -q '^\[ Process PID' || fail "message not right after execve"
echo "ok   personality message after execve, no 64-bit names"
# -q hides it, as strace's -q
"$BSTRACE" -q -o "$WORK/q" -- "$WORK/c32" >/dev/null
grep -q 'bit mode' "$WORK/q" && fail "-q printed the personality message"
echo "ok   -q hides it"

# -f from a 64-bit shell: the child's 32-bit calls, its exit status
"$BSTRACE" -f -o "$WORK/f" -- sh -c '"$1"; echo "rc=$?"' sh "$WORK/c32" >"$WORK/f.out"
grep -q 'rc=3' "$WORK/f.out" || fail "-f: status lost: $(cat "$WORK/f.out")"
grep -qE '^[0-9]+ +\[ Process PID=[0-9]+ runs in 32 bit mode. \]$' "$WORK/f" ||
	fail "-f: no personality message"
grep -qE '^[0-9]+ +getppid\(\) += [0-9]+$' "$WORK/f" || fail "-f: no getppid"
grep -qE '^[0-9]+ +\+\+\+ exited with 3 \+\+\+$' "$WORK/f" || fail "-f: no exit 3"
echo "ok   -f over a 64-bit shell"

# -c: strace's second table, with the same counts as strace's
strace -c -o "$WORK/sc" "$WORK/c32" >/dev/null
"$BSTRACE" -c -o "$WORK/bc" -- "$WORK/c32" >/dev/null
grep -qx 'System call usage summary for 32 bit mode:' "$WORK/bc" || fail "-c: no 32-bit table"
for c in getppid getuid32 clock_gettime64 mmap2 openat; do
	want=$(sed -n '/32 bit mode/,$p' "$WORK/sc" | awk -v c=$c '$NF == c { print $4 "/" (NF == 6 ? $5 : 0) }')
	got=$(sed -n '/32 bit mode/,$p' "$WORK/bc" | awk -v c=$c '$NF == c { print $4 "/" (NF == 6 ? $5 : 0) }')
	[ -n "$want" ] && [ "$want" = "$got" ] || fail "-c $c: strace '$want', bstrace '$got'"
done
sed -n '1,/32 bit mode/p' "$WORK/bc" | grep -q ' execve$' || fail "-c: execve not in the 64-bit table"
echo "ok   -c: the 32-bit table, counts as strace's"
