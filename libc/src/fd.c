/* File descriptor system calls: open, read, write, close, dup, pipe, fcntl, ioctl, stat, directories. */
#include <unistd.h>
#include <fcntl.h>
#include <stdarg.h>
#include <errno.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <poll.h>
#include <sys/select.h>
#include "syscall.h"

int open(const char *path, int flags, ...)
{
	mode_t mode = 0;
	va_list ap;

	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return (int)syscall3(__NR_open, path, flags, mode);
}

int openat(int dirfd, const char *path, int flags, ...)
{
	mode_t mode = 0;
	va_list ap;

	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return (int)syscall4(__NR_openat, dirfd, path, flags, mode);
}

int creat(const char *path, mode_t mode)
{
	return open(path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

ssize_t read(int fd, void *buf, size_t count)
{
	return syscall3(__NR_read, fd, buf, count);
}

ssize_t write(int fd, const void *buf, size_t count)
{
	return syscall3(__NR_write, fd, buf, count);
}

ssize_t pread(int fd, void *buf, size_t count, off_t offset)
{
	return syscall4(__NR_pread64, fd, buf, count, offset);
}

ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset)
{
	return syscall4(__NR_pwrite64, fd, buf, count, offset);
}

ssize_t readv(int fd, const struct iovec *iov, int iovcnt)
{
	return syscall3(__NR_readv, fd, iov, iovcnt);
}

ssize_t writev(int fd, const struct iovec *iov, int iovcnt)
{
	return syscall3(__NR_writev, fd, iov, iovcnt);
}

int close(int fd)
{
	return (int)syscall1(__NR_close, fd);
}

off_t lseek(int fd, off_t offset, int whence)
{
	return syscall3(__NR_lseek, fd, offset, whence);
}

int dup(int fd)
{
	return (int)syscall1(__NR_dup, fd);
}

int dup2(int oldfd, int newfd)
{
	return (int)syscall2(__NR_dup2, oldfd, newfd);
}

int dup3(int oldfd, int newfd, int flags)
{
	return (int)syscall3(__NR_dup3, oldfd, newfd, flags);
}

int pipe(int fds[2])
{
	return (int)syscall1(__NR_pipe, fds);
}

int pipe2(int fds[2], int flags)
{
	return (int)syscall2(__NR_pipe2, fds, flags);
}

int fcntl(int fd, int cmd, ...)
{
	unsigned long arg;
	va_list ap;

	va_start(ap, cmd);
	arg = va_arg(ap, unsigned long);
	va_end(ap);
	return (int)syscall3(__NR_fcntl, fd, cmd, arg);
}

int ioctl(int fd, unsigned long request, ...)
{
	unsigned long arg;
	va_list ap;

	va_start(ap, request);
	arg = va_arg(ap, unsigned long);
	va_end(ap);
	return (int)syscall3(__NR_ioctl, fd, request, arg);
}

int isatty(int fd)
{
	struct termios t;

	return ioctl(fd, TCGETS, &t) == 0;
}

int poll(struct pollfd *fds, nfds_t nfds, int timeout)
{
	return (int)syscall3(__NR_poll, fds, nfds, timeout);
}

int select(int nfds, fd_set *restrict readfds, fd_set *restrict writefds, fd_set *restrict exceptfds,
	   struct timeval *restrict timeout)
{
	return (int)syscall5(__NR_select, nfds, readfds, writefds, exceptfds, timeout);
}

int stat(const char *restrict path, struct stat *restrict st)
{
	return (int)syscall2(__NR_stat, path, st);
}

int fstat(int fd, struct stat *st)
{
	return (int)syscall2(__NR_fstat, fd, st);
}

int lstat(const char *restrict path, struct stat *restrict st)
{
	return (int)syscall2(__NR_lstat, path, st);
}

int mkdir(const char *path, mode_t mode)
{
	return (int)syscall2(__NR_mkdir, path, mode);
}

mode_t umask(mode_t mask)
{
	return (mode_t)__syscall1(__NR_umask, mask);
}

int access(const char *path, int mode)
{
	return (int)syscall2(__NR_access, path, mode);
}

int unlink(const char *path)
{
	return (int)syscall1(__NR_unlink, path);
}

int rmdir(const char *path)
{
	return (int)syscall1(__NR_rmdir, path);
}

int chdir(const char *path)
{
	return (int)syscall1(__NR_chdir, path);
}

char *getcwd(char *buf, size_t size)
{
	if (syscall2(__NR_getcwd, buf, size) < 0)
		return NULL;
	return buf;
}

int fsync(int fd)
{
	return (int)syscall1(__NR_fsync, fd);
}

int ftruncate(int fd, off_t length)
{
	return (int)syscall2(__NR_ftruncate, fd, length);
}

ssize_t readlink(const char *restrict path, char *restrict buf, size_t size)
{
	return syscall3(__NR_readlink, path, buf, size);
}

void sync(void)
{
	__syscall0(__NR_sync);
}
