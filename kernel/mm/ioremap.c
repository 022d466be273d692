/*
 * ioremap (Linux: arch/x86/mm/ioremap.c): device registers are physical addresses (a PCI BAR such
 * as the e1000's 0xfebc0000); we reach them through the direct map, with the 2 MiB pages that
 * cover them switched to uncached (PCD|PWT), since a cached read would return stale register values.
 * Ranges that share a 2 MiB page with RAM keep the RAM cacheable and are refused.
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

static unsigned long ioremap_alloc_table(void)
{
	return get_zeroed_page(GFP_KERNEL);
}

void __iomem *ioremap(phys_addr_t phys_addr, size_t size)
{
	phys_addr_t start = ALIGN_DOWN(phys_addr, PMD_SIZE);
	phys_addr_t end = ALIGN(phys_addr + size, PMD_SIZE);

	if (!size || phys_addr + size < phys_addr || end > DIRECT_MAP_SIZE) {
		pr_err("ioremap: %#llx+%#zx is outside the direct map\n", (unsigned long long)phys_addr, size);
		return NULL;
	}
	if (range_is_ram(start, end)) {
		pr_err("ioremap: %#llx+%#zx shares a 2 MiB page with RAM\n", (unsigned long long)phys_addr, size);
		return NULL;
	}
	/* Also creates the mapping for a 64-bit BAR placed above everything the boot mapped. */
	if (direct_map_range(start, end, _PAGE_PCD | _PAGE_PWT, ioremap_alloc_table)) {
		pr_err("ioremap: %#llx+%#zx: out of memory for page tables\n", (unsigned long long)phys_addr, size);
		return NULL;
	}
	return (void __iomem *)__va(phys_addr);
}

/* The direct map stays; the registers just stay uncached. */
void iounmap(volatile void __iomem *addr)
{
}
