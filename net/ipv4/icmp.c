/*
 * ICMP, RFC 792 (net/ipv4/icmp.c). icmp_rcv is inet_protos[IPPROTO_ICMP]->handler: it checks the
 * checksum, then dispatches by type through icmp_pointers[]: echo requests are answered
 * (icmp_echo -> icmp_reply), errors (destination unreachable, time exceeded, parameter problem)
 * go to the err_handler of the protocol that sent the quoted packet (icmp_unreach ->
 * icmp_socket_deliver), echo replies to ping sockets. __icmp_send generates errors for the rest
 * of the stack, never about errors, broadcasts or non-first fragments (RFC 1122 3.2.2), and rate
 * limited per destination (RFC 1812 4.3.2.8).
 */
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/jiffies.h>
#include <linux/inetdevice.h>
#include <net/icmp.h>
#include <net/inet_sock.h>
#include <net/ip.h>
#include <net/route.h>
#include <net/protocol.h>
#include <net/checksum.h>
#include <net/ping.h>

int sysctl_icmp_ratelimit = 1000;		/* ms per token, per destination */
int sysctl_icmp_msgs_per_sec = 1000;
int sysctl_icmp_echo_ignore_all;
static int sysctl_icmp_echo_ignore_broadcasts = 1;

const struct icmp_err icmp_err_convert[] = {
	{ ENETUNREACH, 0 },	/* ICMP_NET_UNREACH */
	{ EHOSTUNREACH, 0 },	/* ICMP_HOST_UNREACH */
	{ ENOPROTOOPT, 1 },	/* ICMP_PROT_UNREACH */
	{ ECONNREFUSED, 1 },	/* ICMP_PORT_UNREACH */
	{ EMSGSIZE, 0 },	/* ICMP_FRAG_NEEDED */
	{ EOPNOTSUPP, 0 },	/* ICMP_SR_FAILED */
	{ ENETUNREACH, 1 },	/* ICMP_NET_UNKNOWN */
	{ EHOSTDOWN, 1 },	/* ICMP_HOST_UNKNOWN */
	{ EHOSTUNREACH, 1 },	/* ICMP_HOST_ISOLATED */
	{ ENETUNREACH, 1 },	/* ICMP_NET_ANO */
	{ EHOSTUNREACH, 1 },	/* ICMP_HOST_ANO */
	{ ENETUNREACH, 0 },	/* ICMP_NET_UNR_TOS */
	{ EHOSTUNREACH, 0 },	/* ICMP_HOST_UNR_TOS */
	{ EHOSTUNREACH, 1 },	/* ICMP_PKT_FILTERED */
	{ EHOSTUNREACH, 1 },	/* ICMP_PREC_VIOLATION */
	{ EHOSTUNREACH, 1 },	/* ICMP_PREC_CUTOFF */
};

int icmp_err_to_sk_errno(const struct sock *sk, int type, int code, bool *harderr)
{
	*harderr = false;
	switch (type) {
	case ICMP_SOURCE_QUENCH:	/* deprecated by RFC 6633: no meaning for the sender */
	case ICMP_REDIRECT:		/* the route changes; the datagram was still delivered */
		return 0;
	case ICMP_PARAMETERPROB:
		*harderr = true;
		return EPROTO;
	case ICMP_DEST_UNREACH:
		if (code == ICMP_FRAG_NEEDED) {
			/* Only a socket doing path MTU discovery (DF set) learns that it sent too much. */
			if (inet_sk(sk)->pmtudisc == IP_PMTUDISC_DONT)
				return 0;
			*harderr = true;
			return EMSGSIZE;
		}
		if (code <= NR_ICMP_UNREACH) {
			*harderr = icmp_err_convert[code].fatal;
			return icmp_err_convert[code].errno;
		}
		return EHOSTUNREACH;
	default:			/* time exceeded and anything unknown */
		return EHOSTUNREACH;
	}
}

