// SPDX-License-Identifier: GPL-2.0
/*
 * What the BPF side needs from the kernel, checked one by one so that a missing piece is named
 * (the verifier's "invalid argument" says nothing). Versions: the kernel release that added it.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <linux/capability.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include "probe.h"

enum { F_BTF, F_TASK_REGS, F_RINGBUF, F_TASK_STORAGE, F_LOOP, F_JIT, F_COUNT };

static const struct kfeature features[F_COUNT] = {
	[F_BTF] = { "btf", "kernel BTF (/sys/kernel/btf/vmlinux, CONFIG_DEBUG_INFO_BTF=y)", "5.4" },
	[F_TASK_REGS] = { "task_pt_regs", "the bpf_task_pt_regs() helper (a task's user registers)",
			  "5.15" },
	[F_RINGBUF] = { "ringbuf", "the BPF ring buffer (BPF_MAP_TYPE_RINGBUF)", "5.8" },
	[F_TASK_STORAGE] = { "task_storage", "BPF task storage (BPF_MAP_TYPE_TASK_STORAGE)",
			     "5.11" },
	[F_LOOP] = { "bpf_loop", "the bpf_loop() helper", "5.17" },
	[F_JIT] = { "jit", "the BPF JIT (/proc/sys/net/core/bpf_jit_enable)", "3.0" },
};

static bool faked(const char *name)
{
	const char *env = getenv("BSTRACE_PROBE_FAKE_MISSING");
	size_t n = strlen(name);

	while (env && *env) {
		if (!strncmp(env, name, n) && (env[n] == ',' || env[n] == 0))
			return true;
		env = strchr(env, ',');
		if (env)
			env++;
	}
	return false;
}

/* capabilities in a user namespace other than the first one do not allow bpf() */
bool probe_in_child_userns(void)
{
	unsigned long inner, outer, count;
	FILE *f = fopen("/proc/self/uid_map", "re");
	bool child = false;

	if (!f)
		return false;
	/* the initial namespace maps all uids onto themselves: "0 0 4294967295" */
	if (fscanf(f, "%lu %lu %lu", &inner, &outer, &count) != 3 || inner || outer ||
	    count != 4294967295UL)
		child = true;
	fclose(f);
	return child;
}

bool probe_privileged(void)
{
	struct __user_cap_header_struct h = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct d[2] = {};
	uint64_t eff;

	if (syscall(SYS_capget, &h, d))
		return geteuid() == 0;
	eff = d[0].effective | (uint64_t)d[1].effective << 32;
	/* CAP_SYS_ADMIN (21), or CAP_BPF (39) with CAP_PERFMON (38) */
	return (eff >> 21 & 1) || ((eff >> 39 & 1) && (eff >> 38 & 1));
}

bool probe_jit_on(void)
{
	FILE *f;
	int c;

	if (faked("jit"))
		return false;
	f = fopen("/proc/sys/net/core/bpf_jit_enable", "r");
	/* no file: a kernel without CONFIG_BPF_JIT (no JIT at all) or no /proc (can't tell) */
	if (!f)
		return access("/proc/sys/net", F_OK) != 0;
	c = fgetc(f);
	fclose(f);
	return c != '0';
}

/* 1 present, 0 absent, <0 cannot tell */
static int probe_one(int id)
{
	if (faked(features[id].name))
		return 0;
	switch (id) {
	case F_BTF:
		return access("/sys/kernel/btf/vmlinux", R_OK) == 0 ? 1 : 0;
	case F_TASK_REGS:
		/* raw tracepoints give the registers as a number; this helper as a BTF pointer */
		return libbpf_probe_bpf_helper(BPF_PROG_TYPE_RAW_TRACEPOINT, BPF_FUNC_task_pt_regs,
					       NULL);
	case F_RINGBUF:
		return libbpf_probe_bpf_map_type(BPF_MAP_TYPE_RINGBUF, NULL);
	case F_TASK_STORAGE:
		return libbpf_probe_bpf_map_type(BPF_MAP_TYPE_TASK_STORAGE, NULL);
	case F_LOOP:
		return libbpf_probe_bpf_helper(BPF_PROG_TYPE_KPROBE, BPF_FUNC_loop, NULL);
	case F_JIT:
		return probe_jit_on();
	}
	return -1;
}

const struct kfeature *probe_kernel(bool full)
{
	int i;

	for (i = 0; i < F_COUNT; i++) {
		/* the cheap ones: a file each (the others cost a map or program each) */
		if (!full && i != F_BTF && i != F_JIT && !faked(features[i].name))
			continue;
		if (probe_one(i) == 0)
			return &features[i];
	}
	return NULL;
}

void probe_explain(const struct kfeature *f, char *buf, int len)
{
	struct utsname u;

	if (uname(&u))
		strcpy(u.release, "?");
	if (f == &features[F_JIT]) {
		snprintf(buf, len, "the BPF JIT is off (/proc/sys/net/core/bpf_jit_enable is 0) and "
			 "bstrace's programs need it (bpf_loop callbacks): run "
			 "'sysctl -w net.core.bpf_jit_enable=1' as root");
		return;
	}
	snprintf(buf, len, "this kernel (%s) lacks %s, which Linux %s added: bstrace needs Linux "
		 "%s or newer with CONFIG_DEBUG_INFO_BTF=y", u.release, f->what, f->since,
		 BSTRACE_MIN_KERNEL);
}
