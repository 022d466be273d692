/*
 * Host tests of UDP sockets (net/ipv4/udp.c) end to end: datagrams over the loopback device and
 * from a fake NIC, through sendto/recvfrom/recvmsg/read/write: data intact, truncation, MSG_PEEK,
 * non-blocking and SO_RCVTIMEO timeouts on the virtual clock, ICMP port unreachable and
 * ECONNREFUSED, connected-socket demux, receive-buffer drops and bad datagrams counted.
 */
#include <linux/slab.h>
#include <linux/poll.h>
#include <uapi/linux/sockios.h>
#include <uapi/asm-generic/ioctls.h>
#include <linux/errqueue.h>
#include "sock_helpers.h"

static void fill(u8 *p, unsigned int n, unsigned int seed)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		p[i] = (u8)(i * 7 + seed);
}

static void test_udp_loopback_data_and_source_address(void **state)
{
	int srv = udp_socket_bound(LOOPBACK_IP, 9000);
	int cli = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in to = inaddr(LOOPBACK_IP, 9000), from;
	int fromlen = sizeof(from);
	static u8 out[1400], in[2000];
	unsigned long indgrams = udp_statistics[UDP_MIB_INDATAGRAMS];
	unsigned long outdgrams = udp_statistics[UDP_MIB_OUTDATAGRAMS];

	fill(out, sizeof(out), 3);
	assert_int_equal(__sys_sendto(cli, out, sizeof(out), 0, (struct sockaddr *)&to, sizeof(to)),
			 sizeof(out));
	host_run_softirqs();
	memset(in, 0, sizeof(in));
	assert_int_equal(__sys_recvfrom(srv, in, sizeof(in), MSG_DONTWAIT, (struct sockaddr *)&from,
					&fromlen), sizeof(out));
	assert_memory_equal(in, out, sizeof(out));
	assert_int_equal(fromlen, sizeof(from));
	assert_int_equal(from.sin_family, AF_INET);
	assert_int_equal(from.sin_addr.s_addr, LOOPBACK_IP);
	assert_int_equal(ntohs(from.sin_port), local_port(cli));
	assert_int_equal(udp_statistics[UDP_MIB_INDATAGRAMS], indgrams + 1);
	assert_int_equal(udp_statistics[UDP_MIB_OUTDATAGRAMS], outdgrams + 1);

	/* The answer goes back to the address recvfrom reported. */
	assert_int_equal(__sys_sendto(srv, "pong", 4, 0, (struct sockaddr *)&from, fromlen), 4);
	host_run_softirqs();
	assert_int_equal(__sys_recvfrom(cli, in, sizeof(in), MSG_DONTWAIT, NULL, NULL), 4);
	assert_memory_equal(in, "pong", 4);
	host_close_fd(srv);
	host_close_fd(cli);
}

/* A datagram larger than the loopback MTU is fragmented and reassembled on the way. */
static void test_udp_large_datagram_reassembled(void **state)
{
	int srv = udp_socket_bound(0, 9001);
	int cli = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in to = inaddr(HOST_IP, 9001);
	static u8 out[30000], in[30000];

	fill(out, sizeof(out), 11);
	assert_int_equal(__sys_sendto(cli, out, sizeof(out), 0, (struct sockaddr *)&to, sizeof(to)),
			 sizeof(out));
	host_run_softirqs();
	assert_int_equal(__sys_recvfrom(srv, in, sizeof(in), MSG_DONTWAIT, NULL, NULL), sizeof(out));
	assert_memory_equal(in, out, sizeof(out));
	/* Larger than any datagram can be. */
	assert_int_equal(__sys_sendto(cli, out, 65508, 0, (struct sockaddr *)&to, sizeof(to)),
			 -EMSGSIZE);
	host_close_fd(srv);
	host_close_fd(cli);
}

static int recvmsg_flags(int fd, void *buf, size_t len, unsigned int flags, unsigned int *msg_flags)
{
	struct iovec iov = { .iov_base = buf, .iov_len = len };
	struct user_msghdr msg;
	long ret;

	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	ret = __sys_recvmsg(fd, &msg, flags);
	*msg_flags = msg.msg_flags;
	return ret;
}

