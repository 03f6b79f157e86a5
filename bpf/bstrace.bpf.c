// SPDX-License-Identifier: GPL-2.0
/*
 * bstrace kernel side. Generic: filters by target and syscall, then copies what the capture
 * plan (filled by userspace from the syscall table) says. No per-syscall code here.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>
#include "bstrace.h"
#include "maps.bpf.h"

char LICENSE[] SEC("license") = "GPL";

/* run-fixed settings, set before load */
const volatile bool cfg_follow = false;		/* -f: children join the target set */
const volatile bool cfg_timed = false;		/* keep the enter timestamp of every call */
const volatile bool cfg_stamp = true;		/* time-stamp syscall records (-t, -T, --json...) */
const volatile bool cfg_ip = false;		/* -i: records carry the instruction pointer */
const volatile __u32 cfg_stack = 0;		/* -k: bytes of user stack per traced call, 0: none */
const volatile __u32 cfg_nr_execve = 0xffffffff;
const volatile __u32 cfg_nr_execveat = 0xffffffff;
const volatile __u64 cfg_wakeup_bytes = 1 << 20;	/* wake the consumer past this backlog */
const volatile bool cfg_interleave = true;	/* one output stream: blocking calls need EV_ENTER */
const volatile __u64 cfg_bp_high = 0;		/* lossless: the backlog that pauses the tracee */
const volatile __u32 cfg_nr_restart = 0xffffffff;	/* restart_syscall */
/* execve, execveat of 32-bit tasks (BSTRACE_COMPAT_BASE + their numbers), and the numbers an
 * exec's exit can show after a change of personality (sc_exit_nr of the old numbering's
 * execve read in the new mode: x86 puts the new mode's execve, arm64 keeps the number) */
const volatile __u32 cfg_nr_execve_c = 0xffffffff;
const volatile __u32 cfg_nr_execveat_c = 0xffffffff;
const volatile __u32 cfg_exec_exit[8] = { 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
					  0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff };
const volatile __u32 cfg_caps_enter = ~0u;	/* 1 << CAP_*: the kinds the plan copies at enter */
const volatile __u32 cfg_caps_exit = ~0u;	/* ... and at exit (loader.c) */
const volatile __u32 cfg_decode_fds = 0;		/* DF_*: what fd descriptions carry */
const volatile bool cfg_limited = false;	/* the caller is not root (user/perm.c) */
const volatile bool cfg_inject = false;		/* -e inject=: read the `injects` marks */

/* counting modes: aggregate in maps instead of emitting records */
const volatile bool cfg_count = false;
const volatile bool cfg_all = false;		/* system-wide: every task counts */
const volatile bool cfg_count_time = false;	/* latency wanted: pair enter with exit */
const volatile bool cfg_wall = false;		/* -w: wall time instead of on-CPU time */
const volatile bool cfg_failed_only = false;	/* -x: only failed calls count */
const volatile __u32 cfg_errno = 0;		/* -e errno=E: only calls failing with E */
const volatile __u64 cfg_cgroup_id = 0;	/* --cgroup: only tasks in this cgroup */
const volatile __u32 cfg_group = GROUP_NONE;	/* --by */
const volatile __u32 self_tgid = 0;		/* bstrace itself is never counted */
const volatile bool cfg_select = true;		/* -e trace= chose syscalls: check the plan */
/* bstrace's pid namespace when it is not the initial one (/proc/self/ns/pid): every pid is
 * taken, matched and reported as seen there; tasks outside it are never traced */
const volatile __u64 cfg_pidns_dev = 0;
const volatile __u64 cfg_pidns_ino = 0;

/* bstraced */
const volatile bool cfg_stream = false;		/* counting, and records for the plan's calls */
const volatile bool cfg_group_nr = false;	/* --by rows are per syscall too */
const volatile bool cfg_errno_rows = false;	/* and failed calls add a (syscall, errno) row */
const volatile char cfg_comm[16] = {};		/* --comm: only tasks with this comm */
const volatile __u32 cfg_rate = 0;		/* --rate-limit: records per second, 0: no limit */
const volatile __u32 cfg_flight_n = 0;		/* --flight-recorder: calls kept per process */

/* the current task's pid and tgid (tgid << 32 | pid), in bstrace's pid namespace; 0 outside it */
static __always_inline __u64 cur_pid_tgid(void)
{
	struct bpf_pidns_info ns = {};

	if (!cfg_pidns_ino)
		return bpf_get_current_pid_tgid();
	if (bpf_get_ns_current_pid_tgid(cfg_pidns_dev, cfg_pidns_ino, &ns, sizeof(ns)))
		return 0;
	return (__u64)ns.tgid << 32 | ns.pid;
}

/*
 * The number of a `struct pid` (its address) in bstrace's pid namespace: numbers[level] of the
 * namespace whose inode is ours (8 levels are looked at; 32 is the kernel's limit). 0 outside
 * it. A global function: verified once.
 */
__noinline __u32 pid_in_ns(__u64 pid)
{
	__u64 base = pid + bpf_core_field_offset(struct pid, numbers);
	__u32 i, level = 0;
	struct upid u;

	if (!pid || bpf_probe_read_kernel(&level, sizeof(level),
					  (void *)(pid + bpf_core_field_offset(struct pid, level))))
		return 0;
	for (i = 0; i < 8 && i <= level; i++) {
		if (bpf_probe_read_kernel(&u, sizeof(u),
					  (void *)(base + i * bpf_core_type_size(struct upid))))
			break;
		if (BPF_CORE_READ(u.ns, ns.inum) == cfg_pidns_ino)
			return u.nr;
	}
	return 0;
}

/* a task's tid and tgid as bstrace sees them */
static __always_inline __u32 task_tid(struct task_struct *t)
{
	return cfg_pidns_ino ? pid_in_ns((__u64)BPF_CORE_READ(t, thread_pid)) :
			       BPF_CORE_READ(t, pid);
}

static __always_inline __u32 task_tgid(struct task_struct *t)
{
	return cfg_pidns_ino ? pid_in_ns((__u64)BPF_CORE_READ(t, group_leader, thread_pid)) :
			       BPF_CORE_READ(t, tgid);
}

/*
 * A cheap first filter in front of the `targets` hash: one byte per tgid slot (tgid % 64K),
 * set for every target. Untraced tasks, nearly all of them, stop at one memory load.
 */
#define MAYBE_SLOTS 65536
__u8 maybe_target[MAYBE_SLOTS] = {};

/* tracing: syscalls whose sys_enter has work (enter records, timing), set from the plan */
__u8 enter_wanted[BSTRACE_NR_MAX] = {};
/* counting with -e trace=: the syscalls counted (PLAN_TRACE), a byte load instead of the plan */
__u8 count_wanted[BSTRACE_NR_MAX] = {};

/* -e inject=: the syscalls of the inject sets (only their calls can have a mark) */
__u8 inject_wanted[BSTRACE_NR_MAX] = {};

/* traced tasks alive (set by userspace, kept by fork/exit): with one, nothing can interleave */
__s64 live_tasks = 0;
__u32 blocking_enters = 0;	/* set once a blocking call had an EV_ENTER (never cleared) */

/* lossless mode (user/backpressure.c): CLOCK_MONOTONIC of the last thaw, set by userspace,
 * and of the first record past the high mark since then, set here */
__u64 bp_thaw_ns = 0;
__u64 bp_cross_ns = 0;

/* lost records (and exit records among them) not yet reported by an EV_LOST in the ring */
__u64 lost_recs_pend = 0;
__u64 lost_calls_pend = 0;

struct pending {
	__u64 ts;
	__u64 cts;	/* counting modes: enter time */
	__u64 cpu;	/* counting modes: task_cpu_clock() at enter */
	__u32 cnr1;	/* counting modes: syscall number + 1 of the call in flight */
	__u32 nr1;	/* syscall number + 1 of the call in flight; 0: none */
	__u8 rec;	/* an EV_ENTER was emitted for it */
	__u8 restart;	/* PD_RESTART_*: a pause interrupted it, the kernel restarts it */
	__u16 faults;	/* its enter copies that faulted: copied again at exit */
	__u64 args[BSTRACE_MAX_ARGS];
	__u64 ip;	/* -i: the instruction pointer at enter (execve and rt_sigreturn change it) */
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 65536);
	__type(key, __u32);
	__type(value, struct target);
} targets SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, BSTRACE_NR_MAX);
	__type(key, __u32);
	__type(value, struct sc_plan);
} plan SEC(".maps");

/* -e inject=: tid -> what the notifier did to its current call (user/inject.c writes) */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, INJECT_MARKS);
	__type(key, __u32);
	__type(value, struct inject_mark);
} injects SEC(".maps");

/* -e inject=...:poke_exit=: what to write, per expression (user/loader.c fills it) */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, POKE_RULES);
	__type(key, __u32);
	__type(value, struct poke_spec);
} pokes SEC(".maps");

enum {
	PD_RESTART_SAME = 1,	/* the same call comes again (ERESTARTSYS, ...NOINTR, ...NOHAND) */
	PD_RESTART_BLOCK = 2,	/* it comes back as restart_syscall (ERESTART_RESTARTBLOCK) */
};

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct pending);
} pending SEC(".maps");

/*
 * Record under construction: three slots per CPU (exit, enter, exec), sized to the CPU count by
 * userspace. Syscall tracepoints may be preempted; per-program recursion protection keeps
 * another task on this CPU out of the same program, and so out of the same slot.
 */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 3);
	__type(key, __u32);
	__type(value, char[BSTRACE_SCRATCH]);
} scratch SEC(".maps");

/* slots: 0 exit records, 1 enter records, 2 process events (the argv of an exec) */
static __always_inline void *scratch_slot(__u32 slot)
{
	__u32 idx = bpf_get_smp_processor_id() * 3 + slot;

	return bpf_map_lookup_elem(&scratch, &idx);
}

/* lost records per syscall number, DROP_TASK_EVENTS for the others, DROP_TOTAL for all */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, DROP_SLOTS);
	__type(key, __u32);
	__type(value, __u64);
} drops SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, BSTRACE_NR_MAX);
	__type(key, __u32);
	__type(value, struct sc_stats);
} stats SEC(".maps");

/* --by process/comm/cgroup/errno: bounded, least recently used rows go first */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_PERCPU_HASH);
	__uint(max_entries, 10240);
	__type(key, struct group_key);
	__type(value, struct group_val);
} groups SEC(".maps");

/* the flight recorder: sized by userspace (rows, and 16 + N * 72 bytes per row) */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 1);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(struct flight_ring) + sizeof(struct flight_ent));
} flight SEC(".maps");

/* one zeroed ring: a new process's row is created from it */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(struct flight_ring) + sizeof(struct flight_ent));
} flight_zero SEC(".maps");

/* bstraced's stand-in target: every task that passes the filters */
struct target all_target = {};

/* --rate-limit: records started in the current second */
__u64 rl_sec = 0;
__u64 rl_used = 0;

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 16 << 20);	/* resized by userspace (-b) */
} events SEC(".maps");

/* A record could not be written: counted by syscall (or DROP_TASK_EVENTS), in all, and as a
 * lost call when it was the exit record that carries the line. */
static __always_inline void count_drop(__u32 idx, bool call)
{
	__u32 total = DROP_TOTAL, calls = DROP_CALLS;
	__u64 *d = bpf_map_lookup_elem(&drops, &idx);

	if (d)
		*d += 1;
	d = bpf_map_lookup_elem(&drops, &total);
	if (d)
		*d += 1;
	__sync_fetch_and_add(&lost_recs_pend, 1);
	if (call) {
		d = bpf_map_lookup_elem(&drops, &calls);
		if (d)
			*d += 1;
		__sync_fetch_and_add(&lost_calls_pend, 1);
	}
}

/* Before a record goes out after a loss: the marker, so the trace shows where lines are missing. */
static __always_inline void emit_lost(__u64 pid_tgid)
{
	__u64 recs = lost_recs_pend, calls = lost_calls_pend;
	struct sc_event_hdr *h;

	if (!recs)
		return;
	h = bpf_ringbuf_reserve(&events, sizeof(*h), 0);
	if (!h)
		return;
	__builtin_memset(h, 0, sizeof(*h));
	/* what is reported leaves the pending counts; losses racing with us stay for the next */
	__sync_fetch_and_add(&lost_recs_pend, -recs);
	__sync_fetch_and_add(&lost_calls_pend, -calls);
	h->ts_exit = bpf_ktime_get_boot_ns();
	h->ts_enter = h->ts_exit;
	h->ret = recs;
	h->args[0] = calls;
	h->tgid = pid_tgid >> 32;
	h->tid = (__u32)pid_tgid;
	h->type = EV_LOST;
	h->len = sizeof(*h);
	bpf_ringbuf_submit(h, BPF_RB_NO_WAKEUP);
}

/*
 * --rate-limit: may one more record start this second? A window per second shared by all
 * CPUs; the check and the increment are not one atomic step, so a burst can pass the limit by
 * up to one record per CPU. What is refused is counted (DROP_RATE), never silently lost.
 */
static __always_inline bool rate_ok(void)
{
	__u32 idx = DROP_RATE;
	__u64 sec, *d;

	if (!cfg_rate)
		return true;
	sec = bpf_ktime_get_ns() / 1000000000ull;
	if (sec != rl_sec) {
		rl_sec = sec;
		rl_used = 0;
	}
	if (rl_used < cfg_rate) {
		__sync_fetch_and_add(&rl_used, 1);
		return true;
	}
	d = bpf_map_lookup_elem(&drops, &idx);
	if (d)
		*d += 1;
	return false;
}

/*
 * Batch wakeups: only wake the consumer once a backlog has built up; it also drains on a timer.
 * Lossless mode: past the high mark every record wakes it, and the first one past it notes the
 * time (the guard's reaction is measured from there).
 */
static __always_inline __u64 rb_flags(void)
{
	__u64 avail = bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA);

	if (cfg_bp_high && avail >= cfg_bp_high) {
		if (!bp_cross_ns)
			bp_cross_ns = bpf_ktime_get_ns();
		return BPF_RB_FORCE_WAKEUP;
	}
	return avail >= cfg_wakeup_bytes ? BPF_RB_FORCE_WAKEUP : BPF_RB_NO_WAKEUP;
}

/* Is the current task traced? Returns its target entry or NULL. */
static __always_inline struct target *current_target(__u64 pid_tgid)
{
	__u32 tgid = pid_tgid >> 32;
	struct target *t;

	if (!maybe_target[tgid & (MAYBE_SLOTS - 1)])
		return NULL;
	t = bpf_map_lookup_elem(&targets, &tgid);

	if (!t)
		return NULL;
	if (t->only_tid && t->only_tid != (__u32)pid_tgid)
		return NULL;
	return t;
}

static __always_inline int is_error(__s64 ret)
{
	return ret < 0 && ret >= -4095;
}

/* State of one record being built in the per-CPU scratch buffer (bpf_loop callback context). */
struct build {
	__u32 nr;
	__u16 enter;	/* building an EV_ENTER */
	__u16 entered;	/* building an EV_SYSCALL whose EV_ENTER was emitted */
	__u32 faults;	/* arguments whose copy faulted (bit per argument) */
	__u32 refetch;	/* EV_SYSCALL: inputs to copy again, their enter copy faulted */
	__u32 off;
	__u32 nblobs;
	__u32 nfd;	/* fd descriptions in the record */
	__s64 ret;
	__u64 sp;	/* user stack pointer at enter (CAPF_FROM_SP) */
	__u64 args[8];	/* 6 used; 8 so that [i & 7] stays in bounds */
};

/*
 * The record builder's state, one per scratch slot (same index): off the stack, since the
 * 6.1 verifier allows 512 bytes over the whole call chain (the program, capture_one_*, the
 * capture kind, its walk step, put_blob), each frame rounded up to 32 (6.13+ on x86_64 give
 * tracing programs a private stack and accept more: check on 6.1).
 */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 3);
	__type(key, __u32);
	__type(value, struct build);
} builds SEC(".maps");

