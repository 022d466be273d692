/*
 * syslog(2), what dmesg reads (Linux: kernel/printk/printk.c do_syslog). The log buffer itself
 * is kernel/printk.c's; this copies it out.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/printk.h>
#include <uapi/linux/syslog.h>

#define LOG_BUF_COPY_MAX	(64 * 1024)


SYSCALL_DEFINE3(syslog, int, type, char __user *, buf, int, len)
{
	char *kbuf;
	size_t n;
	long ret;

	switch (type) {
	case SYSLOG_ACTION_CLOSE:
	case SYSLOG_ACTION_OPEN:
		return 0;
	case SYSLOG_ACTION_READ:
	case SYSLOG_ACTION_READ_ALL:
	case SYSLOG_ACTION_READ_CLEAR:
		if (!buf || len < 0)
			return -EINVAL;
		if (!len)
			return 0;
		n = min_t(size_t, len, LOG_BUF_COPY_MAX);
		kbuf = kmalloc(n, GFP_KERNEL);
		if (!kbuf)
			return -ENOMEM;
		n = log_buf_copy(kbuf, n);
		ret = copy_to_user(buf, kbuf, n) ? -EFAULT : (long)n;
		kfree(kbuf);
		return ret;
	case SYSLOG_ACTION_CLEAR:
	case SYSLOG_ACTION_CONSOLE_OFF:
	case SYSLOG_ACTION_CONSOLE_ON:
		return 0;
	case SYSLOG_ACTION_CONSOLE_LEVEL:
		if (len < 1 || len > 8)
			return -EINVAL;
		console_loglevel = len;
		return 0;
	case SYSLOG_ACTION_SIZE_UNREAD:
	case SYSLOG_ACTION_SIZE_BUFFER:
		return log_buf_len();
	default:
		return -EINVAL;
	}
}
