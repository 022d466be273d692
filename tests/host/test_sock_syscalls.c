/*
 * Host tests of the socket system calls (net/socket.c, net/ipv4/af_inet.c, net/core/sock.c): the
 * errors Linux gives for bad descriptors, arguments, addresses and user pointers, port binding
 * rules (EADDRINUSE, SO_REUSEADDR, the ephemeral range and its exhaustion) and SOL_SOCKET options.
 */
#include <linux/slab.h>
#include <uapi/linux/sockios.h>
#include <uapi/linux/if.h>
#include "sock_helpers.h"

static void test_socket_bad_family_type_protocol(void **state)
{
	assert_int_equal(__sys_socket(-1, SOCK_DGRAM, 0), -EAFNOSUPPORT);
	assert_int_equal(__sys_socket(AF_MAX, SOCK_DGRAM, 0), -EAFNOSUPPORT);
	assert_int_equal(__sys_socket(AF_UNIX, SOCK_STREAM, 0), -EAFNOSUPPORT);
	/* Bits outside SOCK_TYPE_MASK other than SOCK_NONBLOCK/SOCK_CLOEXEC. */
	assert_int_equal(__sys_socket(AF_INET, SOCK_DGRAM | 0x100, 0), -EINVAL);
	assert_int_equal(__sys_socket(AF_INET, SOCK_SEQPACKET, 0), -ESOCKTNOSUPPORT);
	assert_int_equal(__sys_socket(AF_INET, SOCK_DGRAM, IPPROTO_TCP), -EPROTONOSUPPORT);
	assert_int_equal(__sys_socket(AF_INET, SOCK_DGRAM, -1), -EINVAL);
	assert_int_equal(__sys_socket(AF_INET, SOCK_DGRAM, IPPROTO_MAX), -EINVAL);
	host_run_softirqs();
}

static void test_socket_returns_lowest_fd_and_flags(void **state)
{
	int a = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	int b = __sys_socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, IPPROTO_UDP);
	struct file *file;
	int type = 0;

	assert_true(a >= 0);
	assert_int_equal(b, a + 1);
	file = fget(b);
	assert_non_null(file);
	assert_true(file->f_flags & O_NONBLOCK);
	fput(file);
	file = fget(a);
	assert_false(file->f_flags & O_NONBLOCK);
	fput(file);
	assert_int_equal(getsockopt_int(b, SOL_SOCKET, SO_TYPE, &type), 0);
	assert_int_equal(type, SOCK_DGRAM);
	assert_int_equal(getsockopt_int(b, SOL_SOCKET, SO_PROTOCOL, &type), 0);
	assert_int_equal(type, IPPROTO_UDP);
	assert_int_equal(host_close_fd(a), 0);
	/* The freed descriptor is reused first. */
	assert_int_equal(__sys_socket(AF_INET, SOCK_DGRAM, 0), a);
	host_close_fd(a);
	host_close_fd(b);
}

static ssize_t null_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	return 0;
}

static const struct file_operations not_a_socket_ops = { .read = null_read };

static void test_bad_descriptors(void **state)
{
	struct sockaddr_in a = inaddr(0, 9000);
	struct file *file;
	int fd;

	assert_int_equal(__sys_bind(-1, (struct sockaddr *)&a, sizeof(a)), -EBADF);
	assert_int_equal(__sys_bind(60, (struct sockaddr *)&a, sizeof(a)), -EBADF);
	assert_int_equal(__sys_listen(60, 5), -EBADF);
	assert_int_equal(__sys_connect(60, (struct sockaddr *)&a, sizeof(a)), -EBADF);
	assert_int_equal(__sys_accept4(60, NULL, NULL, 0), -EBADF);
	assert_int_equal(__sys_shutdown(60, SHUT_RDWR), -EBADF);

	/* A descriptor that is open but not a socket. */
	file = alloc_file(&not_a_socket_ops, O_RDWR, NULL);
	fd = get_unused_fd_flags(0);
	assert_true(fd >= 0);
	fd_install(fd, file);
	assert_int_equal(__sys_bind(fd, (struct sockaddr *)&a, sizeof(a)), -ENOTSOCK);
	assert_int_equal(__sys_listen(fd, 5), -ENOTSOCK);
	assert_int_equal(__sys_connect(fd, (struct sockaddr *)&a, sizeof(a)), -ENOTSOCK);
	assert_int_equal(__sys_accept4(fd, NULL, NULL, 0), -ENOTSOCK);
	assert_int_equal(__sys_sendto(fd, "x", 1, 0, NULL, 0), -ENOTSOCK);
	assert_int_equal(host_close_fd(fd), 0);
}

