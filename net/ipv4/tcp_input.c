/*
 * TCP input: what happens when a segment reaches a socket (RFC 9293 3.10.7 "SEGMENT ARRIVES").
 *
 * tcp_v4_rcv -> tcp_v4_do_rcv -> tcp_rcv_established (ESTABLISHED: header-prediction fast path,
 * else the slow path) or tcp_rcv_state_process (every other state: LISTEN -> conn_request,
 * SYN_SENT -> tcp_rcv_synsent_state_process -> tcp_finish_connect, SYN_RECV/FIN_WAIT/CLOSING/
 * LAST_ACK transitions). Both run tcp_validate_incoming (sequence check, PAWS, RST/SYN with RFC 5961
 * challenge ACKs), tcp_ack (snd_una, retransmit queue, RTT, window, congestion control, fast
 * retransmit/NewReno) and tcp_data_queue (in order to sk_receive_queue, out of order to
 * out_of_order_queue with SACK blocks, FIN via tcp_fin), then decide on the ACK (delayed or now).
 */
#include <net/tcp.h>
#include <net/arp.h>
#include <net/route.h>
#include <linux/random.h>

/* What tcp_ack learned from one ACK (Linux FLAG_*). */
#define FLAG_DATA		0x01	/* the segment carried data */
#define FLAG_WIN_UPDATE		0x02	/* it updated the send window */
#define FLAG_DATA_ACKED		0x04	/* it acknowledged new data */
#define FLAG_RETRANS_DATA_ACKED	0x08	/* ... some of which had been retransmitted */
#define FLAG_SYN_ACKED		0x10	/* it acknowledged our SYN */
#define FLAG_DATA_SACKED	0x20	/* it SACKed new data */
#define FLAG_SND_UNA_ADVANCED	0x400	/* snd_una moved */
#define FLAG_DSACKING_ACK	0x800	/* it carried a D-SACK block */
#define FLAG_SLOWPATH		0x100	/* called from the slow path */
#define FLAG_UPDATE_TS_RECENT	0x4000	/* may update ts_recent (RFC 7323 4.3) */
#define FLAG_NO_CHALLENGE_ACK	0x8000	/* do not answer an old ACK with a challenge ACK */
#define FLAG_ACKED		(FLAG_DATA_ACKED | FLAG_SYN_ACKED)
#define FLAG_NOT_DUP		(FLAG_DATA | FLAG_WIN_UPDATE | FLAG_ACKED)
#define FLAG_CA_ALERT		(FLAG_DATA_SACKED)

int sysctl_tcp_timestamps = 1;
int sysctl_tcp_window_scaling = 1;
int sysctl_tcp_sack = 1;
int sysctl_tcp_challenge_ack_limit = 1000;
int sysctl_tcp_invalid_ratelimit = HZ / 2;

static void tcp_drop(struct sock *sk, struct sk_buff *skb)
{
	sk_drops_add(sk, skb);
	kfree_skb(skb);
}

/* ---- options ------------------------------------------------------------------------------ */

/*
 * RFC 9293 3.2, RFC 7323, RFC 2018: walk the option list. Malformed options (length < 2 or
 * running past the header) end the walk; unknown kinds are skipped by their length.
 * For SACK only the offset is remembered (TCP_SKB_CB(skb)->sacked), as Linux does.
 */
void tcp_parse_options(const struct sk_buff *skb, struct tcp_options_received *opt_rx, int estab)
{
	const struct tcphdr *th = tcp_hdr(skb);
	const unsigned char *ptr = (const unsigned char *)(th + 1);
	int length = (th->doff * 4) - sizeof(struct tcphdr);

	opt_rx->saw_tstamp = 0;
	TCP_SKB_CB((struct sk_buff *)skb)->sacked = 0;

	while (length > 0) {
		int opcode = *ptr++;
		int opsize;

		switch (opcode) {
		case TCPOPT_EOL:
			return;
		case TCPOPT_NOP:
			length--;
			continue;
		default:
			if (length < 2)
				return;
			opsize = *ptr++;
			if (opsize < 2 || opsize > length)
				return;	/* "silly options" */
			switch (opcode) {
			case TCPOPT_MSS:
				if (opsize == TCPOLEN_MSS && th->syn && !estab) {
					u16 in_mss = get_unaligned_be16(ptr);

					if (in_mss) {
						if (opt_rx->user_mss && opt_rx->user_mss < in_mss)
							in_mss = opt_rx->user_mss;
						opt_rx->mss_clamp = in_mss;
					}
				}
				break;
			case TCPOPT_WINDOW:
				if (opsize == TCPOLEN_WINDOW && th->syn && !estab && sysctl_tcp_window_scaling) {
					__u8 snd_wscale = *ptr;

					opt_rx->wscale_ok = 1;
					/* RFC 7323 2.3: a shift above 14 is treated as 14. */
					if (snd_wscale > TCP_MAX_WINSHIFT)
						snd_wscale = TCP_MAX_WINSHIFT;
					opt_rx->snd_wscale = snd_wscale;
				}
				break;
			case TCPOPT_TIMESTAMP:
				if (opsize == TCPOLEN_TIMESTAMP &&
				    ((estab && opt_rx->tstamp_ok) || (!estab && sysctl_tcp_timestamps))) {
					opt_rx->saw_tstamp = 1;
					opt_rx->rcv_tsval = get_unaligned_be32(ptr);
					opt_rx->rcv_tsecr = get_unaligned_be32(ptr + 4);
				}
				break;
			case TCPOPT_SACK_PERM:
				if (opsize == TCPOLEN_SACK_PERM && th->syn && !estab && sysctl_tcp_sack)
					opt_rx->sack_ok = 1;
				break;
			case TCPOPT_SACK:
				if (opsize >= (TCPOLEN_SACK_BASE + TCPOLEN_SACK_PERBLOCK) &&
				    !((opsize - TCPOLEN_SACK_BASE) % TCPOLEN_SACK_PERBLOCK) && opt_rx->sack_ok)
					TCP_SKB_CB((struct sk_buff *)skb)->sacked = (ptr - 2) - (const unsigned char *)th;
				break;
			}
			ptr += opsize - 2;
			length -= opsize;
		}
	}
}

/* Fast path for the common "NOP NOP TS" layout; falls back to the full parser. */
static bool tcp_parse_aligned_timestamp(struct tcp_sock *tp, const struct tcphdr *th)
{
	const __be32 *ptr = (const __be32 *)(th + 1);

	if (*ptr == htonl((TCPOPT_NOP << 24) | (TCPOPT_NOP << 16) | (TCPOPT_TIMESTAMP << 8) |
			  TCPOLEN_TIMESTAMP)) {
		tp->rx_opt.saw_tstamp = 1;
		++ptr;
		tp->rx_opt.rcv_tsval = ntohl(*ptr);
		++ptr;
		tp->rx_opt.rcv_tsecr = *ptr ? ntohl(*ptr) - tp->tsoffset : 0;
		return true;
	}
	return false;
}

static bool tcp_fast_parse_options(const struct sk_buff *skb, const struct tcphdr *th, struct tcp_sock *tp)
{
	if (th->doff == (sizeof(*th) / 4)) {
		tp->rx_opt.saw_tstamp = 0;
		return false;
	}
	if (tp->rx_opt.tstamp_ok && th->doff == ((sizeof(*th) + TCPOLEN_TSTAMP_ALIGNED) / 4)) {
		if (tcp_parse_aligned_timestamp(tp, th))
			return true;
	}
	tcp_parse_options(skb, &tp->rx_opt, 1);
	if (tp->rx_opt.saw_tstamp && tp->rx_opt.rcv_tsecr)
		tp->rx_opt.rcv_tsecr -= tp->tsoffset;
	return true;
}

/* ---- PAWS (RFC 7323 5) -------------------------------------------------------------------- */

static void tcp_store_ts_recent(struct tcp_sock *tp)
{
	tp->rx_opt.ts_recent = tp->rx_opt.rcv_tsval;
	tp->rx_opt.ts_recent_stamp = tcp_get_seconds();
}

/* True if the timestamp of the segment is acceptable against ts_recent. */
static bool tcp_paws_check(const struct tcp_options_received *rx_opt, int paws_win)
{
	if ((s32)(rx_opt->ts_recent - rx_opt->rcv_tsval) <= paws_win)
		return true;
	/* RFC 7323 5.5: ts_recent idle for 24 days is no longer a reference. */
	if (unlikely(tcp_get_seconds() >= rx_opt->ts_recent_stamp + TCP_PAWS_24DAYS))
		return true;
	/* Some stacks send SYN/SYN-ACK with tsval 0: no reference yet. */
	if (!rx_opt->ts_recent)
		return true;
	return false;
}

bool tcp_paws_reject(const struct tcp_options_received *rx_opt, int rst)
{
	if (tcp_paws_check(rx_opt, 0))
		return false;
	/* RFC 7323 5.5: after an MSL of silence an old timestamp may be a restarted peer. */
	if (rst && tcp_get_seconds() >= rx_opt->ts_recent_stamp + TCP_PAWS_MSL)
		return false;
	return true;
}

/* RFC 7323 4.3: update TS.Recent only from a segment that covers Last.ACK.sent. */
static void tcp_replace_ts_recent(struct tcp_sock *tp, u32 seq)
{
	if (tp->rx_opt.saw_tstamp && !after(seq, tp->rcv_wup)) {
		if (tcp_paws_check(&tp->rx_opt, 0))
			tcp_store_ts_recent(tp);
	}
}

/* ---- ACKs we owe -------------------------------------------------------------------------- */

static void tcp_incr_quickack(struct sock *sk, unsigned int max_quickacks)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	unsigned int quickacks = tcp_sk(sk)->rcv_wnd / (2 * icsk->icsk_ack.rcv_mss);

	if (quickacks == 0)
		quickacks = 2;
	quickacks = min(quickacks, max_quickacks);
	if (quickacks > icsk->icsk_ack.quick)
		icsk->icsk_ack.quick = quickacks;
}

/* ACK every segment for a while (after the handshake, after out-of-order data). */
void tcp_enter_quickack_mode(struct sock *sk, unsigned int max_quickacks)
{
	struct inet_connection_sock *icsk = inet_csk(sk);

	tcp_incr_quickack(sk, max_quickacks);
	icsk->icsk_ack.pingpong = 0;
	icsk->icsk_ack.ato = TCP_ATO_MIN;
}

static bool tcp_in_quickack_mode(const struct sock *sk)
{
	const struct inet_connection_sock *icsk = inet_csk(sk);

	return icsk->icsk_ack.quick && !icsk->icsk_ack.pingpong;
}

