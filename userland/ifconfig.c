/*
 * ifconfig: show and configure network interfaces, as net-tools' ifconfig does, through the
 * Linux ioctls on an AF_INET datagram socket (SIOCGIFFLAGS, SIOCSIFADDR ...) and /proc/net/dev.
 *
 *   ifconfig [-a]                       interfaces that are up (-a: all)
 *   ifconfig IFACE                      one interface
 *   ifconfig IFACE [ADDR] [netmask M] [broadcast B] [mtu N] [up|down]
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
#include <net/if_arp.h>

struct ifstats {
	unsigned long long rx_bytes, rx_packets, rx_errs, rx_drop, rx_fifo, rx_frame;
	unsigned long long tx_bytes, tx_packets, tx_errs, tx_drop, tx_fifo, tx_colls, tx_carrier;
};

static int skfd = -1;

/* Interface names and counters, in kernel order, from /proc/net/dev. */
static int read_proc_dev(const char *want, char names[][IFNAMSIZ], struct ifstats *st, int max)
{
	FILE *f = fopen("/proc/net/dev", "r");
	char line[512];
	int n = 0;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f) && n < max) {
		char *colon = strchr(line, ':'), *name = line;
		struct ifstats s;
		unsigned long long compressed, multicast;

		if (!colon)
			continue;
		*colon = 0;
		while (*name == ' ')
			name++;
		memset(&s, 0, sizeof(s));
		sscanf(colon + 1, "%llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu",
		       &s.rx_bytes, &s.rx_packets, &s.rx_errs, &s.rx_drop, &s.rx_fifo, &s.rx_frame, &compressed,
		       &multicast, &s.tx_bytes, &s.tx_packets, &s.tx_errs, &s.tx_drop, &s.tx_fifo, &s.tx_colls,
		       &s.tx_carrier);
		if (want && strcmp(want, name))
			continue;
		snprintf(names[n], IFNAMSIZ, "%s", name);
		st[n++] = s;
	}
	fclose(f);
	return n;
}

static const char *human(unsigned long long bytes, char *buf, size_t size)
{
	static const char *const unit[] = { "B", "KiB", "MiB", "GiB", "TiB" };
	double v = bytes;
	int i = 0;

	while (v >= 1024 && i < 4) {
		v /= 1024;
		i++;
	}
	snprintf(buf, size, i ? "%.1f %s" : "%.0f %s", v, unit[i]);
	return buf;
}

static int get_ifreq(const char *name, unsigned long req, struct ifreq *ifr)
{
	memset(ifr, 0, sizeof(*ifr));
	snprintf(ifr->ifr_name, IFNAMSIZ, "%s", name);
	return ioctl(skfd, req, ifr);
}

static const char *ifr_inet(const struct ifreq *ifr)
{
	return inet_ntoa(((const struct sockaddr_in *)&ifr->ifr_addr)->sin_addr);
}

static void print_flags(unsigned int flags)
{
	static const struct {
		unsigned int bit;
		const char *name;
	} names[] = {
		{ IFF_UP, "UP" }, { IFF_BROADCAST, "BROADCAST" }, { IFF_DEBUG, "DEBUG" },
		{ IFF_LOOPBACK, "LOOPBACK" }, { IFF_POINTOPOINT, "POINTOPOINT" }, { IFF_NOTRAILERS, "NOTRAILERS" },
		{ IFF_RUNNING, "RUNNING" }, { IFF_NOARP, "NOARP" }, { IFF_PROMISC, "PROMISC" },
		{ IFF_ALLMULTI, "ALLMULTI" }, { IFF_MULTICAST, "MULTICAST" },
	};
	const char *sep = "";
	unsigned int i;

	printf("flags=%u<", flags & 0xffff);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (flags & names[i].bit) {
			printf("%s%s", sep, names[i].name);
			sep = ",";
		}
	}
	printf(">");
}

static void print_stats(const struct ifstats *s);

static int show_iface(const char *name, const struct ifstats *s, int all)
{
	struct ifreq ifr;
	unsigned int flags;
	int mtu = 0, qlen = 0;

	if (get_ifreq(name, SIOCGIFFLAGS, &ifr) < 0) {
		fprintf(stderr, "%s: error fetching interface information: %s\n", name,
			errno == ENODEV ? "Device not found" : strerror(errno));
		return 1;
	}
	flags = (unsigned short)ifr.ifr_flags;
	if (!all && !(flags & IFF_UP))
		return 0;
	if (get_ifreq(name, SIOCGIFMTU, &ifr) == 0)
		mtu = ifr.ifr_mtu;
	printf("%s: ", name);
	print_flags(flags);
	printf("  mtu %d\n", mtu);

	if (get_ifreq(name, SIOCGIFADDR, &ifr) == 0) {
		printf("        inet %s", ifr_inet(&ifr));
		if (get_ifreq(name, SIOCGIFNETMASK, &ifr) == 0)
			printf("  netmask %s", ifr_inet(&ifr));
		if ((flags & IFF_BROADCAST) && get_ifreq(name, SIOCGIFBRDADDR, &ifr) == 0 &&
		    ((struct sockaddr_in *)&ifr.ifr_addr)->sin_addr.s_addr)
			printf("  broadcast %s", ifr_inet(&ifr));
		printf("\n");
	}
	if (get_ifreq(name, SIOCGIFTXQLEN, &ifr) == 0)
		qlen = ifr.ifr_qlen;
	if (flags & IFF_LOOPBACK) {
		printf("        loop  txqueuelen %d  (Local Loopback)\n", qlen);
	} else if (get_ifreq(name, SIOCGIFHWADDR, &ifr) == 0) {
		const unsigned char *h = (const unsigned char *)ifr.ifr_hwaddr.sa_data;

		printf("        ether %02x:%02x:%02x:%02x:%02x:%02x  txqueuelen %d  (%s)\n", h[0], h[1], h[2], h[3],
		       h[4], h[5], qlen, ifr.ifr_hwaddr.sa_family == ARPHRD_ETHER ? "Ethernet" : "UNSPEC");
	}
	if (s)
		print_stats(s);
	if (!(flags & IFF_LOOPBACK) && get_ifreq(name, SIOCGIFMAP, &ifr) == 0 &&
	    (ifr.ifr_map.irq || ifr.ifr_map.base_addr >= 0x100 || ifr.ifr_map.mem_start)) {
		printf("       ");
		if (ifr.ifr_map.irq)
			printf(" device interrupt %d ", ifr.ifr_map.irq);
		if (ifr.ifr_map.base_addr >= 0x100)
			printf(" base 0x%x ", ifr.ifr_map.base_addr);
		if (ifr.ifr_map.mem_start)
			printf(" memory 0x%lx ", ifr.ifr_map.mem_start);
		printf("\n");
	}
	printf("\n");
	return 0;
}

