#!/bin/sh
# A bounded soak of bstraced under a syscall storm (a getppid loop per CPU), a fork storm
# (1000 short-lived commands with names of their own, every tenth exiting 1 for the flight
# recorder) and a failing-openat generator that outpaces --rate-limit 200, while /metrics is
# scraped every second. Asserts: every scrape answers 200 and parses; the daemon's RSS stays
# under 64 MiB and does not keep growing (max of the last third <= 1.2 x max of the first third
# + 4 MiB); rate-limit drops are counted; at most --top (500) series + "_other" per labelled
# metric; the events file is JSON lines of failed openat calls within the rate limit; flight
# dumps are written and counted; SIGTERM under load exits 0. Prints a summary table (syscalls/s
# of the whole host, RSS, scrape latency, lost/dropped/written events, and how often counters
# went back because the kernel's LRU map evicted rows: reported, not judged).
# SOAK_SECONDS (default 60) sets the length; past about 200 s raise ctest's limit too
# (ctest --timeout N). The memory bounds hold for the plain build: under AddressSanitizer
# (shadow memory, quarantine of freed blocks) RSS is reported, not judged.
. "$(dirname "$0")/../lib.sh"
SOAK_SECONDS=${SOAK_SECONDS:-60}
case $SOAK_SECONDS in '' | *[!0-9]*) fail "SOAK_SECONDS='$SOAK_SECONDS' is not a number" ;; esac
[ "$SOAK_SECONDS" -ge 6 ] || fail "SOAK_SECONDS must be at least 6"
require_bpf

. "$(dirname "$0")/../daemon_lib.sh"

# The scraper (mode "scrape") and the judge (mode "report").
cat >"$WORK/soak.py" <<'EOF'
import json, math, os, re, sys, time, urllib.request

RSS_BOUND_MIB = 64
TOP = 500
RATE_LIMIT = 200
SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})?\s+(\S+)(\s+-?\d+)?$')
LABEL = re.compile(r'\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(,|$)')


