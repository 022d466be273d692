/*
 * struct sk_buff: one packet in flight, as in Linux. The data lives in one linear buffer
 * [head, end); the packet is [data, tail). Headers are added in front with skb_push() (the
 * headroom reserved at allocation) and stripped with skb_pull() on the way up. Only linear
 * skbs exist here (data_len is always 0), so len is the whole packet.
 *
 *   head ---- data ======== tail ---- end
 *   headroom   packet (len)   tailroom
 *
 * Allocation goes through the "skbuff_head_cache" kmem_cache (headers) and kmalloc (data), and
 * skbuff_in_use() counts live skbs so tests can assert that nothing leaked.
 */
#ifndef _LINUX_SKBUFF_H
#define _LINUX_SKBUFF_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/spinlock.h>
#include <linux/slab.h>
#include <linux/bug.h>
#include <linux/refcount.h>
#include <linux/errno.h>
#include <linux/byteorder.h>

struct sock;
struct net_device;
struct dst_entry;

/* skb->pkt_type: who the link-layer destination was (set by eth_type_trans). */
#define PACKET_HOST		0	/* to us */
#define PACKET_BROADCAST	1
#define PACKET_MULTICAST	2
#define PACKET_OTHERHOST	3	/* to someone else (promiscuous) */
#define PACKET_OUTGOING		4
#define PACKET_LOOPBACK		5

/* skb->ip_summed */
#define CHECKSUM_NONE		0	/* nothing verified: software must check */
#define CHECKSUM_UNNECESSARY	1	/* already verified (loopback, or a NIC that checked it) */
#define CHECKSUM_COMPLETE	2
#define CHECKSUM_PARTIAL	3

struct sk_buff {
	/* Queue linkage: must be first, so a struct sk_buff_head can pose as a list node. */
	struct sk_buff		*next;
	struct sk_buff		*prev;

	struct sock		*sk;		/* owning socket, or NULL */
	struct net_device	*dev;		/* arrived on / leaves through */
	unsigned long		_skb_refdst;	/* struct dst_entry * (route); skb_dst() */
	void			(*destructor)(struct sk_buff *skb);
	unsigned long		tstamp;		/* jiffies at receive */

	/* Private to the layer that currently owns the skb (TCP_SKB_CB, IPCB, FRAG_CB, NEIGH_CB). */
	char			cb[48] __aligned(8);

	unsigned int		len;		/* bytes in [data, tail) */
	unsigned int		data_len;	/* always 0: no paged fragments */
	unsigned int		truesize;	/* memory charged to a socket: sizeof(sk_buff) + buffer */
	refcount_t		users;		/* references: kfree_skb frees at zero */

	__be16			protocol;	/* EtherType of the payload, network order */
	u8			pkt_type;	/* PACKET_HOST ... */
	u8			ip_summed;	/* CHECKSUM_NONE ... */
	u8			cloned;		/* data shared with another skb: do not write headers */
	__wsum			csum;
	u32			priority;
	u32			mark;

	/* Offsets from head, so they survive copies of the buffer. ~0 means "not set". */
	u16			transport_header;
	u16			network_header;
	u16			mac_header;

	unsigned char		*head;
	unsigned char		*data;
	unsigned char		*tail;
	unsigned char		*end;
};

/* The linkage a struct sk_buff and a struct sk_buff_head share at their start. */
struct sk_buff_list {
	struct sk_buff	*next;
	struct sk_buff	*prev;
};

struct sk_buff_head {
	/* These two must be first: the head is a sentinel node of the circular list. */
	struct sk_buff	*next;
	struct sk_buff	*prev;

	u32		qlen;
	spinlock_t	lock;
};

/*
 * Why a packet was dropped (Linux's enum skb_drop_reason, a subset). kfree_skb_reason() counts
 * each reason in skb_drop_reasons[], shown in /proc/net/dropreasons and by `netstat -s`, so a test
 * can assert not only that a bad packet was dropped but why.
 */
