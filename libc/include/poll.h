/* poll(): wait for events on several descriptors. */
#ifndef _POLL_H
#define _POLL_H

#include <features.h>
#include <asm-generic/poll.h>

__BEGIN_DECLS

typedef unsigned long nfds_t;

int poll(struct pollfd *fds, nfds_t nfds, int timeout);

__END_DECLS

#endif
