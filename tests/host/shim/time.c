/*
 * Host shim: the virtual clock. jiffies only move when a test calls host_advance_time() or a
 * blocking call sleeps (schedule_timeout); each tick runs the kernel's own timer wheel
 * (kernel/timer.c, compiled into the host library) and then pending softirqs, as the timer
 * interrupt and TIMER_SOFTIRQ would.
 */
#include <linux/timer.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include "host.h"

volatile unsigned long jiffies = 1000;	/* not 0: code must not rely on a zero start */

u64 ktime_get_ns(void)
{
	return (u64)jiffies * 1000000ULL;
}

/* One tick: timers due now run in softirq context, then whatever they raised. */
void host_tick(void)
{
	jiffies++;
	local_bh_disable();
	run_timers();
	local_bh_enable();
	host_run_softirqs();
}

void host_advance_time(unsigned int ms)
{
	unsigned long ticks = msecs_to_jiffies(ms);

	host_run_softirqs();
	while (ticks--)
		host_tick();
}
