/*
 * TCP inside the stack: constants (timers, options, flags), the per-skb control block TCP_SKB_CB,
 * sequence-number arithmetic, congestion control ops, and every function one TCP file calls in
 * another (net/ipv4/tcp*.c). struct tcp_sock itself is in <linux/tcp.h>.
 */
#ifndef _NET_TCP_H
#define _NET_TCP_H

#include <linux/tcp.h>
#include <linux/jiffies.h>
#include <linux/unaligned.h>
#include <net/tcp_states.h>
#include <net/sock.h>
#include <net/inet_connection_sock.h>
#include <net/inet_hashtables.h>
#include <net/request_sock.h>
#include <net/inet_timewait_sock.h>
#include <net/snmp.h>
#include <net/ip.h>
#include <net/checksum.h>

#define MAX_TCP_HEADER		(128 + MAX_HEADER)	/* headroom for TCP + IP + link headers */
#define MAX_TCP_OPTION_SPACE	40
#define TCP_MIN_MSS		88U
#define TCP_BASE_MSS		1024
#define TCP_MSS_DEFAULT		536U	/* RFC 9293 3.7.1: MSS when the peer sends no MSS option */
#define MAX_TCP_WINDOW		32767U	/* largest window before scaling is agreed (Linux: signed 16-bit safe) */
#define TCP_INIT_CWND		10	/* RFC 6928 initial window */
#define TCP_FASTRETRANS_THRESH	3	/* RFC 5681 3.2: three duplicate ACKs */
#define TCP_MAX_QUICKACKS	16U
#define TCP_URG_VALID		0x0100

#define TCP_SYN_RETRIES		6	/* 1+2+4+8+16+32+64 = 127 s before ETIMEDOUT */
#define TCP_SYNACK_RETRIES	5
#define TCP_RETR1		3	/* RFC 1122 4.2.3.5 R1 */
#define TCP_RETR2		15	/* R2: give up after this many RTO backoffs */
#define TCP_ORPHAN_RETRIES	8

#define TCP_RTO_MAX		((unsigned int)(120 * HZ))	/* RFC 6298 2.5: an upper bound of at least 60 s */
#define TCP_RTO_MIN		((unsigned int)(HZ / 5))	/* RFC 6298 2.4 allows a floor below 1 s; Linux uses 200 ms */
#define TCP_TIMEOUT_INIT	((unsigned int)(1 * HZ))	/* RFC 6298 2.1: initial RTO of 1 s */
#define TCP_TIMEOUT_FALLBACK	((unsigned int)(3 * HZ))	/* RFC 6298 5.7: RTO after a lost SYN */
#define TCP_DELACK_MAX		((unsigned int)(HZ / 5))	/* RFC 1122 4.2.3.2: delay an ACK at most 200 ms */
#define TCP_DELACK_MIN		((unsigned int)(HZ / 25))
#define TCP_ATO_MIN		((unsigned int)(HZ / 25))
#define TCP_RESOURCE_PROBE_INTERVAL ((unsigned int)(HZ / 2))
#define TCP_FIN_TIMEOUT		(60 * HZ)	/* orphaned FIN_WAIT2 lifetime (Linux tcp_fin_timeout) */
#define TCP_PAWS_24DAYS		(60 * 60 * 24 * 24)	/* RFC 7323 5.5: ts_recent older than this is invalid */
#define TCP_PAWS_MSL		60
#define TCP_PAWS_WINDOW		1

#define TCP_KEEPALIVE_TIME	(120 * 60 * HZ)	/* RFC 1122 4.2.3.6: at least two hours idle */
#define TCP_KEEPALIVE_PROBES	9
#define TCP_KEEPALIVE_INTVL	(75 * HZ)
#define MAX_TCP_KEEPIDLE	32767
#define MAX_TCP_KEEPINTVL	32767
#define MAX_TCP_KEEPCNT		127
#define MAX_TCP_SYNCNT		127

/*
 * RFC 9293 3.4.2 / 3.6.1: TIME_WAIT lasts 2*MSL. MSL defaults to 30 s so TIME_WAIT is Linux's 60 s;
 * `tcp.msl=SECONDS` on the command line shortens it so a lab can watch TIME_WAIT end.
 */
