/*
 * Host shim: kmalloc and kmem_cache on top of malloc, with exact in-use counters so every test can
 * check that it gave back all it took (host_leak_mark / host_leak_count). Each object is its own
 * malloc block, so AddressSanitizer sees use-after-free and overflows of single objects.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/slab.h>
#include <linux/bug.h>
#include "host.h"

struct kmalloc_hdr {
	size_t size;
	size_t magic;
};
#define KMALLOC_MAGIC	0x6b6d616c6c6f6321UL

static unsigned long kmalloc_bytes, kmalloc_blocks, kmalloc_blocks_mark;
static LIST_HEAD(host_caches);

void *kmalloc(size_t size, gfp_t flags)
{
	struct kmalloc_hdr *h = malloc(sizeof(*h) + (size ? size : 1));

	if (!h)
		return NULL;
	h->size = size;
	h->magic = KMALLOC_MAGIC;
	if (flags & __GFP_ZERO)
		memset(h + 1, 0, size);
	kmalloc_bytes += size;
	kmalloc_blocks++;
	return h + 1;
}

static struct kmalloc_hdr *kmalloc_hdr(const void *p)
{
	struct kmalloc_hdr *h = (struct kmalloc_hdr *)p - 1;

	BUG_ON(h->magic != KMALLOC_MAGIC);
	return h;
}

void kfree(const void *p)
{
	struct kmalloc_hdr *h;

	if (!p)
		return;
	h = kmalloc_hdr(p);
	h->magic = 0;
	kmalloc_bytes -= h->size;
	kmalloc_blocks--;
	free(h);
}

size_t ksize(const void *p)
{
	return p ? kmalloc_hdr(p)->size : 0;
}

void *krealloc(void *p, size_t new_size, gfp_t flags)
{
	void *n;

	if (!p)
		return kmalloc(new_size, flags);
	n = kmalloc(new_size, flags);
	if (!n)
		return NULL;
	memcpy(n, p, ksize(p) < new_size ? ksize(p) : new_size);
	kfree(p);
	return n;
}

unsigned long kmalloc_bytes_in_use(void)
{
	return kmalloc_bytes;
}

/* Per-cache count at the last mark: kept in the unused total_objs field of the host cache. */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     unsigned int flags, void (*ctor)(void *))
{
	struct kmem_cache *s = calloc(1, sizeof(*s));

	if (!s) {
		BUG_ON(flags & SLAB_PANIC);
		return NULL;
	}
	s->name = name;
	s->object_size = size;
	s->size = size;
	s->align = align;
	s->flags = flags;
	s->ctor = ctor;
	INIT_LIST_HEAD(&s->slabs);
	list_add_tail(&s->list, &host_caches);
	return s;
}

void kmem_cache_destroy(struct kmem_cache *s)
{
	if (!s)
		return;
	WARN_ON(s->active_objs);
	list_del(&s->list);
	free(s);
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags)
{
	void *obj = malloc(s->size ? s->size : 1);

	if (!obj) {
		s->alloc_fail++;
		return NULL;
	}
	if (flags & __GFP_ZERO)
		memset(obj, 0, s->size);
	else if (s->ctor)
		s->ctor(obj);
	else
		memset(obj, 0xa5, s->size);	/* uninitialised reads show up as garbage, as in the kernel */
	s->active_objs++;
	return obj;
}

void kmem_cache_free(struct kmem_cache *s, void *obj)
{
	if (!obj)
		return;
	BUG_ON(!s->active_objs);
	s->active_objs--;
	free(obj);
}

void host_leak_mark(void)
{
	struct kmem_cache *s;

	kmalloc_blocks_mark = kmalloc_blocks;
	list_for_each_entry(s, &host_caches, list)
		s->total_objs = s->active_objs;
}

long host_leak_count(void)
{
	struct kmem_cache *s;
	long leaked = 0;

	list_for_each_entry(s, &host_caches, list) {
		long d = (long)s->active_objs - (long)s->total_objs;

		if (d) {
			fprintf(stderr, "host: leak: cache %s: %ld objects\n", s->name, d);
			leaked += d > 0 ? d : -d;
		}
	}
	if (kmalloc_blocks != kmalloc_blocks_mark) {
		long d = (long)kmalloc_blocks - (long)kmalloc_blocks_mark;

		fprintf(stderr, "host: leak: kmalloc: %ld blocks\n", d);
		leaked += d > 0 ? d : -d;
	}
	return leaked;
}
