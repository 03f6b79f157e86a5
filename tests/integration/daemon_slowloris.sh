#!/bin/sh
# Slowloris: another user (nobody) keeps 64 connections open to bstraced for 20 s, reopening
# each one 0.1 s after the server closes it: 32 trickle one header line a second (a request
# never finished), 16 open and send nothing, 16 pipeline /metrics requests and read 64 bytes
# every half second (these start 1 s before the others). Meanwhile root scrapes /metrics and
# /healthz twice a second.
# Asserts: every scrape is answered 200 with a whole page, none waits anywhere near the slow
# connections' deadline (each within 1 s plus twice the slowest scrape of an idle daemon, so that
# a slow or sanitized build is judged by the same rule); the attacker's connections are cut
# (trickling ones at the 5 s request deadline, not later; slow readers are admitted too) and it
# never holds more than its quota of 16 open connections (the daemon's own descriptors, read
# with their TCP state: one the daemon has shut down is no longer the attacker's, whenever
# MHD's thread gets round to closing it); after the attack the daemon is back to the
# descriptors it held idle. Root scrapes from 127.0.0.2 to tell its connections apart.
# Prints the latencies and what the attacker got.
. "$(dirname "$0")/../lib.sh"
command -v python3 >/dev/null || { echo "SKIP: python3 is not installed"; exit 77; }
command -v setpriv >/dev/null || { echo "SKIP: setpriv is not installed (util-linux)"; exit 77; }
[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root (the attacker runs as nobody)"; exit 77; }
# the system's python: a python3 on root's PATH may live where nobody cannot run it
pynobody=/usr/bin/python3
[ -x "$pynobody" ] || { echo "SKIP: no $pynobody for the attacker"; exit 77; }
require_bpf

. "$(dirname "$0")/../daemon_lib.sh"

cat >"$WORK/slow.py" <<'EOF'
import http.client, json, os, socket, sys, threading, time

def attack(port, seconds):
    """64 slow clients, each reopened 0.1 s after it is closed; prints what happened (JSON)."""
    end = time.monotonic() + seconds
    lock = threading.Lock()
    st = {m: {"opened": 0, "cut_at_once": 0, "lived": 0, "max_life": 0.0}
          for m in ("trickle", "idle", "reader")}

    def one(mode):
        while time.monotonic() < end:
            s = socket.socket()
            if mode == "reader":
                s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            s.settimeout(1.0)
            t0 = time.monotonic()
            try:
                s.connect(("127.0.0.1", port))
                if mode == "trickle":
                    s.sendall(b"GET /metrics HTTP/1.1\r\nHost: x\r\n")
                elif mode == "reader":
                    s.sendall(b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n" * 20)
                    s.settimeout(0.5)
                n = 0
                while time.monotonic() < end:
                    try:
                        data = s.recv(64)
                        if not data:
                            break
                        if mode == "reader":
                            time.sleep(0.5)
                    except socket.timeout:
                        if mode == "trickle":
                            n += 1
                            s.sendall(b"X-Slow-%d: y\r\n" % n)
            except OSError:
                pass
            life = time.monotonic() - t0
            s.close()
            # one still open at the end counts with the time it has lived so far
            with lock:
                m = st[mode]
                m["opened"] += 1
                if life < 0.3:
                    m["cut_at_once"] += 1
                else:
                    m["lived"] += 1
                    m["max_life"] = max(m["max_life"], round(life, 2))
            time.sleep(0.1)

    # the readers first, so that they hold the quota for a while
    ts = [threading.Thread(target=one, args=(m,))
          for m in ["reader"] * 16 + ["trickle"] * 32 + ["idle"] * 16]
    for i, t in enumerate(ts):
        t.start()
        if i == 15:
            time.sleep(1)
    for t in ts:
        t.join()
    print(json.dumps(st))

def fetch(port, path):
    """GET path from 127.0.0.2 (root's connections, apart from the attacker's 127.0.0.1)"""
    t0 = time.monotonic()
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=15,
                                   source_address=("127.0.0.2", 0))
    try:
        c.request("GET", path)
        r = c.getresponse()
        body = r.read()
        ok = r.status == 200
    except Exception as e:
        body, ok = str(e).encode(), False
    finally:
        c.close()
    return ok, time.monotonic() - t0, body

def held(pid, port):
    """the daemon's descriptors, and of its connections on port those still open (ESTABLISHED
    or CLOSE_WAIT: not shut down by the daemon) by peer address"""
    inodes = set()
    names = os.listdir("/proc/%d/fd" % pid)
    for n in names:
        try:
            link = os.readlink("/proc/%d/fd/%s" % (pid, n))
        except OSError:
            continue
        if link.startswith("socket:["):
            inodes.add(link[8:-1])
    open_by = {}
    for line in open("/proc/net/tcp").read().splitlines()[1:]:
        f = line.split()
        local, remote, st, inode = f[1], f[2], f[3], f[9]
        if inode not in inodes or int(local.split(":")[1], 16) != port:
            continue
        if st in ("01", "08"):
            peer = socket.inet_ntoa(bytes.fromhex(remote.split(":")[0])[::-1])
            open_by[peer] = open_by.get(peer, 0) + 1
    return len(names), open_by

def scrape(port, pid, n, interval, out):
    rows = []
    for i in range(n):
        t0 = time.monotonic()
        ok, lat, body = fetch(port, "/metrics")
        whole = ok and body.startswith(b"# HELP ") and b"\nprocess_start_time_seconds " in body
        hok, hlat, hbody = fetch(port, "/healthz")
        fds, open_by = held(pid, port)
        rows.append({"ok": whole, "latency": lat, "health_ok": hok and hbody == b"ok\n",
                     "health_latency": hlat, "fds": fds,
                     "attacker_open": open_by.get("127.0.0.1", 0),
                     "error": "" if whole else body[:200].decode("utf-8", "replace")})
        time.sleep(max(0, interval - (time.monotonic() - t0)))
    json.dump(rows, open(out, "w"))

def settle(port, pid, most, seconds):
    """waits until the daemon holds at most `most` descriptors; prints the count"""
    end = time.monotonic() + seconds
    while True:
        fds = held(pid, port)[0]
        if fds <= most or time.monotonic() > end:
            print(fds)
            return
        time.sleep(0.2)

if sys.argv[1] == "attack":
    attack(int(sys.argv[2]), float(sys.argv[3]))
elif sys.argv[1] == "settle":
    settle(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]))
