/*
 * Host tests of TCP connection setup (RFC 9293 3.5, 3.10.7): active and passive open with
 * options, simultaneous open, RST generation for segments to no socket, connection refused,
 * SYN retransmission with exponential backoff ending in ETIMEDOUT, listen backlog limits.
 */
#include "tcp_harness.h"

static const struct peer_opts full_opts = {
	.mss = 1460, .wscale = 7, .sack_perm = 1, .ts = 1, .tsval = 1000, .tsecr = 0,
};

static void test_tcp_active_open_syn_options_and_established(void **state)
{
	struct socket *sock = th_connect(0);
	struct tcp_sock *tp = tcp_sk(sock->sk);
	struct out_seg syn, ack;
	struct peer_opts o = full_opts;

	assert_int_equal(sock->sk->sk_state, TCP_SYN_SENT);
	th_expect(&syn, TCPHDR_SYN);
	/* RFC 9293 3.7.1 MSS, RFC 7323 window scale and timestamps, RFC 2018 SACK-permitted. */
	assert_int_equal(syn.mss, 1460);
	assert_true(syn.wscale >= 0);
	assert_true(syn.sack_perm);
	assert_true(syn.ts);
	assert_int_equal(syn.tsecr, 0);
	assert_int_equal(syn.ack, 0);
	assert_int_equal(syn.len, 0);

	o.tsecr = syn.tsval;
	th_peer(5000, syn.seq + 1, TCPHDR_SYN | TCPHDR_ACK, 65535, NULL, 0, &o);
	th_expect(&ack, TCPHDR_ACK);
	assert_int_equal(ack.seq, syn.seq + 1);
	assert_int_equal(ack.ack, 5001);
	assert_true(ack.ts);
	assert_int_equal(ack.tsecr, 1000);
	assert_int_equal(sock->sk->sk_state, TCP_ESTABLISHED);
	/* What was agreed. */
	assert_true(tp->rx_opt.tstamp_ok);
	assert_true(tp->rx_opt.sack_ok);
	assert_true(tp->rx_opt.wscale_ok);
	assert_int_equal(tp->rx_opt.snd_wscale, 7);
	assert_int_equal(tp->snd_una, syn.seq + 1);
	assert_int_equal(tp->rcv_nxt, 5001);
	/* MSS: the peer's 1460 less the 12 bytes of timestamp option on every segment. */
	assert_int_equal(tp->mss_cache, 1460 - 12);
	th_release(sock);
}

static void test_tcp_active_open_without_options(void **state)
{
	struct socket *sock = th_connect(0);
	struct tcp_sock *tp = tcp_sk(sock->sk);
	struct out_seg syn, ack;

	th_expect(&syn, TCPHDR_SYN);
	th_peer(777, syn.seq + 1, TCPHDR_SYN | TCPHDR_ACK, 8192, NULL, 0, NULL);
	th_expect(&ack, TCPHDR_ACK);
	assert_false(ack.ts);
	assert_false(tp->rx_opt.tstamp_ok);
	assert_false(tp->rx_opt.wscale_ok);
	assert_int_equal(tp->rx_opt.rcv_wscale, 0);
	/* RFC 9293 3.7.1: no MSS option means 536. */
	assert_int_equal(tp->mss_cache, 536);
	assert_int_equal(tp->snd_wnd, 8192);
	th_release(sock);
}

/* RFC 9293 3.10.7.3: an ACK outside (ISS, SND.NXT] in SYN-SENT is answered with a reset. */
static void test_tcp_synsent_bad_ack_gets_reset(void **state)
{
	struct socket *sock = th_connect(0);
	struct out_seg syn, rst;

	th_expect(&syn, TCPHDR_SYN);
	th_peer(5000, syn.seq + 100, TCPHDR_SYN | TCPHDR_ACK, 65535, NULL, 0, NULL);
	th_expect(&rst, TCPHDR_RST);
	assert_int_equal(rst.seq, syn.seq + 100);
	assert_int_equal(sock->sk->sk_state, TCP_SYN_SENT);
	th_release(sock);
}

/* RST|ACK for our SYN: connect fails with ECONNREFUSED. */
static void test_tcp_connect_refused(void **state)
{
	struct socket *sock = th_connect(0);
	struct out_seg syn;

	th_expect(&syn, TCPHDR_SYN);
	th_peer(0, syn.seq + 1, TCPHDR_RST | TCPHDR_ACK, 0, NULL, 0, NULL);
	assert_int_equal(sock->sk->sk_state, TCP_CLOSE);
	assert_int_equal(sock->sk->sk_err, ECONNREFUSED);
	th_expect_none();
	th_release(sock);
}

