#!/usr/bin/env python3
"""Differential pass: the same programs under strace and bstrace, compared line by line.

Runs every corpus program (with its own options) and a set of everyday commands under both
tracers, masks what legitimately differs between two runs (addresses, pids, times, random
bytes), joins <unfinished ...>/<... resumed> pairs, compares each process's lines in order and
reports the identical-line rate per program and overall. Fails below --min-rate percent.
--opts adds options to every program's (the ctest differential_strace_y: -y).
"""
import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile

SRC = os.environ.get("SRCDIR") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BSTRACE = os.environ.get("BSTRACE")

EVERYDAY = [
    ("ls -l /", [], ["ls", "-l", "/"]),
    ("cat", [], ["cat", "/etc/hostname"]),
    ("sh -c", ["-f"], ["sh", "-c", "echo hi >/dev/null; cat /etc/hostname >/dev/null; true"]),
    ("tar", ["-f"], ["tar", "cf", "/dev/null", "/usr/include/linux/errno.h",
                     "/usr/include/linux/types.h"]),
    ("threads", ["-f"], None),  # built from tests/corpus/thread.c below
    ("stat -L", [], ["stat", "/etc/hostname"]),
    ("dd", [], ["dd", "if=/dev/zero", "of=/dev/null", "bs=512", "count=100"]),
]

ADDR = re.compile(r"0x[0-9a-f]{5,}")
PREFIX = re.compile(r"^(\d+) +")


def normalise(lines):
    """Returns {pid: [masked lines]} with pids renamed by order of appearance."""
    pids = {}
    held = {}
    out = {}
    for line in lines:
        line = line.rstrip("\n")
        m = PREFIX.match(line)
        pid = m.group(1) if m else "main"
        if m:
            line = line[m.end():]
        if pid not in pids:
            pids[pid] = "P%d" % len(pids)
        key = pids[pid]
        if line.endswith(" <unfinished ...>"):
            held[key] = line[: -len(" <unfinished ...>")]
            continue
        r = re.match(r"^<\.\.\. \w+ resumed>(.*)$", line)
        if r:
            line = held.pop(key, "") + r.group(1)
            line = line.replace(",  ", ", ")
        out.setdefault(key, []).append(line)
    # pid numbers anywhere in the text: the prefixes, plus the calls that return a task's id
    for ls in out.values():
        for line in ls:
            m = re.match(r"^(?:set_tid_address|getpid|gettid|clone3?|v?fork)\(.*\) += (\d+)", line)
            if m and m.group(1) not in pids:
                pids[m.group(1)] = "P%d" % len(pids)
    text_map = {p: n for p, n in pids.items() if p != "main"}
    res = {}
    for key, ls in out.items():
        masked = []
        for line in ls:
            line = ADDR.sub("0xADDR", line)
            for p, n in text_map.items():
                line = re.sub(r"\b%s\b" % p, n, line)
            line = re.sub(r"(si_utime|si_stime)=\d+", r"\1=N", line)
            line = re.sub(r"^(getrandom\()\"(\\.|[^\"\\])*\"(\.\.\.)?", r"\1BYTES", line)
            line = re.sub(r"^(getppid)\(\) += \d+", r"\1() = PID", line)
            line = re.sub(r"(tv_sec|tv_nsec|tv_usec)=\d+", r"\1=N", line)
            line = re.sub(r" +=", " =", line)
            masked.append(line)
        res[key] = masked
    return res


def run(tracer, opts, cmd, out, cwd):
    with open(os.path.join(cwd, "stdout"), "wb") as so:
        subprocess.run([tracer, "-o", out] + opts + ["--"] + cmd, cwd=cwd, stdout=so,
                       stderr=subprocess.DEVNULL, timeout=120, check=False)
    with open(out, errors="replace") as f:
        return f.readlines()


NUM = re.compile(r"\d{3,}")


