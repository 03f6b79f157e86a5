#!/bin/sh
# -k (--stack-traces): under a traced line, the user-space stack that made the call, innermost
# first, as strace -k prints it (" > FILE(SYMBOL+0xOFF) [0xFILE_OFFSET]"), unwound with libdw from
# the copy of the stack taken in the kernel: cat's open of /etc/hostname (libc, then cat), the
# known chain of tests/helpers/stack_chain.c (built without frame pointers: CFI only), the same
# frames and whole traces as strace -k's where it has -k (with -f and a signal's stack too), a
# path with a control byte printed escaped, --stack-trace-size, and the errors. A bstrace built
# without libdw skips (77), except with CI=true.
. "$(dirname "$0")/../lib.sh"
require_bpf
command -v cc >/dev/null || { echo "SKIP: no C compiler"; exit 77; }

if ! "$BSTRACE" -k -e trace=none -o /dev/null -- /bin/true >/dev/null 2>"$WORK/k.err"; then
	if grep -q "built without" "$WORK/k.err"; then
		[ "${CI:-}" = true ] && fail "-k is not built in CI: $(cat "$WORK/k.err")"
		echo "SKIP: $(cat "$WORK/k.err")"
		exit 77
	fi
	fail "-k on /bin/true: $(cat "$WORK/k.err")"
fi

# strace -k where this strace has it (built with libdw or libunwind)
strace_k=false
if command -v strace >/dev/null 2>&1; then
	if strace -k -e trace=none -o /dev/null -- /bin/true >/dev/null 2>"$WORK/sk.err"; then
		strace_k=true
	else
		echo "skip the comparison with strace -k: $(head -n 1 "$WORK/sk.err")"
	fi
else
	echo "skip the comparison with strace -k: no strace"
fi

# the files as /proc/PID/maps names them, which is what the frames show
REAL=$(cd "$WORK" && pwd -P)
CAT=$(readlink -f "$(command -v cat)")
ESC=$(printf '\033')

cc -O2 -fomit-frame-pointer -fasynchronous-unwind-tables -Wall -Wextra -Werror -pthread \
	-o "$WORK/stack_chain" "$SRCDIR/tests/helpers/stack_chain.c" || fail "cannot build stack_chain"
CHAIN="$REAL/stack_chain"
HOST_LINE='openat(AT_FDCWD, "/etc/hostname", O_RDONLY) = '  # any fd: CI may hand us more than 0-2
CHAIN_LINE='openat(AT_FDCWD, "/nonexistent/bstrace-stack", O_RDONLY) = -1 ENOENT'

# frames FILE LINE: the frame lines under the first line of FILE that starts with LINE (a
# pid in front of a line is dropped: the only thing that differs between two runs)
frames() {
	sed -E 's/^[0-9]+ +//' "$1" | L=$2 awk '
		found && /^ > / { print; next }
		found { exit }
		index($0, ENVIRON["L"]) == 1 { found = 1 }'
}

# trace_k NAME FILE LINE OPTIONS... -- COMMAND...: bstrace -k -o FILE, and FILE.frames the frames
# under LINE, one or more, each " > SOMETHING [0xHEX]" and none with a control byte
trace_k() {
	name=$1 out=$2 line=$3
	shift 3
	"$BSTRACE" -k -e trace=openat -o "$out" "$@" >"$out.stdout" 2>"$out.err" ||
		{ cat "$out.err"; fail "$name: bstrace -k exit status $?"; }
	frames "$out" "$line" >"$out.frames"
	[ -s "$out.frames" ] || { cat "$out" "$out.err"; fail "$name: no frame lines under '$line'"; }
	if LC_ALL=C grep -n '[[:cntrl:]]' "$out.frames" | cat -v | grep .; then
		fail "$name: a frame line with a raw control byte"
	fi
	if grep -Ev '^ > [^ ].* \[0x[0-9a-f]+\]$' "$out.frames"; then
		fail "$name: not a frame line as strace -k prints one"
	fi
}

