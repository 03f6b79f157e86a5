#!/bin/sh
# -X raw|abbrev|verbose (--const-print-style): named constants, flags and signals as numbers, as
# names, or as numbers with the names in a comment; the error part of a return value is the same
# in every style. Checked against fixed lines and, where installed, against strace's own trace.
. "$(dirname "$0")/../lib.sh"
require_bpf
command -v cc >/dev/null || { echo "SKIP: no C compiler"; exit 77; }

cc -O2 -o "$WORK/xlat_consts" "$SRCDIR/tests/helpers/xlat_consts.c" || fail "cannot build"

# the trace from the first openat on; pids, the socket's fd and the mapping's address masked
trace() {
	sed -n '/nonexistent/,$p' "$1" | sed 's/0x[0-9a-f]\{9,\}/ADDR/g; s/^\(getpid() *= \)[0-9]*/\1PID/
		s/^kill([0-9]*/kill(PID/; s/si_pid=[0-9]*/si_pid=PID/
		s/^\(socket(.*= \)[0-9]*$/\1FD/; s/^close([0-9]*)/close(FD)/'
}

cat >"$WORK/raw" <<'EOT'
openat(-100, "/nonexistent/xlat", 0x80042, 0644) = -1 ENOENT (No such file or directory)
openat(-100, "/nonexistent/xlat", 0)    = -1 ENOENT (No such file or directory)
mmap(NULL, 4096, 0x3, 0x22, -1, 0)      = ADDR
lseek(-1, 0, 0x2)                       = -1 EBADF (Bad file descriptor)
lseek(-1, 0, 0x10)                      = -1 EBADF (Bad file descriptor)
socket(0x2, 0x1|0x80000, 0)             = FD
close(FD)                                = 0
fcntl(-1, 0x2, 0x1)                     = -1 EBADF (Bad file descriptor)
waitid(0, 0, NULL, 0x5, NULL)           = -1 ECHILD (No child processes)
rt_sigprocmask(0, [10], NULL, 8)        = 0
rt_sigaction(15, {sa_handler=0x1, sa_mask=[15], sa_flags=0}, NULL, 8) = 0
getpid()                                = PID
kill(PID, 15)                           = 0
--- SIGTERM {si_signo=15, si_code=0, si_pid=PID, si_uid=0} ---
exit_group(0)                           = ?
+++ exited with 0 +++
EOT
cat >"$WORK/verbose" <<'EOT'
openat(-100 /* AT_FDCWD */, "/nonexistent/xlat", 0x80042 /* O_RDWR|O_CREAT|O_CLOEXEC */, 0644) = -1 ENOENT (No such file or directory)
openat(-100 /* AT_FDCWD */, "/nonexistent/xlat", 0 /* O_RDONLY */) = -1 ENOENT (No such file or directory)
mmap(NULL, 4096, 0x3 /* PROT_READ|PROT_WRITE */, 0x22 /* MAP_PRIVATE|MAP_ANONYMOUS */, -1, 0) = ADDR
lseek(-1, 0, 0x2 /* SEEK_END */)        = -1 EBADF (Bad file descriptor)
lseek(-1, 0, 0x10 /* SEEK_??? */)       = -1 EBADF (Bad file descriptor)
socket(0x2 /* AF_INET */, 0x1 /* SOCK_STREAM */|0x80000 /* SOCK_CLOEXEC */, 0 /* IPPROTO_IP */) = FD
close(FD)                                = 0
fcntl(-1, 0x2 /* F_SETFD */, 0x1 /* FD_CLOEXEC */) = -1 EBADF (Bad file descriptor)
waitid(0 /* P_ALL */, 0, NULL, 0x5 /* WNOHANG|WEXITED */, NULL) = -1 ECHILD (No child processes)
rt_sigprocmask(0 /* SIG_BLOCK */, [10 /* USR1 */], NULL, 8) = 0
rt_sigaction(15 /* SIGTERM */, {sa_handler=0x1 /* SIG_IGN */, sa_mask=[15 /* TERM */], sa_flags=0}, NULL, 8) = 0
getpid()                                = PID
kill(PID, 15 /* SIGTERM */)           = 0
--- SIGTERM {si_signo=15 /* SIGTERM */, si_code=0 /* SI_USER */, si_pid=PID, si_uid=0} ---
exit_group(0)                           = ?
+++ exited with 0 +++
EOT
cat >"$WORK/abbrev" <<'EOT'
openat(AT_FDCWD, "/nonexistent/xlat", O_RDWR|O_CREAT|O_CLOEXEC, 0644) = -1 ENOENT (No such file or directory)
openat(AT_FDCWD, "/nonexistent/xlat", O_RDONLY) = -1 ENOENT (No such file or directory)
mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = ADDR
lseek(-1, 0, SEEK_END)                  = -1 EBADF (Bad file descriptor)
lseek(-1, 0, 0x10 /* SEEK_??? */)       = -1 EBADF (Bad file descriptor)
socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = FD
close(FD)                                = 0
fcntl(-1, F_SETFD, FD_CLOEXEC)          = -1 EBADF (Bad file descriptor)
waitid(P_ALL, 0, NULL, WNOHANG|WEXITED, NULL) = -1 ECHILD (No child processes)
rt_sigprocmask(SIG_BLOCK, [USR1], NULL, 8) = 0
rt_sigaction(SIGTERM, {sa_handler=SIG_IGN, sa_mask=[TERM], sa_flags=0}, NULL, 8) = 0
getpid()                                = PID
kill(PID, SIGTERM)                      = 0
--- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=PID, si_uid=0} ---
exit_group(0)                           = ?
+++ exited with 0 +++
EOT

for style in raw abbrev verbose; do
	"$BSTRACE" -X "$style" -o "$WORK/t.$style" -- "$WORK/xlat_consts" 2>"$WORK/err" ||
		{ cat "$WORK/err"; fail "-X $style: exit status $?"; }
	# masking shortens a line's pid, so the alignment padding is compared loosely
	trace "$WORK/t.$style" | sed 's/  *= /  = /' >"$WORK/got"
	sed 's/  *= /  = /' "$WORK/$style" >"$WORK/want"
	diff -u "$WORK/want" "$WORK/got" || fail "-X $style: not the expected trace"
	echo "ok   -X $style: $(grep -c . "$WORK/got") lines as expected"
	if command -v strace >/dev/null 2>&1; then
		strace -X "$style" -o "$WORK/s.$style" "$WORK/xlat_consts"
		trace "$WORK/s.$style" >"$WORK/s"
		trace "$WORK/t.$style" >"$WORK/b"
		diff -u "$WORK/s" "$WORK/b" || fail "-X $style: not strace's trace"
		echo "ok   -X $style: the same trace as strace's"
	fi
done

# the long option and the default
"$BSTRACE" --const-print-style=raw -o "$WORK/t.long" -- "$WORK/xlat_consts" ||
	fail "--const-print-style=raw failed"
cmp -s "$WORK/t.long" "$WORK/t.raw" ||
	[ "$(trace "$WORK/t.long")" = "$(trace "$WORK/t.raw")" ] || fail "--const-print-style=raw is not -X raw"
"$BSTRACE" -o "$WORK/t.default" -- "$WORK/xlat_consts" || fail "bstrace without -X failed"
[ "$(trace "$WORK/t.default")" = "$(trace "$WORK/t.abbrev")" ] || fail "the default is not -X abbrev"
echo "ok   --const-print-style=raw is -X raw, abbrev is the default"

expect_error "invalid constant print style 'hex'" "$BSTRACE" -X hex -- /bin/true
expect_error "invalid constant print style 'Raw'" "$BSTRACE" --const-print-style=Raw -- /bin/true
