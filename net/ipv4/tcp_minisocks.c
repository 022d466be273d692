/*
 * TCP's small sockets: request socks (half-open connections in the SYN queue) and TIME_WAIT socks.
 *
 * Passive open: tcp_v4_rcv finds a request sock (TCP_NEW_SYN_RECV) for the final ACK ->
 * tcp_check_req (RFC 9293 3.10.7.4 for SYN-RECEIVED) -> icsk_af_ops->syn_recv_sock =
 * tcp_v4_syn_recv_sock -> tcp_create_openreq_child (the full socket, in SYN_RECV) ->
 * inet_csk_complete_hashdance (accept queue) -> tcp_child_process -> tcp_rcv_state_process
 * (ESTABLISHED) and the listener is woken.
 * Active close: tcp_time_wait replaces the socket by an inet_timewait_sock for 2*MSL
 * (RFC 9293 3.6.1); tcp_timewait_state_process answers what still arrives for it.
 */
#include <net/tcp.h>

/* RFC 9293 3.10.7.4 acceptability of [seq, end_seq) in the window [s_win, e_win). */
static bool tcp_in_window(u32 seq, u32 end_seq, u32 s_win, u32 e_win)
{
	if (seq == s_win)
		return true;
	if (after(end_seq, s_win) && before(seq, e_win))
		return true;
	return seq == e_win && seq == end_seq;
}

static enum tcp_tw_status tcp_timewait_check_oow_rate_limit(struct inet_timewait_sock *tw,
							     const struct sk_buff *skb)
{
	struct tcp_timewait_sock *tcptw = tcp_twsk((struct sock *)tw);

	if (!tcp_oow_rate_limited(tw->tw_net, skb, &tcptw->tw_last_oow_ack_time))
		return TCP_TW_ACK;
	inet_twsk_put(tw);
	return TCP_TW_SUCCESS;
}

/*
 * A segment for a TIME_WAIT (or orphaned FIN_WAIT2) connection. RFC 9293 3.10.7.4 for TIME-WAIT:
 * a retransmitted FIN is ACKed and restarts the 2*MSL timer; an in-window RST ends it; a new SYN
 * with a higher sequence number (or newer timestamp, RFC 6191) may reopen the connection.
 * The caller's reference on tw is dropped here except for TCP_TW_ACK/RST/SYN.
 */
