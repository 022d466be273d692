/*
 * <math.h>: sqrt is the SSE2 instruction (exact rounding, as IEEE 754 requires); the rounding
 * functions rely on values of 2^52 and more being integers already; fmod is exact.
 */
#include <math.h>
#include <stdint.h>

double sqrt(double x)
{
	__asm__("sqrtsd %1, %0" : "=x"(x) : "x"(x));
	return x;
}

double fabs(double x)
{
	union { double d; uint64_t u; } v = { .d = x };

	v.u &= ~(1ULL << 63);
	return v.d;
}

double trunc(double x)
{
	if (!(fabs(x) < 4503599627370496.0))	/* 2^52: integral already, or inf/nan */
		return x;
	return __builtin_copysign((double)(long long)x, x);
}

double floor(double x)
{
	double t = trunc(x);

	return t > x ? t - 1 : t;
}

double ceil(double x)
{
	double t = trunc(x);

	return t < x ? t + 1 : t;
}

/* Halfway cases away from zero (C11 7.12.9.6). */
double round(double x)
{
	double t = trunc(x);

	if (fabs(x - t) >= 0.5)
		t += x < 0 ? -1 : 1;
	return t;
}

/*
 * Exact remainder by binary long division: each step subtracts the largest y * 2^k not above the
 * rest, and such a subtraction is exact (Sterbenz), so no rounding ever happens.
 */
double fmod(double x, double y)
{
	double r = fabs(x), ay = fabs(y), d;

	if (y == 0 || isinf(x) || isnan(x) || isnan(y))
		return (x * y) / (x * y);	/* NaN */
	while (r >= ay) {
		for (d = ay; d <= r / 2; d *= 2)
			;
		r -= d;
	}
	return __builtin_copysign(r, x);
}

double fmin(double x, double y)
{
	return isnan(x) ? y : isnan(y) ? x : x < y ? x : y;
}

double fmax(double x, double y)
{
	return isnan(x) ? y : isnan(y) ? x : x > y ? x : y;
}

double ldexp(double x, int exp)
{
	for (; exp > 0; exp--)
		x *= 2;
	for (; exp < 0; exp++)
		x /= 2;
	return x;
}
