/*
 * Harness for the TCP host tests (tests/host/test_tcp_*.c): our stack on a fake NIC at HOST_IP,
 * and a scripted peer at PEER_IP whose segments the test writes byte by byte. What our stack sends
 * is popped from the NIC and parsed (struct out_seg), so a test asserts every segment, flag,
 * sequence number, window and option, on a virtual clock (host_advance_time).
 *
 * Sockets are driven through the protocol directly (tcp_prot), non-blocking, as a process would
 * through the socket layer: th_socket/th_connect/th_listen/th_accept/th_send/th_recv/th_close.
 */
#ifndef _TCP_HARNESS_H
#define _TCP_HARNESS_H

#include <linux/string.h>
#include <linux/uio.h>
#include <linux/socket.h>
#include <net/tcp.h>
#include <uapi/asm-generic/fcntl.h>
#include "host_inet.h"
#include "host_test.h"

#define PEER_PORT	40000
#define HOST_PORT	5001

struct out_seg {
	u32 seq, ack;
	u8 flags;
	u16 win;
	unsigned int len;		/* payload bytes */
	u8 payload[2048];
	/* options seen */
	int mss, wscale, sack_perm, ts;
	u32 tsval, tsecr;
	int nsack;
	u32 sack[4][2];
	unsigned long when;		/* jiffies when popped */
};

static struct net_device *th_dev;
static int th_rcvbuf;		/* nonzero: SO_RCVBUF of the next th_connect socket */

/* Sockets a test opened, so a failing test does not leak them into the next one. */
#define TH_MAX_SOCKS	8
static struct socket *th_socks[TH_MAX_SOCKS];
static struct sock *th_children[TH_MAX_SOCKS];

static __maybe_unused void th_track(void **slots, void *p)
{
	int i;

	for (i = 0; i < TH_MAX_SOCKS; i++) {
		if (!slots[i]) {
			slots[i] = p;
			return;
		}
	}
	fail_msg("too many sockets in one test");
}

static __maybe_unused void th_untrack(void **slots, void *p)
{
	int i;

	for (i = 0; i < TH_MAX_SOCKS; i++)
		if (slots[i] == p)
			slots[i] = NULL;
}

static __maybe_unused int th_setup(void **state)
{
	host_inet_init();
	host_leak_mark();
	th_dev = host_inet_nic();
	if (!th_dev)
		return -1;
	host_learn_neigh(th_dev, PEER_IP, peer_mac);
	host_netdev_tx_purge(th_dev);
	th_rcvbuf = 0;
	return 0;
}

/* Each test ends here: NIC gone, TIME_WAIT and timers run out, nothing leaked. */
static __maybe_unused int th_teardown(void **state)
{
	int i;

	for (i = 0; i < TH_MAX_SOCKS; i++) {
		if (th_children[i]) {
			sock_set_flag(th_children[i], SOCK_LINGER);
			th_children[i]->sk_lingertime = 0;
			th_children[i]->sk_prot->close(th_children[i], 0);
		}
		if (th_socks[i]) {
			sock_set_flag(th_socks[i]->sk, SOCK_LINGER);
			th_socks[i]->sk->sk_lingertime = 0;
			sock_release(th_socks[i]);
		}
		th_children[i] = NULL;
		th_socks[i] = NULL;
	}
	host_advance_time(200 * 1000);
	host_netdev_tx_purge(th_dev);
	host_inet_nic_destroy(th_dev);
	host_advance_time(200 * 1000);
	host_assert_no_leaks();
	return 0;
}

/* Options for a segment from the peer. */
struct peer_opts {
	int mss;		/* 0: none */
	int wscale;		/* -1: none */
	int sack_perm;
	int ts;
	u32 tsval, tsecr;
	int nsack;
	u32 sack[4][2];
};

#define PEER_NO_OPTS	((struct peer_opts){ .wscale = -1 })

