/*
 * Hardware interrupts from the two cascaded 8259 PICs (Linux: arch/x86/kernel/i8259.c,
 * kernel/irq/manage.c). The PICs are remapped to vectors 0x20-0x2f; request_irq() chains handlers
 * on a line (IRQF_SHARED, as PCI devices share lines) and unmasks it; do_IRQ() runs them with
 * interrupts off, acknowledges the PIC, and on the way out runs pending softirqs (irq_exit()).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/desc.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/processor.h>
#include <linux/hardirq.h>

#define PIC1_CMD	0x20
#define PIC1_DATA	0x21
#define PIC2_CMD	0xa0
#define PIC2_DATA	0xa1
#define PIC_EOI		0x20
#define PIC_READ_ISR	0x0b
#define ICW1_INIT_ICW4	0x11	/* edge triggered, cascade, ICW4 follows */
#define ICW4_8086	0x01
#define PIC_CASCADE_IRQ	2

struct irqaction {
	irq_handler_t handler;
	unsigned long flags;
	const char *name;
	void *dev_id;
	struct irqaction *next;
};

static struct irqaction *irq_actions[NR_IRQS];
static u16 cached_irq_mask = 0xffff;		/* bit set = line masked */
static struct pt_regs *irq_regs;
static unsigned int irqs_unhandled[NR_IRQS];	/* in a row, see note_interrupt() */
static u16 irq_warned;				/* lines already reported as unhandled */

#define IRQ_UNHANDLED_REPORT	1000

struct pt_regs *get_irq_regs(void)
{
	return irq_regs;
}

static void pic_write_mask(void)
{
	outb((u8)cached_irq_mask, PIC1_DATA);
	outb((u8)(cached_irq_mask >> 8), PIC2_DATA);
}

static void pic_unmask(unsigned int irq)
{
	cached_irq_mask &= ~(1u << irq);
	if (irq >= 8)
		cached_irq_mask &= ~(1u << PIC_CASCADE_IRQ);
	pic_write_mask();
}

static void pic_mask(unsigned int irq)
{
	cached_irq_mask |= 1u << irq;
	pic_write_mask();
}

static void pic_eoi(unsigned int irq)
{
	if (irq >= 8)
		outb(PIC_EOI, PIC2_CMD);
	outb(PIC_EOI, PIC1_CMD);
}

/*
 * IRQ 7 and 15 also arrive when a line dropped before the CPU acknowledged it; the PIC's
 * in-service register tells a real one from such a spurious one (which must not get an EOI,
 * except on the master for a spurious slave interrupt).
 */
static bool pic_spurious(unsigned int irq)
{
	u16 port = irq == 7 ? PIC1_CMD : PIC2_CMD;

	if (irq != 7 && irq != 15)
		return false;
	outb(PIC_READ_ISR, port);
	if (inb(port) & 0x80)
		return false;
	if (irq == 15)
		outb(PIC_EOI, PIC1_CMD);
	return true;
}

/* ICW1-ICW4: vectors 0x20 (master) and 0x28 (slave), slave on line 2, 8086 mode; all masked. */
static void init_8259A(void)
{
	outb(0xff, PIC1_DATA);
	outb(0xff, PIC2_DATA);
	outb(ICW1_INIT_ICW4, PIC1_CMD);
	io_delay();
	outb(ICW1_INIT_ICW4, PIC2_CMD);
	io_delay();
	outb(FIRST_EXTERNAL_VECTOR, PIC1_DATA);
	io_delay();
	outb(FIRST_EXTERNAL_VECTOR + 8, PIC2_DATA);
	io_delay();
	outb(1u << PIC_CASCADE_IRQ, PIC1_DATA);
	io_delay();
	outb(PIC_CASCADE_IRQ, PIC2_DATA);
	io_delay();
	outb(ICW4_8086, PIC1_DATA);
	io_delay();
	outb(ICW4_8086, PIC2_DATA);
	io_delay();
	pic_write_mask();
}

void init_IRQ(void)
{
	init_8259A();
}

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name, void *dev)
{
	struct irqaction *action, **p;
	unsigned long irqflags;
	int err = -EINVAL;

	if (irq >= NR_IRQS || irq == PIC_CASCADE_IRQ || !handler)
		goto out;
	/* A shared line needs dev_id to tell its handlers apart in free_irq. */
	if ((flags & IRQF_SHARED) && !dev)
		goto out;
	err = -ENOMEM;
	action = kzalloc(sizeof(*action), GFP_KERNEL);
	if (!action)
		goto out;
	action->handler = handler;
	action->flags = flags;
	action->name = name;
	action->dev_id = dev;

	local_irq_save(irqflags);
	p = &irq_actions[irq];
	if (*p && !((*p)->flags & flags & IRQF_SHARED)) {
		local_irq_restore(irqflags);
		pr_err("request_irq: IRQ %u (%s) busy with %s, not shared\n", irq, name, (*p)->name);
		kfree(action);
		err = -EBUSY;
		goto out;
	}
	while (*p)
		p = &(*p)->next;
	*p = action;
	pic_unmask(irq);
	local_irq_restore(irqflags);
	err = 0;
out:
	return err;
}

void free_irq(unsigned int irq, void *dev)
{
	struct irqaction *action = NULL, **p;
	unsigned long irqflags;

	if (irq >= NR_IRQS)
		return;
	local_irq_save(irqflags);
	for (p = &irq_actions[irq]; *p; p = &(*p)->next) {
		if ((*p)->dev_id == dev) {
			action = *p;
			*p = action->next;
			break;
		}
	}
	if (!irq_actions[irq])
		pic_mask(irq);
	local_irq_restore(irqflags);
	if (!action) {
		WARN_ON(1);	/* freeing a handler that was never requested */
		return;
	}
	kfree(action);
}

/*
 * An occasional interrupt no handler claims is normal (a device raised the line, then a handler
 * already consumed the event); a run of them means a device nobody drives is stuck asserting
 * it, as Linux's "irq N: nobody cared" reports.
 */
static void note_interrupt(unsigned int irq, irqreturn_t ret)
{
	if (ret != IRQ_NONE) {
		irqs_unhandled[irq] = 0;
		return;
	}
	if (++irqs_unhandled[irq] == IRQ_UNHANDLED_REPORT && !(irq_warned & (1u << irq))) {
		irq_warned |= 1u << irq;
		pr_err("irq %u: nobody cared (%d interrupts in a row unhandled)\n", irq, IRQ_UNHANDLED_REPORT);
	}
}

void do_IRQ(struct pt_regs *regs, unsigned int irq)
{
	struct pt_regs *old_regs = irq_regs;
	irqreturn_t ret = IRQ_NONE;

	if (pic_spurious(irq))
		return;
	irq_enter();
	irq_regs = regs;
	for (struct irqaction *a = irq_actions[irq]; a; a = a->next)
		ret |= a->handler((int)irq, a->dev_id);
	note_interrupt(irq, ret);
	pic_eoi(irq);
	irq_regs = old_regs;
	irq_exit();
}
