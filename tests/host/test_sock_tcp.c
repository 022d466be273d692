/*
 * Host tests of the socket layer's stream side (net/socket.c, af_inet.c, inet_connection_sock.c,
 * inet_hashtables.c) with TCP over the loopback device: listen/accept/connect through the __sys_*
 * system call bodies, EINPROGRESS/EALREADY/EISCONN, ECONNREFUSED, accept's EAGAIN/EINVAL and
 * timeouts, accept4 flags and peer address, the port rules for listeners (EADDRINUSE,
 * SO_REUSEADDR over TIME_WAIT), and data plus half-close through read/write.
 */
#include <linux/slab.h>
#include <net/tcp.h>
#include <uapi/asm/signal.h>
#include "sock_helpers.h"

static int tcp_listener(__be32 addr, u16 port, int backlog)
{
	struct sockaddr_in a = inaddr(addr, port);
	int fd = __sys_socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0)
		return fd;
	if (__sys_bind(fd, (struct sockaddr *)&a, sizeof(a)) || __sys_listen(fd, backlog)) {
		host_close_fd(fd);
		return -1;
	}
	return fd;
}

/* Each test ends after closing everything: TIME_WAIT (2 MSL) has to run out before the leak check. */
static int tcp_teardown(void **state)
{
	host_advance_time(300 * 1000);
	return sock_teardown(state);
}

static void test_tcp_connect_accept_exchange_close(void **state)
{
	int lfd = tcp_listener(LOOPBACK_IP, 7000, 5);
	int cfd = __sys_socket(AF_INET, SOCK_STREAM, 0), afd;
	struct sockaddr_in to = inaddr(LOOPBACK_IP, 7000), peer, me;
	int plen = sizeof(peer), mlen = sizeof(me), val = 0;
	char buf[64];

	assert_true(lfd >= 0);
	assert_int_equal(getsockopt_int(lfd, SOL_SOCKET, SO_ACCEPTCONN, &val), 0);
	assert_int_equal(val, 1);
	/* Blocking connect: returns once the handshake is done. */
	assert_int_equal(__sys_connect(cfd, (struct sockaddr *)&to, sizeof(to)), 0);
	assert_int_equal(fd_sk(cfd)->sk_state, TCP_ESTABLISHED);
	afd = __sys_accept4(lfd, (struct sockaddr *)&peer, &plen, 0);
	assert_true(afd >= 0);
	assert_int_equal(plen, sizeof(peer));
	assert_int_equal(peer.sin_addr.s_addr, LOOPBACK_IP);
	assert_int_equal(ntohs(peer.sin_port), local_port(cfd));
	assert_int_equal(__sys_getsockname(afd, (struct sockaddr *)&me, &mlen), 0);
	assert_int_equal(ntohs(me.sin_port), 7000);
	/* connect() again on a connected socket. */
	assert_int_equal(__sys_connect(cfd, (struct sockaddr *)&to, sizeof(to)), -EISCONN);

	assert_int_equal(__sys_sendto(cfd, "hello", 5, 0, NULL, 0), 5);
	host_run_softirqs();
	assert_int_equal(__sys_recvfrom(afd, buf, sizeof(buf), 0, NULL, NULL), 5);
	assert_memory_equal(buf, "hello", 5);
	assert_int_equal(__sys_sendto(afd, "hi", 2, 0, NULL, 0), 2);
	host_run_softirqs();
	assert_int_equal(__sys_recvfrom(cfd, buf, sizeof(buf), 0, NULL, NULL), 2);
	assert_memory_equal(buf, "hi", 2);

	/* Half-close: the server reads EOF, can still answer, then both close. */
	assert_int_equal(__sys_shutdown(cfd, SHUT_WR), 0);
	host_run_softirqs();
	assert_int_equal(__sys_recvfrom(afd, buf, sizeof(buf), 0, NULL, NULL), 0);
	assert_int_equal(__sys_sendto(afd, "bye", 3, 0, NULL, 0), 3);
	host_run_softirqs();
	assert_int_equal(__sys_recvfrom(cfd, buf, sizeof(buf), 0, NULL, NULL), 3);
	host_close_fd(afd);
	host_run_softirqs();
	assert_int_equal(__sys_recvfrom(cfd, buf, sizeof(buf), 0, NULL, NULL), 0);
	host_close_fd(cfd);
	host_close_fd(lfd);
}

