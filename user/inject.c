// SPDX-License-Identifier: GPL-2.0
/*
 * -e inject= / -e fault=: fault injection without ptrace, through seccomp user notification.
 *
 * The launched child installs, right before its execve, a seccomp filter that returns
 * SECCOMP_RET_USER_NOTIF for the syscall numbers of the inject sets (native arch only; every
 * other call, 32-bit and x32 ones included, is allowed at once). It writes the number its
 * listener fd will get to bstrace before installing; bstrace takes the fd with pidfd_getfd()
 * and only then lets the child exec (the fd is close-on-exec in the child).
 *
 * The notifier thread receives each notification, counts the call per task and per syscall as
 * strace 6.1 does (each task starts from the when= of the expression, children included), and
 * answers: an error or return value (the call does not run), or SECCOMP_USER_NOTIF_FLAG_CONTINUE.
 * delay_enter= (and delay_exit= of an answered call) hold the answer; held notifications wait
 * in a bounded list, the thread goes on with the others. Before answering it writes a mark
 * (struct inject_mark) for the task into BPF's `injects` map: sys_exit of that call sets
 * EVF_INJECTED and delivers signal= (sys_enter does it for a call let through).
 * poke_enter= (and an answered call's poke_exit=) are written here, while the call is held;
 * poke_exit= of a call that runs by BPF's on_sys_exit_poke, which the mark names it to.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <bpf/bpf.h>
#include "decode.h"
#include "inject.h"
#include "syscalls.h"

#if defined(__x86_64__)
#define INJECT_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define INJECT_ARCH AUDIT_ARCH_AARCH64
#elif defined(__riscv) && __riscv_xlen == 64
#define INJECT_ARCH AUDIT_ARCH_RISCV64
#else
#error "-e inject: unknown audit arch"
#endif

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_pidfd_getfd
#define SYS_pidfd_getfd 438
#endif
#ifndef SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV
#define SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV (1UL << 5)
#endif

#define INJ_TASKS	INJECT_MARKS	/* tasks counted at once (then dead ones are swept) */
#define INJ_HELD	1024		/* delayed answers waiting at once */

/* one task's counters: for each syscall slot, strace's `first` and `last` countdowns */
struct inj_task {
	pid_t tid;		/* 0: free */
	uint16_t *cnt;		/* 2 per slot */
};

struct inj_held {
	uint64_t id;
	uint64_t ts;		/* CLOCK_BOOTTIME at receipt */
	uint64_t due_ns;	/* CLOCK_MONOTONIC */
	pid_t tid;
	uint32_t nr;
	const struct inject_rule *r;
	__u64 args[6];
};

struct inject {
	const struct settings *s;
	pid_t child;
	int lfd;		/* the seccomp listener */
	int marks_fd;		/* BPF `injects` */
	int stop_fd;		/* eventfd: inject_stop() */
	pthread_t thread;
	bool handshake;		/* the child's own read() before its execve is still to come */
	bool first_exec;	/* the execve that starts the command is still to come */
	int nslots;
	int16_t slot[BSTRACE_NR_MAX];	/* syscall -> counter slot, -1: not injected */
	struct inj_task tasks[INJ_TASKS];
	int ntasks;
	bool warned_full;
	struct inj_held held[INJ_HELD];
	int nheld;
	struct seccomp_notif *req;
	struct seccomp_notif_resp *resp;
	struct seccomp_notif_sizes sizes;
};

/*
 * Strace 6.1 tampers with traced calls only (an untraced one is not counted for when= either):
 * the others are not in the filter.
 */
static bool inj_nr(const struct settings *s, int nr)
{
	return nr >= 0 && nr < BSTRACE_NR_MAX && s->inject[nr] && s->trace[nr];
}

