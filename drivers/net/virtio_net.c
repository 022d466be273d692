/*
 * virtio-net (Virtio 1.0 spec 5.1) on the virtio bus, written for this kernel. Queue 0 receives,
 * queue 1 transmits; every frame is preceded by a struct virtio_net_hdr (10 bytes legacy, 12 with
 * VIRTIO_F_VERSION_1). No offloads are negotiated, so the header we send is all zeros and the
 * one we receive carries nothing we need.
 * Receive: the device fills a posted buffer and interrupts -> vring_interrupt -> skb_recv_done
 * -> napi_schedule -> net_rx_action -> virtnet_poll -> receive_buf -> netif_receive_skb.
 * Transmit: dev_queue_xmit -> ... -> ndo_start_xmit = start_xmit; completions come back
 * through skb_xmit_done -> NAPI, where free_old_xmit_skbs reclaims them and wakes the queue.
 */
#include <linux/virtio.h>
#include <linux/virtio_config.h>
#include <linux/virtio_net.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/skbuff.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/slab.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/byteorder.h>

/* Room for the largest frame we accept: Ethernet header, a VLAN tag, 1500 bytes of payload. */
#define GOOD_PACKET_LEN		(ETH_HLEN + 4 + ETH_DATA_LEN)
/* Descriptors per frame: the header and the frame itself always go in separate buffers. */
#define VIRTNET_DESCS_PER_FRAME	2

struct virtnet_info {
	struct virtio_device *vdev;
	struct net_device *dev;
	struct virtqueue *rvq;		/* queue 0: buffers for the device to fill */
	struct virtqueue *svq;		/* queue 1: frames for the device to send */
	struct napi_struct napi;
	unsigned int hdr_len;		/* sizeof(virtio_net_hdr) or sizeof(..._mrg_rxbuf) */
	void *tx_hdr;			/* the one all-zero header every TX frame points at */
	struct timer_list refill;	/* retries filling the RX queue after an allocation failure */
	bool status_changed;		/* config interrupt seen: virtnet_poll re-reads the link */
};

static const unsigned int features[] = {
	VIRTIO_NET_F_MAC,
	VIRTIO_NET_F_STATUS,
};

static const struct virtio_device_id id_table[] = {
	{ VIRTIO_ID_NET, VIRTIO_DEV_ANY_ID },
	{ 0 },
};

/* ---- link status ------------------------------------------------------------------------- */

static void virtnet_update_status(struct virtnet_info *vi)
{
	u16 status = VIRTIO_NET_S_LINK_UP;	/* without the STATUS feature the link is always up */

	if (virtio_has_feature(vi->vdev, VIRTIO_NET_F_STATUS))
		status = virtio_cread16(vi->vdev, offsetof(struct virtio_net_config, status));
	if (!!(status & VIRTIO_NET_S_LINK_UP) == netif_carrier_ok(vi->dev))
		return;
	if (status & VIRTIO_NET_S_LINK_UP) {
		pr_info("%s: virtio_net link up\n", vi->dev->name);
		netif_carrier_on(vi->dev);
	} else {
		pr_info("%s: virtio_net link down\n", vi->dev->name);
		netif_carrier_off(vi->dev);
	}
}

/* From the transport's interrupt: defer the carrier change to NAPI (softirq) context. */
static void virtnet_config_changed(struct virtio_device *vdev)
{
	struct virtnet_info *vi = vdev->priv;

	vi->status_changed = true;
	if (netif_running(vi->dev))
		napi_schedule(&vi->napi);
}

/* ---- receive ----------------------------------------------------------------------------- */

/* Post one empty buffer: header first, then room for a whole frame, both device-writable. */
static int add_recvbuf(struct virtnet_info *vi, gfp_t gfp)
{
	struct scatterlist sg[VIRTNET_DESCS_PER_FRAME];
	struct sk_buff *skb;
	int err;

	skb = netdev_alloc_skb(vi->dev, vi->hdr_len + GOOD_PACKET_LEN);
	if (!skb)
		return -ENOMEM;
	sg_init_table(sg, VIRTNET_DESCS_PER_FRAME);
	sg_set_buf(&sg[0], skb->data, vi->hdr_len);
	sg_set_buf(&sg[1], skb->data + vi->hdr_len, GOOD_PACKET_LEN);
	err = virtqueue_add_inbuf(vi->rvq, sg, VIRTNET_DESCS_PER_FRAME, skb, gfp);
	if (err < 0)
		kfree_skb(skb);
	return err;
}