def parse(text):
    """[(name, {label: value}, float)] of a Prometheus text exposition; ValueError if bad."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        m = SAMPLE.match(line)
        if not m:
            raise ValueError("line %d: %r" % (n, line))
        labels, body = {}, (m.group(2) or "{}")[1:-1]
        pos = 0
        while pos < len(body):
            lm = LABEL.match(body, pos)
            if not lm:
                raise ValueError("line %d: labels %r" % (n, body))
            labels[lm.group(1)] = lm.group(2)
            pos = lm.end()
        out.append((m.group(1), labels, float(m.group(3))))
    return out


def rss_kib(pid):
    for line in open("/proc/%d/status" % pid):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise ValueError("no VmRSS")


def scrape(port, pid, seconds, out):
    url = "http://127.0.0.1:%d/metrics" % port
    start = time.monotonic()
    rows, k = [], 0
    prev = {}
    while True:
        tick = start + k
        now = time.monotonic()
        if tick > now:
            time.sleep(tick - now)
        if tick >= start + seconds:
            break
        row = {"t": time.monotonic() - start, "rss_kib": rss_kib(pid)}
        t0 = time.monotonic()
        try:
            with urllib.request.urlopen(url, timeout=60) as r:
                status, body = r.status, r.read().decode()
            row["latency"] = time.monotonic() - t0
            if status != 200:
                raise ValueError("HTTP %d" % status)
            samples = parse(body)
            seen = set()
            for n, l, v in samples:
                if (n, tuple(sorted(l.items()))) in seen:
                    raise ValueError("duplicate series %s%s" % (n, l))
                seen.add((n, tuple(sorted(l.items()))))
        except Exception as e:  # noqa: BLE001 - any failure of a scrape is recorded
            row["error"] = "%s: %s" % (type(e).__name__, e)
            row.setdefault("latency", time.monotonic() - t0)
            rows.append(row)
            print("scrape %d failed: %s" % (len(rows), row["error"]), flush=True)
            k = max(k + 1, math.ceil(time.monotonic() - start))
            continue
        calls = [(l, v) for n, l, v in samples if n == "bstrace_syscalls_total"]
        one = lambda name, **want: sum(v for n, l, v in samples if n == name and
                                       all(l.get(a) == b for a, b in want.items()))
        row.update(
            calls=sum(v for l, v in calls),
            # the per-syscall totals (a per-CPU array in the kernel, never evicted)
            counted=one("bstrace_syscall_duration_seconds_count"),
            series_calls=len(calls),
            series_errors=sum(1 for n, l, v in samples if n == "bstrace_syscall_errors_total"),
            lost=one("bstrace_events_lost_total"),
            dropped=one("bstrace_events_dropped_total", reason="rate_limit"),
            written=one("bstrace_events_written_total"),
            dumps=one("bstrace_flight_dumps_total"),
            groups=one("bstrace_kernel_groups"),
            capacity=one("bstrace_kernel_groups_capacity"),
            cpu=one("process_cpu_seconds_total"),
            has_build_info=any(n == "bstrace_build_info" for n, l, v in samples),
        )
        # counters of a series that stays (not the "_other" fold) never go back
        cur = {tuple(sorted(l.items())): v for l, v in calls if "_other" not in l.values()}
        back = [(dict(key), prev[key], v) for key, v in cur.items() if key in prev and v < prev[key]]
        row["decreases"] = len(back)
        row["decrease_examples"] = back[:3]
        prev = cur
        rows.append(row)
        k = max(k + 1, math.ceil(time.monotonic() - start))
    json.dump(rows, open(out, "w"))


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, math.ceil(p / 100 * len(xs)) - 1))]


def report(rows_path, events_path, ran_seconds, nfiles, ncpu, asan):
    rows = json.load(open(rows_path))
    ok = [r for r in rows if "error" not in r]
    bad = [r for r in rows if "error" in r]
    fails = []
    if bad:
        fails.append("%d of %d scrapes failed (first: %s)" % (len(bad), len(rows), bad[0]["error"]))
    if len(ok) < 3:
        fails.append("only %d successful scrapes" % len(ok))
        ok = ok or [{"latency": 0, "rss_kib": 0, "calls": 0, "t": 0}]
    rss = [r["rss_kib"] / 1024 for r in rows]
    third = max(1, len(rss) // 3)
    first, last = max(rss[:third]), max(rss[-third:])
    rss_fails = []
    if max(rss) >= RSS_BOUND_MIB:
        rss_fails.append("RSS reached %.1f MiB (bound %d MiB)" % (max(rss), RSS_BOUND_MIB))
    if last > first * 1.2 + 4:
        rss_fails.append("RSS keeps growing: max %.1f MiB in the last third, %.1f MiB in the "
                         "first" % (last, first))
    if asan:
        print("note: bstraced is built with AddressSanitizer: RSS not judged (%s)"
              % ("; ".join(rss_fails) or "within the bounds anyway"))
    else:
        fails += rss_fails
    # syscalls/s: from the per-syscall totals when there is a histogram (never evicted), else
    # from the sum of bstrace_syscalls_total (whose rows the kernel LRU may evict)
    key = "counted" if all(r.get("counted") for r in ok) else "calls"
    rates = [(b[key] - a[key]) / (b["t"] - a["t"]) for a, b in zip(ok, ok[1:]) if b["t"] > a["t"]]
    sum_back = sum(1 for a, b in zip(ok, ok[1:]) if b.get("calls", 0) < a.get("calls", 0))
    cpu = [(b["cpu"] - a["cpu"]) / (b["t"] - a["t"]) * 100 for a, b in zip(ok, ok[1:])
           if b["t"] > a["t"]]
    end = ok[-1]
    if not end.get("dropped", 0) > 0:
        fails.append("bstrace_events_dropped_total{reason=\"rate_limit\"} is %s, want > 0"
                     % end.get("dropped"))
    top = max(max(r.get("series_calls", 0), r.get("series_errors", 0)) for r in ok)
    if top > TOP + 1:
        fails.append("a scrape had %d series of one labelled metric (--top %d + _other)"
                     % (top, TOP))
    if not all(r.get("has_build_info", True) for r in ok):
        fails.append("a scrape had no bstrace_build_info")

    lines = events = 0
    bad_events = []
    with open(events_path) as f:
        for line in f:
            lines += 1
            try:
                ev = json.loads(line)
            except ValueError:
                bad_events.append(line[:200])
                continue
            if "syscall" in ev:
                events += 1
                if ev["syscall"] != "openat" or not ev.get("return", 0) < 0:
                    bad_events.append(line[:200])
    if bad_events:
        fails.append("%d bad lines in the events file (not JSON, or not a failed openat), "
                     "first: %r" % (len(bad_events), bad_events[0]))
    if events == 0:
        fails.append("no openat events in the events file")
    budget = RATE_LIMIT * (ran_seconds + 2)
    if events > budget:
        fails.append("%d events in %.0f s: more than --rate-limit %d allows (%d)"
                     % (events, ran_seconds, RATE_LIMIT, budget))
    if not end.get("dumps", 0) > 0:
        fails.append("no flight dump counted, though every tenth command exits 1")
    if nfiles < end.get("dumps", 0):
        fails.append("bstrace_flight_dumps_total %d, but %d trace files"
                     % (end["dumps"], nfiles))
    if end.get("written", 0) > events:
        fails.append("bstrace_events_written_total %d > %d events in the file"
                     % (end["written"], events))

    lat = [r["latency"] * 1000 for r in ok]
    print()
    print("bstraced soak: %.0f s, %d CPUs; load: %d getppid loops, fork storm of 1000 names, "
          "failing openat; scrape every 1 s" % (ran_seconds, ncpu, ncpu))
    print("%-26s %10s %10s %10s %10s" % ("", "min", "p50", "p99", "max"))
    for name, xs, fmt in (("scrape latency (ms)", lat, "%10.1f"),
                          ("daemon RSS (MiB)", rss, "%10.1f"),
                          ("syscalls/s (all procs)", rates or [0], "%10.0f"),
                          ("daemon CPU (% of 1 CPU)", cpu or [0], "%10.1f")):
        print("%-26s" % name + " ".join(fmt % v for v in (min(xs), pct(xs, 50), pct(xs, 99),
                                                         max(xs))))
    print("%-26s %10.1f first third, %.1f last third (bound %d%s)"
          % ("RSS max (MiB)", first, last, RSS_BOUND_MIB, ", not judged: ASan" if asan else ""))
    print("%-26s %10d ok, %d failed" % ("scrapes", len([r for r in rows if "error" not in r]),
                                        len(bad)))
    print("%-26s %10d" % ("events lost (ring buffer)", end.get("lost", 0)))
    print("%-26s %10d" % ("events dropped (rate lim.)", end.get("dropped", 0)))
    print("%-26s %10d (file: %d events, %.0f/s, limit 200/s; %d other lines)"
          % ("events written", end.get("written", 0), events, events / max(ran_seconds, 1),
             lines - events))
    print("%-26s %10d (files: %d)" % ("flight dumps", end.get("dumps", 0), nfiles))
    print("%-26s %10d of %d" % ("kernel groups (max)", max(r.get("groups", 0) for r in ok),
                                max(r.get("capacity", 0) for r in ok)))
    print("%-26s %10d syscalls_total, %d errors_total (top %d)"
          % ("series per scrape (max)", max(r.get("series_calls", 0) for r in ok),
             max(r.get("series_errors", 0) for r in ok), TOP))
    print("%-26s %10d (non-_other series whose counter went back)"
          % ("counter decreases", sum(r.get("decreases", 0) for r in ok)))
    print("%-26s %10d of %d intervals (rows evicted from the kernel LRU)"
          % ("sum of syscalls_total fell", sum_back, max(len(ok) - 1, 0)))
    over = [r for r in ok if r.get("capacity") and r.get("groups", 0) > r["capacity"]]
    if over:
        print("WARNING: in %d scrapes bstrace_kernel_groups exceeded the map's capacity (up to "
              "%d of %d): rows read more than once while the LRU map churns?"
              % (len(over), max(r["groups"] for r in over), over[0]["capacity"]))
    examples = [e for r in ok for e in r.get("decrease_examples", [])]
    for labels, a, b in examples[:3]:
        print("    e.g. bstrace_syscalls_total%s %d -> %d" % (
            "{" + ",".join('%s="%s"' % kv for kv in sorted(labels.items())) + "}", a, b))
    print()
    for f in fails:
        print("FAIL: " + f)
    sys.exit(1 if fails else 0)


if sys.argv[1] == "scrape":
    scrape(int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), sys.argv[5])
else:
    report(sys.argv[2], sys.argv[3], float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]),
           sys.argv[7] == "asan")
EOF

cc -O2 -o "$WORK/getppid_loop" "$SRCDIR/tests/helpers/getppid_loop.c" || fail "cannot build"
mkdir "$WORK/fl" "$WORK/bin"
i=0
while [ $i -lt 1000 ]; do
	if [ $((i % 10)) -eq 9 ]; then
		ln -s /bin/false "$WORK/bin/bsdsoakf$i"
	else
		ln -s /bin/true "$WORK/bin/bsdsoakt$i"
	fi
	i=$((i + 1))
done

t_start=$(date +%s.%N)
start_daemon d --listen 127.0.0.1:0 --events "$WORK/ev.json" -e trace=openat -Z \
	--rate-limit 200 --flight-recorder 8 --flight-dir "$WORK/fl"

ncpu=$(nproc)
c=0
while [ $c -lt "$ncpu" ]; do
	"$WORK/getppid_loop" 1000000000000 >/dev/null &
	PIDS="$PIDS $!"
	c=$((c + 1))
done
sh -c 'while :; do for f in "$1"/*; do "$f"; done; done' fork-storm "$WORK/bin" &
PIDS="$PIDS $!"
python3 -c '
import os, time
while True:
    for _ in range(100):
        try:
            os.open("/nonexistent/bstraced-soak", os.O_RDONLY)
        except OSError:
            pass
    time.sleep(0.05)
' &
PIDS="$PIDS $!"

python3 "$WORK/soak.py" scrape "$port" "$dpid" "$SOAK_SECONDS" "$WORK/rows.json" ||
	fail "the scraper failed"

# stop the load, then the daemon: SIGTERM under the tail of the load exits 0
running "$dpid" || { cat "$WORK/d.err"; fail "bstraced died during the soak"; }
for p in $PIDS; do [ "$p" = "$dpid" ] || { mine "$p" && kill -TERM "$p"; }; done
kill -TERM "$dpid"
i=0
while running "$dpid" && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
running "$dpid" && fail "bstraced did not exit within 60 s of SIGTERM"
wait "$dpid"
rc=$?
t_end=$(date +%s.%N)
[ $rc -eq 0 ] || { tail -5 "$WORK/d.err"; fail "bstraced exit status $rc after SIGTERM"; }
nfiles=$(find "$WORK/fl" -name '*.trace' | wc -l)
ran=$(echo "$t_start $t_end" | awk '{ print $2 - $1 }')
build=plain
grep -q __asan_init "$BSTRACED" && build=asan
python3 "$WORK/soak.py" report "$WORK/rows.json" "$WORK/ev.json" "$ran" "$nfiles" "$ncpu" \
	"$build" || fail "soak checks failed"
echo "ok   soak of $SOAK_SECONDS s"
