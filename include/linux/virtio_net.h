/*
 * virtio-net device (Virtio 1.0 spec, 5.1): feature bits, the configuration layout and the
 * header that precedes every frame on the RX and TX queues.
 */
#ifndef _LINUX_VIRTIO_NET_H
#define _LINUX_VIRTIO_NET_H

#include <linux/types.h>

#define VIRTIO_NET_F_CSUM	0	/* device handles partial checksums (not used here) */
#define VIRTIO_NET_F_MAC	5	/* config.mac is valid */
#define VIRTIO_NET_F_MRG_RXBUF	15	/* num_buffers in the header: 12-byte header on legacy too */
#define VIRTIO_NET_F_STATUS	16	/* config.status is valid */

#define VIRTIO_NET_S_LINK_UP	1

struct virtio_net_config {
	u8 mac[6];
	__le16 status;			/* VIRTIO_NET_S_* */
	__le16 max_virtqueue_pairs;
	__le16 mtu;
} __attribute__((packed));

#define VIRTIO_NET_HDR_F_NEEDS_CSUM	1
#define VIRTIO_NET_HDR_GSO_NONE		0

/* Legacy header without MRG_RXBUF: 10 bytes. */
struct virtio_net_hdr {
	u8 flags;
	u8 gso_type;
	__le16 hdr_len;
	__le16 gso_size;
	__le16 csum_start;
	__le16 csum_offset;
};

/* 1.0 devices (and legacy with MRG_RXBUF): 12 bytes. */
struct virtio_net_hdr_mrg_rxbuf {
	struct virtio_net_hdr hdr;
	__le16 num_buffers;
};

#endif
