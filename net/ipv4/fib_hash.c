/*
 * A FIB table: longest-prefix match through one hash table per prefix length (the scheme of
 * Linux's fib_hash.c before the LC-trie replaced it). A lookup tries /32, /31, ... /0 and stops at
 * the first length with a matching prefix, so the most specific route wins (RFC 1812 5.2.4.3).
 * Among routes for the same prefix the lowest metric wins.
 */
#include <linux/slab.h>
#include <linux/jiffies.h>
#include <net/ip_fib.h>
#include <net/route.h>
#include <net/ip.h>


static inline unsigned int fib_hash(__be32 prefix)
{
	u32 h = ntohl(prefix);

	h ^= h >> 16;
	h ^= h >> 8;
	return h & ((1 << FIB_HASH_BITS) - 1);
}

/* A next hop through a device that is down or gone cannot carry packets. */
static bool fib_alias_usable(const struct fib_alias *fa, const struct flowi4 *flp)
{
	const struct fib_info *fi = fa->fa_info;
	const struct net_device *dev = fi->fib_dev;

	if (fa->fa_type == RTN_UNREACHABLE || fa->fa_type == RTN_BLACKHOLE)
		return true;
	if (!dev || !(dev->flags & IFF_UP))
		return false;
	/* A socket bound to a device only uses routes through it (local routes work on any). */
	if (flp->flowi4_oif && fa->fa_type != RTN_LOCAL && fa->fa_type != RTN_BROADCAST &&
	    dev->ifindex != flp->flowi4_oif)
		return false;
	return true;
}

noinline int fib_table_lookup(struct fib_table *tb, const struct flowi4 *flp, struct fib_result *res,
			      int fib_flags)
{
	int len;

	for (len = 32; len >= 0; len--) {
		__be32 key = flp->daddr & fib_prefix_mask_be(len);
		struct fib_alias *fa, *best = NULL;

		hlist_for_each_entry(fa, &tb->tb_hash[len][fib_hash(key)], fa_list) {
			if (fa->fa_prefix != key || !fib_alias_usable(fa, flp))
				continue;
			if (!best || fa->fa_info->fib_priority < best->fa_info->fib_priority)
				best = fa;
		}
		if (!best)
			continue;
		res->prefix = key;
		res->prefixlen = len;
		res->nh_sel = 0;
		res->type = best->fa_type;
		res->scope = best->fa_info->fib_scope;
		res->fi = best->fa_info;
		res->nhc = &best->fa_info->fib_nh[0];
		res->table = tb;
		res->fa = best;
		if (res->type == RTN_UNREACHABLE)
			return -ENETUNREACH;
		if (res->type == RTN_BLACKHOLE)
			return -EINVAL;
		return 0;
	}
	return -EAGAIN;		/* no route: the caller tries the next table */
}

static struct fib_alias *fib_find_alias(struct fib_table *tb, const struct fib_config *cfg,
					bool match_nh)
{
	__be32 key = cfg->fc_dst;
	struct fib_alias *fa;

	hlist_for_each_entry(fa, &tb->tb_hash[cfg->fc_dst_len][fib_hash(key)], fa_list) {
		const struct fib_info *fi = fa->fa_info;

		if (fa->fa_prefix != key || fa->fa_slen != cfg->fc_dst_len)
			continue;
		if (cfg->fc_type && fa->fa_type != cfg->fc_type)
			continue;
		if (!match_nh)
			return fa;
		if (cfg->fc_gw4 && fi->fib_nh[0].fib_nh_gw4 != cfg->fc_gw4)
			continue;
		if (cfg->fc_oif && fi->fib_nh[0].fib_nh_oif != cfg->fc_oif)
			continue;
		if (cfg->fc_priority && fi->fib_priority != cfg->fc_priority)
			continue;
		return fa;
	}
	return NULL;
}

