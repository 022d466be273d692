/*
 * ping: ICMP echo over a ping socket (socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP), kernel
 * net/ipv4/ping.c), so it needs no raw socket. Output as iputils ping prints it:
 *
 *   PING 10.0.2.2 (10.0.2.2) 56(84) bytes of data.
 *   64 bytes from 10.0.2.2: icmp_seq=1 ttl=255 time=0.512 ms
 *   --- 10.0.2.2 ping statistics ---
 *   3 packets transmitted, 3 received, 0% packet loss, time 2003ms
 *   rtt min/avg/max/mdev = 0.412/0.512/0.612/0.081 ms
 *
 *   ping [-c COUNT] [-i INTERVAL] [-s SIZE] [-t TTL] [-W TIMEOUT] [-q] HOST
 *
 * The kernel chooses the echo identifier (the socket's port) and fills in the checksum; replies
 * with our identifier are the only ones this socket receives. The TTL of each reply comes as an
 * IP_TTL control message (IP_RECVTTL); ICMP errors about our requests ("From 10.0.2.2
 * icmp_seq=3 Destination Host Unreachable", "Time to live exceeded") come from the socket's
 * error queue (IP_RECVERR, recvmsg MSG_ERRQUEUE). Round-trip times are measured from the send time kept per
 * sequence number, not trusted from the packet. Exit status as iputils: 0 if a reply came back,
 * 1 if none did, 2 on other errors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/ip_icmp.h>
#include <arpa/inet.h>
#include <linux/errqueue.h>
#include "netprog.h"

#define MAXPAYLOAD	65507		/* 65535 - IP header - ICMP header */
#define SEQ_SLOTS	65536

static volatile sig_atomic_t interrupted;
static double sent_at[SEQ_SLOTS];	/* send time of each sequence number, 0: none outstanding */
static unsigned char seen[SEQ_SLOTS];	/* replies seen per sequence number (duplicates) */

struct ping_stats {
	long transmitted, received, duplicates, errors;
	double tmin, tmax, tsum, tsum2;	/* milliseconds */
};

static void on_sigint(int sig)
{
	interrupted = 1;
}

static void usage(void)
{
	fprintf(stderr, "usage: ping [-c COUNT] [-i INTERVAL] [-s SIZE] [-t TTL] [-W TIMEOUT] [-q] HOST\n"
			"  -c COUNT     stop after COUNT replies sent (default: until interrupted)\n"
			"  -i INTERVAL  seconds between requests (default 1, fractions allowed)\n"
			"  -s SIZE      data bytes per request (default 56)\n"
			"  -t TTL       IP time to live of the requests\n"
			"  -W TIMEOUT   seconds to wait for the last reply (default 10)\n"
			"  -q           only print the summary\n");
	exit(2);
}

static double parse_seconds(const char *s, const char *what)
{
	char *end;
	double v = strtod(s, &end);

	if (!*s || *end || v < 0 || v > 100000) {
		fprintf(stderr, "ping: bad %s '%s'\n", what, s);
		exit(2);
	}
	return v;
}

/* Square root by Newton's method: the C library has no libm. */
static double ping_sqrt(double x)
{
	double r = x > 1 ? x : 1;
	int i;

	if (x <= 0)
		return 0;
	for (i = 0; i < 60; i++)
		r = (r + x / r) / 2;
	return r;
}

/* iputils' precision: three decimals below 1 ms, fewer as the time grows. */
static void print_ms(double ms)
{
	if (ms < 1)
		printf("%.3f", ms);
	else if (ms < 10)
		printf("%.2f", ms);
	else if (ms < 100)
		printf("%.1f", ms);
	else
		printf("%.0f", ms);
}

static int send_echo(int fd, const struct sockaddr_in *to, unsigned int seq, unsigned char *pkt,
		     size_t datalen)
{
	struct icmphdr *icmph = (struct icmphdr *)pkt;
	size_t i;

	memset(icmph, 0, sizeof(*icmph));
	icmph->type = ICMP_ECHO;
	icmph->un.echo.sequence = htons(seq);
	/* iputils' fill: byte i of the data is i (after where it keeps a timestamp). */
	for (i = 0; i < datalen; i++)
		pkt[sizeof(*icmph) + i] = (unsigned char)i;
	if (sendto(fd, pkt, sizeof(*icmph) + datalen, 0, (const struct sockaddr *)to, sizeof(*to)) < 0)
		return -errno;
	return 0;
}

