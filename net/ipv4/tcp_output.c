/*
 * TCP output: building segments and deciding when to send them.
 *
 * Data path: tcp_sendmsg queues MSS-sized skbs on sk_write_queue -> tcp_push ->
 * __tcp_push_pending_frames -> tcp_write_xmit (congestion window, peer's receive window, Nagle)
 * -> tcp_transmit_skb -> __tcp_transmit_skb (TCP header + options, checksum) ->
 * icsk->icsk_af_ops->queue_xmit = ip_queue_xmit. A sent skb moves to tp->tcp_rtx_queue and stays
 * there until acknowledged (tcp_clean_rtx_queue in tcp_input.c); what goes to IP is a clone.
 * Active open: tcp_v4_connect -> tcp_connect -> tcp_connect_init, SYN via tcp_transmit_skb.
 * Also here: pure ACKs (tcp_send_ack, tcp_send_delayed_ack), FIN, RST, retransmission,
 * zero-window probes, and the receive window we advertise (tcp_select_window).
 */
#include <net/tcp.h>
#include <linux/random.h>

/* Options we put on a segment, collected first so the header length is known (Linux tcp_out_options). */
#define OPTION_SACK_ADVERTISE	(1 << 0)
#define OPTION_TS		(1 << 1)
#define OPTION_MSS		(1 << 2)
#define OPTION_WSCALE		(1 << 3)

struct tcp_out_options {
	u16 options;
	u16 mss;
	u8 ws;
	u8 num_sack_blocks;
	u32 tsval, tsecr;
};

unsigned int tcp_skb_len(const struct sk_buff *skb)
{
	return TCP_SKB_CB(skb)->end_seq - TCP_SKB_CB(skb)->seq;
}

/* End of the window the peer lets us fill (RFC 9293 3.8.6: SND.UNA + SND.WND). */
static u32 tcp_wnd_end(const struct tcp_sock *tp)
{
	return tp->snd_una + tp->snd_wnd;
}

/*
 * Sequence number for segments without data (ACK, RST): SND.NXT unless the peer shrank its
 * window below it, then the window's right edge (RFC 9293 3.8.6.2.1 does not allow shrinking,
 * but peers do it).
 */
static u32 tcp_acceptable_seq(const struct sock *sk)
{
	const struct tcp_sock *tp = tcp_sk(sk);

	if (!before(tcp_wnd_end(tp), tp->snd_nxt))
		return tp->snd_nxt;
	return tcp_wnd_end(tp);
}

static void tcp_init_nondata_skb(struct sk_buff *skb, u32 seq, u8 flags)
{
	TCP_SKB_CB(skb)->tcp_flags = flags;
	TCP_SKB_CB(skb)->sacked = 0;
	TCP_SKB_CB(skb)->seq = seq;
	if (flags & (TCPHDR_SYN | TCPHDR_FIN))
		seq++;
	TCP_SKB_CB(skb)->end_seq = seq;
}

/* An skb for the write queue with room for all headers in front of the payload. */
struct sk_buff *tcp_stream_alloc_skb(struct sock *sk, int size, gfp_t gfp)
{
	struct sk_buff *skb;

	skb = alloc_skb(size + MAX_TCP_HEADER, gfp);
	if (!skb)
		return NULL;
	skb_reserve(skb, MAX_TCP_HEADER);
	memset(skb->cb, 0, sizeof(skb->cb));
	return skb;
}

/* Write and retransmit queues charge their skbs to sk_wmem_queued and TCP's global pool. */
void tcp_charge_skb(struct sock *sk, struct sk_buff *skb)
{
	sk_wmem_queued_add(sk, skb->truesize);
	sk_mem_charge(sk, skb->truesize);
}

void tcp_uncharge_skb(struct sock *sk, struct sk_buff *skb)
{
	sk_wmem_queued_add(sk, -(int)skb->truesize);
	sk_mem_uncharge(sk, skb->truesize);
}

void tcp_skb_free(struct sock *sk, struct sk_buff *skb)
{
	tcp_uncharge_skb(sk, skb);
	consume_skb(skb);
}

void tcp_queue_skb_tail(struct sock *sk, struct sk_buff *skb)
{
	tcp_charge_skb(sk, skb);
	__skb_queue_tail(&sk->sk_write_queue, skb);
}

/* ---- window we advertise ------------------------------------------------------------------ */

/*
 * RFC 7323 2.2 / RFC 9293 3.8.6.2.2: the window we start with and our shift. Called at connect
 * and when answering a SYN; the shift is fixed for the connection's life.
 */
void tcp_select_initial_window(const struct sock *sk, int __space, u32 mss, u32 *rcv_wnd,
			       u32 *window_clamp, int wscale_ok, u8 *rcv_wscale, u32 init_rcv_wnd)
{
	unsigned int space = __space < 0 ? 0 : __space;

	if (*window_clamp == 0)
		*window_clamp = (U16_MAX << TCP_MAX_WINSHIFT);
	space = min(*window_clamp, space);
	if (space > mss)
		space = (space / mss) * mss;

	*rcv_wnd = min_t(u32, space, U16_MAX);
	if (init_rcv_wnd)
		*rcv_wnd = min(*rcv_wnd, init_rcv_wnd * mss);

	*rcv_wscale = 0;
	if (wscale_ok) {
		/* Enough shift for the largest buffer the socket may grow to. */
		space = max_t(u32, space, tcp_win_from_space(sysctl_rmem_max));
		space = min(*window_clamp, space);
		while (space > U16_MAX && *rcv_wscale < TCP_MAX_WINSHIFT) {
			space >>= 1;
			(*rcv_wscale)++;
		}
	}
	*window_clamp = min_t(u32, U16_MAX << (*rcv_wscale), *window_clamp);
}

/*
 * The window to offer now, before scaling: RFC 1122 4.2.3.3 receiver silly-window avoidance --
 * the window opens only in steps of at least one MSS (or a large fraction of the buffer).
 */
