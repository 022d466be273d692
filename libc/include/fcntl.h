/* open() and fcntl(). */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <features.h>
#include <sys/types.h>
#include <asm-generic/fcntl.h>

__BEGIN_DECLS

#define AT_FDCWD		(-100)
#define AT_SYMLINK_NOFOLLOW	0x100
#define AT_REMOVEDIR		0x200

#define F_DUPFD_CLOEXEC		1030
#define O_NDELAY		O_NONBLOCK
#ifndef O_SYNC
#define O_SYNC			04010000
#endif
#ifndef O_NOFOLLOW
#define O_NOFOLLOW		00400000
#endif

int open(const char *path, int flags, ...);
int openat(int dirfd, const char *path, int flags, ...);
int creat(const char *path, mode_t mode);
int fcntl(int fd, int cmd, ...);

__END_DECLS

#endif