static __always_inline struct build *build_slot(__u32 slot)
{
	__u32 idx = bpf_get_smp_processor_id() * 3 + slot;

	return bpf_map_lookup_elem(&builds, &idx);
}

#define BLOB_META(arg, sub, str, trunc) \
	((__u64)(arg) | (__u64)(sub) << 8 | (__u64)(str) << 24 | (__u64)(trunc) << 25)
#define BLOB_KERNEL	(1ull << 26)	/* meta: the source is kernel memory (an fd description) */
/* the smallest page size of the architectures here: faults happen at multiples of it */
#define PAGE_BYTES	4096

/*
 * Appends one blob (header + data) at offset `off_slot & 0x7ffffff8` of the scratch slot
 * `off_slot >> 31` (0-2). A global function: the verifier checks it once, not per call site. Offsets
 * are multiples of 8 and the mask says so: riscv's verifier rejects a possibly misaligned
 * 8-byte store.
 * Returns the offset after the blob, or -1 when the record is full.
 */
__noinline long put_blob(__u64 off_slot, __u64 meta, __u64 src, __u64 n, __u64 full)
{
	__u32 off = off_slot & 0x7ffffff8;
	char *buf = scratch_slot((off_slot >> 31) & 3);
	struct sc_blob *bl;
	__u64 part;
	long r;

	if (!buf)
		return -1;
	/* a blob without data (a vector's closing one) still fits when the record is full */
	if (!n && !(meta & (1 << 24)) && off <= 2 * BSTRACE_CHUNK) {
		bl = (void *)(buf + off);
		bl->arg = meta & 0xff;
		bl->sub = (meta >> 8) & 0xffff;
		bl->full = full;
		bl->flags = (meta & (1 << 25)) ? BLOBF_TRUNC : 0;
		bl->len = 0;
		return off + sizeof(*bl);
	}
	if (off > BSTRACE_CHUNK)
		return -1;
	if (n > BSTRACE_CHUNK - 1)
		n = BSTRACE_CHUNK - 1;
	barrier_var(n);
	n &= BSTRACE_CHUNK - 1;
	bl = (void *)(buf + off);
	bl->arg = meta & 0xff;
	bl->sub = (meta >> 8) & 0xffff;
	bl->full = full;
	if (meta & (1 << 24)) {
		if (meta & BLOB_KERNEL)
			r = bpf_probe_read_kernel_str(buf + off + sizeof(*bl), n + 1, (void *)src);
		else
			r = bpf_probe_read_user_str(buf + off + sizeof(*bl), n + 1, (void *)src);
		bl->flags = r < 0 ? BLOBF_FAULT : BLOBF_STR;
		/* the n + 1 bytes faulted at the last one, so the n before it hold no NUL (a
		 * string that ends where its mapping does): they are kept as a truncated head */
		if (r < 0 && !(meta & BLOB_KERNEL) && n > 1 &&
		    bpf_probe_read_user(buf + off + sizeof(*bl), n, (void *)src) == 0) {
			bl->flags = BLOBF_STR | BLOBF_TRUNC;
			r = n + 1;
		}
		n = r > 0 ? r - 1 : 0;
	} else {
		bl->flags = (meta & (1 << 25)) ? BLOBF_TRUNC : 0;
		if (meta & BLOB_KERNEL)
			r = n ? bpf_probe_read_kernel(buf + off + sizeof(*bl), n, (void *)src) : 0;
		else
			r = n ? bpf_probe_read_user(buf + off + sizeof(*bl), n, (void *)src) : 0;
		if (r < 0) {
			bl->flags = BLOBF_FAULT;
			/* the copy crossed into an unreadable page: keep what lies before it, for
			 * printers that show the readable elements and the address of the rest.
			 * Only the last page can be the one: with the fault in an earlier one the
			 * readable part is not known and the whole copy counts as faulted */
			part = ((src + n - 1) & ~(__u64)(PAGE_BYTES - 1)) - src;
			if (!(meta & BLOB_KERNEL) && part > 0 && part < n) {
				barrier_var(part);
				part &= BSTRACE_CHUNK - 1;
				if (bpf_probe_read_user(buf + off + sizeof(*bl), part, (void *)src) == 0) {
					bl->flags = BLOBF_FAULT | BLOBF_PART;
					n = part;
				} else {
					n = 0;
				}
			} else {
				n = 0;
			}
		}
	}
	if (meta & BLOB_KERNEL)
		bl->flags |= BLOBF_FD;
	bl->len = n;
	/* bit 32 tells the caller the copy faulted */
	return (off + sizeof(*bl) + ((n + 7) & ~7ull)) |
	       ((__u64)(bl->flags & BLOBF_FAULT) << 32);
}

/* Appends a blob to the record being built; false when it is full. */
static __always_inline bool add_blob(struct build *b, __u8 arg, __u16 sub, bool str, __u64 src,
				     __u64 want, __u32 max, __u64 full)
{
	long off = put_blob(b->off | (__u64)b->enter << 31, BLOB_META(arg, sub, str, want > max),
			    src, want > max ? max : want, full);

	if (off < 0)
		return false;
	if (off >> 32)
		b->faults |= 1u << (arg & 7);
	b->off = off & 0xffffffff;
	b->nblobs++;
	return true;
}

/* Appends a copy of kernel memory (part of an fd description); false when the record is full. */
static __always_inline bool add_kblob(struct build *b, __u32 arg, __u16 sub, bool str, __u64 src,
				      __u64 n)
{
	long off = put_blob(b->off | (__u64)b->enter << 31, BLOB_META(arg, sub, str, 0) | BLOB_KERNEL,
			    src, n, n);

	if (off < 0)
		return false;
	b->off = off & 0xffffffff;
	b->nblobs++;
	return true;
}

/*
 * CAP_STRV / CAP_COUNTV: walk a NULL-terminated pointer array. A closing blob (sub 0, no data)
 * carries the element count in `full`, with BLOBF_TRUNC when the NULL was not reached.
 */
/* vectors and iovecs are walked under bpf_loop: their bodies are verified once, not per step */
struct walk {
	struct build *b;
	const __u64 *base;
	__u64 total;	/* CAP_IOV: bytes left to copy */
	__u64 cnt;	/* CAP_IOV: elements */
	__u32 size;
	__u32 n;	/* CAP_STRV/CAP_COUNTV: elements seen */
	__u8 arg;
	__u8 kind;
	__u8 ended;
	__u16 sub;	/* CAP_MSGHDR: buffer i is sub + i (the iovec array is one blob) */
};

static long vector_step(__u32 i, struct walk *w)
{
	__u64 ptr = 0;

	if (bpf_probe_read_user(&ptr, sizeof(ptr), w->base + i) < 0)
		return 1;
	if (!ptr) {
		w->ended = 1;
		return 1;
	}
	w->n = i + 1;
	/* `full` keeps the pointer: an element that cannot be read prints as its address */
	if (w->kind == CAP_STRV && !add_blob(w->b, w->arg, i + 1, true, ptr, w->size, w->size, ptr))
		return 1;
	return 0;
}

__noinline long cap_vector(struct build *b, __u32 arg, __u32 kind, __u32 size)
{
	struct walk w = { .size = size, .arg = arg, .kind = kind };

	if (!b)
		return 0;
	w.b = b;
	w.base = (const __u64 *)b->args[arg & 7];
	bpf_loop(kind == CAP_STRV ? BSTRACE_STRV_MAX : 1024, vector_step, &w, 0);
	add_blob(b, arg, 0, false, 0, w.ended ? 0 : 1, 0, w.n);
	return 0;
}

static long iov_step(__u32 i, struct walk *w)
{
	const __u64 *iov = w->base + 2 * i;
	__u64 io[2], want;

	if (i >= w->cnt)
		return 1;
	if (w->sub) {
		if (bpf_probe_read_user(io, sizeof(io), iov) < 0)
			return 1;
		want = io[1] < w->total ? io[1] : w->total;
		if (!add_blob(w->b, w->arg, w->sub + i, false, io[0], want, w->size, io[1]))
			return 1;
		if (w->total != ~0ull)
			w->total -= want;
		return 0;
	}
	if (bpf_probe_read_user(io, sizeof(io), iov) < 0) {
		/* an element that cannot be read: its blob says so (strace prints its address) */
		add_blob(w->b, w->arg, 2 * i + 1, false, (__u64)iov, 16, 16, 16);
		return 1;
	}
	want = io[1] < w->total ? io[1] : w->total;
	if (!add_blob(w->b, w->arg, 2 * i + 1, false, (__u64)iov, 16, 16, 16) ||
	    !add_blob(w->b, w->arg, 2 * i + 2, false, io[0], want, w->size, io[1]))
		return 1;
	/* ~0: every buffer in full (writev-like), as strace, which only counts down a return */
	if (w->total != ~0ull)
		w->total -= want;
	return 0;
}

/* CAP_IOV: each iovec, then its buffer; `total` bytes in all at most. */
__noinline long cap_iov(struct build *b, __u32 arg, __u64 cnt, __u64 total, __u32 size)
{
	struct walk w = { .total = total, .cnt = cnt, .size = size, .arg = arg };

	if (!b)
		return 0;
	w.b = b;
	w.base = (const __u64 *)b->args[arg & 7];
	bpf_loop(BSTRACE_IOV_MAX, iov_step, &w, 0);
	return 0;
}

/*
 * One struct msghdr's pieces at `src`: msg_name, msg_control, the iovec array and the buffers,
 * subs `sub` + MH_SUB_* (user/decode.h), w->total bytes of the buffers in all. One (pointer,
 * length) pair at a time in `io`. msg_namelen and the lengths are the tracee's: every one is
 * bounded. False when the record is full.
 */
static __always_inline bool msghdr_pieces(struct walk *w, __u64 *io, __u64 src, __u32 sub)
{
	struct build *b = w->b;
	__u32 arg = w->arg;

	if (bpf_probe_read_user(io, 16, (void *)src) < 0)
		return true;
	if (io[0] && (__u32)io[1] &&
	    !add_blob(b, arg, sub + 1, false, io[0], (__u32)io[1], MSG_NAME_MAX, (__u32)io[1]))
		return false;
	if (bpf_probe_read_user(io, 16, (void *)(src + 32)) < 0)
		return true;
	if (io[0] && io[1] &&
	    !add_blob(b, arg, sub + 2, false, io[0], io[1], MSG_CONTROL_MAX, io[1]))
		return false;
	if (bpf_probe_read_user(io, 16, (void *)(src + 16)) < 0 || !io[0] || !io[1])
		return true;
	if (!add_blob(b, arg, sub + 3, false, io[0], io[1] * 16, BSTRACE_IOV_MAX * 16, io[1]))
		return false;
	w->base = (const __u64 *)io[0];
	w->cnt = io[1];
	w->sub = sub + 4;
	bpf_loop(BSTRACE_IOV_MAX, iov_step, w, 0);
	return true;
}

/*
 * CAP_MSGHDR, CAP_MMSG (`how` & MH_MMSG): the struct msghdr at args[arg] (sub 0) and what it
 * points to, or the `len` struct mmsghdr there (sub 0, at most MMSG_MAX) and what each points
 * to (entry j's at MMSG_SUB(j)); each buffer at most `how`'s low 30 bits. With MH_RET
 * (recvmsg, recvmmsg) the struct alone at enter, and at exit `ret` bytes of the buffers (the
 * `ret` entries, msg_len bytes each).
 * cap_msghdr copies the struct(s) and says how many entries to walk; capture_one then calls
 * cap_msghdr_entry for each. Both global: verified once, and the one with the walk is a single
 * copy (inlined per entry it was half of each syscall program's verification). The walk's
 * state is in cap_msghdr_entry's frame, called straight from capture_one: the 6.1 verifier's
 * 512 bytes of stack on that chain (capture_one, it, iov_step, put_blob) hold no more.
 */
#define MH_MMSG		(1ull << 30)
#define MH_RET		(1ull << 31)
__noinline long cap_msghdr(struct build *b, __u32 arg, __u64 len, __u64 how)
{
	__u64 src, n;

	if (!b)
		return 0;
	src = b->args[arg & 7];
	n = (how & MH_RET) ? (b->ret < 0 ? 0 : b->ret) : ~0ull;
	if (how & MH_MMSG) {
		if ((how & MH_RET) && !b->enter)
			len = n;
		if (!add_blob(b, arg, 0, false, src, len * MMSG_SIZE, MMSG_MAX * MMSG_SIZE, len))
			return 0;
	} else {
		if (!add_blob(b, arg, 0, false, src, MH_SIZE, MH_SIZE, MH_SIZE))
			return 0;
		len = 1;
	}
	if (!src || ((how & MH_RET) && b->enter))
		return 0;
	return len < MMSG_MAX ? len : MMSG_MAX;
}

__noinline long cap_msghdr_entry(struct build *b, __u32 arg, __u32 j, __u64 how)
{
	struct walk w = { .arg = arg, .size = how & 0x3fffffff };
	__u64 io[2], src;

	if (!b || j >= MMSG_MAX)
		return 0;
	w.b = b;
	src = b->args[arg & 7] + (__u64)j * MMSG_SIZE;
	if (how & MH_MMSG) {
		w.total = ~0ull;
		if (how & MH_RET) {
			/* msg_len into the low half (every arch here is little-endian) */
			io[0] = 0;
			if (bpf_probe_read_user(io, 4, (void *)(src + 56)) < 0)
				return 0;
			w.total = io[0];
		}
	} else {
		w.total = (how & MH_RET) ? (b->ret < 0 ? 0 : b->ret) : ~0ull;
	}
	msghdr_pieces(&w, io, src, (how & MH_MMSG) ? MMSG_SUB(j) : 0);
	return 0;
}

/* ---- what an ioctl's argument points to (struct ioctl_ref) ---- */

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, IOCTL_REFS);
	__type(key, __u32);
	__type(value, struct ioctl_ref);
} ioctl_refs SEC(".maps");

struct ref_walk {
	struct build *b;
	__u64 base;
	__u32 cnt;
	__u32 esize;
	__u32 el_max;
	__u16 el_ptr_off;
	__u16 el_len_off;
	__u8 arg;
};

static long ref_step(__u32 i, struct ref_walk *w)
{
	__u64 el = w->base + (__u64)i * w->esize, ptr = 0;
	__u32 len = 0;

	if (i >= w->cnt)
		return 1;
	if (bpf_probe_read_user(&ptr, sizeof(ptr), (void *)(el + w->el_ptr_off)) < 0 ||
	    bpf_probe_read_user(&len, sizeof(len), (void *)(el + w->el_len_off)) < 0)
		return 1;
	if (!ptr || !len)
		return 0;
	return add_blob(w->b, w->arg, 2 + i, false, ptr, len, w->el_max, len) ? 0 : 1;
}

/*
 * CAP_IOCTL: the argument, as many bytes as the request's _IOC_SIZE says (at least
 * IOCTL_MIN_COPY, at most `cap`) or as its ioctl_refs row's arg_size; then what the row says
 * the argument points to.
 */
