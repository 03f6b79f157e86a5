// SPDX-License-Identifier: GPL-2.0
/* Input event device ioctls (linux/input.h): the request names, the numbers that carry an
 * event type, an axis or a length, and the structures they pass. Apart from decode_custom.c,
 * whose asm/termbits.h clashes with the glibc termios that linux/input.h brings in. */
#include <stddef.h>
#include <string.h>
#include <linux/input.h>
#include "decode.h"
#include "xlat/evdev_abs.h"
#include "xlat/evdev_autorepeat.h"
#include "xlat/evdev_ev.h"
#include "xlat/evdev_ff_feats.h"
#include "xlat/evdev_ff_types.h"
#include "xlat/evdev_keycode.h"
#include "xlat/evdev_leds.h"
#include "xlat/evdev_misc.h"
#include "xlat/evdev_mtslots.h"
#include "xlat/evdev_prop.h"
#include "xlat/evdev_relative_axes.h"
#include "xlat/evdev_snd.h"
#include "xlat/evdev_switch.h"

/* the requests of a fixed number */
static const struct {
	uint32_t req;
	const char *name;
} evdev_reqs[] = {
	{ EVIOCGVERSION, "EVIOCGVERSION" },
	{ EVIOCGID, "EVIOCGID" },
	{ EVIOCGREP, "EVIOCGREP" },
	{ EVIOCSREP, "EVIOCSREP" },
	{ EVIOCGKEYCODE, "EVIOCGKEYCODE" },
	{ EVIOCGKEYCODE_V2, "EVIOCGKEYCODE_V2" },
	{ EVIOCSKEYCODE, "EVIOCSKEYCODE" },
	{ EVIOCSKEYCODE_V2, "EVIOCSKEYCODE_V2" },
	{ EVIOCSFF, "EVIOCSFF" },
	{ EVIOCRMFF, "EVIOCRMFF" },
	{ EVIOCGEFFECTS, "EVIOCGEFFECTS" },
	{ EVIOCGRAB, "EVIOCGRAB" },
	{ EVIOCREVOKE, "EVIOCREVOKE" },
	{ EVIOCGMASK, "EVIOCGMASK" },
	{ EVIOCSMASK, "EVIOCSMASK" },
	{ EVIOCSCLOCKID, "EVIOCSCLOCKID" },
};

static const char *evdev_fixed_name(uint32_t req)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(evdev_reqs); i++)
		if (evdev_reqs[i].req == req)
			return evdev_reqs[i].name;
	return NULL;
}

/*
 * Input event device requests that carry a code or a length in the number:
 * EVIOCGBIT(EV_KEY, 96), EVIOCGABS(ABS_X), EVIOCGNAME(256). Inside -X verbose's comment an
 * unknown code is the bare number (`in_comment`), elsewhere it is followed by its comment.
 */
static bool evdev_var_name(struct outbuf *o, uint32_t req, bool in_comment)
{
	static const struct {
		uint8_t nr;
		const char *name;
	} len_reqs[] = {
		{ 0x06, "EVIOCGNAME" }, { 0x07, "EVIOCGPHYS" }, { 0x08, "EVIOCGUNIQ" },
		{ 0x09, "EVIOCGPROP" }, { 0x0a, "EVIOCGMTSLOTS" }, { 0x18, "EVIOCGKEY" },
		{ 0x19, "EVIOCGLED" }, { 0x1a, "EVIOCGSND" }, { 0x1b, "EVIOCGSW" },
	};
	uint32_t nr = _IOC_NR(req), dir = _IOC_DIR(req);
	unsigned int i;

	if (_IOC_TYPE(req) != 'E')
		return false;
	if (dir == _IOC_WRITE && nr >= _IOC_NR(EVIOCSABS(0))) {
		ob_puts(o, "EVIOCSABS(");
		xlat_print_val(o, &xlat_evdev_abs, nr - _IOC_NR(EVIOCSABS(0)),
			       in_comment ? NULL : "ABS_???");
		ob_putc(o, ')');
		return true;
	}
	if (dir != _IOC_READ)
		return false;
	if (nr >= _IOC_NR(EVIOCGBIT(0, 0)) && nr <= _IOC_NR(EVIOCGBIT(EV_MAX, 0))) {
		/* EVIOCGBIT(0, len) asks for the event types, not for EV_SYN's codes */
		ob_puts(o, "EVIOCGBIT(");
		if (nr == _IOC_NR(EVIOCGBIT(0, 0)))
			ob_putc(o, '0');
		else
			xlat_print_val(o, &xlat_evdev_ev, nr - _IOC_NR(EVIOCGBIT(0, 0)),
				       in_comment ? NULL : "EV_???");
		ob_printf(o, ", %u)", _IOC_SIZE(req));
		return true;
	}
	if (nr >= _IOC_NR(EVIOCGABS(0)) && nr <= _IOC_NR(EVIOCGABS(ABS_MAX))) {
		ob_puts(o, "EVIOCGABS(");
		xlat_print_val(o, &xlat_evdev_abs, nr - _IOC_NR(EVIOCGABS(0)),
			       in_comment ? NULL : "ABS_???");
		ob_putc(o, ')');
		return true;
	}
	for (i = 0; i < ARRAY_SIZE(len_reqs); i++) {
		if (len_reqs[i].nr == nr) {
			ob_printf(o, "%s(%u)", len_reqs[i].name, _IOC_SIZE(req));
			return true;
		}
	}
	return false;
}