u32 __tcp_select_window(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);
	int mss = icsk->icsk_ack.rcv_mss;
	int free_space = tcp_win_from_space(tcp_space(sk));
	int full_space = min_t(int, tp->window_clamp, tcp_win_from_space(tcp_full_space(sk)));
	int window;

	if (unlikely(mss > full_space)) {
		mss = full_space;
		if (mss <= 0)
			return 0;
	}
	if (free_space < (full_space >> 1)) {
		icsk->icsk_ack.quick = 0;
		if (free_space < mss)
			return 0;
	}
	if (free_space > (int)tp->rcv_ssthresh)
		free_space = tp->rcv_ssthresh;

	if (tp->rx_opt.rcv_wscale) {
		/* Round up so the scaled value does not lose the last partial unit. */
		window = ALIGN(free_space, 1 << tp->rx_opt.rcv_wscale);
	} else {
		window = tp->rcv_wnd;
		/* The largest window that is a multiple of the MSS, changed only when it moves by an MSS. */
		if (window <= free_space - mss || window > free_space)
			window = (free_space / mss) * mss;
		else if (mss == full_space && free_space > window + (full_space >> 1))
			window = free_space;
	}
	return window;
}

/*
 * The 16-bit window field for a non-SYN segment. RFC 9293 3.8.6.2.2: never shrink the window we
 * already offered (the right edge never moves left).
 */
static u16 tcp_select_window(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u32 cur_win = tcp_receive_window(tp);
	u32 new_win = __tcp_select_window(sk);

	if (new_win < cur_win)
		new_win = ALIGN(cur_win, 1 << tp->rx_opt.rcv_wscale);
	tp->rcv_wnd = new_win;
	tp->rcv_wup = tp->rcv_nxt;

	if (!tp->rx_opt.rcv_wscale)
		new_win = min(new_win, (u32)U16_MAX);
	else
		new_win = min(new_win, (u32)U16_MAX << tp->rx_opt.rcv_wscale);
	new_win >>= tp->rx_opt.rcv_wscale;

	/* Window went to zero: ACK as soon as it reopens (tcp_cleanup_rbuf). */
	if (new_win == 0)
		inet_csk(sk)->icsk_ack.pending |= ICSK_ACK_PUSHED;
	return new_win;
}

/* ---- MSS ---------------------------------------------------------------------------------- */

/* Largest payload for a path MTU, after IP + TCP headers and our fixed options. */
int tcp_mtu_to_mss(struct sock *sk, int pmtu)
{
	const struct tcp_sock *tp = tcp_sk(sk);
	int mss_now = pmtu - (int)sizeof(struct iphdr) - (int)sizeof(struct tcphdr);

	if (mss_now > tp->rx_opt.mss_clamp)
		mss_now = tp->rx_opt.mss_clamp;
	mss_now -= inet_csk(sk)->icsk_ext_hdr_len;
	if (mss_now < 48)
		mss_now = 48;
	mss_now -= tp->tcp_header_len - sizeof(struct tcphdr);
	return mss_now;
}

/* Do not send segments larger than half the biggest window the peer ever offered. */
static int tcp_bound_to_half_wnd(const struct tcp_sock *tp, int pktsize)
{
	int cutoff;

	if (tp->max_window > TCP_MSS_DEFAULT)
		cutoff = tp->max_window >> 1;
	else
		cutoff = tp->max_window;
	if (cutoff && pktsize > cutoff)
		return max_t(int, cutoff, 68U - tp->tcp_header_len);
	return pktsize;
}

unsigned int tcp_sync_mss(struct sock *sk, u32 pmtu)
{
	struct tcp_sock *tp = tcp_sk(sk);
	int mss_now = tcp_mtu_to_mss(sk, pmtu);

	mss_now = tcp_bound_to_half_wnd(tp, mss_now);
	inet_csk(sk)->icsk_pmtu_cookie = pmtu;
	tp->mss_cache = mss_now;
	return mss_now;
}

static unsigned int tcp_established_options(struct sock *sk, struct sk_buff *skb,
					    struct tcp_out_options *opts);

/* The MSS for the next segment: mss_cache less any SACK blocks we are about to carry. */
unsigned int tcp_current_mss(struct sock *sk)
{
	const struct tcp_sock *tp = tcp_sk(sk);
	const struct dst_entry *dst = __sk_dst_get(sk);
	u32 mss_now = tp->mss_cache;
	struct tcp_out_options opts;
	unsigned int header_len;

	if (dst && dst_mtu(dst) != inet_csk(sk)->icsk_pmtu_cookie)
		mss_now = tcp_sync_mss(sk, dst_mtu(dst));

	header_len = tcp_established_options(sk, NULL, &opts) + sizeof(struct tcphdr);
	if (header_len != tp->tcp_header_len)
		mss_now -= header_len - tp->tcp_header_len;
	return mss_now;
}

/* ---- options ------------------------------------------------------------------------------ */

/* RFC 7323 3, RFC 2018 3, RFC 9293 3.2: write the options in Linux's order and padding. */
static void tcp_options_write(__be32 *ptr, struct tcp_sock *tp, struct tcp_out_options *opts)
{
	u16 options = opts->options;

	if (options & OPTION_MSS)
		*ptr++ = htonl((TCPOPT_MSS << 24) | (TCPOLEN_MSS << 16) | opts->mss);

	if (options & OPTION_TS) {
		if (options & OPTION_SACK_ADVERTISE) {
			*ptr++ = htonl((TCPOPT_SACK_PERM << 24) | (TCPOLEN_SACK_PERM << 16) |
				       (TCPOPT_TIMESTAMP << 8) | TCPOLEN_TIMESTAMP);
			options &= ~OPTION_SACK_ADVERTISE;
		} else {
			*ptr++ = htonl((TCPOPT_NOP << 24) | (TCPOPT_NOP << 16) |
				       (TCPOPT_TIMESTAMP << 8) | TCPOLEN_TIMESTAMP);
		}
		*ptr++ = htonl(opts->tsval);
		*ptr++ = htonl(opts->tsecr);
	}

	if (options & OPTION_SACK_ADVERTISE)
		*ptr++ = htonl((TCPOPT_NOP << 24) | (TCPOPT_NOP << 16) |
			       (TCPOPT_SACK_PERM << 8) | TCPOLEN_SACK_PERM);

	if (options & OPTION_WSCALE)
		*ptr++ = htonl((TCPOPT_NOP << 24) | (TCPOPT_WINDOW << 16) |
			       (TCPOLEN_WINDOW << 8) | opts->ws);

	if (opts->num_sack_blocks) {
		struct tcp_sack_block *sp = tp->rx_opt.dsack ? tp->duplicate_sack : tp->selective_acks;
		int this_sack;

		*ptr++ = htonl((TCPOPT_NOP << 24) | (TCPOPT_NOP << 16) | (TCPOPT_SACK << 8) |
			       (TCPOLEN_SACK_BASE + (opts->num_sack_blocks * TCPOLEN_SACK_PERBLOCK)));
		for (this_sack = 0; this_sack < opts->num_sack_blocks; ++this_sack) {
			*ptr++ = htonl(sp[this_sack].start_seq);
			*ptr++ = htonl(sp[this_sack].end_seq);
		}
		/* A D-SACK is reported once (RFC 2883 4); the D-SACK block came first in sp. */
		tp->rx_opt.dsack = 0;
	}
}

