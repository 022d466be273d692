/*
 * struct inet_timewait_sock: what stays of a TCP connection in TIME_WAIT. A small sock_common-based
 * object replaces the full socket in the established hash (and keeps the bind bucket) until tw_timer
 * fires after 2*MSL, so the memory of a closed connection is released at once.
 * Code: net/ipv4/inet_timewait_sock.c; TCP's part (tcp_time_wait, tcp_timewait_state_process) is in
 * net/ipv4/tcp_minisocks.c.
 */
#ifndef _NET_INET_TIMEWAIT_SOCK_H
#define _NET_INET_TIMEWAIT_SOCK_H

#include <linux/types.h>
#include <linux/timer.h>
#include <net/sock.h>
#include <net/timewait_sock.h>

struct inet_bind_bucket;
struct inet_hashinfo;

/*
 * This is a TIME_WAIT sock. It works around the memory consumption
 * problems of sockets in such a state on heavily loaded servers, but
 * without violating the protocol specification.
 */
struct inet_timewait_sock {
	/*
	 * Now struct sock also uses sock_common, so please just
	 * don't add nothing before this first member (__tw_common) --acme
	 */
	struct sock_common	__tw_common;
#define tw_family		__tw_common.skc_family
#define tw_state		__tw_common.skc_state
#define tw_reuse		__tw_common.skc_reuse
#define tw_reuseport		__tw_common.skc_reuseport
#define tw_bound_dev_if		__tw_common.skc_bound_dev_if
#define tw_node			__tw_common.skc_nulls_node
#define tw_bind_node		__tw_common.skc_bind_node
#define tw_refcnt		__tw_common.skc_refcnt
#define tw_hash			__tw_common.skc_hash
#define tw_prot			__tw_common.skc_prot
#define tw_net			__tw_common.skc_net
#define tw_daddr		__tw_common.skc_daddr
#define tw_rcv_saddr		__tw_common.skc_rcv_saddr
#define tw_dport		__tw_common.skc_dport
#define tw_num			__tw_common.skc_num
#define tw_dr			__tw_common.skc_tw_dr

	__u32			tw_mark;
	volatile unsigned char	tw_substate;	/* the TCP state it came from: FIN_WAIT2 or TIME_WAIT */
	unsigned char		tw_rcv_wscale;

	/* Socket demultiplex comparisons on incoming packets. */
	/* these three are in inet_sock */
	__be16			tw_sport;
	unsigned int		tw_kill		: 1,
				tw_transparent  : 1,
				tw_tos		: 8;
	struct timer_list	tw_timer;
	struct inet_bind_bucket	*tw_tb;
};

static inline struct inet_timewait_sock *inet_twsk(const struct sock *sk)
{
	return (struct inet_timewait_sock *)sk;
}

void inet_twsk_free(struct inet_timewait_sock *tw);
void inet_twsk_put(struct inet_timewait_sock *tw);

void inet_twsk_bind_unhash(struct inet_timewait_sock *tw, struct inet_hashinfo *hashinfo);

/* A TIME_WAIT copy of sk (state is TCP_TIME_WAIT or, for a FIN_WAIT2 timeout, TCP_FIN_WAIT2). */
struct inet_timewait_sock *inet_twsk_alloc(const struct sock *sk,
					   struct inet_timewait_death_row *dr,
					   const int state);

/* Puts tw in sk's place in the established hash and bind bucket. */
void inet_twsk_hashdance(struct inet_timewait_sock *tw, struct sock *sk,
			 struct inet_hashinfo *hashinfo);

/* Arms (rearm: re-arms) the TIME_WAIT timer: tw dies timeo jiffies from now. */
void __inet_twsk_schedule(struct inet_timewait_sock *tw, int timeo, bool rearm);

static inline void inet_twsk_schedule(struct inet_timewait_sock *tw, int timeo)
{
	__inet_twsk_schedule(tw, timeo, false);
}

static inline void inet_twsk_reschedule(struct inet_timewait_sock *tw, int timeo)
{
	__inet_twsk_schedule(tw, timeo, true);
}

/* Kills tw now (timer stopped, unhashed) and drops the caller's reference. */
void inet_twsk_deschedule_put(struct inet_timewait_sock *tw);

#endif
