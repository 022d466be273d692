/*
 * IPv4 routes (net/ipv4/route.c). A lookup (ip_route_output_flow for sending, ip_route_input_noref
 * for received packets) asks the FIB (fib_lookup, longest-prefix match) and answers with a
 * struct rtable: the dst_entry plus IPv4 facts (gateway, type). No route cache: each lookup makes a
 * new rtable; sockets cache theirs in sk_dst_cache until a route change obsoletes it.
 */
#ifndef _NET_ROUTE_H
#define _NET_ROUTE_H

#include <net/dst.h>
#include <net/flow.h>
#include <net/net_namespace.h>
#include <uapi/linux/in.h>
#include <linux/ip.h>
#include <linux/err.h>

/* rt_type / fib_type (RTN_* of uapi/linux/rtnetlink.h). */
enum {
	RTN_UNSPEC,
	RTN_UNICAST,		/* gateway or direct route */
	RTN_LOCAL,		/* accept locally */
	RTN_BROADCAST,		/* accept locally as broadcast, send as broadcast */
	RTN_ANYCAST,
	RTN_MULTICAST,
	RTN_BLACKHOLE,
	RTN_UNREACHABLE,	/* destination is unreachable */
	RTN_PROHIBIT,
	RTN_THROW,
	RTN_NAT,
	RTN_XRESOLVE,
	__RTN_MAX
};

/* rt_flags */
#define RTCF_NOTIFY	0x00010000
#define RTCF_BROADCAST	0x10000000
#define RTCF_MULTICAST	0x20000000
#define RTCF_LOCAL	0x80000000

#define RT_TOS(tos)	((tos) & 0x1E)

struct rtable {
	struct dst_entry	dst;
	int			rt_genid;
	unsigned int		rt_flags;
	u16			rt_type;
	u8			rt_is_input;
	u8			rt_uses_gateway;	/* next hop is rt_gw4, not the destination */
	int			rt_iif;
	u8			rt_gw_family;
	__be32			rt_gw4;
	u32			rt_pmtu;		/* 0 = device MTU */
};

static inline struct rtable *skb_rtable(const struct sk_buff *skb)
{
	return (struct rtable *)skb_dst(skb);
}

static inline void ip_rt_put(struct rtable *rt)
{
	if (rt)
		dst_release(&rt->dst);
}

/* The next hop for daddr through rt: the gateway, or daddr itself on a connected network. */
static inline __be32 rt_nexthop(const struct rtable *rt, __be32 daddr)
{
	if (rt->rt_gw_family == AF_INET)
		return rt->rt_gw4;
	return daddr;
}

void ip_rt_init(void);
struct rtable *ip_route_output_flow(struct net *net, struct flowi4 *flp4, const struct sock *sk);
struct rtable *__ip_route_output_key(struct net *net, struct flowi4 *flp);
static inline struct rtable *ip_route_output_key(struct net *net, struct flowi4 *flp)
{
	return ip_route_output_flow(net, flp, NULL);
}

static inline struct rtable *ip_route_output_ports(struct net *net, struct flowi4 *fl4, const struct sock *sk,
						   __be32 daddr, __be32 saddr, __be16 dport, __be16 sport,
						   u8 proto, u8 tos, int oif)
{
	flowi4_init_output(fl4, oif, 0, tos, RT_SCOPE_UNIVERSE, proto, 0, daddr, saddr, dport, sport);
	return ip_route_output_flow(net, fl4, sk);
}

/* tcp_v4_connect: route to dst, filling fl4->saddr when src is 0. */
struct rtable *ip_route_connect(struct flowi4 *fl4, __be32 dst, __be32 src, int oif, u8 protocol,
				__be16 sport, __be16 dport, const struct sock *sk);

int ip_route_input_noref(struct sk_buff *skb, __be32 daddr, __be32 saddr, u8 tos, struct net_device *dev);

/* RTN_LOCAL for our addresses, RTN_BROADCAST, RTN_UNICAST otherwise (inet_bind checks with it). */
unsigned int inet_addr_type(struct net *net, __be32 addr);
unsigned int inet_addr_type_dev_table(struct net *net, const struct net_device *dev, __be32 addr);

/* Invalidates every cached route (after a route or address change). */
void rt_cache_flush(struct net *net);
/* Learned path MTU from ICMP "fragmentation needed" (RFC 1191). */
void ipv4_update_pmtu(struct sk_buff *skb, struct net *net, u32 mtu, int oif, u8 protocol);

struct rtentry;
int ip_rt_ioctl(struct net *net, unsigned int cmd, struct rtentry *rt);

#endif
