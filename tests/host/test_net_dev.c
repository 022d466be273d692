/* Host tests of the device layer: eth_type_trans, loopback, the stopped-queue qdisc, backlog/NAPI. */
#include <linux/string.h>
#include "host_inet.h"
#include "host_test.h"

static int setup(void **state)
{
	host_inet_init();
	host_leak_mark();
	return 0;
}

static void test_eth_type_trans_classifies_destination(void **state)
{
	struct net_device *dev = host_netdev_create(host_mac);
	static const u8 mcast[6] = { 0x01, 0x00, 0x5e, 0, 0, 1 };
	static const u8 other[6] = { 0x52, 0x54, 0, 9, 9, 9 };
	const u8 *dests[] = { host_mac, bcast_mac, mcast, other };
	const int types[] = { PACKET_HOST, PACKET_BROADCAST, PACKET_MULTICAST, PACKET_OTHERHOST };
	unsigned int i;

	for (i = 0; i < 4; i++) {
		struct sk_buff *skb = alloc_skb(64, GFP_KERNEL);
		u8 *f = skb_put_zero(skb, 60);

		memcpy(f, dests[i], 6);
		memcpy(f + 6, peer_mac, 6);
		f[12] = 0x08;
		f[13] = 0x06;
		assert_int_equal(eth_type_trans(skb, dev), htons(ETH_P_ARP));
		assert_int_equal(skb->pkt_type, types[i]);
		assert_int_equal(skb->len, 46);
		assert_ptr_equal(eth_hdr(skb), f);
		kfree_skb(skb);
	}
	host_netdev_destroy(dev);
	host_assert_no_leaks();
}

static void test_eth_type_trans_8023_length_field(void **state)
{
	struct net_device *dev = host_netdev_create(host_mac);
	struct sk_buff *skb = alloc_skb(64, GFP_KERNEL);
	u8 *f = skb_put_zero(skb, 60);

	memcpy(f, host_mac, 6);
	f[12] = 0x00;
	f[13] = 0x2e;	/* a length, not a type */
	assert_int_equal(eth_type_trans(skb, dev), htons(ETH_P_802_3));
	kfree_skb(skb);
	host_netdev_destroy(dev);
	host_assert_no_leaks();
}

static void test_register_names_eth_and_lo(void **state)
{
	struct net_device *a = host_netdev_create(host_mac), *b = host_netdev_create(peer_mac);

	assert_non_null(loopback_dev);
	assert_string_equal(loopback_dev->name, "lo");
	assert_true(loopback_dev->flags & IFF_UP);
	assert_true(loopback_dev->flags & IFF_LOOPBACK);
	assert_int_equal(loopback_dev->mtu, 65536);
	assert_ptr_equal(__dev_get_by_name(NULL, a->name), a);
	assert_ptr_equal(__dev_get_by_index(NULL, b->ifindex), b);
	assert_int_not_equal(a->ifindex, b->ifindex);
	assert_true(strncmp(a->name, "eth", 3) == 0 && strncmp(b->name, "eth", 3) == 0);
	assert_string_not_equal(a->name, b->name);
	host_netdev_destroy(a);
	host_netdev_destroy(b);
	host_assert_no_leaks();
}

static void test_loopback_has_127_0_0_1(void **state)
{
	struct in_device *in_dev = __in_dev_get_rtnl(loopback_dev);

	assert_non_null(in_dev);
	assert_non_null(in_dev->ifa_list);
	assert_int_equal(in_dev->ifa_list->ifa_local, htonl(0x7f000001));
	assert_int_equal(in_dev->ifa_list->ifa_prefixlen, 8);
	assert_int_equal(inet_addr_type(&init_net, htonl(0x7f000001)), RTN_LOCAL);
	assert_int_equal(inet_addr_type(&init_net, htonl(0x7f0000fe)), RTN_LOCAL);
	host_assert_no_leaks();
}

static void test_unknown_ethertype_counted(void **state)
{
	struct net_device *dev = host_netdev_create(host_mac);
	u8 f[60] = { 0 };
	unsigned long before = skb_drop_reasons[SKB_DROP_REASON_UNHANDLED_PROTO];

	memcpy(f, host_mac, 6);
	f[12] = 0x88;
	f[13] = 0xb5;	/* local experimental EtherType: nobody registered it */
	host_netdev_inject(dev, f, sizeof(f));
	assert_int_equal(dev->rx_nohandler, 1);
	assert_int_equal(skb_drop_reasons[SKB_DROP_REASON_UNHANDLED_PROTO], before + 1);
	host_netdev_destroy(dev);
	host_assert_no_leaks();
}

