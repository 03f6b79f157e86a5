"""The few bpf(2) calls the benchmark needs, through ctypes (no bpftool in the timed path).

- prog_ids(): ids of every BPF program loaded on the machine (BPF_PROG_GET_NEXT_ID), to tell
  whether someone else's tracing programs were loaded around a run (the machine is shared: other
  engineers' BPF tests attach syscall hooks that slow every task, the untraced runs included);
- prog_info(id): (type, name) of one program;
- pid_prog_ids(pid): the programs a process holds (its anon_inode:bpf-prog fds);
- hold(id) / stats(fd): a descriptor on a program (BPF_PROG_GET_FD_BY_ID) and its run_cnt /
  run_time_ns from /proc/self/fdinfo, counted while kernel.bpf_stats_enabled=1.  Holding the
  descriptor keeps the counters readable after the tracer has exited (its links are gone by then,
  so the counts are final); closing it lets the kernel free the program.
"""
import ctypes
import os
import platform
import struct

# __NR_bpf per architecture
_NR_BPF = {'x86_64': 321, 'aarch64': 280, 'riscv64': 280}.get(platform.machine(), 321)
_BPF_PROG_GET_NEXT_ID = 11
_BPF_PROG_GET_FD_BY_ID = 13
_BPF_OBJ_GET_INFO_BY_FD = 15
_ATTR_SIZE = 128

# program types that can hook syscalls or the code they run: kprobe, tracepoint, perf_event,
# raw_tracepoint, raw_tracepoint_writable, tracing (fentry/fexit/tp_btf)
TRACING_TYPES = {2, 5, 7, 17, 24, 26}

_libc = None


def _bpf(cmd, attr):
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(None, use_errno=True)
    buf = ctypes.create_string_buffer(attr.ljust(_ATTR_SIZE, b'\0'), _ATTR_SIZE)
    r = _libc.syscall(_NR_BPF, cmd, buf, _ATTR_SIZE)
    return r, buf.raw


def prog_ids():
    """ids of all loaded programs (empty when bpf(2) is not permitted)"""
    ids, start = [], 0
    while True:
        r, raw = _bpf(_BPF_PROG_GET_NEXT_ID, struct.pack('=II', start, 0))
        if r < 0:
            return ids
        start = struct.unpack_from('=I', raw, 4)[0]
        ids.append(start)


def hold(prog_id):
    """a descriptor on program prog_id, or None when it is gone"""
    fd, _ = _bpf(_BPF_PROG_GET_FD_BY_ID, struct.pack('=II', prog_id, 0))
    return fd if fd >= 0 else None


def prog_info(prog_id):
    """(type, name) of a program (the kernel's name: at most 15 characters), None when gone"""
    fd = hold(prog_id)
    if fd is None:
        return None
    try:
        info = ctypes.create_string_buffer(256)
        r, _ = _bpf(_BPF_OBJ_GET_INFO_BY_FD, struct.pack('=IIQ', fd, 256, ctypes.addressof(info)))
        if r < 0:
            return None
        return (struct.unpack_from('=I', info.raw, 0)[0],
                info.raw[64:80].split(b'\0')[0].decode('ascii', 'replace'))
    finally:
        os.close(fd)


def _fdinfo(path):
    out = {}
    try:
        with open(path) as f:
            for line in f:
                k, _, v = line.partition(':')
                v = v.strip()
                if v.isdigit():
                    out[k] = int(v)
    except OSError:
        pass
    return out


def pid_prog_ids(pid):
    """ids of the programs process pid holds a descriptor on"""
    ids = set()
    if not pid:
        return ids
    try:
        fds = os.listdir(f'/proc/{pid}/fd')
    except OSError:
        return ids
    for fd in fds:
        try:
            if os.readlink(f'/proc/{pid}/fd/{fd}') != 'anon_inode:bpf-prog':
                continue
        except OSError:
            continue
        i = _fdinfo(f'/proc/{pid}/fdinfo/{fd}').get('prog_id')
        if i:
            ids.add(i)
    return ids


def stats(fd):
    """(run_cnt, run_time_ns) of the program behind our descriptor fd"""
    d = _fdinfo(f'/proc/self/fdinfo/{fd}')
    return d.get('run_cnt', 0), d.get('run_time_ns', 0)


def foreign_tracing(exclude, ignore_names=()):
    """names of loaded tracing-type programs whose ids are not in exclude and whose names are
    not in ignore_names"""
    out = []
    for i in prog_ids():
        if i in exclude:
            continue
        info = prog_info(i)
        if info and info[0] in TRACING_TYPES and info[1] not in ignore_names:
            out.append(info[1] or f'id{i}')
    return out
