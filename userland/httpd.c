/*
 * httpd: a small HTTP/1.1 server for tests and demos (RFC 9112 message syntax, RFC 9110 semantics).
 *
 *   httpd [-p PORT] [-c MAXCLIENTS] [-q]
 *
 *   GET /           a built-in HTML page
 *   GET /bytes/N    N bytes (any size) of the test stream (byte i = i mod 251), Content-Length N
 *   anything else   404 (unknown path) or 405/501 (other methods); HEAD works for every path.
 *
 * Keep-alive (HTTP/1.1 default, "Connection: close" honoured, HTTP/1.0 closes) and many
 * concurrent clients in one process: non-blocking sockets and poll(), a small state machine per
 * client (read the request head, then write the head and the generated body as the socket takes it).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include "netprog.h"

#define REQ_MAX		4096		/* request head limit: larger gets 431 and close */
#define CHUNK		16384
#define DEFAULT_CLIENTS	64

static const char index_page[] =
	"<!DOCTYPE html>\n<html><head><title>teaching kernel httpd</title></head>\n"
	"<body><h1>Hello from the teaching kernel</h1>\n"
	"<p>This page came over TCP from the guest's own stack.</p>\n"
	"<p><a href=\"/bytes/1048576\">/bytes/1048576</a> sends 1 MiB of the test stream "
	"(byte i = i mod 251).</p>\n</body></html>\n";

struct client {
	int fd;
	char req[REQ_MAX + 1];
	size_t req_len;
	/* response in progress */
	char head[512];
	size_t head_len, head_off;
	const char *body_static;		/* the index page, or NULL for the stream */
	unsigned long long body_len, body_off;
	int keep_alive;
	int responding;
};

static struct client *clients;
static struct pollfd *pfds;
static int max_clients = DEFAULT_CLIENTS;
static int quiet;

static void usage(void)
{
	fprintf(stderr, "usage: httpd [-p PORT] [-c MAXCLIENTS] [-q]\n"
			"  serve / (a page) and /bytes/N (N bytes of the test stream) on PORT (default 80)\n");
	exit(2);
}

static void client_close(struct client *c)
{
	close(c->fd);
	c->fd = -1;
}

static void set_response(struct client *c, int status, const char *reason, const char *type,
			 unsigned long long len, const char *body, int head_only)
{
	c->head_len = snprintf(c->head, sizeof(c->head),
			       "HTTP/1.1 %d %s\r\nServer: teaching-kernel-httpd\r\nContent-Type: %s\r\n"
			       "Content-Length: %llu\r\nConnection: %s\r\n\r\n",
			       status, reason, type, len, c->keep_alive ? "keep-alive" : "close");
	c->head_off = 0;
	c->body_static = body;
	c->body_len = head_only ? 0 : len;
	c->body_off = 0;
	c->responding = 1;
}

/* Does the header list (after the request line) contain "Name: value" (case-insensitive)? */
static int header_has(const char *headers, const char *name, const char *value)
{
	size_t nlen = strlen(name);
	const char *p = headers;

	while ((p = strstr(p, "\r\n")) != NULL) {
		p += 2;
		if (!strncasecmp(p, name, nlen) && p[nlen] == ':') {
			const char *v = p + nlen + 1;

			while (*v == ' ' || *v == '\t')
				v++;
			return !strncasecmp(v, value, strlen(value));
		}
	}
	return 0;
}

/* Parses the complete request head in c->req and prepares the response. */
static void handle_request(struct client *c)
{
	char method[16], target[256], version[16];
	int head_only;

	if (sscanf(c->req, "%15s %255s %15s", method, target, version) != 3 ||
	    strncmp(version, "HTTP/1.", 7)) {
		c->keep_alive = 0;
		set_response(c, 400, "Bad Request", "text/plain", 12, "bad request\n", 0);
		return;
	}
	c->keep_alive = !strcmp(version, "HTTP/1.1") ? !header_has(c->req, "Connection", "close")
						      : header_has(c->req, "Connection", "keep-alive");
	head_only = !strcmp(method, "HEAD");
	if (strcmp(method, "GET") && !head_only) {
		set_response(c, 501, "Not Implemented", "text/plain", 16, "not implemented\n", 0);
		return;
	}
	if (!quiet)
		printf("httpd: %s %s\n", method, target);

	if (!strcmp(target, "/") || !strcmp(target, "/index.html")) {
		set_response(c, 200, "OK", "text/html", sizeof(index_page) - 1, index_page, head_only);
	} else if (!strncmp(target, "/bytes/", 7)) {
		char *end;
		unsigned long long n = strtoull(target + 7, &end, 10);

		if (*end || !target[7])
			set_response(c, 404, "Not Found", "text/plain", 10, "not found\n", head_only);
		else
			set_response(c, 200, "OK", "application/octet-stream", n, NULL, head_only);
	} else {
		set_response(c, 404, "Not Found", "text/plain", 10, "not found\n", head_only);
	}
}

