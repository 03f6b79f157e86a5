/* SPDX-License-Identifier: GPL-2.0 */
/* Argument decoding: the context a printer sees and the helpers printers share. */
#ifndef BSTRACE_DECODE_H
#define BSTRACE_DECODE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include "common.h"
#include "outbuf.h"
#include "syscalls.h"

/* which part of a line is being printed */
enum {
	DP_ENTER,	/* arguments known at entry (all of them when the call is printed whole) */
	DP_EXIT,	/* output arguments */
	DP_SUFFIX,	/* after "= ret": poll's ([{fd=3, revents=POLLIN}]), select's (in [3]) */
};

/* One syscall being printed. Records point into the ring buffer or a saved copy. */
struct dctx {
	const struct settings *s;
	struct outbuf *o;
	const struct sc_def *def;	/* NULL: a number this table does not know */
	uint32_t nr;
	uint32_t tgid, tid;
	uint64_t args[BSTRACE_MAX_ARGS];
	int64_t ret;
	bool failed;			/* ret is -errno */
	bool exited;			/* the call returned (ret is valid) */
	int phase;			/* DP_* */
	bool omit;			/* set by a printer: strace leaves this argument out */
	bool force_hex;			/* print_quoted: every byte as \\xNN (getrandom) */
	const struct sc_event_hdr *ev_enter;	/* EV_ENTER record or NULL */
	const struct sc_event_hdr *ev_exit;	/* EV_SYSCALL record or NULL (call in flight) */
	const struct sc_event_hdr *ev_exec;	/* execve: EV_EXEC with argv from the new stack */
};

static inline bool is_errno_ret(int64_t ret)
{
	return ret < 0 && ret >= -4095;
}

static inline const uint8_t *blob_data(const struct sc_blob *b)
{
	return (const uint8_t *)(b + 1);
}

/* little reads of captured memory (unaligned) */
#define DEFINE_RD(name, type)                        \
	static inline type name(const uint8_t *p)    \
	{                                            \
		type v;                              \
		memcpy(&v, p, sizeof(v));            \
		return v;                            \
	}
DEFINE_RD(rd_u16, uint16_t)
DEFINE_RD(rd_u32, uint32_t)
DEFINE_RD(rd_u64, uint64_t)
DEFINE_RD(rd_s16, int16_t)
DEFINE_RD(rd_s32, int32_t)
DEFINE_RD(rd_s64, int64_t)
#undef DEFINE_RD

/*
 * At least `size` bytes of argument `arg`'s structure: the value at entry (exit == false) or
 * the one the call wrote (exit == true). Otherwise prints the pointer, as strace does for memory
 * it cannot (or, for outputs of calls that failed or have not returned, does not) read.
 */
const uint8_t *d_struct(struct dctx *d, int arg, bool exit, size_t size);
/* d_struct for a copy larger than the structure (ioctl's argument): its first `size` bytes
 * readable are enough, even when the copy went on into an unreadable page */
const uint8_t *d_struct_prefix(struct dctx *d, int arg, bool exit, size_t size);

/* The blob after `prev` in record `h` (the first one when `prev` is NULL); NULL at the end. */
const struct sc_blob *blob_next(const struct sc_event_hdr *h, const struct sc_blob *prev);

/* The blob for argument `arg` (element `sub`): the exit record's when `exit`, else the enter
 * record's, falling back to the exit record's (calls without an enter record). */
/*
 * What a msghdr capture may hold besides the struct itself (sub 0): blobs of the same argument
 * with these sub numbers. Absent blobs print as the pointers, as strace prints memory it
 * cannot read.
 */
enum {
	MH_SUB_NAME = 1,	/* msg_name: min(msg_namelen, SA_MAX) bytes */
	MH_SUB_CONTROL = 2,	/* msg_control: msg_controllen bytes (capped) */
	MH_SUB_IOV = 3,		/* the struct iovec array (capped); full = msg_iovlen */
	MH_SUB_BUF = 4,		/* + i: iov[i]'s bytes (capped); full = iov_len */
};

