/*
 * The physical page allocator (Linux: mm/page_alloc.c), a binary buddy system. Free memory is kept
 * in blocks of 2^order pages on free_area[order]; allocating splits a bigger block, freeing merges
 * a block with its buddy (the block whose page frame number differs in bit `order`) while that
 * buddy is free too. Every page frame has a struct page in mem_map[], which lives in RAM right
 * after the kernel image.
 *
 * mem_init() builds it all from the multiboot2 memory map (boot_params), keeping out the first
 * MiB (BIOS data, VGA), the kernel image, GRUB's modules (the initrd), the boot information and
 * mem_map itself.
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/multiboot2.h>
#include <asm/page.h>
#include <asm/pgtable.h>

struct free_area {
	struct list_head free_list;
	unsigned long nr_free;		/* blocks on the list */
};

struct page *mem_map;
unsigned long max_pfn;

static struct free_area free_area[MAX_ORDER];
static unsigned long managed_pages;
static unsigned long free_pages_count;

extern char __boot_start[], _end[];

unsigned long totalram_pages(void)
{
	return managed_pages;
}

unsigned long nr_free_pages(void)
{
	return free_pages_count;
}

/* Whether any byte of [start, end) is RAM in the boot memory map (ioremap refuses RAM). */
bool range_is_ram(phys_addr_t start, phys_addr_t end)
{
	for (unsigned int i = 0; i < boot_params.nr_mem_regions; i++) {
		const struct boot_mem_region *m = &boot_params.mem_regions[i];

		if (start < m->end && end > m->start)
			return true;
	}
	return false;
}

static void add_to_free_area(struct page *page, unsigned int order)
{
	page->flags |= PG_buddy;
	page->private = order;
	list_add(&page->lru, &free_area[order].free_list);
	free_area[order].nr_free++;
}

static void del_from_free_area(struct page *page, unsigned int order)
{
	list_del(&page->lru);
	page->flags &= ~PG_buddy;
	free_area[order].nr_free--;
}

static void __free_one_block(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);

	free_pages_count += 1UL << order;
	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy = pfn_to_page(buddy_pfn);

		if (buddy_pfn >= max_pfn || !(buddy->flags & PG_buddy) || buddy->private != order)
			break;
		del_from_free_area(buddy, order);
		pfn &= ~(1UL << order);
		order++;
	}
	add_to_free_area(pfn_to_page(pfn), order);
}

struct page *alloc_pages(gfp_t gfp_mask, unsigned int order)
{
	struct page *page = NULL;
	unsigned long flags;
	unsigned int o;

	if (order >= MAX_ORDER)
		return NULL;
	local_irq_save(flags);
	for (o = order; o < MAX_ORDER; o++) {
		if (!list_empty(&free_area[o].free_list))
			break;
	}
	if (o == MAX_ORDER)
		goto out;
	page = list_first_entry(&free_area[o].free_list, struct page, lru);
	del_from_free_area(page, o);
	/* Split: the upper halves go back on the smaller lists. */
	while (o > order) {
		o--;
		add_to_free_area(page + (1UL << o), o);
	}
	page->flags |= PG_head;
	page->private = order;
	free_pages_count -= 1UL << order;
out:
	local_irq_restore(flags);
	if (page && (gfp_mask & __GFP_ZERO))
		memset(page_address(page), 0, PAGE_SIZE << order);
	return page;
}

void __free_pages(struct page *page, unsigned int order)
{
	unsigned long flags;

	/* Freeing something not allocated, or with the wrong order, would corrupt the free lists. */
	BUG_ON(!(page->flags & PG_head) || page->private != order || (page->flags & (PG_buddy | PG_reserved)));
	local_irq_save(flags);
	page->flags &= ~PG_head;
	__free_one_block(page, order);
	local_irq_restore(flags);
}

unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order)
{
	struct page *page = alloc_pages(gfp_mask, order);

	return page ? (unsigned long)page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp_mask)
{
	return __get_free_pages(gfp_mask | __GFP_ZERO, 0);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (!addr)
		return;
	BUG_ON(!virt_addr_valid(addr) || (addr & ~PAGE_MASK));
	__free_pages(virt_to_page(addr), order);
}

/* Physical ranges the allocator must never hand out. */
struct reserved_range {
	phys_addr_t start, end;
};

static bool is_reserved(phys_addr_t pa, const struct reserved_range *r, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++) {
		if (pa < r[i].end && pa + PAGE_SIZE > r[i].start)
			return true;
	}
	return false;
}

/* First page-aligned spot of size bytes in usable RAM that avoids every reserved range. */
static phys_addr_t find_free_range(size_t size, const struct reserved_range *r, unsigned int n)
{
	for (unsigned int i = 0; i < boot_params.nr_mem_regions; i++) {
		const struct boot_mem_region *m = &boot_params.mem_regions[i];
		phys_addr_t pa = PAGE_ALIGN(m->start);

		while (pa + size <= m->end && pa + size <= EARLY_MAP_SIZE) {
			phys_addr_t p;

			for (p = pa; p < pa + size; p += PAGE_SIZE) {
				if (is_reserved(p, r, n))
					break;
			}
			if (p >= pa + size)
				return pa;
			pa = p + PAGE_SIZE;
		}
	}
	return 0;
}

