/*
 * Signals, default actions only (Linux: kernel/signal.c, arch/x86/kernel/signal.c).
 *
 * A signal is a bit in task->pending. Signals whose default action is to ignore (SIGCHLD, SIGURG,
 * SIGWINCH, SIGCONT; the job-control stops, since there is no job control) and signals the task set
 * to SIG_IGN are dropped when sent; every other one terminates the task the next time it would
 * return to user mode (syscall_exit_to_user_mode), and cuts short an interruptible sleep
 * (signal_pending -> -EINTR/-ERESTARTSYS). Handlers are not delivered: rt_sigaction accepts
 * SIG_DFL and SIG_IGN only. Init (pid 1) cannot be killed by a signal, as in Linux.
 * A user-mode CPU exception arrives here through do_user_fault() with a Linux-style message.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/sched/task.h>
#include <asm/desc.h>
#include <asm/processor.h>
#include <uapi/asm/signal.h>

#define sigmask(sig)	(1UL << ((sig) - 1))
#define SIG_KERNEL_ONLY_MASK	(sigmask(SIGKILL) | sigmask(SIGSTOP))
#define SIG_KERNEL_IGNORE_MASK	(sigmask(SIGCHLD) | sigmask(SIGURG) | sigmask(SIGWINCH) |	\
				 sigmask(SIGCONT) | sigmask(SIGSTOP) | sigmask(SIGTSTP) |	\
				 sigmask(SIGTTIN) | sigmask(SIGTTOU))

static const char *const signal_names[] = {
	[SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT", [SIGQUIT] = "SIGQUIT", [SIGILL] = "SIGILL",
	[SIGTRAP] = "SIGTRAP", [SIGABRT] = "SIGABRT", [SIGBUS] = "SIGBUS", [SIGFPE] = "SIGFPE",
	[SIGKILL] = "SIGKILL", [SIGUSR1] = "SIGUSR1", [SIGSEGV] = "SIGSEGV", [SIGUSR2] = "SIGUSR2",
	[SIGPIPE] = "SIGPIPE", [SIGALRM] = "SIGALRM", [SIGTERM] = "SIGTERM",
};

int signal_pending(struct task_struct *p)
{
	return (p->pending & ~p->blocked) != 0;
}

/* With no handlers, every deliverable signal ends the task. */
int fatal_signal_pending(struct task_struct *p)
{
	return signal_pending(p);
}

int send_sig(int sig, struct task_struct *p)
{
	unsigned long mask;

	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	mask = sigmask(sig);
	if (p->exit_state || (p->flags & PF_KTHREAD) || p == child_reaper)
		return 0;
	if (mask & SIG_KERNEL_IGNORE_MASK)
		return 0;
	if ((p->sig_ignored & mask) && !(mask & SIG_KERNEL_ONLY_MASK))
		return 0;
	p->pending |= mask;
	if (!(p->blocked & mask))
		wake_up_state(p, TASK_INTERRUPTIBLE);
	return 0;
}

/* Sends sig to every user process in group pgid (0: all of them); returns -ESRCH if none. */
int kill_pgrp(pid_t pgid, int sig)
{
	struct task_struct *p;
	int ret = -ESRCH;

	list_for_each_entry(p, &init_task.tasks, tasks) {
		if ((p->flags & PF_KTHREAD) || p->exit_state || (pgid && p->pgid != pgid))
			continue;
		ret = send_sig(sig, p);
	}
	return ret;
}

/* The default action of the lowest pending signal: the task ends, killed by it. */
void do_signal_exit(void)
{
	unsigned long pending = current->pending & ~current->blocked;
	int sig = __builtin_ctzl(pending) + 1;

	current->pending &= ~sigmask(sig);
	do_exit(sig);
}

static long kill_something_info(int sig, pid_t pid)
{
	struct task_struct *p;
	int ret;

	if (pid > 0) {
		p = find_task_by_pid(pid);
		if (!p || (p->flags & PF_KTHREAD) || p->exit_state)
			return -ESRCH;
		return sig ? send_sig(sig, p) : 0;
	}
	if (pid == -INT_MAX - 1)
		return -ESRCH;
	if (pid != -1)
		return kill_pgrp(pid ? -pid : current->pgid, sig);

	/* -1: everyone but init and the caller */
	ret = -ESRCH;
	list_for_each_entry(p, &init_task.tasks, tasks) {
		if ((p->flags & PF_KTHREAD) || p->exit_state || p == child_reaper || p == current)
			continue;
		ret = sig ? send_sig(sig, p) : 0;
	}
	return ret;
}

SYSCALL_DEFINE2(kill, pid_t, pid, int, sig)
{
	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	return kill_something_info(sig, pid);
}

SYSCALL_DEFINE2(tkill, pid_t, pid, int, sig)
{
	if (pid <= 0 || sig < 0 || sig > _NSIG)
		return -EINVAL;
	return kill_something_info(sig, pid);
}

SYSCALL_DEFINE3(tgkill, pid_t, tgid, pid_t, pid, int, sig)
{
	if (pid <= 0 || tgid <= 0 || sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (tgid != pid)
		return -ESRCH;
	return kill_something_info(sig, pid);
}

SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct kernel_sigaction __user *, act,
		struct kernel_sigaction __user *, oact, size_t, sigsetsize)
{
	struct kernel_sigaction new_sa, old_sa;
	unsigned long mask;

