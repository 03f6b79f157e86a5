#!/bin/sh
# What /metrics answers, and how: content negotiation (Accept: the text format 0.0.4 or
# OpenMetrics 1.0.0; Accept-Encoding: gzip or not, q-values honoured), each page checked
# (`promtool check metrics` for the text format, plain and gunzipped; OpenMetrics by
# Prometheus's own OpenMetrics parser, in a real scrape, since promtool reads only the text
# format), and label values with control bytes: a process names itself with ESC, BEL, TAB, DEL,
# a newline, a backslash, a quote and a C1 CSI (prctl PR_SET_NAME); no page carries a raw
# control byte, and Prometheus reads the comm back escaped as documented.
. "$(dirname "$0")/../lib.sh"
for tool in prometheus promtool curl python3 cc gzip; do
	command -v "$tool" >/dev/null && continue
	[ "${CI:-}" = true ] && fail "$tool is not installed (tools/test.sh installs it)"
	echo "SKIP: $tool is not installed"
	exit 77
done
require_bpf

. "$(dirname "$0")/../daemon_lib.sh"

# ---- a comm made of control bytes, and a known number of getppid calls ----
cat >"$WORK/ctl_comm.c" <<'EOF'
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	/* 14 bytes: b ESC [31m BEL TAB DEL LF \ " and U+009B (CSI) */
	static const char name[] = "b\x1b[31m\a\t\x7f\n\\\"\xc2\x9b";
	long i, n = atol(argv[1]);

	prctl(PR_SET_NAME, name);
	for (i = 0; i < n; i++)
		syscall(SYS_getppid);
	return 0;
}
EOF
cc -O2 -Wall -Werror -o "$WORK/ctl_comm" "$WORK/ctl_comm.c" || fail "cannot build ctl_comm"

start_daemon d --listen 127.0.0.1:0
url="http://127.0.0.1:$port/metrics"
"$WORK/ctl_comm" 4321 || fail "ctl_comm failed"

# get NAME CURL-ARGS...: headers in $WORK/NAME.h (lower-case names), body in $WORK/NAME
get() {
	n=$1; shift
	curl -sf -D "$WORK/$n.raw" -o "$WORK/$n" "$@" "$url" || fail "GET /metrics $* failed"
	tr -d '\r' <"$WORK/$n.raw" | tr 'A-Z' 'a-z' >"$WORK/$n.h"
}
# header NAME HEADER VALUE: the response had exactly this header (value compared lower-case)
header() {
	grep -qx "$2: $3" "$WORK/$1.h" || { cat "$WORK/$1.h"; fail "$1: no '$2: $3'"; }
}
no_header() {
	! grep -q "^$2:" "$WORK/$1.h" || { cat "$WORK/$1.h"; fail "$1: '$2' should not be there"; }
}
lint() {
	promtool check metrics <"$1" >"$WORK/lint" 2>&1 ||
		{ cat "$WORK/lint"; fail "promtool: $2"; }
}
TEXT="text/plain; version=0.0.4; charset=utf-8"
OM="application/openmetrics-text; version=1.0.0; charset=utf-8"

# ---- the text format: plain, and gzip ----
get plain
header plain content-type "$TEXT"
no_header plain content-encoding
header plain vary "accept, accept-encoding"
lint "$WORK/plain" "the plain page"
echo "ok   no Accept: text format, $(wc -c <"$WORK/plain") bytes, promtool accepts it"

get gz -H 'Accept-Encoding: gzip'
header gz content-encoding gzip
header gz content-type "$TEXT"
gzip -dc <"$WORK/gz" >"$WORK/gunzipped" || fail "the gzip body does not decompress"
lint "$WORK/gunzipped" "the gunzipped page"
echo "ok   Accept-Encoding: gzip: $(wc -c <"$WORK/gz") bytes for $(wc -c <"$WORK/gunzipped"), gunzipped page accepted"
curl -sf --compressed "$url" >"$WORK/compressed" || fail "curl --compressed failed"
lint "$WORK/compressed" "curl --compressed"
echo "ok   curl --compressed: accepted"

for enc in 'gzip;q=0' identity 'br, deflate' 'gzip;q=0, *;q=1'; do
	get e -H "Accept-Encoding: $enc"
	no_header e content-encoding
done
for enc in '*' 'deflate, gzip;q=0.5' 'x-gzip' 'GZIP'; do
	get e -H "Accept-Encoding: $enc"
	header e content-encoding gzip
done
echo "ok   Accept-Encoding q-values: gzip;q=0, identity, br, *: as asked"

# HEAD: the headers of the same page, no body
curl -sf -I -H 'Accept-Encoding: gzip' "$url" | tr -d '\r' | tr 'A-Z' 'a-z' >"$WORK/head.h"
grep -qx 'content-encoding: gzip' "$WORK/head.h" || fail "HEAD with gzip: no Content-Encoding"
echo "ok   HEAD"

# ---- OpenMetrics ----
for acc in 'application/openmetrics-text; version=1.0.0' \
	'application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1' \
	'text/plain;q=0.3, application/openmetrics-text;q=0.9'; do
	get om -H "Accept: $acc"
	header om content-type "$OM"
done
for acc in 'text/plain' '*/*' 'application/openmetrics-text;q=0, */*' \
	'application/openmetrics-text;q=0.5, text/plain'; do
	get t -H "Accept: $acc"
	header t content-type "$TEXT"
