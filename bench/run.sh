#!/bin/sh
# bstrace overhead benchmark: one command, writes BENCHMARKS.md at the top of the repository.
#   sh bench/run.sh [--reps N] [--quick] [--out FILE] [--json FILE] [--no-peers] ...
# Installs what it needs (Debian 12 packages, as root), brings build/bstrace up to date with
# tools/build.sh, then runs bench/bench.py, which also builds the floor probe (bench/floor/:
# clang -target bpf + libbpf) in its scratch directory.  See bench/README.md.
set -eu
cd "$(dirname "$0")/.."
if [ "$(id -u)" -ne 0 ]; then
	echo "bench/run.sh: run as root (BPF, perf, tracefs)" >&2
	exit 1
fi
# clang, libbpf-dev, pkg-config: the floor probe (bench/floor/), built like bpf/ is
pkgs="strace linux-perf libbpf-tools bpftrace time gcc libc6-dev python3 util-linux clang libbpf-dev pkg-config"
missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "bench: installing:$missing"
	apt-get update -qq
	# a peer that cannot be installed is reported as n/a, not fatal
	for p in $missing; do
		if apt-cache policy "$p" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$p" >/dev/null ||
				echo "bench: could not install $p" >&2
		else
			echo "bench: no Debian package $p here" >&2
		fi
	done
fi
# libbpf-tools' syscount (Debian 12: /usr/sbin/syscount; other builds name it syscount-*)
if [ -z "${SYSCOUNT:-}" ]; then
	SYSCOUNT=$(dpkg -L libbpf-tools 2>/dev/null | grep -E '/s?bin/syscount[^/]*$' | head -n 1 || true)
	[ -n "$SYSCOUNT" ] && export SYSCOUNT
fi
# (re)build: a stale build/bstrace would measure old code (incremental: quick when up to date)
if [ -z "${BSTRACE_BENCH_NO_BUILD:-}" ]; then
	sh tools/build.sh >/dev/null
fi
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3
BENCH_COMMAND="sh bench/run.sh${*:+ $*}"
export BENCH_COMMAND
exec "$py" bench/bench.py "$@"
