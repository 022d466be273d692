/*
 * Kernel address space. All physical memory is mapped at PAGE_OFFSET (the "direct map", as in
 * Linux: kmalloc'd objects look like 0xffff888006498880), the kernel image at __START_KERNEL_map.
 * __va/__pa convert between physical addresses and direct-map pointers.
 */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

#include <linux/types.h>

#define PAGE_SHIFT		12
#define PAGE_SIZE		(1UL << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(x)		(((x) + PAGE_SIZE - 1) & PAGE_MASK)

#define PAGE_OFFSET		0xffff888000000000UL
#define __START_KERNEL_map	0xffffffff80000000UL
/* Lowest kernel-half address: user space is below, the kernel (direct map, image) above. */
#define KERNEL_HALF_START	0xffff800000000000UL

/* Physical address of a direct-map or kernel-image address. */
static inline phys_addr_t __phys_addr(unsigned long x)
{
	if (x >= __START_KERNEL_map)
		return x - __START_KERNEL_map;
	return x - PAGE_OFFSET;
}

/* Takes a pointer or an unsigned long, as in Linux. */
#define __pa(x)			__phys_addr((unsigned long)(x))
#define __va(paddr)		((void *)((unsigned long)(paddr) + PAGE_OFFSET))
#define virt_to_phys(addr)	__pa(addr)
#define phys_to_virt(paddr)	__va(paddr)

#endif
