/*
 * Host shim: the virtual clock. jiffies only move when a test calls host_advance_time() or a
 * blocking call sleeps (schedule_timeout); expired timers then run in softirq context, followed by
 * pending softirqs. Timers are kept on one list and scanned; tests have few.
 */
#include <linux/timer.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include "host.h"

volatile unsigned long jiffies = 1000;	/* not 0: code must not rely on a zero start */
static struct hlist_head timer_list_head = HLIST_HEAD_INIT;

u64 ktime_get_ns(void)
{
	return (u64)jiffies * 1000000ULL;
}

void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags)
{
	INIT_HLIST_NODE(&timer->entry);
	timer->function = func;
	timer->flags = flags;
	timer->expires = 0;
}

int mod_timer(struct timer_list *timer, unsigned long expires)
{
	int was_pending = timer_pending(timer);

	timer->expires = expires;
	if (!was_pending)
		hlist_add_head(&timer->entry, &timer_list_head);
	return was_pending;
}

void add_timer(struct timer_list *timer)
{
	BUG_ON(timer_pending(timer));
	mod_timer(timer, timer->expires);
}

int del_timer(struct timer_list *timer)
{
	if (!timer_pending(timer))
		return 0;
	hlist_del_init(&timer->entry);
	return 1;
}

int del_timer_sync(struct timer_list *timer)
{
	return del_timer(timer);
}

/* Runs the timers expired now, each once; timers they re-arm for now wait for the next call. */
void run_timers(void)
{
	struct hlist_head expired = HLIST_HEAD_INIT;
	struct timer_list *t;
	struct hlist_node *n;

	for (n = timer_list_head.first; n; ) {
		struct hlist_node *next = n->next;

		t = hlist_entry(n, struct timer_list, entry);
		if (time_after_eq(jiffies, t->expires)) {
			hlist_del_init(&t->entry);
			hlist_add_head(&t->entry, &expired);
		}
		n = next;
	}
	local_bh_disable();
	while ((n = expired.first) != NULL) {
		t = hlist_entry(n, struct timer_list, entry);
		hlist_del_init(&t->entry);
		t->function(t);
	}
	local_bh_enable();
}

bool host_next_timer(unsigned long *expires)
{
	struct timer_list *t;
	bool found = false;

	hlist_for_each_entry(t, &timer_list_head, entry) {
		if (!found || time_before(t->expires, *expires))
			*expires = t->expires;
		found = true;
	}
	return found;
}

/*
 * Moves the clock to target, stopping at each timer expiry on the way. A timer re-armed for the
 * current tick runs at the next one, as a kernel timer would.
 */
static void host_advance_to(unsigned long target)
{
	unsigned long ran_at = jiffies - 1;
	unsigned long next;

	for (;;) {
		host_run_softirqs();
		if (!host_next_timer(&next) || time_after(next, target))
			break;
		if (time_after(next, jiffies)) {
			jiffies = next;
		} else if (ran_at == jiffies) {
			if (jiffies == target)
				break;
			jiffies++;
		}
		ran_at = jiffies;
		run_timers();
	}
	jiffies = target;
	if (ran_at != jiffies)
		run_timers();
	host_run_softirqs();
}

void host_advance_time(unsigned int ms)
{
	host_advance_to(jiffies + msecs_to_jiffies(ms));
}
