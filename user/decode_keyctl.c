// SPDX-License-Identifier: GPL-2.0
/*
 * keyctl(2): the command (linux/keyctl.h), then the arguments it takes, each by what the
 * command makes of it: key ids, numbers, strings, buffers, iovecs and the DH and public key
 * structs. A command strace does not decode shows its four arguments in hex.
 */
#include "decode.h"
#include "xlat/key_perms.h"
#include "xlat/key_reqkeys.h"
#include "xlat/keyctl_caps0.h"
#include "xlat/keyctl_caps1.h"
#include "xlat/keyctl_commands.h"
#include "xlat/keyctl_move_flags.h"
#include "xlat/keyctl_pkey_ops.h"

/* what an argument is */
enum {
	KA_NONE,	/* not taken: left out */
	KA_KEY,		/* key_serial_t: KEY_SPEC_* or a number */
	KA_INT,
	KA_UINT,
	KA_ID,		/* uid_t, gid_t: -1 or a number */
	KA_ULONG,	/* a size or count (kernel_ulong_t) */
	KA_HEX,		/* a reserved kernel_ulong_t */
	KA_STR,		/* a NUL-terminated string */
	KA_BUF_IN,	/* the next argument's bytes */
	KA_BUF_OUT,	/* what the call wrote: up to the next argument's bytes */
	KA_BUF_OUT0,	/* the same, a string: its trailing NUL is not shown */
	KA_PERM,	/* key_perm_t */
	KA_REQKEY,	/* KEY_REQKEY_DEFL_* */
	KA_ERRNO,	/* KEYCTL_REJECT's error */
	KA_IOV,		/* iovecs, the next argument of them */
	KA_DH_PARAMS,	/* struct keyctl_dh_params */
	KA_KDF,		/* struct keyctl_kdf_params */
	KA_PKEY_PARAMS,	/* struct keyctl_pkey_params */
	KA_PKEY_IN,	/* its in_len bytes */
	KA_PKEY_IN2,	/* its in2_len bytes (KEYCTL_PKEY_VERIFY) */
	KA_PKEY_OUT,	/* up to its out_len bytes, written */
	KA_PKEY_QUERY,	/* struct keyctl_pkey_query, written */
	KA_MOVE_FLAGS,
	KA_CAPS,	/* KEYCTL_CAPABILITIES: the bytes written */
};

#define KEYCTL_NARGS	4	/* arguments after the command: args[1] to args[4] */

static const uint8_t keyctl_args[][KEYCTL_NARGS] = {
	[KEYCTL_GET_KEYRING_ID] = { KA_KEY, KA_INT },
	[KEYCTL_JOIN_SESSION_KEYRING] = { KA_STR },
	[KEYCTL_UPDATE] = { KA_KEY, KA_BUF_IN, KA_ULONG },
	[KEYCTL_REVOKE] = { KA_KEY },
	[KEYCTL_CHOWN] = { KA_KEY, KA_ID, KA_ID },
	[KEYCTL_SETPERM] = { KA_KEY, KA_PERM },
	[KEYCTL_DESCRIBE] = { KA_KEY, KA_BUF_OUT0, KA_ULONG },
	[KEYCTL_CLEAR] = { KA_KEY },
	[KEYCTL_LINK] = { KA_KEY, KA_KEY },
	[KEYCTL_UNLINK] = { KA_KEY, KA_KEY },
	[KEYCTL_SEARCH] = { KA_KEY, KA_STR, KA_STR, KA_KEY },
	[KEYCTL_READ] = { KA_KEY, KA_BUF_OUT, KA_ULONG },
	[KEYCTL_INSTANTIATE] = { KA_KEY, KA_BUF_IN, KA_ULONG, KA_KEY },
	[KEYCTL_NEGATE] = { KA_KEY, KA_UINT, KA_KEY },
	[KEYCTL_SET_REQKEY_KEYRING] = { KA_REQKEY },
	[KEYCTL_SET_TIMEOUT] = { KA_KEY, KA_UINT },
	[KEYCTL_ASSUME_AUTHORITY] = { KA_KEY },
	[KEYCTL_GET_SECURITY] = { KA_KEY, KA_BUF_OUT0, KA_ULONG },
	[KEYCTL_SESSION_TO_PARENT] = { KA_NONE },
	[KEYCTL_REJECT] = { KA_KEY, KA_UINT, KA_ERRNO, KA_KEY },
	[KEYCTL_INSTANTIATE_IOV] = { KA_KEY, KA_IOV, KA_ULONG, KA_KEY },
	[KEYCTL_INVALIDATE] = { KA_KEY },
	[KEYCTL_GET_PERSISTENT] = { KA_ID, KA_KEY },
	[KEYCTL_DH_COMPUTE] = { KA_DH_PARAMS, KA_BUF_OUT, KA_ULONG, KA_KDF },
	[KEYCTL_PKEY_QUERY] = { KA_KEY, KA_HEX, KA_STR, KA_PKEY_QUERY },
	[KEYCTL_PKEY_ENCRYPT] = { KA_PKEY_PARAMS, KA_STR, KA_PKEY_IN, KA_PKEY_OUT },
	[KEYCTL_PKEY_DECRYPT] = { KA_PKEY_PARAMS, KA_STR, KA_PKEY_IN, KA_PKEY_OUT },
	[KEYCTL_PKEY_SIGN] = { KA_PKEY_PARAMS, KA_STR, KA_PKEY_IN, KA_PKEY_OUT },
	[KEYCTL_PKEY_VERIFY] = { KA_PKEY_PARAMS, KA_STR, KA_PKEY_IN, KA_PKEY_IN2 },
	[KEYCTL_RESTRICT_KEYRING] = { KA_KEY, KA_STR, KA_STR },
	[KEYCTL_MOVE] = { KA_KEY, KA_KEY, KA_KEY, KA_MOVE_FLAGS },
	[KEYCTL_CAPABILITIES] = { KA_CAPS, KA_ULONG },
};

