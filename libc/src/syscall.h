/*
 * Private to libc: the x86_64 `syscall` instruction (number in rax, arguments in rdi, rsi, rdx, r10,
 * r8, r9; rcx and r11 are clobbered) and the errno convention: the kernel returns -4095..-1 for an
 * error, which the wrappers turn into -1 with errno set, exactly as Linux C libraries do.
 */
#ifndef _LIBC_SYSCALL_H
#define _LIBC_SYSCALL_H

#include <asm/unistd.h>

static inline long __syscall6(long n, long a, long b, long c, long d, long e, long f)
{
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;
	long ret;

	__asm__ __volatile__("syscall"
			     : "=a"(ret)
			     : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			     : "rcx", "r11", "memory");
	return ret;
}

#define __syscall0(n)			__syscall6(n, 0, 0, 0, 0, 0, 0)
#define __syscall1(n, a)		__syscall6(n, (long)(a), 0, 0, 0, 0, 0)
#define __syscall2(n, a, b)		__syscall6(n, (long)(a), (long)(b), 0, 0, 0, 0)
#define __syscall3(n, a, b, c)		__syscall6(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define __syscall4(n, a, b, c, d)	__syscall6(n, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define __syscall5(n, a, b, c, d, e)	__syscall6(n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)

/* Turn a raw kernel return into the C convention: -1 and errno for -4095..-1. */
long __syscall_ret(long ret);

#define syscall0(n)			__syscall_ret(__syscall0(n))
#define syscall1(n, a)			__syscall_ret(__syscall1(n, a))
#define syscall2(n, a, b)		__syscall_ret(__syscall2(n, a, b))
#define syscall3(n, a, b, c)		__syscall_ret(__syscall3(n, a, b, c))
#define syscall4(n, a, b, c, d)		__syscall_ret(__syscall4(n, a, b, c, d))
#define syscall5(n, a, b, c, d, e)	__syscall_ret(__syscall5(n, a, b, c, d, e))
#define syscall6(n, a, b, c, d, e, f)	\
	__syscall_ret(__syscall6(n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f)))

#endif
