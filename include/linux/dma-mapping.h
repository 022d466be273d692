/*
 * DMA memory for drivers (descriptor rings, virtqueues). The CPU and the device see the same
 * physical memory (no IOMMU), so the bus address is the physical address.
 */
#ifndef _LINUX_DMA_MAPPING_H
#define _LINUX_DMA_MAPPING_H

#include <linux/types.h>
#include <asm/page.h>

struct device;

enum dma_data_direction {
	DMA_BIDIRECTIONAL = 0,
	DMA_TO_DEVICE = 1,
	DMA_FROM_DEVICE = 2,
	DMA_NONE = 3,
};

/*
 * Zeroed, physically contiguous, page-aligned memory; *dma_handle gets its bus address.
 * dev may be NULL. NULL when out of memory.
 */
void *dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp);
void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle);

/* Streaming mappings of kmalloc'd buffers (skb data): the physical address; nothing to undo. */
static inline dma_addr_t dma_map_single(struct device *dev, void *ptr, size_t size,
					enum dma_data_direction dir)
{
	return virt_to_phys(ptr);
}

static inline void dma_unmap_single(struct device *dev, dma_addr_t addr, size_t size,
				    enum dma_data_direction dir)
{
}

static inline int dma_mapping_error(struct device *dev, dma_addr_t addr)
{
	return 0;
}

#endif