/* A driver whose ring is full stops the queue: packets wait in the qdisc and leave, in order,
 * when the queue is woken; nothing is dropped. */
static void test_stopped_queue_holds_and_resends_in_order(void **state)
{
	struct net_device *dev = host_netdev_create(host_mac);
	int i;

	host_netdev_set_tx_limit(dev, 2);
	for (i = 0; i < 5; i++) {
		struct sk_buff *skb = alloc_skb(64, GFP_KERNEL);

		skb_reserve(skb, 16);
		*(u8 *)skb_put(skb, 1) = i;
		skb->dev = dev;
		assert_int_equal(dev_queue_xmit(skb), NET_XMIT_SUCCESS);
	}
	assert_int_equal(host_netdev_tx_len(dev), 2);
	assert_true(netif_queue_stopped(dev));
	assert_int_equal(skb_queue_len(&dev->qdisc), 3);
	host_netdev_tx_complete(dev, 2);	/* frees 0 and 1, wakes: 2 and 3 go out */
	assert_int_equal(host_netdev_tx_len(dev), 2);
	host_netdev_tx_complete(dev, 2);
	assert_int_equal(host_netdev_tx_len(dev), 1);
	{
		struct sk_buff *skb = host_netdev_tx_pop(dev);

		assert_int_equal(skb->data[0], 4);
		consume_skb(skb);
	}
	assert_int_equal(dev->stats.tx_dropped, 0);
	assert_int_equal(dev->stats.tx_packets, 5);
	host_netdev_destroy(dev);
	host_assert_no_leaks();
}

static void test_xmit_on_down_device_dropped(void **state)
{
	struct net_device *dev = host_netdev_create(host_mac);
	struct sk_buff *skb = alloc_skb(64, GFP_KERNEL);

	dev_close(dev);
	skb_put_zero(skb, 20);
	skb->dev = dev;
	assert_int_equal(dev_queue_xmit(skb), -ENETDOWN);
	assert_int_equal(dev->stats.tx_dropped, 1);
	host_netdev_destroy(dev);
	host_assert_no_leaks();
}

/*
 * NAPI: each scheduled context is polled with its weight once per NET_RX round; one with more
 * work goes back on the list and the softirq is raised again. When a round spends the whole
 * budget with contexts still waiting, net_rx_action yields (time_squeeze).
 */
struct fake_napi {
	struct napi_struct napi;
	int left;
	int calls;
};

static int fake_poll(struct napi_struct *napi, int budget)
{
	struct fake_napi *f = container_of(napi, struct fake_napi, napi);
	int done = f->left < budget ? f->left : budget;

	f->calls++;
	f->left -= done;
	if (done < budget)
		napi_complete_done(napi, done);
	return done;
}

static void test_napi_budget_and_completion(void **state)
{
	struct net_device *dev = host_netdev_create(host_mac);
	struct fake_napi a = { .left = 1000 }, b = { .left = 1000 };
	unsigned int squeeze = softnet_data.time_squeeze;
	int budget = netdev_budget;

	netif_napi_add(dev, &a.napi, fake_poll);
	netif_napi_add(dev, &b.napi, fake_poll);
	napi_schedule(&a.napi);			/* not enabled yet: ignored */
	assert_int_equal(a.calls, 0);
	napi_enable(&a.napi);
	napi_enable(&b.napi);
	netdev_budget = 100;
	local_bh_disable();
	napi_schedule(&a.napi);
	napi_schedule(&b.napi);
	local_bh_enable();
	host_run_softirqs();
	netdev_budget = budget;
	assert_int_equal(a.left, 0);
	assert_int_equal(b.left, 0);
	assert_int_equal(a.calls, 1000 / 64 + 1);
	assert_int_equal(b.calls, 1000 / 64 + 1);
	assert_true(softnet_data.time_squeeze > squeeze);
	assert_false(a.napi.state & (1UL << NAPI_STATE_SCHED));
	assert_true(list_empty(&softnet_data.poll_list));
	host_netdev_destroy(dev);
	host_assert_no_leaks();
}


/*
 * An interrupt that arrives while its NAPI context is being polled (here: the poll itself calls
 * napi_schedule on its first run) must not be lost: napi_complete_done says "not done" and the
 * context is polled once more, after which it completes for real.
 */
struct irq_during_poll {
	struct napi_struct napi;
	int calls;
	bool completed[2];
};

