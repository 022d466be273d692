/*
 * Host tests of TCP loss recovery and congestion control: the retransmission timer (RFC 6298:
 * RTO from SRTT/RTTVAR, 200 ms floor, exponential backoff to 120 s, Karn), fast retransmit and
 * NewReno recovery (RFC 5681 3.2, RFC 6582) with the cwnd/ssthresh curve, slow start and
 * congestion avoidance growth, zero-window probes with backoff (RFC 9293 3.8.6.1).
 */
#include "tcp_harness.h"

#define MSS	1000

static u32 peer_seq, our_seq;

/* Active open, peer MSS 1000, no options; the SYN-ACK comes rtt_ms after the SYN. */
static struct socket *establish_rtt(unsigned int rtt_ms, u16 peer_win)
{
	struct socket *sock = th_connect(0);
	struct peer_opts o = PEER_NO_OPTS;
	struct out_seg syn, ack;

	o.mss = MSS;
	th_expect(&syn, TCPHDR_SYN);
	host_advance_time(rtt_ms);
	th_peer(70000, syn.seq + 1, TCPHDR_SYN | TCPHDR_ACK, peer_win, NULL, 0, &o);
	th_expect(&ack, TCPHDR_ACK);
	peer_seq = 70001;
	our_seq = syn.seq + 1;
	return sock;
}

static void send_bytes(struct sock *sk, unsigned int len)
{
	static u8 buf[64 * MSS];

	assert_true(len <= sizeof(buf));
	assert_int_equal(th_send(sk, buf, len), len);
}

static void peer_ack(u32 ack, u16 win)
{
	th_peer(peer_seq, ack, TCPHDR_ACK, win, NULL, 0, NULL);
}

/* Counts data segments sent now; remembers the highest end sequence. */
static int drain(u32 *end)
{
	struct out_seg s;
	int n = 0;

	while (th_pop(&s)) {
		if (s.len) {
			n++;
			if (end && after(s.seq + s.len, *end))
				*end = s.seq + s.len;
		}
	}
	return n;
}

/* RFC 6298 2.2-2.4: first sample R=100 ms gives RTO = R + 4*R/2 = 300 ms; then it doubles per
 * expiry up to 120 s; the same segment is resent each time. */
static void test_tcp_rto_from_rtt_and_exponential_backoff(void **state)
{
	struct socket *sock = establish_rtt(100, 65535);
	struct inet_connection_sock *icsk = inet_csk(sock->sk);
	unsigned long rto = 300, t;
	struct out_seg s;
	int i;

	assert_int_equal(icsk->icsk_rto, 300);
	assert_int_equal(tcp_sk(sock->sk)->srtt_us >> 3, 100000);
	send_bytes(sock->sk, 100);
	th_expect(&s, TCPHDR_ACK | TCPHDR_PSH);
	t = jiffies;
	for (i = 0; i < 12; i++) {
		host_advance_time(rto - 1);
		th_expect_none();
		host_advance_time(1);
		th_expect(&s, TCPHDR_ACK | TCPHDR_PSH);
		assert_int_equal(s.seq, our_seq);
		assert_int_equal(s.len, 100);
		assert_int_equal(s.when - t, rto);
		t = s.when;
		rto = min(rto * 2, (unsigned long)TCP_RTO_MAX);
	}
	assert_int_equal(rto, 120 * HZ);	/* 300 ms * 2^9 > 120 s: capped */
	assert_int_equal(icsk->icsk_rto, 120 * HZ);
	assert_int_equal(tcp_sk(sock->sk)->total_retrans, 12);

	/*
	 * Karn: the ACK of a retransmitted segment gives no RTT sample (SRTT stays 100 ms), but it
	 * ends the backoff: the RTO is SRTT + 4*RTTVAR again.
	 */
	peer_ack(our_seq + 100, 65535);
	assert_int_equal(tcp_sk(sock->sk)->srtt_us >> 3, 100000);
	assert_int_equal(icsk->icsk_backoff, 0);
	assert_int_equal(icsk->icsk_rto, 300);
	/* A fresh segment ACKed after 50 ms is a valid sample: SRTT moves towards it. */
	send_bytes(sock->sk, 100);
	th_expect(&s, TCPHDR_ACK | TCPHDR_PSH);
	host_advance_time(50);
	peer_ack(our_seq + 200, 65535);
	assert_true(tcp_sk(sock->sk)->srtt_us >> 3 < 100000);
	assert_true(icsk->icsk_rto < 300);
	assert_true(icsk->icsk_rto >= TCP_RTO_MIN);
	th_abort(sock);
}

