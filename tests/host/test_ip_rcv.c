/* Host tests of IPv4 receive (ip_rcv and below) and ICMP: header checks, options, echo, errors. */
#include <linux/string.h>
#include "host_inet.h"
#include "host_test.h"

static struct net_device *dev;

static int setup(void **state)
{
	host_inet_init();
	host_leak_mark();
	dev = host_inet_nic();
	host_learn_neigh(dev, PEER_IP, peer_mac);
	return dev ? 0 : -1;
}

static int teardown(void **state)
{
	host_inet_nic_destroy(dev);
	host_advance_time(100 * 1000);
	host_assert_no_leaks();
	return 0;
}

static u8 frame_buf[2050] __aligned(8);
static u8 *const frame = frame_buf + 2;

/* An ICMP echo request from the peer, payload bytes 0, 1, 2 ... */
static unsigned int build_echo(unsigned int datalen)
{
	unsigned int len = host_build_ipv4(frame, host_mac, peer_mac, PEER_IP, HOST_IP, IPPROTO_ICMP, 8 + datalen);
	struct icmphdr *icmph = (struct icmphdr *)(frame + 34);
	unsigned int i;

	icmph->type = ICMP_ECHO;
	icmph->code = 0;
	icmph->un.echo.id = htons(0x4242);
	icmph->un.echo.sequence = htons(7);
	for (i = 0; i < datalen; i++)
		frame[42 + i] = i;
	icmph->checksum = 0;
	icmph->checksum = ip_compute_csum(icmph, 8 + datalen);
	return len;
}

static void test_icmp_echo_reply_exact(void **state)
{
	unsigned int len = build_echo(56);
	struct sk_buff *skb;
	struct iphdr *iph;
	struct icmphdr *icmph;
	unsigned int i;

	host_netdev_inject(dev, frame, len);
	skb = host_netdev_tx_pop(dev);
	assert_non_null(skb);
	assert_int_equal(skb->len, len);
	assert_memory_equal(skb->data, peer_mac, 6);
	assert_memory_equal(skb->data + 6, host_mac, 6);
	iph = (struct iphdr *)(skb->data + ETH_HLEN);
	assert_int_equal(iph->version, 4);
	assert_int_equal(iph->ihl, 5);
	assert_int_equal(iph->saddr, HOST_IP);
	assert_int_equal(iph->daddr, PEER_IP);
	assert_int_equal(iph->protocol, IPPROTO_ICMP);
	assert_int_equal(iph->ttl, 64);
	assert_int_equal(ntohs(iph->tot_len), 20 + 64);
	assert_int_equal(ip_fast_csum(iph, 5), 0);
	icmph = (struct icmphdr *)(iph + 1);
	assert_int_equal(icmph->type, ICMP_ECHOREPLY);
	assert_int_equal(icmph->code, 0);
	assert_int_equal(ntohs(icmph->un.echo.id), 0x4242);
	assert_int_equal(ntohs(icmph->un.echo.sequence), 7);
	assert_int_equal(ip_compute_csum(icmph, 64), 0);
	for (i = 0; i < 56; i++)
		assert_int_equal(((u8 *)(icmph + 1))[i], i);
	consume_skb(skb);
	assert_int_equal(host_netdev_tx_len(dev), 0);
}

static void test_icmp_bad_checksum_dropped(void **state)
{
	unsigned int len = build_echo(8);
	unsigned long csum = icmp_statistics[ICMP_MIB_CSUMERRORS];

	frame[42] ^= 0xff;
	host_netdev_inject(dev, frame, len);
	assert_int_equal(host_netdev_tx_len(dev), 0);
	assert_int_equal(icmp_statistics[ICMP_MIB_CSUMERRORS], csum + 1);
}

struct bad_case {
	const char *what;
	void (*mangle)(struct iphdr *iph, unsigned int *len);
	int mib;
	enum skb_drop_reason reason;
};

static void mangle_version(struct iphdr *iph, unsigned int *len)
{
	iph->version = 6;
	ip_send_check(iph);
}

static void mangle_ihl(struct iphdr *iph, unsigned int *len)
{
	iph->ihl = 4;
	iph->check = 0;
	iph->check = ip_fast_csum(iph, 5);
}

