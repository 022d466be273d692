/*
 * Memory management basics: struct page (one per physical page frame, in mem_map[]), conversions
 * between pages, physical and direct-map addresses, and the counters /proc/meminfo prints.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/gfp.h>
#include <asm/page.h>

struct kmem_cache;

/* Page flags */
#define PG_reserved	0x1u	/* not RAM we manage (kernel image, boot data, holes) */
#define PG_buddy	0x2u	/* first page of a free block in the buddy allocator; private = order */
#define PG_slab		0x4u	/* belongs to a kmem_cache (slab_cache says which) */
#define PG_head		0x8u	/* first page of an allocated block; private = order */
#define PG_poison	0x10u	/* PG_slab: free objects hold POISON_FREE (slub_debug) */

struct page {
	unsigned int flags;
	unsigned int private;		/* order of the block this page heads */
	struct list_head lru;		/* free list (buddy) or the cache's slab list */
	struct kmem_cache *slab_cache;	/* PG_slab: owning cache (kfree finds it here) */
	void *freelist;			/* PG_slab: free objects in this slab */
	unsigned int inuse;		/* PG_slab: objects handed out from this slab */
	struct page *head;		/* first page of the block this page belongs to (slabs) */
};

extern struct page *mem_map;
extern unsigned long max_pfn;		/* one past the highest page frame number of RAM */

#define page_to_pfn(page)	((unsigned long)((page) - mem_map))
#define pfn_to_page(pfn)	(mem_map + (pfn))
#define page_to_phys(page)	((phys_addr_t)page_to_pfn(page) << PAGE_SHIFT)
#define page_address(page)	__va(page_to_phys(page))
#define virt_to_page(addr)	pfn_to_page(__pa(addr) >> PAGE_SHIFT)
#define virt_addr_valid(addr)	((unsigned long)(addr) >= PAGE_OFFSET && \
				 (__pa(addr) >> PAGE_SHIFT) < max_pfn)

/* Smallest order whose block holds size bytes. */
static inline unsigned int get_order(unsigned long size)
{
	unsigned int order = 0;

	size = (size - 1) >> PAGE_SHIFT;
	while (size) {
		order++;
		size >>= 1;
	}
	return order;
}

/* Counters for /proc/meminfo and leak checks (pages of PAGE_SIZE). */
unsigned long totalram_pages(void);	/* RAM handed to the page allocator at boot */
unsigned long nr_free_pages(void);
unsigned long nr_slab_pages(void);	/* pages currently owned by kmem_caches */

/* Whether any byte of [start, end) is RAM in the boot memory map. */
bool range_is_ram(phys_addr_t start, phys_addr_t end);

/* Boot: the page allocator over the multiboot2 memory map, then the slab caches. */
void mem_init(void);
void kmem_cache_init(void);

#endif
