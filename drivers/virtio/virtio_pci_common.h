/*
 * State shared by the two virtio PCI transports: virtio_pci_modern.c (1.0 capabilities in a
 * memory BAR) and virtio_pci_legacy.c (the 0.9.5 register block in I/O BAR 0).
 */
#ifndef _DRIVERS_VIRTIO_PCI_COMMON_H
#define _DRIVERS_VIRTIO_PCI_COMMON_H

#include <linux/pci.h>
#include <linux/virtio.h>
#include <linux/virtio_config.h>
#include <linux/virtio_pci.h>
#include <linux/virtio_ring.h>
#include <linux/err.h>

struct virtio_pci_device {
	struct virtio_device vdev;
	struct pci_dev *pci_dev;
	bool modern;

	/* legacy: the port base of BAR 0 */
	unsigned long ioaddr;

	/* modern: the mapped structures the capabilities point at */
	struct virtio_pci_common_cfg __iomem *common;
	void __iomem *device;		/* device-specific configuration */
	size_t device_len;
	u8 __iomem *isr;
	void __iomem *notify_base;
	size_t notify_len;
	u32 notify_offset_multiplier;

	/* filled by the transport's probe */
	struct virtqueue *(*setup_vq)(struct virtio_pci_device *vp_dev, unsigned int index,
				      void (*callback)(struct virtqueue *vq), const char *name);
	void (*del_vq)(struct virtqueue *vq);
	u8 (*read_isr)(struct virtio_pci_device *vp_dev);	/* reading clears it */
	void (*remove)(struct virtio_pci_device *vp_dev);	/* optional: unmap */
};

static inline struct virtio_pci_device *to_vp_device(struct virtio_device *vdev)
{
	return container_of(vdev, struct virtio_pci_device, vdev);
}

/* A queue size we ask modern devices for (they may offer more); legacy must take theirs. */
#define VIRTIO_PCI_MAX_QUEUE_SIZE	256

int virtio_pci_modern_probe(struct virtio_pci_device *vp_dev);
int virtio_pci_legacy_probe(struct virtio_pci_device *vp_dev);

/* Common parts of struct virtio_config_ops (virtio_pci_common.c) */
int vp_find_vqs(struct virtio_device *vdev, unsigned int nvqs, struct virtqueue *vqs[],
		vq_callback_t *callbacks[], const char * const names[]);
void vp_del_vqs(struct virtio_device *vdev);
const char *vp_bus_name(struct virtio_device *vdev);

#endif
