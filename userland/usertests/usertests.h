/*
 * usertests: system call tests in the style of xv6's usertests. Each test runs in its own child
 * process (a crash fails that test, not the run), checks results against Linux semantics, and the
 * same binary passes on a Linux host, so a failure under our kernel is a real difference.
 */
#ifndef _USERTESTS_H
#define _USERTESTS_H

#include <errno.h>
#include <stdint.h>

/* Addresses no user pointer may name: the kernel's direct map and text, and a non-canonical one. */
#define KERNEL_DIRECT_MAP	((void *)0xffff888000000000UL)
#define KERNEL_TEXT		((void *)0xffffffff80000000UL)
#define NON_CANONICAL		((void *)0x8000000000000000UL)

struct test {
	const char *name;
	void (*fn)(void);
	const char *what;
};

extern const struct test all_tests[];
extern const char *self_path;	/* argv[0], to exec ourselves */

void fail_at(int line, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void skip_test(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
int test_failures(void);

/* An address that was mapped and is not any more (falls back to a high unmapped one). */
void *unmapped_addr(void);
/* NULL, an unmapped user page, kernel addresses, a non-canonical address. */
#define NR_BAD_PTRS 5
void *bad_ptr(int i);
const char *bad_ptr_name(int i);

#define CHECK(cond, ...) do {						\
	if (!(cond))							\
		fail_at(__LINE__, __VA_ARGS__);				\
} while (0)

/* expr must fail with -1 and errno == err (or err2: where Linux itself allows either). */
#define EXPECT_ERR2(expr, err, err2) do {				\
	long __r;							\
	errno = 0;							\
	__r = (long)(expr);						\
	if (__r != -1 || (errno != (err) && errno != (err2)))		\
		fail_at(__LINE__, "%s: returned %ld, errno %d (%s); expected -1 with %s", \
			#expr, __r, errno, strerror(errno), #err);	\
} while (0)
#define EXPECT_ERR(expr, err)	EXPECT_ERR2(expr, err, err)

#define EXPECT_OK(expr) ({						\
	long __r;							\
	errno = 0;							\
	__r = (long)(expr);						\
	if (__r < 0)							\
		fail_at(__LINE__, "%s: returned %ld, errno %d (%s)", #expr, __r, errno, strerror(errno)); \
	__r;								\
})

/* Tests, one file per area. */
void test_badfd(void);
void test_badptr(void);
void test_hugelen(void);
void test_badargs(void);
void test_forkwait(void);
void test_exec(void);
void test_cloexec(void);
void test_kill(void);
void test_signal(void);
void test_pipe(void);
void test_pipeline(void);
void test_concurrent(void);
void test_sbrk(void);
void test_mmap(void);
void test_malloc(void);
void test_forkmem(void);
void test_fdlimit(void);
void test_time(void);
void test_uname(void);
void test_procfs(void);
void test_sockets(void);
void test_netloop(void);
void test_outofmem(void);
void test_memleak(void);

/* exec test: what the re-executed binary does when called as "usertests --exec-child ...". */
int exec_child_main(int argc, char **argv);

#endif