static __maybe_unused unsigned int th_write_opts(u8 *p, const struct peer_opts *o)
{
	unsigned int n = 0;
	int i;

	if (o->mss) {
		p[n++] = TCPOPT_MSS; p[n++] = 4; p[n++] = o->mss >> 8; p[n++] = o->mss & 0xff;
	}
	if (o->sack_perm) {
		p[n++] = TCPOPT_NOP; p[n++] = TCPOPT_NOP; p[n++] = TCPOPT_SACK_PERM; p[n++] = 2;
	}
	if (o->ts) {
		p[n++] = TCPOPT_NOP; p[n++] = TCPOPT_NOP; p[n++] = TCPOPT_TIMESTAMP; p[n++] = 10;
		put_unaligned_be32(o->tsval, p + n); n += 4;
		put_unaligned_be32(o->tsecr, p + n); n += 4;
	}
	if (o->wscale >= 0) {
		p[n++] = TCPOPT_NOP; p[n++] = TCPOPT_WINDOW; p[n++] = 3; p[n++] = o->wscale;
	}
	if (o->nsack) {
		p[n++] = TCPOPT_NOP; p[n++] = TCPOPT_NOP; p[n++] = TCPOPT_SACK; p[n++] = 2 + 8 * o->nsack;
		for (i = 0; i < o->nsack; i++) {
			put_unaligned_be32(o->sack[i][0], p + n); n += 4;
			put_unaligned_be32(o->sack[i][1], p + n); n += 4;
		}
	}
	while (n % 4)
		p[n++] = TCPOPT_NOP;
	return n;
}

/* Injects a segment PEER_IP:sport -> HOST_IP:dport as if it arrived on the wire, then runs softirqs. */
static __maybe_unused void th_inject(u16 sport, u16 dport, u32 seq, u32 ack, u8 flags, u16 win,
				     const void *data, unsigned int len, const struct peer_opts *o)
{
	static u8 buf[4096 + 2] __aligned(4);
	u8 *frame = buf + 2;	/* so the IP and TCP headers are 4-byte aligned */
	u8 *tcp = frame + ETH_HLEN + sizeof(struct iphdr);
	struct tcphdr *th = (struct tcphdr *)tcp;
	unsigned int optlen = o ? th_write_opts(tcp + 20, o) : 0;
	unsigned int tcplen = 20 + optlen + len;
	unsigned int flen;

	memset(th, 0, 20);
	th->source = htons(sport);
	th->dest = htons(dport);
	th->seq = htonl(seq);
	th->ack_seq = htonl(ack);
	th->doff = (20 + optlen) / 4;
	tcp[13] = flags;
	th->window = htons(win);
	if (len)
		memcpy(tcp + 20 + optlen, data, len);
	th->check = tcp_v4_check(tcplen, PEER_IP, HOST_IP, csum_partial(tcp, tcplen, 0));
	flen = host_build_ipv4(frame, host_mac, peer_mac, PEER_IP, HOST_IP, IPPROTO_TCP, tcplen);
	host_netdev_inject(th_dev, frame, flen < 60 ? 60 : flen);
	host_run_softirqs();
}

/* Same with the default ports (peer PEER_PORT to our HOST_PORT). */
static __maybe_unused void th_peer(u32 seq, u32 ack, u8 flags, u16 win, const void *data, unsigned int len,
				   const struct peer_opts *o)
{
	th_inject(PEER_PORT, HOST_PORT, seq, ack, flags, win, data, len, o);
}

/* The peer answers ARP requests for its address, as a real host would (neighbour probes). */
static __maybe_unused void th_answer_arp(struct sk_buff *skb)
{
	const struct arphdr *arp = (const struct arphdr *)(skb->data + ETH_HLEN);
	const u8 *p = (const u8 *)(arp + 1);
	u8 frame[64] = { 0 };
	__be32 tip;

	memcpy(&tip, p + 16, 4);
	if (skb->len >= ETH_HLEN + 28 && arp->ar_op == htons(ARPOP_REQUEST) && tip == PEER_IP) {
		host_build_arp(frame, ARPOP_REPLY, peer_mac, PEER_IP, host_mac, HOST_IP, host_mac);
		consume_skb(skb);
		host_netdev_inject(th_dev, frame, 60);
		host_run_softirqs();
		return;
	}
	consume_skb(skb);
}

