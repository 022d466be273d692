/*
 * The FIB's front door (net/ipv4/fib_frontend.c): the local and main tables, fib_lookup (local
 * first, then main, as Linux's default rules), routes derived from interface addresses
 * (fib_add_ifaddr), the route(8) ioctls SIOCADDRT/SIOCDELRT, and /proc/net/route.
 */
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/init.h>
#include <linux/inetdevice.h>
#include <linux/uaccess.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <uapi/linux/route.h>
#include <uapi/linux/sockios.h>
#include <net/ip_fib.h>
#include <net/route.h>
#include <net/ip.h>

int fib_genid;
static struct fib_table *fib_local_table, *fib_main_table;

struct fib_table *fib_new_table(struct net *net, u32 id)
{
	struct fib_table **tbp = id == RT_TABLE_LOCAL ? &fib_local_table : &fib_main_table;

	if (!*tbp) {
		*tbp = kzalloc(sizeof(struct fib_table), GFP_KERNEL);
		if (*tbp)
			(*tbp)->tb_id = id;
	}
	return *tbp;
}

struct fib_table *fib_get_table(struct net *net, u32 id)
{
	return id == RT_TABLE_LOCAL ? fib_local_table : fib_main_table;
}

noinline int fib_lookup(struct net *net, struct flowi4 *flp, struct fib_result *res, unsigned int flags)
{
	int err = -ENETUNREACH;

	if (fib_local_table) {
		err = fib_table_lookup(fib_local_table, flp, res, flags);
		if (err != -EAGAIN)
			return err;
	}
	if (fib_main_table) {
		err = fib_table_lookup(fib_main_table, flp, res, flags);
		if (err != -EAGAIN)
			return err;
	}
	return -ENETUNREACH;
}

static void fib_magic(int cmd, int type, __be32 dst, int dst_len, struct in_ifaddr *ifa)
{
	struct fib_config cfg = {
		.fc_protocol = RTPROT_KERNEL,
		.fc_type = type,
		.fc_dst = dst,
		.fc_dst_len = dst_len,
		.fc_prefsrc = ifa->ifa_local,
		.fc_oif = ifa->ifa_dev->dev->ifindex,
		.fc_nlflags = NLM_F_CREATE,
	};
	struct fib_table *tb;

	cfg.fc_table = type == RTN_UNICAST ? RT_TABLE_MAIN : RT_TABLE_LOCAL;
	cfg.fc_scope = type == RTN_UNICAST ? RT_SCOPE_LINK : RT_SCOPE_HOST;
	tb = fib_new_table(&init_net, cfg.fc_table);
	if (!tb)
		return;
	if (cmd == SIOCADDRT)
		fib_table_insert(&init_net, tb, &cfg);
	else
		fib_table_delete(&init_net, tb, &cfg);
}

/*
 * The routes an address implies (Linux fib_add_ifaddr): "local A" (/32, RTN_LOCAL), the broadcast
 * address, and the connected network "P/len dev D" in main. On loopback the whole prefix is local.
 */
void fib_add_ifaddr(struct in_ifaddr *ifa)
{
	struct net_device *dev = ifa->ifa_dev->dev;
	__be32 prefix = ifa->ifa_address & ifa->ifa_mask;

	fib_magic(SIOCADDRT, RTN_LOCAL, ifa->ifa_local, 32, ifa);
	if (!(dev->flags & IFF_UP))
		return;
	if (ifa->ifa_broadcast && ifa->ifa_broadcast != htonl(0xffffffff))
		fib_magic(SIOCADDRT, RTN_BROADCAST, ifa->ifa_broadcast, 32, ifa);
	if (ifa->ifa_prefixlen >= 32)
		return;
	if (dev->flags & IFF_LOOPBACK) {
		fib_magic(SIOCADDRT, RTN_LOCAL, prefix, ifa->ifa_prefixlen, ifa);
		return;
	}
	fib_magic(SIOCADDRT, RTN_UNICAST, prefix, ifa->ifa_prefixlen, ifa);
}

void fib_del_ifaddr(struct in_ifaddr *ifa, struct in_ifaddr *iprim)
{
	struct net_device *dev = ifa->ifa_dev->dev;
	__be32 prefix = ifa->ifa_address & ifa->ifa_mask;

	fib_magic(SIOCDELRT, RTN_LOCAL, ifa->ifa_local, 32, ifa);
	if (ifa->ifa_broadcast && ifa->ifa_broadcast != htonl(0xffffffff))
		fib_magic(SIOCDELRT, RTN_BROADCAST, ifa->ifa_broadcast, 32, ifa);
	if (ifa->ifa_prefixlen >= 32)
		return;
	fib_magic(SIOCDELRT, (dev->flags & IFF_LOOPBACK) ? RTN_LOCAL : RTN_UNICAST, prefix,
		  ifa->ifa_prefixlen, ifa);
}

static __be32 sk_extract_addr(const struct sockaddr *addr)
{
	return ((const struct sockaddr_in *)addr)->sin_addr.s_addr;
}

