/*
 * Physical page allocation (kernel/mm/page_alloc.c): blocks of 2^order contiguous pages from a
 * buddy allocator over the RAM in the multiboot2 memory map. alloc_pages returns the struct page
 * of the first page; __get_free_pages returns its direct-map address (0xffff8880...).
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/types.h>

/* Same values as include/linux/slab.h (identical redefinitions are fine in C). */
#define GFP_KERNEL	0x0u	/* may sleep (process context) */
#define GFP_ATOMIC	0x1u	/* must not sleep (softirq / irq context) */
#define __GFP_ZERO	0x100u

#define MAX_ORDER	11	/* largest block: 2^10 pages = 4 MiB */

struct page;

struct page *alloc_pages(gfp_t gfp_mask, unsigned int order);
void __free_pages(struct page *page, unsigned int order);
#define alloc_page(gfp_mask)	alloc_pages(gfp_mask, 0)
#define __free_page(page)	__free_pages(page, 0)

/* Direct-map address of the block, 0 when out of memory. */
unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp_mask);
void free_pages(unsigned long addr, unsigned int order);
#define __get_free_page(gfp_mask)	__get_free_pages(gfp_mask, 0)
#define free_page(addr)			free_pages(addr, 0)

#endif