static void test_udp_truncation_and_msg_trunc(void **state)
{
	int srv = udp_socket_bound(LOOPBACK_IP, 9002);
	int cli = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in to = inaddr(LOOPBACK_IP, 9002);
	u8 out[100], in[100];
	unsigned int mflags;

	fill(out, sizeof(out), 5);
	assert_int_equal(__sys_sendto(cli, out, 100, 0, (struct sockaddr *)&to, sizeof(to)), 100);
	assert_int_equal(__sys_sendto(cli, out, 100, 0, (struct sockaddr *)&to, sizeof(to)), 100);
	host_run_softirqs();
	/* A short read gets the head of the datagram, MSG_TRUNC, and the rest is gone. */
	assert_int_equal(recvmsg_flags(srv, in, 10, MSG_DONTWAIT, &mflags), 10);
	assert_true(mflags & MSG_TRUNC);
	assert_memory_equal(in, out, 10);
	/* With MSG_TRUNC in the call, the real length comes back. */
	assert_int_equal(recvmsg_flags(srv, in, 10, MSG_DONTWAIT | MSG_TRUNC, &mflags), 100);
	assert_int_equal(recvmsg_flags(srv, in, 10, MSG_DONTWAIT, &mflags), -EAGAIN);
	host_close_fd(srv);
	host_close_fd(cli);
}

static void test_udp_msg_peek_leaves_datagram(void **state)
{
	int srv = udp_socket_bound(LOOPBACK_IP, 9003);
	int cli = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in to = inaddr(LOOPBACK_IP, 9003);
	char in[16];
	int avail = 0;

	assert_int_equal(__sys_sendto(cli, "first", 5, 0, (struct sockaddr *)&to, sizeof(to)), 5);
	assert_int_equal(__sys_sendto(cli, "second!", 7, 0, (struct sockaddr *)&to, sizeof(to)), 7);
	host_run_softirqs();
	/* FIONREAD: the size of the next datagram. */
	{
		struct file *f = fget(srv);

		assert_int_equal(f->f_op->unlocked_ioctl(f, FIONREAD, (unsigned long)&avail), 0);
		fput(f);
	}
	assert_int_equal(avail, 5);
	assert_int_equal(__sys_recvfrom(srv, in, sizeof(in), MSG_PEEK | MSG_DONTWAIT, NULL, NULL), 5);
	assert_memory_equal(in, "first", 5);
	assert_int_equal(__sys_recvfrom(srv, in, sizeof(in), MSG_PEEK | MSG_DONTWAIT, NULL, NULL), 5);
	assert_int_equal(__sys_recvfrom(srv, in, sizeof(in), MSG_DONTWAIT, NULL, NULL), 5);
	assert_memory_equal(in, "first", 5);
	assert_int_equal(__sys_recvfrom(srv, in, sizeof(in), MSG_DONTWAIT, NULL, NULL), 7);
	assert_memory_equal(in, "second!", 7);
	assert_int_equal(__sys_recvfrom(srv, in, sizeof(in), MSG_DONTWAIT, NULL, NULL), -EAGAIN);
	host_close_fd(srv);
	host_close_fd(cli);
}

static void test_udp_nonblocking_and_rcvtimeo(void **state)
{
	int nb = __sys_socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
	int fd = udp_socket_bound(LOOPBACK_IP, 9004);
	char in[8];
	unsigned long start;

	/* O_NONBLOCK file: EAGAIN at once, no time passes. */
	start = jiffies;
	assert_int_equal(__sys_recvfrom(nb, in, sizeof(in), 0, NULL, NULL), -EAGAIN);
	assert_int_equal(jiffies, start);
	/* SO_RCVTIMEO: a blocking read gives up with EAGAIN after the timeout. */
	assert_int_equal(set_rcvtimeo_ms(fd, 250), 0);
	start = jiffies;
	assert_int_equal(__sys_recvfrom(fd, in, sizeof(in), 0, NULL, NULL), -EAGAIN);
	assert_true(jiffies - start >= msecs_to_jiffies(250));
	assert_true(jiffies - start < msecs_to_jiffies(300));
	/* A signal ends the wait early with EINTR (a timeout was set: no restart). */
	host_set_signal_pending(true);
	assert_int_equal(__sys_recvfrom(fd, in, sizeof(in), 0, NULL, NULL), -EINTR);
	host_set_signal_pending(false);
	host_close_fd(nb);
	host_close_fd(fd);
}

/* A blocked reader is woken by a datagram that arrives while it sleeps. */
static int wake_fd;
static bool send_while_blocked(void *arg)
{
	struct sockaddr_in to = inaddr(LOOPBACK_IP, 9005);
	int cli;

	if (!wake_fd)
		return false;
	cli = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	__sys_sendto(cli, "wake", 4, 0, (struct sockaddr *)&to, sizeof(to));
	host_close_fd(cli);
	wake_fd = 0;
	return true;
}