/* SYN: MSS, SACK-permitted, timestamps, window scale, as far as the socket allows. */
static unsigned int tcp_syn_options(struct sock *sk, struct sk_buff *skb, struct tcp_out_options *opts)
{
	struct tcp_sock *tp = tcp_sk(sk);
	unsigned int remaining = MAX_TCP_OPTION_SPACE;

	opts->mss = tp->advmss;
	opts->options |= OPTION_MSS;
	remaining -= TCPOLEN_MSS_ALIGNED;

	if (sysctl_tcp_timestamps) {
		opts->options |= OPTION_TS;
		opts->tsval = tcp_time_stamp(tp);
		opts->tsecr = tp->rx_opt.ts_recent;
		remaining -= TCPOLEN_TSTAMP_ALIGNED;
	}
	if (sysctl_tcp_window_scaling) {
		opts->ws = tp->rx_opt.rcv_wscale;
		opts->options |= OPTION_WSCALE;
		remaining -= TCPOLEN_WSCALE_ALIGNED;
	}
	if (sysctl_tcp_sack) {
		opts->options |= OPTION_SACK_ADVERTISE;
		if (!(opts->options & OPTION_TS))
			remaining -= TCPOLEN_SACK_BASE_ALIGNED;
	}
	return MAX_TCP_OPTION_SPACE - remaining;
}

/* SYN-ACK: echo what the peer offered (RFC 7323 1.3, 2.2; RFC 2018 2). */
static unsigned int tcp_synack_options(const struct sock *sk, struct request_sock *req, unsigned int mss,
				       struct tcp_out_options *opts)
{
	struct inet_request_sock *ireq = inet_rsk(req);
	unsigned int remaining = MAX_TCP_OPTION_SPACE;

	opts->mss = mss;
	opts->options |= OPTION_MSS;
	remaining -= TCPOLEN_MSS_ALIGNED;

	if (ireq->wscale_ok) {
		opts->ws = ireq->rcv_wscale;
		opts->options |= OPTION_WSCALE;
		remaining -= TCPOLEN_WSCALE_ALIGNED;
	}
	if (ireq->tstamp_ok) {
		opts->options |= OPTION_TS;
		opts->tsval = tcp_time_stamp_raw() + tcp_rsk(req)->ts_off;
		opts->tsecr = req->ts_recent;
		remaining -= TCPOLEN_TSTAMP_ALIGNED;
	}
	if (ireq->sack_ok) {
		opts->options |= OPTION_SACK_ADVERTISE;
		if (!ireq->tstamp_ok)
			remaining -= TCPOLEN_SACK_BASE_ALIGNED;
	}
	return MAX_TCP_OPTION_SPACE - remaining;
}

/* Established: timestamps on every segment (RFC 7323 3.2), SACK blocks when we have holes. */
static unsigned int tcp_established_options(struct sock *sk, struct sk_buff *skb,
					    struct tcp_out_options *opts)
{
	struct tcp_sock *tp = tcp_sk(sk);
	unsigned int size = 0;
	unsigned int eff_sacks;

	memset(opts, 0, sizeof(*opts));
	if (likely(tp->rx_opt.tstamp_ok)) {
		opts->options |= OPTION_TS;
		opts->tsval = skb ? tcp_time_stamp(tp) : 0;
		opts->tsecr = tp->rx_opt.ts_recent;
		size += TCPOLEN_TSTAMP_ALIGNED;
	}

	eff_sacks = tp->rx_opt.num_sacks + tp->rx_opt.dsack;
	if (unlikely(eff_sacks)) {
		const unsigned int remaining = MAX_TCP_OPTION_SPACE - size;

		if (remaining >= TCPOLEN_SACK_BASE_ALIGNED + TCPOLEN_SACK_PERBLOCK) {
			opts->num_sack_blocks = min_t(unsigned int, eff_sacks,
						      (remaining - TCPOLEN_SACK_BASE_ALIGNED) /
						      TCPOLEN_SACK_PERBLOCK);
			size += TCPOLEN_SACK_BASE_ALIGNED + opts->num_sack_blocks * TCPOLEN_SACK_PERBLOCK;
		}
	}
	return size;
}

/* ---- the one place segments of a connection leave TCP ---------------------------------- */

/* We just sent an ACK: the delayed ACK is no longer owed (RFC 1122 4.2.3.2). */
static void tcp_event_ack_sent(struct sock *sk, u32 rcv_nxt)
{
	struct inet_connection_sock *icsk = inet_csk(sk);

	if (icsk->icsk_ack.quick) {
		icsk->icsk_ack.quick--;
		if (!icsk->icsk_ack.quick)
			icsk->icsk_ack.pingpong = 0;
	}
	if (unlikely(rcv_nxt != tcp_sk(sk)->rcv_nxt))
		return;		/* an ACK for old data (D-SACK case): the current one is still owed */
	icsk->icsk_ack.pending = 0;
	inet_csk_clear_xmit_timer(sk, ICSK_TIME_DACK);
}

static void tcp_event_data_sent(struct tcp_sock *tp, struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	const u32 now = tcp_jiffies32;

	tp->lsndtime = now;
	/* Data sent soon after data received: this looks interactive, piggyback the ACKs. */
	if ((u32)(now - icsk->icsk_ack.lrcvtime) < icsk->icsk_ack.ato)
		icsk->icsk_ack.pingpong = 1;
}

