/* bstrace-test: --skip-startup -e trace=msgget,msgctl,semget,semctl,shmget,shmctl,shmat,shmdt,sendfile,get_robust_list,fanotify_init,userfaultfd,fsopen,reboot,mq_open,mq_getsetattr,mq_unlink,timer_create,rt_sigqueueinfo */
/*
 * System V IPC: the *get keys and flags, the *ctl commands and the buffers they read
 * (IPC_SET, at the call) or write (IPC_STAT, after it); also sendfile's offset before and
 * after the call, get_robust_list's outputs and a few flag sets (fanotify_init's class,
 * userfaultfd, fsopen), reboot's magic numbers; POSIX message queues (mq_open's mode and
 * attributes only with O_CREAT), a struct sigevent and a siginfo sent to no process. The
 * objects are private and removed.
 */
#include "corpus.h"
#include <fcntl.h>
#include <mqueue.h>
#include <signal.h>
#include <time.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>

static const char *sperm(const struct ipc_perm *p, int set)
{
	if (set)
		return sfmt("{uid=%u, gid=%u, mode=%#03o}", p->uid, p->gid, p->mode);
	return sfmt("{uid=%u, gid=%u, mode=%#03o, key=%u, cuid=%u, cgid=%u}", p->uid, p->gid,
		    p->mode, (unsigned int)p->__key, p->cuid, p->cgid);
}

