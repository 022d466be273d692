/*
 * Object caches and kmalloc (Linux: mm/slub.c, much simplified). A kmem_cache hands out objects of
 * one size from slabs: blocks of 2^order pages cut into objects, whose free objects are chained
 * through their first word (struct page's freelist). Slabs with free objects sit at the front of
 * the cache's list; a slab whose objects are all free again goes straight back to the page
 * allocator, so after a workload the page counters return to where they were.
 *
 * kmalloc uses a cache per size class (8 bytes to 8 KiB); bigger requests get whole pages.
 * kfree finds the owner through the object's struct page. A double free, or a pointer that is
 * not the start of an object, is a BUG (caught before it corrupts anything). With `slub_debug`
 * on the command line, free objects are filled with POISON_FREE (0x6b, as in Linux) and checked
 * when handed out again, so a write after free is reported with a backtrace. Counters (active_objs, total_objs,
 * nr_slabs, kmalloc_bytes_in_use) are exact, for /proc/slabinfo, meminfo and leak tests.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>

#define SLAB_MAX_ORDER		3	/* 32 KiB slabs at most */
#define SLAB_MIN_OBJECTS	8
#define KMALLOC_MIN_ALIGN	8
#define KMALLOC_MAX_CACHE_SIZE	8192
#define CACHE_LINE_SIZE		64

#define POISON_FREE		0x6b

LIST_HEAD(slab_caches);
bool slub_debug;

static const unsigned int kmalloc_sizes[] = {
	8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192,
};
static struct kmem_cache kmalloc_caches[ARRAY_SIZE(kmalloc_sizes)];
static char kmalloc_names[ARRAY_SIZE(kmalloc_sizes)][16];
static struct kmem_cache cache_cache;	/* where kmem_cache_create gets its struct kmem_cache */
static unsigned long slab_pages;
static unsigned long kmalloc_bytes;

unsigned long nr_slab_pages(void)
{
	return slab_pages;
}

unsigned long kmalloc_bytes_in_use(void)
{
	return kmalloc_bytes;
}

static void kmalloc_account(long delta)
{
	unsigned long flags;

	local_irq_save(flags);
	kmalloc_bytes += delta;
	local_irq_restore(flags);
}

static void cache_init(struct kmem_cache *s, const char *name, unsigned int size, unsigned int align,
		       unsigned int flags, void (*ctor)(void *))
{
	if (flags & SLAB_HWCACHE_ALIGN)
		align = max(align, (unsigned int)CACHE_LINE_SIZE);
	align = max(align, (unsigned int)KMALLOC_MIN_ALIGN);
	memset(s, 0, sizeof(*s));
	s->name = name;
	s->object_size = size;
	s->size = ALIGN(max(size, (unsigned int)sizeof(void *)), align);
	s->align = align;
	s->flags = flags;
	s->ctor = ctor;
	/* Small objects: one page. Bigger: the smallest slab holding SLAB_MIN_OBJECTS, within reason. */
	s->order = 0;
	while (s->order < SLAB_MAX_ORDER && (PAGE_SIZE << s->order) / s->size < SLAB_MIN_OBJECTS &&
	       s->size > 512)
		s->order++;
	if ((PAGE_SIZE << s->order) < s->size)
		s->order = get_order(s->size);
	s->objs_per_slab = (unsigned int)((PAGE_SIZE << s->order) / s->size);
	INIT_LIST_HEAD(&s->slabs);
	list_add_tail(&s->list, &slab_caches);
}

/*
 * Whether a new slab gets poisoned: objects of caches with a constructor keep their constructed
 * state while free. A slab carved before slub_debug was parsed stays unpoisoned (PG_poison).
 */
static bool slab_poisons(const struct kmem_cache *s)
{
	return slub_debug && !s->ctor;
}

/* Poison all but the first word, which links the free list. */
static void poison_obj(const struct kmem_cache *s, void *obj)
{
	memset((char *)obj + sizeof(void *), POISON_FREE, s->size - sizeof(void *));
}

static void check_poison(struct kmem_cache *s, void *obj)
{
	const unsigned char *p = obj;

	for (unsigned int i = sizeof(void *); i < s->size; i++) {
		if (p[i] != POISON_FREE) {
			pr_err("slab %s: object %p was written after it was freed (byte %u is %#x)\n",
			       s->name, obj, i, p[i]);
			WARN_ON(1);
			return;
		}
	}
}

