/*
 * INET		An implementation of the TCP/IP protocol suite for the LINUX operating system.
 *		The User Datagram Protocol (UDP), RFC 768 (Linux net/ipv4/udp.c).
 *
 * Receive: ip_local_deliver_finish -> inet_protos[IPPROTO_UDP]->handler = udp_rcv ->
 * __udp4_lib_rcv (length and checksum checks, counted drops) -> __udp4_lib_lookup (the best-scoring
 * socket: connected and address-bound sockets before wildcard binds) -> udp_queue_rcv_skb ->
 * sk_receive_queue; no socket: ICMP port unreachable (RFC 1122 4.1.3.1).
 * Send: inet_sendmsg -> udp_sendmsg (route, ip_make_skb) -> udp_send_skb (header, checksum) ->
 * ip_send_skb. Errors: icmp_unreach -> udp_err -> sk_err (ECONNREFUSED on a connected socket).
 * Ports: udp_v4_get_port -> udp_lib_get_port over udp_table (hashed by local port).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/string.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/skbuff.h>
#include <linux/netdevice.h>
#include <linux/ip.h>
#include <linux/udp.h>
#include <linux/icmp.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <net/sock.h>
#include <net/inet_sock.h>
#include <net/inet_common.h>
#include <net/route.h>
#include <net/ip.h>
#include <net/icmp.h>
#include <net/checksum.h>
#include <net/snmp.h>
#include <net/udp.h>
#include <uapi/linux/in.h>
#include <uapi/linux/sockios.h>

struct udp_table udp_table;

/* net.ipv4.udp_mem {min, pressure, max} in pages: all UDP receive/send buffers together. */
long sysctl_udp_mem[3] = { 1024, 2048, 4096 };
atomic_long_t udp_memory_allocated;
static int sysctl_udp_rmem[3] = { 4096, 212992, 212992 };
static int sysctl_udp_wmem[3] = { 4096, 212992, 212992 };

#define CSUM_MANGLED_0	((__sum16)0xffff)

/* Two sockets may not share a local port unless both asked for SO_REUSEADDR (or they are bound
 * to different devices or different local addresses). */
static int udp_lib_lport_inuse(struct net *net, __u16 num, const struct udp_hslot *hslot,
			       struct sock *sk)
{
	struct sock *sk2;

	sk_for_each(sk2, &hslot->head) {
		if (net_eq(sock_net(sk2), net) &&
		    sk2 != sk &&
		    inet_sk(sk2)->inet_num == num &&
		    (!sk2->sk_reuse || !sk->sk_reuse) &&
		    (!sk2->sk_bound_dev_if || !sk->sk_bound_dev_if ||
		     sk2->sk_bound_dev_if == sk->sk_bound_dev_if) &&
		    (!sk2->sk_rcv_saddr || !sk->sk_rcv_saddr ||
		     sk2->sk_rcv_saddr == sk->sk_rcv_saddr))
			return 1;
	}
	return 0;
}

/**
 *  udp_lib_get_port  -  UDP/-Lite port lookup for IPv4 and IPv6
 *
 *  @sk:          socket struct in question
 *  @snum:        port number to look up
 *  @hash2_nulladdr: AF-dependent hash value in secondary hash chains,
 *                   with NULL address
 *
 *  Returns 0 on success (sk is hashed on its port), 1 if the port is in use or no ephemeral
 *  port is free (the caller turns that into EADDRINUSE).
 */
