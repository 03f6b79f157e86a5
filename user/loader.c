// SPDX-License-Identifier: GPL-2.0
/* BPF lifecycle, and the capture plan built from the syscall table before attach. */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <sys/socket.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "decode.h"
#include "loader.h"
#include "perm.h"
#include "bstrace.skel.h"
#include "syscalls.h"
#include "probe.h"

/* the initial pid namespace's inode (include/linux/proc_ns.h) */
#define PROC_PID_INIT_INO 0xEFFFFFFCu

struct loader {
	struct bstrace_bpf *skel;
	struct bstrace_bpf *part[2];	/* split load: the objects that hold the programs */
	struct ring_buffer *rb;
	int ncpus;
	uint64_t *percpu;
	loader_event_fn fn;
	void *ctx;
	unsigned int taken;		/* records in the current chunk */
	loader_chunk_fn chunk_fn;	/* between chunks (backpressure) */
	void *chunk_ctx;
};

/* records handed out per chunk, and per loader_poll(): a busy ring never holds the caller long */
#define LOADER_CHUNK		1024
#define LOADER_POLL_MAX		(16 * LOADER_CHUNK)
#define LOADER_CHUNK_DONE	(-ECANCELED)

void startup_mark(const char *step)
{
	static int on = -1;
	static struct timespec t0;
	struct timespec t;

	if (on < 0) {
		on = getenv("BSTRACE_STARTUP_STATS") != NULL;
		clock_gettime(CLOCK_MONOTONIC, &t0);
	}
	if (!on)
		return;
	clock_gettime(CLOCK_MONOTONIC, &t);
	fprintf(stderr, "bstrace: start-up: %6.2f ms %s\n",
		(t.tv_sec - t0.tv_sec) * 1e3 + (t.tv_nsec - t0.tv_nsec) / 1e6, step);
}

static int on_sample(void *ctx, void *data, size_t len)
{
	struct loader *l = ctx;
	int err = l->fn(l->ctx, data, len);

	if (err)
		return err;
	return ++l->taken >= LOADER_CHUNK ? LOADER_CHUNK_DONE : 0;
}

static bool libbpf_debug;
/* why the last program load failed, from libbpf's warning with the verifier log */
static char load_reason[400];

/*
 * The verifier's reason is the last line of its log before the "processed N insns" summary
 * (e.g. "Unreleased reference id=20 alloc_insn=583"). Keeps "PROG: REASON" in load_reason.
 */
static void keep_verifier_reason(const char *msg)
{
	const char *log = strstr(msg, "-- BEGIN PROG LOAD LOG --");
	const char *name = strstr(msg, "prog '"), *end, *p, *line = NULL, *lend = NULL;
	int nlen = 0;

	if (!log)
		return;
	if (name && name < log) {
		name += 6;
		end = strchr(name, '\'');
		nlen = end && end < log ? (int)(end - name) : 0;
	}
	log += strlen("-- BEGIN PROG LOAD LOG --");
	end = strstr(log, "-- END PROG LOAD LOG --");
	if (!end)
		end = log + strlen(log);
	for (p = log; p < end;) {
		const char *nl = memchr(p, '\n', end - p);
		const char *e = nl ? nl : end;

		if (!strncmp(p, "processed ", 10))
			break;
		if (e > p)
			line = p, lend = e;
		p = nl ? nl + 1 : end;
	}
	if (!line)
		return;
	snprintf(load_reason, sizeof(load_reason), "%.*s%s%.*s", nlen, name ? name : "",
		 nlen ? ": " : "", (int)(lend - line > 300 ? 300 : lend - line), line);
}

/* did both syscall programs run for a syscall of ours? (PROBE_* bits) */
static unsigned int probe_ran(struct bstrace_bpf *skel)
{
	int i;

	for (i = 0; i < 4; i++)
		(void)syscall(SYS_getppid);
	return __atomic_load_n(&skel->data_probe->probe_seen, __ATOMIC_ACQUIRE);
}

/*
 * An attached program that never runs would make an empty trace or an empty table look like
 * a quiet system. Seen on Debian 12's arm64 kernel (6.1) under qemu: now and then the
 * sys_exit program's link is in place and its run count stays 0 for the whole run, while the
 * sched tracepoints fire. So, once attached, bstrace makes a syscall of its own and looks for
 * each program's mark (probe_mark(), bpf/bstrace.bpf.c); a program that did not run is
 * attached again, a few times, before bstrace gives up with an error.
 */
static void check_attach(struct bstrace_bpf *skel, bool debug)
{
	unsigned int want = PROBE_EXIT, seen = 0;
	int attempt;

	if (bpf_program__autoload(skel->progs.on_sys_enter))
		want |= PROBE_ENTER;
	__atomic_store_n(&skel->data_probe->probe_seen, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&skel->data_probe->probe_tgid, (uint32_t)getpid(), __ATOMIC_RELEASE);
	for (attempt = 0; attempt < 5; attempt++) {
		struct bpf_link **links[2] = { &skel->links.on_sys_enter, &skel->links.on_sys_exit };
		struct bpf_program *progs[2] = { skel->progs.on_sys_enter, skel->progs.on_sys_exit };
		int i;

		if (attempt)
			usleep(1000 << attempt);
		seen = probe_ran(skel);
		if ((seen & want) == want || attempt == 4)
			break;
		for (i = 0; i < 2; i++) {
			unsigned int bit = i ? PROBE_EXIT : PROBE_ENTER;

			if (!(want & bit) || (seen & bit))
				continue;
			if (debug)
				fprintf(stderr, "bstrace: %s attached but did not run: attaching it again\n",
					bpf_program__name(progs[i]));
			bpf_link__destroy(*links[i]);
			*links[i] = bpf_program__attach(progs[i]);
			if (!*links[i])
				die("failed to attach %s again: %s", bpf_program__name(progs[i]),
				    strerror(errno));
		}
	}
	__atomic_store_n(&skel->data_probe->probe_tgid, 0, __ATOMIC_RELEASE);
	if ((seen & want) != want)
		die("the raw_syscalls:%s tracepoint does not run bstrace's program (attached %d times)",
		    (want & ~seen) & PROBE_EXIT ? "sys_exit" : "sys_enter", attempt + 1);
}

static int libbpf_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	char *msg = NULL;
	va_list cp;
	int r;

	if (libbpf_debug)
		return vfprintf(stderr, fmt, ap);
	if (level != LIBBPF_WARN)
		return 0;
	va_copy(cp, ap);
	r = vasprintf(&msg, fmt, cp);
	va_end(cp);
	if (r >= 0 && msg)
		keep_verifier_reason(msg);
	free(msg);
	return 0;
}

static uint32_t cap_size(const struct settings *s, int32_t size)
{
	uint32_t n;

	switch (size) {
	case SZ_PATH:
		n = BSTRACE_PATH_MAX;
		break;
	case SZ_STR:
		n = s->strsize + 1;
		break;
	case SZ_MSGBUF:
		n = 8 + (s->strsize > 8 ? s->strsize : 8);
		break;
	case SZ_STR64:
		n = s->strsize + 1 > 64 ? s->strsize + 1 : 64;
		break;
	case SZ_DUMP:
		if (s->redact)
			return 0;
		/* strace reads one byte more than -s shows, all of which must be readable */
		n = s->any_dump ? BSTRACE_CHUNK - 1 : s->strsize + 1;
		break;
	default:
		n = size;
	}
	return n > BSTRACE_CHUNK - 1 ? BSTRACE_CHUNK - 1 : n;
}

#define SIGINFO_FD_OFFSET	24	/* si_fd in a 64-bit siginfo_t */
#define URING_WQ_FD_OFFSET	24	/* wq_fd in struct io_uring_params */

/*
 * The offset of the int pair FD_SLOT_PAIR describes in a structure holding an fd, -1 for
 * other kinds. The pair is read whole: it must not reach past the structure's end.
 */
