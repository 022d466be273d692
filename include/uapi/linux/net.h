/* Socket states as struct socket records them (include/uapi/linux/net.h). */
#ifndef _UAPI_LINUX_NET_H
#define _UAPI_LINUX_NET_H

typedef enum {
	SS_FREE = 0,		/* not allocated */
	SS_UNCONNECTED,		/* unconnected to any socket */
	SS_CONNECTING,		/* in process of connecting */
	SS_CONNECTED,		/* connected to socket */
	SS_DISCONNECTING	/* in process of disconnecting */
} socket_state;

#endif
