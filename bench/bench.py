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
import random
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

sys.dont_write_bytecode = True     # no bench/__pycache__ in the work tree
import bpfsys  # noqa: E402  (bench/bpfsys.py)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, 'bench')
TRACEFS = '/sys/kernel/tracing'
BPFTRACE_PROG = 'tracepoint:raw_syscalls:sys_enter { @[comm] = count(); }'
# the ptrace and perf-trace peers cost 15-120 us per syscall on this VM: the syscall-loop
# workloads run at 1/SLOW_SCALE of their size under them (with untraced runs of that same size)
SLOW_SCALE = 20
# ratios: the median of the runs with no one else's BPF tracing programs loaded around them when
# at least this many (or all) runs of the cell are clean, else the median of all runs
CLEAN_MIN = 3
TARGET_WORKLOADS = ('getppid', 'dd')   # the workloads the targets quote


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


# syscalls whose enter-side work bstrace needs (argument kinds read at enter, see user/loader.c)
ENTER_NEEDED = ('execve', 'execveat', 'fork', 'vfork', 'clone', 'clone3', 'rt_sigreturn',
                'exit_group', 'poll', 'select', 'accept')


def enter_hook_facts():
    """What this kernel offers for an enter hook on a few syscall functions only, instead of
    the sys_enter tracepoint: BTF FUNC records for fentry, and fprobe for kprobe.multi."""
    facts = {'arch_prefix': None, 'no_btf_func': [], 'fprobe': None}
    prefix = {'x86_64': '__x64_sys_', 'aarch64': '__arm64_sys_',
              'riscv64': '__riscv_sys_'}.get(os.uname().machine)
    dump = sh_out(['bpftool', 'btf', 'dump', 'file', '/sys/kernel/btf/vmlinux'])
    if prefix and "FUNC '" in dump:
        funcs = set(re.findall(r"FUNC '(" + prefix + r"\w+)'", dump))
        facts['arch_prefix'] = prefix
        facts['no_btf_func'] = [n for n in ENTER_NEEDED if prefix + n not in funcs]
    cfg = sh_out(['sh', '-c', 'zcat /proc/config.gz 2>/dev/null || '
                  'cat /boot/config-$(uname -r) 2>/dev/null'])
    if 'CONFIG_FPROBE=y' in cfg:
        facts['fprobe'] = True
    elif 'CONFIG_FPROBE is not set' in cfg:
        facts['fprobe'] = False
    return facts


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
    n = 100_000 if q else 1_000_000
    wl.append(Workload('mt4', '4-thread getppid', n, lambda n: [mt_loop, '4', str(n)],
                       lambda n: f'bench/mt_loop 4 {n}  (4 threads x {n} getppid, more threads '
                       'than cores)', 'self', True))
    return wl


def make_conditions(B, sleeper_pid):
    C = []
    C.append(Condition('bs-count-all', 'bstrace -c -a (system-wide, background)', 'bg',
                       lambda base: [B, '-c', '-a', '--stop-after=3600'], 'bstrace', bstrace=True))
    C.append(Condition('bs-count', 'bstrace -c -- W', 'fg',
                       lambda W, base: [B, '-c', '--'] + W, 'bstrace', bstrace=True))
    C.append(Condition('bs-trace-null', 'bstrace -o /dev/null -- W', 'fg',
                       lambda W, base: [B, '-o', '/dev/null', '--'] + W, 'bstrace', bstrace=True))
    C.append(Condition('bs-trace-y', 'bstrace -y -o /dev/null -- W (fd paths)', 'fg',
                       lambda W, base: [B, '-y', '-o', '/dev/null', '--'] + W, 'bstrace',
                       bstrace=True))
    C.append(Condition('bs-stack', 'bstrace -k -o /dev/null -- W (stack traces)', 'fg',
                       lambda W, base: [B, '-k', '-o', '/dev/null', '--'] + W, 'bstrace',
                       bstrace=True))
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
    'bs-count-all': 'bstrace -c -a --stop-after=3600 >OUT &  (attached, then W; then SIGINT)',
    'bs-count': 'bstrace -c -- W 2>ERR',
    'bs-trace-null': 'bstrace -o /dev/null -- W',
    'bs-trace-y': 'bstrace -y -o /dev/null -- W',
    'bs-stack': 'bstrace -k -o /dev/null -- W',
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
        self.own_ids = set()    # ids of every BPF program our tracers held

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

    def run(self, wl, cond, n, probe=None):
        """one run of W (under cond, or untraced when cond is None); returns a result dict.
        probe: an object with start(tracer_pid) called once W has started and finish() called
        once W and the tracer are done (the bpf_stats phase)"""
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
            # someone else's tracing programs loaded around W (shared machine): noted per run
            # (ours: the tracer's, and those of earlier tracers: the kernel frees a detached
            # program only after an RCU grace period, so it can outlive its process a little)
            ours = bpfsys.pid_prog_ids(tracer_pid) if cond else set()
            self.own_ids |= ours
            foreign = set(bpfsys.foreign_tracing(self.own_ids, FLOOR_PROGS))
            if probe is not None:
                probe.start(tracer_pid)
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
            if probe is not None:
                probe.finish()      # the counters over W's life
            foreign.update(bpfsys.foreign_tracing(self.own_ids, FLOOR_PROGS))
            res['foreign'] = sorted(foreign)
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
                lost = [int(x) for x in re.findall(r'(\d+) calls lost', err)]
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

    def cell(self, wl, cond, rep, extra_run=False):
        c = self.cells.setdefault((wl.key, cond.key), {'spent': 0.0, 'done': False, 'error': None})
        if (c['done'] and not extra_run) or c['error'] or cond.unavailable:
            return
        n = wl.size(cond)
        self.count += 1
        tag = (f'[{self.count}/{self.planned} {fmt_dur(time.monotonic() - self.t0)}] '
               f"{'extra' if extra_run else f'rep {rep + 1}'} {wl.key:8s} {cond.key:16s}")
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
        # clean: no one else's tracing program was loaded around this run or its references
        others = sorted(set(before.get('foreign', []) + res.get('foreign', [])
                            + after.get('foreign', [])))
        res['clean'] = not others
        self.results.append(res)
        c['spent'] += res['run_s']
        if c['spent'] >= self.args.cell_budget:
            c['done'] = True
        extra = ''
        if 'lost' in res:
            extra += f"  lost {res['lost']}"
        if res.get('hwm_kb'):
            extra += f"  rss {res['hwm_kb'] / 1024:.1f} MiB"
        if others:
            extra += f"  [other BPF loaded: {','.join(others)[:60]}]"
        log(f"{tag} {fmt_ratio(res['ratio']):>8s}  ({res['t']:.3f} s vs {base:.3f} s){extra}"
            + ('  [budget reached: no more reps]' if c['done'] and rep + 1 < self.args.reps
               else ''))

    def clean_short(self, wl, cond):
        """a measured cell with fewer than CLEAN_MIN clean runs"""
        c = self.cells.get((wl.key, cond.key))
        if not c or c['error'] or cond.unavailable:
            return False
        rs = [r for r in self.results if r['workload'] == wl.key and r['cond'] == cond.key]
        return bool(rs) and sum(1 for r in rs if r.get('clean')) < CLEAN_MIN

    def topup(self, conds, budget, workloads=None, rounds=3):
        """extra runs, within `budget` seconds, for the cells that have fewer than CLEAN_MIN
        clean runs because someone else's BPF programs were loaded during too many of theirs"""
        end = time.monotonic() + budget
        for rnd in range(rounds):
            need = [(wl, c) for wl in (self.wl if workloads is None else workloads)
                    for c in conds if self.clean_short(wl, c)]
            if not need or time.monotonic() > end:
                return
            log(f'bench: {len(need)} cells with fewer than {CLEAN_MIN} clean runs: one more run '
                f'each (round {rnd + 1}, {max(0, end - time.monotonic()):.0f} s left)')
            self.planned += len(need)
            for wl, c in need:
                if time.monotonic() > end:
                    return
                self.cell(wl, c, 1000 + rnd, extra_run=True)

    def phase(self, conds, reps=None, workloads=None, shuffle=False, start=0):
        """shuffle: a different order of the conditions in every round (fixed seed), so that no
        condition always follows the same one (the previous tracer's teardown, such as the RCU
        grace period before its programs are freed, could bias the run after it)"""
        rng = random.Random(4)
        for rep in range(start, self.args.reps if reps is None else reps):
            order = list(conds)
            if shuffle:
                rng.shuffle(order)
            for wl in self.wl if workloads is None else workloads:
                for cond in order:
                    self.cell(wl, cond, rep)


# ---------------------------------------------------------------------------------------------
# userspace decode throughput: real events recorded with --record, replayed on one CPU

REPLAY_MODES = (('text', 'text (default)', []), ('count', '-c', ['-c']),
                ('json', '--json', ['--json']))
REPLAY_RE = re.compile(r'replayed (\d+) records in ([\d.]+) s: ([\d.]+) records/s')


def decode_workloads(quick, perf_bench_ok, mt_loop):
    """(key, title, bstrace options, W argv, shown command) of the recorded workloads"""
    n = 100_000 if quick else 1_000_000
    if perf_bench_ok:
        gp = ['perf', 'bench', 'syscall', 'basic', '--loop', str(n)]
    else:
        gp = [mt_loop, '1', str(n)]
    blocks = 50_000 if quick else 500_000
    path = '/usr/include/linux' if quick else '/usr/include'
    k = 2 if quick else 8
    tar = f'for i in $(seq {k}); do tar cf /dev/null {path}; done'
    return [
        ('getppid', 'getppid loop', [], gp, ' '.join(gp)),
        ('dd', 'dd 512 B blocks', [],
         ['dd', 'if=/dev/zero', 'of=/dev/null', 'bs=512', f'count={blocks}'],
         f'dd if=/dev/zero of=/dev/null bs=512 count={blocks}'),
        ('tar', f'tar x{k} (mixed: stat, openat, getdents64, ...)', ['-f'],
         ['sh', '-c', tar], f"sh -c '{tar}'"),
    ]


