/*
 * What a virtio transport offers its device driver (Virtio 1.0 spec, 2.1-2.3, 3.1): the
 * device status byte, feature bits, the device-specific configuration space and virtqueue
 * setup. virtio_pci_modern.c and virtio_pci_legacy.c each fill a struct virtio_config_ops.
 */
#ifndef _LINUX_VIRTIO_CONFIG_H
#define _LINUX_VIRTIO_CONFIG_H

#include <linux/virtio.h>
#include <linux/bug.h>

/* Device status bits (spec 2.1) */
#define VIRTIO_CONFIG_S_ACKNOWLEDGE	1	/* guest saw the device */
#define VIRTIO_CONFIG_S_DRIVER		2	/* guest has a driver for it */
#define VIRTIO_CONFIG_S_DRIVER_OK	4	/* driver ready: device may use the queues */
#define VIRTIO_CONFIG_S_FEATURES_OK	8	/* feature negotiation done (1.0 only) */
#define VIRTIO_CONFIG_S_NEEDS_RESET	0x40
#define VIRTIO_CONFIG_S_FAILED		0x80

/* Transport feature bits (spec 6) */
#define VIRTIO_TRANSPORT_F_START	28
#define VIRTIO_TRANSPORT_F_END		38
#define VIRTIO_F_ANY_LAYOUT		27	/* legacy: header may share a descriptor with data */
#define VIRTIO_F_VERSION_1		32	/* a 1.0 ("modern") device */

typedef void vq_callback_t(struct virtqueue *);

struct virtio_config_ops {
	void (*get)(struct virtio_device *vdev, unsigned int offset, void *buf, unsigned int len);
	void (*set)(struct virtio_device *vdev, unsigned int offset, const void *buf, unsigned int len);
	u32 (*generation)(struct virtio_device *vdev);
	u8 (*get_status)(struct virtio_device *vdev);
	void (*set_status)(struct virtio_device *vdev, u8 status);
	void (*reset)(struct virtio_device *vdev);
	int (*find_vqs)(struct virtio_device *vdev, unsigned int nvqs, struct virtqueue *vqs[],
			vq_callback_t *callbacks[], const char * const names[]);
	void (*del_vqs)(struct virtio_device *vdev);
	u64 (*get_features)(struct virtio_device *vdev);
	/* Write vdev->features to the device; -ENODEV if the transport cannot use them. */
	int (*finalize_features)(struct virtio_device *vdev);
	const char *(*bus_name)(struct virtio_device *vdev);
};

static inline bool __virtio_test_bit(const struct virtio_device *vdev, unsigned int fbit)
{
	return vdev->features & (1ULL << fbit);
}

static inline void __virtio_set_bit(struct virtio_device *vdev, unsigned int fbit)
{
	vdev->features |= 1ULL << fbit;
}

static inline void __virtio_clear_bit(struct virtio_device *vdev, unsigned int fbit)
{
	vdev->features &= ~(1ULL << fbit);
}

static inline bool virtio_has_feature(const struct virtio_device *vdev, unsigned int fbit)
{
	return __virtio_test_bit(vdev, fbit);
}

/* Tell the device the driver is ready; queues may be kicked from now on. */
static inline void virtio_device_ready(struct virtio_device *dev)
{
	u8 status = dev->config->get_status(dev);

	BUG_ON(status & VIRTIO_CONFIG_S_DRIVER_OK);
	dev->config->set_status(dev, status | VIRTIO_CONFIG_S_DRIVER_OK);
}

/*
 * Read len bytes of device configuration, retrying while the device changes it under us
 * (spec 2.3.1: the generation counter changes between the two reads).
 */
static inline void virtio_cread_bytes(struct virtio_device *vdev, unsigned int offset, void *buf,
				      unsigned int len)
{
	u32 old, gen = vdev->config->generation ? vdev->config->generation(vdev) : 0;

	do {
		old = gen;
		vdev->config->get(vdev, offset, buf, len);
		gen = vdev->config->generation ? vdev->config->generation(vdev) : 0;
	} while (gen != old);
}

static inline u16 virtio_cread16(struct virtio_device *vdev, unsigned int offset)
{
	u16 v;

	virtio_cread_bytes(vdev, offset, &v, sizeof(v));
	return v;	/* little-endian device, little-endian CPU */
}

#endif
