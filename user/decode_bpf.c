// SPDX-License-Identifier: GPL-2.0
/*
 * bpf(2): the command and union bpf_attr as strace 6.1 prints it. The kernel reads `size` bytes
 * of the union (at most a page); each command uses a leading part of it, whose fields print
 * from a zero-filled copy of what the call gave: a short size leaves the later fields out
 * (older kernels had no such field), and bytes given past the command's part print as ", ..."
 * (with -v as extra_data="\x.." / * bytes N..M * /) when any of them is not zero.
 */
#include <net/if.h>
#include <stddef.h>
#include <string.h>
#include <linux/bpf.h>
#include "decode.h"
#include "xlat/bpf_attach_flags.h"
#include "xlat/bpf_attach_type.h"
#include "xlat/bpf_commands.h"
#include "xlat/bpf_file_mode_flags.h"
#include "xlat/bpf_kprobe_multi_flags.h"
#include "xlat/bpf_link_update_flags.h"
#include "xlat/bpf_map_flags.h"
#include "xlat/bpf_map_types.h"
#include "xlat/bpf_map_update_elem_flags.h"
#include "xlat/bpf_prog_flags.h"
#include "xlat/bpf_prog_types.h"
#include "xlat/bpf_query_flags.h"
#include "xlat/bpf_task_fd_type.h"
#include "xlat/bpf_test_run_flags.h"
#include "xlat/ebpf_class.h"
#include "xlat/ebpf_mode.h"
#include "xlat/ebpf_op_alu.h"
#include "xlat/ebpf_op_jmp.h"
#include "xlat/ebpf_regs.h"
#include "xlat/ebpf_size.h"
#include "xlat/ebpf_src.h"

#define BPF_ATTR_MAX	4096	/* the kernel takes no more than a page */
#define BPF_CMD_MAX	128	/* the largest command part (BPF_PROG_LOAD) */
#define BPF_NAME_LEN	16	/* BPF_OBJ_NAME_LEN */

/* One union bpf_attr being printed: `p` holds the command's part, zero-filled past `len`. */
struct battr {
	struct dctx *d;
	int arg;
	uint8_t p[BPF_CMD_MAX];
	size_t len;	/* bytes of the part the call gave */
	size_t end;	/* where the printed part ends: what follows counts as extra data */
	const uint8_t *out;	/* the part after a successful call, or NULL */
	bool sep;
	uint64_t elem_idx;	/* f_array: the element being printed */
};

static void f_name(struct battr *b, const char *name)
{
	if (b->sep)
		ob_puts(b->d->o, ", ");
	b->sep = true;
	ob_printf(b->d->o, "%s=", name);
}

static uint32_t u32_at(const struct battr *b, size_t off)
{
	return rd_u32(b->p + off);
}

static uint64_t u64_at(const struct battr *b, size_t off)
{
	return rd_u64(b->p + off);
}

static void f_u32(struct battr *b, const char *name, size_t off)
{
	f_name(b, name);
	ob_udec(b->d->o, u32_at(b, off));
}

/* an input the call may change: "N => M" when it did */
static void f_u32_io(struct battr *b, const char *name, size_t off)
{
	f_u32(b, name, off);
	if (b->out && rd_u32(b->out + off) != u32_at(b, off))
		ob_printf(b->d->o, " => %u", rd_u32(b->out + off));
}

static void f_u64(struct battr *b, const char *name, size_t off)
{
	f_name(b, name);
	ob_udec(b->d->o, u64_at(b, off));
}

static void f_x32(struct battr *b, const char *name, size_t off)
{
	f_name(b, name);
	ob_hex(b->d->o, u32_at(b, off));
}

static void f_x64(struct battr *b, const char *name, size_t off)
{
	f_name(b, name);
	ob_hex(b->d->o, u64_at(b, off));
}

static void f_fd(struct battr *b, const char *name, size_t off)
{
	f_name(b, name);
	print_fd(b->d, (int32_t)u32_at(b, off));
}

static void f_ptr(struct battr *b, const char *name, size_t off)
{
	f_name(b, name);
	ob_ptr(b->d->o, u64_at(b, off));
}

static void f_xval(struct battr *b, const char *name, size_t off, const struct xlat *x,
		   const char *unknown)
{
	f_name(b, name);
	xlat_print_val(b->d->o, x, u32_at(b, off), unknown);
}

static void f_flags(struct battr *b, const char *name, size_t off, const struct xlat *x,
		    const char *unknown)
{
	f_name(b, name);
	xlat_print_flags(b->d->o, x, u32_at(b, off), unknown);
}

/* a char[16] name: up to its NUL; with none in the bytes given, all but the last and "..." */
static void f_name16(struct battr *b, const char *name, size_t off)
{
	size_t n = b->len - off < BPF_NAME_LEN ? b->len - off : BPF_NAME_LEN;
	const uint8_t *z = memchr(b->p + off, 0, n);

	f_name(b, name);
	if (z)
		print_quoted(b->d, b->p + off, z - (b->p + off), true, false);
	else
		print_quoted(b->d, b->p + off, n - 1, true, true);
}

/* an interface index: if_nametoindex("lo") when it names one here */
static void f_ifindex(struct battr *b, const char *name, size_t off)
{
	char ifname[IF_NAMESIZE];
	uint32_t idx = u32_at(b, off);

	f_name(b, name);
	if (idx && if_indextoname(idx, ifname)) {
		ob_puts(b->d->o, "if_nametoindex(");
		print_quoted(b->d, (const uint8_t *)ifname, strlen(ifname), true, false);
		ob_putc(b->d->o, ')');
	} else {
		ob_udec(b->d->o, idx);
	}
}

