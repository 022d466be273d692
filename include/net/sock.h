/*
 * struct sock: the protocol's half of a socket (the BSD half is struct socket, include/linux/net.h).
 *
 * Nesting, each the first member of the next, so one pointer serves all views:
 *   struct sock_common  <- also the head of request_sock and inet_timewait_sock (hash-table entries)
 *   struct sock         (this file)
 *   struct inet_sock    (include/net/inet_sock.h, inet_sk())
 *   struct inet_connection_sock (include/net/inet_connection_sock.h, inet_csk())
 *   struct tcp_sock     (include/linux/tcp.h, tcp_sk())
 * struct proto (tcp_prot, udp_prot, ping_prot) is the table sk->sk_prot points at.
 *
 * Locking, as in Linux but on one CPU: process context takes lock_sock(sk) (sleeps while another task
 * owns the socket) and release_sock(sk); softirq context takes bh_lock_sock(sk) and, when
 * sock_owned_by_user(sk), must not touch the socket's state: it queues the skb with sk_add_backlog()
 * and release_sock() later feeds it to sk->sk_backlog_rcv (tcp_v4_do_rcv) in process context.
 * Code in net/core/sock.c (allocation, backlog, options, buffers) and net/core/stream.c.
 */
#ifndef _NET_SOCK_H
#define _NET_SOCK_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/refcount.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/timer.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/poll.h>
#include <linux/net.h>
#include <linux/socket.h>
#include <linux/skbuff.h>
#include <net/net_namespace.h>
#include <net/tcp_states.h>
#include <net/dst.h>

struct proto;
struct request_sock_ops;
struct timewait_sock_ops;
struct inet_hashinfo;
struct udp_table;

typedef __u64 __addrpair;
typedef __u32 __portpair;

/*
 * struct sock_common - minimal network layer representation of sockets, shared with request_sock
 * and inet_timewait_sock so the established hash can hold all three.
 * @skc_daddr: foreign IPv4 addr
 * @skc_rcv_saddr: bound local IPv4 addr
 * @skc_hash: hash value used with various protocol lookup tables
 * @skc_dport: placeholder for inet_dport/tw_dport
 * @skc_num: placeholder for inet_num/tw_num (local port, host order)
 * @skc_family: network address family
 * @skc_state: connection state (TCP_*)
 * @skc_reuse: %SO_REUSEADDR setting
 * @skc_bound_dev_if: bound device index if != 0
 * @skc_bind_node: bind hash linkage (inet_bind_bucket owners, UDP port hash)
 * @skc_prot: protocol handlers inside a network family
 * @skc_net: the network namespace (always &init_net)
 * @skc_node: main hash linkage (listening hash, established hash)
 * @skc_refcnt: reference count
 * @skc_flags: place holder for sk_flags (%SO_LINGER, %SO_KEEPALIVE ...)
 */
struct sock_common {
	union {
		__addrpair	skc_addrpair;
		struct {
			__be32	skc_daddr;
			__be32	skc_rcv_saddr;
		};
	};
	union {
		unsigned int	skc_hash;
		__u16		skc_u16hashes[2];
	};
	union {
		__portpair	skc_portpair;
		struct {
			__be16	skc_dport;
			__u16	skc_num;
		};
	};

	unsigned short		skc_family;
	volatile unsigned char	skc_state;
	unsigned char		skc_reuse:4;
	unsigned char		skc_reuseport:1;
	int			skc_bound_dev_if;
	union {
		struct hlist_node	skc_bind_node;
		struct hlist_node	skc_portaddr_node;
	};
	struct proto		*skc_prot;
	struct net		*skc_net;

	union {
		struct hlist_node	skc_node;
		struct hlist_node	skc_nulls_node;	/* Linux: an hlist_nulls_node for RCU lookups */
	};
	union {
		int		skc_incoming_cpu;
		u32		skc_rcv_wnd;
		u32		skc_tw_rcv_nxt;		/* struct tcp_timewait_sock */
	};
	refcount_t		skc_refcnt;

	union {
		unsigned long	skc_flags;
		struct sock	*skc_listener;		/* request_sock */
		struct inet_timewait_death_row *skc_tw_dr; /* inet_timewait_sock */
	};
};

