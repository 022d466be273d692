/*
 * A few lines of TAP for the libc tests (built with our libc, run on the Linux host):
 * ok(cond, name, ...) prints "ok N - name" or "not ok N - name"; is_str/is_long show both values
 * on failure; the plan goes at the end ("1..N") and the exit status counts failures.
 */
#ifndef _TESTS_LIBC_TAP_H
#define _TESTS_LIBC_TAP_H

#include <stdio.h>
#include <stdarg.h>
#include <string.h>

static int tap_n, tap_failed;

__attribute__((format(printf, 2, 3)))
static __attribute__((unused)) int ok(int cond, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d - ", cond ? "" : "not ", ++tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!cond)
		tap_failed++;
	return cond;
}

static __attribute__((unused)) int is_str(const char *got, const char *want, const char *name)
{
	int same = got && want && !strcmp(got, want);

	ok(same, "%s", name);
	if (!same)
		printf("#   got:  \"%s\"\n#   want: \"%s\"\n", got ? got : "(null)", want ? want : "(null)");
	return same;
}

static __attribute__((unused)) int is_long(long got, long want, const char *name)
{
	ok(got == want, "%s", name);
	if (got != want)
		printf("#   got: %ld, want: %ld\n", got, want);
	return got == want;
}

static __attribute__((unused)) int done_testing(void)
{
	printf("1..%d\n", tap_n);
	fflush(stdout);
	return tap_failed ? 1 : 0;
}

#endif
