/*
 * Neighbour cache (net/core/neighbour.c): maps a next-hop protocol address to a link-layer
 * address, one table per protocol (arp_tbl for IPv4). Each entry runs the NUD state machine
 * (RFC 4861 7.3.2 terms, which Linux uses for ARP too):
 *
 *   NONE -> INCOMPLETE (solicit every retrans_time, up to mcast_probes) -> REACHABLE | FAILED
 *   REACHABLE -(reachable_time)-> STALE -(used)-> DELAY -(delay_probe_time)-> PROBE -> REACHABLE | FAILED
 *   PERMANENT (arp -s), NOARP (loopback, broadcast)
 *
 * Packets sent while the address is unknown wait in neigh->arp_queue (bounded by queue_len_bytes)
 * and go out when the reply arrives (neigh_update), or are dropped and counted when it fails.
 */
#ifndef _NET_NEIGHBOUR_H
#define _NET_NEIGHBOUR_H

#include <linux/types.h>
#include <linux/refcount.h>
#include <linux/timer.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/seq_file.h>

/* nud_state bits (uapi/linux/neighbour.h). */
#define NUD_INCOMPLETE	0x01
#define NUD_REACHABLE	0x02
#define NUD_STALE	0x04
#define NUD_DELAY	0x08
#define NUD_PROBE	0x10
#define NUD_FAILED	0x20
#define NUD_NOARP	0x40
#define NUD_PERMANENT	0x80
#define NUD_NONE	0x00

#define NUD_IN_TIMER	(NUD_INCOMPLETE | NUD_REACHABLE | NUD_DELAY | NUD_PROBE)
#define NUD_VALID	(NUD_PERMANENT | NUD_NOARP | NUD_REACHABLE | NUD_PROBE | NUD_STALE | NUD_DELAY)
#define NUD_CONNECTED	(NUD_PERMANENT | NUD_NOARP | NUD_REACHABLE)

/* neigh_update() flags */
#define NEIGH_UPDATE_F_OVERRIDE		0x00000001	/* a different lladdr replaces the old one */
#define NEIGH_UPDATE_F_WEAK_OVERRIDE	0x00000002
#define NEIGH_UPDATE_F_ADMIN		0x80000000	/* from the user (arp -s / -d): may touch PERMANENT */

struct neighbour;

struct neigh_parms {
	struct net_device	*dev;
	unsigned int		reachable_time;		/* jiffies; randomised from base_reachable_time */
	unsigned int		base_reachable_time;	/* 30 s */
	unsigned int		retrans_time;		/* 1 s between solicits */
	unsigned int		gc_staletime;		/* 60 s: unused STALE entries go */
	unsigned int		delay_probe_time;	/* 5 s in DELAY before probing */
	unsigned int		queue_len_bytes;	/* bytes that may wait for resolution */
	unsigned int		ucast_probes;		/* unicast probes in PROBE */
	unsigned int		app_probes;
	unsigned int		mcast_probes;		/* broadcast requests while INCOMPLETE: 3 */
	unsigned int		locktime;
};

struct neigh_statistics {
	unsigned long allocs;		/* entries created */
	unsigned long destroys;
	unsigned long hash_grows;
	unsigned long res_failed;	/* resolutions that ended in FAILED */
	unsigned long lookups;
	unsigned long hits;
	unsigned long rcv_probes_mcast;	/* ARP requests received */
	unsigned long rcv_probes_ucast;
	unsigned long periodic_gc_runs;
	unsigned long forced_gc_runs;
	unsigned long unres_discards;	/* packets dropped: resolution failed or queue full */
	unsigned long table_fulls;
};

struct neigh_ops {
	int		family;
	void		(*solicit)(struct neighbour *neigh, struct sk_buff *skb);
	void		(*error_report)(struct neighbour *neigh, struct sk_buff *skb);
	int		(*output)(struct neighbour *neigh, struct sk_buff *skb);
	int		(*connected_output)(struct neighbour *neigh, struct sk_buff *skb);
};

struct neighbour {
	struct neighbour	*next;		/* hash chain */
	struct neigh_table	*tbl;
	struct neigh_parms	*parms;
	unsigned long		confirmed;	/* jiffies of the last proof of reachability */
	unsigned long		updated;	/* jiffies of the last state change */
	unsigned long		used;		/* jiffies of the last packet sent through it */
	refcount_t		refcnt;
	unsigned int		arp_queue_len_bytes;
	struct sk_buff_head	arp_queue;	/* packets waiting for resolution */
	struct timer_list	timer;
	int			probes;		/* solicits sent in this resolution */
	u8			flags;
	u8			nud_state;
	u8			type;		/* RTN_UNICAST, RTN_BROADCAST, RTN_LOCAL ... */
	u8			dead;		/* unlinked from the table; freed at the last reference */
	unsigned char		ha[MAX_ADDR_LEN];	/* link-layer address */
	int			(*output)(struct neighbour *neigh, struct sk_buff *skb);
	const struct neigh_ops	*ops;
	struct net_device	*dev;
	u32			primary_key[1];	/* the protocol address (IPv4: __be32) */
};

