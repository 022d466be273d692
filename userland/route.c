/*
 * route: show and change the IPv4 routing table, as net-tools' route does: /proc/net/route to
 * show, SIOCADDRT/SIOCDELRT with a struct rtentry to change.
 *
 *   route [-n]
 *   route add|del default gw GW [dev IF] [metric N]
 *   route add|del -net NET netmask MASK [gw GW] [dev IF] [metric N]     (or -net NET/LEN)
 *   route add|del -host HOST [gw GW] [dev IF]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <net/route.h>

static const char *ip_str(unsigned int addr, char *buf)
{
	struct in_addr a = { .s_addr = addr };

	snprintf(buf, 16, "%s", inet_ntoa(a));
	return buf;
}

static int show(int numeric)
{
	FILE *f = fopen("/proc/net/route", "r");
	char line[256];

	if (!f) {
		perror("/proc/net/route");
		return 1;
	}
	printf("Kernel IP routing table\n");
	printf("Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n");
	if (!fgets(line, sizeof(line), f)) {	/* header */
		fclose(f);
		return 0;
	}
	while (fgets(line, sizeof(line), f)) {
		char iface[IFNAMSIZ + 1], flagstr[8], d[16], g[16], m[16];
		unsigned int dst, gw, flags, mask, refcnt, use, mtu, window, irtt;
		int metric, k = 0;

		if (sscanf(line, "%16s %x %x %x %u %u %d %x %u %u %u", iface, &dst, &gw, &flags, &refcnt, &use,
			   &metric, &mask, &mtu, &window, &irtt) != 11)
			continue;
		if (!(flags & RTF_UP))
			continue;
		flagstr[k++] = 'U';
		if (flags & RTF_GATEWAY)
			flagstr[k++] = 'G';
		if (flags & RTF_HOST)
			flagstr[k++] = 'H';
		if (flags & RTF_REJECT)
			flagstr[k++] = '!';
		flagstr[k] = 0;
		ip_str(dst, d);
		printf("%-15s %-15s %-15s %-5s %-6d %-2u %7u %s\n", !numeric && !dst && !mask ? "default" : d,
		       ip_str(gw, g), ip_str(mask, m), flagstr, metric, refcnt, use, iface);
	}
	fclose(f);
	return 0;
}

static int parse_addr(const char *s, struct sockaddr *sa)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)sa;

	memset(sin, 0, sizeof(*sin));
	sin->sin_family = AF_INET;
	if (!strcmp(s, "default"))
		return 0;
	return inet_aton(s, &sin->sin_addr) ? 0 : -1;
}

static int usage(void)
{
	fprintf(stderr, "Usage: route [-n]\n"
		"       route {add|del} default gw GW [dev IF] [metric N]\n"
		"       route {add|del} -net NET netmask MASK [gw GW] [dev IF] [metric N]\n"
		"       route {add|del} -host HOST [gw GW] [dev IF]\n");
	return 2;
}

static int change(int add, int argc, char **argv)
{
	struct rtentry rt;
	char devname[IFNAMSIZ] = "";
	int i = 0, have_mask = 0;

	memset(&rt, 0, sizeof(rt));
	rt.rt_flags = RTF_UP;
	if (i < argc && !strcmp(argv[i], "-host")) {
		rt.rt_flags |= RTF_HOST;
		i++;
	} else if (i < argc && !strcmp(argv[i], "-net")) {
		i++;
	}
	if (i >= argc)
		return usage();
	{
		char target[64], *slash;

		snprintf(target, sizeof(target), "%s", argv[i++]);
		slash = strchr(target, '/');
		if (slash) {
			int len = atoi(slash + 1);
			struct sockaddr_in *m = (struct sockaddr_in *)&rt.rt_genmask;

			*slash = 0;
			if (len < 0 || len > 32)
				return usage();
			m->sin_family = AF_INET;
			m->sin_addr.s_addr = len ? htonl(~0U << (32 - len)) : 0;
			have_mask = 1;
		}
		if (parse_addr(target, &rt.rt_dst)) {
			fprintf(stderr, "route: %s: bad address\n", target);
			return 1;
		}
		if (!strcmp(target, "default"))
			have_mask = 1, rt.rt_genmask.sa_family = AF_INET;
	}
	while (i < argc) {
		const char *opt = argv[i++];

		if (i >= argc)
			return usage();
		if (!strcmp(opt, "gw")) {
			if (parse_addr(argv[i++], &rt.rt_gateway))
				return usage();
			rt.rt_flags |= RTF_GATEWAY;
		} else if (!strcmp(opt, "netmask")) {
			if (parse_addr(argv[i++], &rt.rt_genmask))
				return usage();
			have_mask = 1;
		} else if (!strcmp(opt, "dev")) {
			snprintf(devname, sizeof(devname), "%s", argv[i++]);
			rt.rt_dev = devname;
		} else if (!strcmp(opt, "metric")) {
			rt.rt_metric = atoi(argv[i++]) + 1;	/* the kernel subtracts 1 (BSD compatibility) */
		} else {
			return usage();
		}
	}
	if (!have_mask && !(rt.rt_flags & RTF_HOST)) {
		struct sockaddr_in *m = (struct sockaddr_in *)&rt.rt_genmask;

		m->sin_family = AF_INET;
		m->sin_addr.s_addr = 0xffffffff;	/* a -net without a mask is a /32, as net-tools */
	}
	if (ioctl(socket(AF_INET, SOCK_DGRAM, 0), add ? SIOCADDRT : SIOCDELRT, &rt) < 0) {
		fprintf(stderr, "%s: %s\n", add ? "SIOCADDRT" : "SIOCDELRT",
			errno == ESRCH ? "No such process" : strerror(errno));
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 1)
		return show(0);
	if (argc == 2 && !strcmp(argv[1], "-n"))
		return show(1);
	if (!strcmp(argv[1], "add"))
		return change(1, argc - 2, argv + 2);
	if (!strcmp(argv[1], "del"))
		return change(0, argc - 2, argv + 2);
	return usage();
}
