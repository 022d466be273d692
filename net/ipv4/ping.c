/*
 * INET		An implementation of the TCP/IP protocol suite for the LINUX operating system.
 *		"Ping" sockets (Linux net/ipv4/ping.c).
 *
 * socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP): the process sends ICMP echo requests (type 8, code 0)
 * and reads echo replies without a raw socket. The kernel owns the identifier: it is the socket's
 * "port" (ping_get_port picks a free one, or bind() asks for one), written into every request
 * (ping_v4_sendmsg) and used to find the socket a reply belongs to (icmp_rcv -> ping_rcv ->
 * ping_lookup). ICMP errors about our requests reach ping_err. /proc/net/icmp lists the sockets.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/string.h>
#include <linux/skbuff.h>
#include <linux/netdevice.h>
#include <linux/ip.h>
#include <linux/icmp.h>
#include <linux/if_ether.h>
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
#include <net/ping.h>
#include <uapi/linux/in.h>

static struct ping_table ping_table;
static u16 ping_port_rover;

static inline u32 ping_hashfn(const struct net *net, u32 num, u32 mask)
{
	return num & mask;
}

static inline struct hlist_head *ping_hashslot(struct ping_table *table, struct net *net,
					       unsigned int num)
{
	return &table->hash[ping_hashfn(net, num, PING_HTABLE_MASK)];
}

/* Takes identifier ident (0: any free one) for sk and hashes it. 0 on success, 1 if taken. */
noinline int ping_get_port(struct sock *sk, unsigned short ident)
{
	struct hlist_head *hlist;
	struct inet_sock *isk, *isk2;
	struct sock *sk2 = NULL;

	isk = inet_sk(sk);
	spin_lock_bh(&ping_table.lock);
	if (ident == 0) {
		u32 i;
		u16 result = ping_port_rover + 1;

		for (i = 0; i < (1L << 16); i++, result++) {
			if (!result)
				result++; /* avoid zero */
			hlist = ping_hashslot(&ping_table, sock_net(sk), result);
			sk_for_each(sk2, hlist) {
				isk2 = inet_sk(sk2);

				if (isk2->inet_num == result)
					goto next_port;
			}

			/* found */
			ping_port_rover = ident = result;
			break;
next_port:
			;
		}
		if (i >= (1L << 16))
			goto fail;
	} else {
		hlist = ping_hashslot(&ping_table, sock_net(sk), ident);
		sk_for_each(sk2, hlist) {
			isk2 = inet_sk(sk2);

			/* BUG? Why is this reuse and not reuseaddr? ping.c
			 * doesn't turn off SO_REUSEADDR, and it doesn't expect
			 * that other ping processes can steal its packets.
			 */
			if ((isk2->inet_num == ident) && (sk2 != sk) &&
			    (!sk2->sk_reuse || !sk->sk_reuse))
				goto fail;
		}
	}

	isk->inet_num = ident;
	if (sk_unhashed(sk)) {
		sk_add_node(sk, hlist);
		sock_prot_inuse_add(sock_net(sk), sk->sk_prot, 1);
	}
	spin_unlock_bh(&ping_table.lock);
	return 0;

fail:
	spin_unlock_bh(&ping_table.lock);
	return 1;
}

/* Hashing happens in ping_get_port; sk->sk_prot->hash is never the way in. */
int ping_hash(struct sock *sk)
{
	BUG(); /* "Please call sk->sk_prot->get_port(sk, snum);" */
	return 0;
}

void ping_unhash(struct sock *sk)
{
	struct inet_sock *isk = inet_sk(sk);

	spin_lock_bh(&ping_table.lock);
	if (sk_del_node_init(sk)) {
		isk->inet_num = 0;
		isk->inet_sport = 0;
		sock_prot_inuse_add(sock_net(sk), sk->sk_prot, -1);
	}
	spin_unlock_bh(&ping_table.lock);
}