enum tcp_tw_status tcp_timewait_state_process(struct inet_timewait_sock *tw, struct sk_buff *skb,
					      const struct tcphdr *th)
{
	struct tcp_timewait_sock *tcptw = tcp_twsk((struct sock *)tw);
	struct tcp_options_received tmp_opt;
	bool paws_reject = false;

	memset(&tmp_opt, 0, sizeof(tmp_opt));
	if (th->doff > (sizeof(*th) >> 2) && tcptw->tw_ts_recent_stamp) {
		tmp_opt.tstamp_ok = 1;
		tcp_parse_options(skb, &tmp_opt, 1);
		if (tmp_opt.saw_tstamp) {
			if (tmp_opt.rcv_tsecr)
				tmp_opt.rcv_tsecr -= tcptw->tw_ts_offset;
			tmp_opt.ts_recent = tcptw->tw_ts_recent;
			tmp_opt.ts_recent_stamp = tcptw->tw_ts_recent_stamp;
			paws_reject = tcp_paws_reject(&tmp_opt, th->rst);
		}
	}

	if (tw->tw_substate == TCP_FIN_WAIT2) {
		/* The checks of tcp_rcv_state_process for FIN_WAIT2, on the small sock. */
		if (paws_reject ||
		    !tcp_in_window(TCP_SKB_CB(skb)->seq, TCP_SKB_CB(skb)->end_seq, tcptw->tw_rcv_nxt,
				   tcptw->tw_rcv_nxt + tcptw->tw_rcv_wnd))
			return tcp_timewait_check_oow_rate_limit(tw, skb);
		if (th->rst)
			goto kill;
		if (th->syn && !before(TCP_SKB_CB(skb)->seq, tcptw->tw_rcv_nxt))
			return TCP_TW_RST;
		/* A duplicate ACK. */
		if (!th->ack || !after(TCP_SKB_CB(skb)->end_seq, tcptw->tw_rcv_nxt) ||
		    TCP_SKB_CB(skb)->end_seq == TCP_SKB_CB(skb)->seq) {
			inet_twsk_put(tw);
			return TCP_TW_SUCCESS;
		}
		/* New data after our close: reset. The FIN alone moves us to TIME_WAIT. */
		if (!th->fin || TCP_SKB_CB(skb)->end_seq != tcptw->tw_rcv_nxt + 1)
			return TCP_TW_RST;
		tw->tw_substate = TCP_TIME_WAIT;
		tcptw->tw_rcv_nxt = TCP_SKB_CB(skb)->end_seq;
		if (tmp_opt.saw_tstamp) {
			tcptw->tw_ts_recent_stamp = tcp_get_seconds();
			tcptw->tw_ts_recent = tmp_opt.rcv_tsval;
		}
		inet_twsk_reschedule(tw, TCP_TIMEWAIT_LEN);
		return TCP_TW_ACK;
	}

	/* Real TIME_WAIT. An in-window segment can only be a RST or a bare ACK. */
	if (!paws_reject && TCP_SKB_CB(skb)->seq == tcptw->tw_rcv_nxt &&
	    (TCP_SKB_CB(skb)->seq == TCP_SKB_CB(skb)->end_seq || th->rst)) {
		if (th->rst) {
			/* RFC 1337 "TIME-WAIT assassination": Linux (and we) accept it by default. */
kill:
			inet_twsk_deschedule_put(tw);
			return TCP_TW_SUCCESS;
		}
		inet_twsk_reschedule(tw, TCP_TIMEWAIT_LEN);
		if (tmp_opt.saw_tstamp) {
			tcptw->tw_ts_recent = tmp_opt.rcv_tsval;
			tcptw->tw_ts_recent_stamp = tcp_get_seconds();
		}
		inet_twsk_put(tw);
		return TCP_TW_SUCCESS;
	}

	/*
	 * RFC 1122 4.2.2.13 / RFC 6191: a new SYN may reopen the connection if its sequence number
	 * (or timestamp) is newer; the new ISN is chosen above anything this incarnation used.
	 */
	if (th->syn && !th->rst && !th->ack && !paws_reject &&
	    (after(TCP_SKB_CB(skb)->seq, tcptw->tw_rcv_nxt) ||
	     (tmp_opt.saw_tstamp && (s32)(tcptw->tw_ts_recent - tmp_opt.rcv_tsval) < 0))) {
		u32 isn = tcptw->tw_snd_nxt + 65535 + 2;

		if (isn == 0)
			isn++;
		TCP_SKB_CB(skb)->tcp_tw_isn = isn;
		return TCP_TW_SYN;
	}

	if (paws_reject)
		NET_INC_STATS(tw->tw_net, LINUX_MIB_PAWSESTABREJECTED);

	if (!th->rst) {
		/* Everything else is ACKed (a retransmitted FIN above all) and restarts 2*MSL. */
		if (paws_reject || th->ack)
			inet_twsk_reschedule(tw, TCP_TIMEWAIT_LEN);
		return tcp_timewait_check_oow_rate_limit(tw, skb);
	}
	inet_twsk_put(tw);
	return TCP_TW_SUCCESS;
}

/*
 * Enter TIME_WAIT (or an orphaned FIN_WAIT2 with timeout timeo): a small inet_timewait_sock takes
 * the socket's place in the hash tables and the full socket is freed (tcp_done).
 */
noinline void tcp_time_wait(struct sock *sk, int state, int timeo)
{
	const struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);
	struct inet_timewait_death_row *dr = &sock_net(sk)->ipv4.tcp_death_row;
	struct inet_timewait_sock *tw;

	tw = inet_twsk_alloc(sk, dr, state);
	if (tw) {
		struct tcp_timewait_sock *tcptw = tcp_twsk((struct sock *)tw);
		const int rto = (icsk->icsk_rto << 2) - (icsk->icsk_rto >> 1);

		tw->tw_rcv_wscale = tp->rx_opt.rcv_wscale;
		tcptw->tw_rcv_nxt = tp->rcv_nxt;
		tcptw->tw_snd_nxt = tp->snd_nxt;
		tcptw->tw_rcv_wnd = tcp_receive_window(tp);
		tcptw->tw_ts_recent = tp->rx_opt.ts_recent;
		tcptw->tw_ts_recent_stamp = tp->rx_opt.ts_recent_stamp;
		tcptw->tw_ts_offset = tp->tsoffset;
		tcptw->tw_last_oow_ack_time = 0;

		if (timeo < rto)
			timeo = rto;
		/* RFC 9293 3.6.1: TIME_WAIT lasts 2*MSL (tcp.msl= on the command line). */
		if (state == TCP_TIME_WAIT)
			timeo = TCP_TIMEWAIT_LEN;

		local_bh_disable();
		inet_twsk_schedule(tw, timeo);
		inet_twsk_hashdance(tw, sk, &tcp_hashinfo);
		local_bh_enable();
		NET_INC_STATS(sock_net(sk), LINUX_MIB_TIMEWAITED);
	}
	/* Without memory for the small sock the connection just closes (as Linux does). */
	tcp_done(sk);
}

