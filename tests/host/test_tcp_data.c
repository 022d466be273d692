/*
 * Host tests of TCP data transfer on an established connection: delayed ACKs (RFC 1122 4.2.3.2),
 * out-of-order reassembly with SACK blocks (RFC 2018) and D-SACK (RFC 2883), Nagle (RFC 896) and
 * TCP_NODELAY, receive window closing and reopening, PAWS (RFC 7323 5), ACKs of unsent data.
 */
#include "tcp_harness.h"

#define MSS	1000

static u32 peer_seq;		/* next sequence number the peer sends */
static u32 our_seq;		/* our snd_nxt after the handshake */

/* Active open to a peer announcing MSS 1000 (+ SACK and/or timestamps when asked). */
static struct socket *establish(int sack, int ts)
{
	struct socket *sock = th_connect(0);
	struct peer_opts o = PEER_NO_OPTS;
	struct out_seg syn;

	o.mss = MSS;
	o.sack_perm = sack;
	o.ts = ts;
	o.tsval = 100;
	peer_seq = th_establish(sock, 50000, &o, &syn);
	our_seq = syn.seq + 1;
	return sock;
}

/* Peer data segment of len bytes at seq (value = byte offset pattern). */
static void peer_data(u32 seq, unsigned int len)
{
	u8 buf[MSS];
	unsigned int i;

	for (i = 0; i < len; i++)
		buf[i] = (u8)(seq + i);
	th_peer(seq, our_seq, TCPHDR_ACK, 65535, buf, len, NULL);
}

/* Delayed ACK: in pingpong mode (TCP_QUICKACK off) one segment is ACKed by the timer, <= 200 ms. */
static void test_tcp_delayed_ack_timing(void **state)
{
	struct socket *sock = establish(0, 0);
	unsigned int waited;
	struct out_seg s;

	inet_csk(sock->sk)->icsk_ack.pingpong = 1;	/* what TCP_QUICKACK 0 sets */
	peer_data(peer_seq, 100);
	waited = th_wait(&s, 1000);
	assert_int_equal(s.flags, TCPHDR_ACK);
	assert_int_equal(s.ack, peer_seq + 100);
	assert_true(waited >= TCP_DELACK_MIN);
	assert_true(waited <= TCP_DELACK_MAX);
	assert_true(net_statistics[LINUX_MIB_DELAYEDACKS] > 0);
	th_release(sock);
}

/* RFC 1122 4.2.3.2: an ACK for at least every second full-sized segment, without waiting. */
static void test_tcp_ack_every_second_full_segment(void **state)
{
	struct socket *sock = establish(0, 0);
	struct out_seg s;

	inet_csk(sock->sk)->icsk_ack.pingpong = 1;
	peer_data(peer_seq, MSS);
	th_expect_none();
	peer_data(peer_seq + MSS, MSS);
	th_expect(&s, TCPHDR_ACK);
	assert_int_equal(s.ack, peer_seq + 2 * MSS);
	th_release(sock);
}

/* Out-of-order segments: immediate duplicate ACKs with SACK blocks; the gap filled -> all delivered. */
static void test_tcp_out_of_order_reassembly_and_sack(void **state)
{
	struct socket *sock = establish(1, 0);
	u8 out[4 * MSS];
	struct out_seg s;
	int i;

	peer_data(peer_seq + MSS, MSS);			/* segment 2 */
	th_expect(&s, TCPHDR_ACK);
	assert_int_equal(s.ack, peer_seq);
	assert_int_equal(s.nsack, 1);
	assert_int_equal(s.sack[0][0], peer_seq + MSS);
	assert_int_equal(s.sack[0][1], peer_seq + 2 * MSS);

	peer_data(peer_seq + 3 * MSS, MSS);		/* segment 4: a second hole */
	th_expect(&s, TCPHDR_ACK);
	assert_int_equal(s.ack, peer_seq);
	assert_int_equal(s.nsack, 2);
	/* RFC 2018 4: the block of the most recent segment comes first. */
	assert_int_equal(s.sack[0][0], peer_seq + 3 * MSS);
	assert_int_equal(s.sack[1][0], peer_seq + MSS);

	peer_data(peer_seq + 2 * MSS, MSS);		/* segment 3 joins 2 and 4 */
	th_expect(&s, TCPHDR_ACK);
	assert_int_equal(s.nsack, 1);
	assert_int_equal(s.sack[0][0], peer_seq + MSS);
	assert_int_equal(s.sack[0][1], peer_seq + 4 * MSS);
	assert_int_equal(th_recv(sock->sk, out, sizeof(out)), -EAGAIN);

	peer_data(peer_seq, MSS);			/* segment 1 fills the gap */
	th_expect(&s, TCPHDR_ACK);
	assert_int_equal(s.ack, peer_seq + 4 * MSS);
	assert_int_equal(s.nsack, 0);
	assert_int_equal(th_recv(sock->sk, out, sizeof(out)), 4 * MSS);
	for (i = 0; i < 4 * MSS; i++)
		assert_int_equal(out[i], (u8)(peer_seq + i));
	assert_true(skb_queue_empty(&tcp_sk(sock->sk)->out_of_order_queue));
	th_release(sock);
}