/*
 * Per-socket rate limit for ACKs sent in answer to out-of-window segments (RFC 5961 7 and
 * protection against ACK loops): at most one per sysctl_tcp_invalid_ratelimit.
 */
bool tcp_oow_rate_limited(struct net *net, const struct sk_buff *skb, u32 *last_oow_ack_time)
{
	/* Data segments always get their duplicate ACK (RFC 5681 fast retransmit depends on it). */
	if (TCP_SKB_CB(skb)->seq != TCP_SKB_CB(skb)->end_seq && !tcp_hdr(skb)->syn)
		return false;
	if (*last_oow_ack_time) {
		s32 elapsed = (s32)(tcp_jiffies32 - *last_oow_ack_time);

		if (0 <= elapsed && elapsed < sysctl_tcp_invalid_ratelimit) {
			NET_INC_STATS(net, LINUX_MIB_TCPACKSKIPPEDSEQ);
			return true;
		}
	}
	*last_oow_ack_time = tcp_jiffies32;
	return false;
}

/* RFC 5961 7: challenge ACKs, limited per socket and to sysctl_tcp_challenge_ack_limit per second overall. */
static void tcp_send_challenge_ack(struct sock *sk, const struct sk_buff *skb)
{
	static u32 challenge_timestamp;
	static unsigned int challenge_count;
	struct tcp_sock *tp = tcp_sk(sk);
	u32 now;

	if (tcp_oow_rate_limited(sock_net(sk), skb, &tp->last_oow_ack_time))
		return;
	now = jiffies / HZ;
	if (now != challenge_timestamp) {
		challenge_timestamp = now;
		challenge_count = 0;
	}
	if (++challenge_count <= (unsigned int)sysctl_tcp_challenge_ack_limit) {
		NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPCHALLENGEACK);
		tcp_send_ack(sk);
	}
}

/* A duplicate ACK for an unacceptable or duplicate segment (RFC 9293 3.10.7.4 first check). */
static void tcp_send_dupack(struct sock *sk, const struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (TCP_SKB_CB(skb)->end_seq != TCP_SKB_CB(skb)->seq && before(TCP_SKB_CB(skb)->seq, tp->rcv_nxt))
		tcp_enter_quickack_mode(sk, TCP_MAX_QUICKACKS);
	tcp_send_ack(sk);
}

/* Learn the peer's segment size so delayed-ACK decisions count "full-sized segments" right. */
static void tcp_measure_rcv_mss(struct sock *sk, const struct sk_buff *skb)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	const unsigned int lss = icsk->icsk_ack.last_seg_size;
	unsigned int len;

	icsk->icsk_ack.last_seg_size = 0;
	len = skb->len;
	if (len >= icsk->icsk_ack.rcv_mss) {
		icsk->icsk_ack.rcv_mss = min_t(unsigned int, len, tcp_sk(sk)->advmss);
	} else {
		if (len >= TCP_MSS_DEFAULT || (len >= TCP_MIN_MSS && lss == len)) {
			icsk->icsk_ack.last_seg_size = len;
			if (len == lss) {
				icsk->icsk_ack.rcv_mss = len;
				return;
			}
		}
		if (icsk->icsk_ack.pending & ICSK_ACK_PUSHED)
			icsk->icsk_ack.pending |= ICSK_ACK_PUSHED2;
		icsk->icsk_ack.pending |= ICSK_ACK_PUSHED;
	}
}

/* Data arrived: schedule an ACK and adapt the delayed-ACK timeout (ato) to the arrival pattern. */
static void tcp_event_data_recv(struct sock *sk, struct sk_buff *skb)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);
	u32 now;

	inet_csk_schedule_ack(sk);
	tcp_measure_rcv_mss(sk, skb);

	now = tcp_jiffies32;
	if (!icsk->icsk_ack.ato) {
		/* First data: ACK quickly so the sender's slow start gets going. */
		tcp_incr_quickack(sk, TCP_MAX_QUICKACKS);
		icsk->icsk_ack.ato = TCP_ATO_MIN;
	} else {
		int m = now - icsk->icsk_ack.lrcvtime;

		if (m <= (int)TCP_ATO_MIN / 2) {
			icsk->icsk_ack.ato = (icsk->icsk_ack.ato >> 1) + TCP_ATO_MIN / 2;
		} else if (m < (int)icsk->icsk_ack.ato) {
			icsk->icsk_ack.ato = (icsk->icsk_ack.ato >> 1) + m;
			if (icsk->icsk_ack.ato > icsk->icsk_rto)
				icsk->icsk_ack.ato = icsk->icsk_rto;
		} else if (m > (int)icsk->icsk_rto) {
			tcp_incr_quickack(sk, TCP_MAX_QUICKACKS);
		}
	}
	icsk->icsk_ack.lrcvtime = now;
	tp->bytes_received += skb->len;
	tp->data_segs_in++;
}

/*
 * RFC 1122 4.2.3.2 / RFC 5681 4.2: ACK now when two full-sized segments are unacknowledged, in
 * quick-ACK mode, when asked to, or while out-of-order data is queued; else delay (<= 200 ms).
 */
static void __tcp_ack_snd_check(struct sock *sk, int ofo_possible)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if ((tp->rcv_nxt - tp->rcv_wup) > inet_csk(sk)->icsk_ack.rcv_mss ||
	    tcp_in_quickack_mode(sk) ||
	    (inet_csk(sk)->icsk_ack.pending & ICSK_ACK_NOW) ||
	    (ofo_possible && !skb_queue_empty(&tp->out_of_order_queue))) {
		tcp_send_ack(sk);
		return;
	}
	tcp_send_delayed_ack(sk);
}

static void tcp_ack_snd_check(struct sock *sk)
{
	if (!inet_csk_ack_scheduled(sk))
		return;
	__tcp_ack_snd_check(sk, 1);
}

/* ---- RTT and RTO (RFC 6298) --------------------------------------------------------------- */

/*
 * RFC 6298 2.2/2.3 in Linux's fixed point: srtt_us holds SRTT << 3, mdev_us holds 4*RTTVAR
 * (so RTO = SRTT + mdev). First sample: SRTT = R, RTTVAR = R/2.
 */
static void tcp_rtt_estimator(struct sock *sk, long mrtt_us)
{
	struct tcp_sock *tp = tcp_sk(sk);
	long m = mrtt_us;
	u32 srtt = tp->srtt_us;

	if (m <= 0)
		m = 1;
	if (!tp->rtt_min_us || (u32)m < tp->rtt_min_us)
		tp->rtt_min_us = m;

	if (srtt != 0) {
		m -= (srtt >> 3);		/* m is now the error R' - SRTT */
		srtt += m;			/* SRTT = 7/8 SRTT + 1/8 R' */
		if (m < 0)
			m = -m;
		m -= (tp->mdev_us >> 2);
		tp->mdev_us += m;		/* RTTVAR = 3/4 RTTVAR + 1/4 |SRTT - R'| */
	} else {
		srtt = m << 3;
		tp->mdev_us = m << 1;		/* RTTVAR = R/2, held as 4*RTTVAR */
	}
	/* RFC 6298 2.4: the RTO floor (200 ms) applies to the variance term, as in Linux. */
	tp->rttvar_us = max_t(u32, tp->mdev_us, jiffies_to_usecs(TCP_RTO_MIN));
	tp->rtt_seq = tp->snd_nxt;
	tp->srtt_us = max(1U, srtt);
}

/* RFC 6298 2.3: RTO = SRTT + max(G, 4*RTTVAR), capped at TCP_RTO_MAX (2.5). */
void tcp_set_rto(struct sock *sk)
{
	const struct tcp_sock *tp = tcp_sk(sk);
	u32 rto_us = (tp->srtt_us >> 3) + tp->rttvar_us;
	unsigned long rto = usecs_to_jiffies(rto_us);

	if (rto > TCP_RTO_MAX)
		rto = TCP_RTO_MAX;
	inet_csk(sk)->icsk_rto = rto;
}

/*
 * One RTT sample per ACK (RFC 6298 3, Karn: never from a retransmitted segment): from the send
 * time of the oldest segment newly acknowledged, else of the oldest newly SACKed one, else from
 * the echoed timestamp (RFC 7323 4.1) if the ACK covers no retransmitted data -- a receiver
 * echoes an old TS.Recent while it drops duplicates (RFC 7323 5.3), and such samples would blow
 * the RTO up exactly when losses are heavy.
 */
static bool tcp_ack_update_rtt(struct sock *sk, const int flag, long seq_rtt_us, long sack_rtt_us)
{
	const struct tcp_sock *tp = tcp_sk(sk);

	if (seq_rtt_us < 0)
		seq_rtt_us = sack_rtt_us;
	if (seq_rtt_us < 0 && tp->rx_opt.saw_tstamp && tp->rx_opt.rcv_tsecr && (flag & FLAG_ACKED) &&
	    !(flag & FLAG_RETRANS_DATA_ACKED)) {
		/* rcv_tsecr already had our tsoffset taken off (tcp_fast_parse_options). */
		u32 delta = tcp_time_stamp_raw() - tp->rx_opt.rcv_tsecr;

		if ((s32)delta >= 0 && delta < (u32)TCP_RTO_MAX)
			seq_rtt_us = (long)delta * 1000;
	}
	if (seq_rtt_us < 0)
		return false;
	tcp_rtt_estimator(sk, seq_rtt_us);
	tcp_set_rto(sk);
	/* RFC 6298 5.7 note: a valid sample ends the backoff (Karn's algorithm, part two). */
	inet_csk(sk)->icsk_backoff = 0;
	return true;
}

/* ---- congestion control glue (RFC 5681, RFC 6582) ---------------------------------------- */

static void tcp_cong_avoid(struct sock *sk, u32 ack, u32 acked)
{
	const struct inet_connection_sock *icsk = inet_csk(sk);

	icsk->icsk_ca_ops->cong_avoid(sk, ack, acked);
	tcp_sk(sk)->snd_cwnd_stamp = tcp_jiffies32;
}

void tcp_clear_retrans(struct tcp_sock *tp)
{
	tp->retrans_out = 0;
	tp->lost_out = 0;
	tp->undo_marker = 0;
	tp->undo_retrans = -1;
	tp->sacked_out = 0;
}

/* Linux's "reno SACK" emulation: without SACK each dupack counts one segment as having left. */
static void tcp_add_reno_sack(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (tp->sacked_out + 1 < tp->packets_out)
		tp->sacked_out++;
}