noinline int udp_lib_get_port(struct sock *sk, unsigned short snum, unsigned int hash2_nulladdr)
{
	struct udp_hslot *hslot;
	struct udp_table *udptable = sk->sk_prot->h.udp_table;
	int error = 1;
	struct net *net = sock_net(sk);

	if (!snum) {
		int low, high, remaining;
		unsigned int i, first;

		/* An ephemeral port: start at a random point of the range and walk it once. */
		inet_get_local_port_range(net, &low, &high);
		remaining = (high - low) + 1;
		first = get_random_u32_below(remaining);
		for (i = 0; i < (unsigned int)remaining; i++) {
			snum = low + (first + i) % remaining;
			hslot = udp_hashslot(udptable, net, snum);
			spin_lock_bh(&hslot->lock);
			if (!udp_lib_lport_inuse(net, snum, hslot, sk))
				goto found;
			spin_unlock_bh(&hslot->lock);
		}
		goto fail;
	} else {
		hslot = udp_hashslot(udptable, net, snum);
		spin_lock_bh(&hslot->lock);
		if (udp_lib_lport_inuse(net, snum, hslot, sk))
			goto fail_unlock;
	}
found:
	inet_sk(sk)->inet_num = snum;
	if (sk_unhashed(sk)) {
		sk_add_node(sk, &hslot->head);
		hslot->count++;
		sock_prot_inuse_add(sock_net(sk), sk->sk_prot, 1);
	}
	error = 0;
fail_unlock:
	spin_unlock_bh(&hslot->lock);
fail:
	return error;
}

noinline int udp_v4_get_port(struct sock *sk, unsigned short snum)
{
	return udp_lib_get_port(sk, snum, 0);
}

void udp_lib_unhash(struct sock *sk)
{
	if (sk_hashed(sk)) {
		struct udp_table *udptable = sk->sk_prot->h.udp_table;
		struct udp_hslot *hslot;

		hslot = udp_hashslot(udptable, sock_net(sk), inet_sk(sk)->inet_num);

		spin_lock_bh(&hslot->lock);
		if (sk_del_node_init(sk)) {
			hslot->count--;
			inet_sk(sk)->inet_num = 0;
			sock_prot_inuse_add(sock_net(sk), sk->sk_prot, -1);
		}
		spin_unlock_bh(&hslot->lock);
	}
}

/*
 * How well sk matches a datagram (saddr:sport -> daddr:hnum): -1 not at all; each address or
 * port the socket is bound or connected to adds 4, so a connected socket beats a wildcard bind.
 */
static int compute_score(struct sock *sk, struct net *net, __be32 saddr, __be16 sport,
			 __be32 daddr, unsigned short hnum, int dif, int sdif)
{
	int score;
	struct inet_sock *inet;

	if (!net_eq(sock_net(sk), net) || inet_sk(sk)->inet_num != hnum)
		return -1;

	score = (sk->sk_family == PF_INET) ? 2 : 1;
	inet = inet_sk(sk);

	if (inet->inet_rcv_saddr) {
		if (inet->inet_rcv_saddr != daddr)
			return -1;
		score += 4;
	}

	if (inet->inet_daddr) {
		if (inet->inet_daddr != saddr)
			return -1;
		score += 4;
	}

	if (inet->inet_dport) {
		if (inet->inet_dport != sport)
			return -1;
		score += 4;
	}

	if (sk->sk_bound_dev_if) {
		bool dev_match = (sk->sk_bound_dev_if == dif || sk->sk_bound_dev_if == sdif);

		if (!dev_match)
			return -1;
		score += 4;
	}
	return score;
}

/* UDP is nearly always wildcards out the wazoo, it makes no sense to try
 * harder than this. -DaveM
 *
 * Returns the best socket without a reference: it runs in softirq, and a socket is only freed
 * from process context after it was unhashed.
 */
noinline struct sock *__udp4_lib_lookup(struct net *net, __be32 saddr, __be16 sport,
					__be32 daddr, __be16 dport, int dif, int sdif,
					struct udp_table *udptable, struct sk_buff *skb)
{
	unsigned short hnum = ntohs(dport);
	struct udp_hslot *hslot = udp_hashslot(udptable, net, hnum);
	struct sock *sk, *result = NULL;
	int score, badness = 0;

	sk_for_each(sk, &hslot->head) {
		score = compute_score(sk, net, saddr, sport, daddr, hnum, dif, sdif);
		if (score > badness) {
			result = sk;
			badness = score;
		}
	}
	return result;
}

static inline struct sock *__udp4_lib_lookup_skb(struct sk_buff *skb, __be16 sport, __be16 dport,
						 struct udp_table *udptable)
{
	const struct iphdr *iph = ip_hdr(skb);

