/*
 * Host tests of poll() on sockets (sock_poll -> udp_poll/datagram_poll, tcp_poll): the readiness
 * masks, and that the wait queues poll registers on are woken -- by a datagram's arrival
 * (sock_def_readable), an incoming connection on a listener, an ICMP error (sock_def_error_report)
 * and shutdown -- which is what lets poll() in fs/ sleep over several descriptors at once.
 */
#include <linux/slab.h>
#include <linux/poll.h>
#include "sock_helpers.h"

/* A poll_table that records the queue it is given and counts wake-ups with their key mask. */
struct test_poller {
	poll_table pt;
	struct wait_queue_entry entry;
	wait_queue_head_t *head;
	int wakes;
	__poll_t keys;
};

static int test_poller_wake(struct wait_queue_entry *wq_entry, unsigned int mode, int sync, void *key)
{
	struct test_poller *p = container_of(wq_entry, struct test_poller, entry);

	p->wakes++;
	p->keys |= (__poll_t)(unsigned long)key;
	return 0;
}

static void test_poller_queue(struct file *filp, wait_queue_head_t *wait_address, poll_table *pt)
{
	struct test_poller *p = container_of(pt, struct test_poller, pt);

	p->head = wait_address;
	p->entry.flags = 0;
	p->entry.private = NULL;
	p->entry.func = test_poller_wake;
	INIT_LIST_HEAD(&p->entry.entry);
	add_wait_queue(wait_address, &p->entry);
}

/* poll() on fd once, registering p; returns the mask. */
static __poll_t poll_register(int fd, struct test_poller *p)
{
	struct file *f = fget(fd);
	__poll_t mask;

	memset(p, 0, sizeof(*p));
	p->pt._qproc = test_poller_queue;
	mask = f->f_op->poll(f, &p->pt);
	fput(f);
	return mask;
}

static void poll_unregister(struct test_poller *p)
{
	if (p->head)
		remove_wait_queue(p->head, &p->entry);
	p->head = NULL;
}

static __poll_t poll_mask(int fd)
{
	struct file *f = fget(fd);
	__poll_t mask = f->f_op->poll(f, NULL);

	fput(f);
	return mask;
}

static void test_poll_udp_readable_wakes_poller(void **state)
{
	int a = udp_socket_bound(LOOPBACK_IP, 9300), b = udp_socket_bound(LOOPBACK_IP, 9301);
	int cli = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in to = inaddr(LOOPBACK_IP, 9301);
	struct test_poller pa, pb;
	char buf[8];

	/* Two sockets polled together: neither readable, both writable. */
	assert_int_equal(poll_register(a, &pa) & (EPOLLIN | EPOLLOUT), EPOLLOUT);
	assert_int_equal(poll_register(b, &pb) & (EPOLLIN | EPOLLOUT), EPOLLOUT);
	assert_non_null(pa.head);
	/* A datagram for b wakes b's poller with EPOLLIN, not a's. */
	assert_int_equal(__sys_sendto(cli, "x", 1, 0, (struct sockaddr *)&to, sizeof(to)), 1);
	host_run_softirqs();
	assert_int_equal(pa.wakes, 0);
	assert_true(pb.wakes >= 1);
	assert_true(pb.keys & EPOLLIN);
	assert_true(poll_mask(b) & EPOLLIN);
	assert_false(poll_mask(a) & EPOLLIN);
	assert_int_equal(__sys_recvfrom(b, buf, sizeof(buf), 0, NULL, NULL), 1);
	assert_false(poll_mask(b) & EPOLLIN);
	poll_unregister(&pa);
	poll_unregister(&pb);
	host_close_fd(a);
	host_close_fd(b);
	host_close_fd(cli);
}

/* An ICMP error on a connected socket makes it readable (the error) and EPOLLERR. */
static void test_poll_udp_error_wakes_with_pollerr(void **state)
{
	int fd = __sys_socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in to = inaddr(LOOPBACK_IP, 9);
	struct test_poller p;

	assert_int_equal(__sys_connect(fd, (struct sockaddr *)&to, sizeof(to)), 0);
	poll_register(fd, &p);
	assert_int_equal(__sys_sendto(fd, "x", 1, 0, NULL, 0), 1);
	host_run_softirqs();
	assert_true(p.wakes >= 1);
	assert_true(p.keys & EPOLLERR);
	assert_true(poll_mask(fd) & EPOLLERR);
	poll_unregister(&p);
	host_close_fd(fd);
}

/* shutdown(SHUT_RD) makes a datagram socket readable (EOF) and wakes pollers. */
static void test_poll_shutdown_wakes(void **state)
{
	int fd = udp_socket_bound(LOOPBACK_IP, 9302);
	struct test_poller p;

	poll_register(fd, &p);
	__sys_shutdown(fd, SHUT_RDWR);
	assert_true(p.wakes >= 1);
	assert_true(poll_mask(fd) & (EPOLLIN | EPOLLRDHUP));
	assert_true(poll_mask(fd) & EPOLLHUP);
	poll_unregister(&p);
	host_close_fd(fd);
}

/* A listener becomes readable when a connection is ready to accept. */
static void test_poll_listener_readable_on_connection(void **state)
{
	struct sockaddr_in a = inaddr(LOOPBACK_IP, 9303);
	int lfd = __sys_socket(AF_INET, SOCK_STREAM, 0);
	int cfd = __sys_socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), afd;
	struct test_poller p;

	assert_int_equal(__sys_bind(lfd, (struct sockaddr *)&a, sizeof(a)), 0);
	assert_int_equal(__sys_listen(lfd, 4), 0);
	assert_int_equal(poll_register(lfd, &p) & EPOLLIN, 0);
	assert_int_equal(__sys_connect(cfd, (struct sockaddr *)&a, sizeof(a)), -EINPROGRESS);
	host_run_softirqs();
	assert_true(p.wakes >= 1);
	assert_true(poll_mask(lfd) & EPOLLIN);
	/* The connecting side is writable once established. */
	assert_true(poll_mask(cfd) & EPOLLOUT);
	afd = __sys_accept4(lfd, NULL, NULL, 0);
	assert_true(afd >= 0);
	assert_false(poll_mask(lfd) & EPOLLIN);
	poll_unregister(&p);
	host_close_fd(afd);
	host_close_fd(cfd);
	host_close_fd(lfd);
	host_advance_time(300 * 1000);	/* TIME_WAIT */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_poll_udp_readable_wakes_poller, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_poll_udp_error_wakes_with_pollerr, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_poll_shutdown_wakes, sock_setup, sock_teardown),
		cmocka_unit_test_setup_teardown(test_poll_listener_readable_on_connection, sock_setup, sock_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
