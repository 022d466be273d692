/*
 * The process descriptor and what the scheduler, fork/exec/exit, signals and the file layer share
 * about it. Code outside kernel/ and fs/ sees only include/linux/sched.h (current, sleeping,
 * signal_pending); this header is the inside view.
 *
 * One CPU: a task runs until it sleeps, exits or (in user mode only) uses up its time slice.
 * Every task has a kernel stack of THREAD_SIZE bytes; a user task's saved user registers
 * (struct pt_regs) sit at the very top of it, where the syscall and interrupt entries push them.
 */
#ifndef _LINUX_SCHED_TASK_H
#define _LINUX_SCHED_TASK_H

#include <linux/sched.h>
#include <linux/list.h>
#include <linux/wait.h>
#include <linux/timer.h>
#include <asm/ptrace.h>
#include <uapi/asm/signal.h>

#define THREAD_SIZE	(16 * 1024)
#define TASK_COMM_LEN	16
#define PID_MAX		32768

/* task->state values beyond TASK_RUNNING/INTERRUPTIBLE/UNINTERRUPTIBLE (wait.h) */
#define TASK_DEAD	0x0080

/* task->exit_state */
#define EXIT_ZOMBIE	0x0010
#define EXIT_DEAD	0x0020

/* task->flags */
#define PF_KTHREAD	0x00200000	/* kernel thread: no mm, never returns to user mode */
#define PF_IDLE		0x00000002	/* the idle task (pid 0) */
#define PF_EXITING	0x00000004

/* Registers the context switch saves; everything else is on the kernel stack. */
struct thread_struct {
	unsigned long sp;		/* kernel rsp while switched out */
	unsigned long fsbase;		/* user FS base (arch_prctl ARCH_SET_FS), reloaded on switch */
};

struct mm_struct;
struct files_struct;
struct signal_struct;

struct task_struct {
	volatile long state;		/* TASK_RUNNING, TASK_INTERRUPTIBLE ... */
	unsigned int flags;		/* PF_* */
	void *stack;			/* the kernel stack, THREAD_SIZE bytes */
	struct thread_struct thread;

	pid_t pid;
	pid_t pgid;			/* process group: Ctrl-C goes to the terminal's group */
	pid_t sid;
	char comm[TASK_COMM_LEN];	/* program name (basename of the executable) */
	char *cmdline;			/* argv joined with NULs, for /proc/<pid>/cmdline and ps */
	size_t cmdline_len;

	struct mm_struct *mm;		/* NULL for kernel threads */
	struct files_struct *files;	/* open descriptors */
	char cwd[256];			/* working directory, an absolute normalised path */

	struct task_struct *parent;
	struct list_head children;	/* my children, linked by their ->sibling */
	struct list_head sibling;
	struct list_head tasks;		/* every task (init_task.tasks is the head) */
	struct list_head run_list;	/* on the run queue while runnable */
	bool on_rq;

	int exit_state;			/* EXIT_ZOMBIE until the parent reaps it */
	int exit_code;			/* wait4 status word: (code << 8) or signal number */
	wait_queue_head_t wait_chldexit;	/* this task sleeps here in wait4 */

	unsigned long pending;		/* pending signals, bit (sig - 1) */
	unsigned long blocked;		/* rt_sigprocmask mask */
	unsigned long saved_sigmask;	/* blocked before rt_sigsuspend, restored after the handler */
	bool restore_sigmask;
	struct kernel_sigaction sighand[_NSIG];	/* rt_sigaction, index sig - 1 */
	struct {
		pid_t pid;		/* sender (kill), for siginfo */
		int code;		/* SI_USER, SI_KERNEL, SEGV_MAPERR ... */
		unsigned long addr;	/* faulting address for SIGSEGV/SIGBUS/SIGILL/SIGFPE */
	} siginfo[_NSIG];
	struct timer_list real_timer;	/* alarm()/setitimer(ITIMER_REAL): sends SIGALRM */
	unsigned long it_real_incr;	/* interval in jiffies, 0 = one shot */

	int time_slice;			/* ticks left before user mode is preempted */
	unsigned long utime, stime;	/* ticks spent in user / kernel mode */
	unsigned long cutime, cstime;	/* of waited-for children (getrusage RUSAGE_CHILDREN) */
	unsigned long start_time;	/* jiffies at fork */
	unsigned long nvcsw, nivcsw;	/* voluntary / involuntary context switches */

	int (*threadfn)(void *data);	/* kernel thread body (kthread_create) */
	void *thread_data;

	/* User SSE/x87 state (fxsave image), switched with the task: the kernel itself never uses it. */
	u8 fpu_state[512] __aligned(16);
};

/* The lowest word of every kernel stack: an overflow overwrites it first (Linux's value). */
#define STACK_END_MAGIC		0x57AC6E9DUL
#define end_of_stack(task)	((unsigned long *)(task)->stack)

#define task_pt_regs(task) \
	((struct pt_regs *)((unsigned long)(task)->stack + THREAD_SIZE) - 1)

extern struct task_struct init_task;	/* pid 0: the boot context, later the idle loop */
extern struct task_struct *child_reaper;	/* pid 1, adopts orphans */
extern struct list_head task_list;	/* all tasks, through task->tasks */
extern int nr_tasks;

/* kernel/sched/core.c */
void sched_init(void);
void wake_up_new_task(struct task_struct *p);
int wake_up_process(struct task_struct *p);
int wake_up_state(struct task_struct *p, unsigned int state);
void scheduler_tick(void);
void update_process_times(int user_tick);
bool need_resched(void);
struct task_struct *find_task_by_pid(pid_t pid);
void __noreturn cpu_idle_loop(void);

/* kernel/fork.c */
struct task_struct *alloc_task(const char *comm);
/* Prepares p's first switch: into fn(arg) as a kernel thread, or (fn NULL) straight to user mode. */
void copy_thread(struct task_struct *p, int (*fn)(void *), void *arg);

/* kernel/exit.c */
void __noreturn do_exit(int status_word);
void release_task(struct task_struct *p);

/* kernel/signal.c */
#define sigmask(sig)	(1UL << ((sig) - 1))
int send_sig_info(int sig, int code, unsigned long addr, struct task_struct *p);
int kill_pgrp(pid_t pgid, int sig);
/* Lowest deliverable signal with a handler (its action copied to *ka), 0 if none; a signal whose
 * action is the default one ends the task here and does not return. */
int get_signal(struct kernel_sigaction *ka);
/* Signal dispositions across execve: handlers go back to SIG_DFL, SIG_IGN stays. */
void flush_signal_handlers(struct task_struct *t);
void it_real_fn(struct timer_list *t);

/* arch/x86/kernel/signal.c: the delivery of pending signals on the way back to user mode. */
void arch_do_signal_or_restart(struct pt_regs *regs, bool in_syscall);

/* arch/x86/entry/entry_64.asm */
struct task_struct *__switch_to_asm(struct task_struct *prev, struct task_struct *next);
void ret_from_fork_asm(void);
extern unsigned long cpu_current_top_of_stack;

/* kernel/sched/core.c, the C half of a new task's first switch */
void schedule_tail(struct task_struct *prev);

#endif
