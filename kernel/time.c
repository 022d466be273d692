/*
 * Time since boot. ktime_get_ns reads the TSC, scaled by its frequency (calibrated against the
 * PIT at boot); before calibration it reads 0, so the first printk lines show [    0.000000].
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <asm/processor.h>

volatile unsigned long jiffies;

static u64 tsc_at_boot;
static u64 tsc_khz;

u64 ktime_get_ns(void)
{
	if (!tsc_khz)
		return 0;
	/* 128-bit product: no overflow for centuries of uptime. */
	return (u64)((unsigned __int128)(rdtsc() - tsc_at_boot) * 1000000 / tsc_khz);
}
