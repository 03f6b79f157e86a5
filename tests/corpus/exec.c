/* bstrace-test: -e trace=execve --skip-first */
/*
 * execve: a failing one, then the program re-executes itself with
 * argv[1] = "child" and a 2-variable environment; the new image makes
 * two more failing calls.  The harness's own execve of ./prog comes
 * first in the trace and cannot be predicted here: --skip-first.
 * Strings inside argv are cut at 32 bytes like any string; envp is shown
 * only as an address and a count.
 */
#include "corpus.h"

static char *envp[] = { "A=1", "B=two", NULL };
static const char long_arg[] = "0123456789abcdefghijklmnopqrstuvwxyz";

int main(int argc, char *argv[])
{
	char *args[4];
	long rc;

	if (argc > 1 && !strcmp(argv[1], "child")) {
		args[0] = "x";
		args[1] = NULL;
		rc = syscall(__NR_execve, "/nonexistent/x", args, NULL);
		emit(sprintrc(rc), "execve(\"/nonexistent/x\", [\"x\"], NULL)");
		rc = syscall(__NR_execve, "/", NULL, envp);
		emit(sprintrc(rc), "execve(\"/\", NULL, %s /* 2 vars */)",
		     sptr(envp));
		return 0;
	}

	args[0] = "prog";
	args[1] = NULL;
	rc = syscall(__NR_execve, "/nonexistent/prog", args, envp);
	emit(sprintrc(rc),
	     "execve(\"/nonexistent/prog\", [\"prog\"], %s /* 2 vars */)",
	     sptr(envp));

	args[0] = argv[0];
	args[1] = "child";
	args[2] = (char *)long_arg;
	args[3] = NULL;
	emit("0", "execve(%s, [%s, \"child\", %s], %s /* 2 vars */)",
	     qstr(argv[0]), qstr(argv[0]),
	     qbuf(long_arg, sizeof(long_arg) - 1), sptr(envp));
	fflush(stdout);
	syscall(__NR_execve, argv[0], args, envp);
	return 1;
}
