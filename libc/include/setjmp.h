/* Non-local jumps. */
#ifndef _SETJMP_H
#define _SETJMP_H

#include <features.h>

__BEGIN_DECLS

typedef long jmp_buf[8];	/* rbx, rbp, r12-r15, rsp, return address */

int setjmp(jmp_buf env) __attribute__((__returns_twice__));
__libc_noreturn void longjmp(jmp_buf env, int val);

__END_DECLS

#endif