static void tcp_remove_reno_sacks(struct sock *sk, int acked)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (acked > 0) {
		/* One ACK acknowledged hole and all SACKed/dupacked segments above it. */
		if (acked - 1 >= (int)tp->sacked_out)
			tp->sacked_out = 0;
		else
			tp->sacked_out -= acked - 1;
	}
}

static void tcp_mark_skb_lost(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u8 sacked = TCP_SKB_CB(skb)->sacked;

	if (sacked & TCPCB_SACKED_ACKED)
		return;
	if (sacked & TCPCB_SACKED_RETRANS) {
		/* A retransmission of it was lost too: it may be sent again. */
		TCP_SKB_CB(skb)->sacked &= ~TCPCB_SACKED_RETRANS;
		tp->retrans_out--;
	}
	if (!(sacked & TCPCB_LOST)) {
		TCP_SKB_CB(skb)->sacked |= TCPCB_LOST;
		tp->lost_out++;
	}
}

/*
 * Which segments are lost: the first unacknowledged one (NewReno), and with SACK every
 * un-SACKed segment below the highest SACKed one that has at least dupthresh SACKed above it
 * (RFC 6675 IsLost, counted in segments).
 */
static void tcp_update_scoreboard(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *skb = tcp_rtx_queue_head(sk);
	unsigned int sacked_above;

	if (!skb)
		return;
	if (!(TCP_SKB_CB(skb)->sacked & TCPCB_SACKED_RETRANS))
		tcp_mark_skb_lost(sk, skb);
	if (!tcp_is_sack(tp) || !tp->sacked_out)
		return;

	sacked_above = tp->sacked_out;
	skb_queue_walk(&tp->tcp_rtx_queue, skb) {
		u8 sacked = TCP_SKB_CB(skb)->sacked;

		if (sacked & TCPCB_SACKED_ACKED) {
			sacked_above--;
			continue;
		}
		if (sacked_above < tp->reordering)
			break;
		if (!(sacked & (TCPCB_LOST | TCPCB_SACKED_RETRANS)))
			tcp_mark_skb_lost(sk, skb);
	}
}

/*
 * RFC 5681 3.2 steps 2-3 / RFC 6582 3.2 step 2: three duplicate ACKs (or three SACKed segments):
 * ssthresh = max(FlightSize/2, 2), recover = snd_nxt, retransmit the first missing segment.
 * The "inflation" of RFC 5681 is implicit: each dupack lowers tcp_packets_in_flight().
 */
static void tcp_enter_recovery(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPFASTRETRANS);
	tp->prior_ssthresh = tp->snd_ssthresh;
	tp->prior_cwnd = tp->snd_cwnd;
	tp->undo_marker = tp->snd_una;
	tp->undo_retrans = -1;
	tp->snd_ssthresh = inet_csk(sk)->icsk_ca_ops->ssthresh(sk);
	tp->snd_cwnd = tp->snd_ssthresh;
	tp->snd_cwnd_cnt = 0;
	tp->high_seq = tp->snd_nxt;
	tcp_set_ca_state(sk, TCP_CA_Recovery);
}

/* RFC 6582 3.2 step 3 (full ACK): deflate the window to ssthresh and leave recovery. */
static void tcp_end_cwnd_reduction(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	tp->snd_cwnd = min(tp->snd_cwnd, tp->snd_ssthresh);
	if (tp->snd_cwnd < 2)
		tp->snd_cwnd = 2;
	tp->snd_cwnd_stamp = tcp_jiffies32;
}

/*
 * RFC 6298 5.5-5.6 timeout: everything outstanding is presumed lost; ssthresh halves, cwnd
 * drops to one segment (RFC 5681 3.1), and recovery restarts from snd_una in slow start.
 */
void tcp_enter_loss(struct sock *sk)
{
	const struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *skb;

	if (icsk->icsk_ca_state <= TCP_CA_Disorder || tp->snd_una == tp->high_seq ||
	    (icsk->icsk_ca_state == TCP_CA_Loss && !icsk->icsk_retransmits)) {
		tp->prior_ssthresh = tp->snd_ssthresh;
		tp->prior_cwnd = tp->snd_cwnd;
		tp->snd_ssthresh = icsk->icsk_ca_ops->ssthresh(sk);
	}
	tp->snd_cwnd = 1;
	tp->snd_cwnd_cnt = 0;
	tp->snd_cwnd_stamp = tcp_jiffies32;
	tp->undo_marker = tp->snd_una;

	tp->retrans_out = 0;
	tp->lost_out = 0;
	if (!tcp_is_sack(tp))
		tp->sacked_out = 0;
	skb_queue_walk(&tp->tcp_rtx_queue, skb) {
		TCP_SKB_CB(skb)->sacked &= ~TCPCB_SACKED_RETRANS;
		TCP_SKB_CB(skb)->sacked &= ~TCPCB_LOST;
		tcp_mark_skb_lost(sk, skb);
	}
	tp->high_seq = tp->snd_nxt;
	tcp_set_ca_state(sk, TCP_CA_Loss);
}

/* Leave Recovery/Loss once everything outstanding at its start is acknowledged. */
static void tcp_try_to_open(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (!tcp_left_out(tp) && !tp->retrans_out)
		tp->retrans_stamp = 0;
	if (inet_csk(sk)->icsk_ca_state != TCP_CA_Open)
		tcp_set_ca_state(sk, tcp_left_out(tp) || tp->retrans_out ? TCP_CA_Disorder : TCP_CA_Open);
}

/*
 * The loss-recovery state machine, run for ACKs that are not plain cumulative progress
 * (dupacks, SACKs, partial ACKs, ACKs while in Recovery or Loss). Sets *rexmit when the
 * retransmit queue should be walked.
 */
static void tcp_fastretrans_alert(struct sock *sk, u32 prior_snd_una, bool is_dupack, int flag,
				  bool *rexmit)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);

	if (!tp->packets_out && tp->sacked_out)
		tp->sacked_out = 0;

	/* Recovery or loss over: everything sent before it began is acknowledged. */
	if (icsk->icsk_ca_state == TCP_CA_Recovery || icsk->icsk_ca_state == TCP_CA_Loss) {
		if (!before(tp->snd_una, tp->high_seq)) {
			if (icsk->icsk_ca_state == TCP_CA_Recovery)
				tcp_end_cwnd_reduction(sk);
			if (!tcp_is_sack(tp))
				tp->sacked_out = 0;
			tcp_set_ca_state(sk, TCP_CA_Open);
			tcp_try_to_open(sk);
			tp->retrans_stamp = 0;
			return;
		}
	}

	switch (icsk->icsk_ca_state) {
	case TCP_CA_Recovery:
		if (!(flag & FLAG_SND_UNA_ADVANCED)) {
			if (!tcp_is_sack(tp) && is_dupack)
				tcp_add_reno_sack(sk);
		} else {
			/* RFC 6582 3.2 step 4: a partial ACK -- the next hole is lost too. */
			tcp_update_scoreboard(sk);
			*rexmit = true;
			return;
		}
		if (tcp_is_sack(tp) && (flag & FLAG_DATA_SACKED))
			tcp_update_scoreboard(sk);
		*rexmit = true;
		return;
	case TCP_CA_Loss:
		if (!tcp_is_sack(tp) && is_dupack)
			tcp_add_reno_sack(sk);
		*rexmit = true;
		return;
	default:
		if (!tcp_is_sack(tp)) {
			if (flag & FLAG_SND_UNA_ADVANCED)
				tp->sacked_out = 0;
			if (is_dupack)
				tcp_add_reno_sack(sk);
		}
		if (tp->sacked_out < tp->reordering && !(tcp_is_sack(tp) && tp->lost_out)) {
			tcp_try_to_open(sk);
			return;
		}
		/* RFC 5681 3.2: dupthresh reached -- fast retransmit. */
		tcp_enter_recovery(sk);
		tcp_update_scoreboard(sk);
		*rexmit = true;
	}
}

/* ---- processing an ACK -------------------------------------------------------------------- */

/*
 * An ACK from the peer proves the next hop is reachable (RFC 4861 7.3.1 "upper-layer hints", Linux
 * sk_dst_confirm): the neighbour entry stays REACHABLE without ARP probes, which matter on a
 * lossy link.
 */
static void tcp_dst_confirm(struct sock *sk)
{
	struct dst_entry *dst = __sk_dst_get(sk);
	struct rtable *rt = (struct rtable *)dst;
	__be32 nexthop;

	if (!dst || !dst->dev)
		return;
	nexthop = rt->rt_uses_gateway ? rt->rt_gw4 : inet_sk(sk)->inet_daddr;
	neigh_confirm(__ipv4_neigh_lookup_noref(dst->dev, nexthop));
}

/* RFC 9293 3.10.7.4 step 5: SND.WL1 < SEG.SEQ or (SND.WL1 = SEG.SEQ and SND.WL2 =< SEG.ACK). */
static bool tcp_may_update_window(const struct tcp_sock *tp, const u32 ack, const u32 ack_seq,
				  const u32 nwin)
{
	return after(ack, tp->snd_una) || after(ack_seq, tp->snd_wl1) ||
	       (ack_seq == tp->snd_wl1 && nwin > tp->snd_wnd);
}

static int tcp_ack_update_window(struct sock *sk, const struct sk_buff *skb, u32 ack, u32 ack_seq)
{
	struct tcp_sock *tp = tcp_sk(sk);
	int flag = 0;
	u32 nwin = ntohs(tcp_hdr(skb)->window);

	if (likely(!tcp_hdr(skb)->syn))
		nwin <<= tp->rx_opt.snd_wscale;

	if (tcp_may_update_window(tp, ack, ack_seq, nwin)) {
		flag |= FLAG_WIN_UPDATE;
		tp->snd_wl1 = ack_seq;
		if (tp->snd_wnd != nwin) {
			tp->snd_wnd = nwin;
			tp->pred_flags = 0;
			if (skb_queue_empty(&tp->out_of_order_queue) && tp->rcv_wnd)
				tcp_fast_path_on(tp);
			if (nwin > tp->max_window) {
				tp->max_window = nwin;
				tcp_sync_mss(sk, inet_csk(sk)->icsk_pmtu_cookie);
			}
		}
	}
	tp->bytes_acked += ack - tp->snd_una;
	tp->snd_una = ack;
	return flag;
}

