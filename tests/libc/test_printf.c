/* printf family: conversions, flags, width/precision, lengths, return values, truncation. */
#include <stdio.h>
#include <stdint.h>
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>
#include <fcntl.h>
#include "tap.h"

#define T(want, ...) do {						\
	char buf[256];							\
	int n = snprintf(buf, sizeof(buf), __VA_ARGS__);		\
	is_str(buf, want, "snprintf(" #__VA_ARGS__ ")");		\
	if (n != (int)strlen(want))					\
		ok(0, "return value %d for %s", n, #__VA_ARGS__);	\
} while (0)

int main(void)
{
	char *volatile null_string = NULL;	/* volatile: gcc would warn about %s with NULL */
	char small[8], *s;
	int n, count;

	T("42", "%d", 42);
	T("-42", "%i", -42);
	T("  42", "%4d", 42);
	T("42  |", "%-4d|", 42);
	T("0042", "%04d", 42);
	T("+42", "%+d", 42);
	T(" 42", "% d", 42);
	T("-0042", "%05d", -42);
	T("00042", "%.5d", 42);
	T("   00042", "%8.5d", 42);
	T("", "%.0d", 0);
	T("-2147483648", "%d", INT_MIN);
	T("9223372036854775807", "%ld", LONG_MAX);
	T("-9223372036854775808", "%lld", LLONG_MIN);
	T("18446744073709551615", "%lu", ULONG_MAX);
	T("4294967295", "%u", UINT_MAX);
	T("255 ff FF 377", "%u %x %X %o", 255, 255, 255, 255);
	T("0xff 0XFF 0377 0", "%#x %#X %#o %#x", 255, 255, 255, 0);
	T("0x00ff", "%#06x", 255);
	T("-1 255", "%hhd %hhu", 255, 255);
	T("-1 65535", "%hd %hu", 65535, 65535);
	T("123 456 789", "%zu %td %jd", (size_t)123, (ptrdiff_t)456, (intmax_t)789);
	T("c|  c|c  |", "%c|%3c|%-3c|", 'c', 'c', 'c');
	T("hello|  hel|hel  |", "%s|%5.3s|%-5.3s|", "hello", "hello", "hello");
	T("(null)", "%s", null_string);
	T("100%", "%d%%", 100);
	T("0x1234", "%p", (void *)0x1234);
	T("(nil)", "%p", NULL);
	T("   42", "%*d", 5, 42);
	T("42   |", "%*d|", -5, 42);
	T("3.14", "%.*f", 2, 3.14159);
	T("3.141590", "%f", 3.14159);
	T("-0.500000", "%f", -0.5);
	T("1", "%.0f", 0.5 + 0.5);
	T("2.50", "%.2f", 2.5);
	T("1000000.000000", "%f", 1e6);
	T("1.000000e+06", "%e", 1e6);
	T("1.234568e-05", "%e", 0.0000123456789);
	T("1e+06", "%g", 1e6);
	T("100000", "%g", 1e5);
	T("0.0001", "%g", 0.0001);
	T("1e-05", "%g", 0.00001);
	T("3.14159", "%g", 3.14159265);
	T("  3.1", "%5.2g", 3.14159);
	T("inf -inf nan -nan", "%f %f %f %f", 1.0 / 0.0, -1.0 / 0.0, __builtin_nan(""), -__builtin_nan(""));
	T("+1.50", "%+.2f", 1.5);
	T("0001.5", "%06.1f", 1.5);
	T("12.35 MB/s", "%.2f MB/s", 12.3456);

	/* Truncation: the return value is what would have been written. */
	n = snprintf(small, sizeof(small), "%s", "0123456789");
	is_long(n, 10, "snprintf returns the untruncated length");
	is_str(small, "0123456", "snprintf truncates and terminates");
	is_long(snprintf(NULL, 0, "%d", 12345), 5, "snprintf(NULL, 0) measures");

	n = snprintf(small, sizeof(small), "ab%ncd", &count);
	ok(count == 2 && n == 4, "%%n stores the count so far (%d)", count);

	ok(asprintf(&s, "%s-%d", "x", 7) == 3 && !strcmp(s, "x-7"), "asprintf");
	free(s);

	/* dprintf writes through the descriptor; read it back through a pipe. */
	{
		int fds[2];
		char buf[64] = "";

		pipe(fds);
		n = dprintf(fds[1], "fd %d %s\n", 5, "ok");
		close(fds[1]);
		read(fds[0], buf, sizeof(buf) - 1);
		close(fds[0]);
		ok(n == 8 && !strcmp(buf, "fd 5 ok\n"), "dprintf (%d, \"%s\")", n, buf);
	}
	return done_testing();
}
