/* Host tests of the FIB (longest-prefix match), route ioctls, /proc/net/route, output routes,
 * forwarding (TTL, ICMP time exceeded) and loopback delivery. */
#include <linux/string.h>
#include <uapi/linux/route.h>
#include <uapi/linux/sockios.h>
#include "host_inet.h"
#include "host_test.h"

static struct net_device *dev;

static int setup(void **state)
{
	host_inet_init();
	host_leak_mark();
	dev = host_inet_nic();
	return dev ? 0 : -1;
}

static int teardown(void **state)
{
	host_inet_nic_destroy(dev);
	host_advance_time(100 * 1000);
	host_assert_no_leaks();
	return 0;
}

static void set_sin(struct sockaddr *sa, __be32 addr)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)sa;

	memset(sin, 0, sizeof(*sin));
	sin->sin_family = AF_INET;
	sin->sin_addr.s_addr = addr;
}

/* route add -net dst netmask mask [gw gw] (gw 0: dev route through our NIC). */
static int route_ioctl(unsigned int cmd, __be32 dst, __be32 mask, __be32 gw, short metric)
{
	struct rtentry rt;
	char name[IFNAMSIZ];

	memset(&rt, 0, sizeof(rt));
	set_sin(&rt.rt_dst, dst);
	set_sin(&rt.rt_genmask, mask);
	rt.rt_flags = RTF_UP;
	if (gw) {
		set_sin(&rt.rt_gateway, gw);
		rt.rt_flags |= RTF_GATEWAY;
	} else {
		strscpy(name, dev->name, sizeof(name));
		rt.rt_dev = name;
	}
	rt.rt_metric = metric;
	return ip_rt_ioctl(&init_net, cmd, &rt);
}

/* Which gateway (0: direct) and device fib_lookup picks for daddr; -1 if none. */
static long lookup_gw(__be32 daddr)
{
	struct flowi4 fl4 = { .daddr = daddr };
	struct fib_result res;

	if (fib_lookup(&init_net, &fl4, &res, 0))
		return -1;
	return ntohl(FIB_RES_GW(res));
}

#define GW1	htonl(0x0a000001)
#define GW2	htonl(0x0a0000fe)

static void test_fib_longest_prefix_wins(void **state)
{
	assert_int_equal(route_ioctl(SIOCADDRT, htonl(0xc0a80000), htonl(0xffff0000), GW1, 0), 0);	/* /16 */
	assert_int_equal(route_ioctl(SIOCADDRT, htonl(0xc0a80100), htonl(0xffffff00), GW2, 0), 0);	/* /24 */
	assert_int_equal(route_ioctl(SIOCADDRT, htonl(0xc0a80180), htonl(0xffffff80), GW1, 0), 0);	/* /25 */
	assert_int_equal(lookup_gw(htonl(0xc0a80201)), 0x0a000001);	/* only /16 */
	assert_int_equal(lookup_gw(htonl(0xc0a80101)), 0x0a0000fe);	/* /24 beats /16 */
	assert_int_equal(lookup_gw(htonl(0xc0a801ff)), 0x0a000001);	/* /25 beats /24 */
	assert_int_equal(lookup_gw(htonl(0x0a000063)), 0);		/* connected 10.0.0.0/24 */
	assert_int_equal(lookup_gw(htonl(0x08080808)), -1);		/* no default yet */
	/* Delete the /24: its addresses fall back to the /16. */
	assert_int_equal(route_ioctl(SIOCDELRT, htonl(0xc0a80100), htonl(0xffffff00), GW2, 0), 0);
	assert_int_equal(lookup_gw(htonl(0xc0a80101)), 0x0a000001);
	assert_int_equal(route_ioctl(SIOCDELRT, htonl(0xc0a80100), htonl(0xffffff00), GW2, 0), -ESRCH);
}

static void test_fib_default_route_and_metric(void **state)
{
	assert_int_equal(route_ioctl(SIOCADDRT, 0, 0, GW2, 5), 0);
	assert_int_equal(route_ioctl(SIOCADDRT, 0, 0, GW1, 2), 0);
	assert_int_equal(lookup_gw(htonl(0x08080808)), 0x0a000001);	/* lower metric */
	assert_int_equal(route_ioctl(SIOCADDRT, 0, 0, GW1, 2), -EEXIST);
	assert_int_equal(route_ioctl(SIOCDELRT, 0, 0, GW1, 0), 0);
	assert_int_equal(lookup_gw(htonl(0x08080808)), 0x0a0000fe);
}

static void test_fib_bad_routes_rejected(void **state)
{
	/* Host bits set under the mask, a non-contiguous mask, an unreachable gateway. */
	assert_int_equal(route_ioctl(SIOCADDRT, htonl(0xc0a80101), htonl(0xffffff00), GW1, 0), -EINVAL);
	assert_int_equal(route_ioctl(SIOCADDRT, htonl(0xc0a80000), htonl(0xff00ff00), GW1, 0), -EINVAL);
	assert_int_equal(route_ioctl(SIOCADDRT, htonl(0xc0a80000), htonl(0xffff0000), htonl(0xac100001), 0),
			 -ENETUNREACH);
}

