// SPDX-License-Identifier: GPL-2.0
/* placeholder */
#include "decode.h"
const char *kd_ioctl_name(uint32_t req) { (void)req; return NULL; }
void kd_ioctl_arg(struct dctx *d, int arg) { (void)d; (void)arg; }
unsigned int kd_ioctl_refs(struct ioctl_ref *out, unsigned int max, unsigned int strsize,
			   bool verbose) { (void)out; (void)max; (void)strsize; (void)verbose; return 0; }
