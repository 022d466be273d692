/*
 * struct net_device: one network interface (eth0, lo), as in Linux. A driver allocates it with
 * alloc_netdev()/alloc_etherdev(), fills netdev_ops and registers it with register_netdev().
 * Transmit: dev_queue_xmit() -> __dev_queue_xmit() -> dev_hard_start_xmit() -> ndo_start_xmit().
 * Receive: the driver's interrupt schedules NAPI; net_rx_action (NET_RX_SOFTIRQ) calls its poll,
 * which hands frames to netif_receive_skb() -> __netif_receive_skb_core() -> packet_type handler
 * (ip_rcv, arp_rcv). Non-NAPI devices (loopback) call netif_rx(), which queues on the backlog.
 */
#ifndef _LINUX_NETDEVICE_H
#define _LINUX_NETDEVICE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/skbuff.h>
#include <linux/if_ether.h>

struct net;
struct device;
struct in_device;
struct neighbour;
struct net_device;

#define MAX_ADDR_LEN	32

/* IFNAMSIZ, IFF_UP ... (dev->flags are the user-visible SIOCGIFFLAGS bits) and ARPHRD_* (dev->type). */
#include <uapi/linux/if.h>
#include <uapi/linux/if_arp.h>

/* Room for any link-layer header in front of an IP packet (skb_reserve in protocols). */
#define LL_MAX_HEADER	32
#define MAX_HEADER	LL_MAX_HEADER
#define LL_RESERVED_SPACE(dev)	((((dev)->hard_header_len + 15) & ~15) + 16)

typedef enum netdev_tx {
	NETDEV_TX_OK	= 0x00,		/* driver took the skb */
	NETDEV_TX_BUSY	= 0x10,		/* ring full: the skb was not taken, requeue it */
} netdev_tx_t;

/* Return values of netif_rx / netif_receive_skb. */
#define NET_RX_SUCCESS	0
#define NET_RX_DROP	1
#define NET_XMIT_SUCCESS	0x00
#define NET_XMIT_DROP		0x01

/* Events sent to netdevice notifier listeners (arp, devinet, route). */
#define NETDEV_UP	0x0001
#define NETDEV_DOWN	0x0002
#define NETDEV_CHANGEADDR 0x0008
#define NETDEV_REGISTER	0x0005
#define NETDEV_UNREGISTER 0x0006

struct net_device_stats {
	unsigned long rx_packets;
	unsigned long tx_packets;
	unsigned long rx_bytes;
	unsigned long tx_bytes;
	unsigned long rx_errors;
	unsigned long tx_errors;
	unsigned long rx_dropped;
	unsigned long tx_dropped;
	unsigned long multicast;
	unsigned long collisions;
	unsigned long rx_length_errors;
	unsigned long rx_over_errors;
	unsigned long rx_crc_errors;
	unsigned long rx_frame_errors;
	unsigned long rx_fifo_errors;
	unsigned long rx_missed_errors;
	unsigned long tx_aborted_errors;
	unsigned long tx_carrier_errors;
	unsigned long tx_fifo_errors;
};

struct net_device_ops {
	int		(*ndo_open)(struct net_device *dev);
	int		(*ndo_stop)(struct net_device *dev);
	netdev_tx_t	(*ndo_start_xmit)(struct sk_buff *skb, struct net_device *dev);
	int		(*ndo_set_mac_address)(struct net_device *dev, void *addr);
	int		(*ndo_change_mtu)(struct net_device *dev, int new_mtu);
	struct net_device_stats *(*ndo_get_stats)(struct net_device *dev);
	void		(*ndo_set_rx_mode)(struct net_device *dev);
};

struct header_ops {
	/* Builds the link header in front of skb->data; returns its length, or -len if the
	 * destination is not known yet. */
	int	(*create)(struct sk_buff *skb, struct net_device *dev, unsigned short type,
			  const void *daddr, const void *saddr, unsigned int len);
	int	(*parse)(const struct sk_buff *skb, unsigned char *haddr);
};

/* NAPI: a driver's polled receive context, run from net_rx_action with a budget. */
struct napi_struct {
	struct list_head	poll_list;	/* on softnet_data.poll_list while scheduled */
	unsigned long		state;		/* NAPI_STATE_* bits */
	int			weight;		/* budget per poll call */
	int			(*poll)(struct napi_struct *napi, int budget);
	struct net_device	*dev;
	struct list_head	dev_list;
};

