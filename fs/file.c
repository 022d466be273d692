/*
 * Descriptor tables and the calls that manage descriptors (Linux: fs/file.c, fs/fcntl.c):
 * dup, dup2, dup3, fcntl, close. A table is copied on fork (sharing the files), its close-on-exec
 * descriptors are closed by execve, and exit closes the rest.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/fs.h>
#include <linux/fdtable.h>
#include <linux/sched/task.h>

/* A reserved slot whose file is not installed yet: fget() must not see it. */
#define fd_valid(files, fd)	((fd) < NR_OPEN_DEFAULT && (files)->fd_array[fd])

struct files_struct *alloc_files(void)
{
	return kzalloc(sizeof(struct files_struct), GFP_KERNEL);
}

struct files_struct *dup_fd(struct files_struct *oldf)
{
	struct files_struct *newf = alloc_files();

	if (!newf)
		return NULL;
	if (!oldf)
		return newf;
	for (unsigned int fd = 0; fd < NR_OPEN_DEFAULT; fd++) {
		struct file *file = oldf->fd_array[fd];

		if (!file)
			continue;
		file->f_count++;
		newf->fd_array[fd] = file;
		newf->open_fds |= 1UL << fd;
	}
	newf->close_on_exec = oldf->close_on_exec & newf->open_fds;
	return newf;
}

static struct file *pick_file(struct files_struct *files, unsigned int fd)
{
	struct file *file;

	if (!fd_valid(files, fd))
		return NULL;
	file = files->fd_array[fd];
	files->fd_array[fd] = NULL;
	files->open_fds &= ~(1UL << fd);
	files->close_on_exec &= ~(1UL << fd);
	return file;
}

void exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	for (unsigned int fd = 0; fd < NR_OPEN_DEFAULT; fd++) {
		struct file *file = pick_file(files, fd);

		if (file)
			fput(file);
	}
	tsk->files = NULL;
	kfree(files);
}

void do_close_on_exec(struct files_struct *files)
{
	for (unsigned int fd = 0; fd < NR_OPEN_DEFAULT; fd++) {
		if (files->close_on_exec & (1UL << fd)) {
			struct file *file = pick_file(files, fd);

			if (file)
				fput(file);
		}
	}
}

static void set_close_on_exec(struct files_struct *files, unsigned int fd, bool flag)
{
	if (flag)
		files->close_on_exec |= 1UL << fd;
	else
		files->close_on_exec &= ~(1UL << fd);
}

static int alloc_fd(struct files_struct *files, unsigned int start, unsigned int flags)
{
	for (unsigned int fd = start; fd < NR_OPEN_DEFAULT; fd++) {
		if (!(files->open_fds & (1UL << fd))) {
			files->open_fds |= 1UL << fd;
			set_close_on_exec(files, fd, flags & O_CLOEXEC);
			return fd;
		}
	}
	return -EMFILE;
}

int get_unused_fd_flags(unsigned int flags)
{
	if (!current->files)
		return -EMFILE;
	return alloc_fd(current->files, 0, flags);
}

void put_unused_fd(unsigned int fd)
{
	struct files_struct *files = current->files;

	files->open_fds &= ~(1UL << fd);
	files->close_on_exec &= ~(1UL << fd);
}

void fd_install(unsigned int fd, struct file *file)
{
	struct files_struct *files = current->files;

	BUG_ON(fd >= NR_OPEN_DEFAULT || files->fd_array[fd] || !(files->open_fds & (1UL << fd)));
	files->fd_array[fd] = file;
}

struct file *fget(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *file;

	if (!files || !fd_valid(files, fd))
		return NULL;
	file = files->fd_array[fd];
	file->f_count++;
	return file;
}

int close_fd(unsigned int fd)
{
	struct file *file;

	if (!current->files)
		return -EBADF;
	file = pick_file(current->files, fd);
	if (!file)
		return -EBADF;
	fput(file);
	return 0;
}

SYSCALL_DEFINE1(close, unsigned int, fd)
{
	return close_fd(fd);
}

static int do_dup2(struct files_struct *files, struct file *file, unsigned int fd, unsigned int flags)
{
	struct file *old;

	/* A slot reserved by a get_unused_fd_flags() in progress is busy (Linux: -EBUSY). */
	if ((files->open_fds & (1UL << fd)) && !files->fd_array[fd])
		return -EBUSY;
	old = files->fd_array[fd];
	file->f_count++;
	files->fd_array[fd] = file;
	files->open_fds |= 1UL << fd;
	set_close_on_exec(files, fd, flags & O_CLOEXEC);
	if (old)
		fput(old);
	return fd;
}

static int ksys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	struct files_struct *files = current->files;

	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	if (newfd >= NR_OPEN_DEFAULT)
		return -EBADF;
	if (!fd_valid(files, oldfd))
		return -EBADF;
	return do_dup2(files, files->fd_array[oldfd], newfd, flags);
}

SYSCALL_DEFINE3(dup3, unsigned int, oldfd, unsigned int, newfd, int, flags)
{
	return ksys_dup3(oldfd, newfd, flags);
}

SYSCALL_DEFINE2(dup2, unsigned int, oldfd, unsigned int, newfd)
{
	if (oldfd == newfd)
		return fd_valid(current->files, oldfd) ? (long)newfd : -EBADF;
	return ksys_dup3(oldfd, newfd, 0);
}

static int f_dupfd(unsigned int from, struct file *file, unsigned int flags)
{
	int fd;

	if (from >= NR_OPEN_DEFAULT)
		return -EINVAL;
	fd = alloc_fd(current->files, from, flags);
	if (fd < 0)
		return fd;
	file->f_count++;
	current->files->fd_array[fd] = file;
	return fd;
}

SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
	if (!fd_valid(current->files, fildes))
		return -EBADF;
	return f_dupfd(0, current->files->fd_array[fildes], 0);
}

#define F_DUPFD_CLOEXEC	1030
/* Flags F_SETFL may change; the access mode and creation flags stay. */
#define SETFL_MASK	(O_APPEND | O_NONBLOCK)

SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct files_struct *files = current->files;
	struct file *file;

	if (!fd_valid(files, fd))
		return -EBADF;
	file = files->fd_array[fd];
	switch (cmd) {
	case F_DUPFD:
		return f_dupfd(arg, file, 0);
	case F_DUPFD_CLOEXEC:
		return f_dupfd(arg, file, O_CLOEXEC);
	case F_GETFD:
		return (files->close_on_exec & (1UL << fd)) ? FD_CLOEXEC : 0;
	case F_SETFD:
		set_close_on_exec(files, fd, arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:
		return file->f_flags & ~O_CLOEXEC;
	case F_SETFL:
		file->f_flags = (file->f_flags & ~SETFL_MASK) | (arg & SETFL_MASK);
		return 0;
	default:
		return -EINVAL;
	}
}
