/* usertests: descriptors and arguments: EBADF, EFAULT, huge lengths, invalid flags, EMFILE. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <time.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/reboot.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <sys/klog.h>
#include <sys/random.h>
#include <dirent.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <linux/reboot.h>
#include "usertests.h"

/*
 * Calls outside the minimum (stat, getcwd, writev, getrandom ...) may be missing in our
 * kernel: ENOSYS is then reported and accepted, everything else must match Linux.
 */
#define EXPECT_ERR_OPT(expr, err) do {					\
	long __r;							\
	errno = 0;							\
	__r = (long)(expr);						\
	if (__r == -1 && errno == ENOSYS)				\
		printf("  note: %s: not implemented (ENOSYS)\n", #expr);\
	else if (__r != -1 || errno != (err))				\
		fail_at(__LINE__, "%s: returned %ld, errno %d (%s); expected -1 with %s", \
			#expr, __r, errno, strerror(errno), #err);	\
} while (0)

void test_badfd(void)
{
	int fds[2], closed_fd, big = 1000, i;
	struct pollfd pfd[2];
	struct stat st;
	char buf[16];

	EXPECT_OK(pipe(fds));
	closed_fd = EXPECT_OK(dup(fds[0]));
	EXPECT_OK(close(closed_fd));

	EXPECT_ERR(read(-1, buf, 1), EBADF);
	EXPECT_ERR(read(big, buf, 1), EBADF);
	EXPECT_ERR(read(closed_fd, buf, 1), EBADF);
	EXPECT_ERR(read(fds[1], buf, 1), EBADF);		/* write end */
	EXPECT_ERR(write(-1, buf, 1), EBADF);
	EXPECT_ERR(write(big, buf, 1), EBADF);
	EXPECT_ERR(write(closed_fd, buf, 1), EBADF);
	EXPECT_ERR(write(fds[0], buf, 1), EBADF);		/* read end */
	EXPECT_ERR(close(-1), EBADF);
	EXPECT_ERR(close(closed_fd), EBADF);
	EXPECT_ERR(close(big), EBADF);
	EXPECT_ERR(dup(-1), EBADF);
	EXPECT_ERR(dup(closed_fd), EBADF);
	EXPECT_ERR(dup2(-1, 10), EBADF);
	EXPECT_ERR(dup2(closed_fd, 10), EBADF);
	EXPECT_ERR(dup2(fds[0], -1), EBADF);
	EXPECT_ERR(dup2(fds[0], 1 << 20), EBADF);		/* newfd beyond the limit */
	EXPECT_ERR(fcntl(-1, F_GETFL), EBADF);
	EXPECT_ERR(fcntl(closed_fd, F_GETFD), EBADF);
	EXPECT_ERR(ioctl(-1, FIONREAD, &big), EBADF);
	EXPECT_ERR(lseek(-1, 0, SEEK_SET), EBADF);
	EXPECT_ERR(fstat(-1, &st), EBADF);
	EXPECT_ERR(fstat(closed_fd, &st), EBADF);
	EXPECT_ERR(getdents64(-1, buf, sizeof(buf)), EBADF);

	EXPECT_ERR(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, -1, 0) == MAP_FAILED ? -1 : 0, EBADF);
	EXPECT_ERR(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, closed_fd, 0) == MAP_FAILED ? -1 : 0, EBADF);
	{
		fd_set set;
		struct timeval tv = { 0, 0 };

		FD_ZERO(&set);
		FD_SET(closed_fd, &set);
		EXPECT_ERR_OPT(select(closed_fd + 1, &set, NULL, NULL, &tv), EBADF);
	}
	/* Socket calls on a bad descriptor (EBADF) and on a pipe (ENOTSOCK); ENOSYS while there is no network. */
	{
		struct sockaddr_in sin = { .sin_family = AF_INET };
		socklen_t len = sizeof(sin);
		int v, bad[2] = { -1, closed_fd }, i;

		for (i = 0; i < 2; i++) {
			EXPECT_ERR_OPT(bind(bad[i], (struct sockaddr *)&sin, sizeof(sin)), EBADF);
			EXPECT_ERR_OPT(connect(bad[i], (struct sockaddr *)&sin, sizeof(sin)), EBADF);
			EXPECT_ERR_OPT(listen(bad[i], 1), EBADF);
			EXPECT_ERR_OPT(accept(bad[i], NULL, NULL), EBADF);
			EXPECT_ERR_OPT(sendto(bad[i], buf, 1, 0, NULL, 0), EBADF);
			EXPECT_ERR_OPT(recvfrom(bad[i], buf, 1, MSG_DONTWAIT, NULL, NULL), EBADF);
			EXPECT_ERR_OPT(shutdown(bad[i], SHUT_RDWR), EBADF);
			EXPECT_ERR_OPT(getsockname(bad[i], (struct sockaddr *)&sin, &len), EBADF);
			EXPECT_ERR_OPT(getpeername(bad[i], (struct sockaddr *)&sin, &len), EBADF);
			EXPECT_ERR_OPT(setsockopt(bad[i], SOL_SOCKET, SO_REUSEADDR, &v, sizeof(v)), EBADF);
			EXPECT_ERR_OPT(getsockopt(bad[i], SOL_SOCKET, SO_TYPE, &v, &len), EBADF);
		}
		EXPECT_ERR_OPT(sendto(fds[1], buf, 1, 0, NULL, 0), ENOTSOCK);
		EXPECT_ERR_OPT(recvfrom(fds[0], buf, 1, MSG_DONTWAIT, NULL, NULL), ENOTSOCK);
		EXPECT_ERR_OPT(accept(fds[0], NULL, NULL), ENOTSOCK);
		EXPECT_ERR_OPT(getsockname(fds[0], (struct sockaddr *)&sin, &len), ENOTSOCK);
	}

	/* poll reports a bad descriptor in revents (POLLNVAL) and ignores negative ones. */
	pfd[0].fd = closed_fd;
	pfd[0].events = POLLIN;
	pfd[1].fd = -1;
	pfd[1].events = POLLIN;
	pfd[0].revents = pfd[1].revents = 0x7777;
	CHECK(poll(pfd, 2, 0) == 1, "poll with a closed fd: expected 1 ready (POLLNVAL), errno %s", strerror(errno));
	CHECK(pfd[0].revents == POLLNVAL, "poll: closed fd revents %#x, expected POLLNVAL", pfd[0].revents);
	CHECK(pfd[1].revents == 0, "poll: fd -1 revents %#x, expected 0", pfd[1].revents);
	/* The lowest free descriptor is the one handed out, and seeking a /proc file starts it over. */
	close(0);
	i = open("/proc/uptime", O_RDONLY);
	CHECK(i == 0, "open after close(0) returned %d, expected 0", i);
	CHECK(read(0, buf, sizeof(buf)) > 0 && lseek(0, 0, SEEK_SET) == 0 && read(0, buf, 1) == 1 &&
	      buf[0] >= '0' && buf[0] <= '9', "lseek back to 0 on /proc/uptime and read again");
	EXPECT_ERR(lseek(0, -1, SEEK_SET), EINVAL);
	close(0);
	close(fds[0]);
	close(fds[1]);
}

