#!/bin/sh
# --seccomp-profile: the profile of a run lets the same command run under seccomp, one call
# taken out of it makes the command fail, a second run merges into it; bad uses are refused.
. "$(dirname "$0")/../lib.sh"
require_bpf

case $(uname -m) in
x86_64) arch=x86_64 ;; aarch64) arch=aarch64 ;; riscv64) arch=riscv64 ;;
*) echo "SKIP: no syscall table for $(uname -m)"; exit 77 ;;
esac
cc -O1 -I "$SRCDIR/user" -DSYSNUMS="\"sysnums/$arch.h\"" -o "$WORK/apply" \
	"$SRCDIR/tests/helpers/seccomp_apply.c" || fail "cannot build seccomp_apply"

cmd='ls / >/dev/null && cat /etc/hostname'
"$BSTRACE" -f -o /dev/null --seccomp-profile "$WORK/p.json" -- sh -c "$cmd" \
	>"$WORK/out" 2>"$WORK/err" || { cat "$WORK/err"; fail "traced run failed"; }
python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
assert d["defaultAction"] == "SCMP_ACT_ERRNO" and d["architectures"], d
names = d["syscalls"][0]["names"]
assert d["syscalls"][0]["action"] == "SCMP_ACT_ALLOW" and names == sorted(set(names)), names
for n in ("execve", "openat", "getdents64", "exit_group"):
    assert n in names, n' "$WORK/p.json" || fail "not a profile: $(cat "$WORK/p.json")"
grep -q '^SystemCallFilter=.* getdents64 ' "$WORK/err" || fail "no systemd line: $(cat "$WORK/err")"
n1=$(grep -c '^				"' "$WORK/p.json")
echo "ok   profile of '$cmd': $n1 calls, systemd line printed"

# the profile lets the command run; without getdents64 ls fails
"$WORK/apply" "$WORK/p.json" -- sh -c "$cmd" >"$WORK/out2" 2>&1 ||
	fail "the command fails under its own profile: $(cat "$WORK/out2")"
cmp -s "$WORK/out" "$WORK/out2" || fail "different output under the profile"
if "$WORK/apply" "$WORK/p.json" -d getdents64 -- sh -c "$cmd" >"$WORK/out3" 2>&1; then
	fail "the command ran without getdents64"
fi
grep -q 'Operation not permitted' "$WORK/out3" || fail "no EPERM: $(cat "$WORK/out3")"
echo "ok   runs under the profile, fails without getdents64"

# a second run (counting: -c) merges: the list grows by the new command's calls
"$BSTRACE" -c -o /dev/null --seccomp-profile "$WORK/p.json" -- sleep 0.01 2>"$WORK/err" ||
	fail "second run failed"
n2=$(grep -c '^				"' "$WORK/p.json")
grep -q '"clock_nanosleep"' "$WORK/p.json" || fail "sleep's clock_nanosleep not added"
grep -q '"getdents64"' "$WORK/p.json" || fail "the first run's calls were dropped"
[ "$n2" -gt "$n1" ] || fail "merge: $n1 -> $n2 calls"
"$WORK/apply" "$WORK/p.json" -- sh -c "$cmd; sleep 0.01" >/dev/null 2>&1 ||
	fail "the merged profile does not run both"
echo "ok   merged: $n1 -> $n2 calls, runs both commands"

expect_error "-e trace= leaves out" "$BSTRACE" -e trace=openat --seccomp-profile "$WORK/q" -- true
expect_error "not with -p" "$BSTRACE" --seccomp-profile "$WORK/q" -p 1
echo '{"other": 1}' >"$WORK/bad.json"
expect_error "not a seccomp profile" "$BSTRACE" -o /dev/null --seccomp-profile "$WORK/bad.json" -- true
