/*
 * /proc/<pid>/ (Linux: fs/proc/base.c, array.c, task_mmu.c): stat in Linux's format (what ps
 * reads), status, cmdline, comm and maps. /proc/self is the caller's own directory.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <asm/page.h>
#include <linux/sched/task.h>
#include <linux/sched/mm.h>
#include <uapi/linux/stat.h>
#include <uapi/linux/dirent.h>
#include "../internal.h"
#include "internal.h"

#define USER_HZ		100
#define TTY_CONSOLE_NR	((5 << 8) | 1)	/* /dev/console, major 5 minor 1 */

/* SigIgn / SigCgt: the signals with SIG_IGN, with a handler. */
static unsigned long sig_mask_of(const struct task_struct *p, bool caught)
{
	unsigned long mask = 0;

	for (int sig = 1; sig <= _NSIG; sig++) {
		__sighandler_t h = p->sighand[sig - 1].sa_handler;

		if (caught ? (h != SIG_DFL && h != SIG_IGN) : h == SIG_IGN)
			mask |= sigmask(sig);
	}
	return mask;
}

static unsigned long ticks_to_clock_t(unsigned long ticks)
{
	return ticks / (HZ / USER_HZ);
}

static char task_state_char(const struct task_struct *p, const char **name)
{
	if (p->exit_state == EXIT_ZOMBIE) {
		*name = "zombie";
		return 'Z';
	}
	if (p->state == TASK_RUNNING) {
		*name = "running";
		return 'R';
	}
	if (p->state & TASK_UNINTERRUPTIBLE) {
		*name = "disk sleep";
		return 'D';
	}
	*name = "sleeping";
	return 'S';
}

/* The task whose pid was opened; it may have been reaped since, so look it up again. */
static struct task_struct *proc_task(void *v)
{
	return find_task_by_pid((pid_t)(long)v);
}

static int proc_pid_stat(struct seq_file *m, void *v)
{
	struct task_struct *p = proc_task(v);
	struct mm_struct *mm;
	const char *state_name;
	char state;

	if (!p)
		return -ESRCH;
	mm = p->mm;
	state = task_state_char(p, &state_name);
	/* Fields 1-24 as proc(5) lists them, then the rest of the 52 with what we know. */
	seq_printf(m, "%d (%s) %c %d %d %d %d %d %u 0 0 0 0 %lu %lu %lu %lu 20 0 1 0 %lu %lu %lu ",
		   p->pid, p->comm, state, p->parent ? p->parent->pid : 0, p->pgid, p->sid,
		   (p->flags & PF_KTHREAD) ? 0 : TTY_CONSOLE_NR, -1, p->flags,
		   ticks_to_clock_t(p->utime), ticks_to_clock_t(p->stime),
		   ticks_to_clock_t(p->cutime), ticks_to_clock_t(p->cstime),
		   ticks_to_clock_t(p->start_time), mm ? mm->total_pages * PAGE_SIZE : 0,
		   mm ? mm->total_pages : 0);
	seq_printf(m, "18446744073709551615 %lu %lu %lu 0 0 %lu %lu %lu %lu 0 0 0 17 0 0 0 0 0 0 "
		   "%lu %lu %lu 0 0 0 0 %d\n",
		   mm ? mm->start_code : 0, mm ? mm->end_code : 0, mm ? mm->start_stack : 0,
		   p->pending, p->blocked, sig_mask_of(p, false), sig_mask_of(p, true),
		   mm ? mm->start_data : 0, mm ? mm->end_data : 0, mm ? mm->start_brk : 0,
		   p->exit_state ? p->exit_code : 0);
	return 0;
}

static int proc_pid_status(struct seq_file *m, void *v)
{
	struct task_struct *p = proc_task(v);
	const char *state_name;
	char state;

	if (!p)
		return -ESRCH;
	state = task_state_char(p, &state_name);
	seq_printf(m, "Name:\t%s\nState:\t%c (%s)\nTgid:\t%d\nPid:\t%d\nPPid:\t%d\n",
		   p->comm, state, state_name, p->pid, p->pid, p->parent ? p->parent->pid : 0);
	if (p->mm)
		seq_printf(m, "VmSize:\t%8lu kB\nVmRSS:\t%8lu kB\nVmData:\t%8lu kB\nVmPTE:\t%8lu kB\n",
			   p->mm->total_pages * 4, p->mm->total_pages * 4,
			   (p->mm->brk - p->mm->start_brk) / 1024, p->mm->pt_pages * 4);
	seq_printf(m, "Threads:\t1\nSigPnd:\t%016lx\nSigBlk:\t%016lx\nSigIgn:\t%016lx\nSigCgt:\t%016lx\n"
		   "voluntary_ctxt_switches:\t%lu\nnonvoluntary_ctxt_switches:\t%lu\n",
		   p->pending, p->blocked, sig_mask_of(p, false), sig_mask_of(p, true), p->nvcsw,
		   p->nivcsw);
	return 0;
}

