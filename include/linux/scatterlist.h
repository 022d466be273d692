/*
 * A list of (address, length) pieces making up one buffer, as drivers hand them to virtqueues.
 * Kernel memory here is one direct map, so an entry is simply a virtual address and a length
 * (Linux's page/offset pair collapses to that).
 */
#ifndef _LINUX_SCATTERLIST_H
#define _LINUX_SCATTERLIST_H

#include <linux/types.h>
#include <linux/string.h>

struct scatterlist {
	void *addr;
	unsigned int length;
};

static inline void sg_set_buf(struct scatterlist *sg, const void *buf, unsigned int buflen)
{
	sg->addr = (void *)buf;
	sg->length = buflen;
}

static inline void sg_init_table(struct scatterlist *sgl, unsigned int nents)
{
	memset(sgl, 0, sizeof(*sgl) * nents);
}

static inline void sg_init_one(struct scatterlist *sg, const void *buf, unsigned int buflen)
{
	sg_init_table(sg, 1);
	sg_set_buf(sg, buf, buflen);
}

static inline void *sg_virt(const struct scatterlist *sg)
{
	return sg->addr;
}

#endif
