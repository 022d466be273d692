/* Host tests of boot-time IP configuration (net/ipv4/ipconfig.c): DHCP against a scripted server
 * on the fake NIC, retries, giving up, and static ip=. */
#include <linux/string.h>
#include <net/ipconfig.h>
#include "host_inet.h"
#include "host_test.h"

static struct net_device *dev;

#define SLIRP_GW	htonl(0x0a000202)	/* 10.0.2.2 */
#define SLIRP_DNS	htonl(0x0a000203)
#define SLIRP_ME	htonl(0x0a00020f)	/* 10.0.2.15 */

/* The scripted server: answers DISCOVER with OFFER and REQUEST with ACK, like QEMU's slirp. */
static struct {
	int discovers, requests;
	int ignore_discovers;		/* drop this many DISCOVERs first */
	bool silent;
	__be32 req_addr, req_server;
} srv;

static const u8 *dhcp_opt(const u8 *opts, int len, u8 code, u8 *olen)
{
	const u8 *end = opts + len;

	while (opts < end && *opts != 255) {
		if (*opts == 0) {
			opts++;
			continue;
		}
		if (opts[0] == code) {
			*olen = opts[1];
			return opts + 2;
		}
		opts += 2 + opts[1];
	}
	return NULL;
}

static void srv_reply(const u8 *req, u8 type)
{
	HOST_FRAME(f, 600);
	unsigned int udp_len = 8 + 236 + 4 + 40, len;
	u8 *b, *o;
	__be32 v;

	memset(f, 0, 600);
	len = host_build_ipv4(f, bcast_mac, peer_mac, SLIRP_GW, htonl(0xffffffff), IPPROTO_UDP, udp_len);
	f[34] = 0; f[35] = 67; f[36] = 0; f[37] = 68;
	f[38] = udp_len >> 8; f[39] = udp_len & 0xff;
	b = f + 42;
	b[0] = 2;		/* BOOTREPLY */
	b[1] = 1;
	b[2] = 6;
	memcpy(b + 4, req + 4, 4);	/* xid */
	memcpy(b + 16, &(__be32){ SLIRP_ME }, 4);	/* yiaddr */
	memcpy(b + 20, &(__be32){ SLIRP_GW }, 4);	/* siaddr */
	memcpy(b + 28, req + 28, 16);	/* chaddr */
	o = b + 236;
	memcpy(o, (u8[]){ 99, 130, 83, 99 }, 4);
	o += 4;
	*o++ = 53; *o++ = 1; *o++ = type;
	*o++ = 54; *o++ = 4; v = SLIRP_GW; memcpy(o, &v, 4); o += 4;
	*o++ = 1; *o++ = 4; v = htonl(0xffffff00); memcpy(o, &v, 4); o += 4;
	*o++ = 3; *o++ = 4; v = SLIRP_GW; memcpy(o, &v, 4); o += 4;
	*o++ = 6; *o++ = 4; v = SLIRP_DNS; memcpy(o, &v, 4); o += 4;
	*o++ = 51; *o++ = 4; v = htonl(86400); memcpy(o, &v, 4); o += 4;
	*o++ = 255;
	host_netdev_inject(dev, f, len);
}

static bool dhcp_server(void *arg)
{
	struct sk_buff *skb;
	bool acted = false;

	while ((skb = host_netdev_tx_pop(dev)) != NULL) {
		const u8 *ip = skb->data + ETH_HLEN, *b = ip + 28, *opt;
		u8 olen;

		if (skb->len > ETH_HLEN + 28 + 240 && ip[9] == IPPROTO_UDP && ip[23] == 67 && !srv.silent) {
			/* Checks on what the client sends: BOOTREQUEST, broadcast, cookie, UDP checksum. */
			assert_int_equal(b[0], 1);
			assert_memory_equal(skb->data, bcast_mac, 6);
			assert_memory_equal(b + 236, ((u8[]){ 99, 130, 83, 99 }), 4);
			assert_int_equal(csum_fold(csum_tcpudp_nofold(0, htonl(0xffffffff), skb->len - ETH_HLEN - 20,
					 IPPROTO_UDP, csum_partial(ip + 20, skb->len - ETH_HLEN - 20, 0))), 0);
			opt = dhcp_opt(b + 240, skb->len - ETH_HLEN - 28 - 240, 53, &olen);
			assert_non_null(opt);
			if (opt[0] == 1) {
				srv.discovers++;
				if (srv.ignore_discovers-- <= 0) {
					srv_reply(b, 2);
					acted = true;
				}
			} else if (opt[0] == 3) {
				srv.requests++;
				opt = dhcp_opt(b + 240, skb->len - ETH_HLEN - 28 - 240, 50, &olen);
				assert_non_null(opt);
				memcpy(&srv.req_addr, opt, 4);
				opt = dhcp_opt(b + 240, skb->len - ETH_HLEN - 28 - 240, 54, &olen);
				assert_non_null(opt);
				memcpy(&srv.req_server, opt, 4);
				srv_reply(b, 5);
				acted = true;
			}
		}
		consume_skb(skb);
	}
	return acted;
}

