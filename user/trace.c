// SPDX-License-Identifier: GPL-2.0
/*
 * strace-format output: one line per syscall from its exit record, with the entering part of a
 * blocking call held open so that another task's output first closes it as <unfinished ...>,
 * exactly as strace's one-open-line model does.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "decode.h"
#include "trace.h"
#include "count.h"
#include "profile.h"
#include "perfetto.h"
#include "unwind.h"

struct task {
	uint32_t tid;		/* 0: free slot */
	uint32_t tgid;
	bool in_call;		/* an EV_ENTER is held in `enter` */
	bool unfinished;	/* its entering part was printed and closed */
	bool sig_held;		/* a signal generated inside the current syscall waits for its end */
	struct sc_event_hdr sig;
	uint32_t enter_cap;
	uint8_t *enter;
	uint32_t exec_cap;
	uint8_t *exec;		/* the EV_EXEC of its execve in flight (argv from the new stack) */
	bool exec_held;
	struct outbuf *out;	/* -ff: this task's file */
	char comm[16];		/* -Y: its command name, "" until read */
	uint32_t last_nr;	/* -n: the number of its last call (signal and exit lines show it) */
	bool zombie_held;	/* a leader gone before its threads: its exit line waits (zombie) */
	struct sc_event_hdr zombie;
	char comm_next[16];	/* -Y: the name its exec gave it, taken after the execve line */
	bool comm_stale;	/* -Y: comm_next waits for the execve line */
	uint8_t pers;		/* PERS_*: the personality of its last call */
	char *stk;		/* -k: the frames of its call whose line comes next (EV_STACK) */
	size_t stk_len, stk_cap;
	uint32_t stk_nr;	/* that call */
};

/* a task's personality, as strace tracks it: unknown until its first call, then that of the last
 * one; an unknown task starts in the tracer's current one (strace's current_personality) */
enum { PERS_UNKNOWN, PERS_NATIVE, PERS_COMPAT };

struct tracer {
	const struct settings *s;
	struct outbuf *out;		/* the single output (not -ff) */
	struct task *tasks;		/* open addressing by tid */
	uint32_t ntasks_cap;
	uint32_t ntasks;
	int alive;
	uint32_t open_tid;		/* task whose entering part is pending on the open line */
	uint64_t boot_to_real_ns;	/* CLOCK_REALTIME - CLOCK_BOOTTIME */
	uint64_t last_ts;		/* -r */
	uint64_t lost;
	struct sc_event_hdr super;	/* a leader's "superseded" exit, until the exec arrives */
	struct perfetto *pf;		/* --perfetto: the timeline, fed where lines are printed */
	struct unwinder *uw;		/* -k */
	bool pf_only;			/* --perfetto without -o: no call lines are formatted */
	bool super_held;
	uint8_t pers;			/* PERS_*: the personality of the last call printed */
	struct {			/* -Y: the last tasks that exited, for wait4's argument */
		uint32_t tid;
		char comm[16];
	} gone[16];
	uint32_t ngone;
};

