// SPDX-License-Identifier: GPL-2.0
/*
 * --perfetto FILE: Chrome's JSON trace-event format, one event a line, written as the events
 * come (viewers sort by time). A call is a complete slice ("X": ts and dur in microseconds, the
 * boot clock) on the track of its thread (pid, tid); its arguments and return value are the
 * strace text, JSON-escaped, as slice args. Flows are v2 ("bind_id" with "flow_out" on the
 * call that forked or exec'd, "flow_in" on the first call of the child or the new program):
 * they bind to the slices themselves, whatever the order of the records. Top-level string
 * values carry no \u escape and the args object comes last, for older Perfetto tokenizers.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "decode.h"
#include "perfetto.h"

struct pf_task {
	uint32_t tid;		/* 0: free slot */
	uint32_t pid;
	uint64_t flow_in;	/* its next slice ends this flow (0: none) */
	uint64_t flow_out;	/* its next slice starts this flow: it forked `flow_child` */
	uint32_t flow_child;
	bool exec_pending;	/* exec'd: its execve starts a flow to the new program's first */
	bool gone;		/* exited: only the call it died in may follow */
	uint64_t exit_ts;
	char comm[16];
};

struct perfetto {
	const struct settings *s;
	bool live;		/* tracing now (not --replay): /proc names the first tasks */
	bool first;		/* no event written yet */
	uint64_t next_flow;
	uint64_t last_ts;
	struct pf_task *tasks;	/* open addressing by tid */
	uint32_t cap, n;
	struct outbuf out;
};

static char pf_tmp[OB_LINE_MAX];

struct perfetto *perfetto_open(const char *path, const struct settings *s)
{
	struct perfetto *p = calloc(1, sizeof(*p));
	int fd;

	if (!p)
		die("out of memory");
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		die("cannot open --perfetto file '%s': %s", path, strerror(errno));
	p->s = s;
	p->live = !s->replay;
	p->first = true;
	p->cap = 256;
	p->tasks = calloc(p->cap, sizeof(*p->tasks));
	if (!p->tasks)
		die("out of memory");
	ob_init(&p->out, fd);
	ob_line_begin(&p->out);
	ob_puts(&p->out, "{\"traceEvents\":[");
	ob_line_end(&p->out);
	return p;
}

static struct pf_task *task_slot(struct perfetto *p, uint32_t tid)
{
	uint32_t mask = p->cap - 1, i = (tid * 2654435761u) & mask;

	while (p->tasks[i].tid && p->tasks[i].tid != tid)
		i = (i + 1) & mask;
	return &p->tasks[i];
}

/* the task `tid` (created when new; a task that exited and whose tid is used again: reset) */
static struct pf_task *task_get(struct perfetto *p, uint32_t tid, uint32_t pid, bool trailing)
{
	struct pf_task *k = task_slot(p, tid);
	uint32_t i, cap = p->cap;

	if (k->tid && k->gone && !trailing) {
		memset(k, 0, sizeof(*k));
		k->tid = tid;
	}
	if (!k->tid) {
		if ((p->n + 1) * 2 > p->cap) {
			struct pf_task *old = p->tasks;

			p->cap *= 2;
			p->tasks = calloc(p->cap, sizeof(*p->tasks));
			if (!p->tasks)
				die("out of memory");
			for (i = 0; i < cap; i++)
				if (old[i].tid)
					*task_slot(p, old[i].tid) = old[i];
			free(old);
			k = task_slot(p, tid);
		}
		if (!k->tid)
			p->n++;
		k->tid = tid;
	}
	if (pid)
		k->pid = pid;
	return k;
}

/* bytes that JSON strings take as they are: printable ASCII but '"' and '\\' */
static bool pf_plain(unsigned char c)
{
	return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
}

/*
 * The text printed into the line since `mark` becomes the body of a JSON string (the opening
 * quote is in front of it), escaped in place: every control byte (the tracee chooses them),
 * '"', '\\' and non-ASCII bytes. Cut to what fits the line with room for the rest of the event;
 * then the closing quote.
 */
