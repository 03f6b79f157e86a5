#!/bin/sh
# -y, -yy and -P: what an fd refers to is decided in the kernel at the call, so a process that
# is gone, an fd number reused for another file or an unlinked file print as strace prints them.
# Compared line by line with strace's own output (inode numbers, ports and pids normalised).
. "$(dirname "$0")/../lib.sh"
require_bpf

cc -O2 -o "$WORK/fd_kinds" "$SRCDIR/tests/helpers/fd_kinds.c" || fail "cannot build"
mkdir "$WORK/d"
calls=openat,read,write,close,socket,socketpair,bind,listen,connect,accept,pipe2,eventfd2,pidfd_open,unlink

# what differs between two runs: inodes, ports, pids, addresses
norm() {
	sed -E 's/^[0-9]+ +//; s/(:\[|->)[0-9]+/\1N/g; s/:[0-9]+([]>-])/:P\1/g; s/pid:[0-9]+/pid:N/
		s/pidfd_open\([0-9]+/pidfd_open(N/; s/0x[0-9a-f]+/ADDR/g; s/htons\([0-9]+\)/htons(P)/' "$1" |
		grep -v -e 'ld\.so' -e '/lib' -e '^+++' -e '^---' -e 'resumed>' -e 'unfinished \.\.\.>'
}

# fd numbers from 3 up, whatever the test runner left open
exec 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-

run() {	# run OUT OPTIONS...: bstrace's trace of fd_kinds
	out=$1; shift
	"$BSTRACE" -f "$@" -e trace=$calls -o "$out" -- "$WORK/fd_kinds" "$WORK/d" 2>"$WORK/err" ||
		{ cat "$WORK/err"; fail "bstrace $* failed"; }
}

# the kinds, by what bstrace prints without strace to compare with
run "$WORK/t" -yy
for want in "AT_FDCWD<$WORK/d>" "write(3<$WORK/d/a>, \"a\", 1)" "write(3<$WORK/d/b>, \"b\", 1)" \
	"write(3<$WORK/d/gone>(deleted), \"\", 0)" "3<$WORK/d>" "</dev/null<char 1:3>>" \
	'<pipe:[' '<UNIX-STREAM:[' "<UNIX:[" ",\"$WORK/d/sock\"]>" '<TCP:[127.0.0.1:' \
	'<NETLINK:[ROUTE:' '<anon_inode:[eventfd]>' '<pid:'; do
	grep -qF -- "$want" "$WORK/t" || { cat "$WORK/t"; fail "-yy: no '$want'"; }
done
# the short-lived child's read of its file
grep -qE "^[0-9]+ +read\(3<$WORK/d/a>, \"a\"" "$WORK/t" || { cat "$WORK/t"; fail "child's read"; }
echo "ok   -yy: files, reused fds, unlinked files, devices, pipes, sockets, eventfd, pidfd"

if command -v strace >/dev/null 2>&1; then
	for y in -y -yy; do
		run "$WORK/b" $y
		strace -f $y -e trace=$calls -o "$WORK/s" "$WORK/fd_kinds" "$WORK/d" ||
			fail "strace $y failed"
		norm "$WORK/s" >"$WORK/s.n"
		norm "$WORK/b" >"$WORK/b.n"
		diff "$WORK/s.n" "$WORK/b.n" >"$WORK/diff" || { cat "$WORK/diff"; fail "$y: differs from strace"; }
		echo "ok   $y: the same $(wc -l <"$WORK/s.n") lines as strace"
	done
fi

# -P: calls on the file through an fd, and none on the other file of the same fd number
run "$WORK/p" -P "$WORK/d/a"
grep -qF "write(3, \"a\", 1)" "$WORK/p" || { cat "$WORK/p"; fail "-P: no write on the fd of a"; }
grep -qF "close(3)" "$WORK/p" || { cat "$WORK/p"; fail "-P: no close of the fd of a"; }
! grep -qF '"b"' "$WORK/p" || { cat "$WORK/p"; fail "-P: the other file's write"; }
grep -qE "^[0-9]+ +read\(3, \"a\"" "$WORK/p" || { cat "$WORK/p"; fail "-P: the child's read"; }
echo "ok   -P: fds of the path (also in a child gone at once), not of a reused fd number"
