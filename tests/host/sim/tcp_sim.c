/*
 * tcp_sim: two complete network stacks (net/ built for the host with tests/host/shim) talking TCP
 * over a simulated wire that drops, duplicates, reorders and corrupts frames with a seeded random
 * generator. Each direction carries 1 MiB of the test stream (byte i = i mod 251) over one
 * full-duplex connection; both ends verify every byte and the end of file. The simulated time each
 * run took is printed. Output is TAP, one test per impairment rate (0, 1, 5, 20 %).
 *
 * Why processes: the kernel has global state (one stack per address space), so each stack runs in
 * its own forked process ("host A" 10.0.0.1, the listener; "host B" 10.0.0.2, the connector). The
 * parent is the wire and the clock: in lockstep it hands each host the frames due now plus a time
 * step, the host injects them, runs its application, advances its virtual clock (timers, softirqs)
 * by the step and returns every frame its NIC transmitted. Frames then cross the wire: 5 ms one-way
 * delay, and with probability p each: dropped, duplicated, delayed by 1-20 ms extra (reordered),
 * or corrupted (one byte flipped, which the receiver's checksum must catch). Steps are 1 ms while
 * anything is on the wire or was sent, 10 ms while both hosts idle on timers.
 *
 *   tcp_sim [PERCENT ...]      default: 0 1 5 20; exit status 0 if every run delivered intact
 *   TCP_SIM_SEED=N             another (deterministic) random sequence; default 42
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/uio.h>
#include <linux/net.h>
#include <net/tcp.h>
#include <linux/inetdevice.h>
#include <uapi/asm-generic/fcntl.h>
#include "host.h"
#include "host_netdev.h"
#include "host_inet.h"

/* From the C library; its <sys/socket.h> cannot be mixed with the kernel's socket headers. */
int socketpair(int domain, int type, int protocol, int sv[2]);
pid_t waitpid(pid_t pid, int *wstatus, int options);

#define STREAM_BYTES	(1024 * 1024)
#define SIM_LIMIT_MS	(3600 * 1000UL)	/* give up after an hour of simulated time */
#define WIRE_DELAY_MS	5
#define MAX_FRAME	2048
#define PORT		5001

#define IP_A	htonl(0x0a000001)
#define IP_B	htonl(0x0a000002)
static const u8 mac_a[6] = { 0x02, 0, 0, 0, 0, 0x0a };
static const u8 mac_b[6] = { 0x02, 0, 0, 0, 0, 0x0b };

/* Messages between the wire (parent) and a host, over a SOCK_SEQPACKET socketpair. */
enum { MSG_FRAME = 1, MSG_STEP, MSG_STATUS };

struct msg {
	u32 type;
	u32 len;		/* MSG_FRAME: frame bytes; MSG_STEP: ms to advance */
	u32 done;		/* MSG_STATUS: the application finished (sent, received, verified) */
	u32 failed;		/* MSG_STATUS: a byte mismatch or an error */
	u64 sent, received;	/* MSG_STATUS */
	u64 retrans;
	u8 data[MAX_FRAME];
};

static bool debug;	/* TCP_SIM_DEBUG=1: progress and TCP state every simulated second */

/* ---- one host (child process) ------------------------------------------------------------ */

struct app {
	bool server;
	struct socket *lsock, *sock;	/* listener (A), connecting socket (B) */
	struct sock *sk;		/* the connection */
	u64 sent, received;
	bool shut, eof, closed, failed;
	u64 finished_ms;
};

static void pattern(u8 *buf, size_t len, u64 off)
{
	size_t i;

	for (i = 0; i < len; i++)
		buf[i] = (u8)((off + i) % 251);
}

static void app_start(struct app *a, struct net_device *dev)
{
	struct sockaddr_in local = { .sin_family = AF_INET, .sin_port = htons(a->server ? PORT : 0) };
	struct sockaddr_in peer = { .sin_family = AF_INET, .sin_port = htons(PORT) };
	struct socket *sock;

	local.sin_addr.s_addr = a->server ? IP_A : IP_B;
	peer.sin_addr.s_addr = IP_A;
	if (sock_create_kern(&init_net, AF_INET, SOCK_STREAM, 0, &sock) ||
	    kernel_bind(sock, (struct sockaddr *)&local, sizeof(local))) {
		a->failed = true;
		return;
	}
	if (a->server) {
		if (sock->ops->listen(sock, 4))
			a->failed = true;
		a->lsock = sock;
	} else {
		if (kernel_connect(sock, (struct sockaddr *)&peer, sizeof(peer), O_NONBLOCK) != -EINPROGRESS)
			a->failed = true;
		a->sock = sock;
		a->sk = sock->sk;
	}
}

