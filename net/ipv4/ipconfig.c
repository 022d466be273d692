/*
 * Automatic IP configuration at boot (net/ipv4/ipconfig.c), a late_initcall as in Linux:
 *
 *   ip=<client-ip>:<server-ip>:<gw-ip>:<netmask>:<hostname>:<device>:<autoconf>   static setup
 *   ip=dhcp (or no ip= at all)                                                      DHCP on eth0
 *   ip=off / ip=none                                                                nothing
 *
 * DHCP (RFC 2131 3.1): DISCOVER -> OFFER -> REQUEST -> ACK, each broadcast from 0.0.0.0:68 to
 * 255.255.255.255:67 and retried with growing timeouts (RFC 2131 4.1). Packets are built and
 * received here directly on the device (dev_queue_xmit, and a packet_type for ETH_P_IP), like
 * Linux, since no address and no socket exist yet. The ACK gives the address, netmask, router
 * and DNS server (RFC 2132 options 1, 3, 6, 51, 54); QEMU user networking answers 10.0.2.15/24,
 * gateway 10.0.2.2, DNS 10.0.2.3.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/jiffies.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/etherdevice.h>
#include <linux/inetdevice.h>
#include <linux/udp.h>
#include <net/ip.h>
#include <net/ip_fib.h>
#include <net/route.h>
#include <net/checksum.h>
#include <net/ipconfig.h>

#define CONF_TRIES		4		/* DISCOVERs (and REQUESTs) before giving up */
#define CONF_BASE_TIMEO		(HZ * 1)	/* first wait; doubles up to CONF_TIMEO_MAX */
#define CONF_TIMEO_MAX		(HZ * 4)
#define CONF_CARRIER_TIMEOUT	(HZ * 2)

#define BOOTP_REQUEST	1
#define BOOTP_REPLY	2
#define DHCPDISCOVER	1
#define DHCPOFFER	2
#define DHCPREQUEST	3
#define DHCPACK		5
#define DHCPNAK		6

static const u8 ic_bootp_cookie[4] = { 99, 130, 83, 99 };	/* RFC 2132 2 */

/* What the command line or the DHCP server told us (Linux's names). */
__be32 ic_myaddr;
__be32 ic_netmask;
__be32 ic_gateway;
__be32 ic_servaddr;
__be32 ic_nameservers[2];
static char ic_host_name[64];
static char user_dev_name[IFNAMSIZ];
static bool ic_enable = true;		/* ip=off turns everything off */
static bool ic_proto_dhcp = true;	/* autoconf: DHCP unless ip= gave an address */
static u32 ic_lease_time;

/* The exchange in progress. */
static struct net_device *ic_dev;
static u32 ic_dev_xid;
static int ic_dhcp_msgtype;		/* last reply: DHCPOFFER, DHCPACK, DHCPNAK */
static bool ic_got_reply;
static __be32 ic_offer_addr, ic_offer_server;

struct bootp_pkt {
	struct iphdr iph;
	struct udphdr udph;
	u8 op;
	u8 htype;
	u8 hlen;
	u8 hops;
	__be32 xid;
	__be16 secs;
	__be16 flags;
	__be32 client_ip;
	__be32 your_ip;
	__be32 server_ip;
	__be32 relay_ip;
	u8 hw_addr[16];
	u8 serv_name[64];
	u8 boot_file[128];
	u8 exten[312];		/* magic cookie + options (RFC 2131 2: at least 312 bytes room) */
};			/* naturally aligned: 576 bytes, RFC 2131's minimum message */