__noinline long cap_ioctl(struct build *b, __u32 arg, __u32 req, __u32 cap)
{
	struct ref_walk w = { .arg = arg };
	const struct ioctl_ref *r;
	__u32 cnt = 0, sel = 0, want;
	__u64 a, ptr = 0;

	if (!b)
		return 0;
	want = (req >> 16) & 0x3fff;	/* _IOC_SIZE */
	if (want < IOCTL_MIN_COPY)
		want = IOCTL_MIN_COPY;
	r = bpf_map_lookup_elem(&ioctl_refs, &req);
	if (r && r->arg_size)
		want = cap = r->arg_size;
	a = b->args[arg & 7];
	add_blob(b, arg, 0, false, a, want, cap, want);
	if (!r || !a || r->ptr_off == IOCTL_REF_NONE)
		return 0;
	if (r->sel_off != IOCTL_REF_NONE &&
	    (bpf_probe_read_user(&sel, sizeof(sel), (void *)(a + r->sel_off)) < 0 || sel >= 32 ||
	     !(r->sel_mask & (1u << sel))))
		return 0;
	if (r->flags & IOCTL_REFF_INLINE)
		ptr = a + r->ptr_off;
	else if (bpf_probe_read_user(&ptr, sizeof(ptr), (void *)(a + r->ptr_off)) < 0 || !ptr)
		return 0;
	if (r->cnt_off == IOCTL_REF_NONE)
		cnt = r->max;
	else if (r->flags & IOCTL_REFF_CNT16)
		/* the low half of cnt: every arch here is little-endian */
		bpf_probe_read_user(&cnt, 2, (void *)(a + r->cnt_off));
	else if (bpf_probe_read_user(&cnt, sizeof(cnt), (void *)(a + r->cnt_off)) < 0)
		cnt = 0;
	if (!cnt)
		return 0;
	/* more than max: a truncated copy (BLOBF_TRUNC) */
	if (!add_blob(b, arg, 1, false, ptr, (__u64)cnt * r->esize, (__u32)r->max * r->esize, cnt) ||
	    r->el_ptr_off == IOCTL_REF_NONE)
		return 0;
	w.b = b;
	w.base = ptr;
	w.cnt = cnt < r->max ? cnt : r->max;
	w.esize = r->esize;
	w.el_max = r->el_max;
	w.el_ptr_off = r->el_ptr_off;
	w.el_len_off = r->el_len_off;
	bpf_loop(IOCTL_REF_MAX, ref_step, &w, 0);
	return 0;
}

/* CAP_KEYCTL: argument i of keyctl by its command */
__noinline long cap_keyctl(struct build *b, __u32 i, __u32 size)
{
	__u64 ptrs[2];
	__u32 cmd;

	if (!b)
		return 0;
	i &= 7;
	cmd = (__u32)b->args[0];
	if (i == 2 && cmd == KEYCTL_INSTANTIATE_IOV_) {
		cap_iov(b, i, b->args[3], ~0ull, size);
		return 0;
	}
	add_blob(b, i, 0, false, b->args[i], size, size, size);
	/* struct keyctl_kdf_params starts with its hashname and otherinfo pointers */
	if (i != 4 || cmd != KEYCTL_DH_COMPUTE_ || !b->args[4] ||
	    bpf_probe_read_user(ptrs, sizeof(ptrs), (void *)b->args[4]) < 0)
		return 0;
	if (ptrs[0])
		add_blob(b, i, 1, false, ptrs[0], size, size, size);
	if (ptrs[1])
		add_blob(b, i, 2, false, ptrs[1], size, size, size);
	return 0;
}

/* ---- what bpf(2)'s union bpf_attr points to (struct bpf_ref) ---- */

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, BPF_REFS);
	__type(key, __u32);
	__type(value, struct bpf_ref);
} bpf_refs SEC(".maps");

struct strv_walk {
	struct build *b;
	__u64 base;
	__u32 cnt;
	__u16 sub;
	__u16 size;
	__u8 arg;
};

/* one string of a counted array of string pointers (NULL ones have none) */
static long strv_step(__u32 i, struct strv_walk *w)
{
	__u64 ptr = 0;

	if (i >= w->cnt || bpf_probe_read_user(&ptr, sizeof(ptr), (void *)(w->base + 8ull * i)) < 0)
		return 1;
	if (!ptr)
		return 0;
	return add_blob(w->b, w->arg, w->sub + i, true, ptr, w->size, w->size, ptr) ? 0 : 1;
}

__noinline long cap_bpf_strv(struct build *b, __u32 arg, __u64 base, __u32 cnt, __u32 size)
{
	struct strv_walk w = { .base = base, .cnt = cnt, .sub = BPF_REF_STRV_SUB,
			       .size = size, .arg = arg };

	if (!b)
		return 0;
	w.b = b;
	bpf_loop(BPF_REF_STRV_MAX, strv_step, &w, 0);
	return 0;
}

/* the bpf_refs row of the struct at argument `arg`: by the value of the argument before it */
static __always_inline const struct bpf_ref *ref_row(struct build *b, __u32 arg)
{
	__u32 sel = (arg - 1) & 7, key = b->args[sel];

	if (!arg || key >> 24)
		return NULL;
	key = BPF_REF_KEY(sel, key);
	return bpf_map_lookup_elem(&bpf_refs, &key);
}

/* the pointed-to memory of the struct at `arg` (bpf(2): the command args[0]'s); bpf(2)'s fds
 * are described by bpf_attr_fd, an array's by ref_fdv_fd */
__noinline long cap_bpf_refs(struct build *b, __u32 arg)
{
	const struct bpf_ref *r;
	__u32 i, cnt;
	__u64 a, ptr, want;

	if (!b)
		return 0;
	r = ref_row(b, arg);
	a = b->args[arg & 7];
	if (!r || !a)
		return 0;
	for (i = 0; i < BPF_REF_PTRS; i++) {
		const struct bpf_ref_ptr *rp = &r->ptr[i];

		if (rp->ptr_off == BPF_REF_NONE ||
		    !(rp->when & (b->enter ? BPF_REF_ENTER : BPF_REF_EXIT)))
			continue;
		if (rp->sel_off != BPF_REF_NONE) {
			cnt = 0;
			if (bpf_probe_read_user(&cnt, sizeof(cnt), (void *)(a + rp->sel_off)) < 0 ||
			    cnt != rp->sel_val)
				continue;
		}
		ptr = 0;
		if (bpf_probe_read_user(&ptr, sizeof(ptr), (void *)(a + rp->ptr_off)) < 0 || !ptr)
			continue;
		want = rp->max;
		if (rp->len_off != BPF_REF_NONE) {
			cnt = 0;
			if (bpf_probe_read_user(&cnt, sizeof(cnt), (void *)(a + rp->len_off)) < 0)
				continue;
			want = (__u64)cnt * rp->esize;
		}
		if (!add_blob(b, arg, 1 + i, rp->str, ptr, want, rp->max, want))
			break;
		if (rp->strv)
			cap_bpf_strv(b, arg, ptr, want / 8 < rp->max / 8 ? want / 8 : rp->max / 8,
				     rp->strv_max);
	}
	return 0;
}

/* ---- fd descriptions (-y, -yy, -P): what an fd refers to, at the call ---- */

#define SOCKFS_MAGIC		0x534F434B
#define PIPEFS_MAGIC		0x50495045
#define ANON_INODE_FS_MAGIC	0x09041934
#define PID_FS_MAGIC		0x50494446
#define AT_FDCWD_VAL		(-100)
/* "[pidfd]" with its NUL, as the 8 bytes of a little-endian __u64 */
#define PIDFD_NAME		0x005d64666469705bull

/* struct mount around a vfsmount, and back */
#define MOUNT_OF(vm_)	((__u64)(vm_) - bpf_core_field_offset(struct mount, mnt))
#define VFSMOUNT_OF(m_)	((__u64)(m_) + bpf_core_field_offset(struct mount, mnt))

/*
 * The last path description of each (tgid, fd), as the bytes it took in the record: the next
 * call on the same open file copies them instead of walking the dentries again. Valid while
 * the fd holds the same struct file on the same dentry, unlinked or not as it was (a rename
 * of a directory above it is not seen: the path printed is the one of the first call).
 */
struct fdc_key {
	__u32 tgid;
	__s32 fd;
};

struct fdc_val {
	__u64 file;		/* the struct file (AT_FDCWD: the cwd's vfsmount) */
	__u64 dentry;
	__u32 len;		/* bytes of blobs */
	__u16 nblobs;
	__u16 deleted;
	__u8 bytes[FD_CACHE_BYTES];
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 1);		/* FD_CACHE_ENTRIES when fds are described */
	__type(key, struct fdc_key);
	__type(value, struct fdc_val);
} fdcache SEC(".maps");

/* one per CPU: where a new cache value is put together */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct fdc_val);
} fdc_tmp SEC(".maps");

/* small: the 6.1 verifier limits the stack of the whole call chain to 512 bytes */
struct fdwalk {
	struct build *b;
	__u64 dentry;
	__u64 mnt;		/* struct vfsmount * */
	__u32 arg;
	__u16 n;
	__u16 done;
};

/* one step towards the root: a component, or a crossing from a mount to its mount point */
static long path_step(__u32 i, struct fdwalk *w)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct dentry *d = (void *)w->dentry;
	struct vfsmount *vm = (void *)w->mnt;
	__u64 parent, m, mp;

	/* the task's root (a chroot's too): the path is relative to it */
	if (w->dentry == (__u64)BPF_CORE_READ(task, fs, root.dentry) &&
	    w->mnt == (__u64)BPF_CORE_READ(task, fs, root.mnt))
		goto done;
	if (w->dentry == (__u64)BPF_CORE_READ(vm, mnt_root)) {
		m = MOUNT_OF(vm);
		mp = (__u64)BPF_CORE_READ((struct mount *)m, mnt_parent);
		if (mp == m)	/* the namespace's root, or a detached mount */
			goto done;
		w->dentry = (__u64)BPF_CORE_READ((struct mount *)m, mnt_mountpoint);
		w->mnt = VFSMOUNT_OF(mp);
		return 0;
	}
	parent = (__u64)BPF_CORE_READ(d, d_parent);
	if (parent == w->dentry)
		goto done;
	if (!add_kblob(w->b, w->arg, w->n + 1, true, (__u64)BPF_CORE_READ(d, d_name.name), 255))
		return 1;
	w->n++;
	w->dentry = parent;
	return 0;
done:
	w->done = 1;
	return 1;
}

/* struct sock since 6.16 (the vmlinux.h of other arches may predate it) */
struct sock___ino {
	unsigned long sk_ino;
} __attribute__((preserve_access_index));

/* DF_SOCKET: the endpoints strace shows with -yy */
static __always_inline void sock_fields(struct sc_fd *f, struct build *b, __u32 arg, __u64 file)
{
	struct socket *sock = BPF_CORE_READ((struct file *)file, private_data);
	struct sock *sk = BPF_CORE_READ(sock, sk);
	struct unix_address *ua;
	struct sock *peer;
	__u32 len;

	if (!sk)
		return;
	bpf_probe_read_kernel_str(f->proto, sizeof(f->proto), BPF_CORE_READ(sk, __sk_common.skc_prot, name));
	f->family = BPF_CORE_READ(sk, __sk_common.skc_family);
	f->state = BPF_CORE_READ(sk, __sk_common.skc_state);
	f->protocol = BPF_CORE_READ(sk, sk_protocol);
	switch (f->family) {
	case 2:		/* AF_INET */
		bpf_probe_read_kernel(f->saddr, 4, &sk->__sk_common.skc_rcv_saddr);
		bpf_probe_read_kernel(f->daddr, 4, &sk->__sk_common.skc_daddr);
		break;
	case 10:	/* AF_INET6 */
		bpf_probe_read_kernel(f->saddr, 16, &sk->__sk_common.skc_v6_rcv_saddr);
		bpf_probe_read_kernel(f->daddr, 16, &sk->__sk_common.skc_v6_daddr);
		break;
	case 1:		/* AF_UNIX */
		peer = BPF_CORE_READ((struct unix_sock *)sk, peer);
		/* the peer's inode; kept in the sock since 6.16, so it outlives a closed peer */
		if (peer && bpf_core_field_exists(((struct sock___ino *)peer)->sk_ino))
			f->extra = BPF_CORE_READ((struct sock___ino *)peer, sk_ino);
		else if (peer)
			f->extra = BPF_CORE_READ(peer, sk_socket, file, f_inode, i_ino);
		ua = BPF_CORE_READ((struct unix_sock *)sk, addr);
		len = ua ? BPF_CORE_READ(ua, len) : 0;
		if (len > 2)	/* sun_family, then the path */
			add_kblob(b, arg, 1, false, (__u64)ua + bpf_core_field_offset(struct unix_address,
									name) + 2,
				  len - 2 > 108 ? 108 : len - 2);
		return;
	case 16:	/* AF_NETLINK */
		f->portid = BPF_CORE_READ((struct netlink_sock *)sk, portid);
		return;
	default:
		return;
	}
	f->sport = BPF_CORE_READ(sk, __sk_common.skc_num);
	f->dport = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
}

static __always_inline bool dentry_deleted(__u64 dentry)
{
	return !BPF_CORE_READ((struct dentry *)dentry, d_hash.pprev) &&
	       (__u64)BPF_CORE_READ((struct dentry *)dentry, d_parent) != dentry;
}

/*
 * The cached description of (tgid, fd) over the one this call started at `off` (its first
 * blob is counted already), if it is still right.
 */
enum { FDC_MISS, FDC_HIT, FDC_SPOILT };	/* SPOILT: a miss after the record was written */

__noinline int fdc_hit(struct build *b, __s32 fd, __u64 file, __u64 dentry, __u32 off)
{
	struct fdc_key k = { .tgid = bpf_get_current_pid_tgid() >> 32, .fd = fd };
	struct fdc_val *v = bpf_map_lookup_elem(&fdcache, &k);
	char *buf;
	__u32 len;

	if (!b)
		return FDC_MISS;
	buf = scratch_slot(b->enter);
	if (!v || !buf || v->file != file || v->dentry != dentry ||
	    v->deleted != dentry_deleted(dentry))
		return FDC_MISS;
	len = v->len;
	if (len < sizeof(struct sc_blob) + sizeof(struct sc_fd) || len >= FD_CACHE_BYTES ||
	    off >= BSTRACE_CHUNK || !v->nblobs)
		return FDC_MISS;
	/* the masks below are what the verifier sees */
	barrier_var(len);
	barrier_var(off);
	off &= BSTRACE_CHUNK - 8;
	if (bpf_probe_read_kernel(buf + off, len & (FD_CACHE_BYTES - 1), v->bytes))
		return FDC_SPOILT;
	/* an LRU element can be reused at once by an update on another CPU: check again */
	if (v->file != file || v->dentry != dentry || v->len != len)
		return FDC_SPOILT;
	b->off = off + len;
	b->nblobs += v->nblobs - 1;
	return FDC_HIT;
}

/*
 * Keeps the description written from `where` (bits 0-31: the offset, 32-47: its blobs, 48: it
 * is unlinked) for the next call on the fd. Global functions (this and fdc_hit): their stack
 * is not cap_fd's (the 512 bytes of the 6.1 verifier's call chain).
 */
__noinline int fdc_store(struct build *b, __s32 fd, __u64 file, __u64 dentry, __u64 where)
{
	struct fdc_key k = { .tgid = bpf_get_current_pid_tgid() >> 32, .fd = fd };
	__u32 zero = 0, off = where, len;
	struct fdc_val *v = bpf_map_lookup_elem(&fdc_tmp, &zero);
	char *buf;

	if (!b)
		return 0;
	buf = scratch_slot(b->enter);
	len = b->off - off;
	if (!v || !buf || len >= FD_CACHE_BYTES || off >= BSTRACE_CHUNK)
		return 0;
	barrier_var(len);
	barrier_var(off);
	off &= BSTRACE_CHUNK - 8;
	if (bpf_probe_read_kernel(v->bytes, len & (FD_CACHE_BYTES - 1), buf + off))
		return 0;
	v->file = file;
	v->dentry = dentry;
	v->len = len;
	v->nblobs = (where >> 32) & 0xffff;
	v->deleted = (where >> 48) & 1;
	bpf_map_update_elem(&fdcache, &k, v, BPF_ANY);
	return 0;
}

