/*
 * Generic socket support (Linux net/core/sock.c): the life of a struct sock (sk_alloc from the
 * protocol's slab, sock_init_data, sk_clone_lock, sk_free), the socket lock with its backlog
 * (lock_sock / release_sock: segments that softirq could not process while a process owned the
 * socket run here, through sk->sk_backlog_rcv), sleeping for data (sk_wait_data), the default
 * wake-up callbacks, memory accounting of send/receive buffers against per-protocol limits, and
 * the SOL_SOCKET options (sock_setsockopt/sock_getsockopt).
 *
 * Sits between net/socket.c (system calls) and the protocols (tcp_prot, udp_prot, ping_prot).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/skbuff.h>
#include <linux/sched.h>
#include <linux/poll.h>
#include <linux/bitops.h>
#include <linux/errqueue.h>
#include <net/sock.h>
#include <net/request_sock.h>
#include <net/timewait_sock.h>
#include <uapi/linux/time_types.h>

/* net.core.{w,r}mem_{max,default}: Linux's defaults. */
int sysctl_wmem_max = SK_WMEM_MAX;
int sysctl_rmem_max = SK_RMEM_MAX;
int sysctl_wmem_default = SK_WMEM_MAX;
int sysctl_rmem_default = SK_RMEM_MAX;

static LIST_HEAD(proto_list);

/* ---- protocol registration ------------------------------------------------------------- */

static char *proto_slab_name(const char *prefix, const char *name)
{
	size_t len = strlen(prefix) + strlen(name) + 1;
	char *s = kmalloc(len, GFP_KERNEL);

	if (s)
		snprintf(s, len, "%s%s", prefix, name);
	return s;
}

static int req_prot_init(const struct proto *prot)
{
	struct request_sock_ops *rsk_prot = prot->rsk_prot;

	if (!rsk_prot)
		return 0;
	rsk_prot->slab_name = proto_slab_name("request_sock_", prot->name);
	if (!rsk_prot->slab_name)
		return -ENOMEM;
	rsk_prot->slab = kmem_cache_create(rsk_prot->slab_name, rsk_prot->obj_size, 0,
					   SLAB_HWCACHE_ALIGN, NULL);
	if (!rsk_prot->slab) {
		pr_err("%s: Can't create request sock SLAB cache!\n", prot->name);
		return -ENOMEM;
	}
	return 0;
}

static void req_prot_cleanup(struct request_sock_ops *rsk_prot)
{
	if (!rsk_prot)
		return;
	kmem_cache_destroy(rsk_prot->slab);
	kfree(rsk_prot->slab_name);
	rsk_prot->slab = NULL;
	rsk_prot->slab_name = NULL;
}

static void tw_prot_cleanup(struct timewait_sock_ops *twsk_prot)
{
	if (!twsk_prot)
		return;
	kmem_cache_destroy(twsk_prot->twsk_slab);
	kfree(twsk_prot->twsk_slab_name);
	twsk_prot->twsk_slab = NULL;
	twsk_prot->twsk_slab_name = NULL;
}

/*
 * Registers a protocol: with alloc_slab, its socks come from a kmem_cache named after it ("TCP",
 * "UDP", "PING"), and so do its request and TIME_WAIT socks, so /proc/slabinfo shows each kind.
 */
int proto_register(struct proto *prot, int alloc_slab)
{
	if (alloc_slab) {
		prot->slab = kmem_cache_create(prot->name, prot->obj_size, 0, SLAB_HWCACHE_ALIGN, NULL);
		if (!prot->slab) {
			pr_err("%s: Can't create sock SLAB cache!\n", prot->name);
			goto out;
		}
		if (req_prot_init(prot))
			goto out_free_request_sock_slab;
		if (prot->twsk_prot) {
			prot->twsk_prot->twsk_slab_name = proto_slab_name("tw_sock_", prot->name);
			if (!prot->twsk_prot->twsk_slab_name)
				goto out_free_request_sock_slab;
			prot->twsk_prot->twsk_slab =
				kmem_cache_create(prot->twsk_prot->twsk_slab_name,
						  prot->twsk_prot->twsk_obj_size, 0,
						  SLAB_HWCACHE_ALIGN, NULL);
			if (!prot->twsk_prot->twsk_slab)
				goto out_free_timewait_sock_slab;
		}
	}
	list_add(&prot->node, &proto_list);
	return 0;

out_free_timewait_sock_slab:
	tw_prot_cleanup(prot->twsk_prot);
out_free_request_sock_slab:
	req_prot_cleanup(prot->rsk_prot);
	kmem_cache_destroy(prot->slab);
	prot->slab = NULL;
out:
	return -ENOBUFS;
}

void proto_unregister(struct proto *prot)
{
	list_del(&prot->node);
	kmem_cache_destroy(prot->slab);
	prot->slab = NULL;
	req_prot_cleanup(prot->rsk_prot);
	tw_prot_cleanup(prot->twsk_prot);
}

/* ---- allocation and release of socks ------------------------------------------------------ */

static struct sock *sk_prot_alloc(struct proto *prot, gfp_t priority, int family)
{
	struct sock *sk;

	if (prot->slab)
		sk = kmem_cache_alloc(prot->slab, priority);
	else
		sk = kmalloc(prot->obj_size, priority);
	return sk;
}

static void sk_prot_free(struct proto *prot, struct sock *sk)
{
	if (prot->slab)
		kmem_cache_free(prot->slab, sk);
	else
		kfree(sk);
}

