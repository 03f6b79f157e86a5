// SPDX-License-Identifier: GPL-2.0
/*
 * -k: unwinding the stacks the kernel copied (EV_STACK, struct stack_rec) with elfutils' libdw.
 *
 * The BPF program copies the user registers and the top of the user stack at the end of each
 * traced call; the call's process may be gone by the time the record is read, so its mappings
 * come from the side-band that saw them being made (user/umaps.c), not from /proc. For each
 * address space (a process, until its mappings change) one Dwfl is built from those mappings
 * and attached to callbacks that read the registers and the stack from the record: libdw walks
 * the CFI (.eh_frame: Debian builds without frame pointers) frame by frame.
 *
 * Lines are as strace 6.1 prints them (its libunwind back end, Debian's): the return address
 * of each frame, the symbol before it and the offset from it, the file offset of the address.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include "common.h"
#include "unwind.h"

#ifdef HAVE_LIBDW
#include <elfutils/libdwfl.h>
#include <gelf.h>
#include "umaps.h"

#define MAX_FRAMES	256	/* strace's limit; past it: "too many stack frames" */
#define MAX_SPACES	64	/* Dwfl objects kept (each holds open files and parsed tables) */

/* the record being unwound: what the callbacks read */
struct cur {
	const struct stack_rec *r;
	uint64_t sp;
	size_t stack_len;
	pid_t tid;
	bool given;	/* next_thread handed out the one thread */
};

struct space {
	pid_t tgid;		/* 0: free */
	uint64_t gen;		/* the mappings' generation it was built from */
	uint64_t last_use;
	Dwfl *dwfl;
	bool attached;
};

struct unwinder {
	bool debug;
	bool sideband;		/* umaps_open() worked */
	uint64_t clock;
	struct cur cur;
	struct space spaces[MAX_SPACES];
	uint64_t pcs[MAX_FRAMES];
	bool activation[MAX_FRAMES];
	int nframes;
};

bool unwind_supported(void)
{
	return true;
}

static void end_dwfl(Dwfl *dwfl);

/*
 * No separate debug file is looked for: the CFI of the mapped file itself (.eh_frame, or its
 * own .debug_frame) is what strace's libunwind back end walks, and libdw would otherwise map
 * and decompress /usr/lib/debug/.build-id files (libc6-dbg's: ~10 MB of RSS) or follow a
 * .gnu_debuglink that a tracee's own file names.
 */
static int no_debuginfo(Dwfl_Module *mod, void **userdata, const char *modname, Dwarf_Addr base,
			const char *file_name, const char *debuglink_file, GElf_Word debuglink_crc,
			char **debuginfo_file_name)
{
	(void)mod, (void)userdata, (void)modname, (void)base, (void)file_name;
	(void)debuglink_file, (void)debuglink_crc, (void)debuginfo_file_name;
	return -1;
}

static const Dwfl_Callbacks dwfl_cbs = {
	.find_elf = dwfl_linux_proc_find_elf,
	.find_debuginfo = no_debuginfo,
};

/*
 * Registers in libdw's DWARF numbering from the user ABI's order the record has
 * (bpf/bstrace.h, struct stack_rec); returns how many, and the pc.
 */
static unsigned int dwarf_regs(const struct stack_rec *r, Dwarf_Word *dw, Dwarf_Word *pc)
{
#if defined(__x86_64__)
	/* rax rdx rcx rbx rsi rdi rbp rsp r8-r15 rip, out of struct pt_regs */
	static const uint8_t from[17] = { 10, 12, 11, 5, 13, 14, 4, 19, 9, 8, 7, 6, 3, 2, 1, 0, 16 };
	unsigned int i;

	for (i = 0; i < 17; i++)
		dw[i] = r->regs[from[i]];
	*pc = r->regs[16];
	return 17;
#elif defined(__aarch64__)
	unsigned int i;

	for (i = 0; i < 32; i++)	/* x0-x30, sp */
		dw[i] = r->regs[i];
	*pc = r->regs[32];
	return 32;
#elif defined(__riscv)
	unsigned int i;

	dw[0] = 0;
	for (i = 1; i < 32; i++)	/* x1-x31; regs[0] is the pc */
		dw[i] = r->regs[i];
	*pc = r->regs[0];
	return 32;
#else
#error "bstrace: -k does not know this architecture's registers"
#endif
}