/* Parses "ip=": fields separated by ':', empty means unset (Documentation/admin-guide/nfs/nfsroot). */
static int __init ip_auto_config_setup(char *addrs)
{
	char *cp, *ip = addrs;
	int num = 0;

	if (!strcmp(addrs, "off") || !strcmp(addrs, "none")) {
		ic_enable = false;
		return 1;
	}
	if (!strcmp(addrs, "dhcp") || !strcmp(addrs, "on") || !strcmp(addrs, "any") || !strcmp(addrs, "both")) {
		ic_proto_dhcp = true;
		return 1;
	}
	ic_proto_dhcp = false;
	while (ip && *ip && num < 7) {
		cp = strchr(ip, ':');
		if (cp)
			*cp++ = '\0';
		if (*ip) {
			switch (num) {
			case 0:
				ic_myaddr = in_aton(ip);
				break;
			case 1:
				ic_servaddr = in_aton(ip);
				break;
			case 2:
				ic_gateway = in_aton(ip);
				break;
			case 3:
				ic_netmask = in_aton(ip);
				break;
			case 4:
				strscpy(ic_host_name, ip, sizeof(ic_host_name));
				break;
			case 5:
				strscpy(user_dev_name, ip, sizeof(user_dev_name));
				break;
			case 6:
				if (!strcmp(ip, "dhcp") || !strcmp(ip, "on") || !strcmp(ip, "any"))
					ic_proto_dhcp = true;
				else if (!strcmp(ip, "off") || !strcmp(ip, "none"))
					ic_proto_dhcp = false;
				break;
			}
		}
		ip = cp;
		num++;
	}
	if (!ic_myaddr)
		ic_proto_dhcp = true;	/* no address given: ask for one */
	return 1;
}
__setup("ip=", ip_auto_config_setup);

/* Appends one option (RFC 2132 2: code, length, data). */
static u8 *ic_opt(u8 *e, u8 code, u8 len, const void *data)
{
	*e++ = code;
	*e++ = len;
	memcpy(e, data, len);
	return e + len;
}

/* Builds and sends one DHCP message (RFC 2131 4.4.1 table 5) as a link-layer broadcast. */
static noinline void ic_bootp_send_if(struct net_device *dev, int msgtype, unsigned long start)
{
	static const u8 params[] = { 1, 3, 6, 12, 15, 28, 51, 54 };	/* RFC 2132 9.8 parameter request list */
	int hlen = LL_RESERVED_SPACE(dev);
	struct sk_buff *skb;
	struct bootp_pkt *b;
	u8 *e, type = msgtype;
	__be16 maxsize = htons(576);

	skb = alloc_skb(sizeof(struct bootp_pkt) + hlen + 15, GFP_KERNEL);
	if (!skb)
		return;
	skb_reserve(skb, hlen);
	b = skb_put_zero(skb, sizeof(struct bootp_pkt));
	skb_reset_network_header(skb);

	b->iph.version = 4;
	b->iph.ihl = 5;
	b->iph.tot_len = htons(sizeof(struct bootp_pkt));
	b->iph.ttl = 64;
	b->iph.protocol = IPPROTO_UDP;
	b->iph.daddr = htonl(INADDR_BROADCAST);
	ip_send_check(&b->iph);

	b->udph.source = htons(68);
	b->udph.dest = htons(67);
	b->udph.len = htons(sizeof(struct bootp_pkt) - sizeof(struct iphdr));

	b->op = BOOTP_REQUEST;
	b->htype = ARPHRD_ETHER;
	b->hlen = dev->addr_len;
	memcpy(b->hw_addr, dev->dev_addr, dev->addr_len);
	b->secs = htons((jiffies - start) / HZ);
	b->xid = ic_dev_xid;
	b->flags = htons(0x8000);	/* RFC 2131 4.1: we cannot receive unicast yet, please broadcast */

	memcpy(b->exten, ic_bootp_cookie, 4);
	e = b->exten + 4;
	e = ic_opt(e, 53, 1, &type);
	if (msgtype == DHCPREQUEST) {
		/* RFC 2131 4.3.2: the REQUEST names the offered address and the chosen server. */
		e = ic_opt(e, 50, 4, &ic_offer_addr);
		e = ic_opt(e, 54, 4, &ic_offer_server);
	}
	e = ic_opt(e, 55, sizeof(params), params);
	e = ic_opt(e, 57, 2, &maxsize);
	if (ic_host_name[0])
		e = ic_opt(e, 12, strlen(ic_host_name), ic_host_name);
	*e++ = 255;	/* end */

	b->udph.check = 0;
	b->udph.check = csum_tcpudp_magic(0, htonl(INADDR_BROADCAST), ntohs(b->udph.len), IPPROTO_UDP,
					  csum_partial(&b->udph, ntohs(b->udph.len), 0));
	if (!b->udph.check)
		b->udph.check = 0xffff;	/* RFC 768: a computed 0 is sent as all ones */

	skb->dev = dev;
	skb->protocol = htons(ETH_P_IP);
	if (dev_hard_header(skb, dev, ETH_P_IP, dev->broadcast, dev->dev_addr, skb->len) < 0) {
		kfree_skb(skb);
		return;
	}
	dev_queue_xmit(skb);
}

