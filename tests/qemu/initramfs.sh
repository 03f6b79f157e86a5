# Sourced by the qemu runners. make_initramfs ROOT BUSYBOX BUILD CMDS ldd: lays out a guest root with
# busybox, bstrace, bstraced, the unit tests and corpus programs of BUILD, their shared libraries
# (the host's: same arch), and an /init that runs CMDS and powers off.
make_initramfs() {
	root=$1 bb=$2 bdir=$3 list=$4
	rm -rf "$root"
	mkdir -p "$root/bin" "$root/usr/bin" "$root/proc" "$root/sys" "$root/dev" "$root/tmp" \
		"$root/run" "$root/etc" "$root/root" "$root/tests" "$root/corpus"
	cp "$bb" "$root/bin/busybox"
	ln -s busybox "$root/bin/sh"
	cp "$bdir/bstrace" "$bdir/bstraced" "$root/usr/bin/"
	for t in "$bdir"/tests/test_*; do [ -x "$t" ] && cp "$t" "$root/tests/"; done
	if [ -d "$bdir/tests/corpus" ]; then
		cp -r "$bdir/tests/corpus/." "$root/corpus/"
		cp "$here/../corpus/check-strace.sh" "$root/corpus/"
	fi
	# the NEEDED closure, as the host's dynamic linker resolves it
	for f in "$root"/usr/bin/* "$root"/tests/* $(find "$root/corpus" -type f -perm -u+x); do
		ldd "$f" 2>/dev/null | sed -n 's/.*=> \(\/[^ ]*\).*/\1/p; s/^[[:space:]]*\(\/[^ ]*\) (.*/\1/p'
	done | sort -u | while IFS= read -r lib; do
		mkdir -p "$root$(dirname "$lib")"
		cp -L "$lib" "$root$lib"
	done
	# the loader's start-up (corpus startup.c) reads /etc/ld.so.cache as on the host
	[ "$5" != ldd ] || ldconfig -r "$root" 2>/dev/null || true
	echo "root:x:0:0:root:/root:/bin/sh" >"$root/etc/passwd"
	echo "nobody:x:65534:65534:nobody:/nonexistent:/bin/sh" >>"$root/etc/passwd"
	printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
	echo bstrace-guest >"$root/etc/hostname"
	grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' -e '^expect' "$list" >"$root/cmds" || true
	cat >"$root/init" <<'INIT'
#!/bin/sh
/bin/busybox --install -s /bin 2>/dev/null
export PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mount -t tmpfs tmpfs /tmp
mount -t cgroup2 cgroup2 /sys/fs/cgroup 2>/dev/null
ip link set lo up 2>/dev/null
hostname bstrace-guest
cd /root
echo "@@@ GUEST $(uname -srm) BTF=$(test -r /sys/kernel/btf/vmlinux && echo yes || echo no) jit=$(cat /proc/sys/net/core/bpf_jit_enable 2>/dev/null) up=$(cut -d' ' -f1 /proc/uptime)s"
n=0
while IFS= read -r cmd; do
	n=$((n + 1))
	echo "@@@ BEGIN $n $cmd"
	start=$(cut -d' ' -f1 /proc/uptime)
	sh -c "$cmd" </dev/null 2>&1
	rc=$?
	echo "@@@ END $n rc=$rc start=$start end=$(cut -d' ' -f1 /proc/uptime)"
done </cmds
echo "@@@ DONE up=$(cut -d' ' -f1 /proc/uptime)s"
sync
poweroff -f
INIT
	chmod 0755 "$root/init"
}