void inject_child_install(const struct settings *s, int status_fd, int go_fd)
{
	/* 4 + 2 per syscall + 1: at most 2053 instructions (BPF_MAXINSNS is 4096) */
	static struct sock_filter f[4 + 2 * BSTRACE_NR_MAX + 1];
	struct sock_fprog prog;
	unsigned int n = 0, nr;
	int fd, lfd;
	char c;

	f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
					      offsetof(struct seccomp_data, arch));
	f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, INJECT_ARCH, 1, 0);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
					      offsetof(struct seccomp_data, nr));
	for (nr = 0; nr < BSTRACE_NR_MAX; nr++) {
		if (!inj_nr(s, nr))
			continue;
		f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, nr, 0, 1);
		f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF);
	}
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	prog.len = n;
	prog.filter = f;

	/* the listener gets the lowest free fd: say which before any call can be held */
	fd = fcntl(status_fd, F_DUPFD, 0);
	if (fd < 0 || close(fd) || write(status_fd, &fd, sizeof(fd)) != sizeof(fd)) {
		fprintf(stderr, "bstrace: -e inject: %s\n", strerror(errno));
		_exit(127);
	}
	/* status_fd stays open (close-on-exec: no call after the filter): the lowest free fd
	 * does not change, and a failure is told there, for bstrace to say once */
	lfd = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
		      SECCOMP_FILTER_FLAG_NEW_LISTENER | SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV,
		      &prog);
	if (lfd < 0 && errno == EINVAL)	/* before 5.19: signals interrupt a held call */
		lfd = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
			      SECCOMP_FILTER_FLAG_NEW_LISTENER, &prog);
	if (lfd < 0) {
		/* no filter: nothing is held; bstrace reads why and sees this process exit */
		int err = errno;

		if (write(status_fd, &err, sizeof(err)) != sizeof(err))
			fprintf(stderr, "bstrace: cannot install the -e inject seccomp filter: %s\n",
				strerror(err));
		_exit(127);
	}
	/* held here until bstrace has the listener; this read may itself be notified */
	if (lfd != fd || read(go_fd, &c, 1) != 1)
		_exit(127);
}