/* The socket owning identifier ident that accepts skb (by local address and device), held. */
static struct sock *ping_lookup(struct net *net, struct sk_buff *skb, u16 ident)
{
	struct hlist_head *hslot = ping_hashslot(&ping_table, net, ident);
	struct sock *sk = NULL;
	struct inet_sock *isk;
	int dif = skb->dev ? skb->dev->ifindex : 0;

	spin_lock_bh(&ping_table.lock);

	sk_for_each(sk, hslot) {
		isk = inet_sk(sk);

		if (isk->inet_num != ident)
			continue;

		if (isk->inet_rcv_saddr && isk->inet_rcv_saddr != ip_hdr(skb)->daddr)
			continue;

		if (sk->sk_bound_dev_if && sk->sk_bound_dev_if != dif)
			continue;

		sock_hold(sk);
		goto exit;
	}

	sk = NULL;
exit:
	spin_unlock_bh(&ping_table.lock);

	return sk;
}

int ping_init_sock(struct sock *sk)
{
	/*
	 * Linux admits only the groups in net.ipv4.ping_group_range; there are no users or groups
	 * here, so every process may ping (as on distributions that open the range to all).
	 */
	return 0;
}

void ping_close(struct sock *sk, long timeout)
{
	sk_common_release(sk);
}

/* Checks the bind address for consistency */
static int ping_check_bind_addr(struct sock *sk, struct inet_sock *isk, struct sockaddr *uaddr,
				int addr_len)
{
	struct net *net = sock_net(sk);
	struct sockaddr_in *addr = (struct sockaddr_in *)uaddr;
	int chk_addr_ret;

	if (addr_len < (int)sizeof(*addr))
		return -EINVAL;

	if (addr->sin_family != AF_INET &&
	    !(addr->sin_family == AF_UNSPEC && addr->sin_addr.s_addr == htonl(INADDR_ANY)))
		return -EAFNOSUPPORT;

	chk_addr_ret = inet_addr_type(net, addr->sin_addr.s_addr);

	if (addr->sin_addr.s_addr == htonl(INADDR_ANY))
		chk_addr_ret = RTN_LOCAL;

	if ((net->ipv4.sysctl_ip_nonlocal_bind == 0 && isk->freebind == 0 &&
	     chk_addr_ret != RTN_LOCAL) ||
	    chk_addr_ret == RTN_MULTICAST || chk_addr_ret == RTN_BROADCAST)
		return -EADDRNOTAVAIL;

	return 0;
}

/*
 * We need our own bind because there are no privileged id's == local ports.
 * Moreover, we don't allow binding to multi- and broadcast addresses.
 */
noinline int ping_bind(struct sock *sk, struct sockaddr *uaddr, int addr_len)
{
	struct inet_sock *isk = inet_sk(sk);
	struct sockaddr_in *addr = (struct sockaddr_in *)uaddr;
	unsigned short snum;
	int err;
	int dif = sk->sk_bound_dev_if;

	err = ping_check_bind_addr(sk, isk, uaddr, addr_len);
	if (err)
		return err;

	lock_sock(sk);

	err = -EINVAL;
	if (isk->inet_num != 0)
		goto out;

	err = -EADDRINUSE;
	isk->inet_rcv_saddr = isk->inet_saddr = addr->sin_addr.s_addr;
	snum = ntohs(addr->sin_port);
	if (ping_get_port(sk, snum) != 0) {
		sk->sk_bound_dev_if = dif;
		isk->inet_rcv_saddr = isk->inet_saddr = 0;
		goto out;
	}

	err = 0;
	if (isk->inet_rcv_saddr)
		sk->sk_userlocks |= SOCK_BINDADDR_LOCK;
	if (snum)
		sk->sk_userlocks |= SOCK_BINDPORT_LOCK;
	isk->inet_sport = htons(isk->inet_num);
	isk->inet_daddr = 0;
	isk->inet_dport = 0;

	sk_dst_reset(sk);
out:
	release_sock(sk);
	return err;
}

/*
 * Is this a supported type of ICMP message?
 */
