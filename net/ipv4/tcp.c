/*
 * TCP as the socket layer sees it (sk->sk_prot = &tcp_prot):
 *   send: inet_sendmsg -> tcp_sendmsg -> tcp_sendmsg_locked (copy into MSS-sized skbs on
 *	sk_write_queue, bounded by sk_sndbuf) -> tcp_push -> __tcp_push_pending_frames;
 *   receive: inet_recvmsg -> tcp_recvmsg (sleeps in sk_wait_data) -> tcp_cleanup_rbuf (window update);
 *   close: inet_release -> tcp_close -> __tcp_close (FIN via tcp_send_fin, or RST if unread data
 *	was thrown away or SO_LINGER is 0), tcp_shutdown (half-close), tcp_disconnect;
 *   poll, ioctl (SIOCINQ/SIOCOUTQ), TCP-level socket options, TCP_INFO;
 *   tcp_set_state (every state change and the MIB counters), tcp_done, tcp_init.
 */
#include <net/tcp.h>
#include <linux/uaccess.h>
#include <linux/init.h>
#include <uapi/linux/sockios.h>

/* RFC 9293 3.4.2: Maximum Segment Lifetime, seconds; TIME_WAIT = 2*MSL (tcp.msl= to change it). */
unsigned int sysctl_tcp_msl = 30;
int sysctl_tcp_fin_timeout = TCP_FIN_TIMEOUT;
int sysctl_tcp_max_orphans = 4096;
unsigned int tcp_orphan_count;

/*
 * Memory bounds. Per socket: send/receive buffers (defaults here, SO_SNDBUF/SO_RCVBUF up to
 * net.core.[wr]mem_max). Overall: TCP may hold at most sysctl_tcp_mem[2] pages of skbs; above it
 * new data is dropped and sendmsg waits, so a flood of connections cannot exhaust the kernel.
 */
atomic_long_t tcp_memory_allocated;
long sysctl_tcp_mem[3] = { 4096, 6144, 8192 };	/* pages: 16, 24, 32 MiB */
int sysctl_tcp_wmem[3] = { 4096, 65536, 1048576 };
int sysctl_tcp_rmem[3] = { 4096, 131072, 1048576 };

static int __init set_tcp_msl(char *str)
{
	unsigned int msl;

	if (kstrtouint(str, 10, &msl) || msl == 0 || msl > 600) {
		pr_warn("tcp: ignoring tcp.msl=%s (want 1..600 seconds)\n", str);
		return 0;
	}
	sysctl_tcp_msl = msl;
	return 1;
}
__setup("tcp.msl=", set_tcp_msl);

/* ---- states ------------------------------------------------------------------------------- */

/*
 * Every state change goes through here, so the MIB gauges stay right (CurrEstab, EstabResets)
 * and leaving for CLOSE unhashes the socket and releases its port.
 */
noinline void tcp_set_state(struct sock *sk, int state)
{
	int oldstate = sk->sk_state;

	switch (state) {
	case TCP_ESTABLISHED:
		if (oldstate != TCP_ESTABLISHED)
			TCP_INC_STATS(sock_net(sk), TCP_MIB_CURRESTAB);
		break;
	case TCP_CLOSE:
		if (oldstate == TCP_CLOSE_WAIT || oldstate == TCP_ESTABLISHED)
			TCP_INC_STATS(sock_net(sk), TCP_MIB_ESTABRESETS);
		sk->sk_prot->unhash(sk);
		if (inet_csk(sk)->icsk_bind_hash && !(sk->sk_userlocks & SOCK_BINDPORT_LOCK))
			inet_put_port(sk);
		/* fall through */
	default:
		if (oldstate == TCP_ESTABLISHED)
			TCP_DEC_STATS(sock_net(sk), TCP_MIB_CURRESTAB);
	}
	inet_sk_state_store(sk, state);
	net_debug(NET_DBG_TCP, "tcp: sk %p state %d -> %d\n", sk, oldstate, state);
}

/* The connection is over (reset, timeout, last ACK): CLOSED, and freed if nobody holds it. */
noinline void tcp_done(struct sock *sk)
{
	if (sk->sk_state == TCP_SYN_SENT || sk->sk_state == TCP_SYN_RECV)
		TCP_INC_STATS(sock_net(sk), TCP_MIB_ATTEMPTFAILS);

	tcp_set_state(sk, TCP_CLOSE);
	tcp_clear_xmit_timers(sk);
	inet_csk_delete_keepalive_timer(sk);
	sk->sk_shutdown = SHUTDOWN_MASK;

	if (!sock_flag(sk, SOCK_DEAD))
		sk->sk_state_change(sk);
	else
		inet_csk_destroy_sock(sk);
}

/* Frees every unsent and unacknowledged segment. */
void tcp_write_queue_purge(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *skb;

	while ((skb = __skb_dequeue(&sk->sk_write_queue)) != NULL)
		tcp_skb_free(sk, skb);
	while ((skb = __skb_dequeue(&tp->tcp_rtx_queue)) != NULL)
		tcp_skb_free(sk, skb);
	sk_mem_reclaim(sk);
	tp->highest_sack = NULL;
	tp->packets_out = 0;
	tcp_clear_retrans(tp);
	inet_csk(sk)->icsk_backoff = 0;
}

