/*
 * grep: print lines containing a fixed string (no regular expressions), e.g. `dmesg | grep e1000`.
 *   -i  ignore case   -v  lines that do NOT match   -c  count matching lines   -n  line numbers
 * Exit status 0 if a line was selected, 1 if none, 2 on error, as POSIX grep.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static int opt_icase, opt_invert, opt_count, opt_number;

static int matches(const char *line, const char *pat, size_t plen)
{
	const char *p;

	if (!opt_icase)
		return strstr(line, pat) != NULL;
	for (p = line; *p; p++)
		if (!strncasecmp(p, pat, plen))
			return 1;
	return !plen;
}

/* Returns the number of selected lines; prints them unless counting. */
static long grep_stream(FILE *f, const char *name, const char *pat, int show_name)
{
	char *line = NULL;
	size_t cap = 0, plen = strlen(pat);
	long lineno = 0, count = 0;
	ssize_t n;

	while ((n = getline(&line, &cap, f)) >= 0) {
		lineno++;
		if (n && line[n - 1] == '\n')
			line[n - 1] = '\0';
		if (matches(line, pat, plen) == opt_invert)
			continue;
		count++;
		if (opt_count)
			continue;
		if (show_name)
			printf("%s:", name);
		if (opt_number)
			printf("%ld:", lineno);
		puts(line);
	}
	free(line);
	if (opt_count)
		printf("%s%s%ld\n", show_name ? name : "", show_name ? ":" : "", count);
	return count;
}

int main(int argc, char **argv)
{
	long selected = 0;
	int c, i, status = 0;
	FILE *f;

	while ((c = getopt(argc, argv, "ivcn")) != -1) {
		switch (c) {
		case 'i': opt_icase = 1; break;
		case 'v': opt_invert = 1; break;
		case 'c': opt_count = 1; break;
		case 'n': opt_number = 1; break;
		default:
			fprintf(stderr, "usage: grep [-ivcn] STRING [FILE...]\n");
			return 2;
		}
	}
	if (optind == argc) {
		fprintf(stderr, "usage: grep [-ivcn] STRING [FILE...]\n");
		return 2;
	}
	if (optind + 1 == argc)
		return grep_stream(stdin, "(standard input)", argv[optind], 0) ? 0 : 1;
	for (i = optind + 1; i < argc; i++) {
		f = strcmp(argv[i], "-") ? fopen(argv[i], "r") : stdin;
		if (!f) {
			perror(argv[i]);
			status = 2;
			continue;
		}
		selected += grep_stream(f, argv[i], argv[optind], argc - optind > 2);
		if (f != stdin)
			fclose(f);
	}
	return status ? status : selected ? 0 : 1;
}