/* A duplicate of delivered data is ACKed at once with a D-SACK block (RFC 2883). */
static void test_tcp_duplicate_segment_dsack(void **state)
{
	struct socket *sock = establish(1, 0);
	u8 out[MSS];
	struct out_seg s;

	peer_data(peer_seq, MSS);
	while (th_pop(&s))
		;
	peer_data(peer_seq, MSS);
	th_expect(&s, TCPHDR_ACK);
	assert_int_equal(s.ack, peer_seq + MSS);
	assert_int_equal(s.nsack, 1);
	assert_int_equal(s.sack[0][0], peer_seq);
	assert_int_equal(s.sack[0][1], peer_seq + MSS);
	/* Delivered once. */
	assert_int_equal(th_recv(sock->sk, out, sizeof(out)), MSS);
	assert_int_equal(th_recv(sock->sk, out, sizeof(out)), -EAGAIN);
	th_release(sock);
}

/* Nagle: a second small write waits while a small segment is unacknowledged; TCP_NODELAY sends it. */
static void test_tcp_nagle_and_nodelay(void **state)
{
	struct socket *sock = establish(0, 0);
	struct tcp_sock *tp = tcp_sk(sock->sk);
	struct out_seg s;

	assert_int_equal(th_send(sock->sk, "0123456789", 10), 10);
	th_expect(&s, TCPHDR_ACK | TCPHDR_PSH);
	assert_int_equal(s.len, 10);
	assert_int_equal(th_send(sock->sk, "abcdefghij", 10), 10);
	th_expect_none();				/* held back by Nagle */
	th_peer(peer_seq, our_seq + 10, TCPHDR_ACK, 65535, NULL, 0, NULL);
	th_expect(&s, TCPHDR_ACK | TCPHDR_PSH);	/* released by the ACK */
	assert_int_equal(s.seq, our_seq + 10);
	assert_int_equal(s.len, 10);

	tp->nonagle |= TCP_NAGLE_OFF;			/* TCP_NODELAY */
	assert_int_equal(th_send(sock->sk, "klmnopqrst", 10), 10);
	th_expect(&s, TCPHDR_ACK | TCPHDR_PSH);
	assert_int_equal(th_send(sock->sk, "uvwxyz0123", 10), 10);
	th_expect(&s, TCPHDR_ACK | TCPHDR_PSH);
	assert_int_equal(s.seq, our_seq + 30);
	th_release(sock);
}

/* A reader that does not read: the advertised window shrinks to zero, data beyond it is dropped,
 * and reading reopens it with a window update. */
static void test_tcp_receive_window_closes_and_reopens(void **state)
{
	struct socket *sock;
	struct sock *sk;
	struct out_seg s;
	u8 buf[MSS];
	u32 seq;
	unsigned int last_win = 65535;
	int i, got = 0;

	th_rcvbuf = 8192;
	sock = establish(0, 0);
	sk = sock->sk;
	seq = peer_seq;
	for (i = 0; i < 64 && last_win; i++) {
		peer_data(seq, MSS);
		while (th_pop(&s))
			last_win = s.win;
		if (tcp_sk(sk)->rcv_nxt == seq + MSS)
			seq += MSS;
		host_advance_time(TCP_DELACK_MAX);
		while (th_pop(&s))
			last_win = s.win;
	}
	assert_int_equal(last_win, 0);
	/* A segment into the closed window is not accepted. */
	peer_data(seq, MSS);
	assert_int_equal(tcp_sk(sk)->rcv_nxt, seq);
	th_expect(&s, TCPHDR_ACK);
	assert_int_equal(s.win, 0);
	/* Reading everything sends a window update. */
	while (th_recv(sk, buf, sizeof(buf)) > 0)
		got++;
	assert_true(got > 0);
	th_expect(&s, TCPHDR_ACK);
	assert_true(s.win > 0);
	assert_int_equal(s.ack, seq);
	th_release(sock);
}