int main(void)
{
	struct msqid_ds mq;
	struct semid_ds sd;
	struct shmid_ds sh;
	off_t off = 0;
	void *head;
	size_t len;
	long rc, id, in, out;
	void *at;

	/* message queues */
	rc = syscall(__NR_msgget, 0x7357, IPC_EXCL | 0x10000 | 0640);
	emit(sprintrc(rc), "msgget(0x7357, IPC_EXCL|0x10000|0640)");
	id = syscall(__NR_msgget, IPC_PRIVATE, IPC_CREAT | 0600);
	emit(sprintrc(id), "msgget(IPC_PRIVATE, IPC_CREAT|0600)");
	if (id < 0)
		return 77;
	rc = syscall(__NR_msgctl, id, IPC_STAT, &mq);
	emit(sprintrc(rc), "msgctl(%ld, IPC_STAT, {msg_perm=%s, msg_stime=%llu, msg_rtime=%llu, "
	     "msg_ctime=%llu, msg_qnum=%llu, msg_qbytes=%llu, msg_lspid=%d, msg_lrpid=%d})", id,
	     sperm(&mq.msg_perm, 0), (unsigned long long)mq.msg_stime,
	     (unsigned long long)mq.msg_rtime, (unsigned long long)mq.msg_ctime,
	     (unsigned long long)mq.msg_qnum, (unsigned long long)mq.msg_qbytes, mq.msg_lspid,
	     mq.msg_lrpid);
	rc = syscall(__NR_msgctl, id, IPC_SET, &mq);
	emit(sprintrc(rc), "msgctl(%ld, IPC_SET, {msg_perm=%s, msg_qbytes=%llu})", id,
	     sperm(&mq.msg_perm, 1), (unsigned long long)mq.msg_qbytes);
	rc = syscall(__NR_msgctl, id, 0x42, &mq);
	emit(sprintrc(rc), "msgctl(%ld, 0x42 /* MSG_??? */, %s)", id, sptr(&mq));
	rc = syscall(__NR_msgctl, id, IPC_RMID, NULL);
	emit(sprintrc(rc), "msgctl(%ld, IPC_RMID, NULL)", id);

	/* semaphores: semctl's fourth argument is a buffer only for some commands */
	id = syscall(__NR_semget, IPC_PRIVATE, 1, IPC_CREAT | IPC_NOWAIT | 0600);
	emit(sprintrc(id), "semget(IPC_PRIVATE, 1, IPC_CREAT|IPC_NOWAIT|0600)");
	if (id < 0)
		return 77;
	rc = syscall(__NR_semctl, id, 0, IPC_STAT, &sd);
	emit(sprintrc(rc), "semctl(%ld, 0, IPC_STAT, {sem_perm=%s, sem_otime=%llu, sem_ctime=%llu, "
	     "sem_nsems=%llu})", id, sperm(&sd.sem_perm, 0), (unsigned long long)sd.sem_otime,
	     (unsigned long long)sd.sem_ctime, (unsigned long long)sd.sem_nsems);
	rc = syscall(__NR_semctl, id, 0, GETVAL, 0x1234);
	emit(sprintrc(rc), "semctl(%ld, 0, GETVAL, 0x1234)", id);
	rc = syscall(__NR_semctl, id, 0, IPC_RMID, NULL);
	emit(sprintrc(rc), "semctl(%ld, 0, IPC_RMID, NULL)", id);

	/* shared memory */
	id = syscall(__NR_shmget, IPC_PRIVATE, 4096, IPC_CREAT | SHM_NORESERVE | 0600);
	emit(sprintrc(id), "shmget(IPC_PRIVATE, 4096, IPC_CREAT|SHM_NORESERVE|0600)");
	if (id < 0)
		return 77;
	rc = syscall(__NR_shmget, 0x7357, 4096, SHM_HUGETLB | 21 << 26 | 0600);
	emit(sprintrc(rc), "shmget(0x7357, 4096, SHM_HUGETLB|21<<SHM_HUGE_SHIFT|0600)");
	rc = syscall(__NR_shmctl, id, IPC_STAT, &sh);
	emit(sprintrc(rc), "shmctl(%ld, IPC_STAT, {shm_perm=%s, shm_segsz=%llu, shm_cpid=%d, "
	     "shm_lpid=%d, shm_nattch=%llu, shm_atime=%llu, shm_dtime=%llu, shm_ctime=%llu})", id,
	     sperm(&sh.shm_perm, 0), (unsigned long long)sh.shm_segsz, sh.shm_cpid, sh.shm_lpid,
	     (unsigned long long)sh.shm_nattch, (unsigned long long)sh.shm_atime,
	     (unsigned long long)sh.shm_dtime, (unsigned long long)sh.shm_ctime);
	at = (void *)syscall(__NR_shmat, id, NULL, SHM_RDONLY);
	emit(sprintrc_hex((long)at), "shmat(%ld, NULL, SHM_RDONLY)", id);
	rc = syscall(__NR_shmdt, at);
	emit(sprintrc(rc), "shmdt(%s)", sptr(at));
	rc = syscall(__NR_shmctl, id, IPC_RMID, NULL);
	emit(sprintrc(rc), "shmctl(%ld, IPC_RMID, NULL)", id);

	/* sendfile: the offset as it was, and as the call left it */
	in = open("/dev/zero", O_RDONLY);
	out = open("/dev/null", O_WRONLY);
	if (in < 0 || out < 0)
		return 77;
	/* newer kernels splice from /dev/zero, 6.1 fails with EINVAL: a failed call prints the
	 * offset once, as strace does */
	rc = syscall(__NR_sendfile, out, in, &off, 4096);
	if (rc > 0)
		emit(sprintrc(rc), "sendfile(%ld, %ld, [0] => [%lld], 4096)", out, in,
		     (long long)off);
	else
		emit(sprintrc(rc), "sendfile(%ld, %ld, [0], 4096)", out, in);
	rc = syscall(__NR_sendfile, out, -1, &off, 4096);
	emit(sprintrc(rc), "sendfile(%ld, -1, [%lld], 4096)", out, (long long)off);

	rc = syscall(__NR_get_robust_list, 0, &head, &len);
	emit(sprintrc(rc), "get_robust_list(0, [%s], [%zu])", sptr(head), len);
	rc = syscall(__NR_get_robust_list, 0, NULL, &len);
	emit(sprintrc(rc), "get_robust_list(0, NULL, %s)", sptr(&len));

	/* POSIX message queues */
	{
		struct mq_attr ma = { .mq_maxmsg = 2, .mq_msgsize = 16 };
		char mqname[64];

		snprintf(mqname, sizeof(mqname), "/bstrace-corpus-%d", getpid());
		rc = syscall(__NR_mq_open, NULL, O_RDONLY, 0600, &ma);
		emit(sprintrc(rc), "mq_open(NULL, O_RDONLY)");
		id = syscall(__NR_mq_open, mqname + 1, O_RDWR | O_CREAT | O_EXCL, 0600, &ma);
		emit(sprintrc(id), "mq_open(\"%s\", O_RDWR|O_CREAT|O_EXCL, 0600, {mq_flags=0, "
		     "mq_maxmsg=2, mq_msgsize=16, mq_curmsgs=0})", mqname + 1);
		if (id >= 0) {
			memset(&ma, 0, sizeof(ma));
			rc = syscall(__NR_mq_getsetattr, id, NULL, &ma);
			emit(sprintrc(rc), "mq_getsetattr(%ld, NULL, {mq_flags=%s, mq_maxmsg=%ld, "
			     "mq_msgsize=%ld, mq_curmsgs=%ld})", id,
			     ma.mq_flags ? "O_NONBLOCK" : "0", ma.mq_maxmsg, ma.mq_msgsize,
			     ma.mq_curmsgs);
			rc = syscall(__NR_mq_unlink, mqname + 1);
			emit(sprintrc(rc), "mq_unlink(\"%s\")", mqname + 1);
		}
	}

	/* a timer that notifies nobody, and a signal for a process that does not exist */
	{
		struct sigevent sev = { .sigev_notify = SIGEV_NONE };
		siginfo_t si = { .si_signo = SIGUSR1, .si_code = SI_QUEUE };
		int tid = -1;

		rc = syscall(__NR_timer_create, CLOCK_MONOTONIC, &sev, &tid);
		emit(sprintrc(rc), "timer_create(CLOCK_MONOTONIC, {sigev_signo=0, "
		     "sigev_notify=SIGEV_NONE}, [%d])", tid);
		si.si_pid = 42;
		si.si_uid = (uid_t)-1;
		rc = syscall(__NR_rt_sigqueueinfo, 0x7fffffff, SIGUSR1, &si);
		emit(sprintrc(rc), "rt_sigqueueinfo(2147483647, SIGUSR1, {si_signo=SIGUSR1, "
		     "si_code=SI_QUEUE, si_pid=42, si_uid=-1})");
	}

	/* flag sets */
	rc = syscall(__NR_fanotify_init, 0xc | 2, O_RDONLY);
	emit(sprintrc(rc), "fanotify_init(0xc /* FAN_CLASS_??? */|FAN_NONBLOCK, O_RDONLY)");
	rc = syscall(__NR_userfaultfd, 0x10 | O_CLOEXEC);
	emit(sprintrc(rc), "userfaultfd(O_CLOEXEC|0x10)");
	rc = syscall(__NR_fsopen, "bstrace-nofs", 1);
	emit(sprintrc(rc), "fsopen(\"bstrace-nofs\", FSOPEN_CLOEXEC)");
	/* without the first magic number nothing happens */
	rc = syscall(__NR_reboot, 0, 672274793, 0x4321fedc, NULL);
	emit(sprintrc(rc), "reboot(0 /* LINUX_REBOOT_MAGIC_??? */, LINUX_REBOOT_MAGIC2, "
	     "LINUX_REBOOT_CMD_POWER_OFF)");
	return 0;
}
