/*
 * malloc: boundary-tag chunks on the brk heap, with size-segregated free lists, plus mmap for
 * large blocks.
 *
 * Every chunk starts with a 16-byte header {prev_size, size}; the payload follows, 16-byte
 * aligned. size holds the chunk's length (header included, a multiple of 16) and three flags:
 * INUSE, PREV_INUSE (the chunk before this one is allocated, so prev_size is meaningless) and
 * MMAPPED. A free chunk keeps its free-list links in the payload and its length in the next
 * chunk's prev_size, so free() can merge with both neighbours in O(1). Each heap segment ends with
 * a 16-byte sentinel header (size 0, INUSE) that stops merging. Free lists: one per 16-byte size up
 * to 1 KiB, then one per power of two.
 *
 * Errors that mean the heap is corrupt (double free, a pointer malloc never returned) abort the
 * program with a message rather than corrupt memory further.
 */
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <unistd.h>
#include <errno.h>
#include <sys/mman.h>
#include "stdio_impl.h"

#define INUSE		1UL
#define PREV_INUSE	2UL
#define MMAPPED		4UL
#define FLAGS		7UL

#define HDR		16UL
#define ALIGN		16UL
#define MIN_CHUNK	32UL		/* header + two list pointers */
#define PAGE		4096UL
#define MMAP_THRESHOLD	(256 * 1024UL)
#define HEAP_GROW	(128 * 1024UL)

#define EXACT_BINS	64		/* sizes 16..1024 in steps of 16 */
#define NBINS		(EXACT_BINS + 54)

struct chunk {
	size_t prev_size;	/* size of the previous chunk when it is free */
	size_t size;		/* this chunk's size | flags */
	struct chunk *next;	/* free list links, only while free */
	struct chunk *prev;
};

static struct chunk *bins[NBINS];
static struct chunk *heap_end;		/* sentinel of the newest segment */

static size_t chunk_size(const struct chunk *c)
{
	return c->size & ~FLAGS;
}

static struct chunk *chunk_at(void *base, size_t off)
{
	return (struct chunk *)((char *)base + off);
}

static struct chunk *next_chunk(struct chunk *c)
{
	return chunk_at(c, chunk_size(c));
}

static void *payload(struct chunk *c)
{
	return (char *)c + HDR;
}

static struct chunk *payload_chunk(void *p)
{
	return (struct chunk *)((char *)p - HDR);
}

__libc_noreturn static void heap_corrupt(const char *what, void *p)
{
	char msg[96];
	int n = snprintf(msg, sizeof(msg), "malloc: %s (%p): aborting\n", what, p);

	write(2, msg, (size_t)n);
	abort();
}

static unsigned int bin_index(size_t size)
{
	unsigned int i;

	if (size <= EXACT_BINS * ALIGN)
		return (unsigned int)(size / ALIGN) - 1;
	i = EXACT_BINS + (unsigned int)(63 - __builtin_clzl(size)) - 10;	/* 2^10 < size */
	return i < NBINS ? i : NBINS - 1;
}

static void bin_insert(struct chunk *c)
{
	unsigned int i = bin_index(chunk_size(c));

	c->prev = NULL;
	c->next = bins[i];
	if (bins[i])
		bins[i]->prev = c;
	bins[i] = c;
}

static void bin_remove(struct chunk *c)
{
	if (c->prev)
		c->prev->next = c->next;
	else
		bins[bin_index(chunk_size(c))] = c->next;
	if (c->next)
		c->next->prev = c->prev;
}

/* Mark c (of size bytes) free, merge it with free neighbours, and file it. */
static void release_chunk(struct chunk *c, size_t size)
{
	struct chunk *next = chunk_at(c, size), *prev;
	size_t flags = c->size & PREV_INUSE;

	if (!(next->size & INUSE)) {
		bin_remove(next);
		size += chunk_size(next);
	}
	if (!(flags & PREV_INUSE)) {
		prev = (struct chunk *)((char *)c - c->prev_size);
		bin_remove(prev);
		size += c->prev_size;
		flags = prev->size & PREV_INUSE;
		c = prev;
	}
	c->size = size | flags;
	next = chunk_at(c, size);
	next->prev_size = size;
	next->size &= ~PREV_INUSE;
	bin_insert(c);
}

