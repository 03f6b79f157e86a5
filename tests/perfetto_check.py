#!/usr/bin/env python3
"""Checks a bstrace --perfetto file (Chrome's JSON trace-event format) the way a viewer reads it.

    perfetto_check.py FILE [--fork] [--exec] [--exit TEXT] [--arg NAME=TEXT]... [--lost]
                           [--timed] [--min-slices N] [--text TRACE]

Always: the file is strict JSON (no raw control byte anywhere: every one is escaped) with a
traceEvents array; every event has the fields of its phase with their types (ph, ts, dur, pid,
tid, name, cat, args); ts of an event and the args object come in the order older Perfetto
tokenizers need (no top-level \\u escape, no top-level array); every thread with slices has a
thread_name and every process a process_name; on each thread's track the slices, sorted by ts,
never overlap (syscalls of one thread do not nest); flows (v2: bind_id, flow_out, flow_in) start
on one slice and end on another, later one.
--fork: a clone/fork slice starts a flow that ends on the first slice of another thread.
--exec: an execve slice starts a flow that ends on the next slice of the same thread.
--exit TEXT: an exit instant named TEXT ("exited with 0").
--arg NAME=TEXT: a slice NAME has an argument whose decoded text is exactly TEXT.
--lost: a lost-records instant.
--timed: some slices have a duration (the trace was timed).
--text TRACE: the -o text trace of the same run: as many slices as complete calls in it.
"""
import argparse
import collections
import json
import re
import sys

fails = []


def check(cond, msg):
    if not cond:
        fails.append(msg)
    return cond