void tcp_twsk_destructor(struct sock *sk)
{
}

/* Fills a request sock from the SYN (RFC 9293 3.10.7.2: IRS, options the peer offered). */
noinline void tcp_openreq_init(struct request_sock *req, const struct tcp_options_received *rx_opt,
			       struct sk_buff *skb, const struct sock *sk)
{
	struct inet_request_sock *ireq = inet_rsk(req);

	req->rsk_rcv_wnd = 0;
	req->cookie_ts = 0;
	tcp_rsk(req)->rcv_isn = TCP_SKB_CB(skb)->seq;
	tcp_rsk(req)->rcv_nxt = TCP_SKB_CB(skb)->seq + 1;
	tcp_rsk(req)->snt_synack = 0;
	req->mss = rx_opt->mss_clamp;
	req->ts_recent = rx_opt->saw_tstamp ? rx_opt->rcv_tsval : 0;
	ireq->tstamp_ok = rx_opt->tstamp_ok;
	ireq->sack_ok = rx_opt->sack_ok;
	ireq->snd_wscale = rx_opt->snd_wscale;
	ireq->wscale_ok = rx_opt->wscale_ok;
	ireq->acked = 0;
	ireq->ecn_ok = 0;
	ireq->ir_rmt_port = tcp_hdr(skb)->source;
	ireq->ir_num = ntohs(tcp_hdr(skb)->dest);
}

/*
 * The full socket for a completed handshake: a copy of the listener (inet_csk_clone_lock, which
 * returns it locked) with the connection's sequence numbers and agreed options. State SYN_RECV;
 * the ACK that completed the handshake moves it to ESTABLISHED in tcp_rcv_state_process.
 */
noinline struct sock *tcp_create_openreq_child(const struct sock *sk, struct request_sock *req,
					       struct sk_buff *skb)
{
	struct sock *newsk = inet_csk_clone_lock(sk, req, GFP_ATOMIC);
	const struct inet_request_sock *ireq = inet_rsk(req);
	struct tcp_request_sock *treq = tcp_rsk(req);
	struct inet_connection_sock *newicsk;
	struct tcp_sock *oldtp, *newtp;
	u32 seq;

	if (!newsk)
		return NULL;
	newicsk = inet_csk(newsk);
	newtp = tcp_sk(newsk);
	oldtp = tcp_sk(sk);

	/* The listener's queues were copied by value: the child starts with its own, empty. */
	skb_queue_head_init(&newtp->out_of_order_queue);
	skb_queue_head_init(&newtp->tcp_rtx_queue);
	newtp->highest_sack = NULL;
	newtp->pred_flags = 0;

	seq = treq->rcv_isn + 1;
	newtp->rcv_wup = seq;
	newtp->copied_seq = seq;
	newtp->rcv_nxt = seq;
	newtp->segs_in = 1;

	seq = treq->snt_isn + 1;
	newtp->snd_sml = newtp->snd_una = seq;
	newtp->snd_nxt = seq;
	newtp->snd_up = seq;
	newtp->write_seq = newtp->pushed_seq = seq;
	newtp->snd_wl1 = treq->rcv_isn;

	newtp->srtt_us = 0;
	newtp->mdev_us = jiffies_to_usecs(TCP_TIMEOUT_INIT);
	newicsk->icsk_rto = TCP_TIMEOUT_INIT;
	newicsk->icsk_ack.lrcvtime = tcp_jiffies32;
	newtp->packets_out = 0;
	tcp_clear_retrans(newtp);
	newtp->snd_cwnd = TCP_INIT_CWND;
	newtp->snd_cwnd_cnt = 0;
	newtp->snd_ssthresh = TCP_INFINITE_SSTHRESH;
	newtp->lsndtime = tcp_jiffies32;
	newtp->total_retrans = req->num_retrans;
	newtp->segs_out = newtp->data_segs_out = newtp->data_segs_in = 0;
	newtp->bytes_acked = newtp->bytes_received = newtp->bytes_sent = 0;
	newtp->retrans_stamp = 0;