struct neigh_table {
	int			family;
	unsigned int		entry_size;
	unsigned int		key_len;
	__be16			protocol;
	u32			(*hash)(const void *pkey, const struct net_device *dev, u32 *hash_rnd);
	int			(*constructor)(struct neighbour *neigh);
	char			*id;		/* "arp_cache" */
	struct neigh_parms	parms;
	unsigned int		gc_interval;
	int			gc_thresh1;	/* below this no GC */
	int			gc_thresh2;
	int			gc_thresh3;	/* hard limit on entries */
	unsigned long		last_flush;
	struct timer_list	gc_timer;
	int			entries;
	struct neigh_statistics	stats;
	struct neighbour	**hash_buckets;
	unsigned int		hash_mask;
	u32			hash_rnd;
	struct kmem_cache	*kmem_cachep;
};

enum {
	NEIGH_ARP_TABLE = 0,
	NEIGH_NR_TABLES,
};

/* Control block of an skb waiting in arp_queue. */
struct neighbour_cb {
	unsigned long sched_next;
	unsigned int flags;
};
#define NEIGH_CB(skb)	((struct neighbour_cb *)(skb)->cb)

void neigh_table_init(int index, struct neigh_table *tbl);
int neigh_table_clear(int index, struct neigh_table *tbl);
struct neighbour *neigh_lookup(struct neigh_table *tbl, const void *pkey, struct net_device *dev);
struct neighbour *__neigh_create(struct neigh_table *tbl, const void *pkey, struct net_device *dev,
				 bool want_ref);
struct neighbour *neigh_create(struct neigh_table *tbl, const void *pkey, struct net_device *dev);
int neigh_update(struct neighbour *neigh, const u8 *lladdr, u8 new, u32 flags, u32 nlmsg_pid);
struct neighbour *neigh_event_ns(struct neigh_table *tbl, u8 *lladdr, void *saddr, struct net_device *dev);
int __neigh_event_send(struct neighbour *neigh, struct sk_buff *skb);
int neigh_resolve_output(struct neighbour *neigh, struct sk_buff *skb);
int neigh_connected_output(struct neighbour *neigh, struct sk_buff *skb);
int neigh_direct_output(struct neighbour *neigh, struct sk_buff *skb);
void neigh_destroy(struct neighbour *neigh);
int neigh_ifdown(struct neigh_table *tbl, struct net_device *dev);
void neigh_changeaddr(struct neigh_table *tbl, struct net_device *dev);
/* Removes an entry (arp -d): unlinks it and drops waiting packets. */
int neigh_remove_one(struct neighbour *ndel, struct neigh_table *tbl);
const char *neigh_state_name(u8 nud_state);
/* Walks every entry: cb(n, cookie). */
void neigh_for_each(struct neigh_table *tbl, void (*cb)(struct neighbour *, void *), void *cookie);

static inline void neigh_release(struct neighbour *neigh)
{
	if (refcount_dec_and_test(&neigh->refcnt))
		neigh_destroy(neigh);
}

static inline struct neighbour *neigh_clone(struct neighbour *neigh)
{
	if (neigh)
		refcount_inc(&neigh->refcnt);
	return neigh;
}

#define neigh_hold(n)	refcount_inc(&(n)->refcnt)

/* Used for a packet: keeps a STALE entry from ageing (moves it to DELAY) or starts resolution.
 * Returns 0 if the packet may go now, 1 if it was queued (or dropped) waiting for resolution. */
static inline int neigh_event_send(struct neighbour *neigh, struct sk_buff *skb)
{
	unsigned long now = jiffies;

	if (READ_ONCE(neigh->used) != now)
		WRITE_ONCE(neigh->used, now);
	if (!(neigh->nud_state & (NUD_CONNECTED | NUD_DELAY | NUD_PROBE)))
		return __neigh_event_send(neigh, skb);
	return 0;
}

/* The last step of the output path below IP: neigh->output is neigh_resolve_output while the
 * address is unresolved and neigh_connected_output once it is known. */
int neigh_output(struct neighbour *n, struct sk_buff *skb, bool skip_cache);

static inline void neigh_confirm(struct neighbour *n)
{
	if (n && n->confirmed != jiffies)
		n->confirmed = jiffies;
}

#endif
