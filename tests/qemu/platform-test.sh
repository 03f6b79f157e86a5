#!/bin/sh
# ctest: the core integration commands (tests/qemu/cmds.txt, plus cmds-daemon.txt where bstraced
# is built) inside qemu, on a distribution kernel:
#   x86_64   Debian 12's own 6.1 kernel (linux-image-amd64), tests/qemu/run-x86_64.sh, with the
#            host build BUILD and its corpus programs
#   arm64    Debian 12's own 6.1 kernel, ../shared/platforms/run-arm64.sh (cross-build)
#   riscv64  the 6.1 kernel of ../shared/platforms/run-riscv64.sh (cross-build, no bstraced)
# Usage: platform-test.sh ARCH BUILD. The shared harness is looked up in $BSTRACE_PLATFORMS, then
# next to the source tree (../shared/platforms). Without it: skip (77), or fail when CI=true.
set -u
arch=$1 build=$2
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
work=${BSTRACE_QEMU_WORK:-/tmp/bstrace-qemu}/$arch
mkdir -p "$work"
cmds=$work/cmds.txt
set -- "$here/cmds.txt"
[ "$arch" = riscv64 ] || set -- "$@" "$here/cmds-daemon.txt" "$here/cmds-inject.txt"
[ "$arch" != x86_64 ] || set -- "$@" "$here/cmds-corpus.txt"	# the prebuilt corpus (run-x86_64.sh copies it)
# arm64: the same corpus, bundled as /tests/test_corpus (the shared harness copies tests/test_*);
# riscv64: the same, through a copy of the harness that builds it too (below); AArch32 on arm64
[ "$arch" != arm64 ] || set -- "$@" "$here/cmds-corpus-cross.txt" "$here/cmds-aarch32.txt" \
	"$here/cmds-arm64-k.txt"
awk -f "$here/expand.awk" "$@" >"$cmds" || exit 1
t0=$(date +%s)
case $arch in
x86_64)
	sh "$here/run-x86_64.sh" -b "$build" -w "$work" -c "$cmds" -t 1200
	rc=$?
	;;
arm64 | riscv64)
	plat=${BSTRACE_PLATFORMS:-}
	if [ -z "$plat" ]; then
		for d in "$src/../shared/platforms" "$src/../../shared/platforms"; do
			[ -x "$d/run-$arch.sh" ] && { plat=$(cd "$d" && pwd); break; }
		done
	fi
	if [ -z "$plat" ] || [ ! -r "$plat/run-$arch.sh" ]; then
		if [ "${CI:-}" = true ]; then
			echo "FAIL: no qemu harness for $arch (../shared/platforms or BSTRACE_PLATFORMS)"
			exit 1
		fi
		echo "SKIP: no qemu harness for $arch (set BSTRACE_PLATFORMS=DIR)"
		exit 77
	fi
	# qemu-system-arm only recommends the option ROMs its virt machine's NIC loads
	# (efi-virtio.rom): without them qemu exits at once
	if [ "$arch" = arm64 ]; then
		. "$src/tools/pkgs.sh"
		need_pkgs --no-recommends platform-test.sh ipxe-qemu
		# the 32-bit ARM program of the AArch32 command (tests/CMakeLists.txt test_arm32)
		need_pkgs --no-recommends platform-test.sh gcc-arm-linux-gnueabihf libc6-dev-armhf-cross
		# libdw for arm64, so that the cross build has -k (cmds-arm64-k.txt); it installs next
		# to the host's (the harness adds the arm64 architecture too, but later)
		if ! dpkg-query -W -f='${Status}\n' libdw-dev:arm64 2>/dev/null | grep -q 'ok installed'; then
			echo "platform-test.sh: installing: libdw-dev:arm64"
			dpkg --print-foreign-architectures | grep -qx arm64 || dpkg --add-architecture arm64
			apt-get update -qq &&
				DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
					libdw-dev:arm64 >/dev/null ||
				echo "platform-test.sh: cannot install libdw-dev:arm64: the arm64 build has no -k"
		fi
	fi
	harness=$plat/run-$arch.sh
	if [ "$arch" = riscv64 ]; then
		# the riscv64 harness builds and copies a fixed list of targets: a copy of it with
		# the corpus bundle (test_corpus) added to that list, its own files still found in
		# $plat; if its list is not where it was, the run goes on without the corpus
		sed -e "s|^here=.*|here='$plat'|" \
			-e 's|^tests="test_strings |tests="test_corpus test_strings |' \
			"$plat/run-riscv64.sh" >"$work/run-riscv64.sh"
		if grep -q '^tests="test_corpus ' "$work/run-riscv64.sh"; then
			harness=$work/run-riscv64.sh
			awk -f "$here/expand.awk" "$here/cmds-corpus-cross.txt" >>"$cmds"
		else
			echo "platform-test.sh: $plat/run-riscv64.sh has no test list to extend: no corpus run"
		fi
	fi
	sh "$harness" -s "$src" -w "$work" -c "$cmds" -t 1200
	rc=$?
	;;
*)
	echo "platform-test.sh: unknown arch $arch"; exit 2 ;;
esac
echo "qemu $arch: exit $rc after $(($(date +%s) - t0)) s"
exit $rc