static void sock_lock_init(struct sock *sk)
{
	spin_lock_init(&sk->sk_lock.slock);
	sk->sk_lock.owned = 0;
	init_waitqueue_head(&sk->sk_lock.wq);
}

/**
 *	sk_alloc - All socket objects are allocated here
 *	@net: the applicable net namespace
 *	@family: protocol family
 *	@priority: for allocation (%GFP_KERNEL, %GFP_ATOMIC, etc)
 *	@prot: struct proto associated with this new sock instance
 *	@kern: is this to be a kernel socket?
 */
noinline struct sock *sk_alloc(struct net *net, int family, gfp_t priority, struct proto *prot,
			       int kern)
{
	struct sock *sk;

	sk = sk_prot_alloc(prot, priority | __GFP_ZERO, family);
	if (sk) {
		sk->sk_family = family;
		/*
		 * See comment in struct sock definition to understand
		 * why we need sk_prot_creator -acme
		 */
		sk->sk_prot = sk->sk_prot_creator = prot;
		sk->sk_kern_sock = kern;
		sock_lock_init(sk);
		sock_net_set(sk, net);
		/* One "write" reference for the sock itself: see sk_free() and sock_wfree(). */
		refcount_set(&sk->sk_wmem_alloc, 1);
	}
	return sk;
}

static void __sk_destruct(struct sock *sk)
{
	if (sk->sk_destruct)
		sk->sk_destruct(sk);

	sk_prot_free(sk->sk_prot_creator, sk);
}

void sk_destruct(struct sock *sk)
{
	__sk_destruct(sk);
}

static void __sk_free(struct sock *sk)
{
	sk_destruct(sk);
}

/*
 * The last sock_put() lands here. The memory stays until every skb the socket sent has been freed
 * (they hold sk_wmem_alloc), so a destructor running late from a driver's TX completion is safe.
 */
void sk_free(struct sock *sk)
{
	if (refcount_dec_and_test(&sk->sk_wmem_alloc))
		__sk_free(sk);
}

static void sk_init_common(struct sock *sk)
{
	skb_queue_head_init(&sk->sk_receive_queue);
	skb_queue_head_init(&sk->sk_error_queue);
	skb_queue_head_init(&sk->sk_write_queue);
	spin_lock_init(&sk->sk_callback_lock);
}

/**
 *	sk_clone_lock - clone a socket, and lock its clone
 *	@sk: the socket to clone
 *	@priority: for allocation (%GFP_KERNEL, %GFP_ATOMIC, etc)
 *
 *	Caller must unlock socket even in error path (bh_unlock_sock(newsk))
 */
struct sock *sk_clone_lock(const struct sock *sk, const gfp_t priority)
{
	struct sock *newsk;

	newsk = sk_prot_alloc(sk->sk_prot, priority, sk->sk_family);
	if (!newsk)
		return NULL;

	memcpy(newsk, sk, sk->sk_prot->obj_size);
	newsk->sk_prot_creator = sk->sk_prot;

	/* SANITY */
	sk_node_init(&newsk->sk_node);
	sk_node_init(&newsk->sk_bind_node);
	sock_lock_init(newsk);
	bh_lock_sock(newsk);
	newsk->sk_backlog.head = newsk->sk_backlog.tail = NULL;
	newsk->sk_backlog.len = 0;

	atomic_set(&newsk->sk_rmem_alloc, 0);
	/* sk_wmem_alloc set to one (see sk_free() and sock_wfree()) */
	refcount_set(&newsk->sk_wmem_alloc, 1);
	atomic_set(&newsk->sk_omem_alloc, 0);
	sk_init_common(newsk);

	newsk->sk_dst_cache = NULL;
	newsk->sk_rx_dst = NULL;
	newsk->sk_wmem_queued = 0;
	newsk->sk_forward_alloc = 0;
	atomic_set(&newsk->sk_drops, 0);
	newsk->sk_send_head = NULL;
	newsk->sk_userlocks = sk->sk_userlocks & ~SOCK_BINDPORT_LOCK;

	sock_reset_flag(newsk, SOCK_DONE);
	/* A copied pending timer would share the original's list linkage. */
	timer_setup(&newsk->sk_timer, sk->sk_timer.function, 0);

	newsk->sk_err = 0;
	newsk->sk_err_soft = 0;
	newsk->sk_priority = 0;
	newsk->sk_ack_backlog = 0;

	/* One reference for the new socket itself, one for the caller (tcp_child_process drops it). */
	refcount_set(&newsk->sk_refcnt, 2);

	sk_set_socket(newsk, NULL);
	newsk->sk_wq = NULL;
	return newsk;
}

/* Default sk_destruct: what every sock needs undone (inet_sock_destruct does more for inet). */
static void sock_def_destruct(struct sock *sk)
{
}

