/*
 * timer_list (Linux: kernel/time/timer.c, much simplified): a wheel of 256 buckets indexed by the
 * expiry jiffy. run_timers() walks the jiffies that passed since it last ran, bucket by bucket,
 * and calls each expired timer's function; timers further than 256 jiffies away wait in their
 * bucket until their turn comes round. In the kernel run_timers runs from TIMER_SOFTIRQ (raised by
 * the tick, kernel/time.c); the host build of net/ calls it from its virtual clock. So this file
 * uses nothing but jiffies, lists and interrupt masking: no arch code.
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/timer.h>

#define TVR_BITS	8
#define TVR_SIZE	(1 << TVR_BITS)
#define TVR_MASK	(TVR_SIZE - 1)

static struct hlist_head timer_wheel[TVR_SIZE];
static unsigned long timer_clk;		/* next jiffy whose bucket run_timers() will process */
static bool timer_clk_valid;
static unsigned long timer_count;	/* pending timers */

unsigned long timers_pending_count(void)
{
	return timer_count;
}

void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags)
{
	INIT_HLIST_NODE(&timer->entry);
	timer->function = func;
	timer->flags = flags;
	timer->expires = 0;
}

static void detach_timer(struct timer_list *timer)
{
	hlist_del_init(&timer->entry);
	timer_count--;
}

/* An expiry already passed goes to the next bucket run_timers() processes: it fires at once. */
static void enqueue_timer(struct timer_list *timer)
{
	unsigned long when = timer->expires;

	if (!timer_clk_valid) {
		timer_clk = jiffies;
		timer_clk_valid = true;
	}
	if (time_before(when, timer_clk))
		when = timer_clk;
	hlist_add_head(&timer->entry, &timer_wheel[when & TVR_MASK]);
	timer_count++;
}

int mod_timer(struct timer_list *timer, unsigned long expires)
{
	unsigned long flags;
	int was_pending;

	local_irq_save(flags);
	was_pending = timer_pending(timer);
	if (was_pending)
		detach_timer(timer);
	timer->expires = expires;
	enqueue_timer(timer);
	local_irq_restore(flags);
	return was_pending;
}

void add_timer(struct timer_list *timer)
{
	BUG_ON(timer_pending(timer));
	mod_timer(timer, timer->expires);
}

int del_timer(struct timer_list *timer)
{
	unsigned long flags;
	int was_pending;

	local_irq_save(flags);
	was_pending = timer_pending(timer);
	if (was_pending)
		detach_timer(timer);
	local_irq_restore(flags);
	return was_pending;
}

int del_timer_sync(struct timer_list *timer)
{
	return del_timer(timer);
}

/* First timer in the bucket that is due at clk, or NULL. */
static struct timer_list *first_expired(struct hlist_head *bucket, unsigned long clk)
{
	for (struct hlist_node *n = bucket->first; n; n = n->next) {
		struct timer_list *timer = hlist_entry(n, struct timer_list, entry);

		if (time_after_eq(clk, timer->expires))
			return timer;
	}
	return NULL;
}

void run_timers(void)
{
	unsigned long flags;

	local_irq_save(flags);
	if (!timer_clk_valid) {
		timer_clk = jiffies;
		timer_clk_valid = true;
	}
	while (time_after_eq(jiffies, timer_clk)) {
		unsigned long clk = timer_clk;
		struct hlist_head *bucket = &timer_wheel[clk & TVR_MASK];
		struct timer_list *timer;

		if (!timer_count) {
			/* Nothing pending: skip the idle stretch in one step (the host clock jumps far). */
			timer_clk = jiffies + 1;
			break;
		}
		/* Advance first: a callback re-arming for "now" lands in the next bucket, not this one. */
		timer_clk = clk + 1;
		while ((timer = first_expired(bucket, clk))) {
			void (*fn)(struct timer_list *) = timer->function;

			detach_timer(timer);
			/* The callback may re-arm or delete timers, including this one. */
			local_irq_restore(flags);
			fn(timer);
			local_irq_save(flags);
		}
	}
	local_irq_restore(flags);
}

static void run_timer_softirq(struct softirq_action *h)
{
	run_timers();
}

void init_timers(void)
{
	open_softirq(TIMER_SOFTIRQ, run_timer_softirq);
}