static int struct_fd_offset(unsigned int kind)
{
	switch (kind) {
	case K_MOUNT_ATTR:		/* struct mount_attr's userns_fd */
		return 24;
	case K_LANDLOCK_RULE_ATTR:	/* parent_fd (at 8) of the packed 12-byte struct */
		return 4;
	case K_KCMP_IDX2:		/* struct kcmp_epoll_slot's efd and tfd */
		return 0;
	case K_IOCTL_ARG:		/* struct seccomp_notif_addfd's srcfd (and newfd) */
		return 12;
	}
	return -1;
}

/* kcmp: two fds and a struct in its last two arguments need an enter record with -y */
static bool kcmp_fd_enter(const struct sc_def *def)
{
	int i;

	for (i = 0; i < def->nargs; i++)
		if (def->arg[i] == K_KCMP_IDX2)
			return true;
	return false;
}

/*
 * -y, -yy, -P: the kernel describes the fds of a call (bpf/bstrace.h, struct sc_fd). Arguments
 * at enter when the call changes them (TFE) or an enter record may carry them, else at exit;
 * returned fds and pipe's pair after a successful call; a siginfo's si_fd as the call reads it.
 */
static void plan_fds(const struct sc_def *def, struct sc_plan *p, bool always, bool blocking)
{
	struct cap_spec fd = { .kind = CAP_FD, .len_arg = LEN_NONE };
	int i;

	for (i = 0; i < def->nargs; i++) {
		int off = struct_fd_offset(def->arg[i]);

		/* an fd inside a structure the call reads: the pair at its offset */
		if (off >= 0) {
			struct cap_spec *c = always ? &p->enter[FD_SLOT_PAIR] : &p->exit[FD_SLOT_PAIR];

			*c = (struct cap_spec){ .kind = CAP_FD, .elem = i, .size = off,
						.len_arg = LEN_NONE };
			if (always)
				p->ncap_enter = FD_SLOT_PAIR + 1;
			else
				p->ncap_exit = FD_SLOT_PAIR + 1;
		}
		/* kcmp's idx2 is an fd of pid2 (KCMP_FILE) or the struct: with the struct copied at
		 * enter (kcmp_fd_enter), the exit slot describes the register */
		if (def->arg[i] == K_KCMP_IDX2 && always) {
			p->exit[i] = fd;
			if (p->ncap_exit < i + 1)
				p->ncap_exit = i + 1;
		}
		if (def->arg[i] == K_FDPAIR) {
			p->exit[FD_SLOT_PAIR] = (struct cap_spec){ .kind = CAP_FD, .elem = i,
				.flags = CAPF_OK_ONLY, .len_arg = LEN_NONE };
			p->ncap_exit = FD_SLOT_PAIR + 1;
		}
		/* bpf(2): the fds in union bpf_attr, at entry (bpf_refs says where) */
		if (def->arg[i] == K_BPF_ATTR) {
			p->enter[FD_SLOT_PAIR] = (struct cap_spec){ .kind = CAP_FD, .elem = i,
				.size = BPF_ATTR_FDS, .len_arg = LEN_NONE };
			p->ncap_enter = FD_SLOT_PAIR + 1;
		}
		/* io_uring_register: the fds of the arrays its argument is or points to (by the
		 * opcode's bpf_refs row); at exit those an enter record had no room for (the
		 * call changes no fd) */
		if (def->arg[i] == K_URING_REG_ARG) {
			struct cap_spec fdv = { .kind = CAP_FD, .elem = i, .size = REF_FDV,
						.len_arg = LEN_NONE };

			if (always || blocking) {
				p->enter[FD_SLOT_PAIR] = fdv;
				p->ncap_enter = FD_SLOT_PAIR + 1;
			}
			p->exit[FD_SLOT_PAIR] = fdv;
			p->ncap_exit = FD_SLOT_PAIR + 1;
		}
		/* a siginfo the call takes: its si_fd (and the int after it), at entry; so
		 * io_uring_params.wq_fd */
		if (def->arg[i] == K_SIGINFO_IN || def->arg[i] == K_PTRACE_DATA ||
		    def->arg[i] == K_IO_URING_PARAMS) {
			struct cap_spec *c = always ? &p->enter[FD_SLOT_PAIR] : &p->exit[FD_SLOT_PAIR];

			*c = (struct cap_spec){ .kind = CAP_FD, .elem = i,
						.size = def->arg[i] == K_IO_URING_PARAMS ?
							URING_WQ_FD_OFFSET : SIGINFO_FD_OFFSET,
						.len_arg = LEN_NONE };
			if (always)
				p->ncap_enter = FD_SLOT_PAIR + 1;
			else
				p->ncap_exit = FD_SLOT_PAIR + 1;
		}
		/* a sockaddr_xdp's sxdp_shared_umem_fd (at 12; read from 8 with sxdp_queue_id, so
		 * that the 8 bytes lie inside its 16): described only when the pair slot is free */
		if (def->arg[i] == K_SOCKADDR_IN) {
			struct cap_spec *c = always ? &p->enter[FD_SLOT_PAIR] : &p->exit[FD_SLOT_PAIR];

			if (c->kind == CAP_NONE) {
				*c = (struct cap_spec){ .kind = CAP_FD, .elem = i, .size = 8,
							.len_arg = LEN_NONE };
				if (always)
					p->ncap_enter = FD_SLOT_PAIR + 1;
				else
					p->ncap_exit = FD_SLOT_PAIR + 1;
			}
		}
		if (def->arg[i] != K_FD && def->arg[i] != K_DIRFD && def->arg[i] != K_KCMP_IDX1 &&
		    def->arg[i] != K_FSCONFIG_FD && def->arg[i] != K_FSCONFIG_AUX)
			continue;
		if (always || blocking) {
			p->enter[i] = fd;
			if (p->ncap_enter < i + 1)
				p->ncap_enter = i + 1;
		}
		/* at exit too where no EV_ENTER described them: a call -e inject= answered
		 * (no sys_enter ran for it) */
		p->exit[i] = fd;
		if (always || blocking)
			p->exit[i].flags = CAPF_NO_ENTER;
		if (p->ncap_exit < i + 1)
			p->ncap_exit = i + 1;
	}
	if (def->ret == R_FD || def->ret == R_BPF || def->ret == R_LANDLOCK) {
		p->exit[FD_SLOT_RET] = (struct cap_spec){ .kind = CAP_FD, .flags = CAPF_OK_ONLY,
							  .len_arg = LEN_NONE };
		if (p->ncap_exit < FD_SLOT_RET + 1)
			p->ncap_exit = FD_SLOT_RET + 1;
	}
}

/*
 * recvmsg's msghdr and recvmmsg's array print after the call, but msg_namelen as it was passed
 * too ("110 => 36"): an enter record copies the structs alone (CAP_MSGHDR/CAP_MMSG with
 * CAPF_RET_LEN), the exit the rest
 */
static bool recv_msghdr(int kind)
{
	return kind == K_MSGHDR_OUT || kind == K_MMSG_OUT;
}

/* execve, execveat: a successful one leaves the new program's memory at exit */
static bool is_exec(const struct sc_def *def)
{
	return !strcmp(def->name, "execve") || !strcmp(def->name, "execveat");
}

/* One plan entry from one table row: which argument to copy, when, how much. */
static void plan_one(const struct settings *s, uint32_t nr, const struct sc_def *def,
		     struct sc_plan *p)
{
	bool always, blocking, fds;
	int i;