/*
 * What the pointer at `off` points to, copied with the attr (blob `sub`, see bpf_cmd_refs):
 * NULL when the pointer is, else the blob when it was read in full, else NULL after printing
 * the address. `exit`: the copy made after the call.
 */
/* an input's copy: the one made at the call, else (its page was not in) the one after it */
static const struct sc_blob *in_blob(const struct battr *b, int sub)
{
	const struct sc_blob *m = d_blob(b->d, b->arg, sub, false);

	if (m && !(m->flags & BLOBF_FAULT))
		return m;
	if (b->d->ev_exit && b->d->ev_enter) {
		const struct sc_blob *x = d_blob(b->d, b->arg, sub, true);

		if (x && x != m && !(x->flags & BLOBF_FAULT))
			return x;
	}
	return m;
}

static const struct sc_blob *f_deref(struct battr *b, const char *name, size_t off, int sub,
				     bool exit)
{
	const struct sc_blob *m;
	uint64_t ptr = u64_at(b, off);

	f_name(b, name);
	m = !ptr ? NULL : exit ? d_blob(b->d, b->arg, sub, true) : in_blob(b, sub);
	if (!m || (m->flags & BLOBF_FAULT) || (exit && !b->d->ev_exit)) {
		ob_ptr(b->d->o, ptr);
		return NULL;
	}
	return m;
}

/* a NUL-terminated string: at most -s bytes of it, "..." after them */
static void f_str(struct battr *b, const char *name, size_t off, int sub, size_t limit)
{
	const struct sc_blob *m = f_deref(b, name, off, sub, false);

	if (!m)
		return;
	print_quoted(b->d, blob_data(m), m->len > limit ? limit : m->len, true,
		     m->len > limit || (m->flags & BLOBF_TRUNC));
}

/* a buffer of `len` bytes (a string of at most that many with `nul`): -s bytes of it */
static void f_buf(struct battr *b, const char *name, size_t off, int sub, uint64_t len, bool nul)
{
	const struct sc_blob *m = f_deref(b, name, off, sub, false);
	size_t n, lim = b->d->s->strsize;
	const uint8_t *z;

	if (!m)
		return;
	n = m->len < len ? m->len : len;
	if (nul && (z = memchr(blob_data(m), 0, n))) {
		n = z - blob_data(m);
		print_quoted(b->d, blob_data(m), n > lim ? lim : n, true, n > lim);
		return;
	}
	/* a string with no NUL in its length: "..." */
	print_quoted(b->d, blob_data(m), n > lim ? lim : n, nul, nul || len > (n > lim ? lim : n));
}

/* the fields of the part from `off` on exist only when the call gave some of them */
static bool has(const struct battr *b, size_t off)
{
	return b->len > off;
}

/* ---- the commands ---- */

static void bpf_map_create(struct battr *b)
{
	f_xval(b, "map_type", 0, &xlat_bpf_map_types, "BPF_MAP_TYPE_???");
	f_u32(b, "key_size", 4);
	f_u32(b, "value_size", 8);
	f_u32(b, "max_entries", 12);
	if (!has(b, 16))
		return;
	f_flags(b, "map_flags", 16, &xlat_bpf_map_flags, "BPF_F_???");
	if (!has(b, 20))
		return;
	f_fd(b, "inner_map_fd", 20);
	if (has(b, 24) && (u32_at(b, 16) & BPF_F_NUMA_NODE)) {
		f_name(b, "numa_node");
		ob_udec(b->d->o, u32_at(b, 24));
		if (u32_at(b, 24) == 0xffffffffu && xlat_comment_begin(b->d->o)) {
			ob_puts(b->d->o, "NUMA_NO_NODE");
			xlat_names_end(b->d->o);
		}
	}
	if (!has(b, 28))
		return;
	f_name16(b, "map_name", 28);
	if (!has(b, 44))
		return;
	f_ifindex(b, "map_ifindex", 44);
	if (!has(b, 48))
		return;
	f_fd(b, "btf_fd", 48);
	f_u32(b, "btf_key_type_id", 52);
	f_u32(b, "btf_value_type_id", 56);
	if (!has(b, 60))
		return;
	f_u32(b, "btf_vmlinux_value_type_id", 60);
	if (!has(b, 64))
		return;
	f_u64(b, "map_extra", 64);
}

static void bpf_map_elem(struct battr *b, const char *second, bool flags_always)
{
	f_fd(b, "map_fd", 0);
	f_ptr(b, "key", 8);
	if (second)
		f_ptr(b, second, 16);
	if (!flags_always && !has(b, 24))
		return;
	f_xval(b, "flags", 24, &xlat_bpf_map_update_elem_flags, "BPF_???");
}

static void bpf_map_lookup_elem(struct battr *b)
{
	bpf_map_elem(b, "value", false);
}

static void bpf_map_update_elem(struct battr *b)
{
	bpf_map_elem(b, "value", true);
}

static void bpf_map_delete_elem(struct battr *b)
{
	f_fd(b, "map_fd", 0);
	f_ptr(b, "key", 8);
}

static void bpf_map_get_next_key(struct battr *b)
{
	f_fd(b, "map_fd", 0);
	f_ptr(b, "key", 8);
	f_ptr(b, "next_key", 16);
}

static void bpf_map_freeze(struct battr *b)
{
	f_fd(b, "map_fd", 0);
}