const struct sc_blob *d_blob(const struct dctx *d, int arg, int sub, bool exit);
/* The argument's captured bytes when present and readable; otherwise prints the pointer (NULL
 * or its address, as strace does for memory it cannot read) and returns NULL. */
const struct sc_blob *d_mem(struct dctx *d, int arg, bool exit);
/* d_mem, also taking a copy that faulted past its first `need` bytes (BLOBF_PART): for memory
 * of which strace reads no more than that */
const struct sc_blob *d_mem_prefix(struct dctx *d, int arg, bool exit, size_t need);
/* An array of `count` elements of `esize` bytes at argument `arg`, as strace prints one: NULL,
 * [] or [e0, e1, ...]: at most -s elements unless -v, then "...". When the copy stopped at an
 * unreadable page (BLOBF_PART), the readable elements, then "... ADDR" (in a comment) naming the first
 * unreadable one; nothing readable, the address. `elem` prints one element. */
typedef void (*elem_printer)(struct dctx *d, const uint8_t *p);
void print_array(struct dctx *d, int arg, bool exit, uint64_t count, size_t esize,
		 elem_printer elem);
/* print_array of which no more than `max` elements are read (the rest: "...") */
void print_array_max(struct dctx *d, int arg, bool exit, uint64_t count, size_t esize,
		     elem_printer elem, uint64_t max);
/* print_array_max of the copy `b` (NULL: none) of the array at `addr`: memory an argument's
 * structure holds or points to (a blob sub of its own); a copy that BPF bounded (BLOBF_TRUNC)
 * shows its elements, then "..." */
void print_array_blob(struct dctx *d, const struct sc_blob *b, uint64_t addr, uint64_t count,
		      size_t esize, elem_printer elem, uint64_t max);

/* " / * 2026-05-20T16:27:29.123456789+0000 * /" after a timestamp (decode_struct.c) */
void print_time_comment(struct outbuf *o, int64_t sec, uint64_t nsec);

/* strings, as strace escapes them (decode_str.c) */
void print_quoted(struct dctx *d, const uint8_t *p, size_t n, bool nul_terminated, bool more);
/* whether print_quoted shows these bytes in hex (-x with a non-printable one, -xx) */
bool quoted_in_hex(const struct dctx *d, const uint8_t *p, size_t n, bool nul_terminated);
void print_path_bytes(struct dctx *d, const uint8_t *p, size_t n);
/* `s` in quotes, escaped as strace quotes strings in its messages; `out` holds 4 * strlen(s) + 3 */
void quote_string(char *out, const char *s);
/* a string strace reads at most len bytes of (capture size len): "..." without a NUL in them */
void print_cstring_bounded(struct dctx *d, int arg, size_t len);

/* flag and value tables (xlat.c, xlat/\*.in) */
struct xlat_entry {
	uint64_t val;
	const char *name;
};
struct xlat {
	const struct xlat_entry *e;
	unsigned int n;
};
/* name of `val` or NULL */
const char *xlat_name(const struct xlat *x, uint64_t val);
bool xlat_has_flag(const struct xlat *x, uint64_t val);

/* -X: how named constants print, set once at start-up from settings.const_style */
enum xlat_style {
	XLAT_ABBREV,	/* O_RDWR|O_CREAT */
	XLAT_RAW,	/* 0x42 */
	XLAT_VERBOSE,	/* 0x42 / * O_RDWR|O_CREAT * / */
};
extern enum xlat_style xlat_style;
/* the number format of a constant's value */
enum xlat_fmt {
	XF_HEX,		/* 0x1f, 0 as "0" */
	XF_DEC,		/* signed: -100, 15 */
	XF_UDEC,
	XF_OCT,		/* 0644 */
};
void xlat_print_num(struct outbuf *o, uint64_t val, enum xlat_fmt fmt);
/* one constant in the -X style; with no name (NULL) the number and, but in raw, / * unknown * / */
void xlat_print_const(struct outbuf *o, uint64_t val, enum xlat_fmt fmt, const char *name,
		      const char *unknown);