static void mangle_csum(struct iphdr *iph, unsigned int *len)
{
	iph->check ^= htons(0x0101);
}

static void mangle_totlen(struct iphdr *iph, unsigned int *len)
{
	iph->tot_len = htons(ntohs(iph->tot_len) + 100);
	ip_send_check(iph);
}

static void mangle_truncated(struct iphdr *iph, unsigned int *len)
{
	*len = ETH_HLEN + 12;
}

static void mangle_ihl_beyond_packet(struct iphdr *iph, unsigned int *len)
{
	iph->ihl = 15;		/* 60-byte header claimed, 36 bytes there */
	*len = ETH_HLEN + 36;
}

static void mangle_totlen_below_ihl(struct iphdr *iph, unsigned int *len)
{
	iph->tot_len = htons(12);
	ip_send_check(iph);
}

static void test_ip_malformed_headers_dropped_and_counted(void **state)
{
	static const struct bad_case cases[] = {
		{ "bad version", mangle_version, IPSTATS_MIB_INHDRERRORS, SKB_DROP_REASON_IP_INHDR },
		{ "ihl < 5", mangle_ihl, IPSTATS_MIB_INHDRERRORS, SKB_DROP_REASON_IP_INHDR },
		{ "bad checksum", mangle_csum, IPSTATS_MIB_CSUMERRORS, SKB_DROP_REASON_IP_CSUM },
		{ "total length > packet", mangle_totlen, IPSTATS_MIB_INTRUNCATEDPKTS, SKB_DROP_REASON_PKT_TOO_SMALL },
		{ "truncated header", mangle_truncated, IPSTATS_MIB_INHDRERRORS, SKB_DROP_REASON_PKT_TOO_SMALL },
		{ "ihl beyond packet", mangle_ihl_beyond_packet, IPSTATS_MIB_INHDRERRORS, SKB_DROP_REASON_PKT_TOO_SMALL },
		{ "total length < header", mangle_totlen_below_ihl, IPSTATS_MIB_INHDRERRORS, SKB_DROP_REASON_IP_INHDR },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		unsigned int len = build_echo(16);
		unsigned long mib = ip_statistics[cases[i].mib];
		unsigned long reason = skb_drop_reasons[cases[i].reason];
		unsigned long echos = icmp_statistics[ICMP_MIB_INECHOS];

		cases[i].mangle((struct iphdr *)(frame + ETH_HLEN), &len);
		host_netdev_inject(dev, frame, len);
		if (ip_statistics[cases[i].mib] != mib + 1 || skb_drop_reasons[cases[i].reason] != reason + 1)
			fail_msg("%s: not counted", cases[i].what);
		assert_int_equal(icmp_statistics[ICMP_MIB_INECHOS], echos);
		assert_int_equal(host_netdev_tx_len(dev), 0);
	}
}

static void test_ip_ethernet_padding_trimmed(void **state)
{
	unsigned int len = build_echo(0);	/* 42-byte frame: padded to 60 by the sender's NIC */
	struct sk_buff *skb;

	memset(frame + len, 0xee, 60 - len);
	host_netdev_inject(dev, frame, 60);
	skb = host_netdev_tx_pop(dev);
	assert_non_null(skb);
	assert_int_equal(skb->len, ETH_HLEN + 28);	/* the reply does not echo the padding */
	consume_skb(skb);
}

static void test_ip_options_skipped(void **state)
{
	unsigned int len = build_echo(8);
	HOST_FRAME(opt_frame, 2048);
	struct iphdr *iph;
	struct sk_buff *skb;

	/* Same packet with 8 bytes of options: record route (7, len 7, ptr 4, 4 bytes) + END. */
	memcpy(opt_frame, frame, 34);
	opt_frame[34] = IPOPT_RR;
	opt_frame[35] = 7;
	opt_frame[36] = 4;
	memset(opt_frame + 37, 0, 5);
	memcpy(opt_frame + 42, frame + 34, len - 34);
	iph = (struct iphdr *)(opt_frame + ETH_HLEN);
	iph->ihl = 7;
	iph->tot_len = htons(ntohs(iph->tot_len) + 8);
	ip_send_check(iph);
	host_netdev_inject(dev, opt_frame, len + 8);
	skb = host_netdev_tx_pop(dev);
	assert_non_null(skb);
	assert_int_equal(((struct icmphdr *)(skb->data + 34))->type, ICMP_ECHOREPLY);
	consume_skb(skb);
}