/* RFC 2018 / RFC 2883: a SACK block is usable if it lies within what we sent and is not a D-SACK. */
static bool tcp_is_sackblock_valid(const struct tcp_sock *tp, u32 start_seq, u32 end_seq)
{
	if (after(end_seq, tp->snd_nxt) || !before(start_seq, end_seq))
		return false;
	if (!before(start_seq, tp->snd_una))
		return true;
	return false;
}

/* Marks retransmit-queue segments covered by the SACK blocks of this ACK (the scoreboard). */
static int tcp_sacktag_write_queue(struct sock *sk, const struct sk_buff *ack_skb, u32 prior_snd_una,
				   u64 *first_sackt)
{
	struct tcp_sock *tp = tcp_sk(sk);
	const unsigned char *ptr = (const unsigned char *)tcp_hdr(ack_skb) + TCP_SKB_CB(ack_skb)->sacked;
	int num_sacks = min(TCP_NUM_SACKS, (ptr[1] - TCPOLEN_SACK_BASE) >> 3);
	const unsigned char *sp_wire = ptr + 2;
	int flag = 0;
	int i;

	for (i = 0; i < num_sacks; i++) {
		u32 start_seq = get_unaligned_be32(sp_wire + i * 8);
		u32 end_seq = get_unaligned_be32(sp_wire + i * 8 + 4);
		struct sk_buff *skb;

		/* RFC 2883: a first block below the cumulative ACK (or inside the second) is a D-SACK. */
		if (i == 0 && before(start_seq, TCP_SKB_CB(ack_skb)->ack_seq)) {
			NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPDSACKRECV);
			flag |= FLAG_DSACKING_ACK;
			continue;
		}
		if (!tcp_is_sackblock_valid(tp, start_seq, end_seq))
			continue;

		skb_queue_walk(&tp->tcp_rtx_queue, skb) {
			u8 sacked = TCP_SKB_CB(skb)->sacked;

			if (!before(TCP_SKB_CB(skb)->seq, end_seq))
				break;
			if (before(TCP_SKB_CB(skb)->seq, start_seq) ||
			    after(TCP_SKB_CB(skb)->end_seq, end_seq))
				continue;
			if (sacked & TCPCB_SACKED_ACKED)
				continue;
			if (sacked & TCPCB_SACKED_RETRANS) {
				TCP_SKB_CB(skb)->sacked &= ~TCPCB_SACKED_RETRANS;
				tp->retrans_out--;
			}
			if (sacked & TCPCB_LOST) {
				TCP_SKB_CB(skb)->sacked &= ~TCPCB_LOST;
				tp->lost_out--;
			}
			if (!(sacked & TCPCB_EVER_RETRANS) && !*first_sackt)
				*first_sackt = TCP_SKB_CB(skb)->tx_mstamp;
			TCP_SKB_CB(skb)->sacked |= TCPCB_SACKED_ACKED;
			tp->sacked_out++;
			flag |= FLAG_DATA_SACKED;
			if (!tp->highest_sack ||
			    after(TCP_SKB_CB(skb)->end_seq, TCP_SKB_CB(tp->highest_sack)->end_seq))
				tp->highest_sack = skb;
		}
	}
	return flag;
}

/*
 * Frees every segment the ACK covers, counts what left the network, and takes the RTT sample
 * (RFC 6298 5.3: the retransmit timer restarts when new data is acknowledged).
 */
static int tcp_clean_rtx_queue(struct sock *sk, u32 prior_snd_una, u32 *acked_pkts, long sack_rtt_us)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u64 first_ackt = 0;
	struct sk_buff *skb, *tmp;
	int flag = 0;
	u32 pkts_acked = 0;
	long seq_rtt_us = -1;

	skb_queue_walk_safe(&tp->tcp_rtx_queue, skb, tmp) {
		struct tcp_skb_cb *scb = TCP_SKB_CB(skb);
		u8 sacked = scb->sacked;

		if (after(scb->end_seq, tp->snd_una))
			break;	/* not (fully) acknowledged yet */

		if (sacked & TCPCB_RETRANS) {
			if (sacked & TCPCB_SACKED_RETRANS)
				tp->retrans_out--;
			flag |= FLAG_RETRANS_DATA_ACKED;
		} else if (!(sacked & TCPCB_SACKED_ACKED) && !first_ackt) {
			/* A SACKed segment arrived long ago: its cumulative ACK is no RTT sample. */
			first_ackt = scb->tx_mstamp;
		}
		if (sacked & TCPCB_SACKED_ACKED)
			tp->sacked_out--;
		if (sacked & TCPCB_LOST)
			tp->lost_out--;
		tp->packets_out--;
		pkts_acked++;
		if (scb->tcp_flags & TCPHDR_SYN)
			flag |= FLAG_SYN_ACKED;
		else
			flag |= FLAG_DATA_ACKED;

		if (skb == tp->highest_sack)
			tp->highest_sack = NULL;
		__skb_unlink(skb, &tp->tcp_rtx_queue);
		tcp_skb_free(sk, skb);
	}

	if (pkts_acked)
		sock_set_flag(sk, SOCK_QUEUE_SHRUNK);	/* writers waiting for sndbuf space may go on */
	/*
	 * Karn, extended as BSD times segments: a segment sent before the last retransmission may
	 * have waited behind the repaired hole, so only segments sent after it give samples.
	 */
	if (first_ackt && !(flag & FLAG_RETRANS_DATA_ACKED) && first_ackt >= tp->rtx_mstamp)
		seq_rtt_us = (long)(tp->tcp_mstamp - first_ackt);
	if (sack_rtt_us >= 0 && (u64)(tp->tcp_mstamp - sack_rtt_us) < tp->rtx_mstamp)
		sack_rtt_us = -1;
	tcp_ack_update_rtt(sk, flag, seq_rtt_us, sack_rtt_us);
	if (flag & FLAG_ACKED) {
		tcp_rearm_rto(sk);
		if (!tcp_is_sack(tp))
			tcp_remove_reno_sacks(sk, pkts_acked);
	}
	*acked_pkts = pkts_acked;
	return flag;
}

/* The window reopened while probing: stop the persist timer, or keep probing with backoff. */
static void tcp_ack_probe(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct sk_buff *head = tcp_send_head(sk);
	const struct tcp_sock *tp = tcp_sk(sk);

	if (!head)
		return;
	if (!after(TCP_SKB_CB(head)->end_seq, tp->snd_una + tp->snd_wnd)) {
		icsk->icsk_backoff = 0;
		icsk->icsk_probes_out = 0;
		inet_csk_clear_xmit_timer(sk, ICSK_TIME_PROBE0);
	} else if (icsk->icsk_pending != ICSK_TIME_PROBE0) {
		inet_csk_reset_xmit_timer(sk, ICSK_TIME_PROBE0, tcp_rto_backoff(icsk), TCP_RTO_MAX);
	}
}

/*
 * Growing cwnd only makes sense while cwnd limits the sender (RFC 7661): in slow start while
 * cwnd < 2 * what was in flight, in congestion avoidance while the flight filled cwnd. Never
 * while the window is being reduced after a loss (Recovery).
 */
static bool tcp_may_raise_cwnd(const struct sock *sk, int flag, u32 prior_in_flight)
{
	const struct tcp_sock *tp = tcp_sk(sk);

	if (inet_csk(sk)->icsk_ca_state == TCP_CA_Recovery)
		return false;
	if (!(flag & FLAG_ACKED))
		return false;
	if (tcp_in_slow_start(tp))
		return tp->snd_cwnd < 2 * prior_in_flight;
	return prior_in_flight >= tp->snd_cwnd;
}

/*
 * RFC 9293 3.10.7.4 step 5 "check the ACK field". Returns 1 for an acceptable ACK, 0 for an old
 * (duplicate or stale) one, -1 when the segment must be dropped.
 */
static int tcp_ack(struct sock *sk, const struct sk_buff *skb, int flag)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);
	u32 prior_snd_una = tp->snd_una;
	u32 ack_seq = TCP_SKB_CB(skb)->seq;
	u32 ack = TCP_SKB_CB(skb)->ack_seq;
	u32 prior_packets = tp->packets_out;
	u32 prior_in_flight = tcp_packets_in_flight(tp);
	u64 first_sackt = 0;
	u32 acked_pkts = 0;
	bool rexmit = false;
	bool is_dupack;

	/* An ACK older than snd_una: a duplicate, or (RFC 5961 5.2) too old to be real. */
	if (before(ack, prior_snd_una)) {
		if (before(ack, prior_snd_una - tp->max_window)) {
			if (!(flag & FLAG_NO_CHALLENGE_ACK))
				tcp_send_challenge_ack(sk, skb);
			return -1;
		}
		goto old_ack;
	}

	/* RFC 9293 3.10.7.4: an ACK for something not yet sent -- send an ACK and drop the segment. */
	if (after(ack, tp->snd_nxt)) {
		if (!tcp_oow_rate_limited(sock_net(sk), skb, &tp->last_oow_ack_time))
			tcp_send_ack(sk);
		return -1;
	}

	if (after(ack, prior_snd_una)) {
		flag |= FLAG_SND_UNA_ADVANCED;
		icsk->icsk_retransmits = 0;
		/*
		 * The peer is alive and the segment that timed out got through: the exponential
		 * backoff (RFC 6298 5.5) is for repeated timeouts of one segment. Keeping it across
		 * a long recovery whose ACKs all cover retransmitted data (no Karn-valid sample)
		 * would leave the RTO at minutes under heavy loss.
		 */
		if (icsk->icsk_backoff && tp->srtt_us) {
			icsk->icsk_backoff = 0;
			tcp_set_rto(sk);
		}
	}
	if (TCP_SKB_CB(skb)->end_seq != ack_seq)
		flag |= FLAG_DATA;

	if (TCP_SKB_CB(skb)->sacked)
		flag |= tcp_sacktag_write_queue(sk, skb, prior_snd_una, &first_sackt);
	flag |= tcp_ack_update_window(sk, skb, ack, ack_seq);
	if (flag & FLAG_UPDATE_TS_RECENT)
		tcp_replace_ts_recent(tp, TCP_SKB_CB(skb)->seq);

	tp->rcv_tstamp = tcp_jiffies32;
	icsk->icsk_probes_out = 0;
	tcp_dst_confirm(sk);
	if (!prior_packets)
		goto no_queue;

	flag |= tcp_clean_rtx_queue(sk, prior_snd_una, &acked_pkts,
				    first_sackt ? (long)(tcp_clock_us() - first_sackt) : -1L);

	/* RFC 5681 2: a duplicate ACK carries no data, moves nothing, changes no window. */
	is_dupack = !(flag & (FLAG_SND_UNA_ADVANCED | FLAG_NOT_DUP));
	if (is_dupack || (flag & FLAG_CA_ALERT) || icsk->icsk_ca_state != TCP_CA_Open ||
	    tcp_left_out(tp))
		tcp_fastretrans_alert(sk, prior_snd_una, is_dupack, flag, &rexmit);
	if (tcp_may_raise_cwnd(sk, flag, prior_in_flight))
		tcp_cong_avoid(sk, ack, acked_pkts);

	if (rexmit) {
		/* RFC 5681 3.2 step 2: the first retransmission goes out regardless of cwnd. */
		struct sk_buff *head = tcp_rtx_queue_head(sk);

		if (head && (TCP_SKB_CB(head)->sacked & TCPCB_LOST) &&
		    !(TCP_SKB_CB(head)->sacked & TCPCB_SACKED_RETRANS) &&
		    tcp_packets_in_flight(tp) >= tp->snd_cwnd &&
		    icsk->icsk_ca_state == TCP_CA_Recovery &&
		    !tcp_retransmit_skb(sk, head, 1))
			inet_csk_reset_xmit_timer(sk, ICSK_TIME_RETRANS, icsk->icsk_rto, TCP_RTO_MAX);
		tcp_xmit_retransmit_queue(sk);
	}
	return 1;

