/*
 * The device layer (include/linux/netdevice.h): device registration, the transmit path
 * dev_queue_xmit -> __dev_queue_xmit -> dev_hard_start_xmit -> ndo_start_xmit, and the receive
 * path netif_rx / NAPI -> net_rx_action (NET_RX_SOFTIRQ) -> netif_receive_skb ->
 * __netif_receive_skb_core -> packet_type handler by EtherType (ip_rcv, arp_rcv).
 *
 * A driver whose ring is full stops its queue (netif_stop_queue); packets sent meanwhile wait in the
 * device's small qdisc and go out from NET_TX_SOFTIRQ when the driver wakes the queue, instead of
 * being dropped. One CPU, so "per-CPU" softnet_data is a single global.
 */
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/interrupt.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <net/net_namespace.h>

LIST_HEAD(dev_base_head);
struct softnet_data softnet_data;
int netdev_max_backlog = 1000;		/* net.core.netdev_max_backlog */
int netdev_budget = 300;		/* net.core.netdev_budget: packets per net_rx_action */

static LIST_HEAD(ptype_all);		/* ETH_P_ALL taps */
#define PTYPE_HASH_SIZE	16
#define PT(i)	LIST_HEAD_INIT(ptype_base[i])
static struct list_head ptype_base[PTYPE_HASH_SIZE] = {
	PT(0), PT(1), PT(2), PT(3), PT(4), PT(5), PT(6), PT(7),
	PT(8), PT(9), PT(10), PT(11), PT(12), PT(13), PT(14), PT(15),
};
#undef PT
static struct notifier_block *netdev_chain;
static int last_ifindex;

static struct list_head *ptype_head(const struct packet_type *pt)
{
	if (pt->type == htons(ETH_P_ALL))
		return &ptype_all;
	return &ptype_base[ntohs(pt->type) & (PTYPE_HASH_SIZE - 1)];
}

void dev_add_pack(struct packet_type *pt)
{
	list_add(&pt->list, ptype_head(pt));
}

void dev_remove_pack(struct packet_type *pt)
{
	list_del_init(&pt->list);
}

/* Device notifier chain (NETDEV_UP/DOWN/REGISTER...), highest priority first. */
/* As in Linux, a new listener is told about the devices that already exist (REGISTER, UP). */
int register_netdevice_notifier(struct notifier_block *nb)
{
	struct notifier_block **p = &netdev_chain;
	struct net_device *dev;

	while (*p && (*p)->priority >= nb->priority)
		p = &(*p)->next;
	nb->next = *p;
	*p = nb;
	for_each_netdev(&init_net, dev) {
		nb->notifier_call(nb, NETDEV_REGISTER, dev);
		if (dev->flags & IFF_UP)
			nb->notifier_call(nb, NETDEV_UP, dev);
	}
	return 0;
}

int unregister_netdevice_notifier(struct notifier_block *nb)
{
	struct notifier_block **p;

	for (p = &netdev_chain; *p; p = &(*p)->next) {
		if (*p == nb) {
			*p = nb->next;
			return 0;
		}
	}
	return -ENOENT;
}

int call_netdevice_notifiers(unsigned long val, struct net_device *dev)
{
	struct notifier_block *nb;

	for (nb = netdev_chain; nb; nb = nb->next)
		nb->notifier_call(nb, val, dev);
	return NOTIFY_DONE;
}

struct net_device *alloc_netdev(int sizeof_priv, const char *name, unsigned char name_assign_type,
				void (*setup)(struct net_device *))
{
	size_t alloc_size = ALIGN(sizeof(struct net_device), 32) + sizeof_priv;
	struct net_device *dev = kzalloc(alloc_size, GFP_KERNEL);

	if (!dev)
		return NULL;
	dev->priv = (char *)dev + ALIGN(sizeof(struct net_device), 32);
	strscpy(dev->name, name, sizeof(dev->name));
	INIT_LIST_HEAD(&dev->dev_list);
	INIT_LIST_HEAD(&dev->napi_list);
	INIT_LIST_HEAD(&dev->tx_list);
	skb_queue_head_init(&dev->qdisc);
	dev->tx_queue_len = NETDEV_QDISC_MAX;
	dev->min_mtu = ETH_MIN_MTU;
	dev->max_mtu = ETH_DATA_LEN;
	setup(dev);
	return dev;
}

