/* Wall-clock time (kernel/time_syscalls.c): CLOCK_REALTIME = the boot wall clock + ktime_get_ns(). */
#ifndef _LINUX_TIMEKEEPING_H
#define _LINUX_TIMEKEEPING_H

#include <linux/types.h>

/* Nanoseconds since 1970-01-01 UTC. */
s64 ktime_get_real_ns(void);
/* Sets CLOCK_REALTIME so that it reads seconds now (arch/x86/kernel/rtc.c at boot). */
void set_boot_wallclock(s64 seconds);

#endif
