/*
 * TCP over IPv4: the protocol tables (tcp_prot, ipv4_specific), the IP-facing entry points and
 * everything that needs IPv4 addresses.
 *
 * Receive: ip_local_deliver_finish -> inet_protos[IPPROTO_TCP]->handler = tcp_v4_rcv (checksum,
 * __inet_lookup_skb: established / request / TIME_WAIT / listener) -> tcp_v4_do_rcv (or the
 * socket backlog when a process owns the socket) -> tcp_rcv_established / tcp_rcv_state_process.
 * Active open: inet_stream_connect -> tcp_v4_connect (route, source address, SYN_SENT,
 * inet_hash_connect, secure_tcp_seq ISN) -> tcp_connect.
 * Passive open: tcp_rcv_state_process (LISTEN) -> tcp_v4_conn_request -> tcp_conn_request ->
 * tcp_v4_send_synack; final ACK -> tcp_check_req -> tcp_v4_syn_recv_sock.
 * Segments without a socket: tcp_v4_send_reset (RFC 9293 3.10.7.1); TIME_WAIT and request socks
 * answer with tcp_v4_send_ack. /proc/net/tcp is printed here too.
 */
#include <net/tcp.h>
#include <net/icmp.h>
#include <net/route.h>
#include <net/secure_seq.h>
#include <linux/proc_fs.h>
#include <linux/random.h>

struct inet_hashinfo tcp_hashinfo;

static u32 tcp_v4_init_seq(const struct sk_buff *skb)
{
	return secure_tcp_seq(ip_hdr(skb)->daddr, ip_hdr(skb)->saddr, tcp_hdr(skb)->dest,
			      tcp_hdr(skb)->source);
}

static u32 tcp_v4_init_ts_off(const struct sk_buff *skb)
{
	return secure_tcp_ts_off(&init_net, ip_hdr(skb)->daddr, ip_hdr(skb)->saddr);
}

/* ---- active open -------------------------------------------------------------------------- */

/* This will initiate an outgoing connection (seed 000: "tcp_v4_connect"). */
noinline int tcp_v4_connect(struct sock *sk, struct sockaddr *uaddr, int addr_len)
{
	struct sockaddr_in *usin = (struct sockaddr_in *)uaddr;
	struct inet_sock *inet = inet_sk(sk);
	struct tcp_sock *tp = tcp_sk(sk);
	__be16 orig_sport, orig_dport;
	__be32 daddr, nexthop;
	struct flowi4 *fl4;
	struct rtable *rt;
	int err;
	struct inet_timewait_death_row *tcp_death_row = &sock_net(sk)->ipv4.tcp_death_row;

	if (addr_len < (int)sizeof(struct sockaddr_in))
		return -EINVAL;
	if (usin->sin_family != AF_INET)
		return -EAFNOSUPPORT;

	nexthop = daddr = usin->sin_addr.s_addr;
	orig_sport = inet->inet_sport;
	orig_dport = usin->sin_port;
	fl4 = &inet->cork.fl.u.ip4;
	rt = ip_route_connect(fl4, nexthop, inet->inet_saddr, sk->sk_bound_dev_if, IPPROTO_TCP,
			      orig_sport, orig_dport, sk);
	if (IS_ERR(rt)) {
		err = PTR_ERR(rt);
		if (err == -ENETUNREACH)
			IP_INC_STATS(sock_net(sk), IPSTATS_MIB_OUTNOROUTES);
		return err;
	}
	if (rt->rt_flags & (RTCF_MULTICAST | RTCF_BROADCAST)) {
		ip_rt_put(rt);
		return -ENETUNREACH;
	}

	daddr = fl4->daddr;
	if (!inet->inet_saddr)
		inet->inet_saddr = fl4->saddr;
	inet->inet_rcv_saddr = inet->inet_saddr;

	if (tp->rx_opt.ts_recent_stamp && inet->inet_daddr != daddr) {
		/* Reset inherited state (a socket reconnected elsewhere). */
		tp->rx_opt.ts_recent = 0;
		tp->rx_opt.ts_recent_stamp = 0;
		tp->write_seq = 0;
	}

	inet->inet_dport = usin->sin_port;
	inet->inet_daddr = daddr;
	inet_csk(sk)->icsk_ext_hdr_len = 0;
	tp->rx_opt.mss_clamp = TCP_MSS_DEFAULT;

	/*
	 * Socket identity is still unknown (sport may be zero). However we set state to SYN-SENT
	 * and, not releasing the socket lock, select a source port, enter ourselves into the hash
	 * tables and complete initialization after this.
	 */
	tcp_set_state(sk, TCP_SYN_SENT);
	err = inet_hash_connect(tcp_death_row, sk);
	if (err)
		goto failure;

	/* OK, now commit destination to socket. */
	sk_dst_set(sk, &rt->dst);
	rt = NULL;

	if (!tp->write_seq)
		tp->write_seq = secure_tcp_seq(inet->inet_saddr, inet->inet_daddr, inet->inet_sport,
					       usin->sin_port);
	tp->tsoffset = secure_tcp_ts_off(sock_net(sk), inet->inet_saddr, inet->inet_daddr);
	inet->inet_id = tp->write_seq ^ jiffies;

	err = tcp_connect(sk);
	if (err)
		goto failure;
	return 0;

failure:
	/* This unhashes the socket and releases the local port, if necessary. */
	tcp_set_state(sk, TCP_CLOSE);
	if (rt)
		ip_rt_put(rt);
	inet->inet_dport = 0;
	return err;
}