static void test_udp_blocking_recv_woken_by_arrival(void **state)
{
	int fd = udp_socket_bound(LOOPBACK_IP, 9005);
	char in[8];

	wake_fd = fd;
	host_set_idle_hook(send_while_blocked, NULL);
	assert_int_equal(__sys_recvfrom(fd, in, sizeof(in), 0, NULL, NULL), 4);
	host_set_idle_hook(NULL, NULL);
	assert_memory_equal(in, "wake", 4);
	host_close_fd(fd);
}

/* RFC 1122 4.1.3.1: port unreachable for a closed port; a connected sender sees ECONNREFUSED. */
static void test_udp_port_unreachable_econnrefused(void **state)
{
	int fd = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in to = inaddr(LOOPBACK_IP, 9), from;
	unsigned long noports = udp_statistics[UDP_MIB_NOPORTS];
	unsigned long unreach = icmp_statistics[ICMP_MIB_INDESTUNREACHS];
	char in[8];
	int err = 0, len = sizeof(from);

	assert_int_equal(__sys_connect(fd, (struct sockaddr *)&to, sizeof(to)), 0);
	assert_int_equal(__sys_sendto(fd, "knock", 5, 0, NULL, 0), 5);
	host_run_softirqs();
	assert_int_equal(udp_statistics[UDP_MIB_NOPORTS], noports + 1);
	assert_int_equal(icmp_statistics[ICMP_MIB_INDESTUNREACHS], unreach + 1);
	assert_int_equal(__sys_recvfrom(fd, in, sizeof(in), MSG_DONTWAIT, NULL, NULL), -ECONNREFUSED);
	/* The error is reported once. */
	assert_int_equal(__sys_recvfrom(fd, in, sizeof(in), MSG_DONTWAIT, NULL, NULL), -EAGAIN);

	/* Again, this time collected through SO_ERROR. */
	assert_int_equal(__sys_sendto(fd, "knock", 5, 0, NULL, 0), 5);
	host_run_softirqs();
	assert_int_equal(getsockopt_int(fd, SOL_SOCKET, SO_ERROR, &err), 0);
	assert_int_equal(err, ECONNREFUSED);
	assert_int_equal(getsockopt_int(fd, SOL_SOCKET, SO_ERROR, &err), 0);
	assert_int_equal(err, 0);
	host_close_fd(fd);

	/* An unconnected socket cannot tell which datagram failed: no error for it. */
	fd = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	assert_int_equal(__sys_sendto(fd, "knock", 5, 0, (struct sockaddr *)&to, sizeof(to)), 5);
	host_run_softirqs();
	assert_int_equal(__sys_recvfrom(fd, in, sizeof(in), MSG_DONTWAIT, (struct sockaddr *)&from,
					&len), -EAGAIN);
	host_close_fd(fd);
}

/* A connected socket only hears its peer; a wildcard socket on the same port gets the rest. */
static void test_udp_connected_socket_preferred_and_filtered(void **state)
{
	struct sockaddr_in peer_a = inaddr(LOOPBACK_IP, 9100), srv_addr = inaddr(LOOPBACK_IP, 9010);
	int wild, conn, a, b;
	char in[8];

	wild = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	conn = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	assert_int_equal(setsockopt_int(wild, SOL_SOCKET, SO_REUSEADDR, 1), 0);
	assert_int_equal(setsockopt_int(conn, SOL_SOCKET, SO_REUSEADDR, 1), 0);
	assert_int_equal(__sys_bind(wild, (struct sockaddr *)&srv_addr, sizeof(srv_addr)), 0);
	assert_int_equal(__sys_bind(conn, (struct sockaddr *)&srv_addr, sizeof(srv_addr)), 0);
	assert_int_equal(__sys_connect(conn, (struct sockaddr *)&peer_a, sizeof(peer_a)), 0);
	a = udp_socket_bound(LOOPBACK_IP, 9100);
	b = udp_socket_bound(LOOPBACK_IP, 9101);

	assert_int_equal(__sys_sendto(a, "from-a", 6, 0, (struct sockaddr *)&srv_addr, sizeof(srv_addr)), 6);
	assert_int_equal(__sys_sendto(b, "from-b", 6, 0, (struct sockaddr *)&srv_addr, sizeof(srv_addr)), 6);
	host_run_softirqs();
	assert_int_equal(__sys_recvfrom(conn, in, sizeof(in), MSG_DONTWAIT, NULL, NULL), 6);
	assert_memory_equal(in, "from-a", 6);
	assert_int_equal(__sys_recvfrom(conn, in, sizeof(in), MSG_DONTWAIT, NULL, NULL), -EAGAIN);
	assert_int_equal(__sys_recvfrom(wild, in, sizeof(in), MSG_DONTWAIT, NULL, NULL), 6);
	assert_memory_equal(in, "from-b", 6);
	assert_int_equal(__sys_recvfrom(wild, in, sizeof(in), MSG_DONTWAIT, NULL, NULL), -EAGAIN);
	host_close_fd(wild);
	host_close_fd(conn);
	host_close_fd(a);
	host_close_fd(b);
}

