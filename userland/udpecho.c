/*
 * udpecho: a UDP echo server (RFC 862) and a client that checks the echoes.
 *
 *   udpecho -s [PORT]                       serve: send every datagram back to its sender
 *   udpecho [-w SECS] HOST PORT [MESSAGE]   send MESSAGE (default "hello"), print the echo
 *   udpecho [-w SECS] -n COUNT [-l LEN] HOST PORT
 *                                           send COUNT datagrams of LEN bytes (default 64), each
 *                                           with its sequence number and a known pattern, and
 *                                           count the echoes that come back intact
 *
 * The server uses bind + recvfrom + sendto; the client connect()s, so a closed port shows up as
 * ECONNREFUSED (the kernel's ICMP port-unreachable handling). Exit status 0 when every echo came
 * back intact, 1 otherwise.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <poll.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include "netprog.h"

#define MAXDGRAM	65507

static unsigned char buf[MAXDGRAM], expect[MAXDGRAM];

static void usage(void)
{
	fprintf(stderr, "usage: udpecho -s [PORT]\n"
			"       udpecho [-w SECS] HOST PORT [MESSAGE]\n"
			"       udpecho [-w SECS] -n COUNT [-l LEN] HOST PORT\n");
	exit(2);
}

static int serve(const char *port)
{
	struct sockaddr_in sa, from;
	socklen_t fromlen;
	long served = 0;
	int fd;

	if (netprog_sockaddr("udpecho", "0.0.0.0", port, &sa))
		return 2;
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		perror("udpecho: bind");
		return 2;
	}
	printf("udpecho: echoing on 0.0.0.0:%s\n", port);
	fflush(stdout);
	for (;;) {
		ssize_t n;

		fromlen = sizeof(from);
		n = recvfrom(fd, buf, sizeof(buf), 0, (struct sockaddr *)&from, &fromlen);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			perror("udpecho: recvfrom");
			return 1;
		}
		if (sendto(fd, buf, n, 0, (struct sockaddr *)&from, fromlen) < 0)
			perror("udpecho: sendto");
		served++;
	}
}

/* Waits up to ms for a datagram; returns its length, 0 on timeout, -1 on error (errno). */
static ssize_t recv_timeout(int fd, int ms)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	int r = poll(&pfd, 1, ms);

	if (r <= 0)
		return r;
	return recv(fd, buf, sizeof(buf), 0);
}

/* Datagram i: its number in the first 4 bytes, then netprog_pattern from offset i. */
static void make_datagram(unsigned char *p, size_t len, unsigned int i)
{
	unsigned char tag[4] = { i >> 24, i >> 16, i >> 8, i };

	netprog_pattern(p, len, i);
	memcpy(p, tag, len < 4 ? len : 4);
}

int main(int argc, char **argv)
{
	const char *msg = "hello";
	struct sockaddr_in sa;
	long count = 0, len = 64, i, ok = 0, bad = 0, lost = 0;
	int server = 0, c, fd, wait_ms = 2000;
	double t0;

	while ((c = getopt(argc, argv, "sn:l:w:h")) != -1) {
		switch (c) {
		case 's':
			server = 1;
			break;
		case 'n':
			count = atol(optarg);
			if (count <= 0)
				usage();
			break;
		case 'l':
			len = atol(optarg);
			if (len < 4 || len > MAXDGRAM)
				usage();
			break;
		case 'w':
			wait_ms = (int)(strtod(optarg, NULL) * 1000);
			if (wait_ms <= 0)
				usage();
			break;
		default:
			usage();
		}
	}
	if (server) {
		if (argc - optind > 1)
			usage();
		return serve(optind < argc ? argv[optind] : "7");
	}
	if (argc - optind < 2 || argc - optind > 3 || (count && argc - optind != 2))
		usage();
	if (argc - optind == 3)
		msg = argv[optind + 2];
	if (netprog_sockaddr("udpecho", argv[optind], argv[optind + 1], &sa))
		return 2;
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		perror("udpecho: connect");
		return 2;
	}

	if (!count) {
		ssize_t n;

		if (send(fd, msg, strlen(msg), 0) < 0) {
			perror("udpecho: send");
			return 1;
		}
		n = recv_timeout(fd, wait_ms);
		if (n < 0) {
			fprintf(stderr, "udpecho: %s:%s: %s\n", argv[optind], argv[optind + 1],
				strerror(errno));
			return 1;
		}
		if (n == 0) {
			fprintf(stderr, "udpecho: no echo from %s:%s\n", argv[optind], argv[optind + 1]);
			return 1;
		}
		printf("echo from %s:%s: %.*s\n", argv[optind], argv[optind + 1], (int)n, buf);
		return ((size_t)n == strlen(msg) && !memcmp(buf, msg, n)) ? 0 : 1;
	}

	/* One datagram at a time, so a lost one is told from a late one by its number. */
	t0 = netprog_now();
	for (i = 0; i < count; i++) {
		ssize_t n;

		make_datagram(expect, len, (unsigned int)i);
		if (send(fd, expect, len, 0) < 0) {
			if (errno == ECONNREFUSED) {
				fprintf(stderr, "udpecho: %s:%s: %s\n", argv[optind], argv[optind + 1],
					strerror(errno));
				return 1;
			}
			lost++;
			continue;
		}
		for (;;) {
			n = recv_timeout(fd, wait_ms);
			if (n < 0 && errno == ECONNREFUSED) {
				fprintf(stderr, "udpecho: %s:%s: %s\n", argv[optind], argv[optind + 1],
					strerror(errno));
				return 1;
			}
			if (n <= 0) {
				lost++;
				break;
			}
			/* A late echo of an earlier datagram: skip it. */
			if (n >= 4 && ((unsigned int)buf[0] << 24 | buf[1] << 16 | buf[2] << 8 | buf[3]) <
				      (unsigned int)i)
				continue;
			if (n == len && !memcmp(buf, expect, len))
				ok++;
			else
				bad++;
			break;
		}
	}
	printf("%ld/%ld echoes ok, %ld lost, %ld bad, %ld bytes each, %.3f s\n", ok, count, lost, bad,
	       len, netprog_now() - t0);
	return ok == count ? 0 : 1;
}
