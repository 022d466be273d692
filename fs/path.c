/*
 * Path normalisation (the string half of Linux's path walk in fs/namei.c): makes a user path
 * absolute against the working directory and removes ".", ".." and repeated slashes, so every
 * lookup below sees one canonical spelling ("/bin/ls"). Pure: host-tested in
 * tests/host/test_proc_path.c.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include "internal.h"

int normalize_path(const char *cwd, const char *path, char *out, size_t size)
{
	size_t len = 0;
	const char *p;
	int pass;

	if (size < 2)
		return -ENAMETOOLONG;
	out[len++] = '/';
	/* Two passes: the working directory (unless path is absolute), then path itself. */
	for (pass = (path[0] == '/') ? 1 : 0; pass < 2; pass++) {
		p = pass ? path : cwd;
		while (*p) {
			const char *start;
			size_t n;

			while (*p == '/')
				p++;
			start = p;
			while (*p && *p != '/')
				p++;
			n = p - start;
			if (n == 0 || (n == 1 && start[0] == '.'))
				continue;
			if (n == 2 && start[0] == '.' && start[1] == '.') {
				while (len > 1 && out[len - 1] != '/')
					len--;
				if (len > 1)
					len--;	/* the slash before the removed component */
				continue;
			}
			if (len + (len > 1) + n + 1 > size)
				return -ENAMETOOLONG;
			if (len > 1)
				out[len++] = '/';
			memcpy(out + len, start, n);
			len += n;
		}
	}
	out[len] = '\0';
	return 0;
}
