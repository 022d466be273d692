/*
 * Interrupt context accounting, as Linux's preempt_count: hard IRQ nesting and softirq/bh-disable
 * depth, so in_interrupt() and friends (include/linux/interrupt.h) can answer "may I sleep?".
 */
#ifndef _LINUX_HARDIRQ_H
#define _LINUX_HARDIRQ_H

#define SOFTIRQ_OFFSET		0x100u	/* serving a softirq */
#define SOFTIRQ_DISABLE_OFFSET	(2 * SOFTIRQ_OFFSET)	/* local_bh_disable() */
#define SOFTIRQ_MASK		0xff00u
#define HARDIRQ_OFFSET		0x10000u
#define HARDIRQ_MASK		0xf0000u

extern unsigned int preempt_count;

#define hardirq_count()		(preempt_count & HARDIRQ_MASK)
#define softirq_count()		(preempt_count & SOFTIRQ_MASK)
#define in_irq()		(hardirq_count() != 0)
#define in_serving_softirq()	((softirq_count() & SOFTIRQ_OFFSET) != 0)

/* Around a hard IRQ handler; irq_exit() runs pending softirqs when leaving the outermost one. */
void irq_enter(void);
void irq_exit(void);

#endif