	return __udp4_lib_lookup(dev_net(skb->dev), iph->saddr, sport, iph->daddr, dport,
				 skb->dev->ifindex, 0, udptable, skb);
}

/*
 * An ICMP error quoting one of our datagrams (icmp_rcv -> icmp_unreach -> udp_err): find the socket
 * that sent it from the quoted UDP header, and tell the application if it can make sense of it.
 */
noinline int __udp4_lib_err(struct sk_buff *skb, u32 info, struct udp_table *udptable)
{
	const struct iphdr *iph = (const struct iphdr *)skb->data;
	struct udphdr *uh = (struct udphdr *)(skb->data + (iph->ihl << 2));
	const int type = icmp_hdr(skb)->type;
	const int code = icmp_hdr(skb)->code;
	struct net *net = dev_net(skb->dev);
	struct sock *sk;
	bool harderr;
	int err;

	sk = __udp4_lib_lookup(net, iph->daddr, uh->dest, iph->saddr, uh->source,
			       skb->dev->ifindex, 0, udptable, NULL);
	if (!sk) {
		__ICMP_INC_STATS(net, ICMP_MIB_INERRORS);
		return -ENOENT;
	}
	err = icmp_err_to_sk_errno(sk, type, code, &harderr);
	if (!err)
		return 0;
	/* With IP_RECVERR the error is queued with the datagram it is about. Without it, only a
	 * connected socket hears of hard errors: an unconnected one could not tell which of its
	 * datagrams failed (RFC 1122 4.1.3.3 leaves reporting to the application interface). */
	if (inet_sk(sk)->recverr)
		ip_icmp_error(sk, skb, err, uh->dest, info, (u8 *)(uh + 1));
	else if (!harderr || sk->sk_state != TCP_ESTABLISHED)
		return 0;
	sk->sk_err = err;
	sk->sk_error_report(sk);
	return 0;
}

noinline int udp_err(struct sk_buff *skb, u32 info)
{
	return __udp4_lib_err(skb, info, &udp_table);
}

/* Length of the first datagram waiting to be read, -1 if none (FIONREAD, SIOCINQ). */
static int first_packet_length(struct sock *sk)
{
	struct sk_buff_head *rcvq = &sk->sk_receive_queue;
	struct sk_buff *skb;
	int res = -1;

	spin_lock_bh(&rcvq->lock);
	skb = skb_peek(rcvq);
	if (skb)
		res = skb->len;
	spin_unlock_bh(&rcvq->lock);
	return res;
}

/*
 *	IOCTL requests applicable to the UDP protocol
 */
int udp_ioctl(struct sock *sk, int cmd, unsigned long arg)
{
	switch (cmd) {
	case SIOCOUTQ:
	{
		int amount = sk_wmem_alloc_get(sk);

		return put_user(amount, (int __user *)arg);
	}

	case SIOCINQ:
	{
		int amount = max_t(int, 0, first_packet_length(sk));

		return put_user(amount, (int __user *)arg);
	}

	default:
		return -ENOIOCTLCMD;
	}

	return 0;
}

/*
 * 	This should be easy, if there is something there we
 * 	return it, otherwise we block.
 */
