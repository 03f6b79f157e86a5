#!/bin/sh
# ctest: one corpus program under bstrace must print exactly the lines the program expects.
. "$(dirname "$0")/lib.sh"
require_bpf
TRACER="$BSTRACE" exec sh "$SRCDIR/tests/corpus/check-strace.sh" "$1"
