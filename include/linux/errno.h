/* Kernel errno: the user-visible Linux numbers plus kernel-internal ones never returned to user space. */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#include <uapi/asm-generic/errno.h>

#define ERESTARTSYS	512	/* interrupted by a signal: restarted after a SA_RESTART handler, else EINTR */
#define ERESTARTNOINTR	513	/* always restarted */
#define ERESTARTNOHAND	514	/* restarted only if no handler ran, else EINTR */
#define ENOIOCTLCMD	515	/* no ioctl command: the caller tries the next handler, else ENOTTY */

#endif