/* RFC 2132: walk the options after the magic cookie, noting what we asked for. */
static void ic_do_bootp_ext(const u8 *ext, int len)
{
	const u8 *end = ext + len;

	while (ext < end && *ext != 255) {
		u8 opt = *ext++, olen;

		if (opt == 0)
			continue;	/* pad */
		if (ext >= end)
			break;
		olen = *ext++;
		if (ext + olen > end)
			break;
		switch (opt) {
		case 53:
			if (olen >= 1)
				ic_dhcp_msgtype = ext[0];
			break;
		case 54:
			if (olen >= 4)
				memcpy(&ic_offer_server, ext, 4);
			break;
		case 1:
			if (olen >= 4)
				memcpy(&ic_netmask, ext, 4);
			break;
		case 3:
			if (olen >= 4)
				memcpy(&ic_gateway, ext, 4);
			break;
		case 6:
			if (olen >= 4)
				memcpy(&ic_nameservers[0], ext, 4);
			if (olen >= 8)
				memcpy(&ic_nameservers[1], ext + 4, 4);
			break;
		case 51:
			if (olen >= 4) {
				__be32 lease;

				memcpy(&lease, ext, 4);
				ic_lease_time = ntohl(lease);
			}
			break;
		}
		ext += olen;
	}
}

/* packet_type for ETH_P_IP while configuring: picks DHCP replies for us out of what arrives. */
static noinline int ic_bootp_recv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt,
				  struct net_device *orig_dev)
{
	const struct bootp_pkt *b;
	const struct iphdr *h;
	int ext_len;

	if (skb->pkt_type == PACKET_OTHERHOST || dev != ic_dev)
		goto drop;
	if (skb->len < sizeof(struct iphdr) + sizeof(struct udphdr) + 240)
		goto drop;
	b = (const struct bootp_pkt *)skb->data;
	h = &b->iph;
	if (h->ihl != 5 || h->version != 4 || h->protocol != IPPROTO_UDP || ip_is_fragment(h) ||
	    ip_fast_csum(h, h->ihl))
		goto drop;
	if (ntohs(h->tot_len) > skb->len || ntohs(h->tot_len) < sizeof(struct iphdr) + sizeof(struct udphdr) + 240)
		goto drop;
	if (b->udph.source != htons(67) || b->udph.dest != htons(68))
		goto drop;
	if (b->op != BOOTP_REPLY || b->xid != ic_dev_xid || memcmp(b->hw_addr, dev->dev_addr, dev->addr_len))
		goto drop;
	if (memcmp(b->exten, ic_bootp_cookie, 4))
		goto drop;
	ext_len = ntohs(h->tot_len) - (int)offsetof(struct bootp_pkt, exten) - 4;
	if (ext_len > (int)sizeof(b->exten) - 4)
		ext_len = sizeof(b->exten) - 4;
	ic_dhcp_msgtype = 0;
	ic_do_bootp_ext(b->exten + 4, ext_len);
	if (ic_dhcp_msgtype == DHCPOFFER && !ic_got_reply) {
		ic_offer_addr = b->your_ip;
		ic_got_reply = true;
	} else if (ic_dhcp_msgtype == DHCPACK || ic_dhcp_msgtype == DHCPNAK) {
		if (ic_dhcp_msgtype == DHCPACK)
			ic_offer_addr = b->your_ip;
		ic_got_reply = true;
	}
drop:
	consume_skb(skb);
	return NET_RX_SUCCESS;
}

