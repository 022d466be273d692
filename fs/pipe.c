/*
 * Pipes (Linux: fs/pipe.c): a ring buffer shared by a read file and a write file. Readers sleep on
 * rd_wait until data or the last writer is gone (then read returns 0, end of file); writers sleep on
 * wr_wait for room. Writes of at most PIPE_BUF bytes are atomic. Writing with no reader left gives
 * SIGPIPE and -EPIPE. poll() reports EPOLLIN/EPOLLOUT, EPOLLHUP when the other end is closed.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/poll.h>
#include <linux/fs.h>
#include <linux/fdtable.h>
#include <linux/sched/task.h>
#include <uapi/asm/signal.h>
#include <uapi/asm-generic/ioctls.h>
#include <uapi/linux/stat.h>

#define PIPE_SIZE	16384		/* ring capacity */
#define PIPE_BUF	4096		/* POSIX: writes up to this size are not interleaved */

struct pipe_inode_info {
	char *buf;
	unsigned int head, tail;	/* free-running: head - tail bytes are buffered */
	unsigned int readers, writers;
	wait_queue_head_t rd_wait, wr_wait;
};

static unsigned int pipe_avail(const struct pipe_inode_info *pipe)
{
	return pipe->head - pipe->tail;
}

/* Copies n bytes between the ring at index idx and user memory, in at most two pieces. */
static int pipe_copy(struct pipe_inode_info *pipe, unsigned int idx, char __user *ubuf, size_t n, bool to_ring)
{
	unsigned int off = idx % PIPE_SIZE;
	size_t first = min_t(size_t, n, PIPE_SIZE - off);
	unsigned long left;

	if (to_ring) {
		left = copy_from_user(pipe->buf + off, ubuf, first);
		if (!left && n > first)
			left = copy_from_user(pipe->buf, ubuf + first, n - first);
	} else {
		left = copy_to_user(ubuf, pipe->buf + off, first);
		if (!left && n > first)
			left = copy_to_user(ubuf + first, pipe->buf, n - first);
	}
	return left ? -EFAULT : 0;
}

static ssize_t pipe_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct pipe_inode_info *pipe = file->private_data;
	DEFINE_WAIT(wait);
	ssize_t ret;

	if (!count)
		return 0;
	for (;;) {
		size_t n = min_t(size_t, count, pipe_avail(pipe));

		if (n) {
			ret = pipe_copy(pipe, pipe->tail, buf, n, false);
			if (ret)
				break;
			pipe->tail += n;
			wake_up_interruptible_poll(&pipe->wr_wait, EPOLLOUT | EPOLLWRNORM);
			ret = n;
			break;
		}
		ret = 0;
		if (!pipe->writers)
			break;
		ret = -EAGAIN;
		if (file->f_flags & O_NONBLOCK)
			break;
		ret = -ERESTARTSYS;
		if (signal_pending(current))
			break;
		prepare_to_wait(&pipe->rd_wait, &wait, TASK_INTERRUPTIBLE);
		if (!pipe_avail(pipe) && pipe->writers)
			schedule();
		finish_wait(&pipe->rd_wait, &wait);
	}
	return ret;
}

static ssize_t pipe_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	struct pipe_inode_info *pipe = file->private_data;
	size_t written = 0;
	DEFINE_WAIT(wait);
	ssize_t err = 0;

	while (written < count) {
		size_t left = count - written;
		size_t space = PIPE_SIZE - pipe_avail(pipe);
		size_t n = min(left, space);

		if (!pipe->readers) {
			send_sig(SIGPIPE, current, 0);
			err = -EPIPE;
			break;
		}
		/* A small write goes in one piece or waits. */
		if (left <= PIPE_BUF && space < left)
			n = 0;
		if (n) {
			err = pipe_copy(pipe, pipe->head, (char __user *)buf + written, n, true);
			if (err)
				break;
			pipe->head += n;
			written += n;
			wake_up_interruptible_poll(&pipe->rd_wait, EPOLLIN | EPOLLRDNORM);
			continue;
		}
		err = -EAGAIN;
		if (file->f_flags & O_NONBLOCK)
			break;
		err = -ERESTARTSYS;
		if (signal_pending(current))
			break;
		err = 0;
		prepare_to_wait(&pipe->wr_wait, &wait, TASK_INTERRUPTIBLE);
		if (pipe->readers && PIPE_SIZE - pipe_avail(pipe) < min_t(size_t, left, PIPE_BUF))
			schedule();
		finish_wait(&pipe->wr_wait, &wait);
	}
	return written ? (ssize_t)written : err;
}