static void test_bind_argument_errors(void **state)
{
	int fd = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in a = inaddr(0, 9000);
	struct sockaddr_storage big;

	assert_true(fd >= 0);
	/* addrlen too short for a sockaddr_in, negative, or larger than sockaddr_storage. */
	assert_int_equal(__sys_bind(fd, (struct sockaddr *)&a, 8), -EINVAL);
	assert_int_equal(__sys_bind(fd, (struct sockaddr *)&a, -1), -EINVAL);
	memset(&big, 0, sizeof(big));
	assert_int_equal(__sys_bind(fd, (struct sockaddr *)&big, sizeof(big) + 1), -EINVAL);
	/* A pointer the process cannot read. */
	assert_int_equal(__sys_bind(fd, BAD_USER_PTR, sizeof(a)), -EFAULT);
	/* Wrong family; AF_UNSPEC is accepted only with INADDR_ANY. */
	a.sin_family = AF_INET6;
	assert_int_equal(__sys_bind(fd, (struct sockaddr *)&a, sizeof(a)), -EAFNOSUPPORT);
	a = inaddr(HOST_IP, 9000);
	a.sin_family = AF_UNSPEC;
	assert_int_equal(__sys_bind(fd, (struct sockaddr *)&a, sizeof(a)), -EAFNOSUPPORT);
	/* An address that is not ours. */
	a = inaddr(htonl(0x0a090909), 9000);
	assert_int_equal(__sys_bind(fd, (struct sockaddr *)&a, sizeof(a)), -EADDRNOTAVAIL);
	/* Our addresses are fine, once; a second bind is EINVAL. */
	a = inaddr(HOST_IP, 9000);
	assert_int_equal(__sys_bind(fd, (struct sockaddr *)&a, sizeof(a)), 0);
	assert_int_equal(local_port(fd), 9000);
	a = inaddr(HOST_IP, 9001);
	assert_int_equal(__sys_bind(fd, (struct sockaddr *)&a, sizeof(a)), -EINVAL);
	host_close_fd(fd);
}

static void test_bind_eaddrinuse_and_reuseaddr(void **state)
{
	struct sockaddr_in any = inaddr(0, 9100), lo = inaddr(LOOPBACK_IP, 9100);
	int a = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	int b = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	int c = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	int d = __sys_socket(AF_INET, SOCK_DGRAM, 0);

	assert_int_equal(__sys_bind(a, (struct sockaddr *)&any, sizeof(any)), 0);
	/* The wildcard covers every address: same port on 127.0.0.1 clashes too. */
	assert_int_equal(__sys_bind(b, (struct sockaddr *)&any, sizeof(any)), -EADDRINUSE);
	assert_int_equal(__sys_bind(b, (struct sockaddr *)&lo, sizeof(lo)), -EADDRINUSE);
	/* Only one side asking for SO_REUSEADDR is not enough ... */
	assert_int_equal(setsockopt_int(b, SOL_SOCKET, SO_REUSEADDR, 1), 0);
	assert_int_equal(__sys_bind(b, (struct sockaddr *)&any, sizeof(any)), -EADDRINUSE);
	host_close_fd(a);
	/* ... both are. */
	assert_int_equal(setsockopt_int(c, SOL_SOCKET, SO_REUSEADDR, 1), 0);
	assert_int_equal(__sys_bind(b, (struct sockaddr *)&any, sizeof(any)), 0);
	assert_int_equal(__sys_bind(c, (struct sockaddr *)&any, sizeof(any)), 0);
	/* The port is free again once every owner is closed. */
	host_close_fd(b);
	host_close_fd(c);
	assert_int_equal(__sys_bind(d, (struct sockaddr *)&any, sizeof(any)), 0);
	host_close_fd(d);
}

