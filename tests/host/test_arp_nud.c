/* Host tests of ARP (net/ipv4/arp.c) and the neighbour state machine (net/core/neighbour.c). */
#include <linux/string.h>
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

/* Each test ends here: the NIC and everything it caused (neighbours, routes, skbs) are gone. */
static int teardown(void **state)
{
	host_inet_nic_destroy(dev);
	host_advance_time(100 * 1000);	/* past gc_staletime + gc_interval: idle entries go */
	host_assert_no_leaks();
	return 0;
}

/* An IP datagram of len payload bytes from us to daddr, through the normal output path. */
static int send_ip(__be32 daddr, unsigned int len)
{
	struct flowi4 fl4 = { .daddr = daddr, .flowi4_proto = 253 };
	struct rtable *rt = ip_route_output_key(&init_net, &fl4);
	struct sk_buff *skb;
	static u8 payload[4000];

	if (IS_ERR(rt))
		return PTR_ERR(rt);
	skb = ip_make_skb(NULL, &fl4, ip_kernel_getfrag, payload, len, 0, NULL, &rt, 0);
	if (IS_ERR(skb))
		return PTR_ERR(skb);
	return ip_send_skb(&init_net, skb);
}

static const struct arphdr *frame_arp(struct sk_buff *skb, const u8 **p)
{
	const struct ethhdr *eth = (const struct ethhdr *)skb->data;

	assert_int_equal(ntohs(eth->h_proto), ETH_P_ARP);
	*p = skb->data + ETH_HLEN + sizeof(struct arphdr);
	return (const struct arphdr *)(skb->data + ETH_HLEN);
}

static struct neighbour *peer_neigh(void)
{
	struct neighbour *n = __ipv4_neigh_lookup_noref(dev, PEER_IP);

	return n;
}

static void assert_who_has(struct sk_buff *skb, __be32 target)
{
	const u8 *p;
	const struct arphdr *arp = frame_arp(skb, &p);
	__be32 sip, tip;

	assert_memory_equal(skb->data, bcast_mac, 6);
	assert_int_equal(ntohs(arp->ar_op), ARPOP_REQUEST);
	assert_memory_equal(p, host_mac, 6);
	memcpy(&sip, p + 6, 4);
	memcpy(&tip, p + 16, 4);
	assert_int_equal(sip, HOST_IP);
	assert_int_equal(tip, target);
}

static void test_arp_request_answered_and_requester_learned(void **state)
{
	u8 f[60] = { 0 };
	struct sk_buff *skb;
	const u8 *p;
	const struct arphdr *arp;
	__be32 ip;
	struct neighbour *n;

	host_build_arp(f, ARPOP_REQUEST, peer_mac, PEER_IP, (const u8[6]){ 0 }, HOST_IP, bcast_mac);
	host_netdev_inject(dev, f, sizeof(f));
	skb = host_netdev_tx_pop(dev);
	assert_non_null(skb);
	arp = frame_arp(skb, &p);
	assert_memory_equal(skb->data, peer_mac, 6);		/* unicast reply */
	assert_memory_equal(skb->data + 6, host_mac, 6);
	assert_int_equal(ntohs(arp->ar_op), ARPOP_REPLY);
	assert_memory_equal(p, host_mac, 6);
	memcpy(&ip, p + 6, 4);
	assert_int_equal(ip, HOST_IP);
	assert_memory_equal(p + 10, peer_mac, 6);
	memcpy(&ip, p + 16, 4);
	assert_int_equal(ip, PEER_IP);
	consume_skb(skb);
	n = peer_neigh();
	assert_non_null(n);
	assert_int_equal(n->nud_state, NUD_STALE);
	assert_memory_equal(n->ha, peer_mac, 6);
}

static void test_arp_request_for_other_host_ignored(void **state)
{
	u8 f[60] = { 0 };

	host_build_arp(f, ARPOP_REQUEST, peer_mac, PEER_IP, (const u8[6]){ 0 }, htonl(0x0a000063), bcast_mac);
	host_netdev_inject(dev, f, sizeof(f));
	assert_int_equal(host_netdev_tx_len(dev), 0);
	assert_null(peer_neigh());
}

