/*
 * Busy-wait delays for drivers (udelay while polling a device register). They spin on the TSC
 * and do not sleep; to sleep, process context uses msleep() (include/linux/sched.h).
 */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

void udelay(unsigned long usecs);
void ndelay(unsigned long nsecs);
void mdelay(unsigned long msecs);

#endif
