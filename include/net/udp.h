/*
 * UDP (RFC 768) sockets: struct udp_sock, the port hash table (udp_table) and the entry points of
 * net/ipv4/udp.c. A datagram arrives in udp_rcv (inet_protos[IPPROTO_UDP]) -> __udp4_lib_rcv ->
 * __udp4_lib_lookup (connected sockets before wildcard binds) -> udp_queue_rcv_skb -> the socket's
 * sk_receive_queue; udp_recvmsg takes it off. Sending: inet_sendmsg -> udp_sendmsg -> ip_make_skb ->
 * udp_send_skb -> ip_send_skb. ICMP errors: icmp_unreach -> udp_err (ECONNREFUSED for a port
 * unreachable on a connected socket).
 */
#ifndef _NET_UDP_H
#define _NET_UDP_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/udp.h>
#include <net/sock.h>
#include <net/inet_sock.h>
#include <net/ip.h>
#include <net/snmp.h>

/*
 * struct udp_sock - a UDP socket (Linux keeps it in include/linux/udp.h; here it sits with the rest
 * of UDP's socket-side declarations). Nothing beyond inet_sock is needed without corking/encap.
 */
struct udp_sock {
	/* inet_sock has to be the first member */
	struct inet_sock inet;
};

static inline struct udp_sock *udp_sk(const struct sock *sk)
{
	return (struct udp_sock *)sk;
}

/*
 * struct udp_hslot - UDP hash slot
 * @head: head of list of sockets (linked through sk_node)
 * @count: number of sockets in 'head' list
 * @lock: spinlock protecting changes to head/count
 */
struct udp_hslot {
	struct hlist_head	head;
	int			count;
	spinlock_t		lock;
};

/*
 * struct udp_table - UDP table
 * @hash: hash table, sockets are hashed on (local port)
 * @mask: number of slots in hash table, minus 1
 * @log: log2(number of slots in hash table)
 */
struct udp_table {
	struct udp_hslot	*hash;
	unsigned int		mask;
	unsigned int		log;
};
extern struct udp_table udp_table;

#define UDP_HTABLE_SIZE_MIN	128

static inline u32 udp_hashfn(const struct net *net, u32 num, u32 mask)
{
	return num & mask;
}

static inline struct udp_hslot *udp_hashslot(struct udp_table *table, struct net *net,
					     unsigned int num)
{
	return &table->hash[udp_hashfn(net, num, table->mask)];
}

/* UDP's control block while the skb sits on a socket's receive queue. */
struct udp_skb_cb {
	union {
		struct inet_skb_parm	h4;
	} header;
	__u16		cscov;
	__u8		partial_cov;
};
#define UDP_SKB_CB(__skb)	((struct udp_skb_cb *)((__skb)->cb))

extern struct proto udp_prot;
extern long sysctl_udp_mem[3];
extern atomic_long_t udp_memory_allocated;

/* net/ipv4/udp.c */
void udp_table_init(struct udp_table *table, const char *name);
void udp_init(void);
int udp_lib_get_port(struct sock *sk, unsigned short snum, unsigned int hash2_nulladdr);
int udp_v4_get_port(struct sock *sk, unsigned short snum);
static inline int udp_lib_hash(struct sock *sk)
{
	BUG();
	return 0;
}
void udp_lib_unhash(struct sock *sk);

struct sock *__udp4_lib_lookup(struct net *net, __be32 saddr, __be16 sport, __be32 daddr,
			       __be16 dport, int dif, int sdif, struct udp_table *tbl,
			       struct sk_buff *skb);

int udp_rcv(struct sk_buff *skb);
int __udp4_lib_rcv(struct sk_buff *skb, struct udp_table *udptable, int proto);
int udp_err(struct sk_buff *skb, u32 info);
int __udp4_lib_err(struct sk_buff *skb, u32 info, struct udp_table *udptable);
int udp_queue_rcv_skb(struct sock *sk, struct sk_buff *skb);
int __udp_enqueue_schedule_skb(struct sock *sk, struct sk_buff *skb);

int udp_sendmsg(struct sock *sk, struct msghdr *msg, size_t len);
int udp_recvmsg(struct sock *sk, struct msghdr *msg, size_t len, int noblock, int flags,
		int *addr_len);
int udp_init_sock(struct sock *sk);
void udp_destroy_sock(struct sock *sk);
int udp_disconnect(struct sock *sk, int flags);
int __udp_disconnect(struct sock *sk, int flags);
int udp_ioctl(struct sock *sk, int cmd, unsigned long arg);
int udp_setsockopt(struct sock *sk, int level, int optname, char __user *optval,
		   unsigned int optlen);
int udp_getsockopt(struct sock *sk, int level, int optname, char __user *optval,
		   int __user *optlen);
__poll_t udp_poll(struct file *file, struct socket *sock, struct poll_table_struct *wait);
void udp_set_csum(bool nocheck, struct sk_buff *skb, __be32 saddr, __be32 daddr, int len);

int udp4_proc_init(void);

#endif
