/* Vectored I/O. */
#ifndef _SYS_UIO_H
#define _SYS_UIO_H

#include <features.h>
#include <sys/types.h>
#include <linux/uio.h>

__BEGIN_DECLS

ssize_t readv(int fd, const struct iovec *iov, int iovcnt);
ssize_t writev(int fd, const struct iovec *iov, int iovcnt);

__END_DECLS

#endif
