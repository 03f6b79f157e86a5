// SPDX-License-Identifier: GPL-2.0
/* GPIO character device ioctls (linux/gpio.h, type 0xb4): the v1 chip, line info, line handle
 * and event requests, and the v2 line info, line request, config and values. A structure both
 * read and written prints as {what the call read} => {what it wrote}, the second part only when
 * the call succeeded. */
#include <stddef.h>
#include <string.h>
#include <linux/gpio.h>
#include "decode.h"
#include "xlat/gpio_event_flags.h"
#include "xlat/gpio_handle_flags.h"
#include "xlat/gpio_line_flags.h"
#include "xlat/gpio_v2_line_flags.h"

static const struct {
	uint32_t req;
	const char *name;
} gpio_reqs[] = {
	{ GPIO_GET_CHIPINFO_IOCTL, "GPIO_GET_CHIPINFO_IOCTL" },
	{ GPIO_GET_LINEINFO_UNWATCH_IOCTL, "GPIO_GET_LINEINFO_UNWATCH_IOCTL" },
	{ GPIO_V2_GET_LINEINFO_IOCTL, "GPIO_V2_GET_LINEINFO_IOCTL" },
	{ GPIO_V2_GET_LINEINFO_WATCH_IOCTL, "GPIO_V2_GET_LINEINFO_WATCH_IOCTL" },
	{ GPIO_V2_GET_LINE_IOCTL, "GPIO_V2_GET_LINE_IOCTL" },
	{ GPIO_V2_LINE_SET_CONFIG_IOCTL, "GPIO_V2_LINE_SET_CONFIG_IOCTL" },
	{ GPIO_V2_LINE_GET_VALUES_IOCTL, "GPIO_V2_LINE_GET_VALUES_IOCTL" },
	{ GPIO_V2_LINE_SET_VALUES_IOCTL, "GPIO_V2_LINE_SET_VALUES_IOCTL" },
	{ GPIO_GET_LINEINFO_IOCTL, "GPIO_GET_LINEINFO_IOCTL" },
	{ GPIO_GET_LINEHANDLE_IOCTL, "GPIO_GET_LINEHANDLE_IOCTL" },
	{ GPIO_GET_LINEEVENT_IOCTL, "GPIO_GET_LINEEVENT_IOCTL" },
	{ GPIOHANDLE_GET_LINE_VALUES_IOCTL, "GPIOHANDLE_GET_LINE_VALUES_IOCTL" },
	{ GPIOHANDLE_SET_LINE_VALUES_IOCTL, "GPIOHANDLE_SET_LINE_VALUES_IOCTL" },
	{ GPIOHANDLE_SET_CONFIG_IOCTL, "GPIOHANDLE_SET_CONFIG_IOCTL" },
	{ GPIO_GET_LINEINFO_WATCH_IOCTL, "GPIO_GET_LINEINFO_WATCH_IOCTL" },
};

static const char *gpio_name(uint32_t req)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(gpio_reqs); i++)
		if (gpio_reqs[i].req == req)
			return gpio_reqs[i].name;
	return NULL;
}

/* the call returned and wrote its output */
static bool call_wrote(const struct dctx *d)
{
	return d->exited && !d->failed;
}

/* field="..." for a char[GPIO_MAX_NAME_SIZE]: up to its NUL; with none, all but the last
 * byte and "..." */
static void print_name(struct dctx *d, const char *field, const uint8_t *p)
{
	const uint8_t *z = memchr(p, 0, GPIO_MAX_NAME_SIZE);

	ob_printf(d->o, "%s=", field);
	if (z)
		print_quoted(d, p, z - p, true, false);
	else
		print_quoted(d, p, GPIO_MAX_NAME_SIZE - 1, true, true);
}

/*
 * [a, b, ...]: the first `count` of an array of `max` unsigned numbers of `esize` bytes inside
 * a structure (a count beyond it is cut to it), at most -s of them unless -v
 */
