/*
 * Host tests of TCP connection teardown and resets (RFC 9293 3.6, 3.10.7.4, RFC 5961): active
 * close through FIN_WAIT1/2 and TIME_WAIT (2*MSL, tcp.msl=), passive close through CLOSE_WAIT and
 * LAST_ACK, simultaneous close (CLOSING), half-close, abort on unread data, RST acceptance and
 * challenge ACKs for in-window RST and SYN.
 */
#include "tcp_harness.h"

static u32 peer_seq, our_seq;

static struct socket *establish(void)
{
	struct socket *sock = th_connect(0);
	struct out_seg syn;

	peer_seq = th_establish(sock, 60000, NULL, &syn);
	our_seq = syn.seq + 1;
	return sock;
}

/* The TIME_WAIT sock for our connection, if one is hashed. */
static struct sock *find_tw(void)
{
	struct sock *sk = __inet_lookup_established(&init_net, &tcp_hashinfo, PEER_IP, htons(PEER_PORT),
						    HOST_IP, HOST_PORT, 0, 0);

	if (sk && sk->sk_state != TCP_TIME_WAIT) {
		sock_gen_put(sk);
		return NULL;
	}
	if (sk)
		sock_gen_put(sk);
	return sk;
}

/* FIN_WAIT1 -> FIN_WAIT2 -> TIME_WAIT for 2*MSL; a retransmitted FIN is ACKed again. */
static void test_tcp_active_close_time_wait(void **state)
{
	struct socket *sock;
	struct sock *sk;
	struct out_seg s;

	assert_int_equal(host_cmdline_param("tcp.msl=5"), 1);
	sock = establish();
	sk = sock->sk;
	sock_hold(sk);
	th_release(sock);				/* close() */
	th_expect(&s, TCPHDR_FIN | TCPHDR_ACK);
	assert_int_equal(s.seq, our_seq);
	assert_int_equal(sk->sk_state, TCP_FIN_WAIT1);
	th_peer(peer_seq, our_seq + 1, TCPHDR_ACK, 65535, NULL, 0, NULL);
	assert_int_equal(sk->sk_state, TCP_FIN_WAIT2);
	sock_put(sk);

	th_peer(peer_seq, our_seq + 1, TCPHDR_FIN | TCPHDR_ACK, 65535, NULL, 0, NULL);
	th_expect(&s, TCPHDR_ACK);
	assert_int_equal(s.ack, peer_seq + 1);
	assert_non_null(find_tw());

	/* A retransmitted FIN in TIME_WAIT: ACK it again, restart 2*MSL. */
	host_advance_time(4000);
	th_peer(peer_seq, our_seq + 1, TCPHDR_FIN | TCPHDR_ACK, 65535, NULL, 0, NULL);
	th_expect(&s, TCPHDR_ACK);
	assert_int_equal(s.ack, peer_seq + 1);
	host_advance_time(2 * 5 * HZ - 1);
	assert_non_null(find_tw());
	host_advance_time(2);
	assert_null(find_tw());				/* 2*MSL after the last FIN */
	assert_int_equal(host_cmdline_param("tcp.msl=30"), 1);
}

/* Peer closes first: CLOSE_WAIT (read returns 0), our close -> LAST_ACK -> CLOSED. */
static void test_tcp_passive_close(void **state)
{
	struct socket *sock = establish();
	struct sock *sk = sock->sk;
	struct out_seg s;
	char buf[16];

	th_peer(peer_seq, our_seq, TCPHDR_FIN | TCPHDR_ACK, 65535, NULL, 0, NULL);
	assert_int_equal(sk->sk_state, TCP_CLOSE_WAIT);
	/* The FIN is ACKed, by the delayed-ACK timer at the latest. */
	assert_true(th_wait(&s, TCP_DELACK_MAX) <= TCP_DELACK_MAX);
	assert_int_equal(s.flags, TCPHDR_ACK);
	assert_int_equal(s.ack, peer_seq + 1);
	assert_int_equal(th_recv(sk, buf, sizeof(buf)), 0);	/* end of file */
	sock_hold(sk);
	th_release(sock);
	th_expect(&s, TCPHDR_FIN | TCPHDR_ACK);
	assert_int_equal(sk->sk_state, TCP_LAST_ACK);
	th_peer(peer_seq + 1, our_seq + 1, TCPHDR_ACK, 65535, NULL, 0, NULL);
	assert_int_equal(sk->sk_state, TCP_CLOSE);
	sock_put(sk);
	assert_null(find_tw());
}