no_queue:
	/* Nothing in flight: this ACK may have opened a zero window we are probing. */
	if (tcp_send_head(sk))
		tcp_ack_probe(sk);
	return 1;

old_ack:
	if (TCP_SKB_CB(skb)->sacked) {
		flag |= tcp_sacktag_write_queue(sk, skb, prior_snd_una, &first_sackt);
		if (flag & FLAG_DATA_SACKED) {
			tcp_fastretrans_alert(sk, prior_snd_una, false, flag, &rexmit);
			if (rexmit)
				tcp_xmit_retransmit_queue(sk);
		}
	}
	return 0;
}

/* ---- receiving data ----------------------------------------------------------------------- */

/* RFC 2883: report [seq, end_seq) as a duplicate in the next ACK. */
static void tcp_dsack_set(struct sock *sk, u32 seq, u32 end_seq)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (tcp_is_sack(tp)) {
		tp->rx_opt.dsack = 1;
		tp->duplicate_sack[0].start_seq = seq;
		tp->duplicate_sack[0].end_seq = end_seq;
	}
}

/* Two SACK blocks touch or overlap: merge sp2 into sp1. */
static bool tcp_sack_extend(struct tcp_sack_block *sp, u32 seq, u32 end_seq)
{
	if (!after(seq, sp->end_seq) && !after(sp->start_seq, end_seq)) {
		if (before(seq, sp->start_seq))
			sp->start_seq = seq;
		if (after(end_seq, sp->end_seq))
			sp->end_seq = end_seq;
		return true;
	}
	return false;
}

/*
 * RFC 2018 4: the first SACK block reports the most recently received segment; blocks that now
 * touch are merged, at most TCP_NUM_SACKS are kept, the oldest dropped.
 */
static void tcp_sack_new_ofo_skb(struct sock *sk, u32 seq, u32 end_seq)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_sack_block *sp = &tp->selective_acks[0];
	int cur_sacks = tp->rx_opt.num_sacks;
	struct tcp_sack_block new_blk = { seq, end_seq };
	int this_sack, i;

	if (!tcp_is_sack(tp))
		return;

	/* Absorb every existing block the new range touches, then put it first. */
	for (this_sack = 0; this_sack < cur_sacks;) {
		if (tcp_sack_extend(&new_blk, sp[this_sack].start_seq, sp[this_sack].end_seq)) {
			for (i = this_sack; i < cur_sacks - 1; i++)
				sp[i] = sp[i + 1];
			cur_sacks--;
			continue;
		}
		this_sack++;
	}
	if (cur_sacks >= TCP_NUM_SACKS)
		cur_sacks = TCP_NUM_SACKS - 1;
	for (i = cur_sacks; i > 0; i--)
		sp[i] = sp[i - 1];
	sp[0] = new_blk;
	tp->rx_opt.num_sacks = cur_sacks + 1;
}

/* rcv_nxt advanced: drop blocks it now covers. */
static void tcp_sack_remove(struct tcp_sock *tp)
{
	struct tcp_sack_block *sp = &tp->selective_acks[0];
	int num_sacks = tp->rx_opt.num_sacks;
	int this_sack, i;

	if (skb_queue_empty(&tp->out_of_order_queue)) {
		tp->rx_opt.num_sacks = 0;
		return;
	}
	for (this_sack = 0; this_sack < num_sacks;) {
		if (!before(tp->rcv_nxt, sp[this_sack].start_seq)) {
			for (i = this_sack + 1; i < num_sacks; i++)
				sp[i - 1] = sp[i];
			num_sacks--;
			continue;
		}
		this_sack++;
	}
	tp->rx_opt.num_sacks = num_sacks;
}

/*
 * Receive-buffer check before queueing size bytes (per-socket sk_rcvbuf and the protocol-wide
 * limit). Out-of-order data is what gets sacrificed when memory runs short.
 */
static int tcp_try_rmem_schedule(struct sock *sk, struct sk_buff *skb, unsigned int size)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (atomic_read(&sk->sk_rmem_alloc) + (int)size <= sk->sk_rcvbuf && sk_rmem_schedule(sk, skb, size))
		return 0;
	if (!skb_queue_empty(&tp->out_of_order_queue) && !after(TCP_SKB_CB(skb)->seq, tp->rcv_nxt)) {
		NET_INC_STATS(sock_net(sk), LINUX_MIB_PRUNECALLED);
		skb_queue_purge(&tp->out_of_order_queue);
		tp->rx_opt.num_sacks = 0;
		sk_mem_reclaim(sk);
		tp->pred_flags = 0;
		if (atomic_read(&sk->sk_rmem_alloc) + (int)size <= sk->sk_rcvbuf &&
		    sk_rmem_schedule(sk, skb, size))
			return 0;
	}
	return -1;
}

/* Appends in-order data to the receive queue and advances RCV.NXT. */
static void tcp_queue_rcv(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);

	__skb_queue_tail(&sk->sk_receive_queue, skb);
	skb_set_owner_r(skb, sk);
	tp->rcv_nxt = TCP_SKB_CB(skb)->end_seq;
}

static void tcp_data_ready(struct sock *sk)
{
	sk->sk_data_ready(sk);
}

/* Moves out-of-order segments that became in-order to the receive queue. */
static void tcp_ofo_queue(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *skb;

	while ((skb = skb_peek(&tp->out_of_order_queue)) != NULL) {
		if (after(TCP_SKB_CB(skb)->seq, tp->rcv_nxt))
			break;
		__skb_unlink(skb, &tp->out_of_order_queue);
		if (!after(TCP_SKB_CB(skb)->end_seq, tp->rcv_nxt)) {
			tcp_drop(sk, skb);	/* everything in it already arrived */
			continue;
		}
		__skb_queue_tail(&sk->sk_receive_queue, skb);
		tp->rcv_nxt = TCP_SKB_CB(skb)->end_seq;
		if (TCP_SKB_CB(skb)->tcp_flags & TCPHDR_FIN) {
			tcp_fin(sk);
			break;
		}
	}
}

/*
 * A segment beyond RCV.NXT: keep it, sorted by sequence, in the out-of-order queue. Segments
 * entirely covered by what is queued are dropped (and D-SACKed); queued segments the new one
 * covers are replaced. The ACK goes out at once (RFC 5681 4.2) with SACK blocks.
 */
static noinline void tcp_data_queue_ofo(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff_head *q = &tp->out_of_order_queue;
	u32 seq = TCP_SKB_CB(skb)->seq;
	u32 end_seq = TCP_SKB_CB(skb)->end_seq;
	struct sk_buff *skb1, *next;

	if (unlikely(tcp_try_rmem_schedule(sk, skb, skb->truesize))) {
		NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPOFODROP);
		tcp_drop(sk, skb);
		return;
	}
	tp->pred_flags = 0;
	inet_csk_schedule_ack(sk);
	tp->rcv_ooopack++;
	NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPOFOQUEUE);

	/* Find the last queued segment starting at or before seq (the common case is the tail). */
	for (skb1 = skb_peek_tail(q); skb1; skb1 = skb1->prev == (struct sk_buff *)q ? NULL : skb1->prev) {
		if (!after(TCP_SKB_CB(skb1)->seq, seq))
			break;
	}
	if (skb1) {
		if (!after(end_seq, TCP_SKB_CB(skb1)->end_seq)) {
			/* All of it is already queued. */
			NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPOFODROP);
			tcp_dsack_set(sk, seq, end_seq);
			tcp_drop(sk, skb);
			goto add_sack;
		}
		if (TCP_SKB_CB(skb1)->seq == seq) {
			/* The new segment covers skb1 completely: replace it. */
			struct sk_buff *prev = skb1->prev == (struct sk_buff *)q ? NULL : skb1->prev;

			tcp_dsack_set(sk, TCP_SKB_CB(skb1)->seq, TCP_SKB_CB(skb1)->end_seq);
			__skb_unlink(skb1, q);
			tcp_drop(sk, skb1);
			skb1 = prev;
		}
	}
	if (skb1)
		__skb_queue_after(q, skb1, skb);
	else
		__skb_queue_head(q, skb);
	skb_set_owner_r(skb, sk);

	/* Drop queued segments the new one covers entirely. */
	while ((next = skb_peek_next(skb, q)) != NULL) {
		if (!after(end_seq, TCP_SKB_CB(next)->seq))
			break;
		if (before(end_seq, TCP_SKB_CB(next)->end_seq))
			break;	/* partial overlap: both stay, the reader skips the overlap */
		tcp_dsack_set(sk, TCP_SKB_CB(next)->seq, TCP_SKB_CB(next)->end_seq);
		__skb_unlink(next, q);
		tcp_drop(sk, next);
	}
add_sack:
	tcp_sack_new_ofo_skb(sk, seq, end_seq);
}

/*
 * RFC 9293 3.10.7.4 step 7 "process the segment text": in-order data goes to the reader,
 * duplicates are dropped with an immediate ACK (D-SACK), future data waits in the OFO queue.
 */