/* one part of an instruction's code: |BPF_W, or the bits in hex without a name */
static void insn_code_part(struct outbuf *o, const struct xlat *x, uint32_t v, bool first)
{
	if (!first)
		ob_putc(o, '|');
	xlat_print_const(o, v, XF_HEX, xlat_name(x, v), NULL);
}

/* struct bpf_insn: {code=BPF_ALU64|BPF_K|BPF_MOV, dst_reg=BPF_REG_1, ..., imm=0} */
static void print_insn(struct battr *b, const uint8_t *p)
{
	struct outbuf *o = b->d->o;
	uint8_t code = p[0], cls = code & 0x07;

	ob_puts(o, "{code=");
	insn_code_part(o, &xlat_ebpf_class, cls, true);
	switch (cls) {
	case BPF_LD: case BPF_LDX: case BPF_ST: case BPF_STX:
		insn_code_part(o, &xlat_ebpf_size, code & 0x18, false);
		insn_code_part(o, &xlat_ebpf_mode, code & 0xe0, false);
		break;
	case BPF_ALU: case BPF_ALU64:
		insn_code_part(o, &xlat_ebpf_src, code & 0x08, false);
		insn_code_part(o, &xlat_ebpf_op_alu, code & 0xf0, false);
		break;
	default:
		insn_code_part(o, &xlat_ebpf_src, code & 0x08, false);
		insn_code_part(o, &xlat_ebpf_op_jmp, code & 0xf0, false);
	}
	ob_puts(o, ", dst_reg=");
	xlat_print_val(o, &xlat_ebpf_regs, p[1] & 0x0f, "BPF_REG_???");
	ob_puts(o, ", src_reg=");
	xlat_print_val(o, &xlat_ebpf_regs, p[1] >> 4, "BPF_REG_???");
	ob_printf(o, ", off=%d, imm=", rd_s16(p + 2));
	ob_hex(o, rd_u32(p + 4));
	ob_putc(o, '}');
}

/* `count` elements of `esize` bytes the pointer at `off` points to (blob `sub`): those the
 * copy holds, "..." for the rest; with none readable, the address */
typedef void (*belem_fn)(struct battr *b, const uint8_t *p);

static void f_array(struct battr *b, const char *name, size_t off, int sub, bool exit,
		    uint64_t count, size_t esize, belem_fn elem)
{
	const struct sc_blob *m;
	uint64_t i, n, shown;

	if (!count) {
		f_name(b, name);
		if (u64_at(b, off))
			ob_puts(b->d->o, "[]");
		else
			ob_ptr(b->d->o, 0);
		return;
	}
	m = exit ? d_blob(b->d, b->arg, sub, true) : in_blob(b, sub);
	n = m && (!(m->flags & BLOBF_FAULT) || (m->flags & BLOBF_PART)) ? m->len / esize : 0;
	if (n > count)
		n = count;
	if (!n) {
		f_ptr(b, name, off);
		return;
	}
	/* -s elements at most, but with -v */
	shown = !b->d->s->verbose && n > b->d->s->strsize ? b->d->s->strsize : n;
	f_name(b, name);
	ob_putc(b->d->o, '[');
	for (i = 0; i < shown; i++) {
		if (i)
			ob_puts(b->d->o, ", ");
		b->elem_idx = i;
		elem(b, blob_data(m) + i * esize);
	}
	if (shown < count) {
		ob_puts(b->d->o, shown ? ", ..." : "...");
		/* the copy stopped at an unreadable page: where it begins */
		if (shown == n && (m->flags & BLOBF_FAULT))
			ob_printf(b->d->o, " /* %#llx */",
				  (unsigned long long)(u64_at(b, off) + n * esize));
	}
	ob_putc(b->d->o, ']');
}

/* KERNEL_VERSION(a, b, c) of a version code; raw: the number, verbose: both */
static void print_kernel_version(struct outbuf *o, uint32_t v)
{
	if (xlat_style != XLAT_ABBREV)
		ob_hex(o, v);
	if (xlat_style == XLAT_RAW)
		return;
	if (xlat_style == XLAT_VERBOSE)
		ob_puts(o, " /* ");
	ob_printf(o, "KERNEL_VERSION(%u, %u, %u)", v >> 16, (v >> 8) & 0xff, v & 0xff);
	if (xlat_style == XLAT_VERBOSE)
		ob_puts(o, " */");
}

static void bpf_prog_load(struct battr *b)
{
	f_xval(b, "prog_type", 0, &xlat_bpf_prog_types, "BPF_PROG_TYPE_???");
	f_u32(b, "insn_cnt", 4);
	if (b->d->s->verbose)
		f_array(b, "insns", 8, 3, false, u32_at(b, 4), 8, print_insn);
	else
		f_ptr(b, "insns", 8);
	f_str(b, "license", 16, 1, b->d->s->strsize);
	if (!has(b, 24))
		return;
	f_u32(b, "log_level", 24);
	f_u32(b, "log_size", 28);
	f_buf(b, "log_buf", 32, 2, u32_at(b, 28), true);
	f_name(b, "kern_version");
	print_kernel_version(b->d->o, u32_at(b, 40));
	if (!has(b, 44))
		return;
	f_flags(b, "prog_flags", 44, &xlat_bpf_prog_flags, "BPF_F_???");
	if (!has(b, 48))
		return;
	f_name16(b, "prog_name", 48);
	if (!has(b, 64))
		return;
	f_ifindex(b, "prog_ifindex", 64);
	if (!has(b, 68))
		return;
	f_xval(b, "expected_attach_type", 68, &xlat_bpf_attach_type, "BPF_???");
	if (!has(b, 72))
		return;
	f_fd(b, "prog_btf_fd", 72);
	f_u32(b, "func_info_rec_size", 76);
	f_ptr(b, "func_info", 80);
	f_u32(b, "func_info_cnt", 88);
	f_u32(b, "line_info_rec_size", 92);
	f_ptr(b, "line_info", 96);
	f_u32(b, "line_info_cnt", 104);
	if (!has(b, 108))
		return;
	f_u32(b, "attach_btf_id", 108);
	if (!has(b, 112))
		return;
	f_fd(b, "attach_prog_fd", 112);
	if (!has(b, 120))
		return;
	f_ptr(b, "fd_array", 120);
}

