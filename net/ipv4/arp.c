/*
 * ARP, RFC 826: IPv4 over Ethernet address resolution on top of the neighbour cache.
 *
 * Output side: ip_finish_output2 finds/creates the neighbour for the next hop in arp_tbl; an
 * unresolved one calls arp_solicit -> arp_send -> arp_create (broadcast "who-has") while the packet
 * waits in the neighbour's queue. Receive side: arp_rcv (packet_type for ETH_P_ARP) -> arp_process
 * answers requests for our addresses and feeds what it hears to neigh_update, which sends the
 * waiting packets. Also: /proc/net/arp, SIOC[SGD]ARP for the arp command, gratuitous ARP.
 */
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/init.h>
#include <linux/inetdevice.h>
#include <linux/etherdevice.h>
#include <linux/uaccess.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <uapi/linux/sockios.h>
#include <net/arp.h>
#include <net/ip.h>
#include <net/icmp.h>
#include <net/route.h>

struct arp_mib arp_stats;

static void arp_solicit(struct neighbour *neigh, struct sk_buff *skb);
static void arp_error_report(struct neighbour *neigh, struct sk_buff *skb);
static int arp_constructor(struct neighbour *neigh);

static const struct neigh_ops arp_generic_ops = {
	.family = AF_INET,
	.solicit = arp_solicit,
	.error_report = arp_error_report,
	.output = neigh_resolve_output,
	.connected_output = neigh_connected_output,
};

static const struct neigh_ops arp_direct_ops = {
	.family = AF_INET,
	.output = neigh_direct_output,
	.connected_output = neigh_direct_output,
};

/* Linux's defaults (net.ipv4.neigh.default.*): 3 broadcast requests 1 s apart, 30 s reachable. */
struct neigh_table arp_tbl = {
	.family = AF_INET,
	.key_len = 4,
	.protocol = htons(ETH_P_IP),
	.hash = arp_hashfn,
	.constructor = arp_constructor,
	.id = "arp_cache",
	.entry_size = sizeof(struct neighbour),
	.parms = {
		.base_reachable_time = 30 * HZ,
		.retrans_time = 1 * HZ,
		.gc_staletime = 60 * HZ,
		.delay_probe_time = 5 * HZ,
		.queue_len_bytes = 212992,	/* unres_qlen_bytes = SK_WMEM_MAX */
		.ucast_probes = 3,
		.app_probes = 0,
		.mcast_probes = 3,
		.locktime = 1 * HZ,
	},
	.gc_interval = 30 * HZ,
	.gc_thresh1 = 128,
	.gc_thresh2 = 512,
	.gc_thresh3 = 1024,
};

noinline struct neighbour *__ipv4_neigh_lookup_noref(struct net_device *dev, u32 key)
{
	struct neigh_table *tbl = &arp_tbl;
	struct neighbour *n;
	u32 hash;

	/* Loopback and point-to-point have one neighbour for every address (Linux ip_neigh_gw4). */
	if (dev->flags & (IFF_LOOPBACK | IFF_POINTOPOINT))
		key = 0;
	hash = arp_hashfn(&key, dev, &tbl->hash_rnd) >> 16 & tbl->hash_mask;
	for (n = tbl->hash_buckets[hash]; n; n = n->next)
		if (n->dev == dev && n->primary_key[0] == key)
			return n;
	return NULL;
}

/* Multicast IPv4 -> 01:00:5e + low 23 bits (RFC 1112 6.4). */
int arp_mc_map(__be32 addr, u8 *haddr, struct net_device *dev, int dir)
{
	u32 a = ntohl(addr);

	haddr[0] = 0x01;
	haddr[1] = 0x00;
	haddr[2] = 0x5e;
	haddr[3] = (a >> 16) & 0x7f;
	haddr[4] = (a >> 8) & 0xff;
	haddr[5] = a & 0xff;
	return 0;
}