static void pf_close_string(struct outbuf *o, size_t mark)
{
	static const char hexd[] = "0123456789abcdef";
	size_t i, j, n, limit = o->line_start + OB_LINE_MAX - 4096;
	char *w, *end = o->buf + limit;

	if (o->len > limit)
		o->len = limit;
	for (i = mark; i < o->len && pf_plain(o->buf[i]); i++)
		;
	if (i < o->len) {
		n = o->len - i;
		memcpy(pf_tmp, o->buf + i, n);
		w = o->buf + i;
		for (j = 0; j < n && w + 6 <= end; j++) {
			unsigned char c = pf_tmp[j];
			const char *esc = c == '"' ? "\\\"" : c == '\\' ? "\\\\" :
					  c == '\n' ? "\\n" : c == '\t' ? "\\t" :
					  c == '\r' ? "\\r" : NULL;

			if (pf_plain(c)) {
				*w++ = c;
			} else if (esc) {
				memcpy(w, esc, 2);
				w += 2;
			} else {
				memcpy(w, "\\u00", 4);
				w[4] = hexd[c >> 4];
				w[5] = hexd[c & 15];
				w += 6;
			}
		}
		o->len = w - o->buf;
	}
	ob_putc(o, '"');
}

/* a plain string value (names, already printable) */
static void pf_str(struct outbuf *o, const char *key, const char *v)
{
	size_t mark;

	ob_puts(o, key);
	ob_puts(o, ":\"");
	mark = o->len;
	ob_puts(o, v);
	pf_close_string(o, mark);
}

/* microseconds with the nanoseconds as three decimals */
static void pf_us(struct outbuf *o, uint64_t ns)
{
	ob_udec(o, ns / 1000);
	ob_putc(o, '.');
	ob_frac(o, ns % 1000, 3);
}

/* {"ph":PH,"ts":TS,"pid":P,"tid":T  (metadata: no ts) */
static struct outbuf *pf_begin(struct perfetto *p, char ph, uint64_t ts, uint32_t pid,
			       uint32_t tid)
{
	struct outbuf *o = &p->out;

	ob_line_begin(o);
	ob_puts(o, p->first ? "{\"ph\":\"" : ",{\"ph\":\"");
	p->first = false;
	ob_putc(o, ph);
	ob_putc(o, '"');
	if (ph != 'M') {
		ob_puts(o, ",\"ts\":");
		pf_us(o, ts);
		if (ts > p->last_ts)
			p->last_ts = ts;
	}
	ob_puts(o, ",\"pid\":");
	ob_udec(o, pid);
	ob_puts(o, ",\"tid\":");
	ob_udec(o, tid);
	return o;
}

static void pf_end(struct outbuf *o)
{
	ob_putc(o, '}');
	ob_line_end(o);
}

/* thread_name (and process_name for a leader) metadata: the track's title */
static void pf_name(struct perfetto *p, struct pf_task *k)
{
	struct outbuf *o;
	int leader;

	if (!k->comm[0])
		return;
	for (leader = 0; leader < 2; leader++) {
		if (leader && k->tid != k->pid)
			break;
		o = pf_begin(p, 'M', 0, k->pid, k->tid);
		ob_puts(o, leader ? ",\"name\":\"process_name\"" : ",\"name\":\"thread_name\"");
		ob_puts(o, ",\"args\":{");
		pf_str(o, "\"name\"", k->comm);
		ob_putc(o, '}');
		pf_end(o);
	}
}

