/*
 * Host tests of TCP against hostile input: thousands of seeded random segments (any flags,
 * sequence and ACK numbers, windows, malformed option lists, data offsets) thrown at a listener
 * and at an established connection. Every one reaches TCP (InSegs), nothing may crash (ASan and
 * UBSan watch), and nothing may leak once the sockets are closed.
 */
#include "tcp_harness.h"

static u64 rnd_state = 0x1234567887654321ULL;

static u32 rnd(void)
{
	rnd_state ^= rnd_state >> 12;
	rnd_state ^= rnd_state << 25;
	rnd_state ^= rnd_state >> 27;
	return (u32)((rnd_state * 0x2545F4914F6CDD1DULL) >> 32);
}

/* A random segment with a valid checksum (so it reaches TCP) and random garbage options. */
static void inject_garbage(u16 sport, u16 dport, u32 seq_base, u32 ack_base)
{
	static u8 buf[1600 + 2] __aligned(4);
	u8 *frame = buf + 2;
	u8 *tcp = frame + ETH_HLEN + sizeof(struct iphdr);
	struct tcphdr *th = (struct tcphdr *)tcp;
	unsigned int doff = 5 + rnd() % 11;		/* 20..60 bytes of header */
	unsigned int len = rnd() % 4 == 0 ? rnd() % 1400 : 0;
	unsigned int tcplen, i;

	memset(th, 0, 20);
	th->source = htons(sport);
	th->dest = htons(dport);
	/* Mostly near the connection's numbers, sometimes anywhere. */
	th->seq = htonl(rnd() % 2 ? seq_base + (rnd() % 200000) - 100000 : rnd());
	th->ack_seq = htonl(rnd() % 2 ? ack_base + (rnd() % 200000) - 100000 : rnd());
	th->doff = doff;
	tcp[13] = rnd() & 0xff;
	th->window = htons(rnd() & 0xffff);
	th->urg_ptr = htons(rnd() & 0xffff);
	for (i = 20; i < doff * 4; i++)
		tcp[i] = rnd() % 3 == 0 ? (u8)(rnd() % 9) : (u8)rnd();
	for (i = 0; i < len; i++)
		tcp[doff * 4 + i] = (u8)rnd();
	tcplen = doff * 4 + len;
	th->check = tcp_v4_check(tcplen, PEER_IP, HOST_IP, csum_partial(tcp, tcplen, 0));
	host_netdev_inject(th_dev, frame, max(60U, host_build_ipv4(frame, host_mac, peer_mac, PEER_IP, HOST_IP,
								   IPPROTO_TCP, tcplen)));
	host_run_softirqs();
	host_netdev_tx_purge(th_dev);
}

static void test_tcp_garbage_to_listener(void **state)
{
	struct socket *lsock = th_listen(16);
	unsigned long insegs = tcp_statistics[TCP_MIB_INSEGS];
	struct sock *child;
	int i;

	for (i = 0; i < 3000; i++) {
		inject_garbage(PEER_PORT + rnd() % 4, HOST_PORT, 1000, 0);
		if (i % 100 == 0)
			host_advance_time(rnd() % 3000);
	}
	/* Every segment reached TCP (and was judged there). */
	assert_true(tcp_statistics[TCP_MIB_INSEGS] - insegs >= 3000);
	/* Whatever got accepted is closed again. */
	while ((child = th_accept(lsock)) != NULL)
		th_close_sk(child);
	th_release(lsock);
}

static void test_tcp_garbage_to_established(void **state)
{
	struct socket *sock = th_connect(0);
	struct sock *sk = sock->sk;
	struct out_seg syn;
	u32 rcv, snd;
	u8 buf[2048];
	int i;

	rcv = th_establish(sock, 777777, NULL, &syn);
	snd = syn.seq + 1;
	for (i = 0; i < 3000 && sk->sk_state != TCP_CLOSE; i++) {
		unsigned long insegs = tcp_statistics[TCP_MIB_INSEGS];

		inject_garbage(PEER_PORT, HOST_PORT, rcv, snd);
		assert_int_equal(tcp_statistics[TCP_MIB_INSEGS], insegs + 1);
		if (i % 50 == 0) {
			while (th_recv(sk, buf, sizeof(buf)) > 0)
				;
			th_send(sk, "x", 1);
			host_advance_time(rnd() % 500);
		}
	}
	print_message("%d garbage segments, connection %s\n", i,
		      sk->sk_state == TCP_CLOSE ? "reset by one of them" : "still established");
	host_netdev_tx_purge(th_dev);
	th_abort(sock);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_tcp_garbage_to_listener, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_garbage_to_established, th_setup, th_teardown),
	};

	return cmocka_run_group_tests_name("tcp_garbage", tests, NULL, NULL);
}
