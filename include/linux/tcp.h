/*
 * The TCP control block, as Linux lays it out: struct tcp_sock extends struct inet_connection_sock
 * (which extends inet_sock, which extends sock), so tcp_sk(sk) is a cast. Also the TCP parts of a
 * request sock (SYN queue entry) and of a TIME_WAIT sock, and tcp_hdr(skb).
 *
 * Names follow Linux so a reader's `p tcp_sk(sk)->snd_una` works in gdb. Sequence-space fields are
 * compared only with before()/after() (include/net/tcp.h).
 */
#ifndef _LINUX_TCP_H
#define _LINUX_TCP_H

#include <linux/skbuff.h>
#include <net/inet_connection_sock.h>
#include <net/inet_timewait_sock.h>
#include <uapi/linux/tcp.h>

static inline struct tcphdr *tcp_hdr(const struct sk_buff *skb)
{
	return (struct tcphdr *)skb_transport_header(skb);
}

static inline unsigned int __tcp_hdrlen(const struct tcphdr *th)
{
	return th->doff * 4;
}

static inline unsigned int tcp_hdrlen(const struct sk_buff *skb)
{
	return __tcp_hdrlen(tcp_hdr(skb));
}

/* RFC 2018: a SACK block, [start_seq, end_seq) in host order. */
struct tcp_sack_block {
	u32 start_seq;
	u32 end_seq;
};

#define TCP_NUM_SACKS	4	/* blocks we keep; at most 3 fit next to a timestamp (RFC 2018 3) */

/* What the peer's options told us (tcp_parse_options), and what we agreed on at the handshake. */
struct tcp_options_received {
	int ts_recent_stamp;	/* seconds (get_seconds-like, from jiffies) when ts_recent was taken (PAWS 24-day rule) */
	u32 ts_recent;		/* RFC 7323 TS.Recent: tsval to echo */
	u32 rcv_tsval;		/* tsval of the segment being processed */
	u32 rcv_tsecr;		/* tsecr of the segment being processed */
	u16 saw_tstamp : 1,	/* this segment carried a timestamp option */
	    tstamp_ok : 1,	/* timestamps agreed at the handshake */
	    dsack : 1,		/* a D-SACK block is pending to be sent */
	    wscale_ok : 1,	/* window scaling agreed */
	    sack_ok : 4,	/* SACK agreed (bit 0) */
	    snd_wscale : 4,	/* the peer's shift: scales the windows it sends us */
	    rcv_wscale : 4;	/* our shift: scales the windows we send */
	u8 num_sacks;		/* SACK blocks in selective_acks[] to send */
	u16 user_mss;		/* TCP_MAXSEG */
	u16 mss_clamp;		/* the peer's MSS option, capped by user_mss */
};

static inline void tcp_clear_options(struct tcp_options_received *rx_opt)
{
	rx_opt->tstamp_ok = rx_opt->sack_ok = 0;
	rx_opt->wscale_ok = rx_opt->snd_wscale = 0;
}

struct tcp_sock {
	struct inet_connection_sock inet_conn;	/* must be first */
	u16 tcp_header_len;	/* bytes of header + fixed options we send on data segments */

	/*
	 * Header prediction (tcp_rcv_established): the 4th header word (doff, flags, window) that the
	 * next in-order segment of a bulk transfer will carry; 0 switches the fast path off.
	 */
	__be32 pred_flags;

	/* RFC 9293 3.3.1 receive sequence space. */
	u32 rcv_nxt;		/* RCV.NXT: next sequence we expect */
	u32 copied_seq;		/* head of data not yet read by the user */
	u32 rcv_wup;		/* rcv_nxt when we last announced a window */
	u32 bytes_received;	/* RFC 4898 tcpEStatsAppHCThruOctetsReceived */
	u32 segs_in;
	u32 data_segs_in;

	/* RFC 9293 3.3.1 send sequence space. */
	u32 snd_nxt;		/* SND.NXT: next sequence we send */
	u32 snd_una;		/* SND.UNA: oldest unacknowledged sequence */
	u32 snd_sml;		/* end of the last small (sub-MSS) segment sent: Nagle */
	u32 rcv_tstamp;		/* jiffies of the last ACK received (keepalive) */
	u32 lsndtime;		/* jiffies of the last data sent (restart after idle) */
	u64 bytes_acked;	/* RFC 4898 tcpEStatsAppHCThruOctetsAcked */
	u32 segs_out;
	u32 data_segs_out;
	u64 bytes_sent;

	u32 snd_wl1;		/* SND.WL1: seq of the segment that last updated the window */
	u32 snd_wnd;		/* SND.WND: the peer's window, already scaled */
	u32 max_window;		/* largest window the peer ever offered */
	u32 mss_cache;		/* current effective sending MSS */

	u32 window_clamp;	/* largest window we will ever advertise */
	u32 rcv_ssthresh;	/* current window clamp while the receive window grows */

	u32 packets_out;	/* segments sent and not yet acknowledged ("in flight" before SACK/loss) */
	u32 retrans_out;	/* retransmitted segments in flight */
	u32 sacked_out;		/* SACKed segments (or dupacks counted as such without SACK) */
	u32 lost_out;		/* segments marked lost */