/* A zombie child, to test wait4's status pointer. */
static pid_t zombie(void)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(3);
	usleep(50000);
	return pid;
}

void test_badptr(void)
{
	struct kernel_sigaction ksa = { 0 };
	struct timeval tv0 = { 0, 0 };
	int fds[2], i, st, procfd, dirfd;
	void *p;
	pid_t pid;

	EXPECT_OK(pipe(fds));
	/* /proc files and directories copy out through other kernel paths than pipes do. */
	procfd = EXPECT_OK(open("/proc/uptime", O_RDONLY));
	dirfd = EXPECT_OK(open("/proc", O_RDONLY | O_DIRECTORY));
	for (i = 0; i < NR_BAD_PTRS; i++) {
		p = bad_ptr(i);
		printf("  pointer %s (%p)\n", bad_ptr_name(i), p);
		/* Zero bytes from a user address are fine; a kernel address fails even then (access_ok). */
		if (i < 2)
			CHECK(write(fds[1], p, 0) == 0 && read(fds[0], p, 0) == 0,
			      "a zero-length read/write must not touch the buffer (got %s)", strerror(errno));
		else
			EXPECT_ERR(write(fds[1], p, 0), EFAULT);
		EXPECT_ERR(write(fds[1], p, 16), EFAULT);
		CHECK(write(fds[1], "0123456789abcdef", 16) == 16, "write to pipe failed");
		EXPECT_ERR(read(fds[0], p, 16), EFAULT);
		EXPECT_ERR(uname(p), EFAULT);
		EXPECT_ERR(clock_gettime(CLOCK_MONOTONIC, p), EFAULT);
		EXPECT_ERR(nanosleep(p, NULL), EFAULT);
		EXPECT_ERR(pipe(p), EFAULT);
		EXPECT_ERR(open(p, O_RDONLY), EFAULT);
		EXPECT_ERR(execve(p, NULL, NULL), EFAULT);
		EXPECT_ERR(sysinfo(p), EFAULT);
		EXPECT_ERR(poll(p, 1, 0), EFAULT);
		EXPECT_ERR(read(procfd, p, 64), EFAULT);
		EXPECT_ERR(getdents64(dirfd, p, 4096), EFAULT);
		EXPECT_ERR(ioctl(fds[0], FIONREAD, p), EFAULT);
		EXPECT_ERR(getcwd(p, 64) ? 0 : -1, EFAULT);
		EXPECT_ERR(chdir(p), EFAULT);
		EXPECT_ERR_OPT(access(p, F_OK), EFAULT);
		EXPECT_ERR_OPT(readv(fds[0], p, 1), EFAULT);
		EXPECT_ERR_OPT(writev(fds[1], p, 1), EFAULT);
		EXPECT_ERR_OPT(stat(p, NULL), EFAULT);
		EXPECT_ERR_OPT(getrandom(p, 16, 0), EFAULT);
		/* NULL is allowed in these, meaning "not wanted". */
		if (p) {
			EXPECT_ERR(gettimeofday(p, NULL), EFAULT);
			EXPECT_ERR(syscall(SYS_rt_sigaction, SIGUSR1, p, NULL, 8), EFAULT);
			EXPECT_ERR(syscall(SYS_rt_sigaction, SIGUSR1, &ksa, p, 8), EFAULT);
			EXPECT_ERR(syscall(SYS_rt_sigprocmask, SIG_BLOCK, p, NULL, 8), EFAULT);
			EXPECT_ERR(syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, p, 8), EFAULT);
			EXPECT_ERR(fstat(fds[0], p), EFAULT);
			EXPECT_ERR_OPT(select(fds[0] + 1, p, NULL, NULL, &tv0), EFAULT);
			EXPECT_ERR(klogctl(SYSLOG_ACTION_READ_ALL, p, 4096), EFAULT);

			pid = zombie();
			EXPECT_ERR(wait4(pid, p, 0, NULL), EFAULT);
			/* Linux reaps the child even though it could not store the status. */
			waitpid(pid, &st, WNOHANG);
		}
	}
	close(procfd);
	close(dirfd);
	close(fds[0]);
	close(fds[1]);
}

