/*
 * dma_alloc_coherent for the driver tests that link net's host library (tests/drivers/test_e1000.c,
 * test_virtio_net.c): page-aligned zeroed memory whose bus address is its host address, counted
 * so a test can check the driver gave every block back.
 */
#include <stdlib.h>
#include <string.h>
#include <linux/dma-mapping.h>
#include "drivers_host.h"

static long dma_blocks;

long drivers_host_dma_blocks(void)
{
	return dma_blocks;
}

void *dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp)
{
	void *p = aligned_alloc(PAGE_SIZE, PAGE_ALIGN(size));

	if (!p)
		return NULL;
	memset(p, 0, PAGE_ALIGN(size));
	dma_blocks++;
	*dma_handle = virt_to_phys(p);
	return p;
}

void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle)
{
	if (cpu_addr)
		dma_blocks--;
	free(cpu_addr);
}
