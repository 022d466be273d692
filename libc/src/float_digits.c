/*
 * Exact decimal digits of a double, for printf's %f %e %g. A finite double is m * 2^e with an
 * integer m; for e < 0 that equals (m * 5^-e) / 10^-e, so multiplying m by a power of 2 or of 5
 * in a big integer (base 10^9 limbs) gives every decimal digit exactly. Rounding then looks at the
 * true digits: round half to even only on an exact tie, as C requires with the default rounding mode.
 */
#include <string.h>
#include <stdint.h>
#include "stdio_impl.h"

#define LIMBS	130	/* 1170 decimal digits: 5^1074 * 2^53 has 767 + 16 */
#define BASE	1000000000U

struct bignum {
	uint32_t limb[LIMBS];	/* little-endian, base 10^9 */
	int n;
};

static void big_mul_small(struct bignum *b, uint32_t f)
{
	uint64_t carry = 0;
	int i;

	for (i = 0; i < b->n; i++) {
		carry += (uint64_t)b->limb[i] * f;
		b->limb[i] = (uint32_t)(carry % BASE);
		carry /= BASE;
	}
	while (carry && b->n < LIMBS) {
		b->limb[b->n++] = (uint32_t)(carry % BASE);
		carry /= BASE;
	}
}

/*
 * Digits of |v| (finite, not zero) into digits[] (no leading zeros); returns their count and sets
 * *exp10 to the decimal exponent of the first digit (v = 0.d1d2d3... * 10^(exp10 + 1)).
 */
int __float_digits(double v, char *digits, int *exp10)
{
	union { double d; uint64_t u; } bits = { .d = v };
	uint64_t m = bits.u & ((1ULL << 52) - 1);
	int e = (int)((bits.u >> 52) & 0x7ff), scale = 0, len = 0, i, k;
	struct bignum b;
	char tmp[10];

	if (e)
		m |= 1ULL << 52;
	else
		e = 1;			/* subnormal */
	e -= 1075;			/* v = m * 2^e */
	/* Drop trailing zero bits of m: fewer digits to carry around. */
	while (m && !(m & 1)) {
		m >>= 1;
		e++;
	}
	b.limb[0] = (uint32_t)(m % BASE);
	b.limb[1] = (uint32_t)(m / BASE % BASE);
	b.limb[2] = (uint32_t)(m / BASE / BASE);
	b.n = b.limb[2] ? 3 : b.limb[1] ? 2 : 1;
	for (; e > 0; e -= k) {
		k = e > 29 ? 29 : e;
		big_mul_small(&b, 1U << k);
	}
	for (; e < 0; e += k) {
		static const uint32_t pow5[14] = { 1, 5, 25, 125, 625, 3125, 15625, 78125, 390625, 1953125,
						   9765625, 48828125, 244140625, 1220703125 };

		k = -e > 13 ? 13 : -e;
		big_mul_small(&b, pow5[k]);
		scale += k;		/* digits after the decimal point */
	}
	/* Most significant limb without leading zeros, then 9 digits per limb. */
	for (i = b.n - 1; i >= 0; i--) {
		uint32_t x = b.limb[i];

		for (k = 8; k >= 0; k--) {
			tmp[k] = (char)('0' + x % 10);
			x /= 10;
		}
		if (i == b.n - 1) {
			for (k = 0; k < 8 && tmp[k] == '0'; k++)
				;
			memcpy(digits, tmp + k, (size_t)(9 - k));
			len = 9 - k;
		} else {
			memcpy(digits + len, tmp, 9);
			len += 9;
		}
	}
	*exp10 = len - scale - 1;
	while (len > 1 && digits[len - 1] == '0')
		len--;
	return len;
}

/*
 * Round the digit string d[0..len) to n significant digits (n may be 0 or negative: then the
 * result is 0 or a single 1 at position exp10 - n + 1...). Returns the new length; *exp10 moves up
 * on a carry out of the first digit. d must have room for max(n, 1) digits.
 */
int __round_digits(char *d, int len, int n, int *exp10)
{
	int up, i;

	if (n >= len)
		return len;
	if (n < 0) {
		d[0] = '0';	/* far below the last place kept: zero */
		return 0;
	}
	if (d[n] > '5')
		up = 1;
	else if (d[n] < '5')
		up = 0;
	else {
		for (up = 0, i = n + 1; i < len; i++)
			up |= d[i] != '0';
		if (!up)	/* an exact tie: to even (with no digit kept, the kept value is 0: even) */
			up = n > 0 && ((d[n - 1] - '0') & 1);
	}
	if (!up)
		return n;
	for (i = n - 1; i >= 0; i--) {
		if (d[i] != '9') {
			d[i]++;
			return n;
		}
		d[i] = '0';
	}
	/* All nines (or nothing kept): the value becomes 1 at one place higher. */
	d[0] = '1';
	(*exp10)++;
	return n > 0 ? n : 1;
}
