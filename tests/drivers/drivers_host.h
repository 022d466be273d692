/* Host test support for driver code (tests/drivers/shim.c). */
#ifndef _DRIVERS_HOST_H
#define _DRIVERS_HOST_H

/* kmalloc + dma_alloc_coherent blocks not yet freed. */
long drivers_host_live_blocks(void);

/* dma_alloc_coherent blocks not yet freed (tests/drivers/dma_stub.c, net-library tests). */
long drivers_host_dma_blocks(void);

#endif
