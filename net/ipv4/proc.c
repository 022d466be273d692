/*
 * /proc/net/snmp, /proc/net/netstat, /proc/net/sockstat and /proc/net/dropreasons: the SNMP MIB counters in Linux's
 * two-line "Name: field field ... / Name: value value ..." format, which `netstat -s` parses.
 * The MIB arrays themselves live here; every layer counts into them with the macros of
 * include/net/snmp.h.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/skbuff.h>
#include <net/snmp.h>
#include <net/ip.h>
#include <net/arp.h>
#include <net/sock.h>
#include <net/tcp.h>
#include <net/udp.h>
#include <net/ping.h>

unsigned long ip_statistics[__IPSTATS_MIB_MAX];
unsigned long icmp_statistics[__ICMP_MIB_MAX];
unsigned long icmpmsg_statistics[ICMPMSG_MIB_MAX];
unsigned long tcp_statistics[__TCP_MIB_MAX];
unsigned long udp_statistics[__UDP_MIB_MAX];
unsigned long net_statistics[__LINUX_MIB_MAX];

struct snmp_mib {
	const char *name;
	int entry;
};

#define SNMP_MIB_ITEM(_name, _entry)	{ .name = _name, .entry = _entry }

static const struct snmp_mib snmp4_ipstats_list[] = {
	SNMP_MIB_ITEM("InReceives", IPSTATS_MIB_INPKTS),
	SNMP_MIB_ITEM("InHdrErrors", IPSTATS_MIB_INHDRERRORS),
	SNMP_MIB_ITEM("InAddrErrors", IPSTATS_MIB_INADDRERRORS),
	SNMP_MIB_ITEM("ForwDatagrams", IPSTATS_MIB_OUTFORWDATAGRAMS),
	SNMP_MIB_ITEM("InUnknownProtos", IPSTATS_MIB_INUNKNOWNPROTOS),
	SNMP_MIB_ITEM("InDiscards", IPSTATS_MIB_INDISCARDS),
	SNMP_MIB_ITEM("InDelivers", IPSTATS_MIB_INDELIVERS),
	SNMP_MIB_ITEM("OutRequests", IPSTATS_MIB_OUTREQUESTS),
	SNMP_MIB_ITEM("OutDiscards", IPSTATS_MIB_OUTDISCARDS),
	SNMP_MIB_ITEM("OutNoRoutes", IPSTATS_MIB_OUTNOROUTES),
	SNMP_MIB_ITEM("ReasmTimeout", IPSTATS_MIB_REASMTIMEOUT),
	SNMP_MIB_ITEM("ReasmReqds", IPSTATS_MIB_REASMREQDS),
	SNMP_MIB_ITEM("ReasmOKs", IPSTATS_MIB_REASMOKS),
	SNMP_MIB_ITEM("ReasmFails", IPSTATS_MIB_REASMFAILS),
	SNMP_MIB_ITEM("FragOKs", IPSTATS_MIB_FRAGOKS),
	SNMP_MIB_ITEM("FragFails", IPSTATS_MIB_FRAGFAILS),
	SNMP_MIB_ITEM("FragCreates", IPSTATS_MIB_FRAGCREATES),
	SNMP_MIB_ITEM("OutTransmits", IPSTATS_MIB_OUTPKTS),
};

static const struct snmp_mib snmp4_ipextstats_list[] = {
	SNMP_MIB_ITEM("InNoRoutes", IPSTATS_MIB_INNOROUTES),
	SNMP_MIB_ITEM("InTruncatedPkts", IPSTATS_MIB_INTRUNCATEDPKTS),
	SNMP_MIB_ITEM("InMcastPkts", IPSTATS_MIB_INMCASTPKTS),
	SNMP_MIB_ITEM("OutMcastPkts", IPSTATS_MIB_OUTMCASTPKTS),
	SNMP_MIB_ITEM("InBcastPkts", IPSTATS_MIB_INBCASTPKTS),
	SNMP_MIB_ITEM("OutBcastPkts", IPSTATS_MIB_OUTBCASTPKTS),
	SNMP_MIB_ITEM("InOctets", IPSTATS_MIB_INOCTETS),
	SNMP_MIB_ITEM("OutOctets", IPSTATS_MIB_OUTOCTETS),
	SNMP_MIB_ITEM("InCsumErrors", IPSTATS_MIB_CSUMERRORS),
	SNMP_MIB_ITEM("ReasmOverlaps", IPSTATS_MIB_REASM_OVERLAPS),
};

static const struct snmp_mib snmp4_icmp_list[] = {
	SNMP_MIB_ITEM("InMsgs", ICMP_MIB_INMSGS),
	SNMP_MIB_ITEM("InErrors", ICMP_MIB_INERRORS),
	SNMP_MIB_ITEM("InCsumErrors", ICMP_MIB_CSUMERRORS),
	SNMP_MIB_ITEM("InDestUnreachs", ICMP_MIB_INDESTUNREACHS),
	SNMP_MIB_ITEM("InTimeExcds", ICMP_MIB_INTIMEEXCDS),
	SNMP_MIB_ITEM("InParmProbs", ICMP_MIB_INPARMPROBS),
	SNMP_MIB_ITEM("InSrcQuenchs", ICMP_MIB_INSRCQUENCHS),
	SNMP_MIB_ITEM("InRedirects", ICMP_MIB_INREDIRECTS),
	SNMP_MIB_ITEM("InEchos", ICMP_MIB_INECHOS),
	SNMP_MIB_ITEM("InEchoReps", ICMP_MIB_INECHOREPS),
	SNMP_MIB_ITEM("InTimestamps", ICMP_MIB_INTIMESTAMPS),
	SNMP_MIB_ITEM("InTimestampReps", ICMP_MIB_INTIMESTAMPREPS),
	SNMP_MIB_ITEM("InAddrMasks", ICMP_MIB_INADDRMASKS),
	SNMP_MIB_ITEM("InAddrMaskReps", ICMP_MIB_INADDRMASKREPS),
	SNMP_MIB_ITEM("OutMsgs", ICMP_MIB_OUTMSGS),
	SNMP_MIB_ITEM("OutErrors", ICMP_MIB_OUTERRORS),
	SNMP_MIB_ITEM("OutRateLimitGlobal", ICMP_MIB_RATELIMITGLOBAL),
	SNMP_MIB_ITEM("OutRateLimitHost", ICMP_MIB_RATELIMITHOST),
	SNMP_MIB_ITEM("OutDestUnreachs", ICMP_MIB_OUTDESTUNREACHS),
	SNMP_MIB_ITEM("OutTimeExcds", ICMP_MIB_OUTTIMEEXCDS),
	SNMP_MIB_ITEM("OutParmProbs", ICMP_MIB_OUTPARMPROBS),
	SNMP_MIB_ITEM("OutSrcQuenchs", ICMP_MIB_OUTSRCQUENCHS),
	SNMP_MIB_ITEM("OutRedirects", ICMP_MIB_OUTREDIRECTS),
	SNMP_MIB_ITEM("OutEchos", ICMP_MIB_OUTECHOS),
	SNMP_MIB_ITEM("OutEchoReps", ICMP_MIB_OUTECHOREPS),
	SNMP_MIB_ITEM("OutTimestamps", ICMP_MIB_OUTTIMESTAMPS),
	SNMP_MIB_ITEM("OutTimestampReps", ICMP_MIB_OUTTIMESTAMPREPS),
	SNMP_MIB_ITEM("OutAddrMasks", ICMP_MIB_OUTADDRMASKS),
	SNMP_MIB_ITEM("OutAddrMaskReps", ICMP_MIB_OUTADDRMASKREPS),
};

static const struct snmp_mib snmp4_tcp_list[] = {
	SNMP_MIB_ITEM("RtoAlgorithm", TCP_MIB_RTOALGORITHM),
	SNMP_MIB_ITEM("RtoMin", TCP_MIB_RTOMIN),
	SNMP_MIB_ITEM("RtoMax", TCP_MIB_RTOMAX),
	SNMP_MIB_ITEM("MaxConn", TCP_MIB_MAXCONN),
	SNMP_MIB_ITEM("ActiveOpens", TCP_MIB_ACTIVEOPENS),
	SNMP_MIB_ITEM("PassiveOpens", TCP_MIB_PASSIVEOPENS),
	SNMP_MIB_ITEM("AttemptFails", TCP_MIB_ATTEMPTFAILS),
	SNMP_MIB_ITEM("EstabResets", TCP_MIB_ESTABRESETS),
	SNMP_MIB_ITEM("CurrEstab", TCP_MIB_CURRESTAB),
	SNMP_MIB_ITEM("InSegs", TCP_MIB_INSEGS),
	SNMP_MIB_ITEM("OutSegs", TCP_MIB_OUTSEGS),
	SNMP_MIB_ITEM("RetransSegs", TCP_MIB_RETRANSSEGS),
	SNMP_MIB_ITEM("InErrs", TCP_MIB_INERRS),
	SNMP_MIB_ITEM("OutRsts", TCP_MIB_OUTRSTS),
	SNMP_MIB_ITEM("InCsumErrors", TCP_MIB_CSUMERRORS),
};

static const struct snmp_mib snmp4_udp_list[] = {
	SNMP_MIB_ITEM("InDatagrams", UDP_MIB_INDATAGRAMS),
	SNMP_MIB_ITEM("NoPorts", UDP_MIB_NOPORTS),
	SNMP_MIB_ITEM("InErrors", UDP_MIB_INERRORS),
	SNMP_MIB_ITEM("OutDatagrams", UDP_MIB_OUTDATAGRAMS),
	SNMP_MIB_ITEM("RcvbufErrors", UDP_MIB_RCVBUFERRORS),
	SNMP_MIB_ITEM("SndbufErrors", UDP_MIB_SNDBUFERRORS),
	SNMP_MIB_ITEM("InCsumErrors", UDP_MIB_CSUMERRORS),
	SNMP_MIB_ITEM("IgnoredMulti", UDP_MIB_IGNOREDMULTI),
	SNMP_MIB_ITEM("MemErrors", UDP_MIB_MEMERRORS),
};

const char *const linux_mib_names[__LINUX_MIB_MAX] = {
	[LINUX_MIB_SYNCOOKIESSENT] = "SyncookiesSent",
	[LINUX_MIB_SYNCOOKIESRECV] = "SyncookiesRecv",
	[LINUX_MIB_SYNCOOKIESFAILED] = "SyncookiesFailed",
	[LINUX_MIB_EMBRYONICRSTS] = "EmbryonicRsts",
	[LINUX_MIB_PRUNECALLED] = "PruneCalled",
	[LINUX_MIB_OUTOFWINDOWICMPS] = "OutOfWindowIcmps",
	[LINUX_MIB_TIMEWAITED] = "TW",
	[LINUX_MIB_TIMEWAITRECYCLED] = "TWRecycled",
	[LINUX_MIB_DELAYEDACKS] = "DelayedACKs",
	[LINUX_MIB_LISTENOVERFLOWS] = "ListenOverflows",
	[LINUX_MIB_LISTENDROPS] = "ListenDrops",
	[LINUX_MIB_TCPPUREACKS] = "TCPPureAcks",
	[LINUX_MIB_TCPHPACKS] = "TCPHPAcks",
	[LINUX_MIB_TCPLOSSUNDO] = "TCPLossUndo",
	[LINUX_MIB_TCPTIMEOUTS] = "TCPTimeouts",
	[LINUX_MIB_TCPFASTRETRANS] = "TCPFastRetrans",
	[LINUX_MIB_TCPSLOWSTARTRETRANS] = "TCPSlowStartRetrans",
	[LINUX_MIB_TCPOFOQUEUE] = "TCPOFOQueue",
	[LINUX_MIB_TCPOFODROP] = "TCPOFODrop",
	[LINUX_MIB_TCPRCVQDROP] = "TCPRcvQDrop",
	[LINUX_MIB_TCPABORTONDATA] = "TCPAbortOnData",
	[LINUX_MIB_TCPABORTONCLOSE] = "TCPAbortOnClose",
	[LINUX_MIB_TCPABORTONTIMEOUT] = "TCPAbortOnTimeout",
	[LINUX_MIB_TCPBACKLOGDROP] = "TCPBacklogDrop",
	[LINUX_MIB_TCPCHALLENGEACK] = "TCPChallengeACK",
	[LINUX_MIB_TCPSYNCHALLENGE] = "TCPSYNChallenge",
	[LINUX_MIB_TCPDSACKRECV] = "TCPDSACKRecv",
	[LINUX_MIB_TCPRETRANSFAIL] = "TCPRetransFail",
	[LINUX_MIB_TCPSYNRETRANS] = "TCPSynRetrans",
	[LINUX_MIB_TCPACKSKIPPEDSEQ] = "TCPACKSkippedSeq",
	[LINUX_MIB_TCPZEROWINDOWDROP] = "TCPZeroWindowDrop",
	[LINUX_MIB_TCPWANTZEROWINDOWADV] = "TCPWantZeroWindowAdv",
	[LINUX_MIB_TCPTOZEROWINDOWADV] = "TCPToZeroWindowAdv",
	[LINUX_MIB_TCPFROMZEROWINDOWADV] = "TCPFromZeroWindowAdv",
	[LINUX_MIB_TCPWINPROBE] = "TCPWinProbe",
	[LINUX_MIB_TCPKEEPALIVE] = "TCPKeepAlive",
	[LINUX_MIB_TCPMEMORYPRESSURES] = "TCPMemoryPressures",
	[LINUX_MIB_PAWSESTABREJECTED] = "PAWSEstab",
	[LINUX_MIB_TCPABORTONMEMORY] = "TCPAbortOnMemory",
	[LINUX_MIB_TCPABORTONLINGER] = "TCPAbortOnLinger",
};

void snmp_reset_all(void)
{
	memset(ip_statistics, 0, sizeof(ip_statistics));
	memset(icmp_statistics, 0, sizeof(icmp_statistics));
	memset(icmpmsg_statistics, 0, sizeof(icmpmsg_statistics));
	memset(tcp_statistics, 0, sizeof(tcp_statistics));
	memset(udp_statistics, 0, sizeof(udp_statistics));
	memset(net_statistics, 0, sizeof(net_statistics));
}

static void snmp_seq_show_list(struct seq_file *seq, const char *title, const struct snmp_mib *list,
			       size_t n, const unsigned long *mib)
{
	size_t i;

	seq_printf(seq, "%s:", title);
	for (i = 0; i < n; i++)
		seq_printf(seq, " %s", list[i].name);
	seq_printf(seq, "\n%s:", title);
	for (i = 0; i < n; i++)
		seq_printf(seq, " %lu", mib[list[i].entry]);
	seq_putc(seq, '\n');
}

/* IcmpMsg: only the types seen, as Linux prints them ("InType8 OutType0"). */
static void icmpmsg_put(struct seq_file *seq)
{
	int i, count = 0;

	for (i = 0; i < ICMPMSG_MIB_MAX; i++)
		count += icmpmsg_statistics[i] != 0;
	if (!count)
		return;
	seq_puts(seq, "IcmpMsg:");
	for (i = 0; i < ICMPMSG_MIB_MAX; i++)
		if (icmpmsg_statistics[i])
			seq_printf(seq, " %sType%u", i & 0x100 ? "Out" : "In", i & 0xff);
	seq_puts(seq, "\nIcmpMsg:");
	for (i = 0; i < ICMPMSG_MIB_MAX; i++)
		if (icmpmsg_statistics[i])
			seq_printf(seq, " %lu", icmpmsg_statistics[i]);
	seq_putc(seq, '\n');
}

