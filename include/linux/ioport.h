/*
 * Address ranges a device decodes (its PCI BARs), as in Linux: start and end inclusive, flags say
 * whether the range is port I/O or memory and whether it is 64-bit or prefetchable.
 */
#ifndef _LINUX_IOPORT_H
#define _LINUX_IOPORT_H

#include <linux/types.h>

typedef u64 resource_size_t;

struct resource {
	resource_size_t start;
	resource_size_t end;		/* inclusive; start == end == 0 for an unused BAR */
	unsigned long flags;
};

#define IORESOURCE_IO		0x00000100UL	/* port I/O (in/out instructions) */
#define IORESOURCE_MEM		0x00000200UL	/* memory-mapped */
#define IORESOURCE_PREFETCH	0x00002000UL
#define IORESOURCE_MEM_64	0x00100000UL	/* a 64-bit BAR: it used two BAR slots */

static inline resource_size_t resource_size(const struct resource *res)
{
	return res->end - res->start + 1;
}

#endif
