/*
 * /proc/uptime (seconds up, seconds idle) and /proc/loadavg (Linux: fs/proc/uptime.c, loadavg.c).
 * Idle time is the ticks the idle task was running. No load average is computed: it reads 0.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/proc_fs.h>
#include <linux/sched/task.h>

static int uptime_proc_show(struct seq_file *m, void *v)
{
	u64 ns = ktime_get_ns();
	unsigned long idle = init_task.stime;

	seq_printf(m, "%lu.%02lu %lu.%02lu\n", (unsigned long)(ns / 1000000000),
		   (unsigned long)(ns % 1000000000 / 10000000), idle / HZ, idle % HZ / 10);
	return 0;
}

static int loadavg_proc_show(struct seq_file *m, void *v)
{
	struct task_struct *p;
	int running = 0;

	list_for_each_entry(p, &init_task.tasks, tasks)
		running += p->state == TASK_RUNNING && !p->exit_state;
	seq_printf(m, "0.00 0.00 0.00 %d/%d %d\n", running, nr_tasks, current->pid);
	return 0;
}

static int __init proc_uptime_init(void)
{
	proc_create_single("uptime", 0444, NULL, uptime_proc_show);
	proc_create_single("loadavg", 0444, NULL, loadavg_proc_show);
	return 0;
}
fs_initcall(proc_uptime_init);