/* One ICMP message being built: its header and where its data comes from. */
struct icmp_bxm {
	struct sk_buff *skb;		/* data source */
	int offset;			/* of the data in skb, from skb->data */
	int data_len;
	struct icmphdr icmph;
};

struct icmp_control {
	bool (*handler)(struct sk_buff *skb);
	short error;			/* this type is an error message */
};

static const struct icmp_control icmp_pointers[NR_ICMP_TYPES + 1];

static void icmp_out_count(struct net *net, unsigned char type)
{
	static const int out_mib[NR_ICMP_TYPES + 1] = {
		[ICMP_ECHOREPLY] = ICMP_MIB_OUTECHOREPS,
		[ICMP_DEST_UNREACH] = ICMP_MIB_OUTDESTUNREACHS,
		[ICMP_SOURCE_QUENCH] = ICMP_MIB_OUTSRCQUENCHS,
		[ICMP_REDIRECT] = ICMP_MIB_OUTREDIRECTS,
		[ICMP_ECHO] = ICMP_MIB_OUTECHOS,
		[ICMP_TIME_EXCEEDED] = ICMP_MIB_OUTTIMEEXCDS,
		[ICMP_PARAMETERPROB] = ICMP_MIB_OUTPARMPROBS,
		[ICMP_TIMESTAMP] = ICMP_MIB_OUTTIMESTAMPS,
		[ICMP_TIMESTAMPREPLY] = ICMP_MIB_OUTTIMESTAMPREPS,
		[ICMP_ADDRESS] = ICMP_MIB_OUTADDRMASKS,
		[ICMP_ADDRESSREPLY] = ICMP_MIB_OUTADDRMASKREPS,
	};

	ICMPMSGOUT_INC_STATS(net, type);
	ICMP_INC_STATS(net, ICMP_MIB_OUTMSGS);
	if (type <= NR_ICMP_TYPES && out_mib[type])
		ICMP_INC_STATS(net, out_mib[type]);
}

/* getfrag for ip_make_skb: the ICMP header, then data_len bytes from the source skb. */
static int icmp_glue_bits(void *from, char *to, int offset, int len, int odd, struct sk_buff *skb)
{
	struct icmp_bxm *icmp_param = from;
	int hlen = sizeof(struct icmphdr);

	while (len > 0 && offset < hlen) {
		*to++ = ((char *)&icmp_param->icmph)[offset++];
		len--;
	}
	if (len > 0)
		return skb_copy_bits(icmp_param->skb, icmp_param->offset + offset - hlen, to, len);
	return 0;
}

/* Builds and sends the message described by icmp_param over the route in fl4/rt. */
static void icmp_push_reply(struct icmp_bxm *icmp_param, struct flowi4 *fl4, struct rtable **rt)
{
	struct net *net = &init_net;
	struct sk_buff *skb;
	struct icmphdr *icmph;

	skb = ip_make_skb(NULL, fl4, icmp_glue_bits, icmp_param, sizeof(struct icmphdr) + icmp_param->data_len,
			  0, NULL, rt, 0);
	if (IS_ERR(skb)) {
		ICMP_INC_STATS(net, ICMP_MIB_OUTERRORS);
		return;
	}
	icmph = icmp_hdr(skb);
	icmph->checksum = 0;
	icmph->checksum = ip_compute_csum(icmph, skb->len - skb_transport_offset(skb));
	icmp_out_count(net, icmph->type);
	ip_send_skb(net, skb);
}

/* RFC 1812 4.3.2.8: a token bucket per destination; echo replies are not limited (Linux ratemask). */
#define ICMP_RL_HOSTS	16
#define XRLIM_BURST_FACTOR 6
static struct {
	__be32 daddr;
	unsigned long tokens;
	unsigned long last;
} icmp_rl[ICMP_RL_HOSTS];