noinline int udp_recvmsg(struct sock *sk, struct msghdr *msg, size_t len, int noblock, int flags,
			 int *addr_len)
{
	struct inet_sock *inet = inet_sk(sk);
	struct sockaddr_in *sin = (struct sockaddr_in *)msg->msg_name;
	struct sk_buff *skb;
	unsigned int ulen, copied;
	int peeked;
	int err;

	if (flags & MSG_ERRQUEUE)
		return ip_recv_error(sk, msg, len, addr_len);
	if (flags & MSG_OOB)
		return -EOPNOTSUPP;

	skb = __skb_recv_datagram(sk, flags | (noblock ? MSG_DONTWAIT : 0), &peeked, &err);
	if (!skb)
		return err;

	ulen = skb->len;
	copied = len;
	if (copied > ulen)
		copied = ulen;
	else if (copied < ulen)
		msg->msg_flags |= MSG_TRUNC;

	err = skb_copy_datagram_msg(skb, 0, msg, copied);
	if (unlikely(err)) {
		if (!peeked) {
			atomic_inc(&sk->sk_drops);
			UDP_INC_STATS(sock_net(sk), UDP_MIB_INERRORS, 0);
		}
		skb_free_datagram(sk, skb);
		return err;
	}

	if (!peeked)
		UDP_INC_STATS(sock_net(sk), UDP_MIB_INDATAGRAMS, 0);

	/* Copy the address. */
	if (sin) {
		sin->sin_family = AF_INET;
		sin->sin_port = udp_hdr(skb)->source;
		sin->sin_addr.s_addr = ip_hdr(skb)->saddr;
		memset(sin->sin_zero, 0, sizeof(sin->sin_zero));
		*addr_len = sizeof(*sin);
	}
	if (inet->cmsg_flags)
		ip_cmsg_recv(msg, skb);

	err = copied;
	if (flags & MSG_TRUNC)
		err = ulen;

	skb_free_datagram(sk, skb);
	return err;
}

/*
 * Queues a datagram on sk, charged to its receive buffer. A full buffer (SO_RCVBUF) or an
 * exhausted UDP memory pool drops it: RcvbufErrors + InErrors, and sk_drops for /proc/net/udp.
 */
int __udp_enqueue_schedule_skb(struct sock *sk, struct sk_buff *skb)
{
	return __sock_queue_rcv_skb(sk, skb);
}

static int __udp_queue_rcv_skb(struct sock *sk, struct sk_buff *skb)
{
	int rc;

	rc = __udp_enqueue_schedule_skb(sk, skb);
	if (rc < 0) {
		/* Note that an ENOMEM error is charged twice */
		if (rc == -ENOMEM || rc == -ENOBUFS)
			UDP_INC_STATS(sock_net(sk), UDP_MIB_RCVBUFERRORS, 0);
		UDP_INC_STATS(sock_net(sk), UDP_MIB_INERRORS, 0);
		kfree_skb_reason(skb, rc == -ENOMEM ? SKB_DROP_REASON_SOCKET_RCVBUFF :
				      SKB_DROP_REASON_PROTO_MEM);
		return -1;
	}
	return 0;
}

/* returns:
 *  -1: error
 *   0: success
 * Note that in the success and error cases, the skb is assumed to
 * have either been requeued or freed.
 */
noinline int udp_queue_rcv_skb(struct sock *sk, struct sk_buff *skb)
{
	/* The socket reads the payload only: the header stays reachable through udp_hdr(). */
	__skb_pull(skb, sizeof(struct udphdr));
	return __udp_queue_rcv_skb(sk, skb);
}

/*
 * A broadcast or multicast datagram goes to every socket bound to its port (and not connected
 * elsewhere). Nobody listening is not an error: RFC 1122 3.2.2.1 forbids ICMP for broadcasts.
 */
static int __udp4_lib_mcast_deliver(struct net *net, struct sk_buff *skb, struct udphdr *uh,
				    __be32 saddr, __be32 daddr, struct udp_table *udptable)
{
	unsigned short hnum = ntohs(uh->dest);
	struct udp_hslot *hslot = udp_hashslot(udptable, net, hnum);
	int dif = skb->dev->ifindex;
	struct sock *sk, *first = NULL;
	struct sk_buff *nskb;

	sk_for_each(sk, &hslot->head) {
		if (compute_score(sk, net, saddr, uh->source, daddr, hnum, dif, 0) < 0)
			continue;
		if (!first) {
			first = sk;
			continue;
		}
		nskb = skb_clone(skb, GFP_ATOMIC);
		if (unlikely(!nskb)) {
			atomic_inc(&sk->sk_drops);
			UDP_INC_STATS(net, UDP_MIB_RCVBUFERRORS, 0);
			UDP_INC_STATS(net, UDP_MIB_INERRORS, 0);
			continue;
		}
		udp_queue_rcv_skb(sk, nskb);
	}

	if (first) {
		udp_queue_rcv_skb(first, skb);
	} else {
		kfree_skb(skb);
		UDP_INC_STATS(net, UDP_MIB_IGNOREDMULTI, 0);
	}
	return 0;
}