enum {
	NAPI_STATE_SCHED = 0,		/* on the poll list, or being polled */
	NAPI_STATE_MISSED,		/* napi_schedule() came while SCHED was set: poll again */
};

#define NAPI_POLL_WEIGHT	64

/* Transmit queue state (one queue per device). */
enum {
	__QUEUE_STATE_DRV_XOFF = 0,	/* driver stopped the queue: ring full */
};

#define NETDEV_QDISC_MAX	1000	/* txqueuelen: skbs held while a queue is stopped (pfifo_fast's default) */

struct net_device {
	char			name[IFNAMSIZ];
	struct list_head	dev_list;	/* on dev_base_head */
	int			ifindex;
	unsigned int		flags;		/* IFF_UP ... */
	unsigned int		mtu;
	unsigned int		min_mtu;
	unsigned int		max_mtu;
	unsigned short		type;		/* ARPHRD_ETHER, ARPHRD_LOOPBACK */
	unsigned short		hard_header_len;
	unsigned char		addr_len;
	unsigned char		dev_addr[MAX_ADDR_LEN];
	unsigned char		broadcast[MAX_ADDR_LEN];
	unsigned char		perm_addr[MAX_ADDR_LEN];

	const struct net_device_ops	*netdev_ops;
	const struct header_ops		*header_ops;
	struct net_device_stats	stats;
	unsigned long		rx_nohandler;	/* frames with no packet_type for their EtherType */

	unsigned long		state;		/* __LINK_STATE_* */
	unsigned long		tx_queue_state;	/* __QUEUE_STATE_* */
	struct sk_buff_head	qdisc;		/* waiting while the queue is stopped */
	struct list_head	tx_list;	/* on softnet_data.output_queue when qdisc waits */
	unsigned long		tx_queue_len;

	struct in_device	*ip_ptr;	/* IPv4 addresses (devinet.c) */
	struct list_head	napi_list;
	int			refcnt;
	int			irq;		/* for ifconfig's "Interrupt:" line */
	unsigned long		base_addr;
	struct device		*parent;	/* SET_NETDEV_DEV */
	bool			registered;
	void			(*priv_destructor)(struct net_device *dev);
	void			*priv;		/* driver state, after the struct (netdev_priv) */
};

enum {
	__LINK_STATE_START = 0,		/* device is open */
	__LINK_STATE_NOCARRIER,
};

#define SET_NETDEV_DEV(net, pdev)	((net)->parent = (pdev))

static inline void *netdev_priv(const struct net_device *dev)
{
	return dev->priv;
}

static inline void dev_hold(struct net_device *dev)
{
	dev->refcnt++;
}

static inline void dev_put(struct net_device *dev)
{
	dev->refcnt--;
}

/* A protocol's receive hook, registered by EtherType (dev_add_pack). */
struct packet_type {
	__be16			type;		/* htons(ETH_P_IP) ... */
	struct net_device	*dev;		/* NULL = every device */
	int			(*func)(struct sk_buff *skb, struct net_device *dev,
					struct packet_type *pt, struct net_device *orig_dev);
	struct list_head	list;
};

/* Per-CPU receive state (one CPU here): the backlog that netif_rx fills and the NAPI poll list. */
struct softnet_data {
	struct list_head	poll_list;
	struct sk_buff_head	input_pkt_queue;
	struct napi_struct	backlog;
	struct list_head	output_queue;	/* devices with a woken queue and skbs in their qdisc */
	unsigned int		processed;
	unsigned int		time_squeeze;	/* net_rx_action ran out of budget */
	unsigned int		dropped;	/* backlog full */
};

extern struct softnet_data softnet_data;
extern struct net_device *loopback_dev;	/* "lo", drivers/net/loopback.c */
extern struct list_head dev_base_head;
extern int netdev_max_backlog;
extern int netdev_budget;

#define for_each_netdev(net, d)	list_for_each_entry(d, &dev_base_head, dev_list)

/* Device lifetime (net/core/dev.c). name may hold "%d" ("eth%d"), filled at register time. */
struct net_device *alloc_netdev(int sizeof_priv, const char *name, unsigned char name_assign_type,
				void (*setup)(struct net_device *));
