/*
 * arp: show and change the ARP cache, as net-tools' arp does: /proc/net/arp to show,
 * SIOCSARP/SIOCDARP with a struct arpreq to change.
 *
 *   arp [-n]               table (Address HWtype HWaddress Flags Mask Iface)
 *   arp -a                 BSD style: ? (10.0.2.2) at 52:55:0a:00:02:02 [ether] on eth0
 *   arp -s IP MAC [-i IF] [temp]     add a (permanent unless temp) entry
 *   arp -d IP [-i IF]                delete an entry
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
#include <net/if_arp.h>

static int show(int bsd)
{
	FILE *f = fopen("/proc/net/arp", "r");
	char line[256];
	int n = 0;

	if (!f) {
		perror("/proc/net/arp");
		return 1;
	}
	if (!fgets(line, sizeof(line), f)) {
		fclose(f);
		return 0;
	}
	while (fgets(line, sizeof(line), f)) {
		char ip[32], hw[32], mask[32], dev[IFNAMSIZ + 1], flagstr[4];
		unsigned int type, flags;
		int k = 0;

		if (sscanf(line, "%31s 0x%x 0x%x %31s %31s %16s", ip, &type, &flags, hw, mask, dev) != 6)
			continue;
		if (!n++ && !bsd)
			printf("Address                  HWtype  HWaddress           Flags Mask            Iface\n");
		if (bsd) {
			if (flags & ATF_COM)
				printf("? (%s) at %s [ether]%s on %s\n", ip, hw, flags & ATF_PERM ? " PERM" : "", dev);
			else
				printf("? (%s) at <incomplete> on %s\n", ip, dev);
			continue;
		}
		if (flags & ATF_COM)
			flagstr[k++] = 'C';
		if (flags & ATF_PERM)
			flagstr[k++] = 'M';
		if (flags & ATF_PUBL)
			flagstr[k++] = 'P';
		flagstr[k] = 0;
		if (flags & ATF_COM)
			printf("%-24s %-7s %-19s %-5s %-15s %s\n", ip, "ether", hw, flagstr, "", dev);
		else
			printf("%-24s %-7s %-19s %-5s %-15s %s\n", ip, "", "(incomplete)", flagstr, "", dev);
	}
	fclose(f);
	return 0;
}

static int parse_mac(const char *s, unsigned char *mac)
{
	unsigned int b[6];
	int i;

	if (sscanf(s, "%x:%x:%x:%x:%x:%x", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5]) != 6)
		return -1;
	for (i = 0; i < 6; i++) {
		if (b[i] > 255)
			return -1;
		mac[i] = b[i];
	}
	return 0;
}

static int usage(void)
{
	fprintf(stderr, "Usage: arp [-n] | arp -a | arp -s IP MAC [-i IF] [temp] | arp -d IP [-i IF]\n");
	return 2;
}

static int change(int cmd, int argc, char **argv)
{
	struct arpreq req;
	struct sockaddr_in *sin = (struct sockaddr_in *)&req.arp_pa;
	int i, temp = 0;

	memset(&req, 0, sizeof(req));
	sin->sin_family = AF_INET;
	if (argc < 1 || !inet_aton(argv[0], &sin->sin_addr)) {
		fprintf(stderr, "arp: %s: Unknown host\n", argc ? argv[0] : "");
		return 1;
	}
	i = 1;
	if (cmd == SIOCSARP) {
		if (argc < 2 || parse_mac(argv[1], (unsigned char *)req.arp_ha.sa_data)) {
			fprintf(stderr, "arp: invalid hardware address\n");
			return 1;
		}
		req.arp_ha.sa_family = ARPHRD_ETHER;
		i = 2;
	}
	for (; i < argc; i++) {
		if (!strcmp(argv[i], "-i") && i + 1 < argc)
			snprintf(req.arp_dev, sizeof(req.arp_dev), "%s", argv[++i]);
		else if (!strcmp(argv[i], "temp"))
			temp = 1;
		else if (strcmp(argv[i], "pub"))
			return usage();
	}
	req.arp_flags = ATF_COM | (temp ? 0 : ATF_PERM);
	if (ioctl(socket(AF_INET, SOCK_DGRAM, 0), cmd, &req) < 0) {
		if (cmd == SIOCDARP && errno == ENXIO)
			fprintf(stderr, "No ARP entry for %s\n", argv[0]);
		else
			fprintf(stderr, "%s: %s\n", cmd == SIOCSARP ? "SIOCSARP" : "SIOCDARP", strerror(errno));
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 1 || (argc == 2 && !strcmp(argv[1], "-n")))
		return show(0);
	if (argc == 2 && !strcmp(argv[1], "-a"))
		return show(1);
	if (!strcmp(argv[1], "-s"))
		return change(SIOCSARP, argc - 2, argv + 2);
	if (!strcmp(argv[1], "-d"))
		return change(SIOCDARP, argc - 2, argv + 2);
	return usage();
}