/* All destinations together: sysctl_icmp_msgs_per_sec with a burst of 50 (Linux icmp_global_allow). */
#define ICMP_MSGS_BURST	50
static bool icmp_global_allow(struct net *net)
{
	static unsigned long stamp;
	static int credit = ICMP_MSGS_BURST;
	unsigned long delta = jiffies - stamp;

	if (delta >= HZ / 50) {
		unsigned long incr = delta * sysctl_icmp_msgs_per_sec / HZ;

		credit = incr >= ICMP_MSGS_BURST ? ICMP_MSGS_BURST : min_t(int, ICMP_MSGS_BURST, credit + incr);
		stamp = jiffies;
	}
	if (credit > 0) {
		credit--;
		return true;
	}
	ICMP_INC_STATS(net, ICMP_MIB_RATELIMITGLOBAL);
	return false;
}

static bool icmpv4_xrlim_allow(struct net *net, int type, __be32 daddr)
{
	unsigned long timeout = msecs_to_jiffies(sysctl_icmp_ratelimit);
	unsigned long now = jiffies;
	int i, slot = 0;

	if (type == ICMP_ECHOREPLY || type == ICMP_TIMESTAMPREPLY || !timeout)
		return true;
	if (ipv4_is_loopback(daddr))
		return true;	/* Linux: no limit towards ourselves */
	if (!icmp_global_allow(net))
		return false;
	for (i = 0; i < ICMP_RL_HOSTS; i++) {
		if (icmp_rl[i].daddr == daddr) {
			slot = i;
			goto found;
		}
		if (time_before(icmp_rl[i].last, icmp_rl[slot].last))
			slot = i;
	}
	icmp_rl[slot].daddr = daddr;
	icmp_rl[slot].tokens = XRLIM_BURST_FACTOR * timeout;
	icmp_rl[slot].last = now;
found:
	icmp_rl[slot].tokens += now - icmp_rl[slot].last;
	if (icmp_rl[slot].tokens > XRLIM_BURST_FACTOR * timeout)
		icmp_rl[slot].tokens = XRLIM_BURST_FACTOR * timeout;
	icmp_rl[slot].last = now;
	if (icmp_rl[slot].tokens >= timeout) {
		icmp_rl[slot].tokens -= timeout;
		return true;
	}
	ICMP_INC_STATS(net, ICMP_MIB_RATELIMITHOST);
	return false;
}

/* Answers a request (echo) with the same data, from the address it was sent to. */
static void icmp_reply(struct icmp_bxm *icmp_param, struct sk_buff *skb)
{
	struct rtable *rt = skb_rtable(skb);
	const struct iphdr *iph = ip_hdr(skb);
	struct flowi4 fl4;
	__be32 saddr = iph->daddr;

	if (rt->rt_flags & (RTCF_BROADCAST | RTCF_MULTICAST) || !(rt->rt_flags & RTCF_LOCAL))
		saddr = 0;
	flowi4_init_output(&fl4, 0, 0, iph->tos & 0x1e, RT_SCOPE_UNIVERSE, IPPROTO_ICMP, 0, iph->saddr,
			   saddr, 0, 0);
	rt = ip_route_output_key(&init_net, &fl4);
	if (IS_ERR(rt))
		return;
	icmp_push_reply(icmp_param, &fl4, &rt);
	ip_rt_put(rt);
}

/* RFC 792 "Echo or Echo Reply Message": same identifier, sequence and data back. */
static bool icmp_echo(struct sk_buff *skb)
{
	struct icmp_bxm icmp_param;

	if (sysctl_icmp_echo_ignore_all)
		return true;
	icmp_param.icmph = *icmp_hdr(skb);
	icmp_param.icmph.type = ICMP_ECHOREPLY;
	icmp_param.skb = skb;
	icmp_param.offset = 0;
	icmp_param.data_len = skb->len;
	icmp_reply(&icmp_param, skb);
	return true;
}