/* Page directories for RAM above the boot mapping, carved from a range mem_init reserved. */
static phys_addr_t early_tables_next, early_tables_end;

static unsigned long early_alloc_table(void)
{
	void *table;

	if (early_tables_next >= early_tables_end)
		return 0;
	table = __va(early_tables_next);
	early_tables_next += PAGE_SIZE;
	memset(table, 0, PAGE_SIZE);
	return (unsigned long)table;
}

/*
 * The boot page tables map 4 GiB; QEMU puts RAM beyond about 3 GiB above the 4 GiB line (the PCI
 * hole lies below it). Map that RAM into the direct map too, one page directory per GiB.
 */
static void map_high_memory(struct reserved_range *reserved, unsigned int *nr)
{
	unsigned long tables = 0;
	phys_addr_t pool;

	for (unsigned int i = 0; i < boot_params.nr_mem_regions; i++) {
		const struct boot_mem_region *m = &boot_params.mem_regions[i];

		if (m->end > EARLY_MAP_SIZE)
			tables += DIV_ROUND_UP(m->end, 1UL << PUD_SHIFT) -
				  max(m->start, (phys_addr_t)EARLY_MAP_SIZE) / (1UL << PUD_SHIFT);
	}
	if (!tables)
		return;
	pool = find_free_range(tables * PAGE_SIZE, reserved, *nr);
	if (!pool)
		panic("mm: no room for the page tables of high memory");
	reserved[(*nr)++] = (struct reserved_range){ pool, pool + tables * PAGE_SIZE };
	early_tables_next = pool;
	early_tables_end = pool + tables * PAGE_SIZE;
	for (unsigned int i = 0; i < boot_params.nr_mem_regions; i++) {
		const struct boot_mem_region *m = &boot_params.mem_regions[i];

		if (m->end > EARLY_MAP_SIZE &&
		    direct_map_range(max(m->start, (phys_addr_t)EARLY_MAP_SIZE), m->end, 0, early_alloc_table))
			panic("mm: cannot map RAM %#llx-%#llx", (unsigned long long)m->start,
			      (unsigned long long)m->end);
	}
}

void mem_init(void)
{
	struct reserved_range reserved[BOOT_MAX_MODULES + 5];
	unsigned int nr = 0;
	phys_addr_t mem_map_pa;
	size_t mem_map_size;

	for (unsigned int i = 0; i < boot_params.nr_mem_regions; i++) {
		struct boot_mem_region *m = &boot_params.mem_regions[i];

		if (m->end > DIRECT_MAP_SIZE) {
			pr_warn("mm: RAM above %lu GiB is not used\n", DIRECT_MAP_SIZE >> 30);
			m->end = max(m->start, (phys_addr_t)DIRECT_MAP_SIZE);
		}
		max_pfn = max(max_pfn, (unsigned long)(m->end >> PAGE_SHIFT));
	}

	reserved[nr++] = (struct reserved_range){ 0, 0x100000 };
	reserved[nr++] = (struct reserved_range){ (phys_addr_t)__boot_start, __pa(_end) };
	reserved[nr++] = (struct reserved_range){ boot_params.mbi_start, boot_params.mbi_end };
	for (unsigned int i = 0; i < boot_params.nr_modules; i++)
		reserved[nr++] = (struct reserved_range){ boot_params.modules[i].start,
							  PAGE_ALIGN(boot_params.modules[i].end) };

	map_high_memory(reserved, &nr);
	mem_map_size = PAGE_ALIGN(max_pfn * sizeof(struct page));
	mem_map_pa = find_free_range(mem_map_size, reserved, nr);
	if (!mem_map_pa)
		panic("mm: no room for mem_map (%zu KiB)", mem_map_size >> 10);
	reserved[nr++] = (struct reserved_range){ mem_map_pa, mem_map_pa + mem_map_size };
	mem_map = __va(mem_map_pa);
	memset(mem_map, 0, mem_map_size);

	for (unsigned int o = 0; o < MAX_ORDER; o++)
		INIT_LIST_HEAD(&free_area[o].free_list);
	/* Everything starts reserved; usable pages are then freed into the buddy lists. */
	for (unsigned long pfn = 0; pfn < max_pfn; pfn++) {
		mem_map[pfn].flags = PG_reserved;
		INIT_LIST_HEAD(&mem_map[pfn].lru);
	}
	for (unsigned int i = 0; i < boot_params.nr_mem_regions; i++) {
		const struct boot_mem_region *m = &boot_params.mem_regions[i];
		unsigned long pfn = PAGE_ALIGN(m->start) >> PAGE_SHIFT;
		unsigned long end = min((unsigned long)(m->end >> PAGE_SHIFT), max_pfn);

		for (; pfn < end; pfn++) {
			if (is_reserved((phys_addr_t)pfn << PAGE_SHIFT, reserved, nr))
				continue;
			mem_map[pfn].flags = 0;
			managed_pages++;
			__free_one_block(&mem_map[pfn], 0);
		}
	}
	pr_info("Memory: %luK/%luK available (kernel %luK, mem_map %zuK at %#lx)\n",
		free_pages_count << (PAGE_SHIFT - 10), max_pfn << (PAGE_SHIFT - 10),
		(unsigned long)(__pa(_end) - (phys_addr_t)__boot_start) >> 10, mem_map_size >> 10,
		(unsigned long)mem_map_pa);
}