/* ---- checksums ---------------------------------------------------------------------------- */

static void __tcp_v4_send_check(struct sk_buff *skb, __be32 saddr, __be32 daddr)
{
	struct tcphdr *th = tcp_hdr(skb);

	th->check = 0;
	th->check = tcp_v4_check(skb->len, saddr, daddr, csum_partial(th, skb->len, 0));
	skb->ip_summed = CHECKSUM_NONE;
}

/* RFC 9293 3.1: the checksum covers the pseudo-header, the header and the data. */
void tcp_v4_send_check(struct sock *sk, struct sk_buff *skb)
{
	const struct inet_sock *inet = inet_sk(sk);

	__tcp_v4_send_check(skb, inet->inet_saddr, inet->inet_daddr);
}

/* Verifies the checksum of a received segment (skb->data at the TCP header). */
static bool tcp_v4_checksum_bad(struct sk_buff *skb)
{
	const struct iphdr *iph = ip_hdr(skb);

	if (skb->ip_summed == CHECKSUM_UNNECESSARY)
		return false;
	return tcp_v4_check(skb->len, iph->saddr, iph->daddr, skb_checksum(skb, 0, skb->len, 0)) != 0;
}

/* ---- replies without a full socket ------------------------------------------------------- */

/* Builds a bare TCP segment (20 bytes + optional timestamps) answering skb and sends it. */
static void tcp_v4_send_reply(const struct sock *sk, struct sk_buff *skb, u32 seq, u32 ack, u16 win,
			      u8 flags, bool ts, u32 tsval, u32 tsecr)
{
	const struct tcphdr *th = tcp_hdr(skb);
	const struct iphdr *iph = ip_hdr(skb);
	unsigned int len = sizeof(struct tcphdr) + (ts ? TCPOLEN_TSTAMP_ALIGNED : 0);
	struct sk_buff *nskb;
	struct tcphdr *rth;

	nskb = alloc_skb(MAX_TCP_HEADER, GFP_ATOMIC);
	if (!nskb)
		return;
	skb_reserve(nskb, MAX_TCP_HEADER);
	rth = skb_push(nskb, len);
	skb_reset_transport_header(nskb);
	memset(rth, 0, sizeof(*rth));
	rth->source = th->dest;
	rth->dest = th->source;
	rth->seq = htonl(seq);
	rth->ack_seq = htonl(ack);
	rth->doff = len / 4;
	((u8 *)rth)[13] = flags;
	rth->window = htons(win);
	if (ts) {
		__be32 *opt = (__be32 *)(rth + 1);

		opt[0] = htonl((TCPOPT_NOP << 24) | (TCPOPT_NOP << 16) | (TCPOPT_TIMESTAMP << 8) |
			       TCPOLEN_TIMESTAMP);
		opt[1] = htonl(tsval);
		opt[2] = htonl(tsecr);
	}
	__tcp_v4_send_check(nskb, iph->daddr, iph->saddr);
	ip_build_and_send_pkt(nskb, sk && sk_fullsock(sk) ? sk : NULL, iph->daddr, iph->saddr, NULL, 0);
	TCP_INC_STATS(&init_net, TCP_MIB_OUTSEGS);
}

/*
 * RFC 9293 3.10.7.1 reset generation: if the offending segment has an ACK, the RST takes its
 * sequence number from that ACK; otherwise seq 0 and ACK = SEG.SEQ + SEG.LEN. Never answer a RST,
 * and never answer segments that were not addressed to us (broadcast).
 */