/* a task seen for the first time while tracing: its name from /proc */
static void pf_first_sight(struct perfetto *p, struct pf_task *k)
{
	char path[64];
	ssize_t n;
	int fd;

	if (!p->live || k->comm[0])
		return;
	snprintf(path, sizeof(path), "/proc/%u/comm", k->tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	n = read(fd, k->comm, sizeof(k->comm) - 1);
	close(fd);
	k->comm[n > 0 ? n : 0] = '\0';
	k->comm[strcspn(k->comm, "\n")] = '\0';
	pf_name(p, k);
}

static struct pf_task *pf_task(struct perfetto *p, uint32_t tid, uint32_t pid, bool trailing)
{
	struct pf_task *k = task_get(p, tid, pid, trailing);

	if (!k->comm[0])
		pf_first_sight(p, k);
	return k;
}

static bool is_exec(uint32_t nr)
{
	static int nr_execve = -2, nr_execveat;

	if (nr_execve == -2) {
		nr_execve = sc_nr_by_name("execve");
		nr_execveat = sc_nr_by_name("execveat");
	}
	return (int)nr == nr_execve || (int)nr == nr_execveat;
}

void perfetto_call(struct perfetto *p, const struct dctx *dc, uint64_t start, uint64_t end)
{
	struct pf_task *k = task_get(p, dc->tid, dc->tgid, !end);
	struct dctx d = *dc;	/* the printers change it: the text trace prints the original */
	bool raw = !d.def || (d.s->any_raw && d.nr < BSTRACE_NR_MAX && d.s->raw[d.nr]);
	int i, n, split = 0;
	uint64_t id = k->flow_in;
	bool in = id, out = false;
	struct outbuf *o;
	char buf[32];
	size_t mark;

	if (!k->comm[0])
		pf_first_sight(p, k);
	if (!end)
		end = k->exit_ts > start ? k->exit_ts : start;
	k->flow_in = 0;
	if (k->flow_out) {
		/* it forked in this call: one id per slice, so the child's flow continues ours */
		struct pf_task *c = task_slot(p, k->flow_child);

		if (id && c->tid == k->flow_child && c->flow_in == k->flow_out)
			c->flow_in = id;
		else
			id = k->flow_out;
		out = true;
		k->flow_out = 0;
	}
	if (k->exec_pending && is_exec(d.nr)) {
		k->exec_pending = false;
		if (d.exited && !d.failed) {
			if (!id)
				id = ++p->next_flow;
			out = true;
			k->flow_in = id;
		}
	}
	o = pf_begin(p, 'X', start, d.tgid, d.tid);
	ob_puts(o, ",\"dur\":");
	pf_us(o, end > start ? end - start : 0);
	ob_puts(o, ",\"name\":\"");
	ob_puts(o, sc_name(d.nr, buf, sizeof(buf)));
	ob_puts(o, "\",\"cat\":\"syscall\"");
	if (id && (in || out)) {
		ob_puts(o, ",\"bind_id\":");
		ob_udec(o, id);
		if (in)
			ob_puts(o, ",\"flow_in\":true");
		if (out)
			ob_puts(o, ",\"flow_out\":true");
	}
	ob_puts(o, ",\"args\":{");
	d.o = o;
	n = !d.def ? BSTRACE_MAX_ARGS : raw ? raw_nargs(&d) : d.def->nargs;
	for (i = 0; d.def && !raw && i < n; i++)
		if (kinds[d.def->arg[i]].dir == D_OUT || kinds[d.def->arg[i]].dir == D_LATE)
			break;
	split = i;
	for (i = 0; i < n; i++) {
		size_t start_len = o->len;

		ob_puts(o, "\"arg");
		ob_putc(o, '0' + i);
		ob_puts(o, "\":\"");
		mark = o->len;
		d.omit = false;
		d.phase = i < split ? DP_ENTER : DP_EXIT;
		if (raw)
			ob_hex(o, d.args[i]);
		else
			print_arg(&d, i);
		if (d.omit) {
			o->len = start_len;
			continue;
		}
		pf_close_string(o, mark);
		ob_putc(o, ',');
	}
	ob_puts(o, "\"return\":\"");
	mark = o->len;
	print_ret(&d);
	for (i = 0; d.def && !raw && d.exited && i < d.def->nargs; i++) {
		if (kinds[d.def->arg[i]].dir == D_INOUT) {
			d.phase = DP_SUFFIX;
			print_arg(&d, i);
		}
	}
	pf_close_string(o, mark);
	ob_puts(o, "}");
	pf_end(o);
}

void perfetto_signal(struct perfetto *p, const struct sc_event_hdr *h)
{
	struct outbuf *o;
	char buf[16];
	size_t mark;

	pf_task(p, h->tid, h->tgid, false);
	o = pf_begin(p, 'i', h->ts_exit, h->tgid, h->tid);
	pf_str(o, ",\"name\"", signal_name(h->ret, buf, sizeof(buf)));
	ob_puts(o, ",\"cat\":\"signal\",\"s\":\"t\",\"args\":{\"siginfo\":\"");
	mark = o->len;
	print_siginfo_bytes(o, (const uint8_t *)h->args);
	pf_close_string(o, mark);
	ob_putc(o, '}');
	pf_end(o);
}

void perfetto_exit(struct perfetto *p, const struct sc_event_hdr *h)
{
	struct pf_task *k = pf_task(p, h->tid, h->tgid, false);
	int code = h->ret;
	struct outbuf *o;
	char buf[16], name[64];

	if (h->flags & EVF_SUPERSEDED)
		snprintf(name, sizeof(name), "superseded by execve in pid %llu",
			 (unsigned long long)h->args[0]);
	else if (h->flags & EVF_UNTRACED)
		snprintf(name, sizeof(name), "not traced further (privileged execve)");
	else if (code & 0x7f)
		snprintf(name, sizeof(name), "killed by %s%s",
			 signal_name(code & 0x7f, buf, sizeof(buf)),
			 (code & 0x80) ? " (core dumped)" : "");
	else
		snprintf(name, sizeof(name), "exited with %d", (code >> 8) & 0xff);
	o = pf_begin(p, 'i', h->ts_exit, h->tgid, h->tid);
	pf_str(o, ",\"name\"", name);
	ob_puts(o, ",\"cat\":\"exit\",\"s\":\"t\",\"args\":{\"status\":");
	ob_dec(o, code);
	ob_putc(o, '}');
	pf_end(o);
	k->gone = true;
	k->exit_ts = h->ts_exit;
}

void perfetto_fork(struct perfetto *p, const struct sc_event_hdr *h)
{
	struct pf_task *parent = pf_task(p, h->tid, h->tgid, false), *c;
	char comm[16];

	memcpy(comm, parent->comm, sizeof(comm));
	c = task_get(p, (uint32_t)h->ret, h->nr, false);
	parent = task_get(p, h->tid, 0, false);	/* the table may have grown */
	/* a child has its parent's name until its exec */
	memcpy(c->comm, comm, sizeof(comm));
	pf_name(p, c);
	c->flow_in = ++p->next_flow;
	parent->flow_out = c->flow_in;
	parent->flow_child = c->tid;
}

void perfetto_exec(struct perfetto *p, const struct sc_event_hdr *h)
{
	uint32_t old = (uint32_t)h->ret;
	struct pf_task *k;

	/* a thread that exec'd takes the leader's pid: its state goes with it */
	if (old && old != h->tid) {
		struct pf_task moved = *task_get(p, old, 0, true);

		k = task_get(p, h->tid, h->tgid, false);
		k->flow_in = moved.flow_in;
		task_get(p, old, 0, true)->gone = true;
	} else {
		k = task_get(p, h->tid, h->tgid, false);
	}
	k->exec_pending = true;
	/* the new name: the file name's last part, as the kernel sets comm */
	if (exec_record_comm(h, k->comm))
		pf_name(p, k);
}

void perfetto_lost(struct perfetto *p, uint64_t calls, uint64_t recs)
{
	struct outbuf *o;
	uint64_t ts = p->last_ts;
	struct timespec t;

	if (!ts && p->live && !clock_gettime(CLOCK_BOOTTIME, &t))
		ts = (uint64_t)t.tv_sec * 1000000000ull + t.tv_nsec;
	o = pf_begin(p, 'i', ts, 0, 0);
	ob_printf(o, ",\"name\":\"bstrace: %llu calls lost\",\"cat\":\"lost\",\"s\":\"g\"",
		  (unsigned long long)calls);
	ob_printf(o, ",\"args\":{\"calls\":%llu,\"records\":%llu}", (unsigned long long)calls,
		  (unsigned long long)recs);
	pf_end(o);
}

void perfetto_close(struct perfetto *p)
{
	struct outbuf *o = &p->out;

	ob_line_begin(o);
	ob_puts(o, "],\"otherData\":{\"generator\":\"bstrace --perfetto\","
		   "\"clock\":\"CLOCK_BOOTTIME\"}}");
	ob_line_end(o);
	ob_flush(o);
	if (close(o->fd))
		die("cannot write the --perfetto file: %s", strerror(errno));
	free(p->tasks);
	free(p);
}
