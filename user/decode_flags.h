/* SPDX-License-Identifier: GPL-2.0 */
/* Flag printers shared by decode_flags.c and decode_custom.c. */
#ifndef BSTRACE_DECODE_FLAGS_H
#define BSTRACE_DECODE_FLAGS_H

#include "decode.h"

/* flags as A|B|0x80; with no known bit, hex and the comment / * unknown * / (NULL: none) */
void print_xflags(struct outbuf *o, const struct xlat *x, uint64_t val, const char *unknown);
/* the syscall being printed is `name` */
bool sc_is(const struct dctx *d, const char *name);
void print_open_flags(struct outbuf *o, uint64_t fl);	/* O_RDWR|O_CREAT */
void print_clone_flags(struct outbuf *o, uint64_t fl);	/* CLONE_VM|SIGCHLD */
void print_futex_op(struct outbuf *o, uint32_t op);	/* FUTEX_WAIT_PRIVATE */
/* decode_struct.c */
void print_mode(struct outbuf *o, uint32_t mode);	/* S_IFREG|S_ISUID|0755 */
void print_makedev(struct outbuf *o, uint64_t dev);	/* makedev(0x1, 0x7) */

#endif /* BSTRACE_DECODE_FLAGS_H */