/* The socket lock: owned by a process (lock_sock) or held briefly by softirq (bh_lock_sock). */
typedef struct {
	spinlock_t		slock;
	int			owned;		/* a process holds it; softirq must use the backlog */
	wait_queue_head_t	wq;		/* processes waiting in lock_sock() */
} socket_lock_t;

/*
 * struct sock - network layer representation of sockets (the member names are Linux's)
 * @sk_lock: synchronizer
 * @sk_receive_queue: incoming packets (skb->sk = this, charged to sk_rmem_alloc)
 * @sk_backlog: packets that arrived while a process owned the socket; run by release_sock()
 * @sk_forward_alloc: bytes pre-charged against the protocol's global memory limit, not yet used
 * @sk_rcvbuf / @sk_sndbuf: receive / send buffer limits in bytes (SO_RCVBUF / SO_SNDBUF, doubled)
 * @sk_wq: where readers/writers sleep (points into the struct socket; NULL once orphaned)
 * @sk_dst_cache: destination cache (the route of a connected socket)
 * @sk_wmem_alloc: transmit bytes committed (skbs in flight below the socket), + 1 while alive
 * @sk_wmem_queued: persistent queue size (TCP's unsent + unacked data)
 * @sk_write_queue: packet sending queue
 * @sk_send_head: first not-yet-sent skb on sk_write_queue (TCP)
 * @sk_shutdown: mask of %SEND_SHUTDOWN and/or %RCV_SHUTDOWN
 * @sk_userlocks: %SO_SNDBUF and %SO_RCVBUF settings (SOCK_*_LOCK)
 * @sk_protocol / @sk_type: the socket() arguments
 * @sk_lingertime: %SO_LINGER l_linger setting, in jiffies
 * @sk_err / @sk_err_soft: last error, reported once by sock_error(); soft errors persist
 * @sk_ack_backlog / @sk_max_ack_backlog: listener's accept queue length and its limit
 * @sk_rcvtimeo / @sk_sndtimeo: %SO_RCVTIMEO / %SO_SNDTIMEO in jiffies (MAX_SCHEDULE_TIMEOUT = none)
 * @sk_timer: sock cleanup timer (TCP keepalive, listener SYN-ACK retransmits)
 * @sk_socket: Identd and reporting IO signals
 * @sk_state_change / @sk_data_ready / @sk_write_space / @sk_error_report: callbacks (wake sleepers)
 * @sk_backlog_rcv: callback to process the backlog (tcp_v4_do_rcv, __udp_queue_rcv_skb)
 * @sk_destruct: called at sock freeing time
 */
struct sock {
	struct sock_common	__sk_common;
#define sk_node			__sk_common.skc_node
#define sk_nulls_node		__sk_common.skc_nulls_node
#define sk_refcnt		__sk_common.skc_refcnt
#define sk_copy_start		__sk_common.skc_hash
#define sk_hash			__sk_common.skc_hash
#define sk_portpair		__sk_common.skc_portpair
#define sk_num			__sk_common.skc_num
#define sk_dport		__sk_common.skc_dport
#define sk_addrpair		__sk_common.skc_addrpair
#define sk_daddr		__sk_common.skc_daddr
#define sk_rcv_saddr		__sk_common.skc_rcv_saddr
#define sk_family		__sk_common.skc_family
#define sk_state		__sk_common.skc_state
#define sk_reuse		__sk_common.skc_reuse
#define sk_reuseport		__sk_common.skc_reuseport
#define sk_bound_dev_if		__sk_common.skc_bound_dev_if
#define sk_bind_node		__sk_common.skc_bind_node
#define sk_prot			__sk_common.skc_prot
#define sk_net			__sk_common.skc_net
#define sk_incoming_cpu		__sk_common.skc_incoming_cpu
#define sk_flags		__sk_common.skc_flags
	socket_lock_t		sk_lock;
	atomic_t		sk_drops;
	int			sk_rcvlowat;
	struct sk_buff_head	sk_error_queue;	/* ICMP errors for IP_RECVERR (MSG_ERRQUEUE) */
	struct sk_buff_head	sk_receive_queue;
	struct {
		atomic_t	rmem_alloc;
		int		len;
		struct sk_buff	*head;
		struct sk_buff	*tail;
	} sk_backlog;
#define sk_rmem_alloc sk_backlog.rmem_alloc

