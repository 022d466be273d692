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

/* getdents64: iterate_shared() calls dir_emit() once per entry from ctx->pos on (fs/readdir.c). */
struct dir_context;
typedef bool (*filldir_t)(struct dir_context *ctx, const char *name, int namelen, loff_t offset,
			  u64 ino, unsigned int d_type);
struct dir_context {
	filldir_t actor;
	loff_t pos;		/* index of the next entry; stored in f_pos between calls */
};

static inline bool dir_emit(struct dir_context *ctx, const char *name, int namelen, u64 ino,
			    unsigned int type)
{
	return ctx->actor(ctx, name, namelen, ctx->pos, ino, type);
}

/* What fstat/stat report about a file (fs/stat.c turns it into struct stat). */
struct kstat {
	unsigned int mode;	/* S_IFREG | 0444 ... */
	u64 ino;
	loff_t size;
	unsigned int rdev;
};

struct file_operations {
	ssize_t (*read)(struct file *file, char __user *buf, size_t count, loff_t *pos);
	ssize_t (*write)(struct file *file, const char __user *buf, size_t count, loff_t *pos);
	__poll_t (*poll)(struct file *file, struct poll_table_struct *wait);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	int (*release)(struct inode *inode, struct file *file);
	/* Optional, for files of fs/ (initrd, /proc, pipes, the tty); NULL elsewhere (sockets). */
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);	/* NULL: -ESPIPE */
	int (*iterate_shared)(struct file *file, struct dir_context *ctx);	/* directories */
	/* In Linux an inode operation; inodes are not modelled here. NULL: a socket. */
	int (*getattr)(struct file *file, struct kstat *stat);
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
