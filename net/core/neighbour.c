/*
 * The neighbour cache (include/net/neighbour.h), protocol independent: ARP plugs in through
 * struct neigh_table (arp_tbl) and neigh_ops (arp_solicit). Each entry's timer runs the NUD state
 * machine: INCOMPLETE entries re-solicit every retrans_time until mcast_probes requests went
 * unanswered (then FAILED: waiting packets are dropped and counted, and the protocol's
 * error_report sends ICMP host unreachable); REACHABLE ages to STALE after reachable_time; a STALE
 * entry used for sending goes to DELAY, then PROBE (unicast probes), and back to REACHABLE when
 * confirmed. Unused STALE/FAILED entries are garbage-collected.
 */
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/random.h>
#include <linux/jiffies.h>
#include <linux/err.h>
#include <net/neighbour.h>
#include <net/dst.h>

#define NEIGH_HASH_BITS	8

static struct neigh_table *neigh_tables[NEIGH_NR_TABLES];

static void neigh_timer_handler(struct timer_list *t);

/* net.debug=arp: "neigh: 10.0.2.2 on eth0 INCOMPLETE -> REACHABLE" (IPv4 is the only table). */
static void neigh_debug_state(const struct neighbour *n, u8 old, u8 new)
{
	const u8 *a = (const u8 *)n->primary_key;

	net_debug(NET_DBG_ARP, "neigh: %u.%u.%u.%u on %s %s -> %s\n", a[0], a[1], a[2], a[3], n->dev->name,
		  neigh_state_name(old), neigh_state_name(new));
}

/* RFC 4861 6.3.2: ReachableTime is uniformly random in [0.5, 1.5) * BaseReachableTime. */
static unsigned long neigh_rand_reach_time(unsigned long base)
{
	return base ? (get_random_u32_below(base) + (base >> 1)) : 0;
}

static u32 neigh_hash(const struct neigh_table *tbl, const void *pkey, const struct net_device *dev)
{
	u32 rnd = tbl->hash_rnd;

	return (tbl->hash(pkey, dev, &rnd) >> 16) & tbl->hash_mask;
}

const char *neigh_state_name(u8 nud_state)
{
	switch (nud_state) {
	case NUD_NONE: return "NONE";
	case NUD_INCOMPLETE: return "INCOMPLETE";
	case NUD_REACHABLE: return "REACHABLE";
	case NUD_STALE: return "STALE";
	case NUD_DELAY: return "DELAY";
	case NUD_PROBE: return "PROBE";
	case NUD_FAILED: return "FAILED";
	case NUD_NOARP: return "NOARP";
	case NUD_PERMANENT: return "PERMANENT";
	}
	return "?";
}

static void neigh_add_timer(struct neighbour *n, unsigned long when)
{
	if (!timer_pending(&n->timer))
		neigh_hold(n);		/* the timer holds a reference */
	mod_timer(&n->timer, when);
}

static int neigh_del_timer(struct neighbour *n)
{
	if ((n->nud_state & NUD_IN_TIMER) && del_timer(&n->timer)) {
		neigh_release(n);
		return 1;
	}
	return 0;
}

/* Drops every packet waiting for resolution, counting each. */
static void neigh_purge_queue(struct neighbour *neigh, enum skb_drop_reason reason)
{
	struct sk_buff *skb;

	while ((skb = __skb_dequeue(&neigh->arp_queue)) != NULL) {
		neigh->tbl->stats.unres_discards++;
		kfree_skb_reason(skb, reason);
	}
	neigh->arp_queue_len_bytes = 0;
}

static void neigh_unlink(struct neighbour *n);

