#!/bin/sh
# Builds the Debian packages bstrace and bstraced (dpkg-deb from a staged `cmake --install`):
#   sh tools/deb.sh [OUT_DIR]             builds build-deb/ (or BUILD_DIR; RelWithDebInfo with
#                                         Debian's hardening flags from dpkg-buildflags, no
#                                         -Werror), then writes OUT_DIR/bstrace_V_ARCH.deb and
#                                         bstraced_V_ARCH.deb (OUT_DIR: the build directory)
#   sh tools/deb.sh --from BUILD [OUT_DIR] packages an existing build as it is, without building
#                                         (tests/integration/deb_package.sh)
# bstrace: /usr/bin/bstrace, bstrace(1), bash completion. bstraced: /usr/sbin/bstraced, the
# systemd unit in /lib/systemd/system (installed disabled: `systemctl enable --now bstraced`;
# its user is systemd's DynamicUser, its state and log directories /var/lib/bstraced and
# /var/log/bstraced are the unit's StateDirectory= and LogsDirectory=, removed on purge),
# bstraced(8), bash completion, an example config. The version is user/main.c's
# BSTRACE_VERSION; dependencies come from dpkg-shlibdeps. Needs dpkg-dev (installed if missing,
# as root). Maintainer: DEB_MAINTAINER="Name <mail>" to override.
set -eu
cd "$(dirname "$0")/.."
src=$(pwd)
. tools/pkgs.sh
umask 022

build=
if [ "${1:-}" = --from ]; then
	build=${2:?usage: deb.sh --from BUILD [OUT_DIR]}
	shift 2
	[ -f "$build/cmake_install.cmake" ] || { echo "deb.sh: $build is not a CMake build" >&2; exit 1; }
fi
need_pkgs deb.sh dpkg-dev
# all of dpkg-buildflags' hardening (bindnow too) for the build-deb build
export DEB_BUILD_MAINT_OPTIONS=${DEB_BUILD_MAINT_OPTIONS:-hardening=+all}
if [ -z "$build" ]; then
	build=${BUILD_DIR:-build-deb}
	BUILD_DIR=$build sh tools/build.sh -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBSTRACE_WERROR=OFF \
		-DCMAKE_C_FLAGS="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CFLAGS)" \
		-DCMAKE_EXE_LINKER_FLAGS="$(dpkg-buildflags --get LDFLAGS)"
fi
out=${1:-$build}
mkdir -p "$out"
build=$(cd "$build" && pwd)
out=$(cd "$out" && pwd)

version=$(sed -n 's/^#define BSTRACE_VERSION "\(.*\)"/\1/p' user/main.c)
[ -n "$version" ] || { echo "deb.sh: no BSTRACE_VERSION in user/main.c" >&2; exit 1; }
arch=$(dpkg --print-architecture)
maintainer=${DEB_MAINTAINER:-bstrace maintainers <bstrace@users.noreply.github.com>}
commit=$(git -C "$src" rev-parse --short=7 HEAD 2>/dev/null || echo unknown)
# the changelog's date: the commit's, so the same commit gives the same package
date=$(git -C "$src" log -1 --format=%cD 2>/dev/null || date -R)
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$src" log -1 --format=%ct 2>/dev/null || date +%s)}

year=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y)
stage=$(mktemp -d "${TMPDIR:-/tmp}/bstrace-deb.XXXXXX")
trap 'rm -rf "$stage"' EXIT
DESTDIR=$stage/root cmake --install "$build" --prefix /usr >"$stage/install.log" ||
	{ cat "$stage/install.log"; exit 1; }
r=$stage/root
# Debian 12 keeps units in /lib/systemd/system
if [ -d "$r/usr/lib/systemd/system" ]; then
	mkdir -p "$r/lib/systemd"
	mv "$r/usr/lib/systemd/system" "$r/lib/systemd/system"
	rmdir -p "$r/usr/lib/systemd" 2>/dev/null || true
fi

# take PATH (from the staged tree) into package $1's tree
take() {
	mkdir -p "$stage/src/debian/$1/$(dirname "$2")"
	mv "$r/$2" "$stage/src/debian/$1/$2"
}
take bstrace usr/bin/bstrace
take bstrace usr/share/man/man1/bstrace.1
take bstrace usr/share/bash-completion/completions/bstrace
take bstraced usr/sbin/bstraced
take bstraced usr/share/man/man8/bstraced.8
take bstraced usr/share/bash-completion/completions/bstraced
take bstraced lib/systemd/system/bstraced.service
mkdir -p "$stage/src/debian/bstraced/usr/share/doc/bstraced/examples"
mv "$r/usr/share/doc/bstrace/examples/bstraced.conf" "$stage/src/debian/bstraced/usr/share/doc/bstraced/examples/"
left=$(cd "$r" && find . -type f)
[ -z "$left" ] || { echo "deb.sh: installed files no package takes: $left" >&2; exit 1; }

# debian/control for dpkg-shlibdeps, which reads it from the current directory (and wants the
# binaries in debian/PACKAGE/)
cat >"$stage/src/debian/control" <<EOF
Source: bstrace

Package: bstrace
Architecture: any

Package: bstraced
Architecture: any
EOF

