/*
 * Host shim: printk into a capture buffer (and stderr with HOST_PRINTK=1), panic = abort so cmocka
 * reports the test as failed, and the few lib/ helpers glibc lacks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include "host.h"

unsigned int net_debug_mask;

static char capture[65536];
static size_t capture_len;

int vprintk(const char *fmt, va_list args)
{
	char line[1024];
	const char *text = line;
	int n = vsnprintf(line, sizeof(line), fmt, args);

	if (text[0] == KERN_SOH[0] && text[1])
		text += 2;
	n = strlen(text);
	if (capture_len + n + 1 > sizeof(capture))
		capture_len = 0;
	memcpy(capture + capture_len, text, n + 1);
	capture_len += n;
	if (getenv("HOST_PRINTK"))
		fputs(text, stderr);
	return n;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

const char *host_printk_buffer(void)
{
	return capture;
}

void host_printk_clear(void)
{
	capture_len = 0;
	capture[0] = 0;
}

void panic(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	fputs("Kernel panic - not syncing: ", stderr);
	vfprintf(stderr, fmt, args);
	fputc('\n', stderr);
	va_end(args);
	abort();
}

void __warn(const char *file, int line, const char *cond)
{
	fprintf(stderr, "WARNING: at %s:%d: %s\n", file, line, cond);
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	if (!size)
		return 0;
	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	if (n < 0)
		return 0;
	return (size_t)n >= size ? (int)size - 1 : n;
}

unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	return strtoul(cp, endp, base);
}

int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	char *end;
	unsigned long v;

	if (!*s)
		return -EINVAL;
	v = strtoul(s, &end, base);
	if (*end == '\n')
		end++;
	if (*end || v > 0xffffffffUL)
		return -EINVAL;
	*res = v;
	return 0;
}

ssize_t strscpy(char *dst, const char *src, size_t size)
{
	size_t len = strnlen(src, size);

	if (!size)
		return -E2BIG;
	if (len >= size) {
		memcpy(dst, src, size - 1);
		dst[size - 1] = 0;
		return -E2BIG;
	}
	memcpy(dst, src, len + 1);
	return len;
}
