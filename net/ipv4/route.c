/*
 * IPv4 routing (net/ipv4/route.c): turns a FIB answer into a struct rtable (a dst_entry with
 * input/output functions) for one packet or one socket.
 *
 * Output: ip_route_output_flow -> __ip_route_output_key -> fib_lookup; local destinations go
 * through "lo", others through the route's device, gateway in rt_gw4.
 * Input:  ip_route_input_noref classifies a received packet: ours (ip_local_deliver), broadcast,
 * to be forwarded (ip_forward, only with net.ipv4.ip_forward=1), or an error (ip_error counts
 * it and, when forwarding, answers ICMP unreachable).
 * No route cache: each lookup allocates an rtable; cached socket routes carry the FIB generation
 * and are re-looked-up after any route or address change (ipv4_dst_check).
 */
#include <linux/slab.h>
#include <linux/init.h>
#include <linux/inetdevice.h>
#include <linux/jiffies.h>
#include <net/route.h>
#include <net/ip_fib.h>
#include <net/ip.h>
#include <net/icmp.h>
#include <net/arp.h>

static struct kmem_cache *ip_dst_cache;

/* Path MTUs learned from ICMP "fragmentation needed" (RFC 1191), Linux's fib_nh_exception. */
#define PMTU_EXCEPTIONS		16
#define PMTU_EXPIRES		(600 * HZ)	/* net.ipv4.route.mtu_expires */
#define IP_MIN_PMTU		552		/* net.ipv4.route.min_pmtu */
static struct {
	__be32 daddr;
	u32 mtu;
	unsigned long expires;
} pmtu_exc[PMTU_EXCEPTIONS];

static u32 pmtu_lookup(__be32 daddr)
{
	int i;

	for (i = 0; i < PMTU_EXCEPTIONS; i++)
		if (pmtu_exc[i].daddr == daddr && pmtu_exc[i].mtu &&
		    time_before(jiffies, pmtu_exc[i].expires))
			return pmtu_exc[i].mtu;
	return 0;
}

static struct dst_entry *ipv4_dst_check(struct dst_entry *dst, u32 cookie)
{
	struct rtable *rt = container_of(dst, struct rtable, dst);

	if (rt->rt_genid != fib_genid)
		return NULL;
	return dst;
}

static unsigned int ipv4_mtu(const struct dst_entry *dst)
{
	const struct rtable *rt = container_of(dst, struct rtable, dst);
	unsigned int mtu = dst->dev ? dst->dev->mtu : 576;

	if (rt->rt_pmtu && rt->rt_pmtu < mtu)
		mtu = rt->rt_pmtu;
	return mtu;
}

static struct dst_ops ipv4_dst_ops = {
	.family = AF_INET,
	.check = ipv4_dst_check,
	.mtu = ipv4_mtu,
};

void rt_cache_flush(struct net *net)
{
	fib_genid++;
}

static struct rtable *rt_dst_alloc(struct net_device *dev, unsigned int flags, u16 type)
{
	struct rtable *rt = kmem_cache_alloc(ip_dst_cache, GFP_ATOMIC);

	if (!rt)
		return NULL;
	memset(rt, 0, sizeof(*rt));
	dst_init(&rt->dst, &ipv4_dst_ops, dev, DST_OBSOLETE_FORCE_CHK, 0);
	rt->rt_genid = fib_genid;
	rt->rt_flags = flags;
	rt->rt_type = type;
	rt->dst.output = ip_output;
	if (flags & RTCF_LOCAL)
		rt->dst.input = ip_local_deliver;
	return rt;
}

static void rt_set_nexthop(struct rtable *rt, __be32 daddr, const struct fib_result *res)
{
	if (res->fi && res->fi->fib_nh[0].fib_nh_gw4) {
		rt->rt_gw_family = AF_INET;
		rt->rt_gw4 = res->fi->fib_nh[0].fib_nh_gw4;
		rt->rt_uses_gateway = 1;
	}
	if (res->fi && res->fi->fib_mtu)
		rt->rt_pmtu = res->fi->fib_mtu;
	if (pmtu_lookup(daddr) && (!rt->rt_pmtu || pmtu_lookup(daddr) < rt->rt_pmtu))
		rt->rt_pmtu = pmtu_lookup(daddr);
}

