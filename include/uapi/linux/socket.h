/*
 * The socket ABI: address families, socket types and flags, MSG_* flags, SHUT_*, and the
 * structures passed across the system call boundary (sockaddr, linger, user_msghdr, cmsghdr).
 * Values are Linux's (include/linux/socket.h, include/linux/net.h). The kernel's own
 * <linux/socket.h> includes this file rather than defining these again.
 */
#ifndef _UAPI_LINUX_SOCKET_H
#define _UAPI_LINUX_SOCKET_H

#include "types.h"
#include "uio.h"
#include "../asm-generic/socket.h"

#define _K_SS_MAXSIZE	128	/* the size of the largest socket address */
#define __SOCK_SIZE__	16	/* sizeof(struct sockaddr) */

struct sockaddr {
	__kernel_sa_family_t sa_family;
	char sa_data[14];
};

struct __kernel_sockaddr_storage {
	union {
		struct {
			__kernel_sa_family_t ss_family;
			char __data[_K_SS_MAXSIZE - sizeof(unsigned short)];
		};
		void *__align;	/* sockaddr_storage is pointer-aligned */
	};
};

struct linger {
	int l_onoff;	/* linger active */
	int l_linger;	/* how many seconds to linger for */
};

/* sendmsg()/recvmsg() argument as user space lays it out (Linux: struct user_msghdr). */
struct user_msghdr {
	void __user *msg_name;
	int msg_namelen;
	struct iovec __user *msg_iov;
	__kernel_size_t msg_iovlen;
	void __user *msg_control;
	__kernel_size_t msg_controllen;
	unsigned int msg_flags;
};

struct cmsghdr {
	__kernel_size_t cmsg_len;	/* data byte count, including this header */
	int cmsg_level;
	int cmsg_type;
};

/* Address families. */
#define AF_UNSPEC	0
#define AF_UNIX		1
#define AF_LOCAL	AF_UNIX
#define AF_INET		2
#define AF_INET6	10
#define AF_NETLINK	16
#define AF_PACKET	17
#define AF_MAX		46

#define PF_UNSPEC	AF_UNSPEC
#define PF_UNIX		AF_UNIX
#define PF_LOCAL	AF_LOCAL
#define PF_INET		AF_INET
#define PF_INET6	AF_INET6
#define PF_NETLINK	AF_NETLINK
#define PF_PACKET	AF_PACKET
#define PF_MAX		AF_MAX

/* Socket types (enum sock_type in Linux's include/linux/net.h). */
#define SOCK_STREAM	1
#define SOCK_DGRAM	2
#define SOCK_RAW	3
#define SOCK_RDM	4
#define SOCK_SEQPACKET	5
#define SOCK_PACKET	10
#define SOCK_MAX	(SOCK_PACKET + 1)
#define SOCK_TYPE_MASK	0xf

/* Flags or-ed into the type argument of socket()/socketpair() and the flags of accept4(). */
#define SOCK_CLOEXEC	02000000	/* O_CLOEXEC */
#define SOCK_NONBLOCK	00004000	/* O_NONBLOCK */

/* Maximum listen() backlog. */
#define SOMAXCONN	4096

/* Flags of send/recv. */
#define MSG_OOB		0x1
#define MSG_PEEK	0x2
#define MSG_DONTROUTE	0x4
#define MSG_CTRUNC	0x8
#define MSG_PROBE	0x10
#define MSG_TRUNC	0x20
#define MSG_DONTWAIT	0x40
#define MSG_EOR		0x80
#define MSG_WAITALL	0x100
#define MSG_FIN		0x200
#define MSG_SYN		0x400
#define MSG_CONFIRM	0x800
#define MSG_RST		0x1000
#define MSG_ERRQUEUE	0x2000
#define MSG_NOSIGNAL	0x4000
#define MSG_MORE	0x8000
#define MSG_WAITFORONE	0x10000
#define MSG_CMSG_CLOEXEC 0x40000000

/* Levels of setsockopt/getsockopt other than SOL_SOCKET: the protocol numbers. */
#define SOL_IP		0
#define SOL_TCP		6
#define SOL_UDP		17
#define SOL_RAW		255

/* How of shutdown(). */
#define SHUT_RD		0
#define SHUT_WR		1
#define SHUT_RDWR	2

/* Ancillary data types at SOL_SOCKET. */
#define SCM_RIGHTS	0x01
#define SCM_CREDENTIALS	0x02

#endif
