/*
 * Virtio 1.0 PCI transport (spec 4.1.4): vendor-specific capabilities name a BAR and an offset
 * for the common configuration (features, status, queue setup), the notification area, the ISR
 * byte and the device configuration. QEMU's transitional 1AF4:1000 and modern-only 1AF4:1041
 * put them all in 64-bit memory BAR 4 (platform-facts.md).
 */
#include <linux/pci.h>
#include <linux/io.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/err.h>
#include "virtio_pci_common.h"

/* The first vendor capability of cfg_type whose BAR is a memory BAR we know (spec 4.1.4.1). */
static u8 virtio_pci_find_capability(struct pci_dev *dev, u8 cfg_type)
{
	u8 pos, type, bar;

	for (pos = pci_find_capability(dev, PCI_CAP_ID_VNDR); pos;
	     pos = pci_find_next_capability(dev, pos, PCI_CAP_ID_VNDR)) {
		pci_read_config_byte(dev, pos + offsetof(struct virtio_pci_cap, cfg_type), &type);
		pci_read_config_byte(dev, pos + offsetof(struct virtio_pci_cap, bar), &bar);
		if (type == cfg_type && bar < PCI_STD_NUM_BARS &&
		    (pci_resource_flags(dev, bar) & IORESOURCE_MEM) && pci_resource_len(dev, bar))
			return pos;
	}
	return 0;
}

/* Map the structure a capability points at, checking it is big enough and inside its BAR. */
static void __iomem *map_capability(struct pci_dev *dev, u8 pos, size_t minlen, size_t *len)
{
	u32 offset, length;
	u8 bar;

	pci_read_config_byte(dev, pos + offsetof(struct virtio_pci_cap, bar), &bar);
	pci_read_config_dword(dev, pos + offsetof(struct virtio_pci_cap, offset), &offset);
	pci_read_config_dword(dev, pos + offsetof(struct virtio_pci_cap, length), &length);
	if (length < minlen || (u64)offset + length > pci_resource_len(dev, bar)) {
		pr_err("virtio-pci %s: capability at %#x: bad range bar %u off %#x len %#x\n",
		       pci_name(dev), pos, bar, offset, length);
		return NULL;
	}
	if (len)
		*len = length;
	return ioremap(pci_resource_start(dev, bar) + offset, length);
}

static u64 vp_get_features(struct virtio_device *vdev)
{
	struct virtio_pci_common_cfg __iomem *cfg = to_vp_device(vdev)->common;
	u64 features;

	writel(0, &cfg->device_feature_select);
	features = readl(&cfg->device_feature);
	writel(1, &cfg->device_feature_select);
	features |= (u64)readl(&cfg->device_feature) << 32;
	return features;
}

static int vp_finalize_features(struct virtio_device *vdev)
{
	struct virtio_pci_common_cfg __iomem *cfg = to_vp_device(vdev)->common;

	/* This transport is the 1.0 one: a device without VERSION_1 cannot be driven through it. */
	if (!virtio_has_feature(vdev, VIRTIO_F_VERSION_1)) {
		pr_err("virtio %s: modern transport without VIRTIO_F_VERSION_1\n", vdev->name);
		return -EINVAL;
	}
	writel(0, &cfg->guest_feature_select);
	writel((u32)vdev->features, &cfg->guest_feature);
	writel(1, &cfg->guest_feature_select);
	writel(vdev->features >> 32, &cfg->guest_feature);
	return 0;
}

/* Device configuration, each field read at its natural width (spec 4.1.3.1). */
static void vp_get(struct virtio_device *vdev, unsigned int offset, void *buf, unsigned int len)
{
	struct virtio_pci_device *vp_dev = to_vp_device(vdev);
	void __iomem *p = (u8 __iomem *)vp_dev->device + offset;
	u8 *b = buf;
	u16 w;
	u32 l;
	unsigned int i;

	if (!vp_dev->device || offset + len > vp_dev->device_len) {
		memset(buf, 0, len);
		return;
	}
	switch (len) {
	case 2:
		w = readw(p);
		memcpy(buf, &w, 2);
		break;
	case 4:
		l = readl(p);
		memcpy(buf, &l, 4);
		break;
	default:
		for (i = 0; i < len; i++)
			b[i] = readb((u8 __iomem *)p + i);
		break;
	}
}

