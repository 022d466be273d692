/*
 * The initrd: a ustar archive GRUB loads as a multiboot2 module (build/initrd.tar, made by
 * tools/make/user.mk). It is the read-only root file system: /bin/init, /bin/ls ...
 * The parser (fs/tar.c) only reads the archive in place and checks every header it trusts, so a
 * truncated or corrupt archive gives -EINVAL instead of a wild read; tests/host/test_proc_tar.c
 * runs it on archives made by GNU tar.
 */
#ifndef _LINUX_INITRD_H
#define _LINUX_INITRD_H

#include <linux/types.h>

#define TAR_NAME_MAX	256

struct tar_entry {
	char name[TAR_NAME_MAX];	/* normalised: no leading "./" or "/", no trailing "/" */
	const void *data;		/* file contents, inside the archive */
	size_t size;
	unsigned int mode;		/* permission bits from the header */
	bool is_dir;
};

/* Reads the entry at *pos (advancing it): 1 = an entry, 0 = end of archive, -EINVAL = corrupt. */
int tar_next(const void *archive, size_t len, size_t *pos, struct tar_entry *e);
/* Finds path (no leading '/'; "" is the root); 0, -ENOENT, or -EINVAL. Directories implied by a
 * deeper entry ("bin" from "bin/ls") are found too. */
int tar_lookup(const void *archive, size_t len, const char *path, struct tar_entry *e);

extern unsigned long initrd_start, initrd_end;	/* kernel/multiboot.c: direct-map range, 0 if none */

#endif