static int snmp_seq_show(struct seq_file *seq, void *v)
{
	size_t i;

	/* Ip: Forwarding is 1 (forwarding) or 2 (host), RFC 4293 ipForwarding. */
	seq_puts(seq, "Ip: Forwarding DefaultTTL");
	for (i = 0; i < ARRAY_SIZE(snmp4_ipstats_list); i++)
		seq_printf(seq, " %s", snmp4_ipstats_list[i].name);
	seq_printf(seq, "\nIp: %d %d", sysctl_ip_forward ? 1 : 2, sysctl_ip_default_ttl);
	for (i = 0; i < ARRAY_SIZE(snmp4_ipstats_list); i++)
		seq_printf(seq, " %lu", ip_statistics[snmp4_ipstats_list[i].entry]);
	seq_putc(seq, '\n');

	snmp_seq_show_list(seq, "Icmp", snmp4_icmp_list, ARRAY_SIZE(snmp4_icmp_list), icmp_statistics);
	icmpmsg_put(seq);

	/* RFC 2012: RtoAlgorithm 1 (other), RtoMin/RtoMax in ms, MaxConn -1 (dynamic), as Linux prints. */
	seq_puts(seq, "Tcp:");
	for (i = 0; i < ARRAY_SIZE(snmp4_tcp_list); i++)
		seq_printf(seq, " %s", snmp4_tcp_list[i].name);
	seq_puts(seq, "\nTcp: 1 200 120000 -1");
	for (i = 4; i < ARRAY_SIZE(snmp4_tcp_list); i++)
		seq_printf(seq, " %lu", tcp_statistics[snmp4_tcp_list[i].entry]);
	seq_putc(seq, '\n');

	snmp_seq_show_list(seq, "Udp", snmp4_udp_list, ARRAY_SIZE(snmp4_udp_list), udp_statistics);
	return 0;
}

