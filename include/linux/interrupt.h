/*
 * Softirqs (deferred work run on interrupt exit and with bottom halves re-enabled) and hard IRQ
 * registration for drivers. Protocol processing runs in NET_RX_SOFTIRQ, as in Linux.
 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <linux/types.h>

enum {
	HI_SOFTIRQ = 0,
	TIMER_SOFTIRQ,
	NET_TX_SOFTIRQ,
	NET_RX_SOFTIRQ,
	NR_SOFTIRQS
};

struct softirq_action {
	void (*action)(struct softirq_action *);
};

void open_softirq(int nr, void (*action)(struct softirq_action *));
void raise_softirq(unsigned int nr);		/* callable with interrupts on or off */
void raise_softirq_irqoff(unsigned int nr);
void do_softirq(void);				/* run pending softirqs now, unless in bh-disabled/irq context */

/* Bottom-half masking: process context takes this around state a softirq also touches. */
void local_bh_disable(void);
void local_bh_enable(void);			/* runs softirqs raised meanwhile */
bool in_softirq(void);				/* serving a softirq or bottom halves disabled */
bool in_interrupt(void);			/* hard irq, softirq or bh disabled */

typedef enum irqreturn {
	IRQ_NONE = 0,
	IRQ_HANDLED = 1,
} irqreturn_t;
typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

#define IRQF_SHARED	0x80u

/* Legacy PIC/IOAPIC line (PCI interrupt line); handlers of a shared line are all called. */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name, void *dev);
void free_irq(unsigned int irq, void *dev);

unsigned long local_irq_save_flags(void);
void local_irq_restore_flags(unsigned long flags);
#define local_irq_save(flags)		((flags) = local_irq_save_flags())
#define local_irq_restore(flags)	local_irq_restore_flags(flags)

#endif