static void test_ip_bad_option_length_parameter_problem(void **state)
{
	unsigned int len = build_echo(8);
	HOST_FRAME(opt_frame, 2048);
	struct iphdr *iph;
	struct sk_buff *skb;
	unsigned long hdr = ip_statistics[IPSTATS_MIB_INHDRERRORS];

	memcpy(opt_frame, frame, 34);
	opt_frame[34] = IPOPT_TIMESTAMP;
	opt_frame[35] = 40;		/* longer than the 4 option bytes there */
	opt_frame[36] = 5;
	opt_frame[37] = 0;
	memcpy(opt_frame + 38, frame + 34, len - 34);
	iph = (struct iphdr *)(opt_frame + ETH_HLEN);
	iph->ihl = 6;
	iph->tot_len = htons(ntohs(iph->tot_len) + 4);
	ip_send_check(iph);
	host_netdev_inject(dev, opt_frame, len + 4);
	assert_int_equal(ip_statistics[IPSTATS_MIB_INHDRERRORS], hdr + 1);
	skb = host_netdev_tx_pop(dev);
	assert_non_null(skb);
	assert_int_equal(((struct icmphdr *)(skb->data + 34))->type, ICMP_PARAMETERPROB);
	assert_int_equal(skb->data[34 + 4], 21);	/* pointer: the length byte */
	consume_skb(skb);
}

static void test_ip_unknown_protocol_answers_protocol_unreachable(void **state)
{
	unsigned int len = host_build_ipv4(frame, host_mac, peer_mac, PEER_IP, HOST_IP, 99, 16);
	unsigned long unk = ip_statistics[IPSTATS_MIB_INUNKNOWNPROTOS];
	struct sk_buff *skb;
	struct icmphdr *icmph;

	memset(frame + 34, 0x5a, 16);
	host_netdev_inject(dev, frame, len);
	assert_int_equal(ip_statistics[IPSTATS_MIB_INUNKNOWNPROTOS], unk + 1);
	skb = host_netdev_tx_pop(dev);
	assert_non_null(skb);
	icmph = (struct icmphdr *)(skb->data + 34);
	assert_int_equal(icmph->type, ICMP_DEST_UNREACH);
	assert_int_equal(icmph->code, ICMP_PROT_UNREACH);
	/* RFC 792: the offending header and 8 bytes of its data are quoted. */
	assert_true(skb->len >= 34 + 8 + 28);
	assert_memory_equal(skb->data + 42, frame + 14, 20);
	assert_int_equal(ip_compute_csum(icmph, skb->len - 34), 0);
	consume_skb(skb);
}

static void test_ip_not_for_us_dropped_when_not_forwarding(void **state)
{
	unsigned int len = host_build_ipv4(frame, host_mac, peer_mac, PEER_IP, htonl(0x08080808), 99, 8);
	unsigned long addr = ip_statistics[IPSTATS_MIB_INADDRERRORS];

	host_netdev_inject(dev, frame, len);
	assert_int_equal(ip_statistics[IPSTATS_MIB_INADDRERRORS], addr + 1);
	assert_int_equal(host_netdev_tx_len(dev), 0);
}

static void test_ip_martian_source_dropped(void **state)
{
	unsigned int len = host_build_ipv4(frame, host_mac, peer_mac, htonl(0x7f000001), HOST_IP, 99, 8);
	unsigned long addr = ip_statistics[IPSTATS_MIB_INADDRERRORS];

	host_netdev_inject(dev, frame, len);
	assert_int_equal(ip_statistics[IPSTATS_MIB_INADDRERRORS], addr + 1);
	assert_int_equal(host_netdev_tx_len(dev), 0);
}