/* the first blob of a description, struct sc_fd zeroed but for the fd (FDK_NONE) */
static __always_inline void fd_head(struct sc_blob *bl, __u32 arg, __s32 fd)
{
	struct sc_fd *f = (void *)(bl + 1);

	__builtin_memset(f, 0, sizeof(*f));
	bl->arg = arg;
	bl->flags = BLOBF_FD;
	bl->sub = 0;
	bl->len = sizeof(*f);
	bl->full = 0;
	f->fd = fd;
}

/* One fd description: struct sc_fd (sub 0) and what follows it (struct sc_fd's comment). */
__noinline long cap_fd(struct build *b, __s64 fd)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct fdwalk w = {};
	struct sc_blob *bl;
	struct sc_fd *f;
	struct fdtable *fdt;
	struct inode *inode;
	__u64 file = 0, dentry, mnt, name, pid, nm, ident;
	__u32 arg, magic, off, nblobs;
	char *buf;
	int hit;

	if (!b || b->nfd >= 8)
		return 0;
	/* the struct goes straight into the record, the parts after it */
	buf = scratch_slot(b->enter);
	off = b->off;
	if (!buf || off >= BSTRACE_CHUNK)
		return 0;
	/* a mask after the test: the 6.1 verifier loses the test's bound on a spilled copy */
	barrier_var(off);
	off &= BSTRACE_CHUNK - 8;
	arg = FD_BLOB_ARG + b->nfd++;
	nblobs = b->nblobs;
	bl = (void *)(buf + off);
	f = (void *)(bl + 1);
	fd_head(bl, arg, fd);
	b->off = off + sizeof(*bl) + sizeof(*f);
	b->nblobs++;
	if (fd == AT_FDCWD_VAL) {
		dentry = (__u64)BPF_CORE_READ(task, fs, pwd.dentry);
		mnt = (__u64)BPF_CORE_READ(task, fs, pwd.mnt);
	} else {
		fdt = BPF_CORE_READ(task, files, fdt);
		if (fd < 0 || fd >= BPF_CORE_READ(fdt, max_fds))
			return 0;
		/* read through the record's memory, not the stack (the stack limit above) */
		bpf_probe_read_kernel(&f->extra, sizeof(f->extra), BPF_CORE_READ(fdt, fd) + fd);
		file = f->extra;
		f->extra = 0;
		if (!file)
			return 0;
		dentry = (__u64)BPF_CORE_READ((struct file *)file, f_path.dentry);
		mnt = (__u64)BPF_CORE_READ((struct file *)file, f_path.mnt);
	}
	/* the same open file as last time (the same cwd): the same description */
	ident = file ? file : mnt;
	hit = fdc_hit(b, fd, ident, dentry, off);
	if (hit == FDC_HIT)
		return 0;
	if (hit == FDC_SPOILT)
		fd_head(bl, arg, fd);
	inode = BPF_CORE_READ((struct dentry *)dentry, d_inode);
	if (!inode)
		return 0;
	f->mode = BPF_CORE_READ(inode, i_mode);
	f->ino = BPF_CORE_READ(inode, i_ino);
	f->rdev = BPF_CORE_READ(inode, i_rdev);
	magic = BPF_CORE_READ(inode, i_sb, s_magic);
	if (BPF_CORE_READ((struct dentry *)dentry, d_op, d_dname)) {
		/* a pseudo file system names its files itself: socket:[ino], pipe:[ino] ... */
		if (magic == SOCKFS_MAGIC) {
			f->kind = FDK_SOCKET;
			if (cfg_decode_fds & DF_SOCKET)
				sock_fields(f, b, arg, file);
		} else if (magic == PIPEFS_MAGIC) {
			f->kind = FDK_PIPE;
		} else {
			name = (__u64)BPF_CORE_READ((struct dentry *)dentry, d_name.name);
			bpf_probe_read_kernel_str(&f->extra, sizeof(f->extra), (void *)name);
			nm = f->extra;
			f->extra = 0;
			if (magic == PID_FS_MAGIC || (magic == ANON_INODE_FS_MAGIC && nm == PIDFD_NAME)) {
				/* the struct pid: pidfs (6.9) keeps it in the inode */
				if (magic == PID_FS_MAGIC)
					pid = (__u64)BPF_CORE_READ(inode, i_private);
				else
					pid = (__u64)BPF_CORE_READ((struct file *)file, private_data);
				f->kind = FDK_PIDFD;
				f->extra = cfg_pidns_ino ? pid_in_ns(pid) :
					  BPF_CORE_READ((struct pid *)pid, numbers[0].nr);
			} else {
				f->kind = magic == ANON_INODE_FS_MAGIC ? FDK_ANON : FDK_OTHER;
				add_kblob(b, arg, 1, true, name, 64);
			}
		}
		return 0;
	}
	f->kind = FDK_PATH;
	/* unlinked: d_path's " (deleted)" */
	if (dentry_deleted(dentry))
		f->flags |= FDF_DELETED;
	w.b = b;
	w.arg = arg;
	w.dentry = dentry;
	w.mnt = mnt;
	bpf_loop(FD_PATH_DEPTH, path_step, &w, 0);
	f->ncomp = w.n;
	if (!w.done)
		f->flags |= FDF_TRUNC;
	fdc_store(b, fd, ident, dentry, off | (__u64)(b->nblobs - nblobs) << 32 |
				       (__u64)!!(f->flags & FDF_DELETED) << 48);
	return 0;
}

/* the netlink protocol + 1 of the socket at `fd`, 0 when fd is no netlink socket */
__noinline long netlink_proto(__s64 fd)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct fdtable *fdt = BPF_CORE_READ(task, files, fdt);
	struct file *file = NULL;
	struct socket *sock;
	struct sock *sk;

	if (fd < 0 || fd >= BPF_CORE_READ(fdt, max_fds))
		return 0;
	if (bpf_probe_read_kernel(&file, sizeof(file), BPF_CORE_READ(fdt, fd) + fd) || !file)
		return 0;
	if (BPF_CORE_READ(file, f_inode, i_sb, s_magic) != SOCKFS_MAGIC)
		return 0;
	sock = BPF_CORE_READ(file, private_data);
	sk = BPF_CORE_READ(sock, sk);
	if (!sk || BPF_CORE_READ(sk, __sk_common.skc_family) != 16)	/* AF_NETLINK */
		return 0;
	return BPF_CORE_READ(sk, sk_protocol) + 1;
}

/*
 * CAPF_DEREF: `elem` bytes at the pointer the struct at `src` starts with (sub 1); elem 0: the
 * struct is an iovec, its iov_len bytes, at most `size`. A function of its own: its stack is not
 * on capture_one's path to cap_fd, which the 6.1 verifier's 512-byte limit on a call chain's
 * stack already fills.
 */
__noinline long cap_deref(struct build *b, __u32 arg, __u64 src, __u32 elem, __u32 size)
{
	__u64 io[2] = { 0, elem };

	if (!b || bpf_probe_read_user(io, elem ? 8 : 16, (void *)src) < 0 || !io[0])
		return 0;
	add_blob(b, arg, 1, false, io[0], io[1], elem ? elem : size, io[1]);
	return 0;
}

/* the int at the pointer at `src` (clone3's pidfd, parent_tid after the call) as blob `sub` */
__noinline long cap_deref_int(struct build *b, __u32 arg, __u32 sub, __u64 src)
{
	__u64 ptr = 0;

	if (!b || bpf_probe_read_user(&ptr, 8, (void *)src) < 0 || !ptr)
		return 0;
	add_blob(b, arg & 7, sub, false, ptr, 4, 4, 4);
	return 0;
}

/*
 * CAP_CLONE3: `size` in the low half of `spec`, the set_tid bytes in the high one. At exit the
 * struct again (strace reads it after the call too) and what the call wrote through it; the
 * set_tid array only where no enter record holds it (an injected call)
 */
__noinline long cap_clone3(struct build *b, __u32 i, __u64 len, __u64 spec)
{
	__u64 src;

	if (!b)
		return 0;
	i &= 7;
	src = b->args[i];
	if (!b->enter && b->entered && is_error(b->ret))
		return 0;
	if (src && (b->enter || !b->entered))
		cap_deref(b, i, src + CLONE3_SET_TID_OFF, spec >> 32, 0);
	if (src && !b->enter && !is_error(b->ret)) {
		cap_deref_int(b, i, 2, src + CLONE3_PIDFD_OFF);
		cap_deref_int(b, i, 3, src + CLONE3_PARENT_TID_OFF);
	}
	add_blob(b, i, 0, false, src, len, (__u32)spec, len);
	return 0;
}

/*
 * Classic BPF programs (CAP_FPROG, CAP_FILTER_LENPTR): `len` as capture_one computed it, `size`
 * in the low half of `spec`, elem in the high one. Apart from capture_one, whose frame the 6.1
 * verifier's 512-byte limit on the call chain leaves no room to grow.
 */
__noinline long cap_filter(struct build *b, __u32 i, __u32 kind, __u64 len, __u64 spec)
{
	__u64 src, want = 0, prog = 0;
	__u32 size = (__u32)spec, elem = spec >> 32;

	if (!b)
		return 0;
	i &= 7;
	src = b->args[i];
	if (kind == CAP_FILTER_LENPTR) {
		/* the socklen_t: SO_GET_FILTER's counts instructions */
		if (len && bpf_probe_read_user(&want, 4, (void *)len) < 0)
			want = 0;
		/* the mask keeps the index provably in bounds for the 6.1 verifier */
		if (i >= 1 && i <= BSTRACE_MAX_ARGS && b->args[(i - 1) & 7] == elem) {
			want *= SOCK_FILTER_SIZE;
			size = FILTER_COPY_MAX;
		}
		add_blob(b, i, 0, false, src, want, size, want);
		return 0;
	}
	/* elem 0: a struct sock_fprog alone (no length argument) */
	want = elem ? len : size;
	add_blob(b, i, 0, false, src, want, size, want);
	if (want < 16 || !src || bpf_probe_read_user(&len, 2, (void *)src) < 0)
		return 0;
	len &= 0xffff;
	if (len && bpf_probe_read_user(&prog, sizeof(prog), (void *)(src + 8)) == 0 && prog)
		add_blob(b, i, 1, false, prog, len * SOCK_FILTER_SIZE, FILTER_COPY_MAX,
			 len * SOCK_FILTER_SIZE);
	return 0;
}

/*
 * bpf(2): fd `k` of union bpf_attr at args[arg] for the command args[0] (struct bpf_ref's
 * fd_off), in the low half; bit 32: none. It returns before cap_fd runs: its stack is not on
 * the call chain to cap_fd (the 6.1 verifier's 512 bytes).
 */
__noinline __u64 bpf_attr_fd(struct build *b, __u32 arg, __u32 k)
{
	const struct bpf_ref *r;
	__u32 cmd, fd = 0;

	if (!b)
		return 1ull << 32;
	cmd = b->args[0];
	r = bpf_map_lookup_elem(&bpf_refs, &cmd);
	if (!r || !b->args[arg & 7] || r->fd_off[k & 3] == BPF_REF_NONE ||
	    bpf_probe_read_user(&fd, sizeof(fd), (void *)(b->args[arg & 7] + r->fd_off[k & 3])) < 0)
		return 1ull << 32;
	return fd;
}

/*
 * The fds of an array seen so far, one per CPU. In a map, not on the stack: the verifier
 * knows nothing of a map value's contents, so the bpf_loop callback's states agree at once
 * (seen on the stack, every count and fd kept the states apart: 50 times the instructions).
 */
struct fdv_seen {
	__s32 fd[2 * REF_FDV_MAX];
	__u32 n;
};
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct fdv_seen);
} fdv_tmp SEC(".maps");

struct fdv_walk {
	__u64 base;
	struct fdv_seen *seen;
	__u32 cnt;
	__u32 stride;
	__u32 off;
	__u32 k;
	__s32 skip;
	__u64 found;
};

/* element i: a fd not seen before is the k-th (found) or one more seen */
static long fdv_step(__u32 i, struct fdv_walk *w)
{
	struct fdv_seen *s = w->seen;
	__s32 fd = -1;
	__u32 j, n;

	if (!s || i >= w->cnt ||
	    bpf_probe_read_user(&fd, sizeof(fd), (void *)(w->base + (__u64)i * w->stride + w->off)))
		return 1;
	if (fd < 0 || fd == w->skip)
		return 0;
	n = s->n;
	if (n >= 2 * REF_FDV_MAX)
		return 1;
	for (j = 0; j < 2 * REF_FDV_MAX; j++)
		if (j < n && s->fd[j] == fd)
			return 0;
	if (n >= w->k) {
		w->found = (__u32)fd;
		return 1;
	}
	s->fd[n] = fd;
	s->n = n + 1;
	return 0;
}

/*
 * The k-th distinct fd (from 0) of the array the bpf_refs row of argument `arg` describes
 * (struct bpf_ref_fdv), in the low half; bit 32: none. The exit record of a call with an enter
 * record describes the next REF_FDV_MAX (its own 8 descriptions). It returns before cap_fd
 * runs: its stack is not on the call chain to cap_fd (the 6.1 verifier's 512 bytes).
 */
__noinline __u64 ref_fdv_fd(struct build *b, __u32 arg, __u32 k)
{
	struct fdv_walk w = { .skip = -1, .found = 1ull << 32 };
	const struct bpf_ref *r;
	__u64 a, base = 0;
	__u32 cnt = 0, zero = 0;

	if (!b || k >= REF_FDV_MAX)
		return 1ull << 32;
	w.seen = bpf_map_lookup_elem(&fdv_tmp, &zero);
	if (!w.seen)
		return 1ull << 32;
	w.seen->n = 0;
	w.k = !b->enter && b->entered ? k + REF_FDV_MAX : k;
	arg &= 7;
	r = ref_row(b, arg);
	a = b->args[arg];
	if (!r || !a || !r->fdv.stride)
		return 1ull << 32;
	base = a;
	if (r->fdv.ptr_off != BPF_REF_NONE &&
	    (bpf_probe_read_user(&base, sizeof(base), (void *)(a + r->fdv.ptr_off)) || !base))
		return 1ull << 32;
	if (r->fdv.cnt_off == BPF_REF_NONE)
		cnt = b->args[(arg + 1) & 7];
	else if (bpf_probe_read_user(&cnt, sizeof(cnt), (void *)(a + r->fdv.cnt_off)))
		return 1ull << 32;
	if (r->fdv.flags & REF_FDVF_SKIP0)
		w.skip = b->args[0];
	w.base = base;
	w.cnt = cnt;
	w.stride = r->fdv.stride;
	w.off = r->fdv.off;
	bpf_loop(REF_FDV_SCAN, fdv_step, &w, 0);
	return w.found;
}

/*
 * One argument slot's captures. A global function: the verifier checks it once. As the
 * bpf_loop callback itself it was checked inline with its caller's states, again until they
 * converge on newer kernels (6.18: on_sys_enter 31,644 instructions processed, 100 ms).
 */

/*
 * The kinds the plan puts at enter (cfg_caps_enter) and at exit (cfg_caps_exit), as rodata
 * bits: the verifier drops the cases no plan row uses, and does not check the functions only
 * they call (6.8+ checks global functions when reachable), e.g. the ioctl, keyctl and cBPF
 * copies of an enter, and -y's fd descriptions without -y. loader.c computes them from the
 * plan it writes.
 */
