/*
 * read_text_file(): /proc files are generated on each read and may come in several pieces, so read
 * until end of file (or the buffer is full) with plain system calls: no stdio buffer, no malloc.
 */
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
#include "procfile.h"

ssize_t read_text_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), saved;
	size_t total = 0;
	ssize_t n;

	if (fd < 0)
		return -1;
	while (total < size - 1) {
		n = read(fd, buf + total, size - 1 - total);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			saved = errno;
			close(fd);
			errno = saved;
			return -1;
		}
		if (n == 0)
			break;
		total += (size_t)n;
	}
	close(fd);
	buf[total] = '\0';
	return (ssize_t)total;
}
