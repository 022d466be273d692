/*
 * TCP timers (all on guest jiffies, so nothing fires while gdb holds the machine):
 *   icsk_retransmit_timer -> tcp_write_timer -> tcp_retransmit_timer (RFC 6298 5.4-5.7: resend the
 *	oldest segment, double the RTO up to 120 s, give up after TCP_RETR2 / SYN retries with
 *	ETIMEDOUT) or tcp_probe_timer (zero-window probes, RFC 9293 3.8.6.1);
 *   icsk_delack_timer -> tcp_delack_timer (the ACK we delayed, RFC 1122 4.2.3.2);
 *   sk_timer -> tcp_keepalive_timer (SO_KEEPALIVE probes, RFC 1122 4.2.3.6, and the end of an
 *	orphaned FIN_WAIT2).
 * SYN-ACK retransmission of request socks runs from reqsk_timer_handler (inet_connection_sock.c)
 * through tcp_rtx_synack; TIME_WAIT expiry is inet_timewait_sock's tw_timer.
 * A timer that fires while a process owns the socket defers its work to tcp_release_cb.
 */
#include <net/tcp.h>

#define TCP_WRITE_TIMER_DEFERRED	0
#define TCP_DELACK_TIMER_DEFERRED	1

/* The connection failed for good: report ETIMEDOUT (or the last soft error, e.g. from ICMP). */
noinline void tcp_write_err(struct sock *sk)
{
	sk->sk_err = sk->sk_err_soft ? : ETIMEDOUT;
	sk->sk_error_report(sk);
	tcp_write_queue_purge(sk);
	tcp_done(sk);
	NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPABORTONTIMEOUT);
}

/* Too many orphans (closed by their owner, still finishing): reset instead of retrying. */
static bool tcp_out_of_resources(struct sock *sk)
{
	if (tcp_orphan_count > (unsigned int)sysctl_tcp_max_orphans || sk_under_memory_pressure(sk)) {
		tcp_send_active_reset(sk, GFP_ATOMIC);
		tcp_done(sk);
		NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPABORTONMEMORY);
		return true;
	}
	return false;
}

/*
 * RFC 1122 4.2.3.5 / RFC 9293 3.8.3: give up after R2 retransmissions (SYN: icsk_syn_retries,
 * default 6, i.e. 1+2+4+...+64 = 127 s of backoff before connect() fails with ETIMEDOUT).
 */
static int tcp_write_timeout(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	int retry_until;

	if ((1 << sk->sk_state) & (TCPF_SYN_SENT | TCPF_SYN_RECV)) {
		retry_until = icsk->icsk_syn_retries ? : TCP_SYN_RETRIES;
	} else {
		retry_until = TCP_RETR2;
		if (sock_flag(sk, SOCK_DEAD)) {
			retry_until = TCP_ORPHAN_RETRIES;
			if (tcp_out_of_resources(sk))
				return 1;
		}
	}
	if (icsk->icsk_retransmits >= retry_until) {
		tcp_write_err(sk);
		return 1;
	}
	return 0;
}

/*
 * RFC 6298 5.4-5.6: the retransmission timer expired. Retransmit the earliest unacknowledged
 * segment, back off (RTO = RTO * 2, at most TCP_RTO_MAX), and restart the timer; RFC 5681 3.1:
 * cwnd drops to one segment (tcp_enter_loss).
 */
noinline void tcp_retransmit_timer(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *skb;

	if (!tp->packets_out)
		return;
	skb = tcp_rtx_queue_head(sk);
	if (WARN_ON_ONCE(!skb))
		return;

	if (!tp->snd_wnd && !sock_flag(sk, SOCK_DEAD) &&
	    !((1 << sk->sk_state) & (TCPF_SYN_SENT | TCPF_SYN_RECV))) {
		/*
		 * The receiver shrank its window to zero under our data: our retransmissions act as
		 * window probes and do not time the connection out while the peer answers.
		 */
		if (tcp_jiffies32 - tp->rcv_tstamp > TCP_RTO_MAX) {
			tcp_write_err(sk);
			return;
		}
		tcp_enter_loss(sk);
		tcp_retransmit_skb(sk, skb, 1);
		goto out_reset_timer;
	}

	if (tcp_write_timeout(sk))
		return;

	NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPTIMEOUTS);
	tcp_enter_loss(sk);
	icsk->icsk_retransmits++;
	tcp_retransmit_skb(sk, tcp_rtx_queue_head(sk), 1);

	/* Exponential backoff (Karn): the RTO doubles, the RTT estimate is left alone. */
	icsk->icsk_backoff++;
