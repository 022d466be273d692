/* Boot-time clock setup and the tick hooks (kernel/time.c). */
#ifndef _ASM_X86_TIME_H
#define _ASM_X86_TIME_H

#include <linux/types.h>

/* Starts the boot clock (printk timestamps); first thing in start_kernel. */
void time_early_init(void);
/* Calibrates the TSC, starts the PIT at HZ on IRQ 0. */
void time_init(void);

/*
 * Called from the timer interrupt on every tick; weak defaults here, the scheduler (kernel/sched)
 * provides the real ones. user_tick: the tick interrupted user mode.
 */
void update_process_times(int user_tick);
void scheduler_tick(void);

#endif
