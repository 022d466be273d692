/*
 * Connection requests. A SYN to a listener creates a struct request_sock (TCP_NEW_SYN_RECV) that is
 * hashed in the established table and counted in the listener's icsk_accept_queue.qlen (the "SYN
 * queue"); the final ACK turns it into a full child socket, which is linked on the accept queue
 * (rskq_accept_head/tail) until accept() takes it. net/ipv4/inet_connection_sock.c drives both
 * queues; net/core/request_sock.c has reqsk_queue_alloc.
 */
#ifndef _NET_REQUEST_SOCK_H
#define _NET_REQUEST_SOCK_H

#include <linux/types.h>
#include <linux/slab.h>
#include <linux/timer.h>
#include <linux/refcount.h>
#include <net/sock.h>

struct request_sock;
struct sk_buff;

struct request_sock_ops {
	int		family;
	unsigned int	obj_size;
	struct kmem_cache *slab;
	char		*slab_name;
	/* Retransmits the SYN+ACK (reqsk_timer_handler); 0 or a negative errno. */
	int		(*rtx_syn_ack)(const struct sock *sk, struct request_sock *req);
	void		(*send_ack)(const struct sock *sk, struct sk_buff *skb, struct request_sock *req);
	void		(*send_reset)(const struct sock *sk, struct sk_buff *skb);
	void		(*destructor)(struct request_sock *req);
	void		(*syn_ack_timeout)(const struct request_sock *req);
};

/*
 * struct request_sock - mini sock to represent a connection request
 * @dl_next: link on the listener's accept queue
 * @num_retrans: number of SYN+ACK retransmits
 * @num_timeout: number of timeouts (SYN+ACK retransmit timer expiries)
 * @rsk_timer: the SYN+ACK retransmit timer (reqsk_timer_handler)
 * @sk: the child socket once the handshake completed (on the accept queue)
 */
struct request_sock {
	struct sock_common		__req_common;
#define rsk_refcnt			__req_common.skc_refcnt
#define rsk_hash			__req_common.skc_hash
#define rsk_listener			__req_common.skc_listener
#define rsk_rcv_wnd			__req_common.skc_rcv_wnd

	struct request_sock		*dl_next;
	u16				mss;
	u8				num_retrans;
	u8				cookie_ts:1;
	u8				num_timeout:7;
	u32				ts_recent;
	struct timer_list		rsk_timer;
	const struct request_sock_ops	*rsk_ops;
	struct sock			*sk;
};

static inline struct request_sock *inet_reqsk(const struct sock *sk)
{
	return (struct request_sock *)sk;
}

static inline struct sock *req_to_sk(struct request_sock *req)
{
	return (struct sock *)req;
}

/* Allocates from ops->slab; the listener is held (sock_hold) while the request exists. */
static inline struct request_sock *reqsk_alloc(const struct request_sock_ops *ops,
					       struct sock *sk_listener, bool attach_listener)
{
	struct request_sock *req;

	req = kmem_cache_zalloc(ops->slab, GFP_ATOMIC);
	if (!req)
		return NULL;
	req->rsk_listener = NULL;
	if (attach_listener) {
		sock_hold(sk_listener);
		req->rsk_listener = sk_listener;
	}
	req->rsk_ops = ops;
	req_to_sk(req)->sk_prot = sk_listener->sk_prot;
	sk_node_init(&req_to_sk(req)->sk_node);
	req->__req_common.skc_net = sock_net(sk_listener);
	/* Until the request is hashed (inet_csk_reqsk_queue_hash_add), one reference: the creator's. */
	refcount_set(&req->rsk_refcnt, 0);
	return req;
}

static inline void __reqsk_free(struct request_sock *req)
{
	if (req->rsk_ops->destructor)
		req->rsk_ops->destructor(req);
	if (req->rsk_listener)
		sock_put(req->rsk_listener);
	kmem_cache_free(req->rsk_ops->slab, req);
}

static inline void reqsk_free(struct request_sock *req)
{
	WARN_ON_ONCE(refcount_read(&req->rsk_refcnt) != 0);
	__reqsk_free(req);
}

static inline void reqsk_put(struct request_sock *req)
{
	if (refcount_dec_and_test(&req->rsk_refcnt))
		reqsk_free(req);
}

/*
 * struct request_sock_queue - queue of request_socks
 * @qlen: requests in SYN_RECV (the SYN queue, hashed in ehash)
 * @young: of those, requests that have not had a SYN+ACK retransmitted yet
 * @rskq_accept_head/tail: FIFO of established children waiting for accept()
 */
struct request_sock_queue {
	spinlock_t		rskq_lock;
	u8			rskq_defer_accept;
	u32			synflood_warned;
	atomic_t		qlen;
	atomic_t		young;
	struct request_sock	*rskq_accept_head;
	struct request_sock	*rskq_accept_tail;
};

void reqsk_queue_alloc(struct request_sock_queue *queue);

static inline bool reqsk_queue_empty(const struct request_sock_queue *queue)
{
	return READ_ONCE(queue->rskq_accept_head) == NULL;
}

/* Takes the oldest established child off the accept queue (parent's sk_ack_backlog drops by one). */
struct request_sock *reqsk_queue_remove(struct request_sock_queue *queue, struct sock *parent);

static inline void reqsk_queue_removed(struct request_sock_queue *queue,
				       const struct request_sock *req)
{
	if (req->num_timeout == 0)
		atomic_dec(&queue->young);
	atomic_dec(&queue->qlen);
}

static inline void reqsk_queue_added(struct request_sock_queue *queue)
{
	atomic_inc(&queue->young);
	atomic_inc(&queue->qlen);
}

static inline int reqsk_queue_len(const struct request_sock_queue *queue)
{
	return atomic_read(&queue->qlen);
}

static inline int reqsk_queue_len_young(const struct request_sock_queue *queue)
{
	return atomic_read(&queue->young);
}

#endif
