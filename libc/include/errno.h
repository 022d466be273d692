/* errno: the last system call error, with Linux's numbers. */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <features.h>
#include <asm-generic/errno.h>

__BEGIN_DECLS

extern int errno;	/* one thread per process: a plain global */

extern char *program_invocation_name;
extern char *program_invocation_short_name;

__END_DECLS

#endif
