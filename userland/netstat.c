/*
 * netstat: sockets, counters, interfaces and routes, read from /proc/net as net-tools does.
 *
 *   netstat [-t] [-u] [-w] [-a|-l] [-n] [-e]   sockets: TCP (/proc/net/tcp), UDP (/proc/net/udp),
 *                                              ping (/proc/net/icmp, shown as "icmp");
 *                                              -a all, -l listening only, default established;
 *                                              -e adds TCP's cwnd, ssthresh and RTO
 *   netstat -s                                 protocol counters (/proc/net/snmp, /proc/net/netstat)
 *   netstat -i                                 interface counters (/proc/net/dev)
 *   netstat -r                                 routing table (/proc/net/route)
 *
 * Addresses are always numeric (-n is accepted for habit's sake).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <net/if.h>

static const char *const tcp_state_names[] = {
	"", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT",
	"CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING", "NEW_SYN_RECV",
};

#define TCP_ESTABLISHED	1
#define TCP_CLOSE	7
#define TCP_LISTEN	10

static void usage(void)
{
	fprintf(stderr, "usage: netstat [-t] [-u] [-w] [-a|-l] [-n] [-e]\n"
			"       netstat -s | -i | -r\n");
	exit(2);
}

static FILE *open_proc(const char *path)
{
	FILE *f = fopen(path, "r");

	if (!f)
		fprintf(stderr, "netstat: %s: %s\n", path, strerror(errno));
	return f;
}

/* "0100007F:1389" (the raw __be32 and the host-order port, in hex) -> "127.0.0.1:5001". */
static void format_addr(char *out, size_t size, unsigned long addr, unsigned long port, int remote)
{
	struct in_addr in = { .s_addr = (in_addr_t)addr };

	if (remote && port == 0)
		snprintf(out, size, "%s:*", inet_ntoa(in));
	else
		snprintf(out, size, "%s:%lu", inet_ntoa(in), port);
}

/* One /proc/net/{tcp,udp,icmp} table. listening: the socket waits for peers (TCP LISTEN,
 * unconnected UDP/ping). Returns -1 if the file could not be read. */
static int show_sockets(const char *path, const char *proto, int is_tcp, int want_listen,
			int want_other, int extended)
{
	FILE *f = open_proc(path);
	char line[512];

	if (!f)
		return -1;
	if (!fgets(line, sizeof(line), f)) {	/* the header line */
		fclose(f);
		return 0;
	}
	while (fgets(line, sizeof(line), f)) {
		unsigned long laddr, lport, raddr, rport, st, txq, rxq;
		unsigned long f_tr, f_when, f_retr, f_uid, f_timeout, f_inode, f_ref;
		unsigned long rto = 0, ato = 0, qp = 0, cwnd = 0;
		long ssthresh = -1;
		char ptr[64], local[32], remote[32];
		const char *state;
		int n, listening;

		n = sscanf(line, " %*d: %lx:%lx %lx:%lx %lx %lx:%lx %lx:%lx %lx %lu %lu %lu %lu %63s %lu %lu %lu %lu %ld",
			   &laddr, &lport, &raddr, &rport, &st, &txq, &rxq, &f_tr, &f_when, &f_retr,
			   &f_uid, &f_timeout, &f_inode, &f_ref, ptr, &rto, &ato, &qp, &cwnd, &ssthresh);
		if (n < 7)
			continue;
		if (is_tcp)
			listening = st == TCP_LISTEN;
		else
			listening = st == TCP_CLOSE;
		if ((listening && !want_listen) || (!listening && !want_other))
			continue;
		format_addr(local, sizeof(local), laddr, lport, 0);
		format_addr(remote, sizeof(remote), raddr, rport, 1);
		if (is_tcp)
			state = st < sizeof(tcp_state_names) / sizeof(tcp_state_names[0]) ?
				tcp_state_names[st] : "UNKNOWN";
		else
			state = st == TCP_ESTABLISHED ? "ESTABLISHED" : "";
		printf("%-5s %6lu %6lu %-23s %-23s %-11s", proto, rxq, txq, local, remote, state);
		if (extended && is_tcp && n >= 20)
			printf(" %6lu %8ld %6lu", cwnd, ssthresh, rto);
		printf("\n");
	}
	fclose(f);
	return 0;
}