/* Removes entries only the table holds that are FAILED or have not changed for 5 s. */
static int neigh_forced_gc(struct neigh_table *tbl)
{
	unsigned long tref = jiffies - 5 * HZ;
	unsigned int i;
	int shrunk = 0;

	tbl->stats.forced_gc_runs++;
	for (i = 0; i <= tbl->hash_mask; i++) {
		struct neighbour *n = tbl->hash_buckets[i], *next;

		for (; n; n = next) {
			next = n->next;
			if (refcount_read(&n->refcnt) == 1 && !(n->nud_state & NUD_PERMANENT) &&
			    (n->nud_state == NUD_FAILED || time_before(n->updated, tref))) {
				neigh_unlink(n);
				shrunk++;
			}
		}
	}
	tbl->last_flush = jiffies;
	return shrunk;
}

static struct neighbour *neigh_alloc(struct neigh_table *tbl, struct net_device *dev)
{
	struct neighbour *n;

	/* Linux's thresholds: above gc_thresh2 (if not flushed for 5 s) or at gc_thresh3, first
	 * throw out entries nobody uses; a full table refuses new entries. */
	if (tbl->entries >= tbl->gc_thresh3 ||
	    (tbl->entries >= tbl->gc_thresh2 && time_after(jiffies, tbl->last_flush + 5 * HZ))) {
		if (!neigh_forced_gc(tbl) && tbl->entries >= tbl->gc_thresh3) {
			tbl->stats.table_fulls++;
			return NULL;
		}
	}
	n = kmem_cache_zalloc(tbl->kmem_cachep, GFP_ATOMIC);
	if (!n)
		return NULL;
	skb_queue_head_init(&n->arp_queue);
	n->updated = n->used = jiffies;
	n->nud_state = NUD_NONE;
	n->output = neigh_direct_output;
	n->parms = &tbl->parms;
	n->tbl = tbl;
	n->dev = dev;
	refcount_set(&n->refcnt, 1);
	n->dead = 1;
	timer_setup(&n->timer, neigh_timer_handler, 0);
	tbl->stats.allocs++;
	tbl->entries++;
	return n;
}

void neigh_destroy(struct neighbour *neigh)
{
	struct neigh_table *tbl = neigh->tbl;

	WARN_ON(!neigh->dead);
	neigh_purge_queue(neigh, SKB_DROP_REASON_NEIGH_DEAD);
	tbl->stats.destroys++;
	tbl->entries--;
	kmem_cache_free(tbl->kmem_cachep, neigh);
}

/* Unlinks n from the hash and marks it dead; the table's reference goes. */
static void neigh_unlink(struct neighbour *n)
{
	struct neigh_table *tbl = n->tbl;
	struct neighbour **np = &tbl->hash_buckets[neigh_hash(tbl, n->primary_key, n->dev)];

	for (; *np; np = &(*np)->next) {
		if (*np == n) {
			*np = n->next;
			n->next = NULL;
			n->dead = 1;
			neigh_del_timer(n);
			neigh_purge_queue(n, SKB_DROP_REASON_NEIGH_DEAD);
			neigh_release(n);
			return;
		}
	}
}

noinline struct neighbour *neigh_lookup(struct neigh_table *tbl, const void *pkey, struct net_device *dev)
{
	struct neighbour *n;

	tbl->stats.lookups++;
	for (n = tbl->hash_buckets[neigh_hash(tbl, pkey, dev)]; n; n = n->next) {
		if (n->dev == dev && !memcmp(n->primary_key, pkey, tbl->key_len)) {
			neigh_hold(n);
			tbl->stats.hits++;
			return n;
		}
	}
	return NULL;
}

noinline struct neighbour *__neigh_create(struct neigh_table *tbl, const void *pkey, struct net_device *dev,
					  bool want_ref)
{
	struct neighbour *n = neigh_lookup(tbl, pkey, dev);
	u32 hash;

	if (n) {
		if (!want_ref)
			neigh_release(n);
		return n;
	}
	n = neigh_alloc(tbl, dev);
	if (!n)
		return ERR_PTR(-ENOBUFS);
	memcpy(n->primary_key, pkey, tbl->key_len);
	if (tbl->constructor && tbl->constructor(n) < 0) {
		neigh_release(n);
		return ERR_PTR(-EINVAL);
	}
	n->confirmed = jiffies - (n->parms->base_reachable_time << 1);
	hash = neigh_hash(tbl, pkey, dev);
	n->next = tbl->hash_buckets[hash];
	tbl->hash_buckets[hash] = n;
	n->dead = 0;
	if (want_ref)
		neigh_hold(n);
	return n;
}

