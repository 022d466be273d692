/*
 * What code outside the scheduler may know about tasks: the current task, sleeping with a timeout,
 * signals pending. The task_struct layout itself lives in kernel/ (include/linux/sched/task.h).
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/wait.h>

#define MAX_SCHEDULE_TIMEOUT	LONG_MAX

struct task_struct;

#define current get_current()

/* Sets the state the next schedule() sleeps in (TASK_INTERRUPTIBLE etc.). */
void set_current_state(long state);
#define __set_current_state(s) set_current_state(s)
void schedule(void);
/* Sleeps up to timeout jiffies (in the state set before); returns jiffies left, 0 if it ran out. */
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
void msleep(unsigned int msecs);

int signal_pending(struct task_struct *p);
/* Sends signal sig to p (Linux: kernel/signal.c; priv is accepted for Linux's signature). 0 or -EINVAL. */
int send_sig(int sig, struct task_struct *p, int priv);
pid_t task_pid_nr(struct task_struct *p);
const char *task_comm(struct task_struct *p);

/* -ERESTARTSYS style: the errno a socket call returns when a sleep was cut by a signal. */
static inline int sock_intr_errno(long timeo)
{
	return timeo == MAX_SCHEDULE_TIMEOUT ? -ERESTARTSYS : -EINTR;
}

#endif