void free_netdev(struct net_device *dev)
{
	struct napi_struct *n, *tmp;

	list_for_each_entry_safe(n, tmp, &dev->napi_list, dev_list)
		netif_napi_del(n);
	if (dev->priv_destructor)
		dev->priv_destructor(dev);
	kfree(dev);
}

struct net_device *__dev_get_by_name(struct net *net, const char *name)
{
	struct net_device *dev;

	for_each_netdev(net, dev)
		if (!strncmp(dev->name, name, IFNAMSIZ))
			return dev;
	return NULL;
}

struct net_device *__dev_get_by_index(struct net *net, int ifindex)
{
	struct net_device *dev;

	for_each_netdev(net, dev)
		if (dev->ifindex == ifindex)
			return dev;
	return NULL;
}

struct net_device *dev_get_by_name(struct net *net, const char *name)
{
	struct net_device *dev = __dev_get_by_name(net, name);

	if (dev)
		dev_hold(dev);
	return dev;
}

struct net_device *dev_get_by_index(struct net *net, int ifindex)
{
	struct net_device *dev = __dev_get_by_index(net, ifindex);

	if (dev)
		dev_hold(dev);
	return dev;
}

/* "eth%d" -> the first free eth0, eth1 ... */
static int dev_alloc_name(struct net_device *dev)
{
	char buf[IFNAMSIZ];
	const char *p = strchr(dev->name, '%');
	int i;

	if (!p)
		return __dev_get_by_name(NULL, dev->name) ? -EEXIST : 0;
	if (p[1] != 'd' || strchr(p + 2, '%'))
		return -EINVAL;
	for (i = 0; i < 100; i++) {
		snprintf(buf, sizeof(buf), dev->name, i);
		if (!__dev_get_by_name(NULL, buf)) {
			strscpy(dev->name, buf, sizeof(dev->name));
			return i;
		}
	}
	return -ENFILE;
}

int register_netdevice(struct net_device *dev)
{
	int ret = dev_alloc_name(dev);

	if (ret < 0)
		return ret;
	dev->ifindex = ++last_ifindex;
	if (!dev->mtu)
		dev->mtu = ETH_DATA_LEN;
	list_add_tail(&dev->dev_list, &dev_base_head);
	dev->registered = true;
	call_netdevice_notifiers(NETDEV_REGISTER, dev);
	net_debug(NET_DBG_DEV, "net: registered %s (ifindex %d)\n", dev->name, dev->ifindex);
	return 0;
}

int register_netdev(struct net_device *dev)
{
	return register_netdevice(dev);
}

void unregister_netdev(struct net_device *dev)
{
	if (!dev->registered)
		return;
	dev_close(dev);
	call_netdevice_notifiers(NETDEV_UNREGISTER, dev);
	list_del_init(&dev->dev_list);
	dev->registered = false;
}

static void dev_update_running(struct net_device *dev)
{
	if (netif_running(dev) && netif_carrier_ok(dev))
		dev->flags |= IFF_RUNNING;
	else
		dev->flags &= ~IFF_RUNNING;
}

int dev_open(struct net_device *dev)
{
	int ret = 0;

	if (dev->flags & IFF_UP)
		return 0;
	if (dev->netdev_ops && dev->netdev_ops->ndo_open)
		ret = dev->netdev_ops->ndo_open(dev);
	if (ret)
		return ret;
	dev->state |= 1UL << __LINK_STATE_START;
	dev->flags |= IFF_UP;
	dev_update_running(dev);
	call_netdevice_notifiers(NETDEV_UP, dev);
	return 0;
}

int dev_close(struct net_device *dev)
{
	if (!(dev->flags & IFF_UP))
		return 0;
	call_netdevice_notifiers(NETDEV_DOWN, dev);
	if (dev->netdev_ops && dev->netdev_ops->ndo_stop)
		dev->netdev_ops->ndo_stop(dev);
	dev->state &= ~(1UL << __LINK_STATE_START);
	dev->flags &= ~IFF_UP;
	dev_update_running(dev);
	if (!list_empty(&dev->tx_list))
		list_del_init(&dev->tx_list);
	skb_queue_purge(&dev->qdisc);
	return 0;
}

