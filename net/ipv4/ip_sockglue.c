/*
 * INET		An implementation of the TCP/IP protocol suite for the LINUX operating system.
 *		The IP to API glue (Linux net/ipv4/ip_sockglue.c).
 *
 * setsockopt/getsockopt at level SOL_IP for every inet socket (udp_setsockopt and TCP's
 * icsk_af_ops->setsockopt come here for levels other than their own): the unicast TTL and TOS of
 * outgoing packets, path-MTU discovery mode, multicast TTL/loop, and the control messages recvmsg
 * may return (IP_RECVTTL -> an IP_TTL cmsg with the received packet's TTL, as ping shows it).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <linux/ip.h>
#include <net/sock.h>
#include <net/inet_sock.h>
#include <net/inet_common.h>
#include <net/ip.h>
#include <linux/icmp.h>
#include <linux/errqueue.h>
#include <uapi/linux/in.h>

/* inet->cmsg_flags */
#define IP_CMSG_TTL	BIT(1)
#define IP_CMSG_TOS	BIT(2)

/* Control messages for a datagram being received (udp_recvmsg, ping_recvmsg). */
void ip_cmsg_recv(struct msghdr *msg, struct sk_buff *skb)
{
	struct inet_sock *inet = inet_sk(skb->sk);
	unsigned int flags = inet->cmsg_flags;

	if (flags & IP_CMSG_TTL) {
		int hlim = ip_hdr(skb)->ttl;

		put_cmsg(msg, SOL_IP, IP_TTL, sizeof(int), &hlim);
	}
	if (flags & IP_CMSG_TOS)
		put_cmsg(msg, SOL_IP, IP_TOS, 1, &ip_hdr(skb)->tos);
}

/*
 * IP_RECVERR: an ICMP error about one of sk's packets is queued on sk_error_queue (a clone of the
 * ICMP packet, pulled to payload: the start of the offending packet's transport data), for
 * recvmsg(MSG_ERRQUEUE). port is the original destination port (0 for ping).
 */
void ip_icmp_error(struct sock *sk, struct sk_buff *skb, int err, __be16 port, u32 info, u8 *payload)
{
	struct sock_exterr_skb *serr;

	skb = skb_clone(skb, GFP_ATOMIC);
	if (!skb)
		return;

	serr = SKB_EXT_ERR(skb);
	serr->ee.ee_errno = err;
	serr->ee.ee_origin = SO_EE_ORIGIN_ICMP;
	serr->ee.ee_type = icmp_hdr(skb)->type;
	serr->ee.ee_code = icmp_hdr(skb)->code;
	serr->ee.ee_pad = 0;
	serr->ee.ee_info = info;
	serr->ee.ee_data = 0;
	serr->addr_offset = (u8 *)&(((struct iphdr *)(icmp_hdr(skb) + 1))->daddr) -
			    skb_network_header(skb);
	serr->port = port;

	if (skb_pull(skb, payload - skb->data)) {
		skb_reset_transport_header(skb);
		if (sock_queue_err_skb(sk, skb) == 0)
			return;
	}
	kfree_skb(skb);
}

/*
 *	Handle MSG_ERRQUEUE: the offending packet's payload, its original destination in msg_name
 *	(when it had a port), and an IP_RECVERR control message: the sock_extended_err followed by
 *	the address of the host that sent the ICMP error.
 */
int ip_recv_error(struct sock *sk, struct msghdr *msg, int len, int *addr_len)
{
	struct sock_exterr_skb *serr;
	struct sk_buff *skb;
	struct sockaddr_in *sin = (struct sockaddr_in *)msg->msg_name;
	struct {
		struct sock_extended_err ee;
		struct sockaddr_in	 offender;
	} errhdr;
	int err;
	int copied;

	err = -EAGAIN;
	skb = sock_dequeue_err_skb(sk);
	if (!skb)
		goto out;

	copied = skb->len;
	if (copied > len) {
		msg->msg_flags |= MSG_TRUNC;
		copied = len;
	}
	err = skb_copy_datagram_msg(skb, 0, msg, copied);
	if (unlikely(err)) {
		kfree_skb(skb);
		return err;
	}

	serr = SKB_EXT_ERR(skb);

	if (sin && serr->port) {
		sin->sin_family = AF_INET;
		sin->sin_addr.s_addr = *(__be32 *)(skb_network_header(skb) + serr->addr_offset);
		sin->sin_port = serr->port;
		memset(&sin->sin_zero, 0, sizeof(sin->sin_zero));
		*addr_len = sizeof(*sin);
	}

	memcpy(&errhdr.ee, &serr->ee, sizeof(struct sock_extended_err));
	sin = &errhdr.offender;
	memset(sin, 0, sizeof(*sin));
	if (serr->ee.ee_origin == SO_EE_ORIGIN_ICMP) {
		sin->sin_family = AF_INET;
		sin->sin_addr.s_addr = ip_hdr(skb)->saddr;
		if (inet_sk(sk)->cmsg_flags)
			ip_cmsg_recv(msg, skb);
	}

	put_cmsg(msg, SOL_IP, IP_RECVERR, sizeof(errhdr), &errhdr);

	msg->msg_flags |= MSG_ERRQUEUE;
	err = copied;

	consume_skb(skb);
out:
	return err;
}

/*
 *	Socket option code for IP. This is the end of the line after any
 *	TCP,UDP etc options on an IP socket.
 */