/* RFC 9293 3.10.7.1: a segment to no socket gets a RST; its fields depend on the ACK bit. */
static void test_tcp_rst_for_closed_port(void **state)
{
	struct out_seg rst;

	/* SYN (no ACK): seq 0, ACK = SEG.SEQ + SEG.LEN (SYN counts one). */
	th_inject(PEER_PORT, 9, 1000, 0, TCPHDR_SYN, 1000, NULL, 0, NULL);
	th_expect(&rst, TCPHDR_RST | TCPHDR_ACK);
	assert_int_equal(rst.seq, 0);
	assert_int_equal(rst.ack, 1001);

	/* Data with ACK: the reset takes its sequence number from the ACK field. */
	th_inject(PEER_PORT, 9, 2000, 123456, TCPHDR_ACK | TCPHDR_PSH, 1000, "abc", 3, NULL);
	th_expect(&rst, TCPHDR_RST);
	assert_int_equal(rst.seq, 123456);

	/* A RST is never answered. */
	th_inject(PEER_PORT, 9, 2000, 0, TCPHDR_RST, 0, NULL, 0, NULL);
	th_expect_none();
}

/* Passive open: SYN -> SYN-ACK (options echoed), ACK -> child on the accept queue, ESTABLISHED. */
static void test_tcp_passive_open_and_accept(void **state)
{
	struct socket *lsock = th_listen(8);
	struct peer_opts o = full_opts;
	struct out_seg synack;
	struct sock *child;
	struct tcp_sock *tp;

	assert_null(th_accept(lsock));
	th_peer(100000, 0, TCPHDR_SYN, 65535, NULL, 0, &o);
	th_expect(&synack, TCPHDR_SYN | TCPHDR_ACK);
	assert_int_equal(synack.ack, 100001);
	assert_int_equal(synack.mss, 1460);
	assert_true(synack.sack_perm);
	assert_true(synack.ts);
	assert_int_equal(synack.tsecr, 1000);
	assert_true(synack.wscale >= 0);
	assert_null(th_accept(lsock));	/* still a request sock */

	o = PEER_NO_OPTS;
	o.ts = 1;
	o.tsval = 1001;
	o.tsecr = synack.tsval;
	th_peer(100001, synack.seq + 1, TCPHDR_ACK, 512, NULL, 0, &o);
	th_expect_none();
	child = th_accept(lsock);
	assert_non_null(child);
	assert_int_equal(child->sk_state, TCP_ESTABLISHED);
	tp = tcp_sk(child);
	assert_int_equal(tp->rcv_nxt, 100001);
	assert_int_equal(tp->snd_una, synack.seq + 1);
	/* The window in the ACK is scaled by the peer's shift 7. */
	assert_int_equal(tp->snd_wnd, 512 << 7);
	assert_int_equal(inet_sk(child)->inet_dport, htons(PEER_PORT));

	th_close_sk(child);
	th_release(lsock);
}

/* The SYN queue and accept queue are bounded by the backlog; extra SYNs are counted drops. */
static void test_tcp_listen_backlog_overflow(void **state)
{
	struct socket *lsock = th_listen(1);
	unsigned long drops = net_statistics[LINUX_MIB_LISTENDROPS];
	struct out_seg s;
	int i, synacks = 0;

	for (i = 0; i < 5; i++)
		th_inject(PEER_PORT + i, HOST_PORT, 1000 * i, 0, TCPHDR_SYN, 65535, NULL, 0, NULL);
	while (th_pop(&s))
		if (s.flags == (TCPHDR_SYN | TCPHDR_ACK))
			synacks++;
	assert_true(synacks >= 1);
	assert_true(synacks <= 2);
	assert_true(net_statistics[LINUX_MIB_LISTENDROPS] > drops);
	th_release(lsock);
}

/* RFC 6298 / RFC 9293 3.8.1: SYN retransmitted at 1, 3, 7, ... s; after 6 retries ETIMEDOUT. */
static void test_tcp_syn_retries_backoff_then_etimedout(void **state)
{
	struct socket *sock = th_connect(0);
	unsigned long t0 = jiffies, expect = 0, gap = HZ;
	struct out_seg s;
	int i;

	th_expect(&s, TCPHDR_SYN);
	for (i = 0; i < 6; i++) {
		expect += gap;
		host_advance_time(gap - 1);
		th_expect_none();
		host_advance_time(1);
		th_expect(&s, TCPHDR_SYN);
		assert_int_equal(s.when - t0, expect);
		gap *= 2;
	}
	host_advance_time(gap - 1);
	assert_int_equal(sock->sk->sk_state, TCP_SYN_SENT);
	host_advance_time(1);
	assert_int_equal(sock->sk->sk_state, TCP_CLOSE);
	assert_int_equal(sock->sk->sk_err, ETIMEDOUT);
	assert_int_equal(jiffies - t0, 127 * HZ);
	th_expect_none();
	th_release(sock);
}