/* Linux has it as a macro over __neigh_create; a function here so gdb can stop on it. */
noinline struct neighbour *neigh_create(struct neigh_table *tbl, const void *pkey, struct net_device *dev)
{
	return __neigh_create(tbl, pkey, dev, true);
}

noinline int neigh_output(struct neighbour *n, struct sk_buff *skb, bool skip_cache)
{
	return n->output(n, skb);
}

static void neigh_connect(struct neighbour *neigh)
{
	neigh->output = neigh->ops->connected_output;
}

static void neigh_suspect(struct neighbour *neigh)
{
	neigh->output = neigh->ops->output;
}

/* Sends an ARP request for neigh (the skb that triggered it tells arp_solicit a source address). */
static void neigh_probe(struct neighbour *neigh)
{
	struct sk_buff *skb = skb_peek_tail(&neigh->arp_queue);

	neigh->probes++;
	if (neigh->ops->solicit)
		neigh->ops->solicit(neigh, skb);
}

static void neigh_invalidate(struct neighbour *neigh)
{
	struct sk_buff *skb;

	neigh->tbl->stats.res_failed++;
	/* Tell the senders (ICMP host unreachable, RFC 1122 2.3.2.1), then drop what waited. */
	while ((skb = __skb_dequeue(&neigh->arp_queue)) != NULL) {
		neigh->arp_queue_len_bytes -= skb->truesize;
		if (neigh->ops->error_report)
			neigh->ops->error_report(neigh, skb);
		neigh->tbl->stats.unres_discards++;
		kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_FAILED);
	}
	neigh->arp_queue_len_bytes = 0;
}

/* INCOMPLETE: broadcast requests (mcast_probes); PROBE: unicast ones to the cached address. */
static unsigned int neigh_max_probes(const struct neighbour *n)
{
	const struct neigh_parms *p = n->parms;

	return p->app_probes + (n->nud_state & NUD_PROBE ? p->ucast_probes : p->mcast_probes);
}

/* The NUD state machine, run by each entry's timer. */
static void neigh_timer_handler(struct timer_list *t)
{
	struct neighbour *neigh = from_timer(neigh, t, timer);
	unsigned long now = jiffies, next = now + HZ;
	unsigned int state = neigh->nud_state;

	if (!(state & NUD_IN_TIMER))
		goto out;

	if (state & NUD_REACHABLE) {
		if (time_before_eq(now, neigh->confirmed + neigh->parms->reachable_time)) {
			next = neigh->confirmed + neigh->parms->reachable_time;
		} else if (time_before_eq(now, neigh->used + neigh->parms->delay_probe_time)) {
			/* Not confirmed lately but in use: check soon (DELAY). */
			neigh->nud_state = NUD_DELAY;
			neigh->updated = now;
			neigh_suspect(neigh);
			next = now + neigh->parms->delay_probe_time;
		} else {
			neigh->nud_state = NUD_STALE;
			neigh->updated = now;
			neigh_suspect(neigh);
		}
	} else if (state & NUD_DELAY) {
		if (time_before_eq(now, neigh->confirmed + neigh->parms->delay_probe_time)) {
			neigh->nud_state = NUD_REACHABLE;
			neigh->updated = now;
			neigh_connect(neigh);
			next = neigh->confirmed + neigh->parms->reachable_time;
		} else {
			neigh->nud_state = NUD_PROBE;
			neigh->updated = now;
			neigh->probes = 0;
			next = now + neigh->parms->retrans_time;
		}
	} else {
		/* INCOMPLETE or PROBE: another solicit, unless the probes ran out. */
		next = now + neigh->parms->retrans_time;
	}

	if ((neigh->nud_state & (NUD_INCOMPLETE | NUD_PROBE)) &&
	    (unsigned int)neigh->probes >= neigh_max_probes(neigh)) {
		neigh_debug_state(neigh, neigh->nud_state, NUD_FAILED);
		neigh->nud_state = NUD_FAILED;
		neigh->updated = now;
		neigh_invalidate(neigh);
		goto out;
	}

	if (neigh->nud_state & NUD_IN_TIMER) {
		if (time_before(next, jiffies + HZ / 100))
			next = jiffies + HZ / 100;
		if (!mod_timer(&neigh->timer, next))
			neigh_hold(neigh);
	}
	if (neigh->nud_state & (NUD_INCOMPLETE | NUD_PROBE))
		neigh_probe(neigh);
out:
	neigh_release(neigh);	/* the reference of the timer that just ran */
}