/* Keep the RX queue full. False if memory ran out (the refill timer tries again). */
static bool try_fill_recv(struct virtnet_info *vi, gfp_t gfp)
{
	bool oom = false;
	int err;

	while (vi->rvq->num_free >= VIRTNET_DESCS_PER_FRAME) {
		err = add_recvbuf(vi, gfp);
		if (err) {
			oom = err == -ENOMEM;
			break;
		}
	}
	virtqueue_kick(vi->rvq);
	return !oom;
}

static void refill_work(struct timer_list *t)
{
	struct virtnet_info *vi = from_timer(vi, t, refill);

	local_bh_disable();	/* the queue is also touched from virtnet_poll */
	if (!try_fill_recv(vi, GFP_ATOMIC))
		mod_timer(&vi->refill, jiffies + HZ / 2);
	local_bh_enable();
}

/* One used RX buffer of len bytes (header included) up the stack, or counted as an error. */
static void receive_buf(struct virtnet_info *vi, struct sk_buff *skb, unsigned int len)
{
	struct net_device *dev = vi->dev;

	if (unlikely(len < vi->hdr_len + ETH_HLEN || len > vi->hdr_len + GOOD_PACKET_LEN)) {
		dev->stats.rx_length_errors++;
		dev->stats.rx_errors++;
		kfree_skb(skb);
		return;
	}
	skb_put(skb, len);
	skb_pull(skb, vi->hdr_len);
	len -= vi->hdr_len;	/* now the frame's length */
	dev->stats.rx_packets++;
	dev->stats.rx_bytes += len;
	skb->protocol = eth_type_trans(skb, dev);
	if (skb->pkt_type == PACKET_MULTICAST)
		dev->stats.multicast++;
	net_debug(NET_DBG_DRIVER, "%s: rx %u bytes proto %04x\n", dev->name, len, ntohs(skb->protocol));
	netif_receive_skb(skb);
}

static int virtnet_receive(struct virtnet_info *vi, int budget)
{
	struct sk_buff *skb;
	unsigned int len;
	int received = 0;

	while (received < budget && (skb = virtqueue_get_buf(vi->rvq, &len)) != NULL) {
		receive_buf(vi, skb, len);
		received++;
	}
	if (vi->rvq->num_free >= VIRTNET_DESCS_PER_FRAME && !try_fill_recv(vi, GFP_ATOMIC))
		mod_timer(&vi->refill, jiffies + HZ / 2);
	return received;
}

/* RX interrupt (vring_interrupt): no more interrupts until NAPI has emptied the queue. */
static noinline void skb_recv_done(struct virtqueue *rvq)
{
	struct virtnet_info *vi = rvq->vdev->priv;

	virtqueue_disable_cb(rvq);
	napi_schedule(&vi->napi);
}

/* ---- transmit ---------------------------------------------------------------------------- */

/* Reclaim frames the device has sent: count them and free their skbs. */
static void free_old_xmit_skbs(struct virtnet_info *vi)
{
	struct net_device *dev = vi->dev;
	struct sk_buff *skb;
	unsigned int len;

	while ((skb = virtqueue_get_buf(vi->svq, &len)) != NULL) {
		dev->stats.tx_packets++;
		dev->stats.tx_bytes += skb->len;
		consume_skb(skb);
	}
}

/* TX completion reclaim in NAPI context; leaves TX interrupts enabled and nothing pending. */
static void virtnet_poll_cleantx(struct virtnet_info *vi)
{
	do {
		virtqueue_disable_cb(vi->svq);
		free_old_xmit_skbs(vi);
	} while (!virtqueue_enable_cb(vi->svq));

	if (netif_queue_stopped(vi->dev) && vi->svq->num_free >= VIRTNET_DESCS_PER_FRAME)
		netif_wake_queue(vi->dev);
}

static noinline void skb_xmit_done(struct virtqueue *svq)
{
	struct virtnet_info *vi = svq->vdev->priv;

	virtqueue_disable_cb(svq);
	napi_schedule(&vi->napi);
}

