/*
 * IPv4 output (net/ipv4/ip_output.c):
 *
 *   ip_queue_xmit (TCP) / ip_build_and_send_pkt (SYN+ACK, RST) / ip_make_skb + ip_send_skb (UDP, ICMP)
 *     -> ip_local_out -> __ip_local_out (tot_len, checksum) -> dst_output = ip_output
 *     -> ip_finish_output (fragments above the path MTU: ip_do_fragment, RFC 791 3.2)
 *     -> ip_finish_output2 -> neighbour of the next hop (arp_tbl) -> neigh_output -> dev_queue_xmit
 */
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/random.h>
#include <linux/init.h>
#include <linux/err.h>
#include <linux/inetdevice.h>
#include <net/ip.h>
#include <net/icmp.h>
#include <net/route.h>
#include <net/arp.h>
#include <net/sock.h>
#include <net/inet_sock.h>
#include <net/checksum.h>

int sysctl_ip_default_ttl = IPDEFTTL;

/* IP ids per (destination, source, protocol) bucket, randomly seeded: RFC 6864 only needs them
 * unique per flow within the reassembly time, and per-bucket counters do not leak traffic volume. */
#define IP_IDENTS_SZ	256
static u16 ip_idents[IP_IDENTS_SZ];

void ip_select_ident(struct net *net, struct sk_buff *skb, struct sock *sk)
{
	struct iphdr *iph = ip_hdr(skb);
	u32 hash = ntohl(iph->daddr) ^ ntohl(iph->saddr) * 31 ^ iph->protocol;

	hash = (hash ^ (hash >> 16)) & (IP_IDENTS_SZ - 1);
	iph->id = htons(ip_idents[hash]++);
}

void ip_send_check(struct iphdr *iph)
{
	iph->check = 0;
	iph->check = ip_fast_csum((u8 *)iph, iph->ihl);
}

int __ip_local_out(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	struct iphdr *iph = ip_hdr(skb);

	iph->tot_len = htons(skb->len);
	ip_send_check(iph);
	skb->protocol = htons(ETH_P_IP);
	return 1;	/* netfilter's "continue": there is no netfilter */
}

noinline int ip_local_out(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	int err = __ip_local_out(net, sk, skb);

	IP_INC_STATS(net, IPSTATS_MIB_OUTREQUESTS);
	if (likely(err == 1))
		err = dst_output(net, sk, skb);
	return err;
}

/* Last IP step: find or create the neighbour for the next hop and hand the packet to it. */
static noinline int ip_finish_output2(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	struct dst_entry *dst = skb_dst(skb);
	struct rtable *rt = (struct rtable *)dst;
	struct net_device *dev = dst->dev;
	unsigned int hh_len = LL_RESERVED_SPACE(dev);
	struct neighbour *neigh;
	u32 nexthop;

	if (unlikely(skb_headroom(skb) < hh_len) && skb_cow_head(skb, hh_len)) {
		IP_INC_STATS(net, IPSTATS_MIB_OUTDISCARDS);
		kfree_skb(skb);
		return -ENOMEM;
	}
	IP_INC_STATS(net, IPSTATS_MIB_OUTPKTS);
	IP_ADD_STATS(net, IPSTATS_MIB_OUTOCTETS, skb->len);
	if (rt->rt_flags & RTCF_BROADCAST)
		IP_INC_STATS(net, IPSTATS_MIB_OUTBCASTPKTS);

	nexthop = (__force u32)rt_nexthop(rt, ip_hdr(skb)->daddr);
	if (dev->flags & (IFF_LOOPBACK | IFF_POINTOPOINT))
		nexthop = 0;
	neigh = __ipv4_neigh_lookup_noref(dev, nexthop);
	if (!neigh)
		neigh = __neigh_create(&arp_tbl, &nexthop, dev, false);
	if (!IS_ERR(neigh))
		return neigh_output(neigh, skb, false);
	IP_INC_STATS(net, IPSTATS_MIB_OUTDISCARDS);
	kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_FAILED);
	return -EINVAL;
}

