/* ICMP header and types (the kernel's struct icmphdr). */
#ifndef _NETINET_IP_ICMP_H
#define _NETINET_IP_ICMP_H

#include <netinet/ip.h>
#include <linux/icmp.h>

#endif
