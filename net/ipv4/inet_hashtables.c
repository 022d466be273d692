/*
 * INET		Generic INET transport hashtables (Linux net/ipv4/inet_hashtables.c).
 *
 * The three tables of struct inet_hashinfo (tcp_hashinfo): the bind hash (local port -> bind bucket
 * -> owning sockets), the listening hash (LISTEN sockets by port) and the established hash
 * (connections, request socks and TIME_WAIT socks by 4-tuple). Incoming segments find their socket
 * in tcp_v4_rcv -> __inet_lookup_skb -> __inet_lookup_established, else __inet_lookup_listener;
 * connect() picks an ephemeral port and hashes the socket in __inet_hash_connect; listen() hashes
 * the listener with inet_hash -> __inet_hash.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/random.h>
#include <linux/string.h>
#include <linux/ip.h>
#include <net/sock.h>
#include <net/snmp.h>
#include <net/inet_hashtables.h>
#include <net/inet_timewait_sock.h>
#include <net/request_sock.h>

/* Keys of the established hash and of the ephemeral port choice, drawn once at first use. */
static u32 inet_ehash_secret;
static u32 inet_port_secret;

/* Bob Jenkins' final mix (Linux: jhash_3words), so neighbouring tuples spread over the table. */
#define rol32(x, k)	(((x) << (k)) | ((x) >> (32 - (k))))
static u32 inet_jhash_3words(u32 a, u32 b, u32 c, u32 initval)
{
	a += 0xdeadbeef + initval;
	b += 0xdeadbeef + initval;
	c += 0xdeadbeef + initval;
	c ^= b; c -= rol32(b, 14);
	a ^= c; a -= rol32(c, 11);
	b ^= a; b -= rol32(a, 25);
	c ^= b; c -= rol32(b, 16);
	a ^= c; a -= rol32(c, 4);
	b ^= a; b -= rol32(a, 14);
	c ^= b; c -= rol32(b, 24);
	return c;
}

static void inet_hash_secrets_init(void)
{
	while (!inet_ehash_secret)
		inet_ehash_secret = get_random_u32();
	while (!inet_port_secret)
		inet_port_secret = get_random_u32();
}

unsigned int inet_ehashfn(const struct net *net, const __be32 laddr, const __u16 lport,
			  const __be32 faddr, const __be16 fport)
{
	inet_hash_secrets_init();
	return inet_jhash_3words((__force __u32)laddr, (__force __u32)faddr,
				 ((__u32)lport) << 16 | (__force __u32)fport, inet_ehash_secret);
}

static unsigned int inet_sk_ehashfn(const struct sock *sk)
{
	const struct inet_sock *inet = inet_sk(sk);

	return inet_ehashfn(sock_net(sk), inet->inet_rcv_saddr, inet->inet_num,
			    inet->inet_daddr, inet->inet_dport);
}

#define sk_ehashfn(sk)	inet_sk_ehashfn(sk)

/*
 * RFC 6056 3.3.3 (Algorithm 3): the search for an ephemeral port starts at a keyed hash of the
 * connection's addresses, so ports are hard to guess yet one destination sees them in sequence.
 */
u32 inet_sk_port_offset(const struct sock *sk)
{
	const struct inet_sock *inet = inet_sk(sk);

	inet_hash_secrets_init();
	return inet_jhash_3words((__force u32)inet->inet_rcv_saddr, (__force u32)inet->inet_daddr,
				 (__force u32)inet->inet_dport, inet_port_secret);
}

/* ---- table setup -------------------------------------------------------------------------- */

static unsigned int roundup_pow_of_two_u32(unsigned int n)
{
	unsigned int r = 1;

	while (r < n)
		r <<= 1;
	return r;
}

