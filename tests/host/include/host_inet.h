/*
 * Host tests of the IP layers: boot the stack (host_net_setup runs inet_init and the rest) and
 * add a fake Ethernet NIC with an address. Helpers to build frames byte by byte.
 */
#ifndef _HOST_INET_H
#define _HOST_INET_H

#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/inetdevice.h>
#include <linux/ip.h>
#include <linux/icmp.h>
#include <linux/udp.h>
#include <net/ip.h>
#include <net/arp.h>
#include <net/route.h>
#include <net/ip_fib.h>
#include <net/icmp.h>
#include <net/protocol.h>
#include <net/checksum.h>
#include "host.h"
#include "host_netdev.h"

/* Our NIC (eth0-like) and a peer on its link. */
extern const u8 host_mac[6], peer_mac[6], bcast_mac[6];
#define HOST_IP		htonl(0x0a000002)	/* 10.0.0.2/24 */
#define PEER_IP		htonl(0x0a000001)	/* 10.0.0.1 */
#define HOST_MASK	htonl(0xffffff00)

/* Boots the stack: all initcalls, inet_init among them. */
void host_inet_init(void);
/* Boots the stack once; then creates the NIC with HOST_IP/24, drains the gratuitous ARP. */
struct net_device *host_inet_nic(void);
void host_inet_nic_destroy(struct net_device *dev);

/* A frame buffer placed so that the IP header after the 14-byte Ethernet header is 4-aligned,
 * as NIC drivers arrange it (NET_IP_ALIGN). */
#define HOST_FRAME(name, size) \
	u8 name##_buf[(size) + 2] __aligned(8); \
	u8 *name = name##_buf + 2

/* Writes an Ethernet + IPv4 header (valid checksum, DF clear, TTL 64) in front of payload len
 * bytes at frame + 34; returns the frame length. */
unsigned int host_build_ipv4(u8 *frame, const u8 *dst_mac, const u8 *src_mac, __be32 saddr, __be32 daddr,
			     u8 protocol, unsigned int payload_len);
/* ARP packet (RFC 826) for Ethernet/IPv4 into frame; returns 42. */
unsigned int host_build_arp(u8 *frame, u16 op, const u8 *sha, __be32 sip, const u8 *tha, __be32 tip,
			    const u8 *eth_dst);
/* Teaches arp_tbl that ip is at mac (REACHABLE), as a reply would. */
void host_learn_neigh(struct net_device *dev, __be32 ip, const u8 *mac);

#endif
