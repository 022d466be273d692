/*
 * Virtio over PCI (Virtio 1.0 spec, 4.1): the legacy register block in I/O BAR 0 (4.1.4.8) and
 * the modern layout, where vendor-specific PCI capabilities point at the common configuration,
 * notification, ISR and device configuration structures inside memory BARs (4.1.4).
 */
#ifndef _LINUX_VIRTIO_PCI_H
#define _LINUX_VIRTIO_PCI_H

#include <linux/types.h>

/* Legacy I/O registers (offsets into BAR 0) */
#define VIRTIO_PCI_HOST_FEATURES	0x00	/* 32 bits, read */
#define VIRTIO_PCI_GUEST_FEATURES	0x04	/* 32 bits, write */
#define VIRTIO_PCI_QUEUE_PFN		0x08	/* 32 bits: ring address >> 12 */
#define VIRTIO_PCI_QUEUE_NUM		0x0c	/* 16 bits, read: queue size */
#define VIRTIO_PCI_QUEUE_SEL		0x0e	/* 16 bits */
#define VIRTIO_PCI_QUEUE_NOTIFY		0x10	/* 16 bits: write the queue index */
#define VIRTIO_PCI_STATUS		0x12	/* 8 bits */
#define VIRTIO_PCI_ISR			0x13	/* 8 bits, read clears */
#define VIRTIO_PCI_CONFIG_OFF		0x14	/* device config (0x18 with MSI-X on; never here) */
#define VIRTIO_PCI_QUEUE_ADDR_SHIFT	12

/* ISR bits (both transports) */
#define VIRTIO_PCI_ISR_QUEUE		0x1
#define VIRTIO_PCI_ISR_CONFIG		0x2

/* Modern: vendor capability (PCI_CAP_ID_VNDR) layout */
#define VIRTIO_PCI_CAP_COMMON_CFG	1
#define VIRTIO_PCI_CAP_NOTIFY_CFG	2
#define VIRTIO_PCI_CAP_ISR_CFG		3
#define VIRTIO_PCI_CAP_DEVICE_CFG	4
#define VIRTIO_PCI_CAP_PCI_CFG		5

struct virtio_pci_cap {
	u8 cap_vndr;		/* PCI_CAP_ID_VNDR */
	u8 cap_next;
	u8 cap_len;
	u8 cfg_type;		/* VIRTIO_PCI_CAP_* */
	u8 bar;
	u8 padding[3];
	__le32 offset;		/* within the BAR */
	__le32 length;
};

struct virtio_pci_notify_cap {
	struct virtio_pci_cap cap;
	__le32 notify_off_multiplier;	/* queue notify address = base + queue_notify_off * this */
};

/* Modern common configuration structure (spec 4.1.4.3) */
struct virtio_pci_common_cfg {
	__le32 device_feature_select;
	__le32 device_feature;
	__le32 guest_feature_select;
	__le32 guest_feature;
	__le16 msix_config;
	__le16 num_queues;
	u8 device_status;
	u8 config_generation;
	__le16 queue_select;
	__le16 queue_size;
	__le16 queue_msix_vector;
	__le16 queue_enable;
	__le16 queue_notify_off;
	__le32 queue_desc_lo;
	__le32 queue_desc_hi;
	__le32 queue_avail_lo;
	__le32 queue_avail_hi;
	__le32 queue_used_lo;
	__le32 queue_used_hi;
};

#endif