int inet_hashinfo_alloc(struct inet_hashinfo *h, const char *name, unsigned int ehash_entries,
			unsigned int bhash_entries)
{
	unsigned int i, nlocks;
	char *cache_name;
	size_t len;

	ehash_entries = roundup_pow_of_two_u32(ehash_entries ? ehash_entries : 1);
	bhash_entries = roundup_pow_of_two_u32(bhash_entries ? bhash_entries : 1);
	nlocks = min(ehash_entries, 256U);

	len = strlen(name) + sizeof("_bind_bucket");
	cache_name = kmalloc(len, GFP_KERNEL);
	if (!cache_name)
		return -ENOMEM;
	snprintf(cache_name, len, "%s_bind_bucket", name);

	h->ehash = kcalloc(ehash_entries, sizeof(*h->ehash), GFP_KERNEL);
	h->ehash_locks = kcalloc(nlocks, sizeof(*h->ehash_locks), GFP_KERNEL);
	h->bhash = kcalloc(bhash_entries, sizeof(*h->bhash), GFP_KERNEL);
	h->bind_bucket_cachep = kmem_cache_create(cache_name, sizeof(struct inet_bind_bucket), 0,
						  SLAB_HWCACHE_ALIGN, NULL);
	if (!h->ehash || !h->ehash_locks || !h->bhash || !h->bind_bucket_cachep) {
		kfree(h->ehash);
		kfree(h->ehash_locks);
		kfree(h->bhash);
		if (h->bind_bucket_cachep)
			kmem_cache_destroy(h->bind_bucket_cachep);
		kfree(cache_name);
		return -ENOMEM;
	}
	h->ehash_mask = ehash_entries - 1;
	h->ehash_locks_mask = nlocks - 1;
	h->bhash_size = bhash_entries;
	for (i = 0; i < ehash_entries; i++)
		INIT_HLIST_HEAD(&h->ehash[i].chain);
	for (i = 0; i < nlocks; i++)
		spin_lock_init(&h->ehash_locks[i]);
	for (i = 0; i < bhash_entries; i++) {
		spin_lock_init(&h->bhash[i].lock);
		INIT_HLIST_HEAD(&h->bhash[i].chain);
	}
	inet_hashinfo_init(h);
	return 0;
}

void inet_hashinfo_init(struct inet_hashinfo *h)
{
	int i;

	for (i = 0; i < INET_LHTABLE_SIZE; i++) {
		spin_lock_init(&h->listening_hash[i].lock);
		INIT_HLIST_HEAD(&h->listening_hash[i].head);
		h->listening_hash[i].count = 0;
	}
}

/* ---- bind hash ---------------------------------------------------------------------------- */

/*
 * Allocate and initialize a new local port bind bucket.
 * The bindhash mutex for snum's hash chain must be held here.
 */
struct inet_bind_bucket *inet_bind_bucket_create(struct kmem_cache *cachep, struct net *net,
						 struct inet_bind_hashbucket *head,
						 const unsigned short snum)
{
	struct inet_bind_bucket *tb = kmem_cache_alloc(cachep, GFP_ATOMIC);

	if (tb) {
		tb->ib_net = net;
		tb->port = snum;
		tb->fastreuse = 0;
		INIT_HLIST_HEAD(&tb->owners);
		hlist_add_head(&tb->node, &head->chain);
	}
	return tb;
}

/*
 * Caller must hold hashbucket lock for this tb with local BH disabled
 */
void inet_bind_bucket_destroy(struct kmem_cache *cachep, struct inet_bind_bucket *tb)
{
	if (hlist_empty(&tb->owners)) {
		hlist_del(&tb->node);
		kmem_cache_free(cachep, tb);
	}
}

noinline void inet_bind_hash(struct sock *sk, struct inet_bind_bucket *tb,
			     const unsigned short snum)
{
	inet_sk(sk)->inet_num = snum;
	sk_add_bind_node(sk, &tb->owners);
	inet_csk(sk)->icsk_bind_hash = tb;
}

/*
 * Get rid of any references to a local port held by the given sock.
 */
static void __inet_put_port(struct sock *sk)
{
	struct inet_hashinfo *hashinfo = sk->sk_prot->h.hashinfo;
	const int bhash = inet_bhashfn(sock_net(sk), inet_sk(sk)->inet_num, hashinfo->bhash_size);
	struct inet_bind_hashbucket *head = &hashinfo->bhash[bhash];
	struct inet_bind_bucket *tb;

	spin_lock(&head->lock);
	tb = inet_csk(sk)->icsk_bind_hash;
	__sk_del_bind_node(sk);
	inet_csk(sk)->icsk_bind_hash = NULL;
	inet_sk(sk)->inet_num = 0;
	if (tb)
		inet_bind_bucket_destroy(hashinfo->bind_bucket_cachep, tb);
	spin_unlock(&head->lock);
}

