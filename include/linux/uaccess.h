/*
 * Crossing between user and kernel memory. copy_from_user/copy_to_user return the number of bytes
 * NOT copied (0 on success), as in Linux; callers turn a non-zero result into -EFAULT.
 * A pointer outside the current process's user range, or unmapped, fails instead of faulting the kernel.
 */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <linux/types.h>
#include <linux/compiler.h>

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
/* Copies a NUL-terminated string of at most count bytes; returns its length, -EFAULT, or count if unterminated. */
long strncpy_from_user(char *dst, const char __user *src, long count);
bool access_ok(const void __user *addr, unsigned long size);

#define get_user(x, ptr) \
	({ __typeof__(*(ptr)) _v; int _e = copy_from_user(&_v, ptr, sizeof(_v)) ? -EFAULT : 0; if (!_e) (x) = _v; _e; })
#define put_user(x, ptr) \
	({ __typeof__(*(ptr)) _v = (x); copy_to_user(ptr, &_v, sizeof(_v)) ? -EFAULT : 0; })

#endif
