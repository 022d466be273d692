/*
 * The calls that would change the file system (Linux: fs/namei.c do_mkdirat, do_rmdir, do_unlinkat,
 * do_renameat2, fs/stat.c readlink, fs/open.c truncate, fs/sync.c). Nothing here is writable --
 * the root is the initrd, /proc and /dev are fixed -- so each answers as Linux does on a read-only
 * file system: ENOENT/EEXIST/ENOTDIR from the lookup first, then EROFS. fsync and sync succeed.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/fs.h>
#include <uapi/linux/stat.h>
#include "internal.h"

/* Looks path up: 0 and the file's mode, or the lookup's error. */
static int lookup_mode(const char __user *filename, unsigned int *mode)
{
	char *path = kmalloc(PATH_MAX, GFP_KERNEL);
	struct kstat stat;
	struct file *file;
	int err;

	if (!path)
		return -ENOMEM;
	file = open_path_for_lookup(filename, path);
	kfree(path);
	if (IS_ERR(file))
		return PTR_ERR(file);
	err = vfs_getattr(file, &stat);
	fput(file);
	*mode = stat.mode;
	return err;
}

SYSCALL_DEFINE2(mkdir, const char __user *, pathname, int, mode)
{
	unsigned int m;
	int err = lookup_mode(pathname, &m);

	if (!err)
		return -EEXIST;
	return err == -ENOENT ? -EROFS : err;
}

SYSCALL_DEFINE1(rmdir, const char __user *, pathname)
{
	unsigned int m;
	int err = lookup_mode(pathname, &m);

	if (err)
		return err;
	return S_ISDIR(m) ? -EROFS : -ENOTDIR;
}

SYSCALL_DEFINE1(unlink, const char __user *, pathname)
{
	unsigned int m;
	int err = lookup_mode(pathname, &m);

	if (err)
		return err;
	return S_ISDIR(m) ? -EISDIR : -EROFS;
}

SYSCALL_DEFINE2(rename, const char __user *, oldname, const char __user *, newname)
{
	unsigned int m;
	int err = lookup_mode(oldname, &m);

	return err ? err : -EROFS;
}

/* There are no symbolic links. */
SYSCALL_DEFINE3(readlink, const char __user *, path, char __user *, buf, int, bufsiz)
{
	unsigned int m;
	int err;

	if (bufsiz <= 0)
		return -EINVAL;
	err = lookup_mode(path, &m);
	return err ? err : -EINVAL;
}

SYSCALL_DEFINE2(truncate, const char __user *, path, long, length)
{
	unsigned int m;
	int err;

	if (length < 0)
		return -EINVAL;
	err = lookup_mode(path, &m);
	if (err)
		return err;
	return S_ISDIR(m) ? -EISDIR : -EROFS;
}

SYSCALL_DEFINE2(ftruncate, unsigned int, fd, long, length)
{
	struct file *file;
	struct kstat stat;
	long err;

	if (length < 0)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	err = vfs_getattr(file, &stat);
	if (!err)
		err = ((file->f_flags & O_ACCMODE) == O_RDONLY || !S_ISREG(stat.mode)) ? -EINVAL : -EROFS;
	fput(file);
	return err;
}

/* Nothing is ever dirty: data reaches its destination on write(). */
static long do_fsync(unsigned int fd)
{
	struct file *file = fget(fd);

	if (!file)
		return -EBADF;
	fput(file);
	return 0;
}

SYSCALL_DEFINE1(fsync, unsigned int, fd)
{
	return do_fsync(fd);
}

SYSCALL_DEFINE1(fdatasync, unsigned int, fd)
{
	return do_fsync(fd);
}

SYSCALL_DEFINE0(sync)
{
	return 0;
}
