#!/bin/sh
# Cardinality: 2,000 processes, each with a comm of its own, make 61 distinct system calls
# (most of them failing, on fd -1 or a missing path: errno rows too) under two bstraced, one at
# the default --top 500 and one at --top 1. Asserts, for each: the page has at most the
# documented series budget (3 K + 62: K + 1 series for the calls and for the errors, K / 28
# syscall histograms of 28 series plus an "_other" one, at most 32 fixed series), every family
# within its own share, no histogram bound below 128 ns, the page under 256 KiB, and
# `promtool check metrics` accepts it. Prints series counts and sizes.
. "$(dirname "$0")/../lib.sh"
command -v python3 >/dev/null || { echo "SKIP: python3 is not installed"; exit 77; }
command -v cc >/dev/null || { echo "SKIP: no C compiler"; exit 77; }
require_bpf

. "$(dirname "$0")/../daemon_lib.sh"

cat >"$WORK/many_comms.c" <<'EOF'
/* many_comms N: N children, each named bscard<i>, each making the calls below, 50 at a time */
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void calls(void)
{
	char buf[64];
	/* harmless whatever happens: bad descriptors, a missing path, questions */
	long bad[][5] = {
		{ SYS_read, -1, (long)buf, 1 }, { SYS_write, -1, (long)buf, 1 },
		{ SYS_pread64, -1, (long)buf, 1 }, { SYS_pwrite64, -1, (long)buf, 1 },
		{ SYS_close, -1 }, { SYS_fstat, -1, (long)buf }, { SYS_lseek, -1, 0, 0 },
		{ SYS_ioctl, -1, 0, 0 }, { SYS_fcntl, -1, 1, 0 }, { SYS_flock, -1, 0 },
		{ SYS_fsync, -1 }, { SYS_fdatasync, -1 }, { SYS_ftruncate, -1, 0 },
		{ SYS_getdents64, -1, (long)buf, sizeof(buf) }, { SYS_fchmod, -1, 0 },
		{ SYS_fchown, -1, 0, 0 }, { SYS_fstatfs, -1, (long)buf }, { SYS_dup, -1 },
		{ SYS_dup2, -1, -1 }, { SYS_dup3, -1, -1, 0 }, { SYS_shutdown, -1, 0 },
		{ SYS_listen, -1, 0 }, { SYS_accept, -1, 0, 0 }, { SYS_connect, -1, 0, 0 },
		{ SYS_bind, -1, 0, 0 }, { SYS_getsockname, -1, 0, 0 },
		{ SYS_getpeername, -1, 0, 0 }, { SYS_fchdir, -1 }, { SYS_syncfs, -1 },
		{ SYS_readahead, -1, 0, 0 }, { SYS_fadvise64, -1, 0, 0 },
		{ SYS_epoll_ctl, -1, 1, -1 }, { SYS_flistxattr, -1, 0, 0 },
		{ SYS_fgetxattr, -1, (long)"user.x", 0 }, { SYS_fremovexattr, -1, (long)"user.x" },
		{ SYS_timerfd_gettime, -1, (long)buf }, { SYS_inotify_add_watch, -1, (long)"/", 1 },
		{ SYS_openat, -100, (long)"/nonexistent/bscard", 0 },
		{ SYS_faccessat, -100, (long)"/nonexistent/bscard", 0 },
		{ SYS_readlinkat, -100, (long)"/nonexistent/bscard", (long)buf, sizeof(buf) },
		{ SYS_unlinkat, -1, (long)"x", 0 }, { SYS_mkdirat, -1, (long)"x", 0 },
		{ SYS_getpid }, { SYS_getppid }, { SYS_getuid }, { SYS_geteuid }, { SYS_getgid },
		{ SYS_getegid }, { SYS_gettid }, { SYS_getpgrp }, { SYS_getsid, 0 },
		{ SYS_getrusage, 0, (long)buf }, { SYS_times, (long)buf }, { SYS_sched_yield },
		{ SYS_getcwd, (long)buf, sizeof(buf) }, { SYS_getpriority, 0, 0 },
		{ SYS_umask, 022 }, { SYS_time, 0 }, { SYS_sysinfo, 0 },
		{ SYS_clock_gettime, 1, (long)buf },
	};
	size_t i;
	int k;

	for (k = 0; k < 3; k++)
		for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
			syscall(bad[i][0], bad[i][1], bad[i][2], bad[i][3], bad[i][4]);
}

