/*
 * Legacy (virtio 0.9.5) PCI transport (Virtio 1.0 spec 4.1.4.8): one register block in I/O
 * BAR 0 with 32 feature bits, the status and ISR bytes, and each queue given to the device as
 * the page number of one contiguous ring (used ring 4096-aligned). QEMU offers only this with
 * disable-modern=on; the device config (the MAC) follows the registers at offset 0x14.
 */
#include <linux/pci.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <asm/io.h>
#include "virtio_pci_common.h"

static u64 vp_legacy_get_features(struct virtio_device *vdev)
{
	return inl(to_vp_device(vdev)->ioaddr + VIRTIO_PCI_HOST_FEATURES);
}

static int vp_legacy_finalize_features(struct virtio_device *vdev)
{
	/* Only 32 feature bits exist here; VERSION_1 (bit 32) cannot have been offered. */
	if (vdev->features >> 32)
		return -EINVAL;
	outl((u32)vdev->features, to_vp_device(vdev)->ioaddr + VIRTIO_PCI_GUEST_FEATURES);
	return 0;
}

static void vp_legacy_get(struct virtio_device *vdev, unsigned int offset, void *buf, unsigned int len)
{
	unsigned long ioaddr = to_vp_device(vdev)->ioaddr + VIRTIO_PCI_CONFIG_OFF + offset;
	u8 *b = buf;
	unsigned int i;

	for (i = 0; i < len; i++)
		b[i] = inb(ioaddr + i);
}

static void vp_legacy_set(struct virtio_device *vdev, unsigned int offset, const void *buf,
			  unsigned int len)
{
	unsigned long ioaddr = to_vp_device(vdev)->ioaddr + VIRTIO_PCI_CONFIG_OFF + offset;
	const u8 *b = buf;
	unsigned int i;

	for (i = 0; i < len; i++)
		outb(b[i], ioaddr + i);
}

static u8 vp_legacy_get_status(struct virtio_device *vdev)
{
	return inb(to_vp_device(vdev)->ioaddr + VIRTIO_PCI_STATUS);
}

static void vp_legacy_set_status(struct virtio_device *vdev, u8 status)
{
	WARN_ON(status == 0);
	outb(status, to_vp_device(vdev)->ioaddr + VIRTIO_PCI_STATUS);
}

static void vp_legacy_reset(struct virtio_device *vdev)
{
	struct virtio_pci_device *vp_dev = to_vp_device(vdev);

	outb(0, vp_dev->ioaddr + VIRTIO_PCI_STATUS);
	/* A read makes sure the reset reached the device before we go on. */
	inb(vp_dev->ioaddr + VIRTIO_PCI_STATUS);
}

static u8 vp_legacy_read_isr(struct virtio_pci_device *vp_dev)
{
	return inb(vp_dev->ioaddr + VIRTIO_PCI_ISR);
}

static bool vp_legacy_notify(struct virtqueue *vq)
{
	struct virtio_pci_device *vp_dev = to_vp_device(vq->vdev);

	outw(vq->index, vp_dev->ioaddr + VIRTIO_PCI_QUEUE_NOTIFY);
	return true;
}

static struct virtqueue *setup_legacy_vq(struct virtio_pci_device *vp_dev, unsigned int index,
					 void (*callback)(struct virtqueue *vq), const char *name)
{
	unsigned long ioaddr = vp_dev->ioaddr;
	struct virtqueue *vq;
	dma_addr_t pfn;
	u16 num;

	outw(index, ioaddr + VIRTIO_PCI_QUEUE_SEL);
	num = inw(ioaddr + VIRTIO_PCI_QUEUE_NUM);
	if (!num || inl(ioaddr + VIRTIO_PCI_QUEUE_PFN))
		return ERR_PTR(-ENOENT);
	/* A legacy device's queue size is fixed: we must use exactly its num. */
	vq = vring_create_virtqueue(index, num, VIRTIO_PCI_VRING_ALIGN, &vp_dev->vdev,
				    vp_legacy_notify, callback, name);
	if (!vq)
		return ERR_PTR(-ENOMEM);
	pfn = virtqueue_get_desc_addr(vq) >> VIRTIO_PCI_QUEUE_ADDR_SHIFT;
	if (pfn >> 32) {
		vring_del_virtqueue(vq);
		return ERR_PTR(-E2BIG);
	}
	outl(pfn, ioaddr + VIRTIO_PCI_QUEUE_PFN);
	return vq;
}

static void del_legacy_vq(struct virtqueue *vq)
{
	struct virtio_pci_device *vp_dev = to_vp_device(vq->vdev);

	outw(vq->index, vp_dev->ioaddr + VIRTIO_PCI_QUEUE_SEL);
	outl(0, vp_dev->ioaddr + VIRTIO_PCI_QUEUE_PFN);
	vring_del_virtqueue(vq);
}

static const struct virtio_config_ops virtio_pci_legacy_config_ops = {
	.get			= vp_legacy_get,
	.set			= vp_legacy_set,
	.get_status		= vp_legacy_get_status,
	.set_status		= vp_legacy_set_status,
	.reset			= vp_legacy_reset,
	.find_vqs		= vp_find_vqs,
	.del_vqs		= vp_del_vqs,
	.get_features		= vp_legacy_get_features,
	.finalize_features	= vp_legacy_finalize_features,
	.bus_name		= vp_bus_name,
};

int virtio_pci_legacy_probe(struct virtio_pci_device *vp_dev)
{
	struct pci_dev *pci_dev = vp_dev->pci_dev;

	/* Only transitional IDs have the legacy interface (spec 4.1.2.3). */
	if (pci_dev->device > 0x103f)
		return -ENODEV;
	if (!(pci_resource_flags(pci_dev, 0) & IORESOURCE_IO)) {
		pr_err("virtio-pci %s: legacy device without an I/O BAR 0\n", pci_name(pci_dev));
		return -ENODEV;
	}
	vp_dev->ioaddr = pci_resource_start(pci_dev, 0);
	vp_dev->vdev.id.device = pci_dev->subsystem_device;
	vp_dev->vdev.id.vendor = pci_dev->subsystem_vendor;
	vp_dev->modern = false;
	vp_dev->vdev.config = &virtio_pci_legacy_config_ops;
	vp_dev->setup_vq = setup_legacy_vq;
	vp_dev->del_vq = del_legacy_vq;
	vp_dev->read_isr = vp_legacy_read_isr;
	return 0;
}