static uint64_t clock_ns(clockid_t c)
{
	struct timespec ts;

	clock_gettime(c, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

static void pid_mask_init(void);
static struct tracer *pid_tracer;	/* -Y: whose tasks' names pid arguments take */

struct tracer *tracer_new(const struct settings *s, int out_fd)
{
	struct tracer *t = calloc(1, sizeof(*t));

	if (!t)
		die("out of memory");
	t->s = s;
	if (!s->follow_files) {
		t->out = malloc(sizeof(*t->out));
		if (!t->out)
			die("out of memory");
		ob_init(t->out, out_fd);
	}
	t->ntasks_cap = 256;
	t->tasks = calloc(t->ntasks_cap, sizeof(*t->tasks));
	if (!t->tasks)
		die("out of memory");
	t->boot_to_real_ns = clock_ns(CLOCK_REALTIME) - clock_ns(CLOCK_BOOTTIME);
	syscalls_init();
	if (s->decode_pids & DP_COMM) {
		pid_mask_init();
		pid_tracer = t;
	}
	if (s->perfetto)
		t->pf = perfetto_open(s->perfetto, s);
	t->pf_only = s->perfetto && !s->outfile;
	/* -k: the mapping side-band opens before the command execs */
	if (s->stack_traces && !(t->uw = unwinder_new(s->libbpf_debug)))
		die("-k: cannot start the unwinder");
	return t;
}

static struct task *task_find(struct tracer *t, uint32_t tid, bool create);
static bool touches_paths(struct tracer *t, const struct dctx *d);
static void dump_buffers(struct tracer *t, struct dctx *d);
static void release_signal(struct tracer *t, struct task *k);
static void print_stack(struct outbuf *o, struct task *k);

static void tasks_grow(struct tracer *t)
{
	struct task *old = t->tasks;
	uint32_t i, cap = t->ntasks_cap;

	t->ntasks_cap *= 2;
	t->tasks = calloc(t->ntasks_cap, sizeof(*t->tasks));
	if (!t->tasks)
		die("out of memory");
	t->ntasks = 0;
	for (i = 0; i < cap; i++) {
		if (old[i].tid) {
			*task_find(t, old[i].tid, true) = old[i];
		}
	}
	free(old);
}

static struct task *task_find(struct tracer *t, uint32_t tid, bool create)
{
	uint32_t mask = t->ntasks_cap - 1, i = (tid * 2654435761u) & mask;

	for (;; i = (i + 1) & mask) {
		struct task *k = &t->tasks[i];

		if (k->tid == tid)
			return k;
		if (!k->tid) {
			if (!create)
				return NULL;
			if ((t->ntasks + 1) * 2 > t->ntasks_cap) {
				tasks_grow(t);
				return task_find(t, tid, true);
			}
			t->ntasks++;
			k->tid = tid;
			return k;
		}
	}
}

/* Removes a task, keeping the probe sequences of the others intact. */
static void task_forget(struct tracer *t, struct task *k)
{
	uint32_t mask = t->ntasks_cap - 1, i = k - t->tasks, j;

	free(k->enter);
	free(k->exec);
	free(k->stk);
	if (k->out) {
		ob_flush(k->out);
		close(k->out->fd);
		free(k->out);
	}
	memset(k, 0, sizeof(*k));
	t->ntasks--;
	for (j = (i + 1) & mask; t->tasks[j].tid; j = (j + 1) & mask) {
		struct task moved = t->tasks[j];

		memset(&t->tasks[j], 0, sizeof(moved));
		t->ntasks--;
		*task_find(t, moved.tid, true) = moved;
	}
}

static struct outbuf *task_out(struct tracer *t, struct task *k)
{
	char path[4096];
	int fd;

	if (!t->s->follow_files)
		return t->out;
	if (k->out)
		return k->out;
	snprintf(path, sizeof(path), "%s.%u", t->s->outfile, k->tid);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		die("cannot open output file '%s': %s", path, strerror(errno));
	k->out = malloc(sizeof(*k->out));
	if (!k->out)
		die("out of memory");
	ob_init(k->out, fd);
	return k->out;
}

/* -Y: "<comm>" after a pid, read from /proc; nothing when the process is gone */
static bool read_comm(uint32_t pid, char *buf, size_t size)
{
	char path[64];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%u/comm", pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	return true;
}

/* -Y: a pid's command name, escaped as strace prints it ("<" and ">" too) */
static void print_comm_str(struct outbuf *o, const char *comm)
{
	const unsigned char *p;

	ob_putc(o, '<');
	for (p = (const unsigned char *)comm; *p; p++) {
		if (*p < ' ' || *p >= 0x7f || *p == '<' || *p == '>' || *p == '\\')
			ob_printf(o, "\\%o", *p);
		else
			ob_putc(o, *p);
	}
	ob_putc(o, '>');
}

/*
 * -Y: a traced task's command name as it was at the call, not when it is printed (later): kept
 * from its start (launch, attach, its parent's at fork), its execs (the file name) and its
 * prctl(PR_SET_NAME) calls. /proc only when none of these is known.
 */
static const char *task_comm(struct tracer *t, uint32_t tid)
{
	struct task *k = task_find(t, tid, false);

	if (!k)
		return "";
	if (!k->comm[0])
		read_comm(tid, k->comm, sizeof(k->comm));
	return k->comm;
}

/* `v` nanoseconds as seconds (`width` wide, none if negative), `digits` after the point */
static void print_secs(struct outbuf *o, uint64_t v, int digits, int width)
{
	static const uint32_t div[] = { 1000000000, 100000000, 10000000, 1000000, 100000,
					10000, 1000, 100, 10, 1 };

	if (width >= 0)
		ob_printf(o, "%*llu", width, (unsigned long long)(v / 1000000000ull));
	if (digits) {
		ob_putc(o, '.');
		ob_frac(o, v % 1000000000ull / div[digits], digits);
	}
}

/* -i: the user instruction pointer a record carries (EV_SIGNAL: in ts_enter); false: none */
static bool record_ip(const struct sc_event_hdr *h, uint64_t *ip)
{
	const struct sc_blob *b = NULL;

	if (!h)
		return false;
	if (h->type == EV_SIGNAL) {
		*ip = h->ts_enter;
		return h->flags & EVF_IP;
	}
	while ((b = blob_next(h, b)))
		if (b->arg == IP_BLOB_ARG && !(b->flags & BLOBF_FD)) {
			*ip = b->full;
			return true;
		}
	return false;
}

/*
 * The line's prefix: pid, times, and with -i the instruction pointer of `h` (a 32-bit call's
 * in 8 digits), as strace prints it: "[00007f0123456789] ", question marks when it has none
 * (process exits, or a record made without -i).
 */
static void print_prefix(struct tracer *t, struct outbuf *o, uint32_t tid, uint64_t ts,
			 const struct sc_event_hdr *h)
{
	const struct settings *s = t->s;
	const char *comm = s->decode_pids & DP_COMM ? task_comm(t, tid) : "";

	ob_line_begin(o);
	if (!s->follow_files) {
		if (s->outfile && (s->follow || s->npids > 1))
			ob_printf(o, *comm ? "%u" : "%-5u", tid);
		else if (!s->outfile && t->alive > 1)
			ob_printf(o, "[pid %5u", tid);
		else
			comm = NULL;
		if (comm && *comm)
			print_comm_str(o, comm);
		if (comm)
			ob_puts(o, !s->outfile ? "] " : " ");
	}
	if (s->tstamp) {
		uint64_t real = ts + t->boot_to_real_ns;
		int digits = s->ts_digits ? s->ts_digits - 1 : s->tstamp >= 2 ? 6 : 0;

		if (s->tstamp == 3) {
			print_secs(o, real, digits, 0);
		} else {
			time_t sec = real / 1000000000ull;
			struct tm tm;
			char buf[32];

			localtime_r(&sec, &tm);
			strftime(buf, sizeof(buf), "%H:%M:%S", &tm);
			ob_puts(o, buf);
			print_secs(o, real % 1000000000ull, digits, -1);
		}
		ob_putc(o, ' ');
	}
	if (s->relative) {
		uint64_t d = t->last_ts && ts > t->last_ts ? ts - t->last_ts : 0;

		/* after a time of day: "(+     0.000123) ", as strace prints both */
		if (s->tstamp)
			ob_puts(o, "(+");
		print_secs(o, d, s->rel_digits ? s->rel_digits - 1 : 6, 6);
		ob_puts(o, s->tstamp ? ") " : " ");
		t->last_ts = ts;
	}
	if (s->show_nr) {
		struct task *k = task_find(t, tid, false);
		uint32_t nr = k ? k->last_nr : 0;

		/* the call's number; a signal or an exit shows the task's last call's */
		if (h && (h->type == EV_SYSCALL || h->type == EV_ENTER)) {
			nr = h->nr;
			if (k)
				k->last_nr = nr;
		}
		ob_printf(o, "[%4u] ", sc_is_compat(nr) ? nr - BSTRACE_COMPAT_BASE : nr);
	}
	if (s->show_ip) {
		bool narrow = h ? h->type != EV_SIGNAL && sc_is_compat(h->nr) : t->pers == PERS_COMPAT;
		uint64_t ip;

		if (record_ip(h, &ip))
			ob_printf(o, narrow ? "[%08llx] " : "[%016llx] ", (unsigned long long)ip);
		else
			ob_puts(o, narrow ? "[????????] " : "[????????????????] ");
	}
}

void print_arg(struct dctx *d, int arg)
{
	unsigned int k = d->def->arg[arg];
	unsigned int type = kind_types[k];

	if (sc_is_compat(d->nr)) {
		/* a 32-bit task's call: long and pointers are 32 bits, structs laid out
		 * otherwise (BPF copied none of them: the address alone) */
		if (!kind_compat_safe(d->nr, k)) {
			ob_ptr(d->o, (uint32_t)d->args[arg]);
			return;
		}
		if (type == T_LONG)
			type = T_INT;
		else if (type == T_ULONG || type == T_PTR)
			type = T_UINT;
	}
	/* the one place a register becomes its C type (KTYPE in kinds.def) */
	d->args[arg] = arg_narrow(type, d->args[arg]);
	if (kinds[k].print)
		kinds[k].print(d, arg);
	else
		ob_hex(d->o, d->args[arg]);
}

/* index of the first argument printed only after the call returns */
static int split_at(const struct sc_def *def)
{
	int i;

	for (i = 0; i < def->nargs; i++)
		if (kinds[def->arg[i]].dir == D_OUT || kinds[def->arg[i]].dir == D_LATE)
			return i;
	return def->nargs;
}

/* is the first exit argument one whose ", " belongs to the exit part (clone's tail)? */
static bool late_split(const struct sc_def *def, int split)
{
	return split < def->nargs && kinds[def->arg[split]].dir == D_LATE;
}

/* -e raw=: this call's arguments and return value print as hex numbers */
static bool is_raw(const struct dctx *d)
{
	return d->s->any_raw && d->nr < BSTRACE_NR_MAX && d->s->raw[d->nr];
}

/* -e raw=: the call's own arguments, where the table's row shows others (clone's tail, the
 * signal frame of rt_sigreturn) */
int raw_nargs(const struct dctx *d)
{
	static int nr_clone = -2, nr_sigreturn;

	if (nr_clone == -2) {
		nr_clone = sc_nr_by_name("clone");
		nr_sigreturn = sc_nr_by_name("rt_sigreturn");
	}
	if ((int)d->nr == nr_clone)
		return 5;
	if ((int)d->nr == nr_sigreturn)
		return 0;
	return d->def->nargs;
}

/* -Y: the arguments (bit i) and return value (PID_RET) that are pids, as strace prints them;
 * PID_IDTYPE: only when the first argument is P_PID or P_PGID (waitid) */
#define PID_RET 0x80
#define PID_IDTYPE 0x40
#define PID_WAIT 0x20	/* the pid is a child being waited for: it may be gone already */
static const struct {
	const char *name;
	uint8_t mask;
} pid_calls[] = {
	{ "getpid", PID_RET }, { "getppid", PID_RET }, { "gettid", PID_RET },
	{ "getpgrp", PID_RET }, { "getpgid", PID_RET | 1 }, { "getsid", PID_RET | 1 },
	{ "fork", PID_RET }, { "vfork", PID_RET }, { "clone", PID_RET }, { "clone3", PID_RET },
	{ "wait4", PID_WAIT | PID_RET | 1 }, { "waitid", PID_WAIT | PID_IDTYPE | 2 },
	{ "setpgid", 3 }, { "kill", 1 }, { "tkill", 1 },
	{ "tgkill", 3 }, { "rt_sigqueueinfo", 1 }, { "rt_tgsigqueueinfo", 3 },
	{ "pidfd_open", 1 }, { "prlimit64", 1 }, { "process_vm_readv", 1 },
	{ "process_vm_writev", 1 }, { "kcmp", 3 }, { "ptrace", 2 }, { "get_robust_list", 1 },
	{ "migrate_pages", 1 }, { "move_pages", 1 }, { "sched_getaffinity", 1 },
	{ "sched_setaffinity", 1 }, { "sched_getattr", 1 }, { "sched_setattr", 1 },
	{ "sched_getparam", 1 }, { "sched_setparam", 1 }, { "sched_getscheduler", 1 },
	{ "sched_setscheduler", 1 }, { "sched_rr_get_interval", 1 },
};
static uint8_t pid_mask[BSTRACE_NR_MAX];

static void pid_mask_init(void)
{
	size_t i;
	int nr;

	for (i = 0; i < ARRAY_SIZE(pid_calls); i++) {
		nr = sc_nr_by_name(pid_calls[i].name);
		if (nr >= 0 && nr < BSTRACE_NR_MAX)
			pid_mask[nr] = pid_calls[i].mask;
	}
}

static bool is_pid(const struct dctx *d, uint8_t bit)
{
	if (!(d->s->decode_pids & DP_COMM) || d->nr >= BSTRACE_NR_MAX || is_raw(d))
		return false;
	if ((pid_mask[d->nr] & PID_IDTYPE) && d->args[0] != 1 && d->args[0] != 2)
		return false;
	return pid_mask[d->nr] & bit;
}

/*
 * -Y: "<comm>" after a pid argument or return value; nothing when it names no process. `zombie`:
 * the argument of a wait, which names a child that exited but is not reaped yet at the call.
 */
static void print_pid_comm(struct outbuf *o, int64_t pid, bool zombie)
{
	struct tracer *t = pid_tracer;
	char comm[32];
	const char *c = NULL;
	uint32_t i;

	if (pid <= 0 || pid > INT32_MAX)
		return;
	/* a traced task: its name at the call, as in its lines' prefix */
	if (t && task_find(t, pid, false))
		c = task_comm(t, pid);
	for (i = 0; t && !c && zombie && i < ARRAY_SIZE(t->gone); i++)
		if (t->gone[i].tid == pid)
			c = t->gone[i].comm;
	if (!c && read_comm(pid, comm, sizeof(comm)))
		c = comm;
	if (c && *c)
		print_comm_str(o, c);
}

/* arguments [from, to); `sep` puts ", " before the first one too */
static void print_args(struct dctx *d, int from, int to, bool sep)
{
	int i, split = split_at(d->def);

	for (i = from; i < to; i++) {
		size_t mark = d->o->len;

		if (i > from || sep)
			ob_puts(d->o, ", ");
		d->phase = i < split ? DP_ENTER : DP_EXIT;
		d->omit = false;
		print_arg(d, i);
		/* an argument strace does not show (open's mode without O_CREAT, ...) */
		if (d->omit)
			d->o->len = mark;
		else if (i < 7 && is_pid(d, 1u << i))
			print_pid_comm(d->o, (int32_t)d->args[i], pid_mask[d->nr] & PID_WAIT);
	}
}

static void print_raw_args(struct dctx *d, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (i)
			ob_puts(d->o, ", ");
		ob_hex(d->o, d->args[i]);
	}
}

static const char *restart_desc(int err)
{
	switch (err) {
	case 512: return "To be restarted if SA_RESTART is set";
	case 513: return "To be restarted";
	case 514: return "To be restarted if no handler";
	case 516: return "Interrupted by signal";
	}
	return NULL;
}

void print_ret(struct dctx *d)
{
	struct outbuf *o = d->o;
	uint8_t rk = d->def ? d->def->ret : R_INT;

	if (!d->exited || rk == R_NONE) {
		ob_putc(o, '?');
		return;
	}
	if (d->failed) {
		int err = -d->ret;
		const char *n = errno_name(err);
		const char *rd = restart_desc(err);

		if (rd) {
			ob_printf(o, "? %s (%s)", n, rd);
		} else if (n) {
			ob_printf(o, "-1 %s (%s)", n, strerror(err));
		} else {
			ob_printf(o, "-1 (errno %d)", err);
		}
		return;
	}
	if (is_raw(d) || rk == R_HEX) {
		/* a 32-bit call's value: arm64 sign-extends it for the tracepoint (regs_return_value),
		 * so mmap2's 0xf780a000 arrives as 0xfffffffff780a000 */
		ob_hex(o, sc_is_compat(d->nr) ? (uint32_t)d->ret : (uint64_t)d->ret);
		return;
	}
	switch (rk) {
	case R_OCT:
		ob_printf(o, "%#03llo", (unsigned long long)d->ret);
		break;
	case R_FD:
		print_ret_fd(d, d->ret);
		break;
	default:
		/* a return value decoded by the call (ret_printers[], decode.h) */
		if (rk < R__COUNT && ret_printers[rk]) {
			ret_printers[rk](d);
			break;
		}
		ob_dec(o, d->ret);
		if (is_pid(d, PID_RET))
			print_pid_comm(o, d->ret, false);
	}
}

static void dctx_init(struct dctx *d, struct tracer *t, struct outbuf *o,
		      const struct sc_event_hdr *enter, const struct sc_event_hdr *exit)
{
	const struct sc_event_hdr *h = exit ? exit : enter;

	/* every field by name, no memset (gcc makes it a `rep stos`, slow for 136 bytes: one per
	 * line, a tenth of the consumer's time on getppid); a new field must be set here */
	_Static_assert(sizeof(struct dctx) == 136, "struct dctx changed: set the new field here");
	d->s = t->s;
	d->o = o;
	d->nr = h->nr;
	d->def = sc_by_nr(h->nr);
	d->tgid = h->tgid;
	d->tid = h->tid;
	memcpy(d->args, enter ? enter->args : exit->args, sizeof(d->args));
	/* mmap2's offset is in pages of 4096 bytes: strace prints it in bytes, as mmap's */
	if (sc_compat_flags(d->nr) & SCC_PGOFF)
		d->args[5] <<= 12;
	d->ret = 0;
	d->failed = false;
	d->exited = false;
	d->phase = 0;
	d->omit = false;
	d->force_hex = false;
	d->ev_exec = NULL;
	d->ev_enter = enter;
	d->ev_exit = exit;
	if (exit) {
		d->exited = true;
		d->ret = exit->ret;
		d->failed = is_errno_ret(exit->ret);
	}
}

/* "name(" and the arguments known at entry */
static void print_entering(struct dctx *d)
{
	char buf[32];

	ob_puts(d->o, sc_name(d->nr, buf, sizeof(buf)));
	ob_putc(d->o, '(');
	if (!d->def)
		print_raw_args(d, BSTRACE_MAX_ARGS);
	else if (is_raw(d))
		print_raw_args(d, raw_nargs(d));
	else
		print_args(d, 0, split_at(d->def), false);
}

/* the rest of the arguments, ") = ret" and -T */
static void print_exiting(struct tracer *t, struct dctx *d, bool resumed, uint64_t ts_enter,
			  uint64_t ts_exit)
{
	struct outbuf *o = d->o;
	int from;

	if (d->def && !is_raw(d)) {
		from = split_at(d->def);
		if (!d->exited && from > 0 && from < d->def->nargs) {
			/* the call never returned (its task died in it): what it would have
			 * written is not known, strace says so in place of those arguments */
			ob_puts(o, resumed ? " <unfinished ...>" : ",  <unfinished ...>");
		} else {
			/* a resumed line goes on right after the entering part's ", " (D_LATE:
			 * before it) */
			print_args(d, from, d->def->nargs,
				   from > 0 && (!resumed || late_split(d->def, from)));
		}
	}
	ob_puts(o, ") ");
	ob_pad_to(o, t->s->align);
	ob_puts(o, "= ");
	print_ret(d);
	if (d->def && d->exited && !is_raw(d)) {
		int i;

		for (i = 0; i < d->def->nargs; i++) {
			if (kinds[d->def->arg[i]].dir == D_INOUT) {
				d->phase = DP_SUFFIX;
				print_arg(d, i);
			}
		}
	}
	/* -e inject= answered the call (the notifier, inject.c; the mark came from BPF), or
	 * its poke_enter=/poke_exit= wrote the task's memory */
	if (d->ev_exit && (d->ev_exit->flags & (EVF_INJECTED | EVF_POKED)))
		ob_puts(o, !(d->ev_exit->flags & EVF_POKED) ? " (INJECTED)" :
			   d->ev_exit->flags & EVF_INJECTED ? " (INJECTED: args, retval)" :
			   " (INJECTED: args)");
	if (t->s->show_time && d->exited) {
		uint64_t dt = ts_exit > ts_enter && ts_enter ? ts_exit - ts_enter : 0;

		ob_puts(o, " <");
		print_secs(o, dt, t->s->dur_digits ? t->s->dur_digits - 1 : 6, 0);
		ob_putc(o, '>');
	}
	ob_line_end(o);
}

/* The entering part of a call, then `end` (" <unfinished ...>", ...): one whole line. */
static void print_unfinished(struct tracer *t, struct task *k, struct outbuf *o,
			     const struct sc_event_hdr *h, uint64_t ts, const char *end)
{
	struct dctx d;

	dctx_init(&d, t, o, h, NULL);
	if (k && k->exec_held)
		d.ev_exec = (const void *)k->exec;
	print_prefix(t, o, h->tid, ts, h);
	print_entering(&d);
	if (d.def && !is_raw(&d) && split_at(d.def) > 0 && split_at(d.def) < d.def->nargs &&
	    !late_split(d.def, split_at(d.def)))
		ob_puts(o, ", ");
	ob_puts(o, end);
	ob_line_end(o);
}

static bool task_exists(const struct task *k)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%u/task/%u", k->tgid ? k->tgid : k->tid, k->tid);
	return !access(path, F_OK);
}

