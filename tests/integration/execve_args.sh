#!/bin/sh
# execve's pathname and argv are printed as strace prints them, also when they are string
# literals in a page the program never touched before the call (the kernel side copies them
# again from the new program's stack after the exec); an unreadable element is an address.
. "$(dirname "$0")/../lib.sh"
require_bpf

cc -O2 -o "$WORK/exec_literals" "$SRCDIR/tests/helpers/exec_literals.c" || fail "cannot build"
want='execve("/bin/sh", ["sh", "-c", "exit 4"], '
for mode in "" "-f"; do
	"$BSTRACE" $mode -o "$WORK/t" -- "$WORK/exec_literals" 2>"$WORK/err"
	rc=$?
	[ $rc -eq 4 ] || { cat "$WORK/err"; fail "exit status $rc, want 4"; }
	grep -qF "$want" "$WORK/t" || { grep execve "$WORK/t"; fail "no '$want' in the trace ($mode)"; }
	# the same line as strace's, but for the environment's address
	if command -v strace >/dev/null 2>&1; then
		strace $mode -o "$WORK/s" "$WORK/exec_literals"
		a=$(grep -F 'execve("/bin/sh"' "$WORK/t" | sed 's/^[0-9]* *//; s/0x[0-9a-f]*/ADDR/')
		b=$(grep -F 'execve("/bin/sh"' "$WORK/s" | sed 's/^[0-9]* *//; s/0x[0-9a-f]*/ADDR/')
		[ "$a" = "$b" ] || fail "bstrace: '$a'; strace: '$b'"
	fi
	echo "ok   execve of untouched literals $mode: $want..."
done

# a long argv: all of it with -v (strace prints every element), not cut at a fixed count
args=$(seq 1 200 | tr '\n' ' ')
"$BSTRACE" -v -e trace=execve -o "$WORK/t" -- /bin/echo $args >/dev/null ||
	fail "bstrace -v /bin/echo 1..200"
grep -qF '"199", "200"], [' "$WORK/t" || { cat "$WORK/t"; fail "-v: argv of 200 cut"; }
if command -v strace >/dev/null 2>&1; then
	strace -v -e trace=execve -o "$WORK/s" /bin/echo $args >/dev/null
	a=$(grep -o 'execve("/bin/echo", \[[^]]*\]' "$WORK/t")
	b=$(grep -o 'execve("/bin/echo", \[[^]]*\]' "$WORK/s")
	[ "$a" = "$b" ] || fail "-v argv of 200 differs from strace's"
fi
echo "ok   -v: an argv of 200 elements, as strace prints it"
# arguments larger than a record holds: the ones that fit, then "...", never a bare pointer
big=$(head -c 9000 /dev/zero | tr '\0' a)
"$BSTRACE" -s 8192 -e trace=execve -o "$WORK/t" -- /bin/echo "$big" "$big" x >/dev/null ||
	fail "bstrace -s 8192 with two 9000-byte arguments"
grep -qE '^execve\("/bin/echo", \["/bin/echo", "a{8192}"\.\.\., .*\.\.\.\]' "$WORK/t" ||
	{ cut -c1-200 "$WORK/t"; fail "-s 8192: argv of two 9000-byte arguments"; }
echo "ok   -s 8192: what fits of two 9000-byte arguments, then ..."