	int			sk_forward_alloc;
	int			sk_rcvbuf;
	struct socket_wq	*sk_wq;
	struct dst_entry	*sk_rx_dst;
	struct dst_entry	*sk_dst_cache;
	atomic_t		sk_omem_alloc;
	int			sk_sndbuf;

	int			sk_wmem_queued;
	refcount_t		sk_wmem_alloc;
	struct sk_buff		*sk_send_head;
	struct sk_buff_head	sk_write_queue;
	__s32			sk_peek_off;
	int			sk_write_pending;
	long			sk_sndtimeo;
	struct timer_list	sk_timer;
	__u32			sk_priority;
	__u32			sk_mark;
	gfp_t			sk_allocation;
	unsigned int		sk_kern_sock : 1,
				sk_no_check_tx : 1,
				sk_no_check_rx : 1,
				sk_userlocks : 4,
				sk_protocol  : 8,
				sk_type      : 16;
	u16			sk_gso_max_segs;
	unsigned int		sk_gso_max_size;
	unsigned long		sk_lingertime;
	struct proto		*sk_prot_creator;
	spinlock_t		sk_callback_lock;
	int			sk_err,
				sk_err_soft;
	u32			sk_ack_backlog;
	u32			sk_max_ack_backlog;
	long			sk_rcvtimeo;
	u8			sk_shutdown;
	struct socket		*sk_socket;
	void			*sk_user_data;
	void			(*sk_state_change)(struct sock *sk);
	void			(*sk_data_ready)(struct sock *sk);
	void			(*sk_write_space)(struct sock *sk);
	void			(*sk_error_report)(struct sock *sk);
	int			(*sk_backlog_rcv)(struct sock *sk, struct sk_buff *skb);
	void			(*sk_destruct)(struct sock *sk);
};

/* sk->sk_shutdown */
#define RCV_SHUTDOWN	1
#define SEND_SHUTDOWN	2
#define SHUTDOWN_MASK	3

/* sk->sk_userlocks */
#define SOCK_SNDBUF_LOCK	1
#define SOCK_RCVBUF_LOCK	2
#define SOCK_BINDADDR_LOCK	4
#define SOCK_BINDPORT_LOCK	8

/* sk->sk_reuse */
#define SK_NO_REUSE	0
#define SK_CAN_REUSE	1
#define SK_FORCE_REUSE	2

/* Bits in sk->sk_flags (sock_flag/sock_set_flag/sock_reset_flag). */
enum sock_flags {
	SOCK_DEAD,
	SOCK_DONE,
	SOCK_URGINLINE,
	SOCK_KEEPOPEN,
	SOCK_LINGER,
	SOCK_DESTROY,
	SOCK_BROADCAST,
	SOCK_TIMESTAMP,
	SOCK_ZAPPED,
	SOCK_USE_WRITE_QUEUE,	/* whether to call sk->sk_write_space in sock_wfree */
	SOCK_DBG,		/* %SO_DEBUG setting */
	SOCK_RCVTSTAMP,
	SOCK_LOCALROUTE,	/* route locally only, %SO_DONTROUTE setting */
	SOCK_QUEUE_SHRUNK,	/* write queue has been shrunk recently */
	SOCK_MEMALLOC,
};

/* Buffer sizes (Linux: SK_WMEM_MAX / SK_RMEM_MAX defaults, SOCK_MIN_* floors). */
#define SK_WMEM_MAX		(212992)
#define SK_RMEM_MAX		(212992)
#define SOCK_MIN_SNDBUF		(2048 * 2)
#define SOCK_MIN_RCVBUF		(2048 + 256)	/* TCP_SKB_MIN_TRUESIZE */

/* Memory accounting quantum: sk_forward_alloc is charged to the protocol's pool in these units. */
#define SK_MEM_QUANTUM		4096
#define SK_MEM_QUANTUM_SHIFT	12
#define SK_MEM_SEND		0
#define SK_MEM_RECV		1

/*
 * struct proto - what a transport protocol plugs into the inet socket layer (tcp_prot, udp_prot,
 * ping_prot). inet_create() allocates obj_size bytes from slab and calls init; af_inet.c's proto_ops
 * call the rest. Memory: memory_allocated counts SK_MEM_QUANTUM pages held by all sockets of the
 * protocol, sysctl_mem[] = {min, pressure, max} in pages; above max, allocations fail (a flood of
 * sockets or data cannot exhaust the kernel).
 */
