/*
 * Host tests of ICMP echo ("ping") sockets, net/ipv4/ping.c: socket(AF_INET, SOCK_DGRAM,
 * IPPROTO_ICMP) sends echo requests whose identifier the kernel sets to the socket's port and
 * receives exactly the replies carrying that identifier, ICMP header included, with the TTL as an
 * IP_RECVTTL control message -- what userland/ping.c relies on.
 */
#include <linux/slab.h>
#include <linux/errqueue.h>
#include "sock_helpers.h"

static int ping_socket(void)
{
	return __sys_socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
}

static int send_echo(int fd, __be32 daddr, u16 seq, const void *data, unsigned int len)
{
	u8 pkt[2048];
	struct icmphdr *icmph = (struct icmphdr *)pkt;
	struct sockaddr_in to = inaddr(daddr, 0);

	memset(icmph, 0, sizeof(*icmph));
	icmph->type = ICMP_ECHO;
	icmph->un.echo.id = htons(0x9999);	/* ignored: the kernel writes the socket's id */
	icmph->un.echo.sequence = htons(seq);
	memcpy(pkt + sizeof(*icmph), data, len);
	return __sys_sendto(fd, pkt, sizeof(*icmph) + len, 0, (struct sockaddr *)&to, sizeof(to));
}

static void test_ping_loopback_echo(void **state)
{
	int fd = ping_socket();
	u8 reply[256];
	struct icmphdr *icmph = (struct icmphdr *)reply;
	struct sockaddr_in from;
	int fromlen = sizeof(from), id;
	unsigned long outechos = icmp_statistics[ICMP_MIB_OUTECHOS];

	assert_true(fd >= 0);
	assert_int_equal(send_echo(fd, LOOPBACK_IP, 1, "abcdefgh", 8), 16);
	/* The first send bound the socket: its port is the echo identifier. */
	id = local_port(fd);
	assert_true(id > 0);
	host_run_softirqs();
	assert_int_equal(__sys_recvfrom(fd, reply, sizeof(reply), MSG_DONTWAIT,
					(struct sockaddr *)&from, &fromlen), 16);
	assert_int_equal(icmph->type, ICMP_ECHOREPLY);
	assert_int_equal(icmph->code, 0);
	assert_int_equal(ntohs(icmph->un.echo.id), id);
	assert_int_equal(ntohs(icmph->un.echo.sequence), 1);
	assert_int_equal(ip_compute_csum(reply, 16), 0);
	assert_memory_equal(reply + 8, "abcdefgh", 8);
	assert_int_equal(from.sin_addr.s_addr, LOOPBACK_IP);
	assert_true(icmp_statistics[ICMP_MIB_OUTECHOS] > outechos);
	/* Exactly one reply. */
	assert_int_equal(__sys_recvfrom(fd, reply, sizeof(reply), MSG_DONTWAIT, NULL, NULL), -EAGAIN);
	host_close_fd(fd);
}

/* Two ping sockets: different identifiers, and each sees only its own replies. */
static void test_ping_replies_matched_by_identifier(void **state)
{
	int a = ping_socket(), b = ping_socket();
	u8 reply[64];
	struct icmphdr *icmph = (struct icmphdr *)reply;

	assert_int_equal(send_echo(a, HOST_IP, 10, "A", 1), 9);
	assert_int_equal(send_echo(b, HOST_IP, 20, "B", 1), 9);
	assert_int_not_equal(local_port(a), local_port(b));
	host_run_softirqs();
	assert_int_equal(__sys_recvfrom(a, reply, sizeof(reply), MSG_DONTWAIT, NULL, NULL), 9);
	assert_int_equal(ntohs(icmph->un.echo.sequence), 10);
	assert_int_equal(reply[8], 'A');
	assert_int_equal(__sys_recvfrom(a, reply, sizeof(reply), MSG_DONTWAIT, NULL, NULL), -EAGAIN);
	assert_int_equal(__sys_recvfrom(b, reply, sizeof(reply), MSG_DONTWAIT, NULL, NULL), 9);
	assert_int_equal(ntohs(icmph->un.echo.sequence), 20);
	assert_int_equal(reply[8], 'B');
	host_close_fd(a);
	host_close_fd(b);
}