# the names libc's open has (aliases of one address: libdw gives one of them), with strace's if
# it names it another way
OPEN_NAMES="__libc_open64 __open64 open64 __libc_open __open open"
if $strace_k; then
	strace -k -e trace=openat -o "$WORK/s.cat" -- cat /etc/hostname >/dev/null ||
		fail "strace -k cat failed"
	sname=$(frames "$WORK/s.cat" "$HOST_LINE" | head -n 1 |
		sed -n 's/^ > .*\/libc\.so\.6(\([^+)]*\)+0x[0-9a-f]*) \[0x[0-9a-f]*\]$/\1/p')
	case " $OPEN_NAMES " in
	*" $sname "*) ;;
	"  ") fail "strace -k: no libc frame first under '$HOST_LINE'" ;;
	*) echo "note: strace names libc's open $sname"; OPEN_NAMES="$OPEN_NAMES $sname" ;;
	esac
fi

# libc_open_first FRAMES-FILE: the first frame is libc's open
libc_open_first() {
	first=$(head -n 1 "$1")
	sym=$(echo "$first" | sed -n 's/^ > \/.*\/libc\.so\.6(\([^+)]*\)+0x[0-9a-f]*) \[0x[0-9a-f]*\]$/\1/p')
	case " $OPEN_NAMES " in
	*" $sym "*) [ -n "$sym" ] ;;
	*) false ;;
	esac || fail "the first frame is not libc's open ($OPEN_NAMES): $first"
}

# a. cat /etc/hostname: libc's open, then cat (stripped: no symbol, "cat() [0x...]")
trace_k "cat" "$WORK/b.cat" "$HOST_LINE" -- cat /etc/hostname
cmp -s "$WORK/b.cat.stdout" /etc/hostname || fail "cat's output under -k is not /etc/hostname"
libc_open_first "$WORK/b.cat.frames"
C=$CAT awk 'index($0, " > " ENVIRON["C"] "(") == 1 && /\) \[0x[0-9a-f]+\]$/ { n++ }
	END { exit !n }' "$WORK/b.cat.frames" ||
	{ cat "$WORK/b.cat.frames"; fail "cat: no frame in $CAT"; }
echo "ok   cat /etc/hostname: $(wc -l <"$WORK/b.cat.frames") frames, libc's open first, then $CAT"

# check_chain FRAMES-FILE BIN NAME: libc's frame(s), then BIN's inner_fn, middle_fn, outer_fn and
# main one after the other (no call of the chain is inlined or a tail call), and the unwind
# goes on to BIN's _start
check_chain() {
	B=$2 awk '
	BEGIN { b = ENVIRON["B"]; n = split("inner_fn middle_fn outer_fn main", names, " ") }
	{ line[NR] = $0 }
	END {
		i = 1
		while (i <= NR && line[i] ~ /^ > \/([^ ]*\/)?libc\.so\.6\(/)
			i++
		if (i == 1) { print "the first frame is not in libc: " line[1]; exit 1 }
		for (k = 1; k <= n; k++) {
			p = " > " b "(" names[k] "+0x"
			if (index(line[i], p) != 1 || line[i] !~ /\+0x[0-9a-f]+\) \[0x[0-9a-f]+\]$/) {
				printf "frame %d is not %s...: %s\n", i, p, line[i]
				exit 1
			}
			i++
		}
		if (index(line[NR], " > " b "(_start+0x") != 1) {
			print "the last frame is not " b "(_start+0x...): " line[NR]
			exit 1
		}
	}' "$1" || { cat "$1"; fail "$3: not the chain libc, inner_fn, middle_fn, outer_fn, main"; }
}

