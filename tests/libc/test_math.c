/* <math.h>: sqrt, rounding functions, fmod (exact), with the IEEE corner cases. */
#include <math.h>
#include "tap.h"

int main(void)
{
	ok(sqrt(2.0) == M_SQRT2 && sqrt(0.0) == 0 && sqrt(1e300) == 1e150, "sqrt is correctly rounded");
	ok(isnan(sqrt(-1.0)), "sqrt(-1) is NaN");
	ok(fabs(-3.5) == 3.5 && !signbit(fabs(-0.0)), "fabs");
	ok(floor(-1.5) == -2 && floor(1.5) == 1 && ceil(-1.5) == -1 && ceil(1.5) == 2, "floor/ceil");
	ok(trunc(-2.7) == -2 && signbit(trunc(-0.3)), "trunc keeps the sign of zero");
	ok(round(2.5) == 3 && round(-2.5) == -3 && round(2.4999) == 2, "round: halfway away from zero");
	ok(floor(4503599627370497.0) == 4503599627370497.0 && isinf(floor(INFINITY)), "large values are integral already");
	ok(fmod(7.5, 2) == 1.5 && fmod(-7.5, 2) == -1.5 && signbit(fmod(-1.5, 0.75)), "fmod sign follows x");
	ok(fmod(4503599627370497.0, 0.75) == 0.5, "fmod is exact for large x");
	ok(isnan(fmod(1, 0)) && isnan(fmod(INFINITY, 1)) && fmod(3, INFINITY) == 3, "fmod special cases");
	ok(fmin(1, NAN) == 1 && fmax(NAN, 2) == 2 && fmax(-1, 3) == 3, "fmin/fmax ignore NaN");
	ok(ldexp(3, 4) == 48 && ldexp(48, -4) == 3, "ldexp");
	return done_testing();
}
