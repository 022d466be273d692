/*
 * Page-table helpers over the 4-level x86_64 format (include/asm/pgtable.h): the kernel's table
 * from boot, walks that allocate missing levels (used by processes' address spaces), the direct
 * map beyond what boot mapped (RAM above 4 GiB, device registers for ioremap), and the removal of
 * the boot-time identity map, so a NULL pointer in the kernel faults.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

extern char early_pml4[];		/* boot/head.asm, linked at its physical address */

unsigned long *init_top_pgt;

/* Next-level table of entry *e, allocating it when asked. */
static unsigned long *next_level(unsigned long *e, unsigned long va, bool alloc)
{
	unsigned long page;

	if (*e & _PAGE_PRESENT) {
		if (*e & _PAGE_PSE)
			return NULL;
		return __va(*e & PTE_PFN_MASK);
	}
	if (!alloc)
		return NULL;
	page = get_zeroed_page(GFP_KERNEL);
	if (!page)
		return NULL;
	/* Intermediate levels allow everything; the last level decides user access and writes. */
	*e = __pa((void *)page) | _PAGE_PRESENT | _PAGE_RW | (va < KERNEL_HALF_START ? _PAGE_USER : 0);
	return (unsigned long *)page;
}

unsigned long *pgtable_walk(unsigned long *pgd, unsigned long va, bool alloc)
{
	unsigned long *pud, *pmd, *pte;

	pud = next_level(&pgd[pgd_index(va)], va, alloc);
	if (!pud)
		return NULL;
	pmd = next_level(&pud[pud_index(va)], va, alloc);
	if (!pmd)
		return NULL;
	pte = next_level(&pmd[pmd_index(va)], va, alloc);
	if (!pte)
		return NULL;
	return &pte[pte_index(va)];
}

int map_page(unsigned long *pgd, unsigned long va, phys_addr_t pa, unsigned long flags)
{
	unsigned long *pte = pgtable_walk(pgd, va, true);

	if (!pte)
		return -ENOMEM;
	if (*pte & _PAGE_PRESENT)
		return -EEXIST;
	*pte = (pa & PTE_PFN_MASK) | flags | _PAGE_PRESENT;
	return 0;
}

/* After boot only the kernel half is mapped: drop PML4[0], the identity map of 0-4 GiB. */
void paging_init(void)
{
	init_top_pgt = __va((unsigned long)early_pml4);
	init_top_pgt[0] = 0;
	flush_tlb_all();
}

int direct_map_range(phys_addr_t start, phys_addr_t end, unsigned long flags,
		     unsigned long (*alloc_table)(void))
{
	unsigned long *pud = __va(init_top_pgt[pgd_index(PAGE_OFFSET)] & PTE_PFN_MASK);

	if (end > DIRECT_MAP_SIZE || start >= end)
		return -ERANGE;
	for (phys_addr_t pa = ALIGN_DOWN(start, PMD_SIZE); pa < end; pa += PMD_SIZE) {
		unsigned long va = (unsigned long)__va(pa);
		unsigned long *pudp = &pud[pud_index(va)], *pmd;

		if (!(*pudp & _PAGE_PRESENT)) {
			unsigned long table = alloc_table();

			if (!table)
				return -ENOMEM;
			*pudp = __pa(table) | _PAGE_PRESENT | _PAGE_RW;
		}
		pmd = __va(*pudp & PTE_PFN_MASK);
		pmd[pmd_index(va)] = pa | _PAGE_PRESENT | _PAGE_RW | _PAGE_PSE | flags;
		__flush_tlb_one(va);
	}
	return 0;
}