/*
 * RFC 768: the checksum covers a pseudo-header (addresses, protocol, length), the header and the
 * data; 0 in the field means the sender did not compute one.
 */
static int udp4_csum_init(struct sk_buff *skb, struct udphdr *uh, int proto)
{
	const struct iphdr *iph = ip_hdr(skb);

	if (uh->check == 0 || skb->ip_summed == CHECKSUM_UNNECESSARY) {
		skb->ip_summed = CHECKSUM_UNNECESSARY;
		return 0;
	}
	if (csum_tcpudp_magic(iph->saddr, iph->daddr, skb->len, proto,
			      skb_checksum(skb, 0, skb->len, 0)))
		return -EINVAL;
	skb->ip_summed = CHECKSUM_UNNECESSARY;
	return 0;
}

/*
 *	All we need to do is get the socket, and then do a checksum.
 */
noinline int __udp4_lib_rcv(struct sk_buff *skb, struct udp_table *udptable, int proto)
{
	struct sock *sk;
	struct udphdr *uh;
	unsigned short ulen;
	struct rtable *rt = skb_rtable(skb);
	__be32 saddr, daddr;
	struct net *net = dev_net(skb->dev);

	/*
	 *  Validate the packet.
	 */
	if (!pskb_may_pull(skb, sizeof(struct udphdr)))
		goto short_packet;		/* No space for header. */

	uh   = udp_hdr(skb);
	ulen = ntohs(uh->len);
	saddr = ip_hdr(skb)->saddr;
	daddr = ip_hdr(skb)->daddr;

	if (ulen > skb->len)
		goto short_packet;

	/* UDP validates ulen; bytes beyond it (link padding) are not part of the datagram. */
	if (ulen < sizeof(*uh) || pskb_trim_rcsum(skb, ulen))
		goto short_packet;
	uh = udp_hdr(skb);

	if (udp4_csum_init(skb, uh, proto))
		goto csum_error;

	if (rt && (rt->rt_flags & (RTCF_BROADCAST | RTCF_MULTICAST)))
		return __udp4_lib_mcast_deliver(net, skb, uh, saddr, daddr, udptable);

	sk = __udp4_lib_lookup_skb(skb, uh->source, uh->dest, udptable);
	if (sk) {
		udp_queue_rcv_skb(sk, skb);
		return 0;
	}

	/* No socket for this port. */
	__UDP_INC_STATS(net, UDP_MIB_NOPORTS, proto == IPPROTO_UDPLITE);
	icmp_send(skb, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH, 0);

	/*
	 * Hmm.  We got an UDP packet to a port to which we
	 * don't wanna listen.  Ignore it.
	 */
	kfree_skb_reason(skb, SKB_DROP_REASON_NO_SOCKET);
	return 0;

short_packet:
	__UDP_INC_STATS(net, UDP_MIB_INERRORS, proto == IPPROTO_UDPLITE);
	kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_SMALL);
	return 0;

csum_error:
	/* RFC 1122 4.1.3.4: a datagram with a bad checksum MUST be discarded without telling the
	 * sender; only our counters see it. */
	__UDP_INC_STATS(net, UDP_MIB_CSUMERRORS, proto == IPPROTO_UDPLITE);
	__UDP_INC_STATS(net, UDP_MIB_INERRORS, proto == IPPROTO_UDPLITE);
	kfree_skb_reason(skb, SKB_DROP_REASON_UDP_CSUM);
	return 0;
}

noinline int udp_rcv(struct sk_buff *skb)
{
	return __udp4_lib_rcv(skb, &udp_table, IPPROTO_UDP);
}

/* Copies the user's payload into the datagram (getfrag of ip_make_skb): from is the msghdr. */
static int udp_getfrag(void *from, char *to, int offset, int len, int odd, struct sk_buff *skb)
{
	struct msghdr *msg = from;

	return copy_from_iter_full(to, len, &msg->msg_iter) ? 0 : -EFAULT;
}

