// SPDX-License-Identifier: GPL-2.0
/* perf events: perf_event_open's struct perf_event_attr, its flags, and the PERF_EVENT_IOC_*
 * ioctls (type '$'). Layouts from linux/perf_event.h (not included: the xlat tables define
 * its enum names). */
#include "decode.h"
#include "xlat/clockids.h"
#include "xlat/hw_breakpoint_type.h"
#include "xlat/perf_attr_size.h"
#include "xlat/perf_branch_sample_type.h"
#include "xlat/perf_event_open_flags.h"
#include "xlat/perf_event_read_format.h"
#include "xlat/perf_event_sample_format.h"
#include "xlat/perf_hw_cache_id.h"
#include "xlat/perf_hw_cache_op_id.h"
#include "xlat/perf_hw_cache_op_result_id.h"
#include "xlat/perf_hw_id.h"
#include "xlat/perf_ioctl_flags.h"
#include "xlat/perf_sw_ids.h"
#include "xlat/perf_type.h"

/*
 * struct perf_event_attr, as strace 6.1 prints it: up to version 7 (128 bytes). Without -v only
 * the part before wakeup_events (48 bytes) is read.
 */
#define PA_MAX		128
#define PA_ABBREV	48
#define PA_VER0		64
#define PA_TYPE		0
#define PA_SIZE		4
#define PA_CONFIG	8
#define PA_PERIOD	16
#define PA_SAMPLE_TYPE	24
#define PA_READ_FORMAT	32
#define PA_FLAGS	40
#define PA_WAKEUP	48
#define PA_BP_TYPE	52
#define PA_CONFIG1	56
#define PA_CONFIG2	64
#define PA_BRANCH	72
#define PA_REGS_USER	80
#define PA_STACK_USER	88
#define PA_CLOCKID	92
#define PA_REGS_INTR	96
#define PA_AUX_WM	104
#define PA_MAX_STACK	108
#define PA_PAD110	110
#define PA_AUX_SAMPLE	112
#define PA_RESV3	116
#define PA_SIG_DATA	120

#define PT_HARDWARE	0
#define PT_SOFTWARE	1
#define PT_TRACEPOINT	2
#define PT_HW_CACHE	3
#define PT_BREAKPOINT	5

#define PS_BRANCH_STACK	(1ull << 11)
#define PS_STACK_USER	(1ull << 13)

/* the flag bits after read_format, in order; precise_ip (2 bits) after watermark */
static const char *const attr_bits[] = {
	"disabled", "inherit", "pinned", "exclusive", "exclude_user", "exclude_kernel",
	"exclude_hv", "exclude_idle", "mmap", "comm", "freq", "inherit_stat",
	"enable_on_exec", "task", "watermark", NULL, NULL, "mmap_data", "sample_id_all",
	"exclude_host", "exclude_guest", "exclude_callchain_kernel", "exclude_callchain_user",
	"mmap2", "comm_exec", "use_clockid", "context_switch", "write_backward", "namespaces",
	"ksymbol", "bpf_event", "aux_output", "cgroup", "text_poke", "build_id",
	"inherit_thread", "remove_on_exec", "sigtrap",
};
#define PF_FREQ		10
#define PF_WATERMARK	14
#define PF_PRECISE	15
#define PF_USE_CLOCKID	25
#define PF_RESERVED	38

static const char *const precise_ip_desc[] = {
	"arbitrary skid", "constant skid", "requested to have 0 skid", "must have 0 skid",
};

/* "0xfaceca75<<32|" in front of a config whose high half selects a PMU */
static void print_config_high(struct outbuf *o, uint64_t cfg)
{
	if (cfg >> 32)
		ob_printf(o, "%#x<<32|", (uint32_t)(cfg >> 32));
}