static int poll_with_irq_on_first_call(struct napi_struct *napi, int budget)
{
	struct irq_during_poll *p = container_of(napi, struct irq_during_poll, napi);

	if (p->calls == 0)
		napi_schedule(napi);
	if (p->calls < 2)
		p->completed[p->calls] = napi_complete_done(napi, 0);
	p->calls++;
	return 0;
}

static void test_napi_schedule_during_poll_polls_again(void **state)
{
	struct net_device *dev = host_netdev_create(host_mac);
	struct irq_during_poll p = { .calls = 0 };

	netif_napi_add(dev, &p.napi, poll_with_irq_on_first_call);
	napi_enable(&p.napi);
	napi_schedule(&p.napi);
	host_run_softirqs();
	assert_int_equal(p.calls, 2);
	assert_false(p.completed[0]);
	assert_true(p.completed[1]);
	assert_false(p.napi.state & ((1UL << NAPI_STATE_SCHED) | (1UL << NAPI_STATE_MISSED)));
	assert_true(list_empty(&softnet_data.poll_list));
	host_netdev_destroy(dev);
	host_assert_no_leaks();
}


/* A stopped queue holds at most txqueuelen packets; the rest are dropped and counted. */
static void test_qdisc_full_drops_and_counts(void **state)
{
	struct net_device *dev = host_netdev_create(host_mac);
	unsigned long qdrops = skb_drop_reasons[SKB_DROP_REASON_QDISC_DROP];
	int i;

	dev->tx_queue_len = 4;
	host_netdev_set_tx_limit(dev, 1);
	for (i = 0; i < 10; i++) {
		struct sk_buff *skb = alloc_skb(64, GFP_KERNEL);

		skb_put_zero(skb, 20);
		skb->dev = dev;
		dev_queue_xmit(skb);
	}
	assert_int_equal(host_netdev_tx_len(dev), 1);
	assert_int_equal(skb_queue_len(&dev->qdisc), 4);
	assert_int_equal(dev->stats.tx_dropped, 5);
	assert_int_equal(skb_drop_reasons[SKB_DROP_REASON_QDISC_DROP], qdrops + 5);
	host_netdev_destroy(dev);	/* closing the device frees what waits */
	host_assert_no_leaks();
}

/* netif_rx's backlog is bounded by netdev_max_backlog; overflow is dropped and counted. */
static void test_backlog_full_drops_and_counts(void **state)
{
	int max = netdev_max_backlog, i;
	unsigned int dropped = softnet_data.dropped;
	unsigned long before = skb_drop_reasons[SKB_DROP_REASON_CPU_BACKLOG];

	netdev_max_backlog = 3;
	local_bh_disable();		/* as in a driver's interrupt: nothing is processed yet */
	for (i = 0; i < 5; i++) {
		struct sk_buff *skb = alloc_skb(64, GFP_ATOMIC);
		u8 *f = skb_put_zero(skb, 60);

		memcpy(f, loopback_dev->dev_addr, 6);
		f[12] = 0x88;
		f[13] = 0xb5;
		skb->protocol = eth_type_trans(skb, loopback_dev);
		netif_rx(skb);
	}
	assert_int_equal(skb_queue_len(&softnet_data.input_pkt_queue), 3);
	local_bh_enable();		/* NET_RX_SOFTIRQ drains the backlog */
	assert_int_equal(skb_queue_len(&softnet_data.input_pkt_queue), 0);
	assert_int_equal(softnet_data.dropped, dropped + 2);
	assert_int_equal(skb_drop_reasons[SKB_DROP_REASON_CPU_BACKLOG], before + 2);
	netdev_max_backlog = max;
	host_assert_no_leaks();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_eth_type_trans_classifies_destination, setup),
		cmocka_unit_test_setup(test_eth_type_trans_8023_length_field, setup),
		cmocka_unit_test_setup(test_register_names_eth_and_lo, setup),
		cmocka_unit_test_setup(test_loopback_has_127_0_0_1, setup),
		cmocka_unit_test_setup(test_unknown_ethertype_counted, setup),
		cmocka_unit_test_setup(test_stopped_queue_holds_and_resends_in_order, setup),
		cmocka_unit_test_setup(test_xmit_on_down_device_dropped, setup),
		cmocka_unit_test_setup(test_napi_budget_and_completion, setup),
		cmocka_unit_test_setup(test_napi_schedule_during_poll_polls_again, setup),
		cmocka_unit_test_setup(test_qdisc_full_drops_and_counts, setup),
		cmocka_unit_test_setup(test_backlog_full_drops_and_counts, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
