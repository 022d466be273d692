/*
 * IPv4 input (net/ipv4/ip_input.c):
 *
 *   ip_rcv (packet_type for ETH_P_IP) -> ip_rcv_core (header checks, RFC 1122 3.2.1) ->
 *   ip_rcv_finish (route: ip_route_input_noref; options) -> dst_input =
 *   ip_local_deliver (reassembly: ip_defrag) -> ip_local_deliver_finish ->
 *   inet_protos[protocol]->handler (icmp_rcv, udp_rcv, tcp_v4_rcv)   |   ip_forward
 *
 * Every packet that is dropped is counted in the IP MIB (InHdrErrors, InTruncatedPkts,
 * InCsumErrors, InAddrErrors, InUnknownProtos ...) and by drop reason.
 */
#include <linux/inetdevice.h>
#include <net/ip.h>
#include <net/icmp.h>
#include <net/route.h>
#include <net/protocol.h>
#include <net/checksum.h>

/* Hands the transport payload to its protocol; unknown protocols get ICMP protocol unreachable. */
noinline void ip_protocol_deliver_rcu(struct net *net, struct sk_buff *skb, int protocol)
{
	const struct net_protocol *ipprot;
	int ret;

resubmit:
	ipprot = inet_protos[protocol];
	if (ipprot) {
		ret = ipprot->handler(skb);
		if (ret < 0) {
			/* A handler may hand the packet to another protocol (-protocol), as Linux. */
			protocol = -ret;
			goto resubmit;
		}
		__IP_INC_STATS(net, IPSTATS_MIB_INDELIVERS);
		return;
	}
	__IP_INC_STATS(net, IPSTATS_MIB_INUNKNOWNPROTOS);
	/* RFC 1122 3.2.2.1: protocol unreachable, from the host that has no such protocol. */
	icmp_send(skb, ICMP_DEST_UNREACH, ICMP_PROT_UNREACH, 0);
	kfree_skb_reason(skb, SKB_DROP_REASON_IP_NOPROTO);
}

static noinline int ip_local_deliver_finish(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	__skb_pull(skb, skb_network_header_len(skb));
	ip_protocol_deliver_rcu(net, skb, ip_hdr(skb)->protocol);
	return 0;
}

/* Deliver to the local protocols, after putting fragments back together. */
noinline int ip_local_deliver(struct sk_buff *skb)
{
	struct net *net = &init_net;

	if (ip_is_fragment(ip_hdr(skb))) {
		if (ip_defrag(net, skb, IP_DEFRAG_LOCAL_DELIVER))
			return 0;
		/* skb is now the whole datagram. */
	}
	return ip_local_deliver_finish(net, NULL, skb);
}

/*
 * Options are not acted on, only checked to be well formed (RFC 791 3.1 "Options": type, length
 * covering itself, inside the header), so a bad length cannot make anyone read past the header.
 * Source-routed packets are dropped, as Linux does by default (accept_source_route=0).
 * Returns 0 to continue, or -EINVAL with *pointer at the offending byte.
 */
static int ip_options_check(const struct iphdr *iph, int *pointer)
{
	const unsigned char *opt = (const unsigned char *)(iph + 1);
	int l = iph->ihl * 4 - sizeof(struct iphdr);
	int off = sizeof(struct iphdr);

	while (l > 0) {
		int optlen;

		if (*opt == IPOPT_END)
			break;
		if (*opt == IPOPT_NOOP) {
			opt++;
			l--;
			off++;
			continue;
		}
		if (l < 2 || opt[1] < 2 || opt[1] > l) {
			*pointer = off + (l < 2 ? 0 : 1);
			return -EINVAL;
		}
		optlen = opt[1];
		if (*opt == IPOPT_LSRR || *opt == IPOPT_SSRR) {
			*pointer = -1;
			return -EINVAL;
		}
		opt += optlen;
		l -= optlen;
		off += optlen;
	}
	return 0;
}

