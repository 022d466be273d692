/*
 * Host shim: a fake Ethernet NIC. Its ndo_start_xmit keeps each frame in a queue the test reads
 * (host_netdev_tx_pop); with a TX limit it behaves like a full ring (stops the queue, returns
 * NETDEV_TX_BUSY) until the test completes frames, so the qdisc/wake path can be tested.
 */
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/skbuff.h>
#include "host_netdev.h"

static netdev_tx_t host_netdev_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct host_netdev_priv *priv = netdev_priv(dev);

	priv->xmit_calls++;
	if (priv->tx_limit && skb_queue_len(&priv->txq) >= priv->tx_limit) {
		netif_stop_queue(dev);
		return NETDEV_TX_BUSY;
	}
	skb_orphan(skb);
	skb_dst_drop(skb);
	dev->stats.tx_packets++;
	dev->stats.tx_bytes += skb->len;
	skb_queue_tail(&priv->txq, skb);
	if (priv->tx_limit && skb_queue_len(&priv->txq) >= priv->tx_limit)
		netif_stop_queue(dev);
	return NETDEV_TX_OK;
}

static int host_netdev_open(struct net_device *dev)
{
	netif_start_queue(dev);
	return 0;
}

static int host_netdev_stop(struct net_device *dev)
{
	netif_stop_queue(dev);
	return 0;
}

static const struct net_device_ops host_netdev_ops = {
	.ndo_open = host_netdev_open,
	.ndo_stop = host_netdev_stop,
	.ndo_start_xmit = host_netdev_xmit,
	.ndo_set_mac_address = eth_mac_addr,
};

struct net_device *host_netdev_create(const u8 mac[6])
{
	struct net_device *dev = alloc_etherdev(sizeof(struct host_netdev_priv));
	struct host_netdev_priv *priv;

	if (!dev)
		return NULL;
	priv = netdev_priv(dev);
	skb_queue_head_init(&priv->txq);
	dev->netdev_ops = &host_netdev_ops;
	eth_hw_addr_set(dev, mac);
	if (register_netdev(dev)) {
		free_netdev(dev);
		return NULL;
	}
	dev_open(dev);
	return dev;
}

void host_netdev_destroy(struct net_device *dev)
{
	struct host_netdev_priv *priv = netdev_priv(dev);

	unregister_netdev(dev);
	skb_queue_purge(&priv->txq);
	free_netdev(dev);
}

int host_netdev_inject(struct net_device *dev, const void *frame, unsigned int len)
{
	struct sk_buff *skb = netdev_alloc_skb_ip_align(dev, len);

	if (!skb)
		return -ENOMEM;
	skb_put_data(skb, frame, len);
	dev->stats.rx_packets++;
	dev->stats.rx_bytes += len;
	if (len < ETH_HLEN) {
		/* A real NIC never passes up a runt; count it as a driver would. */
		dev->stats.rx_length_errors++;
		dev->stats.rx_errors++;
		kfree_skb(skb);
		return 0;
	}
	skb->protocol = eth_type_trans(skb, dev);
	local_bh_disable();
	netif_receive_skb(skb);
	local_bh_enable();
	return 0;
}

struct sk_buff *host_netdev_tx_pop(struct net_device *dev)
{
	struct host_netdev_priv *priv = netdev_priv(dev);

	return skb_dequeue(&priv->txq);
}

unsigned int host_netdev_tx_len(struct net_device *dev)
{
	struct host_netdev_priv *priv = netdev_priv(dev);

	return skb_queue_len(&priv->txq);
}

void host_netdev_tx_purge(struct net_device *dev)
{
	struct host_netdev_priv *priv = netdev_priv(dev);

	skb_queue_purge(&priv->txq);
}

void host_netdev_set_tx_limit(struct net_device *dev, unsigned int limit)
{
	struct host_netdev_priv *priv = netdev_priv(dev);

	priv->tx_limit = limit;
}

void host_netdev_tx_complete(struct net_device *dev, unsigned int n)
{
	struct host_netdev_priv *priv = netdev_priv(dev);

	while (n--) {
		struct sk_buff *skb = skb_dequeue(&priv->txq);

		if (!skb)
			break;
		consume_skb(skb);
	}
	if (netif_queue_stopped(dev))
		netif_wake_queue(dev);
}