# b. the known chain, unwound with the CFI alone
trace_k "stack_chain" "$WORK/b.chain" "$CHAIN_LINE" -- "$WORK/stack_chain"
libc_open_first "$WORK/b.chain.frames"
check_chain "$WORK/b.chain.frames" "$CHAIN" "stack_chain"
# each SYMBOL+0xOFF is inside that function (nm -S), and [0x...] - OFF is the symbol's address
# plus one bias for the whole file (0 where text has the same file offset and address)
if command -v nm >/dev/null 2>&1; then
	nm -S "$WORK/stack_chain" >"$WORK/nm"
	sed -n -E 's/^ > .*\((inner_fn|middle_fn|outer_fn|main)\+(0x[0-9a-f]+)\) \[(0x[0-9a-f]+)\]$/\1 \2 \3/p' \
		"$WORK/b.chain.frames" >"$WORK/chain.syms"
	bias=
	while read -r sym off at; do
		# shellcheck disable=SC2046
		set -- $(awk -v s="$sym" '$4 == s && NF == 4 { print $1, $2 }' "$WORK/nm")
		[ $# -eq 2 ] || fail "nm: no size for $sym"
		[ $((off)) -lt $((0x$2)) ] || fail "$sym+$off is past the end of $sym (size 0x$2)"
		b=$((at - off - 0x$1))
		[ -z "$bias" ] || [ "$b" -eq "$bias" ] ||
			fail "$sym+$off [$at]: not at $sym (0x$1) as the other frames"
		bias=$b
	done <"$WORK/chain.syms"
	[ "$(wc -l <"$WORK/chain.syms")" -eq 4 ] || fail "not the 4 frames of the chain"
	echo "ok   stack_chain: libc, inner_fn, middle_fn, outer_fn, main in order, to _start; each offset inside its function"
else
	echo "ok   stack_chain: libc, inner_fn, middle_fn, outer_fn, main in order, to _start"
fi

# --stack-trace-size: the most gives the default's frames (the default already reaches _start),
# the least (256) a first part of them: a stack copy too short ends the trace early, never with
# a frame that is not there
trace_k "--stack-trace-size=65536" "$WORK/b.max" "$CHAIN_LINE" --stack-trace-size=65536 -- \
	"$WORK/stack_chain"
diff -u "$WORK/b.chain.frames" "$WORK/b.max.frames" ||
	fail "--stack-trace-size=65536: not the frames of the default size"
trace_k "--stack-trace-size=256" "$WORK/b.min" "$CHAIN_LINE" --stack-trace-size=256 -- \
	"$WORK/stack_chain"
head -n "$(wc -l <"$WORK/b.min.frames")" "$WORK/b.chain.frames" | diff -u - "$WORK/b.min.frames" ||
	fail "--stack-trace-size=256: not a first part of the default's frames"
echo "ok   --stack-trace-size=65536: the same frames; =256: the first $(wc -l <"$WORK/b.min.frames")"

# c. the same frames as strace -k's (file offsets: the same in every run on this machine)
if $strace_k; then
	frames "$WORK/s.cat" "$HOST_LINE" >"$WORK/s.cat.frames"
	diff -u "$WORK/s.cat.frames" "$WORK/b.cat.frames" || fail "cat: not strace -k's frames"
	strace -k -e trace=openat -o "$WORK/s.chain" -- "$WORK/stack_chain" ||
		fail "strace -k stack_chain failed"
	frames "$WORK/s.chain" "$CHAIN_LINE" >"$WORK/s.chain.frames"
	[ -s "$WORK/s.chain.frames" ] || fail "strace -k: no frames for stack_chain"
	diff -u "$WORK/s.chain.frames" "$WORK/b.chain.frames" ||
		fail "stack_chain: not strace -k's frames"
	echo "ok   cat and stack_chain: the frames of strace -k"
	# the whole traces too: every openat's stack, ld.so's and the locale's included
	for f in cat chain; do
		sed -E 's/^[0-9]+ +//' "$WORK/s.$f" >"$WORK/s.$f.n"
		sed -E 's/^[0-9]+ +//' "$WORK/b.$f" >"$WORK/b.$f.n"
		diff -u "$WORK/s.$f.n" "$WORK/b.$f.n" || fail "$f: not strace -k's trace"
	done
	echo "ok   cat and stack_chain: the whole traces of strace -k ($(grep -c '^ > ' "$WORK/b.cat") and $(grep -c '^ > ' "$WORK/b.chain") frame lines)"
	# children (-f) and a delivered signal (sh's SIGCHLD, with the stack it came in on); pids
	# and the child's times masked
	cmd="cat /etc/hostname; $WORK/stack_chain"
	strace -f -k -e trace=openat,write -o "$WORK/s.f" -- sh -c "$cmd" >/dev/null ||
		fail "strace -f -k failed"
	"$BSTRACE" -f -k -e trace=openat,write -o "$WORK/b.f" -- sh -c "$cmd" >/dev/null ||
		fail "bstrace -f -k failed"
	for f in s b; do
		sed -E 's/^[0-9]+ +//; s/si_pid=[0-9]+/si_pid=PID/
			s/si_utime=[^,]*, si_stime=[^}]*/si_utime=T, si_stime=T/' "$WORK/$f.f" >"$WORK/$f.f.n"
	done
	diff -u "$WORK/s.f.n" "$WORK/b.f.n" || fail "-f -k: not strace -k's trace"
	grep -q '^--- SIGCHLD' "$WORK/b.f.n" || fail "-f -k: no SIGCHLD line to check"
	echo "ok   -f -k: $(wc -l <"$WORK/b.f.n") lines as strace's, SIGCHLD's stack included"
