/*
 * IPv4 reassembly (net/ipv4/ip_fragment.c), RFC 791 3.2 and RFC 815: ip_local_deliver calls
 * ip_defrag for every fragment; fragments of one datagram (same source, destination, id and
 * protocol) wait in a struct ipq, sorted by offset, until the first and last are in and no hole
 * is left. Then the datagram is rebuilt in the skb of the fragment that completed it.
 *
 * Limits: a queue lives sysctl_ipfrag_time (30 s; then ICMP "fragment reassembly time exceeded"
 * if the first fragment came, RFC 792); all queues together hold at most sysctl_ipfrag_high_thresh
 * bytes (oldest queues are evicted). Overlapping fragments discard the whole datagram
 * (RFC 5722 4, which Linux applies to IPv4 too); exact duplicates are dropped alone.
 */
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/list.h>
#include <net/ip.h>
#include <net/icmp.h>
#include <net/route.h>

long sysctl_ipfrag_high_thresh = 4 * 1024 * 1024;
long sysctl_ipfrag_low_thresh = 3 * 1024 * 1024;
int sysctl_ipfrag_time = 30 * HZ;

#define IP_MAX_MTU	0xFFFFU

#define INET_FRAG_FIRST_IN	0x01
#define INET_FRAG_LAST_IN	0x02
#define INET_FRAG_COMPLETE	0x04

struct ipq {
	struct list_head	list;		/* ipq_list, oldest first (eviction order) */
	struct hlist_node	hash;		/* ipq_hash bucket, for lookup */
	__be32			saddr;
	__be32			daddr;
	__be16			id;
	u8			protocol;
	u8			flags;		/* INET_FRAG_* */
	struct sk_buff		*fragments;	/* sorted by offset, linked through skb->next */
	int			len;		/* total payload length, known once LAST_IN */
	int			meat;		/* payload bytes received */
	long			mem;		/* truesize of the fragments held */
	u16			max_size;	/* largest fragment (for PMTU when forwarding) */
	struct timer_list	timer;
};

/* Fragment offset and end of each queued skb (skb->data at its payload). */
struct ipfrag_skb_cb {
	struct inet_skb_parm	h;
	int			offset;
	int			end;
};
#define FRAG_CB(skb)	((struct ipfrag_skb_cb *)((skb)->cb))

#define IPQ_HASHSZ	256
static LIST_HEAD(ipq_list);
static struct hlist_head ipq_hash[IPQ_HASHSZ];

static unsigned int ipqhashfn(__be16 id, __be32 saddr, __be32 daddr, u8 prot)
{
	u32 h = (u32)id ^ saddr ^ (daddr * 31) ^ ((u32)prot << 16);

	h ^= h >> 16;
	h ^= h >> 8;
	return h & (IPQ_HASHSZ - 1);
}
static long frag_mem;
static int frag_nqueues;

long ip_frag_mem(void)
{
	return frag_mem;
}

int ip_frag_nqueues(void)
{
	return frag_nqueues;
}

/* Frees the queue and every fragment in it (each dropped with reason). */
static void ipq_kill(struct ipq *qp, enum skb_drop_reason reason)
{
	struct sk_buff *fp = qp->fragments;

	del_timer(&qp->timer);
	list_del(&qp->list);
	hlist_del(&qp->hash);
	while (fp) {
		struct sk_buff *next = fp->next;

		fp->next = NULL;
		if (reason == SKB_CONSUMED)
			consume_skb(fp);
		else
			kfree_skb_reason(fp, reason);
		fp = next;
	}
	frag_mem -= qp->mem;
	frag_nqueues--;
	kfree(qp);
}

/* RFC 791: the timer ran out. ICMP time exceeded (code 1) only if we hold the first fragment. */
static void ip_expire(struct timer_list *t)
{
	struct ipq *qp = from_timer(qp, t, timer);
	struct net *net = &init_net;

	__IP_INC_STATS(net, IPSTATS_MIB_REASMFAILS);
	__IP_INC_STATS(net, IPSTATS_MIB_REASMTIMEOUT);
	if ((qp->flags & INET_FRAG_FIRST_IN) && qp->fragments && FRAG_CB(qp->fragments)->offset == 0)
		icmp_send(qp->fragments, ICMP_TIME_EXCEEDED, ICMP_EXC_FRAGTIME, 0);
	ipq_kill(qp, SKB_DROP_REASON_IP_FRAG_TIMEOUT);
}

