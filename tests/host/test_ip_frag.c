/* Host tests of fragmentation on output (ip_do_fragment) and reassembly (ip_defrag). */
#include <linux/string.h>
#include "host_inet.h"
#include "host_test.h"

static struct net_device *dev;

static int setup(void **state)
{
	host_inet_init();
	host_leak_mark();
	dev = host_inet_nic();
	host_learn_neigh(dev, PEER_IP, peer_mac);
	return dev ? 0 : -1;
}

static int teardown(void **state)
{
	host_inet_nic_destroy(dev);
	host_advance_time(100 * 1000);
	host_assert_no_leaks();
	return 0;
}

static u8 payload[4000];

/* Sends a datagram of len bytes of protocol 253 to the peer; returns frames transmitted. */
static int send_datagram(unsigned int len)
{
	struct flowi4 fl4 = { .daddr = PEER_IP, .flowi4_proto = 253 };
	struct rtable *rt = ip_route_output_key(&init_net, &fl4);
	struct sk_buff *skb;
	unsigned int i;

	assert_false(IS_ERR(rt));
	for (i = 0; i < sizeof(payload); i++)
		payload[i] = i * 7;
	skb = ip_make_skb(NULL, &fl4, ip_kernel_getfrag, payload, len, 0, NULL, &rt, 0);
	assert_false(IS_ERR(skb));
	assert_int_equal(ip_send_skb(&init_net, skb), 0);
	return host_netdev_tx_len(dev);
}

static void test_fragmentation_above_mtu(void **state)
{
	u8 got[4000];
	unsigned int total = 0, n, i;
	u16 id = 0;

	n = send_datagram(3000);
	assert_int_equal(n, 3);		/* 1480 + 1480 + 40 */
	for (i = 0; i < n; i++) {
		struct sk_buff *skb = host_netdev_tx_pop(dev);
		struct iphdr *iph = (struct iphdr *)(skb->data + ETH_HLEN);
		unsigned int off = (ntohs(iph->frag_off) & IP_OFFSET) * 8;
		unsigned int len = ntohs(iph->tot_len) - 20;

		assert_true(skb->len <= ETH_HLEN + 1500u);
		assert_int_equal(ip_fast_csum(iph, iph->ihl), 0);
		if (i == 0)
			id = iph->id;
		assert_int_equal(iph->id, id);
		assert_int_equal(off, total);
		assert_int_equal(!!(iph->frag_off & htons(IP_MF)), i < n - 1);
		if (i < n - 1)
			assert_int_equal(len % 8, 0);
		memcpy(got + off, skb->data + ETH_HLEN + 20, len);
		total += len;
		consume_skb(skb);
	}
	assert_int_equal(total, 3000);
	assert_memory_equal(got, payload, 3000);
}

static void test_no_fragmentation_at_mtu(void **state)
{
	assert_int_equal(send_datagram(1480), 1);
	host_netdev_tx_purge(dev);
}

/* Reassembly: a protocol handler records what it receives. */
static unsigned int delivered_len, delivered_count;
static u8 delivered[70000];

static int test_proto_rcv(struct sk_buff *skb)
{
	delivered_count++;
	delivered_len = skb->len;
	memcpy(delivered, skb->data, skb->len);
	consume_skb(skb);
	return 0;
}

static const struct net_protocol test_protocol = { .handler = test_proto_rcv };

static void inject_frag(u16 id, unsigned int off, unsigned int len, bool more)
{
	HOST_FRAME(f, 2048);
	unsigned int flen = host_build_ipv4(f, host_mac, peer_mac, PEER_IP, HOST_IP, 253, len);
	struct iphdr *iph = (struct iphdr *)(f + ETH_HLEN);
	unsigned int i;

	for (i = 0; i < len; i++)
		f[34 + i] = (off + i) * 3;
	iph->id = htons(id);
	iph->frag_off = htons((off / 8) | (more ? IP_MF : 0));
	ip_send_check(iph);
	host_netdev_inject(dev, f, flen);
}

static void check_delivered(unsigned int len)
{
	unsigned int i;

	assert_int_equal(delivered_count, 1);
	assert_int_equal(delivered_len, len);
	for (i = 0; i < len; i++)
		if (delivered[i] != (u8)(i * 3))
			fail_msg("byte %u wrong", i);
}

static int proto_setup(void **state)
{
	delivered_count = 0;
	inet_add_protocol(&test_protocol, 253);
	return setup(state);
}

static int proto_teardown(void **state)
{
	inet_del_protocol(&test_protocol, 253);
	return teardown(state);
}

static void test_reassembly_in_order(void **state)
{
	unsigned long oks = ip_statistics[IPSTATS_MIB_REASMOKS];

	inject_frag(1, 0, 1000, true);
	inject_frag(1, 1000, 1000, true);
	assert_int_equal(delivered_count, 0);
	inject_frag(1, 2000, 500, false);
	check_delivered(2500);
	assert_int_equal(ip_statistics[IPSTATS_MIB_REASMOKS], oks + 1);
	assert_int_equal(ip_frag_nqueues(), 0);
	assert_int_equal(ip_frag_mem(), 0);
}

static void test_reassembly_out_of_order(void **state)
{
	inject_frag(2, 2000, 500, false);
	inject_frag(2, 0, 1000, true);
	inject_frag(2, 1000, 1000, true);
	check_delivered(2500);
}