noinline void sock_init_data(struct socket *sock, struct sock *sk)
{
	sk_init_common(sk);
	sk->sk_send_head = NULL;

	timer_setup(&sk->sk_timer, NULL, 0);

	sk->sk_allocation = GFP_KERNEL;
	sk->sk_rcvbuf = sysctl_rmem_default;
	sk->sk_sndbuf = sysctl_wmem_default;
	sk->sk_state = TCP_CLOSE;
	sk_set_socket(sk, sock);

	sock_set_flag(sk, SOCK_ZAPPED);

	if (sock) {
		sk->sk_type = sock->type;
		sk->sk_wq = &sock->wq;
		sock->sk = sk;
	} else {
		sk->sk_wq = NULL;
	}

	sk->sk_state_change = sock_def_wakeup;
	sk->sk_data_ready = sock_def_readable;
	sk->sk_write_space = sock_def_write_space;
	sk->sk_error_report = sock_def_error_report;
	sk->sk_destruct = sock_def_destruct;

	sk->sk_peek_off = -1;
	sk->sk_write_pending = 0;
	sk->sk_rcvlowat = 1;
	sk->sk_rcvtimeo = MAX_SCHEDULE_TIMEOUT;
	sk->sk_sndtimeo = MAX_SCHEDULE_TIMEOUT;
	sk->sk_incoming_cpu = -1;

	refcount_set(&sk->sk_refcnt, 1);
	atomic_set(&sk->sk_drops, 0);
}

/* Release of a datagram socket (UDP, ping): close() with nothing to linger for. */
void sk_common_release(struct sock *sk)
{
	if (sk->sk_prot->destroy)
		sk->sk_prot->destroy(sk);

	/*
	 * Observation: when sk_common_release is called, processes have
	 * no access to socket. But net still has.
	 * Step one, detach it from networking:
	 *
	 * A. Remove from hash tables.
	 */
	sk->sk_prot->unhash(sk);

	/*
	 * In this point socket cannot receive new packets, but it is possible
	 * that some packets are in flight because some CPU runs receiver and
	 * did hash table lookup before we unhashed socket. They will achieve
	 * receive queue and will be purged by socket destructor.
	 */
	sock_orphan(sk);
	sock_put(sk);
}

/* The child a listener's accept queue handed over becomes the new file's socket (inet_accept). */
noinline void sock_graft(struct sock *sk, struct socket *parent)
{
	sk->sk_wq = &parent->wq;
	parent->sk = sk;
	sk_set_socket(sk, parent);
}

/* ---- the socket lock and the backlog ------------------------------------------------------ */

/* Sleeps until the process that owns the socket releases it. slock held on entry and exit. */
static void __lock_sock(struct sock *sk)
{
	DEFINE_WAIT(wait);

	for (;;) {
		prepare_to_wait_exclusive(&sk->sk_lock.wq, &wait, TASK_UNINTERRUPTIBLE);
		spin_unlock_bh(&sk->sk_lock.slock);
		schedule();
		spin_lock_bh(&sk->sk_lock.slock);
		if (!sock_owned_by_user(sk))
			break;
	}
	finish_wait(&sk->sk_lock.wq, &wait);
}

noinline void lock_sock_nested(struct sock *sk, int subclass)
{
	spin_lock_bh(&sk->sk_lock.slock);
	if (sk->sk_lock.owned)
		__lock_sock(sk);
	sk->sk_lock.owned = 1;
	spin_unlock_bh(&sk->sk_lock.slock);
}

/*
 * Runs the packets softirq queued while we owned the socket, in arrival order, through
 * sk->sk_backlog_rcv (tcp_v4_do_rcv). Called with slock held (bh off); drops it while processing
 * so new arrivals can join the backlog, and loops until it stays empty.
 */
noinline void __release_sock(struct sock *sk)
{
	struct sk_buff *skb, *next;

	while ((skb = sk->sk_backlog.head) != NULL) {
		sk->sk_backlog.head = sk->sk_backlog.tail = NULL;

		spin_unlock_bh(&sk->sk_lock.slock);

		do {
			next = skb->next;
			skb->next = NULL;
			sk_backlog_rcv(sk, skb);
			skb = next;
		} while (skb != NULL);

		spin_lock_bh(&sk->sk_lock.slock);
	}

	/*
	 * Doing the zeroing here guarantee we can not loop forever
	 * while a wild producer attempts to flood us.
	 */
	sk->sk_backlog.len = 0;
}

noinline void release_sock(struct sock *sk)
{
	spin_lock_bh(&sk->sk_lock.slock);
	if (sk->sk_backlog.tail)
		__release_sock(sk);

	/* Protocols may defer work (timers that fired while we owned the socket) to here. */
	if (sk->sk_prot->release_cb)
		sk->sk_prot->release_cb(sk);

	sk->sk_lock.owned = 0;
	if (waitqueue_active(&sk->sk_lock.wq))
		wake_up(&sk->sk_lock.wq);
	spin_unlock_bh(&sk->sk_lock.slock);
}

/*
 * Queues skb for release_sock() when a process owns the socket. limit bounds the backlog plus the
 * receive queue, so a peer flooding a socket whose owner is slow cannot grow it without bound.
 */
noinline int sk_add_backlog(struct sock *sk, struct sk_buff *skb, unsigned int limit)
{
	if (sk_rcvqueues_full(sk, limit))
		return -ENOBUFS;

	if (!sk->sk_backlog.tail)
		sk->sk_backlog.head = skb;
	else
		sk->sk_backlog.tail->next = skb;

	sk->sk_backlog.tail = skb;
	skb->next = NULL;
	sk->sk_backlog.len += skb->truesize;
	return 0;
}

/*
 * Delivers skb to sk from softirq (datagram protocols): processed now if no process owns the
 * socket, else backlogged. Consumes skb and, if refcounted, the caller's reference on sk.
 */