static noinline netdev_tx_t start_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct virtnet_info *vi = netdev_priv(dev);
	struct scatterlist sg[VIRTNET_DESCS_PER_FRAME];
	int err;

	if (unlikely(skb->len == 0 || skb->len > GOOD_PACKET_LEN)) {
		dev->stats.tx_dropped++;
		dev_kfree_skb_any(skb);
		return NETDEV_TX_OK;
	}
	sg_init_table(sg, VIRTNET_DESCS_PER_FRAME);
	sg_set_buf(&sg[0], vi->tx_hdr, vi->hdr_len);
	sg_set_buf(&sg[1], skb->data, skb->len);
	err = virtqueue_add_outbuf(vi->svq, sg, VIRTNET_DESCS_PER_FRAME, skb, GFP_ATOMIC);
	if (unlikely(err == -ENOSPC)) {
		/* Should not happen: we stop the queue before it fills. Let the core requeue. */
		netif_stop_queue(dev);
		return NETDEV_TX_BUSY;
	}
	if (unlikely(err)) {
		dev->stats.tx_errors++;
		dev->stats.tx_dropped++;
		dev_kfree_skb_any(skb);
		return NETDEV_TX_OK;
	}
	net_debug(NET_DBG_DRIVER, "%s: tx %u bytes\n", dev->name, skb->len);
	virtqueue_kick(vi->svq);

	/* No room for another frame: stop until skb_xmit_done -> virtnet_poll frees some. */
	if (vi->svq->num_free < VIRTNET_DESCS_PER_FRAME) {
		netif_stop_queue(dev);
		/* A completion may have raced with the stop: look once more. */
		free_old_xmit_skbs(vi);
		if (vi->svq->num_free >= VIRTNET_DESCS_PER_FRAME)
			netif_start_queue(dev);
	}
	return NETDEV_TX_OK;
}

/* ---- NAPI and net_device_ops ------------------------------------------------------------- */

static noinline int virtnet_poll(struct napi_struct *napi, int budget)
{
	struct virtnet_info *vi = container_of(napi, struct virtnet_info, napi);
	int received;

	if (vi->status_changed) {
		vi->status_changed = false;
		virtnet_update_status(vi);
	}
	virtnet_poll_cleantx(vi);
	received = virtnet_receive(vi, budget);

	if (received < budget && napi_complete_done(napi, received)) {
		/* Buffers used between our last look and re-enabling: poll again, no IRQ will come. */
		if (!virtqueue_enable_cb(vi->rvq)) {
			virtqueue_disable_cb(vi->rvq);
			napi_schedule(napi);
		}
	}
	return received;
}

static int virtnet_open(struct net_device *dev)
{
	struct virtnet_info *vi = netdev_priv(dev);

	if (!try_fill_recv(vi, GFP_KERNEL))
		mod_timer(&vi->refill, jiffies + HZ / 2);
	napi_enable(&vi->napi);
	virtqueue_enable_cb(vi->svq);
	/* Anything that arrived before open is waiting in the used ring: look now. */
	virtqueue_disable_cb(vi->rvq);
	napi_schedule(&vi->napi);
	virtnet_update_status(vi);
	netif_start_queue(dev);
	return 0;
}

/* RX buffers stay posted while the interface is down, as in Linux; NAPI and refills stop. */
static int virtnet_close(struct net_device *dev)
{
	struct virtnet_info *vi = netdev_priv(dev);

	netif_stop_queue(dev);
	del_timer(&vi->refill);
	virtqueue_disable_cb(vi->rvq);
	virtqueue_disable_cb(vi->svq);
	napi_disable(&vi->napi);
	return 0;
}

static const struct net_device_ops virtnet_netdev = {
	.ndo_open		= virtnet_open,
	.ndo_stop		= virtnet_close,
	.ndo_start_xmit		= start_xmit,
	.ndo_set_mac_address	= eth_mac_addr,
};

/* ---- virtio driver ----------------------------------------------------------------------- */

static int init_vqs(struct virtnet_info *vi)
{
	vq_callback_t *callbacks[] = { skb_recv_done, skb_xmit_done };
	static const char * const names[] = { "input", "output" };
	struct virtqueue *vqs[2];
	int err;

	err = vi->vdev->config->find_vqs(vi->vdev, 2, vqs, callbacks, names);
	if (err)
		return err;
	vi->rvq = vqs[0];
	vi->svq = vqs[1];
	return 0;
}

