/*
 * SNMP MIB counters (RFC 4293 IP, RFC 4022 TCP, RFC 4113 UDP, RFC 792 ICMP) as Linux keeps them
 * and prints them in /proc/net/snmp (net/ipv4/proc.c). One CPU and one namespace, so each MIB is a
 * plain global array; the net argument of the macros is kept so call sites read as Linux's.
 * Field order follows Linux's uapi/linux/snmp.h so the /proc lines come out in Linux order.
 */
#ifndef _NET_SNMP_H
#define _NET_SNMP_H

#include <linux/types.h>

enum {
	IPSTATS_MIB_NUM = 0,
	IPSTATS_MIB_INPKTS,			/* InReceives */
	IPSTATS_MIB_INOCTETS,
	IPSTATS_MIB_INDELIVERS,			/* InDelivers */
	IPSTATS_MIB_OUTFORWDATAGRAMS,		/* ForwDatagrams */
	IPSTATS_MIB_OUTREQUESTS,		/* OutRequests */
	IPSTATS_MIB_OUTOCTETS,
	IPSTATS_MIB_INHDRERRORS,		/* InHdrErrors */
	IPSTATS_MIB_INTOOBIGERRORS,
	IPSTATS_MIB_INNOROUTES,
	IPSTATS_MIB_INADDRERRORS,		/* InAddrErrors */
	IPSTATS_MIB_INUNKNOWNPROTOS,		/* InUnknownProtos */
	IPSTATS_MIB_INTRUNCATEDPKTS,
	IPSTATS_MIB_INDISCARDS,			/* InDiscards */
	IPSTATS_MIB_OUTDISCARDS,		/* OutDiscards */
	IPSTATS_MIB_OUTNOROUTES,		/* OutNoRoutes */
	IPSTATS_MIB_REASMTIMEOUT,		/* ReasmTimeout */
	IPSTATS_MIB_REASMREQDS,			/* ReasmReqds */
	IPSTATS_MIB_REASMOKS,			/* ReasmOKs */
	IPSTATS_MIB_REASMFAILS,			/* ReasmFails */
	IPSTATS_MIB_FRAGOKS,			/* FragOKs */
	IPSTATS_MIB_FRAGFAILS,			/* FragFails */
	IPSTATS_MIB_FRAGCREATES,		/* FragCreates */
	IPSTATS_MIB_INMCASTPKTS,
	IPSTATS_MIB_OUTMCASTPKTS,
	IPSTATS_MIB_INBCASTPKTS,
	IPSTATS_MIB_OUTBCASTPKTS,
	IPSTATS_MIB_INMCASTOCTETS,
	IPSTATS_MIB_OUTMCASTOCTETS,
	IPSTATS_MIB_INBCASTOCTETS,
	IPSTATS_MIB_OUTBCASTOCTETS,
	IPSTATS_MIB_CSUMERRORS,			/* InCsumErrors (IpExt) */
	IPSTATS_MIB_NOECTPKTS,
	IPSTATS_MIB_ECT1PKTS,
	IPSTATS_MIB_ECT0PKTS,
	IPSTATS_MIB_CEPKTS,
	IPSTATS_MIB_REASM_OVERLAPS,		/* ReasmOverlaps (IpExt) */
	IPSTATS_MIB_OUTPKTS,			/* OutTransmits */
	__IPSTATS_MIB_MAX
};

enum {
	ICMP_MIB_NUM = 0,
	ICMP_MIB_INMSGS,			/* InMsgs */
	ICMP_MIB_INERRORS,			/* InErrors */
	ICMP_MIB_INDESTUNREACHS,
	ICMP_MIB_INTIMEEXCDS,
	ICMP_MIB_INPARMPROBS,
	ICMP_MIB_INSRCQUENCHS,
	ICMP_MIB_INREDIRECTS,
	ICMP_MIB_INECHOS,
	ICMP_MIB_INECHOREPS,
	ICMP_MIB_INTIMESTAMPS,
	ICMP_MIB_INTIMESTAMPREPS,
	ICMP_MIB_INADDRMASKS,
	ICMP_MIB_INADDRMASKREPS,
	ICMP_MIB_OUTMSGS,			/* OutMsgs */
	ICMP_MIB_OUTERRORS,			/* OutErrors */
	ICMP_MIB_OUTDESTUNREACHS,
	ICMP_MIB_OUTTIMEEXCDS,
	ICMP_MIB_OUTPARMPROBS,
	ICMP_MIB_OUTSRCQUENCHS,
	ICMP_MIB_OUTREDIRECTS,
	ICMP_MIB_OUTECHOS,
	ICMP_MIB_OUTECHOREPS,
	ICMP_MIB_OUTTIMESTAMPS,
	ICMP_MIB_OUTTIMESTAMPREPS,
	ICMP_MIB_OUTADDRMASKS,
	ICMP_MIB_OUTADDRMASKREPS,
	ICMP_MIB_CSUMERRORS,			/* InCsumErrors */
	ICMP_MIB_RATELIMITGLOBAL,		/* OutRateLimitGlobal */
	ICMP_MIB_RATELIMITHOST,			/* OutRateLimitHost */
	__ICMP_MIB_MAX
};

