#!/bin/sh
# `cmake --install BUILD --prefix P` (CMakeLists.txt): the binaries, the man pages, the bash
# completion (generated from the option tables: it must list what the source has), the systemd
# unit with P's path to bstraced (and with DESTDIR, the prefix's), an example config whose keys
# bstraced accepts; and `P/bin/bstrace --version`. No BPF needed. A build without bstraced
# (BSTRACE_DAEMON=OFF): bstrace's files alone, and none of bstraced's.
. "$(dirname "$0")/../lib.sh"
daemon=${BSTRACE_DAEMON:-ON}

build=${BUILDDIR:-$(dirname "$BSTRACE")}
[ -f "$build/cmake_install.cmake" ] || fail "$build is not a CMake build directory (set BUILDDIR)"
P=$WORK/prefix
cmake --install "$build" --prefix "$P" >"$WORK/install.log" 2>&1 ||
	{ cat "$WORK/install.log"; fail "cmake --install failed"; }

DAEMON_FILES="sbin/bstraced share/man/man8/bstraced.8 share/bash-completion/completions/bstraced
	share/doc/bstrace/examples/bstraced.conf lib/systemd/system/bstraced.service"
[ -f "$P/bin/bstrace" ] && [ -x "$P/bin/bstrace" ] || fail "no executable bin/bstrace"
for f in share/man/man1/bstrace.1 share/bash-completion/completions/bstrace; do
	[ -s "$P/$f" ] || fail "no $f"
done
cmp -s "$P/share/man/man1/bstrace.1" "$SRCDIR/man/bstrace.1" || fail "bstrace.1 differs from man/"
if [ "$daemon" = OFF ]; then
	for f in $DAEMON_FILES; do
		[ ! -e "$P/$f" ] || fail "built without bstraced, but $f is installed"
	done
	echo "ok   installed (no bstraced): $(cd "$P" && find . -type f | sort | tr '\n' ' ')"
else
	[ -x "$P/sbin/bstraced" ] || fail "no executable sbin/bstraced"
	for f in $DAEMON_FILES; do
		[ -s "$P/$f" ] || fail "no $f"
	done
	cmp -s "$P/share/man/man8/bstraced.8" "$SRCDIR/man/bstraced.8" ||
		fail "bstraced.8 differs from man/"
	echo "ok   installed: $(cd "$P" && find . -type f | sort | tr '\n' ' ')"
fi

# --version: the same shape for both, the commit of the build
v1=$("$P/bin/bstrace" --version) || fail "bstrace --version failed"
echo "$v1" | grep -Eqx 'bstrace [0-9]+\.[0-9]+\.[0-9]+ \(git ([0-9a-f]{7,}|unknown)\)' ||
	fail "bstrace --version: '$v1'"
if [ "$daemon" = OFF ]; then
	v2="(no bstraced)"
else
	v2=$("$P/sbin/bstraced" --version) || fail "bstraced --version failed"
	[ "$v2" = "bstraced ${v1#bstrace }" ] || fail "bstraced --version '$v2' differs from '$v1'"
fi
commit=$(echo "$v1" | sed 's/.*(git \(.*\))/\1/')
if command -v git >/dev/null && git -C "$SRCDIR" rev-parse HEAD >/dev/null 2>&1; then
	# the build's commit: HEAD, or one before it when commits came after the build
	[ "$commit" != unknown ] || fail "--version says 'unknown' in a git checkout"
	git -C "$SRCDIR" merge-base --is-ancestor "$commit" HEAD ||
		fail "--version's commit $commit is not HEAD or an ancestor"
fi
echo "ok   $v1 / $v2"