/* ---- socket setup ------------------------------------------------------------------------- */

/* Defaults of a new TCP socket (RFC 6298 2.1 RTO 1 s, RFC 6928 IW10, Reno). */
void tcp_init_sock(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);

	skb_queue_head_init(&tp->out_of_order_queue);
	skb_queue_head_init(&tp->tcp_rtx_queue);
	tcp_init_xmit_timers(sk);

	icsk->icsk_rto = TCP_TIMEOUT_INIT;
	tp->mdev_us = jiffies_to_usecs(TCP_TIMEOUT_INIT);
	tp->snd_cwnd = TCP_INIT_CWND;
	tp->snd_ssthresh = TCP_INFINITE_SSTHRESH;
	tp->snd_cwnd_clamp = ~0U;
	tp->mss_cache = TCP_MSS_DEFAULT;
	tp->reordering = TCP_FASTRETRANS_THRESH;
	tp->tsoffset = 0;
	icsk->icsk_ca_ops = &tcp_reno;
	icsk->icsk_sync_mss = tcp_sync_mss;

	sk->sk_state = TCP_CLOSE;
	sk->sk_write_space = sk_stream_write_space;
	sock_set_flag(sk, SOCK_USE_WRITE_QUEUE);
	sk->sk_sndbuf = sysctl_tcp_wmem[1];
	sk->sk_rcvbuf = sysctl_tcp_rmem[1];
}

/* ---- sending ------------------------------------------------------------------------------ */

static bool forced_push(const struct tcp_sock *tp)
{
	return after(tp->write_seq, tp->pushed_seq + (tp->max_window >> 1));
}

static void tcp_mark_push(struct tcp_sock *tp, struct sk_buff *skb)
{
	TCP_SKB_CB(skb)->tcp_flags |= TCPHDR_PSH;
	tp->pushed_seq = tp->write_seq;
}

static void tcp_push(struct sock *sk, int flags, int mss_now, int nonagle)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *skb = skb_peek_tail(&sk->sk_write_queue);

	if (!skb)
		return;
	if (!(flags & MSG_MORE) || forced_push(tp))
		tcp_mark_push(tp, skb);
	if (flags & MSG_MORE)
		nonagle = TCP_NAGLE_CORK;
	__tcp_push_pending_frames(sk, mss_now, nonagle);
}

/* Allocation for the write queue, charged against TCP's global pool (may fail: caller waits). */
static struct sk_buff *tcp_sendmsg_alloc(struct sock *sk, int size)
{
	struct sk_buff *skb = tcp_stream_alloc_skb(sk, size, sk->sk_allocation);

	if (!skb)
		return NULL;
	if (!sk_wmem_schedule(sk, skb->truesize)) {
		kfree_skb(skb);
		return NULL;
	}
	return skb;
}

/*
 * Copies user data into the write queue: the tail skb is filled up to the MSS, then new
 * MSS-sized skbs follow. Blocks while sk_sndbuf is full (sk_stream_wait_memory), unless
 * MSG_DONTWAIT/O_NONBLOCK (-EAGAIN) or SO_SNDTIMEO expires. After shutdown: -EPIPE (+SIGPIPE).
 */
noinline int tcp_sendmsg_locked(struct sock *sk, struct msghdr *msg, size_t size)
{
	struct tcp_sock *tp = tcp_sk(sk);
	int flags = msg->msg_flags;
	int copied = 0, err, mss_now;
	struct sk_buff *skb;
	long timeo;

	timeo = sock_sndtimeo(sk, flags & MSG_DONTWAIT);

	/* Wait for a connection to finish (connect() in progress on a non-blocking socket). */
	if ((1 << sk->sk_state) & ~(TCPF_ESTABLISHED | TCPF_CLOSE_WAIT)) {
		err = sk_stream_wait_connect(sk, &timeo);
		if (err != 0)
			goto do_error;
	}

	mss_now = tcp_current_mss(sk);
	err = -EPIPE;
	if (sk->sk_err || (sk->sk_shutdown & SEND_SHUTDOWN))
		goto do_error;

	while (iov_iter_count(&msg->msg_iter)) {
		int copy = 0;

		skb = skb_peek_tail(&sk->sk_write_queue);
		if (skb && !(TCP_SKB_CB(skb)->tcp_flags & TCPHDR_FIN))
			copy = min_t(int, mss_now - (int)skb->len, skb_tailroom(skb));

		if (copy <= 0) {
			if (!sk_stream_memory_free(sk))
				goto wait_for_space;
			skb = tcp_sendmsg_alloc(sk, mss_now);
			if (!skb)
				goto wait_for_space;
			TCP_SKB_CB(skb)->seq = tp->write_seq;
			TCP_SKB_CB(skb)->end_seq = tp->write_seq;
			TCP_SKB_CB(skb)->tcp_flags = TCPHDR_ACK;
			tcp_queue_skb_tail(sk, skb);
			copy = min_t(int, mss_now, skb_tailroom(skb));
		}

		if ((size_t)copy > iov_iter_count(&msg->msg_iter))
			copy = iov_iter_count(&msg->msg_iter);
		if (!copy_from_iter_full(skb_put(skb, copy), copy, &msg->msg_iter)) {
			skb_trim(skb, skb->len - copy);
			err = -EFAULT;
			goto do_error;
		}
		tp->write_seq += copy;
		TCP_SKB_CB(skb)->end_seq += copy;
		copied += copy;

		if (!iov_iter_count(&msg->msg_iter))
			goto out;
		if ((int)skb->len < mss_now)
			continue;
		if (forced_push(tp)) {
			tcp_mark_push(tp, skb);
			__tcp_push_pending_frames(sk, mss_now, TCP_NAGLE_PUSH);
		} else if (skb == tcp_send_head(sk)) {
			tcp_push_one(sk, mss_now);
		}
		continue;

wait_for_space:
		if (sk->sk_socket)
			set_bit(SOCK_NOSPACE, &sk->sk_socket->flags);
		if (copied)
			tcp_push(sk, flags & ~MSG_MORE, mss_now, TCP_NAGLE_PUSH);
		err = sk_stream_wait_memory(sk, &timeo);
		if (err != 0)
			goto do_error;
		mss_now = tcp_current_mss(sk);
	}

out:
	if (copied)
		tcp_push(sk, flags, mss_now, tp->nonagle);
	return copied;

do_error:
	if (copied)
		goto out;
	return sk_stream_error(sk, flags, err);
}

