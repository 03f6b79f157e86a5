/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The only header shared by the BPF programs and userspace: the event ABI, the capture plan
 * and the map value layouts. Plain fixed-size types only.
 */
#ifndef BSTRACE_H
#define BSTRACE_H

#define BSTRACE_MAX_ARGS	6
#define BSTRACE_NR_MAX		1024	/* syscall numbers below this are traced */
/*
 * A 32-bit task's calls on a 64-bit kernel (x86's ia32 emulation, arm64's AArch32) are numbered
 * from here: index COMPAT_BASE + its own number (every 64-bit table here ends below 512).
 */
#define BSTRACE_COMPAT_BASE	512
#define BSTRACE_CHUNK		16384	/* largest single capture (blob) */
#define BSTRACE_SCRATCH		(2 * BSTRACE_CHUNK + 256)
#define BSTRACE_PATH_MAX	4096
#define BSTRACE_STRV_MAX	1024	/* argv elements looked at (those that fit the record are copied) */
#define BSTRACE_IOV_MAX		64	/* iovec elements copied for readv/writev */
#define BSTRACE_SIGINFO_SIZE	48	/* bytes of kernel_siginfo copied */
#define DROP_TASK_EVENTS	BSTRACE_NR_MAX		/* drops index: fork/exit/signal records */
#define DROP_TOTAL		(BSTRACE_NR_MAX + 1)	/* drops index: all lost records */
#define DROP_RATE		(BSTRACE_NR_MAX + 2)	/* drops index: over --rate-limit (not lost) */
#define DROP_CALLS		(BSTRACE_NR_MAX + 3)	/* drops index: lost exit records (calls) */
#define DROP_SLOTS		(BSTRACE_NR_MAX + 4)

/* event types */
enum {
	EV_SYSCALL = 1,	/* exit record; with EVF_ENTERED an EV_ENTER for the same tid came first */
	EV_ENTER = 2,	/* enter record of a call whose plan has PLAN_ENTER_REC */
	EV_FORK = 3,	/* a traced task created a task (process or thread) */
	EV_EXIT = 4,	/* a traced task exited */
	EV_SIGNAL = 5,	/* a signal is delivered to a traced task */
	EV_EXEC = 6,	/* a traced task replaced its image (comm changes) */
	EV_FLIGHT = 7,	/* a process with a flight-recorder ring died badly: ret = exit_code,
			   args[0..1] = comm; the ring is in the `flight` map under tgid */
	EV_LOST = 8,	/* records were lost just before this point: ret = records, args[0] =
			   calls (exit records) among them */
	EV_STACK = 9,	/* -k: the user registers and stack of the call whose EV_SYSCALL
			   follows (same tid and nr): struct stack_rec */
};

/* header flags */
enum {
	EVF_ENTERED = 1 << 0,	/* EV_SYSCALL: args and enter captures were in EV_ENTER */
	EVF_TIMED = 1 << 1,	/* ts_enter is valid */
	EVF_THREAD = 1 << 2,	/* EV_FORK: the new task is a thread */
	EVF_DEFER = 1 << 3,	/* EV_SIGNAL: generated while the task is inside a syscall */
	EVF_SUPERSEDED = 1 << 4,	/* EV_EXIT: a leader replaced by a thread's execve
					   (args[0]: that thread's tid) */
	EVF_KILLED = 1 << 5,	/* EV_SYSCALL: SIGKILL ends the task inside the call: "= ?" */
	EVF_UNTRACED = 1 << 6,	/* EV_EXIT: the process executed a privileged program and is
				   no longer traced (a caller that is not root) */
	EVF_INJECTED = 1 << 7,	/* EV_SYSCALL: -e inject= answered the call: " (INJECTED)" */
	EVF_IP = 1 << 8,	/* EV_SIGNAL: ts_enter is the user instruction pointer (-i) */
	EVF_POKED = 1 << 9,	/* EV_SYSCALL: -e inject=...:poke_enter=/poke_exit= wrote the
				   tracee's memory: " (INJECTED: args)" */
};

/*
 * -e inject=: what the notifier thread (user/inject.c) did to a task's call, written to the
 * `injects` map (key: the tid) before it answers the notification; sys_enter (a call let
 * through) or sys_exit (a call answered) of that task and syscall reads it.
 */
