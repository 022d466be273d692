/*
 * Device memory for drivers: ioremap() maps a device's physical register window (a PCI BAR) into
 * the kernel's direct map with caching disabled and returns the pointer to pass to readl/writel.
 */
#ifndef _LINUX_IO_H
#define _LINUX_IO_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/io.h>
#include <asm/page.h>

/* NULL if the range cannot be mapped. */
void __iomem *ioremap(phys_addr_t phys_addr, size_t size);
void iounmap(volatile void __iomem *addr);

#endif