for pkg in bstrace bstraced; do
	p=$stage/src/debian/$pkg
	case $pkg in
	bstrace)
		bin=usr/bin/bstrace section=utils
		summary="strace-compatible system call tracer using eBPF"
		long=" bstrace prints what strace prints (decoded arguments, return values,
 signals, exits, -f children) without stopping the traced process at each
 call: eBPF programs on the raw_syscalls tracepoints filter in the kernel
 and copy only what each line needs. Also strace -c summaries and
 system-wide counts aggregated in the kernel, JSON output, and recording
 for later decoding. Needs Linux 5.17 or newer with BTF." ;;
	bstraced)
		bin=usr/sbin/bstraced section=admin
		summary="system call metrics exporter for Prometheus using eBPF"
		long=" bstraced counts every system call of the host in the kernel with eBPF
 and serves Prometheus metrics over HTTP (by syscall, command or cgroup,
 errors and latency histograms), with an optional JSON-lines event stream
 and a flight recorder that writes the last calls of processes that crash.
 The systemd unit is installed disabled. Needs Linux 5.17 or newer with BTF." ;;
	esac
	strip --remove-section=.comment --remove-section=.note --strip-unneeded "$p/$bin"
	gzip -9n "$p"/usr/share/man/man?/*
	doc=$p/usr/share/doc/$pkg
	mkdir -p "$doc"
	cat >"$doc/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: bstrace

Files: *
Copyright: $year the bstrace authors
License: GPL-2
 This program is free software; you can redistribute it and/or modify it
 under the terms of the GNU General Public License version 2 as published by
 the Free Software Foundation.
 .
 On Debian systems, the full text of the GNU General Public License version 2
 can be found in /usr/share/common-licenses/GPL-2.
EOF
	printf '%s (%s) unstable; urgency=medium\n\n  * Built by tools/deb.sh from git commit %s.\n\n -- %s  %s\n' \
		"$pkg" "$version" "$commit" "$maintainer" "$date" | gzip -9n >"$doc/changelog.gz"
	find "$p" -type d -exec chmod 0755 {} +
	find "$p" -type f -exec chmod 0644 {} +
	chmod 0755 "$p/$bin"
	find "$p" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

	mkdir -p "$p/DEBIAN"
	deps=$(cd "$stage/src" && dpkg-shlibdeps -O "debian/$pkg/$bin" 2>"$stage/shlibdeps.err" |
		sed -n 's/^shlibs:Depends=//p') || { cat "$stage/shlibdeps.err" >&2; exit 1; }
	[ -n "$deps" ] || { cat "$stage/shlibdeps.err" >&2; echo "deb.sh: no dependencies found" >&2; exit 1; }
	size=$(du -sk --apparent-size "$p" | cut -f1)
	cat >"$p/DEBIAN/control" <<EOF
Package: $pkg
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $size
Depends: $deps
Section: $section
Priority: optional
Description: $summary
$long
EOF
	if [ "$pkg" = bstraced ]; then
		# what dh_installsystemd --no-enable --no-start writes, and the state on purge
		cat >"$p/DEBIAN/postinst" <<'EOF'
#!/bin/sh
set -e
# the unit is installed disabled: systemctl enable --now bstraced
if [ "$1" = configure ] || [ "$1" = abort-upgrade ] || [ "$1" = abort-deconfigure ] ||
   [ "$1" = abort-remove ]; then
	if deb-systemd-helper debian-installed bstraced.service; then
		deb-systemd-helper unmask bstraced.service >/dev/null || true
		if deb-systemd-helper --quiet was-enabled bstraced.service; then
			deb-systemd-helper enable bstraced.service >/dev/null || true
		fi
	fi
	deb-systemd-helper update-state bstraced.service >/dev/null || true
	if [ -d /run/systemd/system ]; then
		systemctl --system daemon-reload >/dev/null || true
	fi
fi
EOF
		cat >"$p/DEBIAN/prerm" <<'EOF'
#!/bin/sh
set -e
if [ -z "${DPKG_ROOT:-}" ] && [ "$1" = remove ] && [ -d /run/systemd/system ]; then
	deb-systemd-invoke stop bstraced.service >/dev/null || true
fi
EOF
		cat >"$p/DEBIAN/postrm" <<'EOF'
#!/bin/sh
set -e
if [ "$1" = remove ] && [ -d /run/systemd/system ]; then
	systemctl --system daemon-reload >/dev/null || true
fi
if [ "$1" = remove ] && command -v deb-systemd-helper >/dev/null; then
	deb-systemd-helper mask bstraced.service >/dev/null || true
fi
if [ "$1" = purge ]; then
	if command -v deb-systemd-helper >/dev/null; then
		deb-systemd-helper purge bstraced.service >/dev/null || true
		deb-systemd-helper unmask bstraced.service >/dev/null || true
	fi
	# the unit's StateDirectory= and LogsDirectory= (DynamicUser=yes keeps them in private/)
	rm -rf /var/lib/bstraced /var/lib/private/bstraced /var/log/bstraced \
		/var/log/private/bstraced
fi
EOF
		chmod 0755 "$p/DEBIAN/postinst" "$p/DEBIAN/prerm" "$p/DEBIAN/postrm"
	fi
	(cd "$p" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z |
		xargs -0 md5sum) >"$p/DEBIAN/md5sums"
	chmod 0644 "$p/DEBIAN/md5sums"
	dpkg-deb --root-owner-group -Zxz --build "$p" "$out/${pkg}_${version}_${arch}.deb" >/dev/null
	echo "$out/${pkg}_${version}_${arch}.deb"
done
