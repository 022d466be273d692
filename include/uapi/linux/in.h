/* IPv4 addresses as user space passes them: struct in_addr, struct sockaddr_in, IPPROTO_*, INADDR_*, IP_* options. */
#ifndef _UAPI_LINUX_IN_H
#define _UAPI_LINUX_IN_H

#include "types.h"
#include "socket.h"

/* IP protocol numbers (IANA "Assigned Internet Protocol Numbers"). */
#define IPPROTO_IP	0
#define IPPROTO_ICMP	1
#define IPPROTO_IGMP	2
#define IPPROTO_IPIP	4
#define IPPROTO_TCP	6
#define IPPROTO_EGP	8
#define IPPROTO_PUP	12
#define IPPROTO_UDP	17
#define IPPROTO_IDP	22
#define IPPROTO_IPV6	41
#define IPPROTO_GRE	47
#define IPPROTO_ESP	50
#define IPPROTO_AH	51
#define IPPROTO_ICMPV6	58
#define IPPROTO_SCTP	132
#define IPPROTO_UDPLITE	136
#define IPPROTO_RAW	255
#define IPPROTO_MAX	256

struct in_addr {
	__be32 s_addr;
};

struct sockaddr_in {
	__kernel_sa_family_t sin_family;	/* AF_INET */
	__be16 sin_port;			/* port in network byte order */
	struct in_addr sin_addr;		/* address in network byte order */
	/* pad to sizeof(struct sockaddr) */
	unsigned char sin_zero[__SOCK_SIZE__ - sizeof(short) - sizeof(unsigned short) -
			       sizeof(struct in_addr)];
};

/* IPPROTO_IP level socket options. */
#define IP_TOS			1
#define IP_TTL			2
#define IP_HDRINCL		3
#define IP_OPTIONS		4
#define IP_RECVOPTS		6
#define IP_RETOPTS		7
#define IP_PKTINFO		8
#define IP_MTU_DISCOVER		10
#define IP_RECVERR		11
#define IP_RECVTTL		12
#define IP_RECVTOS		13
#define IP_MTU			14
#define IP_MULTICAST_IF		32
#define IP_MULTICAST_TTL	33
#define IP_MULTICAST_LOOP	34
#define IP_ADD_MEMBERSHIP	35
#define IP_DROP_MEMBERSHIP	36

/* Values of IP_MTU_DISCOVER. */
#define IP_PMTUDISC_DONT	0
#define IP_PMTUDISC_WANT	1
#define IP_PMTUDISC_DO		2
#define IP_PMTUDISC_PROBE	3

/* Special addresses, in host byte order (use htonl). */
#define INADDR_ANY		((unsigned long int)0x00000000)
#define INADDR_BROADCAST	((unsigned long int)0xffffffff)
#define INADDR_NONE		((unsigned long int)0xffffffff)
#define INADDR_LOOPBACK		0x7f000001	/* 127.0.0.1 */
#define INADDR_UNSPEC_GROUP	0xe0000000U	/* 224.0.0.0 */
#define INADDR_ALLHOSTS_GROUP	0xe0000001U	/* 224.0.0.1 */
#define INADDR_MAX_LOCAL_GROUP	0xe00000ffU	/* 224.0.0.255 */

#define IN_LOOPBACKNET		127
#define IN_LOOPBACK(a)		((((long int)(a)) & 0xff000000) == 0x7f000000)
#define IN_MULTICAST(a)		((((long int)(a)) & 0xf0000000) == 0xe0000000)
#define IN_BADCLASS(a)		((((long int)(a)) & 0xf0000000) == 0xf0000000)

#endif