static void test_bind_port_zero_takes_ephemeral_port(void **state)
{
	int fd = udp_socket_bound(0, 0);
	int port = local_port(fd);

	assert_true(port >= 32768 && port <= 60999);
	host_close_fd(fd);
}

/* RFC 6056 range exhausted: bind(port 0) fails with EADDRINUSE, sendto's autobind with EAGAIN. */
static void test_ephemeral_port_exhaustion(void **state)
{
	struct net *net = &init_net;
	int saved[2] = { net->ipv4.ip_local_ports.range[0], net->ipv4.ip_local_ports.range[1] };
	struct sockaddr_in to = inaddr(LOOPBACK_IP, 9);
	int fds[4], seen = 0, i, extra;

	net->ipv4.ip_local_ports.range[0] = 40000;
	net->ipv4.ip_local_ports.range[1] = 40003;
	for (i = 0; i < 4; i++) {
		int port;

		fds[i] = udp_socket_bound(0, 0);
		assert_true(fds[i] >= 0);
		port = local_port(fds[i]);
		assert_true(port >= 40000 && port <= 40003);
		assert_false(seen & (1 << (port - 40000)));
		seen |= 1 << (port - 40000);
	}
	assert_int_equal(udp_socket_bound(0, 0), -1);
	extra = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	assert_int_equal(__sys_sendto(extra, "x", 1, 0, (struct sockaddr *)&to, sizeof(to)), -EAGAIN);
	host_close_fd(extra);
	/* One port back, one socket more. */
	host_close_fd(fds[2]);
	fds[2] = udp_socket_bound(0, 0);
	assert_true(fds[2] >= 0);
	for (i = 0; i < 4; i++)
		host_close_fd(fds[i]);
	net->ipv4.ip_local_ports.range[0] = saved[0];
	net->ipv4.ip_local_ports.range[1] = saved[1];
}

static void test_dgram_listen_accept_socketpair_unsupported(void **state)
{
	int fd = udp_socket_bound(0, 0);
	int sv[2] = { -1, -1 };
	int next;

	assert_int_equal(__sys_listen(fd, 5), -EOPNOTSUPP);
	assert_int_equal(__sys_accept4(fd, NULL, NULL, 0), -EOPNOTSUPP);
	assert_int_equal(__sys_accept4(fd, NULL, NULL, 0x1), -EINVAL);	/* unknown accept4 flag */
	/* Linux's answer for AF_INET; no descriptor may be left behind. */
	assert_int_equal(__sys_socketpair(AF_INET, SOCK_DGRAM, 0, sv), -EOPNOTSUPP);
	next = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	assert_int_equal(next, fd + 1);
	host_close_fd(next);
	host_close_fd(fd);
}