static void bpf_obj_pin(struct battr *b)
{
	f_str(b, "pathname", 0, 1, BSTRACE_PATH_MAX - 1);
	f_fd(b, "bpf_fd", 8);
	if (!has(b, 12))
		return;
	f_flags(b, "file_flags", 12, &xlat_bpf_file_mode_flags, "BPF_F_???");
}

static void bpf_prog_attach(struct battr *b)
{
	f_fd(b, "target_fd", 0);
	f_fd(b, "attach_bpf_fd", 4);
	f_xval(b, "attach_type", 8, &xlat_bpf_attach_type, "BPF_???");
	f_flags(b, "attach_flags", 12, &xlat_bpf_attach_flags, "BPF_F_???");
	if (!has(b, 16))
		return;
	f_fd(b, "replace_bpf_fd", 16);
}

static void bpf_prog_detach(struct battr *b)
{
	f_fd(b, "target_fd", 0);
	f_xval(b, "attach_type", 8, &xlat_bpf_attach_type, "BPF_???");
}

static void bpf_prog_test_run(struct battr *b)
{
	ob_puts(b->d->o, "test={");
	f_fd(b, "prog_fd", 0);
	f_u32(b, "retval", 4);
	f_u32(b, "data_size_in", 8);
	f_u32(b, "data_size_out", 12);
	f_ptr(b, "data_in", 16);
	f_ptr(b, "data_out", 24);
	f_u32(b, "repeat", 32);
	f_u32(b, "duration", 36);
	if (has(b, 40)) {
		f_u32(b, "ctx_size_in", 40);
		f_u32(b, "ctx_size_out", 44);
		f_ptr(b, "ctx_in", 48);
		f_ptr(b, "ctx_out", 56);
	}
	if (has(b, 64)) {
		f_flags(b, "flags", 64, &xlat_bpf_test_run_flags, "BPF_F_???");
		f_u32(b, "cpu", 68);
	}
	if (has(b, 72))
		f_u32(b, "batch_size", 72);
	ob_putc(b->d->o, '}');
}

static void bpf_get_next_id(struct battr *b, const char *first)
{
	f_u32(b, first, 0);
	f_u32(b, "next_id", 4);
	if (!has(b, 8))
		return;
	f_flags(b, "open_flags", 8, &xlat_bpf_file_mode_flags, "BPF_F_???");
}

static void bpf_next_id(struct battr *b)
{
	bpf_get_next_id(b, "start_id");
}

static void bpf_prog_get_fd_by_id(struct battr *b)
{
	bpf_get_next_id(b, "prog_id");
}

static void bpf_map_get_fd_by_id(struct battr *b)
{
	bpf_get_next_id(b, "map_id");
}

static void bpf_btf_get_fd_by_id(struct battr *b)
{
	f_u32(b, "btf_id", 0);
}

static void bpf_link_get_fd_by_id(struct battr *b)
{
	f_u32(b, "link_id", 0);
}

/* what kind of bpf object the fd is, as -y described it: "map", "prog", ... or NULL */
static const char *bpf_fd_kind(struct battr *b, int32_t fd)
{
	static char path[64];
	size_t n = fd_desc_path(b->d, fd, path, sizeof(path) - 1);

	path[n] = 0;
	if (strncmp(path, "anon_inode:bpf-", 15))
		return NULL;
	return path + 15;
}

/* struct bpf_map_info as the call wrote it: `len` bytes; the fields strace 6.1 knows */
static void print_map_info(struct battr *b, const uint8_t *p, size_t len)
{
	struct battr m = { .d = b->d, .arg = b->arg, .len = len };
	uint64_t dev;

	memcpy(m.p, p, len < 80 ? len : 80);
	ob_putc(b->d->o, '{');
	if (len < 24)
		goto out;
	f_xval(&m, "type", 0, &xlat_bpf_map_types, "BPF_MAP_TYPE_???");
	f_u32(&m, "id", 4);
	f_u32(&m, "key_size", 8);
	f_u32(&m, "value_size", 12);
	f_u32(&m, "max_entries", 16);
	f_flags(&m, "map_flags", 20, &xlat_bpf_map_flags, "BPF_F_???");
	if (len < 40)
		goto out;
	f_name16(&m, "name", 24);
	if (len < 44)
		goto out;
	f_ifindex(&m, "ifindex", 40);
	if (len < 48)
		goto out;
	f_u32(&m, "btf_vmlinux_value_type_id", 44);
	if (len < 64)
		goto out;
	/* the kernel's new_encode_dev() */
	dev = u64_at(&m, 48);
	f_name(&m, "netns_dev");
	ob_printf(b->d->o, "makedev(%#llx, %#llx)", (unsigned long long)((dev >> 8) & 0xfff),
		  (unsigned long long)((dev & 0xff) | ((dev >> 12) & 0xfff00)));
	f_u64(&m, "netns_ino", 56);
	if (len < 76)
		goto out;
	f_u32(&m, "btf_id", 64);
	f_u32(&m, "btf_key_type_id", 68);
	f_u32(&m, "btf_value_type_id", 72);
out:
	ob_putc(b->d->o, '}');
}

