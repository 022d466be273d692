/*
 * Creating tasks (Linux: kernel/fork.c). fork()/vfork()/clone(SIGCHLD) copy the caller: its address
 * space page by page (no copy-on-write), its descriptor table (sharing the open files), its working
 * directory, signal mask and ignored signals. The child returns 0 from the same system call,
 * through ret_from_fork_asm and a copy of the parent's struct pt_regs.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/syscalls.h>
#include <linux/jiffies.h>
#include <linux/sched/task.h>
#include <linux/sched/mm.h>
#include <linux/fdtable.h>
#include <uapi/asm/signal.h>

/* pid 1 is init's alone: rest_init gives it to kernel_init even if initcalls made threads first. */
static pid_t last_pid = 1;

static pid_t alloc_pid(void)
{
	for (int tries = 0; tries < PID_MAX; tries++) {
		last_pid = last_pid + 1 >= PID_MAX ? 2 : last_pid + 1;
		if (!find_task_by_pid(last_pid))
			return last_pid;
	}
	return -EAGAIN;
}

struct task_struct *alloc_task(const char *comm)
{
	struct task_struct *p;
	pid_t pid = alloc_pid();

	if (pid < 0)
		return NULL;
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return NULL;
	p->stack = kmalloc(THREAD_SIZE, GFP_KERNEL);
	if (!p->stack) {
		kfree(p);
		return NULL;
	}
	*end_of_stack(p) = STACK_END_MAGIC;
	p->pid = pid;
	p->pgid = current->pgid;
	p->sid = current->sid;
	strscpy(p->comm, comm, sizeof(p->comm));
	strscpy(p->cwd, current->cwd, sizeof(p->cwd));
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->run_list);
	init_waitqueue_head(&p->wait_chldexit);
	timer_setup(&p->real_timer, it_real_fn, 0);
	p->start_time = jiffies;
	p->parent = current;
	list_add_tail(&p->sibling, &current->children);
	list_add_tail(&p->tasks, &init_task.tasks);
	nr_tasks++;
	return p;
}

/*
 * The stack of a task that has never run, as __switch_to_asm will pop it:
 *   r15 r14 r13 r12(=arg) rbx(=fn) rbp  return address = ret_from_fork_asm,  then struct pt_regs.
 */
struct fork_frame {
	unsigned long r15, r14, r13, r12, bx, bp;
	unsigned long ret_addr;
	struct pt_regs regs;
};

void copy_thread(struct task_struct *p, int (*fn)(void *), void *arg)
{
	struct fork_frame *frame = (struct fork_frame *)((unsigned long)p->stack + THREAD_SIZE) - 1;

	BUILD_BUG_ON(sizeof(struct fork_frame) != 7 * 8 + sizeof(struct pt_regs));
	memset(frame, 0, sizeof(*frame));
	frame->bx = (unsigned long)fn;
	frame->r12 = (unsigned long)arg;
	frame->ret_addr = (unsigned long)ret_from_fork_asm;
	p->thread.sp = (unsigned long)frame;
}

static char *dup_cmdline(const struct task_struct *src, size_t *len)
{
	char *copy;

	*len = 0;
	if (!src->cmdline)
		return NULL;
	copy = kmalloc(src->cmdline_len, GFP_KERNEL);
	if (copy) {
		memcpy(copy, src->cmdline, src->cmdline_len);
		*len = src->cmdline_len;
	}
	return copy;
}

static noinline long kernel_clone(void)
{
	struct task_struct *parent = current, *p;
	struct pt_regs *childregs;
	long err = -ENOMEM;

	p = alloc_task(parent->comm);
	if (!p)
		return -EAGAIN;
	p->mm = dup_mm(parent->mm);
	if (!p->mm)
		goto out_release;
	p->files = dup_fd(parent->files);
	if (!p->files)
		goto out_mm;
	p->cmdline = dup_cmdline(parent, &p->cmdline_len);
	p->blocked = parent->blocked;
	memcpy(p->sighand, parent->sighand, sizeof(p->sighand));
	p->thread.fsbase = parent->thread.fsbase;
	/* The parent's live SSE state is what the child starts with. */
	__asm__ __volatile__("fxsave64 %0" : "=m"(p->fpu_state));

	copy_thread(p, NULL, NULL);
	childregs = task_pt_regs(p);
	*childregs = *task_pt_regs(parent);
	childregs->ax = 0;		/* fork() returns 0 in the child */

	wake_up_new_task(p);
	return p->pid;

out_mm:
	mmput(p->mm);
	p->mm = NULL;
out_release:
	release_task(p);
	return err;
}

SYSCALL_DEFINE0(fork)
{
	return kernel_clone();
}

/* No shared address space: vfork() is a fork whose parent happens not to wait. */
SYSCALL_DEFINE0(vfork)
{
	return kernel_clone();
}

#define CSIGNAL		0x000000ff

/* Only the fork-like form (exit signal SIGCHLD, no sharing flags): there are no threads here. */
SYSCALL_DEFINE5(clone, unsigned long, clone_flags, unsigned long, newsp, int __user *, parent_tidptr,
		int __user *, child_tidptr, unsigned long, tls)
{
	if ((clone_flags & ~CSIGNAL) || (clone_flags & CSIGNAL) != SIGCHLD || newsp)
		return -EINVAL;
	return kernel_clone();
}