	memset(p, 0, sizeof(*p));
	if (s->trace[nr])
		p->flags |= PLAN_TRACE;
	if (s->only_failed)
		p->flags |= PLAN_FAILED_ONLY;
	if (s->only_ok)
		p->flags |= PLAN_OK_ONLY;
	if (!def)
		return;
	fds = s->decode_fds || s->npaths;
	always = def->cls & TE || (fds && ((def->cls & TFE) || kcmp_fd_enter(def)));
	for (i = 0; i < def->nargs; i++)
		if (kinds[def->arg[i]].dir == D_INOUT || recv_msghdr(def->arg[i]))
			always = true;
	blocking = !always && (def->cls & TB);
	if (always)
		p->flags |= PLAN_ENTER_REC;
	if (blocking)
		p->flags |= PLAN_ENTER_BLOCKING;
	if (def->ret == R_NONE)
		p->flags |= PLAN_NO_RETURN;

	for (i = 0; i < def->nargs; i++) {
		const struct kind_def *k = &kinds[def->arg[i]];
		struct cap_spec cs = { .kind = k->cap, .elem = k->elem };

		if (k->cap == CAP_NONE)
			continue;
		/* a 32-bit call's structs are laid out otherwise: their address only */
		if (sc_is_compat(nr) && !kind_compat_safe(nr, def->arg[i]))
			continue;
		cs.size = cap_size(s, k->size);
		if (def->arg[i] == K_ENVP && s->verbose) {
			cs.kind = CAP_STRV;
			cs.size = s->strsize + 1;
		}
		switch (k->len) {
		case L_NEXT: cs.len_arg = i + 1; break;
		case L_RET: cs.len_arg = LEN_RET; break;
		case L_ARG0: cs.len_arg = 0; break;
		case L_PREV: cs.len_arg = i - 1; break;
		case L_ARG1: cs.len_arg = 1; break;
		default: cs.len_arg = LEN_NONE;
		}
		if (def->arg[i] == K_SIGFRAME_MASK)
			cs.flags |= CAPF_FROM_SP;
		if (def->arg[i] == K_FDSET || def->arg[i] == K_NODEMASK_IN ||
		    def->arg[i] == K_NODEMASK_OUT)
			cs.flags |= CAPF_BITS_LEN;
		if (def->arg[i] == K_MINCORE_VEC)
			cs.flags |= CAPF_PAGES_LEN;
		if (def->arg[i] == K_PSELECT6_SIG || def->arg[i] == K_PTRACE_DATA)
			cs.flags |= CAPF_DEREF;
		/* classic BPF programs print instruction by instruction with -v only (a 32-bit
		 * call's struct sock_fprog is laid out otherwise) */
		if (s->verbose && !sc_is_compat(nr) &&
		    (def->arg[i] == K_SOCKOPT_VAL_IN || def->arg[i] == K_SECCOMP_ARGS ||
		     def->arg[i] == K_PRCTL_ARG3)) {
			cs.kind = CAP_FPROG;
			cs.elem = k->cap == CAP_BUF;	/* setsockopt's: optlen bytes */
		}
		if (s->verbose && def->arg[i] == K_SOCKOPT_VAL_OUT) {
			cs.kind = CAP_FILTER_LENPTR;
			cs.elem = SO_GET_FILTER;
		}
		if (recv_msghdr(def->arg[i]))
			cs.flags |= CAPF_RET_LEN;
		if (k->cap == CAP_IOV) {
			cs.len_arg = i + 1;
			if (k->dir == D_OUT)
				cs.flags |= CAPF_RET_LEN;
		}
		/* a length argument of a 32-bit C type: its register's high half is not part of it */
		if (cs.len_arg < BSTRACE_MAX_ARGS && cs.len_arg < def->nargs &&
		    (kind_types[def->arg[cs.len_arg]] == T_INT ||
		     kind_types[def->arg[cs.len_arg]] == T_UINT))
			cs.len_arg |= LEN_32;
		if (k->dir == D_OUT || k->dir == D_LATE || k->dir == D_INOUT) {
			/* outputs: after the call, when it succeeded */
			struct cap_spec out = cs;

			/* readv's iovecs, mincore's vector and msgrcv's buffer print even when
			 * the call failed, and sched_setattr's and perf_event_open's size after
			 * E2BIG */
			if (k->cap != CAP_IOV && def->arg[i] != K_MINCORE_VEC &&
			    def->arg[i] != K_MMSG_IN &&
			    def->arg[i] != K_SCHED_ATTR_IN && def->arg[i] != K_MSGBUF_OUT &&
			    def->arg[i] != K_PERF_EVENT_ATTR && def->arg[i] != K_BPF_ATTR)
				out.flags |= CAPF_OK_ONLY;
			p->exit[i] = out;
			p->ncap_exit = i + 1;
			if (k->dir != D_INOUT && !recv_msghdr(def->arg[i]))
				continue;
		}
		/* inputs: at enter when an EV_ENTER may carry them, else (or also) at exit */
		if (always || blocking) {
			p->enter[i] = cs;
			p->ncap_enter = i + 1;
		}
		if (k->dir == D_IN && !(cs.flags & CAPF_FROM_SP)) {
			/* at exit: the only copy, or again where the enter copy faulted (a page
			 * not in yet); execve's memory survives only a failed call. A call
			 * -e inject= answers has no enter: its memory is as the caller left it */
			if (always || blocking)
				cs.flags |= CAPF_NO_ENTER;
			if (always && (!s->inject[nr] || is_exec(def)))
				cs.flags |= CAPF_FAIL_ONLY;
			p->exit[i] = cs;
			p->ncap_exit = i + 1;
		}
		/* clone3's struct again after the call, with what the call wrote through it
		 * (the BPF side skips a failed call's where the enter copied the struct) */
		if (def->arg[i] == K_CLONE_ARGS) {
			p->exit[i] = cs;
			p->exit[i].flags &= ~(CAPF_NO_ENTER | CAPF_FAIL_ONLY);
			p->ncap_exit = i + 1;
		}
		/* prctl's arg5 after the call: PR_SCHED_CORE_GET's cookie (a u64); the bytes
		 * of PR_SET_VMA's name where no enter copy holds them (an injected call) */
		if (def->arg[i] == K_PRCTL_ARG5) {
			p->exit[i] = (struct cap_spec){ .kind = CAP_FIXED, .len_arg = LEN_NONE,
							.size = cs.size < 8 ? 8 : cs.size };
			p->ncap_exit = i + 1;
		}
	}
	if (fds)
		plan_fds(def, p, always, blocking);
}

/*
 * The numbers of execve and execveat in both personalities, and the ones their exit can show
 * after the exec changed the personality (x86: the new mode's execve; arm64: the same number,
 * read in the new mode). Without a 32-bit table the BPF side skips all of it.
 */
static void set_exec_nrs(struct bstrace_bpf *skel)
{
	int ev = sc_nr_by_name("execve"), eva = sc_nr_by_name("execveat");
	int cev = sc_compat_nr_by_name("execve"), ceva = sc_compat_nr_by_name("execveat");
	const int b = BSTRACE_COMPAT_BASE;
	int exits[8] = { ev, eva, cev, ceva, ev + b, eva + b, cev - b, ceva - b };
	int i;

	if (ev < 0 || eva < 0 || cev < 0 || ceva < 0)
		return;
	skel->rodata->cfg_nr_execve_c = cev;
	skel->rodata->cfg_nr_execveat_c = ceva;
	for (i = 0; i < 8; i++)
		skel->rodata->cfg_exec_exit[i] = exits[i];
}

/* the capture kinds the plan uses at enter and at exit: BPF leaves out the others' code */
static struct sc_plan all_plans[BSTRACE_NR_MAX];	/* plan_caps() makes, fill_plan() writes */

static void plan_caps(const struct settings *s, uint32_t *enter, uint32_t *exit)
{
	uint32_t nr;
	int j;

	_Static_assert(CAP_REFS < 32, "capture kinds are bits of a __u32");
	*enter = *exit = 0;
	for (nr = 0; nr < BSTRACE_NR_MAX; nr++) {
		struct sc_plan *p = &all_plans[nr];

		plan_one(s, nr, sc_by_nr(nr), p);
		for (j = 0; j < 8; j++) {
			*enter |= 1u << (p->enter[j].kind & 31);
			*exit |= 1u << (p->exit[j].kind & 31);
		}
	}
}

