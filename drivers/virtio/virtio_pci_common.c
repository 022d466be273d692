/*
 * The virtio PCI driver: claims Red Hat/Qumranet 1AF4:1000-107F devices, sets up the modern
 * transport when the device offers it (transitional 1000 and modern-only 1041) and falls back to
 * the legacy one (disable-modern=on), then registers a virtio_device so the device driver
 * (virtio_net) can bind. One INTx interrupt per device: vp_interrupt reads the ISR and runs
 * vring_interrupt on every queue, or the config-change handler.
 */
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include "virtio_pci_common.h"

static irqreturn_t vp_vring_interrupt(int irq, void *opaque)
{
	struct virtio_pci_device *vp_dev = opaque;
	irqreturn_t ret = IRQ_NONE;
	struct virtqueue *vq;

	list_for_each_entry(vq, &vp_dev->vdev.vqs, list) {
		if (vring_interrupt(irq, vq) == IRQ_HANDLED)
			ret = IRQ_HANDLED;
	}
	return ret;
}

/* INTx handler. A zero ISR means the shared line was raised by someone else (spec 4.1.4.5). */
static irqreturn_t vp_interrupt(int irq, void *opaque)
{
	struct virtio_pci_device *vp_dev = opaque;
	u8 isr = vp_dev->read_isr(vp_dev);

	if (!isr)
		return IRQ_NONE;
	if (isr & VIRTIO_PCI_ISR_CONFIG)
		virtio_config_changed(&vp_dev->vdev);
	vp_vring_interrupt(irq, opaque);
	return IRQ_HANDLED;
}

void vp_del_vqs(struct virtio_device *vdev)
{
	struct virtio_pci_device *vp_dev = to_vp_device(vdev);
	struct virtqueue *vq, *n;

	if (!list_empty(&vdev->vqs))
		free_irq(vp_dev->pci_dev->irq, vp_dev);
	list_for_each_entry_safe(vq, n, &vdev->vqs, list)
		vp_dev->del_vq(vq);
}

int vp_find_vqs(struct virtio_device *vdev, unsigned int nvqs, struct virtqueue *vqs[],
		vq_callback_t *callbacks[], const char * const names[])
{
	struct virtio_pci_device *vp_dev = to_vp_device(vdev);
	unsigned int i;
	int err;

	for (i = 0; i < nvqs; i++) {
		vqs[i] = vp_dev->setup_vq(vp_dev, i, callbacks[i], names[i]);
		if (IS_ERR_OR_NULL(vqs[i])) {
			err = vqs[i] ? PTR_ERR(vqs[i]) : -ENOMEM;
			goto err_setup;
		}
	}
	err = request_irq(vp_dev->pci_dev->irq, vp_interrupt, IRQF_SHARED, vdev->name, vp_dev);
	if (err)
		goto err_setup;
	return 0;

err_setup:
	/* free_irq only runs in vp_del_vqs when the irq was requested: undo the queues by hand. */
	while (i--)
		vp_dev->del_vq(vqs[i]);
	return err;
}

const char *vp_bus_name(struct virtio_device *vdev)
{
	return pci_name(to_vp_device(vdev)->pci_dev);
}

static int virtio_pci_probe(struct pci_dev *pci_dev, const struct pci_device_id *id)
{
	struct virtio_pci_device *vp_dev;
	int err;

	/* 1000-103F transitional/legacy, 1040-107F modern (spec 4.1.2); the rest is not virtio. */
	if (pci_dev->device < 0x1000 || pci_dev->device > 0x107f)
		return -ENODEV;

	vp_dev = kzalloc(sizeof(*vp_dev), GFP_KERNEL);
	if (!vp_dev)
		return -ENOMEM;
	vp_dev->pci_dev = pci_dev;
	vp_dev->vdev.dev.parent = &pci_dev->dev;
	pci_set_drvdata(pci_dev, vp_dev);

	err = pci_enable_device(pci_dev);
	if (err)
		goto err_enable;

	err = virtio_pci_modern_probe(vp_dev);
	if (err == -ENODEV)
		err = virtio_pci_legacy_probe(vp_dev);
	if (err)
		goto err_probe;
	pci_set_master(pci_dev);

	pr_info("virtio-pci %s: %s transport, virtio device id %u, irq %u\n", pci_name(pci_dev),
		vp_dev->modern ? "modern" : "legacy", vp_dev->vdev.id.device, pci_dev->irq);
	err = register_virtio_device(&vp_dev->vdev);
	if (err)
		goto err_register;
	return 0;

err_register:
	if (vp_dev->remove)
		vp_dev->remove(vp_dev);
err_probe:
	pci_disable_device(pci_dev);
err_enable:
	pci_set_drvdata(pci_dev, NULL);
	kfree(vp_dev);
	return err;
}

static void virtio_pci_remove(struct pci_dev *pci_dev)
{
	struct virtio_pci_device *vp_dev = pci_get_drvdata(pci_dev);

	unregister_virtio_device(&vp_dev->vdev);
	if (vp_dev->remove)
		vp_dev->remove(vp_dev);
	pci_disable_device(pci_dev);
	kfree(vp_dev);
}

static const struct pci_device_id virtio_pci_id_table[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_REDHAT_QUMRANET, PCI_ANY_ID) },
	{ 0 }
};

static struct pci_driver virtio_pci_driver = {
	.name		= "virtio-pci",
	.id_table	= virtio_pci_id_table,
	.probe		= virtio_pci_probe,
	.remove		= virtio_pci_remove,
};

static int __init virtio_pci_driver_init(void)
{
	return pci_register_driver(&virtio_pci_driver);
}
device_initcall(virtio_pci_driver_init);