/*
 * Builds the TCP header in front of skb->data and hands the segment to IP. With clone_it the skb
 * stays on the retransmit queue and a clone goes out (its header is written into the shared headroom).
 */
static noinline int __tcp_transmit_skb(struct sock *sk, struct sk_buff *skb, int clone_it, gfp_t gfp_mask,
				       u32 rcv_nxt)
{
	const struct inet_connection_sock *icsk = inet_csk(sk);
	struct inet_sock *inet = inet_sk(sk);
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_skb_cb *tcb = TCP_SKB_CB(skb);
	struct tcp_out_options opts;
	unsigned int tcp_options_size, tcp_header_size;
	struct tcphdr *th;
	int err;

	tp->tcp_mstamp = tcp_clock_us();
	if (clone_it) {
		tcb->tx_mstamp = tp->tcp_mstamp;
		skb = skb_clone(skb, gfp_mask);
		if (unlikely(!skb))
			return -ENOBUFS;
		tcb = TCP_SKB_CB(skb);
	}

	memset(&opts, 0, sizeof(opts));
	if (unlikely(tcb->tcp_flags & TCPHDR_SYN))
		tcp_options_size = tcp_syn_options(sk, skb, &opts);
	else
		tcp_options_size = tcp_established_options(sk, skb, &opts);
	tcp_header_size = tcp_options_size + sizeof(struct tcphdr);

	skb_push(skb, tcp_header_size);
	skb_reset_transport_header(skb);
	skb_orphan(skb);
	skb->sk = sk;

	th = (struct tcphdr *)skb->data;
	th->source = inet->inet_sport;
	th->dest = inet->inet_dport;
	th->seq = htonl(tcb->seq);
	th->ack_seq = htonl(rcv_nxt);
	*(((__be16 *)th) + 6) = htons(((tcp_header_size >> 2) << 12) | tcb->tcp_flags);
	th->check = 0;
	th->urg_ptr = 0;

	if (unlikely(tcb->tcp_flags & TCPHDR_SYN)) {
		/* RFC 7323 2.2: the window in a SYN is never scaled. */
		th->window = htons(min(tp->rcv_wnd, 65535U));
	} else {
		th->window = htons(tcp_select_window(sk));
	}
	tcp_options_write((__be32 *)(th + 1), tp, &opts);

	icsk->icsk_af_ops->send_check(sk, skb);

	if (likely(tcb->tcp_flags & TCPHDR_ACK))
		tcp_event_ack_sent(sk, rcv_nxt);
	if (skb->len != tcp_header_size) {
		tcp_event_data_sent(tp, sk);
		tp->data_segs_out++;
		tp->bytes_sent += skb->len - tcp_header_size;
	}
	tp->segs_out++;
	TCP_INC_STATS(sock_net(sk), TCP_MIB_OUTSEGS);
	net_debug(NET_DBG_TCP, "tcp: out %pI4:%u->%pI4:%u seq %u ack %u flags %#x len %u\n",
		  &inet->inet_saddr, ntohs(inet->inet_sport), &inet->inet_daddr, ntohs(inet->inet_dport),
		  tcb->seq, rcv_nxt, tcb->tcp_flags, skb->len - tcp_header_size);

	memset(skb->cb, 0, sizeof(skb->cb));	/* the cb belongs to IP from here on */
	err = icsk->icsk_af_ops->queue_xmit(sk, skb, &inet->cork.fl);
	/* Local congestion (a full device queue) is not a reason to resend at once. */
	if (err > 0)
		err = 0;
	return err;
}

noinline int tcp_transmit_skb(struct sock *sk, struct sk_buff *skb, int clone_it, gfp_t gfp_mask)
{
	return __tcp_transmit_skb(sk, skb, clone_it, gfp_mask, tcp_sk(sk)->rcv_nxt);
}

/* ---- sending queued data ------------------------------------------------------------------ */

/* Arms the retransmission timer for the oldest outstanding segment (RFC 6298 5.1, 5.3). */
void tcp_rearm_rto(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (!tp->packets_out)
		inet_csk_clear_xmit_timer(sk, ICSK_TIME_RETRANS);
	else
		inet_csk_reset_xmit_timer(sk, ICSK_TIME_RETRANS, inet_csk(sk)->icsk_rto, TCP_RTO_MAX);
}

/* A new segment went out: it moves to the retransmit queue and snd_nxt advances. */
static void tcp_event_new_data_sent(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);
	unsigned int prior_packets = tp->packets_out;

	tp->snd_nxt = TCP_SKB_CB(skb)->end_seq;
	__skb_unlink(skb, &sk->sk_write_queue);
	__skb_queue_tail(&tp->tcp_rtx_queue, skb);
	tp->packets_out++;
	if (!prior_packets || inet_csk(sk)->icsk_pending == ICSK_TIME_PROBE0)
		tcp_rearm_rto(sk);
}

/* Minshall's Nagle variant: is a sub-MSS segment still unacknowledged? */
static bool tcp_minshall_check(const struct tcp_sock *tp)
{
	return after(tp->snd_sml, tp->snd_una) && !after(tp->snd_sml, tp->snd_nxt);
}

static void tcp_minshall_update(struct tcp_sock *tp, unsigned int mss_now, const struct sk_buff *skb)
{
	if (skb->len < mss_now)
		tp->snd_sml = TCP_SKB_CB(skb)->end_seq;
}

/*
 * RFC 896 / RFC 9293 3.8.6.2.1 Nagle: hold a partial segment while data is in flight, unless
 * TCP_NODELAY, or this is the FIN, or the caller pushes it.
 */
static bool tcp_nagle_check(bool partial, const struct tcp_sock *tp, int nonagle)
{
	return partial && ((nonagle & TCP_NAGLE_CORK) ||
			   (!nonagle && tp->packets_out && tcp_minshall_check(tp)));
}

static bool tcp_nagle_test(const struct tcp_sock *tp, const struct sk_buff *skb, unsigned int cur_mss,
			   int nonagle)
{
	if (nonagle & TCP_NAGLE_PUSH)
		return true;
	if (TCP_SKB_CB(skb)->tcp_flags & TCPHDR_FIN)
		return true;
	return !tcp_nagle_check(skb->len < cur_mss, tp, nonagle);
}

