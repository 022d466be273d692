/* usertests: memory: brk, mmap, malloc, and the kernel's counters returning to their baseline. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <sys/syscall.h>
#include "usertests.h"
#include "procfile.h"

void test_sbrk(void)
{
	char *start = sbrk(0), *p, *cur;
	size_t step = 64 << 10, total = 4 << 20, i;

	CHECK(start != (char *)-1, "sbrk(0): %s", strerror(errno));
	for (i = 0; i < total; i += step) {
		p = sbrk((intptr_t)step);
		if (p == (char *)-1) {
			fail_at(__LINE__, "sbrk(+64 KiB) at +%zu: %s", i, strerror(errno));
			return;
		}
		CHECK(p == start + i, "sbrk returned %p, expected %p", (void *)p, (void *)(start + i));
		memset(p, (int)(i / step), step);	/* new memory is usable */
	}
	for (i = 0; i < total; i += step)
		CHECK(start[i] == (char)(i / step) && start[i + step - 1] == (char)(i / step),
		      "brk memory at +%zu lost its contents", i);
	CHECK(sbrk(0) == start + total, "break at %p, expected %p", sbrk(0), (void *)(start + total));
	/* Shrink back; the kernel's brk(0) agrees. */
	CHECK(brk(start) == 0, "brk back to start: %s", strerror(errno));
	cur = (char *)syscall(SYS_brk, 0);
	CHECK(cur == start, "kernel break %p after shrinking, expected %p", (void *)cur, (void *)start);
	/* Grow again: the memory comes back zeroed (it was given back). */
	p = sbrk(4096);
	CHECK(p == start && p[0] == 0 && p[4095] == 0, "regrown break memory is not zero");
	brk(start);
}

void test_mmap(void)
{
	size_t size = 8 << 20, i;
	unsigned char *p;
	int st;
	pid_t pid;

	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		fail_at(__LINE__, "mmap 8 MiB: %s", strerror(errno));
		return;
	}
	CHECK(((uintptr_t)p & 4095) == 0, "mmap result %p not page aligned", (void *)p);
	for (i = 0; i < size; i += 4096)
		CHECK(p[i] == 0, "fresh anonymous memory not zero at +%zu", i);
	for (i = 0; i < size; i++)
		p[i] = (unsigned char)i;
	for (i = 0; i < size; i += 4093)
		CHECK(p[i] == (unsigned char)i, "mmap memory lost contents at +%zu", i);
	/* Unmap the middle; the ends stay. */
	EXPECT_OK(munmap(p + 4096, size - 8192));
	CHECK(p[0] == 0 && p[size - 1] == (unsigned char)(size - 1), "the ends changed after unmapping the middle");

	/* Touching unmapped memory kills the process with SIGSEGV. */
	pid = fork();
	if (pid == 0) {
		p[4096 * 10] = 1;
		_exit(0);
	}
	CHECK(waitpid(pid, &st, 0) == pid && WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV,
	      "write to unmapped memory: status %#x, expected SIGSEGV", st);
	EXPECT_OK(munmap(p, 4096));
	EXPECT_OK(munmap(p + size - 4096, 4096));
	/* munmap of a range with nothing mapped is not an error (Linux). */
	EXPECT_OK(munmap(p, size));

	/* Many small mappings, then all gone. */
	for (i = 0; i < 100; i++) {
		void *q = mmap(NULL, 4096 * (i % 5 + 1), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (q == MAP_FAILED) {
			fail_at(__LINE__, "mmap %zu: %s", i, strerror(errno));
			break;
		}
		*(volatile char *)q = 1;
		EXPECT_OK(munmap(q, 4096 * (i % 5 + 1)));
	}
}

void test_malloc(void)
{
	enum { SLOTS = 500, ROUNDS = 20000 };
	static unsigned char *ptr[SLOTS];
	static size_t len[SLOTS];
	unsigned int seed = 12345;
	size_t i, k, n;
	unsigned char *q;

	for (i = 0; i < ROUNDS; i++) {
		k = (size_t)rand_r(&seed) % SLOTS;
		if (ptr[k]) {
			for (n = 0; n < len[k]; n++) {
				if (ptr[k][n] != (unsigned char)(k + n)) {
					fail_at(__LINE__, "block %zu (%zu bytes) corrupt at %zu", k, len[k], n);
					return;
				}
			}
			if (rand_r(&seed) % 2) {
				free(ptr[k]);
				ptr[k] = NULL;
				continue;
			}
			n = (size_t)rand_r(&seed) % (rand_r(&seed) % 10 ? 512 : 300000);
			q = realloc(ptr[k], n);
			if (!q && n) {
				fail_at(__LINE__, "realloc to %zu failed", n);
				return;
			}
			ptr[k] = q;
			for (; len[k] < n; len[k]++)
				ptr[k][len[k]] = (unsigned char)(k + len[k]);
			len[k] = n;
			continue;
		}
		n = (size_t)rand_r(&seed) % (rand_r(&seed) % 10 ? 512 : 300000);
		ptr[k] = malloc(n);
		if (!ptr[k]) {
			fail_at(__LINE__, "malloc(%zu) failed", n);
			return;
		}
		len[k] = n;
		for (n = 0; n < len[k]; n++)
			ptr[k][n] = (unsigned char)(k + n);
	}
	for (k = 0; k < SLOTS; k++)
		free(ptr[k]);
	q = calloc(1000, 1000);
	CHECK(q != NULL, "calloc 1 MB failed");
	for (i = 0; q && i < 1000000; i++)
		if (q[i]) {
			fail_at(__LINE__, "calloc memory not zero at %zu", i);
			break;
		}
	free(q);
	CHECK(malloc(SIZE_MAX / 2 + 1) == NULL, "malloc(huge) did not fail");
	CHECK(calloc(SIZE_MAX / 4, 8) == NULL, "calloc overflow did not fail");
}