/* RFC 6298 2.4: on a fast path (RTT ~0) the RTO does not go below the 200 ms floor. */
static void test_tcp_rto_floor(void **state)
{
	struct socket *sock = establish_rtt(0, 65535);
	struct out_seg s;

	/* RTO = SRTT (~0, rounded up to a tick) + max(4*RTTVAR, 200 ms): Linux's rto:201 on loopback. */
	assert_true(inet_csk(sock->sk)->icsk_rto >= TCP_RTO_MIN);
	assert_true(inet_csk(sock->sk)->icsk_rto <= TCP_RTO_MIN + 1);
	send_bytes(sock->sk, 10);
	th_expect(&s, TCPHDR_ACK | TCPHDR_PSH);
	host_advance_time(TCP_RTO_MIN - 1);
	th_expect_none();
	host_advance_time(2);
	th_expect(&s, TCPHDR_ACK | TCPHDR_PSH);
	th_abort(sock);
}

/* RFC 5681 3.1: slow start adds one segment per ACKed segment (IW10), doubling per RTT. */
static void test_tcp_slow_start_growth(void **state)
{
	struct socket *sock = establish_rtt(0, 65535);
	struct tcp_sock *tp = tcp_sk(sock->sk);
	u32 end = our_seq;

	tp->nonagle |= TCP_NAGLE_OFF;
	assert_int_equal(tp->snd_cwnd, TCP_INIT_CWND);
	send_bytes(sock->sk, 40 * MSS);
	assert_int_equal(drain(&end), 10);		/* the initial window */
	assert_int_equal(tp->packets_out, 10);
	peer_ack(our_seq + 2 * MSS, 65535);		/* 2 segments ACKed: cwnd 12 */
	assert_int_equal(tp->snd_cwnd, 12);
	assert_int_equal(drain(&end), 4);		/* 8 in flight + 4 = 12 */
	peer_ack(end, 65535);				/* everything: cwnd 12 + 12 */
	assert_int_equal(tp->snd_cwnd, 24);
	assert_int_equal(drain(&end), 24);
	th_abort(sock);
}

/* RFC 5681 3.1: above ssthresh, cwnd grows by one segment per window of ACKed segments. */
static void test_tcp_congestion_avoidance_growth(void **state)
{
	struct socket *sock = establish_rtt(0, 65535);
	struct tcp_sock *tp = tcp_sk(sock->sk);
	u32 end = our_seq;
	int i;

	tp->nonagle |= TCP_NAGLE_OFF;
	tp->snd_ssthresh = 10;
	sock->sk->sk_sndbuf = 1024 * 1024;
	send_bytes(sock->sk, 60 * MSS);
	assert_int_equal(drain(&end), 10);
	/* ACK one segment at a time: after 10 ACKed segments cwnd is 11. */
	for (i = 1; i <= 10; i++) {
		peer_ack(our_seq + i * MSS, 65535);
		drain(&end);
	}
	assert_int_equal(tp->snd_cwnd, 11);
	for (i = 11; i <= 21; i++) {
		peer_ack(our_seq + i * MSS, 65535);
		drain(&end);
	}
	assert_int_equal(tp->snd_cwnd, 12);
	th_abort(sock);
}

/*
 * RFC 5681 3.2 + RFC 6582: segment 3 of 10 lost. Three duplicate ACKs -> fast retransmit of it,
 * ssthresh = FlightSize/2 = 4, cwnd = ssthresh, Recovery; a partial ACK retransmits the next
 * hole (segment 6 also lost); the full ACK ends recovery with cwnd = ssthresh.
 */
static void test_tcp_fast_retransmit_newreno(void **state)
{
	struct socket *sock = establish_rtt(0, 65535);
	struct tcp_sock *tp = tcp_sk(sock->sk);
	struct inet_connection_sock *icsk = inet_csk(sock->sk);
	u32 end = our_seq;
	struct out_seg s;
	int i, n;

	tp->nonagle |= TCP_NAGLE_OFF;
	send_bytes(sock->sk, 10 * MSS);
	assert_int_equal(drain(&end), 10);
	assert_int_equal(end, our_seq + 10 * MSS);

	/* Segments 1, 2 arrive; 3 lost; 4, 5 arrive (dupacks 1, 2); 6 lost; 7 arrives (dupack 3). */
	peer_ack(our_seq + 2 * MSS, 65535);
	drain(&end);
	peer_ack(our_seq + 2 * MSS, 65535);
	peer_ack(our_seq + 2 * MSS, 65535);
	assert_int_not_equal(icsk->icsk_ca_state, TCP_CA_Recovery);
	th_expect_none();
	peer_ack(our_seq + 2 * MSS, 65535);
	assert_int_equal(icsk->icsk_ca_state, TCP_CA_Recovery);
	th_expect(&s, TCPHDR_ACK);
	assert_int_equal(s.seq, our_seq + 2 * MSS);	/* fast retransmit of segment 3 */
	assert_int_equal(s.len, MSS);
	/* FlightSize was 8 (10 sent, 2 ACKed): ssthresh = 8 / 2. */
	assert_int_equal(tp->snd_ssthresh, 4);
	assert_int_equal(tp->high_seq, end);
	assert_int_equal(net_statistics[LINUX_MIB_TCPFASTRETRANS] > 0, 1);

	/* More dupacks: each lets one new segment out once the pipe is below cwnd. */
	for (i = 0; i < 3; i++)
		peer_ack(our_seq + 2 * MSS, 65535);
	n = drain(&end);
	assert_true(n <= 3);

	/* Partial ACK up to segment 6 (RFC 6582 3.2 step 4): segment 6 is retransmitted at once. */
	peer_ack(our_seq + 5 * MSS, 65535);
	assert_int_equal(icsk->icsk_ca_state, TCP_CA_Recovery);
	assert_true(th_pop(&s));
	while (s.seq != our_seq + 5 * MSS)
		assert_true(th_pop(&s));
	assert_int_equal(s.len, MSS);
	drain(&end);

	/* Full ACK of everything sent before recovery: back to Open with cwnd = ssthresh. */
	peer_ack(tp->high_seq, 65535);
	assert_int_equal(icsk->icsk_ca_state, TCP_CA_Open);
	assert_true(tp->snd_cwnd <= tp->snd_ssthresh + 1);
	assert_int_equal(tp->snd_ssthresh, 4);
	th_abort(sock);
}

