/*
 * dmesg: print the kernel log buffer, read whole with syslog(2) SYSLOG_ACTION_READ_ALL (what
 * util-linux dmesg does); -c clears it after printing. Lines keep the kernel's "<level>" prefix
 * stripped, as dmesg shows them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <sys/klog.h>

int main(int argc, char **argv)
{
	int size, n, clear = 0, at_line_start = 1, i;
	char *buf;

	if (argc == 2 && !strcmp(argv[1], "-c")) {
		clear = 1;
	} else if (argc != 1) {
		fprintf(stderr, "usage: dmesg [-c]\n");
		return 2;
	}
	size = klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0);
	if (size < 0) {
		fprintf(stderr, "dmesg: read kernel buffer failed: %s\n", strerror(errno));
		return 1;
	}
	if (size < 4096)
		size = 4096;
	buf = malloc((size_t)size);
	if (!buf) {
		fprintf(stderr, "dmesg: out of memory\n");
		return 1;
	}
	n = klogctl(clear ? SYSLOG_ACTION_READ_CLEAR : SYSLOG_ACTION_READ_ALL, buf, size);
	if (n < 0) {
		fprintf(stderr, "dmesg: read kernel buffer failed: %s\n", strerror(errno));
		return 1;
	}
	for (i = 0; i < n; i++) {
		/* "<6>[    0.000000] text": drop the "<N>" priority at the start of each line. */
		if (at_line_start && buf[i] == '<') {
			int j = i + 1;

			while (j < n && buf[j] >= '0' && buf[j] <= '9')
				j++;
			if (j < n && j > i + 1 && buf[j] == '>') {
				i = j;
				at_line_start = 0;
				continue;
			}
		}
		putchar(buf[i]);
		at_line_start = buf[i] == '\n';
	}
	if (n && buf[n - 1] != '\n')
		putchar('\n');
	free(buf);
	return 0;
}
