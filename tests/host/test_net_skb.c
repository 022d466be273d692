/* Host tests of struct sk_buff (net/core/skbuff.c): room accounting, queues, clones, counters. */
#include <linux/skbuff.h>
#include <linux/netdevice.h>
#include "host_test.h"

static int setup(void **state)
{
	host_net_setup();
	host_leak_mark();
	return 0;
}

static int teardown(void **state)
{
	return 0;
}

static void test_skb_reserve_put_push_pull(void **state)
{
	unsigned long in_use = skbuff_in_use();
	struct sk_buff *skb = alloc_skb(128, GFP_KERNEL);
	unsigned char *p;

	assert_non_null(skb);
	assert_int_equal(skbuff_in_use(), in_use + 1);
	assert_int_equal(skb->len, 0);
	assert_true(skb_tailroom(skb) >= 128);
	skb_reserve(skb, 32);
	assert_int_equal(skb_headroom(skb), 32);
	p = skb_put(skb, 10);
	memset(p, 0xab, 10);
	assert_int_equal(skb->len, 10);
	p = skb_push(skb, 14);
	assert_ptr_equal(p, skb->data);
	assert_int_equal(skb_headroom(skb), 18);
	assert_int_equal(skb->len, 24);
	assert_non_null(skb_pull(skb, 14));
	assert_int_equal(skb->data[0], 0xab);
	/* Pulling more than there is fails and changes nothing. */
	assert_null(skb_pull(skb, 11));
	assert_int_equal(skb->len, 10);
	skb_trim(skb, 4);
	assert_int_equal(skb->len, 4);
	assert_ptr_equal(skb_tail_pointer(skb), skb->data + 4);
	assert_true(pskb_may_pull(skb, 4));
	assert_false(pskb_may_pull(skb, 5));
	consume_skb(skb);
	assert_int_equal(skbuff_in_use(), in_use);
	host_assert_no_leaks();
}

static void test_skb_header_offsets(void **state)
{
	struct sk_buff *skb = alloc_skb(100, GFP_KERNEL);

	skb_reserve(skb, 20);
	skb_put(skb, 60);
	skb_reset_mac_header(skb);
	skb_pull(skb, 14);
	skb_reset_network_header(skb);
	skb_set_transport_header(skb, 20);
	assert_ptr_equal(skb_mac_header(skb), skb->data - 14);
	assert_ptr_equal(skb_network_header(skb), skb->data);
	assert_ptr_equal(skb_transport_header(skb), skb->data + 20);
	assert_int_equal(skb_network_header_len(skb), 20);
	assert_int_equal(skb_transport_offset(skb), 20);
	kfree_skb(skb);
	host_assert_no_leaks();
}

static void test_skb_queue_order_and_purge(void **state)
{
	struct sk_buff_head q;
	struct sk_buff *a = alloc_skb(10, GFP_KERNEL), *b = alloc_skb(10, GFP_KERNEL);
	struct sk_buff *c = alloc_skb(10, GFP_KERNEL);

	skb_queue_head_init(&q);
	assert_true(skb_queue_empty(&q));
	skb_queue_tail(&q, b);
	skb_queue_tail(&q, c);
	skb_queue_head(&q, a);
	assert_int_equal(skb_queue_len(&q), 3);
	assert_ptr_equal(skb_peek(&q), a);
	assert_ptr_equal(skb_peek_tail(&q), c);
	skb_unlink(b, &q);
	assert_int_equal(skb_queue_len(&q), 2);
	assert_ptr_equal(skb_dequeue(&q), a);
	kfree_skb(a);
	kfree_skb(b);
	skb_queue_tail(&q, alloc_skb(10, GFP_KERNEL));
	skb_queue_purge(&q);
	assert_true(skb_queue_empty(&q));
	assert_int_equal(skb_queue_len(&q), 0);
	host_assert_no_leaks();
}

static void test_skb_clone_shares_data_copy_does_not(void **state)
{
	struct sk_buff *skb = alloc_skb(64, GFP_KERNEL), *clone, *copy;

	skb_reserve(skb, 16);
	skb_put_data(skb, "hello", 5);
	clone = skb_clone(skb, GFP_ATOMIC);
	copy = skb_copy(skb, GFP_ATOMIC);
	assert_ptr_equal(clone->data, skb->data);
	assert_true(skb_cloned(skb) && skb_cloned(clone));
	assert_ptr_not_equal(copy->data, skb->data);
	assert_memory_equal(copy->data, "hello", 5);
	assert_int_equal(skb_headroom(copy), 16);
	/* The original's data lives on while the clone holds it. */
	consume_skb(skb);
	assert_memory_equal(clone->data, "hello", 5);
	/* A private head lets the clone's owner write headers. */
	assert_int_equal(skb_cow_head(clone, 40), 0);
	assert_false(skb_cloned(clone));
	assert_true(skb_headroom(clone) >= 40);
	assert_memory_equal(clone->data, "hello", 5);
	consume_skb(clone);
	consume_skb(copy);
	host_assert_no_leaks();
}

static void test_skb_drop_reason_counted(void **state)
{
	struct sk_buff *skb = alloc_skb(10, GFP_KERNEL);
	unsigned long before = skb_drop_reasons[SKB_DROP_REASON_IP_CSUM];
	unsigned long freed = skb_stats.freed;

	skb_get(skb);
	kfree_skb_reason(skb, SKB_DROP_REASON_IP_CSUM);	/* one reference left: not freed, not counted */
	assert_int_equal(skb_drop_reasons[SKB_DROP_REASON_IP_CSUM], before);
	kfree_skb_reason(skb, SKB_DROP_REASON_IP_CSUM);
	assert_int_equal(skb_drop_reasons[SKB_DROP_REASON_IP_CSUM], before + 1);
	assert_int_equal(skb_stats.freed, freed);
	host_assert_no_leaks();
}

static void test_skb_oversize_alloc_fails_cleanly(void **state)
{
	unsigned long fails = skb_stats.alloc_failed;

	assert_null(alloc_skb(1 << 20, GFP_KERNEL));
	assert_int_equal(skb_stats.alloc_failed, fails + 1);
	host_assert_no_leaks();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_skb_reserve_put_push_pull, setup, teardown),
		cmocka_unit_test_setup_teardown(test_skb_header_offsets, setup, teardown),
		cmocka_unit_test_setup_teardown(test_skb_queue_order_and_purge, setup, teardown),
		cmocka_unit_test_setup_teardown(test_skb_clone_shares_data_copy_does_not, setup, teardown),
		cmocka_unit_test_setup_teardown(test_skb_drop_reason_counted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_skb_oversize_alloc_fails_cleanly, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
