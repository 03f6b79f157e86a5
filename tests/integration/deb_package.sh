#!/bin/sh
# The Debian packages (tools/deb.sh --from BUILD): built from this build, lintian-clean at the
# error level, installed on this machine with dpkg -i (/usr/bin/bstrace -c -- true runs, the
# bstraced unit is in place, verified and not enabled), then purged, leaving the machine as it
# was: no file of the packages, no dpkg record, no systemd state, nothing named bstrace* that
# was not there before.
# Root only, and not where bstrace or bstraced is installed from a package already (skips).
# Off in the sanitized pass: -DBSTRACE_DEB_TEST=OFF (tools/test.sh), as a package of an ASan
# build means nothing.
. "$(dirname "$0")/../lib.sh"

skip() {
	[ "${CI:-}" = true ] && fail "$*"
	echo "SKIP: $*"
	exit 77
}
[ "$(id -u)" -eq 0 ] || skip "installing packages needs root"
command -v dpkg-deb >/dev/null || skip "not a Debian system (no dpkg-deb)"
for p in bstrace bstraced; do
	if dpkg-query -W -f '${Status}\n' "$p" 2>/dev/null | grep -qv 'not-installed'; then
		echo "SKIP: package $p is installed here already: not replacing it"
		exit 77
	fi
done
require_bpf
build=${BUILDDIR:-$(dirname "$BSTRACE")}
[ -f "$build/cmake_install.cmake" ] || fail "$build is not a CMake build directory (set BUILDDIR)"

# build, and look inside
sh "$SRCDIR/tools/deb.sh" --from "$build" "$WORK/debs" >"$WORK/deb.log" 2>&1 ||
	{ cat "$WORK/deb.log"; fail "tools/deb.sh failed"; }
set -- "$WORK"/debs/bstrace_*.deb "$WORK"/debs/bstraced_*.deb
[ -f "$1" ] && [ -f "$2" ] || { ls -l "$WORK/debs"; fail "no bstrace_*.deb and bstraced_*.deb"; }
for f in "$@"; do
	echo "ok   built $(basename "$f"): $(wc -c <"$f") bytes"
done
dpkg-deb -c "$1" | awk '{ print $6 }' | sed 's|^\./|/|' >"$WORK/files.bstrace"
dpkg-deb -c "$2" | awk '{ print $6 }' | sed 's|^\./|/|' >"$WORK/files.bstraced"
for f in /usr/bin/bstrace /usr/share/man/man1/bstrace.1.gz \
	/usr/share/bash-completion/completions/bstrace /usr/share/doc/bstrace/copyright; do
	grep -qx "$f" "$WORK/files.bstrace" || fail "bstrace's package has no $f"
done
for f in /usr/sbin/bstraced /lib/systemd/system/bstraced.service /usr/share/man/man8/bstraced.8.gz \
	/usr/share/doc/bstraced/examples/bstraced.conf /usr/share/doc/bstraced/copyright; do
	grep -qx "$f" "$WORK/files.bstraced" || fail "bstraced's package has no $f"
done
dpkg-deb -I "$2" postinst >/dev/null || fail "bstraced has no postinst"
echo "ok   contents: binaries, man pages, completion, unit, example config, copyright"

if command -v lintian >/dev/null; then
	lintian --fail-on error "$@" >"$WORK/lintian" 2>&1 ||
		{ cat "$WORK/lintian"; fail "lintian: errors"; }
	echo "ok   lintian: no errors ($(grep -c '^W:' "$WORK/lintian") warnings)"
else
	[ "${CI:-}" = true ] && fail "lintian is not installed (tools/test.sh installs it)"
	echo "note: lintian is not installed: not checked"
fi

# the machine before: what the packages ship must not be there; what is named like them is kept
cat "$WORK/files.bstrace" "$WORK/files.bstraced" | grep -v '/$' >"$WORK/files"
for f in $(cat "$WORK/files"); do
	[ ! -e "$f" ] && [ ! -L "$f" ] || skip "$f exists already: not overwriting it"
