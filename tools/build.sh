#!/bin/sh
# Installs what bstrace needs to build and test (Debian 12 packages; run as root), then builds
# it into build/ (BUILD_DIR and CMake flags may be overridden: BUILD_DIR=b tools/build.sh -D...).
set -eu
cd "$(dirname "$0")/.."
pkgs="clang llvm libbpf-dev bpftool libelf-dev zlib1g-dev pkg-config cmake make gcc libc6-dev \
linux-libc-dev libmicrohttpd-dev strace python3 linux-perf util-linux"
missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "installing:$missing"
	if [ "$(id -u)" -ne 0 ]; then
		echo "build.sh: missing packages:$missing (run as root, or apt-get install them)" >&2
		exit 1
	fi
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi
dir=${BUILD_DIR:-build}
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$dir" -j "$(nproc)"