static void bpf_obj_get_info_by_fd(struct battr *b)
{
	const char *kind = b->d->s->verbose ? bpf_fd_kind(b, u32_at(b, 0)) : NULL;
	const struct sc_blob *m;
	uint32_t len;

	ob_puts(b->d->o, "info={");
	f_fd(b, "bpf_fd", 0);
	f_u32_io(b, "info_len", 4);
	/* -v: what the call wrote, for an object of a kind known here */
	if (!b->out || !kind || strcmp(kind, "map")) {
		f_ptr(b, "info", 8);
	} else if ((m = f_deref(b, "info", 8, 1, true))) {
		len = rd_u32(b->out + 4);
		print_map_info(b, blob_data(m), m->len < len ? m->len : len);
	}
	ob_putc(b->d->o, '}');
}

static void elem_u32(struct battr *b, const uint8_t *p)
{
	ob_udec(b->d->o, rd_u32(p));
}

static void bpf_prog_query(struct battr *b)
{
	ob_puts(b->d->o, "query={");
	f_fd(b, "target_fd", 0);
	f_xval(b, "attach_type", 4, &xlat_bpf_attach_type, "BPF_???");
	f_flags(b, "query_flags", 8, &xlat_bpf_query_flags, "BPF_F_QUERY_???");
	f_flags(b, "attach_flags", 12, &xlat_bpf_attach_flags, "BPF_F_???");
	/* the ids the call wrote, as many as it says; a failed call's: none with a count of 0 */
	if (b->out)
		f_array(b, "prog_ids", 16, 1, true, rd_u32(b->out + 24), 4, elem_u32);
	else if (!u32_at(b, 24))
		f_array(b, "prog_ids", 16, 1, false, 0, 4, elem_u32);
	else
		f_ptr(b, "prog_ids", 16);
	f_u32_io(b, "prog_cnt", 24);
	ob_putc(b->d->o, '}');
}

static void bpf_raw_tracepoint_open(struct battr *b)
{
	ob_puts(b->d->o, "raw_tracepoint={");
	f_str(b, "name", 0, 1, b->d->s->strsize);
	f_fd(b, "prog_fd", 8);
	ob_putc(b->d->o, '}');
}

static void bpf_btf_load(struct battr *b)
{
	f_buf(b, "btf", 0, 1, u32_at(b, 16), false);
	f_ptr(b, "btf_log_buf", 8);
	f_u32(b, "btf_size", 16);
	f_u32(b, "btf_log_size", 20);
	f_u32(b, "btf_log_level", 24);
}

static void bpf_task_fd_query(struct battr *b)
{
	ob_puts(b->d->o, "task_fd_query={");
	f_u32(b, "pid", 0);
	f_fd(b, "fd", 4);
	f_u32(b, "flags", 8);
	f_u32_io(b, "buf_len", 12);
	f_ptr(b, "buf", 16);
	f_u32_io(b, "prog_id", 24);
	f_xval(b, "fd_type", 28, &xlat_bpf_task_fd_type, "BPF_FD_TYPE_???");
	f_x64(b, "probe_offset", 32);
	f_x64(b, "probe_addr", 40);
	ob_putc(b->d->o, '}');
}

static void bpf_batch(struct battr *b, bool lookup, bool values)
{
	ob_puts(b->d->o, "batch={");
	if (lookup) {
		f_ptr(b, "in_batch", 0);
		f_ptr(b, "out_batch", 8);
	}
	f_ptr(b, "keys", 16);
	if (values)
		f_ptr(b, "values", 24);
	f_u32_io(b, "count", 32);
	f_fd(b, "map_fd", 36);
	f_xval(b, "elem_flags", 40, &xlat_bpf_map_update_elem_flags, "BPF_???");
	f_x64(b, "flags", 48);
	ob_putc(b->d->o, '}');
}

static void bpf_map_lookup_batch(struct battr *b)
{
	bpf_batch(b, true, true);
}

static void bpf_map_update_batch(struct battr *b)
{
	bpf_batch(b, false, true);
}

static void bpf_map_delete_batch(struct battr *b)
{
	bpf_batch(b, false, false);
}

static void elem_iter_info(struct battr *b, const uint8_t *p)
{
	ob_puts(b->d->o, "{map={map_fd=");
	print_fd(b->d, rd_s32(p));
	ob_puts(b->d->o, "}}");
}

static void elem_x64(struct battr *b, const uint8_t *p)
{
	ob_hex(b->d->o, rd_u64(p));
}

/* a string pointer of kprobe_multi's syms: its string, copied as blob 0x100 + index */
static void elem_sym(struct battr *b, const uint8_t *p)
{
	const struct sc_blob *m;
	uint64_t ptr = rd_u64(p);
	size_t lim = b->d->s->strsize;

	m = ptr ? in_blob(b, BPF_REF_STRV_SUB + b->elem_idx) : NULL;
	if (!m || (m->flags & BLOBF_FAULT) || m->full != ptr) {
		ob_ptr(b->d->o, ptr);
		return;
	}
	print_quoted(b->d, blob_data(m), m->len > lim ? lim : m->len, true,
		     m->len > lim || (m->flags & BLOBF_TRUNC));
}