#define NET_NAME_UNKNOWN	0
#define NET_NAME_ENUM		1
void free_netdev(struct net_device *dev);
int register_netdev(struct net_device *dev);
void unregister_netdev(struct net_device *dev);
int register_netdevice(struct net_device *dev);
struct net_device *dev_get_by_name(struct net *net, const char *name);
struct net_device *dev_get_by_index(struct net *net, int ifindex);
struct net_device *__dev_get_by_name(struct net *net, const char *name);
struct net_device *__dev_get_by_index(struct net *net, int ifindex);
int dev_open(struct net_device *dev);
int dev_close(struct net_device *dev);
int dev_change_flags(struct net_device *dev, unsigned int flags);
int dev_set_mtu(struct net_device *dev, int new_mtu);
int dev_set_mac_address(struct net_device *dev, const unsigned char *addr);
const struct net_device_stats *dev_get_stats(struct net_device *dev);
/* net/core/dev_ioctl.c: SIOC[GS]IF{FLAGS,MTU,HWADDR,TXQLEN}, SIOCGIFINDEX/NAME on a kernel copy of the
 * ifreq (*need_copyout: copy it back to the user); SIOCGIFCONF with the user's struct ifconf. */
int dev_ioctl(struct net *net, unsigned int cmd, struct ifreq *ifr, void __user *data, bool *need_copyout);
int dev_ifconf(struct net *net, struct ifconf __user *uifc);

/* Notifier chain for NETDEV_UP/DOWN..., as in Linux (arp, devinet, fib listen). */
struct notifier_block {
	int			(*notifier_call)(struct notifier_block *nb, unsigned long event, void *ptr);
	struct notifier_block	*next;
	int			priority;
};
#define NOTIFY_DONE	0x0000
#define NOTIFY_OK	0x0001
int register_netdevice_notifier(struct notifier_block *nb);
int unregister_netdevice_notifier(struct notifier_block *nb);
int call_netdevice_notifiers(unsigned long val, struct net_device *dev);
static inline struct net_device *netdev_notifier_info_to_dev(void *ptr)
{
	return ptr;
}

/* Transmit. */
int dev_queue_xmit(struct sk_buff *skb);
int __dev_queue_xmit(struct sk_buff *skb, struct net_device *sb_dev);
netdev_tx_t dev_hard_start_xmit(struct sk_buff *skb, struct net_device *dev);
void netif_stop_queue(struct net_device *dev);
void netif_wake_queue(struct net_device *dev);
void netif_start_queue(struct net_device *dev);
bool netif_queue_stopped(const struct net_device *dev);

/* Link state. */
void netif_carrier_on(struct net_device *dev);
void netif_carrier_off(struct net_device *dev);
static inline bool netif_carrier_ok(const struct net_device *dev)
{
	return !(dev->state & (1UL << __LINK_STATE_NOCARRIER));
}

static inline bool netif_running(const struct net_device *dev)
{
	return dev->state & (1UL << __LINK_STATE_START);
}

/* Receive. */
int netif_rx(struct sk_buff *skb);
int netif_receive_skb(struct sk_buff *skb);
void dev_add_pack(struct packet_type *pt);
void dev_remove_pack(struct packet_type *pt);

/* NAPI. */
void netif_napi_add(struct net_device *dev, struct napi_struct *napi,
		    int (*poll)(struct napi_struct *, int));
void netif_napi_del(struct napi_struct *napi);
void napi_enable(struct napi_struct *n);
void napi_disable(struct napi_struct *n);
bool napi_schedule_prep(struct napi_struct *n);
void __napi_schedule(struct napi_struct *n);
bool napi_complete_done(struct napi_struct *n, int work_done);
void napi_schedule(struct napi_struct *n);
static inline bool napi_complete(struct napi_struct *n)
{
	return napi_complete_done(n, 0);
}
int napi_gro_receive(struct napi_struct *napi, struct sk_buff *skb);

/* Link-layer header through dev->header_ops (eth_header for Ethernet). */
static inline int dev_hard_header(struct sk_buff *skb, struct net_device *dev, unsigned short type,
				  const void *daddr, const void *saddr, unsigned int len)
{
	if (!dev->header_ops || !dev->header_ops->create)
		return 0;
	return dev->header_ops->create(skb, dev, type, daddr, saddr, len);
}

#endif
