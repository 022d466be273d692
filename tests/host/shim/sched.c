/*
 * Host shim: one task (the test), wait queues, and sleeping on the virtual clock.
 * schedule_timeout() does what the idle CPU would do while the caller sleeps: runs softirqs, lets
 * the test's idle hook inject traffic, and advances jiffies to the next timer, until a wake-up
 * (the task's state set back to TASK_RUNNING), the timeout, or a pending signal.
 */
#include <stdio.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/timer.h>
#include <linux/interrupt.h>
#include "host.h"

struct task_struct {
	long state;
	bool sigpending;
	pid_t pid;
	const char *comm;
};

static struct task_struct host_task = { .state = TASK_RUNNING, .pid = 1, .comm = "host-test" };
static bool (*idle_hook)(void *arg);
static void *idle_arg;

struct task_struct *get_current(void)
{
	return &host_task;
}

void set_current_state(long state)
{
	host_task.state = state;
}

int signal_pending(struct task_struct *p)
{
	return p->sigpending;
}

pid_t task_pid_nr(struct task_struct *p)
{
	return p->pid;
}

const char *task_comm(struct task_struct *p)
{
	return p->comm;
}

void host_set_signal_pending(bool pending)
{
	host_task.sigpending = pending;
}

void host_set_idle_hook(bool (*hook)(void *arg), void *arg)
{
	idle_hook = hook;
	idle_arg = arg;
}

/* Virtual time a MAX_SCHEDULE_TIMEOUT sleep may pass unwoken before the test is declared hung. */
#define HOST_FOREVER	(3600UL * HZ)

long schedule_timeout(long timeout)
{
	struct task_struct *tsk = &host_task;
	unsigned long start = jiffies, expire = jiffies + (unsigned long)timeout;
	bool forever = timeout == MAX_SCHEDULE_TIMEOUT;

	if (in_interrupt())
		panic("host: schedule_timeout() in atomic context");
	for (;;) {
		host_run_softirqs();
		if (tsk->state == TASK_RUNNING)
			break;
		if (tsk->sigpending && tsk->state == TASK_INTERRUPTIBLE)
			break;
		if (!forever && time_after_eq(jiffies, expire))
			break;
		if (idle_hook && idle_hook(idle_arg))
			continue;
		if (forever && (!timers_pending_count() || jiffies - start > HOST_FOREVER))
			panic("host: schedule_timeout(MAX_SCHEDULE_TIMEOUT) would sleep forever: "
			      "nothing wakes the task");
		host_tick();
	}
	tsk->state = TASK_RUNNING;
	if (forever)
		return timeout;
	return time_after(expire, jiffies) ? (long)(expire - jiffies) : 0;
}

long schedule_timeout_interruptible(long timeout)
{
	set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}

void schedule(void)
{
	schedule_timeout(MAX_SCHEDULE_TIMEOUT);
}

void msleep(unsigned int msecs)
{
	set_current_state(TASK_UNINTERRUPTIBLE);
	schedule_timeout(msecs_to_jiffies(msecs));
}

/* Wait queues (kernel/sched/wait.c in the kernel). */
void init_waitqueue_head(struct wait_queue_head *wq_head)
{
	spin_lock_init(&wq_head->lock);
	INIT_LIST_HEAD(&wq_head->head);
}

void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	list_add(&wq_entry->entry, &wq_head->head);
}

void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	list_del_init(&wq_entry->entry);
}

void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state)
{
	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	if (list_empty(&wq_entry->entry))
		list_add(&wq_entry->entry, &wq_head->head);
	set_current_state(state);
}

void prepare_to_wait_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state)
{
	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	if (list_empty(&wq_entry->entry))
		list_add_tail(&wq_entry->entry, &wq_head->head);
	set_current_state(state);
}

void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	set_current_state(TASK_RUNNING);
	if (!list_empty(&wq_entry->entry))
		list_del_init(&wq_entry->entry);
}

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int sync, void *key)
{
	struct task_struct *p = wq_entry->private;

	if (!p || !(p->state & mode))
		return 0;
	p->state = TASK_RUNNING;
	return 1;
}

int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int sync, void *key)
{
	int ret = default_wake_function(wq_entry, mode, sync, key);

	if (ret)
		list_del_init(&wq_entry->entry);
	return ret;
}

void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive, void *key)
{
	struct wait_queue_entry *curr, *next;

	list_for_each_entry_safe(curr, next, &wq_head->head, entry) {
		unsigned int flags = curr->flags;
		int ret = curr->func(curr, mode, 0, key);

		if (ret < 0)
			break;
		if (ret && (flags & WQ_FLAG_EXCLUSIVE) && !--nr_exclusive)
			break;
	}
}