/* Pops the next TCP segment our stack sent (ARP and other frames are skipped); false if none. */
static __maybe_unused bool th_pop(struct out_seg *s)
{
	struct sk_buff *skb;

	while ((skb = host_netdev_tx_pop(th_dev)) != NULL) {
		const struct iphdr *iph = (const struct iphdr *)(skb->data + ETH_HLEN);
		const u8 *tcp;
		const struct tcphdr *th;
		unsigned int ihl, tcplen, doff, i;

		if (((const struct ethhdr *)skb->data)->h_proto == htons(ETH_P_ARP)) {
			th_answer_arp(skb);
			continue;
		}
		if (skb->len < ETH_HLEN + 40 || ((const struct ethhdr *)skb->data)->h_proto != htons(ETH_P_IP) ||
		    iph->protocol != IPPROTO_TCP) {
			consume_skb(skb);
			continue;
		}
		ihl = iph->ihl * 4;
		tcp = skb->data + ETH_HLEN + ihl;
		th = (const struct tcphdr *)tcp;
		tcplen = ntohs(iph->tot_len) - ihl;
		/* Every segment we send must carry a correct checksum. */
		assert_int_equal(tcp_v4_check(tcplen, iph->saddr, iph->daddr, csum_partial(tcp, tcplen, 0)), 0);
		memset(s, 0, sizeof(*s));
		s->wscale = -1;
		s->seq = ntohl(th->seq);
		s->ack = ntohl(th->ack_seq);
		s->flags = tcp[13];
		s->win = ntohs(th->window);
		doff = th->doff * 4;
		s->len = tcplen - doff;
		if (s->len)
			memcpy(s->payload, tcp + doff, min_t(unsigned int, s->len, sizeof(s->payload)));
		for (i = 20; i < doff;) {
			u8 kind = tcp[i];

			if (kind == TCPOPT_EOL)
				break;
			if (kind == TCPOPT_NOP) {
				i++;
				continue;
			}
			if (kind == TCPOPT_MSS)
				s->mss = get_unaligned_be16(tcp + i + 2);
			else if (kind == TCPOPT_WINDOW)
				s->wscale = tcp[i + 2];
			else if (kind == TCPOPT_SACK_PERM)
				s->sack_perm = 1;
			else if (kind == TCPOPT_TIMESTAMP) {
				s->ts = 1;
				s->tsval = get_unaligned_be32(tcp + i + 2);
				s->tsecr = get_unaligned_be32(tcp + i + 6);
			} else if (kind == TCPOPT_SACK) {
				unsigned int j;

				for (j = i + 2; j + 8 <= i + tcp[i + 1] && s->nsack < 4; j += 8, s->nsack++) {
					s->sack[s->nsack][0] = get_unaligned_be32(tcp + j);
					s->sack[s->nsack][1] = get_unaligned_be32(tcp + j + 4);
				}
			}
			i += tcp[i + 1];
		}
		s->when = jiffies;
		consume_skb(skb);
		return true;
	}
	return false;
}

/* The next segment must exist and have exactly these flags. */
static __maybe_unused void th_expect(struct out_seg *s, u8 flags)
{
	assert_true(th_pop(s));
	assert_int_equal(s->flags, flags);
}

static __maybe_unused void th_expect_none(void)
{
	struct out_seg s;

	assert_false(th_pop(&s));
}

/* ---- sockets ------------------------------------------------------------------------------ */

static __maybe_unused struct socket *th_socket(void)
{
	struct socket *sock;

	assert_int_equal(sock_create_kern(&init_net, AF_INET, SOCK_STREAM, 0, &sock), 0);
	th_track((void **)th_socks, sock);
	return sock;
}

/* close() with SO_LINGER {1, 0}: abort with a RST (RFC 9293 3.10.5), nothing lingers. */
static __maybe_unused void th_abort(struct socket *sock)
{
	sock_set_flag(sock->sk, SOCK_LINGER);
	sock->sk->sk_lingertime = 0;
	th_untrack((void **)th_socks, sock);
	sock_release(sock);
}

/* close() of a socket the test opened. */
static __maybe_unused void th_release(struct socket *sock)
{
	th_untrack((void **)th_socks, sock);
	sock_release(sock);
}