static void vp_set(struct virtio_device *vdev, unsigned int offset, const void *buf, unsigned int len)
{
	struct virtio_pci_device *vp_dev = to_vp_device(vdev);
	const u8 *b = buf;
	unsigned int i;

	if (!vp_dev->device || offset + len > vp_dev->device_len)
		return;
	for (i = 0; i < len; i++)
		writeb(b[i], (u8 __iomem *)vp_dev->device + offset + i);
}

static u32 vp_generation(struct virtio_device *vdev)
{
	return readb(&to_vp_device(vdev)->common->config_generation);
}

static u8 vp_get_status(struct virtio_device *vdev)
{
	return readb(&to_vp_device(vdev)->common->device_status);
}

static void vp_set_status(struct virtio_device *vdev, u8 status)
{
	/* 0 means reset: use vp_reset, which waits for it. */
	WARN_ON(status == 0);
	writeb(status, &to_vp_device(vdev)->common->device_status);
}

/* Writing 0 resets; the device says it is done by reading back 0 (spec 4.1.4.3.2). */
static void vp_reset(struct virtio_device *vdev)
{
	struct virtio_pci_common_cfg __iomem *cfg = to_vp_device(vdev)->common;
	int i;

	writeb(0, &cfg->device_status);
	for (i = 0; i < 100000 && readb(&cfg->device_status); i++)
		barrier();
	if (readb(&cfg->device_status))
		pr_err("virtio %s: device did not reset\n", vdev->name);
}

static u8 vp_read_isr(struct virtio_pci_device *vp_dev)
{
	return readb(vp_dev->isr);
}

static bool vp_notify(struct virtqueue *vq)
{
	writew(vq->index, (void __iomem *)vq->priv);
	return true;
}

static struct virtqueue *setup_vq(struct virtio_pci_device *vp_dev, unsigned int index,
				  void (*callback)(struct virtqueue *vq), const char *name)
{
	struct virtio_pci_common_cfg __iomem *cfg = vp_dev->common;
	struct virtqueue *vq;
	u16 num, off;
	u64 addr;

	if (index >= readw(&cfg->num_queues))
		return ERR_PTR(-ENOENT);
	writew(index, &cfg->queue_select);
	num = readw(&cfg->queue_size);
	if (!num || readw(&cfg->queue_enable))
		return ERR_PTR(-ENOENT);
	/* 1.0 devices accept any power of 2 up to what they offer. */
	while (num > VIRTIO_PCI_MAX_QUEUE_SIZE || (num & (num - 1)))
		num = num > VIRTIO_PCI_MAX_QUEUE_SIZE ? VIRTIO_PCI_MAX_QUEUE_SIZE : num & (num - 1);

	off = readw(&cfg->queue_notify_off);
	if ((size_t)off * vp_dev->notify_offset_multiplier + 2 > vp_dev->notify_len) {
		pr_err("virtio %s: queue %u notify offset %u outside the notify area\n",
		       vp_dev->vdev.name, index, off);
		return ERR_PTR(-EINVAL);
	}
	vq = vring_create_virtqueue(index, num, VIRTIO_PCI_VRING_ALIGN, &vp_dev->vdev, vp_notify,
				    callback, name);
	if (!vq)
		return ERR_PTR(-ENOMEM);
	vq->priv = (u8 __iomem *)vp_dev->notify_base + off * vp_dev->notify_offset_multiplier;

	writew(num, &cfg->queue_size);
	addr = virtqueue_get_desc_addr(vq);
	writel((u32)addr, &cfg->queue_desc_lo);
	writel(addr >> 32, &cfg->queue_desc_hi);
	addr = virtqueue_get_avail_addr(vq);
	writel((u32)addr, &cfg->queue_avail_lo);
	writel(addr >> 32, &cfg->queue_avail_hi);
	addr = virtqueue_get_used_addr(vq);
	writel((u32)addr, &cfg->queue_used_lo);
	writel(addr >> 32, &cfg->queue_used_hi);
	writew(1, &cfg->queue_enable);
	return vq;
}