static pid_t cb_next_thread(Dwfl *dwfl, void *arg, void **thread_argp)
{
	struct cur *c = arg;

	(void)dwfl;
	if (c->given)
		return 0;
	c->given = true;
	*thread_argp = c;
	return c->tid;
}

/* stack words come from the copy; anything else is not known */
static bool cb_memory_read(Dwfl *dwfl, Dwarf_Addr addr, Dwarf_Word *result, void *arg)
{
	struct cur *c = arg;

	(void)dwfl;
	if (addr < c->sp || addr - c->sp > c->stack_len ||
	    c->stack_len - (addr - c->sp) < sizeof(*result))
		return false;
	memcpy(result, c->r->data + (addr - c->sp), sizeof(*result));
	return true;
}

static bool cb_set_initial_registers(Dwfl_Thread *thread, void *arg)
{
	struct cur *c = arg;
	Dwarf_Word dw[32], pc;
	unsigned int n = dwarf_regs(c->r, dw, &pc);

	if (!dwfl_thread_state_registers(thread, 0, n, dw))
		return false;
	dwfl_thread_state_register_pc(thread, pc);
	return true;
}

static const Dwfl_Thread_Callbacks thread_cbs = {
	.next_thread = cb_next_thread,
	.memory_read = cb_memory_read,
	.set_initial_registers = cb_set_initial_registers,
};

/*
 * The load bias of a mapped ELF file: where its segment holding file offset `pgoff` was mapped
 * (`start`) minus that segment's address, so segments whose addresses and offsets differ
 * (lld's layouts) are placed right too. The file must be the one mapped (device and inode).
 */
static int open_mapped(const struct umap *m, GElf_Addr *bias)
{
	GElf_Phdr ph;
	struct stat st;
	size_t i, n;
	Elf *e;
	int fd;

	fd = open(m->path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) || (m->ino && st.st_ino != m->ino) ||
	    (m->ino && (major(st.st_dev) != m->maj || minor(st.st_dev) != m->min)))
		goto fail;
	e = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	if (!e)
		goto fail;
	if (elf_kind(e) != ELF_K_ELF || elf_getphdrnum(e, &n))
		goto fail_elf;
	for (i = 0; i < n; i++) {
		if (!gelf_getphdr(e, i, &ph) || ph.p_type != PT_LOAD)
			continue;
		if (m->pgoff >= (ph.p_offset & ~(GElf_Off)4095) &&
		    m->pgoff < ph.p_offset + ph.p_filesz) {
			*bias = m->start - m->pgoff - ((ph.p_vaddr - ph.p_offset) & ~(GElf_Addr)4095);
			elf_end(e);
			return fd;
		}
	}
fail_elf:
	elf_end(e);
fail:
	close(fd);
	return -1;
}

/* a Dwfl for these mappings: one module per mapped file */
static Dwfl *build_dwfl(const struct umap_set *ms)
{
	Dwfl *dwfl = dwfl_begin(&dwfl_cbs);
	const char *last = NULL;
	size_t i;

	if (!dwfl)
		return NULL;
	dwfl_report_begin(dwfl);
	for (i = 0; i < ms->n; i++) {
		const struct umap *m = &ms->maps[i];
		GElf_Addr bias;
		int fd;

		if (!m->path || m->path[0] != '/' || (last && !strcmp(last, m->path)))
			continue;
		last = m->path;
		fd = open_mapped(m, &bias);
		if (fd < 0)
			continue;
		/* libdwfl owns the fd from here; a file it cannot use is left out */
		if (!dwfl_report_elf(dwfl, m->path, m->path, fd, bias, true))
			close(fd);
	}
	dwfl_report_end(dwfl, NULL, NULL);
	return dwfl;
}

static struct space *space_for(struct unwinder *u, pid_t tgid, const struct umap_set *ms)
{
	struct space *sp = NULL, *old = &u->spaces[0];
	size_t i;