noinline void tcp_v4_send_reset(const struct sock *sk, struct sk_buff *skb)
{
	const struct tcphdr *th = tcp_hdr(skb);
	struct rtable *rt = skb_rtable(skb);

	if (th->rst)
		return;
	if (!sk && rt && rt->rt_type != RTN_LOCAL)
		return;

	if (th->ack)
		tcp_v4_send_reply(sk, skb, ntohl(th->ack_seq), 0, 0, TCPHDR_RST, false, 0, 0);
	else
		tcp_v4_send_reply(sk, skb, 0, TCP_SKB_CB(skb)->end_seq, 0, TCPHDR_RST | TCPHDR_ACK,
				  false, 0, 0);
	TCP_INC_STATS(&init_net, TCP_MIB_OUTRSTS);
}

/* The ACK a TIME_WAIT or request sock owes (no full socket to run tcp_send_ack on). */
static void tcp_v4_send_ack(const struct sock *sk, struct sk_buff *skb, u32 seq, u32 ack, u32 win,
			    bool ts, u32 tsval, u32 tsecr)
{
	tcp_v4_send_reply(sk, skb, seq, ack, min(win, 65535U), TCPHDR_ACK, ts, tsval, tsecr);
}

static void tcp_v4_timewait_ack(struct sock *sk, struct sk_buff *skb)
{
	struct inet_timewait_sock *tw = inet_twsk(sk);
	struct tcp_timewait_sock *tcptw = tcp_twsk(sk);

	tcp_v4_send_ack(sk, skb, tcptw->tw_snd_nxt, tcptw->tw_rcv_nxt,
			tcptw->tw_rcv_wnd >> tw->tw_rcv_wscale, tcptw->tw_ts_recent_stamp != 0,
			tcp_time_stamp_raw() + tcptw->tw_ts_offset, tcptw->tw_ts_recent);
	inet_twsk_put(tw);
}

static void tcp_v4_reqsk_send_ack(const struct sock *sk, struct sk_buff *skb, struct request_sock *req)
{
	tcp_v4_send_ack(sk, skb, tcp_rsk(req)->snt_isn + 1, tcp_rsk(req)->rcv_nxt,
			req->rsk_rcv_wnd >> inet_rsk(req)->rcv_wscale, inet_rsk(req)->tstamp_ok,
			tcp_time_stamp_raw() + tcp_rsk(req)->ts_off, req->ts_recent);
}

/* ---- passive open ------------------------------------------------------------------------- */

/* Sends the SYN-ACK of a request sock (first time and from the request timer). */
static noinline int tcp_v4_send_synack(const struct sock *sk, struct dst_entry *dst, struct request_sock *req)
{
	const struct inet_request_sock *ireq = inet_rsk(req);
	struct flowi4 fl4;
	struct sk_buff *skb;
	int err = -ENOMEM;

	if (!dst) {
		dst = inet_csk_route_req(sk, &fl4, req);
		if (!dst)
			return -EHOSTUNREACH;
	}
	skb = tcp_make_synack(sk, dst, req);
	if (skb) {
		__tcp_v4_send_check(skb, ireq->ir_loc_addr, ireq->ir_rmt_addr);
		skb_dst_set(skb, dst);	/* the skb takes over our reference */
		err = ip_build_and_send_pkt(skb, sk, ireq->ir_loc_addr, ireq->ir_rmt_addr, NULL, 0);
		if (err > 0)
			err = 0;
	} else {
		dst_release(dst);
	}
	return err;
}

static void tcp_v4_reqsk_destructor(struct request_sock *req)
{
}

static void tcp_v4_init_req(struct request_sock *req, const struct sock *sk_listener, struct sk_buff *skb)
{
	struct inet_request_sock *ireq = inet_rsk(req);

	ireq->ir_loc_addr = ip_hdr(skb)->daddr;
	ireq->ir_rmt_addr = ip_hdr(skb)->saddr;
}

struct request_sock_ops tcp_request_sock_ops = {
	.family		= PF_INET,
	.obj_size	= sizeof(struct tcp_request_sock),
	.slab_name	= "request_sock_TCP",
	.rtx_syn_ack	= tcp_rtx_synack,
	.send_ack	= tcp_v4_reqsk_send_ack,
	.destructor	= tcp_v4_reqsk_destructor,
	.send_reset	= tcp_v4_send_reset,
	.syn_ack_timeout = tcp_syn_ack_timeout,
};

