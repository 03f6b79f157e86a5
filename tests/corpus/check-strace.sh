#!/bin/sh
# Validate the corpus against a reference tracer (default: real strace).
#
#   tests/corpus/check-strace.sh [prog.c | prog ...]
#   TRACER="bstrace" tests/corpus/check-strace.sh
#   CORPUS_BIN=DIR tests/corpus/check-strace.sh [DIR/prog.hdr | prog ...]
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
#
# With CORPUS_BIN=DIR nothing is compiled (for guests without a compiler):
# the program is DIR/prog, prebuilt by CMake (build/tests/corpus), and its
# header line is read from DIR/prog.hdr.  Arguments may then be .hdr files,
# bare names or .c files; without arguments every DIR/*.hdr is run.
# Plain POSIX sh: it runs under busybox sh, sed, awk and diff.
set -u

TRACER=${TRACER:-strace}
CC=${CC:-cc}
CFLAGS=${CFLAGS:--O0 -Wall -Wextra -Werror}
CORPUS_BIN=${CORPUS_BIN:-}
srcdir=$(cd "$(dirname "$0")" && pwd)
if [ -n "$CORPUS_BIN" ]; then
	if ! bindir=$(cd "$CORPUS_BIN" 2>/dev/null && pwd); then
		echo "FAIL: CORPUS_BIN=$CORPUS_BIN: no such directory"; exit 1
	fi
fi
work=$(mktemp -d /tmp/corpus-check.XXXXXX) || exit 1
trap 'rm -rf "$work"' EXIT

if [ $# -eq 0 ]; then
	if [ -n "$CORPUS_BIN" ]; then
		set -- "$bindir"/*.hdr
	else
		set -- "$srcdir"/*.c
	fi
fi
# no globbing from here on: trace sets may hold "?name"
set -f
fail=0
for arg in "$@"; do
	name=${arg##*/}
	name=${name%.c}
	name=${name%.hdr}
	# the header line: DIR/prog.hdr, else the prog.c or prog.hdr given, else
	# the source next to this script
	case $arg in
	*.c | *.hdr) given=$arg ;;
	*) given= ;;
	esac
	if [ -n "$CORPUS_BIN" ] && [ -r "$bindir/$name.hdr" ]; then
		hdrfile=$bindir/$name.hdr
	elif [ -n "$given" ] && [ -r "$given" ]; then
		hdrfile=$given
	else
		hdrfile=$srcdir/$name.c
	fi
	if [ ! -r "$hdrfile" ]; then
		echo "FAIL $name: no header line ($hdrfile)"; fail=1; continue
	fi
	hdr=$(head -n 1 "$hdrfile")
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
	if [ -n "$CORPUS_BIN" ]; then
		if [ ! -x "$bindir/$name" ]; then
			echo "FAIL $name: no program $bindir/$name"; fail=1; continue
		fi
		cp "$bindir/$name" "$d/$name"
	else
		src=$hdrfile
		[ "${src%.c}" != "$src" ] || src=$srcdir/$name.c
		# shellcheck disable=SC2086
		if ! $CC $CFLAGS -o "$d/$name" "$src" 2>"$d/cc.err"; then
			echo "FAIL $name: compile"; cat "$d/cc.err"; fail=1; continue
		fi
	fi
	# shellcheck disable=SC2086
	(cd "$d" && $TRACER -o trace.out $args -- ./"$name" >expected.out)
	rc=$?
	sed '$ { /+++ exited with [0-9]* +++$/d; }' "$d/trace.out" >"$d/t1"
	if [ $skip_first = 1 ]; then
		sed 1d "$d/t1" >"$d/t2"
	else
		cp "$d/t1" "$d/t2"
	fi
	if [ $skip_startup = 1 ]; then
		# from the environment: awk -v would expand backslash escapes
		first=$(head -n 1 "$d/expected.out") \
			awk 'f || $0 == ENVIRON["first"] { f = 1; print }' \
			"$d/t2" >"$d/t3"
	else
		cp "$d/t2" "$d/t3"
	fi
	if [ $rc -eq 77 ]; then
		# the program found the kernel without a feature it needs (and said which on stderr)
		echo "skip $name: exit status 77 (this kernel lacks what it tests)"
	elif [ $rc -ne 0 ]; then
		echo "FAIL $name: exit status $rc"; fail=1
	elif diff -u "$d/expected.out" "$d/t3" >"$d/diff"; then
		echo "ok   $name ($(wc -l <"$d/expected.out") lines) [$args ]"
	else
		echo "FAIL $name"; cat "$d/diff"; fail=1
	fi
done
exit $fail
