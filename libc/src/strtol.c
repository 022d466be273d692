/*
 * Number parsing: strtoull is the one parser (sign, base prefix, overflow to ERANGE); the signed
 * forms clamp its result. Then strtod (decimal; correctly rounded for the usual short inputs).
 */
#include <stdlib.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <inttypes.h>

static int digit_value(int c)
{
	if (isdigit(c))
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

/*
 * Parse magnitude and sign. Returns the magnitude (saturated at ULLONG_MAX with *overflow set),
 * *neg for a leading '-', and *end after the last digit used (or s when there were none).
 */
static unsigned long long parse_ull(const char *s, char **end, int base, int *neg, int *overflow)
{
	const char *p = s, *digits;
	unsigned long long v = 0;
	int d;

	*neg = 0;
	*overflow = 0;
	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		if (end)
			*end = (char *)s;
		return 0;
	}
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '-' || *p == '+')
		*neg = *p++ == '-';
	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
	    digit_value((unsigned char)p[2]) < 16) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = p[0] == '0' ? 8 : 10;
	}
	digits = p;
	for (; (d = digit_value((unsigned char)*p)) < base; p++) {
		if (v > (ULLONG_MAX - (unsigned int)d) / (unsigned int)base)
			*overflow = 1;
		else
			v = v * (unsigned int)base + (unsigned int)d;
	}
	if (end)
		*end = (char *)(p == digits ? s : p);
	if (*overflow) {
		errno = ERANGE;
		return ULLONG_MAX;
	}
	return v;
}

unsigned long long strtoull(const char *restrict s, char **restrict end, int base)
{
	int neg, overflow;
	unsigned long long v = parse_ull(s, end, base, &neg, &overflow);

	/* C says "-1" converts to ULLONG_MAX: negation in the unsigned type. */
	return overflow ? v : (neg ? -v : v);
}

unsigned long strtoul(const char *restrict s, char **restrict end, int base)
{
	return strtoull(s, end, base);	/* unsigned long is 64 bits here */
}

long long strtoll(const char *restrict s, char **restrict end, int base)
{
	int neg, overflow;
	unsigned long long v = parse_ull(s, end, base, &neg, &overflow);

	if (neg) {
		if (overflow || v > (unsigned long long)LLONG_MAX + 1) {
			errno = ERANGE;
			return LLONG_MIN;
		}
		return (long long)-v;
	}
	if (overflow || v > LLONG_MAX) {
		errno = ERANGE;
		return LLONG_MAX;
	}
	return (long long)v;
}

long strtol(const char *restrict s, char **restrict end, int base)
{
	return strtoll(s, end, base);
}

intmax_t strtoimax(const char *restrict s, char **restrict end, int base)
{
	return strtoll(s, end, base);
}

uintmax_t strtoumax(const char *restrict s, char **restrict end, int base)
{
	return strtoull(s, end, base);
}

int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

long atol(const char *s)
{
	return strtol(s, NULL, 10);
}

long long atoll(const char *s)
{
	return strtoll(s, NULL, 10);
}

/*
 * Decimal strtod. With at most 15 significant digits and a power of ten up to 22 both the digits
 * and 10^k are exact doubles, so one multiply or divide gives the correctly rounded result (the
 * usual "fast path", which covers what command lines and /proc files contain). Longer inputs are
 * accumulated in long double and may differ from glibc in the last bit.
 */
static const double exact_pow10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
				       1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };

double strtod(const char *restrict s, char **restrict end)
{
	const char *p = s;
	unsigned long long mant = 0;
	long double v;
	int neg = 0, any = 0, ndig = 0, dropped = 0, exp = 0, e = 0, eneg = 0;

	while (isspace((unsigned char)*p))
		p++;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	for (; isdigit((unsigned char)*p); p++, any = 1) {
		if (ndig < 19) {
			mant = mant * 10 + (unsigned)(*p - '0');
			ndig += mant != 0;
		} else {
			dropped++;	/* beyond 19 digits: only the magnitude counts */
		}
	}
	exp = dropped;
	if (*p == '.') {
		for (p++; isdigit((unsigned char)*p); p++, any = 1) {
			if (ndig < 19) {
				mant = mant * 10 + (unsigned)(*p - '0');
				ndig += mant != 0;
				exp--;
			}
		}
	}
	if (!any) {
		if (end)
			*end = (char *)s;
		return 0;
	}
	if ((*p == 'e' || *p == 'E') &&
	    (isdigit((unsigned char)p[1]) || ((p[1] == '-' || p[1] == '+') && isdigit((unsigned char)p[2])))) {
		p++;
		if (*p == '-' || *p == '+')
			eneg = *p++ == '-';
		for (; isdigit((unsigned char)*p); p++)
			if (e < 10000)
				e = e * 10 + (*p - '0');
		exp += eneg ? -e : e;
	}
	if (end)
		*end = (char *)p;
	if (mant == 0)
		return neg ? -0.0 : 0.0;
	if (ndig <= 15 && exp >= -22 && exp <= 22) {
		double d = (double)mant;

		d = exp < 0 ? d / exact_pow10[-exp] : d * exact_pow10[exp];
		return neg ? -d : d;
	}
	v = (long double)mant;
	for (; exp > 0; exp--)
		v *= 10;
	for (; exp < 0; exp++)
		v /= 10;
	if (v > __DBL_MAX__ || (v != 0 && v < __DBL_DENORM_MIN__))
		errno = ERANGE;
	return neg ? -(double)v : (double)v;
}

double atof(const char *s)
{
	return strtod(s, NULL);
}