static inline int ping_supported(int family, int type, int code)
{
	return family == AF_INET && type == ICMP_ECHO && code == 0;
}

/*
 * An ICMP error quoting one of our echo requests (icmp_rcv -> icmp_unreach -> ping_err): the
 * quoted ICMP header at offset carries our identifier, which names the socket.
 */
void ping_err(struct sk_buff *skb, int offset, u32 info)
{
	struct icmphdr *icmph = (struct icmphdr *)(skb->data + offset);
	struct net *net = dev_net(skb->dev);
	struct sock *sk;
	bool harderr;
	int err;

	/* icmp_unreach has validated the outer message; the quote must be an echo request. */
	if (!ping_supported(AF_INET, icmph->type, icmph->code))
		return;
	sk = ping_lookup(net, skb, ntohs(icmph->un.echo.id));
	if (!sk)
		return;
	err = icmp_err_to_sk_errno(sk, icmp_hdr(skb)->type, icmp_hdr(skb)->code, &harderr);
	if (!err)
		goto out;
	/* Same reporting rule as udp_err: queued with IP_RECVERR (ping's default use), else only
	 * hard errors on a connected socket. */
	if (inet_sk(sk)->recverr)
		ip_icmp_error(sk, skb, err, 0 /* no remote port */, info, (u8 *)icmph);
	else if (!harderr || sk->sk_state != TCP_ESTABLISHED)
		goto out;
	sk->sk_err = err;
	sk->sk_error_report(sk);
out:
	sock_put(sk);
}

/*
 *	Copy the user's echo data into the request (getfrag of ip_make_skb); the ICMP header in front
 *	of it is filled in by ping_v4_sendmsg. from is a struct pingfakehdr.
 */
int ping_getfrag(void *from, char *to, int offset, int fraglen, int odd, struct sk_buff *skb)
{
	struct pingfakehdr *pfh = (struct pingfakehdr *)from;

	if (!copy_from_iter_full(to, fraglen, &pfh->msg->msg_iter))
		return -EFAULT;
	return 0;
}

static int ping_common_sendmsg(int family, struct msghdr *msg, size_t len, void *user_icmph,
			       size_t icmph_len)
{
	u8 type, code;

	if (len > 0xFFFF - sizeof(struct iphdr))
		return -EMSGSIZE;

	/* Must have at least a full ICMP header. */
	if (len < icmph_len)
		return -EINVAL;

	/*
	 *	Check the flags.
	 */

	/* Mirror BSD error message compatibility */
	if (msg->msg_flags & MSG_OOB)
		return -EOPNOTSUPP;

	/*
	 *	Fetch the ICMP header provided by the userland.
	 *	iovec is modified! The ICMP header is consumed.
	 */
	if (memcpy_from_msg(user_icmph, msg, icmph_len))
		return -EFAULT;

	type = ((struct icmphdr *)user_icmph)->type;
	code = ((struct icmphdr *)user_icmph)->code;

	if (!ping_supported(family, type, code))
		return -EINVAL;

	return 0;
}