done
state() {
	find /etc /var/lib /var/log /lib/systemd /usr/lib/systemd /usr/share/doc /usr/share/man \
		/usr/share/bash-completion /usr/bin /usr/sbin /run/systemd \
		-name '*bstrace*' ! -path '/var/lib/dpkg/info/*' 2>/dev/null | sort
	find /etc/systemd /var/lib/systemd/deb-systemd-helper-enabled \
		/var/lib/systemd/deb-systemd-helper-masked 2>/dev/null | sort
	ls /var/lib/dpkg/info | grep '^bstrace' || true
	dpkg-query -W -f '${Package} ${Status}\n' | grep '^bstrace' || true
}
state >"$WORK/before"

purged=false
purge() {
	$purged && return 0
	purged=true
	dpkg --purge bstrace bstraced >"$WORK/purge.log" 2>&1
}
trap 'purge; rm -rf "$WORK"' EXIT

dpkg -i "$@" >"$WORK/install.log" 2>&1 || { cat "$WORK/install.log"; fail "dpkg -i failed"; }
for p in bstrace bstraced; do
	[ "$(dpkg-query -W -f '${Status}' "$p")" = "install ok installed" ] || fail "$p is not installed"
done
echo "ok   dpkg -i $(basename "$1") $(basename "$2")"

# installed: it runs, and the same build
[ "$(/usr/bin/bstrace --version)" = "$("$BSTRACE" --version)" ] ||
	fail "/usr/bin/bstrace --version: '$(/usr/bin/bstrace --version)'"
/usr/sbin/bstraced --version | grep -Eqx 'bstraced [0-9.]+ \(git ([0-9a-f]+|unknown)\)' ||
	fail "/usr/sbin/bstraced --version: '$(/usr/sbin/bstraced --version)'"
/usr/bin/bstrace -c -- true >"$WORK/out" 2>"$WORK/err" ||
	{ cat "$WORK/err"; fail "/usr/bin/bstrace -c -- true failed"; }
grep -q 'total' "$WORK/err" || { cat "$WORK/err"; fail "/usr/bin/bstrace -c -- true: no summary"; }
echo "ok   /usr/bin/bstrace -c -- true: $(grep -c . "$WORK/err") summary lines"
if command -v man >/dev/null; then
	[ "$(man -w bstrace)" = /usr/share/man/man1/bstrace.1.gz ] || fail "man -w bstrace: $(man -w bstrace)"
	[ "$(man -w 8 bstraced)" = /usr/share/man/man8/bstraced.8.gz ] || fail "man -w bstraced"
	echo "ok   man bstrace, man 8 bstraced"
fi

# the service: installed, verified, disabled
unit=/lib/systemd/system/bstraced.service
grep -qx 'ExecStart=/usr/sbin/bstraced $BSTRACED_OPTS' "$unit" || fail "$unit does not run /usr/sbin/bstraced"
[ ! -e /etc/systemd/system/multi-user.target.wants/bstraced.service ] || fail "bstraced is enabled"
if [ -d /run/systemd/system ]; then
	[ "$(systemctl is-enabled bstraced.service)" = disabled ] ||
		fail "systemctl is-enabled: $(systemctl is-enabled bstraced.service)"
	! systemctl -q is-active bstraced.service || fail "bstraced was started"
fi
if command -v systemd-analyze >/dev/null; then
	man_check=--man=no
	command -v man >/dev/null && man_check=--man=yes
	systemd-analyze verify "$man_check" "$unit" >"$WORK/verify" 2>&1 ||
		{ cat "$WORK/verify"; fail "systemd-analyze verify $unit"; }
	[ ! -s "$WORK/verify" ] || { cat "$WORK/verify"; fail "systemd-analyze verify: warnings"; }
	echo "ok   $unit: systemd-analyze verify clean, not enabled"
else
	echo "ok   $unit: not enabled (no systemd-analyze)"
fi

# purge: nothing of the packages left
purge || { cat "$WORK/purge.log"; fail "dpkg --purge failed"; }
for p in bstrace bstraced; do
	if dpkg-query -W -f '${Status}\n' "$p" 2>/dev/null | grep -qv 'not-installed'; then
		fail "$p is still known to dpkg: $(dpkg-query -W -f '${Status}' "$p")"
	fi
done
for f in $(cat "$WORK/files"); do
	[ ! -e "$f" ] && [ ! -L "$f" ] || fail "$f is left after the purge"
done
state >"$WORK/after"
diff "$WORK/before" "$WORK/after" || fail "the purge did not leave the machine as it was"
echo "ok   dpkg --purge: no file, dpkg record or systemd state left"