/* SIOCSIFFLAGS: IFF_UP opens or closes; PROMISC/ALLMULTI/DEBUG/NOARP are stored. */
int dev_change_flags(struct net_device *dev, unsigned int flags)
{
	const unsigned int changeable = IFF_DEBUG | IFF_NOTRAILERS | IFF_NOARP | IFF_PROMISC |
					IFF_ALLMULTI | IFF_MULTICAST;
	unsigned int old = dev->flags;
	int ret = 0;

	dev->flags = (old & ~changeable) | (flags & changeable);
	if ((old ^ dev->flags) & (IFF_PROMISC | IFF_ALLMULTI) && dev->netdev_ops &&
	    dev->netdev_ops->ndo_set_rx_mode)
		dev->netdev_ops->ndo_set_rx_mode(dev);
	if ((old ^ flags) & IFF_UP)
		ret = (flags & IFF_UP) ? dev_open(dev) : dev_close(dev);
	return ret;
}

int dev_set_mtu(struct net_device *dev, int new_mtu)
{
	if (new_mtu < (int)dev->min_mtu || new_mtu > (int)dev->max_mtu)
		return -EINVAL;
	if (dev->netdev_ops && dev->netdev_ops->ndo_change_mtu)
		return dev->netdev_ops->ndo_change_mtu(dev, new_mtu);
	dev->mtu = new_mtu;
	return 0;
}

int dev_set_mac_address(struct net_device *dev, const unsigned char *addr)
{
	int ret = 0;

	if (dev->netdev_ops && dev->netdev_ops->ndo_set_mac_address)
		ret = dev->netdev_ops->ndo_set_mac_address(dev, (void *)addr);
	else
		memcpy(dev->dev_addr, addr, dev->addr_len);
	if (!ret)
		call_netdevice_notifiers(NETDEV_CHANGEADDR, dev);
	return ret;
}

const struct net_device_stats *dev_get_stats(struct net_device *dev)
{
	if (dev->netdev_ops && dev->netdev_ops->ndo_get_stats)
		return dev->netdev_ops->ndo_get_stats(dev);
	return &dev->stats;
}

void netif_carrier_on(struct net_device *dev)
{
	dev->state &= ~(1UL << __LINK_STATE_NOCARRIER);
	dev_update_running(dev);
}

void netif_carrier_off(struct net_device *dev)
{
	dev->state |= 1UL << __LINK_STATE_NOCARRIER;
	dev_update_running(dev);
}

/* ---- transmit ---- */

bool netif_queue_stopped(const struct net_device *dev)
{
	return dev->tx_queue_state & (1UL << __QUEUE_STATE_DRV_XOFF);
}

void netif_stop_queue(struct net_device *dev)
{
	dev->tx_queue_state |= 1UL << __QUEUE_STATE_DRV_XOFF;
}

void netif_start_queue(struct net_device *dev)
{
	dev->tx_queue_state &= ~(1UL << __QUEUE_STATE_DRV_XOFF);
}

/* Puts dev on the output queue so NET_TX_SOFTIRQ sends what waits in its qdisc. */
static void __netif_schedule(struct net_device *dev)
{
	if (list_empty(&dev->tx_list))
		list_add_tail(&dev->tx_list, &softnet_data.output_queue);
	raise_softirq(NET_TX_SOFTIRQ);
}

void netif_wake_queue(struct net_device *dev)
{
	bool was_stopped = netif_queue_stopped(dev);

	netif_start_queue(dev);
	if (was_stopped && !skb_queue_empty(&dev->qdisc))
		__netif_schedule(dev);
}

/* Hands one packet to the driver. */
noinline netdev_tx_t dev_hard_start_xmit(struct sk_buff *skb, struct net_device *dev)
{
	return dev->netdev_ops->ndo_start_xmit(skb, dev);
}