static int setup(void **state)
{
	host_inet_init();
	host_leak_mark();
	memset(&srv, 0, sizeof(srv));
	dev = host_netdev_create(host_mac);
	host_set_idle_hook(dhcp_server, NULL);
	host_printk_clear();
	return dev ? 0 : -1;
}

static int teardown(void **state)
{
	host_set_idle_hook(NULL, NULL);
	host_netdev_destroy(dev);
	host_advance_time(100 * 1000);
	host_assert_no_leaks();
	return 0;
}

static long gw_for(__be32 daddr)
{
	struct flowi4 fl4 = { .daddr = daddr };
	struct fib_result res;

	if (fib_lookup(&init_net, &fl4, &res, 0))
		return -1;
	return ntohl(FIB_RES_GW(res));
}

static void test_dhcp_configures_like_slirp(void **state)
{
	char buf[256];
	struct in_ifaddr *ifa;

	host_cmdline_param("ip=dhcp");
	ip_auto_config();
	assert_int_equal(srv.discovers, 1);
	assert_int_equal(srv.requests, 1);
	assert_int_equal(srv.req_addr, SLIRP_ME);
	assert_int_equal(srv.req_server, SLIRP_GW);
	ifa = __in_dev_get_rtnl(dev)->ifa_list;
	assert_non_null(ifa);
	assert_int_equal(ifa->ifa_local, SLIRP_ME);
	assert_int_equal(ifa->ifa_prefixlen, 24);
	assert_int_equal(gw_for(htonl(0x08080808)), 0x0a000202);
	assert_int_equal(ic_nameservers[0], SLIRP_DNS);
	assert_true(host_proc_read("net/pnp", buf, sizeof(buf)) > 0);
	assert_non_null(strstr(buf, "nameserver 10.0.2.3\n"));
	assert_non_null(strstr(host_printk_buffer(), "IP-Config: Got DHCP answer from 10.0.2.2, my address is 10.0.2.15"));
	assert_non_null(strstr(host_printk_buffer(), "ipaddr=10.0.2.15, mask=255.255.255.0, gw=10.0.2.2"));
}

static void test_dhcp_retries_lost_discover(void **state)
{
	unsigned long start = jiffies;

	srv.ignore_discovers = 1;
	host_cmdline_param("ip=dhcp");
	ip_auto_config();
	assert_int_equal(srv.discovers, 2);
	assert_true(jiffies - start >= HZ);		/* waited the first timeout */
	assert_int_equal(__in_dev_get_rtnl(dev)->ifa_list->ifa_local, SLIRP_ME);
}

static void test_dhcp_no_server_gives_up(void **state)
{
	unsigned long start = jiffies;

	srv.silent = true;
	host_cmdline_param("ip=dhcp");
	ip_auto_config();
	assert_null(__in_dev_get_rtnl(dev)->ifa_list);
	assert_true(jiffies - start < 20 * HZ);	/* boot is not held up for long */
	assert_non_null(strstr(host_printk_buffer(), "IP-Config: Auto-configuration of network failed"));
}

static void test_static_ip_from_command_line(void **state)
{
	char param[128];

	snprintf(param, sizeof(param), "ip=192.168.7.5::192.168.7.1:255.255.255.0:guest:%s:off", dev->name);
	host_cmdline_param(param);
	ip_auto_config();
	assert_int_equal(srv.discovers, 0);
	assert_int_equal(__in_dev_get_rtnl(dev)->ifa_list->ifa_local, htonl(0xc0a80705));
	assert_int_equal(__in_dev_get_rtnl(dev)->ifa_list->ifa_prefixlen, 24);
	assert_int_equal(gw_for(htonl(0x08080808)), 0xc0a80701);
	host_netdev_tx_purge(dev);
	host_cmdline_param("ip=dhcp");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_dhcp_configures_like_slirp, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dhcp_retries_lost_discover, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dhcp_no_server_gives_up, setup, teardown),
		cmocka_unit_test_setup_teardown(test_static_ip_from_command_line, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