noinline void inet_put_port(struct sock *sk)
{
	local_bh_disable();
	__inet_put_port(sk);
	local_bh_enable();
}

/* A child of a listener shares its local port: it joins the listener's bind bucket. */
int __inet_inherit_port(const struct sock *sk, struct sock *child)
{
	struct inet_hashinfo *table = sk->sk_prot->h.hashinfo;
	unsigned short port = inet_sk(child)->inet_num;
	const int bhash = inet_bhashfn(sock_net(sk), port, table->bhash_size);
	struct inet_bind_hashbucket *head = &table->bhash[bhash];
	struct inet_bind_bucket *tb;

	spin_lock(&head->lock);
	tb = inet_csk(sk)->icsk_bind_hash;
	if (unlikely(!tb)) {
		spin_unlock(&head->lock);
		return -ENOENT;
	}
	if (tb->port != port) {
		inet_bind_bucket_for_each(tb, &head->chain) {
			if (net_eq(ib_net(tb), sock_net(sk)) && tb->port == port)
				break;
		}
		if (!tb) {
			tb = inet_bind_bucket_create(table->bind_bucket_cachep, sock_net(sk), head, port);
			if (!tb) {
				spin_unlock(&head->lock);
				return -ENOMEM;
			}
		}
	}
	inet_bind_hash(child, tb, port);
	spin_unlock(&head->lock);
	return 0;
}

/* ---- lookups ------------------------------------------------------------------------------ */

static inline int compute_score(struct sock *sk, struct net *net, const unsigned short hnum,
				const __be32 daddr, const int dif, const int sdif)
{
	int score = -1;
	struct inet_sock *inet = inet_sk(sk);

	if (net_eq(sock_net(sk), net) && inet->inet_num == hnum) {
		__be32 rcv_saddr = inet->inet_rcv_saddr;

		score = sk->sk_family == PF_INET ? 2 : 1;
		if (rcv_saddr) {
			if (rcv_saddr != daddr)
				return -1;
			score += 4;
		}
		if (sk->sk_bound_dev_if) {
			bool dev_match = sk->sk_bound_dev_if == dif || sk->sk_bound_dev_if == sdif;

			if (!dev_match)
				return -1;
			score += 4;
		}
	}
	return score;
}

/*
 * Here are some nice properties to exploit here. The BSD API
 * does not allow a listening sock to specify the remote port nor the
 * remote address for the connection. So always assume those are both
 * wildcarded during the search since they can never be otherwise.
 *
 * The best match wins: a listener bound to daddr before one bound to INADDR_ANY.
 * Returned without a reference (a listener is only freed from process context).
 */
noinline struct sock *__inet_lookup_listener(struct net *net, struct inet_hashinfo *hashinfo,
					     struct sk_buff *skb, int doff,
					     const __be32 saddr, __be16 sport,
					     const __be32 daddr, const unsigned short hnum,
					     const int dif, const int sdif)
{
	unsigned int hash = inet_lhashfn(net, hnum);
	struct inet_listen_hashbucket *ilb = &hashinfo->listening_hash[hash];
	struct sock *sk, *result = NULL;
	int score, hiscore = 0;

	sk_for_each(sk, &ilb->head) {
		score = compute_score(sk, net, hnum, daddr, dif, sdif);
		if (score > hiscore) {
			result = sk;
			hiscore = score;
		}
	}
	return result;
}

noinline struct sock *__inet_lookup_established(struct net *net, struct inet_hashinfo *hashinfo,
						const __be32 saddr, const __be16 sport,
						const __be32 daddr, const u16 hnum,
						const int dif, const int sdif)
{
	INET_ADDR_COOKIE(acookie, saddr, daddr);
	const __portpair ports = INET_COMBINED_PORTS(sport, hnum);
	struct sock *sk;
	/* Optimize here for direct hit, only listening connections can
	 * have wildcards anyways.
	 */
	unsigned int hash = inet_ehashfn(net, daddr, hnum, saddr, sport);
	struct inet_ehash_bucket *head = inet_ehash_bucket(hashinfo, hash);

	hlist_for_each_entry(sk, &head->chain, sk_nulls_node) {
		if (sk->sk_hash != hash)
			continue;
		if (likely(INET_MATCH(sk, net, acookie, saddr, daddr, ports, dif, sdif))) {
			if (unlikely(!refcount_inc_not_zero(&sk->sk_refcnt)))
				return NULL;
			return sk;
		}
	}
	return NULL;
}

