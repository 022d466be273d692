/*
 * Host shim: user memory is the test's own memory. A NULL, low (first page) or poisoned pointer
 * fails like an unmapped user address, so the -EFAULT paths of the stack can be tested.
 */
#include <string.h>
#include <linux/uaccess.h>
#include <linux/errno.h>

#define HOST_BAD_USER_PTR	0xdead000000000000UL	/* tests pass this to provoke -EFAULT */

bool access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	if (!size)
		return true;
	return a >= 4096 && (a & 0xffff000000000000UL) != HOST_BAD_USER_PTR && a + size >= a;
}

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	if (!access_ok(from, n))
		return n;
	memcpy(to, from, n);
	return 0;
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	memcpy(to, from, n);
	return 0;
}

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	long i;

	if (!access_ok(src, 1))
		return -EFAULT;
	for (i = 0; i < count; i++) {
		dst[i] = src[i];
		if (!src[i])
			return i;
	}
	return count;
}