/* PERF_TYPE_HW_CACHE: result<<16|op<<8|cache, the bits above them in front */
static void print_hw_cache_config(struct outbuf *o, uint64_t cfg)
{
	print_config_high(o, cfg);
	if ((cfg >> 24) & 0xff)
		ob_printf(o, "%#x<<24|", (uint32_t)(cfg >> 24) & 0xff);
	xlat_print_val(o, &xlat_perf_hw_cache_op_result_id, (cfg >> 16) & 0xff,
		       "PERF_COUNT_HW_CACHE_RESULT_???");
	ob_puts(o, "<<16|");
	xlat_print_val(o, &xlat_perf_hw_cache_op_id, (cfg >> 8) & 0xff,
		       "PERF_COUNT_HW_CACHE_OP_???");
	ob_puts(o, "<<8|");
	xlat_print_val(o, &xlat_perf_hw_cache_id, cfg & 0xff, "PERF_COUNT_HW_CACHE_???");
}

static void print_config(struct outbuf *o, uint32_t type, uint64_t cfg)
{
	switch (type) {
	case PT_HARDWARE:
		print_config_high(o, cfg);
		xlat_print_val(o, &xlat_perf_hw_id, (uint32_t)cfg, "PERF_COUNT_HW_???");
		break;
	case PT_SOFTWARE:
		xlat_print_val(o, &xlat_perf_sw_ids, cfg, "PERF_COUNT_SW_???");
		break;
	case PT_TRACEPOINT:
		ob_udec(o, cfg);
		break;
	case PT_HW_CACHE:
		print_hw_cache_config(o, cfg);
		break;
	default:
		ob_hex(o, cfg);
	}
}

/* bp_type: the known values, else INVALID for a mix of R, W and X, ??? past them */
static void print_bp_type(struct outbuf *o, uint32_t v)
{
	const char *name = xlat_name(&xlat_hw_breakpoint_type, v);

	if (name || v & ~7u)
		xlat_print_val(o, &xlat_hw_breakpoint_type, v, "HW_BREAKPOINT_???");
	else
		xlat_print_const(o, v, XF_HEX, NULL, "HW_BREAKPOINT_INVALID");
}

/* the flag bits and what follows them without -v: nonzero ones, or all with -v */
static void print_attr_flags(struct outbuf *o, uint64_t fl, bool verbose)
{
	unsigned int i;

	for (i = 0; i < sizeof(attr_bits) / sizeof(attr_bits[0]); i++) {
		if (i == PF_PRECISE) {
			unsigned int pi = (fl >> PF_PRECISE) & 3;

			ob_printf(o, ", precise_ip=%u /* %s */", pi, precise_ip_desc[pi]);
			continue;
		}
		if (!attr_bits[i] || (!verbose && !((fl >> i) & 1)))
			continue;
		ob_printf(o, ", %s=%u", attr_bits[i], (unsigned int)((fl >> i) & 1));
	}
	if (fl >> PF_RESERVED)
		ob_printf(o, ", __reserved_1=%#llx /* Bits 63..%u */",
			  (unsigned long long)(fl >> PF_RESERVED), PF_RESERVED);
}

