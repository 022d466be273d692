/*
 * ioremap (Linux: arch/x86/mm/ioremap.c): device registers are physical addresses (a PCI BAR such
 * as the e1000's 0xfebc0000); we reach them through the direct map, with the 2 MiB pages that
 * cover them switched to uncached (PCD|PWT), since a cached read would return stale register values.
 * Ranges that share a 2 MiB page with RAM keep the RAM cacheable and are refused.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

void __iomem *ioremap(phys_addr_t phys_addr, size_t size)
{
	unsigned long start = ALIGN_DOWN((unsigned long)phys_addr, PMD_SIZE);
	unsigned long end = ALIGN((unsigned long)(phys_addr + size), PMD_SIZE);

	if (!size || phys_addr + size > DIRECT_MAP_SIZE || phys_addr + size < phys_addr) {
		pr_err("ioremap: %#llx+%#zx is outside the direct map\n", (unsigned long long)phys_addr, size);
		return NULL;
	}
	if (range_is_ram(start, end)) {
		pr_err("ioremap: %#llx+%#zx shares a 2 MiB page with RAM\n", (unsigned long long)phys_addr, size);
		return NULL;
	}
	for (unsigned long pa = start; pa < end; pa += PMD_SIZE) {
		unsigned long va = (unsigned long)__va(pa);
		unsigned long *pud = __va(init_top_pgt[pgd_index(va)] & PTE_PFN_MASK);
		unsigned long *pmd = __va(pud[pud_index(va)] & PTE_PFN_MASK);

		pmd[pmd_index(va)] |= _PAGE_PCD | _PAGE_PWT;
		__flush_tlb_one(va);
	}
	return (void __iomem *)__va(phys_addr);
}

/* The direct map stays; the registers just stay uncached. */
void iounmap(volatile void __iomem *addr)
{
}