struct inject_mark {
	__u64 ts;	/* CLOCK_BOOTTIME of the notification: the call's start for -T */
	__s64 ret;	/* the value answered (INJM_ANSWERED) */
	__u32 nr;	/* the syscall */
	__u16 flags;	/* INJM_* */
	__u16 sig;	/* signal to deliver after the call, 0: none */
	__u32 poke;	/* poke_exit=: index + 1 in `pokes` of what to write at sys_exit, 0: none */
	__u32 poke_mask;	/* its entries to write (bit i: entry i; the others are no
				   argument of this call) */
};
_Static_assert(sizeof(struct inject_mark) == 32, "inject ABI changed: update both sides");

enum {
	INJM_ANSWERED = 1 << 0,	/* error/retval: the call did not run, no sys_enter */
	INJM_POKED = 1 << 1,	/* poke_enter= or poke_exit= wrote something */
};

/*
 * poke_exit= of one -e inject= expression (`pokes`, indexed as the expressions): on_sys_exit_poke
 * writes data[i] (len[i] bytes, 1..POKE_DATA_MAX) at the address in argument arg[i] of the call,
 * for the entries the call's mark names. Only native calls are notified: 6 arguments.
 */
#define POKE_ARGS	7	/* the rule's entries (@arg7 is no argument of a native call) */
#define POKE_DATA_MAX	1024
#define POKE_RULES	32	/* BSTRACE_MAX_INJECT */
struct poke_spec {
	__u32 n;
	__u8 arg[POKE_ARGS];
	__u8 pad;
	__u16 len[POKE_ARGS];
	__u8 pad2[2];
	__u8 data[POKE_ARGS][POKE_DATA_MAX];
};
#define INJECT_MARKS	4096	/* tasks with a mark at once (LRU) */

/* Fixed header of every ring-buffer record; captured blobs follow, 8-byte aligned. */
struct sc_event_hdr {
	__u64 ts_enter;		/* ns since boot (bpf_ktime_get_boot_ns) at sys_enter */
	__u64 ts_exit;		/* ns since boot at sys_exit (or at the event) */
	__u64 args[BSTRACE_MAX_ARGS];
	__s64 ret;		/* syscall return; EV_FORK: child tid; EV_EXIT: exit_code; EV_SIGNAL: signo */
	__u32 tgid;
	__u32 tid;
	__u32 nr;		/* syscall number; EV_FORK: child tgid */
	__u16 type;		/* EV_* */
	__u16 flags;		/* EVF_* */
	__u32 len;		/* whole record, header included */
	__u32 nblobs;
};
_Static_assert(sizeof(struct sc_event_hdr) == 96, "event ABI changed: update both sides");

/* blob flags */
enum {
	BLOBF_FAULT = 1 << 0,	/* the user memory could not be read: print the address */
	BLOBF_TRUNC = 1 << 1,	/* more bytes (vector: elements) existed than were copied */
	BLOBF_STR = 1 << 2,	/* NUL-terminated string copy; len excludes the NUL */
	BLOBF_FD = 1 << 3,	/* part of an fd description (struct sc_fd) */
	BLOBF_PART = 1 << 4,	/* with BLOBF_FAULT: len bytes, up to a page end, were readable */
};

/* A captured piece of user memory belonging to argument `arg` (sub = element index). */
struct sc_blob {
	__u8 arg;
	__u8 flags;	/* BLOBF_* */
	__u16 sub;
	__u32 len;	/* bytes of data that follow (padded to 8 in the record) */
	__u64 full;	/* CAP_STRV: element count seen; CAP_BUF: length asked for */
};
_Static_assert(sizeof(struct sc_blob) == 16, "blob ABI changed: update both sides");