int __sk_receive_skb(struct sock *sk, struct sk_buff *skb, const int nested, unsigned int trim_cap,
		     bool refcounted)
{
	int rc = 0;

	skb->dev = NULL;

	if (sk_rcvqueues_full(sk, sk->sk_rcvbuf)) {
		atomic_inc(&sk->sk_drops);
		goto discard_and_relse;
	}

	bh_lock_sock(sk);
	if (!sock_owned_by_user(sk)) {
		rc = sk_backlog_rcv(sk, skb);
	} else if (sk_add_backlog(sk, skb, sk->sk_rcvbuf)) {
		bh_unlock_sock(sk);
		atomic_inc(&sk->sk_drops);
		goto discard_and_relse;
	}
	bh_unlock_sock(sk);
out:
	if (refcounted)
		sock_put(sk);
	return rc;
discard_and_relse:
	kfree_skb(skb);
	goto out;
}

/* ---- sleeping and waking ------------------------------------------------------------------ */

/**
 * sk_wait_data - wait for data to arrive at sk_receive_queue
 * @sk:    sock to wait on
 * @timeo: for how long
 * @skb:   last skb seen on sk_receive_queue
 *
 * Now socket state including sk->sk_err is changed only under lock,
 * hence we may omit checks after joining wait queue.
 * We check receive queue before schedule() only as optimization;
 * it is very likely that release_sock() added new data.
 */
noinline int sk_wait_data(struct sock *sk, long *timeo, const struct sk_buff *skb)
{
	DEFINE_WAIT(wait);
	int rc;

	prepare_to_wait(sk_sleep(sk), &wait, TASK_INTERRUPTIBLE);
	rc = sk_wait_event(sk, timeo, skb_peek_tail(&sk->sk_receive_queue) != skb);
	finish_wait(sk_sleep(sk), &wait);
	return rc;
}

/* State changed (connected, closed): wake everybody sleeping on the socket. */
void sock_def_wakeup(struct sock *sk)
{
	struct socket_wq *wq = sk->sk_wq;

	if (skwq_has_sleeper(wq))
		wake_up_interruptible_all(&wq->wait);
}

void sock_def_error_report(struct sock *sk)
{
	struct socket_wq *wq = sk->sk_wq;

	if (skwq_has_sleeper(wq))
		wake_up_interruptible_poll(&wq->wait, EPOLLERR);
	sk_wake_async(sk, SOCK_WAKE_IO, POLL_ERR);
}

noinline void sock_def_readable(struct sock *sk)
{
	struct socket_wq *wq = sk->sk_wq;

	if (skwq_has_sleeper(wq))
		wake_up_interruptible_sync_poll(&wq->wait, EPOLLIN | EPOLLPRI | EPOLLRDNORM | EPOLLRDBAND);
	sk_wake_async(sk, SOCK_WAKE_WAITD, POLL_IN);
}

void sock_def_write_space(struct sock *sk)
{
	struct socket_wq *wq = sk->sk_wq;

	/*
	 * Do not wake up a writer until he can make "significant"
	 * progress.  --DaveM
	 */
	if ((refcount_read(&sk->sk_wmem_alloc) << 1) <= (unsigned int)sk->sk_sndbuf) {
		if (skwq_has_sleeper(wq))
			wake_up_interruptible_sync_poll(&wq->wait, EPOLLOUT | EPOLLWRNORM | EPOLLWRBAND);

		/* Should agree with poll, otherwise some programs break */
		if (sock_writeable(sk))
			sk_wake_async(sk, SOCK_WAKE_SPACE, POLL_OUT);
	}
}

/* ---- memory accounting -------------------------------------------------------------------- */

long sk_memory_allocated(const struct sock *sk)
{
	return atomic_long_read(sk->sk_prot->memory_allocated);
}

bool sk_under_memory_pressure(const struct sock *sk)
{
	return sk->sk_prot->memory_pressure && *sk->sk_prot->memory_pressure;
}

static long sk_prot_mem_limits(const struct sock *sk, int index)
{
	return sk->sk_prot->sysctl_mem[index];
}

static void sk_enter_memory_pressure(struct sock *sk)
{
	if (sk->sk_prot->enter_memory_pressure)
		sk->sk_prot->enter_memory_pressure(sk);
	else if (sk->sk_prot->memory_pressure)
		*sk->sk_prot->memory_pressure = 1;
}

static void sk_leave_memory_pressure(struct sock *sk)
{
	if (sk->sk_prot->leave_memory_pressure)
		sk->sk_prot->leave_memory_pressure(sk);
	else if (sk->sk_prot->memory_pressure)
		*sk->sk_prot->memory_pressure = 0;
}

/* The first sysctl_[wr]mem[0] bytes of every socket are always granted, so one socket makes progress. */
static int sk_get_wmem0(const struct sock *sk)
{
	return sk->sk_prot->sysctl_wmem ? sk->sk_prot->sysctl_wmem[0] : 0;
}

static int sk_get_rmem0(const struct sock *sk)
{
	return sk->sk_prot->sysctl_rmem ? sk->sk_prot->sysctl_rmem[0] : 0;
}

/*
 * Raises the protocol's allocated pages by amt. Below sysctl_mem[0] anything goes; above [1] the
 * protocol is under pressure; above [2] (the hard limit) only a socket's minimal share is granted.
 * Returns 1 if the charge stands, 0 if it was refused and undone.
 */
