/*
 * IPv4 forwarding (net/ipv4/ip_forward.c), a router's job (RFC 1812 5.2-5.3), done only with
 * net.ipv4.ip_forward=1 on the kernel command line: ip_route_input_noref gives the packet a
 * route with input = ip_forward. TTL is decremented with an incremental checksum update;
 * TTL expiry answers ICMP time exceeded (what traceroute sees); a DF packet too big for the
 * next link answers "fragmentation needed" with the MTU (RFC 1191); others are fragmented by
 * ip_output.
 */
#include <linux/init.h>
#include <linux/string.h>
#include <linux/kernel.h>
#include <net/ip.h>
#include <net/icmp.h>
#include <net/route.h>

int sysctl_ip_forward;

static int __init ip_forward_setup(char *str)
{
	sysctl_ip_forward = simple_strtoul(str, NULL, 0) ? 1 : 0;
	return 1;
}
__setup("net.ipv4.ip_forward=", ip_forward_setup);

static int __init sysctl_ip_forward_setup(char *str)
{
	return ip_forward_setup(str);
}
__setup("sysctl.net.ipv4.ip_forward=", sysctl_ip_forward_setup);

static noinline int ip_forward_finish(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	__IP_INC_STATS(net, IPSTATS_MIB_OUTFORWDATAGRAMS);
	return dst_output(net, sk, skb);
}

noinline int ip_forward(struct sk_buff *skb)
{
	struct net *net = &init_net;
	struct rtable *rt = skb_rtable(skb);
	struct iphdr *iph;
	unsigned int mtu;

	if (skb->pkt_type != PACKET_HOST) {
		kfree_skb_reason(skb, SKB_DROP_REASON_OTHERHOST);
		return NET_RX_DROP;
	}
	/* RFC 1812 5.3.1: a packet whose TTL would reach 0 is not forwarded. */
	if (ip_hdr(skb)->ttl <= 1)
		goto too_many_hops;

	IPCB(skb)->flags |= IPSKB_FORWARDED;
	mtu = dst_mtu(&rt->dst);
	if ((ip_hdr(skb)->frag_off & htons(IP_DF)) && skb->len > mtu) {
		__IP_INC_STATS(net, IPSTATS_MIB_FRAGFAILS);
		icmp_send(skb, ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, htonl(mtu));
		kfree_skb_reason(skb, SKB_DROP_REASON_IP_TOO_BIG);
		return NET_RX_DROP;
	}
	/* We are about to write the header: make it ours, with room for the next link header. */
	if (skb_cow_head(skb, LL_RESERVED_SPACE(rt->dst.dev))) {
		__IP_INC_STATS(net, IPSTATS_MIB_OUTDISCARDS);
		kfree_skb(skb);
		return NET_RX_DROP;
	}
	iph = ip_hdr(skb);
	ip_decrease_ttl(iph);
	skb->priority = 0;
	return ip_forward_finish(net, NULL, skb);

too_many_hops:
	/* RFC 792 / RFC 1812 5.3.1: time exceeded in transit, to the source. */
	__IP_INC_STATS(net, IPSTATS_MIB_INHDRERRORS);
	icmp_send(skb, ICMP_TIME_EXCEEDED, ICMP_EXC_TTL, 0);
	kfree_skb_reason(skb, SKB_DROP_REASON_IP_TTL_EXPIRED);
	return NET_RX_DROP;
}
