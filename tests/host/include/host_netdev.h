/*
 * A fake Ethernet device for host tests: what the stack transmits is kept in a queue the test
 * inspects; the test injects received frames as a driver would (eth_type_trans + netif_receive_skb).
 */
#ifndef _HOST_NETDEV_H
#define _HOST_NETDEV_H

#include <linux/netdevice.h>
#include <linux/skbuff.h>

struct host_netdev_priv {
	struct sk_buff_head	txq;		/* frames handed to ndo_start_xmit */
	unsigned int		tx_limit;	/* ring size: queue stops when txq holds this many (0: no limit) */
	unsigned int		xmit_calls;
};

/* Allocates, names ("eth%d"), registers and opens an Ethernet device with address mac. */
struct net_device *host_netdev_create(const u8 mac[6]);
/* Unregisters and frees it, dropping captured frames. */
void host_netdev_destroy(struct net_device *dev);
/* Delivers one frame (starting at the Ethernet header) as received, through NAPI-less netif_receive_skb. */
int host_netdev_inject(struct net_device *dev, const void *frame, unsigned int len);
/* Oldest transmitted frame (skb->data at the Ethernet header), or NULL; caller frees it. */
struct sk_buff *host_netdev_tx_pop(struct net_device *dev);
unsigned int host_netdev_tx_len(struct net_device *dev);
void host_netdev_tx_purge(struct net_device *dev);
/* Simulates a TX ring of limit entries: when full the driver stops the queue; completing frees
 * the oldest n captured frames and wakes the queue. */
void host_netdev_set_tx_limit(struct net_device *dev, unsigned int limit);
void host_netdev_tx_complete(struct net_device *dev, unsigned int n);

#endif
