/*
 * Host tests of the socket lock and its backlog (net/core/sock.c): a packet that softirq delivers
 * while a process owns the socket (lock_sock) is not processed then, but queued on sk_backlog and
 * run through sk->sk_backlog_rcv by release_sock, in arrival order; the backlog is bounded.
 * (call-chains.md "Socket owned by a process"; TCP's tcp_v4_rcv takes the same path.)
 */
#include <linux/slab.h>
#include "sock_helpers.h"

/* A UDP datagram from the peer as udp_rcv leaves it for the socket: data at the payload. */
static struct sk_buff *make_datagram(u16 sport, u16 dport, const char *payload)
{
	unsigned int len = strlen(payload);
	struct sk_buff *skb = alloc_skb(64 + len, GFP_ATOMIC);
	struct iphdr *iph;
	struct udphdr *uh;

	skb_reserve(skb, 16);
	skb_reset_network_header(skb);
	iph = skb_put_zero(skb, sizeof(*iph));
	iph->version = 4;
	iph->ihl = 5;
	iph->ttl = 64;
	iph->protocol = IPPROTO_UDP;
	iph->saddr = PEER_IP;
	iph->daddr = HOST_IP;
	skb_set_transport_header(skb, sizeof(*iph));
	uh = skb_put_zero(skb, sizeof(*uh));
	uh->source = htons(sport);
	uh->dest = htons(dport);
	uh->len = htons(sizeof(*uh) + len);
	skb_put_data(skb, payload, len);
	skb_pull(skb, sizeof(*iph) + sizeof(*uh));
	return skb;
}

/* What softirq does for a packet of sk: bh_lock_sock, process or backlog (sk_receive_skb). */
static void deliver_from_softirq(struct sock *sk, struct sk_buff *skb)
{
	local_bh_disable();
	__sk_receive_skb(sk, skb, 0, 0, false);
	local_bh_enable();
}

static void test_backlog_processed_in_release_sock(void **state)
{
	int fd = udp_socket_bound(0, 9200);
	struct sock *sk = fd_sk(fd);
	char in[16];

	lock_sock(sk);
	assert_true(sock_owned_by_user(sk));
	deliver_from_softirq(sk, make_datagram(1, 9200, "one"));
	deliver_from_softirq(sk, make_datagram(2, 9200, "two"));
	deliver_from_softirq(sk, make_datagram(3, 9200, "three"));
	/* Owned: nothing was processed, all three wait in the backlog. */
	assert_true(skb_queue_empty(&sk->sk_receive_queue));
	assert_non_null(sk->sk_backlog.head);
	assert_true(sk->sk_backlog.len > 0);

	release_sock(sk);
	assert_false(sock_owned_by_user(sk));
	assert_null(sk->sk_backlog.head);
	assert_null(sk->sk_backlog.tail);
	assert_int_equal(sk->sk_backlog.len, 0);
	assert_int_equal(skb_queue_len(&sk->sk_receive_queue), 3);
	/* In arrival order. */
	assert_int_equal(__sys_recvfrom(fd, in, sizeof(in), MSG_DONTWAIT, NULL, NULL), 3);
	assert_memory_equal(in, "one", 3);
	assert_int_equal(__sys_recvfrom(fd, in, sizeof(in), MSG_DONTWAIT, NULL, NULL), 3);
	assert_memory_equal(in, "two", 3);
	assert_int_equal(__sys_recvfrom(fd, in, sizeof(in), MSG_DONTWAIT, NULL, NULL), 5);
	assert_memory_equal(in, "three", 5);
	host_close_fd(fd);
}

static void test_unowned_socket_processes_at_once(void **state)
{
	int fd = udp_socket_bound(0, 9201);
	struct sock *sk = fd_sk(fd);

	deliver_from_softirq(sk, make_datagram(1, 9201, "now"));
	assert_null(sk->sk_backlog.head);
	assert_int_equal(skb_queue_len(&sk->sk_receive_queue), 1);
	host_close_fd(fd);
}

/* The backlog plus the receive queue may not exceed the limit: a flood is dropped and counted. */
static void test_backlog_is_bounded(void **state)
{
	int fd = udp_socket_bound(0, 9202);
	struct sock *sk = fd_sk(fd);
	static char big[1001];
	int i, queued = 0;

	memset(big, 'x', sizeof(big) - 1);
	assert_int_equal(setsockopt_int(fd, SOL_SOCKET, SO_RCVBUF, 8000), 0);
	lock_sock(sk);
	for (i = 0; i < 50; i++)
		deliver_from_softirq(sk, make_datagram(1, 9202, big));
	assert_true(sk->sk_backlog.len <= sk->sk_rcvbuf + 2048);
	assert_true(atomic_read(&sk->sk_drops) > 0);
	release_sock(sk);
	while (__sys_recvfrom(fd, big, sizeof(big), MSG_DONTWAIT, NULL, NULL) > 0)
		queued++;
	assert_true(queued > 0);
	assert_int_equal(queued + atomic_read(&sk->sk_drops), 50);
	assert_int_equal(sk->sk_backlog.len, 0);
	assert_int_equal(atomic_read(&sk->sk_rmem_alloc), 0);
	/* sk_add_backlog itself refuses once backlog + receive queue exceed its limit. */
	lock_sock(sk);
	{
		struct sk_buff *first = make_datagram(1, 9202, "first");
		struct sk_buff *late = make_datagram(1, 9202, "late");

		local_bh_disable();
		bh_lock_sock(sk);
		assert_int_equal(sk_add_backlog(sk, first, first->truesize - 1), 0);
		assert_int_equal(sk_add_backlog(sk, late, first->truesize - 1), -ENOBUFS);
		bh_unlock_sock(sk);
		local_bh_enable();
		kfree_skb(late);
	}
	release_sock(sk);
	assert_int_equal(__sys_recvfrom(fd, big, sizeof(big), MSG_DONTWAIT, NULL, NULL), 5);
	host_close_fd(fd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_backlog_processed_in_release_sock, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_unowned_socket_processes_at_once, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_backlog_is_bounded, sock_setup, sock_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