/* Decides how a new neighbour resolves: ARP, or no ARP (loopback, broadcast, multicast). */
static int arp_constructor(struct neighbour *neigh)
{
	__be32 addr = neigh->primary_key[0];
	struct net_device *dev = neigh->dev;

	neigh->type = inet_addr_type(&init_net, addr);
	if (!dev->header_ops) {
		neigh->nud_state = NUD_NOARP;
		neigh->ops = &arp_direct_ops;
		neigh->output = neigh_direct_output;
		return 0;
	}
	neigh->ops = &arp_generic_ops;
	if (neigh->type == RTN_MULTICAST) {
		neigh->nud_state = NUD_NOARP;
		arp_mc_map(addr, neigh->ha, dev, 1);
	} else if (dev->flags & (IFF_NOARP | IFF_LOOPBACK)) {
		neigh->nud_state = NUD_NOARP;
		memcpy(neigh->ha, dev->dev_addr, dev->addr_len);
	} else if (neigh->type == RTN_BROADCAST || (dev->flags & IFF_POINTOPOINT)) {
		neigh->nud_state = NUD_NOARP;
		memcpy(neigh->ha, dev->broadcast, dev->addr_len);
	}
	if (neigh->nud_state & NUD_VALID)
		neigh->output = neigh->ops->connected_output;
	else
		neigh->output = neigh->ops->output;
	return 0;
}

/* Resolution failed: tell the sender (RFC 1122 2.3.2.1 / 3.2.2.1, ICMP host unreachable). */
static void arp_error_report(struct neighbour *neigh, struct sk_buff *skb)
{
	if (skb_dst(skb))
		icmp_send(skb, ICMP_DEST_UNREACH, ICMP_HOST_UNREACH, 0);
}

/* Sends one request for neigh: broadcast while INCOMPLETE, unicast to the cached address in PROBE. */
static noinline void arp_solicit(struct neighbour *neigh, struct sk_buff *skb)
{
	struct net_device *dev = neigh->dev;
	__be32 target = neigh->primary_key[0];
	const u8 *dst_hw = NULL;
	__be32 saddr = 0;

	/* RFC 826 does not say; Linux (arp_announce 0) uses the waiting packet's source if it is ours. */
	if (skb && skb->len >= sizeof(struct iphdr) &&
	    inet_addr_type(&init_net, ip_hdr(skb)->saddr) == RTN_LOCAL)
		saddr = ip_hdr(skb)->saddr;
	if (!saddr)
		saddr = inet_select_addr(dev, target, RT_SCOPE_LINK);
	if (neigh->nud_state & NUD_PROBE)
		dst_hw = neigh->ha;
	if (unlikely(net_debug_mask & NET_DBG_ARP)) {
		char t_ip[16];

		printk(KERN_DEBUG "arp: who-has %s on %s (probe %d)\n", in_ntoa(t_ip, target), dev->name,
		       neigh->probes);
	}
	arp_send(ARPOP_REQUEST, ETH_P_ARP, target, dev, saddr, dst_hw, dev->dev_addr, NULL);
}

static inline int arp_hdr_len(const struct net_device *dev)
{
	return sizeof(struct arphdr) + (dev->addr_len + sizeof(u32)) * 2;
}

static inline struct arphdr *arp_hdr(const struct sk_buff *skb)
{
	return (struct arphdr *)skb_network_header(skb);
}

/* Builds an ARP packet with its Ethernet header (RFC 826 "Packet format"). */
noinline struct sk_buff *arp_create(int type, int ptype, __be32 dest_ip, struct net_device *dev,
				    __be32 src_ip, const unsigned char *dest_hw, const unsigned char *src_hw,
				    const unsigned char *target_hw)
{
	int hlen = LL_RESERVED_SPACE(dev);
	struct sk_buff *skb;
	struct arphdr *arp;
	unsigned char *arp_ptr;

	skb = alloc_skb(arp_hdr_len(dev) + hlen, GFP_ATOMIC);
	if (!skb)
		return NULL;
	skb_reserve(skb, hlen);
	skb_reset_network_header(skb);
	arp = skb_put(skb, arp_hdr_len(dev));
	skb->dev = dev;
	skb->protocol = htons(ETH_P_ARP);
	if (!src_hw)
		src_hw = dev->dev_addr;
	if (!dest_hw)
		dest_hw = dev->broadcast;
	if (dev_hard_header(skb, dev, ptype, dest_hw, src_hw, skb->len) < 0) {
		kfree_skb(skb);
		return NULL;
	}
	arp->ar_hrd = htons(ARPHRD_ETHER);
	arp->ar_pro = htons(ETH_P_IP);
	arp->ar_hln = dev->addr_len;
	arp->ar_pln = 4;
	arp->ar_op = htons(type);
	arp_ptr = (unsigned char *)(arp + 1);
	memcpy(arp_ptr, src_hw, dev->addr_len);
	arp_ptr += dev->addr_len;
	memcpy(arp_ptr, &src_ip, 4);
	arp_ptr += 4;
	if (target_hw)
		memcpy(arp_ptr, target_hw, dev->addr_len);
	else
		memset(arp_ptr, 0, dev->addr_len);
	arp_ptr += dev->addr_len;
	memcpy(arp_ptr, &dest_ip, 4);
	return skb;
}