/* Get more memory from brk: extend the newest segment or start a new one. */
static int heap_grow(size_t need)
{
	size_t len = (need + HDR + HEAP_GROW - 1) & ~(HEAP_GROW - 1);
	char *cur = sbrk(0), *mem;
	struct chunk *c, *end;
	size_t pad;

	if (cur == (char *)-1)
		return -1;
	pad = (ALIGN - ((uintptr_t)cur & (ALIGN - 1))) & (ALIGN - 1);
	mem = sbrk((intptr_t)(len + pad));
	if (mem == (char *)-1)
		return -1;
	mem += pad;
	if (heap_end && (char *)heap_end + HDR == mem) {
		/* Contiguous: the old sentinel becomes the header of the new free chunk. */
		c = heap_end;
		c->size = (c->size & PREV_INUSE) | INUSE;
	} else {
		/* A new segment: its first chunk has nothing free before it. */
		c = (struct chunk *)mem;
		c->size = PREV_INUSE | INUSE;
		len -= HDR;
	}
	end = chunk_at(c, len);
	end->size = INUSE;		/* sentinel; PREV_INUSE cleared by release_chunk */
	heap_end = end;
	release_chunk(c, len);
	return 0;
}

/* Cut c (allocated, at least need bytes) down to need, freeing the rest if it can stand alone. */
static void split_chunk(struct chunk *c, size_t need)
{
	size_t size = chunk_size(c);
	struct chunk *rest;

	if (size - need < MIN_CHUNK)
		return;
	c->size = need | (c->size & (PREV_INUSE | INUSE));
	rest = chunk_at(c, need);
	rest->size = PREV_INUSE | INUSE;
	release_chunk(rest, size - need);
}

static struct chunk *find_free(size_t need)
{
	unsigned int i;
	struct chunk *c;

	for (i = bin_index(need); i < NBINS; i++)
		for (c = bins[i]; c; c = c->next)
			if (chunk_size(c) >= need)
				return c;
	return NULL;
}

static void *mmap_alloc(size_t need)
{
	size_t len = (need + PAGE - 1) & ~(PAGE - 1);
	struct chunk *c = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (c == MAP_FAILED)
		return NULL;
	c->prev_size = len;		/* the mapping's length, for munmap */
	c->size = len | MMAPPED | INUSE;
	return payload(c);
}

static void *heap_alloc(size_t need)
{
	struct chunk *c = find_free(need);

	if (!c) {
		if (heap_grow(need) < 0) {
			/* The break cannot move (another mapping is in the way, or a limit): use mmap. */
			void *p = mmap_alloc(need);

			if (!p)
				errno = ENOMEM;
			return p;
		}
		c = find_free(need);
	}
	bin_remove(c);
	c->size |= INUSE;
	next_chunk(c)->size |= PREV_INUSE;
	split_chunk(c, need);
	return payload(c);
}

/* Bytes of chunk needed for a request of n, or 0 when n is absurdly large. */
static size_t request_size(size_t n)
{
	if (n > SIZE_MAX / 2)
		return 0;
	n = (n + HDR + ALIGN - 1) & ~(ALIGN - 1);
	return n < MIN_CHUNK ? MIN_CHUNK : n;
}

void *malloc(size_t n)
{
	size_t need = request_size(n);
	void *p;

	if (!need) {
		errno = ENOMEM;
		return NULL;
	}
	if (need >= MMAP_THRESHOLD) {
		p = mmap_alloc(need);
		if (p)
			return p;
		/* No mmap (or no address space there): the heap may still have room. */
	}
	return heap_alloc(need);
}