struct proto {
	void			(*close)(struct sock *sk, long timeout);
	int			(*pre_connect)(struct sock *sk, struct sockaddr *uaddr, int addr_len);
	int			(*connect)(struct sock *sk, struct sockaddr *uaddr, int addr_len);
	int			(*disconnect)(struct sock *sk, int flags);
	struct sock *		(*accept)(struct sock *sk, int flags, int *err, bool kern);
	int			(*ioctl)(struct sock *sk, int cmd, unsigned long arg);
	int			(*init)(struct sock *sk);
	void			(*destroy)(struct sock *sk);
	void			(*shutdown)(struct sock *sk, int how);
	void			(*keepalive)(struct sock *sk, int valbool);	/* SO_KEEPALIVE */
	int			(*setsockopt)(struct sock *sk, int level, int optname, char __user *optval,
					      unsigned int optlen);
	int			(*getsockopt)(struct sock *sk, int level, int optname, char __user *optval,
					      int __user *option);
	int			(*sendmsg)(struct sock *sk, struct msghdr *msg, size_t len);
	int			(*recvmsg)(struct sock *sk, struct msghdr *msg, size_t len, int noblock,
					   int flags, int *addr_len);
	int			(*bind)(struct sock *sk, struct sockaddr *uaddr, int addr_len);
	int			(*backlog_rcv)(struct sock *sk, struct sk_buff *skb);
	void			(*release_cb)(struct sock *sk);

	/* Keeping track of sk's, looking them up, and port selection methods. */
	int			(*hash)(struct sock *sk);
	void			(*unhash)(struct sock *sk);
	void			(*rehash)(struct sock *sk);
	int			(*get_port)(struct sock *sk, unsigned short snum);

	/* Memory pressure */
	bool			(*stream_memory_free)(const struct sock *sk);
	void			(*enter_memory_pressure)(struct sock *sk);
	void			(*leave_memory_pressure)(struct sock *sk);
	atomic_long_t		*memory_allocated;	/* Current allocated memory, in pages. */
	unsigned long		*memory_pressure;
	long			*sysctl_mem;		/* {min, pressure, max} in pages */
	int			*sysctl_wmem;		/* {min, default, max} bytes */
	int			*sysctl_rmem;
	int			max_header;
	bool			no_autobind;	/* sendmsg on an unbound socket must not pick a port (TCP) */

	struct kmem_cache	*slab;
	unsigned int		obj_size;
	struct request_sock_ops	*rsk_prot;
	struct timewait_sock_ops *twsk_prot;

	union {
		struct inet_hashinfo	*hashinfo;
		struct udp_table	*udp_table;
	} h;

	struct module		*owner;
	char			name[32];
	struct list_head	node;		/* on proto_list (/proc/net/protocols) */
	int			inuse;		/* open sockets (/proc/net/sockstat) */
};

int proto_register(struct proto *prot, int alloc_slab);
void proto_unregister(struct proto *prot);

/* ---- allocation, references ------------------------------------------------------------- */

struct sock *sk_alloc(struct net *net, int family, gfp_t priority, struct proto *prot, int kern);
void sk_free(struct sock *sk);
void sk_destruct(struct sock *sk);
struct sock *sk_clone_lock(const struct sock *sk, const gfp_t priority);
void sock_init_data(struct socket *sock, struct sock *sk);
void sk_common_release(struct sock *sk);

static inline struct net *sock_net(const struct sock *sk)
{
	return sk->sk_net;
}

static inline void sock_net_set(struct sock *sk, struct net *net)
{
	sk->sk_net = net;
}

/* Grab socket reference count. This operation is valid only when sk is ALREADY grabbed. */
static inline void sock_hold(struct sock *sk)
{
	refcount_inc(&sk->sk_refcnt);
}

/* Ungrab socket in the context which assumes that socket refcnt cannot hit zero. */
static inline void __sock_put(struct sock *sk)
{
	refcount_dec(&sk->sk_refcnt);
}

/* Ungrab socket and destroy it, if it was the last reference (TIME_WAIT and request socks too). */
void sock_gen_put(struct sock *sk);

