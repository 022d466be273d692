/* Ethernet addresses. */
#ifndef _NET_ETHERNET_H
#define _NET_ETHERNET_H

#include <stdint.h>

#define ETH_ALEN	6
#define ETHER_ADDR_LEN	ETH_ALEN

struct ether_addr {
	uint8_t ether_addr_octet[ETH_ALEN];
};

#endif
