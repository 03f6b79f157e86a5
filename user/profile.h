/* SPDX-License-Identifier: GPL-2.0 */
/* --seccomp-profile: the syscalls a run used, as an OCI seccomp profile (profile.c). */
#ifndef BSTRACE_PROFILE_H
#define BSTRACE_PROFILE_H

#include <stdint.h>

/* call `nr` (an index of the syscall table) was made */
void profile_note(uint32_t nr);
struct settings;
/* one-line error when the run could not see every call (-e trace=, -e status=...) */
void profile_check(const struct settings *s);
/* writes (merges into) the profile at `path`; prints the systemd line on stderr */
void profile_write(const char *path);

#endif /* BSTRACE_PROFILE_H */