/* Hands an ICMP error to the protocol whose packet is quoted (udp_err, tcp_v4_err, icmp_err). */
static void icmp_socket_deliver(struct sk_buff *skb, u32 info)
{
	const struct iphdr *iph = (const struct iphdr *)skb->data;
	int protocol = iph->protocol;
	const struct net_protocol *ipprot;

	/* RFC 1122 3.2.2: the quoted header plus at least 8 bytes of its payload. */
	if (!pskb_may_pull(skb, iph->ihl * 4 + 8)) {
		ICMP_INC_STATS(&init_net, ICMP_MIB_INERRORS);
		return;
	}
	ipprot = inet_protos[protocol];
	if (ipprot && ipprot->err_handler)
		ipprot->err_handler(skb, info);
}

/* Destination unreachable, time exceeded, parameter problem, source quench. */
static bool icmp_unreach(struct sk_buff *skb)
{
	struct net *net = &init_net;
	const struct icmphdr *icmph = icmp_hdr(skb);
	const struct iphdr *iph;
	u32 info = 0;

	if (!pskb_may_pull(skb, sizeof(struct iphdr)))
		goto out_err;
	iph = (const struct iphdr *)skb->data;
	if (iph->ihl < 5 || iph->version != 4)
		goto out_err;

	switch (icmph->type) {
	case ICMP_DEST_UNREACH:
		if (icmph->code > NR_ICMP_UNREACH)
			goto out;
		if (icmph->code == ICMP_FRAG_NEEDED) {
			/* RFC 1191: remember the smaller MTU of the path. */
			info = ntohs(icmph->un.frag.mtu);
			if (info && info < 0xFFFF)
				ipv4_update_pmtu(skb, net, info, 0, iph->protocol);
		}
		break;
	case ICMP_PARAMETERPROB:
		info = ntohl(icmph->un.gateway) >> 24;
		break;
	case ICMP_TIME_EXCEEDED:
		if (icmph->code == ICMP_EXC_FRAGTIME)
			goto out;
		break;
	}
	/* Errors about packets to a broadcast address are not ours to believe (Linux ignores them). */
	if (inet_addr_type(net, iph->daddr) == RTN_BROADCAST)
		goto out;
	icmp_socket_deliver(skb, info);
out:
	return true;
out_err:
	ICMP_INC_STATS(net, ICMP_MIB_INERRORS);
	return false;
}

static bool icmp_discard(struct sk_buff *skb)
{
	return true;	/* nothing to do, but not an error */
}

/* Echo replies belong to ping sockets (net/ipv4/ping.c, ping_rcv -> ping_lookup). */
static bool icmp_echoreply(struct sk_buff *skb)
{
	return ping_rcv(skb);
}

