/*
 * sk_buff allocation and manipulation (include/linux/skbuff.h). Headers come from the
 * "skbuff_head_cache" kmem_cache, data buffers from kmalloc. A clone shares the data buffer of
 * its original (refcounted in a small struct skb_shared_info at the end of the buffer, as Linux
 * does), which is what TCP keeps for retransmission while a copy goes down the stack.
 * Every skb freed is counted as consumed (consume_skb) or dropped (kfree_skb_reason, per reason).
 */
#include <linux/skbuff.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <net/dst.h>
#include <net/checksum.h>

/* Lives at skb->end: what clones share. */
struct skb_shared_info {
	refcount_t dataref;
};

#define skb_shinfo(skb)	((struct skb_shared_info *)((skb)->end))

static struct kmem_cache *skbuff_head_cache;
struct skb_stats skb_stats;
unsigned long skb_drop_reasons[SKB_DROP_REASON_MAX];

const char *const drop_reasons[SKB_DROP_REASON_MAX] = {
	[SKB_NOT_DROPPED_YET] = "NOT_DROPPED_YET",
	[SKB_CONSUMED] = "CONSUMED",
	[SKB_DROP_REASON_NOT_SPECIFIED] = "NOT_SPECIFIED",
	[SKB_DROP_REASON_NO_SOCKET] = "NO_SOCKET",
	[SKB_DROP_REASON_PKT_TOO_SMALL] = "PKT_TOO_SMALL",
	[SKB_DROP_REASON_TCP_CSUM] = "TCP_CSUM",
	[SKB_DROP_REASON_UDP_CSUM] = "UDP_CSUM",
	[SKB_DROP_REASON_OTHERHOST] = "OTHERHOST",
	[SKB_DROP_REASON_IP_CSUM] = "IP_CSUM",
	[SKB_DROP_REASON_IP_INHDR] = "IP_INHDR",
	[SKB_DROP_REASON_IP_INADDRERRORS] = "IP_INADDRERRORS",
	[SKB_DROP_REASON_IP_NOPROTO] = "IP_NOPROTO",
	[SKB_DROP_REASON_IP_OUTNOROUTES] = "IP_OUTNOROUTES",
	[SKB_DROP_REASON_IP_TTL_EXPIRED] = "IP_TTL_EXPIRED",
	[SKB_DROP_REASON_IP_TOO_BIG] = "IP_TOO_BIG",
	[SKB_DROP_REASON_IP_FRAG_OVERLAP] = "IP_FRAG_OVERLAP",
	[SKB_DROP_REASON_IP_FRAG_TIMEOUT] = "IP_FRAG_TIMEOUT",
	[SKB_DROP_REASON_IP_FRAG_MEM] = "IP_FRAG_MEM",
	[SKB_DROP_REASON_IP_FRAG_INVALID] = "IP_FRAG_INVALID",
	[SKB_DROP_REASON_SOCKET_RCVBUFF] = "SOCKET_RCVBUFF",
	[SKB_DROP_REASON_PROTO_MEM] = "PROTO_MEM",
	[SKB_DROP_REASON_NEIGH_FAILED] = "NEIGH_FAILED",
	[SKB_DROP_REASON_NEIGH_QUEUEFULL] = "NEIGH_QUEUEFULL",
	[SKB_DROP_REASON_NEIGH_DEAD] = "NEIGH_DEAD",
	[SKB_DROP_REASON_ARP_INVALID] = "ARP_INVALID",
	[SKB_DROP_REASON_ICMP_CSUM] = "ICMP_CSUM",
	[SKB_DROP_REASON_ICMP_INVALID] = "ICMP_INVALID",
	[SKB_DROP_REASON_UNHANDLED_PROTO] = "UNHANDLED_PROTO",
	[SKB_DROP_REASON_DEV_READY] = "DEV_READY",
	[SKB_DROP_REASON_CPU_BACKLOG] = "CPU_BACKLOG",
	[SKB_DROP_REASON_QDISC_DROP] = "QDISC_DROP",
	[SKB_DROP_REASON_FULL_RING] = "FULL_RING",
};

unsigned long skbuff_in_use(void)
{
	return skbuff_head_cache ? skbuff_head_cache->active_objs : 0;
}