/* Segments the congestion window still allows (RFC 5681 2: FlightSize < cwnd). */
static unsigned int tcp_cwnd_test(const struct tcp_sock *tp)
{
	u32 in_flight = tcp_packets_in_flight(tp);

	if (in_flight >= tp->snd_cwnd)
		return 0;
	return tp->snd_cwnd - in_flight;
}

/* Does the first segment of skb fit in the peer's window? */
static bool tcp_snd_wnd_test(const struct tcp_sock *tp, const struct sk_buff *skb, unsigned int cur_mss)
{
	u32 end_seq = TCP_SKB_CB(skb)->end_seq;

	if (skb->len > cur_mss)
		end_seq = TCP_SKB_CB(skb)->seq + cur_mss;
	return !after(end_seq, tcp_wnd_end(tp));
}

/*
 * Splits skb after len bytes: skb keeps [seq, seq+len), a new skb right after it in the same
 * queue gets the rest (with FIN/PSH). Used when the MSS shrank or a probe must fit the window.
 */
int tcp_fragment(struct sock *sk, struct sk_buff *skb, u32 len, unsigned int mss_now, gfp_t gfp)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff_head *queue;
	struct sk_buff *buff;
	int nsize = skb->len - len;
	u8 flags;

	if (WARN_ON(len > skb->len) || nsize <= 0)
		return -EINVAL;
	/* Unsent skbs start at or beyond snd_nxt; sent ones before it. */
	queue = !before(TCP_SKB_CB(skb)->seq, tp->snd_nxt) ? &sk->sk_write_queue : &tp->tcp_rtx_queue;
	buff = tcp_stream_alloc_skb(sk, nsize, gfp);
	if (!buff)
		return -ENOMEM;
	skb_put_data(buff, skb->data + len, nsize);
	skb_trim(skb, len);

	TCP_SKB_CB(buff)->seq = TCP_SKB_CB(skb)->seq + len;
	TCP_SKB_CB(buff)->end_seq = TCP_SKB_CB(skb)->end_seq;
	TCP_SKB_CB(skb)->end_seq = TCP_SKB_CB(buff)->seq;
	flags = TCP_SKB_CB(skb)->tcp_flags;
	TCP_SKB_CB(skb)->tcp_flags = flags & ~(TCPHDR_FIN | TCPHDR_PSH);
	TCP_SKB_CB(buff)->tcp_flags = flags;
	TCP_SKB_CB(buff)->sacked = TCP_SKB_CB(skb)->sacked;
	TCP_SKB_CB(buff)->tx_mstamp = TCP_SKB_CB(skb)->tx_mstamp;

	tcp_charge_skb(sk, buff);
	__skb_queue_after(queue, skb, buff);
	if (queue == &tp->tcp_rtx_queue) {
		/* Both halves are in flight now: keep the counters in segments. */
		tp->packets_out++;
		if (TCP_SKB_CB(skb)->sacked & TCPCB_SACKED_RETRANS)
			tp->retrans_out++;
		if (TCP_SKB_CB(skb)->sacked & TCPCB_LOST)
			tp->lost_out++;
		if (TCP_SKB_CB(skb)->sacked & TCPCB_SACKED_ACKED)
			tp->sacked_out++;
	}
	return 0;
}

/*
 * Sends what the windows allow from the write queue. Returns true when nothing could be sent
 * while something is waiting and nothing is in flight (the caller arms the persist timer).
 */
noinline bool tcp_write_xmit(struct sock *sk, unsigned int mss_now, int nonagle, int push_one, gfp_t gfp)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *skb;
	unsigned int sent_pkts = 0;

	while ((skb = tcp_send_head(sk))) {
		if (!tcp_cwnd_test(tp))
			break;
		if (unlikely(!tcp_snd_wnd_test(tp, skb, mss_now)))
			break;
		if (skb->len <= mss_now &&
		    unlikely(!tcp_nagle_test(tp, skb, mss_now,
					     skb_queue_is_last(&sk->sk_write_queue, skb) ?
					     nonagle : TCP_NAGLE_PUSH)))
			break;
		if (skb->len > mss_now && unlikely(tcp_fragment(sk, skb, mss_now, mss_now, gfp)))
			break;

		if (unlikely(tcp_transmit_skb(sk, skb, 1, gfp)))
			break;
		tcp_event_new_data_sent(sk, skb);
		tcp_minshall_update(tp, mss_now, skb);
		sent_pkts++;
		if (push_one)
			break;
	}
	if (sent_pkts) {
		if (!tp->snd_cwnd_stamp || tcp_packets_in_flight(tp) >= tp->snd_cwnd)
			tp->snd_cwnd_stamp = tcp_jiffies32;
		return false;
	}
	return !tp->packets_out && tcp_send_head(sk);
}

/* RFC 9293 3.8.6.1: the zero-window probe (persist) timer runs while nothing is in flight. */
static void tcp_check_probe_timer(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);

	if (!tcp_sk(sk)->packets_out && !icsk->icsk_pending)
		inet_csk_reset_xmit_timer(sk, ICSK_TIME_PROBE0, tcp_rto_backoff(icsk), TCP_RTO_MAX);
}

noinline void __tcp_push_pending_frames(struct sock *sk, unsigned int cur_mss, int nonagle)
{
	if (unlikely(sk->sk_state == TCP_CLOSE))
		return;
	if (tcp_write_xmit(sk, cur_mss, nonagle, 0, GFP_ATOMIC))
		tcp_check_probe_timer(sk);
}

void tcp_push_one(struct sock *sk, unsigned int mss_now)
{
	tcp_write_xmit(sk, mss_now, TCP_NAGLE_PUSH, 1, GFP_KERNEL);
}

/* ---- connection setup --------------------------------------------------------------------- */