/* IcmpMsg: per type, in and out (Linux's icmpmsg_statistics: index type, +256 for out). */
#define ICMPMSG_MIB_MAX	512

enum {
	TCP_MIB_NUM = 0,
	TCP_MIB_RTOALGORITHM,			/* RtoAlgorithm */
	TCP_MIB_RTOMIN,
	TCP_MIB_RTOMAX,
	TCP_MIB_MAXCONN,
	TCP_MIB_ACTIVEOPENS,			/* ActiveOpens */
	TCP_MIB_PASSIVEOPENS,			/* PassiveOpens */
	TCP_MIB_ATTEMPTFAILS,			/* AttemptFails */
	TCP_MIB_ESTABRESETS,			/* EstabResets */
	TCP_MIB_CURRESTAB,			/* CurrEstab (a gauge: tcp sets it up and down) */
	TCP_MIB_INSEGS,				/* InSegs */
	TCP_MIB_OUTSEGS,			/* OutSegs */
	TCP_MIB_RETRANSSEGS,			/* RetransSegs */
	TCP_MIB_INERRS,				/* InErrs */
	TCP_MIB_OUTRSTS,			/* OutRsts */
	TCP_MIB_CSUMERRORS,			/* InCsumErrors */
	__TCP_MIB_MAX
};

enum {
	UDP_MIB_NUM = 0,
	UDP_MIB_INDATAGRAMS,			/* InDatagrams */
	UDP_MIB_NOPORTS,			/* NoPorts */
	UDP_MIB_INERRORS,			/* InErrors */
	UDP_MIB_OUTDATAGRAMS,			/* OutDatagrams */
	UDP_MIB_RCVBUFERRORS,			/* RcvbufErrors */
	UDP_MIB_SNDBUFERRORS,			/* SndbufErrors */
	UDP_MIB_CSUMERRORS,			/* InCsumErrors */
	UDP_MIB_IGNOREDMULTI,			/* IgnoredMulti */
	UDP_MIB_MEMERRORS,			/* MemErrors */
	__UDP_MIB_MAX
};

/*
 * TcpExt counters (LINUX_MIB_*, /proc/net/netstat). Only the ones this stack counts; tcp adds
 * more here (log it in LOG.md) and net/ipv4/proc.c prints every entry of linux_mib_names[].
 */
enum {
	LINUX_MIB_NUM = 0,
	LINUX_MIB_SYNCOOKIESSENT,
	LINUX_MIB_SYNCOOKIESRECV,
	LINUX_MIB_SYNCOOKIESFAILED,
	LINUX_MIB_EMBRYONICRSTS,
	LINUX_MIB_PRUNECALLED,
	LINUX_MIB_OUTOFWINDOWICMPS,
	LINUX_MIB_TIMEWAITED,
	LINUX_MIB_TIMEWAITRECYCLED,
	LINUX_MIB_DELAYEDACKS,
	LINUX_MIB_LISTENOVERFLOWS,
	LINUX_MIB_LISTENDROPS,
	LINUX_MIB_TCPPUREACKS,
	LINUX_MIB_TCPHPACKS,
	LINUX_MIB_TCPLOSSUNDO,
	LINUX_MIB_TCPTIMEOUTS,
	LINUX_MIB_TCPFASTRETRANS,
	LINUX_MIB_TCPSLOWSTARTRETRANS,
	LINUX_MIB_TCPOFOQUEUE,
	LINUX_MIB_TCPOFODROP,
	LINUX_MIB_TCPRCVQDROP,
	LINUX_MIB_TCPABORTONDATA,
	LINUX_MIB_TCPABORTONCLOSE,
	LINUX_MIB_TCPABORTONTIMEOUT,
	LINUX_MIB_TCPBACKLOGDROP,
	LINUX_MIB_TCPCHALLENGEACK,
	LINUX_MIB_TCPSYNCHALLENGE,
	LINUX_MIB_TCPDSACKRECV,
	LINUX_MIB_TCPRETRANSFAIL,
	LINUX_MIB_TCPSYNRETRANS,
	LINUX_MIB_TCPACKSKIPPEDSEQ,
	LINUX_MIB_TCPZEROWINDOWDROP,
	LINUX_MIB_TCPWANTZEROWINDOWADV,
	LINUX_MIB_TCPTOZEROWINDOWADV,
	LINUX_MIB_TCPFROMZEROWINDOWADV,
	LINUX_MIB_TCPWINPROBE,
	LINUX_MIB_TCPKEEPALIVE,
	LINUX_MIB_TCPMEMORYPRESSURES,
	LINUX_MIB_PAWSESTABREJECTED,		/* tcp: RFC 7323 PAWS drops */
	LINUX_MIB_TCPABORTONMEMORY,		/* tcp: orphan reset for lack of memory */
	LINUX_MIB_TCPABORTONLINGER,		/* tcp: orphan reset, TCP_LINGER2 < 0 */
	__LINUX_MIB_MAX
};