noinline int tcp_sendmsg(struct sock *sk, struct msghdr *msg, size_t size)
{
	int ret;

	lock_sock(sk);
	ret = tcp_sendmsg_locked(sk, msg, size);
	release_sock(sk);
	return ret;
}

/* ---- receiving ---------------------------------------------------------------------------- */

/*
 * After the reader took data: send the ACK we held back if it is due, or a window update when
 * the window grew a lot (from zero above all, so a stalled sender continues; RFC 9293 3.8.6.2.2).
 */
void tcp_cleanup_rbuf(struct sock *sk, int copied)
{
	struct tcp_sock *tp = tcp_sk(sk);
	bool time_to_ack = false;

	if (inet_csk_ack_scheduled(sk)) {
		const struct inet_connection_sock *icsk = inet_csk(sk);

		if (tp->rcv_nxt - tp->rcv_wup > icsk->icsk_ack.rcv_mss ||
		    (copied > 0 &&
		     ((icsk->icsk_ack.pending & ICSK_ACK_PUSHED2) ||
		      ((icsk->icsk_ack.pending & ICSK_ACK_PUSHED) && !icsk->icsk_ack.pingpong)) &&
		     !atomic_read(&sk->sk_rmem_alloc)))
			time_to_ack = true;
	}

	if (copied > 0 && !time_to_ack && !(sk->sk_shutdown & RCV_SHUTDOWN)) {
		u32 rcv_window_now = tcp_receive_window(tp);

		if (2 * rcv_window_now <= tp->window_clamp) {
			u32 new_window = __tcp_select_window(sk);

			if (new_window && new_window >= 2 * rcv_window_now)
				time_to_ack = true;
		}
	}
	if (time_to_ack)
		tcp_send_ack(sk);
}

static void tcp_eat_skb(struct sock *sk, struct sk_buff *skb)
{
	__skb_unlink(skb, &sk->sk_receive_queue);
	consume_skb(skb);
}

/*
 * Copies in-order data to the user. Sleeps in sk_wait_data until at least the low-water mark
 * (1 byte, or all of len with MSG_WAITALL) arrived, the peer closed (0 = EOF), an error, a signal,
 * or SO_RCVTIMEO/non-blocking (-EAGAIN). MSG_PEEK leaves the data queued.
 */
