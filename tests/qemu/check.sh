#!/bin/sh
# check.sh CMDS CONSOLE LIMIT QEMU_RC: prints the guest's output and checks each command of CMDS
# against its expect:/expect-rc: lines. Exit 0 all met, 1 one did not, 2 no boot, 124 timeout.
cmds=$1 log=$2 limit=$3 qrc=$4
sed -n '/@@@ GUEST/,$p' "$log"
if [ "$qrc" = 124 ] || [ "$qrc" = 137 ]; then
	echo "qemu: TIMEOUT after ${limit}s" >&2
	exit 124
fi
grep -q '@@@ GUEST' "$log" || { tail -n 40 "$log" >&2; echo "qemu: the guest never ran /init" >&2; exit 2; }
awk -v logf="$log" '
	function section(n,   line, out, on) {
		out = ""; on = 0
		while ((getline line < logf) > 0) {
			if (line ~ "^@@@ BEGIN " n " ") { on = 1; continue }
			if (on && line ~ "^@@@ END " n " ") { close(logf); return out "\n@@@RC " line }
			if (on) out = out line "\n"
		}
		close(logf); return ""
	}
	/^[[:space:]]*#/ || /^[[:space:]]*$/ { next }
	/^expect-rc:/ { sub(/^expect-rc:[[:space:]]*/, ""); want[n] = $0; next }
	/^expect:/ { sub(/^expect:[[:space:]]*/, ""); pats[n] = pats[n] "\n" $0; next }
	{ n++; cmd[n] = $0; want[n] = 0 }
	END {
		bad = 0
		for (i = 1; i <= n; i++) {
			s = section(i)
			if (s == "") { printf "FAIL %d (never finished): %s\n", i, cmd[i]; bad = 1; continue }
			rc = s; sub(/.*rc=/, "", rc); sub(/ .*/, "", rc)
			t = s; sub(/.*start=/, "", t); split(t, tt, / end=/)
			ok = (rc == want[i])
			m = split(pats[i], p, "\n")
			for (j = 2; j <= m; j++) if (s !~ p[j]) { ok = 0; printf "  missing /%s/\n", p[j] }
			printf "%s %d rc=%s %.1fs: %s\n", ok ? "PASS" : "FAIL", i, rc, tt[2] - tt[1], cmd[i]
			if (!ok) {
				# what it printed, next to the verdict (a long console is cut in CI logs)
				k = split(s, sl, "\n"); from = k > 16 ? k - 15 : 1
				for (j = from; j <= k; j++) printf "  | %s\n", sl[j]
				bad = 1
			}
		}
		exit bad
	}' "$cmds" >&2