/* iputils' wording for the ICMP errors a ping can get back. */
static void print_icmp_error(const struct sock_extended_err *ee)
{
	static const char *const unreach[] = {
		"Destination Net Unreachable", "Destination Host Unreachable",
		"Destination Protocol Unreachable", "Destination Port Unreachable",
		"Frag needed and DF set", "Source Route Failed", "Destination Net Unknown",
		"Destination Host Unknown", "Source Host Isolated", "Destination Net Prohibited",
		"Destination Host Prohibited", "Destination Net Unreachable for Type of Service",
		"Destination Host Unreachable for Type of Service", "Packet filtered",
		"Precedence Violation", "Precedence Cutoff",
	};

	switch (ee->ee_type) {
	case ICMP_DEST_UNREACH:
		if (ee->ee_code < sizeof(unreach) / sizeof(unreach[0]))
			printf("%s", unreach[ee->ee_code]);
		else
			printf("Dest Unreachable, Bad Code: %d", ee->ee_code);
		if (ee->ee_code == ICMP_FRAG_NEEDED)
			printf(" (mtu = %u)", ee->ee_info);
		break;
	case ICMP_TIME_EXCEEDED:
		printf(ee->ee_code ? "Frag reassembly time exceeded" : "Time to live exceeded");
		break;
	case ICMP_PARAMETERPROB:
		printf("Parameter problem: pointer = %u", ee->ee_info);
		break;
	default:
		printf("Bad ICMP type: %d", ee->ee_type);
	}
}

/* Reads one ICMP error from the error queue; prints "From HOST icmp_seq=N ...". 1 if one was read. */
static int receive_error(int fd, int quiet, struct ping_stats *st)
{
	unsigned char buf[576];
	char ctl[256];
	struct iovec iov = { .iov_base = buf, .iov_len = sizeof(buf) };
	struct msghdr msg;
	struct cmsghdr *cm;
	struct sock_extended_err *ee = NULL;
	struct icmphdr *icmph = (struct icmphdr *)buf;
	ssize_t n;

	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = ctl;
	msg.msg_controllen = sizeof(ctl);
	n = recvmsg(fd, &msg, MSG_ERRQUEUE | MSG_DONTWAIT);
	if (n < 0)
		return 0;
	for (cm = CMSG_FIRSTHDR(&msg); cm; cm = CMSG_NXTHDR(&msg, cm))
		if (cm->cmsg_level == SOL_IP && cm->cmsg_type == IP_RECVERR)
			ee = (struct sock_extended_err *)CMSG_DATA(cm);
	if (!ee || ee->ee_origin != SO_EE_ORIGIN_ICMP)
		return 1;
	st->errors++;
	if (!quiet) {
		struct sockaddr_in *from = (struct sockaddr_in *)SO_EE_OFFENDER(ee);

		printf("From %s icmp_seq=%u ", inet_ntoa(from->sin_addr),
		       n >= (ssize_t)sizeof(*icmph) ? ntohs(icmph->un.echo.sequence) : 0);
		print_icmp_error(ee);
		printf("\n");
		fflush(stdout);
	}
	return 1;
}

/* Reads one reply if there is one; prints its line. Returns 1 if a reply was consumed. */
static int receive_reply(int fd, size_t datalen, int quiet, struct ping_stats *st)
{
	unsigned char buf[MAXPAYLOAD + 64];
	char ctl[128];
	struct sockaddr_in from;
	struct iovec iov = { .iov_base = buf, .iov_len = sizeof(buf) };
	struct msghdr msg;
	struct cmsghdr *cm;
	struct icmphdr *icmph = (struct icmphdr *)buf;
	unsigned int seq;
	int ttl = -1, dup;
	ssize_t n;
	double rtt;

	memset(&msg, 0, sizeof(msg));
	msg.msg_name = &from;
	msg.msg_namelen = sizeof(from);
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = ctl;
	msg.msg_controllen = sizeof(ctl);
	n = recvmsg(fd, &msg, MSG_DONTWAIT);
	if (n < 0) {
		if (errno == EAGAIN || errno == EINTR)
			return 0;
		/* An ICMP error about one of our requests is waiting in the error queue. */
		return receive_error(fd, quiet, st);
	}
	if (n < (ssize_t)sizeof(*icmph) || icmph->type != ICMP_ECHOREPLY)
		return 1;
	for (cm = CMSG_FIRSTHDR(&msg); cm; cm = CMSG_NXTHDR(&msg, cm))
		if (cm->cmsg_level == SOL_IP && cm->cmsg_type == IP_TTL)
			memcpy(&ttl, CMSG_DATA(cm), sizeof(ttl));

	seq = ntohs(icmph->un.echo.sequence);
	if (sent_at[seq] == 0)
		return 1;	/* not a request of ours (or long forgotten) */
	rtt = (netprog_now() - sent_at[seq]) * 1000;
	dup = seen[seq]++ > 0;
	if (dup) {
		st->duplicates++;
	} else {
		st->received++;
		st->tsum += rtt;
		st->tsum2 += rtt * rtt;
		if (st->received == 1 || rtt < st->tmin)
			st->tmin = rtt;
		if (rtt > st->tmax)
			st->tmax = rtt;
	}
	if (!quiet) {
		printf("%ld bytes from %s: icmp_seq=%u", (long)n, inet_ntoa(from.sin_addr), seq);
		if (ttl >= 0)
			printf(" ttl=%d", ttl);
		printf(" time=");
		print_ms(rtt);
		printf(" ms%s\n", dup ? " (DUP!)" : "");
		if ((size_t)n != sizeof(*icmph) + datalen)
			printf("wrong data length: got %ld, expected %lu\n", (long)n - (long)sizeof(*icmph),
			       (unsigned long)datalen);
		fflush(stdout);
	}
	return 1;
}