/* Queues skb while the address is resolved; the oldest waiting packets make room (Linux does the same). */
static void neigh_queue_skb(struct neighbour *neigh, struct sk_buff *skb)
{
	while (neigh->arp_queue_len_bytes + skb->truesize > neigh->parms->queue_len_bytes) {
		struct sk_buff *old = __skb_dequeue(&neigh->arp_queue);

		if (!old)
			break;
		neigh->arp_queue_len_bytes -= old->truesize;
		neigh->tbl->stats.unres_discards++;
		kfree_skb_reason(old, SKB_DROP_REASON_NEIGH_QUEUEFULL);
	}
	if (skb->truesize > neigh->parms->queue_len_bytes) {
		neigh->tbl->stats.unres_discards++;
		kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_QUEUEFULL);
		return;
	}
	__skb_queue_tail(&neigh->arp_queue, skb);
	neigh->arp_queue_len_bytes += skb->truesize;
}

/*
 * A packet wants to use an entry that is not connected. NONE/FAILED: start resolution
 * (INCOMPLETE, first request now, the timer sends the others). STALE: send, and check the
 * address soon (DELAY). INCOMPLETE: the packet waits in arp_queue. Returns 0 if skb may be
 * sent now, 1 if it was queued or dropped.
 */
noinline int __neigh_event_send(struct neighbour *neigh, struct sk_buff *skb)
{
	unsigned long now = jiffies;
	bool immediate_probe = false;

	if (neigh->dead) {
		if (skb)
			kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_DEAD);
		return 1;
	}
	if (neigh->nud_state & (NUD_CONNECTED | NUD_DELAY | NUD_PROBE))
		return 0;

	if (!(neigh->nud_state & (NUD_STALE | NUD_INCOMPLETE))) {
		if (!(neigh->parms->mcast_probes + neigh->parms->app_probes)) {
			neigh->nud_state = NUD_FAILED;
			neigh->updated = now;
			if (skb)
				kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_FAILED);
			return 1;
		}
		neigh->probes = 0;
		neigh->nud_state = NUD_INCOMPLETE;
		neigh->updated = now;
		neigh_add_timer(neigh, now + max_t(unsigned long, neigh->parms->retrans_time, HZ / 100));
		immediate_probe = true;
	} else if (neigh->nud_state & NUD_STALE) {
		neigh->nud_state = NUD_DELAY;
		neigh->updated = now;
		neigh_add_timer(neigh, now + neigh->parms->delay_probe_time);
		return 0;
	}

	if (skb)
		neigh_queue_skb(neigh, skb);
	if (immediate_probe)
		neigh_probe(neigh);
	return 1;
}

/*
 * New information about a neighbour (an ARP reply or request from it, or `arp -s/-d`), as
 * Linux's neigh_update: lladdr is the link address heard (NULL: keep), new the NUD state.
 * When the entry becomes valid, the packets that waited for it are sent.
 */