def ns(v):
    """microseconds with 3 decimals (ns) -> integer ns"""
    return round(v * 1000)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--fork", action="store_true")
    ap.add_argument("--exec", action="store_true")
    ap.add_argument("--exit", action="append", default=[])
    ap.add_argument("--arg", action="append", default=[])
    ap.add_argument("--lost", action="store_true")
    ap.add_argument("--timed", action="store_true")
    ap.add_argument("--min-slices", type=int, default=1)
    ap.add_argument("--text")
    a = ap.parse_args()

    raw = open(a.file, "rb").read()
    bad = [i for i, c in enumerate(raw) if (c < 0x20 and c != 0x0a) or c >= 0x7f]
    check(not bad, "raw byte 0x%02x at offset %d (must be escaped)" % (raw[bad[0]], bad[0])
          if bad else "")
    doc = json.loads(raw.decode("ascii"))  # strict: control characters in strings fail
    check(isinstance(doc, dict) and isinstance(doc.get("traceEvents"), list),
          "no traceEvents array")
    events = doc["traceEvents"]
    lines = raw.split(b"\n")

    # top-level layout for Perfetto's tokenizer: "ts" before any nested value, args last
    for ln in lines:
        ln = ln.lstrip(b",")
        if not ln.startswith(b"{\"ph\""):
            continue
        top = re.sub(rb'"args":\{.*\}\}$', b"}", ln)
        check(b"\\u" not in top, "a \\u escape outside args: %r" % ln[:120])
        check(b"[" not in top, "an array outside args: %r" % ln[:120])
        if b'"args"' in ln:
            check(ln.rstrip().endswith(b"}}"), "args not last: %r" % ln[:120])

    slices = collections.defaultdict(list)  # (pid, tid) -> [event]
    tnames, pnames = {}, {}
    flows_out, flows_in = {}, collections.defaultdict(list)
    instants = []
    phases = collections.Counter()
    for e in events:
        ph = e.get("ph")
        phases[ph] += 1
        if not check(ph in ("X", "i", "M"), "unknown phase %r: %r" % (ph, e)):
            continue
        ok = (isinstance(e.get("pid"), int) and isinstance(e.get("tid"), int)
              and isinstance(e.get("name"), str) and e["name"])
        if ph != "M":
            ok = ok and isinstance(e.get("ts"), (int, float)) and e["ts"] >= 0
            ok = ok and isinstance(e.get("cat"), str)
        if ph == "X":
            ok = ok and isinstance(e.get("dur"), (int, float)) and e["dur"] >= 0
            ok = ok and isinstance(e.get("args"), dict) and "return" in e["args"]
            ok = ok and all(isinstance(v, str) for v in e["args"].values())
        if ph == "i":
            ok = ok and e.get("s") in ("t", "p", "g")
        if not check(ok, "bad %s event: %r" % (ph, e)):
            continue
        if ph == "M":
            check(e["name"] in ("thread_name", "process_name")
                  and isinstance(e.get("args", {}).get("name"), str), "bad metadata %r" % e)
            (tnames if e["name"] == "thread_name" else pnames)[
                e["tid"] if e["name"] == "thread_name" else e["pid"]] = e["args"]["name"]
        elif ph == "X":
            slices[(e["pid"], e["tid"])].append(e)
            if "bind_id" in e:
                check(isinstance(e["bind_id"], int) and (e.get("flow_in") or e.get("flow_out")),
                      "bind_id without direction: %r" % e)
                if e.get("flow_out"):
                    check(e["bind_id"] not in flows_out or e.get("flow_in"),
                          "flow %d started twice" % e["bind_id"])
                    flows_out.setdefault(e["bind_id"], []).append(e)
                if e.get("flow_in"):
                    flows_in[e["bind_id"]].append(e)
        else:
            instants.append(e)

    nslices = sum(len(v) for v in slices.values())
    check(nslices >= a.min_slices, "%d slices, want at least %d" % (nslices, a.min_slices))
    # tracks: one per thread, named; no overlap on a track
    for (pid, tid), sl in slices.items():
        check(tid in tnames, "thread %d has slices but no thread_name" % tid)
        check(pid in pnames, "process %d has slices but no process_name" % pid)
        sl.sort(key=lambda e: (ns(e["ts"]), ns(e["dur"])))
        for prev, cur in zip(sl, sl[1:]):
            check(ns(cur["ts"]) >= ns(prev["ts"]) + ns(prev["dur"]),
                  "thread %d: %s at %s overlaps %s at %s+%s" % (
                      tid, cur["name"], cur["ts"], prev["name"], prev["ts"], prev["dur"]))
    # flows: each ends on a slice after the one it started on
    for fid, ins in flows_in.items():
        for e in ins:
            src = [o for o in flows_out.get(fid, []) if o is not e]
            if check(src, "flow %d ends on %s (tid %d) but never starts"
                     % (fid, e["name"], e["tid"])):
                check(any(ns(e["ts"]) >= ns(o["ts"]) for o in src),
                      "flow %d ends before it starts" % fid)

    if a.timed:
        check(any(e["dur"] > 0 for sl in slices.values() for e in sl), "no slice has a duration")
    if a.fork:
        ok = False
        for fid, outs in flows_out.items():
            for o in outs:
                if not re.match(r"^(clone|clone3|fork|vfork)$", o["name"]):
                    continue
                for e in flows_in.get(fid, []):
                    first = slices[(e["pid"], e["tid"])][0]
                    if e["tid"] != o["tid"] and e is first:
                        ok = True
        check(ok, "no fork flow (clone slice -> the child's first slice)")
    if a.exec:
        ok = False
        for fid, outs in flows_out.items():
            for o in outs:
                if o["name"] not in ("execve", "execveat"):
                    continue
                sl = slices[(o["pid"], o["tid"])]
                i = sl.index(o)
                if i + 1 < len(sl) and sl[i + 1].get("bind_id") == fid and sl[i + 1].get("flow_in"):
                    ok = True
        check(ok, "no exec flow (execve slice -> the next slice of its thread)")
    for text in a.exit:
        check(any(e["cat"] == "exit" and e["name"] == text and e["s"] == "t" for e in instants),
              "no exit instant %r" % text)
    for spec in a.arg:
        name, _, text = spec.partition("=")
        check(any(text in e["args"].values() for sl in slices.values() for e in sl
                  if e["name"] == name), "no %s slice with the argument %s" % (name, text))
    if a.lost:
        check(any(e["cat"] == "lost" and e["s"] == "g" for e in instants), "no lost instant")
    if a.text:
        want = 0
        for ln in open(a.text, errors="replace"):
            body = re.sub(r"^(\[pid +\d+\] |\d+ +)", "", ln.rstrip("\n"))
            if body.startswith("<... ") and "resumed>" in body:
                want += 1
            elif re.match(r"^[a-z_0-9]+\(", body) and not body.endswith("<unfinished ...>"):
                want += 1
        check(abs(nslices - want) <= 1, "%d slices, the text trace has %d calls" % (nslices, want))

    flows = len(flows_in)
    print("%s: %d events (%s), %d threads, %d slices, %d flows, %d instants" % (
        a.file, len(events), ", ".join("%s %d" % kv for kv in sorted(phases.items())),
        len(slices), nslices, flows, len(instants)))
    for f in fails[:20]:
        print("FAIL: " + f)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