static noinline int ping_v4_sendmsg(struct sock *sk, struct msghdr *msg, size_t len)
{
	struct net *net = sock_net(sk);
	struct flowi4 fl4;
	struct inet_sock *inet = inet_sk(sk);
	struct ipcm_cookie ipc;
	struct icmphdr user_icmph;
	struct pingfakehdr pfh;
	struct rtable *rt = NULL;
	struct sk_buff *skb;
	struct icmphdr *icmph;
	__be32 saddr, daddr, faddr;
	u8  tos;
	int err;

	err = ping_common_sendmsg(AF_INET, msg, len, &user_icmph, sizeof(user_icmph));
	if (err)
		return err;

	/*
	 *	Get and verify the address.
	 */

	if (msg->msg_name) {
		struct sockaddr_in *usin = (struct sockaddr_in *)msg->msg_name;

		if (msg->msg_namelen < (int)sizeof(*usin))
			return -EINVAL;
		if (usin->sin_family != AF_INET)
			return -EAFNOSUPPORT;
		daddr = usin->sin_addr.s_addr;
		/* no remote port */
	} else {
		if (sk->sk_state != TCP_ESTABLISHED)
			return -EDESTADDRREQ;
		daddr = inet->inet_daddr;
		/* no remote port */
	}

	ipcm_init(&ipc);
	ipc.oif = sk->sk_bound_dev_if;
	ipc.protocol = IPPROTO_ICMP;

	saddr = ipc.addr;
	ipc.addr = faddr = daddr;

	tos = RT_TOS(inet->tos);

	if (ipv4_is_multicast(daddr)) {
		if (!ipc.oif)
			ipc.oif = inet->mc_index;
		if (!saddr)
			saddr = inet->mc_addr;
	} else if (!ipc.oif) {
		ipc.oif = inet->uc_index;
	}

	flowi4_init_output(&fl4, ipc.oif, sk->sk_mark, tos, RT_SCOPE_UNIVERSE, sk->sk_protocol,
			   0, faddr, saddr, 0, 0);
	fl4.fl4_icmp_type = user_icmph.type;
	fl4.fl4_icmp_code = user_icmph.code;

	rt = ip_route_output_flow(net, &fl4, sk);
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

	if (!ipc.addr)
		ipc.addr = fl4.daddr;

	lock_sock(sk);

	pfh.icmph.type = user_icmph.type; /* already checked */
	pfh.icmph.code = user_icmph.code; /* ditto */
	pfh.icmph.checksum = 0;
	pfh.icmph.un.echo.id = inet->inet_sport;
	pfh.icmph.un.echo.sequence = user_icmph.un.echo.sequence;
	pfh.msg = msg;
	pfh.wcheck = 0;
	pfh.family = AF_INET;

	skb = ip_make_skb(sk, &fl4, ping_getfrag, &pfh, len - sizeof(struct icmphdr),
			  sizeof(struct icmphdr), &ipc, &rt, msg->msg_flags);
	if (IS_ERR(skb)) {
		err = PTR_ERR(skb);
	} else {
		/* RFC 792: the checksum covers the ICMP header and the data. */
		icmph = icmp_hdr(skb);
		memcpy(icmph, &pfh.icmph, sizeof(struct icmphdr));
		icmph->checksum = csum_fold(skb_checksum(skb, skb_transport_offset(skb),
							 skb->len - skb_transport_offset(skb), 0));
		skb->ip_summed = CHECKSUM_NONE;
		err = ip_send_skb(net, skb);
	}
	release_sock(sk);

out:
	ip_rt_put(rt);
	if (!err) {
		ICMP_INC_STATS(net, ICMP_MIB_OUTMSGS);
		ICMP_INC_STATS(net, ICMP_MIB_OUTECHOS);
		ICMPMSGOUT_INC_STATS(net, user_icmph.type);
		return len;
	}
	return err;
}

/* The echo reply, ICMP header included, as Linux ping sockets return it. */
noinline int ping_recvmsg(struct sock *sk, struct msghdr *msg, size_t len, int noblock, int flags,
			  int *addr_len)
{
	struct inet_sock *isk = inet_sk(sk);
	struct sk_buff *skb;
	int copied, err;

	err = -EOPNOTSUPP;
	if (flags & MSG_OOB)
		goto out;

	if (flags & MSG_ERRQUEUE)
		return ip_recv_error(sk, msg, len, addr_len);

	skb = skb_recv_datagram(sk, flags, noblock, &err);
	if (!skb)
		goto out;

	copied = skb->len;
	if ((size_t)copied > len) {
		msg->msg_flags |= MSG_TRUNC;
		copied = len;
	}

	/* Don't bother checking the checksum */
	err = skb_copy_datagram_msg(skb, 0, msg, copied);
	if (err)
		goto done;

	/* Copy the address and add cmsg data. */
	{
		struct sockaddr_in *sin = (struct sockaddr_in *)msg->msg_name;

		if (sin) {
			sin->sin_family = AF_INET;
			sin->sin_port = 0 /* skb->h.uh->source */;
			sin->sin_addr.s_addr = ip_hdr(skb)->saddr;
			memset(sin->sin_zero, 0, sizeof(sin->sin_zero));
			*addr_len = sizeof(*sin);
		}

		if (isk->cmsg_flags)
			ip_cmsg_recv(msg, skb);
	}

	err = copied;

done:
	skb_free_datagram(sk, skb);
out:
	return err;
}