/* what to copy for one argument */
enum {
	CAP_NONE = 0,
	CAP_STR,	/* NUL-terminated string, at most `size` bytes */
	CAP_BUF,	/* buffer; length from args[len_arg] (or the return value), capped at `size` */
	CAP_FIXED,	/* `size` bytes (a struct) */
	CAP_BUF_LENPTR,	/* buffer whose length is the socklen_t/int that args[len_arg] points to */
	CAP_STRV,	/* NULL-terminated array of strings (argv, envp): up to BSTRACE_STRV_MAX */
	CAP_IOV,	/* struct iovec[args[len_arg]]: element i is blob sub 2i+1 (the iovec) and
			   sub 2i+2 (its bytes, at most `size`; `ret` bytes in all with CAPF_RET_LEN) */
	CAP_ARRAY,	/* args[len_arg] elements of `elem` bytes, capped at `size` */
	CAP_COUNTV,	/* NULL-terminated pointer array: count only (envp without -v) */
	CAP_FD,		/* describe the fd args[i] (AT_FDCWD: the cwd); slot FD_SLOT_RET: the
			   returned fd; slot FD_SLOT_PAIR: the int[2] `size` bytes into the
			   memory at args[elem] (pipe's pair; a siginfo's si_fd, at 24) */
	CAP_IOCTL,	/* ioctl's argument: the _IOC_SIZE of the request args[len_arg] says, at
			   least IOCTL_MIN_COPY bytes (old requests encode no size), capped at `size` */
	CAP_MSGHDR,	/* struct msghdr (sub 0), msg_name (sub 1, at most MSG_NAME_MAX bytes),
			   msg_control (sub 2, at most MSG_CONTROL_MAX), the iovec array (sub 3, at
			   most BSTRACE_IOV_MAX elements), each iov_base (sub 4 + i, at most `size`;
			   CAPF_RET_LEN: the struct alone at enter, `ret` bytes in all at exit) */
	CAP_MMSG,	/* struct mmsghdr[args[len_arg]] (sub 0, at most MMSG_MAX elements); entry
			   j's CAP_MSGHDR pieces at MMSG_SUB(j) + 1.. (CAPF_RET_LEN: `ret` entries
			   at exit, msg_len bytes each; the array alone at enter) */
	CAP_NLBUF,	/* CAP_BUF of sendto/recvfrom: on a netlink socket (args[0]) up to
			   NL_COPY_MAX bytes (the messages are decoded), and a blob sub 1 without
			   data whose `full` is the socket's netlink protocol */
	CAP_FPROG,	/* what may be a struct sock_fprog: args[len_arg] bytes (elem 0: `size`),
			   capped at `size` (sub 0); when 16 or more, its len (u16 at 0) and filter
			   (pointer at 8) nonzero: len struct sock_filter at filter (sub 1), at
			   most FILTER_COPY_MAX bytes (a classic BPF program, with -v) */
	CAP_FILTER_LENPTR,	/* CAP_BUF_LENPTR, but when args[i - 1] equals elem the length
				   counts struct sock_filter, at most FILTER_COPY_MAX bytes
				   (getsockopt's SO_GET_FILTER, with -v) */
	CAP_KEYCTL,	/* keyctl's argument by the command in args[0]: `size` bytes (CAP_FIXED);
			   KEYCTL_INSTANTIATE_IOV's iovecs, args[3] of them (CAP_IOV); the struct
			   keyctl_kdf_params of KEYCTL_DH_COMPUTE, then `size` bytes at each of its
			   two pointers (subs 1 and 2) */
	CAP_BPF_ATTR,	/* CAP_BUF of bpf(2)'s union bpf_attr, and what the command's fields
			   point to and its fds (struct bpf_ref of the command args[0]) */
	CAP_CLONE3,	/* clone3's struct clone_args: CAP_BUF (sub 0), `elem` bytes at its set_tid
			   (sub 1); at exit the ints its pidfd and parent_tid point to (subs 2
			   and 3), none of it after a call that failed where the enter copied it */
	CAP_REFS,	/* CAP_FIXED, and what the struct points to by the bpf_refs row of the
			   argument before it (io_uring_register's opcode; BPF_REF_KEY) */
};
/* struct clone_args (linux/sched.h): the pointers CAP_CLONE3 follows */
#define CLONE3_PIDFD_OFF	8
#define CLONE3_PARENT_TID_OFF	24
#define CLONE3_SET_TID_OFF	64
#define SOCK_FILTER_SIZE	8	/* struct sock_filter */
/*
 * A classic BPF program's instructions copied: 1984. A blob starts in the record's first
 * BSTRACE_CHUNK bytes: the 512 left let the call's later ones start (getsockopt's socklen_t,
 * the fd's description).
 */
