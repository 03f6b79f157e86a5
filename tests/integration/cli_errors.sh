#!/bin/sh
# Bad input: one clear line on stderr and a non-zero exit, for every case a user can hit.
. "$(dirname "$0")/../lib.sh"

expect_error "invalid system call 'opn'" "$BSTRACE" -e trace=opn -- /bin/true
expect_error "invalid system call 'nosuch'" "$BSTRACE" -e trace=open,nosuch -- /bin/true
expect_error "invalid system call '%bogus'" "$BSTRACE" -e trace=%bogus -- /bin/true
expect_error "invalid filter qualifier" "$BSTRACE" -e bogus=1 -- /bin/true
expect_error "invalid signal 'SIGNOPE'" "$BSTRACE" -e signal=SIGNOPE -- /bin/true
expect_error "invalid descriptor 'x'" "$BSTRACE" -e read=x -- /bin/true
expect_error "invalid regular expression" "$BSTRACE" -e 'trace=/(' -- /bin/true
expect_error "command not found" "$BSTRACE" -- no-such-command-xyz
expect_error "No such file or directory" "$BSTRACE" -- ./no/such/file
printf 'data\n' >"$WORK/notexec"
chmod 644 "$WORK/notexec"
expect_error "not an executable file" "$BSTRACE" -- "$WORK/notexec"
expect_error "cannot attach to pid 999999999" "$BSTRACE" -p 999999999
expect_error "invalid process id 'abc'" "$BSTRACE" -p abc
expect_error "invalid string size '-1'" "$BSTRACE" -s -1 -- /bin/true
expect_error "invalid string size 'x'" "$BSTRACE" -s x -- /bin/true
expect_error "invalid column '40x'" "$BSTRACE" -a40x -- /bin/true
expect_error "invalid column 'x'" "$BSTRACE" --columns x -- /bin/true
expect_error "invalid buffer size '3000'" "$BSTRACE" -b 3000 -- /bin/true
expect_error "must have PROG" "$BSTRACE"
expect_error "-p and a command cannot be combined" "$BSTRACE" -p 1 -- /bin/true

# empty sets and unknown elements, in strace 6.1's words
expect_error "invalid system call ','" "$BSTRACE" -e , -- /bin/true
expect_error "invalid system call ','" "$BSTRACE" -e trace=, -- /bin/true
expect_error "invalid system call '!'" "$BSTRACE" --trace='!' -- /bin/true
expect_error "invalid system call ''" "$BSTRACE" -e trace= -- /bin/true
expect_error "invalid signal ''" "$BSTRACE" -e signal= -- /bin/true
expect_error "invalid signal ','" "$BSTRACE" --signal=, -- /bin/true
expect_error "invalid descriptor '' in -e read" "$BSTRACE" -e read= -- /bin/true
expect_error "invalid quiet 'attachh'" "$BSTRACE" -e quiet=attachh -- /bin/true
expect_error "invalid quiet ''" "$BSTRACE" --quiet= -- /bin/true
expect_error "invalid status 'ok'" "$BSTRACE" -e status=ok -- /bin/true
expect_error "invalid status '!'" "$BSTRACE" --status='!' -- /bin/true
expect_error "invalid decode-fds 'paths'" "$BSTRACE" -e decode-fds=paths -- /bin/true
expect_error "invalid decode-fds ''" "$BSTRACE" -e decode-fd= -- /bin/true
expect_error "invalid decode-pids 'name'" "$BSTRACE" --decode-pids=name -- /bin/true
expect_error "invalid system call 'opn'" "$BSTRACE" -e raw=opn -- /bin/true
expect_error "invalid system call 'opn'" "$BSTRACE" --abbrev=opn -- /bin/true
expect_error "invalid system call ''" "$BSTRACE" -e verbose= -- /bin/true
expect_error "invalid --timestamps argument: 'unix,us,x'" \
	"$BSTRACE" --timestamps=unix,us,x -- /bin/true
expect_error "invalid --absolute-timestamps argument: 'format:us'" \
	"$BSTRACE" --absolute-timestamps=format:us -- /bin/true
expect_error "invalid --relative-timestamps argument: 'sec'" \
	"$BSTRACE" --relative-timestamps=sec -- /bin/true
expect_error "invalid --syscall-times argument: ''" "$BSTRACE" --syscall-times= -- /bin/true
expect_error "invalid --strings-in-hex argument: 'some'" \
	"$BSTRACE" --strings-in-hex=some -- /bin/true