static inline void sock_put(struct sock *sk)
{
	if (refcount_dec_and_test(&sk->sk_refcnt))
		sk_free(sk);
}

static inline bool sk_fullsock(const struct sock *sk)
{
	return (1 << sk->sk_state) & ~(TCPF_TIME_WAIT | TCPF_NEW_SYN_RECV);
}

/* ---- flags -------------------------------------------------------------------------------- */

static inline void sock_set_flag(struct sock *sk, enum sock_flags flag)
{
	sk->sk_flags |= 1UL << flag;
}

static inline void sock_reset_flag(struct sock *sk, enum sock_flags flag)
{
	sk->sk_flags &= ~(1UL << flag);
}

static inline void sock_valbool_flag(struct sock *sk, enum sock_flags bit, int valbool)
{
	if (valbool)
		sock_set_flag(sk, bit);
	else
		sock_reset_flag(sk, bit);
}

static inline bool sock_flag(const struct sock *sk, enum sock_flags flag)
{
	return sk->sk_flags & (1UL << flag);
}

/* ---- hash-table linkage (inet_hashtables.c, udp.c) ---------------------------------------- */

static inline bool sk_unhashed(const struct sock *sk)
{
	return hlist_unhashed(&sk->sk_node);
}

static inline bool sk_hashed(const struct sock *sk)
{
	return !sk_unhashed(sk);
}

static inline void sk_node_init(struct hlist_node *node)
{
	node->pprev = NULL;
}

/* TCP's tables hold no reference: the socket unhashes itself before it is freed. */
static inline void __sk_add_node(struct sock *sk, struct hlist_head *list)
{
	hlist_add_head(&sk->sk_node, list);
}

static inline bool __sk_del_node_init(struct sock *sk)
{
	if (sk_hashed(sk)) {
		hlist_del_init(&sk->sk_node);
		return true;
	}
	return false;
}

#define __sk_nulls_add_node_rcu(sk, list)	__sk_add_node(sk, list)
#define __sk_nulls_del_node_init_rcu(sk)	__sk_del_node_init(sk)

/* UDP's and ping's tables hold a reference (sock_hold) for as long as the socket is in them. */
static inline void sk_add_node(struct sock *sk, struct hlist_head *list)
{
	sock_hold(sk);
	hlist_add_head(&sk->sk_node, list);
}

static inline bool sk_del_node_init(struct sock *sk)
{
	if (sk_hashed(sk)) {
		hlist_del_init(&sk->sk_node);
		__sock_put(sk);
		return true;
	}
	return false;
}

#define sk_nulls_add_node_rcu(sk, list)	sk_add_node(sk, list)
#define sk_nulls_del_node_init_rcu(sk)	sk_del_node_init(sk)

static inline void sk_add_bind_node(struct sock *sk, struct hlist_head *list)
{
	hlist_add_head(&sk->sk_bind_node, list);
}

static inline void __sk_del_bind_node(struct sock *sk)
{
	hlist_del_init(&sk->sk_bind_node);
}

#define sk_for_each(__sk, list)		hlist_for_each_entry(__sk, list, sk_node)
#define sk_for_each_bound(__sk, list)	hlist_for_each_entry(__sk, list, sk_bind_node)

/* ---- the socket lock and the backlog ------------------------------------------------------ */

void lock_sock_nested(struct sock *sk, int subclass);
static inline void lock_sock(struct sock *sk)
{
	lock_sock_nested(sk, 0);
}
void release_sock(struct sock *sk);
void __release_sock(struct sock *sk);

#define sock_owned_by_user(sk)	((sk)->sk_lock.owned)
#define sock_owned_by_user_nocheck(sk)	((sk)->sk_lock.owned)

/* Softirq side: protects sk state against another softirq user; never sleeps. */
#define bh_lock_sock(__sk)	spin_lock(&((__sk)->sk_lock.slock))
#define bh_lock_sock_nested(__sk) bh_lock_sock(__sk)
#define bh_unlock_sock(__sk)	spin_unlock(&((__sk)->sk_lock.slock))

/* The per-socket backlog limit check: rmem already queued + backlog bytes against limit. */
static inline bool sk_rcvqueues_full(const struct sock *sk, unsigned int limit)
{
	unsigned int qsize = sk->sk_backlog.len + atomic_read(&sk->sk_rmem_alloc);

	return qsize > limit;
}

