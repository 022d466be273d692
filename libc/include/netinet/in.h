/* Internet addresses: struct sockaddr_in and friends from the kernel, byte-order helpers. */
#ifndef _NETINET_IN_H
#define _NETINET_IN_H

#include <features.h>
#include <stdint.h>
#include <sys/socket.h>
#include <linux/in.h>

__BEGIN_DECLS

typedef uint16_t in_port_t;
typedef uint32_t in_addr_t;

#define INET_ADDRSTRLEN		16
#define INET6_ADDRSTRLEN	46
#define IPPORT_RESERVED		1024

/* x86_64 is little-endian: network order means swapping. */
static inline uint16_t htons(uint16_t x) { return __builtin_bswap16(x); }
static inline uint16_t ntohs(uint16_t x) { return __builtin_bswap16(x); }
static inline uint32_t htonl(uint32_t x) { return __builtin_bswap32(x); }
static inline uint32_t ntohl(uint32_t x) { return __builtin_bswap32(x); }

__END_DECLS

#endif
