/*
 * seccomp_apply PROFILE [-d NAME]... -- CMD [ARGS]: runs CMD under a seccomp filter that allows
 * the syscalls named in PROFILE's "names" lists (an OCI profile, as bstrace --seccomp-profile
 * writes it) less the -d ones, and fails every other with EPERM, as the profile's defaultAction
 * says. For tests/integration/seccomp_profile.sh; build with -I user -DSYSNUMS='"sysnums/ARCH.h"'.
 */
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
#define ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define ARCH AUDIT_ARCH_AARCH64
#elif defined(__riscv) && __riscv_xlen == 64
#define ARCH AUDIT_ARCH_RISCV64
#endif

static const struct {
	const char *name;
	int nr;
} nums[] = {
#define SYSNUM(nm, n) { #nm, n },
#include SYSNUMS
#undef SYSNUM
};

#define MAX_INSNS 4096

int main(int argc, char **argv)
{
	static struct sock_filter prog[MAX_INSNS];
	static char buf[1 << 20];
	const char *drop[16];
	size_t ndrop = 0, n = 0, len, i, k;
	char *p;
	FILE *f;
	int a = 2;

	if (argc < 4)
		return fprintf(stderr, "usage: seccomp_apply PROFILE [-d NAME]... -- CMD...\n"), 2;
	while (a < argc && !strcmp(argv[a], "-d") && a + 1 < argc && ndrop < 16) {
		drop[ndrop++] = argv[a + 1];
		a += 2;
	}
	if (a >= argc || strcmp(argv[a], "--") || a + 1 >= argc)
		return fprintf(stderr, "seccomp_apply: no -- CMD\n"), 2;
	f = fopen(argv[1], "r");
	if (!f)
		return perror(argv[1]), 2;
	len = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[len] = 0;

	prog[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
						 offsetof(struct seccomp_data, arch));
	prog[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ARCH, 1, 0);
	prog[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM);
	prog[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
						 offsetof(struct seccomp_data, nr));
	/* every quoted word after "names" that is a syscall of this arch */
	for (p = strstr(buf, "\"names\""); p && (p = strchr(p, '"')); ) {
		char *q = strchr(++p, '"');

		if (!q)
			break;
		*q = 0;
		for (k = 0; k < ndrop; k++)
			if (!strcmp(p, drop[k]))
				break;
		for (i = 0; k == ndrop && i < sizeof(nums) / sizeof(nums[0]); i++) {
			if (strcmp(p, nums[i].name))
				continue;
			if (n + 3 >= MAX_INSNS)
				return fprintf(stderr, "seccomp_apply: too many names\n"), 2;
			prog[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
								 nums[i].nr, 0, 1);
			prog[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
		}
		p = q + 1;
	}
	prog[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM);

	struct sock_fprog fp = { .len = n, .filter = prog };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
	    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fp))
		return perror("seccomp"), 2;
	execvp(argv[a + 1], argv + a + 1);
	return perror(argv[a + 1]), 127;
}
