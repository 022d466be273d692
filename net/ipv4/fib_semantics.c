/*
 * What a route leads to (struct fib_info: device, gateway, preferred source, metric), created from
 * a struct fib_config as Linux's fib_create_info does: the device is checked or derived from the
 * gateway, and a gateway must be on a connected network (RFC 1812 5.2.4.3 next hops are neighbours).
 */
#include <linux/slab.h>
#include <linux/inetdevice.h>
#include <net/ip_fib.h>
#include <net/route.h>
#include <uapi/linux/route.h>

static int fib_info_cnt;

int fib_table_nr_entries(void)
{
	return fib_info_cnt;
}

/* The device through which gw is directly reachable, from the connected routes of the main table. */
static struct net_device *fib_gw_dev(__be32 gw, int oif)
{
	struct fib_table *tb = fib_get_table(&init_net, RT_TABLE_MAIN);
	struct flowi4 fl4 = { .daddr = gw, .flowi4_oif = oif };
	struct fib_result res;

	if (!tb || fib_table_lookup(tb, &fl4, &res, 0))
		return NULL;
	/* Only a connected (link scope, no gateway) route proves gw is a neighbour. */
	if (res.fi->fib_nh[0].fib_nh_gw4 || res.type != RTN_UNICAST)
		return NULL;
	return res.fi->fib_dev;
}

struct fib_info *fib_create_info(struct fib_config *cfg)
{
	struct net_device *dev = NULL;
	struct fib_info *fi;

	if (cfg->fc_oif) {
		dev = __dev_get_by_index(&init_net, cfg->fc_oif);
		if (!dev)
			return ERR_PTR(-ENODEV);
	}
	if (cfg->fc_gw4) {
		struct net_device *gw_dev = fib_gw_dev(cfg->fc_gw4, cfg->fc_oif);

		if (!gw_dev)
			return ERR_PTR(-ENETUNREACH);
		if (dev && dev != gw_dev)
			return ERR_PTR(-ENETUNREACH);
		dev = gw_dev;
	}
	if (!dev && cfg->fc_type != RTN_UNREACHABLE && cfg->fc_type != RTN_BLACKHOLE)
		return ERR_PTR(-ENODEV);

	fi = kzalloc(sizeof(*fi), GFP_KERNEL);
	if (!fi)
		return ERR_PTR(-ENOBUFS);
	fi->fib_protocol = cfg->fc_protocol;
	fi->fib_scope = cfg->fc_scope;
	fi->fib_type = cfg->fc_type;
	fi->fib_prefsrc = cfg->fc_prefsrc;
	fi->fib_priority = cfg->fc_priority;
	fi->fib_mtu = cfg->fc_mtu;
	fi->fib_flags = RTF_UP | (cfg->fc_gw4 ? RTF_GATEWAY : 0) | (cfg->fc_dst_len == 32 ? RTF_HOST : 0) |
			(cfg->fc_type == RTN_UNREACHABLE ? RTF_REJECT : 0);
	fi->fib_nh[0].fib_nh_dev = dev;
	fi->fib_nh[0].fib_nh_gw4 = cfg->fc_gw4;
	fi->fib_nh[0].fib_nh_oif = dev ? dev->ifindex : 0;
	fi->fib_nh[0].fib_nh_scope = cfg->fc_gw4 ? RT_SCOPE_LINK : RT_SCOPE_HOST;
	fi->fib_treeref = 1;
	fib_info_cnt++;
	return fi;
}

void fib_release_info(struct fib_info *fi)
{
	if (--fi->fib_treeref)
		return;
	fib_info_cnt--;
	kfree(fi);
}
