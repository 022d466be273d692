/*
 * Ending tasks and waiting for them (Linux: kernel/exit.c). do_exit() gives back everything the task
 * holds (descriptors, address space), hands its children to init, becomes a zombie holding only its
 * exit status and wakes its parent; wait4() in the parent collects the status and frees the rest.
 * When init itself exits, the machine powers off with init's status (the --run plumbing).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/reboot.h>
#include <linux/sched/task.h>
#include <linux/sched/mm.h>
#include <linux/fdtable.h>
#include <linux/jiffies.h>
#include <asm/page.h>
#include <uapi/linux/wait.h>
#include <uapi/linux/time_types.h>

struct task_struct *child_reaper;

void release_task(struct task_struct *p)
{
	list_del(&p->tasks);
	list_del(&p->sibling);
	nr_tasks--;
	kfree(p->cmdline);
	kfree(p->stack);
	kfree(p);
}

/* Orphans go to init, which reaps them; zombies among them must wake it. */
static void forget_original_parent(struct task_struct *father)
{
	struct task_struct *p, *n;
	bool zombie = false;

	list_for_each_entry_safe(p, n, &father->children, sibling) {
		p->parent = child_reaper;
		list_move_tail(&p->sibling, &child_reaper->children);
		zombie |= p->exit_state == EXIT_ZOMBIE;
	}
	if (zombie)
		wake_up_interruptible_all(&child_reaper->wait_chldexit);
}

static void __noreturn init_exited(int status_word)
{
	int status = (status_word & 0x7f) ? 128 + (status_word & 0x7f) : (status_word >> 8) & 0xff;

	pr_notice("init exited with status %d\n", status);
	machine_power_off(status);
}

#define CLD_EXITED	1
#define CLD_KILLED	2

/*
 * Tells the parent: SIGCHLD (ignored unless it has a handler) and a wake-up for wait4. A parent
 * that set SIGCHLD to SIG_IGN or SA_NOCLDWAIT wants no zombies (POSIX): the child then frees
 * itself once it is switched out (finish_task_switch).
 */
static void exit_notify(struct task_struct *tsk)
{
	struct kernel_sigaction *ka = &tsk->parent->sighand[SIGCHLD - 1];

	if (ka->sa_handler == SIG_IGN || (ka->sa_flags & SA_NOCLDWAIT)) {
		tsk->exit_state = EXIT_DEAD;
	} else {
		tsk->exit_state = EXIT_ZOMBIE;
		send_sig_info(SIGCHLD, (tsk->exit_code & 0x7f) ? CLD_KILLED : CLD_EXITED, 0, tsk->parent);
	}
	wake_up_interruptible_all(&tsk->parent->wait_chldexit);
}

void do_exit(int status_word)
{
	struct task_struct *tsk = current;

	if (tsk == child_reaper)
		init_exited(status_word);

	tsk->flags |= PF_EXITING;
	del_timer_sync(&tsk->real_timer);
	if (tsk->files) {
		exit_files(tsk);
	}
	if (tsk->mm) {
		struct mm_struct *mm = tsk->mm;

		/* Leave the page tables before freeing them; the kernel half is in every PML4. */
		switch_mm(NULL);
		tsk->mm = NULL;
		mmput(mm);
	}

	forget_original_parent(tsk);
	tsk->exit_code = status_word;
	if (!(tsk->flags & PF_KTHREAD))
		exit_notify(tsk);
	set_current_state(TASK_DEAD);
	schedule();
	BUG();
}

SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

static bool wait_matches(const struct task_struct *p, pid_t pid)
{
	if (pid > 0)
		return p->pid == pid;
	if (pid == -1)
		return true;
	if (pid == 0)
		return p->pgid == current->pgid;
	return p->pgid == -pid;
}

struct rusage {
	struct __kernel_old_timeval ru_utime;
	struct __kernel_old_timeval ru_stime;
	long ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt, ru_nswap;
	long ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv, ru_nsignals, ru_nvcsw, ru_nivcsw;
};

static void ticks_to_timeval(unsigned long ticks, struct __kernel_old_timeval *tv)
{
	tv->tv_sec = ticks / HZ;
	tv->tv_usec = (ticks % HZ) * (1000000 / HZ);
}

#define RUSAGE_SELF	0
#define RUSAGE_CHILDREN	(-1)
#define RUSAGE_THREAD	1

SYSCALL_DEFINE2(getrusage, int, who, struct rusage __user *, ru)
{
	struct task_struct *tsk = current;
	struct rusage r;

	memset(&r, 0, sizeof(r));
	switch (who) {
	case RUSAGE_SELF:
	case RUSAGE_THREAD:
		ticks_to_timeval(tsk->utime, &r.ru_utime);
		ticks_to_timeval(tsk->stime, &r.ru_stime);
		r.ru_maxrss = tsk->mm ? tsk->mm->total_pages * (PAGE_SIZE / 1024) : 0;
		r.ru_nvcsw = tsk->nvcsw;
		r.ru_nivcsw = tsk->nivcsw;
		break;
	case RUSAGE_CHILDREN:
		ticks_to_timeval(tsk->cutime, &r.ru_utime);
		ticks_to_timeval(tsk->cstime, &r.ru_stime);
		break;
	default:
		return -EINVAL;
	}
	return copy_to_user(ru, &r, sizeof(r)) ? -EFAULT : 0;
}