void arp_xmit(struct sk_buff *skb)
{
	dev_queue_xmit(skb);
}

noinline void arp_send(int type, int ptype, __be32 dest_ip, struct net_device *dev, __be32 src_ip,
		       const unsigned char *dest_hw, const unsigned char *src_hw, const unsigned char *th)
{
	struct sk_buff *skb;

	if (dev->flags & IFF_NOARP)
		return;
	skb = arp_create(type, ptype, dest_ip, dev, src_ip, dest_hw, src_hw, th);
	if (!skb)
		return;
	if (type == ARPOP_REPLY)
		arp_stats.out_replies++;
	else if (src_ip == dest_ip)
		arp_stats.out_gratuitous++;
	else
		arp_stats.out_requests++;
	arp_xmit(skb);
}

static noinline int arp_process(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	struct arphdr *arp = arp_hdr(skb);
	unsigned char *arp_ptr = (unsigned char *)(arp + 1);
	unsigned char *sha, *tha;
	__be32 sip, tip;
	u16 op = ntohs(arp->ar_op);
	struct neighbour *n;
	bool is_garp;

	if (arp->ar_hrd != htons(ARPHRD_ETHER) || arp->ar_pro != htons(ETH_P_IP) ||
	    (op != ARPOP_REQUEST && op != ARPOP_REPLY))
		goto out_invalid;
	sha = arp_ptr;
	arp_ptr += dev->addr_len;
	memcpy(&sip, arp_ptr, 4);
	arp_ptr += 4;
	tha = arp_ptr;
	arp_ptr += dev->addr_len;
	memcpy(&tip, arp_ptr, 4);
	(void)tha;

	if (op == ARPOP_REQUEST)
		arp_stats.in_requests++;
	else
		arp_stats.in_replies++;
	if (unlikely(net_debug_mask & NET_DBG_ARP)) {
		char s_ip[16], t_ip[16], s_hw[18];

		printk(KERN_DEBUG "arp: %s %s (%s) -> %s on %s\n", op == ARPOP_REQUEST ? "who-has" : "is-at",
		       in_ntoa(s_ip, sip), eth_addr_str(s_hw, sha), in_ntoa(t_ip, tip), dev->name);
	}

	/* RFC 1122 2.3.2.1 / Linux: never answer for or learn loopback and multicast addresses. */
	if (ipv4_is_multicast(tip) || ipv4_is_loopback(tip) || ipv4_is_multicast(sip) ||
	    ipv4_is_loopback(sip) || is_multicast_ether_addr(sha))
		goto out_invalid;

	/* RFC 5227 2.1.1: an ARP probe (sender 0.0.0.0) for our address gets a reply, nothing is learned. */
	if (sip == 0) {
		if (op == ARPOP_REQUEST && inet_addr_type(net, tip) == RTN_LOCAL)
			arp_send(ARPOP_REPLY, ETH_P_ARP, sip, dev, tip, sha, dev->dev_addr, sha);
		goto out_consume;
	}

	is_garp = sip == tip;
	if (is_garp)
		arp_stats.in_gratuitous++;

	/* RFC 826 "Packet Reception": a request for one of our addresses is answered, and the
	 * requester is learned (it will talk to us next). */
	if (op == ARPOP_REQUEST && !is_garp && inet_addr_type(net, tip) == RTN_LOCAL) {
		n = neigh_event_ns(&arp_tbl, sha, &sip, dev);
		if (n) {
			arp_send(ARPOP_REPLY, ETH_P_ARP, sip, dev, tip, sha, dev->dev_addr, sha);
			neigh_release(n);
		}
		goto out_consume;
	}

	/* Otherwise only refresh an entry we already have (arp_accept=0: no unsolicited learning). */
	n = __ipv4_neigh_lookup(dev, sip);
	if (n) {
		u8 state = NUD_REACHABLE;
		bool override = time_after(jiffies, n->updated + n->parms->locktime) || is_garp;

		/* Only a unicast reply proves two-way reachability; anything else is a hint. */
		if (op != ARPOP_REPLY || skb->pkt_type != PACKET_HOST)
			state = NUD_STALE;
		neigh_update(n, sha, state, override ? NEIGH_UPDATE_F_OVERRIDE : 0, 0);
		neigh_release(n);
	} else {
		arp_stats.in_other++;
	}
out_consume:
	consume_skb(skb);
	return NET_RX_SUCCESS;
out_invalid:
	arp_stats.in_errors++;
	kfree_skb_reason(skb, SKB_DROP_REASON_ARP_INVALID);
	return NET_RX_DROP;
}