int fib_table_insert(struct net *net, struct fib_table *tb, struct fib_config *cfg)
{
	struct fib_alias *fa;
	struct fib_info *fi;

	if (cfg->fc_dst_len > 32)
		return -EINVAL;
	if (cfg->fc_dst & ~fib_prefix_mask_be(cfg->fc_dst_len))
		return -EINVAL;		/* host bits set: route(8) reports "Invalid argument" */
	fa = fib_find_alias(tb, cfg, true);
	if (fa && fa->fa_info->fib_priority == cfg->fc_priority &&
	    fa->fa_info->fib_nh[0].fib_nh_gw4 == cfg->fc_gw4) {
		if (cfg->fc_nlflags & NLM_F_EXCL || !(cfg->fc_nlflags & NLM_F_REPLACE))
			return -EEXIST;
	} else {
		fa = NULL;
	}
	fi = fib_create_info(cfg);
	if (IS_ERR(fi))
		return PTR_ERR(fi);
	if (fa) {
		fib_release_info(fa->fa_info);
		fa->fa_info = fi;
		fa->fa_type = cfg->fc_type;
		fib_genid++;
		return 0;
	}
	fa = kzalloc(sizeof(*fa), GFP_KERNEL);
	if (!fa) {
		fib_release_info(fi);
		return -ENOBUFS;
	}
	fa->fa_prefix = cfg->fc_dst;
	fa->fa_slen = cfg->fc_dst_len;
	fa->fa_type = cfg->fc_type;
	fa->fa_tos = cfg->fc_tos;
	fa->fa_info = fi;
	hlist_add_head(&fa->fa_list, &tb->tb_hash[cfg->fc_dst_len][fib_hash(cfg->fc_dst)]);
	tb->tb_entries++;
	if (!cfg->fc_dst_len)
		tb->tb_num_default++;
	fib_genid++;
	return 0;
}

static void fib_alias_free(struct fib_table *tb, struct fib_alias *fa)
{
	hlist_del(&fa->fa_list);
	tb->tb_entries--;
	if (!fa->fa_slen)
		tb->tb_num_default--;
	fib_release_info(fa->fa_info);
	kfree(fa);
	fib_genid++;
}

int fib_table_delete(struct net *net, struct fib_table *tb, struct fib_config *cfg)
{
	struct fib_alias *fa;

	if (cfg->fc_dst_len > 32)
		return -EINVAL;
	fa = fib_find_alias(tb, cfg, true);
	if (!fa)
		return -ESRCH;
	fib_alias_free(tb, fa);
	return 0;
}

/* Removes entries through dev (dev != NULL) or all of them (flush_all). Returns how many went. */
static int fib_table_flush_dev(struct fib_table *tb, struct net_device *dev, bool flush_all)
{
	struct hlist_node *tmp;
	struct fib_alias *fa;
	int len, h, found = 0;

	for (len = 0; len <= 32; len++) {
		for (h = 0; h < (1 << FIB_HASH_BITS); h++) {
			hlist_for_each_entry_safe(fa, tmp, &tb->tb_hash[len][h], fa_list) {
				if (!flush_all && fa->fa_info->fib_dev != dev)
					continue;
				fib_alias_free(tb, fa);
				found++;
			}
		}
	}
	return found;
}

int fib_table_flush(struct net *net, struct fib_table *tb, bool flush_all)
{
	return fib_table_flush_dev(tb, NULL, flush_all);
}

int fib_sync_down_dev(struct net_device *dev, unsigned long event, bool force)
{
	int found = 0;

	/* Interface down: its connected and gateway routes go, as Linux marks them dead. */
	found += fib_table_flush_dev(fib_get_table(&init_net, RT_TABLE_MAIN), dev, false);
	found += fib_table_flush_dev(fib_get_table(&init_net, RT_TABLE_LOCAL), dev, false);
	return found;
}

void fib_table_walk(struct fib_table *tb, void (*cb)(struct fib_alias *fa, void *arg), void *arg)
{
	struct fib_alias *fa;
	int len, h;

	for (len = 32; len >= 0; len--)
		for (h = 0; h < (1 << FIB_HASH_BITS); h++)
			hlist_for_each_entry(fa, &tb->tb_hash[len][h], fa_list)
				cb(fa, arg);
}