fi

# g. the chain in a second thread: its stack is a mapping libc made (the copy is the whole size,
# or page by page to the mapping's end), not the main stack; thread_main is below outer_fn
trace_k "thread" "$WORK/b.thr" "$CHAIN_LINE" -f -- "$WORK/stack_chain" thread
awk '
	BEGIN { n = split("inner_fn middle_fn outer_fn thread_main", names, " "); k = 1 }
	k <= n && index($0, "(" names[k] "+0x") { k++ }
	END { exit k <= n }' "$WORK/b.thr.frames" ||
	{ cat "$WORK/b.thr.frames"; fail "thread: not inner_fn, middle_fn, outer_fn, thread_main in order"; }
if $strace_k; then
	strace -f -k -e trace=openat -o "$WORK/s.thr" -- "$WORK/stack_chain" thread ||
		fail "strace -k stack_chain thread failed"
	frames "$WORK/s.thr" "$CHAIN_LINE" >"$WORK/s.thr.frames"
	diff -u "$WORK/s.thr.frames" "$WORK/b.thr.frames" || fail "thread: not strace -k's frames"
fi
echo "ok   a thread's stack: $(wc -l <"$WORK/b.thr.frames") frames, thread_main below the chain"

# f. a successful execve: its registers are the new program's, so its one frame is the dynamic
# loader's entry point (strace -k prints the same)
"$BSTRACE" -k -e trace=execve -o "$WORK/b.exec" -- cat /etc/hostname >/dev/null ||
	fail "bstrace -k -e trace=execve failed"
sed -n '2p' "$WORK/b.exec" | grep -Eq '^ > /[^ ]*/ld-linux[^ ]*\.so\.[0-9]+\([^ ]*\) \[0x[0-9a-f]+\]$' ||
	{ cat "$WORK/b.exec"; fail "execve: not one frame in the dynamic loader under its line"; }
if $strace_k; then
	strace -k -e trace=execve -o "$WORK/s.exec" -- cat /etc/hostname >/dev/null ||
		fail "strace -k -e trace=execve failed"
	for f in s b; do
		sed -E 's/0x[0-9a-f]+ \/\*/ENV \/*/' "$WORK/$f.exec" >"$WORK/$f.exec.n"
	done
	diff -u "$WORK/s.exec.n" "$WORK/b.exec.n" || fail "execve: not strace -k's trace"
fi
echo "ok   execve: one frame, the dynamic loader's entry point"

# e. a file name with a control byte (ESC) is printed escaped as in a string ("\33"), so no
# frame line carries a raw one (strace 6.1 -k prints it raw: compared only if strace escapes it)
cp "$WORK/stack_chain" "$WORK/sc${ESC}x" || fail "cannot copy stack_chain"
trace_k "ESC in the path" "$WORK/b.esc" "$CHAIN_LINE" -- "$WORK/sc${ESC}x"
if grep -n "$ESC" "$WORK/b.esc" | cat -v | grep .; then
	fail "ESC in the path: a raw ESC byte in the output"
fi
check_chain "$WORK/b.esc.frames" "$REAL/sc\\33x" "ESC in the path"
if $strace_k; then
	strace -k -e trace=openat -o "$WORK/s.esc" -- "$WORK/sc${ESC}x" ||
		fail "strace -k on the ESC path failed"
	frames "$WORK/s.esc" "$CHAIN_LINE" >"$WORK/s.esc.frames"
	if grep -q "$ESC" "$WORK/s.esc.frames"; then
		echo "note: strace -k prints the ESC byte of the path raw; bstrace escapes it"
	else
		diff -u "$WORK/s.esc.frames" "$WORK/b.esc.frames" ||
			fail "ESC in the path: not strace -k's frames"
	fi
fi
printf '%s\n' "ok   a path with ESC: printed $REAL/sc\\33x(...), no raw control byte"

# d. errors
expect_error "stack-trace-size" "$BSTRACE" -k --stack-trace-size=0 -- true
expect_error "stack-trace-size" "$BSTRACE" -k --stack-trace-size=abc -- true
expect_error "stack-trace-size" "$BSTRACE" -k --stack-trace-size=100000000 -- true
expect_error "stack-trace-size" "$BSTRACE" --stack-trace-size=4096 -- true
expect_error "-k prints stacks" "$BSTRACE" -k -c -- true
expect_error "-k prints stacks" "$BSTRACE" -k --json -- true
echo "PASS"