static void fill_plan(struct loader *l, const struct settings *s)
{
	static struct sc_plan plans[BSTRACE_NR_MAX];
	static uint32_t keys[BSTRACE_NR_MAX];
	static const struct sc_plan none;
	int fd = bpf_map__fd(l->skel->maps.plan);
	int execve = sc_nr_by_name("execve"), execveat = sc_nr_by_name("execveat");
	uint32_t nr, n = 0, i, count;
	uint8_t want;

	for (nr = 0; nr < BSTRACE_NR_MAX; nr++) {
		struct sc_plan *p = &plans[n];

		*p = all_plans[nr];
		/* execve always: the launched child waits for it */
		want = (p->flags & PLAN_TRACE) && (l->skel->rodata->cfg_timed ||
						   (p->flags & (PLAN_ENTER_REC | PLAN_ENTER_BLOCKING)));
		if ((int)nr == execve || (int)nr == execveat)
			want = 1;
		/* BPF tests the register's number before it knows the personality: a 32-bit
		 * call's bit is its own number's (no 64-bit table here reaches BSTRACE_COMPAT_BASE) */
		if (sc_is_compat(nr))
			l->skel->bss->enter_wanted[nr - BSTRACE_COMPAT_BASE] |= want;
		else
			l->skel->bss->enter_wanted[nr] = want;
		l->skel->bss->count_wanted[nr] = !!(p->flags & PLAN_TRACE);
		l->skel->bss->inject_wanted[nr] = s->inject[nr] != 0;
		/* the array starts zeroed: only the rows that say something are written */
		if (memcmp(p, &none, sizeof(none)))
			keys[n++] = nr;
	}
	/* one system call for all of them (Linux 5.6); one by one where that is refused */
	count = n;
	if (!n || !bpf_map_update_batch(fd, keys, plans, &count, NULL))
		return;
	for (i = 0; i < n; i++)
		if (bpf_map_update_elem(fd, &keys[i], &plans[i], BPF_ANY))
			die("cannot fill the capture plan: %s", strerror(errno));
}

/* the memory ioctl arguments point to that is copied with them, by request */
/* n rows in one system call (each one costs ~50 us otherwise); one by one where refused */
static void map_fill(int fd, const void *keys, size_t ksize, const void *vals, size_t vsize,
		     uint32_t n, const char *what)
{
	uint32_t count = n, i;

	if (!n || !bpf_map_update_batch(fd, keys, vals, &count, NULL))
		return;
	for (i = 0; i < n; i++)
		if (bpf_map_update_elem(fd, (const char *)keys + i * ksize,
					(const char *)vals + i * vsize, BPF_ANY))
			die("cannot fill the %s: %s", what, strerror(errno));
}

static void fill_ioctl_refs(struct loader *l, const struct settings *s)
{
	struct ioctl_ref refs[IOCTL_REFS];
	uint32_t keys[IOCTL_REFS];
	int fd = bpf_map__fd(l->skel->maps.ioctl_refs);
	unsigned int i, n = v4l2_ioctl_refs(refs, IOCTL_REFS, s->strsize);

	n += kd_ioctl_refs(refs + n, IOCTL_REFS - n, s->strsize, s->verbose);
	n += custom_ioctl_refs(refs + n, IOCTL_REFS - n, s->verbose);
	n += loop_ioctl_refs(refs + n, IOCTL_REFS - n);
	n += ubi_ioctl_refs(refs + n, IOCTL_REFS - n);

	for (i = 0; i < n; i++)
		keys[i] = refs[i].req;
	map_fill(fd, keys, sizeof(keys[0]), refs, sizeof(refs[0]), n, "ioctl references");
}

/* the memory bpf(2)'s union bpf_attr points to, and its fds, by command; so for the structs
 * of io_uring_register by opcode (BPF_REF_KEY) */
static void fill_bpf_refs(struct loader *l, const struct settings *s)
{
	struct bpf_ref refs[BPF_REFS] = { 0 };
	uint32_t cmds[BPF_REFS];
	int fd = bpf_map__fd(l->skel->maps.bpf_refs);
	unsigned int n = bpf_cmd_refs(cmds, refs, BPF_REFS, s);

	/* io_uring_register's structs by opcode */
	n += uring_refs(cmds + n, refs + n, BPF_REFS - n, s);
	map_fill(fd, cmds, sizeof(cmds[0]), refs, sizeof(refs[0]), n, "bpf references");
}

/*
 * BSTRACE_VERIFIER_STATS=1: one line per program with the verifier's work (the largest part of
 * start-up; the benchmark reports it).
 */
#define VSTATS_LOG 65536	/* the stats line lists every subprogram's stack depth: 4 KiB was too small (ENOSPC) */
static char *vstats_logs;

/* each object's programs get 16 log slots from `base` (a split load has three objects) */
static void verifier_stats_prepare(struct bpf_object *obj, int base)
{
	struct bpf_program *p;
	int i = base;

	if (!getenv("BSTRACE_VERIFIER_STATS"))
		return;
	if (!vstats_logs)
		vstats_logs = calloc(48, VSTATS_LOG);
	if (!vstats_logs)
		return;
	bpf_object__for_each_program(p, obj) {
		if (i == base + 16)
			break;
		bpf_program__set_log_buf(p, vstats_logs + i++ * VSTATS_LOG, VSTATS_LOG);
		bpf_program__set_log_level(p, 4);
	}
}

static void verifier_stats_print(struct bpf_object *obj, int base)
{
	struct bpf_program *p;
	unsigned long us, insns;
	const char *t, *n;
	int i = base;

	if (!vstats_logs)
		return;
	bpf_object__for_each_program(p, obj) {
		const char *log = vstats_logs + i++ * VSTATS_LOG;

		if (i > base + 16)
			break;
		t = strstr(log, "verification time ");
		n = strstr(log, "processed ");
		if (!t || !n || sscanf(t, "verification time %lu", &us) != 1 ||
		    sscanf(n, "processed %lu", &insns) != 1)
			continue;
		fprintf(stderr, "bstrace: verifier: %s %lu insns, %.1f ms\n",
			bpf_program__name(p), insns, us / 1000.0);
		if (getenv("BSTRACE_VERIFIER_STATS")[0] == '2' && (t = strstr(log, "stack depth ")))
			fprintf(stderr, "bstrace: verifier: %s %.*s\n", bpf_program__name(p),
				(int)strcspn(t, "\n"), t);
	}
}

static void verifier_stats_done(void)
{
	free(vstats_logs);
	vstats_logs = NULL;
}

/*
 * Split load. The verifier is most of the start-up (on_sys_exit ~15 ms, on_sys_enter ~9 ms
 * here) and libbpf verifies an object's programs one after the other. So, with two CPUs or
 * more, the configured object (`skel`) is loaded without programs: it creates and fills the
 * maps (its .rodata frozen, which the verifier reads to drop the code a mode does not run).
 * Two more instances of the same object, opened by a thread meanwhile, take those maps
 * (bpf_map__reuse_fd) and are loaded at the same time: on_sys_exit (and on_sys_exit_poke) in
 * one, the other programs in the other. skel's program pointers are then pointed at the loaded
 * programs, so that attaching and everything after works on skel as before.
 * BSTRACE_SPLIT_LOAD=0 loads in one piece.
 */
struct split {
	const char *btf_path;
	struct bstrace_bpf *part[2];
	int err;
	/* the ring buffer (~3 ms to create 8 MB), made first by the opener for skel to take */
	uint32_t ring_bytes;
	int ring_fd;		/* -errno if it failed: skel makes its own */
	bool ring_done;
	pthread_mutex_t lock;
	pthread_cond_t cond;
};

static bool split_exit_side(const char *name)
{
	return !strcmp(name, "on_sys_exit") || !strcmp(name, "on_sys_exit_poke");
}

