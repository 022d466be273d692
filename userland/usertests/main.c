/*
 * usertests driver: `usertests` runs every test, `usertests NAME...` the named ones, `usertests -l`
 * lists them. Each test runs in a forked child; the parent prints "test NAME: OK" or "FAILED",
 * and finally "ALL TESTS PASSED" (exit 0) or "SOME TESTS FAILED" (exit 1).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <unistd.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "usertests.h"

const char *self_path;

/* Our own path, to exec ourselves: argv[0] if it has a '/', else found on PATH as the shell did. */
static const char *find_self(const char *argv0)
{
	static char buf[512];
	const char *path = getenv("PATH"), *p, *end;
	int fd;

	if (strchr(argv0, '/'))
		return argv0;
	for (p = path ? path : "/bin"; ; p = end + 1) {
		end = strchrnul(p, ':');
		snprintf(buf, sizeof(buf), "%.*s/%s", (int)(end - p), p, argv0);
		fd = open(buf, O_RDONLY);
		if (fd >= 0) {
			close(fd);
			return buf;
		}
		if (!*end)
			return argv0;
	}
}

const struct test all_tests[] = {
	{ "badfd", test_badfd, "bad file descriptors give EBADF" },
	{ "badptr", test_badptr, "NULL, unmapped, kernel and non-canonical pointers give EFAULT" },
	{ "hugelen", test_hugelen, "huge lengths and counts give EFAULT/EINVAL/ENOMEM" },
	{ "badargs", test_badargs, "invalid flags and arguments give EINVAL and friends" },
	{ "forkwait", test_forkwait, "fork, exit status, wait4, WNOHANG, ECHILD" },
	{ "exec", test_exec, "execve with arguments and environment, errors" },
	{ "cloexec", test_cloexec, "FD_CLOEXEC: set, cleared by dup, honoured by exec" },
	{ "kill", test_kill, "kill with SIGKILL/SIGTERM, signal 0, ESRCH" },
	{ "signal", test_signal, "SIG_IGN, default actions, handlers (where the kernel has them)" },
	{ "pipe", test_pipe, "pipes: data, EOF, EPIPE, 1 MiB between processes" },
	{ "pipeline", test_pipeline, "8 processes in a row of pipes carry 256 KiB intact" },
	{ "concurrent", test_concurrent, "16 process pairs ping-pong a byte 200 times at once" },
	{ "sbrk", test_sbrk, "the program break grows and shrinks" },
	{ "mmap", test_mmap, "anonymous mmap/munmap; unmapped memory faults" },
	{ "malloc", test_malloc, "malloc/realloc/free stress with content checks" },
	{ "forkmem", test_forkmem, "a child's memory is a copy of the parent's" },
	{ "fdlimit", test_fdlimit, "descriptors run out with EMFILE and come back" },
	{ "time", test_time, "clocks advance, nanosleep sleeps" },
	{ "uname", test_uname, "uname fields" },
	{ "procfs", test_procfs, "/proc/PID/stat, /proc listing, meminfo and uptime in Linux's formats" },
	{ "sockets", test_sockets, "socket calls reject bad arguments" },
	{ "netloop", test_netloop, "TCP echo of 64 KiB and a UDP datagram over 127.0.0.1" },
	{ "outofmem", test_outofmem, "a program that eats all memory gets ENOMEM, and it all comes back (MenuOS only)" },
	{ "memleak", test_memleak, "kernel pages and objects return to baseline (MenuOS counters)" },
	{ NULL, NULL, NULL },
};

static int failures;

void fail_at(int line, const char *fmt, ...)
{
	va_list ap;

	printf("  line %d: ", line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	failures++;
}

int test_failures(void)
{
	return failures;
}

/* Exit code 77 tells the parent the test was skipped (as automake does). */
void skip_test(const char *fmt, ...)
{
	va_list ap;

	printf("  skipped: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	_exit(77);
}

void *unmapped_addr(void)
{
	static void *addr;
	void *p;

	if (addr)
		return addr;
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p != MAP_FAILED && munmap(p, 4096) == 0)
		addr = p;
	else
		addr = (void *)0x100000000000UL;	/* 16 TiB: nothing is mapped there in either kernel */
	return addr;
}

void *bad_ptr(int i)
{
	switch (i) {
	case 0: return NULL;
	case 1: return unmapped_addr();
	case 2: return KERNEL_DIRECT_MAP;
	case 3: return KERNEL_TEXT;
	default: return NON_CANONICAL;
	}
}

const char *bad_ptr_name(int i)
{
	static const char *const names[] = { "NULL", "unmapped", "direct-map", "kernel-text", "non-canonical" };

	return names[i];
}

/* Run one test in a child; returns 0 passed, 1 failed, 2 skipped. */
static int run_test(const struct test *t)
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		printf("test %s: FAILED (fork: %s)\n", t->name, strerror(errno));
		return 1;
	}
	if (pid == 0) {
		t->fn();
		fflush(stdout);
		_exit(failures ? 1 : 0);
	}
	if (waitpid(pid, &status, 0) != pid) {
		printf("test %s: FAILED (waitpid: %s)\n", t->name, strerror(errno));
		return 1;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		printf("test %s: OK\n", t->name);
		return 0;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 77) {
		printf("test %s: SKIPPED\n", t->name);
		return 2;
	}
	if (WIFSIGNALED(status))
		printf("test %s: FAILED (killed by signal %d, %s)\n", t->name, WTERMSIG(status),
		       strsignal(WTERMSIG(status)));
	else
		printf("test %s: FAILED\n", t->name);
	return 1;
}

int main(int argc, char **argv)
{
	const struct test *t;
	int i, nfail = 0, nrun = 0, r;

	self_path = find_self(argv[0]);
	if (argc >= 2 && !strcmp(argv[1], "--exec-child"))
		return exec_child_main(argc, argv);
	if (argc == 2 && !strcmp(argv[1], "-l")) {
		for (t = all_tests; t->name; t++)
			printf("%-10s %s\n", t->name, t->what);
		return 0;
	}
	/* A test that writes to a pipe without readers must see EPIPE, not die. */
	signal(SIGPIPE, SIG_IGN);
	setvbuf(stdout, NULL, _IOLBF, 0);

	printf("usertests starting\n");
	for (i = 1; i < argc; i++) {
		for (t = all_tests; t->name; t++)
			if (!strcmp(t->name, argv[i]))
				break;
		if (!t->name) {
			fprintf(stderr, "usertests: no test named '%s' (usertests -l lists them)\n", argv[i]);
			return 2;
		}
	}
	for (t = all_tests; t->name; t++) {
		if (argc > 1) {
			for (i = 1; i < argc && strcmp(argv[i], t->name); i++)
				;
			if (i == argc)
				continue;
		}
		r = run_test(t);
		nrun++;
		nfail += r == 1;
	}
	if (nfail) {
		printf("SOME TESTS FAILED (%d of %d)\n", nfail, nrun);
		return 1;
	}
	printf("ALL TESTS PASSED\n");
	return 0;
}