/* val as NAME, or in hex followed by strace's comment, e.g. 0x10 / * SEEK_??? * / */
void xlat_print_val(struct outbuf *o, const struct xlat *x, uint64_t val, const char *unknown);
/* flags as A|B|0x80; with no known bit, hex and the comment / * unknown * / (NULL: none) */
void xlat_print_flags(struct outbuf *o, const struct xlat *x, uint64_t val, const char *unknown);
/*
 * A value strace prints as one number in raw and verbose but as several names in abbrev
 * (O_RDWR|O_CREAT, S_IFDIR|0755): prints the number as the style wants and returns whether the
 * caller prints the names, which then print abbreviated; xlat_names_end() closes the comment.
 */
bool xlat_names_begin(struct outbuf *o, uint64_t val, enum xlat_fmt fmt);
/* names strace prints in a comment after a number in abbrev too (0x3 / * XFEATURE_MASK_FPSSE * /),
 * but not in raw: true when the caller prints them, then xlat_names_end() */
bool xlat_comment_begin(struct outbuf *o);
void xlat_names_end(struct outbuf *o);

/* names used by several printers */
const char *signal_name(int sig, char *buf, size_t len);	/* SIGUSR1, SIGRT_3, 33 */
void print_signal(struct outbuf *o, int sig);		/* SIGUSR1; raw 10 */
const char *errno_name(int err);				/* ENOENT or NULL */
void print_neg_errno(struct outbuf *o, int32_t v);	/* -EACCES, or the number */
void print_sigset(struct outbuf *o, const uint8_t *mask, size_t bytes);	/* [INT TERM], ~[] */
void print_key_serial(struct outbuf *o, int32_t id);	/* KEY_SPEC_THREAD_KEYRING, 12 */
/* an fd's path as strace prints it between <>: escaped like a string, '<' and '>' too */
void print_fd_path(struct outbuf *o, const char *p, size_t n);
/* decode_fd.c: fds as the kernel described them at the call (-y, -yy, -P) */
void print_fd(struct dctx *d, int64_t fd);	/* 3, or 3</path> with -y */
void print_ret_fd(struct dctx *d, int64_t fd);	/* the same for a returned fd */
void print_cwd_suffix(struct dctx *d);		/* AT_FDCWD's </cwd> with -y */
/* the fd's path (or socket:[ino] ...) as /proc/PID/fd shows it; 0: not described */
size_t fd_desc_path(const struct dctx *d, int64_t fd, char *buf, size_t len);
void print_ret(struct dctx *d);			/* "= ..." text after the alignment */
/* return values decoded by the call (R_FCNTL, R_PRCTL, R_TIME, ...): print_ret() calls the
 * printer of the row's return kind for a call that succeeded (not with -e raw=); NULL: decimal */
typedef void (*ret_printer)(struct dctx *d);
extern const ret_printer ret_printers[R__COUNT];
void print_fcntl_ret(struct dctx *d);	/* = 0x1 (flags FD_CLOEXEC) */
void print_arch_prctl_ret(struct dctx *d);	/* = 0x3 (XFEATURE_MASK_FP|XFEATURE_MASK_SSE) */
void print_prctl_ret(struct dctx *d);
void print_ioctl_ret(struct dctx *d);
void print_bpf_ret(struct dctx *d);	/* = 3</anon_inode:bpf-map> (decode_bpf.c) */
/* decode_bpf.c: what BPF copies with union bpf_attr, by command (struct bpf_ref); the count */
/* io_uring_register's bpf_refs rows (keys BPF_REF_KEY(1, opcode)), decode_uring.c */
unsigned int uring_refs(uint32_t *keys, struct bpf_ref *refs, unsigned int max,
			const struct settings *s);
/* the pointers of an io_uring_register struct (`len` bytes read) for the opcode, what its
 * data, tags and fds arrays are at (inject.c brings their pages in); their count */
#define URING_REF_STRUCT_MAX	32
unsigned int uring_ref_ptrs(uint32_t op, const uint8_t *p, size_t len, uint64_t *ptrs,
			    unsigned int max);
