/*
 * Host implementations of the kernel services that the kernel files under test need
 * (see kernel_host.h). Linked into every test_kernel_* binary.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/mm.h>
#include "kernel_host.h"

jmp_buf kernel_host_panic_jmp;
bool kernel_host_panic_armed;
char kernel_host_panic_msg[256];
unsigned long kernel_host_warnings;

void panic(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(kernel_host_panic_msg, sizeof(kernel_host_panic_msg), fmt, args);
	va_end(args);
	if (kernel_host_panic_armed) {
		kernel_host_panic_armed = false;
		longjmp(kernel_host_panic_jmp, 1);
	}
	fail_msg("unexpected panic: %s", kernel_host_panic_msg);
	abort();
}

void kernel_host_panic_missed(void)
{
	kernel_host_panic_armed = false;
	fail_msg("expected a panic (BUG_ON), none happened");
}

void __warn(const char *file, int line, const char *cond)
{
	kernel_host_warnings++;
}

/* Silent, unless the test links the real kernel/printk.c (test_kernel_printk). */
__attribute__((weak)) int printk(const char *fmt, ...)
{
	return 0;
}

static unsigned long fake_flags = 0x200;

unsigned long local_irq_save_flags(void)
{
	unsigned long f = fake_flags;

	fake_flags = 0;
	return f;
}

void local_irq_restore_flags(unsigned long flags)
{
	fake_flags = flags;
}

static void (*softirq_actions[NR_SOFTIRQS])(struct softirq_action *);

void open_softirq(int nr, void (*action)(struct softirq_action *))
{
	softirq_actions[nr] = action;
}

void (*kernel_host_softirq_action(int nr))(struct softirq_action *)
{
	return softirq_actions[nr];
}

/* Page source: first fit over an arena, blocks aligned to their size as the buddy allocator's are. */
struct page *mem_map;
unsigned long max_pfn;
static unsigned char *arena;
static struct page *pages;
static unsigned long arena_pages, arena_pfn, used_pages;
static bool *page_used;

void kernel_host_pages_init(unsigned long npages)
{
	size_t align = PAGE_SIZE << (MAX_ORDER - 1);

	arena_pages = npages;
	arena = aligned_alloc(align, ALIGN(npages * PAGE_SIZE, align));
	pages = calloc(npages, sizeof(*pages));
	page_used = calloc(npages, sizeof(*page_used));
	assert_non_null(arena);
	arena_pfn = (unsigned long)arena >> PAGE_SHIFT;
	/* mem_map is indexed by pfn; only the arena's part of it exists. */
	mem_map = pages - arena_pfn;
	max_pfn = arena_pfn + npages;
	used_pages = 0;
}

void kernel_host_pages_exit(void)
{
	free(arena);
	free(pages);
	free(page_used);
	mem_map = NULL;
	max_pfn = 0;
}

unsigned long kernel_host_pages_in_use(void)
{
	return used_pages;
}

struct page *alloc_pages(gfp_t gfp_mask, unsigned int order)
{
	unsigned long n = 1UL << order;

	for (unsigned long i = 0; i + n <= arena_pages; i += n) {
		unsigned long j;

		for (j = 0; j < n && !page_used[i + j]; j++)
			;
		if (j < n)
			continue;
		for (j = 0; j < n; j++) {
			page_used[i + j] = true;
			memset(&pages[i + j], 0, sizeof(pages[i + j]));
		}
		pages[i].flags = PG_head;
		pages[i].private = order;
		used_pages += n;
		if (gfp_mask & __GFP_ZERO)
			memset(arena + i * PAGE_SIZE, 0, n * PAGE_SIZE);
		return &pages[i];
	}
	return NULL;
}

void __free_pages(struct page *page, unsigned int order)
{
	unsigned long i = page - pages;

	assert_true(i < arena_pages);
	assert_true(page->flags & PG_head);
	assert_int_equal(page->private, order);
	for (unsigned long j = 0; j < (1UL << order); j++) {
		assert_true(page_used[i + j]);
		page_used[i + j] = false;
	}
	page->flags = 0;
	used_pages -= 1UL << order;
}
