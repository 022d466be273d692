/* Boot-time IP configuration (net/ipv4/ipconfig.c): ip= on the command line, else DHCP. */
#ifndef _NET_IPCONFIG_H
#define _NET_IPCONFIG_H

#include <linux/types.h>

extern __be32 ic_myaddr;		/* our address, once configured */
extern __be32 ic_netmask;
extern __be32 ic_gateway;
extern __be32 ic_servaddr;		/* the DHCP server */
extern __be32 ic_nameservers[2];

/* Configures the boot interface; run once as a late_initcall. */
int ip_auto_config(void);

#endif
