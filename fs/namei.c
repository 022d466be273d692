/*
 * Path names (Linux: fs/namei.c, much reduced). There are three file systems and no mounting:
 * /proc (fs/proc/), /dev (fs/devices.c) and everything else, which is the initrd tar archive
 * (fs/initramfs.c), read-only. A path is made absolute against the working directory and
 * normalised ("." and ".." and repeated slashes removed) before it is looked up.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <linux/sched/task.h>
#include "internal.h"

int getname_normalized(const char __user *filename, char *out)
{
	char *raw = out + PATH_MAX / 2;	/* the second half of the buffer holds the raw name */
	long len = strncpy_from_user(raw, filename, PATH_MAX / 2);

	BUILD_BUG_ON(sizeof(current->cwd) > PATH_MAX / 2);
	if (len < 0)
		return len;
	if (len == PATH_MAX / 2)
		return -ENAMETOOLONG;
	if (len == 0)
		return -ENOENT;
	return normalize_path(current->cwd, raw, out, PATH_MAX / 2);
}

static bool path_under(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	return !strncmp(path, dir, n) && (path[n] == '\0' || path[n] == '/');
}

struct file *vfs_open(const char *path, int flags)
{
	if (path_under(path, "/proc"))
		return proc_open(path + 5, flags);
	if (path_under(path, "/dev"))
		return chrdev_open(path + 4, flags);
	return initramfs_open(path, flags);
}