#define CAP_ON(k)	(caps & (1u << (k)))
static __always_inline long capture_body(__u32 i, struct build *b, const __u32 caps)
{
	struct sc_plan *p;
	struct cap_spec cs;
	__u64 want, src, len = 0;
	__u32 nr;

	if (!b)
		return 1;
	nr = b->nr;
	p = bpf_map_lookup_elem(&plan, &nr);
	if (!p)
		return 1;
	/* slots 6 and 7 are CAP_FD or CAP_NONE; the mask keeps the index provably in bounds */
	i &= 7;
	cs = b->enter ? p->enter[i] : p->exit[i];
	if (cs.kind == CAP_NONE)
		return 0;
	if ((cs.flags & CAPF_OK_ONLY) && is_error(b->ret))
		return 0;
	if ((cs.flags & CAPF_FAIL_ONLY) && !is_error(b->ret))
		return 0;
	/* an input the enter record carried; again only if that copy faulted (page not in yet) */
	if ((cs.flags & CAPF_NO_ENTER) && b->entered && !(b->refetch & (1u << i)))
		return 0;
	if ((cs.len_arg & ~LEN_32) == LEN_RET)
		len = b->ret < 0 ? 0 : b->ret;
	else if ((cs.len_arg & ~LEN_32) < BSTRACE_MAX_ARGS)
		len = b->args[cs.len_arg & 7];
	if (cs.len_arg & LEN_32)
		len = (__u32)len;
	/* elem 0: select's nfds, an int; elem 1: a node mask's maxnode, of which the kernel
	 * reads maxnode - 1 bits */
	if (cs.flags & CAPF_BITS_LEN)
		len = cs.elem ? (len ? (len - 1 + 63) / 64 * 8 : 0) : ((__u32)len + 63) / 64 * 8;
	if (cs.flags & CAPF_PAGES_LEN)
		len = len / PAGE_BYTES + !!(len & (PAGE_BYTES - 1));

	switch (cs.kind) {
	case CAP_STR:
		if (!CAP_ON(CAP_STR))
			break;
		add_blob(b, i, 0, true, b->args[i], cs.size, cs.size, 0);
		break;
	case CAP_BUF:
		if (!CAP_ON(CAP_BUF))
			break;
		add_blob(b, i, 0, false, b->args[i], len, cs.size, len);
		break;
	case CAP_CLONE3:
		if (!CAP_ON(CAP_CLONE3))
			break;
		cap_clone3(b, i, len, cs.size | (__u64)cs.elem << 32);
		break;
	case CAP_FIXED:
		if (!CAP_ON(CAP_FIXED))
			break;
		src = (cs.flags & CAPF_FROM_SP) ? b->sp + cs.elem * 8 : b->args[i];
		/* the pointed-to bytes first: fewer values live across the calls, the stack
		 * stays as small as the 6.1 verifier wants it */
		if ((cs.flags & CAPF_DEREF) && src)
			cap_deref(b, i, src, cs.elem, cs.size);
		add_blob(b, i, 0, false, src, cs.size, cs.size, cs.size);
		break;
	case CAP_NLBUF:
		if (!CAP_ON(CAP_NLBUF))
			break;
		want = netlink_proto(b->args[0]);
		add_blob(b, i, 0, false, b->args[i], len, want && cs.size && cs.size < NL_COPY_MAX ?
			 NL_COPY_MAX : cs.size, len);
		if (want)
			add_blob(b, i, 1, false, 0, 0, 0, want - 1);
		break;
	case CAP_BUF_LENPTR:
		if (!CAP_ON(CAP_BUF_LENPTR))
			break;
		/* the socklen_t, into the low half of `want` (every arch here is little-endian):
		 * one stack slot less, the 6.1 verifier's 512-byte limit on the call chain is near */
		want = 0;
		if (len && bpf_probe_read_user(&want, 4, (void *)len) < 0)
			want = 0;
		add_blob(b, i, 0, false, b->args[i], want, cs.size, want);
		break;
	case CAP_FPROG:
	case CAP_FILTER_LENPTR:
		if (!CAP_ON(CAP_FPROG) && !CAP_ON(CAP_FILTER_LENPTR))
			break;
		cap_filter(b, i, cs.kind, len, cs.size | (__u64)cs.elem << 32);
		break;
	case CAP_BPF_ATTR:
		if (!CAP_ON(CAP_BPF_ATTR))
			break;
		add_blob(b, i, 0, false, b->args[i], len, cs.size, len);
		cap_bpf_refs(b, i);
		break;
	case CAP_REFS:
		if (!CAP_ON(CAP_REFS))
			break;
		add_blob(b, i, 0, false, b->args[i], cs.size, cs.size, cs.size);
		cap_bpf_refs(b, i);
		break;
	case CAP_IOCTL:
		if (!CAP_ON(CAP_IOCTL))
			break;
		cap_ioctl(b, i, len, cs.size);
		break;
	case CAP_ARRAY:
		if (!CAP_ON(CAP_ARRAY))
			break;
		want = len * cs.elem;
		add_blob(b, i, 0, false, b->args[i], want, cs.size, want);
		break;
	case CAP_STRV:
	case CAP_COUNTV:
		if (!CAP_ON(CAP_STRV) && !CAP_ON(CAP_COUNTV))
			break;
		cap_vector(b, i, cs.kind, cs.size);
		break;
	case CAP_FD:
		if (!CAP_ON(CAP_FD))
			break;
		/* only -y and -P plan fd captures: without them the verifier skips cap_fd */
		if (!cfg_decode_fds)
			break;
		if (i == FD_SLOT_RET) {
			if (b->ret >= 0)
				cap_fd(b, b->ret);
		} else if (i == FD_SLOT_PAIR && cs.size == BPF_ATTR_FDS) {
			/* bpf(2): the fds in union bpf_attr, one call each: no loop state */
			want = bpf_attr_fd(b, cs.elem, 0);
			if (!(want >> 32))
				cap_fd(b, (__s32)want);
			want = bpf_attr_fd(b, cs.elem, 1);
			if (!(want >> 32))
				cap_fd(b, (__s32)want);
			want = bpf_attr_fd(b, cs.elem, 2);
			if (!(want >> 32))
				cap_fd(b, (__s32)want);
			want = bpf_attr_fd(b, cs.elem, 3);
			if (!(want >> 32))
				cap_fd(b, (__s32)want);
		} else if (i == FD_SLOT_PAIR && cs.size == REF_FDV) {
			/* an array's fds, one call each: no loop state lives across cap_fd */
#pragma unroll
			for (int k = 0; k < REF_FDV_MAX; k++) {
				want = ref_fdv_fd(b, cs.elem, k);
				if (want >> 32)
					break;
				cap_fd(b, (__s32)want);
			}
		} else if (i == FD_SLOT_PAIR) {
			if (bpf_probe_read_user(&want, sizeof(want),
						(void *)(b->args[cs.elem & 7] + cs.size)) == 0) {
				cap_fd(b, (__s32)want);
				cap_fd(b, (__s32)(want >> 32));
			}
		} else {
			cap_fd(b, (__s32)b->args[i]);
		}
		break;
	case CAP_KEYCTL:
		if (!CAP_ON(CAP_KEYCTL))
			break;
		cap_keyctl(b, i, cs.size);
		break;
	case CAP_MSGHDR:
	case CAP_MMSG:
		if (!CAP_ON(CAP_MSGHDR) && !CAP_ON(CAP_MMSG))
			break;
		want = (cs.size & 0x3fffffff) | (cs.kind == CAP_MMSG ? MH_MMSG : 0) |
		       ((cs.flags & CAPF_RET_LEN) ? MH_RET : 0);
		len = cap_msghdr(b, i, len, want);
		if (len > 0)
			cap_msghdr_entry(b, i, 0, want);
		if (len > 1)
			cap_msghdr_entry(b, i, 1, want);
		break;
	case CAP_IOV:
		if (!CAP_ON(CAP_IOV))
			break;
		/* at exit of readv-like calls only `ret` bytes were filled */
		want = (cs.flags & CAPF_RET_LEN) ? (b->ret < 0 ? 0 : b->ret) : ~0ull;
		cap_iov(b, i, len, want, cs.size);
		break;
	}
	return 0;
}

__noinline long capture_one_enter(__u32 i, struct build *b)
{
	return capture_body(i, b, cfg_caps_enter);
}

__noinline long capture_one_exit(__u32 i, struct build *b)
{
	return capture_body(i, b, cfg_caps_exit);
}

/* The fixed part of a syscall record. */
/* the call's arguments: the ones saved at enter, or the registers */
static __always_inline void load_args(__u64 *dst, struct pt_regs *regs, const __u64 *saved,
				      __u32 nr)
{
	if (saved)
		bpf_probe_read_kernel(dst, BSTRACE_MAX_ARGS * sizeof(__u64), saved);
	else
		sc_read_args(regs, dst, nr);
}

static __always_inline void fill_hdr(struct sc_event_hdr *h, __u16 type, __u16 flags, __u32 nr,
				     __u64 ts_enter, __s64 ret, __u64 pid_tgid)
{
	h->ts_enter = ts_enter;
	/* a clock read costs: only when something prints or keeps the time */
	h->ts_exit = cfg_stamp ? bpf_ktime_get_boot_ns() : 0;
	h->ret = ret;
	h->tgid = pid_tgid >> 32;
	h->tid = (__u32)pid_tgid;
	h->nr = nr;
	h->type = type;
	h->flags = flags;
	h->len = sizeof(*h);
	h->nblobs = 0;
}

/*
 * Builds and submits one record; returns the arguments whose copy faulted. `ncap` == 0 takes
 * the reserve/submit path (no copy). The two paths share no test: a verifier before 6.2 does not
 * see that two `ncap == 0` tests agree and would follow a reservation that is never released.
 */
static __always_inline __u32 emit(__u16 type, __u16 flags, __u32 nr, __u32 ncap,
				  __u64 ts_enter, __s64 ret, struct pt_regs *regs, const __u64 *saved,
				  __u64 sp, __u32 refetch, __u64 pid_tgid, __u64 ip)
{
	__u32 enter = type == EV_ENTER;
	struct sc_event_hdr *h;

	if (lost_recs_pend)
		emit_lost(pid_tgid);
	if (ncap == 0 && !cfg_ip) {
		h = bpf_ringbuf_reserve(&events, sizeof(*h), 0);
		if (!h) {
			count_drop(nr < BSTRACE_NR_MAX ? nr : DROP_TASK_EVENTS, !enter);
			return 0;
		}
		fill_hdr(h, type, flags, nr, ts_enter, ret, pid_tgid);
		load_args(h->args, regs, saved, nr);
		bpf_ringbuf_submit(h, rb_flags());
		return 0;
	}

	struct build *b = build_slot(enter);

	h = scratch_slot(enter);
	if (!h || !b)
		return 0;
	fill_hdr(h, type, flags, nr, ts_enter, ret, pid_tgid);
	__builtin_memset(b, 0, sizeof(*b));
	b->nr = nr;
	b->enter = enter;
	b->entered = !!(flags & EVF_ENTERED);
	b->off = sizeof(*h);
	b->ret = ret;
	b->sp = sp;
	b->refetch = refetch;
	load_args(b->args, regs, saved, nr);
	__builtin_memcpy(h->args, b->args, sizeof(h->args));
	/* `ncap`: the argument slots up to the last one with a capture */
	/* calls, not a bpf_loop callback: one frame fewer on the stack chain (see builds) */
	for (__u32 i = 0; i < 8; i++) {	/* 8 slots: 6 arguments, the return fd, the fd pair */
		if (i >= ncap)
			break;
		if (enter ? capture_one_enter(i, b) : capture_one_exit(i, b))
			break;
	}
	if (cfg_ip)
		add_blob(b, IP_BLOB_ARG, 0, false, 0, 0, 0, ip);
	h = scratch_slot(enter);
	if (!h)
		return 0;
	h->len = b->off;
	h->nblobs = b->nblobs;
	if (bpf_ringbuf_output(&events, h, b->off > BSTRACE_SCRATCH ? BSTRACE_SCRATCH : b->off,
			       rb_flags()) < 0)
		count_drop(nr, !enter);
	return b->faults;
}

/*
 * On-CPU time of the current task, up to a constant: sum_exec_runtime - exec_start only changes
 * while the task is off the CPU (a tick adds to one what it moves the other), so the difference
 * of (that + now) across a syscall is the time it spent running inside it. Mixing the sched
 * clock with bpf_ktime is fine: only their (constant) offset enters, and it cancels.
 */
static __always_inline __u64 task_cpu_clock(struct task_struct *t, __u64 now)
{
	return t->se.sum_exec_runtime - t->se.exec_start + now;
}


static __always_inline bool comm_ok(void)
{
	char comm[16];
	int i;

	if (!cfg_comm[0])
		return true;
	bpf_get_current_comm(comm, sizeof(comm));
	for (i = 0; i < 16; i++) {
		if (comm[i] != cfg_comm[i])
			return false;
		if (!comm[i])
			break;
	}
	return true;
}

/* counting modes: is this task counted? `t`: its target entry (unused system-wide) */
static __always_inline bool count_filter(__u64 pid_tgid, struct target *t)
{
	if (cfg_all) {
		/* not bstrace itself, nor a task outside its pid namespace */
		if ((pid_tgid >> 32) == self_tgid || (cfg_pidns_ino && !pid_tgid))
			return false;
	} else if (!t) {
		return false;
	}
	return (!cfg_cgroup_id || bpf_get_current_cgroup_id() == cfg_cgroup_id) && comm_ok();
}

/* tracing: the current task's target entry; system-wide (bstraced) a shared stand-in */
static __always_inline struct target *trace_target(__u64 pid_tgid)
{
	if (cfg_all)
		return count_filter(pid_tgid, NULL) ? &all_target : NULL;
	return current_target(pid_tgid);
}

/* Flight recorder: appends one entry to the ring of a process; returns it (NULL: no ring). */
static __always_inline struct flight_ent *flight_put(__u32 tgid, __u32 tid, __u32 nr, __s64 ret,
						     __u64 *args, bool create)
{
	struct flight_ring *r = bpf_map_lookup_elem(&flight, &tgid);
	struct flight_ent *e;
	__u32 i, zero = 0;
	void *z;

	if (!r) {
		z = create ? bpf_map_lookup_elem(&flight_zero, &zero) : NULL;
		if (!z)
			return NULL;
		bpf_map_update_elem(&flight, &tgid, z, BPF_NOEXIST);
		r = bpf_map_lookup_elem(&flight, &tgid);
		if (!r)
			return NULL;
	}
	/* threads of one process may race here: at worst an entry is overwritten */
	i = r->head;
	if (i >= cfg_flight_n)
		i = 0;
	r->head = i + 1 < cfg_flight_n ? i + 1 : 0;
	if (r->used < cfg_flight_n)
		r->used++;
	e = &r->e[i];
	e->ts = bpf_ktime_get_boot_ns();
	__builtin_memcpy(e->args, args, sizeof(e->args));
	e->ret = ret;
	e->tid = tid;
	e->nr = nr;
	e->str_arg = FLIGHT_NO_STR;
	e->no_return = 0;
	return e;
}

/* ...and the head of the call's first string argument (a path, mostly), if it is readable */
static __always_inline void flight_str(struct flight_ent *e, __u32 nr, __u64 *args)
{
	struct sc_plan *p = bpf_map_lookup_elem(&plan, &nr);
	long n;
	int i;

	if (!p)
		return;
	for (i = 0; i < BSTRACE_MAX_ARGS; i++) {
		if (p->exit[i].kind != CAP_STR && p->enter[i].kind != CAP_STR)
			continue;
		n = bpf_probe_read_user_str(e->str, sizeof(e->str), (void *)args[i]);
		if (n > 0) {
			e->str_arg = i;
			e->str_len = n - 1;
			e->str_trunc = n == sizeof(e->str);
		}
		return;
	}
}

static __always_inline __u32 log2_bucket(__u64 v)
{
	__u32 r = 0;

	if (v >> 32) { v >>= 32; r += 32; }
	if (v >> 16) { v >>= 16; r += 16; }
	if (v >> 8) { v >>= 8; r += 8; }
	if (v >> 4) { v >>= 4; r += 4; }
	if (v >> 2) { v >>= 2; r += 2; }
	if (v >> 1) r += 1;
	return r < BSTRACE_HIST_BUCKETS ? r : BSTRACE_HIST_BUCKETS - 1;
}

