/*
 * struct iov_iter: the cursor over the caller's buffers that sendmsg/recvmsg hand down the stack in
 * msg->msg_iter. ITER_IOVEC segments are user memory and go through copy_from_user/copy_to_user (a bad
 * pointer gives a short copy, which the socket layer turns into -EFAULT); ITER_KVEC segments are kernel
 * memory (kernel_sendmsg). The functions live in net/core/iov_iter.c (Linux: lib/iov_iter.c).
 */
#ifndef _LINUX_UIO_H
#define _LINUX_UIO_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <uapi/linux/uio.h>

struct kvec {
	void *iov_base;
	size_t iov_len;
};

enum iter_type {
	ITER_IOVEC = 4,
	ITER_KVEC = 8,
};

/* Direction, or-ed into the type: READ fills the buffers (recvmsg), WRITE drains them (sendmsg). */
#ifndef READ
#define READ	0
#define WRITE	1
#endif

struct iov_iter {
	unsigned int type;
	size_t iov_offset;		/* bytes already consumed in the current segment */
	size_t count;			/* bytes left in the whole iterator */
	union {
		const struct iovec *iov;
		const struct kvec *kvec;
	};
	unsigned long nr_segs;
};

static inline size_t iov_iter_count(const struct iov_iter *i)
{
	return i->count;
}

static inline bool iter_is_iovec(const struct iov_iter *i)
{
	return (i->type & ~(READ | WRITE)) == ITER_IOVEC;
}

static inline void iov_iter_truncate(struct iov_iter *i, u64 count)
{
	if (i->count > count)
		i->count = count;
}

void iov_iter_init(struct iov_iter *i, unsigned int direction, const struct iovec *iov,
		   unsigned long nr_segs, size_t count);
void iov_iter_kvec(struct iov_iter *i, unsigned int direction, const struct kvec *kvec,
		   unsigned long nr_segs, size_t count);
/* Return the bytes actually copied (short on a bad user pointer); the iterator advances by that much. */
size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i);
size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i);
/* All or nothing: false (and the iterator where it was) if any byte could not be copied. */
bool copy_from_iter_full(void *addr, size_t bytes, struct iov_iter *i);

/* Imports a user iovec array (readv/sendmsg): validates the lengths, fills iter; -EINVAL/-EFAULT. */
ssize_t import_iovec(int type, const struct iovec __user *uvector, unsigned int nr_segs,
		     unsigned int fast_segs, struct iovec **iov, struct iov_iter *i);
int import_single_range(int type, void __user *buf, size_t len, struct iovec *iov, struct iov_iter *i);

#endif
