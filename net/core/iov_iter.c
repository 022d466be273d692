/*
 * struct iov_iter: walking the caller's buffers for sendmsg/recvmsg (Linux: lib/iov_iter.c; here under
 * net/ so the host build of the stack has it too). User segments (ITER_IOVEC) are copied with
 * copy_from_user/copy_to_user, so a bad pointer ends the copy short instead of faulting the kernel;
 * kernel segments (ITER_KVEC) with memcpy.
 */
#include <linux/uio.h>
#include <linux/uaccess.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/kernel.h>

void iov_iter_init(struct iov_iter *i, unsigned int direction, const struct iovec *iov,
		   unsigned long nr_segs, size_t count)
{
	i->type = ITER_IOVEC | (direction & (READ | WRITE));
	i->iov = iov;
	i->nr_segs = nr_segs;
	i->iov_offset = 0;
	i->count = count;
}

void iov_iter_kvec(struct iov_iter *i, unsigned int direction, const struct kvec *kvec,
		   unsigned long nr_segs, size_t count)
{
	i->type = ITER_KVEC | (direction & (READ | WRITE));
	i->kvec = kvec;
	i->nr_segs = nr_segs;
	i->iov_offset = 0;
	i->count = count;
}

/* Base and remaining length of the current segment (kvec and iovec share the layout). */
static void iov_iter_segment(const struct iov_iter *i, void **base, size_t *len)
{
	if (iter_is_iovec(i)) {
		*base = (char *)i->iov->iov_base + i->iov_offset;
		*len = i->iov->iov_len - i->iov_offset;
	} else {
		*base = (char *)i->kvec->iov_base + i->iov_offset;
		*len = i->kvec->iov_len - i->iov_offset;
	}
}

static void iov_iter_next_segment(struct iov_iter *i)
{
	if (iter_is_iovec(i))
		i->iov++;
	else
		i->kvec++;
	i->nr_segs--;
	i->iov_offset = 0;
}

/* Copies between addr and the iterator; to_iter says which way. Returns bytes copied. */
static size_t iov_iter_copy(void *addr, size_t bytes, struct iov_iter *i, bool to_iter)
{
	size_t done = 0;

	bytes = min(bytes, i->count);
	while (done < bytes && i->nr_segs) {
		void *base;
		size_t len, n, left;

		iov_iter_segment(i, &base, &len);
		if (!len) {
			iov_iter_next_segment(i);
			continue;
		}
		n = min(len, bytes - done);
		if (!iter_is_iovec(i)) {
			if (to_iter)
				memcpy(base, (char *)addr + done, n);
			else
				memcpy((char *)addr + done, base, n);
			left = 0;
		} else if (to_iter) {
			left = copy_to_user((void __user *)base, (char *)addr + done, n);
		} else {
			left = copy_from_user((char *)addr + done, (const void __user *)base, n);
		}
		/* copy_*_user is all-or-nothing here: a fault ends the copy at this segment. */
		if (left)
			break;
		done += n;
		i->count -= n;
		if (n == len)
			iov_iter_next_segment(i);
		else
			i->iov_offset += n;
	}
	return done;
}

size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	return iov_iter_copy(addr, bytes, i, false);
}

size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	return iov_iter_copy((void *)addr, bytes, i, true);
}

bool copy_from_iter_full(void *addr, size_t bytes, struct iov_iter *i)
{
	struct iov_iter saved = *i;

	if (bytes > i->count)
		return false;
	if (copy_from_iter(addr, bytes, i) == bytes)
		return true;
	*i = saved;
	return false;
}

/*
 * Copies the user's iovec array in (on the stack if it has at most fast_segs entries, else kmalloc'd
 * into *iov, which the caller kfree()s), checks it, and sets up i. Returns the total length.
 */
ssize_t import_iovec(int type, const struct iovec __user *uvector, unsigned int nr_segs,
		     unsigned int fast_segs, struct iovec **iov, struct iov_iter *i)
{
	struct iovec *vec = *iov;
	size_t total = 0;
	unsigned int seg;

	if (nr_segs > UIO_MAXIOV) {
		*iov = NULL;
		return -EINVAL;
	}
	if (nr_segs > fast_segs) {
		vec = kmalloc(nr_segs * sizeof(*vec), GFP_KERNEL);
		if (!vec) {
			*iov = NULL;
			return -ENOMEM;
		}
	}
	if (nr_segs && copy_from_user(vec, uvector, nr_segs * sizeof(*vec)))
		goto fault;
	for (seg = 0; seg < nr_segs; seg++) {
		ssize_t len = (ssize_t)vec[seg].iov_len;

		if (len < 0)
			goto inval;
		/* Linux caps the total at MAX_RW_COUNT rather than failing; so do we. */
		if ((size_t)len > (size_t)INT_MAX - total) {
			len = INT_MAX - total;
			vec[seg].iov_len = len;
		}
		total += len;
	}
	iov_iter_init(i, type, vec, nr_segs, total);
	*iov = vec == *iov ? NULL : vec;
	return total;
fault:
	if (vec != *iov)
		kfree(vec);
	*iov = NULL;
	return -EFAULT;
inval:
	if (vec != *iov)
		kfree(vec);
	*iov = NULL;
	return -EINVAL;
}

int import_single_range(int type, void __user *buf, size_t len, struct iovec *iov,
			struct iov_iter *i)
{
	if (len > INT_MAX)
		len = INT_MAX;
	if (!access_ok(buf, len))
		return -EFAULT;
	iov->iov_base = buf;
	iov->iov_len = len;
	iov_iter_init(i, type, iov, 1, len);
	return 0;
}