enum {
	DH_PARAMS_SIZE = 12,	/* struct keyctl_dh_params: private, prime, base */
	KDF_SIZE = 56,		/* struct keyctl_kdf_params: two pointers, a length, 8 spares */
	PKEY_PARAMS_SIZE = 40,	/* struct keyctl_pkey_params: id, in_len, out_len, 7 spares */
	PKEY_QUERY_SIZE = 56,	/* struct keyctl_pkey_query: 6 fields, 10 spares */
	PKEY_PARAMS_ARG = 1,	/* where the PKEY_ commands have their params */
};

static uint32_t keyctl_cmd(const struct dctx *d)
{
	return (uint32_t)d->args[0];
}

/* the kind of argument `arg` (1 to 4); KA_HEX for every argument of an unknown command */
static unsigned int keyctl_arg_kind(const struct dctx *d, int arg)
{
	uint32_t cmd = keyctl_cmd(d);

	if (cmd >= ARRAY_SIZE(keyctl_args))
		return KA_HEX;
	return arg >= 1 && arg <= KEYCTL_NARGS ? keyctl_args[cmd][arg - 1] : KA_NONE;
}

void print_KEYCTL_CMD(struct dctx *d, int arg)
{
	xlat_print_val(d->o, &xlat_keyctl_commands, (uint32_t)d->args[arg], "KEYCTL_???");
}

/* the bytes of a copy that were readable: a whole copy, or those before an unreadable page */
static size_t copy_avail(const struct sc_blob *b)
{
	return b && (!(b->flags & BLOBF_FAULT) || (b->flags & BLOBF_PART)) ? b->len : 0;
}

/*
 * `n` bytes at addr (the copy `b` holds the first ones), -s of them at most, as strace prints
 * a buffer of known length: the bytes shown and one more must have been readable, else the
 * address; `omit_nul`: a string, shown up to a NUL in the last byte shown.
 */
static void print_buf_copy(struct dctx *d, const struct sc_blob *b, uint64_t addr, uint64_t n,
			   bool omit_nul)
{
	size_t lim = d->s->strsize, need = n < lim + 1 ? n : lim + 1, shown;
	const uint8_t *p = b ? blob_data(b) : (const uint8_t *)"";

	if (!addr) {
		ob_puts(d->o, "NULL");
		return;
	}
	if (copy_avail(b) < need) {
		ob_ptr(d->o, addr);
		return;
	}
	shown = n < lim ? n : lim;
	/* a NUL that ends the bytes shown is the string's end, unless they print in hex */
	if (omit_nul && shown && !p[shown - 1] && !quoted_in_hex(d, p, shown, false)) {
		print_quoted(d, p, shown - 1, false, false);
		return;
	}
	print_quoted(d, p, shown, false, n > lim);
}

/* a NUL-terminated string at addr of which strace reads -s bytes and one more */
static void print_str_copy(struct dctx *d, const struct sc_blob *b, uint64_t addr)
{
	size_t lim = d->s->strsize, avail = copy_avail(b);
	const uint8_t *p = avail ? blob_data(b) : NULL, *nul = NULL;

	if (!addr) {
		ob_puts(d->o, "NULL");
		return;
	}
	if (avail)
		nul = memchr(p, 0, avail < lim + 1 ? avail : lim + 1);
	if (nul)
		print_quoted(d, p, nul - p, true, false);
	else if (avail >= lim + 1)
		print_quoted(d, p, lim, true, true);
	else
		ob_ptr(d->o, addr);
}