/*
 * A task leaves the trace inside a call: detached (-p, Ctrl-C), or gone with its exit record
 * lost. Its held call gets its line, as strace ends it: "<detached ...>", or "= ?".
 */
static void close_call(struct tracer *t, struct task *k, bool detached)
{
	const struct sc_event_hdr *h = (const void *)k->enter;
	struct outbuf *o;
	char buf[32];

	if (!k->in_call || t->s->json_trace)
		return;
	if (t->open_tid == k->tid)
		t->open_tid = 0;
	/* -e status=: detached and unfinished are statuses of their own */
	if (t->s->hide_status & (detached ? STATUS_DETACHED : STATUS_UNFINISHED)) {
		k->in_call = false;
		return;
	}
	o = task_out(t, k);
	if (!k->unfinished) {
		print_unfinished(t, k, o, h, h->ts_enter, detached ? " <detached ...>" :
				 " <unfinished ...>) = ?");
	} else {
		print_prefix(t, o, k->tid, h->ts_enter, h);
		ob_printf(o, "<... %s resumed>%s", sc_name(h->nr, buf, sizeof(buf)),
			  detached ? " <detached ...>" : ") = ?");
		ob_line_end(o);
	}
	k->in_call = false;
}

/*
 * Closes the open line of a blocked call as "<unfinished ...>" before other output; with
 * `new_pid`, as "<pid changed to N ...>" (an execve whose thread takes over its leader's pid).
 */