static long wait_task_zombie(struct task_struct *p, int options, int __user *stat_addr,
			     struct rusage __user *ru)
{
	int status = p->exit_code;
	pid_t pid = p->pid;
	struct rusage r;
	long ret = pid;

	if (ru) {
		memset(&r, 0, sizeof(r));
		ticks_to_timeval(p->utime, &r.ru_utime);
		ticks_to_timeval(p->stime, &r.ru_stime);
	}
	/* As Linux: the child is reaped even when the status cannot be stored. */
	if (!(options & WNOWAIT)) {
		current->cutime += p->utime + p->cutime;
		current->cstime += p->stime + p->cstime;
		release_task(p);
	}
	if (stat_addr && put_user(status, stat_addr))
		ret = -EFAULT;
	if (ru && copy_to_user(ru, &r, sizeof(r)))
		ret = -EFAULT;
	return ret;
}

/*
 * Sleeps until a child matching upid is a zombie and returns it. NULL with *err set otherwise:
 * -ECHILD (no such child), 0 (WNOHANG and none has exited), -ERESTARTSYS (a signal).
 */
static noinline struct task_struct *do_wait(pid_t upid, int options, long *err)
{
	struct task_struct *self = current, *p, *zombie = NULL;
	DEFINE_WAIT(wait);

	for (;;) {
		bool found = false;

		prepare_to_wait(&self->wait_chldexit, &wait, TASK_INTERRUPTIBLE);
		list_for_each_entry(p, &self->children, sibling) {
			if (!wait_matches(p, upid) || p->exit_state == EXIT_DEAD)
				continue;
			found = true;
			if (p->exit_state == EXIT_ZOMBIE) {
				zombie = p;
				break;
			}
		}
		*err = -ECHILD;
		if (zombie || !found)
			break;
		*err = 0;
		if (options & WNOHANG)
			break;
		*err = -ERESTARTSYS;
		if (signal_pending(self))
			break;
		schedule();
	}
	finish_wait(&self->wait_chldexit, &wait);
	return zombie;
}

static noinline long kernel_wait4(pid_t upid, int __user *stat_addr, int options, struct rusage __user *ru)
{
	struct task_struct *p;
	long err;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | WNOWAIT | __WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (upid == -INT_MAX - 1)		/* -INT_MIN would overflow */
		return -ESRCH;
	p = do_wait(upid, options, &err);
	return p ? wait_task_zombie(p, options, stat_addr, ru) : err;
}

SYSCALL_DEFINE4(wait4, pid_t, upid, int __user *, stat_addr, int, options, struct rusage __user *, ru)
{
	return kernel_wait4(upid, stat_addr, options, ru);
}

/* The siginfo waitid() fills, x86_64 layout (128 bytes). */
struct waitid_info {
	int si_signo;
	int si_errno;
	int si_code;
	int pad;
	int si_pid;
	unsigned int si_uid;
	int si_status;
	int pad2;
	long si_utime, si_stime;
	char rest[128 - 48];
};

SYSCALL_DEFINE5(waitid, int, which, pid_t, upid, struct waitid_info __user *, infop, int, options,
		struct rusage __user *, ru)
{
	struct waitid_info info;
	struct task_struct *p;
	pid_t pid;
	long err;

	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	switch (which) {
	case P_ALL:
		pid = -1;
		break;
	case P_PID:
		if (upid <= 0)
			return -EINVAL;
		pid = upid;
		break;
	case P_PGID:
		if (upid < 0)
			return -EINVAL;
		pid = -upid;	/* 0: the caller's group, as wait4(0) */
		break;
	default:
		return -EINVAL;
	}
	memset(&info, 0, sizeof(info));
	/* Without job control only exits are events: waiting for stops alone waits for nothing. */
	p = (options & WEXITED) ? do_wait(pid, options, &err) : NULL;
	if (!(options & WEXITED))
		err = (options & WNOHANG) ? 0 : -ECHILD;
	if (p) {
		info.si_signo = SIGCHLD;
		info.si_pid = p->pid;
		if (p->exit_code & 0x7f) {
			info.si_code = CLD_KILLED;
			info.si_status = p->exit_code & 0x7f;
		} else {
			info.si_code = CLD_EXITED;
			info.si_status = (p->exit_code >> 8) & 0xff;
		}
		err = wait_task_zombie(p, options, NULL, ru);
		if (err > 0)
			err = 0;
	}
	if (err < 0)
		return err;
	if (infop && copy_to_user(infop, &info, sizeof(info)))
		return -EFAULT;
	return 0;
}
