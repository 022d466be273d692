/*
 * ICMP echo datagram sockets ("ping sockets", socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP)), as Linux's
 * net/ipv4/ping.c: the user writes an ICMP echo request (type 8, code 0); the kernel sets the
 * identifier to the socket's port (ping_get_port picks one as bind() would) and the checksum, and
 * delivers echo replies whose identifier matches (icmp_rcv -> ping_rcv -> ping_lookup). So ping
 * needs no raw sockets.
 */
#ifndef _NET_PING_H
#define _NET_PING_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/icmp.h>
#include <net/sock.h>

#define PING_HTABLE_SIZE	64
#define PING_HTABLE_MASK	(PING_HTABLE_SIZE - 1)

/* Sockets hashed by identifier (inet_num), linked through sk_node. */
struct ping_table {
	struct hlist_head	hash[PING_HTABLE_SIZE];
	spinlock_t		lock;
};

/* What ping_getfrag needs to copy the user's echo request and checksum it on the way. */
struct pingfakehdr {
	struct icmphdr	icmph;
	struct msghdr	*msg;
	sa_family_t	family;
	__wsum		wcheck;
};

extern struct proto ping_prot;

int ping_get_port(struct sock *sk, unsigned short ident);
int ping_hash(struct sock *sk);
void ping_unhash(struct sock *sk);
int ping_init_sock(struct sock *sk);
void ping_close(struct sock *sk, long timeout);
int ping_bind(struct sock *sk, struct sockaddr *uaddr, int addr_len);
void ping_err(struct sk_buff *skb, int offset, u32 info);
int ping_getfrag(void *from, char *to, int offset, int fraglen, int odd, struct sk_buff *skb);
int ping_recvmsg(struct sock *sk, struct msghdr *msg, size_t len, int noblock, int flags,
		 int *addr_len);
int ping_queue_rcv_skb(struct sock *sk, struct sk_buff *skb);
/* icmp_rcv's handler for ICMP_ECHOREPLY: true if a ping socket took the reply. */
bool ping_rcv(struct sk_buff *skb);
void ping_init(void);
int ping_proc_init(void);

#endif