static void print_uarray(struct dctx *d, const uint8_t *p, uint32_t count, uint32_t max,
			 size_t esize)
{
	struct outbuf *o = d->o;
	uint32_t i, n = count < max ? count : max;

	ob_putc(o, '[');
	for (i = 0; i < n; i++) {
		if (i)
			ob_puts(o, ", ");
		if (i >= d->s->strsize && !d->s->verbose) {
			ob_puts(o, "...");
			break;
		}
		ob_udec(o, esize == 1 ? p[i] : rd_u32(p + 4 * i));
	}
	ob_putc(o, ']');
}

/* , padding=[0x1, 0, ...]: reserved words, shown (all of them) only when one is set */
static void print_padding(struct outbuf *o, const uint8_t *p, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n && !rd_u32(p + 4 * i); i++)
		;
	if (i == n)
		return;
	ob_puts(o, ", padding=[");
	for (i = 0; i < n; i++) {
		if (i)
			ob_puts(o, ", ");
		ob_hex(o, rd_u32(p + 4 * i));
	}
	ob_putc(o, ']');
}

/* {fd=N}, after " => ", for a request that succeeded */
static void print_out_fd(struct dctx *d, int arg, size_t size, size_t off)
{
	const uint8_t *p;

	if (!call_wrote(d))
		return;
	ob_puts(d->o, " => ");
	p = d_struct_prefix(d, arg, true, size);
	if (p)
		ob_printf(d->o, "{fd=%d}", rd_s32(p + off));
}

static void print_chipinfo(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct_prefix(d, arg, true, sizeof(struct gpiochip_info));

	if (!p)
		return;
	ob_putc(d->o, '{');
	print_name(d, "name", p + offsetof(struct gpiochip_info, name));
	print_name(d, ", label", p + offsetof(struct gpiochip_info, label));
	ob_printf(d->o, ", lines=%u}", rd_u32(p + offsetof(struct gpiochip_info, lines)));
}

/* GPIO_GET_LINEINFO(_WATCH)_IOCTL: the offset read, the line's state written */
static void print_lineinfo(struct dctx *d, int arg)
{
	const size_t size = sizeof(struct gpioline_info);
	const uint8_t *p = d_struct_prefix(d, arg, false, size);

	if (!p)
		return;
	ob_printf(d->o, "{line_offset=%u}", rd_u32(p + offsetof(struct gpioline_info, line_offset)));
	if (!call_wrote(d))
		return;
	ob_puts(d->o, " => ");
	if (!(p = d_struct_prefix(d, arg, true, size)))
		return;
	ob_puts(d->o, "{flags=");
	xlat_print_flags(d->o, &xlat_gpio_line_flags,
			 rd_u32(p + offsetof(struct gpioline_info, flags)), "GPIOLINE_FLAG_???");
	print_name(d, ", name", p + offsetof(struct gpioline_info, name));
	print_name(d, ", consumer", p + offsetof(struct gpioline_info, consumer));
	ob_putc(d->o, '}');
}

static void print_handle_flags(struct outbuf *o, uint32_t v)
{
	xlat_print_flags(o, &xlat_gpio_handle_flags, v, "GPIOHANDLE_REQUEST_???");
}

static void print_handle_request(struct dctx *d, int arg)
{
	const size_t size = sizeof(struct gpiohandle_request);
	const uint8_t *p = d_struct_prefix(d, arg, false, size);
	uint32_t lines;

	if (!p)
		return;
	lines = rd_u32(p + offsetof(struct gpiohandle_request, lines));
	ob_printf(d->o, "{lines=%u, lineoffsets=", lines);
	print_uarray(d, p + offsetof(struct gpiohandle_request, lineoffsets), lines,
		     GPIOHANDLES_MAX, 4);
	ob_puts(d->o, ", flags=");
	print_handle_flags(d->o, rd_u32(p + offsetof(struct gpiohandle_request, flags)));
	ob_puts(d->o, ", default_values=");
	print_uarray(d, p + offsetof(struct gpiohandle_request, default_values), lines,
		     GPIOHANDLES_MAX, 1);
	print_name(d, ", consumer_label", p + offsetof(struct gpiohandle_request, consumer_label));
	ob_putc(d->o, '}');
	print_out_fd(d, arg, size, offsetof(struct gpiohandle_request, fd));
}

