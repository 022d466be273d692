/* Kernel threads (Linux: include/linux/kthread.h): a task with no user address space. */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/compiler.h>

struct task_struct;

/* Creates a sleeping thread named after namefmt; wake_up_process() starts it. ERR_PTR on failure. */
struct task_struct *kthread_create(int (*threadfn)(void *data), void *data, const char *namefmt, ...)
	__printf(3, 4);

#define kthread_run(threadfn, data, namefmt, ...)					\
	({										\
		struct task_struct *__k = kthread_create(threadfn, data, namefmt, ##__VA_ARGS__); \
		if (!IS_ERR(__k))							\
			wake_up_process(__k);						\
		__k;									\
	})

int wake_up_process(struct task_struct *p);

#endif