/* A new slab: pages from the buddy allocator, cut into objects all on the slab's free list. */
static struct page *new_slab(struct kmem_cache *s, gfp_t flags)
{
	struct page *page = alloc_pages(flags & ~__GFP_ZERO, s->order);
	char *base;
	void **link;

	if (!page)
		return NULL;
	for (unsigned int i = 0; i < (1u << s->order); i++) {
		page[i].flags |= PG_slab;
		page[i].slab_cache = s;
		page[i].head = page;
	}
	if (slab_poisons(s))
		page->flags |= PG_poison;
	base = page_address(page);
	link = &page->freelist;
	for (unsigned int i = 0; i < s->objs_per_slab; i++) {
		void *obj = base + (size_t)i * s->size;

		if (s->ctor)
			s->ctor(obj);
		else if (page->flags & PG_poison)
			poison_obj(s, obj);
		*link = obj;
		link = (void **)obj;
	}
	*link = NULL;
	page->inuse = 0;
	list_add(&page->lru, &s->slabs);
	s->nr_slabs++;
	s->total_objs += s->objs_per_slab;
	slab_pages += 1UL << s->order;
	return page;
}

static void discard_slab(struct kmem_cache *s, struct page *page)
{
	list_del(&page->lru);
	for (unsigned int i = 0; i < (1u << s->order); i++) {
		page[i].flags &= ~(PG_slab | PG_poison);
		page[i].slab_cache = NULL;
		page[i].head = NULL;
	}
	page->freelist = NULL;
	s->nr_slabs--;
	s->total_objs -= s->objs_per_slab;
	slab_pages -= 1UL << s->order;
	__free_pages(page, s->order);
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags)
{
	struct page *page;
	unsigned long irqflags;
	void *obj = NULL;

	local_irq_save(irqflags);
	page = list_first_entry_or_null(&s->slabs, struct page, lru);
	if (!page || !page->freelist)
		page = new_slab(s, flags);
	if (!page) {
		s->alloc_fail++;
		goto out;
	}
	obj = page->freelist;
	page->freelist = *(void **)obj;
	page->inuse++;
	if (page->flags & PG_poison)
		check_poison(s, obj);
	/* A slab that just became full moves behind the ones that still have room. */
	if (!page->freelist)
		list_move_tail(&page->lru, &s->slabs);
	s->active_objs++;
out:
	local_irq_restore(irqflags);
	if (obj && (flags & __GFP_ZERO))
		memset(obj, 0, s->object_size);
	return obj;
}

/* The slab page owning obj, after checking obj really is an object of cache s. */
static struct page *obj_to_slab(struct kmem_cache *s, const void *obj)
{
	struct page *page;
	unsigned long offset;

	BUG_ON(!virt_addr_valid(obj));
	page = virt_to_page(obj);
	BUG_ON(!(page->flags & PG_slab) || page->slab_cache != s);
	page = page->head;
	offset = (unsigned long)obj - (unsigned long)page_address(page);
	/* A pointer into the middle of an object, or past the last one, is a caller bug. */
	BUG_ON(offset % s->size || offset / s->size >= s->objs_per_slab);
	return page;
}

/* Catches a double free before it corrupts the free list (a short walk: one slab's objects). */
static bool slab_obj_is_free(struct page *page, const void *obj)
{
	for (void *p = page->freelist; p; p = *(void **)p) {
		if (p == obj)
			return true;
	}
	return false;
}

void kmem_cache_free(struct kmem_cache *s, void *obj)
{
	struct page *page;
	unsigned long irqflags;

	if (!obj)
		return;
	local_irq_save(irqflags);
	page = obj_to_slab(s, obj);
	BUG_ON(slab_obj_is_free(page, obj));	/* double free */
	if (page->flags & PG_poison)
		poison_obj(s, obj);
	*(void **)obj = page->freelist;
	page->freelist = obj;
	page->inuse--;
	s->active_objs--;
	if (!page->inuse)
		discard_slab(s, page);
	else if (page->inuse == s->objs_per_slab - 1) {
		/* It was full: it has room again, so it goes to the front. */
		list_del(&page->lru);
		list_add(&page->lru, &s->slabs);
	}
	local_irq_restore(irqflags);
}

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     unsigned int flags, void (*ctor)(void *))
{
	struct kmem_cache *s = NULL;
	unsigned long irqflags;

	if (!size || size > (PAGE_SIZE << (MAX_ORDER - 1)) || (align & (align - 1)))
		goto out;
	s = kmem_cache_alloc(&cache_cache, GFP_KERNEL);
	if (!s)
		goto out;
	local_irq_save(irqflags);
	cache_init(s, name, size, align, flags, ctor);
	local_irq_restore(irqflags);
out:
	if (!s && (flags & SLAB_PANIC))
		panic("kmem_cache_create: cannot create cache %s (size %u)", name, size);
	return s;
}