struct sock *__inet_lookup(struct net *net, struct inet_hashinfo *hashinfo,
			   struct sk_buff *skb, int doff,
			   const __be32 saddr, const __be16 sport,
			   const __be32 daddr, const __be16 dport,
			   const int dif, const int sdif, bool *refcounted)
{
	u16 hnum = ntohs(dport);
	struct sock *sk;

	sk = __inet_lookup_established(net, hashinfo, saddr, sport, daddr, hnum, dif, sdif);
	*refcounted = true;
	if (sk)
		return sk;
	*refcounted = false;
	return __inet_lookup_listener(net, hashinfo, skb, doff, saddr, sport, daddr, hnum, dif, sdif);
}

noinline struct sock *__inet_lookup_skb(struct inet_hashinfo *hashinfo, struct sk_buff *skb,
					int doff, const __be16 sport, const __be16 dport,
					const int sdif, bool *refcounted)
{
	const struct iphdr *iph = ip_hdr(skb);
	/* Linux: inet_iif(skb), the route's input interface; the same as the receiving device here. */
	int dif = skb->dev ? skb->dev->ifindex : 0;

	return __inet_lookup(&init_net, hashinfo, skb, doff, iph->saddr, sport, iph->daddr, dport,
			     dif, sdif, refcounted);
}

/* The last reference to a full sock, a request sock or a TIME_WAIT sock. */
void sock_gen_put(struct sock *sk)
{
	if (!refcount_dec_and_test(&sk->sk_refcnt))
		return;

	if (sk->sk_state == TCP_TIME_WAIT)
		inet_twsk_free(inet_twsk(sk));
	else if (sk->sk_state == TCP_NEW_SYN_RECV)
		reqsk_free(inet_reqsk(sk));
	else
		sk_free(sk);
}

/* ---- hashing ------------------------------------------------------------------------------ */

/*
 * Insert a socket into ehash, and eventually remove another one
 * (The another one can be a SYN_RECV or TIMEWAIT)
 */
noinline bool inet_ehash_insert(struct sock *sk, struct sock *osk)
{
	struct inet_hashinfo *hashinfo = sk->sk_prot->h.hashinfo;
	struct inet_ehash_bucket *head;
	spinlock_t *lock;
	bool ret = true;

	WARN_ON_ONCE(!sk_unhashed(sk));

	sk->sk_hash = sk_ehashfn(sk);
	head = inet_ehash_bucket(hashinfo, sk->sk_hash);
	lock = inet_ehash_lockp(hashinfo, sk->sk_hash);

	spin_lock(lock);
	if (osk) {
		WARN_ON_ONCE(sk->sk_hash != osk->sk_hash);
		ret = sk_nulls_del_node_init_rcu(osk);
	}
	if (ret)
		__sk_nulls_add_node_rcu(sk, &head->chain);
	spin_unlock(lock);
	return ret;
}

noinline bool inet_ehash_nolisten(struct sock *sk, struct sock *osk)
{
	bool ok = inet_ehash_insert(sk, osk);

	if (ok) {
		sock_prot_inuse_add(sock_net(sk), sk->sk_prot, 1);
	} else {
		/* osk vanished (a timer dropped the request): this child has no place to go. */
		inet_sk_set_state(sk, TCP_CLOSE);
		sock_set_flag(sk, SOCK_DEAD);
		inet_csk_destroy_sock(sk);
	}
	return ok;
}

noinline int __inet_hash(struct sock *sk, struct sock *osk)
{
	struct inet_hashinfo *hashinfo = sk->sk_prot->h.hashinfo;
	struct inet_listen_hashbucket *ilb;

	if (sk->sk_state != TCP_LISTEN) {
		inet_ehash_nolisten(sk, osk);
		return 0;
	}
	WARN_ON(!sk_unhashed(sk));
	ilb = &hashinfo->listening_hash[inet_sk_listen_hashfn(sk)];

	spin_lock(&ilb->lock);
	__sk_add_node(sk, &ilb->head);
	ilb->count++;
	sock_prot_inuse_add(sock_net(sk), sk->sk_prot, 1);
	spin_unlock(&ilb->lock);
	return 0;
}