/* RFC 6298 5.5 + RFC 5681 3.1: a timeout sets ssthresh = FlightSize/2 and cwnd = 1 (Loss state). */
static void test_tcp_timeout_collapses_cwnd(void **state)
{
	struct socket *sock = establish_rtt(0, 65535);
	struct tcp_sock *tp = tcp_sk(sock->sk);
	u32 end = our_seq;
	struct out_seg s;

	tp->nonagle |= TCP_NAGLE_OFF;
	send_bytes(sock->sk, 8 * MSS);
	assert_int_equal(drain(&end), 8);
	host_advance_time(inet_csk(sock->sk)->icsk_rto);
	th_expect(&s, TCPHDR_ACK);
	assert_int_equal(s.seq, our_seq);
	assert_int_equal(tp->snd_cwnd, 1);
	assert_int_equal(tp->snd_ssthresh, 4);
	assert_int_equal(inet_csk(sock->sk)->icsk_ca_state, TCP_CA_Loss);
	th_expect_none();				/* cwnd 1: only one segment */
	/* The ACK of it: slow start from 1 retransmits the next two lost segments. */
	peer_ack(our_seq + MSS, 65535);
	assert_int_equal(tp->snd_cwnd, 2);
	th_expect(&s, TCPHDR_ACK);
	assert_int_equal(s.seq, our_seq + MSS);
	th_expect(&s, TCPHDR_ACK);
	assert_int_equal(s.seq, our_seq + 2 * MSS);
	peer_ack(end, 65535);
	assert_int_equal(inet_csk(sock->sk)->icsk_ca_state, TCP_CA_Open);
	th_abort(sock);
}

/* RFC 9293 3.8.6.1: a zero window starts the persist timer; probes back off; an opened window
 * lets the data go. */
static void test_tcp_zero_window_probe_backoff(void **state)
{
	struct socket *sock = establish_rtt(0, 65535);
	struct tcp_sock *tp = tcp_sk(sock->sk);
	struct inet_connection_sock *icsk = inet_csk(sock->sk);
	unsigned long gap, t;
	struct out_seg s;
	int i;

	tp->nonagle |= TCP_NAGLE_OFF;
	send_bytes(sock->sk, 2 * MSS);
	drain(NULL);
	peer_ack(our_seq + 2 * MSS, 0);			/* all ACKed, window closed */
	assert_int_equal(tp->snd_wnd, 0);
	send_bytes(sock->sk, 500);
	th_expect_none();
	assert_int_equal(icsk->icsk_pending, ICSK_TIME_PROBE0);
	gap = icsk->icsk_rto;
	t = jiffies;
	for (i = 0; i < 5; i++) {
		host_advance_time(gap - 1);
		th_expect_none();
		host_advance_time(1);
		th_expect(&s, TCPHDR_ACK);
		assert_int_equal(s.len, 0);
		assert_int_equal(s.seq, our_seq + 2 * MSS - 1);	/* the probe: SND.UNA - 1 */
		assert_int_equal(s.when - t, gap);
		t = s.when;
		/* The peer answers with window still zero: the connection stays, probing backs off. */
		peer_ack(our_seq + 2 * MSS, 0);
		gap *= 2;
	}
	assert_int_equal(sock->sk->sk_state, TCP_ESTABLISHED);
	peer_ack(our_seq + 2 * MSS, 65535);		/* window update */
	th_expect(&s, TCPHDR_ACK | TCPHDR_PSH);
	assert_int_equal(s.seq, our_seq + 2 * MSS);
	assert_int_equal(s.len, 500);
	th_abort(sock);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_tcp_rto_from_rtt_and_exponential_backoff, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_rto_floor, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_slow_start_growth, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_congestion_avoidance_growth, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_fast_retransmit_newreno, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_timeout_collapses_cwnd, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_zero_window_probe_backoff, th_setup, th_teardown),
	};

	return cmocka_run_group_tests_name("tcp_retrans", tests, NULL, NULL);
}