static int app_io(struct sock *sk, void *buf, size_t len, bool send)
{
	struct msghdr msg;
	struct kvec vec = { .iov_base = buf, .iov_len = len };
	int addr_len;

	memset(&msg, 0, sizeof(msg));
	iov_iter_kvec(&msg.msg_iter, send ? WRITE : READ, &vec, 1, len);
	msg.msg_flags = MSG_DONTWAIT;
	return send ? tcp_sendmsg(sk, &msg, len) : tcp_recvmsg(sk, &msg, len, 1, 0, &addr_len);
}

/* Non-blocking application step: accept, send the stream then SHUT_WR, read and verify until EOF. */
static void app_run(struct app *a)
{
	static u8 buf[16384], expect[16384];
	int n;

	if (a->failed || a->closed)
		return;
	if (a->server && !a->sk) {
		/* accept() as the system call does it: a new struct socket grafted onto the child. */
		struct socket *newsock = sock_alloc();

		if (!newsock) {
			a->failed = true;
			return;
		}
		newsock->type = SOCK_STREAM;
		newsock->ops = a->lsock->ops;
		if (a->lsock->ops->accept(a->lsock, newsock, O_NONBLOCK, true)) {
			sock_release(newsock);
			return;
		}
		a->sock = newsock;
		a->sk = newsock->sk;
	}
	if (a->sk->sk_state == TCP_SYN_SENT || a->sk->sk_state == TCP_SYN_RECV)
		return;
	if (a->sk->sk_err) {
		fprintf(stderr, "tcp_sim %s: connection error %d\n", a->server ? "A" : "B", a->sk->sk_err);
		a->failed = true;
		return;
	}
	while (a->sent < STREAM_BYTES) {
		size_t len = min_t(u64, sizeof(buf), STREAM_BYTES - a->sent);

		pattern(buf, len, a->sent);
		n = app_io(a->sk, buf, len, true);
		if (n <= 0)
			break;
		a->sent += n;
	}
	if (a->sent == STREAM_BYTES && !a->shut) {
		a->sk->sk_prot->shutdown(a->sk, SEND_SHUTDOWN);
		a->sk->sk_shutdown |= SEND_SHUTDOWN;
		a->shut = true;
	}
	while (!a->eof) {
		n = app_io(a->sk, buf, sizeof(buf), false);
		if (n == 0) {
			a->eof = true;
			break;
		}
		if (n < 0)
			break;
		pattern(expect, n, a->received);
		if (memcmp(buf, expect, n)) {
			fprintf(stderr, "tcp_sim %s: data mismatch at offset %llu\n", a->server ? "A" : "B",
				(unsigned long long)a->received);
			a->failed = true;
			return;
		}
		a->received += n;
	}
	if (a->eof && a->shut && a->received == STREAM_BYTES && !a->closed) {
		a->finished_ms = jiffies;
		a->closed = true;
	}
}

static void msg_send(int fd, struct msg *m, size_t data_len)
{
	if (write(fd, m, offsetof(struct msg, data) + data_len) < 0) {
		perror("tcp_sim: write");
		exit(1);
	}
}