/* Both FINs cross: FIN_WAIT1 -> CLOSING -> TIME_WAIT. */
static void test_tcp_simultaneous_close(void **state)
{
	struct socket *sock = establish();
	struct sock *sk = sock->sk;
	struct out_seg s;

	sock_hold(sk);
	th_release(sock);
	th_expect(&s, TCPHDR_FIN | TCPHDR_ACK);
	th_peer(peer_seq, our_seq, TCPHDR_FIN | TCPHDR_ACK, 65535, NULL, 0, NULL);	/* does not ACK our FIN */
	assert_int_equal(sk->sk_state, TCP_CLOSING);
	th_expect(&s, TCPHDR_ACK);
	assert_int_equal(s.ack, peer_seq + 1);
	th_peer(peer_seq + 1, our_seq + 1, TCPHDR_ACK, 65535, NULL, 0, NULL);
	sock_put(sk);
	assert_non_null(find_tw());
}

/* shutdown(SHUT_WR): our FIN goes, and data from the peer still arrives and is read. */
static void test_tcp_half_close(void **state)
{
	struct socket *sock = establish();
	struct sock *sk = sock->sk;
	struct out_seg s;
	char buf[16];

	assert_int_equal(sock->ops->shutdown(sock, SHUT_WR), 0);
	th_expect(&s, TCPHDR_FIN | TCPHDR_ACK);
	th_peer(peer_seq, our_seq + 1, TCPHDR_ACK, 65535, NULL, 0, NULL);
	assert_int_equal(sk->sk_state, TCP_FIN_WAIT2);
	th_peer(peer_seq, our_seq + 1, TCPHDR_ACK | TCPHDR_PSH, 65535, "late data", 9, NULL);
	assert_int_equal(th_recv(sk, buf, sizeof(buf)), 9);
	assert_memory_equal(buf, "late data", 9);
	/* Sending after SHUT_WR fails with EPIPE. */
	assert_int_equal(th_send(sk, "x", 1), -EPIPE);
	th_release(sock);
}

/* close() with unread data: RST instead of FIN (RFC 2525 2.17), the connection is gone. */
static void test_tcp_close_with_unread_data_resets(void **state)
{
	struct socket *sock = establish();
	struct out_seg s;

	th_peer(peer_seq, our_seq, TCPHDR_ACK | TCPHDR_PSH, 65535, "unread", 6, NULL);
	while (th_pop(&s))
		;
	th_release(sock);
	th_expect(&s, TCPHDR_RST | TCPHDR_ACK);
	assert_int_equal(s.seq, our_seq);
	assert_null(find_tw());
}

/* RFC 5961 3.2: a RST exactly at RCV.NXT resets; in window but not exact gets a challenge ACK. */
static void test_tcp_rst_in_window_challenge_ack_then_exact_reset(void **state)
{
	struct socket *sock = establish();
	struct sock *sk = sock->sk;
	struct out_seg s;

	th_peer(peer_seq + 100, 0, TCPHDR_RST, 0, NULL, 0, NULL);
	assert_int_equal(sk->sk_state, TCP_ESTABLISHED);
	th_expect(&s, TCPHDR_ACK);				/* the challenge ACK */
	assert_int_equal(s.ack, peer_seq);
	assert_int_equal(s.seq, our_seq);
	/* Out of window: silently dropped. */
	th_peer(peer_seq + 10000000, 0, TCPHDR_RST, 0, NULL, 0, NULL);
	th_expect_none();
	assert_int_equal(sk->sk_state, TCP_ESTABLISHED);
	/* Exact: the connection is reset. */
	th_peer(peer_seq, 0, TCPHDR_RST, 0, NULL, 0, NULL);
	assert_int_equal(sk->sk_state, TCP_CLOSE);
	assert_int_equal(sk->sk_err, ECONNRESET);
	th_expect_none();
	th_release(sock);
}

/* RFC 5961 4.2: a SYN on an established connection gets a challenge ACK, never a reset; challenge
 * ACKs are rate limited per socket. */