static void test_connect_getname_errors(void **state)
{
	int fd = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in a = inaddr(LOOPBACK_IP, 7), got;
	int len = sizeof(got);

	assert_int_equal(__sys_connect(fd, (struct sockaddr *)&a, 1), -EINVAL);
	assert_int_equal(__sys_connect(fd, BAD_USER_PTR, sizeof(a)), -EFAULT);
	a.sin_family = AF_INET6;
	assert_int_equal(__sys_connect(fd, (struct sockaddr *)&a, sizeof(a)), -EAFNOSUPPORT);
	assert_int_equal(__sys_getpeername(fd, (struct sockaddr *)&got, &len), -ENOTCONN);
	assert_int_equal(__sys_getsockname(fd, BAD_USER_PTR, &len), -EFAULT);
	assert_int_equal(__sys_getsockname(fd, (struct sockaddr *)&got, BAD_USER_PTR), -EFAULT);
	len = -1;
	assert_int_equal(__sys_getsockname(fd, (struct sockaddr *)&got, &len), -EINVAL);
	/* A short buffer gets a truncated address and the real length. */
	len = 4;
	memset(&got, 0xee, sizeof(got));
	assert_int_equal(__sys_getsockname(fd, (struct sockaddr *)&got, &len), 0);
	assert_int_equal(len, sizeof(struct sockaddr_in));
	assert_int_equal(got.sin_family, AF_INET);
	assert_int_equal(((u8 *)&got)[4], 0xee);
	/* connect() fills in the peer and picks a port and source address. */
	a = inaddr(LOOPBACK_IP, 7);
	assert_int_equal(__sys_connect(fd, (struct sockaddr *)&a, sizeof(a)), 0);
	len = sizeof(got);
	assert_int_equal(__sys_getpeername(fd, (struct sockaddr *)&got, &len), 0);
	assert_int_equal(got.sin_addr.s_addr, LOOPBACK_IP);
	assert_int_equal(ntohs(got.sin_port), 7);
	len = sizeof(got);
	assert_int_equal(__sys_getsockname(fd, (struct sockaddr *)&got, &len), 0);
	assert_int_equal(got.sin_addr.s_addr, LOOPBACK_IP);
	assert_true(ntohs(got.sin_port) >= 32768);
	/* AF_UNSPEC dissolves the association. */
	a.sin_family = AF_UNSPEC;
	assert_int_equal(__sys_connect(fd, (struct sockaddr *)&a, sizeof(a)), 0);
	len = sizeof(got);
	assert_int_equal(__sys_getpeername(fd, (struct sockaddr *)&got, &len), -ENOTCONN);
	host_close_fd(fd);
}

static void test_sockopt_buffers_doubled_and_clamped(void **state)
{
	int fd = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	int val = 0;

	assert_int_equal(setsockopt_int(fd, SOL_SOCKET, SO_RCVBUF, 10000), 0);
	assert_int_equal(getsockopt_int(fd, SOL_SOCKET, SO_RCVBUF, &val), 0);
	assert_int_equal(val, 20000);
	assert_int_equal(setsockopt_int(fd, SOL_SOCKET, SO_RCVBUF, 1), 0);
	assert_int_equal(getsockopt_int(fd, SOL_SOCKET, SO_RCVBUF, &val), 0);
	assert_int_equal(val, SOCK_MIN_RCVBUF);
	assert_int_equal(setsockopt_int(fd, SOL_SOCKET, SO_SNDBUF, 1 << 30), 0);
	assert_int_equal(getsockopt_int(fd, SOL_SOCKET, SO_SNDBUF, &val), 0);
	assert_int_equal(val, 2 * sysctl_wmem_max);
	assert_int_equal(setsockopt_int(fd, SOL_SOCKET, SO_SNDBUF, 0), 0);
	assert_int_equal(getsockopt_int(fd, SOL_SOCKET, SO_SNDBUF, &val), 0);
	assert_int_equal(val, SOCK_MIN_SNDBUF);
	host_close_fd(fd);
}