/* The MIBs themselves (net/ipv4/proc.c). */
extern unsigned long ip_statistics[__IPSTATS_MIB_MAX];
extern unsigned long icmp_statistics[__ICMP_MIB_MAX];
extern unsigned long icmpmsg_statistics[ICMPMSG_MIB_MAX];
extern unsigned long tcp_statistics[__TCP_MIB_MAX];
extern unsigned long udp_statistics[__UDP_MIB_MAX];
extern unsigned long net_statistics[__LINUX_MIB_MAX];
extern const char *const linux_mib_names[__LINUX_MIB_MAX];

#define SNMP_INC_STATS(mib, field)		((mib)[field]++)
#define SNMP_DEC_STATS(mib, field)		((mib)[field]--)
#define SNMP_ADD_STATS(mib, field, addend)	((mib)[field] += (addend))

/* Linux's macro names; `net` is evaluated for type-checking only. */
#define IP_INC_STATS(net, field)	((void)(net), SNMP_INC_STATS(ip_statistics, field))
#define __IP_INC_STATS(net, field)	IP_INC_STATS(net, field)
#define IP_ADD_STATS(net, field, val)	((void)(net), SNMP_ADD_STATS(ip_statistics, field, val))
#define __IP_ADD_STATS(net, field, val)	IP_ADD_STATS(net, field, val)
#define IP_UPD_PO_STATS(net, field, val) \
	((void)(net), SNMP_INC_STATS(ip_statistics, field), SNMP_ADD_STATS(ip_statistics, field + 1, val))
#define __IP_UPD_PO_STATS(net, field, val) IP_UPD_PO_STATS(net, field, val)
#define ICMP_INC_STATS(net, field)	((void)(net), SNMP_INC_STATS(icmp_statistics, field))
#define __ICMP_INC_STATS(net, field)	ICMP_INC_STATS(net, field)
#define ICMPMSGOUT_INC_STATS(net, type)	((void)(net), SNMP_INC_STATS(icmpmsg_statistics, (type) + 256))
#define ICMPMSGIN_INC_STATS(net, type)	((void)(net), SNMP_INC_STATS(icmpmsg_statistics, type))
#define TCP_INC_STATS(net, field)	((void)(net), SNMP_INC_STATS(tcp_statistics, field))
#define __TCP_INC_STATS(net, field)	TCP_INC_STATS(net, field)
#define TCP_DEC_STATS(net, field)	((void)(net), SNMP_DEC_STATS(tcp_statistics, field))
#define TCP_ADD_STATS(net, field, val)	((void)(net), SNMP_ADD_STATS(tcp_statistics, field, val))
#define __UDP_INC_STATS(net, field, is_udplite) ((void)(net), SNMP_INC_STATS(udp_statistics, field))
#define UDP_INC_STATS(net, field, is_udplite)	__UDP_INC_STATS(net, field, is_udplite)
#define NET_INC_STATS(net, field)	((void)(net), SNMP_INC_STATS(net_statistics, field))
#define __NET_INC_STATS(net, field)	NET_INC_STATS(net, field)
#define NET_ADD_STATS(net, field, val)	((void)(net), SNMP_ADD_STATS(net_statistics, field, val))
#define __NET_ADD_STATS(net, field, val) NET_ADD_STATS(net, field, val)

/* Zeroes every MIB (host tests start from a clean slate). */
void snmp_reset_all(void);

#endif