/* Fills in the header and the RFC 768 checksum of the datagram in skb, then sends it. */
static noinline int udp_send_skb(struct sk_buff *skb, struct flowi4 *fl4)
{
	struct sock *sk = skb->sk;
	struct inet_sock *inet = inet_sk(sk);
	struct udphdr *uh;
	int err = 0;
	int offset = skb_transport_offset(skb);
	int len = skb->len - offset;
	__wsum csum;

	/*
	 * Create a UDP header
	 */
	uh = udp_hdr(skb);
	uh->source = inet->inet_sport;
	uh->dest = fl4->fl4_dport;
	uh->len = htons(len);
	uh->check = 0;

	if (sk->sk_no_check_tx) {			 /* UDP csum off */
		skb->ip_summed = CHECKSUM_NONE;
		goto send;
	}

	csum = skb_checksum(skb, offset, len, 0);
	/* add protocol-dependent pseudo-header */
	uh->check = csum_tcpudp_magic(fl4->saddr, fl4->daddr, len, sk->sk_protocol, csum);
	if (uh->check == 0)
		uh->check = CSUM_MANGLED_0;

send:
	err = ip_send_skb(sock_net(sk), skb);
	if (err) {
		if (err == -ENOBUFS && !inet->recverr) {
			UDP_INC_STATS(sock_net(sk), UDP_MIB_SNDBUFERRORS, 0);
			err = 0;
		}
	} else {
		UDP_INC_STATS(sock_net(sk), UDP_MIB_OUTDATAGRAMS, 0);
	}
	return err;
}

noinline int udp_sendmsg(struct sock *sk, struct msghdr *msg, size_t len)
{
	struct inet_sock *inet = inet_sk(sk);
	struct sockaddr_in *usin = (struct sockaddr_in *)msg->msg_name;
	struct flowi4 fl4_stack;
	struct flowi4 *fl4;
	struct ipcm_cookie ipc;
	struct rtable *rt = NULL;
	int connected = 0;
	__be32 daddr, faddr, saddr;
	__be16 dport;
	u8  tos;
	int err;
	struct sk_buff *skb;

	if (len > 0xFFFF - sizeof(struct udphdr) - sizeof(struct iphdr))
		return -EMSGSIZE;

	/*
	 *	Check the flags.
	 */

	if (msg->msg_flags & MSG_OOB) /* Mirror BSD error message compatibility */
		return -EOPNOTSUPP;

	/*
	 *	Get and verify the address.
	 */
	if (usin) {
		if (msg->msg_namelen < (int)sizeof(*usin))
			return -EINVAL;
		if (usin->sin_family != AF_INET) {
			if (usin->sin_family != AF_UNSPEC)
				return -EAFNOSUPPORT;
		}

		daddr = usin->sin_addr.s_addr;
		dport = usin->sin_port;
		if (dport == 0)
			return -EINVAL;
	} else {
		if (sk->sk_state != TCP_ESTABLISHED)
			return -EDESTADDRREQ;
		daddr = inet->inet_daddr;
		dport = inet->inet_dport;
		/* Open fast path for connected socket.
		 * Route will not be used, if at least one option is set.
		 */
		connected = 1;
	}

	ipcm_init(&ipc);
	ipc.oif = sk->sk_bound_dev_if;
	ipc.protocol = sk->sk_protocol;

	saddr = ipc.addr;
	ipc.addr = faddr = daddr;

	tos = RT_TOS(inet->tos);
	if (sock_flag(sk, SOCK_LOCALROUTE) || (msg->msg_flags & MSG_DONTROUTE))
		connected = 0;

	if (ipv4_is_multicast(daddr)) {
		if (!ipc.oif)
			ipc.oif = inet->mc_index;
		if (!saddr)
			saddr = inet->mc_addr;
		connected = 0;
	} else if (!ipc.oif) {
		ipc.oif = inet->uc_index;
	}

	if (connected)
		rt = (struct rtable *)sk_dst_check(sk, 0);

	fl4 = &inet->cork.fl.u.ip4;
	if (!rt) {
		struct net *net = sock_net(sk);

		fl4 = &fl4_stack;
		flowi4_init_output(fl4, ipc.oif, sk->sk_mark, tos, RT_SCOPE_UNIVERSE,
				   sk->sk_protocol, 0, faddr, saddr, dport, inet->inet_sport);

		rt = ip_route_output_flow(net, fl4, sk);
		if (IS_ERR(rt)) {
			err = PTR_ERR(rt);
			rt = NULL;
			if (err == -ENETUNREACH)
				IP_INC_STATS(net, IPSTATS_MIB_OUTNOROUTES);
			goto out;
		}

		err = -EACCES;
		if ((rt->rt_flags & RTCF_BROADCAST) && !sock_flag(sk, SOCK_BROADCAST))
			goto out;
		if (connected)
			sk_dst_set(sk, dst_clone(&rt->dst));
	}

	saddr = fl4->saddr;
	if (!ipc.addr)
		daddr = ipc.addr = fl4->daddr;

	/* Lockless fast path for the non-corking case. */
	skb = ip_make_skb(sk, fl4, udp_getfrag, msg, len, sizeof(struct udphdr), &ipc, &rt,
			  msg->msg_flags);
	err = PTR_ERR(skb);
	if (!IS_ERR_OR_NULL(skb))
		err = udp_send_skb(skb, fl4);

out:
	ip_rt_put(rt);
	if (!err)
		return len;
	/*
	 * ENOBUFS = no kernel mem, SOCK_NOSPACE = no sndbuf space.  Reporting
	 * ENOBUFS might not be good (it's not tunable per se), but otherwise
	 * we don't have a good statistic (IpOutDiscards but it can be too many
	 * things).  We could add another new stat but at least for now that
	 * seems like overkill.
	 */
	if (err == -ENOBUFS || test_bit(SOCK_NOSPACE, &sk->sk_socket->flags))
		UDP_INC_STATS(sock_net(sk), UDP_MIB_SNDBUFERRORS, 0);
	return err;
}

