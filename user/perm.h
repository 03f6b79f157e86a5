/* SPDX-License-Identifier: GPL-2.0 */
/* What a caller that is not root may trace: what ptrace would let it (perm.c). */
#ifndef BSTRACE_PERM_H
#define BSTRACE_PERM_H

#include <stdbool.h>
#include <sys/types.h>

bool perm_limited(void);		/* the caller is not root: the checks below apply */
void perm_check_start(void);		/* dies when installed set-user-ID/set-group-ID */
void perm_check_attach(pid_t pid);	/* -p: dies unless ptrace could attach */
void perm_check_systemwide(const char *what);	/* -a, --cgroup: dies unless root */
void perm_child_no_new_privs(void);	/* in the launched child, before its exec */

#endif /* BSTRACE_PERM_H */