	u8 nonagle : 4,		/* TCP_NAGLE_* bits: TCP_NODELAY, cork, "push this one" */
	   orphan_counted : 1;	/* counted in tcp_orphan_count (closed by its owner, still finishing) */
	u8 keepalive_probes;	/* TCP_KEEPCNT */
	u8 urg_data;		/* urgent data state (we ignore urgent data safely) */

	/* RFC 6298 retransmission timer state, in microseconds << 3 like Linux. */
	u32 srtt_us;		/* smoothed RTT << 3 */
	u32 mdev_us;		/* mean deviation (RTTVAR) << 2 */
	u32 rttvar_us;		/* RTTVAR used for the RTO << 2 */
	u32 rtt_seq;		/* snd_nxt when rttvar was last reset */
	u64 rtx_mstamp;		/* microsecond clock of the last retransmission (RTT sample validity) */
	u32 rtt_min_us;		/* smallest RTT seen (for tcp_info) */

	/* RFC 5681/6582 congestion control. */
	u32 snd_ssthresh;	/* slow start threshold */
	u32 snd_cwnd;		/* congestion window, in segments */
	u32 snd_cwnd_cnt;	/* linear increase counter (congestion avoidance) */
	u32 snd_cwnd_clamp;
	u32 snd_cwnd_stamp;
	u32 prior_cwnd;		/* cwnd before entering recovery/loss */
	u32 prior_ssthresh;	/* ssthresh saved for undo */
	u32 high_seq;		/* RFC 6582 "recover": snd_nxt at the start of recovery/loss */
	u32 retrans_stamp;	/* ms stamp of the first retransmission (undo, give-up time) */
	u32 undo_marker;	/* snd_una at the start of recovery (undo tracking) */
	int undo_retrans;
	u32 total_retrans;	/* segments retransmitted over the connection's life */
	u32 reordering;		/* dupack threshold (RFC 5681: 3) */

	u32 rcv_wnd;		/* current receiver window we announced */
	u32 write_seq;		/* tail of data queued by the user (+1 for a queued FIN) */
	u32 pushed_seq;		/* last pushed seq: up to here PSH has been set */
	u16 advmss;		/* MSS we announce */

	/* Receiver-side RTT estimate and buffer autotuning (kept simple). */
	struct {
		u32 space;
		u32 seq;
		u64 time;
	} rcvq_space;

	u32 tsoffset;		/* RFC 7323 5.4: per-connection offset added to our timestamps */
	struct tcp_options_received rx_opt;

	struct tcp_sack_block duplicate_sack[1];	/* D-SACK block (RFC 2883) */
	struct tcp_sack_block selective_acks[TCP_NUM_SACKS];	/* SACK blocks we send (RFC 2018) */

	/*
	 * Segments beyond rcv_nxt, ordered by seq and non-overlapping at insertion (tcp_data_queue_ofo).
	 * Linux uses an rbtree; a sorted list reads more simply and the queue is bounded by rcvbuf.
	 */
	struct sk_buff_head out_of_order_queue;
	/* Sent and not yet acknowledged segments, in sequence order (Linux: sk->tcp_rtx_queue). */
	struct sk_buff_head tcp_rtx_queue;
	struct sk_buff *highest_sack;

	int linger2;		/* TCP_LINGER2: FIN_WAIT2 lifetime of orphans, jiffies; <0 = no FIN_WAIT2 */
	u32 keepalive_time;	/* TCP_KEEPIDLE, jiffies (0 = sysctl default) */
	u32 keepalive_intvl;	/* TCP_KEEPINTVL, jiffies */
	u32 last_oow_ack_time;	/* RFC 5961 / out-of-window dupack rate limit */
	u32 rcv_ooopack;
	u64 tcp_mstamp;		/* microsecond clock of the most recent send or receive */
	u32 chrono_start;	/* jiffies the connection became ESTABLISHED (tcp_info uptime) */
	u32 snd_up;
	unsigned long tsq_flags;	/* timer work deferred to tcp_release_cb while a process owns the socket */
};

static inline struct tcp_sock *tcp_sk(const struct sock *sk)
{
	return (struct tcp_sock *)sk;
}

/* A SYN queue entry: the TCP part of a request sock (Linux include/linux/tcp.h). */
struct tcp_request_sock {
	struct inet_request_sock req;
	u32 rcv_isn;		/* the peer's ISN */
	u32 snt_isn;		/* our ISN */
	u32 ts_off;		/* tsoffset the child will use */
	u32 snt_synack;		/* ms stamp of the first SYN-ACK, for the first RTT sample */
	u32 rcv_nxt;		/* rcv_isn + 1 */
	u32 last_oow_ack_time;	/* rate limit of ACKs/SYN-ACKs to out-of-window segments */
};

static inline struct tcp_request_sock *tcp_rsk(const struct request_sock *req)
{
	return (struct tcp_request_sock *)req;
}

/* What a TIME_WAIT sock remembers of the connection (RFC 9293 3.6.1, RFC 7323 5.5). */
struct tcp_timewait_sock {
	struct inet_timewait_sock tw_sk;
	u32 tw_rcv_wnd;
	u32 tw_ts_offset;
	u32 tw_ts_recent;
	int tw_ts_recent_stamp;
	u32 tw_rcv_nxt;		/* ack value to repeat for a retransmitted FIN */
	u32 tw_snd_nxt;
	u32 tw_last_oow_ack_time;
};

static inline struct tcp_timewait_sock *tcp_twsk(const struct sock *sk)
{
	return (struct tcp_timewait_sock *)sk;
}

#endif
