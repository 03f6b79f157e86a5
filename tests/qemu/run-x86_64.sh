#!/bin/sh
# Runs bstrace under Debian 12's own x86_64 kernel (linux-image-amd64, 6.1) in qemu-system-x86_64,
# from an initramfs: busybox + a host build of bstrace (same arch and libc) + its shared libraries.
#
#   tests/qemu/run-x86_64.sh [-b BUILD] [-w WORK] [-c CMDS] [-t SECS] [-n]
#
#   -b BUILD  a host build of bstrace (default: build)
#   -w WORK   scratch folder (default /tmp/bstrace-x86_64); the kernel and busybox are reused
#   -c CMDS   command list (default: tests/qemu/cmds.txt); format as ../shared/platforms/README.md:
#             a guest shell command per line, then "expect: ERE" / "expect-rc: N" lines
#   -t SECS   limit for boot + commands (default 900)
#   -n        no apt-get (qemu, busybox-static download need packages lists)
#
# Uses KVM when /dev/kvm is usable, TCG otherwise. Exit status: 0 every command met its
# expectations, 1 one did not, 2 the boot or the setup failed, 124 timeout.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=$src/build
work=/tmp/bstrace-x86_64
cmds=$here/cmds.txt
limit=900
apt=1
while getopts b:w:c:t:n o; do
	case $o in
	b) build=$(cd "$OPTARG" && pwd) ;;
	w) work=$OPTARG ;;
	c) cmds=$(cd "$(dirname "$OPTARG")" && pwd)/$(basename "$OPTARG") ;;
	t) limit=$OPTARG ;;
	n) apt=0 ;;
	*) sed -n '2,16p' "$0" >&2; exit 2 ;;
	esac
done
fail() { echo "run-x86_64: $*" >&2; exit 2; }
[ -x "$build/bstrace" ] || fail "no bstrace in $build (-b): build it first"
[ -r "$cmds" ] || fail "no command list $cmds (-c)"
mkdir -p "$work"
work=$(cd "$work" && pwd)
T0=$(date +%s)
step() { echo "run-x86_64: [$(($(date +%s) - T0))s] $*" >&2; }

if [ "$apt" = 1 ]; then
	step "packages"
	. "$src/tools/pkgs.sh"
	need_pkgs --no-recommends run-x86_64.sh qemu-system-x86 cpio gzip
fi
for tool in cpio gzip qemu-system-x86_64; do
	command -v $tool >/dev/null || fail "$tool missing (run without -n)"
done

deb_unpack() { # package dest: downloaded (never installed) and unpacked once
	pkg=$1; dest=$2
	[ -f "$dest/.done" ] && return 0
	rm -rf "$dest" && mkdir -p "$dest/deb"
	(cd "$dest/deb" && apt-get download "$pkg" 2>&1 |
		grep -v -e unsandboxed -e '^Get:' -e '^Fetched' >&2 || true)
	f=$(ls "$dest"/deb/*.deb 2>/dev/null | head -n 1)
	[ -n "$f" ] || fail "could not download $pkg (apt-get update?)"
	dpkg-deb -x "$f" "$dest"
	touch "$dest/.done"
}
step "kernel and busybox"
kpkg=$(apt-cache depends linux-image-amd64 2>/dev/null |
	sed -n 's/^ *Depends: \(linux-image-[0-9][^:]*\).*/\1/p' | head -n 1)
if [ -z "$kpkg" ] && [ "$apt" = 1 ]; then
	apt-get update -qq
	kpkg=$(apt-cache depends linux-image-amd64 2>/dev/null |
		sed -n 's/^ *Depends: \(linux-image-[0-9][^:]*\).*/\1/p' | head -n 1)
fi
[ -n "$kpkg" ] || fail "no linux-image-amd64 in apt's lists (apt-get update)"
deb_unpack "$kpkg" "$work/kernel-$kpkg"
deb_unpack busybox-static "$work/busybox"
kimg=$(ls "$work/kernel-$kpkg"/boot/vmlinuz-* | head -n 1)

step "initramfs from $build"
. "$here/initramfs.sh"
root=$work/initramfs
make_initramfs "$root" "$work/busybox/bin/busybox" "$build" "$cmds" ldd
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet) | gzip -1 >"$work/initramfs.cpio.gz"

cpu=max  # nested KVM hangs or rejects MSRs on machines of this kind: TCG always
# Single-threaded TCG (the two vCPUs take turns on one host thread). With multi-threaded TCG
# (qemu 7.2, Debian 12) a vCPU that runs a static-key site while the other vCPU patches it
# (a tracepoint enabled or disabled, as every bstrace start and exit does) can keep running
# stale code: "soft lockup - CPU#0 stuck for 45s! [cat]" with RIP on the site's 5-byte NOP
# (do_exit's sched_process_exit, syscall_trace_enter's sys_enter), in 1 of 2 runs of 50 `-c -a`
# starts over a fork loop. Single-threaded: 0 in 6 such runs. A real hang still panics
# (softlockup_panic); the threshold is 60 s because a turn-taking vCPU on a busy host is slow.
step "boot $(basename "$kimg") in qemu-system-x86_64 (single-threaded TCG, limit ${limit}s)"
log=$work/console.log
tb=$(date +%s)
set +e
timeout -k 10 "$limit" qemu-system-x86_64 -machine q35 -accel tcg,thread=single -cpu $cpu -smp 2 -m 2048 \
	-nographic -no-reboot -monitor none -serial stdio \
	-kernel "$kimg" -initrd "$work/initramfs.cpio.gz" \
	-append "console=ttyS0 rdinit=/init panic=-1 softlockup_panic=1 watchdog_thresh=60 quiet loglevel=${BSTRACE_QEMU_LOGLEVEL:-3}" </dev/null >"$log" 2>&1
qrc=$?
set -e
tboot=$(($(date +%s) - tb))
tr -d '\r' <"$log" >"$log.txt"
step "qemu exited with $qrc after ${tboot}s; console: $log.txt"
sh "$here/check.sh" "$cmds" "$log.txt" "$limit" "$qrc" || status=$?
step "done in $(($(date +%s) - T0))s (boot+commands ${tboot}s): $([ "${status:-0}" = 0 ] && echo PASS || echo FAIL)"
exit "${status:-0}"