static void test_proc_net_route_linux_format(void **state)
{
	char buf[2048], line[256];

	assert_int_equal(route_ioctl(SIOCADDRT, 0, 0, GW1, 0), 0);
	assert_true(host_proc_read("net/route", buf, sizeof(buf)) > 0);
	assert_memory_equal(buf, "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT",
			    strlen("Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT"));
	/* The default route first (destination 0), then the connected network. */
	snprintf(line, sizeof(line), "\n%s\t00000000\t0100000A\t0003\t0\t0\t0\t00000000\t0\t0\t0", dev->name);
	assert_non_null(strstr(buf, line));
	snprintf(line, sizeof(line), "\n%s\t0000000A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0", dev->name);
	assert_non_null(strstr(buf, line));
	assert_true(strstr(buf, "\t00000000\t0100000A") < strstr(buf, "\t0000000A\t00000000"));
	assert_null(strstr(buf, "\nlo\t"));
}

static void test_route_output_picks_source_and_gateway(void **state)
{
	struct flowi4 fl4 = { .daddr = htonl(0x08080808) };
	struct rtable *rt;

	rt = ip_route_output_key(&init_net, &fl4);
	assert_true(IS_ERR(rt));
	assert_int_equal(PTR_ERR(rt), -ENETUNREACH);
	assert_int_equal(route_ioctl(SIOCADDRT, 0, 0, GW1, 0), 0);
	memset(&fl4, 0, sizeof(fl4));
	fl4.daddr = htonl(0x08080808);
	rt = ip_route_output_key(&init_net, &fl4);
	assert_false(IS_ERR(rt));
	assert_ptr_equal(rt->dst.dev, dev);
	assert_int_equal(rt->rt_gw4, GW1);
	assert_int_equal(fl4.saddr, HOST_IP);
	assert_int_equal(dst_mtu(&rt->dst), 1500);
	ip_rt_put(rt);
	/* Our own address goes through lo. */
	memset(&fl4, 0, sizeof(fl4));
	fl4.daddr = HOST_IP;
	rt = ip_route_output_key(&init_net, &fl4);
	assert_false(IS_ERR(rt));
	assert_ptr_equal(rt->dst.dev, loopback_dev);
	assert_true(rt->rt_flags & RTCF_LOCAL);
	ip_rt_put(rt);
}

static void test_routes_follow_interface_down_and_address_change(void **state)
{
	assert_int_equal(lookup_gw(htonl(0x0a000063)), 0);
	dev_close(dev);
	assert_int_equal(lookup_gw(htonl(0x0a000063)), -1);
	dev_open(dev);
	host_netdev_tx_purge(dev);
	assert_int_equal(lookup_gw(htonl(0x0a000063)), 0);
	assert_int_equal(devinet_set_addr(dev, htonl(0xac100005), htonl(0xfff00000)), 0);
	host_netdev_tx_purge(dev);
	assert_int_equal(lookup_gw(htonl(0x0a000063)), -1);
	assert_int_equal(lookup_gw(htonl(0xac1f0001)), 0);
	assert_int_equal(inet_addr_type(&init_net, htonl(0xac100005)), RTN_LOCAL);
	assert_int_equal(inet_addr_type(&init_net, HOST_IP), RTN_UNICAST);
}

/* A small protocol to see what arrives locally. */
static unsigned int got;

static int count_rcv(struct sk_buff *skb)
{
	got++;
	consume_skb(skb);
	return 0;
}

static const struct net_protocol count_protocol = { .handler = count_rcv };

static void test_loopback_delivery(void **state)
{
	struct flowi4 fl4 = { .daddr = htonl(0x7f000001), .flowi4_proto = 253 };
	struct rtable *rt;
	struct sk_buff *skb;
	static u8 data[100];

	inet_add_protocol(&count_protocol, 253);
	got = 0;
	rt = ip_route_output_key(&init_net, &fl4);
	assert_false(IS_ERR(rt));
	assert_int_equal(fl4.saddr, htonl(0x7f000001));
	skb = ip_make_skb(NULL, &fl4, ip_kernel_getfrag, data, sizeof(data), 0, NULL, &rt, 0);
	assert_false(IS_ERR(skb));
	assert_int_equal(ip_send_skb(&init_net, skb), 0);
	assert_int_equal(got, 1);
	assert_int_equal(host_netdev_tx_len(dev), 0);
	inet_del_protocol(&count_protocol, 253);
}

