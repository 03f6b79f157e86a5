#!/bin/sh
# --json when tracing: one object per line, valid UTF-8 and JSON whatever the tracee wrote
# (invalid UTF-8, terminal escapes, NULs), one object per call of the text trace.
. "$(dirname "$0")/../lib.sh"
require_bpf

"$BSTRACE" --json -f -o "$WORK/j" -- sh -c \
	'printf "\377\376bad utf8 \033[2J \000 nul\n" >/dev/null; cat /nonexistent 2>/dev/null; exit 3'
rc=$?
[ $rc -eq 3 ] || fail "exit status $rc, want 3"
"$BSTRACE" -f -o "$WORK/t" -- sh -c \
	'printf "\377\376bad utf8 \033[2J \000 nul\n" >/dev/null; cat /nonexistent 2>/dev/null; exit 3'
python3 - "$WORK/j" "$WORK/t" <<'PY' || fail "JSON trace check"
import json, sys
objs = []
for raw in open(sys.argv[1], "rb"):
    objs.append(json.loads(raw.decode("utf-8")))
calls = [o for o in objs if "syscall" in o]
text = [l for l in open(sys.argv[2]) if "(" in l and "+++" not in l and "---" not in l
        and "resumed>" not in l]
assert all(isinstance(o["pid"], int) and isinstance(o["time"], float) for o in objs)
w = [o for o in calls if o["syscall"] == "write" and "bad utf8" in o["args"][1]]
assert w and "\\377\\376" in w[0]["args"][1] and "\\33[2J" in w[0]["args"][1], w
e = [o for o in calls if o.get("errno") == "ENOENT" and "/nonexistent" in "".join(o["args"])]
assert e and e[0]["return"] == -1, "failed openat of /nonexistent"
assert any(o.get("exited") == 3 for o in objs), "exit 3"
assert abs(len(calls) - len(text)) <= 2, (len(calls), len(text))
print("ok   %d JSON objects, %d calls (text trace: %d lines)" % (len(objs), len(calls), len(text)))
PY
