/*
 * Ethernet (IEEE 802.3 / DIX): building the 14-byte header on output (eth_header, the
 * header_ops->create of every Ethernet device) and classifying a received frame (eth_type_trans:
 * who it was for, which protocol it carries), as net/ethernet/eth.c in Linux.
 */
#include <linux/etherdevice.h>
#include <linux/if_ether.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/string.h>
#include <linux/byteorder.h>

/* Pushes the Ethernet header. Without daddr (not resolved yet) it returns -ETH_HLEN, as Linux does. */
noinline int eth_header(struct sk_buff *skb, struct net_device *dev, unsigned short type,
			const void *daddr, const void *saddr, unsigned int len)
{
	struct ethhdr *eth = skb_push(skb, ETH_HLEN);

	eth->h_proto = htons(type);
	memcpy(eth->h_source, saddr ? saddr : dev->dev_addr, ETH_ALEN);
	if (dev->flags & (IFF_LOOPBACK | IFF_NOARP)) {
		eth_zero_addr(eth->h_dest);
		return ETH_HLEN;
	}
	if (daddr) {
		memcpy(eth->h_dest, daddr, ETH_ALEN);
		return ETH_HLEN;
	}
	return -ETH_HLEN;
}

int eth_header_parse(const struct sk_buff *skb, unsigned char *haddr)
{
	memcpy(haddr, eth_hdr(skb)->h_source, ETH_ALEN);
	return ETH_ALEN;
}

/*
 * Sets skb->pkt_type from the destination address, pulls the header (skb->data at the payload)
 * and returns the protocol for skb->protocol. Frames shorter than a header are the caller's to
 * check; drivers never pass them up.
 */
noinline __be16 eth_type_trans(struct sk_buff *skb, struct net_device *dev)
{
	const struct ethhdr *eth;

	skb->dev = dev;
	skb_reset_mac_header(skb);
	eth = (struct ethhdr *)skb->data;
	skb_pull(skb, ETH_HLEN);

	if (unlikely(!ether_addr_equal(eth->h_dest, dev->dev_addr))) {
		if (is_multicast_ether_addr(eth->h_dest)) {
			if (is_broadcast_ether_addr(eth->h_dest))
				skb->pkt_type = PACKET_BROADCAST;
			else
				skb->pkt_type = PACKET_MULTICAST;
		} else {
			skb->pkt_type = PACKET_OTHERHOST;
		}
	} else {
		skb->pkt_type = PACKET_HOST;
	}

	/* 802.3 length field rather than a type: Novell raw / 802.2 LLC, which nothing here speaks. */
	if (likely(ntohs(eth->h_proto) >= ETH_P_802_3_MIN))
		return eth->h_proto;
	return htons(ETH_P_802_3);
}

int eth_mac_addr(struct net_device *dev, void *p)
{
	const u8 *addr = p;

	if (!is_valid_ether_addr(addr))
		return -EADDRNOTAVAIL;
	eth_hw_addr_set(dev, addr);
	return 0;
}

int eth_validate_addr(struct net_device *dev)
{
	return is_valid_ether_addr(dev->dev_addr) ? 0 : -EADDRNOTAVAIL;
}

char *eth_addr_str(char *buf, const u8 *addr)
{
	snprintf(buf, 18, "%02x:%02x:%02x:%02x:%02x:%02x",
		 addr[0], addr[1], addr[2], addr[3], addr[4], addr[5]);
	return buf;
}

const struct header_ops eth_header_ops = {
	.create = eth_header,
	.parse = eth_header_parse,
};

void ether_setup(struct net_device *dev)
{
	dev->header_ops = &eth_header_ops;
	dev->type = ARPHRD_ETHER;
	dev->hard_header_len = ETH_HLEN;
	dev->mtu = ETH_DATA_LEN;
	dev->min_mtu = ETH_MIN_MTU;
	dev->max_mtu = ETH_DATA_LEN;
	dev->addr_len = ETH_ALEN;
	dev->tx_queue_len = NETDEV_QDISC_MAX;
	dev->flags = IFF_BROADCAST | IFF_MULTICAST;
	eth_broadcast_addr(dev->broadcast);
}

struct net_device *alloc_etherdev(int sizeof_priv)
{
	return alloc_netdev(sizeof_priv, "eth%d", NET_NAME_ENUM, ether_setup);
}