enum skb_drop_reason {
	SKB_NOT_DROPPED_YET = 0,
	SKB_CONSUMED,
	SKB_DROP_REASON_NOT_SPECIFIED,
	SKB_DROP_REASON_NO_SOCKET,
	SKB_DROP_REASON_PKT_TOO_SMALL,		/* shorter than the header it claims */
	SKB_DROP_REASON_TCP_CSUM,
	SKB_DROP_REASON_UDP_CSUM,
	SKB_DROP_REASON_OTHERHOST,		/* link-layer address not ours */
	SKB_DROP_REASON_IP_CSUM,
	SKB_DROP_REASON_IP_INHDR,		/* bad version or header length */
	SKB_DROP_REASON_IP_INADDRERRORS,	/* not for us and not forwarding */
	SKB_DROP_REASON_IP_NOPROTO,		/* no handler for the IP protocol */
	SKB_DROP_REASON_IP_OUTNOROUTES,
	SKB_DROP_REASON_IP_TTL_EXPIRED,		/* TTL <= 1 when forwarding */
	SKB_DROP_REASON_IP_TOO_BIG,		/* DF set and larger than the MTU */
	SKB_DROP_REASON_IP_FRAG_OVERLAP,	/* RFC 5722: overlapping fragments */
	SKB_DROP_REASON_IP_FRAG_TIMEOUT,
	SKB_DROP_REASON_IP_FRAG_MEM,		/* reassembly memory limit */
	SKB_DROP_REASON_IP_FRAG_INVALID,	/* beyond 65535 or inconsistent end */
	SKB_DROP_REASON_SOCKET_RCVBUFF,
	SKB_DROP_REASON_PROTO_MEM,
	SKB_DROP_REASON_NEIGH_FAILED,		/* ARP resolution failed */
	SKB_DROP_REASON_NEIGH_QUEUEFULL,	/* too many packets waiting for ARP */
	SKB_DROP_REASON_NEIGH_DEAD,
	SKB_DROP_REASON_ARP_INVALID,		/* malformed or not for IPv4-over-Ethernet */
	SKB_DROP_REASON_ICMP_CSUM,
	SKB_DROP_REASON_ICMP_INVALID,
	SKB_DROP_REASON_UNHANDLED_PROTO,	/* no packet_type for the EtherType */
	SKB_DROP_REASON_DEV_READY,		/* device down */
	SKB_DROP_REASON_CPU_BACKLOG,		/* netif_rx backlog full */
	SKB_DROP_REASON_QDISC_DROP,		/* stopped queue and its qdisc full */
	SKB_DROP_REASON_FULL_RING,
	SKB_DROP_REASON_MAX,
};
extern unsigned long skb_drop_reasons[SKB_DROP_REASON_MAX];
extern const char *const drop_reasons[SKB_DROP_REASON_MAX];

