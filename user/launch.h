/* SPDX-License-Identifier: GPL-2.0 */
/* Starting the traced command: held before exec until BPF is attached. */
#ifndef BSTRACE_LAUNCH_H
#define BSTRACE_LAUNCH_H

#include <sys/types.h>

#include <stdbool.h>

struct launch {
	pid_t pid;
	int go_fd;	/* write a byte to let the child exec */
	bool in_cgroup;	/* created in the cgroup given to launch_prepare */
	/* -e inject=: set before launch_prepare; the child installs its seccomp filter */
	const struct settings *inject;
	int status_fd;	/* -e inject=: the child writes its listener's fd number here */
};

struct settings;

/*
 * Resolves cmd[0] in PATH and forks, into the cgroup `cgroup_fd` if it is not -1 and the kernel
 * can (in_cgroup says whether it did); the child waits for launch_go().
 */
void launch_prepare(struct launch *l, char **cmd, int cgroup_fd);
void launch_go(struct launch *l);
/* -e inject=: after launch_go and inject_start, the child may exec */
void launch_release(struct launch *l);

#endif /* BSTRACE_LAUNCH_H */
