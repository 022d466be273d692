/*
 * nc: netcat, OpenBSD-like. Copies standard input to a TCP or UDP socket and the socket to
 * standard output, with poll() over both.
 *
 *   nc [-u] [-v] [-q SECS] [-w SECS] HOST PORT     connect (TCP) or send to (UDP) HOST:PORT
 *   nc -l [-u] [-v] [-q SECS] [-p] PORT           accept one connection (TCP) / take the first
 *                                                 sender as the peer (UDP), then relay
 *   nc -z [-v] [-w SECS] HOST PORT[-PORT]         port scan: connect and close, report open ports
 *
 * End of input: for TCP the write side is shut down (the peer reads EOF) and nc keeps printing
 * what arrives until the peer closes; -q SECS quits SECS seconds after EOF on stdin (-q 0 at
 * once). -w SECS bounds connect() (SO_SNDTIMEO) and how long the connection may stay idle.
 * -v reports connections on stderr in OpenBSD nc's words.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include "netprog.h"

static int verbose, udp;
static double quit_after = -1;	/* -q: seconds after stdin EOF, <0: never */
static double idle_timeout = -1;	/* -w */

static void usage(void)
{
	fprintf(stderr, "usage: nc [-u] [-v] [-q SECS] [-w SECS] HOST PORT\n"
			"       nc -l [-u] [-v] [-q SECS] [-p] PORT\n"
			"       nc -z [-v] [-w SECS] HOST PORT[-PORT]\n");
	exit(1);
}

static const char *proto_name(void)
{
	return udp ? "udp" : "tcp";
}

/* Writes all of buf; -1 on error. */
static int write_all(int fd, const char *buf, size_t len)
{
	while (len) {
		ssize_t n = write(fd, buf, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += n;
		len -= n;
	}
	return 0;
}

/* The relay: stdin -> sock, sock -> stdout, until the peer is done (or -q/-w says so). */
static int readwrite(int sock)
{
	char buf[4096];
	struct pollfd pfd[2];
	int stdin_open = 1;
	double eof_at = 0, last_activity = netprog_now();

	pfd[0].fd = STDIN_FILENO;
	pfd[1].fd = sock;
	for (;;) {
		double now = netprog_now();
		int timeout_ms = -1, r;

		if (!stdin_open && quit_after >= 0) {
			double left = eof_at + quit_after - now;

			if (left <= 0)
				return 0;
			timeout_ms = (int)(left * 1000) + 1;
		}
		if (idle_timeout >= 0) {
			double left = last_activity + idle_timeout - now;
			int ms;

			if (left <= 0)
				return 0;
			ms = (int)(left * 1000) + 1;
			if (timeout_ms < 0 || ms < timeout_ms)
				timeout_ms = ms;
		}
		pfd[0].events = stdin_open ? POLLIN : 0;
		pfd[1].events = POLLIN;
		pfd[0].revents = pfd[1].revents = 0;
		r = poll(pfd, 2, timeout_ms);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			perror("nc: poll");
			return 1;
		}
		if (r == 0)
			continue;	/* a timeout: the checks at the top decide */
		last_activity = netprog_now();

		if (pfd[1].revents & (POLLIN | POLLHUP | POLLERR)) {
			ssize_t n = read(sock, buf, sizeof(buf));

			if (n < 0) {
				if (errno == EINTR || errno == EAGAIN)
					continue;
				if (udp && errno == ECONNREFUSED) {
					if (verbose)
						fprintf(stderr, "nc: %s\n", strerror(errno));
					continue;	/* a datagram went nowhere: keep going, as nc does */
				}
				fprintf(stderr, "nc: read: %s\n", strerror(errno));
				return 1;
			}
			if (n == 0 && !udp)
				return 0;	/* the peer closed */
			if (write_all(STDOUT_FILENO, buf, n) < 0)
				return 1;
		}
		if (stdin_open && (pfd[0].revents & (POLLIN | POLLHUP | POLLERR))) {
			ssize_t n = read(STDIN_FILENO, buf, sizeof(buf));

			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0) {
				stdin_open = 0;
				eof_at = netprog_now();
				if (!udp)
					shutdown(sock, SHUT_WR);
				if (quit_after == 0)
					return 0;
				continue;
			}
			if (udp ? send(sock, buf, n, 0) < 0 : write_all(sock, buf, n) < 0) {
				fprintf(stderr, "nc: write: %s\n", strerror(errno));
				return 1;
			}
		}
	}
}

static int set_timeout(int fd, int opt, double secs)
{
	struct timeval tv;

	tv.tv_sec = (long)secs;
	tv.tv_usec = (long)((secs - (long)secs) * 1e6);
	return setsockopt(fd, SOL_SOCKET, opt, &tv, sizeof(tv));
}

