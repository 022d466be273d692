/*
 * Kernel timers on jiffies: timer_setup() once, mod_timer() to (re)arm, del_timer() to cancel.
 * Callbacks run in softirq context (TIMER_SOFTIRQ), never in the hard interrupt.
 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/list.h>
#include <linux/jiffies.h>

struct timer_list {
	struct hlist_node entry;	/* pending timers only */
	unsigned long expires;
	void (*function)(struct timer_list *);
	u32 flags;
};

#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, __typeof__(*var), timer_fieldname)

void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags);
/* Arms or re-arms; returns 1 if the timer was pending before, 0 if not (Linux semantics). */
int mod_timer(struct timer_list *timer, unsigned long expires);
void add_timer(struct timer_list *timer);
/* Returns 1 if a pending timer was deactivated. */
int del_timer(struct timer_list *timer);
/* On one CPU a callback cannot be running while process context calls this, so it equals del_timer. */
int del_timer_sync(struct timer_list *timer);

static inline int timer_pending(const struct timer_list *timer)
{
	return !hlist_unhashed(&timer->entry);
}

/* Runs every expired timer; called from TIMER_SOFTIRQ in the kernel, from the virtual clock on the host. */
void run_timers(void);
/* Opens TIMER_SOFTIRQ (kernel boot). */
void init_timers(void);
/* Timers currently pending (the tick raises TIMER_SOFTIRQ only when there are some). */
unsigned long timers_pending_count(void);

#endif
