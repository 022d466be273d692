/* Host shim: struct file and a small descriptor table for the one test task (socket fds). */
#include <stdlib.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/errno.h>
#include <linux/bug.h>
#include "host.h"

#define HOST_NR_OPEN	64

static struct file *fd_table[HOST_NR_OPEN];
static bool fd_reserved[HOST_NR_OPEN];

struct file *alloc_file(const struct file_operations *fop, unsigned int flags, void *private_data)
{
	struct file *file = kzalloc(sizeof(*file), GFP_KERNEL);

	if (!file)
		return NULL;
	file->f_op = fop;
	file->f_flags = flags;
	file->f_count = 1;
	file->private_data = private_data;
	return file;
}

struct file *fget(unsigned int fd)
{
	struct file *file;

	if (fd >= HOST_NR_OPEN || !fd_table[fd])
		return NULL;
	file = fd_table[fd];
	file->f_count++;
	return file;
}

void fput(struct file *file)
{
	BUG_ON(file->f_count <= 0);
	if (--file->f_count)
		return;
	if (file->f_op && file->f_op->release)
		file->f_op->release(NULL, file);
	kfree(file);
}

int get_unused_fd_flags(unsigned int flags)
{
	int fd;

	for (fd = 3; fd < HOST_NR_OPEN; fd++) {
		if (!fd_table[fd] && !fd_reserved[fd]) {
			fd_reserved[fd] = true;
			return fd;
		}
	}
	return -EMFILE;
}

void put_unused_fd(unsigned int fd)
{
	fd_reserved[fd] = false;
}

void fd_install(unsigned int fd, struct file *file)
{
	BUG_ON(fd >= HOST_NR_OPEN || fd_table[fd]);
	fd_reserved[fd] = false;
	fd_table[fd] = file;
}

/* close(fd) for tests: what the kernel's close_fd does. */
int host_close_fd(unsigned int fd)
{
	struct file *file;

	if (fd >= HOST_NR_OPEN || !fd_table[fd])
		return -EBADF;
	file = fd_table[fd];
	fd_table[fd] = NULL;
	fput(file);
	return 0;
}
