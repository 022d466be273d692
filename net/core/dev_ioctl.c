/*
 * Device ioctls every socket answers (net/core/dev_ioctl.c): interface flags, MTU, hardware
 * address, index, name and IRQ (SIOC[GS]IF*, SIOCGIFMAP), and SIOCGIFCONF. sock_ioctl calls dev_ioctl with a
 * kernel copy of the user's struct ifreq and copies it back when *need_copyout says so. Address
 * ioctls (SIOC[GS]IFADDR ...) are IPv4's: devinet_ioctl.
 */
#include <linux/netdevice.h>
#include <linux/inetdevice.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <uapi/linux/if.h>
#include <uapi/linux/sockios.h>
#include <net/route.h>

/* Flags as user space sees them: IFF_RUNNING only when up with carrier (Linux dev_get_flags). */
static unsigned int dev_get_flags(const struct net_device *dev)
{
	unsigned int flags = dev->flags & ~IFF_RUNNING;

	if (netif_running(dev) && netif_carrier_ok(dev))
		flags |= IFF_RUNNING | IFF_LOWER_UP;
	return flags;
}

/* SIOCGIFCONF: one ifreq per IPv4 address into the user's buffer; ifc_len says how much was used. */
int dev_ifconf(struct net *net, struct ifconf __user *uifc)
{
	struct ifconf ifc;
	struct net_device *dev;
	int len, total = 0;

	if (copy_from_user(&ifc, uifc, sizeof(ifc)))
		return -EFAULT;
	len = ifc.ifc_len;
	if (len < 0)
		return -EINVAL;
	for_each_netdev(net, dev) {
		int done = inet_gifconf(dev, ifc.ifc_buf ? ifc.ifc_buf + total : NULL, len - total,
					sizeof(struct ifreq));

		if (done < 0)
			return done;
		total += done;
	}
	ifc.ifc_len = total;
	if (copy_to_user(uifc, &ifc, sizeof(ifc)))
		return -EFAULT;
	return 0;
}

int dev_ioctl(struct net *net, unsigned int cmd, struct ifreq *ifr, void __user *data, bool *need_copyout)
{
	struct net_device *dev;
	int ret;

	switch (cmd) {
	case SIOCGIFNAME: case SIOCGIFFLAGS: case SIOCGIFMETRIC: case SIOCGIFMTU: case SIOCGIFHWADDR:
	case SIOCGIFINDEX: case SIOCGIFTXQLEN: case SIOCGIFMAP: case SIOCSIFFLAGS: case SIOCSIFMTU: case SIOCSIFHWADDR:
	case SIOCSIFTXQLEN:
		break;
	default:
		return -ENOTTY;		/* not a device ioctl at all, whatever the name says */
	}
	if (need_copyout)
		*need_copyout = true;
	if (cmd == SIOCGIFNAME) {
		dev = __dev_get_by_index(net, ifr->ifr_ifindex);
		if (!dev)
			return -ENODEV;
		strscpy(ifr->ifr_name, dev->name, IFNAMSIZ);
		return 0;
	}
	ifr->ifr_name[IFNAMSIZ - 1] = 0;
	dev = __dev_get_by_name(net, ifr->ifr_name);
	if (!dev)
		return -ENODEV;

	switch (cmd) {
	case SIOCGIFFLAGS:
		ifr->ifr_flags = (short)dev_get_flags(dev);
		return 0;
	case SIOCGIFMETRIC:
		ifr->ifr_metric = 0;
		return 0;
	case SIOCGIFMTU:
		ifr->ifr_mtu = dev->mtu;
		return 0;
	case SIOCGIFHWADDR:
		memset(ifr->ifr_hwaddr.sa_data, 0, sizeof(ifr->ifr_hwaddr.sa_data));
		memcpy(ifr->ifr_hwaddr.sa_data, dev->dev_addr, min_t(size_t, dev->addr_len,
								      sizeof(ifr->ifr_hwaddr.sa_data)));
		ifr->ifr_hwaddr.sa_family = dev->type;
		return 0;
	case SIOCGIFINDEX:
		ifr->ifr_ifindex = dev->ifindex;
		return 0;
	case SIOCGIFTXQLEN:
		ifr->ifr_qlen = dev->tx_queue_len;
		return 0;
	case SIOCGIFMAP:
		/* What ifconfig prints as "device interrupt 11  memory 0xfebc0000": an I/O port base
		 * fits base_addr (16 bits), a memory-mapped one goes in mem_start. */
		memset(&ifr->ifr_map, 0, sizeof(ifr->ifr_map));
		ifr->ifr_map.irq = dev->irq;
		if (dev->base_addr > 0xffff)
			ifr->ifr_map.mem_start = dev->base_addr;
		else
			ifr->ifr_map.base_addr = dev->base_addr;
		return 0;
	}

	if (need_copyout)
		*need_copyout = false;
	switch (cmd) {
	case SIOCSIFFLAGS:
		return dev_change_flags(dev, (unsigned short)ifr->ifr_flags);
	case SIOCSIFMTU:
		ret = dev_set_mtu(dev, ifr->ifr_mtu);
		if (!ret)
			rt_cache_flush(net);	/* cached routes carry the old MTU */
		return ret;
	case SIOCSIFHWADDR:
		if (ifr->ifr_hwaddr.sa_family != dev->type)
			return -EINVAL;
		return dev_set_mac_address(dev, (const unsigned char *)ifr->ifr_hwaddr.sa_data);
	case SIOCSIFTXQLEN:
		if (ifr->ifr_qlen < 0)
			return -EINVAL;
		dev->tx_queue_len = ifr->ifr_qlen;
		return 0;
	}
	return -ENOTTY;	/* not reached: the first switch let only the commands above through */
}
