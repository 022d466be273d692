/*
 * Wait queues: a sleeper puts an entry on the queue with prepare_to_wait(), re-checks its condition,
 * calls schedule_timeout(), then finish_wait(). Wakers call wake_up_interruptible*() from any context.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>
#include <linux/spinlock.h>

struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned int mode, int flags, void *key);

#define WQ_FLAG_EXCLUSIVE	0x01

struct wait_queue_entry {
	unsigned int flags;
	void *private;			/* the sleeping task_struct */
	wait_queue_func_t func;
	struct list_head entry;
};

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

/* Wakes the task in wq_entry->private; removes the entry so the waker does not wake it twice. */
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int sync, void *key);
int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int sync, void *key);

#define DEFINE_WAIT_FUNC(name, function)					\
	struct wait_queue_entry name = {					\
		.private = get_current(),					\
		.func = function,						\
		.entry = LIST_HEAD_INIT((name).entry),				\
	}
#define DEFINE_WAIT(name)	DEFINE_WAIT_FUNC(name, autoremove_wake_function)

#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = { .lock = __SPIN_LOCK_UNLOCKED(name.lock), .head = LIST_HEAD_INIT(name.head) }

struct task_struct *get_current(void);

void init_waitqueue_head(struct wait_queue_head *wq_head);
void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
void prepare_to_wait_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);

/* Wakes every non-exclusive waiter and nr_exclusive exclusive ones (0 = all); key is a poll mask. */
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive, void *key);

#define TASK_RUNNING		0x0000
#define TASK_INTERRUPTIBLE	0x0001
#define TASK_UNINTERRUPTIBLE	0x0002
#define TASK_NORMAL		(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

#define wake_up(x)				__wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_all(x)				__wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_interruptible(x)		__wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_all(x)		__wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)
#define wake_up_interruptible_poll(x, m)	__wake_up(x, TASK_INTERRUPTIBLE, 1, (void *)(unsigned long)(m))
#define wake_up_interruptible_sync_poll(x, m)	__wake_up(x, TASK_INTERRUPTIBLE, 1, (void *)(unsigned long)(m))

static inline int waitqueue_active(struct wait_queue_head *wq_head)
{
	return !list_empty(&wq_head->head);
}

#endif
