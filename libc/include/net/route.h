/* Routing table ioctls (struct rtentry). */
#ifndef _NET_ROUTE_H
#define _NET_ROUTE_H

#include <sys/socket.h>
#include <linux/route.h>

#endif
