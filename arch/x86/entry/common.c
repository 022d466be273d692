/*
 * The C half of system call entry and of every return to user mode (Linux:
 * arch/x86/entry/common.c, kernel/entry/common.c).
 *
 * entry_SYSCALL_64 -> do_syscall_64(nr, regs) -> sys_call_table[nr] = __x64_sys_NAME(regs) ->
 * __do_sys_NAME(args) -> ... The result goes to regs->ax. On the way out, and on every interrupt
 * return to ring 3, pending work is done: a pending signal (its handler's frame, or its default
 * action), the restart of an interrupted call, and a reschedule when the time slice ran out.
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
 * Work before going back to user mode (Linux: exit_to_user_mode_loop): signals first, then a
 * reschedule if the time slice ran out. Returns with interrupts off, so nothing new can arrive
 * between the last check and the sysret/iret. in_syscall: regs->ax holds a result that may ask
 * for a restart (-ERESTARTSYS ...).
 */
static void exit_to_user_mode_loop(struct pt_regs *regs, bool in_syscall)
{
	local_irq_disable();
	while (need_resched() || signal_pending(current)) {
		local_irq_enable();
		if (signal_pending(current)) {
			arch_do_signal_or_restart(regs, in_syscall);
			in_syscall = false;	/* the restart decision is made once */
		}
		if (need_resched()) {
			if (!in_syscall)
				current->nivcsw++;
			schedule();
		}
		local_irq_disable();
	}
	if (in_syscall) {
		local_irq_enable();
		arch_do_signal_or_restart(regs, true);	/* no signal: restart codes restart */
		local_irq_disable();
	}
}

void syscall_exit_to_user_mode(struct pt_regs *regs)
{
	exit_to_user_mode_loop(regs, true);
}

/* Called by the interrupt/exception return path (kernel/traps.c) when going back to ring 3. */
void irqentry_exit_to_user_mode(struct pt_regs *regs)
{
	exit_to_user_mode_loop(regs, false);
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
	/* SYSRET clobbers RCX and R11: after sigreturn or execve they must come back as saved. */
	if (regs->cx != regs->ip || regs->r11 != regs->flags)
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
