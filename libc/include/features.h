/* Common definitions for libc headers: C/C++ linkage markers and attributes. */
#ifndef _FEATURES_H
#define _FEATURES_H

#ifdef __cplusplus
#define __BEGIN_DECLS	extern "C" {
#define __END_DECLS	}
#else
#define __BEGIN_DECLS
#define __END_DECLS
#endif

#define __libc_noreturn		__attribute__((__noreturn__))
#define __libc_printf(a, b)	__attribute__((__format__(__printf__, a, b)))
#define __libc_scanf(a, b)	__attribute__((__format__(__scanf__, a, b)))

#endif
