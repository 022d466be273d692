/*
 * The Forwarding Information Base (net/ipv4/fib_frontend.c, fib_hash.c, fib_semantics.c).
 * Two tables as in Linux: RT_TABLE_LOCAL (our own and broadcast addresses, filled from interface
 * addresses) and RT_TABLE_MAIN (connected networks, gateways, the default route: what `route`
 * shows). fib_lookup asks local then main; each table finds the longest matching prefix through
 * one hash table per prefix length, longest first.
 */
#ifndef _NET_IP_FIB_H
#define _NET_IP_FIB_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/netdevice.h>
#include <linux/byteorder.h>
#include <net/flow.h>
#include <net/net_namespace.h>

struct in_ifaddr;
struct seq_file;

#define RT_TABLE_MAIN	254
#define RT_TABLE_LOCAL	255

/* Who installed a route (RTPROT_*). */
#define RTPROT_UNSPEC	0
#define RTPROT_KERNEL	2	/* from an interface address */
#define RTPROT_BOOT	3	/* from ioctl / ipconfig */
#define RTPROT_STATIC	4
#define RTPROT_DHCP	16

/* What a route leads to: one next hop. */
struct fib_nh {
	struct net_device	*fib_nh_dev;
	__be32			fib_nh_gw4;	/* 0: directly connected */
	unsigned char		fib_nh_scope;
	int			fib_nh_oif;
};

struct fib_info {
	int			fib_treeref;	/* table entries using it */
	int			fib_protocol;
	unsigned char		fib_scope;
	unsigned char		fib_type;	/* RTN_* */
	__be32			fib_prefsrc;	/* preferred source address */
	u32			fib_priority;	/* metric */
	u32			fib_mtu;
	unsigned int		fib_flags;	/* RTF_* as route(8) shows them */
	struct fib_nh		fib_nh[1];
};

#define fib_dev		fib_nh[0].fib_nh_dev

/* One table entry: a prefix and what it leads to. */
struct fib_alias {
	struct hlist_node	fa_list;	/* in its prefix-length bucket */
	__be32			fa_prefix;	/* network order, masked */
	u8			fa_slen;	/* prefix length 0..32 */
	u8			fa_type;
	u32			fa_tos;
	struct fib_info		*fa_info;
};

#define FIB_HASH_BITS	4

struct fib_table {
	struct list_head	tb_list;
	u32			tb_id;
	int			tb_num_default;
	unsigned int		tb_entries;
	/* [prefix length][hash of prefix] */
	struct hlist_head	tb_hash[33][1 << FIB_HASH_BITS];
};

struct fib_result {
	__be32			prefix;
	unsigned char		prefixlen;
	unsigned char		nh_sel;
	unsigned char		type;
	unsigned char		scope;
	u32			tclassid;
	struct fib_nh		*nhc;
	struct fib_info		*fi;
	struct fib_table	*table;
	struct fib_alias	*fa;
};

/* What an insert/delete asks for (from ip_rt_ioctl, fib_add_ifaddr, ipconfig). */
struct fib_config {
	u8			fc_dst_len;
	u8			fc_tos;
	u8			fc_protocol;
	u8			fc_scope;
	u8			fc_type;
	u32			fc_table;
	__be32			fc_dst;
	__be32			fc_gw4;
	int			fc_oif;
	u32			fc_flags;	/* RTF_* */
	u32			fc_priority;
	__be32			fc_prefsrc;
	u32			fc_mtu;
	u32			fc_nlflags;	/* NLM_F_EXCL: fail if it exists */
};

#define NLM_F_REPLACE	0x100
#define NLM_F_EXCL	0x200
#define NLM_F_CREATE	0x400

static inline __be32 fib_prefix_mask_be(int len)
{
	return len ? htonl(~0U << (32 - len)) : 0;
}

#define FIB_RES_DEV(res)	((res).fi->fib_nh[(res).nh_sel].fib_nh_dev)
#define FIB_RES_GW(res)		((res).fi->fib_nh[(res).nh_sel].fib_nh_gw4)
#define FIB_RES_PREFSRC(net, res) \
	((res).fi->fib_prefsrc ? : inet_select_addr(FIB_RES_DEV(res), FIB_RES_GW(res), (res).fi->fib_scope))

#define FIB_LOOKUP_NOREF	1

/* fib_frontend.c */
void ip_fib_init(void);
struct fib_table *fib_get_table(struct net *net, u32 id);
struct fib_table *fib_new_table(struct net *net, u32 id);
int fib_lookup(struct net *net, struct flowi4 *flp, struct fib_result *res, unsigned int flags);
void fib_add_ifaddr(struct in_ifaddr *ifa);
void fib_del_ifaddr(struct in_ifaddr *ifa, struct in_ifaddr *iprim);
/* Removes every route through dev (interface down or gone). */
int fib_sync_down_dev(struct net_device *dev, unsigned long event, bool force);
/* Bumped on every change; cached routes with an older generation are re-looked-up. */
extern int fib_genid;

/* fib_hash.c: the table itself. */
int fib_table_lookup(struct fib_table *tb, const struct flowi4 *flp, struct fib_result *res, int fib_flags);
int fib_table_insert(struct net *net, struct fib_table *tb, struct fib_config *cfg);
int fib_table_delete(struct net *net, struct fib_table *tb, struct fib_config *cfg);
int fib_table_flush(struct net *net, struct fib_table *tb, bool flush_all);
/* Calls cb for each entry, longest prefixes first. */
void fib_table_walk(struct fib_table *tb, void (*cb)(struct fib_alias *fa, void *arg), void *arg);

/* fib_semantics.c */
struct fib_info *fib_create_info(struct fib_config *cfg);
void fib_release_info(struct fib_info *fi);
int fib_table_nr_entries(void);

int fib_route_seq_show(struct seq_file *seq, void *v);

#endif