static void test_forwarding_ttl_and_time_exceeded(void **state)
{
	HOST_FRAME(f, 256);
	struct net_device *dev2 = host_netdev_create(peer_mac);
	static const u8 far_mac[6] = { 0x52, 0x54, 0, 7, 7, 7 };
	struct sk_buff *skb;
	struct iphdr *iph;
	unsigned int len;

	sysctl_ip_forward = 1;
	devinet_set_addr(dev2, htonl(0xc0a80001), htonl(0xffffff00));
	host_netdev_tx_purge(dev2);
	host_learn_neigh(dev2, htonl(0xc0a80009), far_mac);
	host_learn_neigh(dev, PEER_IP, peer_mac);

	/* 10.0.0.1 -> 192.168.0.9 through us: out of dev2 with TTL 63 and a valid checksum. */
	len = host_build_ipv4(f, host_mac, peer_mac, PEER_IP, htonl(0xc0a80009), 253, 20);
	host_netdev_inject(dev, f, len);
	skb = host_netdev_tx_pop(dev2);
	assert_non_null(skb);
	iph = (struct iphdr *)(skb->data + ETH_HLEN);
	assert_memory_equal(skb->data, far_mac, 6);
	assert_int_equal(iph->ttl, 63);
	assert_int_equal(ip_fast_csum(iph, 5), 0);
	consume_skb(skb);

	/* TTL 1: not forwarded, ICMP time exceeded back to the source (traceroute). */
	iph = (struct iphdr *)(f + ETH_HLEN);
	iph->ttl = 1;
	ip_send_check(iph);
	host_netdev_inject(dev, f, len);
	assert_int_equal(host_netdev_tx_len(dev2), 0);
	skb = host_netdev_tx_pop(dev);
	assert_non_null(skb);
	assert_int_equal(((struct icmphdr *)(skb->data + 34))->type, ICMP_TIME_EXCEEDED);
	assert_int_equal(((struct iphdr *)(skb->data + ETH_HLEN))->saddr, HOST_IP);
	consume_skb(skb);
	sysctl_ip_forward = 0;
	host_netdev_destroy(dev2);
}


/* Forwarding onto a link with a smaller MTU: fragments, or "fragmentation needed" when DF is set. */
static void test_forwarding_fragments_or_frag_needed(void **state)
{
	HOST_FRAME(f, 1600);
	struct net_device *dev2 = host_netdev_create(peer_mac);
	static const u8 far_mac[6] = { 0x52, 0x54, 0, 7, 7, 7 };
	struct sk_buff *skb;
	struct iphdr *iph;
	struct icmphdr *icmph;
	unsigned int len, total = 0;
	int n = 0;

	sysctl_ip_forward = 1;
	devinet_set_addr(dev2, htonl(0xc0a80001), htonl(0xffffff00));
	dev2->mtu = 576;
	host_netdev_tx_purge(dev2);
	host_learn_neigh(dev2, htonl(0xc0a80009), far_mac);
	host_learn_neigh(dev, PEER_IP, peer_mac);

	len = host_build_ipv4(f, host_mac, peer_mac, PEER_IP, htonl(0xc0a80009), 253, 1000);
	host_netdev_inject(dev, f, len);
	while ((skb = host_netdev_tx_pop(dev2)) != NULL) {
		iph = (struct iphdr *)(skb->data + ETH_HLEN);
		assert_true(ntohs(iph->tot_len) <= 576);
		assert_int_equal(iph->ttl, 63);
		assert_int_equal(ip_fast_csum(iph, 5), 0);
		assert_int_equal((ntohs(iph->frag_off) & IP_OFFSET) * 8, total);
		total += ntohs(iph->tot_len) - 20;
		n++;
		consume_skb(skb);
	}
	assert_int_equal(n, 2);
	assert_int_equal(total, 1000);

	iph = (struct iphdr *)(f + ETH_HLEN);
	iph->frag_off = htons(IP_DF);
	ip_send_check(iph);
	host_netdev_inject(dev, f, len);
	assert_int_equal(host_netdev_tx_len(dev2), 0);
	skb = host_netdev_tx_pop(dev);
	assert_non_null(skb);
	icmph = (struct icmphdr *)(skb->data + 34);
	assert_int_equal(icmph->type, ICMP_DEST_UNREACH);
	assert_int_equal(icmph->code, ICMP_FRAG_NEEDED);
	assert_int_equal(ntohs(icmph->un.frag.mtu), 576);
	consume_skb(skb);
	sysctl_ip_forward = 0;
	host_netdev_destroy(dev2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_fib_longest_prefix_wins, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fib_default_route_and_metric, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fib_bad_routes_rejected, setup, teardown),
		cmocka_unit_test_setup_teardown(test_proc_net_route_linux_format, setup, teardown),
		cmocka_unit_test_setup_teardown(test_route_output_picks_source_and_gateway, setup, teardown),
		cmocka_unit_test_setup_teardown(test_routes_follow_interface_down_and_address_change, setup, teardown),
		cmocka_unit_test_setup_teardown(test_loopback_delivery, setup, teardown),
		cmocka_unit_test_setup_teardown(test_forwarding_ttl_and_time_exceeded, setup, teardown),
		cmocka_unit_test_setup_teardown(test_forwarding_fragments_or_frag_needed, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
