/*
 * The split virtqueue as it lies in memory shared with the device (Virtio 1.0 spec, 2.4):
 * a descriptor table, the driver's "available" ring of descriptor heads it offers, and the
 * device's "used" ring of heads it has finished, each with a free-running 16-bit index.
 * Legacy devices need all three in one block, the used ring on a 4096-byte boundary (2.4.2).
 */
#ifndef _LINUX_VIRTIO_RING_H
#define _LINUX_VIRTIO_RING_H

#include <linux/types.h>

#define VRING_DESC_F_NEXT	1	/* the buffer continues in desc.next */
#define VRING_DESC_F_WRITE	2	/* device writes (else reads) this buffer */

#define VRING_USED_F_NO_NOTIFY		1	/* device: do not kick me */
#define VRING_AVAIL_F_NO_INTERRUPT	1	/* driver: do not interrupt me */

#define VIRTIO_PCI_VRING_ALIGN	4096	/* legacy PCI: used ring alignment */

struct vring_desc {
	__le64 addr;	/* guest-physical */
	__le32 len;
	__le16 flags;
	__le16 next;
};

struct vring_avail {
	__le16 flags;
	__le16 idx;	/* where the driver puts the next entry (mod num) */
	__le16 ring[];
};

struct vring_used_elem {
	__le32 id;	/* head of the finished descriptor chain */
	__le32 len;	/* bytes the device wrote into it */
};

struct vring_used {
	__le16 flags;
	__le16 idx;
	struct vring_used_elem ring[];
};

struct vring {
	unsigned int num;	/* a power of 2 */
	struct vring_desc *desc;
	struct vring_avail *avail;
	struct vring_used *used;
};

/* Bytes for the whole legacy layout (the used_event/avail_event words included). */
static inline unsigned long vring_size(unsigned int num, unsigned long align)
{
	unsigned long avail_end = sizeof(struct vring_desc) * num + sizeof(__le16) * (3 + num);

	return ((avail_end + align - 1) & ~(align - 1)) +
	       sizeof(__le16) * 3 + sizeof(struct vring_used_elem) * num;
}

static inline void vring_init(struct vring *vr, unsigned int num, void *p, unsigned long align)
{
	unsigned long avail_end;

	vr->num = num;
	vr->desc = p;
	vr->avail = (struct vring_avail *)((char *)p + num * sizeof(struct vring_desc));
	avail_end = (unsigned long)&vr->avail->ring[num] + sizeof(__le16);
	vr->used = (struct vring_used *)((avail_end + align - 1) & ~(align - 1));
}

#endif