noinline struct rtable *__ip_route_output_key(struct net *net, struct flowi4 *fl4)
{
	struct net_device *dev_out = NULL;
	struct fib_result res = { .type = RTN_UNICAST };
	unsigned int flags = 0;
	struct rtable *rt;
	int err;

	if (fl4->saddr) {
		if (ipv4_is_multicast(fl4->saddr) || ipv4_is_lbcast(fl4->saddr) ||
		    ipv4_is_zeronet(fl4->saddr))
			return ERR_PTR(-EINVAL);
		if (!(fl4->flowi4_flags & FLOWI_FLAG_ANYSRC) && !__ip_dev_find(net, fl4->saddr, false))
			return ERR_PTR(-EINVAL);
	}
	if (fl4->flowi4_oif) {
		dev_out = __dev_get_by_index(net, fl4->flowi4_oif);
		if (!dev_out)
			return ERR_PTR(-ENODEV);
		if (!(dev_out->flags & IFF_UP))
			return ERR_PTR(-ENETUNREACH);
	}
	if (!fl4->daddr) {
		/* connect()/sendto() to 0.0.0.0 means this host (Linux: "local"). */
		fl4->daddr = fl4->saddr ? fl4->saddr : htonl(INADDR_LOOPBACK);
	}
	if (ipv4_is_lbcast(fl4->daddr) || ipv4_is_multicast(fl4->daddr)) {
		/* Limited broadcast needs an interface: the bound one or the source address's. */
		if (!dev_out && fl4->saddr)
			dev_out = __ip_dev_find(net, fl4->saddr, false);
		if (!dev_out)
			return ERR_PTR(-ENETUNREACH);
		if (!fl4->saddr)
			fl4->saddr = inet_select_addr(dev_out, 0, RT_SCOPE_LINK);
		res.type = ipv4_is_lbcast(fl4->daddr) ? RTN_BROADCAST : RTN_MULTICAST;
		flags = ipv4_is_lbcast(fl4->daddr) ? RTCF_BROADCAST : RTCF_MULTICAST;
		goto make_route;
	}

	err = fib_lookup(net, fl4, &res, 0);
	if (err) {
		if (dev_out && err == -ENETUNREACH) {
			/* Bound to a device and no route: assume the destination is on its link
			 * (Linux does the same for SO_BINDTODEVICE/DHCP). */
			if (!fl4->saddr)
				fl4->saddr = inet_select_addr(dev_out, 0, RT_SCOPE_LINK);
			res.type = RTN_UNICAST;
			res.fi = NULL;
			goto make_route;
		}
		IP_INC_STATS(net, IPSTATS_MIB_OUTNOROUTES);
		return ERR_PTR(err == -EAGAIN ? -ENETUNREACH : err);
	}
	if (res.type == RTN_LOCAL) {
		if (!fl4->saddr)
			fl4->saddr = fl4->daddr;
		dev_out = loopback_dev;
		flags |= RTCF_LOCAL;
		goto make_route;
	}
	if (res.type == RTN_BROADCAST)
		flags |= RTCF_BROADCAST | RTCF_LOCAL;
	dev_out = res.fi->fib_dev;
	if (!fl4->saddr)
		fl4->saddr = res.fi->fib_prefsrc ? : inet_select_addr(dev_out, fl4->daddr, RT_SCOPE_UNIVERSE);

make_route:
	if (!dev_out)
		return ERR_PTR(-ENETUNREACH);
	rt = rt_dst_alloc(dev_out, flags, res.type);
	if (!rt)
		return ERR_PTR(-ENOBUFS);
	rt->rt_iif = fl4->flowi4_oif ? : dev_out->ifindex;
	rt_set_nexthop(rt, fl4->daddr, &res);
	return rt;
}

noinline struct rtable *ip_route_output_flow(struct net *net, struct flowi4 *flp4, const struct sock *sk)
{
	return __ip_route_output_key(net, flp4);
}

/* Linux has it inline in include/net/route.h; a function here so gdb can stop on it. */
noinline struct rtable *ip_route_connect(struct flowi4 *fl4, __be32 dst, __be32 src, int oif, u8 protocol,
					 __be16 sport, __be16 dport, const struct sock *sk)
{
	flowi4_init_output(fl4, oif, 0, 0, RT_SCOPE_UNIVERSE, protocol, 0, dst, src, dport, sport);
	return ip_route_output_flow(&init_net, fl4, sk);
}

/* Input route for a packet that cannot go anywhere: ip_error counts it (and answers ICMP when forwarding). */
static int ip_error(struct sk_buff *skb)
{
	struct rtable *rt = skb_rtable(skb);
	int code;

	if (!sysctl_ip_forward) {
		if (rt->dst.error == -ENETUNREACH)
			__IP_INC_STATS(&init_net, IPSTATS_MIB_INNOROUTES);
		else
			__IP_INC_STATS(&init_net, IPSTATS_MIB_INADDRERRORS);
		kfree_skb_reason(skb, SKB_DROP_REASON_IP_INADDRERRORS);
		return 0;
	}
	switch (rt->dst.error) {
	case -ENETUNREACH:
		code = ICMP_NET_UNREACH;
		__IP_INC_STATS(&init_net, IPSTATS_MIB_INNOROUTES);
		break;
	default:
		code = ICMP_HOST_UNREACH;
		__IP_INC_STATS(&init_net, IPSTATS_MIB_INADDRERRORS);
		break;
	}
	icmp_send(skb, ICMP_DEST_UNREACH, code, 0);
	kfree_skb_reason(skb, SKB_DROP_REASON_IP_OUTNOROUTES);
	return 0;
}

static int ip_route_input_error(struct sk_buff *skb, struct net_device *dev, int error)
{
	struct rtable *rt = rt_dst_alloc(dev, 0, RTN_UNREACHABLE);

	if (!rt)
		return -ENOBUFS;
	rt->rt_is_input = 1;
	rt->dst.input = ip_error;
	rt->dst.error = error;
	skb_dst_set(skb, &rt->dst);
	return 0;
}