noinline int inet_hash(struct sock *sk)
{
	int err = 0;

	if (sk->sk_state != TCP_CLOSE) {
		local_bh_disable();
		err = __inet_hash(sk, NULL);
		local_bh_enable();
	}
	return err;
}

noinline void inet_unhash(struct sock *sk)
{
	struct inet_hashinfo *hashinfo = sk->sk_prot->h.hashinfo;
	struct inet_listen_hashbucket *ilb = NULL;
	spinlock_t *lock;

	if (sk_unhashed(sk))
		return;

	if (sk->sk_state == TCP_LISTEN) {
		ilb = &hashinfo->listening_hash[inet_sk_listen_hashfn(sk)];
		lock = &ilb->lock;
	} else {
		lock = inet_ehash_lockp(hashinfo, sk->sk_hash);
	}
	spin_lock_bh(lock);
	if (sk_unhashed(sk))
		goto unlock;

	if (ilb) {
		__sk_del_node_init(sk);
		ilb->count--;
	} else {
		__sk_nulls_del_node_init_rcu(sk);
	}
	sock_prot_inuse_add(sock_net(sk), sk->sk_prot, -1);
unlock:
	spin_unlock_bh(lock);
}

/* ---- connect(): ephemeral port and 4-tuple uniqueness ------------------------------------ */

/* called with local bh disabled */
static int __inet_check_established(struct inet_timewait_death_row *death_row, struct sock *sk,
				    __u16 lport, struct inet_timewait_sock **twp)
{
	struct inet_hashinfo *hinfo = death_row->hashinfo;
	struct inet_sock *inet = inet_sk(sk);
	__be32 daddr = inet->inet_rcv_saddr;
	__be32 saddr = inet->inet_daddr;
	int dif = sk->sk_bound_dev_if;
	struct net *net = sock_net(sk);
	int sdif = 0;
	INET_ADDR_COOKIE(acookie, saddr, daddr);
	const __portpair ports = INET_COMBINED_PORTS(inet->inet_dport, lport);
	unsigned int hash = inet_ehashfn(net, daddr, lport, saddr, inet->inet_dport);
	struct inet_ehash_bucket *head = inet_ehash_bucket(hinfo, hash);
	spinlock_t *lock = inet_ehash_lockp(hinfo, hash);
	struct sock *sk2;
	struct inet_timewait_sock *tw = NULL;

	spin_lock(lock);

	hlist_for_each_entry(sk2, &head->chain, sk_nulls_node) {
		if (sk2->sk_hash != hash)
			continue;

		if (likely(INET_MATCH(sk2, net, acookie, saddr, daddr, ports, dif, sdif))) {
			/* RFC 9293 3.6.1: a TIME_WAIT connection may be reopened if the protocol agrees. */
			if (sk2->sk_state == TCP_TIME_WAIT) {
				tw = inet_twsk(sk2);
				if (twsk_unique(sk, sk2, twp))
					break;
			}
			goto not_unique;
		}
	}

	/* Must record num and sport now. Otherwise we will see
	 * in hash table socket with a funny identity.
	 */
	inet->inet_num = lport;
	inet->inet_sport = htons(lport);
	sk->sk_hash = hash;
	WARN_ON(!sk_unhashed(sk));
	__sk_nulls_add_node_rcu(sk, &head->chain);
	if (tw) {
		sk_nulls_del_node_init_rcu((struct sock *)tw);
		__NET_INC_STATS(net, LINUX_MIB_TIMEWAITRECYCLED);
	}
	spin_unlock(lock);
	sock_prot_inuse_add(sock_net(sk), sk->sk_prot, 1);

	if (twp) {
		*twp = tw;
	} else if (tw) {
		/* Silly. Should hash-dance instead... */
		inet_twsk_deschedule_put(tw);
	}
	return 0;

not_unique:
	spin_unlock(lock);
	return -EADDRNOTAVAIL;
}