static __poll_t pipe_poll(struct file *file, poll_table *wait)
{
	struct pipe_inode_info *pipe = file->private_data;
	__poll_t mask = 0;

	poll_wait(file, &pipe->rd_wait, wait);
	poll_wait(file, &pipe->wr_wait, wait);
	if ((file->f_flags & O_ACCMODE) == O_RDONLY) {
		if (pipe_avail(pipe))
			mask |= EPOLLIN | EPOLLRDNORM;
		if (!pipe->writers)
			mask |= EPOLLHUP;
	} else {
		if (pipe_avail(pipe) < PIPE_SIZE)
			mask |= EPOLLOUT | EPOLLWRNORM;
		if (!pipe->readers)
			mask |= EPOLLERR;
	}
	return mask;
}

static long pipe_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = file->private_data;

	if (cmd != FIONREAD)
		return -ENOTTY;
	return put_user((int)pipe_avail(pipe), (int __user *)arg);
}

static int pipe_release(struct inode *inode, struct file *file)
{
	struct pipe_inode_info *pipe = file->private_data;

	if ((file->f_flags & O_ACCMODE) == O_RDONLY)
		pipe->readers--;
	else
		pipe->writers--;
	if (!pipe->readers && !pipe->writers) {
		kfree(pipe->buf);
		kfree(pipe);
		return 0;
	}
	wake_up_interruptible_all(&pipe->rd_wait);
	wake_up_interruptible_all(&pipe->wr_wait);
	return 0;
}

static int pipe_getattr(struct file *file, struct kstat *stat)
{
	stat->mode = S_IFIFO | 0600;
	stat->size = 0;
	return 0;
}

static const struct file_operations pipefifo_fops = {
	.read = pipe_read,
	.write = pipe_write,
	.poll = pipe_poll,
	.unlocked_ioctl = pipe_ioctl,
	.release = pipe_release,
	.getattr = pipe_getattr,
};

static int create_pipe_files(struct file **res, int flags)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (!pipe)
		return -ENFILE;
	pipe->buf = kmalloc(PIPE_SIZE, GFP_KERNEL);
	if (!pipe->buf)
		goto out_pipe;
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	res[0] = alloc_file(&pipefifo_fops, O_RDONLY | (flags & O_NONBLOCK), pipe);
	if (!res[0])
		goto out_buf;
	res[1] = alloc_file(&pipefifo_fops, O_WRONLY | (flags & O_NONBLOCK), pipe);
	if (!res[1])
		goto out_file;
	pipe->readers = pipe->writers = 1;
	return 0;

out_file:
	pipe->readers = 1;	/* release of the read end then frees everything */
	fput(res[0]);
	return -ENFILE;
out_buf:
	kfree(pipe->buf);
out_pipe:
	kfree(pipe);
	return -ENFILE;
}

static int do_pipe2(int __user *fildes, int flags)
{
	struct file *files[2];
	int fd[2];
	int error;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	error = create_pipe_files(files, flags);
	if (error)
		return error;
	fd[0] = get_unused_fd_flags(flags);
	if (fd[0] < 0) {
		error = fd[0];
		goto out_files;
	}
	fd[1] = get_unused_fd_flags(flags);
	if (fd[1] < 0) {
		error = fd[1];
		goto out_fd0;
	}
	if (copy_to_user(fildes, fd, sizeof(fd))) {
		error = -EFAULT;
		put_unused_fd(fd[1]);
		goto out_fd0;
	}
	fd_install(fd[0], files[0]);
	fd_install(fd[1], files[1]);
	return 0;

out_fd0:
	put_unused_fd(fd[0]);
out_files:
	fput(files[0]);
	fput(files[1]);
	return error;
}

SYSCALL_DEFINE2(pipe2, int __user *, fildes, int, flags)
{
	return do_pipe2(fildes, flags);
}

SYSCALL_DEFINE1(pipe, int __user *, fildes)
{
	return do_pipe2(fildes, 0);
}
