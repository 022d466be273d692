/*
 * struct dst_entry: the result of a route lookup attached to a packet (skb_dst) or cached in a
 * socket (sk_dst_cache). input/output say what to do next: ip_local_deliver or ip_forward on
 * receive, ip_output on send. Reference counted; a route change bumps the route generation so
 * cached entries become obsolete and are looked up again (dst_check).
 */
#ifndef _NET_DST_H
#define _NET_DST_H

#include <linux/types.h>
#include <linux/refcount.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

struct net;
struct sock;
struct neighbour;

#define DST_OBSOLETE_NONE	0
#define DST_OBSOLETE_FORCE_CHK	-1	/* call dst_check before each use */
#define DST_OBSOLETE_DEAD	2

#define DST_NOXFRM		0x0002
#define DST_HOST		0x0001

struct dst_ops {
	unsigned short	family;
	struct dst_entry *(*check)(struct dst_entry *dst, u32 cookie);
	unsigned int	(*mtu)(const struct dst_entry *dst);
	void		(*destroy)(struct dst_entry *dst);
	struct kmem_cache *kmem_cachep;
};

struct dst_entry {
	struct net_device	*dev;
	struct dst_ops		*ops;
	unsigned long		expires;
	int			(*input)(struct sk_buff *skb);
	int			(*output)(struct net *net, struct sock *sk, struct sk_buff *skb);
	unsigned short		flags;
	short			obsolete;
	short			error;		/* -EHOSTUNREACH ... for reject/unreachable routes */
	refcount_t		__refcnt;
	unsigned long		lastuse;
	unsigned int		__use;
};

static inline void dst_hold(struct dst_entry *dst)
{
	refcount_inc(&dst->__refcnt);
}

static inline struct dst_entry *dst_clone(struct dst_entry *dst)
{
	if (dst)
		dst_hold(dst);
	return dst;
}

void dst_release(struct dst_entry *dst);
void dst_init(struct dst_entry *dst, struct dst_ops *ops, struct net_device *dev,
	      int initial_obsolete, unsigned short flags);

static inline unsigned int dst_mtu(const struct dst_entry *dst)
{
	return dst->ops->mtu(dst);
}

/* Returns dst if still valid, NULL if a route change made it obsolete. */
static inline struct dst_entry *dst_check(struct dst_entry *dst, u32 cookie)
{
	if (dst->obsolete)
		dst = dst->ops->check(dst, cookie);
	return dst;
}

/* The route's output function (ip_output); a real function so `break dst_output` works in gdb. */
int dst_output(struct net *net, struct sock *sk, struct sk_buff *skb);

static inline int dst_input(struct sk_buff *skb)
{
	return skb_dst(skb)->input(skb);
}

/* Output/input that discard: used by reject routes and while a route is being torn down. */
int dst_discard_out(struct net *net, struct sock *sk, struct sk_buff *skb);

#endif