/* Everything about the connection that can be known before the SYN goes out. */
static noinline void tcp_connect_init(struct sock *sk)
{
	const struct dst_entry *dst = __sk_dst_get(sk);
	struct tcp_sock *tp = tcp_sk(sk);
	u8 rcv_wscale;
	u32 mtu = dst ? dst_mtu(dst) : 576;

	tp->tcp_header_len = sizeof(struct tcphdr);
	if (sysctl_tcp_timestamps)
		tp->tcp_header_len += TCPOLEN_TSTAMP_ALIGNED;

	if (tp->rx_opt.user_mss)
		tp->rx_opt.mss_clamp = tp->rx_opt.user_mss;
	tp->max_window = 0;
	tcp_sync_mss(sk, mtu);
	/* What we announce: the route's MTU less headers (RFC 9293 3.7.1), or TCP_MAXSEG. */
	tp->advmss = mtu - sizeof(struct iphdr) - sizeof(struct tcphdr);
	if (tp->rx_opt.user_mss && tp->rx_opt.user_mss < tp->advmss)
		tp->advmss = tp->rx_opt.user_mss;
	inet_csk(sk)->icsk_ack.rcv_mss = min_t(unsigned int, tp->advmss, TCP_MSS_DEFAULT);
	inet_csk(sk)->icsk_ack.rcv_mss = max(inet_csk(sk)->icsk_ack.rcv_mss, TCP_MIN_MSS);

	if (!tp->window_clamp)
		tp->window_clamp = U16_MAX << TCP_MAX_WINSHIFT;
	tcp_select_initial_window(sk, tcp_win_from_space(tcp_full_space(sk)), tp->advmss, &tp->rcv_wnd,
				  &tp->window_clamp, sysctl_tcp_window_scaling, &rcv_wscale, 0);
	tp->rx_opt.rcv_wscale = rcv_wscale;
	tp->rcv_ssthresh = tp->rcv_wnd;

	sk->sk_err = 0;
	sock_reset_flag(sk, SOCK_DONE);
	tp->snd_wnd = 0;
	tp->snd_wl1 = 0;
	tp->snd_una = tp->write_seq;
	tp->snd_sml = tp->write_seq;
	tp->snd_up = tp->write_seq;
	tp->snd_nxt = tp->write_seq;
	tp->pushed_seq = tp->write_seq;
	tp->rcv_nxt = 0;
	tp->rcv_wup = 0;
	tp->copied_seq = 0;
	inet_csk(sk)->icsk_rto = TCP_TIMEOUT_INIT;
	inet_csk(sk)->icsk_retransmits = 0;
	tcp_clear_retrans(tp);
}

/* The SYN is "sent" data: it sits on the retransmit queue until the SYN-ACK acknowledges it. */
static noinline void tcp_connect_queue_skb(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);

	tcp_charge_skb(sk, skb);
	__skb_queue_tail(&tp->tcp_rtx_queue, skb);
	tp->write_seq = TCP_SKB_CB(skb)->end_seq;
	tp->packets_out++;
}

/* RFC 9293 3.5: send the SYN of an active open and arm its retransmission. */
noinline int tcp_connect(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *buff;
	int err;

	tcp_connect_init(sk);

	buff = tcp_stream_alloc_skb(sk, 0, sk->sk_allocation);
	if (unlikely(!buff))
		return -ENOBUFS;
	tcp_init_nondata_skb(buff, tp->write_seq, TCPHDR_SYN);
	tp->retrans_stamp = tcp_time_stamp_raw();
	tcp_connect_queue_skb(sk, buff);

	err = tcp_transmit_skb(sk, buff, 1, sk->sk_allocation);
	if (err == -ECONNREFUSED)
		return err;

	/* Even if IP could not send it (no ARP yet), the retransmit timer tries again. */
	tp->snd_nxt = tp->write_seq;
	tp->pushed_seq = tp->write_seq;
	TCP_INC_STATS(sock_net(sk), TCP_MIB_ACTIVEOPENS);

	inet_csk_reset_xmit_timer(sk, ICSK_TIME_RETRANS, inet_csk(sk)->icsk_rto, TCP_RTO_MAX);
	return 0;
}

/*
 * Simultaneous open (RFC 9293 3.5 figure 7): answer the peer's SYN with our SYN, still on the
 * retransmit queue, now carrying an ACK (its retransmissions will too).
 */
void tcp_send_synack(struct sock *sk)
{
	struct sk_buff *skb = tcp_rtx_queue_head(sk);

	if (!skb || !(TCP_SKB_CB(skb)->tcp_flags & TCPHDR_SYN))
		return;
	TCP_SKB_CB(skb)->tcp_flags |= TCPHDR_ACK;
	tcp_transmit_skb(sk, skb, 1, GFP_ATOMIC);
}

/* ---- SYN-ACK for a request sock ---------------------------------------------------------- */

/* Builds the SYN-ACK answering req (RFC 9293 3.5): our ISN, ack = peer ISN + 1, our options. */
struct sk_buff *tcp_make_synack(const struct sock *sk, struct dst_entry *dst, struct request_sock *req)
{
	struct inet_request_sock *ireq = inet_rsk(req);
	struct tcp_out_options opts;
	unsigned int tcp_header_size;
	struct sk_buff *skb;
	struct tcphdr *th;

	skb = alloc_skb(MAX_TCP_HEADER, GFP_ATOMIC);
	if (unlikely(!skb))
		return NULL;
	skb_reserve(skb, MAX_TCP_HEADER);

	memset(&opts, 0, sizeof(opts));
	tcp_header_size = tcp_synack_options(sk, req, req->mss, &opts) + sizeof(*th);

	skb_push(skb, tcp_header_size);
	skb_reset_transport_header(skb);
	th = (struct tcphdr *)skb->data;
	memset(th, 0, sizeof(*th));
	th->syn = 1;
	th->ack = 1;
	th->source = htons(ireq->ir_num);
	th->dest = ireq->ir_rmt_port;
	th->seq = htonl(tcp_rsk(req)->snt_isn);
	th->ack_seq = htonl(tcp_rsk(req)->rcv_nxt);
	/* RFC 7323 2.2: the window in a SYN-ACK is never scaled. */
	th->window = htons(min(req->rsk_rcv_wnd, 65535U));
	th->doff = tcp_header_size >> 2;
	tcp_options_write((__be32 *)(th + 1), NULL, &opts);
	TCP_INC_STATS(sock_net(sk), TCP_MIB_OUTSEGS);
	return skb;
}

/* ---- pure ACKs ---------------------------------------------------------------------------- */