/* inet_protos[IPPROTO_ICMP]->handler */
noinline int icmp_rcv(struct sk_buff *skb)
{
	struct net *net = &init_net;
	struct rtable *rt = skb_rtable(skb);
	enum skb_drop_reason reason = SKB_DROP_REASON_ICMP_INVALID;
	struct icmphdr *icmph;
	bool success;

	ICMP_INC_STATS(net, ICMP_MIB_INMSGS);
	if (!pskb_may_pull(skb, sizeof(struct icmphdr)))
		goto error;
	if (skb->ip_summed != CHECKSUM_UNNECESSARY && csum_fold(csum_partial(skb->data, skb->len, 0))) {
		reason = SKB_DROP_REASON_ICMP_CSUM;
		ICMP_INC_STATS(net, ICMP_MIB_CSUMERRORS);
		goto error;
	}
	skb_reset_transport_header(skb);
	icmph = icmp_hdr(skb);
	__skb_pull(skb, sizeof(struct icmphdr));
	if (icmph->type > NR_ICMP_TYPES)
		goto error;
	ICMPMSGIN_INC_STATS(net, icmph->type);

	/* RFC 1122 3.2.2.6: echo to a broadcast may be ignored (Linux does by default); other
	 * broadcast ICMP is never answered. */
	if (rt->rt_flags & (RTCF_BROADCAST | RTCF_MULTICAST)) {
		if ((icmph->type == ICMP_ECHO || icmph->type == ICMP_TIMESTAMP) &&
		    sysctl_icmp_echo_ignore_broadcasts)
			goto drop;
		if (icmph->type != ICMP_ECHO && icmph->type != ICMP_TIMESTAMP &&
		    icmph->type != ICMP_ADDRESS && icmph->type != ICMP_ADDRESSREPLY)
			goto error;
	}
	if (!icmp_pointers[icmph->type].handler)
		goto drop;
	{
		static const int in_mib[NR_ICMP_TYPES + 1] = {
			[ICMP_ECHOREPLY] = ICMP_MIB_INECHOREPS,
			[ICMP_DEST_UNREACH] = ICMP_MIB_INDESTUNREACHS,
			[ICMP_SOURCE_QUENCH] = ICMP_MIB_INSRCQUENCHS,
			[ICMP_REDIRECT] = ICMP_MIB_INREDIRECTS,
			[ICMP_ECHO] = ICMP_MIB_INECHOS,
			[ICMP_TIME_EXCEEDED] = ICMP_MIB_INTIMEEXCDS,
			[ICMP_PARAMETERPROB] = ICMP_MIB_INPARMPROBS,
			[ICMP_TIMESTAMP] = ICMP_MIB_INTIMESTAMPS,
			[ICMP_TIMESTAMPREPLY] = ICMP_MIB_INTIMESTAMPREPS,
			[ICMP_ADDRESS] = ICMP_MIB_INADDRMASKS,
			[ICMP_ADDRESSREPLY] = ICMP_MIB_INADDRMASKREPS,
		};

		if (in_mib[icmph->type])
			ICMP_INC_STATS(net, in_mib[icmph->type]);
	}
	success = icmp_pointers[icmph->type].handler(skb);
	if (success) {
		consume_skb(skb);
		return NET_RX_SUCCESS;
	}
	kfree_skb_reason(skb, reason);
	return NET_RX_DROP;
error:
	ICMP_INC_STATS(net, ICMP_MIB_INERRORS);
drop:
	kfree_skb_reason(skb, reason);
	return NET_RX_DROP;
}

/* err_handler for ICMP errors quoting an ICMP packet: an echo request of a ping socket. */
int icmp_err(struct sk_buff *skb, u32 info)
{
	const struct iphdr *iph = (const struct iphdr *)skb->data;
	int offset = iph->ihl << 2;
	const struct icmphdr *icmph = (const struct icmphdr *)(skb->data + offset);

	if (icmph->type != ICMP_ECHOREPLY)
		ping_err(skb, offset, info);
	return 0;
}

/*
 * Sends an ICMP error about skb_in, whose network header is the offending IP header.
 * RFC 1122 3.2.2: never about an ICMP error, a datagram to a broadcast/multicast address or
 * received as a link-layer broadcast, a non-first fragment, or one from a non-unicast source.
 */