int __udp_disconnect(struct sock *sk, int flags)
{
	struct inet_sock *inet = inet_sk(sk);
	/*
	 *	1003.1g - break association.
	 */

	sk->sk_state = TCP_CLOSE;
	inet->inet_daddr = 0;
	inet->inet_dport = 0;
	sk->sk_bound_dev_if = 0;
	if (!(sk->sk_userlocks & SOCK_BINDADDR_LOCK))
		inet_reset_saddr(sk);

	if (!(sk->sk_userlocks & SOCK_BINDPORT_LOCK)) {
		sk->sk_prot->unhash(sk);
		inet->inet_sport = 0;
	}
	sk_dst_reset(sk);
	return 0;
}

int udp_disconnect(struct sock *sk, int flags)
{
	lock_sock(sk);
	__udp_disconnect(sk, flags);
	release_sock(sk);
	return 0;
}

/* close(): nothing to flush (no corking), just leave the hash and drop the socket. */
static void udp_lib_close(struct sock *sk, long timeout)
{
	sk_common_release(sk);
}

/*
 *	Socket option code for UDP: UDP_CORK and UDP-Lite coverage are not supported, everything else
 *	is the IP layer's.
 */
int udp_setsockopt(struct sock *sk, int level, int optname, char __user *optval,
		   unsigned int optlen)
{
	if (level == SOL_UDP)
		return -ENOPROTOOPT;
	return ip_setsockopt(sk, level, optname, optval, optlen);
}

int udp_getsockopt(struct sock *sk, int level, int optname, char __user *optval,
		   int __user *optlen)
{
	if (level == SOL_UDP)
		return -ENOPROTOOPT;
	return ip_getsockopt(sk, level, optname, optval, optlen);
}

/**
 * 	udp_poll - wait for a UDP event.
 *	@file - file struct
 *	@sock - socket
 *	@wait - poll table
 *
 *	This is same as datagram poll, except for the special case of
 *	blocking sockets. If application is using a blocking fd
 *	and a packet with checksum error is in the queue;
 *	then it could get return from select indicating data available
 *	but then block when reading it. Add special case code
 *	to work around these arguably broken applications. (Here checksums are verified on
 *	arrival, so a queued datagram is always readable.)
 */
