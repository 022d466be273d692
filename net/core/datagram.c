/*
 *	SUCS NET3:
 *
 *	Generic datagram handling routines (Linux net/core/datagram.c). These are generic for all
 *	protocols. Possibly a generic IP version on top of these would make sense. Not tonight however 8-).
 *
 * A datagram socket (UDP, ping) takes whole skbs off sk_receive_queue: __skb_recv_datagram waits
 * (up to SO_RCVTIMEO, or not at all with MSG_DONTWAIT) without holding the socket lock, so softirq
 * keeps queueing while the reader sleeps; MSG_PEEK leaves the skb queued and takes a reference.
 * skb_copy_datagram_iter copies the payload to the reader's buffers; datagram_poll reports readiness.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/poll.h>
#include <linux/interrupt.h>
#include <linux/skbuff.h>
#include <linux/uio.h>
#include <net/sock.h>

static inline int connection_based(struct sock *sk)
{
	return sk->sk_type == SOCK_SEQPACKET || sk->sk_type == SOCK_STREAM;
}

/*
 * Wait for the last received packet to be different from skb
 */
int __skb_wait_for_more_packets(struct sock *sk, int *err, long *timeo_p,
				const struct sk_buff *skb)
{
	int error;
	DEFINE_WAIT(wait);

	prepare_to_wait_exclusive(sk_sleep(sk), &wait, TASK_INTERRUPTIBLE);

	/* Socket errors? */
	error = sock_error(sk);
	if (error)
		goto out_err;

	if (READ_ONCE(sk->sk_receive_queue.prev) != skb)
		goto out;

	/* Socket shut down? */
	if (sk->sk_shutdown & RCV_SHUTDOWN)
		goto out_noerr;

	/* Sequenced packets can come disconnected.
	 * If so we report the problem
	 */
	error = -ENOTCONN;
	if (connection_based(sk) &&
	    !(sk->sk_state == TCP_ESTABLISHED || sk->sk_state == TCP_LISTEN))
		goto out_err;

	/* handle signals */
	if (signal_pending(current))
		goto interrupted;

	error = 0;
	*timeo_p = schedule_timeout(*timeo_p);
out:
	finish_wait(sk_sleep(sk), &wait);
	return error;
interrupted:
	error = sock_intr_errno(*timeo_p);
out_err:
	*err = error;
	goto out;
out_noerr:
	*err = 0;
	error = 1;
	goto out;
}

/* One look at the queue: the first skb, unlinked (or, with MSG_PEEK, referenced and left). */
static struct sk_buff *__skb_try_recv_from_queue(struct sock *sk, struct sk_buff_head *queue,
						 unsigned int flags, int *peeked,
						 struct sk_buff **last)
{
	struct sk_buff *skb;

	*last = queue->prev;
	skb = skb_peek(queue);
	if (!skb)
		return NULL;
	if (flags & MSG_PEEK) {
		*peeked = 1;
		refcount_inc(&skb->users);
	} else {
		__skb_unlink(skb, queue);
	}
	return skb;
}

struct sk_buff *__skb_try_recv_datagram(struct sock *sk, unsigned int flags, int *peeked,
					int *err, struct sk_buff **last)
{
	struct sk_buff_head *queue = &sk->sk_receive_queue;
	struct sk_buff *skb;
	unsigned long cpu_flags;
	/*
	 * Caller is allowed not to check sk->sk_err before skb_recv_datagram()
	 */
	int error = sock_error(sk);

	if (error)
		goto no_packet;

	*peeked = 0;
	spin_lock_irqsave(&queue->lock, cpu_flags);
	skb = __skb_try_recv_from_queue(sk, queue, flags, peeked, last);
	spin_unlock_irqrestore(&queue->lock, cpu_flags);
	if (skb)
		return skb;

	error = -EAGAIN;

no_packet:
	*err = error;
	return NULL;
}

