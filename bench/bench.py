#!/usr/bin/env python3
"""bstrace overhead benchmark: how much slower a fixed workload W runs under bstrace (and under
strace, perf trace, libbpf-tools syscount, bpftrace) than untraced, on this machine.

Entry point: sh bench/run.sh [--reps N] [--quick] ...  (see bench/README.md).
Run as root.  Writes BENCHMARKS.md at the top of the repository.

Timing: W is started through bench/stamp.c, which writes "PID START_NS" (CLOCK_MONOTONIC) into a
FIFO and then execs W in the same process; the harness opens a pidfd on PID and takes the end time
when the pidfd reports the exit.  So the measured time is W's own life, from just before its
execve to its exit, whatever the tracer does before (loading BPF) or after (printing a summary).
The getppid loop (perf bench) and mt_loop report their own loop time, which is used instead.
"""
import argparse
import datetime
import json
import os
import re
import select
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, 'bench')
TRACEFS = '/sys/kernel/tracing'
BPFTRACE_PROG = 'tracepoint:raw_syscalls:sys_enter { @[comm] = count(); }'
# the ptrace and perf-trace peers cost 15-120 us per syscall on this VM: the syscall-loop
# workloads run at 1/SLOW_SCALE of their size under them (with untraced runs of that same size)
SLOW_SCALE = 20


class Failure(Exception):
    pass


def log(msg=''):
    print(msg, flush=True)


def read(path, limit=1 << 20):
    try:
        with open(path, 'rb') as f:
            return f.read(limit).decode('utf-8', 'replace')
    except OSError:
        return ''


def tail(text, n=3):
    lines = [l for l in text.strip().splitlines() if l.strip()]
    return ' | '.join(lines[-n:])[:300]


def sh_out(argv):
    try:
        return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              stdin=subprocess.DEVNULL, timeout=60).stdout.decode('utf-8', 'replace')
    except (OSError, subprocess.TimeoutExpired) as e:
        return str(e)


def vm_hwm_kb(pid):
    """peak RSS (VmHWM) of pid in KiB, None when gone"""
    if not pid:
        return None
    try:
        with open(f'/proc/{pid}/status') as f:
            for line in f:
                if line.startswith('VmHWM:'):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


def bpf_map_rss_kb(pid):
    """resident KiB of pid's mappings of BPF maps (the ring buffer: its data pages are mapped
    twice, so a 16 MiB buffer shows as 32 MiB of RSS)"""
    total, inmap = 0, False
    try:
        with open(f'/proc/{pid}/smaps') as f:
            for line in f:
                if line[0] in '0123456789abcdef':
                    inmap = line.rstrip().endswith('anon_inode:bpf-map')
                elif inmap and line.startswith('Rss:'):
                    total += int(line.split()[1])
    except (OSError, ValueError):
        return None
    return total


def first_child(pid, wait_s=5.0):
    """the first child of pid (the tracer under /usr/bin/time)"""
    end = time.monotonic() + wait_s
    while True:
        kids = read(f'/proc/{pid}/task/{pid}/children').split()
        if kids:
            return int(kids[0])
        if time.monotonic() >= end:
            return None
        time.sleep(0.002)


def attach_fds(pid):
    """how many BPF links / perf events pid holds: grows while a tracer attaches"""
    n = 0
    try:
        for fd in os.listdir(f'/proc/{pid}/fd'):
            try:
                t = os.readlink(f'/proc/{pid}/fd/{fd}')
            except OSError:
                continue
            if t in ('anon_inode:bpf_link', 'anon_inode:[perf_event]'):
                n += 1
    except OSError:
        return -1
    return n


def fmt_ratio(r):
    if r is None:
        return 'n/a'
    if r < 10:
        return f'{r:.2f}x'
    if r < 100:
        return f'{r:.1f}x'
    return f'{r:.0f}x'


def fmt_secs(s):
    return f'{s * 1000:.0f} ms' if s < 10 else f'{s:.1f} s'


def fmt_dur(s):
    s = int(round(s))
    return f'{s // 60} min {s % 60:02d} s'


def mounts():
    out = []
    for line in read('/proc/mounts').splitlines():
        f = line.split()
        if len(f) >= 3:
            out.append((f[1], f[2]))
    return out


# ---------------------------------------------------------------------------------------------
# workloads and conditions