/* An echo reply from the wire for our identifier; one for another identifier is not ours. */
static void test_ping_reply_from_nic(void **state)
{
	static HOST_FRAME(frame, 128);
	struct sockaddr_in me = inaddr(0, 4242);
	struct icmphdr *icmph = (struct icmphdr *)(frame + 34);
	u8 reply[64];
	unsigned int len;
	int fd = ping_socket();

	/* bind() chooses the identifier. */
	assert_int_equal(__sys_bind(fd, (struct sockaddr *)&me, sizeof(me)), 0);
	assert_int_equal(local_port(fd), 4242);
	len = host_build_ipv4(frame, host_mac, peer_mac, PEER_IP, HOST_IP, IPPROTO_ICMP, 12);
	memset(icmph, 0, 12);
	icmph->type = ICMP_ECHOREPLY;
	icmph->un.echo.id = htons(4243);
	icmph->un.echo.sequence = htons(5);
	memcpy(icmph + 1, "wxyz", 4);
	icmph->checksum = ip_compute_csum(icmph, 12);
	host_netdev_inject(sock_test_dev, frame, len);
	host_run_softirqs();
	assert_int_equal(__sys_recvfrom(fd, reply, sizeof(reply), MSG_DONTWAIT, NULL, NULL), -EAGAIN);

	icmph->un.echo.id = htons(4242);
	icmph->checksum = 0;
	icmph->checksum = ip_compute_csum(icmph, 12);
	host_netdev_inject(sock_test_dev, frame, len);
	host_run_softirqs();
	assert_int_equal(__sys_recvfrom(fd, reply, sizeof(reply), MSG_DONTWAIT, NULL, NULL), 12);
	assert_memory_equal(reply + 8, "wxyz", 4);
	host_close_fd(fd);
}

/* The request on the wire: echo type, our identifier, valid checksum, TTL as set. */
static void test_ping_request_on_wire(void **state)
{
	int fd = ping_socket();
	struct sk_buff *skb;
	struct iphdr *iph;
	struct icmphdr *icmph;

	assert_int_equal(setsockopt_int(fd, SOL_IP, IP_TTL, 9), 0);
	host_netdev_tx_purge(sock_test_dev);
	assert_int_equal(send_echo(fd, PEER_IP, 77, "0123456789", 10), 18);
	host_run_softirqs();
	skb = host_netdev_tx_pop(sock_test_dev);
	assert_non_null(skb);
	iph = (struct iphdr *)(skb->data + ETH_HLEN);
	assert_int_equal(iph->protocol, IPPROTO_ICMP);
	assert_int_equal(iph->saddr, HOST_IP);
	assert_int_equal(iph->daddr, PEER_IP);
	assert_int_equal(iph->ttl, 9);
	assert_int_equal(ntohs(iph->tot_len), 20 + 18);
	icmph = (struct icmphdr *)(iph + 1);
	assert_int_equal(icmph->type, ICMP_ECHO);
	assert_int_equal(ntohs(icmph->un.echo.id), local_port(fd));
	assert_int_equal(ntohs(icmph->un.echo.sequence), 77);
	assert_int_equal(ip_compute_csum(icmph, 18), 0);
	assert_memory_equal(icmph + 1, "0123456789", 10);
	consume_skb(skb);
	host_close_fd(fd);
}

static void test_ping_bad_requests_rejected(void **state)
{
	int fd = ping_socket();
	u8 pkt[16];
	struct icmphdr *icmph = (struct icmphdr *)pkt;
	struct sockaddr_in to = inaddr(LOOPBACK_IP, 0);

	memset(pkt, 0, sizeof(pkt));
	/* Only echo requests (type 8, code 0) may be sent. */
	icmph->type = ICMP_ECHOREPLY;
	assert_int_equal(__sys_sendto(fd, pkt, 8, 0, (struct sockaddr *)&to, sizeof(to)), -EINVAL);
	icmph->type = ICMP_ECHO;
	icmph->code = 1;
	assert_int_equal(__sys_sendto(fd, pkt, 8, 0, (struct sockaddr *)&to, sizeof(to)), -EINVAL);
	icmph->code = 0;
	/* Shorter than an ICMP header. */
	assert_int_equal(__sys_sendto(fd, pkt, 4, 0, (struct sockaddr *)&to, sizeof(to)), -EINVAL);
	assert_int_equal(__sys_sendto(fd, BAD_USER_PTR, 8, 0, (struct sockaddr *)&to, sizeof(to)), -EFAULT);
	assert_int_equal(__sys_sendto(fd, pkt, 8, 0, NULL, 0), -EDESTADDRREQ);
	host_close_fd(fd);
}

/* The reply's TTL as ping prints it (ttl=64): IP_RECVTTL on recvmsg. */
static void test_ping_recvttl(void **state)
{
	int fd = ping_socket();
	u8 reply[64];
	union {
		struct cmsghdr hdr;
		char buf[64];
	} ctl;
	struct iovec iov = { .iov_base = reply, .iov_len = sizeof(reply) };
	struct user_msghdr msg;

	assert_int_equal(setsockopt_int(fd, SOL_IP, IP_RECVTTL, 1), 0);
	assert_int_equal(send_echo(fd, LOOPBACK_IP, 3, "ttl", 3), 11);
	host_run_softirqs();
	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = &ctl;
	msg.msg_controllen = sizeof(ctl);
	assert_int_equal(__sys_recvmsg(fd, &msg, MSG_DONTWAIT), 11);
	assert_int_equal(ctl.hdr.cmsg_level, SOL_IP);
	assert_int_equal(ctl.hdr.cmsg_type, IP_TTL);
	assert_int_equal(*(int *)CMSG_DATA(&ctl.hdr), 64);
	host_close_fd(fd);
}