static uint64_t clock_ns(clockid_t c)
{
	struct timespec ts;

	clock_gettime(c, &ts);
	return ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

static bool tid_alive(pid_t tid)
{
	char p[32];

	snprintf(p, sizeof(p), "/proc/%d", tid);
	return !access(p, F_OK);
}

/* keeps the tasks that are still alive; if they alone fill the table, starts it over */
static void tasks_sweep(struct inject *inj)
{
	static struct inj_task keep[INJ_TASKS];
	int i, n = 0;

	for (i = 0; i < INJ_TASKS; i++) {
		if (!inj->tasks[i].tid)
			continue;
		if (tid_alive(inj->tasks[i].tid) && n < INJ_TASKS / 2)
			keep[n++] = inj->tasks[i];
		else
			free(inj->tasks[i].cnt);
	}
	if (n == INJ_TASKS / 2 && !inj->warned_full) {
		fprintf(stderr, "bstrace: -e inject: more than %d tasks alive: the when= counts of "
			"some restart\n", INJ_TASKS / 2);
		inj->warned_full = true;
	}
	memset(inj->tasks, 0, sizeof(inj->tasks));
	inj->ntasks = 0;
	for (i = 0; i < n; i++) {
		unsigned int h = (unsigned int)keep[i].tid * 2654435761u % INJ_TASKS;

		while (inj->tasks[h].tid)
			h = (h + 1) % INJ_TASKS;
		inj->tasks[h] = keep[i];
		inj->ntasks++;
	}
}

/* the task's counters, created from the rules on first sight */
static uint16_t *task_counters(struct inject *inj, pid_t tid)
{
	unsigned int h = (unsigned int)tid * 2654435761u % INJ_TASKS;
	unsigned int nr;

	while (inj->tasks[h].tid) {
		if (inj->tasks[h].tid == tid)
			return inj->tasks[h].cnt;
		h = (h + 1) % INJ_TASKS;
	}
	if (inj->ntasks >= INJ_TASKS * 3 / 4) {
		tasks_sweep(inj);
		return task_counters(inj, tid);
	}
	inj->tasks[h].cnt = calloc(2 * inj->nslots, sizeof(uint16_t));
	if (!inj->tasks[h].cnt)
		return NULL;
	for (nr = 0; nr < BSTRACE_NR_MAX; nr++) {
		const struct inject_rule *r;

		if (inj->slot[nr] < 0)
			continue;
		r = &inj->s->inject_rules[inj->s->inject[nr] - 1];
		inj->tasks[h].cnt[2 * inj->slot[nr]] = r->first;
		inj->tasks[h].cnt[2 * inj->slot[nr] + 1] = r->last;
	}
	inj->tasks[h].tid = tid;
	inj->ntasks++;
	return inj->tasks[h].cnt;
}

/* strace 6.1's countdown: is this invocation one that when= selects? */
static bool when_hit(uint16_t *first, uint16_t *last, uint16_t step)
{
	if (!*first || !*last)
		return false;
	if (*last != 0xffff)
		--*last;
	if (--*first)
		return false;
	*first = step;
	return true;
}

static int send_resp(struct inject *inj, uint64_t id, bool answer, int64_t ret)
{
	struct seccomp_notif_resp *resp = inj->resp;

	memset(resp, 0, inj->sizes.seccomp_notif_resp);
	resp->id = id;
	if (!answer) {
		resp->flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
	} else if (ret < 0 && ret >= -4095) {
		resp->error = ret;
	} else {
		resp->val = ret;
	}
	/* ENOENT: the task died or a signal took the call back; nothing to answer */
	return ioctl(inj->lfd, SECCOMP_IOCTL_NOTIF_SEND, resp);
}

/*
 * The kernel never reads the arguments of an answered call, so a string in a page the program
 * has not touched yet (a literal of a library's .rodata) is not in its page tables, and BPF,
 * which cannot fault pages in, would print the address. Reading it with process_vm_readv
 * faults it in, as strace's own reading does. The task is held: its memory cannot change.
 */
/* the first page of each pointed-to object: what follows may not be mapped */
static void prefault_ptrs(pid_t tid, const uint64_t *ptrs, unsigned int n)
{
	static char page[4096];
	struct iovec local = { .iov_base = page }, remote;
	unsigned int i;

	for (i = 0; i < n; i++) {
		remote.iov_base = (void *)(uintptr_t)ptrs[i];
		remote.iov_len = 4096 - (ptrs[i] & 4095);
		local.iov_len = remote.iov_len;
		(void)!process_vm_readv(tid, &local, 1, &remote, 1, 0);
	}
}

/*
 * bpf(2): union bpf_attr (its `size` bytes, at most a page, read in the two pages they may
 * touch: a read that faults partway transfers nothing), then the strings and arrays it points
 * to (decode_bpf.c's references). `attr` holds 4096 bytes.
 */
static void prefault_bpf_attr(pid_t tid, const struct seccomp_notif *req, uint8_t *attr)
{
	struct iovec local, remote;
	uint64_t a = req->data.args[1], ptrs[BPF_REF_PTRS];
	size_t len = (uint32_t)req->data.args[2], head;
	ssize_t got;
	unsigned int n;

	if (len > 4096)
		len = 4096;
	head = 4096 - (a & 4095) < len ? 4096 - (a & 4095) : len;
	remote.iov_base = (void *)(uintptr_t)a;
	remote.iov_len = head;
	local.iov_base = attr;
	local.iov_len = head;
	got = process_vm_readv(tid, &local, 1, &remote, 1, 0);
	if (got <= 0)
		return;
	if (head < len) {
		remote.iov_base = (void *)(uintptr_t)(a + head);
		remote.iov_len = len - head;
		local.iov_base = attr + head;
		local.iov_len = len - head;
		if (process_vm_readv(tid, &local, 1, &remote, 1, 0) > 0)
			got += len - head;
	}
	n = bpf_attr_ptrs(req->data.args[0], attr, got, ptrs, BPF_REF_PTRS);
	prefault_ptrs(tid, ptrs, n);
}

/* clone3: struct clone_args, then what its set_tid, pidfd and parent_tid point to (each read
 * up to its page's end: a read that faults partway transfers nothing) */
static void prefault_clone3(pid_t tid, const struct seccomp_notif *req)
{
	static const unsigned int offs[] = { CLONE3_SET_TID_OFF, CLONE3_PIDFD_OFF,
					     CLONE3_PARENT_TID_OFF };
	uint64_t a = req->data.args[0], ca[CLONE3_SET_TID_OFF / 8 + 1] = { 0 }, ptr;
	size_t n = req->data.args[1] < sizeof(ca) ? req->data.args[1] : sizeof(ca);
	static char page[4096];
	struct iovec local = { .iov_base = ca, .iov_len = n }, remote;
	unsigned int i;

	remote.iov_base = (void *)(uintptr_t)a;
	remote.iov_len = n;
	if (process_vm_readv(tid, &local, 1, &remote, 1, 0) != (ssize_t)n)
		return;
	local.iov_base = page;
	for (i = 0; i < sizeof(offs) / sizeof(offs[0]); i++) {
		if (offs[i] + 8 > n)
			continue;
		ptr = ca[offs[i] / 8];
		if (!ptr)
			continue;
		remote.iov_base = (void *)(uintptr_t)ptr;
		remote.iov_len = 4096 - (ptr & 4095);
		local.iov_len = remote.iov_len;
		(void)!process_vm_readv(tid, &local, 1, &remote, 1, 0);
	}
}

static void prefault(pid_t tid, const struct seccomp_notif *req)
{
	const struct sc_def *def = sc_by_nr(req->data.nr);
	static char buf[16384];
	struct iovec local = { .iov_base = buf }, remote;
	uint64_t ptrs[BPF_REF_PTRS];
	ssize_t got;
	int i;

	for (i = 0; def && i < def->nargs && i < 6; i++) {
		const struct kind_def *k = &kinds[def->arg[i]];

		if (k->cap == CAP_NONE || k->cap == CAP_FD || !req->data.args[i])
			continue;
		local.iov_len = (k->cap == CAP_FIXED || k->cap == CAP_REFS) && k->size > 0 &&
				k->size < (int)sizeof(buf) ? (size_t)k->size : 4096;
		remote.iov_base = (void *)(uintptr_t)req->data.args[i];
		remote.iov_len = local.iov_len;
		if (k->cap == CAP_BPF_ATTR) {
			prefault_bpf_attr(tid, req, (uint8_t *)buf);
			continue;
		}
		if (k->cap == CAP_CLONE3)
			prefault_clone3(tid, req);
		(void)!process_vm_readv(tid, &local, 1, &remote, 1, 0);
		/* and the arrays an io_uring_register struct (32 bytes at most) points to */
		if (k->cap == CAP_REFS && i >= 1) {
			local.iov_len = remote.iov_len = URING_REF_STRUCT_MAX;
			got = process_vm_readv(tid, &local, 1, &remote, 1, 0);
			if (got > 0)
				prefault_ptrs(tid, ptrs,
					      uring_ref_ptrs(req->data.args[i - 1],
							     (const uint8_t *)buf, got, ptrs,
							     BPF_REF_PTRS));
		}
	}
}

/*
 * poke_enter=/poke_exit=: the entries whose @argN is an argument of the call (bit i: entry i);
 * strace warns of each other one and writes the rest
 */
static unsigned int poke_args_ok(pid_t tid, uint32_t nr, const struct inject_poke *p)
{
	const struct sc_def *def = sc_by_nr(nr);
	unsigned int i, nargs = def ? def->nargs : 6, ok = 0;

	for (i = 0; i < p->n; i++) {
		if (p->arg[i] < nargs && p->arg[i] < 6) {
			ok |= 1u << i;
			continue;
		}
		warnx_("Failed to tamper with process %d: requested to tamper with argument #%u, "
		       "but system call '%s' has only %u arguments", tid, p->arg[i] + 1,
		       def ? def->name : "?", nargs);
	}
	return ok;
}

/*
 * poke_enter= (and poke_exit= of a call answered, which does not run: its exit is the answer):
 * writes the data at the call's argument addresses while the call is held.
 * /proc/TID/mem is opened first and the notification checked valid after: the file is then
 * the held task's memory even if the task is killed and its tid reused before the write
 * (process_vm_writev would look the tid up again). Like strace's, it writes read-only
 * mappings too (a private copy of the page), and a write that stops at an unmapped page still
 * counts. Returns -1 if the notification is gone, else whether something was written.
 */
static int poke_held(struct inject *inj, uint64_t id, pid_t tid, uint32_t nr,
		     const __u64 *args, const struct inject_poke *p)
{
	unsigned int i, ok = poke_args_ok(tid, nr, p);
	char path[32];
	bool done = false;
	int fd;

	if (!ok)
		return 0;
	snprintf(path, sizeof(path), "/proc/%d/mem", tid);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (ioctl(inj->lfd, SECCOMP_IOCTL_NOTIF_ID_VALID, &id)) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	for (i = 0; i < p->n; i++) {
		uint64_t a = args[p->arg[i]];
		ssize_t w = -1;

		if (!(ok & (1u << i)))
			continue;
		/* pwrite's offset is signed: kernel addresses are no task's memory */
		if (fd >= 0 && a <= (uint64_t)INT64_MAX - p->len[i])
			w = pwrite(fd, p->data[i], p->len[i], (off_t)a);
		if (w <= 0) {
			warnx_("Failed to tamper with process %d: couldn't poke", tid);
			continue;
		}
		if (w < p->len[i])
			warnx_("pid:%d short write (%zd < %u) @0x%" PRIx64, tid, w, p->len[i], a);
		done = true;
	}
	if (fd >= 0)
		close(fd);
	return done;
}

/* answers an injected call: mark first (BPF reads it at the call's exit), then the answer */
static void act(struct inject *inj, uint64_t id, uint64_t ts, pid_t tid, uint32_t nr,
		const struct inject_rule *r, const __u64 *args)
{
	struct inject_mark m = { .ts = ts, .ret = r->ret, .nr = nr, .sig = r->sig,
				 .flags = r->answer ? INJM_ANSWERED : 0 };
	uint32_t key = tid;
	bool marked;
	int poked = 0;

	if (r->poke_enter.n) {
		poked = poke_held(inj, id, tid, nr, args, &r->poke_enter);
		if (poked < 0)
			return;
	}
	/* strace pokes at the exit of an answered call too: here, it does not run */
	if (r->poke_exit.n && r->answer) {
		int done = poke_held(inj, id, tid, nr, args, &r->poke_exit);

		if (done < 0)
			return;
		poked |= done;
	} else if (r->poke_exit.n) {
		/* a call that runs: BPF writes at its sys_exit (on_sys_exit_poke) */
		m.poke_mask = poke_args_ok(tid, nr, &r->poke_exit);
		if (m.poke_mask)
			m.poke = r - inj->s->inject_rules + 1;
	}
	if (poked)
		m.flags |= INJM_POKED;
	marked = r->answer || r->sig || poked || m.poke;
	if (marked && bpf_map_update_elem(inj->marks_fd, &key, &m, BPF_ANY))
		marked = false;
	/* a held notification may be gone (the task was killed): its id is not reused for it */
	if (ioctl(inj->lfd, SECCOMP_IOCTL_NOTIF_ID_VALID, &id)) {
		if (marked)
			bpf_map_delete_elem(inj->marks_fd, &key);
		return;
	}
	if (send_resp(inj, id, r->answer, r->ret) && marked)
		bpf_map_delete_elem(inj->marks_fd, &key);
}

static void handle(struct inject *inj, const struct seccomp_notif *req)
{
	const struct settings *s = inj->s;
	const struct inject_rule *r;
	uint32_t nr = req->data.nr;
	pid_t tid = req->pid;
	uint64_t delay;
	uint16_t *cnt;
	bool handshake = inj->handshake, first_exec = inj->first_exec;
	uint64_t ts = clock_ns(CLOCK_BOOTTIME);	/* bpf_ktime_get_boot_ns's clock */

	/* the filter notifies only native calls of the sets; anything else runs untouched */
	if (req->data.arch != INJECT_ARCH || nr >= BSTRACE_NR_MAX || inj->slot[nr] < 0 || !tid)
		goto pass;
	/*
	 * The child's wait for us and the execve that starts the command are bstrace's, not the
	 * command's (strace does not count that execve either). The child makes no other call
	 * in between: any other call of it is the command's.
	 */
	if (tid == inj->child && (handshake || first_exec)) {
		inj->handshake = false;
		if (handshake && (int)nr == sc_nr_by_name("read"))
			goto pass;
		inj->first_exec = false;
		if (first_exec && (int)nr == sc_nr_by_name("execve"))
			goto pass;
	}
	/* without -f only the command's first task is traced, as under strace */
	if (!s->follow && tid != inj->child)
		goto pass;
	r = &s->inject_rules[s->inject[nr] - 1];
	cnt = task_counters(inj, tid);
	if (!cnt || !when_hit(&cnt[2 * inj->slot[nr]], &cnt[2 * inj->slot[nr] + 1], r->step))
		goto pass;
	if (r->answer)
		prefault(tid, req);
	delay = r->delay_enter_us + (r->answer ? r->delay_exit_us : 0);
	if (delay && inj->nheld < INJ_HELD) {
		struct inj_held *h = &inj->held[inj->nheld++];

		h->id = req->id;
		h->ts = ts;
		h->due_ns = clock_ns(CLOCK_MONOTONIC) + delay * 1000;
		h->tid = tid;
		h->nr = nr;
		h->r = r;
		memcpy(h->args, req->data.args, sizeof(h->args));
		return;
	}
	act(inj, req->id, ts, tid, nr, r, req->data.args);
	return;
pass:
	(void)send_resp(inj, req->id, false, 0);
}

/* answers the held notifications that are due (all of them with `all`); poll's timeout */
static int run_held(struct inject *inj, bool all)
{
	uint64_t now = clock_ns(CLOCK_MONOTONIC), next = UINT64_MAX;
	int i = 0;

	while (i < inj->nheld) {
		struct inj_held *h = &inj->held[i];

		if (all || h->due_ns <= now) {
			act(inj, h->id, h->ts, h->tid, h->nr, h->r, h->args);
			*h = inj->held[--inj->nheld];
			continue;
		}
		if (h->due_ns < next)
			next = h->due_ns;
		i++;
	}
	if (next == UINT64_MAX)
		return -1;
	return (next - now + 999999) / 1000000;
}

static void *notifier(void *arg)
{
	struct inject *inj = arg;
	struct pollfd pfd[2] = { { .fd = inj->stop_fd, .events = POLLIN },
				 { .fd = inj->lfd, .events = POLLIN } };
	int nfds = 2;

	for (;;) {
		int timeout = run_held(inj, false);

		if (poll(pfd, nfds, timeout) < 0 && errno != EINTR)
			break;
		if (pfd[0].revents)
			break;
		if (nfds == 2 && (pfd[1].revents & (POLLHUP | POLLERR | POLLNVAL))) {
			/* no task holds the filter any more: none can come back */
			nfds = 1;
			continue;
		}
		if (nfds < 2 || !(pfd[1].revents & POLLIN))
			continue;
		memset(inj->req, 0, inj->sizes.seccomp_notif);
		if (ioctl(inj->lfd, SECCOMP_IOCTL_NOTIF_RECV, inj->req))
			continue;	/* ENOENT: the task went away before we read it */
		handle(inj, inj->req);
	}
	run_held(inj, true);
	return NULL;
}

struct inject *inject_start(const struct settings *s, pid_t child, int status_fd, int marks_fd)
{
	struct inject *inj = calloc(1, sizeof(*inj));
	char link[64], want[] = "anon_inode:seccomp notify", got[64];
	sigset_t all, old;
	int n, pidfd, lfd, err;
	unsigned int nr;
	ssize_t len;
	siginfo_t si;

	if (!inj)
		die("out of memory");
	inj->s = s;
	inj->child = child;
	inj->marks_fd = marks_fd;
	for (nr = 0; nr < BSTRACE_NR_MAX; nr++)
		inj->slot[nr] = inj_nr(s, nr) ? inj->nslots++ : -1;
	n = sc_nr_by_name("read");
	inj->handshake = inj_nr(s, n);
	n = sc_nr_by_name("execve");
	inj->first_exec = inj_nr(s, n);
	if (read(status_fd, &n, sizeof(n)) != sizeof(n))
		die("-e inject: the command exited before its seccomp filter was installed");
	pidfd = syscall(SYS_pidfd_open, child, 0);
	if (pidfd < 0)
		die("-e inject: pidfd_open: %s", strerror(errno));
	/* the child installs the filter right after telling us the fd: a few microseconds */
	for (;;) {
		lfd = syscall(SYS_pidfd_getfd, pidfd, n, 0);	/* close-on-exec */
		if (lfd >= 0)
			break;
		err = errno;
		si.si_pid = 0;
		if (!waitid(P_PID, child, &si, WEXITED | WNOHANG | WNOWAIT) && si.si_pid) {
			int why;

			/* the child's own reason, when seccomp() refused the filter */
			if (read(status_fd, &why, sizeof(why)) == sizeof(why))
				die("cannot install the -e inject seccomp filter: %s",
				    strerror(why));
			die("-e inject: the command exited before its seccomp filter was "
			    "installed");
		}
		/* EBADF: not installed yet; ESRCH: exiting, not yet a zombie */
		if (err != EBADF && err != ESRCH)
			die("-e inject: cannot take the command's seccomp listener: %s",
			    strerror(err));
		usleep(20);
	}
	close(pidfd);
	close(status_fd);
	snprintf(link, sizeof(link), "/proc/self/fd/%d", lfd);
	len = readlink(link, got, sizeof(got) - 1);
	if (len < 0 || (got[len] = 0, strcmp(got, want)))
		die("-e inject: fd %d of the command is not its seccomp listener", n);
	inj->lfd = lfd;
	if (syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, &inj->sizes))
		die("-e inject: SECCOMP_GET_NOTIF_SIZES: %s", strerror(errno));
	if (inj->sizes.seccomp_notif < sizeof(struct seccomp_notif))
		inj->sizes.seccomp_notif = sizeof(struct seccomp_notif);
	if (inj->sizes.seccomp_notif_resp < sizeof(struct seccomp_notif_resp))
		inj->sizes.seccomp_notif_resp = sizeof(struct seccomp_notif_resp);
	inj->req = calloc(1, inj->sizes.seccomp_notif);
	inj->resp = calloc(1, inj->sizes.seccomp_notif_resp);
	inj->stop_fd = eventfd(0, EFD_CLOEXEC);
	if (!inj->req || !inj->resp || inj->stop_fd < 0)
		die("-e inject: out of memory");
	/* signals are the main thread's */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	err = pthread_create(&inj->thread, NULL, notifier, inj);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (err)
		die("-e inject: cannot start the notifier thread: %s", strerror(err));
	return inj;
}