/* Waits until deadline (seconds, netprog_now) for replies; stops early when want replies came. */
static void wait_replies(int fd, double deadline, size_t datalen, int quiet, struct ping_stats *st,
			 long want)
{
	for (;;) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		double left;
		int ms;

		/* What has arrived is read at once, even with -i 0, so a burst does not overflow. */
		while (receive_reply(fd, datalen, quiet, st))
			;
		left = deadline - netprog_now();
		if (interrupted || left <= 0)
			return;
		if (want > 0 && st->received + st->errors >= want)
			return;
		ms = (int)(left * 1000) + 1;
		if (poll(&pfd, 1, ms) > 0)
			while (receive_reply(fd, datalen, quiet, st))
				;
	}
}

int main(int argc, char **argv)
{
	struct ping_stats st = { 0 };
	struct sockaddr_in to;
	struct sigaction sa;
	double interval = 1, timeout = 10, start;
	long count = -1;
	int datalen = 56, ttl = -1, quiet = 0, c, fd, on = 1, rcvbuf;
	unsigned int seq;
	unsigned char *pkt;
	const char *host;

	while ((c = getopt(argc, argv, "c:i:s:t:W:qh")) != -1) {
		switch (c) {
		case 'c':
			count = atol(optarg);
			if (count <= 0) {
				fprintf(stderr, "ping: bad number of packets to transmit: '%s'\n", optarg);
				return 2;
			}
			break;
		case 'i':
			interval = parse_seconds(optarg, "interval");
			break;
		case 's':
			datalen = atoi(optarg);
			if (datalen < 0 || datalen > MAXPAYLOAD) {
				fprintf(stderr, "ping: bad packet size '%s' (0-%d)\n", optarg, MAXPAYLOAD);
				return 2;
			}
			break;
		case 't':
			ttl = atoi(optarg);
			if (ttl < 1 || ttl > 255) {
				fprintf(stderr, "ping: bad TTL '%s' (1-255)\n", optarg);
				return 2;
			}
			break;
		case 'W':
			timeout = parse_seconds(optarg, "timeout");
			break;
		case 'q':
			quiet = 1;
			break;
		default:
			usage();
		}
	}
	if (optind != argc - 1)
		usage();
	host = argv[optind];
	if (netprog_sockaddr("ping", host, "1", &to))
		return 2;
	to.sin_port = 0;

	fd = socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
	if (fd < 0) {
		perror("ping: socket");
		return 2;
	}
	setsockopt(fd, SOL_IP, IP_RECVTTL, &on, sizeof(on));
	setsockopt(fd, SOL_IP, IP_RECVERR, &on, sizeof(on));
	/* Room for a burst of replies (ping -i 0); the kernel caps it at net.core.rmem_max. */
	rcvbuf = 256 * 1024;
	setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	if (ttl > 0 && setsockopt(fd, SOL_IP, IP_TTL, &ttl, sizeof(ttl)) < 0) {
		perror("ping: setsockopt IP_TTL");
		return 2;
	}
	pkt = malloc(sizeof(struct icmphdr) + datalen);
	if (!pkt) {
		fprintf(stderr, "ping: out of memory\n");
		return 2;
	}

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigint;
	sigaction(SIGINT, &sa, NULL);

	printf("PING %s (%s) %d(%d) bytes of data.\n", host, inet_ntoa(to.sin_addr), datalen,
	       datalen + 28);
	fflush(stdout);

	start = netprog_now();
	for (seq = 1; !interrupted && (count < 0 || st.transmitted < count); seq++) {
		int err;

		sent_at[seq & 0xffff] = netprog_now();
		seen[seq & 0xffff] = 0;
		err = send_echo(fd, &to, seq & 0xffff, pkt, datalen);
		if (err) {
			printf("ping: sendmsg: %s\n", strerror(-err));
			st.errors++;
		}
		st.transmitted++;
		if (count > 0 && st.transmitted == count)
			break;
		wait_replies(fd, sent_at[seq & 0xffff] + interval, datalen, quiet, &st, -1);
	}
	/* The last replies: until all came back, TIMEOUT passed, or ^C. */
	if (!interrupted)
		wait_replies(fd, netprog_now() + timeout, datalen, quiet, &st, st.transmitted);

	printf("\n--- %s ping statistics ---\n", host);
	printf("%ld packets transmitted, %ld received", st.transmitted, st.received);
	if (st.duplicates)
		printf(", +%ld duplicates", st.duplicates);
	if (st.errors)
		printf(", +%ld errors", st.errors);
	printf(", %ld%% packet loss, time %ldms\n",
	       st.transmitted ? (st.transmitted - st.received) * 100 / st.transmitted : 0,
	       (long)((netprog_now() - start) * 1000));
	if (st.received) {
		double avg = st.tsum / st.received;
		double var = st.tsum2 / st.received - avg * avg;

		printf("rtt min/avg/max/mdev = %.3f/%.3f/%.3f/%.3f ms\n", st.tmin, avg, st.tmax,
		       ping_sqrt(var > 0 ? var : 0));
	}
	close(fd);
	free(pkt);
	return st.received ? 0 : 1;
}
