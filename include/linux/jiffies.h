/* Guest time: jiffies tick at HZ=1000 from the timer interrupt; comparisons survive wraparound. */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/types.h>

#define HZ 1000

extern volatile unsigned long jiffies;

#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)	((long)((a) - (b)) >= 0)
#define time_before_eq(a, b)	time_after_eq(b, a)

#define MAX_JIFFY_OFFSET	((LONG_MAX >> 1) - 1)

static inline unsigned long msecs_to_jiffies(unsigned int m)
{
	return (unsigned long)m * HZ / 1000;
}

static inline unsigned int jiffies_to_msecs(unsigned long j)
{
	return (unsigned int)(j * 1000 / HZ);
}

static inline u64 jiffies_to_usecs(unsigned long j)
{
	return (u64)j * (1000000 / HZ);
}

static inline unsigned long usecs_to_jiffies(unsigned int u)
{
	return DIV_ROUND_UP((unsigned long)u, 1000000 / HZ);
}

/* Nanoseconds since boot, finer than a jiffy where the clock allows (TSC in the kernel). */
u64 ktime_get_ns(void);

#endif