/* packet_type handler for ETH_P_ARP: sanity checks, then arp_process. */
noinline int arp_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt,
		     struct net_device *orig_dev)
{
	const struct arphdr *arp;

	if (dev->flags & IFF_NOARP || skb->pkt_type == PACKET_OTHERHOST || skb->pkt_type == PACKET_LOOPBACK) {
		consume_skb(skb);
		return NET_RX_SUCCESS;
	}
	skb = skb_share_check(skb, GFP_ATOMIC);
	if (!skb)
		return NET_RX_DROP;
	if (!pskb_may_pull(skb, arp_hdr_len(dev)))
		goto invalid;
	skb_reset_network_header(skb);
	arp = arp_hdr(skb);
	if (arp->ar_hln != dev->addr_len || arp->ar_pln != 4)
		goto invalid;
	return arp_process(&init_net, NULL, skb);
invalid:
	arp_stats.in_errors++;
	kfree_skb_reason(skb, SKB_DROP_REASON_ARP_INVALID);
	return NET_RX_DROP;
}

/* ---- arp(8): SIOCSARP / SIOCGARP / SIOCDARP ---- */

static unsigned int arp_state_to_flags(const struct neighbour *neigh)
{
	if (neigh->nud_state & NUD_PERMANENT)
		return ATF_PERM | ATF_COM;
	if (neigh->nud_state & NUD_VALID)
		return ATF_COM;
	return 0;
}

static struct net_device *arp_req_dev(struct net *net, struct arpreq *r, __be32 ip)
{
	struct flowi4 fl4 = { .daddr = ip };
	struct net_device *dev;
	struct rtable *rt;

	if (r->arp_dev[0]) {
		r->arp_dev[IFNAMSIZ - 1] = 0;
		return __dev_get_by_name(net, r->arp_dev);
	}
	rt = ip_route_output_key(net, &fl4);
	if (IS_ERR(rt))
		return NULL;
	dev = rt->dst.dev;
	ip_rt_put(rt);
	return dev;
}