/* the fields of versions 1 to 7, each only when `size` covers it; returns where it stopped */
static unsigned int print_attr_tail(struct outbuf *o, const uint8_t *a, uint32_t size)
{
	uint32_t type = rd_u32(a + PA_TYPE);
	uint64_t st = rd_u64(a + PA_SAMPLE_TYPE), fl = rd_u64(a + PA_FLAGS);
	bool bp = type == PT_BREAKPOINT;

	if (size <= 64)
		return 64;
	if (bp)
		ob_printf(o, ", bp_len=%llu", (unsigned long long)rd_u64(a + PA_CONFIG2));
	else
		ob_printf(o, ", config2=%#llx", (unsigned long long)rd_u64(a + PA_CONFIG2));
	if (size <= 72)
		return 72;
	if (st & PS_BRANCH_STACK) {
		ob_puts(o, ", branch_sample_type=");
		xlat_print_flags(o, &xlat_perf_branch_sample_type, rd_u64(a + PA_BRANCH),
				 "PERF_SAMPLE_BRANCH_???");
	}
	if (size <= 80)
		return 80;
	ob_printf(o, ", sample_regs_user=%#llx", (unsigned long long)rd_u64(a + PA_REGS_USER));
	if (size <= 88)
		return 88;
	if (st & PS_STACK_USER)
		ob_printf(o, ", sample_stack_user=%#x", rd_u32(a + PA_STACK_USER));
	if (size <= 92)
		return 92;
	if ((fl >> PF_USE_CLOCKID) & 1) {
		ob_puts(o, ", clockid=");
		xlat_print_val(o, &xlat_clockids, rd_u32(a + PA_CLOCKID), "CLOCK_???");
	}
	if (size <= 96)
		return 96;
	ob_printf(o, ", sample_regs_intr=%#llx", (unsigned long long)rd_u64(a + PA_REGS_INTR));
	if (size <= 104)
		return 104;
	ob_printf(o, ", aux_watermark=%u", rd_u32(a + PA_AUX_WM));
	if (size <= 108)
		return 108;
	ob_printf(o, ", sample_max_stack=%u", rd_u16(a + PA_MAX_STACK));
	if (size <= 110)
		return 110;
	if (rd_u16(a + PA_PAD110))
		ob_printf(o, " /* bytes 110..111: %#x */", rd_u16(a + PA_PAD110));
	if (size <= 112)
		return 112;
	ob_printf(o, ", aux_sample_size=%u", rd_u32(a + PA_AUX_SAMPLE));
	if (size <= 116)
		return 116;
	if (rd_u32(a + PA_RESV3))
		ob_printf(o, " /* bytes 116..119: %#x */", rd_u32(a + PA_RESV3));
	if (size <= 120)
		return 120;
	ob_printf(o, ", sig_data=%#llx", (unsigned long long)rd_u64(a + PA_SIG_DATA));
	return PA_MAX;
}

/*
 * The structure at argument `arg`, from the copy made at the call (exit == false) or after it
 * (the ioctl's). As much as its size field says is read (64 bytes for 0, 128 at most), the
 * rest taken as zero, as the kernel does; without -v only the first 48 bytes. `new_size`:
 * the size field after the call when it changed (E2BIG), else UINT64_MAX.
 */
void print_perf_event_attr(struct dctx *d, int arg, bool exit, uint64_t new_size)
{
	struct outbuf *o = d->o;
	bool verbose = d->s->verbose;
	uint8_t a[PA_MAX];
	const struct sc_blob *b;
	uint32_t size, rd, type;
	uint64_t fl;

	/* the size field first: how much more to read; -e verbose= leaving the call out: the
	 * address */
	b = d_blob(d, arg, 0, exit);
	if (!d->args[arg] || !b || b->len < PA_SIZE + 4 ||
	    (d->nr < BSTRACE_NR_MAX && d->s->nonverbose[d->nr])) {
		ob_ptr(o, d->args[arg]);
		return;
	}
	size = rd_u32(blob_data(b) + PA_SIZE);
	rd = !verbose ? PA_ABBREV : size >= PA_MAX ? PA_MAX : size ? size : PA_VER0;
	if (b->len < rd || ((b->flags & BLOBF_FAULT) && !(b->flags & BLOBF_PART)) ||
	    (size && size < PA_VER0)) {
		ob_ptr(o, d->args[arg]);
		return;
	}
	memset(a, 0, sizeof(a));
	memcpy(a, blob_data(b), rd);
	type = rd_u32(a + PA_TYPE);
	fl = rd_u64(a + PA_FLAGS);

	ob_puts(o, "{type=");
	xlat_print_val(o, &xlat_perf_type, type, "PERF_TYPE_???");
	ob_puts(o, ", size=");
	xlat_print_val(o, &xlat_perf_attr_size, size, "PERF_ATTR_SIZE_???");
	if (new_size != UINT64_MAX && new_size != size) {
		ob_puts(o, " => ");
		xlat_print_val(o, &xlat_perf_attr_size, new_size, "PERF_ATTR_SIZE_???");
	}
	ob_puts(o, ", config=");
	print_config(o, type, rd_u64(a + PA_CONFIG));
	ob_printf(o, ", %s=%llu, sample_type=", (fl >> PF_FREQ) & 1 ? "sample_freq" :
		  "sample_period", (unsigned long long)rd_u64(a + PA_PERIOD));
	xlat_print_flags(o, &xlat_perf_event_sample_format, rd_u64(a + PA_SAMPLE_TYPE),
			 "PERF_SAMPLE_???");
	ob_puts(o, ", read_format=");
	xlat_print_flags(o, &xlat_perf_event_read_format, rd_u64(a + PA_READ_FORMAT),
			 "PERF_FORMAT_???");
	print_attr_flags(o, fl, verbose);
	if (!verbose) {
		ob_puts(o, ", ...}");
		return;
	}
	ob_printf(o, ", %s=%u", (fl >> PF_WATERMARK) & 1 ? "wakeup_watermark" : "wakeup_events",
		  rd_u32(a + PA_WAKEUP));
	if (type == PT_BREAKPOINT) {
		ob_puts(o, ", bp_type=");
		print_bp_type(o, rd_u32(a + PA_BP_TYPE));
	}
	ob_printf(o, ", %s=%#llx", type == PT_BREAKPOINT ? "bp_addr" : "config1",
		  (unsigned long long)rd_u64(a + PA_CONFIG1));
	if (!size)
		size = PA_VER0;
	if (size > print_attr_tail(o, a, size))
		ob_puts(o, ", ...");
	ob_putc(o, '}');
}

