/*
 * Host shim: softirqs and bottom-half masking for a single-threaded program. A softirq raised
 * outside softirq/bh-disabled context runs at once (the kernel would run it on irq exit or in
 * ksoftirqd, before the raising process runs again); raised inside, it runs when the outermost
 * local_bh_enable() or softirq round ends, as in Linux.
 */
#include <linux/interrupt.h>
#include <linux/bug.h>
#include "host.h"

static struct softirq_action softirq_vec[NR_SOFTIRQS];
static unsigned int softirq_pending;
static int bh_disable_count;
static bool serving_softirq;

void open_softirq(int nr, void (*action)(struct softirq_action *))
{
	softirq_vec[nr].action = action;
}

bool in_softirq(void)
{
	return serving_softirq || bh_disable_count > 0;
}

bool in_interrupt(void)
{
	return in_softirq();
}

static void __do_softirq(void)
{
	int restart = 10;	/* MAX_SOFTIRQ_RESTART, as Linux */

	serving_softirq = true;
	while (softirq_pending && restart--) {
		unsigned int pending = softirq_pending;
		int nr;

		softirq_pending = 0;
		for (nr = 0; nr < NR_SOFTIRQS; nr++)
			if ((pending & (1U << nr)) && softirq_vec[nr].action)
				softirq_vec[nr].action(&softirq_vec[nr]);
	}
	serving_softirq = false;
}

void do_softirq(void)
{
	if (in_interrupt())
		return;
	/* More than 10 rounds in a row: Linux defers to ksoftirqd; here the next call continues. */
	__do_softirq();
}

void raise_softirq_irqoff(unsigned int nr)
{
	softirq_pending |= 1U << nr;
	if (!in_interrupt())
		do_softirq();
}

void raise_softirq(unsigned int nr)
{
	raise_softirq_irqoff(nr);
}

void local_bh_disable(void)
{
	bh_disable_count++;
}

void local_bh_enable(void)
{
	BUG_ON(bh_disable_count <= 0);
	if (--bh_disable_count == 0 && softirq_pending && !serving_softirq)
		do_softirq();
}

void host_run_softirqs(void)
{
	int rounds = 100;

	while (softirq_pending && !in_interrupt() && rounds--)
		__do_softirq();
}

unsigned long local_irq_save_flags(void)
{
	return 0;
}

void local_irq_restore_flags(unsigned long flags)
{
	(void)flags;
}