static void test_arp_queue_flushed_on_reply(void **state)
{
	u8 f[60] = { 0 };
	struct sk_buff *skb;
	struct neighbour *n;
	int i;

	for (i = 0; i < 3; i++)
		assert_int_equal(send_ip(PEER_IP, 100 + i), 0);
	/* One request went out at once; the packets wait. */
	assert_int_equal(host_netdev_tx_len(dev), 1);
	skb = host_netdev_tx_pop(dev);
	assert_who_has(skb, PEER_IP);
	consume_skb(skb);
	n = peer_neigh();
	assert_non_null(n);
	assert_int_equal(n->nud_state, NUD_INCOMPLETE);
	assert_int_equal(skb_queue_len(&n->arp_queue), 3);

	host_build_arp(f, ARPOP_REPLY, peer_mac, PEER_IP, host_mac, HOST_IP, host_mac);
	host_netdev_inject(dev, f, sizeof(f));
	assert_int_equal(n->nud_state, NUD_REACHABLE);
	assert_int_equal(host_netdev_tx_len(dev), 3);
	for (i = 0; i < 3; i++) {
		skb = host_netdev_tx_pop(dev);
		assert_memory_equal(skb->data, peer_mac, 6);
		assert_int_equal(ntohs(((struct ethhdr *)skb->data)->h_proto), ETH_P_IP);
		assert_int_equal(skb->len, ETH_HLEN + 20 + 100 + i);	/* in order */
		consume_skb(skb);
	}
	/* Resolved: the next packet goes straight out. */
	assert_int_equal(send_ip(PEER_IP, 10), 0);
	assert_int_equal(host_netdev_tx_len(dev), 1);
	host_netdev_tx_purge(dev);
}

static void test_arp_failure_after_three_solicits_drops_and_counts(void **state)
{
	unsigned long discards = arp_tbl.stats.unres_discards;
	unsigned long failed = skb_drop_reasons[SKB_DROP_REASON_NEIGH_FAILED];
	unsigned long unreach = icmp_statistics[ICMP_MIB_OUTDESTUNREACHS];
	struct sk_buff *skb;
	int i;

	assert_int_equal(send_ip(PEER_IP, 64), 0);
	assert_int_equal(send_ip(PEER_IP, 64), 0);
	for (i = 0; i < 3; i++) {
		/* One request per second (retrans_time), three in all (mcast_solicit). */
		assert_int_equal(host_netdev_tx_len(dev), 1);
		skb = host_netdev_tx_pop(dev);
		assert_who_has(skb, PEER_IP);
		consume_skb(skb);
		assert_int_equal(peer_neigh()->nud_state, NUD_INCOMPLETE);
		host_advance_time(999);
		assert_int_equal(host_netdev_tx_len(dev), 0);
		host_advance_time(1);
	}
	assert_int_equal(peer_neigh()->nud_state, NUD_FAILED);
	assert_int_equal(host_netdev_tx_len(dev), 0);
	assert_int_equal(arp_tbl.stats.unres_discards, discards + 2);
	assert_int_equal(skb_drop_reasons[SKB_DROP_REASON_NEIGH_FAILED], failed + 2);
	/* RFC 1122 2.3.2.1: the sender hears "host unreachable" (to ourselves, over lo). */
	assert_int_equal(icmp_statistics[ICMP_MIB_OUTDESTUNREACHS], unreach + 2);
}

static void test_arp_queue_bounded(void **state)
{
	unsigned int limit = arp_tbl.parms.queue_len_bytes;
	unsigned long full = skb_drop_reasons[SKB_DROP_REASON_NEIGH_QUEUEFULL];
	struct neighbour *n;
	int i;

	arp_tbl.parms.queue_len_bytes = 3 * SKB_TRUESIZE(2048);
	for (i = 0; i < 10; i++)
		send_ip(PEER_IP, 1400);
	n = peer_neigh();
	assert_true(n->arp_queue_len_bytes <= arp_tbl.parms.queue_len_bytes);
	assert_true(skb_queue_len(&n->arp_queue) < 10);
	assert_int_equal(skb_drop_reasons[SKB_DROP_REASON_NEIGH_QUEUEFULL] - full,
			 10 - skb_queue_len(&n->arp_queue));
	arp_tbl.parms.queue_len_bytes = limit;
	host_netdev_tx_purge(dev);
}

static void test_nud_reachable_to_stale_to_delay_to_probe(void **state)
{
	struct neighbour *n;
	struct sk_buff *skb;
	u8 f[60] = { 0 };

	host_learn_neigh(dev, PEER_IP, peer_mac);
	n = peer_neigh();
	assert_int_equal(n->nud_state, NUD_REACHABLE);
	/* Unused past reachable_time (15-45 s): STALE. */
	host_advance_time(46 * 1000);
	assert_int_equal(n->nud_state, NUD_STALE);
	/* Used while STALE: sent at once to the old address, DELAY for 5 s ... */
	assert_int_equal(send_ip(PEER_IP, 20), 0);
	assert_int_equal(host_netdev_tx_len(dev), 1);
	host_netdev_tx_purge(dev);
	assert_int_equal(n->nud_state, NUD_DELAY);
	/* ... then PROBE: a unicast request to the cached address. */
	host_advance_time(5000);
	assert_int_equal(n->nud_state, NUD_PROBE);
	skb = host_netdev_tx_pop(dev);
	assert_non_null(skb);
	assert_memory_equal(skb->data, peer_mac, 6);
	consume_skb(skb);
	/* A reply confirms it. */
	host_build_arp(f, ARPOP_REPLY, peer_mac, PEER_IP, host_mac, HOST_IP, host_mac);
	host_netdev_inject(dev, f, sizeof(f));
	assert_int_equal(n->nud_state, NUD_REACHABLE);
	host_netdev_tx_purge(dev);
}