out_reset_timer:
	icsk->icsk_rto = min_t(u32, icsk->icsk_rto << 1, TCP_RTO_MAX);
	inet_csk_reset_xmit_timer(sk, ICSK_TIME_RETRANS, icsk->icsk_rto, TCP_RTO_MAX);
}

/* The persist timer: probe a zero window; a peer that never answers is dropped after R2 probes. */
static void tcp_probe_timer(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);
	int max_probes;

	if (tp->packets_out || !tcp_send_head(sk)) {
		icsk->icsk_probes_out = 0;
		return;
	}
	max_probes = TCP_RETR2;
	if (sock_flag(sk, SOCK_DEAD)) {
		max_probes = TCP_ORPHAN_RETRIES;
		if (tcp_out_of_resources(sk))
			return;
	}
	if (icsk->icsk_probes_out >= max_probes)
		tcp_write_err(sk);
	else
		tcp_send_probe0(sk);
}

/* The retransmit timer slot serves RETRANS and PROBE0 (icsk_pending says which). */
noinline void tcp_write_timer_handler(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	int event;

	if (((1 << sk->sk_state) & (TCPF_CLOSE | TCPF_LISTEN)) || !icsk->icsk_pending)
		return;
	if (time_after(icsk->icsk_timeout, jiffies)) {
		sk_reset_timer(sk, &icsk->icsk_retransmit_timer, icsk->icsk_timeout);
		return;
	}
	tcp_sk(sk)->tcp_mstamp = tcp_clock_us();
	event = icsk->icsk_pending;
	switch (event) {
	case ICSK_TIME_RETRANS:
		icsk->icsk_pending = 0;
		tcp_retransmit_timer(sk);
		break;
	case ICSK_TIME_PROBE0:
		icsk->icsk_pending = 0;
		tcp_probe_timer(sk);
		break;
	}
	sk_mem_reclaim(sk);
}

static noinline void tcp_write_timer(struct timer_list *t)
{
	struct inet_connection_sock *icsk = from_timer(icsk, t, icsk_retransmit_timer);
	struct sock *sk = &icsk->icsk_inet.sk;

	bh_lock_sock(sk);
	if (!sock_owned_by_user(sk)) {
		tcp_write_timer_handler(sk);
	} else {
		/* A process holds the socket: tcp_release_cb runs us when it lets go. */
		if (!(tcp_sk(sk)->tsq_flags & (1UL << TCP_WRITE_TIMER_DEFERRED))) {
			tcp_sk(sk)->tsq_flags |= 1UL << TCP_WRITE_TIMER_DEFERRED;
			sock_hold(sk);
		}
	}
	bh_unlock_sock(sk);
	sock_put(sk);
}

/* RFC 1122 4.2.3.2: the delayed ACK is due. */
noinline void tcp_delack_timer_handler(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);

	if (((1 << sk->sk_state) & (TCPF_CLOSE | TCPF_LISTEN)) || !(icsk->icsk_ack.pending & ICSK_ACK_TIMER))
		return;
	if (time_after(icsk->icsk_ack.timeout, jiffies)) {
		sk_reset_timer(sk, &icsk->icsk_delack_timer, icsk->icsk_ack.timeout);
		return;
	}
	icsk->icsk_ack.pending &= ~ICSK_ACK_TIMER;

	if (inet_csk_ack_scheduled(sk)) {
		if (!icsk->icsk_ack.pingpong) {
			/* Delayed ACK missed: inflate ATO. */
			icsk->icsk_ack.ato = min_t(u32, icsk->icsk_ack.ato << 1, icsk->icsk_rto);
		} else {
			/* Delayed ACK missed: leave pingpong mode and deflate ATO. */
			icsk->icsk_ack.pingpong = 0;
			icsk->icsk_ack.ato = TCP_ATO_MIN;
		}
		tcp_send_ack(sk);
		NET_INC_STATS(sock_net(sk), LINUX_MIB_DELAYEDACKS);
	}
}

static noinline void tcp_delack_timer(struct timer_list *t)
{
	struct inet_connection_sock *icsk = from_timer(icsk, t, icsk_delack_timer);
	struct sock *sk = &icsk->icsk_inet.sk;

	bh_lock_sock(sk);
	if (!sock_owned_by_user(sk)) {
		tcp_delack_timer_handler(sk);
	} else {
		icsk->icsk_ack.blocked = 1;
		if (!(tcp_sk(sk)->tsq_flags & (1UL << TCP_DELACK_TIMER_DEFERRED))) {
			tcp_sk(sk)->tsq_flags |= 1UL << TCP_DELACK_TIMER_DEFERRED;
			sock_hold(sk);
		}
	}
	bh_unlock_sock(sk);
	sock_put(sk);
}

