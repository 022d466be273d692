/*
 * Time structures under their kernel names. The kernel uses these (never struct timespec/timeval,
 * which the host build of net/ also gets from the C library); on x86_64 they have the same layout
 * as the user-visible struct timespec and struct timeval.
 */
#ifndef _UAPI_LINUX_TIME_TYPES_H
#define _UAPI_LINUX_TIME_TYPES_H

#include "types.h"

struct __kernel_timespec {
	__kernel_time64_t tv_sec;	/* seconds */
	long long tv_nsec;		/* nanoseconds */
};

struct __kernel_old_timeval {
	__kernel_long_t tv_sec;
	__kernel_long_t tv_usec;
};

struct __kernel_itimerspec {
	struct __kernel_timespec it_interval;
	struct __kernel_timespec it_value;
};

#endif
