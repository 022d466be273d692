/*
 * /proc (Linux: fs/proc/generic.c, root.c, proc_net.c). Subsystems register read-only text files
 * with proc_create_single("net/tcp", 0444, NULL, show); opening one runs show() once into a buffer
 * (as Linux's single_open does), and read() returns that snapshot. Directories ("/proc",
 * "/proc/net") are implied by the registered names; /proc/<pid>/ comes from fs/proc/base.c.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/proc_fs.h>
#include <linux/fs.h>
#include <linux/sched/task.h>
#include <uapi/linux/stat.h>
#include <uapi/linux/dirent.h>
#include "../internal.h"
#include "internal.h"

#define PROC_NAME_MAX	64
#define PROC_BUF_MAX	(1024 * 1024)	/* the largest /proc text we will build */

struct proc_dir_entry {
	char name[PROC_NAME_MAX];	/* path below /proc: "meminfo", "net/tcp" */
	umode_t mode;
	int (*show)(struct seq_file *m, void *v);
	struct list_head list;
};

static LIST_HEAD(proc_entries);

struct proc_dir_entry *proc_create_single(const char *name, umode_t mode, struct proc_dir_entry *parent,
					  int (*show)(struct seq_file *m, void *v))
{
	struct proc_dir_entry *pde;

	if (strlen(name) >= PROC_NAME_MAX || !show)
		return NULL;
	pde = kzalloc(sizeof(*pde), GFP_KERNEL);
	if (!pde)
		return NULL;
	strscpy(pde->name, name, sizeof(pde->name));
	pde->mode = mode ? mode : 0444;
	pde->show = show;
	list_add_tail(&pde->list, &proc_entries);
	return pde;
}

struct proc_text {
	char *buf;
	size_t len;
};

static ssize_t proc_text_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	struct proc_text *t = file->private_data;

	return simple_read_from_buffer(buf, count, pos, t->buf, t->len);
}

static loff_t proc_text_llseek(struct file *file, loff_t offset, int whence)
{
	struct proc_text *t = file->private_data;

	return generic_file_llseek_size(file, offset, whence, t->len);
}

static int proc_text_getattr(struct file *file, struct kstat *stat)
{
	stat->mode = S_IFREG | 0444;
	stat->size = 0;		/* as Linux: /proc files report size 0 */
	return 0;
}

static int proc_text_release(struct inode *inode, struct file *file)
{
	struct proc_text *t = file->private_data;

	kfree(t->buf);
	kfree(t);
	return 0;
}

static const struct file_operations proc_text_fops = {
	.read = proc_text_read,
	.llseek = proc_text_llseek,
	.getattr = proc_text_getattr,
	.release = proc_text_release,
};

struct file *proc_single_open(int (*show)(struct seq_file *m, void *v), void *v, int flags)
{
	struct seq_file m = { .private = v };
	struct proc_text *t;
	struct file *file;
	size_t size = 4096;
	int err;

	if ((flags & O_ACCMODE) != O_RDONLY)
		return ERR_PTR(-EACCES);
	if (flags & O_DIRECTORY)
		return ERR_PTR(-ENOTDIR);
	for (;;) {
		m.buf = kmalloc(size, GFP_KERNEL);
		if (!m.buf)
			return ERR_PTR(-ENOMEM);
		m.size = size;
		m.count = 0;
		m.overflow = false;
		err = show(&m, v);
		if (err) {
			kfree(m.buf);
			return ERR_PTR(err);
		}
		if (!m.overflow)
			break;
		kfree(m.buf);
		size *= 2;
		if (size > PROC_BUF_MAX)
			return ERR_PTR(-ENOMEM);
	}
	t = kmalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		goto out_buf;
	t->buf = m.buf;
	t->len = m.count;
	file = alloc_file(&proc_text_fops, flags, t);
	if (!file)
		goto out_text;
	return file;

out_text:
	kfree(t);
out_buf:
	kfree(m.buf);
	return ERR_PTR(-ENOMEM);
}

/* A /proc directory: the root ("") or one implied by registered names ("net"). */
struct proc_dir {
	char name[PROC_NAME_MAX];
};

static bool name_in_dir(const char *name, const char *dir, const char **rest)
{
	size_t dlen = strlen(dir);

	if (!dlen) {
		*rest = name;
		return true;
	}
	if (strncmp(name, dir, dlen) || name[dlen] != '/')
		return false;
	*rest = name + dlen + 1;
	return true;
}

