/* ioctl(): device and socket control, with the terminal and socket request numbers. */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <features.h>
#include <asm-generic/ioctls.h>
#include <asm-generic/termbits.h>
#include <linux/sockios.h>

__BEGIN_DECLS

int ioctl(int fd, unsigned long request, ...);

__END_DECLS

#endif
