/* Host tests of the ioctls behind ifconfig, route and arp (devinet_ioctl, dev_ioctl, arp_ioctl)
 * and of /proc/net/dev. */
#include <linux/string.h>
#include <uapi/linux/sockios.h>
#include <uapi/linux/if_arp.h>
#include "host_inet.h"
#include "host_test.h"

static struct net_device *dev;

static int setup(void **state)
{
	host_inet_init();
	host_leak_mark();
	dev = host_inet_nic();
	return dev ? 0 : -1;
}

static int teardown(void **state)
{
	host_inet_nic_destroy(dev);
	host_advance_time(100 * 1000);
	host_assert_no_leaks();
	return 0;
}

static struct ifreq req(const char *name)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	strscpy(ifr.ifr_name, name, IFNAMSIZ);
	return ifr;
}

static __be32 sin_addr(const struct sockaddr *sa)
{
	return ((const struct sockaddr_in *)sa)->sin_addr.s_addr;
}

static void set_sin(struct sockaddr *sa, __be32 a)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)sa;

	memset(sin, 0, sizeof(*sin));
	sin->sin_family = AF_INET;
	sin->sin_addr.s_addr = a;
}

static void test_ifconfig_reads(void **state)
{
	struct ifreq ifr = req(dev->name);
	bool copy;

	assert_int_equal(devinet_ioctl(&init_net, SIOCGIFADDR, &ifr), 0);
	assert_int_equal(sin_addr(&ifr.ifr_addr), HOST_IP);
	assert_int_equal(devinet_ioctl(&init_net, SIOCGIFNETMASK, &ifr), 0);
	assert_int_equal(sin_addr(&ifr.ifr_netmask), HOST_MASK);
	assert_int_equal(devinet_ioctl(&init_net, SIOCGIFBRDADDR, &ifr), 0);
	assert_int_equal(sin_addr(&ifr.ifr_broadaddr), htonl(0x0a0000ff));
	assert_int_equal(dev_ioctl(&init_net, SIOCGIFFLAGS, &ifr, NULL, &copy), 0);
	assert_true(copy);
	assert_int_equal((unsigned short)ifr.ifr_flags, IFF_UP | IFF_BROADCAST | IFF_RUNNING | IFF_MULTICAST);
	assert_int_equal(dev_ioctl(&init_net, SIOCGIFMTU, &ifr, NULL, &copy), 0);
	assert_int_equal(ifr.ifr_mtu, 1500);
	assert_int_equal(dev_ioctl(&init_net, SIOCGIFHWADDR, &ifr, NULL, &copy), 0);
	assert_int_equal(ifr.ifr_hwaddr.sa_family, ARPHRD_ETHER);
	assert_memory_equal(ifr.ifr_hwaddr.sa_data, host_mac, 6);
	assert_int_equal(dev_ioctl(&init_net, SIOCGIFINDEX, &ifr, NULL, &copy), 0);
	assert_int_equal(ifr.ifr_ifindex, dev->ifindex);
	ifr = req("eth99");
	assert_int_equal(devinet_ioctl(&init_net, SIOCGIFADDR, &ifr), -ENODEV);
	assert_int_equal(dev_ioctl(&init_net, SIOCGIFFLAGS, &ifr, NULL, &copy), -ENODEV);
}

static void test_ifconfig_sets_address_mask_mtu_down_up(void **state)
{
	struct ifreq ifr = req(dev->name);
	bool copy;

	set_sin(&ifr.ifr_addr, htonl(0xc0a80a05));
	assert_int_equal(devinet_ioctl(&init_net, SIOCSIFADDR, &ifr), 0);
	set_sin(&ifr.ifr_netmask, htonl(0xffff0000));
	assert_int_equal(devinet_ioctl(&init_net, SIOCSIFNETMASK, &ifr), 0);
	assert_int_equal(inet_addr_type(&init_net, htonl(0xc0a80a05)), RTN_LOCAL);
	assert_int_equal(__in_dev_get_rtnl(dev)->ifa_list->ifa_prefixlen, 16);
	set_sin(&ifr.ifr_netmask, htonl(0xff00ff00));
	assert_int_equal(devinet_ioctl(&init_net, SIOCSIFNETMASK, &ifr), -EINVAL);

	ifr.ifr_mtu = 1280;
	assert_int_equal(dev_ioctl(&init_net, SIOCSIFMTU, &ifr, NULL, &copy), 0);
	assert_int_equal(dev->mtu, 1280);
	ifr.ifr_mtu = 20;
	assert_int_equal(dev_ioctl(&init_net, SIOCSIFMTU, &ifr, NULL, &copy), -EINVAL);

	ifr.ifr_flags = IFF_BROADCAST | IFF_MULTICAST;		/* ifconfig eth0 down */
	assert_int_equal(devinet_ioctl(&init_net, SIOCSIFFLAGS, &ifr), 0);
	assert_false(dev->flags & IFF_UP);
	assert_false(dev->flags & IFF_RUNNING);
	ifr.ifr_flags = IFF_UP | IFF_BROADCAST | IFF_MULTICAST;	/* up again: routes come back */
	assert_int_equal(dev_ioctl(&init_net, SIOCSIFFLAGS, &ifr, NULL, &copy), 0);
	assert_true(dev->flags & IFF_UP);
	assert_int_equal(inet_addr_type(&init_net, htonl(0xc0a80a05)), RTN_LOCAL);
	host_netdev_tx_purge(dev);
}