extern unsigned int sysctl_tcp_msl;
/* Option switches (net.ipv4.tcp_timestamps, tcp_window_scaling, tcp_sack): all on, as Linux. */
extern int sysctl_tcp_timestamps;
extern int sysctl_tcp_window_scaling;
extern int sysctl_tcp_sack;
extern int sysctl_tcp_challenge_ack_limit;	/* RFC 5961 7: challenge ACKs per second, all sockets */
extern int sysctl_tcp_invalid_ratelimit;	/* jiffies between out-of-window dupacks per socket */
extern int sysctl_tcp_fin_timeout;		/* orphaned FIN_WAIT2 lifetime, jiffies */
extern int sysctl_tcp_max_orphans;
#define TCP_TIMEWAIT_LEN	((unsigned long)2 * sysctl_tcp_msl * HZ)

/* Option kinds (RFC 9293 3.2, RFC 7323, RFC 2018) and lengths. */
#define TCPOPT_EOL		0
#define TCPOPT_NOP		1
#define TCPOPT_MSS		2
#define TCPOPT_WINDOW		3
#define TCPOPT_SACK_PERM	4
#define TCPOPT_SACK		5
#define TCPOPT_TIMESTAMP	8

#define TCPOLEN_MSS		4
#define TCPOLEN_WINDOW		3
#define TCPOLEN_SACK_PERM	2
#define TCPOLEN_TIMESTAMP	10
#define TCPOLEN_SACK_BASE	2
#define TCPOLEN_SACK_PERBLOCK	8
#define TCPOLEN_TSTAMP_ALIGNED	12
#define TCPOLEN_SACK_BASE_ALIGNED 4
#define TCPOLEN_WSCALE_ALIGNED	4
#define TCPOLEN_MSS_ALIGNED	4

/* Flag bits as in byte 13 of the header (TCP_SKB_CB(skb)->tcp_flags). */
#define TCPHDR_FIN	0x01
#define TCPHDR_SYN	0x02
#define TCPHDR_RST	0x04
#define TCPHDR_PSH	0x08
#define TCPHDR_ACK	0x10
#define TCPHDR_URG	0x20
#define TCPHDR_ECE	0x40
#define TCPHDR_CWR	0x80

static inline u8 tcp_flag_byte(const struct tcphdr *th)
{
	return ((const u8 *)th)[13];
}

/* tp->nonagle bits. */
#define TCP_NAGLE_OFF		1	/* TCP_NODELAY */
#define TCP_NAGLE_CORK		2	/* TCP_CORK */
#define TCP_NAGLE_PUSH		4	/* push the pending small segment now */

/*
 * Per-segment state in skb->cb: where the segment sits in sequence space, its flags, and when it
 * was sent. On receive tcp_v4_rcv fills it from the header; on send tcp_connect/tcp_sendmsg do.
 */
struct tcp_skb_cb {
	u32 seq;		/* first sequence number */
	u32 end_seq;		/* seq + SYN + FIN + data length */
	u64 tx_mstamp;		/* microsecond clock when (re)sent; RTT samples (RFC 6298) */
	u8 tcp_flags;		/* TCPHDR_* */
	u8 sacked;		/* TCPCB_* state of a sent segment */
	u8 ip_dsfield;
	u8 unused;
	u32 ack_seq;		/* received: the ACK field */
	u32 tcp_tw_isn;		/* received SYN reopening a TIME_WAIT connection: the ISN to use */
};

#define TCPCB_SACKED_ACKED	0x01	/* the peer SACKed it */
#define TCPCB_SACKED_RETRANS	0x02	/* retransmitted and not yet acked */
#define TCPCB_LOST		0x04	/* marked lost (retransmit it) */
#define TCPCB_EVER_RETRANS	0x80	/* retransmitted at least once: no RTT sample (Karn) */
#define TCPCB_RETRANS		(TCPCB_SACKED_RETRANS | TCPCB_EVER_RETRANS)

#define TCP_SKB_CB(__skb)	((struct tcp_skb_cb *)&((__skb)->cb[0]))

/*
 * Sequence numbers are 32-bit and wrap (RFC 9293 3.4): compare them only through these.
 * before(a, b) is true when a is "earlier" than b in the 2^31 window.
 */
static inline bool before(u32 seq1, u32 seq2)
{
	return (s32)(seq1 - seq2) < 0;
}
#define after(seq2, seq1)	before(seq1, seq2)

/* seq1 <= seq2 <= seq3 in sequence space */
static inline bool between(u32 seq1, u32 seq2, u32 seq3)
{
	return seq3 - seq2 >= seq1 - seq2;
}

