/* Whole-system calls: uname, sysinfo, reboot, the kernel log, host name, sysconf, raw syscall(). */
#include <sys/utsname.h>
#include <sys/sysinfo.h>
#include <sys/reboot.h>
#include <sys/klog.h>
#include <sys/random.h>
#include <unistd.h>
#include <string.h>
#include <stdarg.h>
#include <errno.h>
#include <sched.h>
#include <limits.h>
#include "syscall.h"

int uname(struct utsname *buf)
{
	return (int)syscall1(__NR_uname, buf);
}

int sysinfo(struct sysinfo *info)
{
	return (int)syscall1(__NR_sysinfo, info);
}

int get_nprocs(void)
{
	return 1;
}

int get_nprocs_conf(void)
{
	return 1;
}

int reboot(int cmd)
{
	return (int)syscall4(__NR_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, (unsigned int)cmd, NULL);
}

int klogctl(int type, char *buf, int len)
{
	return (int)syscall3(__NR_syslog, type, buf, len);
}

ssize_t getrandom(void *buf, size_t len, unsigned int flags)
{
	return syscall3(__NR_getrandom, buf, len, flags);
}

int sched_yield(void)
{
	return (int)syscall0(__NR_sched_yield);
}

int gethostname(char *name, size_t len)
{
	struct utsname u;
	size_t n;

	if (uname(&u) < 0)
		return -1;
	n = strlen(u.nodename);
	if (n >= len) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(name, u.nodename, n + 1);
	return 0;
}

int sethostname(const char *name, size_t len)
{
	return (int)syscall2(__NR_sethostname, name, len);
}

int getpagesize(void)
{
	return 4096;
}

long sysconf(int name)
{
	struct sysinfo si;

	switch (name) {
	case _SC_ARG_MAX:
		return ARG_MAX;
	case _SC_CHILD_MAX:
		return 1024;
	case _SC_CLK_TCK:
		return 100;	/* USER_HZ: the unit of times() and /proc/<pid>/stat */
	case _SC_OPEN_MAX:
		return 1024;
	case _SC_PAGESIZE:
		return 4096;
	case _SC_NPROCESSORS_CONF:
	case _SC_NPROCESSORS_ONLN:
		return 1;
	case _SC_PHYS_PAGES:
		if (sysinfo(&si) < 0)
			return -1;
		return (long)(si.totalram * si.mem_unit / 4096);
	case _SC_HOST_NAME_MAX:
		return HOST_NAME_MAX;
	}
	errno = EINVAL;
	return -1;
}

long syscall(long number, ...)
{
	long a, b, c, d, e, f;
	va_list ap;

	va_start(ap, number);
	a = va_arg(ap, long);
	b = va_arg(ap, long);
	c = va_arg(ap, long);
	d = va_arg(ap, long);
	e = va_arg(ap, long);
	f = va_arg(ap, long);
	va_end(ap);
	return __syscall_ret(__syscall6(number, a, b, c, d, e, f));
}
