/*
 * Flow keys: what a route lookup is asked for (ip_route_output_flow(net, fl4, sk)). A socket fills a
 * struct flowi4 from its addresses and ports; the routing code answers with a struct rtable.
 * Field names are Linux's (include/net/flow.h) so `p *fl4` in gdb reads the same.
 */
#ifndef _NET_FLOW_H
#define _NET_FLOW_H

#include <linux/types.h>
#include <uapi/linux/types.h>	/* __u8/__u32 */

#define FLOWI_FLAG_ANYSRC	0x01	/* source address need not be ours (ping/raw with hdrincl) */
#define FLOWI_FLAG_KNOWN_NH	0x02

struct flowi_common {
	int	flowic_oif;
	int	flowic_iif;
	__u32	flowic_mark;
	__u8	flowic_tos;
	__u8	flowic_scope;
	__u8	flowic_proto;
	__u8	flowic_flags;
};

union flowi_uli {
	struct {
		__be16	dport;
		__be16	sport;
	} ports;
	struct {
		__u8	type;
		__u8	code;
	} icmpt;
};

struct flowi4 {
	struct flowi_common	__fl_common;
#define flowi4_oif		__fl_common.flowic_oif
#define flowi4_iif		__fl_common.flowic_iif
#define flowi4_mark		__fl_common.flowic_mark
#define flowi4_tos		__fl_common.flowic_tos
#define flowi4_scope		__fl_common.flowic_scope
#define flowi4_proto		__fl_common.flowic_proto
#define flowi4_flags		__fl_common.flowic_flags
	__be32			saddr;
	__be32			daddr;
	union flowi_uli		uli;
#define fl4_sport		uli.ports.sport
#define fl4_dport		uli.ports.dport
#define fl4_icmp_type		uli.icmpt.type
#define fl4_icmp_code		uli.icmpt.code
};

struct flowi {
	union {
		struct flowi_common	__fl_common;
		struct flowi4		ip4;
	} u;
};

/* RT_SCOPE_* values used in flowi4_scope (include/uapi/linux/rtnetlink.h in Linux). */
#ifndef RT_SCOPE_UNIVERSE
#define RT_SCOPE_UNIVERSE	0
#define RT_SCOPE_LINK		253
#define RT_SCOPE_HOST		254
#endif

static inline void flowi4_init_output(struct flowi4 *fl4, int oif, __u32 mark, __u8 tos, __u8 scope,
				      __u8 proto, __u8 flags, __be32 daddr, __be32 saddr,
				      __be16 dport, __be16 sport)
{
	fl4->flowi4_oif = oif;
	fl4->flowi4_iif = 0;
	fl4->flowi4_mark = mark;
	fl4->flowi4_tos = tos;
	fl4->flowi4_scope = scope;
	fl4->flowi4_proto = proto;
	fl4->flowi4_flags = flags;
	fl4->daddr = daddr;
	fl4->saddr = saddr;
	fl4->fl4_dport = dport;
	fl4->fl4_sport = sport;
}

#endif