const struct tcp_request_sock_ops tcp_request_sock_ipv4_ops = {
	.mss_clamp	= TCP_MSS_DEFAULT,
	.init_req	= tcp_v4_init_req,
	.init_seq	= tcp_v4_init_seq,
	.init_ts_off	= tcp_v4_init_ts_off,
	.send_synack	= tcp_v4_send_synack,
};

noinline int tcp_v4_conn_request(struct sock *sk, struct sk_buff *skb)
{
	/* Never answer SYNs sent to broadcast or multicast. */
	if (skb_rtable(skb) && skb_rtable(skb)->rt_flags & (RTCF_BROADCAST | RTCF_MULTICAST))
		goto drop;
	return tcp_conn_request(&tcp_request_sock_ops, &tcp_request_sock_ipv4_ops, sk, skb);

drop:
	NET_INC_STATS(sock_net(sk), LINUX_MIB_LISTENDROPS);
	return 0;
}

/*
 * The three-way handshake has completed: create the child socket (tcp_create_openreq_child),
 * give it the addresses, the route and the MSS, inherit the listener's port and put it in the
 * established hash in place of the request sock.
 */
noinline struct sock *tcp_v4_syn_recv_sock(const struct sock *sk, struct sk_buff *skb,
					   struct request_sock *req, struct dst_entry *dst,
					   struct request_sock *req_unhash, bool *own_req)
{
	struct inet_request_sock *ireq;
	struct inet_sock *newinet;
	struct tcp_sock *newtp;
	struct sock *newsk;

	if (sk_acceptq_is_full(sk))
		goto exit_overflow;

	newsk = tcp_create_openreq_child(sk, req, skb);
	if (!newsk)
		goto exit_nonewsk;

	newtp = tcp_sk(newsk);
	newinet = inet_sk(newsk);
	ireq = inet_rsk(req);
	newinet->inet_daddr = ireq->ir_rmt_addr;
	newinet->inet_rcv_saddr = ireq->ir_loc_addr;
	newinet->inet_saddr = ireq->ir_loc_addr;
	newinet->inet_dport = ireq->ir_rmt_port;
	newinet->inet_id = get_random_u32();
	inet_csk(newsk)->icsk_ext_hdr_len = 0;

	if (!dst) {
		dst = inet_csk_route_child_sock(sk, newsk, req);
		if (!dst)
			goto put_and_exit;
	}
	sk_dst_set(newsk, dst);

	tcp_sync_mss(newsk, dst_mtu(dst));
	newtp->advmss = dst_mtu(dst) - sizeof(struct iphdr) - sizeof(struct tcphdr);
	if (tcp_sk(sk)->rx_opt.user_mss && tcp_sk(sk)->rx_opt.user_mss < newtp->advmss)
		newtp->advmss = tcp_sk(sk)->rx_opt.user_mss;
	if (newtp->rx_opt.tstamp_ok)
		newtp->advmss -= TCPOLEN_TSTAMP_ALIGNED;
	inet_csk(newsk)->icsk_ack.rcv_mss = max(min_t(unsigned int, newtp->advmss, TCP_MSS_DEFAULT),
						TCP_MIN_MSS);

	if (__inet_inherit_port(sk, newsk) < 0)
		goto put_and_exit;
	*own_req = inet_ehash_nolisten(newsk, req_to_sk(req_unhash));
	return newsk;

exit_overflow:
	NET_INC_STATS(sock_net(sk), LINUX_MIB_LISTENOVERFLOWS);
exit_nonewsk:
	dst_release(dst);
	NET_INC_STATS(sock_net(sk), LINUX_MIB_LISTENDROPS);
	return NULL;
put_and_exit:
	inet_csk_prepare_forced_close(newsk);
	tcp_done(newsk);
	NET_INC_STATS(sock_net(sk), LINUX_MIB_LISTENDROPS);
	return NULL;
}

/* ---- receive ------------------------------------------------------------------------------ */

/*
 * The socket must have its spinlock held when we get here, unless it is a TCP_LISTEN socket.
 * ESTABLISHED goes to the fast path; everything else to the state machine. A nonzero return of
 * tcp_rcv_state_process means: answer with a reset.
 */
noinline int tcp_v4_do_rcv(struct sock *sk, struct sk_buff *skb)
{
	struct sock *rsk;

	if (sk->sk_state == TCP_ESTABLISHED) {	/* Fast path */
		tcp_rcv_established(sk, skb);
		return 0;
	}

	if (tcp_rcv_state_process(sk, skb)) {
		rsk = sk;
		goto reset;
	}
	return 0;

reset:
	tcp_v4_send_reset(rsk, skb);
	kfree_skb(skb);
	return 0;
}

