/* sleep: pause for N seconds (decimal fractions allowed; suffixes s, m, h), several arguments add up. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <errno.h>

/* Parse "1.5", "2m", ".25s" into nanoseconds; -1 if malformed. */
static long long parse_duration(const char *s)
{
	long long whole = 0, frac = 0, scale = 1000000000LL, mult = 1;
	const char *p = s;
	int digits = 0;

	for (; *p >= '0' && *p <= '9'; p++, digits++) {
		whole = whole * 10 + (*p - '0');
		if (whole > 100000000LL)
			return -1;
	}
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++, digits++)
			if (scale > 1)
				frac += (*p - '0') * (scale /= 10);
	if (!digits)
		return -1;
	switch (*p) {
	case '\0':
	case 's':
		break;
	case 'm':
		mult = 60;
		break;
	case 'h':
		mult = 3600;
		break;
	default:
		return -1;
	}
	if (*p && p[1])
		return -1;
	return (whole * 1000000000LL + frac) * mult;
}

int main(int argc, char **argv)
{
	long long total = 0, ns;
	struct timespec ts, rem;
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: sleep SECONDS[.FRACTION][s|m|h] ...\n");
		return 2;
	}
	for (i = 1; i < argc; i++) {
		ns = parse_duration(argv[i]);
		if (ns < 0) {
			fprintf(stderr, "sleep: invalid time interval '%s'\n", argv[i]);
			return 2;
		}
		total += ns;
	}
	ts.tv_sec = total / 1000000000LL;
	ts.tv_nsec = total % 1000000000LL;
	while (nanosleep(&ts, &rem) < 0) {
		if (errno != EINTR) {
			perror("sleep");
			return 1;
		}
		ts = rem;
	}
	return 0;
}
