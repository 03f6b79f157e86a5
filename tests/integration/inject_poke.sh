#!/bin/sh
# -e inject=...:poke_enter= / poke_exit= (user/inject.c; on_sys_exit_poke in bpf/ for the exit
# of a call that runs): the memory the command sees, the "(INJECTED: args)" lines and the
# warnings as under strace 6.1 with the same options; parse errors.
. "$(dirname "$0")/../lib.sh"
require_bpf

have_strace=false
command -v strace >/dev/null 2>&1 && have_strace=true

norm() {
	sed -E 's/0x[0-9a-f]{6,}/ADDR/g; s/process [0-9]+/process PID/; s/^[^ ]*: //' "$1"
}

# same NAME WANT-OUTPUT OPTIONS... -- COMMAND...: the command prints WANT-OUTPUT, a line is
# marked "(INJECTED: args", and with strace: the same trace, output, warnings and exit status
same() {
	name=$1 want=$2
	shift 2
	"$BSTRACE" -o "$WORK/b" "$@" >"$WORK/b.out" 2>"$WORK/b.err"
	brc=$?
	grep -q '(INJECTED: args' "$WORK/b" || { cat "$WORK/b" "$WORK/b.err"; fail "$name: no line is (INJECTED: args...)"; }
	[ "$(cat "$WORK/b.out")" = "$want" ] || fail "$name: the command printed '$(cat "$WORK/b.out")', want '$want'"
	if $have_strace; then
		strace -o "$WORK/s" "$@" >"$WORK/s.out" 2>"$WORK/s.err"
		src=$?
		norm "$WORK/b" >"$WORK/b.n"
		norm "$WORK/s" >"$WORK/s.n"
		diff -u "$WORK/s.n" "$WORK/b.n" || fail "$name: the trace is not strace's"
		norm "$WORK/b.err" >"$WORK/b.en"
		norm "$WORK/s.err" | sed 's/^poke_tcb: //' >"$WORK/s.en"
		diff -u "$WORK/s.en" "$WORK/b.en" || fail "$name: the warnings are not strace's"
		[ "$brc" -eq "$src" ] || fail "$name: exit status $brc, strace's $src"
		cmp -s "$WORK/b.out" "$WORK/s.out" || fail "$name: the command's output differs"
	fi
	echo "ok   $name$($have_strace && echo ', as strace')"
}

same "poke_enter= before the call runs" HELLO \
	-e trace=write -e inject=write:poke_enter=@arg2=48454c4c4f -- /bin/echo hello
same "poke_enter= of an answered call" "" \
	-e trace=write -e inject=write:retval=6:poke_enter=@arg2=58 -- /bin/echo hello
same "poke_enter= at two arguments, short argument" HELLO \
	-e trace=write -e inject=write:poke_enter=@arg2=48454c4c4f,@arg4=00 -- /bin/echo hello
grep -q "requested to tamper with argument #4, but system call 'write' has only 3 arguments" \
	"$WORK/b.err" || fail "no warning for @arg4 of write: $(cat "$WORK/b.err")"
# ld.so's path strings are in read-only mappings: strace writes them too
same "read-only memory" "$(cat /etc/hostname)" \
	-e trace=openat -e inject=openat:poke_enter=@arg2=2f -- cat /etc/hostname
# strace tampers with traced calls only: echo's write is not poked when only openat is traced
"$BSTRACE" -o "$WORK/b" -e trace=openat -e inject=write:poke_enter=@arg2=48454c4c4f:retval=1 \
	-- /bin/echo hello >"$WORK/b.out" 2>&1 || fail "untraced: bstrace failed"
[ "$(cat "$WORK/b.out")" = hello ] || fail "an untraced call was tampered with: $(cat "$WORK/b.out")"
echo "ok   an untraced call is not tampered with"
cd /tmp || fail "no /tmp"
same "poke_exit= of an answered call" /xyz \
	-e trace=getcwd -e inject=getcwd:retval=5:poke_exit=@arg1=2f78797a00 -- /bin/pwd -P
if "$BSTRACE" -o /dev/null -e inject=getcwd:poke_exit=@arg1=00 -- /bin/true 2>"$WORK/err"; then
	same "poke_exit= after the call ran" /xyz \
		-e trace=getcwd -e inject=getcwd:poke_exit=@arg1=2f78797a00 -- /bin/pwd -P
else
	grep -q "needs the bpf_probe_write_user helper" "$WORK/err" || fail "poke_exit=: $(cat "$WORK/err")"
	echo "skip poke_exit= of a call that runs: $(cat "$WORK/err")"
fi

d1024=$(head -c 1024 /dev/zero | od -An -v -tx1 | tr -d ' \n')
"$BSTRACE" -o /dev/null -e inject=getpid:poke_enter=@arg1=$d1024,@arg7=00 -- /bin/true ||
	fail "1024 bytes, @arg7: refused"
for bad in "@arg1=0" "@arg1=" "" "@arg0=00" "@arg8=00" "arg1=00" "@arg1=00,@arg1=11" \
	"@arg1=0g" "@arg1=0x00" "@ARG1=00" "@arg01=00" "@arg1=${d1024}00"; do
	expect_error "invalid inject argument 'getpid:poke_enter=$bad'" \
		"$BSTRACE" -e "inject=getpid:poke_enter=$bad" -- true
done
expect_error "invalid inject argument 'getpid:poke_exit=@arg1=00:poke_exit=@arg2=00'" \
	"$BSTRACE" -e inject=getpid:poke_exit=@arg1=00:poke_exit=@arg2=00 -- true
expect_error "invalid fault argument 'getpid:poke_enter=@arg1=00'" \
	"$BSTRACE" -e fault=getpid:poke_enter=@arg1=00 -- true
echo "PASS"
