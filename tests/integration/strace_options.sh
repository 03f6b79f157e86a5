#!/bin/sh
# strace's options in their long forms, -e quiet=, -e status=, -e raw=, -Y and -o '|CMD': the
# same trace as the installed strace's (6.1) for the same options, pids and addresses masked.
. "$(dirname "$0")/../lib.sh"
require_bpf
command -v strace >/dev/null || { echo "SKIP: no strace to compare with"; exit 77; }
command -v cc >/dev/null || { echo "SKIP: no C compiler"; exit 77; }

# Failing and succeeding calls, a child that renames itself and exits 3, and an order that
# does not depend on scheduling: the child waits on a pipe (untraced read) until the parent's
# clone line is complete (the parent wakes it with an untraced writev: a traced write could be
# cut by the child's lines, or not, as the two happen to run), the parent then waits (untraced
# waitid WNOWAIT) until the child is a zombie, so its lines and "+++ exited" come before the
# parent's wait4.
cat >"$WORK/opts.c" <<'EOF'
#define _GNU_SOURCE
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	int go[2], status;
	siginfo_t si;
	pid_t me, child;
	char c, x = 'x';
	struct iovec iov = { .iov_base = &x, .iov_len = 1 };

	if (pipe(go))
		return 1;
	syscall(SYS_chdir, "/nonexistent");
	syscall(SYS_chdir, "/");
	syscall(SYS_write, -1, "0123456789", 10);
	me = syscall(SYS_getpid);
	syscall(SYS_kill, me, 0);
	child = fork();
	if (child == 0) {
		if (read(go[0], &c, 1) != 1)
			_exit(99);
		prctl(PR_SET_NAME, "renamed");
		syscall(SYS_getppid);
		syscall(SYS_exit_group, 3);
	}
	if (writev(go[1], &iov, 1) != 1 || waitid(P_PID, child, &si, WEXITED | WNOWAIT))
		return 1;
	syscall(SYS_wait4, child, &status, 0, NULL);
	return 0;
}
EOF
cc -O0 -o "$WORK/opts" "$WORK/opts.c" || fail "cannot build the test program"
CALLS=chdir,write,getpid,kill,clone,prctl,getppid,wait4,exit_group

# pids by order of appearance (in hex too), addresses, and the tracer's name (-Y: getppid's)
norm() {
	python3 - "$1" <<'PY'
import re, sys
seen = {}
def pid(m):
    return "P%d" % seen.setdefault(m.group(0), len(seen) + 1)
for line in open(sys.argv[1]):
    line = re.sub(r"0x[0-9a-f]{6,}", "ADDR", line)
    line = re.sub(r"0x[0-9a-f]{3,5}\b", lambda m: str(int(m.group(0), 16)), line)  # -e raw=
    line = re.sub(r"<b?strace>", "<TRACER>", line)
    line = re.sub(r"(?<![\w.])[1-9][0-9]{2,}(?![\w.])", pid, line)
    sys.stdout.write(line)
PY
}

# same "bstrace OPTS" and "strace OPTS" trace of the program, written with -o FILE
same() {
	strace -o "$WORK/s" "$@" "$WORK/opts" 2>"$WORK/s.err" || fail "strace $*: status"
	"$BSTRACE" -o "$WORK/b" "$@" -- "$WORK/opts" || fail "bstrace $*: status"
	norm "$WORK/s" >"$WORK/s.n"
	norm "$WORK/b" >"$WORK/b.n"
	diff -u "$WORK/s.n" "$WORK/b.n" || fail "bstrace $* differs from strace"
	echo "ok   $* ($(wc -l <"$WORK/b") lines)"
}

# long forms
same --follow-forks --trace=$CALLS --signal=none
same --follow-forks --trace=chdir,write,clone,exit_group --signal='!SIGCHLD' --string-limit=4 \
	--columns=20
same --follow-forks --trace=$CALLS --signal=none --no-abbrev --raw=kill,chdir
same -f -e trace=$CALLS -e signal=none -e raw=all

# -e status=, -z/-Z and their long forms
same -f -e trace=$CALLS -e signal=none -e status=failed
same -f -e trace=$CALLS -e signal=none --status=successful
same -f -e trace=$CALLS -e signal=none --status='!successful'
same -f -e trace=$CALLS -e signal=none --status=unfinished,failed
same -f -e trace=$CALLS -e signal=none --successful-only
same -f -e trace=$CALLS -e signal=none -Z
# -z then -Z: the last one counts, with strace's warning
"$BSTRACE" -o "$WORK/b" -f -e trace=$CALLS -e signal=none -z -Z -- "$WORK/opts" 2>"$WORK/err" ||
	fail "-z -Z: status"
grep -q "Only the last of -z/--successful-only/-Z/--failed-only" "$WORK/err" ||
	fail "-z -Z: no warning"
grep -q ' = 0$' "$WORK/b" && fail "-z -Z: successful calls shown"
echo "ok   -z -Z: $(cat "$WORK/err")"

