/*
 * open/openat, chdir, getcwd, access (Linux: fs/open.c, fs/d_path.c). open() resolves the path
 * (fs/namei.c), gets a struct file from the file system that owns it and installs it at the lowest
 * free descriptor. Only the initrd root is writable-never: O_CREAT of a new file gives -EROFS.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <linux/fdtable.h>
#include <linux/sched/task.h>
#include <uapi/linux/stat.h>
#include "internal.h"

#define AT_FDCWD	-100
#define VALID_OPEN_FLAGS (O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_APPEND | O_NONBLOCK | \
			  O_DIRECTORY | O_CLOEXEC | 0100000 /* O_LARGEFILE */ | 0400000 /* O_NOFOLLOW */)

static long do_sys_open(int dfd, const char __user *filename, int flags, int mode)
{
	struct file *file;
	char *path;
	long fd;

	if (dfd != AT_FDCWD && dfd < 0)
		return -EBADF;
	if (flags & ~VALID_OPEN_FLAGS)
		return -EINVAL;
	if ((flags & O_ACCMODE) == O_ACCMODE)
		return -EINVAL;
	path = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!path)
		return -ENOMEM;
	fd = getname_normalized(filename, path);
	if (fd)
		goto out;
	fd = get_unused_fd_flags(flags);
	if (fd < 0)
		goto out;
	file = vfs_open(path, flags);
	if (IS_ERR(file)) {
		put_unused_fd(fd);
		/* Creating a new file on a read-only file system. */
		fd = (PTR_ERR(file) == -ENOENT && (flags & O_CREAT)) ? -EROFS : PTR_ERR(file);
		goto out;
	}
	if ((flags & O_CREAT) && (flags & O_EXCL)) {
		fput(file);
		put_unused_fd(fd);
		fd = -EEXIST;
		goto out;
	}
	fd_install(fd, file);
out:
	kfree(path);
	return fd;
}

SYSCALL_DEFINE3(open, const char __user *, filename, int, flags, int, mode)
{
	return do_sys_open(AT_FDCWD, filename, flags, mode);
}

/* Directory descriptors are not used for lookup: only AT_FDCWD or absolute paths make sense. */
SYSCALL_DEFINE4(openat, int, dfd, const char __user *, filename, int, flags, int, mode)
{
	return do_sys_open(dfd, filename, flags, mode);
}

SYSCALL_DEFINE2(creat, const char __user *, pathname, int, mode)
{
	return do_sys_open(AT_FDCWD, pathname, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

/* Opens path (user pointer) read-only for a look at it: stat, access, chdir. */
struct file *open_path_for_lookup(const char __user *filename, char *path)
{
	int err = getname_normalized(filename, path);

	if (err)
		return ERR_PTR(err);
	return vfs_open(path, O_RDONLY);
}

SYSCALL_DEFINE1(chdir, const char __user *, filename)
{
	struct kstat stat;
	struct file *file;
	char *path = kmalloc(PATH_MAX, GFP_KERNEL);
	long err;

	if (!path)
		return -ENOMEM;
	file = open_path_for_lookup(filename, path);
	err = PTR_ERR(file);
	if (IS_ERR(file))
		goto out;
	err = vfs_getattr(file, &stat);
	fput(file);
	if (!err && !S_ISDIR(stat.mode))
		err = -ENOTDIR;
	if (!err && strlen(path) >= sizeof(current->cwd))
		err = -ENAMETOOLONG;
	if (!err)
		strscpy(current->cwd, path, sizeof(current->cwd));
out:
	kfree(path);
	return err;
}

SYSCALL_DEFINE2(getcwd, char __user *, buf, unsigned long, size)
{
	size_t len = strlen(current->cwd) + 1;

	if (size < len)
		return -ERANGE;
	if (copy_to_user(buf, current->cwd, len))
		return -EFAULT;
	return len;
}

#define F_OK	0
#define X_OK	1
#define W_OK	2
#define R_OK	4

SYSCALL_DEFINE2(access, const char __user *, filename, int, mode)
{
	struct kstat stat;
	struct file *file;
	char *path;
	long err;

	if (mode & ~(F_OK | X_OK | W_OK | R_OK))
		return -EINVAL;
	path = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!path)
		return -ENOMEM;
	file = open_path_for_lookup(filename, path);
	err = PTR_ERR(file);
	if (IS_ERR(file))
		goto out;
	err = vfs_getattr(file, &stat);
	fput(file);
	/* Everyone is root; only the file's own permission bits and the read-only root limit. */
	if (!err && (mode & X_OK) && !(stat.mode & 0111))
		err = -EACCES;
	if (!err && (mode & W_OK) && !(stat.mode & 0222))
		err = -EROFS;
out:
	kfree(path);
	return err;
}
