# Shared by the integration tests: the binary under test, a scratch dir, and the BPF check.
# Outside CI a machine that cannot load BPF skips (exit 77); with CI=true it fails.
set -u
BSTRACE=${BSTRACE:?BSTRACE must name the bstrace binary}
SRCDIR=${SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
WORK=$(mktemp -d /tmp/bstrace-test.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

require_bpf() {
	if "$BSTRACE" -e trace=none -- /bin/true >"$WORK/probe.out" 2>&1; then
		return 0
	fi
	if [ "${CI:-}" = true ]; then
		echo "FAIL: BPF cannot be loaded in CI:"; cat "$WORK/probe.out"
		exit 1
	fi
	echo "SKIP: BPF cannot be loaded here:"; cat "$WORK/probe.out"
	exit 77
}

fail() {
	echo "FAIL: $*"
	exit 1
}

# expect_error "message part" command...: non-zero exit, one line on stderr containing it
expect_error() {
	want=$1; shift
	if "$@" >"$WORK/out" 2>"$WORK/err"; then
		fail "'$*' succeeded, expected an error"
	fi
	grep -qF -- "$want" "$WORK/err" || { cat "$WORK/err"; fail "'$*': no '$want' in stderr"; }
	[ "$(wc -l <"$WORK/err")" -eq 1 ] || { cat "$WORK/err"; fail "'$*': error is not one line"; }
	echo "ok   $* -> $(cat "$WORK/err")"
}
