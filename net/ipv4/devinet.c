/*
 * IPv4 addresses of network devices (net/ipv4/devinet.c). Each device gets a struct in_device
 * (dev->ip_ptr) when it registers; its addresses are struct in_ifaddr, primary first. Adding an
 * address adds its routes (fib_add_ifaddr: local /32 + connected prefix), removing it removes them.
 * "lo" gets 127.0.0.1/8 when it comes up, as in Linux. devinet_ioctl serves ifconfig's
 * SIOC[GS]IF{ADDR,NETMASK,BRDADDR,DSTADDR} and SIOCSIFFLAGS.
 */
#include <linux/inetdevice.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/init.h>
#include <uapi/linux/if.h>
#include <uapi/linux/sockios.h>
#include <uapi/linux/in.h>
#include <net/ip_fib.h>
#include <net/route.h>
#include <net/arp.h>
#include <net/ip.h>
#include <linux/uaccess.h>

struct in_device *inetdev_init(struct net_device *dev)
{
	struct in_device *in_dev = kzalloc(sizeof(*in_dev), GFP_KERNEL);

	if (!in_dev)
		return NULL;
	in_dev->dev = dev;
	in_dev->arp_parms = &arp_tbl.parms;
	dev->ip_ptr = in_dev;
	return in_dev;
}

static void inetdev_send_gratuitous_arp(struct net_device *dev, struct in_device *in_dev);

static struct in_ifaddr *inet_alloc_ifa(void)
{
	return kzalloc(sizeof(struct in_ifaddr), GFP_KERNEL);
}

static void inet_free_ifa(struct in_ifaddr *ifa)
{
	kfree(ifa);
}

/* Adds ifa to its device (primary if it is the first) and installs its routes if the device is up. */
static int inet_insert_ifa(struct in_ifaddr *ifa)
{
	struct in_device *in_dev = ifa->ifa_dev;
	struct in_ifaddr **ifap, *i;

	for (ifap = &in_dev->ifa_list; (i = *ifap) != NULL; ifap = &i->ifa_next) {
		if (i->ifa_local == ifa->ifa_local && i->ifa_mask == ifa->ifa_mask) {
			inet_free_ifa(ifa);
			return -EEXIST;
		}
	}
	*ifap = ifa;
	ifa->ifa_next = NULL;
	if (in_dev->dev->flags & IFF_UP)
		fib_add_ifaddr(ifa);
	rt_cache_flush(&init_net);
	return 0;
}

static void inet_del_ifa(struct in_device *in_dev, struct in_ifaddr **ifap)
{
	struct in_ifaddr *ifa = *ifap;

	*ifap = ifa->ifa_next;
	fib_del_ifaddr(ifa, in_dev->ifa_list);
	rt_cache_flush(&init_net);
	inet_free_ifa(ifa);
}

static void inetdev_destroy(struct in_device *in_dev)
{
	while (in_dev->ifa_list)
		inet_del_ifa(in_dev, &in_dev->ifa_list);
	in_dev->dev->ip_ptr = NULL;
	kfree(in_dev);
}

static void inet_ifa_fill(struct in_ifaddr *ifa, struct net_device *dev, __be32 local, __be32 mask)
{
	ifa->ifa_local = local;
	ifa->ifa_address = local;
	ifa->ifa_mask = mask;
	ifa->ifa_prefixlen = inet_mask_len(mask);
	if (mask != htonl(0xffffffff) && mask != htonl(0xfffffffe))
		ifa->ifa_broadcast = local | ~mask;
	else
		ifa->ifa_broadcast = 0;
	ifa->ifa_scope = ipv4_is_loopback(local) ? RT_SCOPE_HOST : RT_SCOPE_UNIVERSE;
	strscpy(ifa->ifa_label, dev->name, IFNAMSIZ);
}

/*
 * Makes local/mask the primary address of dev (ifconfig eth0 A netmask M, ipconfig, DHCP).
 * Any previous primary address and its routes go.
 */
int devinet_set_addr(struct net_device *dev, __be32 local, __be32 mask)
{
	struct in_device *in_dev = __in_dev_get_rtnl(dev);
	struct in_ifaddr *ifa;
	int err;

	if (!in_dev)
		in_dev = inetdev_init(dev);
	if (!in_dev)
		return -ENOBUFS;
	if (bad_mask(mask, 0) || ipv4_is_multicast(local) || ipv4_is_lbcast(local))
		return -EINVAL;
	if (in_dev->ifa_list)
		inet_del_ifa(in_dev, &in_dev->ifa_list);
	if (!local)
		return 0;	/* ifconfig eth0 0.0.0.0: address removed */
	ifa = inet_alloc_ifa();
	if (!ifa)
		return -ENOBUFS;
	ifa->ifa_dev = in_dev;
	inet_ifa_fill(ifa, dev, local, mask);
	err = inet_insert_ifa(ifa);
	if (!err)
		inetdev_send_gratuitous_arp(dev, in_dev);
	return err;
}

