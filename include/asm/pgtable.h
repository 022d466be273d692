/*
 * x86_64 4-level page tables: PML4 (pgd) -> PDPT (pud) -> PD (pmd) -> PT (pte), 512 entries each.
 * The kernel's own table is init_top_pgt (built by boot/head.asm): the direct map of physical
 * memory at PAGE_OFFSET and the kernel image at __START_KERNEL_map, both with 2 MiB pages.
 * A process's table copies the kernel half (entries 256-511) of init_top_pgt.
 */
#ifndef _ASM_X86_PGTABLE_H
#define _ASM_X86_PGTABLE_H

#include <linux/types.h>
#include <asm/page.h>

#define _PAGE_PRESENT	(1UL << 0)
#define _PAGE_RW	(1UL << 1)
#define _PAGE_USER	(1UL << 2)
#define _PAGE_PWT	(1UL << 3)	/* write-through */
#define _PAGE_PCD	(1UL << 4)	/* cache disabled (device registers) */
#define _PAGE_ACCESSED	(1UL << 5)
#define _PAGE_DIRTY	(1UL << 6)
#define _PAGE_PSE	(1UL << 7)	/* in a PUD/PMD entry: a 1 GiB / 2 MiB page */
#define _PAGE_GLOBAL	(1UL << 8)
#define _PAGE_NX	(1UL << 63)
#define PTE_PFN_MASK	0x000ffffffffff000UL

#define PTRS_PER_TABLE	512
#define PGDIR_SHIFT	39
#define PUD_SHIFT	30
#define PMD_SHIFT	21
#define PMD_SIZE	(1UL << PMD_SHIFT)
#define KERNEL_PGD_START 256	/* first PML4 entry of the kernel half */

#define pgd_index(va)	(((va) >> PGDIR_SHIFT) & 511)
#define pud_index(va)	(((va) >> PUD_SHIFT) & 511)
#define pmd_index(va)	(((va) >> PMD_SHIFT) & 511)
#define pte_index(va)	(((va) >> PAGE_SHIFT) & 511)

/* Physical memory the boot page tables map (0-4 GiB); mem_init maps RAM above it. */
#define EARLY_MAP_SIZE	(4UL << 30)
/* The direct map is one PML4 entry: physical addresses up to 512 GiB. */
#define DIRECT_MAP_SIZE	(1UL << PGDIR_SHIFT)

/* The kernel's PML4, as a direct-map pointer. */
extern unsigned long *init_top_pgt;

/* Boot: sets init_top_pgt and removes the identity map of low memory. */
void paging_init(void);
/*
 * Maps physical [start, end) into the direct map with 2 MiB pages, each entry with extra flags
 * (_PAGE_PCD | _PAGE_PWT for device registers). Missing page directories come from alloc_table()
 * (a zeroed page's direct-map address, 0 when out of memory). 0, -ENOMEM or -ERANGE.
 */
int direct_map_range(phys_addr_t start, phys_addr_t end, unsigned long flags,
		     unsigned long (*alloc_table)(void));

static inline void flush_tlb_all(void)
{
	unsigned long cr3;

	__asm__ __volatile__("mov %%cr3, %0; mov %0, %%cr3" : "=r"(cr3) : : "memory");
}

#endif