/* The per-socket spinlock must be held here. -ENOBUFS (and the caller drops) once over limit. */
int sk_add_backlog(struct sock *sk, struct sk_buff *skb, unsigned int limit);

/* Runs sk->sk_backlog_rcv on skb with the socket held by bh_lock_sock; used by __release_sock. */
static inline int sk_backlog_rcv(struct sock *sk, struct sk_buff *skb)
{
	return sk->sk_backlog_rcv(sk, skb);
}

/* Delivers skb to sk from softirq: runs it now, or backlogs it if a process owns the socket. */
int __sk_receive_skb(struct sock *sk, struct sk_buff *skb, const int nested, unsigned int trim_cap,
		     bool refcounted);

/* ---- sleeping and waking ------------------------------------------------------------------ */

static inline wait_queue_head_t *sk_sleep(struct sock *sk)
{
	return &sk->sk_wq->wait;
}

static inline bool skwq_has_sleeper(struct socket_wq *wq)
{
	return wq && waitqueue_active(&wq->wait);
}

/* The sock is being destroyed or handed to accept(): detach it from the struct socket. */
static inline void sk_set_socket(struct sock *sk, struct socket *sock)
{
	sk->sk_socket = sock;
}

static inline void sock_orphan(struct sock *sk)
{
	sock_set_flag(sk, SOCK_DEAD);
	sk_set_socket(sk, NULL);
	sk->sk_wq = NULL;
}

/* accept(): ties the new child sock to its struct socket (Linux: inline; here a breakpoint target). */
void sock_graft(struct sock *sk, struct socket *parent);

static inline long sock_rcvtimeo(const struct sock *sk, bool noblock)
{
	return noblock ? 0 : sk->sk_rcvtimeo;
}

static inline long sock_sndtimeo(const struct sock *sk, bool noblock)
{
	return noblock ? 0 : sk->sk_sndtimeo;
}

/* Wait for `__condition` with the socket released; the caller did prepare_to_wait(sk_sleep(sk)). */
#define sk_wait_event(__sk, __timeo, __condition)				\
	({	int __rc;							\
		release_sock(__sk);						\
		__rc = __condition;						\
		if (!__rc)							\
			*(__timeo) = schedule_timeout(*(__timeo));		\
		lock_sock(__sk);						\
		__rc = __condition;						\
		__rc;								\
	})

int sk_wait_data(struct sock *sk, long *timeo, const struct sk_buff *skb);

/*
 * SIGIO for O_ASYNC sockets. There is no fasync support (fcntl F_SETOWN/O_ASYNC), so nobody can be
 * waiting for the signal; the call stays so callers read as Linux's.
 */
#define SOCK_WAKE_IO		0
#define SOCK_WAKE_WAITD		1
#define SOCK_WAKE_SPACE		2
#define SOCK_WAKE_URG		3
#ifndef POLL_IN			/* si_code of SIGIO (uapi/asm-generic/siginfo.h) */
#define POLL_IN			1
#define POLL_OUT		2
#define POLL_MSG		3
#define POLL_ERR		4
#define POLL_PRI		5
#define POLL_HUP		6
#endif
static inline void sk_wake_async(const struct sock *sk, int how, int band)
{
}

void sock_def_readable(struct sock *sk);
void sock_def_wakeup(struct sock *sk);
void sock_def_write_space(struct sock *sk);
void sock_def_error_report(struct sock *sk);

/* Returns the pending error once (and clears it), as a negative errno; 0 if none. */
static inline int sock_error(struct sock *sk)
{
	int err;

	if (likely(!sk->sk_err))
		return 0;
	err = sk->sk_err;
	sk->sk_err = 0;
	return -err;
}

/* ---- buffers and memory accounting -------------------------------------------------------- */

static inline int sk_wmem_alloc_get(const struct sock *sk)
{
	return refcount_read(&sk->sk_wmem_alloc) - 1;
}

static inline int sk_rmem_alloc_get(const struct sock *sk)
{
	return atomic_read(&sk->sk_rmem_alloc);
}

static inline bool sock_writeable(const struct sock *sk)
{
	return refcount_read(&sk->sk_wmem_alloc) < (unsigned int)(sk->sk_sndbuf >> 1);
}

