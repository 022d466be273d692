/* select(): the older interface to wait on descriptors (at most FD_SETSIZE of them). */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H

#include <features.h>
#include <sys/types.h>
#include <linux/time.h>

__BEGIN_DECLS

#define FD_SETSIZE	1024
#define __NFDBITS	(8 * (int)sizeof(unsigned long))

typedef struct {
	unsigned long fds_bits[FD_SETSIZE / __NFDBITS];
} fd_set;

#define FD_ZERO(s)	do { unsigned int __i; for (__i = 0; __i < FD_SETSIZE / __NFDBITS; __i++) \
				(s)->fds_bits[__i] = 0; } while (0)
#define FD_SET(d, s)	((s)->fds_bits[(d) / __NFDBITS] |= (1UL << ((d) % __NFDBITS)))
#define FD_CLR(d, s)	((s)->fds_bits[(d) / __NFDBITS] &= ~(1UL << ((d) % __NFDBITS)))
#define FD_ISSET(d, s)	(((s)->fds_bits[(d) / __NFDBITS] & (1UL << ((d) % __NFDBITS))) != 0)

int select(int nfds, fd_set *restrict readfds, fd_set *restrict writefds, fd_set *restrict exceptfds,
	   struct timeval *restrict timeout);

__END_DECLS

#endif
