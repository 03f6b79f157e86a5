#!/bin/sh
# Without CAP_BPF/CAP_PERFMON bstrace says what is missing, in one line, and exits non-zero;
# the command it was to launch is not left behind.
. "$(dirname "$0")/../lib.sh"
require_bpf

command -v setpriv >/dev/null || fail "setpriv (util-linux) is missing"
cp "$BSTRACE" "$WORK/bstrace"
chmod 755 "$WORK" "$WORK/bstrace"
expect_error "run as root or grant CAP_BPF and CAP_PERFMON" \
	setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
	"$WORK/bstrace" -- /bin/sleep 30
sleep 0.2
pgrep -u 65534 -f '^/bin/sleep 30$' >/dev/null && fail "the command was left running"
echo "ok   no orphaned child"
