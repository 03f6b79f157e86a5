/* SPDX-License-Identifier: GPL-2.0 */
/* The commit the binaries were built from (--version): generated at build time by
 * tools/git-version.cmake, "unknown" outside a git checkout. */
#ifndef BSTRACE_VERSION_H
#define BSTRACE_VERSION_H

extern const char bstrace_git_commit[];

#endif
