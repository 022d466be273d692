/* Network interfaces: struct ifreq (the kernel's) and name <-> index lookups. */
#ifndef _NET_IF_H
#define _NET_IF_H

#include <features.h>
#include <sys/socket.h>
#include <linux/if.h>

__BEGIN_DECLS

struct if_nameindex {
	unsigned int if_index;
	char *if_name;
};

unsigned int if_nametoindex(const char *name);
char *if_indextoname(unsigned int index, char *name);

__END_DECLS

#endif