static int proc_pid_cmdline(struct seq_file *m, void *v)
{
	struct task_struct *p = proc_task(v);

	if (!p)
		return -ESRCH;
	for (size_t i = 0; p->cmdline && i < p->cmdline_len; i++)
		seq_putc(m, p->cmdline[i]);
	return 0;
}

static int proc_pid_comm(struct seq_file *m, void *v)
{
	struct task_struct *p = proc_task(v);

	if (!p)
		return -ESRCH;
	seq_printf(m, "%s\n", p->comm);
	return 0;
}

/* The memory regions, in Linux's /proc/<pid>/maps format (no files are mapped, so no names but these). */
static int proc_pid_maps(struct seq_file *m, void *v)
{
	struct task_struct *p = proc_task(v);
	struct vm_area_struct *vma;

	if (!p)
		return -ESRCH;
	if (!p->mm)
		return 0;
	list_for_each_entry(vma, &p->mm->mmap, list) {
		const char *name = "";

		if (vma->vm_flags & VM_HEAP)
			name = "[heap]";
		else if (vma->vm_flags & VM_STACK)
			name = "[stack]";
		else if (vma->vm_end <= p->mm->start_brk)
			name = p->comm;		/* the program's own segments */
		seq_printf(m, "%08lx-%08lx %c%c%cp 00000000 00:00 0%*s%s\n", vma->vm_start, vma->vm_end,
			   (vma->vm_flags & VM_READ) ? 'r' : '-', (vma->vm_flags & VM_WRITE) ? 'w' : '-',
			   (vma->vm_flags & VM_EXEC) ? 'x' : '-', *name ? 20 : 0, "", name);
	}
	return 0;
}

static const struct pid_entry {
	const char *name;
	int (*show)(struct seq_file *m, void *v);
} tgid_base_stuff[] = {
	{ "cmdline", proc_pid_cmdline },
	{ "comm", proc_pid_comm },
	{ "maps", proc_pid_maps },
	{ "stat", proc_pid_stat },
	{ "status", proc_pid_status },
};

struct pid_dir {
	pid_t pid;
};

static int proc_pid_iterate(struct file *file, struct dir_context *ctx)
{
	static const char *const dots[] = { ".", ".." };
	loff_t idx = 0;

	for (size_t i = 0; i < ARRAY_SIZE(dots); i++) {
		if (idx++ < ctx->pos)
			continue;
		if (!dir_emit(ctx, dots[i], strlen(dots[i]), 1, DT_DIR))
			return 0;
		ctx->pos++;
	}
	for (size_t i = 0; i < ARRAY_SIZE(tgid_base_stuff); i++) {
		const char *name = tgid_base_stuff[i].name;

		if (idx++ < ctx->pos)
			continue;
		if (!dir_emit(ctx, name, strlen(name), 1000 + i, DT_REG))
			return 0;
		ctx->pos++;
	}
	return 0;
}

static ssize_t proc_pid_dir_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	return -EISDIR;
}

static int proc_pid_dir_getattr(struct file *file, struct kstat *stat)
{
	stat->mode = S_IFDIR | 0555;
	stat->ino = 0x10000 + (unsigned long)file->private_data;
	return 0;
}

static const struct file_operations proc_pid_dir_fops = {
	.read = proc_pid_dir_read,
	.iterate_shared = proc_pid_iterate,
	.getattr = proc_pid_dir_getattr,
};

struct file *proc_pid_open(struct task_struct *task, const char *path, int flags)
{
	void *pid = (void *)(long)task->pid;
	struct file *file;

	if (!*path) {
		if ((flags & O_ACCMODE) != O_RDONLY)
			return ERR_PTR(-EISDIR);
		file = alloc_file(&proc_pid_dir_fops, flags, pid);
		return file ? file : ERR_PTR(-ENOMEM);
	}
	for (size_t i = 0; i < ARRAY_SIZE(tgid_base_stuff); i++)
		if (!strcmp(path + 1, tgid_base_stuff[i].name))
			return proc_single_open(tgid_base_stuff[i].show, pid, flags);
	return ERR_PTR(-ENOENT);
}

bool proc_pid_readdir(struct dir_context *ctx, loff_t *idx)
{
	struct task_struct *p;
	char name[12];

	list_for_each_entry(p, &init_task.tasks, tasks) {
		if ((*idx)++ < ctx->pos)
			continue;
		snprintf(name, sizeof(name), "%d", p->pid);
		if (!dir_emit(ctx, name, strlen(name), 0x10000 + p->pid, DT_DIR))
			return false;
		ctx->pos++;
	}
	return true;
}