static void test_icmp_error_not_sent_for_broadcast(void **state)
{
	unsigned int len = host_build_ipv4(frame, bcast_mac, peer_mac, PEER_IP, htonl(0x0a0000ff), 99, 8);

	host_netdev_inject(dev, frame, len);
	assert_int_equal(host_netdev_tx_len(dev), 0);
}

static void test_icmp_errors_rate_limited(void **state)
{
	unsigned long limited = icmp_statistics[ICMP_MIB_RATELIMITHOST];
	int i, sent = 0;

	for (i = 0; i < 20; i++) {
		unsigned int len = host_build_ipv4(frame, host_mac, peer_mac, PEER_IP, HOST_IP, 99, 8);

		host_netdev_inject(dev, frame, len);
	}
	sent = host_netdev_tx_len(dev);
	assert_true(sent >= 1 && sent <= 7);
	assert_int_equal(icmp_statistics[ICMP_MIB_RATELIMITHOST], limited + 20 - sent);
	host_netdev_tx_purge(dev);
	host_advance_time(2000);	/* tokens come back with time */
	host_netdev_inject(dev, frame, host_build_ipv4(frame, host_mac, peer_mac, PEER_IP, HOST_IP, 99, 8));
	assert_int_equal(host_netdev_tx_len(dev), 1);
	host_netdev_tx_purge(dev);
}

static void test_proc_net_snmp_format(void **state)
{
	char buf[4096];

	assert_true(host_proc_read("net/snmp", buf, sizeof(buf)) > 0);
	assert_non_null(strstr(buf, "Ip: Forwarding DefaultTTL InReceives InHdrErrors InAddrErrors ForwDatagrams "
				    "InUnknownProtos InDiscards InDelivers OutRequests OutDiscards OutNoRoutes "
				    "ReasmTimeout ReasmReqds ReasmOKs ReasmFails FragOKs FragFails FragCreates"));
	assert_non_null(strstr(buf, "\nIp: 2 64 "));
	assert_non_null(strstr(buf, "\nIcmp: InMsgs InErrors InCsumErrors InDestUnreachs"));
	assert_non_null(strstr(buf, "\nTcp: RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens"));
	assert_non_null(strstr(buf, "\nTcp: 1 200 120000 -1 "));
	assert_non_null(strstr(buf, "\nUdp: InDatagrams NoPorts InErrors OutDatagrams"));
}


/* ICMP errors reach the err_handler of the protocol that sent the quoted packet (udp_err, tcp_v4_err). */
static int err_calls;
static u32 err_info;
static u8 err_type, err_code;
static __be32 err_quoted_daddr;

static int errproto_rcv(struct sk_buff *skb)
{
	consume_skb(skb);
	return 0;
}

static int errproto_err(struct sk_buff *skb, u32 info)
{
	const struct iphdr *iph = (const struct iphdr *)skb->data;

	err_calls++;
	err_info = info;
	err_type = icmp_hdr(skb)->type;
	err_code = icmp_hdr(skb)->code;
	err_quoted_daddr = iph->daddr;
	return 0;
}

static const struct net_protocol errproto = { .handler = errproto_rcv, .err_handler = errproto_err };

/* An ICMP error from the peer quoting a packet we sent to 192.168.9.9 with protocol 253. */
static unsigned int build_icmp_error(u8 type, u8 code, __be32 info)
{
	unsigned int len = host_build_ipv4(frame, host_mac, peer_mac, PEER_IP, HOST_IP, IPPROTO_ICMP, 8 + 28);
	struct icmphdr *icmph = (struct icmphdr *)(frame + 34);
	struct iphdr *q = (struct iphdr *)(frame + 42);

	memset(icmph, 0, 8 + 28);
	icmph->type = type;
	icmph->code = code;
	icmph->un.gateway = info;
	q->version = 4;
	q->ihl = 5;
	q->tot_len = htons(1500);
	q->ttl = 1;
	q->protocol = 253;
	q->saddr = HOST_IP;
	q->daddr = htonl(0xc0a80909);
	ip_send_check(q);
	icmph->checksum = ip_compute_csum(icmph, 8 + 28);
	return len;
}

