/*
 * INET		Generic TIME_WAIT sockets functions (Linux net/ipv4/inet_timewait_sock.c).
 *
 * When a TCP connection reaches TIME_WAIT (tcp_time_wait), the full socket is replaced by a small
 * struct inet_timewait_sock: inet_twsk_alloc copies its identity, inet_twsk_hashdance puts it in
 * the socket's place in the established hash and bind bucket, and tw_timer ends it after 2*MSL
 * (or sooner for a FIN_WAIT2 orphan). References: bhash + ehash + timer (3), as in Linux 5.x;
 * the caller of inet_twsk_hashdance must not touch tw afterwards.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/timer.h>
#include <net/sock.h>
#include <net/snmp.h>
#include <net/inet_hashtables.h>
#include <net/inet_timewait_sock.h>

/**
 *	inet_twsk_bind_unhash - unhash a timewait socket from bind hash
 *	@tw: timewait socket
 *	@hashinfo: hashinfo pointer
 *
 *	unhash a timewait socket from bind hash, if hashed.
 *	bind hash lock must be held by caller.
 */
void inet_twsk_bind_unhash(struct inet_timewait_sock *tw, struct inet_hashinfo *hashinfo)
{
	struct inet_bind_bucket *tb = tw->tw_tb;

	if (!tb)
		return;

	hlist_del_init(&tw->tw_bind_node);
	tw->tw_tb = NULL;
	inet_bind_bucket_destroy(hashinfo->bind_bucket_cachep, tb);
	__sock_put((struct sock *)tw);
}

/* Must be called with locally disabled BHs. */
static void inet_twsk_kill(struct inet_timewait_sock *tw)
{
	struct inet_hashinfo *hashinfo = tw->tw_dr->hashinfo;
	spinlock_t *lock = inet_ehash_lockp(hashinfo, tw->tw_hash);
	struct inet_bind_hashbucket *bhead;

	spin_lock(lock);
	sk_nulls_del_node_init_rcu((struct sock *)tw);
	spin_unlock(lock);

	/* Disassociate with bind bucket. */
	bhead = &hashinfo->bhash[inet_bhashfn(tw->tw_net, tw->tw_num, hashinfo->bhash_size)];

	spin_lock(&bhead->lock);
	inet_twsk_bind_unhash(tw, hashinfo);
	spin_unlock(&bhead->lock);

	atomic_dec(&tw->tw_dr->tw_count);
	inet_twsk_put(tw);
}

void inet_twsk_free(struct inet_timewait_sock *tw)
{
	twsk_destructor((struct sock *)tw);
	kmem_cache_free(tw->tw_prot->twsk_prot->twsk_slab, tw);
}

void inet_twsk_put(struct inet_timewait_sock *tw)
{
	if (refcount_dec_and_test(&tw->tw_refcnt))
		inet_twsk_free(tw);
}

/*
 * Enter the time wait state. This is called with locally disabled BH.
 * Essentially we whip up a timewait bucket, copy the relevant info into it
 * from the SK, and mess with hash chains and list linkage.
 */
noinline void inet_twsk_hashdance(struct inet_timewait_sock *tw, struct sock *sk,
				  struct inet_hashinfo *hashinfo)
{
	const struct inet_sock *inet = inet_sk(sk);
	const struct inet_connection_sock *icsk = inet_csk(sk);
	struct inet_ehash_bucket *ehead = inet_ehash_bucket(hashinfo, sk->sk_hash);
	spinlock_t *lock = inet_ehash_lockp(hashinfo, sk->sk_hash);
	struct inet_bind_hashbucket *bhead;

	/* Step 1: Put TW into bind hash. Original socket stays there too.
	 * Note, that any socket with inet->num != 0 MUST be bound in
	 * binding cache, even if it is closed.
	 */
	bhead = &hashinfo->bhash[inet_bhashfn(sock_net(sk), inet->inet_num, hashinfo->bhash_size)];
	spin_lock(&bhead->lock);
	tw->tw_tb = icsk->icsk_bind_hash;
	WARN_ON(!icsk->icsk_bind_hash);
	hlist_add_head(&tw->tw_bind_node, &tw->tw_tb->owners);
	spin_unlock(&bhead->lock);

