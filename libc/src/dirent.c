/* Directory streams: a getdents64 buffer walked record by record. */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include "syscall.h"

struct __dirstream {
	int fd;
	size_t pos;		/* next record in buf */
	size_t len;		/* bytes of records in buf */
	struct dirent ent;	/* what readdir returns */
	char buf[4096];
};

ssize_t getdents64(int fd, void *buf, size_t len)
{
	return syscall3(__NR_getdents64, fd, buf, len);
}

DIR *fdopendir(int fd)
{
	DIR *dir = calloc(1, sizeof(*dir));

	if (!dir)
		return NULL;
	dir->fd = fd;
	return dir;
}

DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *dir;

	if (fd < 0)
		return NULL;
	dir = fdopendir(fd);
	if (!dir)
		close(fd);
	return dir;
}

struct dirent *readdir(DIR *dir)
{
	struct linux_dirent64 *d;
	ssize_t n;
	size_t namelen;

	if (dir->pos >= dir->len) {
		n = getdents64(dir->fd, dir->buf, sizeof(dir->buf));
		if (n <= 0)
			return NULL;	/* end of directory (errno unchanged) or error (errno set) */
		dir->len = (size_t)n;
		dir->pos = 0;
	}
	d = (struct linux_dirent64 *)(dir->buf + dir->pos);
	dir->pos += d->d_reclen;
	dir->ent.d_ino = d->d_ino;
	dir->ent.d_off = d->d_off;
	dir->ent.d_reclen = sizeof(dir->ent);
	dir->ent.d_type = d->d_type;
	namelen = strnlen(d->d_name, sizeof(dir->ent.d_name) - 1);
	memcpy(dir->ent.d_name, d->d_name, namelen);
	dir->ent.d_name[namelen] = '\0';
	return &dir->ent;
}

int closedir(DIR *dir)
{
	int ret = close(dir->fd);

	free(dir);
	return ret;
}

void rewinddir(DIR *dir)
{
	lseek(dir->fd, 0, SEEK_SET);
	dir->pos = dir->len = 0;
}

int dirfd(DIR *dir)
{
	return dir->fd;
}