noinline int neigh_update(struct neighbour *neigh, const u8 *lladdr, u8 new, u32 flags, u32 nlmsg_pid)
{
	struct net_device *dev = neigh->dev;
	u8 old = neigh->nud_state;
	struct sk_buff *skb;

	if (!(flags & NEIGH_UPDATE_F_ADMIN) && (old & (NUD_NOARP | NUD_PERMANENT)))
		return -EPERM;
	if (neigh->dead)
		return -ENOENT;

	if (!(new & NUD_VALID)) {
		neigh_del_timer(neigh);
		if (old & NUD_CONNECTED)
			neigh_suspect(neigh);
		neigh->nud_state = new;
		neigh->updated = jiffies;
		if ((old & (NUD_INCOMPLETE | NUD_PROBE)) && (new & NUD_FAILED))
			neigh_invalidate(neigh);
		return 0;
	}

	if (!dev->addr_len) {
		lladdr = neigh->ha;
	} else if (lladdr) {
		if ((old & NUD_VALID) && !memcmp(lladdr, neigh->ha, dev->addr_len))
			lladdr = neigh->ha;
	} else {
		if (!(old & NUD_VALID))
			return -EINVAL;
		lladdr = neigh->ha;
	}

	if (new & NUD_CONNECTED)
		neigh->confirmed = jiffies;

	if (old & NUD_VALID) {
		if (lladdr != neigh->ha && !(flags & NEIGH_UPDATE_F_OVERRIDE)) {
			if ((flags & NEIGH_UPDATE_F_WEAK_OVERRIDE) && (old & NUD_CONNECTED)) {
				lladdr = neigh->ha;
				new = NUD_STALE;
			} else {
				return 0;
			}
		} else if (lladdr == neigh->ha && new == NUD_STALE && !(flags & NEIGH_UPDATE_F_ADMIN)) {
			new = old;	/* hearing from a known neighbour does not make it stale */
		}
	}

	if (new != old) {
		neigh_debug_state(neigh, old, new);
		neigh_del_timer(neigh);
		if (new & NUD_PROBE)
			neigh->probes = 0;
		if (new & NUD_IN_TIMER)
			neigh_add_timer(neigh, jiffies + ((new & NUD_REACHABLE) ? neigh->parms->reachable_time : 0));
		neigh->nud_state = new;
		neigh->updated = jiffies;
	}
	if (lladdr != neigh->ha) {
		memcpy(neigh->ha, lladdr, dev->addr_len);
		neigh->updated = jiffies;
		if (!(new & NUD_CONNECTED))
			neigh->confirmed = jiffies - (neigh->parms->base_reachable_time << 1);
	}
	if (new == old)
		return 0;
	if (new & NUD_CONNECTED)
		neigh_connect(neigh);
	else
		neigh_suspect(neigh);

	if (!(old & NUD_VALID)) {
		/* Resolved: what waited goes out now, in order. */
		while ((new & NUD_VALID) && (skb = __skb_dequeue(&neigh->arp_queue)) != NULL) {
			neigh->arp_queue_len_bytes -= skb->truesize;
			neigh->output(neigh, skb);
		}
		neigh->arp_queue_len_bytes = 0;
	}
	return 0;
}

/* Heard from saddr at lladdr (e.g. an ARP request to us): create or refresh its entry as STALE. */
struct neighbour *neigh_event_ns(struct neigh_table *tbl, u8 *lladdr, void *saddr, struct net_device *dev)
{
	struct neighbour *neigh = __neigh_create(tbl, saddr, dev, true);

	if (IS_ERR(neigh))
		return NULL;
	neigh_update(neigh, lladdr, NUD_STALE, NEIGH_UPDATE_F_OVERRIDE, 0);
	return neigh;
}

/* Output while unresolved: resolve first (the skb may wait), then build the link header and send. */
noinline int neigh_resolve_output(struct neighbour *neigh, struct sk_buff *skb)
{
	struct net_device *dev = neigh->dev;
	int err;

	if (neigh_event_send(neigh, skb))
		return 0;
	err = dev_hard_header(skb, dev, ntohs(skb->protocol), neigh->ha, NULL, skb->len);
	if (err < 0) {
		kfree_skb(skb);
		return -EINVAL;
	}
	return dev_queue_xmit(skb);
}

