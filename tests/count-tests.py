#!/usr/bin/env python3
"""Counting modes against strace -c and known workloads.

- calls/errors of `bstrace -c` equal `strace -c` for deterministic corpus programs;
- a system-wide run sees a helper's 100000 getppid calls under its pid (--by process, JSON);
- -i intervals print one JSON document each, all parseable;
- --subsystems for `perf bench sched pipe` and for a file-heavy command.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

SRC = os.environ.get("SRCDIR") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BSTRACE = os.environ.get("BSTRACE")
failed = 0


def check(cond, what):
    global failed
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failed += 1


def strace_table(path):
    """{syscall: (calls, errors)} from a strace -c style table."""
    rows = {}
    for line in open(path):
        m = re.match(r"^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(\d+)?\s*(\w+)\s*$", line)
        if m and m.group(3) != "total":
            rows[m.group(3)] = (int(m.group(1)), int(m.group(2) or 0))
    return rows


def wait_attached(proc, timeout=20.0):
    """Until the tracer process holds its BPF programs (prog_id in its fds' fdinfo)."""
    end = time.time() + timeout
    while time.time() < end:
        progs = 0
        try:
            for fd in os.listdir("/proc/%d/fdinfo" % proc.pid):
                try:
                    progs += "prog_id:" in open("/proc/%d/fdinfo/%s" % (proc.pid, fd)).read()
                except OSError:
                    pass
        except OSError:
            pass
        if progs >= 2:
            time.sleep(0.2)
            return
        time.sleep(0.05)
    raise SystemExit("FAIL: bstrace did not attach within %.0f s" % timeout)


def json_docs(text):
    dec = json.JSONDecoder()
    i, docs = 0, []
    text = text.strip()
    while i < len(text):
        doc, n = dec.raw_decode(text, i)
        docs.append(doc)
        i = n
        while i < len(text) and text[i].isspace():
            i += 1
    return docs


def main():
    if not BSTRACE:
        sys.exit("count-tests.py: set BSTRACE")
    probe = subprocess.run([BSTRACE, "-e", "trace=none", "--", "/bin/true"], capture_output=True)
    if probe.returncode:
        if os.environ.get("CI") == "true":
            sys.exit("FAIL: BPF cannot be loaded in CI")
        sys.exit(77)
    work = tempfile.mkdtemp(prefix="bstrace-count.")
    corpus = os.path.join(SRC, "tests", "corpus")

    # 1. strace -c equality on deterministic single-threaded programs
    for name in ["fd", "file", "mem", "stat", "strings", "net"]:
        exe = os.path.join(work, name)
        subprocess.run(["cc", "-O0", "-o", exe, os.path.join(corpus, name + ".c")], check=True)
        s = os.path.join(work, name + ".s")
        b = os.path.join(work, name + ".b")
        subprocess.run(["strace", "-c", "-o", s, exe], stdout=subprocess.DEVNULL, cwd=work)
        subprocess.run([BSTRACE, "-c", "-o", b, "--", exe], stdout=subprocess.DEVNULL, cwd=work)
        st, bt = strace_table(s), strace_table(b)
        check(st == bt and len(st) > 3,
              "-c calls/errors equal strace -c for %s (%d syscalls)" % (name, len(st)))
        if st != bt:
            for k in sorted(set(st) | set(bt)):
                if st.get(k) != bt.get(k):
                    print("      %-20s strace %s bstrace %s" % (k, st.get(k), bt.get(k)))

    # 2. system-wide: 100000 getppid calls of a helper, by process, as JSON
    helper = os.path.join(work, "getppid_loop")
    subprocess.run(["cc", "-O2", "-o", helper, os.path.join(SRC, "tests", "helpers",
                                                           "getppid_loop.c")], check=True)
    out = os.path.join(work, "all.json")
    tracer = subprocess.Popen([BSTRACE, "-c", "-a", "--by", "process", "--json",
                               "--stop-after=5", "-o", out])
    wait_attached(tracer)
    pid = int(subprocess.run([helper, "100000"], capture_output=True, text=True).stdout.split()[0])
    tracer.wait(timeout=30)
    docs = json_docs(open(out).read())
    rows = [r for d in docs for r in find_rows(d)]
    mine = [r for r in rows if r.get("pid") == pid or r.get("id") == pid]
    calls = sum(r.get("calls", r.get("count", 0)) for r in mine)
    check(calls >= 100000, "system-wide --by process counts %d calls for the helper (>= 100000)"
          % calls)

    # 2b. histograms kept in the kernel, with percentiles; CSV rows
    out = os.path.join(work, "hist.txt")
    tracer = subprocess.Popen([BSTRACE, "-c", "-a", "--histogram", "-e", "trace=getppid",
                               "--stop-after=4", "-o", out])
    wait_attached(tracer)
    subprocess.run([helper, "20000"], stdout=subprocess.DEVNULL)
    tracer.wait(timeout=30)
    text = open(out).read()
    check(re.search(r"getppid: \d+ calls", text) and "p50=" in text and "|@" in text,
          "--histogram shows getppid's buckets and percentiles")
    r = subprocess.run([BSTRACE, "-c", "--csv", "--", "ls", "/"], capture_output=True, text=True)
    lines = r.stderr.strip().splitlines()
    check(lines[0].startswith("name,nr,calls,errors,seconds") and
          all(len(l.split(",")) == len(lines[0].split(",")) for l in lines),
          "--csv: header and %d rows of equal width" % (len(lines) - 1))

    # 3. intervals: one JSON document each
    out = os.path.join(work, "int.json")
    subprocess.run([BSTRACE, "-c", "-a", "--interval=0.5", "--stop-after=2.2", "--json",
                    "-o", out], check=True)
    docs = json_docs(open(out).read())
    check(len(docs) >= 4,
          "--interval=0.5 --stop-after=2.2 printed %d JSON documents (>= 4)" % len(docs))

    # 3b. Ctrl-C prints what was counted; -c --json on a command parses
    out = os.path.join(work, "int.txt")
    tracer = subprocess.Popen([BSTRACE, "-c", "-a", "-o", out])
    wait_attached(tracer)
    tracer.send_signal(2)
    rc = tracer.wait(timeout=30)
    text = open(out).read()
    check(rc == 0 and "SYSCALL" in text and "COUNT" in text,
          "Ctrl-C on -c -a prints the table (%d bytes)" % len(text))
    r = subprocess.run([BSTRACE, "-c", "--json", "--", "ls", "/"], capture_output=True, text=True)
    docs = json_docs(r.stderr)
    rows = [x for d in docs for x in find_rows(d)]
    check(r.returncode == 0 and any(x.get("name") == "execve" for x in rows),
          "-c --json on a command parses and has execve (%d rows)" % len(rows))

    # 3c. --by cgroup names the cgroup by path; --cgroup counts only it
    root = None
    for line in open("/proc/self/mountinfo"):
        if " - cgroup2 " in line:
            root = line.split()[4]
    if root is None:
        print("skip --by cgroup: no cgroup v2 hierarchy mounted here")
    else:
        cg = os.path.join(root, "bstrace-test-%d" % os.getpid())
        os.mkdir(cg)
        try:
            out = os.path.join(work, "cg.json")
            tracer = subprocess.Popen([BSTRACE, "-c", "-a", "--by", "cgroup", "--cgroup", cg,
                                       "--json", "--stop-after=5", "-o", out])
            wait_attached(tracer)
            subprocess.run(["sh", "-c", "echo $$ > %s/cgroup.procs && exec %s 100000"
                            % (cg, helper)], stdout=subprocess.DEVNULL, check=True)
            tracer.wait(timeout=30)
            rows = [x for d in json_docs(open(out).read()) for x in find_rows(d)]
            names = {str(x.get("name", x.get("cgroup"))) for x in rows}
            want = "/" + os.path.basename(cg)
            calls = sum(x.get("calls", x.get("count", 0)) for x in rows)
            check(names == {want} and calls >= 100000,
                  "--by cgroup --cgroup: only %s, %d calls (rows %s)" % (want, calls, names))
        finally:
            time.sleep(0.2)
            os.rmdir(cg)

    # 4. subsystems
    for name, cmd, want in [("perf bench sched pipe", ["perf", "bench", "sched", "pipe", "-l",
                                                       "2000"], None),
                            ("tar", ["tar", "cf", "/dev/null", "/usr/include/linux"],
                             "Filesystem")]:
        if shutil.which(cmd[0]) is None:
            check(False, "%s: %s is not installed" % (name, cmd[0]))
            continue
        r = subprocess.run([BSTRACE, "--subsystems", "-f", "--"] + cmd, capture_output=True,
                           text=True)
        text = r.stderr
        print(text)
        check(r.returncode == 0 and "Filesystem" in text and "Process Mgmt" in text,
              "--subsystems table for %s" % name)
        if want:
            roll = text.split("SUBSYSTEM", 2)[-1].strip().splitlines()
            first = roll[1].split()[0] if len(roll) > 1 else ""
            check(first == want, "%s: busiest subsystem is %s (want %s)" % (name, first, want))
    shutil.rmtree(work, ignore_errors=True)
    print("%d failed" % failed)
    sys.exit(1 if failed else 0)


def find_rows(doc):
    """Every dict in the document that looks like a counted row."""
    out = []
    if isinstance(doc, dict):
        if "calls" in doc or "count" in doc:
            out.append(doc)
        for k, v in doc.items():
            if k != "total":
                out += find_rows(v)
    elif isinstance(doc, list):
        for v in doc:
            out += find_rows(v)
    return out


if __name__ == "__main__":
    main()
