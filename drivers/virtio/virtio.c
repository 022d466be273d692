/*
 * The virtio "bus": transports register devices, device drivers register by device ID, and a
 * match runs the driver-side initialisation of Virtio 1.0 spec 3.1.1: reset, ACKNOWLEDGE,
 * DRIVER, feature negotiation (FEATURES_OK for 1.0 devices), the driver's probe (which sets up
 * its virtqueues), DRIVER_OK. Either side may register first.
 */
#include <linux/virtio.h>
#include <linux/virtio_config.h>
#include <linux/kernel.h>
#include <linux/errno.h>

static LIST_HEAD(virtio_devices);
static LIST_HEAD(virtio_drivers);
static int virtio_index;

static void virtio_add_status(struct virtio_device *dev, u8 status)
{
	dev->config->set_status(dev, dev->config->get_status(dev) | status);
}

static bool virtio_id_match(const struct virtio_device *dev, const struct virtio_device_id *id)
{
	if (id->device != dev->id.device && id->device != VIRTIO_DEV_ANY_ID)
		return false;
	return id->vendor == VIRTIO_DEV_ANY_ID || id->vendor == dev->id.vendor;
}

static bool virtio_dev_match(const struct virtio_device *dev, const struct virtio_driver *drv)
{
	const struct virtio_device_id *id;

	for (id = drv->id_table; id->device; id++) {
		if (virtio_id_match(dev, id))
			return true;
	}
	return false;
}

/*
 * Features = what the device offers AND what the driver's table lists, plus VIRTIO_F_VERSION_1
 * when offered: we speak 1.0 whenever the transport can (spec 6: transport bits are ours).
 */
static u64 virtio_negotiate(struct virtio_device *dev, const struct virtio_driver *drv)
{
	u64 device_features = dev->config->get_features(dev);
	u64 driver_features = 1ULL << VIRTIO_F_VERSION_1;
	unsigned int i;

	for (i = 0; i < drv->feature_table_size; i++)
		driver_features |= 1ULL << drv->feature_table[i];
	return device_features & driver_features;
}

static int virtio_features_ok(struct virtio_device *dev)
{
	int err = dev->config->finalize_features(dev);

	if (err)
		return err;
	if (!virtio_has_feature(dev, VIRTIO_F_VERSION_1))
		return 0;	/* legacy devices have no FEATURES_OK handshake */
	virtio_add_status(dev, VIRTIO_CONFIG_S_FEATURES_OK);
	if (!(dev->config->get_status(dev) & VIRTIO_CONFIG_S_FEATURES_OK)) {
		pr_err("virtio %s: device refused features %#llx\n", dev->name,
		       (unsigned long long)dev->features);
		return -ENODEV;
	}
	return 0;
}

static int virtio_dev_probe(struct virtio_device *dev, struct virtio_driver *drv)
{
	int err;

	virtio_add_status(dev, VIRTIO_CONFIG_S_DRIVER);
	dev->features = virtio_negotiate(dev, drv);
	err = virtio_features_ok(dev);
	if (err)
		goto err_fail;
	dev->driver = drv;
	err = drv->probe(dev);
	if (err) {
		dev->driver = NULL;
		goto err_fail;
	}
	/* A driver may already have said DRIVER_OK to use its queues inside probe. */
	if (!(dev->config->get_status(dev) & VIRTIO_CONFIG_S_DRIVER_OK))
		virtio_device_ready(dev);
	return 0;

err_fail:
	pr_warn("virtio %s: %s probe failed: %d\n", dev->name, drv->name, err);
	virtio_add_status(dev, VIRTIO_CONFIG_S_FAILED);
	return err;
}

int register_virtio_device(struct virtio_device *dev)
{
	struct virtio_driver *drv;

	dev->index = virtio_index++;
	snprintf(dev->name, sizeof(dev->name), "virtio%d", dev->index);
	dev->dev.init_name = dev->name;
	INIT_LIST_HEAD(&dev->vqs);
	dev->driver = NULL;

	/* Start from a clean device, then say we have seen it (spec 3.1.1 steps 1-2). */
	dev->config->reset(dev);
	virtio_add_status(dev, VIRTIO_CONFIG_S_ACKNOWLEDGE);
	list_add_tail(&dev->node, &virtio_devices);

	list_for_each_entry(drv, &virtio_drivers, node) {
		if (virtio_dev_match(dev, drv) && !virtio_dev_probe(dev, drv))
			break;
	}
	return 0;
}

void unregister_virtio_device(struct virtio_device *dev)
{
	if (dev->driver && dev->driver->remove)
		dev->driver->remove(dev);
	dev->driver = NULL;
	dev->config->reset(dev);
	list_del(&dev->node);
}

int register_virtio_driver(struct virtio_driver *drv)
{
	struct virtio_device *dev;

	list_add_tail(&drv->node, &virtio_drivers);
	list_for_each_entry(dev, &virtio_devices, node) {
		if (!dev->driver && virtio_dev_match(dev, drv))
			virtio_dev_probe(dev, drv);
	}
	return 0;
}

void unregister_virtio_driver(struct virtio_driver *drv)
{
	struct virtio_device *dev;

	list_for_each_entry(dev, &virtio_devices, node) {
		if (dev->driver != drv)
			continue;
		if (drv->remove)
			drv->remove(dev);
		dev->driver = NULL;
		dev->config->reset(dev);
	}
	list_del(&drv->node);
}

/* The transport saw a configuration-change interrupt (virtio-net: link status). */
void virtio_config_changed(struct virtio_device *dev)
{
	if (dev->driver && dev->driver->config_changed)
		dev->driver->config_changed(dev);
}