noinline int tcp_recvmsg(struct sock *sk, struct msghdr *msg, size_t len, int nonblock, int flags,
			 int *addr_len)
{
	struct tcp_sock *tp = tcp_sk(sk);
	int copied = 0;
	u32 peek_seq;
	u32 *seq;
	int target;
	long timeo;
	int err;

	if (unlikely(flags & (MSG_ERRQUEUE | MSG_OOB)))
		return -EINVAL;	/* no error queue, urgent data is not supported */

	lock_sock(sk);
	err = -ENOTCONN;
	if (sk->sk_state == TCP_LISTEN)
		goto out;

	timeo = sock_rcvtimeo(sk, nonblock);
	seq = &tp->copied_seq;
	if (flags & MSG_PEEK) {
		peek_seq = tp->copied_seq;
		seq = &peek_seq;
	}
	target = (flags & MSG_WAITALL) ? (int)min_t(size_t, len, INT_MAX) : 1;

	do {
		struct sk_buff *skb, *last;
		u32 offset, used;

		last = skb_peek_tail(&sk->sk_receive_queue);
		skb_queue_walk(&sk->sk_receive_queue, skb) {
			last = skb;
			if (WARN_ON_ONCE(before(*seq, TCP_SKB_CB(skb)->seq)))
				break;
			offset = *seq - TCP_SKB_CB(skb)->seq;
			if (offset < skb->len)
				goto found_ok_skb;
			if (TCP_SKB_CB(skb)->tcp_flags & TCPHDR_FIN)
				goto found_fin_ok;
		}

		if (copied >= target && !sk->sk_backlog.tail)
			break;

		if (copied) {
			if (sk->sk_err || sk->sk_state == TCP_CLOSE || (sk->sk_shutdown & RCV_SHUTDOWN) ||
			    !timeo || signal_pending(current))
				break;
		} else {
			if (sock_flag(sk, SOCK_DONE))
				break;
			if (sk->sk_err) {
				copied = sock_error(sk);
				break;
			}
			if (sk->sk_shutdown & RCV_SHUTDOWN)
				break;
			if (sk->sk_state == TCP_CLOSE) {
				/* Reading from a never connected socket. */
				copied = -ENOTCONN;
				break;
			}
			if (!timeo) {
				copied = -EAGAIN;
				break;
			}
			if (signal_pending(current)) {
				copied = sock_intr_errno(timeo);
				break;
			}
		}

		tcp_cleanup_rbuf(sk, copied);
		if (copied >= target) {
			/* Do not sleep, just process the backlog. */
			release_sock(sk);
			lock_sock(sk);
		} else {
			sk_wait_data(sk, &timeo, last);
		}
		if ((flags & MSG_PEEK) && peek_seq - copied != tp->copied_seq)
			peek_seq = tp->copied_seq + copied;
		continue;

found_ok_skb:
		used = skb->len - offset;
		if (len < used)
			used = len;
		if (copy_to_iter(skb->data + offset, used, &msg->msg_iter) != used) {
			if (!copied)
				copied = -EFAULT;
			break;
		}
		*seq += used;
		copied += used;
		len -= used;
		if (used + offset < skb->len)
			continue;
		if (TCP_SKB_CB(skb)->tcp_flags & TCPHDR_FIN)
			goto found_fin_ok;
		if (!(flags & MSG_PEEK))
			tcp_eat_skb(sk, skb);
		continue;

found_fin_ok:
		/* The FIN: end of file after the data before it. */
		*seq += 1;
		if (!(flags & MSG_PEEK))
			tcp_eat_skb(sk, skb);
		break;
	} while (len > 0);

	tcp_cleanup_rbuf(sk, copied);
	sk_mem_reclaim(sk);
	release_sock(sk);
	return copied;

out:
	release_sock(sk);
	return err;
}

/* ---- close -------------------------------------------------------------------------------- */

#define TCP_ACTION_FIN	(1 << TCP_CLOSE)

/* RFC 9293 3.6: the state a CLOSE call moves to, and whether a FIN must be sent. */
static const unsigned char new_state[16] = {
	/* current state:	new state:	action:	*/
	[0 /* (Invalid) */]	= TCP_CLOSE,
	[TCP_ESTABLISHED]	= TCP_FIN_WAIT1 | TCP_ACTION_FIN,
	[TCP_SYN_SENT]		= TCP_CLOSE,
	[TCP_SYN_RECV]		= TCP_FIN_WAIT1 | TCP_ACTION_FIN,
	[TCP_FIN_WAIT1]		= TCP_FIN_WAIT1,
	[TCP_FIN_WAIT2]		= TCP_FIN_WAIT2,
	[TCP_TIME_WAIT]		= TCP_CLOSE,
	[TCP_CLOSE]		= TCP_CLOSE,
	[TCP_CLOSE_WAIT]	= TCP_LAST_ACK | TCP_ACTION_FIN,
	[TCP_LAST_ACK]		= TCP_LAST_ACK,
	[TCP_LISTEN]		= TCP_CLOSE,
	[TCP_CLOSING]		= TCP_CLOSING,
	[TCP_NEW_SYN_RECV]	= TCP_CLOSE,	/* should not happen ! */
};

static int tcp_close_state(struct sock *sk)
{
	int next = (int)new_state[sk->sk_state];
	int ns = next & TCP_STATE_MASK;

	tcp_set_state(sk, ns);
	return next & TCP_ACTION_FIN;
}

/* shutdown(SHUT_WR): half-close, send FIN; reading goes on (RFC 9293 3.6). */
void tcp_shutdown(struct sock *sk, int how)
{
	if (!(how & SEND_SHUTDOWN))
		return;
	if ((1 << sk->sk_state) & (TCPF_ESTABLISHED | TCPF_SYN_SENT | TCPF_SYN_RECV | TCPF_CLOSE_WAIT)) {
		if (tcp_close_state(sk))
			tcp_send_fin(sk);
	}
}

/* Too many orphans or TCP over its memory limit: orphans are reset rather than kept. */
bool tcp_check_oom(struct sock *sk)
{
	bool too_many_orphans = tcp_orphan_count > (unsigned int)sysctl_tcp_max_orphans;
	bool out_of_socket_memory = atomic_long_read(&tcp_memory_allocated) > sysctl_tcp_mem[2];

	return too_many_orphans || out_of_socket_memory;
}

static bool tcp_need_reset(int state)
{
	return (1 << state) & (TCPF_ESTABLISHED | TCPF_CLOSE_WAIT | TCPF_FIN_WAIT1 | TCPF_FIN_WAIT2 |
			       TCPF_SYN_RECV);
}