static void print_keyctl_buf(struct dctx *d, int arg, uint64_t n, bool exit, bool omit_nul)
{
	print_buf_copy(d, d_blob(d, arg, 0, exit), d->args[arg], n, omit_nul);
}

/* the output buffer of a call that returned its full length: min(ret, len) bytes written */
static void print_keyctl_out(struct dctx *d, int arg, uint64_t len, bool omit_nul)
{
	uint64_t n;

	if (!d->exited || d->failed) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	n = (uint64_t)d->ret < len ? (uint64_t)d->ret : len;
	print_keyctl_buf(d, arg, n, true, omit_nul);
}

/* __spare=[0, 0x1, ...], only when one of them is not 0; -s of them unless -v */
static void print_spare(struct dctx *d, const uint8_t *p, int n)
{
	struct outbuf *o = d->o;
	int i;

	for (i = 0; i < n && !rd_u32(p + 4 * i); i++)
		;
	if (i == n)
		return;
	ob_puts(o, ", __spare=[");
	for (i = 0; i < n; i++) {
		if (i)
			ob_puts(o, ", ");
		if ((size_t)i >= d->s->strsize && !d->s->verbose) {
			ob_puts(o, "...");
			break;
		}
		ob_hex(o, rd_u32(p + 4 * i));
	}
	ob_putc(o, ']');
}

static void print_dh_params(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, DH_PARAMS_SIZE);

	if (!p)
		return;
	ob_puts(d->o, "{private=");
	print_key_serial(d->o, rd_s32(p));
	ob_puts(d->o, ", prime=");
	print_key_serial(d->o, rd_s32(p + 4));
	ob_puts(d->o, ", base=");
	print_key_serial(d->o, rd_s32(p + 8));
	ob_putc(d->o, '}');
}

/* {hashname="...", otherinfo="...", otherinfolen=N}: the strings are subs 1 and 2 */
static void print_kdf(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, KDF_SIZE);

	if (!p)
		return;
	ob_puts(d->o, "{hashname=");
	print_str_copy(d, d_blob(d, arg, 1, false), rd_u64(p));
	ob_puts(d->o, ", otherinfo=");
	/* strace shows a non-NULL otherinfo of no bytes as its address */
	if (!rd_u32(p + 16) && rd_u64(p + 8))
		ob_ptr(d->o, rd_u64(p + 8));
	else
		print_buf_copy(d, d_blob(d, arg, 2, false), rd_u64(p + 8), rd_u32(p + 16), false);
	ob_printf(d->o, ", otherinfolen=%u", rd_u32(p + 16));
	print_spare(d, p + 20, 8);
	ob_putc(d->o, '}');
}

/* the PKEY_ commands' params, if readable: their lengths size the other arguments */
static const uint8_t *pkey_params(const struct dctx *d)
{
	const struct sc_blob *b = d_blob(d, PKEY_PARAMS_ARG, 0, false);

	if (!d->args[PKEY_PARAMS_ARG] || copy_avail(b) < PKEY_PARAMS_SIZE)
		return NULL;
	return blob_data(b);
}

static void print_pkey_params(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, PKEY_PARAMS_SIZE);

	if (!p)
		return;
	ob_puts(d->o, "{key_id=");
	print_key_serial(d->o, rd_s32(p));
	ob_printf(d->o, ", in_len=%u, %s=%u", rd_u32(p + 4),
		  keyctl_cmd(d) == KEYCTL_PKEY_VERIFY ? "in2_len" : "out_len", rd_u32(p + 8));
	print_spare(d, p + 12, 7);
	ob_putc(d->o, '}');
}

/* struct keyctl_pkey_query: two __u32, four __u16 sizes, then 10 spares */
static void print_pkey_query(struct dctx *d, int arg)
{
	static const char *const names[] = {
		"max_data_size", "max_sig_size", "max_enc_size", "max_dec_size",
	};
	const uint8_t *p = d_struct_prefix(d, arg, true, PKEY_QUERY_SIZE);
	unsigned int i;

	if (!p)
		return;
	ob_puts(d->o, "{supported_ops=");
	xlat_print_flags(d->o, &xlat_keyctl_pkey_ops, rd_u32(p), "KEYCTL_SUPPORTS_???");
	ob_printf(d->o, ", key_size=%u", rd_u32(p + 4));
	for (i = 0; i < ARRAY_SIZE(names); i++)
		ob_printf(d->o, ", %s=%u", names[i], rd_u16(p + 8 + 2 * i));
	print_spare(d, p + 16, 10);
	ob_putc(d->o, '}');
}