static __always_inline void group_add(struct group_key *k, bool err, __u64 lat)
{
	struct group_val *v, zero = {};

	v = bpf_map_lookup_elem(&groups, k);
	if (!v) {
		bpf_map_update_elem(&groups, k, &zero, BPF_NOEXIST);
		v = bpf_map_lookup_elem(&groups, k);
		if (!v)
			return;
	}
	v->count++;
	v->errors += err;
	v->total_ns += lat;
}

static __always_inline void count_group(__u64 pid_tgid, __u32 nr, __s64 ret, bool err, __u64 lat)
{
	struct group_key k = {};

	if (cfg_group_nr)
		k.nr = nr;
	if (cfg_errno_rows && err) {
		struct group_key ek = { .id = -ret, .nr = nr, .kind = GROUP_ERRNO };

		group_add(&ek, err, lat);
	}

	k.kind = cfg_group;
	switch (cfg_group) {
	case GROUP_PROCESS:
		k.id = pid_tgid >> 32;
		bpf_get_current_comm(k.comm, sizeof(k.comm));
		break;
	case GROUP_COMM:
		bpf_get_current_comm(k.comm, sizeof(k.comm));
		break;
	case GROUP_CGROUP:
		k.id = bpf_get_current_cgroup_id();
		break;
	case GROUP_ERRNO:
		if (!err)
			return;
		k.id = -ret;
		break;
	default:
		return;
	}
	group_add(&k, err, lat);
}

/* Counting modes, at sys_exit: filter, then add to this CPU's row. No ring-buffer traffic. */
static __always_inline void count_exit(__u64 pid_tgid, __u32 nr, __s64 ret,
				       struct pending *pd, struct task_struct *task)
{
	bool err = is_error(ret);
	struct sc_stats *st;
	struct sc_plan *p;
	__u64 lat = 0;

	/* -e trace= (the enter already checked it when it ran) */
	if (cfg_select && !pd) {
		p = bpf_map_lookup_elem(&plan, &nr);
		if (!p || !(p->flags & PLAN_TRACE))
			return;
	}
	if (cfg_failed_only && !err)
		return;
	if (cfg_errno && ret != -(__s64)cfg_errno)
		return;
	if (pd) {
		/* wall time, or the on-CPU part of it: the two clocks are read at different
		 * points and the sched clock pauses for IRQs, so keep 0 <= cpu <= wall */
		__u64 now = bpf_ktime_get_ns();

		lat = now - pd->cts;
		if (!cfg_wall) {
			__s64 cpu = task_cpu_clock(task, now) - pd->cpu;

			lat = cpu < 0 ? 0 : (__u64)cpu < lat ? (__u64)cpu : lat;
		}
		pd->cnr1 = 0;
	}
	st = bpf_map_lookup_elem(&stats, &nr);
	if (!st)
		return;
	st->count++;
	st->errors += err;
	if (cfg_count_time) {
		st->total_ns += lat;
		if (!st->min_ns || lat < st->min_ns)
			st->min_ns = lat ? lat : 1;
		if (lat > st->max_ns)
			st->max_ns = lat;
		st->hist[log2_bucket(lat) & (BSTRACE_HIST_BUCKETS - 1)]++;
	}
	if (cfg_group != GROUP_NONE || cfg_errno_rows) {
		if (!pid_tgid)
			pid_tgid = cur_pid_tgid();
		count_group(pid_tgid, nr, ret, err, lat);
	}
}

/* Does this call get an EV_ENTER? Blocking calls only while another task may interleave. */
static __always_inline bool enter_rec(__u32 flags)
{
	return (flags & PLAN_ENTER_REC) ||
	       ((flags & PLAN_ENTER_BLOCKING) && cfg_interleave && live_tasks > 1);
}

/* Counting modes, at sys_enter: only the enter time, and only when latency is wanted. */
/* the call's index at sys_exit: a 32-bit call's from BSTRACE_COMPAT_BASE */
static __always_inline __u32 sc_exit_nr(struct pt_regs *regs)
{
	__u32 nr = SC_NR_EXIT(regs);

	if (nr < BSTRACE_NR_MAX && sc_compat(regs))
		nr = sc_compat_nr(nr);
	return nr;
}

static __always_inline bool is_exec_nr(__u32 nr)
{
	return nr == cfg_nr_execve || nr == cfg_nr_execveat || nr == cfg_nr_execve_c ||
	       nr == cfg_nr_execveat_c;
}

/* could this exit be an exec's that changed the personality? (then the enter says which) */
static __always_inline bool exec_switch_nr(__u32 nr)
{
	if (cfg_nr_execve_c == 0xffffffff)
		return false;
	return nr == cfg_exec_exit[0] || nr == cfg_exec_exit[1] || nr == cfg_exec_exit[2] ||
	       nr == cfg_exec_exit[3] || nr == cfg_exec_exit[4] || nr == cfg_exec_exit[5] ||
	       nr == cfg_exec_exit[6] || nr == cfg_exec_exit[7];
}

static __always_inline void count_enter(__u64 pid_tgid, __u32 nr, long id)
{
	struct task_struct *task;
	struct target *t = NULL;
	struct pending *pd;
	__u64 now;

	if (!cfg_count_time || (__u64)id >= BSTRACE_NR_MAX)
		return;
	if (!cfg_all && !maybe_target[(pid_tgid >> 32) & (MAYBE_SLOTS - 1)])
		return;
	if (sc_compat(user_regs())) {
		nr = sc_compat_nr(nr);
		if (nr >= BSTRACE_NR_MAX)
			return;
	}
	/* -e trace=: one byte per call, no plan lookup (execve ends a launched child's wait) */
	if (cfg_select && !count_wanted[nr & (BSTRACE_NR_MAX - 1)] && nr != cfg_nr_execve &&
	    nr != cfg_nr_execveat)
		return;
	task = bpf_get_current_task_btf();
	/* a task that already has a pending slot was admitted by an earlier call */
	pd = bpf_task_storage_get(&pending, task, 0, 0);
	if (!pd || cfg_all || cfg_cgroup_id) {
		t = cfg_all ? NULL : current_target(pid_tgid);
		if (!count_filter(pid_tgid, t))
			return;
		if (t && (t->flags & TGT_WAIT_EXEC)) {
			if (nr != cfg_nr_execve && nr != cfg_nr_execveat)
				return;
			t->flags &= ~TGT_WAIT_EXEC;
		}
	}
	if (cfg_select && !count_wanted[nr & (BSTRACE_NR_MAX - 1)])
		return;
	if (!pd)
		pd = bpf_task_storage_get(&pending, task, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!pd)
		return;
	now = bpf_ktime_get_ns();
	if (!cfg_wall)
		pd->cpu = task_cpu_clock(task, now);
	pd->cts = now;
	pd->cnr1 = nr + 1;
}

/*
 * Lossless mode: was this call cut short by a pause (the cgroup freezer), not by a signal? The
 * freezer makes the task's sleep end like a signal does; with no signal to handle, the kernel
 * restarts the call (ERESTARTSYS, ERESTARTNOINTR, ERESTARTNOHAND) or continues it as
 * restart_syscall (ERESTART_RESTARTBLOCK). The tracee never sees that, and nor does the trace.
 */
#define ERESTARTSYS		512
#define ERESTARTNOINTR		513
#define ERESTARTNOHAND		514
#define ERESTART_RESTARTBLOCK	516
#define JOBCTL_TRAP_FREEZE	(1ul << 23)	/* include/linux/sched/jobctl.h, since 5.2 */

static __always_inline bool paused_restart(__s64 ret)
{
	struct task_struct *task;
	__u64 sigs;

	if (!cfg_bp_high || ret < -ERESTART_RESTARTBLOCK || ret > -ERESTARTSYS ||
	    ret == -515)
		return false;
	task = bpf_get_current_task_btf();
	/* an unblocked signal may run a handler: then what happens is the signal's doing */
	sigs = (task->pending.signal.sig[0] |
		BPF_CORE_READ(task, signal, shared_pending.signal.sig[0])) & ~task->blocked.sig[0];
	if (sigs)
		return false;
	/* still frozen, or thawed just before this task got to run again */
	return (task->jobctl & JOBCTL_TRAP_FREEZE) ||
	       bpf_ktime_get_ns() - bp_thaw_ns < 100000000ull;
}

/* SIGKILL is pending: the task dies on its way out of this call */
static __always_inline bool killed(void)
{
	struct task_struct *task = bpf_get_current_task_btf();

	return task->pending.signal.sig[0] & (1ull << (9 - 1));
}

/*
 * -e inject=, at sys_enter: a call the notifier let through reaches here (an answered one does
 * not); its signal is made pending now, so that a blocking call is interrupted by it, as when
 * strace injects it at the syscall-enter stop. SEND_SIG_PRIV: si_code SI_KERNEL, as strace's.
 */
static __always_inline void inject_enter(__u64 pid_tgid, __u32 nr)
{
	__u32 tid = (__u32)pid_tgid;
	struct inject_mark *m;

	if (nr >= BSTRACE_NR_MAX || !inject_wanted[nr & (BSTRACE_NR_MAX - 1)] || !tid)
		return;
	m = bpf_map_lookup_elem(&injects, &tid);
	if (!m || m->nr != nr || (m->flags & INJM_ANSWERED) || !m->sig)
		return;
	bpf_send_signal_thread(m->sig);
	m->sig = 0;
}

/*
 * -e inject=, at sys_exit: the task's mark, if it is for this call, is used up here: the
 * signal of an answered call, and, when the call returns the value answered, the time the
 * notifier received it (bit 0 set: it is also the "injected" answer, one register for all);
 * bit 1: poke_enter=/poke_exit= wrote the task's memory.
 * A global function: its map key is not part of on_sys_exit's frame (the 6.1 verifier's
 * 512 bytes for the deepest chain).
 */
__noinline __u64 inject_exit(__u64 pid_tgid, __u32 nr, long ret)
{
	__u32 tid = (__u32)pid_tgid;
	struct inject_mark *m;
	__u64 ts = 0;

	if (nr >= BSTRACE_NR_MAX || !inject_wanted[nr & (BSTRACE_NR_MAX - 1)] || !tid)
		return 0;
	m = bpf_map_lookup_elem(&injects, &tid);
	if (!m || m->nr != nr)
		return 0;
	if (m->sig)
		bpf_send_signal_thread(m->sig);
	if ((m->flags & INJM_ANSWERED) && m->ret == ret)
		ts = (m->ts & ~3ull) | 1;
	if (m->flags & INJM_POKED)
		ts |= 2;
	bpf_map_delete_elem(&injects, &tid);
	return ts;
}

/*
 * One entry of a poke_spec: `i` a constant, so that the verifier sees data[i]'s bounds. The
 * length is bounded in the register the helper gets (6.1's verifier does not carry a bound
 * from a copy: len - 1 compared, then len rebuilt from it), the argument picked by a switch
 * (no variable offset into the stack).
 */
static __always_inline bool poke_one(const struct poke_spec *ps, struct pt_regs *regs,
				     __u32 mask, const int i)
{
	__u32 len = ps->len[i] - 1;
	__u64 addr;

	/* each entry on its own, as strace: one that fails does not stop the others */
	if (i >= ps->n || !(mask & (1u << i)) || len >= POKE_DATA_MAX)
		return false;
	barrier_var(len);
	len += 1;
	switch (ps->arg[i]) {
	case 0: addr = SC_ARG0(regs); break;
	case 1: addr = SC_ARG1(regs); break;
	case 2: addr = SC_ARG2(regs); break;
	case 3: addr = SC_ARG3(regs); break;
	case 4: addr = SC_ARG4(regs); break;
	case 5: addr = SC_ARG5(regs); break;
	default: return false;
	}
	return !bpf_probe_write_user((void *)addr, ps->data[i], len);
}

/*
 * -e inject=...:poke_exit=, at sys_exit, before on_sys_exit reads the call's results (attached
 * first: the tracepoint runs its programs in the order attached): writes the expression's data
 * at the addresses in the call's arguments (the entries the notifier found to be arguments of
 * the call), as strace does at its syscall-exit stop, and marks the call " (INJECTED: args)"
 * if a write succeeded. bpf_probe_write_user cannot fault pages in nor break copy-on-write:
 * such a write fails. Loaded only with poke_exit= (the helper needs CAP_SYS_ADMIN, is refused
 * under kernel lockdown and logs a warning when loaded).
 */
SEC("raw_tp/sys_exit")
int BPF_PROG(on_sys_exit_poke, struct pt_regs *unused, long ret)
{
	struct pt_regs *regs = user_regs();
	__u32 tid = (__u32)cur_pid_tgid(), nr = SC_NR_EXIT(regs), idx, mask;
	struct inject_mark *m;
	struct poke_spec *ps;
	bool done;

	if (nr >= BSTRACE_NR_MAX || !inject_wanted[nr & (BSTRACE_NR_MAX - 1)] || !tid)
		return 0;
	m = bpf_map_lookup_elem(&injects, &tid);
	if (!m || m->nr != nr || !m->poke)
		return 0;
	idx = m->poke - 1;
	mask = m->poke_mask;
	m->poke = 0;
	ps = bpf_map_lookup_elem(&pokes, &idx);
	if (!ps)
		return 0;
	_Static_assert(POKE_ARGS == 7, "poke_one calls");
	done = poke_one(ps, regs, mask, 0);
	done |= poke_one(ps, regs, mask, 1);
	done |= poke_one(ps, regs, mask, 2);
	done |= poke_one(ps, regs, mask, 3);
	done |= poke_one(ps, regs, mask, 4);
	done |= poke_one(ps, regs, mask, 5);
	done |= poke_one(ps, regs, mask, 6);
	if (done)
		m->flags |= INJM_POKED;
	return 0;
}

/*
 * The attach check (user/loader.c, check_attach): right after attaching, bstrace sets
 * probe_tgid to its own tgid and makes a syscall; each program marks that it ran. Its own
 * section (a map of its own), so the hot path reads a line nobody writes once the check is done.
 */
__u32 probe_tgid SEC(".data.probe") = 0;
__u32 probe_seen SEC(".data.probe") = 0;

static __always_inline void probe_mark(__u32 bit)
{
	if (probe_tgid && cur_pid_tgid() >> 32 == probe_tgid)
		probe_seen |= bit;	/* one thread probes: no lost update */
}

