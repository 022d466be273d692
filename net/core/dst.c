/* dst_entry lifetime (include/net/dst.h): routes attached to skbs and cached in sockets. */
#include <net/dst.h>
#include <linux/slab.h>
#include <linux/jiffies.h>

void dst_init(struct dst_entry *dst, struct dst_ops *ops, struct net_device *dev,
	      int initial_obsolete, unsigned short flags)
{
	dst->dev = dev;
	dst->ops = ops;
	dst->expires = 0;
	dst->input = NULL;
	dst->output = dst_discard_out;
	dst->flags = flags;
	dst->obsolete = initial_obsolete;
	dst->error = 0;
	refcount_set(&dst->__refcnt, 1);
	dst->lastuse = jiffies;
	dst->__use = 0;
	if (dev)
		dev_hold(dev);
}

noinline void dst_release(struct dst_entry *dst)
{
	if (!dst)
		return;
	if (!refcount_dec_and_test(&dst->__refcnt))
		return;
	if (dst->dev)
		dev_put(dst->dev);
	if (dst->ops->destroy)
		dst->ops->destroy(dst);
	kmem_cache_free(dst->ops->kmem_cachep, dst);
}

int dst_discard_out(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	kfree_skb(skb);
	return 0;
}

noinline int dst_output(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	return skb_dst(skb)->output(net, sk, skb);
}