/*
 * RFC 1122 4.2.3.2 delayed ACK: wait at most ato (<= 200 ms) for data to piggyback on; a second
 * full-sized segment or out-of-order data ACKs at once (tcp_input.c decides).
 */
noinline void tcp_send_delayed_ack(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	unsigned long ato = icsk->icsk_ack.ato;
	unsigned long timeout;

	if (ato > TCP_DELACK_MAX)
		ato = TCP_DELACK_MAX;
	if (ato < TCP_DELACK_MIN)
		ato = TCP_DELACK_MIN;
	timeout = jiffies + ato;

	/* An earlier deadline already set stays. */
	if (icsk->icsk_ack.pending & ICSK_ACK_TIMER) {
		if (time_before_eq(icsk->icsk_ack.timeout, timeout)) {
			return;
		}
	}
	icsk->icsk_ack.pending |= ICSK_ACK_SCHED | ICSK_ACK_TIMER;
	icsk->icsk_ack.timeout = timeout;
	sk_reset_timer(sk, &icsk->icsk_delack_timer, timeout);
}

void __tcp_send_ack(struct sock *sk, u32 rcv_nxt)
{
	struct sk_buff *buff;

	if (sk->sk_state == TCP_CLOSE)
		return;

	buff = alloc_skb(MAX_TCP_HEADER, GFP_ATOMIC);
	if (unlikely(!buff)) {
		/* No memory: owe the ACK and try from the delayed-ACK timer. */
		inet_csk(sk)->icsk_ack.pending |= ICSK_ACK_SCHED;
		inet_csk(sk)->icsk_ack.ato = TCP_ATO_MIN;
		inet_csk_reset_xmit_timer(sk, ICSK_TIME_DACK, TCP_DELACK_MAX, TCP_RTO_MAX);
		return;
	}
	skb_reserve(buff, MAX_TCP_HEADER);
	memset(buff->cb, 0, sizeof(buff->cb));
	tcp_init_nondata_skb(buff, tcp_acceptable_seq(sk), TCPHDR_ACK);
	__tcp_transmit_skb(sk, buff, 0, GFP_ATOMIC, rcv_nxt);
}

noinline void tcp_send_ack(struct sock *sk)
{
	__tcp_send_ack(sk, tcp_sk(sk)->rcv_nxt);
}

/* ---- FIN and RST -------------------------------------------------------------------------- */

/* RFC 9293 3.6: queue a FIN after the data (on the last unsent skb if there is one). */
noinline void tcp_send_fin(struct sock *sk)
{
	struct sk_buff *skb, *tskb = skb_peek_tail(&sk->sk_write_queue);
	struct tcp_sock *tp = tcp_sk(sk);

	if (tskb) {
		TCP_SKB_CB(tskb)->tcp_flags |= TCPHDR_FIN;
		TCP_SKB_CB(tskb)->end_seq++;
		tp->write_seq++;
	} else {
		/* Must not fail: loop until memory turns up, as Linux does with __GFP_NOFAIL. */
		skb = tcp_stream_alloc_skb(sk, 0, GFP_ATOMIC);
		if (unlikely(!skb)) {
			tcp_send_active_reset(sk, GFP_ATOMIC);
			tcp_done(sk);
			return;
		}
		tcp_init_nondata_skb(skb, tp->write_seq, TCPHDR_ACK | TCPHDR_FIN);
		tcp_queue_skb_tail(sk, skb);
		tp->write_seq++;
	}
	__tcp_push_pending_frames(sk, tcp_current_mss(sk), TCP_NAGLE_OFF);
}

/* RFC 9293 3.10.4 ABORT: send a RST (not queued, not retransmitted). */
void tcp_send_active_reset(struct sock *sk, gfp_t priority)
{
	struct sk_buff *skb;

	TCP_INC_STATS(sock_net(sk), TCP_MIB_OUTRSTS);
	skb = alloc_skb(MAX_TCP_HEADER, priority);
	if (!skb)
		return;
	skb_reserve(skb, MAX_TCP_HEADER);
	memset(skb->cb, 0, sizeof(skb->cb));
	tcp_init_nondata_skb(skb, tcp_acceptable_seq(sk), TCPHDR_ACK | TCPHDR_RST);
	tcp_transmit_skb(sk, skb, 0, priority);
}

/* ---- retransmission ----------------------------------------------------------------------- */

/* Drops the first len bytes of a partially acknowledged segment before resending it. */
static void tcp_trim_head(struct sock *sk, struct sk_buff *skb, u32 len)
{
	if (len > skb->len)
		len = skb->len;
	skb_pull(skb, len);
	TCP_SKB_CB(skb)->seq += len;
}

/* Resends one segment from the retransmit queue (RFC 6298 5.4, RFC 5681 3.2 step 1). */
noinline int tcp_retransmit_skb(struct sock *sk, struct sk_buff *skb, int segs)
{
	struct tcp_sock *tp = tcp_sk(sk);
	unsigned int cur_mss;
	int err;

	if (before(TCP_SKB_CB(skb)->seq, tp->snd_una)) {
		if (unlikely(!before(tp->snd_una, TCP_SKB_CB(skb)->end_seq)))
			return -EINVAL;
		tcp_trim_head(sk, skb, tp->snd_una - TCP_SKB_CB(skb)->seq);
	}

	cur_mss = tcp_current_mss(sk);
	/* The peer shrank its window below this segment: only the head may go (as a probe). */
	if (!before(TCP_SKB_CB(skb)->seq, tcp_wnd_end(tp)) && TCP_SKB_CB(skb)->seq != tp->snd_una)
		return -EAGAIN;
	if (skb->len > cur_mss && tcp_fragment(sk, skb, cur_mss, cur_mss, GFP_ATOMIC))
		return -ENOMEM;

	err = tcp_transmit_skb(sk, skb, 1, GFP_ATOMIC);
	if (err)
		return err;

	TCP_INC_STATS(sock_net(sk), TCP_MIB_RETRANSSEGS);
	tp->total_retrans++;
	tp->rtx_mstamp = tp->tcp_mstamp;
	if (!(TCP_SKB_CB(skb)->sacked & TCPCB_SACKED_RETRANS))
		tp->retrans_out++;
	TCP_SKB_CB(skb)->sacked |= TCPCB_RETRANS;
	if (!tp->retrans_stamp)
		tp->retrans_stamp = tcp_time_stamp_raw();
	if (!tp->undo_retrans)
		tp->undo_retrans = -1;
	tp->undo_retrans++;
	return 0;
}