/* Allocation and release (net/core/skbuff.c). */
void kfree_skb_reason(struct sk_buff *skb, enum skb_drop_reason reason);
struct sk_buff *alloc_skb(unsigned int size, gfp_t priority);
void kfree_skb(struct sk_buff *skb);		/* a drop: the packet did not get where it was going */
void consume_skb(struct sk_buff *skb);		/* normal end of life */
void __kfree_skb(struct sk_buff *skb);		/* frees now, ignoring users */
struct sk_buff *skb_clone(struct sk_buff *skb, gfp_t priority);	/* new header, shared data */
struct sk_buff *skb_copy(const struct sk_buff *skb, gfp_t priority);	/* private copy of everything */
struct sk_buff *skb_copy_expand(const struct sk_buff *skb, int newheadroom, int newtailroom, gfp_t priority);
int pskb_expand_head(struct sk_buff *skb, int nhead, int ntail, gfp_t gfp_mask);
void skb_queue_purge(struct sk_buff_head *list);
void *skb_put(struct sk_buff *skb, unsigned int len);
void *skb_push(struct sk_buff *skb, unsigned int len);
void *skb_pull(struct sk_buff *skb, unsigned int len);
void skb_trim(struct sk_buff *skb, unsigned int len);
int pskb_trim_rcsum(struct sk_buff *skb, unsigned int len);
int skb_copy_bits(const struct sk_buff *skb, int offset, void *to, int len);
struct sk_buff *skb_get(struct sk_buff *skb);
/* Driver helpers: a receive buffer with NET_SKB_PAD headroom; freeing from any context. */
#define NET_SKB_PAD	32
struct sk_buff *netdev_alloc_skb(struct net_device *dev, unsigned int length);
struct sk_buff *__netdev_alloc_skb_ip_align(struct net_device *dev, unsigned int length, gfp_t gfp);
#define netdev_alloc_skb_ip_align(dev, len) __netdev_alloc_skb_ip_align(dev, len, GFP_ATOMIC)
struct napi_struct;
struct sk_buff *napi_alloc_skb(struct napi_struct *napi, unsigned int length);
void dev_kfree_skb_any(struct sk_buff *skb);
#define dev_kfree_skb(skb)	consume_skb(skb)
#define dev_kfree_skb_irq(skb)	dev_kfree_skb_any(skb)

/* Counters for leak checks and /proc: skbs alive now, and ever allocated/freed. */
unsigned long skbuff_in_use(void);
struct skb_stats {
	unsigned long allocated;
	unsigned long freed;		/* consume_skb */
	unsigned long dropped;		/* kfree_skb */
	unsigned long alloc_failed;
};
extern struct skb_stats skb_stats;

static inline void *skb_put_data(struct sk_buff *skb, const void *data, unsigned int len)
{
	void *tmp = skb_put(skb, len);

	memcpy(tmp, data, len);
	return tmp;
}

static inline void *skb_put_zero(struct sk_buff *skb, unsigned int len)
{
	void *tmp = skb_put(skb, len);

	memset(tmp, 0, len);
	return tmp;
}

static inline unsigned char *skb_tail_pointer(const struct sk_buff *skb)
{
	return skb->tail;
}

static inline unsigned int skb_headlen(const struct sk_buff *skb)
{
	return skb->len - skb->data_len;
}

static inline unsigned int skb_headroom(const struct sk_buff *skb)
{
	return skb->data - skb->head;
}

static inline int skb_tailroom(const struct sk_buff *skb)
{
	return skb->end - skb->tail;
}

static inline unsigned int skb_end_offset(const struct sk_buff *skb)
{
	return skb->end - skb->head;
}

static inline void skb_reserve(struct sk_buff *skb, int len)
{
	BUG_ON(skb->len || (unsigned int)len > (unsigned int)skb_tailroom(skb));
	skb->data += len;
	skb->tail += len;
}

/* Strips len bytes from the front without the checks skb_pull does (caller knows they are there). */
static inline void *__skb_pull(struct sk_buff *skb, unsigned int len)
{
	skb->len -= len;
	return skb->data += len;
}

/* True if the first len bytes are in the linear part (always, here, if the packet is that long). */
static inline bool pskb_may_pull(struct sk_buff *skb, unsigned int len)
{
	return len <= skb_headlen(skb);
}

static inline bool skb_cloned(const struct sk_buff *skb)
{
	return skb->cloned;
}

static inline bool skb_shared(const struct sk_buff *skb)
{
	return refcount_read(&skb->users) != 1;
}

/* Makes the skb's header room writable and at least headroom bytes big. */
static inline int skb_cow_head(struct sk_buff *skb, unsigned int headroom)
{
	int delta = 0;

	if (headroom > skb_headroom(skb))
		delta = headroom - skb_headroom(skb);
	if (delta || skb_cloned(skb))
		return pskb_expand_head(skb, ALIGN(delta, 32), 0, GFP_ATOMIC);
	return 0;
}

/*
 * A protocol handler that will change the skb (pull headers) must own it alone: when several
 * packet_types received the same skb, give this one a clone (Linux skb_share_check).
 */