static __attribute__((noreturn)) void host_main(int fd, bool server, u64 seed)
{
	const u8 *mac = server ? mac_a : mac_b, *peer_mac = server ? mac_b : mac_a;
	struct app a = { .server = server };
	struct net_device *dev;
	static struct msg m;
	struct sk_buff *skb;

	host_seed_random(seed * 2 + server);
	host_net_setup();
	dev = host_netdev_create(mac);
	devinet_set_addr(dev, server ? IP_A : IP_B, htonl(0xffffff00));
	host_run_softirqs();
	host_netdev_tx_purge(dev);
	host_learn_neigh(dev, server ? IP_B : IP_A, peer_mac);
	app_start(&a, dev);

	for (;;) {
		ssize_t n = read(fd, &m, sizeof(m));

		if (n <= 0)
			exit(0);
		if (m.type == MSG_FRAME) {
			host_netdev_inject(dev, m.data, m.len);
			continue;
		}
		/* MSG_STEP: run, advance the clock, report what the NIC sent. */
		app_run(&a);
		host_advance_time(m.len);
		app_run(&a);
		while ((skb = host_netdev_tx_pop(dev)) != NULL) {
			m.type = MSG_FRAME;
			m.len = min_t(u32, skb->len, MAX_FRAME);
			memcpy(m.data, skb->data, m.len);
			consume_skb(skb);
			msg_send(fd, &m, m.len);
		}
		if (debug && a.sk && jiffies % 1000 < m.len) {
			struct tcp_sock *tp = tcp_sk(a.sk);
			struct inet_connection_sock *icsk = inet_csk(a.sk);

			fprintf(stderr, "  %c st %d una %u nxt %u write %u rcv_nxt %u out %u lost %u retr %u sacked %u "
				"cwnd %u ssth %u ca %u pend %u rto %u backoff %u timeout-in %ld wnd %u ofo %u\n",
				server ? 'A' : 'B', a.sk->sk_state, tp->snd_una, tp->snd_nxt, tp->write_seq,
				tp->rcv_nxt, tp->packets_out, tp->lost_out, tp->retrans_out, tp->sacked_out,
				tp->snd_cwnd, tp->snd_ssthresh, icsk->icsk_ca_state, icsk->icsk_pending,
				icsk->icsk_rto, icsk->icsk_backoff, (long)(icsk->icsk_timeout - jiffies), tp->snd_wnd,
				skb_queue_len(&tp->out_of_order_queue));
		}
		memset(&m, 0, offsetof(struct msg, data));
		m.type = MSG_STATUS;
		m.done = a.closed;
		m.failed = a.failed;
		m.sent = a.sent;
		m.received = a.received;
		m.retrans = tcp_statistics[TCP_MIB_RETRANSSEGS];
		msg_send(fd, &m, 0);
	}
}

/* ---- the wire (parent) -------------------------------------------------------------------- */

struct wframe {
	u64 due;		/* simulated ms it arrives */
	int to;			/* host index */
	u32 len;
	u8 data[MAX_FRAME];
	struct wframe *next;
};

static u64 rng_state;

static u32 rng(void)
{
	/* xorshift64*: deterministic per seed. */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (u32)((rng_state * 0x2545F4914F6CDD1DULL) >> 32);
}

static bool chance(unsigned int percent)
{
	return percent && rng() % 100 < percent;
}

struct wire_stats {
	u64 frames, dropped, duplicated, reordered, corrupted;
};

static void wire_put(struct wframe **q, const u8 *data, u32 len, int to, u64 due)
{
	struct wframe *f = malloc(sizeof(*f)), **p;

	f->due = due;
	f->to = to;
	f->len = len;
	memcpy(f->data, data, len);
	for (p = q; *p && (*p)->due <= due; p = &(*p)->next)
		;
	f->next = *p;
	*p = f;
}

/* A frame host `from` sent: impair it and put it on the wire to the other host. */
static void wire_send(struct wframe **q, struct wire_stats *st, const struct msg *m, int from, u64 now,
		      unsigned int p)
{
	u8 data[MAX_FRAME];
	u64 due = now + WIRE_DELAY_MS;

	st->frames++;
	if (chance(p)) {
		st->dropped++;
		return;
	}
	memcpy(data, m->data, m->len);
	if (chance(p)) {
		/* Flip one byte after the Ethernet header: IP or TCP checksum must catch it. */
		data[14 + rng() % (m->len - 14)] ^= 1 << (rng() % 8);
		st->corrupted++;
	}
	if (chance(p)) {
		due += 1 + rng() % 20;
		st->reordered++;
	}
	wire_put(q, data, m->len, !from, due);
	if (chance(p)) {
		wire_put(q, data, m->len, !from, due + rng() % 5);
		st->duplicated++;
	}
}

struct run_result {
	bool ok;
	u64 ms;
	u64 retrans[2];
	struct wire_stats st;
};