static struct packet_type bootp_packet_type = {
	.type = htons(ETH_P_IP),
	.func = ic_bootp_recv,
};

/* Sleeps until a reply came or timeout jiffies passed; true if one came. */
static bool ic_wait_reply(unsigned long timeout)
{
	unsigned long end = jiffies + timeout;

	while (!ic_got_reply && time_before(jiffies, end)) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		schedule_timeout(1);
	}
	return ic_got_reply;
}

/* One message type until its reply comes, retried with doubling timeouts (RFC 2131 4.1). */
static int ic_dhcp_exchange(int msgtype, unsigned long start)
{
	unsigned long timeo = CONF_BASE_TIMEO;
	int tries;

	for (tries = 0; tries < CONF_TRIES; tries++) {
		ic_got_reply = false;
		ic_dhcp_msgtype = 0;
		ic_bootp_send_if(ic_dev, msgtype, start);
		if (ic_wait_reply(timeo + get_random_u32_below(HZ / 4)))
			return ic_dhcp_msgtype;
		timeo = min_t(unsigned long, timeo * 2, CONF_TIMEO_MAX);
	}
	return -ETIMEDOUT;
}

static noinline int ic_dynamic(void)
{
	unsigned long start = jiffies;
	int ret;

	get_random_bytes(&ic_dev_xid, sizeof(ic_dev_xid));
	ic_netmask = ic_gateway = ic_servaddr = 0;
	ic_nameservers[0] = ic_nameservers[1] = 0;
	dev_add_pack(&bootp_packet_type);
	printk(KERN_INFO "Sending DHCP requests .");
	ret = ic_dhcp_exchange(DHCPDISCOVER, start);
	if (ret == DHCPOFFER) {
		printk(KERN_CONT ".");
		ret = ic_dhcp_exchange(DHCPREQUEST, start);
	}
	dev_remove_pack(&bootp_packet_type);
	if (ret != DHCPACK) {
		printk(KERN_CONT " timed out!\n");
		return ret == DHCPNAK ? -EACCES : -ETIMEDOUT;
	}
	printk(KERN_CONT " OK\n");
	ic_myaddr = ic_offer_addr;
	ic_servaddr = ic_offer_server;
	printk(KERN_INFO "IP-Config: Got DHCP answer from %u.%u.%u.%u, my address is %u.%u.%u.%u\n",
	       ((u8 *)&ic_servaddr)[0], ((u8 *)&ic_servaddr)[1], ((u8 *)&ic_servaddr)[2],
	       ((u8 *)&ic_servaddr)[3], ((u8 *)&ic_myaddr)[0], ((u8 *)&ic_myaddr)[1], ((u8 *)&ic_myaddr)[2],
	       ((u8 *)&ic_myaddr)[3]);
	return 0;
}

/* The first device that is not loopback, or the one ip= names. */
static struct net_device *ic_pick_dev(void)
{
	struct net_device *dev;

	if (user_dev_name[0])
		return __dev_get_by_name(&init_net, user_dev_name);
	for_each_netdev(&init_net, dev)
		if (!(dev->flags & IFF_LOOPBACK))
			return dev;
	return NULL;
}

/* Classful default netmask (RFC 791) when none was given. */
static __be32 ic_default_mask(__be32 addr)
{
	u32 a = ntohl(addr);

	if (!(a & 0x80000000))
		return htonl(0xff000000);
	if (!(a & 0x40000000))
		return htonl(0xffff0000);
	return htonl(0xffffff00);
}

static int ic_setup_routes(void)
{
	struct fib_config cfg = {
		.fc_table = RT_TABLE_MAIN,
		.fc_protocol = ic_proto_dhcp ? RTPROT_DHCP : RTPROT_BOOT,
		.fc_scope = RT_SCOPE_UNIVERSE,
		.fc_type = RTN_UNICAST,
		.fc_gw4 = ic_gateway,
		.fc_oif = ic_dev->ifindex,
		.fc_nlflags = NLM_F_CREATE,
	};

	if (!ic_gateway)
		return 0;
	/* RFC 1122 3.3.1.1: the gateway must be on our own network. */
	if ((ic_gateway ^ ic_myaddr) & ic_netmask) {
		printk(KERN_ERR "IP-Config: Gateway not on directly connected network\n");
		return -EINVAL;
	}
	return fib_table_insert(&init_net, fib_get_table(&init_net, RT_TABLE_MAIN), &cfg);
}