/* Sends what waits in the qdisc until it is empty or the driver stops the queue again. */
static void qdisc_run(struct net_device *dev)
{
	struct sk_buff *skb;

	while (!netif_queue_stopped(dev) && (skb = __skb_dequeue(&dev->qdisc)) != NULL) {
		if (dev_hard_start_xmit(skb, dev) == NETDEV_TX_BUSY) {
			__skb_queue_head(&dev->qdisc, skb);
			break;
		}
	}
}

static void net_tx_action(struct softirq_action *h)
{
	while (!list_empty(&softnet_data.output_queue)) {
		struct net_device *dev = list_first_entry(&softnet_data.output_queue,
							  struct net_device, tx_list);

		list_del_init(&dev->tx_list);
		if (dev->flags & IFF_UP)
			qdisc_run(dev);
	}
}

static int qdisc_enqueue(struct sk_buff *skb, struct net_device *dev)
{
	if (skb_queue_len(&dev->qdisc) >= dev->tx_queue_len) {
		dev->stats.tx_dropped++;
		kfree_skb_reason(skb, SKB_DROP_REASON_QDISC_DROP);
		return NET_XMIT_DROP;
	}
	__skb_queue_tail(&dev->qdisc, skb);
	return NET_XMIT_SUCCESS;
}

noinline int __dev_queue_xmit(struct sk_buff *skb, struct net_device *sb_dev)
{
	struct net_device *dev = skb->dev;
	int rc = NET_XMIT_SUCCESS;

	/* Bottom halves off as in Linux (rcu_read_lock_bh): a loopback packet is processed by
	 * NET_RX_SOFTIRQ when we re-enable them, after the sender's call chain has unwound. */
	local_bh_disable();
	if (unlikely(!(dev->flags & IFF_UP))) {
		dev->stats.tx_dropped++;
		kfree_skb_reason(skb, SKB_DROP_REASON_DEV_READY);
		rc = -ENETDOWN;
		goto out;
	}
	skb_reset_mac_header(skb);
	/* Linux's IFF_XMIT_DST_RELEASE: a NIC has no use for the route, and a frame waiting in its TX
	 * ring until the next completion must not pin it. Loopback keeps it: the receiving side
	 * (ip_rcv_finish) reuses it as the input route. */
	if (!(dev->flags & IFF_LOOPBACK))
		skb_dst_drop(skb);
	/* Earlier packets still waiting keep their place: join the queue behind them. */
	if (netif_queue_stopped(dev) || !skb_queue_empty(&dev->qdisc)) {
		rc = qdisc_enqueue(skb, dev);
		goto out;
	}
	if (dev_hard_start_xmit(skb, dev) == NETDEV_TX_BUSY) {
		/* The driver kept the skb: it waits for netif_wake_queue. */
		if (!netif_queue_stopped(dev))
			netif_stop_queue(dev);
		rc = qdisc_enqueue(skb, dev);
	}
out:
	local_bh_enable();
	return rc;
}

noinline int dev_queue_xmit(struct sk_buff *skb)
{
	return __dev_queue_xmit(skb, NULL);
}

/* ---- receive ---- */

static inline void deliver_skb(struct sk_buff *skb, struct packet_type *pt_prev, struct net_device *orig_dev)
{
	pt_prev->func(skb, skb->dev, pt_prev, orig_dev);
}

/*
 * Hands the frame to every tap (ETH_P_ALL) and to the handler registered for its EtherType. Each
 * handler owns the skb it gets, so all but the last get an extra reference.
 */
static noinline int __netif_receive_skb_core(struct sk_buff **pskb, bool pfmemalloc,
					     struct packet_type **ppt_prev)
{
	struct sk_buff *skb = *pskb;
	struct net_device *orig_dev = skb->dev;
	struct packet_type *ptype, *pt_prev = NULL;
	int ret = NET_RX_DROP;

	skb->tstamp = jiffies;
	skb_reset_network_header(skb);
	if (!skb_transport_header_was_set(skb))
		skb_reset_transport_header(skb);