# a short option and its long form, as strace refuses them
expect_error "-f and --follow-forks cannot be provided simultaneously" \
	"$BSTRACE" -f --follow-forks -- /bin/true
expect_error "-ff and --output-separately cannot be provided simultaneously" \
	"$BSTRACE" -ff --output-separately -o "$WORK/x" -- /bin/true
expect_error "-t and --absolute-timestamps cannot be provided simultaneously" \
	"$BSTRACE" -tt --timestamps=unix -- /bin/true
expect_error "-x and --strings-in-hex cannot be provided simultaneously" \
	"$BSTRACE" -x --strings-in-hex -- /bin/true
expect_error "-y and --decode-fds cannot be provided simultaneously" \
	"$BSTRACE" -y -e decode-fds=path -- /bin/true
expect_error "-q and -e quiet/--quiet cannot be provided simultaneously" \
	"$BSTRACE" -qq --quiet=exit -- /bin/true
expect_error "piping the output and -ff/--output-separately are mutually exclusive" \
	"$BSTRACE" -ff -o '|cat' -- /bin/true

# strace options bstrace does not have (yet): said, never ignored
expect_error "decode-pids=pidns (--pidns-translation) is not supported yet" \
	"$BSTRACE" --pidns-translation -- /bin/true
expect_error "decode-pids=pidns (--pidns-translation) is not supported yet" \
	"$BSTRACE" -e decode-pids=comm,pidns -- /bin/true
expect_error "-e abbrev=execve is not supported yet" "$BSTRACE" --abbrev=execve -- /bin/true
expect_error "invalid --strings-in-hex argument: 'non-ascii-char'" \
	"$BSTRACE" --strings-in-hex=non-ascii-char -- /bin/true
expect_error "invalid inject argument 'open:error=ENOENT:when=x'" "$BSTRACE" \
	-e inject=open:error=ENOENT:when=x -- /bin/true
expect_error "invalid fault argument 'open:signal=USR1'" "$BSTRACE" --fault=open:signal=USR1 \
	-- /bin/true
expect_error "-e kvm= is not supported" "$BSTRACE" --kvm=vcpu -- /bin/true
expect_error "cannot open output file" "$BSTRACE" -o /nonexistent/dir/x -- /bin/true

# counting modes
expect_error "invalid --by key 'pids'" "$BSTRACE" -c -a --by pids
expect_error "invalid sort key 'bogus' for -S" "$BSTRACE" -c -S bogus -- /bin/true
expect_error "invalid --interval 'x'" "$BSTRACE" -c -a --interval x
expect_error "invalid --interval '0'" "$BSTRACE" -c -a --interval=0
expect_error "invalid --stop-after '-1'" "$BSTRACE" -c -a --stop-after -1
expect_error "invalid --stop-after '0'" "$BSTRACE" -c -a --stop-after=0
expect_error "invalid errno 'ENOPE'" "$BSTRACE" -c -a -e errno=ENOPE
expect_error "--cgroup: cannot use '/sys/fs/cgroup/no-such-group'" \
	"$BSTRACE" -c -a --cgroup /sys/fs/cgroup/no-such-group
expect_error "-a counts every process" "$BSTRACE" -c -a -- /bin/true
expect_error "-c and -C cannot be combined" "$BSTRACE" -c -C -- /bin/true
expect_error "invalid --top count '0'" "$BSTRACE" -c -a --top 0
expect_error "unknown column name" "$BSTRACE" -c -U name,bogus -- /bin/true

