/*
 * getdents64 (Linux: fs/readdir.c): the file's iterate_shared() emits one name at a time through
 * filldir64(), which packs struct linux_dirent64 records into the user buffer until it is full.
 * ctx.pos is the index of the next entry, kept in f_pos between calls.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <uapi/linux/dirent.h>

struct getdents_callback64 {
	struct dir_context ctx;
	char __user *current_dir;
	int count;		/* bytes left in the user buffer */
	int error;
	int written;
};

static bool filldir64(struct dir_context *ctx, const char *name, int namlen, loff_t offset, u64 ino,
		      unsigned int d_type)
{
	struct getdents_callback64 *buf = container_of(ctx, struct getdents_callback64, ctx);
	int reclen = ALIGN(offsetof(struct linux_dirent64, d_name) + namlen + 1, sizeof(u64));
	struct {
		struct linux_dirent64 d;
		char name[256 + 8];
	} rec;

	if (namlen > 255) {
		buf->error = -EOVERFLOW;
		return false;
	}
	if (reclen > buf->count) {
		buf->error = -EINVAL;	/* too small for this entry (only matters if it is the first) */
		return false;
	}
	memset(&rec, 0, reclen);
	rec.d.d_ino = ino;
	rec.d.d_off = offset + 1;
	rec.d.d_reclen = reclen;
	rec.d.d_type = d_type;
	memcpy(rec.d.d_name, name, namlen);
	if (copy_to_user(buf->current_dir, &rec, reclen)) {
		buf->error = -EFAULT;
		return false;
	}
	buf->current_dir += reclen;
	buf->count -= reclen;
	buf->written += reclen;
	return true;
}

SYSCALL_DEFINE3(getdents64, unsigned int, fd, struct linux_dirent64 __user *, dirent, unsigned int, count)
{
	struct getdents_callback64 buf = {
		.ctx.actor = filldir64,
		.current_dir = (char __user *)dirent,
		.count = count > INT_MAX ? INT_MAX : (int)count,
	};
	struct file *file;
	long ret;

	if (!access_ok(dirent, count))
		return -EFAULT;
	file = fget(fd);
	if (!file)
		return -EBADF;
	ret = -ENOTDIR;
	if (!file->f_op->iterate_shared)
		goto out;
	buf.ctx.pos = file->f_pos;
	ret = file->f_op->iterate_shared(file, &buf.ctx);
	file->f_pos = buf.ctx.pos;
	if (!ret)
		ret = buf.written ? buf.written : buf.error;
out:
	fput(file);
	return ret;
}