/* read()/write()/poll() on a connected UDP socket through its file operations. */
static void test_udp_file_ops_read_write_poll(void **state)
{
	int srv = udp_socket_bound(LOOPBACK_IP, 9020);
	int cli = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in to = inaddr(LOOPBACK_IP, 9020);
	struct file *fs, *fc;
	char in[16];
	loff_t pos = 0;

	assert_int_equal(__sys_connect(cli, (struct sockaddr *)&to, sizeof(to)), 0);
	fs = fget(srv);
	fc = fget(cli);
	assert_int_equal(fs->f_op->poll(fs, NULL) & EPOLLIN, 0);
	assert_true(fc->f_op->poll(fc, NULL) & EPOLLOUT);
	assert_int_equal(fc->f_op->write(fc, "hello", 5, &pos), 5);
	host_run_softirqs();
	assert_true(fs->f_op->poll(fs, NULL) & EPOLLIN);
	assert_int_equal(fs->f_op->read(fs, in, sizeof(in), &pos), 5);
	assert_memory_equal(in, "hello", 5);
	/* Zero-length read returns 0 at once (SYS5), a bad buffer EFAULT. */
	assert_int_equal(fs->f_op->read(fs, in, 0, &pos), 0);
	assert_int_equal(fc->f_op->write(fc, BAD_USER_PTR, 5, &pos), -EFAULT);
	/* Unconnected sockets need an address. */
	assert_int_equal(fs->f_op->write(fs, "x", 1, &pos), -EDESTADDRREQ);
	fput(fs);
	fput(fc);
	host_close_fd(srv);
	host_close_fd(cli);
}

/* SO_RCVBUF bounds what waits in the queue; the rest is dropped and counted. */
static void test_udp_rcvbuf_full_drops_counted(void **state)
{
	int srv = udp_socket_bound(LOOPBACK_IP, 9030);
	int cli = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in to = inaddr(LOOPBACK_IP, 9030);
	unsigned long rcvbuferr = udp_statistics[UDP_MIB_RCVBUFERRORS];
	static u8 out[1000];
	char procbuf[4096], line[64];
	int i, got = 0;

	assert_int_equal(setsockopt_int(srv, SOL_SOCKET, SO_RCVBUF, 4000), 0);
	for (i = 0; i < 20; i++) {
		assert_int_equal(__sys_sendto(cli, out, sizeof(out), 0, (struct sockaddr *)&to,
					      sizeof(to)), sizeof(out));
		host_run_softirqs();
	}
	while (__sys_recvfrom(srv, out, sizeof(out), MSG_DONTWAIT, NULL, NULL) == sizeof(out))
		got++;
	assert_true(got > 0 && got < 20);
	assert_int_equal(udp_statistics[UDP_MIB_RCVBUFERRORS], rcvbuferr + 20 - got);
	assert_int_equal(atomic_read(&fd_sk(srv)->sk_drops), 20 - got);
	/* /proc/net/udp shows the socket (port 9030 = 0x2346) with its drop count. */
	assert_true(host_proc_read("net/udp", procbuf, sizeof(procbuf)) > 0);
	snprintf(line, sizeof(line), "0100007F:2346 00000000:0000 07");
	assert_non_null(strstr(procbuf, line));
	snprintf(line, sizeof(line), " %d\n", 20 - got);
	assert_non_null(strstr(strstr(procbuf, "0100007F:2346"), line));
	host_close_fd(srv);
	host_close_fd(cli);
}

static HOST_FRAME(frame, 1600);

/* A datagram from the peer on the NIC, with checksum over the pseudo-header (RFC 768). */
static unsigned int build_udp(u16 sport, u16 dport, const void *data, unsigned int len, bool csum)
{
	unsigned int flen = host_build_ipv4(frame, host_mac, peer_mac, PEER_IP, HOST_IP, IPPROTO_UDP,
					    sizeof(struct udphdr) + len);
	struct udphdr *uh = (struct udphdr *)(frame + 34);

	uh->source = htons(sport);
	uh->dest = htons(dport);
	uh->len = htons(sizeof(*uh) + len);
	uh->check = 0;
	memcpy(uh + 1, data, len);
	if (csum) {
		uh->check = csum_tcpudp_magic(PEER_IP, HOST_IP, sizeof(*uh) + len, IPPROTO_UDP,
					      csum_partial(uh, sizeof(*uh) + len, 0));
		if (!uh->check)
			uh->check = 0xffff;
	}
	return flen;
}

