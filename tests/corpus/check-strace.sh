#!/bin/sh
# Validate the corpus against a reference tracer (default: real strace).
#
#   tests/corpus/check-strace.sh [prog.c ...]
#   TRACER="bstrace" tests/corpus/check-strace.sh
#
# For each program: build it, read the options from its first line
# ("/* bstrace-test: OPTIONS */"), run
#   $TRACER -o trace.out OPTIONS ./prog > expected.out
# and compare.  Harness-only directives, removed from OPTIONS:
#   --skip-first    drop the first trace line
#   --skip-startup  drop the trace lines before the first line that equals
#                   the first expected line (dynamic loader / libc start-up)
# The last trace line, "+++ exited with N +++" of the main process (with
# a "PID   " prefix under -f), is always dropped.
set -u

TRACER=${TRACER:-strace}
CC=${CC:-cc}
CFLAGS=${CFLAGS:--O0 -Wall -Wextra -Werror}
srcdir=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/corpus-check.XXXXXX)
trap 'rm -rf "$work"' EXIT

[ $# -gt 0 ] || set -- "$srcdir"/*.c
fail=0
for src in "$@"; do
	name=$(basename "$src" .c)
	hdr=$(head -n 1 "$src")
	opts=$(printf '%s\n' "$hdr" |
		sed -n 's|^/\* bstrace-test: \(.*\) \*/$|\1|p')
	if [ -z "$opts" ]; then
		echo "FAIL $name: bad header line"; fail=1; continue
	fi
	skip_first=0 skip_startup=0 args=
	for o in $opts; do
		case $o in
		--skip-first) skip_first=1 ;;
		--skip-startup) skip_startup=1 ;;
		*) args="$args $o" ;;
		esac
	done
	d=$work/$name
	mkdir -p "$d"
	if ! $CC $CFLAGS -o "$d/$name" "$src" 2>"$d/cc.err"; then
		echo "FAIL $name: compile"; cat "$d/cc.err"; fail=1; continue
	fi
	# shellcheck disable=SC2086
	(cd "$d" && $TRACER -o trace.out $args -- ./"$name" >expected.out)
	rc=$?
	sed '$ { /+++ exited with [0-9]* +++$/d }' "$d/trace.out" >"$d/t1"
	if [ $skip_first = 1 ]; then
		sed 1d "$d/t1" >"$d/t2"
	else
		cp "$d/t1" "$d/t2"
	fi
	if [ $skip_startup = 1 ]; then
		first=$(head -n 1 "$d/expected.out")
		awk -v first="$first" 'f || $0 == first { f = 1; print }' \
			"$d/t2" >"$d/t3"
	else
		cp "$d/t2" "$d/t3"
	fi
	if [ $rc -ne 0 ]; then
		echo "FAIL $name: exit status $rc"; fail=1
	elif diff -u "$d/expected.out" "$d/t3" >"$d/diff"; then
		echo "ok   $name ($(wc -l <"$d/expected.out") lines) [$args ]"
	else
		echo "FAIL $name"; cat "$d/diff"; fail=1
	fi
done
exit $fail
