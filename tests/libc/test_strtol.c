/* strtol family: bases, prefixes, signs, overflow to ERANGE, end pointers. */
#include <stdlib.h>
#include <errno.h>
#include <limits.h>
#include "tap.h"

static void check_l(const char *s, int base, long want, int want_errno, long want_end)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, base);
	ok(v == want && errno == want_errno && end - s == want_end,
	   "strtol(\"%s\", %d) = %ld errno %d end +%ld", s, base, v, errno, (long)(end - s));
}

static void check_ul(const char *s, int base, unsigned long want, int want_errno, long want_end)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, base);
	ok(v == want && errno == want_errno && end - s == want_end,
	   "strtoul(\"%s\", %d) = %lu errno %d end +%ld", s, base, v, errno, (long)(end - s));
}

int main(void)
{
	check_l("123", 10, 123, 0, 3);
	check_l("  -42xyz", 10, -42, 0, 5);
	check_l("+7", 10, 7, 0, 2);
	check_l("0x1F", 16, 31, 0, 4);
	check_l("0x1F", 0, 31, 0, 4);
	check_l("017", 0, 15, 0, 3);
	check_l("0", 0, 0, 0, 1);
	check_l("0x", 16, 0, 0, 1);		/* "0" parsed, 'x' left */
	check_l("0xg", 0, 0, 0, 1);
	check_l("z", 36, 35, 0, 1);
	check_l("101", 2, 5, 0, 3);
	check_l("", 10, 0, 0, 0);
	check_l("  ", 10, 0, 0, 0);		/* no digits: end = start */
	check_l("-", 10, 0, 0, 0);
	check_l("9223372036854775807", 10, LONG_MAX, 0, 19);
	check_l("9223372036854775808", 10, LONG_MAX, ERANGE, 19);
	check_l("-9223372036854775808", 10, LONG_MIN, 0, 20);
	check_l("-9223372036854775809", 10, LONG_MIN, ERANGE, 20);
	check_l("99999999999999999999999", 10, LONG_MAX, ERANGE, 23);
	check_l("12", 1, 0, EINVAL, 0);
	check_l("12", 37, 0, EINVAL, 0);
	check_ul("18446744073709551615", 10, ULONG_MAX, 0, 20);
	check_ul("18446744073709551616", 10, ULONG_MAX, ERANGE, 20);
	check_ul("-1", 10, ULONG_MAX, 0, 2);	/* C: negated in the unsigned type */
	check_ul("0xffffffffffffffff", 0, ULONG_MAX, 0, 18);
	ok(atoi("  12abc") == 12 && atoi("-5") == -5 && atoi("x") == 0, "atoi");
	ok(strtoll("-9223372036854775808", NULL, 10) == LLONG_MIN, "strtoll minimum");
	ok(strtoull("12345678901234567890", NULL, 10) == 12345678901234567890ULL, "strtoull big");
	{
		char *end;
		double d = strtod("3.25e2x", &end);

		ok(d == 325.0 && *end == 'x', "strtod 3.25e2 (%g)", d);
		ok(strtod("abc", &end) == 0 && *end == 'a', "strtod no digits");
		ok(atof("-0.5") == -0.5, "atof");
		ok(strtod("0.1", NULL) == 0.1 && strtod("1234.56", NULL) == 1234.56 && strtod("1e22", NULL) == 1e22 &&
		   strtod("3.14159", NULL) == 3.14159 && strtod("123456789012345", NULL) == 123456789012345.0,
		   "strtod is exact on short inputs (0.1, 1234.56, 1e22, 3.14159)");
		ok(strtod("1e400", &end) > 1e308 && errno == ERANGE, "strtod overflow: ERANGE");
		ok(strtod("0.000", NULL) == 0 && strtod("-0", NULL) == 0, "strtod zeros");
	}
	return done_testing();
}
