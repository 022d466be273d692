/*
 *     SUCS NET3:
 *
 *     Generic stream handling routines (Linux net/core/stream.c). These are generic for most
 *     protocols. Even IP. Tonight 8-).
 *
 * What a byte-stream protocol (TCP) does with the socket while a process waits: for the connection
 * to come up before sending (sk_stream_wait_connect), for send-buffer space (sk_stream_wait_memory),
 * for a lingering close (sk_stream_wait_close); waking writers when space frees up
 * (sk_stream_write_space); and turning EPIPE into the error a send returns (sk_stream_error).
 * Every wait follows the same shape: prepare_to_wait on sk_sleep(sk), then sk_wait_event, which
 * releases the socket (so release_sock runs the backlog) while the process sleeps.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/poll.h>
#include <linux/bitops.h>
#include <net/sock.h>
#include <uapi/asm/signal.h>

/**
 * sk_stream_write_space - stream socket write_space callback.
 * @sk: socket
 *
 * FIXME: write proper description
 */
void sk_stream_write_space(struct sock *sk)
{
	struct socket *sock = sk->sk_socket;
	struct socket_wq *wq;

	if (sk_stream_is_writeable(sk) && sock) {
		clear_bit(SOCK_NOSPACE, &sock->flags);

		wq = sk->sk_wq;
		if (skwq_has_sleeper(wq))
			wake_up_interruptible_poll(&wq->wait, EPOLLOUT | EPOLLWRNORM | EPOLLWRBAND);
		if (wq && !(sk->sk_shutdown & SEND_SHUTDOWN))
			sk_wake_async(sk, SOCK_WAKE_SPACE, POLL_OUT);
	}
}

/**
 * sk_stream_wait_connect - Wait for a socket to get into the connected state
 * @sk: sock to wait on
 * @timeo_p: for how long to wait
 *
 * Must be called with the socket locked.
 */
int sk_stream_wait_connect(struct sock *sk, long *timeo_p)
{
	DEFINE_WAIT(wait);
	int done;

	do {
		int err = sock_error(sk);

		if (err)
			return err;
		if ((1 << sk->sk_state) & ~(TCPF_SYN_SENT | TCPF_SYN_RECV))
			return -EPIPE;
		if (!*timeo_p)
			return -EAGAIN;
		if (signal_pending(current))
			return sock_intr_errno(*timeo_p);

		prepare_to_wait(sk_sleep(sk), &wait, TASK_INTERRUPTIBLE);
		sk->sk_write_pending++;
		done = sk_wait_event(sk, timeo_p,
				     !sk->sk_err &&
				     !((1 << sk->sk_state) & ~(TCPF_ESTABLISHED | TCPF_CLOSE_WAIT)));
		finish_wait(sk_sleep(sk), &wait);
		sk->sk_write_pending--;
	} while (!done);
	return 0;
}

/**
 * sk_stream_closing - Return 1 if we still have things to send in our buffers.
 * @sk: socket to verify
 */
static inline int sk_stream_closing(struct sock *sk)
{
	return (1 << sk->sk_state) & (TCPF_FIN_WAIT1 | TCPF_CLOSING | TCPF_LAST_ACK);
}

/* SO_LINGER: close() waits up to timeout for the FIN to be acknowledged. */
void sk_stream_wait_close(struct sock *sk, long timeout)
{
	if (timeout) {
		DEFINE_WAIT(wait);

		do {
			int done;

			prepare_to_wait(sk_sleep(sk), &wait, TASK_INTERRUPTIBLE);
			done = sk_wait_event(sk, &timeout, !sk_stream_closing(sk));
			finish_wait(sk_sleep(sk), &wait);
			if (done)
				break;
		} while (!signal_pending(current) && timeout);
	}
}

/**
 * sk_stream_wait_memory - Wait for more memory for a socket
 * @sk: socket to wait for memory
 * @timeo_p: for how long
 */
int sk_stream_wait_memory(struct sock *sk, long *timeo_p)
{
	int err = 0;
	bool noblock = (*timeo_p ? false : true);
	DEFINE_WAIT(wait);

	while (1) {
		if (sk->sk_err || (sk->sk_shutdown & SEND_SHUTDOWN))
			goto do_error;
		if (!*timeo_p) {
			if (noblock)
				set_bit(SOCK_NOSPACE, &sk->sk_socket->flags);
			goto do_nonblock;
		}
		if (signal_pending(current))
			goto do_interrupted;
		if (sk_stream_memory_free(sk))
			break;

		set_bit(SOCK_NOSPACE, &sk->sk_socket->flags);
		prepare_to_wait(sk_sleep(sk), &wait, TASK_INTERRUPTIBLE);
		sk->sk_write_pending++;
		sk_wait_event(sk, timeo_p, sk->sk_err || (sk->sk_shutdown & SEND_SHUTDOWN) ||
			      sk_stream_memory_free(sk));
		finish_wait(sk_sleep(sk), &wait);
		sk->sk_write_pending--;
	}
out:
	return err;

do_error:
	err = -EPIPE;
	goto out;
do_nonblock:
	err = -EAGAIN;
	goto out;
do_interrupted:
	err = sock_intr_errno(*timeo_p);
	goto out;
}

/*
 * The error a failed send returns: a pending socket error wins over EPIPE, and EPIPE also raises
 * SIGPIPE in the writer (POSIX write() on a closed connection) unless MSG_NOSIGNAL.
 */
int sk_stream_error(struct sock *sk, int flags, int err)
{
	if (err == -EPIPE)
		err = sock_error(sk) ? : -EPIPE;
	if (err == -EPIPE && !(flags & MSG_NOSIGNAL))
		send_sig(SIGPIPE, current, 0);
	return err;
}

void sk_stream_kill_queues(struct sock *sk)
{
	/* First the read buffer. */
	skb_queue_purge(&sk->sk_receive_queue);

	/* Next, the error queue. */
	skb_queue_purge(&sk->sk_error_queue);

	/* Next, the write queue. */
	WARN_ON(!skb_queue_empty(&sk->sk_write_queue));

	/* Account for returned memory. */
	sk_mem_reclaim(sk);

	WARN_ON(sk->sk_wmem_queued);
	WARN_ON(sk->sk_forward_alloc);

	/* It is _impossible_ for the backlog to contain anything
	 * when we get here.  All user references to this socket
	 * have gone away, only the net layer knows can touch it.
	 */
}