static void client_read(struct client *c)
{
	ssize_t n = read(c->fd, c->req + c->req_len, REQ_MAX - c->req_len);
	char *end;

	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n <= 0) {
		client_close(c);
		return;
	}
	c->req_len += n;
	c->req[c->req_len] = '\0';
	end = strstr(c->req, "\r\n\r\n");
	if (!end) {
		if (c->req_len == REQ_MAX) {
			c->keep_alive = 0;
			set_response(c, 431, "Request Header Fields Too Large", "text/plain", 9, "too big\n\n", 0);
		}
		return;
	}
	handle_request(c);
	/* Keep what followed the head (a pipelined request) for the next round. */
	{
		size_t used = end + 4 - c->req;

		memmove(c->req, c->req + used, c->req_len - used);
		c->req_len -= used;
		c->req[c->req_len] = '\0';
	}
}

static void client_write(struct client *c)
{
	static unsigned char buf[CHUNK];
	ssize_t n;

	while (c->head_off < c->head_len) {
		n = write(c->fd, c->head + c->head_off, c->head_len - c->head_off);
		if (n < 0)
			goto err;
		c->head_off += n;
	}
	while (c->body_off < c->body_len) {
		size_t len = c->body_len - c->body_off < CHUNK ? (size_t)(c->body_len - c->body_off) : CHUNK;
		const unsigned char *p;

		if (c->body_static) {
			p = (const unsigned char *)c->body_static + c->body_off;
		} else {
			netprog_pattern(buf, len, c->body_off);
			p = buf;
		}
		n = write(c->fd, p, len);
		if (n < 0)
			goto err;
		c->body_off += n;
	}
	c->responding = 0;
	if (!c->keep_alive) {
		client_close(c);
		return;
	}
	/* A pipelined request may already be complete. */
	if (strstr(c->req, "\r\n\r\n")) {
		char *end = strstr(c->req, "\r\n\r\n");
		size_t used = end + 4 - c->req;

		handle_request(c);
		memmove(c->req, c->req + used, c->req_len - used);
		c->req_len -= used;
		c->req[c->req_len] = '\0';
	}
	return;
err:
	if (errno != EAGAIN && errno != EINTR)
		client_close(c);
}

static int set_nonblock(int fd)
{
	int fl = fcntl(fd, F_GETFL);

	return fl < 0 ? -1 : fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

int main(int argc, char **argv)
{
	const char *port = "80";
	struct sockaddr_in sa;
	int lfd, one = 1, c, i;

	while ((c = getopt(argc, argv, "p:c:qh")) != -1) {
		switch (c) {
		case 'p':
			port = optarg;
			break;
		case 'c':
			max_clients = atoi(optarg);
			if (max_clients <= 0 || max_clients > 1024)
				usage();
			break;
		case 'q':
			quiet = 1;
			break;
		default:
			usage();
		}
	}
	if (optind != argc || netprog_sockaddr("httpd", "0.0.0.0", port, &sa))
		usage();

	signal(SIGPIPE, SIG_IGN);
	clients = calloc(max_clients, sizeof(*clients));
	pfds = calloc(max_clients + 1, sizeof(*pfds));
	if (!clients || !pfds) {
		fprintf(stderr, "httpd: out of memory\n");
		return 1;
	}
	for (i = 0; i < max_clients; i++)
		clients[i].fd = -1;

	lfd = socket(AF_INET, SOCK_STREAM, 0);
	if (lfd < 0) {
		perror("httpd: socket");
		return 1;
	}
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(lfd, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(lfd, 64) < 0 ||
	    set_nonblock(lfd) < 0) {
		fprintf(stderr, "httpd: port %s: %s\n", port, strerror(errno));
		return 1;
	}
	printf("httpd: listening on port %s\n", port);
	fflush(stdout);

	for (;;) {
		int nfds = 0, free_slot = -1;

		for (i = 0; i < max_clients; i++) {
			if (clients[i].fd < 0) {
				if (free_slot < 0)
					free_slot = i;
				continue;
			}
			pfds[nfds].fd = clients[i].fd;
			pfds[nfds].events = clients[i].responding ? POLLOUT : POLLIN;
			pfds[nfds].revents = 0;
			nfds++;
		}
		/* Accept only while a slot is free: the kernel's backlog holds the rest. */
		if (free_slot >= 0) {
			pfds[nfds].fd = lfd;
			pfds[nfds].events = POLLIN;
			pfds[nfds].revents = 0;
			nfds++;
		}
		if (poll(pfds, nfds, -1) < 0) {
			if (errno == EINTR)
				continue;
			perror("httpd: poll");
			return 1;
		}
		for (i = 0; i < nfds; i++) {
			int j;

			if (!pfds[i].revents)
				continue;
			if (pfds[i].fd == lfd) {
				int fd = accept(lfd, NULL, NULL);

				if (fd < 0)
					continue;
				set_nonblock(fd);
				clients[free_slot].fd = fd;
				clients[free_slot].req_len = 0;
				clients[free_slot].responding = 0;
				continue;
			}
			for (j = 0; j < max_clients; j++)
				if (clients[j].fd == pfds[i].fd)
					break;
			if (j == max_clients)
				continue;
			if (clients[j].responding)
				client_write(&clients[j]);
			else
				client_read(&clients[j]);
		}
		fflush(stdout);
	}
}