int arp_ioctl(struct net *net, unsigned int cmd, void __user *arg)
{
	struct arpreq r;
	struct net_device *dev;
	struct neighbour *neigh;
	__be32 ip;
	int err = 0;

	if (cmd != SIOCSARP && cmd != SIOCGARP && cmd != SIOCDARP)
		return -EINVAL;
	if (copy_from_user(&r, arg, sizeof(r)))
		return -EFAULT;
	if (r.arp_pa.sa_family != AF_INET)
		return -EPFNOSUPPORT;
	ip = ((struct sockaddr_in *)&r.arp_pa)->sin_addr.s_addr;
	if (ipv4_is_multicast(ip) || ipv4_is_lbcast(ip) || ipv4_is_zeronet(ip) || ipv4_is_loopback(ip))
		return -EINVAL;
	dev = arp_req_dev(net, &r, ip);
	if (!dev)
		return r.arp_dev[0] ? -ENODEV : -ENETUNREACH;
	if (dev->flags & (IFF_LOOPBACK | IFF_NOARP))
		return -EINVAL;

	switch (cmd) {
	case SIOCSARP: {
		u8 state = (r.arp_flags & ATF_PERM) ? NUD_PERMANENT : NUD_STALE;

		if (r.arp_flags & ATF_PERM)
			r.arp_flags |= ATF_COM;
		if ((r.arp_flags & ATF_COM) && r.arp_ha.sa_family != dev->type)
			return -EINVAL;
		neigh = __neigh_create(&arp_tbl, &ip, dev, true);
		if (IS_ERR(neigh))
			return PTR_ERR(neigh);
		err = neigh_update(neigh, (r.arp_flags & ATF_COM) ? (u8 *)r.arp_ha.sa_data : NULL, state,
				   NEIGH_UPDATE_F_OVERRIDE | NEIGH_UPDATE_F_ADMIN, 0);
		neigh_release(neigh);
		return err;
	}
	case SIOCGARP:
		neigh = neigh_lookup(&arp_tbl, &ip, dev);
		if (!neigh)
			return -ENXIO;
		memcpy(r.arp_ha.sa_data, neigh->ha, dev->addr_len);
		r.arp_ha.sa_family = dev->type;
		r.arp_flags = arp_state_to_flags(neigh);
		strscpy(r.arp_dev, dev->name, IFNAMSIZ);
		neigh_release(neigh);
		if (copy_to_user(arg, &r, sizeof(r)))
			return -EFAULT;
		return 0;
	case SIOCDARP:
		neigh = neigh_lookup(&arp_tbl, &ip, dev);
		if (!neigh)
			return -ENXIO;
		if (neigh->nud_state & NUD_NOARP) {
			neigh_release(neigh);
			return -ENXIO;
		}
		err = neigh_update(neigh, NULL, NUD_FAILED, NEIGH_UPDATE_F_OVERRIDE | NEIGH_UPDATE_F_ADMIN, 0);
		neigh_remove_one(neigh, &arp_tbl);
		neigh_release(neigh);
		return err;
	}
	return -EINVAL;
}

/* ---- /proc/net/arp (Linux format; NOARP entries are not shown) ---- */

static void arp_format_neigh_entry(struct neighbour *n, void *v)
{
	struct seq_file *seq = v;
	char tbuf[16], hbuffer[18];

	if (n->nud_state & NUD_NOARP)
		return;
	in_ntoa(tbuf, n->primary_key[0]);
	eth_addr_str(hbuffer, n->ha);
	seq_printf(seq, "%-16s 0x%-10x0x%-10x%-17s     %-8s %s\n", tbuf, n->dev->type,
		   arp_state_to_flags(n), hbuffer, "*", n->dev->name);
}

static int arp_seq_show(struct seq_file *seq, void *v)
{
	seq_puts(seq, "IP address       HW type     Flags       HW address            Mask     Device\n");
	neigh_for_each(&arp_tbl, arp_format_neigh_entry, seq);
	return 0;
}

/* Not in Linux's /proc: ARP traffic counters for netstat -s, "Arp:" name and value lines. */
static int arpstat_seq_show(struct seq_file *seq, void *v)
{
	seq_puts(seq, "Arp: InRequests InReplies InGratuitous InErrors InOther OutRequests OutReplies "
		 "OutGratuitous ResFailed UnresDiscards Entries\n");
	seq_printf(seq, "Arp: %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu %d\n", arp_stats.in_requests,
		   arp_stats.in_replies, arp_stats.in_gratuitous, arp_stats.in_errors, arp_stats.in_other,
		   arp_stats.out_requests, arp_stats.out_replies, arp_stats.out_gratuitous,
		   arp_tbl.stats.res_failed, arp_tbl.stats.unres_discards, arp_tbl.entries);
	return 0;
}

static int arp_netdev_event(struct notifier_block *this, unsigned long event, void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);

	switch (event) {
	case NETDEV_CHANGEADDR:
		neigh_changeaddr(&arp_tbl, dev);
		break;
	case NETDEV_DOWN:
	case NETDEV_UNREGISTER:
		neigh_ifdown(&arp_tbl, dev);
		break;
	}
	return NOTIFY_DONE;
}

static struct notifier_block arp_netdev_notifier = {
	.notifier_call = arp_netdev_event,
};

static struct packet_type arp_packet_type = {
	.type = htons(ETH_P_ARP),
	.func = arp_rcv,
};

void arp_init(void)
{
	neigh_table_init(NEIGH_ARP_TABLE, &arp_tbl);
	dev_add_pack(&arp_packet_type);
	register_netdevice_notifier(&arp_netdev_notifier);
	proc_create_single("net/arp", 0444, NULL, arp_seq_show);
	proc_create_single("net/arpstat", 0444, NULL, arpstat_seq_show);
}
