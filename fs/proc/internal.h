/* /proc internals shared by the files of fs/proc/. */
#ifndef _FS_PROC_INTERNAL_H
#define _FS_PROC_INTERNAL_H

#include <linux/fs.h>
#include <linux/seq_file.h>

struct task_struct;

/* Runs show(m, v) into a buffer that grows until the text fits; the file reads that text. */
struct file *proc_single_open(int (*show)(struct seq_file *m, void *v), void *v, int flags);

/* fs/proc/base.c: /proc/<pid>/... ; path is what follows "/proc/<pid>" */
struct file *proc_pid_open(struct task_struct *task, const char *path, int flags);
/* Emits the pid directories into a /proc listing; *idx counts entries as iterate does. */
bool proc_pid_readdir(struct dir_context *ctx, loff_t *idx);

#endif
