/*
 * Starting user space (Linux: init/main.c rest_init, kernel_init, run_init_process).
 * rest_init() runs at the end of start_kernel on the boot stack: it routes the syscall instruction,
 * creates kernel_init as pid 1 and turns the boot context into the idle task. kernel_init opens
 * the console as descriptors 0, 1, 2 and executes /bin/init -- with "-c CMDS" when run-qemu.sh
 * passed --run (fw_cfg opt/run). It returns to user mode as init; when init exits, do_exit()
 * powers the machine off with init's status.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/fdtable.h>
#include <linux/tty.h>
#include <linux/binfmts.h>
#include <linux/fw_cfg.h>
#include <linux/start_kernel.h>
#include <linux/sched/task.h>
#include "../arch/x86/entry/syscall.h"


static int kernel_init(void *unused)
{
	static const char *const envp[] = { "HOME=/", "TERM=linux", "PATH=/bin", NULL };
	const char *argv_run[] = { "init", "-c", fw_cfg_run_cmds, NULL };
	static const char *const argv_plain[] = { "init", NULL };
	struct task_struct *tsk = current;
	struct file *console;
	int err;

	child_reaper = tsk;
	tsk->pgid = tsk->sid = tsk->pid;
	tsk->files = alloc_files();
	if (!tsk->files)
		panic("kernel_init: out of memory");
	console = tty_open_console(O_RDWR);
	if (IS_ERR(console))
		panic("kernel_init: cannot open the console (%ld)", PTR_ERR(console));
	/* stdin, stdout, stderr: three descriptors of one open file, as Linux's console_on_rootfs. */
	for (int fd = 0; fd < 3; fd++) {
		if (get_unused_fd_flags(0) != fd)
			panic("kernel_init: descriptor table not empty");
		if (fd)
			console->f_count++;
		fd_install(fd, console);
	}

	if (fw_cfg_run_cmds)
		pr_info("Run /bin/init -c \"%s\" as init process\n", fw_cfg_run_cmds);
	else
		pr_info("Run /bin/init as init process\n");
	err = kernel_execve("/bin/init", fw_cfg_run_cmds ? argv_run : argv_plain, envp);
	if (err)
		panic("No working init found: /bin/init failed with error %d", err);
	return 0;	/* ret_from_fork_asm continues into user mode */
}

void __noreturn rest_init(void)
{
	struct task_struct *p;

	syscall_init();
	files_init();
	p = alloc_task("kernel_init");
	if (!p)
		panic("rest_init: cannot create kernel_init");
	p->pid = 1;		/* alloc_pid() never hands out 1 */
	p->flags |= PF_KTHREAD;
	copy_thread(p, kernel_init, NULL);
	wake_up_new_task(p);
	cpu_idle_loop();
}
