/*
 * The scheduler: one run queue, round robin (Linux: kernel/sched/core.c, much reduced).
 *
 * A task runs until it sleeps (state != TASK_RUNNING when it calls schedule()), exits, or -- in
 * user mode only -- uses up its time slice: scheduler_tick() then sets need_resched and the
 * interrupt's return to ring 3 (irqentry_exit_to_user_mode) calls schedule(). Kernel code is never
 * preempted, which is what makes the UP spinlocks in include/linux/spinlock.h correct.
 *
 * The run queue holds every runnable task, the running one included; the idle task (pid 0, the
 * boot context) is never on it and runs only when the queue is empty. A wake-up between
 * set_current_state() and schedule() is never lost: it sets the state back to TASK_RUNNING, and
 * schedule() looks at the state with interrupts off.
 */
#include <linux/kernel.h>
#include <linux/sched/task.h>
#include <linux/sched/mm.h>
#include <linux/string.h>
#include <linux/jiffies.h>
#include <linux/interrupt.h>
#include <linux/hardirq.h>
#include <asm/processor.h>

#define SCHED_TIMESLICE_TICKS	10	/* 10 ms at HZ=1000 */

extern char boot_stack[];

struct task_struct init_task = {
	.state = TASK_RUNNING,
	.flags = PF_KTHREAD | PF_IDLE,
	.comm = "swapper",
	.cwd = "/",
	.children = LIST_HEAD_INIT(init_task.children),
	.sibling = LIST_HEAD_INIT(init_task.sibling),
	.tasks = LIST_HEAD_INIT(init_task.tasks),
	.run_list = LIST_HEAD_INIT(init_task.run_list),
	.wait_chldexit = {
		.lock = __SPIN_LOCK_UNLOCKED(init_task.wait_chldexit.lock),
		.head = LIST_HEAD_INIT(init_task.wait_chldexit.head),
	},
};

static struct task_struct *current_task = &init_task;
static LIST_HEAD(runqueue);
static bool need_resched_flag;
int nr_tasks = 1;

struct task_struct *get_current(void)
{
	return current_task;
}

void set_current_state(long state)
{
	current_task->state = state;
	barrier();
}

pid_t task_pid_nr(struct task_struct *p)
{
	return p->pid;
}

const char *task_comm(struct task_struct *p)
{
	return p->comm;
}

bool need_resched(void)
{
	return READ_ONCE(need_resched_flag);
}

struct task_struct *find_task_by_pid(pid_t pid)
{
	struct task_struct *p;

	list_for_each_entry(p, &init_task.tasks, tasks)
		if (p->pid == pid)
			return p;
	return NULL;
}

static void enqueue_task(struct task_struct *p)
{
	list_add_tail(&p->run_list, &runqueue);
	p->on_rq = true;
}

static void dequeue_task(struct task_struct *p)
{
	list_del_init(&p->run_list);
	p->on_rq = false;
}

int wake_up_state(struct task_struct *p, unsigned int state)
{
	unsigned long flags;
	int woken = 0;

	local_irq_save(flags);
	if (p->state & state) {
		p->state = TASK_RUNNING;
		/* The idle task runs whenever the queue is empty; it is never queued itself. */
		if (!p->on_rq && !(p->flags & PF_IDLE))
			enqueue_task(p);
		woken = 1;
	}
	local_irq_restore(flags);
	return woken;
}

int wake_up_process(struct task_struct *p)
{
	return wake_up_state(p, TASK_NORMAL);
}

void wake_up_new_task(struct task_struct *p)
{
	unsigned long flags;

	local_irq_save(flags);
	p->state = TASK_RUNNING;
	p->time_slice = SCHED_TIMESLICE_TICKS;
	enqueue_task(p);
	local_irq_restore(flags);
}

/* The stack the CPU switches to on an interrupt or syscall from ring 3: the top of p's stack. */
static void sched_set_kernel_stack(struct task_struct *p)
{
	unsigned long top = (unsigned long)p->stack + THREAD_SIZE;

	cpu_current_top_of_stack = top;
	load_sp0(top);
}

static inline void fpu_save(struct task_struct *p)
{
	__asm__ __volatile__("fxsave64 %0" : "=m"(p->fpu_state));
}

