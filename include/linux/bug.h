/* Invariant checks: BUG_ON for broken invariants (panic), WARN_ON_ONCE for the suspicious. */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>

void panic(const char *fmt, ...) __printf(1, 2) __noreturn;
void __warn(const char *file, int line, const char *cond);

#define BUG()		panic("kernel BUG at %s:%d!", __FILE__, __LINE__)
#define BUG_ON(c)	do { if (unlikely(c)) panic("kernel BUG at %s:%d: %s", __FILE__, __LINE__, #c); } while (0)
#define WARN_ON(c)	({ int _w = !!(c); if (unlikely(_w)) __warn(__FILE__, __LINE__, #c); unlikely(_w); })
#define WARN_ON_ONCE(c)	({ static bool _once; int _w = !!(c); \
			   if (unlikely(_w) && !_once) { _once = true; __warn(__FILE__, __LINE__, #c); } \
			   unlikely(_w); })
#define BUILD_BUG_ON(c)	_Static_assert(!(c), #c)

#endif
