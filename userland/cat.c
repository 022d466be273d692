/* cat: copy files (or standard input, or "-") to standard output; meant for /proc files. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>

static int copy_fd(int fd, const char *name)
{
	char buf[4096];
	ssize_t n, off, w;

	for (;;) {
		n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
			return 1;
		}
		if (n == 0)
			return 0;
		for (off = 0; off < n; off += w) {
			w = write(1, buf + off, (size_t)(n - off));
			if (w < 0 && errno == EINTR) {
				w = 0;
				continue;
			}
			if (w <= 0) {
				fprintf(stderr, "cat: write error: %s\n", strerror(errno));
				return 1;
			}
		}
	}
}

int main(int argc, char **argv)
{
	int i, fd, status = 0;

	if (argc == 1)
		return copy_fd(0, "-");
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-")) {
			status |= copy_fd(0, "-");
			continue;
		}
		fd = open(argv[i], O_RDONLY);
		if (fd < 0) {
			fprintf(stderr, "cat: %s: %s\n", argv[i], strerror(errno));
			status = 1;
			continue;
		}
		status |= copy_fd(fd, argv[i]);
		close(fd);
	}
	return status;
}
