/*
 * ls: list directory contents, sorted by name (e.g. `ls /bin`, `ls -l /proc`).
 *   -a  include names starting with '.'      -l  long format: type, permissions, links, size, name
 *   -1  one name per line (the default when standard output is not a terminal)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>

static int opt_all, opt_long, opt_one;

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void mode_string(unsigned int mode, char out[11])
{
	static const char rwx[] = "rwxrwxrwx";
	int i;

	out[0] = S_ISDIR(mode) ? 'd' : S_ISLNK(mode) ? 'l' : S_ISCHR(mode) ? 'c' : S_ISBLK(mode) ? 'b' :
		 S_ISFIFO(mode) ? 'p' : S_ISSOCK(mode) ? 's' : '-';
	for (i = 0; i < 9; i++)
		out[i + 1] = mode & (1U << (8 - i)) ? rwx[i] : '-';
	out[10] = '\0';
}

static void print_long(const char *dir, const char *name)
{
	char path[512], mode[11];
	struct stat st;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (lstat(path, &st) < 0) {
		printf("?????????? %s (%s)\n", name, strerror(errno));
		return;
	}
	mode_string(st.st_mode, mode);
	printf("%s %3lu %8ld %s\n", mode, (unsigned long)st.st_nlink, (long)st.st_size, name);
}

/* Names across the line, 80 columns, like ls on a terminal. */
static void print_columns(char **names, int n)
{
	int i, width = 1, per_line, col = 0;

	for (i = 0; i < n; i++)
		if ((int)strlen(names[i]) + 2 > width)
			width = (int)strlen(names[i]) + 2;
	per_line = 80 / width > 0 ? 80 / width : 1;
	for (i = 0; i < n; i++) {
		if (++col == per_line || i == n - 1) {
			printf("%s\n", names[i]);
			col = 0;
		} else {
			printf("%-*s", width, names[i]);
		}
	}
}

static int list(const char *path, int show_header)
{
	char **names = NULL, **grown;
	struct dirent *de;
	struct stat st;
	int n = 0, cap = 0, i;
	DIR *dir;

	if (stat(path, &st) == 0 && !S_ISDIR(st.st_mode)) {
		if (opt_long)
			print_long(".", path);
		else
			printf("%s\n", path);
		return 0;
	}
	dir = opendir(path);
	if (!dir) {
		fprintf(stderr, "ls: cannot access '%s': %s\n", path, strerror(errno));
		return 2;
	}
	while ((de = readdir(dir))) {
		if (de->d_name[0] == '.' && !opt_all)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			grown = realloc(names, (size_t)cap * sizeof(*names));
			if (!grown) {
				fprintf(stderr, "ls: out of memory\n");
				closedir(dir);
				return 2;
			}
			names = grown;
		}
		names[n] = strdup(de->d_name);
		if (names[n])
			n++;
	}
	closedir(dir);
	qsort(names, (size_t)n, sizeof(*names), by_name);
	if (show_header)
		printf("%s:\n", path);
	if (opt_long) {
		for (i = 0; i < n; i++)
			print_long(path, names[i]);
	} else if (opt_one) {
		for (i = 0; i < n; i++)
			printf("%s\n", names[i]);
	} else if (n) {
		print_columns(names, n);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return 0;
}

int main(int argc, char **argv)
{
	int c, i, status = 0;

	opt_one = !isatty(1);
	while ((c = getopt(argc, argv, "al1")) != -1) {
		switch (c) {
		case 'a': opt_all = 1; break;
		case 'l': opt_long = 1; break;
		case '1': opt_one = 1; break;
		default:
			fprintf(stderr, "usage: ls [-al1] [PATH...]\n");
			return 2;
		}
	}
	if (optind == argc)
		return list(".", 0);
	for (i = optind; i < argc; i++) {
		if (i > optind)
			putchar('\n');
		status |= list(argv[i], argc - optind > 1);
	}
	return status;
}
