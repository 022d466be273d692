/* ARP as user space sees it: hardware types, opcodes, the ARP header (RFC 826), and struct arpreq for SIOC[SGD]ARP. */
#ifndef _UAPI_LINUX_IF_ARP_H
#define _UAPI_LINUX_IF_ARP_H

#include "types.h"
#include "socket.h"
#include "if.h"

/* ARP protocol hardware identifiers. */
#define ARPHRD_NETROM	0
#define ARPHRD_ETHER	1		/* Ethernet 10/100Mbps */
#define ARPHRD_LOOPBACK	772
#define ARPHRD_NONE	0xFFFE
#define ARPHRD_VOID	0xFFFF

/* ARP protocol opcodes. */
#define ARPOP_REQUEST	1
#define ARPOP_REPLY	2
#define ARPOP_RREQUEST	3
#define ARPOP_RREPLY	4

/* SIOCSARP/SIOCGARP/SIOCDARP argument. */
struct arpreq {
	struct sockaddr arp_pa;		/* protocol address */
	struct sockaddr arp_ha;		/* hardware address */
	int arp_flags;
	struct sockaddr arp_netmask;
	char arp_dev[IFNAMSIZ];
};

/* arp_flags */
#define ATF_COM		0x02		/* completed entry (ha valid) */
#define ATF_PERM	0x04		/* permanent entry */
#define ATF_PUBL	0x08		/* publish entry */
#define ATF_USETRAILERS	0x10
#define ATF_NETMASK	0x20		/* use a netmask (proxy ARP) */
#define ATF_DONTPUB	0x40

/* RFC 826: the fixed part of an ARP packet; addresses follow, ar_hln and ar_pln bytes each. */
struct arphdr {
	__be16 ar_hrd;		/* format of hardware address */
	__be16 ar_pro;		/* format of protocol address */
	unsigned char ar_hln;	/* length of hardware address */
	unsigned char ar_pln;	/* length of protocol address */
	__be16 ar_op;		/* ARP opcode */
};

#endif