int main(int argc, char **argv)
{
	int n = atoi(argv[1]), i, running = 0;
	char name[32];

	for (i = 0; i < n; i++) {
		pid_t p = fork();

		if (p < 0)
			return 1;
		if (!p) {
			snprintf(name, sizeof(name), "bscard%d", i % 100000);
			prctl(PR_SET_NAME, name);
			calls();
			_exit(0);
		}
		if (++running >= 50) {
			wait(NULL);
			running--;
		}
	}
	while (wait(NULL) > 0)
		;
	return 0;
}
EOF
cc -O2 -Wall -Werror -o "$WORK/many_comms" "$WORK/many_comms.c" || fail "cannot build many_comms"

start_daemon top500 --listen 127.0.0.1:0
port500=$port
dpid500=$dpid
start_daemon top1 --listen 127.0.0.1:0 --top 1
port1=$port

"$WORK/many_comms" 2000 || fail "many_comms failed"
curl -sf "http://127.0.0.1:$port500/metrics" >"$WORK/m500" || fail "scrape (--top 500) failed"
curl -sf "http://127.0.0.1:$port1/metrics" >"$WORK/m1" || fail "scrape (--top 1) failed"
for k in 500 1; do
	if command -v promtool >/dev/null; then
		promtool check metrics <"$WORK/m$k" >"$WORK/lint$k" 2>&1 ||
			{ cat "$WORK/lint$k"; fail "promtool rejects the --top $k page"; }
	fi
done

python3 - "$WORK/m500" 500 "$WORK/m1" 1 <<'EOF' || exit 1
import re, sys

HIST = 28                   # series of one syscall's histogram
FIXED = 32                  # the unlabelled families' series, at most
SIZE = 256 * 1024
bad = []
for path, k in zip(sys.argv[1::2], sys.argv[2::2]):
    k = int(k)
    text = open(path, "rb").read()
    samples = [l for l in text.decode().splitlines() if l and not l.startswith("#")]
    fam = {}
    for l in samples:
        name = re.match(r"[a-zA-Z_:][a-zA-Z0-9_:]*", l).group(0)
        fam.setdefault(name, []).append(l)
    calls = len(fam.get("bstrace_syscalls_total", []))
    errs = len(fam.get("bstrace_syscall_errors_total", []))
    hist = sum(len(fam.get("bstrace_syscall_duration_seconds" + s, []))
               for s in ("_bucket", "_sum", "_count"))
    hsys = len(fam.get("bstrace_syscall_duration_seconds_count", []))
    comms = {m for m in re.findall(r'comm="(bscard[0-9]+)"', text.decode())}
    budget = 3 * k + 62
    fixed = len(samples) - calls - errs - hist
    print("ok   --top %d: %d series (budget %d): calls %d, errors %d, histogram %d (%d syscalls), "
          "other %d; %d bytes; %d of the 2000 comms shown"
          % (k, len(samples), budget, calls, errs, hist, hsys, fixed, len(text), len(comms)))
    if len(samples) > budget:
        bad.append("--top %d: %d series > budget %d" % (k, len(samples), budget))
    if calls > k + 1 or errs > k + 1:
        bad.append("--top %d: %d call series, %d error series" % (k, calls, errs))
    if hsys > k // HIST + 1 or hist != hsys * HIST:
        bad.append("--top %d: %d histogram series for %d syscalls" % (k, hist, hsys))
    if fixed > FIXED:
        bad.append("--top %d: %d fixed series > %d" % (k, fixed, FIXED))
    if len(text) > SIZE:
        bad.append("--top %d: page of %d bytes > %d" % (k, len(text), SIZE))
    if 'syscall="_other"' not in text.decode():
        bad.append("--top %d: nothing folded into _other" % k)
    les = {float(x) for x in re.findall(r'le="([0-9.e+-]+)"', text.decode())}
    if les and min(les) < 1.28e-07:
        bad.append("--top %d: a bucket bound below 128 ns: %g" % (k, min(les)))
    if k == 500 and len(comms) < 50:
        bad.append("--top 500: only %d workload comms on the page" % len(comms))
if bad:
    print("FAIL: " + "; ".join(bad))
    sys.exit(1)
EOF
stop_daemon
dpid=$dpid500 name=top500
stop_daemon
echo "ok   both daemons exit 0 on SIGTERM"
