/*
 * Split virtqueues (Virtio 1.0 spec, 2.4): the driver side of the descriptor table and the
 * available/used rings. A driver adds a buffer (virtqueue_add_*: a chain of descriptors whose
 * head goes into the available ring), kicks the device, and later gets the buffer back from the
 * used ring (virtqueue_get_buf). The device interrupts through vring_interrupt, which calls the
 * driver's callback (virtio-net: skb_recv_done / skb_xmit_done).
 *
 * Free descriptors are kept on a free list threaded through a private next[] array rather than
 * through the shared table, so a device writing to the table cannot corrupt our bookkeeping.
 * Ring indexes are free-running 16-bit counters; slot = idx & (num - 1) (num is a power of 2).
 */
#include <linux/virtio.h>
#include <linux/virtio_ring.h>
#include <linux/virtio_config.h>
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <asm/barrier.h>

struct vring_desc_state {
	void *data;		/* the driver's token for this chain; NULL when the head is free */
	u16 num;		/* descriptors in the chain */
};

struct vring_virtqueue {
	struct virtqueue vq;
	struct vring vring;

	void *queue;		/* the block holding all three parts */
	dma_addr_t queue_dma;
	size_t queue_size;

	bool (*notify)(struct virtqueue *vq);
	bool broken;		/* device misbehaved: stop using the queue */

	u16 free_head;		/* first free descriptor */
	u16 num_added;		/* added since the last kick */
	u16 last_used_idx;	/* next used-ring entry we will look at */
	u16 avail_idx_shadow;	/* our copy of avail->idx */
	u16 avail_flags_shadow;

	u16 *next;		/* next[i]: free list / chain links, private to us */
	struct vring_desc_state desc_state[];
};

#define to_vvq(_vq) container_of(_vq, struct vring_virtqueue, vq)

