/*
 * The C half of system call entry and of every return to user mode (Linux:
 * arch/x86/entry/common.c, kernel/entry/common.c).
 *
 * entry_SYSCALL_64 -> do_syscall_64(nr, regs) -> sys_call_table[nr] = __x64_sys_NAME(regs) ->
 * __do_sys_NAME(args) -> ... The result goes to regs->ax. On the way out, and on every interrupt
 * return to ring 3, pending work is done: a reschedule when the time slice ran out, and the
 * default action of a pending signal (the process ends).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched/task.h>
#include <linux/sched/mm.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include "syscall.h"

#define X86_EFLAGS_TF	0x100UL
#define X86_EFLAGS_RF	0x10000UL

/*
 * Work before going back to user mode; returns with interrupts off so nothing new can arrive
 * between the last check and the sysret/iret.
 */
__visible void syscall_exit_to_user_mode(struct pt_regs *regs)
{
	/* No restart of interrupted calls: a sleep cut by a signal reports EINTR (SA_RESTART unsupported). */
	if ((long)regs->ax == -ERESTARTSYS)
		regs->ax = -EINTR;

	local_irq_disable();
	while (need_resched() || fatal_signal_pending(current)) {
		local_irq_enable();
		if (fatal_signal_pending(current))
			do_signal_exit();
		schedule();
		local_irq_disable();
	}
}

/* Called by the interrupt/exception return path (kernel/irq entry) when going back to ring 3. */
__visible void irqentry_exit_to_user_mode(struct pt_regs *regs)
{
	local_irq_disable();
	while (need_resched() || fatal_signal_pending(current)) {
		local_irq_enable();
		if (fatal_signal_pending(current))
			do_signal_exit();
		current->nivcsw++;
		schedule();
		local_irq_disable();
	}
}

/*
 * SYSRET reloads RIP from RCX and RFLAGS from R11 and trusts both: a non-canonical RIP would fault
 * in ring 0 on the user stack (the Intel SYSRET erratum), TF/RF need IRET's semantics.
 */
static bool syscall_can_sysret(const struct pt_regs *regs)
{
	if (regs->cs != __USER_CS || regs->ss != __USER_DS)
		return false;
	if (regs->ip >= TASK_SIZE_MAX)
		return false;
	return !(regs->flags & (X86_EFLAGS_TF | X86_EFLAGS_RF));
}

__visible noinline bool do_syscall_64(unsigned long nr, struct pt_regs *regs)
{
	local_irq_enable();
	if (likely(nr < NR_syscalls) && sys_call_table[nr])
		regs->ax = sys_call_table[nr](regs);
	syscall_exit_to_user_mode(regs);
	return syscall_can_sysret(regs);
}