static void test_tcp_syn_in_established_challenge_ack(void **state)
{
	struct socket *sock = establish();
	struct out_seg s;

	th_peer(12345, 0, TCPHDR_SYN, 65535, NULL, 0, NULL);
	th_expect(&s, TCPHDR_ACK);
	assert_int_equal(s.ack, peer_seq);
	assert_int_equal(sock->sk->sk_state, TCP_ESTABLISHED);
	th_peer(12345, 0, TCPHDR_SYN, 65535, NULL, 0, NULL);
	th_expect_none();					/* rate limited */
	host_advance_time(sysctl_tcp_invalid_ratelimit);
	th_peer(12345, 0, TCPHDR_SYN, 65535, NULL, 0, NULL);
	th_expect(&s, TCPHDR_ACK);
	assert_true(net_statistics[LINUX_MIB_TCPCHALLENGEACK] >= 2);
	th_release(sock);
}

static void set_int(struct socket *sock, int level, int name, int val)
{
	if (level == SOL_SOCKET)
		assert_int_equal(sock_setsockopt(sock, level, name, (char *)&val, sizeof(val)), 0);
	else
		assert_int_equal(tcp_setsockopt(sock->sk, level, name, (char *)&val, sizeof(val)), 0);
}

/*
 * RFC 1122 4.2.3.6 keepalive: after TCP_KEEPIDLE seconds idle a probe (SEG.SEQ = SND.NXT - 1,
 * no data); an answer keeps the connection; TCP_KEEPCNT unanswered probes TCP_KEEPINTVL apart
 * end it with ETIMEDOUT and a RST.
 */
static void test_tcp_keepalive_probes_then_timeout(void **state)
{
	struct socket *sock = establish();
	struct sock *sk = sock->sk;
	unsigned int waited;
	struct out_seg s;
	int i;

	set_int(sock, SOL_TCP, TCP_KEEPIDLE, 10);
	set_int(sock, SOL_TCP, TCP_KEEPINTVL, 2);
	set_int(sock, SOL_TCP, TCP_KEEPCNT, 3);
	set_int(sock, SOL_SOCKET, SO_KEEPALIVE, 1);

	host_advance_time(10 * HZ - 100);
	th_expect_none();
	waited = th_wait(&s, 200);
	assert_true(waited <= 100);
	assert_int_equal(s.flags, TCPHDR_ACK);
	assert_int_equal(s.seq, our_seq - 1);
	assert_int_equal(s.len, 0);
	/* The peer answers: alive, the next probe only after another idle period. */
	th_peer(peer_seq, our_seq, TCPHDR_ACK, 65535, NULL, 0, NULL);
	host_advance_time(5 * HZ);
	th_expect_none();

	/* Now the peer is gone: probes every 2 s, then the connection is dropped. */
	host_advance_time(5 * HZ);
	th_expect(&s, TCPHDR_ACK);
	for (i = 1; i < 3; i++) {
		host_advance_time(2 * HZ);
		th_expect(&s, TCPHDR_ACK);
		assert_int_equal(s.seq, our_seq - 1);
	}
	assert_int_equal(sk->sk_state, TCP_ESTABLISHED);
	host_advance_time(2 * HZ);
	th_expect(&s, TCPHDR_RST | TCPHDR_ACK);
	assert_int_equal(sk->sk_state, TCP_CLOSE);
	assert_int_equal(sk->sk_err, ETIMEDOUT);
	th_release(sock);
}

/* /proc/net/tcp lists the connection in Linux's format. */
static void test_tcp_proc_net_tcp(void **state)
{
	struct socket *sock = establish();
	static char buf[8192];
	char line[128];

	assert_true(host_proc_read("net/tcp", buf, sizeof(buf)) > 0);
	assert_non_null(strstr(buf, "local_address rem_address   st tx_queue rx_queue"));
	snprintf(line, sizeof(line), "%08X:%04X %08X:%04X 01", HOST_IP, HOST_PORT, PEER_IP, PEER_PORT);
	assert_non_null(strstr(buf, line));
	th_release(sock);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_tcp_active_close_time_wait, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_passive_close, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_simultaneous_close, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_half_close, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_close_with_unread_data_resets, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_rst_in_window_challenge_ack_then_exact_reset, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_syn_in_established_challenge_ack, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_keepalive_probes_then_timeout, th_setup, th_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_proc_net_tcp, th_setup, th_teardown),
	};

	return cmocka_run_group_tests_name("tcp_close", tests, NULL, NULL);
}