/* struct ff_envelope: {attack_length=N, attack_level=N, fade_length=N, fade_level=0xN} */
static void print_ff_envelope(struct outbuf *o, const struct ff_envelope *e)
{
	ob_printf(o, ", envelope={attack_length=%u, attack_level=%u, fade_length=%u, fade_level=",
		  e->attack_length, e->attack_level, e->fade_length);
	ob_hex(o, e->fade_level);
	ob_putc(o, '}');
}

/* EVIOCSFF: the effect's common part, then (-v) the union member its type names */
static void print_ff_effect(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, sizeof(struct ff_effect));
	struct outbuf *o = d->o;
	struct ff_effect e;

	if (!p)
		return;
	memcpy(&e, p, sizeof(e));
	ob_puts(o, "{type=");
	xlat_print_val(o, &xlat_evdev_ff_types, e.type, "FF_???");
	ob_printf(o, ", id=%d, direction=%u", e.id, e.direction);
	if (!d->s->verbose) {
		ob_puts(o, ", ...}");
		return;
	}
	ob_printf(o, ", trigger={button=%u, interval=%u}, replay={length=%u, delay=%u}",
		  e.trigger.button, e.trigger.interval, e.replay.length, e.replay.delay);
	switch (e.type) {
	case FF_CONSTANT:
		ob_printf(o, ", constant={level=%d", e.u.constant.level);
		print_ff_envelope(o, &e.u.constant.envelope);
		ob_putc(o, '}');
		break;
	case FF_RAMP:
		ob_printf(o, ", ramp={start_level=%d, end_level=%d", e.u.ramp.start_level,
			  e.u.ramp.end_level);
		print_ff_envelope(o, &e.u.ramp.envelope);
		ob_putc(o, '}');
		break;
	case FF_PERIODIC:
		ob_printf(o, ", periodic={waveform=%u, period=%u, magnitude=%d, offset=%d, phase=%u",
			  e.u.periodic.waveform, e.u.periodic.period, e.u.periodic.magnitude,
			  e.u.periodic.offset, e.u.periodic.phase);
		print_ff_envelope(o, &e.u.periodic.envelope);
		ob_printf(o, ", custom_len=%u, custom_data=", e.u.periodic.custom_len);
		ob_ptr(o, (uintptr_t)e.u.periodic.custom_data);
		ob_putc(o, '}');
		break;
	case FF_RUMBLE:
		ob_printf(o, ", rumble={strong_magnitude=%u, weak_magnitude=%u}",
			  e.u.rumble.strong_magnitude, e.u.rumble.weak_magnitude);
		break;
	}
	ob_putc(o, '}');
}