static void print_stats(const struct ifstats *s)
{
	char b1[32], b2[32];

	printf("        RX packets %llu  bytes %llu (%s)\n", s->rx_packets, s->rx_bytes,
	       human(s->rx_bytes, b1, sizeof(b1)));
	printf("        RX errors %llu  dropped %llu  overruns %llu  frame %llu\n", s->rx_errs, s->rx_drop,
	       s->rx_fifo, s->rx_frame);
	printf("        TX packets %llu  bytes %llu (%s)\n", s->tx_packets, s->tx_bytes,
	       human(s->tx_bytes, b2, sizeof(b2)));
	printf("        TX errors %llu  dropped %llu overruns %llu  carrier %llu  collisions %llu\n",
	       s->tx_errs, s->tx_drop, s->tx_fifo, s->tx_carrier, s->tx_colls);
}

static int set_addr(const char *name, unsigned long req, const char *what, const char *text)
{
	struct ifreq ifr;
	struct sockaddr_in *sin = (struct sockaddr_in *)&ifr.ifr_addr;

	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, IFNAMSIZ, "%s", name);
	sin->sin_family = AF_INET;
	if (!inet_aton(text, &sin->sin_addr)) {
		fprintf(stderr, "ifconfig: %s: host name lookup failure\n", text);
		return -1;
	}
	if (ioctl(skfd, req, &ifr) < 0) {
		fprintf(stderr, "%s: %s\n", what, strerror(errno));
		return -1;
	}
	return 0;
}

static int set_flag(const char *name, unsigned int set, unsigned int clear)
{
	struct ifreq ifr;

	if (get_ifreq(name, SIOCGIFFLAGS, &ifr) < 0) {
		fprintf(stderr, "%s: ERROR while getting interface flags: %s\n", name, strerror(errno));
		return -1;
	}
	ifr.ifr_flags = (ifr.ifr_flags | set) & ~clear;
	if (ioctl(skfd, SIOCSIFFLAGS, &ifr) < 0) {
		fprintf(stderr, "SIOCSIFFLAGS: %s\n", strerror(errno));
		return -1;
	}
	return 0;
}

static int configure(const char *name, int argc, char **argv)
{
	int i, err = 0;

	for (i = 0; i < argc && !err; i++) {
		if (!strcmp(argv[i], "up")) {
			err = set_flag(name, IFF_UP, 0);
		} else if (!strcmp(argv[i], "down")) {
			err = set_flag(name, 0, IFF_UP);
		} else if (!strcmp(argv[i], "netmask") && i + 1 < argc) {
			err = set_addr(name, SIOCSIFNETMASK, "SIOCSIFNETMASK", argv[++i]);
		} else if (!strcmp(argv[i], "broadcast") && i + 1 < argc) {
			err = set_addr(name, SIOCSIFBRDADDR, "SIOCSIFBRDADDR", argv[++i]);
		} else if (!strcmp(argv[i], "mtu") && i + 1 < argc) {
			struct ifreq ifr;

			memset(&ifr, 0, sizeof(ifr));
			snprintf(ifr.ifr_name, IFNAMSIZ, "%s", name);
			ifr.ifr_mtu = atoi(argv[++i]);
			if (ioctl(skfd, SIOCSIFMTU, &ifr) < 0) {
				fprintf(stderr, "SIOCSIFMTU: %s\n", strerror(errno));
				err = -1;
			}
		} else if (argv[i][0] >= '0' && argv[i][0] <= '9') {
			err = set_addr(name, SIOCSIFADDR, "SIOCSIFADDR", argv[i]);
		} else {
			fprintf(stderr, "ifconfig: unknown option '%s'\n", argv[i]);
			err = -1;
		}
	}
	return err ? 1 : 0;
}

int main(int argc, char **argv)
{
	char names[32][IFNAMSIZ];
	struct ifstats st[32];
	int all = 0, n, i, ret = 0;

	if (argc > 1 && !strcmp(argv[1], "-a")) {
		all = 1;
		argc--;
		argv++;
	}
	skfd = socket(AF_INET, SOCK_DGRAM, 0);
	if (skfd < 0) {
		perror("socket");
		return 1;
	}
	if (argc > 2)
		return configure(argv[1], argc - 2, argv + 2);
	n = read_proc_dev(argc > 1 ? argv[1] : NULL, names, st, 32);
	if (argc > 1)
		return show_iface(argv[1], n > 0 ? &st[0] : NULL, 1);
	if (n < 0) {
		perror("/proc/net/dev");
		return 1;
	}
	for (i = 0; i < n; i++)
		ret |= show_iface(names[i], &st[i], all);
	return ret;
}