	list_for_each_entry(ptype, &ptype_all, list) {
		if (ptype->dev && ptype->dev != skb->dev)
			continue;
		if (pt_prev)
			deliver_skb(skb_get(skb), pt_prev, orig_dev);
		pt_prev = ptype;
	}
	list_for_each_entry(ptype, &ptype_base[ntohs(skb->protocol) & (PTYPE_HASH_SIZE - 1)], list) {
		if (ptype->type != skb->protocol || (ptype->dev && ptype->dev != skb->dev))
			continue;
		if (pt_prev)
			deliver_skb(skb_get(skb), pt_prev, orig_dev);
		pt_prev = ptype;
	}
	if (pt_prev) {
		ret = pt_prev->func(skb, skb->dev, pt_prev, orig_dev);
	} else {
		skb->dev->rx_nohandler++;
		kfree_skb_reason(skb, SKB_DROP_REASON_UNHANDLED_PROTO);
	}
	*ppt_prev = NULL;
	return ret;
}

static int __netif_receive_skb(struct sk_buff *skb)
{
	struct packet_type *pt_prev = NULL;

	return __netif_receive_skb_core(&skb, false, &pt_prev);
}

noinline int netif_receive_skb(struct sk_buff *skb)
{
	return __netif_receive_skb(skb);
}

int napi_gro_receive(struct napi_struct *napi, struct sk_buff *skb)
{
	return netif_receive_skb(skb);
}

/* Queues a packet from a non-NAPI device (loopback) on the backlog for NET_RX_SOFTIRQ. */
noinline int netif_rx(struct sk_buff *skb)
{
	struct softnet_data *sd = &softnet_data;
	/* From process context the raised softirq runs when we re-enable bottom halves; from an
	 * interrupt or softirq it runs on the way out of it (Linux does the same). */
	bool need_bh_off = !in_interrupt();
	int ret = NET_RX_SUCCESS;

	if (need_bh_off)
		local_bh_disable();
	if (skb_queue_len(&sd->input_pkt_queue) >= (u32)netdev_max_backlog) {
		sd->dropped++;
		skb->dev->stats.rx_dropped++;
		kfree_skb_reason(skb, SKB_DROP_REASON_CPU_BACKLOG);
		ret = NET_RX_DROP;
		goto out;
	}
	__skb_queue_tail(&sd->input_pkt_queue, skb);
	napi_schedule(&sd->backlog);
out:
	if (need_bh_off)
		local_bh_enable();
	return ret;
}

static int process_backlog(struct napi_struct *napi, int quota)
{
	struct softnet_data *sd = container_of(napi, struct softnet_data, backlog);
	int work = 0;

	while (work < quota) {
		struct sk_buff *skb = __skb_dequeue(&sd->input_pkt_queue);

		if (!skb)
			break;
		__netif_receive_skb(skb);
		work++;
	}
	if (work < quota)
		napi_complete_done(napi, work);
	return work;
}

/* ---- NAPI ---- */

void netif_napi_add(struct net_device *dev, struct napi_struct *napi,
		    int (*poll)(struct napi_struct *, int))
{
	INIT_LIST_HEAD(&napi->poll_list);
	napi->weight = NAPI_POLL_WEIGHT;
	napi->poll = poll;
	napi->dev = dev;
	/* Disabled until napi_enable (ndo_open), as in Linux. */
	napi->state = 1UL << NAPI_STATE_SCHED;
	list_add(&napi->dev_list, &dev->napi_list);
}

void netif_napi_del(struct napi_struct *napi)
{
	napi_disable(napi);
	list_del_init(&napi->dev_list);
}

void napi_enable(struct napi_struct *n)
{
	n->state &= ~((1UL << NAPI_STATE_SCHED) | (1UL << NAPI_STATE_MISSED));
}

void napi_disable(struct napi_struct *n)
{
	if (!list_empty(&n->poll_list))
		list_del_init(&n->poll_list);
	n->state |= 1UL << NAPI_STATE_SCHED;
}

/*
 * A request while the context is already scheduled or being polled is not dropped: it sets
 * MISSED, and napi_complete_done then polls once more. Without it, an interrupt that arrives
 * during the poll (the driver already masked its source) would be lost, as Linux found.
 */
