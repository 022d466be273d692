/* User-visible time structures and clock ids (clock_gettime, nanosleep, gettimeofday, SO_RCVTIMEO). */
#ifndef _UAPI_LINUX_TIME_H
#define _UAPI_LINUX_TIME_H

#include "types.h"
#include "time_types.h"

struct timespec {
	__kernel_old_time_t tv_sec;	/* seconds */
	long tv_nsec;			/* nanoseconds */
};

struct timeval {
	__kernel_old_time_t tv_sec;	/* seconds */
	__kernel_suseconds_t tv_usec;	/* microseconds */
};

struct timezone {
	int tz_minuteswest;		/* minutes west of Greenwich */
	int tz_dsttime;			/* type of dst correction */
};

struct itimerspec {
	struct timespec it_interval;
	struct timespec it_value;
};

struct itimerval {
	struct timeval it_interval;
	struct timeval it_value;
};

#define ITIMER_REAL		0
#define ITIMER_VIRTUAL		1
#define ITIMER_PROF		2

#define CLOCK_REALTIME			0
#define CLOCK_MONOTONIC			1
#define CLOCK_PROCESS_CPUTIME_ID	2
#define CLOCK_THREAD_CPUTIME_ID		3
#define CLOCK_MONOTONIC_RAW		4
#define CLOCK_REALTIME_COARSE		5
#define CLOCK_MONOTONIC_COARSE		6
#define CLOCK_BOOTTIME			7

/* clock_nanosleep() flag: the time is absolute. */
#define TIMER_ABSTIME			0x01

#endif
