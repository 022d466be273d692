/*
 * What an skb on sk->sk_error_queue carries in its control block: the error as user space will see
 * it, where in the packet the original destination address is, and the original destination port
 * (ip_icmp_error fills it, ip_recv_error reads it). Linux also keeps the IP control block in
 * front of it; it does not fit in our 48-byte cb next to the error and is not needed here.
 */
#ifndef _LINUX_ERRQUEUE_H
#define _LINUX_ERRQUEUE_H

#include <linux/skbuff.h>
#include <uapi/linux/errqueue.h>

struct sock_exterr_skb {
	struct sock_extended_err	ee;
	u16				addr_offset;	/* from the network header */
	__be16				port;
};

#define SKB_EXT_ERR(skb) ((struct sock_exterr_skb *)((skb)->cb))

#endif
