/*
 * Prints "FORMAT<tab>VALUE<tab>RESULT" lines for many floating-point conversions; run.py formats the same
 * value with Python's % operator (C's printf rules) and compares. Values are printed with %a so
 * Python reads back exactly the double we formatted.
 */
#include <stdio.h>

static const char *const formats[] = {
	"%f", "%.0f", "%.1f", "%.2f", "%.3f", "%.10f", "%e", "%.0e", "%.3e", "%E", "%g", "%.1g", "%.3g", "%.10g",
	"%G", "%10.3f", "%-10.2e", "%+g", "% f", "%012.4f", "%#.0f", "%#g", "%.15g", "%.17g",
};

static const double values[] = {
	0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 0.1, 0.125, 0.3, 1.0 / 3, 2.0 / 3, 9.5, 99.5, 0.05, 0.005, 0.0005,
	123.456, 9.9999999, 99999.95, 999999.5, 1e6, 1e15, 1e16, 1e21, 1.5e300, 1e-5, 1e-10, 1.23456789e-7,
	3.14159265358979, 2.718281828459045, 6.02214076e23, 1.602176634e-19, 123456789.0, 4294967296.0,
	0.999999, 0.9999995, 1234.5678, 65536.0, 10.0, 100.0, 1000.5,
};

int main(void)
{
	unsigned int i, k;
	char buf[512];

	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		for (k = 0; k < sizeof(values) / sizeof(values[0]); k++) {
			snprintf(buf, sizeof(buf), formats[i], values[k]);
			printf("%s\t%a\t%s\n", formats[i], values[k], buf);
		}
	}
	return 0;
}
