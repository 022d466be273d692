/* head: the first N lines (default 10) of each file or of standard input: head [-n N] [FILE...]. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void head_stream(FILE *f, long lines)
{
	int c;

	while (lines > 0 && (c = getc(f)) != EOF) {
		putchar(c);
		if (c == '\n')
			lines--;
	}
}

int main(int argc, char **argv)
{
	long lines = 10;
	char *end;
	int c, i, status = 0;
	FILE *f;

	while ((c = getopt(argc, argv, "n:")) != -1) {
		if (c != 'n' || (lines = strtol(optarg, &end, 10), *end || lines < 0)) {
			fprintf(stderr, "usage: head [-n LINES] [FILE...]\n");
			return 2;
		}
	}
	if (optind == argc) {
		head_stream(stdin, lines);
		return 0;
	}
	for (i = optind; i < argc; i++) {
		f = fopen(argv[i], "r");
		if (!f) {
			perror(argv[i]);
			status = 1;
			continue;
		}
		if (argc - optind > 1)
			printf("%s==> %s <==\n", i > optind ? "\n" : "", argv[i]);
		head_stream(f, lines);
		fclose(f);
	}
	return status;
}
