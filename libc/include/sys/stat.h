/* File status. */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <features.h>
#include <sys/types.h>
#include <asm/stat.h>
#include <linux/stat.h>

__BEGIN_DECLS

int stat(const char *restrict path, struct stat *restrict st);
int fstat(int fd, struct stat *st);
int lstat(const char *restrict path, struct stat *restrict st);
int mkdir(const char *path, mode_t mode);
mode_t umask(mode_t mask);

__END_DECLS

#endif