static struct sock *sk_bind_head(const struct hlist_head *head)
{
	return hlist_empty(head) ? NULL : hlist_entry(head->first, struct sock, sk_bind_node);
}

noinline int __inet_hash_connect(struct inet_timewait_death_row *death_row, struct sock *sk,
				 u32 port_offset,
				 int (*check_established)(struct inet_timewait_death_row *,
							  struct sock *, __u16,
							  struct inet_timewait_sock **))
{
	struct inet_hashinfo *hinfo = death_row->hashinfo;
	struct inet_timewait_sock *tw = NULL;
	struct inet_bind_hashbucket *head;
	int port = inet_sk(sk)->inet_num;
	struct net *net = sock_net(sk);
	struct inet_bind_bucket *tb;
	u32 remaining, offset;
	int ret, i, low, high;
	static u32 hint;

	if (port) {
		/* bind() chose the port: only the 4-tuple has to be unique. */
		head = &hinfo->bhash[inet_bhashfn(net, port, hinfo->bhash_size)];
		tb = inet_csk(sk)->icsk_bind_hash;
		spin_lock_bh(&head->lock);
		if (sk_bind_head(&tb->owners) == sk && !sk->sk_bind_node.next) {
			inet_ehash_nolisten(sk, NULL);
			spin_unlock_bh(&head->lock);
			return 0;
		}
		spin_unlock(&head->lock);
		/* No definite answer... Walk to established hash table */
		ret = check_established(death_row, sk, port, NULL);
		local_bh_enable();
		return ret;
	}

	inet_get_local_port_range(net, &low, &high);
	high++; /* [32768, 60999] -> [32768, 61000[ */
	remaining = high - low;
	if (likely(remaining > 1))
		remaining &= ~1U;

	offset = (hint + port_offset) % remaining;
	/* In first pass we try ports of @low parity.
	 * inet_csk_get_port() does the opposite choice.
	 */
	offset &= ~1U;
other_parity_scan:
	port = low + offset;
	for (i = 0; i < (int)remaining; i += 2, port += 2) {
		if (unlikely(port >= high))
			port -= remaining;
		head = &hinfo->bhash[inet_bhashfn(net, port, hinfo->bhash_size)];
		spin_lock_bh(&head->lock);

		/* Does not bother with rcv_saddr checks, because
		 * the established check is already unique enough.
		 */
		inet_bind_bucket_for_each(tb, &head->chain) {
			if (net_eq(ib_net(tb), net) && tb->port == port) {
				/* A port taken by bind() is not shared with connect(). */
				if (tb->fastreuse >= 0)
					goto next_port;
				WARN_ON(hlist_empty(&tb->owners));
				if (!check_established(death_row, sk, port, &tw))
					goto ok;
				goto next_port;
			}
		}

		tb = inet_bind_bucket_create(hinfo->bind_bucket_cachep, net, head, port);
		if (!tb) {
			spin_unlock_bh(&head->lock);
			return -ENOMEM;
		}
		tb->fastreuse = -1;
		if (!check_established(death_row, sk, port, &tw))
			goto ok;
next_port:
		spin_unlock_bh(&head->lock);
	}

	offset++;
	if ((offset & 1) && remaining > 1)
		goto other_parity_scan;

	return -EADDRNOTAVAIL;

ok:
	hint += i + 2;

	/* Head lock still held and bh's disabled */
	inet_bind_hash(sk, tb, port);
	if (sk_unhashed(sk)) {
		inet_sk(sk)->inet_sport = htons(port);
		inet_ehash_nolisten(sk, (struct sock *)tw);
	}
	if (tw)
		inet_twsk_bind_unhash(tw, hinfo);
	spin_unlock(&head->lock);
	if (tw)
		inet_twsk_deschedule_put(tw);
	local_bh_enable();
	return 0;
}

/*
 * Bind a port for a connect operation and hash it.
 */
noinline int inet_hash_connect(struct inet_timewait_death_row *death_row, struct sock *sk)
{
	u32 port_offset = 0;

	if (!inet_sk(sk)->inet_num)
		port_offset = inet_sk_port_offset(sk);
	return __inet_hash_connect(death_row, sk, port_offset, __inet_check_established);
}
