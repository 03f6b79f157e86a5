// SPDX-License-Identifier: GPL-2.0
/*
 * Who may trace what when the caller is not root, e.g. a copy given CAP_BPF and CAP_PERFMON with
 * setcap: what ptrace would allow it, nothing more.
 * - -p PID: the kernel's own ptrace rule (PTRACE_MODE_ATTACH_REALCREDS: the same user as all of
 *   the target's uids and gids, the target dumpable, Yama's ptrace_scope, or CAP_SYS_PTRACE),
 *   asked through pidfd_getfd(), which applies exactly that rule before it looks at the fd.
 * - a launched command runs with no_new_privs: a set-user-ID program gains nothing, as under
 *   strace (the kernel does not raise the privileges of a traced exec).
 * - system-wide modes (-a, --cgroup, bstraced) see every user's processes: root, CAP_SYS_ADMIN,
 *   or CAP_BPF and CAP_PERFMON handed down by whoever started us (ambient capabilities: a
 *   systemd unit's AmbientCapabilities=, capsh), never ones the file itself grants (setcap: the
 *   kernel marks that exec AT_SECURE), which any user who can run the file would get.
 * - set-user-ID or set-group-ID installs are refused: files named on the command line would be
 *   opened with the owner's rights.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <linux/capability.h>
#include <sys/auxv.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include "common.h"
#include "perm.h"

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_pidfd_getfd
#define SYS_pidfd_getfd 438
#endif

bool perm_limited(void)
{
	return getuid() != 0;
}

/* is `cap` in this process's effective set? */
static bool cap_effective(int cap)
{
	struct __user_cap_header_struct h = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct d[2] = {};

	if (syscall(SYS_capget, &h, d))
		return false;
	return d[cap / 32].effective & (1u << (cap % 32));
}

void perm_check_start(void)
{
	if (getuid() != geteuid() || getgid() != getegid())
		die("refusing to run set-user-ID or set-group-ID: grant capabilities instead "
		    "(setcap cap_bpf,cap_perfmon+ep)");
}

void perm_check_attach(pid_t pid)
{
	int pidfd, fd, err;

	if (!perm_limited())
		return;
	pidfd = syscall(SYS_pidfd_open, pid, 0);
	if (pidfd < 0) {
		if (errno == ESRCH)
			die("cannot attach to process %d: no such process", pid);
		die("cannot attach to process %d: its permission cannot be checked (%s); run as root",
		    pid, strerror(errno));
	}
	/* fd -1 does not exist: EBADF once the ptrace rule passed, EPERM if it did not */
	fd = syscall(SYS_pidfd_getfd, pidfd, -1, 0);
	err = fd < 0 ? errno : 0;
	if (fd >= 0)
		close(fd);
	close(pidfd);
	if (err == EPERM || err == EACCES)
		die("cannot attach to process %d: permission denied (the rules of ptrace: your own "
		    "process, not set-user-ID, dumpable; Yama's ptrace_scope)", pid);
	if (err == ESRCH)
		die("cannot attach to process %d: no such process", pid);
	if (err != EBADF)
		die("cannot attach to process %d: its permission cannot be checked (%s); run as root",
		    pid, strerror(err));
}

void perm_check_systemwide(const char *what)
{
	if (!perm_limited() || cap_effective(CAP_SYS_ADMIN))
		return;
	if (!getauxval(AT_SECURE) && cap_effective(CAP_BPF) && cap_effective(CAP_PERFMON))
		return;
	die("%s sees every user's processes: run as root (or with CAP_BPF and CAP_PERFMON as "
	    "ambient capabilities, as bstraced.service gives them; not from the file)", what);
}

void perm_child_no_new_privs(void)
{
	if (!perm_limited())
		return;
	/* no ambient capability of ours passes the exec, and setuid bits do nothing */
	prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)) {
		fprintf(stderr, "bstrace: cannot set no_new_privs: %s\n", strerror(errno));
		_exit(127);
	}
}