/* KEYCTL_CAPABILITIES: [caps0, caps1, then the other bytes in hex] */
static void print_caps(struct dctx *d, int arg)
{
	uint64_t n, i;
	const struct sc_blob *b;
	const uint8_t *p;

	if (!d->exited || d->failed) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	n = (uint64_t)d->ret < d->args[arg + 1] ? (uint64_t)d->ret : d->args[arg + 1];
	b = d_mem_prefix(d, arg, true, n);
	if (!b)
		return;
	if (b->len < n) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	p = blob_data(b);
	ob_putc(d->o, '[');
	for (i = 0; i < n; i++) {
		if (i)
			ob_puts(d->o, ", ");
		if (i >= d->s->strsize && !d->s->verbose) {
			ob_puts(d->o, "...");
			break;
		}
		if (i == 0)
			xlat_print_flags(d->o, &xlat_keyctl_caps0, p[i], "KEYCTL_CAPS0_???");
		else if (i == 1)
			xlat_print_flags(d->o, &xlat_keyctl_caps1, p[i], "KEYCTL_CAPS1_???");
		else
			ob_hex(d->o, p[i]);
	}
	ob_putc(d->o, ']');
}

static void print_pkey_buf(struct dctx *d, int arg, unsigned int kind)
{
	const uint8_t *pp = pkey_params(d);

	if (!pp) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	/* the output: out_len bytes, whatever the call returned */
	if (kind == KA_PKEY_OUT) {
		if (!d->exited || d->failed)
			ob_ptr(d->o, d->args[arg]);
		else
			print_keyctl_buf(d, arg, rd_u32(pp + 8), true, false);
	} else
		print_keyctl_buf(d, arg, rd_u32(pp + (kind == KA_PKEY_IN ? 4 : 8)), false, false);
}

void print_KEYCTL_ARG(struct dctx *d, int arg)
{
	struct outbuf *o = d->o;
	uint64_t v = d->args[arg];
	unsigned int kind = keyctl_arg_kind(d, arg);

	switch (kind) {
	case KA_NONE:
		d->omit = true;
		return;
	case KA_KEY:
		print_key_serial(o, (int32_t)v);
		return;
	case KA_INT:
		ob_dec(o, (int32_t)v);
		return;
	case KA_UINT:
		ob_udec(o, (uint32_t)v);
		return;
	case KA_ID:
		if ((uint32_t)v == UINT32_MAX)
			ob_puts(o, "-1");
		else
			ob_udec(o, (uint32_t)v);
		return;
	case KA_ULONG:
		ob_udec(o, v);
		return;
	case KA_HEX:
		ob_hex(o, v);
		return;
	case KA_STR:
		print_str_copy(d, d_blob(d, arg, 0, false), v);
		return;
	case KA_BUF_IN:
		print_keyctl_buf(d, arg, d->args[arg + 1], false, false);
		return;
	case KA_BUF_OUT:
	case KA_BUF_OUT0:
		print_keyctl_out(d, arg, d->args[arg + 1], kind == KA_BUF_OUT0);
		return;
	case KA_PERM:
		xlat_print_flags(o, &xlat_key_perms, (uint32_t)v, "KEY_???");
		return;
	case KA_REQKEY:
		xlat_print_const(o, (uint64_t)(int64_t)(int32_t)v, XF_DEC,
				 xlat_name(&xlat_key_reqkeys, (uint64_t)(int64_t)(int32_t)v),
				 "KEY_REQKEY_DEFL_???");
		return;
	case KA_ERRNO:
		xlat_print_const(o, (uint32_t)v, XF_UDEC, errno_name((int)(uint32_t)v), NULL);
		return;
	case KA_IOV:
		print_IOV_IN(d, arg);
		return;
	case KA_DH_PARAMS:
		print_dh_params(d, arg);
		return;
	case KA_KDF:
		print_kdf(d, arg);
		return;
	case KA_PKEY_PARAMS:
		print_pkey_params(d, arg);
		return;
	case KA_PKEY_IN:
	case KA_PKEY_IN2:
	case KA_PKEY_OUT:
		print_pkey_buf(d, arg, kind);
		return;
	case KA_PKEY_QUERY:
		print_pkey_query(d, arg);
		return;
	case KA_MOVE_FLAGS:
		xlat_print_flags(o, &xlat_keyctl_move_flags, (uint32_t)v, "KEYCTL_MOVE_???");
		return;
	case KA_CAPS:
		print_caps(d, arg);
		return;
	}
	ob_hex(o, v);
}