def replay_once(B, path, mode_args, pin):
    """one `bstrace --replay`: (records, records/s of the decode loop, records per CPU-second of
    the whole process) or a Failure"""
    argv = ([] if pin is None else ['taskset', '-c', pin]) + [
        B, '--replay', path] + mode_args + ['-o', '/dev/null', '--replay-stats']
    err = tempfile.TemporaryFile()
    p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    err.seek(0)
    text = err.read().decode('utf-8', 'replace')
    err.close()
    m = REPLAY_RE.search(text)
    if p.returncode != 0 or not m:
        raise Failure(f'replay exited {p.returncode}: ' + tail(text))
    n = int(m.group(1))
    cpu = ru.ru_utime + ru.ru_stime
    return n, float(m.group(3)), (n / cpu if cpu > 0 else None)


def decode_phase(args, B, work, dwl, reps):
    """record each workload once, then replay every recording in every output mode, `reps`
    times, round-robin, pinned to CPU 0"""
    out = {'workloads': [], 'runs': [], 'pin': '0' if shutil.which('taskset') else None}
    files = {}
    for key, title, opts, W, shown in dwl:
        path = os.path.join(work, f'decode-{key}.bst')
        entry = {'key': key, 'title': title,
                 'command': ' '.join(['bstrace'] + opts + ['--record', 'FILE', '--', shown])}
        out['workloads'].append(entry)
        t0 = time.monotonic()
        try:
            r = subprocess.run([B] + opts + ['--record', path, '--'] + W,
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, timeout=args.timeout)
        except subprocess.TimeoutExpired:
            entry['error'] = f'recording did not finish within {args.timeout:.0f} s'
            continue
        err = r.stderr.decode('utf-8', 'replace')
        if r.returncode != 0 or not os.path.exists(path):
            entry['error'] = f'recording exited {r.returncode}: ' + tail(err)
            continue
        lost = [int(x) for x in re.findall(r'(\d+) calls lost', err)]
        entry['lost'] = max(lost) if lost else 0
        entry['bytes'] = os.path.getsize(path)
        entry['record_s'] = time.monotonic() - t0
        files[key] = path
        log(f"bench: decode: recorded {key}: {entry['bytes'] / 1e6:.1f} MB, "
            f"{entry['lost']} lost")
    for rep in range(reps):
        for key, *_ in dwl:
            if key not in files:
                continue
            for mkey, _, margs in REPLAY_MODES:
                try:
                    n, rate, cpu_rate = replay_once(B, files[key], margs, out['pin'])
                except Failure as e:
                    out['runs'].append({'workload': key, 'mode': mkey, 'rep': rep,
                                        'error': str(e)})
                    log(f'bench: decode: {key} {mkey} FAILED: {e}')
                    continue
                out['runs'].append({'workload': key, 'mode': mkey, 'rep': rep, 'records': n,
                                    'rate': rate, 'cpu_rate': cpu_rate})
        done = [r for r in out['runs'] if r['rep'] == rep and 'rate' in r]
        log(f'bench: decode rep {rep + 1}: ' + ', '.join(
            f"{r['workload']}/{r['mode']} {r['rate'] / 1e6:.2f}M/s" for r in done))
    for path in files.values():
        try:
            os.unlink(path)
        except OSError:
            pass
    # medians per workload and mode
    out['cells'] = {}
    for w in out['workloads']:
        for mkey, *_ in REPLAY_MODES:
            rs = [r for r in out['runs'] if r['workload'] == w['key'] and r['mode'] == mkey]
            ok = [r for r in rs if 'rate' in r]
            c = {'reps': len(ok), 'error': next((r['error'] for r in rs if 'error' in r), None)}
            if ok:
                c['records'] = ok[0]['records']
                c['rate'] = statistics.median(r['rate'] for r in ok)
                c['min'] = min(r['rate'] for r in ok)
                c['max'] = max(r['rate'] for r in ok)
                cr = [r['cpu_rate'] for r in ok if r['cpu_rate']]
                c['cpu_rate'] = statistics.median(cr) if cr else None
                if w.get('bytes') and c['records']:
                    w['bytes_per_record'] = w['bytes'] / c['records']
            out['cells'][f"{w['key']}/{mkey}"] = c
    return out


# ---------------------------------------------------------------------------------------------
# BPF program cost: kernel.bpf_stats_enabled=1, run_cnt / run_time_ns of every program

def bpf_prog_names():
    """full names of the programs of bstrace and of the floor probe: the kernel keeps 15
    characters"""
    names = set()
    for src in (os.path.join(ROOT, 'bpf', 'bstrace.bpf.c'),
                os.path.join(BENCH, 'floor', 'floor.bpf.c')):
        names.update(re.findall(r'BPF_PROG\((\w+)', read(src)))
    return names


class StatsProbe:
    """takes a descriptor on each program of the tracer when W starts and reads its counters
    when W ends (the descriptor keeps them readable even if the tracer has exited by then)"""

    def __init__(self, full_names):
        self.full = full_names
        self.progs = {}         # id -> [fd, name, (cnt, ns) at start]
        self.result = {}        # name -> {'cnt': runs during W, 'ns': run time during W}

    def name(self, short):
        cands = [n for n in self.full if n.startswith(short)]
        return cands[0] if len(cands) == 1 else short

    def start(self, pid):
        for i in bpfsys.pid_prog_ids(pid):
            fd = bpfsys.hold(i)
            if fd is None:
                continue
            info = bpfsys.prog_info(i)
            self.progs[i] = [fd, self.name(info[1] if info else f'id{i}'), bpfsys.stats(fd)]

    def ids(self):
        return set(self.progs)

    def finish(self):
        for i, (fd, name, (c0, t0)) in self.progs.items():
            c1, t1 = bpfsys.stats(fd)
            self.result[name] = {'cnt': c1 - c0, 'ns': t1 - t0}

    def close(self):
        for fd, *_ in self.progs.values():
            try:
                os.close(fd)
            except OSError:
                pass
        self.progs.clear()


