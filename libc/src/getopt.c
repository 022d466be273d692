/*
 * getopt (POSIX) and getopt_long (GNU long options). Options stop at the first non-option or "--";
 * arguments are not permuted. Errors print "prog: invalid option -- 'x'" like glibc unless opterr
 * is 0 or optstring starts with ':'.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>

char *optarg;
int optind = 1, opterr = 1, optopt;

static int optpos;	/* position inside a cluster like -abc */
static int optind_seen = 1;	/* optind when we last returned: a different value means the caller reset it */

static int getopt_next(int argc, char *const argv[], const char *optstring);

static void opt_error(const char *optstring, const char *prog, const char *msg, int c)
{
	if (opterr && optstring[0] != ':')
		fprintf(stderr, "%s: %s -- '%c'\n", prog, msg, c);
}

int getopt(int argc, char *const argv[], const char *optstring)
{
	int c;

	if (optind == 0 || optind != optind_seen) {	/* optind = 0 (glibc) or any new value restarts */
		if (optind == 0)
			optind = 1;
		optpos = 0;
	}
	c = getopt_next(argc, argv, optstring);
	optind_seen = optind;
	return c;
}

static int getopt_next(int argc, char *const argv[], const char *optstring)
{
	const char *arg, *spec;
	int c;

	optarg = NULL;
	if (optind >= argc || !argv[optind])
		return -1;
	arg = argv[optind];
	if (!optpos) {
		if (arg[0] != '-' || !arg[1])
			return -1;
		if (!strcmp(arg, "--")) {
			optind++;
			return -1;
		}
		optpos = 1;
	}
	c = (unsigned char)arg[optpos++];
	spec = c == ':' ? NULL : strchr(optstring, c);
	if (!spec) {
		optopt = c;
		opt_error(optstring, argv[0], "invalid option", c);
		if (!arg[optpos]) {
			optind++;
			optpos = 0;
		}
		return '?';
	}
	if (spec[1] == ':') {
		if (arg[optpos]) {
			optarg = (char *)arg + optpos;	/* -ovalue */
			optind++;
		} else if (spec[2] == ':') {
			optind++;			/* optional argument absent */
		} else if (optind + 1 < argc) {
			optarg = argv[optind + 1];	/* -o value */
			optind += 2;
		} else {
			optopt = c;
			optind++;
			optpos = 0;
			opt_error(optstring, argv[0], "option requires an argument", c);
			return optstring[0] == ':' ? ':' : '?';
		}
		optpos = 0;
		return c;
	}
	if (!arg[optpos]) {
		optind++;
		optpos = 0;
	}
	return c;
}

int getopt_long(int argc, char *const argv[], const char *optstring, const struct option *longopts,
		int *longindex)
{
	const char *arg, *name, *eq;
	const struct option *o, *match = NULL;
	size_t nlen;
	int ambiguous = 0;

	if (optind == 0 || optind != optind_seen) {
		if (optind == 0)
			optind = 1;
		optpos = 0;
	}
	if (optpos || optind >= argc || !argv[optind] || strncmp(argv[optind], "--", 2) || !argv[optind][2])
		return getopt(argc, argv, optstring);

	arg = argv[optind];
	name = arg + 2;
	eq = strchr(name, '=');
	nlen = eq ? (size_t)(eq - name) : strlen(name);
	optarg = NULL;
	for (o = longopts; o->name; o++) {
		if (strncmp(o->name, name, nlen))
			continue;
		if (strlen(o->name) == nlen) {	/* exact match wins */
			match = o;
			ambiguous = 0;
			break;
		}
		if (match)
			ambiguous = 1;
		else
			match = o;
	}
	optind++;
	optind_seen = optind;
	if (!match || ambiguous) {
		if (opterr && optstring[0] != ':')
			fprintf(stderr, "%s: %s option '%s'\n", argv[0], ambiguous ? "ambiguous" : "unrecognized", arg);
		optopt = 0;
		return '?';
	}
	if (eq) {
		if (match->has_arg == no_argument) {
			if (opterr && optstring[0] != ':')
				fprintf(stderr, "%s: option '--%s' doesn't allow an argument\n", argv[0], match->name);
			optopt = match->val;
			return '?';
		}
		optarg = (char *)eq + 1;
	} else if (match->has_arg == required_argument) {
		if (optind >= argc) {
			if (opterr && optstring[0] != ':')
				fprintf(stderr, "%s: option '--%s' requires an argument\n", argv[0], match->name);
			optopt = match->val;
			return optstring[0] == ':' ? ':' : '?';
		}
		optarg = argv[optind++];
		optind_seen = optind;
	}
	if (longindex)
		*longindex = (int)(match - longopts);
	if (match->flag) {
		*match->flag = match->val;
		return 0;
	}
	return match->val;
}