# -d and -i are strace's (debug output, the instruction pointer) and take no value: the old
# -d SECS and -i SECS of the counting modes say what to use, wherever the letter is
D_OLD="-d takes no argument (debug output, as strace's -d); to stop counting after"
I_OLD="-i takes no argument (the instruction pointer, as strace's -i); for counts every"
expect_error "$D_OLD 3 seconds use --stop-after=3" "$BSTRACE" -c -a -d 3
expect_error "$D_OLD 3 seconds use --stop-after=3" "$BSTRACE" -c -a -d3
expect_error "$D_OLD 3 seconds use --stop-after=3" "$BSTRACE" -cd 3 -a
expect_error "$D_OLD 3 seconds use --stop-after=3" "$BSTRACE" -ad3 -c
expect_error "$D_OLD 0.5 seconds use --stop-after=0.5" "$BSTRACE" -c -a -d 0.5
expect_error "$D_OLD 1 second use --stop-after=1" "$BSTRACE" -s 64 -o "$WORK/o" -c -a -d 1
expect_error "$I_OLD 2 seconds use --interval=2" "$BSTRACE" -c -a -i 2
expect_error "$I_OLD 2 seconds use --interval=2" "$BSTRACE" -c -a -i2
expect_error "$I_OLD 2 seconds use --interval=2" "$BSTRACE" -ci 2 -a
expect_error "$I_OLD .5 seconds use --interval=.5" "$BSTRACE" -e trace=open -a -i .5 -c
# the values of -e, -s, -o, --trace-path are not taken for the old spellings' numbers, nor the
# command's arguments
expect_error "must have PROG" "$BSTRACE" -e trace=open -i
expect_error "must have PROG" "$BSTRACE" -s 3 -i
expect_error "must have PROG" "$BSTRACE" -o "$WORK/o" -d
expect_error "must have PROG" "$BSTRACE" --trace-path 3 -i
expect_error "command not found" "$BSTRACE" -i -- no-such-command-xyz 3
expect_error "command not found" "$BSTRACE" -d no-such-command-xyz -d 3

# --duration=MS: the trace's calls that took at least MS ms (perf trace's); not for counting
expect_error "invalid --duration '-1'" "$BSTRACE" --duration=-1 -- /bin/true
expect_error "invalid --duration 'x'" "$BSTRACE" --duration x -- /bin/true
expect_error "invalid --duration '1.2.3'" "$BSTRACE" --duration=1.2.3 -- /bin/true
expect_error "invalid --duration ''" "$BSTRACE" --duration= -- /bin/true
expect_error "option '--duration' requires a value" "$BSTRACE" --duration
expect_error "to stop counting after SECS seconds use --stop-after=SECS" \
	"$BSTRACE" -c --duration=5 -- /bin/true
expect_error "--duration=0.5 applies to the trace" "$BSTRACE" -c -a --duration 0.5
expect_error "--record writes every call: give --duration to --replay" \
	"$BSTRACE" --record "$WORK/r.bst" --duration=1 -- /bin/true

# what is accepted: -d is --debug, -i and -x have no effect on -c's table, --stop-after stops
# -c -a (root only: elsewhere the errors above are the test)
[ "$(id -u)" -eq 0 ] || { echo "skip the runs: not root"; exit 0; }
require_bpf
"$BSTRACE" -d -e trace=none -- /bin/true >"$WORK/out" 2>"$WORK/d.err" ||
	{ cat "$WORK/d.err"; fail "-d -- /bin/true failed"; }
"$BSTRACE" --debug -e trace=none -- /bin/true >"$WORK/out" 2>"$WORK/debug.err" ||
	fail "--debug -- /bin/true failed"
grep -q '^libbpf: ' "$WORK/d.err" || fail "-d prints no libbpf diagnostics"
[ "$(grep -c '^libbpf: ' "$WORK/d.err")" -eq "$(grep -c '^libbpf: ' "$WORK/debug.err")" ] ||
	fail "-d and --debug print different diagnostics"
echo "ok   -d is --debug ($(grep -c '^libbpf: ' "$WORK/d.err") libbpf lines)"
"$BSTRACE" -c -i -x -- /bin/ls / >/dev/null 2>"$WORK/c.err" || fail "-c -i -x failed"
grep -q 'total$' "$WORK/c.err" && ! grep -q '^\[' "$WORK/c.err" || {
	cat "$WORK/c.err"; fail "-c -i -x: no summary table, or a trace line"; }
grep -Eq '^ +[0-9.]+ +[0-9.]+ +[0-9]+ +[0-9]+ +[0-9]* *execve$' "$WORK/c.err" ||
	{ cat "$WORK/c.err"; fail "-c -x counted only the failed calls (no execve row)"; }
echo "ok   -c -i -x: the whole table"
start=$(date +%s)
"$BSTRACE" -c --stop-after=0.5 -a >"$WORK/a.out" 2>"$WORK/a.err" ||
	{ cat "$WORK/a.err"; fail "-c --stop-after=0.5 -a failed"; }
[ $(($(date +%s) - start)) -lt 10 ] || fail "-c --stop-after=0.5 -a took $(($(date +%s) - start)) s"
[ -s "$WORK/a.out" ] || fail "-c --stop-after=0.5 -a printed no table"
echo "ok   -c --stop-after=0.5 -a"
