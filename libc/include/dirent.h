/* Reading directories (over getdents64). */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <features.h>
#include <sys/types.h>
#include <linux/dirent.h>

__BEGIN_DECLS

struct dirent {
	ino_t d_ino;
	off_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[256];
};

typedef struct __dirstream DIR;

DIR *opendir(const char *path);
DIR *fdopendir(int fd);
struct dirent *readdir(DIR *dir);
int closedir(DIR *dir);
void rewinddir(DIR *dir);
int dirfd(DIR *dir);
ssize_t getdents64(int fd, void *buf, size_t len);

__END_DECLS

#endif