/* Fragmenting would be needed but DF forbids it: RFC 1191 "fragmentation needed" to the sender. */
static int ip_fragment(struct net *net, struct sock *sk, struct sk_buff *skb, unsigned int mtu,
		       int (*output)(struct net *, struct sock *, struct sk_buff *))
{
	struct iphdr *iph = ip_hdr(skb);

	if (unlikely(iph->frag_off & htons(IP_DF))) {
		IP_INC_STATS(net, IPSTATS_MIB_FRAGFAILS);
		icmp_send(skb, ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, htonl(mtu));
		kfree_skb_reason(skb, SKB_DROP_REASON_IP_TOO_BIG);
		return -EMSGSIZE;
	}
	return ip_do_fragment(net, sk, skb, output);
}

static noinline int ip_finish_output(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	unsigned int mtu = ip_skb_dst_mtu(sk, skb);

	if (skb->len > mtu)
		return ip_fragment(net, sk, skb, mtu, ip_finish_output2);
	return ip_finish_output2(net, sk, skb);
}

noinline int ip_output(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	struct net_device *dev = skb_dst(skb)->dev;

	skb->dev = dev;
	skb->protocol = htons(ETH_P_IP);
	return ip_finish_output(net, sk, skb);
}

/*
 * RFC 791 3.2 / RFC 1122 3.3.5: a fragment after the first keeps only the options whose "copied"
 * flag is set; the others become NOOPs, which keeps the header length the same.
 */
static void ip_options_fragment(struct iphdr *iph)
{
	unsigned char *optptr = (unsigned char *)(iph + 1);
	int l = iph->ihl * 4 - sizeof(struct iphdr);

	while (l > 0) {
		int optlen;

		if (*optptr == IPOPT_END)
			return;
		if (*optptr == IPOPT_NOOP) {
			l--;
			optptr++;
			continue;
		}
		optlen = l >= 2 ? optptr[1] : 0;
		if (optlen < 2 || optlen > l)
			return;
		if (!(*optptr & 0x80))
			memset(optptr, IPOPT_NOOP, optlen);
		l -= optlen;
		optptr += optlen;
	}
}

/* Splits skb into fragments of at most the route MTU, each passed to output (RFC 791 3.2). */
noinline int ip_do_fragment(struct net *net, struct sock *sk, struct sk_buff *skb,
			    int (*output)(struct net *, struct sock *, struct sk_buff *))
{
	struct iphdr *iph = ip_hdr(skb);
	struct net_device *dev = skb_dst(skb)->dev;
	unsigned int mtu = ip_skb_dst_mtu(sk, skb);
	unsigned int hlen = iph->ihl * 4;
	unsigned int left = skb->len - hlen, ptr = hlen, len;
	unsigned int ll_rs = LL_RESERVED_SPACE(dev);
	int offset = (ntohs(iph->frag_off) & IP_OFFSET) << 3;
	bool not_last_frag = iph->frag_off & htons(IP_MF);
	bool first = true;
	int err = 0;

	if (mtu < hlen + 8) {
		err = -EINVAL;
		goto fail;
	}
	while (left > 0) {
		struct sk_buff *skb2;
		struct iphdr *iph2;

		len = left;
		if (len > mtu - hlen)
			len = mtu - hlen;
		/* All but the last fragment carry a multiple of 8 bytes. */
		if (len < left)
			len &= ~7;
		skb2 = alloc_skb(len + hlen + ll_rs, GFP_ATOMIC);
		if (!skb2) {
			err = -ENOMEM;
			goto fail;
		}
		skb_reserve(skb2, ll_rs);
		skb_put(skb2, len + hlen);
		skb_reset_network_header(skb2);
		skb2->transport_header = skb2->network_header + hlen;
		skb2->dev = skb->dev;
		skb2->protocol = skb->protocol;
		skb2->priority = skb->priority;
		skb2->mark = skb->mark;
		skb_dst_set(skb2, dst_clone(skb_dst(skb)));
		memcpy(skb2->data, skb->data, hlen);
		memcpy(skb2->data + hlen, skb->data + ptr, len);

		iph2 = ip_hdr(skb2);
		iph2->frag_off = htons(offset >> 3) | (iph->frag_off & htons(IP_DF));
		if (left > len || not_last_frag)
			iph2->frag_off |= htons(IP_MF);
		if (!first)
			ip_options_fragment(iph2);
		iph2->tot_len = htons(len + hlen);
		ip_send_check(iph2);
		IP_INC_STATS(net, IPSTATS_MIB_FRAGCREATES);

		err = output(net, sk, skb2);
		if (err)
			goto fail;
		first = false;
		left -= len;
		ptr += len;
		offset += len;
	}
	consume_skb(skb);
	IP_INC_STATS(net, IPSTATS_MIB_FRAGOKS);
	return 0;
fail:
	kfree_skb(skb);
	IP_INC_STATS(net, IPSTATS_MIB_FRAGFAILS);
	return err;
}

