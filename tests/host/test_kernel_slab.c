/*
 * kernel/mm/slab.c on the host, over a page arena (tests/host/kernel_host.c): a cache's
 * counters (active_objs, total_objs, nr_slabs) are exact through growth and shrinking, slabs go
 * back to the page allocator as soon as they are empty (page count back to its baseline),
 * alignment and constructors are honoured, kmalloc picks the right size class and accounts bytes,
 * and caller bugs (double free, interior pointers, writes after free with slub_debug, destroying
 * a busy cache) are caught.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "kernel_host.h"

#define ARENA_PAGES	1024

static unsigned long base_pages;

static int group_setup(void **state)
{
	kernel_host_pages_init(ARENA_PAGES);
	kmem_cache_init();
	return 0;
}

static int group_teardown(void **state)
{
	kernel_host_pages_exit();
	return 0;
}

static int setup(void **state)
{
	base_pages = kernel_host_pages_in_use();
	assert_int_equal(kmalloc_bytes_in_use(), 0);
	return 0;
}

/* Every test gives back all it took: pages, slab pages and kmalloc bytes. */
static int teardown(void **state)
{
	assert_int_equal(kernel_host_pages_in_use(), base_pages);
	assert_int_equal(kmalloc_bytes_in_use(), 0);
	return 0;
}

static bool cache_listed(struct kmem_cache *s)
{
	struct kmem_cache *c;

	list_for_each_entry(c, &slab_caches, list) {
		if (c == s)
			return true;
	}
	return false;
}

static void test_kernel_slab_counters_exact(void **state)
{
	enum { N = 100 };
	struct kmem_cache *s = kmem_cache_create("test_obj", 100, 0, 0, NULL);
	void *objs[N];

	assert_non_null(s);
	assert_true(cache_listed(s));
	assert_int_equal(s->object_size, 100);
	assert_int_equal(s->size, 104);		/* rounded up to 8 */
	assert_int_equal(s->objs_per_slab, PAGE_SIZE / 104);
	for (int i = 0; i < N; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		assert_non_null(objs[i]);
		assert_int_equal((unsigned long)objs[i] % 8, 0);
		memset(objs[i], i, 100);
		assert_int_equal(s->active_objs, i + 1);
		assert_int_equal(s->nr_slabs, DIV_ROUND_UP(i + 1, s->objs_per_slab));
		assert_int_equal(s->total_objs, s->nr_slabs * s->objs_per_slab);
	}
	assert_int_equal(nr_slab_pages() >= s->nr_slabs, 1);
	/* Objects do not overlap: each still holds its own pattern. */
	for (int i = 0; i < N; i++)
		assert_int_equal(((unsigned char *)objs[i])[99], (unsigned char)i);
	/* Free in an interleaved order: slabs go back only when completely free. */
	for (int i = 0; i < N; i += 2)
		kmem_cache_free(s, objs[i]);
	assert_int_equal(s->active_objs, N / 2);
	for (int i = 1; i < N; i += 2)
		kmem_cache_free(s, objs[i]);
	assert_int_equal(s->active_objs, 0);
	assert_int_equal(s->total_objs, 0);
	assert_int_equal(s->nr_slabs, 0);
	kmem_cache_destroy(s);
	assert_false(cache_listed(s));
}

static void test_kernel_slab_reuses_freed_objects(void **state)
{
	struct kmem_cache *s = kmem_cache_create("test_reuse", 64, 0, 0, NULL);
	void *a = kmem_cache_alloc(s, GFP_KERNEL);
	void *b = kmem_cache_alloc(s, GFP_KERNEL);
	void *c;

	kmem_cache_free(s, a);
	c = kmem_cache_alloc(s, GFP_KERNEL);
	assert_ptr_equal(c, a);		/* the freed slot is handed out first */
	assert_int_equal(s->nr_slabs, 1);
	kmem_cache_free(s, b);
	kmem_cache_free(s, c);
	kmem_cache_destroy(s);
}

static int ctor_calls;

static void test_ctor(void *obj)
{
	ctor_calls++;
	memset(obj, 0xab, 48);
}