static void test_gratuitous_arp_on_up(void **state)
{
	struct sk_buff *skb;
	const u8 *p;
	__be32 sip, tip;

	dev_close(dev);
	host_netdev_tx_purge(dev);
	dev_open(dev);
	skb = host_netdev_tx_pop(dev);
	assert_non_null(skb);
	frame_arp(skb, &p);
	memcpy(&sip, p + 6, 4);
	memcpy(&tip, p + 16, 4);
	assert_int_equal(sip, HOST_IP);
	assert_int_equal(tip, HOST_IP);
	assert_memory_equal(skb->data, bcast_mac, 6);
	consume_skb(skb);
}

static void test_malformed_arp_counted(void **state)
{
	unsigned long errors = arp_stats.in_errors;
	u8 f[60] = { 0 };

	host_build_arp(f, ARPOP_REQUEST, peer_mac, PEER_IP, (const u8[6]){ 0 }, HOST_IP, bcast_mac);
	f[ETH_HLEN + 4] = 8;		/* ar_hln 8: not Ethernet */
	host_netdev_inject(dev, f, sizeof(f));
	host_build_arp(f, 7, peer_mac, PEER_IP, (const u8[6]){ 0 }, HOST_IP, bcast_mac);	/* bad op */
	host_netdev_inject(dev, f, sizeof(f));
	host_build_arp(f, ARPOP_REQUEST, peer_mac, PEER_IP, (const u8[6]){ 0 }, HOST_IP, bcast_mac);
	host_netdev_inject(dev, f, ETH_HLEN + 20);	/* truncated */
	assert_int_equal(arp_stats.in_errors, errors + 3);
	assert_int_equal(host_netdev_tx_len(dev), 0);
}

static void test_proc_net_arp_format(void **state)
{
	char buf[1024], line[128];

	host_learn_neigh(dev, PEER_IP, peer_mac);
	assert_true(host_proc_read("net/arp", buf, sizeof(buf)) > 0);
	snprintf(line, sizeof(line), "10.0.0.1         0x1         0x2         52:54:00:aa:bb:cc     *        %s\n",
		 dev->name);
	assert_non_null(strstr(buf, "IP address       HW type     Flags       HW address            Mask     Device\n"));
	assert_non_null(strstr(buf, line));
}


/* A full table first throws out entries nobody holds; if all are in use, new ones are refused. */
static void test_neigh_table_limit_forced_gc(void **state)
{
	int thresh2 = arp_tbl.gc_thresh2, thresh3 = arp_tbl.gc_thresh3;
	struct neighbour *held[8];
	unsigned long fulls = arp_tbl.stats.table_fulls;
	int base = arp_tbl.entries, i;
	__be32 ip;

	arp_tbl.gc_thresh2 = base + 4;
	arp_tbl.gc_thresh3 = base + 8;
	for (i = 0; i < 8; i++) {
		ip = htonl(0x0a000010 + i);
		held[i] = __neigh_create(&arp_tbl, &ip, dev, true);
		assert_false(IS_ERR(held[i]));
	}
	ip = htonl(0x0a000030);
	assert_true(IS_ERR(__neigh_create(&arp_tbl, &ip, dev, true)));
	assert_int_equal(arp_tbl.stats.table_fulls, fulls + 1);
	for (i = 0; i < 8; i++)
		neigh_release(held[i]);
	host_advance_time(6000);
	held[0] = __neigh_create(&arp_tbl, &ip, dev, true);
	assert_false(IS_ERR(held[0]));
	assert_true(arp_tbl.entries <= base + 1);
	neigh_release(held[0]);
	arp_tbl.gc_thresh2 = thresh2;
	arp_tbl.gc_thresh3 = thresh3;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_arp_request_answered_and_requester_learned, setup, teardown),
		cmocka_unit_test_setup_teardown(test_arp_request_for_other_host_ignored, setup, teardown),
		cmocka_unit_test_setup_teardown(test_arp_queue_flushed_on_reply, setup, teardown),
		cmocka_unit_test_setup_teardown(test_arp_failure_after_three_solicits_drops_and_counts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_arp_queue_bounded, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nud_reachable_to_stale_to_delay_to_probe, setup, teardown),
		cmocka_unit_test_setup_teardown(test_gratuitous_arp_on_up, setup, teardown),
		cmocka_unit_test_setup_teardown(test_malformed_arp_counted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_proc_net_arp_format, setup, teardown),
		cmocka_unit_test_setup_teardown(test_neigh_table_limit_forced_gc, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