static void *split_open(void *arg)
{
	struct split *sp = arg;
	int fd, i;

	fd = bpf_map_create(BPF_MAP_TYPE_RINGBUF, "events", 0, 0, sp->ring_bytes, NULL);
	pthread_mutex_lock(&sp->lock);
	sp->ring_fd = fd < 0 ? -errno : fd;
	sp->ring_done = true;
	pthread_cond_signal(&sp->cond);
	pthread_mutex_unlock(&sp->lock);

	for (i = 0; i < 2; i++) {
		LIBBPF_OPTS(bpf_object_open_opts, oo, .btf_custom_path = sp->btf_path);

		sp->part[i] = bstrace_bpf__open_opts(&oo);
		if (!sp->part[i]) {
			sp->err = -errno;
			break;
		}
	}
	return NULL;
}

static void *split_load(void *arg)
{
	struct bstrace_bpf *part = arg;

	return (void *)(long)bpf_object__load(part->obj);
}

static bool split_wanted(void)
{
	const char *e = getenv("BSTRACE_SPLIT_LOAD");

	if (e && !strcmp(e, "0"))
		return false;
	return sysconf(_SC_NPROCESSORS_ONLN) >= 2;
}

/* the programs of `part` (0: the exit side, 1: the rest) that skel would load, on skel's maps */
static int split_prepare(struct bstrace_bpf *skel, struct bstrace_bpf *part, int side,
			 const bool *want)
{
	const struct bpf_object_skeleton *sk = skel->skeleton;
	struct bpf_map *m;
	int i, n = 0, err;

	for (i = 0; i < sk->prog_cnt; i++) {
		struct bpf_program *p = bpf_object__find_program_by_name(part->obj,
									 sk->progs[i].name);
		bool mine = want[i] && split_exit_side(sk->progs[i].name) == (side == 0);

		if (!p)
			return -ENOENT;
		bpf_program__set_autoload(p, mine);
		bpf_program__set_autoattach(p, bpf_program__autoattach(*sk->progs[i].prog));
		n += mine;
	}
	bpf_object__for_each_map(m, part->obj) {
		struct bpf_map *src = bpf_object__find_map_by_name(skel->obj, bpf_map__name(m));

		if (!src)
			return -ENOENT;
		err = bpf_map__reuse_fd(m, bpf_map__fd(src));
		if (err)
			return err;
	}
	return n;
}

static int load_split(struct loader *l, struct split *sp, pthread_t opener)
{
	struct bstrace_bpf *skel = l->skel;
	const struct bpf_object_skeleton *sk = skel->skeleton;
	bool want[32] = { false };
	int i, n[2] = { 0, 0 }, err;
	pthread_t t;
	void *rv;

	if (sk->prog_cnt > 32)
		die("split load: %d programs", sk->prog_cnt);
	for (i = 0; i < sk->prog_cnt; i++) {
		want[i] = bpf_program__autoload(*sk->progs[i].prog);
		bpf_program__set_autoload(*sk->progs[i].prog, false);
	}
	pthread_mutex_lock(&sp->lock);
	while (!sp->ring_done)
		pthread_cond_wait(&sp->cond, &sp->lock);
	pthread_mutex_unlock(&sp->lock);
	if (sp->ring_fd >= 0) {
		if (bpf_map__reuse_fd(skel->maps.events, sp->ring_fd))
			die("cannot use the ring buffer: %s", strerror(errno));
		close(sp->ring_fd);	/* libbpf holds a copy */
	}
	err = bstrace_bpf__load(skel);
	startup_mark("maps created");
	pthread_join(opener, NULL);
	if (err)
		return err;
	if (sp->err)
		return sp->err;
	for (i = 0; i < 2; i++) {
		l->part[i] = sp->part[i];
		n[i] = split_prepare(skel, sp->part[i], i, want);
		if (n[i] < 0)
			return n[i];
		verifier_stats_prepare(sp->part[i]->obj, 16 + 16 * i);
	}
	if (n[1] && (err = pthread_create(&t, NULL, split_load, sp->part[1])))
		return -err;
	err = n[0] ? bpf_object__load(sp->part[0]->obj) : 0;
	if (n[1]) {
		pthread_join(t, &rv);
		if (!err)
			err = (int)(long)rv;
	}
	if (err)
		return err;
	/* skel's programs are the loaded ones from here on */
	for (i = 0; i < sk->prog_cnt; i++) {
		int side = split_exit_side(sk->progs[i].name) ? 0 : 1;

		if (want[i])
			*sk->progs[i].prog = bpf_object__find_program_by_name(
				sp->part[side]->obj, sk->progs[i].name);
	}
	for (i = 0; i < 2; i++)
		verifier_stats_print(sp->part[i]->obj, 16 + 16 * i);
	return 0;
}

/*
 * CO-RE against the whole kernel BTF costs ~45 ms of start-up here (libbpf searches its
 * 126k types for every struct the programs read); against a BTF holding only those types
 * (`bpftool gen min_core_btf`) nothing. Such a BTF is kept per kernel build and per BPF object in
 * BTF_CACHE_DIR, made by bpftool in the background after the first run. With it libbpf does not
 * read the kernel's BTF at all (5 MB: ~35 ms here), since the programs are raw_tp ones, which
 * attach by tracepoint name (tp_btf ones need the kernel BTF's btf_trace_X type ids). Root
 * only, the files root's and not writable by others; BSTRACE_BTF_CACHE=0 turns it off.
 */
#define BTF_CACHE_DIR "/var/cache/bstrace"

/* FNV-1a's step over 8-byte words (then the tail bytes): the object is 1 MB, bytewise ~2 ms */
static uint64_t fnv1a(uint64_t h, const void *p, size_t n)
{
	const unsigned char *c = p;
	uint64_t w;

	for (; n >= 8; n -= 8, c += 8) {
		memcpy(&w, c, 8);
		h = (h ^ w) * 0x100000001b3ull;
	}
	while (n--)
		h = (h ^ *c++) * 0x100000001b3ull;
	return h;
}