/* perf_event_open's attr: read at the call; the size the kernel wrote back after an E2BIG */
void print_PERF_EVENT_ATTR(struct dctx *d, int arg)
{
	const struct sc_blob *b;
	uint64_t new_size = UINT64_MAX;

	if (d->phase == DP_SUFFIX)
		return;
	if (d->exited && d->failed && d->ret == -7 /* E2BIG */) {
		b = d_blob(d, arg, 0, true);
		if (b && b->len >= PA_SIZE + 4 && d_blob(d, arg, 0, false) != b)
			new_size = rd_u32(blob_data(b) + PA_SIZE);
	}
	print_perf_event_attr(d, arg, false, new_size);
}

void print_PERF_FLAGS(struct dctx *d, int arg)
{
	xlat_print_flags(d->o, &xlat_perf_event_open_flags, d->args[arg], "PERF_FLAG_???");
}

/* ---- ioctls, type '$' ---- */

#define PERF_IOC_TYPE	0x24
enum {
	PI_FLAGS,	/* PERF_IOC_FLAG_GROUP */
	PI_INT,		/* an int by value */
	PI_ULONG,	/* an unsigned long by value */
	PI_U64_IN,	/* [N]: a u64 read by the call */
	PI_FILTER,	/* a string */
	PI_ID,		/* [N]: the u64 the call writes */
	PI_QUERY_BPF,	/* {ids_len=N, ...} */
	PI_ATTR,	/* struct perf_event_attr */
};

static const struct {
	uint32_t req;
	uint8_t arg;
	const char *name;
} perf_reqs[] = {
	{ 0x2400, PI_FLAGS, "PERF_EVENT_IOC_ENABLE" },
	{ 0x2401, PI_FLAGS, "PERF_EVENT_IOC_DISABLE" },
	{ 0x2402, PI_INT, "PERF_EVENT_IOC_REFRESH" },
	{ 0x2403, PI_FLAGS, "PERF_EVENT_IOC_RESET" },
	{ 0x40082404, PI_U64_IN, "PERF_EVENT_IOC_PERIOD" },
	{ 0x2405, PI_INT, "PERF_EVENT_IOC_SET_OUTPUT" },
	{ 0x40082406, PI_FILTER, "PERF_EVENT_IOC_SET_FILTER" },
	{ 0x80082407, PI_ID, "PERF_EVENT_IOC_ID" },
	{ 0x40042408, PI_INT, "PERF_EVENT_IOC_SET_BPF" },
	{ 0x40042409, PI_ULONG, "PERF_EVENT_IOC_PAUSE_OUTPUT" },
	{ 0xc008240a, PI_QUERY_BPF, "PERF_EVENT_IOC_QUERY_BPF" },
	{ 0x4008240b, PI_ATTR, "PERF_EVENT_IOC_MODIFY_ATTRIBUTES" },
};

static int perf_req_index(uint32_t req)
{
	unsigned int i;

	for (i = 0; i < sizeof(perf_reqs) / sizeof(perf_reqs[0]); i++)
		if (perf_reqs[i].req == req)
			return i;
	return -1;
}