/* RFC 1812 5.3.7: martian source/destination addresses are never accepted or forwarded. */
static noinline int ip_route_input_slow(struct sk_buff *skb, __be32 daddr, __be32 saddr, u8 tos,
					struct net_device *dev)
{
	struct flowi4 fl4 = { .daddr = daddr, .saddr = saddr, .flowi4_iif = dev->ifindex };
	struct fib_result res;
	unsigned int flags = 0;
	struct rtable *rt;
	int err;

	if (ipv4_is_multicast(saddr) || ipv4_is_lbcast(saddr))
		return -EINVAL;
	if (ipv4_is_lbcast(daddr) || (saddr == 0 && daddr == 0))
		goto brd_input;
	/* A DHCP client has no address yet: broadcasts from 0.0.0.0 are fine, nothing else. */
	if (ipv4_is_zeronet(saddr) || ipv4_is_multicast(daddr) || ipv4_is_zeronet(daddr))
		return -EINVAL;
	if ((ipv4_is_loopback(daddr) || ipv4_is_loopback(saddr)) && !(dev->flags & IFF_LOOPBACK))
		return -EINVAL;

	err = fib_lookup(&init_net, &fl4, &res, 0);
	if (err)
		return ip_route_input_error(skb, dev, sysctl_ip_forward ? -ENETUNREACH : -EHOSTUNREACH);
	if (res.type == RTN_BROADCAST)
		goto brd_input;
	if (res.type == RTN_LOCAL) {
		flags = RTCF_LOCAL;
		goto local_input;
	}
	if (res.type != RTN_UNICAST)
		return ip_route_input_error(skb, dev, -ENETUNREACH);
	if (!sysctl_ip_forward)
		return ip_route_input_error(skb, dev, -EHOSTUNREACH);
	/* Forwarding: out through the route's device towards its gateway or the destination. */
	rt = rt_dst_alloc(res.fi->fib_dev, 0, RTN_UNICAST);
	if (!rt)
		return -ENOBUFS;
	rt->rt_is_input = 1;
	rt->rt_iif = dev->ifindex;
	rt->dst.input = ip_forward;
	rt_set_nexthop(rt, daddr, &res);
	skb_dst_set(skb, &rt->dst);
	return 0;

brd_input:
	flags = RTCF_BROADCAST | RTCF_LOCAL;
	res.type = RTN_BROADCAST;
local_input:
	rt = rt_dst_alloc(loopback_dev ? loopback_dev : dev, flags, res.type);
	if (!rt)
		return -ENOBUFS;
	rt->rt_is_input = 1;
	rt->rt_iif = dev->ifindex;
	rt->dst.input = ip_local_deliver;
	skb_dst_set(skb, &rt->dst);
	return 0;
}

noinline int ip_route_input_noref(struct sk_buff *skb, __be32 daddr, __be32 saddr, u8 tos,
				  struct net_device *dev)
{
	return ip_route_input_slow(skb, daddr, saddr, tos, dev);
}

unsigned int inet_addr_type(struct net *net, __be32 addr)
{
	struct flowi4 fl4 = { .daddr = addr };
	struct fib_table *local = fib_get_table(net, RT_TABLE_LOCAL);
	struct fib_result res;

	if (ipv4_is_zeronet(addr) || ipv4_is_lbcast(addr))
		return RTN_BROADCAST;
	if (ipv4_is_multicast(addr))
		return RTN_MULTICAST;
	if (local && !fib_table_lookup(local, &fl4, &res, 0))
		return res.type;
	return RTN_UNICAST;
}

unsigned int inet_addr_type_dev_table(struct net *net, const struct net_device *dev, __be32 addr)
{
	return inet_addr_type(net, addr);
}

/* RFC 1191: remember a smaller path MTU for daddr (from ICMP frag needed); never below 552 (RFC 1191 3). */
void ipv4_update_pmtu(struct sk_buff *skb, struct net *net, u32 mtu, int oif, u8 protocol)
{
	const struct iphdr *iph = (const struct iphdr *)skb->data;
	int i, slot = 0;

	if (mtu < IP_MIN_PMTU)
		mtu = IP_MIN_PMTU;
	for (i = 0; i < PMTU_EXCEPTIONS; i++) {
		if (pmtu_exc[i].daddr == iph->daddr) {
			slot = i;
			break;
		}
		if (time_before(pmtu_exc[i].expires, pmtu_exc[slot].expires))
			slot = i;
	}
	pmtu_exc[slot].daddr = iph->daddr;
	pmtu_exc[slot].mtu = mtu;
	pmtu_exc[slot].expires = jiffies + PMTU_EXPIRES;
	rt_cache_flush(net);
}

void ip_rt_init(void)
{
	ip_dst_cache = kmem_cache_create("ip_dst_cache", sizeof(struct rtable), 0, SLAB_HWCACHE_ALIGN | SLAB_PANIC,
					 NULL);
	ipv4_dst_ops.kmem_cachep = ip_dst_cache;
	ip_fib_init();
	devinet_init();
}