static inline int sock_wspace(struct sock *sk)
{
	int amt = 0;

	if (!(sk->sk_shutdown & SEND_SHUTDOWN)) {
		amt = sk->sk_sndbuf - refcount_read(&sk->sk_wmem_alloc);
		if (amt < 0)
			amt = 0;
	}
	return amt;
}

static inline int sk_mem_pages(int amt)
{
	return (amt + SK_MEM_QUANTUM - 1) >> SK_MEM_QUANTUM_SHIFT;
}

static inline bool sk_has_account(struct sock *sk)
{
	return !!sk->sk_prot->memory_allocated;
}

int __sk_mem_schedule(struct sock *sk, int size, int kind);
void __sk_mem_reclaim(struct sock *sk, int amount);
long sk_memory_allocated(const struct sock *sk);
bool sk_under_memory_pressure(const struct sock *sk);

static inline bool sk_wmem_schedule(struct sock *sk, int size)
{
	if (!sk_has_account(sk))
		return true;
	return size <= sk->sk_forward_alloc || __sk_mem_schedule(sk, size, SK_MEM_SEND);
}

static inline bool sk_rmem_schedule(struct sock *sk, struct sk_buff *skb, int size)
{
	if (!sk_has_account(sk))
		return true;
	return size <= sk->sk_forward_alloc || __sk_mem_schedule(sk, size, SK_MEM_RECV);
}

static inline void sk_mem_charge(struct sock *sk, int size)
{
	if (!sk_has_account(sk))
		return;
	sk->sk_forward_alloc -= size;
}

static inline void sk_mem_uncharge(struct sock *sk, int size)
{
	if (!sk_has_account(sk))
		return;
	sk->sk_forward_alloc += size;
}

/* Gives whole quanta of sk_forward_alloc back to the protocol's pool. */
static inline void sk_mem_reclaim(struct sock *sk)
{
	if (!sk_has_account(sk))
		return;
	if (sk->sk_forward_alloc >= SK_MEM_QUANTUM)
		__sk_mem_reclaim(sk, sk->sk_forward_alloc);
}

static inline void sk_wmem_queued_add(struct sock *sk, int val)
{
	sk->sk_wmem_queued += val;
}

/* skb ownership: the socket is charged skb->truesize until the skb is freed (destructor). */
void skb_set_owner_w(struct sk_buff *skb, struct sock *sk);
void skb_set_owner_r(struct sk_buff *skb, struct sock *sk);
void sock_wfree(struct sk_buff *skb);
void sock_rfree(struct sk_buff *skb);

/* Allocates a send skb charged to sk (waits for sndbuf space unless noblock: -EAGAIN). */
struct sk_buff *sock_alloc_send_skb(struct sock *sk, unsigned long size, int noblock, int *errcode);

/* Queues skb on sk_receive_queue, charging it; -ENOMEM over sk_rcvbuf or the memory limit. */
int __sock_queue_rcv_skb(struct sock *sk, struct sk_buff *skb);
/* The error queue (IP_RECVERR): queue an error skb / take the oldest one off. */
int sock_queue_err_skb(struct sock *sk, struct sk_buff *skb);
struct sk_buff *sock_dequeue_err_skb(struct sock *sk);
int sock_queue_rcv_skb(struct sock *sk, struct sk_buff *skb);

static inline void sk_drops_add(struct sock *sk, const struct sk_buff *skb)
{
	atomic_inc(&sk->sk_drops);
}

/* ---- destination cache -------------------------------------------------------------------- */

static inline struct dst_entry *__sk_dst_get(struct sock *sk)
{
	return sk->sk_dst_cache;
}

/* Returns the cached route with a reference held (dst_release when done), or NULL. */
static inline struct dst_entry *sk_dst_get(struct sock *sk)
{
	struct dst_entry *dst = sk->sk_dst_cache;

	if (dst)
		dst_hold(dst);
	return dst;
}

/* Takes over the caller's reference on dst. */
static inline void __sk_dst_set(struct sock *sk, struct dst_entry *dst)
{
	struct dst_entry *old_dst = sk->sk_dst_cache;

	sk->sk_dst_cache = dst;
	dst_release(old_dst);
}