static void test_sockopt_flags_linger_timeouts(void **state)
{
	int fd = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	struct linger l = { .l_onoff = 1, .l_linger = 7 }, lout;
	struct __kernel_old_timeval tv = { .tv_sec = 2, .tv_usec = 500000 }, tvout;
	int val = -1, len;

	assert_int_equal(getsockopt_int(fd, SOL_SOCKET, SO_REUSEADDR, &val), 0);
	assert_int_equal(val, 0);
	assert_int_equal(setsockopt_int(fd, SOL_SOCKET, SO_REUSEADDR, 5), 0);
	assert_int_equal(getsockopt_int(fd, SOL_SOCKET, SO_REUSEADDR, &val), 0);
	assert_int_equal(val, 1);
	assert_int_equal(setsockopt_int(fd, SOL_SOCKET, SO_KEEPALIVE, 1), 0);
	assert_int_equal(getsockopt_int(fd, SOL_SOCKET, SO_KEEPALIVE, &val), 0);
	assert_int_equal(val, 1);
	assert_int_equal(setsockopt_int(fd, SOL_SOCKET, SO_BROADCAST, 1), 0);
	assert_int_equal(getsockopt_int(fd, SOL_SOCKET, SO_BROADCAST, &val), 0);
	assert_int_equal(val, 1);
	assert_int_equal(getsockopt_int(fd, SOL_SOCKET, SO_ACCEPTCONN, &val), 0);
	assert_int_equal(val, 0);
	assert_int_equal(getsockopt_int(fd, SOL_SOCKET, SO_ERROR, &val), 0);
	assert_int_equal(val, 0);
	assert_int_equal(getsockopt_int(fd, SOL_SOCKET, SO_DOMAIN, &val), 0);
	assert_int_equal(val, AF_INET);

	assert_int_equal(__sys_setsockopt(fd, SOL_SOCKET, SO_LINGER, (char *)&l, sizeof(l)), 0);
	len = sizeof(lout);
	assert_int_equal(__sys_getsockopt(fd, SOL_SOCKET, SO_LINGER, (char *)&lout, &len), 0);
	assert_int_equal(len, sizeof(lout));
	assert_int_equal(lout.l_onoff, 1);
	assert_int_equal(lout.l_linger, 7);
	assert_int_equal(__sys_setsockopt(fd, SOL_SOCKET, SO_LINGER, (char *)&l, sizeof(int)), -EINVAL);

	assert_int_equal(__sys_setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, (char *)&tv, sizeof(tv)), 0);
	len = sizeof(tvout);
	assert_int_equal(__sys_getsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, (char *)&tvout, &len), 0);
	assert_int_equal(tvout.tv_sec, 2);
	assert_int_equal(tvout.tv_usec, 500000);
	assert_int_equal(fd_sk(fd)->sk_rcvtimeo, 2500 * HZ / 1000);
	tv.tv_usec = 1000000;
	assert_int_equal(__sys_setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, (char *)&tv, sizeof(tv)), -EDOM);
	assert_int_equal(__sys_setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, (char *)&tv, 4), -EINVAL);

	/* Short option, bad pointers, unknown options and levels. */
	assert_int_equal(__sys_setsockopt(fd, SOL_SOCKET, SO_RCVBUF, (char *)&val, 2), -EINVAL);
	assert_int_equal(__sys_setsockopt(fd, SOL_SOCKET, SO_RCVBUF, (char *)&val, -1), -EINVAL);
	assert_int_equal(__sys_setsockopt(fd, SOL_SOCKET, SO_RCVBUF, BAD_USER_PTR, 4), -EFAULT);
	len = sizeof(val);
	assert_int_equal(__sys_getsockopt(fd, SOL_SOCKET, SO_RCVBUF, BAD_USER_PTR, &len), -EFAULT);
	assert_int_equal(setsockopt_int(fd, SOL_SOCKET, 999, 1), -ENOPROTOOPT);
	assert_int_equal(setsockopt_int(fd, SOL_SOCKET, SO_TYPE, 1), -ENOPROTOOPT);
	assert_int_equal(setsockopt_int(fd, SOL_UDP, 1, 1), -ENOPROTOOPT);
	assert_int_equal(setsockopt_int(fd, 1234, 1, 1), -ENOPROTOOPT);
	host_close_fd(fd);
}

static void test_ip_level_options(void **state)
{
	int fd = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	int val = 0;

	assert_int_equal(getsockopt_int(fd, SOL_IP, IP_TTL, &val), 0);
	assert_int_equal(val, 64);
	assert_int_equal(setsockopt_int(fd, SOL_IP, IP_TTL, 7), 0);
	assert_int_equal(getsockopt_int(fd, SOL_IP, IP_TTL, &val), 0);
	assert_int_equal(val, 7);
	assert_int_equal(setsockopt_int(fd, SOL_IP, IP_TTL, 0), -EINVAL);
	assert_int_equal(setsockopt_int(fd, SOL_IP, IP_TTL, 256), -EINVAL);
	assert_int_equal(setsockopt_int(fd, SOL_IP, IP_TOS, 0x10), 0);
	assert_int_equal(getsockopt_int(fd, SOL_IP, IP_TOS, &val), 0);
	assert_int_equal(val, 0x10);
	/* IP_MTU needs a route: only a connected socket has one. */
	assert_int_equal(getsockopt_int(fd, SOL_IP, IP_MTU, &val), -ENOTCONN);
	host_close_fd(fd);
}