noinline void __icmp_send(struct sk_buff *skb_in, int type, int code, __be32 info)
{
	struct net *net = &init_net;
	struct rtable *rt = skb_rtable(skb_in);
	const struct iphdr *iph;
	struct icmp_bxm icmp_param;
	struct flowi4 fl4;
	__be32 saddr;
	int room;

	if (!rt)
		return;
	if (skb_network_header(skb_in) < skb_in->head ||
	    skb_network_header(skb_in) + sizeof(struct iphdr) > skb_tail_pointer(skb_in))
		return;
	iph = ip_hdr(skb_in);
	if (rt->rt_flags & (RTCF_BROADCAST | RTCF_MULTICAST))
		return;
	if (skb_in->pkt_type != PACKET_HOST && skb_in->pkt_type != PACKET_LOOPBACK && skb_in->dev &&
	    !(skb_in->dev->flags & IFF_LOOPBACK) && rt->rt_is_input)
		return;
	if (iph->frag_off & htons(IP_OFFSET))
		return;
	if (ipv4_is_zeronet(iph->saddr) || ipv4_is_lbcast(iph->saddr) || ipv4_is_multicast(iph->saddr))
		return;
	if (iph->protocol == IPPROTO_ICMP) {
		const u8 *itp = (const u8 *)iph + iph->ihl * 4;

		if (itp + 1 > skb_tail_pointer(skb_in))
			return;
		/* An error about an error, or about a type we do not know, would loop. */
		if (*itp > NR_ICMP_TYPES || icmp_pointers[*itp].error)
			return;
	}
	if (!icmpv4_xrlim_allow(net, type, iph->saddr))
		return;

	saddr = iph->daddr;
	if (!(rt->rt_flags & RTCF_LOCAL))
		saddr = 0;	/* we are a router here: the route picks our address */
	flowi4_init_output(&fl4, 0, 0, (iph->tos & 0x1e) | 0xc0, RT_SCOPE_UNIVERSE, IPPROTO_ICMP, 0,
			   iph->saddr, saddr, 0, 0);
	rt = ip_route_output_key(net, &fl4);
	if (IS_ERR(rt))
		return;

	memset(&icmp_param, 0, sizeof(icmp_param));
	icmp_param.icmph.type = type;
	icmp_param.icmph.code = code;
	icmp_param.icmph.un.gateway = info;
	icmp_param.skb = skb_in;
	icmp_param.offset = skb_network_offset(skb_in);
	/* RFC 1812 4.3.2.3: quote as much as fits in 576 bytes. */
	room = dst_mtu(&rt->dst);
	if (room > 576)
		room = 576;
	room -= sizeof(struct iphdr) + sizeof(struct icmphdr);
	icmp_param.data_len = skb_tail_pointer(skb_in) - skb_network_header(skb_in);
	if (icmp_param.data_len > room)
		icmp_param.data_len = room;
	icmp_push_reply(&icmp_param, &fl4, &rt);
	ip_rt_put(rt);
}

static const struct icmp_control icmp_pointers[NR_ICMP_TYPES + 1] = {
	[ICMP_ECHOREPLY] = { .handler = icmp_echoreply },
	[1] = { .handler = icmp_discard, .error = 1 },
	[2] = { .handler = icmp_discard, .error = 1 },
	[ICMP_DEST_UNREACH] = { .handler = icmp_unreach, .error = 1 },
	[ICMP_SOURCE_QUENCH] = { .handler = icmp_unreach, .error = 1 },
	[ICMP_REDIRECT] = { .handler = icmp_discard, .error = 1 },	/* hosts may ignore (RFC 1122 3.2.2.2 off) */
	[6] = { .handler = icmp_discard, .error = 1 },
	[7] = { .handler = icmp_discard, .error = 1 },
	[ICMP_ECHO] = { .handler = icmp_echo },
	[9] = { .handler = icmp_discard, .error = 1 },
	[10] = { .handler = icmp_discard, .error = 1 },
	[ICMP_TIME_EXCEEDED] = { .handler = icmp_unreach, .error = 1 },
	[ICMP_PARAMETERPROB] = { .handler = icmp_unreach, .error = 1 },
	[ICMP_TIMESTAMP] = { .handler = icmp_discard },
	[ICMP_TIMESTAMPREPLY] = { .handler = icmp_discard },
	[ICMP_INFO_REQUEST] = { .handler = icmp_discard },
	[ICMP_INFO_REPLY] = { .handler = icmp_discard },
	[ICMP_ADDRESS] = { .handler = icmp_discard },
	[ICMP_ADDRESSREPLY] = { .handler = icmp_discard },
};

/*
 * Linux creates per-CPU kernel sockets here to send ICMP from; this stack sends its ICMP
 * messages without a socket (ip_make_skb with sk NULL), so there is nothing to set up beyond
 * the clean rate-limit state.
 */
int icmp_init(void)
{
	memset(icmp_rl, 0, sizeof(icmp_rl));
	return 0;
}