static void test_tcp_nonblocking_connect_einprogress(void **state)
{
	int lfd = tcp_listener(LOOPBACK_IP, 7001, 5);
	int cfd = __sys_socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), afd;
	struct sockaddr_in to = inaddr(LOOPBACK_IP, 7001);
	int err = -1, ret;

	assert_int_equal(__sys_connect(cfd, (struct sockaddr *)&to, sizeof(to)), -EINPROGRESS);
	/* Still connecting, or just done: EALREADY, or 0 the first time it is seen connected. */
	ret = __sys_connect(cfd, (struct sockaddr *)&to, sizeof(to));
	assert_true(ret == -EALREADY || ret == 0);
	host_run_softirqs();
	assert_int_equal(fd_sk(cfd)->sk_state, TCP_ESTABLISHED);
	assert_int_equal(getsockopt_int(cfd, SOL_SOCKET, SO_ERROR, &err), 0);
	assert_int_equal(err, 0);
	if (ret == -EALREADY)
		assert_int_equal(__sys_connect(cfd, (struct sockaddr *)&to, sizeof(to)), 0);
	assert_int_equal(__sys_connect(cfd, (struct sockaddr *)&to, sizeof(to)), -EISCONN);
	afd = __sys_accept4(lfd, NULL, NULL, 0);
	assert_true(afd >= 0);
	host_close_fd(afd);
	host_close_fd(cfd);
	host_close_fd(lfd);
}

/* RFC 9293 3.10.7.3: a SYN to a port nobody listens on is answered by RST: ECONNREFUSED. */
static void test_tcp_connect_refused(void **state)
{
	int cfd = __sys_socket(AF_INET, SOCK_STREAM, 0);
	int nb = __sys_socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	struct sockaddr_in to = inaddr(LOOPBACK_IP, 7999);
	int err = 0;

	assert_int_equal(__sys_connect(cfd, (struct sockaddr *)&to, sizeof(to)), -ECONNREFUSED);
	assert_int_equal(fd_sk(cfd)->sk_state, TCP_CLOSE);
	/* The socket may try again (and fail again). */
	assert_int_equal(__sys_connect(cfd, (struct sockaddr *)&to, sizeof(to)), -ECONNREFUSED);
	/* Non-blocking: EINPROGRESS, and the refusal is collected with SO_ERROR. */
	assert_int_equal(__sys_connect(nb, (struct sockaddr *)&to, sizeof(to)), -EINPROGRESS);
	host_run_softirqs();
	assert_int_equal(getsockopt_int(nb, SOL_SOCKET, SO_ERROR, &err), 0);
	assert_int_equal(err, ECONNREFUSED);
	host_close_fd(cfd);
	host_close_fd(nb);
}

