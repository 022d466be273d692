/*
 * ioctl (Linux: fs/ioctl.c): the descriptor-level commands every file has (FIONBIO, FIOCLEX,
 * FIONCLEX), then the file's own unlocked_ioctl (the tty's termios, a socket's SIOC*), else -ENOTTY.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <linux/fdtable.h>
#include <linux/sched/task.h>
#include <uapi/asm-generic/ioctls.h>

SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *file = fget(fd);
	long ret = 0;
	int on;

	if (!file)
		return -EBADF;
	switch (cmd) {
	case FIOCLEX:
		current->files->close_on_exec |= 1UL << fd;
		break;
	case FIONCLEX:
		current->files->close_on_exec &= ~(1UL << fd);
		break;
	case FIONBIO:
		if (get_user(on, (int __user *)arg)) {
			ret = -EFAULT;
			break;
		}
		if (on)
			file->f_flags |= O_NONBLOCK;
		else
			file->f_flags &= ~O_NONBLOCK;
		break;
	default:
		ret = file->f_op->unlocked_ioctl ? file->f_op->unlocked_ioctl(file, cmd, arg) : -ENOTTY;
		break;
	}
	fput(file);
	return ret;
}
