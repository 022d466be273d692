/* ICMP (RFC 792, net/ipv4/icmp.c): receive dispatch, error generation with rate limiting. */
#ifndef _NET_ICMP_H
#define _NET_ICMP_H

#include <linux/icmp.h>
#include <linux/skbuff.h>
#include <net/snmp.h>

struct icmp_err {
	int		errno;
	unsigned int	fatal:1;
};
extern const struct icmp_err icmp_err_convert[];

/* Sends an ICMP error about skb_in (RFC 1122 3.2.2: never about ICMP errors, broadcasts or
 * non-first fragments), rate limited per RFC 1812 4.3.2.8. info: MTU for FRAG_NEEDED, gateway for
 * REDIRECT, pointer for PARAMETERPROB. */
void __icmp_send(struct sk_buff *skb_in, int type, int code, __be32 info);
static inline void icmp_send(struct sk_buff *skb_in, int type, int code, __be32 info)
{
	__icmp_send(skb_in, type, code, info);
}

struct sock;
/*
 * What an ICMP error about one of its datagrams means to a UDP or ping socket (RFC 1122 4.1.3.3):
 * returns the errno to report, or 0 when the message carries nothing for the application
 * (source quench, redirect, or "fragmentation needed" while path MTU discovery is off).
 * *harderr tells whether the error ends communication with that peer.
 */
int icmp_err_to_sk_errno(const struct sock *sk, int type, int code, bool *harderr);

int icmp_rcv(struct sk_buff *skb);
int icmp_err(struct sk_buff *skb, u32 info);
int icmp_init(void);

extern int sysctl_icmp_ratelimit;	/* ms between errors to one host (token bucket, Linux default 1000) */
extern int sysctl_icmp_msgs_per_sec;	/* global cap */
extern int sysctl_icmp_echo_ignore_all;

#endif