SEC("raw_tp/sys_enter")
int BPF_PROG(on_sys_enter, struct pt_regs *unused, long id)
{
	__u64 pid_tgid = cur_pid_tgid();
	struct pt_regs *regs;
	struct target *t = NULL;
	struct pending *pd;
	struct sc_plan *p;
	__u32 nr = id;
	bool rec;

	probe_mark(PROBE_ENTER);
	if (cfg_inject)
		inject_enter(pid_tgid, nr);
	if (cfg_count) {
		count_enter(pid_tgid, nr, id);
		if (!cfg_stream)
			return 0;
	}
	/* most calls have nothing to do at enter: decided before any map lookup (enter_wanted[]
	 * covers a 32-bit call's number too) */
	if ((__u64)id >= BSTRACE_NR_MAX || !enter_wanted[nr & (BSTRACE_NR_MAX - 1)])
		return 0;
	regs = user_regs();
	if (sc_compat(regs)) {
		nr = sc_compat_nr(nr);
		if (nr >= BSTRACE_NR_MAX)
			return 0;
	}
	/* the continuation of a call a pause interrupted: its enter is the original one */
	if (cfg_bp_high && nr == cfg_nr_restart) {
		pd = bpf_task_storage_get(&pending, bpf_get_current_task_btf(), 0, 0);
		if (pd && pd->restart == PD_RESTART_BLOCK)
			return 0;
	}
	p = bpf_map_lookup_elem(&plan, &nr);
	if (!p)
		return 0;
	/* a blocking call of a lone task has no work here: skip the target lookup too */
	rec = enter_rec(p->flags);
	if (!cfg_timed && !rec && nr != cfg_nr_execve && nr != cfg_nr_execveat)
		return 0;
	t = trace_target(pid_tgid);
	if (!t)
		return 0;
	if (t->flags & TGT_WAIT_EXEC) {
		/* the launched child: its execve is the first traced call */
		if (nr != cfg_nr_execve && nr != cfg_nr_execveat)
			return 0;
		t->flags &= ~TGT_WAIT_EXEC;
	}
	if (!(p->flags & PLAN_TRACE) || (!cfg_timed && !rec))
		return 0;
	/* the exit record of a call whose enter record went out is never refused */
	if (rec && !rate_ok())
		return 0;

	/* remember the call in flight for sys_exit */
	pd = bpf_task_storage_get(&pending, bpf_get_current_task_btf(), 0,
				  BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!pd)
		return 0;
	if (pd->restart == PD_RESTART_SAME && pd->nr1 == nr + 1) {
		/* restarted after a pause: the call goes on, with its first enter */
		pd->restart = 0;
		return 0;
	}
	pd->restart = 0;
	pd->ts = bpf_ktime_get_boot_ns();
	pd->nr1 = nr + 1;
	pd->rec = rec;
	pd->faults = 0;
	if (!rec)
		return 0;
	if (!(p->flags & PLAN_ENTER_REC) && !blocking_enters)
		blocking_enters = 1;
	sc_read_args(regs, pd->args, nr);
	pd->ip = cfg_ip ? SC_IP(regs) : 0;
	pd->faults = emit(EV_ENTER, EVF_TIMED, nr, p->ncap_enter, pd->ts, 0, regs, pd->args, SC_SP(regs),
			  0, pid_tgid, pd->ip);
	return 0;
}

/*
 * Counting modes, at sys_exit; the flight recorder takes every counted call.
 * A global function: its stack is not part of on_sys_exit's frame, whose trace path calls deep
 * (the 6.1 verifier allows 512 bytes for the whole chain). The flight recorder reads the
 * arguments from the task's registers.
 */
__noinline int count_on_exit(__u64 pid_tgid, long ret, __u32 nr)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct pending *pd = NULL;
	struct pt_regs *regs;
	struct target *t;
	__u64 args[BSTRACE_MAX_ARGS];

	if (cfg_count_time) {
		/* the enter record is the filter: only counted tasks have one (pid_tgid is 0 here
		 * when counting only: read when a group row needs it) */
		pd = bpf_task_storage_get(&pending, task, 0, 0);
		if (!pd)
			return 0;
		/* rt_sigreturn replaced the number register: the enter knows the call */
		if (nr >= BSTRACE_NR_MAX && pd->cnr1 && pd->cnr1 <= BSTRACE_NR_MAX) {
			nr = pd->cnr1 - 1;
		} else if (pd->cnr1 != nr + 1) {
			/* not the register's number: a 32-bit call (its index), or an exec that
			 * changed the personality (its exit has the other numbering) */
			regs = (void *)bpf_task_pt_regs(task);
			if (nr < BSTRACE_NR_MAX && sc_compat(regs))
				nr = sc_compat_nr(nr);
			if (exec_switch_nr(nr) && pd->cnr1 && is_exec_nr(pd->cnr1 - 1))
				nr = pd->cnr1 - 1;
		}
		if (pd->cnr1 != nr + 1)
			return 0;
	} else if (nr >= BSTRACE_NR_MAX) {
		return 0;
	} else {
		if (!pid_tgid)
			pid_tgid = cur_pid_tgid();
		t = cfg_all ? NULL : current_target(pid_tgid);
		if (!count_filter(pid_tgid, t) || (t && (t->flags & TGT_WAIT_EXEC)))
			return 0;
		if (sc_compat((void *)bpf_task_pt_regs(task)))
			nr = sc_compat_nr(nr);
		if (nr >= BSTRACE_NR_MAX)
			return 0;
	}
	count_exit(pid_tgid, nr, ret, pd, task);
	if (cfg_flight_n) {
		struct flight_ent *e;

		if (!pid_tgid)
			pid_tgid = cur_pid_tgid();
		regs = (void *)bpf_task_pt_regs(task);
		sc_read_args(regs, args, nr);
		e = flight_put(pid_tgid >> 32, (__u32)pid_tgid, nr, ret, args, true);
		if (e)
			flight_str(e, nr, args);
	}
	return 0;
}

#if defined(__TARGET_ARCH_x86)
#define STACK_NREGS	21	/* r15 ... ss: the user ABI's struct pt_regs */
#elif defined(__TARGET_ARCH_arm64)
#define STACK_NREGS	34	/* user_pt_regs */
#else
#define STACK_NREGS	32	/* user_regs_struct */
#endif
_Static_assert(STACK_NREGS <= STACK_REGS, "stack_rec.regs too small");

/* the start of a record: header and registers (args[0] = sp, args[1] = the data's size) */
static __always_inline void stack_head(struct stack_rec *r, __u64 regs, __u32 nr,
				       __u64 pid_tgid, __u64 sp, __u32 size)
{
	fill_hdr(&r->h, EV_STACK, 0, nr, 0, 0, pid_tgid);
	r->h.len = sizeof(*r) + size;
	r->h.args[0] = sp;
	r->h.args[1] = size;
	if (bpf_probe_read_kernel(r->regs, STACK_NREGS * sizeof(__u64), (void *)regs))
		__builtin_memset(r->regs, 0, sizeof(r->regs));
}

/*
 * A stack pointer on the main thread's stack needs no more than up to mm->start_stack (where
 * argc is: _start's frame, the outermost, ends there) and a little more: typically a few
 * hundred bytes, where --stack-trace-size copies 8 KiB. Such a stack goes in a record of the
 * smallest of these sizes that holds it, copied exactly; SMALL(n) is one size.
 */
#define STACK_SLACK	64
#define STACK_SMALL(n)								\
	if (want <= (n) && (n) < cfg_stack) {					\
		r = bpf_ringbuf_reserve(&events, sizeof(*r) + (n), 0);		\
		if (!r)								\
			goto drop;						\
		stack_head(r, regs, nr, pid_tgid, sp, (n));			\
		len = want;							\
		barrier_var(len);	/* the verifier must see the bound */	\
		if (len > (n))							\
			len = (n);						\
		r->h.ret = bpf_probe_read_user(r->data, len, (void *)sp) ? 0 : len; \
		bpf_ringbuf_submit(r, 0);					\
		return 0;							\
	}

/*
 * -k: the registers and the stack of this call, for the userspace unwinder (struct stack_rec).
 * The call's EV_SYSCALL follows from the same task, so userspace pairs them by tid and nr. A
 * stack pointer near the top of its mapping cannot give the whole size: then the copy goes page
 * by page as far as the mapping does.
 */
__noinline long emit_stack_of_current(__u32 nr, __u64 pid_tgid)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct pt_regs *uregs = (struct pt_regs *)bpf_task_pt_regs(task);
	__u64 sp, top, len, regs = (__u64)uregs;
	__u32 want = cfg_stack;
	struct stack_rec *r;

	if (!uregs)
		return 0;
	sp = SC_SP(uregs);

	top = BPF_CORE_READ(task, mm, start_stack);
	if (top > sp && top - sp <= cfg_stack - STACK_SLACK)
		want = top - sp + STACK_SLACK;
	STACK_SMALL(512)
	STACK_SMALL(1024)
	STACK_SMALL(2048)
	STACK_SMALL(4096)

	r = bpf_ringbuf_reserve(&events, sizeof(*r) + cfg_stack, 0);
	if (!r)
		goto drop;
	stack_head(r, regs, nr, pid_tgid, sp, cfg_stack);
	r->h.ret = 0;
	if (bpf_probe_read_user(r->data, cfg_stack, (void *)sp) == 0) {
		r->h.ret = cfg_stack;
	} else {
		/* the mapping ends sooner: up to the page of sp, then page by page */
		__u32 off = 4096 - (sp & 4095), i;

		if (off > cfg_stack)
			off = cfg_stack;
		if (bpf_probe_read_user(r->data, off, (void *)sp) == 0) {
			for (i = 0; i < STACK_MAX / 4096 && cfg_stack >= 4096; i++) {
				if (off > cfg_stack - 4096 ||
				    bpf_probe_read_user(r->data + off, 4096, (void *)(sp + off)))
					break;
				off += 4096;
			}
			r->h.ret = off;
		}
	}
	bpf_ringbuf_submit(r, 0);
	return 0;
drop:
	count_drop(DROP_TASK_EVENTS, false);
	return 0;
}
#undef STACK_SMALL

/* the user registers are the current task's (those sys_exit passes are the same); a global
 * function, so that its stack is not on the captures' call chain (6.1: 512 bytes in all) */
static __always_inline void emit_stack(__u32 nr, __u64 pid_tgid)
{
	emit_stack_of_current(nr, pid_tgid);
}

SEC("raw_tp/sys_exit")
int BPF_PROG(on_sys_exit, struct pt_regs *unused, long ret)
{
	struct pt_regs *regs;
	__u64 pid_tgid;
	struct target *t;
	struct pending *pd = NULL;
	const __u64 *saved;
	__u64 ts = 0;
	__u16 flags = 0, poked = 0;
	__u32 refetch = 0;
	struct sc_plan *p;
	struct pending *rpd = NULL;	/* restart_syscall continuing a paused call */
	__u64 ip;
	__u32 nr;

	probe_mark(PROBE_EXIT);
	/* -e inject=: the mark of this task's call, used up before any filter (an untraced
	 * syscall's signal is delivered too); an answered call's start goes to ts */
	if (cfg_inject) {
		ts = inject_exit(cur_pid_tgid(), SC_NR_EXIT(user_regs()), ret);
		poked = ts & 2 ? EVF_POKED : 0;
		ts = ts & 1 ? ts & ~2ull : 0;
	}
	if (cfg_count) {
		/* counting only: the task's ids are read when needed (the pending enter filters);
		 * the register's number: count_on_exit finds a 32-bit call's index */
		count_on_exit(cfg_stream ? cur_pid_tgid() : 0, ret, SC_NR_EXIT(user_regs()));
		if (!cfg_stream)
			return 0;
		pd = NULL;
	}
	pid_tgid = cur_pid_tgid();
	t = trace_target(pid_tgid);
	if (!t || (t->flags & TGT_WAIT_EXEC))
		return 0;
	regs = user_regs();
	nr = sc_exit_nr(regs);
	if (nr >= BSTRACE_NR_MAX) {
		/* rt_sigreturn restored the registers, syscall number included: ask the enter */
		pd = bpf_task_storage_get(&pending, bpf_get_current_task_btf(), 0, 0);
		if (!pd || !pd->nr1 || pd->nr1 > BSTRACE_NR_MAX)
			return 0;
		nr = pd->nr1 - 1;
		/* looked up again below if needed: one state fewer for the verifier to follow */
		pd = NULL;
	} else if (exec_switch_nr(nr)) {
		/* an exec that changed the personality: the enter knows the call */
		pd = bpf_task_storage_get(&pending, bpf_get_current_task_btf(), 0, 0);
		if (pd && pd->nr1 && is_exec_nr(pd->nr1 - 1))
			nr = pd->nr1 - 1;
		pd = NULL;
	}
	if (cfg_bp_high && nr == cfg_nr_restart) {
		/* the end of a call a pause interrupted (nanosleep, poll...): shown as that call */
		rpd = bpf_task_storage_get(&pending, bpf_get_current_task_btf(), 0, 0);
		if (rpd && rpd->restart == PD_RESTART_BLOCK && rpd->nr1 && rpd->nr1 <= BSTRACE_NR_MAX) {
			nr = rpd->nr1 - 1;
			rpd->restart = 0;
		} else {
			rpd = NULL;
		}
	}
	p = bpf_map_lookup_elem(&plan, &nr);
	if (!p || !(p->flags & PLAN_TRACE))
		return 0;
	if (ts) {
		/* answered by the notifier (ts: when it received the call, set only by -e inject=
		 * above): no sys_enter ran, the registers are the call's */
		flags = EVF_INJECTED | EVF_TIMED;
		goto out;
	}
	if (paused_restart(ret)) {
		/* no line: the kernel restarts the call, its end is what the trace shows */
		pd = bpf_task_storage_get(&pending, bpf_get_current_task_btf(), 0,
					  ret == -ERESTART_RESTARTBLOCK ?
						  BPF_LOCAL_STORAGE_GET_F_CREATE : 0);
		if (!pd)
			return 0;
		if (pd->nr1 != nr + 1) {
			if (ret != -ERESTART_RESTARTBLOCK)
				return 0;
			/* restart_syscall must learn which call it continues */
			pd->nr1 = nr + 1;
			pd->ts = bpf_ktime_get_boot_ns();
			pd->rec = 0;
			pd->faults = 0;
			sc_read_args(regs, pd->args, nr);
			pd->ip = cfg_ip ? SC_IP(regs) : 0;
		}
		pd->restart = ret == -ERESTART_RESTARTBLOCK ? PD_RESTART_BLOCK : PD_RESTART_SAME;
		return 0;
	}

	/* a blocking call may have had an EV_ENTER even if the other tasks are gone by now
	 * (none can have had one while a lone task was traced: no lookup then) */
	if (cfg_timed || (p->flags & PLAN_ENTER_REC) ||
	    ((p->flags & PLAN_ENTER_BLOCKING) && cfg_interleave && blocking_enters)) {
		pd = bpf_task_storage_get(&pending, bpf_get_current_task_btf(), 0, 0);
		if (pd && pd->nr1 == nr + 1) {
			ts = pd->ts;
			flags = EVF_TIMED | (pd->rec ? EVF_ENTERED : 0);
			refetch = pd->faults;
			pd->nr1 = 0;
			pd->restart = 0;
		} else if (p->flags & PLAN_ENTER_REC) {
			/* no enter seen: a new child returning from clone, or attached mid-call */
			return 0;
		}
	}
	/* a call cut short by SIGKILL never returns: strace shows "= ?" (the exit event prints a
	 * held enter that way; without one, the flag says it) */
	if (ret <= -ERESTARTSYS && ret >= -ERESTART_RESTARTBLOCK && killed()) {
		if (flags & EVF_ENTERED)
			return 0;
		flags |= EVF_KILLED;
	}
out:
	flags |= poked;
	if ((p->flags & PLAN_FAILED_ONLY) && !is_error(ret))
		return 0;
	if ((p->flags & PLAN_OK_ONLY) && is_error(ret))
		return 0;
	if (!(flags & EVF_ENTERED) && !rate_ok())
		return 0;

	/* execve and rt_sigreturn replace the registers: the ones saved at enter; restart_syscall's
	 * registers are not the call's */
	saved = NULL;
	ip = cfg_ip ? SC_IP(regs) : 0;
	if (pd && (flags & EVF_ENTERED)) {
		saved = pd->args;
		ip = pd->ip;
	}
	if (rpd) {
		saved = rpd->args;
		ip = rpd->ip;
		rpd->nr1 = 0;
	}
	/* -k: a successful exec's registers are the new program's (strace prints its entry) */
	if (cfg_stack && !(flags & EVF_KILLED))
		emit_stack(nr, pid_tgid);
	emit(EV_SYSCALL, flags, nr, p->ncap_exit, ts, ret, regs, saved, 0, refetch, pid_tgid, ip);
	return 0;
}

