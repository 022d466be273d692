/*
 * Helpers for the socket-layer host tests (tests/host/test_sock_*.c, test_udp_*.c, test_ping_*.c):
 * the system calls are driven through their __sys_* bodies, exactly as SYSCALL_DEFINE calls them,
 * with the test's own memory as "user" memory (tests/host/shim/uaccess.c) and the shim's descriptor
 * table. Addresses are built with inaddr(); descriptors are closed with host_close_fd.
 */
#ifndef _SOCK_HELPERS_H
#define _SOCK_HELPERS_H

#include <linux/string.h>
#include <linux/socket.h>
#include <linux/net.h>
#include <linux/fs.h>
#include <net/sock.h>
#include <net/inet_sock.h>
#include <net/udp.h>
#include <net/snmp.h>
#include <uapi/linux/in.h>
#include <uapi/linux/time_types.h>
#include "host_inet.h"
#include "host_test.h"

#define LOOPBACK_IP	htonl(0x7f000001)	/* 127.0.0.1 */
#define BAD_USER_PTR	((void *)0xdead000000000000UL)	/* the uaccess shim fails this one */

static inline struct sockaddr_in inaddr(__be32 addr, u16 port)
{
	struct sockaddr_in a;

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = addr;
	a.sin_port = htons(port);
	return a;
}

/* The struct sock behind a descriptor (the test holds no extra file reference afterwards). */
static inline struct sock *fd_sk(int fd)
{
	struct file *file = fget(fd);
	struct sock *sk;

	if (!file)
		return NULL;
	sk = ((struct socket *)file->private_data)->sk;
	fput(file);
	return sk;
}

static inline int udp_socket_bound(__be32 addr, u16 port)
{
	struct sockaddr_in a = inaddr(addr, port);
	int fd = __sys_socket(AF_INET, SOCK_DGRAM, 0);

	if (fd < 0)
		return fd;
	if (__sys_bind(fd, (struct sockaddr *)&a, sizeof(a))) {
		host_close_fd(fd);
		return -1;
	}
	return fd;
}

/* The local port (host order) the socket got. */
static inline int local_port(int fd)
{
	struct sockaddr_in a;
	int len = sizeof(a);

	if (__sys_getsockname(fd, (struct sockaddr *)&a, &len))
		return -1;
	return ntohs(a.sin_port);
}

static inline int set_rcvtimeo_ms(int fd, long ms)
{
	struct __kernel_old_timeval tv = { .tv_sec = ms / 1000, .tv_usec = (ms % 1000) * 1000 };

	return __sys_setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, (char *)&tv, sizeof(tv));
}

static inline int getsockopt_int(int fd, int level, int name, int *val)
{
	int len = sizeof(*val);

	return __sys_getsockopt(fd, level, name, (char *)val, &len);
}

static inline int setsockopt_int(int fd, int level, int name, int val)
{
	return __sys_setsockopt(fd, level, name, (char *)&val, sizeof(val));
}

/* Test setup shared by the socket suites: the stack up (inet_init), a NIC at HOST_IP. */
static struct net_device *sock_test_dev;

static __maybe_unused int sock_setup(void **state)
{
	host_inet_init();
	host_leak_mark();
	sock_test_dev = host_inet_nic();
	if (!sock_test_dev)
		return -1;
	host_learn_neigh(sock_test_dev, PEER_IP, peer_mac);
	host_netdev_tx_purge(sock_test_dev);
	return 0;
}

/* Every test ends with every descriptor closed: nothing may be left (sockets, skbs, memory). */
static __maybe_unused int sock_teardown(void **state)
{
	host_run_softirqs();
	host_netdev_tx_purge(sock_test_dev);
	host_inet_nic_destroy(sock_test_dev);
	host_advance_time(100 * 1000);	/* neighbour entries (lo too) expire: gc_staletime 60 s */
	host_assert_no_leaks();
	return 0;
}

#endif