/* A preferred source address on dev for talking to dst within scope (RFC 1122 3.3.4.3). */
__be32 inet_select_addr(const struct net_device *dev, __be32 dst, int scope)
{
	struct in_device *in_dev = __in_dev_get_rcu(dev);
	struct in_ifaddr *ifa;
	struct net_device *d;
	__be32 addr = 0;

	if (in_dev) {
		in_dev_for_each_ifa_rcu(ifa, in_dev) {
			if (ifa->ifa_scope > scope)
				continue;
			if (!dst || inet_ifa_match(dst, ifa))
				return ifa->ifa_local;
			if (!addr)
				addr = ifa->ifa_local;
		}
	}
	if (addr)
		return addr;
	/* No address on dev: any non-host-scope address of this host will do (Linux does the same). */
	for_each_netdev(&init_net, d) {
		in_dev = __in_dev_get_rcu(d);
		if (!in_dev)
			continue;
		in_dev_for_each_ifa_rcu(ifa, in_dev)
			if (ifa->ifa_scope <= scope && ifa->ifa_scope != RT_SCOPE_HOST)
				return ifa->ifa_local;
	}
	return 0;
}

struct in_ifaddr *inet_ifa_byprefix(struct in_device *in_dev, __be32 prefix, __be32 mask)
{
	struct in_ifaddr *ifa;

	in_dev_for_each_ifa_rtnl(ifa, in_dev)
		if (ifa->ifa_mask == mask && inet_ifa_match(prefix, ifa))
			return ifa;
	return NULL;
}

struct net_device *__ip_dev_find(struct net *net, __be32 addr, bool devref)
{
	struct net_device *dev;

	for_each_netdev(net, dev) {
		struct in_device *in_dev = __in_dev_get_rcu(dev);
		struct in_ifaddr *ifa;

		if (!in_dev)
			continue;
		in_dev_for_each_ifa_rcu(ifa, in_dev) {
			if (ifa->ifa_local == addr) {
				if (devref)
					dev_hold(dev);
				return dev;
			}
		}
	}
	return NULL;
}

static void set_sin(struct sockaddr *sa, __be32 addr)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)sa;

	memset(sin, 0, sizeof(*sin));
	sin->sin_family = AF_INET;
	sin->sin_addr.s_addr = addr;
}

/* SIOC[GS]IF{ADDR,NETMASK,BRDADDR,DSTADDR} on a kernel copy of the user's ifreq. */
int devinet_ioctl(struct net *net, unsigned int cmd, struct ifreq *ifr)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)&ifr->ifr_addr;
	struct in_device *in_dev;
	struct in_ifaddr *ifa;
	struct net_device *dev;
	__be32 mask;
	int ret;

	ifr->ifr_name[IFNAMSIZ - 1] = 0;
	dev = __dev_get_by_name(net, ifr->ifr_name);
	if (!dev)
		return -ENODEV;
	in_dev = __in_dev_get_rtnl(dev);
	ifa = in_dev ? in_dev->ifa_list : NULL;

	switch (cmd) {
	case SIOCGIFADDR:
	case SIOCGIFBRDADDR:
	case SIOCGIFNETMASK:
	case SIOCGIFDSTADDR:
		if (!ifa)
			return -EADDRNOTAVAIL;
		if (cmd == SIOCGIFADDR)
			set_sin(&ifr->ifr_addr, ifa->ifa_local);
		else if (cmd == SIOCGIFBRDADDR)
			set_sin(&ifr->ifr_broadaddr, ifa->ifa_broadcast);
		else if (cmd == SIOCGIFNETMASK)
			set_sin(&ifr->ifr_netmask, ifa->ifa_mask);
		else
			set_sin(&ifr->ifr_dstaddr, ifa->ifa_address);
		return 0;
	case SIOCSIFADDR:
		if (sin->sin_family != AF_INET)
			return -EINVAL;
		/* Keep the netmask if there was an address; else the classful default, as Linux does. */
		if (ifa) {
			mask = ifa->ifa_mask;
		} else {
			u32 a = ntohl(sin->sin_addr.s_addr);

			mask = htonl(a >> 31 == 0 ? 0xff000000 : a >> 30 == 2 ? 0xffff0000 : 0xffffff00);
			if (dev->flags & IFF_LOOPBACK)
				mask = htonl(0xff000000);
		}
		return devinet_set_addr(dev, sin->sin_addr.s_addr, mask);
	case SIOCSIFNETMASK:
		if (!ifa)
			return -EADDRNOTAVAIL;
		if (bad_mask(sin->sin_addr.s_addr, 0))
			return -EINVAL;
		return devinet_set_addr(dev, ifa->ifa_local, sin->sin_addr.s_addr);
	case SIOCSIFBRDADDR:
		if (!ifa)
			return -EADDRNOTAVAIL;
		if (ifa->ifa_broadcast != sin->sin_addr.s_addr) {
			fib_del_ifaddr(ifa, NULL);
			ifa->ifa_broadcast = sin->sin_addr.s_addr;
			if (dev->flags & IFF_UP)
				fib_add_ifaddr(ifa);
		}
		return 0;
	case SIOCSIFDSTADDR:
		return -EOPNOTSUPP;	/* point-to-point links do not exist here */
	case SIOCSIFFLAGS:
		/* Linux serves it here too, for inet_ioctl: up/down goes to the device. */
		return dev_change_flags(dev, (unsigned short)ifr->ifr_flags);
	default:
		ret = -EINVAL;
	}
	return ret;
}

