/* Socket ioctl numbers (SIOC*) with Linux's values, plus the generic FIO* ones sockets answer. */
#ifndef _UAPI_LINUX_SOCKIOS_H
#define _UAPI_LINUX_SOCKIOS_H

#include "../asm-generic/ioctls.h"

#define SIOCINQ		FIONREAD	/* bytes waiting to be read */
#define SIOCOUTQ	TIOCOUTQ	/* bytes not yet acknowledged/sent */

#define FIOSETOWN	0x8901
#define SIOCSPGRP	0x8902
#define FIOGETOWN	0x8903
#define SIOCGPGRP	0x8904
#define SIOCATMARK	0x8905
#define SIOCGSTAMP	0x8906

/* Routing table calls (struct rtentry). */
#define SIOCADDRT	0x890B
#define SIOCDELRT	0x890C
#define SIOCRTMSG	0x890D

/* Socket configuration controls (struct ifreq). */
#define SIOCGIFNAME	0x8910		/* get iface name from ifr_ifindex */
#define SIOCSIFLINK	0x8911
#define SIOCGIFCONF	0x8912		/* get iface list (struct ifconf) */
#define SIOCGIFFLAGS	0x8913
#define SIOCSIFFLAGS	0x8914
#define SIOCGIFADDR	0x8915
#define SIOCSIFADDR	0x8916
#define SIOCGIFDSTADDR	0x8917
#define SIOCSIFDSTADDR	0x8918
#define SIOCGIFBRDADDR	0x8919
#define SIOCSIFBRDADDR	0x891a
#define SIOCGIFNETMASK	0x891b
#define SIOCSIFNETMASK	0x891c
#define SIOCGIFMETRIC	0x891d
#define SIOCSIFMETRIC	0x891e
#define SIOCGIFMEM	0x891f
#define SIOCSIFMEM	0x8920
#define SIOCGIFMTU	0x8921
#define SIOCSIFMTU	0x8922
#define SIOCSIFNAME	0x8923
#define SIOCSIFHWADDR	0x8924
#define SIOCGIFENCAP	0x8925
#define SIOCSIFENCAP	0x8926
#define SIOCGIFHWADDR	0x8927
#define SIOCGIFSLAVE	0x8929
#define SIOCSIFSLAVE	0x8930
#define SIOCADDMULTI	0x8931
#define SIOCDELMULTI	0x8932
#define SIOCGIFINDEX	0x8933
#define SIOGIFINDEX	SIOCGIFINDEX
#define SIOCSIFPFLAGS	0x8934
#define SIOCGIFPFLAGS	0x8935
#define SIOCDIFADDR	0x8936
#define SIOCSIFHWBROADCAST 0x8937
#define SIOCGIFCOUNT	0x8938
#define SIOCGIFTXQLEN	0x8942
#define SIOCSIFTXQLEN	0x8943
#define SIOCETHTOOL	0x8946
#define SIOCOUTQNSD	0x894B

/* ARP cache control calls (struct arpreq). */
#define SIOCDARP	0x8953
#define SIOCGARP	0x8954
#define SIOCSARP	0x8955

#define SIOCGIFMAP	0x8970
#define SIOCSIFMAP	0x8971

/* Protocol-private and device-private ranges. */
#define SIOCDEVPRIVATE	0x89F0
#define SIOCPROTOPRIVATE 0x89E0

#endif
