/*
 * Host stand-in for include/asm/page.h, used only by the kernel-host tests (tools/make/kernel-host.mk),
 * which put this directory before include/. On the host the "direct map" is the process's own
 * address space: physical address == pointer value, so kernel/mm/slab.c's virt_to_page() and
 * page_address() work on a page arena the test allocates (tests/host/kernel_host.c).
 */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

#include <linux/types.h>

#define PAGE_SHIFT		12
#define PAGE_SIZE		(1UL << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(x)		(((x) + PAGE_SIZE - 1) & PAGE_MASK)

#define PAGE_OFFSET		0UL
#define KERNEL_HALF_START	0UL

#define __pa(x)			((phys_addr_t)(unsigned long)(x))
#define __va(paddr)		((void *)(unsigned long)(paddr))
#define virt_to_phys(addr)	__pa(addr)
#define phys_to_virt(paddr)	__va(paddr)

#endif
