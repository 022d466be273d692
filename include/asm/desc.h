/*
 * Descriptor tables (kernel/traps.c): the GDT with kernel and user segments and the TSS, and the
 * IDT. Vectors 0-31 are CPU exceptions, 32-47 the remapped 8259 PIC lines (kernel/irq.c).
 */
#ifndef _ASM_X86_DESC_H
#define _ASM_X86_DESC_H

#include <linux/types.h>
#include <asm/ptrace.h>

#define FIRST_EXTERNAL_VECTOR	0x20
#define NR_VECTORS		256

/* Sets up GDT, TSS and IDT; called first thing in start_kernel. */
void trap_init(void);

/*
 * Hooks other areas implement (weak defaults in kernel/traps.c):
 * do_user_fault: an exception in user mode (the process gets killed; must not return to it).
 * irqentry_exit_to_user_mode: on every return to ring 3 from an interrupt or exception.
 */
void do_user_fault(struct pt_regs *regs, int trapnr, unsigned long error_code, unsigned long address);
void irqentry_exit_to_user_mode(struct pt_regs *regs);

/* Prints the registers the way Linux's __show_regs does (used by panics and oopses). */
void show_regs(struct pt_regs *regs);

/*
 * Exception fixups: a kernel instruction that may fault on a user address (copy_from_user) is
 * listed with _ASM_EXTABLE(insn, fixup); a page fault or #GP at insn then resumes at fixup
 * instead of panicking. In C inline asm: "1: movb (%1), %0\n" _ASM_EXTABLE(1b, 2b).
 */
struct exception_table_entry {
	unsigned long insn;
	unsigned long fixup;
};
#define _ASM_EXTABLE(from, to) \
	" .pushsection __ex_table, \"a\"\n .balign 8\n .quad " #from ", " #to "\n .popsection\n"
const struct exception_table_entry *search_exception_tables(unsigned long addr);

#endif
