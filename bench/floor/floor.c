/* The floor probe's loader (see floor.bpf.c and bench/README.md).  Two modes:
 *
 *   floor OBJ PROG...
 *	load only the named programs of OBJ (floor.bpf.o), attach them, print "floor: attached
 *	PROG..." on stderr, wait for SIGINT/SIGTERM, detach.  Nothing else: no maps are read, no
 *	events.  The harness runs it in the background, like `bstrace -p OTHER`.
 *
 *   floor OBJ --alternate ROUNDS CALLS VARIANT...
 *	VARIANT: programs joined by '+', e.g. enter_empty+exit_empty.  In each round, in an order
 *	shuffled per round (fixed seed), time CALLS getppid() untraced, then CALLS with the
 *	variant's programs attached, ..., then CALLS untraced again: attaching and detaching takes
 *	well under a millisecond, so the traced and untraced stretches are only milliseconds apart
 *	and share the machine's state.  One line per stretch on stdout, in order:
 *	    ROUND VARIANT NS_PER_CALL        (VARIANT "none": untraced)
 *	The first round is a warm-up, reported as round 0.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include <bpf/libbpf.h>

#define MAX_PROGS 8
#define MAX_VARIANTS 8

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	stop = sig;
}

static int quiet(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	return level == LIBBPF_WARN ? vfprintf(stderr, fmt, ap) : 0;
}

static int wanted(const char *name, char **names, int n)
{
	for (int i = 0; i < n; i++) {
		/* names may be '+'-joined lists */
		const char *s = names[i];
		size_t len = strlen(name);

		while (s && *s) {
			if (!strncmp(s, name, len) && (s[len] == '+' || !s[len]))
				return 1;
			s = strchr(s, '+');
			if (s)
				s++;
		}
	}
	return 0;
}

static struct bpf_object *open_and_load(const char *path, char **names, int n)
{
	struct bpf_object *obj = bpf_object__open_file(path, NULL);
	struct bpf_program *p;
	int err;

	if (!obj) {
		fprintf(stderr, "floor: cannot open %s: %s\n", path, strerror(errno));
		return NULL;
	}
	bpf_object__for_each_program(p, obj)
		bpf_program__set_autoload(p, wanted(bpf_program__name(p), names, n));
	err = bpf_object__load(obj);
	if (err) {
		fprintf(stderr, "floor: load failed: %s\n", strerror(-err));
		bpf_object__close(obj);
		return NULL;
	}
	return obj;
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static double loop_ns(long calls)
{
	double t0 = now_ns();

	for (long i = 0; i < calls; i++)
		syscall(SYS_getppid);
	return (now_ns() - t0) / calls;
}

/* attach every program of a '+'-joined list; NULL-terminated links in out */
static int attach_variant(struct bpf_object *obj, const char *variant, struct bpf_link **out)
{
	char buf[256], *save = NULL, *name;
	int n = 0;

	snprintf(buf, sizeof(buf), "%s", variant);
	for (name = strtok_r(buf, "+", &save); name && n < MAX_PROGS;
	     name = strtok_r(NULL, "+", &save)) {
		struct bpf_program *p = bpf_object__find_program_by_name(obj, name);

		out[n] = p ? bpf_program__attach(p) : NULL;
		if (!out[n]) {
			fprintf(stderr, "floor: cannot attach %s\n", name);
			while (n > 0)
				bpf_link__destroy(out[--n]);
			return -1;
		}
		n++;
	}
	out[n] = NULL;
	return 0;
}

static int alternate(const char *path, int rounds, long calls, char **variants, int nv)
{
	struct bpf_link *links[MAX_PROGS + 1];
	struct bpf_object *obj;
	int order[MAX_VARIANTS];

	if (rounds < 1 || calls < 1 || nv < 1 || nv > MAX_VARIANTS) {
		fprintf(stderr, "floor: --alternate ROUNDS CALLS VARIANT... (1-%d variants)\n",
			MAX_VARIANTS);
		return 2;
	}
	obj = open_and_load(path, variants, nv);
	if (!obj)
		return 1;
	srand(4);
	for (int r = 0; r <= rounds && !stop; r++) {
		for (int i = 0; i < nv; i++)
			order[i] = i;
		for (int i = nv - 1; i > 0; i--) {
			int j = rand() % (i + 1), t = order[i];

			order[i] = order[j];
			order[j] = t;
		}
		printf("%d none %.3f\n", r, loop_ns(calls));
		for (int k = 0; k < nv; k++) {
			const char *v = variants[order[k]];
			double ns;

			if (attach_variant(obj, v, links)) {
				bpf_object__close(obj);
				return 1;
			}
			ns = loop_ns(calls);
			for (int i = 0; links[i]; i++)
				bpf_link__destroy(links[i]);
			printf("%d %s %.3f\n", r, v, ns);
			printf("%d none %.3f\n", r, loop_ns(calls));
		}
		fflush(stdout);
	}
	bpf_object__close(obj);
	return stop ? 130 : 0;
}

int main(int argc, char **argv)
{
	struct bpf_link *links[MAX_PROGS] = { 0 };
	struct bpf_object *obj;
	struct sigaction sa;
	sigset_t block, old;
	int i, n = argc - 2, rc = 1;

	libbpf_set_print(quiet);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	if (argc >= 6 && !strcmp(argv[2], "--alternate"))
		return alternate(argv[1], atoi(argv[3]), atol(argv[4]), argv + 5, argc - 5);
	if (argc < 3 || n > MAX_PROGS) {
		fprintf(stderr, "usage: floor OBJ PROG... (at most %d programs)\n"
				"       floor OBJ --alternate ROUNDS CALLS PROG[+PROG]...\n",
			MAX_PROGS);
		return 2;
	}
	/* blocked until sigsuspend: a signal cannot slip in between the check and the wait */
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, &old);

	obj = open_and_load(argv[1], argv + 2, n);
	if (!obj)
		return 1;
	for (i = 0; i < n; i++) {
		struct bpf_program *p = bpf_object__find_program_by_name(obj, argv[i + 2]);

		links[i] = p ? bpf_program__attach(p) : NULL;
		if (!links[i]) {
			fprintf(stderr, "floor: cannot attach %s: %s\n", argv[i + 2],
				p ? strerror(errno) : "no such program");
			goto out;
		}
	}
	fprintf(stderr, "floor: attached");
	for (i = 2; i < argc; i++)
		fprintf(stderr, " %s", argv[i]);
	fprintf(stderr, "\n");
	while (!stop)
		sigsuspend(&old);
	rc = 0;
out:
	for (i = 0; i < n; i++)
		bpf_link__destroy(links[i]);
	bpf_object__close(obj);
	return rc;
}
