/* The old BSD-style routing ioctls (SIOCADDRT/SIOCDELRT) that route(8) uses: struct rtentry, RTF_* flags. */
#ifndef _UAPI_LINUX_ROUTE_H
#define _UAPI_LINUX_ROUTE_H

#include "types.h"
#include "socket.h"

struct rtentry {
	unsigned long rt_pad1;
	struct sockaddr rt_dst;		/* target address */
	struct sockaddr rt_gateway;	/* gateway addr (RTF_GATEWAY) */
	struct sockaddr rt_genmask;	/* target network mask */
	unsigned short rt_flags;
	short rt_pad2;
	unsigned long rt_pad3;
	void *rt_pad4;
	short rt_metric;		/* +1 for binary compatibility */
	char __user *rt_dev;		/* forcing the device at add */
	unsigned long rt_mtu;		/* per route MTU/window */
	unsigned long rt_window;	/* window clamping */
	unsigned short rt_irtt;		/* initial RTT */
};

#define rt_mss	rt_mtu

#define RTF_UP		0x0001		/* route usable */
#define RTF_GATEWAY	0x0002		/* destination is a gateway */
#define RTF_HOST	0x0004		/* host entry (net otherwise) */
#define RTF_REINSTATE	0x0008
#define RTF_DYNAMIC	0x0010		/* created dynamically (by redirect) */
#define RTF_MODIFIED	0x0020		/* modified dynamically (by redirect) */
#define RTF_MTU		0x0040		/* specific MTU for this route */
#define RTF_MSS		RTF_MTU
#define RTF_WINDOW	0x0080		/* per route window clamping */
#define RTF_IRTT	0x0100		/* initial round trip time */
#define RTF_REJECT	0x0200		/* reject route */

#endif