/* Process lifecycle and signals: small header-only records (args carry the payload). */
static __always_inline void emit_task_event(__u16 type, __u16 flags, __u32 tgid, __u32 tid,
					    __u32 nr, __s64 ret, __u64 *args, __u64 ip)
{
	struct sc_event_hdr *h;

	if (lost_recs_pend)
		emit_lost(((__u64)tgid << 32) | tid);
	h = bpf_ringbuf_reserve(&events, sizeof(*h), 0);
	if (!h) {
		count_drop(DROP_TASK_EVENTS, false);
		return;
	}
	__builtin_memset(h, 0, sizeof(*h));
	h->ts_exit = bpf_ktime_get_boot_ns();
	/* EVF_IP: the slot holds the instruction pointer instead */
	h->ts_enter = (flags & EVF_IP) ? ip : h->ts_exit;
	if (args)
		__builtin_memcpy(h->args, args, sizeof(h->args));
	h->ret = ret;
	h->tgid = tgid;
	h->tid = tid;
	h->nr = nr;
	h->type = type;
	h->flags = flags;
	h->len = sizeof(*h);
	bpf_ringbuf_submit(h, BPF_RB_FORCE_WAKEUP);
}

SEC("raw_tp/sched_process_fork")
int BPF_PROG(on_fork, struct task_struct *parent, struct task_struct *child)
{
	__u32 ptgid = task_tgid(parent), ctgid = task_tgid(child), cpid = task_tid(child);
	struct target *t = bpf_map_lookup_elem(&targets, &ptgid);
	struct target nt = {};
	bool thread = ptgid == ctgid;

	if (!t || !cfg_follow)
		return 0;
	if (t->only_tid && t->only_tid != task_tid(parent))
		return 0;
	__sync_fetch_and_add(&live_tasks, 1);
	/* add the child before it runs, so its first syscall is traced */
	if (!thread)
		bpf_map_update_elem(&targets, &ctgid, &nt, BPF_ANY);
	maybe_target[ctgid & (MAYBE_SLOTS - 1)] = 1;
	emit_task_event(EV_FORK, thread ? EVF_THREAD : 0, ptgid, task_tid(parent), ctgid, cpid,
			NULL, 0);
	return 0;
}

/*
 * The last thread of a process with a flight-recorder ring is exiting: a clean exit frees the
 * ring, a failure or a fatal signal tells userspace to print it.
 */
static __always_inline void flight_exit(struct task_struct *p)
{
	__u32 tgid = task_tgid(p), tid = task_tid(p);
	__u64 a[BSTRACE_MAX_ARGS] = {};

	if (BPF_CORE_READ(p, signal, live.counter) != 0 || !bpf_map_lookup_elem(&flight, &tgid))
		return;
	if (p->exit_code == 0) {
		bpf_map_delete_elem(&flight, &tgid);
		return;
	}
	/* a plain exit comes from inside exit/exit_group (p is current): the call that never
	 * returns ends the ring, as strace's trace ends with it. After a fatal signal the
	 * syscall-number register says nothing reliable (a fault's error code on x86). */
	if (!(p->exit_code & 0x7f) &&
	    bpf_core_enum_value_exists(enum bpf_func_id, BPF_FUNC_task_pt_regs)) {
		struct pt_regs *regs = (struct pt_regs *)bpf_task_pt_regs(p);
		__u32 nr = SC_NR(regs);
		struct sc_plan *sp;
		struct flight_ent *e;

		if (sc_compat(regs))
			nr = sc_compat_nr(nr);
		sp = bpf_map_lookup_elem(&plan, &nr);
		if (sp && (sp->flags & PLAN_NO_RETURN)) {
			sc_read_args(regs, a, nr);
			e = flight_put(tgid, tid, nr, 0, a, false);
			if (e)
				e->no_return = 1;
			__builtin_memset(a, 0, sizeof(a));
		}
	}
	bpf_probe_read_kernel_str(a, 16, p->comm);
	emit_task_event(EV_FLIGHT, 0, tgid, tid, 0, p->exit_code, a, 0);
}

SEC("raw_tp/sched_process_exit")
int BPF_PROG(on_exit, struct task_struct *exiting)
{
	/* do_exit() reports the current task: as a BTF pointer, its fields load directly */
	struct task_struct *p = bpf_get_current_task_btf();
	__u32 tgid = task_tgid(p), tid = task_tid(p);
	__u64 a[BSTRACE_MAX_ARGS] = {};
	struct task_struct *exec;
	struct target *t;

	if (cfg_flight_n)
		flight_exit(p);
	t = bpf_map_lookup_elem(&targets, &tgid);

	if (!t || (t->only_tid && t->only_tid != tid))
		return 0;
	__sync_fetch_and_add(&live_tasks, -1);
	/* a leader killed because another thread execs: that thread takes over its pid.
	 * Pointers are read with BPF_CORE_READ, not loaded through p: the verifier (6.4+) looks
	 * up "<struct>__safe_trusted" by a linear search of the kernel's BTF at every direct load
	 * of a pointer from a trusted one, for every state that reaches it (start-up time). */
	exec = BPF_CORE_READ(p, signal, group_exec_task);
	if (tid == tgid && exec && (__u64)exec != (__u64)p) {
		a[0] = task_tid(exec);
		emit_task_event(EV_EXIT, EVF_SUPERSEDED, tgid, tid, 0, p->exit_code, a, 0);
		return 0;
	}
	emit_task_event(EV_EXIT, 0, tgid, tid, 0, p->exit_code, NULL, 0);
	/* the last thread of a followed child takes the process out of the set (the launched one
	 * stays for -p/launch); not its leader: other threads may go on, one may exec */
	if (cfg_follow && BPF_CORE_READ(p, signal, live.counter) == 0)
		bpf_map_delete_elem(&targets, &tgid);
	return 0;
}

/*
 * After a successful exec, argv is in the new program's stack: the kernel wrote the pointers
 * (after argc at mm->start_stack) and the strings there, so they are readable even when the
 * caller's copies were in pages it had never touched (string literals of a fresh binary), which
 * the enter copy cannot fault in. The record carries them as execve's (or execveat's) blobs:
 * the pathname as the kernel has it, and argv as CAP_STRV does.
 */
static __always_inline void emit_exec(struct task_struct *p, struct linux_binprm *bprm,
				      pid_t old_pid)
{
	struct pending *pd = bpf_task_storage_get(&pending, p, 0, 0);
	__u64 pid_tgid = (__u64)task_tgid(p) << 32 | task_tid(p);
	struct sc_event_hdr *h = scratch_slot(2);
	struct build *b = build_slot(2);
	struct sc_blob *bl;
	struct sc_plan *pl;
	__u32 nr = cfg_nr_execve, arg;
	long n;

	if (!h || !b)
		return;
	__builtin_memset(b, 0, sizeof(*b));
	b->enter = 2;
	if (pd && pd->nr1 && is_exec_nr(pd->nr1 - 1))
		nr = pd->nr1 - 1;
	pl = bpf_map_lookup_elem(&plan, &nr);
	if (!pl)
		return;
	arg = nr == cfg_nr_execveat || nr == cfg_nr_execveat_c ? 2 : 1;
	fill_hdr(h, EV_EXEC, 0, nr, 0, old_pid, pid_tgid);
	__builtin_memset(h->args, 0, sizeof(h->args));
	bl = (void *)(h + 1);
	n = bpf_probe_read_kernel_str(bl + 1, BSTRACE_PATH_MAX, BPF_CORE_READ(bprm, filename));
	bl->arg = arg - 1;
	bl->sub = 0;
	bl->full = 0;
	bl->flags = n < 0 ? BLOBF_FAULT : BLOBF_STR;
	bl->len = n > 0 ? n - 1 : 0;
	b->off = sizeof(*h) + sizeof(*bl) + ((bl->len + 7) & ~7u);
	b->nblobs = 1;
	b->args[arg & 7] = BPF_CORE_READ(p, mm, start_stack) + 8;
	/* a 32-bit side (the caller or the new program) has 4-byte pointers: argv is then the
	 * enter's copy alone */
	if (nr < BSTRACE_COMPAT_BASE && !sc_compat((struct pt_regs *)bpf_task_pt_regs(p)))
		cap_vector(b, arg, CAP_STRV, pl->enter[arg & 7].size);
	h = scratch_slot(2);
	if (!h)
		return;
	h->len = b->off;
	h->nblobs = b->nblobs;
	if (lost_recs_pend)
		emit_lost(pid_tgid);
	if (bpf_ringbuf_output(&events, h, b->off > BSTRACE_SCRATCH ? BSTRACE_SCRATCH : b->off,
			       BPF_RB_FORCE_WAKEUP) < 0)
		count_drop(DROP_TASK_EVENTS, false);
}

/* an exec that raised the task's privileges: set-user-ID, set-group-ID, file capabilities */
static __always_inline bool exec_privileged(struct task_struct *p)
{
	const struct cred *c = BPF_CORE_READ(p, cred);
	__u64 caps = 0;

	/* kernel_cap_t is 8 bytes: __u32[2] before 6.3, a __u64 since */
	bpf_probe_read_kernel(&caps, sizeof(caps), &c->cap_permitted);
	return BPF_CORE_READ(c, euid.val) != BPF_CORE_READ(c, uid.val) ||
	       BPF_CORE_READ(c, egid.val) != BPF_CORE_READ(c, gid.val) ||
	       (BPF_CORE_READ(c, uid.val) != 0 && caps);
}

SEC("raw_tp/sched_process_exec")
int BPF_PROG(on_exec, struct task_struct *execing, pid_t old_pid, struct linux_binprm *bprm)
{
	/* exec_binprm() reports the current task */
	struct task_struct *p = bpf_get_current_task_btf();
	__u32 tgid = task_tgid(p);
	struct target *t = bpf_map_lookup_elem(&targets, &tgid);

	if (!t)
		return 0;
	/* a caller that is not root sees no more of it than ptrace would: nothing */
	if (cfg_limited && exec_privileged(p)) {
		bpf_map_delete_elem(&targets, &tgid);
		emit_task_event(EV_EXIT, EVF_UNTRACED, tgid, task_tid(p), 0, 0, NULL, 0);
		return 0;
	}
	/* a non-leader thread that execs takes over the leader's pid; old_pid is the global one,
	 * which means nothing in another namespace (there the takeover is not followed) */
	if (cfg_pidns_ino)
		old_pid = task_tid(p);
	if (cfg_count) {
		emit_task_event(EV_EXEC, 0, tgid, task_tid(p), 0, old_pid, NULL, 0);
		return 0;
	}
	emit_exec(p, bprm, old_pid);
	return 0;
}

/*
 * Signals with the default action "terminate" (no core dump). An unblocked one kills the
 * process at generation: it never reaches signal_deliver, so it is shown from signal_generate.
 */
#define SIGS_TERM_DFL                                                                     \
	((1ull << (1 - 1)) | (1ull << (2 - 1)) | (1ull << (10 - 1)) | (1ull << (12 - 1)) |  \
	 (1ull << (13 - 1)) | (1ull << (14 - 1)) | (1ull << (15 - 1)) | (1ull << (16 - 1)) | \
	 (1ull << (26 - 1)) | (1ull << (27 - 1)) | (1ull << (29 - 1)) | (1ull << (30 - 1)) | \
	 0xffffffff00000000ull)

static __always_inline bool killed_at_generation(struct task_struct *task, int sig)
{
	__u64 bit = 1ull << ((sig - 1) & 63);

	if (sig < 1 || sig > 64 || !(SIGS_TERM_DFL & bit) || (BPF_CORE_READ(task, blocked.sig[0]) & bit))
		return false;
	/* action[sig - 1].sa.sa_handler, addressed as a scalar: no variable offsets on BTF pointers */
	__u64 addr = (__u64)BPF_CORE_READ(task, sighand) +
		     bpf_core_field_offset(struct sighand_struct, action) +
		     ((sig - 1) & 63) * bpf_core_type_size(struct k_sigaction);
	__u64 handler = 1;

	bpf_probe_read_kernel(&handler, sizeof(handler), (void *)addr);
	return handler == 0;
}

/*
 * The user ip of a task that may be another than the current one (a raw tracepoint's task is a
 * plain number, bpf_task_pt_regs() wants a BTF pointer): its registers sit at the same offset
 * from its kernel stack as the current task's from its own, on every architecture.
 */
static __always_inline __u64 task_user_ip(struct task_struct *task, bool self)
{
	struct task_struct *cur = bpf_get_current_task_btf();
	__u64 ip = 0, mine = (__u64)bpf_task_pt_regs(cur), at = 0;
	struct pt_regs *r;

	if (self)
		return SC_IP(user_regs());
	/* the address as a number (a copy): the verifier allows no arithmetic on the pointer */
	if (bpf_probe_read_kernel(&at, sizeof(at), &mine))
		return 0;
	r = (struct pt_regs *)((__u64)BPF_CORE_READ(task, stack) + (at - (__u64)cur->stack));
	bpf_probe_read_kernel(&ip, sizeof(ip), &SC_IP(r));
	return ip;
}

static __always_inline void signal_event(struct task_struct *task, int sig,
					 struct kernel_siginfo *info, __u16 flags)
{
	__u32 tgid = task_tgid(task), tid = task_tid(task);
	struct target *t = bpf_map_lookup_elem(&targets, &tgid);
	__u64 a[BSTRACE_MAX_ARGS] = {};
	bool self;

	if (!cfg_flight_n && (cfg_count || !t || (t->only_tid && t->only_tid != tid)))
		return;
	self = (__u64)task == (__u64)bpf_get_current_task_btf();
	/* the siginfo fields strace prints, raw: the union is decoded by userspace */
	if (info && (unsigned long)info > 2) {
		bpf_probe_read_kernel(a, BSTRACE_SIGINFO_SIZE, info);
	} else if ((unsigned long)info == 1) {
		/* SEND_SIG_PRIV (bpf_send_signal_thread for -e inject=...:signal=): the kernel's
		 * siginfo is {si_signo, si_code=SI_KERNEL} */
		a[0] = (__u32)sig;
		a[1] = 0x80;
	}
	/* into the ring of a process that has one (its own calls created it) */
	if (cfg_flight_n)
		flight_put(tgid, tid, FLIGHT_SIGNAL, sig, a, false);
	if (cfg_count || !t || (t->only_tid && t->only_tid != tid))
		return;
	/* -k: strace prints the stack under a delivered signal's line too */
	if (cfg_stack && !(flags & EVF_DEFER) && self)
		emit_stack(STACK_NR_SIGNAL, (__u64)tgid << 32 | tid);
	emit_task_event(EV_SIGNAL, flags | (cfg_ip ? EVF_IP : 0), tgid, tid, 0, sig, a,
			cfg_ip ? task_user_ip(task, self) : 0);
}

SEC("raw_tp/signal_deliver")
int BPF_PROG(on_signal_deliver, int sig, struct kernel_siginfo *info, struct k_sigaction *ka)
{
	struct task_struct *task = bpf_get_current_task_btf();

	/* shown at generation instead (below) */
	if (BPF_CORE_READ(ka, sa.sa_handler) == NULL && sig >= 1 && sig <= 64 &&
	    (SIGS_TERM_DFL & (1ull << ((sig - 1) & 63))))
		return 0;
	signal_event(task, sig, info, 0);
	return 0;
}

/*
 * Signals strace sees but signal_deliver does not: ones the task ignores (ptrace makes them
 * visible) and unblocked default-terminate ones (the kernel kills without delivering). A task
 * asleep or sending to itself is inside a syscall: userspace shows the signal after it.
 */
SEC("raw_tp/signal_generate")
int BPF_PROG(on_signal_generate, int sig, struct kernel_siginfo *info, struct task_struct *task,
	     int group, int result)
{
	__u16 flags;

	if (result != TRACE_SIGNAL_IGNORED &&
	    !(result == TRACE_SIGNAL_DELIVERED && killed_at_generation(task, sig)))
		return 0;
	flags = ((__u64)task == (__u64)bpf_get_current_task_btf() || BPF_CORE_READ(task, __state) != 0) ?
		EVF_DEFER : 0;
	signal_event(task, sig, info, flags);
	return 0;
}