/* what is left of the command after bstrace: its calls of the sets run, until none is left */
static void keep_listener(int lfd, const struct seccomp_notif_sizes *sz)
{
	struct seccomp_notif *req = calloc(1, sz->seccomp_notif);
	struct seccomp_notif_resp *resp = calloc(1, sz->seccomp_notif_resp);
	struct pollfd pfd = { .fd = lfd, .events = POLLIN };

	if (fork())
		_exit(0);
	/* nothing of bstrace's but the listener: an output pipe must see its end */
	setsid();
	if (lfd > 0)
		syscall(SYS_close_range, 0, lfd - 1, 0);
	syscall(SYS_close_range, lfd + 1, ~0u, 0);
	while (req && resp && poll(&pfd, 1, -1) >= 0 && !(pfd.revents & (POLLHUP | POLLERR))) {
		memset(req, 0, sz->seccomp_notif);
		if (ioctl(lfd, SECCOMP_IOCTL_NOTIF_RECV, req))
			continue;
		memset(resp, 0, sz->seccomp_notif_resp);
		resp->id = req->id;
		resp->flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
		ioctl(lfd, SECCOMP_IOCTL_NOTIF_SEND, resp);
	}
	_exit(0);
}

void inject_stop(struct inject *inj)
{
	uint64_t one = 1;
	struct pollfd pfd;
	pid_t pid;
	int i;

	if (!inj)
		return;
	if (write(inj->stop_fd, &one, sizeof(one)) == sizeof(one))
		pthread_join(inj->thread, NULL);
	pfd.fd = inj->lfd;
	pfd.events = POLLIN;
	if (poll(&pfd, 1, 0) >= 0 && !(pfd.revents & (POLLHUP | POLLERR))) {
		pid = fork();
		if (pid == 0) {
			keep_listener(inj->lfd, &inj->sizes);
			_exit(0);
		}
		if (pid > 0)
			waitpid(pid, NULL, 0);
	}
	close(inj->lfd);
	close(inj->stop_fd);
	for (i = 0; i < INJ_TASKS; i++)
		free(inj->tasks[i].cnt);
	free(inj->req);
	free(inj->resp);
	free(inj);
}
