/*
 * Crossing the user/kernel boundary (Linux: arch/x86/lib/usercopy_64.c, lib/strncpy_from_user.c).
 * Every user pointer a system call receives goes through here. Instead of touching the address
 * and relying on a fault fixup, the copy walks the current process's page tables (mm_access), so a
 * NULL, kernel, non-canonical or unmapped pointer, or a write into read-only memory, simply stops
 * the copy and the caller returns -EFAULT.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <linux/sched/task.h>
#include <linux/sched/mm.h>
#include <asm/page.h>

bool access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return size <= TASK_SIZE_MAX && a <= TASK_SIZE_MAX - size;
}

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	if (!access_ok(from, n))
		return n;
	return mm_access(current->mm, (unsigned long)from, to, n, 0);
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return mm_access(current->mm, (unsigned long)to, (void *)from, n, FOLL_WRITE);
}

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	unsigned long addr = (unsigned long)src;
	long copied = 0;

	if (count <= 0)
		return 0;
	/* Page-sized steps: a string may end just before an unmapped page. */
	while (copied < count) {
		long chunk = min_t(long, count - copied, PAGE_SIZE - ((addr + copied) & ~PAGE_MASK));
		long i;

		if (copy_from_user(dst + copied, (const char __user *)(addr + copied), chunk))
			return -EFAULT;
		for (i = 0; i < chunk; i++)
			if (dst[copied + i] == '\0')
				return copied + i;
		copied += chunk;
	}
	return count;
}