static void close_open_line_as(struct tracer *t, uint32_t except_tid, uint32_t new_pid)
{
	struct task *k;
	const struct sc_event_hdr *h;
	char end[48];

	if (!t->open_tid || t->open_tid == except_tid)
		return;
	k = task_find(t, t->open_tid, false);
	t->open_tid = 0;
	if (!k || !k->in_call || k->unfinished)
		return;
	h = (const void *)k->enter;
	if (new_pid)
		snprintf(end, sizeof(end), " <pid changed to %u ...>", new_pid);
	print_unfinished(t, k, task_out(t, k), h, h->ts_enter,
			 new_pid ? end : " <unfinished ...>");
	k->unfinished = true;
}

static void close_open_line(struct tracer *t, uint32_t except_tid)
{
	close_open_line_as(t, except_tid, 0);
}

/* A copy of a record, in a task's buffer that grows to fit. */
static void keep_record(uint8_t **buf, uint32_t *cap, const struct sc_event_hdr *h)
{
	if (*cap < h->len) {
		free(*buf);
		*cap = h->len < 256 ? 256 : h->len;
		*buf = malloc(*cap);
		if (!*buf)
			die("out of memory");
	}
	memcpy(*buf, h, h->len);
}

/*
 * "[ Process PID=N runs in 32 bit mode. ]" (or 64) before the first call of a task in another
 * personality than its last call's: a 32-bit program exec'd from a 64-bit one, or back.
 */
static void note_personality(struct tracer *t, struct task *k, const struct sc_event_hdr *h)
{
	uint8_t p = sc_is_compat(h->nr) ? PERS_COMPAT : PERS_NATIVE;
	struct outbuf *o;

	if (!k) {
		if (p == (t->pers ? t->pers : PERS_NATIVE))
			return;
		k = task_find(t, h->tid, true);
		k->tgid = h->tgid;
	}
	if (k->pers == PERS_UNKNOWN)
		k->pers = t->pers ? t->pers : PERS_NATIVE;
	if (k->pers == p)
		return;
	k->pers = t->pers = p;
	if ((t->s->quiet & QUIET_PERSONALITY) || t->s->json_trace)
		return;
	close_open_line(t, 0);
	o = task_out(t, k);
	print_prefix(t, o, h->tid, h->ts_enter ? h->ts_enter : h->ts_exit, h);
	ob_printf(o, "[ Process PID=%u runs in %d bit mode. ]", h->tid,
		  p == PERS_COMPAT ? 32 : (int)sizeof(long) * 8);
	ob_line_end(o);
}

static void handle_enter(struct tracer *t, const struct sc_event_hdr *h)
{
	struct task *k = task_find(t, h->tid, true);

	close_open_line(t, h->tid);
	note_personality(t, k, h);
	if (t->s->seccomp_profile)
		profile_note(h->nr);
	k->tgid = h->tgid;
	keep_record(&k->enter, &k->enter_cap, h);
	k->in_call = true;
	k->unfinished = false;
	/* with -ff every task has its own file, JSON prints whole calls: nothing to interleave;
	 * with -e status= a call prints whole once its status is known, as with strace */
	if (!t->s->follow_files && !t->s->json_trace && !t->s->hide_status &&
	    !t->s->min_duration_ns)
		t->open_tid = h->tid;
}

/* -y: a descriptor that close/dup2/dup3 released no longer names the cached path */
/* ---- --json: one object per line; values are strace's decoded text, JSON-escaped ---- */

/* bytes that JSON strings take as they are: printable ASCII but '"' (0x22) and '\\' (0x5c) */
static const bool json_plain[256] = {
	[0x20 ... 0x21] = true, [0x23 ... 0x5b] = true, [0x5d ... 0x7e] = true,
};

/* one byte as JSON string content at `w` (at most 6 bytes); returns the end */
static char *json_byte(char *w, unsigned char c)
{
	static const char hexd[] = "0123456789abcdef";

	if (json_plain[c]) {
		*w++ = c;
	} else if (c == '"' || c == '\\') {
		*w++ = '\\';
		*w++ = c;
	} else {
		/* the decoders escape everything non-ASCII; this keeps the JSON valid anyway */
		memcpy(w, "\\u00", 4);
		w[4] = hexd[c >> 4];
		w[5] = hexd[c & 15];
		w += 6;
	}
	return w;
}

static void json_escape(struct outbuf *o, const char *p, size_t n)
{
	char e[6], *w;
	size_t i;

	/* with room for the worst case, straight into the line; else through ob_write's limit */
	if (ob_col(o) + 6 * n >= OB_LINE_MAX - 1) {
		for (i = 0; i < n; i++)
			ob_write(o, e, json_byte(e, p[i]) - e);
		return;
	}
	w = o->buf + o->len;
	for (i = 0; i < n; i++)
		w = json_byte(w, p[i]);
	o->len = w - o->buf;
}

/*
 * The text printed into the buffer since `mark` becomes the body of a JSON string (the opening
 * quote is already in front of it): in place when nothing needs escaping, as is usual, else
 * moved out from the first such byte and written back escaped. Then the closing quote.
 */
static char json_tmp[OB_LINE_MAX];

static void json_close_string(struct outbuf *o, size_t mark)
{
	size_t i, n;

	for (i = mark; i < o->len; i++)
		if (!json_plain[(unsigned char)o->buf[i]])
			break;
	if (i < o->len) {
		n = o->len - i;
		memcpy(json_tmp, o->buf + i, n);
		o->len = i;
		json_escape(o, json_tmp, n);
	}
	ob_putc(o, '"');
}

static void json_head(struct tracer *t, struct outbuf *o, uint32_t tgid, uint32_t tid,
		      uint64_t ts)
{
	uint64_t real = ts + t->boot_to_real_ns;

	ob_line_begin(o);
	ob_puts(o, "{\"time\":");
	ob_udec(o, real / 1000000000ull);
	ob_putc(o, '.');
	ob_frac(o, real % 1000000000ull / 1000, 6);
	ob_puts(o, ",\"pid\":");
	ob_udec(o, tgid);
	ob_puts(o, ",\"tid\":");
	ob_udec(o, tid);
}