void test_hugelen(void)
{
	static char buf[64];
	struct pollfd pfd = { .fd = 0, .events = POLLIN };
	struct iovec iov[1] = { { buf, SIZE_MAX } };
	int fds[2], fd;
	long cur;

	EXPECT_OK(pipe(fds));
	CHECK(write(fds[1], "x", 1) == 1, "write to pipe failed");
	EXPECT_ERR(write(fds[1], buf, SIZE_MAX), EFAULT);
	EXPECT_ERR(write(fds[1], buf, 1UL << 47), EFAULT);
	EXPECT_ERR(read(fds[0], buf, SIZE_MAX), EFAULT);
	EXPECT_ERR(read(fds[0], buf, 1UL << 47), EFAULT);
	fd = EXPECT_OK(open("/proc/uptime", O_RDONLY));
	EXPECT_ERR(read(fd, buf, SIZE_MAX), EFAULT);
	close(fd);
	EXPECT_ERR(poll(&pfd, 1U << 30, 0), EINVAL);
	EXPECT_ERR(mmap(NULL, 1UL << 50, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED ?
		   -1 : 0, ENOMEM);
	EXPECT_ERR(mmap(NULL, SIZE_MAX & ~4095UL, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED ?
		   -1 : 0, ENOMEM);
	EXPECT_ERR_OPT(writev(fds[1], iov, 1), EINVAL);		/* length does not fit ssize_t */
	EXPECT_ERR_OPT(writev(fds[1], iov, UIO_MAXIOV + 1), EINVAL);
	/* brk far away fails: the break stays where it was. */
	cur = syscall(SYS_brk, 0);
	CHECK(syscall(SYS_brk, 0x7ffffffff000UL) == cur, "brk(huge) moved the break");
	CHECK(syscall(SYS_brk, 0) == cur, "brk(0) after a failed brk changed");
	close(fds[0]);
	close(fds[1]);
}

void test_badargs(void)
{
	struct timespec bad_ts[3] = { { 0, 1000000000 }, { -1, 0 }, { 0, -1 } };
	struct kernel_sigaction ksa = { 0 };
	char buf[16];
	int fds[2], st, i;
	void *p;

	EXPECT_OK(pipe(fds));
	EXPECT_ERR(pipe2(fds + 0, 0x1234), EINVAL);
	EXPECT_ERR(dup3(fds[0], fds[0], 0), EINVAL);
	EXPECT_ERR(dup3(fds[0], 20, 0x1234), EINVAL);
	EXPECT_ERR(wait4(-1, &st, 0x12345678, NULL), EINVAL);
	EXPECT_ERR(waitpid(-1, &st, 0), ECHILD);		/* no children */
	EXPECT_ERR(clock_gettime(12345, (struct timespec *)buf), EINVAL);
	for (i = 0; i < 3; i++)
		EXPECT_ERR(nanosleep(&bad_ts[i], NULL), EINVAL);
	EXPECT_ERR(lseek(fds[0], 0, SEEK_SET), ESPIPE);
	EXPECT_ERR_OPT(select(-1, NULL, NULL, NULL, NULL), EINVAL);
	EXPECT_ERR(fcntl(fds[0], 12345), EINVAL);
	EXPECT_ERR(ioctl(fds[0], 0x12345678, buf), ENOTTY);
	EXPECT_ERR(kill(getpid(), 12345), EINVAL);
	EXPECT_ERR(kill(getpid(), -1), EINVAL);
	EXPECT_ERR(kill(0x3fffffff, 0), ESRCH);
	CHECK(kill(0, 0) == 0 && kill(getpid(), 0) == 0, "kill(0, 0) / kill(self, 0): %s", strerror(errno));
	EXPECT_ERR(waitpid(1, &st, WNOHANG), ECHILD);		/* not our child */
	EXPECT_ERR(syscall(SYS_rt_sigaction, SIGKILL, &ksa, NULL, 8), EINVAL);
	EXPECT_ERR(syscall(SYS_rt_sigaction, SIGSTOP, &ksa, NULL, 8), EINVAL);
	EXPECT_ERR(syscall(SYS_rt_sigaction, 0, &ksa, NULL, 8), EINVAL);
	EXPECT_ERR(syscall(SYS_rt_sigaction, 65, &ksa, NULL, 8), EINVAL);
	EXPECT_ERR(syscall(SYS_rt_sigaction, SIGUSR1, &ksa, NULL, 4), EINVAL);
	EXPECT_ERR(syscall(SYS_rt_sigprocmask, 99, buf, NULL, 8), EINVAL);
	EXPECT_ERR(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED ? -1 : 0, EINVAL);
	EXPECT_ERR(mmap(NULL, 4096, PROT_READ, MAP_ANONYMOUS, -1, 0) == MAP_FAILED ? -1 : 0, EINVAL);
	p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED, "mmap 8 KiB: %s", strerror(errno));
	if (p != MAP_FAILED) {
		EXPECT_ERR(munmap((char *)p + 1, 4096), EINVAL);	/* not page aligned */
		EXPECT_ERR(munmap(p, 0), EINVAL);
		EXPECT_OK(munmap(p, 8192));
	}
	EXPECT_ERR(munmap(KERNEL_TEXT, 4096), EINVAL);
	/* Bad magic: Linux checks the capability first, so EPERM is also a correct refusal. */
	EXPECT_ERR2(syscall(SYS_reboot, 0x12345678, LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_POWER_OFF, NULL), EINVAL,
		    EPERM);
	EXPECT_ERR2(syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, 1, LINUX_REBOOT_CMD_POWER_OFF, NULL), EINVAL, EPERM);
	EXPECT_ERR(klogctl(12345, buf, sizeof(buf)), EINVAL);
	EXPECT_ERR(klogctl(SYSLOG_ACTION_READ_ALL, buf, -1), EINVAL);
	EXPECT_ERR(open("/no/such/file", O_RDONLY), ENOENT);
	EXPECT_ERR(execve("/no/such/program", NULL, NULL), ENOENT);
	EXPECT_ERR(syscall(12345), ENOSYS);
	EXPECT_ERR(syscall(-1), ENOSYS);
	EXPECT_ERR_OPT(getrandom(buf, sizeof(buf), 0x1000), EINVAL);
	close(fds[0]);
	close(fds[1]);
}

