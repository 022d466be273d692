/* getopt and getopt_long as POSIX/glibc define them (without argument permutation). */
#include <getopt.h>
#include <stdio.h>
#include "tap.h"

int main(void)
{
	char *argv1[] = { "prog", "-a", "-b", "val", "-cval2", "-ab", "x", "file", "-z", NULL };
	char *argv2[] = { "prog", "-q", "--", "-a", NULL };
	char *argv3[] = { "prog", "-b", NULL };
	char *argv5[] = { "prog", "-ab", NULL };
	char *argv4[] = { "prog", "--port=80", "--verbose", "--host", "h", "--po", "81", "--nope", NULL };
	static const struct option longopts[] = {
		{ "port", required_argument, NULL, 'p' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "host", required_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char seq[64] = "";
	int c, n = 0;

	opterr = 0;
	while ((c = getopt(9, argv1, "ab:c:")) != -1) {
		n += snprintf(seq + n, sizeof(seq) - (size_t)n, "%c", c);
		if (optarg)
			n += snprintf(seq + n, sizeof(seq) - (size_t)n, "=%s,", optarg);
	}
	is_str(seq, "ab=val,c=val2,ab=x,", "getopt clusters, separate and attached arguments");
	ok(optind == 7, "getopt stops at the first operand (optind %d)", optind);

	optind = 1;
	ok(getopt(4, argv2, "q") == 'q' && getopt(4, argv2, "q") == -1 && optind == 3, "-- ends options");

	optind = 1;
	c = getopt(2, argv3, "b:");
	ok(c == '?' && optopt == 'b', "missing argument -> '?' with optopt");
	optind = 1;
	ok(getopt(2, argv3, ":b:") == ':', "missing argument with leading ':' -> ':'");
	optind = 1;
	ok(getopt(2, argv3, "x") == '?' && optopt == 'b', "unknown option -> '?'");

	/* Resetting in the middle of a cluster starts over cleanly. */
	optind = 1;
	c = getopt(2, argv5, "ab");		/* 'a' of "-ab": the scan stops inside the cluster */
	optind = 0;				/* glibc's way to say "start over" */
	ok(c == 'a' && getopt(2, argv5, "ab") == 'a' && optind == 1, "optind = 0 inside a cluster restarts the scan");

	optind = 0;
	n = 0;
	seq[0] = '\0';
	while ((c = getopt_long(8, argv4, "vp:h:", longopts, NULL)) != -1) {
		n += snprintf(seq + n, sizeof(seq) - (size_t)n, "%c", c);
		if (optarg)
			n += snprintf(seq + n, sizeof(seq) - (size_t)n, "=%s,", optarg);
	}
	is_str(seq, "p=80,vh=h,p=81,?", "getopt_long: =value, separate value, prefix, unknown");
	return done_testing();
}