	if (sigsetsize != sizeof(unsigned long))
		return -EINVAL;
	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	mask = sigmask(sig);
	if (act && (mask & SIG_KERNEL_ONLY_MASK))
		return -EINVAL;
	if (act && copy_from_user(&new_sa, act, sizeof(new_sa)))
		return -EFAULT;

	memset(&old_sa, 0, sizeof(old_sa));
	old_sa.sa_handler = (current->sig_ignored & mask) ? SIG_IGN : SIG_DFL;
	if (oact && copy_to_user(oact, &old_sa, sizeof(old_sa)))
		return -EFAULT;

	if (act) {
		if (new_sa.sa_handler == SIG_IGN) {
			current->sig_ignored |= mask;
			current->pending &= ~mask;	/* POSIX: setting SIG_IGN discards it */
		} else if (new_sa.sa_handler == SIG_DFL) {
			current->sig_ignored &= ~mask;
		} else {
			return -EINVAL;			/* handlers are not delivered by this kernel */
		}
	}
	return 0;
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how, unsigned long __user *, nset, unsigned long __user *, oset,
		size_t, sigsetsize)
{
	unsigned long old = current->blocked, set;

	if (sigsetsize != sizeof(unsigned long))
		return -EINVAL;
	if (nset) {
		if (copy_from_user(&set, nset, sizeof(set)))
			return -EFAULT;
		set &= ~SIG_KERNEL_ONLY_MASK;
		switch (how) {
		case SIG_BLOCK:
			current->blocked |= set;
			break;
		case SIG_UNBLOCK:
			current->blocked &= ~set;
			break;
		case SIG_SETMASK:
			current->blocked = set;
			break;
		default:
			return -EINVAL;
		}
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(rt_sigpending, unsigned long __user *, uset, size_t, sigsetsize)
{
	unsigned long pending = current->pending & current->blocked;

	if (sigsetsize > sizeof(unsigned long))
		return -EINVAL;
	return copy_to_user(uset, &pending, sigsetsize) ? -EFAULT : 0;
}

/* Sleeps until a signal ends the process (no handlers to return to). */
SYSCALL_DEFINE0(pause)
{
	while (!signal_pending(current)) {
		set_current_state(TASK_INTERRUPTIBLE);
		schedule();
	}
	return -ERESTARTSYS;
}

/* Trap numbers of the CPU exceptions a user program can cause. */
enum {
	X86_TRAP_DE = 0, X86_TRAP_DB = 1, X86_TRAP_BP = 3, X86_TRAP_OF = 4, X86_TRAP_BR = 5,
	X86_TRAP_UD = 6, X86_TRAP_NM = 7, X86_TRAP_SS = 12, X86_TRAP_GP = 13, X86_TRAP_PF = 14,
	X86_TRAP_MF = 16, X86_TRAP_AC = 17, X86_TRAP_XF = 19,
};

static const struct {
	int sig;
	const char *str;
} trap_info[] = {
	[X86_TRAP_DE] = { SIGFPE, "divide error" },
	[X86_TRAP_DB] = { SIGTRAP, "debug" },
	[X86_TRAP_BP] = { SIGTRAP, "int3" },
	[X86_TRAP_OF] = { SIGSEGV, "overflow" },
	[X86_TRAP_BR] = { SIGSEGV, "bounds" },
	[X86_TRAP_UD] = { SIGILL, "invalid opcode" },
	[X86_TRAP_NM] = { SIGFPE, "device not available" },
	[X86_TRAP_SS] = { SIGBUS, "stack segment" },
	[X86_TRAP_GP] = { SIGSEGV, "general protection fault" },
	[X86_TRAP_PF] = { SIGSEGV, "page fault" },
	[X86_TRAP_MF] = { SIGFPE, "coprocessor error" },
	[X86_TRAP_AC] = { SIGBUS, "alignment check" },
	[X86_TRAP_XF] = { SIGFPE, "simd exception" },
};

/*
 * A CPU exception in user mode (called by the trap handlers in kernel/traps.c). The message follows
 * Linux's show_signal_msg()/do_trap() wording so what students see matches a Linux box, then the
 * task dies of the signal and its parent's wait4() sees it (WIFSIGNALED, WTERMSIG).
 */
void __noreturn do_user_fault(struct pt_regs *regs, int trapnr, unsigned long error_code,
			      unsigned long address)
{
	struct task_struct *tsk = current;
	int sig = SIGSEGV;
	const char *str = "trap";

	if (trapnr >= 0 && trapnr < (int)ARRAY_SIZE(trap_info) && trap_info[trapnr].str) {
		sig = trap_info[trapnr].sig;
		str = trap_info[trapnr].str;
	}
	if (trapnr == X86_TRAP_PF)
		pr_info("%s[%d]: segfault at %lx ip %016lx sp %016lx error %lx\n",
			tsk->comm, tsk->pid, address, regs->ip, regs->sp, error_code);
	else if (trapnr == X86_TRAP_GP)
		pr_info("traps: %s[%d] general protection fault ip:%lx sp:%lx error:%lx\n",
			tsk->comm, tsk->pid, regs->ip, regs->sp, error_code);
	else
		pr_info("traps: %s[%d] trap %s ip:%lx sp:%lx error:%lx\n",
			tsk->comm, tsk->pid, str, regs->ip, regs->sp, error_code);
	pr_info("%s[%d]: killed by %s\n", tsk->comm, tsk->pid, signal_names[sig]);
	local_irq_enable();
	do_exit(sig);
}