static int connect_to(const struct sockaddr_in *sa, const char *host, unsigned int port, int report)
{
	int fd = socket(AF_INET, udp ? SOCK_DGRAM : SOCK_STREAM, 0);

	if (fd < 0) {
		perror("nc: socket");
		return -1;
	}
	if (idle_timeout > 0)
		set_timeout(fd, SO_SNDTIMEO, idle_timeout);
	if (connect(fd, (const struct sockaddr *)sa, sizeof(*sa)) < 0) {
		if (report)
			fprintf(stderr, "nc: connect to %s port %u (%s) failed: %s\n", host, port,
				proto_name(), strerror(errno == EINPROGRESS ? ETIMEDOUT : errno));
		close(fd);
		return -1;
	}
	set_timeout(fd, SO_SNDTIMEO, 0);
	if (verbose)
		fprintf(stderr, "Connection to %s %u port [%s/*] succeeded!\n", host, port, proto_name());
	return fd;
}

static int do_listen(const char *port)
{
	struct sockaddr_in sa, peer;
	socklen_t plen = sizeof(peer);
	int fd, conn, one = 1, ret;

	if (netprog_sockaddr("nc", "0.0.0.0", port, &sa))
		return 1;
	fd = socket(AF_INET, udp ? SOCK_DGRAM : SOCK_STREAM, 0);
	if (fd < 0) {
		perror("nc: socket");
		return 1;
	}
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		perror("nc: bind");
		return 1;
	}
	if (verbose)
		fprintf(stderr, "Listening on 0.0.0.0 %s\n", port);
	if (udp) {
		/* The first datagram names the peer; everything after goes to and comes from it. */
		char buf[65536];
		ssize_t n = recvfrom(fd, buf, sizeof(buf), MSG_PEEK, (struct sockaddr *)&peer, &plen);

		if (n < 0 || connect(fd, (struct sockaddr *)&peer, plen) < 0) {
			perror("nc: recvfrom");
			return 1;
		}
		if (verbose)
			fprintf(stderr, "Connection received on %s %u\n", inet_ntoa(peer.sin_addr),
				ntohs(peer.sin_port));
		ret = readwrite(fd);
		close(fd);
		return ret;
	}
	if (listen(fd, 1) < 0) {
		perror("nc: listen");
		return 1;
	}
	conn = accept(fd, (struct sockaddr *)&peer, &plen);
	if (conn < 0) {
		perror("nc: accept");
		return 1;
	}
	close(fd);
	if (verbose)
		fprintf(stderr, "Connection received on %s %u\n", inet_ntoa(peer.sin_addr),
			ntohs(peer.sin_port));
	ret = readwrite(conn);
	close(conn);
	return ret;
}

static int do_scan(const char *host, const char *ports)
{
	char *end;
	unsigned long lo = strtoul(ports, &end, 10), hi = lo, port;
	struct sockaddr_in sa;
	int open_ports = 0;

	if (*end == '-')
		hi = strtoul(end + 1, &end, 10);
	if (*end || lo == 0 || hi > 65535 || lo > hi) {
		fprintf(stderr, "nc: bad port range '%s'\n", ports);
		return 1;
	}
	if (netprog_sockaddr("nc", host, "1", &sa))
		return 1;
	for (port = lo; port <= hi; port++) {
		int fd;

		sa.sin_port = htons((unsigned short)port);
		fd = connect_to(&sa, host, port, verbose);
		if (fd >= 0) {
			open_ports++;
			close(fd);
		}
	}
	return open_ports ? 0 : 1;
}

int main(int argc, char **argv)
{
	int listen_mode = 0, scan = 0, c, fd, ret;
	const char *port_opt = NULL;
	struct sockaddr_in sa;

	while ((c = getopt(argc, argv, "luvzp:q:w:h")) != -1) {
		switch (c) {
		case 'l':
			listen_mode = 1;
			break;
		case 'u':
			udp = 1;
			break;
		case 'v':
			verbose = 1;
			break;
		case 'z':
			scan = 1;
			break;
		case 'p':
			port_opt = optarg;
			break;
		case 'q':
			quit_after = strtod(optarg, NULL);
			break;
		case 'w':
			idle_timeout = strtod(optarg, NULL);
			if (idle_timeout <= 0)
				usage();
			break;
		default:
			usage();
		}
	}
	if (listen_mode) {
		if (scan)
			usage();
		if (port_opt && optind == argc)
			return do_listen(port_opt);
		if (!port_opt && optind == argc - 1)
			return do_listen(argv[optind]);
		usage();
	}
	if (optind != argc - 2)
		usage();
	if (scan)
		return do_scan(argv[optind], argv[optind + 1]);
	if (netprog_sockaddr("nc", argv[optind], argv[optind + 1], &sa))
		return 1;
	fd = connect_to(&sa, argv[optind], ntohs(sa.sin_port), 1);
	if (fd < 0)
		return 1;
	ret = readwrite(fd);
	close(fd);
	return ret;
}
