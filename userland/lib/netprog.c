/* Helpers shared by the TCP programs: see netprog.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <netdb.h>
#include <arpa/inet.h>
#include "netprog.h"

int netprog_sockaddr(const char *prog, const char *host, const char *port, struct sockaddr_in *sa)
{
	char *end;
	unsigned long p = strtoul(port, &end, 10);

	memset(sa, 0, sizeof(*sa));
	sa->sin_family = AF_INET;
	if (!*port || *end || p == 0 || p > 65535) {
		fprintf(stderr, "%s: bad port '%s' (1-65535)\n", prog, port);
		return -1;
	}
	sa->sin_port = htons((unsigned short)p);
	if (inet_pton(AF_INET, host, &sa->sin_addr) == 1)
		return 0;
	{
		struct hostent *he = gethostbyname(host);

		if (he && he->h_addrtype == AF_INET && he->h_length == 4) {
			memcpy(&sa->sin_addr, he->h_addr_list[0], 4);
			return 0;
		}
	}
	fprintf(stderr, "%s: bad address '%s' (want a dotted quad such as 10.0.2.2)\n", prog, host);
	return -1;
}

void netprog_pattern(unsigned char *buf, size_t len, unsigned long long offset)
{
	unsigned int v = (unsigned int)(offset % 251);
	size_t i;

	for (i = 0; i < len; i++) {
		buf[i] = (unsigned char)v;
		if (++v == 251)
			v = 0;
	}
}

double netprog_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}