static void json_call(struct tracer *t, struct dctx *d, uint64_t ts, uint64_t ts_exit)
{
	struct outbuf *o = d->o;
	char buf[32];
	size_t start, mark;
	int i, split = d->def ? split_at(d->def) : 0;
	bool first = true;
	uint64_t ip;

	json_head(t, o, d->tgid, d->tid, ts);
	if (t->s->show_ip && (record_ip(d->ev_enter, &ip) || record_ip(d->ev_exit, &ip)))
		ob_printf(o, ",\"ip\":\"0x%llx\"", (unsigned long long)ip);
	ob_puts(o, ",\"syscall\":\"");
	ob_puts(o, sc_name(d->nr, buf, sizeof(buf)));
	ob_puts(o, "\",\"args\":[");
	for (i = 0; i < (d->def ? d->def->nargs : BSTRACE_MAX_ARGS); i++) {
		start = o->len;
		if (!first)
			ob_putc(o, ',');
		ob_putc(o, '"');
		mark = o->len;
		d->omit = false;
		d->phase = i < split ? DP_ENTER : DP_EXIT;
		if (d->def && !is_raw(d))
			print_arg(d, i);
		else
			ob_hex(o, d->args[i]);
		if (d->omit) {
			o->len = start;
			continue;
		}
		json_close_string(o, mark);
		first = false;
	}
	ob_putc(o, ']');
	if (!d->exited) {
		ob_puts(o, ",\"return\":null}");
		ob_line_end(o);
		return;
	}
	ob_puts(o, ",\"return\":");
	ob_dec(o, d->failed ? -1ll : (long long)d->ret);
	if (d->failed && errno_name(-d->ret)) {
		ob_puts(o, ",\"errno\":\"");
		ob_puts(o, errno_name(-d->ret));
		ob_putc(o, '"');
	}
	/* the return as strace shows it, suffixes included: "0x1 (flags FD_CLOEXEC)" */
	ob_puts(o, ",\"return_text\":\"");
	mark = o->len;
	print_ret(d);
	for (i = 0; d->def && i < d->def->nargs; i++) {
		if (kinds[d->def->arg[i]].dir == D_INOUT) {
			d->phase = DP_SUFFIX;
			print_arg(d, i);
		}
	}
	json_close_string(o, mark);
	if (d->ev_exit && (d->ev_exit->flags & (EVF_INJECTED | EVF_POKED)))
		ob_puts(o, ",\"injected\":true");
	if (ts && ts_exit > ts && d->ev_exit && (d->ev_exit->flags & EVF_TIMED)) {
		ob_puts(o, ",\"duration\":");
		ob_udec(o, (ts_exit - ts) / 1000000000ull);
		ob_putc(o, '.');
		ob_frac(o, (ts_exit - ts) % 1000000000ull, 9);
	}
	ob_putc(o, '}');
	ob_line_end(o);
}

/* prints a complete or resumed call; `exit` NULL when the task died inside the call */
static void print_call(struct tracer *t, struct task *k, const struct sc_event_hdr *enter,
		       const struct sc_event_hdr *exit)
{
	const struct sc_event_hdr *h = exit ? exit : enter;
	struct outbuf *o = k ? task_out(t, k) : t->out;
	bool resumed = k && k->unfinished && enter;
	uint64_t ts = enter ? enter->ts_enter : (exit->ts_enter ? exit->ts_enter : exit->ts_exit);
	struct dctx d;
	char buf[32];
	uint64_t ip;

	if (!o)
		o = task_out(t, task_find(t, h->tid, true));
	dctx_init(&d, t, o, enter, exit);
	if (k && k->exec_held)
		d.ev_exec = (const void *)k->exec;
	if (t->s->npaths && !touches_paths(t, &d))
		return;
	/* --duration: only the calls that took at least that long (a call cut short: kept) */
	if (t->s->min_duration_ns && exit &&
	    (!(exit->flags & EVF_TIMED) || exit->ts_exit < ts ||
	     exit->ts_exit - ts < t->s->min_duration_ns))
		return;
	if (t->pf)
		perfetto_call(t->pf, &d, ts, exit ? exit->ts_exit : 0);
	if (t->pf_only)
		return;
	if (t->s->json_trace) {
		json_call(t, &d, ts, exit ? exit->ts_exit : 0);
		return;
	}
	if (resumed) {
		print_prefix(t, o, h->tid, exit ? exit->ts_exit : enter->ts_enter,
			     record_ip(enter, &ip) ? enter : exit);
		ob_printf(o, "<... %s resumed>", sc_name(h->nr, buf, sizeof(buf)));
	} else {
		print_prefix(t, o, h->tid, ts, record_ip(enter, &ip) ? enter : exit);
		print_entering(&d);
	}
	print_exiting(t, &d, resumed, ts, exit ? exit->ts_exit : 0);
	if (t->s->any_dump)
		dump_buffers(t, &d);
	if (exit && k && k->stk_len && k->stk_nr == exit->nr)
		print_stack(o, k);
}

/* -e read=/write=: hex and ASCII of the data, 16 bytes a line, as strace prints it */
static void dump_data(struct outbuf *o, const uint8_t *p, size_t n)
{
	static const char hexd[] = "0123456789abcdef";
	size_t off, i;

	for (off = 0; off < n; off += 16) {
		ob_line_begin(o);
		ob_printf(o, " | %05zx  ", off);
		for (i = 0; i < 16; i++) {
			if (off + i < n) {
				ob_putc(o, hexd[p[off + i] >> 4]);
				ob_putc(o, hexd[p[off + i] & 15]);
				ob_putc(o, ' ');
			} else {
				ob_puts(o, "   ");
			}
			if (i == 7)
				ob_putc(o, ' ');
		}
		ob_putc(o, ' ');
		for (i = 0; i < 16; i++) {
			uint8_t c = off + i < n ? p[off + i] : ' ';

			ob_putc(o, c >= ' ' && c <= 0x7e ? c : '.');
		}
		ob_puts(o, " |");
		ob_line_end(o);
	}
}

/* readv/writev and the like under -e read=/write=: the bytes the call moved, buffer by buffer,
 * each one after " * N bytes in buffer K" as strace prints them */
static void dump_iov(struct dctx *d, int arg, bool exit)
{
	uint64_t total = exit ? (uint64_t)d->ret : UINT64_MAX, cnt = d->args[arg + 1], len, n;
	unsigned int i;

	/* strace reads the whole iovec array first: one it cannot read dumps nothing */
	for (i = 0; i < cnt; i++) {
		const struct sc_blob *v = d_blob(d, arg, 2 * i + 1, exit);

		if (!v)
			break;
		if ((v->flags & BLOBF_FAULT) || v->len < 16)
			return;
	}
	for (i = 0; i < cnt && total; i++) {
		const struct sc_blob *v = d_blob(d, arg, 2 * i + 1, exit);
		const struct sc_blob *b = d_blob(d, arg, 2 * i + 2, exit);

		if (!v || (v->flags & BLOBF_FAULT) || v->len < 16)
			break;
		memcpy(&len, blob_data(v) + 8, 8);
		n = len < total ? len : total;
		total -= n;
		if (!n)
			continue;
		ob_line_begin(d->o);
		ob_printf(d->o, " * %llu bytes in buffer %u", (unsigned long long)n, i);
		ob_line_end(d->o);
		if (b && !(b->flags & BLOBF_FAULT))
			dump_data(d->o, blob_data(b), n < b->len ? n : b->len);
	}
}

/* sendmsg/recvmsg: the msghdr's buffers (subs from `sub`, decode.h), `total` bytes in all */
static void dump_msg_iov(struct dctx *d, int arg, int sub, bool exit, uint64_t total)
{
	const struct sc_blob *v = d_blob(d, arg, sub + MH_SUB_IOV, exit);
	uint64_t len, n;
	unsigned int i;

	if (!v || (v->flags & BLOBF_FAULT))
		return;
	for (i = 0; (i + 1) * 16 <= v->len && total; i++) {
		const struct sc_blob *b = d_blob(d, arg, sub + MH_SUB_BUF + i, exit);

		memcpy(&len, blob_data(v) + 16 * i + 8, 8);
		n = len < total ? len : total;
		total -= n;
		if (!n)
			continue;
		ob_line_begin(d->o);
		ob_printf(d->o, " * %llu bytes in buffer %u", (unsigned long long)n, i);
		ob_line_end(d->o);
		if (b && !(b->flags & BLOBF_FAULT))
			dump_data(d->o, blob_data(b), n < b->len ? n : b->len);
	}
}