/* EVIOC[GS]KEYCODE_V2: struct input_keymap_entry */
static void print_keymap_entry(struct dctx *d, int arg, bool exit)
{
	const uint8_t *p = d_struct_prefix(d, arg, exit, sizeof(struct input_keymap_entry));
	struct outbuf *o = d->o;
	struct input_keymap_entry k;
	unsigned int i;

	if (!p)
		return;
	memcpy(&k, p, sizeof(k));
	ob_printf(o, "{flags=%u, len=%u, ", k.flags, k.len);
	if (!d->s->verbose) {
		ob_puts(o, "...}");
		return;
	}
	ob_printf(o, "index=%u, keycode=", k.index);
	xlat_print_val(o, &xlat_evdev_keycode, k.keycode, "KEY_???");
	ob_puts(o, ", scancode=[");
	for (i = 0; i < ARRAY_SIZE(k.scancode); i++) {
		if (i)
			ob_puts(o, ", ");
		ob_hex(o, k.scancode[i]);
	}
	ob_puts(o, "]}");
}

/* EVIOC[GS]ABS: struct input_absinfo, as much of it as the number's size says */
static void print_absinfo(struct dctx *d, int arg, bool exit, uint32_t size)
{
	const size_t flat_end = offsetof(struct input_absinfo, resolution);
	struct outbuf *o = d->o;
	const uint8_t *p;

	/* shorter than strace's minimum (up to flat): the address */
	if (size < flat_end) {
		ob_ptr(o, d->args[arg]);
		return;
	}
	p = d_struct_prefix(d, arg, exit, size >= sizeof(struct input_absinfo) ?
				  sizeof(struct input_absinfo) : flat_end);
	if (!p)
		return;
	ob_printf(o, "{value=%u, minimum=%u", rd_u32(p), rd_u32(p + 4));
	if (!d->s->verbose) {
		ob_puts(o, ", ...}");
		return;
	}
	ob_printf(o, ", maximum=%u, fuzz=%u, flat=%u", rd_u32(p + 8), rd_u32(p + 12),
		  rd_u32(p + 16));
	if (size >= sizeof(struct input_absinfo))
		ob_printf(o, ", resolution=%u", rd_u32(p + 20));
	if (size > flat_end && size != sizeof(struct input_absinfo))
		ob_puts(o, ", ...");
	ob_putc(o, '}');
}

/* a bit map the call wrote (EVIOCGBIT, EVIOCGKEY...): the bits set, by name (at most 4 without
 * -v), and in raw the longs read; as many bytes as max bits take, at most what it returned */
static void print_ev_bits(struct dctx *d, int arg, const struct xlat *x, uint32_t max,
			  const char *unknown)
{
	struct outbuf *o = d->o;
	uint64_t nbytes, nbits, nlongs, i, shown = 0;
	const struct sc_blob *b;
	const uint8_t *p;

	if (!d->exited || d->failed || d->ret <= 0) {
		ob_ptr(o, d->args[arg]);
		return;
	}
	/* strace's count: bits 0 .. max - 1, the last code left out */
	nbytes = (max + 7) / 8;
	if ((uint64_t)d->ret < nbytes)
		nbytes = d->ret;
	nbits = nbytes * 8 < max ? nbytes * 8 : max;
	nlongs = (nbytes + 7) / 8;
	b = d_mem_prefix(d, arg, true, nlongs * 8);
	if (!b)
		return;
	if (b->len < nlongs * 8) {
		ob_ptr(o, d->args[arg]);
		return;
	}
	p = blob_data(b);
	if (xlat_style != XLAT_RAW) {
		ob_putc(o, '[');
		for (i = 0; i < nbits; i++) {
			if (!(p[i / 8] & (1u << (i % 8))))
				continue;
			if (shown == 4 && !d->s->verbose) {
				ob_puts(o, " ...");
				break;
			}
			if (shown++)
				ob_putc(o, ' ');
			xlat_print_val(o, x, i, unknown);
		}
		ob_putc(o, ']');
	}
	if (xlat_style == XLAT_VERBOSE)
		ob_puts(o, " /* ");
	if (xlat_style != XLAT_ABBREV) {
		ob_putc(o, '[');
		for (i = 0; i < nlongs; i++) {
			if (i)
				ob_puts(o, ", ");
			ob_hex(o, rd_u64(p + 8 * i));
		}
		ob_putc(o, ']');
	}
	if (xlat_style == XLAT_VERBOSE)
		ob_puts(o, " */");
}