static void ic_print(const char *label, __be32 addr, const char *sep)
{
	const u8 *a = (const u8 *)&addr;

	printk(KERN_CONT "%s=%u.%u.%u.%u%s", label, a[0], a[1], a[2], a[3], sep);
}

noinline int ip_auto_config(void)
{
	unsigned long carrier_end = jiffies + CONF_CARRIER_TIMEOUT;
	char hw[18];
	int err;

	if (!ic_enable)
		return 0;
	ic_dev = ic_pick_dev();
	if (!ic_dev) {
		if (user_dev_name[0] || !ic_proto_dhcp || ic_myaddr)
			printk(KERN_ERR "IP-Config: Device `%s' not found\n", user_dev_name);
		else
			printk(KERN_INFO "IP-Config: No network devices available\n");
		return 0;
	}
	err = dev_change_flags(ic_dev, ic_dev->flags | IFF_UP);
	if (err) {
		printk(KERN_ERR "IP-Config: Failed to open %s\n", ic_dev->name);
		return 0;
	}
	while (!netif_carrier_ok(ic_dev) && time_before(jiffies, carrier_end)) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		schedule_timeout(HZ / 10);
	}

	if (ic_proto_dhcp && ic_dynamic() < 0) {
		printk(KERN_ERR "IP-Config: Auto-configuration of network failed\n");
		ic_myaddr = 0;
		return 0;
	}
	if (!ic_netmask)
		ic_netmask = ic_default_mask(ic_myaddr);
	err = devinet_set_addr(ic_dev, ic_myaddr, ic_netmask);
	if (err) {
		printk(KERN_ERR "IP-Config: Unable to set interface address (%d)\n", err);
		return 0;
	}
	ic_setup_routes();

	printk(KERN_INFO "IP-Config: Complete:\n");
	printk(KERN_INFO "     device=%s, hwaddr=%s, ", ic_dev->name, eth_addr_str(hw, ic_dev->dev_addr));
	ic_print("ipaddr", ic_myaddr, ", ");
	ic_print("mask", ic_netmask, ", ");
	ic_print("gw", ic_gateway, "\n");
	printk(KERN_INFO "     host=%s, domain=, nis-domain=(none)\n", ic_host_name[0] ? ic_host_name : "(none)");
	printk(KERN_INFO "     ");
	ic_print("bootserver", ic_servaddr, ", ");
	ic_print("rootserver", ic_servaddr, ", rootpath=\n");
	if (ic_nameservers[0]) {
		printk(KERN_INFO "     ");
		ic_print("nameserver0", ic_nameservers[0], "\n");
	}
	return 0;
}

/* /proc/net/pnp: resolv.conf lines for user space, as Linux writes them. */
static int pnp_seq_show(struct seq_file *seq, void *v)
{
	int i;

	if (ic_proto_dhcp)
		seq_puts(seq, "#PROTO: DHCP\n");
	else
		seq_puts(seq, "#MANUAL\n");
	for (i = 0; i < 2; i++) {
		const u8 *a = (const u8 *)&ic_nameservers[i];

		if (ic_nameservers[i])
			seq_printf(seq, "nameserver %u.%u.%u.%u\n", a[0], a[1], a[2], a[3]);
	}
	if (ic_servaddr) {
		const u8 *a = (const u8 *)&ic_servaddr;

		seq_printf(seq, "bootserver %u.%u.%u.%u\n", a[0], a[1], a[2], a[3]);
	}
	return 0;
}

static int __init ip_auto_config_initcall(void)
{
	proc_create_single("net/pnp", 0444, NULL, pnp_seq_show);
	return ip_auto_config();
}
late_initcall(ip_auto_config_initcall);