/*
 * RFC 9293 3.10.4 CLOSE. Unread data is thrown away and answered with RST (RFC 2525 2.17), as is
 * SO_LINGER with a zero timeout; otherwise a FIN goes after the queued data and the socket lives on
 * as an orphan until the exchange ends (FIN_WAIT2/TIME_WAIT have their own timers).
 */
static noinline void __tcp_close(struct sock *sk, long timeout)
{
	struct sk_buff *skb;
	int data_was_unread = 0;
	int state;

	sk->sk_shutdown = SHUTDOWN_MASK;

	if (sk->sk_state == TCP_LISTEN) {
		tcp_set_state(sk, TCP_CLOSE);
		inet_csk_listen_stop(sk);
		goto adjudge_to_death;
	}

	/* Flush the receive queue: the reader is gone. */
	while ((skb = __skb_dequeue(&sk->sk_receive_queue)) != NULL) {
		u32 len = TCP_SKB_CB(skb)->end_seq - TCP_SKB_CB(skb)->seq;

		if (TCP_SKB_CB(skb)->tcp_flags & TCPHDR_FIN)
			len--;
		data_was_unread += len;
		consume_skb(skb);
	}
	sk_mem_reclaim(sk);

	/* Already reset (tcp_reset) or never connected: just free it. */
	if (sk->sk_state == TCP_CLOSE)
		goto adjudge_to_death;

	if (data_was_unread) {
		NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPABORTONCLOSE);
		tcp_set_state(sk, TCP_CLOSE);
		tcp_send_active_reset(sk, sk->sk_allocation);
	} else if (sock_flag(sk, SOCK_LINGER) && !sk->sk_lingertime) {
		/* SO_LINGER {1, 0}: abort (RFC 9293 3.10.5), RST instead of FIN. */
		sk->sk_prot->disconnect(sk, 0);
		NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPABORTONDATA);
	} else if (tcp_close_state(sk)) {
		tcp_send_fin(sk);
	}

	sk_stream_wait_close(sk, timeout);

adjudge_to_death:
	state = sk->sk_state;
	sock_hold(sk);
	sock_orphan(sk);

	local_bh_disable();
	bh_lock_sock(sk);
	/* Run what arrived while we held the socket, without giving up ownership. */
	__release_sock(sk);
	tcp_orphan_count++;
	tcp_sk(sk)->orphan_counted = 1;

	/* Destroyed meanwhile by a softirq or the backlog? */
	if (state != TCP_CLOSE && sk->sk_state == TCP_CLOSE)
		goto out;

	if (sk->sk_state == TCP_FIN_WAIT2) {
		struct tcp_sock *tp = tcp_sk(sk);

		if (tp->linger2 < 0) {
			tcp_set_state(sk, TCP_CLOSE);
			tcp_send_active_reset(sk, GFP_ATOMIC);
			NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPABORTONLINGER);
		} else {
			const int tmo = tcp_fin_time(sk);

			if (tmo > (int)TCP_TIMEWAIT_LEN) {
				inet_csk_reset_keepalive_timer(sk, tmo - TCP_TIMEWAIT_LEN);
			} else {
				tcp_time_wait(sk, TCP_FIN_WAIT2, tmo);
				goto out;
			}
		}
	}
	if (sk->sk_state != TCP_CLOSE && tcp_check_oom(sk)) {
		tcp_set_state(sk, TCP_CLOSE);
		tcp_send_active_reset(sk, GFP_ATOMIC);
		NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPABORTONMEMORY);
	}
	if (sk->sk_state == TCP_CLOSE)
		inet_csk_destroy_sock(sk);
	/* Otherwise the orphan lives until the protocol closes it. */
out:
	bh_unlock_sock(sk);
	local_bh_enable();
}

noinline void tcp_close(struct sock *sk, long timeout)
{
	lock_sock(sk);
	__tcp_close(sk, timeout);
	release_sock(sk);
	sock_put(sk);
}

/* RFC 9293 3.10.5 ABORT (connect(AF_UNSPEC), SO_LINGER 0): RST if synchronized, back to CLOSED. */
int tcp_disconnect(struct sock *sk, int flags)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct inet_sock *inet = inet_sk(sk);
	struct tcp_sock *tp = tcp_sk(sk);
	int old_state = sk->sk_state;

	if (old_state != TCP_CLOSE)
		tcp_set_state(sk, TCP_CLOSE);

	if (old_state == TCP_LISTEN) {
		inet_csk_listen_stop(sk);
	} else if (tcp_need_reset(old_state) ||
		   (tp->snd_nxt != tp->write_seq && (1 << old_state) & (TCPF_CLOSING | TCPF_LAST_ACK))) {
		tcp_send_active_reset(sk, GFP_ATOMIC);
		sk->sk_err = ECONNRESET;
	} else if (old_state == TCP_SYN_SENT) {
		sk->sk_err = ECONNRESET;
	}

	tcp_clear_xmit_timers(sk);
	skb_queue_purge(&sk->sk_receive_queue);
	tcp_write_queue_purge(sk);
	skb_queue_purge(&tp->out_of_order_queue);

	inet->inet_dport = 0;
	sk->sk_shutdown = 0;
	sock_reset_flag(sk, SOCK_DONE);
	tp->srtt_us = 0;
	tp->mdev_us = jiffies_to_usecs(TCP_TIMEOUT_INIT);
	tp->write_seq += tp->max_window + 2;
	if (tp->write_seq == 0)
		tp->write_seq = 1;
	icsk->icsk_backoff = 0;
	icsk->icsk_probes_out = 0;
	icsk->icsk_retransmits = 0;
	icsk->icsk_rto = TCP_TIMEOUT_INIT;
	tp->snd_ssthresh = TCP_INFINITE_SSTHRESH;
	tp->snd_cwnd = TCP_INIT_CWND;
	tp->snd_cwnd_cnt = 0;
	tp->window_clamp = 0;
	tp->max_window = 0;
	tcp_set_ca_state(sk, TCP_CA_Open);
	inet_csk_delack_init(sk);
	tp->rx_opt.num_sacks = 0;
	tp->rx_opt.dsack = 0;
	tp->rx_opt.ts_recent = 0;
	tp->rx_opt.ts_recent_stamp = 0;
	tp->rx_opt.tstamp_ok = tp->rx_opt.sack_ok = tp->rx_opt.wscale_ok = 0;
	__sk_dst_reset(sk);
	sk->sk_error_report(sk);
	return 0;
}

