/* Scatter/gather vectors for readv/writev/sendmsg/recvmsg. */
#ifndef _UAPI_LINUX_UIO_H
#define _UAPI_LINUX_UIO_H

#include "types.h"

struct iovec {
	void __user *iov_base;
	__kernel_size_t iov_len;
};

#define UIO_FASTIOV	8
#define UIO_MAXIOV	1024

#endif
