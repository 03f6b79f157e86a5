// SPDX-License-Identifier: GPL-2.0
/* The traced command: forked, held on a pipe until it is in the target set, then exec'd. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <linux/sched.h>
#include <unistd.h>
#include "common.h"
#include "launch.h"
#include "inject.h"
#include "perm.h"

extern char **environ;

static bool is_exec_file(const char *p)
{
	struct stat st;

	return !stat(p, &st) && S_ISREG(st.st_mode) && !access(p, X_OK);
}

/* like execvp's search, done before fork so that a bad command is a clear error */
static char *resolve(const char *cmd)
{
	const char *path = getenv("PATH");
	char buf[PATH_MAX];

	if (strchr(cmd, '/')) {
		if (access(cmd, F_OK))
			die("cannot run '%s': %s", cmd, strerror(errno));
		if (!is_exec_file(cmd))
			die("cannot run '%s': not an executable file", cmd);
		return strdup(cmd);
	}
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	while (*path) {
		const char *end = strchrnul(path, ':');
		int n = end - path;

		snprintf(buf, sizeof(buf), "%.*s%s%s", n, n ? path : ".", "/", cmd);
		if (is_exec_file(buf))
			return strdup(buf);
		path = *end ? end + 1 : end;
	}
	die("cannot run '%s': command not found", cmd);
}

void launch_prepare(struct launch *l, char **cmd, int cgroup_fd)
{
	char *file = resolve(cmd[0]);
	int fds[2], st[2] = { -1, -1 };
	char c;

	if (!file)
		die("out of memory");
	if (pipe2(fds, O_CLOEXEC) || (l->inject && pipe2(st, O_CLOEXEC)))
		die("pipe: %s", strerror(errno));
	l->pid = -1;
	l->in_cgroup = false;
	if (cgroup_fd >= 0) {
		/*
		 * Born in the cgroup (Linux 5.7): moving a task there later takes the cgroup
		 * threadgroup lock for writing, which waits for an RCU grace period (~15 ms).
		 */
		struct clone_args ca = { .flags = CLONE_INTO_CGROUP, .exit_signal = SIGCHLD,
					 .cgroup = cgroup_fd };

		l->pid = syscall(SYS_clone3, &ca, sizeof(ca));
		l->in_cgroup = l->pid >= 0;
	}
	if (l->pid < 0)
		l->pid = fork();
	if (l->pid < 0)
		die("fork: %s", strerror(errno));
	if (l->pid == 0) {
		/* the child: nothing but a read and the execve, which is the first traced call */
		signal(SIGPIPE, SIG_DFL);
		/* without the write end, a bstrace that dies before launch_go() ends the read */
		close(fds[1]);
		if (st[0] >= 0)
			close(st[0]);
		if (read(fds[0], &c, 1) != 1)
			_exit(127);
		perm_child_no_new_privs();
		/* the last thing before the exec: from here on the calls of the sets are held */
		if (l->inject)
			inject_child_install(l->inject, st[1], fds[0]);
		execve(file, cmd, environ);
		fprintf(stderr, "bstrace: exec '%s': %s\n", file, strerror(errno));
		_exit(127);
	}
	close(fds[0]);
	l->go_fd = fds[1];
	l->status_fd = st[0];
	if (st[1] >= 0)
		close(st[1]);
	free(file);
}

void launch_go(struct launch *l)
{
	if (write(l->go_fd, "g", 1) != 1)
		die("cannot start the command: %s", strerror(errno));
	if (!l->inject)
		launch_release(l);
}

void launch_release(struct launch *l)
{
	if (l->inject && write(l->go_fd, "g", 1) != 1)
		die("cannot start the command: %s", strerror(errno));
	close(l->go_fd);
	l->go_fd = -1;
}