/* ---- poll, ioctl ---------------------------------------------------------------------------- */

__poll_t tcp_poll(struct file *file, struct socket *sock, struct poll_table_struct *wait)
{
	struct sock *sk = sock->sk;
	const struct tcp_sock *tp = tcp_sk(sk);
	__poll_t mask = 0;
	int state;

	poll_wait(file, sk_sleep(sk), wait);

	state = inet_sk_state_load(sk);
	if (state == TCP_LISTEN)
		return inet_csk_listen_poll(sk);

	if (sk->sk_shutdown == SHUTDOWN_MASK || state == TCP_CLOSE)
		mask |= EPOLLHUP;
	if (sk->sk_shutdown & RCV_SHUTDOWN)
		mask |= EPOLLIN | EPOLLRDNORM | EPOLLRDHUP;

	/* Connected? (A connecting socket is neither readable nor writable yet.) */
	if (state != TCP_SYN_SENT && state != TCP_SYN_RECV) {
		if (tp->rcv_nxt != tp->copied_seq)
			mask |= EPOLLIN | EPOLLRDNORM;
		if (!(sk->sk_shutdown & SEND_SHUTDOWN)) {
			if (sk_stream_is_writeable(sk))
				mask |= EPOLLOUT | EPOLLWRNORM;
			else if (sk->sk_socket)
				set_bit(SOCK_NOSPACE, &sk->sk_socket->flags);
		} else {
			mask |= EPOLLOUT | EPOLLWRNORM;
		}
	}
	if (sk->sk_err)
		mask |= EPOLLERR;
	return mask;
}

/* SIOCINQ (FIONREAD): bytes readable; SIOCOUTQ: bytes not yet acknowledged; SIOCOUTQNSD: not yet sent. */
int tcp_ioctl(struct sock *sk, int cmd, unsigned long arg)
{
	struct tcp_sock *tp = tcp_sk(sk);
	int answ;

	switch (cmd) {
	case SIOCINQ:
		if (sk->sk_state == TCP_LISTEN)
			return -EINVAL;
		lock_sock(sk);
		if ((1 << sk->sk_state) & (TCPF_SYN_SENT | TCPF_SYN_RECV)) {
			answ = 0;
		} else {
			answ = tp->rcv_nxt - tp->copied_seq;
			if (answ && sock_flag(sk, SOCK_DONE))
				answ--;	/* the FIN is not data */
		}
		release_sock(sk);
		break;
	case SIOCOUTQ:
		if (sk->sk_state == TCP_LISTEN)
			return -EINVAL;
		answ = ((1 << sk->sk_state) & (TCPF_SYN_SENT | TCPF_SYN_RECV)) ? 0 : tp->write_seq - tp->snd_una;
		break;
	case SIOCOUTQNSD:
		if (sk->sk_state == TCP_LISTEN)
			return -EINVAL;
		answ = ((1 << sk->sk_state) & (TCPF_SYN_SENT | TCPF_SYN_RECV)) ? 0 : tp->write_seq - tp->snd_nxt;
		break;
	default:
		return -ENOIOCTLCMD;
	}
	return put_user(answ, (int __user *)arg);
}

/* ---- socket options ----------------------------------------------------------------------- */

