/*
 * The network namespace. There is exactly one, init_net, but every function that takes
 * `struct net *net` in Linux takes it here too, so signatures read as Linux's
 * (inet_create(net, sock, protocol, kern), ip_route_output_flow(net, fl4, sk) ...).
 * It holds the per-namespace tunables Linux keeps in net->core and net->ipv4.
 */
#ifndef _NET_NET_NAMESPACE_H
#define _NET_NET_NAMESPACE_H

#include <linux/types.h>
#include <linux/atomic.h>

struct netns_core {
	int sysctl_somaxconn;		/* listen() backlog cap (net.core.somaxconn) */
	int sysctl_wmem_max;		/* SO_SNDBUF cap (net.core.wmem_max) */
	int sysctl_rmem_max;		/* SO_RCVBUF cap (net.core.rmem_max) */
	int sysctl_wmem_default;
	int sysctl_rmem_default;
};

struct inet_hashinfo;

/* TIME_WAIT bookkeeping of one protocol (Linux keeps it in net->ipv4.tcp_death_row). */
struct inet_timewait_death_row {
	atomic_t		tw_count;		/* TIME_WAIT sockets alive */
	struct inet_hashinfo	*hashinfo;		/* &tcp_hashinfo, set by tcp_init */
	int			sysctl_max_tw_buckets;	/* above this, sockets close without TIME_WAIT */
};

struct netns_ipv4 {
	struct inet_timewait_death_row tcp_death_row;
	struct {
		int range[2];		/* ephemeral ports, net.ipv4.ip_local_port_range: 32768 60999 */
	} ip_local_ports;
	int sysctl_ip_nonlocal_bind;	/* bind() to an address that is not ours (0: EADDRNOTAVAIL) */
	int sysctl_udp_rmem_min;
	int sysctl_udp_wmem_min;
};

struct net {
	struct netns_core core;
	struct netns_ipv4 ipv4;
};

extern struct net init_net;

static inline bool net_eq(const struct net *a, const struct net *b)
{
	return a == b;
}

struct net_device;

/* Every device is in the one namespace (Linux: dev_net() in linux/netdevice.h). */
static inline struct net *dev_net(const struct net_device *dev)
{
	return &init_net;
}

static inline void inet_get_local_port_range(struct net *net, int *low, int *high)
{
	*low = net->ipv4.ip_local_ports.range[0];
	*high = net->ipv4.ip_local_ports.range[1];
}

#endif
