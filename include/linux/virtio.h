/*
 * Virtio devices and drivers (Virtio 1.0 spec). A transport (drivers/virtio/virtio_pci_*.c)
 * finds a device and registers a struct virtio_device; a device driver (drivers/net/virtio_net.c)
 * registers a struct virtio_driver for a device ID; drivers/virtio/virtio.c matches the two and
 * negotiates features. Data moves through virtqueues (drivers/virtio/virtio_ring.c).
 */
#ifndef _LINUX_VIRTIO_H
#define _LINUX_VIRTIO_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/device.h>
#include <linux/scatterlist.h>
#include <linux/interrupt.h>

struct virtio_device;

/* One virtqueue as its driver sees it; the ring itself is private to virtio_ring.c. */
struct virtqueue {
	struct list_head list;		/* on vdev->vqs */
	void (*callback)(struct virtqueue *vq);	/* "buffers used", from the interrupt */
	const char *name;
	struct virtio_device *vdev;
	unsigned int index;
	unsigned int num_free;		/* descriptors free right now */
	void *priv;			/* the transport's (e.g. its notify address) */
};

int virtqueue_add_outbuf(struct virtqueue *vq, struct scatterlist sg[], unsigned int num,
			 void *data, gfp_t gfp);
int virtqueue_add_inbuf(struct virtqueue *vq, struct scatterlist sg[], unsigned int num,
			void *data, gfp_t gfp);
int virtqueue_add_sgs(struct virtqueue *vq, struct scatterlist *sgs[], unsigned int out_sgs,
		      unsigned int in_sgs, void *data, gfp_t gfp);
bool virtqueue_kick(struct virtqueue *vq);
bool virtqueue_kick_prepare(struct virtqueue *vq);
bool virtqueue_notify(struct virtqueue *vq);
void *virtqueue_get_buf(struct virtqueue *vq, unsigned int *len);
void virtqueue_disable_cb(struct virtqueue *vq);
bool virtqueue_enable_cb(struct virtqueue *vq);
bool virtqueue_is_broken(const struct virtqueue *vq);
void *virtqueue_detach_unused_buf(struct virtqueue *vq);
unsigned int virtqueue_get_vring_size(const struct virtqueue *vq);
dma_addr_t virtqueue_get_desc_addr(const struct virtqueue *vq);
dma_addr_t virtqueue_get_avail_addr(const struct virtqueue *vq);
dma_addr_t virtqueue_get_used_addr(const struct virtqueue *vq);

struct virtio_device_id {
	u32 device;
	u32 vendor;
};
#define VIRTIO_DEV_ANY_ID	0xffffffff

#define VIRTIO_ID_NET		1

struct virtio_device {
	int index;			/* virtio0, virtio1 ... */
	struct device dev;		/* dev.parent is the PCI device */
	struct virtio_device_id id;
	const struct virtio_config_ops *config;
	struct list_head vqs;
	u64 features;			/* negotiated */
	struct virtio_driver *driver;	/* bound driver or NULL */
	struct list_head node;		/* on the bus's device list */
	char name[16];
	void *priv;			/* the device driver's */
};

struct virtio_driver {
	const char *name;
	const struct virtio_device_id *id_table;	/* ends with a zero device */
	const unsigned int *feature_table;		/* feature bits the driver understands */
	unsigned int feature_table_size;
	int (*probe)(struct virtio_device *dev);
	void (*remove)(struct virtio_device *dev);
	void (*config_changed)(struct virtio_device *dev);
	struct list_head node;
};

int register_virtio_device(struct virtio_device *dev);
void unregister_virtio_device(struct virtio_device *dev);
int register_virtio_driver(struct virtio_driver *drv);
void unregister_virtio_driver(struct virtio_driver *drv);
void virtio_config_changed(struct virtio_device *dev);

/* The ring (virtio_ring.c), for transports */
struct virtqueue *vring_create_virtqueue(unsigned int index, unsigned int num, unsigned int vring_align,
					 struct virtio_device *vdev, bool (*notify)(struct virtqueue *vq),
					 void (*callback)(struct virtqueue *vq), const char *name);
void vring_del_virtqueue(struct virtqueue *vq);
irqreturn_t vring_interrupt(int irq, void *_vq);

#endif