unsigned int bpf_cmd_refs(uint32_t *cmds, struct bpf_ref *refs, unsigned int max,
			  const struct settings *s);
unsigned int bpf_attr_ptrs(uint32_t cmd, const uint8_t *attr, size_t len, uint64_t *ptrs,
			   unsigned int max);	/* = 268435456 (CLONE_NEWUSER) */
void print_ns_types(struct outbuf *o, uint64_t v);	/* CLONE_NEWUSER|CLONE_NEWPID */	/* = 1 (SUID_DUMP_USER) */
/* {si_signo=SIGCHLD, si_code=CLD_EXITED, ...} from the first 48 bytes of a siginfo */
void print_siginfo_bytes(struct outbuf *o, const uint8_t *si);
/* the same in a call's line: si_fd as -y shows it */
void print_siginfo_d(struct dctx *d, const uint8_t *si);

/* every printer: print_<KIND>(d, arg) */
#define KIND(name, dir, cap, size, len, elem) void print_##name(struct dctx *d, int arg);
#include "kinds.def"
#undef KIND

/* prints one argument with its kind's printer (raw hex when it has none) */
void print_arg(struct dctx *d, int arg);
/* -e raw=: how many arguments the call itself has (clone 5, rt_sigreturn 0: not the row's) */
int raw_nargs(const struct dctx *d);
/* an EV_EXEC record's new command name (the file name's last part, 15 bytes at most, as the
 * kernel sets comm); false when the record has no readable file name */
bool exec_record_comm(const struct sc_event_hdr *h, char comm[16]);

/* decode_evdev.c: input event device ioctls (linux/input.h, type 'E'). The request's name,
 * EVIOCGBIT(EV_KEY, 96) or EVIOCGABS(ABS_X), unknown codes without their comment when
 * `in_comment` (-X verbose); false for a number it does not name */
bool evdev_ioctl_name(struct outbuf *o, uint32_t req, bool in_comment);
bool evdev_ioctl_known(uint32_t req);
void evdev_ioctl_arg(struct dctx *d, int arg);
/* decode_gpio.c: GPIO character device ioctls (linux/gpio.h, type 0xb4), v1 and v2 */
bool gpio_ioctl_name(struct outbuf *o, uint32_t req);
bool gpio_ioctl_known(uint32_t req);
void gpio_ioctl_arg(struct dctx *d, int arg);

/* decode_hdio.c: ATA/IDE disk ioctls (linux/hdreg.h, HDIO_*). The request's name or NULL;
 * the argument of a request it names */
const char *hdio_ioctl_name(uint32_t req);
void hdio_ioctl_arg(struct dctx *d, int arg);

/* decode_perf.c: perf_event_open's struct perf_event_attr (from the copy at the call, or the
 * one after it; `new_size`: the size field the kernel wrote back, UINT64_MAX for none) and the
 * PERF_EVENT_IOC_* ioctls (type '$'): the request's name or NULL, the argument of one it names */
void print_perf_event_attr(struct dctx *d, int arg, bool exit, uint64_t new_size);
const char *perf_ioctl_name(uint32_t req);
void perf_ioctl_arg(struct dctx *d, int arg);

/* decode_v4l2.c: Video4Linux2 ioctls (linux/videodev2.h, type 'V'); v4l2_ioctl_ret() adds
 * what VIDIOC_CREATE_BUFS returns in its structure after the return value */
bool v4l2_ioctl_name(struct outbuf *o, uint32_t req);
bool v4l2_ioctl_known(uint32_t req);
void v4l2_ioctl_arg(struct dctx *d, int arg);
bool v4l2_ioctl_ret(struct dctx *d);
/* the memory V4L2 arguments point to that BPF copies with them (the ioctl_refs map): fills at
 * most `max` rows of `out`, payloads of at most `strsize` bytes; returns the rows */
unsigned int v4l2_ioctl_refs(struct ioctl_ref *out, unsigned int max, unsigned int strsize);