/* PAWS (RFC 7323 5.3): a segment whose timestamp is older than TS.Recent is dropped and ACKed. */
static void test_tcp_paws_rejects_old_timestamp(void **state)
{
	struct socket *sock = establish(0, 1);
	struct peer_opts o = PEER_NO_OPTS;
	struct out_seg s;
	u8 buf[MSS];

	o.ts = 1;
	o.tsval = 200;
	th_peer(peer_seq, our_seq, TCPHDR_ACK, 65535, buf, 100, &o);
	while (th_pop(&s))
		;
	assert_int_equal(tcp_sk(sock->sk)->rx_opt.ts_recent, 200);
	o.tsval = 150;					/* older: a wrapped old duplicate */
	th_peer(peer_seq + 100, our_seq, TCPHDR_ACK, 65535, buf, 100, &o);
	assert_int_equal(tcp_sk(sock->sk)->rcv_nxt, peer_seq + 100);
	th_expect(&s, TCPHDR_ACK);
	assert_int_equal(s.ack, peer_seq + 100);
	assert_int_equal(s.tsecr, 200);
	assert_true(net_statistics[LINUX_MIB_PAWSESTABREJECTED] > 0);
	th_release(sock);
}

/* RFC 9293 3.10.7.4: an ACK for data never sent is answered with an ACK and dropped. */
static void test_tcp_ack_of_unsent_data(void **state)
{
	struct socket *sock = establish(0, 0);
	struct out_seg s;
	u8 buf[100];

	th_peer(peer_seq, our_seq + 5000, TCPHDR_ACK, 65535, "xyz", 3, NULL);
	th_expect(&s, TCPHDR_ACK);
	assert_int_equal(s.ack, peer_seq);
	assert_int_equal(tcp_sk(sock->sk)->snd_una, our_seq);
	assert_int_equal(th_recv(sock->sk, buf, sizeof(buf)), -EAGAIN);
	th_release(sock);
}

static int write_space_calls;

static void count_write_space(struct sock *sk)
{
	write_space_calls++;
	sk_stream_write_space(sk);
}

/* A writer that filled sk_sndbuf (EAGAIN) is woken (sk_write_space) once ACKs free the queue. */
static void test_tcp_full_sndbuf_woken_by_acks(void **state)
{
	struct socket *sock = establish(0, 0);
	struct sock *sk = sock->sk;
	static u8 buf[8192];
	struct out_seg s;
	u32 end = our_seq;
	int n, total = 0;

	sk->sk_sndbuf = 32 * 1024;
	sk->sk_write_space = count_write_space;
	tcp_sk(sk)->nonagle |= TCP_NAGLE_OFF;
	while ((n = th_send(sk, buf, sizeof(buf))) > 0)
		total += n;
	assert_int_equal(n, -EAGAIN);
	assert_false(sk_stream_is_writeable(sk));
	assert_true(test_bit(SOCK_NOSPACE, &sock->flags));
	while (th_pop(&s))
		if (after(s.seq + s.len, end))
			end = s.seq + s.len;
	write_space_calls = 0;
	th_peer(peer_seq, end, TCPHDR_ACK, 65535, NULL, 0, NULL);
	assert_true(write_space_calls > 0);
	assert_true(sk_stream_is_writeable(sk));
	assert_int_equal(th_send(sk, buf, 100), 100);
	th_release(sock);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_tcp_delayed_ack_timing, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_ack_every_second_full_segment, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_out_of_order_reassembly_and_sack, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_duplicate_segment_dsack, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_nagle_and_nodelay, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_receive_window_closes_and_reopens, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_paws_rejects_old_timestamp, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_ack_of_unsent_data, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_full_sndbuf_woken_by_acks, th_setup, th_teardown),
	};

	return cmocka_run_group_tests_name("tcp_data", tests, NULL, NULL);
}
