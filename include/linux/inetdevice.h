/*
 * IPv4 state of a network device (net/ipv4/devinet.c): dev->ip_ptr is a struct in_device holding
 * the list of addresses (struct in_ifaddr), as in Linux. Adding an address also adds its local
 * and connected routes (fib_add_ifaddr); `ifconfig` reads and changes them with SIOC*IF* ioctls.
 */
#ifndef _LINUX_INETDEVICE_H
#define _LINUX_INETDEVICE_H

#include <linux/netdevice.h>
#include <linux/byteorder.h>

struct ifreq;
struct neigh_parms;

struct in_ifaddr {
	struct in_ifaddr	*ifa_next;
	struct in_device	*ifa_dev;
	__be32			ifa_local;	/* our address */
	__be32			ifa_address;	/* same as ifa_local (peer address on point-to-point) */
	__be32			ifa_mask;
	__be32			ifa_broadcast;
	unsigned char		ifa_prefixlen;
	unsigned char		ifa_scope;	/* RT_SCOPE_HOST for 127/8, else RT_SCOPE_UNIVERSE */
	u32			ifa_flags;
	char			ifa_label[IFNAMSIZ];
};

struct in_device {
	struct net_device	*dev;
	struct in_ifaddr	*ifa_list;	/* primary address first */
	struct neigh_parms	*arp_parms;
	int			forwarding;
};

static inline struct in_device *__in_dev_get_rtnl(const struct net_device *dev)
{
	return dev->ip_ptr;
}

static inline struct in_device *__in_dev_get_rcu(const struct net_device *dev)
{
	return dev->ip_ptr;
}

static inline struct in_device *in_dev_get(const struct net_device *dev)
{
	return dev->ip_ptr;
}

#define in_dev_for_each_ifa_rtnl(ifa, in_dev) \
	for (ifa = (in_dev)->ifa_list; ifa; ifa = ifa->ifa_next)
#define in_dev_for_each_ifa_rcu(ifa, in_dev) in_dev_for_each_ifa_rtnl(ifa, in_dev)

static inline __be32 inet_make_mask(int logmask)
{
	if (logmask)
		return htonl(~((1U << (32 - logmask)) - 1));
	return 0;
}

static inline int inet_mask_len(__be32 mask)
{
	u32 hmask = ntohl(mask);

	if (!hmask)
		return 0;
	return 32 - __builtin_ctz(hmask);
}

static inline bool inet_ifa_match(__be32 addr, const struct in_ifaddr *ifa)
{
	return !((addr ^ ifa->ifa_address) & ifa->ifa_mask);
}

/* A netmask must be a run of ones from the top (255.255.255.0, not 255.0.255.0), and addr must
 * have no bits inside the mask's host part. */
static inline bool bad_mask(__be32 mask, __be32 addr)
{
	u32 hostmask = ntohl(~mask);

	if (addr & ~mask)
		return true;
	return hostmask & (hostmask + 1);
}

/* net/ipv4/devinet.c */
void devinet_init(void);
struct in_device *inetdev_init(struct net_device *dev);
__be32 inet_select_addr(const struct net_device *dev, __be32 dst, int scope);
struct in_ifaddr *inet_ifa_byprefix(struct in_device *in_dev, __be32 prefix, __be32 mask);
struct net_device *__ip_dev_find(struct net *net, __be32 addr, bool devref);
/* Sets (replaces) the primary address of dev; used by ipconfig and SIOCSIFADDR. */
int devinet_set_addr(struct net_device *dev, __be32 local, __be32 mask);
int devinet_ioctl(struct net *net, unsigned int cmd, struct ifreq *ifr);
int inet_gifconf(struct net_device *dev, char __user *buf, int len, int size);


#endif