static int __sk_mem_raise_allocated(struct sock *sk, int size, int amt, int kind)
{
	long allocated;

	atomic_long_add(amt, sk->sk_prot->memory_allocated);
	allocated = sk_memory_allocated(sk);

	/* Under limit. */
	if (allocated <= sk_prot_mem_limits(sk, 0)) {
		sk_leave_memory_pressure(sk);
		return 1;
	}

	/* Under pressure. */
	if (allocated > sk_prot_mem_limits(sk, 1))
		sk_enter_memory_pressure(sk);

	/* Over hard limit. */
	if (allocated > sk_prot_mem_limits(sk, 2))
		goto suppress_allocation;

	/* guarantee minimum buffer size under pressure */
	if (kind == SK_MEM_RECV) {
		if (atomic_read(&sk->sk_rmem_alloc) < sk_get_rmem0(sk))
			return 1;
	} else { /* SK_MEM_SEND */
		int wmem0 = sk_get_wmem0(sk);

		if (sk->sk_type == SOCK_STREAM) {
			if (sk->sk_wmem_queued < wmem0)
				return 1;
		} else if (refcount_read(&sk->sk_wmem_alloc) < (unsigned int)wmem0) {
			return 1;
		}
	}

	/* Between pressure and the hard limit: fine while the socket keeps within its fair share. */
	if (allocated <= sk_prot_mem_limits(sk, 2) && !sk_under_memory_pressure(sk))
		return 1;
	if (allocated <= sk_prot_mem_limits(sk, 2) &&
	    sk_mem_pages(sk->sk_wmem_queued + atomic_read(&sk->sk_rmem_alloc) +
			 sk->sk_forward_alloc) * 8 < sk_prot_mem_limits(sk, 2))
		return 1;

suppress_allocation:
	atomic_long_sub(amt, sk->sk_prot->memory_allocated);
	return 0;
}

/**
 *	__sk_mem_schedule - increase sk_forward_alloc and memory_allocated
 *	@sk: socket
 *	@size: memory size to allocate
 *	@kind: allocation type
 *
 *	If kind is SK_MEM_SEND, it means wmem allocation. Otherwise it means
 *	rmem allocation. This function assumes that protocols which have
 *	memory_pressure use sk_wmem_queued as write buffer accounting.
 */
int __sk_mem_schedule(struct sock *sk, int size, int kind)
{
	int ret, amt = sk_mem_pages(size);

	sk->sk_forward_alloc += amt << SK_MEM_QUANTUM_SHIFT;
	ret = __sk_mem_raise_allocated(sk, size, amt, kind);
	if (!ret)
		sk->sk_forward_alloc -= amt << SK_MEM_QUANTUM_SHIFT;
	return ret;
}

/**
 *	__sk_mem_reclaim - reclaim sk_forward_alloc and memory_allocated
 *	@sk: socket
 *	@amount: number of bytes (rounded down to a SK_MEM_QUANTUM multiple)
 */
void __sk_mem_reclaim(struct sock *sk, int amount)
{
	amount >>= SK_MEM_QUANTUM_SHIFT;
	sk->sk_forward_alloc -= amount << SK_MEM_QUANTUM_SHIFT;
	atomic_long_sub(amount, sk->sk_prot->memory_allocated);

	if (sk_under_memory_pressure(sk) &&
	    sk_memory_allocated(sk) < sk_prot_mem_limits(sk, 0))
		sk_leave_memory_pressure(sk);
}

/* ---- skb ownership ------------------------------------------------------------------------ */

/*
 * Write buffer destructor automatically called from kfree_skb.
 */
void sock_wfree(struct sk_buff *skb)
{
	struct sock *sk = skb->sk;
	unsigned int len = skb->truesize;

	if (!sock_flag(sk, SOCK_USE_WRITE_QUEUE)) {
		/*
		 * Keep a reference on sk_wmem_alloc, this will be released
		 * after sk_write_space() call
		 */
		refcount_sub_and_test(len - 1, &sk->sk_wmem_alloc);
		sk->sk_write_space(sk);
		len = 1;
	}
	/*
	 * if sk_wmem_alloc reaches 0, we must finish what sk_free()
	 * could not do because of in-flight packets
	 */
	if (refcount_sub_and_test(len, &sk->sk_wmem_alloc))
		__sk_free(sk);
}

void skb_set_owner_w(struct sk_buff *skb, struct sock *sk)
{
	skb_orphan(skb);
	skb->sk = sk;
	skb->destructor = sock_wfree;
	/*
	 * We used to take a refcount on sk, but following operation
	 * is enough to guarantee sk_free() wont free this sock until
	 * all in-flight packets are completed
	 */
	refcount_add(skb->truesize, &sk->sk_wmem_alloc);
}

/*
 * Read buffer destructor automatically called from kfree_skb.
 */
void sock_rfree(struct sk_buff *skb)
{
	struct sock *sk = skb->sk;
	unsigned int len = skb->truesize;

	atomic_sub(len, &sk->sk_rmem_alloc);
	sk_mem_uncharge(sk, len);
}

void skb_set_owner_r(struct sk_buff *skb, struct sock *sk)
{
	skb_orphan(skb);
	skb->sk = sk;
	skb->destructor = sock_rfree;
	atomic_add(skb->truesize, &sk->sk_rmem_alloc);
	sk_mem_charge(sk, skb->truesize);
}

/*
 *	It is almost wait_for_tcp_memory minus release_sock/lock_sock.
 *	I think, these locks should be removed for datagram sockets.
 */