static inline struct sk_buff *skb_share_check(struct sk_buff *skb, gfp_t pri)
{
	if (skb_shared(skb)) {
		struct sk_buff *nskb = skb_clone(skb, pri);

		if (likely(nskb))
			consume_skb(skb);
		else
			kfree_skb(skb);
		skb = nskb;
	}
	return skb;
}

/* Header offsets. */
static inline unsigned char *skb_mac_header(const struct sk_buff *skb)
{
	return skb->head + skb->mac_header;
}

static inline unsigned char *skb_network_header(const struct sk_buff *skb)
{
	return skb->head + skb->network_header;
}

static inline unsigned char *skb_transport_header(const struct sk_buff *skb)
{
	return skb->head + skb->transport_header;
}

static inline bool skb_mac_header_was_set(const struct sk_buff *skb)
{
	return skb->mac_header != (u16)~0U;
}

static inline bool skb_transport_header_was_set(const struct sk_buff *skb)
{
	return skb->transport_header != (u16)~0U;
}

static inline void skb_reset_mac_header(struct sk_buff *skb)
{
	skb->mac_header = skb->data - skb->head;
}

static inline void skb_reset_network_header(struct sk_buff *skb)
{
	skb->network_header = skb->data - skb->head;
}

static inline void skb_reset_transport_header(struct sk_buff *skb)
{
	skb->transport_header = skb->data - skb->head;
}

static inline void skb_set_mac_header(struct sk_buff *skb, int offset)
{
	skb->mac_header = skb->data - skb->head + offset;
}

static inline void skb_set_network_header(struct sk_buff *skb, int offset)
{
	skb->network_header = skb->data - skb->head + offset;
}

static inline void skb_set_transport_header(struct sk_buff *skb, int offset)
{
	skb->transport_header = skb->data - skb->head + offset;
}

static inline int skb_network_offset(const struct sk_buff *skb)
{
	return skb_network_header(skb) - skb->data;
}

static inline int skb_transport_offset(const struct sk_buff *skb)
{
	return skb_transport_header(skb) - skb->data;
}

static inline u32 skb_network_header_len(const struct sk_buff *skb)
{
	return skb->transport_header - skb->network_header;
}

static inline u32 skb_mac_header_len(const struct sk_buff *skb)
{
	return skb->network_header - skb->mac_header;
}

/* Detaches the skb from its socket, giving the memory it was charged back (sock's destructor). */
static inline void skb_orphan(struct sk_buff *skb)
{
	if (skb->destructor) {
		skb->destructor(skb);
		skb->destructor = NULL;
	}
	skb->sk = NULL;
}

/* Queues. The list is circular with the head as sentinel; qlen counts members. */
static inline void __skb_queue_head_init(struct sk_buff_head *list)
{
	list->prev = list->next = (struct sk_buff *)list;
	list->qlen = 0;
}

static inline void skb_queue_head_init(struct sk_buff_head *list)
{
	spin_lock_init(&list->lock);
	__skb_queue_head_init(list);
}

static inline int skb_queue_empty(const struct sk_buff_head *list)
{
	return list->next == (const struct sk_buff *)list;
}

static inline u32 skb_queue_len(const struct sk_buff_head *list)
{
	return list->qlen;
}

static inline bool skb_queue_is_last(const struct sk_buff_head *list, const struct sk_buff *skb)
{
	return skb->next == (const struct sk_buff *)list;
}

static inline struct sk_buff *skb_peek(const struct sk_buff_head *list)
{
	struct sk_buff *skb = list->next;

	if (skb == (const struct sk_buff *)list)
		skb = NULL;
	return skb;
}

static inline struct sk_buff *skb_peek_tail(const struct sk_buff_head *list)
{
	struct sk_buff *skb = list->prev;

	if (skb == (const struct sk_buff *)list)
		skb = NULL;
	return skb;
}

