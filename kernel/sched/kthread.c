/*
 * Kernel threads (Linux: kernel/kthread.c). A kernel thread is a task without mm that starts in
 * ret_from_fork_asm with RBX = kthread() below; its body runs, and when it returns the thread exits
 * and is freed by the scheduler (nobody waits for it).
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/sched/task.h>


static int kthread(void *unused)
{
	struct task_struct *self = current;

	do_exit((self->threadfn(self->thread_data) & 0xff) << 8);
}

struct task_struct *kthread_create(int (*threadfn)(void *data), void *data, const char *namefmt, ...)
{
	struct task_struct *p;
	char comm[TASK_COMM_LEN];
	va_list args;

	va_start(args, namefmt);
	vsnprintf(comm, sizeof(comm), namefmt, args);
	va_end(args);

	p = alloc_task(comm);
	if (!p)
		return ERR_PTR(-ENOMEM);
	p->flags |= PF_KTHREAD;
	p->threadfn = threadfn;
	p->thread_data = data;
	copy_thread(p, kthread, NULL);
	p->state = TASK_UNINTERRUPTIBLE;	/* until wake_up_process() */
	return p;
}