static struct sk_buff *skb_head_alloc(gfp_t gfp_mask)
{
	struct sk_buff *skb;

	if (!skbuff_head_cache)
		skbuff_head_cache = kmem_cache_create("skbuff_head_cache", sizeof(struct sk_buff), 0,
						      SLAB_HWCACHE_ALIGN | SLAB_PANIC, NULL);
	skb = kmem_cache_alloc(skbuff_head_cache, gfp_mask & ~__GFP_ZERO);
	if (!skb)
		return NULL;
	memset(skb, 0, sizeof(*skb));
	refcount_set(&skb->users, 1);
	skb->mac_header = (u16)~0U;
	skb->transport_header = (u16)~0U;
	skb->network_header = 0;
	return skb;
}

noinline struct sk_buff *alloc_skb(unsigned int size, gfp_t priority)
{
	struct sk_buff *skb;
	u8 *data;

	size = ALIGN(size, sizeof(long));
	/* Offsets are u16: a packet and its headroom must fit in 64 KiB plus slack. */
	if (size > 0x10000 + 2048)
		goto nomem;
	skb = skb_head_alloc(priority);
	if (!skb)
		goto nomem;
	data = kmalloc(size + sizeof(struct skb_shared_info), priority & ~__GFP_ZERO);
	if (!data) {
		kmem_cache_free(skbuff_head_cache, skb);
		goto nomem;
	}
	skb->head = data;
	skb->data = data;
	skb->tail = data;
	skb->end = data + size;
	skb->truesize = SKB_TRUESIZE(size);
	refcount_set(&skb_shinfo(skb)->dataref, 1);
	skb_stats.allocated++;
	return skb;
nomem:
	skb_stats.alloc_failed++;
	return NULL;
}

struct sk_buff *netdev_alloc_skb(struct net_device *dev, unsigned int length)
{
	struct sk_buff *skb = alloc_skb(length + NET_SKB_PAD, GFP_ATOMIC);

	if (skb) {
		skb_reserve(skb, NET_SKB_PAD);
		skb->dev = dev;
	}
	return skb;
}

/* Two more bytes of headroom so the IP header after the 14-byte Ethernet header is 4-aligned. */
struct sk_buff *__netdev_alloc_skb_ip_align(struct net_device *dev, unsigned int length, gfp_t gfp)
{
	struct sk_buff *skb = alloc_skb(length + NET_SKB_PAD + 2, gfp);

	if (skb) {
		skb_reserve(skb, NET_SKB_PAD + 2);
		skb->dev = dev;
	}
	return skb;
}

struct sk_buff *napi_alloc_skb(struct napi_struct *napi, unsigned int length)
{
	return __netdev_alloc_skb_ip_align(napi->dev, length, GFP_ATOMIC);
}

static void skb_release_data(struct sk_buff *skb)
{
	if (refcount_dec_and_test(&skb_shinfo(skb)->dataref))
		kfree(skb->head);
}

/* Releases everything the skb holds: its route, its socket charge, its data. */
static void skb_release_all(struct sk_buff *skb)
{
	skb_dst_drop(skb);
	if (skb->destructor)
		skb->destructor(skb);
	skb_release_data(skb);
}

void __kfree_skb(struct sk_buff *skb)
{
	skb_release_all(skb);
	kmem_cache_free(skbuff_head_cache, skb);
}

static bool skb_unref(struct sk_buff *skb)
{
	if (!skb)
		return false;
	BUG_ON(refcount_read(&skb->users) <= 0);
	return refcount_dec_and_test(&skb->users);
}

noinline void kfree_skb_reason(struct sk_buff *skb, enum skb_drop_reason reason)
{
	if (!skb_unref(skb))
		return;
	if (reason <= SKB_CONSUMED || reason >= SKB_DROP_REASON_MAX)
		reason = SKB_DROP_REASON_NOT_SPECIFIED;
	skb_drop_reasons[reason]++;
	skb_stats.dropped++;
	__kfree_skb(skb);
}

noinline void kfree_skb(struct sk_buff *skb)
{
	kfree_skb_reason(skb, SKB_DROP_REASON_NOT_SPECIFIED);
}

