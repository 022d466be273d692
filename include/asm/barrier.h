/*
 * Memory barriers. x86 keeps ordinary stores in order with respect to each other and loads with
 * respect to loads (TSO), so the DMA barriers between descriptor and doorbell writes are compiler
 * barriers; mb/rmb/wmb are the full fences for the rare device that needs them.
 */
#ifndef _ASM_X86_BARRIER_H
#define _ASM_X86_BARRIER_H

#include <linux/compiler.h>

#define mb()		__asm__ __volatile__("mfence" ::: "memory")
#define rmb()		__asm__ __volatile__("lfence" ::: "memory")
#define wmb()		__asm__ __volatile__("sfence" ::: "memory")
#define dma_rmb()	barrier()
#define dma_wmb()	barrier()
#define smp_mb()	mb()
#define smp_rmb()	barrier()
#define smp_wmb()	barrier()

#endif