/* Backlog of a socket a process holds: bounded by its buffers, overflow is a counted drop. */
static bool tcp_add_backlog(struct sock *sk, struct sk_buff *skb)
{
	u32 limit = sk->sk_rcvbuf + sk->sk_sndbuf;

	if (unlikely(sk_add_backlog(sk, skb, limit))) {
		NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPBACKLOGDROP);
		return true;
	}
	return false;
}

static void tcp_v4_fill_cb(struct sk_buff *skb, const struct tcphdr *th)
{
	struct tcp_skb_cb *tcb = TCP_SKB_CB(skb);

	memset(tcb, 0, sizeof(*tcb));
	tcb->seq = ntohl(th->seq);
	tcb->end_seq = tcb->seq + th->syn + th->fin + skb->len - th->doff * 4;
	tcb->ack_seq = ntohl(th->ack_seq);
	tcb->tcp_flags = tcp_flag_byte(th);
}

/*
 * Every TCP segment addressed to this host arrives here (inet_protos[IPPROTO_TCP]->handler), with
 * skb->data at the TCP header. Bad segments are counted (InErrs, InCsumErrors) and dropped.
 */
noinline int tcp_v4_rcv(struct sk_buff *skb)
{
	struct net *net = &init_net;
	const struct iphdr *iph;
	const struct tcphdr *th;
	bool refcounted;
	struct sock *sk;
	int ret;

	if (skb->pkt_type != PACKET_HOST)
		goto discard_it;

	TCP_INC_STATS(net, TCP_MIB_INSEGS);

	if (!pskb_may_pull(skb, sizeof(struct tcphdr)))
		goto bad_packet;
	skb_reset_transport_header(skb);
	th = (const struct tcphdr *)skb->data;
	if (unlikely(th->doff < sizeof(struct tcphdr) / 4))
		goto bad_packet;
	if (!pskb_may_pull(skb, th->doff * 4))
		goto bad_packet;
	if (tcp_v4_checksum_bad(skb))
		goto csum_error;

	iph = ip_hdr(skb);
	tcp_v4_fill_cb(skb, th);
	net_debug(NET_DBG_TCP, "tcp: in %pI4:%u->%pI4:%u seq %u ack %u flags %#x len %u\n",
		  &iph->saddr, ntohs(th->source), &iph->daddr, ntohs(th->dest), TCP_SKB_CB(skb)->seq,
		  TCP_SKB_CB(skb)->ack_seq, TCP_SKB_CB(skb)->tcp_flags, skb->len - th->doff * 4);

lookup:
	sk = __inet_lookup_skb(&tcp_hashinfo, skb, __tcp_hdrlen(th), th->source, th->dest, 0, &refcounted);
	if (!sk)
		goto no_tcp_socket;

process:
	if (sk->sk_state == TCP_TIME_WAIT)
		goto do_time_wait;

	if (sk->sk_state == TCP_NEW_SYN_RECV) {
		struct request_sock *req = inet_reqsk(sk);
		bool req_stolen = false;
		struct sock *nsk;

		sk = req->rsk_listener;
		if (unlikely(sk->sk_state != TCP_LISTEN)) {
			inet_csk_reqsk_queue_drop_and_put(sk, req);
			goto lookup;
		}
		/* We own a reference on the request; take one on the listener too. */
		sock_hold(sk);
		refcounted = true;
		nsk = tcp_check_req(sk, skb, req, false, &req_stolen);
		if (!nsk) {
			reqsk_put(req);
			goto discard_and_relse;
		}
		if (nsk == sk) {
			reqsk_put(req);
		} else if (tcp_child_process(sk, nsk, skb)) {
			tcp_v4_send_reset(nsk, skb);
			goto discard_and_relse;
		} else {
			sock_put(sk);
			return 0;
		}
	}

	if (sk->sk_state == TCP_LISTEN) {
		ret = tcp_v4_do_rcv(sk, skb);
		goto put_and_return;
	}

	bh_lock_sock_nested(sk);
	ret = 0;
	if (!sock_owned_by_user(sk)) {
		ret = tcp_v4_do_rcv(sk, skb);
	} else if (tcp_add_backlog(sk, skb)) {
		bh_unlock_sock(sk);
		goto discard_and_relse;
	}
	bh_unlock_sock(sk);

put_and_return:
	if (refcounted)
		sock_put(sk);
	return ret;

no_tcp_socket:
	/* RFC 9293 3.10.7.1: CLOSED -- answer anything but a RST with a reset. */
	tcp_v4_send_reset(NULL, skb);
discard_it:
	kfree_skb(skb);
	return 0;

csum_error:
	TCP_INC_STATS(net, TCP_MIB_CSUMERRORS);
bad_packet:
	TCP_INC_STATS(net, TCP_MIB_INERRS);
	goto discard_it;

discard_and_relse:
	sk_drops_add(sk, skb);
	if (refcounted)
		sock_put(sk);
	goto discard_it;

do_time_wait:
	switch (tcp_timewait_state_process(inet_twsk(sk), skb, th)) {
	case TCP_TW_SYN: {
		struct sock *sk2 = inet_lookup_listener(net, &tcp_hashinfo, skb, __tcp_hdrlen(th), iph->saddr,
							th->source, iph->daddr, th->dest, 0, 0);

		if (sk2) {
			inet_twsk_deschedule_put(inet_twsk(sk));
			sk = sk2;
			refcounted = false;
			goto process;
		}
		/* No listener: answer as TIME_WAIT would. */
	}
		__attribute__((__fallthrough__));
	case TCP_TW_ACK:
		tcp_v4_timewait_ack(sk, skb);
		break;
	case TCP_TW_RST:
		tcp_v4_send_reset(sk, skb);
		inet_twsk_deschedule_put(inet_twsk(sk));
		goto discard_it;
	case TCP_TW_SUCCESS:
		break;
	}
	goto discard_it;
}