	tcp_init_xmit_timers(newsk);
	if (sock_flag(newsk, SOCK_KEEPOPEN))
		inet_csk_reset_keepalive_timer(newsk, keepalive_time_when(newtp));

	newtp->rx_opt.tstamp_ok = ireq->tstamp_ok;
	newtp->rx_opt.sack_ok = ireq->sack_ok;
	newtp->rx_opt.num_sacks = 0;
	newtp->rx_opt.dsack = 0;
	newtp->rcv_wnd = req->rsk_rcv_wnd;
	newtp->rcv_ssthresh = req->rsk_rcv_wnd;
	newtp->rx_opt.wscale_ok = ireq->wscale_ok;
	if (newtp->rx_opt.wscale_ok) {
		newtp->rx_opt.snd_wscale = ireq->snd_wscale;
		newtp->rx_opt.rcv_wscale = ireq->rcv_wscale;
		newtp->window_clamp = U16_MAX << ireq->rcv_wscale;
	} else {
		newtp->rx_opt.snd_wscale = newtp->rx_opt.rcv_wscale = 0;
		newtp->window_clamp = 65535U;
	}
	if (oldtp->window_clamp && oldtp->window_clamp < newtp->window_clamp)
		newtp->window_clamp = oldtp->window_clamp;
	newtp->snd_wnd = ntohs(tcp_hdr(skb)->window) << newtp->rx_opt.snd_wscale;
	newtp->max_window = newtp->snd_wnd;

	if (newtp->rx_opt.tstamp_ok) {
		newtp->rx_opt.ts_recent = req->ts_recent;
		newtp->rx_opt.ts_recent_stamp = tcp_get_seconds();
		newtp->tcp_header_len = sizeof(struct tcphdr) + TCPOLEN_TSTAMP_ALIGNED;
	} else {
		newtp->rx_opt.ts_recent_stamp = 0;
		newtp->tcp_header_len = sizeof(struct tcphdr);
	}
	newtp->tsoffset = treq->ts_off;
	newtp->rx_opt.mss_clamp = req->mss;
	newicsk->icsk_ack.last_seg_size = 0;

	TCP_INC_STATS(sock_net(sk), TCP_MIB_PASSIVEOPENS);
	return newsk;
}

/*
 * RFC 9293 3.10.7.4 for SYN-RECEIVED, on a request sock. Returns the child socket when the
 * handshake completed, NULL when the segment was consumed, or the listener sk itself when the
 * listener must answer with a reset (an unacceptable ACK).
 */