bool napi_schedule_prep(struct napi_struct *n)
{
	unsigned long flags;
	bool prep = true;

	local_irq_save(flags);
	if (n->state & (1UL << NAPI_STATE_SCHED)) {
		n->state |= 1UL << NAPI_STATE_MISSED;
		prep = false;
	} else {
		n->state |= 1UL << NAPI_STATE_SCHED;
	}
	local_irq_restore(flags);
	return prep;
}

noinline void __napi_schedule(struct napi_struct *n)
{
	unsigned long flags;

	local_irq_save(flags);
	list_add_tail(&n->poll_list, &softnet_data.poll_list);
	raise_softirq_irqoff(NET_RX_SOFTIRQ);
	local_irq_restore(flags);
}

/* From a driver's interrupt: poll this context from NET_RX_SOFTIRQ (unless already scheduled). */
noinline void napi_schedule(struct napi_struct *n)
{
	if (napi_schedule_prep(n))
		__napi_schedule(n);
}

/*
 * The driver is done (work_done < budget): off the poll list, and true tells it to re-enable its
 * interrupt. If a napi_schedule() came during the poll (MISSED), the context stays scheduled and
 * is polled again instead, and false tells the driver to leave its interrupt off.
 */
bool napi_complete_done(struct napi_struct *n, int work_done)
{
	unsigned long flags;
	bool done = true;

	local_irq_save(flags);
	if (!list_empty(&n->poll_list))
		list_del_init(&n->poll_list);
	if (n->state & (1UL << NAPI_STATE_MISSED)) {
		n->state &= ~(1UL << NAPI_STATE_MISSED);
		__napi_schedule(n);
		done = false;
	} else {
		n->state &= ~(1UL << NAPI_STATE_SCHED);
	}
	local_irq_restore(flags);
	return done;
}

/*
 * NET_RX_SOFTIRQ: polls each scheduled NAPI context with its weight until the packet budget is
 * spent. A context that used its whole weight still has work and goes to the back of the list;
 * if the budget runs out first, the softirq is raised again (time_squeeze) so other work runs.
 */
static noinline void net_rx_action(struct softirq_action *h)
{
	struct softnet_data *sd = &softnet_data;
	int budget = netdev_budget;
	LIST_HEAD(list);
	LIST_HEAD(repoll);

	while (!list_empty(&sd->poll_list))
		list_move_tail(sd->poll_list.next, &list);

	while (!list_empty(&list)) {
		struct napi_struct *n = list_first_entry(&list, struct napi_struct, poll_list);
		int work;

		list_del_init(&n->poll_list);
		work = n->poll(n, n->weight);
		sd->processed += work;
		if (work >= n->weight && (n->state & (1UL << NAPI_STATE_SCHED)) &&
		    list_empty(&n->poll_list))
			list_add_tail(&n->poll_list, &repoll);
		budget -= work;
		if (budget <= 0 && (!list_empty(&list) || !list_empty(&repoll))) {
			sd->time_squeeze++;
			break;
		}
	}
	/* Contexts scheduled meanwhile stay in front of the ones we put back. */
	while (!list_empty(&list))
		list_move_tail(list.next, &sd->poll_list);
	while (!list_empty(&repoll))
		list_move_tail(repoll.next, &sd->poll_list);
	if (!list_empty(&sd->poll_list))
		raise_softirq_irqoff(NET_RX_SOFTIRQ);
}

static int __init net_dev_init(void)
{
	struct softnet_data *sd = &softnet_data;
	INIT_LIST_HEAD(&sd->poll_list);
	INIT_LIST_HEAD(&sd->output_queue);
	skb_queue_head_init(&sd->input_pkt_queue);
	INIT_LIST_HEAD(&sd->backlog.poll_list);
	INIT_LIST_HEAD(&sd->backlog.dev_list);
	sd->backlog.poll = process_backlog;
	sd->backlog.weight = NAPI_POLL_WEIGHT;
	sd->backlog.state = 0;
	open_softirq(NET_TX_SOFTIRQ, net_tx_action);
	open_softirq(NET_RX_SOFTIRQ, net_rx_action);
	return 0;
}
subsys_initcall(net_dev_init);