#define FILTER_COPY_MAX		(BSTRACE_CHUNK - 512)
#define KEYCTL_INSTANTIATE_IOV_	20	/* linux/keyctl.h */
#define KEYCTL_DH_COMPUTE_	23
#define IOCTL_MIN_COPY	64
#define MSG_NAME_MAX	128	/* sizeof(struct sockaddr_storage) */
#define MSG_CONTROL_MAX	4096
#define MMSG_MAX	2	/* mmsghdr entries whose pieces are copied: each one more costs the
				   verifier ~4,500 instructions per program (start-up) */
#define MH_SIZE		56	/* struct msghdr */
#define MMSG_SIZE	64	/* struct mmsghdr: msghdr, msg_len, padding */
#define MMSG_SUB(j)	(128 * ((j) + 1))	/* entry j's subs: + 1 name, + 2 control... */
#define NL_COPY_MAX	8192

/*
 * Memory an ioctl's argument points to (VIDIOC_S_FMT's clips, VIDIOC_S_EXT_CTRLS's controls),
 * copied with the argument by request (the `ioctl_refs` map, key: the request): the __u32 count
 * at cnt_off (a __u16 with IOCTL_REFF_CNT16; always `max` with cnt_off IOCTL_REF_NONE) elements
 * of esize bytes at the pointer at ptr_off (blob sub 1, at most max elements; none with ptr_off
 * IOCTL_REF_NONE); with el_ptr_off != IOCTL_REF_NONE each element's own buffer too (sub 2 +
 * index: el_max bytes at most of the __u32 length at el_len_off at the pointer at el_ptr_off).
 * With sel_off != IOCTL_REF_NONE only when the __u32 there is a bit of sel_mask (a format's
 * type). A row with arg_size copies the argument itself (blob 0) as that many bytes, whatever
 * the request's _IOC_SIZE and the kind's cap say: structs larger than the cap, old requests
 * that encode no size (a console font, a keymap string). With IOCTL_REFF_INLINE the elements
 * follow in the argument itself, at offset ptr_off (struct fiemap's extents), not at a pointer.
 */
#define IOCTL_REF_NONE	0xffff
#define IOCTL_REF_MAX	64	/* elements whose own buffers are copied */
#define IOCTL_REFS	64	/* requests */
#define IOCTL_REFF_CNT16	(1 << 0)	/* the count is an unsigned short */
#define IOCTL_REFF_INLINE	(1 << 1)	/* the elements are at the argument + ptr_off */
struct ioctl_ref {
	__u16 ptr_off;
	__u16 cnt_off;
	__u16 esize;
	__u16 max;
	__u16 sel_off;
	__u16 el_ptr_off;
	__u16 el_len_off;
	__u16 el_max;
	__u32 sel_mask;
	__u32 req;
	__u16 arg_size;
	__u16 flags;	/* IOCTL_REFF_* */
};

/*
 * bpf(2): memory union bpf_attr points to, by command (the `bpf_refs` map, key: the command):
 * ptr[i] (blob sub 1 + i), when its ptr_off is not BPF_REF_NONE: at most `max` bytes at the
 * __u64 pointer at ptr_off; with len_off not BPF_REF_NONE the __u32 there times esize bytes,
 * with `str` a NUL-terminated string; with `strv` an array of string pointers, each string
 * (at most strv_max bytes) is blob sub BPF_REF_STRV_SUB + index. With sel_off not BPF_REF_NONE
 * only when the __u32 there is sel_val (BPF_LINK_CREATE's attach type). `when`: BPF_REF_ENTER,
 * BPF_REF_EXIT (both copies of a D_INOUT argument). fd_off: the __s32 fds to describe (-y),
 * BPF_REF_NONE for none.
 */
#define BPF_REF_NONE	0xffff
#define BPF_ATTR_FDS	0xffffffffu	/* cap_spec size of the CAP_FD slot FD_SLOT_PAIR: the fds
					   of bpf(2)'s union bpf_attr (fd_off) */
