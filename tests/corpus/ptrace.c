/* bstrace-test: -e trace=ptrace -e signal=none */
/*
 * ptrace(2) requests on a stopped child that asked to be traced (its own
 * PTRACE_TRACEME is not traced: no -f): a word read back, the stop's siginfo,
 * options, the signal mask, an empty regset, PTRACE_GET_SYSCALL_INFO at a
 * signal stop. The child then goes on and exits.
 */
#include "corpus.h"
#include <linux/audit.h>
#include <signal.h>
#include <sys/uio.h>
#include <sys/wait.h>

#define PT_PEEKDATA		2
#define PT_CONT			7
#define PT_ATTACH		16
#define PT_SETOPTIONS		0x4200
#define PT_GETEVENTMSG		0x4201
#define PT_GETSIGINFO		0x4202
#define PT_GETREGSET		0x4204
#define PT_PEEKSIGINFO		0x4209
#define PT_GETSIGMASK		0x420a
#define PT_SETSIGMASK		0x420b
#define PT_GET_SYSCALL_INFO	0x420e

#if defined(__x86_64__)
#define ARCH_NAME	"AUDIT_ARCH_X86_64"
#elif defined(__aarch64__)
#define ARCH_NAME	"AUDIT_ARCH_AARCH64"
#else
#define ARCH_NAME	"AUDIT_ARCH_RISCV64"
#endif

static long pt(long req, long pid, long addr, long data)
{
	return syscall(__NR_ptrace, req, pid, addr, data);
}

int main(void)
{
	static unsigned long word = 0x1234, out, msg;
	static unsigned long long mask;
	static unsigned char info[88];
	static struct {
		unsigned long long off;
		unsigned int flags, nr;
	} psi = { 0, 0, 4 };
	static siginfo_t sigs[4];
	static struct iovec iov;
	int pid = getpid(), uid = getuid(), child, status;
	long rc;

	rc = pt(0xdeadbeef, pid, 0, 0);
	emit(sprintrc(rc), "ptrace(0xdeadbeef /* PTRACE_??? */, %d, NULL, NULL)", pid);
	rc = pt(PT_ATTACH, pid, 0, 0);
	emit(sprintrc(rc), "ptrace(PTRACE_ATTACH, %d)", pid);

	child = fork();
	if (child < 0)
		return 1;
	if (!child) {
		if (syscall(__NR_ptrace, 0, 0, 0, 0))
			_exit(1);
		raise(SIGSTOP);
		_exit(0);
	}
	if (waitpid(child, &status, 0) != child || !WIFSTOPPED(status))
		return 1;

	rc = pt(PT_PEEKDATA, child, (long)&word, (long)&out);
	emit(sprintrc(rc), "ptrace(PTRACE_PEEKDATA, %d, %s, [0x1234])", child, sptr(&word));
	rc = pt(PT_GETSIGINFO, child, 0, (long)sigs);
	emit(sprintrc(rc), "ptrace(PTRACE_GETSIGINFO, %d, NULL, {si_signo=SIGSTOP, si_code=SI_TKILL, "
	     "si_pid=%d, si_uid=%d})", child, child, uid);
	rc = pt(PT_SETOPTIONS, child, 0, 0x100001);
	emit(sprintrc(rc), "ptrace(PTRACE_SETOPTIONS, %d, NULL, "
	     "PTRACE_O_TRACESYSGOOD|PTRACE_O_EXITKILL)", child);
	rc = pt(PT_GETEVENTMSG, child, 0, (long)&msg);
	emit(sprintrc(rc), "ptrace(PTRACE_GETEVENTMSG, %d, NULL, [0])", child);
	rc = pt(PT_GETSIGMASK, child, 8, (long)&mask);
	emit(sprintrc(rc), "ptrace(PTRACE_GETSIGMASK, %d, 8, [])", child);
	mask = 1ull << (SIGUSR1 - 1);
	rc = pt(PT_SETSIGMASK, child, 8, (long)&mask);
	emit(sprintrc(rc), "ptrace(PTRACE_SETSIGMASK, %d, 8, [USR1])", child);
	rc = pt(PT_PEEKSIGINFO, child, (long)&psi, (long)sigs);
	emit(sprintrc(rc), "ptrace(PTRACE_PEEKSIGINFO, %d, {off=0, flags=0, nr=4}, [])", child);
	iov.iov_base = info;
	iov.iov_len = 0;
	rc = pt(PT_GETREGSET, child, 1, (long)&iov);
	emit(sprintrc(rc), "ptrace(PTRACE_GETREGSET, %d, NT_PRSTATUS, {iov_base=%s, iov_len=0})",
	     child, sptr(info));
	rc = pt(PT_GET_SYSCALL_INFO, child, 0, (long)info);
	emit(sprintrc(rc), "ptrace(PTRACE_GET_SYSCALL_INFO, %d, 0, %s)", child, sptr(info));
	rc = pt(PT_GET_SYSCALL_INFO, child, 8, (long)info);
	emit(sprintrc(rc), "ptrace(PTRACE_GET_SYSCALL_INFO, %d, 8, {op=PTRACE_SYSCALL_INFO_NONE, "
	     "arch=" ARCH_NAME "})", child);
	rc = pt(PT_CONT, child, 0, 0);
	emit(sprintrc(rc), "ptrace(PTRACE_CONT, %d, NULL, 0)", child);
	if (waitpid(child, &status, 0) != child || !WIFEXITED(status))
		return 1;
	return 0;
}
