/* The IPv4 header (RFC 791 section 3.1) and the skb accessors for it. */
#ifndef _LINUX_IP_H
#define _LINUX_IP_H

#include <linux/types.h>
#include <linux/byteorder.h>
#include <linux/skbuff.h>
#include <uapi/linux/in.h>

#define IPVERSION	4
#define MAXTTL		255
#define IPDEFTTL	64

/* iph->frag_off, host order after ntohs. */
#define IP_CE		0x8000		/* congestion (reserved bit) */
#define IP_DF		0x4000		/* don't fragment */
#define IP_MF		0x2000		/* more fragments */
#define IP_OFFSET	0x1FFF		/* fragment offset in 8-byte units */

/* Option types (RFC 791 3.1 "Options"). */
#define IPOPT_END	0
#define IPOPT_NOOP	1
#define IPOPT_SEC	130
#define IPOPT_LSRR	131
#define IPOPT_SSRR	137
#define IPOPT_RR	7
#define IPOPT_TIMESTAMP	68
#define IPOPT_RA	148

struct iphdr {
	u8	ihl:4,			/* header length in 32-bit words (little-endian bitfield order) */
		version:4;
	u8	tos;
	__be16	tot_len;
	__be16	id;
	__be16	frag_off;
	u8	ttl;
	u8	protocol;
	__sum16	check;
	__be32	saddr;
	__be32	daddr;
	/* options follow */
};

static inline struct iphdr *ip_hdr(const struct sk_buff *skb)
{
	return (struct iphdr *)skb_network_header(skb);
}

static inline unsigned int ip_hdrlen(const struct sk_buff *skb)
{
	return ip_hdr(skb)->ihl * 4;
}

#endif