static noinline void tcp_data_queue(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (TCP_SKB_CB(skb)->seq == TCP_SKB_CB(skb)->end_seq) {
		__kfree_skb(skb);
		return;
	}
	skb_dst_drop(skb);
	__skb_pull(skb, tcp_hdr(skb)->doff * 4);
	tp->rx_opt.dsack = 0;

	if (TCP_SKB_CB(skb)->seq == tp->rcv_nxt) {
		if (tcp_receive_window(tp) == 0) {
			/* RFC 9293 3.8.6.2.2: a closed window takes no data (only the ACK of a probe). */
			NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPZEROWINDOWDROP);
			goto out_of_window;
		}
queue_and_out:
		if (tcp_try_rmem_schedule(sk, skb, skb->truesize)) {
			NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPRCVQDROP);
			inet_csk(sk)->icsk_ack.pending |= ICSK_ACK_NOW;
			inet_csk_schedule_ack(sk);
			sk->sk_data_ready(sk);
			goto drop;
		}
		tcp_queue_rcv(sk, skb);
		if (skb->len)
			tcp_event_data_recv(sk, skb);
		if (TCP_SKB_CB(skb)->tcp_flags & TCPHDR_FIN)
			tcp_fin(sk);

		if (!skb_queue_empty(&tp->out_of_order_queue)) {
			tcp_ofo_queue(sk);
			/* RFC 5681 4.2: ACK at once when a gap is filled. */
			if (skb_queue_empty(&tp->out_of_order_queue))
				inet_csk(sk)->icsk_ack.pending |= ICSK_ACK_NOW;
		}
		if (tp->rx_opt.num_sacks)
			tcp_sack_remove(tp);
		if (skb_queue_empty(&tp->out_of_order_queue) && tp->rcv_wnd && !tp->urg_data)
			tcp_fast_path_on(tp);
		if (!sock_flag(sk, SOCK_DEAD))
			tcp_data_ready(sk);
		return;
	}

	if (!after(TCP_SKB_CB(skb)->end_seq, tp->rcv_nxt)) {
		/* A retransmission of data we have: tell the sender at once (RFC 2883 D-SACK). */
		tcp_dsack_set(sk, TCP_SKB_CB(skb)->seq, TCP_SKB_CB(skb)->end_seq);
out_of_window:
		tcp_enter_quickack_mode(sk, TCP_MAX_QUICKACKS);
		inet_csk_schedule_ack(sk);
drop:
		tcp_drop(sk, skb);
		return;
	}

	/* Beyond the window (a zero-window probe, or a misbehaving sender). */
	if (!before(TCP_SKB_CB(skb)->seq, tp->rcv_nxt + tcp_receive_window(tp)))
		goto out_of_window;

	if (before(TCP_SKB_CB(skb)->seq, tp->rcv_nxt)) {
		/* Starts with data we have, ends with new data: keep it, the reader skips the old part. */
		tcp_dsack_set(sk, TCP_SKB_CB(skb)->seq, tp->rcv_nxt);
		if (!tcp_receive_window(tp))
			goto out_of_window;
		goto queue_and_out;
	}

	tcp_data_queue_ofo(sk, skb);
}

/* RFC 9293 3.10.7.4 step 6: urgent data is not supported; the pointer is ignored, the data is normal data. */
static void tcp_urg(struct sock *sk, struct sk_buff *skb, const struct tcphdr *th)
{
}

/*
 * RFC 9293 3.10.7.4 step 8 "check the FIN bit" (called when the FIN is in sequence): the peer
 * will send no more; readers see end of file.
 */
noinline void tcp_fin(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	inet_csk_schedule_ack(sk);
	sk->sk_shutdown |= RCV_SHUTDOWN;
	sock_set_flag(sk, SOCK_DONE);

	switch (sk->sk_state) {
	case TCP_SYN_RECV:
	case TCP_ESTABLISHED:
		tcp_set_state(sk, TCP_CLOSE_WAIT);
		inet_csk(sk)->icsk_ack.pingpong = 1;
		break;
	case TCP_CLOSE_WAIT:
	case TCP_CLOSING:
	case TCP_LAST_ACK:
		break;	/* a retransmitted FIN */
	case TCP_FIN_WAIT1:
		/* Simultaneous close (RFC 9293 3.6 case 2): ACK their FIN, wait for ours to be ACKed. */
		tcp_send_ack(sk);
		tcp_set_state(sk, TCP_CLOSING);
		break;
	case TCP_FIN_WAIT2:
		tcp_send_ack(sk);
		tcp_time_wait(sk, TCP_TIME_WAIT, 0);
		break;
	default:
		pr_err("tcp_fin: impossible state %d\n", sk->sk_state);
		break;
	}

	/* Nothing after the FIN can arrive: out-of-order data beyond it is void. */
	skb_queue_purge(&tp->out_of_order_queue);
	tp->rx_opt.num_sacks = 0;
	sk_mem_reclaim(sk);

	if (!sock_flag(sk, SOCK_DEAD)) {
		sk->sk_state_change(sk);
		if (sk->sk_shutdown == SHUTDOWN_MASK || sk->sk_state == TCP_CLOSE)
			sk_wake_async(sk, SOCK_WAKE_WAITD, POLL_HUP);
		else
			sk_wake_async(sk, SOCK_WAKE_WAITD, POLL_IN);
	}
}

/* RFC 9293 3.10.7.4 step 2: an acceptable RST aborts the connection with the error of its state. */
noinline void tcp_reset(struct sock *sk, struct sk_buff *skb)
{
	switch (sk->sk_state) {
	case TCP_SYN_SENT:
		sk->sk_err = ECONNREFUSED;
		break;
	case TCP_CLOSE_WAIT:
		sk->sk_err = EPIPE;
		break;
	case TCP_CLOSE:
		return;
	default:
		sk->sk_err = ECONNRESET;
	}
	tcp_write_queue_purge(sk);
	tcp_done(sk);
	if (!sock_flag(sk, SOCK_DEAD))
		sk->sk_error_report(sk);
}

/*
 * RFC 9293 3.10.7.4 steps 1-4 for synchronized states: PAWS (RFC 7323 5), sequence
 * acceptability, RST (RFC 5961 3: exact match resets, in-window gets a challenge ACK), SYN (RFC
 * 5961 4: challenge ACK). Returns false if the segment was consumed (dropped).
 */
static bool tcp_validate_incoming(struct sock *sk, struct sk_buff *skb, const struct tcphdr *th, int syn_inerr)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (tcp_fast_parse_options(skb, th, tp) && tp->rx_opt.saw_tstamp &&
	    tcp_paws_reject(&tp->rx_opt, th->rst)) {
		if (!th->rst) {
			NET_INC_STATS(sock_net(sk), LINUX_MIB_PAWSESTABREJECTED);
			if (!tcp_oow_rate_limited(sock_net(sk), skb, &tp->last_oow_ack_time))
				tcp_send_dupack(sk, skb);
			goto discard;
		}
		/* A RST is checked on its sequence number below even if PAWS failed. */
	}

	/* Step 1: RCV.NXT =< SEG.SEQ < RCV.NXT+RCV.WND, or any part of the segment in the window. */
	if (before(TCP_SKB_CB(skb)->end_seq, tp->rcv_wup) ||
	    after(TCP_SKB_CB(skb)->seq, tp->rcv_nxt + tcp_receive_window(tp))) {
		/* "If an incoming segment is not acceptable, an acknowledgment should be sent in reply
		 * (unless the RST bit is set, if so drop the segment and return)". */
		if (!th->rst) {
			if (th->syn)
				goto syn_challenge;
			if (!tcp_oow_rate_limited(sock_net(sk), skb, &tp->last_oow_ack_time))
				tcp_send_dupack(sk, skb);
		}
		goto discard;
	}

	/* Step 2: RST. RFC 5961 3.2: reset only on an exact match, otherwise challenge. */
	if (th->rst) {
		if (TCP_SKB_CB(skb)->seq == tp->rcv_nxt)
			tcp_reset(sk, skb);
		else
			tcp_send_challenge_ack(sk, skb);
		goto discard;
	}

	/* Step 4: SYN in a synchronized state. RFC 5961 4.2: challenge ACK, never reset. */
	if (th->syn) {
		/* Crossed SYN-ACKs of a simultaneous open are the one legitimate case. */
		if (sk->sk_state == TCP_SYN_RECV && th->ack &&
		    TCP_SKB_CB(skb)->seq + 1 == TCP_SKB_CB(skb)->end_seq &&
		    TCP_SKB_CB(skb)->seq + 1 == tp->rcv_nxt && TCP_SKB_CB(skb)->ack_seq == tp->snd_nxt)
			return true;
syn_challenge:
		if (syn_inerr)
			TCP_INC_STATS(sock_net(sk), TCP_MIB_INERRS);
		NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPSYNCHALLENGE);
		tcp_send_challenge_ack(sk, skb);
		goto discard;
	}
	return true;

discard:
	tcp_drop(sk, skb);
	return false;
}

/* New data or window: send what is queued (from the receive path). */
static void tcp_data_snd_check(struct sock *sk)
{
	tcp_push_pending_frames(sk);
	if (sk->sk_socket && sk_stream_is_writeable(sk) && sock_flag(sk, SOCK_QUEUE_SHRUNK)) {
		sock_reset_flag(sk, SOCK_QUEUE_SHRUNK);
		sk->sk_write_space(sk);
	}
}

/*
 * ESTABLISHED input. Fast path (Van Jacobson's header prediction): the expected in-order segment
 * with unchanged window and flags, either a pure ACK (we are sending) or in-order data (we are
 * receiving). Everything else takes the slow path through the full RFC 9293 checks.
 */