/* Lists each child once: a file, or a subdirectory named by the first component of deeper names. */
static int proc_dir_iterate(struct file *file, struct dir_context *ctx)
{
	struct proc_dir *dir = file->private_data;
	struct proc_dir_entry *pde, *prev;
	loff_t idx = 0;

	if (idx++ >= ctx->pos) {
		if (!dir_emit(ctx, ".", 1, 1, DT_DIR))
			return 0;
		ctx->pos++;
	}
	if (idx++ >= ctx->pos) {
		if (!dir_emit(ctx, "..", 2, 1, DT_DIR))
			return 0;
		ctx->pos++;
	}
	list_for_each_entry(pde, &proc_entries, list) {
		const char *rest, *slash, *prest;
		size_t len;
		bool seen = false;

		if (!name_in_dir(pde->name, dir->name, &rest))
			continue;
		slash = strchr(rest, '/');
		len = slash ? (size_t)(slash - rest) : strlen(rest);
		/* A subdirectory is listed at its first registered member only. */
		list_for_each_entry(prev, &proc_entries, list) {
			if (prev == pde)
				break;
			if (name_in_dir(prev->name, dir->name, &prest) && !strncmp(prest, rest, len) &&
			    (prest[len] == '/' || prest[len] == '\0'))
				seen = true;
		}
		if (seen)
			continue;
		if (idx++ < ctx->pos)
			continue;
		if (!dir_emit(ctx, rest, len, 200 + idx, slash ? DT_DIR : DT_REG))
			return 0;
		ctx->pos++;
	}
	if (!dir->name[0])
		proc_pid_readdir(ctx, &idx);
	return 0;
}

static ssize_t proc_dir_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	return -EISDIR;
}

static int proc_dir_getattr(struct file *file, struct kstat *stat)
{
	stat->mode = S_IFDIR | 0555;
	stat->ino = 1;
	return 0;
}

static int proc_dir_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static const struct file_operations proc_dir_fops = {
	.read = proc_dir_read,
	.iterate_shared = proc_dir_iterate,
	.getattr = proc_dir_getattr,
	.release = proc_dir_release,
};

static struct file *proc_dir_open(const char *name, int flags)
{
	struct proc_dir *dir;
	struct file *file;

	if ((flags & O_ACCMODE) != O_RDONLY)
		return ERR_PTR(-EISDIR);
	dir = kzalloc(sizeof(*dir), GFP_KERNEL);
	if (!dir)
		return ERR_PTR(-ENOMEM);
	strscpy(dir->name, name, sizeof(dir->name));
	file = alloc_file(&proc_dir_fops, flags, dir);
	if (!file) {
		kfree(dir);
		return ERR_PTR(-ENOMEM);
	}
	return file;
}

static int parse_pid(const char *s, const char **end)
{
	int pid = 0;

	if (*s < '0' || *s > '9')
		return -1;
	while (*s >= '0' && *s <= '9') {
		pid = pid * 10 + (*s++ - '0');
		if (pid >= PID_MAX)
			return -1;
	}
	*end = s;
	return (*s == '\0' || *s == '/') ? pid : -1;
}

/* path is what follows "/proc": "", "/meminfo", "/net/tcp", "/42/stat", "/self/cmdline". */
struct file *proc_open(const char *path, int flags)
{
	struct proc_dir_entry *pde;
	const char *name = *path ? path + 1 : path, *rest;
	size_t len = strlen(name);
	int pid;

	if (!*name)
		return proc_dir_open("", flags);
	if (!strncmp(name, "self", 4) && (name[4] == '\0' || name[4] == '/'))
		return proc_pid_open(current, name + 4, flags);
	pid = parse_pid(name, &rest);
	if (pid > 0) {
		struct task_struct *task = find_task_by_pid(pid);

		if (!task)
			return ERR_PTR(-ENOENT);
		return proc_pid_open(task, rest, flags);
	}
	list_for_each_entry(pde, &proc_entries, list) {
		if (!strcmp(pde->name, name))
			return proc_single_open(pde->show, NULL, flags);
	}
	list_for_each_entry(pde, &proc_entries, list) {
		if (!strncmp(pde->name, name, len) && pde->name[len] == '/')
			return proc_dir_open(name, flags);
	}
	return ERR_PTR(-ENOENT);
}