static void bpf_link_create(struct battr *b)
{
	uint32_t type = u32_at(b, 8);

	ob_puts(b->d->o, "link_create={");
	f_fd(b, "prog_fd", 0);
	f_fd(b, "target_fd", 4);
	f_xval(b, "attach_type", 8, &xlat_bpf_attach_type, "BPF_???");
	f_x32(b, "flags", 12);
	if (!has(b, 16)) {
		b->end = 16;
		ob_putc(b->d->o, '}');
		return;
	}
	/* the union after the header is the attach type's: the rest of the part is extra data
	 * for the others */
	switch (type) {
	case BPF_CGROUP_INET_INGRESS:
		b->end = 20;
		if (has(b, 16) && u32_at(b, 16))
			f_u32(b, "target_btf_id", 16);
		break;
	case BPF_TRACE_ITER:
		b->end = 28;
		f_array(b, "iter_info", 16, 1, false, u32_at(b, 24), 4, elem_iter_info);
		f_u32(b, "iter_info_len", 24);
		break;
	case BPF_PERF_EVENT:
		b->end = 24;
		f_name(b, "perf_event");
		ob_puts(b->d->o, "{bpf_cookie=");
		ob_hex(b->d->o, u64_at(b, 16));
		ob_putc(b->d->o, '}');
		break;
	case BPF_TRACE_KPROBE_MULTI:
		b->end = 48;
		f_name(b, "kprobe_multi");
		ob_putc(b->d->o, '{');
		b->sep = false;
		f_flags(b, "flags", 16, &xlat_bpf_kprobe_multi_flags, "BPF_F_???");
		f_u32(b, "cnt", 20);
		f_array(b, "syms", 24, 2, false, u32_at(b, 20), 8, elem_sym);
		f_array(b, "addrs", 32, 3, false, u32_at(b, 20), 8, elem_x64);
		f_array(b, "cookies", 40, 4, false, u32_at(b, 20), 8, elem_x64);
		ob_putc(b->d->o, '}');
		break;
	default:
		b->end = 16;
	}
	ob_putc(b->d->o, '}');
}

static void bpf_link_update(struct battr *b)
{
	ob_puts(b->d->o, "link_update={");
	f_fd(b, "link_fd", 0);
	f_fd(b, "new_prog_fd", 4);
	f_flags(b, "flags", 8, &xlat_bpf_link_update_flags, "BPF_F_???");
	if (u32_at(b, 8) & BPF_F_REPLACE)
		f_fd(b, "old_prog_fd", 12);
	ob_putc(b->d->o, '}');
}

struct bpf_cmd_def {
	uint8_t size;	/* bytes of union bpf_attr the command uses */
	void (*print)(struct battr *b);
};

static const struct bpf_cmd_def bpf_cmds[] = {
	[BPF_MAP_CREATE] = { 72, bpf_map_create },
	[BPF_MAP_LOOKUP_ELEM] = { 32, bpf_map_lookup_elem },
	[BPF_MAP_UPDATE_ELEM] = { 32, bpf_map_update_elem },
	[BPF_MAP_DELETE_ELEM] = { 16, bpf_map_delete_elem },
	[BPF_MAP_GET_NEXT_KEY] = { 24, bpf_map_get_next_key },
	[BPF_PROG_LOAD] = { 128, bpf_prog_load },
	[BPF_OBJ_PIN] = { 16, bpf_obj_pin },
	[BPF_OBJ_GET] = { 16, bpf_obj_pin },
	[BPF_PROG_ATTACH] = { 20, bpf_prog_attach },
	[BPF_PROG_DETACH] = { 12, bpf_prog_detach },
	[BPF_PROG_TEST_RUN] = { 76, bpf_prog_test_run },
	[BPF_PROG_GET_NEXT_ID] = { 12, bpf_next_id },
	[BPF_MAP_GET_NEXT_ID] = { 12, bpf_next_id },
	[BPF_PROG_GET_FD_BY_ID] = { 12, bpf_prog_get_fd_by_id },
	[BPF_MAP_GET_FD_BY_ID] = { 12, bpf_map_get_fd_by_id },
	[BPF_OBJ_GET_INFO_BY_FD] = { 16, bpf_obj_get_info_by_fd },
	[BPF_PROG_QUERY] = { 28, bpf_prog_query },
	[BPF_RAW_TRACEPOINT_OPEN] = { 12, bpf_raw_tracepoint_open },
	[BPF_BTF_LOAD] = { 28, bpf_btf_load },
	[BPF_BTF_GET_FD_BY_ID] = { 4, bpf_btf_get_fd_by_id },
	[BPF_TASK_FD_QUERY] = { 48, bpf_task_fd_query },
	[BPF_MAP_LOOKUP_AND_DELETE_ELEM] = { 32, bpf_map_lookup_elem },
	[BPF_MAP_FREEZE] = { 4, bpf_map_freeze },
	[BPF_BTF_GET_NEXT_ID] = { 12, bpf_next_id },
	[BPF_MAP_LOOKUP_BATCH] = { 56, bpf_map_lookup_batch },
	[BPF_MAP_LOOKUP_AND_DELETE_BATCH] = { 56, bpf_map_lookup_batch },
	[BPF_MAP_UPDATE_BATCH] = { 56, bpf_map_update_batch },
	[BPF_MAP_DELETE_BATCH] = { 56, bpf_map_delete_batch },
	[BPF_LINK_CREATE] = { 48, bpf_link_create },
	[BPF_LINK_UPDATE] = { 16, bpf_link_update },
	[BPF_LINK_GET_FD_BY_ID] = { 4, bpf_link_get_fd_by_id },
	[BPF_LINK_GET_NEXT_ID] = { 12, bpf_next_id },
};

