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
