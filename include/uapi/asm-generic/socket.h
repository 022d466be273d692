/* SOL_SOCKET level option names with Linux's (non-MIPS/SPARC/PARISC) values. */
#ifndef _UAPI_ASM_GENERIC_SOCKET_H
#define _UAPI_ASM_GENERIC_SOCKET_H

#define SOL_SOCKET	1

#define SO_DEBUG	1
#define SO_REUSEADDR	2
#define SO_TYPE		3
#define SO_ERROR	4
#define SO_DONTROUTE	5
#define SO_BROADCAST	6
#define SO_SNDBUF	7
#define SO_RCVBUF	8
#define SO_KEEPALIVE	9
#define SO_OOBINLINE	10
#define SO_NO_CHECK	11
#define SO_PRIORITY	12
#define SO_LINGER	13
#define SO_BSDCOMPAT	14
#define SO_REUSEPORT	15
#define SO_PASSCRED	16
#define SO_PEERCRED	17
#define SO_RCVLOWAT	18
#define SO_SNDLOWAT	19
#define SO_RCVTIMEO_OLD	20
#define SO_SNDTIMEO_OLD	21
#define SO_BINDTODEVICE	25
#define SO_TIMESTAMP_OLD 29
#define SO_ACCEPTCONN	30
#define SO_SNDBUFFORCE	32
#define SO_RCVBUFFORCE	33
#define SO_PROTOCOL	38
#define SO_DOMAIN	39

/* On 64-bit the "old" timeval layout is the only one: struct timeval of two longs. */
#define SO_RCVTIMEO	SO_RCVTIMEO_OLD
#define SO_SNDTIMEO	SO_SNDTIMEO_OLD
#define SO_TIMESTAMP	SO_TIMESTAMP_OLD

#endif