static void print_event_request(struct dctx *d, int arg)
{
	const size_t size = sizeof(struct gpioevent_request);
	const uint8_t *p = d_struct_prefix(d, arg, false, size);

	if (!p)
		return;
	ob_printf(d->o, "{lineoffset=%u, handleflags=",
		  rd_u32(p + offsetof(struct gpioevent_request, lineoffset)));
	print_handle_flags(d->o, rd_u32(p + offsetof(struct gpioevent_request, handleflags)));
	ob_puts(d->o, ", eventflags=");
	xlat_print_flags(d->o, &xlat_gpio_event_flags,
			 rd_u32(p + offsetof(struct gpioevent_request, eventflags)),
			 "GPIOEVENT_REQUEST_???");
	print_name(d, ", consumer_label", p + offsetof(struct gpioevent_request, consumer_label));
	ob_putc(d->o, '}');
	print_out_fd(d, arg, size, offsetof(struct gpioevent_request, fd));
}

/* GPIOHANDLE_[GS]ET_LINE_VALUES_IOCTL: all GPIOHANDLES_MAX values, written by GET */
static void print_handle_data(struct dctx *d, int arg, bool exit)
{
	const uint8_t *p = d_struct_prefix(d, arg, exit, sizeof(struct gpiohandle_data));

	if (!p)
		return;
	ob_puts(d->o, "{values=");
	print_uarray(d, p, GPIOHANDLES_MAX, GPIOHANDLES_MAX, 1);
	ob_putc(d->o, '}');
}

static void print_handle_config(struct dctx *d, int arg)
{
	const uint8_t *p = d_struct_prefix(d, arg, false, sizeof(struct gpiohandle_config));

	if (!p)
		return;
	ob_puts(d->o, "{flags=");
	print_handle_flags(d->o, rd_u32(p + offsetof(struct gpiohandle_config, flags)));
	ob_puts(d->o, ", default_values=");
	print_uarray(d, p + offsetof(struct gpiohandle_config, default_values), GPIOHANDLES_MAX,
		     GPIOHANDLES_MAX, 1);
	ob_putc(d->o, '}');
}

static void print_v2_flags(struct outbuf *o, uint64_t v)
{
	xlat_print_flags(o, &xlat_gpio_v2_line_flags, v, "GPIO_V2_LINE_FLAG_???");
}

/* an attribute whose id names its union member and whose padding is clear */
static bool v2_attr_named(const uint8_t *p)
{
	uint32_t id = rd_u32(p + offsetof(struct gpio_v2_line_attribute, id));

	return !rd_u32(p + offsetof(struct gpio_v2_line_attribute, padding)) &&
	       id >= GPIO_V2_LINE_ATTR_ID_FLAGS && id <= GPIO_V2_LINE_ATTR_ID_DEBOUNCE;
}

/*
 * The fields of a struct gpio_v2_line_attribute: the union member its id names (flags=...,
 * values=0x..., debounce_period_us=N), or for an unknown id or a set padding the raw words
 * (id=N, padding=0x..., data=0x...)
 */
static void print_v2_attr_fields(struct outbuf *o, const uint8_t *p)
{
	const size_t u = offsetof(struct gpio_v2_line_attribute, values);
	uint32_t id = rd_u32(p + offsetof(struct gpio_v2_line_attribute, id));
	uint32_t pad = rd_u32(p + offsetof(struct gpio_v2_line_attribute, padding));

	if (v2_attr_named(p)) {
		switch (id) {
		case GPIO_V2_LINE_ATTR_ID_FLAGS:
			ob_puts(o, "flags=");
			print_v2_flags(o, rd_u64(p + u));
			return;
		case GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES:
			ob_puts(o, "values=");
			ob_hex(o, rd_u64(p + u));
			return;
		default:	/* GPIO_V2_LINE_ATTR_ID_DEBOUNCE */
			ob_printf(o, "debounce_period_us=%u", rd_u32(p + u));
			return;
		}
	}
	ob_printf(o, "id=%u", id);
	if (pad) {
		ob_puts(o, ", padding=");
		ob_hex(o, pad);
	}
	ob_puts(o, ", data=");
	ob_hex(o, rd_u64(p + u));
}

