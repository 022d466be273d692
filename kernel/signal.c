/*
 * Signals (Linux: kernel/signal.c). A signal is a bit in task->pending plus a little siginfo.
 * Sending drops what would be ignored anyway (SIG_IGN, or SIG_DFL of SIGCHLD, SIGURG, SIGWINCH,
 * SIGCONT; the job-control stops, since there is no job control). On the way back to user mode
 * (arch_do_signal_or_restart) the lowest unblocked pending signal is taken: a handler gets a
 * signal frame (arch/x86/kernel/signal.c), the default action ends the task. A pending signal
 * also cuts short an interruptible sleep (signal_pending -> -EINTR/-ERESTARTSYS). Init (pid 1)
 * gets only the signals it has handlers for, as Linux's SIGNAL_UNKILLABLE. User-mode CPU
 * exceptions arrive through do_user_fault() with a Linux-style message.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/jiffies.h>
#include <linux/timer.h>
#include <linux/sched/task.h>
#include <asm/desc.h>
#include <asm/processor.h>
#include <uapi/asm/signal.h>
#include <uapi/linux/time.h>
#include <uapi/linux/time_types.h>

#define SIG_KERNEL_ONLY_MASK	(sigmask(SIGKILL) | sigmask(SIGSTOP))
#define SIG_KERNEL_IGNORE_MASK	(sigmask(SIGCHLD) | sigmask(SIGURG) | sigmask(SIGWINCH) |	\
				 sigmask(SIGCONT) | sigmask(SIGSTOP) | sigmask(SIGTSTP) |	\
				 sigmask(SIGTTIN) | sigmask(SIGTTOU))
#define SI_USER		0
#define SI_KERNEL	0x80

static const char *const signal_names[] = {
	[SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT", [SIGQUIT] = "SIGQUIT", [SIGILL] = "SIGILL",
	[SIGTRAP] = "SIGTRAP", [SIGABRT] = "SIGABRT", [SIGBUS] = "SIGBUS", [SIGFPE] = "SIGFPE",
	[SIGKILL] = "SIGKILL", [SIGUSR1] = "SIGUSR1", [SIGSEGV] = "SIGSEGV", [SIGUSR2] = "SIGUSR2",
	[SIGPIPE] = "SIGPIPE", [SIGALRM] = "SIGALRM", [SIGTERM] = "SIGTERM",
};

static struct kernel_sigaction *sig_action(struct task_struct *p, int sig)
{
	return &p->sighand[sig - 1];
}

int signal_pending(struct task_struct *p)
{
	return (p->pending & ~p->blocked) != 0;
}

static bool sig_ignored(struct task_struct *p, int sig)
{
	__sighandler_t handler = sig_action(p, sig)->sa_handler;

	if (sig == SIGKILL)
		return false;
	if (handler == SIG_IGN)
		return true;
	if (handler != SIG_DFL)
		return false;
	/* Init dies of nothing it did not ask for (Linux: SIGNAL_UNKILLABLE). */
	return (sigmask(sig) & SIG_KERNEL_IGNORE_MASK) || p == child_reaper;
}

int send_sig_info(int sig, int code, unsigned long addr, struct task_struct *p)
{
	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (p->exit_state || (p->flags & PF_KTHREAD))
		return 0;
	if (sig_ignored(p, sig))
		return 0;
	p->pending |= sigmask(sig);
	p->siginfo[sig - 1].pid = in_interrupt() ? 0 : current->pid;	/* SIGCHLD: the child */
	p->siginfo[sig - 1].code = code;
	p->siginfo[sig - 1].addr = addr;
	if (!(p->blocked & sigmask(sig)))
		wake_up_state(p, TASK_INTERRUPTIBLE);
	return 0;
}

int send_sig(int sig, struct task_struct *p, int priv)
{
	return send_sig_info(sig, in_interrupt() ? SI_KERNEL : SI_USER, 0, p);
}

/* Sends sig (0: none, just the check) to every user process in group pgid (0: all); -ESRCH if none. */
int kill_pgrp(pid_t pgid, int sig)
{
	struct task_struct *p;
	int ret = -ESRCH;

	list_for_each_entry(p, &init_task.tasks, tasks) {
		if ((p->flags & PF_KTHREAD) || p->exit_state || (pgid && p->pgid != pgid))
			continue;
		ret = sig ? send_sig(sig, p, 0) : 0;	/* 0: only "does the group exist" */
	}
	return ret;
}

