/*
 * Congestion control framework and Reno (RFC 5681), the built-in default.
 *
 * tcp_ack -> tcp_cong_avoid -> icsk->icsk_ca_ops->cong_avoid = tcp_reno_cong_avoid:
 * slow start (cwnd += 1 per ACKed segment while cwnd < ssthresh, RFC 5681 3.1 / RFC 3465 L=1)
 * then congestion avoidance (cwnd += 1 per cwnd ACKed segments). On loss, ssthresh =
 * max(FlightSize / 2, 2) (tcp_reno_ssthresh, RFC 5681 equation 4); fast recovery (NewReno,
 * RFC 6582) and the timeout response live in tcp_input.c / tcp_timer.c.
 * cwnd and ssthresh are in segments, as Linux counts them (tcp_sock snd_cwnd, snd_ssthresh).
 */
#include <net/tcp.h>
#include <linux/string.h>

static LIST_HEAD(tcp_cong_list);

int tcp_register_congestion_control(struct tcp_congestion_ops *ca)
{
	struct tcp_congestion_ops *e;

	if (!ca->ssthresh || !ca->cong_avoid || !ca->undo_cwnd) {
		pr_err("tcp: %s does not implement required ops\n", ca->name);
		return -EINVAL;
	}
	list_for_each_entry(e, &tcp_cong_list, list) {
		if (!strcmp(e->name, ca->name))
			return -EEXIST;
	}
	list_add_tail(&ca->list, &tcp_cong_list);
	return 0;
}

static struct tcp_congestion_ops *tcp_ca_find(const char *name)
{
	struct tcp_congestion_ops *e;

	list_for_each_entry(e, &tcp_cong_list, list) {
		if (!strcmp(e->name, name))
			return e;
	}
	return NULL;
}

void tcp_init_congestion_control(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);

	if (icsk->icsk_ca_ops->init)
		icsk->icsk_ca_ops->init(sk);
}

void tcp_cleanup_congestion_control(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);

	if (icsk->icsk_ca_ops->release)
		icsk->icsk_ca_ops->release(sk);
}

/* TCP_CONGESTION: switch algorithm (only "reno" is built in). */
int tcp_set_congestion_control(struct sock *sk, const char *name)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_congestion_ops *ca = tcp_ca_find(name);

	if (!ca)
		return -ENOENT;
	if (ca == icsk->icsk_ca_ops)
		return 0;
	tcp_cleanup_congestion_control(sk);
	icsk->icsk_ca_ops = ca;
	if (sk->sk_state != TCP_CLOSE)
		tcp_init_congestion_control(sk);
	return 0;
}

/*
 * RFC 5681 3.1 slow start: cwnd grows by one segment per segment acknowledged, but not beyond
 * ssthresh. Returns the acknowledged segments left over for congestion avoidance.
 */
u32 tcp_slow_start(struct tcp_sock *tp, u32 acked)
{
	u32 cwnd = min(tp->snd_cwnd + acked, tp->snd_ssthresh);

	acked -= cwnd - tp->snd_cwnd;
	tp->snd_cwnd = min(cwnd, tp->snd_cwnd_clamp);
	return acked;
}

/* RFC 5681 3.1 congestion avoidance: one segment more per window (w) of acknowledged segments. */
void tcp_cong_avoid_ai(struct tcp_sock *tp, u32 w, u32 acked)
{
	if (tp->snd_cwnd_cnt >= w) {
		tp->snd_cwnd_cnt = 0;
		tp->snd_cwnd++;
	}
	tp->snd_cwnd_cnt += acked;
	if (tp->snd_cwnd_cnt >= w) {
		u32 delta = tp->snd_cwnd_cnt / w;

		tp->snd_cwnd_cnt -= delta * w;
		tp->snd_cwnd += delta;
	}
	tp->snd_cwnd = min(tp->snd_cwnd, tp->snd_cwnd_clamp);
}

noinline void tcp_reno_cong_avoid(struct sock *sk, u32 ack, u32 acked)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (tcp_in_slow_start(tp)) {
		acked = tcp_slow_start(tp, acked);
		if (!acked)
			return;
	}
	tcp_cong_avoid_ai(tp, tp->snd_cwnd, acked);
}

/*
 * RFC 5681 equation 4: ssthresh = max(FlightSize / 2, 2 * SMSS), in segments. FlightSize is
 * what is outstanding (packets_out), never more than cwnd allowed.
 */
u32 tcp_reno_ssthresh(struct sock *sk)
{
	const struct tcp_sock *tp = tcp_sk(sk);

	return max(min(tp->snd_cwnd, tp->packets_out) >> 1U, 2U);
}

u32 tcp_reno_undo_cwnd(struct sock *sk)
{
	const struct tcp_sock *tp = tcp_sk(sk);

	return max(tp->snd_cwnd, tp->prior_cwnd);
}

struct tcp_congestion_ops tcp_reno = {
	.name		= "reno",
	.ssthresh	= tcp_reno_ssthresh,
	.cong_avoid	= tcp_reno_cong_avoid,
	.undo_cwnd	= tcp_reno_undo_cwnd,
};