class ProfileProbe:
    """`perf record -a -e cpu-clock` over W's life (software clock: no PMU needed)"""

    def __init__(self, path):
        self.path = path
        self.proc = None

    def start(self, pid):
        self.proc = subprocess.Popen(['perf', 'record', '-q', '-a', '-e', 'cpu-clock',
                                      '-F', '10000', '-o', self.path],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def finish(self):
        if self.proc is None:
            return
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def close(self):
        pass


# symbol groups of the profile: where W's CPU time goes under a tracer
PROFILE_GROUPS = (
    ('clock reads (read_tsc, ktime_get*, sched_clock, kvm/pv clock)',
     re.compile(r'^(read_tsc|ktime_get\w*|\w*sched_clock\w*|kvm_clock\w*|pvclock\w*|'
                r'rdtsc\w*)$')),
    ('BPF program bodies (bpf_prog_*)', re.compile(r'^bpf_prog_\w+$')),
    ('BPF dispatch and helpers (bpf_*, task storage, RCU around them)',
     re.compile(r'^(__)?(bpf_\w+|\w*task_storage\w*|__rcu_read_(un)?lock|migrate_(en|dis)able|'
                r'__bpf\w*|htab_\w+|lookup_nulls_elem_raw|percpu_array\w*)$')),
)


def profile_phase(args, runner, wl, cond, work):
    """W under `cond` with perf record: the share of W's CPU samples per symbol group"""
    path = os.path.join(work, 'profile.data')
    probe = ProfileProbe(path)
    try:
        runner.run(wl, cond, wl.n, probe)
    except Failure as e:
        return {'error': str(e)}
    rep_ = subprocess.run(['perf', 'report', '-i', path, '--no-children', '--sort', 'comm,sym',
                           '--stdio', '--percent-limit', '0'], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL)
    rows = []
    for line in rep_.stdout.decode('utf-8', 'replace').splitlines():
        m = re.match(r'\s*([\d.]+)%\s+(\S+)\s+\[([k.])\]\s+(\S+)', line)
        if m:
            rows.append((float(m.group(1)), m.group(2), m.group(3), m.group(4)))
    by_comm = {}
    for pct, comm, _, _ in rows:
        by_comm[comm] = by_comm.get(comm, 0.0) + pct
    # W: the busiest command that is neither idle, the tracer nor the recorder
    cands = [(v, c) for c, v in by_comm.items()
             if c not in ('swapper', 'perf', 'bstrace') and not c.startswith('kworker')]
    if not cands:
        return {'error': 'no samples of W'}
    total, comm = max(cands)
    syms = {}
    for pct, c, ring, sym in rows:
        if c == comm:
            key = (sym, ring)
            syms[key] = syms.get(key, 0.0) + pct / total
    # each kernel symbol in the first group it matches (bpf_prog_* are bodies, not helpers)
    shares = [0.0] * len(PROFILE_GROUPS)
    user = rest = 0.0
    for (sym, ring), v in syms.items():
        if ring != 'k':
            user += v
            continue
        for i, (_, rx) in enumerate(PROFILE_GROUPS):
            if rx.match(sym):
                shares[i] += v
                break
        else:
            rest += v
    groups = [(title, shares[i]) for i, (title, _) in enumerate(PROFILE_GROUPS)]
    groups.append(('W in user space', user))
    groups.append(('the rest of the kernel (syscall entry/exit, the call itself, tracepoint '
                   'dispatch)', rest))
    top = sorted(syms.items(), key=lambda kv: -kv[1])[:12]
    log(f'bench: profile {cond.key}: ' + ', '.join(f'{t.split(" (")[0]} {v:.0%}'
                                                   for t, v in groups))
    return {'cond': cond.key, 'comm': comm, 'samples_share': total, 'groups': groups,
            'top': [(sym, ring, v) for (sym, ring), v in top]}


def wait_unloaded(ids, timeout=10.0):
    """wait until none of the programs ids is loaded any more (the kernel frees a detached
    tracing program after an RCU grace period: about 0.25 s here); returns those still loaded"""
    end = time.monotonic() + timeout
    while True:
        left = sorted(i for i in ids if bpfsys.prog_info(i) is not None)
        if not left or time.monotonic() > end:
            return left
        time.sleep(0.05)


STATS_SYSCTL = '/proc/sys/kernel/bpf_stats_enabled'
# a bpf_stats run is quiet when other tasks made at most this share of the syscall-hook runs
STATS_OTHERS_MAX = 0.10


def stats_phase(args, runner, wl, conds, reps):
    """W (the getppid loop) under each condition with bpf_stats on; the sysctl is restored"""
    out = {'runs': [], 'errors': {}, 'n': wl.n, 'leftover': []}
    prev = read(STATS_SYSCTL).strip()
    if prev not in ('0', '1'):
        out['errors']['*'] = f'cannot read {STATS_SYSCTL}'
        return out
    seen = set()
    full = bpf_prog_names()
    try:
        with open(STATS_SYSCTL, 'w') as f:
            f.write('1')
        log(f'bench: kernel.bpf_stats_enabled=1 (was {prev})')
        for rep in range(reps):
            for cond in conds:
                if cond.unavailable or cond.key in out['errors']:
                    continue
                probe = StatsProbe(full)
                try:
                    res = runner.run(wl, cond, wl.n, probe)
                except Failure as e:
                    out['errors'][cond.key] = str(e)
                    log(f'bench: bpf_stats {cond.key} FAILED: {e}')
                    continue
                finally:
                    seen.update(probe.ids())
                    probe.close()
                # the hooks run for every syscall on the machine: the share of other tasks'
                hook = max([v['cnt'] for v in probe.result.values()] or [0])
                others = max(0.0, 1 - wl.n / hook) if hook else None
                quiet = (others is not None and others <= STATS_OTHERS_MAX
                         and not res.get('foreign'))
                out['runs'].append({'cond': cond.key, 'rep': rep, 't': res['t'],
                                    'foreign': res.get('foreign', []), 'others': others,
                                    'quiet': quiet, 'progs': probe.result})
                log(f'bench: bpf_stats rep {rep + 1} {cond.key:16s} ' + '  '.join(
                    f"{k} {v['ns'] / v['cnt']:.0f} ns x {v['cnt']}"
                    for k, v in sorted(probe.result.items()) if v['cnt'])
                    + (f"  [other tasks: {others:.0%} of the hook runs]" if others else '')
                    + (f"  [other BPF loaded: {','.join(res['foreign'])[:60]}]"
                       if res.get('foreign') else ''))
    finally:
        with open(STATS_SYSCTL, 'w') as f:
            f.write(prev)
        log(f'bench: kernel.bpf_stats_enabled={read(STATS_SYSCTL).strip()} (restored)')
    # every program we held is gone (the tracers exited, our descriptors are closed)
    out['leftover'] = wait_unloaded(seen)
    if out['leftover']:
        log(f"bench: WARNING: programs still loaded after the bpf_stats phase: {out['leftover']}")
    # per condition and program: medians over the repetitions
    out['cells'] = {}
    for cond in conds:
        rs = [r for r in out['runs'] if r['cond'] == cond.key]
        # quiet runs (other tasks' syscalls under STATS_OTHERS_MAX of the hook runs, no one
        # else's BPF tracing program) when there are any
        if any(r['quiet'] for r in rs):
            rs = [r for r in rs if r['quiet']]
        progs = {}
        for r in rs:
            for name, v in r['progs'].items():
                if v['cnt'] > 0:
                    progs.setdefault(name, []).append(v)
        cell = {}
        for name, vs in progs.items():
            per = [v['ns'] / v['cnt'] for v in vs]
            cell[name] = {'ns_run': statistics.median(per), 'min': min(per), 'max': max(per),
                          'runs_per_call': statistics.median(v['cnt'] / wl.n for v in vs),
                          'ns_call': statistics.median(v['ns'] / wl.n for v in vs),
                          'reps': len(vs),
                          'cnt': statistics.median(v['cnt'] for v in vs),
                          'others': statistics.median(r['others'] or 0 for r in rs),
                          'quiet': sum(1 for r in rs if r['quiet'])}
        out['cells'][cond.key] = cell
    return out


# ---------------------------------------------------------------------------------------------
# the conditions measured with bpf_stats, in this order
STATS_CONDS = ['bs-count-all', 'bs-count', 'bs-trace-null', 'bs-attach-other', 'fl-enter-exit',
               'fl-both-filter']


# ---------------------------------------------------------------------------------------------
# floor probe: minimal standalone BPF programs on the syscall tracepoints (bench/floor/)

FLOOR_VARIANTS = (
    ('fl-enter', 'empty sys_enter', ['enter_empty']),
    ('fl-enter-exit', 'empty sys_enter + empty sys_exit', ['enter_empty', 'exit_empty']),
    ('fl-exit-filter', 'sys_exit only, one byte load (tgid filter)', ['exit_filter']),
    ('fl-both-filter', "bstrace's filtered-out path, replica: sys_enter byte load + sys_exit "
     'byte load', ['enter_filter', 'exit_filter']),
)


# the floor probe's program names: no one else's (the --alternate runs load them outside any
# tracer process the harness knows of)
FLOOR_PROGS = {'enter_empty', 'exit_empty', 'exit_filter', 'enter_filter'}


def alternate_phase(args, floor, chunks, rounds, calls):
    """`floor OBJ --alternate`: untraced and traced stretches of `calls` getppid, milliseconds
    apart, every variant in each round; run in chunks of `rounds` rounds with a check for
    someone else's BPF programs around each chunk"""
    variants = ['+'.join(p) for _, _, p in FLOOR_VARIANTS]
    out = {'chunks': [], 'rounds': rounds, 'calls': calls, 'variants': variants}
    for k in range(chunks):
        before = bpfsys.foreign_tracing(set(), FLOOR_PROGS)
        try:
            r = subprocess.run([floor[0], floor[1], '--alternate', str(rounds), str(calls)]
                               + variants, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, timeout=args.timeout)
        except subprocess.TimeoutExpired:
            out['error'] = f'--alternate did not finish within {args.timeout:.0f} s'
            break
        after = bpfsys.foreign_tracing(set(), FLOOR_PROGS)
        if r.returncode != 0:
            out['error'] = f'--alternate exited {r.returncode}: ' + tail(r.stderr.decode())
            break
        rows = [l.split() for l in r.stdout.decode().splitlines() if len(l.split()) == 3]
        ratios, base = [], []
        for i, (rnd, v, ns) in enumerate(rows):
            if rnd == '0':
                continue            # warm-up round
            if v == 'none':
                base.append(float(ns))
            elif 0 < i < len(rows) - 1:
                ratios.append((v, float(ns) / ((float(rows[i - 1][2])
                                                + float(rows[i + 1][2])) / 2)))
        others = sorted(set(before + after))
        out['chunks'].append({'ratios': ratios, 'base_ns': base, 'foreign': others})
        log(f'bench: floor --alternate chunk {k + 1}/{chunks}: ' + ', '.join(
            f'{v} {statistics.median(x for w, x in ratios if w == v):.2f}x' for v in variants
            if any(w == v for w, _ in ratios))
            + (f"  [other BPF loaded: {','.join(others)[:60]}]" if others else ''))
    clean = [c for c in out['chunks'] if not c['foreign']]
    use = clean if clean else out['chunks']
    out['used'], out['clean'] = len(use), len(clean)
    out['cells'] = {}
    for v in variants:
        xs = sorted(x for c in use for w, x in c['ratios'] if w == v)
        if xs:
            out['cells'][v] = {'median': statistics.median(xs), 'q1': xs[len(xs) // 4],
                               'q3': xs[(3 * len(xs)) // 4], 'n': len(xs)}
    bs = [b for c in use for b in c['base_ns']]
    out['base_ns'] = statistics.median(bs) if bs else None
    return out


def compile_floor(work):
    """bench/floor/floor.bpf.c -> floor.bpf.o (clang -target bpf, like CMakeLists.txt) and
    bench/floor/floor.c -> floor (libbpf): (loader, object) or a Failure"""
    arch = {'x86_64': 'x86', 'aarch64': 'arm64', 'riscv64': 'riscv'}.get(os.uname().machine)
    vml = os.path.join(ROOT, 'vmlinux', arch or 'none')
    clang = shutil.which('clang') or shutil.which('clang-14')
    if not arch or not os.path.exists(os.path.join(vml, 'vmlinux.h')):
        raise Failure(f'no vmlinux.h for {os.uname().machine} in vmlinux/')
    if not clang:
        raise Failure('clang is not installed')
    obj = os.path.join(work, 'floor.bpf.o')
    loader = os.path.join(work, 'floor')
    r = subprocess.run([clang, '-g', '-O2', '-Wall', '-Werror', '-target', 'bpf',
                        f'-D__TARGET_ARCH_{arch}', '-I' + vml, '-c',
                        os.path.join(BENCH, 'floor', 'floor.bpf.c'), '-o', obj],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if r.returncode:
        raise Failure('clang floor.bpf.c: ' + tail(r.stdout.decode('utf-8', 'replace')))
    pc = subprocess.run(['pkg-config', '--cflags', '--libs', 'libbpf'], stdout=subprocess.PIPE,
                        stderr=subprocess.DEVNULL)
    flags = pc.stdout.decode().split() if pc.returncode == 0 else ['-lbpf']
    cc = shutil.which('cc') or shutil.which('gcc') or 'cc'
    r = subprocess.run([cc, '-O2', '-Wall', '-o', loader, os.path.join(BENCH, 'floor', 'floor.c')]
                       + flags, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if r.returncode:
        raise Failure('cc floor.c: ' + tail(r.stdout.decode('utf-8', 'replace')))
    return loader, obj


def make_floor_conditions(floor, B, sleeper_pid, error):
    C = []
    for key, label, progs in FLOOR_VARIANTS:
        c = Condition(key, label, 'bg',
                      (lambda base, p=progs: [floor[0], floor[1]] + p) if floor else None,
                      'floor', wait_text='floor: attached')
        c.progs = progs
        if error:
            c.unavailable = error
        C.append(c)
    c = Condition('fl-bstrace-p', 'bstrace -p OTHER -o /dev/null (the same, side by side)', 'bg',
                  lambda base: [B, '-p', str(sleeper_pid), '-o', '/dev/null'], 'floor',
                  bstrace=True, wait_text='attached')
    c.progs = ['on_sys_enter', 'on_sys_exit', '(+5 not hit by getppid)']
    C.append(c)
    return C


# ---------------------------------------------------------------------------------------------
# report: the extra sections (decode throughput, bpf_stats, floor probe, analysis)

DECODE_TARGET = 2e6


def fmt_rate(r):
    return 'n/a' if r is None else f'{r / 1e6:.2f}M'


def fmt_ns(v):
    return 'n/a' if v is None else (f'{v:.1f}' if v < 10 else f'{v:.0f}')


def decode_target_rows(extra):
    """Targets rows for the replay throughput: the slowest recorded workload per mode"""
    d = extra.get('decode')
    rows = []
    if not d:
        return rows
    for mkey, mlabel, _ in REPLAY_MODES:
        cs = [(c['rate'], k.split('/')[0]) for k, c in d['cells'].items()
              if k.endswith('/' + mkey) and c.get('rate')]
        name = ('replayed events: userspace decode + format, text output (default), one core'
                if mkey == 'text' else
                f'(information) the same with `{mlabel}`' + (' (summary only)'
                                                               if mkey == 'count' else ''))
        if not cs:
            rows.append((name, 'not measured', '>= 2M events/s', 'not measured'))
            continue
        worst = min(cs)
        rows.append((name, f'{fmt_rate(worst[0])} events/s (slowest: {worst[1]})',
                     '>= 2M events/s', 'pass' if worst[0] >= DECODE_TARGET else 'FAIL'))
    return rows


def untraced_ns_per_call(bench, wl):
    ts = [u['t'] for u in bench.untraced if u['workload'] == wl.key and u['n'] == wl.n]
    return statistics.median(ts) / wl.n * 1e9 if ts else None


def report_decode(add, args, extra):
    d = extra.get('decode')
    if not d:
        return
    add('## Userspace decode throughput (replay)')
    add('')
    add(f'Real events recorded once with `bstrace --record FILE -- W`, then decoded '
        f"{args.decode_reps} times per output mode, round-robin, "
        + (f"pinned to CPU {d['pin']}: `taskset -c {d['pin']} " if d['pin'] is not None
           else 'unpinned (no taskset): `')
        + 'bstrace --replay FILE [-c | --json] -o /dev/null --replay-stats`. '
        'Each cell: the median of the records/s bstrace reports for its replay loop (read, '
        'decode, format, write to /dev/null) [min - max], in millions of events per second on '
        'one core; below it, records per CPU-second of the whole process (user + sys, '
        'start-up and reading the file included). Target: >= 2M events/s.')
    add('')
    add('| recorded workload | records | bytes/record | lost while recording | '
        + ' | '.join(f'`{m[1]}`' if m[0] != 'text' else m[1] for m in REPLAY_MODES) + ' |')
    add('|---|---|---|---|' + '---|' * len(REPLAY_MODES))
    cpu_rows = []
    for w in d['workloads']:
        if w.get('error'):
            add(f"| {w['title']} | n/a: {w['error'][:100]} |" + ' |' * (2 + len(REPLAY_MODES)))
            continue
        cs, cc = [], []
        rec = None
        for mkey, *_ in REPLAY_MODES:
            c = d['cells'].get(f"{w['key']}/{mkey}", {})
            if c.get('rate'):
                rec = rec or c['records']
                cs.append(f"{fmt_rate(c['rate'])} [{fmt_rate(c['min'])} - {fmt_rate(c['max'])}]"
                          + (f" ({c['reps']})" if c['reps'] < args.decode_reps else ''))
                cc.append(fmt_rate(c.get('cpu_rate')))
            else:
                cs.append('n/a' + (f": {c['error'][:80]}" if c.get('error') else ''))
                cc.append('n/a')
        bpr = w.get('bytes_per_record')
        add(f"| {w['title']} | {rec if rec else 'n/a'} | {f'{bpr:.0f}' if bpr else 'n/a'} | "
            f"{w.get('lost', 'n/a')} | " + ' | '.join(cs) + ' |')
        cpu_rows.append(f"| {w['title']} (per CPU-second, whole process) | | | | "
                        + ' | '.join(cc) + ' |')
    for r in cpu_rows:
        add(r)
    add('')
    add('Recorded with:')
    add('')
    for w in d['workloads']:
        add(f"- {w['title']}: `{w['command']}`")
    add('')


def report_stats(add, args, extra, conds_by_key):
    st = extra.get('stats')
    if not st:
        return
    wl = extra['getppid']
    add('## BPF program cost per invocation (kernel.bpf_stats_enabled)')
    add('')
    add(f"{wl.title} (`{wl.shown(wl.n)}`) under each mode with `sysctl "
        f"kernel.bpf_stats_enabled=1` ({args.stats_reps} runs each; the sysctl is restored "
        'afterwards). For each program of the tracer: how much its run_cnt and run_time_ns grew '
        'from W\'s start to W\'s exit (read through a descriptor on the program that the '
        'harness takes when W starts); ns per run = run_time_ns / run_cnt, median [min - '
        'max] over the runs; runs per call = run_cnt / getppid calls; ns per call = their '
        'product. run_time_ns covers the program body only: the tracepoint-to-BPF dispatch '
        'around it is not counted (see the floor probe), and bpf_stats itself adds a clock read '
        'at each end of every run, so no slowdown ratio is taken in this phase. `-c -a` counts '
        'every syscall on the machine, not only W\'s. The hooks run for every syscall of every '
        'task, filtered or not, so other tasks\' syscalls are mixed in: `others` is their share '
        'of the hook runs during W (1 - getppid calls / hook runs); only the runs where it is '
        f'at most {STATS_OTHERS_MAX:.0%} and no one else\'s BPF tracing program was loaded are '
        'used when there are any (`used`). Programs that did not run are left out.')
    add('')
    add('| mode | program | ns per run | runs per getppid call | ns per getppid call | '
        'used / others |')
    add('|---|---|---|---|---|---|')
    for key in STATS_CONDS:
        c = conds_by_key.get(key)
        if c is None:
            continue
        err = st['errors'].get(key)
        cell = st['cells'].get(key) or {}
        if err or not cell:
            add(f"| {c.label} | n/a | {(err or 'not measured')[:100]} | | | |")
            continue
        first = True
        hot = sorted((n for n in cell if cell[n]['runs_per_call'] >= 0.01),
                     key=lambda n: (-cell[n]['runs_per_call'], n))
        rare = sorted(n for n in cell if n not in hot)
        for name in hot:
            v = cell[name]
            used = (f"{v['reps']}{' quiet' if v['quiet'] else ' (none quiet)'} / "
                    f"{v['others']:.0%}") if first else ''
            add(f"| {c.label if first else ''} | {name} | {fmt_ns(v['ns_run'])} "
                f"[{fmt_ns(v['min'])} - {fmt_ns(v['max'])}] | {v['runs_per_call']:.2f} | "
                f"{fmt_ns(v['ns_call'])} | {used} |")
            first = False
        if rare:
            add(f"| {c.label if first else ''} | rarely run | "
                + ', '.join(f"{n} {fmt_ns(cell[n]['ns_run'])} x {cell[n]['cnt']:.0f}"
                            for n in rare) + ' | < 0.01 | | |')
    if st.get('leftover'):
        add('')
        add(f"**Warning**: programs still loaded after this phase: {st['leftover']}")
    add('')


def floor_summary(S, extra):
    out = {}
    for c in extra['floor_conds']:
        x = S.get(('getppid', c.key))
        if x and x['median'] is not None:
            out[c.key] = x
    return out


def report_floor(add, args, bench, S, extra):
    if not extra.get('floor'):
        return
    wl = extra['getppid']
    F = floor_summary(S, extra)
    st = (extra.get('stats') or {}).get('cells', {})
    base = untraced_ns_per_call(bench, wl)
    add('## Floor probe: what attaching syscall hooks costs at all')
    add('')
    add('`bench/floor/`: minimal tp_btf programs (`floor.bpf.c`, built with `clang -target bpf` '
        'against `vmlinux/`) loaded and attached by a tiny libbpf loader (`floor.c`) in the '
        'background, exactly like `bstrace -p OTHER`: the tracer starts, W runs once it has '
        f"attached, the tracer stops. {wl.title} (`{wl.shown(wl.n)}`), {args.floor_reps} "
        'repetitions, every probe and `bstrace -p OTHER` in rotation, each traced run between '
        'two untraced ones. Ratio: median [min - max] of traced / mean of the untraced runs '
        'around it, over the clean runs (no one else\'s BPF tracing program loaded around them; '
        f'all runs when fewer than {CLEAN_MIN} are clean). ns added per call = (ratio - 1) x '
        'the untraced time per getppid'
        + (f' ({base:.0f} ns here)' if base else '') + '. bpf_stats ns per run: from the '
        'section above, where measured.')
    add('')
    alt = extra.get('alternate') or {}
    if alt.get('cells'):
        add(f"Last column: the same probes measured a second way, `floor OBJ --alternate`: the "
            f"loader attaches and detaches each probe itself between stretches of "
            f"{alt['calls']:,} getppid calls, so each traced stretch sits milliseconds from the "
            f"untraced stretches before and after it ({alt['rounds']} rounds per chunk, every "
            f"probe once per round in shuffled order, {alt['used']} chunk(s) used, "
            f"{alt['clean']} clean; untraced {alt['base_ns']:.0f} ns per call): median [first - "
            'third quartile] of traced / mean of the two untraced stretches.')
        add('')
    elif alt.get('error'):
        add(f"In-process alternation: n/a ({alt['error'][:120]}).")
        add('')
    add('| probe | programs | ratio | clean runs | ns added per getppid call | '
        'bpf_stats ns per run | in-process alternation |')
    add('|---|---|---|---|---|---|---|')
    for c in extra['floor_conds']:
        x = F.get(c.key)
        a = alt.get('cells', {}).get('+'.join(c.progs)) if c.key != 'fl-bstrace-p' else None
        at = (f"{fmt_ratio(a['median'])} [{fmt_ratio(a['q1'])} - {fmt_ratio(a['q3'])}]"
              if a else '-')
        if c.unavailable:
            add(f"| {c.label} | {', '.join(c.progs)} | n/a: {c.unavailable[:100]} | | | | |")
            continue
        if not x:
            err = bench.cells.get(('getppid', c.key), {}).get('error')
            add(f"| {c.label} | {', '.join(c.progs)} | n/a: {(err or 'not measured')[:100]} "
                f'| | | | {at} |')
            continue
        added = (x['median'] - 1) * base if base else None
        if c.key == 'fl-bstrace-p':
            sc = st.get('bs-attach-other', {})
            ns = ', '.join(f"{n} {fmt_ns(sc[n]['ns_run'])}" for n in ('on_sys_enter', 'on_sys_exit')
                           if n in sc)
        else:
            # the same program measured in any floor cell (enter_empty: in fl-enter-exit)
            got = {}
            for k, sc in st.items():
                if k.startswith('fl-'):
                    for n, v in sc.items():
                        got.setdefault(n, v['ns_run'])
            ns = ', '.join(f'{n} {fmt_ns(got[n])}' for n in c.progs if n in got)
        add(f"| {c.label} | {', '.join(c.progs)} | {fmt_ratio(x['median'])} "
            f"[{fmt_ratio(x['min'])} - {fmt_ratio(x['max'])}] | {x['clean']}/{x['reps']} | "
            f"{'n/a' if added is None else f'{added:+.0f}'} | {ns or '-'} | {at} |")
    add('')


def report_analysis(add, bench, S, extra):
    """the 'attached to another pid' target: floor, bstrace above it, what reaching it takes"""
    if not extra.get('floor'):
        return
    F = floor_summary(S, extra)
    wl = extra['getppid']
    base = untraced_ns_per_call(bench, wl)
    st = (extra.get('stats') or {}).get('cells', {})
    main = S.get(('getppid', 'bs-attach-other'))
    need = ['fl-enter', 'fl-enter-exit', 'fl-exit-filter', 'fl-both-filter', 'fl-bstrace-p']
    add('## Analysis: bstrace attached to another pid (target <= 1.20x)')
    add('')
    if any(k not in F for k in need) or not base:
        add('Not enough floor-probe measurements for the analysis in this run '
            f"(missing: {', '.join(k for k in need if k not in F) or 'untraced time'}).")
        add('')
        return
    r = {k: F[k]['median'] for k in need}

    def se_ns(k):
        """standard error of cell k's median ratio (1.2533 sd / sqrt(n), over the runs the
        median was taken from), in ns per call"""
        xs = [x['ratio'] for x in bench.results if x['workload'] == wl.key and x['cond'] == k
              and x.get('ratio') and (x.get('clean', True) or not F[k]['clean_used'])]
        if len(xs) < 2:
            return None
        return 1.2533 * statistics.stdev(xs) / len(xs) ** 0.5 * base

    def pm(k1, k2):
        """' (+- N ns ...)' for the difference of two cells' medians"""
        a, b = se_ns(k1), se_ns(k2)
        if a is None or b is None:
            return '', None
        e = (a * a + b * b) ** 0.5
        return f' (+-{e:.0f} ns, one standard error)', e
    d = {k: (v - 1) * base for k, v in r.items()}

    def ns_of(key, prog):
        v = st.get(key, {}).get(prog)
        return v['ns_run'] if v else None

    bs_e, bs_x = ns_of('bs-attach-other', 'on_sys_enter'), ns_of('bs-attach-other', 'on_sys_exit')
    fl_e, fl_x = ns_of('fl-both-filter', 'enter_filter'), ns_of('fl-both-filter', 'exit_filter')
    em_e, em_x = ns_of('fl-enter-exit', 'enter_empty'), ns_of('fl-enter-exit', 'exit_empty')
    limit = 1.20
    add(f"**The floor on this machine.** An untraced getppid takes {base:.0f} ns. With one "
        f"empty `tp_btf/sys_enter` program attached the loop runs at {fmt_ratio(r['fl-enter'])} "
        f"({d['fl-enter']:+.0f} ns per call); with two empty hooks (sys_enter + sys_exit) at "
        f"{fmt_ratio(r['fl-enter-exit'])} ({d['fl-enter-exit']:+.0f} ns); with only a sys_exit "
        f"hook doing bstrace's one-byte tgid filter at {fmt_ratio(r['fl-exit-filter'])} "
        f"({d['fl-exit-filter']:+.0f} ns). The first program on either syscall tracepoint makes "
        'the kernel flag every task for syscall-tracepoint work (`syscall_regfunc`: '
        '`SYSCALL_WORK_SYSCALL_TRACEPOINT`), so every syscall of every task leaves the fast '
        'path; each attached program then adds one tracepoint-to-BPF dispatch around its body. '
        'Measured side by side, the second hook costs '
        f"{d['fl-enter-exit'] - d['fl-enter']:+.0f} ns per call over the first"
        + pm('fl-enter-exit', 'fl-enter')[0] + '.'
        + (f' Under bpf_stats the empty programs read {fmt_ns(em_e)} and {fmt_ns(em_x)} ns per '
           'run: for a body of two instructions that is mostly bpf_stats\'s own clock reads, the '
           'zero against which the other programs\' ns per run compare.'
           if em_e is not None and em_x is not None else ''))
    add('')
    alt = (extra.get('alternate') or {}).get('cells', {})
    akeys = {'fl-enter': 'enter_empty', 'fl-enter-exit': 'enter_empty+exit_empty',
             'fl-exit-filter': 'exit_filter', 'fl-both-filter': 'enter_filter+exit_filter'}
    a = {k: alt[v]['median'] for k, v in akeys.items() if v in alt}
    if len(a) == len(akeys):
        diffs = [a[k] - r[k] for k in akeys]
        mean = sum(diffs) / len(diffs)
        side = ('about the same as' if abs(mean) < 0.03 else
                'higher than' if mean > 0 else 'lower than')
        add(f"**Cross-check.** The in-process alternation (last column of the floor table) "
            f"gives one empty sys_enter {fmt_ratio(a['fl-enter'])}, sys_exit with the filter "
            f"{fmt_ratio(a['fl-exit-filter'])}, two empty hooks {fmt_ratio(a['fl-enter-exit'])} "
            f"and the replica {fmt_ratio(a['fl-both-filter'])}: {side} the rotation on average "
            f"({mean:+.2f}x), with a much tighter spread, since its traced and untraced stretches "
            'are milliseconds apart. Its stretches follow a fresh attach while the previous '
            "stretch's programs are still being freed (an RCU grace period, about 0.25 s here), "
            'so the rotation, where the tracer has been attached for over half a second and '
            'stays attached, is the measurement comparable with the targets; the alternation is '
            'the sharper comparison between the probes.')
        add('')
    gap = d['fl-bstrace-p'] - d['fl-both-filter']
    body = ''
    if None not in (bs_e, bs_x, fl_e, fl_x):
        body = (f" bpf_stats: bstrace's on_sys_enter runs {fmt_ns(bs_e)} ns and on_sys_exit "
                f"{fmt_ns(bs_x)} ns per invocation in this mode, against {fmt_ns(fl_e)} and "
                f"{fmt_ns(fl_x)} ns for the replica's enter_filter and exit_filter: "
                f"{(bs_e + bs_x) - (fl_e + fl_x):+.1f} ns per syscall of program body above "
                'the replica.')
    # which syscall hooks bstrace -p actually ran (bpf_stats), when measured
    bs_cell = st.get('bs-attach-other', {})
    bs_hooks = [n for n in ('on_sys_enter', 'on_sys_exit')
                if bs_cell.get(n, {}).get('runs_per_call', 0) >= 0.5]
    if not bs_cell:
        hooks_text = 'attaches its syscall hooks'
    elif len(bs_hooks) == 2:
        hooks_text = 'attaches both syscall hooks'
    else:
        hooks_text = f"runs only {', '.join(bs_hooks) or 'no syscall hook'} on getppid"
    add(f"**bstrace above the floor.** `bstrace -p OTHER` {hooks_text} (bpf_stats above), plus "
        'five process and signal programs that getppid never reaches; for a task it does not '
        'trace, on_sys_enter stops at one byte load (`enter_wanted[nr]`) and on_sys_exit at one '
        'byte load (`maybe_target[tgid]`) in the current source. In the same rotation it '
        'measures '
        f"{fmt_ratio(r['fl-bstrace-p'])} ({d['fl-bstrace-p']:+.0f} ns per call), against "
        f"{fmt_ratio(r['fl-both-filter'])} ({d['fl-both-filter']:+.0f} ns) for the standalone "
        f"replica of that path and {fmt_ratio(r['fl-enter-exit'])} for two empty hooks: bstrace "
        f"sits {gap:+.0f} ns per call from its replica"
        + (lambda t, e: (t[:-1] + ': within the noise).') if e is not None and abs(gap) < 2 * e
           else t + '.')(*pm('fl-bstrace-p', 'fl-both-filter'))
        + body
        + (f" (The main table's separate measurement: {fmt_ratio(main['median'])}.)"
           if main and main['median'] else ''))
    add('')
    # what it would take: each setup under / at / above the limit, given its noise
    def cls(k):
        e = se_ns(k)
        e = 2 * e / base if e is not None else 0.0     # two standard errors, as a ratio
        if r[k] + e <= limit:
            return 'under', e
        if r[k] - e > limit:
            return 'above', e
        return 'at', e

    def says(k):
        c, e = cls(k)
        word = {'under': f'under {limit:.2f}x', 'above': f'above {limit:.2f}x',
                'at': f'not distinguishable from {limit:.2f}x at this noise'}[c]
        alt_k = f", alternation {fmt_ratio(a[k])}" if k in a else ''
        return c, (f"{fmt_ratio(r[k])} (+-{e:.2f}x, two standard errors{alt_k}): {word}")

    one = r['fl-exit-filter']
    c2, t2 = says('fl-both-filter')
    c1, t1 = says('fl-exit-filter')
    advice = ('attaching on_sys_enter only when it has work to do: EV_ENTER records (execve, and '
              'blocking calls while several traced tasks interleave) and enter timestamps (-T, '
              '-r, latency for -c); otherwise leaving it detached, and attaching it later if that '
              'becomes true (with care for the calls already in flight)')
    if bs_cell and bs_hooks == ['on_sys_exit']:
        verdict = (f"bstrace -p already runs only the sys_exit hook here: its floor is the "
                   f"exit-only probe, {t1}.")
    else:
        verdict = (f"With both hooks, as bstrace -p attaches them now, the floor is the "
                   f"replica's {t2}. With sys_exit alone it is {t1}. ")
        if c2 == 'under':
            verdict += ('The two-hook design can meet the target: what bstrace adds above its '
                        f'replica ({gap:+.0f} ns per call) is what has to go.')
        elif c1 == 'above':
            verdict += (f'Even a single hook is above {limit:.2f}x: the target is below this '
                        "machine's floor for any tracer on the syscall tracepoints. The nearest "
                        f'achievable figure is about {fmt_ratio(one)} (sys_exit only, with '
                        'on_sys_enter attached only when a traced task needs it); with both '
                        f'hooks, as now, about {fmt_ratio(r["fl-both-filter"])}.')
        else:
            verdict += (f'**Meeting {limit:.2f}x with any margin takes a single hook**: sys_exit '
                        'only, while no traced syscall needs enter-side work. In bstrace that '
                        f'means {advice}.'
                        + (' Even then the margin is thin: the single hook alone is at the limit.'
                           if c1 == 'at' else '')
                        + ' With both hooks attached, as now, the nearest achievable figure is '
                        f'about the replica\'s {fmt_ratio(r["fl-both-filter"])}.')
    add(f"**What reaching {limit:.2f}x takes.** " + verdict)
    add('')
    add("**Why bstrace -p keeps the enter hook.** Attaching on_sys_enter late is not safe "
        "with -p: the process is already running and may at any moment enter execve, "
        "fork/clone, poll/select/accept (inputs the call overwrites) or, with several threads, "
        "a blocking call; if its enter went by before the hook was attached, that line cannot "
        "be printed as strace prints it, so bstrace attaches both hooks from the start. The "
        "way to a single global hook is an enter hook on only the syscall functions that need "
        "one (" + ', '.join(ENTER_NEEDED) + "): every other task's syscalls would then pay "
        "for sys_exit alone. fentry needs a BTF FUNC record per entry point, and "
        "kprobe.multi attaches one program to many functions.")
    hk = extra.get('hooks') or {}
    found = []
    if hk.get('no_btf_func'):
        found.append("vmlinux BTF has no FUNC record for " + ', '.join(
            f"`{hk['arch_prefix']}{n}`" for n in hk['no_btf_func']) + " (fentry cannot attach)")
    if hk.get('fprobe') is False:
        found.append("the kernel is built without CONFIG_FPROBE (kprobe.multi attach fails "
                     "with EOPNOTSUPP)")
    if found:
        add("On this kernel neither works: " + '; '.join(found) + '.')
    elif hk:
        add("This kernel has what that design needs; bstrace does not implement it yet.")
    add("Both would also tie bstrace to each architecture's syscall wrapper names. A mode "
        "that decodes every call at sys_exit from the saved registers, without any enter "
        "hook, was prototyped and dropped: it loses what strace shows (the input values of "
        "in/out arguments, execve's argv once the image is replaced, exit_group, which never "
        "returns, the mask rt_sigreturn restores, and durations).")
    add('')
    if extra.get('pmu') is False:
        add('`perf stat` could not help further here: this VM exposes no hardware counters '
            '(`perf stat -e cycles,instructions` reports `<not supported>`), so the analysis '
            'rests on timings and bpf_stats.')
        add('')

# ---------------------------------------------------------------------------------------------
# report

def report_profile(add, bench, S, extra):
    """where W's CPU goes under bstrace -c -- W, and what that means for its target"""
    p = extra.get('profile')
    if not p:
        return
    wl = extra['getppid']
    add(f'## Analysis: `bstrace -c -- W` (target <= 2.00x)')
    add('')
    if p.get('error'):
        add(f"The profile could not be taken: {p['error']}.")
        add('')
        return
    add(f"{wl.title} (`{wl.shown(wl.n)}`) under `bstrace -c -o /dev/null -- W`, "
        "one run, `perf record -a -e cpu-clock -F 10000` over W's life (a software clock: this "
        f"needs no PMU). Shares of W's own samples (command `{p['comm']}`), kernel symbols "
        "grouped:")
    add('')
    add('| where | share of W\'s CPU |')
    add('|---|---|')
    for title, v in p['groups']:
        add(f'| {title} | {v:.1%} |')
    add('')
    add('Top symbols: ' + ', '.join(f"`{sym}` {v:.1%}" for sym, ring, v in p['top']) + '.')
    add('')
    x = S.get((wl.key, 'bs-count'))
    base = untraced_ns_per_call(bench, wl)
    clock = p['groups'][0][1]
    bodies = p['groups'][1][1]
    helpers = p['groups'][2][1]
    if not x or not x['median'] or not base:
        return
    r = x['median']
    per_call = r * base
    cs = read('/sys/devices/system/clocksource/clocksource0/current_clocksource').strip()
    ca = S.get((wl.key, 'bs-count-all'))
    add(f"**The clock is the largest single cost.** A per-call time needs the clock read twice, at sys_enter "
        f"and at sys_exit, and bstrace reads it exactly that often. At the measured "
        f"{fmt_ratio(r)} a traced call takes {per_call:.0f} ns (untraced {base:.0f} ns); the "
        f"clock reads are {clock:.0%} of it, about {clock * per_call:.0f} ns per call "
        f"(clocksource `{cs or '?'}`), against {bodies:.0%} (about {bodies * per_call:.0f} ns) "
        f"for the bodies of bstrace's programs. The same run without the clock reads would be "
        f"about {r * (1 - clock):.2f}x"
        + (f"; counting alone (`-c -a`, no latency, no sys_enter hook) measures "
           f"{fmt_ratio(ca['median'])}" if ca and ca['median'] else '')
        + ". Time per call is what `-c` is for (strace -c's columns), so the reads stay: "
        "with them the floor of this mode is about "
        f"{fmt_ratio(1 + (clock * per_call) / base)} for the clock alone, before any counting, "
        "map or dispatch cost; `-c` without times is `-c -a`'s path.")
    F = floor_summary(S, extra) if extra.get('floor') else {}
    two = F.get('fl-enter-exit', {}).get('median')
    if two:
        floor = two + clock * per_call / base
        add('')
        add(f"Two empty hooks (sys_enter + sys_exit, the floor probe above) measure "
            f"{fmt_ratio(two)} in this run; with the two clock reads on top, this mode cannot "
            f"go below about {fmt_ratio(floor)} on this machine. bstrace's {fmt_ratio(r)} is "
            f"{r - floor:+.2f}x above that ({(r - floor) * base:.0f} ns per call): the work of its "
            f"two programs, their bodies (about {bodies * per_call:.0f} ns: the filter, the "
            "enter time kept for the exit, the per-CPU row with count, errors, total, min, max "
            "and the log2 histogram bucket) and the helpers they call (the task-storage lookup "
            "with its RCU section, the current task and pid), which are in the "
            f"{helpers:.0%} of the dispatch-and-helpers row with the dispatch itself.")
    add('')


def summarize(bench):
    cells = {}
    for r in bench.results:
        cells.setdefault((r['workload'], r['cond']), []).append(r)
    s = {}
    for key, rs in cells.items():
        ratios = [r['ratio'] for r in rs if r.get('ratio')]
        # the median of the clean runs (no one else's BPF tracing program loaded around them)
        # when there are enough of them (3, or all of the runs when fewer): other engineers'
        # syscall hooks slow the untraced references as much as the traced runs
        clean = [r['ratio'] for r in rs if r.get('ratio') and r.get('clean', True)]
        use = clean if len(clean) >= min(CLEAN_MIN, len(ratios)) else ratios
        s[key] = {
            'median': statistics.median(use) if use else None,
            'median_all': statistics.median(ratios) if ratios else None,
            'clean': len(clean),
            'clean_used': use is clean,
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


def write_report(path, args, env, bench, workloads, conds, runtime, extra):
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
    add(f"- **repetitions**: {args.reps} per cell"
        f"{f' ({args.target_reps} for the bstrace conditions on the getppid and dd loops, the target cells)' if args.target_reps > args.reps else ''}{' (quick smoke run: smaller workloads)' if args.quick else ''}, "
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
        # next to the limit, two decimals could read as equal to it: show three
        meas = (f"{x['median']:.3f}x" if abs(x['median'] - limit) < 0.005
                else fmt_ratio(x['median']))
        if need_lost0:
            meas += f", {x['lost']} lost"
            ok = ok and x['lost'] == 0
        rows.append((name, meas, f'<= {limit:.2f}x' + (', 0 lost' if need_lost0 else ''),
                     'pass' if ok else 'FAIL'))

    target('getppid loop, `bstrace -c -a` in the background', 'getppid', 'bs-count-all', 1.30)
    target('getppid loop, `bstrace -c -- W`', 'getppid', 'bs-count', 1.6)
    target('dd, `bstrace -c -- W`', 'dd', 'bs-count', 1.6)
    target('getppid loop, full decoded trace `bstrace -o /dev/null -- W` (lossless mode)',
           'getppid', 'bs-trace-null', 2.0, True)
    target('dd, full decoded trace `bstrace -o /dev/null -- W` (lossless mode)', 'dd',
           'bs-trace-null', 2.0, True)
    target('getppid loop, full trace with fd paths `bstrace -y -o /dev/null -- W`', 'getppid',
           'bs-trace-y', 2.0, True)
    target('dd, full trace with fd paths `bstrace -y -o /dev/null -- W`', 'dd', 'bs-trace-y',
           2.0, True)
    # what -y adds per call: dd's read(0, ...) and write(1, ...) each describe their fd
    x, y = cell('dd', 'bs-trace-null'), cell('dd', 'bs-trace-y')
    if x and y and x['median'] is not None and y['median'] is not None and y['n']:
        per = (y['median'] - x['median']) * y['base_median'] / y['n'] * 1e9 / 2
        rows.append(('(information) the cost of `-y` on dd: per traced call, over the plain '
                     'trace (ratio difference x untraced time per call)',
                     f"{per:+.0f} ns/call ({fmt_ratio(y['median'])} against "
                     f"{fmt_ratio(x['median'])}; untraced {y['base_median'] / y['n'] * 1e9 / 2:.0f}"
                     ' ns/call)', '-', 'information'))
    x = cell('mt4', 'bs-trace-null')
    if x is not None and x['median'] is not None:
        rows.append(('4-thread getppid (more threads than cores), full trace: lost calls',
                     f"{x['lost']} lost ({fmt_ratio(x['median'])})", '0 lost',
                     'pass' if x['lost'] == 0 else 'FAIL'))
    st = (extra.get('startup') or {}).get('bstrace')
    if st and st['runs']:
        med = statistics.median(st['runs'])
        rows.append(('start-up, exec of bstrace to the first traced syscall (median)',
                     f'{med:.1f} ms', '< 30 ms', 'pass' if med < 30 else 'FAIL'))
    target('getppid loop, bstrace attached to another pid', 'getppid', 'bs-attach-other', 1.20)
    # -k: what each traced call costs on top of the untraced one, and how fast stacks go through
    # (lossless: the command waits for the unwinder, so the rate is the unwinder's throughput)
    x = cell('getppid', 'bs-stack')
    if x is not None and x['median'] is not None and x['n']:
        extra_ns = (x['t_median'] - x['base_median']) / x['n'] * 1e9
        rows.append(('(information) `bstrace -k -o /dev/null` on the getppid loop: cost per '
                     'traced call (8 KiB of stack copied and unwound), stacks unwound per second',
                     f"+{extra_ns / 1000:.1f} us/call ({fmt_ratio(x['median'])}; untraced "
                     f"{x['base_median'] / x['n'] * 1e9:.0f} ns/call), "
                     f"{x['n'] / x['t_median'] / 1000:.0f}k stacks/s, {x['lost']} lost",
                     '-', 'information'))
    if extra.get('floor'):
        target('(information) the same, in the floor-probe rotation (see Analysis)', 'getppid',
               'fl-bstrace-p', 1.20)
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
    rows.extend(decode_target_rows(extra))
    add('## Targets')
    add('')
    add(f'Ratios: median over the clean runs (no one else\'s BPF tracing program loaded around '
        f'the run and its untraced references; all runs when fewer than {CLEAN_MIN} are clean).')
    add('')
    add('| target | measured | limit | result |')
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

    report_startup(add, args, extra)
    report_decode(add, args, extra)
    report_stats(add, args, extra, {c.key: c for c in make_conditions('bstrace', 0)
                                    + extra['floor_conds']})
    report_floor(add, args, bench, S, extra)
    report_analysis(add, bench, S, extra)
    report_profile(add, bench, S, extra)

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
    add('- The machine is shared and noisy (other engineers build and test on it, BPF tracers '
        'included): ratios near 1.0 are within about +-10%. Every run notes which BPF tracing '
        'programs other than its own tracer\'s were loaded when W started and ended (bpf(2) '
        'BPF_PROG_GET_NEXT_ID): a syscall hook of someone else\'s slows the untraced references as '
        f'much as the traced run. Ratios are medians of the clean runs when at least {CLEAN_MIN} '
        'of a cell are clean (see the clean column in the details).')
    if extra.get('leftover'):
        add(f"- **Warning**: BPF programs of this run were still loaded at its end: "
            f"{extra['leftover']}")
    elif extra.get('own_progs') is not None:
        add(f"- At the end of the run none of the {extra['own_progs']} BPF programs its tracers "
            'had loaded was still loaded.')
    for i, n in enumerate(notes, 1):
        add(f'- [{i}] {n}')
    add('')
    add('<details><summary>all cells: median [min - max] ratio, repetitions, median times</summary>')
    add('')
    add('`clean`: runs with no one else\'s BPF tracing program loaded around them or their '
        'untraced references; `ratio`: the median used in the tables (of the clean runs when '
        f'there are at least {CLEAN_MIN}, or all runs are clean); `all runs`: the median of every '
        'run.')
    add('')
    add('| workload | condition | size | reps | clean | ratio median [min - max] | all runs | '
        'W traced | W untraced |')
    add('|---|---|---|---|---|---|---|---|---|')
    for w in workloads:
        for c in list(conds) + (extra['floor_conds'] if w.key == 'getppid' else []):
            x = cell(w.key, c.key)
            if not x:
                continue
            add(f"| {w.key} | {c.key} | {x['n'] or '-'} | {x['reps']} | {x['clean']} | "
                f"{fmt_ratio(x['median'])} [{fmt_ratio(x['min'])} - {fmt_ratio(x['max'])}] | "
                f"{fmt_ratio(x['median_all'])} | {x['t_median']:.4f} s | "
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


STARTUP_TOOLS = (
    ('bstrace', lambda B: [B, '-o', '/dev/null', '--']),
    ('bstrace --lossy', lambda B: [B, '--lossy', '-o', '/dev/null', '--']),
    ('strace', lambda B: ['strace', '-f', '-o', '/dev/null', '--']),
    ('perf trace', lambda B: ['perf', 'trace', '-o', '/dev/null', '--']),
)


def startup_phase(args, B, work, stamp, reps):
    """From the exec of the tracer to the first traced syscall of the command: the command is
    `stamp FIFO /bin/true`, whose start (just after its traced execve) is CLOCK_MONOTONIC in the
    FIFO; the tracer is spawned at a CLOCK_MONOTONIC time taken just before."""
    res = {}
    order = [t for t in STARTUP_TOOLS if shutil.which(t[1]('x')[0]) or t[1]('x')[0] == 'x']
    fifo = os.path.join(work, 'startup.fifo')
    # once untimed: bstrace's first run on a kernel writes its CO-RE BTF cache (loader.c)
    subprocess.run([B, '-o', '/dev/null', '--', 'true'], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    time.sleep(1)
    for r in range(reps):
        random.shuffle(order)
        for name, mk in order:
            if os.path.exists(fifo):
                os.unlink(fifo)
            os.mkfifo(fifo)
            t0 = time.monotonic_ns()
            p = subprocess.Popen(mk(B) + [stamp, fifo, '/bin/true'], stdin=subprocess.DEVNULL,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            line = b''
            try:
                fd = os.open(fifo, os.O_RDONLY)
                line = os.read(fd, 64)
                os.close(fd)
            finally:
                _, err = p.communicate(timeout=args.timeout)
            parts = line.split()
            if p.returncode or len(parts) != 2:
                res.setdefault(name, {'runs': [], 'error': None})['error'] = \
                    f'exit {p.returncode}: {tail(err.decode(errors="replace"), 1)}'
                continue
            res.setdefault(name, {'runs': [], 'error': None})['runs'].append(
                (int(parts[1]) - t0) / 1e6)
    r = subprocess.run([B, '-o', '/dev/null', '--', 'true'], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, env=dict(os.environ, BSTRACE_VERIFIER_STATS='1'))
    res['_verifier'] = [l.split('verifier: ', 1)[1] for l in r.stderr.decode().splitlines()
                        if 'verifier: ' in l]
    # where the time goes: bstrace's own marks (BSTRACE_STARTUP_STATS=1), ms since its main()
    steps = {}
    for _ in range(reps):
        r = subprocess.run([B, '-o', '/dev/null', '--', 'true'], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, env=dict(os.environ, BSTRACE_STARTUP_STATS='1'))
        prev = 0.0
        for l in r.stderr.decode().splitlines():
            m = re.match(r'.*start-up: +([0-9.]+) ms (.*)$', l)
            if m:
                steps.setdefault(m.group(2), []).append(float(m.group(1)) - prev)
                prev = float(m.group(1))
    res['_steps'] = [(k, statistics.median(v)) for k, v in steps.items()]
    return res


def report_startup(add, args, extra):
    st = extra.get('startup')
    if not st:
        return
    add('## Start-up')
    add('')
    add('From the exec of the tracer to the first traced syscall of the command (`stamp FIFO '
        '/bin/true` as the command: its start, right after its traced execve, against a '
        'CLOCK_MONOTONIC time taken just before the tracer is spawned); '
        f'{args.startup_reps} runs each, tools interleaved in random order. Target: bstrace '
        'under 30 ms (median).')
    add('')
    add('| tracer | median ms | min | max | runs |')
    add('|---|---|---|---|---|')
    for name, _ in STARTUP_TOOLS:
        e = st.get(name)
        if not e:
            add(f'| {name} | not installed | | | |')
            continue
        v = sorted(e['runs'])
        if not v:
            add(f"| {name} | failed: {e['error']} | | | 0 |")
            continue
        add(f'| {name} | {statistics.median(v):.1f} | {v[0]:.1f} | {v[-1]:.1f} | {len(v)} |')
    add('')
    if st.get('_steps'):
        add('Where bstrace\'s time goes, step by step from its `main()` (`BSTRACE_STARTUP_STATS=1 '
            f'bstrace -o /dev/null -- true`, median of {args.startup_reps} runs; the time before '
            '`main()` is the dynamic loader\'s, after the release the command\'s exec):')
        add('')
        add('| step (ends with) | ms |')
        add('|---|---|')
        for k, v in st['_steps']:
            add(f'| {k} | {v:.2f} |')
        add('')
    if st.get('_verifier'):
        add('The verifier\'s part of "loaded" (`BSTRACE_VERIFIER_STATS=1`, one run): ' +
            '; '.join(st['_verifier']) + '. The rest of "loaded": creating the maps (the ring '
            'buffer, the task storage), libbpf\'s feature probes and CO-RE relocation against '
            'the cached minimal BTF (the kernel\'s 5 MB BTF is not read: raw_tp programs); '
            '`--lossy` saves the cgroup and the guard thread.')
        add('')


def main():
    ap = argparse.ArgumentParser(description='bstrace overhead benchmark (see bench/README.md)')
    ap.add_argument('--reps', type=int, default=None, help='repetitions per cell (default 5; 1 '
                    'with --quick)')
    ap.add_argument('--target-reps', type=int, default=None,
                    help='repetitions of the bstrace conditions on the getppid and dd loops, '
                    'the cells the targets quote (default 15; 1 with --quick)')
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
    ap.add_argument('--extras', default='startup,floor,stats,profile,decode',
                    help='which extra phases to run: comma list of startup (tracer start-up), '
                    'floor (floor probe), stats (bpf_stats per program), profile (perf record '
                    'under -c), decode (replay throughput), or none')
    ap.add_argument('--startup-reps', type=int, default=None,
                    help='runs per tracer in the start-up phase (default 11; 3 with --quick)')
    ap.add_argument('--floor-reps', type=int, default=None,
                    help='repetitions of the floor probe cells (default 12; 1 with --quick)')
    ap.add_argument('--alt-chunks', type=int, default=8,
                    help='chunks of 10 rounds of the floor probe\'s in-process alternation (8; '
                    '1 of 3 rounds with --quick)')
    ap.add_argument('--stats-reps', type=int, default=None,
                    help='repetitions of the bpf_stats runs (default 3; 1 with --quick)')
    ap.add_argument('--decode-reps', type=int, default=None,
                    help='repetitions of each replay (default 5; 1 with --quick)')
    ap.add_argument('--topup-budget', type=float, default=None,
                    help='seconds of extra runs for bstrace cells with fewer than 3 clean runs '
                    '(default 90, half of it again for the floor cells; 0 with --quick)')
    args = ap.parse_args()
    if args.topup_budget is None:
        args.topup_budget = 0.0 if args.quick else 90.0
    if args.reps is None:
        args.reps = 1 if args.quick else 5
    if args.target_reps is None:
        args.target_reps = 1 if args.quick else 15
    for a, full in (('floor_reps', 12), ('stats_reps', 3), ('decode_reps', 5)):
        if getattr(args, a) is None:
            setattr(args, a, 1 if args.quick else full)
    if args.startup_reps is None:
        args.startup_reps = 3 if args.quick else 11
    extras = set(x for x in args.extras.split(',') if x and x != 'none')
    bad = extras - {'startup', 'floor', 'stats', 'profile', 'decode'}
    if bad:
        sys.exit(f"bench: unknown --extras {','.join(sorted(bad))}")
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
    getppid = workloads[0]
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
    floor, floor_error = None, None
    if extras & {'floor', 'stats'}:
        try:
            floor = compile_floor(work)
        except Failure as e:
            floor_error = f'floor probe not built: {e}'
            log(f'bench: {floor_error}')
    floor_conds = make_floor_conditions(floor, B, sleeper.pid, floor_error)
    extra = {'floor': 'floor' in extras, 'floor_error': floor_error, 'floor_conds': floor_conds,
             'getppid': getppid, 'stats': None, 'decode': None, 'decode_workloads': None,
             'alternate': None}

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
        if 'floor' in extras:
            bench.planned += sum(1 for c in floor_conds if not c.unavailable) * args.floor_reps
        bs_conds = [c for c in conds if c.group == 'bstrace']
        peer_conds = [c for c in conds if c.group == 'peer']
        if bs_conds:
            log(f"bench: bstrace conditions (tracefs {'mounted' if any(m[0] == TRACEFS for m in mounts_before) else 'not mounted'})")
            bench.phase(bs_conds)
            # the cells the targets quote: more repetitions, so that their medians hold still
            target_wl = [w for w in workloads if w.key in TARGET_WORKLOADS]
            if args.target_reps > args.reps and target_wl:
                log(f'bench: bstrace conditions on {", ".join(w.key for w in target_wl)} '
                    f'(the target cells): up to {args.target_reps} repetitions')
                bench.planned += len(bs_conds) * len(target_wl) * (args.target_reps - args.reps)
                bench.phase(bs_conds, reps=args.target_reps, workloads=target_wl,
                            start=args.reps)
            bench.topup(bs_conds, args.topup_budget)
        if 'startup' in extras:
            log(f'bench: start-up of bstrace, strace and perf trace, {args.startup_reps} runs each')
            extra['startup'] = startup_phase(args, B, work, helpers['stamp'], args.startup_reps)
        if 'floor' in extras:
            r = subprocess.run(['perf', 'stat', '-x,', '-e', 'cycles,instructions', 'true'],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            extra['pmu'] = (r.returncode == 0 and b'not supported' not in r.stderr
                            and b'not counted' not in r.stderr)
            extra['hooks'] = enter_hook_facts()
            log(f'bench: floor probe: {getppid.title} under minimal syscall hooks and under '
                f'bstrace -p OTHER, side by side')
            runner.run(getppid, None, getppid.n)
            bench.phase(floor_conds, reps=args.floor_reps, workloads=[getppid], shuffle=True)
            bench.topup(floor_conds, args.topup_budget / 2, workloads=[getppid])
            if floor:
                extra['alternate'] = alternate_phase(
                    args, floor, 1 if args.quick else args.alt_chunks, 3 if args.quick else 10,
                    100_000)
        if 'stats' in extras:
            log(f'bench: BPF program cost (bpf_stats), {getppid.title}')
            stat_conds = [c for c in make_conditions(B, sleeper.pid) if c.key in STATS_CONDS]
            stat_conds.sort(key=lambda c: STATS_CONDS.index(c.key))
            stat_conds += [c for c in floor_conds if c.key in STATS_CONDS]
            extra['stats'] = stats_phase(args, runner, getppid, stat_conds, args.stats_reps)
        if 'profile' in extras:
            pc = [c for c in make_conditions(B, sleeper.pid) if c.key == 'bs-count']
            if pc:
                log(f'bench: profile of {getppid.title} under bstrace -c (perf record -e cpu-clock)')
                extra['profile'] = profile_phase(args, runner, getppid, pc[0], work)
        if 'decode' in extras:
            log('bench: userspace decode throughput (record, then replay pinned to CPU 0)')
            dwl = decode_workloads(args.quick, perf_bench_ok, helpers['mt_loop'])
            extra['decode_workloads'] = dwl
            extra['decode'] = decode_phase(args, B, work, dwl, args.decode_reps)
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
        # no BPF program of this run may outlive it
        extra['own_progs'] = len(runner.own_ids)
        extra['leftover'] = wait_unloaded(runner.own_ids)
        if extra['leftover']:
            log(f"bench: WARNING: BPF programs of this run still loaded: {extra['leftover']}")
        else:
            log(f'bench: none of the {len(runner.own_ids)} BPF programs the tracers of this run '
                'loaded is still loaded')
    runtime = time.monotonic() - t_start
    write_report(args.out, args, env, bench, workloads, conds, runtime, extra)
    if args.json:
        with open(args.json, 'w') as f:
            json.dump({'env': env, 'traced': bench.results, 'untraced': bench.untraced,
                       'cells': {f'{k[0]}/{k[1]}': v for k, v in bench.cells.items()},
                       'bpf_stats': extra['stats'], 'decode': extra['decode'],
                       'floor_alternate': extra['alternate']}, f,
                      indent=1)
    log(f'bench: wrote {args.out} in {fmt_dur(runtime)}')
    return 130 if aborted else 0


if __name__ == '__main__':
    sys.exit(main())