/**
 *	__skb_recv_datagram - Receive a datagram skbuff
 *	@sk: socket
 *	@flags: MSG\_ flags
 *	@peeked: returns non-zero if this packet has been seen before
 *	@err: error code returned
 *
 *	Get a datagram skbuff, understands the peeking, nonblocking wakeups
 *	and possible races. This replaces identical code in packet, raw and
 *	udp, as well as the IPX AX.25 and Appletalk. It also finally fixes
 *	the long standing peek and read race for datagram sockets. If you
 *	alter this routine remember it must be re-entrant.
 *
 *	This function will lock the socket if a skb is returned, so
 *	the caller needs to unlock the socket in that case (usually by
 *	calling skb_free_datagram). Returns NULL with @err set to
 *	-EAGAIN if no data was available or to some other value if an
 *	error was detected.
 *
 *	* It does not lock socket since today. This function is
 *	* free of race conditions. This measure should/can improve
 *	* significantly datagram socket latencies at high loads,
 *	* when data copying to user space takes lots of time.
 *	* (BTW I've just killed the last cli() in IP/IPv6/core/netlink/packet
 *	*  8) Great win.)
 *	*			                    --ANK (980729)
 */
noinline struct sk_buff *__skb_recv_datagram(struct sock *sk, unsigned int flags, int *peeked,
					     int *err)
{
	struct sk_buff *skb, *last;
	long timeo;

	timeo = sock_rcvtimeo(sk, flags & MSG_DONTWAIT);

	do {
		skb = __skb_try_recv_datagram(sk, flags, peeked, err, &last);
		if (skb)
			return skb;

		if (*err != -EAGAIN)
			break;
	} while (timeo && !__skb_wait_for_more_packets(sk, err, &timeo, last));

	return NULL;
}

struct sk_buff *skb_recv_datagram(struct sock *sk, unsigned int flags, int noblock, int *err)
{
	int peeked;

	return __skb_recv_datagram(sk, flags | (noblock ? MSG_DONTWAIT : 0), &peeked, err);
}

/*
 * Done with a received datagram (after a peek too: drops the reader's reference). The datagram
 * reader does not own the socket, so softirq may be charging sk_forward_alloc for a new arrival:
 * uncharge and reclaim with bottom halves off.
 */
void skb_free_datagram(struct sock *sk, struct sk_buff *skb)
{
	local_bh_disable();
	consume_skb(skb);
	sk_mem_reclaim(sk);
	local_bh_enable();
}

/**
 *	skb_copy_datagram_iter - Copy a datagram to an iovec iterator.
 *	@skb: buffer to copy
 *	@offset: offset in the buffer to start copying from
 *	@to: iovec iterator to copy to
 *	@len: amount of data to copy from buffer to iovec
 *
 *	Returns 0 or -EFAULT (a bad user buffer). skbs are linear here.
 */
noinline int skb_copy_datagram_iter(const struct sk_buff *skb, int offset, struct iov_iter *to,
				    int len)
{
	if (offset < 0 || len < 0 || (unsigned int)(offset + len) > skb->len)
		return -EFAULT;
	if (copy_to_iter(skb->data + offset, len, to) != (size_t)len)
		return -EFAULT;
	return 0;
}

/**
 * 	datagram_poll - generic datagram poll
 *	@file: file struct
 *	@sock: socket
 *	@wait: poll table
 *
 *	Datagram poll: Again totally generic. This also handles
 *	sequenced packet sockets providing the socket receive queue
 *	is only ever holding data ready to receive.
 *
 *	Note: when you *don't* use this routine for this protocol,
 *	and you use a different write policy from sock_writeable()
 *	then please supply your own write_space callback.
 */
__poll_t datagram_poll(struct file *file, struct socket *sock, poll_table *wait)
{
	struct sock *sk = sock->sk;
	__poll_t mask;

	poll_wait(file, &sock->wq.wait, wait);
	mask = 0;

	/* exceptional events? */
	if (sk->sk_err || !skb_queue_empty(&sk->sk_error_queue))
		mask |= EPOLLERR;

	if (sk->sk_shutdown & RCV_SHUTDOWN)
		mask |= EPOLLRDHUP | EPOLLIN | EPOLLRDNORM;
	if (sk->sk_shutdown == SHUTDOWN_MASK)
		mask |= EPOLLHUP;

	/* readable? */
	if (!skb_queue_empty(&sk->sk_receive_queue))
		mask |= EPOLLIN | EPOLLRDNORM;

	/* Connection-based need to check for termination and startup */
	if (connection_based(sk)) {
		if (sk->sk_state == TCP_CLOSE)
			mask |= EPOLLHUP;
		/* connection hasn't started yet? */
		if (sk->sk_state == TCP_SYN_SENT)
			return mask;
	}

	/* writable? */
	if (sock_writeable(sk))
		mask |= EPOLLOUT | EPOLLWRNORM | EPOLLWRBAND;

	return mask;
}