/* attrs=[...] of a line info or config: num_attrs of them, at most the array's, and -s */
static void print_v2_attrs(struct dctx *d, const uint8_t *p, uint32_t n, size_t esize,
			   bool config)
{
	struct outbuf *o = d->o;
	uint32_t i;

	if (n > GPIO_V2_LINE_NUM_ATTRS_MAX)
		n = GPIO_V2_LINE_NUM_ATTRS_MAX;
	ob_puts(o, ", attrs=[");
	for (i = 0; i < n; i++, p += esize) {
		if (i)
			ob_puts(o, ", ");
		if (i >= d->s->strsize && !d->s->verbose) {
			ob_puts(o, "...");
			break;
		}
		ob_putc(o, '{');
		if (!config) {
			print_v2_attr_fields(o, p);
			ob_putc(o, '}');
			continue;
		}
		/* a config attribute nests the raw form as attr={...} */
		if (v2_attr_named(p)) {
			print_v2_attr_fields(o, p);
		} else {
			ob_puts(o, "attr={");
			print_v2_attr_fields(o, p);
			ob_putc(o, '}');
		}
		ob_puts(o, ", mask=");
		ob_hex(o, rd_u64(p + offsetof(struct gpio_v2_line_config_attribute, mask)));
		ob_putc(o, '}');
	}
	ob_putc(o, ']');
}

/* struct gpio_v2_line_config, alone (SET_CONFIG) or inside a line request */
static void print_v2_config(struct dctx *d, const uint8_t *p)
{
	uint32_t n = rd_u32(p + offsetof(struct gpio_v2_line_config, num_attrs));

	ob_puts(d->o, "{flags=");
	print_v2_flags(d->o, rd_u64(p + offsetof(struct gpio_v2_line_config, flags)));
	ob_printf(d->o, ", num_attrs=%u", n);
	print_padding(d->o, p + offsetof(struct gpio_v2_line_config, padding), 5);
	if (n)
		print_v2_attrs(d, p + offsetof(struct gpio_v2_line_config, attrs), n,
			       sizeof(struct gpio_v2_line_config_attribute), true);
	ob_putc(d->o, '}');
}

/* GPIO_V2_GET_LINEINFO(_WATCH)_IOCTL: the offset read, the line's state written */
static void print_v2_lineinfo(struct dctx *d, int arg)
{
	const size_t size = sizeof(struct gpio_v2_line_info);
	const uint8_t *p = d_struct_prefix(d, arg, false, size);
	uint32_t n;

	if (!p)
		return;
	ob_printf(d->o, "{offset=%u}", rd_u32(p + offsetof(struct gpio_v2_line_info, offset)));
	if (!call_wrote(d))
		return;
	ob_puts(d->o, " => ");
	if (!(p = d_struct_prefix(d, arg, true, size)))
		return;
	ob_putc(d->o, '{');
	print_name(d, "name", p + offsetof(struct gpio_v2_line_info, name));
	print_name(d, ", consumer", p + offsetof(struct gpio_v2_line_info, consumer));
	ob_puts(d->o, ", flags=");
	print_v2_flags(d->o, rd_u64(p + offsetof(struct gpio_v2_line_info, flags)));
	n = rd_u32(p + offsetof(struct gpio_v2_line_info, num_attrs));
	ob_printf(d->o, ", num_attrs=%u", n);
	if (n)
		print_v2_attrs(d, p + offsetof(struct gpio_v2_line_info, attrs), n,
			       sizeof(struct gpio_v2_line_attribute), false);
	print_padding(d->o, p + offsetof(struct gpio_v2_line_info, padding), 4);
	ob_putc(d->o, '}');
}

