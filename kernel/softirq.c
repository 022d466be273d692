/*
 * Softirqs (Linux: kernel/softirq.c): work a hard IRQ defers, such as NET_RX (packet processing
 * after the NIC interrupt) and TIMER (timer_list callbacks). They run with interrupts enabled when
 * the outermost hard IRQ exits, or when process context re-enables bottom halves
 * (local_bh_enable), never nested in each other.
 */
#include <linux/kernel.h>
#include <linux/hardirq.h>
#include <linux/interrupt.h>
#include <asm/processor.h>

#define MAX_SOFTIRQ_RESTART	10

unsigned int preempt_count;
static unsigned int softirq_pending;
static struct softirq_action softirq_vec[NR_SOFTIRQS];

bool in_softirq(void)
{
	return softirq_count() != 0;
}

bool in_interrupt(void)
{
	return (preempt_count & (HARDIRQ_MASK | SOFTIRQ_MASK)) != 0;
}

void open_softirq(int nr, void (*action)(struct softirq_action *))
{
	softirq_vec[nr].action = action;
}

void raise_softirq_irqoff(unsigned int nr)
{
	softirq_pending |= 1u << nr;
}

void raise_softirq(unsigned int nr)
{
	unsigned long flags;

	/*
	 * Only marks it: running it here could re-enter a caller holding a lock the softirq takes.
	 * The next interrupt exit (the timer ticks every millisecond) or local_bh_enable runs it,
	 * where Linux would wake ksoftirqd.
	 */
	local_irq_save(flags);
	raise_softirq_irqoff(nr);
	local_irq_restore(flags);
}

/*
 * Runs the pending softirqs, with interrupts enabled around the handlers. Softirqs raised while
 * running are picked up by restarting, a bounded number of times; what is left waits for the
 * next interrupt exit (the timer tick comes every millisecond).
 */
static void __do_softirq(void)
{
	int restart = MAX_SOFTIRQ_RESTART;
	unsigned int pending;

	preempt_count += SOFTIRQ_OFFSET;
	while ((pending = softirq_pending) && restart--) {
		softirq_pending = 0;
		local_irq_enable();
		for (unsigned int nr = 0; pending; nr++, pending >>= 1) {
			if (!(pending & 1))
				continue;
			if (softirq_vec[nr].action)
				softirq_vec[nr].action(&softirq_vec[nr]);
		}
		local_irq_disable();
	}
	preempt_count -= SOFTIRQ_OFFSET;
}

void do_softirq(void)
{
	unsigned long flags;

	if (in_interrupt())
		return;
	local_irq_save(flags);
	if (softirq_pending)
		__do_softirq();
	local_irq_restore(flags);
}

void local_bh_disable(void)
{
	preempt_count += SOFTIRQ_DISABLE_OFFSET;
}

void local_bh_enable(void)
{
	unsigned long flags;

	BUG_ON(softirq_count() < SOFTIRQ_DISABLE_OFFSET);
	local_irq_save(flags);
	preempt_count -= SOFTIRQ_DISABLE_OFFSET;
	if (!in_interrupt() && softirq_pending)
		__do_softirq();
	local_irq_restore(flags);
}

void irq_enter(void)
{
	preempt_count += HARDIRQ_OFFSET;
}

void irq_exit(void)
{
	preempt_count -= HARDIRQ_OFFSET;
	if (!in_interrupt() && softirq_pending)
		__do_softirq();
}