int ping_queue_rcv_skb(struct sock *sk, struct sk_buff *skb)
{
	if (sock_queue_rcv_skb(sk, skb) < 0) {
		kfree_skb_reason(skb, SKB_DROP_REASON_SOCKET_RCVBUFF);
		return -1;
	}
	return 0;
}

/*
 *	All we need to do is get the socket.
 */
noinline bool ping_rcv(struct sk_buff *skb)
{
	struct sock *sk;
	struct net *net = dev_net(skb->dev);
	struct icmphdr *icmph = icmp_hdr(skb);
	bool rc = false;

	/* icmp_rcv has checked the checksum and pulled the ICMP header: put it back for the reader. */
	skb_push(skb, skb->data - (u8 *)icmph);

	sk = ping_lookup(net, skb, ntohs(icmph->un.echo.id));
	if (sk) {
		struct sk_buff *skb2 = skb_clone(skb, GFP_ATOMIC);

		if (skb2 && !ping_queue_rcv_skb(sk, skb2))
			rc = true;
		sock_put(sk);
	}
	return rc;
}

struct proto ping_prot = {
	.name =		"PING",
	.init =		ping_init_sock,
	.close =	ping_close,
	.connect =	ip4_datagram_connect,
	.disconnect =	__udp_disconnect,
	.setsockopt =	ip_setsockopt,
	.getsockopt =	ip_getsockopt,
	.sendmsg =	ping_v4_sendmsg,
	.recvmsg =	ping_recvmsg,
	.bind =		ping_bind,
	.backlog_rcv =	ping_queue_rcv_skb,
	.hash =		ping_hash,
	.unhash =	ping_unhash,
	.get_port =	ping_get_port,
	.obj_size =	sizeof(struct inet_sock),
};

/* /proc/net/icmp: the ping sockets, in /proc/net/udp's format (Linux ping_v4_format_sock). */
static int ping_v4_seq_show(struct seq_file *seq, void *v)
{
	unsigned int slot;

	seq_printf(seq, "%-127s\n",
		   "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops");
	spin_lock_bh(&ping_table.lock);
	for (slot = 0; slot < PING_HTABLE_SIZE; slot++) {
		struct sock *sp;

		sk_for_each(sp, &ping_table.hash[slot]) {
			struct inet_sock *inet = inet_sk(sp);

			seq_printf(seq, "%5d: %08X:%04X %08X:%04X %02X %08X:%08X %02X:%08lX %08X %5u %8d %lu %d %016lx %u\n",
				   slot, inet->inet_rcv_saddr, ntohs(inet->inet_sport),
				   inet->inet_daddr, ntohs(inet->inet_dport), sp->sk_state,
				   sk_wmem_alloc_get(sp), sk_rmem_alloc_get(sp),
				   0, 0L, 0, 0, 0, 0UL, refcount_read(&sp->sk_refcnt),
				   (unsigned long)sp, atomic_read(&sp->sk_drops));
		}
	}
	spin_unlock_bh(&ping_table.lock);
	return 0;
}

int ping_proc_init(void)
{
	return proc_create_single("net/icmp", 0444, NULL, ping_v4_seq_show) ? 0 : -ENOMEM;
}

void ping_init(void)
{
	int i;

	for (i = 0; i < PING_HTABLE_SIZE; i++)
		INIT_HLIST_HEAD(&ping_table.hash[i]);
	spin_lock_init(&ping_table.lock);
}