	for (i = 0; i < MAX_SPACES; i++) {
		if (u->spaces[i].tgid == tgid) {
			sp = &u->spaces[i];
			break;
		}
		if (u->spaces[i].last_use < old->last_use)
			old = &u->spaces[i];
	}
	if (sp && sp->gen != ms->gen) {
		end_dwfl(sp->dwfl);
		sp->dwfl = NULL;
	}
	if (!sp) {
		sp = old;
		if (sp->dwfl)
			end_dwfl(sp->dwfl);
		memset(sp, 0, sizeof(*sp));
		sp->tgid = tgid;
	}
	sp->last_use = ++u->clock;
	if (!sp->dwfl) {
		sp->gen = ms->gen;
		sp->attached = false;
		sp->dwfl = build_dwfl(ms);
		if (!sp->dwfl)
			return NULL;
		/* the architecture comes from the modules: none, no unwinding */
		sp->attached = dwfl_attach_state(sp->dwfl, NULL, tgid, &thread_cbs, &u->cur);
	}
	return sp;
}

static int frame_cb(Dwfl_Frame *state, void *arg)
{
	struct unwinder *u = arg;
	Dwarf_Addr pc;
	bool act;

	if (!dwfl_frame_pc(state, &pc, &act))
		return -1;
	if (u->nframes == MAX_FRAMES)
		return DWARF_CB_ABORT;
	u->pcs[u->nframes] = pc;
	u->activation[u->nframes++] = act;
	return DWARF_CB_OK;
}

/* the mapping of an address, by binary search */
static const struct umap *map_of(const struct umap_set *ms, uint64_t a)
{
	size_t lo = 0, hi = ms ? ms->n : 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (a < ms->maps[mid].start)
			hi = mid;
		else if (a >= ms->maps[mid].end)
			lo = mid + 1;
		else
			return &ms->maps[mid];
	}
	return NULL;
}

/*
 * Symbols as strace (libunwind) names them: the function symbol (STT_FUNC, defined) of the
 * mapped file's own .dynsym/.symtab with the greatest address not above the one looked up, the
 * first in table order among equal ones; separate debuginfo is not looked at. Sorted once per
 * module, kept in the module's userdata until its Dwfl ends.
 */
struct symtab {
	size_t n;
	struct sym {
		uint64_t addr;	/* in the process: value + the module's bias */
		uint32_t order;
		const char *name;	/* in the ELF's string table (the Elf lives with the Dwfl) */
	} *s;
};

static int sym_cmp(const void *a, const void *b)
{
	const struct sym *x = a, *y = b;

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static struct symtab *load_symtab(Dwfl_Module *mod)
{
	struct symtab *t = calloc(1, sizeof(*t));
	GElf_Addr bias = 0;
	Elf_Scn *scn = NULL;
	uint32_t order = 0;
	size_t cap = 0;
	Elf *e;

	if (!t)
		return NULL;
	e = dwfl_module_getelf(mod, &bias);
	while (e && (scn = elf_nextscn(e, scn))) {
		GElf_Shdr sh;
		Elf_Data *d;
		size_t i, n;

		if (!gelf_getshdr(scn, &sh) || (sh.sh_type != SHT_SYMTAB && sh.sh_type != SHT_DYNSYM) ||
		    !sh.sh_entsize || !(d = elf_getdata(scn, NULL)))
			continue;
		n = sh.sh_size / sh.sh_entsize;
		for (i = 0; i < n; i++) {
			GElf_Sym sym;
			const char *name;

			if (!gelf_getsym(d, i, &sym) || GELF_ST_TYPE(sym.st_info) != STT_FUNC ||
			    sym.st_shndx == SHN_UNDEF ||
			    !(name = elf_strptr(e, sh.sh_link, sym.st_name)) || !*name)
				continue;
			if (t->n == cap) {
				size_t nc = cap ? cap * 2 : 256;
				struct sym *ns = realloc(t->s, nc * sizeof(*ns));

				if (!ns)
					break;
				t->s = ns;
				cap = nc;
			}
			t->s[t->n++] = (struct sym){ sym.st_value + bias, order++, name };
		}
	}
	if (t->n > 1)
		qsort(t->s, t->n, sizeof(*t->s), sym_cmp);
	return t;
}

/* the name for `a` and its distance from the symbol */
static const char *sym_name(Dwfl_Module *mod, uint64_t a, uint64_t *off)
{
	void **ud = NULL;
	struct symtab *t;
	size_t lo = 0, hi;

	dwfl_module_info(mod, &ud, NULL, NULL, NULL, NULL, NULL, NULL);
	if (!ud)
		return NULL;
	if (!*ud)
		*ud = load_symtab(mod);
	t = *ud;
	if (!t || !t->n || a < t->s[0].addr)
		return NULL;
	hi = t->n;
	/* the last symbol at or below a, then the first of those at its address */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->s[mid].addr <= a)
			lo = mid;
		else
			hi = mid;
	}
	while (lo > 0 && t->s[lo - 1].addr == t->s[lo].addr)
		lo--;
	*off = a - t->s[lo].addr;
	return t->s[lo].name;
}

