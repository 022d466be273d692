/* usertests: clocks, uname, /proc formats, the socket calls' argument checks, and TCP/UDP over loopback. */
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
#include <sys/wait.h>
#include <dirent.h>
#include <fcntl.h>
#include "procfile.h"
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
	/* Datagram calls with bad buffers, messages and address pointers. */
	{
		struct sockaddr_in self = { .sin_family = AF_INET, .sin_addr = { htonl(INADDR_LOOPBACK) } };
		struct iovec iov = { "x", 1 };
		struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
		socklen_t slen = sizeof(self);
		static char big[70000];		/* more than an IPv4 datagram can carry */
		char buf[8];
		int u = socket(AF_INET, SOCK_DGRAM, 0);

		CHECK(u >= 0 && bind(u, (struct sockaddr *)&self, sizeof(self)) == 0 &&
		      getsockname(u, (struct sockaddr *)&self, &slen) == 0, "UDP socket: %s", strerror(errno));
		msg.msg_name = &self;
		msg.msg_namelen = sizeof(self);
		for (i = 0; i < NR_BAD_PTRS; i++) {
			EXPECT_ERR(sendmsg(u, bad_ptr(i), 0), EFAULT);
			EXPECT_ERR(recvmsg(u, bad_ptr(i), MSG_DONTWAIT), EFAULT);
			EXPECT_ERR(sendto(u, bad_ptr(i), 4, 0, (struct sockaddr *)&self, sizeof(self)), EFAULT);
			if (i) {
				EXPECT_ERR(sendto(u, "data", 4, 0, bad_ptr(i), sizeof(self)), EFAULT);
				msg.msg_iov = bad_ptr(i);
				EXPECT_ERR(sendmsg(u, &msg, 0), EFAULT);
				msg.msg_iov = &iov;
				/* A datagram waits; receiving it into a bad buffer faults. */
				CHECK(sendto(u, "data", 4, 0, (struct sockaddr *)&self, sizeof(self)) == 4, "sendto self");
				EXPECT_ERR(recv(u, bad_ptr(i), sizeof(buf), 0), EFAULT);
			}
		}
		EXPECT_ERR(sendto(u, "data", 4, 0, (struct sockaddr *)&self, 3), EINVAL);
		EXPECT_ERR(sendto(u, big, sizeof(big), 0, (struct sockaddr *)&self, sizeof(self)), EMSGSIZE);
		close(u);
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

/*
 * TCP and UDP over 127.0.0.1 between two processes: the data arrives, in order, intact. The
 * client ends with an abortive close (SO_LINGER 0: RST), so no TIME_WAIT socket outlives the test
 * and the memory counters return to their baseline right away.
 */
void test_netloop(void)
{
	enum { TOTAL = 64 << 10 };
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_addr = { htonl(INADDR_LOOPBACK) } };
	static unsigned char buf[8192];
	socklen_t len = sizeof(addr);
	struct linger lg;
	size_t got = 0, i;
	int ls, c, s, u, st, bad = 0;
	ssize_t n;
	pid_t pid;

	ls = socket(AF_INET, SOCK_STREAM, 0);
	if (ls < 0 && (errno == ENOSYS || errno == EAFNOSUPPORT))
		skip_test("no AF_INET sockets yet (%s)", strerror(errno));
	CHECK(ls >= 0, "socket: %s", strerror(errno));
	EXPECT_OK(bind(ls, (struct sockaddr *)&addr, sizeof(addr)));
	EXPECT_OK(listen(ls, 4));
	EXPECT_OK(getsockname(ls, (struct sockaddr *)&addr, &len));
	CHECK(addr.sin_port != 0, "bind to port 0 did not pick a port");

	pid = fork();
	if (pid == 0) {
		/* Client: send TOTAL bytes, then read the echo back. */
		close(ls);
		c = socket(AF_INET, SOCK_STREAM, 0);
		if (c < 0 || connect(c, (struct sockaddr *)&addr, sizeof(addr)) < 0)
			_exit(1);
		for (i = 0; i < TOTAL; i += sizeof(buf)) {
			size_t k;

			for (k = 0; k < sizeof(buf); k++)
				buf[k] = (unsigned char)((i + k) * 13);
			if (send(c, buf, sizeof(buf), 0) != (ssize_t)sizeof(buf))
				_exit(2);
		}
		while (got < TOTAL && (n = recv(c, buf, sizeof(buf), 0)) > 0)
			got += (size_t)n;
		if (got != TOTAL)
			_exit(3);
		lg.l_onoff = 1;
		lg.l_linger = 0;
		if (setsockopt(c, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg)) < 0)
			_exit(4);
		close(c);
		_exit(0);
	}
	s = accept(ls, NULL, NULL);
	CHECK(s >= 0, "accept: %s", strerror(errno));
	/* Server: echo TOTAL bytes, checking them on the way. */
	while (s >= 0 && got < TOTAL && (n = recv(s, buf, sizeof(buf), 0)) > 0) {
		for (i = 0; i < (size_t)n; i++)
			bad |= buf[i] != (unsigned char)((got + i) * 13);
		got += (size_t)n;
		if (send(s, buf, (size_t)n, 0) != n) {
			fail_at(__LINE__, "echo send: %s", strerror(errno));
			break;
		}
	}
	CHECK(got == TOTAL && !bad, "server received %zu bytes (expected %d), corrupt=%d", got, TOTAL, bad);
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "client status %d (1: connect, 2: send, 3: short echo, 4: SO_LINGER)", WEXITSTATUS(st));
	/* The client's RST has arrived: the connection is gone. */
	EXPECT_ERR2(recv(s, buf, sizeof(buf), 0), ECONNRESET, ECONNRESET);
	close(s);
	close(ls);
	/* Nobody listens there now. */
	c = socket(AF_INET, SOCK_STREAM, 0);
	EXPECT_ERR(connect(c, (struct sockaddr *)&addr, sizeof(addr)), ECONNREFUSED);
	close(c);

	/* UDP: a datagram to ourselves, with the sender's address. */
	u = socket(AF_INET, SOCK_DGRAM, 0);
	CHECK(u >= 0, "socket(SOCK_DGRAM): %s", strerror(errno));
	addr.sin_port = 0;
	len = sizeof(addr);
	EXPECT_OK(bind(u, (struct sockaddr *)&addr, sizeof(addr)));
	EXPECT_OK(getsockname(u, (struct sockaddr *)&addr, &len));
	CHECK(sendto(u, "ping", 4, 0, (struct sockaddr *)&addr, sizeof(addr)) == 4, "sendto: %s", strerror(errno));
	len = sizeof(addr);
	memset(buf, 0, 8);
	CHECK(recvfrom(u, buf, sizeof(buf), 0, (struct sockaddr *)&addr, &len) == 4 && !memcmp(buf, "ping", 4) &&
	      addr.sin_addr.s_addr == htonl(INADDR_LOOPBACK), "recvfrom: %s", strerror(errno));
	close(u);
}

