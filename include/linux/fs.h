/*
 * Open files and descriptors. A socket, a pipe, the console and /proc files are each a struct file
 * with their own file_operations; the per-process descriptor table maps fds to files.
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <uapi/asm-generic/fcntl.h>

struct file;
struct inode;			/* not modelled: release() gets NULL, as for anonymous files */
struct poll_table_struct;
typedef unsigned int __poll_t;

struct file_operations {
	ssize_t (*read)(struct file *file, char __user *buf, size_t count, loff_t *pos);
	ssize_t (*write)(struct file *file, const char __user *buf, size_t count, loff_t *pos);
	__poll_t (*poll)(struct file *file, struct poll_table_struct *wait);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	int (*release)(struct inode *inode, struct file *file);
};

struct file {
	const struct file_operations *f_op;
	unsigned int f_flags;		/* O_NONBLOCK etc., changeable with fcntl(F_SETFL) */
	loff_t f_pos;
	long f_count;			/* references: descriptors (dup, fork) and in-flight fget()s */
	void *private_data;		/* the struct socket for a socket file */
};

/* A new file with one reference; NULL when out of memory. */
struct file *alloc_file(const struct file_operations *fop, unsigned int flags, void *private_data);
/* Takes a reference on the current process's descriptor fd; NULL if it is not open. */
struct file *fget(unsigned int fd);
/* Drops a reference; the last one calls f_op->release. */
void fput(struct file *file);

/* Reserves the lowest free descriptor (O_CLOEXEC honoured); -EMFILE when the table is full. */
int get_unused_fd_flags(unsigned int flags);
void put_unused_fd(unsigned int fd);
/* Publishes file at a reserved descriptor; the table takes over the caller's reference. */
void fd_install(unsigned int fd, struct file *file);

#endif