/* sk->sk_prot->release_cb: timer work deferred while the process owned the socket. */
void tcp_release_cb(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	unsigned long flags = tp->tsq_flags;

	tp->tsq_flags = 0;
	if (flags & (1UL << TCP_WRITE_TIMER_DEFERRED)) {
		tcp_write_timer_handler(sk);
		__sock_put(sk);
	}
	if (flags & (1UL << TCP_DELACK_TIMER_DEFERRED)) {
		tcp_delack_timer_handler(sk);
		__sock_put(sk);
	}
}

/* Idle time: since the last segment from the peer. */
static u32 keepalive_time_elapsed(const struct tcp_sock *tp)
{
	const struct inet_connection_sock *icsk = &tp->inet_conn;

	return min_t(u32, tcp_jiffies32 - icsk->icsk_ack.lrcvtime, tcp_jiffies32 - tp->rcv_tstamp);
}

/*
 * sk_timer: RFC 1122 4.2.3.6 keepalive probes on an idle connection (SO_KEEPALIVE, TCP_KEEPIDLE/
 * INTVL/CNT), and the lifetime of an orphaned FIN_WAIT2 socket.
 */
static noinline void tcp_keepalive_timer(struct timer_list *t)
{
	struct sock *sk = from_timer(sk, t, sk_timer);
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);
	u32 elapsed;

	bh_lock_sock(sk);
	if (sock_owned_by_user(sk)) {
		/* Try again later. */
		inet_csk_reset_keepalive_timer(sk, HZ / 20);
		goto out;
	}
	if (sk->sk_state == TCP_LISTEN)
		goto out;

	tp->tcp_mstamp = tcp_clock_us();
	if (sk->sk_state == TCP_FIN_WAIT2 && sock_flag(sk, SOCK_DEAD)) {
		if (tp->linger2 >= 0) {
			const int tmo = tcp_fin_time(sk) - (int)TCP_TIMEWAIT_LEN;

			if (tmo > 0) {
				tcp_time_wait(sk, TCP_FIN_WAIT2, tmo);
				goto out;
			}
		}
		tcp_send_active_reset(sk, GFP_ATOMIC);
		tcp_done(sk);
		goto out;
	}

	if (!sock_flag(sk, SOCK_KEEPOPEN) || ((1 << sk->sk_state) & (TCPF_CLOSE | TCPF_SYN_SENT)))
		goto out;

	elapsed = keepalive_time_when(tp);
	/* It is alive without keepalive: data in flight has its own timer. */
	if (tp->packets_out || !tcp_write_queue_empty(sk))
		goto resched;

	elapsed = keepalive_time_elapsed(tp);
	if (elapsed >= (u32)keepalive_time_when(tp)) {
		if (icsk->icsk_probes_out >= keepalive_probes(tp)) {
			tcp_send_active_reset(sk, GFP_ATOMIC);
			tcp_write_err(sk);
			goto out;
		}
		if (tcp_write_wakeup(sk, LINUX_MIB_TCPKEEPALIVE) <= 0) {
			icsk->icsk_probes_out++;
			elapsed = keepalive_intvl_when(tp);
		} else {
			/* The probe could not be sent (no memory): try harder. */
			elapsed = TCP_RESOURCE_PROBE_INTERVAL;
		}
	} else {
		elapsed = keepalive_time_when(tp) - elapsed;
	}
	sk_mem_reclaim(sk);
resched:
	inet_csk_reset_keepalive_timer(sk, elapsed);
out:
	bh_unlock_sock(sk);
	sock_put(sk);
}

/* SO_KEEPALIVE switched on or off (sock_setsockopt -> sk->sk_prot->keepalive). */
void tcp_set_keepalive(struct sock *sk, int val)
{
	if ((1 << sk->sk_state) & (TCPF_CLOSE | TCPF_LISTEN))
		return;
	if (val && !sock_flag(sk, SOCK_KEEPOPEN))
		inet_csk_reset_keepalive_timer(sk, keepalive_time_when(tcp_sk(sk)));
	else if (!val)
		inet_csk_delete_keepalive_timer(sk);
}

void tcp_reset_keepalive_timer(struct sock *sk, unsigned long len)
{
	inet_csk_reset_keepalive_timer(sk, len);
}

/* A request sock's SYN-ACK timer expired (counted; reqsk_timer_handler resends or drops). */
void tcp_syn_ack_timeout(const struct request_sock *req)
{
	NET_INC_STATS(&init_net, LINUX_MIB_TCPTIMEOUTS);
}

void tcp_init_xmit_timers(struct sock *sk)
{
	inet_csk_init_xmit_timers(sk, &tcp_write_timer, &tcp_delack_timer, &tcp_keepalive_timer);
}
