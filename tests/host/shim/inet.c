/* Host helpers for IP-layer tests: a configured fake NIC and frame builders (host_inet.h). */
#include <linux/string.h>
#include "host_inet.h"

const u8 host_mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
const u8 peer_mac[6] = { 0x52, 0x54, 0x00, 0xaa, 0xbb, 0xcc };
const u8 bcast_mac[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

struct net_device *host_inet_nic(void)
{
	struct net_device *dev;

	host_inet_init();
	dev = host_netdev_create(host_mac);
	if (!dev)
		return NULL;
	devinet_set_addr(dev, HOST_IP, HOST_MASK);
	host_run_softirqs();
	host_netdev_tx_purge(dev);	/* the gratuitous ARP */
	return dev;
}

void host_inet_nic_destroy(struct net_device *dev)
{
	host_netdev_destroy(dev);
	host_run_softirqs();
}

unsigned int host_build_ipv4(u8 *frame, const u8 *dst_mac, const u8 *src_mac, __be32 saddr, __be32 daddr,
			     u8 protocol, unsigned int payload_len)
{
	struct ethhdr *eth = (struct ethhdr *)frame;
	struct iphdr *iph = (struct iphdr *)(frame + ETH_HLEN);

	memcpy(eth->h_dest, dst_mac, ETH_ALEN);
	memcpy(eth->h_source, src_mac, ETH_ALEN);
	eth->h_proto = htons(ETH_P_IP);
	memset(iph, 0, sizeof(*iph));
	iph->version = 4;
	iph->ihl = 5;
	iph->tot_len = htons(sizeof(*iph) + payload_len);
	iph->id = htons(0x1234);
	iph->ttl = 64;
	iph->protocol = protocol;
	iph->saddr = saddr;
	iph->daddr = daddr;
	ip_send_check(iph);
	return ETH_HLEN + sizeof(*iph) + payload_len;
}

unsigned int host_build_arp(u8 *frame, u16 op, const u8 *sha, __be32 sip, const u8 *tha, __be32 tip,
			    const u8 *eth_dst)
{
	struct ethhdr *eth = (struct ethhdr *)frame;
	struct arphdr *arp = (struct arphdr *)(frame + ETH_HLEN);
	u8 *p = (u8 *)(arp + 1);

	memcpy(eth->h_dest, eth_dst, ETH_ALEN);
	memcpy(eth->h_source, sha, ETH_ALEN);
	eth->h_proto = htons(ETH_P_ARP);
	arp->ar_hrd = htons(ARPHRD_ETHER);
	arp->ar_pro = htons(ETH_P_IP);
	arp->ar_hln = 6;
	arp->ar_pln = 4;
	arp->ar_op = htons(op);
	memcpy(p, sha, 6);
	memcpy(p + 6, &sip, 4);
	memcpy(p + 10, tha, 6);
	memcpy(p + 16, &tip, 4);
	return ETH_HLEN + 28;
}

void host_learn_neigh(struct net_device *dev, __be32 ip, const u8 *mac)
{
	struct neighbour *n = __neigh_create(&arp_tbl, &ip, dev, true);

	if (IS_ERR(n))
		return;
	neigh_update(n, mac, NUD_REACHABLE, NEIGH_UPDATE_F_OVERRIDE | NEIGH_UPDATE_F_ADMIN, 0);
	neigh_release(n);
}

/* inet_init (net/ipv4/af_inet.c) wires IP into the device layer; it runs with the other initcalls. */
void host_inet_init(void)
{
	host_net_setup();
}
