/* The IPv4 header (RFC 791 3.1), as raw sockets deliver it. */
#ifndef _NETINET_IP_H
#define _NETINET_IP_H

#include <stdint.h>
#include <netinet/in.h>

struct iphdr {
	uint8_t ihl:4,		/* header length in 32-bit words */
		version:4;
	uint8_t tos;
	uint16_t tot_len;
	uint16_t id;
	uint16_t frag_off;
	uint8_t ttl;
	uint8_t protocol;
	uint16_t check;
	uint32_t saddr;
	uint32_t daddr;
};

#define IPVERSION	4
#define IP_MAXPACKET	65535
#define IP_RF		0x8000	/* reserved fragment flag */
#define IP_DF		0x4000	/* don't fragment */
#define IP_MF		0x2000	/* more fragments */
#define IP_OFFMASK	0x1fff
#define MAXTTL		255
#define IPDEFTTL	64

#endif