/* /proc/net/snmp and /proc/net/netstat: a line of names, then a line of values, per protocol. */
static int show_counters(const char *path)
{
	FILE *f = open_proc(path);
	char names[4096], values[4096];

	if (!f)
		return -1;
	while (fgets(names, sizeof(names), f) && fgets(values, sizeof(values), f)) {
		char *np, *vp, *n, *v;
		char *colon = strchr(names, ':');

		if (!colon || strncmp(names, values, colon - names + 1)) {
			fprintf(stderr, "netstat: %s: malformed\n", path);
			break;
		}
		*colon = '\0';
		printf("%s:\n", names);
		n = strtok_r(colon + 1, " \n", &np);
		v = strtok_r(strchr(values, ':') + 1, " \n", &vp);
		while (n && v) {
			printf("    %s: %s\n", n, v);
			n = strtok_r(NULL, " \n", &np);
			v = strtok_r(NULL, " \n", &vp);
		}
	}
	fclose(f);
	return 0;
}

/* MTU and flags of an interface by ioctl on a UDP socket (as net-tools); -1 if unknown. */
static void if_info(int sock, const char *name, int *mtu, char *flags)
{
	struct ifreq ifr;
	char *p = flags;

	*mtu = -1;
	memset(&ifr, 0, sizeof(ifr));
	strncpy(ifr.ifr_name, name, IFNAMSIZ - 1);
	if (sock >= 0 && ioctl(sock, SIOCGIFMTU, &ifr) == 0)
		*mtu = ifr.ifr_mtu;
	if (sock >= 0 && ioctl(sock, SIOCGIFFLAGS, &ifr) == 0) {
		if (ifr.ifr_flags & IFF_BROADCAST)
			*p++ = 'B';
		if (ifr.ifr_flags & IFF_LOOPBACK)
			*p++ = 'L';
		if (ifr.ifr_flags & IFF_MULTICAST)
			*p++ = 'M';
		if (ifr.ifr_flags & IFF_PROMISC)
			*p++ = 'P';
		if (ifr.ifr_flags & IFF_RUNNING)
			*p++ = 'R';
		if (ifr.ifr_flags & IFF_UP)
			*p++ = 'U';
	}
	*p = '\0';
}

static int show_interfaces(void)
{
	FILE *f = open_proc("/proc/net/dev");
	char line[512];
	int sock;

	if (!f)
		return -1;
	sock = socket(AF_INET, SOCK_DGRAM, 0);
	printf("Kernel Interface table\n");
	printf("%-10s %5s %8s %6s %6s %6s %8s %6s %6s %6s %s\n", "Iface", "MTU", "RX-OK", "RX-ERR",
	       "RX-DRP", "RX-OVR", "TX-OK", "TX-ERR", "TX-DRP", "TX-OVR", "Flg");
	while (fgets(line, sizeof(line), f)) {
		char name[32], flags[16];
		unsigned long v[16];
		char *colon = strchr(line, ':');
		int mtu;

		if (!colon || colon - line > 20)
			continue;	/* the two header lines */
		*colon = ' ';
		if (sscanf(line, " %31s %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu",
			   name, &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7], &v[8], &v[9],
			   &v[10], &v[11], &v[12], &v[13], &v[14], &v[15]) != 17)
			continue;
		if_info(sock, name, &mtu, flags);
		/* RX: bytes packets errs drop fifo ...; TX from field 8: bytes packets errs drop fifo. */
		printf("%-10s %5d %8lu %6lu %6lu %6lu %8lu %6lu %6lu %6lu %s\n", name, mtu, v[1], v[2],
		       v[3], v[4], v[9], v[10], v[11], v[12], flags);
	}
	if (sock >= 0)
		close(sock);
	fclose(f);
	return 0;
}