static void test_tcp_accept_errors_and_timeout(void **state)
{
	int fd = __sys_socket(AF_INET, SOCK_STREAM, 0);
	int nb = tcp_listener(LOOPBACK_IP, 7002, 5);
	struct file *f;
	unsigned long start;

	/* Not listening. */
	assert_int_equal(__sys_accept4(fd, NULL, NULL, 0), -EINVAL);
	/* Listening, nothing pending, non-blocking file. */
	f = fget(nb);
	f->f_flags |= O_NONBLOCK;
	fput(f);
	assert_int_equal(__sys_accept4(nb, NULL, NULL, 0), -EAGAIN);
	f = fget(nb);
	f->f_flags &= ~O_NONBLOCK;
	fput(f);
	/* SO_RCVTIMEO bounds a blocking accept. */
	assert_int_equal(set_rcvtimeo_ms(nb, 400), 0);
	start = jiffies;
	assert_int_equal(__sys_accept4(nb, NULL, NULL, 0), -EAGAIN);
	assert_true(jiffies - start >= msecs_to_jiffies(400));
	/* Bad flags, bad address buffer. */
	assert_int_equal(__sys_accept4(nb, NULL, NULL, O_RDWR | 0x40), -EINVAL);
	/* listen() on a connected or unconnectable state is EINVAL; on a listener it resizes. */
	assert_int_equal(__sys_listen(nb, 20), 0);
	assert_int_equal(fd_sk(nb)->sk_max_ack_backlog, 20);
	host_close_fd(fd);
	host_close_fd(nb);
}

/* A process blocked in accept() is woken by the handshake that completes while it sleeps. */
static int wake_port;
static int wake_cfd = -1;
static bool connect_while_blocked(void *arg)
{
	struct sockaddr_in to = inaddr(LOOPBACK_IP, wake_port);

	if (wake_cfd >= 0)
		return false;
	wake_cfd = __sys_socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	__sys_connect(wake_cfd, (struct sockaddr *)&to, sizeof(to));
	return true;
}

static void test_tcp_blocking_accept_woken_accept4_flags(void **state)
{
	int lfd = tcp_listener(LOOPBACK_IP, 7003, 5), afd;
	struct sockaddr_in peer;
	int plen = sizeof(peer);
	struct file *f;

	wake_port = 7003;
	wake_cfd = -1;
	host_set_idle_hook(connect_while_blocked, NULL);
	afd = __sys_accept4(lfd, (struct sockaddr *)&peer, &plen, SOCK_NONBLOCK | SOCK_CLOEXEC);
	host_set_idle_hook(NULL, NULL);
	assert_true(afd >= 0);
	assert_int_equal(ntohs(peer.sin_port), local_port(wake_cfd));
	/* accept4's flags are the new file's; the listener's O_NONBLOCK is not inherited. */
	f = fget(afd);
	assert_true(f->f_flags & O_NONBLOCK);
	fput(f);
	assert_int_equal(__sys_recvfrom(afd, peer.sin_zero, 1, 0, NULL, NULL), -EAGAIN);
	host_close_fd(afd);
	host_close_fd(wake_cfd);
	host_close_fd(lfd);
}

static void test_tcp_listen_port_rules(void **state)
{
	struct sockaddr_in any = inaddr(0, 7004), lo = inaddr(LOOPBACK_IP, 7004);
	int a = tcp_listener(0, 7004, 5);
	int b = __sys_socket(AF_INET, SOCK_STREAM, 0), c = __sys_socket(AF_INET, SOCK_STREAM, 0);
	int auto_fd = __sys_socket(AF_INET, SOCK_STREAM, 0);
	int port;

	assert_true(a >= 0);
	assert_int_equal(__sys_bind(b, (struct sockaddr *)&lo, sizeof(lo)), -EADDRINUSE);
	/* SO_REUSEADDR does not let a second socket share a listener's port. */
	setsockopt_int(b, SOL_SOCKET, SO_REUSEADDR, 1);
	assert_int_equal(__sys_bind(b, (struct sockaddr *)&any, sizeof(any)), -EADDRINUSE);
	host_close_fd(a);
	/* Two SO_REUSEADDR sockets may share a port while neither listens; only one may listen. */
	setsockopt_int(c, SOL_SOCKET, SO_REUSEADDR, 1);
	assert_int_equal(__sys_bind(b, (struct sockaddr *)&any, sizeof(any)), 0);
	assert_int_equal(__sys_bind(c, (struct sockaddr *)&any, sizeof(any)), 0);
	assert_int_equal(__sys_listen(b, 5), 0);
	assert_int_equal(__sys_listen(c, 5), -EADDRINUSE);
	host_close_fd(c);
	/* And nobody binds a port that has a listener, SO_REUSEADDR or not. */
	c = __sys_socket(AF_INET, SOCK_STREAM, 0);
	setsockopt_int(c, SOL_SOCKET, SO_REUSEADDR, 1);
	assert_int_equal(__sys_bind(c, (struct sockaddr *)&any, sizeof(any)), -EADDRINUSE);
	/* listen() without bind() takes an ephemeral port. */
	assert_int_equal(__sys_listen(auto_fd, 5), 0);
	port = local_port(auto_fd);
	assert_true(port >= 32768 && port <= 60999);
	host_close_fd(b);
	host_close_fd(c);
	host_close_fd(auto_fd);
}

