/* SPDX-License-Identifier: GPL-2.0 */
/* Counting modes: strace -c for a command or pids, syscount-style system-wide counts. */
#ifndef BSTRACE_COUNT_H
#define BSTRACE_COUNT_H

#include <stdint.h>
#include <sys/types.h>
#include "common.h"

struct loader;

/*
 * Runs until the launched child (`child` > 0) has exited, the -p processes are gone, -d has
 * passed or Ctrl-C; prints -i intervals on the way and the final summary to `out_fd`.
 * Returns the child's wait status (0 without a child).
 */
int count_loop(const struct settings *s, struct loader *l, pid_t child, int out_fd);

/* -C: the trace feeds a userspace tally, printed as strace's table at the end */
void count_note(uint32_t nr, int64_t ret, uint64_t lat_ns);
void count_print_noted(const struct settings *s, int out_fd);

/* --cgroup PATH: the cgroup v2 id (its directory's inode); dies when it is not one */
uint64_t count_cgroup_id(const char *path);
/* cgroup id -> its path below the v2 root ("/system.slice/x"); false when not found */
bool count_cgroup_path(uint64_t id, char *out, size_t len);

#endif /* BSTRACE_COUNT_H */
