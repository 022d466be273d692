/* How a protocol's TIME_WAIT sockets are allocated and checked (tcp_timewait_sock_ops). */
#ifndef _NET_TIMEWAIT_SOCK_H
#define _NET_TIMEWAIT_SOCK_H

#include <linux/slab.h>
#include <net/sock.h>

struct timewait_sock_ops {
	struct kmem_cache	*twsk_slab;
	char			*twsk_slab_name;
	unsigned int		twsk_obj_size;
	/* May a new connection take over the 4-tuple of TIME_WAIT socket sktw? (tcp_twsk_unique) */
	int			(*twsk_unique)(struct sock *sk, struct sock *sktw, void *twp);
	void			(*twsk_destructor)(struct sock *sk);
};

static inline int twsk_unique(struct sock *sk, struct sock *sktw, void *twp)
{
	if (sk->sk_prot->twsk_prot->twsk_unique != NULL)
		return sk->sk_prot->twsk_prot->twsk_unique(sk, sktw, twp);
	return 0;
}

static inline void twsk_destructor(struct sock *sk)
{
	if (sk->sk_prot->twsk_prot->twsk_destructor != NULL)
		sk->sk_prot->twsk_prot->twsk_destructor(sk);
}

#endif