static int arp(unsigned int cmd, __be32 ip, const u8 *mac, int flags, struct arpreq *out)
{
	struct arpreq r;
	int err;

	memset(&r, 0, sizeof(r));
	set_sin(&r.arp_pa, ip);
	if (mac) {
		r.arp_ha.sa_family = ARPHRD_ETHER;
		memcpy(r.arp_ha.sa_data, mac, 6);
	}
	r.arp_flags = flags;
	err = arp_ioctl(&init_net, cmd, &r);
	if (out)
		*out = r;
	return err;
}

static void test_arp_command_set_get_delete(void **state)
{
	struct arpreq r;
	struct neighbour *n;
	char buf[512];

	assert_int_equal(arp(SIOCGARP, PEER_IP, NULL, 0, &r), -ENXIO);
	assert_int_equal(arp(SIOCSARP, PEER_IP, peer_mac, ATF_PERM | ATF_COM, NULL), 0);
	n = __ipv4_neigh_lookup_noref(dev, PEER_IP);
	assert_non_null(n);
	assert_int_equal(n->nud_state, NUD_PERMANENT);
	assert_int_equal(arp(SIOCGARP, PEER_IP, NULL, 0, &r), 0);
	assert_memory_equal(r.arp_ha.sa_data, peer_mac, 6);
	assert_int_equal(r.arp_flags, ATF_PERM | ATF_COM);
	assert_string_equal(r.arp_dev, dev->name);
	assert_true(host_proc_read("net/arp", buf, sizeof(buf)) > 0);
	assert_non_null(strstr(buf, "10.0.0.1         0x1         0x6         52:54:00:aa:bb:cc"));
	/* A permanent entry survives ARP traffic and timers. */
	host_advance_time(120 * 1000);
	assert_int_equal(__ipv4_neigh_lookup_noref(dev, PEER_IP)->nud_state, NUD_PERMANENT);
	assert_int_equal(arp(SIOCDARP, PEER_IP, NULL, 0, NULL), 0);
	assert_null(__ipv4_neigh_lookup_noref(dev, PEER_IP));
	assert_int_equal(arp(SIOCDARP, PEER_IP, NULL, 0, NULL), -ENXIO);
	/* Nonsense is refused. */
	assert_int_equal(arp(SIOCSARP, htonl(0xffffffff), peer_mac, ATF_COM, NULL), -EINVAL);
	assert_int_equal(arp(SIOCSARP, htonl(0x08080808), peer_mac, ATF_COM, NULL), -ENETUNREACH);
	assert_int_equal(arp_ioctl(&init_net, SIOCSARP, (void *)0xdead000000000000UL), -EFAULT);
}

static void test_proc_net_dev_counts(void **state)
{
	char buf[1024], line[256];
	HOST_FRAME(f, 128);
	unsigned int len = host_build_ipv4(f, host_mac, peer_mac, PEER_IP, HOST_IP, 99, 10);

	host_netdev_inject(dev, f, len);
	host_netdev_tx_purge(dev);
	assert_true(host_proc_read("net/dev", buf, sizeof(buf)) > 0);
	assert_non_null(strstr(buf, "Inter-|   Receive                            |  Transmit\n"));
	snprintf(line, sizeof(line), "%6s: %7u %7u %4u", dev->name, len, 1, 0);
	assert_non_null(strstr(buf, line));
	assert_non_null(strstr(buf, "    lo: "));
}


/* SIOCGIFCONF: one struct ifreq per address, the length first when asked with a NULL buffer. */
static void test_ifconf_lists_addresses(void **state)
{
	struct ifreq reqs[8];
	struct ifconf ifc = { .ifc_len = 0, .ifc_buf = NULL };
	int i, n;

	assert_int_equal(dev_ifconf(&init_net, &ifc), 0);
	assert_int_equal(ifc.ifc_len, 2 * (int)sizeof(struct ifreq));	/* lo and our NIC */
	ifc.ifc_len = sizeof(reqs);
	ifc.ifc_req = reqs;
	assert_int_equal(dev_ifconf(&init_net, &ifc), 0);
	n = ifc.ifc_len / sizeof(struct ifreq);
	assert_int_equal(n, 2);
	for (i = 0; i < n; i++) {
		if (!strcmp(reqs[i].ifr_name, "lo"))
			assert_int_equal(sin_addr(&reqs[i].ifr_addr), htonl(0x7f000001));
		else
			assert_int_equal(sin_addr(&reqs[i].ifr_addr), HOST_IP);
	}
	/* Room for one only: one is returned. */
	ifc.ifc_len = sizeof(struct ifreq) + 10;
	assert_int_equal(dev_ifconf(&init_net, &ifc), 0);
	assert_int_equal(ifc.ifc_len, (int)sizeof(struct ifreq));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_ifconfig_reads, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ifconfig_sets_address_mask_mtu_down_up, setup, teardown),
		cmocka_unit_test_setup_teardown(test_arp_command_set_get_delete, setup, teardown),
		cmocka_unit_test_setup_teardown(test_proc_net_dev_counts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ifconf_lists_addresses, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
