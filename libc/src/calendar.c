/*
 * Calendar time in UTC (there is no time zone database): gmtime/timegm by the days-from-civil
 * arithmetic of the proleptic Gregorian calendar, and a strftime for the common conversions.
 */
#include <time.h>
#include <stdio.h>
#include <string.h>

static const char *const wday_names[] = { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday",
					   "Friday", "Saturday" };
static const char *const mon_names[] = { "January", "February", "March", "April", "May", "June", "July",
					  "August", "September", "October", "November", "December" };

static int is_leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days since 1970-01-01 of a civil date (month 1-12). */
static long days_from_civil(long y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct tm *gmtime_r(const time_t *restrict t, struct tm *restrict tm)
{
	long days = *t / 86400, secs = *t % 86400, era, doe, yoe, y, doy, mp;
	static const int cum[] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };

	if (secs < 0) {
		secs += 86400;
		days--;
	}
	tm->tm_hour = (int)(secs / 3600);
	tm->tm_min = (int)(secs / 60 % 60);
	tm->tm_sec = (int)(secs % 60);
	tm->tm_wday = (int)((days % 7 + 11) % 7);	/* 1970-01-01 was a Thursday */

	days += 719468;
	era = (days >= 0 ? days : days - 146096) / 146097;
	doe = days - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	tm->tm_mday = (int)(doy - (153 * mp + 2) / 5 + 1);
	tm->tm_mon = (int)(mp < 10 ? mp + 2 : mp - 10);
	y += tm->tm_mon <= 1;
	tm->tm_year = (int)(y - 1900);
	tm->tm_yday = cum[tm->tm_mon] + tm->tm_mday - 1 + (tm->tm_mon > 1 && is_leap(y));
	tm->tm_isdst = 0;
	tm->tm_gmtoff = 0;
	tm->tm_zone = "UTC";
	return tm;
}

struct tm *gmtime(const time_t *t)
{
	static struct tm tm;

	return gmtime_r(t, &tm);
}

struct tm *localtime_r(const time_t *restrict t, struct tm *restrict tm)
{
	return gmtime_r(t, tm);
}

struct tm *localtime(const time_t *t)
{
	return gmtime(t);
}

/* Normalizes out-of-range fields (tm_mon 12 is next January, tm_mday 0 the last of the month before). */
time_t timegm(struct tm *tm)
{
	long y = tm->tm_year + 1900L + tm->tm_mon / 12, m = tm->tm_mon % 12;
	time_t t;

	if (m < 0) {
		m += 12;
		y--;
	}
	t = (time_t)days_from_civil(y, (int)m + 1, 1) + tm->tm_mday - 1;
	t = t * 86400 + tm->tm_hour * 3600L + tm->tm_min * 60L + tm->tm_sec;
	gmtime_r(&t, tm);
	return t;
}

time_t mktime(struct tm *tm)
{
	return timegm(tm);
}

size_t strftime(char *restrict s, size_t max, const char *restrict fmt, const struct tm *restrict tm)
{
	size_t len = 0;
	struct tm copy;
	char tmp[64];
	int n;

	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			tmp[0] = *fmt;
			n = 1;
		} else {
			switch (*++fmt) {
			case 'a': n = snprintf(tmp, sizeof(tmp), "%.3s", wday_names[tm->tm_wday % 7]); break;
			case 'A': n = snprintf(tmp, sizeof(tmp), "%s", wday_names[tm->tm_wday % 7]); break;
			case 'b':
			case 'h': n = snprintf(tmp, sizeof(tmp), "%.3s", mon_names[tm->tm_mon % 12]); break;
			case 'B': n = snprintf(tmp, sizeof(tmp), "%s", mon_names[tm->tm_mon % 12]); break;
			case 'd': n = snprintf(tmp, sizeof(tmp), "%02d", tm->tm_mday); break;
			case 'e': n = snprintf(tmp, sizeof(tmp), "%2d", tm->tm_mday); break;
			case 'H': n = snprintf(tmp, sizeof(tmp), "%02d", tm->tm_hour); break;
			case 'I': n = snprintf(tmp, sizeof(tmp), "%02d", (tm->tm_hour + 11) % 12 + 1); break;
			case 'j': n = snprintf(tmp, sizeof(tmp), "%03d", tm->tm_yday + 1); break;
			case 'm': n = snprintf(tmp, sizeof(tmp), "%02d", tm->tm_mon + 1); break;
			case 'M': n = snprintf(tmp, sizeof(tmp), "%02d", tm->tm_min); break;
			case 'p': n = snprintf(tmp, sizeof(tmp), "%s", tm->tm_hour < 12 ? "AM" : "PM"); break;
			case 'S': n = snprintf(tmp, sizeof(tmp), "%02d", tm->tm_sec); break;
			case 's': copy = *tm; n = snprintf(tmp, sizeof(tmp), "%ld", (long)timegm(&copy)); break;
			case 'u': n = snprintf(tmp, sizeof(tmp), "%d", tm->tm_wday ? tm->tm_wday : 7); break;
			case 'w': n = snprintf(tmp, sizeof(tmp), "%d", tm->tm_wday); break;
			case 'y': n = snprintf(tmp, sizeof(tmp), "%02d", tm->tm_year % 100); break;
			case 'Y': n = snprintf(tmp, sizeof(tmp), "%d", tm->tm_year + 1900); break;
			case 'Z': n = snprintf(tmp, sizeof(tmp), "UTC"); break;
			case 'z': n = snprintf(tmp, sizeof(tmp), "+0000"); break;
			case 'F': n = snprintf(tmp, sizeof(tmp), "%d-%02d-%02d", tm->tm_year + 1900, tm->tm_mon + 1,
					       tm->tm_mday); break;
			case 'T': n = snprintf(tmp, sizeof(tmp), "%02d:%02d:%02d", tm->tm_hour, tm->tm_min,
					       tm->tm_sec); break;
			case 'R': n = snprintf(tmp, sizeof(tmp), "%02d:%02d", tm->tm_hour, tm->tm_min); break;
			case 'c': n = snprintf(tmp, sizeof(tmp), "%.3s %.3s %2d %02d:%02d:%02d %d",
					       wday_names[tm->tm_wday % 7], mon_names[tm->tm_mon % 12], tm->tm_mday,
					       tm->tm_hour, tm->tm_min, tm->tm_sec, tm->tm_year + 1900); break;
			case 'n': n = snprintf(tmp, sizeof(tmp), "\n"); break;
			case 't': n = snprintf(tmp, sizeof(tmp), "\t"); break;
			case '%': n = snprintf(tmp, sizeof(tmp), "%%"); break;
			case '\0': fmt--; n = 0; break;
			default: n = snprintf(tmp, sizeof(tmp), "%%%c", *fmt); break;
			}
		}
		if (len + (size_t)n >= max)
			return 0;	/* C: 0 when the result (with its NUL) does not fit */
		memcpy(s + len, tmp, (size_t)n);
		len += (size_t)n;
	}
	if (len >= max)
		return 0;
	s[len] = '\0';
	return len;
}

char *asctime_r(const struct tm *restrict tm, char *restrict buf)
{
	snprintf(buf, 26, "%.3s %.3s %2d %02d:%02d:%02d %d\n", wday_names[tm->tm_wday % 7],
		 mon_names[tm->tm_mon % 12], tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec,
		 tm->tm_year + 1900);
	return buf;
}

char *ctime_r(const time_t *t, char *buf)
{
	struct tm tm;

	return asctime_r(gmtime_r(t, &tm), buf);
}
