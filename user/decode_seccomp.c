// SPDX-License-Identifier: GPL-2.0
/* seccomp user notification ioctls (linux/seccomp.h, type '!'): SECCOMP_IOCTL_NOTIF_RECV's
 * struct seccomp_notif, NOTIF_SEND's struct seccomp_notif_resp, NOTIF_ID_VALID's id and
 * NOTIF_ADDFD's struct seccomp_notif_addfd. An ioctl has only its exit record: what a
 * structure held at entry is what the memory held after the call. */
#include <stddef.h>
#include <stdio.h>
#include <linux/audit.h>
#include <linux/ioctl.h>
#include <linux/seccomp.h>
#include "decode.h"
#include "xlat/open_flags.h"
#include "xlat/seccomp_addfd_flags.h"
#include "xlat/seccomp_resp_flags.h"
#include "xlat/st_audit_arch.h"

/* the request of linux/seccomp.h before 5.17, with the wrong direction (_IOR) */
#define SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR \
	_IOC(_IOC_READ, _IOC_TYPE(SECCOMP_IOCTL_NOTIF_ID_VALID), \
	     _IOC_NR(SECCOMP_IOCTL_NOTIF_ID_VALID), _IOC_SIZE(SECCOMP_IOCTL_NOTIF_ID_VALID))

static const struct {
	uint32_t req;
	const char *name;
} seccomp_reqs[] = {
	{ SECCOMP_IOCTL_NOTIF_RECV, "SECCOMP_IOCTL_NOTIF_RECV" },
	{ SECCOMP_IOCTL_NOTIF_SEND, "SECCOMP_IOCTL_NOTIF_SEND" },
	{ SECCOMP_IOCTL_NOTIF_ID_VALID, "SECCOMP_IOCTL_NOTIF_ID_VALID" },
	{ SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR, "SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR" },
	{ SECCOMP_IOCTL_NOTIF_ADDFD, "SECCOMP_IOCTL_NOTIF_ADDFD" },
};

static const char *seccomp_name(uint32_t req)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(seccomp_reqs); i++)
		if (seccomp_reqs[i].req == req)
			return seccomp_reqs[i].name;
	return NULL;
}

#if defined(__x86_64__)
#define NOTIF_NATIVE_ARCH	AUDIT_ARCH_X86_64
#define NOTIF_COMPAT_ARCH	AUDIT_ARCH_I386
#define NOTIF_X32_BIT		0x40000000u
#elif defined(__aarch64__)
#define NOTIF_NATIVE_ARCH	AUDIT_ARCH_AARCH64
#define NOTIF_COMPAT_ARCH	AUDIT_ARCH_ARM
#elif defined(__riscv) && __riscv_xlen == 64
#define NOTIF_NATIVE_ARCH	AUDIT_ARCH_RISCV64
#endif

/* the name of syscall `idx` of the table (native or BSTRACE_COMPAT_BASE + nr), or NULL */
static const char *table_name(uint32_t idx, char *buf, size_t len)
{
	const char *n;

	if (idx >= BSTRACE_NR_MAX)
		return NULL;
	n = sc_name(idx, buf, len);
	return n == buf ? NULL : n;
}

/* seccomp_data's nr: __NR_gettid for this architecture's calls; a 32-bit or x32 task's as
 * the number with its name in a comment */
static void print_notif_nr(struct outbuf *o, uint32_t nr, uint32_t arch)
{
	char buf[48], name[64];
	const char *n = NULL;

#ifdef NOTIF_NATIVE_ARCH
	if (arch == NOTIF_NATIVE_ARCH) {
#ifdef NOTIF_X32_BIT
		if (nr & NOTIF_X32_BIT) {
			xlat_print_const(o, nr, XF_UDEC, NULL,
					 table_name(nr & ~NOTIF_X32_BIT, buf, sizeof(buf)));
			return;
		}
#endif
		if (nr < BSTRACE_COMPAT_BASE && (n = table_name(nr, buf, sizeof(buf)))) {
			snprintf(name, sizeof(name), "__NR_%s", n);
			n = name;
		}
		xlat_print_const(o, nr, XF_UDEC, n, NULL);
		return;
	}
#endif
#ifdef NOTIF_COMPAT_ARCH
	if (arch == NOTIF_COMPAT_ARCH && nr < BSTRACE_NR_MAX - BSTRACE_COMPAT_BASE) {
		xlat_print_const(o, nr, XF_UDEC, NULL,
				 table_name(BSTRACE_COMPAT_BASE + nr, buf, sizeof(buf)));
		return;
	}
#endif
	(void)buf;
	(void)name;
	(void)n;
	ob_udec(o, nr);
}

