/*
 * stat, fstat, lstat, newfstatat (Linux: fs/stat.c; the syscalls are newstat etc. on x86_64).
 * A file reports its type, mode and size through ->getattr(); a file without one is a socket.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <uapi/asm/stat.h>
#include <uapi/linux/stat.h>
#include "internal.h"

int vfs_getattr(struct file *file, struct kstat *stat)
{
	memset(stat, 0, sizeof(*stat));
	if (!file->f_op->getattr) {
		stat->mode = S_IFSOCK | 0777;
		return 0;
	}
	return file->f_op->getattr(file, stat);
}

static int cp_new_stat(const struct kstat *stat, struct stat __user *statbuf)
{
	struct stat tmp;

	memset(&tmp, 0, sizeof(tmp));
	tmp.st_dev = 1;
	tmp.st_ino = stat->ino;
	tmp.st_nlink = S_ISDIR(stat->mode) ? 2 : 1;
	tmp.st_mode = stat->mode;
	tmp.st_rdev = stat->rdev;
	tmp.st_size = stat->size;
	tmp.st_blksize = 4096;
	tmp.st_blocks = DIV_ROUND_UP(stat->size, 512);
	return copy_to_user(statbuf, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

static long vfs_fstat(unsigned int fd, struct stat __user *statbuf)
{
	struct file *file = fget(fd);
	struct kstat stat;
	long err;

	if (!file)
		return -EBADF;
	err = vfs_getattr(file, &stat);
	fput(file);
	return err ? err : cp_new_stat(&stat, statbuf);
}

static long vfs_stat(const char __user *filename, struct stat __user *statbuf)
{
	char *path = kmalloc(PATH_MAX, GFP_KERNEL);
	struct kstat stat;
	struct file *file;
	long err;

	if (!path)
		return -ENOMEM;
	file = open_path_for_lookup(filename, path);
	kfree(path);
	if (IS_ERR(file))
		return PTR_ERR(file);
	err = vfs_getattr(file, &stat);
	fput(file);
	return err ? err : cp_new_stat(&stat, statbuf);
}

SYSCALL_DEFINE2(newstat, const char __user *, filename, struct stat __user *, statbuf)
{
	return vfs_stat(filename, statbuf);
}

/* No symbolic links: lstat is stat. */
SYSCALL_DEFINE2(newlstat, const char __user *, filename, struct stat __user *, statbuf)
{
	return vfs_stat(filename, statbuf);
}

SYSCALL_DEFINE2(newfstat, unsigned int, fd, struct stat __user *, statbuf)
{
	return vfs_fstat(fd, statbuf);
}

#define AT_FDCWD		-100
#define AT_SYMLINK_NOFOLLOW	0x100
#define AT_EMPTY_PATH		0x1000

SYSCALL_DEFINE4(newfstatat, int, dfd, const char __user *, filename, struct stat __user *, statbuf,
		int, flag)
{
	char c;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if ((flag & AT_EMPTY_PATH) && !copy_from_user(&c, filename, 1) && c == '\0')
		return vfs_fstat(dfd, statbuf);
	if (dfd != AT_FDCWD && dfd < 0)
		return -EBADF;
	return vfs_stat(filename, statbuf);
}
