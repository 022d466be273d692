/*
 * IP protocol handlers (net/ipv4/protocol.c): inet_protos[] maps the IP header's protocol number to
 * the transport's receive function, registered with inet_add_protocol() in inet_init:
 * ip_local_deliver_finish calls inet_protos[iph->protocol]->handler (icmp_rcv, udp_rcv, tcp_v4_rcv);
 * icmp_unreach calls ->err_handler for the protocol of the packet an ICMP error quotes.
 * struct inet_protosw (socket type -> proto/ops) is registered by af_inet.c.
 */
#ifndef _NET_PROTOCOL_H
#define _NET_PROTOCOL_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/skbuff.h>

#define MAX_INET_PROTOS	256

struct net_protocol {
	int		(*handler)(struct sk_buff *skb);
	/* skb->data at the quoted IP header, icmp_hdr(skb) the error; info is the MTU for FRAG_NEEDED. */
	int		(*err_handler)(struct sk_buff *skb, u32 info);
	unsigned int	no_policy:1,
			icmp_strict_tag_validation:1;
};

extern const struct net_protocol *inet_protos[MAX_INET_PROTOS];

int inet_add_protocol(const struct net_protocol *prot, unsigned char num);
int inet_del_protocol(const struct net_protocol *prot, unsigned char num);

struct proto;
struct proto_ops;

struct inet_protosw {
	struct list_head	list;
	unsigned short		type;		/* SOCK_STREAM, SOCK_DGRAM ... */
	unsigned short		protocol;	/* IPPROTO_TCP ... */
	struct proto		*prot;
	const struct proto_ops	*ops;
	unsigned char		flags;
};
#define INET_PROTOSW_REUSE	0x01
#define INET_PROTOSW_PERMANENT	0x02
#define INET_PROTOSW_ICSK	0x04

void inet_register_protosw(struct inet_protosw *p);
void inet_unregister_protosw(struct inet_protosw *p);

#endif