/* sendmmsg/recvmmsg: each entry the call handled, msg_len bytes of it */
static void dump_mmsg(struct dctx *d, int arg)
{
	const struct sc_blob *a = d_blob(d, arg, 0, true);
	uint64_t j, iovlen;
	uint32_t len;

	if (!a || (a->flags & BLOBF_FAULT))
		return;
	for (j = 0; j < (uint64_t)d->ret && j < MMSG_MAX && (j + 1) * MMSG_SIZE <= a->len; j++) {
		memcpy(&iovlen, blob_data(a) + j * MMSG_SIZE + 24, 8);
		memcpy(&len, blob_data(a) + j * MMSG_SIZE + 56, 4);
		ob_line_begin(d->o);
		ob_printf(d->o, " = %llu buffers in vector %u", (unsigned long long)iovlen,
			  (unsigned int)j);
		ob_line_end(d->o);
		dump_msg_iov(d, arg, MMSG_SUB(j), true, len);
	}
}

static void dump_buffers(struct tracer *t, struct dctx *d)
{
	int i;

	if (!d->def || !d->exited || (int32_t)d->args[0] < 0 || d->args[0] >= BSTRACE_FDSET_MAX)
		return;
	for (i = 0; i < d->def->nargs; i++) {
		unsigned int k = d->def->arg[i];
		const struct sc_blob *b;
		uint64_t n;

		/* what a call read is known only when it succeeded; what a write-like call was
		 * given strace dumps whole, whatever the call then did with it (a partial write,
		 * EAGAIN, mq_timedsend's 0) */
		if ((k == K_IOV_OUT && !d->failed && bit_test(t->s->dump_read, d->args[0])) ||
		    (k == K_IOV_IN && bit_test(t->s->dump_write, d->args[0]))) {
			if (d->def->arg[0] == K_FD)
				dump_iov(d, i, k == K_IOV_OUT);
			continue;
		}
		if ((k == K_MSGHDR_OUT && bit_test(t->s->dump_read, d->args[0])) ||
		    (k == K_MSGHDR_IN && bit_test(t->s->dump_write, d->args[0]))) {
			dump_msg_iov(d, i, 0, k == K_MSGHDR_OUT, d->ret);
			continue;
		}
		if ((k == K_MMSG_OUT && bit_test(t->s->dump_read, d->args[0])) ||
		    (k == K_MMSG_IN && bit_test(t->s->dump_write, d->args[0]))) {
			dump_mmsg(d, i);
			continue;
		}
		if ((k == K_BUF_OUT || k == K_NLBUF_OUT) && !d->failed &&
		    bit_test(t->s->dump_read, d->args[0]))
			n = d->ret;
		else if ((k == K_BUF_IN || k == K_NLBUF_IN) &&
			 bit_test(t->s->dump_write, d->args[0]))
			n = d->args[i + 1];
		else
			continue;
		b = d_blob(d, i, 0, k == K_BUF_OUT || k == K_NLBUF_OUT);
		if (b && !(b->flags & BLOBF_FAULT))
			dump_data(d->o, blob_data(b), n < b->len ? n : b->len);
	}
}

/* -P: does the call name one of the paths, directly or through a descriptor? */
static bool path_match(const struct settings *s, const char *p, size_t n)
{
	int i;

	for (i = 0; i < s->npaths; i++)
		if (strlen(s->paths[i]) == n && !memcmp(s->paths[i], p, n))
			return true;
	return false;
}

static bool touches_paths(struct tracer *t, const struct dctx *d)
{
	char path[BSTRACE_PATH_MAX + 16];
	int i;

	if (!d->def)
		return false;
	for (i = 0; i < d->def->nargs; i++) {
		unsigned int k = d->def->arg[i];
		const struct sc_blob *b;
		size_t n;

		if (k == K_PATH) {
			b = d_blob(d, i, 0, false);
			if (b && !(b->flags & BLOBF_FAULT) &&
			    path_match(t->s, (const char *)blob_data(b), b->len))
				return true;
		} else if (k == K_FD || k == K_DIRFD || fsconfig_path_arg(d, i) == 2) {
			/* the kernel described the fd at the call */
			n = fd_desc_path(d, (int32_t)d->args[i], path, sizeof(path));
			if (n > 0 && path_match(t->s, path, n))
				return true;
		} else if (fsconfig_path_arg(d, i) == 1) {
			b = d_blob(d, i, 0, false);
			if (b && (!(b->flags & BLOBF_FAULT) || (b->flags & BLOBF_PART)) &&
			    path_match(t->s, (const char *)blob_data(b),
				       strnlen((const char *)blob_data(b), b->len)))
				return true;
		}
	}
	return false;
}

/* -Y: a prctl(PR_SET_NAME) that succeeded: the lines after its own have the new name */
static bool is_set_name(const struct sc_event_hdr *h)
{
	static int nr_prctl = -2;

	if (nr_prctl == -2)
		nr_prctl = sc_nr_by_name("prctl");
	return (int)h->nr == nr_prctl && h->args[0] == 15 /* PR_SET_NAME */ && h->ret == 0;
}

/* -Y: the name prctl(PR_SET_NAME) gave, from its captured argument (15 bytes at most) */
static void set_name_comm(struct tracer *t, struct task *k, const struct sc_event_hdr *enter,
			  const struct sc_event_hdr *h)
{
	const struct sc_blob *b;
	struct dctx d;
	size_t n;

	dctx_init(&d, t, t->out, enter, h);
	b = d_blob(&d, 1, 0, false);
	if (!b || (b->flags & BLOBF_FAULT)) {
		read_comm(h->tid, k->comm, sizeof(k->comm));
		return;
	}
	n = strnlen((const char *)blob_data(b), b->len < 15 ? b->len : 15);
	memcpy(k->comm, blob_data(b), n);
	k->comm[n] = '\0';
}

static void handle_syscall(struct tracer *t, const struct sc_event_hdr *h)
{
	struct task *k = task_find(t, h->tid, false);
	const struct sc_event_hdr *enter = NULL;

	if ((h->flags & EVF_ENTERED) && k && k->in_call &&
	    ((const struct sc_event_hdr *)k->enter)->nr == h->nr)
		enter = (const void *)k->enter;
	close_open_line(t, h->tid);
	if (!enter) {
		note_personality(t, k, h);
		k = task_find(t, h->tid, false);
	}
	if (t->s->seccomp_profile)
		profile_note(h->nr);
	if (t->s->hide_status & ((h->flags & EVF_KILLED) ? STATUS_UNFINISHED :
				 is_errno_ret(h->ret) ? STATUS_FAILED : STATUS_SUCCESSFUL))
		goto done;
	if ((h->flags & EVF_KILLED) && !t->s->json_trace) {
		/* the call never returns: as strace shows a call it saw enter but not exit */
		struct outbuf *o = k ? task_out(t, k) : t->out;
		struct dctx d;

		if (!o)
			o = task_out(t, task_find(t, h->tid, true));
		dctx_init(&d, t, o, h, NULL);
		if (t->pf && (!t->s->npaths || touches_paths(t, &d)))
			perfetto_call(t->pf, &d, h->ts_enter ? h->ts_enter : h->ts_exit, h->ts_exit);
		if (!t->s->npaths || touches_paths(t, &d))
			print_unfinished(t, k, o, h, h->ts_enter ? h->ts_enter : h->ts_exit,
					 " <unfinished ...>) = ?");
	} else if (h->flags & EVF_KILLED)
		print_call(t, k, enter ? enter : h, NULL);
	else
		print_call(t, k, enter, h);
	if (t->s->count_after)
		count_note(h->nr, h->ret, h->ts_enter && h->ts_exit > h->ts_enter ?
					  h->ts_exit - h->ts_enter : 0);
done:
	if (k) {
		k->stk_len = 0;	/* -k: a stack whose line was not printed goes with it */
		k->in_call = false;
		k->unfinished = false;
		k->exec_held = false;
		if (k->comm_stale) {
			/* -Y: the lines after the execve's have the new name */
			memcpy(k->comm, k->comm_next, sizeof(k->comm));
			k->comm_stale = false;
		}
		if ((t->s->decode_pids & DP_COMM) && is_set_name(h))
			set_name_comm(t, k, enter, h);
		release_signal(t, k);
	}
	if (t->open_tid == h->tid)
		t->open_tid = 0;
}


