/*
 * The device side of a split virtqueue for host tests (include after <cmocka.h>): it finds the
 * rings through the address the driver published, as a device does, takes available chains and
 * returns them as used (Virtio 1.0 spec 2.4).
 */
#ifndef _FAKE_VRING_H
#define _FAKE_VRING_H

#include <stdint.h>
#include <linux/virtio.h>
#include <linux/virtio_ring.h>

struct fake_vring {
	struct vring vr;	/* the device's view */
	u16 last_avail;		/* next available entry the device will take */
};

static inline void fake_vring_attach(struct fake_vring *f, struct virtqueue *vq)
{
	f->last_avail = 0;
	vring_init(&f->vr, virtqueue_get_vring_size(vq), (void *)(uintptr_t)virtqueue_get_desc_addr(vq),
		   VIRTIO_PCI_VRING_ALIGN);
}

static inline bool fake_vring_has_avail(const struct fake_vring *f)
{
	return f->last_avail != f->vr.avail->idx;
}

/* Take the next available chain: its head, length in descriptors and first buffer. */
static inline u16 fake_vring_pop(struct fake_vring *f, unsigned int *ndesc, void **first_buf)
{
	struct vring *vr = &f->vr;
	unsigned int n = 1;
	u16 head, i;

	assert_true(fake_vring_has_avail(f));
	head = vr->avail->ring[f->last_avail & (vr->num - 1)];
	f->last_avail++;
	assert_true(head < vr->num);
	*first_buf = (void *)(uintptr_t)vr->desc[head].addr;
	for (i = head; vr->desc[i].flags & VRING_DESC_F_NEXT; i = vr->desc[i].next) {
		n++;
		assert_true(n <= vr->num);	/* a loop in the chain would never end */
	}
	*ndesc = n;
	return head;
}

/* The descriptor after desc[i] in its chain. */
static inline struct vring_desc *fake_vring_next(struct fake_vring *f, u16 i)
{
	assert_true(f->vr.desc[i].flags & VRING_DESC_F_NEXT);
	return &f->vr.desc[f->vr.desc[i].next];
}

/* Return a chain as used, with len bytes written into it. */
static inline void fake_vring_push(struct fake_vring *f, u16 head, u32 len)
{
	struct vring *vr = &f->vr;
	struct vring_used_elem *e = &vr->used->ring[vr->used->idx & (vr->num - 1)];

	e->id = head;
	e->len = len;
	__atomic_thread_fence(__ATOMIC_RELEASE);
	vr->used->idx++;
}

#endif