/* route(8)'s struct rtentry (kernel copy; rt_dev still points into user space) -> fib_config. */
static int rtentry_to_fib_config(struct net *net, int cmd, struct rtentry *rt, struct fib_config *cfg)
{
	__be32 addr, mask;
	int plen;

	memset(cfg, 0, sizeof(*cfg));
	if (rt->rt_dst.sa_family != AF_INET)
		return -EAFNOSUPPORT;
	addr = sk_extract_addr(&rt->rt_dst);
	if (!(rt->rt_flags & RTF_HOST)) {
		if (rt->rt_genmask.sa_family != AF_INET && rt->rt_genmask.sa_family != 0)
			return -EAFNOSUPPORT;
		mask = sk_extract_addr(&rt->rt_genmask);
		if (rt->rt_genmask.sa_family == 0 && addr == 0)
			mask = 0;	/* "route add default" */
		if (bad_mask(mask, addr))
			return -EINVAL;
		plen = inet_mask_len(mask);
	} else {
		plen = 32;
	}
	cfg->fc_dst_len = plen;
	cfg->fc_dst = addr;
	cfg->fc_table = RT_TABLE_MAIN;
	cfg->fc_protocol = RTPROT_BOOT;
	cfg->fc_type = (rt->rt_flags & RTF_REJECT) ? RTN_UNREACHABLE : RTN_UNICAST;
	cfg->fc_scope = RT_SCOPE_UNIVERSE;
	cfg->fc_nlflags = cmd == SIOCDELRT ? 0 : NLM_F_CREATE;
	if (rt->rt_metric)
		cfg->fc_priority = rt->rt_metric - 1;	/* route(8) adds 1 for BSD compatibility */
	if (rt->rt_dev) {
		char devname[IFNAMSIZ];
		struct net_device *dev;
		long len = strncpy_from_user(devname, rt->rt_dev, IFNAMSIZ - 1);

		if (len < 0)
			return -EFAULT;
		devname[len < IFNAMSIZ ? len : IFNAMSIZ - 1] = 0;
		dev = __dev_get_by_name(net, devname);
		if (!dev)
			return -ENODEV;
		cfg->fc_oif = dev->ifindex;
	}
	if (rt->rt_flags & RTF_GATEWAY) {
		if (rt->rt_gateway.sa_family != AF_INET)
			return -EAFNOSUPPORT;
		cfg->fc_gw4 = sk_extract_addr(&rt->rt_gateway);
		if (!cfg->fc_gw4)
			return -EINVAL;
	} else if (cmd == SIOCADDRT && !cfg->fc_oif && cfg->fc_type == RTN_UNICAST) {
		return -ENODEV;		/* neither gateway nor device: nowhere to send */
	} else {
		cfg->fc_scope = RT_SCOPE_LINK;
	}
	if (rt->rt_flags & RTF_MTU)
		cfg->fc_mtu = rt->rt_mtu;
	return 0;
}

/* SIOCADDRT / SIOCDELRT with a kernel copy of the user's struct rtentry. */
int ip_rt_ioctl(struct net *net, unsigned int cmd, struct rtentry *rt)
{
	struct fib_config cfg;
	struct fib_table *tb;
	int err;

	if (cmd != SIOCADDRT && cmd != SIOCDELRT)
		return -EINVAL;
	err = rtentry_to_fib_config(net, cmd, rt, &cfg);
	if (err)
		return err;
	tb = fib_new_table(net, RT_TABLE_MAIN);
	if (!tb)
		return -ENOBUFS;
	if (cmd == SIOCDELRT)
		err = fib_table_delete(net, tb, &cfg);
	else
		err = fib_table_insert(net, tb, &cfg);
	if (!err)
		rt_cache_flush(net);
	return err;
}

/* /proc/net/route: the main table in Linux's format (RefCnt and Use are always 0 there too),
 * ascending by destination as Linux's trie walk gives it. */
struct fib_route_list {
	struct fib_alias *fa[256];
	int n;
};

static void fib_route_collect(struct fib_alias *fa, void *arg)
{
	struct fib_route_list *l = arg;

	if (l->n < (int)ARRAY_SIZE(l->fa))
		l->fa[l->n++] = fa;
}

static bool fib_route_before(const struct fib_alias *a, const struct fib_alias *b)
{
	if (a->fa_prefix != b->fa_prefix)
		return ntohl(a->fa_prefix) < ntohl(b->fa_prefix);
	return a->fa_slen < b->fa_slen;
}

int fib_route_seq_show(struct seq_file *seq, void *v)
{
	struct fib_route_list *l = kmalloc(sizeof(*l), GFP_KERNEL);
	int i, j;

	seq_printf(seq, "%-127s\n", "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU"
		   "\tWindow\tIRTT");
	if (!l)
		return -ENOMEM;
	l->n = 0;
	if (fib_main_table)
		fib_table_walk(fib_main_table, fib_route_collect, l);
	for (i = 1; i < l->n; i++)
		for (j = i; j > 0 && fib_route_before(l->fa[j], l->fa[j - 1]); j--)
			swap(l->fa[j], l->fa[j - 1]);
	for (i = 0; i < l->n; i++) {
		struct fib_alias *fa = l->fa[i];
		struct fib_info *fi = fa->fa_info;
		char line[128];
		int len;

		len = scnprintf(line, sizeof(line), "%s\t%08X\t%08X\t%04X\t%d\t%u\t%d\t%08X\t%d\t%u\t%u",
				fi->fib_dev ? fi->fib_dev->name : "*", fa->fa_prefix,
				fi->fib_nh[0].fib_nh_gw4, fi->fib_flags, 0, 0,
				fi->fib_priority, fib_prefix_mask_be(fa->fa_slen), fi->fib_mtu, 0, 0);
		seq_printf(seq, "%-*s\n", 127 > len ? 127 : len, line);
	}
	kfree(l);
	return 0;
}

void ip_fib_init(void)
{
	fib_new_table(&init_net, RT_TABLE_LOCAL);
	fib_new_table(&init_net, RT_TABLE_MAIN);
	proc_create_single("net/route", 0444, NULL, fib_route_seq_show);
}