	spin_lock(lock);

	/* Step 2: Hash TW into the established hash. */
	hlist_add_head(&tw->tw_node, &ehead->chain);

	/* Step 3: Remove SK from hash chain */
	if (__sk_nulls_del_node_init_rcu(sk))
		sock_prot_inuse_add(sock_net(sk), sk->sk_prot, -1);

	spin_unlock(lock);

	/* tw_refcnt is set to 3 because we have :
	 * - one reference for bhash chain.
	 * - one reference for ehash chain.
	 * - one reference for timer.
	 * Also note that after this point, we lost our implicit reference
	 * so we are not allowed to use tw anymore.
	 */
	refcount_set(&tw->tw_refcnt, 3);
}

static void tw_timer_handler(struct timer_list *t)
{
	struct inet_timewait_sock *tw = from_timer(tw, t, tw_timer);

	__NET_INC_STATS(tw->tw_net, LINUX_MIB_TIMEWAITED);
	inet_twsk_kill(tw);
}

noinline struct inet_timewait_sock *inet_twsk_alloc(const struct sock *sk,
						    struct inet_timewait_death_row *dr,
						    const int state)
{
	struct inet_timewait_sock *tw;

	/* Too many: the caller closes without TIME_WAIT (Linux: LINUX_MIB_TCPTIMEWAITOVERFLOW). */
	if (atomic_read(&dr->tw_count) >= dr->sysctl_max_tw_buckets)
		return NULL;

	tw = kmem_cache_zalloc(sk->sk_prot_creator->twsk_prot->twsk_slab, GFP_ATOMIC);
	if (tw) {
		const struct inet_sock *inet = inet_sk(sk);

		tw->tw_dr	    = dr;
		/* Give us an identity. */
		tw->tw_daddr	    = inet->inet_daddr;
		tw->tw_rcv_saddr    = inet->inet_rcv_saddr;
		tw->tw_bound_dev_if = sk->sk_bound_dev_if;
		tw->tw_tos	    = inet->tos;
		tw->tw_num	    = inet->inet_num;
		tw->tw_state	    = TCP_TIME_WAIT;
		tw->tw_substate	    = state;
		tw->tw_sport	    = inet->inet_sport;
		tw->tw_dport	    = inet->inet_dport;
		tw->tw_family	    = sk->sk_family;
		tw->tw_reuse	    = sk->sk_reuse;
		tw->tw_hash	    = sk->sk_hash;
		tw->tw_transparent  = inet->transparent;
		tw->tw_prot	    = sk->sk_prot_creator;
		tw->tw_net	    = sock_net(sk);
		timer_setup(&tw->tw_timer, tw_timer_handler, 0);
		/* No reference until inet_twsk_hashdance makes the sock visible. */
		refcount_set(&tw->tw_refcnt, 0);
	}
	return tw;
}

/* These are always called from BH context.  See callers in
 * tcp_input.c to verify this.
 */

/* This is for handling early-kills of TIME_WAIT sockets.
 * Warning : consume reference.
 * Caller should not access tw anymore.
 */
noinline void inet_twsk_deschedule_put(struct inet_timewait_sock *tw)
{
	if (del_timer_sync(&tw->tw_timer))
		inet_twsk_kill(tw);
	inet_twsk_put(tw);
}

/*
 * Arms the TIME_WAIT timer (timeo jiffies). rearm: the timer runs already (a new FIN in TIME_WAIT
 * restarts the 2*MSL wait, RFC 9293 3.10.7.4).
 */
noinline void __inet_twsk_schedule(struct inet_timewait_sock *tw, int timeo, bool rearm)
{
	tw->tw_kill = timeo <= 4 * HZ;
	if (!rearm) {
		BUG_ON(mod_timer(&tw->tw_timer, jiffies + timeo));
		atomic_inc(&tw->tw_dr->tw_count);
	} else if (timer_pending(&tw->tw_timer)) {
		mod_timer(&tw->tw_timer, jiffies + timeo);
	}
}