noinline void consume_skb(struct sk_buff *skb)
{
	if (!skb_unref(skb))
		return;
	skb_stats.freed++;
	__kfree_skb(skb);
}

void dev_kfree_skb_any(struct sk_buff *skb)
{
	consume_skb(skb);
}

struct sk_buff *skb_get(struct sk_buff *skb)
{
	refcount_inc(&skb->users);
	return skb;
}

void skb_dst_drop(struct sk_buff *skb)
{
	if (skb->_skb_refdst) {
		dst_release(skb_dst(skb));
		skb->_skb_refdst = 0;
	}
}

/* Copies the metadata every copy or clone carries (not the list linkage, refcounts or buffer). */
static void __copy_skb_header(struct sk_buff *new, const struct sk_buff *old)
{
	new->dev = old->dev;
	new->tstamp = old->tstamp;
	memcpy(new->cb, old->cb, sizeof(old->cb));
	new->protocol = old->protocol;
	new->pkt_type = old->pkt_type;
	new->ip_summed = old->ip_summed;
	new->csum = old->csum;
	new->priority = old->priority;
	new->mark = old->mark;
	new->transport_header = old->transport_header;
	new->network_header = old->network_header;
	new->mac_header = old->mac_header;
	if (old->_skb_refdst)
		skb_dst_set(new, dst_clone(skb_dst(old)));
}

noinline struct sk_buff *skb_clone(struct sk_buff *skb, gfp_t priority)
{
	struct sk_buff *n = skb_head_alloc(priority);

	if (!n) {
		skb_stats.alloc_failed++;
		return NULL;
	}
	__copy_skb_header(n, skb);
	n->head = skb->head;
	n->data = skb->data;
	n->tail = skb->tail;
	n->end = skb->end;
	n->len = skb->len;
	n->truesize = skb->truesize;
	n->cloned = 1;
	skb->cloned = 1;
	refcount_inc(&skb_shinfo(skb)->dataref);
	skb_stats.allocated++;
	return n;
}

struct sk_buff *skb_copy_expand(const struct sk_buff *skb, int newheadroom, int newtailroom, gfp_t priority)
{
	struct sk_buff *n = alloc_skb(newheadroom + skb->len + newtailroom, priority);
	long offset;

	if (!n)
		return NULL;
	skb_reserve(n, newheadroom);
	skb_put_data(n, skb->data, skb->len);
	/* Headers before data (Ethernet, IP on a pulled skb) come along if they fit. */
	offset = (long)newheadroom - (long)skb_headroom(skb);
	if (newheadroom >= (int)skb_headroom(skb))
		memcpy(n->data - skb_headroom(skb), skb->head, skb_headroom(skb));
	__copy_skb_header(n, skb);
	n->transport_header += offset;
	n->network_header += offset;
	if (skb_mac_header_was_set(skb))
		n->mac_header += offset;
	if (!skb_transport_header_was_set(skb))
		n->transport_header = (u16)~0U;
	return n;
}

noinline struct sk_buff *skb_copy(const struct sk_buff *skb, gfp_t priority)
{
	return skb_copy_expand(skb, skb_headroom(skb), skb_tailroom(skb), priority);
}

/* Gives the skb a private data buffer with nhead/ntail more bytes of room; offsets survive. */
int pskb_expand_head(struct sk_buff *skb, int nhead, int ntail, gfp_t gfp_mask)
{
	unsigned int size = skb_end_offset(skb) + nhead + ntail;
	unsigned int data_off = skb->data - skb->head;
	u8 *data;

	BUG_ON(nhead < 0 || ntail < 0 || skb_shared(skb));
	size = ALIGN(size, sizeof(long));
	data = kmalloc(size + sizeof(struct skb_shared_info), gfp_mask & ~__GFP_ZERO);
	if (!data)
		return -ENOMEM;
	memcpy(data + nhead, skb->head, skb->tail - skb->head);
	skb_release_data(skb);
	skb->head = data;
	skb->data = data + nhead + data_off;
	skb->tail = skb->data + skb->len;
	skb->end = data + size;
	refcount_set(&skb_shinfo(skb)->dataref, 1);
	skb->network_header += nhead;
	if (skb_transport_header_was_set(skb))
		skb->transport_header += nhead;
	if (skb_mac_header_was_set(skb))
		skb->mac_header += nhead;
	skb->cloned = 0;
	skb->truesize = SKB_TRUESIZE(size);
	return 0;
}