# -e quiet=, --quiet, -q...
same -f -e trace=$CALLS -e signal=none --quiet=exit
same -f -e trace=$CALLS -e signal=none -e quiet='!exit'
same -f -e trace=$CALLS -e signal=none --quiet
same -f -e trace=$CALLS -e signal=none -qq
same -f -e trace=$CALLS -e signal=none -e quiet=none

# -Y: names in the prefixes (the child's changes at its prctl, which bstrace sees when it is
# traced) and after pid arguments
same -f -Y -e trace=chdir,getpid,kill,clone,prctl,getppid,exit_group -e signal=none
same -f --decode-pids=comm -e trace=getpid,kill,prctl,getppid -e signal=none

# without -o: "[pid N<comm>]" prefixes while several tasks live
YCALLS=getpid,kill,prctl,getppid,wait4,exit_group
strace -q -Y -f -e trace=$YCALLS -e signal=none "$WORK/opts" 2>"$WORK/s" || fail "strace -Y"
"$BSTRACE" -q -Y -f -e trace=$YCALLS -e signal=none -- "$WORK/opts" 2>"$WORK/b" ||
	fail "bstrace -Y"
norm "$WORK/s" >"$WORK/s.n"
norm "$WORK/b" >"$WORK/b.n"
diff -u "$WORK/s.n" "$WORK/b.n" || fail "-Y without -o differs from strace"
grep -Eq '^\[pid +P[0-9]<renamed>\] getppid\(\) += P[0-9]<opts>$' "$WORK/b.n" ||
	fail "-Y: no '[pid N<renamed>] getppid() = N<opts>' line"
echo "ok   -Y -f without -o"

# -t/-r/-T precisions (times differ: formats only)
check_fmt() {
	re=$1; shift
	"$BSTRACE" -o "$WORK/t" -e trace=getpid "$@" -- "$WORK/opts" || fail "$*: status"
	head -n 1 "$WORK/t" | grep -Eq "$re" || fail "$*: '$(head -n 1 "$WORK/t")' !~ $re"
	echo "ok   $*: $(head -n 1 "$WORK/t")"
}
check_fmt '^[0-9]{2}:[0-9]{2}:[0-9]{2} getpid\(\)' --absolute-timestamps
check_fmt '^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3} getpid\(\)' --timestamps=time,ms
check_fmt '^[0-9]{10}\.[0-9]{9} getpid\(\)' --absolute-timestamps=format:unix,precision:ns
check_fmt '^[0-9]{10} getpid\(\)' --timestamps=unix
check_fmt '^[0-9]{10}\.[0-9]{3} getpid\(\)' --timestamps=precision:ms --timestamps=format:unix
check_fmt '^getpid\(\)' --timestamps=none
check_fmt '^ +[0-9]+ getpid\(\)' --relative-timestamps=s
check_fmt '^ +[0-9]+\.[0-9]{9} getpid\(\)' --relative-timestamps=ns
check_fmt '^[0-9:]{8} \(\+ +[0-9]+\.[0-9]{6}\) getpid\(\)' -t -r
check_fmt '= [0-9]+ <[0-9]+\.[0-9]{3}>$' --syscall-times=ms
check_fmt '= [0-9]+ <[0-9]+>$' --syscall-times=s
check_fmt '= [0-9]+ <[0-9]+\.[0-9]{6}>$' --syscall-times

# -o '|CMD' / -o '!CMD': the whole trace reaches the command, bstrace waits for it
"$BSTRACE" -f -e trace=$CALLS -e signal=none -o "|cat >'$WORK/piped'" -- "$WORK/opts" ||
	fail "-o '|cat': status"
"$BSTRACE" -f -e trace=$CALLS -e signal=none -o "$WORK/file" -- "$WORK/opts" || fail "-o FILE"
norm "$WORK/piped" >"$WORK/p.n"
norm "$WORK/file" >"$WORK/f.n"
diff -u "$WORK/f.n" "$WORK/p.n" || fail "-o '|cat' differs from -o FILE"
echo "ok   -o '|cat >FILE' ($(wc -l <"$WORK/piped") lines)"
"$BSTRACE" -e trace=chdir -o "!tr a-z A-Z >'$WORK/piped'" -- "$WORK/opts" || fail "-o '!tr'"
grep -q '^CHDIR("/") *= 0$' "$WORK/piped" || { cat "$WORK/piped"; fail "-o '!tr a-z A-Z'"; }
echo "ok   -o '!tr a-z A-Z >FILE'"
"$BSTRACE" -c -o "|cat >'$WORK/piped'" -- "$WORK/opts" || fail "-c -o '|cat': status"
grep -q ' total$' "$WORK/piped" || fail "-c -o '|cat': no summary"
echo "ok   -c -o '|cat >FILE'"

# --output-separately with --follow-forks: one file per process, as strace writes them
rm -f "$WORK"/ff.*
"$BSTRACE" --follow-forks --output-separately -o "$WORK/ff" -e trace=$CALLS -- "$WORK/opts" ||
	fail "--output-separately: status"
[ "$(ls "$WORK"/ff.* | wc -l)" -eq 2 ] || fail "--output-separately: $(ls "$WORK"/ff.*)"
echo "ok   --follow-forks --output-separately -o FILE"
