/*
 * The inet socket hash tables (one struct inet_hashinfo per protocol: tcp_hashinfo):
 *  - bhash: every bound local port -> struct inet_bind_bucket -> owners (sockets using the port);
 *           bind() and the ephemeral-port search (inet_csk_get_port, __inet_hash_connect) use it.
 *  - listening_hash: LISTEN sockets by local port; a SYN that matches no connection looks here.
 *  - ehash: connections by 4-tuple (established sockets, request socks in NEW_SYN_RECV, TIME_WAIT).
 * tcp_v4_rcv -> __inet_lookup_skb -> __inet_lookup_established, else __inet_lookup_listener.
 * Code: net/ipv4/inet_hashtables.c.
 */
#ifndef _NET_INET_HASHTABLES_H
#define _NET_INET_HASHTABLES_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/byteorder.h>
#include <net/sock.h>
#include <net/inet_sock.h>
#include <net/inet_connection_sock.h>
#include <net/inet_timewait_sock.h>

/* This is for all connections with a full identity, no wildcards. */
struct inet_ehash_bucket {
	struct hlist_head chain;
};

/*
 * There are a few simple rules, which allow for local port reuse by
 * an application.  In essence:
 *
 *	1) Sockets bound to different interfaces may share a local port.
 *	   Failing that, goto test 2.
 *	2) If all sockets have sk->sk_reuse set, and none of them are in
 *	   TCP_LISTEN state, the port may be shared.
 *	   Failing that, goto test 3.
 *	3) If all sockets are bound to a specific inet_sk(sk)->rcv_saddr local
 *	   address, and none of them are the same, the port may be
 *	   shared.
 *	   Failing this, the port cannot be shared.
 */
struct inet_bind_bucket {
	struct net		*ib_net;
	unsigned short		port;
	signed char		fastreuse;	/* every owner has SO_REUSEADDR and none listens */
	struct hlist_node	node;		/* in the bhash chain */
	struct hlist_head	owners;		/* sockets on this port, via sk_bind_node */
};

static inline struct net *ib_net(struct inet_bind_bucket *ib)
{
	return ib->ib_net;
}

#define inet_bind_bucket_for_each(tb, head) \
	hlist_for_each_entry(tb, head, node)

struct inet_bind_hashbucket {
	spinlock_t		lock;
	struct hlist_head	chain;
};

/* Sockets can be hashed in established or listening table. */
struct inet_listen_hashbucket {
	spinlock_t		lock;
	unsigned int		count;
	struct hlist_head	head;
};

/* This is for listening sockets, thus all sockets which possess wildcards. */
#define INET_LHTABLE_SIZE	32	/* Yes, really, this is all you need. */

struct inet_hashinfo {
	/* This is for sockets with full identity only.  Sockets here will
	 * always be without wildcards and will have the following invariant:
	 *
	 *          TCP_ESTABLISHED <= sk->sk_state < TCP_CLOSE
	 */
	struct inet_ehash_bucket	*ehash;
	spinlock_t			*ehash_locks;
	unsigned int			ehash_mask;
	unsigned int			ehash_locks_mask;

	/* Ok, let's try this, I give up, we do need a local binding
	 * TCP hash as well as the others for fast bind/connect.
	 */
	struct kmem_cache		*bind_bucket_cachep;
	struct inet_bind_hashbucket	*bhash;
	unsigned int			bhash_size;

	/* All sockets in TCP_LISTEN state will be in listening_hash. */
	struct inet_listen_hashbucket	listening_hash[INET_LHTABLE_SIZE];
};

static inline struct inet_ehash_bucket *inet_ehash_bucket(struct inet_hashinfo *hashinfo,
							   unsigned int hash)
{
	return &hashinfo->ehash[hash & hashinfo->ehash_mask];
}

static inline spinlock_t *inet_ehash_lockp(struct inet_hashinfo *hashinfo, unsigned int hash)
{
	return &hashinfo->ehash_locks[hash & hashinfo->ehash_locks_mask];
}

/*
 * Sets up hashinfo: ehash_entries and bhash_size are rounded up to powers of two; the bind-bucket
 * cache is named "<name>_bind_bucket" (slabinfo). Linux does this in tcp_init with
 * alloc_large_system_hash. Returns 0 or -ENOMEM.
 */
int inet_hashinfo_alloc(struct inet_hashinfo *h, const char *name, unsigned int ehash_entries,
			unsigned int bhash_entries);
void inet_hashinfo_init(struct inet_hashinfo *h);

static inline u32 inet_bhashfn(const struct net *net, const __u16 lport, const u32 bhash_size)
{
	return lport & (bhash_size - 1);
}

static inline u32 inet_lhashfn(const struct net *net, const unsigned short num)
{
	return num & (INET_LHTABLE_SIZE - 1);
}