void kmem_cache_destroy(struct kmem_cache *s)
{
	unsigned long irqflags;

	if (!s)
		return;
	if (s->active_objs) {
		/* Objects still in use: freeing their pages would corrupt whoever holds them. */
		pr_err("kmem_cache_destroy %s: %lu objects still in use, cache leaked\n",
		       s->name, s->active_objs);
		WARN_ON(1);
		return;
	}
	local_irq_save(irqflags);
	while (!list_empty(&s->slabs))
		discard_slab(s, list_first_entry(&s->slabs, struct page, lru));
	list_del(&s->list);
	local_irq_restore(irqflags);
	kmem_cache_free(&cache_cache, s);
}

static struct kmem_cache *kmalloc_slab(size_t size)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(kmalloc_sizes); i++) {
		if (size <= kmalloc_sizes[i])
			return &kmalloc_caches[i];
	}
	return NULL;
}

void *kmalloc(size_t size, gfp_t flags)
{
	struct kmem_cache *s;
	struct page *page;
	void *p;

	if (!size)
		size = 1;	/* a unique pointer, as Linux's ZERO_SIZE_PTR would be */
	s = kmalloc_slab(size);
	if (s) {
		p = kmem_cache_alloc(s, flags);
		if (p)
			kmalloc_account(s->size);
		return p;
	}
	/* Large: whole pages, the order recorded in the head struct page. */
	if (get_order(size) >= MAX_ORDER)
		return NULL;
	page = alloc_pages(flags, get_order(size));
	if (!page)
		return NULL;
	kmalloc_account(PAGE_SIZE << get_order(size));
	return page_address(page);
}

size_t ksize(const void *p)
{
	struct page *page;

	if (!p)
		return 0;
	BUG_ON(!virt_addr_valid(p));
	page = virt_to_page(p);
	if (page->flags & PG_slab)
		return page->slab_cache->size;
	BUG_ON(!(page->flags & PG_head));
	return PAGE_SIZE << page->private;
}

void kfree(const void *p)
{
	struct page *page;

	if (!p)
		return;
	BUG_ON(!virt_addr_valid(p));
	page = virt_to_page(p);
	kmalloc_account(-(long)ksize(p));
	if (page->flags & PG_slab) {
		kmem_cache_free(page->slab_cache, (void *)p);
		return;
	}
	/* Large allocation: must be the start of the block. */
	BUG_ON(!(page->flags & PG_head) || ((unsigned long)p & ~PAGE_MASK));
	__free_pages(page, page->private);
}

void *krealloc(void *p, size_t new_size, gfp_t flags)
{
	size_t old_size;
	void *n;

	if (!p)
		return kmalloc(new_size, flags);
	old_size = ksize(p);
	if (new_size <= old_size)
		return p;
	n = kmalloc(new_size, flags);
	if (!n)
		return NULL;	/* the old block stays valid, as in Linux */
	memcpy(n, p, old_size);
	kfree(p);
	return n;
}

void kmem_cache_init(void)
{
	cache_init(&cache_cache, "kmem_cache", sizeof(struct kmem_cache), 0, 0, NULL);
	for (unsigned int i = 0; i < ARRAY_SIZE(kmalloc_sizes); i++) {
		scnprintf(kmalloc_names[i], sizeof(kmalloc_names[i]), "kmalloc-%u", kmalloc_sizes[i]);
		cache_init(&kmalloc_caches[i], kmalloc_names[i], kmalloc_sizes[i], 0, 0, NULL);
	}
}

static int slub_debug_setup(char *value)
{
	slub_debug = true;
	return 1;
}
__setup("slub_debug", slub_debug_setup);

/* Linux's slub_debug=FZP... flags: any of them turns poisoning on here. */
static int slub_debug_flags_setup(char *value)
{
	slub_debug = true;
	return 1;
}
__setup("slub_debug=", slub_debug_flags_setup);