#define BPF_REF_PTRS	4
#define BPF_REF_FDS	4
#define BPF_REFS	64
#define BPF_REF_ENTER	1
#define BPF_REF_EXIT	2
#define BPF_REF_STRV_SUB	0x100
#define BPF_REF_STRV_MAX	64	/* strings of a string array copied */
struct bpf_ref_ptr {
	__u16 ptr_off;
	__u16 len_off;
	__u16 esize;
	__u8 str;
	__u8 when;
	__u32 max;
	__u16 sel_off;
	__u16 sel_val;
	__u16 strv_max;
	__u8 strv;
	__u8 pad;
};
/*
 * fdv: the fds of an array to describe (-y), its stride 0 for none: `cnt` elements of `stride`
 * bytes, the __s32 fd at `off` in each; at the argument itself (ptr_off BPF_REF_NONE) or at the
 * __u64 pointer at ptr_off; cnt the __u32 at cnt_off, or (BPF_REF_NONE) the next argument.
 * Of its first REF_FDV_SCAN elements, the first REF_FDV_MAX distinct fds are described in the
 * enter record, the next REF_FDV_MAX in the exit record (2 * REF_FDV_MAX in all; only the first
 * REF_FDV_MAX when the call has no enter record), with REF_FDVF_SKIP0 not one equal to args[0]
 * (the call's own fd, described by its slot).
 */
#define REF_FDV		0xfffffffeu	/* cap_spec size of the CAP_FD slot FD_SLOT_PAIR: the
					   fdv of the bpf_refs row of the argument elem */
#define REF_FDV_MAX	7	/* per record: it holds 8 descriptions, one is the call's own fd */
#define REF_FDV_SCAN	64
#define REF_FDVF_SKIP0	1
struct bpf_ref_fdv {
	__u16 ptr_off;
	__u16 cnt_off;
	__u16 stride;
	__u16 off;
	__u16 flags;	/* REF_FDVF_* */
};
struct bpf_ref {
	struct bpf_ref_ptr ptr[BPF_REF_PTRS];
	__u16 fd_off[BPF_REF_FDS];
	struct bpf_ref_fdv fdv;
};
/* the bpf_refs key of a struct at argument i: the value of args[i - 1] (a command, an opcode)
 * below 1 << 24, i - 1 in the top byte (bpf(2)'s command: i - 1 = 0, the command itself) */
#define BPF_REF_KEY(sel, val)	((__u32)(sel) << 24 | (__u32)(val))

/* -e decode-fds= classes (strace 6.1's names) */
enum {
	DF_PATH = 1 << 0,	/* -y: <path> */
	DF_SOCKET = 1 << 1,	/* socket endpoints: TCP:[a:p->b:q] */
	DF_DEV = 1 << 2,	/* device numbers: </dev/null<char 1:3>> */
	DF_PIDFD = 1 << 3,	/* a pidfd: pid:PID */
	DF_ALL = DF_PATH | DF_SOCKET | DF_DEV | DF_PIDFD,	/* -yy */
};

#define FD_SLOT_RET	6
#define FD_SLOT_PAIR	7
/* -i: a blob without data whose `full` is the user instruction pointer of the call (at its
 * enter: the address after the syscall instruction) */
#define IP_BLOB_ARG	255
#define FD_BLOB_ARG	16	/* blob arg of the first fd description of a record (then 17...) */
#define FD_PATH_DEPTH	64	/* path components walked; deeper paths keep their last ones */
#define FD_CACHE_BYTES	1024	/* a description at most this long (blobs) is kept in fdcache */
#define FD_CACHE_ENTRIES 4096	/* (tgid, fd) pairs in fdcache with -y/-yy/-P */

/* fd kinds */
enum {
	FDK_NONE = 0,	/* no such fd */
	FDK_PATH,	/* a file in the tree: components follow, last first */
	FDK_SOCKET,	/* socket:[ino]; with DF_SOCKET the fields below */
	FDK_PIPE,	/* pipe:[ino] */
	FDK_ANON,	/* anon_inode:NAME (sub 1: NAME) */
	FDK_PIDFD,	/* anon_inode:[pidfd]; extra: the pid */
	FDK_OTHER,	/* a pseudo file system's name (sub 1) */
};

enum {
	FDF_DELETED = 1 << 0,	/* unlinked: " (deleted)" */
	FDF_TRUNC = 1 << 1,	/* deeper than FD_PATH_DEPTH */
};

/*
 * What an fd refers to, decided in the kernel at the call (-y, -yy, -P): the blob with
 * BLOBF_FD and sub 0 (blob arg FD_BLOB_ARG + k); the BLOBF_FD blobs right after it, subs 1..,
 * hold the path's components (FDK_PATH, the last one first, BLOBF_STR), the name (FDK_ANON,
 * FDK_OTHER) or a unix socket's address (sun_path bytes, not a string).
 */
