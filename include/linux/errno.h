/* Kernel errno: the user-visible Linux numbers plus kernel-internal ones never returned to user space. */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#include <uapi/asm-generic/errno.h>

#define ERESTARTSYS	512	/* interrupted by a signal; becomes EINTR on the way out */
#define ENOIOCTLCMD	515	/* no ioctl command: the caller tries the next handler, else ENOTTY */

#endif
