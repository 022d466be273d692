/* Clocks and sleeping: clock_gettime, gettimeofday, time, nanosleep, sleep, usleep, interval timers. */
#include <time.h>
#include <sys/time.h>
#include <unistd.h>
#include <errno.h>
#include "syscall.h"

int clock_gettime(clockid_t clk, struct timespec *ts)
{
	return (int)syscall2(__NR_clock_gettime, clk, ts);
}

int clock_getres(clockid_t clk, struct timespec *ts)
{
	return (int)syscall2(__NR_clock_getres, clk, ts);
}

/* clock_nanosleep returns the error number instead of setting errno (POSIX). */
int clock_nanosleep(clockid_t clk, int flags, const struct timespec *req, struct timespec *rem)
{
	return (int)-__syscall4(__NR_clock_nanosleep, clk, flags, req, rem);
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return (int)syscall2(__NR_nanosleep, req, rem);
}

int gettimeofday(struct timeval *restrict tv, void *restrict tz)
{
	return (int)syscall2(__NR_gettimeofday, tv, tz);
}

int settimeofday(const struct timeval *tv, const struct timezone *tz)
{
	return (int)syscall2(__NR_settimeofday, tv, tz);
}

time_t time(time_t *t)
{
	struct timespec ts;
	time_t now;

	if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
		return (time_t)-1;
	now = ts.tv_sec;
	if (t)
		*t = now;
	return now;
}

clock_t clock(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) < 0)
		return (clock_t)-1;
	return ts.tv_sec * CLOCKS_PER_SEC + ts.tv_nsec / (1000000000L / CLOCKS_PER_SEC);
}

double difftime(time_t a, time_t b)
{
	return (double)(a - b);
}

/* Sleeps the whole time even when a signal interrupts, unless the handler wants out (returns the rest). */
unsigned int sleep(unsigned int seconds)
{
	struct timespec req = { .tv_sec = seconds, .tv_nsec = 0 }, rem;

	if (nanosleep(&req, &rem) < 0)
		return errno == EINTR ? (unsigned int)(rem.tv_sec + (rem.tv_nsec > 0)) : seconds;
	return 0;
}

int usleep(useconds_t usec)
{
	struct timespec req = { .tv_sec = usec / 1000000, .tv_nsec = (long)(usec % 1000000) * 1000 };

	return nanosleep(&req, NULL);
}

int getitimer(int which, struct itimerval *value)
{
	return (int)syscall2(__NR_getitimer, which, value);
}

int setitimer(int which, const struct itimerval *restrict value, struct itimerval *restrict old)
{
	return (int)syscall3(__NR_setitimer, which, value, old);
}

unsigned int alarm(unsigned int seconds)
{
	return (unsigned int)__syscall1(__NR_alarm, seconds);
}

int pause(void)
{
	return (int)syscall0(__NR_pause);
}
