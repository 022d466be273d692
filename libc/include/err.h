/* BSD error reporting: "prog: message: strerror(errno)" on stderr. */
#ifndef _ERR_H
#define _ERR_H

#include <features.h>
#include <stdarg.h>

__BEGIN_DECLS

__libc_noreturn void err(int status, const char *fmt, ...) __libc_printf(2, 3);
__libc_noreturn void errx(int status, const char *fmt, ...) __libc_printf(2, 3);
void warn(const char *fmt, ...) __libc_printf(1, 2);
void warnx(const char *fmt, ...) __libc_printf(1, 2);
void vwarn(const char *fmt, va_list ap) __libc_printf(1, 0);
void vwarnx(const char *fmt, va_list ap) __libc_printf(1, 0);

__END_DECLS

#endif