else:
    scrape(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), sys.argv[6])
EOF

start_daemon d --listen 127.0.0.1:0
# an idle daemon first: how long a scrape takes on this machine, and the descriptors it holds
python3 "$WORK/slow.py" scrape "$port" "$dpid" 5 0.2 "$WORK/base.json" ||
	fail "baseline scrapes failed"

# the attacker, as nobody; the script is read by this shell (nobody cannot open $WORK)
setpriv --reuid=65534 --regid=65534 --clear-groups "$pynobody" - attack "$port" 20 \
	<"$WORK/slow.py" >"$WORK/attack.json" 2>"$WORK/attack.err" &
apid=$!
PIDS="$PIDS $apid"
sleep 3
python3 "$WORK/slow.py" scrape "$port" "$dpid" 30 0.5 "$WORK/under.json" ||
	fail "scrapes under attack failed"
wait "$apid" || { cat "$WORK/attack.err"; fail "the attacker failed"; }
# the attacker is gone: what it opened is closed again (no time limit on a slow machine's
# daemon but a generous one)
base_fds=$(python3 -c 'import json, sys; print(max(r["fds"] for r in json.load(open(sys.argv[1]))))' \
	"$WORK/base.json")
after_fds=$(python3 "$WORK/slow.py" settle "$port" "$dpid" "$base_fds" 30) ||
	fail "cannot count the daemon's descriptors"

python3 - "$WORK/base.json" "$WORK/under.json" "$WORK/attack.json" "$after_fds" <<'EOF' || exit 1
import json, sys
base, under, att = (json.load(open(p)) for p in sys.argv[1:4])
after_fds = int(sys.argv[4])
bad = []
base_max = max(r["latency"] for r in base)
base_fds = max(r["fds"] for r in base)
limit = 1.0 + 2 * base_max
REQUEST_DEADLINE, QUOTA = 5.0, 16
if limit >= REQUEST_DEADLINE / 2:
    bad.append("an idle scrape takes %.2f s: too slow to tell starvation apart" % base_max)
lat = sorted(r["latency"] for r in under)
hlat = sorted(r["health_latency"] for r in under)
failed = [r for r in under if not r["ok"] or not r["health_ok"]]
if failed:
    bad.append("%d of %d scrapes failed: %s" % (len(failed), len(under), failed[0]))
if lat[-1] > limit:
    bad.append("slowest scrape %.3f s > %.3f s" % (lat[-1], limit))
if hlat[-1] > limit:
    bad.append("slowest /healthz %.3f s > %.3f s" % (hlat[-1], limit))
fds = max(r["fds"] for r in under)
held_open = max(r["attacker_open"] for r in under)
# the quota, and the one connection MHD's thread may have accepted and not yet judged
if held_open > QUOTA + 1:
    bad.append("the attacker held %d open connections: more than its quota of %d"
               % (held_open, QUOTA))
if after_fds > base_fds:
    bad.append("30 s after the attack the daemon still held %d descriptors (%d idle)"
               % (after_fds, base_fds))
tr = att["trickle"]
if not tr["lived"]:
    bad.append("no trickling connection was ever admitted: %s" % tr)
if tr["max_life"] > REQUEST_DEADLINE + 2:
    bad.append("a trickling connection lived %.1f s, past the %d s deadline"
               % (tr["max_life"], REQUEST_DEADLINE))
# a slow reader's life is not judged here: once the daemon has handed a response to the kernel
# and closed its descriptor, the kernel itself keeps sending it (FIN-WAIT-1), at the reader's
# pace; what the daemon holds is in the descriptor count above
rd = att["reader"]
if not rd["lived"]:
    bad.append("no slow reader was ever admitted: %s" % rd)
print("ok   idle daemon: slowest scrape %.3f s, %d descriptors" % (base_max, base_fds))
print("ok   %d scrapes under 64 slow connections: median %.3f s, max %.3f s (limit %.3f s); "
      "/healthz max %.3f s; daemon descriptors max %d, of them the attacker's open "
      "connections max %d; %d descriptors after it"
      % (len(lat), lat[len(lat) // 2], lat[-1], limit, hlat[-1], fds, held_open, after_fds))
for m, v in att.items():
    print("ok   attacker %-7s: %d connections opened, %d closed at once (quota), %d admitted, "
          "longest %.1f s" % (m, v["opened"], v["cut_at_once"], v["lived"], v["max_life"]))
if bad:
    print("FAIL: " + "; ".join(bad))
    sys.exit(1)
EOF
stop_daemon
echo "ok   SIGTERM after the attack: exit 0"