static void test_shutdown_errors(void **state)
{
	int fd = __sys_socket(AF_INET, SOCK_DGRAM, 0);

	assert_int_equal(__sys_shutdown(fd, 3), -EINVAL);
	assert_int_equal(__sys_shutdown(fd, -1), -EINVAL);
	/* Unconnected: ENOTCONN, but the shutdown still takes effect (Linux). */
	assert_int_equal(__sys_shutdown(fd, SHUT_RD), -ENOTCONN);
	assert_true(fd_sk(fd)->sk_shutdown & RCV_SHUTDOWN);
	host_close_fd(fd);
}

static void test_sockets_are_freed_on_close(void **state)
{
	int before = sock_inuse_get(&init_net), i, fds[8];

	for (i = 0; i < 8; i++)
		fds[i] = udp_socket_bound(0, 0);
	assert_int_equal(sock_inuse_get(&init_net), before + 8);
	assert_int_equal(sock_prot_inuse_get(&init_net, &udp_prot), 8);
	for (i = 0; i < 8; i++)
		host_close_fd(fds[i]);
	assert_int_equal(sock_inuse_get(&init_net), before);
	assert_int_equal(sock_prot_inuse_get(&init_net, &udp_prot), 0);
}

/* A full descriptor table: socket() fails with EMFILE and frees what it had built. */
static void test_socket_emfile_releases_socket(void **state)
{
	int fds[128], n = 0, fd, i, before = sock_inuse_get(&init_net);

	while ((fd = __sys_socket(AF_INET, SOCK_DGRAM, 0)) >= 0) {
		assert_true(n < 128);
		fds[n++] = fd;
	}
	assert_int_equal(fd, -EMFILE);
	assert_int_equal(sock_inuse_get(&init_net), before + n);
	for (i = 0; i < n; i++)
		host_close_fd(fds[i]);
	assert_int_equal(sock_inuse_get(&init_net), before);
}

static long sock_file_ioctl(int fd, unsigned int cmd, void *arg)
{
	struct file *f = fget(fd);
	long ret = f->f_op->unlocked_ioctl(f, cmd, (unsigned long)arg);

	fput(f);
	return ret;
}

/* ioctl on a socket: inet_ioctl (addresses), then dev_ioctl (flags, MTU), else ENOTTY. */
static void test_ioctl_inet_then_device(void **state)
{
	int fd = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, "lo");
	assert_int_equal(sock_file_ioctl(fd, SIOCGIFADDR, &ifr), 0);
	assert_int_equal(((struct sockaddr_in *)&ifr.ifr_addr)->sin_addr.s_addr, LOOPBACK_IP);
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, sock_test_dev->name);
	assert_int_equal(sock_file_ioctl(fd, SIOCGIFMTU, &ifr), 0);
	assert_int_equal(ifr.ifr_mtu, sock_test_dev->mtu);
	assert_int_equal(sock_file_ioctl(fd, SIOCGIFFLAGS, &ifr), 0);
	assert_true(ifr.ifr_flags & IFF_UP);
	strcpy(ifr.ifr_name, "nosuch0");
	assert_int_equal(sock_file_ioctl(fd, SIOCGIFMTU, &ifr), -ENODEV);
	assert_int_equal(sock_file_ioctl(fd, SIOCGIFMTU, BAD_USER_PTR), -EFAULT);
	strcpy(ifr.ifr_name, "lo");
	assert_int_equal(sock_file_ioctl(fd, 0x12345678, &ifr), -ENOTTY);
	host_close_fd(fd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_socket_bad_family_type_protocol, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_socket_returns_lowest_fd_and_flags, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_bad_descriptors, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_bind_argument_errors, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_bind_eaddrinuse_and_reuseaddr, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_bind_port_zero_takes_ephemeral_port, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_ephemeral_port_exhaustion, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_dgram_listen_accept_socketpair_unsupported, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_connect_getname_errors, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_sockopt_buffers_doubled_and_clamped, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_sockopt_flags_linger_timeouts, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_ip_level_options, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_shutdown_errors, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_sockets_are_freed_on_close, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_ioctl_inet_then_device, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_socket_emfile_releases_socket, sock_setup, sock_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
