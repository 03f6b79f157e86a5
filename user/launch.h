/* SPDX-License-Identifier: GPL-2.0 */
/* Starting the traced command: held before exec until BPF is attached. */
#ifndef BSTRACE_LAUNCH_H
#define BSTRACE_LAUNCH_H

#include <sys/types.h>

struct launch {
	pid_t pid;
	int go_fd;	/* write a byte to let the child exec */
};

/* resolves cmd[0] in PATH and forks; the child waits for launch_go() */
void launch_prepare(struct launch *l, char **cmd);
void launch_go(struct launch *l);

#endif /* BSTRACE_LAUNCH_H */