static void test_udp_bad_datagrams_counted_and_dropped(void **state)
{
	int srv = udp_socket_bound(0, 9040);
	unsigned long csumerr = udp_statistics[UDP_MIB_CSUMERRORS];
	unsigned long inerr = udp_statistics[UDP_MIB_INERRORS];
	struct udphdr *uh = (struct udphdr *)(frame + 34);
	struct sockaddr_in from;
	int fromlen = sizeof(from);
	unsigned int len;
	char in[32];

	/* Good, with a checksum: delivered, source is the peer. */
	len = build_udp(5555, 9040, "good", 4, true);
	assert_int_equal(host_netdev_inject(sock_test_dev, frame, len), 0);
	host_run_softirqs();
	assert_int_equal(__sys_recvfrom(srv, in, sizeof(in), MSG_DONTWAIT, (struct sockaddr *)&from,
					&fromlen), 4);
	assert_memory_equal(in, "good", 4);
	assert_int_equal(from.sin_addr.s_addr, PEER_IP);
	assert_int_equal(ntohs(from.sin_port), 5555);

	/* Checksum 0 means "none" (RFC 768): delivered. */
	len = build_udp(5555, 9040, "nosum", 5, false);
	host_netdev_inject(sock_test_dev, frame, len);
	host_run_softirqs();
	assert_int_equal(__sys_recvfrom(srv, in, sizeof(in), MSG_DONTWAIT, NULL, NULL), 5);

	/* Corrupted payload: dropped silently (RFC 1122 4.1.3.4), counted. */
	len = build_udp(5555, 9040, "bad!", 4, true);
	frame[42] ^= 0x20;
	host_netdev_inject(sock_test_dev, frame, len);
	host_run_softirqs();
	assert_int_equal(__sys_recvfrom(srv, in, sizeof(in), MSG_DONTWAIT, NULL, NULL), -EAGAIN);
	assert_int_equal(udp_statistics[UDP_MIB_CSUMERRORS], csumerr + 1);
	assert_int_equal(udp_statistics[UDP_MIB_INERRORS], inerr + 1);

	/* UDP length beyond the IP payload, or shorter than the header. */
	len = build_udp(5555, 9040, "long", 4, false);
	uh->len = htons(200);
	host_netdev_inject(sock_test_dev, frame, len);
	len = build_udp(5555, 9040, "tiny", 4, false);
	uh->len = htons(7);
	host_netdev_inject(sock_test_dev, frame, len);
	host_run_softirqs();
	assert_int_equal(__sys_recvfrom(srv, in, sizeof(in), MSG_DONTWAIT, NULL, NULL), -EAGAIN);
	assert_int_equal(udp_statistics[UDP_MIB_INERRORS], inerr + 3);

	/* UDP length shorter than the IP payload: the datagram ends where UDP says. */
	len = build_udp(5555, 9040, "shortened", 9, false);
	uh->len = htons(sizeof(*uh) + 5);
	host_netdev_inject(sock_test_dev, frame, len);
	host_run_softirqs();
	assert_int_equal(__sys_recvfrom(srv, in, sizeof(in), MSG_DONTWAIT, NULL, NULL), 5);
	assert_memory_equal(in, "short", 5);
	host_close_fd(srv);
}

/* A closed port on the NIC: the peer gets ICMP port unreachable quoting its datagram. */
static void test_udp_closed_port_sends_icmp(void **state)
{
	unsigned int len = build_udp(5555, 9999, "anyone?", 7, true);
	struct sk_buff *skb;
	struct iphdr *iph;
	struct icmphdr *icmph;

	host_netdev_tx_purge(sock_test_dev);
	host_netdev_inject(sock_test_dev, frame, len);
	host_run_softirqs();
	skb = host_netdev_tx_pop(sock_test_dev);
	assert_non_null(skb);
	iph = (struct iphdr *)(skb->data + ETH_HLEN);
	assert_int_equal(iph->protocol, IPPROTO_ICMP);
	assert_int_equal(iph->daddr, PEER_IP);
	icmph = (struct icmphdr *)(iph + 1);
	assert_int_equal(icmph->type, ICMP_DEST_UNREACH);
	assert_int_equal(icmph->code, ICMP_PORT_UNREACH);
	/* The quoted datagram: its IP header and the UDP header. */
	assert_int_equal(((struct iphdr *)(icmph + 1))->saddr, PEER_IP);
	assert_int_equal(ntohs(((struct udphdr *)((u8 *)(icmph + 1) + 20))->dest), 9999);
	consume_skb(skb);
}

