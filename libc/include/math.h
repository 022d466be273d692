/* The few math functions network tools need (ping's mdev needs sqrt); double precision only. */
#ifndef _MATH_H
#define _MATH_H

#include <features.h>

__BEGIN_DECLS

#define HUGE_VAL	__builtin_huge_val()
#define INFINITY	__builtin_inff()
#define NAN		__builtin_nanf("")
#define M_PI		3.14159265358979323846
#define M_E		2.7182818284590452354
#define M_SQRT2		1.41421356237309504880

#define isnan(x)	__builtin_isnan(x)
#define isinf(x)	__builtin_isinf(x)
#define isfinite(x)	__builtin_isfinite(x)
#define signbit(x)	__builtin_signbit(x)

double sqrt(double x);
double fabs(double x);
double floor(double x);
double ceil(double x);
double trunc(double x);
double round(double x);
double fmod(double x, double y);
double fmin(double x, double y);
double fmax(double x, double y);
double ldexp(double x, int exp);

__END_DECLS

#endif
