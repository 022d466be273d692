/*
 * Host build of driver code (tests/drivers): user-space pointers stand for physical addresses,
 * so a fake device in the test reads descriptors through the addresses the driver wrote.
 * Shadows the kernel's include/asm/page.h (this directory comes first on the include path).
 */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

#include <stdint.h>

#define PAGE_SHIFT		12
#define PAGE_SIZE		(1UL << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(x)		(((x) + PAGE_SIZE - 1) & PAGE_MASK)

#define virt_to_phys(addr)	((uint64_t)(uintptr_t)(addr))
#define phys_to_virt(paddr)	((void *)(uintptr_t)(paddr))
#define __pa(addr)		virt_to_phys(addr)
#define __va(paddr)		phys_to_virt(paddr)

#endif