/* Broadcast datagrams reach every socket on the port, and never cause ICMP. */
static void test_udp_broadcast_to_all_sockets(void **state)
{
	int a = __sys_socket(AF_INET, SOCK_DGRAM, 0), b = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in any = inaddr(0, 9050);
	struct iphdr *iph = (struct iphdr *)(frame + 14);
	unsigned int len;
	char in[8];

	setsockopt_int(a, SOL_SOCKET, SO_REUSEADDR, 1);
	setsockopt_int(b, SOL_SOCKET, SO_REUSEADDR, 1);
	assert_int_equal(__sys_bind(a, (struct sockaddr *)&any, sizeof(any)), 0);
	assert_int_equal(__sys_bind(b, (struct sockaddr *)&any, sizeof(any)), 0);
	len = build_udp(68, 9050, "bcast", 5, false);
	iph->daddr = htonl(0xffffffff);
	iph->check = 0;
	ip_send_check(iph);
	memcpy(frame, bcast_mac, 6);
	host_netdev_tx_purge(sock_test_dev);
	host_netdev_inject(sock_test_dev, frame, len);
	host_run_softirqs();
	assert_int_equal(__sys_recvfrom(a, in, sizeof(in), MSG_DONTWAIT, NULL, NULL), 5);
	assert_int_equal(__sys_recvfrom(b, in, sizeof(in), MSG_DONTWAIT, NULL, NULL), 5);
	host_close_fd(a);
	host_close_fd(b);
	/* Nobody on the port: silently ignored. */
	host_netdev_inject(sock_test_dev, frame, len);
	host_run_softirqs();
	assert_int_equal(host_netdev_tx_len(sock_test_dev), 0);
}

/* Sending to a broadcast address needs SO_BROADCAST (EACCES without it). */
static void test_udp_send_broadcast_needs_so_broadcast(void **state)
{
	int fd = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in to = inaddr(htonl(0x0a0000ff), 9060);

	assert_int_equal(__sys_sendto(fd, "x", 1, 0, (struct sockaddr *)&to, sizeof(to)), -EACCES);
	assert_int_equal(setsockopt_int(fd, SOL_SOCKET, SO_BROADCAST, 1), 0);
	assert_int_equal(__sys_sendto(fd, "x", 1, 0, (struct sockaddr *)&to, sizeof(to)), 1);
	host_run_softirqs();
	host_close_fd(fd);
}

/* sendto argument checks as Linux: port 0, short address, wrong family, bad buffer. */
static void test_udp_sendto_errors(void **state)
{
	int fd = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in to = inaddr(LOOPBACK_IP, 0);

	assert_int_equal(__sys_sendto(fd, "x", 1, 0, (struct sockaddr *)&to, sizeof(to)), -EINVAL);
	to = inaddr(LOOPBACK_IP, 9070);
	assert_int_equal(__sys_sendto(fd, "x", 1, 0, (struct sockaddr *)&to, 8), -EINVAL);
	to.sin_family = AF_INET6;
	assert_int_equal(__sys_sendto(fd, "x", 1, 0, (struct sockaddr *)&to, sizeof(to)), -EAFNOSUPPORT);
	to = inaddr(LOOPBACK_IP, 9070);
	assert_int_equal(__sys_sendto(fd, BAD_USER_PTR, 10, 0, (struct sockaddr *)&to, sizeof(to)),
			 -EFAULT);
	assert_int_equal(__sys_sendto(fd, "x", 1, 0, NULL, 0), -EDESTADDRREQ);
	assert_int_equal(__sys_sendto(fd, "x", 1, MSG_OOB, (struct sockaddr *)&to, sizeof(to)),
			 -EOPNOTSUPP);
	/* No route to a network we do not know (no default route here). */
	to = inaddr(htonl(0xc0a80101), 9070);
	assert_int_equal(__sys_sendto(fd, "x", 1, 0, (struct sockaddr *)&to, sizeof(to)), -ENETUNREACH);
	host_close_fd(fd);
}