const char *perf_ioctl_name(uint32_t req)
{
	int i = perf_req_index(req);

	return i < 0 ? NULL : perf_reqs[i].name;
}

/* PERF_EVENT_IOC_SET_FILTER's string: -s bytes of it; the address when it runs into an
 * unreadable page before its NUL */
static void print_filter(struct dctx *d, int arg)
{
	const struct sc_blob *b = d_mem_prefix(d, arg, false, 1);
	const uint8_t *p, *nul;
	size_t n, limit = d->s->strsize;

	if (!b)
		return;
	p = blob_data(b);
	nul = memchr(p, 0, b->len);
	if (!nul && b->len <= limit) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	n = nul ? (size_t)(nul - p) : b->len;
	print_quoted(d, p, n > limit ? limit : n, false, n > limit);
}

/* struct perf_event_query_bpf after the call: the ids it wrote, as many as both counts allow
 * (-s of them at most); where the copy stopped at an unreadable page, that address */
static void print_query_bpf(struct dctx *d, int arg)
{
	struct outbuf *o = d->o;
	const struct sc_blob *b;
	const uint8_t *p;
	uint32_t n, avail, i;

	b = d_mem_prefix(d, arg, true, 4);
	if (!b)
		return;
	p = blob_data(b);
	if (b->len < 4) {
		ob_ptr(o, d->args[arg]);
		return;
	}
	/* prog_cnt unreadable: strace shows what it could read */
	if (b->len < 8) {
		ob_printf(o, "{ids_len=%u, ...}", rd_u32(p));
		return;
	}
	n = rd_u32(p) < rd_u32(p + 4) ? rd_u32(p) : rd_u32(p + 4);
	avail = (b->len - 8) / 4;
	ob_printf(o, "{ids_len=%u, prog_cnt=%u, ids=", rd_u32(p), rd_u32(p + 4));
	if (n && !avail) {
		ob_ptr(o, d->args[arg] + 8);
		ob_putc(o, '}');
		return;
	}
	ob_putc(o, '[');
	for (i = 0; i < n; i++) {
		if (i)
			ob_puts(o, ", ");
		if (i >= d->s->strsize && !d->s->verbose) {
			ob_puts(o, "...");
			break;
		}
		if (i >= avail) {
			if (b->flags & BLOBF_FAULT)
				ob_printf(o, "... /* %#llx */",
					  (unsigned long long)(d->args[arg] + 8 + 4ull * i));
			else
				ob_puts(o, "...");
			break;
		}
		ob_udec(o, rd_u32(p + 8 + 4 * i));
	}
	ob_puts(o, "]}");
}

void perf_ioctl_arg(struct dctx *d, int arg)
{
	struct outbuf *o = d->o;
	uint64_t v = d->args[arg];
	const uint8_t *p;
	int i = perf_req_index((uint32_t)d->args[1]);

	switch (i < 0 ? -1 : perf_reqs[i].arg) {
	case PI_FLAGS:
		/* the kernel takes an unsigned int */
		xlat_print_flags(o, &xlat_perf_ioctl_flags, (uint32_t)v, "PERF_IOC_FLAG_???");
		break;
	case PI_INT:
		ob_dec(o, (int32_t)v);
		break;
	case PI_ULONG:
		ob_udec(o, v);
		break;
	case PI_U64_IN:
		p = d_struct_prefix(d, arg, false, 8);
		if (p)
			ob_printf(o, "[%llu]", (unsigned long long)rd_u64(p));
		break;
	case PI_FILTER:
		print_filter(d, arg);
		break;
	case PI_QUERY_BPF:
		if (d->exited && !d->failed) {
			print_query_bpf(d, arg);
			break;
		}
		p = d_struct_prefix(d, arg, false, 4);
		if (p)
			ob_printf(o, "{ids_len=%u, ...}", rd_u32(p));
		break;
	case PI_ID:
		p = d_struct_prefix(d, arg, true, 8);
		if (p)
			ob_printf(o, "[%llu]", (unsigned long long)rd_u64(p));
		break;
	case PI_ATTR:
		print_perf_event_attr(d, arg, false, UINT64_MAX);
		break;
	default:
		ob_ptr(o, v);
	}
}