static void print_notif(struct dctx *d, const uint8_t *p)
{
	struct outbuf *o = d->o;
	uint32_t arch = rd_u32(p + offsetof(struct seccomp_notif, data.arch));
	unsigned int i;

	ob_puts(o, "{id=");
	ob_hex(o, rd_u64(p + offsetof(struct seccomp_notif, id)));
	ob_printf(o, ", pid=%u, flags=", rd_u32(p + offsetof(struct seccomp_notif, pid)));
	ob_hex(o, rd_u32(p + offsetof(struct seccomp_notif, flags)));
	ob_puts(o, ", data={nr=");
	print_notif_nr(o, rd_u32(p + offsetof(struct seccomp_notif, data.nr)), arch);
	ob_puts(o, ", arch=");
	xlat_print_val(o, &xlat_st_audit_arch, arch, "AUDIT_ARCH_???");
	ob_puts(o, ", instruction_pointer=");
	ob_ptr(o, rd_u64(p + offsetof(struct seccomp_notif, data.instruction_pointer)));
	for (i = 0; i < 6; i++) {
		ob_puts(o, i ? ", " : ", args=[");
		ob_hex(o, rd_u64(p + offsetof(struct seccomp_notif, data.args) + 8 * i));
	}
	ob_puts(o, "]}}");
}

/* NOTIF_RECV: the kernel wants a zeroed structure; one that was not prints as the call's
 * input too, then " => " and what it received (its address if the call failed) */
static void print_recv(struct dctx *d, int arg)
{
	const size_t size = sizeof(struct seccomp_notif);
	const uint8_t *p = d_struct_prefix(d, arg, false, size);
	bool ok = d->exited && !d->failed;
	size_t i;

	if (!p)
		return;
	for (i = 0; i < size && !p[i]; i++)
		;
	if (i < size) {
		print_notif(d, p);
		ob_puts(d->o, " => ");
	}
	if (ok)
		print_notif(d, p);
	else
		ob_ptr(d->o, d->args[arg]);
}

static void print_send(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, sizeof(struct seccomp_notif_resp));
	struct outbuf *o = d->o;

	if (!p)
		return;
	ob_puts(o, "{id=");
	ob_hex(o, rd_u64(p + offsetof(struct seccomp_notif_resp, id)));
	ob_printf(o, ", val=%lld, error=",
		  (long long)rd_s64(p + offsetof(struct seccomp_notif_resp, val)));
	print_neg_errno(o, rd_s32(p + offsetof(struct seccomp_notif_resp, error)));
	ob_puts(o, ", flags=");
	xlat_print_flags(o, &xlat_seccomp_resp_flags,
			 rd_u32(p + offsetof(struct seccomp_notif_resp, flags)),
			 "SECCOMP_USER_NOTIF_FLAG_???");
	ob_putc(o, '}');
}

static void print_addfd(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, sizeof(struct seccomp_notif_addfd));
	struct outbuf *o = d->o;

	if (!p)
		return;
	ob_puts(o, "{id=");
	ob_hex(o, rd_u64(p + offsetof(struct seccomp_notif_addfd, id)));
	ob_puts(o, ", flags=");
	xlat_print_flags(o, &xlat_seccomp_addfd_flags,
			 rd_u32(p + offsetof(struct seccomp_notif_addfd, flags)),
			 "SECCOMP_ADDFD_FLAG_???");
	/* the supervisor's own fd (described at the call with -y); newfd is the target's */
	ob_puts(o, ", srcfd=");
	print_fd(d, rd_s32(p + offsetof(struct seccomp_notif_addfd, srcfd)));
	ob_printf(o, ", newfd=%d, newfd_flags=",
		  rd_s32(p + offsetof(struct seccomp_notif_addfd, newfd)));
	xlat_print_flags(o, &xlat_open_flags,
			 rd_u32(p + offsetof(struct seccomp_notif_addfd, newfd_flags)), "O_???");
	ob_putc(o, '}');
}

void seccomp_ioctl_arg(struct dctx *d, int arg)
{
	const uint8_t *p;

	switch ((uint32_t)d->args[1]) {
	case SECCOMP_IOCTL_NOTIF_RECV:
		print_recv(d, arg);
		return;
	case SECCOMP_IOCTL_NOTIF_SEND:
		print_send(d, arg);
		return;
	case SECCOMP_IOCTL_NOTIF_ID_VALID:
	case SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR:
		p = d_struct_prefix(d, arg, false, 8);
		if (p) {
			ob_putc(d->o, '[');
			ob_hex(d->o, rd_u64(p));
			ob_putc(d->o, ']');
		}
		return;
	case SECCOMP_IOCTL_NOTIF_ADDFD:
		print_addfd(d, arg);
		return;
	}
}

bool seccomp_ioctl_name(struct outbuf *o, uint32_t req)
{
	const char *n = seccomp_name(req);

	if (n)
		ob_puts(o, n);
	return n != NULL;
}

bool seccomp_ioctl_known(uint32_t req)
{
	return seccomp_name(req) != NULL;
}