noinline void tcp_rcv_established(struct sock *sk, struct sk_buff *skb)
{
	const struct tcphdr *th = (const struct tcphdr *)skb->data;
	struct tcp_sock *tp = tcp_sk(sk);
	unsigned int len = skb->len;

	tp->tcp_mstamp = tcp_clock_us();
	tp->rx_opt.saw_tstamp = 0;

	if ((tcp_flag_word(th) & TCP_HP_BITS) == tp->pred_flags &&
	    TCP_SKB_CB(skb)->seq == tp->rcv_nxt && !after(TCP_SKB_CB(skb)->ack_seq, tp->snd_nxt)) {
		int tcp_header_len = tp->tcp_header_len;

		if (tcp_header_len == sizeof(struct tcphdr) + TCPOLEN_TSTAMP_ALIGNED) {
			if (!tcp_parse_aligned_timestamp(tp, th))
				goto slow_path;
			/* An older timestamp than ts_recent needs the careful PAWS check. */
			if ((s32)(tp->rx_opt.rcv_tsval - tp->rx_opt.ts_recent) < 0)
				goto slow_path;
		}

		if (len <= (unsigned int)tcp_header_len) {
			if (len == (unsigned int)tcp_header_len) {
				/* Pure ACK of a bulk sender. */
				if (tcp_header_len == sizeof(struct tcphdr) + TCPOLEN_TSTAMP_ALIGNED &&
				    tp->rcv_nxt == tp->rcv_wup)
					tcp_store_ts_recent(tp);
				NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPHPACKS);
				tcp_ack(sk, skb, 0);
				__kfree_skb(skb);
				tcp_data_snd_check(sk);
				return;
			}
			goto discard;
		}

		if (tcp_receive_window(tp) >= len - tcp_header_len &&
		    !tcp_try_rmem_schedule(sk, skb, skb->truesize)) {
			/* In-order data of a bulk receiver. */
			if (tcp_header_len == sizeof(struct tcphdr) + TCPOLEN_TSTAMP_ALIGNED &&
			    tp->rcv_nxt == tp->rcv_wup)
				tcp_store_ts_recent(tp);
			__skb_pull(skb, tcp_header_len);
			tcp_queue_rcv(sk, skb);
			tcp_event_data_recv(sk, skb);
			if (TCP_SKB_CB(skb)->ack_seq != tp->snd_una) {
				tcp_ack(sk, skb, FLAG_DATA);
				tcp_data_snd_check(sk);
				if (!inet_csk_ack_scheduled(sk))
					goto no_ack;
			}
			__tcp_ack_snd_check(sk, 0);
no_ack:
			tcp_data_ready(sk);
			return;
		}
	}

slow_path:
	if (len < (unsigned int)(th->doff << 2))
		goto discard;
	if (!th->ack && !th->rst && !th->syn)
		goto discard;
	if (!tcp_validate_incoming(sk, skb, th, 1))
		return;

	if (tcp_ack(sk, skb, FLAG_SLOWPATH | FLAG_UPDATE_TS_RECENT) < 0)
		goto discard;
	tcp_urg(sk, skb, th);
	tcp_data_queue(sk, skb);
	tcp_data_snd_check(sk);
	tcp_ack_snd_check(sk);
	return;

discard:
	tcp_drop(sk, skb);
}

/* ---- connection establishment ------------------------------------------------------------- */

static void tcp_init_wl(struct tcp_sock *tp, u32 seq)
{
	tp->snd_wl1 = seq;
}

/* Our receive MSS guess before data arrives: what we can expect from the peer. */
static void tcp_initialize_rcv_mss(struct sock *sk)
{
	const struct tcp_sock *tp = tcp_sk(sk);
	unsigned int hint = min_t(unsigned int, tp->advmss, tp->mss_cache);

	hint = min(hint, tp->rcv_wnd / 2);
	hint = min(hint, TCP_MSS_DEFAULT);
	hint = max(hint, TCP_MIN_MSS);
	inet_csk(sk)->icsk_ack.rcv_mss = hint;
}

/* Buffers and windows of a connection that just became established. */
void tcp_init_buffer_space(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u32 maxwin = tcp_win_from_space(tcp_full_space(sk));

	if (tp->window_clamp >= maxwin)
		tp->window_clamp = max(maxwin, tp->advmss);
	tp->rcv_ssthresh = min(tp->rcv_ssthresh, tp->window_clamp);
	tp->rcvq_space.space = tp->rcv_wnd;
	tp->snd_cwnd_stamp = tcp_jiffies32;
}

/* Common to both ends when the connection becomes ESTABLISHED. */
void tcp_init_transfer(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	tcp_init_buffer_space(sk);
	tp->lsndtime = tcp_jiffies32;
	tp->chrono_start = tcp_jiffies32;
	tcp_init_congestion_control(sk);
	if (sock_flag(sk, SOCK_KEEPOPEN))
		inet_csk_reset_keepalive_timer(sk, keepalive_time_when(tp));
}

/* SYN-SENT -> ESTABLISHED: wake the connect() sleeper (inet_wait_for_connect). */
noinline void tcp_finish_connect(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);

	tcp_set_state(sk, TCP_ESTABLISHED);
	inet_csk(sk)->icsk_ack.lrcvtime = tcp_jiffies32;
	tcp_init_transfer(sk);
	tp->lsndtime = tcp_jiffies32;
	tcp_fast_path_on(tp);

	if (!sock_flag(sk, SOCK_DEAD)) {
		sk->sk_state_change(sk);
		sk_wake_async(sk, SOCK_WAKE_IO, POLL_OUT);
	}
}

/*
 * RFC 9293 3.10.7.3 "If the state is SYN-SENT". Returns -1 when the segment was handled and the
 * caller continues at step 6, 0 when it was consumed, 1 when the caller must send a reset.
 */
static noinline int tcp_rcv_synsent_state_process(struct sock *sk, struct sk_buff *skb,
						  const struct tcphdr *th)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);
	int saved_clamp = tp->rx_opt.mss_clamp;

	tcp_parse_options(skb, &tp->rx_opt, 0);
	if (tp->rx_opt.saw_tstamp && tp->rx_opt.rcv_tsecr)
		tp->rx_opt.rcv_tsecr -= tp->tsoffset;

	if (th->ack) {
		/* "If SEG.ACK =< ISS, or SEG.ACK > SND.NXT, send a reset (unless the RST bit is set)". */
		if (!after(TCP_SKB_CB(skb)->ack_seq, tp->snd_una) ||
		    after(TCP_SKB_CB(skb)->ack_seq, tp->snd_nxt))
			goto reset_and_undo;

		/* RFC 7323: the echoed timestamp must be one we sent during this connect. */
		if (tp->rx_opt.saw_tstamp && tp->rx_opt.rcv_tsecr &&
		    !between(tp->rx_opt.rcv_tsecr, tp->retrans_stamp, tcp_time_stamp_raw()))
			goto reset_and_undo;

		/* The ACK is acceptable. "If the RST bit is set ... connection reset". */
		if (th->rst) {
			tcp_reset(sk, skb);
			goto discard;
		}
		/* "fifth, if neither of the SYN or RST bits is set then drop the segment and return." */
		if (!th->syn)
			goto discard_and_undo;

		/* Our SYN is acknowledged: RCV.NXT = SEG.SEQ+1, IRS = SEG.SEQ, ESTABLISHED. */
		tcp_init_wl(tp, TCP_SKB_CB(skb)->seq);
		tcp_ack(sk, skb, FLAG_SLOWPATH);

		tp->rcv_nxt = TCP_SKB_CB(skb)->seq + 1;
		tp->rcv_wup = TCP_SKB_CB(skb)->seq + 1;

		/* RFC 7323 2.2: the window of a SYN is never scaled. */
		tp->snd_wnd = ntohs(th->window);
		if (!tp->rx_opt.wscale_ok) {
			tp->rx_opt.snd_wscale = tp->rx_opt.rcv_wscale = 0;
			tp->window_clamp = min(tp->window_clamp, 65535U);
		}
		if (tp->rx_opt.saw_tstamp) {
			tp->rx_opt.tstamp_ok = 1;
			tp->tcp_header_len = sizeof(struct tcphdr) + TCPOLEN_TSTAMP_ALIGNED;
			tp->advmss -= TCPOLEN_TSTAMP_ALIGNED;
			tcp_store_ts_recent(tp);
		} else {
			tp->tcp_header_len = sizeof(struct tcphdr);
		}
		tp->max_window = max(tp->max_window, tp->snd_wnd);
		tcp_sync_mss(sk, icsk->icsk_pmtu_cookie);
		tcp_initialize_rcv_mss(sk);
		tp->copied_seq = tp->rcv_nxt;

		tcp_finish_connect(sk, skb);
		/* RFC 9293 3.5: complete the handshake with an ACK now (quickack after the handshake). */
		tcp_enter_quickack_mode(sk, TCP_MAX_QUICKACKS);
		tcp_send_ack(sk);
		return -1;
	}

	/* No ACK: "If the RST bit is set ... drop the segment and return". */
	if (th->rst)
		goto discard_and_undo;

	if (tp->rx_opt.ts_recent_stamp && tp->rx_opt.saw_tstamp && tcp_paws_reject(&tp->rx_opt, 0))
		goto discard_and_undo;

	if (th->syn) {
		/* RFC 9293 3.5 figure 7: crossed SYNs, a simultaneous open. Answer with SYN-ACK. */
		tcp_set_state(sk, TCP_SYN_RECV);
		if (tp->rx_opt.saw_tstamp) {
			tp->rx_opt.tstamp_ok = 1;
			tcp_store_ts_recent(tp);
			tp->tcp_header_len = sizeof(struct tcphdr) + TCPOLEN_TSTAMP_ALIGNED;
		} else {
			tp->tcp_header_len = sizeof(struct tcphdr);
		}
		tp->rcv_nxt = TCP_SKB_CB(skb)->seq + 1;
		tp->copied_seq = tp->rcv_nxt;
		tp->rcv_wup = TCP_SKB_CB(skb)->seq + 1;
		tp->snd_wnd = ntohs(th->window);
		tp->snd_wl1 = TCP_SKB_CB(skb)->seq;
		tp->max_window = tp->snd_wnd;
		if (!tp->rx_opt.wscale_ok) {
			tp->rx_opt.snd_wscale = tp->rx_opt.rcv_wscale = 0;
			tp->window_clamp = min(tp->window_clamp, 65535U);
		}
		tcp_sync_mss(sk, icsk->icsk_pmtu_cookie);
		tcp_initialize_rcv_mss(sk);
		tcp_send_synack(sk);
		goto discard;
	}

discard_and_undo:
	tcp_clear_options(&tp->rx_opt);
	tp->rx_opt.mss_clamp = saved_clamp;
discard:
	tcp_drop(sk, skb);
	return 0;

reset_and_undo:
	tcp_clear_options(&tp->rx_opt);
	tp->rx_opt.mss_clamp = saved_clamp;
	return 1;
}

/*
 * Every state but ESTABLISHED (RFC 9293 3.10.7). Returns nonzero when the caller
 * (tcp_v4_do_rcv) must answer with a reset; the skb is then still the caller's.
 */
