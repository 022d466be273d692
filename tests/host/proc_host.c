/*
 * Host stand-ins for what the proc files under test (fs/tar.c, kernel/elf.c, kernel/sched/wait.c)
 * call outside themselves: strscpy (kernel/lib/string.c has it, glibc does not), panic/__warn,
 * interrupt-flag save/restore, and a tiny "scheduler" for the wait-queue tests: get_current(),
 * set_current_state() and wake_up_state() with the kernel's semantics (wake only a task whose
 * state matches the mode, make it TASK_RUNNING).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/kernel.h>
#include <linux/sched/task.h>
#include "proc_host.h"

struct task_struct *proc_host_current;
unsigned int proc_host_wakeups;

ssize_t strscpy(char *dst, const char *src, size_t size)
{
	size_t len = strnlen(src, size);

	if (!size)
		return -E2BIG;
	if (len == size) {
		memcpy(dst, src, size - 1);
		dst[size - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dst, src, len + 1);
	return len;
}

void panic(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
	abort();
}

void __warn(const char *file, int line, const char *cond)
{
	fprintf(stderr, "WARNING at %s:%d: %s\n", file, line, cond);
}

unsigned long local_irq_save_flags(void)
{
	return 0;
}

void local_irq_restore_flags(unsigned long flags)
{
}

void local_bh_disable(void)
{
}

void local_bh_enable(void)
{
}

struct task_struct *get_current(void)
{
	return proc_host_current;
}

void set_current_state(long state)
{
	proc_host_current->state = state;
}

int wake_up_state(struct task_struct *p, unsigned int state)
{
	if (!(p->state & state))
		return 0;
	p->state = TASK_RUNNING;
	proc_host_wakeups++;
	return 1;
}
