/*
 * ustar archive reader for the initrd (POSIX.1-1988 ustar, as GNU tar writes it with
 * --format=ustar or gnu). Each member is a 512-byte header (name, octal size, checksum, type)
 * followed by its data rounded up to 512 bytes; two zero blocks end the archive.
 * Nothing is copied: entries point into the archive. See include/linux/initrd.h.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/initrd.h>

#define TAR_BLOCK	512

struct ustar_header {
	char name[100];
	char mode[8];
	char uid[8];
	char gid[8];
	char size[12];
	char mtime[12];
	char chksum[8];
	char typeflag;
	char linkname[100];
	char magic[6];		/* "ustar\0" (POSIX) or "ustar " (GNU) */
	char version[2];
	char uname[32];
	char gname[32];
	char devmajor[8];
	char devminor[8];
	char prefix[155];
	char pad[12];
};

/* An octal field: digits, optionally led by spaces and ended by NUL or space. -1 if malformed. */
static long long parse_octal(const char *field, size_t len)
{
	long long v = 0;
	size_t i = 0;
	bool digits = false;

	while (i < len && field[i] == ' ')
		i++;
	for (; i < len && field[i] >= '0' && field[i] <= '7'; i++) {
		if (v > (1LL << 40))
			return -1;	/* no initrd member is a terabyte */
		v = v * 8 + (field[i] - '0');
		digits = true;
	}
	if (i < len && field[i] != '\0' && field[i] != ' ')
		return -1;
	return digits ? v : -1;
}

static bool block_is_zero(const unsigned char *b)
{
	for (int i = 0; i < TAR_BLOCK; i++)
		if (b[i])
			return false;
	return true;
}

static bool checksum_ok(const struct ustar_header *h)
{
	const unsigned char *b = (const unsigned char *)h;
	long long want = parse_octal(h->chksum, sizeof(h->chksum));
	long sum = 0;

	for (int i = 0; i < TAR_BLOCK; i++)
		sum += (i >= 148 && i < 156) ? ' ' : b[i];	/* the field itself counts as spaces */
	return want == sum;
}

/* prefix "/" name, without leading "./" or "/" and trailing "/". */
static int build_name(const struct ustar_header *h, char *out)
{
	size_t plen = strnlen(h->prefix, sizeof(h->prefix));
	size_t nlen = strnlen(h->name, sizeof(h->name));
	char full[sizeof(h->prefix) + 1 + sizeof(h->name) + 1];
	const char *p = full;
	size_t len = 0;

	if (!memcmp(h->magic, "ustar", 5) && plen) {
		memcpy(full, h->prefix, plen);
		full[plen] = '/';
		len = plen + 1;
	}
	memcpy(full + len, h->name, nlen);
	len += nlen;
	full[len] = '\0';

	while (p[0] == '.' && p[1] == '/')
		p += 2;
	while (*p == '/')
		p++;
	len = strlen(p);
	while (len && p[len - 1] == '/')
		len--;
	if (len >= TAR_NAME_MAX)
		return -EINVAL;
	memcpy(out, p, len);
	out[len] = '\0';
	return 0;
}

int tar_next(const void *archive, size_t len, size_t *pos, struct tar_entry *e)
{
	const unsigned char *base = archive;
	const struct ustar_header *h;
	long long size, mode;

	BUILD_BUG_ON(sizeof(struct ustar_header) != TAR_BLOCK);
	for (;;) {
		if (*pos + TAR_BLOCK > len || *pos + TAR_BLOCK < *pos)
			return *pos == len ? 0 : -EINVAL;	/* an archive without end blocks still ends */
		h = (const struct ustar_header *)(base + *pos);
		if (block_is_zero(base + *pos))
			return 0;
		if (!checksum_ok(h))
			return -EINVAL;
		size = parse_octal(h->size, sizeof(h->size));
		mode = parse_octal(h->mode, sizeof(h->mode));
		if (size < 0 || mode < 0)
			return -EINVAL;
		if ((size_t)size > len - *pos - TAR_BLOCK)
			return -EINVAL;		/* data runs past the end */
		if (build_name(h, e->name))
			return -EINVAL;
		e->data = base + *pos + TAR_BLOCK;
		e->size = size;
		e->mode = mode & 07777;
		*pos += TAR_BLOCK + ALIGN((size_t)size, TAR_BLOCK);
		if (*pos > len)
			*pos = len;
		switch (h->typeflag) {
		case '0':
		case '\0':
		case '7':
			e->is_dir = false;
			break;
		case '5':
			e->is_dir = true;
			e->size = 0;
			break;
		default:
			continue;	/* links, devices, GNU long-name records: not part of this fs */
		}
		if (e->name[0])
			return 1;
	}
}

int tar_lookup(const void *archive, size_t len, const char *path, struct tar_entry *e)
{
	size_t plen = strlen(path), pos = 0;
	struct tar_entry cur;
	bool implied = false;
	int ret;

	if (plen == 0) {
		memset(e, 0, sizeof(*e));
		e->is_dir = true;
		e->mode = 0755;
		return 0;
	}
	while ((ret = tar_next(archive, len, &pos, &cur)) > 0) {
		if (!strcmp(cur.name, path)) {
			*e = cur;
			return 0;
		}
		if (!strncmp(cur.name, path, plen) && cur.name[plen] == '/')
			implied = true;
	}
	if (ret < 0)
		return ret;
	if (!implied)
		return -ENOENT;
	memset(e, 0, sizeof(*e));
	strscpy(e->name, path, sizeof(e->name));
	e->is_dir = true;
	e->mode = 0755;
	return 0;
}