static __maybe_unused struct sockaddr_in th_addr(__be32 ip, u16 port)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons(port) };

	sa.sin_addr.s_addr = ip;
	return sa;
}

/* Non-blocking connect to the peer from HOST_PORT: returns the socket with the SYN sent. */
static __maybe_unused struct socket *th_connect(u32 isn)
{
	struct socket *sock = th_socket();
	struct sockaddr_in local = th_addr(HOST_IP, HOST_PORT), peer = th_addr(PEER_IP, PEER_PORT);

	assert_int_equal(kernel_bind(sock, (struct sockaddr *)&local, sizeof(local)), 0);
	if (th_rcvbuf)
		sock->sk->sk_rcvbuf = th_rcvbuf;
	if (isn)
		tcp_sk(sock->sk)->write_seq = isn;
	assert_int_equal(kernel_connect(sock, (struct sockaddr *)&peer, sizeof(peer), O_NONBLOCK), -EINPROGRESS);
	return sock;
}

static __maybe_unused struct socket *th_listen(int backlog)
{
	struct socket *sock = th_socket();
	struct sockaddr_in local = th_addr(HOST_IP, HOST_PORT);

	assert_int_equal(kernel_bind(sock, (struct sockaddr *)&local, sizeof(local)), 0);
	assert_int_equal(sock->ops->listen(sock, backlog), 0);
	return sock;
}

/* A non-blocking accept: the child sock, or NULL (-EAGAIN). */
static __maybe_unused struct sock *th_accept(struct socket *lsock)
{
	int err = 0;
	struct sock *sk = inet_csk_accept(lsock->sk, O_NONBLOCK, &err, true);

	if (sk)
		th_track((void **)th_children, sk);
	return sk;
}

static __maybe_unused void th_msg(struct msghdr *msg, struct kvec *vec, void *buf, size_t len, int dir)
{
	memset(msg, 0, sizeof(*msg));
	vec->iov_base = buf;
	vec->iov_len = len;
	iov_iter_kvec(&msg->msg_iter, dir, vec, 1, len);
	msg->msg_flags = MSG_DONTWAIT;
}

static __maybe_unused int th_send(struct sock *sk, const void *buf, size_t len)
{
	struct msghdr msg;
	struct kvec vec;

	th_msg(&msg, &vec, (void *)buf, len, WRITE);
	return tcp_sendmsg(sk, &msg, len);
}

static __maybe_unused int th_recv(struct sock *sk, void *buf, size_t len)
{
	struct msghdr msg;
	struct kvec vec;
	int addr_len;

	th_msg(&msg, &vec, buf, len, READ);
	return tcp_recvmsg(sk, &msg, len, 1, 0, &addr_len);
}

/* Closes an accepted child (no struct socket) as close() would. */
static __maybe_unused void th_close_sk(struct sock *sk)
{
	th_untrack((void **)th_children, sk);
	sk->sk_prot->close(sk, 0);
}

/* Advances the clock 1 ms at a time, up to max_ms, until we send a segment; returns the ms waited
 * and the segment, or fails the test if none comes. */
static __maybe_unused unsigned int th_wait(struct out_seg *s, unsigned int max_ms)
{
	unsigned int ms;

	for (ms = 0; ms <= max_ms; ms++) {
		if (th_pop(s))
			return ms;
		host_advance_time(1);
	}
	fail_msg("nothing sent within %u ms", max_ms);
	return 0;
}

/* Runs the handshake of th_connect: SYN-ACK with the given options; returns the peer's next seq. */
static __maybe_unused u32 th_establish(struct socket *sock, u32 peer_isn, const struct peer_opts *o,
				       struct out_seg *syn)
{
	struct out_seg s;

	th_expect(syn, TCPHDR_SYN);
	th_peer(peer_isn, syn->seq + 1, TCPHDR_SYN | TCPHDR_ACK, 65535, NULL, 0, o);
	th_expect(&s, TCPHDR_ACK);
	assert_int_equal(s.ack, peer_isn + 1);
	assert_int_equal(sock->sk->sk_state, TCP_ESTABLISHED);
	return peer_isn + 1;
}

#endif
