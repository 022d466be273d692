/*
 * The BSD socket as the VFS sees it: struct socket (one per socket file descriptor) and the per-family
 * operation tables. A system call in net/socket.c finds the struct socket behind the fd and calls
 * sock->ops->bind/connect/... (inet_stream_ops, inet_dgram_ops in net/ipv4/af_inet.c); those reach the
 * protocol through sock->sk->sk_prot (struct proto, include/net/sock.h).
 */
#ifndef _LINUX_NET_H
#define _LINUX_NET_H

#include <linux/types.h>
#include <linux/wait.h>
#include <linux/fs.h>
#include <linux/socket.h>

struct poll_table_struct;
struct sock;
struct net;
struct module;

#define NPROTO		AF_MAX

/* sock->state: the BSD socket's view, coarser than sk->sk_state (TCP_*). */
typedef enum {
	SS_FREE = 0,		/* not allocated */
	SS_UNCONNECTED,		/* unconnected to any socket */
	SS_CONNECTING,		/* in process of connecting */
	SS_CONNECTED,		/* connected to socket */
	SS_DISCONNECTING	/* in process of disconnecting */
} socket_state;

/* Bits in sock->flags and sock->wq.flags. */
#define SOCKWQ_ASYNC_NOSPACE	0
#define SOCKWQ_ASYNC_WAITDATA	1
#define SOCK_NOSPACE		2
#define SOCK_PASSCRED		3
#define SOCK_PASSSEC		4

/* Where sleepers on a socket wait: readers, writers, connect() and accept() alike. */
struct socket_wq {
	wait_queue_head_t	wait;
	unsigned long		flags;	/* SOCKWQ_ASYNC_* */
};

/*
 * struct socket - general BSD socket
 * @state: socket state (%SS_CONNECTED, etc)
 * @type: socket type (%SOCK_STREAM, etc)
 * @flags: socket flags (%SOCK_NOSPACE, etc)
 * @file: the file this socket is bound to (NULL for kernel sockets and while accept() builds one)
 * @sk: the protocol's socket (struct sock)
 * @ops: protocol specific socket operations
 * @wq: wait queue, shared with sk->sk_wq (Linux >= 5.3 embeds it the same way)
 */
struct socket {
	socket_state		state;
	short			type;
	unsigned long		flags;
	struct file		*file;
	struct sock		*sk;
	const struct proto_ops	*ops;
	struct socket_wq	wq;
};

struct proto_ops {
	int		family;
	struct module	*owner;
	int		(*release)(struct socket *sock);
	int		(*bind)(struct socket *sock, struct sockaddr *myaddr, int sockaddr_len);
	int		(*connect)(struct socket *sock, struct sockaddr *vaddr, int sockaddr_len, int flags);
	int		(*socketpair)(struct socket *sock1, struct socket *sock2);
	int		(*accept)(struct socket *sock, struct socket *newsock, int flags, bool kern);
	/* Returns the address length written, or a negative errno (Linux >= 4.17). */
	int		(*getname)(struct socket *sock, struct sockaddr *addr, int peer);
	__poll_t	(*poll)(struct file *file, struct socket *sock, struct poll_table_struct *wait);
	int		(*ioctl)(struct socket *sock, unsigned int cmd, unsigned long arg);
	int		(*listen)(struct socket *sock, int len);
	int		(*shutdown)(struct socket *sock, int flags);
	int		(*setsockopt)(struct socket *sock, int level, int optname, char __user *optval,
				      unsigned int optlen);
	int		(*getsockopt)(struct socket *sock, int level, int optname, char __user *optval,
				      int __user *optlen);
	int		(*sendmsg)(struct socket *sock, struct msghdr *m, size_t total_len);
	int		(*recvmsg)(struct socket *sock, struct msghdr *m, size_t total_len, int flags);
};

struct net_proto_family {
	int		family;
	int		(*create)(struct net *net, struct socket *sock, int protocol, int kern);
	struct module	*owner;
};

int sock_register(const struct net_proto_family *fam);
void sock_unregister(int family);
bool sock_is_registered(int family);

struct socket *sock_alloc(void);
int __sock_create(struct net *net, int family, int type, int protocol, struct socket **res, int kern);
int sock_create(int family, int type, int protocol, struct socket **res);
int sock_create_kern(struct net *net, int family, int type, int protocol, struct socket **res);
void sock_release(struct socket *sock);
int sock_sendmsg(struct socket *sock, struct msghdr *msg);
int sock_recvmsg(struct socket *sock, struct msghdr *msg, int flags);
struct file *sock_alloc_file(struct socket *sock, int flags, const char *dname);
struct socket *sockfd_lookup(int fd, int *err);
struct socket *sock_from_file(struct file *file, int *err);

/* In-kernel users (tests, ipconfig): the same paths with kernel buffers. */
int kernel_sendmsg(struct socket *sock, struct msghdr *msg, struct kvec *vec, size_t num, size_t len);
int kernel_recvmsg(struct socket *sock, struct msghdr *msg, struct kvec *vec, size_t num, size_t len,
		   int flags);
int kernel_bind(struct socket *sock, struct sockaddr *addr, int addrlen);
int kernel_connect(struct socket *sock, struct sockaddr *addr, int addrlen, int flags);

/* Fallbacks for proto_ops a family does not support, as Linux's sock_no_*. */
int sock_no_socketpair(struct socket *sock1, struct socket *sock2);
int sock_no_accept(struct socket *sock, struct socket *newsock, int flags, bool kern);
int sock_no_listen(struct socket *sock, int backlog);

#endif
