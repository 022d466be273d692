/*
 * Request socks (Linux net/core/request_sock.c): setting up a listener's queues. The request socks
 * themselves (a SYN received, SYN+ACK sent) are managed in net/ipv4/inet_connection_sock.c and the
 * helpers in include/net/request_sock.h.
 */
#include <net/request_sock.h>

/*
 * A listener's accept queue starts empty: no SYN_RECV requests (qlen), no established children.
 * The maximum lengths are sk->sk_max_ack_backlog, set by listen() (inet_csk_listen_start).
 */
void reqsk_queue_alloc(struct request_sock_queue *queue)
{
	spin_lock_init(&queue->rskq_lock);
	queue->rskq_defer_accept = 0;
	queue->synflood_warned = 0;
	atomic_set(&queue->qlen, 0);
	atomic_set(&queue->young, 0);
	queue->rskq_accept_head = NULL;
	queue->rskq_accept_tail = NULL;
}

/*
 * accept() takes the oldest established child off the queue: the request sock whose ->sk is the
 * child (Linux: an inline in request_sock.h; out of line here so gdb can break on it).
 */
noinline struct request_sock *reqsk_queue_remove(struct request_sock_queue *queue,
						 struct sock *parent)
{
	struct request_sock *req;

	spin_lock_bh(&queue->rskq_lock);
	req = queue->rskq_accept_head;
	if (req) {
		parent->sk_ack_backlog--;
		WRITE_ONCE(queue->rskq_accept_head, req->dl_next);
		if (queue->rskq_accept_head == NULL)
			queue->rskq_accept_tail = NULL;
	}
	spin_unlock_bh(&queue->rskq_lock);
	return req;
}
