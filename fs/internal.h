/* Helpers shared by the files of fs/ (not for other subsystems). */
#ifndef _FS_INTERNAL_H
#define _FS_INTERNAL_H

#include <linux/fs.h>

#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2

#define PATH_MAX	4096

/* fs/read_write.c */
ssize_t ksys_read(unsigned int fd, char __user *buf, size_t count);
ssize_t ksys_write(unsigned int fd, const char __user *buf, size_t count);
loff_t generic_file_llseek_size(struct file *file, loff_t offset, int whence, loff_t eof);
/* Copies from a kernel buffer of size bytes at *pos to user space; advances *pos. */
ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *pos, const void *from,
				size_t available);

/* fs/namei.c: path resolution over the three file systems (initrd root, /proc, /dev) */
/* Makes an absolute, normalised path ("/bin/ls") from a user path relative to cwd. */
int normalize_path(const char *cwd, const char *path, char *out, size_t size);
/* Copies a user path in and normalises it; out must hold PATH_MAX bytes. */
int getname_normalized(const char __user *filename, char *out);
/* Opens an absolute normalised path; the file is not installed in any table. */
struct file *vfs_open(const char *path, int flags);

/* fs/initramfs.c */
struct file *initramfs_open(const char *path, int flags);
/* The bytes of a regular initrd file behind an open file, for execve; NULL if it is not one. */
const void *initramfs_file_data(struct file *file, size_t *size);

/* fs/proc/generic.c */
struct file *proc_open(const char *path, int flags);

/* fs/devices.c (Linux: fs/char_dev.c chrdev_open), drivers/tty/tty_io.c */
struct file *chrdev_open(const char *path, int flags);
struct file *tty_open_console(int flags);

/* fs/open.c: opens a user path read-only to look at it (stat, access, chdir); path: PATH_MAX bytes */
struct file *open_path_for_lookup(const char __user *filename, char *path);

/* fs/stat.c */
int vfs_getattr(struct file *file, struct kstat *stat);

#endif