/* After an active close the port's 4-tuple sits in TIME_WAIT; a server restarts with SO_REUSEADDR. */
static void test_tcp_reuseaddr_over_time_wait(void **state)
{
	struct sockaddr_in any = inaddr(0, 7005), to = inaddr(LOOPBACK_IP, 7005);
	int lfd = __sys_socket(AF_INET, SOCK_STREAM, 0), cfd, afd, again;

	setsockopt_int(lfd, SOL_SOCKET, SO_REUSEADDR, 1);
	assert_int_equal(__sys_bind(lfd, (struct sockaddr *)&any, sizeof(any)), 0);
	assert_int_equal(__sys_listen(lfd, 5), 0);
	cfd = __sys_socket(AF_INET, SOCK_STREAM, 0);
	assert_int_equal(__sys_connect(cfd, (struct sockaddr *)&to, sizeof(to)), 0);
	afd = __sys_accept4(lfd, NULL, NULL, 0);
	/* The server closes first: its side of the connection goes to TIME_WAIT on port 7005. */
	host_close_fd(afd);
	host_run_softirqs();
	host_close_fd(cfd);
	host_run_softirqs();
	host_close_fd(lfd);
	assert_true(atomic_read(&init_net.ipv4.tcp_death_row.tw_count) > 0);

	again = __sys_socket(AF_INET, SOCK_STREAM, 0);
	assert_int_equal(__sys_bind(again, (struct sockaddr *)&any, sizeof(any)), -EADDRINUSE);
	setsockopt_int(again, SOL_SOCKET, SO_REUSEADDR, 1);
	assert_int_equal(__sys_bind(again, (struct sockaddr *)&any, sizeof(any)), 0);
	assert_int_equal(__sys_listen(again, 5), 0);
	host_close_fd(again);
}

/* The accept queue is bounded by the listen backlog; connections beyond it wait (SYN dropped). */
static void test_tcp_accept_queue_bounded_by_backlog(void **state)
{
	int lfd = tcp_listener(LOOPBACK_IP, 7006, 1);
	struct sockaddr_in to = inaddr(LOOPBACK_IP, 7006);
	int c[4], i, accepted = 0, afd;

	for (i = 0; i < 4; i++) {
		c[i] = __sys_socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
		__sys_connect(c[i], (struct sockaddr *)&to, sizeof(to));
		host_run_softirqs();
	}
	/* backlog 1: Linux admits backlog + 1 children to the queue. */
	assert_true(fd_sk(lfd)->sk_ack_backlog <= 2);
	{
		struct file *f = fget(lfd);

		f->f_flags |= O_NONBLOCK;
		fput(f);
	}
	while ((afd = __sys_accept4(lfd, NULL, NULL, 0)) >= 0) {
		accepted++;
		host_close_fd(afd);
	}
	assert_int_equal(afd, -EAGAIN);
	assert_true(accepted >= 1 && accepted <= 2);
	/* The others retry their SYN and get in once there is room. */
	host_advance_time(10 * 1000);
	while ((afd = __sys_accept4(lfd, NULL, NULL, 0)) >= 0) {
		accepted++;
		host_close_fd(afd);
	}
	host_advance_time(10 * 1000);
	while ((afd = __sys_accept4(lfd, NULL, NULL, 0)) >= 0) {
		accepted++;
		host_close_fd(afd);
	}
	assert_int_equal(accepted, 4);
	for (i = 0; i < 4; i++)
		host_close_fd(c[i]);
	host_close_fd(lfd);
}