static void print_signal_line(struct tracer *t, struct task *k, const struct sc_event_hdr *h)
{
	struct outbuf *o = task_out(t, k);
	char buf[16];
	size_t mark;

	if (t->pf)
		perfetto_signal(t->pf, h);
	if (t->s->json_trace) {
		json_head(t, o, h->tgid, h->tid, h->ts_exit);
		ob_printf(o, ",\"signal\":\"%s\",\"siginfo\":\"",
			  signal_name(h->ret, buf, sizeof(buf)));
		mark = o->len;
		print_siginfo_bytes(o, (const uint8_t *)h->args);
		json_close_string(o, mark);
		ob_putc(o, '}');
		ob_line_end(o);
		return;
	}
	print_prefix(t, o, h->tid, h->ts_exit, h);
	ob_printf(o, "--- %s ", signal_name(h->ret, buf, sizeof(buf)));
	print_siginfo_bytes(o, (const uint8_t *)h->args);
	ob_puts(o, " ---");
	ob_line_end(o);
}

/* a held signal goes out once the syscall it arrived in has been printed */
static void release_signal(struct tracer *t, struct task *k)
{
	if (k && k->sig_held) {
		k->sig_held = false;
		print_signal_line(t, k, &k->sig);
	}
}

static void handle_signal(struct tracer *t, const struct sc_event_hdr *h)
{
	int sig = h->ret;
	struct task *k;

	/* ptrace never sees SIGKILL delivered; strace shows only the death */
	if (sig == 9 || sig <= 0 || sig > 64 || !(t->s->signals & (1ull << (sig - 1))))
		return;
	k = task_find(t, h->tid, true);
	k->tgid = h->tgid;
	release_signal(t, k);
	if (h->flags & EVF_DEFER) {
		k->sig = *h;
		k->sig_held = true;
		return;
	}
	close_open_line(t, 0);
	print_signal_line(t, k, h);
	if (k->stk_len && k->stk_nr == STACK_NR_SIGNAL)
		print_stack(task_out(t, k), k);
}

static bool tgid_has_tasks(const struct tracer *t, uint32_t tgid)
{
	uint32_t i;

	for (i = 0; i < t->ntasks_cap; i++)
		if (t->tasks[i].tid && t->tasks[i].tgid == tgid)
			return true;
	return false;
}

static void print_exit(struct tracer *t, const struct sc_event_hdr *h)
{
	struct task *k = task_find(t, h->tid, true);
	int code = h->ret;
	char buf[16];
	struct outbuf *o;

	/* the execve that supersedes this leader is the open line: it ends as strace ends it
	 * when its task's pid changes under it */
	if ((h->flags & EVF_SUPERSEDED) && t->open_tid == (uint32_t)h->args[0] && !k->in_call)
		close_open_line_as(t, 0, h->tid);
	close_open_line(t, h->tid);
	if (t->pf)
		perfetto_exit(t->pf, h);	/* first: the call it dies in ends at its exit */
	if (k->in_call) {
		/* exit_group(0) = ?, or a call cut short by the death of the process */
		if (!(t->s->hide_status & STATUS_UNFINISHED))
			print_call(t, k, (const void *)k->enter, NULL);
		k->in_call = false;
	}
	t->open_tid = t->open_tid == h->tid ? 0 : t->open_tid;
	release_signal(t, k);
	o = task_out(t, k);
	if (t->s->json_trace) {
		json_head(t, o, h->tgid, h->tid, h->ts_exit);
		if (h->flags & EVF_SUPERSEDED)
			ob_printf(o, ",\"superseded_by\":%llu}", (unsigned long long)h->args[0]);
		else if (h->flags & EVF_UNTRACED)
			ob_puts(o, ",\"untraced\":\"privileged execve\"}");
		else if (code & 0x7f)
			ob_printf(o, ",\"killed\":\"%s\",\"core_dumped\":%s}",
				  signal_name(code & 0x7f, buf, sizeof(buf)),
				  (code & 0x80) ? "true" : "false");
		else
			ob_printf(o, ",\"exited\":%d}", (code >> 8) & 0xff);
		ob_line_end(o);
	} else if (!(t->s->quiet &
		     (h->flags & EVF_SUPERSEDED ? QUIET_THREAD_EXECVE : QUIET_EXIT))) {
		/* -n: an exit with a status came from exit_group (its call is the last one,
		 * traced or not); a killed task shows its last traced call's */
		if (t->s->show_nr && !(code & 0x7f) && !(h->flags & EVF_SUPERSEDED) && k) {
			int nr = t->pers == PERS_COMPAT ? sc_compat_nr_by_name("exit_group") :
							 sc_nr_by_name("exit_group");

			if (nr >= 0)
				k->last_nr = nr;
		}
		print_prefix(t, o, h->tid, h->ts_exit, NULL);
		if (h->flags & EVF_SUPERSEDED)
			ob_printf(o, "+++ superseded by execve in pid %llu +++",
				  (unsigned long long)h->args[0]);
		else if (h->flags & EVF_UNTRACED)
			ob_puts(o, "+++ not traced further: it executed a set-user-ID or "
				   "capability program +++");
		else if (code & 0x7f)
			ob_printf(o, "+++ killed by %s%s +++", signal_name(code & 0x7f, buf, sizeof(buf)),
				  (code & 0x80) ? " (core dumped)" : "");
		else
			ob_printf(o, "+++ exited with %d +++", (code >> 8) & 0xff);
		ob_line_end(o);
	}
	if (t->alive > 0)
		t->alive--;
	if (t->s->decode_pids & DP_COMM) {
		uint32_t g = t->ngone++ % ARRAY_SIZE(t->gone);

		t->gone[g].tid = k->tid;
		memcpy(t->gone[g].comm, k->comm, sizeof(k->comm));
	}
	task_forget(t, k);
	/* -k: the last task of a process took its mappings' last use with it */
	if (t->uw && !(h->flags & EVF_SUPERSEDED) && !tgid_has_tasks(t, h->tgid))
		unwinder_forget(t->uw, h->tgid);
}

/*
 * A leader superseded by a thread's execve: the exec's record follows with argv as the new
 * program has it. Wait for it, so that the execve line printed as unfinished first (strace's
 * order) shows those strings.
 */
static bool tgid_has_others(const struct tracer *t, uint32_t tgid, uint32_t except)
{
	uint32_t i;

	for (i = 0; i < t->ntasks_cap; i++)
		if (t->tasks[i].tid && t->tasks[i].tgid == tgid && t->tasks[i].tid != except)
			return true;
	return false;
}

/*
 * A leader that exits while its threads go on is a zombie until the last of them: strace
 * hears of its exit only then (with the process's status), or hears of nothing but its
 * replacement when a thread executes. Its line waits for either.
 */
static void handle_exit(struct tracer *t, const struct sc_event_hdr *h)
{
	struct task *x;
	struct sc_event_hdr z;

	if ((h->flags & EVF_SUPERSEDED) && !t->super_held) {
		x = task_find(t, (uint32_t)h->args[0], false);
		if (x && x->in_call) {
			t->super = *h;
			t->super_held = true;
			return;
		}
	}
	if (!(h->flags & EVF_SUPERSEDED) && h->tid == h->tgid && t->s->follow &&
	    tgid_has_others(t, h->tgid, h->tid)) {
		x = task_find(t, h->tid, true);
		if (x->in_call) {
			close_open_line(t, h->tid);
			if (!(t->s->hide_status & STATUS_UNFINISHED))
				print_call(t, x, (const void *)x->enter, NULL);
			x->in_call = false;
			if (t->open_tid == h->tid)
				t->open_tid = 0;
		}
		x->zombie = *h;
		x->zombie_held = true;
		return;
	}
	print_exit(t, h);
	/* the last thread of a process whose leader waits: the leader's line, with the status
	 * the process ended with */
	if (h->tid != h->tgid && !tgid_has_others(t, h->tgid, h->tgid)) {
		x = task_find(t, h->tgid, false);
		if (x && x->zombie_held) {
			z = x->zombie;
			z.ret = h->ret;
			z.ts_exit = h->ts_exit;
			x->zombie_held = false;
			print_exit(t, &z);
		}
	}
}

/*
 * -Y: the name an exec gives (the file name's last part, 15 bytes at most), from the EV_EXEC
 * record, so that a process gone before its lines are printed still has it. It applies after
 * the execve line when that is traced.
 */
bool exec_record_comm(const struct sc_event_hdr *h, char comm[16])
{
	const struct sc_blob *b = (const void *)(h + 1);
	const char *p, *base;
	size_t n;

	if (!h->nblobs || (b->flags & BLOBF_FAULT) || h->len < sizeof(*h) + sizeof(*b) + b->len)
		return false;
	p = (const char *)blob_data(b);
	n = strnlen(p, b->len);
	base = memrchr(p, '/', n);
	base = base ? base + 1 : p;
	n -= base - p;
	if (n > 15)
		n = 15;
	memcpy(comm, base, n);
	comm[n] = '\0';
	return true;
}

