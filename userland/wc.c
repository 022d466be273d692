/* wc: count lines, words and bytes of each file or of standard input: wc [-lwc] [FILE...]. */
#include <stdio.h>
#include <string.h>
#include <ctype.h>
#include <unistd.h>

static int show_lines, show_words, show_bytes;

static void report(unsigned long l, unsigned long w, unsigned long b, const char *name)
{
	if (show_lines)
		printf(" %7lu", l);
	if (show_words)
		printf(" %7lu", w);
	if (show_bytes)
		printf(" %7lu", b);
	printf("%s%s\n", name ? " " : "", name ? name : "");
}

int main(int argc, char **argv)
{
	unsigned long l, w, b, tl = 0, tw = 0, tb = 0;
	int c, i, in_word, status = 0, nfiles;
	FILE *f;

	while ((c = getopt(argc, argv, "lwc")) != -1) {
		switch (c) {
		case 'l': show_lines = 1; break;
		case 'w': show_words = 1; break;
		case 'c': show_bytes = 1; break;
		default:
			fprintf(stderr, "usage: wc [-lwc] [FILE...]\n");
			return 2;
		}
	}
	if (!show_lines && !show_words && !show_bytes)
		show_lines = show_words = show_bytes = 1;
	nfiles = argc - optind;
	for (i = optind; i < argc || (nfiles == 0 && i == optind); i++) {
		f = nfiles ? fopen(argv[i], "r") : stdin;
		if (!f) {
			perror(argv[i]);
			status = 1;
			continue;
		}
		l = w = b = 0;
		in_word = 0;
		while ((c = getc(f)) != EOF) {
			b++;
			l += c == '\n';
			if (isspace(c))
				in_word = 0;
			else if (!in_word) {
				in_word = 1;
				w++;
			}
		}
		if (f != stdin)
			fclose(f);
		report(l, w, b, nfiles ? argv[i] : NULL);
		tl += l;
		tw += w;
		tb += b;
	}
	if (nfiles > 1)
		report(tl, tw, tb, "total");
	return status;
}
