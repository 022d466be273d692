/* Memory system calls: mmap family and the program break (brk/sbrk), which malloc grows. */
#include <sys/mman.h>
#include <unistd.h>
#include <stdarg.h>
#include <stdint.h>
#include <errno.h>
#include "syscall.h"

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return (void *)syscall6(__NR_mmap, addr, len, prot, flags, fd, off);
}

int munmap(void *addr, size_t len)
{
	return (int)syscall2(__NR_munmap, addr, len);
}

int mprotect(void *addr, size_t len, int prot)
{
	return (int)syscall3(__NR_mprotect, addr, len, prot);
}

int madvise(void *addr, size_t len, int advice)
{
	return (int)syscall3(__NR_madvise, addr, len, advice);
}

void *mremap(void *old, size_t oldlen, size_t newlen, int flags, ...)
{
	void *new_addr = NULL;
	va_list ap;

	if (flags & MREMAP_FIXED) {
		va_start(ap, flags);
		new_addr = va_arg(ap, void *);
		va_end(ap);
	}
	return (void *)syscall5(__NR_mremap, old, oldlen, newlen, flags, new_addr);
}

/*
 * The brk system call never fails in the C sense: it returns the new break, or the old one when it
 * could not move it. The current break is cached so sbrk(0) costs nothing after the first call.
 */
static uintptr_t cur_brk;

int brk(void *addr)
{
	uintptr_t ret = (uintptr_t)__syscall1(__NR_brk, addr);

	cur_brk = ret;
	if (ret < (uintptr_t)addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

void *sbrk(intptr_t increment)
{
	uintptr_t old;

	if (!cur_brk)
		cur_brk = (uintptr_t)__syscall1(__NR_brk, 0);
	old = cur_brk;
	if (increment == 0)
		return (void *)old;
	if ((increment > 0 && old + (uintptr_t)increment < old) ||
	    (increment < 0 && (uintptr_t)-increment > old)) {
		errno = ENOMEM;
		return (void *)-1;
	}
	if (brk((void *)(old + (uintptr_t)increment)) < 0)
		return (void *)-1;
	return (void *)old;
}