/* /proc/net/icmp lists ping sockets with their identifier. */
static void test_ping_proc_net_icmp(void **state)
{
	int fd = ping_socket();
	struct sockaddr_in me = inaddr(0, 0x1234);
	char buf[2048];

	assert_int_equal(__sys_bind(fd, (struct sockaddr *)&me, sizeof(me)), 0);
	assert_true(host_proc_read("net/icmp", buf, sizeof(buf)) > 0);
	assert_non_null(strstr(buf, "00000000:1234 00000000:0000 07"));
	host_close_fd(fd);
	assert_true(host_proc_read("net/icmp", buf, sizeof(buf)) > 0);
	assert_null(strstr(buf, ":1234 "));
}

/* With IP_RECVERR, an ICMP error quoting our echo request reaches the error queue (ping's "From ..."). */
static void test_ping_error_queue_host_unreachable(void **state)
{
	static HOST_FRAME(frame, 128);
	int fd = ping_socket(), id;
	__be32 far = htonl(0x0a000063);
	struct icmphdr *icmph = (struct icmphdr *)(frame + 34), *quoted;
	struct iphdr *qiph = (struct iphdr *)(frame + 42);
	union {
		struct cmsghdr hdr;
		char buf[128];
	} ctl;
	struct {
		struct sock_extended_err ee;
		struct sockaddr_in offender;
	} *errhdr;
	u8 data[64];
	struct iovec iov = { .iov_base = data, .iov_len = sizeof(data) };
	struct user_msghdr msg;
	unsigned int len;

	assert_int_equal(setsockopt_int(fd, SOL_IP, IP_RECVERR, 1), 0);
	host_learn_neigh(sock_test_dev, far, peer_mac);
	assert_int_equal(send_echo(fd, far, 42, "lost", 4), 12);
	host_run_softirqs();
	host_netdev_tx_purge(sock_test_dev);
	id = local_port(fd);

	/* The router (PEER_IP) answers: host unreachable, quoting our IP header and 8 bytes. */
	len = host_build_ipv4(frame, host_mac, peer_mac, PEER_IP, HOST_IP, IPPROTO_ICMP, 8 + 20 + 8);
	memset(icmph, 0, 8 + 20 + 8);
	icmph->type = ICMP_DEST_UNREACH;
	icmph->code = ICMP_HOST_UNREACH;
	qiph->version = 4;
	qiph->ihl = 5;
	qiph->tot_len = htons(20 + 12);
	qiph->ttl = 63;
	qiph->protocol = IPPROTO_ICMP;
	qiph->saddr = HOST_IP;
	qiph->daddr = far;
	ip_send_check(qiph);
	quoted = (struct icmphdr *)(qiph + 1);
	quoted->type = ICMP_ECHO;
	quoted->un.echo.id = htons(id);
	quoted->un.echo.sequence = htons(42);
	icmph->checksum = ip_compute_csum(icmph, 8 + 20 + 8);
	host_netdev_inject(sock_test_dev, frame, len);
	host_run_softirqs();

	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = &ctl;
	msg.msg_controllen = sizeof(ctl);
	assert_int_equal(__sys_recvmsg(fd, &msg, MSG_ERRQUEUE | MSG_DONTWAIT), 8);
	assert_int_equal(ntohs(((struct icmphdr *)data)->un.echo.sequence), 42);
	errhdr = CMSG_DATA(&ctl.hdr);
	assert_int_equal(ctl.hdr.cmsg_type, IP_RECVERR);
	assert_int_equal(errhdr->ee.ee_errno, EHOSTUNREACH);
	assert_int_equal(errhdr->ee.ee_type, ICMP_DEST_UNREACH);
	assert_int_equal(errhdr->ee.ee_code, ICMP_HOST_UNREACH);
	assert_int_equal(errhdr->offender.sin_addr.s_addr, PEER_IP);
	host_close_fd(fd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_ping_loopback_echo, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_ping_replies_matched_by_identifier, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_ping_reply_from_nic, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_ping_request_on_wire, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_ping_bad_requests_rejected, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_ping_recvttl, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_ping_proc_net_icmp, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_ping_error_queue_host_unreachable, sock_setup, sock_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