/*
 * ICMP errors about a segment we sent (RFC 1122 4.2.3.9): "fragmentation needed" lowers the MSS,
 * hard errors abort a connection still in the handshake, soft errors are remembered (SO_ERROR).
 */
int tcp_v4_err(struct sk_buff *skb, u32 info)
{
	const struct iphdr *iph = (const struct iphdr *)skb->data;
	const struct tcphdr *th;
	const int type = icmp_hdr(skb)->type;
	const int code = icmp_hdr(skb)->code;
	struct tcp_sock *tp;
	struct sock *sk;
	u32 seq;
	int err;

	if (skb->len < (unsigned int)(iph->ihl << 2) + 8)
		return -EINVAL;
	th = (const struct tcphdr *)(skb->data + (iph->ihl << 2));
	sk = __inet_lookup_established(&init_net, &tcp_hashinfo, iph->daddr, th->dest, iph->saddr,
				       ntohs(th->source), 0, 0);
	if (!sk) {
		__ICMP_INC_STATS(&init_net, ICMP_MIB_INERRORS);
		return -ENOENT;
	}
	if (sk->sk_state == TCP_TIME_WAIT) {
		inet_twsk_put(inet_twsk(sk));
		return 0;
	}
	if (sk->sk_state == TCP_NEW_SYN_RECV) {
		reqsk_put(inet_reqsk(sk));
		return 0;
	}

	bh_lock_sock(sk);
	tp = tcp_sk(sk);
	seq = ntohl(th->seq);
	if (sk->sk_state != TCP_LISTEN && !between(seq, tp->snd_una, tp->snd_nxt)) {
		NET_INC_STATS(&init_net, LINUX_MIB_OUTOFWINDOWICMPS);
		goto out;
	}

	switch (type) {
	case ICMP_DEST_UNREACH:
		if (code > NR_ICMP_UNREACH)
			goto out;
		if (code == ICMP_FRAG_NEEDED) {
			/* RFC 1191: path MTU discovery. */
			if (!sock_owned_by_user(sk) && info >= 68 && info < inet_csk(sk)->icsk_pmtu_cookie) {
				tcp_sync_mss(sk, info);
				tcp_simple_retransmit(sk);
			}
			goto out;
		}
		err = icmp_err_convert[code].errno;
		break;
	case ICMP_TIME_EXCEEDED:
		err = EHOSTUNREACH;
		break;
	default:
		goto out;
	}

	switch (sk->sk_state) {
	case TCP_SYN_SENT:
	case TCP_SYN_RECV:
		/* RFC 1122 4.2.3.9: a hard error during the handshake aborts it. */
		if (!sock_owned_by_user(sk) && icmp_err_convert[code].fatal && type == ICMP_DEST_UNREACH) {
			TCP_INC_STATS(&init_net, TCP_MIB_ATTEMPTFAILS);
			sk->sk_err = err;
			sk->sk_error_report(sk);
			tcp_done(sk);
		} else {
			sk->sk_err_soft = err;
		}
		break;
	default:
		sk->sk_err_soft = err;
	}
out:
	bh_unlock_sock(sk);
	sock_put(sk);
	return 0;
}