/* Memory pressure: drop the oldest queues until below the low threshold. */
static void ip_evictor(struct net *net)
{
	while (frag_mem > sysctl_ipfrag_low_thresh && !list_empty(&ipq_list)) {
		struct ipq *qp = list_first_entry(&ipq_list, struct ipq, list);

		__IP_INC_STATS(net, IPSTATS_MIB_REASMFAILS);
		ipq_kill(qp, SKB_DROP_REASON_IP_FRAG_MEM);
	}
}

static struct ipq *ip_find(struct net *net, const struct iphdr *iph)
{
	struct hlist_head *head = &ipq_hash[ipqhashfn(iph->id, iph->saddr, iph->daddr, iph->protocol)];
	struct ipq *qp;

	hlist_for_each_entry(qp, head, hash)
		if (qp->id == iph->id && qp->saddr == iph->saddr && qp->daddr == iph->daddr &&
		    qp->protocol == iph->protocol)
			return qp;
	qp = kzalloc(sizeof(*qp), GFP_ATOMIC);
	if (!qp)
		return NULL;
	qp->saddr = iph->saddr;
	qp->daddr = iph->daddr;
	qp->id = iph->id;
	qp->protocol = iph->protocol;
	timer_setup(&qp->timer, ip_expire, 0);
	mod_timer(&qp->timer, jiffies + sysctl_ipfrag_time);
	list_add_tail(&qp->list, &ipq_list);
	hlist_add_head(&qp->hash, head);
	frag_nqueues++;
	return qp;
}

/* Takes skb off the queue's list and out of its memory accounting. */
static void ipq_unlink_skb(struct ipq *qp, struct sk_buff *skb)
{
	struct sk_buff **pp = &qp->fragments;

	while (*pp && *pp != skb)
		pp = &(*pp)->next;
	if (*pp)
		*pp = skb->next;
	skb->next = NULL;
	qp->mem -= skb->truesize;
	frag_mem -= skb->truesize;
}

/*
 * Rebuilds the datagram in skb (the fragment that completed it), the way Linux morphs the last
 * fragment into the whole: a new linear buffer with the first fragment's header and every
 * payload in order takes the place of skb's own buffer.
 */
static int ip_frag_reasm(struct ipq *qp, struct sk_buff *skb)
{
	struct net *net = &init_net;
	struct sk_buff *head = qp->fragments, *fp, *nskb;
	unsigned int ihl = ip_hdr(head)->ihl * 4;
	struct iphdr *iph;

	if (ihl + qp->len > IP_MAX_MTU)
		goto out_fail;
	nskb = alloc_skb(LL_MAX_HEADER + ihl + qp->len, GFP_ATOMIC);
	if (!nskb)
		goto out_fail;
	skb_reserve(nskb, LL_MAX_HEADER);
	skb_put_data(nskb, skb_network_header(head), ihl);
	for (fp = head; fp; fp = fp->next)
		skb_put_data(nskb, fp->data, fp->len);

	ipq_unlink_skb(qp, skb);
	swap(skb->head, nskb->head);
	swap(skb->data, nskb->data);
	swap(skb->tail, nskb->tail);
	swap(skb->end, nskb->end);
	swap(skb->len, nskb->len);
	swap(skb->truesize, nskb->truesize);
	swap(skb->cloned, nskb->cloned);
	consume_skb(nskb);		/* with skb's old buffer */

	skb_reset_network_header(skb);
	skb->transport_header = skb->network_header + ihl;
	iph = ip_hdr(skb);
	iph->tot_len = htons(ihl + qp->len);
	iph->frag_off &= htons(IP_DF);
	ip_send_check(iph);
	IPCB(skb)->frag_max_size = qp->max_size;
	skb->ip_summed = CHECKSUM_NONE;
	__IP_INC_STATS(net, IPSTATS_MIB_REASMOKS);
	return 0;

out_fail:
	__IP_INC_STATS(net, IPSTATS_MIB_REASMFAILS);
	return -ENOMEM;
}

/*
 * Adds one fragment (skb->data at its IP header) to qp. Returns 0 when the datagram is complete
 * (skb is now all of it), -EINPROGRESS when it waits, another error when it was dropped.
 */
