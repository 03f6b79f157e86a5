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
	native=$(dpkg --print-architecture)
	for p in "$@"; do
		# the host's own architecture (or all): the arm64 qemu harness installs libbpf-dev:arm64
		# and the like, which replace the amd64 ones
		dpkg-query -W -f='${Status} ${Architecture}\n' "$p" 2>/dev/null |
			grep -Eq "ok installed ($native|all)\$" || missing="$missing $p"
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