void print_BPF_CMD(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_bpf_commands, (uint32_t)d->args[arg], "BPF_???");
}

/* what follows the printed part: ", ..." when not all zero; -v: the bytes */
static void print_extra(struct battr *b, const uint8_t *all, size_t size)
{
	struct outbuf *o = b->d->o;
	size_t i;

	for (i = b->end; i < size && !all[i]; i++)
		;
	if (i >= size)
		return;
	ob_puts(o, ", ");
	if (!b->d->s->verbose) {
		ob_puts(o, "...");
		return;
	}
	ob_puts(o, "extra_data=\"");
	for (i = b->end; i < size; i++)
		ob_printf(o, "\\x%02x", all[i]);
	ob_printf(o, "\" /* bytes %zu..%zu */", b->end, size - 1);
}

void print_BPF_ATTR(struct dctx *d, int arg)
{
	uint32_t cmd = (uint32_t)d->args[0], size = (uint32_t)d->args[arg + 1];
	const struct bpf_cmd_def *c = cmd < ARRAY_SIZE(bpf_cmds) ? &bpf_cmds[cmd] : NULL;
	const struct sc_blob *in, *out;
	struct battr b = { .d = d, .arg = arg };
	uint8_t outp[BPF_CMD_MAX];

	if (d->phase != DP_ENTER)
		return;
	if (!c || !c->print || !d->args[arg] || !size || size > BPF_ATTR_MAX) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	in = d_blob(d, arg, 0, false);
	if (!in || (in->flags & BLOBF_FAULT) || in->len < size) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	b.len = size < c->size ? size : c->size;
	b.end = c->size;
	memcpy(b.p, blob_data(in), b.len);
	out = d->exited && !d->failed ? d_blob(d, arg, 0, true) : NULL;
	/* with no enter record (an injected call) the one copy is the one after the call */
	if (out && (out != in || !d->ev_enter) && !(out->flags & BLOBF_FAULT) &&
	    out->len >= b.len) {
		memset(outp, 0, sizeof(outp));
		memcpy(outp, blob_data(out), b.len);
		b.out = outp;
	}
	ob_putc(d->o, '{');
	c->print(&b);
	if (size > b.end)
		print_extra(&b, blob_data(in), size);
	ob_putc(d->o, '}');
}

/* the commands that return a new fd */
void print_bpf_ret(struct dctx *d)
{
	switch ((uint32_t)d->args[0]) {
	case BPF_MAP_CREATE: case BPF_PROG_LOAD: case BPF_OBJ_GET: case BPF_PROG_GET_FD_BY_ID:
	case BPF_MAP_GET_FD_BY_ID: case BPF_RAW_TRACEPOINT_OPEN: case BPF_BTF_LOAD:
	case BPF_BTF_GET_FD_BY_ID: case BPF_LINK_CREATE: case BPF_LINK_GET_FD_BY_ID:
	case BPF_ENABLE_STATS: case BPF_ITER_CREATE:
		print_ret_fd(d, d->ret);
		break;
	default:
		ob_dec(d->o, d->ret);
	}
}

/* one command's references: up to BPF_REF_FDS fd offsets, BPF_REF_PTRS pointers */
struct bpf_ref_def {
	uint32_t cmd;
	int16_t fds[BPF_REF_FDS];
	struct bpf_ref_ptr ptr[BPF_REF_PTRS];
};

#define NO_PTR		{ .ptr_off = BPF_REF_NONE }
/* an input: copied at the call, and after it for a page not in memory before the call */
#define IN		(BPF_REF_ENTER | BPF_REF_EXIT)
#define NO_FDS		{ -1, -1, -1, -1 }
/* a string; `max` 0: the -s size */
#define STR(off, max_)	{ .ptr_off = off, .len_off = BPF_REF_NONE, .esize = 1, .str = 1, \
			  .when = IN, .max = max_ }
/* len_off's count of esize bytes, at most max (0: -s elements, all of them with -v) */
#define ARR(off, len_off_, esize_, when_, max_) \
	{ .ptr_off = off, .len_off = len_off_, .esize = esize_, .when = when_, .max = max_ }
/* the same for one BPF_LINK_CREATE attach type */
#define LINK_ARR(off, len_off_, esize_, type, strv_) \
	{ .ptr_off = off, .len_off = len_off_, .esize = esize_, .when = IN, \
	  .sel_off = 8, .sel_val = type, .strv = strv_ }

/* -v: the instructions (BPF_MAXINSNS of them at most) */
#define INSNS	ARR(8, 4, 8, IN, BPF_INSNS_MAX)
#define BPF_INSNS_MAX	(512 * 8)
/* -v: the info structure the call wrote (info_len, after the call, says how much) */
#define INFO	ARR(8, 4, 1, BPF_REF_EXIT, BPF_INFO_MAX)
#define BPF_INFO_MAX	256