static inline void sk_dst_set(struct sock *sk, struct dst_entry *dst)
{
	__sk_dst_set(sk, dst);
}

static inline void __sk_dst_reset(struct sock *sk)
{
	__sk_dst_set(sk, NULL);
}

static inline void sk_dst_reset(struct sock *sk)
{
	sk_dst_set(sk, NULL);
}

/* The cached route, or NULL (and dropped) if it went obsolete (dst->obsolete and check fails). */
struct dst_entry *__sk_dst_check(struct sock *sk, u32 cookie);
struct dst_entry *sk_dst_check(struct sock *sk, u32 cookie);

/* ---- options, ioctl, misc ------------------------------------------------------------------ */

int sock_setsockopt(struct socket *sock, int level, int op, char __user *optval, unsigned int optlen);
int sock_getsockopt(struct socket *sock, int level, int op, char __user *optval, int __user *optlen);
int sock_common_getsockopt(struct socket *sock, int level, int optname, char __user *optval,
			   int __user *optlen);
int sock_common_setsockopt(struct socket *sock, int level, int optname, char __user *optval,
			   unsigned int optlen);
int sock_common_recvmsg(struct socket *sock, struct msghdr *msg, size_t size, int flags);

void sk_reset_timer(struct sock *sk, struct timer_list *timer, unsigned long expires);
void sk_stop_timer(struct sock *sk, struct timer_list *timer);

void sock_prot_inuse_add(struct net *net, struct proto *prot, int val);
int sock_inuse_get(struct net *net);
int sock_prot_inuse_get(struct net *net, struct proto *prot);

/* Enable debug/info messages */
#define SOCK_DEBUG(sk, msg...) net_debug(NET_DBG_SOCK, msg)

/* Caps the socket-wide memory limits (SO_SNDBUF/SO_RCVBUF without privilege): net.core.[wr]mem_max. */
extern int sysctl_wmem_max;
extern int sysctl_rmem_max;
extern int sysctl_wmem_default;
extern int sysctl_rmem_default;

/* ---- datagrams (net/core/datagram.c; Linux declares these in linux/skbuff.h) ----------------- */

int __skb_wait_for_more_packets(struct sock *sk, int *err, long *timeo_p, const struct sk_buff *skb);
struct sk_buff *__skb_try_recv_datagram(struct sock *sk, unsigned int flags, int *peeked,
					int *err, struct sk_buff **last);
struct sk_buff *__skb_recv_datagram(struct sock *sk, unsigned int flags, int *peeked, int *err);
struct sk_buff *skb_recv_datagram(struct sock *sk, unsigned int flags, int noblock, int *err);
void skb_free_datagram(struct sock *sk, struct sk_buff *skb);
int skb_copy_datagram_iter(const struct sk_buff *skb, int offset, struct iov_iter *to, int len);
__poll_t datagram_poll(struct file *file, struct socket *sock, poll_table *wait);

static inline int skb_copy_datagram_msg(const struct sk_buff *from, int offset,
					struct msghdr *msg, int size)
{
	return skb_copy_datagram_iter(from, offset, &msg->msg_iter, size);
}

/* ---- stream sockets (net/core/stream.c) ----------------------------------------------------- */

static inline int sk_stream_min_wspace(const struct sock *sk)
{
	return sk->sk_wmem_queued >> 1;
}

static inline int sk_stream_wspace(const struct sock *sk)
{
	return sk->sk_sndbuf - sk->sk_wmem_queued;
}

static inline bool sk_stream_memory_free(const struct sock *sk)
{
	if (sk->sk_wmem_queued >= sk->sk_sndbuf)
		return false;
	return sk->sk_prot->stream_memory_free ? sk->sk_prot->stream_memory_free(sk) : true;
}

static inline bool sk_stream_is_writeable(const struct sock *sk)
{
	return sk_stream_wspace(sk) >= sk_stream_min_wspace(sk) && sk_stream_memory_free(sk);
}

void sk_stream_write_space(struct sock *sk);
int sk_stream_wait_connect(struct sock *sk, long *timeo_p);
int sk_stream_wait_memory(struct sock *sk, long *timeo_p);
void sk_stream_wait_close(struct sock *sk, long timeo_p);
int sk_stream_error(struct sock *sk, int flags, int err);
void sk_stream_kill_queues(struct sock *sk);

#endif
