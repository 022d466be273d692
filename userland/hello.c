/*
 * hello: the MenuOS TCP client. Connects to 127.0.0.1:5001 (or ADDR PORT), sends "hello",
 * prints the reply and closes: socket, connect (the three-way handshake), send, recv, close.
 *
 *   hello [-m MESSAGE] [-n COUNT] [ADDR [PORT]]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include "netprog.h"

static void usage(void)
{
	fprintf(stderr, "usage: hello [-m MESSAGE] [-n COUNT] [ADDR [PORT]]\n"
			"  send MESSAGE (default \"hello\") COUNT times to ADDR:PORT (default 127.0.0.1:5001)\n"
			"  and print each reply\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *host = "127.0.0.1", *port = "5001", *msg = "hello";
	struct sockaddr_in sa;
	int count = 1, c, fd, i;
	char buf[1024];

	while ((c = getopt(argc, argv, "m:n:h")) != -1) {
		switch (c) {
		case 'm':
			msg = optarg;
			break;
		case 'n':
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
	if (netprog_sockaddr("hello", host, port, &sa))
		return 2;

	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0) {
		perror("hello: socket");
		return 1;
	}
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		fprintf(stderr, "hello: connect to %s:%s: %s\n", host, port, strerror(errno));
		return 1;
	}
	for (i = 0; i < count; i++) {
		ssize_t n;

		if (send(fd, msg, strlen(msg), 0) < 0) {
			perror("hello: send");
			return 1;
		}
		n = recv(fd, buf, sizeof(buf) - 1, 0);
		if (n < 0) {
			perror("hello: recv");
			return 1;
		}
		if (n == 0) {
			fprintf(stderr, "hello: server closed the connection\n");
			return 1;
		}
		buf[n] = '\0';
		printf("hello: reply from %s:%s: %s\n", host, port, buf);
	}
	close(fd);
	return 0;
}