static void exec_comm(struct tracer *t, struct task *k, const struct sc_event_hdr *h)
{
	if (!exec_record_comm(h, k->comm_next))
		return;
	k->comm_stale = h->nr < BSTRACE_NR_MAX && t->s->trace[h->nr];
	if (!k->comm_stale)
		memcpy(k->comm, k->comm_next, sizeof(k->comm));
}

/*
 * A thread other than the leader exec'd: the kernel gave it the leader's pid (the leader's exit,
 * "superseded", came first). Its execve, entered under its own tid, ends under the new one.
 */
static void handle_exec(struct tracer *t, const struct sc_event_hdr *h)
{
	uint32_t old = (uint32_t)h->ret;
	struct task *k = task_find(t, old && old != h->tid ? old : h->tid, false);
	struct task moved;

	/* keep the record for the execve in flight: its printers take argv from it */
	if (k && k->in_call) {
		keep_record(&k->exec, &k->exec_cap, h);
		k->exec_held = true;
	}
	if (k && (t->s->decode_pids & DP_COMM))
		exec_comm(t, k, h);
	if (t->pf)
		perfetto_exec(t->pf, h);
	if (t->super_held && t->super.tgid == h->tgid) {
		t->super_held = false;
		print_exit(t, &t->super);
		k = task_find(t, old && old != h->tid ? old : h->tid, false);
	}
	/* a thread executes while its leader is a zombie: the leader is superseded */
	if (old && old != h->tid) {
		struct task *l = task_find(t, h->tid, false);

		if (l && l->zombie_held) {
			struct sc_event_hdr z = l->zombie;

			l->zombie_held = false;
			z.flags |= EVF_SUPERSEDED;
			z.args[0] = old;
			print_exit(t, &z);
			k = task_find(t, old, false);
		}
	}
	if (!k || !old || old == h->tid)
		return;
	moved = *k;
	/* the held records and the -ff file go with it */
	k->enter = NULL;
	k->exec = NULL;
	k->out = NULL;
	task_forget(t, k);
	k = task_find(t, h->tid, true);
	if (k->enter || k->exec || k->out) {
		/* a leader whose exit record was lost */
		task_forget(t, k);
		k = task_find(t, h->tid, true);
	}
	moved.tid = h->tid;
	*k = moved;
	if (t->open_tid == old)
		t->open_tid = h->tid;
}

/* -k: the frames unwound for a task's call, one line each, under the call's line */
static void print_stack(struct outbuf *o, struct task *k)
{
	const char *p = k->stk, *end = k->stk + k->stk_len;

	while (p < end) {
		const char *nl = memchr(p, '\n', end - p);
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);

		ob_line_begin(o);
		ob_write(o, p, n);
		ob_line_end(o);
		p += n + 1;
	}
	k->stk_len = 0;
}

/*
 * -k: the stack of a call comes just before the call's record, from the same task; it is
 * unwound now (the mappings are those of this moment) and printed under the call's line.
 */
static void handle_stack(struct tracer *t, const struct sc_event_hdr *h, size_t len)
{
	struct task *k;

	if (!t->uw)
		return;
	k = task_find(t, h->tid, true);
	k->stk_nr = h->nr;
	k->stk_len = unwind_format(t->uw, (const struct stack_rec *)h, len, &k->stk, &k->stk_cap);
}

static void handle_fork(struct tracer *t, const struct sc_event_hdr *h)
{
	struct task *k = task_find(t, (uint32_t)h->ret, true), *parent;

	k->tgid = h->nr;
	t->alive++;
	if (t->pf)
		perfetto_fork(t->pf, h);
	/* -Y: a child has its parent's name until it changes it */
	if ((t->s->decode_pids & DP_COMM) && (parent = task_find(t, h->tid, false)))
		memcpy(k->comm, parent->comm, sizeof(k->comm));
}

int tracer_event(void *ctx, void *data, size_t len)
{
	struct tracer *t = ctx;
	const struct sc_event_hdr *h = data;

	if (len < sizeof(*h) || h->len > len)
		return 0;
	switch (h->type) {
	case EV_SYSCALL:
		handle_syscall(t, h);
		break;
	case EV_ENTER:
		handle_enter(t, h);
		break;
	case EV_SIGNAL:
		handle_signal(t, h);
		break;
	case EV_EXIT:
		handle_exit(t, h);
		break;
	case EV_FORK:
		handle_fork(t, h);
		break;
	case EV_EXEC:
		handle_exec(t, h);
		break;
	case EV_LOST:
		tracer_lost(t, h->args[0], h->ret);
		break;
	case EV_STACK:
		handle_stack(t, h, len);
		break;
	}
	return 0;
}

/* A marker where records were lost: the calls (exit records) and all records among them. */
void tracer_lost(struct tracer *t, uint64_t calls, uint64_t recs)
{
	struct outbuf *o = t->out;

	t->lost += recs;
	if (t->pf)
		perfetto_lost(t->pf, calls, recs);
	if (!o)
		return;
	close_open_line(t, 0);
	ob_line_begin(o);
	if (t->s->json_trace)
		ob_printf(o, "{\"lost\":%llu,\"records\":%llu}", (unsigned long long)calls,
			  (unsigned long long)recs);
	else if (calls == recs)
		ob_printf(o, "<bstrace: %llu calls lost>", (unsigned long long)calls);
	else
		ob_printf(o, "<bstrace: %llu calls lost, %llu records>", (unsigned long long)calls,
			  (unsigned long long)recs);
	ob_line_end(o);
}

void tracer_add_task(struct tracer *t, uint32_t tgid)
{
	struct task *k = task_find(t, tgid, true);

	k->tgid = tgid;
	t->alive++;
	/* -Y: a launched command's name before its execve (bstrace's, as strace shows its own) */
	if (t->s->decode_pids & DP_COMM)
		read_comm(tgid, k->comm, sizeof(k->comm));
	unwinder_track(t->uw, tgid, true);
}

int tracer_alive(const struct tracer *t)
{
	return t->alive;
}

/*
 * Lost records can include exits: forget tasks that no longer exist, so that waiting for the
 * last traced task ends. Returns the tasks still alive.
 */
int tracer_prune_dead(struct tracer *t)
{
	uint32_t i;
	int alive = 0;

	for (i = 0; i < t->ntasks_cap; i++) {
		struct task *k = &t->tasks[i];

		if (!k->tid)
			continue;
		if (task_exists(k)) {
			alive++;
			continue;
		}
		close_call(t, k, false);
		task_forget(t, k);
		i--;	/* task_forget may move another task into this slot */
	}
	t->alive = alive;
	return alive;
}

void tracer_reopen(struct tracer *t, int fd)
{
	if (!t->out)
		return;
	ob_flush(t->out);
	t->out->fd = fd;
}

void tracer_set_lossy(struct tracer *t)
{
	if (t->out)
		t->out->lossy = true;
}

uint64_t tracer_write_lost(const struct tracer *t, int *err)
{
	*err = t->out ? t->out->err : 0;
	return t->out ? t->out->lost_lines : 0;
}

void tracer_set_clock(struct tracer *t, uint64_t boot_to_real_ns)
{
	t->boot_to_real_ns = boot_to_real_ns;
}

void tracer_flush(struct tracer *t)
{
	uint32_t i;

	if (t->out)
		ob_flush(t->out);
	for (i = 0; i < t->ntasks_cap; i++)
		if (t->tasks[i].out)
			ob_flush(t->tasks[i].out);
}

void tracer_free(struct tracer *t)
{
	uint32_t i;

	if (t->super_held) {
		t->super_held = false;
		print_exit(t, &t->super);
	}
	close_open_line(t, 0);
	for (i = 0; i < t->ntasks_cap; i++)
		if (t->tasks[i].tid) {
			/* still there: detached; gone: its exit record was lost */
			close_call(t, &t->tasks[i], task_exists(&t->tasks[i]));
			task_forget(t, &t->tasks[i]), i--;
		}
	if (t->out) {
		ob_flush(t->out);
		free(t->out);
	}
	if (t->pf)
		perfetto_close(t->pf);
	if (pid_tracer == t)
		pid_tracer = NULL;
	unwinder_free(t->uw);
	free(t->tasks);
	free(t);
}
