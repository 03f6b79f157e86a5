// SPDX-License-Identifier: GPL-2.0
/*
 * --seccomp-profile FILE: the syscalls a run used, as an OCI (Docker, podman, runc) seccomp
 * profile that allows them and nothing else, and the same list as systemd's SystemCallFilter=.
 * An existing FILE is merged: its names stay, the run's are added, so several runs grow the list.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "common.h"
#include "profile.h"
#include "syscalls.h"

static uint8_t used[BSTRACE_NR_MAX];

/*
 * Calls a program makes that no trace line may show: the last call (exit_group, exit: they
 * never return), the signal return and restart the kernel makes it call. A profile without them
 * kills every program that exits or takes a signal.
 */
static const char *const always[] = { "exit", "exit_group", "rt_sigreturn", "restart_syscall",
				      "sigreturn" };

void profile_check(const struct settings *s)
{
	size_t i;

	if (!s->seccomp_profile)
		return;
	for (i = 0; i < sc_nnums; i++)
		if (!s->trace[sc_nums[i].nr])
			die("--seccomp-profile needs every call: -e trace= leaves out %s",
			    sc_nums[i].name);
	if (s->hide_status)
		die("--seccomp-profile needs every call: not with -e status=");
}

void profile_note(uint32_t nr)
{
	if (nr < BSTRACE_NR_MAX)
		used[nr] = 1;
}

#define NAMES_MAX 2048
#define NAME_LEN 64

struct names {
	char (*v)[NAME_LEN];
	size_t n;
};

static int cmp_name(const void *a, const void *b)
{
	return strcmp(a, b);
}

static void add_name(struct names *ns, const char *name)
{
	size_t i;

	if (!*name || strlen(name) >= NAME_LEN)
		return;
	for (i = 0; i < ns->n; i++)
		if (!strcmp(ns->v[i], name))
			return;
	if (ns->n == NAMES_MAX)
		die("--seccomp-profile: more than %d syscall names", NAMES_MAX);
	strcpy(ns->v[ns->n++], name);
}

static bool name_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/*
 * The names of an existing profile: every string of every "names" array (this file's format, and
 * the common shape of hand-written ones). Anything else in it is not kept: it is rewritten.
 */
static void read_existing(const char *path, struct names *ns)
{
	char *buf, *p, *end;
	struct stat st;
	FILE *f;
	size_t len;

	f = fopen(path, "re");
	if (!f) {
		if (errno == ENOENT)
			return;
		die("--seccomp-profile: cannot read %s: %s", path, strerror(errno));
	}
	if (fstat(fileno(f), &st) || !S_ISREG(st.st_mode) || st.st_size > (1 << 20))
		die("--seccomp-profile: %s is not a profile (a regular file of at most 1 MiB)", path);
	buf = calloc(1, st.st_size + 1);
	if (!buf)
		die("out of memory");
	len = fread(buf, 1, st.st_size, f);
	fclose(f);
	buf[len] = 0;
	if (len && !strstr(buf, "\"names\""))
		die("--seccomp-profile: %s has no \"names\" list: not a seccomp profile", path);
	for (p = buf; (p = strstr(p, "\"names\"")); ) {
		p = strchr(p, '[');
		end = p ? strchr(p, ']') : NULL;
		if (!end)
			die("--seccomp-profile: %s: a \"names\" list that does not end", path);
		while ((p = strchr(p, '"')) && p < end) {
			char *q = ++p;

			while (name_char(*q))
				q++;
			if (*q != '"')
				die("--seccomp-profile: %s: \"%.*s...\" is not a syscall name", path,
				    (int)(q - p) + 1, p);
			*q = 0;
			add_name(ns, p);
			p = q + 1;
		}
		p = end + 1;
	}
	free(buf);
}

/* the architectures of the profile: this one and the 32-bit one its kernel runs */
static const char *archs(void)
{
	if (!strcmp(SC_ARCH_NAME, "x86_64"))
		return "\"SCMP_ARCH_X86_64\", \"SCMP_ARCH_X86\", \"SCMP_ARCH_X32\"";
	if (!strcmp(SC_ARCH_NAME, "aarch64"))
		return "\"SCMP_ARCH_AARCH64\", \"SCMP_ARCH_ARM\"";
	return "\"SCMP_ARCH_RISCV64\"";
}

/* writes the profile next to `path` and renames it into place: never a half-written profile */
static void write_profile(const char *path, const struct names *ns)
{
	size_t plen = strlen(path), i;
	char *tmp = malloc(plen + 16);
	FILE *f;
	int fd, e;

	if (!tmp)
		die("out of memory");
	snprintf(tmp, plen + 16, "%s.tmpXXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0)
		die("--seccomp-profile: cannot write next to %s: %s", path, strerror(errno));
	f = fdopen(fd, "w");
	if (!f || fchmod(fd, 0644))
		die("--seccomp-profile: %s: %s", tmp, strerror(errno));
	fprintf(f, "{\n\t\"defaultAction\": \"SCMP_ACT_ERRNO\",\n\t\"defaultErrnoRet\": 1,\n");
	fprintf(f, "\t\"architectures\": [%s],\n", archs());
	fprintf(f, "\t\"syscalls\": [\n\t\t{\n\t\t\t\"names\": [");
	for (i = 0; i < ns->n; i++)
		fprintf(f, "%s\n\t\t\t\t\"%s\"", i ? "," : "", ns->v[i]);
	fprintf(f, "\n\t\t\t],\n\t\t\t\"action\": \"SCMP_ACT_ALLOW\"\n\t\t}\n\t]\n}\n");
	e = ferror(f) || fflush(f) || fsync(fd) ? errno : 0;
	if (fclose(f) && !e)
		e = errno;
	if (!e && rename(tmp, path))
		e = errno;
	if (e) {
		unlink(tmp);
		die("--seccomp-profile: cannot write %s: %s", path, strerror(e));
	}
	free(tmp);
}

void profile_write(const char *path)
{
	struct names ns = { .v = calloc(NAMES_MAX, NAME_LEN) };
	size_t before, i, unnamed = 0, len = 0;
	char buf[32], *line;
	uint32_t nr;

	if (!ns.v)
		die("out of memory");
	read_existing(path, &ns);
	before = ns.n;
	for (nr = 0; nr < BSTRACE_NR_MAX; nr++) {
		const char *n;

		if (!used[nr])
			continue;
		n = sc_name(nr, buf, sizeof(buf));
		/* a number no table names cannot be written in a profile */
		if (n == buf) {
			unnamed++;
			continue;
		}
		add_name(&ns, n);
	}
	for (i = 0; i < ARRAY_SIZE(always); i++)
		if (sc_nr_by_name(always[i]) >= 0 || sc_compat_nr_by_name(always[i]) >= 0)
			add_name(&ns, always[i]);
	qsort(ns.v, ns.n, NAME_LEN, cmp_name);
	write_profile(path, &ns);
	warnx_("seccomp profile %s: %zu syscalls (%zu new)%s", path, ns.n, ns.n - before,
	       unnamed ? ", calls with numbers no table names left out" : "");
	/* systemd's spelling of the same list, for a unit's [Service] section */
	for (i = 0; i < ns.n; i++)
		len += strlen(ns.v[i]) + 1;
	line = malloc(len + 1);
	if (!line)
		die("out of memory");
	line[0] = 0;
	for (i = 0; i < ns.n; i++) {
		strcat(line, i ? " " : "");
		strcat(line, ns.v[i]);
	}
	/* bare, to be pasted */
	fprintf(stderr, "SystemCallFilter=%s\n", line);
	free(line);
	free(ns.v);
}
