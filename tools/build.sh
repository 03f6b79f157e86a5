#!/bin/sh
# Installs what bstrace needs to build and test (Debian 12 packages; run as root), then builds
# it into build/ (BUILD_DIR and CMake flags may be overridden: BUILD_DIR=b tools/build.sh -D...).
set -eu
cd "$(dirname "$0")/.."
. tools/pkgs.sh
need_pkgs build.sh clang llvm libbpf-dev bpftool libelf-dev libdw-dev zlib1g-dev pkg-config cmake make gcc \
	libc6-dev linux-libc-dev libmicrohttpd-dev strace python3 linux-perf util-linux
dir=${BUILD_DIR:-build}
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$dir" -j "$(nproc)"
