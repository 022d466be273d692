/* Ethernet header and EtherType numbers (IEEE 802.3), as in Linux's if_ether.h. */
#ifndef _LINUX_IF_ETHER_H
#define _LINUX_IF_ETHER_H

#include <linux/types.h>
#include <linux/compiler.h>

#define ETH_ALEN	6		/* octets in one Ethernet address */
#define ETH_TLEN	2		/* octets in the type field */
#define ETH_HLEN	14		/* total octets in header */
#define ETH_ZLEN	60		/* minimum frame without FCS */
#define ETH_DATA_LEN	1500		/* maximum payload (MTU) */
#define ETH_FRAME_LEN	1514		/* maximum frame without FCS */
#define ETH_MIN_MTU	68
#define ETH_MAX_MTU	0xFFFFU

#define ETH_P_LOOP	0x0060
#define ETH_P_IP	0x0800
#define ETH_P_ARP	0x0806
#define ETH_P_IPV6	0x86DD
#define ETH_P_802_3_MIN	0x0600		/* below this the field is a length (802.3), not a type */
#define ETH_P_802_3	0x0001
#define ETH_P_ALL	0x0003

struct ethhdr {
	unsigned char	h_dest[ETH_ALEN];
	unsigned char	h_source[ETH_ALEN];
	__be16		h_proto;
} __packed;

struct sk_buff;
static inline struct ethhdr *eth_hdr(const struct sk_buff *skb);

#include <linux/skbuff.h>

static inline struct ethhdr *eth_hdr(const struct sk_buff *skb)
{
	return (struct ethhdr *)skb_mac_header(skb);
}

#endif