/* Header prediction: the 4th 32-bit word of the header (doff, flags, window), network order. */
union tcp_word_hdr {
	struct tcphdr hdr;
	__be32 words[5];
};
#define tcp_flag_word(tp)	(((union tcp_word_hdr *)(tp))->words[3])
#define TCP_FLAG_CWR		htonl(0x00800000)
#define TCP_FLAG_ECE		htonl(0x00400000)
#define TCP_FLAG_URG		htonl(0x00200000)
#define TCP_FLAG_ACK		htonl(0x00100000)
#define TCP_FLAG_PSH		htonl(0x00080000)
#define TCP_FLAG_RST		htonl(0x00040000)
#define TCP_FLAG_SYN		htonl(0x00020000)
#define TCP_FLAG_FIN		htonl(0x00010000)
#define TCP_RESERVED_BITS	htonl(0x0F000000)
#define TCP_DATA_OFFSET		htonl(0xF0000000)
/* Bits that must match pred_flags: all but PSH and the reserved ones. */
#define TCP_HP_BITS		(~(TCP_RESERVED_BITS | TCP_FLAG_PSH))

static inline void __tcp_fast_path_on(struct tcp_sock *tp, u32 snd_wnd)
{
	tp->pred_flags = htonl(((u32)tp->tcp_header_len << 26) | ntohl(TCP_FLAG_ACK) | snd_wnd);
}

static inline void tcp_fast_path_on(struct tcp_sock *tp)
{
	__tcp_fast_path_on(tp, tp->snd_wnd >> tp->rx_opt.snd_wscale);
}

/* Clocks: tcp_time_stamp in ms (our RFC 7323 TSval unit, 1 ms per tick), tcp_clock_us for RTT. */
static inline u32 tcp_time_stamp_raw(void)
{
	return (u32)jiffies_to_msecs(jiffies);
}

#define tcp_jiffies32	((u32)jiffies)

static inline u64 tcp_clock_us(void)
{
	return ktime_get_ns() / 1000;
}

static inline u32 tcp_time_stamp(const struct tcp_sock *tp)
{
	return tcp_time_stamp_raw() + tp->tsoffset;
}

/* Seconds clock for ts_recent_stamp (RFC 7323 5.5). */
static inline int tcp_get_seconds(void)
{
	return (int)(jiffies / HZ);
}

/* Congestion control (net/ipv4/tcp_cong.c); "reno" is built in and the default. */
#define TCP_CA_NAME_MAX	16
struct tcp_congestion_ops {
	struct list_head list;
	char name[TCP_CA_NAME_MAX];
	void (*init)(struct sock *sk);
	void (*release)(struct sock *sk);
	u32 (*ssthresh)(struct sock *sk);			/* new ssthresh on loss */
	void (*cong_avoid)(struct sock *sk, u32 ack, u32 acked);	/* grow cwnd on an ACK */
	void (*set_state)(struct sock *sk, u8 new_state);
	u32 (*undo_cwnd)(struct sock *sk);
};

#define TCP_INFINITE_SSTHRESH	0x7fffffff

extern struct tcp_congestion_ops tcp_reno;
int tcp_register_congestion_control(struct tcp_congestion_ops *ca);
void tcp_init_congestion_control(struct sock *sk);
void tcp_cleanup_congestion_control(struct sock *sk);
int tcp_set_congestion_control(struct sock *sk, const char *name);
u32 tcp_slow_start(struct tcp_sock *tp, u32 acked);
void tcp_cong_avoid_ai(struct tcp_sock *tp, u32 w, u32 acked);
void tcp_reno_cong_avoid(struct sock *sk, u32 ack, u32 acked);
u32 tcp_reno_ssthresh(struct sock *sk);
u32 tcp_reno_undo_cwnd(struct sock *sk);

static inline bool tcp_in_slow_start(const struct tcp_sock *tp)
{
	return tp->snd_cwnd < tp->snd_ssthresh;
}

static inline bool tcp_in_initial_slowstart(const struct tcp_sock *tp)
{
	return tp->snd_ssthresh >= TCP_INFINITE_SSTHRESH;
}

static inline void tcp_set_ca_state(struct sock *sk, u8 ca_state)
{
	struct inet_connection_sock *icsk = inet_csk(sk);

	if (icsk->icsk_ca_ops->set_state)
		icsk->icsk_ca_ops->set_state(sk, ca_state);
	icsk->icsk_ca_state = ca_state;
}

/* Segments in flight: RFC 6675 "pipe" with NewReno's dupack accounting. */
static inline unsigned int tcp_left_out(const struct tcp_sock *tp)
{
	return tp->sacked_out + tp->lost_out;
}