/* EVIOCGBIT(ev, len): the event types (ev 0) or the codes of type ev */
static void print_ev_type_bits(struct dctx *d, int arg, uint32_t ev)
{
	static const struct {
		const struct xlat *x;
		uint32_t max;
		const char *unknown;
	} types[EV_CNT] = {
		[0] = { &xlat_evdev_ev, EV_MAX, "EV_???" },
		[EV_KEY] = { &xlat_evdev_keycode, KEY_MAX, "KEY_???" },
		[EV_REL] = { &xlat_evdev_relative_axes, REL_MAX, "REL_???" },
		[EV_ABS] = { &xlat_evdev_abs, ABS_MAX, "ABS_???" },
		[EV_MSC] = { &xlat_evdev_misc, MSC_MAX, "MSC_???" },
		[EV_SW] = { &xlat_evdev_switch, SW_MAX, "SW_???" },
		[EV_LED] = { &xlat_evdev_leds, LED_MAX, "LED_???" },
		[EV_SND] = { &xlat_evdev_snd, SND_MAX, "SND_???" },
		[EV_REP] = { &xlat_evdev_autorepeat, REP_MAX, "REP_???" },
		[EV_FF] = { &xlat_evdev_ff_feats, FF_MAX, "FF_???" },
	};

	if (ev < EV_CNT && types[ev].x)
		print_ev_bits(d, arg, types[ev].x, types[ev].max, types[ev].unknown);
	else
		ob_ptr(d->o, d->args[arg]);
}

/* EVIOCGMTSLOTS(len): {code=ABS_MT_..., values=[...]}, the code and len / 4 - 1 values */
static void print_mtslots(struct dctx *d, int arg, uint32_t size)
{
	struct outbuf *o = d->o;
	const uint8_t *p;
	uint32_t i, n;

	if (size < 4) {
		ob_ptr(o, d->args[arg]);
		return;
	}
	p = d_struct_prefix(d, arg, true, size);
	if (!p)
		return;
	n = size / 4 - 1;
	ob_puts(o, "{code=");
	xlat_print_val(o, &xlat_evdev_mtslots, rd_u32(p), "ABS_MT_???");
	ob_puts(o, ", values=[");
	for (i = 0; i < n; i++) {
		if (i)
			ob_puts(o, ", ");
		ob_dec(o, rd_s32(p + 4 + 4 * i));
	}
	ob_puts(o, "]}");
}

/* EVIOCGNAME/PHYS/UNIQ(len): the bytes the call returned it wrote, its NUL among them */
static void print_ev_string(struct dctx *d, int arg)
{
	const struct sc_blob *b;
	uint64_t n;

	if (!d->exited || d->failed) {
		ob_ptr(d->o, d->args[arg]);
		return;
	}
	b = d_mem(d, arg, true);
	if (!b)
		return;
	n = (uint64_t)d->ret < b->len ? (uint64_t)d->ret : b->len;
	if (n > d->s->strsize)
		print_quoted(d, blob_data(b), d->s->strsize, false, true);
	else
		print_quoted(d, blob_data(b), n, false, false);
}

/* [N, M]: two unsigned ints, the second a key code for the keycode requests */
static void print_ev_pair(struct dctx *d, int arg, bool exit, bool key)
{
	const uint8_t *p = d_struct_prefix(d, arg, exit, 8);

	if (!p)
		return;
	ob_printf(d->o, "[%u, ", rd_u32(p));
	if (key)
		xlat_print_val(d->o, &xlat_evdev_keycode, rd_u32(p + 4), "KEY_???");
	else
		ob_udec(d->o, rd_u32(p + 4));
	ob_putc(d->o, ']');
}