done
get omgz -H 'Accept: application/openmetrics-text; version=1.0.0' -H 'Accept-Encoding: gzip'
header omgz content-type "$OM"
header omgz content-encoding gzip
gzip -dc <"$WORK/omgz" >"$WORK/om.gunzipped" || fail "the OpenMetrics gzip body does not decompress"
echo "ok   Accept: OpenMetrics preferred -> $OM (also gzipped); text, */*, q=0 -> text"

# the OpenMetrics page's shape; the text page's, side by side
python3 - "$WORK/om.gunzipped" "$WORK/plain" <<'EOF' || exit 1
import re, sys
om, text = (open(p, "rb").read().decode() for p in sys.argv[1:3])
bad = []
if not om.endswith("\n# EOF\n") or om.count("# EOF") != 1:
    bad.append("the page does not end with one '# EOF'")
types = dict(re.findall(r"^# TYPE (\S+) (\S+)$", om, re.M))
for fam, typ in types.items():
    if typ == "counter":
        if fam.endswith("_total"):
            bad.append("counter family %s keeps _total" % fam)
        if not re.search(r"^%s_total[{ ]" % re.escape(fam), om, re.M):
            bad.append("counter %s has no %s_total sample" % (fam, fam))
if types.get("bstrace_build") != "info" or "\nbstrace_build_info{" not in om:
    bad.append("bstrace_build is not an info family with a bstrace_build_info sample")
if types.get("bstrace_syscalls") != "counter":
    bad.append("no counter family bstrace_syscalls")
ttypes = dict(re.findall(r"^# TYPE (\S+) (\S+)$", text, re.M))
if ttypes.get("bstrace_syscalls_total") != "counter" or ttypes.get("bstrace_build_info") != "gauge":
    bad.append("text format: counters keep _total, build_info is a gauge")
if "# EOF" in text:
    bad.append("'# EOF' in the text format")
if bad:
    print("FAIL: " + "; ".join(bad))
    sys.exit(1)
print("ok   OpenMetrics page: %d families, counters without _total, info type, # EOF last"
      % len(types))
EOF

# ---- control bytes: never raw on any page; escaped as documented ----
python3 - "$WORK/plain" "$WORK/gunzipped" "$WORK/om.gunzipped" <<'EOF' || exit 1
import sys
want = r'comm="b\\x1b[31m\\x07\\x09\\x7f\n\\\"\\u009b"'
for p in sys.argv[1:]:
    page = open(p, "rb").read()
    raw = sorted({b for b in page if (b < 0x20 and b != 0x0a) or b == 0x7f})
    if raw or b"\xc2\x9b" in page:
        sys.exit("FAIL: %s carries raw control bytes %s" % (p, raw or ["U+009B"]))
    line = [l for l in page.decode().splitlines()
            if l.startswith("bstrace_syscalls_total{") and 'syscall="getppid"' in l and
            want in l]
    if not line or not line[0].endswith(" 4321"):
        sys.exit("FAIL: %s: no getppid line with %s and 4321 calls: %s" % (p, want, line))
print("ok   no raw control byte on any page; the comm prints as %s" % want)
EOF

# ---- Prometheus scrapes it: OpenMetrics first (its Accept header), gzip ----
prom_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$WORK/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  scrape_timeout: 1s
scrape_configs:
  - job_name: bstraced
    static_configs:
      - targets: ['127.0.0.1:$port']
EOF
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/tsdb" \
	--web.listen-address="127.0.0.1:$prom_port" --log.level=warn >"$WORK/prom.log" 2>&1 &
prom=$!
PIDS="$PIDS $prom"
python3 - "http://127.0.0.1:$prom_port" <<'EOF' || { cat "$WORK/prom.log"; exit 1; }
import json, sys, time, urllib.parse, urllib.request
api = sys.argv[1]
want = 'b\\x1b[31m\\x07\\x09\\x7f\n\\"\\u009b'   # the label value, unescaped once by Prometheus

def get(path):
    with urllib.request.urlopen(api + path, timeout=10) as r:
        return json.load(r)["data"]

deadline = time.time() + 60
while True:
    try:
        ts = get("/api/v1/targets")["activeTargets"]
        if ts and ts[0]["health"] == "up" and ts[0]["lastError"] == "":
            break
        state = ts[0] if ts else "no target"
    except Exception as e:
        state = e
    if time.time() > deadline:
        sys.exit("FAIL: Prometheus does not scrape bstraced: %s" % state)
    time.sleep(0.3)
print("ok   Prometheus scrapes bstraced: up, no scrape error")
# an info type in the metadata proves the page went through the OpenMetrics parser
meta = get("/api/v1/targets/metadata?" +
           urllib.parse.urlencode({"match_target": '{job="bstraced"}'}))
info = [m for m in meta if m["type"] == "info"]
if not info:
    sys.exit("FAIL: no info-type metadata: Prometheus did not parse OpenMetrics (%s)"
             % sorted({m["type"] for m in meta}))
print("ok   Prometheus parsed OpenMetrics: %s is an info family" % info[0]["metric"])
while True:
    res = [r for r in get("/api/v1/query?" + urllib.parse.urlencode(
        {"query": 'bstrace_syscalls_total{syscall="getppid"}'}))["result"]
        if r["metric"].get("comm", "").startswith("b\\x1b")]
    if res or time.time() > deadline:
        break
    time.sleep(0.3)
if len(res) != 1 or res[0]["metric"].get("comm") != want or res[0]["value"][1] != "4321":
    sys.exit("FAIL: the control-byte comm in Prometheus: %r, want %r = 4321" % (res, want))
print("ok   Prometheus reads the comm back as %r = 4321" % want)
EOF
stop_daemon