static inline unsigned int tcp_packets_in_flight(const struct tcp_sock *tp)
{
	return tp->packets_out - tcp_left_out(tp) + tp->retrans_out;
}

static inline bool tcp_is_sack(const struct tcp_sock *tp)
{
	return tp->rx_opt.sack_ok;
}

/* The write queue holds data not sent yet; tcp_rtx_queue holds data sent and not yet acked. */
static inline struct sk_buff *tcp_send_head(const struct sock *sk)
{
	return skb_peek(&sk->sk_write_queue);
}

static inline struct sk_buff *tcp_rtx_queue_head(const struct sock *sk)
{
	return skb_peek(&tcp_sk(sk)->tcp_rtx_queue);
}

static inline bool tcp_write_queue_empty(const struct sock *sk)
{
	return skb_queue_empty(&sk->sk_write_queue);
}

static inline bool tcp_rtx_queue_empty(const struct sock *sk)
{
	return skb_queue_empty(&tcp_sk(sk)->tcp_rtx_queue);
}

static inline bool tcp_rtx_and_write_queues_empty(const struct sock *sk)
{
	return tcp_rtx_queue_empty(sk) && tcp_write_queue_empty(sk);
}

/* Receive window still open to the peer (RFC 9293 3.8.6.2.2). */
static inline u32 tcp_receive_window(const struct tcp_sock *tp)
{
	s32 win = tp->rcv_wup + tp->rcv_wnd - tp->rcv_nxt;

	return win < 0 ? 0 : (u32)win;
}

/* RTO for the current backoff, capped (RFC 6298 5.5). */
static inline unsigned long tcp_rto_backoff(const struct inet_connection_sock *icsk)
{
	u64 when = (u64)icsk->icsk_rto << icsk->icsk_backoff;

	return (unsigned long)min_t(u64, when, TCP_RTO_MAX);
}

static inline int keepalive_time_when(const struct tcp_sock *tp)
{
	return tp->keepalive_time ? : TCP_KEEPALIVE_TIME;
}

static inline int keepalive_intvl_when(const struct tcp_sock *tp)
{
	return tp->keepalive_intvl ? : TCP_KEEPALIVE_INTVL;
}

static inline int keepalive_probes(const struct tcp_sock *tp)
{
	return tp->keepalive_probes ? : TCP_KEEPALIVE_PROBES;
}

/* RFC 9293 3.1 checksum over the pseudo-header. */
static inline __sum16 tcp_v4_check(int len, __be32 saddr, __be32 daddr, __wsum base)
{
	return csum_tcpudp_magic(saddr, daddr, len, IPPROTO_TCP, base);
}

static inline int tcp_space(const struct sock *sk)
{
	int space = sk->sk_rcvbuf - atomic_read(&sk->sk_rmem_alloc);

	return space < 0 ? 0 : space;
}

static inline int tcp_full_space(const struct sock *sk)
{
	return sk->sk_rcvbuf;
}

/* Receive-buffer bytes that can become window: skbs cost truesize, up to about twice their payload. */
static inline int tcp_win_from_space(int space)
{
	return space > 0 ? space >> 1 : 0;
}

/* How long an orphaned FIN_WAIT2 socket lives: TCP_LINGER2 or tcp_fin_timeout, at least 3.5 RTO. */
static inline int tcp_fin_time(const struct sock *sk)
{
	int fin_timeout = tcp_sk(sk)->linger2 ? : sysctl_tcp_fin_timeout;
	const int rto = inet_csk(sk)->icsk_rto;

	if (fin_timeout < (rto << 2) - (rto >> 1))
		fin_timeout = (rto << 2) - (rto >> 1);
	return fin_timeout;
}

/* Global objects. */
extern struct proto tcp_prot;
extern struct inet_hashinfo tcp_hashinfo;
extern const struct inet_connection_sock_af_ops ipv4_specific;
extern struct request_sock_ops tcp_request_sock_ops;
extern const struct tcp_request_sock_ops tcp_request_sock_ipv4_ops;
extern atomic_long_t tcp_memory_allocated;	/* SK_MEM_QUANTUM pages charged to TCP sockets, all of them */
extern long sysctl_tcp_mem[3];			/* {min, pressure, max} pages: above max TCP refuses memory */
extern int sysctl_tcp_wmem[3];
extern int sysctl_tcp_rmem[3];
extern unsigned int tcp_orphan_count;

