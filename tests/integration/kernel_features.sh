#!/bin/sh
# A kernel without one of bstrace's requirements gets one line naming it and the kernel that has
# it, and a non-zero exit (the probe's answer is faked: this kernel has them all). A traced
# command is never started then.
. "$(dirname "$0")/../lib.sh"
require_bpf
for f in btf:"kernel BTF" task_pt_regs:"bpf_task_pt_regs() helper" ringbuf:"BPF ring buffer" \
	task_storage:"BPF task storage" bpf_loop:"bpf_loop() helper"; do
	name=${f%%:*} what=${f#*:}
	expect_error "lacks" env BSTRACE_PROBE_FAKE_MISSING=$name "$BSTRACE" -- touch "$WORK/ran"
	grep -qF "$what" "$WORK/err" || fail "$name: the error does not name '$what': $(cat "$WORK/err")"
	grep -q "Linux [0-9.]* added" "$WORK/err" || fail "$name: no kernel version: $(cat "$WORK/err")"
	[ ! -e "$WORK/ran" ] || fail "$name: the command ran although bstrace could not trace it"
done
expect_error "bpf_jit_enable" env BSTRACE_PROBE_FAKE_MISSING=jit "$BSTRACE" -c -- /bin/true
# bstraced too, unless the build has none (-DBSTRACE_DAEMON=OFF)
[ "${BSTRACE_DAEMON:-ON}" = OFF ] ||
	expect_error "lacks the bpf_loop() helper" env BSTRACE_PROBE_FAKE_MISSING=bpf_loop \
		"$BSTRACED" --listen 127.0.0.1:0
# in a user namespace (unshare -U, rootless containers) bpf() is refused whatever the kernel
# has: say that, not that a feature is missing
if command -v unshare >/dev/null && unshare -Ur true 2>/dev/null; then
	expect_error "runs in a user namespace" unshare -Ur "$BSTRACE" -- touch "$WORK/ran"
	! grep -q lacks "$WORK/err" || fail "user namespace reported as a missing feature: $(cat "$WORK/err")"
	[ ! -e "$WORK/ran" ] || fail "userns: the command ran although bstrace could not trace it"
fi
# the same binary, nothing faked, traces
"$BSTRACE" -e trace=none -- /bin/true || fail "bstrace fails without a faked probe"
echo "ok   kernel requirements named"
