/*
 * IPv4 input and output (net/ipv4/ip_input.c, ip_output.c, ip_fragment.c, ip_forward.c).
 *
 * Receive: ip_rcv -> ip_rcv_finish (route: local or forward) -> ip_local_deliver (reassembly,
 *          ip_defrag) -> ip_local_deliver_finish -> inet_protos[protocol]->handler.
 * Send:    ip_queue_xmit (TCP) / ip_make_skb + ip_send_skb (UDP, ICMP) / ip_build_and_send_pkt
 *          -> ip_local_out -> dst_output = ip_output -> ip_finish_output (fragment above MTU)
 *          -> ip_finish_output2 -> neigh_output.
 */
#ifndef _NET_IP_H
#define _NET_IP_H

#include <linux/types.h>
#include <linux/byteorder.h>
#include <linux/ip.h>
#include <linux/skbuff.h>
#include <linux/netdevice.h>
#include <net/snmp.h>
#include <net/flow.h>
#include <net/route.h>
#include <net/net_namespace.h>

struct sock;

/* IP options as parsed on receive (we skip them but remember where they were). */
struct ip_options {
	__be32		faddr;
	__be32		nexthop;
	unsigned char	optlen;
	unsigned char	srr;
	unsigned char	rr;
	unsigned char	ts;
	unsigned char	is_strictroute:1,
			srr_is_hit:1,
			router_alert:1;
};

struct ip_options_rcu {
	struct ip_options opt;
	unsigned char data[40];
};

/* IPCB(skb): IP's view of the control block while an skb is in IP. */
struct inet_skb_parm {
	int			iif;
	struct ip_options	opt;
	u16			flags;
	u16			frag_max_size;	/* largest fragment seen in reassembly */
};
#define IPCB(skb)	((struct inet_skb_parm *)((skb)->cb))

#define IPSKB_FORWARDED		0x01
#define IPSKB_XFRM_TUNNEL_SIZE	0x02
#define IPSKB_FRAG_COMPLETE	0x08
#define IPSKB_REROUTED		0x10
#define IPSKB_DOREDIRECT	0x20
#define IPSKB_FRAG_PMTU		0x40

/* Control message state of one sendmsg (ancillary data; only the basics here). */
struct ipcm_cookie {
	__be32			addr;		/* IP_PKTINFO source override */
	int			oif;
	struct ip_options_rcu	*opt;
	u8			protocol;
	u8			ttl;		/* 0: default */
	s16			tos;		/* -1: socket's */
};

static inline void ipcm_init(struct ipcm_cookie *ipcm)
{
	*ipcm = (struct ipcm_cookie) { .tos = -1 };
}

#define IP_DEFRAG_LOCAL_DELIVER	0

extern int sysctl_ip_default_ttl;	/* net.ipv4.ip_default_ttl: 64 */
extern int sysctl_ip_forward;		/* net.ipv4.ip_forward: 0 unless on the command line */
extern long sysctl_ipfrag_high_thresh;	/* reassembly memory limit (bytes): 4 MiB */
extern long sysctl_ipfrag_low_thresh;
extern int sysctl_ipfrag_time;		/* jiffies a fragment queue lives: 30 s */

static inline bool ip_is_fragment(const struct iphdr *iph)
{
	return (iph->frag_off & htons(IP_MF | IP_OFFSET)) != 0;
}

/* RFC 1812 5.3.1: decrement TTL and patch the checksum incrementally (RFC 1624). */
static inline int ip_decrease_ttl(struct iphdr *iph)
{
	u32 check = (u32)iph->check;

	check += (u32)htons(0x0100);
	iph->check = (__sum16)(check + (check >= 0xFFFF));
	return --iph->ttl;
}

static inline int ip_skb_dst_mtu(struct sock *sk, const struct sk_buff *skb)
{
	return dst_mtu(skb_dst(skb));
}

/* ip_input.c */
int ip_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt, struct net_device *orig_dev);
int ip_local_deliver(struct sk_buff *skb);
void ip_protocol_deliver_rcu(struct net *net, struct sk_buff *skb, int protocol);

/* ip_forward.c */
int ip_forward(struct sk_buff *skb);

/* ip_fragment.c */
int ip_defrag(struct net *net, struct sk_buff *skb, u32 user);
/* Bytes held by reassembly queues, and queues alive (for tests and /proc). */
long ip_frag_mem(void);
int ip_frag_nqueues(void);

/* ip_output.c */
void ip_init(void);
void ip_send_check(struct iphdr *iph);
int __ip_local_out(struct net *net, struct sock *sk, struct sk_buff *skb);
int ip_local_out(struct net *net, struct sock *sk, struct sk_buff *skb);
int ip_output(struct net *net, struct sock *sk, struct sk_buff *skb);
int ip_mc_output(struct net *net, struct sock *sk, struct sk_buff *skb);
int ip_do_fragment(struct net *net, struct sock *sk, struct sk_buff *skb,
		   int (*output)(struct net *, struct sock *, struct sk_buff *));
int ip_queue_xmit(struct sock *sk, struct sk_buff *skb, struct flowi *fl);
int __ip_queue_xmit(struct sock *sk, struct sk_buff *skb, struct flowi *fl, u8 tos);
int ip_build_and_send_pkt(struct sk_buff *skb, const struct sock *sk, __be32 saddr, __be32 daddr,
			  struct ip_options_rcu *opt, u8 tos);
/* Builds one datagram: IP header + transhdrlen bytes left for the caller's header + length bytes
 * of payload copied by getfrag(from, to, offset, len, odd, skb) (offset counts from the payload
 * start). Takes over the caller's reference on *rtp (sets it to NULL). skb->data ends at the IP
 * header, skb_transport_header at the transport header. */
struct sk_buff *ip_make_skb(struct sock *sk, struct flowi4 *fl4,
			    int getfrag(void *from, char *to, int offset, int len, int odd, struct sk_buff *skb),
			    void *from, int length, int transhdrlen, struct ipcm_cookie *ipc,
			    struct rtable **rtp, unsigned int flags);
int ip_send_skb(struct net *net, struct sk_buff *skb);
/* getfrag for kernel buffers (ICMP replies): from is a plain pointer. */
int ip_kernel_getfrag(void *from, char *to, int offset, int len, int odd, struct sk_buff *skb);
void ip_select_ident(struct net *net, struct sk_buff *skb, struct sock *sk);

/* Multicast/broadcast helpers. */
static inline bool ipv4_is_multicast(__be32 addr)
{
	return (addr & htonl(0xf0000000)) == htonl(0xe0000000);
}

static inline bool ipv4_is_loopback(__be32 addr)
{
	return (addr & htonl(0xff000000)) == htonl(0x7f000000);
}

static inline bool ipv4_is_lbcast(__be32 addr)
{
	return addr == htonl(INADDR_BROADCAST);
}

static inline bool ipv4_is_zeronet(__be32 addr)
{
	return (addr & htonl(0xff000000)) == htonl(0x00000000);
}

static inline bool ipv4_is_local_multicast(__be32 addr)
{
	return (addr & htonl(0xffffff00)) == htonl(0xe0000000);
}

/* "10.0.2.15" into buf (at least 16 bytes); for logs and /proc. */
char *in_ntoa(char *buf, __be32 addr);
/* Parses dotted quad; returns 1 on success (in4_pton style, strict). */
int in4_pton(const char *src, int srclen, u8 *dst, int delim, const char **end);
__be32 in_aton(const char *str);

#endif