/* /proc as ps, uptime and meminfo read it: Linux's formats, and our own entry in the list. */
void test_procfs(void)
{
	char buf[1024], comm[64], state;
	int pid = -1, ppid = -1, found = 0;
	double up1, up2;
	struct dirent *de;
	DIR *dir;

	snprintf(comm, sizeof(comm), "/proc/%d/stat", (int)getpid());
	CHECK(read_text_file(comm, buf, sizeof(buf)) > 0, "%s: %s", comm, strerror(errno));
	CHECK(sscanf(buf, "%d (%63[^)]) %c %d", &pid, comm, &state, &ppid) == 4, "/proc/self/stat format: %.80s", buf);
	CHECK(pid == getpid() && ppid == getppid(), "stat says pid %d ppid %d, we are %d with parent %d", pid, ppid,
	      (int)getpid(), (int)getppid());
	CHECK(state == 'R', "our own state is '%c', expected R (running)", state);
	CHECK(!strcmp(comm, "usertests"), "comm is '%s'", comm);

	dir = opendir("/proc");
	CHECK(dir != NULL, "opendir /proc: %s", strerror(errno));
	while (dir && (de = readdir(dir)))
		found |= atoi(de->d_name) == getpid();
	if (dir)
		closedir(dir);
	CHECK(found, "our pid is not listed in /proc");

	CHECK(read_text_file("/proc/meminfo", buf, sizeof(buf)) > 0 && !strncmp(buf, "MemTotal:", 9),
	      "/proc/meminfo does not start with MemTotal:");
	CHECK(read_text_file("/proc/uptime", buf, sizeof(buf)) > 0 && sscanf(buf, "%lf", &up1) == 1,
	      "/proc/uptime: %.40s", buf);
	usleep(20000);
	read_text_file("/proc/uptime", buf, sizeof(buf));
	CHECK(sscanf(buf, "%lf", &up2) == 1 && up2 > up1, "/proc/uptime did not advance (%.2f -> %.2f)", up1, up2);
	EXPECT_ERR(open("/proc/no-such-file", O_RDONLY), ENOENT);
}
