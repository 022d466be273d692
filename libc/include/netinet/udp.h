/* The UDP header (RFC 768), with Linux's field names. */
#ifndef _NETINET_UDP_H
#define _NETINET_UDP_H

#include <stdint.h>

struct udphdr {
	uint16_t source;
	uint16_t dest;
	uint16_t len;
	uint16_t check;
};

#endif