struct sc_fd {
	__s32 fd;	/* the value described (-100: AT_FDCWD, the cwd) */
	__u8 kind;	/* FDK_* */
	__u8 flags;	/* FDF_* */
	__u16 mode;	/* i_mode */
	__u64 ino;
	__u32 rdev;	/* a device's number, the kernel's encoding: major << 20 | minor */
	__u32 ncomp;	/* FDK_PATH: components */
	__u64 extra;	/* FDK_PIDFD: the pid; unix socket: the peer's inode */
	/* sockets, with DF_SOCKET */
	char proto[16];	/* sk_prot->name: TCP, UDPv6, UNIX-STREAM, NETLINK ... */
	__u16 family;
	__u16 protocol;
	__u16 sport;	/* host order */
	__u16 dport;
	__u8 state;
	__u8 pad[3];
	__u32 portid;	/* netlink */
	__u8 saddr[16];
	__u8 daddr[16];
};
_Static_assert(sizeof(struct sc_fd) == 96, "fd ABI changed: update both sides");

#define LEN_RET		7	/* len_arg value: use the syscall return value */
#define LEN_NONE	8
#define LEN_32		0x40	/* len_arg flag: the length argument is an int or unsigned int (its
				   high 32 bits are not part of it: ppoll's nfds) */

/* cap_spec flags */
enum {
	CAPF_OK_ONLY = 1 << 0,	/* copy only when the call succeeded (outputs) */
	CAPF_RET_LEN = 1 << 1,	/* CAP_IOV: only `ret` bytes in all were filled */
	CAPF_NO_ENTER = 1 << 2,	/* exit copy of an input: only when no EV_ENTER copied it */
	CAPF_FROM_SP = 1 << 3,	/* copy at the user stack pointer + elem * 8 (rt_sigreturn) */
	CAPF_BITS_LEN = 1 << 4,	/* the length argument counts bits: copy whole 64-bit words
				   (elem 0: an int count; elem 1: an unsigned long, minus one) */
	CAPF_FAIL_ONLY = 1 << 5,	/* copy only when the call failed (execve's inputs again) */
	CAPF_DEREF = 1 << 6,	/* CAP_FIXED: also copy `elem` bytes at the struct's first pointer
				   (sub 1): pselect6's {sigmask, size}; elem 0: the struct starts
				   with an iovec, copy its iov_len bytes, at most `size` (ptrace's
				   PTRACE_GETREGSET) */
	CAPF_PAGES_LEN = 1 << 7,	/* the length argument counts bytes: one element per
					   4 KiB page they touch (mincore's vector) */
};

struct cap_spec {
	__u8 kind;	/* CAP_* */
	__u8 flags;	/* CAPF_* */
	__u8 len_arg;	/* index of the length argument, LEN_RET or LEN_NONE */
	__u8 elem;	/* CAP_ARRAY element size */
	__u32 size;	/* maximum bytes copied */
};

/* plan flags */
enum {
	PLAN_TRACE = 1 << 0,	/* selected by -e trace= */
	PLAN_ENTER_REC = 1 << 1,	/* always emit EV_ENTER (inputs that must be read at enter) */
	PLAN_ENTER_BLOCKING = 1 << 4,	/* emit EV_ENTER while >1 traced task may interleave */
	PLAN_FAILED_ONLY = 1 << 2,	/* -Z */
	PLAN_OK_ONLY = 1 << 3,	/* -z */
	PLAN_NO_RETURN = 1 << 5,	/* never returns (exit, exit_group): its line ends "= ?" */
};

/* One entry per syscall number: filled by userspace from the syscall table before attach. */
struct sc_plan {
	__u32 flags;		/* PLAN_* */
	__u16 ncap_enter;	/* sys_enter: argument slots to visit (last capture + 1), 0: none */
	__u16 ncap_exit;	/* sys_exit: the same */
	/* 8 slots (6 used) so that an index masked with & 7 is always in bounds */
	struct cap_spec enter[8];	/* inputs that are gone or changed at exit */
	struct cap_spec exit[8];	/* outputs, and inputs of calls without EV_ENTER */
};

