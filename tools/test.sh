#!/bin/sh
# The whole test suite: builds (installing packages as needed), runs every test with real BPF,
# then again with the user code under AddressSanitizer and UndefinedBehaviorSanitizer.
set -eu
cd "$(dirname "$0")/.."
sh tools/build.sh
(cd build && ctest --output-on-failure)
BUILD_DIR=build-asan sh tools/build.sh -DBSTRACE_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
cd build-asan
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	ctest --output-on-failure