static int show_routes(void)
{
	FILE *f = open_proc("/proc/net/route");
	char line[512];

	if (!f)
		return -1;
	printf("Kernel IP routing table\n");
	printf("%-15s %-15s %-15s %-5s %5s %-6s %4s %s\n", "Destination", "Gateway", "Genmask",
	       "Flags", "MSS", "Window", "irtt", "Iface");
	if (!fgets(line, sizeof(line), f)) {
		fclose(f);
		return 0;
	}
	while (fgets(line, sizeof(line), f)) {
		char iface[32], flagstr[8], *p = flagstr, dst[16], gw[16], mask[16];
		unsigned long d, g, fl, refcnt, use, metric, m, mtu, win, irtt;
		struct in_addr in;

		if (sscanf(line, "%31s %lx %lx %lx %lu %lu %lu %lx %lu %lu %lu", iface, &d, &g, &fl,
			   &refcnt, &use, &metric, &m, &mtu, &win, &irtt) != 11)
			continue;
		in.s_addr = d;
		snprintf(dst, sizeof(dst), "%s", inet_ntoa(in));
		in.s_addr = g;
		snprintf(gw, sizeof(gw), "%s", inet_ntoa(in));
		in.s_addr = m;
		snprintf(mask, sizeof(mask), "%s", inet_ntoa(in));
		if (fl & 0x0001)	/* RTF_UP */
			*p++ = 'U';
		if (fl & 0x0002)	/* RTF_GATEWAY */
			*p++ = 'G';
		if (fl & 0x0004)	/* RTF_HOST */
			*p++ = 'H';
		if (fl & 0x0200)	/* RTF_REJECT */
			*p++ = '!';
		*p = '\0';
		printf("%-15s %-15s %-15s %-5s %5lu %-6lu %4lu %s\n", dst, gw, mask, flagstr, mtu, win,
		       irtt, iface);
	}
	fclose(f);
	return 0;
}

int main(int argc, char **argv)
{
	int tcp = 0, udp = 0, raw = 0, all = 0, listening = 0, extended = 0;
	int stats = 0, interfaces = 0, routes = 0, c, ret = 0;

	while ((c = getopt(argc, argv, "tuwalnesirh")) != -1) {
		switch (c) {
		case 't':
			tcp = 1;
			break;
		case 'u':
			udp = 1;
			break;
		case 'w':
			raw = 1;
			break;
		case 'a':
			all = 1;
			break;
		case 'l':
			listening = 1;
			break;
		case 'n':
			break;
		case 'e':
			extended = 1;
			break;
		case 's':
			stats = 1;
			break;
		case 'i':
			interfaces = 1;
			break;
		case 'r':
			routes = 1;
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();
	if (stats) {
		ret |= show_counters("/proc/net/snmp");
		ret |= show_counters("/proc/net/netstat");
		return ret ? 1 : 0;
	}
	if (interfaces)
		return show_interfaces() ? 1 : 0;
	if (routes)
		return show_routes() ? 1 : 0;

	if (!tcp && !udp && !raw)
		tcp = udp = raw = 1;
	printf("Active Internet connections (%s)\n",
	       all ? "servers and established" : listening ? "only servers" : "w/o servers");
	printf("Proto Recv-Q Send-Q %-23s %-23s %-11s", "Local Address", "Foreign Address", "State");
	if (extended)
		printf(" %6s %8s %6s", "cwnd", "ssthresh", "rto");
	printf("\n");
	if (tcp)
		ret |= show_sockets("/proc/net/tcp", "tcp", 1, all || listening, all || !listening,
				    extended);
	if (udp)
		ret |= show_sockets("/proc/net/udp", "udp", 0, all || listening, all || !listening, 0);
	if (raw)
		ret |= show_sockets("/proc/net/icmp", "icmp", 0, all || listening, all || !listening, 0);
	return ret ? 1 : 0;
}