/* net/ipv4/tcp.c */
void tcp_init(void);
void tcp_init_sock(struct sock *sk);
void tcp_set_state(struct sock *sk, int state);
void tcp_done(struct sock *sk);
int tcp_sendmsg(struct sock *sk, struct msghdr *msg, size_t size);
int tcp_sendmsg_locked(struct sock *sk, struct msghdr *msg, size_t size);
int tcp_recvmsg(struct sock *sk, struct msghdr *msg, size_t len, int nonblock, int flags, int *addr_len);
void tcp_close(struct sock *sk, long timeout);
void tcp_shutdown(struct sock *sk, int how);
int tcp_disconnect(struct sock *sk, int flags);
__poll_t tcp_poll(struct file *file, struct socket *sock, struct poll_table_struct *wait);
int tcp_ioctl(struct sock *sk, int cmd, unsigned long arg);
int tcp_setsockopt(struct sock *sk, int level, int optname, char __user *optval, unsigned int optlen);
int tcp_getsockopt(struct sock *sk, int level, int optname, char __user *optval, int __user *optlen);
void tcp_cleanup_rbuf(struct sock *sk, int copied);
void tcp_get_info(struct sock *sk, struct tcp_info *info);
void tcp_set_keepalive(struct sock *sk, int val);
bool tcp_check_oom(struct sock *sk);
void tcp_charge_skb(struct sock *sk, struct sk_buff *skb);
void tcp_uncharge_skb(struct sock *sk, struct sk_buff *skb);
void tcp_write_queue_purge(struct sock *sk);

/* net/ipv4/tcp_ipv4.c */
int tcp_v4_init_sock(struct sock *sk);
void tcp_v4_destroy_sock(struct sock *sk);
int tcp_v4_connect(struct sock *sk, struct sockaddr *uaddr, int addr_len);
int tcp_v4_rcv(struct sk_buff *skb);
int tcp_v4_err(struct sk_buff *skb, u32 info);
int tcp_v4_do_rcv(struct sock *sk, struct sk_buff *skb);
int tcp_v4_conn_request(struct sock *sk, struct sk_buff *skb);
struct sock *tcp_v4_syn_recv_sock(const struct sock *sk, struct sk_buff *skb, struct request_sock *req,
				  struct dst_entry *dst, struct request_sock *req_unhash, bool *own_req);
void tcp_v4_send_check(struct sock *sk, struct sk_buff *skb);
void tcp_v4_send_reset(const struct sock *sk, struct sk_buff *skb);
void tcp_proc_init(void);

/* net/ipv4/tcp_input.c */
int tcp_rcv_state_process(struct sock *sk, struct sk_buff *skb);
void tcp_rcv_established(struct sock *sk, struct sk_buff *skb);
void tcp_parse_options(const struct sk_buff *skb, struct tcp_options_received *opt_rx, int estab);
int tcp_conn_request(struct request_sock_ops *rsk_ops, const struct tcp_request_sock_ops *af_ops,
		     struct sock *sk, struct sk_buff *skb);
void tcp_init_transfer(struct sock *sk);
void tcp_finish_connect(struct sock *sk, struct sk_buff *skb);
void tcp_fin(struct sock *sk);
void tcp_reset(struct sock *sk, struct sk_buff *skb);
void tcp_send_challenge_ack_on(struct sock *sk);
void tcp_rcv_space_adjust(struct sock *sk);
void tcp_enter_loss(struct sock *sk);
void tcp_clear_retrans(struct tcp_sock *tp);
void tcp_set_rto(struct sock *sk);
void tcp_init_buffer_space(struct sock *sk);
void tcp_enter_quickack_mode(struct sock *sk, unsigned int max_quickacks);
bool tcp_oow_rate_limited(struct net *net, const struct sk_buff *skb, u32 *last_oow_ack_time);
bool tcp_paws_reject(const struct tcp_options_received *rx_opt, int rst);

