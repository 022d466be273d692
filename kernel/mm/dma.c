/*
 * Coherent DMA memory for drivers (Linux: kernel/dma/direct.c): whole zeroed pages from the page
 * allocator, so rings are physically contiguous and page-aligned. With no IOMMU the device uses
 * the physical address.
 */
#include <linux/kernel.h>
#include <linux/dma-mapping.h>
#include <linux/gfp.h>
#include <linux/mm.h>

void *dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp)
{
	unsigned long addr;

	if (!size)
		return NULL;
	addr = __get_free_pages(gfp | __GFP_ZERO, get_order(size));
	if (!addr)
		return NULL;
	*dma_handle = virt_to_phys((void *)addr);
	return (void *)addr;
}

void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle)
{
	if (!cpu_addr)
		return;
	WARN_ON(virt_to_phys(cpu_addr) != dma_handle);
	free_pages((unsigned long)cpu_addr, get_order(size));
}
