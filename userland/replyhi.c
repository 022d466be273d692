/*
 * replyhi: the MenuOS TCP server. Listens on 127.0.0.1:5001 (or ADDR PORT), and answers every
 * message of every client with "hi". It puts itself in the background after listen(), so the
 * shell prompt returns and `hello` can be typed next (-f stays in the foreground).
 *
 *   replyhi [-f] [-c COUNT] [ADDR [PORT]]
 *
 * System calls, in the order a gdb session sees them (seed 001): socket, bind, listen, then
 * accept in the background child; per message recv + send; close when the client closes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <signal.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include "netprog.h"

#define REPLY	"hi"

static void usage(void)
{
	fprintf(stderr, "usage: replyhi [-f] [-c COUNT] [ADDR [PORT]]\n"
			"  serve ADDR:PORT (default 127.0.0.1:5001), answer each message with \"hi\"\n"
			"  -f        stay in the foreground\n"
			"  -c COUNT  exit after COUNT connections\n");
	exit(2);
}

/* One client: every message gets "hi" until the client closes. */
static void serve(int fd, const struct sockaddr_in *peer)
{
	char buf[1024], addr[INET_ADDRSTRLEN];
	ssize_t n;

	inet_ntop(AF_INET, &peer->sin_addr, addr, sizeof(addr));
	while ((n = recv(fd, buf, sizeof(buf) - 1, 0)) > 0) {
		buf[n] = '\0';
		printf("replyhi: from %s:%u: %s\n", addr, ntohs(peer->sin_port), buf);
		if (send(fd, REPLY, strlen(REPLY), 0) < 0) {
			perror("replyhi: send");
			break;
		}
	}
	if (n < 0)
		perror("replyhi: recv");
	close(fd);
}

int main(int argc, char **argv)
{
	const char *host = "127.0.0.1", *port = "5001";
	struct sockaddr_in sa, peer;
	int foreground = 0, count = -1, one = 1;
	int c, lfd;

	while ((c = getopt(argc, argv, "fc:h")) != -1) {
		switch (c) {
		case 'f':
			foreground = 1;
			break;
		case 'c':
			count = atoi(optarg);
			if (count <= 0)
				usage();
			break;
		default:
			usage();
		}
	}
	if (optind < argc)
		host = argv[optind++];
	if (optind < argc)
		port = argv[optind++];
	if (optind < argc)
		usage();
	if (netprog_sockaddr("replyhi", host, port, &sa))
		return 2;

	signal(SIGPIPE, SIG_IGN);
	lfd = socket(AF_INET, SOCK_STREAM, 0);
	if (lfd < 0) {
		perror("replyhi: socket");
		return 1;
	}
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(lfd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		perror("replyhi: bind");
		return 1;
	}
	if (listen(lfd, 16) < 0) {
		perror("replyhi: listen");
		return 1;
	}

	if (!foreground) {
		pid_t pid = fork();

		if (pid < 0) {
			perror("replyhi: fork");
			return 1;
		}
		if (pid > 0) {
			printf("replyhi: listening on %s:%s (pid %d)\n", host, port, (int)pid);
			return 0;
		}
	} else {
		printf("replyhi: listening on %s:%s\n", host, port);
	}
	fflush(stdout);

	while (count != 0) {
		socklen_t len = sizeof(peer);
		int fd = accept(lfd, (struct sockaddr *)&peer, &len);

		if (fd < 0) {
			if (errno == EINTR)
				continue;
			perror("replyhi: accept");
			return 1;
		}
		serve(fd, &peer);
		if (count > 0)
			count--;
	}
	close(lfd);
	return 0;
}