static inline struct sk_buff *skb_peek_next(struct sk_buff *skb, const struct sk_buff_head *list)
{
	struct sk_buff *next = skb->next;

	if (next == (const struct sk_buff *)list)
		next = NULL;
	return next;
}

static inline void __skb_insert(struct sk_buff *newsk, struct sk_buff *prev, struct sk_buff *next,
				struct sk_buff_head *list)
{
	newsk->next = next;
	newsk->prev = prev;
	/* next/prev may be the list head: touch only the linkage both have (Linux does the same). */
	((struct sk_buff_list *)next)->prev = newsk;
	((struct sk_buff_list *)prev)->next = newsk;
	list->qlen++;
}

static inline void __skb_queue_after(struct sk_buff_head *list, struct sk_buff *prev, struct sk_buff *newsk)
{
	__skb_insert(newsk, prev, ((struct sk_buff_list *)prev)->next, list);
}

static inline void __skb_queue_before(struct sk_buff_head *list, struct sk_buff *next, struct sk_buff *newsk)
{
	__skb_insert(newsk, ((struct sk_buff_list *)next)->prev, next, list);
}

static inline void __skb_queue_head(struct sk_buff_head *list, struct sk_buff *newsk)
{
	__skb_queue_after(list, (struct sk_buff *)list, newsk);
}

static inline void __skb_queue_tail(struct sk_buff_head *list, struct sk_buff *newsk)
{
	__skb_queue_before(list, (struct sk_buff *)list, newsk);
}

static inline void __skb_unlink(struct sk_buff *skb, struct sk_buff_head *list)
{
	struct sk_buff *next = skb->next, *prev = skb->prev;

	list->qlen--;
	((struct sk_buff_list *)next)->prev = prev;
	((struct sk_buff_list *)prev)->next = next;
	skb->next = skb->prev = NULL;
}

static inline struct sk_buff *__skb_dequeue(struct sk_buff_head *list)
{
	struct sk_buff *skb = skb_peek(list);

	if (skb)
		__skb_unlink(skb, list);
	return skb;
}

static inline struct sk_buff *__skb_dequeue_tail(struct sk_buff_head *list)
{
	struct sk_buff *skb = skb_peek_tail(list);

	if (skb)
		__skb_unlink(skb, list);
	return skb;
}

/* Moves every skb of list to the tail of head, leaving list empty. */
static inline void skb_queue_splice_tail_init(struct sk_buff_head *list, struct sk_buff_head *head)
{
	struct sk_buff *skb;

	while ((skb = __skb_dequeue(list)) != NULL)
		__skb_queue_tail(head, skb);
}

/* Locked variants (net/core/skbuff.c): safe against softirqs touching the same queue. */
void skb_queue_head(struct sk_buff_head *list, struct sk_buff *newsk);
void skb_queue_tail(struct sk_buff_head *list, struct sk_buff *newsk);
struct sk_buff *skb_dequeue(struct sk_buff_head *list);
struct sk_buff *skb_dequeue_tail(struct sk_buff_head *list);
void skb_unlink(struct sk_buff *skb, struct sk_buff_head *list);

#define skb_queue_walk(queue, skb) \
	for (skb = (queue)->next; skb != (struct sk_buff *)(queue); skb = skb->next)
#define skb_queue_walk_safe(queue, skb, tmp) \
	for (skb = (queue)->next, tmp = skb->next; skb != (struct sk_buff *)(queue); skb = tmp, tmp = skb->next)

/* Route attached to the skb (reference counted, see net/dst.h). */
static inline struct dst_entry *skb_dst(const struct sk_buff *skb)
{
	return (struct dst_entry *)skb->_skb_refdst;
}

static inline void skb_dst_set(struct sk_buff *skb, struct dst_entry *dst)
{
	skb->_skb_refdst = (unsigned long)dst;
}

void skb_dst_drop(struct sk_buff *skb);

/* Bytes a socket is charged for an skb with a data buffer of size bytes. */
#define SKB_TRUESIZE(size)	((size) + sizeof(struct sk_buff))

#endif