/* net/ipv4/tcp_output.c */
int tcp_transmit_skb(struct sock *sk, struct sk_buff *skb, int clone_it, gfp_t gfp_mask);
int tcp_connect(struct sock *sk);
void tcp_send_ack(struct sock *sk);
void __tcp_send_ack(struct sock *sk, u32 rcv_nxt);
void tcp_send_delayed_ack(struct sock *sk);
void tcp_send_fin(struct sock *sk);
void tcp_send_active_reset(struct sock *sk, gfp_t priority);
bool tcp_write_xmit(struct sock *sk, unsigned int mss_now, int nonagle, int push_one, gfp_t gfp);
void __tcp_push_pending_frames(struct sock *sk, unsigned int cur_mss, int nonagle);
void tcp_push_one(struct sock *sk, unsigned int mss_now);
int tcp_retransmit_skb(struct sock *sk, struct sk_buff *skb, int segs);
void tcp_xmit_retransmit_queue(struct sock *sk);
void tcp_send_probe0(struct sock *sk);
int tcp_write_wakeup(struct sock *sk, int mib);
u32 __tcp_select_window(struct sock *sk);
unsigned int tcp_current_mss(struct sock *sk);
unsigned int tcp_sync_mss(struct sock *sk, u32 pmtu);
int tcp_mtu_to_mss(struct sock *sk, int pmtu);
void tcp_select_initial_window(const struct sock *sk, int __space, u32 mss, u32 *rcv_wnd,
			       u32 *window_clamp, int wscale_ok, u8 *rcv_wscale, u32 init_rcv_wnd);
struct sk_buff *tcp_make_synack(const struct sock *sk, struct dst_entry *dst, struct request_sock *req);
int tcp_rtx_synack(const struct sock *sk, struct request_sock *req);
void tcp_skb_free(struct sock *sk, struct sk_buff *skb);
void tcp_queue_skb_tail(struct sock *sk, struct sk_buff *skb);
struct sk_buff *tcp_stream_alloc_skb(struct sock *sk, int size, gfp_t gfp);
unsigned int tcp_skb_len(const struct sk_buff *skb);
int tcp_fragment(struct sock *sk, struct sk_buff *skb, u32 len, unsigned int mss_now, gfp_t gfp);
void tcp_send_synack(struct sock *sk);
void tcp_rearm_rto(struct sock *sk);
void tcp_simple_retransmit(struct sock *sk);

static inline void tcp_push_pending_frames(struct sock *sk)
{
	if (tcp_send_head(sk)) {
		struct tcp_sock *tp = tcp_sk(sk);

		__tcp_push_pending_frames(sk, tcp_current_mss(sk), tp->nonagle);
	}
}

/* net/ipv4/tcp_timer.c */
void tcp_init_xmit_timers(struct sock *sk);
void tcp_retransmit_timer(struct sock *sk);
void tcp_write_timer_handler(struct sock *sk);
void tcp_delack_timer_handler(struct sock *sk);
void tcp_syn_ack_timeout(const struct request_sock *req);
void tcp_reset_keepalive_timer(struct sock *sk, unsigned long len);
void tcp_write_err(struct sock *sk);
void tcp_release_cb(struct sock *sk);

static inline void tcp_clear_xmit_timers(struct sock *sk)
{
	inet_csk_clear_xmit_timers(sk);
}

/* net/ipv4/tcp_minisocks.c */
void tcp_time_wait(struct sock *sk, int state, int timeo);
enum tcp_tw_status {
	TCP_TW_SUCCESS = 0,	/* consumed: drop the segment */
	TCP_TW_RST = 1,		/* answer with a reset */
	TCP_TW_ACK = 2,		/* answer with an ACK */
	TCP_TW_SYN = 3,		/* a new SYN may reopen: hand it to the listener */
};
enum tcp_tw_status tcp_timewait_state_process(struct inet_timewait_sock *tw, struct sk_buff *skb,
					      const struct tcphdr *th);
struct sock *tcp_check_req(struct sock *sk, struct sk_buff *skb, struct request_sock *req, bool fastopen,
			   bool *req_stolen);
int tcp_child_process(struct sock *parent, struct sock *child, struct sk_buff *skb);
struct sock *tcp_create_openreq_child(const struct sock *sk, struct request_sock *req, struct sk_buff *skb);
void tcp_openreq_init(struct request_sock *req, const struct tcp_options_received *rx_opt,
		      struct sk_buff *skb, const struct sock *sk);
void tcp_twsk_destructor(struct sock *sk);

/*
 * The address-family half of passive open (Linux struct tcp_request_sock_ops): fills a request
 * sock from the SYN, picks the ISN, sends the SYN-ACK.
 */
struct tcp_request_sock_ops {
	u16 mss_clamp;
	void (*init_req)(struct request_sock *req, const struct sock *sk_listener, struct sk_buff *skb);
	u32 (*init_seq)(const struct sk_buff *skb);
	u32 (*init_ts_off)(const struct sk_buff *skb);
	int (*send_synack)(const struct sock *sk, struct dst_entry *dst, struct request_sock *req);
};

#endif