/* input event devices (linux/input.h): the argument by request */
void evdev_ioctl_arg(struct dctx *d, int arg)
{
	uint32_t req = d->args[1], nr = _IOC_NR(req), size = _IOC_SIZE(req);
	struct outbuf *o = d->o;
	const uint8_t *p;

	switch (req) {
	case EVIOCGVERSION:
	case EVIOCGEFFECTS:
		p = d_struct_prefix(d, arg, true, 4);
		if (!p)
			return;
		ob_putc(o, '[');
		if (req == EVIOCGVERSION)
			ob_hex(o, rd_u32(p));
		else
			ob_udec(o, rd_u32(p));
		ob_putc(o, ']');
		return;
	case EVIOCGID:
		p = d_struct_prefix(d, arg, true, sizeof(struct input_id));
		if (p)
			ob_printf(o, "{bustype=%u, vendor=%u, product=%u, version=%u}",
				  rd_u16(p), rd_u16(p + 2), rd_u16(p + 4), rd_u16(p + 6));
		return;
	case EVIOCGREP:
	case EVIOCSREP:
		print_ev_pair(d, arg, req == EVIOCGREP, false);
		return;
	case EVIOCGKEYCODE:
	case EVIOCSKEYCODE:
		print_ev_pair(d, arg, req == EVIOCGKEYCODE, true);
		return;
	case EVIOCGKEYCODE_V2:
	case EVIOCSKEYCODE_V2:
		print_keymap_entry(d, arg, req == EVIOCGKEYCODE_V2);
		return;
	case EVIOCSFF:
		print_ff_effect(d, arg);
		return;
	case EVIOCRMFF:
		ob_dec(o, (int32_t)d->args[arg]);
		return;
	case EVIOCGRAB:
	case EVIOCREVOKE:
		ob_udec(o, d->args[arg]);
		return;
	case EVIOCSCLOCKID:
		p = d_struct_prefix(d, arg, false, 4);
		if (p)
			ob_printf(o, "[%u]", rd_u32(p));
		return;
	case EVIOCGMASK:
	case EVIOCSMASK:
		ob_hex(o, d->args[arg]);
		return;
	}
	if (_IOC_DIR(req) == _IOC_WRITE && nr >= _IOC_NR(EVIOCSABS(0)))
		print_absinfo(d, arg, false, size);
	else if (nr >= _IOC_NR(EVIOCGABS(0)) && nr <= _IOC_NR(EVIOCGABS(ABS_MAX)))
		print_absinfo(d, arg, true, size);
	else if (nr >= _IOC_NR(EVIOCGBIT(0, 0)) && nr <= _IOC_NR(EVIOCGBIT(EV_MAX, 0)))
		print_ev_type_bits(d, arg, nr - _IOC_NR(EVIOCGBIT(0, 0)));
	else if (nr == _IOC_NR(EVIOCGKEY(0)))
		print_ev_bits(d, arg, &xlat_evdev_keycode, KEY_MAX, "KEY_???");
	else if (nr == _IOC_NR(EVIOCGLED(0)))
		print_ev_bits(d, arg, &xlat_evdev_leds, LED_MAX, "LED_???");
	else if (nr == _IOC_NR(EVIOCGSND(0)))
		print_ev_bits(d, arg, &xlat_evdev_snd, SND_MAX, "SND_???");
	else if (nr == _IOC_NR(EVIOCGSW(0)))
		print_ev_bits(d, arg, &xlat_evdev_switch, SW_MAX, "SW_???");
	else if (nr == _IOC_NR(EVIOCGPROP(0)))
		print_ev_bits(d, arg, &xlat_evdev_prop, INPUT_PROP_MAX, "PROP_???");
	else if (nr == _IOC_NR(EVIOCGMTSLOTS(0)))
		print_mtslots(d, arg, size);
	else
		print_ev_string(d, arg);	/* EVIOCGNAME, EVIOCGPHYS, EVIOCGUNIQ */
}

bool evdev_ioctl_name(struct outbuf *o, uint32_t req, bool in_comment)
{
	const char *n = evdev_fixed_name(req);

	if (n) {
		ob_puts(o, n);
		return true;
	}
	return evdev_var_name(o, req, in_comment);
}

bool evdev_ioctl_known(uint32_t req)
{
	uint32_t nr = _IOC_NR(req);

	if (evdev_fixed_name(req))
		return true;
	if (_IOC_TYPE(req) != 'E')
		return false;
	if (_IOC_DIR(req) == _IOC_WRITE)
		return nr >= _IOC_NR(EVIOCSABS(0));
	return _IOC_DIR(req) == _IOC_READ &&
	       ((nr >= _IOC_NR(EVIOCGBIT(0, 0)) && nr <= _IOC_NR(EVIOCGABS(ABS_MAX))) ||
		(nr >= _IOC_NR(EVIOCGNAME(0)) && nr <= _IOC_NR(EVIOCGMTSLOTS(0))) ||
		(nr >= _IOC_NR(EVIOCGKEY(0)) && nr <= _IOC_NR(EVIOCGSW(0))));
}