__poll_t udp_poll(struct file *file, struct socket *sock, poll_table *wait)
{
	return datagram_poll(file, sock, wait);
}

struct proto udp_prot = {
	.name			= "UDP",
	.close			= udp_lib_close,
	.connect		= ip4_datagram_connect,
	.disconnect		= udp_disconnect,
	.ioctl			= udp_ioctl,
	.setsockopt		= udp_setsockopt,
	.getsockopt		= udp_getsockopt,
	.sendmsg		= udp_sendmsg,
	.recvmsg		= udp_recvmsg,
	.backlog_rcv		= __udp_queue_rcv_skb,
	.hash			= udp_lib_hash,
	.unhash			= udp_lib_unhash,
	.get_port		= udp_v4_get_port,
	.memory_allocated	= &udp_memory_allocated,
	.sysctl_mem		= sysctl_udp_mem,
	.sysctl_wmem		= sysctl_udp_wmem,
	.sysctl_rmem		= sysctl_udp_rmem,
	.obj_size		= sizeof(struct udp_sock),
	.h.udp_table		= &udp_table,
};

/* ------------------------------------------------------------------------ */

/*
 * /proc/net/udp, in Linux's format (udp4_format_sock), one line per socket:
 *   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
 * Addresses are the raw __be32 printed as hex, ports in host order, st 07 = TCP_CLOSE
 * (unconnected) or 01 = TCP_ESTABLISHED (connected).
 */
static void udp4_format_sock(struct sock *sp, struct seq_file *f, int bucket)
{
	struct inet_sock *inet = inet_sk(sp);
	__be32 dest = inet->inet_daddr;
	__be32 src  = inet->inet_rcv_saddr;
	__u16 destp	  = ntohs(inet->inet_dport);
	__u16 srcp	  = ntohs(inet->inet_sport);

	seq_printf(f, "%5d: %08X:%04X %08X:%04X %02X %08X:%08X %02X:%08lX %08X %5u %8d %lu %d %016lx %u",
		   bucket, src, srcp, dest, destp, sp->sk_state,
		   sk_wmem_alloc_get(sp),
		   sk_rmem_alloc_get(sp),
		   0, 0L, 0, 0, 0, 0UL,
		   refcount_read(&sp->sk_refcnt), (unsigned long)sp,
		   atomic_read(&sp->sk_drops));
}

static int udp4_seq_show(struct seq_file *seq, void *v)
{
	unsigned int slot;

	seq_printf(seq, "%-127s\n",
		   "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops");
	for (slot = 0; slot <= udp_table.mask; slot++) {
		struct udp_hslot *hslot = &udp_table.hash[slot];
		struct sock *sk;

		if (hlist_empty(&hslot->head))
			continue;
		spin_lock_bh(&hslot->lock);
		sk_for_each(sk, &hslot->head) {
			udp4_format_sock(sk, seq, slot);
			seq_putc(seq, '\n');
		}
		spin_unlock_bh(&hslot->lock);
	}
	return 0;
}

int udp4_proc_init(void)
{
	return proc_create_single("net/udp", 0444, NULL, udp4_seq_show) ? 0 : -ENOMEM;
}

void udp_table_init(struct udp_table *table, const char *name)
{
	unsigned int i;

	table->log = 7;
	table->mask = UDP_HTABLE_SIZE_MIN - 1;
	table->hash = kcalloc(UDP_HTABLE_SIZE_MIN, sizeof(struct udp_hslot), GFP_KERNEL);
	if (!table->hash)
		panic("UDP: failed to alloc %s hash table\n", name);
	for (i = 0; i <= table->mask; i++) {
		INIT_HLIST_HEAD(&table->hash[i].head);
		table->hash[i].count = 0;
		spin_lock_init(&table->hash[i].lock);
	}
}

void udp_init(void)
{
	udp_table_init(&udp_table, "UDP");
}