static long sock_wait_for_wmem(struct sock *sk, long timeo)
{
	DEFINE_WAIT(wait);

	for (;;) {
		if (!timeo)
			break;
		if (signal_pending(current))
			break;
		set_bit(SOCK_NOSPACE, &sk->sk_socket->flags);
		prepare_to_wait(sk_sleep(sk), &wait, TASK_INTERRUPTIBLE);
		if (refcount_read(&sk->sk_wmem_alloc) < (unsigned int)sk->sk_sndbuf)
			break;
		if (sk->sk_shutdown & SEND_SHUTDOWN)
			break;
		if (sk->sk_err)
			break;
		timeo = schedule_timeout(timeo);
	}
	finish_wait(sk_sleep(sk), &wait);
	return timeo;
}

/*
 * Generic send/receive buffer handlers: an skb of size bytes charged to sk's send buffer, waiting
 * (up to SO_SNDTIMEO) while the buffer is full; -EAGAIN when noblock, -EPIPE after shutdown.
 */
struct sk_buff *sock_alloc_send_skb(struct sock *sk, unsigned long size, int noblock, int *errcode)
{
	struct sk_buff *skb;
	long timeo;
	int err;

	timeo = sock_sndtimeo(sk, noblock);
	for (;;) {
		err = sock_error(sk);
		if (err != 0)
			goto failure;

		err = -EPIPE;
		if (sk->sk_shutdown & SEND_SHUTDOWN)
			goto failure;

		if (refcount_read(&sk->sk_wmem_alloc) < (unsigned int)sk->sk_sndbuf)
			break;

		set_bit(SOCK_NOSPACE, &sk->sk_socket->flags);
		err = -EAGAIN;
		if (!timeo)
			goto failure;
		if (signal_pending(current))
			goto interrupted;
		timeo = sock_wait_for_wmem(sk, timeo);
	}
	skb = alloc_skb(size, sk->sk_allocation);
	if (!skb) {
		err = -ENOBUFS;
		goto failure;
	}
	skb_set_owner_w(skb, sk);
	return skb;

interrupted:
	err = sock_intr_errno(timeo);
failure:
	*errcode = err;
	return NULL;
}

/*
 * Queues a received datagram: refused (-ENOMEM, counted in sk_drops by the caller) when the
 * receive buffer is full or the protocol's memory is exhausted (-ENOBUFS).
 */
int __sock_queue_rcv_skb(struct sock *sk, struct sk_buff *skb)
{
	struct sk_buff_head *list = &sk->sk_receive_queue;
	unsigned long flags;

	if (atomic_read(&sk->sk_rmem_alloc) >= sk->sk_rcvbuf) {
		atomic_inc(&sk->sk_drops);
		return -ENOMEM;
	}

	if (!sk_rmem_schedule(sk, skb, skb->truesize)) {
		atomic_inc(&sk->sk_drops);
		return -ENOBUFS;
	}

	skb->dev = NULL;
	skb_set_owner_r(skb, sk);

	spin_lock_irqsave(&list->lock, flags);
	__skb_queue_tail(list, skb);
	spin_unlock_irqrestore(&list->lock, flags);

	if (!sock_flag(sk, SOCK_DEAD))
		sk->sk_data_ready(sk);
	return 0;
}

int sock_queue_rcv_skb(struct sock *sk, struct sk_buff *skb)
{
	return __sock_queue_rcv_skb(sk, skb);
}

/* An error skb counts against the receive buffer, but not against the protocol's memory pool. */
static void sock_rmem_free(struct sk_buff *skb)
{
	struct sock *sk = skb->sk;

	atomic_sub(skb->truesize, &sk->sk_rmem_alloc);
}

/*
 * Note: We dont mem charge error packets (no sk_forward_alloc changes)
 */
int sock_queue_err_skb(struct sock *sk, struct sk_buff *skb)
{
	if (atomic_read(&sk->sk_rmem_alloc) + skb->truesize >= (unsigned int)sk->sk_rcvbuf)
		return -ENOMEM;

	skb_orphan(skb);
	skb->sk = sk;
	skb->destructor = sock_rmem_free;
	atomic_add(skb->truesize, &sk->sk_rmem_alloc);

	skb_queue_tail(&sk->sk_error_queue, skb);
	if (!sock_flag(sk, SOCK_DEAD))
		sk->sk_error_report(sk);
	return 0;
}

/* The oldest error; sk_err becomes the next one's errno, so a plain read still reports it. */
struct sk_buff *sock_dequeue_err_skb(struct sock *sk)
{
	struct sk_buff_head *q = &sk->sk_error_queue;
	struct sk_buff *skb, *skb_next = NULL;
	unsigned long flags;
	int err = 0;

	spin_lock_irqsave(&q->lock, flags);
	skb = __skb_dequeue(q);
	if (skb && (skb_next = skb_peek(q))) {
		err = SKB_EXT_ERR(skb_next)->ee.ee_errno;
		if (err)
			sk->sk_err = err;
	}
	spin_unlock_irqrestore(&q->lock, flags);

	if (err)
		sk->sk_error_report(sk);
	return skb;
}

/* ---- destination cache -------------------------------------------------------------------- */

struct dst_entry *__sk_dst_check(struct sock *sk, u32 cookie)
{
	struct dst_entry *dst = __sk_dst_get(sk);

	if (dst && dst->obsolete && dst->ops->check(dst, cookie) == NULL) {
		sk->sk_dst_cache = NULL;
		dst_release(dst);
		return NULL;
	}
	return dst;
}

struct dst_entry *sk_dst_check(struct sock *sk, u32 cookie)
{
	struct dst_entry *dst = sk_dst_get(sk);

	if (dst && dst->obsolete && dst->ops->check(dst, cookie) == NULL) {
		sk_dst_reset(sk);
		dst_release(dst);
		return NULL;
	}
	return dst;
}

