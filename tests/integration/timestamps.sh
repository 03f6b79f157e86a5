#!/bin/sh
# -t/-tt/-ttt/-r/-T prefixes and suffixes have strace's formats.
. "$(dirname "$0")/../lib.sh"
require_bpf

check() {
	re=$1; shift
	"$BSTRACE" -o "$WORK/t" -e trace=getppid "$@" -- sh -c 'exit 0' || fail "$*: status"
	head -n 1 "$WORK/t" | grep -Eq "$re" || fail "$*: '$(head -n 1 "$WORK/t")' !~ $re"
	echo "ok   $*: $(head -n 1 "$WORK/t")"
}
check '^[0-9]{2}:[0-9]{2}:[0-9]{2} getppid\(\) += [0-9]+$' -t
check '^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6} getppid\(\) += [0-9]+$' -tt
check '^[0-9]{10}\.[0-9]{6} getppid\(\) += [0-9]+$' -ttt
check '^ +[0-9]+\.[0-9]{6} getppid\(\) += [0-9]+$' -r
check '^getppid\(\) += [0-9]+ <[0-9]+\.[0-9]{6}>$' -T
check '^getppid\(\) {31}= [0-9]+$'
check '^getppid\(\) = [0-9]+$' -a 0