def rename_pids(s, b):
    """The two runs have different pids (also inside paths like /tmp/x.1234): where a line
    pair differs only in numbers, a consistent renaming strace->bstrace is undone in b."""
    votes = {}
    for key in set(s) & set(b):
        sm = difflib.SequenceMatcher(None, s[key], b[key], autojunk=False)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag != "replace" or i2 - i1 != j2 - j1:
                continue
            for sl, bl in zip(s[key][i1:i2], b[key][j1:j2]):
                if NUM.sub("#", sl) != NUM.sub("#", bl):
                    continue
                for x, y in zip(NUM.findall(sl), NUM.findall(bl)):
                    if x != y:
                        votes.setdefault(y, {}).setdefault(x, 0)
                        votes[y][x] += 1
    mapping = {y: max(xs, key=xs.get) for y, xs in votes.items() if max(xs.values()) >= 2}
    if not mapping:
        return b
    pat = re.compile(r"\b(%s)\b" % "|".join(map(re.escape, mapping)))
    return {k: [pat.sub(lambda m: mapping[m.group(1)], l) for l in ls] for k, ls in b.items()}


def compare(name, opts, cmd, work):
    s = normalise(run("strace", opts, cmd, os.path.join(work, "s.txt"), work))
    b = normalise(run(BSTRACE, opts, cmd, os.path.join(work, "b.txt"), work))
    b = rename_pids(s, b)
    same = total = 0
    diffs = []
    for key in sorted(set(s) | set(b)):
        sl, bl = s.get(key, []), b.get(key, [])
        sm = difflib.SequenceMatcher(None, sl, bl, autojunk=False)
        same += sum(blk.size for blk in sm.get_matching_blocks())
        total += max(len(sl), len(bl))
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag != "equal":
                diffs.append((sl[i1:i2], bl[j1:j2]))
    return same, total, diffs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-rate", type=float, default=95.0)
    ap.add_argument("--show", type=int, default=3, help="differing lines shown per program")
    ap.add_argument("--opts", default="", help="options added to every program's (e.g. -y)")
    args = ap.parse_args()
    if not BSTRACE:
        sys.exit("diff-strace.py: set BSTRACE to the bstrace binary")
    if not shutil.which("strace"):
        if os.environ.get("CI") == "true":
            sys.exit("FAIL: strace is not installed")
        print("SKIP: strace is not installed")
        sys.exit(77)
    probe = subprocess.run([BSTRACE, "-e", "trace=none", "--", "/bin/true"],
                           capture_output=True, text=True)
    if probe.returncode:
        print(probe.stderr)
        if os.environ.get("CI") == "true":
            sys.exit("FAIL: BPF cannot be loaded in CI")
        sys.exit(77)

    work = tempfile.mkdtemp(prefix="bstrace-diff.")
    progs = []
    corpus = os.path.join(SRC, "tests", "corpus")
    for f in sorted(os.listdir(corpus)):
        if not f.endswith(".c"):
            continue
        exe = os.path.join(work, f[:-2])
        subprocess.run(["cc", "-O0", "-o", exe, os.path.join(corpus, f)], check=True)
        with open(os.path.join(corpus, f)) as fh:
            m = re.match(r"/\* bstrace-test: (.*) \*/", fh.readline())
        opts = [o for o in (m.group(1).split() if m else []) if not o.startswith("--skip")]
        progs.append(("corpus/" + f[:-2], opts, [exe]))
    for name, opts, cmd in EVERYDAY:
        if cmd is None:
            cmd = [os.path.join(work, "thread")]
        progs.append((name, opts, cmd))

    all_same = all_total = 0
    print("%-24s %8s %8s %7s" % ("program", "same", "lines", "rate"))
    for name, opts, cmd in progs:
        opts = opts + args.opts.split()
        same, total, diffs = compare(name, opts, cmd, work)
        all_same += same
        all_total += total
        rate = 100.0 * same / total if total else 100.0
        print("%-24s %8d %8d %6.1f%%" % (name, same, total, rate))
        for sl, bl in diffs[: args.show]:
            for l in sl[:2]:
                print("      strace : " + l)
            for l in bl[:2]:
                print("      bstrace: " + l)
    rate = 100.0 * all_same / all_total if all_total else 0.0
    print("%-24s %8d %8d %6.1f%%" % ("TOTAL", all_same, all_total, rate))
    shutil.rmtree(work, ignore_errors=True)
    if rate < args.min_rate:
        print("FAIL: identical-line rate %.1f%% < %.1f%%" % (rate, args.min_rate))
        sys.exit(1)
    print("ok: identical-line rate %.1f%% >= %.1f%%" % (rate, args.min_rate))


if __name__ == "__main__":
    main()
