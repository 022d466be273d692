/* usertests: clocks, uname, and the socket calls' argument checks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <time.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include "usertests.h"

static long long ns_of(const struct timespec *ts)
{
	return ts->tv_sec * 1000000000LL + ts->tv_nsec;
}

void test_time(void)
{
	struct timespec a, b, req = { 0, 50 * 1000 * 1000 };
	struct timeval tv;
	long long slept;

	EXPECT_OK(clock_gettime(CLOCK_MONOTONIC, &a));
	EXPECT_OK(nanosleep(&req, NULL));
	EXPECT_OK(clock_gettime(CLOCK_MONOTONIC, &b));
	slept = ns_of(&b) - ns_of(&a);
	CHECK(slept >= 50 * 1000 * 1000LL, "nanosleep(50 ms) returned after %lld ns", slept);
	CHECK(slept < 5 * 1000 * 1000 * 1000LL, "nanosleep(50 ms) took %lld ns", slept);
	CHECK(a.tv_nsec >= 0 && a.tv_nsec < 1000000000, "tv_nsec out of range: %ld", a.tv_nsec);

	EXPECT_OK(clock_gettime(CLOCK_REALTIME, &a));
	EXPECT_OK(gettimeofday(&tv, NULL));
	CHECK(tv.tv_usec >= 0 && tv.tv_usec < 1000000, "tv_usec out of range: %ld", tv.tv_usec);
	CHECK(tv.tv_sec - a.tv_sec <= 1 && tv.tv_sec >= a.tv_sec, "gettimeofday %ld vs CLOCK_REALTIME %ld",
	      tv.tv_sec, a.tv_sec);
	CHECK(time(NULL) >= a.tv_sec, "time() went backwards");
}

void test_uname(void)
{
	struct utsname u;

	memset(&u, 0x55, sizeof(u));
	EXPECT_OK(uname(&u));
	CHECK(memchr(u.sysname, 0, sizeof(u.sysname)) && u.sysname[0], "sysname empty or not terminated");
	CHECK(memchr(u.release, 0, sizeof(u.release)) && u.release[0], "release empty or not terminated");
	CHECK(memchr(u.nodename, 0, sizeof(u.nodename)), "nodename not terminated");
	CHECK(memchr(u.version, 0, sizeof(u.version)), "version not terminated");
	CHECK(!strcmp(u.machine, "x86_64"), "machine is '%.65s', expected x86_64", u.machine);
	printf("  %s %s %s\n", u.sysname, u.release, u.machine);
}

void test_sockets(void)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(9), .sin_addr = { htonl(INADDR_LOOPBACK) } };
	socklen_t len;
	int s, one = 1, v, fds[2], i;

	s = socket(AF_INET, SOCK_STREAM, 0);
	if (s < 0 && (errno == ENOSYS || errno == EAFNOSUPPORT))
		skip_test("no AF_INET sockets yet (%s)", strerror(errno));
	CHECK(s >= 0, "socket(AF_INET, SOCK_STREAM): %s", strerror(errno));
	EXPECT_ERR(socket(12345, SOCK_STREAM, 0), EAFNOSUPPORT);
	EXPECT_ERR(socket(AF_INET, 12345, 0), EINVAL);
	EXPECT_ERR(socket(AF_INET, SOCK_STREAM | 0x40000000, 0), EINVAL);
	EXPECT_ERR(socket(AF_INET, SOCK_STREAM, IPPROTO_UDP), EPROTONOSUPPORT);
	EXPECT_OK(pipe(fds));
	EXPECT_ERR(bind(-1, (struct sockaddr *)&sin, sizeof(sin)), EBADF);
	EXPECT_ERR(bind(fds[0], (struct sockaddr *)&sin, sizeof(sin)), ENOTSOCK);
	EXPECT_ERR(listen(fds[0], 5), ENOTSOCK);
	EXPECT_ERR(connect(fds[0], (struct sockaddr *)&sin, sizeof(sin)), ENOTSOCK);
	EXPECT_ERR(setsockopt(fds[0], SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)), ENOTSOCK);
	for (i = 0; i < NR_BAD_PTRS; i++) {
		EXPECT_ERR(connect(s, bad_ptr(i), sizeof(sin)), EFAULT);
		EXPECT_ERR(bind(s, bad_ptr(i), sizeof(sin)), EFAULT);
		EXPECT_ERR(setsockopt(s, SOL_SOCKET, SO_REUSEADDR, bad_ptr(i), sizeof(int)), EFAULT);
		len = sizeof(v);
		EXPECT_ERR(getsockopt(s, SOL_SOCKET, SO_TYPE, bad_ptr(i), &len), EFAULT);
		EXPECT_ERR(getsockopt(s, SOL_SOCKET, SO_TYPE, &v, bad_ptr(i)), EFAULT);
		if (i) {
			len = sizeof(sin);
			EXPECT_ERR(getsockname(s, bad_ptr(i), &len), EFAULT);
		}
	}
	EXPECT_ERR(connect(s, (struct sockaddr *)&sin, 1), EINVAL);
	EXPECT_ERR(bind(s, (struct sockaddr *)&sin, 1), EINVAL);
	EXPECT_ERR(setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, 1), EINVAL);
	EXPECT_ERR(setsockopt(s, 12345, 1, &one, sizeof(one)), ENOPROTOOPT);
	EXPECT_ERR(setsockopt(s, SOL_SOCKET, 12345, &one, sizeof(one)), ENOPROTOOPT);
	EXPECT_ERR(accept4(s, NULL, NULL, 0x1234), EINVAL);
	EXPECT_ERR(accept(s, NULL, NULL), EINVAL);		/* not listening */
	EXPECT_ERR(shutdown(s, 12345), EINVAL);
	EXPECT_ERR(shutdown(s, SHUT_RDWR), ENOTCONN);
	EXPECT_ERR(send(s, "x", 1, 0), EPIPE);			/* not connected stream socket */
	len = sizeof(v);
	CHECK(getsockopt(s, SOL_SOCKET, SO_TYPE, &v, &len) == 0 && v == SOCK_STREAM && len == sizeof(v),
	      "SO_TYPE: %d len %u", v, len);
	len = sizeof(v);
	CHECK(getsockopt(s, IPPROTO_TCP, TCP_NODELAY, &v, &len) == 0 && v == 0, "TCP_NODELAY default %d", v);
	close(fds[0]);
	close(fds[1]);
	close(s);
}