static int netstat_seq_show(struct seq_file *seq, void *v)
{
	int i;

	seq_puts(seq, "TcpExt:");
	for (i = 1; i < __LINUX_MIB_MAX; i++)
		seq_printf(seq, " %s", linux_mib_names[i] ? linux_mib_names[i] : "?");
	seq_puts(seq, "\nTcpExt:");
	for (i = 1; i < __LINUX_MIB_MAX; i++)
		seq_printf(seq, " %lu", net_statistics[i]);
	seq_putc(seq, '\n');
	snmp_seq_show_list(seq, "IpExt", snmp4_ipextstats_list, ARRAY_SIZE(snmp4_ipextstats_list),
			   ip_statistics);
	return 0;
}

/* Not in Linux (it has a tracepoint instead): why packets were dropped, one "REASON count" a line. */
static int dropreasons_seq_show(struct seq_file *seq, void *v)
{
	int i;

	for (i = SKB_DROP_REASON_NOT_SPECIFIED; i < SKB_DROP_REASON_MAX; i++)
		if (skb_drop_reasons[i])
			seq_printf(seq, "%s %lu\n", drop_reasons[i], skb_drop_reasons[i]);
	return 0;
}

/*
 * /proc/net/sockstat, as Linux prints it: sockets in use per protocol, TCP orphans and TIME_WAIT
 * sockets, and memory charged to TCP/UDP in pages (SK_MEM_QUANTUM), plus reassembly memory.
 */