static int free_symtab(Dwfl_Module *mod, void **ud, const char *name, Dwarf_Addr start,
		       void *arg)
{
	struct symtab *t = *ud;

	(void)mod, (void)name, (void)start, (void)arg;
	if (t) {
		free(t->s);
		free(t);
		*ud = NULL;
	}
	return DWARF_CB_OK;
}

static void end_dwfl(Dwfl *dwfl)
{
	if (!dwfl)
		return;
	dwfl_getmodules(dwfl, free_symtab, NULL, 0);
	dwfl_end(dwfl);
}

static void put(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	if (*len + n + 1 > *cap) {
		size_t nc = *cap ? *cap : 1024;
		char *nb;

		while (*len + n + 1 > nc)
			nc *= 2;
		nb = realloc(*buf, nc);
		if (!nb)
			return;
		*buf = nb;
		*cap = nc;
	}
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = 0;
}

/* a path or symbol name: control bytes and backslashes as strace escapes them in strings */
static void put_escaped(char **buf, size_t *len, size_t *cap, const char *s)
{
	char tmp[8];

	for (; *s; s++) {
		unsigned char c = *s;

		if (c >= ' ' && c != 0x7f && c != '\\') {
			put(buf, len, cap, (const char *)&c, 1);
			continue;
		}
		switch (c) {
		case '\\': put(buf, len, cap, "\\\\", 2); continue;
		case '\n': put(buf, len, cap, "\\n", 2); continue;
		case '\t': put(buf, len, cap, "\\t", 2); continue;
		case '\r': put(buf, len, cap, "\\r", 2); continue;
		case '\v': put(buf, len, cap, "\\v", 2); continue;
		case '\f': put(buf, len, cap, "\\f", 2); continue;
		}
		/* the shortest octal form, unless an octal digit follows */
		if (s[1] >= '0' && s[1] <= '7')
			snprintf(tmp, sizeof(tmp), "\\%03o", c);
		else
			snprintf(tmp, sizeof(tmp), "\\%o", c);
		put(buf, len, cap, tmp, strlen(tmp));
	}
}

static void put_frame(struct unwinder *u, Dwfl *dwfl, const struct umap_set *ms, uint64_t pc,
		      bool act, char **buf, size_t *len, size_t *cap)
{
	/* a return address is the instruction after the call: look up the call itself */
	uint64_t look = act || !pc ? pc : pc - 1;
	const struct umap *m = map_of(ms, look);
	const char *name = NULL;
	uint64_t off = 0;
	char tmp[80];
	int n;

	(void)u;
	if (!m) {
		n = snprintf(tmp, sizeof(tmp), " > unexpected_backtracing_error [0x%llx]\n",
			     (unsigned long long)pc);
		put(buf, len, cap, tmp, n);
		return;
	}
	if (dwfl) {
		Dwfl_Module *mod = dwfl_addrmodule(dwfl, look);

		if (mod)
			name = sym_name(mod, look, &off);
	}
	put(buf, len, cap, " > ", 3);
	put_escaped(buf, len, cap, m->path ? m->path : "?");
	if (name && *name) {
		put(buf, len, cap, "(", 1);
		put_escaped(buf, len, cap, name);
		n = snprintf(tmp, sizeof(tmp), "+0x%llx) [0x%llx]\n",
			     (unsigned long long)(off + (pc - look)),
			     (unsigned long long)(pc - m->start + m->pgoff));
	} else {
		n = snprintf(tmp, sizeof(tmp), "() [0x%llx]\n",
			     (unsigned long long)(pc - m->start + m->pgoff));
	}
	put(buf, len, cap, tmp, n);
}