static int ip_select_ttl(const struct inet_sock *inet, const struct dst_entry *dst)
{
	return inet && inet->uc_ttl >= 0 ? inet->uc_ttl : sysctl_ip_default_ttl;
}

/* Fills the 20-byte header in front of skb->data (which must point at the transport header). */
static struct iphdr *ip_push_header(struct sk_buff *skb, u8 tos, u8 ttl, u8 protocol, __be32 saddr,
				    __be32 daddr, bool df)
{
	struct iphdr *iph;

	skb_reset_transport_header(skb);
	skb_push(skb, sizeof(struct iphdr));
	skb_reset_network_header(skb);
	iph = ip_hdr(skb);
	iph->version = 4;
	iph->ihl = 5;
	iph->tos = tos;
	iph->frag_off = df ? htons(IP_DF) : 0;
	iph->ttl = ttl;
	iph->protocol = protocol;
	iph->saddr = saddr;
	iph->daddr = daddr;
	iph->check = 0;
	return iph;
}

/*
 * TCP's transmit: route from the socket's cache (sk_dst_cache) or a new lookup for its addresses,
 * then the IP header in front of the segment. DF is set: TCP does path MTU discovery (RFC 1191).
 */
noinline int __ip_queue_xmit(struct sock *sk, struct sk_buff *skb, struct flowi *fl, u8 tos)
{
	struct inet_sock *inet = inet_sk(sk);
	struct net *net = sock_net(sk);
	struct flowi4 *fl4 = &fl->u.ip4;
	struct rtable *rt = skb_rtable(skb);

	if (rt)
		goto packet_routed;
	rt = (struct rtable *)__sk_dst_check(sk, 0);
	if (!rt) {
		rt = ip_route_output_ports(net, fl4, sk, inet->inet_daddr, inet->inet_saddr, inet->inet_dport,
					   inet->inet_sport, sk->sk_protocol, RT_TOS(tos), sk->sk_bound_dev_if);
		if (IS_ERR(rt))
			goto no_route;
		sk_dst_set(sk, dst_clone(&rt->dst));
	} else {
		dst_hold(&rt->dst);
		fl4->saddr = inet->inet_saddr;
		fl4->daddr = inet->inet_daddr;
	}
	skb_dst_set(skb, &rt->dst);
packet_routed:
	ip_push_header(skb, tos, ip_select_ttl(inet, &rt->dst), sk->sk_protocol,
		       fl4->saddr ? fl4->saddr : inet->inet_saddr, fl4->daddr ? fl4->daddr : inet->inet_daddr,
		       inet->pmtudisc != IP_PMTUDISC_DONT);
	ip_select_ident(net, skb, sk);
	skb->priority = sk->sk_priority;
	skb->mark = sk->sk_mark;
	return ip_local_out(net, sk, skb);

no_route:
	IP_INC_STATS(net, IPSTATS_MIB_OUTNOROUTES);
	kfree_skb_reason(skb, SKB_DROP_REASON_IP_OUTNOROUTES);
	return -EHOSTUNREACH;
}

noinline int ip_queue_xmit(struct sock *sk, struct sk_buff *skb, struct flowi *fl)
{
	return __ip_queue_xmit(sk, skb, fl, inet_sk(sk)->tos);
}

/*
 * Sends one packet whose transport header is at skb->data, from saddr to daddr: SYN+ACK
 * (tcp_v4_send_synack) with the route the request already has, or RST/ACK with no socket
 * (sk NULL), for which the route is looked up here.
 */
noinline int ip_build_and_send_pkt(struct sk_buff *skb, const struct sock *sk, __be32 saddr, __be32 daddr,
				   struct ip_options_rcu *opt, u8 tos)
{
	const struct inet_sock *inet = sk ? inet_sk(sk) : NULL;
	struct net *net = &init_net;
	struct rtable *rt = skb_rtable(skb);