noinline void *skb_put(struct sk_buff *skb, unsigned int len)
{
	void *tmp = skb->tail;

	BUG_ON(len > (unsigned int)skb_tailroom(skb));
	skb->tail += len;
	skb->len += len;
	return tmp;
}

noinline void *skb_push(struct sk_buff *skb, unsigned int len)
{
	BUG_ON(len > skb_headroom(skb));
	skb->data -= len;
	skb->len += len;
	return skb->data;
}

/* Returns NULL (and leaves the skb alone) if it holds fewer than len bytes. */
noinline void *skb_pull(struct sk_buff *skb, unsigned int len)
{
	if (len > skb->len)
		return NULL;
	return __skb_pull(skb, len);
}

void skb_trim(struct sk_buff *skb, unsigned int len)
{
	if (skb->len > len) {
		skb->len = len;
		skb->tail = skb->data + len;
	}
}

/* Trims link-layer padding off a received packet; a CHECKSUM_COMPLETE sum would no longer hold. */
int pskb_trim_rcsum(struct sk_buff *skb, unsigned int len)
{
	if (len >= skb->len)
		return 0;
	if (skb->ip_summed == CHECKSUM_COMPLETE)
		skb->ip_summed = CHECKSUM_NONE;
	skb_trim(skb, len);
	return 0;
}

/* offset may be negative: headers already pulled (ICMP quotes the IP header this way). */
int skb_copy_bits(const struct sk_buff *skb, int offset, void *to, int len)
{
	if (len < 0 || offset + len > (int)skb->len || skb->data + offset < skb->head)
		return -EFAULT;
	memcpy(to, skb->data + offset, len);
	return 0;
}

__wsum skb_checksum(const struct sk_buff *skb, int offset, int len, __wsum csum)
{
	return csum_partial(skb->data + offset, len, csum);
}

void skb_queue_head(struct sk_buff_head *list, struct sk_buff *newsk)
{
	unsigned long flags;

	spin_lock_irqsave(&list->lock, flags);
	__skb_queue_head(list, newsk);
	spin_unlock_irqrestore(&list->lock, flags);
}

void skb_queue_tail(struct sk_buff_head *list, struct sk_buff *newsk)
{
	unsigned long flags;

	spin_lock_irqsave(&list->lock, flags);
	__skb_queue_tail(list, newsk);
	spin_unlock_irqrestore(&list->lock, flags);
}

struct sk_buff *skb_dequeue(struct sk_buff_head *list)
{
	unsigned long flags;
	struct sk_buff *skb;

	spin_lock_irqsave(&list->lock, flags);
	skb = __skb_dequeue(list);
	spin_unlock_irqrestore(&list->lock, flags);
	return skb;
}

struct sk_buff *skb_dequeue_tail(struct sk_buff_head *list)
{
	unsigned long flags;
	struct sk_buff *skb;

	spin_lock_irqsave(&list->lock, flags);
	skb = __skb_dequeue_tail(list);
	spin_unlock_irqrestore(&list->lock, flags);
	return skb;
}

void skb_unlink(struct sk_buff *skb, struct sk_buff_head *list)
{
	unsigned long flags;

	spin_lock_irqsave(&list->lock, flags);
	__skb_unlink(skb, list);
	spin_unlock_irqrestore(&list->lock, flags);
}

void skb_queue_purge(struct sk_buff_head *list)
{
	struct sk_buff *skb;

	while ((skb = skb_dequeue(list)) != NULL)
		kfree_skb(skb);
}

static int __init skb_init(void)
{
	if (!skbuff_head_cache)
		skbuff_head_cache = kmem_cache_create("skbuff_head_cache", sizeof(struct sk_buff), 0,
						      SLAB_HWCACHE_ALIGN | SLAB_PANIC, NULL);
	return 0;
}
core_initcall(skb_init);
