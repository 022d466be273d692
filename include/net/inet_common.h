/*
 * The AF_INET socket operations (net/ipv4/af_inet.c) that protocols and proto_ops tables share,
 * as Linux's include/net/inet_common.h.
 */
#ifndef _INET_COMMON_H
#define _INET_COMMON_H

#include <linux/net.h>
#include <net/sock.h>
#include <net/inet_sock.h>

extern const struct proto_ops inet_stream_ops;
extern const struct proto_ops inet_dgram_ops;

int inet_release(struct socket *sock);
int inet_stream_connect(struct socket *sock, struct sockaddr *uaddr, int addr_len, int flags);
int __inet_stream_connect(struct socket *sock, struct sockaddr *uaddr, int addr_len, int flags,
			  int is_sendmsg);
int inet_dgram_connect(struct socket *sock, struct sockaddr *uaddr, int addr_len, int flags);
int inet_accept(struct socket *sock, struct socket *newsock, int flags, bool kern);
int inet_sendmsg(struct socket *sock, struct msghdr *msg, size_t size);
int inet_recvmsg(struct socket *sock, struct msghdr *msg, size_t size, int flags);
int inet_shutdown(struct socket *sock, int how);
int inet_listen(struct socket *sock, int backlog);
void inet_sock_destruct(struct sock *sk);
int inet_bind(struct socket *sock, struct sockaddr *uaddr, int addr_len);
int __inet_bind(struct sock *sk, struct sockaddr *uaddr, int addr_len,
		bool force_bind_address_no_port, bool with_lock);
int inet_getname(struct socket *sock, struct sockaddr *uaddr, int peer);
int inet_ioctl(struct socket *sock, unsigned int cmd, unsigned long arg);

/* net/ipv4/datagram.c: connect() of UDP and ping sockets. */
int __ip4_datagram_connect(struct sock *sk, struct sockaddr *uaddr, int addr_len);
int ip4_datagram_connect(struct sock *sk, struct sockaddr *uaddr, int addr_len);

/* net/ipv4/ip_sockglue.c: SOL_IP options and control messages. */
int ip_setsockopt(struct sock *sk, int level, int optname, char __user *optval,
		  unsigned int optlen);
int ip_getsockopt(struct sock *sk, int level, int optname, char __user *optval,
		  int __user *optlen);
void ip_cmsg_recv(struct msghdr *msg, struct sk_buff *skb);
void ip_icmp_error(struct sock *sk, struct sk_buff *skb, int err, __be16 port, u32 info,
		   u8 *payload);
int ip_recv_error(struct sock *sk, struct msghdr *msg, int len, int *addr_len);

static inline void inet_reset_saddr(struct sock *sk)
{
	inet_sk(sk)->inet_rcv_saddr = inet_sk(sk)->inet_saddr = 0;
}

#endif