class Workload:
    def __init__(self, key, title, n, argv, shown, timing, scalable):
        self.key, self.title, self.n = key, title, n
        self.argv, self.shown = argv, shown      # n -> argv / shown command
        self.timing = timing                     # 'stamp' | 'perf' | 'self'
        self.scalable = scalable                 # a syscall loop: may run smaller under slow peers

    def size(self, cond):
        if cond is not None and cond.slow and self.scalable:
            return max(1, self.n // SLOW_SCALE)
        return self.n


class Condition:
    def __init__(self, key, label, kind, argv, group, bstrace=False, slow=False, tool=None,
                 wait_text=None, tracefs=False):
        self.key, self.label, self.kind = key, label, kind   # kind: 'fg' (tracer -- W) | 'bg'
        self.argv = argv          # fg: (W argv, scratch base path) -> argv; bg: base -> argv
        self.group = group        # 'bstrace' | 'peer'
        self.bstrace = bstrace    # wrap in /usr/bin/time, look for lost events
        self.slow = slow
        self.tool = tool          # executable that must exist
        self.wait_text = wait_text
        self.tracefs = tracefs
        self.unavailable = None


def make_workloads(quick, mt_loop, perf_bench_ok):
    q = quick
    wl = []
    n = 200_000 if q else 2_000_000
    if perf_bench_ok:
        wl.append(Workload('getppid', 'getppid loop', n,
                           lambda n: ['perf', 'bench', 'syscall', 'basic', '--loop', str(n)],
                           lambda n: f'perf bench syscall basic --loop {n}', 'perf', True))
    else:
        wl.append(Workload('getppid', 'getppid loop', n,
                           lambda n: [mt_loop, '1', str(n)],
                           lambda n: f'bench/mt_loop 1 {n}', 'self', True))
    n = 50_000 if q else 500_000
    wl.append(Workload('dd', 'dd 512 B blocks', n,
                       lambda n: ['dd', 'if=/dev/zero', 'of=/dev/null', 'bs=512', f'count={n}'],
                       lambda n: f'dd if=/dev/zero of=/dev/null bs=512 count={n}', 'stamp', True))
    path = '/usr/include/linux' if q else '/usr/include'
    wl.append(Workload('tar', 'tar', None, lambda n: ['tar', 'cf', '/dev/null', path],
                       lambda n: f'tar cf /dev/null {path}', 'stamp', False))
    n = 30 if q else 300
    wl.append(Workload('fork', 'fork+exec loop', n,
                       lambda n: ['sh', '-c', f'for i in $(seq {n}); do /bin/true; done'],
                       lambda n: f"sh -c 'for i in $(seq {n}); do /bin/true; done'", 'stamp',
                       False))
    n = 200_000 if q else 2_000_000
    wl.append(Workload('mt', '2-thread getppid', n, lambda n: [mt_loop, '2', str(n)],
                       lambda n: f'bench/mt_loop 2 {n}  (2 threads x {n} getppid)', 'self', True))
    return wl


def make_conditions(B, sleeper_pid):
    C = []
    C.append(Condition('bs-count-all', 'bstrace -c -a (system-wide, background)', 'bg',
                       lambda base: [B, '-c', '-a', '-d', '3600'], 'bstrace', bstrace=True))
    C.append(Condition('bs-count', 'bstrace -c -- W', 'fg',
                       lambda W, base: [B, '-c', '--'] + W, 'bstrace', bstrace=True))
    C.append(Condition('bs-trace-null', 'bstrace -o /dev/null -- W', 'fg',
                       lambda W, base: [B, '-o', '/dev/null', '--'] + W, 'bstrace', bstrace=True))
    C.append(Condition('bs-trace-file', 'bstrace -f -o FILE -- W', 'fg',
                       lambda W, base: [B, '-f', '-o', base + '.trace', '--'] + W, 'bstrace',
                       bstrace=True))
    C.append(Condition('bs-attach-other', 'bstrace -p OTHER -o /dev/null (background)', 'bg',
                       lambda base: [B, '-p', str(sleeper_pid), '-o', '/dev/null'], 'bstrace',
                       bstrace=True, wait_text='attached'))
    C.append(Condition('strace-c', 'strace -c -f -o /dev/null W', 'fg',
                       lambda W, base: ['strace', '-c', '-f', '-o', '/dev/null', '--'] + W,
                       'peer', slow=True, tool='strace'))
    C.append(Condition('strace', 'strace -f -o /dev/null W', 'fg',
                       lambda W, base: ['strace', '-f', '-o', '/dev/null', '--'] + W,
                       'peer', slow=True, tool='strace'))
    C.append(Condition('perf-trace-s', 'perf trace -s -o /dev/null W', 'fg',
                       lambda W, base: ['perf', 'trace', '-s', '-o', '/dev/null', '--'] + W,
                       'peer', slow=True, tool='perf', tracefs=True))
    C.append(Condition('perf-trace', 'perf trace -o /dev/null W', 'fg',
                       lambda W, base: ['perf', 'trace', '-o', '/dev/null', '--'] + W,
                       'peer', slow=True, tool='perf', tracefs=True))
    C.append(Condition('syscount', 'syscount (libbpf-tools, system-wide, background)', 'bg',
                       lambda base: [SYSCOUNT], 'peer', tool=SYSCOUNT, tracefs=True))
    C.append(Condition('syscount-L', 'syscount -L (background)', 'bg',
                       lambda base: [SYSCOUNT, '-L'], 'peer', tool=SYSCOUNT, tracefs=True))
    C.append(Condition('bpftrace', 'bpftrace count by comm (background)', 'bg',
                       lambda base: ['bpftrace', '-e', BPFTRACE_PROG], 'peer', tool='bpftrace',
                       tracefs=True))
    return C


SYSCOUNT = (os.environ.get('SYSCOUNT') or shutil.which('syscount') or shutil.which('syscount-bpfcc')
            or '/usr/sbin/syscount')

COND_CMDS = {
    'bs-count-all': 'bstrace -c -a -d 3600 >OUT &  (attached, then W; then SIGINT)',
    'bs-count': 'bstrace -c -- W 2>ERR',
    'bs-trace-null': 'bstrace -o /dev/null -- W',
    'bs-trace-file': 'bstrace -f -o /tmp/bstrace-bench-*/rN.trace -- W  (file deleted after)',
    'bs-attach-other': 'bstrace -p $(pid of a sleep) -o /dev/null &  (attached, then W)',
    'strace-c': 'strace -c -f -o /dev/null -- W',
    'strace': 'strace -f -o /dev/null -- W',
    'perf-trace-s': 'perf trace -s -o /dev/null -- W',
    'perf-trace': 'perf trace -o /dev/null -- W',
    'syscount': 'syscount &  (system-wide; attached, then W; then SIGINT)',
    'syscount-L': 'syscount -L &',
    'bpftrace': f"bpftrace -e '{BPFTRACE_PROG}' &",
}


# ---------------------------------------------------------------------------------------------
# one measured run

class Runner:
    def __init__(self, args, work, stamp):
        self.args, self.work, self.stamp = args, work, stamp
        self.counter = 0
        self.live = []          # Popen objects to kill on abort

    def spawn(self, argv, out, err):
        p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=open(out, 'wb'),
                             stderr=open(err, 'wb'), close_fds=True)
        self.live.append(p)
        return p

    def reap(self, p, timeout, sig=None, pid=None):
        """wait for p, signalling pid (default p's) first; SIGKILL after timeout"""
        if sig is not None:
            try:
                os.kill(pid or p.pid, sig)
            except ProcessLookupError:
                pass
        try:
            rc = p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            for q in {pid, p.pid} - {None}:
                try:
                    os.kill(q, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            p.wait()
            rc = None
        if p in self.live:
            self.live.remove(p)
        return rc

    def kill_all(self):
        for p in list(self.live):
            try:
                kids = read(f'/proc/{p.pid}/task/{p.pid}/children').split()
                for k in kids:
                    os.kill(int(k), signal.SIGKILL)
                p.kill()
                p.wait(timeout=5)
            except Exception:
                pass
        self.live.clear()

    def start_bg(self, cond, base):
        argv = cond.argv(base)
        if cond.bstrace:
            argv = ['/usr/bin/time', '-f', '%M', '-o', base + '.time'] + argv
        p = self.spawn(argv, base + '.bgout', base + '.bgerr')
        pid = first_child(p.pid) if cond.bstrace else p.pid
        if pid is None:
            self.reap(p, 5, signal.SIGKILL)
            raise Failure('tracer did not start')
        # attached: its BPF links / perf events exist and stopped changing for 0.5 s
        deadline = time.monotonic() + 30
        last, since = -1, time.monotonic()
        while True:
            if p.poll() is not None:
                self.live.remove(p)
                raise Failure(f'exited {p.returncode} before attaching: '
                              + tail(read(base + '.bgerr') + read(base + '.bgout')))
            n = attach_fds(pid)
            if cond.wait_text and cond.wait_text not in read(base + '.bgerr'):
                n = 0
            now = time.monotonic()
            if n != last:
                last, since = n, now
            elif n > 0 and now - since >= 0.5:
                break
            if now > deadline:
                self.reap(p, 5, signal.SIGKILL, pid)
                raise Failure('did not attach within 30 s: ' + tail(read(base + '.bgerr')))
            time.sleep(0.05)
        return p, pid

    def run(self, wl, cond, n):
        """one run of W (under cond, or untraced when cond is None); returns a result dict"""
        self.counter += 1
        base = os.path.join(self.work, f'r{self.counter}')
        fifo = base + '.fifo'
        os.mkfifo(fifo)
        ffd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        res = {'workload': wl.key, 'cond': cond.key if cond else 'untraced', 'n': n}
        W = [self.stamp, fifo] + wl.argv(n)
        bg = bg_pid = top = None
        hwm = maps = 0
        t_begin = time.monotonic()
        timeout = self.args.timeout

        def sample(pid):
            nonlocal hwm, maps
            v = vm_hwm_kb(pid)
            if v and v > hwm:
                hwm = v
                m = bpf_map_rss_kb(pid)
                if m is not None:
                    maps = max(maps, m)

        try:
            if cond and cond.kind == 'bg':
                bg, bg_pid = self.start_bg(cond, base)
            if cond and cond.kind == 'fg':
                argv = cond.argv(W, base)
                if cond.bstrace:
                    argv = ['/usr/bin/time', '-f', '%M', '-o', base + '.time'] + argv
            else:
                argv = W
            top = self.spawn(argv, base + '.out', base + '.err')
            tracer_pid = bg_pid
            if cond and cond.kind == 'fg':
                tracer_pid = None if cond.bstrace else top.pid
            top_fd = os.pidfd_open(top.pid)
            try:
                poller = select.poll()
                poller.register(ffd, select.POLLIN)
                poller.register(top_fd, select.POLLIN)
                line = b''
                deadline = time.monotonic() + timeout
                while b'\n' not in line:
                    evs = dict(poller.poll(50))
                    if tracer_pid is None and cond and cond.bstrace:
                        tracer_pid = first_child(top.pid, 0)
                    sample(tracer_pid)
                    if evs.get(ffd, 0) & select.POLLIN:
                        try:
                            line += os.read(ffd, 256)
                        except BlockingIOError:
                            pass
                        continue
                    if top_fd in evs:
                        self.reap(top, 5)
                        raise Failure(f'exited {top.returncode} before W started: '
                                      + tail(read(base + '.err') + read(base + '.out')))
                    if time.monotonic() > deadline:
                        raise Failure(f'W did not start within {timeout} s')
            finally:
                os.close(top_fd)
            wpid, t0 = (int(x) for x in line.split())
            try:
                wfd = os.pidfd_open(wpid)
            except ProcessLookupError:
                wfd = None          # already gone: the end is now (an upper bound)
                t_end = time.monotonic_ns()
            if wfd is not None:
                try:
                    wp = select.poll()
                    wp.register(wfd, select.POLLIN)
                    deadline = time.monotonic() + timeout
                    while True:
                        if wp.poll(50):
                            t_end = time.monotonic_ns()
                            break
                        sample(tracer_pid)
                        if time.monotonic() > deadline:
                            raise Failure(f'W did not finish within {timeout} s')
                finally:
                    os.close(wfd)
            res['wall'] = (t_end - t0) / 1e9
            # the foreground process: W itself, or the tracer finishing up
            deadline = time.monotonic() + 120
            while top.poll() is None:
                sample(tracer_pid)
                if time.monotonic() > deadline:
                    break
                time.sleep(0.02)
            rc = self.reap(top, 1, None if top.returncode is not None else signal.SIGKILL)
            if rc != 0:
                raise Failure(f'{"tracer" if cond and cond.kind == "fg" else "W"} exited {rc}: '
                              + tail(read(base + '.err') + read(base + '.out')))
            if bg is not None:
                sample(bg_pid)
                brc = self.reap(bg, 30, signal.SIGINT, bg_pid)
                bg = None
                if brc not in (0, 130, -signal.SIGINT):
                    raise Failure(f'background tracer exited {brc}: '
                                  + tail(read(base + '.bgerr')))
            # results
            out = read(base + '.out')
            if wl.timing == 'perf':
                m = re.search(r'([\d.]+) usecs/op', out)
                if m:
                    res['t'] = float(m.group(1)) * n / 1e6
                else:
                    m = re.search(r'Total time:\s*([\d.]+)', out)
                    if not m:
                        raise Failure('no perf bench time in output: ' + tail(out))
                    res['t'] = float(m.group(1))
            elif wl.timing == 'self':
                m = re.search(r'getppid: ([\d.]+) s', out)
                if not m:
                    raise Failure('no mt_loop time in output: ' + tail(out))
                res['t'] = float(m.group(1))
            else:
                res['t'] = res['wall']
            if cond:
                res['hwm_kb'] = hwm or None
                res['maps_kb'] = maps if hwm else None
            if cond and cond.bstrace:
                err = read(base + ('.bgerr' if cond.kind == 'bg' else '.err'))
                lost = [int(x) for x in re.findall(r'(\d+) events lost', err)]
                res['lost'] = max(lost) if lost else 0
                m = re.findall(r'^(\d+)\s*$', read(base + '.time'), re.M)
                res['time_kb'] = int(m[-1]) if m else None
            if os.path.exists(base + '.trace'):
                res['trace_bytes'] = os.path.getsize(base + '.trace')
        finally:
            if bg is not None:
                self.reap(bg, 10, signal.SIGINT, bg_pid)
            if top is not None and top.poll() is None:
                self.reap(top, 1, signal.SIGKILL)
            os.close(ffd)
            res['run_s'] = time.monotonic() - t_begin
            if not self.args.keep:
                for ext in ('.fifo', '.out', '.err', '.bgout', '.bgerr', '.time', '.trace'):
                    try:
                        os.unlink(base + ext)
                    except OSError:
                        pass
        return res


# ---------------------------------------------------------------------------------------------
# the schedule: untraced before and after each traced run

class Bench:
    def __init__(self, args, runner, workloads, conditions):
        self.args, self.r = args, runner
        self.wl, self.conds = workloads, conditions
        self.results = []            # traced runs with ratios
        self.untraced = []           # every untraced run
        self.cells = {}              # (wl, cond) -> {'spent': s, 'done': bool, 'error': str}
        self.last_u = None           # (key, result) of the latest untraced run
        self.t0 = time.monotonic()
        self.planned = 0
        self.count = 0

    def untraced_run(self, wl, n):
        res = self.r.run(wl, None, n)
        self.untraced.append(res)
        self.last_u = ((wl.key, n), res)
        return res

    def cell(self, wl, cond, rep):
        c = self.cells.setdefault((wl.key, cond.key), {'spent': 0.0, 'done': False, 'error': None})
        if c['done'] or cond.unavailable:
            return
        n = wl.size(cond)
        self.count += 1
        tag = (f'[{self.count}/{self.planned} {fmt_dur(time.monotonic() - self.t0)}] '
               f'rep {rep + 1} {wl.key:8s} {cond.key:16s}')
        try:
            before = (self.last_u[1] if self.last_u and self.last_u[0] == (wl.key, n)
                      else self.untraced_run(wl, n))
            res = self.r.run(wl, cond, n)
            after = self.untraced_run(wl, n)
        except Failure as e:
            c['done'], c['error'] = True, str(e)
            log(f'{tag} FAILED: {e}')
            return
        base = (before['t'] + after['t']) / 2
        res['ratio'] = res['t'] / base if base > 0 else None
        res['base'] = base
        res['rep'] = rep
        self.results.append(res)
        c['spent'] += res['run_s']
        if c['spent'] >= self.args.cell_budget:
            c['done'] = True
        extra = ''
        if 'lost' in res:
            extra += f"  lost {res['lost']}"
        if res.get('hwm_kb'):
            extra += f"  rss {res['hwm_kb'] / 1024:.1f} MiB"
        log(f"{tag} {fmt_ratio(res['ratio']):>8s}  ({res['t']:.3f} s vs {base:.3f} s){extra}"
            + ('  [budget reached: no more reps]' if c['done'] and rep + 1 < self.args.reps
               else ''))

    def phase(self, conds):
        for rep in range(self.args.reps):
            for wl in self.wl:
                for cond in conds:
                    self.cell(wl, cond, rep)


# ---------------------------------------------------------------------------------------------
# report

def summarize(bench):
    cells = {}
    for r in bench.results:
        cells.setdefault((r['workload'], r['cond']), []).append(r)
    s = {}
    for key, rs in cells.items():
        ratios = [r['ratio'] for r in rs if r.get('ratio')]
        s[key] = {
            'median': statistics.median(ratios) if ratios else None,
            'min': min(ratios) if ratios else None,
            'max': max(ratios) if ratios else None,
            'reps': len(rs),
            'n': rs[0]['n'],
            't_median': statistics.median(r['t'] for r in rs),
            'base_median': statistics.median(r['base'] for r in rs),
            'lost': max((r.get('lost') or 0) for r in rs) if any('lost' in r for r in rs)
            else None,
            'hwm_kb': max((r.get('hwm_kb') or 0) for r in rs) or None,
            'time_kb': max((r.get('time_kb') or 0) for r in rs) or None,
            'maps_kb': max((r.get('maps_kb') or 0) for r in rs) if rs[0].get('hwm_kb') else None,
            'nomaps_kb': max(((r.get('hwm_kb') or 0) - (r.get('maps_kb') or 0)) for r in rs)
            if rs[0].get('hwm_kb') else None,
        }
    return s


def write_report(path, args, env, bench, workloads, conds, runtime):
    S = summarize(bench)
    L = []
    add = L.append
    add('# bstrace overhead benchmarks')
    add('')
    add('Generated by `bench/run.sh` (see [bench/README.md](bench/README.md) for the method). '
        'Do not edit by hand: re-run the benchmark.')
    add('')
    add(f"- **date**: {env['date']}")
    add(f"- **command**: `{env['command']}`")
    add(f"- **kernel**: `{env['kernel']}`")
    add(f"- **CPU**: {env['cpu']} ({env['ncpu']} CPUs)")
    add(f"- **bstrace**: {env['bstrace']}")
    add(f"- **peers**: {env['peers']}")
    add(f"- **repetitions**: {args.reps} per cell{' (quick smoke run: smaller workloads)' if args.quick else ''}, "
        f"fewer where a cell's runs exceeded {args.cell_budget:.0f} s in total; "
        f"**total runtime**: {fmt_dur(runtime)}")
    add('')

    # targets
    def cell(w, c):
        return S.get((w, c))

    rows = []

    def target(name, w, c, limit, need_lost0=False):
        x = cell(w, c)
        err = bench.cells.get((w, c), {}).get('error')
        if x is None or x['median'] is None:
            rows.append((name, 'not measured' + (f' ({err[:80]})' if err else ''), f'<= {limit:.2f}x'
                         + (', 0 lost' if need_lost0 else ''), 'not measured'))
            return
        ok = x['median'] <= limit
        meas = fmt_ratio(x['median'])
        if need_lost0:
            meas += f", {x['lost']} lost"
            ok = ok and x['lost'] == 0
        rows.append((name, meas, f'<= {limit:.2f}x' + (', 0 lost' if need_lost0 else ''),
                     'pass' if ok else 'FAIL'))

    target('getppid loop, `bstrace -c -a` in the background', 'getppid', 'bs-count-all', 1.30)
    target('getppid loop, `bstrace -c -- W`', 'getppid', 'bs-count', 2.0)
    target('getppid loop, full decoded trace `bstrace -o /dev/null -- W`', 'getppid',
           'bs-trace-null', 3.0, True)
    target('dd, full decoded trace `bstrace -o /dev/null -- W`', 'dd', 'bs-trace-null', 3.0, True)
    target('getppid loop, bstrace attached to another pid', 'getppid', 'bs-attach-other', 1.20)
    peak = None
    for (w, c), x in S.items():
        if c.startswith('bs-') and x['hwm_kb'] and (peak is None or x['hwm_kb'] > peak[0]):
            peak = (x['hwm_kb'], w, c)
    if peak:
        rows.append(('bstrace peak RSS (VmHWM), any condition and workload',
                     f'{peak[0] / 1024:.1f} MiB ({peak[2]}, {peak[1]})', '<= 32 MiB',
                     'pass' if peak[0] <= 32 * 1024 else 'FAIL'))
        nm = max((x['nomaps_kb'], w, c) for (w, c), x in S.items()
                 if c.startswith('bs-') and x['nomaps_kb'] is not None)
        mp = max(x['maps_kb'] or 0 for (w, c), x in S.items() if c.startswith('bs-'))
        rows.append(('(information) the same without the BPF-map mappings '
                     f'(ring buffer, up to {mp / 1024:.1f} MiB)',
                     f'{nm[0] / 1024:.1f} MiB ({nm[2]}, {nm[1]})', '<= 32 MiB',
                     'pass' if nm[0] <= 32 * 1024 else 'FAIL'))
    else:
        rows.append(('bstrace peak RSS, any condition and workload', 'not measured', '<= 32 MiB',
                     'not measured'))
    add('## Targets')
    add('')
    add('| target | measured (median ratio) | limit | result |')
    add('|---|---|---|---|')
    for r in rows:
        add('| ' + ' | '.join(r) + ' |')
    add('')

    # main table
    notes = []

    def note(text):
        if text not in notes:
            notes.append(text)
        return notes.index(text) + 1

    add('## Slowdown: median of traced/untraced time of W')
    add('')
    add('Each cell: median over repetitions of (W traced) / (mean of the untraced runs just before '
        'and after it). `(k)` = only k repetitions; `†` = run at 1/%d of the work (see notes); '
        '`n/a` = could not run (see notes).' % SLOW_SCALE)
    add('')
    add('| condition | ' + ' | '.join(w.title for w in workloads) + ' |')
    add('|---|' + '---|' * len(workloads))
    urow = []
    for w in workloads:
        ts = [u['t'] for u in bench.untraced if u['workload'] == w.key and u['n'] == w.n]
        urow.append(fmt_secs(statistics.median(ts)) if ts else 'n/a')
    add('| untraced (median time of W) | ' + ' | '.join(urow) + ' |')
    for c in conds:
        cs = []
        for w in workloads:
            x = cell(w.key, c.key)
            err = bench.cells.get((w.key, c.key), {}).get('error')
            if c.unavailable:
                cs.append(f'n/a [{note(c.key + ": " + c.unavailable)}]')
            elif x is None or x['median'] is None:
                cs.append(f'n/a [{note(c.key + " / " + w.key + ": " + (err or "no result"))}]')
            else:
                t = fmt_ratio(x['median'])
                if x['n'] != w.n:
                    t += '†'
                if x['reps'] < args.reps:
                    t += f" ({x['reps']})"
                cs.append(t)
        add(f'| {c.label} | ' + ' | '.join(cs) + ' |')
    add('')

    # bstrace details
    bs = [c for c in conds if c.group == 'bstrace']
    add('## bstrace: events lost and peak RSS')
    add('')
    add('Events lost: the largest "N events lost" bstrace reported on stderr in any repetition.')
    add('')
    add('| condition | ' + ' | '.join(w.title for w in workloads) + ' |')
    add('|---|' + '---|' * len(workloads))
    for c in bs:
        cs = []
        for w in workloads:
            x = cell(w.key, c.key)
            cs.append('n/a' if x is None or x['lost'] is None else str(x['lost']))
        add(f'| {c.label} | ' + ' | '.join(cs) + ' |')
    add('')
    add('Peak RSS in MiB, largest over the repetitions: VmHWM of the bstrace process itself '
        '(sampled every 50 ms while it runs and just before it stops); `[..]` = '
        '`/usr/bin/time -f %M` around bstrace (for `-- W` conditions it also covers W and its '
        'children, which bstrace reaps); `maps` = how much of the VmHWM is BPF-map mappings: '
        'the ring buffer (`-b`, default 16 MiB) is mapped twice, so its pages count twice.')
    add('')
    add('| condition | ' + ' | '.join(w.title for w in workloads) + ' |')
    add('|---|' + '---|' * len(workloads))
    for c in bs:
        cs = []
        for w in workloads:
            x = cell(w.key, c.key)
            if x is None or not x['hwm_kb']:
                cs.append('n/a')
                continue
            tk = f" [{x['time_kb'] / 1024:.1f}]" if x['time_kb'] else ''
            cs.append(f"{x['hwm_kb'] / 1024:.1f}{tk}, maps {x['maps_kb'] / 1024:.1f}")
        add(f'| {c.label} | ' + ' | '.join(cs) + ' |')
    add('')

    peers = [c for c in conds if c.group == 'peer']
    if peers:
        add('## Peers: peak RSS of the tracer (MiB, VmHWM, max over workloads)')
        add('')
        add('| tracer | peak RSS |')
        add('|---|---|')
        for c in peers:
            v = [S[k]['hwm_kb'] for k in S if k[1] == c.key and S[k]['hwm_kb']]
            add(f"| {c.label} | {max(v) / 1024:.1f} |" if v else f'| {c.label} | n/a |')
        add('')

    add('## Workloads and conditions')
    add('')
    add('| workload | command (fixed amount of work) | timed by |')
    add('|---|---|---|')
    how = {'perf': "perf bench's own usecs/op x loops", 'self': "mt_loop's own clock",
           'stamp': 'bench/stamp: execve of W to its exit (pidfd)'}
    for w in workloads:
        sz = f' (at 1/{SLOW_SCALE}: `{w.shown(max(1, w.n // SLOW_SCALE))}`)' if w.scalable else ''
        add(f'| {w.title} | `{w.shown(w.n)}`{sz} | {how[w.timing]} |')
    add('')
    add('| condition | command |')
    add('|---|---|')
    for c in conds:
        add(f'| {c.label} | `{COND_CMDS[c.key]}` |')
    add('')
    add('Background conditions start the tracer, wait until it has attached (its BPF links / perf '
        'events exist and have not changed for 0.5 s; for `-p`, also its "attached" message), time '
        'W alone, then stop it with SIGINT. Tracer start-up never counts: W is timed from its own '
        'execve to its exit. tracefs is left as found for the bstrace runs (normally unmounted: '
        'bstrace does not need it) and mounted only for the peer runs, then unmounted again.')
    add('')
    add('## Notes')
    add('')
    add(f'- `†`: strace and perf trace cost about 15-100 microseconds per syscall on this VM (the '
        f'untraced getppid takes 0.1), so the syscall-loop workloads (getppid, dd, 2-thread '
        f'getppid) run at 1/{SLOW_SCALE} of their size under them, against untraced runs of that '
        f'same size; the slowdown of a syscall loop is about the same at any length.')
    add('- Without `-f`, `bstrace -c -- W` and `bstrace -o /dev/null -- W` follow only the first '
        'thread/process (like strace): the 2-thread loop and the fork+exec loop are then mostly '
        'untraced.')
    add('- `tar cf /dev/null` does not read file contents (GNU tar notices /dev/null): it is a '
        'stat/open/getdents workload.')
    add('- The machine is shared and noisy (another engineer builds and tests on it): '
        'ratios near 1.0 are within about +-10%.')
    for i, n in enumerate(notes, 1):
        add(f'- [{i}] {n}')
    add('')
    add('<details><summary>all cells: median [min - max] ratio, repetitions, median times</summary>')
    add('')
    add('| workload | condition | size | reps | ratio median [min - max] | W traced | W untraced |')
    add('|---|---|---|---|---|---|---|')
    for w in workloads:
        for c in conds:
            x = cell(w.key, c.key)
            if not x:
                continue
            add(f"| {w.key} | {c.key} | {x['n'] or '-'} | {x['reps']} | {fmt_ratio(x['median'])} "
                f"[{fmt_ratio(x['min'])} - {fmt_ratio(x['max'])}] | {x['t_median']:.4f} s | "
                f"{x['base_median']:.4f} s |")
    add('')
    add('</details>')
    add('')
    with open(path, 'w') as f:
        f.write('\n'.join(L))


# ---------------------------------------------------------------------------------------------

def environment(args, bstrace_path):
    cpu = '?'
    for line in read('/proc/cpuinfo').splitlines():
        if line.startswith('model name'):
            cpu = line.split(':', 1)[1].strip()
            break
    git = sh_out(['git', '-C', ROOT, 'rev-parse', '--short', 'HEAD']).strip()
    dirty = sh_out(['git', '-C', ROOT, 'status', '--porcelain', '--', 'user', 'bpf', 'CMakeLists.txt',
                    'vmlinux']).strip()
    ver = sh_out([bstrace_path, '-V']).strip().splitlines()
    peers = []
    for argv in (['strace', '-V'], ['perf', '--version'], ['bpftrace', '--version']):
        if shutil.which(argv[0]):
            peers.append(sh_out(argv).strip().splitlines()[0])
    lt = sh_out(['dpkg-query', '-W', '-f=${Version}', 'libbpf-tools']).strip()
    if lt and 'no packages' not in lt:
        peers.append(f'libbpf-tools {lt}')
    return {
        'date': datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC'),
        'command': os.environ.get('BENCH_COMMAND') or 'python3 ' + ' '.join(
            shlex.quote(a) for a in sys.argv),
        'kernel': os.uname().release,
        'cpu': cpu,
        'ncpu': os.cpu_count(),
        'bstrace': f"{ver[0] if ver else '?'}, commit {git}"
                   + (' + uncommitted changes in user/ or bpf/' if dirty else ''),
        'peers': ', '.join(peers),
    }


def compile_helpers(work):
    out = {}
    for name, extra in (('stamp', []), ('mt_loop', ['-pthread'])):
        dst = os.path.join(work, name)
        cc = shutil.which('cc') or shutil.which('gcc') or 'cc'
        r = subprocess.run([cc, '-O2', '-Wall', '-o', dst, os.path.join(BENCH, name + '.c')]
                           + extra, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if r.returncode:
            sys.exit(f'bench: cannot compile bench/{name}.c:\n{r.stdout.decode()}')
        out[name] = dst
    return out


def main():
    ap = argparse.ArgumentParser(description='bstrace overhead benchmark (see bench/README.md)')
    ap.add_argument('--reps', type=int, default=None, help='repetitions per cell (default 5; 1 '
                    'with --quick)')
    ap.add_argument('--quick', action='store_true',
                    help='smoke run: 1 repetition, workloads 1/10 the size, report to '
                    '/tmp/bstrace-bench-quick.md unless --out is given')
    ap.add_argument('--out', help='report path (default BENCHMARKS.md at the top of the repo)')
    ap.add_argument('--json', help='also write every run as JSON here')
    ap.add_argument('--bstrace', default=os.path.join(ROOT, 'build', 'bstrace'))
    ap.add_argument('--only', help='comma list of condition keys to run (debugging)')
    ap.add_argument('--workloads', help='comma list of workload keys to run (debugging)')
    ap.add_argument('--no-peers', action='store_true', help='bstrace conditions only')
    ap.add_argument('--cell-budget', type=float, default=25.0,
                    help='stop repeating a cell once its runs took this many seconds (25)')
    ap.add_argument('--timeout', type=float, default=300.0, help='per-run timeout in s (300)')
    ap.add_argument('--keep', action='store_true', help='keep the scratch directory')
    args = ap.parse_args()
    if args.reps is None:
        args.reps = 1 if args.quick else 5
    if args.out is None:
        args.out = ('/tmp/bstrace-bench-quick.md' if args.quick
                    else os.path.join(ROOT, 'BENCHMARKS.md'))
    if os.geteuid() != 0:
        sys.exit('bench: run as root (BPF, perf, tracefs)')
    if not os.access(args.bstrace, os.X_OK):
        sys.exit(f'bench: no bstrace at {args.bstrace} (sh tools/build.sh)')

    t_start = time.monotonic()
    work = tempfile.mkdtemp(prefix='bstrace-bench-')
    # a private copy: a rebuild of build/ during the run does not change what is measured
    B = os.path.join(work, 'bstrace')
    shutil.copy2(args.bstrace, B)
    helpers = compile_helpers(work)
    env = environment(args, B)
    log(f"bench: {env['cpu']}, kernel {env['kernel']}, {env['bstrace']}; scratch {work}")

    r = subprocess.run(['perf', 'bench', 'syscall', 'basic', '--loop', '1000'],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    perf_bench_ok = r.returncode == 0 and b'usecs/op' in r.stdout
    if not perf_bench_ok:
        log('bench: `perf bench syscall basic` unavailable: the getppid loop is bench/mt_loop 1 N')
    workloads = make_workloads(args.quick, helpers['mt_loop'], perf_bench_ok)
    if args.workloads:
        keep = args.workloads.split(',')
        workloads = [w for w in workloads if w.key in keep]

    sleeper = subprocess.Popen(['sleep', '1000000'], stdin=subprocess.DEVNULL)
    conds = make_conditions(B, sleeper.pid)
    if args.only:
        keep = args.only.split(',')
        conds = [c for c in conds if c.key in keep]
    if args.no_peers:
        conds = [c for c in conds if c.group == 'bstrace']
    for c in conds:
        if c.tool and not shutil.which(c.tool):
            c.unavailable = f'{c.tool} is not installed'

    runner = Runner(args, work, helpers['stamp'])
    bench = Bench(args, runner, workloads, conds)
    mounts_before = set(m for m in mounts() if m[1] in ('tracefs', 'debugfs'))

    def restore_mounts():
        extra = [m for m in mounts() if m[1] in ('tracefs', 'debugfs') and m not in mounts_before]
        for mp, _ in sorted(extra, key=lambda m: -len(m[0])):
            if subprocess.run(['umount', mp]).returncode == 0:
                log(f'bench: unmounted {mp}')

    def on_term(sig, frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, on_term)
    aborted = False
    try:
        log('bench: warm-up (untraced, not counted)')
        for w in workloads:
            runner.run(w, None, w.n)
        per_cond = {c.key: sum(1 for w in workloads) for c in conds if not c.unavailable}
        bench.planned = sum(per_cond.values()) * args.reps
        bs_conds = [c for c in conds if c.group == 'bstrace']
        peer_conds = [c for c in conds if c.group == 'peer']
        if bs_conds:
            log(f"bench: bstrace conditions (tracefs {'mounted' if any(m[0] == TRACEFS for m in mounts_before) else 'not mounted'})")
            bench.phase(bs_conds)
        if peer_conds:
            if not any(m[0] == TRACEFS for m in mounts()):
                r = subprocess.run(['mount', '-t', 'tracefs', 'nodev', TRACEFS],
                                   stderr=subprocess.PIPE)
                if r.returncode:
                    log('bench: cannot mount tracefs: ' + r.stderr.decode().strip())
                else:
                    log(f'bench: mounted tracefs on {TRACEFS} for the peers')
            try:
                bench.phase(peer_conds)
            finally:
                restore_mounts()
    except KeyboardInterrupt:
        aborted = True
        log('bench: interrupted; writing what was measured')
    finally:
        runner.kill_all()
        sleeper.kill()
        sleeper.wait()
        restore_mounts()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    runtime = time.monotonic() - t_start
    write_report(args.out, args, env, bench, workloads, conds, runtime)
    if args.json:
        with open(args.json, 'w') as f:
            json.dump({'env': env, 'traced': bench.results, 'untraced': bench.untraced,
                       'cells': {f'{k[0]}/{k[1]}': v for k, v in bench.cells.items()}}, f,
                      indent=1)
    log(f'bench: wrote {args.out} in {fmt_dur(runtime)}')
    return 130 if aborted else 0


if __name__ == '__main__':
    sys.exit(main())