static inline void fpu_restore(struct task_struct *p)
{
	__asm__ __volatile__("fxrstor64 %0" : : "m"(p->fpu_state));
}

/* Runs on the new task's stack right after the switch (also for a task's very first run). */
static void finish_task_switch(struct task_struct *prev)
{
	/* A dead kernel thread (or a child nobody waits for) is freed once its stack is not in use. */
	if (prev->state == TASK_DEAD && ((prev->flags & PF_KTHREAD) || prev->exit_state == EXIT_DEAD))
		release_task(prev);
}

void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
	local_irq_enable();
}

static void context_switch(struct task_struct *prev, struct task_struct *next)
{
	/* User state of prev stays in the CPU until another user task needs the registers. */
	if (prev->mm)
		fpu_save(prev);
	if (next->mm) {
		switch_mm(next->mm);
		fpu_restore(next);
		wrmsr(MSR_FS_BASE, next->thread.fsbase);
	}
	sched_set_kernel_stack(next);
	current_task = next;
	prev = __switch_to_asm(prev, next);
	finish_task_switch(prev);
}

static struct task_struct *pick_next_task(struct task_struct *prev)
{
	struct task_struct *next;

	/* Round robin: the task that just ran goes behind everyone else that is runnable. */
	if (prev->on_rq)
		list_move_tail(&prev->run_list, &runqueue);
	if (list_empty(&runqueue))
		return &init_task;
	next = list_first_entry(&runqueue, struct task_struct, run_list);
	if (next->time_slice <= 0)
		next->time_slice = SCHED_TIMESLICE_TICKS;
	return next;
}

void schedule(void)
{
	struct task_struct *prev = current_task, *next;
	unsigned long flags;

	BUILD_BUG_ON(offsetof(struct task_struct, thread.sp) != 24);	/* TASK_THREAD_SP in entry_64.asm */

	/* Sleeping with bottom halves off or inside an interrupt would hand that state to the next task. */
	if (WARN_ON_ONCE(preempt_count))
		pr_err("schedule() in atomic context: %s[%d], preempt_count %#x\n", prev->comm, prev->pid,
		       preempt_count);
	if (*end_of_stack(prev) != STACK_END_MAGIC)
		panic("corrupted stack end detected inside scheduler: %s[%d]", prev->comm, prev->pid);
	local_irq_save(flags);
	if (prev->state != TASK_RUNNING) {
		/* A signal arriving before the sleep ends it at once, as Linux's signal_pending_state. */
		if ((prev->state & TASK_INTERRUPTIBLE) && signal_pending(prev))
			prev->state = TASK_RUNNING;
		else if (prev->on_rq)
			dequeue_task(prev);
		if (prev->state != TASK_RUNNING)
			prev->nvcsw++;
	}
	need_resched_flag = false;
	next = pick_next_task(prev);
	if (next != prev) {
		context_switch(prev, next);
	} else if (prev->state != TASK_RUNNING) {
		/* The boot context sleeping before other tasks exist (msleep in an initcall). */
		safe_halt();
		local_irq_disable();
	}
	local_irq_restore(flags);
}

/* Hard-irq context, every tick: only asks for a switch, the switch happens on the way to user mode. */
void scheduler_tick(void)
{
	struct task_struct *p = current_task;

	if (p == &init_task) {
		if (!list_empty(&runqueue))
			need_resched_flag = true;
		return;
	}
	if (--p->time_slice <= 0 && !list_is_singular(&runqueue)) {
		p->time_slice = SCHED_TIMESLICE_TICKS;
		need_resched_flag = true;
	}
}

void update_process_times(int user_tick)
{
	struct task_struct *p = current_task;

	/* The idle task's system time is the machine's idle time (/proc/uptime). */
	if (user_tick)
		p->utime++;
	else
		p->stime++;
	scheduler_tick();
}

/* The idle loop: the boot context once rest_init() has started everything else. */
void __noreturn cpu_idle_loop(void)
{
	for (;;) {
		local_irq_disable();
		if (!list_empty(&runqueue)) {
			local_irq_enable();
			schedule();
			continue;
		}
		safe_halt();	/* sti; hlt: a wake-up interrupt in between still ends the hlt */
	}
}

void sched_init(void)
{
	init_task.stack = boot_stack;
	*end_of_stack(&init_task) = STACK_END_MAGIC;
	init_task.start_time = jiffies;
}