/* Output through a resolved neighbour: link header from neigh->ha, then the device. */
noinline int neigh_connected_output(struct neighbour *neigh, struct sk_buff *skb)
{
	struct net_device *dev = neigh->dev;
	int err = dev_hard_header(skb, dev, ntohs(skb->protocol), neigh->ha, NULL, skb->len);

	if (err < 0) {
		kfree_skb(skb);
		return -EINVAL;
	}
	return dev_queue_xmit(skb);
}

int neigh_direct_output(struct neighbour *neigh, struct sk_buff *skb)
{
	return dev_queue_xmit(skb);
}

static void neigh_flush_dev(struct neigh_table *tbl, struct net_device *dev)
{
	unsigned int i;

	for (i = 0; i <= tbl->hash_mask; i++) {
		struct neighbour *n = tbl->hash_buckets[i], *next;

		for (; n; n = next) {
			next = n->next;
			if (!dev || n->dev == dev)
				neigh_unlink(n);
		}
	}
}

int neigh_ifdown(struct neigh_table *tbl, struct net_device *dev)
{
	neigh_flush_dev(tbl, dev);
	return 0;
}

void neigh_changeaddr(struct neigh_table *tbl, struct net_device *dev)
{
	neigh_flush_dev(tbl, dev);
}

int neigh_remove_one(struct neighbour *ndel, struct neigh_table *tbl)
{
	if (ndel->dead)
		return -ENOENT;
	neigh_unlink(ndel);
	return 0;
}

void neigh_for_each(struct neigh_table *tbl, void (*cb)(struct neighbour *, void *), void *cookie)
{
	unsigned int i;
	struct neighbour *n;

	for (i = 0; i <= tbl->hash_mask; i++)
		for (n = tbl->hash_buckets[i]; n; n = n->next)
			cb(n, cookie);
}

/*
 * Periodic garbage collection: entries only the table references that FAILED, or went unused
 * for gc_staletime while STALE, are removed. Also re-randomises reachable_time.
 */
static void neigh_periodic_work(struct timer_list *t)
{
	struct neigh_table *tbl = from_timer(tbl, t, gc_timer);
	unsigned int i;

	tbl->stats.periodic_gc_runs++;
	tbl->parms.reachable_time = neigh_rand_reach_time(tbl->parms.base_reachable_time);
	for (i = 0; i <= tbl->hash_mask; i++) {
		struct neighbour *n = tbl->hash_buckets[i], *next;

		for (; n; n = next) {
			next = n->next;
			if (n->nud_state & (NUD_PERMANENT | NUD_IN_TIMER))
				continue;
			if (refcount_read(&n->refcnt) == 1 &&
			    (n->nud_state == NUD_FAILED || n->nud_state == NUD_NONE ||
			     time_after(jiffies, n->used + n->parms->gc_staletime)))
				neigh_unlink(n);
		}
	}
	mod_timer(&tbl->gc_timer, jiffies + tbl->gc_interval);
}

void neigh_table_init(int index, struct neigh_table *tbl)
{
	tbl->hash_mask = (1 << NEIGH_HASH_BITS) - 1;
	tbl->hash_buckets = kcalloc(tbl->hash_mask + 1, sizeof(struct neighbour *), GFP_KERNEL);
	BUG_ON(!tbl->hash_buckets);
	tbl->hash_rnd = get_random_u32() | 1;
	tbl->kmem_cachep = kmem_cache_create(tbl->id, tbl->entry_size, 0, SLAB_HWCACHE_ALIGN | SLAB_PANIC, NULL);
	tbl->parms.reachable_time = neigh_rand_reach_time(tbl->parms.base_reachable_time);
	tbl->last_flush = jiffies;
	timer_setup(&tbl->gc_timer, neigh_periodic_work, 0);
	mod_timer(&tbl->gc_timer, jiffies + tbl->gc_interval);
	neigh_tables[index] = tbl;
}

/* Empties the table (tests, and "ip neigh flush all"). */
int neigh_table_clear(int index, struct neigh_table *tbl)
{
	neigh_flush_dev(tbl, NULL);
	return 0;
}