/* 1.0 queues cannot be disabled one by one: the device was reset before this runs. */
static void del_vq(struct virtqueue *vq)
{
	vring_del_virtqueue(vq);
}

static void virtio_pci_modern_remove(struct virtio_pci_device *vp_dev)
{
	if (vp_dev->device)
		iounmap(vp_dev->device);
	iounmap(vp_dev->notify_base);
	iounmap(vp_dev->isr);
	iounmap(vp_dev->common);
}

static const struct virtio_config_ops virtio_pci_config_ops = {
	.get			= vp_get,
	.set			= vp_set,
	.generation		= vp_generation,
	.get_status		= vp_get_status,
	.set_status		= vp_set_status,
	.reset			= vp_reset,
	.find_vqs		= vp_find_vqs,
	.del_vqs		= vp_del_vqs,
	.get_features		= vp_get_features,
	.finalize_features	= vp_finalize_features,
	.bus_name		= vp_bus_name,
};

/* -ENODEV when the device has no modern capabilities: the caller then tries legacy. */
int virtio_pci_modern_probe(struct virtio_pci_device *vp_dev)
{
	struct pci_dev *pci_dev = vp_dev->pci_dev;
	u8 common, isr, notify, device;

	common = virtio_pci_find_capability(pci_dev, VIRTIO_PCI_CAP_COMMON_CFG);
	if (!common)
		return -ENODEV;
	isr = virtio_pci_find_capability(pci_dev, VIRTIO_PCI_CAP_ISR_CFG);
	notify = virtio_pci_find_capability(pci_dev, VIRTIO_PCI_CAP_NOTIFY_CFG);
	if (!isr || !notify) {
		pr_err("virtio-pci %s: missing ISR or notify capability\n", pci_name(pci_dev));
		return -EINVAL;
	}
	device = virtio_pci_find_capability(pci_dev, VIRTIO_PCI_CAP_DEVICE_CFG);

	/* Modern IDs are 0x1040 + device type; transitional ones carry it in the subsystem ID. */
	vp_dev->vdev.id.device = pci_dev->device >= 0x1040 ? pci_dev->device - 0x1040 :
							      pci_dev->subsystem_device;
	vp_dev->vdev.id.vendor = pci_dev->subsystem_vendor;

	vp_dev->common = map_capability(pci_dev, common, sizeof(struct virtio_pci_common_cfg), NULL);
	if (!vp_dev->common)
		goto err_common;
	vp_dev->isr = map_capability(pci_dev, isr, 1, NULL);
	if (!vp_dev->isr)
		goto err_isr;
	pci_read_config_dword(pci_dev, notify + offsetof(struct virtio_pci_notify_cap, notify_off_multiplier),
			      &vp_dev->notify_offset_multiplier);
	vp_dev->notify_base = map_capability(pci_dev, notify, 2, &vp_dev->notify_len);
	if (!vp_dev->notify_base)
		goto err_notify;
	if (device) {
		vp_dev->device = map_capability(pci_dev, device, 0, &vp_dev->device_len);
		if (!vp_dev->device)
			goto err_device;
	}

	vp_dev->modern = true;
	vp_dev->vdev.config = &virtio_pci_config_ops;
	vp_dev->setup_vq = setup_vq;
	vp_dev->del_vq = del_vq;
	vp_dev->read_isr = vp_read_isr;
	vp_dev->remove = virtio_pci_modern_remove;
	return 0;

err_device:
	iounmap(vp_dev->notify_base);
err_notify:
	iounmap(vp_dev->isr);
err_isr:
	iounmap(vp_dev->common);
err_common:
	return -EINVAL;
}