void tcp_get_info(struct sock *sk, struct tcp_info *info)
{
	const struct tcp_sock *tp = tcp_sk(sk);
	const struct inet_connection_sock *icsk = inet_csk(sk);
	u32 now = tcp_jiffies32;

	memset(info, 0, sizeof(*info));
	info->tcpi_state = sk->sk_state;
	info->tcpi_ca_state = icsk->icsk_ca_state;
	info->tcpi_retransmits = icsk->icsk_retransmits;
	info->tcpi_probes = icsk->icsk_probes_out;
	info->tcpi_backoff = icsk->icsk_backoff;
	if (tp->rx_opt.tstamp_ok)
		info->tcpi_options |= TCPI_OPT_TIMESTAMPS;
	if (tcp_is_sack(tp))
		info->tcpi_options |= TCPI_OPT_SACK;
	if (tp->rx_opt.wscale_ok) {
		info->tcpi_options |= TCPI_OPT_WSCALE;
		info->tcpi_snd_wscale = tp->rx_opt.snd_wscale;
		info->tcpi_rcv_wscale = tp->rx_opt.rcv_wscale;
	}
	info->tcpi_rto = jiffies_to_usecs(icsk->icsk_rto);
	info->tcpi_ato = jiffies_to_usecs(icsk->icsk_ack.ato);
	info->tcpi_snd_mss = tp->mss_cache;
	info->tcpi_rcv_mss = icsk->icsk_ack.rcv_mss;
	if (sk->sk_state == TCP_LISTEN) {
		info->tcpi_unacked = sk->sk_ack_backlog;
		info->tcpi_sacked = sk->sk_max_ack_backlog;
	} else {
		info->tcpi_unacked = tp->packets_out;
		info->tcpi_sacked = tp->sacked_out;
	}
	info->tcpi_lost = tp->lost_out;
	info->tcpi_retrans = tp->retrans_out;
	info->tcpi_last_data_sent = jiffies_to_msecs(now - tp->lsndtime);
	info->tcpi_last_data_recv = jiffies_to_msecs(now - icsk->icsk_ack.lrcvtime);
	info->tcpi_last_ack_recv = jiffies_to_msecs(now - tp->rcv_tstamp);
	info->tcpi_pmtu = icsk->icsk_pmtu_cookie;
	info->tcpi_rcv_ssthresh = tp->rcv_ssthresh;
	info->tcpi_rtt = tp->srtt_us >> 3;
	info->tcpi_rttvar = tp->mdev_us >> 2;
	info->tcpi_snd_ssthresh = tp->snd_ssthresh;
	info->tcpi_snd_cwnd = tp->snd_cwnd;
	info->tcpi_advmss = tp->advmss;
	info->tcpi_reordering = tp->reordering;
	info->tcpi_rcv_space = tp->rcvq_space.space;
	info->tcpi_total_retrans = tp->total_retrans;
}

int tcp_setsockopt(struct sock *sk, int level, int optname, char __user *optval, unsigned int optlen)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);
	int val, err = 0;

	if (level != SOL_TCP) {
		if (icsk->icsk_af_ops->setsockopt)
			return icsk->icsk_af_ops->setsockopt(sk, level, optname, optval, optlen);
		return -ENOPROTOOPT;
	}

	if (optname == TCP_CONGESTION) {
		char name[TCP_CA_NAME_MAX];
		long len;

		if (optlen < 1)
			return -EINVAL;
		len = strncpy_from_user(name, optval, min_t(long, TCP_CA_NAME_MAX - 1, optlen));
		if (len < 0)
			return -EFAULT;
		name[len] = 0;
		lock_sock(sk);
		err = tcp_set_congestion_control(sk, name);
		release_sock(sk);
		return err;
	}

	if (optlen < sizeof(int))
		return -EINVAL;
	if (get_user(val, (int __user *)optval))
		return -EFAULT;

	lock_sock(sk);
	switch (optname) {
	case TCP_MAXSEG:
		/* Values too small or too big are refused, as Linux does. */
		if (val && (val < (int)TCP_MIN_MSS || val > (int)MAX_TCP_WINDOW)) {
			err = -EINVAL;
			break;
		}
		tp->rx_opt.user_mss = val;
		break;
	case TCP_NODELAY:
		if (val) {
			/* Turning Nagle off also pushes what Nagle was holding back. */
			tp->nonagle |= TCP_NAGLE_OFF | TCP_NAGLE_PUSH;
			tcp_push_pending_frames(sk);
		} else {
			tp->nonagle &= ~TCP_NAGLE_OFF;
		}
		break;
	case TCP_CORK:
		if (val) {
			tp->nonagle |= TCP_NAGLE_CORK;
		} else {
			tp->nonagle &= ~TCP_NAGLE_CORK;
			if (tp->nonagle & TCP_NAGLE_OFF)
				tp->nonagle |= TCP_NAGLE_PUSH;
			tcp_push_pending_frames(sk);
		}
		break;
	case TCP_KEEPIDLE:
		if (val < 1 || val > MAX_TCP_KEEPIDLE) {
			err = -EINVAL;
			break;
		}
		tp->keepalive_time = val * HZ;
		if (sock_flag(sk, SOCK_KEEPOPEN) && !((1 << sk->sk_state) & (TCPF_CLOSE | TCPF_LISTEN))) {
			u32 elapsed = tcp_jiffies32 - tp->rcv_tstamp;

			elapsed = tp->keepalive_time > elapsed ? tp->keepalive_time - elapsed : 0;
			inet_csk_reset_keepalive_timer(sk, elapsed);
		}
		break;
	case TCP_KEEPINTVL:
		if (val < 1 || val > MAX_TCP_KEEPINTVL)
			err = -EINVAL;
		else
			tp->keepalive_intvl = val * HZ;
		break;
	case TCP_KEEPCNT:
		if (val < 1 || val > MAX_TCP_KEEPCNT)
			err = -EINVAL;
		else
			tp->keepalive_probes = val;
		break;
	case TCP_SYNCNT:
		if (val < 1 || val > MAX_TCP_SYNCNT)
			err = -EINVAL;
		else
			icsk->icsk_syn_retries = val;
		break;
	case TCP_LINGER2:
		if (val < 0)
			tp->linger2 = -1;
		else if (val > TCP_FIN_TIMEOUT / HZ)
			tp->linger2 = TCP_FIN_TIMEOUT;
		else
			tp->linger2 = val * HZ;
		break;
	case TCP_WINDOW_CLAMP:
		if (!val) {
			if (sk->sk_state != TCP_CLOSE) {
				err = -EINVAL;
				break;
			}
			tp->window_clamp = 0;
		} else {
			tp->window_clamp = val < SOCK_MIN_RCVBUF / 2 ? SOCK_MIN_RCVBUF / 2 : val;
		}
		break;
	case TCP_QUICKACK:
		if (val) {
			icsk->icsk_ack.pingpong = 0;
			if ((1 << sk->sk_state) & (TCPF_ESTABLISHED | TCPF_CLOSE_WAIT) &&
			    inet_csk_ack_scheduled(sk)) {
				icsk->icsk_ack.pending |= ICSK_ACK_PUSHED;
				tcp_cleanup_rbuf(sk, 1);
			}
		} else {
			icsk->icsk_ack.pingpong = 1;
		}
		break;
	case TCP_USER_TIMEOUT:
		if (val < 0)
			err = -EINVAL;
		else
			icsk->icsk_user_timeout = msecs_to_jiffies(val);
		break;
	default:
		err = -ENOPROTOOPT;
		break;
	}
	release_sock(sk);
	return err;
}