/* ---- socket setup ------------------------------------------------------------------------- */

const struct inet_connection_sock_af_ops ipv4_specific = {
	.queue_xmit	= ip_queue_xmit,
	.send_check	= tcp_v4_send_check,
	.conn_request	= tcp_v4_conn_request,
	.syn_recv_sock	= tcp_v4_syn_recv_sock,
	.net_header_len	= sizeof(struct iphdr),
	.sockaddr_len	= sizeof(struct sockaddr_in),
};

/* sk->sk_prot->init (inet_create): a fresh TCP socket, family-specific ops. */
noinline int tcp_v4_init_sock(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);

	tcp_init_sock(sk);
	icsk->icsk_af_ops = &ipv4_specific;
	return 0;
}

/* sk->sk_prot->destroy: release everything TCP holds (queues, timers, congestion control). */
void tcp_v4_destroy_sock(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	tcp_clear_xmit_timers(sk);
	tcp_cleanup_congestion_control(sk);
	tcp_write_queue_purge(sk);
	skb_queue_purge(&tp->out_of_order_queue);
	if (inet_csk(sk)->icsk_bind_hash)
		inet_put_port(sk);
	if (tp->orphan_counted) {
		tp->orphan_counted = 0;
		tcp_orphan_count--;
	}
	sk_mem_reclaim(sk);
}

static struct timewait_sock_ops tcp_timewait_sock_ops = {
	.twsk_obj_size	= sizeof(struct tcp_timewait_sock),
	.twsk_slab_name	= "tw_sock_TCP",
	.twsk_destructor = tcp_twsk_destructor,
};

struct proto tcp_prot = {
	.name			= "TCP",
	.close			= tcp_close,
	.connect		= tcp_v4_connect,
	.disconnect		= tcp_disconnect,
	.accept			= inet_csk_accept,
	.ioctl			= tcp_ioctl,
	.init			= tcp_v4_init_sock,
	.destroy		= tcp_v4_destroy_sock,
	.shutdown		= tcp_shutdown,
	.keepalive		= tcp_set_keepalive,
	.setsockopt		= tcp_setsockopt,
	.getsockopt		= tcp_getsockopt,
	.recvmsg		= tcp_recvmsg,
	.sendmsg		= tcp_sendmsg,
	.backlog_rcv		= tcp_v4_do_rcv,
	.release_cb		= tcp_release_cb,
	.hash			= inet_hash,
	.unhash			= inet_unhash,
	.get_port		= inet_csk_get_port,
	.memory_allocated	= &tcp_memory_allocated,
	.sysctl_mem		= sysctl_tcp_mem,
	.sysctl_wmem		= sysctl_tcp_wmem,
	.sysctl_rmem		= sysctl_tcp_rmem,
	.max_header		= MAX_TCP_HEADER,
	.obj_size		= sizeof(struct tcp_sock),
	.twsk_prot		= &tcp_timewait_sock_ops,
	.rsk_prot		= &tcp_request_sock_ops,
	.h.hashinfo		= &tcp_hashinfo,
	.no_autobind		= true,
};

/* ---- /proc/net/tcp ------------------------------------------------------------------------ */

/* USER_HZ is 100, as Linux reports in /proc. */
static unsigned long jiffies_to_clock_t(unsigned long j)
{
	return j / (HZ / 100);
}

/* Our sockets have no inode numbers of their own: the struct socket address identifies one. */
static unsigned long sock_i_ino(const struct sock *sk)
{
	return sk->sk_socket ? ((unsigned long)sk->sk_socket >> 4) & 0xffffffUL : 0;
}

/*
 * Linux's format (net/ipv4/tcp_ipv4.c get_tcp4_sock): addresses and ports in hex as stored in
 * memory, st in hex, tx_queue:rx_queue, timer kind:expiry, retransmits, uid, timeout, inode.
 */