	if (!rt) {
		struct flowi4 fl4;

		flowi4_init_output(&fl4, sk ? sk->sk_bound_dev_if : 0, 0, RT_TOS(tos), RT_SCOPE_UNIVERSE,
				   sk ? sk->sk_protocol : IPPROTO_TCP, 0, daddr, saddr, 0, 0);
		rt = ip_route_output_key(net, &fl4);
		if (IS_ERR(rt)) {
			IP_INC_STATS(net, IPSTATS_MIB_OUTNOROUTES);
			kfree_skb_reason(skb, SKB_DROP_REASON_IP_OUTNOROUTES);
			return PTR_ERR(rt);
		}
		skb_dst_set(skb, &rt->dst);
	}
	ip_push_header(skb, tos, ip_select_ttl(inet, &rt->dst), sk ? sk->sk_protocol : IPPROTO_TCP, saddr,
		       daddr, !inet || inet->pmtudisc != IP_PMTUDISC_DONT);
	ip_select_ident(net, skb, (struct sock *)sk);
	if (sk) {
		skb->priority = sk->sk_priority;
		skb->mark = sk->sk_mark;
	}
	return ip_local_out(net, (struct sock *)sk, skb);
}

int ip_kernel_getfrag(void *from, char *to, int offset, int len, int odd, struct sk_buff *skb)
{
	memcpy(to, (char *)from + offset, len);
	return 0;
}

/*
 * One datagram in one linear skb: headroom for the link header, the IP header built from fl4,
 * transhdrlen bytes for the caller's transport header, then length bytes of payload from
 * getfrag. No DF: a datagram larger than the path MTU is fragmented by ip_finish_output.
 */
noinline struct sk_buff *ip_make_skb(struct sock *sk, struct flowi4 *fl4,
				     int getfrag(void *from, char *to, int offset, int len, int odd,
						 struct sk_buff *skb),
				     void *from, int length, int transhdrlen, struct ipcm_cookie *ipc,
				     struct rtable **rtp, unsigned int flags)
{
	struct rtable *rt = *rtp;
	struct inet_sock *inet = sk ? inet_sk(sk) : NULL;
	unsigned int hh_len = LL_RESERVED_SPACE(rt->dst.dev);
	struct sk_buff *skb;
	u8 ttl, tos;
	int err;

	if (length < 0 || transhdrlen < 0 || length + transhdrlen + sizeof(struct iphdr) > 0xFFFF)
		return ERR_PTR(-EMSGSIZE);
	if (sk) {
		/* Charged to the socket's send buffer, as __ip_append_data does: a full buffer
		 * blocks, or fails with -EAGAIN under MSG_DONTWAIT. */
		skb = sock_alloc_send_skb(sk, hh_len + sizeof(struct iphdr) + transhdrlen + length,
					  flags & MSG_DONTWAIT, &err);
		if (!skb)
			return ERR_PTR(err);
	} else {
		skb = alloc_skb(hh_len + sizeof(struct iphdr) + transhdrlen + length, GFP_ATOMIC);
		if (!skb)
			return ERR_PTR(-ENOBUFS);
	}
	skb_reserve(skb, hh_len + sizeof(struct iphdr));
	skb_put(skb, transhdrlen + length);
	err = getfrag(from, (char *)skb->data + transhdrlen, 0, length, 0, skb);
	if (err) {
		kfree_skb(skb);
		return ERR_PTR(err);
	}
	ttl = ipc && ipc->ttl ? ipc->ttl : ip_select_ttl(inet, &rt->dst);
	tos = ipc && ipc->tos >= 0 ? ipc->tos : (inet ? inet->tos : 0);
	ip_push_header(skb, tos, ttl, fl4->flowi4_proto, fl4->saddr, fl4->daddr, false);
	skb_dst_set(skb, &rt->dst);
	*rtp = NULL;
	if (sk) {
		skb->priority = sk->sk_priority;
		skb->mark = sk->sk_mark;
	}
	ip_select_ident(&init_net, skb, sk);
	return skb;
}

noinline int ip_send_skb(struct net *net, struct sk_buff *skb)
{
	int err = ip_local_out(net, skb->sk, skb);

	if (err > 0)
		err = 0;
	if (err)
		IP_INC_STATS(net, IPSTATS_MIB_OUTDISCARDS);
	return err;
}

/* Called by inet_init: routing (FIB, devinet) and the IP id seeds. */
void ip_init(void)
{
	get_random_bytes(ip_idents, sizeof(ip_idents));
	ip_rt_init();
}