static const struct bpf_ref_def bpf_ref_defs[] = {
	{ BPF_MAP_CREATE, { 20, 48, -1, -1 }, { NO_PTR } },
	{ BPF_MAP_LOOKUP_ELEM, { 0, -1, -1, -1 }, { NO_PTR } },
	{ BPF_MAP_UPDATE_ELEM, { 0, -1, -1, -1 }, { NO_PTR } },
	{ BPF_MAP_DELETE_ELEM, { 0, -1, -1, -1 }, { NO_PTR } },
	{ BPF_MAP_GET_NEXT_KEY, { 0, -1, -1, -1 }, { NO_PTR } },
	{ BPF_MAP_LOOKUP_AND_DELETE_ELEM, { 0, -1, -1, -1 }, { NO_PTR } },
	{ BPF_MAP_FREEZE, { 0, -1, -1, -1 }, { NO_PTR } },
	{ BPF_PROG_LOAD, { 72, 112, -1, -1 },
	  { STR(16, 0), ARR(32, 28, 1, IN, 0), INSNS } },
	/* a path: PATH_MAX - 1 bytes at most shown (the copy of a string reads one more) */
	{ BPF_OBJ_PIN, { 8, -1, -1, -1 }, { STR(0, BSTRACE_PATH_MAX - 1), NO_PTR, NO_PTR } },
	{ BPF_OBJ_GET, { 8, -1, -1, -1 }, { STR(0, BSTRACE_PATH_MAX - 1), NO_PTR, NO_PTR } },
	{ BPF_PROG_ATTACH, { 0, 4, 16, -1 }, { NO_PTR } },
	{ BPF_PROG_DETACH, { 0, -1, -1, -1 }, { NO_PTR } },
	{ BPF_PROG_TEST_RUN, { 0, -1, -1, -1 }, { NO_PTR } },
	{ BPF_OBJ_GET_INFO_BY_FD, { 0, -1, -1, -1 }, { INFO } },
	{ BPF_PROG_QUERY, { 0, -1, -1, -1 }, { ARR(16, 24, 4, BPF_REF_EXIT, 0) } },
	{ BPF_RAW_TRACEPOINT_OPEN, { 8, -1, -1, -1 }, { STR(0, 0), NO_PTR, NO_PTR } },
	{ BPF_BTF_LOAD, NO_FDS, { ARR(0, 16, 1, IN, 0), NO_PTR, NO_PTR } },
	{ BPF_TASK_FD_QUERY, { 4, -1, -1, -1 }, { NO_PTR } },
	{ BPF_MAP_LOOKUP_BATCH, { 36, -1, -1, -1 }, { NO_PTR } },
	{ BPF_MAP_LOOKUP_AND_DELETE_BATCH, { 36, -1, -1, -1 }, { NO_PTR } },
	{ BPF_MAP_UPDATE_BATCH, { 36, -1, -1, -1 }, { NO_PTR } },
	{ BPF_MAP_DELETE_BATCH, { 36, -1, -1, -1 }, { NO_PTR } },
	{ BPF_LINK_CREATE, { 0, 4, -1, -1 },
	  { LINK_ARR(16, 24, 4, BPF_TRACE_ITER, 0), LINK_ARR(24, 20, 8, BPF_TRACE_KPROBE_MULTI, 1),
	    LINK_ARR(32, 20, 8, BPF_TRACE_KPROBE_MULTI, 0),
	    LINK_ARR(40, 20, 8, BPF_TRACE_KPROBE_MULTI, 0) } },
	{ BPF_LINK_UPDATE, { 0, 4, 12, -1 }, { NO_PTR } },
};

unsigned int bpf_cmd_refs(uint32_t *cmds, struct bpf_ref *refs, unsigned int max,
			  const struct settings *s)
{
	unsigned int i, j, n = 0;

	for (i = 0; i < ARRAY_SIZE(bpf_ref_defs) && n < max; i++, n++) {
		const struct bpf_ref_def *r = &bpf_ref_defs[i];

		cmds[n] = r->cmd;
		for (j = 0; j < BPF_REF_FDS; j++)
			refs[n].fd_off[j] = r->fds[j] < 0 ? BPF_REF_NONE : (uint16_t)r->fds[j];
		for (j = 0; j < BPF_REF_PTRS; j++) {
			struct bpf_ref_ptr *p = &refs[n].ptr[j];

			*p = r->ptr[j];
			if (!p->esize) {
				p->ptr_off = BPF_REF_NONE;
				continue;
			}
			if (!p->sel_off)
				p->sel_off = BPF_REF_NONE;
			if (p->strv)
				p->strv_max = s->strsize + 1;
			/* strings and buffers: -s bytes and one; arrays: -s elements, -v all */
			if (!p->max && (p->str || p->esize == 1))
				p->max = s->strsize + 1;
			else if (!p->max)
				p->max = p->esize * (s->verbose ? BPF_REF_STRV_MAX * 8 : s->strsize + 1);
			/* the instructions print with -v only */
			if ((p->max == BPF_INSNS_MAX || p->max == BPF_INFO_MAX) && !s->verbose)
				p->ptr_off = BPF_REF_NONE;
		}
	}
	return n;
}

/* the pointers an input union bpf_attr of `len` bytes holds for the command (inject.c brings
 * their pages in before the answered call's exit copies them); their count */
unsigned int bpf_attr_ptrs(uint32_t cmd, const uint8_t *attr, size_t len, uint64_t *ptrs,
			   unsigned int max)
{
	unsigned int i, j, n = 0;

	for (i = 0; i < ARRAY_SIZE(bpf_ref_defs); i++) {
		if (bpf_ref_defs[i].cmd != cmd)
			continue;
		for (j = 0; j < BPF_REF_PTRS && n < max; j++) {
			const struct bpf_ref_ptr *p = &bpf_ref_defs[i].ptr[j];

			if (!p->esize || !(p->when & BPF_REF_ENTER) || p->ptr_off + 8u > len)
				continue;
			ptrs[n] = rd_u64(attr + p->ptr_off);
			if (ptrs[n])
				n++;
		}
	}
	return n;
}