/* RFC 9293 3.5 figure 7: crossed SYNs -> SYN_RECV, SYN-ACK, then ESTABLISHED on their SYN-ACK. */
static void test_tcp_simultaneous_open(void **state)
{
	struct socket *sock = th_connect(0);
	struct out_seg syn, synack, ack;

	th_expect(&syn, TCPHDR_SYN);
	th_peer(9000, 0, TCPHDR_SYN, 65535, NULL, 0, NULL);
	assert_int_equal(sock->sk->sk_state, TCP_SYN_RECV);
	th_expect(&synack, TCPHDR_SYN | TCPHDR_ACK);
	assert_int_equal(synack.seq, syn.seq);
	assert_int_equal(synack.ack, 9001);
	/* Their SYN-ACK acknowledges our SYN. */
	th_peer(9000, syn.seq + 1, TCPHDR_SYN | TCPHDR_ACK, 65535, NULL, 0, NULL);
	assert_int_equal(sock->sk->sk_state, TCP_ESTABLISHED);
	while (th_pop(&ack))
		assert_false(ack.flags & TCPHDR_RST);
	th_release(sock);
}

/* ISN near 2^32: sequence numbers wrap through the handshake and the first data. */
static void test_tcp_sequence_wraparound(void **state)
{
	struct socket *sock = th_connect(0xfffffffe);
	struct tcp_sock *tp = tcp_sk(sock->sk);
	struct out_seg syn, s;
	u8 data[100] = { 1 };
	u32 rcv;

	rcv = th_establish(sock, 0xffffff00, NULL, &syn);
	assert_int_equal(syn.seq, 0xfffffffe);
	assert_int_equal(tp->snd_una, 0xffffffff);
	assert_int_equal(th_send(sock->sk, data, sizeof(data)), sizeof(data));
	th_expect(&s, TCPHDR_ACK | TCPHDR_PSH);
	assert_int_equal(s.seq, 0xffffffff);
	th_peer(rcv, 0xffffffff + 100, TCPHDR_ACK, 65535, NULL, 0, NULL);
	assert_int_equal(tp->snd_una, 99);
	assert_int_equal(tp->packets_out, 0);
	/* Peer data across its own wrap: 0xffffff01 + 300 bytes. */
	{
		u8 big[300];
		u8 out[300];

		memset(big, 7, sizeof(big));
		th_peer(rcv, 99, TCPHDR_ACK | TCPHDR_PSH, 65535, big, sizeof(big), NULL);
		assert_int_equal(tp->rcv_nxt, (u32)(rcv + 300));
		assert_int_equal(th_recv(sock->sk, out, sizeof(out)), 300);
		assert_memory_equal(out, big, 300);
	}
	th_release(sock);
}

/* A request sock whose final ACK never comes: SYN-ACK resent at 1, 2, 4, ... s, then dropped. */
static void test_tcp_synack_retransmit_then_drop(void **state)
{
	struct socket *lsock = th_listen(8);
	unsigned long t0, gap = HZ, expect = 0;
	struct out_seg s;
	int i;

	th_peer(300000, 0, TCPHDR_SYN, 65535, NULL, 0, NULL);
	th_expect(&s, TCPHDR_SYN | TCPHDR_ACK);
	t0 = jiffies;
	assert_int_equal(inet_csk_reqsk_queue_len(lsock->sk), 1);
	for (i = 0; i < TCP_SYNACK_RETRIES; i++) {
		expect += gap;
		host_advance_time(gap - 1);
		th_expect_none();
		host_advance_time(1);
		th_expect(&s, TCPHDR_SYN | TCPHDR_ACK);
		assert_int_equal(s.ack, 300001);
		assert_int_equal(s.when - t0, expect);
		gap *= 2;
	}
	host_advance_time(gap);
	th_expect_none();
	assert_int_equal(inet_csk_reqsk_queue_len(lsock->sk), 0);
	assert_null(th_accept(lsock));
	th_release(lsock);
}

/* SO_LINGER {1, 0}: close() aborts with a RST instead of a FIN (RFC 9293 3.10.5). */
static void test_tcp_linger_zero_close_sends_rst(void **state)
{
	struct socket *sock = th_connect(0);
	struct out_seg syn, s;

	th_establish(sock, 4000, NULL, &syn);
	th_abort(sock);
	th_expect(&s, TCPHDR_RST | TCPHDR_ACK);
	assert_int_equal(s.seq, syn.seq + 1);
	th_expect_none();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_tcp_active_open_syn_options_and_established, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_active_open_without_options, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_synsent_bad_ack_gets_reset, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_connect_refused, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_rst_for_closed_port, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_passive_open_and_accept, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_listen_backlog_overflow, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_syn_retries_backoff_then_etimedout, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_simultaneous_open, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_sequence_wraparound, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_synack_retransmit_then_drop, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_linger_zero_close_sends_rst, th_setup, th_teardown),
	};

	return cmocka_run_group_tests_name("tcp_handshake", tests, NULL, NULL);
}