static void test_reassembly_duplicate_fragment_ignored(void **state)
{
	inject_frag(3, 0, 1000, true);
	inject_frag(3, 0, 1000, true);
	inject_frag(3, 1000, 8, false);
	check_delivered(1008);
}

static void test_reassembly_overlap_discards_datagram(void **state)
{
	unsigned long overlaps = ip_statistics[IPSTATS_MIB_REASM_OVERLAPS];

	inject_frag(4, 0, 1000, true);
	inject_frag(4, 992, 1000, false);	/* overlaps by 8 bytes: RFC 5722 */
	assert_int_equal(ip_statistics[IPSTATS_MIB_REASM_OVERLAPS], overlaps + 1);
	assert_int_equal(ip_frag_nqueues(), 0);
	inject_frag(4, 1000, 992, false);	/* too late: the datagram is gone */
	assert_int_equal(delivered_count, 0);
	assert_int_equal(ip_frag_nqueues(), 1);
	host_advance_time(31 * 1000);
	assert_int_equal(ip_frag_nqueues(), 0);
}

static void test_reassembly_timeout_sends_time_exceeded(void **state)
{
	unsigned long timeouts = ip_statistics[IPSTATS_MIB_REASMTIMEOUT];
	struct sk_buff *skb;
	struct icmphdr *icmph;

	inject_frag(5, 0, 1000, true);
	host_advance_time(29 * 1000);
	assert_int_equal(ip_frag_nqueues(), 1);
	host_advance_time(1000);
	assert_int_equal(ip_frag_nqueues(), 0);
	assert_int_equal(ip_statistics[IPSTATS_MIB_REASMTIMEOUT], timeouts + 1);
	skb = host_netdev_tx_pop(dev);
	assert_non_null(skb);
	icmph = (struct icmphdr *)(skb->data + 34);
	assert_int_equal(icmph->type, ICMP_TIME_EXCEEDED);
	assert_int_equal(icmph->code, ICMP_EXC_FRAGTIME);
	consume_skb(skb);
	assert_int_equal(delivered_count, 0);
}

static void test_reassembly_timeout_without_first_is_silent(void **state)
{
	inject_frag(6, 1000, 1000, true);
	host_advance_time(30 * 1000);
	assert_int_equal(ip_frag_nqueues(), 0);
	assert_int_equal(host_netdev_tx_len(dev), 0);
}

static void test_reassembly_memory_limit(void **state)
{
	long high = sysctl_ipfrag_high_thresh, low = sysctl_ipfrag_low_thresh;
	unsigned long fails = ip_statistics[IPSTATS_MIB_REASMFAILS];
	int i;

	sysctl_ipfrag_high_thresh = 20000;
	sysctl_ipfrag_low_thresh = 10000;
	for (i = 0; i < 40; i++)
		inject_frag(100 + i, 0, 1000, true);
	assert_true(ip_frag_mem() <= 20000);
	assert_true(ip_statistics[IPSTATS_MIB_REASMFAILS] > fails);
	/* The newest datagrams are still being reassembled: complete one. */
	inject_frag(139, 1000, 8, false);
	check_delivered(1008);
	sysctl_ipfrag_high_thresh = high;
	sysctl_ipfrag_low_thresh = low;
	host_advance_time(31 * 1000);
	host_netdev_tx_purge(dev);
	assert_int_equal(ip_frag_nqueues(), 0);
}

static void test_reassembly_oversize_rejected(void **state)
{
	unsigned long fails = ip_statistics[IPSTATS_MIB_REASMFAILS];

	inject_frag(7, 65528, 100, false);	/* would end past 65535 */
	assert_int_equal(ip_statistics[IPSTATS_MIB_REASMFAILS], fails + 1);
	assert_int_equal(ip_frag_nqueues(), 0);
}

static void test_reassembly_big_datagram_round_trip(void **state)
{
	unsigned int off;

	for (off = 0; off < 60000; off += 1480)
		inject_frag(8, off, off + 1480 < 60000 ? 1480 : 60000 - off, off + 1480 < 60000);
	check_delivered(60000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_fragmentation_above_mtu, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_fragmentation_at_mtu, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reassembly_in_order, proto_setup, proto_teardown),
		cmocka_unit_test_setup_teardown(test_reassembly_out_of_order, proto_setup, proto_teardown),
		cmocka_unit_test_setup_teardown(test_reassembly_duplicate_fragment_ignored, proto_setup, proto_teardown),
		cmocka_unit_test_setup_teardown(test_reassembly_overlap_discards_datagram, proto_setup, proto_teardown),
		cmocka_unit_test_setup_teardown(test_reassembly_timeout_sends_time_exceeded, proto_setup, proto_teardown),
		cmocka_unit_test_setup_teardown(test_reassembly_timeout_without_first_is_silent, proto_setup,
						proto_teardown),
		cmocka_unit_test_setup_teardown(test_reassembly_memory_limit, proto_setup, proto_teardown),
		cmocka_unit_test_setup_teardown(test_reassembly_oversize_rejected, proto_setup, proto_teardown),
		cmocka_unit_test_setup_teardown(test_reassembly_big_datagram_round_trip, proto_setup, proto_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
