/*
 * Hardware interrupt lines (kernel/irq.c): the two 8259 PICs give IRQ 0-15, remapped to vectors
 * 0x20-0x2f. IRQ 0 is the PIT timer, 4 COM1; PCI devices get the line in their config space.
 */
#ifndef _ASM_X86_IRQ_H
#define _ASM_X86_IRQ_H

#include <asm/ptrace.h>
#include <asm/trapnr.h>

#define NR_IRQS_LEGACY	16
#define NR_IRQS		NR_IRQS_LEGACY

/* Entry from do_interrupt (kernel/traps.c) for a PIC line. */
void do_IRQ(struct pt_regs *regs, unsigned int irq);
void init_IRQ(void);

/* The registers of the interrupted context, valid inside a hard IRQ handler. */
struct pt_regs *get_irq_regs(void);

static inline int user_mode(const struct pt_regs *regs)
{
	return regs->cs & 3;
}

#endif
