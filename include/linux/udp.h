/* The UDP header (RFC 768) and its skb accessor. */
#ifndef _LINUX_UDP_H
#define _LINUX_UDP_H

#include <linux/types.h>
#include <linux/skbuff.h>

struct udphdr {
	__be16	source;
	__be16	dest;
	__be16	len;		/* header + data */
	__sum16	check;		/* 0 = none; computed over the pseudo-header (RFC 768) */
};

static inline struct udphdr *udp_hdr(const struct sk_buff *skb)
{
	return (struct udphdr *)skb_transport_header(skb);
}

#endif