noinline int tcp_rcv_state_process(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct inet_connection_sock *icsk = inet_csk(sk);
	const struct tcphdr *th = tcp_hdr(skb);
	int queued = 0;
	int acceptable;

	switch (sk->sk_state) {
	case TCP_CLOSE:
		goto discard;

	case TCP_LISTEN:
		/* RFC 9293 3.10.7.2: an ACK to a listener gets a reset, a RST is ignored. */
		if (th->ack)
			return 1;
		if (th->rst)
			goto discard;
		if (th->syn) {
			if (th->fin)
				goto discard;
			acceptable = icsk->icsk_af_ops->conn_request(sk, skb) >= 0;
			if (!acceptable)
				return 1;
			consume_skb(skb);
			return 0;
		}
		goto discard;

	case TCP_SYN_SENT:
		tp->rx_opt.saw_tstamp = 0;
		tp->tcp_mstamp = tcp_clock_us();
		queued = tcp_rcv_synsent_state_process(sk, skb, th);
		if (queued >= 0)
			return queued;
		/* Step 6 onwards by hand: nothing to do with the SYN-ACK's (absent) data. */
		__kfree_skb(skb);
		tcp_data_snd_check(sk);
		return 0;
	}

	tp->tcp_mstamp = tcp_clock_us();
	tp->rx_opt.saw_tstamp = 0;

	if (!th->ack && !th->rst && !th->syn)
		goto discard;
	if (!tcp_validate_incoming(sk, skb, th, 0))
		return 0;

	/* Step 5: the ACK field. */
	acceptable = tcp_ack(sk, skb, FLAG_SLOWPATH | FLAG_UPDATE_TS_RECENT | FLAG_NO_CHALLENGE_ACK) > 0;
	if (!acceptable) {
		if (sk->sk_state == TCP_SYN_RECV)
			return 1;	/* RFC 9293 3.10.7.4: unacceptable ACK in SYN-RECEIVED -> reset */
		tcp_send_challenge_ack(sk, skb);
		goto discard;
	}

	switch (sk->sk_state) {
	case TCP_SYN_RECV:
		/* Our SYN-ACK is acknowledged (passive open child, or simultaneous open). */
		if (!tp->srtt_us)
			tcp_ack_update_rtt(sk, FLAG_SYN_ACKED, -1, -1);	/* first sample from the timestamp echo */
		if (sk->sk_socket)	/* simultaneous open: the connecting process owns the socket */
			tcp_init_transfer(sk);
		tp->copied_seq = tp->rcv_nxt;
		tcp_set_state(sk, TCP_ESTABLISHED);
		sk->sk_state_change(sk);
		if (sk->sk_socket)
			sk_wake_async(sk, SOCK_WAKE_IO, POLL_OUT);
		tp->snd_una = TCP_SKB_CB(skb)->ack_seq;
		tp->snd_wnd = ntohs(th->window) << tp->rx_opt.snd_wscale;
		tcp_init_wl(tp, TCP_SKB_CB(skb)->seq);
		tp->max_window = max(tp->max_window, tp->snd_wnd);
		tp->lsndtime = tcp_jiffies32;
		tcp_fast_path_on(tp);
		break;

	case TCP_FIN_WAIT1:
		if (tp->snd_una != tp->write_seq)
			break;	/* our FIN is not acknowledged yet */
		tcp_set_state(sk, TCP_FIN_WAIT2);
		sk->sk_shutdown |= SEND_SHUTDOWN;
		if (!sock_flag(sk, SOCK_DEAD)) {
			/* Wake a lingering close() or a poller. */
			sk->sk_state_change(sk);
			break;
		}
		/* Orphaned: FIN_WAIT2 lasts at most tcp_fin_timeout (TCP_LINGER2). */
		if (tp->linger2 < 0) {
			tcp_done(sk);
			NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPABORTONDATA);
			return 1;
		}
		if (TCP_SKB_CB(skb)->end_seq != TCP_SKB_CB(skb)->seq &&
		    after(TCP_SKB_CB(skb)->end_seq - th->fin, tp->rcv_nxt)) {
			/* Data after close(): RFC 9293 3.10.7.4 step 7 -- reset. */
			tcp_done(sk);
			NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPABORTONDATA);
			return 1;
		}
		{
			int tmo = tcp_fin_time(sk);

			if (tmo > (int)TCP_TIMEWAIT_LEN) {
				/* Long FIN_WAIT2: keep the full socket, tcp_keepalive_timer ends it. */
				tcp_reset_keepalive_timer(sk, tmo - TCP_TIMEWAIT_LEN);
			} else if (th->fin || sock_owned_by_user(sk)) {
				/* The FIN is processed below; keep the socket to see it. */
				tcp_reset_keepalive_timer(sk, tmo);
			} else {
				tcp_time_wait(sk, TCP_FIN_WAIT2, tmo);
				goto consume;
			}
		}
		break;

	case TCP_CLOSING:
		if (tp->snd_una == tp->write_seq) {
			tcp_time_wait(sk, TCP_TIME_WAIT, 0);
			goto consume;
		}
		break;

	case TCP_LAST_ACK:
		if (tp->snd_una == tp->write_seq) {
			tcp_done(sk);
			goto consume;
		}
		break;
	}

	/* Step 6: URG. */
	tcp_urg(sk, skb, th);

	/* Step 7: the segment text. */
	switch (sk->sk_state) {
	case TCP_CLOSE_WAIT:
	case TCP_CLOSING:
	case TCP_LAST_ACK:
		/* The peer's FIN came already: anything new from it is bogus. */
		if (!before(TCP_SKB_CB(skb)->seq, tp->rcv_nxt))
			break;
		/* fall through */
	case TCP_FIN_WAIT1:
	case TCP_FIN_WAIT2:
		/* RFC 1122 4.2.2.13: data for a socket the user closed is answered with a reset. */
		if (sk->sk_shutdown & RCV_SHUTDOWN) {
			if (TCP_SKB_CB(skb)->end_seq != TCP_SKB_CB(skb)->seq &&
			    after(TCP_SKB_CB(skb)->end_seq - th->fin, tp->rcv_nxt)) {
				NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPABORTONDATA);
				tcp_reset(sk, skb);
				return 1;
			}
		}
		/* fall through */
	case TCP_ESTABLISHED:
		tcp_data_queue(sk, skb);
		queued = 1;
		break;
	}

	/* tcp_data_queue may have moved us to TIME_WAIT (the socket is then gone: tcp_time_wait). */
	if (sk->sk_state != TCP_CLOSE) {
		tcp_data_snd_check(sk);
		tcp_ack_snd_check(sk);
	}
	if (!queued) {
discard:
		tcp_drop(sk, skb);
	}
	return 0;

consume:
	__kfree_skb(skb);
	return 0;
}

/* ---- passive open ------------------------------------------------------------------------- */

/* A request sock for a SYN to listener sk_listener (TCP_NEW_SYN_RECV, hashed later). */
static struct request_sock *inet_reqsk_alloc(const struct request_sock_ops *ops, struct sock *sk_listener,
					     bool attach_listener)
{
	struct request_sock *req = reqsk_alloc(ops, sk_listener, attach_listener);

	if (req) {
		struct inet_request_sock *ireq = inet_rsk(req);

		ireq->ireq_state = TCP_NEW_SYN_RECV;
		ireq->ireq_family = sk_listener->sk_family;
	}
	return req;
}

/* The receive window and our shift for the SYN-ACK (the child inherits them). */
static void tcp_openreq_init_rwin(struct request_sock *req, const struct sock *sk_listener,
				  const struct dst_entry *dst)
{
	struct inet_request_sock *ireq = inet_rsk(req);
	const struct tcp_sock *tp = tcp_sk(sk_listener);
	int full_space = tcp_win_from_space(tcp_full_space(sk_listener));
	u32 window_clamp = tp->window_clamp;
	u32 mss = dst_mtu(dst) - sizeof(struct iphdr) - sizeof(struct tcphdr);
	u32 rcv_wnd;
	u8 rcv_wscale;

	if (tp->rx_opt.user_mss && tp->rx_opt.user_mss < mss)
		mss = tp->rx_opt.user_mss;
	if (ireq->tstamp_ok)
		mss -= TCPOLEN_TSTAMP_ALIGNED;
	tcp_select_initial_window(sk_listener, full_space, mss, &rcv_wnd, &window_clamp, ireq->wscale_ok,
				  &rcv_wscale, 0);
	req->rsk_rcv_wnd = rcv_wnd;
	ireq->rcv_wscale = rcv_wscale;
}

/*
 * RFC 9293 3.10.7.2 LISTEN, SYN arrives: a request sock goes into the SYN queue (bounded by the
 * listen backlog; overflow is a counted drop, which the client's SYN retransmission retries),
 * and the SYN-ACK goes out. Always returns 0: the SYN is consumed either way.
 */
noinline int tcp_conn_request(struct request_sock_ops *rsk_ops, const struct tcp_request_sock_ops *af_ops,
			      struct sock *sk, struct sk_buff *skb)
{
	struct tcp_options_received tmp_opt;
	struct tcp_sock *tp = tcp_sk(sk);
	struct request_sock *req;
	struct dst_entry *dst;
	struct flowi4 fl4;
	u32 isn;

	if (inet_csk_reqsk_queue_is_full(sk)) {
		NET_INC_STATS(sock_net(sk), LINUX_MIB_LISTENDROPS);
		goto drop;
	}
	if (sk_acceptq_is_full(sk)) {
		NET_INC_STATS(sock_net(sk), LINUX_MIB_LISTENOVERFLOWS);
		goto drop;
	}

	req = inet_reqsk_alloc(rsk_ops, sk, true);
	if (!req)
		goto drop;

	tcp_clear_options(&tmp_opt);
	tmp_opt.mss_clamp = af_ops->mss_clamp;
	tmp_opt.user_mss = tp->rx_opt.user_mss;
	tcp_parse_options(skb, &tmp_opt, 0);
	tmp_opt.tstamp_ok = tmp_opt.saw_tstamp;

	tcp_openreq_init(req, &tmp_opt, skb, sk);
	af_ops->init_req(req, sk, skb);
	if (tmp_opt.tstamp_ok)
		tcp_rsk(req)->ts_off = af_ops->init_ts_off(skb);
	isn = af_ops->init_seq(skb);

	dst = inet_csk_route_req(sk, &fl4, req);
	if (!dst)
		goto drop_and_free;
	tcp_openreq_init_rwin(req, sk, dst);
	tcp_rsk(req)->snt_isn = isn;
	tcp_rsk(req)->snt_synack = tcp_time_stamp_raw();

	inet_csk_reqsk_queue_hash_add(sk, req, TCP_TIMEOUT_INIT);
	af_ops->send_synack(sk, dst, req);
	reqsk_put(req);
	return 0;

drop_and_free:
	__reqsk_free(req);
drop:
	NET_INC_STATS(sock_net(sk), LINUX_MIB_LISTENDROPS);
	return 0;
}
