#!/bin/sh
# -k / --stack-traces: under each traced line the user-space stack that made the call, as
# strace -k prints it: frames in libc and in the program, named from the files' symbol tables,
# a known call chain frame by frame (built without frame pointers: the unwinder reads the CFI),
# children (-f) and signals, escaped paths, the errors of --stack-trace-size. Compared with
# strace -k's own lines where strace has -k.
. "$(dirname "$0")/../lib.sh"
require_bpf

if "$BSTRACE" -k -e trace=none -- /bin/true 2>"$WORK/k.err"; then
	:
elif grep -q 'built without' "$WORK/k.err"; then
	[ "${CI:-}" = true ] && fail "CI builds bstrace with libdw: $(cat "$WORK/k.err")"
	echo "SKIP: $(cat "$WORK/k.err")"
	exit 77
else
	cat "$WORK/k.err"
	fail "bstrace -k does not start"
fi
command -v cc >/dev/null || { echo "SKIP: no C compiler"; exit 77; }
cc -O2 -fomit-frame-pointer -fasynchronous-unwind-tables -Wall -Wextra -Werror \
	-o "$WORK/stack_chain" "$SRCDIR/tests/helpers/stack_chain.c" || fail "cannot build stack_chain"

have_k=false
strace -k -e trace=none /bin/true >/dev/null 2>&1 && have_k=true

# frames TEXT FILE: the " > " lines right under the first line containing TEXT
frames() {
	awk -v t="$1" 'found && /^ > / { print; next } found { exit } index($0, t) { found = 1 }' "$2"
}

# 1. cat: the openat of the file, a libc frame with a name first, then cat's own frames
"$BSTRACE" -k -e trace=openat -o "$WORK/cat.b" -- cat /etc/hostname >/dev/null ||
	fail "bstrace -k cat failed"
frames 'openat(AT_FDCWD, "/etc/hostname"' "$WORK/cat.b" >"$WORK/cat.f"
[ -s "$WORK/cat.f" ] || { cat "$WORK/cat.b"; fail "cat: no frames under the openat"; }
head -n 1 "$WORK/cat.f" | grep -Eq '^ > /[^ ]*libc\.so\.6\([A-Za-z_][A-Za-z0-9_]*\+0x[0-9a-f]+\) \[0x[0-9a-f]+\]$' ||
	{ cat "$WORK/cat.f"; fail "cat: the first frame is not a named one in libc"; }
grep -Eq '^ > /[^ ]*/cat\(\) \[0x[0-9a-f]+\]$' "$WORK/cat.f" ||
	{ cat "$WORK/cat.f"; fail "cat: no frame in cat"; }
echo "ok   cat: $(wc -l <"$WORK/cat.f") frames under openat(/etc/hostname), libc first, cat's own"

# 2. the known chain: inner_fn, middle_fn, outer_fn, main, in this order, in the program's file
"$BSTRACE" -k -e trace=openat -o "$WORK/chain.b" -- "$WORK/stack_chain" ||
	fail "bstrace -k stack_chain failed"
frames 'bstrace-stack' "$WORK/chain.b" >"$WORK/chain.f"
awk -v bin="$WORK/stack_chain" '
	BEGIN { n = split("inner_fn middle_fn outer_fn main", want, " "); k = 1 }
	k <= n && index($0, " > " bin "(" want[k] "+0x") == 1 { k++ }
	END { exit k <= n }' "$WORK/chain.f" ||
	{ cat "$WORK/chain.b"; fail "stack_chain: not inner_fn, middle_fn, outer_fn, main in order"; }
sed -n 1p "$WORK/chain.f" | grep -q 'libc\.so\.6(' ||
	{ cat "$WORK/chain.f"; fail "stack_chain: the innermost frame is not libc's open"; }
echo "ok   stack_chain: inner_fn < middle_fn < outer_fn < main, without frame pointers"

# 3. strace's own lines (file offsets do not depend on where things were mapped)
if $have_k; then
	for prog in "cat /etc/hostname" "$WORK/stack_chain"; do
		# shellcheck disable=SC2086
		strace -k -e trace=openat -o "$WORK/s" $prog >/dev/null
		# shellcheck disable=SC2086
		"$BSTRACE" -k -e trace=openat -o "$WORK/b" -- $prog >/dev/null
		diff -u "$WORK/s" "$WORK/b" || fail "-k: not strace's lines for $prog"
		echo "ok   $prog: $(grep -c '^ > ' "$WORK/b") frame lines, as strace -k prints them"
	done
	# children and a delivered signal (SIGCHLD) have their stacks too; pids masked
	cmd="cat /etc/hostname; $WORK/stack_chain"
	strace -f -k -e trace=openat,write -o "$WORK/s" sh -c "$cmd" >/dev/null
	"$BSTRACE" -f -k -e trace=openat,write -o "$WORK/b" -- sh -c "$cmd" >/dev/null
	for f in s b; do
		sed -E 's/^[0-9]+ +//; s/si_pid=[0-9]+/si_pid=PID/
			s/si_utime=[^,]*, si_stime=[^}]*/si_utime=T, si_stime=T/' "$WORK/$f" >"$WORK/$f.n"
	done
	diff -u "$WORK/s.n" "$WORK/b.n" || fail "-f -k: not strace's lines"
	grep -q '^--- SIGCHLD' "$WORK/b.n" || fail "-f -k: no SIGCHLD line to check"
	echo "ok   -f -k: $(wc -l <"$WORK/b.n") lines as strace's, SIGCHLD's stack included"
else
	echo "ok   (strace without -k here: no comparison)"
fi

# 4. a path with a control byte is printed escaped (strace prints the byte itself)
esc=$(printf '\033')
cp "$WORK/stack_chain" "$WORK/sc${esc}x"
"$BSTRACE" -k -e trace=openat -o "$WORK/esc.b" -- "$WORK/sc${esc}x" || fail "escaped path run failed"
grep -q "$esc" "$WORK/esc.b" && fail "a raw ESC byte in the output"
grep -qF "/sc\\33x(inner_fn+0x" "$WORK/esc.b" || { cat "$WORK/esc.b"; fail "no escaped path"; }
printf "%s\n" "ok   a path with ESC prints as sc\\33x"

# 5. a small stack copy ends the trace early, it does not fail
"$BSTRACE" -k --stack-trace-size=256 -e trace=openat -o "$WORK/small.b" -- "$WORK/stack_chain" ||
	fail "--stack-trace-size=256 failed"
[ -n "$(frames 'bstrace-stack' "$WORK/small.b")" ] || fail "--stack-trace-size=256: no frame"
echo "ok   --stack-trace-size=256: $(frames 'bstrace-stack' "$WORK/small.b" | wc -l) frames"

# 6. errors
expect_error "--stack-trace-size" "$BSTRACE" -k --stack-trace-size=0 -- /bin/true
expect_error "--stack-trace-size" "$BSTRACE" -k --stack-trace-size=abc -- /bin/true
expect_error "--stack-trace-size" "$BSTRACE" -k --stack-trace-size=100000000 -- /bin/true
expect_error "--stack-trace-size is for -k" "$BSTRACE" --stack-trace-size=4096 -- /bin/true
expect_error "-k prints stacks" "$BSTRACE" -k -c -- /bin/true
expect_error "-k prints stacks" "$BSTRACE" -k --json -- /bin/true
