/*
 * struct inet_sock: an IPv4 socket (TCP, UDP, ping). It embeds struct sock first; the 4-tuple lives in
 * sock_common (inet_daddr, inet_rcv_saddr, inet_dport, inet_num) so the hash tables can read it
 * without knowing the protocol. inet_sk(sk) is a cast. Also struct inet_request_sock, the IPv4
 * request_sock (a SYN_RECV connection before it becomes a full socket).
 */
#ifndef _NET_INET_SOCK_H
#define _NET_INET_SOCK_H

#include <linux/types.h>
#include <net/flow.h>
#include <net/sock.h>
#include <net/request_sock.h>

/*
 * struct inet_cork - the state of a datagram being built (ip_make_skb / ip_append_data)
 * @flags: IPCORK_OPT etc.
 * @addr: destination address (from the route)
 * @fragsize: fragment size (path MTU)
 * @length: total length of all frames so far
 * @dst: the route the datagram goes out on
 */
struct inet_cork {
	unsigned int		flags;
	__be32			addr;
	unsigned int		fragsize;
	int			length;
	struct dst_entry	*dst;
	__u8			ttl;
	__s16			tos;
	char			priority;
};

struct inet_cork_full {
	struct inet_cork	base;
	struct flowi		fl;
};

/*
 * struct inet_sock - representation of INET sockets
 * @sk: ancestor class
 * @inet_saddr: Sending source (the address put in outgoing packets)
 * @uc_ttl: Unicast TTL (-1: use the route's / sysctl default)
 * @inet_sport: Source port (network order)
 * @inet_id: ID counter for DF pkts
 * @tos: TOS
 * @mc_ttl: Multicasting TTL
 * @is_icsk: is this an inet_connection_sock?
 * @cork: info to build ip hdr on each ip frag while socket is corked; cork.fl is the flow
 *	  ip_queue_xmit routes a connected socket with
 */
struct inet_sock {
	/* sk has to be the first member of inet_sock */
	struct sock		sk;
#define inet_daddr		sk.__sk_common.skc_daddr
#define inet_rcv_saddr		sk.__sk_common.skc_rcv_saddr
#define inet_dport		sk.__sk_common.skc_dport
#define inet_num		sk.__sk_common.skc_num

	__be32			inet_saddr;
	__s16			uc_ttl;
	__u16			cmsg_flags;
	__be16			inet_sport;
	__u16			inet_id;

	int			rx_dst_ifindex;
	__u8			tos;
	__u8			min_ttl;
	__u8			mc_ttl;
	__u8			pmtudisc;
	__u8			recverr:1,
				is_icsk:1,
				freebind:1,
				hdrincl:1,
				mc_loop:1,
				transparent:1,
				mc_all:1,
				nodefrag:1;
	__u8			bind_address_no_port:1,
				defer_connect:1;
	__u8			rcv_tos;
	__u8			convert_csum;
	int			uc_index;
	int			mc_index;
	__be32			mc_addr;
	struct inet_cork_full	cork;
};

#define IPCORK_OPT	1	/* ip-options has been held in ipcork.opt */
#define IPCORK_ALLFRAG	2	/* always fragment (for ipv6 for now) */

static inline struct inet_sock *inet_sk(const struct sock *sk)
{
	return (struct inet_sock *)sk;
}

/*
 * struct inet_request_sock - an IPv4 connection request (SYN received, SYN+ACK sent). The 4-tuple
 * is in the request_sock's sock_common, like a full socket's, so it hashes into the established
 * table as TCP_NEW_SYN_RECV.
 */
struct inet_request_sock {
	struct request_sock	req;
#define ir_loc_addr		req.__req_common.skc_rcv_saddr
#define ir_rmt_addr		req.__req_common.skc_daddr
#define ir_num			req.__req_common.skc_num
#define ir_rmt_port		req.__req_common.skc_dport
#define ir_iif			req.__req_common.skc_bound_dev_if
#define ireq_net		req.__req_common.skc_net
#define ireq_state		req.__req_common.skc_state
#define ireq_family		req.__req_common.skc_family

	u16			snd_wscale : 4,
				rcv_wscale : 4,
				tstamp_ok  : 1,
				sack_ok	   : 1,
				wscale_ok  : 1,
				ecn_ok	   : 1,
				acked	   : 1,
				no_srccheck: 1;
	u32			ir_mark;
};

static inline struct inet_request_sock *inet_rsk(const struct request_sock *sk)
{
	return (struct inet_request_sock *)sk;
}

/* The socket's state, with tcp_set_state's bookkeeping done by the caller (Linux inet_sk_state_store). */
static inline void inet_sk_state_store(struct sock *sk, int newstate)
{
	WRITE_ONCE(sk->sk_state, newstate);
}

static inline int inet_sk_state_load(const struct sock *sk)
{
	return READ_ONCE(sk->sk_state);
}

void inet_sk_set_state(struct sock *sk, int state);

#endif