void test_fdlimit(void)
{
	struct { unsigned long cur, max; } lim = { 256, 256 }, old;
	int fds[4096], n = 0, fd, i;

	/* Where the limit is settable (Linux: RLIMIT_NOFILE = 7), make it small; else use the kernel's. */
	if (syscall(SYS_prlimit64, 0, 7, NULL, &old) == 0) {
		lim.max = old.max;
		syscall(SYS_prlimit64, 0, 7, &lim, NULL);
	}

	/* dup until the table is full (the limit is the kernel's; stop looking at 4096). */
	while (n < (int)(sizeof(fds) / sizeof(fds[0]))) {
		fd = dup(0);
		if (fd < 0)
			break;
		fds[n++] = fd;
	}
	if (n == (int)(sizeof(fds) / sizeof(fds[0]))) {
		for (i = 0; i < n; i++)
			close(fds[i]);
		skip_test("more than %d descriptors allowed: no limit reached", n);
	}
	CHECK(errno == EMFILE, "dup stopped after %d with errno %d (%s), expected EMFILE", n, errno, strerror(errno));
	printf("  %d descriptors opened before EMFILE\n", n + 3);
	EXPECT_ERR(pipe(fds), EMFILE);
	for (i = 0; i < n; i++)
		EXPECT_OK(close(fds[i]));
	fd = EXPECT_OK(dup(0));
	CHECK(fd >= 0 && fd <= 3, "after closing, dup gave %d: the lowest free descriptor is expected", fd);
	close(fd);
}
