/*
 * Per-process descriptor tables (Linux: include/linux/fdtable.h). A slot is free, reserved
 * (get_unused_fd_flags, before fd_install) or holds a struct file reference.
 */
#ifndef _LINUX_FDTABLE_H
#define _LINUX_FDTABLE_H

#include <linux/types.h>
#include <linux/fs.h>

#define NR_OPEN_DEFAULT	64

struct task_struct;

struct files_struct {
	struct file *fd_array[NR_OPEN_DEFAULT];
	unsigned long open_fds;		/* bit per slot in use (reserved or installed) */
	unsigned long close_on_exec;
};

struct files_struct *alloc_files(void);
struct files_struct *dup_fd(struct files_struct *oldf);
void exit_files(struct task_struct *tsk);
void do_close_on_exec(struct files_struct *files);
int close_fd(unsigned int fd);

/* fs/file_table.c */
void files_init(void);
unsigned long nr_files(void);

#endif