int tcp_getsockopt(struct sock *sk, int level, int optname, char __user *optval, int __user *optlen)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);
	int val, len = 0;

	if (level != SOL_TCP) {
		if (icsk->icsk_af_ops->getsockopt)
			return icsk->icsk_af_ops->getsockopt(sk, level, optname, optval, optlen);
		return -ENOPROTOOPT;
	}
	if (get_user(len, optlen))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;

	switch (optname) {
	case TCP_MAXSEG:
		val = tp->mss_cache;
		if (tp->rx_opt.user_mss && ((1 << sk->sk_state) & (TCPF_CLOSE | TCPF_LISTEN)))
			val = tp->rx_opt.user_mss;
		break;
	case TCP_NODELAY:
		val = !!(tp->nonagle & TCP_NAGLE_OFF);
		break;
	case TCP_CORK:
		val = !!(tp->nonagle & TCP_NAGLE_CORK);
		break;
	case TCP_KEEPIDLE:
		val = keepalive_time_when(tp) / HZ;
		break;
	case TCP_KEEPINTVL:
		val = keepalive_intvl_when(tp) / HZ;
		break;
	case TCP_KEEPCNT:
		val = keepalive_probes(tp);
		break;
	case TCP_SYNCNT:
		val = icsk->icsk_syn_retries ? : TCP_SYN_RETRIES;
		break;
	case TCP_LINGER2:
		val = tp->linger2;
		if (val >= 0)
			val = (val ? : sysctl_tcp_fin_timeout) / HZ;
		break;
	case TCP_WINDOW_CLAMP:
		val = tp->window_clamp;
		break;
	case TCP_QUICKACK:
		val = !icsk->icsk_ack.pingpong;
		break;
	case TCP_USER_TIMEOUT:
		val = jiffies_to_msecs(icsk->icsk_user_timeout);
		break;
	case TCP_INFO: {
		struct tcp_info info;

		tcp_get_info(sk, &info);
		len = min_t(unsigned int, len, sizeof(info));
		if (put_user(len, optlen))
			return -EFAULT;
		if (copy_to_user(optval, &info, len))
			return -EFAULT;
		return 0;
	}
	case TCP_CONGESTION:
		len = min_t(unsigned int, len, TCP_CA_NAME_MAX);
		if (put_user(len, optlen))
			return -EFAULT;
		if (copy_to_user(optval, icsk->icsk_ca_ops->name, len))
			return -EFAULT;
		return 0;
	default:
		return -ENOPROTOOPT;
	}

	len = min_t(unsigned int, len, sizeof(int));
	if (put_user(len, optlen))
		return -EFAULT;
	if (copy_to_user(optval, &val, len))
		return -EFAULT;
	return 0;
}

/* ---- boot --------------------------------------------------------------------------------- */

/* Called from inet_init: hash tables, TIME_WAIT bookkeeping, congestion control, /proc/net/tcp. */
void __init tcp_init(void)
{
	struct inet_timewait_death_row *dr = &init_net.ipv4.tcp_death_row;

	inet_hashinfo_init(&tcp_hashinfo);
	if (inet_hashinfo_alloc(&tcp_hashinfo, "tcp", 4096, 4096))
		panic("tcp_init: no memory for the TCP hash tables");
	dr->hashinfo = &tcp_hashinfo;
	dr->sysctl_max_tw_buckets = 4096;
	tcp_register_congestion_control(&tcp_reno);
	tcp_proc_init();
	pr_info("TCP: hash tables configured (established 4096 bind 4096), MSL %u s\n", sysctl_tcp_msl);
}