static struct run_result run(unsigned int percent, u64 seed)
{
	struct run_result r = { 0 };
	struct wframe *q = NULL;
	int fds[2][2], i;
	pid_t pid[2];
	u64 now = 0;
	bool done[2] = { false, false }, busy = true;
	static struct msg m;

	rng_state = seed * 0x9E3779B97F4A7C15ULL + percent + 1;
	for (i = 0; i < 2; i++) {
		if (socketpair(AF_UNIX, SOCK_SEQPACKET, 0, fds[i]) < 0) {
			perror("tcp_sim: socketpair");
			exit(1);
		}
		fflush(NULL);
		pid[i] = fork();
		if (pid[i] == 0) {
			close(fds[i][0]);
			if (i == 1)
				close(fds[0][0]);	/* A must see EOF when the wire closes */
			host_main(fds[i][1], i == 0, seed);
		}
		close(fds[i][1]);
	}

	while (now < SIM_LIMIT_MS && !(done[0] && done[1])) {
		unsigned int step = (busy || q) ? 1 : 10;
		bool sent_any = false;

		for (i = 0; i < 2; i++) {
			/* Frames due for host i by the end of this step. */
			while (q && q->due <= now) {
				struct wframe *f = q;

				q = f->next;
				m.type = MSG_FRAME;
				m.len = f->len;
				memcpy(m.data, f->data, f->len);
				msg_send(fds[f->to][0], &m, f->len);
				free(f);
			}
			m.type = MSG_STEP;
			m.len = step;
			msg_send(fds[i][0], &m, 0);
			for (;;) {
				if (read(fds[i][0], &m, sizeof(m)) <= 0) {
					fprintf(stderr, "tcp_sim: host %c died\n", 'A' + i);
					goto out;
				}
				if (m.type == MSG_STATUS)
					break;
				wire_send(&q, &r.st, &m, i, now + step, percent);
				sent_any = true;
			}
			if (m.failed) {
				fprintf(stderr, "tcp_sim: host %c failed\n", 'A' + i);
				goto out;
			}
			if (debug && now % 1000 == 0)
				fprintf(stderr, "t=%llu %c sent %llu received %llu done %u\n", (unsigned long long)now,
					'A' + i, (unsigned long long)m.sent, (unsigned long long)m.received, m.done);
			done[i] = m.done;
			r.retrans[i] = m.retrans;
		}
		busy = sent_any;
		now += step;
	}
	r.ok = done[0] && done[1];
	r.ms = now;
out:
	for (i = 0; i < 2; i++) {
		close(fds[i][0]);
		waitpid(pid[i], NULL, 0);
	}
	while (q) {
		struct wframe *f = q;

		q = f->next;
		free(f);
	}
	return r;
}

int main(int argc, char **argv)
{
	static const unsigned int defaults[] = { 0, 1, 5, 20 };
	unsigned int rates[16];
	int n = 0, i, failed = 0;
	u64 seed = getenv("TCP_SIM_SEED") ? strtoull(getenv("TCP_SIM_SEED"), NULL, 0) : 42;

	for (i = 1; i < argc && n < 16; i++)
		rates[n++] = atoi(argv[i]);
	if (!n)
		for (n = 0; n < 4; n++)
			rates[n] = defaults[n];

	debug = getenv("TCP_SIM_DEBUG") != NULL;
	printf("1..%d\n", n);
	for (i = 0; i < n; i++) {
		struct run_result r = run(rates[i], seed);

		printf("%s %d - tcp_sim: %u%% drop/dup/reorder/corrupt: 1 MiB each way %s in %.3f s simulated "
		       "(frames %llu: dropped %llu, duplicated %llu, reordered %llu, corrupted %llu; "
		       "retransmitted A %llu B %llu)\n",
		       r.ok ? "ok" : "not ok", i + 1, rates[i], r.ok ? "intact" : "NOT delivered",
		       r.ms / 1000.0, (unsigned long long)r.st.frames, (unsigned long long)r.st.dropped,
		       (unsigned long long)r.st.duplicated, (unsigned long long)r.st.reordered,
		       (unsigned long long)r.st.corrupted, (unsigned long long)r.retrans[0],
		       (unsigned long long)r.retrans[1]);
		fflush(stdout);
		failed += !r.ok;
	}
	return failed ? 1 : 0;
}