/* recvmsg with IP_RECVTTL returns the TTL as a control message. */
static void test_udp_recvmsg_ip_ttl_cmsg(void **state)
{
	int srv = udp_socket_bound(LOOPBACK_IP, 9080);
	int cli = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in to = inaddr(LOOPBACK_IP, 9080), from;
	char in[8];
	union {
		struct cmsghdr hdr;
		char buf[64];
	} ctl;
	struct iovec iov = { .iov_base = in, .iov_len = sizeof(in) };
	struct user_msghdr msg;
	struct cmsghdr *cm;

	assert_int_equal(setsockopt_int(srv, SOL_IP, IP_RECVTTL, 1), 0);
	assert_int_equal(setsockopt_int(cli, SOL_IP, IP_TTL, 33), 0);
	assert_int_equal(__sys_sendto(cli, "ttl", 3, 0, (struct sockaddr *)&to, sizeof(to)), 3);
	host_run_softirqs();
	memset(&msg, 0, sizeof(msg));
	msg.msg_name = &from;
	msg.msg_namelen = sizeof(from);
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = &ctl;
	msg.msg_controllen = sizeof(ctl);
	assert_int_equal(__sys_recvmsg(srv, &msg, MSG_DONTWAIT), 3);
	assert_int_equal(msg.msg_namelen, sizeof(from));
	assert_int_equal(ntohs(from.sin_port), local_port(cli));
	assert_int_equal(msg.msg_controllen, CMSG_SPACE(sizeof(int)));
	cm = &ctl.hdr;
	assert_int_equal(cm->cmsg_level, SOL_IP);
	assert_int_equal(cm->cmsg_type, IP_TTL);
	assert_int_equal(cm->cmsg_len, CMSG_LEN(sizeof(int)));
	assert_int_equal(*(int *)CMSG_DATA(cm), 33);
	host_close_fd(srv);
	host_close_fd(cli);
}

/*
 * SO_SNDBUF bounds the datagrams a socket has in flight: EAGAIN, or a wait bounded by SO_SNDTIMEO.
 * Datagrams to a neighbour that has not answered ARP yet wait in the neighbour's queue, still
 * charged to the socket (a driver that transmitted them would have given the charge back).
 */
static void test_udp_sndbuf_full_eagain_and_sndtimeo(void **state)
{
	int fd = __sys_socket(AF_INET, SOCK_DGRAM, 0), sent = 0, ret;
	__be32 silent = htonl(0x0a000042);	/* 10.0.0.66: on the link, not yet resolved */
	struct sockaddr_in to = inaddr(silent, 9090);
	struct __kernel_old_timeval tv = { .tv_sec = 0, .tv_usec = 300000 };
	static u8 out[1400];
	unsigned long start;

	assert_int_equal(setsockopt_int(fd, SOL_SOCKET, SO_SNDBUF, 1), 0);	/* the minimum */
	while ((ret = __sys_sendto(fd, out, sizeof(out), MSG_DONTWAIT, (struct sockaddr *)&to,
				   sizeof(to))) == sizeof(out) && sent < 100)
		sent++;
	assert_int_equal(ret, -EAGAIN);
	assert_true(sent >= 1 && sent <= 4);
	assert_true(sk_wmem_alloc_get(fd_sk(fd)) >= SOCK_MIN_SNDBUF / 2);
	assert_int_equal(__sys_setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, (char *)&tv, sizeof(tv)), 0);
	start = jiffies;
	assert_int_equal(__sys_sendto(fd, out, sizeof(out), 0, (struct sockaddr *)&to, sizeof(to)),
			 -EAGAIN);
	assert_true(jiffies - start >= msecs_to_jiffies(300));
	/* The neighbour answers: the queue goes out, the NIC frees it, the buffer has room again. */
	host_learn_neigh(sock_test_dev, silent, peer_mac);
	host_run_softirqs();
	host_netdev_tx_purge(sock_test_dev);
	assert_int_equal(sk_wmem_alloc_get(fd_sk(fd)), 0);
	assert_int_equal(__sys_sendto(fd, out, sizeof(out), MSG_DONTWAIT, (struct sockaddr *)&to,
				      sizeof(to)), sizeof(out));
	host_close_fd(fd);
}

/*
 * IP_RECVERR: an unconnected socket learns of errors too, through its error queue: the payload of
 * the failed datagram, its destination, and the ICMP error with the reporting host.
 */