static void test_kernel_slab_align_ctor_zalloc(void **state)
{
	struct kmem_cache *hw = kmem_cache_create("test_hw", 40, 0, SLAB_HWCACHE_ALIGN, NULL);
	struct kmem_cache *al = kmem_cache_create("test_align", 24, 256, 0, NULL);
	struct kmem_cache *ct = kmem_cache_create("test_ctor", 48, 0, 0, test_ctor);
	void *p, *q, *r, *z;

	p = kmem_cache_alloc(hw, GFP_KERNEL);
	q = kmem_cache_alloc(al, GFP_KERNEL);
	assert_int_equal((unsigned long)p % 64, 0);
	assert_int_equal((unsigned long)q % 256, 0);
	ctor_calls = 0;
	r = kmem_cache_alloc(ct, GFP_KERNEL);
	/* The constructor ran for every object of the new slab, as in Linux. */
	assert_int_equal(ctor_calls, ct->objs_per_slab);
	assert_int_equal(((unsigned char *)r)[47], 0xab);
	z = kmem_cache_zalloc(hw, GFP_KERNEL);
	for (int i = 0; i < 40; i++)
		assert_int_equal(((unsigned char *)z)[i], 0);
	kmem_cache_free(hw, p);
	kmem_cache_free(hw, z);
	kmem_cache_free(al, q);
	kmem_cache_free(ct, r);
	kmem_cache_destroy(hw);
	kmem_cache_destroy(al);
	kmem_cache_destroy(ct);
}

static void test_kernel_slab_large_objects(void **state)
{
	/* 3000-byte objects: a multi-page slab holding several. */
	struct kmem_cache *s = kmem_cache_create("test_large", 3000, 0, 0, NULL);
	void *objs[20];

	assert_true(s->order > 0);
	assert_true(s->objs_per_slab >= 8);
	for (int i = 0; i < 20; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		memset(objs[i], 0x5a, 3000);
	}
	/* kfree finds the cache even for objects in the slab's later pages. */
	for (int i = 0; i < 20; i++)
		kmem_cache_free(s, objs[i]);
	assert_int_equal(s->nr_slabs, 0);
	kmem_cache_destroy(s);
}

static void test_kernel_slab_kmalloc_classes(void **state)
{
	static const struct { size_t req, size; } cases[] = {
		{ 0, 8 }, { 1, 8 }, { 8, 8 }, { 9, 16 }, { 65, 96 }, { 100, 128 }, { 129, 192 },
		{ 200, 256 }, { 1000, 1024 }, { 4096, 4096 }, { 5000, 8192 }, { 8192, 8192 },
		{ 8193, 16384 }, { 100000, 131072 },
	};
	void *p[ARRAY_SIZE(cases)];
	unsigned long bytes = 0;

	for (unsigned int i = 0; i < ARRAY_SIZE(cases); i++) {
		p[i] = kmalloc(cases[i].req, GFP_KERNEL);
		assert_non_null(p[i]);
		assert_int_equal(ksize(p[i]), cases[i].size);
		bytes += cases[i].size;
		assert_int_equal(kmalloc_bytes_in_use(), bytes);
		memset(p[i], 0xee, ksize(p[i]));
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(cases); i++)
		kfree(p[i]);
	kfree(NULL);
	assert_int_equal(kmalloc_bytes_in_use(), 0);
}

static void test_kernel_slab_kzalloc_krealloc(void **state)
{
	char *p = kzalloc(50, GFP_KERNEL);
	char *q;

	for (int i = 0; i < 64; i++)
		assert_int_equal(p[i], 0);
	strcpy(p, "sk_buff");
	q = krealloc(p, 40, GFP_KERNEL);	/* fits: same block */
	assert_ptr_equal(q, p);
	q = krealloc(p, 3000, GFP_KERNEL);
	assert_non_null(q);
	assert_string_equal(q, "sk_buff");
	assert_int_equal(ksize(q), 4096);
	kfree(q);
	q = krealloc(NULL, 10, GFP_KERNEL);
	assert_non_null(q);
	kfree(q);
	assert_null(kcalloc((size_t)-1 / 2, 4, GFP_KERNEL));	/* n * size overflows */
}

static void test_kernel_slab_double_free_bugs(void **state)
{
	struct kmem_cache *s = kmem_cache_create("test_df", 32, 0, 0, NULL);
	void *keep = kmem_cache_alloc(s, GFP_KERNEL);	/* keeps the slab alive */
	void *p = kmem_cache_alloc(s, GFP_KERNEL);

	kmem_cache_free(s, p);
	if (EXPECT_PANIC()) {
		/* Caught before any damage: the cache is still consistent. */
		assert_int_equal(s->active_objs, 1);
		p = kmem_cache_alloc(s, GFP_KERNEL);
		assert_ptr_not_equal(p, keep);
		kmem_cache_free(s, p);
		kmem_cache_free(s, keep);
		kmem_cache_destroy(s);
		return;
	}
	kmem_cache_free(s, p);		/* double free */
	kernel_host_panic_missed();
}

