/*
 * The kernel's page table (include/asm/pgtable.h): the one boot/head.asm built, without its
 * identity map of low memory after boot (so a NULL pointer in the kernel faults), and the direct
 * map beyond what boot mapped (RAM above 4 GiB, device registers for ioremap).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

extern char early_pml4[];		/* boot/head.asm, linked at its physical address */

unsigned long *init_top_pgt;

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