/* Mark the queue broken and complain once: a bad used entry means the device is confused. */
#define BAD_RING(vq, fmt, ...) \
	do { \
		pr_err("%s: " fmt, (vq)->vq.name, ##__VA_ARGS__); \
		(vq)->broken = true; \
	} while (0)

static int virtqueue_add(struct virtqueue *_vq, struct scatterlist *sgs[], unsigned int out_sgs,
			 unsigned int in_sgs, void *data)
{
	struct vring_virtqueue *vq = to_vvq(_vq);
	unsigned int n, avail, total_sg = out_sgs + in_sgs;
	struct vring_desc *desc;
	u16 head, i, prev = 0;

	if (unlikely(vq->broken))
		return -EIO;
	if (WARN_ON(!data || total_sg == 0))
		return -EINVAL;
	if (_vq->num_free < total_sg)
		return -ENOSPC;

	head = i = vq->free_head;
	for (n = 0; n < total_sg; n++) {
		desc = &vq->vring.desc[i];
		desc->addr = virt_to_phys(sg_virt(sgs[n]));
		desc->len = sgs[n]->length;
		desc->flags = VRING_DESC_F_NEXT | (n >= out_sgs ? VRING_DESC_F_WRITE : 0);
		desc->next = vq->next[i];
		prev = i;
		i = vq->next[i];
	}
	/* The last descriptor ends the chain. */
	vq->vring.desc[prev].flags &= ~VRING_DESC_F_NEXT;

	_vq->num_free -= total_sg;
	vq->free_head = i;
	vq->desc_state[head].data = data;
	vq->desc_state[head].num = total_sg;

	avail = vq->avail_idx_shadow & (vq->vring.num - 1);
	vq->vring.avail->ring[avail] = head;
	/* The descriptors and the ring entry must be visible before the new index (spec 2.4.7.2). */
	wmb();
	vq->avail_idx_shadow++;
	WRITE_ONCE(vq->vring.avail->idx, vq->avail_idx_shadow);
	vq->num_added++;
	return 0;
}

/*
 * Each element of sgs[] is one buffer (a single scatterlist entry): the first out_sgs are read
 * by the device, the next in_sgs written by it.
 */
int virtqueue_add_sgs(struct virtqueue *vq, struct scatterlist *sgs[], unsigned int out_sgs,
		      unsigned int in_sgs, void *data, gfp_t gfp)
{
	return virtqueue_add(vq, sgs, out_sgs, in_sgs, data);
}

/* Up to 4 entries of one array, all read or all written by the device. */
static int virtqueue_add_array(struct virtqueue *vq, struct scatterlist sg[], unsigned int num,
			       bool in, void *data)
{
	struct scatterlist *sgs[4];
	unsigned int i;

	if (WARN_ON(num > ARRAY_SIZE(sgs)))
		return -EINVAL;
	for (i = 0; i < num; i++)
		sgs[i] = &sg[i];
	return virtqueue_add(vq, sgs, in ? 0 : num, in ? num : 0, data);
}

int virtqueue_add_outbuf(struct virtqueue *vq, struct scatterlist sg[], unsigned int num,
			 void *data, gfp_t gfp)
{
	return virtqueue_add_array(vq, sg, num, false, data);
}

int virtqueue_add_inbuf(struct virtqueue *vq, struct scatterlist sg[], unsigned int num,
			void *data, gfp_t gfp)
{
	return virtqueue_add_array(vq, sg, num, true, data);
}

/* Does the device want a notification for what we added? (spec 2.4.7.2: VRING_USED_F_NO_NOTIFY) */
bool virtqueue_kick_prepare(struct virtqueue *_vq)
{
	struct vring_virtqueue *vq = to_vvq(_vq);
	bool needs_kick;

	/* Our avail->idx store must be seen before we read the device's flags. */
	mb();
	needs_kick = vq->num_added && !(READ_ONCE(vq->vring.used->flags) & VRING_USED_F_NO_NOTIFY);
	vq->num_added = 0;
	return needs_kick;
}

bool virtqueue_notify(struct virtqueue *_vq)
{
	struct vring_virtqueue *vq = to_vvq(_vq);

	if (unlikely(vq->broken))
		return false;
	if (!vq->notify(_vq)) {
		vq->broken = true;
		return false;
	}
	return true;
}

bool virtqueue_kick(struct virtqueue *vq)
{
	if (virtqueue_kick_prepare(vq))
		return virtqueue_notify(vq);
	return true;
}

static bool more_used(const struct vring_virtqueue *vq)
{
	return vq->last_used_idx != READ_ONCE(vq->vring.used->idx);
}

/* Put a finished chain back on the free list; returns the driver's token. */
static void *detach_buf(struct vring_virtqueue *vq, u16 head)
{
	struct vring_desc_state *state = &vq->desc_state[head];
	void *data = state->data;
	u16 i = head, n;

	for (n = 1; n < state->num; n++)
		i = vq->next[i];
	vq->next[i] = vq->free_head;
	vq->free_head = head;
	vq->vq.num_free += state->num;
	state->data = NULL;
	state->num = 0;
	return data;
}

/* The next buffer the device has finished with, and how many bytes it wrote; NULL if none. */
void *virtqueue_get_buf(struct virtqueue *_vq, unsigned int *len)
{
	struct vring_virtqueue *vq = to_vvq(_vq);
	struct vring_used_elem *elem;
	u32 id;

	if (unlikely(vq->broken) || !more_used(vq))
		return NULL;
	/* Read the entry only after seeing the index that publishes it. */
	rmb();
	elem = &vq->vring.used->ring[vq->last_used_idx & (vq->vring.num - 1)];
	id = READ_ONCE(elem->id);
	*len = READ_ONCE(elem->len);
	if (unlikely(id >= vq->vring.num)) {
		BAD_RING(vq, "used id %u out of range\n", id);
		return NULL;
	}
	if (unlikely(!vq->desc_state[id].data)) {
		BAD_RING(vq, "used id %u is not a head we gave out\n", id);
		return NULL;
	}
	vq->last_used_idx++;
	return detach_buf(vq, id);
}

/* Ask the device not to interrupt (a hint: spec 2.4.7.1). */
void virtqueue_disable_cb(struct virtqueue *_vq)
{
	struct vring_virtqueue *vq = to_vvq(_vq);

	if (!(vq->avail_flags_shadow & VRING_AVAIL_F_NO_INTERRUPT)) {
		vq->avail_flags_shadow |= VRING_AVAIL_F_NO_INTERRUPT;
		WRITE_ONCE(vq->vring.avail->flags, vq->avail_flags_shadow);
	}
}

/*
 * Ask for interrupts again. Returns false if buffers were used meanwhile: the caller must
 * process them (and usually disable callbacks again), since no interrupt will come for them.
 */
bool virtqueue_enable_cb(struct virtqueue *_vq)
{
	struct vring_virtqueue *vq = to_vvq(_vq);

	if (vq->avail_flags_shadow & VRING_AVAIL_F_NO_INTERRUPT) {
		vq->avail_flags_shadow &= ~VRING_AVAIL_F_NO_INTERRUPT;
		WRITE_ONCE(vq->vring.avail->flags, vq->avail_flags_shadow);
	}
	/* The flag store must be visible before we look at used->idx. */
	mb();
	return !more_used(vq);
}

bool virtqueue_is_broken(const struct virtqueue *_vq)
{
	return to_vvq((struct virtqueue *)_vq)->broken;
}

/* At teardown, after the device was reset: hand back buffers the device never used, one per call. */
void *virtqueue_detach_unused_buf(struct virtqueue *_vq)
{
	struct vring_virtqueue *vq = to_vvq(_vq);
	unsigned int i;

	for (i = 0; i < vq->vring.num; i++) {
		if (vq->desc_state[i].data)
			return detach_buf(vq, i);
	}
	return NULL;
}

unsigned int virtqueue_get_vring_size(const struct virtqueue *_vq)
{
	return to_vvq((struct virtqueue *)_vq)->vring.num;
}

dma_addr_t virtqueue_get_desc_addr(const struct virtqueue *_vq)
{
	return to_vvq((struct virtqueue *)_vq)->queue_dma;
}

dma_addr_t virtqueue_get_avail_addr(const struct virtqueue *_vq)
{
	const struct vring_virtqueue *vq = to_vvq((struct virtqueue *)_vq);

	return vq->queue_dma + ((char *)vq->vring.avail - (char *)vq->queue);
}

dma_addr_t virtqueue_get_used_addr(const struct virtqueue *_vq)
{
	const struct vring_virtqueue *vq = to_vvq((struct virtqueue *)_vq);

	return vq->queue_dma + ((char *)vq->vring.used - (char *)vq->queue);
}

/*
 * Interrupt for this queue (from the transport's handler): IRQ_NONE if nothing is new,
 * otherwise the driver's callback runs (it usually disables callbacks and schedules NAPI).
 */
noinline irqreturn_t vring_interrupt(int irq, void *_vq)
{
	struct vring_virtqueue *vq = to_vvq(_vq);

	if (!more_used(vq))
		return IRQ_NONE;
	if (unlikely(vq->broken))
		return IRQ_HANDLED;
	if (vq->vq.callback)
		vq->vq.callback(&vq->vq);
	return IRQ_HANDLED;
}

/*
 * A queue of num entries (a power of 2, at most 32768) in one zeroed DMA block laid out as
 * legacy devices require; modern devices get the three addresses separately.
 */
struct virtqueue *vring_create_virtqueue(unsigned int index, unsigned int num, unsigned int vring_align,
					 struct virtio_device *vdev, bool (*notify)(struct virtqueue *vq),
					 void (*callback)(struct virtqueue *vq), const char *name)
{
	struct vring_virtqueue *vq;
	unsigned int i;

	if (!num || (num & (num - 1)) || num > 32768) {
		pr_err("virtio: bad queue size %u for %s\n", num, name);
		return NULL;
	}
	vq = kzalloc(sizeof(*vq) + num * sizeof(struct vring_desc_state), GFP_KERNEL);
	if (!vq)
		return NULL;
	vq->next = kcalloc(num, sizeof(u16), GFP_KERNEL);
	if (!vq->next)
		goto err_next;
	vq->queue_size = vring_size(num, vring_align);
	vq->queue = dma_alloc_coherent(vdev->dev.parent, vq->queue_size, &vq->queue_dma, GFP_KERNEL);
	if (!vq->queue)
		goto err_queue;
	vring_init(&vq->vring, num, vq->queue, vring_align);

	vq->vq.callback = callback;
	vq->vq.vdev = vdev;
	vq->vq.name = name;
	vq->vq.index = index;
	vq->vq.num_free = num;
	vq->notify = notify;
	for (i = 0; i < num - 1; i++)
		vq->next[i] = i + 1;
	vq->next[num - 1] = 0;
	vq->free_head = 0;
	/* No callback wanted: tell the device not to interrupt at all. */
	if (!callback) {
		vq->avail_flags_shadow |= VRING_AVAIL_F_NO_INTERRUPT;
		vq->vring.avail->flags = vq->avail_flags_shadow;
	}
	list_add_tail(&vq->vq.list, &vdev->vqs);
	return &vq->vq;

err_queue:
	kfree(vq->next);
err_next:
	kfree(vq);
	return NULL;
}

void vring_del_virtqueue(struct virtqueue *_vq)
{
	struct vring_virtqueue *vq = to_vvq(_vq);

	list_del(&_vq->list);
	dma_free_coherent(vq->vq.vdev->dev.parent, vq->queue_size, vq->queue, vq->queue_dma);
	kfree(vq->next);
	kfree(vq);
}