noinline struct sock *tcp_check_req(struct sock *sk, struct sk_buff *skb, struct request_sock *req,
				    bool fastopen, bool *req_stolen)
{
	struct tcp_options_received tmp_opt;
	const struct tcphdr *th = tcp_hdr(skb);
	__be32 flg = tcp_flag_word(th) & (TCP_FLAG_RST | TCP_FLAG_SYN | TCP_FLAG_ACK);
	bool paws_reject = false;
	bool own_req;
	struct sock *child;

	memset(&tmp_opt, 0, sizeof(tmp_opt));
	if (th->doff > (sizeof(struct tcphdr) >> 2)) {
		tmp_opt.tstamp_ok = inet_rsk(req)->tstamp_ok;
		tcp_parse_options(skb, &tmp_opt, 1);
		if (tmp_opt.saw_tstamp) {
			tmp_opt.ts_recent = req->ts_recent;
			if (tmp_opt.rcv_tsecr)
				tmp_opt.rcv_tsecr -= tcp_rsk(req)->ts_off;
			/* Our SYN-ACK went out about num_timeout RTOs ago: good enough as the stamp. */
			tmp_opt.ts_recent_stamp = tcp_get_seconds() - ((TCP_TIMEOUT_INIT / HZ) << req->num_timeout);
			paws_reject = tcp_paws_reject(&tmp_opt, th->rst);
		}
	}

	/* A retransmitted SYN: our SYN-ACK was lost, send it again (rate limited). */
	if (TCP_SKB_CB(skb)->seq == tcp_rsk(req)->rcv_isn && flg == TCP_FLAG_SYN && !paws_reject) {
		if (!tcp_oow_rate_limited(sock_net(sk), skb, &tcp_rsk(req)->last_oow_ack_time) &&
		    !req->rsk_ops->rtx_syn_ack(sk, req)) {
			unsigned long expires = jiffies;

			expires += min_t(unsigned long, TCP_TIMEOUT_INIT << req->num_timeout, TCP_RTO_MAX);
			mod_timer(&req->rsk_timer, expires);
		}
		return NULL;
	}

	/* "If the ACK bit is on ... if SEG.ACK is not acceptable, form a reset" (handled by the listener). */
	if ((flg & TCP_FLAG_ACK) && TCP_SKB_CB(skb)->ack_seq != tcp_rsk(req)->snt_isn + 1)
		return sk;

	/* "first check sequence number": not acceptable -> ACK (unless RST) and drop. */
	if (paws_reject || !tcp_in_window(TCP_SKB_CB(skb)->seq, TCP_SKB_CB(skb)->end_seq,
					  tcp_rsk(req)->rcv_nxt, tcp_rsk(req)->rcv_nxt + req->rsk_rcv_wnd)) {
		if (!(flg & TCP_FLAG_RST) &&
		    !tcp_oow_rate_limited(sock_net(sk), skb, &tcp_rsk(req)->last_oow_ack_time))
			req->rsk_ops->send_ack(sk, skb, req);
		if (paws_reject)
			NET_INC_STATS(sock_net(sk), LINUX_MIB_PAWSESTABREJECTED);
		return NULL;
	}

	if (tmp_opt.saw_tstamp && !after(TCP_SKB_CB(skb)->seq, tcp_rsk(req)->rcv_nxt))
		req->ts_recent = tmp_opt.rcv_tsval;

	/* A SYN at the initial sequence number is the original one: only its sequence slot is old. */
	if (TCP_SKB_CB(skb)->seq == tcp_rsk(req)->rcv_isn)
		flg &= ~TCP_FLAG_SYN;

	/* "second check the RST bit", "fourth, check the SYN bit": drop the half-open connection. */
	if (flg & (TCP_FLAG_RST | TCP_FLAG_SYN)) {
		TCP_INC_STATS(sock_net(sk), TCP_MIB_ATTEMPTFAILS);
		goto embryonic_reset;
	}

	/* "fifth check the ACK field": without ACK, drop. */
	if (!(flg & TCP_FLAG_ACK))
		return NULL;

	/* The handshake is complete: make the full socket. */
	child = inet_csk(sk)->icsk_af_ops->syn_recv_sock(sk, skb, req, NULL, req, &own_req);
	if (!child)
		goto listen_overflow;
	return inet_csk_complete_hashdance(sk, child, req, own_req);

listen_overflow:
	/* Accept queue full: forget the ACK, the peer's retransmission or our SYN-ACK retries it. */
	inet_rsk(req)->acked = 1;
	return NULL;

embryonic_reset:
	if (!(flg & TCP_FLAG_RST))
		req->rsk_ops->send_reset(sk, skb);
	if (inet_csk_reqsk_queue_drop(sk, req))
		NET_INC_STATS(sock_net(sk), LINUX_MIB_EMBRYONICRSTS);
	*req_stolen = false;
	return NULL;
}

/*
 * Feeds the handshake-completing segment to the new child and wakes the listener's accept().
 * If a process holds the child (it cannot yet, normally), the segment goes to its backlog.
 */
noinline int tcp_child_process(struct sock *parent, struct sock *child, struct sk_buff *skb)
{
	int state = child->sk_state;
	int ret = 0;

	if (!sock_owned_by_user(child)) {
		ret = tcp_rcv_state_process(child, skb);
		/* Wake up the listener blocked in accept() (inet_csk_wait_for_connect). */
		if (state == TCP_SYN_RECV && child->sk_state != state)
			parent->sk_data_ready(parent);
	} else {
		if (sk_add_backlog(child, skb, child->sk_rcvbuf + child->sk_sndbuf))
			kfree_skb(skb);
	}
	bh_unlock_sock(child);
	sock_put(child);
	return ret;
}