/* Give back every skb still sitting in a queue (the device has been reset). */
static void free_unused_bufs(struct virtnet_info *vi)
{
	struct sk_buff *skb;

	while ((skb = virtqueue_detach_unused_buf(vi->svq)) != NULL)
		dev_kfree_skb_any(skb);
	while ((skb = virtqueue_detach_unused_buf(vi->rvq)) != NULL)
		consume_skb(skb);
}

static int virtnet_probe(struct virtio_device *vdev)
{
	struct virtnet_info *vi;
	struct net_device *dev;
	u8 mac[ETH_ALEN];
	char macstr[18];
	int err = -ENOMEM;

	dev = alloc_etherdev(sizeof(struct virtnet_info));
	if (!dev)
		return -ENOMEM;
	SET_NETDEV_DEV(dev, &vdev->dev);
	dev->netdev_ops = &virtnet_netdev;
	vi = netdev_priv(dev);
	vi->dev = dev;
	vi->vdev = vdev;
	vdev->priv = vi;
	timer_setup(&vi->refill, refill_work, 0);

	if (virtio_has_feature(vdev, VIRTIO_NET_F_MAC)) {
		virtio_cread_bytes(vdev, offsetof(struct virtio_net_config, mac), mac, ETH_ALEN);
	} else {
		eth_random_addr(mac);
		pr_info("virtio_net %s: no MAC from the device, using a random one\n", vdev->name);
	}
	eth_hw_addr_set(dev, mac);
	memcpy(dev->perm_addr, mac, ETH_ALEN);

	/* Spec 5.1.6: num_buffers is part of the header on 1.0 devices even without MRG_RXBUF. */
	vi->hdr_len = virtio_has_feature(vdev, VIRTIO_F_VERSION_1) ?
		      sizeof(struct virtio_net_hdr_mrg_rxbuf) : sizeof(struct virtio_net_hdr);
	vi->tx_hdr = kzalloc(sizeof(struct virtio_net_hdr_mrg_rxbuf), GFP_KERNEL);
	if (!vi->tx_hdr)
		goto err_hdr;

	err = init_vqs(vi);
	if (err)
		goto err_vqs;
	netif_napi_add(dev, &vi->napi, virtnet_poll);

	/* Queues may be kicked from here on: ndo_open can run as soon as the device is registered. */
	virtio_device_ready(vdev);
	netif_carrier_off(dev);
	err = register_netdev(dev);
	if (err)
		goto err_register;

	pr_info("virtio_net %s: %s: %s, %s transport, %u-byte header, irq queues %u/%u\n", vdev->name,
		dev->name, eth_addr_str(macstr, dev->dev_addr),
		virtio_has_feature(vdev, VIRTIO_F_VERSION_1) ? "modern" : "legacy", vi->hdr_len,
		virtqueue_get_vring_size(vi->rvq), virtqueue_get_vring_size(vi->svq));
	return 0;

err_register:
	vdev->config->reset(vdev);
	netif_napi_del(&vi->napi);
	vdev->config->del_vqs(vdev);
err_vqs:
	kfree(vi->tx_hdr);
err_hdr:
	vdev->priv = NULL;
	free_netdev(dev);
	return err;
}

static void virtnet_remove(struct virtio_device *vdev)
{
	struct virtnet_info *vi = vdev->priv;

	unregister_netdev(vi->dev);
	del_timer(&vi->refill);
	vdev->config->reset(vdev);
	free_unused_bufs(vi);
	netif_napi_del(&vi->napi);
	vdev->config->del_vqs(vdev);
	kfree(vi->tx_hdr);
	vdev->priv = NULL;
	free_netdev(vi->dev);
}

static struct virtio_driver virtio_net_driver = {
	.name			= "virtio_net",
	.id_table		= id_table,
	.feature_table		= features,
	.feature_table_size	= ARRAY_SIZE(features),
	.probe			= virtnet_probe,
	.remove			= virtnet_remove,
	.config_changed		= virtnet_config_changed,
};

static int __init virtio_net_driver_init(void)
{
	return register_virtio_driver(&virtio_net_driver);
}
device_initcall(virtio_net_driver_init);
