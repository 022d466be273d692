/* /proc/cmdline (the kernel command line) and /proc/version (Linux: fs/proc/cmdline.c, version.c). */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/utsname.h>

static int cmdline_proc_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%s\n", saved_command_line);
	return 0;
}

static int version_proc_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%s version %s %s\n", init_uts_ns.sysname, init_uts_ns.release, init_uts_ns.version);
	return 0;
}

static int __init proc_cmdline_init(void)
{
	proc_create_single("cmdline", 0444, NULL, cmdline_proc_show);
	proc_create_single("version", 0444, NULL, version_proc_show);
	return 0;
}
fs_initcall(proc_cmdline_init);