/* the cache file's path for this kernel build (its build-id note) and this object; false: none */
static bool btf_cache_path(char *path, size_t len)
{
	const char *env = getenv("BSTRACE_BTF_CACHE");
	unsigned char notes[4096];
	const void *obj;
	struct stat st;
	uint64_t h = 0xcbf29ce484222325ull;
	size_t osz;
	ssize_t n;
	int fd;

	if ((env && !strcmp(env, "0")) || getuid() != 0 || geteuid() != 0)
		return false;
	fd = open("/sys/kernel/notes", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	n = read(fd, notes, sizeof(notes));
	close(fd);
	if (n <= 0 || !memmem(notes, n, "GNU", 4) || stat("/sys/kernel/btf/vmlinux", &st))
		return false;
	h = fnv1a(h, notes, n);
	h = fnv1a(h, &st.st_size, sizeof(st.st_size));
	obj = bstrace_bpf__elf_bytes(&osz);
	h = fnv1a(h, obj, osz);
	return snprintf(path, len, BTF_CACHE_DIR "/core-%016llx.btf", (unsigned long long)h) <
	       (int)len;
}

/* the directory is root's, no one else may write to it, and it is no symlink (lstat) */
static bool btf_cache_dir_ok(void)
{
	struct stat st;

	return !lstat(BTF_CACHE_DIR, &st) && S_ISDIR(st.st_mode) && st.st_uid == 0 &&
	       !(st.st_mode & 022);
}

static bool btf_cache_usable(const char *path)
{
	struct stat st;

	return btf_cache_dir_ok() && !lstat(path, &st) && S_ISREG(st.st_mode) &&
	       st.st_uid == 0 && !(st.st_mode & 022) && st.st_size > 0;
}

/* bpftool writes the minimal BTF for next time; bstrace does not wait for it */
static void btf_cache_make(const char *path)
{
	char obj[PATH_MAX], tmp[PATH_MAX];
	const void *elf;
	size_t sz;
	pid_t pid;
	int fd, devnull;

	if (access("/usr/sbin/bpftool", X_OK) || (mkdir(BTF_CACHE_DIR, 0755) && errno != EEXIST) ||
	    !btf_cache_dir_ok())
		return;
	if (snprintf(obj, sizeof(obj), "%s.%d.o", path, (int)getpid()) >= (int)sizeof(obj) ||
	    snprintf(tmp, sizeof(tmp), "%s.%d.tmp", path, (int)getpid()) >= (int)sizeof(tmp))
		return;
	elf = bstrace_bpf__elf_bytes(&sz);
	fd = open(obj, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return;
	if (write(fd, elf, sz) != (ssize_t)sz) {
		close(fd);
		unlink(obj);
		return;
	}
	close(fd);
	devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
	/* twice: the grandchild belongs to init, the child is reaped here at once */
	pid = fork();
	if (pid == 0) {
		if (fork() == 0) {
			if (devnull >= 0) {
				dup2(devnull, 0);
				dup2(devnull, 1);
				dup2(devnull, 2);
			}
			execl("/bin/sh", "sh", "-c",
			      "umask 022; nice -n 10 /usr/sbin/bpftool gen min_core_btf "
			      "/sys/kernel/btf/vmlinux \"$2\" \"$3\" && mv -f \"$2\" \"$1\"; "
			      "rm -f \"$2\" \"$3\"; "
			      /* the newest 8 (other kernels, other builds): bounded */
			      "cd " BTF_CACHE_DIR " && ls -1t | grep -x 'core-[0-9a-f]*\\.btf' | "
			      "tail -n +9 | while read -r f; do rm -f \"$f\"; done",
			      "sh", path, tmp, obj, (char *)NULL);
		}
		_exit(0);
	}
	if (devnull >= 0)
		close(devnull);
	if (pid > 0)
		waitpid(pid, NULL, 0);
	else
		unlink(obj);
}

static bool pokes_wanted(const struct settings *s)
{
	int i;

	for (i = 0; i < s->ninject; i++)
		if (s->inject_rules[i].poke_exit.n && !s->inject_rules[i].answer)
			return true;
	return false;
}

/*
 * poke_exit=: the data of each expression into `pokes`, then on_sys_exit_poke attached before
 * on_sys_exit (the tracepoint runs them in the order attached: the write must come before the
 * results are read).
 */
static void attach_pokes(struct bstrace_bpf *skel, const struct settings *s)
{
	_Static_assert(POKE_RULES == BSTRACE_MAX_INJECT && POKE_DATA_MAX == INJECT_POKE_MAX &&
		       POKE_ARGS == INJECT_POKE_ARGS, "poke bounds differ between BPF and the parser");
	static struct poke_spec ps;
	unsigned int k;
	int i;

	for (i = 0; i < s->ninject; i++) {
		const struct inject_poke *p = &s->inject_rules[i].poke_exit;

		/* an answered call does not run: the notifier writes it (inject.c) */
		if (!p->n || s->inject_rules[i].answer)
			continue;
		memset(&ps, 0, sizeof(ps));
		/* entry k is bit k of a mark's poke_mask (inject.c, poke_args_ok) */
		for (k = 0; k < p->n && k < POKE_ARGS; k++) {
			ps.arg[k] = p->arg[k];
			ps.len[k] = p->len[k];
			memcpy(ps.data[k], p->data[k], p->len[k]);
		}
		ps.n = k;
		if (bpf_map_update_elem(bpf_map__fd(skel->maps.pokes), &i, &ps, BPF_ANY))
			die("-e inject=...:poke_exit=: %s", strerror(errno));
	}
	skel->links.on_sys_exit_poke = bpf_program__attach(skel->progs.on_sys_exit_poke);
	if (!skel->links.on_sys_exit_poke)
		die("failed to attach on_sys_exit_poke: %s", strerror(errno));
}

static void explain_load_error(int err)
{
	const struct kfeature *f;
	char msg[512];

	if ((err == EPERM || err == EACCES) && probe_in_child_userns())
		die("failed to load BPF programs: %s: bstrace runs in a user namespace (unshare -U, a "
		    "rootless container) and only the initial one may load BPF programs: run it "
		    "outside", strerror(err));
	if ((err == EPERM || err == EACCES) && !probe_privileged())
		die("failed to load BPF programs: %s (run as root or grant CAP_BPF and CAP_PERFMON)",
		    strerror(err));
	f = probe_kernel(true);
	if (f) {
		probe_explain(f, msg, sizeof(msg));
		die("%s", msg);
	}
	/* a rejection by the verifier is not a permission problem: say what it said */
	if (load_reason[0])
		die("the kernel's BPF verifier rejected %s (%s; --debug prints the whole log)",
		    load_reason, strerror(err));
	if (err == EPERM || err == EACCES)
		die("failed to load BPF programs: %s (run as root or grant CAP_BPF and CAP_PERFMON)",
		    strerror(err));
	die("failed to load BPF programs: %s (run with --debug for libbpf's log)", strerror(err));
}

struct loader *loader_open(const struct settings *s, loader_event_fn fn, void *ctx)
{
	return loader_open_bp(s, fn, ctx, 0);
}

struct loader *loader_open_bp(const struct settings *s, loader_event_fn fn, void *ctx,
			      uint64_t bp_high)
{
	struct loader *l = calloc(1, sizeof(*l));
	bool have_btf_cache, make_btf_cache = false, want_poke, split;
	char btf_cache[PATH_MAX];
	struct bstrace_bpf *skel;
	struct split sp = { 0 };
	pthread_t opener;
	uint32_t nr;
	int err;

	if (!l)
		die("out of memory");
	libbpf_debug = s->libbpf_debug;
	libbpf_set_print(libbpf_print);
	syscalls_init();
	startup_mark("syscall table");
	/* a missing kernel feature is named before anything is loaded */
	{
		const struct kfeature *f = probe_kernel(false);
		char msg[512];

		/* a feature probe fails the same way when bpf() is refused: say why first */
		if (f && probe_in_child_userns())
			explain_load_error(EPERM);
		if (f) {
			probe_explain(f, msg, sizeof(msg));
			die("%s", msg);
		}
	}

	startup_mark("kernel features probed");
	have_btf_cache = btf_cache_path(btf_cache, sizeof(btf_cache));
	{
		LIBBPF_OPTS(bpf_object_open_opts, oo);

		if (have_btf_cache && btf_cache_usable(btf_cache))
			oo.btf_custom_path = btf_cache;
		else if (have_btf_cache)
			make_btf_cache = true;
		/* the ring and the program objects are made while this one is opened,
		 * configured and makes the maps */
		sp.btf_path = oo.btf_custom_path;
		sp.ring_bytes = s->count && !s->stream ? 256 << 10 : s->ring_bytes;
		pthread_mutex_init(&sp.lock, NULL);
		pthread_cond_init(&sp.cond, NULL);
		split = split_wanted() && !pthread_create(&opener, NULL, split_open, &sp);
		skel = bstrace_bpf__open_opts(&oo);
	}
	if (!skel)
		explain_load_error(errno);
	startup_mark("object opened");
	l->skel = skel;
	l->ncpus = libbpf_num_possible_cpus();
	if (l->ncpus <= 0)
		die("cannot count CPUs: %s", strerror(-l->ncpus));
	skel->rodata->cfg_follow = s->follow;
	skel->rodata->cfg_count = s->count;
	skel->rodata->cfg_all = s->all;
	/* strace -c shows times; system-wide counts need them only for -L and --histogram */
	skel->rodata->cfg_count_time = s->count && (!s->all || s->latency || s->histogram ||
						    s->wall);
	skel->rodata->cfg_wall = s->wall;
	skel->rodata->cfg_failed_only = s->failed_only;
	skel->rodata->cfg_errno = s->errno_filter;
	skel->rodata->cfg_cgroup_id = s->cgroup_id;
	skel->rodata->cfg_group = s->group;
	skel->rodata->self_tgid = getpid();
	for (nr = 0; nr < BSTRACE_NR_MAX && s->trace[nr]; nr++)
		;
	/* not every syscall is traced; bstraced counts all, -e trace= picks its records */
	skel->rodata->cfg_select = nr < BSTRACE_NR_MAX && !s->stream;
	skel->rodata->cfg_stream = s->stream;
	skel->rodata->cfg_group_nr = s->group_nr;
	skel->rodata->cfg_errno_rows = s->errno_rows;
	skel->rodata->cfg_rate = s->rate_limit;
	if (s->comm)
		strncpy((char *)skel->rodata->cfg_comm, s->comm, sizeof(skel->rodata->cfg_comm) - 1);
	skel->rodata->cfg_flight_n = s->flight_n;
	if (s->flight_n) {
		size_t vsz = sizeof(struct flight_ring) + s->flight_n * sizeof(struct flight_ent);

		bpf_map__set_value_size(skel->maps.flight, vsz);
		bpf_map__set_value_size(skel->maps.flight_zero, vsz);
		bpf_map__set_max_entries(skel->maps.flight, s->flight_procs ? s->flight_procs : 4096);
	}
	if (s->max_groups)
		bpf_map__set_max_entries(skel->maps.groups, s->max_groups);
	/* maps a mode does not use are created small: creating them is much of the start-up */
	if (s->group == GROUP_NONE && !s->errno_rows)
		bpf_map__set_max_entries(skel->maps.groups, l->ncpus);
	if (!s->count)
		bpf_map__set_max_entries(skel->maps.stats, 1);
	/* few processes are traced at a time: no table of 64K preallocated rows */
	bpf_map__set_map_flags(skel->maps.targets, BPF_F_NO_PREALLOC);
	/* system-wide modes never use the target set; without -f it holds the processes named
	 * (a 64K-bucket table costs ~3 ms to create, even without preallocated rows) */
	if (s->all)
		bpf_map__set_max_entries(skel->maps.targets, 1);
	else if (!s->follow)
		bpf_map__set_max_entries(skel->maps.targets, 64 + s->npids);
	skel->rodata->cfg_timed = s->tstamp || s->relative || s->show_time || s->count_after ||
				  s->perfetto || s->min_duration_ns;
	skel->rodata->cfg_ip = s->show_ip;
	skel->rodata->cfg_stack = s->stack_traces ? s->stack_size & ~7u : 0;
	skel->rodata->cfg_stamp = skel->rodata->cfg_timed || s->json_trace || s->record;
	skel->rodata->cfg_nr_execve = sc_nr_by_name("execve");
	skel->rodata->cfg_nr_execveat = sc_nr_by_name("execveat");
	skel->rodata->cfg_nr_restart = sc_nr_by_name("restart_syscall");
	set_exec_nrs(skel);
	/* in a pid namespace (a container, unshare -p): pids as seen here */
	{
		struct stat st;

		if (!stat("/proc/self/ns/pid", &st) && st.st_ino != PROC_PID_INIT_INO) {
			skel->rodata->cfg_pidns_dev = st.st_dev;
			skel->rodata->cfg_pidns_ino = st.st_ino;
		}
	}
	skel->rodata->cfg_bp_high = bp_high;
	/* -y and -P read /proc while the process still has the descriptor: no batching */
	skel->rodata->cfg_wakeup_bytes = s->ring_bytes / 4;
	skel->rodata->cfg_decode_fds = s->decode_fds | (s->npaths ? DF_PATH : 0);
	plan_caps(s, (uint32_t *)&skel->rodata->cfg_caps_enter,
		  (uint32_t *)&skel->rodata->cfg_caps_exit);
	skel->rodata->cfg_limited = perm_limited();
	skel->rodata->cfg_inject = s->ninject > 0;
	/* with -ff every task writes its own file, JSON has one object per call: no
	 * <unfinished ...> to show */
	skel->rodata->cfg_interleave = !s->follow_files && !s->json_trace;
	bpf_map__set_max_entries(skel->maps.scratch, 3 * l->ncpus);
	bpf_map__set_max_entries(skel->maps.builds, 3 * l->ncpus);
	if (s->decode_fds || s->npaths)
		bpf_map__set_max_entries(skel->maps.fdcache, FD_CACHE_ENTRIES);
	/* counting sends only process events through the ring */
	bpf_map__set_max_entries(skel->maps.events, sp.ring_bytes);

	/*
	 * Load only what the mode runs (each program is verified at load): system-wide counts
	 * without latency have nothing to do at enter, and counting shows no signals (the flight
	 * recorder keeps them).
	 */
	if (s->count && !skel->rodata->cfg_count_time && !s->stream)
		bpf_program__set_autoload(skel->progs.on_sys_enter, false);
	/* without -f, children are not followed: on_fork has nothing to do */
	if (!s->follow)
		bpf_program__set_autoload(skel->progs.on_fork, false);
	if (s->count && !s->flight_n) {
		bpf_program__set_autoload(skel->progs.on_signal_deliver, false);
		bpf_program__set_autoload(skel->progs.on_signal_generate, false);
	}
	/* poke_exit= of a call that runs only: bpf_probe_write_user needs CAP_SYS_ADMIN and no
	 * kernel lockdown */
	want_poke = pokes_wanted(s);
	bpf_program__set_autoload(skel->progs.on_sys_exit_poke, want_poke);
	bpf_program__set_autoattach(skel->progs.on_sys_exit_poke, false);
	/* the inject tables are preallocated (LRU, array: ~650 KB to zero): one row if unused */
	if (!s->ninject)
		bpf_map__set_max_entries(skel->maps.injects, 1);
	if (!want_poke)
		bpf_map__set_max_entries(skel->maps.pokes, 1);
	startup_mark("object configured");
	if (split) {
		err = load_split(l, &sp, opener);
	} else {
		verifier_stats_prepare(skel->obj, 0);
		err = bstrace_bpf__load(skel);
		verifier_stats_print(skel->obj, 0);
	}
	verifier_stats_done();
	startup_mark("loaded (maps created, programs verified)");
	if (err && want_poke && strstr(load_reason, "on_sys_exit_poke"))
		die("-e inject=...:poke_exit= without error= or retval= needs the bpf_probe_write_user "
		    "helper, which the kernel refused (%s; it needs CAP_SYS_ADMIN, and no kernel "
		    "lockdown)", load_reason);
	if (err)
		explain_load_error(-err);
	fill_plan(l, s);
	fill_ioctl_refs(l, s);
	fill_bpf_refs(l, s);
	if (want_poke)
		attach_pokes(skel, s);
	startup_mark("plan written");
	err = bstrace_bpf__attach(skel);
	if (err)
		die("failed to attach BPF programs: %s", strerror(-err));
	check_attach(skel, s->libbpf_debug);
	startup_mark("attached");
	if (make_btf_cache)
		btf_cache_make(btf_cache);

	l->fn = fn;
	l->ctx = ctx;
	l->rb = ring_buffer__new(bpf_map__fd(skel->maps.events), on_sample, l, NULL);
	if (!l->rb)
		die("cannot open the ring buffer: %s", strerror(errno));
	l->percpu = calloc(l->ncpus, sizeof(uint64_t));
	if (!l->percpu)
		die("out of memory");
	return l;
}

void loader_add_target(struct loader *l, uint32_t tgid, uint32_t only_tid, uint32_t flags,
		       int ntasks)
{
	struct target t = { .only_tid = only_tid, .flags = flags };

	/* fork/exit keep the count from here on */
	__atomic_add_fetch(&l->skel->bss->live_tasks, ntasks, __ATOMIC_RELAXED);
	l->skel->bss->maybe_target[tgid % ARRAY_SIZE(l->skel->bss->maybe_target)] = 1;
	if (bpf_map_update_elem(bpf_map__fd(l->skel->maps.targets), &tgid, &t, BPF_ANY))
		die("cannot add pid %u to the target set: %s", tgid, strerror(errno));
}

int loader_poll(struct loader *l, int timeout_ms)
{
	struct epoll_event ev;
	int n, chunks;

	if (timeout_ms && epoll_wait(ring_buffer__epoll_fd(l->rb), &ev, 1, timeout_ms) < 0 &&
	    errno != EINTR)
		return -errno;
	/* wakeups are batched: drain whatever is there even when epoll timed out */
	for (chunks = 0; chunks < LOADER_POLL_MAX / LOADER_CHUNK; chunks++) {
		l->taken = 0;
		n = ring_buffer__consume(l->rb);
		if (l->chunk_fn)
			l->chunk_fn(l->chunk_ctx);
		if (n != LOADER_CHUNK_DONE)
			return n < 0 && n != -EINTR ? n : 0;
	}
	return 1;
}

void loader_drain(struct loader *l)
{
	int n;

	do
		n = loader_poll(l, 0);
	while (n > 0);
}

void loader_on_chunk(struct loader *l, loader_chunk_fn fn, void *ctx)
{
	l->chunk_fn = fn;
	l->chunk_ctx = ctx;
}

void loader_detach(struct loader *l)
{
	/* the first filter of both programs: no task is a target any more */
	memset(l->skel->bss->maybe_target, 0, sizeof(l->skel->bss->maybe_target));
}

int loader_ring_fd(struct loader *l)
{
	return bpf_map__fd(l->skel->maps.events);
}

int loader_inject_fd(struct loader *l)
{
	return bpf_map__fd(l->skel->maps.injects);
}

void loader_bp_globals(struct loader *l, volatile uint64_t **thaw_ns, volatile uint64_t **cross_ns)
{
	*thaw_ns = (volatile uint64_t *)&l->skel->bss->bp_thaw_ns;
	*cross_ns = (volatile uint64_t *)&l->skel->bss->bp_cross_ns;
}

void loader_lost_pending(struct loader *l, uint64_t *calls, uint64_t *recs)
{
	*calls = __atomic_exchange_n(&l->skel->bss->lost_calls_pend, 0, __ATOMIC_RELAXED);
	*recs = __atomic_exchange_n(&l->skel->bss->lost_recs_pend, 0, __ATOMIC_RELAXED);
}

uint64_t loader_drops(struct loader *l)
{
	return loader_drop_count(l, DROP_TOTAL);
}

uint64_t loader_drop_count(struct loader *l, uint32_t key)
{
	uint64_t sum = 0;
	int i;

	if (bpf_map_lookup_elem(bpf_map__fd(l->skel->maps.drops), &key, l->percpu))
		return 0;
	for (i = 0; i < l->ncpus; i++)
		sum += l->percpu[i];
	return sum;
}

void loader_close(struct loader *l)
{
	if (!l)
		return;
	ring_buffer__free(l->rb);
	bstrace_bpf__destroy(l->skel);	/* the links first, then the objects */
	bstrace_bpf__destroy(l->part[0]);
	bstrace_bpf__destroy(l->part[1]);
	free(l->percpu);
	free(l);
}

int loader_read_stats(struct loader *l, uint32_t nr, struct sc_stats *sum)
{
	struct sc_stats *cpu;
	int i, b;

	memset(sum, 0, sizeof(*sum));
	cpu = calloc(l->ncpus, sizeof(*cpu));
	if (!cpu)
		die("out of memory");
	if (bpf_map_lookup_elem(bpf_map__fd(l->skel->maps.stats), &nr, cpu)) {
		free(cpu);
		return -errno;
	}
	for (i = 0; i < l->ncpus; i++) {
		sum->count += cpu[i].count;
		sum->errors += cpu[i].errors;
		sum->total_ns += cpu[i].total_ns;
		if (cpu[i].min_ns && (!sum->min_ns || cpu[i].min_ns < sum->min_ns))
			sum->min_ns = cpu[i].min_ns;
		if (cpu[i].max_ns > sum->max_ns)
			sum->max_ns = cpu[i].max_ns;
		for (b = 0; b < BSTRACE_HIST_BUCKETS; b++)
			sum->hist[b] += cpu[i].hist[b];
	}
	free(cpu);
	return 0;
}

/* the same one key at a time, for kernels without batch lookups of hash maps */
static int read_groups_by_key(struct loader *l, int fd, loader_group_fn fn, void *ctx)
{
	struct group_key key, next, *prev = NULL;
	struct group_val *cpu, sum;
	int i;

	cpu = calloc(l->ncpus, sizeof(*cpu));
	if (!cpu)
		die("out of memory");
	while (!bpf_map_get_next_key(fd, prev, &next)) {
		key = next;
		prev = &key;
		if (bpf_map_lookup_elem(fd, &key, cpu))
			continue;
		memset(&sum, 0, sizeof(sum));
		for (i = 0; i < l->ncpus; i++) {
			sum.count += cpu[i].count;
			sum.errors += cpu[i].errors;
			sum.total_ns += cpu[i].total_ns;
		}
		fn(ctx, &key, &sum);
	}
	free(cpu);
	return 0;
}

/*
 * Batch lookups walk the hash bucket by bucket: rows evicted or added meanwhile do not make
 * the walk start over (get_next_key on a deleted key does), so no row is read twice.
 */
int loader_read_groups(struct loader *l, loader_group_fn fn, void *ctx)
{
	int fd = bpf_map__fd(l->skel->maps.groups);
	LIBBPF_OPTS(bpf_map_batch_opts, opts);
	uint32_t chunk = 1024, count, in = 0, out = 0, n, i;
	struct group_key *keys = NULL;
	struct group_val *vals = NULL, sum;
	bool first = true;
	int err, c;

	for (;;) {
		keys = realloc(keys, chunk * sizeof(*keys));
		vals = realloc(vals, (size_t)chunk * l->ncpus * sizeof(*vals));
		if (!keys || !vals)
			die("out of memory");
		count = chunk;
		err = bpf_map_lookup_batch(fd, first ? NULL : &in, &out, keys, vals, &count, &opts);
		if (err && errno == ENOSPC && !count) {
			/* a bucket holds more rows than fit: retry the same place with more room */
			chunk *= 2;
			continue;
		}
		if (err && errno != ENOENT) {
			free(keys);
			free(vals);
			if (first && (errno == EINVAL || errno == 524 /* ENOTSUPP */ || errno == EOPNOTSUPP))
				return read_groups_by_key(l, fd, fn, ctx);
			return -errno;
		}
		for (n = 0; n < count; n++) {
			memset(&sum, 0, sizeof(sum));
			for (c = 0; c < l->ncpus; c++) {
				i = n * l->ncpus + c;
				sum.count += vals[i].count;
				sum.errors += vals[i].errors;
				sum.total_ns += vals[i].total_ns;
			}
			fn(ctx, &keys[n], &sum);
		}
		if (err)	/* ENOENT: that was the last bucket */
			break;
		in = out;
		first = false;
	}
	free(keys);
	free(vals);
	return 0;
}

size_t loader_flight_size(const struct settings *s)
{
	return sizeof(struct flight_ring) + s->flight_n * sizeof(struct flight_ent);
}

int loader_flight_take(struct loader *l, uint32_t tgid, void *ring, size_t size)
{
	int fd = bpf_map__fd(l->skel->maps.flight);

	if (bpf_map__value_size(l->skel->maps.flight) != size)
		return -EINVAL;
	if (bpf_map_lookup_elem(fd, &tgid, ring))
		return -errno;
	bpf_map_delete_elem(fd, &tgid);
	return 0;
}

uint32_t loader_groups_max(struct loader *l)
{
	return bpf_map__max_entries(l->skel->maps.groups);
}
