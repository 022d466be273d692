/*
 * The root file system: the initrd tar archive, read-only, in place (Linux: init/initramfs.c
 * unpacks into a ramfs instead). Files read straight out of the archive; directories list the
 * archive members one level below them; "/" also shows the /proc and /dev mount points.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/fs.h>
#include <linux/initrd.h>
#include <uapi/linux/stat.h>
#include <uapi/linux/dirent.h>
#include "internal.h"

static const char *const root_mounts[] = { "proc", "dev" };

static const void *initrd_base(size_t *len)
{
	*len = initrd_start ? initrd_end - initrd_start : 0;
	return (const void *)initrd_start;
}

static u64 entry_ino(const struct tar_entry *e)
{
	size_t len;
	const char *base = initrd_base(&len);

	return e->data ? 2 + ((const char *)e->data - base) / 512 : 1;
}

static ssize_t initramfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	struct tar_entry *e = file->private_data;

	return simple_read_from_buffer(buf, count, pos, e->data, e->size);
}

static ssize_t initramfs_dir_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	return -EISDIR;
}

static loff_t initramfs_llseek(struct file *file, loff_t offset, int whence)
{
	struct tar_entry *e = file->private_data;

	return generic_file_llseek_size(file, offset, whence, e->size);
}

/* Entry index = ctx->pos: 0 ".", 1 "..", then the members directly below, then mount points. */
static int initramfs_iterate(struct file *file, struct dir_context *ctx)
{
	struct tar_entry *dir = file->private_data, cur;
	size_t len, dlen = strlen(dir->name), pos = 0;
	const void *base = initrd_base(&len);
	loff_t idx = 2;
	int ret;

	if (ctx->pos == 0 && !dir_emit(ctx, ".", 1, entry_ino(dir), DT_DIR))
		return 0;
	if (ctx->pos == 0)
		ctx->pos = 1;
	if (ctx->pos == 1 && !dir_emit(ctx, "..", 2, 1, DT_DIR))
		return 0;
	if (ctx->pos == 1)
		ctx->pos = 2;

	while (base && (ret = tar_next(base, len, &pos, &cur)) > 0) {
		const char *rest = cur.name;

		if (dlen) {
			if (strncmp(cur.name, dir->name, dlen) || cur.name[dlen] != '/')
				continue;
			rest = cur.name + dlen + 1;
		}
		if (!*rest || strchr(rest, '/'))
			continue;
		if (idx++ < ctx->pos)
			continue;
		if (!dir_emit(ctx, rest, strlen(rest), entry_ino(&cur), cur.is_dir ? DT_DIR : DT_REG))
			return 0;
		ctx->pos++;
	}
	for (size_t i = 0; !dlen && i < ARRAY_SIZE(root_mounts); i++) {
		if (idx++ < ctx->pos)
			continue;
		if (!dir_emit(ctx, root_mounts[i], strlen(root_mounts[i]), 100 + i, DT_DIR))
			return 0;
		ctx->pos++;
	}
	return 0;
}

static int initramfs_getattr(struct file *file, struct kstat *stat)
{
	struct tar_entry *e = file->private_data;

	stat->mode = (e->is_dir ? S_IFDIR : S_IFREG) | e->mode;
	stat->size = e->size;
	stat->ino = entry_ino(e);
	return 0;
}

static int initramfs_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static const struct file_operations initramfs_file_fops = {
	.read = initramfs_read,
	.llseek = initramfs_llseek,
	.getattr = initramfs_getattr,
	.release = initramfs_release,
};

static const struct file_operations initramfs_dir_fops = {
	.read = initramfs_dir_read,
	.llseek = initramfs_llseek,
	.iterate_shared = initramfs_iterate,
	.getattr = initramfs_getattr,
	.release = initramfs_release,
};

struct file *initramfs_open(const char *path, int flags)
{
	struct tar_entry *e;
	struct file *file;
	size_t len;
	const void *base = initrd_base(&len);
	int err;

	e = kmalloc(sizeof(*e), GFP_KERNEL);
	if (!e)
		return ERR_PTR(-ENOMEM);
	err = base || !path[1] ? tar_lookup(base, len, path + 1, e) : -ENOENT;
	if (err == -EINVAL)
		err = -EIO;		/* a corrupt archive is an I/O error for the reader */
	if (err)
		goto out_free;
	err = -ENOTDIR;
	if ((flags & O_DIRECTORY) && !e->is_dir)
		goto out_free;
	err = e->is_dir ? -EISDIR : -EROFS;
	if ((flags & O_ACCMODE) != O_RDONLY || (flags & O_TRUNC))
		goto out_free;
	err = -ENOMEM;
	file = alloc_file(e->is_dir ? &initramfs_dir_fops : &initramfs_file_fops, flags, e);
	if (!file)
		goto out_free;
	return file;

out_free:
	kfree(e);
	return ERR_PTR(err);
}

const void *initramfs_file_data(struct file *file, size_t *size)
{
	struct tar_entry *e = file->private_data;

	if (file->f_op != &initramfs_file_fops)
		return NULL;
	*size = e->size;
	return e->data;
}
