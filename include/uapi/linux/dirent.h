/* getdents64(2) records and d_type values. Records are 8-byte aligned; d_reclen covers the padding. */
#ifndef _UAPI_LINUX_DIRENT_H
#define _UAPI_LINUX_DIRENT_H

#include "types.h"

struct linux_dirent64 {
	__u64 d_ino;
	__s64 d_off;		/* opaque cookie of the next record */
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];		/* NUL-terminated */
};

#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

#endif