/*
 * A peer that never answers: connect() sleeps in inet_wait_for_connect until SO_SNDTIMEO runs out
 * (EINPROGRESS, the handshake goes on) or a signal arrives (ERESTARTSYS, which the syscall exit
 * turns into EINTR or a restart).
 */
static void test_tcp_connect_timeout_and_signal(void **state)
{
	struct sockaddr_in to = inaddr(PEER_IP, 7100);
	struct __kernel_old_timeval tv = { .tv_sec = 0, .tv_usec = 500000 };
	int a = __sys_socket(AF_INET, SOCK_STREAM, 0), b = __sys_socket(AF_INET, SOCK_STREAM, 0);
	unsigned long start;

	assert_int_equal(__sys_setsockopt(a, SOL_SOCKET, SO_SNDTIMEO, (char *)&tv, sizeof(tv)), 0);
	start = jiffies;
	assert_int_equal(__sys_connect(a, (struct sockaddr *)&to, sizeof(to)), -EINPROGRESS);
	assert_true(jiffies - start >= msecs_to_jiffies(500));
	assert_int_equal(fd_sk(a)->sk_state, TCP_SYN_SENT);
	/* Asking again while the SYN is still unanswered. */
	assert_int_equal(__sys_connect(a, (struct sockaddr *)&to, sizeof(to)), -EALREADY);

	host_set_signal_pending(true);
	assert_int_equal(__sys_connect(b, (struct sockaddr *)&to, sizeof(to)), -ERESTARTSYS);
	host_set_signal_pending(false);
	host_close_fd(a);
	host_close_fd(b);
	host_netdev_tx_purge(sock_test_dev);
}

/* Writing to a stream after shutdown(SHUT_WR): EPIPE and SIGPIPE, or no signal with MSG_NOSIGNAL. */
static void test_tcp_write_after_shutdown_epipe_sigpipe(void **state)
{
	int lfd = tcp_listener(LOOPBACK_IP, 7007, 5);
	int cfd = __sys_socket(AF_INET, SOCK_STREAM, 0), afd;
	struct sockaddr_in to = inaddr(LOOPBACK_IP, 7007);
	unsigned int pipes = host_signal_count(SIGPIPE);

	assert_int_equal(__sys_connect(cfd, (struct sockaddr *)&to, sizeof(to)), 0);
	afd = __sys_accept4(lfd, NULL, NULL, 0);
	assert_int_equal(__sys_shutdown(cfd, SHUT_WR), 0);
	assert_int_equal(__sys_sendto(cfd, "x", 1, MSG_NOSIGNAL, NULL, 0), -EPIPE);
	assert_int_equal(host_signal_count(SIGPIPE), pipes);
	assert_int_equal(__sys_sendto(cfd, "x", 1, 0, NULL, 0), -EPIPE);
	assert_int_equal(host_signal_count(SIGPIPE), pipes + 1);
	host_close_fd(afd);
	host_close_fd(cfd);
	host_close_fd(lfd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_tcp_connect_accept_exchange_close, sock_setup, tcp_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_nonblocking_connect_einprogress, sock_setup, tcp_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_connect_refused, sock_setup, tcp_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_accept_errors_and_timeout, sock_setup, tcp_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_blocking_accept_woken_accept4_flags, sock_setup, tcp_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_listen_port_rules, sock_setup, tcp_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_reuseaddr_over_time_wait, sock_setup, tcp_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_accept_queue_bounded_by_backlog, sock_setup, tcp_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_write_after_shutdown_epipe_sigpipe, sock_setup, tcp_teardown),
		cmocka_unit_test_setup_teardown(test_tcp_connect_timeout_and_signal, sock_setup, tcp_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