/* SIOCGIFCONF: one struct ifreq per address of dev into buf (NULL buf: just count the bytes). */
int inet_gifconf(struct net_device *dev, char __user *buf, int len, int size)
{
	struct in_device *in_dev = __in_dev_get_rtnl(dev);
	struct in_ifaddr *ifa;
	struct ifreq ifr;
	int done = 0;

	if (!in_dev || size != sizeof(struct ifreq))
		return 0;
	in_dev_for_each_ifa_rtnl(ifa, in_dev) {
		if (!buf) {
			done += size;
			continue;
		}
		if (len < size)
			break;
		memset(&ifr, 0, sizeof(ifr));
		strscpy(ifr.ifr_name, ifa->ifa_label, IFNAMSIZ);
		set_sin(&ifr.ifr_addr, ifa->ifa_local);
		if (copy_to_user(buf + done, &ifr, size))
			return -EFAULT;
		len -= size;
		done += size;
	}
	return done;
}

/* RFC 5227 3 / RFC 826: announce our address so neighbours update stale caches. */
static void inetdev_send_gratuitous_arp(struct net_device *dev, struct in_device *in_dev)
{
	struct in_ifaddr *ifa = in_dev->ifa_list;

	if (!ifa || (dev->flags & (IFF_LOOPBACK | IFF_NOARP)) || !(dev->flags & IFF_UP))
		return;
	arp_send(ARPOP_REQUEST, ETH_P_ARP, ifa->ifa_local, dev, ifa->ifa_local, NULL, dev->dev_addr, NULL);
}

static int inetdev_event(struct notifier_block *this, unsigned long event, void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct in_device *in_dev = __in_dev_get_rtnl(dev);
	struct in_ifaddr *ifa;

	switch (event) {
	case NETDEV_REGISTER:
		if (!in_dev)
			inetdev_init(dev);
		break;
	case NETDEV_UP:
		if (!in_dev)
			in_dev = inetdev_init(dev);
		if (!in_dev)
			break;
		if ((dev->flags & IFF_LOOPBACK) && !in_dev->ifa_list) {
			devinet_set_addr(dev, htonl(INADDR_LOOPBACK), htonl(0xff000000));
			break;
		}
		in_dev_for_each_ifa_rtnl(ifa, in_dev)
			fib_add_ifaddr(ifa);
		rt_cache_flush(&init_net);
		inetdev_send_gratuitous_arp(dev, in_dev);
		break;
	case NETDEV_DOWN:
		if (!in_dev)
			break;
		in_dev_for_each_ifa_rtnl(ifa, in_dev)
			fib_del_ifaddr(ifa, NULL);
		fib_sync_down_dev(dev, event, false);
		rt_cache_flush(&init_net);
		break;
	case NETDEV_UNREGISTER:
		fib_sync_down_dev(dev, event, true);
		if (in_dev)
			inetdev_destroy(in_dev);
		rt_cache_flush(&init_net);
		break;
	}
	return NOTIFY_DONE;
}

static struct notifier_block ip_netdev_notifier = {
	.notifier_call = inetdev_event,
	.priority = 10,		/* before arp and route listeners */
};

void devinet_init(void)
{
	register_netdevice_notifier(&ip_netdev_notifier);
}