static void test_udp_recverr_error_queue(void **state)
{
	int fd = __sys_socket(AF_INET, SOCK_DGRAM, 0), val = 0;
	struct sockaddr_in to = inaddr(LOOPBACK_IP, 9), name;
	struct {
		struct sock_extended_err ee;
		struct sockaddr_in offender;
	} *errhdr;
	union {
		struct cmsghdr hdr;
		char buf[128];
	} ctl;
	char data[16];
	struct iovec iov = { .iov_base = data, .iov_len = sizeof(data) };
	struct user_msghdr msg;

	assert_int_equal(setsockopt_int(fd, SOL_IP, IP_RECVERR, 1), 0);
	assert_int_equal(getsockopt_int(fd, SOL_IP, IP_RECVERR, &val), 0);
	assert_int_equal(val, 1);
	assert_int_equal(__sys_sendto(fd, "knock", 5, 0, (struct sockaddr *)&to, sizeof(to)), 5);
	host_run_softirqs();
	{
		struct file *f = fget(fd);

		assert_true(f->f_op->poll(f, NULL) & EPOLLERR);
		fput(f);
	}
	memset(&msg, 0, sizeof(msg));
	msg.msg_name = &name;
	msg.msg_namelen = sizeof(name);
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = &ctl;
	msg.msg_controllen = sizeof(ctl);
	assert_int_equal(__sys_recvmsg(fd, &msg, MSG_ERRQUEUE | MSG_DONTWAIT), 5);
	assert_memory_equal(data, "knock", 5);
	assert_true(msg.msg_flags & MSG_ERRQUEUE);
	assert_int_equal(name.sin_addr.s_addr, LOOPBACK_IP);
	assert_int_equal(ntohs(name.sin_port), 9);
	assert_int_equal(ctl.hdr.cmsg_level, SOL_IP);
	assert_int_equal(ctl.hdr.cmsg_type, IP_RECVERR);
	errhdr = CMSG_DATA(&ctl.hdr);
	assert_int_equal(errhdr->ee.ee_errno, ECONNREFUSED);
	assert_int_equal(errhdr->ee.ee_origin, SO_EE_ORIGIN_ICMP);
	assert_int_equal(errhdr->ee.ee_type, ICMP_DEST_UNREACH);
	assert_int_equal(errhdr->ee.ee_code, ICMP_PORT_UNREACH);
	assert_int_equal(errhdr->offender.sin_addr.s_addr, LOOPBACK_IP);
	/* sk_err was set as well: one plain read reports it; then both queues are empty. */
	assert_int_equal(__sys_recvfrom(fd, data, sizeof(data), MSG_DONTWAIT, NULL, NULL), -ECONNREFUSED);
	assert_int_equal(__sys_recvmsg(fd, &msg, MSG_ERRQUEUE | MSG_DONTWAIT), -EAGAIN);
	/* A queued error that nobody reads is freed with the socket. */
	assert_int_equal(__sys_sendto(fd, "again", 5, 0, (struct sockaddr *)&to, sizeof(to)), 5);
	host_run_softirqs();
	host_close_fd(fd);
}

/* /proc/net/sockstat: sockets in use and the UDP memory pool (pages) go up and back to zero. */
static void test_udp_sockstat_memory_returns(void **state)
{
	int srv = udp_socket_bound(LOOPBACK_IP, 9095);
	int cli = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in to = inaddr(LOOPBACK_IP, 9095);
	static u8 out[1000];
	char buf[1024];
	int i;

	assert_true(host_proc_read("net/sockstat", buf, sizeof(buf)) > 0);
	assert_non_null(strstr(buf, "UDP: inuse 1 mem 0\n"));
	for (i = 0; i < 5; i++)
		__sys_sendto(cli, out, sizeof(out), 0, (struct sockaddr *)&to, sizeof(to));
	host_run_softirqs();
	assert_true(host_proc_read("net/sockstat", buf, sizeof(buf)) > 0);
	assert_non_null(strstr(buf, "UDP: inuse 2 mem "));
	assert_null(strstr(buf, "UDP: inuse 2 mem 0\n"));
	assert_true(atomic_long_read(&udp_memory_allocated) > 0);
	while (__sys_recvfrom(srv, out, sizeof(out), MSG_DONTWAIT, NULL, NULL) > 0)
		;
	assert_int_equal(atomic_long_read(&udp_memory_allocated), 0);
	host_close_fd(srv);
	host_close_fd(cli);
	assert_true(host_proc_read("net/sockstat", buf, sizeof(buf)) > 0);
	assert_non_null(strstr(buf, "UDP: inuse 0 mem 0\n"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_udp_loopback_data_and_source_address, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_udp_large_datagram_reassembled, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_udp_truncation_and_msg_trunc, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_udp_msg_peek_leaves_datagram, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_udp_nonblocking_and_rcvtimeo, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_udp_blocking_recv_woken_by_arrival, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_udp_port_unreachable_econnrefused, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_udp_connected_socket_preferred_and_filtered, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_udp_file_ops_read_write_poll, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_udp_rcvbuf_full_drops_counted, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_udp_bad_datagrams_counted_and_dropped, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_udp_closed_port_sends_icmp, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_udp_broadcast_to_all_sockets, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_udp_send_broadcast_needs_so_broadcast, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_udp_sendto_errors, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_udp_recvmsg_ip_ttl_cmsg, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_udp_sndbuf_full_eagain_and_sndtimeo, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_udp_sockstat_memory_returns, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_udp_recverr_error_queue, sock_setup, sock_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