/* targets map value (key: tgid) */
enum {
	TGT_WAIT_EXEC = 1 << 0,	/* launched child: ignore everything until its execve */
};
struct target {
	__u32 only_tid;	/* 0: all threads; else only this thread (no -f) */
	__u32 flags;	/* TGT_* */
};

/* ---- counting modes (-c, -c -a): aggregated in the kernel, no per-syscall record ---- */

#define BSTRACE_HIST_BUCKETS	32	/* bucket b: latencies in [2^b, 2^(b+1)) ns (0 in bucket 0) */

/* per-CPU array `stats`, index = syscall number; userspace sums the CPUs */
struct sc_stats {
	__u64 count;
	__u64 errors;
	__u64 total_ns;		/* on-CPU time in the call, or wall time with -w */
	__u64 min_ns;		/* 0 until the first timed call */
	__u64 max_ns;
	__u64 hist[BSTRACE_HIST_BUCKETS];
};
_Static_assert(sizeof(struct sc_stats) == 296, "stats ABI changed: update both sides");

/* grouping of the `groups` map (--by) */
enum {
	GROUP_NONE = 0,
	GROUP_PROCESS,	/* id = tgid, comm of the process */
	GROUP_COMM,	/* comm */
	GROUP_CGROUP,	/* id = cgroup v2 id */
	GROUP_ERRNO,	/* id = errno (failed calls only) */
};

struct group_key {
	__u64 id;
	char comm[16];
	__u32 nr;	/* syscall number when rows are per syscall (bstraced), else 0 */
	__u32 kind;	/* GROUP_* of this row: bstraced keeps errno rows beside its label rows */
};

struct group_val {
	__u64 count;
	__u64 errors;
	__u64 total_ns;
};

/*
 * Flight recorder (bstraced): the last N calls of each process, in an LRU hash keyed by tgid.
 * The value is a ring of N entries; userspace sizes the map (value 16 + N * 128 bytes).
 */
#define FLIGHT_MAX		1024
#define FLIGHT_SIGNAL		0x80000000u	/* entry nr: a signal, ret = signo, args = siginfo */

#define FLIGHT_STR		48	/* bytes kept of the call's first string argument */

struct flight_ent {
	__u64 ts;		/* ns since boot at the exit of the call (or at the signal) */
	__u64 args[BSTRACE_MAX_ARGS];
	__s64 ret;
	__u32 tid;
	__u32 nr;		/* syscall number or FLIGHT_SIGNAL */
	__u8 str_arg;		/* argument `str` belongs to; FLIGHT_NO_STR: none */
	__u8 str_len;		/* bytes in str, without the NUL */
	__u8 str_trunc;		/* the string was longer */
	__u8 no_return;		/* exit/exit_group, taken as the process exited: no return value */
	__u8 pad[4];
	char str[FLIGHT_STR];
};
#define FLIGHT_NO_STR		0xff
_Static_assert(sizeof(struct flight_ent) == 128, "flight ABI changed: update both sides");

struct flight_ring {
	__u32 head;		/* next slot to write */
	__u32 used;		/* slots written, at most N */
	__u64 pad;
	struct flight_ent e[];
};

/*
 * -k: an EV_STACK record. regs: the user registers as the kernel saved them at syscall entry, in
 * the user ABI's order (x86_64: struct pt_regs / user_regs_struct, 21 words; arm64:
 * user_pt_regs: x0-x30, sp, pc, pstate; riscv64: user_regs_struct: pc, x1-x31). hdr.ret: the
 * bytes of stack copied from hdr.args[0] (the stack pointer) into data[]; hdr.args[1]: the bytes
 * asked for, the size of data[]. The copy is the whole size or, near the end of the stack's
 * mapping, what is readable up to its end (page by page); on the main thread's stack it ends
 * 64 bytes above mm->start_stack, in a record of 512-4096 bytes of data when one holds it.
 */
#define STACK_REGS	34
#define STACK_MAX	65536	/* --stack-trace-size limit */
#define STACK_NR_SIGNAL	0xffffffffu	/* hdr.nr of the stack under a delivered signal */
struct stack_rec {
	struct sc_event_hdr h;
	__u64 regs[STACK_REGS];
	__u8 data[];
};

/* probe_seen bits: the programs that ran for bstrace's attach check (user/loader.c) */
#define PROBE_ENTER	1
#define PROBE_EXIT	2

#endif /* BSTRACE_H */
