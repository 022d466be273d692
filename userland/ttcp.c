/*
 * ttcp: bulk TCP transfer for throughput and integrity tests, after the classic BSD tool.
 *
 *   ttcp -t [-n BYTES] [-l BUFLEN] HOST PORT    send BYTES (default 1 MiB) of the test stream
 *   ttcp -r [-p PORT] [-l BUFLEN]               accept one connection, read until EOF
 *
 * Both ends print the byte count, the time, the rate and the SHA-256 of what they sent or
 * received, so a test compares the two digests (or the digest of what nc got). The transmitted
 * stream is the netprog pattern: byte i is (i mod 251).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <signal.h>
#include <sha256.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include "netprog.h"

#define MAX_BUFLEN	(1024 * 1024)

static void usage(void)
{
	fprintf(stderr, "usage: ttcp -t [-n BYTES] [-l BUFLEN] HOST PORT\n"
			"       ttcp -r [-p PORT] [-l BUFLEN]\n"
			"  -t  transmit BYTES (default 1048576) of the test stream (byte i = i mod 251)\n"
			"  -r  receive one connection on PORT (default 5001) until EOF\n"
			"  both print bytes, seconds, rate and the sha256 of the stream\n");
	exit(2);
}

static void report(const char *side, unsigned long long bytes, double secs, struct sha256_ctx *ctx)
{
	unsigned char digest[SHA256_DIGEST_LENGTH];
	char hex[2 * SHA256_DIGEST_LENGTH + 1];

	sha256_final(ctx, digest);
	if (secs <= 0)
		secs = 1e-6;
	printf("ttcp-%s: %llu bytes in %.3f s = %.1f KB/s\n", side, bytes, secs, bytes / secs / 1024.0);
	printf("ttcp-%s: sha256 %s\n", side, sha256_hex(digest, hex));
}

static int transmit(const char *host, const char *port, unsigned long long total, size_t buflen)
{
	unsigned char *buf = malloc(buflen);
	unsigned long long sent = 0;
	struct sockaddr_in sa;
	struct sha256_ctx ctx;
	double t0;
	int fd;

	if (!buf || netprog_sockaddr("ttcp", host, port, &sa))
		return 1;
	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0) {
		perror("ttcp: socket");
		return 1;
	}
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		fprintf(stderr, "ttcp: connect to %s:%s: %s\n", host, port, strerror(errno));
		return 1;
	}
	sha256_init(&ctx);
	t0 = netprog_now();
	while (sent < total) {
		size_t len = total - sent < buflen ? (size_t)(total - sent) : buflen;
		size_t off = 0;

		netprog_pattern(buf, len, sent);
		sha256_update(&ctx, buf, len);
		while (off < len) {
			ssize_t n = write(fd, buf + off, len - off);

			if (n < 0) {
				if (errno == EINTR)
					continue;
				fprintf(stderr, "ttcp: write after %llu bytes: %s\n", sent + off, strerror(errno));
				return 1;
			}
			off += n;
		}
		sent += len;
	}
	/* close() waits for nothing; shutdown + reading EOF makes the time include delivery. */
	shutdown(fd, SHUT_WR);
	while (read(fd, buf, buflen) > 0)
		;
	report("t", sent, netprog_now() - t0, &ctx);
	close(fd);
	free(buf);
	return 0;
}

static int receive(const char *port, size_t buflen)
{
	unsigned char *buf = malloc(buflen);
	unsigned long long got = 0;
	struct sockaddr_in sa, peer;
	socklen_t plen = sizeof(peer);
	char addr[INET_ADDRSTRLEN];
	struct sha256_ctx ctx;
	int lfd, fd, one = 1;
	double t0;
	ssize_t n;

	if (!buf || netprog_sockaddr("ttcp", "0.0.0.0", port, &sa))
		return 1;
	lfd = socket(AF_INET, SOCK_STREAM, 0);
	if (lfd < 0) {
		perror("ttcp: socket");
		return 1;
	}
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(lfd, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(lfd, 1) < 0) {
		fprintf(stderr, "ttcp: port %s: %s\n", port, strerror(errno));
		return 1;
	}
	printf("ttcp-r: listening on port %s\n", port);
	fflush(stdout);
	fd = accept(lfd, (struct sockaddr *)&peer, &plen);
	if (fd < 0) {
		perror("ttcp: accept");
		return 1;
	}
	close(lfd);
	inet_ntop(AF_INET, &peer.sin_addr, addr, sizeof(addr));
	printf("ttcp-r: connection from %s:%u\n", addr, ntohs(peer.sin_port));
	sha256_init(&ctx);
	t0 = netprog_now();
	while ((n = read(fd, buf, buflen)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "ttcp: read after %llu bytes: %s\n", got, strerror(errno));
			return 1;
		}
		sha256_update(&ctx, buf, n);
		got += n;
	}
	report("r", got, netprog_now() - t0, &ctx);
	close(fd);
	free(buf);
	return 0;
}

int main(int argc, char **argv)
{
	unsigned long long total = 1024 * 1024;
	const char *port = "5001";
	size_t buflen = 16384;
	int mode = 0, c;
	char *end;

	while ((c = getopt(argc, argv, "trn:l:p:h")) != -1) {
		switch (c) {
		case 't':
		case 'r':
			mode = c;
			break;
		case 'n':
			total = strtoull(optarg, &end, 10);
			if (*end || !*optarg)
				usage();
			break;
		case 'l':
			buflen = strtoul(optarg, &end, 10);
			if (*end || buflen == 0 || buflen > MAX_BUFLEN)
				usage();
			break;
		case 'p':
			port = optarg;
			break;
		default:
			usage();
		}
	}
	signal(SIGPIPE, SIG_IGN);
	if (mode == 't') {
		if (argc - optind != 2)
			usage();
		return transmit(argv[optind], argv[optind + 1], total, buflen);
	}
	if (mode == 'r' && optind == argc)
		return receive(port, buflen);
	usage();
	return 2;
}
