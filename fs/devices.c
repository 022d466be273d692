/*
 * /dev: the character devices, fixed (Linux would have devtmpfs + drivers/char/mem.c):
 * console and tty (the console terminal), null, zero, random and urandom.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/random.h>
#include <linux/fs.h>
#include <linux/tty.h>
#include <uapi/linux/stat.h>
#include <uapi/linux/dirent.h>
#include "internal.h"

#define MEM_MAJOR	1

static ssize_t null_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	return 0;
}

static ssize_t null_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	return count;
}

static ssize_t zero_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	static const char zeros[256];
	size_t done = 0;

	while (done < count) {
		size_t n = min(count - done, sizeof(zeros));

		if (copy_to_user(buf + done, zeros, n))
			return done ? (ssize_t)done : -EFAULT;
		done += n;
	}
	return done;
}

static ssize_t random_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	char chunk[64];
	size_t done = 0;

	while (done < count) {
		size_t n = min(count - done, sizeof(chunk));

		get_random_bytes(chunk, n);
		if (copy_to_user(buf + done, chunk, n))
			return done ? (ssize_t)done : -EFAULT;
		done += n;
	}
	return done;
}

static loff_t mem_llseek(struct file *file, loff_t offset, int whence)
{
	file->f_pos = 0;
	return 0;
}

struct mem_dev {
	const char *name;
	unsigned int minor;
	const struct file_operations fops;
};

static int mem_getattr(struct file *file, struct kstat *stat);

static const struct mem_dev devlist[] = {
	{ "null", 3, { .read = null_read, .write = null_write, .llseek = mem_llseek, .getattr = mem_getattr } },
	{ "zero", 5, { .read = zero_read, .write = null_write, .llseek = mem_llseek, .getattr = mem_getattr } },
	{ "random", 8, { .read = random_read, .write = null_write, .getattr = mem_getattr } },
	{ "urandom", 9, { .read = random_read, .write = null_write, .getattr = mem_getattr } },
};

static int mem_getattr(struct file *file, struct kstat *stat)
{
	const struct mem_dev *dev = container_of(file->f_op, struct mem_dev, fops);

	stat->mode = S_IFCHR | 0666;
	stat->rdev = (MEM_MAJOR << 8) | dev->minor;
	stat->ino = 10 + dev->minor;
	return 0;
}

static const char *const tty_names[] = { "console", "tty" };

static int dev_iterate(struct file *file, struct dir_context *ctx)
{
	static const char *const dots[] = { ".", ".." };
	loff_t idx = 0;

	for (size_t i = 0; i < ARRAY_SIZE(dots); i++, idx++) {
		if (idx < ctx->pos)
			continue;
		if (!dir_emit(ctx, dots[i], strlen(dots[i]), 1 + i, DT_DIR))
			return 0;
		ctx->pos++;
	}
	for (size_t i = 0; i < ARRAY_SIZE(tty_names); i++, idx++) {
		if (idx < ctx->pos)
			continue;
		if (!dir_emit(ctx, tty_names[i], strlen(tty_names[i]), 3, DT_CHR))
			return 0;
		ctx->pos++;
	}
	for (size_t i = 0; i < ARRAY_SIZE(devlist); i++, idx++) {
		if (idx < ctx->pos)
			continue;
		if (!dir_emit(ctx, devlist[i].name, strlen(devlist[i].name), 10 + devlist[i].minor, DT_CHR))
			return 0;
		ctx->pos++;
	}
	return 0;
}

static ssize_t dev_dir_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	return -EISDIR;
}

static int dev_dir_getattr(struct file *file, struct kstat *stat)
{
	stat->mode = S_IFDIR | 0755;
	stat->ino = 101;
	return 0;
}

static const struct file_operations dev_dir_fops = {
	.read = dev_dir_read,
	.iterate_shared = dev_iterate,
	.getattr = dev_dir_getattr,
};

/* path is what follows "/dev": "" or "/name". */
struct file *chrdev_open(const char *path, int flags)
{
	struct file *file;

	if (!*path) {
		if ((flags & O_ACCMODE) != O_RDONLY)
			return ERR_PTR(-EISDIR);
		file = alloc_file(&dev_dir_fops, flags, NULL);
		return file ? file : ERR_PTR(-ENOMEM);
	}
	path++;
	if (flags & O_DIRECTORY)
		return ERR_PTR(-ENOTDIR);
	for (size_t i = 0; i < ARRAY_SIZE(tty_names); i++)
		if (!strcmp(path, tty_names[i]))
			return tty_open_console(flags);
	for (size_t i = 0; i < ARRAY_SIZE(devlist); i++) {
		if (!strcmp(path, devlist[i].name)) {
			file = alloc_file(&devlist[i].fops, flags & ~(O_CREAT | O_EXCL | O_TRUNC), NULL);
			return file ? file : ERR_PTR(-ENOMEM);
		}
	}
	return ERR_PTR(-ENOENT);
}
