/* getrandom(): bytes from the kernel's random number generator. */
#ifndef _SYS_RANDOM_H
#define _SYS_RANDOM_H

#include <features.h>
#include <sys/types.h>
#include <linux/random.h>

__BEGIN_DECLS

ssize_t getrandom(void *buf, size_t len, unsigned int flags);

__END_DECLS

#endif