static void test_icmp_error_delivered_to_protocol(void **state)
{
	unsigned int len;

	inet_add_protocol(&errproto, 253);
	err_calls = 0;
	len = build_icmp_error(ICMP_DEST_UNREACH, ICMP_PORT_UNREACH, 0);
	host_netdev_inject(dev, frame, len);
	assert_int_equal(err_calls, 1);
	assert_int_equal(err_type, ICMP_DEST_UNREACH);
	assert_int_equal(err_code, ICMP_PORT_UNREACH);
	assert_int_equal(err_quoted_daddr, htonl(0xc0a80909));
	len = build_icmp_error(ICMP_TIME_EXCEEDED, ICMP_EXC_TTL, 0);
	host_netdev_inject(dev, frame, len);
	assert_int_equal(err_calls, 2);
	/* Too short to quote 8 bytes of the offending packet: counted, not delivered. */
	len = build_icmp_error(ICMP_DEST_UNREACH, ICMP_PORT_UNREACH, 0);
	host_netdev_inject(dev, frame, len - 8);
	assert_int_equal(err_calls, 2);
	assert_int_equal(host_netdev_tx_len(dev), 0);	/* never an error about an error */
	inet_del_protocol(&errproto, 253);
}

/* RFC 1191: "fragmentation needed" with a next-hop MTU lowers the path MTU to that host. */
static void test_icmp_frag_needed_lowers_path_mtu(void **state)
{
	struct flowi4 fl4 = { .daddr = htonl(0xc0a80909) };
	struct rtable *rt;
	unsigned int len;

	host_learn_neigh(dev, PEER_IP, peer_mac);
	{
		struct fib_config cfg = {
			.fc_dst = htonl(0xc0a80900), .fc_dst_len = 24, .fc_gw4 = PEER_IP,
			.fc_type = RTN_UNICAST, .fc_table = RT_TABLE_MAIN, .fc_nlflags = NLM_F_CREATE,
		};
		assert_int_equal(fib_table_insert(&init_net, fib_get_table(&init_net, RT_TABLE_MAIN), &cfg), 0);
	}
	rt = ip_route_output_key(&init_net, &fl4);
	assert_false(IS_ERR(rt));
	assert_int_equal(dst_mtu(&rt->dst), 1500);
	len = build_icmp_error(ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, htonl(1400));
	host_netdev_inject(dev, frame, len);
	/* The old cached route is obsolete; a new lookup carries the learned MTU. */
	assert_null(dst_check(&rt->dst, 0));
	ip_rt_put(rt);
	memset(&fl4, 0, sizeof(fl4));
	fl4.daddr = htonl(0xc0a80909);
	rt = ip_route_output_key(&init_net, &fl4);
	assert_int_equal(dst_mtu(&rt->dst), 1400);
	ip_rt_put(rt);
	/* Absurdly small values are clamped (RFC 1191 3: at least 68; Linux min_pmtu 552). */
	len = build_icmp_error(ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, htonl(100));
	host_netdev_inject(dev, frame, len);
	memset(&fl4, 0, sizeof(fl4));
	fl4.daddr = htonl(0xc0a80909);
	rt = ip_route_output_key(&init_net, &fl4);
	assert_int_equal(dst_mtu(&rt->dst), 552);
	ip_rt_put(rt);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_icmp_echo_reply_exact, setup, teardown),
		cmocka_unit_test_setup_teardown(test_icmp_bad_checksum_dropped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ip_malformed_headers_dropped_and_counted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ip_ethernet_padding_trimmed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ip_options_skipped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ip_bad_option_length_parameter_problem, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ip_unknown_protocol_answers_protocol_unreachable, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ip_not_for_us_dropped_when_not_forwarding, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ip_martian_source_dropped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_icmp_error_not_sent_for_broadcast, setup, teardown),
		cmocka_unit_test_setup_teardown(test_icmp_errors_rate_limited, setup, teardown),
		cmocka_unit_test_setup_teardown(test_proc_net_snmp_format, setup, teardown),
		cmocka_unit_test_setup_teardown(test_icmp_error_delivered_to_protocol, setup, teardown),
		cmocka_unit_test_setup_teardown(test_icmp_frag_needed_lowers_path_mtu, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