static int sockstat_seq_show(struct seq_file *seq, void *v)
{
	struct net *net = &init_net;

	seq_printf(seq, "sockets: used %d\n", sock_inuse_get(net));
	seq_printf(seq, "TCP: inuse %d orphan %u tw %d alloc %d mem %ld\n", sock_prot_inuse_get(net, &tcp_prot),
		   tcp_orphan_count, atomic_read(&net->ipv4.tcp_death_row.tw_count),
		   sock_prot_inuse_get(net, &tcp_prot), atomic_long_read(&tcp_memory_allocated));
	seq_printf(seq, "UDP: inuse %d mem %ld\n", sock_prot_inuse_get(net, &udp_prot),
		   atomic_long_read(&udp_memory_allocated));
	seq_puts(seq, "UDPLITE: inuse 0\n");
	seq_printf(seq, "RAW: inuse %d\n", sock_prot_inuse_get(net, &ping_prot));
	seq_printf(seq, "FRAG: inuse %d memory %ld\n", ip_frag_nqueues(), ip_frag_mem());
	return 0;
}

static int __init ip_proc_init(void)
{
	proc_create_single("net/snmp", 0444, NULL, snmp_seq_show);
	proc_create_single("net/netstat", 0444, NULL, netstat_seq_show);
	proc_create_single("net/dropreasons", 0444, NULL, dropreasons_seq_show);
	proc_create_single("net/sockstat", 0444, NULL, sockstat_seq_show);
	return 0;
}
fs_initcall(ip_proc_init);