static void test_kernel_slab_interior_pointer_bugs(void **state)
{
	struct kmem_cache *s = kmem_cache_create("test_interior", 32, 0, 0, NULL);
	char *p = kmem_cache_alloc(s, GFP_KERNEL);

	if (EXPECT_PANIC()) {
		assert_int_equal(s->active_objs, 1);
		kmem_cache_free(s, p);
		kmem_cache_destroy(s);
		return;
	}
	kmem_cache_free(s, p + 8);	/* not the start of an object */
	kernel_host_panic_missed();
}

static void test_kernel_slab_kfree_after_slab_gone_bugs(void **state)
{
	void *p = kmalloc(32, GFP_KERNEL);

	kfree(p);	/* its slab was the only one of kmalloc-32: back to the page allocator */
	if (EXPECT_PANIC())
		return;
	kfree(p);
	kernel_host_panic_missed();
}

static void test_kernel_slab_poison_catches_use_after_free(void **state)
{
	struct kmem_cache *s;
	unsigned char *keep, *p, *q;
	unsigned long warnings;

	slub_debug = true;
	s = kmem_cache_create("test_poison", 64, 0, 0, NULL);
	keep = kmem_cache_alloc(s, GFP_KERNEL);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, p);
	/* Freed: everything but the free-list link holds POISON_FREE. */
	for (int i = 8; i < 64; i++)
		assert_int_equal(p[i], 0x6b);
	warnings = kernel_host_warnings;
	q = kmem_cache_alloc(s, GFP_KERNEL);	/* untouched: no report */
	assert_ptr_equal(q, p);
	assert_int_equal(kernel_host_warnings, warnings);
	kmem_cache_free(s, q);
	p[40] = 1;				/* a write after free ... */
	q = kmem_cache_alloc(s, GFP_KERNEL);	/* ... reported when handed out again */
	assert_int_equal(kernel_host_warnings, warnings + 1);
	kmem_cache_free(s, q);
	kmem_cache_free(s, keep);
	kmem_cache_destroy(s);
	slub_debug = false;
}

static void test_kernel_slab_destroy_busy_cache_refused(void **state)
{
	struct kmem_cache *s = kmem_cache_create("test_busy", 16, 0, 0, NULL);
	void *p = kmem_cache_alloc(s, GFP_KERNEL);
	unsigned long warnings = kernel_host_warnings;

	kmem_cache_destroy(s);		/* refused: p still in use */
	assert_true(kernel_host_warnings > warnings);
	assert_true(cache_listed(s));
	assert_int_equal(s->active_objs, 1);
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
	assert_false(cache_listed(s));
}

static void test_kernel_slab_out_of_memory(void **state)
{
	/* Objects of 64 KiB: a slab each; the arena runs out long before 1000. */
	struct kmem_cache *s = kmem_cache_create("test_oom", 64 * 1024, 0, 0, NULL);
	void *objs[1000];
	int n = 0;

	while (n < 1000 && (objs[n] = kmem_cache_alloc(s, GFP_ATOMIC)))
		n++;
	assert_true(n > 0 && n < 1000);
	assert_int_equal(s->alloc_fail, 1);
	assert_int_equal(s->active_objs, n);
	assert_null(kmalloc(8 * 1024 * 1024, GFP_KERNEL));	/* more than MAX_ORDER allows */
	while (n--)
		kmem_cache_free(s, objs[n]);
	assert_int_equal(s->total_objs, 0);
	kmem_cache_destroy(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_kernel_slab_counters_exact, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kernel_slab_reuses_freed_objects, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kernel_slab_align_ctor_zalloc, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kernel_slab_large_objects, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kernel_slab_kmalloc_classes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kernel_slab_kzalloc_krealloc, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kernel_slab_double_free_bugs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kernel_slab_interior_pointer_bugs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kernel_slab_kfree_after_slab_gone_bugs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kernel_slab_poison_catches_use_after_free, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kernel_slab_destroy_busy_cache_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kernel_slab_out_of_memory, setup, teardown),
	};

	return cmocka_run_group_tests_name("kernel_slab", tests, group_setup, group_teardown);
}