struct unwinder *unwinder_new(bool debug)
{
	struct unwinder *u = calloc(1, sizeof(*u));
	int err;

	if (!u)
		return NULL;
	u->debug = debug;
	elf_version(EV_CURRENT);
	err = umaps_open();
	u->sideband = err == 0;
	/* said once, debug or not: the stacks of processes that exit early lose their names */
	if (err)
		warnx_("-k: no perf side-band for the mappings (%s): they are read from "
		       "/proc/PID/maps, a process that has exited is not unwound", strerror(-err));
	return u;
}

void unwinder_track(struct unwinder *u, pid_t tgid, bool running)
{
	if (u)
		umaps_track(tgid, running);
}

size_t unwind_format(struct unwinder *u, const struct stack_rec *r, size_t len, char **buf,
		     size_t *cap)
{
	const struct umap_set *ms;
	struct space *sp = NULL;
	Dwarf_Word dw[32], pc0;
	size_t out = 0;
	int i, rc = -1;

	if (*buf)
		**buf = 0;
	if (!u || len < sizeof(*r) || r->h.ret < 0 || (uint64_t)r->h.ret > r->h.args[1] ||
	    r->h.args[1] > STACK_MAX || len - sizeof(*r) < (uint64_t)r->h.ret)
		return 0;
	umaps_drain();
	ms = umaps_get(r->h.tgid);
	u->cur = (struct cur){ .r = r, .sp = r->h.args[0], .stack_len = r->h.ret,
			       .tid = r->h.tid };
	u->nframes = 0;
	if (ms)
		sp = space_for(u, r->h.tgid, ms);
	if (sp && sp->attached)
		rc = dwfl_getthread_frames(sp->dwfl, r->h.tid, frame_cb, u);
	if (!u->nframes) {
		/* nothing unwound: the call's own address, at least */
		dwarf_regs(r, dw, &pc0);
		u->pcs[0] = pc0;
		u->activation[0] = true;
		u->nframes = 1;
	}
	for (i = 0; i < u->nframes; i++)
		put_frame(u, sp ? sp->dwfl : NULL, ms, u->pcs[i], u->activation[i], buf, &out, cap);
	if (u->nframes == MAX_FRAMES && rc != 0)
		put(buf, &out, cap, " > too many stack frames\n", 25);
	return out;
}

void unwinder_forget(struct unwinder *u, pid_t tgid)
{
	size_t i;

	if (!u)
		return;
	for (i = 0; i < MAX_SPACES; i++) {
		if (u->spaces[i].tgid == tgid) {
			if (u->spaces[i].dwfl)
				end_dwfl(u->spaces[i].dwfl);
			memset(&u->spaces[i], 0, sizeof(u->spaces[i]));
		}
	}
	umaps_forget(tgid);
}

void unwinder_free(struct unwinder *u)
{
	size_t i;

	if (!u)
		return;
	for (i = 0; i < MAX_SPACES; i++)
		if (u->spaces[i].dwfl)
			end_dwfl(u->spaces[i].dwfl);
	umaps_close();
	free(u);
}

#else /* !HAVE_LIBDW */

bool unwind_supported(void)
{
	return false;
}

struct unwinder *unwinder_new(bool debug)
{
	(void)debug;
	return NULL;
}

void unwinder_track(struct unwinder *u, pid_t tgid, bool running)
{
	(void)u, (void)tgid, (void)running;
}

size_t unwind_format(struct unwinder *u, const struct stack_rec *r, size_t len, char **buf,
		     size_t *cap)
{
	(void)u, (void)r, (void)len, (void)buf, (void)cap;
	return 0;
}

void unwinder_forget(struct unwinder *u, pid_t tgid)
{
	(void)u, (void)tgid;
}

void unwinder_free(struct unwinder *u)
{
	(void)u;
}

#endif /* HAVE_LIBDW */
