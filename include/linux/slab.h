/*
 * Kernel memory: kmalloc/kfree for general sizes and named object caches (kmem_cache) for hot
 * objects such as struct sock and struct sk_buff. Every cache counts objects in use, so a test can
 * assert that nothing leaked (/proc/slabinfo, meminfo in the shell).
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/list.h>

#define GFP_KERNEL	0x0u	/* may sleep (process context) */
#define GFP_ATOMIC	0x1u	/* must not sleep (softirq / irq context) */
#define __GFP_ZERO	0x100u

#define SLAB_HWCACHE_ALIGN	0x1u
#define SLAB_PANIC		0x2u	/* panic if the cache cannot be created (boot-time caches) */

struct kmem_cache {
	const char *name;
	unsigned int object_size;	/* what the caller asked for */
	unsigned int size;		/* object_size rounded up to alignment */
	unsigned int align;
	unsigned int flags;
	void (*ctor)(void *obj);
	struct list_head slabs;		/* pages carved into objects: slabs with free objects first */
	unsigned long active_objs;	/* allocated and not yet freed */
	unsigned long total_objs;	/* objects in the cache's slabs now (allocated + free) */
	unsigned long alloc_fail;
	struct list_head list;		/* on the global cache list (slabinfo) */
	unsigned int order;		/* each slab is 2^order pages... */
	unsigned int objs_per_slab;	/* ...holding this many objects (free list in struct page) */
	unsigned long nr_slabs;		/* slabs now; a slab whose objects are all free is given back */
};

/* Every cache, kmalloc's included, for /proc/slabinfo. */
extern struct list_head slab_caches;
/* slub_debug on the command line: poison free objects, report writes after free. */
extern bool slub_debug;

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     unsigned int flags, void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags);
void kmem_cache_free(struct kmem_cache *s, void *obj);

static inline void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t flags)
{
	return kmem_cache_alloc(s, flags | __GFP_ZERO);
}

void *kmalloc(size_t size, gfp_t flags);
void *krealloc(void *p, size_t new_size, gfp_t flags);
void kfree(const void *p);
size_t ksize(const void *p);

static inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	if (size && n > (size_t)-1 / size)
		return NULL;
	return kzalloc(n * size, flags);
}

/* Bytes currently handed out by kmalloc, counted in whole size classes (leak checks, meminfo). */
unsigned long kmalloc_bytes_in_use(void);

#endif
