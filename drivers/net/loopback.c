/*
 * The loopback device "lo" (127.0.0.1/8): what is sent to it is received again, through
 * loopback_xmit -> netif_rx, as in Linux. No ARP (IFF_NOARP via IFF_LOOPBACK), no checksum
 * verification needed on the way back in (CHECKSUM_UNNECESSARY), MTU 65536.
 */
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/init.h>
#include <linux/skbuff.h>

struct net_device *loopback_dev;

static noinline netdev_tx_t loopback_xmit(struct sk_buff *skb, struct net_device *dev)
{
	unsigned int len;

	/* The packet leaves its sender: the socket gets its send-buffer space back now. */
	skb_orphan(skb);
	skb->ip_summed = CHECKSUM_UNNECESSARY;
	skb->protocol = eth_type_trans(skb, dev);
	len = skb->len;
	dev->stats.tx_packets++;
	dev->stats.tx_bytes += len;
	if (netif_rx(skb) == NET_RX_SUCCESS) {
		dev->stats.rx_packets++;
		dev->stats.rx_bytes += len;
	}
	return NETDEV_TX_OK;
}

static const struct net_device_ops loopback_ops = {
	.ndo_start_xmit = loopback_xmit,
};

static void loopback_setup(struct net_device *dev)
{
	ether_setup(dev);
	dev->mtu = 64 * 1024;
	dev->max_mtu = 64 * 1024;
	dev->hard_header_len = ETH_HLEN;
	dev->addr_len = ETH_ALEN;
	dev->type = ARPHRD_LOOPBACK;
	dev->flags = IFF_LOOPBACK;
	dev->netdev_ops = &loopback_ops;
}

/* Registers and brings up lo; its address 127.0.0.1/8 is added by devinet on NETDEV_UP. */
static int __init loopback_net_init(void)
{
	struct net_device *dev = alloc_netdev(0, "lo", NET_NAME_UNKNOWN, loopback_setup);
	int err;

	if (!dev)
		return -ENOMEM;
	err = register_netdev(dev);
	if (err) {
		free_netdev(dev);
		return err;
	}
	loopback_dev = dev;
	return dev_open(dev);
}
device_initcall(loopback_net_init);
