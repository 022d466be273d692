/*
 * The kernel services driver code needs, for host tests (tests/drivers): kmalloc and
 * dma_alloc_coherent on top of the C library with a count of live blocks (leak checks),
 * printk to stderr, panic/WARN.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include "drivers_host.h"

static long live_blocks;
unsigned int net_debug_mask;

long drivers_host_live_blocks(void)
{
	return live_blocks;
}

void *kmalloc(size_t size, gfp_t flags)
{
	void *p = (flags & __GFP_ZERO) ? calloc(1, size) : malloc(size);

	if (p)
		live_blocks++;
	return p;
}

void kfree(const void *p)
{
	if (p)
		live_blocks--;
	free((void *)p);
}

void *dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp)
{
	void *p = aligned_alloc(PAGE_SIZE, PAGE_ALIGN(size));

	if (!p)
		return NULL;
	/* Zeroed and page-aligned, like the kernel's. */
	memset(p, 0, PAGE_ALIGN(size));
	live_blocks++;
	*dma_handle = virt_to_phys(p);
	return p;
}

void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle)
{
	if (cpu_addr)
		live_blocks--;
	free(cpu_addr);
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	/* Skip the KERN_<level> prefix ("\001" + digit). */
	if (fmt[0] == '\001' && fmt[1])
		fmt += 2;
	va_start(ap, fmt);
	n = vfprintf(stderr, fmt, ap);
	va_end(ap);
	return n;
}

void __warn(const char *file, int line, const char *cond)
{
	fprintf(stderr, "WARNING at %s:%d: %s\n", file, line, cond);
}

void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}
