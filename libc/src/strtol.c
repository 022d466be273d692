/*
 * Number parsing: strtoull is the one parser (sign, base prefix, overflow to ERANGE); the signed
 * forms clamp its result. Followed by strtod (decimal only, enough for "0.5" style arguments).
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

double strtod(const char *restrict s, char **restrict end)
{
	const char *p = s;
	double v = 0, scale = 1;
	int neg = 0, any = 0, exp = 0, eneg = 0;

	while (isspace((unsigned char)*p))
		p++;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	for (; isdigit((unsigned char)*p); p++, any = 1)
		v = v * 10 + (*p - '0');
	if (*p == '.')
		for (p++; isdigit((unsigned char)*p); p++, any = 1)
			v += (*p - '0') * (scale /= 10);
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
			if (exp < 400)
				exp = exp * 10 + (*p - '0');
		while (exp--)
			v = eneg ? v / 10 : v * 10;
	}
	if (end)
		*end = (char *)p;
	return neg ? -v : v;
}

double atof(const char *s)
{
	return strtod(s, NULL);
}
