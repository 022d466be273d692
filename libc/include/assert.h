/* assert(): print the failed expression and where, then abort(). Not guarded: NDEBUG may change between includes. */
#include <features.h>

#undef assert
#ifdef NDEBUG
#define assert(expr)	((void)0)
#else
__BEGIN_DECLS
__libc_noreturn void __assert_fail(const char *expr, const char *file, unsigned int line, const char *func);
__END_DECLS
#define assert(expr)	((expr) ? (void)0 : __assert_fail(#expr, __FILE__, __LINE__, __func__))
#endif

#ifndef __cplusplus
#define static_assert _Static_assert
#endif