/*
 * Out of memory: a child maps and touches 1 MiB at a time until the kernel says no (ENOMEM from
 * mmap, or the child is killed); the kernel must survive, and the memory must all come back.
 * Only on MenuOS: on a Linux host this would only wake the OOM killer of the build machine.
 */
static int read_counters(long vals[]);

void test_outofmem(void)
{
	long before[4], after[4];
	long mib = 0;
	int st, tries;
	pid_t pid;
	void *p;

	if (read_counters(before) < 0)
		skip_test("not MenuOS (no PagesUsed: in /proc/meminfo): exhausting the host's memory is not a test");
	pid = fork();
	if (pid == 0) {
		for (;;) {
			p = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
			if (p == MAP_FAILED)
				_exit(errno == ENOMEM ? 0 : 1);
			memset(p, 0x5a, 1 << 20);
			mib++;
			if (mib > (1L << 20))	/* a terabyte: the kernel never refused */
				_exit(2);
		}
	}
	CHECK(waitpid(pid, &st, 0) == pid, "waitpid: %s", strerror(errno));
	CHECK((WIFEXITED(st) && WEXITSTATUS(st) == 0) || (WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL),
	      "memory hog: status %#x, expected exit 0 after ENOMEM (or SIGKILL)", st);
	for (tries = 0; tries < 10; tries++) {
		if (tries)
			usleep(100000);
		read_counters(after);
		if (after[0] == before[0])
			break;
	}
	CHECK(after[0] == before[0], "PagesUsed %ld before, %ld after the memory hog exited", before[0], after[0]);
	/* And the machine still works: fork, exec. */
	pid = fork();
	if (pid == 0)
		_exit(9);
	CHECK(pid > 0 && waitpid(pid, &st, 0) == pid && WEXITSTATUS(st) == 9, "fork after OOM failed");
}

/* The MenuOS counters in /proc/meminfo (absent on Linux: the test is skipped there). */
static const char *const counters[] = { "PagesUsed:", "SlabObjects:", "OpenFiles:", "Tasks:" };
#define NR_COUNTERS (sizeof(counters) / sizeof(counters[0]))

static int read_counters(long vals[])
{
	static char buf[4096];
	int found = 0;
	size_t i;
	char *p;

	if (read_text_file("/proc/meminfo", buf, sizeof(buf)) < 0)
		return -1;
	for (i = 0; i < NR_COUNTERS; i++) {
		p = strstr(buf, counters[i]);
		if (p) {
			vals[i] = strtol(p + strlen(counters[i]), NULL, 10);
			found++;
		}
	}
	return found == (int)NR_COUNTERS ? 0 : -1;
}

/* Processes, pipes, memory: everything a program can make the kernel allocate, then release. */
static void workload(void)
{
	int fds[2], st, i;
	void *p;
	pid_t pid;

	for (i = 0; i < 10; i++) {
		if (pipe(fds) == 0) {
			write(fds[1], "x", 1);
			close(fds[0]);
			close(fds[1]);
		}
		pid = fork();
		if (pid == 0) {
			p = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
			if (p != MAP_FAILED)
				memset(p, 1, 1 << 20);
			sbrk(256 << 10);
			_exit(0);
		}
		if (pid > 0)
			waitpid(pid, &st, 0);
	}
	pid = fork();
	if (pid == 0) {
		char *argv[] = { (char *)self_path, "--exec-child", "0", "two words", "", NULL };
		char *envp[] = { "USERTESTS_FOO=bar", NULL };

		execve(self_path, argv, envp);
		_exit(1);
	}
	if (pid > 0)
		waitpid(pid, &st, 0);
}

void test_memleak(void)
{
	long before[NR_COUNTERS], after[NR_COUNTERS];
	size_t i;
	int tries, same = 0;

	if (read_counters(before) < 0)
		skip_test("no MenuOS counters (PagesUsed:, SlabObjects: ...) in /proc/meminfo: not our kernel");
	workload();		/* warm up: caches and our own heap reach their working size */
	read_counters(before);
	workload();
	/* Freeing may lag a little (a reaped task's stack, deferred work): look again for up to a second. */
	for (tries = 0; tries < 10 && !same; tries++) {
		if (tries)
			usleep(100000);
		read_counters(after);
		for (same = 1, i = 0; i < NR_COUNTERS; i++)
			same &= after[i] == before[i];
	}
	for (i = 0; i < NR_COUNTERS; i++) {
		printf("  %-13s before %ld after %ld\n", counters[i], before[i], after[i]);
		CHECK(after[i] == before[i], "%s did not return to its baseline (%+ld)", counters[i],
		      after[i] - before[i]);
	}
}
