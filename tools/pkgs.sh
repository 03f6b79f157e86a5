# Sourced by tools/build.sh, tools/test.sh and bench/run.sh: installs missing Debian packages.
# need_pkgs [--no-recommends] WHO PKG...: WHO names the caller in messages. Needs root only when
# something is missing.
need_pkgs() {
	apt_opts=
	if [ "$1" = --no-recommends ]; then
		apt_opts=--no-install-recommends
		shift
	fi
	who=$1
	shift
	missing=
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
			missing="$missing $p"
	done
	[ -n "$missing" ] || return 0
	echo "$who: installing:$missing"
	if [ "$(id -u)" -ne 0 ]; then
		echo "$who: missing packages:$missing (run as root, or apt-get install them)" >&2
		exit 1
	fi
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $apt_opts $missing >/dev/null
}