static inline int inet_sk_listen_hashfn(const struct sock *sk)
{
	return inet_lhashfn(sock_net(sk), inet_sk(sk)->inet_num);
}

/* Hash of the 4-tuple, keyed with a boot-time secret so peers cannot aim at one chain. */
unsigned int inet_ehashfn(const struct net *net, const __be32 laddr, const __u16 lport,
			  const __be32 faddr, const __be16 fport);

struct inet_bind_bucket *inet_bind_bucket_create(struct kmem_cache *cachep, struct net *net,
						 struct inet_bind_hashbucket *head,
						 const unsigned short snum);
void inet_bind_bucket_destroy(struct kmem_cache *cachep, struct inet_bind_bucket *tb);
void inet_bind_hash(struct sock *sk, struct inet_bind_bucket *tb, const unsigned short snum);

/* Caller must disable local BH processing. */
int __inet_inherit_port(const struct sock *sk, struct sock *child);
void inet_put_port(struct sock *sk);

bool inet_ehash_insert(struct sock *sk, struct sock *osk);
bool inet_ehash_nolisten(struct sock *sk, struct sock *osk);
int __inet_hash(struct sock *sk, struct sock *osk);
int inet_hash(struct sock *sk);
void inet_unhash(struct sock *sk);

struct sock *__inet_lookup_listener(struct net *net, struct inet_hashinfo *hashinfo,
				    struct sk_buff *skb, int doff,
				    const __be32 saddr, const __be16 sport,
				    const __be32 daddr, const unsigned short hnum,
				    const int dif, const int sdif);

static inline struct sock *inet_lookup_listener(struct net *net, struct inet_hashinfo *hashinfo,
						struct sk_buff *skb, int doff,
						__be32 saddr, __be16 sport,
						__be32 daddr, __be16 dport, int dif, int sdif)
{
	return __inet_lookup_listener(net, hashinfo, skb, doff, saddr, sport, daddr,
				      ntohs(dport), dif, sdif);
}

/* Socket demux engine toys. */
/* Little-endian: skc_daddr (the peer, a segment's saddr) is the low word of skc_addrpair. */
#define INET_ADDR_COOKIE(__name, __saddr, __daddr) \
	const __addrpair __name = (__force __addrpair) ( \
				   (((__force __u64)(__be32)(__daddr)) << 32) | \
				   ((__force __u64)(__be32)(__saddr)))
#define INET_COMBINED_PORTS(__sport, __dport) \
	((__force __portpair)(((__u32)(__dport) << 16) | (__force __u32)(__be16)(__sport)))

#define INET_MATCH(__sk, __net, __cookie, __saddr, __daddr, __ports, __dif, __sdif)	\
	(((__sk)->sk_portpair == (__ports))			&&	\
	 ((__sk)->sk_addrpair == (__cookie))			&&	\
	 (!(__sk)->sk_bound_dev_if	||				\
	   ((__sk)->sk_bound_dev_if == (__dif))			||	\
	   ((__sk)->sk_bound_dev_if == (__sdif)))			&&	\
	 net_eq(sock_net(__sk), (__net)))

/*
 * Sockets in TCP_CLOSE state are _always_ taken out of the hash, so we need not check it for lookups
 * anymore. Returns a full sock, a request sock (NEW_SYN_RECV) or a TIME_WAIT sock, with a reference
 * held (sock_gen_put when done), or NULL.
 */
struct sock *__inet_lookup_established(struct net *net, struct inet_hashinfo *hashinfo,
				       const __be32 saddr, const __be16 sport,
				       const __be32 daddr, const u16 hnum,
				       const int dif, const int sdif);

/*
 * Established first, then a listener. *refcounted says whether the caller holds a reference
 * (listeners are returned without one, as in Linux: they are only freed from process context).
 */
struct sock *__inet_lookup(struct net *net, struct inet_hashinfo *hashinfo,
			   struct sk_buff *skb, int doff,
			   const __be32 saddr, const __be16 sport,
			   const __be32 daddr, const __be16 dport,
			   const int dif, const int sdif, bool *refcounted);

/* The socket an incoming TCP segment belongs to (tcp_v4_rcv); uses the IP header of skb. */
struct sock *__inet_lookup_skb(struct inet_hashinfo *hashinfo, struct sk_buff *skb, int doff,
			       const __be16 sport, const __be16 dport, const int sdif,
			       bool *refcounted);

u32 inet_sk_port_offset(const struct sock *sk);

int __inet_hash_connect(struct inet_timewait_death_row *death_row, struct sock *sk,
			u32 port_offset,
			int (*check_established)(struct inet_timewait_death_row *, struct sock *,
						 __u16, struct inet_timewait_sock **));

int inet_hash_connect(struct inet_timewait_death_row *death_row, struct sock *sk);

#endif