static int do_ip_setsockopt(struct sock *sk, int level, int optname, char __user *optval,
			    unsigned int optlen)
{
	struct inet_sock *inet = inet_sk(sk);
	int val = 0, err;

	switch (optname) {
	case IP_TOS:
	case IP_TTL:
	case IP_RECVTTL:
	case IP_RECVTOS:
	case IP_MTU_DISCOVER:
	case IP_MULTICAST_TTL:
	case IP_MULTICAST_LOOP:
	case IP_RECVERR:
		if (optlen >= sizeof(int)) {
			if (get_user(val, (int __user *)optval))
				return -EFAULT;
		} else if (optlen >= sizeof(char)) {
			unsigned char ucval;

			if (get_user(ucval, (unsigned char __user *)optval))
				return -EFAULT;
			val = (int)ucval;
		}
		break;
	default:
		return -ENOPROTOOPT;
	}

	err = 0;
	lock_sock(sk);

	switch (optname) {
	case IP_RECVTTL:
		if (val)
			inet->cmsg_flags |= IP_CMSG_TTL;
		else
			inet->cmsg_flags &= ~IP_CMSG_TTL;
		break;
	case IP_RECVTOS:
		if (val)
			inet->cmsg_flags |= IP_CMSG_TOS;
		else
			inet->cmsg_flags &= ~IP_CMSG_TOS;
		break;
	case IP_RECVERR:
		inet->recverr = !!val;
		if (!val)
			skb_queue_purge(&sk->sk_error_queue);
		break;
	case IP_TOS:	/* This sets both TOS and Precedence */
		if (sk->sk_type == SOCK_STREAM) {
			/* RFC 3168: the ECN bits belong to TCP, not to the user. */
			val &= ~0x03;
			val |= inet->tos & 0x03;
		}
		if (inet->tos != val) {
			inet->tos = val;
			sk_dst_reset(sk);
		}
		break;
	case IP_TTL:
		if (optlen < 1)
			goto e_inval;
		if (val != -1 && (val < 1 || val > 255))
			goto e_inval;
		inet->uc_ttl = val;
		break;
	case IP_MTU_DISCOVER:
		if (val < IP_PMTUDISC_DONT || val > IP_PMTUDISC_PROBE)
			goto e_inval;
		inet->pmtudisc = val;
		break;
	case IP_MULTICAST_TTL:
		if (sk->sk_type == SOCK_STREAM)
			goto e_inval;
		if (optlen < 1)
			goto e_inval;
		if (val == -1)
			val = 1;
		if (val < 0 || val > 255)
			goto e_inval;
		inet->mc_ttl = val;
		break;
	case IP_MULTICAST_LOOP:
		if (optlen < 1)
			goto e_inval;
		inet->mc_loop = !!val;
		break;
	}
	release_sock(sk);
	return err;

e_inval:
	release_sock(sk);
	return -EINVAL;
}

noinline int ip_setsockopt(struct sock *sk, int level, int optname, char __user *optval,
			   unsigned int optlen)
{
	if (level != SOL_IP)
		return -ENOPROTOOPT;
	return do_ip_setsockopt(sk, level, optname, optval, optlen);
}

static int do_ip_getsockopt(struct sock *sk, int level, int optname, char __user *optval,
			    int __user *optlen)
{
	struct inet_sock *inet = inet_sk(sk);
	int val;
	int len = 0;

	if (level != SOL_IP)
		return -EOPNOTSUPP;

	if (get_user(len, optlen))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;

	lock_sock(sk);

	switch (optname) {
	case IP_TOS:
		val = inet->tos;
		break;
	case IP_TTL:
		val = (inet->uc_ttl == -1 ? sysctl_ip_default_ttl : inet->uc_ttl);
		break;
	case IP_RECVTTL:
		val = (inet->cmsg_flags & IP_CMSG_TTL) != 0;
		break;
	case IP_RECVTOS:
		val = (inet->cmsg_flags & IP_CMSG_TOS) != 0;
		break;
	case IP_MTU_DISCOVER:
		val = inet->pmtudisc;
		break;
	case IP_RECVERR:
		val = inet->recverr;
		break;
	case IP_MTU:
	{
		struct dst_entry *dst;

		val = 0;
		dst = sk_dst_get(sk);
		if (dst) {
			val = dst_mtu(dst);
			dst_release(dst);
		}
		if (!val) {
			release_sock(sk);
			return -ENOTCONN;
		}
		break;
	}
	case IP_MULTICAST_TTL:
		val = inet->mc_ttl;
		break;
	case IP_MULTICAST_LOOP:
		val = inet->mc_loop;
		break;
	default:
		release_sock(sk);
		return -ENOPROTOOPT;
	}
	release_sock(sk);

	if (len < (int)sizeof(int) && len > 0 && val >= 0 && val <= 255) {
		unsigned char ucval = (unsigned char)val;

		len = 1;
		if (put_user(len, optlen))
			return -EFAULT;
		if (copy_to_user(optval, &ucval, 1))
			return -EFAULT;
	} else {
		len = min_t(unsigned int, sizeof(int), len);
		if (put_user(len, optlen))
			return -EFAULT;
		if (copy_to_user(optval, &val, len))
			return -EFAULT;
	}
	return 0;
}

noinline int ip_getsockopt(struct sock *sk, int level, int optname, char __user *optval,
			   int __user *optlen)
{
	return do_ip_getsockopt(sk, level, optname, optval, optlen);
}