static void get_tcp4_sock(struct sock *sk, struct seq_file *f, int i)
{
	const struct tcp_sock *tp = tcp_sk(sk);
	const struct inet_connection_sock *icsk = inet_csk(sk);
	const struct inet_sock *inet = inet_sk(sk);
	unsigned long timer_expires;
	int timer_active;
	int rx_queue, tx_queue;

	if (icsk->icsk_pending == ICSK_TIME_RETRANS) {
		timer_active = 1;
		timer_expires = icsk->icsk_timeout;
	} else if (icsk->icsk_pending == ICSK_TIME_PROBE0) {
		timer_active = 4;
		timer_expires = icsk->icsk_timeout;
	} else if (timer_pending(&sk->sk_timer)) {
		timer_active = 2;
		timer_expires = sk->sk_timer.expires;
	} else {
		timer_active = 0;
		timer_expires = jiffies;
	}
	if (sk->sk_state == TCP_LISTEN)
		rx_queue = sk->sk_ack_backlog;
	else
		rx_queue = max_t(int, tp->rcv_nxt - tp->copied_seq, 0);
	tx_queue = tp->write_seq - tp->snd_una;

	seq_printf(f, "%4d: %08X:%04X %08X:%04X %02X %08X:%08X %02X:%08lX %08X %5u %8d %lu %d %p %lu %lu %u %u %d",
		   i, inet->inet_rcv_saddr, ntohs(inet->inet_sport), inet->inet_daddr, ntohs(inet->inet_dport),
		   sk->sk_state, tx_queue, rx_queue, timer_active,
		   (unsigned long)jiffies_to_msecs(timer_expires - jiffies) / 10,
		   icsk->icsk_retransmits, 0, icsk->icsk_probes_out, sock_i_ino(sk),
		   refcount_read(&sk->sk_refcnt), sk, (unsigned long)jiffies_to_clock_t(icsk->icsk_rto),
		   (unsigned long)jiffies_to_clock_t(icsk->icsk_ack.ato),
		   (icsk->icsk_ack.quick << 1) | icsk->icsk_ack.pingpong, tp->snd_cwnd,
		   sk->sk_state == TCP_LISTEN ? (int)sk->sk_max_ack_backlog :
		   (tcp_in_initial_slowstart(tp) ? -1 : (int)tp->snd_ssthresh));
}

static void get_openreq4(const struct request_sock *req, struct seq_file *f, int i)
{
	const struct inet_request_sock *ireq = inet_rsk(req);
	long delta = req->rsk_timer.expires - jiffies;

	seq_printf(f, "%4d: %08X:%04X %08X:%04X %02X %08X:%08X %02X:%08lX %08X %5u %8d %u %d %p",
		   i, ireq->ir_loc_addr, ireq->ir_num, ireq->ir_rmt_addr, ntohs(ireq->ir_rmt_port),
		   TCP_SYN_RECV, 0, 0, 1, (unsigned long)jiffies_to_msecs(delta > 0 ? delta : 0) / 10,
		   req->num_timeout, 0, 0, 0, refcount_read(&((struct request_sock *)req)->rsk_refcnt), req);
}

static void get_timewait4_sock(const struct inet_timewait_sock *tw, struct seq_file *f, int i)
{
	long delta = tw->tw_timer.expires - jiffies;

	seq_printf(f, "%4d: %08X:%04X %08X:%04X %02X %08X:%08X %02X:%08lX %08X %5d %8d %d %d %p",
		   i, tw->tw_rcv_saddr, ntohs(tw->tw_sport), tw->tw_daddr, ntohs(tw->tw_dport),
		   tw->tw_substate, 0, 0, 3, (unsigned long)jiffies_to_msecs(delta > 0 ? delta : 0) / 10,
		   0, 0, 0, 0, refcount_read(&((struct inet_timewait_sock *)tw)->tw_refcnt), tw);
}

static void tcp4_show_one(struct seq_file *m, struct sock *sk, int *i)
{
	if (sk->sk_state == TCP_TIME_WAIT)
		get_timewait4_sock(inet_twsk(sk), m, *i);
	else if (sk->sk_state == TCP_NEW_SYN_RECV)
		get_openreq4(inet_reqsk(sk), m, *i);
	else
		get_tcp4_sock(sk, m, *i);
	seq_putc(m, '\n');
	(*i)++;
}

static int tcp4_seq_show(struct seq_file *m, void *v)
{
	struct inet_hashinfo *h = &tcp_hashinfo;
	struct sock *sk;
	unsigned int b;
	int i = 0;

	seq_printf(m, "%-*s\n", 149,
		   "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode");
	local_bh_disable();
	for (b = 0; b < INET_LHTABLE_SIZE; b++)
		sk_for_each(sk, &h->listening_hash[b].head)
			tcp4_show_one(m, sk, &i);
	for (b = 0; h->ehash && b <= h->ehash_mask; b++)
		sk_for_each(sk, &h->ehash[b].chain)
			tcp4_show_one(m, sk, &i);
	local_bh_enable();
	return 0;
}

void tcp_proc_init(void)
{
	proc_create_single("net/tcp", 0444, NULL, tcp4_seq_show);
}