/* decode_mount.c: -P: what fsconfig's argument `arg` names by its command: 1 a path (the
 * value's copy, a string), 2 an fd (the register), 0 neither */
int fsconfig_path_arg(const struct dctx *d, int arg);
/* decode_kd.c: the console requests of linux/kd.h that pass tables, strings and fonts (KDGKBENT,
 * GIO_FONT, KDFONTOP, ...): names, arguments, and the copies BPF makes of them (ioctl_refs rows,
 * sized by -s and -v) */
const char *kd_ioctl_name(uint32_t req);
void kd_ioctl_arg(struct dctx *d, int arg);
unsigned int kd_ioctl_refs(struct ioctl_ref *out, unsigned int max, unsigned int strsize,
			   bool verbose);
/* decode_loop.c: loop device requests (linux/loop.h); the structs' ioctl_refs rows */
const char *loop_ioctl_name(uint32_t req);
void loop_ioctl_arg(struct dctx *d, int arg);
unsigned int loop_ioctl_refs(struct ioctl_ref *out, unsigned int max);
/* decode_ubi.c: UBI requests (mtd/ubi-user.h); UBI_IOCRNVOL's ioctl_refs row */
const char *ubi_ioctl_name(uint32_t req);
void ubi_ioctl_arg(struct dctx *d, int arg);
unsigned int ubi_ioctl_refs(struct ioctl_ref *out, unsigned int max);
/* decode_mtd.c: MTD requests (mtd/mtd-abi.h, type 'M'): the name or NULL, the argument */
const char *mtd_ioctl_name(uint32_t req);
void mtd_ioctl_arg(struct dctx *d, int arg);
/* decode_custom.c: its requests' ioctl_refs rows (PTP_SYS_OFFSET_EXTENDED, BLKPG, with -v
 * FS_IOC_FIEMAP) */
unsigned int custom_ioctl_refs(struct ioctl_ref *out, unsigned int max, bool verbose);
/* decode_scsi.c: SCSI generic ioctls (scsi/sg.h, SG_*) */
bool scsi_ioctl_name(struct outbuf *o, uint32_t req);
bool scsi_ioctl_known(uint32_t req);
void scsi_ioctl_arg(struct dctx *d, int arg);
/* decode_seccomp.c: seccomp user notification ioctls (linux/seccomp.h, SECCOMP_IOCTL_NOTIF_*) */
bool seccomp_ioctl_name(struct outbuf *o, uint32_t req);
bool seccomp_ioctl_known(uint32_t req);
void seccomp_ioctl_arg(struct dctx *d, int arg);

/* decode_net.c: socket addresses and their fields, shared with the netlink decoders */
void print_sockaddr(struct dctx *d, const uint8_t *p, uint32_t len);	/* {sa_family=...} */
void print_inet_addr(struct dctx *d, const uint8_t *addr);	/* inet_addr("1.2.3.4") */
/* inet_pton(AF_INET6, "::1", &field) (field="..." in raw and verbose) */
void print_inet6_addr(struct dctx *d, const uint8_t *addr, const char *field);
void print_htons(struct outbuf *o, const uint8_t *p);	/* htons(80) of 2 bytes */

/* decode_cbpf.c: classic BPF programs. `count` instructions at `addr`, copied in `b`, as
 * [BPF_STMT(...), BPF_JUMP(...)] with -v (seccomp: a seccomp filter's return values), else
 * the address; and the struct sock_fprog `p` of argument `arg`, whose program BPF copies with
 * -v as blob sub 1: {len=2, filter=[...]} */
void print_bpf_filter(struct dctx *d, const struct sc_blob *b, uint64_t addr, uint64_t count,
		      bool seccomp);
void print_sock_fprog(struct dctx *d, int arg, bool exit, const uint8_t *p, bool seccomp);
/* one struct sock_filter (8 bytes at p): BPF_STMT(BPF_RET|BPF_K, 0x2a) */
void print_cbpf_insn(struct outbuf *o, const uint8_t *p, bool seccomp);

#endif /* BSTRACE_DECODE_H */