static struct chunk *checked_chunk(void *p, const char *op)
{
	struct chunk *c = payload_chunk(p);

	if (((uintptr_t)p & (ALIGN - 1)) || chunk_size(c) < MIN_CHUNK)
		heap_corrupt(op, p);
	if (!(c->size & INUSE))
		heap_corrupt("double free or corruption", p);
	return c;
}

void free(void *p)
{
	struct chunk *c;

	if (!p)
		return;
	c = checked_chunk(p, "free of invalid pointer");
	if (c->size & MMAPPED) {
		munmap(c, c->prev_size);
		return;
	}
	release_chunk(c, chunk_size(c));
}

void *calloc(size_t nmemb, size_t size)
{
	size_t total;
	void *p;

	if (__builtin_mul_overflow(nmemb, size, &total)) {
		errno = ENOMEM;
		return NULL;
	}
	p = malloc(total);
	if (p && !(payload_chunk(p)->size & MMAPPED))	/* fresh mappings are already zero */
		memset(p, 0, total);
	return p;
}

void *realloc(void *p, size_t n)
{
	size_t need = request_size(n), size;
	struct chunk *c, *next;
	void *q;

	if (!p)
		return malloc(n);
	if (!need) {
		errno = ENOMEM;
		return NULL;
	}
	c = checked_chunk(p, "realloc of invalid pointer");
	size = chunk_size(c);
	if (!(c->size & MMAPPED)) {
		if (need <= size) {
			split_chunk(c, need);
			return p;
		}
		next = next_chunk(c);
		if (!(next->size & INUSE) && size + chunk_size(next) >= need) {
			/* Grow in place into the free chunk after us. */
			bin_remove(next);
			c->size += chunk_size(next);
			next_chunk(c)->size |= PREV_INUSE;
			split_chunk(c, need);
			return p;
		}
	} else if (need <= size && need > size / 2) {
		return p;
	}
	q = malloc(n);
	if (!q)
		return NULL;
	memcpy(q, p, (need < size ? need : size) - HDR);
	free(p);
	return q;
}

void *reallocarray(void *p, size_t nmemb, size_t size)
{
	size_t total;

	if (__builtin_mul_overflow(nmemb, size, &total)) {
		errno = ENOMEM;
		return NULL;
	}
	return realloc(p, total);
}

int posix_memalign(void **memptr, size_t alignment, size_t n)
{
	size_t need = request_size(n), gap;
	struct chunk *c, *ac;
	char *raw, *aligned;

	if (alignment < sizeof(void *) || (alignment & (alignment - 1)))
		return EINVAL;
	if (!need || need + alignment + MIN_CHUNK < need)
		return ENOMEM;
	if (alignment <= ALIGN) {
		*memptr = malloc(n);
		return *memptr ? 0 : ENOMEM;
	}
	/* Over-allocate on the heap, then free the part before the aligned payload. */
	raw = heap_alloc(need + alignment + MIN_CHUNK);
	if (!raw)
		return ENOMEM;
	c = payload_chunk(raw);
	if (c->size & MMAPPED) {
		/* The heap could not grow: a mapping cannot be split like a heap chunk. */
		free(raw);
		return ENOMEM;
	}
	aligned = (char *)(((uintptr_t)raw + MIN_CHUNK + alignment - 1) & ~(alignment - 1));
	ac = payload_chunk(aligned);
	gap = (size_t)((char *)ac - (char *)c);
	ac->size = (chunk_size(c) - gap) | INUSE;	/* PREV_INUSE clear: c becomes free */
	c->size = gap | (c->size & PREV_INUSE) | INUSE;
	release_chunk(c, gap);
	split_chunk(ac, need);
	*memptr = aligned;
	return 0;
}

void *aligned_alloc(size_t alignment, size_t size)
{
	void *p;
	int err = posix_memalign(&p, alignment, size);

	if (err) {
		errno = err;
		return NULL;
	}
	return p;
}
