/* Time: clocks, sleeping, calendar time (UTC only: there are no time zones here). */
#ifndef _TIME_H
#define _TIME_H

#include <features.h>
#include <stddef.h>
#include <sys/types.h>
#include <linux/time.h>

__BEGIN_DECLS

#define CLOCKS_PER_SEC	1000000L

struct tm {
	int tm_sec;
	int tm_min;
	int tm_hour;
	int tm_mday;
	int tm_mon;
	int tm_year;	/* years since 1900 */
	int tm_wday;
	int tm_yday;
	int tm_isdst;
	long tm_gmtoff;
	const char *tm_zone;
};

time_t time(time_t *t);
clock_t clock(void);
int clock_gettime(clockid_t clk, struct timespec *ts);
int clock_getres(clockid_t clk, struct timespec *ts);
int clock_nanosleep(clockid_t clk, int flags, const struct timespec *req, struct timespec *rem);
int nanosleep(const struct timespec *req, struct timespec *rem);
double difftime(time_t a, time_t b);

struct tm *gmtime(const time_t *t);
struct tm *gmtime_r(const time_t *restrict t, struct tm *restrict tm);
struct tm *localtime(const time_t *t);
struct tm *localtime_r(const time_t *restrict t, struct tm *restrict tm);
time_t timegm(struct tm *tm);
time_t mktime(struct tm *tm);
size_t strftime(char *restrict s, size_t max, const char *restrict fmt, const struct tm *restrict tm);
char *asctime_r(const struct tm *restrict tm, char *restrict buf);
char *ctime_r(const time_t *t, char *buf);

__END_DECLS

#endif
