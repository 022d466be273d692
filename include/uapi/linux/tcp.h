/*
 * TCP as user space sees it: socket options at IPPROTO_TCP, struct tcp_info (the leading fields of
 * Linux's, so Linux tools read it unchanged), and the wire header struct tcphdr (RFC 9293 3.1).
 * The kernel's <linux/tcp.h> (struct tcp_sock) includes this file.
 */
#ifndef _UAPI_LINUX_TCP_H
#define _UAPI_LINUX_TCP_H

#include "types.h"

/* RFC 9293 3.1: the fixed 20-byte header; flag bit-fields in the little-endian order Linux uses. */
struct tcphdr {
	__be16 source;
	__be16 dest;
	__be32 seq;
	__be32 ack_seq;
	__u16 res1:4,
	      doff:4,
	      fin:1,
	      syn:1,
	      rst:1,
	      psh:1,
	      ack:1,
	      urg:1,
	      ece:1,
	      cwr:1;
	__be16 window;
	__sum16 check;
	__be16 urg_ptr;
};

/* IPPROTO_TCP level socket options. */
#define TCP_NODELAY		1	/* turn off Nagle's algorithm */
#define TCP_MAXSEG		2	/* limit the MSS */
#define TCP_CORK		3	/* never send partially complete segments */
#define TCP_KEEPIDLE		4	/* idle seconds before keepalive probes start */
#define TCP_KEEPINTVL		5	/* seconds between keepalive probes */
#define TCP_KEEPCNT		6	/* probes before dropping the connection */
#define TCP_SYNCNT		7	/* SYN retransmits */
#define TCP_LINGER2		8	/* life time of orphaned FIN_WAIT2 sockets */
#define TCP_DEFER_ACCEPT	9
#define TCP_WINDOW_CLAMP	10
#define TCP_INFO		11	/* struct tcp_info */
#define TCP_QUICKACK		12
#define TCP_CONGESTION		13
#define TCP_USER_TIMEOUT	18

#define TCP_MAXWIN		65535	/* largest window without scaling (RFC 7323) */
#define TCP_MAX_WINSHIFT	14	/* largest window scale (RFC 7323 2.3) */

/* tcpi_options bits. */
#define TCPI_OPT_TIMESTAMPS	1
#define TCPI_OPT_SACK		2
#define TCPI_OPT_WSCALE		4
#define TCPI_OPT_ECN		8

/* tcpi_ca_state values (enum tcp_ca_state). */
#define TCP_CA_Open		0
#define TCP_CA_Disorder		1
#define TCP_CA_CWR		2
#define TCP_CA_Recovery		3
#define TCP_CA_Loss		4

/*
 * TCP_INFO: the first fields of Linux's struct tcp_info, same offsets. getsockopt copies
 * min(optlen, sizeof) as Linux does, so a program asking for Linux's longer struct gets this prefix.
 * Times are in microseconds except the last_* ones (milliseconds).
 */
struct tcp_info {
	__u8 tcpi_state;
	__u8 tcpi_ca_state;
	__u8 tcpi_retransmits;
	__u8 tcpi_probes;
	__u8 tcpi_backoff;
	__u8 tcpi_options;
	__u8 tcpi_snd_wscale : 4, tcpi_rcv_wscale : 4;
	__u8 tcpi_delivery_rate_app_limited : 1, tcpi_fastopen_client_fail : 2;

	__u32 tcpi_rto;
	__u32 tcpi_ato;
	__u32 tcpi_snd_mss;
	__u32 tcpi_rcv_mss;

	__u32 tcpi_unacked;
	__u32 tcpi_sacked;
	__u32 tcpi_lost;
	__u32 tcpi_retrans;
	__u32 tcpi_fackets;

	__u32 tcpi_last_data_sent;
	__u32 tcpi_last_ack_sent;
	__u32 tcpi_last_data_recv;
	__u32 tcpi_last_ack_recv;

	__u32 tcpi_pmtu;
	__u32 tcpi_rcv_ssthresh;
	__u32 tcpi_rtt;
	__u32 tcpi_rttvar;
	__u32 tcpi_snd_ssthresh;
	__u32 tcpi_snd_cwnd;
	__u32 tcpi_advmss;
	__u32 tcpi_reordering;

	__u32 tcpi_rcv_rtt;
	__u32 tcpi_rcv_space;

	__u32 tcpi_total_retrans;
};

#endif
