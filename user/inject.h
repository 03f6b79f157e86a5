/* SPDX-License-Identifier: GPL-2.0 */
/*
 * -e inject= / -e fault= without ptrace: the launched child installs a seccomp filter that
 * sends only the calls of the inject sets to bstrace (SECCOMP_RET_USER_NOTIF); a notifier
 * thread counts them per task as strace does and answers with the error or return value, or
 * lets them run. BPF marks the answered calls' lines " (INJECTED)" and delivers signal=.
 */
#ifndef BSTRACE_INJECT_H
#define BSTRACE_INJECT_H

#include <sys/types.h>
#include "common.h"

struct inject;

/*
 * In the launched child, right before its execve: installs the filter, tells bstrace the
 * listener's fd number through `status_fd`, then waits on `go_fd` until bstrace holds the
 * listener. Exits the child (127) with a one-line error if the kernel refuses.
 */
void inject_child_install(const struct settings *s, int status_fd, int go_fd);

/*
 * In bstrace, once the child has been let go (launch_go): takes the child's listener
 * (pidfd_getfd) and starts the notifier thread; `marks_fd` is BPF's `injects` map. The child
 * then execs (launch_release). Dies with a one-line reason on failure.
 */
struct inject *inject_start(const struct settings *s, pid_t child, int status_fd, int marks_fd);

/*
 * Stops the notifier. Tasks that still hold the filter (daemonised children) get a small
 * process that lets their calls run until the last of them is gone: a filter cannot be taken
 * back, and without a listener its calls would fail with ENOSYS.
 */
void inject_stop(struct inject *inj);

#endif /* BSTRACE_INJECT_H */