static noinline int ip_rcv_finish(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	const struct iphdr *iph = ip_hdr(skb);
	struct net_device *dev = skb->dev;
	struct rtable *rt;
	int err;

	if (!skb_dst(skb)) {
		err = ip_route_input_noref(skb, iph->daddr, iph->saddr, iph->tos, dev);
		if (unlikely(err)) {
			/* Martian source or destination (RFC 1812 5.3.7). */
			__IP_INC_STATS(net, IPSTATS_MIB_INADDRERRORS);
			kfree_skb_reason(skb, SKB_DROP_REASON_IP_INADDRERRORS);
			return NET_RX_DROP;
		}
	}
	if (iph->ihl > 5) {
		int pointer = 0;

		if (ip_options_check(iph, &pointer)) {
			if (pointer < 0) {
				__IP_INC_STATS(net, IPSTATS_MIB_INDISCARDS);
				kfree_skb_reason(skb, SKB_DROP_REASON_NOT_SPECIFIED);
			} else {
				__IP_INC_STATS(net, IPSTATS_MIB_INHDRERRORS);
				icmp_send(skb, ICMP_PARAMETERPROB, 0, htonl(pointer << 24));
				kfree_skb_reason(skb, SKB_DROP_REASON_IP_INHDR);
			}
			return NET_RX_DROP;
		}
		IPCB(skb)->opt.optlen = iph->ihl * 4 - sizeof(struct iphdr);
	}
	rt = skb_rtable(skb);
	if (rt->rt_type == RTN_MULTICAST)
		__IP_INC_STATS(net, IPSTATS_MIB_INMCASTPKTS);
	else if (rt->rt_type == RTN_BROADCAST)
		__IP_INC_STATS(net, IPSTATS_MIB_INBCASTPKTS);
	return dst_input(skb);
}

/* RFC 1122 3.2.1.1-3.2.1.8 and RFC 791 3.1: is this a well-formed IPv4 header? */
static struct sk_buff *ip_rcv_core(struct sk_buff *skb, struct net *net)
{
	enum skb_drop_reason drop_reason = SKB_DROP_REASON_NOT_SPECIFIED;
	const struct iphdr *iph;
	u32 len;

	/* Link-layer address was not ours (promiscuous mode): not for IP at all. */
	if (skb->pkt_type == PACKET_OTHERHOST) {
		kfree_skb_reason(skb, SKB_DROP_REASON_OTHERHOST);
		return NULL;
	}
	__IP_UPD_PO_STATS(net, IPSTATS_MIB_INPKTS, skb->len);
	skb = skb_share_check(skb, GFP_ATOMIC);
	if (!skb) {
		__IP_INC_STATS(net, IPSTATS_MIB_INDISCARDS);
		return NULL;
	}

	if (!pskb_may_pull(skb, sizeof(struct iphdr))) {
		drop_reason = SKB_DROP_REASON_PKT_TOO_SMALL;
		goto inhdr_error;
	}
	iph = ip_hdr(skb);
	/* RFC 1122 3.2.1.1: version must be 4; RFC 791: IHL at least 5 words. */
	if (iph->ihl < 5 || iph->version != 4)
		goto inhdr_error;
	if (!pskb_may_pull(skb, iph->ihl * 4)) {
		drop_reason = SKB_DROP_REASON_PKT_TOO_SMALL;
		goto inhdr_error;
	}
	/* RFC 1122 3.2.1.2: a bad header checksum means silent discard. */
	if (unlikely(ip_fast_csum((u8 *)iph, iph->ihl)))
		goto csum_error;
	len = ntohs(iph->tot_len);
	if (skb->len < len) {
		drop_reason = SKB_DROP_REASON_PKT_TOO_SMALL;
		__IP_INC_STATS(net, IPSTATS_MIB_INTRUNCATEDPKTS);
		goto drop;
	} else if (len < (u32)iph->ihl * 4) {
		goto inhdr_error;
	}
	/* Ethernet pads short frames: the IP datagram ends where tot_len says. */
	pskb_trim_rcsum(skb, len);
	skb->transport_header = skb->network_header + iph->ihl * 4;
	memset(IPCB(skb), 0, sizeof(struct inet_skb_parm));
	IPCB(skb)->iif = skb->dev->ifindex;
	/* The sender's socket has no claim on a received packet (loopback keeps skb->sk otherwise). */
	skb_orphan(skb);
	return skb;

csum_error:
	drop_reason = SKB_DROP_REASON_IP_CSUM;
	__IP_INC_STATS(net, IPSTATS_MIB_CSUMERRORS);
inhdr_error:
	if (drop_reason == SKB_DROP_REASON_NOT_SPECIFIED)
		drop_reason = SKB_DROP_REASON_IP_INHDR;
	__IP_INC_STATS(net, IPSTATS_MIB_INHDRERRORS);
drop:
	net_debug(NET_DBG_IP, "ip: drop on %s: %s (len %u)\n", skb->dev->name, drop_reasons[drop_reason], skb->len);
	kfree_skb_reason(skb, drop_reason);
	return NULL;
}

/* packet_type handler for ETH_P_IP (registered by inet_init as ip_packet_type). */
noinline int ip_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt,
		    struct net_device *orig_dev)
{
	struct net *net = &init_net;

	skb_reset_network_header(skb);
	skb = ip_rcv_core(skb, net);
	if (!skb)
		return NET_RX_DROP;
	return ip_rcv_finish(net, NULL, skb);
}
