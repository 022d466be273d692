/* ARP cache ioctls (struct arpreq) and the ARP header. */
#ifndef _NET_IF_ARP_H
#define _NET_IF_ARP_H

#include <sys/socket.h>
#include <linux/if_arp.h>

#endif