static void print_v2_line_request(struct dctx *d, int arg)
{
	const size_t size = sizeof(struct gpio_v2_line_request);
	const uint8_t *p = d_struct_prefix(d, arg, false, size);
	uint32_t n, ebs;

	if (!p)
		return;
	n = rd_u32(p + offsetof(struct gpio_v2_line_request, num_lines));
	ob_printf(d->o, "{num_lines=%u, offsets=", n);
	print_uarray(d, p + offsetof(struct gpio_v2_line_request, offsets), n, GPIO_V2_LINES_MAX,
		     4);
	print_name(d, ", consumer", p + offsetof(struct gpio_v2_line_request, consumer));
	ob_puts(d->o, ", config=");
	print_v2_config(d, p + offsetof(struct gpio_v2_line_request, config));
	ebs = rd_u32(p + offsetof(struct gpio_v2_line_request, event_buffer_size));
	if (ebs)
		ob_printf(d->o, ", event_buffer_size=%u", ebs);
	print_padding(d->o, p + offsetof(struct gpio_v2_line_request, padding), 5);
	ob_putc(d->o, '}');
	print_out_fd(d, arg, size, offsetof(struct gpio_v2_line_request, fd));
}

/* GPIO_V2_LINE_[GS]ET_VALUES_IOCTL: GET reads the mask and writes the bits */
static void print_v2_values(struct dctx *d, int arg, bool get)
{
	const size_t size = sizeof(struct gpio_v2_line_values);
	const uint8_t *p = d_struct_prefix(d, arg, false, size);
	const size_t bits = offsetof(struct gpio_v2_line_values, bits);
	const size_t mask = offsetof(struct gpio_v2_line_values, mask);

	if (!p)
		return;
	if (!get) {
		ob_puts(d->o, "{bits=");
		ob_hex(d->o, rd_u64(p + bits));
		ob_puts(d->o, ", mask=");
	} else {
		ob_puts(d->o, "{mask=");
	}
	ob_hex(d->o, rd_u64(p + mask));
	ob_putc(d->o, '}');
	if (!get || !call_wrote(d))
		return;
	ob_puts(d->o, " => ");
	if (!(p = d_struct_prefix(d, arg, true, size)))
		return;
	ob_puts(d->o, "{bits=");
	ob_hex(d->o, rd_u64(p + bits));
	ob_putc(d->o, '}');
}

void gpio_ioctl_arg(struct dctx *d, int arg)
{
	const uint8_t *p;

	switch ((uint32_t)d->args[1]) {
	case GPIO_GET_CHIPINFO_IOCTL:
		print_chipinfo(d, arg);
		return;
	case GPIO_GET_LINEINFO_UNWATCH_IOCTL:
		p = d_struct_prefix(d, arg, false, 4);
		if (p)
			ob_printf(d->o, "{offset=%u}", rd_u32(p));
		return;
	case GPIO_GET_LINEINFO_IOCTL:
	case GPIO_GET_LINEINFO_WATCH_IOCTL:
		print_lineinfo(d, arg);
		return;
	case GPIO_GET_LINEHANDLE_IOCTL:
		print_handle_request(d, arg);
		return;
	case GPIO_GET_LINEEVENT_IOCTL:
		print_event_request(d, arg);
		return;
	case GPIOHANDLE_GET_LINE_VALUES_IOCTL:
		print_handle_data(d, arg, true);
		return;
	case GPIOHANDLE_SET_LINE_VALUES_IOCTL:
		print_handle_data(d, arg, false);
		return;
	case GPIOHANDLE_SET_CONFIG_IOCTL:
		print_handle_config(d, arg);
		return;
	case GPIO_V2_GET_LINEINFO_IOCTL:
	case GPIO_V2_GET_LINEINFO_WATCH_IOCTL:
		print_v2_lineinfo(d, arg);
		return;
	case GPIO_V2_GET_LINE_IOCTL:
		print_v2_line_request(d, arg);
		return;
	case GPIO_V2_LINE_SET_CONFIG_IOCTL:
		p = d_struct_prefix(d, arg, false, sizeof(struct gpio_v2_line_config));
		if (p)
			print_v2_config(d, p);
		return;
	case GPIO_V2_LINE_GET_VALUES_IOCTL:
		print_v2_values(d, arg, true);
		return;
	case GPIO_V2_LINE_SET_VALUES_IOCTL:
		print_v2_values(d, arg, false);
		return;
	}
}

bool gpio_ioctl_name(struct outbuf *o, uint32_t req)
{
	const char *n = gpio_name(req);

	if (n)
		ob_puts(o, n);
	return n != NULL;
}

bool gpio_ioctl_known(uint32_t req)
{
	return gpio_name(req) != NULL;
}