/*
 * Resends every segment marked lost and not yet resent, as far as cwnd allows (RFC 6675 /
 * RFC 6582 after a loss signal). SACKed segments are never resent.
 */
noinline void tcp_xmit_retransmit_queue(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *skb, *tmp;

	if (!tp->packets_out)
		return;
	skb_queue_walk_safe(&tp->tcp_rtx_queue, skb, tmp) {
		u8 sacked = TCP_SKB_CB(skb)->sacked;

		if (tcp_packets_in_flight(tp) >= tp->snd_cwnd)
			break;
		if (sacked & (TCPCB_SACKED_ACKED | TCPCB_SACKED_RETRANS))
			continue;
		if (!(sacked & TCPCB_LOST))
			continue;
		if (tcp_retransmit_skb(sk, skb, 1))
			break;
		if (skb == tcp_rtx_queue_head(sk))
			inet_csk_reset_xmit_timer(sk, ICSK_TIME_RETRANS, inet_csk(sk)->icsk_rto, TCP_RTO_MAX);
	}
}

/*
 * The path MTU dropped (ICMP "fragmentation needed", RFC 1191): segments now too big are lost;
 * resend them at the new MSS without treating it as congestion.
 */
void tcp_simple_retransmit(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	unsigned int mss = tcp_current_mss(sk);
	struct sk_buff *skb;

	skb_queue_walk(&tp->tcp_rtx_queue, skb) {
		if (skb->len > mss && !(TCP_SKB_CB(skb)->sacked & TCPCB_SACKED_ACKED)) {
			if (TCP_SKB_CB(skb)->sacked & TCPCB_SACKED_RETRANS) {
				TCP_SKB_CB(skb)->sacked &= ~TCPCB_SACKED_RETRANS;
				tp->retrans_out--;
			}
			if (!(TCP_SKB_CB(skb)->sacked & TCPCB_LOST)) {
				TCP_SKB_CB(skb)->sacked |= TCPCB_LOST;
				tp->lost_out++;
			}
		}
	}
	if (!tp->lost_out)
		return;
	if (inet_csk(sk)->icsk_ca_state != TCP_CA_Loss) {
		tp->high_seq = tp->snd_nxt;
		tcp_set_ca_state(sk, TCP_CA_Loss);
	}
	tcp_xmit_retransmit_queue(sk);
}

/* ---- zero-window probes ------------------------------------------------------------------- */

/* A segment the peer must ACK without taking data: seq one below snd_una (RFC 9293 3.8.6.1). */
static int tcp_xmit_probe_skb(struct sock *sk, int urgent, int mib)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *skb;

	skb = alloc_skb(MAX_TCP_HEADER, GFP_ATOMIC);
	if (!skb)
		return -1;
	skb_reserve(skb, MAX_TCP_HEADER);
	memset(skb->cb, 0, sizeof(skb->cb));
	tcp_init_nondata_skb(skb, tp->snd_una - !urgent, TCPHDR_ACK);
	NET_INC_STATS(sock_net(sk), mib);
	return tcp_transmit_skb(sk, skb, 0, GFP_ATOMIC);
}

/*
 * Persist/keepalive probe: if the window has room now, send as much of the next segment as fits
 * (sender SWS avoidance gives way when only probing); otherwise a bare ACK probe.
 */
int tcp_write_wakeup(struct sock *sk, int mib)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *skb;

	if (sk->sk_state == TCP_CLOSE)
		return -1;

	skb = tcp_send_head(sk);
	if (skb && before(TCP_SKB_CB(skb)->seq, tcp_wnd_end(tp))) {
		unsigned int mss = tcp_current_mss(sk);
		unsigned int seg_size = tcp_wnd_end(tp) - TCP_SKB_CB(skb)->seq;
		int err;

		if (before(tp->pushed_seq, TCP_SKB_CB(skb)->end_seq))
			tp->pushed_seq = TCP_SKB_CB(skb)->end_seq;
		if (seg_size < TCP_SKB_CB(skb)->end_seq - TCP_SKB_CB(skb)->seq || skb->len > mss) {
			seg_size = min(seg_size, mss);
			TCP_SKB_CB(skb)->tcp_flags |= TCPHDR_PSH;
			if (seg_size < skb->len && tcp_fragment(sk, skb, seg_size, mss, GFP_ATOMIC))
				return -1;
		}
		TCP_SKB_CB(skb)->tcp_flags |= TCPHDR_PSH;
		err = tcp_transmit_skb(sk, skb, 1, GFP_ATOMIC);
		if (!err)
			tcp_event_new_data_sent(sk, skb);
		return err;
	}
	return tcp_xmit_probe_skb(sk, 0, mib);
}

/* The persist timer fired (RFC 9293 3.8.6.1): probe, and back off exponentially up to 120 s. */
noinline void tcp_send_probe0(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);
	int err;

	err = tcp_write_wakeup(sk, LINUX_MIB_TCPWINPROBE);

	if (tp->packets_out || !tcp_send_head(sk)) {
		/* The window opened (data went out) or there is nothing to send: stop probing. */
		icsk->icsk_probes_out = 0;
		icsk->icsk_backoff = 0;
		return;
	}

	icsk->icsk_probes_out++;
	if (err <= 0) {
		if (icsk->icsk_backoff < TCP_RETR2)
			icsk->icsk_backoff++;
	}
	inet_csk_reset_xmit_timer(sk, ICSK_TIME_PROBE0, tcp_rto_backoff(icsk), TCP_RTO_MAX);
}

/* SYN-ACK retransmission for a request sock (called from the request timer). */
int tcp_rtx_synack(const struct sock *sk, struct request_sock *req)
{
	int res;

	res = tcp_request_sock_ipv4_ops.send_synack(sk, NULL, req);
	if (!res) {
		TCP_INC_STATS(sock_net(sk), TCP_MIB_RETRANSSEGS);
		NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPSYNRETRANS);
	}
	return res;
}
