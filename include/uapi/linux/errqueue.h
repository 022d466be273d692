/*
 * The error queue of a socket (IP_RECVERR): recvmsg(..., MSG_ERRQUEUE) returns the offending
 * packet's payload and an IP_RECVERR control message holding this structure, followed by the
 * address of the host that reported the error (SO_EE_OFFENDER). Linux's layout and values.
 */
#ifndef _UAPI_LINUX_ERRQUEUE_H
#define _UAPI_LINUX_ERRQUEUE_H

#include "types.h"

struct sock_extended_err {
	__u32	ee_errno;	/* ECONNREFUSED, EHOSTUNREACH ... */
	__u8	ee_origin;	/* SO_EE_ORIGIN_* */
	__u8	ee_type;	/* ICMP type */
	__u8	ee_code;	/* ICMP code */
	__u8	ee_pad;
	__u32	ee_info;	/* the MTU for ICMP_FRAG_NEEDED */
	__u32	ee_data;
};

#define SO_EE_ORIGIN_NONE	0
#define SO_EE_ORIGIN_LOCAL	1
#define SO_EE_ORIGIN_ICMP	2
#define SO_EE_ORIGIN_ICMP6	3

#define SO_EE_OFFENDER(ee)	((struct sockaddr *)((ee) + 1))

#endif
