/* Compiler attributes. Every function in the call-chain contract is marked noinline.
 * Each is guarded because the host build of net/ also sees the C library's headers. */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#ifndef noinline
#define noinline		__attribute__((noinline))
#endif
#ifndef __always_inline
#define __always_inline		inline __attribute__((always_inline))
#endif
#ifndef __packed
#define __packed		__attribute__((packed))
#endif
#ifndef __aligned
#define __aligned(x)		__attribute__((aligned(x)))
#endif
#ifndef __noreturn
#define __noreturn		__attribute__((noreturn))
#endif
#ifndef __maybe_unused
#define __maybe_unused		__attribute__((unused))
#endif
#ifndef __used
#define __used			__attribute__((used))
#endif
#ifndef __section
#define __section(s)		__attribute__((section(s)))
#endif
#ifndef __printf
#define __printf(a, b)		__attribute__((format(printf, a, b)))
#endif
#ifndef __user
#define __user			/* a pointer into user space: cross only via uaccess.h */
#endif
#ifndef __iomem
#define __iomem			/* a pointer to device registers: use readl()/writel() */
#endif
#ifndef __force
#define __force
#endif

#ifndef likely
#define likely(x)		__builtin_expect(!!(x), 1)
#endif
#ifndef unlikely
#define unlikely(x)		__builtin_expect(!!(x), 0)
#endif
#ifndef barrier
#define barrier()		__asm__ __volatile__("" ::: "memory")
#endif

#ifndef READ_ONCE
#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#endif
#ifndef WRITE_ONCE
#define WRITE_ONCE(x, v)	(*(volatile __typeof__(x) *)&(x) = (v))
#endif

#endif