static int ip_frag_queue(struct ipq *qp, struct sk_buff *skb)
{
	struct net *net = &init_net;
	const struct iphdr *iph = ip_hdr(skb);
	int ihl = iph->ihl * 4;
	int offset = (ntohs(iph->frag_off) & IP_OFFSET) << 3;
	bool more = iph->frag_off & htons(IP_MF);
	int end = offset + skb->len - skb_network_offset(skb) - ihl;
	struct sk_buff **pp, *fp;
	enum skb_drop_reason reason = SKB_DROP_REASON_IP_FRAG_INVALID;

	if (qp->flags & INET_FRAG_COMPLETE)
		goto drop;
	/* RFC 791: a datagram is at most 65535 bytes, header included. */
	if ((unsigned int)end + ihl > IP_MAX_MTU)
		goto discard_qp;
	if (!more) {
		/* The last fragment fixes the length; it must agree with what came before. */
		if (end < qp->len || ((qp->flags & INET_FRAG_LAST_IN) && end != qp->len))
			goto discard_qp;
		qp->flags |= INET_FRAG_LAST_IN;
		qp->len = end;
	} else {
		if (end & 7)
			end &= ~7;	/* RFC 791: all but the last carry multiples of 8 */
		if (end > qp->len) {
			if (qp->flags & INET_FRAG_LAST_IN)
				goto discard_qp;
			qp->len = end;
		}
	}
	if (end == offset)
		goto drop;	/* empty fragment */

	if (!skb_pull(skb, skb_network_offset(skb) + ihl))
		goto drop;
	skb_trim(skb, end - offset);

	/* RFC 5722 4: any overlap discards the datagram; an exact duplicate only itself. */
	for (pp = &qp->fragments; (fp = *pp) != NULL; pp = &fp->next) {
		if (FRAG_CB(fp)->offset >= end)
			break;
		if (FRAG_CB(fp)->end <= offset)
			continue;
		if (FRAG_CB(fp)->offset == offset && FRAG_CB(fp)->end == end) {
			reason = SKB_DROP_REASON_NOT_SPECIFIED;
			goto drop;
		}
		__IP_INC_STATS(net, IPSTATS_MIB_REASM_OVERLAPS);
		reason = SKB_DROP_REASON_IP_FRAG_OVERLAP;
		goto discard_qp;
	}
	FRAG_CB(skb)->offset = offset;
	FRAG_CB(skb)->end = end;
	skb->next = *pp;
	*pp = skb;
	qp->meat += end - offset;
	qp->mem += skb->truesize;
	frag_mem += skb->truesize;
	if (end - offset + ihl > qp->max_size)
		qp->max_size = end - offset + ihl;
	if (offset == 0)
		qp->flags |= INET_FRAG_FIRST_IN;

	if (qp->flags == (INET_FRAG_FIRST_IN | INET_FRAG_LAST_IN) && qp->meat == qp->len) {
		int err = ip_frag_reasm(qp, skb);

		ipq_kill(qp, SKB_CONSUMED);
		if (err) {
			kfree_skb_reason(skb, SKB_DROP_REASON_IP_FRAG_MEM);
			return err;
		}
		return 0;
	}
	return -EINPROGRESS;

discard_qp:
	__IP_INC_STATS(net, IPSTATS_MIB_REASMFAILS);
	ipq_kill(qp, reason);
drop:
	kfree_skb_reason(skb, reason);
	return -EINVAL;
}

/* Returns 0 with skb the whole datagram, or non-zero when skb was queued or dropped. */
noinline int ip_defrag(struct net *net, struct sk_buff *skb, u32 user)
{
	struct ipq *qp;

	__IP_INC_STATS(net, IPSTATS_MIB_REASMREQDS);
	skb_orphan(skb);
	if (frag_mem + skb->truesize > sysctl_ipfrag_high_thresh)
		ip_evictor(net);
	if (frag_mem + skb->truesize > sysctl_ipfrag_high_thresh)
		goto fail;
	qp = ip_find(net, ip_hdr(skb));
	if (!qp)
		goto fail;
	return ip_frag_queue(qp, skb);
fail:
	__IP_INC_STATS(net, IPSTATS_MIB_REASMFAILS);
	kfree_skb_reason(skb, SKB_DROP_REASON_IP_FRAG_MEM);
	return -ENOMEM;
}
