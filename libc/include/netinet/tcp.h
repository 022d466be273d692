/* TCP socket options and header (the kernel's), plus the connection states as glibc names them. */
#ifndef _NETINET_TCP_H
#define _NETINET_TCP_H

#include <linux/tcp.h>

/* RFC 9293 states, numbered as Linux reports them (tcpi_state, /proc/net/tcp). */
enum {
	TCP_ESTABLISHED = 1,
	TCP_SYN_SENT,
	TCP_SYN_RECV,
	TCP_FIN_WAIT1,
	TCP_FIN_WAIT2,
	TCP_TIME_WAIT,
	TCP_CLOSE,
	TCP_CLOSE_WAIT,
	TCP_LAST_ACK,
	TCP_LISTEN,
	TCP_CLOSING
};

#endif
