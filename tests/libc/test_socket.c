/*
 * The socket wrappers against the host's real TCP/IP stack over loopback: TCP connect/accept/
 * send/recv/shutdown, UDP sendto/recvfrom, socket options, non-blocking connect and accept4 flags,
 * poll and select on sockets, sendmsg/recvmsg with two iovecs. If these pass on Linux, our libc
 * and uapi structures are right, and the same calls are what the kernel's tests exercise.
 */
#include <sys/socket.h>
#include <sys/select.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <poll.h>
#include <fcntl.h>
#include <unistd.h>
#include <errno.h>
#include "tap.h"

static int listener(struct sockaddr_in *addr)
{
	socklen_t len = sizeof(*addr);
	int one = 1, s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

	memset(addr, 0, sizeof(*addr));
	addr->sin_family = AF_INET;
	addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(s, (struct sockaddr *)addr, sizeof(*addr)) < 0 || listen(s, 8) < 0 ||
	    getsockname(s, (struct sockaddr *)addr, &len) < 0)
		return -1;
	return s;
}

int main(void)
{
	struct sockaddr_in addr, peer, from;
	struct timeval tv = { 0, 500000 };
	struct msghdr msg = { 0 };
	struct iovec iov[2];
	struct pollfd pfd;
	struct linger lg;
	socklen_t len;
	char buf[64], a[4], b[8];
	int ls, c, s, u1, u2, v, flags;
	fd_set rd;

	ls = listener(&addr);
	if (!ok(ls >= 0 && addr.sin_port != 0, "socket/bind/listen on 127.0.0.1, ephemeral port %u", ntohs(addr.sin_port)))
		return done_testing();

	c = socket(AF_INET, SOCK_STREAM, 0);
	ok(connect(c, (struct sockaddr *)&addr, sizeof(addr)) == 0, "connect");
	len = sizeof(peer);
	s = accept4(ls, (struct sockaddr *)&peer, &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
	ok(s >= 0 && len == sizeof(peer) && peer.sin_family == AF_INET && peer.sin_addr.s_addr == htonl(INADDR_LOOPBACK),
	   "accept4 returns the peer address");
	flags = fcntl(s, F_GETFL);
	ok(flags >= 0 && (flags & O_NONBLOCK) && (fcntl(s, F_GETFD) & FD_CLOEXEC), "accept4 flags: O_NONBLOCK, FD_CLOEXEC");
	errno = 0;
	ok(recv(s, buf, sizeof(buf), 0) == -1 && errno == EAGAIN, "recv on an empty non-blocking socket: EAGAIN");

	ok(send(c, "hello", 5, 0) == 5, "send");
	pfd.fd = s;
	pfd.events = POLLIN;
	ok(poll(&pfd, 1, 2000) == 1 && (pfd.revents & POLLIN), "poll sees the data");
	ok(recv(s, buf, sizeof(buf), 0) == 5 && !memcmp(buf, "hello", 5), "recv");
	ok(write(s, "hi", 2) == 2 && read(c, buf, sizeof(buf)) == 2 && !memcmp(buf, "hi", 2), "write/read on sockets");

	len = sizeof(peer);
	ok(getpeername(c, (struct sockaddr *)&peer, &len) == 0 && peer.sin_port == addr.sin_port, "getpeername");

	v = 1;
	ok(setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &v, sizeof(v)) == 0, "setsockopt TCP_NODELAY");
	len = sizeof(v);
	v = 0;
	ok(getsockopt(c, IPPROTO_TCP, TCP_NODELAY, &v, &len) == 0 && v == 1, "getsockopt TCP_NODELAY");
	len = sizeof(v);
	ok(getsockopt(c, IPPROTO_TCP, TCP_MAXSEG, &v, &len) == 0 && v > 0, "getsockopt TCP_MAXSEG = %d", v);
	ok(setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) == 0, "SO_RCVTIMEO with struct timeval");
	errno = 0;
	ok(recv(c, buf, sizeof(buf), 0) == -1 && errno == EAGAIN, "recv times out after SO_RCVTIMEO: EAGAIN");
	lg.l_onoff = 1;
	lg.l_linger = 5;
	ok(setsockopt(c, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg)) == 0, "SO_LINGER with struct linger");
	len = sizeof(lg);
	memset(&lg, 0, sizeof(lg));
	ok(getsockopt(c, SOL_SOCKET, SO_LINGER, &lg, &len) == 0 && lg.l_onoff && lg.l_linger == 5, "SO_LINGER read back");
	len = sizeof(v);
	ok(getsockopt(c, SOL_SOCKET, SO_ERROR, &v, &len) == 0 && v == 0, "SO_ERROR is 0");

	/* sendmsg with two pieces, recvmsg into two buffers. */
	iov[0].iov_base = "abcd";
	iov[0].iov_len = 4;
	iov[1].iov_base = "efgh";
	iov[1].iov_len = 4;
	msg.msg_iov = iov;
	msg.msg_iovlen = 2;
	ok(sendmsg(c, &msg, 0) == 8, "sendmsg with two iovecs");
	usleep(50000);
	iov[0].iov_base = a;
	iov[0].iov_len = sizeof(a);
	iov[1].iov_base = b;
	iov[1].iov_len = sizeof(b);
	ok(recvmsg(s, &msg, 0) == 8 && !memcmp(a, "abcd", 4) && !memcmp(b, "efgh", 4), "recvmsg scatters");

	ok(shutdown(c, SHUT_WR) == 0, "shutdown(SHUT_WR)");
	pfd.fd = s;
	pfd.events = POLLIN;
	ok(poll(&pfd, 1, 2000) == 1 && recv(s, buf, sizeof(buf), 0) == 0, "the peer reads EOF after shutdown");
	close(s);
	close(c);

	/* Non-blocking connect: EINPROGRESS, then writable, SO_ERROR 0. */
	c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	errno = 0;
	v = connect(c, (struct sockaddr *)&addr, sizeof(addr));
	ok(v == 0 || errno == EINPROGRESS, "non-blocking connect: 0 or EINPROGRESS");
	FD_ZERO(&rd);
	FD_SET(c, &rd);
	tv.tv_sec = 2;
	tv.tv_usec = 0;
	ok(select(c + 1, NULL, &rd, NULL, &tv) == 1 && FD_ISSET(c, &rd), "select: connected socket is writable");
	s = accept(ls, NULL, NULL);
	ok(s >= 0, "accept without an address");
	close(s);
	close(c);

	/* Connection refused on a closed port. */
	close(ls);
	c = socket(AF_INET, SOCK_STREAM, 0);
	errno = 0;
	ok(connect(c, (struct sockaddr *)&addr, sizeof(addr)) == -1 && errno == ECONNREFUSED, "closed port: ECONNREFUSED");
	close(c);

	/* UDP. */
	u1 = socket(AF_INET, SOCK_DGRAM, 0);
	u2 = socket(AF_INET, SOCK_DGRAM, 0);
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	len = sizeof(addr);
	ok(bind(u1, (struct sockaddr *)&addr, sizeof(addr)) == 0 && getsockname(u1, (struct sockaddr *)&addr, &len) == 0,
	   "UDP bind to an ephemeral port");
	ok(sendto(u2, "datagram", 8, 0, (struct sockaddr *)&addr, sizeof(addr)) == 8, "sendto");
	len = sizeof(from);
	ok(recvfrom(u1, buf, sizeof(buf), 0, (struct sockaddr *)&from, &len) == 8 && !memcmp(buf, "datagram", 8) &&
	   from.sin_addr.s_addr == htonl(INADDR_LOOPBACK), "recvfrom gets the datagram and the sender");
	ok(sendto(u1, "back", 4, 0, (struct sockaddr *)&from, len) == 4 && recv(u2, buf, sizeof(buf), 0) == 4,
	   "reply to the sender's address");
	len = sizeof(v);
	ok(getsockopt(u1, SOL_SOCKET, SO_TYPE, &v, &len) == 0 && v == SOCK_DGRAM, "SO_TYPE is SOCK_DGRAM");
	close(u1);
	close(u2);
	return done_testing();
}
