#!/bin/sh
# The whole test suite: builds (installing packages as needed), runs every test with real BPF
# (and the integration commands under qemu on 6.1 kernels: tests/qemu/, and strace 6.1's own test
# suite: tests/strace-suite.sh), then again with the user code under AddressSanitizer and
# UndefinedBehaviorSanitizer (without qemu and the strace suite).
set -eu
cd "$(dirname "$0")/.."
# test-only Debian packages: a real Prometheus (and promtool) and curl for the bstraced tests
. tools/pkgs.sh
# the tests start their own Prometheus: keep the package's service (and, with
# --no-install-recommends, the node exporter) from starting and listening on this machine
policy=
if ! command -v prometheus >/dev/null && [ ! -e /usr/sbin/policy-rc.d ] && [ "$(id -u)" -eq 0 ]; then
	policy=/usr/sbin/policy-rc.d
	trap 'rm -f "$policy"' EXIT
	printf '#!/bin/sh\nexit 101\n' >"$policy"
	chmod 755 "$policy"
fi
need_pkgs --no-recommends test.sh prometheus curl libcap2-bin
[ -z "$policy" ] || { rm -f "$policy"; trap - EXIT; }
# the man page checks (manpages: man-db's groff warnings, mandoc -T lint) and the package test
# (deb_package: tools/deb.sh needs dpkg-dev; lintian)
need_pkgs --no-recommends test.sh man-db mandoc dpkg-dev lintian
# a 32-bit program for the compat test (tests/integration/compat32.sh: ia32 emulation)
[ "$(uname -m)" != x86_64 ] || need_pkgs --no-recommends test.sh gcc-multilib
sh tools/build.sh -DBSTRACE_QEMU_TESTS=ON -DBSTRACE_STRACE_SUITE=ON -DBSTRACE_WERROR=ON
# the host kernel's suite (with strace 6.1's own test suite, tests/strace-suite.sh), then Debian
# 12's 6.1 kernel (x86_64, arm64) and riscv64 6.1 in qemu
rc=0
(cd build && ctest --output-on-failure) || rc=$?
# the strace suite's pass count (ctest prints a test's output only when it fails)
[ ! -f build/strace-suite-summary.txt ] || cat build/strace-suite-summary.txt
[ "$rc" -eq 0 ] || exit "$rc"
# the sanitized pass, without the strace suite (the plain pass ran it; twice is too slow for CI)
# and without deb_package (a Debian package of an ASan build means nothing)
BUILD_DIR=build-asan sh tools/build.sh -DBSTRACE_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug -DBSTRACE_WERROR=ON \
	-DBSTRACE_QEMU_TESTS=OFF -DBSTRACE_STRACE_SUITE=OFF -DBSTRACE_DEB_TEST=OFF
cd build-asan
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	ctest --output-on-failure
