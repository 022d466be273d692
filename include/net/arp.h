/* ARP (RFC 826) for IPv4 over Ethernet (net/ipv4/arp.c), on top of the neighbour cache. */
#ifndef _NET_ARP_H
#define _NET_ARP_H

#include <linux/if_ether.h>
#include <linux/netdevice.h>
#include <net/neighbour.h>
#include <uapi/linux/if_arp.h>

extern struct neigh_table arp_tbl;

static inline u32 arp_hashfn(const void *pkey, const struct net_device *dev, u32 *hash_rnd)
{
	u32 key = *(const u32 *)pkey;
	u32 val = key ^ (u32)dev->ifindex;

	return val * hash_rnd[0];
}

/* The ARP entry for key on dev, without taking a reference (the caller uses it at once). */
struct neighbour *__ipv4_neigh_lookup_noref(struct net_device *dev, u32 key);

static inline struct neighbour *__ipv4_neigh_lookup(struct net_device *dev, u32 key)
{
	struct neighbour *n = __ipv4_neigh_lookup_noref(dev, key);

	if (n)
		neigh_hold(n);
	return n;
}

void arp_init(void);
int arp_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt, struct net_device *orig_dev);
void arp_send(int type, int ptype, __be32 dest_ip, struct net_device *dev, __be32 src_ip,
	      const unsigned char *dest_hw, const unsigned char *src_hw, const unsigned char *th);
struct sk_buff *arp_create(int type, int ptype, __be32 dest_ip, struct net_device *dev, __be32 src_ip,
			   const unsigned char *dest_hw, const unsigned char *src_hw,
			   const unsigned char *target_hw);
void arp_xmit(struct sk_buff *skb);
int arp_ioctl(struct net *net, unsigned int cmd, void __user *arg);
int arp_mc_map(__be32 addr, u8 *haddr, struct net_device *dev, int dir);

/* ARP counters for `netstat -s` (/proc/net/snmp has no ARP line in Linux; shown in /proc/net/arpstat). */
struct arp_mib {
	unsigned long in_requests;	/* requests received */
	unsigned long in_replies;
	unsigned long in_gratuitous;
	unsigned long in_errors;	/* malformed, dropped */
	unsigned long in_other;		/* not for us: learned nothing, answered nothing */
	unsigned long out_requests;
	unsigned long out_replies;
	unsigned long out_gratuitous;
};
extern struct arp_mib arp_stats;

#endif
