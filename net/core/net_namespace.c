/*
 * The one network namespace (Linux net/core/net_namespace.c creates many). Its tunables start at
 * Linux's defaults; functions keep their `struct net *net` arguments so they read as Linux's.
 */
#include <net/net_namespace.h>
#include <net/sock.h>
#include <uapi/linux/socket.h>

struct net init_net = {
	.core = {
		.sysctl_somaxconn	= SOMAXCONN,
		.sysctl_wmem_max	= SK_WMEM_MAX,
		.sysctl_rmem_max	= SK_RMEM_MAX,
		.sysctl_wmem_default	= SK_WMEM_MAX,
		.sysctl_rmem_default	= SK_RMEM_MAX,
	},
	.ipv4 = {
		.ip_local_ports.range	= { 32768, 60999 },
		.sysctl_udp_rmem_min	= 4096,
		.sysctl_udp_wmem_min	= 4096,
	},
};