int get_signal(struct kernel_sigaction *ka)
{
	struct task_struct *tsk = current;

	while (signal_pending(tsk)) {
		unsigned long pending = tsk->pending & ~tsk->blocked;
		int sig = __builtin_ctzl(pending) + 1;

		tsk->pending &= ~sigmask(sig);
		*ka = *sig_action(tsk, sig);
		if (ka->sa_handler == SIG_IGN)
			continue;	/* became ignored while pending */
		if (ka->sa_handler != SIG_DFL) {
			if (ka->sa_flags & SA_RESETHAND)
				sig_action(tsk, sig)->sa_handler = SIG_DFL;
			return sig;
		}
		if (sigmask(sig) & SIG_KERNEL_IGNORE_MASK)
			continue;
		do_exit(sig);	/* the default action: terminate (no core dumps) */
	}
	return 0;
}

void flush_signal_handlers(struct task_struct *t)
{
	for (int i = 0; i < _NSIG; i++) {
		struct kernel_sigaction *ka = &t->sighand[i];

		if (ka->sa_handler != SIG_IGN)
			ka->sa_handler = SIG_DFL;
		ka->sa_flags = 0;
		ka->sa_restorer = NULL;
		ka->sa_mask = 0;
	}
}

static long kill_something_info(int sig, pid_t pid)
{
	struct task_struct *p;
	int ret;

	if (pid > 0) {
		p = find_task_by_pid(pid);
		if (!p || (p->flags & PF_KTHREAD) || p->exit_state)
			return -ESRCH;
		return sig ? send_sig_info(sig, SI_USER, 0, p) : 0;
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
		ret = sig ? send_sig_info(sig, SI_USER, 0, p) : 0;
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
	struct kernel_sigaction new_sa, *k;

	if (sigsetsize != sizeof(unsigned long))
		return -EINVAL;
	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (act && (sigmask(sig) & SIG_KERNEL_ONLY_MASK))
		return -EINVAL;
	if (act && copy_from_user(&new_sa, act, sizeof(new_sa)))
		return -EFAULT;
	k = sig_action(current, sig);
	if (oact && copy_to_user(oact, k, sizeof(*k)))
		return -EFAULT;
	if (act) {
		/* x86_64 returns from handlers through sa_restorer only. */
		if (new_sa.sa_handler != SIG_DFL && new_sa.sa_handler != SIG_IGN &&
		    !(new_sa.sa_flags & SA_RESTORER))
			return -EINVAL;
		new_sa.sa_mask &= ~SIG_KERNEL_ONLY_MASK;
		*k = new_sa;
		/* POSIX: setting SIG_IGN (or a default that ignores) discards a pending signal. */
		if (sig_ignored(current, sig))
			current->pending &= ~sigmask(sig);
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

/* Sleeps until a signal is delivered; returns -EINTR after its handler. */
SYSCALL_DEFINE0(pause)
{
	while (!signal_pending(current)) {
		set_current_state(TASK_INTERRUPTIBLE);
		schedule();
	}
	return -ERESTARTNOHAND;
}

SYSCALL_DEFINE2(rt_sigsuspend, unsigned long __user *, unewset, size_t, sigsetsize)
{
	unsigned long newset;

	if (sigsetsize != sizeof(unsigned long))
		return -EINVAL;
	if (copy_from_user(&newset, unewset, sizeof(newset)))
		return -EFAULT;
	current->saved_sigmask = current->blocked;
	current->restore_sigmask = true;
	current->blocked = newset & ~SIG_KERNEL_ONLY_MASK;
	while (!signal_pending(current)) {
		set_current_state(TASK_INTERRUPTIBLE);
		schedule();
	}
	return -ERESTARTNOHAND;
}

/* No alternate signal stacks: handlers run on the normal stack (SA_ONSTACK is ignored). */
SYSCALL_DEFINE2(sigaltstack, const void __user *, uss, void __user *, uoss)
{
	static const struct {
		void *ss_sp;
		int ss_flags;
		size_t ss_size;
	} disabled = { .ss_flags = 2 /* SS_DISABLE */ };

	if (uoss && copy_to_user(uoss, &disabled, sizeof(disabled)))
		return -EFAULT;
	return uss ? -ENOMEM : 0;
}

/* ITIMER_REAL (Linux: kernel/time/itimer.c): SIGALRM when the timer runs out. */
void it_real_fn(struct timer_list *t)
{
	struct task_struct *p = from_timer(p, t, real_timer);

	send_sig_info(SIGALRM, SI_KERNEL, 0, p);
	if (p->it_real_incr)
		mod_timer(&p->real_timer, jiffies + p->it_real_incr);
}

static unsigned long it_real_remaining(struct task_struct *p)
{
	return timer_pending(&p->real_timer) ? max((long)(p->real_timer.expires - jiffies), 1L) : 0;
}

static void jiffies_to_timeval(unsigned long j, struct __kernel_old_timeval *tv)
{
	tv->tv_sec = j / HZ;
	tv->tv_usec = (j % HZ) * (1000000 / HZ);
}

static unsigned long timeval_to_jiffies(const struct __kernel_old_timeval *tv)
{
	unsigned long j = tv->tv_sec * HZ + DIV_ROUND_UP(tv->tv_usec, 1000000 / HZ);

	return min(j, (unsigned long)MAX_JIFFY_OFFSET);
}

SYSCALL_DEFINE1(alarm, unsigned int, seconds)
{
	struct task_struct *p = current;
	unsigned long left = it_real_remaining(p);

	del_timer(&p->real_timer);
	p->it_real_incr = 0;
	if (seconds)
		mod_timer(&p->real_timer, jiffies + (unsigned long)seconds * HZ);
	return DIV_ROUND_UP(left, HZ);
}

struct kernel_itimerval {
	struct __kernel_old_timeval it_interval;
	struct __kernel_old_timeval it_value;
};

static void get_real_itimer(struct task_struct *p, struct kernel_itimerval *v)
{
	jiffies_to_timeval(p->it_real_incr, &v->it_interval);
	jiffies_to_timeval(it_real_remaining(p), &v->it_value);
}

SYSCALL_DEFINE2(getitimer, int, which, struct kernel_itimerval __user *, value)
{
	struct kernel_itimerval v;

	if (which != ITIMER_REAL)
		return -EINVAL;
	get_real_itimer(current, &v);
	return copy_to_user(value, &v, sizeof(v)) ? -EFAULT : 0;
}

SYSCALL_DEFINE3(setitimer, int, which, struct kernel_itimerval __user *, value,
		struct kernel_itimerval __user *, ovalue)
{
	struct task_struct *p = current;
	struct kernel_itimerval v, old;

	if (which != ITIMER_REAL)
		return -EINVAL;
	if (value && copy_from_user(&v, value, sizeof(v)))
		return -EFAULT;
	if (value && (v.it_value.tv_sec < 0 || v.it_value.tv_usec < 0 || v.it_value.tv_usec >= 1000000 ||
		      v.it_interval.tv_sec < 0 || v.it_interval.tv_usec < 0 ||
		      v.it_interval.tv_usec >= 1000000))
		return -EINVAL;
	get_real_itimer(p, &old);
	if (value) {
		unsigned long expires = timeval_to_jiffies(&v.it_value);

		del_timer(&p->real_timer);
		p->it_real_incr = timeval_to_jiffies(&v.it_interval);
		if (expires)
			mod_timer(&p->real_timer, jiffies + expires);
	}
	if (ovalue && copy_to_user(ovalue, &old, sizeof(old)))
		return -EFAULT;
	return 0;
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
void do_user_fault(struct pt_regs *regs, int trapnr, unsigned long error_code, unsigned long address)
{
	struct task_struct *tsk = current;
	int sig = SIGSEGV;
	const char *str = "trap";
	__sighandler_t handler;

	if (trapnr >= 0 && trapnr < (int)ARRAY_SIZE(trap_info) && trap_info[trapnr].str) {
		sig = trap_info[trapnr].sig;
		str = trap_info[trapnr].str;
	}
	/* A program that catches the signal gets it (siginfo carries the address). */
	handler = sig_action(tsk, sig)->sa_handler;
	if (handler != SIG_DFL && handler != SIG_IGN && !(tsk->blocked & sigmask(sig))) {
		send_sig_info(sig, SI_KERNEL, trapnr == X86_TRAP_PF ? address : regs->ip, tsk);
		return;
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