/* ---- timers ------------------------------------------------------------------------------- */

/* A pending timer holds a reference on its socket, so the callback never sees a freed sock. */
void sk_reset_timer(struct sock *sk, struct timer_list *timer, unsigned long expires)
{
	if (!mod_timer(timer, expires))
		sock_hold(sk);
}

void sk_stop_timer(struct sock *sk, struct timer_list *timer)
{
	if (del_timer(timer))
		__sock_put(sk);
}

/* ---- socket options (SOL_SOCKET) ---------------------------------------------------------- */

#define USEC_PER_SEC	1000000L

static int sock_set_timeout(long *timeo_p, char __user *optval, int optlen)
{
	struct __kernel_old_timeval tv;

	if (optlen < (int)sizeof(tv))
		return -EINVAL;
	if (copy_from_user(&tv, optval, sizeof(tv)))
		return -EFAULT;
	if (tv.tv_usec < 0 || tv.tv_usec >= USEC_PER_SEC)
		return -EDOM;

	if (tv.tv_sec < 0) {
		*timeo_p = 0;
		return 0;
	}
	*timeo_p = MAX_SCHEDULE_TIMEOUT;
	if (tv.tv_sec == 0 && tv.tv_usec == 0)
		return 0;
	if (tv.tv_sec < (MAX_SCHEDULE_TIMEOUT / HZ - 1))
		*timeo_p = tv.tv_sec * HZ + DIV_ROUND_UP((unsigned long)tv.tv_usec, USEC_PER_SEC / HZ);
	return 0;
}

static void sock_get_timeout(long timeo, struct __kernel_old_timeval *tv)
{
	if (timeo == MAX_SCHEDULE_TIMEOUT) {
		tv->tv_sec = 0;
		tv->tv_usec = 0;
	} else {
		tv->tv_sec = timeo / HZ;
		tv->tv_usec = ((timeo % HZ) * USEC_PER_SEC) / HZ;
	}
}

/*
 *	This is meant for all protocols to use and covers goings on
 *	at the socket level. Everything here is generic.
 */
noinline int sock_setsockopt(struct socket *sock, int level, int optname, char __user *optval,
			     unsigned int optlen)
{
	struct sock *sk = sock->sk;
	int val;
	int valbool;
	struct linger ling;
	int ret = 0;

	if (optlen < sizeof(int))
		return -EINVAL;

	if (get_user(val, (int __user *)optval))
		return -EFAULT;

	valbool = val ? 1 : 0;

	lock_sock(sk);

	switch (optname) {
	case SO_DEBUG:
		sock_valbool_flag(sk, SOCK_DBG, valbool);
		break;
	case SO_REUSEADDR:
		sk->sk_reuse = (valbool ? SK_CAN_REUSE : SK_NO_REUSE);
		break;
	case SO_DONTROUTE:
		sock_valbool_flag(sk, SOCK_LOCALROUTE, valbool);
		sk_dst_reset(sk);
		break;
	case SO_BROADCAST:
		sock_valbool_flag(sk, SOCK_BROADCAST, valbool);
		break;
	case SO_SNDBUF:
		/*
		 * Don't error on this BSD doesn't and if you think
		 * about it this is right. Otherwise apps have to
		 * play 'guess the biggest size' games. RCVBUF/SNDBUF
		 * are treated in BSD as hints
		 */
		val = min_t(u32, val, sysctl_wmem_max);
		sk->sk_userlocks |= SOCK_SNDBUF_LOCK;
		/* Doubled: the kernel counts skb overhead (truesize) against the buffer, not just data. */
		sk->sk_sndbuf = max_t(int, val * 2, SOCK_MIN_SNDBUF);
		/* Wake up sending tasks if we upped the value. */
		sk->sk_write_space(sk);
		break;
	case SO_RCVBUF:
		val = min_t(u32, val, sysctl_rmem_max);
		sk->sk_userlocks |= SOCK_RCVBUF_LOCK;
		sk->sk_rcvbuf = max_t(int, val * 2, SOCK_MIN_RCVBUF);
		break;
	case SO_KEEPALIVE:
		if (sk->sk_prot->keepalive)
			sk->sk_prot->keepalive(sk, valbool);
		sock_valbool_flag(sk, SOCK_KEEPOPEN, valbool);
		break;
	case SO_OOBINLINE:
		sock_valbool_flag(sk, SOCK_URGINLINE, valbool);
		break;
	case SO_NO_CHECK:
		sk->sk_no_check_tx = valbool;
		break;
	case SO_PRIORITY:
		/* Without CAP_NET_ADMIN Linux allows 0..6; there are no capabilities here. */
		if (val >= 0 && val <= 6)
			sk->sk_priority = val;
		else
			ret = -EPERM;
		break;
	case SO_LINGER:
		if (optlen < sizeof(ling)) {
			ret = -EINVAL;	/* 1003.1g */
			break;
		}
		if (copy_from_user(&ling, optval, sizeof(ling))) {
			ret = -EFAULT;
			break;
		}
		if (!ling.l_onoff) {
			sock_reset_flag(sk, SOCK_LINGER);
		} else {
			/* 64-bit: any l_linger in seconds fits in jiffies. */
			sk->sk_lingertime = (unsigned long)(unsigned int)ling.l_linger * HZ;
			sock_set_flag(sk, SOCK_LINGER);
		}
		break;
	case SO_RCVLOWAT:
		if (val < 0)
			val = INT_MAX;
		sk->sk_rcvlowat = val ? : 1;
		break;
	case SO_RCVTIMEO:
		ret = sock_set_timeout(&sk->sk_rcvtimeo, optval, optlen);
		break;
	case SO_SNDTIMEO:
		ret = sock_set_timeout(&sk->sk_sndtimeo, optval, optlen);
		break;
	default:
		ret = -ENOPROTOOPT;
		break;
	}
	release_sock(sk);
	return ret;
}