# the unit, the example config (bstraced's)
daemon_checks() {
	# the unit: the installed path, nothing left of the template
	unit=$P/lib/systemd/system/bstraced.service
	grep -qx "ExecStart=$P/sbin/bstraced \$BSTRACED_OPTS" "$unit" ||
		{ grep ExecStart "$unit"; fail "the unit does not start $P/sbin/bstraced"; }
	! grep -n '@[A-Za-z_]*@' "$unit" || fail "the unit has unsubstituted @VARIABLES@"
	if command -v systemd-analyze >/dev/null; then
		systemd-analyze verify --man=no "$unit" >"$WORK/verify" 2>&1 ||
			{ cat "$WORK/verify"; fail "systemd-analyze verify $unit"; }
		[ ! -s "$WORK/verify" ] || { cat "$WORK/verify"; fail "systemd-analyze verify: warnings"; }
		echo "ok   systemd-analyze verify: the unit is clean"
	fi
	# DESTDIR (a package's staging): the path at run time, without DESTDIR
	DESTDIR=$WORK/dest cmake --install "$build" --prefix /usr >"$WORK/install2.log" 2>&1 ||
		{ cat "$WORK/install2.log"; fail "DESTDIR=... cmake --install --prefix /usr failed"; }
	grep -qx 'ExecStart=/usr/sbin/bstraced $BSTRACED_OPTS' "$WORK/dest/usr/lib/systemd/system/bstraced.service" ||
		fail "with DESTDIR, the unit does not start /usr/sbin/bstraced"
	[ -x "$WORK/dest/usr/bin/bstrace" ] || fail "with DESTDIR: no usr/bin/bstrace"
	echo "ok   unit: ExecStart=$P/sbin/bstraced; with DESTDIR and --prefix /usr, /usr/sbin/bstraced"

	# the example config: every key is a bstraced option, and bstraced reads it all uncommented
	sh "$SRCDIR/tools/options.sh" long "$SRCDIR/user/daemon/bstraced.c" >"$WORK/dlong"
	conf=$P/share/doc/bstrace/examples/bstraced.conf
	sed -n 's/^#\([a-z][a-z-]*\)\( = .*\)\{0,1\}$/\1/p' "$conf" | sort -u >"$WORK/keys"
	[ "$(wc -l <"$WORK/keys")" -ge 10 ] || fail "the example config names only $(wc -l <"$WORK/keys") keys"
	for k in $(cat "$WORK/keys"); do
		grep -q "^$k " "$WORK/dlong" || fail "example config: '$k' is not a bstraced option"
	done
	# uncommented (but successful-only: -z and -Z exclude each other); the config is read before
	# the command line's unknown option stops it, before any BPF
	sed -e 's/^#\([a-z][a-z-]*\( = .*\)\{0,1\}\)$/\1/' -e '/^successful-only$/d' "$conf" >"$WORK/all.conf"
	"$P/sbin/bstraced" -c "$WORK/all.conf" --no-such-option >"$WORK/out" 2>"$WORK/err" &&
		fail "bstraced accepted --no-such-option"
	grep -q "unknown option '--no-such-option'" "$WORK/err" ||
		{ cat "$WORK/err"; fail "bstraced did not read the example config (every line uncommented)"; }
	echo "ok   example config: $(wc -l <"$WORK/keys") keys, all bstraced options, read whole"
}
if [ "$daemon" = OFF ]; then
	DESTDIR=$WORK/dest cmake --install "$build" --prefix /usr >"$WORK/install2.log" 2>&1 ||
		{ cat "$WORK/install2.log"; fail "DESTDIR=... cmake --install --prefix /usr failed"; }
	[ -x "$WORK/dest/usr/bin/bstrace" ] || fail "with DESTDIR: no usr/bin/bstrace"
	echo "ok   with DESTDIR and --prefix /usr: usr/bin/bstrace"
	programs=bstrace:user/main.c
else
	daemon_checks
	programs="bstrace:user/main.c bstraced:user/daemon/bstraced.c"
fi

# the completion: generated from the current source, and it completes
for pair in $programs; do
	prog=${pair%%:*} src=${pair#*:}
	comp=$P/share/bash-completion/completions/$prog
	bash -n "$comp" || fail "$prog's completion is not valid bash"
	sh "$SRCDIR/tools/options.sh" long "$SRCDIR/$src" | cut -d' ' -f1 | sort -u >"$WORK/want"
	bash -c '. "$1"; fn=_$2; fn=${fn//[^A-Za-z0-9_]/_}; v=${fn}_longs; printf "%s\n" ${!v}' \
		sh "$comp" "$prog" | sed -e 's/^--//' -e 's/=$//' | sort -u >"$WORK/have"
	cmp -s "$WORK/want" "$WORK/have" || { diff "$WORK/want" "$WORK/have";
		fail "$prog's completion does not list $src's long options"; }
	echo "ok   $prog completion: the $(wc -l <"$WORK/want") long options of $src"
done
cat >"$WORK/complete.bash" <<'EOF'
. "$1"
# as bash splits a line: words at blanks, "=" and ":" words of their own
t() {
	local line=$1 want=$2 w
	COMP_WORDS=()
	for w in $line; do
		while [[ $w =~ ^([^=:]*)([=:])(.*)$ ]]; do
			[[ -n ${BASH_REMATCH[1]} ]] && COMP_WORDS+=("${BASH_REMATCH[1]}")
			COMP_WORDS+=("${BASH_REMATCH[2]}")
			w=${BASH_REMATCH[3]}
		done
		[[ -n $w ]] && COMP_WORDS+=("$w")
	done
	[[ $line == *' ' ]] && COMP_WORDS+=("")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	_bstrace
	[[ " ${COMPREPLY[*]} " == *" $want "* ]] || { echo "FAIL: '$line' completes to '${COMPREPLY[*]}', not '$want'"; exit 1; }
	echo "ok   completion: '$line' -> $want"
}
t 'bstrace --follow-f' --follow-forks
t 'bstrace --out' --output=
t 'bstrace -e trace=opena' openat
t 'bstrace -e tra' trace=
t 'bstrace --status=fa' failed
t 'bstrace -f -e trace=read,wri' read,write
t 'bstrace -S avg' avg-time
t 'bstrace -f -- bstrac' bstrace
EOF
PATH=$P/bin:$PATH bash "$WORK/complete.bash" "$P/share/bash-completion/completions/bstrace" ||
	fail "bash completion"
