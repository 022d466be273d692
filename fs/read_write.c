/*
 * read/write and friends (Linux: fs/read_write.c). The breakpoint path a student follows:
 *   entry_SYSCALL_64 -> do_syscall_64 -> __x64_sys_write -> __do_sys_write -> ksys_write ->
 *   vfs_write -> file->f_op->write (tty_write, pipe_write, sock_write_iter's stand-in ...).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <uapi/linux/uio.h>
#include "internal.h"

#define MAX_RW_COUNT	(INT_MAX & ~4095L)	/* Linux's cap on one transfer */

static noinline ssize_t vfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	if ((file->f_flags & O_ACCMODE) == O_WRONLY)
		return -EBADF;
	if (!file->f_op->read)
		return -EINVAL;
	if (!access_ok(buf, count))
		return -EFAULT;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	return file->f_op->read(file, buf, count, pos);
}

static noinline ssize_t vfs_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	if ((file->f_flags & O_ACCMODE) == O_RDONLY)
		return -EBADF;
	if (!file->f_op->write)
		return -EINVAL;
	if (!access_ok(buf, count))
		return -EFAULT;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	return file->f_op->write(file, buf, count, pos);
}

noinline ssize_t ksys_read(unsigned int fd, char __user *buf, size_t count)
{
	struct file *file = fget(fd);
	ssize_t ret;

	if (!file)
		return -EBADF;
	ret = vfs_read(file, buf, count, &file->f_pos);
	fput(file);
	return ret;
}

noinline ssize_t ksys_write(unsigned int fd, const char __user *buf, size_t count)
{
	struct file *file = fget(fd);
	ssize_t ret;

	if (!file)
		return -EBADF;
	ret = vfs_write(file, buf, count, &file->f_pos);
	fput(file);
	return ret;
}

SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	return ksys_read(fd, buf, count);
}

SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf, size_t, count)
{
	return ksys_write(fd, buf, count);
}

/* Positioned I/O only makes sense on seekable files; f_pos is left alone. */
static ssize_t ksys_pread_pwrite(unsigned int fd, char __user *buf, size_t count, loff_t pos, bool write)
{
	struct file *file;
	ssize_t ret;

	if (pos < 0)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	ret = -ESPIPE;
	if (file->f_op->llseek)
		ret = write ? vfs_write(file, buf, count, &pos) : vfs_read(file, buf, count, &pos);
	fput(file);
	return ret;
}

SYSCALL_DEFINE4(pread64, unsigned int, fd, char __user *, buf, size_t, count, loff_t, pos)
{
	return ksys_pread_pwrite(fd, buf, count, pos, false);
}

SYSCALL_DEFINE4(pwrite64, unsigned int, fd, const char __user *, buf, size_t, count, loff_t, pos)
{
	return ksys_pread_pwrite(fd, (char __user *)buf, count, pos, true);
}

/*
 * The vector is copied and checked first, as Linux's import_iovec: a length that does not fit
 * ssize_t is -EINVAL before any byte moves. Then one vfs call per iovec; a short transfer ends
 * the loop, as for a Linux file without ->read_iter.
 */
static ssize_t do_readv_writev(unsigned long fd, const struct iovec __user *uvec, unsigned long vlen,
			       bool write)
{
	struct iovec *iov;
	struct file *file;
	ssize_t ret = 0;
	size_t total = 0;

	if (vlen > UIO_MAXIOV)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	iov = kcalloc(vlen ? vlen : 1, sizeof(*iov), GFP_KERNEL);
	if (!iov) {
		ret = -ENOMEM;
		goto out_file;
	}
	if (copy_from_user(iov, uvec, vlen * sizeof(*iov))) {
		ret = -EFAULT;
		goto out;
	}
	for (unsigned long i = 0; i < vlen; i++) {
		if ((ssize_t)iov[i].iov_len < 0 || iov[i].iov_len > LONG_MAX - total) {
			ret = -EINVAL;
			goto out;
		}
		total += iov[i].iov_len;
	}
	for (unsigned long i = 0; i < vlen; i++) {
		ssize_t n;

		if (iov[i].iov_len == 0)
			continue;
		if (write)
			n = vfs_write(file, iov[i].iov_base, iov[i].iov_len, &file->f_pos);
		else
			n = vfs_read(file, iov[i].iov_base, iov[i].iov_len, &file->f_pos);
		if (n < 0) {
			if (!ret)
				ret = n;
			break;
		}
		ret += n;
		if ((size_t)n < iov[i].iov_len)
			break;
	}
out:
	kfree(iov);
out_file:
	fput(file);
	return ret;
}

SYSCALL_DEFINE3(readv, unsigned long, fd, const struct iovec __user *, vec, unsigned long, vlen)
{
	return do_readv_writev(fd, vec, vlen, false);
}

SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec __user *, vec, unsigned long, vlen)
{
	return do_readv_writev(fd, vec, vlen, true);
}

/* The common llseek of files with a known size (Linux: generic_file_llseek_size). */
loff_t generic_file_llseek_size(struct file *file, loff_t offset, int whence, loff_t eof)
{
	switch (whence) {
	case SEEK_SET:
		break;
	case SEEK_CUR:
		offset += file->f_pos;
		break;
	case SEEK_END:
		offset += eof;
		break;
	default:
		return -EINVAL;
	}
	if (offset < 0)
		return -EINVAL;
	file->f_pos = offset;
	return offset;
}

SYSCALL_DEFINE3(lseek, unsigned int, fd, loff_t, offset, unsigned int, whence)
{
	struct file *file = fget(fd);
	loff_t ret;

	if (!file)
		return -EBADF;
	ret = -ESPIPE;
	if (whence > SEEK_END)
		ret = -EINVAL;
	else if (file->f_op->llseek)
		ret = file->f_op->llseek(file, offset, whence);
	fput(file);
	return ret;
}

ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *pos, const void *from,
				size_t available)
{
	loff_t p = *pos;
	size_t n;

	if (p < 0)
		return -EINVAL;
	if ((size_t)p >= available || !count)
		return 0;
	n = min(count, available - (size_t)p);
	if (copy_to_user(to, (const char *)from + p, n))
		return -EFAULT;
	*pos = p + n;
	return n;
}