noinline int sock_getsockopt(struct socket *sock, int level, int optname, char __user *optval,
			     int __user *optlen)
{
	struct sock *sk = sock->sk;
	union {
		int val;
		struct linger ling;
		struct __kernel_old_timeval tm;
	} v;
	int lv = sizeof(int);
	int len = 0;

	if (get_user(len, optlen))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;

	memset(&v, 0, sizeof(v));

	switch (optname) {
	case SO_DEBUG:
		v.val = sock_flag(sk, SOCK_DBG);
		break;
	case SO_DONTROUTE:
		v.val = sock_flag(sk, SOCK_LOCALROUTE);
		break;
	case SO_BROADCAST:
		v.val = sock_flag(sk, SOCK_BROADCAST);
		break;
	case SO_SNDBUF:
		v.val = sk->sk_sndbuf;
		break;
	case SO_RCVBUF:
		v.val = sk->sk_rcvbuf;
		break;
	case SO_REUSEADDR:
		v.val = sk->sk_reuse;
		break;
	case SO_KEEPALIVE:
		v.val = sock_flag(sk, SOCK_KEEPOPEN);
		break;
	case SO_TYPE:
		v.val = sk->sk_type;
		break;
	case SO_PROTOCOL:
		v.val = sk->sk_protocol;
		break;
	case SO_DOMAIN:
		v.val = sk->sk_family;
		break;
	case SO_ERROR:
		v.val = -sock_error(sk);
		if (v.val == 0) {
			v.val = sk->sk_err_soft;
			sk->sk_err_soft = 0;
		}
		break;
	case SO_OOBINLINE:
		v.val = sock_flag(sk, SOCK_URGINLINE);
		break;
	case SO_NO_CHECK:
		v.val = sk->sk_no_check_tx;
		break;
	case SO_PRIORITY:
		v.val = sk->sk_priority;
		break;
	case SO_LINGER:
		lv = sizeof(v.ling);
		v.ling.l_onoff = sock_flag(sk, SOCK_LINGER);
		v.ling.l_linger = sk->sk_lingertime / HZ;
		break;
	case SO_RCVTIMEO:
		lv = sizeof(struct __kernel_old_timeval);
		sock_get_timeout(sk->sk_rcvtimeo, &v.tm);
		break;
	case SO_SNDTIMEO:
		lv = sizeof(struct __kernel_old_timeval);
		sock_get_timeout(sk->sk_sndtimeo, &v.tm);
		break;
	case SO_RCVLOWAT:
		v.val = sk->sk_rcvlowat;
		break;
	case SO_SNDLOWAT:
		v.val = 1;
		break;
	case SO_ACCEPTCONN:
		v.val = sk->sk_state == TCP_LISTEN;
		break;
	default:
		/* We implement the SO_SNDLOWAT etc to not be settable (1003.1g 7). */
		return -ENOPROTOOPT;
	}

	if (len > lv)
		len = lv;
	if (copy_to_user(optval, &v, len))
		return -EFAULT;
	if (put_user(len, optlen))
		return -EFAULT;
	return 0;
}

/*
 *	Get a socket option on an socket.
 *
 *	FIX: POSIX 1003.1g is very ambiguous here. It states that
 *	asynchronous errors should be reported by getsockopt. We assume
 *	this means if you specify SO_ERROR (otherwise whats the point of it).
 */
int sock_common_getsockopt(struct socket *sock, int level, int optname, char __user *optval,
			   int __user *optlen)
{
	struct sock *sk = sock->sk;

	return sk->sk_prot->getsockopt(sk, level, optname, optval, optlen);
}

int sock_common_recvmsg(struct socket *sock, struct msghdr *msg, size_t size, int flags)
{
	struct sock *sk = sock->sk;
	int addr_len = 0;
	int err;

	err = sk->sk_prot->recvmsg(sk, msg, size, flags & MSG_DONTWAIT, flags & ~MSG_DONTWAIT,
				   &addr_len);
	if (err >= 0)
		msg->msg_namelen = addr_len;
	return err;
}

int sock_common_setsockopt(struct socket *sock, int level, int optname, char __user *optval,
			   unsigned int optlen)
{
	struct sock *sk = sock->sk;

	return sk->sk_prot->setsockopt(sk, level, optname, optval, optlen);
}

/* ---- proto_ops fallbacks ------------------------------------------------------------------ */

int sock_no_socketpair(struct socket *sock1, struct socket *sock2)
{
	return -EOPNOTSUPP;
}

int sock_no_accept(struct socket *sock, struct socket *newsock, int flags, bool kern)
{
	return -EOPNOTSUPP;
}

int sock_no_listen(struct socket *sock, int backlog)
{
	return -EOPNOTSUPP;
}

/* ---- statistics --------------------------------------------------------------------------- */

void sock_prot_inuse_add(struct net *net, struct proto *prot, int val)
{
	prot->inuse += val;
}

int sock_prot_inuse_get(struct net *net, struct proto *prot)
{
	return prot->inuse;
}
